"""Plain-text briefings: live blogs and newsletters dumped as text, one post after another.

A post is a headline line, an optional byline, then paragraphs. Time stamps ("14.32 BST",
"UPDATE 09:15 — …") and separators (``---``) also start posts; navigation lines and photo
credits are dropped; a headline with nothing under it (a "Key events" teaser) is not a post.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
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
    after_rule: bool = False
    """It began after a separator (``---``): a post of its own, timed or not."""
    labelled: bool = False
    """It began with a numbered series' label ("Bieg 15"): a post of its own, all its lines
    its text until the next time or label (a heat's riders and scores, then its report)."""
    run_on: bool = False
    """It is what follows a numbered post longer than its series' posts, to the next time."""

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
    lines = [
        _GLUED_STAMP.sub(r"\1 ", line)
        for line in map(_without_nav_segments(boilerplate), _unwrap(raw_lines))
        if not _is_boilerplate(line, boilerplate)
    ]
    lines = _joined_by_labels(lines)
    day = briefing_date(text) or default_day
    lines = _numbered_stories(_labelled_items(_summary_lists(lines)))

    drafts: list[tuple[_Draft, date | None]] = []
    current = _Draft()
    current_day = day
    masthead_author: str | None = None

    posts_begun = False  # a timed post with text came before (a blog's header and teasers precede its posts)

    def close(complete: bool = False) -> None:
        """``complete``: the next post's time ends this one (not its headline or a rule)."""
        nonlocal current, masthead_author, posts_begun
        carried = None
        if current.paras:
            drafts.append((current, current_day))
            posts_begun = posts_begun or _timed(current)
        elif complete and current.title and _timed(current) and posts_begun:
            # A timed headline with nothing under it among the posts: a post of an embed (a
            # tweet, a photo) whose text did not copy. Kept unless it teases a post (see below).
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
    titled_next = False  # the line after a post's byline is its headline
    stamps = [parse_time_stamp(line) for line in content]  # read once: the passes below share them
    labels = _numbered_labels(content, stamps)
    label_left = 0  # lines the post of a numbered label holds yet
    found_contributors: list[frozenset[str]] = []

    def contributors() -> frozenset[str]:
        """The blog's contributors (see ``_contributors``), read the first time a name asks."""
        if not found_contributors:
            found_contributors.append(_contributors(content, stamps))
        return found_contributors[0]

    for index, line in enumerate(content):
        following = content[index + 1] if index + 1 < len(content) else None
        if _SEPARATOR.match(line):
            close()
            current.after_rule = True
            continue
        stamp = stamps[index]
        if stamp is not None and not stamp.has_time:
            current_day = stamp.day
            continue
        if stamp is not None:
            if current.paras or current.stamp is not None or current.title is None or block_start[index]:
                close(complete=True)  # else a headline, then its time ("Posted at 23:40"), then its text
            current.stamp = stamp
            if stamp.day:
                current_day = stamp.day
            signed = byline_name(stamp.rest) if stamp.rest else None
            if signed and ((following is not None and _heads_post(following, stamps[index + 1])) or signed in contributors()):
                current.author = signed  # "21:22 Frances Watkins", then the headline
                titled_next = True
            elif stamp.rest and not boilerplate.fullmatch(stamp.rest):  # "18:28 KEY EVENT": a label
                if is_headline(stamp.rest) or len(stamp.rest) < 100:
                    current.title = stamp.rest.strip(" -–—:")
                else:
                    current.paras.append(stamp.rest)
            continue
        label = labels.get(index)
        if label is not None:
            # "Bieg 15  65.06 sek.": one of a live blog's numbered posts (a heat, a lap, a
            # round), untimed: it ends the post above it and heads its own.
            close()
            current.after_rule = current.labelled = True
            current.title, rest, label_left = label
            if rest:
                current.paras.append(rest)
            continue
        if current.labelled and label_left == 0:
            # A numbered post ends where its kind of post does; what follows, up to the next
            # time or label, is one piece (the notes before the start, a page's footer).
            close()
            current.after_rule = current.run_on = True
        if current.labelled or current.run_on:
            label_left -= current.labelled
            current.paras.append(line)
            continue
        if current.paras == [] and (current.title is not None or current.stamp is not None) and current.author is None:
            name = byline_name(line)
            # A name under the post's time, its headline next: the contributor of that post.
            before_headline = (
                bool(name)
                and current.title is None
                and ((following is not None and _heads_post(following, stamps[index + 1])) or name in contributors())
            )
            if name and (current.title is not None or _BYLINE_PREFIX.match(line) or before_headline):
                current.author = name
                titled_next = before_headline
                continue
        if titled_next:
            titled_next = False
            if current.title is None and not current.paras and not is_headline(line):
                current.title = line  # "Goodnight": a short headline under the post's byline
                continue
        credit = _REPORTING_CREDIT.match(line) if current.paras else None
        if credit is not None and (name := byline_name(f"By {credit.group(1)}")):
            if current.author is None:  # "— Reporting by Sam Ortiz; editing by …"
                current.author, current.credited = name, True
            continue
        if _BYLINE_PREFIX.match(line) and following is not None and (name := byline_name(line)):
            # "By Gavin O'Callaghan" opening a post (after another's text): its byline, no headline
            if current.paras:
                close()
            if current.empty:
                current.author = name
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
            if current.title is not None and not current.paras and current.stamp is not None and current.stamp.has_time:
                # A timed post's headline, then a line like one: its first paragraph (a link's
                # text, a sentence without its full stop). Its next post starts with its time.
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
        current.paras.append(line)
    close(complete=True)

    # A headline alone that is another post's headline teases that post ("Key events").
    titled = Counter((draft.title or "").casefold() for draft, _ in drafts)
    drafts = [(d, day_) for d, day_ in drafts if d.paras or (titled[(d.title or "").casefold()] == 1)]
    for draft, _ in drafts:
        if not draft.paras and draft.title:
            draft.paras.append(draft.title)
    if sum(1 for draft, _ in drafts if draft.paras and _timed(draft)) >= 3:
        drafts = _live_drafts(drafts)
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


_GLUED_STAMP = re.compile(r"^((?:[01]?\d|2[0-3])[:.][0-5]\d)(?=[A-Za-z])")
"""A time copied together with the name beside it ("21:22Frances Watkins"): two fields."""


_BY_ALONE = re.compile(r"(?i)(?:by|von|par|por|door|di)\s*:?")


def _joined_by_labels(lines: list[str]) -> list[str]:
    """A byline's "By" on a line of its own, the name on the next (a page's label and name in
    two boxes, copied): one line, "By Gavin O'Callaghan"."""
    if not any(_BY_ALONE.fullmatch(line) for line in lines):
        return lines
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _BY_ALONE.fullmatch(line):
            after = index + 1
            while after < len(lines) and not lines[after] and after <= index + 2:
                after += 1
            if after < len(lines) and lines[after] and byline_name(f"By {lines[after]}"):
                joined.append(f"{line.rstrip(': ')} {lines[after]}")
                index = after + 1
                continue
        joined.append(line)
        index += 1
    return joined


def _timed(draft: _Draft) -> bool:
    return draft.stamp is not None and draft.stamp.has_time


def _live_drafts(drafts: list[tuple[_Draft, date | None]]) -> list[tuple[_Draft, date | None]]:
    """A live blog's posts, each of them timed: an untimed headline between two of them heads
    a part of the post above it ("The backlash", "Why not Level 3?"), not a post of its own;
    a live blog copied whole from the browser has its menus ("News", "Latest News", "Expand")
    read as untimed posts of a few words, none of them a sentence, and its "more stories"
    teasers after its last post, which are dropped."""
    last_timed = max(index for index, (draft, _) in enumerate(drafts) if _timed(draft))
    kept: list[tuple[_Draft, date | None]] = []
    begun = False  # a timed post kept: what comes before is the blog's header
    for index, (draft, draft_day) in enumerate(drafts):
        timed = _timed(draft)
        if kept and not timed and not draft.after_rule and _timed(kept[-1][0]) and index < last_timed:
            kept[-1][0].paras.extend([*([draft.title] if draft.title else []), *draft.paras])
        elif timed or draft.labelled or (_says_something(draft, header=not begun) and (index < last_timed or not _teaser(draft))):
            if not begun and not timed and not draft.labelled:
                # The blog's opening text under a menu's last label ("News"): the label goes,
                # its first sentence titles it.
                if draft.title and len(draft.title.split()) <= 2:
                    draft.title = None
                while draft.title is None and len(draft.paras) > 1 and len(draft.paras[0].split()) <= 2:
                    draft.paras.pop(0)
            kept.append((draft, draft_day))
            begun = begun or timed
    return kept


_TEASER = 300
"""Characters of text an untimed piece after a live blog's last post holds at most when it is
one of the page's "more stories" teasers (a headline and a line), not a post."""


def _teaser(draft: _Draft) -> bool:
    """A short unsigned piece (a signed one is a post: the blog's opening, at the foot of a
    newest-first blog, is often untimed)."""
    return draft.author is None and sum(len(para) for para in draft.paras) < _TEASER


def _says_something(draft: _Draft, header: bool) -> bool:
    """Whether a post holds a line of a sentence's length (five words or more); in the blog's
    ``header`` (above its first post), in its text, not only its headline (a standfirst over
    the logo's name and a menu is the blog's header, no post)."""
    lines = draft.paras if header else (draft.title or "", *draft.paras)
    return any(len(line.split()) >= 5 for line in lines)


_LABEL_LINE = re.compile(r"([^\W\d_]{2,}) (\d{1,3})(?:\s+(\S.{0,39}))?")
"""A short line opening with a word and a number ("Bieg 15  65.06 sek.", "Lap 12", "Round 3")."""
_SERIES = 3
"""Lines a word must open, each with its own number, to be a series of numbered posts."""


def _numbered_labels(content: list[str], stamps: list[TimeStamp | None]) -> dict[int, tuple[str, str, int]]:
    """The lines of a live blog (its posts timed) that head a numbered series of posts: the
    same word with three or more different numbers ("Bieg 15" … "Bieg 1", the heats of a
    match), each as (label, the rest of its line, how many lines after it its post holds).
    A copy of a page keeps no markup to say where such an untimed post begins; the series
    does. Not page numbers ("Page 2 of 3": the same rest on every line), and only in a live
    blog: a how-to's "Step 1" … "Step 9" are one article's parts."""
    timed = [index for index, stamp in enumerate(stamps) if stamp is not None and stamp.has_time]
    if len(timed) < _SERIES:
        return {}
    found: dict[str, list[tuple[int, str, str]]] = {}
    for index, line in enumerate(content):
        match = _LABEL_LINE.fullmatch(line) if line[:1].isupper() and stamps[index] is None else None
        if match is not None:
            found.setdefault(match.group(1), []).append((index, match.group(2), match.group(3) or ""))
    series: dict[int, tuple[str, str]] = {}
    for word, lines in found.items():
        numbers = {number for _, number, _ in lines}
        rests = {rest for _, _, rest in lines}
        if len(numbers) >= _SERIES and len(numbers) == len(lines) and not (len(rests) == 1 and "" not in rests):
            series.update((index, (f"{word} {number}", rest)) for index, number, rest in lines)
    if not series:
        return {}
    # Each post runs to the next time or label; the last one, which nothing of the series
    # ends (the first heat, at the foot of a newest-first blog, then the untimed notes before
    # the start and the page's footer), runs no longer than the series' posts usually do.
    ends = sorted({*series, *timed, len(content)})
    held = {start: ends[bisect_right(ends, start)] - start - 1 for start in series}
    last = max(held)
    held[last] = min(held[last], sorted(held.values())[len(held) // 2])
    return {start: (label, rest, held[start]) for start, (label, rest) in series.items()}


def _contributors(content: list[str], stamps: list[TimeStamp | None]) -> frozenset[str]:
    """Names that come straight after a post's time more than once ("21:22 Frances Watkins",
    or on the line under it): the blog's contributors, each post's signature, never a title."""
    seen: Counter[str] = Counter()
    for index, stamp in enumerate(stamps):
        if stamp is None or not stamp.has_time:
            continue
        after = stamp.rest or (content[index + 1] if index + 1 < len(content) else "")
        name = byline_name(after) if after else None
        if name:
            seen[name] += 1
    return frozenset(name for name, count in seen.items() if count >= 2)


def _heads_post(line: str, stamp: TimeStamp | None) -> bool:
    """Whether a line can be a post's headline after its byline: a headline, or a short line
    ("Goodnight", "Lunch?") that is no sentence, no other name and no time (``stamp``: the
    line's, as read)."""
    short = len(line) < 60 and not line.endswith((".", ",", ";", ":"))
    timed = stamp is not None and stamp.has_time
    return (is_headline(line) or short) and byline_name(line) is None and not timed


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
