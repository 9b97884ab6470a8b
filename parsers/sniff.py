"""Which reader a file needs: from its extension first, then from its content."""

from __future__ import annotations

import re
from pathlib import PurePath

FORMATS = ("text", "markdown", "html", "feed", "json")

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".log": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".feed": "feed",
    ".json": "json", ".jsonl": "json", ".ndjson": "json",
}  # fmt: skip

_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(rss|feed|RDF)\b", re.I)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|h[1-6]|section|main|ul|table)\b", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_MD_SETEXT = re.compile(r"^\S.*\n(?:=+|-+)\s*$", re.M)


def _skip_prolog(head: str) -> str:
    text = head.lstrip("\ufeff \t\r\n")
    while True:
        match = re.match(r"(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[[^\]]*\])*>)\s*", text, re.S | re.I)
        if not match or match.group(0).lower().startswith("<!doctype html"):
            return text
        text = text[match.end() :]


def sniff(path: str, text: str) -> str:
    """The format of a file: ``text``, ``markdown``, ``html``, ``feed`` or ``json``.

    The content overrides the extension when it is unmistakable (a ``.txt`` that is HTML).
    """
    head = text[:4096]
    body = _skip_prolog(head)
    if body.startswith(("{", "[")):
        return "json"
    if body.startswith("<"):
        feed = _FEED_ROOT.match(body)
        if feed:
            return "feed"
        if _HTML.match(body) or "<html" in head.lower():
            return "html"
    by_extension = EXTENSIONS.get(PurePath(path).suffix.lower())
    if by_extension in ("markdown", "json", "feed"):
        return by_extension
    if by_extension == "html" or (_HTML.search(head) and head.count("</") >= 3):
        return "html"
    if len(_MD_HEADING.findall(text[:20000])) >= 2 or (by_extension is None and _MD_SETEXT.search(head)):
        return "markdown"
    return "text"
