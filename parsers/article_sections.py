"""Whether the parts a page's text was split into at its headings are the sections of one
article ("Hardware", "In use", "Wrap-up" of a review) or the stories of a newsletter issue.

Both look the same in the markup: a headline, then text under sub-headings. What tells them
apart is what the parts are about. An article's sections keep naming the subject its headline
names ("Xbox", "Emscripten", "Firefox"); a newsletter's stories each name their own, and its
issue title ("The Northern Circular #112: ferries, fish and a new bridge") names the letter.
Places do not count: a regional or country newsletter names its country in every story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from .dates import MONTHS, WEEKDAYS
from .gazetteer import bundled_gazetteer
from .model import RawEntry
from .rules import MARKDOWN_LINK
from .words import CAPITALISED_FUNCTION_WORDS, STOPWORDS

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_SENTENCE_END = re.compile(r"[.!?:;\"“”\n]\s*$|^\s*$")
_SHARE = 2 / 3
"""Of the sections after the first part, the share that must name the headline's subject."""
_SECTION_WORDS = 15
"""Parts shorter than this (a gallery's "14 photos") are not counted as sections either way."""


def subject_words(headline: str, site_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The headline's capitalised words that may name its subject: not function words, not
    places (see the module's note), not dates, not the site's name (``site_words``, casefolded: a weekly
    edition's stories are all "LWN.net"'s), at least two letters."""
    gazetteer = bundled_gazetteer()
    found: set[str] = set()
    for match in _WORD.finditer(headline):
        word = re.sub(r"['’]s$", "", match.group(0))
        if len(word) < 2 or not word[0].isupper() or word in CAPITALISED_FUNCTION_WORDS or word.lower() in STOPWORDS:
            continue
        folded = word.casefold()
        if folded in MONTHS or folded in WEEKDAYS:
            continue  # a date's words: every dated story names its month
        if any(part in site_words for part in re.split(r"[\W_]+", folded)) or any(
            len(folded) >= 3 and folded in label for label in site_words
        ):
            continue
        known = gazetteer.lookup(word)
        if known is not None and known.kind == "place":
            continue
        found.add(word)
    return frozenset(found)


def _names(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` holds one of ``words`` where a capital means a name: not as the first
    word of a sentence or a line ("Review the settings" names no "Review")."""
    for match in _WORD.finditer(text):
        word = re.sub(r"['’]s$", "", match.group(0))
        if word in words and not _SENTENCE_END.search(text[max(0, match.start() - 3) : match.start()]):
            return True
    return False


def article_span(entries: Sequence[RawEntry], headline: str, site_words: frozenset[str] = frozenset()) -> range | None:
    """Where ``entries`` (a page's text split at its headings, in order) hold one article's
    sections, the run of them that is the article; None where they are separate stories.

    They are one article's when most parts after the first that are more than a line name the
    subject its headline names. The article runs from the first part that names it to the
    last: a cookie notice or a breadcrumb before it and "More news" after it stay apart.
    """
    if len(entries) < 2:
        return None
    steps = _numbered_steps(entries)
    if steps is not None:
        return steps
    words = subject_words(headline, site_words)
    if not words:
        return None
    naming = [_names(f"{entry.title}\n{entry.body}", words) for entry in entries]
    counted = [i for i in range(1, len(entries)) if len(entries[i].body.split()) >= _SECTION_WORDS]
    if not counted or sum(naming[i] for i in counted) < _SHARE * len(counted):
        return None
    first = naming.index(True)
    last = len(naming) - 1 - naming[::-1].index(True)
    return range(first, last + 1) if last > first else None


_STEP = re.compile(r"^(?:[^\W\d_]+\s+)?(\d{1,2})[.):]?$")
"""A heading that is only a step's number ("Step 3", "Part 2", "Tag 4", "3."): an article's part."""


def _numbered_steps(entries: Sequence[RawEntry]) -> range | None:
    """The run of a page's parts from its first to its last numbered step, where two or more
    headings in a row after the first part count up one by one under the same label ("Step 1",
    "Step 2", …): a how-to's steps are one text, not stories. None elsewhere."""
    numbers: list[tuple[int, str, int]] = []
    for index, entry in enumerate(entries[1:], start=1):
        found = _STEP.match(entry.title.strip())
        if found is not None:
            numbers.append((index, entry.title.strip()[: found.start(1)].strip().casefold(), int(found.group(1))))
    if len(numbers) < 2 or numbers[0][0] != 1:
        return None  # the steps follow the article's opening part
    for (index, label, number), (after, after_label, after_number) in pairwise(numbers):
        if (after, after_label, after_number) != (index + 1, label, number + 1):
            return None
    return range(0, numbers[-1][0] + 1)


_LINKED_SHARE = 0.3
"""Of a section's text, the share in links above which it is a list of links or of stories."""


_ISSUE = re.compile(
    r"#\s?\d+|\b(?:issue|no|nr|vol|edition|ausgabe|numéro|número|numero)\.?\s?\d+"
    r"|\b(?:newsletter|digest|briefing|bulletin|round-?up|rundbrief)\b",
    re.I,
)
"""A headline naming an issue of a letter ("Week in Energy #41: …", "Issue 12", "Morning
briefing"): its parts are the issue's stories, whatever else it declares."""


def subheads_span(entries: Sequence[RawEntry], headline: str) -> range | None:
    """Of a page that declares itself one article, the run of parts that are its sections:
    from the first part to the last that is text of its own (not a box of links), where no
    part in between is a story of its own: none heads its text with a link of its own (as a
    newsletter's linked headlines do) or is mostly links, and the headline names no issue of
    a letter. None when fewer than two parts are such sections."""
    if _ISSUE.search(headline):
        return None
    own = [
        i
        for i, entry in enumerate(entries)
        if len(entry.body.split()) >= _SECTION_WORDS and _linked_share(entry.body) < _LINKED_SHARE
    ]
    if len(own) < 2 or own[0] != 0:
        return None
    last = own[-1]
    for entry in entries[1 : last + 1]:
        if entry.link is not None or _linked_share(entry.body) >= _LINKED_SHARE:
            return None
    return range(0, last + 1)


def _linked_share(text: str) -> float:
    if "](" not in text:
        return 0.0
    linked = sum(len(match.group(1)) for match in MARKDOWN_LINK.finditer(text))
    return linked / max(1, len(MARKDOWN_LINK.sub(r"\1", text)))


def one_article(entries: Sequence[RawEntry], headline: str, site_words: frozenset[str] = frozenset()) -> bool:
    """Whether ``entries`` hold one article's sections (see ``article_span``)."""
    return article_span(entries, headline, site_words) is not None


def joined(entries: Sequence[RawEntry]) -> RawEntry:
    """The sections as one entry: the first part's title, each later heading kept in the text."""
    first = entries[0]
    parts = [first.body] + [f"## {entry.title}\n\n{entry.body}".rstrip() for entry in entries[1:]]
    author = next((entry.author for entry in entries if entry.author), None)
    published = next((entry.published for entry in entries if entry.published), None)
    link = next((entry.link for entry in entries if entry.link), None)
    return replace(
        first, body="\n\n".join(part for part in parts if part), author=author, published=published, link=link
    )
