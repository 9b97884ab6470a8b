"""A Briefing as the `brief dump` contract (JSON, see DESIGN.md) or as Markdown for a pager."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import PurePath
from typing import Any

from .model import Briefing, Entry
from .text_clean import scrub
from .times import long_time

DUMP_VERSION = 1


def entry_record(entry: Entry, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One entry in the dump's shape (``extra``: fields the reader's state adds)."""
    record = {
        "id": entry.id,
        "title": entry.title,
        "body": entry.body,
        "author": entry.author,
        "published": entry.published,
        "link": entry.link,
        "occurrences": [{"path": o.path, "position": o.position} for o in entry.occurrences],
        "seen": entry.seen,
        "actors": list(entry.actors),
        "topics": list(entry.topics),
    }
    if extra:
        record.update(extra)
    return record


def to_dump(briefing: Briefing, extras: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """The whole briefing as the versioned dump object."""
    return {
        "version": DUMP_VERSION,
        "sources": [
            {"path": s.path, "format": s.format, "entries": s.entries, "error": s.error} for s in briefing.sources
        ],
        "entries": [entry_record(e, extras.get(e.id) if extras else None) for e in briefing.entries],
        "actors": [
            {"name": a.name, "kind": a.kind, "aliases": list(a.aliases), "entries": len(a.entry_ids)}
            for a in briefing.actors
        ],
        "topics": [
            {"name": t.name, "keywords": list(t.keywords), "entries": len(t.entry_ids), "automatic": t.automatic}
            for t in briefing.topics
        ],
    }


_string: Callable[[str], str] = json.encoder.encode_basestring  # json's C string encoder
_C1_AND_DEL = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def to_json(briefing: Briefing, extras: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """The dump as pretty JSON: non-ASCII kept readable, but every character a terminal could
    act on (C0 by JSON itself; DEL, C1 and bidi controls here) written as a \\u escape."""
    return "".join(iter_json(briefing, extras))


def _escaped(text: str) -> str:
    return _C1_AND_DEL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _pretty(data: Any, pad: str) -> str:
    """``data`` as ``json.dumps(data, ensure_ascii=False, indent=2)`` writes it, ``pad`` deep in
    the whole document: the same characters, but the strings go through json's C encoder, where
    ``indent`` alone sends the whole value through its pure-Python one (a third of a 10k dump)."""
    kind = type(data)
    if kind is str:
        return _string(data)
    if data is None:
        return "null"
    if kind is int:
        return int.__repr__(data)
    if kind is dict:
        if not data:
            return "{}"
        if not all(type(key) is str for key in data):
            return _pretty(json.loads(json.dumps(data)), pad)  # json's own key conversions
        inner = pad + "  "
        items = [inner + _string(key) + ": " + _pretty(value, inner) for key, value in data.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if kind is list or kind is tuple:
        if not data:
            return "[]"
        inner = pad + "  "
        if all(type(value) is str for value in data):  # names, aliases, topics
            return "[\n" + inner + (",\n" + inner).join(map(_string, data)) + "\n" + pad + "]"
        return "[\n" + ",\n".join(inner + _pretty(value, inner) for value in data) + "\n" + pad + "]"
    return json.dumps(data)  # bool, float, subclasses: json's own spelling


def iter_json(briefing: Briefing, extras: Mapping[str, Mapping[str, Any]] | None = None) -> Iterator[str]:
    """``to_json`` in pieces, an entry at a time, so that a dump of 100 000 entries is written
    as it is made rather than built whole first (the same text, character for character)."""
    dump = {key: value for key, value in to_dump(Briefing(briefing.sources, ()), extras).items() if key != "entries"}

    def value(data: Any, pad: str) -> str:
        return _escaped(_pretty(data, pad))

    yield '{\n  "version": ' + value(dump["version"], "  ") + ',\n  "sources": ' + value(dump["sources"], "  ")
    yield ',\n  "entries": ['
    for number, entry in enumerate(briefing.entries):
        record = entry_record(entry, extras.get(entry.id) if extras else None)
        yield ("\n    " if number == 0 else ",\n    ") + value(record, "    ")
    yield "\n  ]" if briefing.entries else "]"
    rest = to_dump(Briefing((), (), briefing.actors, briefing.topics))
    yield ',\n  "actors": ' + value(rest["actors"], "  ")
    yield ',\n  "topics": ' + value(rest["topics"], "  ") + "\n}"


def _safe(text: str) -> str:
    return scrub(text)


def entry_markdown(entry: Entry) -> str:
    """The entry as a Markdown document of its own (what `y` in the reader copies)."""
    meta = " · ".join(m for m in (long_time(entry.published), entry.author) if m)
    parts = [f"# {entry.title}"]
    if meta:
        parts.append(f"*{meta}*")
    parts.append(entry.body)
    if entry.link:
        parts.append(f"<{entry.link}>")
    return "\n\n".join(parts) + "\n"


def view_of(briefing: Briefing, entries: tuple[Entry, ...]) -> Briefing:
    """``briefing`` with only ``entries`` (in that order), and its actors and topics listing
    only those: what a filtered dump or a digest of the reader's view holds."""
    from dataclasses import replace

    ids = {entry.id for entry in entries}
    actors = tuple(a for a in (replace(a, entry_ids=tuple(i for i in a.entry_ids if i in ids)) for a in briefing.actors) if a.entry_ids)
    topics = tuple(t for t in (replace(t, entry_ids=tuple(i for i in t.entry_ids if i in ids)) for t in briefing.topics) if t.entry_ids)
    return replace(briefing, entries=entries, actors=actors, topics=topics)


def markdown_header(briefing: Briefing, now: datetime | None = None, query: str | None = None) -> list[str]:
    """A digest's heading: what was read (names of the sources) or asked (the query), how
    much, when, and the view's most named actors and topics with their counts."""
    names = [PurePath(s.path).name or s.path for s in briefing.sources]
    title = ", ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
    when = (now or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M %Z").strip()
    posts = sum(s.entries for s in briefing.sources)
    counts = [f"{len(briefing.sources)} source{'s' if len(briefing.sources) != 1 else ''}"]
    merged = f" from {posts} posts" if posts != len(briefing.entries) and not query else ""  # a view has no post count
    counts.append(f"{len(briefing.entries)} entries{merged}")
    counts.append(f"made {when}")
    heading = f"# Digest: {_safe(query)}" if query else f"# Briefing: {_safe(title) or '(no sources)'}"
    lines = [heading, "*" + " · ".join(counts) + "*"]
    if briefing.sources:
        lines.append("Sources:\n" + "\n".join(f"- {_safe(s.path)}" for s in briefing.sources))
    shown = {entry.id for entry in briefing.entries}
    for label, facets in (("Top actors", briefing.actors), ("Top topics", briefing.topics)):
        counted = sorted(((sum(i in shown for i in f.entry_ids), f.name) for f in facets), key=lambda c: (-c[0], c[1]))
        top = [f"{_safe(name)} ({count})" for count, name in counted[:DIGEST_TOP] if count]
        if top:
            lines.append(f"{label}: " + ", ".join(top))
    return lines


DIGEST_TOP = 10
"""Actors and topics a digest's heading names."""


def to_markdown(briefing: Briefing, now: datetime | None = None, query: str | None = None) -> str:
    """The briefing (or a view of it: ``query``, its entries in list order) as one Markdown
    digest, for `less`, a file or a colleague: a heading, then each entry with its time,
    author, sources, ×N, actors and topics."""
    parts: list[str] = markdown_header(briefing, now, query)
    for entry in briefing.entries:
        where = sorted({PurePath(o.path).name for o in entry.occurrences})
        seen = f"seen ×{entry.seen}" if entry.seen > 1 else None
        meta = [m for m in (long_time(entry.published), entry.author, ", ".join(where) or None, seen) if m]
        parts.append(f"## {_safe(entry.title)}")
        if meta:
            parts.append("*" + " · ".join(_safe(m) for m in meta) + "*")
        facets = []
        if entry.actors:
            facets.append("Actors: " + ", ".join(_safe(a) for a in entry.actors))
        if entry.topics:
            facets.append("Topics: " + ", ".join(_safe(t) for t in entry.topics))
        if facets:
            parts.append("  \n".join(facets))
        parts.append(_safe(entry.body))
        if entry.link:
            parts.append(f"<{_safe(entry.link)}>")
        parts.append("")
    errors = [s for s in briefing.sources if s.error]
    if errors:
        parts.append("## Problems reading sources")
        parts.extend(f"- {_safe(s.path)}: {_safe(s.error or '')}" for s in errors)
    return re.sub(r"\n{3,}", "\n\n", "\n\n".join(parts)).strip() + "\n"
