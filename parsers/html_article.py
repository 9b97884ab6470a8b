"""What a page says about its article: headline, byline, date, and whether it declares
itself one article.

A news page's headline and byline often sit outside the block that holds its text, so the
text alone would be titled by its first sentence; the page's metadata (schema.org JSON-LD,
Dublin Core, Open Graph, ``<title>``) and its byline blocks name them. One reading of them
(``page_article``) serves every page, declared an article or not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .dates import find_date, normalise_datetime
from .structured_data import node_types, person_names, plain
from .text_lines import byline_name

_ARTICLE_TYPES = ("Article", "BlogPosting", "Report")


@dataclass(frozen=True)
class DeclaredArticle:
    """What an article page says about itself in its metadata."""

    headline: str | None
    author: str | None
    published: str | None
    site_words: frozenset[str] = frozenset()
    """The site's name as words, casefolded (from its metadata, its address and what its
    ``<title>`` adds to the headline): a page's name is no subject of its article."""


LIVE_BLOG_MARKUP = '[itemtype*="LiveBlogPosting"]'
"""A live blog declared in microdata: the block around its updates."""


def page_article(tree: LexborHTMLParser, objects: list[dict[str, Any]]) -> tuple[DeclaredArticle, bool]:
    """What the page says of its article (headline, byline, and its time when it declares
    one), and whether it declares itself one article (in its JSON-LD ``objects`` or Open
    Graph; a live blog never is, in JSON-LD or in microdata). Read before the page is
    cleaned: bylines sit in its chrome."""
    found: dict[str, Any] | None = None
    live = False
    for node in objects:
        kinds = node_types(node)
        live = live or "LiveBlogPosting" in kinds
        if found is None and any(kind.endswith(_ARTICLE_TYPES) for kind in kinds):
            found = node
    # A live blog declared in microdata is one too (``itemtype=…/LiveBlogPosting``).
    live = live or tree.css_first(LIVE_BLOG_MARKUP) is not None
    metas = _metas(tree)
    # Open Graph's article:* properties belong to an article, even where og:type was left out.
    declared = not live and (found is not None or metas.get("og:type", "").lower() == "article" or "article:published_time" in metas)
    published = (
        normalise_datetime(plain((found or {}).get("datePublished")) or metas.get("article:published_time")) if declared else None
    )
    headline = page_headline(tree, objects, metas)
    facts = DeclaredArticle(headline, page_byline(tree, objects, metas), published, _site_words(tree, metas, headline))
    return facts, declared


_LETTERS = re.compile(r"[^\W\d_]+")


def _site_words(tree: LexborHTMLParser, metas: dict[str, str], headline: str | None) -> frozenset[str]:
    """See ``DeclaredArticle.site_words``."""
    site = " ".join(filter(None, (metas.get("og:site_name"), metas.get("application-name"))))
    title_node = tree.css_first("title")
    title = plain(title_node.text(deep=True)) if title_node is not None else ""
    if headline and title and _norm(headline) in _norm(title):
        site += " " + _norm(title).replace(_norm(headline), " ")
    return frozenset(word.casefold() for word in _LETTERS.findall(site)) | frozenset(_host_words(tree))


_SITE_SEPARATORS = (" | ", " ｜ ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", "|")
"""Between a title's parts (" ｜ ", the full-width bar of Japanese and Chinese titles); a bare
"|" last, and only beside the site's known name ("NEWS WEB EASY|…", as CJK titles write it)."""


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).casefold()


