"""Markdown, HTML, feeds and JSON: titles, bodies, authors and times exactly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from brief.parsers import default_settings, load, read_source
from brief.parsers.export import to_json
from brief.parsers.html_page import _weak_title, read_html
from brief.parsers.model import RawEntry
from conftest import FIXTURES, HOSTILE


def parse(folder: str, name: str):
    parsed = read_source(str(FIXTURES / folder / name), default_settings())
    assert parsed.error is None, parsed.error
    return parsed


def entries_of(tmp_path, name: str, text: str):
    """The entries of a small file written for one test."""
    source = tmp_path / name
    source.write_text(text)
    return read_source(str(source), default_settings()).entries


def test_markdown_newsletter_with_emphasis_times_and_key_events() -> None:
    parsed = parse("markdown", "northern-brief.md")
    got = parsed.entries
    assert parsed.format == "markdown"
    assert [e.title for e in got] == ["Wind farm auction draws record bids", "Grid operator warns of tight summer margins"]
    assert [e.published for e in got] == ["2025-06-09T07:30:00", "2025-06-09T09:05:00"]
    assert {e.author for e in got} == {"Sofia Marchetti"}
    assert got[1].body == (
        "Sweden's grid operator Svenska kraftnät said maintenance on two nuclear units would leave supply margins "
        "thin in July.\n\n- Ringhals 4 returns on 14 July\n- Forsmark 2 returns on 21 July"
    )


def test_markdown_times_in_headings_and_front_matter() -> None:
    got = parse("markdown", "court-live.md").entries
    assert [e.title for e in got] == [
        "Judges retire to consider ruling",
        "Government lawyer defends emergency powers",
        "Proceedings resumed this morning with questions from the bench about the…",
    ]
    assert [e.published for e in got] == [
        "2025-11-04T13:20:00+00:00",
        "2025-11-04T11:45:00+00:00",
        "2025-11-04T10:02:00+00:00",
    ]
    assert {e.author for e in got} == {"Daniel Osei"}


def test_an_mdx_newsletter_without_its_code_anchors_or_sponsor() -> None:
    """A newsletter kept as MDX by a static-site generator: its imports and components are
    code, its headings' "{#anchor}" no words, its sponsor no story; its front matter's
    list of authors signs it."""
    got = parse("markdown", "harbour-dev-weekly.mdx")
    assert [e.title for e in got.entries] == [
        "Harbour Dev Weekly #58: tide tables, berth API, ferry app", "🌊 Tides", "⛴️ Ferries"
    ]
    assert {e.author for e in got.entries} == {"mira-okonkwo, tjalling"}
    text = "\n".join(e.body for e in got.entries)
    assert "import" not in text and "<Intro" not in text and "<SubscribeForm" not in text and "Quaymaster" not in text
    assert "[Tide tables move to the new datum](https://tides.example/datum)" in text


def test_markdown_setext_headings() -> None:
    got = parse("markdown", "plain-headings.md").entries
    assert [e.title for e in got] == ["Markets", "Weather"]


def test_html_live_blog_articles_without_chrome() -> None:
    got = parse("html", "election-live.html").entries
    assert [e.title for e in got] == ["Turnout estimated at 71%", "First results from the coast", "Polls have closed."]
    assert [e.published for e in got] == [
        "2025-05-18T22:40:00+02:00",
        "2025-05-18T21:15:00+02:00",
        "2025-05-18T20:05:00+02:00",
    ]
    assert got[0].author == "Tomasz Wójcik"
    assert got[0].link == "https://news.example.org/election-live#p3"
    assert got[0].body == (
        "The electoral commission estimated turnout at **71%**, the highest in two decades.\n\n"
        "Queues were still forming outside some polling stations in the capital when doors closed."
    )
    dumped = "".join(e.title + e.body for e in got)
    for unwanted in ("cookies", "Share on", "Privacy", "javascript:", "trackEverything", "Key events", "Home"):
        assert unwanted not in dumped


def test_html_newsletter_without_articles_splits_at_headings_and_txt_is_sniffed() -> None:
    for name in ("newsletter.html", "really-html.txt"):
        parsed = parse("html", name)
        assert parsed.format == "html"
        assert [e.title for e in parsed.entries] == ["Central bank holds rates", "Port strike ends"]
        assert {e.published for e in parsed.entries} == {"2025-03-07"}
        assert "Unsubscribe" not in parsed.entries[-1].body


def test_rss2_items() -> None:
    got = parse("feed", "rss2.xml").entries
    assert [e.title for e in got] == [
        "Council approves new tram line",
        "Library reopens after repairs",
        "A short item with no title: bin collections move to Thursday next week.",
    ]
    assert got[0].body == (
        "The council voted **31 to 12** to build the line, which will link the station to the university.\n\n"
        "Construction starts next spring."
    )
    assert [e.author for e in got] == ["Amara Nwosu", "Jonas Berg", None]
    assert [e.published for e in got] == ["2025-03-04T18:30:00+00:00", "2025-03-03T09:00:00+00:00", None]
    assert [e.link for e in got] == ["https://city.example.com/tram", "https://city.example.com/library", None]


def test_rss1_atom1_atom03_and_rss091_with_latin1_and_html_entities() -> None:
    comet = parse("feed", "rss1.rdf").entries[0]
    assert (comet.title, comet.author, comet.published) == (
        "Comet brightens ahead of schedule", "Ines Duarte", "2025-01-20T21:00:00+01:00",
    )  # fmt: skip
    drought, harvest = parse("feed", "atom.xml").entries
    assert drought.title == "Drought eases in the south"
    assert drought.body == "Reservoir levels rose for the first time in [five months](https://field.example.org/data)."
    assert (drought.author, drought.published) == ("Kwame Mensah", "2025-06-02T08:00:00+00:00")
    assert harvest.body == "The farmers' union now expects a harvest *close to* the five-year average."
    old = parse("feed", "atom03.xml").entries[0]
    assert (old.title, old.published, old.link) == ("Moving to a new server", "2004-05-01T12:00:00+00:00", "http://old.example.com/move")
    cafe = parse("feed", "rss091.xml").entries[0]
    assert cafe.title == "Menu\u00a0changes for spring" or cafe.title == "Menu changes for spring"
    assert cafe.body == "New dishes from the café kitchen, including a crème brûlée."


def test_json_dump_round_trip_keeps_entries(tmp_path) -> None:
    sources = [str(FIXTURES / "text" / "harbour-live.txt"), str(FIXTURES / "feed" / "rss2.xml")]
    first = load(sources)
    dump = tmp_path / "dump.json"
    dump.write_text(to_json(first))
    again = load([str(dump)])
    key = lambda b: [(e.id, e.title, e.body, e.author, e.published, e.seen) for e in b.entries]  # noqa: E731
    assert key(again) == key(first)
    lines = tmp_path / "entries.jsonl"
    lines.write_text("\n".join(json.dumps({"title": e.title, "body": e.body}) for e in first.entries))
    assert [e.id for e in load([str(lines)]).entries] == [e.id for e in first.entries]


def test_cli_dump_contract_and_exit_status() -> None:
    good = str(FIXTURES / "feed" / "atom.xml")
    bad = str(HOSTILE / "binary.txt")
    run = subprocess.run([sys.executable, "-m", "brief.tui.cli", "dump", good, bad, "--json"], capture_output=True, text=True)
    assert run.returncode == 0
    data = json.loads(run.stdout)
    assert data["version"] == 1
    assert [s["error"] for s in data["sources"]] == [None, "binary file (not text)"]
    entry = data["entries"][0]
    assert set(entry) >= {"id", "title", "body", "author", "published", "occurrences", "seen", "actors", "topics"}
    assert "binary.txt: binary file" in run.stderr
    only_bad = subprocess.run([sys.executable, "-m", "brief.tui.cli", "dump", bad], capture_output=True, text=True)
    assert only_bad.returncode == 1


def test_html_blocks_without_articles_and_captions_dropped() -> None:
    got = parse("html", "blocks-live.html").entries
    assert [e.title for e in got] == [
        "Draft deal text published",
        "Ministers arrive in Belém",
        "Good morning and welcome to our coverage of the climate summit's final week.",
    ]
    assert [e.published for e in got] == ["2025-11-10T12:05:00+00:00", "2025-11-10T10:00:00+00:00", "2025-11-10T08:00:00+00:00"]
    # The photo's caption and its alt text both go: neither is the post's text.
    assert got[1].body == "Brazil's environment minister Marina Silva welcomed delegations at the conference centre."
    assert not any("Photograph" in e.body or "Share" in e.body or "Updated at" in e.body for e in got)


def test_json_feed_items() -> None:
    parsed = parse("json", "json-feed.json")
    assert parsed.format == "json"
    first, second = parsed.entries
    assert (first.title, first.body, first.author, first.published, first.link) == (
        "Ferry timetable changes",
        "The winter timetable starts on **Monday**.",
        "Mei Tanaka",
        "2025-10-27T08:00:00+01:00",
        "https://harbour.example/notes/1",
    )
    assert second.title == "Dredging of the outer channel finished ahead of schedule."
    assert second.published == "2025-10-26"


def test_table_layout_email_newsletter_with_bold_titles_and_footer() -> None:
    got = parse("html", "email-digest.html").entries
    assert [e.title for e in got] == [
        "Port of Gdansk expands container terminal",
        "Heatwave strains Spain's grid",
        "Rail strike called off",
    ]
    assert {e.published for e in got} == {"2025-11-06"}
    assert got[2].body == "Unions and the operator reached a deal late on Wednesday, so trains will run normally on Friday."


def test_single_article_page_metadata_and_no_photo_text() -> None:
    (entry,) = parse("html", "glacier-article.html").entries
    assert entry.title == "Glacier retreat speeds up in the Alps"
    assert entry.author == "Lena Brunner"
    assert entry.published == "2026-08-14T07:30:00+02:00"  # article:published_time, though og:type is missing
    assert entry.body.startswith("Swiss glaciers lost 3%")
    for noise in ("Ice", "Photograph", "cookies", "Related", "Snow cover", "All rights reserved", "Sign in"):
        assert noise not in entry.body


def test_news_api_exports_articles_and_nested_results() -> None:
    articles = parse("json", "news-api.json").entries
    assert [a.title for a in articles] == ["Ferry operator adds winter sailings", "Storm warning for the north coast"]
    assert articles[0].author == "Tom Reyes" and articles[0].link == "https://example.net/ferry"
    assert articles[0].published == "2026-11-18T06:00:00+00:00"
    assert articles[0].body.startswith("Two extra crossings a day") and "Bookings open on Monday." in articles[0].body
    assert articles[1].body == "Gusts of 110 km/h expected."
    (result,) = parse("json", "guardian-api.json").entries
    assert (result.title, result.author) == ("Talks stall over grain corridor", "Ana Lima")
    assert result.body == "Negotiators in Istanbul failed to agree on the **grain corridor**.\n\nTurkey said talks would resume."


def test_markdown_live_page_standfirst_table_and_key_events() -> None:
    got = parse("markdown", "budget-live.md").entries
    assert [e.title for e in got] == ["Budget day live — 26 November 2026", "Chancellor confirms fuel duty freeze", "Speech begins"]
    assert got[0].body == "*Live coverage from Westminster. All times GMT.*"
    assert got[1].published == "2026-11-26T12:31:00" and "| Fuel duty freeze | £3bn |" in got[1].body
    briefing = load([str(FIXTURES / "markdown" / "budget-live.md")])
    names = {a.name for a in briefing.actors}
    assert "Rachel Reeves" in names
    assert not any("Measure" in n or n == "MPs" for n in names)  # a table's header row, a plural group


def test_html_live_posts_timed_by_attribute_or_time_class_and_headless_posts_kept() -> None:
    got = parse("html", "wildfire-live.html").entries
    assert [e.title for e in got] == ["Evacuation order for two villages", "Winds expected to strengthen", "Good afternoon."]
    assert [e.published for e in got] == ["2026-07-21T16:40:00+03:00", "2026-07-21T15:10:00+03:00", "2026-07-21T14:02:00+03:00"]
    assert not any("16:40" in e.body or "Tweet" in e.body for e in got)
    page = (
        "<html><body><h1>Storm live, 3 March 2026</h1><div class='feed'>"
        "<div class='post'><span class='timestamp'>09:15</span><h2>Roads closed</h2><p>Police shut the coast road after a landslide.</p></div>"
        "<div class='post'><span class='timestamp'>08:40</span><p>Morning. Heavy rain is forecast until the evening in the north.</p></div>"
        "</div></body></html>"
    )
    posts = read_html(page, boilerplate=default_settings().boilerplate_pattern)
    assert [(p.title, p.published) for p in posts] == [
        ("Roads closed", "2026-03-03T09:15:00"),
        ("Morning.", "2026-03-03T08:40:00"),
    ]


def test_markdown_live_blog_with_a_bold_time_over_each_post() -> None:
    """No heading per post: "**10:42**" paragraphs start posts, dated by the page's date line;
    the pinned post repeated further down is one entry seen twice."""
    got = parse("markdown", "storm-live.md").entries
    assert [e.published for e in got] == [
        "2026-11-18", "2026-11-18T10:42:00", "2026-11-18T10:15:00", "2026-11-18T09:50:00",
        "2026-11-18T08:55:00", "2026-11-18T08:30:00",
    ]  # fmt: skip
    assert got[0].title == "Storm Halvard live: ferries cancelled as winds reach 140km/h"
    assert got[4].body.startswith("Schools in the western districts")  # a time and its text on one line
    assert not any("10:42" in e.body or "**08:55**" in e.body for e in got)
    briefing = load([str(FIXTURES / "markdown" / "storm-live.md")])
    assert len(briefing.entries) == 5
    assert briefing.entries[0].seen == 2


def test_a_captioned_photo_keeps_its_caption_not_its_alt_text() -> None:
    from brief.parsers.html_markdown import html_to_markdown

    captioned = '<figure><img src="p.jpg" alt="Pylons at dusk"><figcaption>Pylons near the border.</figcaption></figure>'
    assert html_to_markdown(captioned + "<p>Reserves are low.</p>") == "Pylons near the border.\n\nReserves are low."
    assert html_to_markdown('<p><img src="c.png" alt="Chart of reserves"> Reserves are low.</p>') == (
        "Chart of reserves Reserves are low."
    )


@pytest.mark.parametrize("alt", ["angies-list", "screen_500 (1)", "IMG_2041.JPG", "ios2", "http://x.org/a/b.jpeg"])
def test_an_alt_text_that_is_the_images_file_name_is_not_written(alt: str) -> None:
    """Publishing tools fill in a photo's alt with its file's name; a reader gets no words
    from it, and a feed item's text would open with it."""
    from brief.parsers.html_markdown import html_to_markdown

    assert html_to_markdown(f'<img src="a.jpg" alt="{alt}"><p>Reserves are low.</p>') == "Reserves are low."
    assert html_to_markdown('<img src="a.jpg" alt="Stuttgart.de"><p>Start.</p>') == "Stuttgart.de\n\nStart."


