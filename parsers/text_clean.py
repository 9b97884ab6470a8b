"""Untrusted text made safe and tidy: control characters out, whitespace and titles tidied."""

from __future__ import annotations

import re

from .rules import MARKDOWN_LINK

# C0 except tab and newline, DEL, C1, and the bidi embedding/override/isolate controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Þ])")


def scrub(text: str) -> str:
    """Remove terminal escape sequences and control characters, keeping tab and newline."""
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(_control_replacement, text)


def _control_replacement(match: re.Match[str]) -> str:
    """Nothing for a control character; for one of U+0080–U+009F, the Windows-1252 character
    its code stands for, as browsers read it: Windows text decoded as Latin-1 ("don\x92t" is
    "don’t"). None of them reaches the terminal as a control (U+009B would start an escape)."""
    char = match.group()
    if "\x80" <= char <= "\x9f":
        return bytes([ord(char)]).decode("cp1252", "ignore")
    return ""


def tidy_line(text: str) -> str:
    """Collapse runs of spaces and strip a line."""
    if text.isascii() and "  " not in text and "\t" not in text:
        return text.strip()  # the common line: nothing to collapse (C-level tests only)
    return _SPACES.sub(" ", text).strip()


_MARKS = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])|(?:^|(?<=\s))#{1,6}(?:\s+|$)|[*_`>\[\]]")


def _unmarked(match: re.Match[str]) -> str:
    return match.group(1) or ""


def first_sentence(text: str, limit: int = 80) -> str:
    """The first sentence of ``text``, cut on a word boundary to ``limit`` characters."""
    text = tidy_line(text.replace("\n", " "))
    # Markdown's marks dropped from a derived title: heading marks, emphasis, quotes and
    # links; a hashtag ("#TBT", a post of nothing else) keeps its sign, and an escaped mark is
    # the character itself ("snake\_case" keeps its underscore, "\<p\>" its brackets).
    if "](" in text:
        text = MARKDOWN_LINK.sub(r"\1", text)  # a link's text, not its address ("Hi Ana(mailto:…)")
    text = _MARKS.sub(_unmarked, text)
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut if cut.endswith((".", "!", "?")) else f"{cut}…"  # a sentence that ends there needs no "…"


_UPDATE_MARKER = re.compile(r"\s*(?:[-–—:|]\s*(?:updated?|update|latest|live)|\((?:updated?|update|latest|live)\))\s*$", re.I)


# A wire service's slug before its headline: "UPDATE 2-Grain exporters …", "EXCLUSIVE-…".
_WIRE_SLUG = re.compile(
    r"^(?:(?:UPDATE|WRAPUP|CORRECTED|REFILE|RPT|EXCLUSIVE|FACTBOX|ANALYSIS|INSIGHT|PREVIEW|FOCUS|TIMELINE"
    r"|EXPLAINER|URGENT|FLASH|BREAKINGVIEWS)(?: \d{1,2})?\s?-\s?)+(?=\S)"
)


def strip_update_marker(title: str) -> str:
    """"Headline – updated", "Headline (update)" and "UPDATE 2-Headline" are the headline."""
    return _WIRE_SLUG.sub("", _UPDATE_MARKER.sub("", title)) or title
