"""Messages forwarded inline (Gmail, Outlook, Thunderbird, Apple Mail) or quoted under a reply:
the forwarder's note or the reply is one entry, the message passed on is read as itself,
under its own subject, sender and date; signatures are no part of either."""

from __future__ import annotations

from pathlib import Path

from brief.parsers.dates import normalise_datetime
from brief.parsers.mail_forward import forwards, split_forward, split_reply
from brief.parsers.mail_signature import signature_start, without_signature
from brief.parsers.settings import default_settings
from brief.parsers.source import Parsed, parse_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "email"


def read(name: str) -> Parsed:
    path = FIXTURES / name
    return parse_bytes(str(path), path.read_bytes(), default_settings())


def test_a_newsletter_forwarded_inline_by_gmail_gives_the_note_and_the_newsletters_stories() -> None:
    got = read("gmail-inline-forward.eml")
    assert [(e.title, e.author, e.published) for e in got.entries] == [
        ("Inland Waterways Note, 12 November", "Tomas Lindqvist", "2026-11-12T09:14:03+01:00"),
        # dated by the forwarded header, in the forwarder's time zone
        ("Lower lock at Brennmoor shut for six weeks", None, "2026-11-12T06:30:00+01:00"),
        ("Grain barges wait for higher water", None, "2026-11-12T06:30:00+01:00"),
    ]
    assert got.entries[0].body == "For the barge contract file: the lock closure hits our January slots."
    text = "\n".join(e.body for e in got.entries)
    assert "Forwarded message" not in text and "gmail" not in text and "mailto" not in text


def test_a_forward_without_a_note_is_the_forwarded_message_in_any_language() -> None:
    got = read("thunderbird-forward-de.eml")
    assert [(e.title, e.author, e.published) for e in got.entries] == [
        ("Pegelwarnung Elde, Abschnitt Mitte", "Pegeldienst Nord", "2026-11-12T21:45:00+01:00"),
    ]
    assert got.entries[0].body.startswith("Der Pegel an der Messstelle Grabow")
    assert "Betreff" not in got.entries[0].body and "Weitergeleitete" not in got.entries[0].body


def test_an_outlook_forward_under_its_rule_has_the_senders_name_and_a_twelve_hour_time() -> None:
    got = read("outlook-forward.eml")
    assert [(e.author, e.published) for e in got.entries] == [
        ("Amara Osei", "2026-11-13T11:20:00+00:00"),
        ("Harbour Master's Office", "2026-11-12T16:05:00+00:00"),
    ]
    assert got.entries[1].body.startswith("From Monday the night pilot boat")
    assert "Sent:" not in got.entries[1].body


def test_a_forward_of_a_forward_is_split_at_each_marker_and_quoted_bodies_unquoted() -> None:
    text = (
        "See below.\n\n-----Original Message-----\nFrom: Ana Ruiz <ana@example.com>\nSent: Monday, 9 November 2026 10:00\n"
        "Subject: RE: Quay works\n\nAgreed, see the notice.\n\nBegin forwarded message:\n\n> From: Port Office <po@example.com>\n"
        "> Subject: Quay works notice\n> Date: 6 November 2026 at 08:15:00 CET\n>\n> Works on quay four start on Monday.\n"
    )
    chain = forwards(text, "text")
    assert [(f.subject, f.sender) for f in chain] == [("RE: Quay works", "Ana Ruiz"), ("Quay works notice", "Port Office")]
    assert chain[0].note == "See below.\n\n" and chain[1].note.strip() == "Agreed, see the notice."
    assert chain[1].text.strip() == "Works on quay four start on Monday."


def test_a_marker_without_headers_after_it_or_in_a_sentence_splits_nothing() -> None:
    assert split_forward("The clerk kept the original message.\nFrom: the archive", "text") is None
    assert split_forward("---------- Forwarded message ---------\nno headers here\nFrom: x", "text") is None
    assert split_forward("<p>Read the forwarded message below</p><p>From: us</p>", "html") is None


def test_twelve_hour_times_are_read_as_such_not_as_rfc_822() -> None:
    assert normalise_datetime("Thursday, November 12, 2026 4:05 PM") == "2026-11-12T16:05:00"
    assert normalise_datetime("November 12, 2026 12:30 AM") == "2026-11-12T00:30:00"
    assert normalise_datetime("Fri, 6 Nov 2026 06:00:00 +0000") == "2026-11-06T06:00:00+00:00"


REAL = Path(__file__).parent / "real" / "mail"


def read_real(name: str) -> Parsed:
    path = REAL / name
    return parse_bytes(str(path), path.read_bytes(), default_settings())


