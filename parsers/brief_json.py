"""Brief's own JSON dump (and JSON Lines of entries): the round trip of `brief dump --json`.

JSON Feed documents (jsonfeed.org), plain arrays of {title, body/text/content} objects, and the
article lists of news API exports ({"articles": [...]}, {"response": {"results": [...]}}) are
read too.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .dates import epoch_moment, normalise_datetime
from .html_markdown import safe_url
from .model import RawEntry
from .text_clean import first_sentence, scrub


class BriefJsonError(ValueError):
    """Valid JSON that is not a Brief dump or a list of entries."""


def _optional(value: Any) -> str | None:
    return scrub(str(value)) if value not in (None, "") else None


def _author(item: dict[str, Any]) -> Any:
    profile = item.get("user_profile")  # a Slack export's message
    if isinstance(profile, dict) and (profile.get("real_name") or profile.get("display_name")):
        return profile.get("real_name") or profile.get("display_name")
    authors = item.get("authors")
    if isinstance(authors, list) and authors and isinstance(authors[0], dict):
        return authors[0].get("name")
    author = item.get("author") or item.get("from")  # "from": a chat export's sender
    return author.get("name") if isinstance(author, dict) else author


_HTML_START = re.compile(r"\s*<(?:p|div|h[1-6]|ul|ol|figure|section|article|span|br|strong|em|a|blockquote)\b", re.I)
_TITLE_KEYS = ("title", "headline", "webTitle", "name")
_DATE_KEYS = ("published", "date_published", "date", "publishedAt", "published_at", "pubDate", "webPublicationDate",
              "created_at", "createdAt", "updated", "updated_at", "timestamp", "time", "ts")  # fmt: skip
_LINK_KEYS = ("link", "url", "webUrl", "permalink", "href", "canonical", "alternate")
_LIST_KEYS = ("entries", "items", "articles", "results", "posts", "stories", "news", "data", "docs", "hits", "messages")


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((item[key] for key in keys if item.get(key) not in (None, "")), None)


_WRAPPED_KEYS = frozenset({"summary", "content", "description", "body", "canonical", "alternate", "link", "url"})


def _unwrapped(value: Any) -> Any:
    """``{"content": "<p>…"}`` → its text; ``[{"href": "https://…"}]`` → the first address."""
    if isinstance(value, dict):
        return next((value[key] for key in ("content", "text", "value", "href") if isinstance(value.get(key), str)), None)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return _unwrapped(value[0])
    return value


# Slack's markup: <https://…|label>, <https://…>, <@U123>, <#C123|name>, <!here>; *bold*.
_SLACK_LINK = re.compile(r"<((?:https?|mailto):[^|>\s]+)(?:\|([^>]*))?>")
_SLACK_MENTION = re.compile(r"<[@#!]([^|>\s]+)(?:\|([^>]*))?>")
_SLACK_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_SERVICE_SUBTYPES = frozenset(
    {"channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name", "channel_archive",
     "channel_unarchive", "group_join", "group_leave", "pinned_item", "unpinned_item", "bot_add", "bot_remove"}
)  # fmt: skip
"""Slack's notices ("<@U1> has joined the channel"): no one's message."""


def _slack_text(text: str) -> str:
    """A Slack message's markup as Markdown: links with their labels, mentions by name, bold."""
    text = _SLACK_LINK.sub(lambda m: f"[{m.group(2)}]({m.group(1)})" if m.group(2) else f"<{m.group(1)}>", text)
    text = _SLACK_MENTION.sub(lambda m: ("#" if m.group(0)[1] == "#" else "@") + (m.group(2) or m.group(1)), text)
    return _SLACK_BOLD.sub(r"**\1**", text)


def _moment(value: Any) -> str | None:
    """A date as ISO 8601: text, or seconds (or milliseconds) since 1970 as many exports give."""
    moment = epoch_moment(value)  # also Slack's "1764000000.000100"
    if moment is not None or isinstance(value, int | float) or (isinstance(value, str) and value.isdigit()):
        return moment
    return normalise_datetime(_optional(value))


def _plain(text: Any) -> Any:
    """A chat export's text: a string, or a list of strings and styled runs ({"text": …})."""
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) for part in text if isinstance(part, (str, dict)))
    return text


