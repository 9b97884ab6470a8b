"""Brief's own JSON dump (and JSON Lines of entries): the round trip of `brief dump --json`.

JSON Feed documents (jsonfeed.org) and plain arrays of {title, body/text/content} objects are
read too.
"""

from __future__ import annotations

import json
from typing import Any

from .dates import normalise_datetime
from .html_markdown import safe_url
from .model import RawEntry
from .text_clean import first_sentence, scrub


class BriefJsonError(ValueError):
    """Valid JSON that is not a Brief dump or a list of entries."""


def _optional(value: Any) -> str | None:
    return scrub(str(value)) if value not in (None, "") else None


def _author(item: dict[str, Any]) -> Any:
    authors = item.get("authors")
    if isinstance(authors, list) and authors and isinstance(authors[0], dict):
        return authors[0].get("name")
    author = item.get("author")
    return author.get("name") if isinstance(author, dict) else author


def _entry(item: Any, where: str) -> RawEntry:
    if not isinstance(item, dict):
        raise BriefJsonError(f"{where}: expected an object with title and body")
    # Brief's dump, and the fields of JSON Feed (jsonfeed.org) and common exports.
    body = str(item.get("body") or item.get("content_text") or item.get("text") or "")
    if not body and (item.get("content_html") or item.get("content") or item.get("summary") or item.get("description")):
        from .html_markdown import html_to_markdown

        body = html_to_markdown(str(item.get("content_html") or item.get("content") or item.get("summary") or item.get("description")))
    body = scrub(body)
    title = scrub(str(item.get("title") or item.get("headline") or "")) or first_sentence(body)
    if not title and not body:
        raise BriefJsonError(f"{where}: entry has neither title nor body")
    occurrences = tuple(
        (str(o["path"]), int(o.get("position", 0)))
        for o in item.get("occurrences") or ()
        if isinstance(o, dict) and "path" in o
    )
    return RawEntry(
        title=title,
        body=body,
        author=_optional(_author(item)),
        published=normalise_datetime(_optional(item.get("published") or item.get("date_published") or item.get("date"))),
        link=safe_url(_optional(item.get("link") or item.get("url"))),
        seen_at=occurrences,
        dump_id=str(item["id"]) if isinstance(item.get("id"), str) and item.get("id") else None,
    )


def read_brief_json(text: str) -> list[RawEntry]:
    """Entries from a dump object, a JSON array of entries, or JSON Lines.

    Raises:
        BriefJsonError: the JSON is invalid or has no entries in a shape Brief knows.
    """
    stripped = text.strip()
    try:
        document = json.loads(stripped)
    except json.JSONDecodeError as whole_error:
        entries = []
        for number, line in enumerate(stripped.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                entries.append(_entry(json.loads(line), f"line {number}"))
            except json.JSONDecodeError as error:
                if number == 1:
                    raise BriefJsonError(f"invalid JSON: {whole_error}") from error
                raise BriefJsonError(f"line {number}: invalid JSON ({error.msg})") from error
        return entries
    if isinstance(document, dict) and isinstance(document.get("entries"), list):
        items = document["entries"]
    elif isinstance(document, dict) and isinstance(document.get("items"), list):
        items = document["items"]  # JSON Feed
    elif isinstance(document, list):
        items = document
    elif isinstance(document, dict) and ("title" in document or "body" in document):
        items = [document]
    else:
        raise BriefJsonError("JSON has no 'entries' list (not a Brief dump)")
    return [_entry(item, f"entry {number}") for number, item in enumerate(items, start=1)]
