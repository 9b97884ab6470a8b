"""What a page declares about itself for search engines (schema.org objects in JSON-LD).

News sites put every live update in a ``<script type="application/ld+json">`` block: headline,
text, time, author. A page saved from a site that draws its posts with JavaScript has only an
empty shell in its HTML, but still that block; there it is the page's content. An article page
declares its headline, authors and time the same way (see ``html_article``).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from .dates import normalise_datetime
from .html_markdown import html_to_markdown, safe_url
from .model import RawEntry
from .text_clean import scrub, tidy_line

_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
_MARKDOWN_OPENER = re.compile(r"^([#>])")  # plain text: a line's "#" or ">" is no heading or quote
_CDATA_WRAPPER = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
"""An XHTML page's guard around a script's text (``<![CDATA[ … ]]>``, or ``//<![CDATA[``)."""


def json_ld_objects(scripts: list[str]) -> list[dict[str, Any]]:
    """Every object of these JSON-LD texts (top level, lists and ``@graph``), in order; a
    broken block is passed over (the page's own HTML is read instead)."""
    found: list[dict[str, Any]] = []
    for script in scripts:
        try:
            document = json.loads(_CDATA_WRAPPER.sub("", script))
        except (ValueError, RecursionError):
            continue
        found.extend(_nodes(document, 0))
    return found


def node_types(node: dict[str, Any]) -> set[str]:
    """A JSON-LD object's ``@type`` names ("NewsArticle", or a list of them)."""
    kind = node.get("@type")
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def live_posts(objects: list[dict[str, Any]]) -> list[RawEntry]:
    """The updates of the first live blog among these JSON-LD objects, in their order."""
    for node in objects:
        if "LiveBlogPosting" in node_types(node):
            updates = node.get("liveBlogUpdate")
            items = updates if isinstance(updates, list) else [updates]
            posts = [post for item in items if isinstance(item, dict) and (post := _post(item)) is not None]
            if posts:
                return posts
    return []


def _nodes(value: Any, depth: int) -> list[dict[str, Any]]:
    """Not deeper than a few levels: what a page declares is near the top, and a hostile
    file may nest without end."""
    if depth > 4:
        return []
    if isinstance(value, list):
        return [node for item in value for node in _nodes(item, depth + 1)]
    if isinstance(value, dict):
        graph = value.get("@graph")
        return [value, *(_nodes(graph, depth + 1) if graph is not None else [])]
    return []


def _text(value: Any) -> str:
    return scrub(value) if isinstance(value, str) else ""


def plain(value: Any) -> str:
    """A declared name, headline or date as one clean line: sites often write HTML entities
    ("O&#039;Donnell") and tags into JSON-LD strings."""
    if not isinstance(value, str):
        return ""
    return tidy_line(" ".join(scrub(html.unescape(_TAG.sub("", value))).split()))


def _post(item: dict[str, Any]) -> RawEntry | None:
    body = _body(_text(item.get("articleBody")) or _text(item.get("text")) or _text(item.get("description")))
    title = plain(item.get("headline")) or plain(item.get("name"))
    if not body and not title:
        return None
    return RawEntry(
        title=title,
        body=body or title,
        author=person_names(item.get("author")),
        published=normalise_datetime(plain(item.get("datePublished")) or plain(item.get("dateCreated"))),
        link=safe_url(plain(item.get("url"))) if "://" in plain(item.get("url")) else None,
    )


def _body(text: str) -> str:
    """Markdown of a post's text: HTML converted; plain text kept in its paragraphs (a line
    break in JSON-LD text ends a paragraph)."""
    if _TAG.search(text):
        return html_to_markdown(text).strip()
    lines = (tidy_line(line) for line in text.split("\n"))
    return "\n\n".join(_MARKDOWN_OPENER.sub(r"\\\1", line) for line in lines if line)


def person_names(value: Any) -> str | None:
    """An ``author`` value (a name, a Person, or a list of them) as "Name, Name"."""
    people = value if isinstance(value, list) else [value]
    names = [plain(p.get("name") if isinstance(p, dict) else p) for p in people]
    return ", ".join(name for name in names if name and "://" not in name) or None
