"""config.yaml (bundled defaults) + the user's file, validated key by key.

A problem never stops Brief: it is reported with the file, line and dotted key (and a
"did you mean" for typos), and the default is used for that key.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..parsers.settings import ParseSettings, bundled_config, load_yaml_kept, yaml_module
from .paths import cache_dir, config_dir, state_dir, yaml_copies

# Maps whose keys are the user's own (names, labels, binding ids), not settings names.
FREE_MAPS = {"actors.aliases", "actors.kinds", "actors.rename", "actors.split", "topics.defined", "keys"}
CHOICES = {"ui.actor_match": ("any", "all"), "actors.kinds.*": ("person", "organisation", "place")}
RANGES: dict[str, tuple[float, float]] = {
    "parsing.title_length": (20, 500),
    "dedup.shingle_words": (1, 6),
    "dedup.containment": (0.05, 1.0),
    "dedup.min_shared": (1, 1000),
    "dedup.facts": (0.0, 1.0),
    "dedup.sketch": (1, 64),
    "dedup.max_words": (10, 100_000),
    "topics.automatic": (0, 200),
    "topics.min_entries": (1, 100_000),
}
"""The values a numeric setting can take and still work (a containment of 2 would never merge
anything): outside them it is reported and the default used, like any other bad value."""


@dataclass(frozen=True)
class Settings:
    """Validated settings for one run."""

    config: dict[str, Any]
    parse: ParseSettings
    problems: tuple[str, ...] = ()
    user_file: Path | None = None
    theme_override: str | None = None
    lines: Mapping[str, int] = field(default_factory=dict)
    """Dotted key → line in the user's file, so later checks (theme, keys) can point at it."""

    def where(self, key: str) -> str:
        """"file:line: key" for a message about a setting of the user's file."""
        line = self.lines.get(key)
        origin = f"{self.user_file}:{line}" if line and self.user_file else str(self.user_file or "config")
        return f"{origin}: {key}"

    @property
    def theme(self) -> str:
        return self.theme_override or str(self.config.get("theme") or "brief-dark")

    @property
    def sources(self) -> list[str]:
        return [str(s) for s in self.config.get("sources") or []]

    @property
    def watch(self) -> bool:
        """Follow the sources while the reader runs (``watch:``)."""
        return self.config.get("watch") is not False

    @property
    def ui(self) -> dict[str, Any]:
        ui = self.config.get("ui")
        return ui if isinstance(ui, dict) else {}

    @property
    def keys(self) -> dict[str, str]:
        keys = self.config.get("keys")
        return {str(k): str(v) for k, v in keys.items()} if isinstance(keys, dict) else {}


def config_paths() -> dict[str, Path]:
    """Where the user's files go (`brief config path`)."""
    return {
        "config": config_dir() / "config.yaml",
        "themes": config_dir() / "themes",
        "state": state_dir() / "state.db",
        "cache": cache_dir(),
    }


