"""The parsing settings (a frozen view of config.yaml's parsing, dedup, actors and topics)."""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .actor_edits import ActorEdits
from .model import blake2b

# Package files by path: importlib.resources costs ~5 ms of start-up, and Brief is never zipped.
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def bundled_config_text() -> str:
    """The default config.yaml shipped inside the package."""
    return (_PACKAGE_DIR / "config.yaml").read_text(encoding="utf-8")


def yaml_module() -> Any:
    """PyYAML, imported when a YAML text must really be parsed (it costs ~10 ms of start-up):
    ``except yaml_module().YAMLError`` is evaluated only once something was raised."""
    import yaml

    return yaml


def load_yaml(text: str) -> Any:
    """Safe YAML parsing, with libyaml's C loader when PyYAML has it (several times faster)."""
    yaml = yaml_module()
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_yaml_kept(text: str, copies: Path | None, name: str) -> Any:
    """``load_yaml``, read from the JSON copy made the last time this very text was parsed
    (config and theme files seldom change: a start then never imports PyYAML).

    ``copies`` is the folder for the copies (None: parse every time); ``name`` tells files
    apart. A text whose data JSON cannot hold exactly (dates, number keys) is never copied.
    """
    if copies is None:
        return load_yaml(text)
    stamp = f"{zlib.crc32(text.encode())}:{len(text)}"
    copy = copies / f"{zlib.crc32(name.encode()):08x}.json"
    try:
        kept = json.loads(copy.read_text(encoding="utf-8"))
        if isinstance(kept, dict) and kept.get("stamp") == stamp:
            return kept.get("data")
    except (OSError, ValueError):
        pass
    data = load_yaml(text)  # a YAML error propagates, and nothing is kept
    try:
        dumped = json.dumps({"stamp": stamp, "data": data})
        if json.loads(dumped)["data"] == data:
            copies.mkdir(parents=True, exist_ok=True)
            spare = copy.with_suffix(f".{os.getpid()}.tmp")
            spare.write_text(dumped, encoding="utf-8")
            os.replace(spare, copy)
    except (OSError, TypeError, ValueError):
        pass  # a copy is only ever a shortcut
    return data


def bundled_config(copies: Path | None = None) -> dict[str, Any]:
    """The default config.yaml as a mapping."""
    loaded = load_yaml_kept(bundled_config_text(), copies, "bundled config.yaml")
    return loaded if isinstance(loaded, dict) else {}


@dataclass(frozen=True)
class ParseSettings:
    """Everything that changes what the parsers produce (and so keys the parse cache)."""

    boilerplate: tuple[str, ...] = ()
    """Regexes for navigation lines, matched in full, case-insensitively."""
    title_length: int = 80
    shingle_words: int = 2
    containment: float = 0.4
    min_shared: int = 4
    facts: float = 0.6
    sketch: int = 8
    max_words: int = 400
    aliases: tuple[tuple[str, str], ...] = ()
    """(alias, canonical name) pairs from the user's config."""
    kinds: tuple[tuple[str, str], ...] = ()
    ignore: tuple[str, ...] = ()
    topics: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(label, keywords) pairs."""
    automatic_topics: int = 12
    topic_min_entries: int = 2
    actor_edits: ActorEdits = field(default_factory=ActorEdits)
    """The user's renames, splits and hidden actors: applied to a finished briefing (see
    ``actor_edits``), so they key no cache and a change to them re-parses nothing."""

    @cached_property
    def boilerplate_pattern(self) -> re.Pattern[str]:
        """All boilerplate regexes as one case-insensitive pattern."""
        valid = []
        for pattern in self.boilerplate:
            try:
                re.compile(pattern)
            except re.error:
                continue
            valid.append(f"(?:{pattern})")
        return re.compile(r"\W*(?:" + "|".join(valid or ["(?!)"]) + r")\W*", re.I)

    def fingerprint(self) -> str:
        """A short hash of these settings, for cache keys (computed once per settings object)."""
        return self._fingerprint

    @cached_property
    def _fingerprint(self) -> str:
        from .gazetteer import bundled_gazetteer_text

        data = {k: v for k, v in asdict(self).items() if not k.startswith("_") and k != "actor_edits"}
        # The bundled word lists change what the parsers produce too, so they key the cache.
        data["gazetteer"] = blake2b(bundled_gazetteer_text().encode(), digest_size=8).hexdigest()
        return blake2b(json.dumps(data, sort_keys=True).encode(), digest_size=8).hexdigest()

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> ParseSettings:
        """Build from a validated config mapping (missing sections take the defaults above)."""
        parsing = config.get("parsing") or {}
        dedup = config.get("dedup") or {}
        actors = config.get("actors") or {}
        topics = config.get("topics") or {}
        defined = topics.get("defined") or {}
        return cls(
            boilerplate=tuple(str(p) for p in parsing.get("boilerplate") or ()),
            title_length=int(parsing.get("title_length", 80)),
            shingle_words=int(dedup.get("shingle_words", 2)),
            containment=float(dedup.get("containment", 0.4)),
            min_shared=int(dedup.get("min_shared", 4)),
            facts=float(dedup.get("facts", 0.6)),
            sketch=int(dedup.get("sketch", 8)),
            max_words=int(dedup.get("max_words", 400)),
            aliases=tuple((str(a), str(c)) for a, c in (actors.get("aliases") or {}).items()),
            kinds=tuple((str(n), str(k)) for n, k in (actors.get("kinds") or {}).items()),
            ignore=tuple(str(n) for n in actors.get("ignore") or ()),
            topics=tuple((str(label), tuple(str(k) for k in kws or ())) for label, kws in defined.items()),
            automatic_topics=int(topics.get("automatic", 12)),
            topic_min_entries=int(topics.get("min_entries", 2)),
            actor_edits=ActorEdits(
                rename=tuple((str(a), str(b)) for a, b in (actors.get("rename") or {}).items()),
                split=tuple(
                    (str(owner), str(alias))
                    for owner, aliases in (actors.get("split") or {}).items()
                    for alias in (aliases if isinstance(aliases, list) else [aliases])
                ),
                hidden=tuple(str(n) for n in actors.get("hidden") or ()),
            ),
        )


def default_settings() -> ParseSettings:
    """Settings from the bundled config.yaml alone."""
    return ParseSettings.from_config(bundled_config())
