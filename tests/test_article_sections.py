"""An article's sections read as one entry; a newsletter issue's stories stay apart."""

from __future__ import annotations

from pathlib import Path

from brief.parsers import load
from brief.parsers.article_sections import one_article, subheads_span, subject_words
from brief.parsers.html_page import read_html
from brief.parsers.model import RawEntry
from brief.parsers.settings import default_settings

HTML = Path(__file__).parent / "fixtures" / "html"


def test_a_review_with_sub_headings_is_one_entry_under_its_headline() -> None:
    briefing = load([str(HTML / "sections-review.html")])
    assert [e.title for e in briefing.entries] == ["Tidewater T3 review: a commuter e-bike that shrugs off hills"]
    body = briefing.entries[0].body
    assert all(f"## {heading}" in body for heading in ("Design", "On the road", "Battery", "Verdict"))
    assert briefing.entries[0].author == "Marta Quillfeather"


def test_a_newsletter_issue_declared_as_an_article_keeps_its_stories() -> None:
    titles = [e.title for e in load([str(HTML / "newsletter-issue.html")]).entries]
    assert titles[1:] == ["Ferries return to the outer isles", "Cod quota cut by a fifth", "A bridge, at last"]


def _parts(*texts: tuple[str, str]) -> list[RawEntry]:
    return [RawEntry(title, body) for title, body in texts]


def test_sections_must_name_the_headlines_subject_where_a_capital_means_a_name() -> None:
    review = _parts(
        ("Intro", "We rode it for a month."),
        ("Design", "The frame of the Corrin bike is steel, and the rack is wide enough for two bags at once."),
        ("Verdict", "Buy it: the Corrin is the best value of the year, if you can wait for one to arrive."),
    )
    assert one_article(review, "Corrin review: steel is real")
    # The subject only opening a sentence or a line is no evidence ("Corrin" as a verb, say).
    opening = _parts(
        ("Intro", "We rode it for a month."),
        ("Design", "Corrin the frame in steel, and the rack is wide enough for two bags at once, said the maker."),
        ("Verdict", "Corrin it: this is the best value of the year, if you can wait for one to arrive."),
    )
    assert not one_article(opening, "Corrin review: steel is real")


def test_places_dates_and_the_sites_name_are_no_subject() -> None:
    """A country's newsletter names the country, a weekly edition its own name and its date,
    in every story: those stories are still apart."""
    assert subject_words("Norway briefing: ferries, fish and a bridge") == frozenset()
    assert subject_words("Weekly Edition for March 26", frozenset({"weekly", "edition"})) == frozenset()
    assert "Xbox" in subject_words("Xbox One X review: a console that keeps up with gaming PCs")
    stories = _parts(
        ("Norway briefing", "Good morning."),
        ("Ferries return", "Ferries in Norway run again from Thursday after three weeks of repairs, the operator said."),
        ("Cod quota cut", "Fishing boats across Norway face a cut of a fifth in next year's cod quota, ministers agreed."),
    )
    assert not one_article(stories, "Norway briefing: ferries and fish")


def test_a_how_tos_numbered_steps_are_one_article_whatever_they_name() -> None:
    # "Step 1", "Step 2", … right after the opening part: one text, though no step names the
    # headline's subject; numbers that skip, or steps after other stories, prove nothing.
    opening = ("How to Build a Terrarium", "A glass dome makes a small garden that waters itself for weeks.")
    steps = [(f"Step {n}", f"Do the {n}th thing with the moss, the soil and the little plants, then wait.") for n in (1, 2, 3)]
    assert one_article(_parts(opening, *steps), "How to Build a Terrarium")
    skipping = [steps[0], ("Step 3", steps[2][1])]
    assert not one_article(_parts(opening, *skipping), "How to Build a Terrarium")
    story = ("Ferries return", "The ferry company restarts its winter timetable on Monday, it said.")
    assert not one_article(_parts(opening, story, *steps), "How to Build a Terrarium")


_REPORT = """<html><head><title>Lock vote delayed again | Harbour Times</title>
<meta property="og:type" content="article"><meta property="og:title" content="Lock vote delayed again"></head>
<body><article><h1>Lock vote delayed again</h1>
<p>The council postponed its vote on the new sea lock for the third time on Thursday, after a late report on costs.</p>
<h2>{first}</h2><p>Councillors from both groups asked for two more weeks to read the engineers' figures, which put the
price a third above the estimate they had approved in spring.</p>
<h2>{second}</h2><p>The harbour master said the delay would push the start of works past the winter storms, and that the
old gates would need another inspection before then.</p></article></body></html>"""


def test_a_declared_article_under_sub_headings_that_name_other_things_is_one_entry() -> None:
    """A report's sub-headings ("A costly surprise", "Winter looms") need not repeat its
    headline's words: a page that declares one article, with no part a story of its own, is
    that article."""
    page = _REPORT.format(first="A costly surprise", second="Winter looms")
    (entry,) = read_html(page, boilerplate=default_settings().boilerplate_pattern)
    assert entry.title == "Lock vote delayed again"
    assert "## A costly surprise" in entry.body and "## Winter looms" in entry.body


def test_sub_headed_parts_stay_apart_under_an_issues_headline_or_linked_headings() -> None:
    parts = _parts(("Ferries", "word " * 20), ("Cod quota cut", "word " * 20), ("A bridge", "word " * 20))
    assert subheads_span(parts, "Lock vote delayed again") == range(0, 3)
    assert subheads_span(parts, "The Northern Circular #112: ferries, fish and a bridge") is None
    assert subheads_span(parts, "Morning briefing: ferries, fish and a bridge") is None
    linked = [parts[0], RawEntry("Cod quota cut", "word " * 20, link="https://example.org/cod"), parts[2]]
    assert subheads_span(linked, "Lock vote delayed again") is None
    links = "[a story](https://example.org/1) [another](https://example.org/2) " * 4
    assert subheads_span([parts[0], RawEntry("Elsewhere", links)], "Lock vote delayed again") is None
