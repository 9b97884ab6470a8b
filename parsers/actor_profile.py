"""One actor across a briefing: the names it was seen under, when it was mentioned, who is named
beside it, and its entries. What the reader's actor view (`A`) shows; Textual-free."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .dates import sort_key
from .model import Briefing
from .query import fold

BLOCKS = " ▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class Profile:
    name: str
    kind: str
    aliases: tuple[tuple[str, int], ...]
    """Each name it was seen under (its own first) with the entries that write it."""
    timeline: tuple[int, ...]
    """Entries mentioning it per step of ``step`` from ``start`` (hours or days)."""
    start: datetime | None
    step: str
    """``hour`` or ``day``."""
    company: tuple[tuple[str, int], ...]
    """Actors named in the same entries, most shared entries first, with that count."""
    entry_ids: tuple[str, ...]
    """Its entries, newest first."""
    undated: int = 0


def _moment(published: str | None) -> datetime | None:
    key = sort_key(published)
    try:
        return datetime.fromisoformat(key) if key else None
    except ValueError:
        return None


def profile(
    briefing: Briefing,
    name: str,
    folded: Callable[[str], str] | None = None,
    span: tuple[str, str] | None = None,
) -> Profile:
    """The profile of actor ``name`` (KeyError if the briefing has no such actor).

    ``folded``: an entry's title and body folded (see ``query.fold``), by id, and ``span``: the
    first and last sort keys of the briefing, where the caller has them already (the reader's
    index does), so that a view of an actor named in 15,000 entries opens at once."""
    actor = next(a for a in briefing.actors if a.name == name) if any(a.name == name for a in briefing.actors) else None
    if actor is None:
        raise KeyError(name)
    by_id = briefing.by_id
    entries = [by_id[i] for i in actor.entry_ids if i in by_id]
    texts = [folded(e.id) for e in entries] if folded is not None else [fold(f"{e.title}\n{e.body}") for e in entries]
    aliases = [(alias, sum(fold(alias) in text for text in texts)) for alias in (actor.name, *actor.aliases)]
    company: Counter[str] = Counter(other for e in entries for other in e.actors if other != actor.name)
    moments = [(_moment(e.published), e) for e in entries]
    dated = [(m, e) for m, e in moments if m is not None]
    newest = sorted(dated, key=lambda pair: pair[0], reverse=True)
    ordered = tuple(e.id for _, e in newest) + tuple(e.id for m, e in moments if m is None)
    if span is None:
        keys = [key for key in map(sort_key, (e.published for e in briefing.entries)) if key]
        span = (min(keys), max(keys)) if keys else None
    bounds = (_moment(span[0]), _moment(span[1])) if span is not None else (None, None)
    timeline: tuple[int, ...] = ()
    start: datetime | None = None
    step = "day"
    if bounds[0] is not None and bounds[1] is not None:
        first, last = bounds[0], bounds[1]
        step = "hour" if last - first <= timedelta(days=3) else "day"
        if step == "hour":
            start = first.replace(minute=0, second=0, microsecond=0)
            size = timedelta(hours=1)
        else:
            start = first.replace(hour=0, minute=0, second=0, microsecond=0)
            size = timedelta(days=1)
        counts = [0] * (int((last - start) / size) + 1)
        for moment, _ in dated:
            counts[int((moment - start) / size)] += 1
        timeline = tuple(counts)
    return Profile(
        name=actor.name,
        kind=actor.kind,
        aliases=tuple(aliases),
        timeline=timeline,
        start=start,
        step=step,
        company=tuple(sorted(company.items(), key=lambda item: (-item[1], item[0]))),
        entry_ids=ordered,
        undated=len(moments) - len(dated),
    )


def strip(counts: tuple[int, ...], width: int) -> str:
    """``counts`` drawn as one line of block characters at most ``width`` wide: steps are
    summed into columns when there are more of them than columns; an empty step is a space."""
    if not counts or width <= 0:
        return ""
    per = -(-len(counts) // width)  # steps per column, rounded up
    columns = [sum(counts[i : i + per]) for i in range(0, len(counts), per)]
    top = max(columns)
    if top == 0:
        return " " * len(columns)
    return "".join(BLOCKS[0] if c == 0 else BLOCKS[max(1, round(c / top * (len(BLOCKS) - 1)))] for c in columns)
