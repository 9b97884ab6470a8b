"""Passes over a plain-text briefing's lines before it is split into posts: hard-wrapped lines
joined, words hyphenated at a line end made whole, mail headers and navigation dropped, a
newsletter's labelled or numbered stories and summary lists marked out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .dates import normalise_datetime, parse_time_stamp
from .text_lines import (
    _BULLET,
    _MAIL_HEADER,
    _MARKDOWN_LINK,
    _NUMBERED,
    _SEPARATOR,
    _key,
    _list_point,
    is_headline,
)

_BROKEN_WORD = re.compile(r"(?<![\w-])([^\W\d_]+)-$")

_LEADING_WORD = re.compile(r"[^\W\d_]+")


def _starts_lowercase(line: str) -> bool:
    """Whether a line opens with a lowercase word (not an address such as "https://…")."""
    word = line.split(" ", 1)[0].rstrip(",.;:!?)")
    return word[:1].islower() and word.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _words_of(lines: list[str]) -> set[str]:
    return {word.lower() for line in lines for word in _LEADING_WORD.findall(line)}


def _wrap_width(lines: list[str]) -> tuple[int | None, int]:
    """The width a hard-wrapped text was wrapped at (None when it was not wrapped), and the
    width of its long lines (0 when there are too few lines to tell)."""
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 6:
        return None, 0
    width = sorted(lengths)[int(len(lengths) * 0.9)]
    if width > 100 or width < 55:
        return None, 0  # lines too long (not wrapped) or too short (a list)
    full = [line.rstrip() for line in lines if len(line) >= width * 0.8]
    if sum(1 for line in full if line.endswith(_SENTENCE_END)) > len(full) / 2:
        return None, 0  # a sentence a line, full stops at the ends: written so, not wrapped
    wrapped = len(full) >= len(lengths) * 0.3 and not all(line.strip() for line in lines)
    return (width if wrapped else None), width

_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", ")", "]")


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped paragraphs: a full-width line continues on the next line, and so does
    any line cut mid-sentence before a line that starts in lowercase (text copied from a PDF)."""
    width, long_line = _wrap_width(lines)
    if width is None and not long_line and not any(line[:1].islower() for line in lines):
        return lines  # not wrapped, and no line goes on in lowercase: nothing to join
    out: list[str] = []
    joinable = False
    vocabulary: set[str] | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append("")
            joinable = False
            continue
        above = out[-1] if out else ""
        # Cut mid-sentence: a line that stops without a full stop before a lowercase word, or
        # that stops so at the text's full width (the next word was a name: "Camp manager" /
        # "Priya Natarajan said …").
        cut = (
            not above.endswith(_SENTENCE_END)
            and not above.isupper()
            and (_starts_lowercase(stripped) or (long_line > 0 and len(above) >= long_line * 0.8))
        )
        if above and (joinable or cut) and not _SEPARATOR.match(stripped) and not _BULLET.match(stripped):
            broken = _BROKEN_WORD.search(above) if above.endswith("-") and stripped[:1].islower() else None
            if broken is None:
                out[-1] = f"{above} {stripped}"
            else:
                # A word hyphenated across the wrap ("down-" / "graded"): whole again when the
                # text writes it whole elsewhere, else joined at its hyphen ("well-known").
                vocabulary = vocabulary if vocabulary is not None else _words_of(lines)
                rest = _LEADING_WORD.match(stripped)
                whole = broken.group(1) + (rest.group(0) if rest else "")
                glue = "" if whole.lower() in vocabulary else "-"
                out[-1] = f"{above[: broken.start(1)]}{broken.group(1)}{glue}{stripped}"
        else:
            out.append(stripped)
        joinable = width is not None and len(line.rstrip()) >= width * 0.75
    return out


def _without_nav_segments(boilerplate: re.Pattern[str]) -> Callable[[str], str]:
    """"6 November 2025 | View in browser": the navigation part of a line split by " | " goes,
    and the date stays (a line of navigation only becomes empty)."""

    def clean(line: str) -> str:
        if " | " not in line:
            return line
        kept = [part for part in line.split(" | ") if not boilerplate.fullmatch(_MARKDOWN_LINK.sub(r"\1", part))]
        return " | ".join(kept)

    return clean


def _without_mail_headers(lines: list[str]) -> tuple[list[str], str | None]:
    """A saved email starts with From:/To:/Date: lines; its Subject: line stays, as a title.
    Also the time its Date: (or Sent:) line gives, if any."""
    out: list[str] = []
    sent: str | None = None
    for position, line in enumerate(lines):
        header = _MAIL_HEADER.match(line) if position < 12 else None
        if header is None:
            out.append(line)
            continue
        name = line[: header.end()].strip().lower()
        if name.startswith("subject"):
            out.append(line[header.end() :])
        elif name.startswith(("date", "sent")) and sent is None:
            sent = normalise_datetime(line[header.end() :])
    return out, sent


