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
_HEADER_LINE = re.compile(r"[A-Za-z][A-Za-z0-9-]*:(?:[ \t]|$)|[ \t]+\S")
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
    holding a header only mail software writes (a memo typed with "From:/Subject:" is text),
    or a header encoded as only mail encodes one ("=?utf-8?Q?…?=").

    Real messages are not always well formed: a long header block runs past the head (its
    last line cut), and a broken mailer leaves a line of a folded header unindented; nine
    lines in ten being headers is enough."""
    head = head.lstrip("\ufeff").replace("\r\n", "\n")
    if head.startswith("From ") and "\n" in head:
        head = head.split("\n", 1)[1]  # a mailbox's separator line
    block = head.split("\n\n", 1)[0].split("\n")
    if "\n\n" not in head and len(block) > 2:
        block = block[:-1]  # the head ends inside the headers: its last line may be cut
    if len(block) < 2 or not (_HEADER_LINE.match(block[0]) and _HEADER_LINE.match(block[1])):
        return False
    if sum(1 for line in block if _HEADER_LINE.match(line)) < 0.9 * len(block):
        return False
    headers = "\n".join(block)
    return _MAIL_ONLY.search(headers) is not None or (
        _ENCODED_WORD.search(headers) is not None and re.search(r"^from:", headers, re.I | re.M) is not None
    )


_ENCODED_WORD = re.compile(r"=\?[\w.-]+\?[QqBb]\?[^?\s]*\?=")
"""A header's non-ASCII text as mail encodes it (RFC 2047)."""


DIGEST_SEPARATOR = re.compile(r"^-{20,}[ \t]*$", re.M)
"""The line between a mailing list digest's messages (RFC 1153: 70 dashes first, then 30)."""
NAMED_HEADER = re.compile(r"^(?:From|Subject|Date):[ \t]", re.M | re.I)


def header_lines(text: str) -> list[str] | None:
    """The header lines a block opens with, up to its first blank line; None unless every
    one is a header or a header's folded continuation, and there are two or more, or the one
    names a subject or sender (Mailman's "Subject: Digest Footer")."""
    lines: list[str] = []
    for line in text.lstrip("\n").split("\n"):
        if not line.strip():
            break
        if not _HEADER_LINE.match(line) or (not lines and line[:1] in " \t"):
            return None
        lines.append(line)
    return lines if len(lines) >= 2 or (lines and NAMED_HEADER.match(lines[0])) else None


def looks_like_digest(text: str) -> bool:
    """Whether a text holds a mailing list digest's messages: a line of dashes, then a mail
    header block naming a sender, subject or date (no prose is laid out so)."""
    text = text.replace("\r\n", "\n")
    for found in DIGEST_SEPARATOR.finditer(text):
        block = header_lines(text[found.end() + 1 : found.end() + 4000])
        if block is not None and NAMED_HEADER.search("\n".join(block)):
            return True
    return False


def sniff(path: str, text: str) -> str:
    """The format of a file: ``text``, ``markdown``, ``html``, ``feed``, ``json`` or ``email``.

    The content overrides the extension when it is unmistakable (a ``.txt`` that is HTML).
    """
    head = text[:4096]
    body = _skip_prolog(head)
    if body.startswith(("{", "[")):
        return "json"
    if looks_like_email(head) or ("-" * 20 in text[:20000] and looks_like_digest(text[:20000])):
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
