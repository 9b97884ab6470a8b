"""A message's signature: the sender's sign-off under the text ("-- " and a name, a phone
number; "Sent from my iPhone"), which is no part of what the message says."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .mail_lines import html_lines, text_lines

_SEPARATOR = re.compile(r"^[ \t]*--[ \t]?$")
"""RFC 3676's signature separator, "-- " (many clients drop its space; "---" is a rule)."""
_SENT_FROM = re.compile(
    r"^[ \t]*(?:sent (?:from|with|via|using) (?:my )?\S.{0,40}|get outlook for \S.{0,20}|envoyé de mon \S.{0,30}"
    r"|von meinem \S.{0,30} gesendet|enviado (?:desde|do) (?:mi|meu) \S.{0,30}|inviato da(?:l mio)? \S.{0,30}"
    r"|verzonden (?:met|vanaf) (?:mijn )?\S.{0,30}|wysłane z (?:mojego )?\S.{0,30}|skickat från min \S.{0,30})$",
    re.I,
)
"""A mail app's line under what was written on a phone: "Sent from my iPhone", "Sent with
Sparrow", "Get Outlook for iOS", "Von meinem iPad gesendet"."""
_HINT = re.compile(r"--|sent|outlook|envoy|gesendet|enviado|inviato|verzonden|wysłane|skickat", re.I)
_MAX_LINES = 10
_MAX_CHARS = 600
"""A signature is a few short lines; a "--" line above more is a rule inside the text."""


def signature_start(lines: Sequence[str]) -> int | None:
    """The index of the first line of the signature under ``lines``, or None when there is
    none, or when it would leave nothing above it."""
    written = [i for i, line in enumerate(lines) if line.strip()]
    cut: int | None = None
    for i in reversed(written):
        if _SEPARATOR.match(lines[i]):
            below = [lines[k] for k in written if k > i]
            if len(below) <= _MAX_LINES and sum(map(len, below)) <= _MAX_CHARS:
                cut = i
            break
    kept = [i for i in written if cut is None or i < cut]
    if kept and _SENT_FROM.match(lines[kept[-1]]):
        cut = kept[-1]
        kept.pop()
    if cut is None or not any(any(ch.isalnum() for ch in lines[i]) for i in kept):
        return None
    return cut


def without_signature(text: str, kind: str) -> str:
    """A message's text (``kind`` "html" or "text") without its signature."""
    if not _HINT.search(text):
        return text  # neither a separator nor an app's line: most texts
    lines = html_lines(text) if kind == "html" else text_lines(text)
    cut = signature_start([line.text for line in lines])
    return text if cut is None else text[: lines[cut].start]