def test_newsletter_sections_drop_rules_ads_and_footers_and_keep_read_more_links() -> None:
    got = parse("markdown", "friday-digest.md").entries
    assert [e.title for e in got] == ["EU agrees methane rules for imported gas", "Wind auction undersubscribed"]
    assert [e.link for e in got] == ["https://example.com/methane", "https://example.com/wind"]
    assert not any("---" in e.body or "Read more" in e.body or "Forward it" in e.body for e in got)


def test_json_lines_with_a_broken_line_keep_the_others_and_say_which_line() -> None:
    parsed = read_source(str(FIXTURES / "json" / "partly-broken.jsonl"), default_settings())
    assert [e.title for e in parsed.entries] == ["Rail strike called off", "Bridge reopens after repairs", "Rail strike called off"]
    assert parsed.error is not None and parsed.error.startswith("line 3: invalid JSON")
    briefing = load([str(FIXTURES / "json" / "partly-broken.jsonl")])
    assert len(briefing.entries) == 2
    assert [str(e) for e in briefing.errors] == [f"{FIXTURES / 'json' / 'partly-broken.jsonl'}: {parsed.error}"]


def test_markdown_date_headings_over_timed_posts() -> None:
    got = parse("markdown", "field-notes.md").entries
    assert [(e.title, e.published) for e in got] == [
        ("Water levels falling at Orsa", "2026-11-19T09:15:00"),
        ("Evacuees return to Lindby", "2026-11-19T14:30:00"),
        ("New alert for the coast", "2026-11-20T08:05:00"),
    ]
    assert not any("2026-11-20" in e.body for e in got)  # a date heading is no post's text


def test_newsletter_page_numbered_sections_byline_and_promos() -> None:
    got = parse("html", "northern-dispatch.html").entries
    assert [e.title for e in got] == [
        "The Northern Dispatch #112",
        "Fisheries deal signed",  # "1. " is the newsletter's numbering, not the headline
        "A new chief for the port",
        "Aurora forecast",
    ]
    assert {e.author for e in got} == {"Ingrid Solberg"}  # "Ingrid Solberg · Nov 21, 2026"
    text = " ".join(e.body for e in got)
    assert "Subscribe" not in text and "Thanks for reading" not in text and "Nov 21" not in text


def test_atom_relative_links_resolve_against_the_feeds_base() -> None:
    got = parse("feed", "arctic-watch.xml").entries
    assert [e.link for e in got] == [
        "https://blog.example.net/posts/ice-minimum",  # "/posts/ice-minimum" under xml:base
        "https://blog.example.net/posts/station",
    ]
    assert got[0].title == "Ice minimum confirmed" and got[0].author == "Sami Kettunen"
    briefing = load([str(FIXTURES / "feed" / "arctic-watch.xml")])
    assert briefing.entries[0].actors == ("National Snow and Ice Data Center",)  # no speaker "Ice"


def test_times_in_a_headed_section_stay_in_it(tmp_path) -> None:
    got = entries_of(
        tmp_path,
        "summit.md",
        "# Summit week\n\n## Monday agenda\n\n**09:00** Registration opens.\n\n**09:30** Keynote by the mayor.\n\n"
        "**10:30** Panel on grid investment.\n\n## Tuesday\n\nDelegates travel to the port.\n",
    )
    assert [e.title for e in got] == ["Monday agenda", "Tuesday"]
    assert "**10:30** Panel on grid investment." in got[0].body


