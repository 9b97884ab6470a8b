"""Saved HTML pages: live blogs and newsletters, one entry per post block.

Navigation, cookie banners, footers, share widgets and "key events" link lists are removed
first. Posts are the innermost ``<article>`` blocks (or blocks marked as posts); a page without
them is split at its headings like a Markdown document.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .article_sections import article_span, subheads_span
from .article_sections import joined as joined_sections
from .dates import combine, epoch_moment, find_date, normalise_datetime, parse_time_stamp, with_time_of
from .html_article import LIVE_BLOG_MARKUP, DeclaredArticle, page_article
from .html_markdown import DROP_TAGS, absolute_url, nodes_to_markdown, safe_url
from .markdown_doc import read_markdown, strip_inline
from .model import RawEntry
from .structured_data import json_ld_objects, live_posts
from .text_clean import first_sentence, scrub, tidy_line
from .text_lines import byline_name

_CHROME_WORDS = frozenset(
    {"nav", "navbar", "navigation", "menu", "cookie", "cookies", "consent", "gdpr", "banner", "newsletter",
     "subscribe", "signup", "share", "sharing", "social", "related", "promo", "promotion", "advert",
     "advertisement", "ad", "ads", "sidebar", "comments", "comment", "breadcrumb", "breadcrumbs", "footer",
     "skip", "paywall", "modal", "popup", "toolbar", "keyevents", "key-events", "pagination", "tags",
     "subscription", "subscriptions", "upsell", "cta"}
)  # fmt: skip
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "dialog", "complementary"})
_POST_WORDS = frozenset({"post", "entry", "update", "block", "liveblog", "story", "item", "card", "article"})
_SPLIT = re.compile(r"[\s_\-]+")
_AUTHOR_SELECTORS = (
    '[rel="author"]', '[itemprop="author"]', ".byline", ".author", "address", '[class*="byline"]', '[class*="contributor"]',
)  # fmt: skip


_POLL_WORDS = frozenset({"poll", "polls", "survey", "quiz", "vote", "voting"})
"""A form's class words that make it a poll: its question and answers are text, not controls."""
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PREHEADER = 300
"""Characters of hidden text that are an email's preview line at most."""
_WRAPPER_SHARE = 0.4
"""A block holding this share of the page's text is its frame, whatever its tag or class says."""


_NOT_ITS_KIND = re.compile(r"(?<![\w-])no[-_]\S*")
"""A class saying what a block has not ("no-share"): none of its words says the block is chrome."""
_FILED_AS = re.compile(r"(?<![\w-])(?:tag|category)[-_]\S*")
"""WordPress files a post under classes of its tags and categories ("category-social-issues"):
the post is no social box for it."""


def _class_words(node: LexborNode) -> set[str]:
    attrs = node.attributes
    joined = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if "no" in joined:
        joined = _NOT_ITS_KIND.sub(" ", joined)
    if "hentry" in joined or "type-post" in joined:  # WordPress's post: its filing is no chrome
        joined = _FILED_AS.sub(" ", joined)
    words = set(_SPLIT.split(joined))
    if "key-events" in joined or "keyevents" in joined or "key_events" in joined:
        words.add("keyevents")
    return words - {""}


_DECLARED_ARTICLE = re.compile(r"schema\.org/\w*(?:Article|BlogPosting)\b", re.I)
"""A block's microdata type that makes it an article, as an ``<article>`` tag would
("https://schema.org/NewsArticle", "…/LiveBlogPosting"): a page's ``<body>`` so typed is
still a page, with its own header and footer."""


def _inside_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "article" or (
            parent.tag not in ("body", "html") and _DECLARED_ARTICLE.search(parent.attributes.get("itemtype") or "")
        ):
            return True
        parent = parent.parent
    return False


_ARTICLE_TEXT = 500
"""Characters of text an ``<article>`` holds when it is a story, not a teaser card."""


def _around_article(root: LexborNode) -> set[int]:
    """The blocks around the page's longest ``<article>`` (of a story's length): some pages
    open their story in an overlay ("modal", "dialog") over a list of others; the story is
    what was saved, so what holds it is no chrome, whatever its class says."""
    best: LexborNode | None = None
    best_length = _ARTICLE_TEXT
    for node in root.css("article"):
        length = _text_length(node)
        if length > best_length:
            best, best_length = node, length
    around: set[int] = set()
    holder = best.parent if best is not None else None
    while holder is not None:
        around.add(holder.mem_id)
        holder = holder.parent
    return around


def _hidden_by_attribute(node: LexborNode) -> bool:
    attrs = node.attributes
    return "hidden" in attrs or attrs.get("aria-hidden") == "true"


