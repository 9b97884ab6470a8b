"""The problems screen (`!`): every source error and settings problem of this run, in full."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from .problems import KINDS, Problem
from .safe_text import plain
from .screens import ScrollingText

HEADINGS = {
    "source": "Sources that could not be read",
    "setting": "Settings not taken (the default is used instead)",
    "reader": "Notes from Brief",
}


def problems_text(problems: Sequence[Problem]) -> Text:
    """Each problem under its section: where (a path or file:line: key) on its own line,
    folded rather than cut, and the message below it."""
    text = Text(end="", overflow="fold")
    if not problems:
        text.append("No problems: every source was read and every setting taken.")
        return text
    for kind in KINDS:
        group = [p for p in problems if p.kind == kind]
        if not group:
            continue
        if text:
            text.append("\n")
        text.append(f"{HEADINGS[kind]} ({len(group)})\n", "bold underline")
        for problem in group:
            if problem.where:
                text.append("• ", "bold")
                text.append_text(plain(problem.where, "bold"))
                text.append("\n  ")
            else:
                text.append("• ", "bold")
            text.append_text(plain(problem.message))
            text.append("\n")
    return text


class ProblemsScreen(ScrollingText):
    """Lists every problem; scrolls with the list keys; esc, q or ! closes."""

    BINDINGS = [
        Binding("escape,q,exclamation_mark", "dismiss", "Close", id="problems.close", tooltip="Close the problems screen")
    ]
    DEFAULT_CSS = """
    ProblemsScreen { align: center middle; }
    ProblemsScreen > Vertical { width: 95%; max-width: 110; height: 90%; border: round $warning; background: $panel; }
    ProblemsScreen #problems-title { padding: 0 1; text-style: bold; }
    ProblemsScreen VerticalScroll { padding: 0 1; }
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Problems ({len(self.problems)})  esc closes", no_wrap=True, overflow="ellipsis"), id="problems-title")
            with VerticalScroll(can_focus=False):
                yield Static(problems_text(self.problems), id="problems-text")
