"""Open the reader (imports Textual; kept apart so `brief dump` stays light)."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Sequence

from ..parsers.model import blake2b
from .paths import cache_dir
from .settings import Settings


def _stdin_to_file(paths: Sequence[str]) -> list[str]:
    """`cat briefing.txt | brief -`: keep the piped text, then take keys from the terminal.

    The reader needs standard input for the keyboard, so piped text is saved under the cache
    dir (named by its hash, so reopening the same text keeps its marks) and fd 0 is reopened
    on /dev/tty.
    """
    if "-" not in paths or sys.stdin is None or sys.stdin.isatty():
        return list(paths)
    data = sys.stdin.buffer.read()
    folder = cache_dir() / "stdin"
    folder.mkdir(parents=True, exist_ok=True)
    saved = folder / f"stdin-{blake2b(data, digest_size=8).hexdigest()}.txt"
    saved.write_bytes(data)
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
        os.dup2(tty, 0)
        os.close(tty)
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 lives as long as the process
    except OSError:
        pass
    return [str(saved) if path == "-" else path for path in paths]


def run_reader(paths: Sequence[str], settings: Settings, watch: bool = True) -> int:
    """Load the sources and run the app until the user quits."""
    from .app import BriefApp
    from .sources import resolve_sources

    sources = resolve_sources(_stdin_to_file(paths), settings)
    app = BriefApp(sources, settings, watch=watch)
    # Our own loop: asyncio.run() would end by waiting for the executor's threads, the
    # loading thread among them (see below).
    loop = asyncio.new_event_loop()
    try:
        app.run(loop=loop)
    finally:
        asyncio.set_event_loop(None)
    code = app.return_code or 0
    if app.load_running:
        # Quit in the middle of a big cold load: Python would wait for the loading thread
        # (it cannot be interrupted) with the terminal already handed back. Every mark is
        # on disk already and the parse cache is transactional, so leave at once.
        from ..parsers.helper import stop_all_helpers

        stop_all_helpers()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    loop.run_until_complete(loop.shutdown_default_executor())
    loop.close()
    return code
