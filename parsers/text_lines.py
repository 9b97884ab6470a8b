"""What one line of a plain-text briefing is: a headline, a byline, a bullet, a rule, a
"Read more" link, boilerplate. Shared by the text, Markdown and HTML readers."""

from __future__ import annotations

import re
from datetime import date

from .dates import find_date
from .rules import CREDIT_LABEL, NAME_PARTICLES, NUMBER_MARK, NUMBERED
from .text_clean import tidy_line
from .words import CAPITALISED_FUNCTION_WORDS, EXCLUDED_NAMES, ORGANISATION_WORDS, STOPWORDS, names_a_control

# Rules drawn with ASCII (---, ===, * * *) or with dashes and box-drawing lines (———, ━━━, ═══).
_SEPARATOR = re.compile(
    r"^\s*(?:[-=_~\u2012-\u2015\u2500-\u257f\u2e3a\u2e3b\u23af\u25ac]\s*){3,}$|^\s*(?:[*•·+#.…◆◇■□●○✦✧❖]\s*){3,}$"
    r"|^\s*[§⁂❧☙✻✽❦]\s*$|^\s*…+\s*$"
)

_BULLET = re.compile(rf"^\s*(?:[-*•·▪–]|{NUMBER_MARK})\s+")

_CLOSERS = "\"'”’»)]*_ "

_SENTENCE_PUNCT = ".!;:,…"

_POSTED_BY = (
    r"(?:posted|published|submitted|created) by|(?:geschrieben|verfasst|erstellt|veröffentlicht) von"
    r"|(?:écrit|rédigé|publié) par|(?:escrito|publicado) por|(?:scritto|pubblicato) da|(?:geschreven|geplaatst) door"
)
_BYLINE_PREFIX = re.compile(
    rf"^(?:by|from|(?:words|reported|edited|written|compiled|produced) by|{_POSTED_BY}|von|par|por|door"
    r"|(?:text|texte|texto|testo|author|autor|autorin|auteur|auteure)\s?:)\s+",
    re.I,
)
"""What opens a byline, in the languages Brief reads: "By", "Von", "Par", "Por", "Door",
"Text:", "Autor:", a blog's "Posted by", "Geschrieben von"."""
_POSTED_PREFIX = re.compile(rf"^(?:{_POSTED_BY})\s+", re.I)
"""A blog's "Posted by …": what follows is its writer's name or user name ("marc", "gizzmo")."""
_USER_NAME = re.compile(r"^[\w][\w.\-]{1,29}$")
_POSTED_ON = re.compile(r"^(?:posted|published)\s+on\s+(.{4,40}?)\s+by\s+(\S.{0,60})$", re.I)
"""WordPress's "Posted on 2015-04-05 by marc": the day, then the writer."""


_SIGNED_PREFIX = re.compile(_BYLINE_PREFIX.pattern.replace("by|from|", "by|", 1), re.I)
"""A byline's opening words but "From", which opens as many other lines ("From Wikipedia, …")."""


def is_prefixed_byline(line: str) -> bool:
    """Whether a line opens as a byline does ("By Ana Lima", "Von Jonas Berg", "Text: …")."""
    return _SIGNED_PREFIX.match(tidy_line(line).lstrip("*_ ")) is not None


# A wire story's credit line under its text: "— Reporting by Sam Ortiz; Editing by Ana Lima".
_REPORTING_CREDIT = re.compile(
    r"^[-–—(]*\s*(?:additional\s+)?(?:reporting|writing|words)\s+by\s+([^;|]+?)\s*(?:[;|].*)?[.)]?$", re.I
)

_NAME_PARTICLES = NAME_PARTICLES | {"and", "&"}
_JOINS_AFTER_PREFIX = frozenset({"und", "et", "y", "e", "en"})
"""Other languages' "and" between the names of a byline that says it is one ("Von A und B")."""
"""Lower-case words of a byline's names, and the joins between its names."""

