"""BriefApp: facet sidebar, entry list and entry view, driven from the keyboard."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.keys import format_key
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..parsers import Briefing
from ..parsers.export import entry_markdown, to_markdown, view_of
from ..parsers.memory import keep_out_of_collections
from ..parsers.model import Entry
from ..parsers.query import highlights
from ..parsers.text_clean import scrub

if TYPE_CHECKING:
    from textual.widgets import Input, Markdown

    from .watch import SourceWatcher
from .actor_corrections import ActorCorrections
from .entry_list import EntryList
from .entry_view import EntryView
from .facet_list import FacetList, facet_rows
from .filters import BriefingIndex, Filter, FilterResult
from .history import History
from .keymap import ACTIONS, check_keymap
from .line_list import LineList
from .links import entry_links, open_in_browser
from .live import Live
from .loading import LoadProgress, load_briefing, reread_changed
from .paths import state_dir
from .problems import Problem, ProblemLog, notice
from .safe_text import plain
from .screens import HelpScreen, Picker
from .settings import Settings
from .status_line import fit
from .store import MarkStore
from .themes import choose_theme, load_themes, with_ansi_gaps_filled


class MainScreen(Screen[None], inherit_bindings=False):
    """The reader. Holds the briefing, the filter and the marks; widgets only display."""

    BINDINGS = [
        *(Binding(a.keys, a.action, a.description, show=a.show, id=a.id, tooltip=a.tooltip) for a in ACTIONS
          if a.id != "app.quit"),
        Binding("q", "app.quit", "Quit", id="app.quit", tooltip="Quit Brief"),
    ]  # fmt: skip
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (60, "-narrow"), (100, "-normal"), (150, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-tall")]

    DEFAULT_CSS = """
    MainScreen { layout: vertical; }
    #body { height: 1fr; }
    #sidebar { width: 32; border-right: solid $panel; }
    MainScreen.-narrow #sidebar { width: 24; }
    MainScreen.-tiny #sidebar { display: none; }
    /* Under 60 columns `b` gives the sidebar the whole width, in place of the list and view. */
    MainScreen.-tiny.-facets #sidebar { display: block; width: 100%; border-right: none; }
    MainScreen.-tiny.-facets #main { display: none; }
    MainScreen.-wide #sidebar { width: 36; }
    #main { width: 1fr; }
    #entries { height: 45%; min-height: 3; }
    /* The line between list and view is a widget of its own: a border on a pane would meet the
       focus bar in a corner. */
    #split { height: 1; border-top: solid $panel; }
    MainScreen.-wide #main { layout: horizontal; }
    MainScreen.-wide #entries { height: 1fr; width: 45%; }
    MainScreen.-wide #split { height: 1fr; width: 1; border-top: none; border-left: solid $panel; }
    MainScreen.-wide #view { width: 1fr; }
    MainScreen.-short #entries { height: 50%; }
    #view { height: 1fr; }
    #search-bar { display: none; height: 1; layout: horizontal; background: $panel; }
    #search-bar.-visible { display: block; }
    #search-prompt { width: 3; padding: 0 0 0 1; background: $panel; color: $accent; text-style: bold; }
    #search { width: 1fr; height: 1; border: none; padding: 0 1 0 0; background: $panel; }
    #status { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    MainScreen.-short Footer { display: none; }
    LineList:focus, EntryView:focus { background-tint: $foreground 3%; }
    /* The focused pane has a bar down its left side (a character, so NO_COLOR shows it too). */
    #sidebar, #entries, #view { border-left: blank; }
    #sidebar:focus, #entries:focus, #view:focus { border-left: thick $accent; }
    """

    def __init__(self, app_ref: BriefApp) -> None:
        super().__init__()
        self.brief = app_ref
        self.briefing: Briefing = Briefing((), ())
        self.index = BriefingIndex(self.briefing)
        self.filter = Filter(actor_mode=str(app_ref.settings.ui.get("actor_match", "any")))
        self.newest_first = bool(app_ref.settings.ui.get("newest_first", True))
        self.preview = bool(app_ref.settings.ui.get("preview", False))
        self.enter_focuses_view = bool(app_ref.settings.ui.get("enter_focuses_view", False))
        self.result = FilterResult(())
        self.query_error: Exception | None = None
        """What is wrong with the query in the search box, while it is malformed."""
        self.shown: Entry | None = None
        """The entry the view shows, or is about to: it is drawn by a worker, so keys typed in
        a burst ("enter" then "s") must not act on the one it showed before."""
        self._order: list[int] = []
        self.is_loading = True
        self.progress = ""
        """The step a cold load is at, shown after "Loading…"."""
        self._status_text: Text | None = None
        """The whole status line, before it is cut to the width."""
        self.corrections = ActorCorrections(self)

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield FacetList(id="sidebar")
            with Vertical(id="main"):
                yield EntryList(id="entries")
                yield Static(id="split")
                yield EntryView(id="view")
        yield Static(Text("Loading…"), id="status")
        # The search box and the Footer (a widget per key) are mounted after the first paint.

    def on_mount(self) -> None:
        entries = self.query_one(EntryList)
        entries.is_read = lambda entry: self.brief.store.is_read(entry.mark_ids)
        entries.is_starred = lambda entry: self.brief.store.is_starred(entry.mark_ids)
        entries.is_new = self.is_new
        entries.is_updated = self.brief.live.is_updated
        if not self.brief.settings.ui.get("sidebar", True):
            self.query_one(FacetList).display = False
        self.set_focus(entries)
        self.brief.screen_ready()

    # ---- data ------------------------------------------------------------------------------
    def set_briefing(self, briefing: Briefing, index: BriefingIndex | None = None, partial: bool = False) -> None:
        """Show a briefing; ``partial`` while only the newest entries (the cached head) are in."""
        keep = self.current_entry.id if self.current_entry else None
        if keep is not None and keep not in briefing.by_id:
            keep = self._successor_id(briefing, keep)  # merged with a copy, or edited: the same entry
        if self.shown is not None and self.shown.id not in briefing.by_id:
            successor = self._successor_id(briefing, self.shown.id)
            if successor is not None:
                self.shown = briefing.by_id[successor]
        self.briefing = briefing
        self.index = index if index is not None else BriefingIndex(briefing)
        self._order = self.index.order(self.newest_first)
        self.is_loading = partial
        known_actors = {a.name for a in briefing.actors}
        known_topics = {t.name for t in briefing.topics}
        self.filter = replace(
            self.filter, actors=self.filter.actors & known_actors, topics=self.filter.topics & known_topics
        )
        self.query_one(FacetList).set_rows(facet_rows(briefing))
        self.refilter(keep)
        if not partial:
            self.call_after_refresh(self._build_search, self.index)  # after the screen is painted
        if not self.query(Footer):
            self.call_after_refresh(self._mount_late)

    def _successor_id(self, briefing: Briefing, gone: str) -> str | None:
        """The entry of ``briefing`` that took the place of entry ``gone``: one it was merged
        into, or its edited version."""
        for entry_id, old in self.brief.live.changes.updated.items():
            if old == gone and entry_id in briefing.by_id:
                return entry_id
        return next((e.id for e in briefing.entries if gone in e.member_ids), None)

    @work(thread=True, exclusive=True, group="search-index")
    def _build_search(self, index: BriefingIndex) -> None:
        """Search signatures for a big briefing, made off the UI thread once it is shown."""
        index.build_search()

    async def _mount_late(self) -> None:
        """Widgets the first screen does without, so it paints sooner."""
        if not self.query("#search"):
            from .search_input import SearchInput

            search = SearchInput(placeholder="Search titles and bodies (esc clears, enter keeps)", id="search")
            bar = Horizontal(Static(Text("/"), id="search-prompt"), search, id="search-bar")
            await self.mount(bar, before=self.query_one("#status"))
        if not self.query(Footer):
            await self.mount(Footer(compact=True, show_command_palette=False))
            self.refresh_bindings()  # a Footer mounted late fills in on the next bindings signal

    @property
    def current_entry(self) -> Entry | None:
        return self.query_one(EntryList).current

    def refilter(self, keep_id: str | None = None) -> None:
        """Apply the filter; update list, facets, status and view."""
        entry_list = self.query_one(EntryList)
        if keep_id is None and entry_list.current is not None:
            keep_id = entry_list.current.id
        entries = self.briefing.entries
        store = self.brief.store

        def apply(flt: Filter) -> FilterResult:
            return self.index.apply(
                flt,
                self._order,
                lambda i: store.is_read(entries[i].mark_ids),
                lambda i: store.is_starred(entries[i].mark_ids),
                lambda i: self.is_new(entries[i]),
            )

        result = apply(self.filter)
        self.query_error = result.error
        if result.error is not None:
            # A query being typed ("actor:" before its name) keeps the last good list; after a
            # reload there is none of this briefing, so the query is left out until it parses.
            result = self.result if self.result.index is self.index else apply(replace(self.filter, query=""))
        self.result = result
        entry_list.show(entries, self.result.indexes, self.marked_words, keep_id)
        self.query_one(FacetList).update_counts(self.result.count, self.filter.actors, self.filter.topics)
        self.update_status()
        view = self.query_one(EntryView)
        shown = self.index.position.get(self.shown.id) if self.shown is not None else None
        if view.entry is None and not view.shown_once:
            view.shown_once = True
            self.call_after_refresh(self.show_current)  # the list paints first, the body just after
        elif self.preview or shown is None or shown not in self.result.index_set:
            self.show_current()  # the entry being read was filtered out: show the first match
        else:
            self.refresh_view()

    @property
    def marked_words(self) -> str:
        """The words and phrases of the query that shown entries hold, to mark in them."""
        if not self.filter.query.strip() or self.query_error is not None:
            return ""
        return highlights(self.index.parsed(self.filter.query))

    def update_status(self, note: str | None = None) -> None:
        total = len(self.briefing.entries)
        shown = len(self.result.indexes)
        text = Text(no_wrap=True, end="")
        if self.is_loading or self.progress:
            text.append(f"Loading… {self.progress} · " if self.progress else "Loading… ")
        text.append(f"{shown} of {total} entries", "bold")
        if self.query_error is not None:  # first: what is wrong must fit in 80 columns
            text.append(" · ⚠ query: ", "bold")
            text.append_text(plain(str(self.query_error)))
        new, updated = self.change_counts()
        if new:
            text.append(f" · {new} new", "bold")
        if updated:
            text.append(f" · {updated} updated", "bold")
        if self.filter.active:
            text.append(" · ")
            text.append_text(plain(self.filter.describe()))
            if self.filter.actors and len(self.filter.actors) > 1:
                text.append(f" ({self.filter.actor_mode.upper()})")
        if self.result.hidden_by:
            hidden = ", ".join(f"{count} by {name}" for name, count in self.result.hidden_by.items())
            text.append(f" · hidden: {hidden}", "dim")
        if not self.newest_first:
            text.append(" · oldest first", "dim")
        unseen = self.brief.problems.unseen
        if unseen:
            key = format_key(self.brief.key_map().get("app.problems", ["!"])[0])
            text.append(f" · ⚠ {len(unseen)} problem{'s' if len(unseen) != 1 else ''} ({key})", "bold")
        if note:
            text.append(" · ")
            text.append_text(plain(note))
        status = self.query_one("#status", Static)
        width = (status.size.width or self.size.width) - 2  # its padding
        self._status_text = text
        status.update(fit(text, width))

    def on_resize(self) -> None:
        """The status line is cut to the width: cut it again to the new one (once laid out)."""
        self.call_after_refresh(self._refit_status)

    def _refit_status(self) -> None:
        status = self.query_one("#status", Static)
        text = self._status_text
        if text is not None:
            status.update(fit(text, (status.size.width or self.size.width) - 2))

    def show_current(self) -> None:
        """Show the entry under the list cursor in the view."""
        self.shown = self.current_entry
        self._show(self.shown)

    def refresh_view(self) -> None:
        """Re-show the entry in the view (its marks or the search changed)."""
        entry = self.briefing.by_id.get(self.shown.id) if self.shown is not None else None
        self.shown = entry or self.shown
        self._show(self.shown)

    @work(exclusive=True, group="view")
    async def _show(self, entry: Entry | None) -> None:
        store = self.brief.store
        ids = entry.mark_ids if entry else ()
        view = self.query_one(EntryView)
        await view.show(
            entry, store.is_starred(ids), store.is_read(ids), self.marked_words, self._nothing_shown(), self._change_note(entry)
        )

    def _change_note(self, entry: Entry | None) -> str | None:
        """What the view says of an entry new or edited since the reader's last look."""
        live = self.brief.live
        if entry is None:
            return None
        if entry.id in live.changes.updated:
            key = self.brief.key_map().get("entry.diff", ["d"])[0]
            return f"✎ Edited since your last look: {key} shows what changed"
        if self.is_new(entry):
            return "✦ New since your last look"
        return None

    def is_new(self, entry: Entry) -> bool:
        """New since the reader's last look at its source, and not read yet."""
        return self.brief.live.is_new(entry) and not self.brief.store.is_read(entry.mark_ids)

    def change_counts(self) -> tuple[int, int]:
        """(new, updated) entries not read yet, for the status line."""
        live, by_id = self.brief.live, self.briefing.by_id
        new = sum(1 for i in live.changes.new if (e := by_id.get(i)) is not None and self.is_new(e))
        updated = sum(1 for i in live.changes.updated if (e := by_id.get(i)) is not None and live.is_updated(e))
        return new, updated

    def _nothing_shown(self) -> str:
        """Why the view is empty: the filters, or sources with no entries at all."""
        if self.briefing.entries or self.is_loading:
            if not self.briefing.entries:
                return "Loading…"
            key = format_key(self.brief.key_map().get("filter.clear", ["c"])[0])
            return f"No entry matches the current filters: press {key} to clear them."
        if self.briefing.errors:
            return "No entries: no source could be read (the messages say why; r reloads)."
        return "No entries in these sources."

    @on(LineList.Highlighted, "#entries")
    def _entry_highlighted(self) -> None:
        if self.preview:
            self.show_current()

    @on(LineList.Chosen, "#entries")
    def _entry_chosen(self) -> None:
        self.action_open_entry()

    @on(LineList.Chosen, "#sidebar")
    def _facet_chosen(self) -> None:
        self.action_toggle_facet()

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        """A link clicked in the entry body: open it (or copy it when no browser is here)."""
        event.prevent_default()
        self.open_url(event.href)

    # ---- panes -----------------------------------------------------------------------------
    def _panes(self) -> list[LineList | EntryView]:
        panes: list[LineList | EntryView] = [self.query_one(FacetList), self.query_one(EntryList), self.query_one(EntryView)]
        shown = [pane for pane in panes if pane.display and pane.region.width > 0]
        return shown or panes[1:]

    def _focused_pane(self) -> LineList | EntryView:
        focused = self.focused
        if isinstance(focused, LineList | EntryView):
            return focused
        return self.query_one(EntryList)

    def action_focus_next_pane(self) -> None:
        self._cycle(1)

    def action_focus_previous_pane(self) -> None:
        self._cycle(-1)

    def _cycle(self, step: int) -> None:
        panes = self._panes()
        current = self._focused_pane()
        position = panes.index(current) if current in panes else 0
        self.set_focus(panes[(position + step) % len(panes)])

    # ---- motions: the focused pane moves (see ``pane.Pane``) -------------------------------
    def action_cursor_down(self) -> None:
        self._focused_pane().move(1)

    def action_cursor_up(self) -> None:
        self._focused_pane().move(-1)

    def action_cursor_first(self) -> None:
        self._focused_pane().first()

    def action_cursor_last(self) -> None:
        self._focused_pane().last()

    def action_page_down(self) -> None:
        self._focused_pane().page(1)

    def action_page_up(self) -> None:
        self._focused_pane().page(-1)

    # ---- entry actions ---------------------------------------------------------------------
    def _after_mark(self, entry: Entry) -> None:
        entry_list = self.query_one(EntryList)
        if self.filter.unread_only or self.filter.starred_only:
            self.refilter(entry.id)
        else:
            entry_list.invalidate()
            self.refresh_view()
        if self.brief.store.warning:
            self.brief.notify(self.brief.store.warning, severity="warning", markup=False)
            self.brief.store.warning = None

    def action_open_entry(self) -> None:
        pane = self._focused_pane()
        if isinstance(pane, FacetList):
            self.action_toggle_facet()
            return
        entry = self.current_entry
        if entry is None:
            return
        if not self.brief.store.is_read(entry.mark_ids):
            self.brief.store.set_read(entry.mark_ids, True)
            self.query_one(EntryList).invalidate()
        updated = self.brief.live.is_updated(entry)
        self.brief.live.read(entry)  # the version read: what a later edit is compared with
        if updated:
            self.query_one(EntryList).invalidate()
            self.update_status()
        self.show_current()
        if self.enter_focuses_view:
            self.set_focus(self.query_one(EntryView))

    def action_show_diff(self) -> None:
        """What changed in the entry: the version last read against this one."""
        from .diff_screen import DiffScreen

        in_view = isinstance(self.focused, EntryView)
        entry = (self.shown if in_view else None) or self.current_entry
        if entry is None:
            return
        live = self.brief.live
        lineage = live.lineage(entry)
        versions = live.history.versions(lineage)
        if all(v.id != entry.id for v in versions):
            live.history.keep(lineage, entry.id, entry.title, entry.body)
            versions = live.history.versions(lineage)
        if len(versions) < 2 and entry.id not in live.changes.updated:
            self.brief.notify("This entry has not changed since Brief first saw it.", markup=False)
            return
        self.app.push_screen(DiffScreen(entry.title, versions, entry.id))

    def action_next_unread(self) -> None:
        self._read_unread(1)

    def action_prev_unread(self) -> None:
        self._read_unread(-1)

    def _read_unread(self, step: int) -> None:
        """Open the nearest unread entry down (or up) the list from the cursor, as a reader
        works through a briefing; said so when there is none left that way."""
        entry_list = self.query_one(EntryList)
        is_read = self.brief.store.is_read
        index = entry_list.cursor + step
        while 0 <= index < len(entry_list.rows):
            if not is_read(entry_list.entries[entry_list.rows[index]].mark_ids):
                entry_list.cursor = index
                self.set_focus(entry_list)
                self.action_open_entry()
                return
            index += step
        self.brief.notify(f"No unread entry {'below' if step > 0 else 'above'}", timeout=2)

    def action_toggle_read(self) -> None:
        entry = self.current_entry
        if entry is not None:
            self.brief.store.set_read(entry.mark_ids, not self.brief.store.is_read(entry.mark_ids))
            self._after_mark(entry)

    def action_toggle_star(self) -> None:
        entry = self.current_entry
        if entry is not None:
            self.brief.store.set_starred(entry.mark_ids, not self.brief.store.is_starred(entry.mark_ids))
            self._after_mark(entry)

    def action_copy_entry(self) -> None:
        entry = self.current_entry
        if entry is None:
            return
        self.brief.copy_to_clipboard(entry_markdown(entry))
        # Said in the status line: a notification would cover the text being read at 80×24.
        self.update_status("copied as Markdown (OSC 52)")

    def action_open_link(self) -> None:
        """Open the entry's link; with links in its text too, pick one first."""
        entry = self.shown or self.current_entry
        if entry is None:
            return
        links = entry_links(entry)
        if not links:
            self.brief.notify("This entry has no links.", severity="warning", markup=False)
        elif len(links) == 1:
            self.open_url(links[0][1])
        else:
            self.app.push_screen(Picker("Open link…", links), lambda choice: choice and self.open_url(choice[1]))

    def open_url(self, url: str) -> None:
        if open_in_browser(url):
            self.brief.notify(f"Opened {url}", markup=False)
            return
        self.brief.copy_to_clipboard(url)
        self.update_status(f"no browser here: copied the link ({url})")

    def action_filter_by(self) -> None:
        entry = self.current_entry
        if entry is None:
            return
        kinds = {actor.name: actor.kind for actor in self.briefing.actors}
        choices = [(kinds.get(name, "actor"), name) for name in entry.actors] + [("topic", name) for name in entry.topics]
        if not choices:
            self.brief.notify("This entry names no actors or topics.", markup=False)
            return

        def picked(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            kind, name = choice
            if kind != "topic" and name not in self.filter.actors:
                self.filter = self.filter.toggle_actor(name)
            elif kind == "topic" and name not in self.filter.topics:
                self.filter = self.filter.toggle_topic(name)
            self.refilter(entry.id)

        self.app.push_screen(Picker("Filter by…", choices), picked)

    # ---- filters ---------------------------------------------------------------------------
    def action_toggle_facet(self) -> None:
        """space: select a facet in the sidebar; in the list or the view, scroll the entry
        being read one page on (as in newsboat), so reading needs no change of pane."""
        pane = self._focused_pane()
        if isinstance(pane, EntryView | EntryList):
            self.query_one(EntryView).page(1)
            return
        if not isinstance(pane, FacetList):
            return
        row = pane.current
        if row is None or row.kind == "header":
            return
        if row.kind == "actor":
            self.filter = self.filter.toggle_actor(row.name)
        else:
            self.filter = self.filter.toggle_topic(row.name)
        self.refilter()

    async def action_search(self) -> None:
        await self._mount_late()
        self.query_one("#search-bar").add_class("-visible")
        self.set_focus(self.query_one("#search"))

    def close_search(self) -> None:
        self.query_one("#search-bar").remove_class("-visible")
        self.filter = replace(self.filter, query="")
        self.refilter()
        self.set_focus(self.query_one(EntryList))

    def on_input_changed(self, event: Input.Changed) -> None:
        """Each keystroke in the search box narrows the list."""
        if event.input.id != "search":
            return
        self.filter = replace(self.filter, query=event.value)
        self.refilter()

    def keep_search(self) -> None:
        """Enter keeps the search and returns to the list (at once: see SearchInput)."""
        from textual.widgets import Input

        search = self.query_one("#search", Input)
        if not search.value.strip():
            self.query_one("#search-bar").remove_class("-visible")
        self.set_focus(self.query_one(EntryList))

    def action_toggle_unread(self) -> None:
        self.filter = replace(self.filter, unread_only=not self.filter.unread_only)
        self.refilter()

    def action_toggle_starred(self) -> None:
        self.filter = replace(self.filter, starred_only=not self.filter.starred_only)
        self.refilter()

    def action_toggle_new(self) -> None:
        self.filter = replace(self.filter, new_only=not self.filter.new_only)
        self.refilter()

    def action_clear_filters(self) -> None:
        for search in self.query("#search"):
            search.value = ""
        for bar in self.query("#search-bar"):
            bar.remove_class("-visible")
        self.filter = self.filter.cleared()
        self.refilter()

    def action_toggle_match_mode(self) -> None:
        self.filter = replace(self.filter, actor_mode="all" if self.filter.actor_mode == "any" else "any")
        self.refilter()
        self.update_status(f"actors must match {self.filter.actor_mode.upper()} selected")

    def action_next_match(self) -> None:
        self._match(1)

    def action_prev_match(self) -> None:
        self._match(-1)

    def _match(self, step: int) -> None:
        view = self.query_one(EntryView)
        if not self.filter.query.strip():
            self.update_status("no search: press / to search")
            return
        number = view.next_match(step)
        self.update_status(f"match {number} of {view.match_count}" if number else "no match in this entry")

    def _with_actor(self, then: Callable[[str], None], title: str) -> None:
        """``then`` for the sidebar's actor under the cursor, else for one of the entry's (the
        one it names, or one picked)."""
        pane = self._focused_pane()
        if isinstance(pane, FacetList):
            row = pane.current
            if row is not None and row.kind == "actor":
                then(row.name)
            return
        entry = self.shown if isinstance(pane, EntryView) else self.current_entry
        if entry is None or not entry.actors:
            self.update_status("this entry names no actors")
            return
        if len(entry.actors) == 1:
            then(entry.actors[0])
            return
        kinds = {actor.name: actor.kind for actor in self.briefing.actors}
        choices = [(kinds.get(name, "actor"), name) for name in entry.actors]
        self.app.push_screen(Picker(title, choices), lambda choice: choice and then(choice[1]))

    def action_open_actor(self) -> None:
        """The actor view for the sidebar's actor under the cursor, else one of the entry's."""
        self._with_actor(self._open_actor, "Actor view of…")

    def action_merge_actor(self) -> None:
        self._with_actor(self.corrections.merge, "Merge which actor?")

    def action_rename_actor(self) -> None:
        self._with_actor(self.corrections.rename, "Rename which actor?")

    def action_split_actor(self) -> None:
        self._with_actor(self.corrections.split, "Split a name off which actor?")

    def action_hide_actor(self) -> None:
        self._with_actor(self.corrections.hide, "Hide which actor?")

    def reopen_actor(self, name: str | None) -> None:
        """After a correction made in the actor view: that view (and any it was opened from)
        closed, and the corrected actor's opened afresh."""
        from .actor_screen import ActorScreen

        while isinstance(self.app.screen, ActorScreen):
            self.app.pop_screen()
        if name is not None:
            self._open_actor(name)

    def _open_actor(self, name: str) -> None:
        from .actor_screen import ActorScreen

        if name not in {actor.name for actor in self.briefing.actors}:
            return
        self.app.push_screen(ActorScreen(self.briefing, self.index.profile(name), self.index.profile), self._from_actor_view)

    def _from_actor_view(self, entry_id: str | None) -> None:
        """An entry chosen in the actor view: shown, and the list's cursor on it when listed."""
        entry = self.briefing.by_id.get(entry_id) if entry_id else None
        if entry is None:
            return
        position = self.index.position.get(entry.id)
        entry_list = self.query_one(EntryList)
        if position is not None and position in self.result.index_set:
            entry_list.cursor = list(self.result.indexes).index(position)
        self.shown = entry
        self._show(entry)

    def _digest(self) -> str:
        """The entries shown, in list order, as a Markdown digest headed by the query."""
        entries = self.briefing.entries
        view = view_of(self.briefing, tuple(entries[i] for i in self.result.indexes))
        return to_markdown(view, query=self.filter.describe() or "all entries")

    def action_export_view(self) -> None:
        """The view as a digest file; the status line says where."""
        folder = Path(str(self.brief.settings.ui.get("digest_folder") or ".")).expanduser()
        try:
            path = write_digest(folder, self._digest())
        except OSError as error:
            self.brief.note_problem(f"could not write the digest to {folder}: {error.strerror or error}")
            return
        try:  # short enough for 80 columns when it is where the reader was started
            shown = path.relative_to(Path.cwd())
        except ValueError:
            shown = path
        self.update_status(f"{len(self.result.indexes)} entries written to {shown}")

    def action_copy_digest(self) -> None:
        self.brief.copy_to_clipboard(self._digest())
        self.update_status(f"copied a digest of {len(self.result.indexes)} entries (OSC 52)")

    def action_toggle_sort(self) -> None:
        self.newest_first = not self.newest_first
        self._order = self.index.order(self.newest_first)
        self.refilter()

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(FacetList)
        if self.has_class("-tiny"):
            # Too narrow for three panes: the sidebar takes the screen until `b` again.
            opening = not self.has_class("-facets")
            self.set_class(opening, "-facets")
            sidebar.styles.clear_rule("display")  # the layout's rules decide, at this width and after
            self.set_focus(sidebar if opening else self.query_one(EntryList))
            return
        sidebar.display = not sidebar.display
        if not sidebar.display and sidebar.has_focus:
            self.set_focus(self.query_one(EntryList))

    def action_reload(self) -> None:
        if self.brief.load_running:
            # A loading thread cannot be stopped: a second one would double the work and memory.
            self.notify("Still loading: reload when it has finished.", severity="warning", markup=False)
            return
        self.brief.load_sources()

    def action_problems(self) -> None:
        """Every source error and settings problem of this run, in full."""
        from .problems_screen import ProblemsScreen

        self.brief.problems.mark_seen()
        self.brief.push_screen(ProblemsScreen(self.brief.problems.all))
        self.update_status()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.brief.key_map()))


