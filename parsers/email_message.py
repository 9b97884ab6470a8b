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

from .encoding import NotText, decode
from .mail_digest import (
    REPLY_PREFIX,
    DigestMessage,
    digest_messages,
    header_text,
    list_tag,
    plain_markdown,
    sent_of,
    without_list_tag,
)
from .mail_forward import forwards
from .mail_lines import has_words
from .mail_signature import without_signature
from .model import RawEntry
from .sniff import looks_like_digest, looks_like_email
from .text_clean import scrub

# A mailbox separates messages by lines "From sender Sat Jan  6 10:00:00 2024" (a body's own
# "From " lines are quoted as ">From ", but not by every writer: the weekday tells them apart).
_MBOX_SEPARATOR = re.compile(rb"^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b.*\r?\n", re.M)


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
    single: bool = False
    """One post whatever its text holds: a message of a mailing list's digest."""


def read_email(data: bytes, *, boilerplate: re.Pattern[str], problems: list[str] | None = None) -> list[RawEntry]:
    """The posts of every message: split by the page or text reader, dated by the message
    when they carry no date of their own; a message that is one post is titled by its subject.
    A message with nothing to read (attachments only) is named in ``problems``."""
    from .html_page import read_html
    from .plain_text import read_plain_text

    entries: list[RawEntry] = []
    for message in read_messages(data, problems):
        day = message.sent.date() if message.sent is not None else None
        if message.single:
            found = [RawEntry(message.subject, message.text, message.sender)]
        else:
            reader = read_html if message.kind == "html" else read_plain_text
            found = reader(message.text, boilerplate=boilerplate, default_day=day)
            if not found:
                found = _whole(message)
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


def _whole(message: MailPart) -> list[RawEntry]:
    """A message the readers find no post in (a line or two: "Message Body", "Test
    headers"): its whole text is one post, if it has any."""
    body = _markdown_of(message)
    return [RawEntry(message.subject, body, message.sender)] if body.strip() else []


def _markdown_of(message: MailPart) -> str:
    """A message's text as one post's Markdown."""
    if message.kind == "html":
        from .html_markdown import html_to_markdown

        return html_to_markdown(message.text)
    return plain_markdown([line.rstrip() for line in scrub(message.text).split("\n")])


def read_messages(data: bytes, problems: list[str] | None = None) -> list[MailPart]:
    """Every readable message of a saved email or mailbox, in the order stored: a digest's
    messages (a list's plain-text digest, a MIME ``multipart/digest``) and messages forwarded
    as attachments each in their place, as messages of their own."""
    data = data.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark would be the first header's name
    if not looks_like_email(data[:4096].decode("utf-8", "replace")):
        plain = decode(data)  # a digest saved as text, without the mail around it
        if looks_like_digest(plain):
            return [_digest_part(message) for message in digest_messages(plain) or ()]
    parser = BytesParser(policy=policy.default)
    chunks = _MBOX_SEPARATOR.split(data) if data.lstrip().startswith(b"From ") else [data]
    messages = [parser.parsebytes(_mended(chunk.replace(b"\n>From ", b"\nFrom "))) for chunk in chunks if chunk.strip()]
    found, skipped = [], []
    for number, message in enumerate(messages, start=1):
        parts = _parts(message) if isinstance(message, EmailMessage) else []
        if parts:
            found.extend(parts)
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


_HEADER_BYTES = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:|[ \t]")
"""A header line or a folded header's continuation ("Name:value" with no space is a header)."""


def _mended(chunk: bytes) -> bytes:
    """A message whose header block holds a line that is no header and not indented (a
    broken mailer's folding): the line indented, as the header it continues. Otherwise
    the standard parser ends the headers there, and the rest of them becomes the text."""
    ends = [found for found in (chunk.find(b"\n\n"), chunk.find(b"\r\n\r\n")) if found > 0]
    if not ends:
        return chunk
    end = min(ends)
    lines = chunk[:end].split(b"\n")
    if all(_HEADER_BYTES.match(line) for line in lines[1:]):
        return chunk
    fixed = [lines[0], *(line if _HEADER_BYTES.match(line) else b" " + line for line in lines[1:])]
    return b"\n".join(fixed) + chunk[end:]


_MAX_DEPTH = 8
"""Messages enclosed deeper than this are not read: a crafted file can nest thousands."""


