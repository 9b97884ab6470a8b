"""Search signatures: candidates never miss an entry that holds the needle, and where they say
they are exact they are exactly the entries that hold it."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.parsers.model import Briefing, Entry
from brief.tui.filters import BriefingIndex, Filter
from brief.tui.search_index import SearchIndex, build_search_index

ALPHABET = "abcdemnostz019 ,.'-\n\téßü€中😀"


def check(texts: list[str], needle: str) -> None:
    index = SearchIndex(texts)
    mask, exact = index.candidates(needle)
    truth = [needle in text for text in texts]
    assert len(mask) == len(texts)
    assert all(mask[i] for i, holds in enumerate(truth) if holds), "a text holding the needle was left out"
    if exact:
        assert [bool(byte) for byte in mask] == truth


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(ALPHABET, max_size=60), min_size=1, max_size=30),
    st.text(ALPHABET.replace(" ", "").replace("\n", "").replace("\t", ""), min_size=1, max_size=5),
)
def test_candidates_hold_every_match_and_exact_ones_only_matches(texts: list[str], needle: str) -> None:
    check(texts, needle)


def test_many_chunks_and_a_count_that_is_no_multiple_of_eight() -> None:
    rng = random.Random(7)
    words = ["minister", "port", "strike", "ferry", "o'malley", "café", "2026", "u.s.", "talks", "naïve"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 12))) for _ in range(2_501)]
    for needle in ["m", "mi", "min", "port", "'m", "o'", "é", "fé", "20", "s.", "zz", "ve", "a", "u.s.", "ïv"]:
        check(texts, needle)
    index = SearchIndex(texts)
    assert index.candidates("mi")[1] and index.candidates("m")[1]
    assert index.candidates("min")[1]  # a run of three in many entries has a row of its own
    assert not index.candidates("q7z")[1] and not index.candidates("o'")[1] and not index.candidates("é")[1]


def test_titles_index_one_character_exactly_and_longer_needles_loosely() -> None:
    titles = ["Ferry strike", "Port talks", "Café 2026", "x"]
    index = SearchIndex([t.casefold() for t in titles], letters_only=True)
    assert index.candidates("f") == (bytes([1, 0, 1, 0]), True)
    assert index.candidates("2") == (bytes([0, 0, 1, 0]), True)
    mask, exact = index.candidates("rt")
    assert not exact and mask == bytes([1, 1, 0, 0])  # has an r and a t: a candidate, checked after


def test_small_briefings_are_scanned_without_signatures() -> None:
    assert build_search_index(["short text"]) is None
    assert build_search_index(["short text"], min_chars=0) is not None


@pytest.mark.parametrize("query", ["f", "é", "fe", "ferry", "o'm", "ry s", "2026", "u.s", "zq", "€4", "s"])
def test_a_briefing_searched_through_signatures_finds_what_a_scan_finds(query: str) -> None:
    rng = random.Random(3)
    words = ["Ferry", "strike", "O'Malley", "U.S.", "€40bn", "talks", "café", "2026", "port", "Minister"]
    entries = tuple(
        Entry(
            str(i),
            " ".join(rng.choice(words) for _ in range(3)),
            " ".join(rng.choice(words) for _ in range(30)),
            None,
            None,
            None,
            (),
        )
        for i in range(1_100)
    )
    briefing = Briefing(sources=(), entries=entries, actors=(), topics=())
    scanned, indexed = BriefingIndex(briefing), BriefingIndex(briefing)
    indexed.build_search(min_chars=0)
    assert indexed.body_search is not None and indexed.title_search is not None
    order = scanned.order(newest_first=True)
    for typed in [query[:cut] for cut in range(1, len(query) + 1)]:  # typed a key at a time
        flt = Filter(query=typed)
        assert (
            indexed.apply(flt, order, lambda i: False, lambda i: False).indexes
            == scanned.apply(flt, order, lambda i: False, lambda i: False).indexes
        )