class _LineMap(Mapping[str, int]):
    """Dotted key → 1-based line in a YAML text, worked out only when a message needs one
    (it takes PyYAML's node tree, which a start without problems can do without)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[str, int] | None = None

    def _map(self) -> dict[str, int]:
        if self._lines is None:
            self._lines = _line_map(self._text)
        return self._lines

    def __getitem__(self, key: str) -> int:
        return self._map()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())


def _line_map(text: str) -> dict[str, int]:
    """Dotted key → 1-based line, from the YAML node tree."""
    yaml = yaml_module()
    lines: Mapping[str, int] = {}
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return lines

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = f"{prefix}{key_node.value}"
                lines[key] = key_node.start_mark.line + 1
                walk(value_node, key + ".")

    if root is not None:
        walk(root, "")
    return lines


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )


@dataclass
class _Merger:
    path: Path
    lines: Mapping[str, int]
    problems: list[str] = field(default_factory=list)

    def problem(self, key: str, message: str) -> None:
        line = self.lines.get(key)
        where = f"{self.path}:{line}" if line else str(self.path)
        self.problems.append(f"{where}: {key}: {message}")

    def merge(self, default: Mapping[str, Any], user: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
        merged = dict(default)
        for key, value in user.items():
            dotted = f"{prefix}{key}"
            if prefix.rstrip(".") in FREE_MAPS:
                merged[key] = self.free_value(dotted, prefix.rstrip("."), value)
                if merged[key] is None:
                    del merged[key]
                continue
            if key not in default:
                close = difflib.get_close_matches(str(key), [str(k) for k in default], n=1)
                hint = f" (did you mean '{prefix}{close[0]}'?)" if close else ""
                self.problem(dotted, f"unknown setting{hint}; ignored")
                continue
            base = default[key]
            if isinstance(base, dict):
                if isinstance(value, dict):
                    merged[key] = self.merge(base, value, dotted + ".")
                elif value is not None:
                    self.problem(dotted, f"expected a mapping, got {_type_name(value)}; using the default")
                continue
            merged[key] = self.scalar(dotted, base, value)
        return merged

    def scalar(self, dotted: str, base: Any, value: Any) -> Any:
        if isinstance(base, bool):
            ok = isinstance(value, bool)
        elif isinstance(base, float):
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        elif isinstance(base, int):
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif isinstance(base, list):
            ok = isinstance(value, list)
        elif isinstance(base, str):
            ok = isinstance(value, str)
        else:
            ok = True
        if not ok:
            self.problem(dotted, f"expected {_type_name(base)}, got {_type_name(value)} ({value!r}); using the default")
            return base
        choices = CHOICES.get(dotted)
        if choices and value not in choices:
            self.problem(dotted, f"must be one of {', '.join(choices)}, got {value!r}; using the default")
            return base
        if isinstance(base, float | int) and not isinstance(base, bool):
            low, high = RANGES.get(dotted, (0, float("inf")))
            if not low <= value <= high:
                wanted = f"from {low:g} to {high:g}" if high != float("inf") else f"at least {low:g}"
                self.problem(dotted, f"must be {wanted}, got {value!r}; using the default ({base!r})")
                return base
        return float(value) if isinstance(base, float) else value

    def free_value(self, dotted: str, section: str, value: Any) -> Any:
        if section == "topics.defined":
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return value
            self.problem(dotted, "expected a list of keywords; topic ignored")
            return None
        if section == "actors.kinds" and value not in CHOICES["actors.kinds.*"]:
            self.problem(dotted, f"kind must be one of person, organisation, place, got {value!r}; ignored")
            return None
        if section == "actors.split" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        if not isinstance(value, str):
            self.problem(dotted, f"expected text, got {_type_name(value)}; ignored")
            return None
        return value


def load_settings(path: str | None = None, theme: str | None = None) -> Settings:
    """Defaults from the bundled config.yaml, overridden by the user's file key by key."""
    defaults = bundled_config(yaml_copies())
    user_path = Path(path).expanduser() if path else config_dir() / "config.yaml"
    problems: list[str] = []
    config = defaults
    lines: dict[str, int] = {}
    if user_path.exists() or path:
        try:
            text = user_path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"{user_path}: cannot read config ({getattr(error, 'strerror', None) or error}); using defaults")
            text = None
        if text is not None:
            try:
                user = load_yaml_kept(text, yaml_copies(), str(user_path))
            except yaml_module().YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                where = f"{user_path}:{mark.line + 1}" if mark is not None else str(user_path)
                reason = getattr(error, "problem", None) or str(error).splitlines()[0]
                problems.append(f"{where}: invalid YAML ({reason}); using defaults")
                user = None
            if user is not None and not isinstance(user, dict):
                problems.append(f"{user_path}: expected a mapping of settings at the top; using defaults")
            elif isinstance(user, dict):
                lines = _LineMap(text)
                merger = _Merger(user_path, lines)
                config = merger.merge(defaults, user)
                problems.extend(merger.problems)
    # Boilerplate regexes must compile.
    parsing = config.get("parsing") or {}
    good: list[str] = []
    for pattern in parsing.get("boilerplate") or []:
        import re

        try:
            re.compile(str(pattern))
            good.append(str(pattern))
        except re.error as error:
            problems.append(f"{user_path}: parsing.boilerplate: invalid regex {pattern!r} ({error}); skipped")
    config = {**config, "parsing": {**parsing, "boilerplate": good}}
    return Settings(
        config=config,
        parse=ParseSettings.from_config(config),
        problems=tuple(problems),
        user_file=user_path,
        theme_override=theme,
        lines=lines,
    )
