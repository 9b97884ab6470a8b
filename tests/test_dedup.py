"""Deduplication: exact and near copies folded, at scale, whatever the entries share."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from brief.parsers import load
from brief.parsers.dedup import DedupSettings, cluster
from conftest import FIXTURES

POST = (
    "Engineers inspecting the Kingsgate bridge found hairline cracks in two of the steel girders that carry the "
    "main span, the transport authority said. The bridge carries about 40,000 vehicles a day and will stay closed "
    "until at least Friday while specialists assess the damage."
)



def test_exact_near_and_distinct_posts() -> None:
    updated = POST + " On Tuesday the authority said a temporary footbridge could open by the weekend."
    teaser = "Engineers inspecting the Kingsgate bridge found hairline cracks in two of the steel girders."
    shouting = POST.upper().replace(" ", "   ")
    different = (
        "The mayor promised an inquiry into why the cracks in the Kingsgate bridge were missed at the last inspection, "
        "telling councillors he wanted answers within weeks and that the findings would be published in full."
    )
    groups = cluster([POST, updated, teaser, shouting, different], DedupSettings())
    assert groups == [[0, 1, 2, 3], [4]]


def test_dedup_across_files_keeps_first_position_fullest_text_and_occurrences() -> None:
    briefing = load(sorted(str(p) for p in (FIXTURES / "dedup").iterdir()))
    seen = {e.title: e.seen for e in briefing.entries}
    assert len(briefing.entries) == 4
    bridge = briefing.entries[0]
    assert bridge.seen == 3
    assert bridge.body.endswith("a temporary footbridge could open for pedestrians by the weekend.")
    assert [Path(o.path).name for o in bridge.occurrences] == ["evening-newsletter.md", "monday-live.txt", "tuesday-live.txt"]
    assert "– updated" not in bridge.title
    assert seen["Mayor promises inquiry into bridge inspections"] == 1
    assert seen["Bus operators add extra services"] == 1


def test_dedup_never_compares_all_pairs_but_finds_copies_at_scale() -> None:
    # Templated posts that differ only in their facts (numbers) are different stories.
    base = [f"Report {i}: the council in district {i} approved budget line {i * 7} for road repairs today." for i in range(3000)]
    texts = [*base, base[5], base[2999] + " Work starts in spring."]
    groups = cluster(texts, DedupSettings())
    merged = [g for g in groups if len(g) > 1]
    assert sorted(merged) == [[5, 3000], [2999, 3001]]


def test_near_copies_found_among_thousands_sharing_stock_phrases() -> None:
    """6,000 stories built partly from 40 stock phrases (as wire copy is), 300 lightly edited
    copies: every copy keeping 80% of its words is found, and nothing unrelated is merged."""
    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(3000)]
    stock = [" ".join(rng.choice(vocab) for _ in range(6)) for _ in range(40)]

    def story() -> str:
        return ". ".join(
            rng.choice(stock) if rng.random() < 0.35 else " ".join(rng.choice(vocab) for _ in range(7)) for _ in range(12)
        )

    texts = [story() for _ in range(6000)]
    copies = []
    for _ in range(300):
        original = rng.randrange(6000)
        texts.append(" ".join(w if rng.random() < 0.8 else rng.choice(vocab) for w in texts[original].split()))
        copies.append((original, len(texts) - 1))
    groups = cluster(texts, DedupSettings())
    group_of = {member: group[0] for group in groups for member in group}
    assert all(group_of[a] == group_of[b] for a, b in copies)
    assert len(groups) == len(texts) - len(copies)


def test_a_digest_is_what_deduplication_would_work_out_itself() -> None:
    from brief.parsers.dedup import shingle_arrays
    from brief.parsers.digest import copy_key, digest
    from brief.parsers.model import RawEntry, anchor_of, entry_id, normalise_text

    body = "The harbour authority reopened both ports on Tuesday, after the storm had closed them for two days."
    entries = [
        RawEntry("Ports reopen", body),
        RawEntry("PORTS  REOPEN", body.replace("reopened both", "reopened \n both")),  # the same text, normalised
        RawEntry("", "Only a body, with “curly quotes” — and a dash."),
        RawEntry("Dumped", "From an earlier dump.", dump_id="0123456789abcdef"),
    ]
    made = digest("folder/live.txt", entries, 2, 400, keep_texts=True)
    assert digest("folder/live.txt", entries, 2, 400).normalised == ()  # texts kept only when asked for
    for raw, normalised, key, identity, anchor, shingles in zip(
        entries, made.normalised, made.keys, made.ids, made.anchors, made.shingles, strict=True
    ):
        assert normalised == normalise_text(f"{raw.title}\n{raw.body}")
        assert key == copy_key(normalised)
        assert identity == (raw.dump_id or entry_id(raw.title, raw.body))
        assert anchor == anchor_of("folder/live.txt", raw.body)
        assert sorted(shingles) == sorted(shingle_arrays([normalised], 2, 400)[0])
    assert made.shingles[0] is made.shingles[1] and made.keys[0] == made.keys[1]  # an exact copy is hashed once
    assert made.then(made).ids == made.ids + made.ids


@given(
    st.lists(st.lists(st.integers(0, 2**32 - 1) | st.sampled_from([7, 7 + (1 << 22), 99, 12345]), max_size=30), max_size=40),
    st.none() | st.integers(0, 6),
)
@settings(max_examples=300, deadline=None)
def test_shingle_counts_in_numpy_choose_what_the_loop_does(entries: list[list[int]], ceiling: int | None) -> None:
    # Big loads count shingles in numpy, small ones shingle by shingle: the same choices,
    # collisions of hash slots included (7 and 7 + 2**22 share one).
    from array import array

    from brief.parsers import dedup

    computed = [array("I", values) for values in entries]
    looped = list(dedup._kept_and_rare_looped(computed, ceiling))
    saved = dedup._NUMPY_FROM, dedup._CHUNK_VALUES
    dedup._NUMPY_FROM, dedup._CHUNK_VALUES = 0, 7  # several chunks, counted one after another
    try:
        vectorised = list(dedup._kept_and_rare(computed, ceiling))
    finally:
        dedup._NUMPY_FROM, dedup._CHUNK_VALUES = saved
    assert vectorised == looped


def test_a_story_retold_in_other_words_in_three_files_is_one_entry_seen_three_times() -> None:
    # A live blog's post, a newsletter's paragraph and a feed item on one gale: reworded,
    # re-ordered, one sentence more. Another story of the same company, people and day (an
    # order of new ferries, with no figures in common) stays its own entry.
    briefing = load([str(FIXTURES / "retold")])
    by_title = {e.title: e for e in briefing.entries}
    gale = by_title["Gale stops ferries on the Vestfjord"]
    assert gale.seen == 3
    assert {Path(o.path).name for o in gale.occurrences} == {"harbour-live.txt", "northern-morning.md", "coast-desk.xml"}
    assert by_title["Skerry Line orders electric ferries"].seen == 1
    assert len(briefing.entries) == 6


def test_retellings_are_joined_only_across_files_in_time_and_on_shared_figures() -> None:
    from brief.parsers.retold import retold_pairs

    story = (
        "Storm halts ferries. Winds of 90 km/h forced the operator to suspend its crossings of the strait, "
        "leaving 400 passengers stranded in the harbour town; the spokesperson said sailings resume when the "
        "gale eases, and the coastguard said two fishing boats returned early to port."
    )
    retold = (
        "Gale stops ferries. Some 400 travellers were stranded in the harbour town after the operator halted "
        "crossings of the strait as gusts reached 90 km/h; sailings resume once the gale eases, the spokesperson "
        "said, and fishing boats returned early to port, according to the coastguard."
    )
    others = [f"Item {n}: the council met about budget line {n} and {n + 7}." for n in range(20)]

    def pairs(texts: list[str], sources: list[str], times: list[str | None]) -> list[tuple[int, int]]:
        return retold_pairs(texts + others, sources + ["other.md"] * 20, times + ["2025-11-18T09:00:00+01:00"] * 20)

    monday, later = "2025-11-18T09:00:00+01:00", "2025-11-18T12:00:00+01:00"
    assert pairs([story, retold], ["a.txt", "b.md"], [monday, later]) == [(0, 1)]
    assert pairs([story, retold], ["a.txt", "b.md"], [monday, None]) == [(0, 1)]  # undated: time says nothing
    assert pairs([story, retold], ["a.txt", "a.txt"], [monday, later]) == []  # one file
    assert pairs([story, retold], ["a.txt", "b.md"], [monday, "2025-11-21T09:00:00+01:00"]) == []  # days apart
    no_figures = [text.replace("90", "ninety").replace("400", "hundreds of") for text in (story, retold)]
    assert pairs(no_figures, ["a.txt", "b.md"], [monday, later]) == []


def test_texts_that_share_only_a_links_address_are_not_the_same_story() -> None:
    """A newsletter's "Jobs" line and its "Quote of the Week" both link to one forum: the
    address's words ("https forum example t") are no words of either text."""
    jobs = "Jobs\nPlease see the latest [hiring thread on the forum](https://www.forum.example/r/harbour/comments/81x/hiring/)"
    quote = (
        "Quote of the Week\n> The sea does not care how the forms were filled in.\n\n"
        "[Discuss on the forum](https://www.forum.example/r/harbour/comments/92y/weekly_212/)"
    )
    assert cluster([jobs, quote]) == [[0], [1]]
    # The same text, its link written with another host and tracking, is still the same text.
    moved = jobs.replace("https://www.forum.example/r/harbour/comments/81x/hiring/", "http://forum.example/r/harbour/comments/81x/hiring?ref=mail")
    assert cluster([jobs, moved]) == [[0, 1]]


