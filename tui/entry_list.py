"""The list of deduplicated entries: time, marks, title, ×N, source."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePath

from rich.text import Text

from ..parsers.model import Entry
from ..parsers.times import short_time
from .line_list import LineList
from .safe_text import highlight, plain

_SOURCE_WIDTH = 14


class EntryList(LineList):
    """One row per entry index in ``rows`` (indexes into the briefing's entries)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: Sequence[Entry] = ()
        self.rows: Sequence[int] = ()
        self.search_text = ""
        self.show_source = False
        self.today: str | None = None
        self.time_width = 6
        """Width of the time column: 8 when the entries span years ("Sep 2004")."""
        self.is_read: Callable[[Entry], bool] = lambda entry: False
        self.is_starred: Callable[[Entry], bool] = lambda entry: False
        self.is_new: Callable[[Entry], bool] = lambda entry: False
        """New since the reader's last look (and not read yet)."""
        self.is_updated: Callable[[Entry], bool] = lambda entry: False
        """Edited since the reader's last look, this version not read yet."""
        self.positions: dict[str, int] = {}

    def show(self, entries: Sequence[Entry], rows: Sequence[int], query: str, keep_id: str | None) -> None:
        """Show ``rows`` of ``entries``; keep the cursor on ``keep_id`` when it is still listed."""
        if entries is not self.entries:  # a new briefing: work these out once, not per keystroke
            self.entries = entries
            self.show_source = len({o.path for e in entries[:2000] for o in e.occurrences}) > 1
            dated = [e.published for e in entries if e.published]
            self.today = max(dated)[:10] if dated else None
            self.time_width = 8 if self.today and any(d[:4] != self.today[:4] for d in dated) else 6
            self.positions = {entry.id: index for index, entry in enumerate(entries)}
        self.rows = rows
        self.search_text = query
        cursor = 0
        kept = self.positions.get(keep_id) if keep_id is not None else None
        if kept is not None:
            try:
                cursor = rows.index(kept)
            except ValueError:
                cursor = 0
        top = self.scroll_offset.y
        self.set_count(len(rows), cursor)
        if kept is not None and top:
            # The scroll position stays (a live blog's new posts arrive above the reader's
            # place); only a cursor pushed off the screen moves it.
            self.scroll_to(y=top, animate=False, immediate=True)
            self._scroll_cursor_into_view()

    @property
    def current(self) -> Entry | None:
        if 0 <= self.cursor < len(self.rows):
            return self.entries[self.rows[self.cursor]]
        return None

    def row_key(self, index: int) -> object:
        entry = self.entries[self.rows[index]]
        return (
            entry.id, self.is_read(entry), self.is_starred(entry), self.is_new(entry), self.is_updated(entry),
            self.search_text,
        )  # fmt: skip

    def render_row(self, index: int, width: int) -> Text:
        entry = self.entries[self.rows[index]]
        read = self.is_read(entry)
        row = Text(no_wrap=True, end="")
        row.append("●" if not read else " ", self.style_of("line-list--unread"))
        row.append("★" if self.is_starred(entry) else " ", self.style_of("line-list--star"))
        row.append(f" {short_time(entry.published, self.today):>{self.time_width}} ", self.style_of("line-list--dim"))
        title = plain(entry.title, "bold" if not read else "")
        highlight(title, self.search_text, str(self.style_of("line-list--match")) or "bold")
        tail = Text(no_wrap=True, end="")
        if self.is_new(entry):
            tail.append(" new", self.style_of("line-list--new"))
        elif self.is_updated(entry):
            tail.append(" updated" if width >= 60 else " upd", self.style_of("line-list--updated"))
        if entry.seen > 1:
            tail.append(f" ×{entry.seen}", self.style_of("line-list--accent"))
        if self.show_source and width >= 70:  # narrower, the title needs the room; the view says "In:"
            # A column of its own, left-aligned whatever the marks before it: names line up.
            name = PurePath(entry.occurrences[0].path).name
            name = name if len(name) <= _SOURCE_WIDTH else name[: _SOURCE_WIDTH - 1] + "…"
            tail.append(f" {name:<{_SOURCE_WIDTH}}", self.style_of("line-list--dim"))
        room = max(4, width - row.cell_len - tail.cell_len)
        title.truncate(room, overflow="ellipsis", pad=True)
        row.append_text(title)
        row.append_text(tail)
        return row
