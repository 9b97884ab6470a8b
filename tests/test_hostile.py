"""Hostile input, terminal safety, property tests, signals and tiny terminals."""

from __future__ import annotations

import builtins
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.parsers import default_settings, expand_sources, load, parse_bytes, read_source
from brief.parsers.export import to_json, to_markdown
from brief.tui.store import MarkStore
from conftest import HOSTILE

EXPECTED = yaml.safe_load((HOSTILE / "expected.yaml").read_text())
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EXECUTABLE = re.compile(r"<\s*(script|style|iframe|object|embed)|\bon[a-z]+\s*=|(javascript|vbscript|data)\s*:", re.I)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_gives_its_expected_outcome(name: str) -> None:
    parsed = read_source(str(HOSTILE / name), default_settings())
    expected = EXPECTED[name]
    if "error" in expected:
        assert parsed.error is not None and expected["error"] in parsed.error
        assert parsed.entries == ()
    else:
        assert parsed.error is None, parsed.error
        assert len(parsed.entries) == expected["entries"]
    for entry in parsed.entries:
        for text in (entry.title, entry.body, entry.author or "", entry.link or ""):
            assert not CONTROL.search(text.replace("\n", "").replace("\t", "")), (name, text)
            assert not EXECUTABLE.search(text), (name, text)


def test_every_hostile_file_together_still_loads_the_rest() -> None:
    briefing = load([str(HOSTILE)])
    failed = {Path(s.path).name for s in briefing.errors}
    assert failed == {n for n, e in EXPECTED.items() if "error" in e}
    dumped = to_json(briefing)
    assert "\x1b" not in dumped and "\u202e" not in dumped
    assert not EXECUTABLE.search(dumped.replace('"error": "refused unsafe XML', ""))
    rendered = to_markdown(briefing)
    assert not CONTROL.search(rendered.replace("\n", "").replace("\t", ""))
    json.loads(dumped)


def test_markup_in_text_stays_literal_in_dump() -> None:
    briefing = load([str(HOSTILE / "escapes.txt")])
    entry = briefing.entries[0]
    assert entry.title == "Markup red and [bold red]fake markup[/] and [@click=app.quit]click[/]"
    assert entry.body == "The post mentions an OSC copy and a bidi override."


def test_huge_single_line_and_many_lines(tmp_path: Path) -> None:
    wide = tmp_path / "one-line.txt"
    wide.write_text("Headline of a very long post\n" + ("words " * 9_000_000).strip() + ".\n")  # 54 MB, one line
    tall = tmp_path / "tall.txt"
    tall.write_text("".join(f"{n:02d}:{n % 60:02d}\nPost number {n} says something.\n" for n in range(1, 24)) * 1 +
                    "Long list\n" + "".join(f"Line {n} of the list.\n" for n in range(200_000)))  # fmt: skip
    start = time.perf_counter()
    briefing = load([str(wide), str(tall)])
    assert time.perf_counter() - start < 60
    assert not briefing.errors
    assert any(len(e.body) > 50_000_000 for e in briefing.entries)


def test_a_mail_of_thousands_of_attribution_lines_is_read_once(tmp_path: Path) -> None:
    """Each "On … wrote:" line is tested against the text's shape, read once: tested against
    the rest of the text each time, 40,000 of them took minutes."""
    mail = tmp_path / "thread.eml"
    lines = "On 3 May 2026 at 09:10, Ana Ruiz wrote:\nThe lock stays shut.\n" * 40_000
    mail.write_text(f"From: Ana <ana@example.org>\nSubject: Lock\nDate: Mon, 4 May 2026 08:00:00 +0000\n\nNoted.\n{lines}")
    start = time.perf_counter()
    parsed = read_source(str(mail), default_settings())
    assert time.perf_counter() - start < 60
    assert parsed.error is None and parsed.entries


def test_a_markdown_file_of_thousands_of_import_lines_is_read_at_once(tmp_path: Path) -> None:
    """MDX's import lines are matched within a line: a pattern whose spaces ran over line
    ends read the rest of the file for each "import" line (20,000 of them took 73 s)."""
    notes = tmp_path / "imports.md"
    notes.write_text("# Trade notes\n\n" + "import duties on steel rose this week\n" * 20_000)
    start = time.perf_counter()
    parsed = read_source(str(notes), default_settings())
    assert time.perf_counter() - start < 60
    assert parsed.error is None and "import duties on steel" in parsed.entries[0].body


def test_a_page_nested_thousands_of_levels_deep_is_read_and_a_deeper_one_named(tmp_path: Path) -> None:
    """Site builders and quoted mail threads nest deeply: 2,000 levels read (600 failed); a page
    past the limit gets a message, never a crash, and the recursion limit is put back."""
    limit = sys.getrecursionlimit()
    for depth, readable in ((2_000, True), (20_000, False)):
        page = tmp_path / f"deep-{depth}.html"
        page.write_text("<html><body>" + "<div><span>" * depth + "<p>Ferry crossings resume after the storm.</p>" + "</span></div>" * depth + "</body></html>")
        parsed = read_source(str(page), default_settings())
        if readable:
            assert parsed.error is None and [e.title for e in parsed.entries] == ["Ferry crossings resume after the storm."]
        else:
            assert parsed.error is not None and "nested too deeply" in parsed.error
    assert sys.getrecursionlimit() == limit


def test_too_big_unreadable_symlink_loop_and_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "a.txt").write_text("Post\nA body long enough to be a paragraph.\n")
    (loop / "again").symlink_to(loop)
    assert [Path(p).name for p, _ in expand_sources([str(loop)])] == ["a.txt"]
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    real_open = builtins.open

    def denying(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path) == str(secret):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denying)
    assert read_source(str(secret), default_settings()).error == "permission denied"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.txt", "a.md", "a.html", "a.xml", "a.json", "a.bin"]))
