from __future__ import annotations

from pathlib import Path

import pytest

from brief.parsers import default_settings, load, read_source
from brief.parsers.plain_text import read_plain_text
from brief.parsers.text_clean import first_sentence
from brief.parsers.text_lines import byline_name, dated_byline, is_headline
from conftest import FIXTURES, SAMPLES


def entries(name: str):
    parsed = read_source(str(FIXTURES / "text" / name), default_settings())
    assert parsed.error is None, parsed.error
    return parsed.entries


def test_live_blog_posts_times_bylines_and_captions() -> None:
    got = entries("harbour-live.txt")
    assert [e.title for e in got] == [
        "Union leader says strike could last a week",
        "Port operator calls walkout unlawful",
        "Freight rates for the North Sea route rose by about 6% in early trading…",
        "Good afternoon",
    ]
    assert [e.published for e in got] == [
        "2025-03-12T16:45:00+00:00",
        "2025-03-12T15:10:00+00:00",
        "2025-03-12T14:02:00+00:00",
        "2025-03-12",
    ]
    assert [e.author for e in got] == ["Priya Raman", None, None, "Priya Raman"]
    assert got[1].body == (
        "The terminal operator, Noordhaven Logistics, said the strike broke the notice rules in the sector's "
        "collective agreement and that it would seek an injunction.\n\n"
        "A spokesperson added that 40 container ships were waiting at anchor off the coast."
    )
    everything = " ".join(e.title + e.body for e in got)
    for boilerplate in ("Share", "Key events", "Show key events only", "Photograph"):
        assert boilerplate not in everything


def test_update_lines_caps_headers_and_separators() -> None:
    got = entries("wire-updates.txt")
    assert [e.title for e in got] == [
        "Flood warnings issued for three river valleys",
        "Rail services suspended between two cities",
        "MORNING SUMMARY",
        "Emergency crews rescued four people from a stranded car on a flooded road near…",
    ]
    assert got[2].body == (
        "Heavy rain continued overnight across the west.\n\n"
        "Forecasters expect the worst of the weather to pass by Thursday evening."
    )
    assert all(e.published is None for e in got)  # times but no date anywhere


def test_hard_wrapped_newsletter_joins_lines_and_keeps_masthead_byline() -> None:
    got = entries("wrapped-letter.txt")
    assert [e.title for e in got] == ["Shipping costs ease as new vessels enter service", "Tariff talks resume in Geneva"]
    assert got[0].body.startswith("Container freight prices fell for a fourth week in a row as shipyards delivered")
    assert "\n\nImporters in northern Europe" in got[0].body
    assert {e.author for e in got} == {"Hanna Lindqvist"}
    assert {e.published for e in got} == {"2025-02-03"}


def test_newest_first_blog_crossing_midnight_dates_earlier_posts_the_day_before() -> None:
    text = (
        "Night shift live\nSaturday, 1 March 2025\n"
        "00.20 GMT\nFerry docks safely\nThe ferry reached port after the storm.\n"
        "23.50 GMT\nStorm reaches the coast\nWinds of 90km/h were recorded at the lighthouse.\n"
    )
    got = read_plain_text(text, boilerplate=default_settings().boilerplate_pattern)
    assert [e.published for e in got] == ["2025-03-01T00:20:00+00:00", "2025-02-28T23:50:00+00:00"]


def test_date_from_file_name_when_the_text_has_none(tmp_path: Path) -> None:
    path = tmp_path / "briefing-2024-12-24.txt"
    path.write_text("09:00\nMarkets open quietly\nTrading was thin before the holiday.\n")
    parsed = read_source(str(path), default_settings())
    assert [e.published for e in parsed.entries] == ["2024-12-24T09:00:00"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Putin says troops would be targets", True),
        ("Trump is ‘disappointed’, Zelenskyy says, as he calls for ‘stronger Europe’", True),
        ("He said:", False),
        ("Good morning.", False),
        ("“It is important,” she said.", False),
        ("- a bullet item", False),
        ("ECONOMY", True),
        ("lowercase start of a sentence", False),
    ],
)
def test_is_headline(line: str, expected: bool) -> None:
    assert is_headline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Jakub Krupa", "Jakub Krupa"), ("By Ana de la Cruz", "Ana de la Cruz"), ("By Sam Ode in Lagos", "Sam Ode"),
     ("Limiting the damage matters.", None), ("The talks", None)],
)  # fmt: skip
def test_byline_name(line: str, expected: str | None) -> None:
    assert byline_name(line) == expected