def _is_chrome(node: LexborNode, page_text: int) -> bool:
    tag = node.tag or ""
    attrs = node.attributes
    if _hidden_by_attribute(node):
        return True
    if tag in ("body", "html", "main", "article"):
        return False
    chrome = (
        tag == "nav"
        or (tag in ("footer", "aside", "header") and not _inside_article(node))
        or (attrs.get("role") or "").lower() in _CHROME_ROLES
        or bool(_class_words(node) & _CHROME_WORDS)
    )
    # An email's preheader ("display:none"): a line for the inbox list, not for reading.
    # Larger hidden blocks are kept: pages hide tabs, "read more" halves or all their text
    # until their scripts run.
    hidden = not chrome and bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))
    if not chrome and not hidden:
        return False
    # Chrome by its tag or class, but holding most of the page ("l-sidebar-fixed
    # l-article-body-segment", "c-ad-section" or a <header> around the article): a wrapper.
    limit = page_text * _WRAPPER_SHARE
    return _text_length(node) < (min(limit, _PREHEADER) if hidden else limit)


_HEADING_WRAPPERS = frozenset({"span", "a", "b", "strong", "em", "i", "font", "header", "hgroup"})
_HEADING_WRAPPER_WORDS = frozenset({"header", "heading", "head", "title", "headline", "hed"})


def _wraps_heading(node: LexborNode) -> bool:
    """Whether a block left empty by its heading's removal was only that heading's wrapper
    ("<span class=factbox-header>"), not a box of its own ("<div class=relatedposts>" whose
    list a script fills in): the box is then the wrapper's parent."""
    return node.tag in _HEADING_WRAPPERS or bool(_class_words(node) & _HEADING_WRAPPER_WORDS)


def _has_text(node: LexborNode) -> bool:
    return bool((node.text(deep=True) or "").strip())


def _text_length(node: LexborNode) -> int:
    """How much text a block holds: its characters, each run of spaces and line breaks as one."""
    text = node.text(deep=True)
    return len(" ".join(text.split())) if text else 0


def _longer_than(node: LexborNode, size: int) -> bool:
    """``_text_length(node) > size``, measuring only the start of a long text (the measure of
    a text's start is never more than the whole's)."""
    text = node.text(deep=True) or ""
    start = text[: 4 * size + 64]
    return len(" ".join(start.split())) > size or (len(start) < len(text) and len(" ".join(text.split())) > size)


_OTHER_STORIES = re.compile(
    r"\W*(?:related|recommended|read next|also read|(?:you )?(?:may|might) also (?:like|enjoy)|more (?:from|by) [\w ]{1,30}"
    r"|mehr (?:zum thema|vom autor|von [\w ]{1,30})"
    r"|(?:das )?könnte (?:sie|dich) auch interessieren|auch interessant|(?:verwandte|ähnliche) (?:artikel|beiträge|themen)"
    r"|sur le même sujet|(?:à )?lire aussi|(?:articles? )?(?:similaires|liés|connexes)|noticias relacionadas|te puede interesar"
    r"|articoli correlati|potrebbe interessarti|veja também|leia também|gerelateerde artikelen|lees ook|zobacz (?:też|także|również)"
    r"|czytaj (?:też|także))(?: (?:stories|articles|posts|news|content|for you|on this story|videos?))?\W*",
    re.I,
)
"""A heading over other stories the site recommends ("Related articles", "Recommended for
you", "Mehr zum Thema", "Lire aussi"): what follows it, while it is teasers, is no part of the
page. Not "More news" or "Most read": in a newsletter those are stories of the issue."""
_TEASER_WORDS = 40
"""Words a teaser's paragraph holds at most (a story's own paragraphs are longer)."""
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LINKED_HEADING = ", ".join(f"{h} a, a {h}" for h in sorted(_HEADINGS))


def _drop_teasers(heading: LexborNode) -> bool:
    """Take out a heading over other stories and the teasers after it (linked headlines,
    link lists, short paragraphs under a linked headline), up to the first block that is
    text of its own. Whether anything went."""
    following: list[LexborNode] = []
    node = heading.next
    linked_headline = False
    while node is not None:
        if node.tag in ("-text", "#text"):
            if (node.text() or "").strip():
                break
        elif node.tag not in ("script", "style", "-comment", "#comment"):
            text = " ".join((node.text(deep=True) or "").split())
            words = len(text.split())
            if not text or _mostly_linked(node, text):
                linked_headline = True  # a linked headline, a list of links
            elif node.css_first(_LINKED_HEADING) is not None and words <= 2 * _TEASER_WORDS:
                linked_headline = False  # a card: its linked headline and its teaser
            elif linked_headline and words <= _TEASER_WORDS and node.tag not in _HEADINGS:
                linked_headline = False  # a linked headline's teaser
            else:
                break  # text of its own: the page goes on
            following.append(node)
        node = node.next
    if not following:
        return False
    for node in following:
        node.decompose()
    heading.decompose()
    return True


def _mostly_linked(node: LexborNode, text: str) -> bool:
    """Whether a block is a link, or half its text (``text``, its words spaced once) is links'."""
    return node.tag == "a" or sum(_text_length(link) for link in node.css("a")) >= 0.5 * len(text)


def _is_link_list(node: LexborNode) -> bool:
    links = node.css("a")
    if len(links) < 3:
        return False
    total = _text_length(node)
    linked = sum(_text_length(link) for link in links)
    return total > 0 and linked / total > 0.75


