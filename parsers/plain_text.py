"""Plain-text briefings: live blogs and newsletters dumped as text, one post after another.

A post is a headline line, an optional byline, then paragraphs. Time stamps ("14.32 BST",
"UPDATE 09:15 — …") and separators (``---``) also start posts; navigation lines and photo
credits are dropped; a headline with nothing under it (a "Key events" teaser) is not a post.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise

from .dates import TimeStamp, briefing_date, combine, find_date, normalise_datetime, parse_time_stamp, with_time_of
from .model import RawEntry
from .rules import CREDIT_LABEL, NAME_PARTICLES, NUMBER_MARK, NUMBERED
from .text_clean import first_sentence, scrub, tidy_line
from .words import CAPITALISED_FUNCTION_WORDS, EXCLUDED_NAMES

# Rules drawn with ASCII (---, ===, * * *) or with dashes and box-drawing lines (———, ━━━, ═══).
_SEPARATOR = re.compile(
    r"^\s*(?:[-=_~\u2012-\u2015\u2500-\u257f\u2e3a\u2e3b\u23af\u25ac]\s*){3,}$|^\s*(?:[*•·+#.…◆◇■□●○✦✧❖]\s*){3,}$"
    r"|^\s*[§⁂❧☙✻✽❦]\s*$|^\s*…+\s*$"
)
_BULLET = re.compile(rf"^\s*(?:[-*•·▪–]|{NUMBER_MARK})\s+")
_CLOSERS = "\"'”’»)]*_ "
_SENTENCE_PUNCT = ".!;:,…"
_BYLINE_PREFIX = re.compile(r"^(?:by|from|(?:words|reported|edited|written|compiled|produced) by)\s+", re.I)
# A wire story's credit line under its text: "— Reporting by Sam Ortiz; Editing by Ana Lima".
_REPORTING_CREDIT = re.compile(
    r"^[-–—(]*\s*(?:additional\s+)?(?:reporting|writing|words)\s+by\s+([^;|]+?)\s*(?:[;|].*)?[.)]?$", re.I
)
_NAME_PARTICLES = NAME_PARTICLES | {"and", "&"}
"""Lower-case words of a byline's names, and the joins between its names."""
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ\u0100-\u024f][\w'’\-.]*$")
_CREDIT = re.compile(CREDIT_LABEL + r"\s*\S", re.I)


@dataclass
class _Draft:
    """A post being assembled."""

    title: str | None = None
    stamp: TimeStamp | None = None
    author: str | None = None
    paras: list[str] = field(default_factory=list)
    link: str | None = None
    credited: bool = False
    """The author came from a credit line under the text: this post's alone, no masthead's."""

    @property
    def empty(self) -> bool:
        return self.title is None and self.stamp is None and not self.paras


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


def dated_byline(line: str) -> str | None:
    """The name in a "Name · date" line ("Ingrid Solberg · Nov 21, 2026", "By Ana Lima | 9 June"),
    the byline of a newsletter or blog post."""
    name, separator, when = tidy_line(line).partition(" · ") if " · " in line else tidy_line(line).partition(" | ")
    if not separator or not find_date(when.replace(",", " ")):
        return None
    return byline_name(name)


def byline_name(line: str) -> str | None:
    """The author's name when ``line`` is a byline ("By Ana Lima", "Jakub Krupa")."""
    text = tidy_line(line)
    prefixed = bool(_BYLINE_PREFIX.match(text))
    text = _BYLINE_PREFIX.sub("", text).strip(" ,")
    text = re.split(r"\s+(?:in|at)\s+[A-Z]", text, maxsplit=1)[0].strip(" ,")
    if prefixed:
        text = re.split(r"\s*[,|–—]\s*", text, maxsplit=1)[0]  # "By Grace Okoye, Political Editor"
    words = text.split()
    if not 1 <= len(words) <= 6 or len(text) > 60 or any(ch.isdigit() for ch in text):
        return None
    if not prefixed and (len(words) < 2 or len(words) > 4):
        return None
    if text[-1:] in ".!?:;" and not re.search(r"\b[A-Z]\.$", text):
        return None
    tokens = [w for w in words if w.lower() not in _NAME_PARTICLES]
    if not tokens or not all(_NAME_TOKEN.match(w) for w in tokens):
        return None
    if any(w in CAPITALISED_FUNCTION_WORDS or w in EXCLUDED_NAMES for w in tokens):
        return None  # "Live Reporting", "Latest Updates": a page's furniture, not a person
    if _is_all_caps(text) and not prefixed:
        return None
    return text


_BROKEN_WORD = re.compile(r"(?<![\w-])([^\W\d_]+)-$")
_LEADING_WORD = re.compile(r"[^\W\d_]+")


def _starts_lowercase(line: str) -> bool:
    """Whether a line opens with a lowercase word (not an address such as "https://…")."""
    word = line.split(" ", 1)[0].rstrip(",.;:!?)")
    return word[:1].islower() and word.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _words_of(lines: list[str]) -> set[str]:
    return {word.lower() for line in lines for word in _LEADING_WORD.findall(line)}


def _wrap_width(lines: list[str]) -> tuple[int | None, int]:
    """The width a hard-wrapped text was wrapped at (None when it was not wrapped), and the
    width of its long lines (0 when there are too few lines to tell)."""
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 6:
        return None, 0
    width = sorted(lengths)[int(len(lengths) * 0.9)]
    if width > 100 or width < 55:
        return None, 0  # lines too long (not wrapped) or too short (a list)
    full = [line.rstrip() for line in lines if len(line) >= width * 0.8]
    if sum(1 for line in full if line.endswith(_SENTENCE_END)) > len(full) / 2:
        return None, 0  # a sentence a line, full stops at the ends: written so, not wrapped
    wrapped = len(full) >= len(lengths) * 0.3 and not all(line.strip() for line in lines)
    return (width if wrapped else None), width


_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", ")", "]")


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped paragraphs: a full-width line continues on the next line, and so does
    any line cut mid-sentence before a line that starts in lowercase (text copied from a PDF)."""
    width, long_line = _wrap_width(lines)
    if width is None and not long_line and not any(line[:1].islower() for line in lines):
        return lines  # not wrapped, and no line goes on in lowercase: nothing to join
    out: list[str] = []
    joinable = False
    vocabulary: set[str] | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append("")
            joinable = False
            continue
        above = out[-1] if out else ""
        # Cut mid-sentence: a line that stops without a full stop before a lowercase word, or
        # that stops so at the text's full width (the next word was a name: "Camp manager" /
        # "Priya Natarajan said …").
        cut = (
            not above.endswith(_SENTENCE_END)
            and not above.isupper()
            and (_starts_lowercase(stripped) or (long_line > 0 and len(above) >= long_line * 0.8))
        )
        if above and (joinable or cut) and not _SEPARATOR.match(stripped) and not _BULLET.match(stripped):
            broken = _BROKEN_WORD.search(above) if above.endswith("-") and stripped[:1].islower() else None
            if broken is None:
                out[-1] = f"{above} {stripped}"
            else:
                # A word hyphenated across the wrap ("down-" / "graded"): whole again when the
                # text writes it whole elsewhere, else joined at its hyphen ("well-known").
                vocabulary = vocabulary if vocabulary is not None else _words_of(lines)
                rest = _LEADING_WORD.match(stripped)
                whole = broken.group(1) + (rest.group(0) if rest else "")
                glue = "" if whole.lower() in vocabulary else "-"
                out[-1] = f"{above[: broken.start(1)]}{broken.group(1)}{glue}{stripped}"
        else:
            out.append(stripped)
        joinable = width is not None and len(line.rstrip()) >= width * 0.75
    return out


def _is_boilerplate(line: str, boilerplate: re.Pattern[str]) -> bool:
    if boilerplate.fullmatch(line):
        return True
    match = _CREDIT.search(line) if ":" in line else None
    # A caption ending in a photo credit, or a bare credit line.
    return match is not None and (match.start() == 0 or len(line) - match.start() < 80) and len(line) < 300


_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _without_nav_segments(boilerplate: re.Pattern[str]) -> Callable[[str], str]:
    """"6 November 2025 | View in browser": the navigation part of a line split by " | " goes,
    and the date stays (a line of navigation only becomes empty)."""

    def clean(line: str) -> str:
        if " | " not in line:
            return line
        kept = [part for part in line.split(" | ") if not boilerplate.fullmatch(_MARKDOWN_LINK.sub(r"\1", part))]
        return " | ".join(kept)

    return clean


def _without_mail_headers(lines: list[str]) -> tuple[list[str], str | None]:
    """A saved email starts with From:/To:/Date: lines; its Subject: line stays, as a title.
    Also the time its Date: (or Sent:) line gives, if any."""
    out: list[str] = []
    sent: str | None = None
    for position, line in enumerate(lines):
        header = _MAIL_HEADER.match(line) if position < 12 else None
        if header is None:
            out.append(line)
            continue
        name = line[: header.end()].strip().lower()
        if name.startswith("subject"):
            out.append(line[header.end() :])
        elif name.startswith(("date", "sent")) and sent is None:
            sent = normalise_datetime(line[header.end() :])
    return out, sent


def _numbered_heading(text: str, following: str) -> bool:
    """Whether a numbered line ("1) Water rationing extended") heads the paragraph after it,
    rather than being an item of a numbered list (the next line would be an item too)."""
    return is_headline(text) and not _BULLET.match(following) and len(following) > len(text)


def _paragraph_body(paras: list[str]) -> str:
    return "\n\n".join(re.sub(r"^([#>])", r"\\\1", para) for para in paras)


def read_plain_text(
    text: str, *, boilerplate: re.Pattern[str], default_day: date | None = None
) -> list[RawEntry]:
    """Split a plain-text briefing into posts.

    Args:
        text: the decoded file.
        boilerplate: lines matching it in full are navigation, not content.
        default_day: the day to date posts by when the text names none (e.g. from the file name).
    """
    raw_lines, sent = _without_mail_headers([tidy_line(line) for line in scrub(text).split("\n")])
    lines = [line for line in map(_without_nav_segments(boilerplate), _unwrap(raw_lines)) if not _is_boilerplate(line, boilerplate)]
    day = briefing_date(text) or default_day
    lines = _numbered_stories(_labelled_items(_summary_lists(lines)))

    drafts: list[tuple[_Draft, date | None]] = []
    current = _Draft()
    current_day = day
    masthead_author: str | None = None

    def close() -> None:
        nonlocal current, masthead_author
        carried = None
        if current.paras:
            drafts.append((current, current_day))
        else:
            if current.author and not drafts:
                masthead_author = current.author  # a newsletter's byline under its masthead
            carried = current.stamp  # "10:05", then the headline: the time is the next post's
        current = _Draft(stamp=carried)

    content = [line for line in lines if line]
    # Which lines come straight after the one before (no blank line between): a headline and
    # its "Posted at 23:40" line are one block; a teaser list, a blank line, then a time are not.
    joined = {index for index, (above, line) in enumerate(pairwise(["", *lines])) if line and above}
    block_start = [index not in joined for index, line in enumerate(lines) if line]
    for index, line in enumerate(content):
        following = content[index + 1] if index + 1 < len(content) else None
        if _SEPARATOR.match(line):
            close()
            continue
        stamp = parse_time_stamp(line)
        if stamp is not None and not stamp.has_time:
            current_day = stamp.day
            continue
        if stamp is not None:
            if current.paras or current.stamp is not None or current.title is None or block_start[index]:
                close()  # else a headline, then its time ("Posted at 23:40"), then its text
            current.stamp = stamp
            if stamp.day:
                current_day = stamp.day
            if stamp.rest:
                if is_headline(stamp.rest) or len(stamp.rest) < 100:
                    current.title = stamp.rest.strip(" -–—:")
                else:
                    current.paras.append(stamp.rest)
            continue
        if current.paras == [] and (current.title is not None or current.stamp is not None) and current.author is None:
            name = byline_name(line)
            if name and (current.title is not None or _BYLINE_PREFIX.match(line)):
                current.author = name
                continue
        credit = _REPORTING_CREDIT.match(line) if current.paras else None
        if credit is not None and (name := byline_name(f"By {credit.group(1)}")):
            if current.author is None:  # "— Reporting by Sam Ortiz; editing by …"
                current.author, current.credited = name, True
            continue
        emphasised = _EMPHASIS_LINE.match(line)
        if emphasised and is_headline(emphasised.group(1)):
            line = emphasised.group(1)  # "**Ceasefire talks resume**": a headline in bold
        numbered = _NUMBERED.match(line)
        if numbered and following is not None and _numbered_heading(numbered.group(2), following):
            line = numbered.group(2)  # "2) Chip export rules tightened", then its paragraph
        if is_headline(line):
            ends_post = following is None or _SEPARATOR.match(following) is not None
            if current.paras and ends_post:
                current.paras.append(line)
                continue
            if current.paras or current.title is not None:
                close()
            numbered = _NUMBERED.match(line)
            current.title = numbered.group(2) if numbered and _is_all_caps(numbered.group(2)) else line
            timed = _TRAILING_TIME.search(current.title) if current.stamp is None else None
            stamp = parse_time_stamp(timed.group(1) or timed.group(2)) if timed is not None else None
            if timed is not None and stamp is not None and stamp.has_time and not stamp.rest:
                current.title, current.stamp = current.title[: timed.start()], stamp  # "Ferries cancelled (10:42)"
            continue
        read_more = _READ_MORE.match(line)
        if read_more and current.paras:
            current.link = current.link or read_more.group(1)
            continue
        bare = _BARE_URL.match(line)
        closes_block = index + 1 >= len(content) or block_start[index + 1]
        headed = current.title is not None and not current.paras  # a headline, then its story's address
        if bare and current.link is None and (headed or (current.paras and closes_block)):  # or its text, then it
            current.link = bare.group(1)
            continue
        if current.paras == [] and current.author is None and (name := dated_byline(line)):
            current.author = name
            continue
        if current.empty and _BYLINE_PREFIX.match(line) and (name := byline_name(line)):
            current.author = name
            continue
        current.paras.append(line)
    close()

    _fix_midnight(drafts)
    authors = [draft.author for draft, _ in drafts if draft.author]
    if len(authors) == 1 and drafts and drafts[0][0].author and not drafts[0][0].credited and masthead_author is None:
        masthead_author = drafts[0][0].author  # a newsletter signed once, at the top
    entries: list[RawEntry] = []
    for draft, draft_day in drafts:
        title = draft.title or first_sentence(draft.paras[0])
        published = combine(draft_day, draft.stamp)
        if draft.stamp is None or not draft.stamp.has_time:
            published = with_time_of(published, sent)  # a saved email's sections: the time it was sent
        entries.append(
            RawEntry(
                title=title,
                body=_paragraph_body(draft.paras),
                author=draft.author or masthead_author,
                published=published,
                link=draft.link,
            )
        )
    return entries


def _summary_lists(lines: list[str]) -> list[str]:
    """Blocks of short, headline-like lines, read for what they are.

    A block whose lines are mostly the titles of posts elsewhere is a "Key events" teaser: it
    goes (its last line would otherwise title the text after it). Any other block of three or
    more is a list of points ("Summary": "Winds of up to 90mph hit the coast" / "Rail services
    suspended"): its lines become bullets, read as text instead of as empty headlines.
    """
    blocks: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate([*lines, ""]):
        if line and start is None:
            start = index
        elif not line and start is not None:
            blocks.append((start, index))
            start = None
    if not blocks or (len(blocks) == 1 and blocks[0] == (0, len(lines))):
        return lines  # no blank lines at all: a dump of one post per line, read line by line
    headed = [
        (first, end)
        for first, end in blocks
        # From the block's end: a post's last line is text, so most blocks fail at once.
        if end - first >= 2
        and all(is_headline(line) for line in reversed(lines[first:end]))
        and not any(parse_time_stamp(line) for line in lines[first:end])
    ]
    if not headed:
        return lines
    out = list(lines)
    everywhere = Counter(_key(line) for line in lines if line)
    for first, end in headed:
        inside = Counter(_key(line) for line in lines[first:end])
        elsewhere = [key for key in inside if everywhere[key] > inside[key]]  # written outside the block too
        if len(elsewhere) * 2 >= len(inside):
            out[first:end] = [""] * (end - first)
        elif end - first >= 3 and all(_list_point(line) for line in lines[first:end]):
            out[first:end] = [f"- {line}" for line in lines[first:end]]
    return out


# A headline's time after it: "Ferry crossings cancelled (10:42)", "… — 10:42 GMT".
_TRAILING_TIME = re.compile(r"\s*(?:[(\[]([012]?\d[:.][0-5]\d(?:\s*[A-Za-z]{2,4})?)[)\]]|\s[-–—]\s+([012]?\d[:.][0-5]\d(?:\s*[A-Z]{2,4})?))$")
_LABELLED = re.compile(r"^((?:--|[-*•–—])\s+)?([A-Z][A-Z0-9 &/'’.-]{1,40}[A-Z0-9])\s*:\s+(\S.*)$")
_FIRST_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[\"'“‘(]?[A-Z0-9])")


def _labelled_items(lines: list[str]) -> list[str]:
    """A run of lines each under its own ALL-CAPS label, "UKRAINE: Talks resumed in Geneva…" /
    "BALTICS: Estonia closed a crossing…" (a daily brief of one story a line), or a list of them
    ("-- BUDGET DEAL SLIPS: Senate leaders…", blank lines between allowed): one post each, the
    label and first sentence its headline. Labels must differ: "REPORTER: …" / "MINISTER: …"
    turns of a transcript stay its text."""
    if not any(":" in line[:48] and line.lstrip("-*•–— ")[1:2].isupper() for line in lines):
        return lines
    out: list[str] = []
    run: list[tuple[str, str]] = []
    listed = True  # every item of the run carries a list marker
    blanks = 0  # blank lines held back inside a listed run

    def flush() -> None:
        labels = [label for label, _ in run]
        if len(run) >= 2 and len(set(labels)) == len(labels):
            for label, text in run:
                sentence = _FIRST_SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".!")
                out.extend(["", f"{label}: {sentence}" if len(sentence) <= 160 else label, text, ""])
        else:
            out.extend(f"{label}: {text}" for label, text in run)
        run.clear()

    for line in lines:
        if not line.strip() and run and listed:
            blanks += 1
            continue
        found = _LABELLED.match(line) if line else None
        if found is not None and len(found.group(3).split()) >= 6 and (not blanks or found.group(1)):
            listed = (listed or not run) and bool(found.group(1))
            run.append((found.group(2), found.group(3)))
            blanks = 0
            continue
        if run:
            flush()
        out.extend([""] * blanks)
        blanks = 0
        out.append(line)
    if run:
        flush()
    out.extend([""] * blanks)
    return out


def _numbered_stories(lines: list[str]) -> list[str]:
    """"1. Ferry strike ends. Crews voted …" / "2. Port fees rise. The Harbour Board …": a
    "five things to know" list, each item a short headline sentence and its story, counting
    from 1. Each item becomes a post. A list of single sentences ("1. The budget passed.")
    stays a list."""
    if not any(line.startswith(("1. ", "1) ")) for line in lines):
        return lines  # no list starting at 1
    out: list[str] = []
    index = 0
    while index < len(lines):
        run: list[tuple[str, str]] = []
        while index + len(run) < len(lines):
            found = _NUMBERED.match(lines[index + len(run)])
            if found is None or int(found.group(1)) != len(run) + 1:
                break
            parts = _FIRST_SENTENCE_END.split(found.group(2), maxsplit=1)
            if len(parts) < 2 or not 2 <= len(parts[0].split()) <= 12 or len(parts[1].split()) < 5:
                break
            run.append((parts[0].rstrip(".!"), parts[1]))
        if len(run) >= 3:
            for headline, story in run:
                out.extend(["", headline, story, ""])
            index += len(run)
        else:
            out.append(lines[index])
            index += 1
    return out


def _list_point(line: str) -> bool:
    """A headline-like line that could be a point of a summary list: no masthead's ALL-CAPS
    name, issue date or rule."""
    return not _is_all_caps(line) and find_date(line) is None and not _SEPARATOR.match(line)


def _key(line: str) -> str:
    return " ".join(_strip_closers(line).casefold().split())


def _fix_midnight(drafts: list[tuple[_Draft, date | None]]) -> None:
    """A time that jumps by more than 12 hours between neighbouring posts crossed midnight.

    Reading down a newest-first blog, 00.20 followed by 23.50 means 23.50 was the day before;
    in an oldest-first one, 23.50 followed by 00.20 means the next day.
    """
    stamped = [
        (i, d.stamp) for i, (d, _) in enumerate(drafts) if d.stamp and d.stamp.has_time and d.stamp.known and not d.stamp.day
    ]
    shift = 0
    for (_, before), (index, after) in pairwise(stamped):
        jump = (after.hour * 60 + after.minute) - (before.hour * 60 + before.minute)
        if jump > 12 * 60:
            shift -= 1
        elif jump < -12 * 60:
            shift += 1
        draft, draft_day = drafts[index]
        if shift and draft_day is not None:
            drafts[index] = (draft, draft_day + timedelta(days=shift))