def _summary_lists(lines: list[str]) -> list[str]:
    """Blocks of short, headline-like lines, read for what they are.

    A block whose lines are mostly the titles of posts elsewhere is a "Key events" teaser: it
    goes (its last line would otherwise title the text after it). Any other block of three or
    more is a list of points ("Summary": "Winds of up to 90mph hit the coast" / "Rail services
    suspended"): its lines become bullets, read as text instead of as empty headlines.
    """
    blocks: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate([*lines, ""]):
        if line and start is None:
            start = index
        elif not line and start is not None:
            blocks.append((start, index))
            start = None
    if not blocks or (len(blocks) == 1 and blocks[0] == (0, len(lines))):
        return lines  # no blank lines at all: a dump of one post per line, read line by line
    headed = [
        (first, end)
        for first, end in blocks
        # From the block's end: a post's last line is text, so most blocks fail at once.
        if end - first >= 2
        and all(is_headline(line) for line in reversed(lines[first:end]))
        and not any(parse_time_stamp(line) for line in lines[first:end])
    ]
    if not headed:
        return lines
    out = list(lines)
    everywhere = Counter(_key(line) for line in lines if line)
    for first, end in headed:
        inside = Counter(_key(line) for line in lines[first:end])
        elsewhere = [key for key in inside if everywhere[key] > inside[key]]  # written outside the block too
        if len(elsewhere) * 2 >= len(inside):
            out[first:end] = [""] * (end - first)
        elif end - first >= 3 and all(_list_point(line) for line in lines[first:end]):
            out[first:end] = [f"- {line}" for line in lines[first:end]]
    return out

_LABELLED = re.compile(r"^((?:--|[-*•–—])\s+)?([A-Z][A-Z0-9 &/'’.-]{1,40}[A-Z0-9])\s*:\s+(\S.*)$")

_FIRST_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[\"'“‘(]?[A-Z0-9])")


def _labelled_items(lines: list[str]) -> list[str]:
    """A run of lines each under its own ALL-CAPS label, "UKRAINE: Talks resumed in Geneva…" /
    "BALTICS: Estonia closed a crossing…" (a daily brief of one story a line), or a list of them
    ("-- BUDGET DEAL SLIPS: Senate leaders…", blank lines between allowed): one post each, the
    label and first sentence its headline. Labels must differ: "REPORTER: …" / "MINISTER: …"
    turns of a transcript stay its text."""
    if not any(":" in line[:48] and line.lstrip("-*•–— ")[1:2].isupper() for line in lines):
        return lines
    out: list[str] = []
    run: list[tuple[str, str]] = []
    listed = True  # every item of the run carries a list marker
    blanks = 0  # blank lines held back inside a listed run

    def flush() -> None:
        labels = [label for label, _ in run]
        if len(run) >= 2 and len(set(labels)) == len(labels):
            for label, text in run:
                sentence = _FIRST_SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".!")
                out.extend(["", f"{label}: {sentence}" if len(sentence) <= 160 else label, text, ""])
        else:
            out.extend(f"{label}: {text}" for label, text in run)
        run.clear()

    for line in lines:
        if not line.strip() and run and listed:
            blanks += 1
            continue
        found = _LABELLED.match(line) if line else None
        if found is not None and len(found.group(3).split()) >= 6 and (not blanks or found.group(1)):
            listed = (listed or not run) and bool(found.group(1))
            run.append((found.group(2), found.group(3)))
            blanks = 0
            continue
        if run:
            flush()
        out.extend([""] * blanks)
        blanks = 0
        out.append(line)
    if run:
        flush()
    out.extend([""] * blanks)
    return out


def _numbered_stories(lines: list[str]) -> list[str]:
    """"1. Ferry strike ends. Crews voted …" / "2. Port fees rise. The Harbour Board …": a
    "five things to know" list, each item a short headline sentence and its story, counting
    from 1. Each item becomes a post. A list of single sentences ("1. The budget passed.")
    stays a list."""
    if not any(line.startswith(("1. ", "1) ")) for line in lines):
        return lines  # no list starting at 1
    out: list[str] = []
    index = 0
    while index < len(lines):
        run: list[tuple[str, str]] = []
        while index + len(run) < len(lines):
            found = _NUMBERED.match(lines[index + len(run)])
            if found is None or int(found.group(1)) != len(run) + 1:
                break
            parts = _FIRST_SENTENCE_END.split(found.group(2), maxsplit=1)
            if len(parts) < 2 or not 2 <= len(parts[0].split()) <= 12 or len(parts[1].split()) < 5:
                break
            run.append((parts[0].rstrip(".!"), parts[1]))
        if len(run) >= 3:
            for headline, story in run:
                out.extend(["", headline, story, ""])
            index += len(run)
        else:
            out.append(lines[index])
            index += 1
    return out
