"""Exact and near-duplicate clustering that scales near-linearly.

Each entry becomes a set of hashed word shingles. Every entry indexes only a small sketch
(its ``sketch`` smallest shingle hashes, a bottom-k MinHash); every entry then looks up *all*
its shingles in that index. A pair that shares a large part of the smaller entry almost surely
meets this way (with containment 0.4 and k = 8 the chance of a miss is 0.6**8 ≈ 1.7%), while
unrelated entries rarely meet, so no all-pairs comparison is ever made. Candidates are then
verified exactly on their shingle sets.
"""

from __future__ import annotations

import heapq
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, compress, pairwise
from operator import not_, or_
from typing import TYPE_CHECKING, Any

from .memory import release_freed_memory
from .model import normalise_text
from .words import STOPWORDS

if TYPE_CHECKING:
    from .settings import ParseSettings

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LINK_ADDRESS = re.compile(r"\]\([^)\s]*\)")
"""A Markdown link's address: no words and no facts of the text it is in."""
_BUCKET_CAP = 64
_SURE_BUCKET = 8
_FREQUENCY_SLOTS = 1 << 22
_FREQUENCY_MASK = _FREQUENCY_SLOTS - 1
_NUMPY_FROM = 2000
"""From this many distinct entries the shingle counts are taken in numpy."""
_CHUNK_VALUES = 1 << 21
"""Shingles numpy holds at once (8 MB): each chunk's count is a fresh 32 MB table of slots,
whose first touch was most of the counting (three chunks of a 10k briefing took 0.15 s,
one 0.04 s)."""


@dataclass(frozen=True)
class DedupSettings:
    """Thresholds (from config.yaml's ``dedup``)."""

    shingle_words: int = 2
    containment: float = 0.4
    min_shared: int = 4
    sketch: int = 8
    max_words: int = 400
    facts: float = 0.6
    """Share of the numbers of the entry with fewer numbers that the other must also state."""
    common_share: float = 0.005
    """Shingles found in more than this share of entries are ignored (templates, boilerplate)..."""
    common_floor: int = 20
    """...but only beyond this many entries, so small briefings keep every shingle."""

    @classmethod
    def of(cls, settings: ParseSettings) -> DedupSettings:
        """The thresholds config.yaml's ``dedup`` gives."""
        return cls(
            shingle_words=settings.shingle_words,
            containment=settings.containment,
            min_shared=settings.min_shared,
            facts=settings.facts,
            sketch=settings.sketch,
            max_words=settings.max_words,
        )


def facts(text: str) -> frozenset[str]:
    """The numbers a text states ("40,000", "4.5", "2025"): facts that tell stories apart (a
    link's address states none: "/comments/81x/" is no fact of the text)."""
    if "](" in text:
        text = _LINK_ADDRESS.sub("]", text)
    return frozenset(number.replace(",", "") for number in _NUMBER.findall(text))


_LINK_PATH = re.compile(r"\]\((?:[a-z][a-z0-9+.-]*://[^/\s)]*)?(/[^)\s?#]*)")


_SAME_TEXT = 0.8
"""A share of the smaller text's shingles in the other above which the two are one text
whatever they link to (a wire story carried by two sites, each linking its own pages)."""


def links(text: str) -> frozenset[str]:
    """The pages a text links to, by path (host, query and fragment left out: one page linked
    from a feed and from its site, or with tracking added, is one page). A weekly column's
    entries ("Crate of the Week") share its stock sentences and link each to its own pages."""
    if "](" not in text:
        return frozenset()
    return frozenset(path.rstrip("/").lower() for path in _LINK_PATH.findall(text) if len(path.rstrip("/")) > 1)


def _remembered(
    memo: dict[int, frozenset[str]], i: int, read: Callable[[str], frozenset[str]], texts: Sequence[str]
) -> frozenset[str]:
    """What ``read`` finds in text ``i``, read once: only entries that are compared need it."""
    found = memo.get(i)
    if found is None:
        found = memo[i] = read(texts[i])
    return found


