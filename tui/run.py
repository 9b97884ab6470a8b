"""Open the reader (imports Textual; kept apart so `brief dump` stays light)."""

from __future__ import annotations

from collections.abc import Sequence

from .settings import Settings


def run_reader(paths: Sequence[str], settings: Settings) -> int:
    """Load the sources and run the app until the user quits."""
    from .app import BriefApp
    from .sources import resolve_sources

    sources = resolve_sources(paths, settings)
    app = BriefApp(sources, settings)
    app.run()
    return app.return_code or 0
