"""Everything that went wrong at start-up or since, in one place: sources that could not be
read, settings that were not taken, and notes of the reader itself (state, cache, watching).

Notifications fade after a few seconds and a terminal fits only a couple of them: they say
only how many problems there are, and the problems screen (`!`) lists every one in full.
Textual-free.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..parsers.model import SourceError

KINDS = ("source", "setting", "reader")
"""Sections of the problems screen, in order."""
_NOUNS = {"source": ("source", "sources"), "setting": ("setting", "settings"), "reader": ("note", "notes")}


@dataclass(frozen=True)
class Problem:
    """One problem: what it is about (a file, a setting) and what went wrong, in full."""

    kind: str
    """``source``, ``setting`` (config, keys, themes) or ``reader`` (state, cache, watching)."""
    where: str
    message: str

    @property
    def line(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ProblemLog:
    """The problems of this run; which of them the reader has seen on the problems screen."""

    def __init__(self) -> None:
        self._fixed: list[Problem] = []
        self._sources: tuple[Problem, ...] = ()
        self._seen: set[Problem] = set()

    def add(self, kind: str, message: str, where: str = "") -> bool:
        """Record a setting or reader problem once; True if it is new."""
        problem = Problem(kind, where, message)
        if problem in self._fixed:
            return False
        self._fixed.append(problem)
        return True

    def set_sources(self, errors: Iterable[SourceError]) -> None:
        """The sources that failed in the briefing now shown (a reload replaces them)."""
        self._sources = tuple(Problem("source", error.path, error.message) for error in errors)

    @property
    def all(self) -> list[Problem]:
        problems = [*self._sources, *self._fixed]
        return sorted(problems, key=lambda p: KINDS.index(p.kind))  # stable: each kind in its order

    @property
    def unseen(self) -> list[Problem]:
        return [p for p in self.all if p not in self._seen]

    def mark_seen(self) -> None:
        self._seen.update(self.all)

    def __len__(self) -> int:
        return len(self._sources) + len(self._fixed)


def count_words(problems: Iterable[Problem]) -> str:
    """ "3 sources and 2 settings" (kinds in order, counted)."""
    counts = {kind: 0 for kind in KINDS}
    for problem in problems:
        counts[problem.kind] += 1
    parts = [f"{n} {_NOUNS[kind][n != 1]}" for kind, n in counts.items() if n]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return parts[0] if parts else ""


def notice(problems: Iterable[Problem], key: str = "!") -> str:
    """The one short notification for a batch of problems."""
    listed = list(problems)
    words = count_words(listed)
    if not words:
        return ""
    verb = "has" if len(listed) == 1 else "have"
    if all(p.kind == "reader" for p in listed):
        return f"{words}: press {key} to read {'it' if len(listed) == 1 else 'them'}"
    return f"{words} {verb} problems: press {key} to see them"