def _same_facts(mine: frozenset[str], theirs: frozenset[str], threshold: float) -> bool:
    if not mine or not theirs:
        return True
    fewer = min(len(mine), len(theirs))
    return len(mine & theirs) >= threshold * fewer


_ASCII_WORD_BYTES = bytes(c for c in range(128) if chr(c).isalnum() or chr(c) == "_")
_NON_WORD_TO_SPACE = bytes.maketrans(
    bytes(c for c in range(128) if c not in _ASCII_WORD_BYTES), b" " * (128 - len(_ASCII_WORD_BYTES))
)
_STOPWORD_BYTES = frozenset(word.encode() for word in STOPWORDS)


def shingles_of(normalised: str, k: int, max_words: int) -> frozenset[int]:
    """Hashed word n-grams of a normalised text's words.

    N-grams made only of stopwords ("of the", "it was") are left out: every English text has
    them, so they would make unrelated entries look alike and crowd the sketch index.
    """
    if "](" in normalised:
        # A link's address is no part of what a text says: two texts linking to one site
        # ("www reddit com r rust comments") share its words and nothing else.
        normalised = _LINK_ADDRESS.sub("]", normalised)
    # Every step is a C-level map over all words: this runs on every word of every entry.
    # crc32 is stable across runs and machines, so clusters never depend on PYTHONHASHSEED.
    # ASCII text (most of it) is split as bytes: the same words as the \w+ regex, 3x faster.
    if normalised.isascii():
        words = normalised.encode().translate(_NON_WORD_TO_SPACE).split()[:max_words]
    else:
        words = list(map(str.encode, _WORD.findall(normalised)[:max_words]))
    if len(words) < k:
        return frozenset({zlib.crc32(b" ".join(words))}) if words else frozenset()
    if k == 2:  # the default, spelt out: a third faster than the general case
        kept = list(map(not_, map(_STOPWORD_BYTES.__contains__, words)))
        grams = map(b" ".join, pairwise(words))
        content: Iterator[bool] = map(or_, kept, kept[1:])
    else:
        grams = map(b" ".join, zip(*(words[i:] for i in range(k)), strict=False))
        stop = list(map(_STOPWORD_BYTES.__contains__, words))
        content = map(not_, map(all, zip(*(stop[i:] for i in range(k)), strict=False)))
    return frozenset(map(zlib.crc32, compress(grams, content)))


_QUOTED_LINE = re.compile(r"^[ \t]*\\?>.*(?:\n|$)", re.M)


def unquoted(text: str) -> str | None:
    """A text without its quoted lines ("> …": the message a reply quotes, a blockquote), or
    None when it quotes nothing. A reply is its writer's words: shingled with the lines it
    quotes, a short reply was a near copy of the message it answers."""
    if ">" not in text or (not text.startswith((">", "\\>")) and "\n>" not in text and "\n\\>" not in text):
        return None
    left = _QUOTED_LINE.sub("", text)
    return left if left.strip() else None


def shingle_arrays(normalised: Sequence[str], k: int, max_words: int) -> list[array[int]]:
    """Each normalised text's shingles as a compact array."""
    return [array("I", shingles_of(text, k, max_words)) for text in normalised]


