"""Text rules more than one reader or analysis needs, defined once."""

from __future__ import annotations

import re

SCAN_CHARS = 20_000
"""Characters of an entry read for names and topics: a 50 MB one-line "entry" must not take
minutes, and names and subjects are stated near the start."""

NAME_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "van", "von", "der", "den", "la", "le", "du", "di", "del", "bin", "ibn", "al", "el",
     "ter", "zu", "y"}
)  # fmt: skip
"""Lower-case words inside a person's name ("Ursula von der Leyen", "Ortega y Gasset")."""

CREDIT_LABEL = r"\b(?:photograph|photo|picture|image|illustration|composite|video|graphic)s?\s*:"
"""What opens a picture's credit ("Photograph: Jane Roe/Reuters"), case aside."""

NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$", re.S)
"""An item of a numbered list ("1. Fisheries deal signed", "2) …"): its number and its text."""
NUMBER_MARK = r"\d{1,2}[.)]"
"""The number mark alone, for patterns of list items of any kind."""

MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
"""A Markdown link or image ("[text](url)", "![alt](src)"): its text in group 1."""
