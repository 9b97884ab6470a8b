"""Live briefings: files followed as they change, "new since last look", and word diffs of edits."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.parsers import load, read_source
from brief.parsers.live import splice
from brief.parsers.settings import default_settings
from brief.parsers.versions import compare, decode_look, encode_look, marks_by_source, word_diff
from brief.tui.app import BriefApp, MainScreen
from brief.tui.diff_screen import DiffScreen
from brief.tui.entry_list import EntryList
from brief.tui.settings import load_settings
from brief.tui.store import MarkStore
from conftest import FIXTURES

BLOG = FIXTURES / "dedup" / "monday-live.txt"
FERRY = "11.05 GMT\nFerry operator doubles crossings\nThe ferry operator said it would double its crossings from Tuesday to carry commuters while the bridge stays shut.\n\n"


def _with_new_post(text: str) -> str:
    return text.replace("10.30 GMT\n", FERRY + "10.30 GMT\n", 1)


def _edited(text: str) -> str:
    return text.replace("30 extra services", "45 extra services").replace(
        "at the ferry terminal.", "at the ferry terminal.\nThe council said the extra buses would be free for a week."
    )


# ---- pure logic -------------------------------------------------------------------------------
def test_compare_tells_new_from_edited_and_known(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text(BLOG.read_text())
    before = load([str(path)])
    look = marks_by_source(before)
    path.write_text(_edited(_with_new_post(BLOG.read_text())))
    after = load([str(path)])
    changes = compare(look, after)
    titles = {after.by_id[i].title for i in changes.new}
    assert titles == {"Ferry operator doubles crossings"}
    [(edited, old)] = changes.updated.items()
    assert after.by_id[edited].title == "Bus operators add extra services" and old in before.by_id
    assert changes.lineage[edited] == old
    # Nothing is new in a source never looked at; everything is when it arrived while running.
    assert compare({}, after) .new == frozenset()
    assert len(compare({}, after, arrived=[str(path)]).new) == 3


def test_two_posts_with_different_times_are_never_one_edited_post(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text(BLOG.read_text())
    look = marks_by_source(load([str(path)]))
    # The 09.15 post is deleted and a different one is written at 09.20 with the same headline.
    path.write_text(BLOG.read_text().replace("09.15 GMT", "09.20 GMT").replace("30 extra", "12 more"))
    changes = compare(look, load([str(path)]))
    assert not changes.updated and len(changes.new) == 1


def test_a_look_survives_its_encoding() -> None:
    marks = marks_by_source(load([str(BLOG)]))[str(BLOG)]
    assert decode_look(encode_look(marks)) == marks
    assert decode_look("not json") is None and decode_look('[["x"]]') is None


def test_word_diff_marks_changed_words_and_folds_context() -> None:
    old = " ".join(f"w{i}" for i in range(40)) + " 30 services.\n\nPassengers were told."
    new = " ".join(f"w{i}" for i in range(40)) + " 45 services.\n\nPassengers were told.\n\nBuses are free."
    pieces = word_diff(old, new, context=3)
    assert [p.text for p in pieces if p.kind == "removed"] == ["30"]
    assert [p.text for p in pieces if p.kind == "added"] == ["45", "\n\nBuses are free."]
    folded = [p.text for p in pieces if p.kind == "folded"]
    assert folded == ["37 unchanged words"]


@given(st.text(max_size=200), st.text(max_size=200))
def test_word_diff_keeps_every_word_of_both_versions(old: str, new: str) -> None:
    pieces = word_diff(old, new, context=10_000)
    before = " ".join(p.text for p in pieces if p.kind in ("same", "removed")).split()
    after = " ".join(p.text for p in pieces if p.kind in ("same", "added")).split()
    assert before == old.split() and after == new.split()


def test_splice_of_an_unchanged_file_changes_nothing(tmp_path: Path) -> None:
    sources = [str(FIXTURES / "dedup" / n) for n in ("monday-live.txt", "tuesday-live.txt", "evening-newsletter.md")]
    briefing = load(sources)
    settings = default_settings()
    again = splice(briefing, read_source(sources[1], settings), settings)
    assert set(again.entries) == set(briefing.entries)
    assert {a.name: set(a.entry_ids) for a in again.actors} == {a.name: set(a.entry_ids) for a in briefing.actors}


def test_splice_adds_a_new_post_with_the_actors_it_names_and_folds_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text(BLOG.read_text())
    other = FIXTURES / "dedup" / "tuesday-live.txt"
    settings = default_settings()
    briefing = load([str(path), str(other)])
    copied = next(e for e in briefing.entries if e.occurrences[0].path == str(other))
    post = "\n\nTransport chief Helen Marsh said the ferry would run all night."
    path.write_text(
        _with_new_post(BLOG.read_text()).replace("while the bridge stays shut.", "while the bridge stays shut." + post)
        + f"\n\n08.00 GMT\n{copied.title}\n{copied.body}\n"
    )
    spliced = splice(briefing, read_source(str(path), settings), settings)
    full = load([str(path), str(other)])
    ferry = next(e for e in spliced.entries if e.title == "Ferry operator doubles crossings")
    assert "Helen Marsh" in ferry.actors
    assert [e.id for e in spliced.entries if e.title == ferry.title] == [e.id for e in full.entries if e.title == ferry.title]
    # The copy of another source's post joins that entry, as a full load would have it.
    joined = next(e for e in spliced.entries if copied.id in e.member_ids)
    assert {o.path for o in joined.occurrences} == {str(path), str(other)}
    assert len(spliced.entries) == len(full.entries)


# ---- the reader -------------------------------------------------------------------------------
def _app(tmp_path: Path, sources: list[str], watch: bool = True) -> BriefApp:
    return BriefApp(sources, load_settings(None), store=MarkStore(tmp_path / "state.db"), watch=watch)


async def _until(pilot: object, condition: object, timeout: float = 8.0) -> None:
    waited = 0.0
    while not condition():  # type: ignore[operator]
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        waited += 0.05
        if waited > timeout:
            raise AssertionError("timed out")


def _titles(app: BriefApp) -> list[str]:
    entries = app.screen.query_one(EntryList)
    return [entries.entries[i].title for i in entries.rows]


async def test_a_post_appended_to_a_watched_file_appears_with_the_cursor_unmoved(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text(BLOG.read_text())
    app = _app(tmp_path, [str(path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await _until(pilot, lambda: app.watcher is not None and len(_titles(app)) == 2)
        await pilot.press("j")
        entries = app.screen.query_one(EntryList)
        before = entries.current
        assert before is not None
        await asyncio.sleep(0.3)  # let the watcher settle
        path.write_text(_with_new_post(path.read_text()))
        await _until(pilot, lambda: len(_titles(app)) == 3)
        assert entries.current is not None and entries.current.id == before.id
        assert isinstance(app.screen, MainScreen)
        main = app.screen
        assert main.change_counts() == (1, 0)
        assert "1 new" in str(main.query_one("#status").render())
        # filter.new shows only the new post; reading it clears the mark.
        await pilot.press("w")
        assert _titles(app) == ["Ferry operator doubles crossings"]
        await pilot.press("enter")
        await pilot.pause()
        assert main.change_counts() == (0, 0)


async def test_a_file_replaced_atomically_is_followed_and_an_edit_shows_its_diff(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text(BLOG.read_text())
    app = _app(tmp_path, [str(path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await _until(pilot, lambda: app.watcher is not None and len(_titles(app)) == 2)
        await asyncio.sleep(0.3)
        temporary = tmp_path / ".blog.txt.part"
        temporary.write_text(_edited(path.read_text()))
        os.replace(temporary, path)
        main = app.screen
        assert isinstance(main, MainScreen)
        await _until(pilot, lambda: main.change_counts() == (0, 1))
        await pilot.press("j")
        assert main.current_entry is not None and main.current_entry.title == "Bus operators add extra services"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        body = str(app.screen.query_one("#diff-body").render())
        assert "45" in body and "30" in body and "free for a week" in body
        await pilot.press("escape")
        assert app.screen is main


async def test_a_deleted_file_keeps_its_entries_until_it_is_back(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text(BLOG.read_text())
    app = _app(tmp_path, [str(path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await _until(pilot, lambda: app.watcher is not None and len(_titles(app)) == 2)
        await asyncio.sleep(0.3)
        text = path.read_text()
        path.unlink()
        await _until(pilot, lambda: "blog.txt" in app.live.stale.get(str(path), "") or str(path) in app.live.stale)
        assert len(_titles(app)) == 2
        path.write_text(_with_new_post(text))
        await _until(pilot, lambda: len(_titles(app)) == 3)
        assert str(path) not in app.live.stale


async def test_new_since_last_look_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text(BLOG.read_text())
    async with _app(tmp_path, [str(path)], watch=False).run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
    path.write_text(_edited(_with_new_post(BLOG.read_text())))
    app = _app(tmp_path, [str(path)], watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        await _until(pilot, lambda: isinstance(main, MainScreen) and main.change_counts() == (1, 1))
        assert isinstance(main, MainScreen)
        await pilot.press("w")
        assert _titles(app) == ["Ferry operator doubles crossings"]
    # Seen now: the next start has nothing new (the look moved on at quit).
    app = _app(tmp_path, [str(path)], watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        await pilot.pause(0.5)
        assert isinstance(main, MainScreen) and main.change_counts() == (0, 0)


def _dump(path: Path, env: dict[str, str]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-m", "brief.tui.cli", "dump", str(path), "--json"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return dict(json.loads(out.stdout))


async def test_dump_says_which_entries_were_updated_and_how_many_versions(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text(BLOG.read_text())
    env = {**os.environ}
    state = Path(env["XDG_STATE_HOME"]) / "brief" / "state.db"
    first = _dump(path, env)
    assert all(e["updated"] is False and e["versions"] == 1 for e in first["entries"])  # type: ignore[union-attr,index]
    app = BriefApp([str(path)], load_settings(None), store=MarkStore(state), watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("j", "enter")  # read the 09.15 post: its text is kept
        await pilot.pause()
    path.write_text(_edited(BLOG.read_text()))
    dumped = _dump(path, env)
    by_title = {e["title"]: e for e in dumped["entries"]}  # type: ignore[union-attr,index]
    assert by_title["Bus operators add extra services"]["updated"] is True
    assert by_title["Bus operators add extra services"]["versions"] == 2
    assert by_title["Engineers find cracks in main span of river bridge"]["updated"] is False


@pytest.mark.parametrize("flag", [["--no-watch"]])
def test_no_watch_is_an_option(flag: list[str]) -> None:
    out = subprocess.run([sys.executable, "-m", "brief.tui.cli", "--help"], capture_output=True, text=True, check=True)
    assert flag[0] in out.stdout


async def test_a_folder_that_gains_a_file_gets_it_read_and_its_posts_are_new(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    folder.mkdir()
    (folder / "blog.txt").write_text(BLOG.read_text())
    app = _app(tmp_path, [str(folder)])
    async with app.run_test(size=(80, 24)) as pilot:
        await _until(pilot, lambda: app.watcher is not None and len(_titles(app)) == 2)
        await asyncio.sleep(0.3)
        (folder / "notes.md").write_text("# Harbour pilots strike\n\nPilots at the harbour walked out on Tuesday over new shift rotas.\n")
        (folder / "ignored.tmp").write_text("not a briefing file")
        await _until(pilot, lambda: "Harbour pilots strike" in _titles(app))
        main = app.screen
        assert isinstance(main, MainScreen) and main.change_counts() == (1, 0)
        assert all(source.path != str(folder / "ignored.tmp") for source in main.briefing.sources)


def test_a_write_made_while_the_watches_are_set_up_is_caught_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Watches take a moment to be in place; a file changed in that moment is reported by the
    catch-up check (here the watch itself never reports anything)."""
    import threading

    import watchfiles

    from brief.tui import watch

    def silent(*roots: object, stop_event: threading.Event, **options: object) -> object:
        stop_event.wait()
        return iter(())

    monkeypatch.setattr(watchfiles, "watch", silent)
    monkeypatch.setattr(watch, "CATCH_UP_S", 0.2)
    path = tmp_path / "blog.txt"
    path.write_text("one", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    seen: list[set[str]] = []
    done = threading.Event()
    watcher = watch.SourceWatcher([str(path)], [str(folder)], lambda paths: (seen.append(paths), done.set()))
    watcher.start()
    assert watcher._baseline.wait(5)  # the watches are being set up from here
    path.write_text("one and two", encoding="utf-8")
    (folder / "new.md").write_text("# New\n\nText.\n", encoding="utf-8")
    (folder / "skip.tmp").write_text("x", encoding="utf-8")
    assert done.wait(5)
    watcher.stop()
    assert seen == [{str(path), str(folder / "new.md")}]


async def test_a_change_read_as_the_reader_quits_has_nowhere_to_go_and_is_no_error(tmp_path: Path) -> None:
    """A re-read finishing after the screen went (the file changed as the user pressed q) is dropped."""
    from brief.tui.filters import BriefingIndex

    path = tmp_path / "blog.txt"
    path.write_text(BLOG.read_text())
    app = _app(tmp_path, [str(path)], watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _until(pilot, lambda: len(_titles(app)) == 2)
        briefing = app.screen.briefing  # type: ignore[attr-defined]
    app._loaded(briefing, BriefingIndex(briefing), False, True)
    app._changes_known()
