"""Markdown briefings: headings start posts; time stamps sit in headings or emphasis lines."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import replace
from datetime import date

from .dates import TimeStamp, briefing_date, combine, find_date, normalise_datetime, parse_time_stamp
from .markdown_outline import Outline, outline
from .model import RawEntry
from .plain_text import read_plain_text
from .rules import MARKDOWN_LINK, NUMBER_MARK
from .settings import load_yaml, yaml_module
from .text_clean import first_sentence, scrub, tidy_line
from .text_lines import byline_name, dated_byline, is_prefixed_byline, is_read_more, signed_and_dated

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)
_INLINE_MARKS = re.compile(r"(\*\*|__|\*|_|`|~~)")

_LINK_ONLY_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*?|_)?\s*(?:\d{1,2}[.:]\d{2}\s*\w*\s*[-–—:]?\s*)?\[[^\]]+\]\([^)]*\)\s*(?:\*\*?|_)?\s*$")
_WEB_LINK = re.compile(r"\]\((https?://[^\s)]+)\)")
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def strip_inline(text: str) -> str:
    """Heading or emphasis text without Markdown marks (and "&amp;" read as "&", as Markdown
    shows it); an escaped mark is the character it escapes ("Details\\[edit\\]" shows "[edit]")."""
    # It runs on every line of every post: each substitution only where it can apply.
    if "\\" in text and _ESCAPED.search(text) is not None:
        pieces = _ESCAPED.split(text)  # text, escaped character, text, …
        text = "".join(piece if index % 2 else _unmarked(piece) for index, piece in enumerate(pieces))
    else:
        text = _unmarked(text)
    plain = tidy_line(text)
    return tidy_line(scrub(html.unescape(plain))) if "&" in plain else plain


def _unmarked(text: str) -> str:
    if "](" in text:
        text = MARKDOWN_LINK.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text or "~~" in text:
        text = _INLINE_MARKS.sub("", text)
    return text


_META_LINE = re.compile(r"([A-Za-z][\w-]{0,30}):[ \t]+(\S.*)")
_META_KEYS = frozenset({"title", "date", "author", "authors"})
_HEADING_ATTRIBUTES = re.compile(r"\s*\{\s*(?:[#.][\w:-]+\s*)+\}\s*$")
"""A heading's attributes (Pandoc's, kramdown's, MDX's "## Sponsor {#sponsor1}"): its anchor, not its words."""
_MDX_LINE = re.compile(
    r"^(?:(?:import|export)[ \t]+(?:[\w*{}, \t]+?[ \t]from[ \t]+)?[\"'][^\"'\n]+[\"'];?"
    r"|export[ \t]+(?:const|default|function)\b.*|<[A-Z][\w.]*(?:[ \t][^<>\n]*)?/>|</?[A-Z][\w.]*(?:[ \t][^<>\n]*)?>)[ \t]*$",
    re.M,
)
"""An MDX file's lines of code: its imports and exports, and a component on a line of its own
("<Support />"; HTML's own tags are lower case)."""
_HTML_COMMENT = re.compile(r"^[ \t]{0,3}<!--.*?-->[ \t]*$", re.S | re.M)
"""A comment on lines of its own (a note to the newsletter's editors), never shown."""


def _meta_author(meta: dict[str, object]) -> str | None:
    """Who the front matter says wrote the file: "author: Ana Ruiz", a list ("authors: [ana,
    sam]"), or a name under a key ("author: {name: Ana Ruiz}")."""
    found = meta.get("author") or meta.get("authors")
    if isinstance(found, dict):
        found = found.get("name")
    if isinstance(found, list):
        names = [str(item.get("name") if isinstance(item, dict) else item) for item in found[:5] if item]
        return ", ".join(name for name in names if name and name != "None") or None
    if isinstance(found, str):
        return found.strip() or None
    return None


def _metadata_lines(text: str) -> tuple[dict[str, object], str]:
    """Pelican's and MultiMarkdown's metadata: "Key: value" lines opening the file, a blank line
    after them ("Title: This Week in Rust 665", "Date: 2026-08-19"), a title or a date among them."""
    head, blank, rest = text.partition("\n\n")
    lines = head.split("\n")
    found = [_META_LINE.fullmatch(line.strip()) for line in lines]
    if not blank or len(lines) < 2 or not all(found):
        return {}, text
    meta: dict[str, object] = {m.group(1).lower(): m.group(2).strip() for m in found if m is not None}
    return (meta, rest) if meta.keys() & _META_KEYS and ("title" in meta or "date" in meta) else ({}, text)


def _front_matter(text: str) -> tuple[dict[str, object], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return _metadata_lines(text)
    try:
        data = load_yaml(match.group(1))
    except yaml_module().YAMLError:
        return {}, text
    return (data if isinstance(data, dict) else {}), text[match.end() :]


# Notes apps' Markdown (Obsidian, Logseq, Foam): [[Page]] and [[Page|shown text]] links,
# ![[embedded files]], and "> [!note] Title" callouts.
_WIKI_EMBED = re.compile(r"!\[\[[^\]\n]*\]\]")
_WIKI_LINK = re.compile(r"\[\[([^\]|\n]+)(?:\|([^\]\n]+))?\]\]")
_CALLOUT = re.compile(r"^(\s*>\s*)\[![\w-]+\][+-]?\s*", re.M)


def _link_text(found: re.Match[str]) -> str:
    """The text a note shows for a link; a short form of the page's name ("[[Volodymyr
    Zelenskyy|Zelenskyy]]") as the full name, so the person is known by it."""
    target, shown = found.group(1).strip(), (found.group(2) or "").strip()
    if not shown:
        return target.rsplit("/", 1)[-1]  # "[[people/Rustem Umerov]]": the page, not its folder
    return target if shown in target.split() else shown


def _plain_links(text: str) -> str:
    """A notes app's links as their text, its embeds dropped, its callouts plain quotes."""
    text = _WIKI_EMBED.sub("", text)
    text = _WIKI_LINK.sub(_link_text, text)
    return _CALLOUT.sub(r"\1", text)


_LINK_TARGET = re.compile(r"\[([^\]]+)\]\(([^)\s]*)")


def _is_link_list(lines: list[str], reading_lists: bool) -> bool:
    """A section that is a list of links: the page's furniture ("Key events" teasers, a menu,
    a web page's related articles). ``reading_lists``: in a Markdown newsletter a list of
    articles' titles, each linked, is the section's text; only links to the page's own parts
    or of one or two words are furniture."""
    content = [line for line in lines if line.strip()]
    items = [line for line in content if _LINK_ONLY_ITEM.match(line)]
    if len(content) < 2 or len(items) < 0.8 * len(content):
        return False
    if not reading_lists:
        return True
    links = [found for line in items for found in _LINK_TARGET.findall(line)]
    furniture = sum(1 for text, target in links if "#" in target or len(strip_inline(text).split()) < 3)
    return furniture >= 0.5 * len(links)


_ABOVE_TITLE = 600
"""Characters of prose above a document's lone top heading that make them a text of their
own, not a menu and a standfirst: a page's article whose headline the page's chrome held."""
_PROSE_LINE = 80


def _prose(line: str) -> int:
    """Characters of a line that is sentences (no list item, heading or link alone); else 0."""
    if _LIST_ITEM.match(line) or line.lstrip().startswith(("#", ">", "|")):
        return 0
    length = len(strip_inline(line))
    return length if length >= _PROSE_LINE else 0


def _section(
    title: str | None,
    lines: list[str],
    day: date | None,
    boilerplate: re.Pattern[str],
    link: str | None = None,
    reading_lists: bool = True,
) -> RawEntry | None:
    stamp: TimeStamp | None = None
    author: str | None = None
    signature = ""
    if title:
        heading_stamp = parse_time_stamp(title)
        if heading_stamp is not None and heading_stamp.has_time:
            stamp, title = heading_stamp, heading_stamp.rest or None
        elif heading_stamp is not None and heading_stamp.day:
            day = heading_stamp.day
    if title and boilerplate.fullmatch(title):
        return None
    if _is_link_list(lines, reading_lists):
        return None
    body: list[str] = []
    head = True
    for line in lines:
        plain = strip_inline(line)
        if head and not plain:
            continue
        listed = reading_lists and _LIST_ITEM.match(line) is not None
        if head and listed:
            head = False  # a list's first item ("* [July 7, 2021, Denver …](…)"): the text, no time or byline
        if head:
            found = parse_time_stamp(plain)
            if found is not None and stamp is None and (not found.rest or len(found.rest) < 60):
                stamp = found
                signed = byline_name(found.rest) if found.rest else None  # "*Thu 08:10* · By Ana Lima"
                if signed and author is None:
                    author = signed
                elif found.rest and title is None:
                    title = found.rest
                continue
            if found is not None and stamp is None and found.has_time:
                stamp, line, plain = found, found.rest, found.rest  # "**10:42** Ferries were…": the text goes on
            name = byline_name(plain)
            if name and author is None and is_prefixed_byline(line):
                author, signature = name, line.strip()
                continue
            name, signed_day = signed_and_dated(plain)
            if name and author is None:
                author = name  # "Ingrid Solberg · Nov 21, 2026", "20 November 2025 — by Sam Ortiz"
                if stamp is None and signed_day is not None:
                    day = signed_day
                continue
        head = False
        if len(body) < 3 and not listed:
            # A byline under a subtitle, dated or "Von Roland Brockmann und Sebastian Drescher".
            name = dated_byline(plain) or (byline_name(plain) if author is None and is_prefixed_byline(line) else None)
            if name:
                author = author or name
                continue
        read_more = bool(plain) and is_read_more(plain)
        if read_more or (plain and boilerplate.fullmatch(plain)):
            if read_more:  # "[Read more →](https://…)": the post's link (an "Unsubscribe" link is none)
                target = _WEB_LINK.search(line)
                link = link or (target.group(1) if target else None)
            continue
        body.append(line.rstrip())
    while body and (not body[-1].strip() or _THEMATIC_BREAK.match(body[-1])):
        body.pop()  # the rule between this post and the next is neither's text
    while body and (not body[0].strip() or _THEMATIC_BREAK.match(body[0])):
        body.pop(0)
    text = "\n".join(body).strip() or signature  # a teaser of a title and a byline keeps its byline as text
    if not text:
        return None
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    return RawEntry(
        title=title or first_sentence(text),
        body=text,
        author=author,
        published=combine(day, stamp),
        link=link,
    )


_STORY_ITEM = re.compile(
    r"^\s{0,3}(?:[-*+•]|\d{1,2}[.)])\s+(?:\*\*|__)(?P<head>[^*_\n]{10,160}?)(?:\*\*|__)\s*[:.\-–—|]*\s*(?P<rest>.*)$"
)
_LIST_ITEM = re.compile(rf"^\s{{0,3}}(?:[-*+•]|{NUMBER_MARK})\s+")


_TRAILING_LINK = re.compile(r"\s*\[([^\]]+)\]\((https?://[^\s)]+)\)\s*$")


def _story_list(
    lines: list[str], day: date | None, boilerplate: re.Pattern[str] | None = None, min_items: int = 2
) -> list[RawEntry]:
    """The stories of a digest written as a list, each item a bold headline and its text
    ("- **EU agrees methane rules** — Member states backed …"); none for other sections.

    A headline of three words or more with a sentence after it: a list of bold labels
    ("- **Water:** trucking covers half the demand") stays the list of one entry.
    """
    items: list[tuple[str, list[str]]] = []
    loose = 0
    previous_blank = True
    for line in lines:
        found = _STORY_ITEM.match(line)
        if found and len(found.group("head").split()) >= 3:
            items.append((strip_inline(found.group("head")).rstrip(" :.-–—"), [found.group("rest")]))
        elif line.strip() and items and not previous_blank and not _LIST_ITEM.match(line):
            items[-1][1].append(line.strip())  # the item's text goes on
        elif line.strip():
            loose += 1
        previous_blank = not line.strip()
    texts = [" ".join(rest).strip() for _, rest in items]
    if len(items) < min_items or loose > 2 or sum(1 for text in texts if len(text) >= 40) < len(items) / 2:
        return []
    stories = []
    for (head, _), text in zip(items, texts, strict=True):
        target = _WEB_LINK.search(text)
        link = target.group(1) if target else None
        more = _TRAILING_LINK.search(text)
        if more is not None and boilerplate is not None and boilerplate.fullmatch(strip_inline(more.group(1)).rstrip(" →»>")):
            text, link = text[: more.start()].rstrip(), more.group(2)  # "[Read more](…)": the story's link, no text
        body = text or head
        stories.append(RawEntry(title=head, body=body, published=combine(day, None), link=link))
    return stories


def _day_of(title: str) -> date | None:
    """The day a heading is, when it is only a date ("2026-11-19", "Thursday 19 November")."""
    stamp = parse_time_stamp(title)
    return stamp.day if stamp is not None and not stamp.has_time and not stamp.rest else None


def _stamped_paragraphs(found: Outline) -> list[int]:
    """First lines of the paragraphs that open with a time ("**10:42**", "*09.15 BST* Ferries…"):
    in a live blog written without a heading per post (but its title), each starts a post,
    the first one too, right under the title. One such paragraph is no pattern."""
    starts: list[int] = []
    for start, first_line in found.paragraphs:
        stamp = parse_time_stamp(strip_inline(first_line))
        if stamp is not None and stamp.has_time:
            starts.append(start)
    return starts if len(starts) >= 2 else []


def read_markdown(
    text: str, *, boilerplate: re.Pattern[str], default_day: date | None = None, from_page: bool = False
) -> list[RawEntry]:
    """Split a Markdown briefing into posts at its entry-level headings. ``from_page``: the
    Markdown is a web page's, as converted: a section of linked titles there is the page's
    furniture (related articles), and its headings' levels are the page's own."""
    reading_lists = not from_page
    meta, text = _front_matter(scrub(text))
    if "<!--" in text and not from_page:
        text = _HTML_COMMENT.sub("", text)  # notes to the editors ("Dear contributors: …"), never shown
    if "[[" in text or "[!" in text:
        text = _plain_links(text)
    if "import " in text or "<" in text:
        text = _MDX_LINE.sub("", text)  # MDX's imports and components: code, never shown
    lines = text.split("\n")
    headings: list[tuple[int, int, int, str]] = []
    heading_links: dict[int, str] = {}
    shape = outline(text)
    for heading in shape.headings:
        content = _HEADING_ATTRIBUTES.sub("", heading.content) if "{" in heading.content else heading.content
        headings.append((heading.level, heading.start, heading.end, strip_inline(content)))
        target = _WEB_LINK.search(heading.content)  # "## [Grid operator orders reserve](https://…)"
        if target is not None:
            heading_links[heading.start] = target.group(1)
    doc_date = normalise_datetime(str(meta.get("date"))) if meta.get("date") else None
    day: date | None = date.fromisoformat(doc_date[:10]) if doc_date else None
    # Posts under a bold time instead of a heading: only in a page with no headings but its
    # title (a timetable under a "## Agenda" heading stays in its section).
    titled_only = len(headings) == 0 or (len(headings) == 1 and headings[0][1] <= min(
        (start for start, _ in shape.paragraphs), default=0
    ))
    stamps = _stamped_paragraphs(shape) if titled_only else []
    if stamps:
        # A rule between posts starts the next one, timed or not.
        stamps = sorted({*stamps, *shape.rules})
    if not headings and not stamps:
        stories = _story_list(lines, day or briefing_date(text) or default_day, boilerplate)
        return stories or read_plain_text(text, boilerplate=boilerplate, default_day=day or default_day)

    levels = Counter(level for level, *_ in headings)
    top = min(levels) if levels else 1
    document_title: str | None = None
    preamble_start = 0
    above_title: list[str] = []
    if headings and levels[top] == 1 and (len(levels) > 1 or stamps) and headings[0][0] == top:
        document_title, preamble_start = headings[0][3], headings[0][2]
        prose = [_prose(line) for line in lines[: headings[0][1]]]
        if sum(prose) >= _ABOVE_TITLE:
            # An article whose headline sat in the page's chrome, above "## Recommended for you":
            # its text, from its first sentence (the player's menus and the share bar before it
            # are not).
            first = next(i for i, length in enumerate(prose) if length)
            above_title = lines[first : headings[0][1]]
        headings = headings[1:]
        top = min((level for level, *_ in headings), default=top + 1)
    # Headings above the level the document's sections open with, after them ("# Quote of the
    # Week" among "##" sections): more sections, not the only ones.
    opening = headings[0][0] if headings else top
    if opening > top and not from_page and sum(1 for level, *_ in headings if level == opening) >= 2:
        top = opening
    # "## 2026-11-19" over "### 09:15 …" posts: the date headings say the day of the posts under them.
    day_marks: list[tuple[int, int, date]] = []
    dated = [(start, end, _day_of(title)) for level, start, end, title in headings if level == top]
    if dated and all(mark is not None for *_, mark in dated) and any(level > top for level, *_ in headings):
        day_marks = [(start, end, mark) for start, end, mark in dated if mark is not None]
        headings = [heading for heading in headings if heading[0] != top]
        top = min(level for level, *_ in headings)
    if day is None:
        found = find_date(" ".join(filter(None, [document_title, str(meta.get("title") or "")]))) or find_date(
            text[:3000].replace("_", " ")  # "_Tuesday 18 November 2026_": emphasis is no part of a word
        )
        day = found[0] if found else default_day

    cuts: list[tuple[int, int, str | None, date | None]] = [
        (start, end, title, None) for level, start, end, title in headings if level <= top
    ]
    cuts += [(start, start, None, None) for start in stamps]
    cuts += [(start, end, None, mark) for start, end, mark in day_marks]
    cuts.sort(key=lambda cut: cut[0])
    entries: list[RawEntry] = []
    if above_title and (entry := _section(None, above_title, day, boilerplate, None, reading_lists)) is not None:
        entries.append(entry)
    preamble = lines[preamble_start : cuts[0][0]]
    masthead_author = _meta_author(meta)
    bylines = [byline_name(strip_inline(line)) for line in preamble if is_prefixed_byline(line)]
    bylines += [dated_byline(strip_inline(line)) for line in preamble]
    masthead_author = masthead_author or next((name for name in bylines if name), None)
    if any(line.strip() for line in preamble):
        title = document_title or (str(meta["title"]) if isinstance(meta.get("title"), str) else None)
        entry = _section(title, preamble, day, boilerplate, None, reading_lists)  # the standfirst, under the document's title
        if entry is not None and len(entry.body) > 40:
            entries.append(entry)
    sections = [(end, cuts[index + 1][0] if index + 1 < len(cuts) else len(lines)) for index, (_, end, _, _) in enumerate(cuts)]
    # A digest of story lists: a section holding one story is a story too ("## Business" /
    # "- **Steelmaker cuts 400 jobs.** …").
    digest = any(_story_list(lines[end:stop], None) for end, stop in sections)
    for (start, end, title, mark), (_, stop) in zip(cuts, sections, strict=True):
        day = mark or day
        stories = _story_list(lines[end:stop], day, boilerplate, 1 if digest else 2)
        if stories:
            entries.extend(stories)  # "- **EU agrees methane rules** — Member states…": one story an item
            continue
        entry = _section(title, lines[end:stop], day, boilerplate, heading_links.get(start), reading_lists)
        if entry is not None:
            entries.append(entry)
    if masthead_author:
        entries = [e if e.author else replace(e, author=masthead_author) for e in entries]
    return entries
