"""Which sources the reader opens: the paths given, else the configured ones, else the demo."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .settings import Settings


def demo_sources() -> list[str]:
    """The bundled demo briefing (a folder of files in several formats)."""
    folder = Path(__file__).resolve().parent / "data"
    return [str(folder / name) for name in sorted(p.name for p in folder.iterdir() if p.name.startswith("demo-"))]


def resolve_sources(paths: Sequence[str], settings: Settings) -> list[str]:
    if paths:
        return list(paths)
    if settings.sources:
        return settings.sources
    return demo_sources()