def _entry(item: Any, where: str) -> RawEntry:
    if not isinstance(item, dict):
        raise BriefJsonError(f"{where}: expected an object with title and body")
    if isinstance(item.get("fields"), dict):
        item = {**item, **item["fields"]}  # the Guardian's API keeps body and byline under "fields"
    if isinstance(item.get("text"), list):
        item = {**item, "text": _plain(item["text"])}  # a Telegram channel export's message
    elif item.get("type") == "message" and isinstance(item.get("ts"), str) and isinstance(item.get("text"), str):
        item = {**item, "text": _slack_text(item["text"])}  # a Slack export's message
    # Feed readers' exports (the Google Reader API: Inoreader, FreshRSS, …) wrap texts and links.
    item = {key: _unwrapped(value) if key in _WRAPPED_KEYS else value for key, value in item.items()}
    # Brief's dump, and the fields of JSON Feed (jsonfeed.org) and common exports.
    body = str(item.get("body") or item.get("content_text") or item.get("text") or "")
    lead = item.get("summary") or item.get("description")
    if not body and (item.get("content_html") or item.get("content") or lead):
        from .html_markdown import html_to_markdown

        body = html_to_markdown(str(item.get("content_html") or item.get("content") or lead))
        lead_text = html_to_markdown(str(lead)) if lead and (item.get("content_html") or item.get("content")) else ""
        if lead_text and lead_text[:60] not in body:
            body = f"{lead_text}\n\n{body}"  # a news API's description, then its (cut) content
    elif body and _HTML_START.match(body) and "occurrences" not in item:  # not from Brief's own dump
        from .html_markdown import html_to_markdown

        body = html_to_markdown(body)
    body = scrub(body)
    title = scrub(str(_first(item, _TITLE_KEYS) or "")) or first_sentence(body)
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
        author=_optional(_author(item) or item.get("byline")),
        published=_moment(_first(item, _DATE_KEYS)),
        link=safe_url(_optional(_first(item, _LINK_KEYS))),
        seen_at=occurrences,
        dump_id=str(item["id"]) if isinstance(item.get("id"), str) and item.get("id") else None,
    )


def _item_list(document: Any, depth: int = 0) -> list[Any] | None:
    """The list of entries: Brief's "entries", JSON Feed's "items", a news export's "articles"
    or "results" (one level down too, as in {"response": {"results": [...]}}), or the document."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        return None
    for key in _LIST_KEYS:
        if isinstance(document.get(key), list):
            return list(document[key])
    if depth == 0:
        for value in document.values():
            found = _item_list(value, 1) if isinstance(value, dict) else None
            if found is not None:
                return found
    if depth == 0 and ("title" in document or "body" in document):
        return [document]
    return None


def read_brief_json(text: str, problems: list[str] | None = None) -> list[RawEntry]:
    """Entries from a dump object, a JSON array of entries, or JSON Lines.

    A JSON Lines file with some broken lines gives the entries of the others; what was
    skipped is added to ``problems``.

    Raises:
        BriefJsonError: the JSON is invalid or has no entries in a shape Brief knows.
    """
    stripped = text.strip()
    try:
        document = json.loads(stripped)
    except json.JSONDecodeError as whole_error:
        entries = []
        broken: list[tuple[int, str]] = []
        for number, line in enumerate(stripped.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                entries.append(_entry(json.loads(line), f"line {number}"))
            except json.JSONDecodeError as error:
                if number == 1:
                    raise BriefJsonError(f"invalid JSON: {whole_error}") from error
                broken.append((number, error.msg))
        if broken and not entries:
            raise BriefJsonError(f"line {broken[0][0]}: invalid JSON ({broken[0][1]})") from whole_error
        if broken and problems is not None:
            lines = ", ".join(str(number) for number, _ in broken[:5]) + (", …" if len(broken) > 5 else "")
            what = "line" if len(broken) == 1 else "lines"
            problems.append(
                f"{what} {lines}: invalid JSON ({broken[0][1]}), skipped; {len(entries)} entries read from the others"
            )
        return entries
    items = _item_list(document)
    if items is None:
        raise BriefJsonError("JSON holds no list of entries or articles (not a Brief dump, JSON Feed or news export)")
    # Chat exports list service messages ("pinned a message") and captionless photos: no entries.
    worded = [
        item
        for item in items
        if not (isinstance(item, dict) and (item.get("type") == "service" or item.get("subtype") in _SERVICE_SUBTYPES or _is_empty(item)))
    ]
    items = worded or items  # nothing but empty items: let the first say what is wrong
    return [_entry(item, f"entry {number}") for number, item in enumerate(items, start=1)]


def _is_empty(item: dict[str, Any]) -> bool:
    return not any(
        str(_plain(item.get(key)) or "").strip()
        for key in (*_TITLE_KEYS, "body", "content_text", "text", "summary", "description", "content_html", "content", "fields")
    )
