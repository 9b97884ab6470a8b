"""Messages forwarded inline (Gmail, Outlook, Thunderbird, Apple Mail): the forwarder's note
is one entry, the forwarded message is read as itself, under its own subject, sender and date."""

from __future__ import annotations

from pathlib import Path

from brief.parsers.dates import normalise_datetime
from brief.parsers.mail_forward import forwards, split_forward
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


def test_real_replies_over_a_quoted_original_give_the_reply_and_the_original_apart() -> None:
    # mailgun/talon's replies (Apache-2.0): AOL's and Yahoo's "Original Message" blocks and
    # Comcast's marker-less header block, each over the message it answers.
    expected = {
        "talon-aol.eml": [("Megan Odin", "2012-04-02T09:57:58-04:00"), ("bob", "2012-04-02T17:49:00-04:00")],
        "talon-yahoo.eml": [("Alex Q", "2012-04-02T06:45:30-07:00"), ("bob@xxx.mailgun.org", "2012-04-02T17:44:00-07:00")],
        "talon-comcast.eml": [("xxx@comcast.net", "2012-04-02T13:56:12+00:00"), ("bob@xxx.mailgun.org", "2012-04-02T13:56:12+00:00")],
    }
    for name, senders in expected.items():
        path = REAL / name
        got = parse_bytes(str(path), path.read_bytes(), default_settings())
        assert [(e.author, e.published) for e in got.entries] == senders, name
        assert [e.title for e in got.entries] == ["Test", "Test"], name
        assert got.entries[0].body == "Hello", name
        assert "Original Message" not in got.entries[1].body and "Subject:" not in got.entries[1].body, name
