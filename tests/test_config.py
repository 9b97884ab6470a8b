"""The user's config file: every bad value reported with file, line and key, the default used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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


def test_defaults_load_without_problems() -> None:
    settings = load_settings()
    assert settings.problems == ()
    assert settings.theme == "brief-dark"
    assert settings.parse.shingle_words == 2


def test_user_file_overrides_key_by_key_and_reports_mistakes(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(
        "theme: brief-light\n"
        "ui:\n  sidebr: false\n  newest_first: maybe\n  actor_match: all\n"
        "dedup:\n  containment: 0.6\n"
        "topics:\n  defined:\n    Transport: [bridge, ferry]\n    Broken: 7\n"
        "actors:\n  kinds:\n    Acme: robot\n"
    )
    settings = load_settings(str(path))
    problems = "\n".join(settings.problems)
    assert f"{path}:3: ui.sidebr: unknown setting (did you mean 'ui.sidebar'?)" in problems
    assert f"{path}:4: ui.newest_first: expected true/false" in problems
    assert "topics.defined.Broken: expected a list of keywords" in problems
    assert "actors.kinds.Acme: kind must be one of" in problems
    assert settings.theme == "brief-light"
    assert settings.ui["newest_first"] is True  # default kept for the bad value
    assert settings.ui["actor_match"] == "all"
    assert settings.parse.containment == 0.6
    assert settings.parse.shingle_words == 2  # untouched keys keep their defaults
    assert ("Transport", ("bridge", "ferry")) in settings.parse.topics
    assert any(label == "Energy" for label, _ in settings.parse.topics)


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("theme: brief-dark\nui: [unclosed\n")
    settings = load_settings(str(path))
    assert settings.problems and settings.problems[0].startswith(f"{path}:")
    assert "invalid YAML" in settings.problems[0]
    assert settings.theme == "brief-dark"


def test_yaml_files_are_read_from_their_json_copy_until_they_change(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A start reads config and themes from JSON copies and need not import PyYAML; a changed
    file is parsed again; data JSON cannot hold exactly, and broken YAML, are never copied."""
    import importlib

    settings_module = importlib.import_module("brief.parsers.settings")
    copies = tmp_path / "yaml"
    first = settings_module.load_yaml_kept("theme: brief-light\nui:\n  preview: true\n", copies, "a")
    real = settings_module.load_yaml

    def no_yaml(text: str) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(settings_module, "load_yaml", no_yaml)
    assert settings_module.load_yaml_kept("theme: brief-light\nui:\n  preview: true\n", copies, "a") == first
    monkeypatch.setattr(settings_module, "load_yaml", real)
    assert settings_module.load_yaml_kept("theme: brief-dark\n", copies, "a") == {"theme": "brief-dark"}
    assert settings_module.load_yaml_kept("1: one\n", copies, "b") == {1: "one"}  # a number key: not copied
    assert settings_module.load_yaml_kept("1: one\n", copies, "b") == {1: "one"}
    with pytest.raises(settings_module.yaml_module().YAMLError):
        settings_module.load_yaml_kept("keys: [unclosed\n", copies, "c")


def test_a_config_problem_still_names_its_line_when_read_from_the_copy(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("theme: brief-dark\nui:\n  preveiw: true\n")
    for _ in range(2):  # parsed, then read from its copy
        settings = load_settings(str(config))
        assert any(f"{config}:3: ui.preveiw: unknown setting" in p for p in settings.problems), settings.problems


def test_keys_named_in_config_comments_are_the_keys_in_force() -> None:
    """config.yaml's "toggle with `X`" comments name the bound key of that toggle."""
    import re

    from brief.parsers.settings import bundled_config_text
    from brief.tui.keymap import ACTIONS

    keys = {a.id: a.keys.split(",") for a in ACTIONS}
    said = dict(re.findall(r"# (Show the actors/topics sidebar|Newest first)[^\n]*toggle with `([^`]+)`", bundled_config_text()))
    assert said == {"Show the actors/topics sidebar": keys["view.sidebar"][0], "Newest first": keys["view.sort"][0]}


def test_every_binding_id_is_documented_in_config_and_readme() -> None:
    from brief.parsers.settings import bundled_config_text
    from brief.tui.keymap import ACTIONS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    config = bundled_config_text()
    for action in ACTIONS:
        assert action.id in config, action.id
        assert action.id in readme, action.id
