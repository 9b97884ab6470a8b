"""From parsed sources to a Briefing: deduplicate, then find actors and topics."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar, overload

from .actors import ActorSettings, ScanResult, resolve_actors, scan_entries, without_bylines
from .dedup import Components, DedupSettings, cluster
from .digest import Digest, digest
from .model import (
    Actor,
    Briefing,
    Entry,
    Occurrence,
    RawEntry,
    Source,
    Topic,
)
from .rules import SCAN_CHARS
from .schedule import scan_shares
from .settings import ParseSettings
from .text_clean import strip_update_marker
from .topics import TopicScan, find_topics, sample_step, scan_topics
from .workers import Pending, Workers

if TYPE_CHECKING:
    from .source import Parsed


_SCAN_CHARS = SCAN_CHARS
T = TypeVar("T")


def _fullest(members: Sequence[tuple[RawEntry, Occurrence, str, str | None]]) -> RawEntry:
    """The member whose text a merged entry shows: the longest body, then title."""
    return max(members, key=lambda m: (len(m[0].body), len(m[0].title)))[0]


def _merge(members: Sequence[tuple[RawEntry, Occurrence, str, str | None]], fullest: RawEntry, title: str) -> Entry:
    """One entry for a cluster: placed at its first occurrence, with the text of its
    ``fullest`` member under ``title``; its anchors are every member's (made unique across
    the briefing by ``_unique_anchors``)."""
    if len(members) == 1 and not fullest.seen_at:  # most entries: nothing to merge
        _, occurrence, identity, anchor = members[0]
        return Entry(
            id=identity,
            title=title,
            body=fullest.body,
            author=fullest.author or None,
            published=fullest.published or None,
            link=fullest.link or None,
            occurrences=(occurrence,),
            member_ids=(identity,),
            anchors=(anchor,) if anchor is not None else (),
        )
    occurrences: list[Occurrence] = []
    for raw, occurrence, _, _ in members:
        recorded = [Occurrence(path, position) for path, position in raw.seen_at] or [occurrence]
        occurrences.extend(o for o in recorded if o not in occurrences)
    ids = sorted({m[2] for m in members})
    return Entry(
        id=ids[0],
        title=title,
        body=fullest.body,
        author=fullest.author or next((m[0].author for m in members if m[0].author), None),
        published=fullest.published or next((m[0].published for m in members if m[0].published), None),
        link=fullest.link or next((m[0].link for m in members if m[0].link), None),
        occurrences=tuple(occurrences),
        member_ids=tuple(ids),
        anchors=tuple(sorted({m[3] for m in members if m[3] is not None})),
    )


def _unique_anchors(merged: list[Entry]) -> None:
    """Drop the anchors two entries share (a standard paragraph repeated under every item of a
    newsletter): marking one must never mark the other."""
    counts = Counter(anchor for entry in merged for anchor in entry.anchors)
    for index, entry in enumerate(merged):
        if any(counts[anchor] > 1 for anchor in entry.anchors):
            kept = tuple(anchor for anchor in entry.anchors if counts[anchor] == 1)
            merged[index] = replace(entry, anchors=kept)


PROVISIONAL_MIN_ENTRIES = 2000
"""From this many entries the analysis takes long enough that showing them first is worth it."""


def provisional_briefing(
    sources: tuple[Source, ...], raws: Sequence[tuple[RawEntry, Occurrence, str, str | None]]
) -> Briefing:
    """The parsed entries as they are, to read while they are merged and annotated.

    Ids are the ones an unmerged entry keeps, so read and starred marks already apply; the
    sidebar stays empty until actors and topics are known.
    """
    entries = tuple(
        Entry(
            id=identity,
            title=raw.title,
            body=raw.body,
            author=raw.author,
            published=raw.published,
            link=raw.link,
            occurrences=(occurrence,),
        )
        for raw, occurrence, identity, _ in raws
    )
    return Briefing(sources=sources, entries=entries, actors=(), topics=())


class _Made(Sequence[str]):
    """Texts made from entries when read, not kept: deduplication reads the numbers of the few
    entries it compares, topics read each text once or twice, and a list of them all was
    another copy of the briefing's text (120 MB at 100 000 long entries)."""

    def __init__(self, items: Sequence[T], make: Callable[[T], str]) -> None:
        self.items, self.make = items, make

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return _Made(self.items[index], self.make)
        return self.make(self.items[index])


