"""A message forwarded inline: the forwarder's note, then the message it passes on.

A colleague forwarding a newsletter rarely attaches it: the mail client writes a marker
("---------- Forwarded message ---------", "Begin forwarded message:", "-----Original
Message-----", Outlook's rule), the forwarded message's headers as lines of text ("From: …",
"Date: …", "Subject: …") and its body below, in the text and the HTML part alike. Read whole,
the newsletter's stories were one post under the forwarder's note; split here, the note is
one post and the forwarded message is read as the message it was, with its own sender and
date.

A reply over the message it answers is read the same way: under an attribution line ("On
Mon, Apr 2, 2012 at 6:26 PM, Megan One <…> wrote:") the quoted message is a post of its own,
by whom and when that line says, and the reply another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import normalise_datetime
from .mail_digest import sender_name
from .mail_lines import Line, has_words, html_lines, text_lines
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


def split_forward(text: str, kind: str) -> Forward | None:
    """The first inline forward of a message's text (``kind`` "html" or "text"), or None when
    the text forwards nothing: a marker must be followed by header lines naming a sender or
    a subject, so a newsletter that quotes "Original message" in a sentence is left whole."""
    if not _MARKER_HINT.search(text) and not _BLOCK_HINT.search(text):
        return None
    lines = html_lines(text) if kind == "html" else text_lines(text)
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
            text=_unquoted(text[body_from:], kind),
        )
    return None


_WROTE = (
    r"wrote|writes|a écrit|schrieb|escribió|ha scritto|scrisse|schreef|escreveu|napisał(?:a|\(a\))?|skrev|kirjoitti|"
    r"írta|napsal(?:a)?|написал(?:а|\(а\))?|пише"
)
_ATTRIBUTION = re.compile(rf"^[ \t>]*(?P<before>.{{4,240}}?)[ \t,]*\b(?:{_WROTE})\b(?P<after>[^:\n]{{0,80}}?)[ \t]*:[ \t]*$", re.I)
"""The line a mail client writes above the message a reply quotes: "On Mon, Apr 2, 2012 at
6:26 PM, Megan One <…> wrote:", "Am 02.04.2012 um 14:20 schrieb Bob:", "Le … a écrit :"."""
_ATTRIBUTION_HINT = re.compile(rf"\b(?:{_WROTE})\b[^:\n]{{0,80}}:", re.I)
_STAMP = re.compile(r"\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b")
"""A time or a year: what an attribution line states and a sentence introducing a quotation
("The minister wrote:") seldom does."""
_ADDRESS = re.compile(r"[\"'“”]?\s*<?\[?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b\]?(?:\([^)]*\))?>?[\"'“”]?")
_CLOCK = re.compile(r"^.*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?(?!\w))?|^.*?\b(?:19|20)\d{2}\b")
"""An attribution's date: to its time of day when it gives one, else to its year."""
_LEAD = re.compile(r"^(?:on|am|le|el|il|op|em|w dniu|den|dne|в|el día)\b[\s,]*", re.I)


def split_reply(text: str, kind: str) -> Forward | None:
    """The message a reply quotes whole, or None: an attribution line naming when it was
    written (a time or a year) and the quoted message after it, to the end of the text (the
    reply above it) or, bottom-posted, from the text's start (the reply below it). A quotation
    inside a newsletter ("The minister wrote:" over a quoted letter) has text after it."""
    if not _ATTRIBUTION_HINT.search(text):
        return None
    lines = html_lines(text) if kind == "html" else text_lines(text)
    shape = _Shape.of(text, lines, kind)
    for at, line in enumerate(lines):
        joined, last = line.text, at
        match = _ATTRIBUTION.match(joined)
        if match is None and at + 1 < len(lines) and len(joined) > 40:
            # Clients wrap a long attribution line: "On …, Megan One <" / "xxx@…> wrote:".
            joined, last = f"{joined} {lines[at + 1].text.strip()}", at + 1
            match = _ATTRIBUTION.match(joined)
        if match is None or not _STAMP.search(match.group("before")):
            continue
        quoted = shape.quoted_span(text, lines, at, last, kind)
        if quoted is None:
            continue
        start, end, resume = quoted
        note = text[: line.start] + text[resume:]
        if not has_words(note, kind):
            continue  # a quote under no reply: no reply to tell it from
        sender, sent = _attributed(match.group("before"), match.group("after"))
        quote = text[start:end]
        return Forward(note=note, subject="", sender=sender, sent=sent, text=_unquoted(quote, kind))
    return None


_BLOCKQUOTE = re.compile(r"<blockquote\b[^>]*>", re.I)
_QUOTE_GAP = 2000
"""Characters of markup between an attribution line and the ``<blockquote>`` it heads, at most."""


