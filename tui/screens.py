"""Modal screens: the help screen (current bindings) and the facet picker (`f`)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

from .keymap import ACTIONS
from .line_list import LineList
from .safe_text import plain


def bindings_table(key_map: dict[str, list[str]], width: int = 100) -> Table:
    """Every action with its current keys (after the user's keymap); a description wraps in
    its own column, never under the keys. Below 70 columns the binding ids give way."""
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True, style="bold")
    if width >= 70:
        table.add_column(no_wrap=True, style="dim")
    table.add_column(ratio=1, overflow="fold")
    for action in ACTIONS:
        keys = ", ".join(format_key(k) for k in key_map.get(action.id, [])) or "(unbound)"
        cells = (keys, action.id, action.tooltip) if width >= 70 else (keys, action.tooltip)
        table.add_row(*cells)
    return table


HELP_NOTES = (
    ("ctrl+p", "Command palette: every action by name, and themes (previewed as you move)"),
    ("/ then esc", "Clear the search and close the box"),
    ("/ then enter", "Keep the search and go back to the list"),
    ("●", "Unread"),
    ("★", "Starred (s)"),
    ("×N", "Seen N times: the same story in N places (the view lists them under In:)"),
    ("new / updated", "New since your last look at its source / edited since (d shows how)"),
    ("⚠ N problems", "In the status line: sources or settings with problems (! lists them)"),
)


def notes_table() -> Table:
    """What the bindings table cannot say: the palette, the search box's keys, the marks."""
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True, style="bold")
    table.add_column(ratio=1, overflow="fold")
    for key, meaning in HELP_NOTES:
        table.add_row(key, meaning)
    return table


class HelpText(Static):
    """The bindings and notes, laid out for the width the help screen has."""

    def __init__(self, key_map: dict[str, list[str]]) -> None:
        super().__init__()
        self.key_map = key_map

    def render(self) -> Group:
        width = self.size.width or 100
        heading = Text("\nAlso\n", style="bold")
        return Group(bindings_table(self.key_map, width), heading, notes_table())


class ScrollingText(ModalScreen[None]):
    """A modal page of text (help, problems) that the list keys scroll."""

    BINDINGS = [
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("pagedown,space,ctrl+f", "page(1)", "Page down", show=False),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False),
        Binding("g,home", "ends(0)", "First", show=False),
        Binding("G,end", "ends(1)", "Last", show=False),
    ]

    def _scroll(self) -> VerticalScroll:
        return self.query_one(VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self._scroll().scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        scroll = self._scroll()
        scroll.scroll_relative(y=pages * max(1, scroll.size.height - 1), animate=False)

    def action_ends(self, last: int) -> None:
        scroll = self._scroll()
        scroll.scroll_end(animate=False) if last else scroll.scroll_home(animate=False)


class HelpScreen(ScrollingText):
    """Lists the bindings in force, so a remapped key shows as remapped."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close", tooltip="Close the help screen")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 95%; max-width: 110; height: 90%; border: round $primary; background: $panel; }
    HelpScreen #help-title { padding: 0 1; text-style: bold; }
    HelpScreen VerticalScroll { padding: 0 1; }
    HelpScreen HelpText { height: auto; }
    """

    def __init__(self, key_map: dict[str, list[str]]) -> None:
        super().__init__()
        self.key_map = key_map

    def compose(self) -> ComposeResult:
        with Vertical():
            title = "Brief — keys (rebind in config.yaml under keys:)  esc closes"
            yield Static(Text(title, no_wrap=True, overflow="ellipsis"), id="help-title")
            with VerticalScroll(can_focus=False):
                yield HelpText(self.key_map)


class ChoiceList(LineList):
    """A short list of labelled choices (the picker)."""

    def __init__(self, labels: list[tuple[str, str]]) -> None:
        super().__init__()
        self.labels = labels

    def on_mount(self) -> None:
        self.set_count(len(self.labels), 0)

    def render_row(self, index: int, width: int) -> Text:
        kind, name = self.labels[index]
        column = max(len(k) for k, _ in self.labels)  # "organisation" and "topic" line up
        text = Text(f"{kind:<{column}} ", style="dim", no_wrap=True, end="")
        text.append_text(plain(name))
        return text


class Picker(ModalScreen[tuple[str, str] | None]):
    """Pick one of a few (kind, value) choices: an actor or topic to filter by, a link to open."""

    BINDINGS = [
        Binding("enter,space", "choose", "Choose", id="picker.choose", tooltip="Take the choice under the cursor"),
        Binding("escape,q", "dismiss_none", "Cancel", id="picker.close", tooltip="Close without filtering"),
        Binding("j,down", "move(1)", "Down", id="cursor.down", show=False),
        Binding("k,up", "move(-1)", "Up", id="cursor.up", show=False),
    ]
    DEFAULT_CSS = """
    Picker { align: center middle; }
    Picker > Vertical { width: 72; max-width: 95%; height: auto; max-height: 80%; border: round $accent; background: $panel; }
    Picker ChoiceList { height: auto; max-height: 20; }
    Picker #picker-title { padding: 0 1; text-style: bold; }
    """

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"{self.title_text}  (enter: choose, esc: cancel)"), id="picker-title")
            yield ChoiceList(self.choices)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(ChoiceList))  # at once: keys typed right after "f" land here

    def action_move(self, delta: int) -> None:
        self.query_one(ChoiceList).move(delta)

    def action_choose(self) -> None:
        choice_list = self.query_one(ChoiceList)
        if self.choices:
            self.dismiss(self.choices[choice_list.cursor])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def on_line_list_chosen(self, event: LineList.Chosen) -> None:
        self.dismiss(self.choices[event.index])
