"""The query language of `/` and `brief dump --filter`: a table of queries and what they find,
any text parsed or refused cleanly, and the reader keeping its last good list meanwhile."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.parsers import load
from brief.parsers.query import QueryError, fold, parse, when
from brief.tui.filters import BriefingIndex, Filter
from conftest import FIXTURES

DESK = FIXTURES / "feed" / "harbour-desk.xml"
SHORT = {"Harbour pilots": "P", "Ferry company": "F", "Minister promises": "M", "Zoë Kranz": "Z"}


def _found(query: str, read: frozenset[int] = frozenset(), starred: frozenset[int] = frozenset()) -> str:
    briefing = load([str(DESK)])
    index = BriefingIndex(briefing)
    order = list(range(len(briefing.entries)))
    result = index.apply(Filter(query=query), order, read.__contains__, starred.__contains__)
    assert result.error is None, result.error
    titles = [briefing.entries[i].title for i in result.indexes]
    return "".join(next(v for k, v in SHORT.items() if t.startswith(k)) for t in titles)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("harbour", "PM"),
        ("HARBOUR Safety", "M"),  # all words, case aside
        ("zoe", "Z"),  # accents aside
        ('"extra crews"', "F"),
        ('"crews extra"', ""),
        ("-harbour", "FZ"),
        ("harbour -pilots", "M"),
        ("actor:haddad", "PF"),
        ("actor:Caldera", "M"),
        ("-actor:haddad", "MZ"),
        ("author:berg", "PM"),
        ("author:ash kessel", "FZ"),
        ("source:*.xml", "PFMZ"),
        ("source:*.md", ""),
        ("since:2026-11-30", "MZ"),
        ("until:2026-11-29", "P"),
        ("since:2026-11-29 until:2026-11-30T13:00", "FM"),
        ("chess OR ferry", "FZ"),
        ("(chess OR ferry) -kessel", ""),
        ("(chess OR pilots) author:ash", "Z"),
        ("harbour OR actor:kranz", "PMZ"),
        ("seen:1", "PFMZ"),
        ("seen:>1", ""),
        ("is:unread", "FZ"),  # entries 0 and 2 are read
        ("is:starred", "M"),
        ("is:new", ""),
    ],
)
def test_each_query_finds_its_entries(query: str, expected: str) -> None:
    assert _found(query, read=frozenset({0, 2}), starred=frozenset({2})) == expected


@pytest.mark.parametrize(
    ("query", "message", "at"),
    [
        ("ferry OR", "OR needs a term on both sides", 7),
        ("(ferry", "a ( is not closed", 1),
        ("ferry)", "a ) without its (", 6),
        ('"open', "a quote is not closed", 1),
        ("actr:haddad", "unknown field actr: (did you mean actor:?)", 1),
        ("is:read", "is:read is not one of is:unread, is:starred, is:new", 1),
        ("seen:many", "seen:many is not a count", 1),
        ("since:yesterday", "since:yesterday is not a day", 1),
        ("ferry topic:", "topic: needs a value", 7),
    ],
)
def test_a_malformed_query_says_what_is_wrong_and_where(query: str, message: str, at: int) -> None:
    with pytest.raises(QueryError) as raised:
        parse(query)
    assert raised.value.message.startswith(message) and raised.value.position == at - 1
    assert f"(at character {at})" in str(raised.value)


@given(st.text(max_size=60))
def test_any_text_parses_or_is_refused_cleanly(text: str) -> None:
    try:
        query = parse(text)
    except QueryError as error:
        assert 0 <= error.position <= len(text)
    else:
        assert (query.root is None) == (not text.split())


@given(st.lists(st.sampled_from(["ferry", "-ferry", '"a b"', "OR", "(", ")", "actor:x", "is:new", "seen:>2", "since:3d"]), max_size=8))
def test_any_arrangement_of_terms_parses_or_is_refused_cleanly(parts: list[str]) -> None:
    with contextlib.suppress(QueryError):
        parse(" ".join(parts))


def test_times_ago_and_days() -> None:
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    assert when("2h", now) == now - timedelta(hours=2)
    assert when("90m", now) == now - timedelta(minutes=90)
    assert when("3d", now) == now - timedelta(days=3)
    assert when("2026-11-30", now) == datetime(2026, 11, 30, tzinfo=UTC)
    assert fold("Zoë ÉCLAIR") == "zoe eclair"


def test_dump_filter_writes_the_matching_entries_or_says_what_is_wrong(tmp_path: Path) -> None:
    env = {"XDG_STATE_HOME": str(tmp_path / "state"), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "brief.tui.cli", "dump", str(DESK), "--filter", "actor:haddad -ferry"],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    dumped = json.loads(run.stdout)
    assert [e["title"] for e in dumped["entries"]] == ["Harbour pilots strike over new rotas"]
    assert [a["name"] for a in dumped["actors"]] == ["Omar Haddad"]
    run = subprocess.run(
        [sys.executable, "-m", "brief.tui.cli", "dump", str(DESK), "--filter", "(ferry", "--format", "markdown"],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert run.returncode == 2 and "a ( is not closed (at character 1)" in run.stderr and not run.stdout
    assert not (tmp_path / "state").exists()  # read, never written
