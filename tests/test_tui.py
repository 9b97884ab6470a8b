"""Every binding, driven with Pilot (Textual's run_test), on a small briefing."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.parsers import load
from brief.parsers.times import long_time, short_time
from brief.tui.app import BriefApp, MainScreen
from brief.tui.entry_list import EntryList
from brief.tui.entry_view import EntryView
from brief.tui.facet_list import FacetList
from brief.tui.screens import HelpScreen, Picker
from brief.tui.settings import load_settings
from brief.tui.store import MarkStore
from conftest import FIXTURES, HOSTILE

SOURCES = [str(FIXTURES / "dedup" / name) for name in ("monday-live.txt", "tuesday-live.txt", "evening-newsletter.md")]


def make_app(tmp_path: Path, config: str | None = None, sources: list[str] | None = None) -> BriefApp:
    config_file = None
    if config is not None:
        config_file = tmp_path / "config.yaml"
        config_file.write_text(config)
    settings = load_settings(str(config_file) if config_file else None)
    paths = sources or SOURCES
    return BriefApp(paths, settings, briefing=load(paths, settings.parse), store=MarkStore(tmp_path / "state.db"))


def screen(app: BriefApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def test_motions_move_the_list_cursor(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        entries = app.screen.query_one(EntryList)
        assert entries.count == 4 and entries.cursor == 0
        steps = [
            (("j",), 1), (("down", "down"), 3), (("k",), 2), (("up",), 1), (("G",), 3), (("g",), 0),
            (("end",), 3), (("home",), 0), (("pagedown",), 3), (("pageup",), 0), (("ctrl+f",), 3), (("ctrl+b",), 0),
        ]  # fmt: skip
        for keys, expected in steps:
            await pilot.press(*keys)
            assert entries.cursor == expected, keys


async def test_enter_reads_marks_and_view_shows_entry(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        view = app.screen.query_one(EntryView)
        first = view.entry
        await pilot.press("j")
        await pilot.pause()
        entry = main.current_entry
        assert entry is not None and first is not None and entry.id != first.id
        assert view.entry is first  # moving the cursor leaves the view alone (two-line redraws)
        await pilot.press("enter")
        await pilot.pause()
        assert view.entry is not None and view.entry.id == entry.id
        assert app.store.is_read(entry.member_ids)
        assert isinstance(app.focused, EntryList)  # enter keeps the focus in the list
        await pilot.press("m")
        assert not app.store.is_read(entry.member_ids)
        await pilot.press("s")
        assert app.store.is_starred(entry.member_ids)
    # Marks persist across runs, keyed by entry id.
    again = MarkStore(tmp_path / "state.db")
    assert again.is_starred(entry.member_ids)


async def test_next_and_previous_unread_read_the_nearest_unread_entry(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        entries = main.query_one(EntryList)
        view = app.screen.query_one(EntryView)
        await pilot.press("j", "j", "m")  # the third entry read (m toggles it)
        await pilot.press("g")
        await pilot.press("J")  # from the first: the second is the nearest unread below
        await pilot.pause()
        assert entries.cursor == 1 and view.entry is not None and view.entry.id == main.current_entry.id
        assert app.store.is_read(main.current_entry.mark_ids)
        await pilot.press("J")  # the third is read already: on to the fourth
        await pilot.pause()
        assert entries.cursor == 3
        await pilot.press("J")  # nothing unread below: the cursor stays, and it says so
        await pilot.pause()
        assert entries.cursor == 3
        assert any("No unread entry below" in str(n.message) for n in app._notifications)
        await pilot.press("K")  # the first is the only unread one above
        await pilot.pause()
        assert entries.cursor == 0 and app.store.is_read(main.current_entry.mark_ids)


async def test_preview_setting_follows_the_cursor(tmp_path: Path) -> None:
    app = make_app(tmp_path, config="ui:\n  preview: true\n")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        entry = screen(app).current_entry
        view = app.screen.query_one(EntryView)
        assert entry is not None and view.entry is not None and view.entry.id == entry.id
        assert not app.store.is_read(entry.member_ids)  # previewing is not reading


@pytest.mark.parametrize("into_view", [False, True])
async def test_enter_keeps_focus_in_the_list_and_space_scrolls_the_entry(tmp_path: Path, into_view: bool) -> None:
    """newsboat's way by default: after enter, j/k go on moving in the list and space pages
    the entry; ``ui.enter_focuses_view: true`` moves into the view instead."""
    config = "ui:\n  enter_focuses_view: true\n" if into_view else None
    app = make_app(tmp_path, config=config)
    async with app.run_test(size=(60, 16)) as pilot:  # a view shorter than the entry
        entries, view = app.screen.query_one(EntryList), app.screen.query_one(EntryView)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is (view if into_view else entries)
        if into_view:
            return
        for _ in range(40):  # the body is rendered by a worker, then laid out
            if view.max_scroll_y > 0:
                break
            await pilot.pause(0.05)
        assert view.max_scroll_y > 0
        # The body is there: a show cancelled by enter's own (same entry) must not leave it blank.
        assert view.query_one("#entry-body").children
        await pilot.press("space")
        assert view.scroll_y > 0 and entries.cursor == 0
        await pilot.press("j")
        assert entries.cursor == 1


async def test_tab_cycles_panes_and_b_hides_sidebar(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        entries = app.screen.query_one(EntryList)
        view = app.screen.query_one(EntryView)
        sidebar = app.screen.query_one(FacetList)
        assert app.focused is entries
        await pilot.press("tab")
        assert app.focused is view
        await pilot.press("tab")
        assert app.focused is sidebar
        await pilot.press("shift+tab")
        assert app.focused is view
        await pilot.press("b")
        assert not sidebar.display
        await pilot.press("tab", "tab")
        assert app.focused is view
        await pilot.press("b")
        assert sidebar.display


async def test_facets_space_enter_and_any_all(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        main = screen(app)
        sidebar = app.screen.query_one(FacetList)
        sidebar.focus()
        await pilot.pause()
        first = sidebar.current
        assert first is not None and first.kind == "actor"
        await pilot.press("space")
        assert main.filter.actors == {first.name}
        shown = len(main.result.indexes)
        assert 0 < shown < 4
        await pilot.press("j", "enter")
        second = sidebar.current
        assert second is not None
        assert main.filter.actors == {first.name, second.name}
        any_count = len(main.result.indexes)
        await pilot.press("a")
        assert main.filter.actor_mode == "all"
        assert len(main.result.indexes) <= any_count
        await pilot.press("c")
        assert not main.filter.active and len(main.result.indexes) == 4


async def test_search_narrows_live_and_escape_clears(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        await pilot.press("slash")
        await pilot.press(*"ferry")
        assert main.filter.query == "ferry"
        assert len(main.result.indexes) == 2
        await pilot.press("enter")
        assert isinstance(app.focused, EntryList)
        await pilot.pause()
        view = app.screen.query_one(EntryView)
        assert view.match_count >= 1
        await pilot.press("n")
        assert view.query(".-match-current")
        await pilot.press("N")
        await pilot.press("slash", "escape")
        assert main.filter.query == "" and len(main.result.indexes) == 4


async def test_a_search_sees_every_match_again_when_a_facet_is_undone(tmp_path: Path) -> None:
    """The search memo narrows a longer query from the last matches only under the same facets:
    selecting an actor and then deselecting it (or switching ANY/ALL) shows every match again."""
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        main = screen(app)
        await pilot.press("slash", *"ferr", "enter")
        matches = set(main.result.indexes)
        assert len(matches) == 2
        actors = [set(main.index.actors[i]) for i in matches]
        only_one = sorted(set.symmetric_difference(*actors))
        assert only_one, "the fixture's two ferry entries name different actors"
        sidebar = app.screen.query_one(FacetList)
        sidebar.focus()
        await pilot.pause()
        for _ in sidebar.rows:
            row = sidebar.current
            if row is not None and row.kind == "actor" and row.name == only_one[0]:
                break
            await pilot.press("j")
        assert sidebar.current is not None and sidebar.current.name == only_one[0]
        await pilot.press("space")
        assert len(main.result.indexes) == 1
        main.query_one(EntryList).focus()
        await pilot.press("slash", "end", "y", "enter")  # "ferry": narrowed from the actor's one match
        assert main.filter.query == "ferry" and len(main.result.indexes) == 1
        sidebar.focus()
        await pilot.press("space")  # the actor deselected
        assert not main.filter.actors
        assert set(main.result.indexes) == matches


async def test_a_big_briefing_is_searched_through_signatures_made_off_the_ui_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a size, the screen builds search signatures in a worker; typed searches then go
    through them and find what a scan finds."""
    from brief.tui import search_index

    monkeypatch.setattr(search_index, "MIN_CHARS", 0)  # these small fixtures count as big
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        await app.workers.wait_for_complete()
        assert main.index.body_search is not None and main.index.title_search is not None
        await pilot.press("slash", *"ferry")
        assert main.filter.query == "ferry" and len(main.result.indexes) == 2
        await pilot.press("escape", "slash", "f")
        scanned = [i for i in main._order if "f" in main.index.titles[i]]
        assert list(main.result.indexes) == scanned


