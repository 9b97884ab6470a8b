"""Which reader a file needs: from its extension first, then from its content."""

from __future__ import annotations

import re
from pathlib import PurePath

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".log": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".feed": "feed", ".cdf": "feed",
    ".json": "json", ".jsonl": "json", ".ndjson": "json",
    ".eml": "email", ".mbox": "email", ".mbx": "email",
}  # fmt: skip

_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(rss|feed|RDF|channel)\b", re.I)  # <CHANNEL>: a CDF
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|h[1-6]|section|main|ul|table)\b", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_MD_SETEXT = re.compile(r"^\S.*\n(?:=+|-+)\s*$", re.M)
# A mail header block: "Name: value" lines (or folded continuations) up to the first blank line.
_HEADER_LINE = re.compile(r"[A-Za-z][A-Za-z0-9-]*:[ \t]|[ \t]+\S")
# Headers mail software writes and a typed memo ("From: … To: … Subject: …") never has.
_MAIL_ONLY = re.compile(
    r"^(?:mime-version|content-type|content-transfer-encoding|received|message-id|return-path|delivered-to|dkim-signature|x-[\w-]+):",
    re.I | re.M,
)


def _skip_prolog(head: str) -> str:
    text = head.lstrip("\ufeff \t\r\n")
    while True:
        match = re.match(r"(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[[^\]]*\])*>)\s*", text, re.S | re.I)
        if not match or match.group(0).lower().startswith("<!doctype html"):
            return text
        text = text[match.end() :]


def looks_like_email(head: str) -> bool:
    """Whether a file's text is a saved message or mailbox: it opens with a mail header block
    holding a header only mail software writes (a memo typed with "From:/Subject:" is text)."""
    head = head.lstrip("\ufeff").replace("\r\n", "\n")
    if head.startswith("From ") and "\n" in head:
        head = head.split("\n", 1)[1]  # a mailbox's separator line
    block = head.split("\n\n", 1)[0].split("\n")
    if len(block) < 2 or not all(_HEADER_LINE.match(line) for line in block):
        return False
    return _MAIL_ONLY.search("\n".join(block)) is not None and re.search(r"^from:", head, re.I | re.M) is not None


def sniff(path: str, text: str) -> str:
    """The format of a file: ``text``, ``markdown``, ``html``, ``feed``, ``json`` or ``email``.

    The content overrides the extension when it is unmistakable (a ``.txt`` that is HTML).
    """
    head = text[:4096]
    body = _skip_prolog(head)
    if body.startswith(("{", "[")):
        return "json"
    if looks_like_email(head):
        return "email"
    if body.startswith("<"):
        feed = _FEED_ROOT.match(body)
        if feed:
            return "feed"
        if _HTML.match(body) or "<html" in head.lower():
            return "html"
    by_extension = EXTENSIONS.get(PurePath(path).suffix.lower())
    if by_extension in ("markdown", "json", "feed", "email"):
        return by_extension
    if by_extension == "html" or (_HTML.search(head) and head.count("</") >= 3):
        return "html"
    if len(_MD_HEADING.findall(text[:20000])) >= 2 or (by_extension is None and _MD_SETEXT.search(head)):
        return "markdown"
    return "text"
