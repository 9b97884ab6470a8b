"""`brief` on the command line: open the reader, dump a briefing, or say where config lives."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..parsers import Briefing, load
from ..parsers.export import to_json, to_markdown
from ..parsers.text_clean import scrub
from .settings import Settings, config_paths, load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brief",
        description="Read news briefings in the terminal: deduplicated entries, actors and topics.",
        epilog="Also: `brief dump PATH… --json` (for scripts), `brief config path` (where settings live).",
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
    parser.add_argument("--json", action="store_const", const="json", dest="format", help="JSON (the default)")
    parser.add_argument("--format", choices=("json", "markdown"), default="json")
    parser.add_argument("--config", metavar="FILE", help="use this config file instead of the user's")
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


def dump(argv: Sequence[str]) -> int:
    """`brief dump`: the briefing on stdout; diagnostics on stderr."""
    args = _dump_parser().parse_args(argv)
    settings = load_settings(args.config)
    _report(settings)
    briefing = load(args.paths, settings.parse)
    for source in briefing.errors:
        _say(str(source))
    if args.format == "markdown":
        sys.stdout.write(to_markdown(briefing))
    else:
        sys.stdout.write(to_json(briefing, change_fields(briefing)) + "\n")
    loaded = any(source.error is None for source in briefing.sources)
    return 0 if loaded else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `brief` command."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["dump"]:
        return dump(args_list[1:])
    if args_list[:2] == ["config", "path"]:
        for label, path in config_paths().items():
            print(f"{label}: {path}")
        return 0
    args = _parser().parse_args(args_list)
    settings = load_settings(args.config, theme=args.theme)
    _report(settings)
    from .run import run_reader  # Textual is imported only when the reader opens

    return run_reader(args.paths, settings, watch=not args.no_watch)


if __name__ == "__main__":
    raise SystemExit(main())