def parsed_so_far(parsed: Sequence[Parsed | None], digests: Sequence[Digest | None]) -> Briefing:
    """The files read so far (those with a digest, in the sources' order) as a provisional
    briefing: what a big cold load shows while it reads the rest."""
    sources: list[Source] = []
    raws: list[tuple[RawEntry, Occurrence, str, str | None]] = []
    for source, made in zip(parsed, digests, strict=True):
        if source is None or made is None or len(made.ids) != len(source.entries):
            continue
        sources.append(Source(source.path, source.format, len(source.entries), source.error))
        for position, raw in enumerate(source.entries):
            raws.append((raw, Occurrence(source.path, position), made.ids[position], made.anchors[position]))
    return provisional_briefing(tuple(sources), raws)


def _scan_here(texts: list[tuple[str, str]], first: int) -> Callable[[], list[ScanResult]]:
    """The names job done in this process (what a failed helper's answer falls back to)."""
    return lambda: [scan_entries(texts, first)]


def _topic_texts(entries: Sequence[Entry]) -> Sequence[str]:
    """What topics are found in: each entry's title and the start of its body."""
    return _Made(entries, lambda e: f"{e.title}\n{e.body[:_SCAN_CHARS]}")


def annotate(
    parsed: Sequence[Parsed],
    settings: ParseSettings,
    workers: Workers | None = None,
    on_progress: Callable[[str], None] | None = None,
    on_parsed: Callable[[Briefing], None] | None = None,
    digests: Sequence[Digest | None] | None = None,
) -> Briefing:
    """Deduplicate all entries of all sources, then attach actors and topics.

    ``digests``: each source's ``Digest`` where the process that parsed it made one (a list
    given here is emptied once read).

    ``on_parsed`` is given the entries as parsed (see ``provisional_briefing``) when there are
    enough of them for the analysis to be worth waiting through.

    With ``workers`` in a second process, that process scans the later entries for names and
    topics while this one does the first (see ``schedule``); the joined scans are exactly one
    scan's (see ``ScanResult``).
    """
    sources = tuple(Source(p.path, p.format, len(p.entries), p.error) for p in parsed)
    raws: list[tuple[RawEntry, Occurrence, str, str | None]] = []
    copy_keys: list[bytes] = []  # each entry's exact-copy key (its normalised text, hashed)
    shingles: list[array[int]] = []
    given = digests if digests is not None else [None] * len(parsed)
    seen: dict[bytes, array[int]] = {}
    for source, made in zip(parsed, given, strict=True):
        if made is None or len(made.ids) != len(source.entries):
            made = digest(source.path, source.entries, settings.shingle_words, settings.max_words, seen)
        for position, raw in enumerate(source.entries):
            raws.append((raw, Occurrence(source.path, position), made.ids[position], made.anchors[position]))
        copy_keys.extend(made.keys)
        shingles.extend(made.shingles)
    if isinstance(digests, list):
        digests.clear()  # the caller's list: the texts are kept only as long as they are needed
    made = None
    del given, seen
    if on_parsed is not None and len(raws) >= PROVISIONAL_MIN_ENTRIES:
        on_parsed(provisional_briefing(sources, raws))
    dedup = DedupSettings.of(settings)
    report = on_progress or (lambda _: None)
    report(f"merging duplicates among {len(raws):,} entries")
    groups = cluster(_Made(raws, lambda r: f"{r[0].title}\n{r[0].body}"), dedup, copy_keys, shingles)
    del copy_keys, shingles
    groups = _with_retellings(groups, raws)

    # A 50 MB one-line "entry" must not take minutes: names and phrases are read from the start.
    fullest = [_fullest([raws[i] for i in group]) if len(group) > 1 else raws[group[0]][0] for group in groups]
    titles = [strip_update_marker(raw.title) for raw in fullest]
    texts = [(title, raw.body[:_SCAN_CHARS]) for title, raw in zip(titles, fullest, strict=True)]
    shares = scan_shares(len(texts), workers is not None and workers.parallel)
    half, topic_from = shares.half, shares.topic_from
    step = sample_step(len(texts)) if settings.automatic_topics > 0 else 0
    names_later: Pending[list[ScanResult]] | None = None
    topic_texts_later: Pending[TopicScan] | None = None
    if workers is not None and half < len(texts):
        # The second process gets its share of the texts before this one merges the clusters.
        names_later = workers.scan(texts[topic_from:], half, topic_from, _scan_here(texts[half:], half))
        topic_texts_later = workers.topics(
            settings.topics,
            step,
            lambda: scan_topics(_topic_texts(merged[topic_from:]), topic_from, settings.topics, step),
        )
    merged = [
        _merge([raws[i] for i in group], raw, title) for group, raw, title in zip(groups, fullest, titles, strict=True)
    ]
    del fullest, titles
    _unique_anchors(merged)

    actor_settings = ActorSettings(dict(settings.aliases), dict(settings.kinds), frozenset(settings.ignore))
    report(f"finding people, places and topics in {len(merged):,} entries")
    scan = scan_entries(texts[:half])
    for part in names_later.result() if names_later is not None else ():
        scan.extend(part)
    del texts, names_later

    def topic_scans() -> list[TopicScan]:
        found = [scan_topics(_topic_texts(merged[:topic_from]), 0, settings.topics, step)]
        if topic_from < len(merged):
            assert topic_texts_later is not None
            found.append(topic_texts_later.result())
        return found

    topic_parts = topic_scans() if not shares.resolve_first else []
    found = without_bylines(resolve_actors(scan, len(merged), actor_settings), [e.author for e in merged])
    if shares.resolve_first:
        topic_parts = topic_scans()
    del scan
    topic_texts = _topic_texts(merged)
    people = [name for name, kind, _, _ in found.actors if kind == "person"]
    topic_found = find_topics(
        topic_texts,
        settings.topics,
        settings.automatic_topics,
        settings.topic_min_entries,
        people,
        [alias for name, _, aliases, _ in found.actors for alias in (name, *aliases)],
        topic_parts,
    )
    del topic_texts, topic_parts
    entries = tuple(
        Entry(
            id=e.id,
            title=e.title,
            body=e.body,
            author=e.author,
            published=e.published,
            link=e.link,
            occurrences=e.occurrences,
            member_ids=e.member_ids,
            anchors=e.anchors,
            actors=found.per_entry[i],
            topics=topic_found.per_entry[i],
        )
        for i, e in enumerate(merged)
    )
    actors = tuple(
        Actor(name, kind, aliases, tuple(entries[i].id for i in ids)) for name, kind, aliases, ids in found.actors
    )
    topics = tuple(
        Topic(label, keywords, tuple(entries[i].id for i in ids), auto)
        for label, keywords, ids, auto in topic_found.topics
    )
    return Briefing(sources=sources, entries=entries, actors=actors, topics=topics)


