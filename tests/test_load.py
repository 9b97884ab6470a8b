"""Sources: files, folders, globs, stdin, encodings and errors as values."""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest

from brief.parsers import default_settings, expand_sources, load, parse_bytes
from brief.parsers.model import entry_id
from conftest import FIXTURES, HOSTILE

POST = "Ports reopen after storm\nThe harbour authority reopened both ports on Tuesday morning, said Zoë Ødegaard.\n"


@pytest.mark.parametrize(
    "data",
    [
        POST.encode("utf-8"),
        codecs.BOM_UTF8 + POST.encode("utf-8"),
        codecs.BOM_UTF16_LE + POST.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + POST.encode("utf-16-be"),
        POST.encode("cp1252"),
        POST.encode("latin-1"),
    ],
)
def test_encodings(data: bytes) -> None:
    parsed = parse_bytes("post.txt", data, default_settings())
    assert parsed.error is None
    assert parsed.entries[0].body.endswith("said Zoë Ødegaard.")


def test_errors_are_values_and_others_still_load(tmp_path: Path) -> None:
    good = FIXTURES / "feed" / "rss1.rdf"
    briefing = load([str(good), str(tmp_path / "missing.txt"), str(HOSTILE / "empty.txt"),
                     str(HOSTILE / "billion-laughs.xml"), str(HOSTILE / "broken.xml")])  # fmt: skip
    errors = {Path(s.path).name: s.error for s in briefing.sources}
    assert errors["rss1.rdf"] is None
    assert errors["missing.txt"] == "no such file or directory"
    assert errors["empty.txt"] == "empty file"
    assert errors["billion-laughs.xml"].startswith("refused unsafe XML")
    assert errors["broken.xml"] is None  # read leniently: its one item survives
    assert len(briefing.entries) == 2


def test_directories_globs_and_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(POST)
    (tmp_path / "a" / "skip.png").write_bytes(b"\x89PNG")
    (tmp_path / "b.md").write_text("## Heading\n\nBody text of the markdown post.\n")
    found = [Path(p).name for p, _ in expand_sources([str(tmp_path / "a"), str(tmp_path / "*.md")])]
    assert found == ["one.txt", "b.md"]
    assert expand_sources([str(tmp_path / "*.nothing")])[0][1] == "no such file or directory, and no files match it as a pattern"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(POST.encode())))
    briefing = load(["-"])
    assert briefing.sources[0].path == "<stdin>"
    assert briefing.entries[0].title == "Ports reopen after storm"


def test_entry_ids_are_stable_and_normalised() -> None:
    assert entry_id("Title", "Body  text") == entry_id("title", "body text")
    # Stars, read marks and versions in the user's state are keyed by these ids: a change of
    # the hashing would silently reset them, so the value itself is pinned.
    assert entry_id("A", "x") == "ef8ab11e3f09977a"
    assert entry_id("Ferry resumes", "Service restarts at noon.") == entry_id("ferry  resumes", "service restarts at noon.")
    assert entry_id("A", "“quoted”") == entry_id("A", '"quoted"')


def test_no_cycle_collection_during_a_load_and_back_after(tmp_path: Path) -> None:
    import gc

    from brief.parsers.memory import collection_paused
    from brief.parsers.source import Parsed, read_source

    (tmp_path / "a.txt").write_text(POST, encoding="utf-8")
    seen: list[bool] = []

    def read(path: str, settings: object) -> Parsed:
        seen.append(gc.isenabled())
        return read_source(path, default_settings())

    assert gc.isenabled()
    load([str(tmp_path)], read=read)
    assert seen == [False] and gc.isenabled()

    # Overlapping loads (the reader reloads while a load runs): collection resumes after the last.
    first, second = collection_paused(), collection_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
    # A program that turned collection off keeps it off.
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    # A failing load still turns it back on.
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
