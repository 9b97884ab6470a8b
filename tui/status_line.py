"""The status line cut to the terminal's width at a word, with a mark that it was cut."""

from __future__ import annotations

from rich.text import Text

MARK = "…"


def fit(text: Text, width: int) -> Text:
    """``text`` whole if it fits in ``width`` cells, else cut after the last whole word that
    leaves room for "…": after the last whole part (parts end at " · ", ", " or "; ") if that keeps
half the width, else after the last whole word."""
    if width <= 0 or text.cell_len <= width:
        return text
    plain = text.plain
    room = width - len(MARK)
    # Whole parts where that keeps most of the line ("hidden: 4 by topics…", not "…, 3…").
    cut = max(plain.rfind(sep, 0, room + 1) for sep in (" · ", ", ", "; "))
    if cut < room // 2:
        cut = plain.rfind(" ", 0, room + 1)
    if cut <= 0:
        cut = room
    kept = plain[:cut].rstrip(" ·,:;(")
    out = text[: len(kept)]
    out.append(MARK, "dim")
    return out
