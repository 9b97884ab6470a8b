"""The selected entry in full: a header (title, time, author, sources, actors) and Markdown."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from ..parsers.model import Entry

if TYPE_CHECKING:
    from textual.widgets import Markdown
from ..parsers.text_clean import scrub
from ..parsers.times import long_time
from .safe_text import plain

DISPLAY_LIMIT = 200_000
"""Characters of a body rendered in the view; a 50 MB entry must not freeze the terminal."""


def sources_line(entry: Entry) -> str:
    """The files an entry was seen in, each once, with how often when more than once:
    "monday.txt ×2, evening.md" (post numbers would count posts before merging)."""
    counts: dict[str, int] = {}
    for occurrence in entry.occurrences:
        name = PurePath(occurrence.path).name or occurrence.path
        counts[name] = counts.get(name, 0) + 1
    return ", ".join(f"{name} ×{count}" if count > 1 else name for name, count in counts.items())


def entry_header(entry: Entry, starred: bool, read: bool, change: str | None = None) -> Text:
    """Title and metadata, built as Text (briefing text is never markup)."""
    text = Text(end="")
    text.append_text(Text(scrub(entry.title), style="bold"))
    meta = [m for m in (long_time(entry.published), entry.author) if m]
    line = Text("\n", end="")
    line.append_text(plain(" · ".join(meta), "dim"))
    if entry.seen > 1:
        line.append(f"{' · ' if meta else ''}seen ×{entry.seen}", "bold")
    if starred:
        line.append("  ★ starred", "bold")
    if not read:
        line.append("  ● unread", "dim")
    if line.plain.strip():  # an undated entry without an author leaves no blank line
        text.append_text(line)
    if change:
        text.append("\n")
        text.append(change, "bold")
    where = sources_line(entry)
    if where:
        text.append("\nIn: ", "dim")
        text.append_text(plain(where))
    if entry.actors:
        text.append("\nActors: ", "dim")
        for number, actor in enumerate(entry.actors):
            if number:
                text.append(", ", "dim")
            text.append_text(plain(actor, "bold italic"))
    if entry.topics:
        text.append("\nTopics: ", "dim")
        text.append_text(plain(", ".join(entry.topics), "italic"))
    if entry.link:
        text.append("\nLink: ", "dim")
        text.append_text(plain(entry.link, "underline"))
    return text


class EntryView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Scrollable entry: header, then the body as Markdown (links are reported, not opened)."""

    DEFAULT_CSS = """
    EntryView { background: $surface; padding: 0 1; scrollbar-size-vertical: 1; }
    EntryView #entry-header { padding: 0 0 1 0; color: $text; }
    EntryView Markdown { margin: 0; padding: 0; background: $surface; }
    EntryView .-match { background: $accent 20%; }
    EntryView .-match-current { background: $accent 45%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entry: Entry | None = None
        self.shown_once = False
        self._rendered: tuple[str, str] | None = None
        """(id, body) of the entry whose body the Markdown holds, once fully rendered."""
        """Set once the first entry has been asked for (it is shown after the first paint)."""
        self.search_text = ""
        self._matches: list[Widget] = []
        self._match_index = -1

    def compose(self) -> ComposeResult:
        yield Static(Text("No entry selected.", style="dim"), id="entry-header")

    async def _body(self) -> Markdown:
        """The Markdown widget, created on first use (its import is kept off the first paint)."""
        from textual.widgets import Markdown

        found = self.query("#entry-body")
        if found:
            return found.first(Markdown)
        body = Markdown("", open_links=False, id="entry-body")
        await self.mount(body)
        return body

    async def show(
        self,
        entry: Entry | None,
        starred: bool,
        read: bool,
        query: str,
        empty: str = "No entry matches the current filters.",
        change: str | None = None,
    ) -> None:
        """Show ``entry`` (or ``empty``, saying why there is none); re-render the body only when
        the entry changed."""
        header = self.query_one("#entry-header", Static)
        body = await self._body()
        if entry is None:
            header.update(Text(empty, style="dim"))
            self.entry = self._rendered = None
            await body.update("")
            return
        header.update(entry_header(entry, starred, read, change))
        self.entry = entry
        if self._rendered != (entry.id, entry.body):
            # A show cancelled mid-update (a newer key's show replaces it) leaves ``_rendered``
            # as it was, so the next show renders the body again rather than keeping a blank.
            self._rendered = None
            text = scrub(entry.body)
            if len(text) > DISPLAY_LIMIT:
                size = f"{len(text):,}"
                text = f"{text[:DISPLAY_LIMIT]}\n\n*… shown up to {DISPLAY_LIMIT:,} of {size} characters (`y` copies it all).*"
            await body.update(text)
            self._rendered = (entry.id, entry.body)
            self.scroll_home(animate=False)
        self.set_query(query)

    # ---- the pane interface (see ``pane.Pane``): the motion keys scroll the text -----------
    def move(self, delta: int) -> None:
        self.scroll_relative(y=delta, animate=False)

    def page(self, direction: int) -> None:
        if direction > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)

    def first(self) -> None:
        self.scroll_home(animate=False)

    def last(self) -> None:
        self.scroll_end(animate=False)

    def set_query(self, query: str) -> None:
        """Mark the body blocks that contain the search words."""
        self.search_text = query
        found = self.query("#entry-body")
        if not found:
            return
        body = found.first()
        needles = [n for n in query.casefold().split() if n]
        self._matches = []
        for block in body.children:
            source = str(getattr(block, "source", "") or "")
            hit = bool(needles) and all(n in source.casefold() for n in needles)
            block.set_class(hit, "-match")
            block.remove_class("-match-current")
            if hit:
                self._matches.append(block)
        self._match_index = -1

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def next_match(self, step: int) -> int:
        """Scroll to the next (step=1) or previous (-1) matching block; its 1-based number."""
        if not self._matches:
            return 0
        if 0 <= self._match_index < len(self._matches):
            self._matches[self._match_index].remove_class("-match-current")
        self._match_index = (self._match_index + step) % len(self._matches)
        block = self._matches[self._match_index]
        block.add_class("-match-current")
        self.scroll_to_widget(block, animate=False, top=True)
        return self._match_index + 1
