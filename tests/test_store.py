"""The state database: marks kept through corruption, read-only files and re-readings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from brief.parsers import load
from brief.tui.store import MarkStore


def test_store_survives_corruption_and_shares_between_processes(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    store = MarkStore(path)
    store.set_starred(["a1", "a2"], True)
    store.set_read(["b"], True)
    other = MarkStore(path)  # a second Brief (another SSH session)
    other.set_read(["c"], True)
    third = MarkStore(path)
    assert third.read == {"b", "c"} and third.starred == {"a1", "a2"}
    for opened in (store, other, third):
        opened.close()
    path.write_bytes(b"this is not a database" * 100)
    broken = MarkStore(path)
    assert broken.warning is not None and "corrupt" in broken.warning
    assert any(p.name.startswith("state.db.corrupt-") for p in tmp_path.iterdir())
    broken.set_read(["z"], True)
    assert MarkStore(path).read == {"z"}


def test_store_read_only_falls_back_to_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.db"
    saved = MarkStore(path)
    saved.set_starred(["kept"], True)
    saved.close()

    def read_only(self: MarkStore, where: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    # Tests run as root, where chmod cannot make a file read-only; simulate what SQLite reports.
    monkeypatch.setattr(MarkStore, "_connect", read_only)
    store = MarkStore(path)
    assert "kept" in store.starred  # existing marks still shown
    assert store.warning is not None and "memory" in store.warning
    store.set_read(["new"], True)
    assert "new" in store.read
    monkeypatch.undo()
    assert MarkStore(path).starred == {"kept"}  # nothing lost on disk


def test_marks_outlive_a_new_reading_of_the_same_file(tmp_path: Path) -> None:
    """A later version of Brief may read a post differently (its numbering taken off the title,
    a footer trimmed): the entry's id changes, but its marks stay, through its anchor."""
    paragraph = "Norway and the EU signed a three-year deal on cod quotas in the Barents Sea, cutting the catch."
    folder = tmp_path / "v1"
    folder.mkdir()
    (folder / "dispatch.md").write_text(f"## Fisheries deal\n\n{paragraph}\n\nRead the full text online today.\n")
    before = load([str(folder / "dispatch.md")]).entries[0]
    store = MarkStore(tmp_path / "state.db")
    store.set_starred(before.mark_ids, True)
    store.set_read(before.mark_ids, True)
    (folder / "dispatch.md").write_text(f"## Fisheries deal signed\n\n{paragraph}\n")  # read anew
    after = load([str(folder / "dispatch.md")]).entries[0]
    assert after.id != before.id
    again = MarkStore(tmp_path / "state.db")
    assert again.is_starred(after.mark_ids) and again.is_read(after.mark_ids)


def test_a_paragraph_two_entries_share_anchors_neither(tmp_path: Path) -> None:
    standard = "This briefing is compiled from public statements, and none of it has been independently verified."
    one = "\n\n".join(
        ["Ferries resumed at dawn after the storm.", "The first crossing left Ystad two hours late.",
         "Queues formed at the port by noon.", "Freight lorries waited on the quay overnight.",
         "The operator added an evening sailing on Friday."]
    )  # fmt: skip
    two = "\n\n".join(
        ["Roads reopened in the hills overnight.", "Snow ploughs cleared the mountain pass by six.",
         "Buses run to the valley villages again.", "Schools stay shut until Monday, the council said.",
         "Farmers are still cut off north of the lake."]
    )  # fmt: skip
    source = tmp_path / "notes.md"
    source.write_text(f"## One\n\n{one}\n\n{standard}\n\n## Two\n\n{two}\n\n{standard}\n")
    entries = load([str(source)]).entries
    assert len(entries) == 2 and all(entry.anchors == () for entry in entries)
    store = MarkStore(tmp_path / "state.db")
    store.set_read(entries[0].mark_ids, True)
    assert not store.is_read(entries[1].mark_ids)
