"""Edits to the user's config.yaml made as text, so their comments, order and layout stay.

Brief writes to the user's file when they correct an actor (merge, rename, split, hide). The
file is theirs: it is changed where the one setting is, a line added or a value replaced,
never dumped anew. Positions come from PyYAML's composer; every edit is checked by loading the
result, which must equal the old settings with exactly that change, or nothing is written.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..parsers.actor_edits import ActorEdits

NEW_FILE_HEADER = (
    "# Brief settings: each key here overrides the bundled default of the same name.\n"
    "# `brief config path` says where this file is; Brief adds the actor corrections you make.\n"
)


class ConfigEditError(Exception):
    """The file could not be changed safely (it is not valid YAML, or has an odd shape there)."""


def scalar(value: str) -> str:
    """``value`` as YAML: plain where that reads back the same, else double-quoted."""
    if re.fullmatch(r"[^\W\d_][\w .'’-]*[\w.]|[^\W\d_]", value) and ": " not in value and " #" not in value:
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def value_text(value: str | list[str]) -> str:
    """A value as YAML on one line: text, or a short list of text in brackets."""
    if isinstance(value, list):
        return "[" + ", ".join(scalar(str(item)) for item in value) + "]"
    return scalar(value)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _after_line(text: str, index: int) -> int:
    """The offset just past the line holding ``index`` (past its newline)."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _end_of(node: yaml.Node, text: str) -> int:
    """The offset just past the line on which ``node``'s content ends. (A block node's own end
    mark is where the next token starts, past any comments after it: its last leaf is not; an
    empty value ends with its key.)"""
    end = node.end_mark.index
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        if isinstance(last, tuple):
            key, node = last
            end = key.end_mark.index if node.start_mark.index == node.end_mark.index else node.end_mark.index
        else:
            node = last
            end = node.end_mark.index
    return _after_line(text, max(0, end - 1))


