"""A briefing with one source read again, in a fraction of a second even at 100 000 entries.

Following a growing live blog, one file changes while every other stays as it was. Reading
the whole briefing again merges and annotates every entry (tens of seconds at 100 000), so
``splice`` puts the file's new reading in place of its old one instead:

- a post whose text is already in the briefing (unchanged, or a copy of another source's)
  keeps its entry, actors and topics, and takes its new position in the file;
- a new or edited post joins an entry it nearly repeats, found among the entries that share
  its rarest words and checked by the same clustering as a full load;
- otherwise it is a new entry, with the briefing's actors whose names or aliases it writes
  and the topics whose keywords it holds.

Names never seen before and new automatic topics wait for a full load (``load``); for a
briefing of a few thousand entries the reader runs one right after (see ``tui.live``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import compress, repeat

from .actors import byline_names
from .dedup import DedupSettings, cluster
from .digest import digest
from .model import Actor, Briefing, Entry, Occurrence, Source
from .rules import SCAN_CHARS
from .settings import ParseSettings
from .source import Parsed
from .text_clean import strip_update_marker
from .topics import scan_topics
from .words import STOPWORDS

NEAR_MAX = 25
"""New posts beyond this many in one change are not looked for among near repeats (each costs
a scan of the briefing's texts); the full load that follows a change folds them."""
_PROBES = 4
_SCAN_CHARS = SCAN_CHARS


def _probe_words(normalised: str) -> list[str]:
    """The words most likely to be rare: the longest ones that are no stopwords."""
    words = {w for w in re.findall(r"\w{5,}", normalised) if w not in STOPWORDS and not w.isdigit()}
    return sorted(words, key=lambda w: (-len(w), w))[:_PROBES]


def _near_candidates(folded: Sequence[str], normalised: str, limit: int = 200) -> list[int]:
    """Texts (casefolded) holding at least half of the post's probe words: a near repeat keeps
    most of its words. Each probe is one scan in C over the texts."""
    probes = _probe_words(normalised)
    if not probes:
        return []
    hits: Counter[int] = Counter()
    for probe in probes:
        hits.update(compress(range(len(folded)), map(str.__contains__, folded, repeat(probe))))
    need = max(1, (len(probes) + 1) // 2)
    return [i for i, n in hits.most_common() if n >= need][:limit]


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")


def _namings(actors: Sequence[Actor]) -> list[tuple[str, tuple[str, ...]]]:
    """Each actor with the names that point at it alone: its own name, and every alias no
    other actor shares (a surname two people share names neither)."""
    owners: dict[str, set[str]] = {}
    for actor in actors:
        for name in (actor.name, *actor.aliases):
            owners.setdefault(name, set()).add(actor.name)
    return [
        (actor.name, tuple(n for n in (actor.name, *actor.aliases) if len(n) >= 2 and (n == actor.name or len(owners[n]) == 1)))
        for actor in actors
    ]


def _actors_named(text: str, namings: Sequence[tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
    """The actors one of whose names the text writes as a whole word (case kept: 'May' is no 'may')."""
    return tuple(
        actor for actor, names in namings if any(n in text and _name_pattern(n).search(text) for n in names)
    )


def splice(briefing: Briefing, parsed: Parsed, settings: ParseSettings) -> Briefing:
    """``briefing`` with ``parsed`` (one source, read again) in place of its earlier reading."""
    path = parsed.path
    made = digest(path, parsed.entries, settings.shingle_words, settings.max_words, keep_texts=True)
    entries = list(briefing.entries)
    by_member: dict[str, int] = {}
    for index, entry in enumerate(entries):
        for member in entry.member_ids or (entry.id,):
            by_member.setdefault(member, index)
    had_path = [index for index, entry in enumerate(entries) if any(o.path == path for o in entry.occurrences)]
    gained: dict[int, list[Occurrence]] = {}
    order = {source.path: number for number, source in enumerate(briefing.sources)}
    new_members: dict[int, list[str]] = {}
    fresh: list[int] = []  # positions in the file of posts the briefing does not hold
    for position, identity in enumerate(made.ids):
        found = by_member.get(identity)
        if found is None:
            fresh.append(position)
        else:
            gained.setdefault(found, []).append(Occurrence(path, position))
    # Every entry loses its occurrences in this file, then takes the ones it has now.
    dropped: set[int] = set()
    for index in set(had_path) | set(gained):
        entry = entries[index]
        occurrences = sorted(
            [o for o in entry.occurrences if o.path != path] + gained.get(index, []),
            key=lambda o: (order.get(o.path, len(order)), o.position),
        )
        if not occurrences:
            dropped.add(index)
        entries[index] = replace(entry, occurrences=tuple(occurrences))

    # New and edited posts: first among themselves and their near repeats elsewhere.
    dedup = DedupSettings.of(settings)
    raws = [parsed.entries[p] for p in fresh]
    living = [i for i in range(len(entries)) if i not in dropped]
    candidates: list[int] = []
    if raws and len(raws) <= NEAR_MAX:
        folded = [f"{entries[i].title}\n{entries[i].body}".casefold() for i in living]
        seen_candidates: set[int] = set()
        for p in fresh:
            for c in _near_candidates(folded, made.normalised[p]):
                if living[c] not in seen_candidates:
                    seen_candidates.add(living[c])
                    candidates.append(living[c])
    texts = [f"{raw.title}\n{raw.body}" for raw in raws] + [f"{entries[i].title}\n{entries[i].body}" for i in candidates]
    groups = cluster(texts, dedup) if texts else []
    additions: list[Entry] = []
    for group in groups:
        posts = [g for g in group if g < len(raws)]
        if not posts:
            continue
        olds = [candidates[g - len(raws)] for g in group if g >= len(raws)]
        occurrences = [Occurrence(path, fresh[g]) for g in posts]
        ids = [made.ids[fresh[g]] for g in posts]
        if olds:
            target = olds[0]
            entry = entries[target]
            longest = max(posts, key=lambda g: (len(raws[g].body), len(raws[g].title)))
            if len(raws[longest].body) > len(entry.body):
                raw = raws[longest]
                entry = replace(entry, title=strip_update_marker(raw.title), body=raw.body)
            members = sorted({*(entry.member_ids or (entry.id,)), *ids})
            entries[target] = replace(
                entry, id=members[0], member_ids=tuple(members), occurrences=entry.occurrences + tuple(occurrences)
            )
            new_members.setdefault(target, []).extend(ids)
            continue
        raw = max((raws[g] for g in posts), key=lambda r: (len(r.body), len(r.title)))
        title = strip_update_marker(raw.title)
        anchors = sorted({a for g in posts if (a := made.anchors[fresh[g]]) is not None})
        additions.append(
            Entry(
                id=min(ids),
                title=title,
                body=raw.body,
                author=raw.author or next((raws[g].author for g in posts if raws[g].author), None),
                published=raw.published or next((raws[g].published for g in posts if raws[g].published), None),
                link=raw.link or next((raws[g].link for g in posts if raws[g].link), None),
                occurrences=tuple(occurrences),
                member_ids=tuple(sorted(set(ids))),
                anchors=tuple(anchors),
            )
        )
    additions = _annotated(additions, briefing)
    kept = [entry for index, entry in enumerate(entries) if index not in dropped] + additions
    sources = tuple(
        Source(path, parsed.format, len(parsed.entries), parsed.error) if source.path == path else source
        for source in briefing.sources
    )
    if all(source.path != path for source in briefing.sources):
        sources += (Source(path, parsed.format, len(parsed.entries), parsed.error),)
    return _with_facets(Briefing(sources=sources, entries=tuple(kept)), briefing)


def _annotated(additions: list[Entry], briefing: Briefing) -> list[Entry]:
    """New entries with the briefing's actors they name and topics they match."""
    if not additions:
        return additions
    texts = [f"{e.title}\n{e.body[:_SCAN_CHARS]}" for e in additions]
    topics = scan_topics(texts, 0, [(t.name, t.keywords) for t in briefing.topics], 0)
    namings = _namings(briefing.actors)
    out: list[Entry] = []
    for number, (entry, text) in enumerate(zip(additions, texts, strict=True)):
        names = _actors_named(text, namings)
        if entry.author and names:  # its own byline is no actor of it (see ``actors.without_bylines``)
            signer = byline_names(entry.author)
            names = tuple(n for n in names if not any(m.casefold() in signer for m in dict(namings).get(n, (n,))))
        labels = tuple(t.name for t, hits in zip(briefing.topics, topics.label_hits, strict=True) if number in hits)
        out.append(replace(entry, actors=names, topics=labels))
    return out


def _with_facets(spliced: Briefing, before: Briefing) -> Briefing:
    """Actors and topics of ``before``, listing the entries of ``spliced`` that have them: only
    those the change touched are rebuilt (an actor named in 10,000 entries is not re-listed
    for a post that does not name it)."""
    now = spliced.by_id
    gone = {entry.id for entry in before.entries if entry.id not in now}
    added = [entry for entry in spliced.entries if entry.id not in before.by_id]
    touched_actors = {n for e in added for n in e.actors} | {n for i in gone for n in before.by_id[i].actors}
    touched_topics = {n for e in added for n in e.topics} | {n for i in gone for n in before.by_id[i].topics}

    def relisted(name: str, ids: tuple[str, ...], facet: str) -> tuple[str, ...]:
        kept = [i for i in ids if i not in gone] if gone else list(ids)
        return tuple(kept + [e.id for e in added if name in getattr(e, facet)])

    actors = [
        replace(a, entry_ids=relisted(a.name, a.entry_ids, "actors")) if a.name in touched_actors else a
        for a in before.actors
    ]
    topics = [
        replace(t, entry_ids=relisted(t.name, t.entry_ids, "topics")) if t.name in touched_topics else t
        for t in before.topics
    ]
    return Briefing(
        sources=spliced.sources,
        entries=spliced.entries,
        actors=tuple(a for a in actors if a.entry_ids),
        topics=tuple(t for t in topics if t.entry_ids),
    )
