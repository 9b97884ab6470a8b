"""Modal screens: the help screen (current bindings) and the facet picker (`f`)."""

from __future__ import annotations

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


def bindings_table(key_map: dict[str, list[str]]) -> Text:
    """Every action with its current keys (after the user's keymap)."""
    text = Text(end="", no_wrap=True, overflow="ellipsis")
    for action in ACTIONS:
        keys = ", ".join(format_key(k) for k in key_map.get(action.id, [])) or "(unbound)"
        text.append(f"{keys:>13}  ", "bold")
        text.append(f"{action.id:<20} ", "dim")
        text.append(f"{action.tooltip}\n")
    return text


class HelpScreen(ModalScreen[None]):
    """Lists the bindings in force, so a remapped key shows as remapped."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close", tooltip="Close the help screen"),
        Binding("j,down", "scroll(1)", "Down", id="help.down", show=False),
        Binding("k,up", "scroll(-1)", "Up", id="help.up", show=False),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 90%; max-width: 100; height: 90%; border: round $primary; background: $panel; }
    HelpScreen #help-title { padding: 0 1; text-style: bold; }
    HelpScreen VerticalScroll { padding: 0 1; }
    """

    def __init__(self, key_map: dict[str, list[str]]) -> None:
        super().__init__()
        self.key_map = key_map

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Brief — key bindings (rebind in config.yaml under keys:)  esc closes"), id="help-title")
            with VerticalScroll(can_focus=False):
                yield Static(bindings_table(self.key_map))

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)


class ChoiceList(LineList):
    """A short list of labelled choices (the picker)."""

    def __init__(self, labels: list[tuple[str, str]]) -> None:
        super().__init__()
        self.labels = labels

    def on_mount(self) -> None:
        self.set_count(len(self.labels), 0)

    def render_row(self, index: int, width: int) -> Text:
        kind, name = self.labels[index]
        text = Text(f"{kind:<7} ", style="dim", no_wrap=True, end="")
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
