"""The user's corrections to the actors Brief found: renamed (and so merged), split, hidden.

They come from config.yaml's ``actors.rename``, ``actors.split`` and ``actors.hidden`` (the
reader's merge, rename, split and hide keys write them there) and are applied to a finished
Briefing, after names are resolved: so a correction takes effect at once in a running reader,
costs no new parse and no cache entry, and gives the same result on every later load.

Applying the same edits to a briefing they were already applied to changes nothing, so the
reader can apply all of them again after adding one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .model import Actor, Briefing, Entry
from .rules import SCAN_CHARS


@dataclass(frozen=True)
class ActorEdits:
    """What the user said of the actors, in the order it is applied: split, rename, hidden."""

    rename: tuple[tuple[str, str], ...] = ()
    """(name, new name) pairs; a new name that is another actor's joins the two (a merge)."""
    split: tuple[tuple[str, str], ...] = ()
    """(actor, alias) pairs: the alias taken off that actor (by the name it is shown under),
    an actor of its own."""
    hidden: tuple[str, ...] = ()
    """Actors never listed (false ones: a heading read as a name)."""

    def __bool__(self) -> bool:
        return bool(self.rename or self.split or self.hidden)


def final_name(rename: Mapping[str, str], name: str) -> str:
    """Where a chain of renames ends ("A" → "B" → "C"). A loop (a hand-made "A: B", "B: A")
    ends at one of its names, the same from wherever it is entered: the first in sort order."""
    folded = {old.casefold(): new for old, new in rename.items()}
    path = [name]
    while (new := folded.get(name.casefold())) is not None:
        looped = next((i for i, seen in enumerate(path) if seen.casefold() == new.casefold()), None)
        if looped is not None:
            return min(path[looped:], key=lambda n: (n.casefold(), n))
        path.append(new)
        name = new
    return name


def curate(briefing: Briefing, edits: ActorEdits) -> Briefing:
    """``briefing`` with ``edits`` applied to its actors (and to each entry's list of them)."""
    if not edits or not briefing.actors:
        return briefing
    actors = list(briefing.actors)
    entry_actors: dict[str, tuple[str, ...]] = {}  # entry id -> its actors, where they changed
    rename = dict(edits.rename)
    for owner, alias in edits.split:
        actors = _split(briefing, actors, owner, alias, rename, entry_actors)
    if edits.rename:
        actors = _rename(briefing, actors, rename, entry_actors)
    if edits.hidden:
        hidden = {name.casefold() for name in edits.hidden}
        gone = {a.name for a in actors if a.name.casefold() in hidden}
        if gone:
            ids = {i for a in actors if a.name in gone for i in a.entry_ids}
            actors = [a for a in actors if a.name not in gone]
            _drop(briefing, gone, ids, entry_actors)
    if actors == list(briefing.actors) and not entry_actors:
        return briefing
    order = {a.name: i for i, a in enumerate(actors)}
    actors.sort(key=lambda a: (-len(a.entry_ids), order[a.name]))
    entries = tuple(
        replace(e, actors=entry_actors[e.id]) if e.id in entry_actors and entry_actors[e.id] != e.actors else e
        for e in briefing.entries
    )
    return Briefing(sources=briefing.sources, entries=entries, actors=tuple(actors), topics=briefing.topics)


def _actors_of(briefing: Briefing, entry_actors: Mapping[str, tuple[str, ...]], entry_id: str) -> tuple[str, ...]:
    found = entry_actors.get(entry_id)
    if found is not None:
        return found
    entry = briefing.by_id.get(entry_id)
    return entry.actors if entry is not None else ()