def _clean(root: LexborNode, boilerplate: re.Pattern[str]) -> int:
    """Take a page's chrome, link lists and boilerplate out; the ``_text_length`` left.

    A page's text is measured again only when something was taken out (a long page's text
    measured over and over was a third of reading it).
    """
    for poll in root.css("form"):
        # A poll in a post (in an article: not one in the page's sidebar) is part of it.
        if _class_words(poll) & _POLL_WORDS and _inside_article(poll):
            for control in poll.css("button, label"):
                control.unwrap()  # its answers, as words (controls go below)
            poll.unwrap()
    # A photo's caption goes, and so does its alt text ("Ice"): neither is the story's text.
    for node in root.css(",".join(sorted((DROP_TAGS - {"form"}) | {"figcaption", "figure img", "figure picture"}))):
        node.decompose()
    page_text = _text_length(root)
    removed = False
    for form in root.css("form"):
        # A search box or sign-up form goes; a form around the whole page (as some site
        # builders write them) is unwrapped, its text kept, and so is a poll's (above): its
        # question and answers are the post's text, though no one votes in a terminal.
        if form.parent is not None:
            if _text_length(form) < page_text * _WRAPPER_SHARE:
                form.decompose()
                removed = True
            else:
                form.unwrap()
    around = _around_article(root)
    for node in list(root.traverse()):
        if node.parent is None:
            continue
        if _is_chrome(node, page_text) and not (node.mem_id in around and not _hidden_by_attribute(node)):
            node.decompose()
            removed = True
    if removed:
        page_text = _text_length(root)
    removed = False
    for node in root.css("ul, ol, section, div"):
        if node.parent is not None and _is_link_list(node) and _text_length(node) < page_text * _WRAPPER_SHARE:
            node.decompose()
            removed = True
    for heading in root.css("h1, h2, h3, h4, h5, h6"):
        if heading.parent is not None and _OTHER_STORIES.fullmatch(tidy_line(heading.text(deep=True) or "")):
            removed = _drop_teasers(heading) or removed
    for heading in root.css("h1, h2, h3, h4, h5, h6"):
        if heading.parent is None:
            continue
        text = tidy_line(heading.text(deep=True) or "")
        if text and boilerplate.fullmatch(text):
            container = heading.parent
            heading.decompose()
            removed = True
            # A heading in a wrapper of its own ("<span class=factbox-header><h3>Sign up…")
            # heads the box around that wrapper, when that box is a small part of the page.
            limit = 2000
            while (
                container is not None
                and container.parent is not None
                and container.tag not in ("body", "main", "article")
                and not _has_text(container)
                and _wraps_heading(container)
            ):
                container = container.parent
                limit = min(2000, int(page_text * _WRAPPER_SHARE))
            if (
                container is not None
                and container.tag not in ("body", "main", "article")
                and _text_length(container) < limit
                and container.css_first("a") is not None
            ):
                container.decompose()
    for node in root.css("p, span, div, li"):
        if node.parent is None:
            continue
        text = tidy_line(node.text(deep=True) or "")
        if text and boilerplate.fullmatch(text):
            node.decompose()
            removed = True
    return _text_length(root) if removed else page_text


def _post_blocks(root: LexborNode, root_text: int | None = None) -> list[LexborNode]:
    """The blocks of a page that are its posts; ``root_text``: the root's ``_text_length``,
    when known (a page's text is long: it is measured once)."""
    # selectolax's css() includes the node itself, so an innermost article matches once.
    innermost = [a for a in root.css("article") if len(a.css("article")) == 1]
    articles = [a for a in innermost if _longer_than(a, 20)]
    if len(articles) >= 2:
        # A short one among them is a post all the same ("#TBT", an embed's caption): one of
        # theirs, by its tag's class and its place beside them, with text beyond its time.
        places = {(a.attributes.get("class"), a.parent.mem_id if a.parent is not None else None) for a in articles}
        articles = [
            a for a in innermost
            if _longer_than(a, 20)
            or ((a.attributes.get("class"), a.parent.mem_id if a.parent is not None else None) in places and _has_words(a))
        ]  # fmt: skip
        return articles if _covers(articles, root, root_text) else []
    marked = []
    for node in root.css("div, section, li"):
        words = _class_words(node)
        if words & _POST_WORDS and _has_heading_or_time(node) and _text_length(node) > 40:
            marked.append(node)
    innermost = [n for n in marked if not any(o is not n and _contains(n, o) for o in marked)]
    if len(innermost) < 2:
        return []
    innermost = _whole_posts(innermost, {n.mem_id for n in marked})
    # A post without a headline or a <time> ("Good afternoon, we will follow…") is still a post
    # when it sits among the others, with their tag and class.
    kinds = {(n.tag, n.attributes.get("class")) for n in innermost}
    parents = {n.parent.mem_id for n in innermost if n.parent is not None}
    chosen = {n.mem_id for n in innermost}
    posts = [
        node
        for node in root.css("div, section, li")
        if node.mem_id in chosen
        or (
            (node.tag, node.attributes.get("class")) in kinds
            and node.parent is not None
            and node.parent.mem_id in parents
            and _text_length(node) > 20
        )
    ]
    posts = _outermost(posts)
    return posts if _covers(posts, root, root_text) and not _beside_more_text(posts) else []


