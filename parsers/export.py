"""A Briefing as the `brief dump` contract (JSON, see DESIGN.md) or as Markdown for a pager."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
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


_C1_AND_DEL = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def to_json(briefing: Briefing, extras: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """The dump as pretty JSON: non-ASCII kept readable, but every character a terminal could
    act on (C0 by JSON itself; DEL, C1 and bidi controls here) written as a \\u escape."""
    text = json.dumps(to_dump(briefing, extras), ensure_ascii=False, indent=2)
    return _C1_AND_DEL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


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


def markdown_header(briefing: Briefing, now: datetime | None = None) -> list[str]:
    """A digest's heading: what was read (names of the sources), how much, and when."""
    names = [PurePath(s.path).name or s.path for s in briefing.sources]
    title = ", ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
    when = (now or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M %Z").strip()
    posts = sum(s.entries for s in briefing.sources)
    counts = [f"{len(briefing.sources)} source{'s' if len(briefing.sources) != 1 else ''}"]
    counts.append(f"{len(briefing.entries)} entries" + (f" from {posts} posts" if posts != len(briefing.entries) else ""))
    counts.append(f"made {when}")
    lines = [f"# Briefing: {_safe(title) or '(no sources)'}", "*" + " · ".join(counts) + "*"]
    if briefing.sources:
        lines.append("Sources:\n" + "\n".join(f"- {_safe(s.path)}" for s in briefing.sources))
    return lines


def to_markdown(briefing: Briefing, now: datetime | None = None) -> str:
    """The briefing as one Markdown document, for `less` or a Markdown pager: a header, then
    each entry with its time, author, ×N, actors and topics."""
    parts: list[str] = markdown_header(briefing, now)
    for entry in briefing.entries:
        meta = [m for m in (entry.published, entry.author, f"seen ×{entry.seen}" if entry.seen > 1 else None) if m]
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
