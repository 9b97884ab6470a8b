"""The helper process: the same briefing with it, without it, and when it breaks."""

from __future__ import annotations

import io
import pickle
import sys
import time
from pathlib import Path

import pytest

from brief.parsers import expand_sources, helper, load, schedule
from brief.parsers.actors import resolve_actors, scan_entries
from brief.parsers.cache import ParseCache
from brief.parsers.settings import default_settings
from conftest import FIXTURES, extract_actors


@pytest.fixture
def helper_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start the helper for any input, and hand it work however few the entries."""
    monkeypatch.setattr(helper, "HELPER_MIN_BYTES", 0)
    monkeypatch.setattr(helper, "spare_cpus", lambda: 1)
    monkeypatch.setattr(schedule, "HELPER_MIN_ENTRIES", 2)


@pytest.mark.parametrize("shared_topics_max", [30_000, 1])  # the helper finds more topics, or its half's
def test_briefing_is_the_same_with_the_helper(
    helper_always: None, monkeypatch: pytest.MonkeyPatch, shared_topics_max: int
) -> None:
    monkeypatch.setattr(schedule, "SHARED_TOPICS_MAX", shared_topics_max)
    started: list[helper.Helper] = []
    real_start = helper.start_helper

    def spy(total: int) -> helper.Helper | None:
        found = real_start(total)
        if found is not None:
            started.append(found)
        return found

    monkeypatch.setattr(helper, "start_helper", spy)
    runs: list[int] = []
    real_batches = schedule.helper_batches

    def count_runs(theirs: list[int]) -> list[list[int]]:
        found = real_batches(theirs)
        runs.append(len(found))
        return found

    monkeypatch.setattr(schedule, "helper_batches", count_runs)
    with_helper = load([str(FIXTURES)])
    assert started, "the helper was not started"
    assert runs and started[0]._answered == runs[0] + 2  # it parsed (and digested) files in runs, scanned names and topics
    monkeypatch.setattr(helper, "start_helper", lambda total: None)
    assert load([str(FIXTURES)]) == with_helper


def test_a_helper_that_cannot_start_changes_nothing(helper_always: None, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = load([str(FIXTURES / "dedup")])
    monkeypatch.setattr(sys, "executable", "/bin/false")  # exits at once: every answer is missing
    assert load([str(FIXTURES / "dedup")]) == expected


def test_the_helper_fills_the_parse_cache(helper_always: None, tmp_path: Path) -> None:
    settings = default_settings()
    cache = ParseCache(tmp_path / "cache.sqlite")
    load([str(FIXTURES / "text")], settings, cache=cache)
    paths = [path for path, _ in expand_sources([str(FIXTURES / "text")])]
    assert len(paths) > 2
    for path in paths:  # the helper parsed the last of them
        key = cache.file_key(path, settings)
        assert key is not None and cache.get_file(key, settings) is not None, path


def test_a_failing_job_is_reported_not_raised() -> None:
    requests = io.BytesIO()
    pickle.dump(("scan", (None, 0)), requests)  # None is not a list of texts
    pickle.dump(("no such job", ()), requests)
    pickle.dump(("scan", ([("Talks", "Kaja Kallas met Olaf Scholz.")], 3)), requests)
    requests.seek(0)
    replies = io.BytesIO()
    helper.serve(requests, replies)
    replies.seek(0)
    answers = [pickle.load(replies) for _ in range(3)]
    assert [ok for ok, _ in answers] == [False, False, True]
    assert pickle.loads(answers[2][1][0]).mentions[0].entry == 3


def test_scans_joined_in_chunks_equal_one_scan() -> None:
    texts = [
        ("Summit", "Ursula von der Leyen met Emmanuel Macron in Paris. The World Health Organization (WHO) agreed."),
        ("Later", "Macron told reporters the WHO would help. Von der Leyen left for Brussels."),
        ("Next day", "The French president spoke again; Macron said Paris was ready."),
    ]
    whole = extract_actors(texts)
    first = scan_entries(texts[:1], 0)
    sent = scan_entries(texts[1:], 1)
    rest = pickle.loads(pickle.dumps(sent))  # as if from the helper
    assert rest == sent and rest.mentions and type(rest.mentions[0]) is type(sent.mentions[0])
    first.extend(rest)
    assert resolve_actors(first, len(texts)) == whole
    assert any(name == "World Health Organization" for name, *_ in whole.actors)


def test_no_helper_without_a_spare_cpu_or_for_small_input(monkeypatch: pytest.MonkeyPatch) -> None:
    assert helper.start_helper(1000) is None  # small
    monkeypatch.setattr(helper, "spare_cpus", lambda: 0)
    assert helper.start_helper(10**9) is None


def test_one_big_feed_is_shared_and_reads_the_same(helper_always: None, monkeypatch: pytest.MonkeyPatch) -> None:
    feed = str(FIXTURES / "feed" / "rss2.xml")
    asked: list[str] = []
    real_ask = helper.Helper.ask

    def spy(self: helper.Helper, job: str, *args: object) -> int | None:
        asked.append(job)
        return real_ask(self, job, *args)

    monkeypatch.setattr(helper.Helper, "ask", spy)
    shared = load([feed])
    assert asked[0] == "parse part"
    monkeypatch.setattr(helper, "start_helper", lambda total: None)
    whole = load([feed])
    assert shared == whole and len(whole.entries) >= 3


def test_one_big_feeds_first_items_are_shown_before_the_helper_is_done(
    helper_always: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The feed's first fifth is on screen as soon as it is read, in the feed's order, before
    # the rest and the merging; the briefing in the end is the one read without the helper.
    from brief.parsers.feed import read_feed

    items = "".join(
        f"<item><title>Harbour notice {n}</title><description>Notice {n}: berth {n} closes for repairs on "
        f"day {n} of the month, the harbour office said.</description></item>"
        for n in range(1, 11)
    )
    feed = tmp_path / "notices.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Notices</title>{items}</channel></rss>')
    shown: list[list[str]] = []
    steps: list[str] = []
    shared = load(
        [str(feed)], on_head=lambda partial: shown.append([e.title for e in partial.entries]), on_progress=steps.append
    )
    first = [e.title for e in read_feed(feed.read_bytes(), (0, 1, 5))]
    assert shown and shown[0] == first and 0 < len(first) < len(shared.entries)
    assert steps[0] == "reading the feed's items"  # what the status line says meanwhile
    monkeypatch.setattr(helper, "start_helper", lambda total: None)
    assert load([str(feed)]) == shared


def test_one_big_file_that_is_no_feed_is_read_whole(helper_always: None, monkeypatch: pytest.MonkeyPatch) -> None:
    text = str(FIXTURES / "text" / "harbour-live.txt")
    shared = load([text])
    monkeypatch.setattr(helper, "start_helper", lambda total: None)
    assert load([text]) == shared


def test_feed_parts_cover_every_item_once() -> None:
    from brief.parsers.feed import read_feed

    data = (FIXTURES / "feed" / "rss2.xml").read_bytes()
    whole = read_feed(data)
    assert read_feed(data, (0, 3, 5)) + read_feed(data, (3, 5, 5)) == whole
    assert read_feed(data, (0, 1, 2)) + read_feed(data, (1, 2, 2)) == whole


def test_the_helpers_runs_are_read_as_they_come_and_in_order() -> None:
    # A load asks for the helper's files in runs and keeps each as it comes (see load): a run is
    # ready once the helper has begun to answer it, never before the runs asked earlier.
    settings = default_settings()
    paths = [str(path) for path in sorted((FIXTURES / "text").iterdir())[:2]]
    process = helper.Helper()
    try:
        first = process.ask_more("parse", paths[:1], settings)
        second = process.ask_more("parse", paths[1:], settings)
        assert not process.ready(second)  # its turn comes after the first's
        deadline = time.monotonic() + 20
        while not process.ready(first) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert process.ready(first)
        got = [pickle.loads(part) for part in process.answer(first)]
        assert got[0][0].path == paths[0] and got[0][0].entries
        assert [pickle.loads(part)[0].path for part in process.answer(second)] == paths[1:]
    finally:
        process.close()


def test_runs_that_have_come_back_are_kept_at_once() -> None:
    from brief.parsers.load import _collect
    from brief.parsers.workers import Pending

    arrived = {"a": True, "b": False}
    later = [
        ([0], Pending(lambda: [("parse 0", "digest 0")], list, lambda: arrived["a"])),
        ([1, 2], Pending(lambda: [("parse 1", "digest 1"), ("parse 2", "digest 2")], list, lambda: arrived["b"])),
    ]
    parsed: list[object] = [None] * 3
    digests: list[object] = [None] * 3
    kept: list[int] = []
    _collect(later, parsed, digests, kept.append, wait=False)  # type: ignore[arg-type]
    assert kept == [0] and parsed[0] == "parse 0" and len(later) == 1
    _collect(later, parsed, digests, kept.append, wait=True)  # type: ignore[arg-type]
    assert kept == [0, 1, 2] and digests == ["digest 0", "digest 1", "digest 2"] and not later


def test_a_folder_of_thousands_of_files_with_long_names_loads(helper_always: None, tmp_path: Path) -> None:
    """The helper's runs of files are asked at once: each run's request (its paths) here is
    bigger than a pipe's buffer, while the helper writes back big answers. Requests written
    in line with reading answers left both processes waiting on each other for good."""
    import threading

    folder = tmp_path / ("long-folder-name-of-a-shared-drive-" * 5)
    folder.mkdir()
    text = "The harbour board met on Tuesday and agreed the winter timetable for the ferries. " * 12
    for n in range(1_500):
        (folder / f"briefing-with-a-long-descriptive-file-name-{n:05d}.md").write_text(f"# Notice {n}\n\n{n} {text}\n")
    done: list[int] = []
    worker = threading.Thread(target=lambda: done.append(len(load([str(folder)]).entries)), daemon=True)
    worker.start()
    worker.join(timeout=120)
    if worker.is_alive():
        helper.stop_all_helpers()
        pytest.fail("the load never finished: this process and the helper waited on each other")
    assert done == [1_500]