def _kept_and_rare(
    computed: Sequence[array[int]], ceiling: int | None
) -> Iterator[tuple[array[int] | None, list[int]]]:
    """For each entry's shingles: those left once the common ones go (None where none went, or
    ``ceiling`` is None: nothing is left out), and the rare ones among them (in at most a
    bucket's worth of entries), each in the order the entry holds them.

    Counted per hash slot over all entries, in numpy (from ``_NUMPY_FROM`` entries:
    below, importing it would cost more than it saves): the same counts and choices as the
    loop over every shingle of every entry, which was most of the time of clustering.
    """
    if len(computed) < _NUMPY_FROM:
        yield from _kept_and_rare_looped(computed, ceiling)
        return
    import numpy as np

    def flat(part: Sequence[array[int]]) -> Any:
        return np.frombuffer(b"".join(map(array.tobytes, part)), dtype=np.uint32)

    # In chunks of entries: the whole briefing's shingles at once would be 20 million at 100 000.
    chunks = _chunks(computed, _CHUNK_VALUES)
    if not chunks:
        return
    table = np.bincount(flat(chunks[0]) & np.uint32(_FREQUENCY_MASK), minlength=_FREQUENCY_SLOTS)
    for part in chunks[1:]:
        table += np.bincount(flat(part) & np.uint32(_FREQUENCY_MASK), minlength=_FREQUENCY_SLOTS)
    rare_ceiling = min(ceiling, _BUCKET_CAP) if ceiling is not None else _BUCKET_CAP
    for part in chunks:
        shingles = flat(part)
        counts = table[shingles & np.uint32(_FREQUENCY_MASK)]
        keep = counts <= ceiling if ceiling is not None else None
        rare = counts <= rare_ceiling
        start = 0
        for values in part:
            end = start + len(values)
            mine = shingles[start:end]
            kept = None
            if keep is not None:
                held = keep[start:end]
                if int(held.sum()) != len(values):
                    kept = array("I", mine[held].tobytes())
            yield kept, mine[rare[start:end]].tolist()
            start = end


def _chunks(computed: Sequence[array[int]], values: int) -> list[Sequence[array[int]]]:
    """Runs of consecutive entries holding about ``values`` shingles each (one entry at least)."""
    chunks: list[Sequence[array[int]]] = []
    start = held = 0
    for at, shingles in enumerate(computed):
        held += len(shingles)
        if held >= values:
            chunks.append(computed[start : at + 1])
            start, held = at + 1, 0
    if start < len(computed):
        chunks.append(computed[start:])
    return chunks


def _kept_and_rare_looped(
    computed: Sequence[array[int]], ceiling: int | None
) -> Iterator[tuple[array[int] | None, list[int]]]:
    """``_kept_and_rare`` shingle by shingle, for a few entries."""
    frequency = array("I", bytes(4 * _FREQUENCY_SLOTS))
    for values in computed:
        for value in values:
            frequency[value & _FREQUENCY_MASK] += 1
    rare_ceiling = min(ceiling, _BUCKET_CAP) if ceiling is not None else _BUCKET_CAP
    for values in computed:
        kept = None
        if ceiling is not None:
            left = [value for value in values if frequency[value & _FREQUENCY_MASK] <= ceiling]
            kept = array("I", left) if len(left) != len(values) else None
        yield kept, [value for value in values if frequency[value & _FREQUENCY_MASK] <= rare_ceiling]


class Components:
    """Indexes joined into groups (union-find): each group is known by its smallest member."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        """Every group's members in order, the groups in order of their first member."""
        found: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            found.setdefault(self.find(i), []).append(i)
        return sorted(found.values(), key=lambda members: members[0])


