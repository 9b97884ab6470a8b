"""Shared fixtures: every test gets its own XDG dirs, so no test touches the user's files."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = Path(__file__).parent / "hostile"
SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def extract_actors(texts, settings=None, gazetteer=None):  # type: ignore[no-untyped-def]
    """Scan and resolve in one call, as a load does for a briefing of these (title, body) texts."""
    from brief.parsers.actors import resolve_actors, scan_entries

    return resolve_actors(scan_entries(texts, 0, gazetteer), len(texts), settings, gazetteer)
