"""What a page that declares itself one article says about it: headline, author, date.

A news page's headline and byline often sit outside the block that holds its text, so the
text alone would be titled by its first sentence; the page's metadata (schema.org JSON-LD,
``og:title``, ``article:published_time``) names them exactly.
"""

from __future__ import annotations

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