def test_chat_channel_export_messages_with_styled_text() -> None:
    """A Telegram-style channel export: messages whose text is runs of plain and styled parts;
    service messages and captionless photos are no entries."""
    got = parse("json", "harbour-channel.json").entries
    assert [e.published for e in got] == ["2026-11-23T08:12:40", "2026-11-23T10:02:11"]
    assert got[0].body.startswith("Two tankers anchored off Kestrel Point overnight")
    assert {e.author for e in got} == {"Harbour Watch"}


def test_a_story_list_keeps_each_headlines_link() -> None:
    got = parse("html", "top-stories.html").entries
    assert [e.link for e in got] == [
        "https://news.example.com/2026/11/24/grid",
        "https://news.example.com/2026/11/24/rail",  # "/2026/11/24/rail" on the canonical address
        None,  # javascript: is never a link
    ]


def test_a_markdown_headline_that_links_to_its_story(tmp_path) -> None:
    got = entries_of(
        tmp_path,
        "reading.md",
        "# Reading list\n\n## [Grid operator orders reserve](https://news.example.com/grid)\n\n"
        "Three idle gas plants must stand ready.\n\n## Rail fares to rise\n\nThe smallest rise in years.\n",
    )
    assert [(e.title, e.link) for e in got] == [
        ("Grid operator orders reserve", "https://news.example.com/grid"),
        ("Rail fares to rise", None),
    ]


def test_a_digest_written_as_lists_of_bold_headlines() -> None:
    """Each "- **Headline** — text" item is a story of its own; a list of bold labels
    ("- **Water:** …") is one entry's text."""
    got = parse("markdown", "morning-list.md").entries
    assert [e.title for e in got] == [
        "EU agrees methane rules for imported gas",
        "Offshore wind auction undersubscribed",
        "Japan restarts two reactors in Fukui",
        "Shipping rates in the Strait of Malacca climb",
        "Needs on the ground",
    ]
    assert got[0].link == "https://example.com/ft-methane"
    assert got[2].body == "The regulator cleared the units after a two-year review."
    assert {e.published for e in got} == {"2026-11-25"}
    assert got[4].body.startswith("- **Water:** trucking")


def test_numbers_that_are_part_of_names_stay(tmp_path) -> None:
    got = entries_of(
        tmp_path, "sport.md", "## 2. Bundesliga leaders slip\n\nHamburg drew at home.\n\n## 1. FC Köln win the derby\n\nA late goal settled it.\n"
    )
    assert [e.title for e in got] == ["2. Bundesliga leaders slip", "1. FC Köln win the derby"]


def test_a_blog_posts_time_in_its_first_paragraph() -> None:
    got = parse("html", "field-diary.html").entries
    assert [(e.title, e.published) for e in got] == [
        ("Back at the glacier camp", "2026-11-24T14:05:00"),
        ("Storm delays the survey", "2026-11-23T09:30:00"),  # "Posted 23 November 2026, 09:30"
    ]
    assert not any("Posted" in e.body for e in got)


def test_markdown_headline_entities_read_as_characters_never_as_escapes(tmp_path) -> None:
    got = entries_of(
        tmp_path, "notes.md", "# Notes\n\n## AT&amp;T cuts prices &#27;[31m\n\nThe carrier cut prices.\n\n## Second\n\nMore text.\n"
    )
    assert got[0].title == "AT&T cuts prices [31m"  # the escape character itself is gone


def test_an_atom_title_written_in_xhtml() -> None:
    got = parse("feed", "xhtml-title.atom").entries
    assert got[0].title == "Sea ice minimum confirmed"


def test_a_feed_readers_export_with_wrapped_texts_links_and_epoch_dates() -> None:
    """The Google Reader API's shape (Inoreader, FreshRSS …): {"summary": {"content": …}},
    [{"href": …}] links, dates in seconds since 1970."""
    got = parse("json", "reader-starred.json").entries
    assert [(e.title, e.published, e.link) for e in got] == [
        ("Grid operator orders emergency reserve", "2025-11-24T08:00:00+00:00", "https://news.example.com/grid"),
        ("Rail fares to rise 4% in March", "2025-11-23T08:00:00+00:00", "https://news.example.com/rail"),
    ]
    assert got[0].body == "The operator asked three idle gas plants to stand ready for the cold snap."


def test_a_saved_newsletter_email_reads_its_html_part_dated_by_the_message(tmp_path) -> None:
    """Quoted-printable HTML and plain alternatives, CRLF line ends: the HTML part's sections,
    with their links, at the time the message was sent; the footer is dropped."""
    got = parse("email", "lakeside-letter.eml")
    assert got.format == "email"
    assert [(e.title, e.published, e.link) for e in got.entries] == [
        ("Dam repairs finish early", "2026-11-25T06:30:00+01:00", "https://lakeside-letter.example/1"),
        ("New bus timetable from Monday", "2026-11-25T06:30:00+01:00", "https://lakeside-letter.example/2"),
        ("Rowing final moved to Sunday", "2026-11-25T06:30:00+01:00", "https://lakeside-letter.example/3"),
    ]
    assert "Drivers’ union spokesperson Ines Varga" in got.entries[1].body  # =E2=80=99 decoded
    assert not any("=\r" in e.body or "=E2" in e.body or "Unsubscribe" in e.body for e in got.entries)
    # The same bytes saved as .txt are still read as mail.
    saved = tmp_path / "newsletter.txt"
    saved.write_bytes((FIXTURES / "email" / "lakeside-letter.eml").read_bytes())
    assert read_source(str(saved), default_settings()).entries == got.entries


def test_a_mailbox_gives_each_message_titled_by_its_subject_from_its_sender() -> None:
    """A Latin-1 base64 message and a forwarded one: one post each, the subject (without
    "Fwd:") as title, the sender's name (or address) as author, the send time as date."""
    got = parse("email", "relief-desk.mbox").entries
    assert [(e.title, e.author, e.published) for e in got] == [
        ("Sitrep 12: river crossing reopened", "José Arévalo", "2026-11-23T18:45:00+00:00"),
        ("Sitrep 13: shelters half empty as families return", "desk@example.org", "2026-11-24T19:10:00+00:00"),
    ]
    assert got[0].body.startswith("The ferry crossing at Puerto Alto reopened at 14:00")
    assert "From the valley: a school reopened in San Telmo." in got[1].body  # ">From" unquoted


def test_a_typed_memo_with_mail_headers_stays_plain_text(tmp_path) -> None:
    source = tmp_path / "memo.txt"
    source.write_text("From: Ops desk\nTo: All staff\nSubject: Flood update\n\nThe river peaked overnight at Kell Bridge.\n")
    parsed = read_source(str(source), default_settings())
    assert parsed.format == "text"
    assert [(e.title, e.body) for e in parsed.entries] == [("Flood update", "The river peaked overnight at Kell Bridge.")]


def test_a_page_drawn_by_javascript_reads_the_live_blog_it_declares_in_json_ld() -> None:
    """An app shell ("Loading…") with a schema.org LiveBlogPosting in an @graph: its updates,
    with plain-text line breaks as paragraphs and HTML text converted."""
    got = parse("html", "app-shell-live.html").entries
    assert [(e.title, e.published, e.author, e.link) for e in got] == [
        ("Second pumping station back online", "2026-11-24T11:20:00+01:00", "Lena Fischer", "https://river-desk.example/live/water#post-3"),
        ("Boil-water notice stays for three districts", "2026-11-24T10:05:00+01:00", "Tomas Brandt", None),
        ("Mayor Ruth Okafor will speak to reporters at noon about the burst main under…", "2026-11-24T09:40:00+01:00", None, None),
    ]
    assert got[0].body.endswith("utility said.\n\nPressure in the northern districts should return to normal by the evening.")
    assert got[1].body.endswith("Bottled water is handed out at the **Altmarkt** sports hall.")


def test_a_pages_own_posts_win_over_a_shorter_or_broken_json_ld_list(tmp_path) -> None:
    page = (FIXTURES / "html" / "wildfire-live.html").read_text()
    own = [e.title for e in parse("html", "wildfire-live.html").entries]
    declared = '{"@type": "LiveBlogPosting", "liveBlogUpdate": [{"headline": "A", "articleBody": "a"}, {"headline": "B", "articleBody": "b"}]}'
    broken = '{"@type": "LiveBlogPosting", "liveBlogUpdate": ['
    for script in (declared, broken, "[" * 5000):
        source = tmp_path / "page.html"
        source.write_text(page.replace("<body>", f'<body><script type="application/ld+json">{script}</script>', 1))
        assert script in source.read_text()
        assert [e.title for e in read_source(str(source), default_settings()).entries] == own


def test_an_article_page_is_titled_signed_and_dated_by_what_it_declares() -> None:
    """The headline and byline sit in the page's masthead (dropped as chrome): the text alone
    would be titled by its first sentence, unsigned and undated; the page's JSON-LD names them."""
    (entry,) = parse("html", "harbour-article.html").entries
    assert (entry.title, entry.author, entry.published) == (
        "Harbour dredging to start in spring",
        "Mira Castell, Owen Pryce",
        "2026-11-20T08:15:00+00:00",
    )
    assert entry.body.startswith("Dredgers will begin clearing silt")


