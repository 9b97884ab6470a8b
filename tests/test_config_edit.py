"""Brief's edits to the user's config.yaml: a line added or taken out, comments and order kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from brief.tui.config_edit import (
    ConfigEditError,
    edit_file,
    scalar,
    with_list_item,
    with_mapping_item,
    without_mapping_item,
)

RENAME = ("actors", "rename")
HIDDEN = ("actors", "hidden")

COMMENTED = """\
# My Brief settings
theme: brief-light   # the light one

actors:
  # people I follow
  aliases:
    Zelensky: Volodymyr Zelenskyy  # his spelling
  # hand-made corrections
  rename:
    A. Ruiz: Ana Ruiz
  hidden:
    - Live   # a heading
  # trailing note for actors

keys:
  cursor.down: "j,down"
"""


def _comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


def test_adding_to_a_commented_file_keeps_every_comment_and_the_order() -> None:
    edited = with_mapping_item(COMMENTED, RENAME, "Putin", "Vladimir Putin")
    assert _comments(edited) == _comments(COMMENTED)
    assert yaml.safe_load(edited)["actors"]["rename"] == {"A. Ruiz": "Ana Ruiz", "Putin": "Vladimir Putin"}
    assert edited.index("A. Ruiz") < edited.index("Putin:") < edited.index("hidden:")
    assert edited.replace("    Putin: Vladimir Putin\n", "") == COMMENTED  # one line added, nothing else


def test_adding_to_a_list_keeps_the_rest() -> None:
    edited = with_list_item(COMMENTED, HIDDEN, "Breaking: update")
    assert edited.replace('    - "Breaking: update"\n', "") == COMMENTED
    assert yaml.safe_load(edited)["actors"]["hidden"] == ["Live", "Breaking: update"]
    assert with_list_item(edited, HIDDEN, "Live") == edited  # already there


def test_replacing_a_value_and_taking_one_out() -> None:
    edited = with_mapping_item(COMMENTED, RENAME, "A. Ruiz", "Mayor Ruiz")
    assert yaml.safe_load(edited)["actors"]["rename"] == {"A. Ruiz": "Mayor Ruiz"}
    assert _comments(edited) == _comments(COMMENTED)
    removed = without_mapping_item(COMMENTED, RENAME, "A. Ruiz")
    assert yaml.safe_load(removed)["actors"]["rename"] == {}
    assert _comments(removed) == _comments(COMMENTED)
    assert without_mapping_item(COMMENTED, RENAME, "Nobody") == COMMENTED


@pytest.mark.parametrize(
    ("text", "expected_tail"),
    [
        ("", "actors:\n  rename:\n    Putin: Vladimir Putin\n"),
        ("theme: brief-light", "theme: brief-light\nactors:\n  rename:\n    Putin: Vladimir Putin\n"),
        ("actors:\n  ignore: []\n", "actors:\n  ignore: []\n  rename:\n    Putin: Vladimir Putin\n"),
        ("actors:\n  rename: {}\n  hidden: []\n", "actors:\n  rename:\n    Putin: Vladimir Putin\n  hidden: []\n"),
        ("actors:\n  rename:\n  hidden: []\n", "actors:\n  rename:\n    Putin: Vladimir Putin\n  hidden: []\n"),
        ("actors:\n", "actors:\n  rename:\n    Putin: Vladimir Putin\n"),
        ("actors:\n    aliases: {}\n", "actors:\n    aliases: {}\n    rename:\n      Putin: Vladimir Putin\n"),
        ("actors: {ignore: []}\n", "actors:\n  ignore: []\n  rename:\n    Putin: Vladimir Putin\n"),
        ("actors:\n  rename: {Xi: Xi Jinping}\n", "actors:\n  rename:\n    Xi: Xi Jinping\n    Putin: Vladimir Putin\n"),
    ],
)
def test_every_shape_of_the_section(text: str, expected_tail: str) -> None:
    edited = with_mapping_item(text, RENAME, "Putin", "Vladimir Putin")
    assert edited.endswith(expected_tail)
    assert yaml.safe_load(edited)["actors"]["rename"]["Putin"] == "Vladimir Putin"


def test_a_file_brief_cannot_edit_safely_is_left_alone() -> None:
    with pytest.raises(ConfigEditError, match="not valid YAML"):
        with_mapping_item("actors: [\n", RENAME, "a", "b")
    with pytest.raises(ConfigEditError, match="not a mapping"):
        with_mapping_item("actors: 3\n", RENAME, "a", "b")
    with pytest.raises(ConfigEditError, match="not a mapping of settings"):
        with_mapping_item("- a\n- b\n", RENAME, "a", "b")


@given(st.text(min_size=1, max_size=30).filter(lambda s: "\x00" not in s))
def test_any_name_reads_back_as_written(name: str) -> None:
    try:
        edited = with_mapping_item(COMMENTED, RENAME, name, name + " x")
    except ConfigEditError:
        return  # names YAML cannot hold as text are refused, never written wrong
    assert yaml.safe_load(edited)["actors"]["rename"][name] == name + " x"
    assert yaml.safe_load(scalar(name)) == name


def test_edit_file_creates_or_changes_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "brief" / "config.yaml"
    edit_file(path, lambda text: with_list_item(text, HIDDEN, "Live"))
    assert yaml.safe_load(path.read_text())["actors"]["hidden"] == ["Live"]
    assert path.read_text().startswith("# Brief settings")
    crlf = tmp_path / "crlf.yaml"
    crlf.write_bytes(COMMENTED.replace("\n", "\r\n").encode())
    edit_file(crlf, lambda text: with_list_item(text, HIDDEN, "Menu"))
    raw = crlf.read_bytes().decode()
    assert "\r\n" in raw and "\n" not in raw.replace("\r\n", "")  # the file's line endings kept
    assert yaml.safe_load(raw)["actors"]["hidden"] == ["Live", "Menu"]


def test_a_flow_list_becomes_a_block_and_its_comment_stays() -> None:
    edited = with_list_item("actors:\n  hidden: [Live]  # headings\n  ignore: []\n", HIDDEN, "Menu")
    assert edited == "actors:\n  hidden:  # headings\n    - Live\n    - Menu\n  ignore: []\n"


def test_a_list_value_is_written_on_one_line() -> None:
    edited = with_mapping_item("actors:\n  split: {}\n", ("actors", "split"), "Pavel Ortega", ["Ortega", "P. O."])
    assert edited == 'actors:\n  split:\n    Pavel Ortega: [Ortega, P. O.]\n'
    assert yaml.safe_load(edited)["actors"]["split"] == {"Pavel Ortega": ["Ortega", "P. O."]}
