"""What the list shows: filters, facet counts and search, without a terminal."""

from __future__ import annotations

import pytest

from brief.parsers import load
from brief.tui.filters import BriefingIndex, Filter
from conftest import FIXTURES


def test_filter_logic_counts_and_reasons() -> None:
    briefing = load([str(FIXTURES / "dedup" / n) for n in ("monday-live.txt", "tuesday-live.txt", "evening-newsletter.md")])
    index = BriefingIndex(briefing)
    order = index.order(newest_first=True)
    everything = index.apply(Filter(), order, lambda i: False, lambda i: False)
    assert len(everything.indexes) == 4
    marsh = everything.count("actor", "Helen Marsh")
    assert marsh == 2
    only = index.apply(Filter(actors=frozenset({"Helen Marsh"})), order, lambda i: False, lambda i: False)
    assert len(only.indexes) == 2 and only.hidden_by == {"actors": 2}
    both = Filter(actors=frozenset({"Helen Marsh", "Daniel Okafor"}), actor_mode="all")
    assert index.apply(both, order, lambda i: False, lambda i: False).indexes == ()
    searched = index.apply(Filter(query="ferry"), order, lambda i: False, lambda i: i == order[0])
    assert searched.hidden_by == {"search": 2}
    assert Filter(query="x", unread_only=True).describe() == 'search: "x"; unread only'


@pytest.mark.parametrize("query", ["(", "a.b", "$5", "x*", "[1]", "c++", "é", "s", "se", "€40 b", "harbour", "a.b.c.d.e", "Ferry (UPDATED)"])
def test_search_is_literal_substring_matching_whatever_the_needle(query: str) -> None:
    """Short needles take the regex path, long ones str.__contains__: both must be plain,
    case-insensitive substring tests, metacharacters included."""
    from brief.parsers.model import Briefing, Entry

    bodies = ["a (note) on a.b and $5", "axb costs x* [1] in c++ for café", "Ferry (updated) sails", "the harbour s", "€40 bn"]
    entries = tuple(Entry(str(i), f"t{i}", body, None, None, None, ()) for i, body in enumerate(bodies))
    index = BriefingIndex(Briefing(sources=(), entries=entries, actors=(), topics=()))
    order = list(range(len(entries)))
    found = index.apply(Filter(query=query), order, lambda i: False, lambda i: False).indexes
    needles = query.casefold().split()
    source = [e.title.casefold() if len(query.strip()) < 2 else f"{e.title}\n{e.body}".casefold() for e in entries]
    assert list(found) == [i for i in order if all(n in source[i] for n in needles)]