def test_a_headline_broken_over_lines_is_one_line(tmp_path) -> None:
    got = entries_of(tmp_path, "page.html", "<html><body><article><h2>Ferry\n  fares\n frozen</h2><p>Fares stay at 2025 prices until April.</p></article></body></html>")
    assert [e.title for e in got] == ["Ferry fares frozen"]


def test_a_feed_whose_declaration_names_the_wrong_or_an_unknown_encoding(tmp_path) -> None:
    item = "<rss version='2.0'><channel><item><title>Café owners in Dorn protest</title><description>Rents rose 9% in Dorn.</description></item></channel></rss>"
    for label in ("ISO-8859-1", "windows-1252", "no-such-encoding"):
        source = tmp_path / "feed.xml"
        source.write_bytes(f"<?xml version='1.0' encoding='{label}'?>{item}".encode())
        parsed = read_source(str(source), default_settings())
        assert [e.title for e in parsed.entries] == ["Café owners in Dorn protest"], label
    # Encodings the XML parser cannot read itself (Big5, Shift_JIS) are decoded first.
    source.write_bytes("<?xml version='1.0' encoding='big5'?><rss version='2.0'><channel><item><title>渡輪恢復航行</title></item></channel></rss>".encode("big5"))
    assert [e.title for e in read_source(str(source), default_settings()).entries] == ["渡輪恢復航行"]
    # A feed truly in Latin-1 keeps its declared encoding.
    source.write_bytes(f"<?xml version='1.0' encoding='ISO-8859-1'?>{item}".encode("latin-1"))
    assert [e.title for e in read_source(str(source), default_settings()).entries] == ["Café owners in Dorn protest"]


