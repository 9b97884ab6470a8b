"""Watch the sources while the reader runs (watchfiles: inotify, or polling where there is none).

Files are watched through their folder, not their inode, so a file replaced atomically (written
to a temporary file, then renamed over the old one, as editors and sync tools do) is followed
like one written in place. Folders named as sources are watched recursively, so a briefing file
added to one is seen. What changed is handed to ``on_change`` as absolute paths, from the
watching thread, at most every ``debounce`` milliseconds.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import PurePath

from ..parsers.sniff import EXTENSIONS

DEBOUNCE_MS = 400
STEP_MS = 80
POLL_MS = 300
CATCH_UP_S = 1.0
"""When the watches are surely in place: files changed since ``start`` are reported then, so a
write made while the watches were being set up is not missed."""


def _is_briefing_file(path: str) -> bool:
    name = PurePath(path).name
    return not name.startswith(".") and PurePath(name).suffix.lower() in EXTENSIONS


class SourceWatcher:
    """Daemon threads that report changes under the given files and folders until ``stop``."""

    def __init__(
        self,
        files: Iterable[str],
        folders: Iterable[str],
        on_change: Callable[[set[str]], None],
        on_error: Callable[[str], None] = lambda message: None,
        force_polling: bool | None = None,
    ) -> None:
        self.files = {os.path.abspath(path) for path in files}
        self.folders = sorted({os.path.abspath(folder) for folder in folders if os.path.isdir(folder)})
        self.on_change = on_change
        self.on_error = on_error
        self.force_polling = force_polling if force_polling is not None else _polling_asked()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._baseline = threading.Event()

    def _stats(self) -> dict[str, tuple[int, int]]:
        """(mtime_ns, size) of every file watched now: the named ones and the folders' briefings."""
        found: dict[str, tuple[int, int]] = {}
        paths = list(self.files)
        for folder in self.folders:
            for root, dirs, names in os.walk(folder):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                paths.extend(os.path.join(root, name) for name in names if _is_briefing_file(name))
        for path in paths:
            try:
                info = os.stat(path)
            except OSError:
                continue
            found[path] = (info.st_mtime_ns, info.st_size)
        return found

    def _catch_up(self) -> None:
        before = self._stats()  # off the UI thread: a folder of thousands takes some milliseconds
        self._baseline.set()  # the watches are set up from now on
        if self._stop.wait(CATCH_UP_S):
            return
        now = self._stats()
        changed = {path for path in before.keys() | now.keys() if before.get(path) != now.get(path)}
        if changed:
            self.on_change(changed)

    def start(self) -> None:
        catch_up = threading.Thread(target=self._catch_up, daemon=True, name="brief-watch-catch-up")
        catch_up.start()
        parents = sorted({os.path.dirname(path) for path in self.files if os.path.isdir(os.path.dirname(path))})
        # A named file's folder is watched alone (not its subfolders); a named folder whole.
        parents = [p for p in parents if not any(p == f or p.startswith(f + os.sep) for f in self.folders)]
        for roots, recursive in ((parents, False), (self.folders, True)):
            if roots:
                thread = threading.Thread(target=self._run, args=(roots, recursive), daemon=True, name="brief-watch")
                thread.start()
                self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()

    @property
    def running(self) -> bool:
        return any(thread.is_alive() for thread in self._threads) and not self._stop.is_set()

    def _wanted(self, path: str) -> bool:
        if path in self.files:
            return True
        return _is_briefing_file(path) and any(path.startswith(folder + os.sep) for folder in self.folders)

    def _run(self, roots: list[str], recursive: bool) -> None:
        import watchfiles

        self._baseline.wait()
        polling = self.force_polling
        for _attempt in range(2):
            try:
                for changes in watchfiles.watch(
                    *roots,
                    watch_filter=lambda _change, path: self._wanted(path),
                    debounce=DEBOUNCE_MS,
                    step=STEP_MS,
                    stop_event=self._stop,
                    recursive=recursive,
                    force_polling=polling,
                    poll_delay_ms=POLL_MS,
                    raise_interrupt=False,
                    ignore_permission_denied=True,
                ):
                    paths = {path for _change, path in changes}
                    if paths:
                        self.on_change(paths)
                return
            except Exception as error:  # inotify out of watches, a folder gone: poll instead
                if self._stop.is_set():
                    return
                if polling:
                    self.on_error(f"cannot watch {', '.join(roots)} for changes ({error}); r reloads by hand")
                    return
                polling = True


def _polling_asked() -> bool | None:
    value = os.environ.get("BRIEF_WATCH_POLLING")
    return None if value is None else value not in ("", "0", "false", "no")