def _find(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _block(value: Any, indent: int) -> str:
    """A small mapping or list of text as block YAML lines at ``indent``."""
    pad = " " * indent
    if isinstance(value, dict):
        return "".join(f"{pad}{scalar(str(k))}: {value_text(v)}\n" for k, v in value.items())
    return "".join(f"{pad}- {scalar(str(item))}\n" for item in value)


def _edit_section(
    text: str, section: tuple[str, str], empty: Any, change: Callable[[Any], Any], item_text: Callable[[int], str]
) -> str:
    """``text`` with the value at ``section`` (a mapping or list under a top-level mapping)
    changed by ``change``; ``item_text(indent)`` is the new item's line when it is added to a
    block the file already has."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        before = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ConfigEditError(f"it is not valid YAML ({str(error).splitlines()[0]})") from error
    if before is None:
        before = {}
    if not isinstance(before, dict):
        raise ConfigEditError("its top level is not a mapping of settings")
    outer, inner = section
    parent_value = before.get(outer)
    if parent_value is not None and not isinstance(parent_value, dict):
        raise ConfigEditError(f"{outer} is not a mapping")
    old = (parent_value or {}).get(inner)
    if old is not None and not isinstance(old, type(empty)):
        raise ConfigEditError(f"{outer}.{inner} is not a {'mapping' if isinstance(empty, dict) else 'list'}")
    new_value = change(type(empty)(old or empty))
    expected = {**before, outer: {**(parent_value or {}), inner: new_value}}

    found_outer = _find(root, outer)
    if found_outer is None:
        body = text if not text or text.endswith("\n") else text + "\n"
        result = body + f"{outer}:\n  {inner}:\n" + _block(new_value, 4)
    else:
        outer_key, outer_node = found_outer
        found_inner = _find(outer_node, inner)
        if isinstance(outer_node, yaml.MappingNode) and outer_node.flow_style:
            result = _replace_flow(text, outer_node, outer_key, {**(parent_value or {}), inner: new_value})
        elif found_inner is None:
            if _is_null(outer_node):
                at = _after_line(text, outer_key.end_mark.index)
                indent = outer_key.start_mark.column + 2
            else:
                at = _end_of(outer_node, text)
                indent = outer_node.value[0][0].start_mark.column
            lines = f"{' ' * indent}{inner}:\n" + _block(new_value, indent + 2)
            result = _insert_line(text, at, lines)
        else:
            inner_key, inner_node = found_inner
            result = _edit_value(text, inner_key, inner_node, new_value, item_text)
    try:
        after = yaml.safe_load(result)
    except yaml.YAMLError as error:
        raise ConfigEditError("the edited file would not be valid YAML") from error
    if after != expected:
        raise ConfigEditError(f"{outer}.{inner} has a shape Brief does not edit (change it by hand)")
    return result


def _insert_line(text: str, at: int, lines: str) -> str:
    if at > 0 and at <= len(text) and text[at - 1] != "\n":
        lines = "\n" + lines
    return text[:at] + lines + text[at:]


def _replace_flow(text: str, node: yaml.Node, key: yaml.Node, value: Any) -> str:
    """A flow value (``{}``, ``[a, b]``) rewritten as a block under its key."""
    indent = key.start_mark.column + 2
    if not (isinstance(value, dict) and any(isinstance(v, dict) for v in value.values())):
        block = _block(value, indent)
    else:  # a whole section written as a flow mapping: each of its values on lines of its own
        block = "".join(
            f"{' ' * indent}{k}:\n" + _block(v, indent + 2) if isinstance(v, dict | list) and v
            else f"{' ' * indent}{k}: {'{}' if isinstance(v, dict) else '[]' if isinstance(v, list) else scalar(str(v))}\n"
            for k, v in value.items()
        )  # fmt: skip
    end = _after_line(text, node.end_mark.index - 1)
    rest = text[node.end_mark.index : end].strip()
    comment = f"  {rest}" if rest.startswith("#") else ""  # "hidden: []  # why": the why stays
    return text[: key.end_mark.index] + ":" + comment + "\n" + block + text[end:]


def _edit_value(
    text: str, key: yaml.Node, node: yaml.Node, value: Any, item_text: Callable[[int], str]
) -> str:
    empty_flow = "{}" if isinstance(value, dict) else "[]"
    if _is_null(node) or getattr(node, "flow_style", False):
        if not value:
            return text[: key.end_mark.index] + ": " + empty_flow + text[_after_line(text, key.end_mark.index) - 1 :]
        return _replace_flow(text, node, key, value)
    items = node.value
    if not items:
        return _replace_flow(text, node, key, value)
    indent = (items[0][0] if isinstance(node, yaml.MappingNode) else node).start_mark.column
    old_len = len(items)
    if len(value) > old_len:
        return _insert_line(text, _end_of(node, text), item_text(indent))
    if not value:
        return text[: key.end_mark.index] + ": " + empty_flow + "\n" + text[_end_of(node, text) :]
    raise ConfigEditError("unexpected edit")  # removals of one item go through _without_item


def _without_item(text: str, section: tuple[str, str], match: Callable[[yaml.Node], bool]) -> str:
    """``text`` with the one block item of ``section`` for which ``match`` holds taken out."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    found_outer = _find(root, section[0])
    found = _find(found_outer[1], section[1]) if found_outer else None
    if found is None:
        return text
    key, node = found
    if not isinstance(node, yaml.MappingNode | yaml.SequenceNode) or node.flow_style:
        return text
    items = node.value
    for number, item in enumerate(items):
        first = item[0] if isinstance(item, tuple) else item
        if not match(first):
            continue
        if len(items) == 1:
            empty = "{}" if isinstance(node, yaml.MappingNode) else "[]"
            return text[: key.end_mark.index] + ": " + empty + "\n" + text[_end_of(node, text) :]
        start = _line_start(text, first.start_mark.index)
        last = item[1] if isinstance(item, tuple) else item
        end = _end_of(last, text) if number < len(items) - 1 else _end_of(node, text)
        if number < len(items) - 1:
            following = items[number + 1]
            end = _line_start(text, (following[0] if isinstance(following, tuple) else following).start_mark.index)
        return text[:start] + text[end:]
    return text


def with_mapping_item(text: str, section: tuple[str, str], key: str, value: str | list[str]) -> str:
    """``section`` (e.g. ``("actors", "rename")``) with ``key: value`` set."""
    if key in (_section_value(text, section) or {}):
        text = _without_mapping_item(text, section, key)

    def change(old: dict[str, Any]) -> dict[str, Any]:
        return {**{k: v for k, v in old.items() if k != key}, key: value}

    return _edit_section(text, section, {}, change, lambda indent: f"{' ' * indent}{scalar(key)}: {value_text(value)}\n")


def _without_mapping_item(text: str, section: tuple[str, str], key: str) -> str:
    result = _without_item(text, section, lambda node: isinstance(node, yaml.ScalarNode) and node.value == key)
    current = _section_value(result, section) or {}
    if key in current:
        raise ConfigEditError(f"{section[0]}.{section[1]} has a shape Brief does not edit (change it by hand)")
    return result


def without_mapping_item(text: str, section: tuple[str, str], key: str) -> str:
    """``section`` with ``key`` taken out (its other lines, and their comments, as they were)."""
    if key not in (_section_value(text, section) or {}):
        return text
    return _without_mapping_item(text, section, key)


def with_list_item(text: str, section: tuple[str, str], item: str) -> str:
    """``section`` (e.g. ``("actors", "hidden")``) with ``item`` added at its end, once."""
    if item in (_section_value(text, section) or []):
        return text
    return _edit_section(text, section, [], lambda old: [*old, item], lambda indent: f"{' ' * indent}- {scalar(item)}\n")


def _section_value(text: str, section: tuple[str, str]) -> Any:
    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ConfigEditError(f"it is not valid YAML ({str(error).splitlines()[0]})") from error
    outer = loaded.get(section[0]) if isinstance(loaded, dict) else None
    return outer.get(section[1]) if isinstance(outer, dict) else None


def edit_file(path: Path, edit: Callable[[str], str]) -> None:
    """``path`` changed by ``edit`` (created with a short header if missing), written whole
    or not at all: a crash mid-write never leaves half a config."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raw = NEW_FILE_HEADER
    except UnicodeDecodeError as error:
        raise ConfigEditError("it is not UTF-8 text") from error
    crlf = "\r\n" in raw
    text = raw.replace("\r\n", "\n")
    new = edit(text)
    if new == text and path.exists():
        return
    if crlf:
        new = new.replace("\n", "\r\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    handle, spare = tempfile.mkstemp(prefix=".config.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(new)
        os.chmod(spare, mode)
        os.replace(spare, path.resolve() if path.is_symlink() else path)
    except BaseException:
        Path(spare).unlink(missing_ok=True)
        raise


def without_list_item(text: str, section: tuple[str, str], item: str) -> str:
    """``section`` with ``item`` taken out of its list."""
    if item not in (_section_value(text, section) or []):
        return text
    result = _without_item(text, section, lambda node: isinstance(node, yaml.ScalarNode) and node.value == item)
    if item in (_section_value(result, section) or []):
        raise ConfigEditError(f"{section[0]}.{section[1]} has a shape Brief does not edit (change it by hand)")
    return result


def actor_edits_written(text: str, old: ActorEdits, new: ActorEdits) -> str:
    """``text`` with what changed from ``old`` to ``new`` written under ``actors:``, one line
    at a time."""
    before, after = dict(old.rename), dict(new.rename)
    for key in before:
        if key not in after:
            text = without_mapping_item(text, ("actors", "rename"), key)
    for key, value in after.items():
        if before.get(key) != value:
            text = with_mapping_item(text, ("actors", "rename"), key, value)
    was_split: dict[str, list[str]] = {}
    for owner, alias in old.split:
        was_split.setdefault(owner, []).append(alias)
    now_split: dict[str, list[str]] = {}
    for owner, alias in new.split:
        now_split.setdefault(owner, []).append(alias)
    for owner in was_split:
        if owner not in now_split:
            text = without_mapping_item(text, ("actors", "split"), owner)
    for owner, aliases in now_split.items():
        if was_split.get(owner) != aliases:
            text = with_mapping_item(text, ("actors", "split"), owner, aliases[0] if len(aliases) == 1 else aliases)
    for item in old.hidden:
        if item not in new.hidden:
            text = without_list_item(text, ("actors", "hidden"), item)
    for item in new.hidden:
        if item not in old.hidden:
            text = with_list_item(text, ("actors", "hidden"), item)
    return text
