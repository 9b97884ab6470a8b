"""Mailing list digests and enclosed messages: each message of a digest is one entry under
its own subject, sender and date; a list's masthead, contents and footer are none."""

from __future__ import annotations

from pathlib import Path

from brief.parsers.mail_digest import plain_markdown
from brief.parsers.settings import default_settings
from brief.parsers.sniff import looks_like_digest, sniff
from brief.parsers.source import Parsed, parse_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "email"
REAL = Path(__file__).parent / "real" / "mail"


def read(path: Path, name: str | None = None, data: bytes | None = None) -> Parsed:
    return parse_bytes(name or str(path), data if data is not None else path.read_bytes(), default_settings())


def test_a_plain_text_digest_gives_each_message_once_under_its_subject() -> None:
    got = read(FIXTURES / "harbour-list-digest.txt")
    assert got.format == "email" and got.error is None
    assert [(e.title, e.author, e.published) for e in got.entries] == [
        ("Dredging of the north channel starts Monday", "Ingrid Solberg", "2026-11-02T08:14:05+01:00"),
        ("Dredging of the north channel starts Monday", "Tomasz Wrona", "2026-11-02T10:40:51+01:00"),
        ("Pilot boat roster for the winter", "harbourmaster@example.org", "2026-11-03T16:02:12+01:00"),
    ]
    text = "\n".join(e.body for e in got.entries)
    for chrome in ("mailing list submissions", "Today's Topics", "attachment was scrubbed", "Digest Footer", "End of"):
        assert chrome not in text
    reply = got.entries[1].body
    assert "> The channel stays open" in reply  # the quoted message, as a quotation
    # The signature, a rule inside it, is cut with it: no message of its own, no part of this one.
    assert "Tomasz Wrona" not in reply and "Sent from the ferry office" not in reply
    assert reply.endswith("crossing are mostly commuters.")
    ruled = plain_markdown(["Tomasz Wrona", "Ferry operations", "---", "Sent from the ferry office"])
    assert "\n\n---\n\n" in ruled and "operations\n---" not in ruled  # a rule, never a heading's underline


def test_a_digest_reads_the_same_with_windows_line_ends_and_under_any_name() -> None:
    data = (FIXTURES / "harbour-list-digest.txt").read_bytes()
    want = [(e.title, e.author) for e in read(FIXTURES / "harbour-list-digest.txt").entries]
    for name in ("digest.txt", "digest.md", "digest"):
        got = read(FIXTURES / "harbour-list-digest.txt", name, data.replace(b"\n", b"\r\n"))
        assert got.format == "email" and [(e.title, e.author) for e in got.entries] == want


def test_text_laid_out_with_rules_and_a_memo_are_no_digest() -> None:
    memo = "From: the desk\nSubject: rota\n\nEveryone is on early shifts this week.\n"
    ruled = "Notes\n" + "-" * 30 + "\nFrom the archive: a note on the harbour.\nSubject to change.\n"
    assert not looks_like_digest(memo) and not looks_like_digest(ruled)
    assert sniff("memo.txt", memo) == "text" and sniff("notes.txt", ruled) == "text"


def test_a_mime_digest_gives_its_messages_without_the_lists_tag() -> None:
    got = read(FIXTURES / "harbour-mime-digest.eml")
    assert [(e.title, e.author, e.published) for e in got.entries] == [
        ("Fog signal test on Friday", "Ingrid Solberg", "2026-11-04T09:30:00+01:00"),
        ("Quay 4 crane back in service", "Ana Ferreira", "2026-11-04T15:12:44+01:00"),
    ]
    assert "noon. Residents" in got.entries[0].body  # quoted-printable soft breaks joined
    assert not any("mailing list" in e.body or "Today's Topics" in e.body for e in got.entries)


def test_a_newsletter_forwarded_as_an_attachment_is_read_as_a_newsletter() -> None:
    got = read(FIXTURES / "forwarded-bulletin.eml")
    titles = [e.title for e in got.entries]
    assert titles[1:] == ["Rail link to the container port reopens", "Grain terminal tender extended by a month"]
    assert "ten o'clock meeting" in got.entries[0].body  # the forwarder's note is kept
    assert got.entries[1].published == "2026-11-06T06:00:00+00:00"  # dated by the bulletin


def test_messages_nested_past_reason_are_not_read() -> None:
    inner = b"From: a@example.org\nSubject: core\n\nThe innermost text.\n"
    for level in range(40):
        inner = (
            f"From: l{level}@example.org\nSubject: level {level}\nMIME-Version: 1.0\n"
            "Content-Type: message/rfc822\n\n"
        ).encode() + inner
    got = read(FIXTURES / "x.eml", "nested.eml", inner)
    assert got.error is not None or got.entries == ()  # nothing read 40 deep, and no crash


# Real messages from MimeKit's test suite (MIT, see tests/real/README.md); what each should
# give is what its own headers state.
def test_real_messages_read_whatever_their_shape() -> None:
    want = {
        "multipart-digest.txt": ["m1", "m2"],  # a multipart/digest inside a message/rfc822
        "issue358.txt": ["FR-selca LA selcaE"],  # an unindented line inside a folded header
        "multipart-related-mhtml.txt": ["def"],  # a saved page whose first part is an image
        "delivery-status.txt": ["unsubscribe"],  # a bounce: the returned message
        "feedback-report.txt": ["Earn money", "Earn money"],  # a byte-order mark before the headers
        "japanese.txt": ["日本語メールテスト (testing Japanese emails)"],
        "simple-embedded-message.eml": ["test of simple embedded message/rfc822 part", "embedded message"],
    }
    for name, titles in want.items():
        got = read(REAL / name)
        assert got.format == "email", name
        assert [e.title[: len(t)] for e, t in zip(got.entries, titles, strict=False)] == titles, (name, got.entries)
        assert len(got.entries) == len(titles), name
    digest = read(REAL / "multipart-digest.txt").entries
    assert [e.author for e in digest] == ["m1@example.com", "m2@example.com"]
    assert all(e.published == "2012-08-12T12:34:56+03:00" for e in digest)  # their digest's date


def test_a_reply_that_quotes_its_message_is_no_copy_of_it() -> None:
    from brief.parsers import load
    from brief.parsers.dedup import cluster

    entries = load([str(FIXTURES / "harbour-list-digest.txt")]).entries
    assert sorted(e.author or "" for e in entries if "Dredging" in e.title) == ["Ingrid Solberg", "Tomasz Wrona"]
    original = "Dredging starts\nThe dredger arrives on Sunday and work in the north channel begins on Monday at first light."
    reply = "Dredging starts\n> The dredger arrives on Sunday and work in the north channel begins on Monday at first light.\n\nWill the ferry keep its slot?"
    assert cluster([original, reply]) == [[0], [1]]
    assert cluster([reply, reply.replace("slot?", "slot at all?")]) == [[0, 1]]  # copies of one reply still fold
