"""Bytes → entries → a deduplicated, annotated Briefing. Never imports Textual or Rich."""

from .load import Parsed, expand_sources, load, parse_bytes, read_source
from .model import Actor, Briefing, Entry, Occurrence, RawEntry, Source, SourceError, Topic
from .settings import ParseSettings, bundled_config, default_settings

__all__ = [
    "Actor",
    "Briefing",
    "Entry",
    "Occurrence",
    "ParseSettings",
    "Parsed",
    "RawEntry",
    "Source",
    "SourceError",
    "Topic",
    "bundled_config",
    "default_settings",
    "expand_sources",
    "load",
    "parse_bytes",
    "read_source",
]