def _with_retellings(groups: list[list[int]], raws: Sequence[tuple[RawEntry, Occurrence, str, str | None]]) -> list[list[int]]:
    """The clusters with those that tell one story in other words, in other files, joined
    (see ``retold``); in order of first member, as ``cluster`` gives them."""
    from .retold import LEAD_CHARS, retold_pairs

    firsts = [raws[group[0]] for group in groups]
    pairs = retold_pairs(
        _Made(firsts, lambda r: f"{r[0].title}\n{r[0].body[:LEAD_CHARS]}"),  # made as read: 40 MB at 100k otherwise
        [r[1].path for r in firsts],
        [r[0].published for r in firsts],
    )
    del firsts
    if not pairs:
        return groups
    joined = Components(len(groups))
    for i, j in pairs:
        joined.union(i, j)
    # Groups come in order of their first member, so the joined ones do too.
    return [sorted(member for k in parts for member in groups[k]) for parts in joined.groups()]


def head_of(briefing: Briefing, size: int = 300) -> Briefing:
    """The newest ``size`` entries (and the first in reading order): enough for a first screen.

    Actors and topics keep only the ids of those entries, so the head stays small to unpack
    even when an actor is named in tens of thousands of entries.
    """
    from dataclasses import replace

    from .dates import sort_key

    entries = briefing.entries
    newest = sorted(range(len(entries)), key=lambda i: sort_key(entries[i].published), reverse=True)[:size]
    chosen = sorted(set(newest) | set(range(min(size, len(entries)))))
    head_entries = tuple(entries[i] for i in chosen)
    ids = {entry.id for entry in head_entries}
    actors = tuple(replace(a, entry_ids=tuple(i for i in a.entry_ids if i in ids)) for a in briefing.actors)
    topics = tuple(replace(t, entry_ids=tuple(i for i in t.entry_ids if i in ids)) for t in briefing.topics)
    return Briefing(
        sources=briefing.sources,
        entries=head_entries,
        actors=tuple(a for a in actors if a.entry_ids),
        topics=tuple(t for t in topics if t.entry_ids),
    )
