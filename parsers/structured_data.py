"""The posts a live page declares for search engines (schema.org ``LiveBlogPosting`` in JSON-LD).

News sites put every live update in a ``<script type="application/ld+json">`` block: headline,
text, time, author. A page saved from a site that draws its posts with JavaScript has only an
empty shell in its HTML, but still that block; there it is the page's content.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from .dates import normalise_datetime
from .html_markdown import html_to_markdown, safe_url
from .model import RawEntry
from .text_clean import scrub, tidy_line

_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
_MARKDOWN_OPENER = re.compile(r"^([#>])")  # plain text: a line's "#" or ">" is no heading or quote


def live_posts(scripts: list[str]) -> list[RawEntry]:
    """The updates of the first live blog declared in these JSON-LD texts, in their order."""
    for script in scripts:
        try:
            document = json.loads(script)
        except (ValueError, RecursionError):
            continue  # a broken block: the page's own HTML is read instead
        for node in _nodes(document, 0):
            if "LiveBlogPosting" in _types(node):
                updates = node.get("liveBlogUpdate")
                items = updates if isinstance(updates, list) else [updates]
                posts = [post for item in items if isinstance(item, dict) and (post := _post(item)) is not None]
                if posts:
                    return posts
    return []


def _nodes(value: Any, depth: int) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document (top level, lists and ``@graph``), not deeper than
    a few levels: the live blog is near the top, and a hostile file may nest without end."""
    if depth > 4:
        return
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _nodes(graph, depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    return {kind} if isinstance(kind, str) else {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def _text(value: Any) -> str:
    return scrub(value) if isinstance(value, str) else ""


def _post(item: dict[str, Any]) -> RawEntry | None:
    body = _body(_text(item.get("articleBody")) or _text(item.get("text")) or _text(item.get("description")))
    title = tidy_line(_TAG.sub("", _text(item.get("headline")) or _text(item.get("name"))))
    if not body and not title:
        return None
    return RawEntry(
        title=title,
        body=body or title,
        author=_author(item.get("author")),
        published=normalise_datetime(_text(item.get("datePublished")) or _text(item.get("dateCreated"))),
        link=safe_url(_text(item.get("url"))) if "://" in _text(item.get("url")) else None,
    )


def _body(text: str) -> str:
    """Markdown of a post's text: HTML converted; plain text kept in its paragraphs (a line
    break in JSON-LD text ends a paragraph)."""
    if _TAG.search(text):
        return html_to_markdown(text).strip()
    lines = (tidy_line(line) for line in text.split("\n"))
    return "\n\n".join(_MARKDOWN_OPENER.sub(r"\\\1", line) for line in lines if line)


def _author(value: Any) -> str | None:
    people = value if isinstance(value, list) else [value]
    names = [tidy_line(_text(p.get("name") if isinstance(p, dict) else p)) for p in people]
    named = [name for name in names if name]
    return ", ".join(named) or None