WATCH_AFTER_PAINT = 0.4
"""Seconds after the first screen that the sources start to be watched."""
PROBLEMS_TOLD_AFTER = 2.0
"""Seconds into a load after which settings problems are told without waiting for its end."""


def write_digest(folder: Path, text: str, now: datetime | None = None) -> Path:
    """``text`` as ``brief-digest-YYYYMMDD-HHMM.md`` in ``folder`` (``-2``, ``-3``… rather than
    overwrite a digest made the same minute)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M")
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, 1000):
        path = folder / (f"brief-digest-{stamp}.md" if number == 1 else f"brief-digest-{stamp}-{number}.md")
        try:
            with open(path, "x", encoding="utf-8") as handle:
                handle.write(text)
            return path.resolve()
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: too many digests this minute")


def _is_text_input(widget: object) -> bool:
    from textual.widgets import Input

    return isinstance(widget, Input)


class BriefApp(App[int]):
    """The Brief reader."""

    TITLE = "Brief"
    ENABLE_COMMAND_PALETTE = True
    # With NO_COLOR there are no backgrounds, so the cursor is drawn in reverse video.
    CSS = """
    BriefApp.-no-color LineList > .line-list--cursor { text-style: reverse bold; }
    BriefApp.-no-color LineList > .line-list--cursor-blurred { text-style: underline; }
    /* 16 colours have no fainter blue: there an unfocused cursor is underlined. */
    BriefApp.-ansi-theme LineList > .line-list--cursor-blurred { text-style: underline; }
    """

    def __init__(
        self,
        sources: Sequence[str],
        settings: Settings,
        *,
        briefing: Briefing | None = None,
        store: MarkStore | None = None,
        watch: bool = True,
    ) -> None:
        super().__init__()
        self.sources = list(sources)
        self.settings = settings
        self.preloaded = briefing
        self.no_cache = bool(os.environ.get("BRIEF_NO_CACHE"))
        self.main_ready = False
        """True once the main screen is composed and can show a briefing."""
        self.waiting: tuple[Briefing, BriefingIndex, bool] | None = None
        """A briefing that finished loading before the screen was ready."""
        self.store = store if store is not None else MarkStore(state_dir() / "state.db")
        self.history = History(self.store.path)
        self.live = Live(self.sources, settings.parse, self.history)
        """What is new and edited since the last look; files read again as they change."""
        self.watch = watch and settings.watch
        self.watcher: SourceWatcher | None = None
        self._pending: set[str] = set()
        self._rereading = False
        self._pending_lock = threading.Lock()
        self._watch_timer_set = False
        self.problems = ProblemLog()
        """Every problem of this run, for the problems screen (`!`) and the status marker."""
        self._told: set[Problem] = set()
        """Problems a notification has counted already."""
        for message in settings.problems:
            self.problems.add("setting", message)
        self._routed: dict[int, object] = {}  # Key event id -> the widget it was sent to (see on_event)
        self.load_running = False
        """True while the loading thread works (quitting then must not wait for it)."""
        checked = check_keymap(settings.keys, settings.where)
        for message in checked.problems:
            self.problems.add("setting", message)
        self.keymap_overrides = checked.keymap
        themes = load_themes()
        for theme in themes.loaded:
            self.register_theme(theme)
        for name in list(self.available_themes):  # Textual's own ansi themes as well as Brief's
            fixed = with_ansi_gaps_filled(self.available_themes[name])
            if fixed is not self.available_themes[name]:
                self.register_theme(fixed)
        for failure in themes.failed:
            self.problems.add("setting", f"theme {failure}")
        choice = choose_theme(settings, set(self.available_themes), self.store.prefs)
        if choice.problem:
            self.problems.add("setting", choice.problem)
        self.theme = choice.name
        if os.environ.get("NO_COLOR"):
            self.add_class("-no-color")
        self.main: MainScreen | None = None

    def _theme_changed(self, theme: object) -> None:
        """A 16-colour theme underlines unfocused cursors; a theme picked in the palette is the
        one the next start opens with, until the config names another (the config file itself
        is never touched)."""
        self.set_class(bool(getattr(theme, "ansi", False)), "-ansi-theme")
        name = getattr(theme, "name", None)
        if isinstance(name, str) and not self.settings.theme_override:
            self.store.set_pref("theme", name)
            self.store.set_pref("theme.config", self.settings.theme)

    def notify(self, message: str, **options: Any) -> None:  # type: ignore[override]
        """Notifications never interpret markup or escapes: messages quote file names and text."""
        options["markup"] = False
        super().notify(scrub(message), **options)

    def key_map(self) -> dict[str, list[str]]:
        """binding id → keys in force (defaults with the user's overrides)."""
        return {a.id: (self.keymap_overrides.get(a.id) or a.keys).split(",") for a in ACTIONS}

    def on_mount(self) -> None:
        if self.preloaded is None:
            self.load_sources()  # read the cache while the screen is being built
        if self.keymap_overrides:
            self.set_keymap(self.keymap_overrides)
        self.main = MainScreen(self)
        self.push_screen(self.main)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.set_class(self.current_theme.ansi, "-ansi-theme")
        for warning in (self.store.warning, self.history.warning):
            if warning:
                self.problems.add("reader", warning)
        self.store.warning = self.history.warning = None

    def tell_problems(self) -> None:
        """One short notification for the problems not seen yet (the screen `!` has them all)."""
        unseen = self.problems.unseen
        fresh = [p for p in unseen if p not in self._told]
        if not fresh:
            return
        self._told.update(unseen)
        key = self.key_map().get("app.problems", ["!"])[0]
        severity = "error" if any(p.kind != "setting" for p in fresh) else "warning"
        self.notify(notice(unseen, format_key(key)), severity=severity, timeout=10)
        if self.main is not None and self.main_ready:
            self.main.update_status()

    def note_problem(self, message: str, kind: str = "reader") -> None:
        """A problem met while running (cache, watching): kept for `!` and told once."""
        if self.problems.add(kind, message):
            self.tell_problems()

    def screen_ready(self) -> None:
        """The main screen is composed: show the preloaded briefing or what has loaded so far."""
        if self.main is None:
            return
        self.main_ready = True
        if self.preloaded is not None:
            self.problems.set_sources(self.preloaded.errors)
            self.main.set_briefing(self.preloaded)
            self.tell_problems()
            keep_out_of_collections()
            self.live.begin(self.preloaded)
            self._changes_known()
            self._start_watching()
        else:
            # Told with the sources' problems when the load ends, or alone if it takes long.
            self.set_timer(PROBLEMS_TOLD_AFTER, self.tell_problems)
            if self.waiting is not None:
                self._loaded(*self.waiting)

    def load_sources(self) -> None:
        if self.main is not None:
            self.main.is_loading = True
            self.main.update_status()
        self._load_worker()

    @work(thread=True, exclusive=True, group="load")
    def _load_worker(self) -> None:
        """Parse (or unpack from the cache) and index off the UI thread."""
        self.load_running = True
        try:
            load_briefing(self)
        finally:
            self.load_running = False

    def _screen_gone(self) -> bool:
        """The reader is closing: a load or re-read that finishes now has nowhere to go."""
        return self._exit or self.main is None or not self.main.is_attached

    def _changes_known(self) -> None:
        """Marks of new and edited entries are known (or changed): show them."""
        if self.main is None or not self.main_ready or self._screen_gone():
            return
        with contextlib.suppress(NoMatches):  # its widgets going one by one as the reader quits
            self.main.query_one(EntryList).invalidate()
            self.main.update_status()
            self.main.refresh_view()

    def _start_watching(self) -> None:
        """Watch the sources from the first screen on: a file written while the rest of the
        briefing loads is read again once it is in (see ``_reread_worker``), never missed."""
        if self.watch and self.watcher is None:
            from .watch import SourceWatcher

            files, folders = self.live.watched()
            if files or folders:
                self.watcher = SourceWatcher(files, folders, self._from_watcher, self._watch_failed)
                self.watcher.start()

    def _from_watcher(self, paths: set[str]) -> None:
        """Files changed (called in the watching thread)."""
        with self._pending_lock:
            self._pending |= paths
            if self._rereading:
                return  # the running worker takes them next
            self._rereading = True
        try:
            self.call_from_thread(self._reread_worker)
        except RuntimeError:  # the app is closing
            self._rereading = False

    def _watch_failed(self, message: str) -> None:
        with contextlib.suppress(RuntimeError):
            self.call_from_thread(self.note_problem, message)

    def _take_pending(self) -> set[str]:
        with self._pending_lock:
            paths, self._pending = self._pending, set()
            if not paths:
                self._rereading = False
            return paths

    @work(thread=True, exclusive=False, group="reread")
    def _reread_worker(self) -> None:
        """Read changed files again and splice them in (see ``loading.reread_changed``)."""
        reread_changed(self)

    def on_load_progress(self, message: LoadProgress) -> None:
        if self.main is not None:
            self.main.progress = message.step
            self.main.update_status()

    def _loaded(self, briefing: Briefing, index: BriefingIndex, partial: bool, quiet: bool = False) -> None:
        """Show a briefing; ``quiet`` for one a watched change made (its problems were said)."""
        if self.main is None or not self.main_ready:
            self.waiting = (briefing, index, partial)  # shown as soon as the screen is up
            return
        self.waiting = None
        if self._screen_gone():
            return  # a file changed as the reader quit: nothing to show it on
        try:
            self.main.set_briefing(briefing, index, partial)
        except NoMatches:  # the screen's widgets going one by one as the reader quits
            return
        if self.watcher is None and not self._watch_timer_set:
            # Soon after the first screen is out (importing watchfiles in another thread slows
            # the paint), while the rest loads: a write from then on is read once it is in.
            self._watch_timer_set = True
            self.set_timer(WATCH_AFTER_PAINT, self._start_watching)
        if not partial:
            self.problems.set_sources(briefing.errors)
            self.main.update_status()
            if not quiet:
                self.tell_problems()

    async def on_event(self, event: events.Event) -> None:
        """Keys sent in one burst ("/ferry" typed fast or arriving in one packet over SSH) are
        all routed to the widget focused when they arrive, before "/" has moved the focus to
        the search box: such a key comes back unhandled, and is sent again to the box it was
        meant for rather than dropped (or run as a list command)."""
        if isinstance(event, events.Key):
            if not event.is_forwarded and await self._leave_text_box_at_once(event):
                return
            if not event.is_forwarded:
                self._routed[id(event)] = self.focused
                while len(self._routed) > 64:
                    del self._routed[next(iter(self._routed))]
            else:
                routed_to = self._routed.pop(id(event), None)
                focused = self.focused
                if routed_to is not None and routed_to is not focused and _is_text_input(focused):
                    event.stop()
                    event.prevent_default()
                    self.post_message(events.Key(event.key, event.character))
                    return
        await super().on_event(event)

    async def _leave_text_box_at_once(self, event: events.Key) -> bool:
        """Run a key that leaves the search box (enter, esc, or what the user bound instead)
        as soon as it arrives, before the keys that came with it are sent anywhere: they are
        then sent to the list the focus moved to, not typed into the box ("enter j" in one
        burst moves the cursor)."""
        focused = self.focused
        if event.is_printable or not getattr(focused, "LEAVES_AT_ONCE", False):
            return False  # a picker's box: its enter must see every letter typed before it
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.node is not focused or not active.enabled:
            return False
        if active.binding.action not in ("submit", "close"):
            return False
        event.stop()
        event.prevent_default()
        await self.run_action(active.binding.action, active.node)
        return True

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: object) -> None:
        names = ", ".join(sorted(f"{b.id or b.action} ({b.key})" for b in clashed_bindings))
        message = f"key binding clash: {names}"
        self.note_problem(message, "setting")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            for action in ACTIONS:
                if action.id in ("app.quit", "cursor.down", "cursor.up"):
                    continue
                yield SystemCommand(action.description, action.tooltip, getattr(screen, f"action_{action.action}"))

    def on_unmount(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
        if self.main is not None and not self.main.is_loading:
            self.live.save(self.main.briefing)  # the look the next start measures "new" from
        self.history.close()
        self.store.close()
