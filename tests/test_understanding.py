"""Deduplication, actors and topics (parsers/, no terminal)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from brief.parsers import load
from brief.parsers.actors import ActorSettings
from brief.parsers.dedup import DedupSettings, cluster
from brief.parsers.topics import _SAMPLE, find_topics, sample_step
from conftest import FIXTURES, SAMPLES, extract_actors

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


@pytest.mark.skipif(not SAMPLES.exists(), reason="shared samples not present")
def test_user_sample_four_entries_and_merged_people() -> None:
    briefing = load([str(SAMPLES / "europe-live-2025-09-05.txt")])
    assert [e.seen for e in briefing.entries] == [2, 1, 1, 1]
    actors = {a.name: a for a in briefing.actors}
    assert set(actors["Vladimir Putin"].aliases) >= {"Putin", "the Russian president"}
    assert "Zelenskyy" in actors["Volodymyr Zelenskyy"].aliases
    assert "Trump" in actors["Donald Trump"].aliases
    assert "Fico" in actors["Robert Fico"].aliases
    people = [a.name for a in briefing.actors if a.kind == "person"]
    for surname in ("Putin", "Zelenskyy", "Trump", "Fico", "Rutte"):
        assert sum(1 for p in people if p.split()[-1] == surname) == 1, surname
    for word in ("Meanwhile", "Expect", "Limiting", "Key events", "Telegram", "Friday", "Good"):
        assert word not in actors
    assert {"Security guarantees", "Russian oil"} <= {t.name for t in briefing.topics}


FALSE_FRIENDS = [
    ("Talks in Amman", "Jordan's foreign minister Ayman Safadi met US secretary of state Marco Rubio in Amman on "
     "Tuesday. Safadi said Jordan would host the next round. However, officials cautioned that progress was slow."),
    ("Johnson and Johnson", "Former British prime minister Boris Johnson criticised the plan. Separately, US House "
     "speaker Mike Johnson said Congress would vote next week. Johnson, speaking in Washington, added that the vote was close."),
    ("Energy agency report", "The International Renewable Energy Agency (Irena) said solar capacity grew by a third. "
     "Irena's director-general Francesco La Camera called it a record. Meanwhile, Denmark's climate minister Lars "
     "Aagaard welcomed the figures."),
    ("Georgia protests", "Protesters gathered in Tbilisi as Georgia's president Mikheil Kavelashvili addressed "
     "parliament. Łukasz Kowalski, a Polish observer, said the crowd was peaceful. Kowalski added that police kept their distance."),
    ("Bank of England holds", "The Bank of England kept rates at 4.5%. Governor Andrew Bailey said inflation was "
     "easing. Bailey told reporters that the Monetary Policy Committee was divided. The pound rose against the euro."),
    ("Basketball Legend Visits Chicago", "Michael Jordan visited a school in Chicago on Friday. Jordan told pupils "
     "to keep practising. Photograph: Ana Ruiz/Reuters"),
]  # fmt: skip


def test_actor_rules_on_false_friends() -> None:
    result = extract_actors(FALSE_FRIENDS)
    kinds = {name: kind for name, kind, _, _ in result.actors}
    assert result.per_entry[0] == ("Amman", "Jordan", "Ayman Safadi", "United States", "Marco Rubio")
    assert kinds["Jordan"] == "place"
    assert result.per_entry[5] == ("Chicago", "Michael Jordan")  # surname, not the country; no photo credit
    assert {"Boris Johnson", "Mike Johnson"} <= set(result.per_entry[1])
    assert result.per_entry[2][0] == "International Renewable Energy Agency"
    aliases = {name: set(a) for name, _, a, _ in result.actors}
    assert "Irena" in aliases["International Renewable Energy Agency"]
    assert "Kowalski" in aliases["Łukasz Kowalski"]
    assert "England" not in kinds  # a place inside an organisation's name
    assert kinds["Bank of England"] == "organisation"
    assert "Poland" in result.per_entry[3]  # demonym "Polish"
    assert "Meanwhile" not in kinds and "However" not in kinds


def test_user_aliases_kinds_and_ignore() -> None:
    texts = [("A", "Volodymyr Zelenskyy spoke in Kyiv. Zelensky said the talks went well. Acme Widgets said nothing.")]
    result = extract_actors(
        texts,
        ActorSettings(aliases={"Zelensky": "Volodymyr Zelenskyy"}, ignore=frozenset({"Kyiv"}), kinds={"Acme Widgets": "organisation"}),
    )
    names = {name: (kind, aliases) for name, kind, aliases, _ in result.actors}
    assert "Zelensky" in names["Volodymyr Zelenskyy"][1]
    assert "Kyiv" not in names
    assert names["Acme Widgets"][0] == "organisation"


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


def test_companies_people_at_organisations_and_declared_acronyms() -> None:
    briefing = load([str(FIXTURES / "markdown" / "tech-brief.md")])
    kinds = {a.name: a.kind for a in briefing.actors}
    assert kinds["Goldman Sachs"] == "organisation"  # "analysts at Goldman Sachs"
    assert kinds["Christine Lagarde"] == "person" and kinds["Lars Klingbeil"] == "person"
    assert {"ASML", "TSMC", "Volkswagen", "IG Metall", "Bundesbank", "European Central Bank"} <= set(kinds)
    assert "Semiconductor Manufacturing Company" not in kinds and "Taiwan" not in kinds
    assert "Lagarde" in {alias for a in briefing.actors for alias in a.aliases}
    assert not {"Meanwhile", "However", "On Friday", "Analysts"} & set(kinds)


def test_a_headline_surname_is_the_person_its_own_text_names() -> None:
    """Two people share a surname: a lone surname in the headline (read before the body) is
    the one the entry names in full, not whichever is commoner in the briefing."""
    texts = [
        ("Budget vote", "Speaker Mike Johnson said the vote would go ahead."),
        ("Johnson vows recount", "Mike Johnson told members the count was wrong. Mike Johnson left."),
        ("Johnson in Kyiv", "Former prime minister Boris Johnson arrived in Kyiv on Monday."),
    ]
    result = extract_actors(texts)
    assert result.per_entry[2][0] == "Boris Johnson"
    assert "Mike Johnson" not in result.per_entry[2]
    assert result.per_entry[1] == ("Mike Johnson",)


def test_organisation_names_joined_by_of_when_they_end_in_an_organisation_word() -> None:
    texts = [
        ("Strike", "The Port of Rotterdam Authority said plans were ready. Rotterdam was calm."),
        ("Talks", "Head of State Institute staff met the Minister of Foreign Affairs of Japan."),
        ("Grants", "The Duke of Sussex Foundation and the Ministry of Foreign Affairs gave money."),
        ("Report", "The Swiss Federal Office for the Environment will publish its report."),
    ]
    result = extract_actors(texts)
    kinds = {name: kind for name, kind, _, _ in result.actors}
    assert result.per_entry[0] == ("Port of Rotterdam Authority", "Rotterdam")
    assert kinds["Port of Rotterdam Authority"] == "organisation"
    assert result.per_entry[1] == ("State Institute", "Japan")  # no "of State Institute", no "Affairs"
    assert result.per_entry[2] == ("Duke of Sussex Foundation", "Ministry of Foreign Affairs")
    assert result.per_entry[3] == ("Switzerland", "Federal Office for the Environment")


def test_a_place_that_begins_an_organisations_name_and_occupations_before_names() -> None:
    texts = [
        ("Metals", "Trading on the London Metal Exchange was busy. London's Metal Exchange rivals were quiet."),
        ("Chips", "The US Commerce Department tightened its rules."),
        ("Storm", "Forecaster Pål Engen said gusts would strengthen. Engen said roads would close."),
    ]
    result = extract_actors(texts)
    kinds = {name: kind for name, kind, _, _ in result.actors}
    assert kinds["London Metal Exchange"] == "organisation" and kinds["London"] == "place"
    assert result.per_entry[1] == ("United States", "US Commerce Department")  # the country is named too
    assert result.per_entry[2] == ("Pål Engen",)  # not "Forecaster Pål Engen"; the lone surname joins him
    assert not any(name.startswith("Forecaster") for name in kinds)


def test_a_spelt_out_acronym_is_one_organisation_named_from_its_initials() -> None:
    texts = [
        ("Outbreak", "On Monday the World Health Organization (WHO) said the outbreak was contained. WHO staff left."),
        ("Camps", "The UN Office for the Coordination of Humanitarian Affairs (OCHA) counts 41,000 displaced."),
        ("Clinics", "Yesterday, Médecins Sans Frontières (MSF) warned of shortages. MSF runs two clinics."),
        ("Storm", "Storm Halvard made landfall overnight."),
    ]
    result = extract_actors(texts)
    kinds = {name: kind for name, kind, _, _ in result.actors}
    assert result.per_entry[0] == ("World Health Organization",)  # not "On Monday the World Health …"
    assert result.per_entry[1] == ("United Nations", "Office for the Coordination of Humanitarian Affairs")
    assert kinds["Médecins Sans Frontières"] == "organisation"  # no organisation word, yet declared one
    assert "Storm Halvard" not in kinds


def test_a_known_name_opening_a_sentence_may_be_the_common_word() -> None:
    texts = [
        ("Turnout", "The electoral commission counted all night, since 1994. Commission staff were tired."),
        ("Aid", "US officials said they would help us. The Commission in Brussels agreed."),
    ]
    result = extract_actors(texts)
    assert result.per_entry[0] == ()  # "Commission" after a full stop: the commission of this text
    assert result.per_entry[1] == ("United States", "European Commission", "Brussels")  # "US" is no "us"


def test_seas_lakes_and_newspapers_are_no_people() -> None:
    texts = [
        ("Quotas", "Cod stocks in the Barents Sea fell. Boats from Lake Ladoga stayed home."),
        ("Press", "The story ran in the Northern Dispatch on Friday. Erik Nystad said it was wrong."),
    ]
    kinds = {name: kind for name, kind, _, _ in extract_actors(texts).actors}
    assert kinds["Barents Sea"] == "place" and kinds["Lake Ladoga"] == "place"
    assert kinds["Northern Dispatch"] == "organisation" and kinds["Erik Nystad"] == "person"


def test_speakers_say_it_themselves_and_organisations_joined_by_and() -> None:
    texts = [
        ("Ice minimum confirmed", "Data from the Food and Drug Administration was cited."),
        ("Talks", "Negotiator Ilse Marak has repeatedly warned of delays. Marak also said talks go on."),
    ]
    result = extract_actors(texts)
    kinds = {name: kind for name, kind, _, _ in result.actors}
    assert "Ice" not in kinds  # "minimum" stands between it and "confirmed"
    assert kinds["Food and Drug Administration"] == "organisation"
    assert kinds["Ilse Marak"] == "person" and result.per_entry[1] == ("Ilse Marak",)


def test_a_department_word_that_begins_an_agencys_name_stays() -> None:
    texts = [("Rivers", "The gauge read 3.1 metres, the Environment Agency said. Health Minister Anna Berg visited.")]
    result = extract_actors(texts)
    assert result.per_entry[0] == ("Environment Agency", "Anna Berg")  # not "Agency", not "Health Minister Anna Berg"
    titled = extract_actors([("Vote", "Majority Leader John Thune and Shadow Chancellor Mel Stride spoke.")])
    assert titled.per_entry[0] == ("John Thune", "Mel Stride")


def test_company_words_and_places_after_in() -> None:
    texts = [
        ("Pilots", "Air Canada pilots ratified their contract. Producers in Hamilton welcomed the move."),
        ("Strike", "The terminal operator, Noordhaven Logistics, said the strike broke the rules."),
        ("Visit", "Speaking in Ottawa, minister Dominic LeBlanc said talks would go on. In Hamilton, Reyes said no."),
    ]
    result = extract_actors(texts)
    kinds = {name: kind for name, kind, _, _ in result.actors}
    assert kinds["Air Canada"] == "organisation"
    assert kinds["Noordhaven Logistics"] == "organisation"
    assert "Hamilton" not in kinds  # somewhere we do not know, not a person
    assert kinds["Dominic LeBlanc"] == "person" and kinds["Reyes"] == "person"


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


def test_what_one_mention_says_of_a_names_kind_holds_for_all() -> None:
    """Unknown two-word names default to people; a cue anywhere decides for every mention:
    "the Relief Desk" / "a Relief Desk spokeswoman" an organisation, "a school in San Telmo"
    a place; a title ("Mayor …") keeps a person a person."""
    texts = [
        ("Convoys", "Relief Desk trucks reached the valley. A Relief Desk spokeswoman said more would follow."),
        ("Schools", "San Telmo reopened its school. Classes in San Telmo start at nine."),
        ("Water", "The Harbour Trust, which runs the quay, closed it. Harbour Trust staff were sent home."),
        ("Council", "Mayor Ruth Okafor spoke in Ruth Okafor's office. Ruth Okafor said the quay would reopen."),
        ("Press", "Erik Nystad said it was wrong."),
        ("Ferry", "The crossing at Puerto Alto reopened. Families left the shelters in Puerto Alto."),
        ("Buses", "Lakeside Transit will run more buses."),
        ("Sailings", "All crossings were cancelled, the operator Isle Link said. Trawlers sheltered from the Barents Sea."),
    ]
    kinds = {name: kind for name, kind, _, _ in extract_actors(texts).actors}
    assert kinds["Relief Desk"] == "organisation"
    assert kinds["San Telmo"] == "place"
    assert kinds["Harbour Trust"] == "organisation"
    assert kinds["Ruth Okafor"] == "person" and kinds["Erik Nystad"] == "person"
    assert kinds["Puerto Alto"] == "place"  # "at" may be a place; "in" says which
    assert kinds["Lakeside Transit"] == "organisation"
    assert kinds["Isle Link"] == "organisation"  # said outright, though "Isle" heads places' names
    assert kinds["Barents Sea"] == "place"  # "the" makes no place an organisation


def test_found_topics_are_written_as_the_texts_write_them_and_stop_at_line_ends() -> None:
    texts = [
        "STORM WATCH\nStorm Bran closed the coast road overnight.",
        "FERRIES\nCrossings stopped as Storm Bran passed the islands.",
        "STORM WATCH\nGusts from Storm Bran reached 90mph at the point.",
    ]
    labels = [label for label, _, _, auto in find_topics(texts, [], automatic=5, min_entries=2).topics if auto]
    assert "Storm Bran" in labels and "Storm bran" not in labels
    assert not any(label.lower().startswith("storm watch storm") for label in labels)  # no phrase across the line break


def test_briefings_in_other_languages_name_people_not_their_nouns_and_articles() -> None:
    """German capitalises every noun and French opens sentences with articles: "Die Angaben",
    "Beginn der Sitzung" or "Le Premier" are no people, while the names and their German titles
    ("Bundeskanzler Friedrich Merz") are read as in English."""
    german = load([str(FIXTURES / "text" / "ukraine-liveblog-de.txt")])
    assert {(a.name, a.kind) for a in german.actors} >= {
        ("Wolodymyr Selenskyj", "person"), ("Friedrich Merz", "person"), ("Kaja Kallas", "person"), ("Berlin", "place"),
    }  # fmt: skip
    assert all(a.name.split()[0] not in {"Die", "Der", "Das", "Präsident", "Bundeskanzler"} for a in german.actors)
    assert not {"Die Angaben", "Beginn der Sitzung", "Die Bundesregierung"} & {a.name for a in german.actors}
    french = load([str(FIXTURES / "markdown" / "matin-fr.md")])
    names = {a.name for a in french.actors}
    assert "Philippe Tabarot" in names and not {"Le Premier", "Premier", "La", "Les", "Selon Le Monde"} & names
    assert ("Le Monde", "organisation") in {(a.name, a.kind) for a in french.actors}  # a known name keeps its article


def test_the_language_of_an_entry_is_told_by_its_function_words() -> None:
    from brief.parsers.actors import tokenize
    from brief.parsers.languages import language_of

    def of(text: str) -> str:
        return language_of(tokenize(text))

    assert of("The minister said on Monday that talks with the union would resume in Geneva after the vote.") == "en"
    assert of("Der Minister sagte am Montag, dass die Gespräche mit der Gewerkschaft nach der Abstimmung in Genf weitergehen.") == "de"
    assert of("Le ministre a déclaré lundi que les discussions avec le syndicat reprendront à Genève après le vote.") == "fr"
    assert of("El ministro dijo el lunes que las conversaciones con el sindicato se reanudarán en Ginebra tras la votación.") == "es"
    # An English report quoting a German sentence stays English.
    assert of('The chancellor told reporters in Berlin that "die Lage ist ernst", and said the cabinet would meet on Friday to decide.') == "en"
    assert of("Ferry strike ends") == "en"  # too short to tell: English rules


def test_phrases_are_looked_for_in_at_most_a_sample_of_entries() -> None:
    for count in [1, 1999, 2000, 2001, 3999, 4000, 7981, 80_019, 100_000]:
        read = len(range(0, count, sample_step(count)))
        assert read <= _SAMPLE and read >= min(count, _SAMPLE // 2), (count, read)


def test_a_digest_is_what_deduplication_would_work_out_itself() -> None:
    from brief.parsers.dedup import shingle_arrays
    from brief.parsers.digest import digest
    from brief.parsers.model import RawEntry, anchor_of, entry_id, normalise_text

    body = "The harbour authority reopened both ports on Tuesday, after the storm had closed them for two days."
    entries = [
        RawEntry("Ports reopen", body),
        RawEntry("PORTS  REOPEN", body.replace("reopened both", "reopened \n both")),  # the same text, normalised
        RawEntry("", "Only a body, with “curly quotes” — and a dash."),
        RawEntry("Dumped", "From an earlier dump.", dump_id="0123456789abcdef"),
    ]
    made = digest("folder/live.txt", entries, 2, 400)
    for raw, normalised, identity, anchor, shingles in zip(
        entries, made.normalised, made.ids, made.anchors, made.shingles, strict=True
    ):
        assert normalised == normalise_text(f"{raw.title}\n{raw.body}")
        assert identity == (raw.dump_id or entry_id(raw.title, raw.body))
        assert anchor == anchor_of("folder/live.txt", raw.body)
        assert sorted(shingles) == sorted(shingle_arrays([normalised], 2, 400)[0])
    assert made.shingles[0] is made.shingles[1]  # an exact copy is hashed once
    assert made.then(made).ids == made.ids + made.ids


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


def test_a_posts_own_byline_is_not_its_actor_but_stays_one_where_others_name_them() -> None:
    from brief.parsers.actors import ActorResult, without_bylines

    found = ActorResult(
        actors=(("Jane Roe", "person", ("Roe",), (0, 1)), ("Omar Haddad", "person", (), (0,)), ("Lena Berg", "person", (), (2,))),
        per_entry=(("Jane Roe", "Omar Haddad"), ("Jane Roe",), ("Lena Berg",)),
    )
    # Entry 0 is signed by Jane Roe ("it's Jane Roe here"); entry 1 quotes her; entry 2 is a joint byline.
    kept = without_bylines(found, ["Jane Roe", None, "Lena Berg and Tom Ash"])
    assert kept.per_entry == (("Omar Haddad",), ("Jane Roe",), ())
    assert [(name, ids) for name, _, _, ids in kept.actors] == [("Jane Roe", (1,)), ("Omar Haddad", (0,))]
    assert without_bylines(found, [None, None, None]) is found