def test_real_replies_over_a_quoted_original_give_the_reply_and_the_original_apart() -> None:
    # mailgun/talon's replies (Apache-2.0): AOL's and Yahoo's "Original Message" blocks and
    # Comcast's marker-less header block, each over the message it answers.
    expected = {
        "talon-aol.eml": [("Megan Odin", "2012-04-02T09:57:58-04:00"), ("bob", "2012-04-02T17:49:00-04:00")],
        "talon-yahoo.eml": [("Alex Q", "2012-04-02T06:45:30-07:00"), ("bob@xxx.mailgun.org", "2012-04-02T17:44:00-07:00")],
        "talon-comcast.eml": [("xxx@comcast.net", "2012-04-02T13:56:12+00:00"), ("bob@xxx.mailgun.org", "2012-04-02T13:56:12+00:00")],
    }
    for name, senders in expected.items():
        got = read_real(name)
        assert [(e.author, e.published) for e in got.entries] == senders, name
        assert [e.title for e in got.entries] == ["Test", "Test"], name
        assert got.entries[0].body == "Hello", name
        assert "Original Message" not in got.entries[1].body and "Subject:" not in got.entries[1].body, name


def test_real_replies_over_an_attributed_quote_give_the_reply_and_the_quoted_message() -> None:
    # talon's replies by Gmail (text and HTML parts), iPhone (the attribution wrapped by
    # quoted-printable, "Sent from my iPhone" above it), Sparrow ("--" signature), Android
    # (Russian attribution), Thunderbird (bottom-posted: the quote first) and Hotmail (its
    # HTML quotes with "&gt; " as text).
    expected = {
        "talon-gmail.eml": [("Megan One", "2012-04-02T20:21:52+04:00"), ("Megan One", "2012-04-02T18:26:00+04:00")],
        "talon-iphone.eml": [("xxx", "2012-04-03T16:23:59+04:00"), ("bob", "2012-04-03T16:19:00+04:00")],
        # Sparrow quotes the whole thread: the reply, the message it answers, and that one's quote
        "talon-sparrow.eml": [
            ("xxx", "2012-04-03T16:58:35+04:00"), ("xxx", "2012-04-03T16:55:00+04:00"), ("bob", "2012-04-03T16:19:00+04:00")
        ],
        "talon-android.eml": [("Sergey Obykhov", "2012-04-02T18:22:10+04:00"), ("bob@xxx.mailgun.org", "2012-04-02T14:20:00+04:00")],
        # its attribution's "04/02/2012" may be either day: the quote takes the reply's time
        "talon-thunderbird.eml": [("bob", "2012-04-02T18:27:08+04:00"), ("Megan One", "2012-04-02T18:27:08+04:00")],
        "talon-hotmail.eml": [("Alexey Q", "2012-04-02T21:47:37+08:00"), ("bob@xxx.mailgun.org", "2012-04-02T17:44:22+04:00")],
    }
    for name, senders in expected.items():
        got = read_real(name)
        assert [(e.author, e.published) for e in got.entries] == senders, name
        assert [e.body for e in got.entries] == ["Hello"] * (len(senders) - 1) + ["Hi"], name
        assert {e.title for e in got.entries} == {"Test"}, name


def test_a_quotation_inside_a_text_or_without_a_date_is_no_reply() -> None:
    letter = "The minister wrote in 2026:\n\n> We will keep the lock open.\n\nThe board disagreed on Monday."
    assert split_reply(letter, "text") is None  # text goes on under the quote
    assert split_reply("Thanks.\n\nThe clerk wrote:\n\n> Works start soon.", "text") is None  # no time, no year
    assert split_reply("On 3 May 2026, at 09:10, Ana wrote:\n\n> Works start soon.", "text") is None  # no reply
    reply = split_reply(
        "<p>Noted.</p><div>Am 12.11.2026 um 09:14 schrieb Tomas Lindqvist &lt;tl@example.org&gt;:</div>"
        "<blockquote type='cite'><p>The lock shuts on Monday.</p></blockquote>",
        "html",
    )
    assert reply is not None
    assert (reply.sender, reply.sent) == ("Tomas Lindqvist", "2026-11-12T09:14:00")
    assert reply.text == "<p>The lock shuts on Monday.</p>" and "blockquote" not in reply.note


def test_a_signature_is_cut_but_a_rule_above_more_text_or_a_text_of_only_a_signature_is_not() -> None:
    signed = "The lock shuts on Monday.\n\n-- \nAna Ruiz\nHarbour office\n+34 600 000 000\n"
    assert without_signature(signed, "text") == "The lock shuts on Monday.\n\n"
    assert without_signature("Noted.\n\nSent from my iPhone\n", "text") == "Noted.\n\n"
    assert without_signature("<p>Noted.</p><p>-- <br>Ana Ruiz</p>", "html") == "<p>Noted.</p><p>"
    long_tail = "Summary.\n--\n" + "\n".join(f"Item {i} of the agenda, to be read in full." for i in range(12))
    assert signature_start(long_tail.split("\n")) is None
    assert signature_start(["-- ", "Ana Ruiz"]) is None  # nothing above it: the text is kept
