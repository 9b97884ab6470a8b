"""A message forwarded inline: the forwarder's note, then the message it passes on.

A colleague forwarding a newsletter rarely attaches it: the mail client writes a marker
("---------- Forwarded message ---------", "Begin forwarded message:", "-----Original
Message-----", Outlook's rule), the forwarded message's headers as lines of text ("From: …",
"Date: …", "Subject: …") and its body below, in the text and the HTML part alike. Read whole,
the newsletter's stories were one post under the forwarder's note; split here, the note is
one post and the forwarded message is read as the message it was, with its own sender and
date.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .dates import normalise_datetime
from .mail_digest import sender_name
from .text_clean import scrub

_MARKER_WORDS = (
    "forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht|message transféré|"
    "message d'origine|mensaje reenviado|mensaje original|messaggio inoltrato|messaggio originale|"
    "doorgestuurd bericht|oorspronkelijk bericht|mensagem encaminhada|mensagem original|"
    "wiadomość przekazana dalej|vidarebefordrat meddelande|videresendt meddelelse|videresendt melding"
)
_MARKER = re.compile(
    rf"^[ \t>]*(?:[-=]{{2,}}[ \t]*(?:{_MARKER_WORDS})[ \t]*[-=]{{2,}}|begin forwarded message[ \t]*:|"
    r"anfang der weitergeleiteten nachricht[ \t]*:|début du message réexpédié[ \t]*:|_{10,})[ \t]*$",
    re.I,
)
"""The line a mail client writes above a message it forwards (or, in Outlook, quotes): a
label between dashes in the client's language, Apple Mail's "Begin forwarded message:", or
Outlook's rule of underscores."""
_MARKER_HINT = re.compile(rf"{_MARKER_WORDS}|begin forwarded|weitergeleiteten|réexpédié|_{{10}}|<hr\b", re.I)
"""A cheap test that a text may hold a marker at all (most messages hold none)."""
_BLOCK_HINT = re.compile(r"(?:Sent|Date|Gesendet|Envoyé|Enviado)(?:</b>|\*\*)?[ \t]*:", re.I)
"""…or a header block without one (Outlook's), which names when the message was sent."""

_FROM = frozenset({"from", "von", "de", "da", "van", "od", "från", "fra"})
_DATE = frozenset(
    {"date", "sent", "datum", "gesendet", "envoyé", "fecha", "enviado", "data", "inviato", "verzonden", "wysłano",
     "skickat", "sendt"}
)  # fmt: skip
_SUBJECT = frozenset({"subject", "betreff", "objet", "asunto", "oggetto", "onderwerp", "assunto", "temat", "ämne", "emne"})
_OTHER = frozenset({"to", "cc", "bcc", "reply-to", "an", "à", "a", "para", "aan", "till", "til", "do", "kopie"})
_HEADER = re.compile(r"^[ \t>]*\**[ \t]*([^\W\d_][\w-]{0,12})[ \t]*\**[ \t]*:[ \t]*\**[ \t]*(.*?)[ \t]*$")
"""A header written as a line of text: "From: …", "**Sent:** …", "De : …", "> Subject: …"."""
_MAX_FORWARDS = 8
"""Forwards inside forwards are split this deep, no deeper (a crafted file can nest thousands)."""


@dataclass(frozen=True)
class Forward:
    """A text split at its forward marker."""

    note: str
    """The forwarder's own text, before the marker (HTML or plain, as the text was)."""
    subject: str
    sender: str | None
    sent: str | None
    """The forwarded message's date as ISO 8601, when its header states one that reads."""
    text: str
    """The forwarded message's body, in the kind of the text it came from."""


@dataclass(frozen=True)
class _Line:
    text: str
    start: int
    """Where the line begins in the text it was read from (its first tag or character)."""
    end: int