def _declared_updates(root: LexborNode) -> list[LexborNode]:
    """The updates of a live blog its markup declares (``itemtype=…/LiveBlogPosting``): the
    blocks marked ``itemprop=liveBlogUpdate``, else the container's own blocks of the kind most
    of them are (by their first class: "coventry"), which an ad slot between them is not.
    Such a page names its posts by no word this reader knows ("coventry", "wpis")."""
    for container in root.css(LIVE_BLOG_MARKUP):
        marked = container.css('[itemprop="liveBlogUpdate"]')
        if len(marked) >= 2:
            return marked
        kinds: dict[str, list[LexborNode]] = {}
        for child in container.iter():
            if child.tag in ("div", "section", "article", "li") and _has_words(child):
                kind = (child.attributes.get("class") or "").split()
                kinds.setdefault(f"{child.tag} {kind[0] if kind else ''}", []).append(child)
        most = max(kinds.values(), key=len, default=[])
        if len(most) >= 2:
            return most
    return []


def _beside_more_text(posts: list[LexborNode]) -> bool:
    """Whether a block beside the posts, not one of them, holds more text than all of them:
    the "posts" are then an article's parts ("o-article__element": its headline block, its
    share bar) around its text ("o-article__content"), which is the page's."""
    ids = {post.mem_id for post in posts}
    parents = {post.parent.mem_id: post.parent for post in posts if post.parent is not None}
    beside = max(
        (_text_length(child) for parent in parents.values() for child in parent.iter() if child.mem_id not in ids),
        default=0,
    )
    if beside == 0:
        return False
    held = 0
    for post in posts:
        held += _text_length(post)
        if held >= beside:
            return False
    return True


_POST_FRAME = 50
"""Characters a post's frame may add to the part of it marked as a post: its time and its
contributor's name ("21:22 Frances Watkins"), not a teaser's "Link to the article"."""


def _whole_posts(innermost: list[LexborNode], marked: set[int]) -> list[LexborNode]:
    """Each post as the whole block marked as one: a post's text and headline may sit in a
    block of their own ("entry-content") inside the post's ("live-event-entry"), its time and
    contributor beside them; the post is then the frame, holding no other post, when the frame
    gives the time the inner block lacks and little more."""
    held: dict[int, int] = {}
    for node in innermost:
        parent = node.parent
        while parent is not None:
            if parent.mem_id in marked:
                held[parent.mem_id] = held.get(parent.mem_id, 0) + 1
            parent = parent.parent
    whole = []
    for node in innermost:
        if _has_time(node):
            whole.append(node)
            continue
        size = _text_length(node)
        best, parent, level = node, node.parent, 0
        while parent is not None and level < 4:
            if parent.mem_id in marked:
                if held.get(parent.mem_id, 0) != 1 or _text_length(parent) > size + _POST_FRAME:
                    break
                if _has_time(parent):
                    best = parent
                    break
            parent, level = parent.parent, level + 1
        whole.append(best)
    return whole


def _has_time(node: LexborNode) -> bool:
    return node.css_first("time") is not None or _attribute_time(node) is not None


def _outermost(posts: list[LexborNode]) -> list[LexborNode]:
    """The posts less any inside another: a post's part is not a post of its own."""
    ids = {post.mem_id for post in posts}
    kept = []
    for post in posts:
        parent = post.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            kept.append(post)
    return kept


def _has_words(node: LexborNode) -> bool:
    """Whether a block says anything besides its time stamp."""
    time = node.css_first("time")
    stamp = (time.text(deep=True) or "") if time is not None else ""
    return len((node.text(deep=True) or "").replace(stamp, "").strip()) > 1


def _covers(posts: list[LexborNode], root: LexborNode, root_text: int | None = None) -> bool:
    """Whether the posts hold a good part of the page's text: a page whose "posts" are a few
    small cards beside one long text (empty <article> slots, teaser boxes) is that text."""
    needed = 0.3 * (root_text if root_text is not None else _text_length(root))
    held = 0
    for post in posts:
        held += _text_length(post)
        if held >= needed:
            return True  # the rest need not be measured
    return held >= needed


def _main(root: LexborNode, root_text: int) -> tuple[LexborNode, int]:
    """The page's <main>, unless it holds little of the text (a <main> around the headline
    only, the article after it); with its ``_text_length`` (``root_text``: the root's)."""
    main = root.css_first("main")
    if main is None:
        return root, root_text
    main_text = _text_length(main)
    return (main, main_text) if main_text >= 0.3 * root_text else (root, root_text)


def _has_heading_or_time(node: LexborNode) -> bool:
    if node.css_first("h1, h2, h3, h4, time") is not None or _attribute_time(node) is not None:
        return True
    return any(_class_words(n) & _TIME_WORDS for n in node.css("span, div, p"))


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    parent = inner.parent
    while parent is not None:
        if parent.mem_id == outer.mem_id:
            return True
        parent = parent.parent
    return False


