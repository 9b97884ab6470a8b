"""The `brief` command line: subcommands, usage errors, help text and the Markdown dump."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from brief.parsers import load
from brief.parsers.export import to_markdown
from brief.tui.cli import main
from conftest import FIXTURES

SOURCES = [str(FIXTURES / "dedup" / name) for name in ("monday-live.txt", "tuesday-live.txt", "evening-newsletter.md")]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["confg", "path"], "'confg' is neither a command nor a file or folder here (did you mean 'config'?)"),
        (["dumb", "x.txt"], "(did you mean 'dump'?)"),
        (["config"], "config needs a subcommand: try `brief config path`"),
        (["config", "paths"], "'config paths' is not a command"),
    ],
)
def test_a_mistyped_command_prints_usage_and_a_hint_and_exits_2(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: brief") and said in err and "brief config path" in err


def test_a_word_naming_an_existing_file_or_a_path_like_argument_is_a_source(tmp_path: Path) -> None:
    from brief.tui.cli import _unknown_command

    (tmp_path / "today").write_text("x", encoding="utf-8")
    assert _unknown_command(str(tmp_path / "today")) is None
    assert _unknown_command("notes/today.txt") is None  # missing, but a path: the reader says so
    assert _unknown_command("today.txt") is None and _unknown_command("*.md") is None
    assert _unknown_command("-") is None


def test_help_names_both_dump_formats() -> None:
    run = subprocess.run([sys.executable, "-m", "brief.tui.cli", "--help"], capture_output=True, text=True)
    assert "--format markdown" in " ".join(run.stdout.split())
    run = subprocess.run([sys.executable, "-m", "brief.tui.cli", "dump", "--help"], capture_output=True, text=True)
    flat = " ".join(run.stdout.split())
    assert "--format {json,markdown} json (the default)" in flat and "markdown: a readable digest" in flat


def test_markdown_dump_has_a_header_and_each_entry_its_topics() -> None:
    briefing = load(SOURCES)
    now = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    text = to_markdown(briefing, now)
    lines = text.splitlines()
    assert lines[0] == "# Briefing: monday-live.txt, tuesday-live.txt and 1 more"
    posts = sum(s.entries for s in briefing.sources)
    assert lines[2] == f"*3 sources · {len(briefing.entries)} entries from {posts} posts · made 2026-12-02 09:30 UTC*"
    assert all(f"- {path}" in lines for path in SOURCES)
    with_topics = [e for e in briefing.entries if e.topics]
    assert with_topics and all(f"Topics: {', '.join(e.topics)}" in text for e in with_topics)


def test_the_json_dump_written_in_pieces_is_the_whole_document() -> None:
    """`brief dump --json` streams entry by entry; what it writes is exactly json.dumps of the
    dump object, with the terminal's controls escaped."""
    import json

    from brief.parsers.export import _escaped, iter_json, to_dump
    from brief.parsers.model import Briefing

    for briefing in (load(sorted(str(p) for p in FIXTURES.glob("*/*"))), load([str(FIXTURES / "feed" / "rss2.xml")]), Briefing((), ())):
        whole = _escaped(json.dumps(to_dump(briefing), ensure_ascii=False, indent=2))
        assert "".join(iter_json(briefing)) == whole
        assert json.loads(whole) == to_dump(briefing)


def test_the_dump_encoder_writes_what_json_dumps_writes() -> None:
    """The dump's own pretty-printer (strings through json's C encoder) gives json.dumps's
    characters for any JSON value, nested, empty, unicode, controls and odd floats included."""
    import json

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from brief.parsers.export import _pretty

    leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
    values = st.recursive(leaves, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20)

    @settings(max_examples=300, deadline=None)
    @given(values)
    def same(value: object) -> None:
        assert _pretty(value, "") == json.dumps(value, ensure_ascii=False, indent=2)

    same()