def test_any_bytes_give_entries_or_an_error(data: bytes, name: str) -> None:
    parsed = parse_bytes(name, data, default_settings())
    assert (parsed.error is None) == bool(parsed.entries)
    for entry in parsed.entries:
        assert entry.title.strip() and entry.body.strip()
        assert not CONTROL.search(entry.title + entry.body.replace("\n", "").replace("\t", ""))


TEXTY = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(posts=st.lists(st.tuples(TEXTY, TEXTY), min_size=1, max_size=6))
def test_dump_then_load_round_trips(posts: list[tuple[str, str]], tmp_path: Path) -> None:
    source = tmp_path / "posts.jsonl"
    source.write_text("\n".join(json.dumps({"title": t, "body": b}) for t, b in posts), encoding="utf-8")
    first = load([str(source)])
    if first.errors:
        return  # nothing usable in this draw (all blank): reported, not a crash
    dump = tmp_path / "dump.json"
    dump.write_text(to_json(first), encoding="utf-8")
    again = load([str(dump)])
    assert [(e.id, e.title, e.body, e.seen) for e in again.entries] == [(e.id, e.title, e.body, e.seen) for e in first.entries]


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_marks_survive_sighup_mid_session(tmp_path: Path, signum: int) -> None:
    """Run the reader in a pseudo-terminal, star an entry, hang up (or be terminated): the star is on disk."""
    import pty

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from run import ENTRIES_MARKER, Terminal

    env = dict(os.environ, TERM="xterm-256color")
    source = HOSTILE.parent / "fixtures" / "feed" / "atom.xml"
    terminal = Terminal([sys.executable, "-m", "brief.tui.cli", str(source)], env, (80, 24))
    try:
        terminal.wait_for(ENTRIES_MARKER, timeout=30)
        terminal.quiet(0.5, limit=10)
        os.write(terminal.master, b"s")
        terminal.quiet(0.5, limit=10)
        os.killpg(terminal.proc.pid, signum)
        terminal.proc.wait(timeout=10)
    finally:
        terminal.close()
    del pty
    state = Path(os.environ["XDG_STATE_HOME"]) / "brief" / "state.db"
    assert MarkStore(state).starred, "the star made before the hang-up was lost"


def test_dump_stderr_scrubs_file_names(tmp_path: Path) -> None:
    evil = tmp_path / "evil\x1b[2Jname.txt"
    run = subprocess.run([sys.executable, "-m", "brief.tui.cli", "dump", str(evil)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "\x1b" not in run.stderr and "no such file" in run.stderr
    assert "\x1b" not in run.stdout


def test_a_folder_of_thousands_of_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(2500):
        (folder / f"post-{n:04d}.txt").write_text(f"Item {n} headline\nBody of item {n}, with its own number {n * 7}.\n")
    start = time.perf_counter()
    briefing = load([str(folder)])
    assert len(briefing.sources) == 2500 and not briefing.errors
    assert len(briefing.entries) == 2500
    assert time.perf_counter() - start < 60


def test_locked_state_database_keeps_marks_and_retries(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "state.db"
    store = MarkStore(path)
    store.set_read(["first"], True)
    other = sqlite3.connect(path, isolation_level=None, timeout=0.1)
    other.execute("BEGIN EXCLUSIVE")  # another Brief holds the write lock
    store._db.execute("PRAGMA busy_timeout=100")  # type: ignore[union-attr]
    store.set_starred(["second"], True)
    assert store.warning is not None and "retried" in store.warning
    assert "second" in store.starred  # shown at once, not lost
    other.execute("COMMIT")
    other.close()
    store.set_read(["third"], True)  # the next change writes everything pending
    again = MarkStore(path)
    assert again.starred == {"second"} and again.read == {"first", "third"}


SLOW_LOAD = """
import sys, time
from brief.parsers import load as real_load
from brief.tui import app
from brief.tui.run import run_reader
from brief.tui.settings import load_settings

def slow(sources, settings=None, cache=None, read=None, on_head=None, **_):
    briefing = real_load(sources, settings)
    if on_head is not None:
        on_head(briefing)  # the list is up, as on a big cold load ...
    time.sleep(120)  # ... and the analysis goes on
    return briefing

app.load = slow
sys.exit(run_reader(sys.argv[1:], load_settings()))
"""


def test_quitting_during_a_long_load_exits_at_once_and_keeps_marks(tmp_path: Path) -> None:
    """q while a big cold load is still being analysed: the process ends within seconds (it
    does not wait for the loading thread) and the star made meanwhile is on disk."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from run import ENTRIES_MARKER, Terminal

    env = dict(os.environ, TERM="xterm-256color")
    source = HOSTILE.parent / "fixtures" / "feed" / "atom.xml"
    terminal = Terminal([sys.executable, "-c", SLOW_LOAD, str(source)], env, (80, 24))
    try:
        terminal.wait_for(ENTRIES_MARKER, timeout=30)
        terminal.quiet(0.5, limit=10)
        os.write(terminal.master, b"s")
        terminal.quiet(0.3, limit=10)
        asked = time.perf_counter()
        os.write(terminal.master, b"q")
        terminal.proc.wait(timeout=15)
        assert time.perf_counter() - asked < 5
    finally:
        terminal.close()
    state = Path(os.environ["XDG_STATE_HOME"]) / "brief" / "state.db"
    assert MarkStore(state).starred