def _document_day(tree: LexborHTMLParser) -> date | None:
    for selector, attr in (
        ('meta[property="article:published_time"]', "content"),
        ('meta[name="date"]', "content"),
        ('meta[itemprop="datePublished"]', "content"),
        ('meta[name="dc.date"]', "content"),
        ("time[datetime]", "datetime"),
    ):
        node = tree.css_first(selector)
        value = normalise_datetime(node.attributes.get(attr) if node is not None else None)
        if value:
            return date.fromisoformat(value[:10])
    title = tree.css_first("title")
    found = find_date(title.text() if title is not None else "") or find_date(_visible_start(tree.body))
    return found[0] if found else None


_UNSEEN = frozenset({"script", "style", "noscript", "template"})


def _visible_start(body: LexborNode | None, size: int = 5000) -> str:
    """The first ``size`` characters of a page's text as read, scripts and style sheets left
    out (a cookie script's "expires=Thu, 31 Dec 2099" is no date of the page)."""
    parts: list[str] = []
    held = 0
    for node in body.traverse(include_text=True) if body is not None else ():
        if node.tag != "-text" or (node.parent is not None and node.parent.tag in _UNSEEN):
            continue
        text = node.text_content or ""
        parts.append(text)
        held += len(text)
        if held >= size:
            break
    return " ".join(parts)[:size]


_TIME_WORDS = frozenset({"time", "timestamp", "date", "posted", "published", "datetime"})
_TIME_ATTRIBUTES = ("datetime", "data-ts", "data-timestamp", "data-time", "data-published", "data-date")


def _attribute_time(block: LexborNode) -> str | None:
    """A post's time given as an attribute (data-ts="2026-07-21T16:40:00+03:00", or epoch
    seconds or milliseconds), as many live-blog pages mark their posts."""
    for name in _TIME_ATTRIBUTES:
        value = (block.attributes.get(name) or "").strip()
        found = epoch_moment(value) or (normalise_datetime(value) if value else None)
        if found:
            return found
    return None


_BYLINE_LEFTOVER = re.compile(
    r"(?:[\s\-–—|·•,:]|\b(?:by|updated|published|posted|first|last|modified|on|at)\b)*", re.I
)
"""What is left of a byline and time block once its name and time are read."""


def _beside_time(block: LexborNode, time_node: LexborNode, boilerplate: re.Pattern[str]) -> tuple[LexborNode, str | None] | None:
    """The small block a post's time sits in, with what it says beside the time: the
    contributor's name ("21:22 Frances Watkins") or a label ("KEY EVENT"), neither of them the
    post's text. None when the time has no such block of its own."""
    holder = time_node.parent
    if holder is None or holder.mem_id == block.mem_id or holder.css_first("h1, h2, h3, h4, p, li") is not None:
        return None
    stamp = tidy_line(time_node.text(deep=True) or "")
    rest = tidy_line((holder.text(deep=True) or "").replace(stamp, " ", 1)) if stamp else tidy_line(holder.text(deep=True) or "")
    if not rest or len(rest) > 60:
        return None
    name = byline_name(rest)
    if name is not None:
        return holder, name
    return (holder, None) if boilerplate.fullmatch(rest) else None


def _within(block: LexborNode, selector: str) -> Iterator[LexborNode]:
    """The nodes ``selector`` matches inside ``block``, not the block itself, which css() gives
    first when it matches: a post classed "coventry--time" is no time stamp of its own."""
    return (node for node in block.css(selector) if node.mem_id != block.mem_id)


_TITLE_WORDS = frozenset({"title", "headline", "heading"})
_LABEL = 100
"""Characters a post's title label ("Bieg 15", a heat of a match) holds at most."""


def _post_heading(block: LexborNode) -> LexborNode | None:
    """A post's headline: its heading, else a short label its class calls a title
    (``<span class="coventry__title h5">``), which some pages write instead of a heading."""
    heading = block.css_first('h1, h2, h3, h4, [itemprop="headline"]')
    if heading is not None:
        return heading
    for node in _within(block, "span, div, strong"):
        if (
            _class_words(node) & _TITLE_WORDS
            and node.css_first("p, li, div, a, img") is None
            and 0 < len(tidy_line(node.text(deep=True) or "")) <= _LABEL
        ):
            return node
    return None


