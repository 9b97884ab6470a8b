"""Markdown bodies made inert: no script, style, frames, objects, event handlers or unsafe links.

Feeds and pages are already converted through an allow-list (html_markdown); Markdown and
plain-text sources can carry raw HTML and `javascript:` links of their own, so every body
passes through here before it is shown or dumped.
"""

from __future__ import annotations

import re

_DANGEROUS_BLOCK = re.compile(
    r"<\s*(script|style|iframe|object|embed|applet|noscript|template|svg|math|frameset|frame)\b[^>]*>.*?<\s*/\s*\1\s*>",
    re.I | re.S,
)
_DANGEROUS_TAG = re.compile(
    r"<\s*/?\s*(?:script|style|iframe|object|embed|applet|noscript|template|svg|math|frameset|frame|base|link|meta|form|input|button)\b[^>]*>",
    re.I,
)
_EVENT_ATTRIBUTE = re.compile(r"""\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_UNSAFE_ATTRIBUTE_URL = re.compile(r"""(\b(?:href|src|action|formaction|xlink:href)\s*=\s*)(["']?)\s*(?:javascript|vbscript|data)\s*:[^"'\s>]*\2""", re.I)
_MARKDOWN_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<\s*(?:javascript|vbscript|data)\s*:[^>]*>", re.I)
_SAFE_TARGET = re.compile(r"^(?:https?:|mailto:|ftp:|#|/|\./|\.\./|[\w.\-~%]+(?:/|$|#|\?))", re.I)


def _link(match: re.Match[str]) -> str:
    _, text, target = match.groups()
    compact = re.sub(r"[\s\x00-\x20]", "", target)
    if not compact or _SAFE_TARGET.match(compact):
        return match.group(0)
    return text  # keep the words, drop the unsafe target (and never render it as an image)


def sanitize_markdown(text: str) -> str:
    """Remove executable HTML and neutralise unsafe link targets in a Markdown body."""
    if "<" not in text and "](" not in text:
        return text
    if "<" in text:
        text = _DANGEROUS_BLOCK.sub("", text)
        text = _DANGEROUS_TAG.sub("", text)
        text = _EVENT_ATTRIBUTE.sub("", text)
        text = _UNSAFE_ATTRIBUTE_URL.sub(r"\1\2#\2", text)
        text = _AUTOLINK.sub("", text)
    if "](" in text:
        text = _MARKDOWN_LINK.sub(_link, text)
    return text
