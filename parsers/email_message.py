"""Saved emails (``.eml``) and mailboxes (``.mbox``): each message's readable part, decoded.

Newsletters arrive by email, and a reader saves them as the mail client writes them: MIME
parts, quoted-printable or base64 bodies, a charset per part. Read as plain text that is a
wall of ``=E2=80=99`` and boundaries; here each message becomes its best part (HTML when it
has one: headings and links survive; else its plain text) plus the subject, sender and
date, which the page and text readers then split into posts as they would a saved file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from .encoding import NotText, decode
from .model import RawEntry
from .text_clean import scrub

# A mailbox separates messages by lines "From sender Sat Jan  6 10:00:00 2024" (a body's own
# "From " lines are quoted as ">From ", but not by every writer: the weekday tells them apart).
_MBOX_SEPARATOR = re.compile(rb"^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b.*\r?\n", re.M)
_REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|fw|aw|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+", re.I)


@dataclass(frozen=True)
class MailPart:
    """One message, reduced to what the readers need."""

    kind: str
    """``html`` or ``text``: which reader splits ``text`` into posts."""
    text: str
    subject: str
    sender: str | None
    """The sender's display name (or address when it has none)."""
    sent: datetime | None


def read_email(data: bytes, *, boilerplate: re.Pattern[str], problems: list[str] | None = None) -> list[RawEntry]:
    """The posts of every message: split by the page or text reader, dated by the message
    when they carry no date of their own; a message that is one post is titled by its subject.
    A message with nothing to read (attachments only) is named in ``problems``."""
    from .html_page import read_html
    from .plain_text import read_plain_text

    entries: list[RawEntry] = []
    for message in read_messages(data, problems):
        day = message.sent.date() if message.sent is not None else None
        reader = read_html if message.kind == "html" else read_plain_text
        found = reader(message.text, boilerplate=boilerplate, default_day=day)
        if len(found) == 1 and message.subject:
            found = [replace(found[0], title=message.subject, author=found[0].author or message.sender)]
        if message.sent is None:
            entries.extend(found)
            continue
        # Posts dated only by the message's day (or not at all) take its time: two issues of a
        # newsletter on one day then list in the order they came.
        sent, sent_day = message.sent.isoformat(), message.sent.date().isoformat()
        entries.extend(replace(e, published=sent) if e.published in (None, sent_day) else e for e in found)
    return entries


def read_messages(data: bytes, problems: list[str] | None = None) -> list[MailPart]:
    """Every readable message of a saved email or mailbox, in the order stored."""
    parser = BytesParser(policy=policy.default)
    chunks = _MBOX_SEPARATOR.split(data) if data.lstrip().startswith(b"From ") else [data]
    messages = [parser.parsebytes(chunk.replace(b"\n>From ", b"\nFrom ")) for chunk in chunks if chunk.strip()]
    found, skipped = [], []
    for number, message in enumerate(messages, start=1):
        part = _readable(message) if isinstance(message, EmailMessage) else None
        if part is not None:
            found.append(part)
        else:
            skipped.append(number)
    if skipped and problems is not None:
        if len(messages) == 1:
            problems.append("the message has no text or HTML part (attachments only)")
        else:
            numbers = ", ".join(map(str, skipped[:5])) + (", …" if len(skipped) > 5 else "")
            which = "message" if len(skipped) == 1 else "messages"
            problems.append(f"{which} {numbers} of {len(messages)}: no text or HTML part (attachments only), skipped")
    return found


def _readable(message: EmailMessage) -> MailPart | None:
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        return None
    kind = "html" if body.get_content_subtype() == "html" else "text"
    return MailPart(kind, _content(body), _subject(message), _sender(message), _sent(message))


def _content(part: Message) -> str:
    """A part's text in its declared charset; one that lies or names no known charset is
    decoded as any file is (UTF-8, then cp1252)."""
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeError, ValueError, AssertionError):
        pass
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    try:
        return decode(payload)
    except NotText:
        return ""


def _subject(message: EmailMessage) -> str:
    try:
        subject = str(message.get("subject", "") or "")
    except (ValueError, IndexError):
        return ""
    return _REPLY_PREFIX.sub("", " ".join(scrub(subject).split()))


def _sender(message: EmailMessage) -> str | None:
    try:
        header = message.get("from")
        addresses: tuple[Address, ...] = getattr(header, "addresses", ()) if header is not None else ()
    except (ValueError, IndexError):
        return None
    for address in addresses:
        name = " ".join(scrub(address.display_name or address.addr_spec).split()).strip("\"' ")
        if name:
            return name
    return None


def _sent(message: EmailMessage) -> datetime | None:
    try:
        value = message.get("date")
        return parsedate_to_datetime(str(value)) if value else None
    except (TypeError, ValueError, IndexError):
        return None
