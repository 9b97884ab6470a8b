"""An entry's links, and opening one: in a local browser, or not at all over SSH (the reader
copies it then)."""

from __future__ import annotations

import os
import re
import shutil
import sys

from ..parsers.model import Entry

_BODY_LINK = re.compile(r"\[([^\]\n]*)\]\((https?://[^)\s]+)\)|<?(https?://[^\s<>)\]]+)")


def entry_links(entry: Entry) -> list[tuple[str, str]]:
    """The entry's own link, then every web link in its text, each once."""
    found: list[tuple[str, str]] = []
    if entry.link:
        found.append(("entry", entry.link))
    for match in _BODY_LINK.finditer(entry.body):
        url = match.group(2) or match.group(3)
        if url and all(url != seen for _, seen in found):
            found.append(("text", url))
    return found


def browser_available() -> bool:
    """Is there a local browser to open links in (not over SSH, a display or macOS)?"""
    if os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_TTY"):
        return False
    if sys.platform == "darwin" or os.environ.get("BROWSER"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and shutil.which("xdg-open") is not None


def open_in_browser(url: str) -> bool:
    """Open ``url`` in a local browser; False when there is none (over SSH, no display)."""
    if not browser_available():
        return False
    import webbrowser

    try:
        return webbrowser.open(url)
    except webbrowser.Error:
        return False