def test_a_page_in_the_charset_its_meta_tag_declares(tmp_path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><article><h2>Паромы снова ходят</h2><p>Переправа открылась в понедельник.</p></article></body></html>'
    source = tmp_path / "page.html"
    source.write_bytes(page.encode("cp1251"))
    assert [(e.title, e.body) for e in read_source(str(source), default_settings()).entries] == [
        ("Паромы снова ходят", "Переправа открылась в понедельник.")
    ]
    # A Latin-1 page that declares UTF-8 still reads as the usual fall-back reads it.
    source.write_bytes(b'<html><head><meta charset="utf-8"></head><body><article><h2>Caf\xe9 reopens</h2><p>Owners cheered.</p></article></body></html>')
    assert read_source(str(source), default_settings()).entries[0].title == "Café reopens"


def test_an_article_inside_blocks_classed_like_chrome_is_kept() -> None:
    """"c-ad-section" and "l-sidebar-fixed" wrap the whole article (layout classes): only a
    block holding little of the page is chrome. A name written with an HTML entity in JSON-LD
    reads as the name."""
    (entry,) = parse("html", "wrapped-article.html").entries
    assert entry.title == "Lighthouse keepers return to Skerry Point"
    assert entry.author == "Aoife O'Malley"
    assert entry.body.startswith("For the first time since 1998, two keepers")
    assert "put the kettle on again" in entry.body
    assert "Seal pups" not in entry.body and "More from the coast" not in entry.body


STORY = "<p>The ferry company added a late sailing on Fridays after a petition signed by 900 islanders.</p><p>The first late boat leaves the harbour at 22:40 next week.</p>"


def test_pages_whose_frame_looks_like_chrome_still_give_their_story(tmp_path) -> None:
    """Shapes of real pages that gave no entries: a <form> around the whole page (site
    builders), a <header> holding everything, a <main> around the headline only, empty
    <article> ad slots, teaser cards with headlines and no text."""
    pages = {
        "form": f"<body><form id='mainform'><h1>Late ferry added</h1>{STORY}<form><input name=q></form></form></body>",
        "header": f"<body><header class='header'><h1>Late ferry added</h1>{STORY}</header></body>",
        "main": f"<body><main><h1>Late ferry added</h1></main><div class='content'>{STORY}</div></body>",
        "slots": f"<body><article class='ad'></article><article></article><div><h1>Late ferry added</h1>{STORY}</div></body>",
        "cards": "<body><h1>Late ferry added</h1>" + STORY + "".join(
            f"<div class='teaser-card post'><h4>Other story {n}</h4></div>" for n in range(4)
        ) + "</body>",
    }
    for shape, page in pages.items():
        got = entries_of(tmp_path, f"{shape}.html", f"<html>{page}</html>")
        assert got and got[0].title == "Late ferry added", shape
        assert "petition signed by 900 islanders" in got[0].body and "22:40" in got[0].body, shape


def test_a_markdown_live_page_with_bold_times_and_rules_between_posts() -> None:
    """The first post sits right under the page's title (its time starts it: the title is no
    post's headline); a rule starts the next post even when it has no time."""
    got = parse("markdown", "harbour-watch.md").entries
    assert [(e.title[:40], e.published) for e in got] == [
        ("The pilot boat returned to port after a ", "2026-11-24T08:10:00"),
        ("Dock workers at the container terminal b", "2026-11-24T09:25:00"),
        ("Customs officers seized 40kg of tobacco ", "2026-11-24"),
        ("Quayline says the stoppage has ended ear", "2026-11-24T11:02:00"),
    ]


def test_a_digest_of_story_lists_under_section_headings() -> None:
    """A section holding one bold-headline story is a story like those of the longer lists;
    a trailing "[Read more](…)" is the story's link, not its text."""
    got = parse("markdown", "sectioned-digest.md").entries
    assert [(e.title, e.link) for e in got][:3] == [
        ("Ceasefire holds in the north", "https://example.org/a"),
        ("Grain ships leave port", "https://example.org/b"),
        ("Steelmaker cuts 400 jobs", "https://example.org/c"),
    ]
    assert got[2].body == "Northfield Steel blamed energy prices and weak demand."


def test_the_sections_of_a_newsletter_issue_share_its_declared_author_and_time() -> None:
    got = parse("html", "newsletter-issue.html").entries
    assert [e.title for e in got][1:] == ["Ferries return to the outer isles", "Cod quota cut by a fifth", "A bridge, at last"]
    assert {(e.author, e.published) for e in got} == {("Ines Halvorsen", "2026-11-24T07:00:00+00:00")}
    assert not any("Subscribe" in e.body or "Discussion" in e.body for e in got)


def test_a_pdf_or_office_file_is_named_with_what_to_do(tmp_path) -> None:
    for name, data, said in (
        ("report.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "a PDF; save or export it as text or HTML"),
        ("notes.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "Office document (.docx, .odt)"),
    ):
        source = tmp_path / name
        source.write_bytes(data)
        parsed = read_source(str(source), default_settings())
        assert parsed.entries == () and parsed.error is not None and said in parsed.error


def test_a_hand_made_feed_using_undeclared_prefixes_keeps_their_fields(tmp_path) -> None:
    """"dc:creator" without its xmlns: strict XML refuses the whole feed; the prefixes are
    declared and the feed read as written (the lenient reader would lose the author)."""
    source = tmp_path / "feed.xml"
    source.write_text(
        '<rss version="2.0"><channel><item><title>Ferry fares frozen</title><dc:creator>Ana Lima</dc:creator>'
        "<description>Fares stay at 2025 prices.</description><media:thumbnail url='http://x/a.jpg'/></item></channel></rss>"
    )
    (entry,) = read_source(str(source), default_settings()).entries
    assert (entry.title, entry.author, entry.body) == ("Ferry fares frozen", "Ana Lima", "Fares stay at 2025 prices.")


def test_feed_fields_as_other_parsers_suites_write_them(tmp_path) -> None:
    """Shapes from gofeed's test suite: an Atom title of an unknown non-binary type is text
    (not base64), base64 content of a binary-free type is decoded, an author written "Name
    (email)" is the name, and escaped markup in XHTML is text that a derived title keeps."""
    import base64

    encoded = base64.b64encode(b"Grain exports resumed at dawn.").decode()
    source = tmp_path / "feed.atom"
    source.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        '<entry><title type="application/x-custom">test</title><author><name>Jo Bloggs (jo@example.org)</name></author></entry>'
        f'<entry><title>Exports</title><content type="application/x-note">{encoded}</content></entry>'
        '<entry><title>Chart</title><content type="image/png">iVBORw0KGgo=</content><summary>A chart.</summary></entry>'
        '<entry><summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">&lt;p&gt;snake_case &amp; *stars*&lt;/p&gt;</div></summary></entry>'
        "</feed>"
    )
    first, second, third, fourth = read_source(str(source), default_settings()).entries
    assert (first.title, first.author) == ("test", "Jo Bloggs")
    assert second.body == "Grain exports resumed at dawn."
    assert "iVBOR" not in third.body
    assert fourth.title == "<p>snake_case & *stars*</p>"


def test_a_podcast_items_only_text_under_itunes_summary(tmp_path) -> None:
    source = tmp_path / "podcast.xml"
    source.write_text(
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><item>'
        "<title>Episode 12: the harbour strike</title><itunes:summary>\n      <![CDATA[\n        Dock workers explain the walkout.\n"
        "        Guests: two crane drivers.\n      ]]>\n    </itunes:summary></item></channel></rss>"
    )
    (entry,) = read_source(str(source), default_settings()).entries
    assert entry.body == "Dock workers explain the walkout.\nGuests: two crane drivers."


def test_a_mailbox_whose_writer_did_not_quote_from_lines_in_bodies(tmp_path) -> None:
    text = (FIXTURES / "email" / "relief-desk.mbox").read_bytes().replace(b"\n>From the valley", b"\nFrom the valley")
    source = tmp_path / "box.mbox"
    source.write_bytes(text)
    got = read_source(str(source), default_settings()).entries
    assert len(got) == 2 and "From the valley: a school reopened in San Telmo." in got[1].body


def test_a_slack_channel_export() -> None:
    """Messages with their senders' names and times (seconds since 1970, with a fraction); its
    markup read as Markdown; "has joined the channel" notices skipped."""
    got = parse("json", "slack-channel.json").entries
    assert [(e.author, e.published) for e in got] == [
        ("Ana Lima", "2026-11-25T08:00:00+00:00"),
        ("Tom Reyes", "2026-11-25T09:00:00+00:00"),
    ]
    assert got[0].body == "Morning all. **Ferry strike ends**: crews voted to accept the revised offer [story](https://coast.example/ferry)"
    assert got[1].body == "Port fees to rise 6% from January, #harbour-desk has the details. cc @U01"


def test_an_emails_hidden_preheader_is_no_entry_but_a_page_hidden_whole_is_read(tmp_path) -> None:
    story = "<h2>Ferry strike ends</h2><p>Crews voted to accept the revised pay offer late on Monday night.</p>"
    preheader = '<div style="display: none; max-height: 0px;">Ferries back, fees up, and a storm on the way</div>'
    got = entries_of(tmp_path, "mail.html", f"<html><body>{preheader}<table><tr><td>{story}</td></tr></table></body></html>")
    assert [e.title for e in got] == ["Ferry strike ends"]
    shell = entries_of(tmp_path, "page.html", f'<html><body><div id="app" style="display:none">{story}</div></body></html>')
    assert [e.title for e in shell] == ["Ferry strike ends"]


def test_an_entry_of_nothing_but_invisible_characters_is_dropped(tmp_path) -> None:
    got = entries_of(tmp_path, "digest.md", "## \u200c\u00a0\u200c\n\n\u200c \u200c \u200c\n\n## Ferry strike ends\n\nCrews voted to accept the offer.\n")
    assert [e.title for e in got] == ["Ferry strike ends"]


def test_a_notes_apps_links_embeds_and_callouts() -> None:
    """Obsidian-style [[Page]] and [[Page|text]] links read as their text (a short form of the
    page's name as the full name, so the person is known), callouts as plain quotes."""
    got = parse("markdown", "notes-app-brief.md").entries
    assert got[0].body.startswith("Volodymyr Zelenskyy said the talks would continue on Thursday. Rustem Umerov leads")
    assert "> Background\n> The last round ended" in got[0].body and "[!note]" not in got[0].body
    assert got[1].body == "Engineers restored power to Kharkiv overnight, according to Ukrenergo."
    names = {a.name for a in load([str(FIXTURES / "markdown" / "notes-app-brief.md")]).actors}
    assert {"Volodymyr Zelenskyy", "Rustem Umerov", "Kharkiv"} <= names


def test_a_read_more_line_is_the_storys_link_and_an_unsubscribe_link_is_nobodys() -> None:
    """"[Read the full story](…)" under a section links that story; the footer's
    "[Unsubscribe](…)" is dropped with its line and links no story."""
    got = parse("markdown", "morning-edition.md").entries
    by_title = {e.title: e for e in got}
    geneva = by_title["Geneva talks: day two"]
    assert geneva.link == "https://example.com/geneva-day-two" and "Read the full story" not in geneva.body
    assert by_title["Cyclone Imara: aid reaches the north"].link is None
    assert all("unsub" not in (e.link or "") and "receiving this" not in e.body for e in got)


def test_a_news_aggregators_items_lose_the_outlet_from_their_titles_and_are_signed_by_it(tmp_path) -> None:
    """"Headline - The Daily Ledger" with <source>The Daily Ledger</source>: the headline, by the outlet."""
    got = parse("feed", "aggregator.xml").entries
    assert [(e.title, e.author) for e in got] == [
        ("Geneva talks enter second day as envoys seek prisoner swap deal", "The Daily Ledger"),
        ("Central bank holds rates at 4.25% as inflation lingers", "Market Post"),
    ]
    kinds = {a.name: a.kind for a in load([str(FIXTURES / "feed" / "aggregator.xml")]).actors}
    assert kinds["Daily Ledger"] == "organisation"  # a newspaper, named like one
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Digest</title>'
        "<entry><title>Ferry strike ends after pay deal — Harbour Gazette</title><id>1</id><updated>2026-12-01T08:00:00Z</updated>"
        "<source><title>Harbour Gazette</title><id>g</id></source><summary>Crews voted to accept the offer.</summary></entry></feed>"
    )
    assert [(e.title, e.author) for e in entries_of(tmp_path, "digest.atom", atom)] == [("Ferry strike ends after pay deal", "Harbour Gazette")]


def test_a_newsletter_posts_sections_keep_its_time_and_lose_its_subscription_box() -> None:
    got = parse("html", "energy-letter.html").entries
    assert [e.title for e in got][1:] == ["Storage targets agreed", "Refinery strike spreads", "The new grid code"]
    assert all(e.published == "2026-11-28T07:00:00+00:00" and e.author == "Lena Marsh" for e in got)
    assert not any("reader-supported" in e.body or "subscriber" in e.body for e in got)


RIVER_POSTS = [
    ("Closing summary", None),
    ("Ferry links to resume on Thursday", "Tomas Reyes"),
    ("#TBT", None),
    ("Volunteers fill sandbags at the community hall", None),
    ("River peaks at 4.2 metres in Marlow", None),
    ("Good morning", "Hannah Osei"),
]


@pytest.mark.parametrize("name", ["text/river-live-dump.txt", "html/river-live-page.html", "text/river-live-copy.txt"])
def test_a_live_blog_as_a_text_dump_and_as_a_saved_page(name: str) -> None:
    """The shapes of real live blogs (tests/fixtures, in our words): a contributor's name
    under a post's time signs that post; a post of a hashtag alone is a post; the blog's
    headline, standfirst, byline, first-published line and key-event teasers are no posts;
    "Share", "Updated at …" and photo credits are chrome."""
    briefing = load([str(FIXTURES / name)])
    assert [(e.title, e.author) for e in briefing.entries] == RIVER_POSTS
    for entry in briefing.entries:
        assert "Share" not in entry.body and "Photograph" not in entry.body and "Updated at" not in entry.body
        assert "Tomas Reyes" not in entry.body and "Hannah Osei" not in entry.body
    assert {e.published[11:16] for e in briefing.entries if e.published} == {"18:40", "16:55", "15:20", "14:05", "13:45", "07:05"}
    names = {a.name for a in briefing.actors}
    assert "Priya Natarajan" in names and not names & {"Tomas Reyes", "Hannah Osei", "Lena Fischer"}


def test_the_same_live_blog_dumped_and_saved_is_each_post_seen_twice() -> None:
    briefing = load([str(FIXTURES / "text/river-live-dump.txt"), str(FIXTURES / "html/river-live-page.html")])
    assert [(e.title, e.seen) for e in briefing.entries] == [(title, 2) for title, _ in RIVER_POSTS]


FRAMED_POSTS = [
    ("Storm Idris LIVE: ferries held in port as gusts reach the coast", "Orla Brennan", "", 1),
    ("Signing off for tonight", "Declan Hurley", "19:05", 1),
    ("Waves over the promenade wall at high tide", "Declan Hurley", "17:30", 1),
    ("Evening sailings cancelled", "Declan Hurley", "16:15", 1),
    ("Schools on the islands close at noon", None, "11:50", 1),
    ("Coast road closed at the estuary bridge", "Orla Brennan", "10:30", 1),
    ("Good morning", "Orla Brennan", "09:40", 1),
]


@pytest.mark.parametrize("name", ["html/framed-live.html", "text/framed-live-copy.txt"])
def test_a_live_page_whose_posts_frame_their_text_with_time_and_contributor(name: str) -> None:
    """A live page whose every post is a frame (time and contributor's name side by side) around
    a block of its headline and text, as a real regional publisher's pages are built, saved and
    as a select-all copy of it (tests/real/live/make_dump.py; "19:05Declan Hurley" glued, "By"
    and the name on two lines, menus, "more stories" teasers): each post read once, with its
    time and its contributor; a label beside the time ("KEY EVENT") is no one's name; a post of
    a headline over a photo is a post; a sub-heading inside a post is part of it; the blog's
    opening text above the posts is its own entry under the blog's headline; the page's
    "By … Updated …" block, its menus and its teasers are no posts."""
    briefing = load([str(FIXTURES / name)])
    assert [(e.title, e.author, (e.published or "")[11:16], e.seen) for e in briefing.entries] == FRAMED_POSTS
    opening = briefing.entries[0].body
    assert opening.startswith("Storm Idris arrives") and opening.endswith("as they come in.")
    assert "Sign up" not in opening
    assert "Freight waits too" in briefing.entries[3].body and briefing.entries[3].body.endswith("in their cabs tonight.")
    for entry in briefing.entries:
        assert not {"KEY EVENT", "Declan Hurley", "Orla Brennan here"} & set(entry.body.split("\n\n"))
        assert "Image:" not in entry.body and "Updated" not in entry.body and "Ferry fares" not in entry.body


def test_a_live_pages_sign_up_box_is_left_out_of_its_opening_text() -> None:
    opening = load([str(FIXTURES / "html/framed-live.html")]).entries[0].body
    assert "signing up" not in opening and "Sign up" not in opening


def test_the_same_framed_live_page_saved_and_copied_is_each_post_seen_twice() -> None:
    briefing = load([str(FIXTURES / "html/framed-live.html"), str(FIXTURES / "text/framed-live-copy.txt")])
    assert [(e.title, e.seen) for e in briefing.entries][1:] == [(title, 2) for title, *_ in FRAMED_POSTS[1:]]


def test_markdown_meta_lines_give_the_date_and_the_author_either_way_round(tmp_path: Path) -> None:
    letter = tmp_path / "letter.md"
    letter.write_text(
        "# Morning letter\n\n## Ferry fares to rise\n\n*Thu 20 Nov 2025, 08:10* · By Ana Lima\n\n"
        "Fares on the estuary ferry will rise by 4% in January, the operator said.\n\n## Bridge opens\n\n"
        "_20 November 2025_ — by Sam Ortiz\n\nThe new footbridge opened to the public this morning.\n",
        encoding="utf-8",
    )
    entries = load([str(letter)]).entries
    assert [(e.title, e.author, (e.published or "")[:16]) for e in entries] == [
        ("Ferry fares to rise", "Ana Lima", "2025-11-20T08:10"),
        ("Bridge opens", "Sam Ortiz", "2025-11-20"),
    ]
    assert all("Ortiz" not in e.body and "Lima" not in e.body for e in entries)


def test_page_bylines_set_in_capitals_before_a_date_or_as_initials() -> None:
    page = (
        "<html><head><title>Harbour dredging starts | The Courier</title></head><body><main>"
        "<h1>Harbour dredging starts</h1><cite class='byline'><span>By </span><span>GILLIAN OKORO</span>"
        "<abbr>March 11, 2025 3:46 PM</abbr></cite><div class='comments'><span class='byline'>J J</span></div>"
        "<p>Two barges began clearing silt near the northern quay before dawn on Tuesday, the port said.</p>"
        "<p>The work should take six weeks and will close the ferry berth for two of them.</p></main></body></html>"
    )
    entries = read_html(page, boilerplate=default_settings().boilerplate_pattern)
    assert [(e.title, e.author) for e in entries] == [("Harbour dredging starts", "Gillian Okoro")]


def test_a_story_opened_in_an_overlay_over_a_list_of_others_is_the_page() -> None:
    # The overlay's class says "modal", which is chrome on other pages; here it holds the article.
    got = parse("html", "overlay-article.html").entries
    assert [e.title for e in got] == ["Storm surge floods the lower harbour road"]
    assert got[0].author == "Tove Lindqvist"  # a reader's comment is signed too: not the article's byline
    assert "highest in eleven years" in got[0].body and "floods every winter" not in got[0].body
    assert got[0].body.startswith("A storm surge")  # the byline block, printed above the text, is not the text


def test_an_article_whose_headline_heads_only_its_standfirst_is_one_entry() -> None:
    # The standfirst sits under the headline; the list that is the article runs on under its
    # own first heading ("5) Skagen"): one article, titled by its headline, the heading kept.
    got = parse("html", "list-article.html").entries
    assert [e.title for e in got] == ["Five harbours worth a winter visit"]
    assert got[0].body.index("Quiet quays") < got[0].body.index("5) Skagen") < got[0].body.index("1) Bergen")
    assert got[0].author == "Mira Solberg"


def test_a_page_title_made_of_its_headline_and_the_sites_name_gives_the_headline() -> None:
    # "<headline> | <site> – <tagline>": the part that is a heading of the page, not the
    # heading of its masthead.
    got = parse("html", "titled-page.html").entries
    assert [e.title for e in got] == ["Ferry fares rise for the winter timetable"]


def test_a_date_in_a_pages_script_is_not_the_pages_date(tmp_path) -> None:
    page = (
        "<html><head><title>Harbour lights</title></head><body>"
        "<script>document.cookie = 'optout=true; expires=Thu, 31 Dec 2099 23:59:59 UTC; path=/';</script>"
        "<h1>Harbour lights</h1><p>The lights along the old quay were switched on again after the repairs, "
        "the port authority said, and will stay on until midnight through the winter.</p></body></html>"
    )
    got = entries_of(tmp_path, "lights.html", page)
    assert [e.title for e in got] == ["Harbour lights"] and got[0].published is None


def test_an_author_given_by_id_in_the_pages_graph_signs_the_article(tmp_path) -> None:
    # WordPress's SEO plugins give the article's author as a reference into the page's graph.
    graph = (
        '{"@context":"https://schema.org","@graph":[{"@type":"Article","@id":"https://x.example/p#article",'
        '"headline":"Pruning apple trees in January","author":{"@id":"https://x.example/#/schema/person/1"}},'
        '{"@type":["Person"],"@id":"https://x.example/#/schema/person/1","name":"Mette Olsen"}]}'
    )
    page = (
        f'<html><head><title>Pruning apple trees in January</title><script type="application/ld+json">{graph}</script>'
        "</head><body><article><h1>Pruning apple trees in January</h1><p>Cut the crossing branches first, then the "
        "ones growing inwards, and never take more than a quarter of the crown in one winter.</p></article></body></html>"
    )
    assert [e.author for e in entries_of(tmp_path, "apples.html", page)] == ["Mette Olsen"]


def test_a_link_to_the_authors_page_signs_the_article(tmp_path) -> None:
    page = (
        "<html><head><title>Night trains return</title></head><body><article><h1>Night trains return</h1>"
        '<p class="post-meta">Posted on 3 March by <a href="https://rail.example/author/jonas-berg/">Jonas Berg</a></p>'
        "<p>The sleeper service between the two capitals runs again from May, three nights a week, with new "
        "couchette cars and a dining car that serves breakfast before arrival.</p></article></body></html>"
    )
    assert [e.author for e in entries_of(tmp_path, "trains.html", page)] == ["Jonas Berg"]


def test_bylines_in_other_languages_sign_their_posts(tmp_path) -> None:
    # "Von …", "Par …", "Text: …" open a byline as "By …" does; the names of two authors are
    # joined by their language's "and". A line that only opens with such a word is no byline.
    text = (
        "# Hafen und Fähren\n\n## Neue Fähre für die Inseln\n\nVon Roland Brandt und Sina Vogt\n\n"
        "Die neue Fähre fährt ab Mai dreimal täglich zwischen den Inseln und dem Festland.\n\n"
        "## Le port rouvre\n\nPar Jeanne Martin\n\nLe port a rouvert lundi après trois semaines de travaux sur les quais.\n\n"
        "## Kein Byline\n\nVon Montag an gilt der neue Fahrplan für alle Linien der Gesellschaft.\n"
    )
    got = entries_of(tmp_path, "hafen.md", text)
    assert [(e.title, e.author) for e in got] == [
        ("Neue Fähre für die Inseln", "Roland Brandt und Sina Vogt"),
        ("Le port rouvre", "Jeanne Martin"),
        ("Kein Byline", None),
    ]
    assert got[2].body.startswith("Von Montag an")


def test_a_written_by_label_in_the_pages_meta_signs_the_article(tmp_path) -> None:
    page = (
        '<html><head><title>Autumn sowing</title><meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Ola Nordmann"><meta name="twitter:label2" content="Est. reading time">'
        '<meta name="twitter:data2" content="3 minutes"></head><body><article><h1>Autumn sowing</h1><p>Broad beans '
        "and garlic go in before the first frost, spaced a hand apart, and are covered with straw in a hard winter.</p>"
        "</article></body></html>"
    )
    assert [e.author for e in entries_of(tmp_path, "sowing.html", page)] == ["Ola Nordmann"]


def test_a_posts_filing_classes_do_not_make_it_chrome(tmp_path) -> None:
    # WordPress writes a post's categories and tags as classes ("category-social-issues") and
    # themes write what it lacks ("no-share"): neither is a social box or a share bar.
    page = (
        "<html><head><title>Clinic hours extended</title></head><body><div class='intro'><p>"
        + "The district news desk reports on the islands' councils, schools, ferries and clinics every weekday. " * 4
        + "</p></div>"
        "<div class='post-17 no-share post type-post hentry category-social-issues category-health'>"
        "<h1>Clinic hours extended</h1><p>The health centre on the quay opens until eight in the evening from Monday, "
        "the district said, after a winter in which the waiting list grew to three weeks.</p><p>Two more nurses join "
        "in March, and the weekend service stays as it is.</p></div></body></html>"
    )
    got = entries_of(tmp_path, "clinic.html", page)
    post = next(e for e in got if e.title == "Clinic hours extended")  # the old reading dropped it whole
    assert "two more nurses" in post.body.lower()


def test_a_markdown_newsletter_issue_reads_as_its_sections() -> None:
    """A newsletter kept as Markdown by a static-site generator (tests/fixtures, our words, in
    the shape of a real weekly's issues, tests/real/newsletters): "Title:"/"Date:" lines head
    it, a comment to its editors is never shown, its sections are lists of linked titles, an
    events list opens with dates and "by" names, and its last heading is one level up."""
    entries = load([str(FIXTURES / "markdown/harbour-weekly.md")]).entries
    assert [(e.title, e.author, e.published) for e in entries] == [
        ("Harbour Weekly 212", None, "2026-11-25"),
        ("From the Quays", None, "2026-11-25"),
        ("Boat of the Week", None, "2026-11-25"),
        ("Upcoming Events", None, "2026-11-25"),
        ("Jobs", None, "2026-11-25"),
        ("Quote of the Week", None, "2026-11-25"),
    ]
    text = "\n".join(e.body for e in entries)
    assert "Dear contributors" not in text and "Title:" not in text
    for address in ("port.example/notices", "tides.example/posts/new-gauge", "club.example/events/knots", "forum.example/t/hiring"):
        assert address in text


def test_json_ld_guarded_as_cdata_still_titles_the_article(tmp_path) -> None:
    # XHTML-era templates wrap the script's text in <![CDATA[ … ]]>: the JSON inside is read.
    script = '<![CDATA[ {"@type":"NewsArticle","headline":"Lighthouse keepers return to Skerry Point","author":{"@type":"Person","name":"Ines Moradi"}} ]]>'
    page = (
        '<html><head><title>Lighthouse keepers return</title><meta property="og:title" content="A teaser for sharing">'
        f'<script type="application/ld+json">{script}</script></head><body><article><p>For the first time in forty '
        "years the light at Skerry Point is tended by people living beside it, after the trust bought back the "
        "keepers' cottages.</p></article></body></html>"
    )
    (entry,) = entries_of(tmp_path, "keepers.html", page)
    assert (entry.title, entry.author) == ("Lighthouse keepers return to Skerry Point", "Ines Moradi")


def test_the_sites_name_in_json_ld_name_is_not_the_headline(tmp_path) -> None:
    # "name" holds the site's name, the <title>'s last part; the headline is another wording of
    # the title's first part: the headline stays.
    script = '{"@type":"NewsArticle","headline":"Tram line to the port opens a year early","name":"Harbour Post"}'
    page = (
        "<html><head><title>Port tram opens a year ahead of plan - Harbour Post</title>"
        f'<script type="application/ld+json">{script}</script></head><body><article><p>The first trams ran to the '
        "ferry terminal this morning, a year before the date in the original plan, the transport board said."
        "</p></article></body></html>"
    )
    assert [e.title for e in entries_of(tmp_path, "tram.html", page)] == ["Tram line to the port opens a year early"]


@pytest.mark.parametrize("heading", ["Recommended for you", "Lire aussi", "Mehr zum Thema", "More news"])
def test_an_article_above_a_pages_recommended_list_is_kept(tmp_path, heading: str) -> None:
    # The headline sits in the page's header (dropped as chrome); the only top heading comes
    # after the article ("Recommended for you"): the text above it is the article, not lost.
    paragraph = (
        "The harbour board voted on Tuesday to keep the old swing bridge, after residents gathered more than "
        "four thousand signatures and engineers said it could be repaired for less than a new span would cost."
    )
    teasers = "".join(
        f'<h3><a href="https://post.example/{n}">Other story number {n} from the desk</a></h3>'
        f"<p>A short teaser of story {n}, two lines long, that links to a page of its own elsewhere.</p>"
        for n in range(1, 7)
    )
    page = (
        '<html><head><meta property="og:title" content="Swing bridge saved by residents"></head><body>'
        '<header><h1>Swing bridge saved by residents</h1></header><div class="story">'
        f"<p>Share</p><p>Play</p><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div>"
        f"<h2>{heading}</h2>{teasers}</body></html>"
    )
    got = entries_of(tmp_path, "bridge.html", page)
    assert got[0].title == "Swing bridge saved by residents"
    assert got[0].body.startswith("The harbour board voted") and got[0].body.count("swing bridge") == 3
    if heading == "More news":  # in a newsletter, its issue's other stories
        assert [e.title for e in got[1:]] == [f"Other story number {n} from the desk" for n in range(1, 7)]
    else:
        assert len(got) == 1  # the stories the site recommends are not the page's


def test_a_title_made_of_the_texts_first_words_only_stands_in_for_one() -> None:
    # A breadcrumb line taken as the title, its marks escaped in the text ("Tales \\> …") or
    # dropped from the title: the same words, so the page's own headline may replace it.
    body = "Tales \\> Winter tales \\> The fox and the crow\n\nA crow sat on a branch"
    assert _weak_title(RawEntry(title="Tales  Winter tales  The fox and the crow", body=body))
    assert not _weak_title(RawEntry(title="The fox and the crow", body=body))


def test_an_articles_parts_marked_like_posts_do_not_hide_its_text(tmp_path) -> None:
    # The headline block and the share bar are "o-article__element"s, an ad-blocker notice a
    # "modal__block" (a post's class words, a heading in each); the text sits beside them in
    # "o-article__content", longer than all of them: the page is the article, not three posts.
    paragraphs = "".join(
        f"<div class='o-article__content-element'><p>Paragraph {n} of the report: the gas company must sell part "
        "of its business in the west before the regulators approve the merger with its largest rival, "
        "the competition office said on Thursday.</p></div>"
        for n in range(1, 5)
    )
    page = (
        "<html><body><article class='o-article'>"
        "<div class='o-article__element'><h2>Gas group must sell western business</h2>"
        "<time datetime='2026-03-23T15:43'>23 March 2026</time><p>The regulators set the sale as the price of the "
        "merger, which would make the group the largest of its kind.</p></div>"
        "<div class='o-article__element'><div class='c-share__title'>Pass this article on:</div><a "
        "href='https://x.example/s'>Mail</a> <a href='https://x.example/f'>Post</a></div>"
        f"<div class='o-article__content'>{paragraphs}</div></article>"
        "<div class='blockerwindow__block'><h3>You have turned on an ad blocker</h3><p>Advertising pays for the work of "
        "our newsroom and lets us publish our articles free of charge. Please turn the blocker off for this site "
        "if you value what we do, or take out a subscription instead. Thank you for your understanding.</p></div>"
        "</body></html>"
    )
    got = entries_of(tmp_path, "gas.html", page)
    assert got[0].title == "Gas group must sell western business"
    assert all(f"Paragraph {n} of the report" in got[0].body for n in range(1, 5))


def test_a_titles_date_section_and_bare_bar_are_not_the_headline() -> None:
    from brief.parsers.html_article import without_site

    assert without_site("23.01.2026 - Ferry fares rise for winter - Harbour Post", None) == "Ferry fares rise for winter"
    assert without_site("Ferry fares rise for the winter timetable | Sport", "Harbour Post") == "Ferry fares rise for the winter timetable"
    assert without_site("HARBOUR EASY|フェリーの運賃が上がる", "HARBOUR EASY") == "フェリーの運賃が上がる"
    assert without_site("HARBOUR EASY|フェリーの運賃が上がる", None) == "HARBOUR EASY|フェリーの運賃が上がる"
    # A subtitle after the known site's headline stays: "… | an async task framework" is no section.
    assert without_site("How we built the ferry planner | an async task framework", "Harbour Post").endswith("framework")
    # A section's label before the headline ("Opinion | …", "Fachmeldungen - …"), a full-width bar.
    assert without_site("Opinion | Ferry fares should rise with the tides", None) == "Ferry fares should rise with the tides"
    assert without_site("Hafen - Fähren fahren im Winter seltener", "Hafenpost") == "Fähren fahren im Winter seltener"
    assert without_site("フェリーの運賃が冬に上がる ｜ 港ニュース", None) == "フェリーの運賃が冬に上がる"
    # A two-part title whose first part is long is the headline and its subtitle, as before.
    assert without_site("Ferry fares rise | What it means", None) == "Ferry fares rise"


def test_an_og_title_cut_short_at_a_raw_quote_yields_to_the_pages_title(tmp_path) -> None:
    # content="Mayor calls the budget "reckless"" ends at the second quote: the <title> is whole.
    page = (
        '<html><head><title>Mayor calls the harbour budget "reckless"</title>'
        '<meta property="og:title" content="Mayor calls the harbour budget "reckless"" /></head><body><article>'
        "<p>The mayor said the harbour board's budget would leave the quays without repairs for a third winter, "
        "and asked the council to send it back.</p></article></body></html>"
    )
    assert [e.title for e in entries_of(tmp_path, "mayor.html", page)] == ['Mayor calls the harbour budget "reckless"']


def test_a_byline_under_the_standfirst_signs_the_article_and_a_comments_link_does_not(tmp_path) -> None:
    from brief.parsers.text_lines import byline_name

    text = (
        "# Streit um das Brennholz\n\n**Zwischen Lager und Stadt wird das Holz knapp – wie die Region damit umgeht**\n\n"
        "Von **[Roland Brandt](https://x.example/rb)** und **[Sina Vogt](https://x.example/sv)**\n\n"
        "Nur eine Sandpiste trennt das Lager von der Kleinstadt, und doch liegen zwischen beiden Orten Welten.\n\n"
        "## Holz aus dem Umland\n\nDie Familien sammeln das Holz in den Hügeln, oft viele Kilometer entfernt.\n"
    )
    got = entries_of(tmp_path, "holz.md", text)
    assert got[0].author == "Roland Brandt und Sina Vogt" and "Von" not in got[0].body
    assert byline_name("View Comments") is None and byline_name("Edit Profile") is None


def test_an_author_broken_over_lines_in_the_page_is_one_line() -> None:
    # A byline block with <br> between the names ("… und<br> Marcus Thal"): one line, whatever
    # reader found it.
    from brief.parsers.source import _inert
    from brief.parsers.text_lines import byline_name

    assert byline_name("Von Bente Fischer und\n \n Marcus Thal") == "Bente Fischer und Marcus Thal"
    entry = _inert(RawEntry(title="Artists ask for a new pay model", body="Text.", author="Bente Fischer und\n \n Marcus Thal"))
    assert entry is not None and entry.author == "Bente Fischer und Marcus Thal"


def test_an_escaped_mark_in_a_heading_is_the_character_the_page_shows(tmp_path) -> None:
    from brief.parsers.markdown_doc import strip_inline

    assert strip_inline(r"Details\[edit\]") == "Details[edit]"
    assert strip_inline(r"Gesprächspartner\*innen und **fett**") == "Gesprächspartner*innen und fett"
    assert strip_inline(r"\_\_init\_\_.py and *emphasis*") == "__init__.py and emphasis"
    # A page without headings: the title taken from a line of its converted text shows the
    # line as the page did, its Markdown escapes and an emphasis left open gone.
    page = (
        "<html><body><p>Now 7,49 € ** instead of 8,99 €</p><p>A dry red with notes of dark fruit and a soft, "
        "long finish, from the old vines on the south slope of the estate.</p></body></html>"
    )
    assert entries_of(tmp_path, "wine.html", page)[0].title == "Now 7,49 € ** instead of 8,99 €"


def test_a_live_blog_declared_in_microdata_gives_each_update_its_own_entry() -> None:
    """Posts in classes no reader knows ("wpis"), inside ``itemtype=…/LiveBlogPosting``: each
    is an entry; a heat's label is its title, a poll keeps its question and answers, a card it
    shares keeps its headline, an ad slot between them is nothing, and a post classed "…--time"
    with no time in it is still a post."""
    got = parse("html", "regatta-relay.html").entries
    assert [e.title for e in got] == [
        "Finished.",
        "Leg 3",
        "Read our preview of the final: Two crews, one cup: what to watch in the final",
        "Have your say: Will Saltmarsh win a leg today?",
        "Short pause while the committee boat resets the course.",
        "Leg 2",
        "The wind has picked up to eighteen knots from the south-west.",
        "Both crews are out on the water warming up near the breakwater.",
    ]
    assert [e.published for e in got][2:4] == ["2026-06-13T14:20:00", "2026-06-13T14:12:00"]
    assert got[1].body == "14 min 05 s\n\nSaltmarsh gained on the downwind run but lost the gap again at the last mark."
    assert got[3].body == "**Have your say:**\n\nWill Saltmarsh win a leg today? Yes No"
    assert "Two crews, one cup" in got[2].body
    # A microdata live blog is no one article: its posts keep their own times, not the page's.
    assert got[0].published == "2026-06-13"


RELAY_COPY = """Harbour Cup final: live relay

14:20
Northpoint lead by two boat lengths with one leg to go.

Leg 3  14 min 05 s
Saltmarsh gained on the downwind run.
Northpoint held the inside line at the last mark and stretched the lead again.

14:12
The wind has dropped to twelve knots and the sky is clearing over the bay.

Leg 2  13 min 48 s
Northpoint rounded the windward mark first.
It never looked back after that, and the gap grew on every reach.

Leg 1  13 min 30 s
Saltmarsh took the start.
It lost the lead on the first beat to the mark, and Northpoint went clear.

Both crews were out on the water early, warming up near the breakwater.
The committee boat set a course of three legs for the final this afternoon.
Forecasters expect the wind to ease through the afternoon as the front passes.
Tickets for the grandstand sold out two days before the race began in earnest.

13:05
Good afternoon and welcome to our coverage of the Harbour Cup final today.
"""


def test_a_live_copy_splits_its_untimed_numbered_posts_at_their_labels(tmp_path) -> None:
    got = entries_of(tmp_path, "relay.txt", RELAY_COPY)
    titles = [e.title for e in got]
    assert titles[:5] == [
        "Northpoint lead by two boat lengths with one leg to go.",
        "Leg 3",
        "The wind has dropped to twelve knots and the sky is clearing over the bay.",
        "Leg 2",
        "Leg 1",
    ]
    leg3 = got[1]
    assert leg3.body.startswith("14 min 05 s") and "stretched the lead again" in leg3.body
    # The last leg holds no more than its kind of post does: the notes after it are one piece.
    assert "Both crews" not in got[4].body and "Tickets for the grandstand" not in got[4].body
    assert any("Both crews" in e.body and "Tickets for the grandstand" in e.body for e in got[5:])
    assert titles[-1] == "Good afternoon and welcome to our coverage of the Harbour Cup final today."


def test_numbered_lines_are_no_posts_outside_a_live_blog_or_as_page_numbers(tmp_path) -> None:
    steps = "How to rig a dinghy\n\nStep 1 Lay out the mast.\n\nStep 2 Fit the boom.\n\nStep 3 Hoist the sail.\n"
    assert not any(e.title.startswith("Step ") for e in entries_of(tmp_path, "steps.txt", steps))
    pages = RELAY_COPY.replace("Leg 3  14 min 05 s", "Page 1 of 3").replace("Leg 2  13 min 48 s", "Page 2 of 3")
    pages = pages.replace("Leg 1  13 min 30 s", "Page 3 of 3")
    assert not any(e.title.startswith("Page ") for e in entries_of(tmp_path, "pages.txt", pages))


def test_an_article_whose_text_is_one_block_classed_as_a_post_is_titled_by_its_headline() -> None:
    paragraph = "<p>" + "The ferry operator said the new timetable would add two crossings a day in summer. " * 4 + "</p>"
    page = f"""<html><head><title>Ferries add summer crossings | Harbour Times</title></head><body>
    <h1 itemprop="headline">Ferries add summer crossings</h1>
    <section class="post-meta"><p class="byline"><a rel="author" href="/staff/ana">Ana Ferreira Lindqvist</a> -
    <time datetime="2026-05-04T09:00:00+00:00">May 4, 2026 9:00 am UTC</time></p></section>
    <div class="article-content post-page"><p>Two more sailings a day start in June.</p>
    <h2>What changes for commuters?</h2>{paragraph}<h2>And for freight?</h2>{paragraph}</div>
    </body></html>"""
    (entry,) = read_html(page, boilerplate=default_settings().boilerplate_pattern)
    assert (entry.title, entry.author) == ("Ferries add summer crossings", "Ana Ferreira Lindqvist")
    assert "What changes for commuters?" in entry.body and "And for freight?" in entry.body


def test_a_short_post_whose_related_posts_box_is_empty_keeps_its_text() -> None:
    """A script fills the related-posts box in; saved, the box holds only its heading. Taking
    that heading out leaves the box empty: the box goes, never the post around it."""
    page = """<html><head><title>Dredging starts | Harbour notes</title></head><body>
    <article><h1 class="entry-title">Dredging starts on the north channel</h1><div class="entry-content">
    <p>The harbour office said dredging would start on Monday and last three weeks.</p>
    <p>Only one vessel at a time may pass the works; masters must call the tower first.</p>
    <p>See the <a href="/notices/12">notice</a> for the hours.</p>
    <div class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related articles</em></h3></div>
    </div></article><aside><h2>About these notes</h2><p>{about}</p></aside></body></html>"""
    about = "These notes are kept by the harbour office's duty clerk and posted most weekdays. " * 12
    entries = read_html(page.format(about=about), boilerplate=default_settings().boilerplate_pattern)
    assert entries and "dredging would start on Monday" in entries[0].body


def test_furniture_lines_in_other_languages_are_left_out() -> None:
    lines = ["Weiterlesen", "Lesen Sie auch:", "Lire aussi", "Partager sur Facebook", "Leer más", "Publicidad",
             "Leggi anche", "Leia também", "Lees ook", "Czytaj też", "Udostępnij", "Previous article", "» Drucken"]
    pattern = default_settings().boilerplate_pattern
    assert all(pattern.fullmatch(line) for line in lines)
    kept = ["Mehr Geld für die Häfen", "Lire le rapport complet", "Delen van de haven gesloten", "Reklama na dworcu"]
    assert not any(pattern.fullmatch(line) for line in kept)


def test_a_pages_metadata_in_value_attributes_and_its_microdata_author_are_read() -> None:
    text = "<p>" + "The observatory said the new dish would map the southern sky within two years. " * 4 + "</p>"
    # Saved by a tool that moved the <meta>'s content to "value"; the author metadata names
    # the publisher, the page's microdata the person who wrote it.
    page = f"""<html><head><title>Home | Skywatch</title>
    <meta property="og:title" value="New dish will map the southern sky">
    <meta name="author" content="Meridian Media Group"></head><body>
    <div class="byline" itemprop="author" itemscope itemtype="http://schema.org/Person">
      <span itemprop="name">Tomas Berg</span></div>
    <div class="story">{text}</div></body></html>"""
    (entry,) = read_html(page, boilerplate=default_settings().boilerplate_pattern)
    assert (entry.title, entry.author) == ("New dish will map the southern sky", "Tomas Berg")
