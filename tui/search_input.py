"""The `/` search box (imported after the first paint: the first screen does without it)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class SearchInput(Input):
    """Each keystroke narrows the list; esc clears the search and closes the box."""

    LEAVES_AT_ONCE = True
    """Enter and esc run as they arrive (see ``BriefApp._leave_text_box_at_once``): the letters
    before them are typed into this box all the same, the keys after them go to the list."""

    BINDINGS = [
        Binding("escape", "close", "Close search", id="search.close", tooltip="Clear the search and close"),
    ]

    def action_close(self) -> None:
        self.value = ""
        self.screen.close_search()  # type: ignore[attr-defined]

    async def action_submit(self) -> None:
        """Enter keeps the search and moves to the list in this call, not in a message
        handled later: a key arriving just after enter must find the list focused."""
        self.screen.keep_search()  # type: ignore[attr-defined]
