"""Topics: configured and automatic, found where the texts write them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from brief.parsers.topics import _SAMPLE, _phrase_pattern, find_topics, sample_step


def test_topics_configured_and_automatic() -> None:
    texts = [
        "Leaders discussed security guarantees and the price of Russian oil.",
        "New security guarantees were offered; imports of Russian oil fell.",
        "A quiet day at the harbour.",
    ]
    result = find_topics(texts, [("Energy", ["oil", "gas"])], automatic=5, min_entries=2)
    labels = {name: ids for name, _, ids, _ in result.topics}
    assert labels["Energy"] == (0, 1)
    assert labels["Security guarantees"] == (0, 1)
    assert labels["Russian oil"] == (0, 1)
    assert result.per_entry[2] == ()


def test_found_topics_are_written_as_the_texts_write_them_and_stop_at_line_ends() -> None:
    texts = [
        "STORM WATCH\nStorm Bran closed the coast road overnight.",
        "FERRIES\nCrossings stopped as Storm Bran passed the islands.",
        "STORM WATCH\nGusts from Storm Bran reached 90mph at the point.",
    ]
    labels = [label for label, _, _, auto in find_topics(texts, [], automatic=5, min_entries=2).topics if auto]
    assert "Storm Bran" in labels and "Storm bran" not in labels
    assert not any(label.lower().startswith("storm watch storm") for label in labels)  # no phrase across the line break


def test_phrases_are_looked_for_in_at_most_a_sample_of_entries() -> None:
    for count in [1, 1999, 2000, 2001, 3999, 4000, 7981, 80_019, 100_000]:
        read = len(range(0, count, sample_step(count)))
        assert read <= _SAMPLE and read >= min(count, _SAMPLE // 2), (count, read)


def test_a_key_phrase_is_found_in_every_entry_not_only_the_sample() -> None:
    # More entries than the sample: the phrase is looked for in all of them, either apostrophe.
    texts = [
        f"Entry {i}: the coastal region{'’' if i % 2 else chr(39)}s ferry service resumed."
        if i % 3 == 0
        else f"Entry {i}: nothing of note at the market."
        for i in range(4_500)
    ]
    result = find_topics(texts, [], automatic=4, min_entries=2)
    reach = {keywords[0]: ids for _, keywords, ids, _ in result.topics}
    assert sample_step(len(texts)) > 1
    assert reach["coastal region's ferry"] == tuple(range(0, 4_500, 3))
    assert reach["ferry service"] == tuple(range(0, 4_500, 3))


def test_a_keyword_with_an_apostrophe_matches_either_apostrophe() -> None:
    texts = ["Women’s rights groups marched in the capital.", "A vote on women's rights is due.", "Rain again."]
    result = find_topics(texts, [("Rights", ["women's rights"])], automatic=0, min_entries=2)
    assert result.topics[0][0] == "Rights" and result.topics[0][2] == (0, 1)


def test_a_stock_phrase_in_most_entries_is_no_topic() -> None:
    """Wire copy says "people familiar with the talks" in most entries: it tells none apart."""
    subjects = ["grain exports", "fishing quotas", "rail freight", "steel output", "gas storage"]
    texts = [
        f"Entry {i} on {subjects[i % 5]}. "
        + ("Officials spoke to people familiar with the talks. " if i % 10 < 7 else "The minister spoke briefly. ")
        for i in range(200)
    ]
    labels = {keywords[0] for _, keywords, _, automatic in find_topics(texts, [], automatic=8, min_entries=2).topics if automatic}
    assert "people familiar" not in labels and not any("familiar" in label for label in labels)
    assert {"grain exports", "fishing quotas", "rail freight"} <= labels


_PIECES = st.text(alphabet="ab c'’-.éÉ_1", max_size=8)


@given(phrase=_PIECES.filter(str.strip), text=st.text(alphabet="ab c'’-.éÉ_1\n", max_size=40), ignore_case=st.booleans())
@settings(max_examples=400)
def test_a_phrase_is_found_as_whole_words_exactly_where_the_plain_definition_says(phrase: str, text: str, ignore_case: bool) -> None:
    # The pattern is written for speed (its look-behind after the first word); it must find
    # what "the phrase, with no word character on either side" finds, at the same place.
    flags = re.IGNORECASE if ignore_case else 0
    plain = re.compile(r"(?<!\w)" + re.sub(r"['’]", "['’]", re.escape(phrase.strip())) + r"(?!\w)", flags)
    found, wanted = _phrase_pattern(phrase, flags).search(text), plain.search(text)
    assert (found and found.span()) == (wanted and wanted.span())


def test_phrases_of_another_languages_function_words_are_no_topics() -> None:
    texts = [
        f"Der Hafen in Nordstadt wird erweitert, aber auch die Fähre fährt öfter. Vor allem die Fischer sind "
        f"froh, denn die Fangquoten sind nicht mehr so knapp wie im Jahr {2000 + i}. Die Stadt hat den Plan "
        f"nicht nur vorgestellt, sondern auch beschlossen, und die Fischer sind zufrieden."
        for i in range(12)
    ]
    labels = {keywords[0] for _, keywords, _, auto in find_topics(texts, [], automatic=8, min_entries=2).topics if auto}
    from brief.parsers.languages import FUNCTION_WORDS

    german = FUNCTION_WORDS["de"]  # "aber auch die", "den plan nicht": no subject opens or closes so
    assert labels and all(p.split()[0] not in german and p.split()[-1] not in german for p in labels), labels


def test_the_words_of_a_web_address_are_no_topic() -> None:
    texts = [f"Read the report at https://news.example.com/rss/articles/{i} before the vote on grain exports." for i in range(6)]
    labels = {keywords[0] for _, keywords, _, auto in find_topics(texts, [], automatic=8, min_entries=2).topics if auto}
    assert "grain exports" in labels and not any("com" in label.split() or "rss" in label.split() for label in labels)
