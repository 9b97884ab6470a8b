"""What a page that declares itself one article says about it: headline, author, date.

A news page's headline and byline often sit outside the block that holds its text, so the
text alone would be titled by its first sentence; the page's metadata (schema.org JSON-LD,
``og:title``, ``article:published_time``) names them exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from .dates import normalise_datetime
from .structured_data import node_types, person_names, plain

_ARTICLE_TYPES = ("Article", "BlogPosting", "Report")


@dataclass(frozen=True)
class DeclaredArticle:
    """What an article page says about itself in its metadata."""

    headline: str | None
    author: str | None
    published: str | None


def declared_article(tree: LexborHTMLParser, objects: list[dict[str, Any]]) -> DeclaredArticle | None:
    """The article a page declares (in its JSON-LD ``objects`` or ``og:type``), or None when
    it declares none or is a live blog."""
    found: dict[str, Any] | None = None
    for node in objects:
        kinds = node_types(node)
        if "LiveBlogPosting" in kinds:
            return None
        if found is None and any(kind.endswith(_ARTICLE_TYPES) for kind in kinds):
            found = node
    kind = tree.css_first('meta[property="og:type"]')
    # Open Graph's article:* properties belong to an article, even where og:type was left out.
    declared = (kind is not None and (kind.attributes.get("content") or "").strip().lower() == "article") or (
        tree.css_first('meta[property="article:published_time"]') is not None
    )
    if found is None and not declared:
        return None
    node = found or {}
    return DeclaredArticle(
        headline=plain(node.get("headline")) or _meta(tree, 'meta[property="og:title"]') or _heading(tree),
        author=person_names(node.get("author")) or _meta(tree, 'meta[name="author"]'),
        published=normalise_datetime(
            plain(node.get("datePublished")) or _meta(tree, 'meta[property="article:published_time"]')
        ),
    )


def _meta(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    return (plain(node.attributes.get("content")) or None) if node is not None else None


def _heading(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("h1")
    return (plain(node.text(deep=True)) or None) if node is not None else None


_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ")


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).casefold()


def without_site(title: str, site: str | None) -> str:
    """A page ``<title>`` or ``og:title`` without the site's part ("Headline | The Daily
    Ledger", "Section - Site"): the part that is the site's name, else a short last part."""
    for separator in _SITE_SEPARATORS:
        if separator not in title:
            continue
        parts = [p.strip() for p in title.split(separator) if p.strip()]
        if len(parts) < 2:
            continue
        if site:
            kept = [p for p in parts if _norm(p) != _norm(site)]
            if len(kept) < len(parts) and kept:
                return separator.join(kept)
        longest = max(parts, key=len)
        if len(parts[-1].split()) <= 4 and parts[-1] is not longest:
            return separator.join(parts[:-1])
    return title.strip()


def _metas(tree: LexborHTMLParser) -> dict[str, str]:
    """Every ``<meta>`` by each name it gives (``property="dc:creator twitter:site_name"``
    gives two; ``name="DC.creator"`` is ``dc.creator``), the first of a name kept."""
    found: dict[str, str] = {}
    nodes = tree.css("meta")
    for attribute in ("property", "name", "itemprop"):  # a property before a name of the same key
        for node in nodes:
            content = plain(node.attributes.get("content"))
            for key in (node.attributes.get(attribute) or "").lower().split() if content else ():
                found.setdefault(key.replace("dc.", "dc:").replace("dcterms:", "dcterm:"), content)
    return found


_TITLE_METAS = ("dc:title", "dcterm:title", "og:title", "title", "twitter:title", "parsely-title")
_AUTHOR_METAS = ("dc:creator", "dcterm:creator", "author", "parsely-author", "article:author", "byl", "sailthru.author")


def page_headline(tree: LexborHTMLParser, objects: list[dict[str, Any]]) -> str | None:
    """The page's own headline: its JSON-LD ``headline``; else its title metadata (Dublin
    Core, ``og:title``, …) without the site's name; else an ``<h1>`` the ``<title>`` agrees
    with (so a blog's name in an ``<h1>`` above the post is passed over); else the ``<title>``
    without the site's name; else the first ``<h1>``. Never the site's name alone."""
    metas = _metas(tree)
    site = metas.get("og:site_name") or metas.get("application-name")
    title_node = tree.css_first("title")
    title = plain(title_node.text(deep=True)) if title_node is not None else ""
    for node in objects:
        headline = plain(node.get("headline"))
        if headline and any(kind.endswith(_ARTICLE_TYPES) or kind == "WebPage" for kind in node_types(node)):
            # Some pages put a description in "headline" and the title in "name": the one the
            # page's <title> holds is its headline.
            name = plain(node.get("name"))
            if name and _norm(name) != _norm(headline) and _norm(name) in _norm(title) and _norm(headline) not in _norm(title):
                return name
            return headline
    for key in _TITLE_METAS:
        value = metas.get(key)
        if value and (not site or _norm(value) != _norm(site)):
            return without_site(value, site)
    h1s = [text for node in tree.css("h1")[:6] if (text := plain(node.text(deep=True)))]
    if title:
        stripped = without_site(title, site)
        for h1 in h1s:
            if _norm(h1) in _norm(title) and len(h1) >= 0.5 * len(stripped):
                return h1
        if not site or _norm(stripped) != _norm(site):
            return stripped
    return h1s[0] if h1s else None


_BYLINE_SELECTORS = (
    '[rel="author"]', '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', ".byline", '[class*="byline"]',
    '[class*="author-name"]', ".author", '[class*="author"]', '[class*="auteur"]', '[class*="autor"]',
)  # fmt: skip
"""Where pages sign their article (``auteur``, ``autor``: the class names of other languages)."""


def _people(value: Any) -> str | None:
    """JSON-LD authors that are people (an Organization as author is the publisher)."""
    people = value if isinstance(value, list) else [value]
    kept = [p for p in people if not (isinstance(p, dict) and "Organization" in str(p.get("@type", "")))]
    return person_names(kept) if kept else None


_DATE_AFTER = re.compile(
    r"\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d\d|updated|published)",
    re.I,
)


def _block_name(text: str) -> str | None:
    """The name a byline block holds; one set in capitals ("NATALIYA VASILYEVA", as a
    style sheet may have it) read as the name it is."""
    from .text_lines import byline_name

    name = byline_name(text)
    if name is None and text.isupper():
        name = byline_name(text.title())
    elif name is not None and name.isupper():
        name = name.title()
    return name


def page_byline(tree: LexborHTMLParser, objects: list[dict[str, Any]]) -> str | None:
    """Who wrote the page's article: JSON-LD ``author`` (people, not the publisher), else the
    author metadata (Dublin Core, ``author``, Parse.ly, ``article:author`` when not an
    address), else the first byline block of the page (``rel=author``, ``itemprop=author``,
    ``.byline``, ``.author``). Read before the page is cleaned: bylines sit in its chrome."""
    from .text_lines import byline_name

    for node in objects:
        if any(kind.endswith(_ARTICLE_TYPES) for kind in node_types(node)):
            names = _people(node.get("author"))
            if names:
                return names
    metas = _metas(tree)
    site = metas.get("og:site_name")
    for key in _AUTHOR_METAS:
        value = metas.get(key)
        if value and "://" not in value and not value.startswith("@") and (not site or _norm(value) != _norm(site)):
            return byline_name(value) or value
    for selector in _BYLINE_SELECTORS:
        for block in tree.css(selector)[:3]:
            if block.tag in ("meta", "link", "script", "style", "body", "html"):
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
