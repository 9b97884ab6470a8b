"""What the motion keys need of a pane: the lists move a cursor, the view scrolls its text."""

from __future__ import annotations

from typing import Protocol


class Pane(Protocol):
    """One of the reader's three panes (sidebar, list, view), as the motion keys drive it."""

    def move(self, delta: int) -> None:
        """One row (or line) down for 1, up for -1."""

    def page(self, direction: int) -> None:
        """One screenful down for 1, up for -1."""

    def first(self) -> None:
        """The top."""

    def last(self) -> None:
        """The bottom."""
