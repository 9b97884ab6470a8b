"""Bytes → entries → a deduplicated, annotated Briefing. Never imports Textual or Rich."""

from .load import load
from .model import Actor, Briefing, Entry, Occurrence, RawEntry, Source, SourceError, Topic
from .settings import ParseSettings, bundled_config, default_settings
from .source import Parsed, expand_sources, parse_bytes, read_source

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
