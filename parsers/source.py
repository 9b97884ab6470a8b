"""One source in, a ``Parsed`` out: expanding the sources named, reading a file's bytes and
parsing them with the reader of their format. Both processes of a load read through here."""

from __future__ import annotations

import glob
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .dates import find_date
from .model import RawEntry
from .rules import NUMBERED
from .settings import ParseSettings
from .sniff import EXTENSIONS, sniff
from .text_clean import first_sentence, tidy_line

STDIN = "-"
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Parsed:
    """One source after reading: its raw entries, or why there are none."""

    path: str
    format: str | None
    entries: tuple[RawEntry, ...]
    error: str | None = None


def expand_sources(sources: Iterable[str]) -> list[tuple[str, str | None]]:
    """Paths to read, in order, each with an error when the source named nothing readable.

    Directories are walked recursively for files with a known extension; globs are expanded;
    ``-`` stands for standard input.
    """
    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()

    def add(path: str, error: str | None = None, walked: bool = False) -> None:
        # Paths found by walking a folder are already distinct; resolving each one (realpath)
        # costs several system calls a file, which a folder of thousands would feel.
        key = path if path == STDIN or walked else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            out.append((path, error))

    for source in sources:
        if source == STDIN:
            add(STDIN)
        elif os.path.isdir(source):
            found = _walk(source)
            if not found:
                add(source, "directory holds no briefing files (.txt, .md, .html, .xml, .rss, .atom, .json, .eml, .mbox)")
            for path in found:
                add(path, walked=True)
        elif any(ch in source for ch in "*?[") and not os.path.exists(source):
            matches = sorted(glob.glob(os.path.expanduser(source), recursive=True))
            if not matches:
                add(source, "no such file or directory, and no files match it as a pattern")
            for match in matches:
                if os.path.isdir(match):
                    for path in _walk(match):
                        add(path)
                else:
                    add(match)
        else:
            add(os.path.expanduser(source))
    return out


def _walk(directory: str) -> list[str]:
    found: list[str] = []
    visited: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(directory, followlinks=True):
        try:
            info = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in visited:
            dirs[:] = []  # a symlink loop
            continue
        visited.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                found.append(os.path.join(root, name))
    return found


def read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    return data


def _day_from_name(path: str) -> date | None:
    found = find_date(Path(path).name.replace("_", "-"))
    return found[0] if found else None


def parse_bytes(path: str, data: bytes, settings: ParseSettings, part: tuple[int, int, int] | None = None) -> Parsed:
    """Parse one file's bytes; every failure becomes an error value.

    ``part=(start, stop, n)`` reads only a feed's items from start/n to stop/n of the way
    through (other formats: whole for a part that starts at 0, else nothing), for two
    processes sharing one big feed.
    """
    from .encoding import NotText, decode
    from .plain_text import read_plain_text

    if not data.strip():
        return Parsed(path, None, (), "empty file")
    try:
        text = decode(data)
    except NotText as error:
        return Parsed(path, None, (), str(error))
    fmt = sniff(path, text)
    # Readers import their libraries (selectolax, markdown-it, defusedxml) only when needed,
    # so a warm start from the cache imports none of them.
    from .brief_json import BriefJsonError, read_brief_json
    from .feed import FeedError, read_feed
    from .html_page import read_html
    from .markdown_doc import read_markdown

    boilerplate = settings.boilerplate_pattern
    day = _day_from_name(path)
    problems: list[str] = []  # what a reader skipped while reading the rest
    readers: dict[str, Callable[[], list[RawEntry]]] = {
        "text": lambda: read_plain_text(text, boilerplate=boilerplate, default_day=day),
        "markdown": lambda: read_markdown(text, boilerplate=boilerplate, default_day=day),
        "html": lambda: read_html(text, boilerplate=boilerplate, default_day=day),
        "feed": lambda: read_feed(data if not data.startswith((b"\xff\xfe", b"\xfe\xff")) else text, part),
        "json": lambda: read_brief_json(text, problems),
        "email": lambda: _read_email(data, boilerplate, problems),
    }
    if part is not None and part[0] > 0 and fmt != "feed":
        return Parsed(path, fmt, ())
    try:
        entries = readers[fmt]()
    except (FeedError, BriefJsonError) as error:
        return Parsed(path, fmt, (), str(error))
    except RecursionError:
        return Parsed(path, fmt, (), f"{fmt} is nested too deeply to read")
    except Exception as error:
        return Parsed(path, fmt, (), f"could not read as {fmt}: {type(error).__name__}: {error}")
    kept = tuple(entry for entry in map(_inert, _unnumbered(entries)) if entry is not None)
    if not kept and part is None:
        return Parsed(path, fmt, (), "; ".join(problems) or f"no entries found in this {fmt} file")
    return Parsed(path, fmt, kept, "; ".join(problems) or None)


def _read_email(data: bytes, boilerplate: re.Pattern[str], problems: list[str]) -> list[RawEntry]:
    from .email_message import read_email  # the email package costs ~10 ms: only for mail

    return read_email(data, boilerplate=boilerplate, problems=problems)




def _unnumbered(entries: list[RawEntry]) -> list[RawEntry]:
    """Titles without the numbers of a numbered newsletter ("1. Fisheries deal signed", "2. …"):
    the list shows its own order. Only a run counting up from 1 is a numbering: "2. Bundesliga"
    and "1. FC Köln win" in a sports feed keep their names."""
    numbers = [int(found.group(1)) for entry in entries if (found := NUMBERED.match(entry.title))]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return entries
    return [replace(entry, title=NUMBERED.sub(r"\2", entry.title, count=1)) for entry in entries]


_BLANK = " \t\n\r\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff"
"""Whitespace and the zero-width characters an email pads its preview line with: no text."""


def _inert(entry: RawEntry) -> RawEntry | None:
    """Every body and title free of executable HTML and unsafe links, whatever the format;
    an entry left with no text at all is dropped, and one with no title gets one; a title and
    an author are each one line."""
    from .sanitize import sanitize_markdown

    body = sanitize_markdown(entry.body)
    title = sanitize_markdown(entry.title)
    if not body.strip(_BLANK):
        if not title.strip(_BLANK):
            return None
        body = title
    if not title.strip(_BLANK):
        title = first_sentence(body) or tidy_line(body)[:80] or "(untitled)"
    elif "\n" in title:
        title = " ".join(title.split())  # a headline is one line, however the page broke it
    author = entry.author
    if author is not None and ("\n" in author or "\r" in author):
        author = " ".join(author.split())  # "Benjamin Fischer und <br> Marcus Theurer": one line too
    if body is entry.body and title is entry.title and author is entry.author:
        return entry
    return replace(entry, title=title, body=body, author=author)


def read_source(path: str, settings: ParseSettings) -> Parsed:
    """Read and parse one path (or ``-``), turning OS errors into messages."""
    try:
        data = read_bytes(path)
    except FileNotFoundError:
        return Parsed(path, None, (), "no such file or directory")
    except PermissionError:
        return Parsed(path, None, (), "permission denied")
    except IsADirectoryError:
        return Parsed(path, None, (), "is a directory")
    except (OSError, ValueError) as error:
        return Parsed(path, None, (), getattr(error, "strerror", None) or str(error))
    return parse_bytes("<stdin>" if path == STDIN else path, data, settings)