@pytest.mark.skipif(not SAMPLES.exists(), reason="shared samples not present")
def test_user_sample_headlines_author_and_date() -> None:
    parsed = read_source(str(SAMPLES / "europe-live-2025-09-05.txt"), default_settings())
    titles = [e.title for e in parsed.entries]
    assert len(titles) == 5
    assert titles[0] == titles[2]  # the pinned post repeated further down
    assert titles[3].startswith("Work on security guarantees")
    assert titles[4] == "Morning opening: Energy diplomacy"
    assert parsed.entries[4].author == "Jakub Krupa"
    assert {e.published for e in parsed.entries} == {"2025-09-05"}
    assert not any(t in ("Key events", "Jakub Krupa") for t in titles)


def test_newsletter_numbered_caps_sections_signed_once() -> None:
    got = entries("morning-memo.txt")
    assert [e.title for e in got] == ["MORNING MEMO — Tuesday 4 March 2025", "BUDGET VOTE", "STRIKE TALKS", "WEATHER"]
    assert {e.author for e in got} == {"Grace Okoye"}
    assert {e.published for e in got} == {"2025-03-04"}
    assert got[2].body == (
        "Rail unions meet ministers at 10am to discuss pay. A walkout planned for Thursday will go ahead if the talks fail."
    )
    assert not any("Unsubscribe" in e.body or "Share this" in e.body for e in got)


def test_dateline_found_at_either_end_and_wins_over_dates_in_passing() -> None:
    long_paragraph = "A paragraph of news text, long enough to push the dateline far from the top. " * 15
    filler = "".join(f"{n:02d}:{n:02d}\nUpdate number {n} from the desk\n{long_paragraph}\n" for n in range(1, 24))
    text = (
        "A court ruling of 3 May 2021 was cited again.\n" + filler
        + "Good morning\nIt is Monday, 9 June 2025 and this is the live blog.\nMonday, 9 June 2025\n"
    )
    assert len(text) > 20_000
    got = read_plain_text(text, boilerplate=default_settings().boilerplate_pattern)
    assert {e.published[:10] for e in got if e.published} == {"2025-06-09"}


def test_posted_at_bracketed_relative_and_12_hour_stamps_and_bold_headlines() -> None:
    got = entries("wire-mixed.txt")
    assert [e.title for e in got] == [
        "Ceasefire talks resume in Doha",
        "Aid convoy reaches the border crossing",
        "A power cut hit the northern district overnight.",
        "Markets close higher",
    ]
    assert got[2].body == "A power cut hit the northern district overnight. Engineers restored supply to most homes by dawn."
    assert all(e.published is None for e in got)  # no date anywhere in the text or its name


def test_situation_report_numbered_sections_dated_by_its_header_not_its_footer() -> None:
    """The header's date and the footer's "Next report" date each appear once: the header wins."""
    got = entries("flood-sitrep.txt")
    assert [e.title for e in got] == ["HIGHLIGHTS", "SITUATION OVERVIEW", "HUMANITARIAN RESPONSE", "FUNDING"]
    assert {e.published for e in got} == {"2026-03-12"}
    assert got[0].body.count("•") == 3