def without_site(title: str, site: str | None) -> str:
    """A page ``<title>`` or ``og:title`` without the site's part ("Headline | The Daily
    Ledger", "Section - Site"): the part that is the site's name where it is known, else a
    short, capitalised last part."""
    for separator in _SITE_SEPARATORS:
        if separator not in title or (separator == "|" and not site):
            continue  # a bare "|" only beside the site's known name
        parts = [p.strip() for p in title.split(separator) if p.strip()]
        if len(parts) < 2:
            continue
        dated = [p for p in parts if not _only_a_date(p)]  # "23.01.2022 - Headline"
        if dated and len(dated) < len(parts):
            return without_site(separator.join(dated), site)
        longest = max(parts, key=len)
        first = parts[0]
        if len(parts) == 2 and len(first.split()) <= 2 and first[:1].isupper() and len(parts[1]) >= 3 * len(first):
            return parts[1]  # "Opinion | Enough platitudes: Let’s name names": a section's label, or the site's
        if site:
            # The site's name, or the start of it ("Spiceworks" of "Spiceworks Inc").
            named = _norm(site)
            kept = [p for p in parts if not (named.startswith(_norm(p)) or _norm(p).startswith(named))]
            if kept and len(kept) < len(parts):
                return separator.join(kept)
            last = parts[-1]
            if len(last.split()) <= 2 and last[:1].isupper() and len(longest) >= 3 * len(last) and last is not longest:
                return separator.join(parts[:-1])  # "Headline | Espectáculos": the site's section
            continue  # the site is known and is not here: this is a subtitle, not a site's name
        last = parts[-1]
        if len(last.split()) <= 4 and last is not longest and not last[:1].islower():
            return separator.join(parts[:-1])  # "… - BBC News"; "… - an async task framework" is the headline's
    return title.strip()


def _only_a_date(part: str) -> bool:
    """Whether a title's part is a date and nothing more ("23.01.2022", "3 March 2026")."""
    found = find_date(part)
    return found is not None and not part[: found[1]].strip(" ,.") and not part[found[2] :].strip(" ,.")


def _metas(tree: LexborHTMLParser) -> dict[str, str]:
    """Every ``<meta>`` by each name it gives (``property="dc:creator twitter:site_name"``
    gives two; ``name="DC.creator"`` is ``dc.creator``), the first of a name kept. Its text is
    its ``content``, else its ``value``: pages saved by tools that normalise them (Postlight's
    parser, once Mercury, keeps its test pages so) write it there."""
    found: dict[str, str] = {}
    nodes = tree.css("meta")
    for attribute in ("property", "name", "itemprop"):  # a property before a name of the same key
        for node in nodes:
            content = plain(node.attributes.get("content") or node.attributes.get("value"))
            for key in (node.attributes.get(attribute) or "").lower().split() if content else ():
                found.setdefault(key.replace("dc.", "dc:").replace("dcterms:", "dcterm:"), content)
    return found


_TITLE_METAS = ("dc:title", "dcterm:title", "og:title", "title", "twitter:title", "parsely-title")
_AUTHOR_METAS = ("dc:creator", "dcterm:creator", "author", "parsely-author", "article:author", "byl", "sailthru.author")


def page_headline(tree: LexborHTMLParser, objects: list[dict[str, Any]], metas: dict[str, str]) -> str | None:
    """The page's own headline: its JSON-LD ``headline``; else its title metadata (Dublin
    Core, ``og:title``, …) without the site's name; else an ``<h1>`` the ``<title>`` agrees
    with (so a blog's name in an ``<h1>`` above the post is passed over); else the ``<title>``
    without the site's name; else the first ``<h1>``. Never the site's name alone."""
    site = metas.get("og:site_name") or metas.get("application-name")
    title_node = tree.css_first("title")
    title = plain(title_node.text(deep=True)) if title_node is not None else ""
    for node in objects:
        headline = plain(node.get("headline"))
        if headline and any(kind.endswith(_ARTICLE_TYPES) or kind == "WebPage" for kind in node_types(node)):
            # Some pages put a description in "headline" and the title in "name": the one the
            # page's <title> holds is its headline.
            name = plain(node.get("name"))
            # The site's name in "name" ("Aktuálně.cz", the title's last part) is none.
            if (
                name
                and _norm(name) != _norm(headline)
                and _norm(name) in _norm(title)
                and _norm(headline) not in _norm(title)
                and len(name) >= 0.5 * len(without_site(title, site))
            ):
                headline = name
            return without_site(headline, site) if site else headline
    host = _host_words(tree)
    headings = _article_headings(tree, site, host)

    def names_site(part: str) -> bool:
        return _names_host(part, host) or bool(site and _norm(part) == _norm(site))

    for key in _TITLE_METAS:
        value = metas.get(key)
        if value and title.startswith(value.rstrip()) and title[len(value.rstrip()) :].lstrip()[:1] == '"':
            value = title  # content="… de "incapacitado"": the meta cut short at a quote left raw
        if value and (not site or _norm(value) != _norm(site)):
            return _heading_in_title(value, headings, names_site) or without_site(value, site)
    h1s = [text for node in tree.css("h1")[:6] if (text := plain(node.text(deep=True)))]
    if title:
        heading = _heading_in_title(title, headings, names_site)
        if heading:
            return heading
        stripped = without_site(title, site)
        for h1 in h1s:
            if _norm(h1) in _norm(title) and len(h1) >= 0.5 * len(stripped):
                return h1
        if not site or _norm(stripped) != _norm(site):
            return stripped
    return h1s[0] if h1s else None


_CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
_BRAND = re.compile(r"logo|brand|site-?title|site-?name|masthead", re.I)


def _article_headings(tree: LexborHTMLParser, site: str | None, host: list[str]) -> list[str]:
    """The page's first ``<h1>``–``<h3>`` headings that may be its article's: not in its
    header, navigation or footer (unless inside an ``<article>``), not a logo's, not the
    site's name. What a ``<title>`` shares with one of them is the headline."""
    found: list[str] = []
    for node in tree.css("h1, h2, h3")[:12]:
        text = plain(node.text(deep=True)).rstrip(" ¶#§🔗")  # a permalink's sign after it
        if not text or len(text) > 300:
            continue
        if _in_page_chrome(node) or (site and _norm(text) == _norm(site)) or _names_host(text, host):
            continue
        found.append(text)
    return found


def _in_page_chrome(node: LexborNode) -> bool:
    parent = node.parent
    chrome = False
    while parent is not None:
        tag = parent.tag or ""
        if tag == "article":
            return False
        attrs = parent.attributes
        if tag in _CHROME_TAGS or _BRAND.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            chrome = True
        parent = parent.parent
    return chrome or bool(_BRAND.search(node.attributes.get("class") or ""))


def _host_words(tree: LexborHTMLParser) -> list[str]:
    """The letters of the page's own host name's labels ("archiv.krimiblog.de" → archiv,
    krimiblog), from its canonical address, where it says one."""
    node = tree.css_first('link[rel="canonical"], meta[property="og:url"]')
    address = (node.attributes.get("href") or node.attributes.get("content") or "") if node is not None else ""
    match = re.match(r"https?://([^/:?#]+)", address)
    if match is None:
        return []
    labels = match.group(1).lower().split(".")
    return [label.replace("-", "") for label in labels[:-1] if label not in ("www", "m") and len(label) > 2]


def _names_host(text: str, host: list[str]) -> bool:
    """Whether a heading is the site's name as its address spells it ("Krimiblog-Archiv",
    "Disfunctions.de")."""
    letters = re.sub(r"[\W_]+", "", text.casefold())
    return bool(host) and len(letters) <= 40 and any(label in letters for label in host)


_PART_BREAKS = "|:»›·/\\–—-("
"""What stands between a page title's parts ("Headline | Site", "Site » Headline")."""
_FIRST_PART_END = re.compile(r"\s[" + re.escape(_PART_BREAKS.replace("(", "")) + r"]+\s")


def _heading_in_title(title: str, headings: list[str], names_site: Callable[[str], bool]) -> str | None:
    """The heading a page's title is made of with more around it ("Headline | Site",
    "Headline : 31.10.2023", "Site » Blog » Headline"): the longest heading that is one of
    the title's parts, between its start or end and a separator; a later part only where the
    title opens with the site's name (else "Page — Project" would give the project)."""
    folded = _norm(title)
    first = _FIRST_PART_END.split(title, maxsplit=1)[0]
    best: str | None = None
    for heading in headings:
        wanted = _norm(heading)
        at = folded.find(wanted) if len(wanted) >= 4 and wanted != folded else -1
        if at < 0:
            continue
        before, after = folded[:at].rstrip(), folded[at + len(wanted) :].lstrip()
        a_part = (not before or before[-1] in _PART_BREAKS) and (not after or after[0] in _PART_BREAKS)
        if a_part and (not before or names_site(first)) and (best is None or len(heading) > len(best)):
            best = heading
    return best


_BYLINE_SELECTORS = (
    '[rel="author"]', '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', ".byline", '[class*="byline"]',
    '[data-testid*="byline"]', '[class*="author-name"]', ".author", '[class*="author"]', '[class*="auteur"]',
    '[class*="autor"]', 'a[href*="/author/"]',
)  # fmt: skip
"""Where pages sign their article (``auteur``, ``autor``: the class names of other languages)."""


