"""From parsed sources to a Briefing: deduplicate, then find actors and topics."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .actors import ActorSettings, ScanResult, resolve_actors, scan_entries, without_bylines
from .dedup import DedupSettings, cluster
from .digest import Digest, digest
from .helper import unpickle_parts
from .model import (
    Actor,
    Briefing,
    Entry,
    Occurrence,
    RawEntry,
    Source,
    Topic,
)
from .settings import ParseSettings
from .text_clean import strip_update_marker
from .topics import TopicScan, find_topics, sample_step, scan_topics

if TYPE_CHECKING:
    from .helper import Helper
    from .source import Parsed


_SCAN_CHARS = 20_000
_MINE = 0.55
"""This process's share of the name and topic scans: the helper's share costs it more (its
result is pickled, sent and unpickled here), and the two finish together at about 55/45."""
_MORE_TOPICS = 0.3
"""The share of entries whose topics the helper finds beyond its half, while this process
resolves names (~0.25 s at 10k entries)."""
SHARED_TOPICS_MAX = 30_000
"""Up to this many entries the helper keeps its bigger share of texts (some 15 MB here) and
works while names are resolved; beyond, it is gone before, as resolution is the memory peak."""
HELPER_MIN_ENTRIES = 1000
"""Fewer entries than this are scanned here: sending them would cost more than it saves."""


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


def _topic_texts(entries: Sequence[Entry]) -> list[str]:
    return [f"{e.title}\n{e.body[:_SCAN_CHARS]}" for e in entries]


def annotate(
    parsed: Sequence[Parsed],
    settings: ParseSettings,
    helper: Helper | None = None,
    on_progress: Callable[[str], None] | None = None,
    on_parsed: Callable[[Briefing], None] | None = None,
    digests: Sequence[Digest | None] | None = None,
) -> Briefing:
    """Deduplicate all entries of all sources, then attach actors and topics.

    ``digests``: each source's ``Digest`` where the process that parsed it made one (a list
    given here is emptied once read).

    ``on_parsed`` is given the entries as parsed (see ``provisional_briefing``) when there are
    enough of them for the analysis to be worth waiting through.

    With a ``helper`` process, it scans the second half of the entries for names while this
    process scans the first; the joined scans are exactly one scan's (see ``ScanResult``).
    """
    sources = tuple(Source(p.path, p.format, len(p.entries), p.error) for p in parsed)
    raws: list[tuple[RawEntry, Occurrence, str, str | None]] = []
    normalised: list[str] = []  # each entry normalised once, for its id and for deduplication
    shingles: list[array[int]] = []
    given = digests if digests is not None else [None] * len(parsed)
    seen: dict[str, array[int]] = {}
    for source, made in zip(parsed, given, strict=True):
        if made is None or len(made.ids) != len(source.entries):
            made = digest(source.path, source.entries, settings.shingle_words, settings.max_words, seen)
        for position, raw in enumerate(source.entries):
            raws.append((raw, Occurrence(source.path, position), made.ids[position], made.anchors[position]))
        normalised.extend(made.normalised)
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
    groups = cluster([f"{raw.title}\n{raw.body}" for raw, _, _, _ in raws], dedup, normalised, shingles)
    del normalised, shingles

    # A 50 MB one-line "entry" must not take minutes: names and phrases are read from the start.
    # The helper gets its half of the texts to scan before this process merges the clusters.
    fullest = [_fullest([raws[i] for i in group]) if len(group) > 1 else raws[group[0]][0] for group in groups]
    titles = [strip_update_marker(raw.title) for raw in fullest]
    texts = [(title, raw.body[:_SCAN_CHARS]) for title, raw in zip(titles, fullest, strict=True)]
    half = int(len(texts) * _MINE) if helper is not None and len(texts) >= HELPER_MIN_ENTRIES else len(texts)
    # The helper scans the entries from ``half`` on for names, then finds the topics of those
    # from ``topic_from`` on, while this process scans and finds the ones before. Up to
    # ``SHARED_TOPICS_MAX`` entries the helper takes a bigger share of the topics, found while
    # this process resolves names; beyond, where memory counts, the shares are equal and the
    # helper is gone before names are resolved (the memory peak of a load).
    topic_from = half
    if half < len(texts) <= SHARED_TOPICS_MAX:
        topic_from = max(0, half - int(len(texts) * _MORE_TOPICS))
    step = sample_step(len(texts)) if settings.automatic_topics > 0 else 0
    scan_ticket = (
        helper.ask("scan", texts[topic_from:], half, topic_from) if helper is not None and half < len(texts) else None
    )
    topic_ticket = helper.ask_more("topics", settings.topics, step) if helper is not None and scan_ticket else None
    merged = [
        _merge([raws[i] for i in group], raw, title) for group, raw, title in zip(groups, fullest, titles, strict=True)
    ]
    del fullest, titles
    _unique_anchors(merged)

    actor_settings = ActorSettings(dict(settings.aliases), dict(settings.kinds), frozenset(settings.ignore))
    report(f"finding people, places and topics in {len(merged):,} entries")
    scan = scan_entries(texts[:half])
    if half < len(texts):
        parts = unpickle_parts(helper.answer(scan_ticket), ScanResult) if helper is not None else None
        for part in parts if parts is not None else [scan_entries(texts[half:], half)]:
            scan.extend(part)
    del texts

    def topic_scans() -> list[TopicScan]:
        found = [scan_topics(_topic_texts(merged[:topic_from]), 0, settings.topics, step)]
        if topic_from < len(merged):
            rest = helper.answer(topic_ticket) if helper is not None else None
            if not isinstance(rest, TopicScan):
                rest = scan_topics(_topic_texts(merged[topic_from:]), topic_from, settings.topics, step)
            found.append(rest)
        if helper is not None:
            helper.close()  # its last job is done
        return found

    resolve_first = topic_from < half
    topic_parts = topic_scans() if not resolve_first else []
    found = without_bylines(resolve_actors(scan, len(merged), actor_settings), [e.author for e in merged])
    if resolve_first:
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
