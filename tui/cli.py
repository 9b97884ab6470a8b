"""`brief` on the command line: open the reader, dump a briefing, or say where config lives."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..parsers import Briefing, load
from ..parsers.export import iter_json, to_markdown
from ..parsers.text_clean import scrub
from .settings import Settings, config_paths, load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brief",
        description="Read news briefings in the terminal: deduplicated entries, actors and topics.",
        epilog=(
            "Commands: `brief dump PATH… [--json | --format markdown]` prints the deduplicated briefing "
            "(JSON for scripts, Markdown for a pager); `brief config path` says where the config, themes, "
            "marks and cache live."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, globs, or - for stdin")
    parser.add_argument("--config", metavar="FILE", help="use this config file instead of the user's")
    parser.add_argument("--theme", metavar="NAME", help="theme to start with")
    parser.add_argument(
        "--no-watch", action="store_true", help="read the sources once: do not follow files as they change"
    )
    parser.add_argument("--version", action="version", version=f"brief {__version__}")
    return parser


def _dump_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brief dump", description="Print a briefing for scripts or a pager.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs, or - for stdin")
    parser.add_argument("--json", action="store_const", const="json", dest="format", help="same as --format json")
    parser.add_argument(
        "--format",
        choices=("json", "markdown"),
        default="json",
        help="json (the default): every entry with its actors, topics and where it was seen; "
        "markdown: a readable digest with a header, for a pager or a file",
    )
    parser.add_argument("--config", metavar="FILE", help="use this config file instead of the user's")
    parser.add_argument(
        "--filter",
        metavar="QUERY",
        help='only the entries QUERY matches, in the reader\'s query language (see README): words, "a phrase", '
        "-word, actor:NAME, topic:, source:GLOB, author:, since:2h, until:DAY, is:unread|starred|new, seen:>1, OR, ( )",
    )
    return parser


def _say(message: str) -> None:
    """A diagnostic on stderr, scrubbed (file names and messages can carry escapes)."""
    print(f"brief: {scrub(message)}", file=sys.stderr)


def _report(settings: Settings) -> None:
    for problem in settings.problems:
        _say(problem)


def change_fields(briefing: Briefing) -> dict[str, dict[str, object]]:
    """Per entry, ``updated`` (edited since the reader's last look) and ``versions`` (texts
    kept, the current one included), read from the state database, never written to."""
    from ..parsers.versions import compare
    from .history import History
    from .paths import state_dir

    history = History(state_dir() / "state.db", read_only=True)
    try:
        changes = compare(history.looks(s.path for s in briefing.sources), briefing)
        lineages = {e.id: changes.lineage.get(e.id, e.id) for e in briefing.entries}
        counts = history.counts(lineages.values())
        kept_ids = history.kept_ids(counts) if counts else {}
    finally:
        history.close()
    fields: dict[str, dict[str, object]] = {}
    for entry in briefing.entries:
        lineage = lineages[entry.id]
        count = counts.get(lineage, 0) + (entry.id not in kept_ids.get(lineage, ()))
        fields[entry.id] = {"updated": entry.id in changes.updated, "versions": count}
    return fields


def filtered(briefing: Briefing, query: str) -> Briefing:
    """The entries of ``briefing`` that ``query`` matches (marks and looks read from the state
    database, never written), with the actors and topics of those entries only."""
    from ..parsers.export import view_of
    from ..parsers.versions import compare
    from .filters import BriefingIndex, Filter
    from .history import History
    from .paths import state_dir
    from .store import MarkStore

    index = BriefingIndex(briefing)
    index.parsed(query)  # a malformed query raises here, before any database is opened
    store = MarkStore.read_only(state_dir() / "state.db")
    history = History(state_dir() / "state.db", read_only=True)
    try:
        new = compare(history.looks(s.path for s in briefing.sources), briefing).new
    finally:
        history.close()
    entries = briefing.entries
    result = index.apply(
        Filter(query=query),
        list(range(len(entries))),
        lambda i: store.is_read(entries[i].mark_ids),
        lambda i: store.is_starred(entries[i].mark_ids),
        lambda i: entries[i].id in new and not store.is_read(entries[i].mark_ids),
    )
    return view_of(briefing, tuple(entries[i] for i in result.indexes))


def dump(argv: Sequence[str]) -> int:
    """`brief dump`: the briefing on stdout; diagnostics on stderr."""
    args = _dump_parser().parse_args(argv)
    settings = load_settings(args.config)
    _report(settings)
    briefing = load(args.paths, settings.parse)
    for source in briefing.errors:
        _say(str(source))
    if args.filter is not None:
        from ..parsers.query import QueryError

        try:
            briefing = filtered(briefing, args.filter)
        except QueryError as error:
            _say(f"--filter {args.filter!r}: {error}")
            return 2
    if args.format == "markdown":
        sys.stdout.write(to_markdown(briefing, query=args.filter))
    else:
        for piece in iter_json(briefing, change_fields(briefing)):  # written as made: no second copy
            sys.stdout.write(piece)
        sys.stdout.write("\n")
    loaded = any(source.error is None for source in briefing.sources)
    return 0 if loaded else 1


COMMANDS = {"dump": "brief dump PATH… [--json | --format markdown]", "config": "brief config path"}


def _unknown_command(first: str) -> str | None:
    """Why ``first`` can be neither a command nor a path, or None. A word with no slash, dot or
    pattern that names no file ("confg") is a mistyped command, not a briefing to open."""
    import difflib
    import os

    if first in COMMANDS or first == "-" or first.startswith("-") or os.path.exists(first):
        return None
    if any(ch in first for ch in "/\\.*?[~"):
        return None  # path-like: the reader reports a missing file as a source problem
    close = difflib.get_close_matches(first, list(COMMANDS), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"'{first}' is neither a command nor a file or folder here{hint}"


def _usage_error(message: str) -> int:
    _parser().print_usage(sys.stderr)
    _say(message)
    print("       " + "\n       ".join(COMMANDS.values()), file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `brief` command."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["dump"]:
        return dump(args_list[1:])
    if args_list[:1] == ["config"]:
        if args_list[1:] != ["path"]:
            wanted = f"'config {' '.join(args_list[1:])}' is not a command" if args_list[1:] else "config needs a subcommand"
            return _usage_error(f"{wanted}: try `brief config path`")
        for label, path in config_paths().items():
            print(f"{label}: {path}")
        return 0
    if args_list:
        problem = _unknown_command(args_list[0])
        if problem is not None:
            return _usage_error(problem)
    args = _parser().parse_args(args_list)
    settings = load_settings(args.config, theme=args.theme)
    _report(settings)
    from .run import run_reader  # Textual is imported only when the reader opens

    return run_reader(args.paths, settings, watch=not args.no_watch)


if __name__ == "__main__":
    raise SystemExit(main())