def test_saved_email_digest_numbered_items_links_and_footer() -> None:
    """Mail headers go (the subject stays as a title), "1) …" lines head the paragraph under
    them, an address under a story's text is its link, and the footer is dropped."""
    got = entries("mail-digest.txt")
    assert [e.title for e in got] == [
        "Morning Digest — Thursday 19 November 2026",
        "Water rationing extended in Catalonia",
        "Chip export rules tightened",
        "Ceasefire talks resume in Doha",
    ]
    assert got[1].body.endswith("said farmers would get priority.")  # its "Read more:" line is its link
    assert [e.link for e in got[1:]] == ["https://example.org/water", "https://example.org/chips", None]
    assert "desk@example.org" not in " ".join(e.body for e in got)
    assert {e.published for e in got} == {"2026-11-19"}


def test_a_numbered_list_stays_a_list() -> None:
    text = "Weekly notes\n\nThree decisions:\n1) Budget approved\n2) Harbour dredging delayed\n3) New ferry route\n\nMore next week.\n"
    got = read_plain_text(text, boilerplate=default_settings().boilerplate_pattern)
    assert len(got) == 1 and "1) Budget approved" in got[0].body


def test_newsletter_items_between_drawn_rules() -> None:
    got = entries("morning-ledger.txt")
    assert [e.title for e in got] == [
        "THE MORNING LEDGER",
        "Copper Hits A Two-Year High",
        "Port Strike Enters Its Fifth Day",
        "Central Bank Holds Rates",
    ]
    assert not any("━" in e.body for e in got)  # the rules separate items; they are no text
    assert not any("Unsubscribe" in e.body for e in got)
    assert {e.published for e in got} == {"2026-11-19"}
    # "Read more: https://…" under an item is its link, not a line of its text.
    assert [e.link for e in got] == [None, "https://example.com/copper", "https://example.com/strike", "https://example.com/rates"]
    assert not any("Read more" in e.body for e in got)


def test_headline_then_its_posted_at_time_then_its_text() -> None:
    got = entries("election-night.txt")
    assert [e.title for e in got] == ["Turnout reaches record 71%", "Opposition concedes in the north", "Polls close"]
    assert got[0].body.startswith("The electoral commission said")
    assert not any("Posted at" in e.body for e in got)


def test_a_time_after_a_blank_line_starts_a_post_of_its_own() -> None:
    """Teaser headlines, a blank line, then "10:05" and text: the post is not the last teaser's."""
    text = "Live: port strike\n\nKey events\nHeadline A\nHeadline B\n\n10:05\nThe dockers walked out at dawn.\n"
    got = read_plain_text(text, boilerplate=default_settings().boilerplate_pattern)
    assert [e.title for e in got] == ["The dockers walked out at dawn."]


def test_times_with_an_offset_from_gmt_or_utc() -> None:
    text = "Quake live, 24 November 2026\n\n10:05 GMT+3\nA second tremor shook the coast.\n\n09:40 UTC-05:30\nFerries were held in port.\n"
    got = read_plain_text(text, boilerplate=default_settings().boilerplate_pattern)
    assert [e.published for e in got] == ["2026-11-24T10:05:00+03:00", "2026-11-24T09:40:00-05:30"]


def test_a_headline_then_the_address_of_its_story() -> None:
    text = (
        "Energy Daily, 24 November 2026\n\nGrid operator orders emergency reserve\nhttps://news.example.com/grid\n"
        "Three idle gas plants must stand ready.\n\nRail fares to rise in March\n<https://news.example.com/rail>\n"
        "The smallest rise in three years.\n"
    )
    got = read_plain_text(text, boilerplate=default_settings().boilerplate_pattern)
    assert [(e.link, e.body) for e in got] == [
        ("https://news.example.com/grid", "Three idle gas plants must stand ready."),
        ("https://news.example.com/rail", "The smallest rise in three years."),
    ]


def test_live_page_furniture_and_an_editor_credit() -> None:
    """"Live Reporting" is no headline and no author; "Edited by …" is the page's byline."""
    got = entries("valley-floods.txt")
    assert [e.title for e in got] == [
        "Flooding in the valley: live updates",
        "Minister visits flood defences",
        "River peaks higher than 2007 levels",
        "Schools closed",
    ]
    assert {e.author for e in got} == {"Hannah Price"}
    assert [e.published for e in got][1:] == [None, None, None]  # no date anywhere: times alone date nothing


