"""Plain-text briefings: live blogs and newsletters dumped as text, one post after another.

A post is a headline line, an optional byline, then paragraphs. Time stamps ("14.32 BST",
"UPDATE 09:15 — …") and separators (``---``) also start posts; navigation lines and photo
credits are dropped; a headline with nothing under it (a "Key events" teaser) is not a post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise

from .dates import TimeStamp, briefing_date, combine, parse_time_stamp, with_time_of
from .model import RawEntry
from .text_clean import first_sentence, scrub, tidy_line
from .text_lines import (
    _BARE_URL,
    _BYLINE_PREFIX,
    _EMPHASIS_LINE,
    _NUMBERED,
    _READ_MORE,
    _REPORTING_CREDIT,
    _SEPARATOR,
    _is_all_caps,
    _is_boilerplate,
    _numbered_heading,
    byline_name,
    dated_byline,
    is_headline,
)
from .text_passes import (
    _labelled_items,
    _numbered_stories,
    _summary_lists,
    _unwrap,
    _without_mail_headers,
    _without_nav_segments,
)


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


# A headline's time after it: "Ferry crossings cancelled (10:42)", "… — 10:42 GMT".
_TRAILING_TIME = re.compile(r"\s*(?:[(\[]([012]?\d[:.][0-5]\d(?:\s*[A-Za-z]{2,4})?)[)\]]|\s[-–—]\s+([012]?\d[:.][0-5]\d(?:\s*[A-Z]{2,4})?))$")


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
