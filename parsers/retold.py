"""The same story told again in other words, in another file: a live blog's post, a newsletter's
paragraph and a wire item on one event share few word pairs (each words it its own way) but
the same facts: its figures, names and places.

Runs on the stories deduplication left apart (one per cluster), and joins two only when they
come from different files, within a day and a half of each other where both are dated, state
at least ``MIN_FIGURES`` of the same figures that few stories of the briefing state (the
candidates, found through an index of those figures: cheap, as most stories state none in
common), and share most of their words besides. A live blog's successive posts on one event
stay apart: they are in one file.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from itertools import chain

from .words import STOPWORDS

MIN_FIGURES = 2
"""Figures (not years) two tellings must both state: a story's facts are its numbers ("400
stranded", "90 km/h"); two stories of one company on one day share its names, not its figures.
Tellings without two such figures are never joined: a merge wrongly made hides a story."""
RARE_CAP = 50
"""A figure stated in more stories than this (or than 1% of them) tells no story from another."""
MIN_SHARED = 8
SHARE = 0.35
"""Words (of four letters and more, no stopwords) two tellings must share: this many, and this
share of the shorter telling's."""
LEAD_CHARS = 500
"""What is compared: the title and the start of the text, where a story states its facts."""
MAX_HOURS = 36

_FIGURE = re.compile(r"[0-9]+(?:[.,][0-9]+)?", re.ASCII)  # ASCII digits: twice as fast a search as Unicode ones
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD = re.compile(r"[^\W\d_]{4,}")


def _figures(text: str) -> frozenset[str]:
    """The figures a story's start states, years left out (any story of a year may name it)."""
    found = set(_FIGURE.findall(text[:LEAD_CHARS]))
    return frozenset(f.replace(",", ".") for f in found if len(f) != 4 or not _YEAR.fullmatch(f))


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text[:LEAD_CHARS].casefold())) - STOPWORDS


def retold_pairs(texts: Sequence[str], sources: Sequence[str], published: Sequence[str | None]) -> list[tuple[int, int]]:
    """The pairs (i < j) of stories that are one story told twice (see the module): each its
    title and the start of its text (``texts`` may make them as asked: each is read once, and
    again only for a candidate pair), its file, its time (ISO 8601) where it has one."""
    if len(texts) < 2 or len(set(sources)) < 2:
        return []
    # Kept small (tuples, then only the stories with rare figures): this runs at the load's
    # memory peak, beside every parsed entry.
    figures = [tuple(_figures(text)) for text in texts]
    frequency = Counter(chain.from_iterable(figures))
    cap = min(RARE_CAP, max(3, len(texts) // 100))
    counts = array("H", (min(len(found), 65535) for found in figures))
    rare: dict[int, frozenset[str]] = {}
    for i, stated in enumerate(figures):
        kept = frozenset(f for f in stated if 2 <= frequency[f] <= cap)
        if len(kept) >= MIN_FIGURES:
            rare[i] = kept
    del figures, frequency
    index: dict[str, list[int]] = {}
    for i, found in rare.items():
        for figure in found:
            index.setdefault(figure, []).append(i)
    words: dict[int, frozenset[str]] = {}
    pairs: list[tuple[int, int]] = []
    for i, found in rare.items():
        shared = Counter(chain.from_iterable(index[f] for f in found))
        for j, count in shared.items():
            if j <= i or count < MIN_FIGURES or count < 0.5 * min(counts[i], counts[j]):
                continue
            if sources[i] == sources[j] or not _close_in_time(published[i], published[j]):
                continue
            mine = words.get(i) or words.setdefault(i, _words(texts[i]))
            theirs = words.get(j) or words.setdefault(j, _words(texts[j]))
            common = len(mine & theirs)
            if common >= MIN_SHARED and common >= SHARE * min(len(mine), len(theirs)):
                pairs.append((i, j))
    return pairs


def _moment(published: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(published) if published else None
    except ValueError:
        return None


def _close_in_time(one: str | None, other: str | None) -> bool:
    first, second = _moment(one), _moment(other)
    if first is None or second is None:
        return True
    if (first.tzinfo is None) != (second.tzinfo is None):  # one with a zone, one without: the wall clocks
        first, second = first.replace(tzinfo=None), second.replace(tzinfo=None)
    return abs((first - second).total_seconds()) <= MAX_HOURS * 3600
