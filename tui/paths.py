"""Where Brief keeps the user's files (XDG base directories)."""

from __future__ import annotations

import os
from pathlib import Path


def _xdg(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable)
    return Path(value) if value and os.path.isabs(value) else Path.home() / fallback


def config_dir() -> Path:
    """The user's config folder: config.yaml and themes/."""
    return _xdg("XDG_CONFIG_HOME", ".config") / "brief"


def state_dir() -> Path:
    """Read and starred marks."""
    return _xdg("XDG_STATE_HOME", ".local/state") / "brief"


def cache_dir() -> Path:
    """The parse cache (safe to delete)."""
    return _xdg("XDG_CACHE_HOME", ".cache") / "brief"


def yaml_copies() -> Path:
    """Parsed config and theme files, kept as JSON (see ``parsers.settings.load_yaml_kept``)."""
    return cache_dir() / "yaml"
