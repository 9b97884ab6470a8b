"""The one entry point: sources and settings in, a deduplicated, annotated Briefing out."""

from __future__ import annotations

import glob
import os
import re
import sys
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from .dates import find_date
from .memory import collection_paused
from .model import Briefing, RawEntry
from .settings import ParseSettings, default_settings
from .sniff import EXTENSIONS, sniff
from .text_clean import first_sentence, tidy_line

if TYPE_CHECKING:
    from .cache import FileKey, ParseCache
    from .digest import Digest
    from .helper import Helper

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


def _read_bytes(path: str) -> bytes:
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


_LIST_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")


def _unnumbered(entries: list[RawEntry]) -> list[RawEntry]:
    """Titles without the numbers of a numbered newsletter ("1. Fisheries deal signed", "2. …"):
    the list shows its own order. Only a run counting up from 1 is a numbering: "2. Bundesliga"
    and "1. FC Köln win" in a sports feed keep their names."""
    numbers = [int(found.group(1)) for entry in entries if (found := _LIST_NUMBER.match(entry.title))]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return entries
    return [replace(entry, title=_LIST_NUMBER.sub("", entry.title, count=1)) for entry in entries]


_BLANK = " \t\n\r\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff"
"""Whitespace and the zero-width characters an email pads its preview line with: no text."""


def _inert(entry: RawEntry) -> RawEntry | None:
    """Every body and title free of executable HTML and unsafe links, whatever the format;
    an entry left with no text at all is dropped, and one with no title gets one."""
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
    if body is entry.body and title is entry.title:
        return entry
    return replace(entry, title=title, body=body)


def read_source(path: str, settings: ParseSettings) -> Parsed:
    """Read and parse one path (or ``-``), turning OS errors into messages."""
    try:
        data = _read_bytes(path)
    except FileNotFoundError:
        return Parsed(path, None, (), "no such file or directory")
    except PermissionError:
        return Parsed(path, None, (), "permission denied")
    except IsADirectoryError:
        return Parsed(path, None, (), "is a directory")
    except (OSError, ValueError) as error:
        return Parsed(path, None, (), getattr(error, "strerror", None) or str(error))
    return parse_bytes("<stdin>" if path == STDIN else path, data, settings)