def test_a_derived_title_cut_after_a_full_stop_has_no_ellipsis() -> None:
    from brief.parsers.text_clean import first_sentence

    text = "Reminder: the pilot boat service is suspended until winds drop below 30 knots. [@coastguard](https://x.example)"
    assert first_sentence(text) == "Reminder: the pilot boat service is suspended until winds drop below 30 knots."
    assert first_sentence("word " * 30).endswith("word…")


def test_numeric_dates_read_when_their_order_shows() -> None:
    from brief.parsers.dates import find_date

    for written in ("24.11.2026", "24/11/2026", "11/24/2026", "2026/11/24", "24-11-2026"):
        found = find_date(f"Issued {written}")
        assert found is not None and found[0].isoformat() == "2026-11-24", written
    assert find_date("03/04/2026") is None  # 3 April or March 4: not guessed
    assert find_date("version 1.2.2026b") is None
    text = "SITUATION REPORT 14\nIssued 24/11/2026\n\nConvoys reached the camp.\n"
    assert {e.published for e in read_plain_text(text, boilerplate=default_settings().boilerplate_pattern)} == {"2026-11-24"}


def test_a_report_copied_from_a_pdf_joins_its_cut_lines_and_drops_page_numbers() -> None:
    """Lines cut mid-sentence (before a lowercase word, or at full width before a name) are
    joined; a word hyphenated at a line end is whole again when the text writes it whole
    elsewhere ("govern-"/"ment"), else keeps its hyphen ("down-"/"graded"); "Page 2 of 3" goes."""
    got = read_source(str(FIXTURES / "text" / "civil-sitrep.txt"), default_settings()).entries
    assert [e.title for e in got] == ["HIGHLIGHTS", "SITUATION OVERVIEW", "HUMANITARIAN RESPONSE", "NEXT REPORT"]
    assert "the flood warning is down-graded to an alert." in got[0].body
    assert got[1].body.startswith("Heavy rain eased on Monday evening, the regional government said. The Marden gauge peaked at 4.1 m at 02:00")
    assert got[2].body.split("\n\n") == [
        "Shelter: The Red Cross runs four of the six centres. Camp manager Priya Natarajan said families with young children would be moved first to hotels in Colby.",
        "Health: Two cases of mild hypothermia were treated at Colby General Hospital. No deaths have been reported.",
    ]
    assert not any("Page" in e.body for e in got)


def test_a_summary_list_of_short_points_is_text_but_a_teaser_list_is_not(tmp_path: Path) -> None:
    """Indented points under "Summary" (no full stops: they look like headlines) stay as a
    list; the same block made of the titles of the posts below is a teaser, and goes."""
    got = read_source(str(FIXTURES / "text" / "storm-bran-live.txt"), default_settings()).entries
    assert [e.title for e in got][:2] == ["Storm Bran: Thousands without power as gales batter coast", "Ferry crossings cancelled for second day"]
    assert "- More than 40,000 homes are without power, says Northern Grid\n\n- Rail services between Kellport" in got[0].body
    text = (FIXTURES / "text" / "storm-bran-live.txt").read_text()
    teasers = "Ferry crossings cancelled for second day\nEngineers restore power to 8,000 homes\nWhat is an amber warning?\n"
    source = tmp_path / "teased.txt"
    source.write_text(text.replace("Summary\n", "Key events\n\n" + teasers + "\nSummary\n", 1))
    teased = read_source(str(source), default_settings()).entries
    assert [e.title for e in teased] == [e.title for e in got]
    assert not any("- Ferry crossings" in e.body for e in teased)


