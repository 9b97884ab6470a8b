"""A virtualised, keyboard-driven list drawn with the Line API (after toolong's LogLines).

Only visible rows are rendered; rendered rows are cached; moving the cursor repaints two
lines. Subclasses say how many rows there are and how one row looks.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class LineList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows 0..count-1 with a cursor; Brief's screen bindings drive it (none built in)."""

    COMPONENT_CLASSES = {"line-list--cursor", "line-list--cursor-blurred", "line-list--dim", "line-list--match",
                         "line-list--accent", "line-list--header", "line-list--unread", "line-list--star", "line-list--new", "line-list--updated"}  # fmt: skip

    DEFAULT_CSS = """
    LineList { background: $surface; overflow-x: hidden; scrollbar-size-vertical: 1; }
    LineList > .line-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    /* Unfocused, the cursor is fainter than the focused one (Brief's themes set the colour). */
    LineList > .line-list--cursor-blurred { background: $block-cursor-blurred-background; }
    LineList > .line-list--dim { color: $text-muted; }
    LineList > .line-list--match { color: $accent; text-style: bold underline; }
    LineList > .line-list--accent { color: $accent; }
    LineList > .line-list--header { color: $primary; text-style: bold; }
    LineList > .line-list--unread { color: $primary; }
    LineList > .line-list--star { color: $warning; }
    LineList > .line-list--new { color: $success; text-style: bold; }
    LineList > .line-list--updated { color: $warning; text-style: bold; }
    """

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    choose_on_click = False
    """True: one click chooses the row (facets); False: click highlights, a second opens."""

    class Highlighted(Message):
        """The cursor moved to a row."""

        def __init__(self, sender: LineList, index: int) -> None:
            super().__init__()
            self.sender = sender
            self.index = index

        @property
        def control(self) -> LineList:
            return self.sender

    class Chosen(Message):
        """A row was chosen (enter or click)."""

        def __init__(self, sender: LineList, index: int) -> None:
            super().__init__()
            self.sender = sender
            self.index = index

        @property
        def control(self) -> LineList:
            return self.sender

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.count = 0
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)

    # ---- to implement ---------------------------------------------------------------------
    def row_key(self, index: int) -> object:
        """What identifies the content of a row for the cache."""
        return index

    def render_row(self, index: int, width: int) -> Text:
        """The row's text (no cursor styling; that is applied here)."""
        raise NotImplementedError

    # ---- data -----------------------------------------------------------------------------
    def set_count(self, count: int, cursor: int | None = None) -> None:
        """Replace the rows; keep the cursor in range."""
        self.count = count
        self._cache.clear()
        self.virtual_size = Size(self.size.width, count)
        target = self.cursor if cursor is None else cursor
        self.set_reactive(LineList.cursor, max(0, min(target, count - 1)))
        self._scroll_cursor_into_view()
        self.refresh()

    def invalidate(self) -> None:
        """Row contents changed (marks, query, counts): re-render visible rows."""
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self.count)
        self._cache.clear()

    def on_focus(self) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor)

    # ---- rendering ------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= self.count or width <= 0:
            return Strip.blank(width, self.rich_style)
        is_cursor = index == self.cursor
        focused = self.has_focus
        key = (self.row_key(index), is_cursor, focused, width)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        text = self.render_row(index, width)
        base = self.rich_style
        if is_cursor:
            cursor_style = self.get_component_rich_style(
                "line-list--cursor" if focused else "line-list--cursor-blurred", partial=True
            )
            text.stylize(cursor_style)
            pad_style = base + cursor_style
        else:
            pad_style = base
        text.truncate(width, overflow="ellipsis")
        segments = [Segment(seg.text, base + seg.style if seg.style else base) for seg in text.render(self.app.console)]
        strip = Strip(segments).adjust_cell_length(width, pad_style).simplify()
        self._cache[key] = strip
        return strip

    def style_of(self, component: str) -> Style:
        return self.get_component_rich_style(component, partial=True)

    # ---- cursor ---------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_cursor_into_view()
        self.post_message(self.Highlighted(self, new))

    def _scroll_cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0 or self.count == 0:
            return
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    # ---- the pane interface (see ``pane.Pane``): what the motion keys do --------------------
    def move(self, delta: int) -> None:
        if self.count:
            self.cursor = max(0, min(self.count - 1, self.cursor + delta))

    def page(self, direction: int) -> None:
        self.move(direction * max(1, self.scrollable_content_region.height - 1))

    def first(self) -> None:
        if self.count:
            self.cursor = 0

    def last(self) -> None:
        if self.count:
            self.cursor = self.count - 1

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self.count:
            self.focus()
            if self.choose_on_click or index == self.cursor or event.chain > 1:
                self.post_message(self.Chosen(self, index))
            self.cursor = index