def load(
    sources: Sequence[str],
    settings: ParseSettings | None = None,
    cache: ParseCache | None = None,
    read: Callable[[str, ParseSettings], Parsed] = read_source,
    on_head: Callable[[Briefing], None] | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> Briefing:
    """Load every source into one deduplicated, annotated Briefing.

    Args:
        sources: files, directories, globs, or ``-`` for standard input.
        settings: parsing settings; the bundled defaults when omitted.
        cache: the parse cache; with a warm cache no source is parsed and nothing deduplicated.
        read: how one path is read and parsed.
        on_head: called first with the newest few hundred entries when the cache holds them, so
            a reader can paint before the whole briefing is unpacked; on a big cold load,
            called with the parsed entries (not yet merged or annotated) before the analysis.
        on_progress: told what a cold load is doing ("reading files 12/400", "merging
            duplicates", …), for a progress line; called from the loading thread.
    """
    with collection_paused():
        return _load(sources, settings, cache, read, on_head, on_progress)


def _load(
    sources: Sequence[str],
    settings: ParseSettings | None,
    cache: ParseCache | None,
    read: Callable[[str, ParseSettings], Parsed],
    on_head: Callable[[Briefing], None] | None,
    on_progress: Callable[[str], None] | None,
) -> Briefing:
    settings = settings or default_settings()
    expanded = expand_sources(sources)
    if cache is None:
        return _parse_and_annotate(expanded, [None] * len(expanded), None, settings, read, on_head, on_progress)

    from .cache import FileKey  # only with a cache (the helper process never imports sqlite3)

    keys: list[FileKey | tuple[str, str]] = []
    for path, error in expanded:
        found = None if error or path == STDIN else cache.file_key(path, settings)
        keys.append(found if found is not None else (path, error or "unreadable"))
    cacheable = all(path != STDIN for path, _ in expanded)
    briefing_key = cache.briefing_key(keys, settings)
    if cacheable:
        pause = 0.0
        if on_head is not None:
            head = cache.get_briefing(briefing_key + ":head")
            if head is not None:
                on_head(head)
                pause = 0.002  # the reader is painting the head: share the interpreter with it
        hit = cache.get_briefing(briefing_key, pause)
        if hit is not None:
            return hit

    keyed = [k if isinstance(k, FileKey) else None for k in keys]
    briefing = _parse_and_annotate(expanded, keyed, cache, settings, read, on_head, on_progress)
    if cacheable:
        from .annotate import head_of

        if on_progress is not None:
            on_progress("saving to the cache")
        cache.put_briefing(briefing_key, briefing)
        cache.put_briefing(briefing_key + ":head", head_of(briefing))
    return briefing


def _parse_and_annotate(
    expanded: Sequence[tuple[str, str | None]],
    keys: Sequence[FileKey | None],
    cache: ParseCache | None,
    settings: ParseSettings,
    read: Callable[[str, ParseSettings], Parsed],
    on_head: Callable[[Briefing], None] | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> Briefing:
    """The cold path: every file from the cache or parsed, then one annotation of them all.

    A big load gets a helper process (see ``helper``): it parses files from the end of the
    list while this process parses from the start, then scans half the entries for names.
    """
    from .helper import start_helper, unpickle_parts

    parsed: list[Parsed | None] = [None] * len(expanded)
    digests: list[Digest | None] = [None] * len(expanded)
    to_read: list[int] = []
    for index, ((path, error), key) in enumerate(zip(expanded, keys, strict=True)):
        stored = cache.get_file(key, settings) if cache is not None and key is not None and not error else None
        if error:
            parsed[index] = Parsed(path, None, (), error)
        elif stored is not None:
            fmt, failure, entries = stored
            parsed[index] = Parsed(path, fmt, entries, failure)
        else:
            to_read.append(index)

    helper: Helper | None = None
    sizes = {i: _size(expanded[i][0], keys[i]) for i in to_read}
    if read is read_source and all(expanded[i][0] != STDIN for i in to_read):
        helper = start_helper(sum(sizes.values()))
    try:
        # The helper parses the last files (a bit under half the bytes: it starts later)
        # while this process parses the first ones.
        theirs: list[int] = []
        if helper is not None:
            budget = 0.45 * sum(sizes.values())
            for index in reversed(to_read[1:]):
                budget -= sizes[index]
                if budget < 0:
                    break
                theirs.insert(0, index)
        ticket = helper.ask("parse", [expanded[i][0] for i in theirs], settings) if helper and theirs else None
        report = on_progress or (lambda _: None)
        seen: dict[str, array[int]] = {}  # shingles by text, for the digests made here
        if helper is not None and len(to_read) == 1:
            # One big file: if it is a feed, the helper reads the second half of its items.
            shared = _parse_shared(expanded[to_read[0]][0], settings, helper)
            if shared is not None:
                parsed[to_read[0]], digests[to_read[0]] = shared
        for count, index in enumerate(to_read, start=1):
            if parsed[index] is not None:
                continue
            if index not in theirs or ticket is None:
                fresh = parsed[index] = read(expanded[index][0], settings)
                digests[index] = _digest_of(fresh, settings, seen)
                if count % 10 == 0 or count == len(to_read):
                    report(f"reading files {count}/{len(to_read)}")
        if theirs and ticket is not None:
            assert helper is not None
            answers = unpickle_parts(helper.answer(ticket), tuple)
            for position, index in enumerate(theirs):
                found = answers[position] if answers is not None and len(answers) == len(theirs) else None
                if _is_digested(found):
                    parsed[index], digests[index] = found
                else:
                    parsed[index] = read(expanded[index][0], settings)
            del answers, found  # the digests are now only in ``digests``, which annotate empties
        if cache is not None:
            for index in to_read:
                key, result = keys[index], parsed[index]
                if key is not None and result is not None:
                    cache.put_file(key, settings, result.format, result.error, result.entries)
        # Imported here, once the helper is at work: deduplication and extraction, the cold path only.
        from .annotate import annotate

        ready = [(result, made) for result, made in zip(parsed, digests, strict=True) if result is not None]
        # annotate lets the digests go once read: at 100 000 entries they hold 70 MB of text
        del digests, seen
        sources, made = [result for result, _ in ready], [made for _, made in ready]
        del ready
        return annotate(sources, settings, helper, report, on_head, made)
    finally:
        if helper is not None:
            helper.close()


def _digest_of(parsed: Parsed, settings: ParseSettings, seen: dict[str, array[int]] | None = None) -> Digest:
    from .digest import digest

    return digest(parsed.path, parsed.entries, settings.shingle_words, settings.max_words, seen)


def digested(parsed: Parsed, settings: ParseSettings, seen: dict[str, array[int]] | None = None) -> tuple[Parsed, Digest]:
    """A file's parse and its digest, as the helper sends them."""
    return parsed, _digest_of(parsed, settings, seen)


def _is_digested(found: object) -> TypeGuard[tuple[Parsed, Digest]]:
    from .digest import Digest

    return (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], Parsed)
        and isinstance(found[1], Digest)
        and len(found[1].ids) == len(found[0].entries)
    )


def _parse_shared(path: str, settings: ParseSettings, helper: Helper) -> tuple[Parsed, Digest | None] | None:
    """A big feed parsed by both processes, half its items each; None if it is no feed."""
    from .encoding import NotText, decode
    from .helper import unpickle_parts

    try:
        data = _read_bytes(path)
        if sniff(path, decode(data[:4096] + data[-1024:])) != "feed":
            return None
    except (OSError, ValueError, NotText):
        return None  # read the usual way, which reports the problem
    # The helper gets the smaller share: it has still to start and import the feed reader.
    ticket = helper.ask("parse part", path, settings, (3, 5, 5))
    mine = parse_bytes(path, data, settings, (0, 3, 5))
    my_digest = _digest_of(mine, settings)
    answers = unpickle_parts(helper.answer(ticket), tuple)
    found = answers[0] if answers else None
    theirs, their_digest = found if _is_digested(found) else digested(parse_bytes(path, data, settings, (3, 5, 5)), settings)
    if mine.error or theirs.error:
        return parse_bytes(path, data, settings), None  # let the whole file tell what is wrong
    entries = mine.entries + theirs.entries
    if not entries:
        return Parsed(path, mine.format, (), f"no entries found in this {mine.format} file"), None
    return Parsed(path, mine.format, entries), my_digest.then(their_digest)


def _size(path: str, key: FileKey | None) -> int:
    if key is not None:
        return key.size
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
