"""What changed in an edited entry: a word diff of the version last read against the current one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color, ColorParseError
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..parsers.text_clean import scrub
from ..parsers.versions import DiffPiece, version_text, word_diff
from .history import Version


def _when(moment: float) -> str:
    return datetime.fromtimestamp(moment).strftime("%a %d %b %H:%M")


def choose_versions(versions: Sequence[Version], current_id: str) -> tuple[Version | None, Version | None]:
    """(the version to compare from, the current one): the one last read that is not the
    current, else the newest before it."""
    current = next((v for v in versions if v.id == current_id), None)
    others = [v for v in versions if v.id != current_id]
    read = [v for v in others if v.read is not None]
    if read:
        return max(read, key=lambda v: v.read or 0.0), current
    return (others[-1] if others else None), current


def versions_line(versions: Sequence[Version], old: Version | None, current: Version | None) -> Text:
    """When each kept version was seen, the two compared marked."""
    text = Text(no_wrap=False, end="")
    for number, version in enumerate(versions, start=1):
        if number > 1:
            text.append(" · ", "dim")
        label = f"v{number} seen {_when(version.seen)}"
        if version.read is not None:
            label += ", read"
        marked = version is old or version is current
        text.append(label + (" (now)" if version is current else ""), "bold" if marked else "dim")
    return text


def diff_text(pieces: Sequence[DiffPiece], removed: Style, added: Style, folded: Style) -> Text:
    """The diff as Text (never markup: briefing text is untrusted)."""
    text = Text(end="")
    for piece in pieces:
        words = scrub(piece.text)
        if piece.kind == "folded":
            text.append(f" … {words} … ", folded)
            continue
        if text.plain and not text.plain.endswith(("\n", " ")) and not words.startswith("\n"):
            text.append(" ")
        style = removed if piece.kind == "removed" else added if piece.kind == "added" else Style()
        text.append(words, style)
    return text


class DiffScreen(ModalScreen[None]):
    """The word diff of one entry's two versions; esc goes back to the reader as it was."""

    BINDINGS = [
        Binding("escape,q,d", "dismiss", "Close", id="diff.close", tooltip="Back to the reader"),
        Binding("j,down", "scroll(1)", "Down", id="diff.down", show=False),
        Binding("k,up", "scroll(-1)", "Up", id="diff.up", show=False),
        Binding("pagedown,space,ctrl+f", "page(1)", "Page down", id="diff.page-down", show=False),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", id="diff.page-up", show=False),
        Binding("g,home", "home", "Top", id="diff.first", show=False),
        Binding("G,end", "end", "Bottom", id="diff.last", show=False),
    ]
    DEFAULT_CSS = """
    DiffScreen { align: center middle; }
    DiffScreen > Vertical { width: 96%; max-width: 110; height: 92%; border: round $accent; background: $panel; }
    DiffScreen #diff-title { padding: 0 1; text-style: bold; }
    DiffScreen #diff-versions { padding: 0 1 1 1; color: $text-muted; }
    DiffScreen VerticalScroll { padding: 0 1; }
    """

    def __init__(self, title: str, versions: Sequence[Version], current_id: str) -> None:
        super().__init__()
        self.entry_title = title
        self.versions = list(versions)
        self.current_id = current_id

    def compose(self) -> ComposeResult:
        old, current = choose_versions(self.versions, self.current_id)
        title = Text("What changed: ", end="")
        title.append(scrub(self.entry_title))
        title.append("   (esc closes)", "dim")
        with Vertical():
            yield Static(title, id="diff-title")
            yield Static(versions_line(self.versions, old, current), id="diff-versions")
            with VerticalScroll(can_focus=False):
                yield Static(self._body(old, current), id="diff-body")

    def _body(self, old: Version | None, current: Version | None) -> Text:
        if current is None or old is None:
            return Text(
                "No earlier version of this entry was kept. Brief keeps the text of every entry you "
                "read, and of every version it sees change while it runs: the next edit will show here.",
                style="dim",
            )
        variables = self.app.get_css_variables()
        no_color = self.app.has_class("-no-color")

        def colour(name: str, fallback: str) -> Style:
            if no_color:
                return Style()
            try:
                return Style(color=Color.parse(variables.get(name, fallback)).rich_color)
            except ColorParseError:
                return Style(color=fallback)

        removed = Style(strike=True) + colour("error", "red")
        added = Style(bold=True, underline=no_color) + colour("success", "green")
        folded = Style(dim=True, italic=True)
        pieces = word_diff(version_text(old.title, old.body), version_text(current.title, current.body))
        if not any(p.kind in ("added", "removed") for p in pieces):
            return Text("The two versions have the same words (only spacing or layout changed).", style="dim")
        return diff_text(pieces, removed, added, folded)

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        scroll = self.query_one(VerticalScroll)
        if direction > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)

    def action_home(self) -> None:
        self.query_one(VerticalScroll).scroll_home(animate=False)

    def action_end(self) -> None:
        self.query_one(VerticalScroll).scroll_end(animate=False)