def _post(
    block: LexborNode, day: date | None, base_link: str | None, boilerplate: re.Pattern[str], cards: bool = False
) -> RawEntry | None:
    """One post as an entry; ``cards``: a link around blocks in it is read (a declared live
    update sharing a story as a card), not left out as a teaser is."""
    heading = _post_heading(block)
    title = tidy_line(heading.text(deep=True) or "") if heading is not None else ""
    own_link: str | None = None
    if heading is not None:
        target = heading.css_first("a[href]")  # a story list: the headline links to the story
        href = target.attributes.get("href") if target is not None else None
        url = absolute_url(href, base_link) if href and not href.startswith("#") else None
        own_link = url if url and ("://" in url or url.startswith("mailto:")) else None  # one a reader can open
        heading.decompose()
    published: str | None = _attribute_time(block)
    time_node = block.css_first("time") or next(
        (n for n in _within(block, "span, div, p") if _class_words(n) & _TIME_WORDS and len(n.text(deep=True) or "") < 40),
        None,
    )
    beside_time = _beside_time(block, time_node, boilerplate) if time_node is not None else None
    if time_node is not None and published is not None:
        time_node.decompose()
    elif time_node is not None:
        stamp = parse_time_stamp(time_node.text() or "")
        if stamp is None and time_node.tag != "time" and not time_node.attributes.get("datetime"):
            time_node = None  # a label classed as a time that states none ("14 min 05 s", a leg's) is text
        else:
            published = normalise_datetime(time_node.attributes.get("datetime")) or normalise_datetime(
                f"{day.isoformat() if day else ''} {time_node.text()}".strip()
            )
            if published is None and day is not None:
                published = combine(day, stamp)
            time_node.decompose()
    elif published is None:
        # "<p><em>Posted 23 November 2026, 09:30</em></p>" heading the post's text.
        first = block.css_first("p")
        stamp = parse_time_stamp(tidy_line(first.text(deep=True) or "")) if first is not None else None
        if first is not None and stamp is not None and not stamp.rest and (stamp.day or stamp.has_time):
            published = combine(day, stamp)
            first.decompose()
    author: str | None = None
    if beside_time is not None:
        holder, author = beside_time
        holder.decompose()
    for selector in () if author else _AUTHOR_SELECTORS:
        node = block.css_first(selector)
        if node is not None:
            author = byline_name(tidy_line(node.text(deep=True) or ""))
            node.decompose()
            if author:
                break
    if author is None:
        # A contributor's name alone on the post's first line (a second reporter joining the
        # blog) signs that post: it is neither its title nor its text.
        first = block.css_first("p")
        line = tidy_line(first.text(deep=True) or "") if first is not None else ""
        name = byline_name(line) if line and first is not None and not first.css_first("a, img") else None
        if first is not None and name is not None and first.next is not None:
            author = name
            first.decompose()
    body = scrub(nodes_to_markdown(block.iter(include_text=True), cards=cards))
    if _BYLINE_LEFTOVER.fullmatch(body):
        body = ""  # "By … - Updated …": a byline and its times, the name and time taken out
    if not body and not (title and published and "T" in published and not _BYLINE_LEFTOVER.fullmatch(title)):
        return None  # (a timed headline over an embed, a tweet or a photo, is read on: see _read_html)
    anchor = block.attributes.get("id")
    link = own_link or (safe_url(f"{base_link}#{anchor}") if base_link and anchor else None)
    return RawEntry(
        title=scrub(title) or first_sentence(body),
        body=body,
        author=author,
        published=published or combine(day, None),
        link=link,
    )


_DEEP_PAGE = 12_000
"""Python frames a page may take: its tree is walked recursively, two or three frames a level,
and real pages (site builders, mail clients' quoting) nest a few hundred levels deep."""


def read_html(text: str, *, boilerplate: re.Pattern[str], default_day: date | None = None) -> list[RawEntry]:
    """Read the posts of a saved HTML page (deeper than ~4,000 levels: a RecursionError)."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _DEEP_PAGE))
    try:
        return _read_html(text, boilerplate, default_day)
    finally:
        sys.setrecursionlimit(limit)


def _read_html(text: str, boilerplate: re.Pattern[str], default_day: date | None) -> list[RawEntry]:
    tree = LexborHTMLParser(text)
    root = tree.body
    if root is None:
        return []
    day = _document_day(tree) or default_day
    canonical = tree.css_first('link[rel="canonical"], base[href], meta[property="og:url"]')
    address = (canonical.attributes.get("href") or canonical.attributes.get("content")) if canonical is not None else None
    base_link = safe_url(address) if address and "://" in address else None
    scripts = [node.text() or "" for node in tree.css('script[type="application/ld+json"]')]
    declared = json_ld_objects(scripts) if scripts else []
    facts, declares = page_article(tree, declared)
    main, main_text = _main(root, _clean(root, boilerplate))
    updates = _declared_updates(main)
    declared_live = bool(updates) and _covers(updates, main, main_text)
    blocks = updates if declared_live else _post_blocks(main, main_text)
    read = [(block, _post(block, day, base_link, boilerplate, cards=declared_live)) for block in blocks]
    posted = [entry for _, entry in read if entry is not None]
    # A headline over an embed (a tweet, a photo) is a post of a live page, its posts each
    # timed; elsewhere a headline with nothing under it is a page's furniture.
    live = len({entry.published for entry in posted if entry.published and "T" in entry.published}) >= 3
    entries = [replace(entry, body=scrub(entry.title)) if not entry.body else entry for entry in posted if entry.body or live]
    from_text = not entries
    if not entries:
        if blocks:  # only headlines with nothing under them, taken out of the tree as read
            root = LexborHTMLParser(text).body or root
            main, _ = _main(root, _clean(root, boilerplate))
        entries = read_markdown(
            nodes_to_markdown(main.iter(include_text=True)), boilerplate=boilerplate, default_day=day, from_page=True
        )
        # A title taken from a line of the page's text as converted keeps that line's Markdown
        # ("16 statt 8,99 € \\*\\*", "18.00 Uhr**"): the page showed neither.
        entries = [
            replace(entry, title=strip_inline(entry.title)) if "\\" in entry.title or "**" in entry.title else entry
            for entry in entries
        ]
    # One block read as a post ("article-content post-page", beside a "post-meta" byline) is
    # the page's one text, not a live page of one post: the page's headline titles it.
    from_posts = not from_text and len(entries) > 1
    # Posts that each give their own time are a live page's; a page's blocks under one time
    # (or none) may be one article's sections.
    timed_posts = from_posts and len({entry.published for entry in entries if entry.published}) > 1
    lead = _lead_block(main, [block for block, entry in read if entry is not None and (entry.body or live)]) if timed_posts else None
    opening = _post(lead, day, base_link, boilerplate) if lead is not None else None
    if opening is not None:
        # A live page's opening text, above its posts: the blog's own, under its headline.
        entries.insert(0, replace(opening, title=facts.headline or opening.title, author=opening.author or facts.author))
    # A page that declares one article, or a page of one text (no posts in it), declared or not.
    if declares or (not from_posts and (facts.headline or facts.author)):
        # The sections of one article (a newsletter issue) share its author and time.
        entries = [_as_declared(entry, facts, from_posts) for entry in entries]
        entries = _headline_first(
            entries,
            facts.headline,
            one_article=declares or not from_posts,
            posts=from_posts,
            site=facts.site_words,
            sections=not timed_posts,
            declared=declares,
        )
    if declared:
        # A page whose posts are drawn by JavaScript saves as an empty shell: the live blog it
        # declares for search engines is then its content. Its own HTML wins when it holds as
        # many posts (it keeps their links and formatting).
        posts = live_posts(declared)
        if len(posts) >= 2 and len(posts) > len(entries):
            return posts
    return entries


_LEAD_WORDS = frozenset({"lead", "intro", "introduction", "summary", "standfirst", "opening"})
_LEAD_TEXT = 200
"""Characters a live page's opening text holds at least: a one-line standfirst is no entry."""


