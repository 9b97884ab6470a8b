"""What the list shows: a Filter applied to a Briefing, with facet counts. Textual-free."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from fnmatch import fnmatchcase as fnmatch
from functools import cached_property, lru_cache
from itertools import chain, compress, repeat
from pathlib import PurePath

from ..parsers.actor_profile import Profile, profile
from ..parsers.dates import sort_key
from ..parsers.model import Briefing
from ..parsers.query import SEEN, And, Field, Node, Not, Or, Phrase, Query, QueryError, Word, fold, parse, when
from . import search_index
from .search_index import SearchIndex

_SHORT_NEEDLE = 5


@lru_cache(maxsize=64)
def _literal(needle: str) -> re.Pattern[str]:
    return re.compile(re.escape(needle))


def _with_neighbours_times(keys: list[str], files: list[str]) -> list[str]:
    """Sort keys where an undated entry takes the time of the nearest dated entry after it in
    its file (else before it): a live page's "Good morning" post, or posts stamped "12 minutes
    ago", then list beside the posts they were written among, instead of all at the end."""
    filled = list(keys)
    if all(keys) or not any(keys):
        return filled
    by_file: dict[str, list[int]] = {}
    for index, path in enumerate(files):
        by_file.setdefault(path, []).append(index)
    for indexes in by_file.values():
        after = ""
        for index in reversed(indexes):
            if keys[index]:
                after = keys[index]
            elif after:
                filled[index] = after
        before = ""
        for index in indexes:
            if keys[index]:
                before = keys[index]
            elif not filled[index]:
                filled[index] = before
    return filled


@dataclass(frozen=True)
class Filter:
    """The user's current narrowing of the briefing."""

    actors: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    query: str = ""
    unread_only: bool = False
    starred_only: bool = False
    new_only: bool = False
    """Only entries new since the reader's last look at their source."""
    actor_mode: str = "any"
    """``any``: an entry mentioning any selected actor matches; ``all``: every one."""

    @property
    def active(self) -> bool:
        return bool(
            self.actors or self.topics or self.query.strip() or self.unread_only or self.starred_only or self.new_only
        )

    def toggle_actor(self, name: str) -> Filter:
        return replace(self, actors=self.actors ^ {name})

    def toggle_topic(self, name: str) -> Filter:
        return replace(self, topics=self.topics ^ {name})

    def cleared(self) -> Filter:
        return Filter(actor_mode=self.actor_mode)

    def describe(self) -> str:
        """The filter in words, for the status line."""
        parts: list[str] = []
        if self.actors:
            joiner = " or " if self.actor_mode == "any" else " and "
            parts.append("actors: " + joiner.join(sorted(self.actors)))
        if self.topics:
            parts.append("topics: " + " and ".join(sorted(self.topics)))
        if self.query.strip():
            parts.append(f'search: "{self.query.strip()}"')
        if self.unread_only:
            parts.append("unread only")
        if self.starred_only:
            parts.append("starred only")
        if self.new_only:
            parts.append("new only")
        return "; ".join(parts)


@dataclass(frozen=True)
class Marks:
    """The reader's marks of entries by index, for ``is:`` terms."""

    is_read: Callable[[int], bool]
    is_starred: Callable[[int], bool]
    is_new: Callable[[int], bool]


@lru_cache(maxsize=32)
def _parse_kept(text: str) -> Query:
    return parse(text)


@dataclass(frozen=True)
class FilterResult:
    """Entry indexes that pass, what each filter hid, and facet counts among them on demand."""

    indexes: tuple[int, ...]
    hidden_by: dict[str, int] = field(default_factory=dict)
    """Filter name → entries it removed (applied in order: facets, search, unread, starred, new)."""
    index: BriefingIndex | None = field(default=None, compare=False, repr=False)
    error: QueryError | None = field(default=None, compare=False)
    """The query is malformed: nothing was filtered (the reader keeps its last good list)."""
    _memo: dict[tuple[str, str], int] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def index_set(self) -> frozenset[int]:
        """The shown indexes as a set, built only when asked."""
        return frozenset(self.indexes)

    def count(self, kind: str, name: str) -> int:
        """Entries shown that have this actor (kind ``actor``) or topic: asked per visible
        sidebar row, so a keystroke costs what the screen shows, not what the briefing holds."""
        key = (kind, name)
        found = self._memo.get(key)
        if found is None:
            index = self.index
            if index is None:
                return 0
            sets = index.actor_sets if kind == "actor" else index.topic_sets
            members = sets.get(name, set())
            found = len(members) if len(self.indexes) == len(index.ids) else len(self.index_set.intersection(members))
            self._memo[key] = found
        return found