def test_us_zones_by_season_and_a_reporting_credit_under_a_post() -> None:
    """"2:45 p.m. ET" on 24 November is EST (-05:00), in July EDT; "— Reporting by Sam Ortiz"
    signs its own post only (and is not text)."""
    got = read_source(str(FIXTURES / "text" / "senate-live.txt"), default_settings()).entries
    assert [(e.title, e.published, e.author) for e in got] == [
        ("Vote delayed until Wednesday", "2026-11-24T14:45:00-05:00", "Sam Ortiz"),
        ("Governors write to Congress", "2026-11-24T13:10:00-05:00", None),
        ("What's in the bill", "2026-11-24T11:32:00-05:00", None),
        ("Good morning", "2026-11-24T09:05:00-05:00", None),
    ]
    assert "Reporting by" not in got[0].body
    summer = read_plain_text(
        "Saturday, July 4, 2026\n\n9:05 a.m. PT\nParade route set\nThe parade starts at ten on Main Street.\n",
        boilerplate=default_settings().boilerplate_pattern,
    )
    assert summer[0].published == "2026-07-04T09:05:00-07:00"


@pytest.mark.parametrize("rule", ["* * *", "###", "+++", "§", "⁂", "# # #", "...", "◆◆◆", "❧", "━━━"])
def test_a_rule_line_between_items_is_no_text(rule: str) -> None:
    text = f"Ferry fares frozen until April\nThe council kept fares at 2025 prices.\n\n{rule}\n\nHarbour crane repaired\nEngineers fixed it overnight.\n"
    got = read_plain_text(text, boilerplate=default_settings().boilerplate_pattern)
    assert [(e.title, e.body) for e in got] == [
        ("Ferry fares frozen until April", "The council kept fares at 2025 prices."),
        ("Harbour crane repaired", "Engineers fixed it overnight."),
    ]


def test_a_wire_story_slug_and_credit_line() -> None:
    """"UPDATE 2-" is the wire's slug, not the headline; the closing "(Reporting by …; Editing
    by …)" is a credit, not text (the byline at the top already signs the story)."""
    (raw,) = read_source(str(FIXTURES / "text" / "port-strike-wire.txt"), default_settings()).entries
    assert raw.author == "Lena Fischer and Omar Haddad"
    assert raw.body.endswith("The ver.di union said it was open to new talks.")
    (entry,) = load([str(FIXTURES / "text" / "port-strike-wire.txt")]).entries
    assert entry.title == "Grain exporters brace for port strike as talks stall"


def test_an_embedded_posts_media_link_is_no_text_but_its_attribution_is() -> None:
    got = read_source(str(FIXTURES / "text" / "ferry-strike-live.txt"), default_settings()).entries
    assert [(e.title, e.published) for e in got] == [
        ("Union leader responds to the offer", "2026-11-24T10:42:00+00:00"),
        ("Operator makes new pay offer", "2026-11-24T10:05:00+00:00"),
    ]
    assert got[0].body.endswith("— Dana Moss (@danamoss_union) November 24, 2026")


def test_a_sentence_a_line_is_not_hard_wrapped_text() -> None:
    """Lines of even length, but each ending in a full stop: written a sentence a line, not
    wrapped, so a headline line is not joined to the text under it."""
    got = read_source(str(FIXTURES / "text" / "harbour-briefing.txt"), default_settings()).entries
    assert [e.title for e in got] == [
        "Ferry operator agrees new pay deal with crews after nine-day strike",
        "Port authority confirms six per cent rise in berthing fees",
        "Storm warning issued for the western coast from Thursday noon",
    ]
    assert got[0].body == "Crews voted to accept the revised offer late on Monday evening.\n\nSailings to the islands resume at 07:00 on Wednesday morning."