def _parts(message: EmailMessage, in_digest: bool = False, sent: datetime | None = None, depth: int = 0) -> list[MailPart]:
    """A message's own readable part, then those of the messages it encloses. A digest's own
    text (its masthead, contents and footer) is no post; its messages are a post each."""
    enclosed = _enclosed(message)
    digest = len(enclosed) >= 2 or any(part.get_content_type() == "multipart/digest" for part in _containers(message))
    own = _readable(message, sent)
    found: list[MailPart] = []
    if own is not None and own.kind == "text" and looks_like_digest(own.text):
        found.extend(_digest_part(part, own.sent) for part in digest_messages(own.text) or ())
    elif own is not None and not digest:
        mine = [replace(part, text=without_signature(part.text, part.kind)) for part in _unforwarded(own)]
        found.extend([replace(part, single=True, text=_markdown_of(part)) for part in mine] if in_digest else mine)
    if depth >= _MAX_DEPTH:
        return found
    dated = own.sent if own is not None else sent_of(message) or sent
    held = [part for inner in enclosed for part in _parts(inner, digest, dated, depth + 1)]
    if digest:
        # "[harbour-ops] Fog signal test": the list's tag is no part of a message's title.
        tag = list_tag([part.subject for part in held if part.single], own.text if own is not None else "")
        held = [replace(part, subject=without_list_tag(part.subject, tag)) if part.single else part for part in held]
    return found + held


def _unforwarded(own: MailPart) -> list[MailPart]:
    """A message's part, and each message it forwards inline as a part of its own, under its
    own subject, sender and date (see ``mail_forward``); the forwarder's note is kept when
    there is one."""
    chain = forwards(own.text, own.kind)
    if not chain:
        return [own]
    parts = [replace(own, text=chain[0].note)] if has_words(chain[0].note, own.kind) else []
    sent = own.sent
    for held, following in zip(chain, [*chain[1:], None], strict=True):
        moment = _moment(held.sent)
        if moment is not None and moment.tzinfo is None and sent is not None:
            moment = moment.replace(tzinfo=sent.tzinfo)  # written in the forwarder's time zone
        sent = moment or sent
        text = following.note if following is not None else held.text
        if following is None or has_words(text, own.kind):
            subject = REPLY_PREFIX.sub("", held.subject) or own.subject
            parts.append(MailPart(own.kind, text, subject, held.sender, sent))
    return parts


def _moment(iso: str | None) -> datetime | None:
    """A forwarded header's date as a moment; one without a time of day is none (the posts
    then take the forward's own time)."""
    if iso is None or "T" not in iso:
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def _containers(message: Message) -> list[Message]:
    """The message and its multipart parts, not those of the messages it encloses."""
    found = [message]
    if message.get_content_maintype() == "multipart" and message.is_multipart():
        for part in message.get_payload():
            if isinstance(part, Message):
                found.extend(_containers(part))
    return found


def _enclosed(message: Message) -> list[EmailMessage]:
    """The messages a message holds as ``message/rfc822`` parts (a digest's, a forward's), in
    order, without looking inside them."""
    holders = [part for part in _containers(message) if part.get_content_type() == "message/rfc822"]
    return [held for part in holders if part.is_multipart() for held in part.get_payload() if isinstance(held, EmailMessage)]


def _any_text_part(message: Message) -> Message | None:
    """The first HTML or plain-text part that is no attachment, where the standard reading
    finds none: a saved page (``multipart/related``) whose first part is an image, a report
    whose text comes after its data."""
    for part in _containers(message):
        if part.get_content_type() in ("text/html", "text/plain") and part.get_content_disposition() != "attachment":
            return part
    return None


def _digest_part(message: DigestMessage, sent: datetime | None = None) -> MailPart:
    return MailPart("text", message.text, message.subject, message.sender, message.sent or sent, single=True)


def _readable(message: EmailMessage, sent: datetime | None = None) -> MailPart | None:
    """The message's own best part (never one of a message it encloses); ``sent``: the date
    of the message enclosing it, for one that states none."""
    body = message.get_body(preferencelist=("html", "plain")) or _any_text_part(message)
    if body is None:
        return None
    kind = "html" if body.get_content_subtype() == "html" else "text"
    return MailPart(kind, _content(body), _subject(message), _sender(message), sent_of(message) or sent)


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
    return REPLY_PREFIX.sub("", header_text(message, "subject"))


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