def _holding(found: list[int], needle: str, texts: list[str], signatures: SearchIndex | None) -> list[int]:
    """The entries of ``found`` whose folded text holds ``needle``."""
    if signatures is not None:
        # Only entries with all the needle's n-grams can hold it; for one or two letters the
        # signatures are the answer, and no text is read at all.
        mask, exact = signatures.candidates(needle)
        found = list(compress(found, map(mask.__getitem__, found)))
        if exact:
            return found
    # Mapped over the texts, both tests run in C. For a short needle the regex engine's literal
    # scan is faster than str.__contains__ (~1.5x on the 100k bench corpus), for a long one
    # slower: short needles are the ones that reach every body.
    read = map(texts.__getitem__, found)
    if len(needle) <= _SHORT_NEEDLE:
        return list(compress(found, map(_literal(needle).search, read)))
    return list(compress(found, map(str.__contains__, read, repeat(needle))))


class BriefingIndex:
    """Precomputed lookups so each keystroke of a search stays fast at 100 000 entries."""

    def __init__(self, briefing: Briefing, previous: BriefingIndex | None = None) -> None:
        """``previous``: the index of the briefing this one replaces, whose folded texts are
        reused for the entries both hold."""
        self.briefing = briefing
        entries = briefing.entries
        self.ids = [e.id for e in entries]
        self.position = {entry_id: index for index, entry_id in enumerate(self.ids)}
        self.actors = [e.actors for e in entries]
        self.topics = [e.topics for e in entries]
        if previous is None:
            self.haystacks = [fold(f"{e.title}\n{e.body}") for e in entries]
            self.titles = [fold(e.title) for e in entries]
            self.raw_keys = [sort_key(e.published) for e in entries]
        else:  # a watched file changed: what the entries that did not change need is made already
            was, old = previous.position, previous.briefing.entries
            self.haystacks, self.titles, self.raw_keys = [], [], []
            for e in entries:
                at = was.get(e.id)
                if at is not None and old[at] is e:
                    self.haystacks.append(previous.haystacks[at])
                    self.titles.append(previous.titles[at])
                    self.raw_keys.append(previous.raw_keys[at])
                else:
                    self.haystacks.append(fold(f"{e.title}\n{e.body}"))
                    self.titles.append(fold(e.title))
                    self.raw_keys.append(sort_key(e.published))
        self.sort_keys = _with_neighbours_times(
            self.raw_keys, [e.occurrences[0].path if e.occurrences else "" for e in entries]
        )
        self.actor_sets: dict[str, set[int]] = {}
        for index, names in enumerate(self.actors):
            for name in names:
                self.actor_sets.setdefault(name, set()).add(index)
        self.topic_sets: dict[str, set[int]] = {}
        for index, names in enumerate(self.topics):
            for name in names:
                self.topic_sets.setdefault(name, set()).add(index)
        self._last_query: tuple[tuple[object, ...], str, frozenset[int]] | None = None
        """(facets, query, matches) of the last search: a longer query narrows those matches,
        but only while the facets that chose the candidates are the same."""
        self.title_search: SearchIndex | None = None
        self.body_search: SearchIndex | None = None
        """N-gram signatures of titles and bodies, once ``build_search`` has made them."""
        self.total_actor_counts: Counter[str] = Counter({name: len(ids) for name, ids in self.actor_sets.items()})
        self.total_topic_counts: Counter[str] = Counter({name: len(ids) for name, ids in self.topic_sets.items()})

    def build_search(self, min_chars: int | None = None) -> None:
        """Make the search signatures (~1 s at 100 000 entries: call it off the UI thread;
        searches scan every text until it is done, and after it for a small briefing)."""
        if min_chars is None:
            min_chars = search_index.MIN_CHARS
        bodies = search_index.build_search_index(self.haystacks, min_chars=min_chars)
        if bodies is not None:
            self.title_search = SearchIndex(self.titles, letters_only=True)
            self.body_search = bodies

    def facet_counts(self, indexes: Sequence[int]) -> tuple[Counter[str], Counter[str]]:
        """Actor and topic counts among ``indexes``; counts the smaller side (shown or hidden)."""
        total = len(self.ids)
        if len(indexes) == total:
            return self.total_actor_counts, self.total_topic_counts
        # map/chain/Counter all iterate in C: no Python bytecode runs per entry.
        if len(indexes) * 2 <= total:
            return (
                Counter(chain.from_iterable(map(self.actors.__getitem__, indexes))),
                Counter(chain.from_iterable(map(self.topics.__getitem__, indexes))),
            )
        hidden = set(range(total)).difference(indexes)
        return (
            self.total_actor_counts - Counter(chain.from_iterable(map(self.actors.__getitem__, hidden))),
            self.total_topic_counts - Counter(chain.from_iterable(map(self.topics.__getitem__, hidden))),
        )

    def order(self, newest_first: bool) -> list[int]:
        """Entry indexes in time order; an entry without a time stays beside its neighbours in
        its file (see ``_with_neighbours_times``), ties in reading order."""
        positions = range(len(self.ids))
        if not any(self.sort_keys):
            return list(positions)
        ordered = sorted(positions, key=lambda i: self.sort_keys[i], reverse=newest_first)
        return ordered

    def _search(self, candidates: Sequence[int], query: str, facets: tuple[object, ...] = ()) -> list[int]:
        """Entries of ``candidates`` holding every word of ``query``. ``facets`` names what chose
        the candidates: the last result is reused to narrow a longer query only under the same."""
        folded = fold(query)
        needles = folded.split()
        if not needles:
            return list(candidates)
        previous = self._last_query
        if previous is not None and previous[0] == facets and folded.startswith(previous[1]) and len(previous[1].strip()) >= 2:
            candidates = list(filter(previous[2].__contains__, candidates))
        found = list(candidates)
        # One character would match nearly every body: it narrows by titles only; from two
        # characters on, titles and bodies are searched.
        titles_only = len(query.strip()) < 2
        source = self.titles if titles_only else self.haystacks
        signatures = self.title_search if titles_only else self.body_search
        for needle in needles:
            found = _holding(found, needle, source, signatures)
        self._last_query = (facets, folded, frozenset(found))
        return found

    def profile(self, name: str) -> Profile:
        """The actor view of ``name``, from the texts and times folded here already."""
        keys = [key for key in self.raw_keys if key]
        span = (min(keys), max(keys)) if keys else None
        return profile(self.briefing, name, lambda entry_id: self.haystacks[self.position[entry_id]], span)

    def parsed(self, text: str) -> Query:
        """The query ``text`` names (the last few kept: each keystroke parses the whole box)."""
        return _parse_kept(text)

    def evaluate(self, node: Node, candidates: list[int], marks: Marks) -> list[int]:
        """The ``candidates`` (in their order) that ``node`` matches."""
        if isinstance(node, And):
            for part in node.nodes:
                candidates = self.evaluate(part, candidates, marks)
            return candidates
        if isinstance(node, Or):
            matched: set[int] = set()
            for part in node.nodes:
                matched.update(self.evaluate(part, [i for i in candidates if i not in matched], marks))
            return [i for i in candidates if i in matched]
        if isinstance(node, Not):
            excluded = set(self.evaluate(node.node, candidates, marks))
            return [i for i in candidates if i not in excluded]
        if isinstance(node, Word | Phrase):
            # A phrase's spaces have no n-grams of their own: its texts are read.
            signatures = self.body_search if " " not in node.text else None
            return _holding(candidates, node.text, self.haystacks, signatures)
        return self._field(node, candidates, marks)

    def _field(self, node: Field, candidates: list[int], marks: Marks) -> list[int]:
        name, value = node.name, node.value
        entries = self.briefing.entries
        if name in ("actor", "topic"):
            wanted = fold(value)
            facets = self.briefing.actors if name == "actor" else self.briefing.topics
            sets = self.actor_sets if name == "actor" else self.topic_sets
            names = [f.name for f in facets if any(wanted in fold(n) for n in (f.name, *getattr(f, "aliases", ())))]
            allowed = set().union(*(sets.get(n, set()) for n in names)) if names else set()
            return [i for i in candidates if i in allowed]
        if name == "source":
            pattern = fold(value)
            return [
                i for i in candidates
                if any(fnmatch(fold(o.path), pattern) or fnmatch(fold(PurePath(o.path).name), pattern) for o in entries[i].occurrences)
            ]  # fmt: skip
        if name == "author":
            wanted = fold(value)
            return [i for i in candidates if entries[i].author and wanted in fold(entries[i].author or "")]
        if name in ("since", "until"):
            moment = when(value, datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None).isoformat()
            keys = self.sort_keys
            if name == "since":
                return [i for i in candidates if keys[i] and keys[i] >= moment]
            return [i for i in candidates if keys[i] and keys[i] <= moment]
        if name == "is":
            test = {"unread": lambda i: not marks.is_read(i), "starred": marks.is_starred, "new": marks.is_new}[value]
            return [i for i in candidates if test(i)]
        if name == "seen":
            found = SEEN.match(value)
            assert found is not None  # checked when parsed
            op, count = found.group(1) or "=", int(found.group(2))
            compare = {">": int.__gt__, ">=": int.__ge__, "<": int.__lt__, "<=": int.__le__, "=": int.__eq__}[op]
            return [i for i in candidates if compare(entries[i].seen, count)]
        raise AssertionError(name)

    def apply(
        self,
        flt: Filter,
        order: Sequence[int],
        is_read: Callable[[int], bool],
        is_starred: Callable[[int], bool],
        is_new: Callable[[int], bool] = lambda i: False,
    ) -> FilterResult:
        """Indexes in ``order`` that pass ``flt``; facets combine as ANY/ALL within actors, AND across."""
        hidden: dict[str, int] = {}
        current: Iterable[int] = order
        total = len(order)
        if flt.actors:
            sets = [self.actor_sets.get(name, set()) for name in flt.actors]
            allowed = set.union(*sets) if flt.actor_mode == "any" else set.intersection(*sets)
            current = [i for i in current if i in allowed]
            hidden["actors"] = total - len(current)
            total = len(current)
        if flt.topics:
            allowed = set.intersection(*[self.topic_sets.get(name, set()) for name in flt.topics])
            current = [i for i in current if i in allowed]
            hidden["topics"] = total - len(current)
            total = len(current)
        if flt.query.strip():
            try:
                query = self.parsed(flt.query)
            except QueryError as error:
                return FilterResult((), {}, self, error=error)
            words = query.plain_words
            if words is not None:  # only words: the fast search, narrowing as the user types
                facets = (flt.actors, flt.topics, flt.actor_mode if flt.actors else "")
                current = self._search(list(current), " ".join(words), facets)
            else:
                self._last_query = None
                assert query.root is not None
                current = self.evaluate(query.root, list(current), Marks(is_read, is_starred, is_new))
            hidden["search"] = total - len(current)
            total = len(current)
        else:
            self._last_query = None
        if flt.unread_only:
            current = [i for i in current if not is_read(i)]
            hidden["unread only"] = total - len(current)
            total = len(current)
        if flt.starred_only:
            current = [i for i in current if is_starred(i)]
            hidden["starred only"] = total - len(current)
            total = len(current)
        if flt.new_only:
            current = [i for i in current if is_new(i)]
            hidden["new only"] = total - len(current)
        indexes = tuple(current)
        return FilterResult(indexes, {k: v for k, v in hidden.items() if v}, self)