def test_a_brief_of_one_labelled_story_a_line() -> None:
    """"UKRAINE: …" / "BALTICS: …" lines, each its own story: one entry a line, titled by the
    label and first sentence (they were one entry under the masthead)."""
    got = read_source(str(FIXTURES / "text" / "security-brief.txt"), default_settings()).entries
    assert [e.title for e in got] == [
        "UKRAINE: Talks resumed in Geneva on Monday with both delegations present",
        "MIDDLE EAST: Aid convoys entered the north through two crossings, the UN said",
        "BALTICS: Estonia closed a border crossing after a drone incursion overnight",
        "SAHEL: Mali's transitional government extended a curfew in the capital by two weeks",
    ]
    assert got[0].body == "Talks resumed in Geneva on Monday with both delegations present. A statement is expected on Thursday."
    # Turns of a transcript (labels that repeat) are not stories of their own.
    transcript = "REPORTER: Will the ferry subsidy be renewed next year, minister, and when?\nMINISTER: We are looking at every option and will decide soon.\nREPORTER: Does that include cutting the island routes altogether, then?\n"
    assert len(read_plain_text(transcript, boilerplate=default_settings().boilerplate_pattern)) == 1


def test_a_list_of_labelled_stories_with_blank_lines_between() -> None:
    """"-- BUDGET DEAL SLIPS: …" items under a section heading, a blank line apart (a political
    morning newsletter): one entry each; the reading list under the next heading stays one."""
    got = read_source(str(FIXTURES / "text" / "capitol-morning.txt"), default_settings()).entries
    titles = [e.title for e in got]
    assert titles[1:3] == [
        "BUDGET DEAL SLIPS: Senate leaders failed to close a spending deal late Monday, pushing a vote into next week",
        "ENVOY TO CAIRO: Special envoy Mark Hollis leaves for Cairo on Wednesday to restart hostage talks, two officials said",
    ]
    assert got[2].body == "Special envoy Mark Hollis leaves for Cairo on Wednesday to restart hostage talks, two officials said."
    assert "WHAT WE'RE READING" in titles and len(got) == 4
    assert {e.published for e in got} == {"2026-12-01T06:02:11-05:00"}  # the time its Date: header gives


def test_five_things_to_know_and_a_headlines_time_after_it() -> None:
    """"1. Ferry strike ends. Crews voted …": a numbered list of stories, each a short headline
    sentence and its text, gives an entry each; "Ferry crossings cancelled (10:42)" is the
    headline, at 10:42. A list of single sentences stays a list."""
    got = read_source(str(FIXTURES / "text" / "five-things.txt"), default_settings()).entries
    assert [e.title for e in got] == ["Ferry strike ends", "Port fees rise", "Storm warning", "Schools reopen", "Bridge approved"]
    assert got[1].body == "The Harbour Board confirmed a 6% increase in berthing fees from January."
    pattern = default_settings().boilerplate_pattern
    decisions = "Council notes, 24 November 2026\n\n1. The budget passed by four votes.\n2. The harbour plan was delayed.\n3. A new ferry route was approved.\n"
    assert len(read_plain_text(decisions, boilerplate=pattern)) == 1
    timed = read_plain_text("Live, 24 November 2026\n\nFerry crossings cancelled (10:42)\nNo sailings today.\n\nMeeting moved to 14:00\nThe council meets later.\n", boilerplate=pattern)
    assert [(e.title, e.published) for e in timed] == [
        ("Ferry crossings cancelled", "2026-11-24T10:42:00"),
        ("Meeting moved to 14:00", "2026-11-24"),
    ]