def cluster(
    texts: Sequence[str],
    settings: DedupSettings = DedupSettings(),
    normalised: Sequence[str | bytes] | None = None,
    shingles: Sequence[array[int]] | None = None,
) -> list[list[int]]:
    """Group indexes of ``texts`` that are the same story; clusters in order of first member.

    ``normalised``: the texts through ``normalise_text``, or with ``shingles`` given, their
    exact-copy keys (``digest.copy_key``), when the caller has them already (a list given here
    is emptied once read, so its memory goes before the comparisons); ``shingles``: their
    ``shingle_arrays``, likewise (see ``digest``).
    """
    components = Components(len(texts))
    find, union = components.find, components.union

    # Exact duplicates first: identical normalised text.
    first_by_text: dict[str | bytes, int] = {}
    unique: list[int] = []
    if normalised is None:
        normalised = [normalise_text(text) for text in texts]
    key: str | bytes
    for index, key in enumerate(normalised):
        if key in first_by_text:
            union(first_by_text[key], index)
        else:
            first_by_text[key] = index
            unique.append(index)

    # Shingle sets are kept as compact arrays (4 bytes a 32-bit shingle, not ~60 in a set of ints);
    # a set is built only for an entry that is being compared.
    if shingles is not None:
        computed = [shingles[i] for i in unique]
    else:
        own = [unquoted(texts[i]) for i in unique]
        computed = shingle_arrays(
            [normalise_text(mine) if mine is not None else str(normalised[i]) for i, mine in zip(unique, own, strict=True)],
            settings.shingle_words,
            settings.max_words,
        )
    for given in (normalised, shingles):
        if isinstance(given, list):
            given.clear()  # the caller's copy too: at 100 000 entries these are 70 MB of text
    del normalised, first_by_text, shingles
    arrays: dict[int, array[int]] = dict(zip(unique, computed, strict=True))
    # Shingles in very many entries are boilerplate or a wire template ("said that the", "in
    # remarks on"): they say nothing about which story this is, so they are left out. Counts
    # are kept per hash slot (collisions only ever over-count, and by far less than the ceiling).
    ceiling = max(settings.common_floor, int(len(unique) * settings.common_share))
    leave_common = len(unique) > settings.common_floor
    kept_and_rare = _kept_and_rare(computed, ceiling if leave_common else None)
    del computed
    numbers: dict[int, frozenset[str]] = {}
    linked: dict[int, frozenset[str]] = {}

    def numbers_of(i: int) -> frozenset[str]:
        return _remembered(numbers, i, facts, texts)

    def links_of(i: int) -> frozenset[str]:
        return _remembered(linked, i, links, texts)

    # The sketch prefers shingles found in at most a bucket's worth of entries: a shingle in
    # hundreds of entries fills its bucket with unrelated entries, and every lookup of it
    # then proposes them all (at 100 000 entries that was ~800 candidates an entry).
    sketch_index: dict[int, list[int]] = {}
    for i, (kept, rare) in zip(unique, kept_and_rare, strict=True):
        values = arrays[i]
        if kept is not None:
            values = arrays[i] = kept
        sketch = heapq.nsmallest(settings.sketch, rare)
        if len(sketch) < settings.sketch:
            sketch += heapq.nsmallest(settings.sketch - len(sketch), set(values).difference(rare))
        for value in sketch:
            bucket = sketch_index.setdefault(value, [])
            if len(bucket) < _BUCKET_CAP:
                bucket.append(i)
    del kept_and_rare
    for i in unique:
        mine_values = arrays[i]
        if not mine_values:
            continue
        # One shared sketch value is enough evidence only when few entries hold it; through a
        # crowded bucket (a phrase many stories use), a candidate needs two. Most candidates
        # are unrelated entries met through one such phrase: comparing them all was most of
        # the work.
        founds = list(filter(None, map(sketch_index.get, mine_values)))
        hits = Counter(chain.from_iterable(founds))  # counted in C, once an entry
        candidates = {j for j, count in hits.items() if count > 1}
        for found in founds:
            if len(found) <= _SURE_BUCKET:
                candidates.update(found)
        candidates.discard(i)
        if not candidates:
            continue
        mine = frozenset(mine_values)
        for j in candidates:
            if find(i) == find(j):
                continue
            theirs = arrays[j]
            shared = len(mine.intersection(theirs))
            smaller = min(len(mine), len(theirs))
            if (
                shared >= min(settings.min_shared, smaller)
                and shared >= settings.containment * smaller
                and _same_facts(numbers_of(i), numbers_of(j), settings.facts)
                and (shared >= _SAME_TEXT * smaller or _same_facts(links_of(i), links_of(j), settings.facts))
            ):
                union(i, j)

    del arrays, sketch_index
    numbers.clear()
    linked.clear()
    release_freed_memory()
    return components.groups()
