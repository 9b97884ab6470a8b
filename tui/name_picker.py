"""Modal screens for the actor corrections: pick an actor by typing part of its name (merge),
or type a new name (rename). Keys typed go to the box; up/down move the list; esc cancels."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..parsers.query import fold
from .line_list import LineList
from .safe_text import plain

KIND_LABELS = {"organisation": "org"}
"""Kinds as short as the column they sit in."""
SHOWN_MAX = 200
"""Matches listed at most: enough to pick from, few enough to draw at once at 100k entries."""


def rank(query: str, names: Sequence[str]) -> list[int]:
    """Indexes of ``names`` matching ``query`` (case and accents aside), best first: the whole
    query inside the name (at a word's start first), then every query word starting a word of
    the name, then its letters in order. Ties keep the given order (most entries first)."""
    wanted = fold(query).strip()
    if not wanted:
        return list(range(len(names)))
    words = wanted.split()
    scored: list[tuple[int, int]] = []
    for index, name in enumerate(names):
        folded = fold(name)
        at = folded.find(wanted)
        if at >= 0:
            score = 4 if at == 0 or not folded[at - 1].isalnum() else 3
        elif all(any(part.startswith(word) for part in folded.split()) for word in words):
            score = 2
        else:
            letters = iter(folded)
            if not all(char in letters for char in wanted.replace(" ", "")):
                continue
            score = 1
        scored.append((-score, index))
    scored.sort()
    return [index for _, index in scored]


class NameRows(LineList):
    """The actors that match, with their kind and entry count."""

    def __init__(self, rows: Sequence[tuple[str, str, int]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.shown: list[int] = list(range(min(len(rows), SHOWN_MAX)))

    def on_mount(self) -> None:
        self.set_count(len(self.shown), 0)

    def show(self, indexes: list[int]) -> None:
        self.shown = indexes[:SHOWN_MAX]
        self.set_count(len(self.shown), 0)

    def render_row(self, index: int, width: int) -> Text:
        kind, name, count = self.rows[self.shown[index]]
        label_kind = KIND_LABELS.get(kind, kind)
        text = Text(f"{label_kind:<7}", style=self.style_of("line-list--dim"), no_wrap=True, end="")
        label = plain(name)
        label.truncate(max(4, width - 14), overflow="ellipsis", pad=True)
        text.append_text(label)
        text.append(f"{count:>6}", self.style_of("line-list--dim"))
        return text


class NamePicker(ModalScreen[str | None]):
    """Dismissed with the chosen actor's name, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.close", tooltip="Close without choosing"),
        Binding("down,ctrl+n", "move(1)", "Down", show=False),
        Binding("up,ctrl+p", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]
    DEFAULT_CSS = """
    NamePicker { align: center middle; }
    NamePicker > Vertical { width: 72; max-width: 95%; height: auto; max-height: 90%; border: round $accent; background: $panel; }
    NamePicker #name-title { padding: 0 1; text-style: bold; }
    NamePicker #name-input { border: none; height: 1; padding: 0 1; margin: 0 0 1 0; }
    NamePicker NameRows { height: auto; max-height: 16; }
    NamePicker #name-count { padding: 0 1; color: $text-muted; }
    """

    def __init__(self, title: str, rows: Sequence[tuple[str, str, int]]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows
        self.names = [name for _, name, _ in rows]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"{self.title_text}  (type to narrow, enter: choose, esc: cancel)"), id="name-title")
            yield Input(placeholder="part of a name", id="name-input")
            yield NameRows(self.rows, id="name-rows")
            yield Static(self._count_text(len(self.rows)), id="name-count")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))  # at once: keys typed right after the key land here

    def _count_text(self, matches: int) -> Text:
        more = f" (first {SHOWN_MAX} shown)" if matches > SHOWN_MAX else ""
        return Text(f"{matches} of {len(self.rows)} actors{more}")

    @on(Input.Changed, "#name-input")
    def _narrow(self, event: Input.Changed) -> None:
        found = rank(event.value, self.names)
        self.query_one(NameRows).show(found)
        self.query_one("#name-count", Static).update(self._count_text(len(found)))

    @on(Input.Submitted, "#name-input")
    def _submitted(self) -> None:
        self._choose()

    def action_move(self, delta: int) -> None:
        self.query_one(NameRows).move(delta)

    def action_page(self, direction: int) -> None:
        self.query_one(NameRows).page(direction)

    def _choose(self) -> None:
        rows = self.query_one(NameRows)
        if rows.shown:
            self.dismiss(self.names[rows.shown[rows.cursor]])

    def on_line_list_chosen(self, event: LineList.Chosen) -> None:
        self._choose()

    def action_cancel(self) -> None:
        self.dismiss(None)


class NamePrompt(ModalScreen[str | None]):
    """One line of text (a new name), dismissed with it stripped, or None on esc."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.close", tooltip="Close without changing anything")]
    DEFAULT_CSS = """
    NamePrompt { align: center middle; }
    NamePrompt > Vertical { width: 72; max-width: 95%; height: auto; border: round $accent; background: $panel; }
    NamePrompt #prompt-title { padding: 0 1; text-style: bold; }
    NamePrompt #prompt-input { border: none; height: 1; padding: 0 1; }
    """

    def __init__(self, title: str, value: str) -> None:
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"{self.title_text}  (enter: save, esc: cancel)"), id="prompt-title")
            yield Input(value=self.value, id="prompt-input")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(event.value.split()) or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
