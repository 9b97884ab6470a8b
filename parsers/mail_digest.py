"""A mailing list's plain-text digest (RFC 1153, as Mailman and most list servers send it):
each message in it is one post, under its own subject, sender and date.

A digest is a masthead ("Send … mailing list submissions to", "Today's Topics: 1. …"), then
the messages, each after a line of dashes and opening with its own mail headers, then a
footer. Read as plain text it was one post of masthead and headers; read here each message is
an entry and the masthead, table of contents, footer and scrubbed-attachment notices are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email import message_from_string, policy
from email.message import Message
from email.utils import parseaddr, parsedate_to_datetime

from .mail_signature import signature_start
from .sniff import DIGEST_SEPARATOR, NAMED_HEADER, header_lines
from .text_clean import scrub

_RULED = re.compile(f"({DIGEST_SEPARATOR.pattern})", re.M)

_END_LINE = re.compile(r"^End of .{1,100}\bDigest\b.*$|^\*{10,}[ \t]*$", re.M | re.I)
_FOOTER_SUBJECT = re.compile(r"^\s*digest footer\s*$", re.I)
# Mailman's scrubber leaves a notice where it took an attachment out of a message.
_NEXT_PART = re.compile(r"^-{5,} ?next part ?-{5,}[ \t]*$", re.I)
_SCRUBBED = re.compile(
    r"^(?:An? (?:non-text|HTML|embedded (?:and charset-unspecified )?text|embedded message) "
    r"attachment was scrubbed\.*|(?:Name|Type|Size|Desc|URL|Url): .*)$",
    re.I,
)
_LIST_FOOTER_RULE = re.compile(r"^_{20,}[ \t]*$")
_LIST_TAG = re.compile(r"^\[([^\]\n]{1,60})\]\s*")
_OTHER_LISTS = re.compile(r"^(?:\[[\w.]+-[\w.-]+\]\s*)+")
"""Tags of other lists a message was cross-posted to ("[Lightning-dev]"), after the list's own."""
REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|fw|aw|wg|tr|sv|vs|r|i)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
"""A reply's or forward's marks before a subject, in the languages mail clients write them
("AW:", "SV:", Italian "R:" and "I:")."""


@dataclass(frozen=True)
class DigestMessage:
    """One message of a digest, its headers read and its text cleaned."""

    subject: str
    sender: str | None
    sent: datetime | None
    text: str
    """The message's text as Markdown paragraphs (attachment notices and list footers gone)."""


def digest_messages(text: str) -> list[DigestMessage] | None:
    """The messages of a digest, in order; None if the text is no digest."""
    text = text.replace("\r\n", "\n")
    pieces = _RULED.split(text)  # text, rule, text, rule, …
    messages: list[tuple[Message, list[str]]] = []
    for rule, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        block = header_lines(piece)
        if block is None or not NAMED_HEADER.search("\n".join(block)):
            if messages:
                # A rule inside a message (a signature's, a quoted table's): its text goes on.
                messages[-1][1].extend([rule, piece])
            continue
        message = message_from_string(piece.lstrip("\n"), policy=policy.default)
        messages.append((message, [_payload(message)]))
    if not messages:
        return None
    subjects = [header_text(held, "subject") for held, _ in messages]
    tag = list_tag(subjects, pieces[0])
    found: list[DigestMessage] = []
    for (held, parts), subject in zip(messages, subjects, strict=True):
        if _FOOTER_SUBJECT.match(subject):
            continue  # Mailman's "Digest Footer": the list's address and links
        body = plain_markdown(_cleaned("\n".join(parts)))
        if not body and not subject:
            continue
        found.append(DigestMessage(without_list_tag(subject, tag), _sender(held), sent_of(held), body))
    return found


def _payload(message: Message) -> str:
    payload = message.get_payload()
    return payload if isinstance(payload, str) else ""


def header_text(message: Message, name: str) -> str:
    """A header's decoded text on one line ("" if absent or unreadable)."""
    try:
        value = message.get(name)
        return " ".join(scrub(str(value)).split()) if value is not None else ""
    except (ValueError, IndexError, TypeError):
        return ""


def list_tag(subjects: list[str], masthead: str) -> str | None:
    """The list's tag ("[bitcoin-dev]") its subjects open with: one the masthead names, or
    one every subject of two or more carries. Other brackets ("[ANN]") say something."""
    tags = [found.group(1) for subject in subjects if (found := _LIST_TAG.match(REPLY_PREFIX.sub("", subject)))]
    if not tags:
        return None
    first = tags[0]
    if first.casefold() in masthead.casefold():
        return first
    return first if len(subjects) >= 2 and len(tags) == len(subjects) and len(set(tags)) == 1 else None


def without_list_tag(subject: str, tag: str | None) -> str:
    """A subject without "Re:", its list's tag and the tags of lists it was cross-posted to."""
    title = REPLY_PREFIX.sub("", subject)
    if tag is not None:
        found = _LIST_TAG.match(title)
        if found is not None and found.group(1) == tag:
            title = REPLY_PREFIX.sub("", _OTHER_LISTS.sub("", title[found.end() :]))
    return title.strip()


def _sender(message: Message) -> str | None:
    return sender_name(header_text(message, "from"))


def sender_name(raw: str) -> str | None:
    """A From header's sender as a name: "Peter Todd <pete@…>" and an archive's "pete at …
    (Peter Todd)" alike; the address when it has none; None for an empty header."""
    if not raw:
        return None
    name, address = parseaddr(raw)
    name = " ".join(name.split()).strip("\"' ")
    return name or address or raw


def sent_of(message: Message) -> datetime | None:
    """When a message says it was sent, if it says so readably."""
    value = header_text(message, "date")
    try:
        return parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError, IndexError):
        return None


def _cleaned(text: str) -> list[str]:
    """The message's lines without the scrubber's notices, the digest's end line, a list
    footer ("____ / list mailing list / address / link") and the sender's signature at its end."""
    lines = [line.rstrip() for line in scrub(text).split("\n")]
    kept: list[str] = []
    in_notice = False
    for line in lines:
        if _NEXT_PART.match(line):
            in_notice = True
            continue
        if in_notice and (_SCRUBBED.match(line) or not line.strip()):
            continue
        in_notice = False
        if _END_LINE.match(line):
            continue
        kept.append(line)
    for index in range(len(kept) - 1, max(-1, len(kept) - 8), -1):
        if _LIST_FOOTER_RULE.match(kept[index]):
            tail = "\n".join(kept[index:]).lower()
            if "mailing list" in tail or "listinfo" in tail:
                kept = kept[:index]
            break
    cut = signature_start(kept)  # "-- " and the sender's name, key, address
    return kept if cut is None else kept[:cut]


def plain_markdown(lines: list[str]) -> str:
    """Paragraphs as the text reader writes them (a leading ``#`` taken literally), a
    paragraph's lines kept as they were wrapped; quoted lines ("> …", the message replied
    to) are a quotation, as every mail client shows them."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if _RULE_LINE.match(line):
            paragraphs.append(["---"])  # a rule, standing alone
            paragraphs.append([])
        elif line.strip():
            paragraphs[-1].append(_HEADING.sub(r"\\#", line))
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs if paragraph)


_HEADING = re.compile(r"^#")
_RULE_LINE = re.compile(r"^[ \t]*(?:[-=_*][ \t]*){3,}$")
"""A line of dashes or equals signs: under a line, Markdown would make that line a heading."""
