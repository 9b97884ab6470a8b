"""A mail body's lines as its reader sees them, each with where it begins in the body: what
the forward, reply and signature readers look for (a marker, a header block, an attribution,
"-- ") is a line, in a plain-text part and an HTML part alike."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .text_clean import scrub


@dataclass(frozen=True)
class Line:
    text: str
    start: int
    """Where the line begins in the text it was read from (its first tag or character)."""
    end: int


def text_lines(text: str) -> list[Line]:
    """A plain text's lines, each with where it begins."""
    lines: list[Line] = []
    start = 0
    for line in text.split("\n"):
        lines.append(Line(line.rstrip("\r"), start, start + len(line)))
        start += len(line) + 1
    return lines


_PIECE = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.S)
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
_BREAKS = frozenset({"br", "div", "p", "tr", "table", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "body"})
_SKIPPED = frozenset({"style", "script", "head", "title"})


def html_lines(source: str) -> list[Line]:
    """An HTML text's lines as a reader sees them (broken at ``<br>`` and block tags, an
    ``<hr>`` read as Outlook's rule), each with where it begins in the source; text inside
    styles, scripts and the head is no line."""
    lines: list[Line] = []
    words: list[str] = []
    start: int | None = None
    skipping: str | None = None

    def close(end: int) -> None:
        nonlocal start
        if start is not None:
            lines.append(Line(" ".join(scrub("".join(words)).split()), start, end))
        words.clear()
        start = None

    for piece in _PIECE.finditer(source):
        token = piece.group()
        if token.startswith("<!--"):
            continue
        if token.startswith("<"):
            named = _TAG_NAME.match(token)
            name = named.group(1).lower() if named is not None else ""
            if skipping is not None:
                if token.startswith("</") and name == skipping:
                    skipping = None
                continue
            if name in _SKIPPED and not token.startswith("</") and not token.endswith("/>"):
                skipping = name
                continue
            if name in _BREAKS:
                close(piece.start())
                if name == "hr":
                    lines.append(Line("_" * 32, piece.start(), piece.end()))
                continue
            if start is None:
                start = piece.start()
            continue
        if skipping is not None:
            continue
        if start is None:
            start = piece.start()
        words.append(html.unescape(token).replace("\xa0", " "))
    close(len(source))
    return lines


def has_words(text: str, kind: str) -> bool:
    """Whether a part's text (``kind`` "html" or "text") shows any letter or digit: a note
    above a forward, a reply above a quote, that is more than blank lines and markup."""
    if kind == "html":
        return any(any(ch.isalnum() for ch in line.text) for line in html_lines(text))
    return any(ch.isalnum() for ch in text)
