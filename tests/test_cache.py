"""The parse cache: warm loads parse nothing, changes invalidate, corruption is survived."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from brief.parsers import default_settings, load, read_source
from brief.parsers.cache import ParseCache
from brief.parsers.settings import ParseSettings
from conftest import FIXTURES


def copy_fixtures(tmp_path: Path) -> list[str]:
    paths = []
    for name in ("monday-live.txt", "tuesday-live.txt"):
        target = tmp_path / name
        shutil.copy(FIXTURES / "dedup" / name, target)
        paths.append(str(target))
    return paths


def test_warm_load_parses_nothing_and_change_invalidates(tmp_path: Path) -> None:
    paths = copy_fixtures(tmp_path)
    cache = ParseCache(tmp_path / "cache" / "cache.db")
    calls: list[str] = []

    def counting(path: str, settings: ParseSettings):  # type: ignore[no-untyped-def]
        calls.append(path)
        return read_source(path, settings)

    cold = load(paths, default_settings(), cache=cache, read=counting)
    assert len(calls) == 2
    heads = []
    warm = load(paths, default_settings(), cache=cache, read=counting, on_head=heads.append)
    assert len(calls) == 2 and warm == cold and len(heads) == 1
    # Edit one file: only that file is parsed again.
    with open(paths[1], "a", encoding="utf-8") as handle:
        handle.write("\n12.00 GMT\nNew post about the bridge\nA new paragraph about the repairs was added today.\n")
    again = load(paths, default_settings(), cache=cache, read=counting)
    assert calls[2:] == [paths[1]]
    assert len(again.entries) == len(cold.entries) + 1
    # Touching a file (same content, new mtime) needs no parse either.
    os.utime(paths[0], (1, 1))
    load(paths, default_settings(), cache=cache, read=counting)
    assert len(calls) == 3
    # Settings that change parsing invalidate.
    load(paths, ParseSettings(shingle_words=3), cache=cache, read=counting)
    assert len(calls) == 5


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    paths = copy_fixtures(tmp_path)
    db = tmp_path / "cache.db"
    db.write_bytes(b"garbage" * 1000)
    cache = ParseCache(db)
    assert cache.note is not None and "rebuilt" in cache.note
    briefing = load(paths, default_settings(), cache=cache)
    assert len(briefing.entries) == 3
    assert load(paths, default_settings(), cache=ParseCache(db)) == briefing


def test_a_big_cold_load_shows_its_parsed_entries_before_the_analysis(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import importlib

    annotate_module = importlib.import_module("brief.parsers.annotate")

    paths = copy_fixtures(tmp_path)
    shown: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(annotate_module, "PROVISIONAL_MIN_ENTRIES", 10**6)
    load(paths, default_settings(), cache=ParseCache(tmp_path / "small.db"), on_head=shown.append)
    assert shown == []  # small loads go straight to the finished briefing

    monkeypatch.setattr(annotate_module, "PROVISIONAL_MIN_ENTRIES", 1)
    final = load(paths, default_settings(), cache=ParseCache(tmp_path / "big.db"), on_head=shown.append)
    assert len(shown) == 1
    provisional = shown[0]
    raw_count = sum(len(read_source(p, default_settings()).entries) for p in paths)
    assert len(provisional.entries) == raw_count > len(final.entries)  # nothing merged yet
    assert provisional.actors == () and provisional.topics == ()
    unmerged = {e.id for e in final.entries if len(e.member_ids) == 1}
    assert unmerged and unmerged <= {e.id for e in provisional.entries}  # marks apply already


def test_a_cold_load_reports_its_steps_and_a_warm_one_has_none(tmp_path: Path) -> None:
    paths = copy_fixtures(tmp_path)
    cache = ParseCache(tmp_path / "steps.db")
    steps: list[str] = []
    load(paths, default_settings(), cache=cache, on_progress=steps.append)
    assert [s.split(" ")[0] for s in steps] == ["reading", "merging", "finding", "saving"]
    assert steps[0] == "reading files 2/2"
    again: list[str] = []
    load(paths, default_settings(), cache=cache, on_progress=again.append)
    assert again == []


def test_a_load_stopped_halfway_leaves_the_files_it_read_for_the_next_start(tmp_path: Path) -> None:
    """Quitting during a long cold load loses nothing already parsed: each file is cached as
    soon as it is read, so the next start parses only the rest."""
    import pytest

    paths = []
    for number in range(6):
        target = tmp_path / f"part-{number}.txt"
        shutil.copy(FIXTURES / "dedup" / ("monday-live.txt" if number % 2 else "tuesday-live.txt"), target)
        target.write_text(target.read_text() + f"\n\n18.{number:02d} BST\nExtra post {number}\nA line of its own, number {number}.\n")
        paths.append(str(target))

    class Quit(Exception):
        pass

    calls: list[str] = []

    def stops_after_four(path: str, settings: ParseSettings):  # type: ignore[no-untyped-def]
        if len(calls) == 4:
            raise Quit
        calls.append(path)
        return read_source(path, settings)

    cache = ParseCache(tmp_path / "cache" / "cache.db")
    with pytest.raises(Quit):
        load(paths, default_settings(), cache=cache, read=stops_after_four)
    cache.close()
    again: list[str] = []

    def counting(path: str, settings: ParseSettings):  # type: ignore[no-untyped-def]
        again.append(path)
        return read_source(path, settings)

    cache = ParseCache(tmp_path / "cache" / "cache.db")
    whole = load(paths, default_settings(), cache=cache, read=counting)
    cache.close()
    assert again == paths[4:]  # the four read before the stop come from the cache
    assert whole == load(paths, default_settings())