def test_a_weekly_columns_issues_are_not_one_story_for_their_stock_sentences() -> None:
    """A newsletter's recurring section ("Boat of the Week") says the same stock sentences
    every week and links each week to its own pages: two weeks are two entries. One text linked
    with tracking added, or from another host, is still one."""
    stock = (
        "Thanks to the harbour club for the suggestion! Please send your suggestions and votes for "
        "next week to the desk, and tell us which boats you would like to see on the slipway."
    )
    week_1 = (
        "Boat of the Week\nThis week's boat is [Maren](https://boats.example/maren), a pilot cutter built in "
        f"1931 and restored by volunteers over six winters. {stock}"
    )
    week_2 = (
        "Boat of the Week\nThis week's boat is [Solveig](https://boats.example/solveig), the last wooden ferry "
        f"on the sound, now a floating classroom for the sailing school. {stock}"
    )
    assert cluster([week_1, week_2]) == [[0], [1]]
    tracked = week_1.replace("https://boats.example/maren", "http://www.boats.example/maren/?utm_source=letter")
    assert cluster([week_1, tracked]) == [[0, 1]]


def test_one_text_carried_by_two_sites_linking_their_own_pages_is_one_story() -> None:
    story = (
        "Harbour strike ends\nDockworkers voted to accept the revised offer on Tuesday evening, ending a "
        "nine-day strike that had held up ferries and freight across the estuary, the union said in a {link}. "
        "Crossings resume on Wednesday morning with a reduced timetable until the backlog is cleared."
    )
    one = story.format(link="[statement](https://coast-news.example/tag/harbour-strike)")
    other = story.format(link="[statement](https://estuary-times.example/topics/dock-workers)")
    assert cluster([one, other]) == [[0, 1]]
