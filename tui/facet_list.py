"""The sidebar: actors by kind, then topics, each with its count under the current filter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text

from ..parsers.model import Briefing
from .line_list import LineList
from .safe_text import plain

GROUPS = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"))


@dataclass(frozen=True)
class FacetRow:
    """A sidebar row: a group header, or an actor/topic facet."""

    kind: str
    """``header``, ``actor`` or ``topic``."""
    name: str


def facet_rows(briefing: Briefing) -> list[FacetRow]:
    """Rows in display order: each actor kind, then topics; most frequent first."""
    rows: list[FacetRow] = []
    for kind, label in GROUPS:
        actors = [a for a in briefing.actors if a.kind == kind]
        if actors:
            rows.append(FacetRow("header", f"{label} ({len(actors)})"))
            rows.extend(FacetRow("actor", a.name) for a in actors)
    if briefing.topics:
        rows.append(FacetRow("header", f"Topics ({len(briefing.topics)})"))
        rows.extend(FacetRow("topic", t.name) for t in briefing.topics)
    return rows


class FacetList(LineList):
    """Facets with live counts; selected ones are marked ✔ and stay bright."""

    choose_on_click = True

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[FacetRow] = ()
        self.count_of: Callable[[str, str], int] = lambda kind, name: 0
        self.selected_actors: frozenset[str] = frozenset()
        self.selected_topics: frozenset[str] = frozenset()

    def set_rows(self, rows: Sequence[FacetRow]) -> None:
        self.rows = rows
        start = next((i for i, row in enumerate(rows) if row.kind != "header"), 0)
        self.set_count(len(rows), start)

    def update_counts(
        self, count: Callable[[str, str], int], selected_actors: frozenset[str], selected_topics: frozenset[str]
    ) -> None:
        """New counts (asked per visible row) and selections."""
        self.count_of = count
        self.selected_actors, self.selected_topics = selected_actors, selected_topics
        self.invalidate()

    @property
    def current(self) -> FacetRow | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor]
        return None

    def move(self, delta: int) -> None:
        """Step over group headers."""
        target = self.cursor + delta
        while 0 <= target < self.count and self.rows[target].kind == "header":
            target += 1 if delta > 0 else -1
        if 0 <= target < self.count:
            self.cursor = target

    def first(self) -> None:
        """The first facet, not the header above it."""
        self.cursor = 0
        if self.rows and self.rows[0].kind == "header":
            self.move(1)

    def row_key(self, index: int) -> object:
        row = self.rows[index]
        selected = row.name in (self.selected_actors if row.kind == "actor" else self.selected_topics)
        return (row, selected, self.count_of(row.kind, row.name))

    def render_row(self, index: int, width: int) -> Text:
        row = self.rows[index]
        if row.kind == "header":
            return plain(row.name, str(self.style_of("line-list--header")) or "bold")
        selected = row.name in (self.selected_actors if row.kind == "actor" else self.selected_topics)
        count = self.count_of(row.kind, row.name)
        text = Text(no_wrap=True, end="")
        text.append("✔ " if selected else "  ", self.style_of("line-list--accent"))
        name = plain(row.name, "bold" if selected else "")
        number = f" {count}"
        name.truncate(max(3, width - 2 - len(number)), overflow="ellipsis", pad=True)
        text.append_text(name)
        text.append(number, self.style_of("line-list--dim"))
        if count == 0 and not selected:
            text.stylize(self.style_of("line-list--dim"))
        return text
