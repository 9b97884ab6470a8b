"""Loading off the UI thread: the first load (from the cache, or cold with progress), and the
re-reading of files the watcher saw change. Both run in worker threads and hand what they
made to the app with ``call_from_thread``; progress travels as messages, never waited on."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from textual.message import Message

from ..parsers import Briefing, load
from ..parsers.memory import keep_out_of_collections
from .filters import BriefingIndex
from .live import FULL_RELOAD_MAX, Live
from .paths import cache_dir
from .settings import Settings


class LoadingApp(Protocol):
    """What loading needs of the app (the app itself, seen from here without importing it)."""

    sources: list[str]
    settings: Settings
    no_cache: bool
    live: Live
    load_running: bool
    main: Any
    """The main screen (its ``briefing``, ``index`` and ``is_loading``), once it is up."""
    _pending: set[str]

    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...
    def call_after_refresh(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> bool: ...
    def post_message(self, message: Message) -> bool: ...
    def notify(self, message: str, **options: Any) -> None: ...
    def note_problem(self, message: str, kind: str = "reader") -> None: ...
    def _loaded(self, briefing: Briefing, index: BriefingIndex, partial: bool, quiet: bool = False) -> None: ...
    def _changes_known(self) -> None: ...
    def _take_pending(self) -> set[str]: ...


class LoadProgress(Message):
    """What a cold load is doing now ("merging duplicates among 10,000 entries"); "" when done."""

    def __init__(self, step: str) -> None:
        super().__init__()
        self.step = step

    def can_replace(self, message: Message) -> bool:
        """A newer step makes an older one not yet shown moot: the queue keeps only the last."""
        return isinstance(message, LoadProgress)


def load_briefing(app: LoadingApp) -> None:
    """The sources loaded (in a worker thread): the cached head first when there is one, then
    the whole briefing; then what is new and edited since the last look."""
    from ..parsers.cache import ParseCache

    cache = ParseCache(None if app.no_cache else cache_dir() / "cache.db")

    painted = threading.Event()

    def head(partial: Briefing) -> None:
        # Show the newest entries, and let that first screen paint before unpacking the rest.
        app.call_from_thread(app._loaded, partial, BriefingIndex(partial), True)
        app.call_from_thread(app.call_after_refresh, painted.set)
        painted.wait(timeout=1.0)

    def progress(step: str) -> None:
        # A message, not call_from_thread: the load must never wait for the screen.
        app.post_message(LoadProgress(step))

    try:
        briefing = load(app.sources, app.settings.parse, cache=cache, on_head=head, on_progress=progress)
    finally:
        cache.close()
    app.post_message(LoadProgress(""))
    if cache.note:
        app.call_from_thread(app.note_problem, cache.note)
    index = BriefingIndex(briefing)
    keep_out_of_collections()
    before = app.main.briefing if app.main is not None else None
    app.call_from_thread(app._loaded, briefing, index, False)
    # After the first paint: what is new and edited since the last look.
    if app.live.started:
        app.live.refresh(briefing, before)
    else:
        app.live.begin(briefing)
    app.call_from_thread(app._changes_known)


def reread_changed(app: LoadingApp) -> None:
    """Read the files that changed again and splice them in (in a worker thread); then, for a
    briefing of a few thousand entries, load it whole again so that duplicates and names fold
    as on a fresh start."""
    while paths := app._take_pending():
        while app.load_running or app.main is None or app.main.is_loading or not app.live.started:
            time.sleep(0.05)  # the first look is taken once the briefing has loaded
        before = app.main.briefing
        result = app.live.reread(before, paths)
        for note in result.notes:
            app.call_from_thread(app.notify, note, severity="warning", timeout=8, markup=False)
        if result.briefing is None:
            continue
        app.live.refresh(result.briefing, before)
        index = BriefingIndex(result.briefing, app.main.index)
        app.call_from_thread(app._loaded, result.briefing, index, False, True)
        app.call_from_thread(app._changes_known)
        if len(result.briefing.entries) > FULL_RELOAD_MAX or app._pending:
            continue
        from ..parsers.cache import ParseCache

        cache = ParseCache(None if app.no_cache else cache_dir() / "cache.db")
        try:
            full = app.live.full_reload(cache)
        finally:
            cache.close()
        if app._pending:
            continue  # a newer change: splice it first
        app.live.refresh(full, result.briefing)
        app.call_from_thread(app._loaded, full, BriefingIndex(full, app.main.index), False, True)
        app.call_from_thread(app._changes_known)
