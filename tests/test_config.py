"""The user's config file: every bad value reported with file, line and key, the default used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from brief.parsers.settings import bundled_config
from brief.tui.settings import RANGES, load_settings


def _numbers(config: dict[str, Any], prefix: str = "") -> dict[str, float]:
    found: dict[str, float] = {}
    for key, value in config.items():
        if isinstance(value, dict):
            found.update(_numbers(value, f"{prefix}{key}."))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            found[f"{prefix}{key}"] = value
    return found


def test_every_numeric_setting_has_a_range_holding_its_default() -> None:
    numbers = _numbers(bundled_config())
    assert set(numbers) == set(RANGES)
    for key, value in numbers.items():
        low, high = RANGES[key]
        assert low <= value <= high, key


def test_a_numeric_setting_out_of_range_is_reported_and_the_default_used(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("# mine\ndedup:\n  containment: 2\n  sketch: 0\ntopics:\n  automatic: 5\n", encoding="utf-8")
    settings = load_settings(str(config))
    defaults = load_settings(str(tmp_path / "absent.yaml"))
    assert settings.parse.containment == defaults.parse.containment == 0.4
    assert settings.parse.sketch == defaults.parse.sketch
    assert settings.parse.automatic_topics == 5  # a good value next to bad ones is kept
    (containment,) = [p for p in settings.problems if "dedup.containment" in p]
    assert containment.startswith(f"{config}:3: dedup.containment: must be from 0.05 to 1")
    assert "got 2" in containment and "using the default (0.4)" in containment
    assert any(p.startswith(f"{config}:4: dedup.sketch: must be from 1 to 64") for p in settings.problems)