async def test_unread_and_starred_filters(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        await pilot.press("enter")  # read the first entry
        main.query_one(EntryList).focus()
        await pilot.press("u")
        assert main.filter.unread_only and len(main.result.indexes) == 3
        await pilot.press("u", "j", "s", "asterisk")
        assert main.filter.starred_only and len(main.result.indexes) == 1
        assert "hidden: 3 by starred only" in str(app.screen.query_one("#status").render())


async def test_sort_toggle_reverses_order(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        before = list(main.result.indexes)
        await pilot.press("t")
        assert not main.newest_first
        assert list(main.result.indexes) != before


async def test_filter_by_picker(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        entry = main.current_entry
        assert entry is not None and entry.actors
        await pilot.press("f")
        assert isinstance(app.screen, Picker)
        kinds = {actor.name: actor.kind for actor in main.briefing.actors}
        shown = [kind for kind, _ in app.screen.choices]
        assert shown[: len(entry.actors)] == [kinds[name] for name in entry.actors]  # person, place…
        assert "actor" not in shown
        await pilot.press("enter")
        assert main.filter.actors == {entry.actors[0]}
        await pilot.press("f", "escape")
        assert app.screen is main


async def test_help_lists_current_bindings_and_remap_works(tmp_path: Path) -> None:
    app = make_app(tmp_path, config="keys:\n  cursor.down: ctrl+j\n  entry.star: x\n")
    async with app.run_test(size=(80, 24)) as pilot:
        entries = app.screen.query_one(EntryList)
        await pilot.press("ctrl+j")
        assert entries.cursor == 1
        await pilot.press("x")
        entry = screen(app).current_entry
        assert entry is not None and app.store.is_starred(entry.member_ids)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = _help_lines(app)
        assert any("ctrl+j" in line.lower() and "cursor.down" in line for line in text)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


def _help_lines(app: BriefApp) -> list[str]:
    """The help screen's text as the terminal shows it."""
    from brief.tui.screens import HelpText

    help_text = app.screen.query_one(HelpText)
    return [line.text for line in help_text.render_lines(help_text.region.reset_offset)]


@pytest.mark.parametrize("width", [80, 60])
async def test_help_wraps_in_its_columns_scrolls_to_the_ends_and_explains_the_marks(tmp_path: Path, width: int) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        lines = [line.rstrip() for line in _help_lines(app)]
        bindings = lines[: lines.index("Also")] if "Also" in lines else lines
        from textual.keys import format_key

        keys = {", ".join(format_key(k) for k in ks) for ks in app.key_map().values()}
        keys_end = max(map(len, keys))  # right-aligned in a column this wide
        wrapped = 0
        for line in filter(str.strip, bindings):  # a wrapped description stays in its column
            head = line[:keys_end].strip()
            assert head in keys or (not head and line[keys_end : keys_end + 1] == " "), line
            wrapped += not head
        assert wrapped, "at this width some descriptions wrap"
        joined = " ".join(" ".join(lines).split())
        for words in ("ctrl+p", "Command palette", "Clear the search", "Keep the search", "● Unread", "★ Starred", "×N Seen N times"):
            assert words in joined, words
        from textual.containers import VerticalScroll

        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0
        await pilot.press("G")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        assert scroll.scroll_y == 0
        await pilot.press("end")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("home")
        assert scroll.scroll_y == 0


async def test_bad_keymap_is_reported_and_app_starts(tmp_path: Path) -> None:
    app = make_app(tmp_path, config="keys:\n  cursr.down: j\n  entry.star: notakey\n  entry.copy: s\n")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        assert app.screen.query_one(EntryList).cursor == 1
        joined = "\n".join(p.line for p in app.problems.all)
        assert "did you mean 'cursor.down'" in joined
        assert "invalid key name(s) notakey" in joined
        assert "'s' is already bound to entry.star" in joined


async def test_copy_open_link_and_reload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "1 2 3 4")
    app = make_app(tmp_path, sources=[str(FIXTURES / "feed" / "atom.xml")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y")
        assert app.clipboard.startswith("# Drought eases in the south")
        await pilot.pause()
        assert not app._notifications  # said in the status line, not over the text
        assert "copied as Markdown" in str(app.screen.query_one("#status").render())
        await pilot.press("o")  # its own link and one in the text: pick
        assert isinstance(app.screen, Picker)
        await pilot.press("enter")
        assert app.clipboard == "https://field.example.org/drought"
        await pilot.press("o", "j", "enter")
        assert app.clipboard == "https://field.example.org/data"
        await pilot.press("r")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen(app).briefing.entries) == 2
        app.load_running = True  # as if a big load were still going: r must not start another
        started = len(app.workers)
        await pilot.press("r")
        assert len(app.workers) == started
        assert any("Still loading" in str(n.message) for n in app._notifications)


async def test_quit(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_mouse_click_selects_row_and_facet(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        entries = app.screen.query_one(EntryList)
        await pilot.click(EntryList, offset=(5, 2))
        assert entries.cursor == 2
        main = screen(app)
        await pilot.click(FacetList, offset=(5, 2))
        assert len(main.filter.actors) == 1
        await pilot.click(FacetList, offset=(5, 2))
        assert not main.filter.actors


async def test_untrusted_text_is_not_markup(tmp_path: Path) -> None:
    app = make_app(tmp_path, sources=[str(HOSTILE / "escapes.txt")])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(EntryView)
        header = str(app.screen.query_one("#entry-header").render())
        assert "[bold red]fake markup[/]" in header
        assert "\x1b" not in header
        assert view.entry is not None and "\x1b" not in view.entry.body and "\u202e" not in view.entry.body
        await pilot.press("q")


async def test_resize_down_to_20x5_and_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for size in ((80, 24), (20, 5), (30, 8), (200, 60), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("j")
        entries = app.screen.query_one(EntryList)
        assert entries.region.width > 0 and entries.region.height > 0
        assert app.screen.query_one(FacetList).display
        assert entries.cursor == 4 - 1  # five presses on four entries stop at the last


async def test_no_color_keeps_the_cursor_visible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        entries = app.screen.query_one(EntryList)
        style = entries.get_component_rich_style("line-list--cursor")
        assert style.reverse


async def test_unknown_theme_and_bad_keys_name_file_and_line(tmp_path: Path) -> None:
    app = make_app(tmp_path, config="theme: brief-drak\nkeys:\n  entry.star: notakey\n")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        joined = "\n".join(p.line for p in app.problems.all)
        config = tmp_path / "config.yaml"
        assert f"{config}:1: theme: unknown theme 'brief-drak' (did you mean 'brief-dark'?)" in joined
        assert f"{config}:3: keys.entry.star: invalid key name(s) notakey" in joined
        assert app.theme == "brief-dark"


async def test_footer_and_search_box_arrive_after_the_first_paint(tmp_path: Path) -> None:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query(Footer) and app.screen.query(FooterKey)  # keys shown with no key pressed
        assert app.screen.query("#search")
        await pilot.press("slash")
        assert str(app.screen.query_one("#search-prompt").render()) == "/"  # the box has its prompt


async def test_keys_typed_at_once_after_a_focus_change_reach_the_new_widget(tmp_path: Path) -> None:
    """A fast typist (or a paste over SSH) sends "/ferry" in one burst: every letter after the
    slash must land in the search box, not act as a list command ("f", "r", "y")."""
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        await pilot.pause()
        for key, character in [("slash", "/"), *[(c, c) for c in "ferry"]]:
            app.post_message(events.Key(key, character))  # queued together, no pause between
        await pilot.pause()
        await pilot.pause()
        assert main.filter.query == "ferry"
        await pilot.press("escape")
        assert isinstance(app.focused, EntryList) and main.filter.query == ""
        for key, character in [("slash", "/"), ("n", "n"), ("enter", "\r")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert main.filter.query == "n"  # "n" typed, not "next match"; enter kept the search
        assert isinstance(app.focused, EntryList)


async def test_keys_typed_at_once_after_leaving_the_search_box_reach_the_list(tmp_path: Path) -> None:
    """"enter j" or "esc j" in one burst: enter (or esc) leaves the box at once, so the "j"
    after it moves the list's cursor instead of being typed into the search."""
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        await pilot.pause()
        entries = app.screen.query_one(EntryList)
        for key, character in [("slash", "/"), ("e", "e"), ("enter", "\r"), ("j", "j"), ("j", "j")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert main.filter.query == "e" and isinstance(app.focused, EntryList)
        assert entries.cursor == 2
        for key, character in [("slash", "/"), ("escape", "\x1b"), ("k", "k")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert main.filter.query == "" and isinstance(app.focused, EntryList)
        assert entries.cursor == 1


async def test_load_progress_shows_in_the_status_line(tmp_path: Path) -> None:
    from brief.tui.app import LoadProgress

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        app.post_message(LoadProgress("merging duplicates among 5 entries"))
        await pilot.pause()
        assert "Loading… merging duplicates among 5 entries" in str(main.query_one("#status").render())
        app.post_message(LoadProgress(""))
        await pilot.pause()
        assert "Loading" not in str(main.query_one("#status").render())


def test_times_read_as_a_person_writes_them() -> None:
    assert long_time("2026-11-25T06:30:00+01:00") == "Wed 25 Nov 2026, 06:30 +01:00"
    assert long_time("2026-11-25T06:30:00+00:00") == "Wed 25 Nov 2026, 06:30 UTC"
    assert long_time("2026-11-25T06:30:00") == "Wed 25 Nov 2026, 06:30"
    assert long_time("2026-11-25") == "Wed 25 Nov 2026"
    assert long_time("not a date") == "not a date" and long_time(None) == ""
    assert short_time("2026-11-25T06:30:00+01:00", "2026-11-25") == "06:30"
    assert short_time("2026-11-24T06:30:00+01:00", "2026-11-25") == "24 Nov"
    assert short_time("2004-09-05T06:30:00+01:00", "2026-11-25") == "Sep 2004"  # another year
    assert short_time("2004-09-05", "2026-11-25") == "Sep 2004"


def _rows(app: BriefApp) -> list[str]:
    entries = app.screen.query_one(EntryList)
    return [entries.render_row(i, entries.size.width).plain for i in range(entries.count)]


async def test_a_list_spanning_years_shows_them_and_sources_line_up(tmp_path: Path) -> None:
    old = tmp_path / "archive.md"
    old.write_text("# Treaty signed at the old harbour\n\n*5 September 2004*\n\nThe treaty was signed.\n", encoding="utf-8")
    app = make_app(tmp_path, sources=[*SOURCES, str(old)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rows = _rows(app)
        treaty = next(row for row in rows if "Treaty signed" in row)
        assert "Sep 2004" in treaty and rows[-1] == treaty  # oldest last, and it says so
        others = [row for row in rows if row is not treaty]
        assert all(" 2025 " not in row for row in others)  # the newest year's days stay short
        names = ("monday-live.txt", "tuesday-live.txt", "evening-newslet", "archive.md")
        columns = {row.index(name) for row in rows for name in names if name in row}
        assert len(columns) == 1, rows  # the source column starts at one place, with or without ×N


async def test_the_view_header_has_no_blank_line_and_names_each_source_once(tmp_path: Path) -> None:
    from brief.parsers.model import Entry, Occurrence
    from brief.tui.entry_view import entry_header

    entry = Entry(
        id="x", title="Untimed", body="Text.", author=None, published=None, link=None, occurrences=(Occurrence("/a/live.txt", 4), Occurrence("/a/live.txt", 7),
                                                            Occurrence("/b/news.md", 0)),
    )  # fmt: skip
    lines = entry_header(entry, starred=False, read=True).plain.split("\n")
    assert lines[0] == "Untimed" and lines[1].startswith("seen ×3")
    entry = Entry(id="y", title="Undated", body="Text.", author=None, published=None, link=None, occurrences=(Occurrence("/a/live.txt", 4),))
    lines = entry_header(entry, starred=False, read=True).plain.split("\n")
    assert lines == ["Undated", "In: live.txt"]
    lines = entry_header(Entry("x", "T", "B", None, None, None, entry.occurrences * 2), False, True).plain
    assert "In: live.txt ×2" in lines and "#" not in lines


async def test_an_empty_view_says_why_it_is_empty(tmp_path: Path) -> None:
    """No source readable is not "no entry matches the filters"."""
    app = make_app(tmp_path, sources=[str(tmp_path / "missing.txt")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one("#entry-header").render())
        assert "no source could be read" in header
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"zzzqqq", "enter")
        await pilot.pause()
        assert "No entry matches the current filters: press c to clear them." in str(app.screen.query_one("#entry-header").render())


async def test_keys_typed_at_once_after_opening_an_entry_keep_it_in_the_view(tmp_path: Path) -> None:
    """"j enter s" (or "J s") in one burst: the view is drawn by a worker, and the star's
    redraw must show the entry just opened, not the one the view showed before."""
    from textual import events

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        await pilot.pause()
        view = app.screen.query_one(EntryView)
        for key, character in [("j", "j"), ("enter", "\r"), ("s", "s")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        opened = main.current_entry
        assert opened is not None and view.entry is not None and view.entry.id == opened.id
        assert app.store.is_starred(opened.mark_ids)
        for key, character in [("J", "J"), ("s", "s")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert view.entry is not None and view.entry.id == main.current_entry.id != opened.id


def test_an_undated_entry_lists_beside_its_neighbours_in_its_file() -> None:
    """A live page's "12 minutes ago" posts (no time) stay above the page's dated posts, not
    below every dated entry of every file."""
    from brief.tui.filters import _with_neighbours_times

    keys = ["", "", "2026-11-24T09:41:00", "2026-11-24T09:15:00", "2026-11-24T11:00:00", ""]
    files = ["live.txt", "live.txt", "live.txt", "live.txt", "wire.txt", "notes.txt"]
    assert _with_neighbours_times(keys, files) == [
        "2026-11-24T09:41:00", "2026-11-24T09:41:00", "2026-11-24T09:41:00", "2026-11-24T09:15:00",
        "2026-11-24T11:00:00", "",
    ]  # fmt: skip


async def test_start_up_problems_get_one_notice_a_status_marker_and_a_screen_with_every_one(tmp_path: Path) -> None:
    """Five settings problems and three unreadable sources: one short notice, "⚠ 8 problems"
    in the status line until `!` has been pressed, and every message in full on that screen."""
    from brief.tui.problems_screen import ProblemsScreen

    config = (
        "theme: no-such-theme-at-all\ndedup:\n  containment: 2\nui:\n  sidebr: false\n"
        "keys:\n  cursr.down: j\n  entry.star: notakey\n"
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    deep = tmp_path / "a-rather-long-folder-name-for-briefings" / "of-the-week"
    sources = [*SOURCES, str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"), str(deep / "missing.txt")]
    app = make_app(tmp_path, config=config, sources=sources)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notices = [str(n.message) for n in app._notifications]
        assert notices == ["3 sources and 5 settings have problems: press ! to see them"]
        status = str(app.screen.query_one("#status").render())
        assert "⚠ 8 problems (!)" in status
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        text = str(app.screen.query_one("#problems-text").render())
        flat = " ".join(text.split())
        for message in ("empty file", "no such file or directory", "dedup.containment: must be from 0.05 to 1",
                        "did you mean 'ui.sidebar'", "did you mean 'cursor.down'", "invalid key name(s) notakey",
                        "unknown theme 'no-such-theme-at-all'"):  # fmt: skip
            assert message in flat, message
        assert str(deep / "missing.txt") in text.replace("\n", "")  # the whole path, folded not cut
        assert "brief-contrast" not in flat  # the theme message names the closest only
        await pilot.press("G", "g", "j", "escape")
        assert isinstance(app.screen, MainScreen)
        assert "problem" not in str(app.screen.query_one("#status").render())


def test_the_status_line_is_cut_at_a_word_with_a_mark() -> None:
    from rich.text import Text

    from brief.tui.status_line import fit

    text = Text("4 of 9 entries · hidden: 4 by topics, 3 by actors")
    assert fit(text, 80) is text
    cut = fit(text, 40).plain
    assert cut == "4 of 9 entries · hidden: 4 by topics…" and len(cut) <= 40
    assert fit(Text("x" * 50), 20).plain == "x" * 19 + "…"


async def test_a_narrow_status_line_ends_with_a_mark_not_mid_word(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        main = screen(app)
        await pilot.press("slash", *"the", "enter", "u", "asterisk")
        await pilot.pause()
        status = str(main.query_one("#status").render()).strip()
        whole = main._status_text.plain if main._status_text is not None else ""
        assert len(whole) > 38 and status.endswith("…")
        assert whole.startswith(status[:-1]) and whole[len(status) - 1] in " ·,;"  # cut between words
        assert "press c to clear" in str(main.query_one("#entry-header").render())


async def test_b_at_40_columns_gives_the_sidebar_the_whole_width_and_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        sidebar, entries = app.screen.query_one(FacetList), app.screen.query_one(EntryList)
        await pilot.pause()
        assert sidebar.region.width == 0 and entries.region.width > 30
        await pilot.press("b")
        await pilot.pause()
        assert sidebar.region.width >= 38 and entries.region.width == 0 and app.focused is sidebar
        await pilot.press("space")  # select a facet there
        assert screen(app).filter.actors
        await pilot.press("b")
        await pilot.pause()
        assert sidebar.region.width == 0 and entries.region.width > 30 and app.focused is entries
        assert len(screen(app).result.indexes) < 4  # the facet chosen there filters the list


async def test_a_theme_picked_in_the_palette_is_remembered_until_the_config_names_another(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "brief-dark"
        app.theme = "brief-light"  # what the palette's "Change theme" does
        await pilot.pause()
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)):
        assert app.theme == "brief-light"
    settings = load_settings(None, theme="nord")  # --theme wins for this run
    flagged = BriefApp(SOURCES, settings, briefing=load(SOURCES), store=MarkStore(tmp_path / "state.db"))
    async with flagged.run_test(size=(80, 24)):
        assert flagged.theme == "nord"
    app = make_app(tmp_path, config="theme: brief-contrast\n")  # the user edited the config since
    async with app.run_test(size=(80, 24)):
        assert app.theme == "brief-contrast"
    assert (tmp_path / "config.yaml").read_text() == "theme: brief-contrast\n"  # never written


@pytest.mark.parametrize("theme", ["brief-dark", "brief-light", "brief-contrast", "brief-ansi"])
async def test_the_focused_pane_is_marked_and_an_unfocused_cursor_is_fainter(tmp_path: Path, theme: str) -> None:
    from rich.color import Color

    app = make_app(tmp_path, config=f"theme: {theme}\n")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        entries, sidebar = app.screen.query_one(EntryList), app.screen.query_one(FacetList)
        assert entries.styles.border_left[0] == "thick" and sidebar.styles.border_left[0] == "blank"
        focused = entries.get_component_rich_style("line-list--cursor")
        blurred = entries.get_component_rich_style("line-list--cursor-blurred")
        surface = entries.rich_style.bgcolor or Color.parse("black")

        def distance(color: Color | None) -> float:
            a, b = (color or surface).get_truecolor(), surface.get_truecolor()
            return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5

        if theme == "brief-ansi":  # no fainter one of 16 colours: no colour, and underlined
            assert blurred.bgcolor is None or blurred.bgcolor.is_default
            assert blurred.underline and focused.bgcolor is not None
        else:
            assert distance(blurred.bgcolor) < distance(focused.bgcolor), theme
        await pilot.press("tab")
        assert entries.styles.border_left[0] == "blank"


async def test_without_colour_the_unfocused_cursor_is_underlined_not_reversed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        entries = app.screen.query_one(EntryList)
        assert entries.get_component_rich_style("line-list--cursor").reverse
        blurred = entries.get_component_rich_style("line-list--cursor-blurred")
        assert blurred.underline and not blurred.reverse


async def test_every_16_colour_theme_opens_the_reader(tmp_path: Path) -> None:
    """Textual's screen CSS names $ansi-background, which its ansi palette leaves undefined: Brief
    fills the gap, so brief-ansi and Textual's own ansi themes (picked from the palette) work."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        ansi = sorted(name for name, theme in app.available_themes.items() if theme.ansi)
        assert "brief-ansi" in ansi and len(ansi) >= 2
        for name in ansi:
            app.theme = name
            await pilot.pause()
            assert screen(app).query_one(EntryList).region.width > 0, name
    for name in ansi:
        app = make_app(tmp_path, config=f"theme: {name}\n")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, MainScreen), name


async def test_a_query_being_typed_keeps_the_last_good_list_and_says_what_is_wrong(tmp_path: Path) -> None:
    desk = str(FIXTURES / "feed" / "harbour-desk.xml")
    app = make_app(tmp_path, sources=[desk])
    async with app.run_test(size=(120, 40)) as pilot:
        main = screen(app)
        await pilot.press("slash", *"harbour")
        assert len(main.result.indexes) == 2
        await pilot.press(*" (")  # a group begun, not finished: the list stays as it was
        assert len(main.result.indexes) == 2
        status = str(main.query_one("#status").render())
        assert "⚠ query: a ( is not closed (at character 9)" in status
        await pilot.press(*"actor:haddad)")
        assert main.query_error is None and len(main.result.indexes) == 1
        assert "query:" not in str(main.query_one("#status").render())
        assert main.result.count("actor", "Omar Haddad") == 1  # the sidebar counts follow the query
        from textual.widgets import Input

        main.query_one("#search", Input).value = "chess OR pilots"
        await pilot.pause()
        assert len(main.result.indexes) == 2


async def test_e_writes_a_digest_of_the_view_and_y_copies_it(tmp_path: Path) -> None:
    folder = tmp_path / "digests"
    app = make_app(tmp_path, config=f"ui:\n  digest_folder: {folder}\n")
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        await pilot.press("slash", *"actor:marsh", "enter")
        shown = [main.briefing.entries[i].title for i in main.result.indexes]
        assert 0 < len(shown) < 4
        await pilot.press("E", "E")
        # In the order written: by time (a coarse clock may give both the same), then by minute
        # stamp, then the "-2" after the one without.
        written = sorted(folder.glob("brief-digest-*.md"), key=lambda p: (p.stat().st_mtime_ns, p.name[13:26], len(p.name)))
        assert len(written) == 2  # the same minute: the second is "-2", the first not overwritten
        assert written[1].name.endswith("-2.md") or written[0].name[13:26] != written[1].name[13:26]
        text = written[0].read_text(encoding="utf-8")
        assert text.startswith('# Digest: search: "actor:marsh"\n')
        assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == shown  # in list order
        assert "Top actors: Helen Marsh (" in text
        assert main._status_text is not None and f"written to {written[1]}" in main._status_text.plain
        await pilot.press("Y")
        assert app.clipboard == text


async def test_a_opens_the_actor_view_and_it_leads_back_to_an_entry(tmp_path: Path) -> None:
    from brief.tui.actor_screen import ActorEntries, ActorScreen, CompanyList

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = screen(app)
        sidebar = app.screen.query_one(FacetList)
        sidebar.focus()
        await pilot.pause()
        while sidebar.current is not None and sidebar.current.name != "Helen Marsh":
            await pilot.press("j")
        before = (main.query_one(EntryList).cursor, main.filter)
        await pilot.press("A")
        assert isinstance(app.screen, ActorScreen) and app.screen.profile.name == "Helen Marsh"
        entries = app.screen.query_one(ActorEntries)
        assert len(entries.entries) == 2
        dates = [e.published or "" for e in entries.entries]
        assert dates == sorted(dates, reverse=True)  # newest first
        await pilot.press("escape")
        assert app.screen is main and (main.query_one(EntryList).cursor, main.filter) == before
        await pilot.press("A", "G", "enter")  # the oldest of its entries, shown in the reader
        await pilot.pause()
        assert app.screen is main
        assert main.shown is not None and main.shown.id == entries.entries[-1].id
        await pilot.press("A", "tab")
        assert isinstance(app.focused, CompanyList)
        if app.focused.company:  # a companion's own view opens on enter
            name = app.focused.company[0][0]
            await pilot.press("enter")
            assert isinstance(app.screen, ActorScreen) and app.screen.profile.name == name
            await pilot.press("escape")
        await pilot.press("escape")
        assert app.screen is main


def test_the_timeline_fits_its_width_and_counts_per_step() -> None:
    from brief.parsers.actor_profile import profile, strip

    assert strip((0, 1, 2, 4), 10) == " ▂▄█"  # an empty step is a space
    assert len(strip(tuple(range(200)), 76)) <= 76
    assert strip((0, 0), 5) == "  "
    briefing = load([str(FIXTURES / "feed" / "harbour-desk.xml")])
    haddad = profile(briefing, "Omar Haddad")
    assert sum(haddad.timeline) == 2 and haddad.step == "hour" and haddad.aliases[0] == ("Omar Haddad", 2)
    assert briefing.by_id[haddad.entry_ids[0]].title == "Ferry company hires extra crews"  # newest first
    caldera = profile(briefing, "Ines Caldera")
    assert dict(caldera.aliases) == {"Ines Caldera": 1, "Caldera": 1}
    assert ("Porto", 1) in caldera.company


async def test_a_digest_in_the_current_directory_is_named_short_enough_for_80_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        (written,) = tmp_path.glob("brief-digest-*.md")
        status = str(app.screen.query_one("#status").render())
        assert f"4 entries written to {written.name}" in status


CORRECTIONS_CONFIG = """\
# my settings, by hand
theme: brief-dark  # dark at night

actors:
  # names I know better
  aliases:
    Zelensky: Volodymyr Zelenskyy
  ignore: []   # nothing yet
"""


async def _to_sidebar_actor(pilot, app: BriefApp, name: str) -> None:  # type: ignore[no-untyped-def]
    sidebar = app.screen.query_one(FacetList)
    sidebar.focus()
    await pilot.pause()
    await pilot.press("g")
    for _ in range(40):
        if sidebar.current is not None and sidebar.current.name == name:
            return
        await pilot.press("j")
    raise AssertionError(f"{name} not in the sidebar")


async def test_merge_rename_split_and_hide_are_saved_in_a_commented_config_and_shown_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    import yaml

    from brief.tui.cli import main as cli_main
    from brief.tui.name_picker import NamePicker, NamePrompt

    sources = [str(FIXTURES / "feed" / "harbour-desk.xml")]
    app = make_app(tmp_path, CORRECTIONS_CONFIG, sources)
    config = tmp_path / "config.yaml"

    def actors() -> dict[str, tuple[str, ...]]:
        return {a.name: a.aliases for a in screen(app).briefing.actors}

    async def settle() -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    async with app.run_test(size=(80, 24)) as pilot:
        # M on the sidebar's actor: pick the other by typing part of its name, keep its name.
        await _to_sidebar_actor(pilot, app, "Zoë Kranz")
        await pilot.press("M")
        assert isinstance(app.screen, NamePicker)
        await pilot.press(*"hadd", "enter")
        assert isinstance(app.screen, Picker) and app.screen.choices[0] == ("keep", "Omar Haddad")
        await pilot.press("enter")
        await settle()
        assert "Zoë Kranz" not in actors() and "Zoë Kranz" in actors()["Omar Haddad"]
        haddad = next(a for a in screen(app).briefing.actors if a.name == "Omar Haddad")
        assert len(haddad.entry_ids) == 3
        text = config.read_text()
        assert yaml.safe_load(text)["actors"]["rename"] == {"Zoë Kranz": "Omar Haddad"}
        for line in CORRECTIONS_CONFIG.splitlines():
            assert line in text  # every line of theirs, comments too, as it was
        assert "saved in" in (screen(app)._status_text.plain if screen(app)._status_text else "")

        # R: a new name, typed; the old one is kept as an alias.
        await _to_sidebar_actor(pilot, app, "Porto")
        await pilot.press("R")
        assert isinstance(app.screen, NamePrompt)
        await pilot.press("end", *" Harbour", "enter")
        await settle()
        assert actors()["Porto Harbour"] == ("Porto",)

        # S: a lone surname taken off the person it was merged into.
        await _to_sidebar_actor(pilot, app, "Ines Caldera")
        await pilot.press("S")
        assert isinstance(app.screen, Picker) and app.screen.choices == [("name", "Caldera")]
        await pilot.press("enter")
        await settle()
        assert "Caldera" in actors() and actors()["Ines Caldera"] == ()

        # X: hidden everywhere, entries included.
        await _to_sidebar_actor(pilot, app, "Porto Harbour")
        await pilot.press("X")
        await settle()
        assert "Porto Harbour" not in actors()
        assert all("Porto Harbour" not in e.actors for e in screen(app).briefing.entries)
        saved = yaml.safe_load(config.read_text())["actors"]
        assert saved["rename"] == {"Zoë Kranz": "Omar Haddad", "Porto": "Porto Harbour"}
        assert saved["split"] == {"Ines Caldera": "Caldera"} and saved["hidden"] == ["Porto Harbour"]
        shown = actors()

    # Every later load, and `brief dump`, shows the same.
    again = make_app(tmp_path, config.read_text(), sources)
    async with again.run_test(size=(80, 24)):
        assert {a.name: a.aliases for a in screen(again).briefing.actors} == shown
    capsys.readouterr()
    assert cli_main(["dump", *sources, "--json", "--config", str(config)]) == 0
    dumped = json.loads(capsys.readouterr().out)
    assert {a["name"] for a in dumped["actors"]} == set(shown)

    # S on a name merged in with M lets it go again (the merge is taken out of the file).
    app = make_app(tmp_path, config.read_text(), sources)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_sidebar_actor(pilot, app, "Omar Haddad")
        await pilot.press("S", "enter")
        await settle()
        for _ in range(50):
            if "Zoë Kranz" in actors() and not app.load_running:
                break
            await pilot.pause(0.1)
        assert "Zoë Kranz" in actors() and "Zoë Kranz" not in actors()["Omar Haddad"]
        assert yaml.safe_load(config.read_text())["actors"]["rename"] == {"Porto": "Porto Harbour"}
        assert "# names I know better" in config.read_text()


async def test_corrections_from_the_actor_view_reopen_it_on_the_corrected_actor(tmp_path: Path) -> None:
    from brief.tui.actor_screen import ActorScreen

    sources = [str(FIXTURES / "feed" / "harbour-desk.xml")]
    app = make_app(tmp_path, CORRECTIONS_CONFIG, sources)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_sidebar_actor(pilot, app, "Porto")
        await pilot.press("A", "R", "ctrl+u", *"Porto Quay", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ActorScreen) and app.screen.profile.name == "Porto Quay"
        await pilot.press("X")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen(app)
        assert "Porto Quay" not in {a.name for a in screen(app).briefing.actors}


async def test_a_merge_typed_in_one_burst_picks_what_the_letters_name(tmp_path: Path) -> None:
    """"M kra enter" in one packet (SSH, a fast typist): the picker's enter must come after
    the letters before it, not choose from the list as it was when M opened it."""
    from textual import events

    from brief.tui.screens import Picker

    app = make_app(tmp_path, CORRECTIONS_CONFIG, [str(FIXTURES / "feed" / "harbour-desk.xml")])
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_sidebar_actor(pilot, app, "Porto")
        for key, character in [("M", "M"), ("k", "k"), ("r", "r"), ("a", "a"), ("enter", "\r")]:
            app.post_message(events.Key(key, character))
        for _ in range(4):
            await pilot.pause()
        assert isinstance(app.screen, Picker)
        assert {name for _, name in app.screen.choices} == {"Porto", "Zoë Kranz"}


async def test_a_correction_never_touches_a_config_file_it_cannot_edit_safely(tmp_path: Path) -> None:
    """A config that is not valid YAML is left byte for byte as it was; the reader says why."""
    broken = "# mine\nactors:\n  rename: {Ana: [unclosed\n"
    sources = [str(FIXTURES / "feed" / "harbour-desk.xml")]
    app = make_app(tmp_path, broken, sources)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_sidebar_actor(pilot, app, "Porto")
        await pilot.press("X")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "config.yaml").read_text() == broken
        assert "Porto" in {a.name for a in screen(app).briefing.actors}
        status = screen(app)._status_text
        assert status is not None and "could not save" in status.plain
        assert any("not valid YAML" in p.message for p in app.problems.all)
