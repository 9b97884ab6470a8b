"""How a load's work is shared with the second process: which files it parses, which entries
it scans for names and topics. Only shares are decided here: every share gives the same
briefing (see ``workers``), so these numbers trade speed and memory, never results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

HELPER_PARSE_SHARE = 0.45
"""The helper's share of the bytes to parse: a bit under half, as it starts later."""
MINE = 0.55
"""This process's share of the name and topic scans: the helper's share costs it more (its
result is pickled, sent and unpickled here), and the two finish together at about 55/45."""
MORE_TOPICS = 0.3
"""The share of entries whose topics the helper finds beyond its half, while this process
resolves names (~0.25 s at 10k entries)."""
SHARED_TOPICS_MAX = 30_000
"""Up to this many entries the helper keeps its bigger share of texts (some 15 MB here) and
works while names are resolved; beyond, it is gone before, as resolution is the memory peak."""
HELPER_MIN_ENTRIES = 1000
"""Fewer entries than this are scanned here: sending them would cost more than it saves."""
SHARED_FEED = ((0, 3, 5), (3, 5, 5))
"""One big feed: this process reads the first three fifths of its items, the helper the rest
(it has still to start and import the feed reader)."""


def helper_files(to_read: Sequence[int], sizes: Mapping[int, int], parallel: bool) -> list[int]:
    """The files (indexes, in order) the helper parses: the last ones, up to its share of the
    bytes; never the first, which this process starts on at once."""
    if not parallel:
        return []
    budget = HELPER_PARSE_SHARE * sum(sizes.values())
    theirs: list[int] = []
    for index in reversed(to_read[1:]):
        budget -= sizes[index]
        if budget < 0:
            break
        theirs.insert(0, index)
    return theirs


HELPER_RUNS = 6
"""Runs the helper's files are asked in, each cached as it comes back. Their requests are sent
at once (written by a thread of their own: thousands of paths outgrow a pipe's buffer)."""


def helper_batches(theirs: Sequence[int]) -> list[list[int]]:
    """The helper's files (see ``helper_files``) in up to ``HELPER_RUNS`` runs, in order."""
    size = max(1, -(-len(theirs) // HELPER_RUNS))
    return [list(theirs[start : start + size]) for start in range(0, len(theirs), size)]


@dataclass(frozen=True)
class ScanShares:
    """Entries ``[0, half)`` are scanned for names here, the rest by the helper; the helper
    finds the topics of entries from ``topic_from`` on, this process those before."""

    half: int
    topic_from: int

    @property
    def resolve_first(self) -> bool:
        """Names are resolved while the helper still finds topics (it took a bigger share)."""
        return self.topic_from < self.half


def scan_shares(entries: int, parallel: bool) -> ScanShares:
    """Up to ``SHARED_TOPICS_MAX`` entries the helper takes a bigger share of the topics, found
    while this process resolves names; beyond, where memory counts, the shares are equal and the
    helper is gone before names are resolved (the memory peak of a load)."""
    half = int(entries * MINE) if parallel and entries >= HELPER_MIN_ENTRIES else entries
    topic_from = half
    if half < entries <= SHARED_TOPICS_MAX:
        topic_from = max(0, half - int(entries * MORE_TOPICS))
    return ScanShares(half, topic_from)