def test_dates_and_times_written_in_other_languages() -> None:
    """"Montag, 30. November 2026" / "14:32 Uhr", "mardi 1er décembre 2026 à 08h15",
    "1 de diciembre de 2026": other languages' dates and clock times date posts too."""
    from brief.parsers.dates import parse_time_stamp

    text = (
        "Liveblog: Hochwasser an der Oder\nMontag, 30. November 2026\n\n"
        "14:32 Uhr\nPegel in Frankfurt (Oder) steigt weiter\nDer Pegel stieg am Nachmittag auf 6,10 Meter, teilte das Landesamt mit.\n\n"
        "11:05 Uhr\nDeiche werden verstärkt\nHelfer füllten am Vormittag weitere Sandsäcke an der Uferstraße.\n"
    )
    got = read_plain_text(text, boilerplate=default_settings().boilerplate_pattern)
    assert [(e.title, e.published) for e in got] == [
        ("Pegel in Frankfurt (Oder) steigt weiter", "2026-11-30T14:32:00"),
        ("Deiche werden verstärkt", "2026-11-30T11:05:00"),
    ]
    stamp = parse_time_stamp("mardi 1er décembre 2026 à 08h15")
    assert stamp is not None and (str(stamp.day), stamp.hour, stamp.minute) == ("2026-12-01", 8, 15)
    stamp = parse_time_stamp("1 de diciembre de 2026")
    assert stamp is not None and str(stamp.day) == "2026-12-01" and not stamp.has_time
    assert parse_time_stamp("30. November 2026, 14:32 Uhr") is not None
    assert parse_time_stamp("14.32 BST Ferries resume") is not None  # English stamps as before
    # Polish names the month in its genitive ("28 września 2020"), the weekday before it.
    stamp = parse_time_stamp("Poniedziałek, 28 Września 2020, 18:00")
    assert stamp is not None and (str(stamp.day), stamp.hour) == ("2020-09-28", 18)
    from datetime import date

    from brief.parsers.dates import briefing_date

    assert briefing_date("Relacja na żywo\n3 listopada 2026\n\n19:30\nKoniec meczu.\n\nZobacz 2026-11-30\n") == date(2026, 11, 3)


def test_a_live_copys_opening_text_under_a_menu_label_is_titled_by_its_first_sentence() -> None:
    text = (
        "Home\n\nNews\n\nSport\n\nBy Orla Brennan\n\nNews\n\n"
        "Gales reach the coast this morning and the port has held every sailing until the evening review.\n\n"
        "We will bring you the roads, schools and ferries through the day.\n\n"
        "10:30Orla Brennan\n\nCoast road closed\n\nPolice shut the coast road after a tree fell across both lanes.\n\n"
        "09:40Orla Brennan\n\nSchools open late\n\nThe islands' schools open at eleven so the first crossing can carry pupils.\n\n"
        "09:05Orla Brennan\n\nGood morning\n\nWelcome to our live coverage of the gales as they reach the coast.\n"
    )
    got = read_plain_text(text, boilerplate=default_settings().boilerplate_pattern)
    assert [(e.title, e.author) for e in got] == [
        ("Gales reach the coast this morning and the port has held every sailing until…", "Orla Brennan"),
        ("Coast road closed", "Orla Brennan"),
        ("Schools open late", "Orla Brennan"),
        ("Good morning", "Orla Brennan"),
    ]
    assert got[0].body.startswith("Gales reach the coast")


def test_an_updated_stamp_alone_is_chrome_but_an_update_with_news_is_text() -> None:
    boilerplate = default_settings().boilerplate_pattern
    for chrome in ("Updated21:22, 6 OCT 2020", "Updated 10:42 GMT", "Last updated 10:42 BST, 12 March 2026"):
        assert boilerplate.fullmatch(chrome)
    assert not boilerplate.fullmatch("Updated 14:05: all ferries cancelled again")


def test_a_blogs_posted_by_line_signs_its_post_in_any_case_the_writer_chose() -> None:
    assert byline_name("Posted by Konstantin") == "Konstantin"
    assert byline_name("Posted by gizzmo on 12 May 2019") == "gizzmo"  # a user name, as written
    assert byline_name("Geschrieben von Thilo") == "Thilo"
    assert byline_name("Posted by Jane Roe on 12 May 2019") == "Jane Roe"
    assert dated_byline("Posted on 2015-04-05 by marc") == "marc"
    assert byline_name("Posted by the editors") is None and byline_name("Posted in News") is None
    assert byline_name("By default") is None


def test_a_title_made_of_a_texts_first_sentence_shows_its_links_words_not_their_addresses() -> None:
    assert first_sentence("Hi [Dan Le](mailto:dan@example.com), the manager said.") == "Hi Dan Le, the manager said."
    assert first_sentence("[Tide tables move](https://x.org/a): they use the 2026 datum.") == "Tide tables move: they use the 2026 datum."