_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ\u0100-\u024f][\w'’\-.]*$")

_CREDIT = re.compile(CREDIT_LABEL + r"\s*\S", re.I)


def _strip_closers(line: str) -> str:
    return line.rstrip(_CLOSERS)


def _is_all_caps(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)

_EMPHASIS_LINE = re.compile(r"^(?:\*\*|__)\s*(.+?)\s*(?:\*\*|__)$")

_NUMBERED = NUMBERED
"""A numbered line ("2) Chip export rules tightened"): its number, and its text."""

_URL = re.compile(r"https?://|www\.\w", re.I)

_BARE_URL = re.compile(r"^<?(https?://[^\s<>]+)>?$")


# "Read more: https://…" under a newsletter item: the item's link, not a line of its text.
_READ_MORE_WORDS = r"(?:read (?:more|on|the full (?:story|article|report))|continue reading|full (?:story|report)|more)"

_READ_MORE = re.compile(rf"^\W*{_READ_MORE_WORDS}\b[^\w(]*\(?(https?://[^\s)<>\]]+)\)?\W*$", re.I)

_READ_MORE_ALONE = re.compile(rf"\W*{_READ_MORE_WORDS}\W*", re.I)


def is_read_more(text: str) -> bool:
    """"Read more", "Read the full story →", "Continue reading": a pointer to the story, no text of it."""
    return _READ_MORE_ALONE.fullmatch(text) is not None

_SENTENCE_INSIDE = re.compile(r"[a-z]{3,}[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")

_MAIL_HEADER = re.compile(r"^(?:from|to|cc|bcc|date|sent|reply-to|subject)\s*:\s*", re.I)


def is_headline(line: str) -> bool:
    """A line that can head a post: short, capitalised, not ending like a sentence."""
    numbered = _NUMBERED.match(line)
    if numbered and _is_all_caps(numbered.group(2)):
        return True  # "1. BUDGET VOTE": a numbered section of a newsletter
    words = line.split()
    if not words or len(words) > 30 or len(line) > 220 or _BULLET.match(line):
        return False
    if _URL.search(line) or _SENTENCE_INSIDE.search(line):
        return False  # a headline holds no link and is one sentence at most
    first = line.lstrip("\"'“‘«(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if _is_all_caps(line):
        return True
    if len(words) < 2:
        return False
    core = _strip_closers(line)
    if not core:
        return False
    last = core[-1]
    if last == "?":
        return len(words) <= 14
    return last not in _SENTENCE_PUNCT


_META_SEPARATOR = re.compile(r"\s+[·|—–-]\s+")


def dated_byline(line: str) -> str | None:
    """The name in a line of a byline and a date, either way round ("Ingrid Solberg · Nov 21,
    2026", "By Ana Lima | 9 June", "20 November 2025 — by Sam Ortiz"): the byline of a
    newsletter's or a blog's post."""
    return signed_and_dated(line)[0]


def signed_and_dated(line: str) -> tuple[str | None, date | None]:
    """The name and the day of such a line ("20 November 2025 — by Sam Ortiz" → Sam Ortiz,
    2025-11-20); (None, None) when it is not one."""
    if line[:1] in "Pp" and (posted := _POSTED_ON.match(tidy_line(line))) is not None:
        found = find_date(posted.group(1).replace(",", " "))
        name = byline_name(f"Posted by {posted.group(2)}")
        return (name, found[0]) if name and found else (None, None)
    if "·" not in line and "|" not in line and "—" not in line and "–" not in line and "-" not in line:
        return None, None  # no separator: most lines, told by substring tests alone
    parts = _META_SEPARATOR.split(tidy_line(line))
    if len(parts) < 2:
        return None, None
    days = [(part, found[0]) for part in parts if (found := find_date(part.replace(",", " ")))]
    if not days:
        return None, None
    dated = {part for part, _ in days}
    name = next((name for part in parts if part not in dated and (name := byline_name(part))), None)
    return (name, days[0][1]) if name else (None, None)


def byline_name(line: str) -> str | None:
    """The author's name when ``line`` is a byline ("By Ana Lima", "Jakub Krupa"), on one line."""
    text = " ".join(line.split()) if "\n" in line else tidy_line(line)
    prefixed = bool(_BYLINE_PREFIX.match(text))
    posted = prefixed and _POSTED_PREFIX.match(text) is not None
    text = _BYLINE_PREFIX.sub("", text).strip(" ,")
    text = re.split(r"\s+(?:in|at)\s+[A-Z]", text, maxsplit=1)[0].strip(" ,")
    if prefixed:
        text = re.split(r"\s*[,|–—]\s*", text, maxsplit=1)[0]  # "By Grace Okoye, Political Editor"
    if posted:
        text = re.split(r"\s+(?:on|am|le|el|il|op)\s+(?=\S*\d)", text, maxsplit=1)[0]  # "… on 12 May 2019"
        if _USER_NAME.match(text) and text.lower() not in STOPWORDS:
            return text  # "Posted by marc": a blog's user name, in whatever case it has
    words = text.split()
    if not 1 <= len(words) <= 6 or len(text) > 60 or any(ch.isdigit() for ch in text):
        return None
    if not prefixed and (len(words) < 2 or len(words) > 4):
        return None
    if text[-1:] in ".!?:;" and not re.search(r"\b[A-Z]\.$", text):
        return None
    tokens = [w for w in words if w.lower() not in _NAME_PARTICLES and not (prefixed and w in _JOINS_AFTER_PREFIX)]
    if not tokens or not all(_NAME_TOKEN.match(w) for w in tokens):
        return None
    if all(len(w.rstrip(".")) <= 1 for w in tokens):
        return None  # "J J", "A. B.": initials alone (an avatar's, a comment's) name no one
    if names_a_control(tokens) or any(w in CAPITALISED_FUNCTION_WORDS or w in EXCLUDED_NAMES for w in tokens):
        return None  # "Live Reporting", "Latest Updates", "View Comments": a page's furniture, not a person
    if _is_all_caps(text) and not prefixed:
        return None
    if not prefixed and any(w in ORGANISATION_WORDS for w in tokens):
        return None  # "Local News", "Harbour Gazette" on a line of their own: a section, an outlet
    return text


def _is_boilerplate(line: str, boilerplate: re.Pattern[str]) -> bool:
    if boilerplate.fullmatch(line):
        return True
    match = _CREDIT.search(line) if ":" in line else None
    # A caption ending in a photo credit, or a bare credit line.
    return match is not None and (match.start() == 0 or len(line) - match.start() < 80) and len(line) < 300

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _numbered_heading(text: str, following: str) -> bool:
    """Whether a numbered line ("1) Water rationing extended") heads the paragraph after it,
    rather than being an item of a numbered list (the next line would be an item too)."""
    return is_headline(text) and not _BULLET.match(following) and len(following) > len(text)


def _list_point(line: str) -> bool:
    """A headline-like line that could be a point of a summary list: no masthead's ALL-CAPS
    name, issue date or rule."""
    return not _is_all_caps(line) and find_date(line) is None and not _SEPARATOR.match(line)


def _key(line: str) -> str:
    return " ".join(_strip_closers(line).casefold().split())