def _lead_block(main: LexborNode, posts: list[LexborNode]) -> LexborNode | None:
    """The block of a live page's opening text ("live-event-lead-entry"): marked as its lead
    by its class, above the first post and holding none, longer than a standfirst. Its text
    would otherwise be lost: a page of posts is read as its posts."""
    first = posts[0].mem_id
    found: list[LexborNode] = []
    for node in main.css("div, section"):
        if node.mem_id == first:
            break
        if _class_words(node) & _LEAD_WORDS and _longer_than(node, _LEAD_TEXT):
            found = [n for n in found if not _contains(node, n)]
            if not any(_contains(n, node) for n in found):
                found.append(node)
    if len(found) != 1 or any(_contains(found[0], post) for post in posts[:1]):
        return None
    return found[0]


def _as_declared(entry: RawEntry, article: DeclaredArticle, post: bool) -> RawEntry:
    """An entry of a page that declares one article, signed and dated from the page's metadata
    when it is neither. The page's byline outranks a name the text of one of its sections
    seemed to be signed with; a post's own byline outranks the page's."""
    author = (entry.author or article.author) if post else (article.author or entry.author)
    return replace(
        entry,
        body=_without_byline_line(entry.body, author),
        author=author,
        published=with_time_of(entry.published, article.published),
    )


_BY = re.compile(r"^(?:by|par|von|por|di)\s+", re.I)


def _without_byline_line(body: str, author: str | None) -> str:
    """The text without its first paragraph where that is the byline the entry is signed
    with, alone or with a date ("TOVE LINDQVIST 20 November 2026", "By Ana Lima · 3 March"):
    the page's byline block, printed again above the text."""
    if not author:
        return body
    for _ in range(3):  # "John C. Welch" / "John C. Welch" / "Oct 15, 2015 · 18 min read"
        shorter = _without_first_byline(body, author)
        if shorter is body:
            return body
        body = shorter
    return body


def _without_first_byline(body: str, author: str) -> str:
    first, _, rest = body.partition("\n\n")
    line = _BY.sub("", tidy_line(first.replace("*", "").replace("_", " ")))
    name = " ".join(author.split())
    if len(line) > len(name) + 40 or not line.casefold().startswith(name.casefold()):
        return body
    left = line[len(name) :].strip(" ·|,–—-")
    found = find_date(left) if left else None
    if left and not (found is not None and not left[: found[1]].strip(" ·|,–—-") and not left[found[2] :].strip(" ·|,–—-:0123456789apmAPM")):
        return body
    return rest.lstrip("\n") if rest.strip() else body


_STAMP_WORDS = re.compile(r"^(?:(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?\b[:\s]*)+", re.I)


def _weak_title(entry: RawEntry) -> bool:
    """A title that only stands in for one: the text's first sentence, a date line ("Published
    Thu 27 Jul 2017"), or a heading that is a sentence (a standfirst ends with a full stop, a
    headline does not)."""
    title = entry.title.rstrip("…").rstrip()
    if entry.title == first_sentence(entry.body) or entry.body.startswith(title):
        return True
    letters = "".join(_WORDS.findall(title))
    if letters and "".join(_WORDS.findall(entry.body[: 2 * len(title) + 20])).startswith(letters):
        return True  # the same words, its marks escaped ("Home \\> News") or dropped
    if re.search(r"[^.]\.$", title) and len(title.split()) >= 4:
        return True
    stamp = parse_time_stamp(_STAMP_WORDS.sub("", title))
    return stamp is not None and not stamp.rest and bool(stamp.day)


