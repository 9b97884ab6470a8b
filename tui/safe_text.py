"""Briefing text for the screen: control characters scrubbed, never parsed as markup."""

from __future__ import annotations

from rich.text import Text

from ..parsers.text_clean import scrub


def plain(text: str | None, style: str = "") -> Text:
    """A Rich Text of untrusted text: escapes and controls removed, markup left literal."""
    return Text(scrub(text or "").replace("\n", " ").replace("\t", " "), style=style, no_wrap=True, end="")


def highlight(text: Text, query: str, style: str) -> Text:
    """Stylise every case-insensitive occurrence of each word of ``query``."""
    for needle in query.split():
        if needle:
            text.highlight_words([needle], style=style, case_sensitive=False)
    return text