def split_forward(text: str, kind: str) -> Forward | None:
    """The first inline forward of a message's text (``kind`` "html" or "text"), or None when
    the text forwards nothing: a marker must be followed by header lines naming a sender or
    a subject, so a newsletter that quotes "Original message" in a sentence is left whole."""
    if not _MARKER_HINT.search(text) and not _BLOCK_HINT.search(text):
        return None
    lines = _html_lines(text) if kind == "html" else _text_lines(text)
    for at, line in enumerate(lines):
        if _MARKER.match(line.text):
            found = _headers(lines, at + 1)
        elif at and _field(line.text) is not None and not _HEADER.match(lines[at - 1].text):
            # Outlook writes no marker, only the headers (under a border in its HTML): a
            # block of them naming the sender, the date and the subject is one.
            found = _headers(lines, at)
            if found is not None and len(found[0]) < 3:
                found = None
        else:
            found = None
        if found is None:
            continue
        fields, last = found
        # An HTML body starts where the headers end, its opening tags (a heading's) with it.
        body_from = lines[last].end if kind == "html" else lines[last].end + 1
        fields = {name: " ".join(scrub(value).split()) for name, value in fields.items()}
        return Forward(
            note=text[: line.start],
            subject=fields.get("subject", ""),
            sender=sender_name(fields.get("from", "").replace("*", "").strip()),  # "**Name** <…>"
            sent=normalise_datetime(fields.get("date")),
            text=_unquoted(text[body_from:]) if kind == "text" else text[body_from:],
        )
    return None


def forwards(text: str, kind: str) -> list[Forward]:
    """Each forward in a chain (a forward of a forward), outermost first; the last one's
    ``text`` is the message that was forwarded."""
    found: list[Forward] = []
    while len(found) < _MAX_FORWARDS:
        inner = split_forward(text, kind)
        if inner is None:
            break
        found.append(inner)
        text = inner.text
    return found


def _headers(lines: list[_Line], at: int) -> tuple[dict[str, str], int] | None:
    """The header lines from ``at`` (blank lines before them skipped) as fields, and the index
    of the last of them; None unless they name a sender or a subject."""
    while at < len(lines) and not lines[at].text.strip(" \t>"):
        at += 1
    fields: dict[str, str] = {}
    count = 0
    while at < len(lines):
        match = _HEADER.match(lines[at].text)
        if match is None:
            break
        field = _field(lines[at].text)
        if field is None and match.group(1).lower() not in _OTHER:
            break
        if field is not None:
            fields.setdefault(field, match.group(2))
        count += 1
        at += 1
    if count < 2 or not ("from" in fields or "subject" in fields):
        return None
    return fields, at - 1


def _field(line: str) -> str | None:
    """Which of "from", "date" and "subject" a header line states, in any language known."""
    match = _HEADER.match(line)
    if match is None:
        return None
    name = match.group(1).lower()
    return "from" if name in _FROM else "date" if name in _DATE else "subject" if name in _SUBJECT else None


def _text_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for line in text.split("\n"):
        lines.append(_Line(line.rstrip("\r"), start, start + len(line)))
        start += len(line) + 1
    return lines


def _unquoted(text: str) -> str:
    """A forwarded body every line of which is quoted ("> …", as some clients forward) without
    its quote marks; any other body as it is."""
    written = [line for line in text.split("\n") if line.strip()]
    if not written or not all(line.lstrip().startswith(">") for line in written):
        return text
    return "\n".join(re.sub(r"^[ \t]*> ?", "", line) for line in text.split("\n"))


_PIECE = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.S)
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
_BREAKS = frozenset({"br", "div", "p", "tr", "table", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "body"})
_SKIPPED = frozenset({"style", "script", "head", "title"})


def _html_lines(source: str) -> list[_Line]:
    """An HTML text's lines as a reader sees them (broken at ``<br>`` and block tags, an
    ``<hr>`` read as Outlook's rule), each with where it begins in the source; text inside
    styles, scripts and the head is no line."""
    lines: list[_Line] = []
    words: list[str] = []
    start: int | None = None
    skipping: str | None = None

    def close(end: int) -> None:
        nonlocal start
        if start is not None:
            lines.append(_Line(" ".join(scrub("".join(words)).split()), start, end))
        words.clear()
        start = None

    for piece in _PIECE.finditer(source):
        token = piece.group()
        if token.startswith("<!--"):
            continue
        if token.startswith("<"):
            named = _TAG_NAME.match(token)
            name = named.group(1).lower() if named is not None else ""
            if skipping is not None:
                if token.startswith("</") and name == skipping:
                    skipping = None
                continue
            if name in _SKIPPED and not token.startswith("</") and not token.endswith("/>"):
                skipping = name
                continue
            if name in _BREAKS:
                close(piece.start())
                if name == "hr":
                    lines.append(_Line("_" * 32, piece.start(), piece.end()))
                continue
            if start is None:
                start = piece.start()
            continue
        if skipping is not None:
            continue
        if start is None:
            start = piece.start()
        words.append(html.unescape(token).replace("\xa0", " "))
    close(len(source))
    return lines