def _people(value: Any, by_id: dict[str, dict[str, Any]]) -> str | None:
    """JSON-LD authors: the people among them; only where none is a person, the organisation
    (a wire service, "Contributors to …") that signs the page. An author given only by its
    ``@id`` is the node of the page's graph with that id (as WordPress's SEO plugins write it)."""
    authors = value if isinstance(value, list) else [value]
    authors = [
        by_id.get(a["@id"], a) if isinstance(a, dict) and "name" not in a and isinstance(a.get("@id"), str) else a
        for a in authors
    ]
    people = [a for a in authors if not (isinstance(a, dict) and "Organization" in str(a.get("@type", "")))]
    return person_names(people) if people and person_names(people) else person_names(authors)


_DATE_AFTER = re.compile(
    r"\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d\d|updated|published)",
    re.I,
)


def _block_name(text: str) -> str | None:
    """The name a byline block holds; one set in capitals ("NATALIYA VASILYEVA", as a
    style sheet may have it) read as the name it is."""
    name = byline_name(text)
    if name is None and text.isupper():
        name = byline_name(text.title())
    elif name is not None and name.isupper():
        name = name.title()
    return name


_WRITTEN_BY = re.compile(
    r"written by|author|verfasst von|geschrieben von|autor(?:in)?|écrit par|auteur|escrito por|scritto da|geschreven door",
    re.I,
)
_COMMENT_WORDS = frozenset({"comment", "comments", "reply", "replies", "discussion"})
_CLASS_WORD = re.compile(r"[a-z]+")


def _in_comments(node: LexborNode) -> bool:
    """Whether a byline block signs a reader's comment (in the page's comments list), not
    the article."""
    parent = node.parent
    while parent is not None:
        attrs = parent.attributes
        if _COMMENT_WORDS.intersection(_CLASS_WORD.findall(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower())):
            return True
        parent = parent.parent
    return False


def page_byline(tree: LexborHTMLParser, objects: list[dict[str, Any]], metas: dict[str, str]) -> str | None:
    """Who wrote the page's article: JSON-LD ``author`` (people, not the publisher), else a
    person microdata declares its author, else the author metadata (Dublin Core, ``author``,
    Parse.ly, ``article:author`` when not an address), else the first byline block of the page (``rel=author``, ``itemprop=author``,
    ``.byline``, ``.author``)."""
    by_id = {node["@id"]: node for node in objects if isinstance(node.get("@id"), str)}
    for node in objects:
        if any(kind.endswith(_ARTICLE_TYPES) for kind in node_types(node)):
            names = _people(node.get("author"), by_id)
            if names:
                return names
    # A person the page declares in microdata as the article's author, as JSON-LD would: before
    # the author metadata, which may name the publisher ("Condé Nast" on its magazines' pages).
    for block in tree.css('[itemprop~="author"][itemtype*="Person"]')[:3]:
        named = block.css_first('[itemprop="name"]')
        text = " ".join(((named or block).text(deep=True, separator=" ") or "").split())
        name = _block_name(_DATE_AFTER.split(text, maxsplit=1)[0]) if text and not _in_comments(block) else None
        if name:
            return name
    site = metas.get("og:site_name")
    for key in _AUTHOR_METAS:
        value = metas.get(key)
        if value and "://" not in value and not value.startswith("@") and (not site or _norm(value) != _norm(site)):
            return byline_name(value) or value
    for number in "12":
        # "twitter:label1" = "Written by", "twitter:data1" = the name: WordPress's SEO plugins.
        label, value = metas.get(f"twitter:label{number}", ""), metas.get(f"twitter:data{number}", "")
        if _WRITTEN_BY.fullmatch(label.strip()) and value and (name := byline_name(value)):
            return name
    for selector in _BYLINE_SELECTORS:
        for block in tree.css(selector)[:3]:
            if block.tag in ("meta", "link", "script", "style", "body", "html") or _in_comments(block):
                continue
            text = " ".join((block.text(deep=True, separator=" ") or "").split())
            link = block.css_first("a")
            # "Martin Untersinger (avec …)": the name before an aside; "By X March 11, 2015": before
            # the date; else the block's first link.
            text = _DATE_AFTER.split(re.sub(r"\s*\([^)]*\)", "", text), maxsplit=1)[0]
            for candidate in (text, link.text(deep=True) if link is not None else ""):
                name = _block_name(candidate) if candidate else None
                if name:
                    return name
    return None