@dataclass(frozen=True)
class _Shape:
    """What every attribution line of one text is tested against, read once (a crafted text of
    thousands of "… wrote:" lines is not read thousands of times)."""

    first_worded: int
    """The first line with a word in it: an attribution there opens the text."""
    last_unquoted: int
    """The last line with text that is not quoted ("> …"), or -1."""
    last_written: int
    """The last line with text, or -1."""
    closing: int
    """Where the text's last ``</blockquote>`` begins (HTML), or -1."""
    words_after_closing: bool

    @classmethod
    def of(cls, text: str, lines: list[Line], kind: str) -> _Shape:
        written = [i for i, line in enumerate(lines) if line.text.strip()]
        worded = (i for i in written if has_words(lines[i].text, "text"))
        unquoted = [i for i in written if not lines[i].text.lstrip().startswith(">")]
        closing = text.lower().rfind("</blockquote>") if kind == "html" else -1
        return cls(
            first_worded=next(worded, len(lines)),
            last_unquoted=unquoted[-1] if unquoted else -1,
            last_written=written[-1] if written else -1,
            closing=closing,
            words_after_closing=closing >= 0 and has_words(text[closing:], kind),
        )

    def quoted_span(self, text: str, lines: list[Line], at: int, last: int, kind: str) -> tuple[int, int, int] | None:
        """Where the quoted message under the attribution line ``lines[at : last + 1]`` begins
        and ends (inside an HTML ``<blockquote>``), and where the text resumes after it, when it
        runs to the end of the text or the attribution opens the text (a bottom-posted reply
        below it)."""
        opens_text = self.first_worded >= at
        after = lines[last].end
        if kind == "html":
            opening = _BLOCKQUOTE.search(text, after, after + _QUOTE_GAP)
            if opening is None or has_words(text[after : opening.start()], kind):
                return None
            if self.closing < opening.end() or not (opens_text or not self.words_after_closing):
                return None
            return opening.end(), self.closing, self.closing + len("</blockquote>")
        if not opens_text:
            # The reply above: every line with text below the attribution is quoted.
            if self.last_unquoted > last or self.last_written <= last:
                return None
            return after + 1, lines[self.last_written].end, lines[self.last_written].end
        end = None
        for line in lines[last + 1 :]:  # the reply below the quote: the quoted run, then it
            if not line.text.strip():
                continue
            if not line.text.lstrip().startswith(">"):
                break
            end = line.end
        return None if end is None else (after + 1, end, end)


def _attributed(before: str, after: str) -> tuple[str | None, str | None]:
    """Who wrote the quoted message and when, from its attribution line: the name after the
    date and time ("…, 6:26 PM, Megan One <…>") or after the verb ("schrieb Bob Smith")."""
    before = _LEAD.sub("", before.strip(" \t>"))
    address = _ADDRESS.search(before) or _ADDRESS.search(after)
    email = address.group().strip("\"'“”<>[] ") if address is not None else ""
    clock = _CLOCK.match(before)
    when = before[: clock.end()] if clock is not None else ""
    who = after.strip() or (before[clock.end() :] if clock is not None else before)
    who = _ADDRESS.sub("", who).strip(" ,\"'“”")
    who = re.sub(r"^(?:пользователь|użytkownik)\b", "", who, flags=re.I).strip(" ,\"'“”")
    sender = sender_name(f"{who} <{email}>") if email else who or None  # a bare "Megan One" is no address
    # "12.11.2026 um 09:14", "2 avr. 2012 à 14:20": the date, then the time.
    when = re.sub(r"[\s,]+(?:at|um|à|a las|alle|om|às|kl\.?)\s+(?=\d)", " ", when.strip(" ,"))
    return sender, normalise_datetime(when) if when else None


def forwards(text: str, kind: str) -> list[Forward]:
    """Each message passed on in a chain (a forward of a forward, the message a reply quotes),
    outermost first; the last one's ``text`` is the message that was passed on."""
    found: list[Forward] = []
    while len(found) < _MAX_FORWARDS:
        inner = split_forward(text, kind) or split_reply(text, kind)
        if inner is None:
            break
        found.append(inner)
        text = inner.text
    return found


def _headers(lines: list[Line], at: int) -> tuple[dict[str, str], int] | None:
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


def _unquoted(text: str, kind: str = "text") -> str:
    """A passed-on body every line of which is quoted ("> …", as some clients forward, and
    Hotmail writes in HTML as "&gt; ") without its quote marks; any other body as it is."""
    if kind == "html":
        written = [line.text for line in html_lines(text) if line.text.strip()]
        if not written or not all(line.startswith(">") for line in written):
            return text
        return _HTML_QUOTE_MARK.sub(r"\1\2", text)
    written = [line for line in text.split("\n") if line.strip()]
    if not written or not all(line.lstrip().startswith(">") for line in written):
        return text
    return "\n".join(re.sub(r"^[ \t]*> ?", "", line) for line in text.split("\n"))


_HTML_QUOTE_MARK = re.compile(r"(^|<br\s*/?>|<(?:div|p)\b[^>]*>)((?:\s|</?(?:div|p|span)\b[^>]*>)*)&gt; ?", re.I)
