"""Layouts at 80×24 and 120×40, dark and light (pytest-textual-snapshot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.parsers import load
from brief.tui.app import BriefApp
from brief.tui.settings import load_settings
from brief.tui.store import MarkStore
from conftest import FIXTURES

SOURCES = [str(FIXTURES / "dedup" / name) for name in ("monday-live.txt", "tuesday-live.txt", "evening-newsletter.md")]


def app_for(tmp_path: Path, theme: str) -> BriefApp:
    settings = load_settings(None, theme=theme)
    return BriefApp(SOURCES, settings, briefing=load(SOURCES, settings.parse), store=MarkStore(tmp_path / "s.db"))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("theme", ["brief-dark", "brief-light"])
def test_main_layout(snap_compare, tmp_path: Path, size: tuple[int, int], theme: str) -> None:
    assert snap_compare(app_for(tmp_path, theme), terminal_size=size, press=["j"])


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_for(tmp_path, "brief-dark"), terminal_size=(80, 24), press=["question_mark"])


def test_search_and_facet(snap_compare, tmp_path: Path) -> None:
    press = ["slash", *"ferry", "enter", "tab", "tab", "space"]
    assert snap_compare(app_for(tmp_path, "brief-contrast"), terminal_size=(120, 40), press=press)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_diff_screen(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    import time

    from brief.tui.history import History

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    app = app_for(tmp_path, "brief-dark")
    assert app.preloaded is not None
    entry = max(app.preloaded.entries, key=lambda e: e.published or "")  # the top of the list
    history = History(tmp_path / "s.db")
    earlier = entry.body.replace("independent", "full") + "\n\nA paragraph the editors later took out."
    history.keep(entry.id, "earlier-version", entry.title, earlier, read=True, seen=1_764_000_000.0)
    history.keep(entry.id, entry.id, entry.title, entry.body, seen=1_764_003_600.0)
    history.close()
    app.history.read_ids.add("earlier-version")
    assert snap_compare(app, terminal_size=size, press=["g", "d"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_problems_screen(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    monkeypatch.chdir(tmp_path)  # relative paths: the same screen wherever the tests run
    Path("config.yaml").write_text("theme: brief-drak\ndedup:\n  containment: 2\nui:\n  sidebr: false\n", encoding="utf-8")
    Path("empty.txt").write_text("", encoding="utf-8")
    settings = load_settings("config.yaml")
    sources = [*SOURCES, "empty.txt", "briefings/of-the-week/missing.txt"]
    app = BriefApp(sources, settings, briefing=load(sources, settings.parse), store=MarkStore(tmp_path / "s.db"))
    assert snap_compare(app, terminal_size=size, press=["exclamation_mark"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_actor_view(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    # The first entry (newest) names Helen Marsh first: A opens her view.
    assert snap_compare(app_for(tmp_path, "brief-dark"), terminal_size=size, press=["g", "A"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_merge_picker(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    # M on the newest entry's actor (Helen Marsh), narrowed by typing.
    assert snap_compare(app_for(tmp_path, "brief-dark"), terminal_size=size, press=["g", "M", "o"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_rename_prompt(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path, "brief-dark"), terminal_size=size, press=["g", "R"])