def _names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Any of ``names`` as a whole word, longest first (so "Boris Johnson" wins over "Johnson")."""
    words = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)


def _scan_text(entry: Entry) -> str:
    return f"{entry.title}\n{entry.body[:SCAN_CHARS]}"


def _split(
    briefing: Briefing,
    actors: list[Actor],
    owner: str,
    alias: str,
    rename: Mapping[str, str],
    entry_actors: dict[str, tuple[str, ...]],
) -> list[Actor]:
    """``alias`` taken off the actor shown as ``owner`` (any actor renamed into it, too): the
    entries that write it on its own become the new actor's; the old one keeps those that
    name it otherwise. "On its own" is outside every longer name holding it, anyone's: a
    lone "Ortega" is not the one inside "Piotr Ortega"."""
    key, owner_key = alias.casefold(), owner.casefold()
    holders = [
        a for a in actors
        if (a.name.casefold() == owner_key or final_name(rename, a.name).casefold() == owner_key)
        and a.name.casefold() != key and any(x.casefold() == key for x in a.aliases)
    ]  # fmt: skip
    if not holders:
        return actors
    alias_word = re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", re.I)
    longer = _names_pattern(
        n for a in actors for n in (a.name, *a.aliases) if len(n) > len(alias) and alias_word.search(n)
    )
    result = list(actors)
    for holder in holders:
        spelt = next(x for x in holder.aliases if x.casefold() == key)
        others = _names_pattern(n for n in (holder.name, *holder.aliases) if n.casefold() != key)
        moved: list[str] = []
        kept: list[str] = []
        for entry_id in holder.entry_ids:
            entry = briefing.by_id.get(entry_id)
            if entry is None:
                kept.append(entry_id)
                continue
            text = _scan_text(entry)
            masked = [m.span() for m in longer.finditer(text)] if longer is not None else []
            writes_alias = any(not any(s <= m.start() < e for s, e in masked) for m in alias_word.finditer(text))
            if writes_alias:
                moved.append(entry_id)
            if not writes_alias or (others is not None and others.search(text)):
                kept.append(entry_id)
        if not moved:
            continue
        aliases = tuple(x for x in holder.aliases if x.casefold() != key)
        index = result.index(holder)
        result[index] = Actor(holder.name, holder.kind, aliases, tuple(kept))
        existing = next((i for i, a in enumerate(result) if a.name.casefold() == key), None)
        if existing is not None:
            joined = result[existing]
            ids = tuple(dict.fromkeys((*joined.entry_ids, *moved)))
            result[existing] = replace(joined, entry_ids=_in_order(briefing, ids))
            new_name = joined.name
        else:
            result.insert(index + 1, Actor(spelt, holder.kind, (), tuple(moved)))
            new_name = spelt
        kept_set, moved_set = set(kept), set(moved)
        for entry_id in moved_set | (set(holder.entry_ids) - kept_set):
            names = list(_actors_of(briefing, entry_actors, entry_id))
            at = names.index(holder.name) if holder.name in names else len(names)
            if entry_id in moved_set and new_name not in names:
                names.insert(at + 1, new_name)
            if entry_id not in kept_set and holder.name in names:
                names.remove(holder.name)
            entry_actors[entry_id] = tuple(names)
    return [a for a in result if a.entry_ids]


def _in_order(briefing: Briefing, ids: Iterable[str]) -> tuple[str, ...]:
    position = {e.id: i for i, e in enumerate(briefing.entries)}
    return tuple(sorted(ids, key=lambda i: position.get(i, len(position))))


def _rename(briefing: Briefing, actors: list[Actor], rename: dict[str, str], entry_actors: dict[str, tuple[str, ...]]) -> list[Actor]:
    """Each actor under its final name; actors that end under one name become one."""
    by_folded = {a.name.casefold(): a.name for a in actors}

    def target(name: str) -> str:
        new = final_name(rename, name)
        existing = by_folded.get(new.casefold())  # another actor's name, in any case: join it as spelt
        return existing if existing is not None and existing != name else new

    targets = {a.name: target(a.name) for a in actors}
    if all(old == new for old, new in targets.items()):
        return actors
    groups: dict[str, list[Actor]] = {}
    for actor in actors:
        groups.setdefault(targets[actor.name], []).append(actor)
    result: list[Actor] = []
    for name, members in groups.items():
        if len(members) == 1 and members[0].name == name:
            result.append(members[0])
            continue
        keeper = next((m for m in members if m.name == name), members[0])
        aliases = {n for m in members for n in (m.name, *m.aliases)} - {name}
        ids = members[0].entry_ids if len(members) == 1 else _in_order(
            briefing, dict.fromkeys(i for m in members for i in m.entry_ids)
        )
        result.append(Actor(name, keeper.kind, tuple(sorted(aliases)), ids))
    moved = {old: new for old, new in targets.items() if old != new}
    touched = {i for a in actors if a.name in moved for i in a.entry_ids}
    for entry_id in touched:
        names = [moved.get(n, n) for n in _actors_of(briefing, entry_actors, entry_id)]
        entry_actors[entry_id] = tuple(dict.fromkeys(names))
    return result


def _drop(briefing: Briefing, gone: set[str], ids: set[str], entry_actors: dict[str, tuple[str, ...]]) -> None:
    for entry_id in ids:
        names = _actors_of(briefing, entry_actors, entry_id)
        entry_actors[entry_id] = tuple(n for n in names if n not in gone)


def with_rename(edits: ActorEdits, current: str, new: str) -> ActorEdits:
    """``edits`` once the actor shown as ``current`` is to be shown as ``new`` (a merge when
    ``new`` is another actor's name). Renaming back to a name it was renamed from takes that
    rename out rather than adding its reverse."""
    rename = dict(edits.rename)
    undone = [
        old for old in rename
        if old.casefold() == new.casefold() and final_name(rename, old).casefold() == current.casefold()
    ]  # fmt: skip
    for old in undone:
        del rename[old]
    if not undone and current != new:
        for old in [o for o in rename if o.casefold() == current.casefold()]:
            del rename[old]
        rename[current] = new
    return replace(edits, rename=tuple(rename.items()))


def with_split(edits: ActorEdits, alias: str, actor: str) -> ActorEdits:
    """``edits`` once ``alias`` is taken off ``actor``: an actor merged in by a rename is let
    go by taking the rename out; any other alias is listed under ``split``."""
    rename = dict(edits.rename)
    merged = [old for old in rename if old.casefold() == alias.casefold() and final_name(rename, old) == actor]
    if merged:
        return replace(edits, rename=tuple((k, v) for k, v in rename.items() if k not in merged))
    if any(o.casefold() == actor.casefold() and a.casefold() == alias.casefold() for o, a in edits.split):
        return edits
    return replace(edits, split=(*edits.split, (actor, alias)))


def with_hidden(edits: ActorEdits, name: str) -> ActorEdits:
    if any(hidden.casefold() == name.casefold() for hidden in edits.hidden):
        return edits
    return replace(edits, hidden=(*edits.hidden, name))


def takes_back(old: ActorEdits, new: ActorEdits) -> bool:
    """True when ``new`` takes out or changes what ``old`` said: the briefing those edits were
    applied to cannot show it, and the sources must be loaded again (from the cache)."""
    before, after = dict(old.rename), dict(new.rename)
    return (
        any(after.get(k) != v for k, v in before.items())
        or not set(old.split) <= set(new.split)
        or not set(old.hidden) <= set(new.hidden)
    )