_WHOLE_TEXT = 0.7
"""Of a page's text, the share one entry holds when it is the article (the rest: boxes and
captions around it), whatever heading inside it came first."""
_SCRAP = 0.1
"""Beside such an article, an entry with less than this share of its length (and few words)
is a box of the page ("Got a tip?", a breadcrumb, "From the section …"), not an entry."""


def _headline_first(
    entries: list[RawEntry],
    headline: str | None,
    one_article: bool,
    posts: bool,
    site: frozenset[str] = frozenset(),
    sections: bool = False,
    declared: bool = False,
) -> list[RawEntry]:
    """An article's page with its entry titled by the page's headline (which sat outside the
    article's text, or only in its metadata) where no entry has it already: the entry holding
    the bulk of the page's text when the page is one article (the scraps around it dropped),
    else the first entry when its title only stands in for one (its first sentence, a date,
    the headline cut short). A newsletter's first story keeps its heading; a page's posts are
    all kept (a live post may be one line). ``sections``: whether the parts may be one
    article's sections (not posts that each give a time), joined where they are (see
    ``article_sections``)."""
    if not headline or not entries:
        return entries
    wanted = _norm_title(headline)
    span = article_span(entries, headline, site) if one_article and sections else None
    if span is None and declared and sections:
        # A page that declares one article, split at sub-headings none of which heads a story
        # of its own ("Mehrheit für Verschiebung" in a report): its sections.
        span = subheads_span(entries, headline)
    if span is not None:  # a review's "Hardware", "In use", "Wrap-up"
        article = joined_sections(entries[span.start : span.stop])
        entries = [*entries[: span.start], article, *entries[span.stop :]]
        posts = False  # the page's blocks were an article's parts: the rest are its scraps
        own = _norm_title(article.title)
        if not _weak_title(article) and _agrees(article.title, headline) and not (wanted in own and wanted != own):
            # Its own heading says what the metadata says, in the page's words (the metadata
            # may have the site's name in front, or mangled letters): the heading stays; not
            # where it is the headline with more around it ("23.01.2022 - Headline").
            headline, wanted = article.title, _norm_title(article.title)
    total = sum(len(e.body) for e in entries)
    if one_article:
        entries = _stub_joined(entries, wanted, total)
    titled = [i for i, e in enumerate(entries) if _norm_title(e.title) == wanted]
    if one_article:
        main = max(range(len(entries)), key=lambda i: len(entries[i].body))
        article = entries[main]
        if len(article.body) >= _WHOLE_TEXT * total and (not titled or main in titled):
            kept = [
                (e if titled else _retitled(e, headline)) if i == main else e
                for i, e in enumerate(entries)
                if posts or i == main or len(e.body) >= _SCRAP * len(article.body) or len(e.body.split()) >= 40
            ]
            return kept
    if titled:
        return entries
    first = entries[0]
    title = _norm_title(first.title.rstrip("…").rstrip(" :"))
    if _weak_title(first) or (title and title in wanted and len(title) >= 0.4 * len(wanted)):
        return [replace(first, title=headline), *entries[1:]]
    return entries


_AGREES = 0.6
"""Of a heading's words, the share the page's headline must hold for the two to agree."""


def _agrees(heading: str, headline: str) -> bool:
    """Whether a heading is the headline in the page's own words (the metadata's may put the
    blog's name in front, add a clause, or mangle a letter): most of its words are the
    headline's."""
    mine, theirs = _WORDS.findall(heading.casefold()), set(_WORDS.findall(headline.casefold()))
    return len(mine) >= 2 and sum(word in theirs for word in mine) >= _AGREES * len(mine)


_WORDS = re.compile(r"\w+")


def _retitled(entry: RawEntry, headline: str) -> RawEntry:
    """The article's entry under the page's headline; the heading it had, one inside the
    article ("5) Skagen"), kept at the head of its text."""
    had, wanted = _norm_title(entry.title), _norm_title(headline)
    if _weak_title(entry) or " " not in had or had in wanted or wanted in had:
        return replace(entry, title=headline)  # a sentence, a file name, the headline again
    return replace(entry, title=headline, body=f"## {entry.title}\n\n{entry.body}")


def _stub_joined(entries: list[RawEntry], wanted: str, total: int) -> list[RawEntry]:
    """An article whose headline heads only its standfirst, the rest of its text under the
    first heading inside it ("21) Star Wars", the first of a list): one entry, under the
    headline, that heading kept in its text."""
    main = max(range(len(entries)), key=lambda i: len(entries[i].body))
    article = entries[main]
    if main == 0 or len(article.body) < _WHOLE_TEXT * total or _norm_title(article.title) == wanted:
        return entries
    stub = entries[main - 1]
    if _norm_title(stub.title) != wanted or len(stub.body) >= _SCRAP * len(article.body):
        return entries
    article = _retitled(article, stub.title)
    body = "\n\n".join(part for part in (stub.body, article.body) if part)
    joined = replace(article, body=body, author=article.author or stub.author)
    return [*entries[: main - 1], joined, *entries[main + 1 :]]


def _norm_title(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()
