"""Config validation, themes, keymap checks, the marks store and the pure filter logic."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from brief.parsers import load
from brief.tui.filters import BriefingIndex, Filter
from brief.tui.keymap import check_keymap, valid_key
from brief.tui.settings import load_settings
from brief.tui.store import MarkStore
from brief.tui.themes import load_themes
from conftest import FIXTURES


def test_defaults_load_without_problems() -> None:
    settings = load_settings()
    assert settings.problems == ()
    assert settings.theme == "brief-dark"
    assert settings.parse.shingle_words == 2


def test_user_file_overrides_key_by_key_and_reports_mistakes(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(
        "theme: brief-light\n"
        "ui:\n  sidebr: false\n  newest_first: maybe\n  actor_match: all\n"
        "dedup:\n  containment: 0.6\n"
        "topics:\n  defined:\n    Transport: [bridge, ferry]\n    Broken: 7\n"
        "actors:\n  kinds:\n    Acme: robot\n"
    )
    settings = load_settings(str(path))
    problems = "\n".join(settings.problems)
    assert f"{path}:3: ui.sidebr: unknown setting (did you mean 'ui.sidebar'?)" in problems
    assert f"{path}:4: ui.newest_first: expected true/false" in problems
    assert "topics.defined.Broken: expected a list of keywords" in problems
    assert "actors.kinds.Acme: kind must be one of" in problems
    assert settings.theme == "brief-light"
    assert settings.ui["newest_first"] is True  # default kept for the bad value
    assert settings.ui["actor_match"] == "all"
    assert settings.parse.containment == 0.6
    assert settings.parse.shingle_words == 2  # untouched keys keep their defaults
    assert ("Transport", ("bridge", "ferry")) in settings.parse.topics
    assert any(label == "Energy" for label, _ in settings.parse.topics)


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("theme: brief-dark\nui: [unclosed\n")
    settings = load_settings(str(path))
    assert settings.problems and settings.problems[0].startswith(f"{path}:")
    assert "invalid YAML" in settings.problems[0]
    assert settings.theme == "brief-dark"


def test_themes_bundled_and_user_with_bad_file(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("name: mine\nprimary: '#123456'\nbackground: '#000000'\n")
    (tmp_path / "bad.yaml").write_text("name: bad\nprimary: not-a-colour\n")
    result = load_themes(tmp_path)
    names = {t.name for t in result.loaded}
    assert {"brief-dark", "brief-light", "brief-contrast", "brief-ansi", "mine"} <= names
    assert len(result.failed) == 1 and "bad.yaml: primary: not a colour" in result.failed[0]


def test_keymap_validation() -> None:
    assert valid_key("ctrl+n") and valid_key("question_mark") and valid_key("slash") and not valid_key("hyperdrive")
    checked = check_keymap({"cursor.down": "ctrl+n", "app.quit": "j"})
    assert checked.keymap == {"cursor.down": "ctrl+n", "app.quit": "j"}  # j was freed by cursor.down
    assert checked.problems == ()
    clash = check_keymap({"app.quit": "k"})
    assert clash.keymap == {} and "already bound to cursor.up" in clash.problems[0]


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


def test_parsers_never_import_textual_or_rich() -> None:
    """Every module of ``parsers`` (the lazily imported readers and analyses too), and a load of
    every fixture format, leave Textual and Rich unimported."""
    code = (
        "import sys, pkgutil, importlib, brief.parsers as p;"
        "names = [m.name for m in pkgutil.walk_packages(p.__path__, 'brief.parsers.')];"
        "[importlib.import_module(n) for n in names];"
        "from brief.parsers import load;"
        f"b = load([{str(FIXTURES)!r}]);"
        "assert len(names) > 20 and len(b.entries) > 20, (len(names), len(b.entries));"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_installed_package_adds_no_generic_top_level_modules(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-c", "import parsers"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode != 0
    run = subprocess.run([sys.executable, "-c", "import tui"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode != 0


def test_every_binding_id_is_documented_in_config_and_readme() -> None:
    from brief.parsers.settings import bundled_config_text
    from brief.tui.keymap import ACTIONS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    config = bundled_config_text()
    for action in ACTIONS:
        assert action.id in config, action.id
        assert action.id in readme, action.id


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


def test_yaml_files_are_read_from_their_json_copy_until_they_change(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A start reads config and themes from JSON copies and need not import PyYAML; a changed
    file is parsed again; data JSON cannot hold exactly, and broken YAML, are never copied."""
    import importlib

    settings_module = importlib.import_module("brief.parsers.settings")
    copies = tmp_path / "yaml"
    first = settings_module.load_yaml_kept("theme: brief-light\nui:\n  preview: true\n", copies, "a")
    real = settings_module.load_yaml

    def no_yaml(text: str) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(settings_module, "load_yaml", no_yaml)
    assert settings_module.load_yaml_kept("theme: brief-light\nui:\n  preview: true\n", copies, "a") == first
    monkeypatch.setattr(settings_module, "load_yaml", real)
    assert settings_module.load_yaml_kept("theme: brief-dark\n", copies, "a") == {"theme": "brief-dark"}
    assert settings_module.load_yaml_kept("1: one\n", copies, "b") == {1: "one"}  # a number key: not copied
    assert settings_module.load_yaml_kept("1: one\n", copies, "b") == {1: "one"}
    with pytest.raises(settings_module.yaml_module().YAMLError):
        settings_module.load_yaml_kept("keys: [unclosed\n", copies, "c")


def test_a_config_problem_still_names_its_line_when_read_from_the_copy(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("theme: brief-dark\nui:\n  preveiw: true\n")
    for _ in range(2):  # parsed, then read from its copy
        settings = load_settings(str(config))
        assert any(f"{config}:3: ui.preveiw: unknown setting" in p for p in settings.problems), settings.problems


def test_keys_named_in_config_comments_are_the_keys_in_force() -> None:
    """config.yaml's "toggle with `X`" comments name the bound key of that toggle."""
    import re

    from brief.parsers.settings import bundled_config_text
    from brief.tui.keymap import ACTIONS

    keys = {a.id: a.keys.split(",") for a in ACTIONS}
    said = dict(re.findall(r"# (Show the actors/topics sidebar|Newest first)[^\n]*toggle with `([^`]+)`", bundled_config_text()))
    assert said == {"Show the actors/topics sidebar": keys["view.sidebar"][0], "Newest first": keys["view.sort"][0]}
