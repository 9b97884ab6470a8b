"""The one entry point: sources and settings in, a deduplicated, annotated Briefing out.

A load reads as its steps: expand the sources, take what the cache holds, parse the rest (with
the helper process on a big load), then annotate (dedupe, extract, assemble) and cache."""

from __future__ import annotations

import os
import time
from array import array
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .actor_edits import curate
from .memory import collection_paused
from .model import Briefing
from .settings import ParseSettings, default_settings
from .sniff import sniff
from .source import STDIN, Parsed, expand_sources, parse_bytes, read_bytes, read_source

if TYPE_CHECKING:
    from .cache import FileKey, ParseCache
    from .digest import Digest
    from .workers import Pending, Workers


SHOW_WHILE_READING_BYTES = 8_000_000
"""From this many bytes to read cold, the entries read so far are shown while the rest are read."""
FIRST_SHOWN_AFTER_S = 1.0
SHOWN_EVERY_S = 5.0
"""Seconds into the reading to the first showing, then between showings: each costs the reader
an index of what it shows."""


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
    settings = settings or default_settings()
    edits = settings.actor_edits
    if edits and on_head is not None:
        shown = on_head

        def curated_head(head: Briefing) -> None:
            shown(curate(head, edits))

        on_head = curated_head
    with collection_paused():
        # The user's corrections to the actors go on last: the cache holds what was found.
        return curate(_load(sources, settings, cache, read, on_head, on_progress), edits)


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

    A big load gets workers in a second process (see ``workers``): they parse files from the
    end of the list while this process parses from the start, then scan some entries for names.
    """
    from .digest import digest_of, digested
    from .schedule import helper_batches, helper_files
    from .workers import Workers, start_workers

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

    sizes = {i: _size(expanded[i][0], keys[i]) for i in to_read}
    helped = read is read_source and all(expanded[i][0] != STDIN for i in to_read)
    with start_workers(sum(sizes.values())) if helped else Workers() as workers:
        theirs = helper_files(to_read, sizes, workers.parallel)

        def asked(batch: list[int]) -> Pending[list[tuple[Parsed, Digest]]]:
            paths = [expanded[i][0] for i in batch]
            return workers.parse(paths, settings, lambda: [digested(read(p, settings), settings) for p in paths])

        # The helper's files in a few runs, each kept (cached) as it comes back, while this
        # process reads its own: a load stopped halfway keeps what both processes read.
        later = [(batch, asked(batch)) for batch in helper_batches(theirs)]
        report = on_progress or (lambda _: None)
        seen: dict[bytes, array[int]] = {}  # shingles by exact-copy key, for the digests made here
        if workers.parallel and len(to_read) == 1:
            # One big file: if it is a feed, the second process reads the last of its items.
            shared = _parse_shared(expanded[to_read[0]][0], settings, workers, on_head, report)
            if shared is not None:
                parsed[to_read[0]], digests[to_read[0]] = shared
        def keep(index: int) -> None:
            """A file cached as soon as it is parsed: a load stopped halfway (the reader quit)
            leaves what it read for the next start, which parses only the rest."""
            key, result = keys[index], parsed[index]
            if cache is not None and key is not None and result is not None:
                cache.put_file(key, settings, result.format, result.error, result.entries)

        helping = set(theirs)
        mine = [index for index in to_read if index not in helping]
        started = time.monotonic()
        shown_at: float | None = None
        big = on_head is not None and sum(sizes.values()) >= SHOW_WHILE_READING_BYTES
        for count, index in enumerate(mine, start=1):
            if parsed[index] is None:
                fresh = parsed[index] = read(expanded[index][0], settings)
                digests[index] = digest_of(fresh, settings, seen)
            keep(index)
            _collect(later, parsed, digests, keep, wait=False)
            if count % 10 == 0 or count == len(mine):
                report(f"reading files {count}/{len(to_read)}")
            now = time.monotonic()
            if big and on_head is not None and count < len(mine) and (
                (shown_at is None and now - started >= FIRST_SHOWN_AFTER_S) or (shown_at is not None and now - shown_at >= SHOWN_EVERY_S)
            ):
                # A big cold load shows what it has read so far, and again as it reads on.
                from .annotate import parsed_so_far

                on_head(parsed_so_far(parsed, digests))
                shown_at = time.monotonic()
        _collect(later, parsed, digests, keep, wait=True)
        del later  # the digests are now only in ``digests``, which annotate empties
        # Imported here, once the helper is at work: deduplication and extraction, the cold path only.
        from .annotate import annotate

        ready = [(result, made) for result, made in zip(parsed, digests, strict=True) if result is not None]
        # annotate lets the digests go once read: at 100 000 entries they hold 70 MB of text
        del digests, seen
        sources, made = [result for result, _ in ready], [made for _, made in ready]
        del ready
        return annotate(sources, settings, workers, report, on_head, made)


def _collect(
    later: list[tuple[list[int], Pending[list[tuple[Parsed, Digest]]]]],
    parsed: list[Parsed | None],
    digests: list[Digest | None],
    keep: Callable[[int], None],
    wait: bool,
) -> None:
    """The helper's runs of files that have come back, in order (all of them, waiting for
    each, when ``wait``), put in their places and cached."""
    while later and (wait or later[0][1].ready()):
        batch, pending = later.pop(0)
        for index, (their_parse, their_digest) in zip(batch, pending.result(), strict=True):
            parsed[index], digests[index] = their_parse, their_digest
            keep(index)


def _parse_shared(
    path: str,
    settings: ParseSettings,
    workers: Workers,
    on_head: Callable[[Briefing], None] | None = None,
    report: Callable[[str], None] = lambda _: None,
) -> tuple[Parsed, Digest | None] | None:
    """A big feed parsed by both processes, a share of its items each; None if it is no feed.
    ``on_head`` is shown the feed's first items as soon as they are read, while both processes
    read the rest."""
    from .digest import digest_of, digested
    from .encoding import NotText, decode
    from .schedule import SHARED_FEED

    try:
        data = read_bytes(path)
        if sniff(path, decode(data[:4096] + data[-1024:])) != "feed":
            return None
    except (OSError, ValueError, NotText):
        return None  # read the usual way, which reports the problem
    own, other = SHARED_FEED
    report("reading the feed's items")  # what the status line says while the first are shown
    later = workers.parse_part(path, settings, other, lambda: digested(parse_bytes(path, data, settings, other), settings))
    if on_head is None:
        mine = parse_bytes(path, data, settings, own)
        my_digest = digest_of(mine, settings)
    else:
        # The first of its share's fifths first, on screen at once; then the rest of its share
        # (the feed's XML is read twice: some 0.1 s, for a first screen in half the time).
        start, stop, n = own
        head = parse_bytes(path, data, settings, (start, start + 1, n))
        head_digest = digest_of(head, settings)
        if not head.error and head.entries:
            from .annotate import parsed_so_far

            on_head(parsed_so_far([head], [head_digest]))
        rest = parse_bytes(path, data, settings, (start + 1, stop, n))
        mine = Parsed(path, head.format, head.entries + rest.entries, head.error or rest.error)
        my_digest = head_digest.then(digest_of(rest, settings))
    theirs, their_digest = later.result()
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
