"""An article's sections read as one entry; a newsletter issue's stories stay apart."""

from __future__ import annotations

from pathlib import Path

from brief.parsers import load
from brief.parsers.article_sections import one_article, subject_words
from brief.parsers.model import RawEntry

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
