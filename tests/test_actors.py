"""Actors: people, organisations and places found, aliases merged, false friends left out."""

from __future__ import annotations

from brief.parsers import load
from brief.parsers.actors import ActorSettings
from conftest import FIXTURES, extract_actors

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


def test_pubs_cafes_hotels_and_streets_are_no_people() -> None:
    """A live blog of a town's day names its venues and streets as two capitalised words, as it
    names its people: the last word tells them apart."""
    texts = [
        ("Pubs", "The Harbour Bar will close tonight. Mill Lane Cafe stays open for takeaway."),
        ("Streets", "Traffic was light on Cornmarket St this evening. Fintan Moore said the Quay Hotel was full."),
    ]
    kinds = {name: kind for name, kind, _, _ in extract_actors(texts).actors}
    assert kinds["Harbour Bar"] == "organisation" and kinds["Mill Lane Cafe"] == "organisation"
    assert kinds["Quay Hotel"] == "organisation" and kinds["Cornmarket St"] == "place"
    assert kinds["Fintan Moore"] == "person"


def test_titles_of_office_in_other_countries_are_no_part_of_the_name() -> None:
    texts = [
        ("Dublin", "Tanaiste Leo Varadkar said the plan was sound. Taoiseach Micheal Martin agreed."),
        ("Munich", "Ministerpräsident Markus Söder und Detective Anna Clarke sprachen am Montag."),
    ]
    names = {name for name, kind, _, _ in extract_actors(texts).actors if kind == "person"}
    assert {"Leo Varadkar", "Micheal Martin", "Markus Söder", "Anna Clarke"} <= names
    assert not {"Tanaiste Leo Varadkar", "Taoiseach Micheal Martin", "Ministerpräsident Markus Söder"} & names


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


def test_a_sentence_opening_compound_and_a_repeated_first_name_are_no_part_of_a_name() -> None:
    result = extract_actors([
        ("Just-released Minecraft exploit crashes servers", "Long-awaited Harbour Board figures came out on Monday, "
         "the board said. Dan Goodin Dan is the security editor, and Ana Lima Ana Lima wrote the rest."),
    ])  # fmt: skip
    names = {name for name, *_ in result.actors}
    assert not {n for n in names if n.startswith(("Just-released", "Long-awaited"))}
    assert not {n for n in names if n.split()[-1] in ("Dan", "Ana")}
    assert "Harbour Board" in names


def test_names_either_side_of_a_slash_are_two() -> None:
    # A picture credit or a pairing ("Kyiv/Warsaw") joins names with a slash, never into one.
    result = extract_actors(
        [("Launch fails", "The cargo ship broke up minutes after launch (Oleg Urusov/ Roscosmos Space Agency photo). "
          "Flights between Kyiv/Warsaw resumed on Monday.")]
    )  # fmt: skip
    names = set(result.per_entry[0])
    assert "Oleg Urusov" in names and "Roscosmos Space Agency" in names
    assert {"Kyiv", "Warsaw"} <= names


def test_the_first_word_of_an_organisations_name_said_alone_is_that_organisation() -> None:
    result = extract_actors(
        [("Cargo ship lost", "The Roscosmos Space Agency lost contact with the ship. Roscosmos said debris fell over "
          "the sea. Anna Berg said the launch had been delayed twice.")]
    )  # fmt: skip
    kinds = {name: kind for name, kind, _, _ in result.actors}
    assert kinds["Roscosmos"] == "organisation" and kinds["Anna Berg"] == "person"


def test_a_german_adjective_and_noun_at_a_sentences_start_are_no_person() -> None:
    # German capitalises nouns, and every word opening a sentence: "Drei Jahre", "Weitere
    # Informationen" look like names; "drei", "weiteren" written in lowercase elsewhere tell.
    body = (
        "Drei Jahre lang hat die Stadt über den neuen Hafen gestritten. Die Bürgermeisterin Karin Vogt sagte am "
        "Montag, der Bau beginne im Frühjahr. Weitere Informationen gibt es bei der Stadt, die auch in den "
        "nächsten drei Wochen zu weiteren Treffen einlädt. Karin Vogt sagte, dass die Kosten nicht steigen."
    )
    names = {name: kind for name, kind, _, _ in extract_actors([("Streit um den Hafen", body)]).actors}
    assert names.get("Karin Vogt") == "person"
    assert "Drei Jahre" not in names and "Weitere Informationen" not in names


def test_an_acronym_that_is_a_common_word_names_nothing_in_lower_case() -> None:
    # A headline in title case: "Man Who Says …" names no World Health Organization, "Tell Us"
    # no United States; "WHO" and "US" in capitals do. A hyphened title ("President-Elect") is
    # no part of the name.
    texts = [
        ("Man Who Says He Saw the Flood Speaks to Us", "A farmer described the night the river rose."),
        ("WHO warns on measles", "The WHO said cases rose in the US. President-Elect Dana Whitfield agreed."),
    ]
    found = {name: (kind, entries) for name, kind, _, entries in extract_actors(texts).actors}
    assert found["World Health Organization"][1] == (1,) and found["United States"][1] == (1,)
    assert "Dana Whitfield" in found and "President-Elect Dana Whitfield" not in found


def test_clubs_houses_and_spanish_or_portuguese_place_names_are_no_people() -> None:
    texts = [
        ("Cup night", "Dundee United beat the visitors in front of the Opera House crowd on the screen."),
        ("Trade fair", "Buyers flew from Las Vegas and San Mateo; Rosa Quintero led the delegation."),
    ]
    kinds = {name: kind for name, kind, _, _ in extract_actors(texts).actors}
    assert kinds["Dundee United"] == kinds["Opera House"] == "organisation"
    assert kinds["Las Vegas"] == kinds["San Mateo"] == "place" and kinds["Rosa Quintero"] == "person"


def test_a_pages_controls_left_in_its_text_name_no_one() -> None:
    texts = [
        ("Harbour plans", "View Author Page. Edit Text. Enlarge Photo. Marta Quillfeather said the quay would reopen."),
        ("Tech park", "The firm moved to Mountain View last year, Rosa Quintero said."),
    ]
    names = {name for name, _, _, _ in extract_actors(texts).actors}
    assert "Marta Quillfeather" in names and "Rosa Quintero" in names
    assert not {"View Author Page", "Edit Text", "Enlarge Photo"} & names


def test_a_section_heading_inside_the_text_names_only_what_is_known() -> None:
    # "## Tracking Issues" heads a section of a newsletter's text: capitalised as headings are,
    # it makes no person; a known place in a heading is still named, a person in the text too.
    texts = [
        ("Weekly notes", "## Approved Changes\n\nThree changes were merged.\n\n## Ukraine\n\nMarta Quillfeather said the grid held."),
    ]
    found = {name: kind for name, kind, _, _ in extract_actors(texts).actors}
    assert "Approved Changes" not in found
    assert found.get("Ukraine") == "place" and found.get("Marta Quillfeather") == "person"


def test_a_word_heading_many_names_and_standing_alone_more_is_a_things_name() -> None:
    # A language's newsletter: "Rust Berlin", "Rust Jobs", "Rust Study", "Rust Hack" and
    # "Indy Rust" are no people; "Rust" stands alone far more. A family name written first
    # ("Kim Jong Un", "Kim Yo Jong", "Kim said") heads its names only, and stays a person's.
    texts = [
        (f"Issue {n}", f"Rust {club} meets on Friday. Rust is fast. Rust is safe. Dana Whitfield wrote the notes.")
        for n, club in enumerate(["Berlin", "Jobs", "Study", "Hack", "Meetup"])
    ] + [("Events", "Indy Rust meets too. Rust is fun.")]
    texts += [
        ("Pyongyang", "Kim Jong Un met Kim Yo Jong and Kim Jong Chol. Kim said so. Kim smiled. Kim left."),
        ("Pyongyang again", "Kim Tok Hun and Kim Jae Ryong spoke. Kim agreed. Kim waved. Kim sat."),
    ]
    people = {name for name, kind, _, _ in extract_actors(texts).actors if kind == "person"}
    assert "Dana Whitfield" in people and not {"Rust Berlin", "Rust Jobs", "Indy Rust"} & people
    assert {"Kim Jong Un", "Kim Yo Jong"} <= people


def test_a_middle_initial_is_part_of_the_name_and_job_titles_are_nobody() -> None:
    texts = [
        ("Licences", "Written by Bradley M. Kuhn. Kuhn said the licence held. Actually I've read it twice."),
        ("Jobs", "The Full Stack Developer and the App Manager met Grace T. Oyelaran, who said yes."),
        ("Prizes", "The Heisman Trophy and the Green Bank Award went to K. P., who was not there."),
    ]
    people = {name: aliases for name, kind, aliases, _ in extract_actors(texts).actors if kind == "person"}
    assert "Bradley M. Kuhn" in people and "Kuhn" in people["Bradley M. Kuhn"] and "Grace T. Oyelaran" in people
    assert not {"Bradley M", "Actually I've", "Full Stack Developer", "App Manager", "Heisman Trophy", "Green Bank Award"} & set(people)


def test_a_name_alone_in_quotation_marks_is_a_works_title() -> None:
    texts = [("Weekend", 'They saw “Ghost Story” and "Distant Star" with Dana Whitfield, who said the second was better.')]
    people = {name for name, kind, _, _ in extract_actors(texts).actors if kind == "person"}
    assert people == {"Dana Whitfield"}


def test_a_run_of_common_words_with_nothing_saying_someone_is_nobody() -> None:
    # "Final Comment Period" and "Star Wars": words the briefing also writes in lower case, and
    # no mention titles them, gives them a speech verb or writes their last word alone. "Mark
    # Brown" is written in common words too, but "Brown" stands alone: he stays.
    texts = [
        ("Weekly", "No change entered Final Comment Period this week. The final period for comment ends soon."),
        ("Films", "Fans queued for Star Wars. A star of the wars film came. Mark Brown was first in line."),
        ("Films again", "Later Brown bought a brown hat to mark the day, and Dana Whitfield said hello."),
    ]
    people = {name for name, kind, _, _ in extract_actors(texts).actors if kind == "person"}
    assert {"Mark Brown", "Dana Whitfield"} <= people
    assert not {"Final Comment Period", "Star Wars"} & people


def test_a_double_surname_alone_and_a_name_with_a_word_run_into_it_are_one_person() -> None:
    texts = [
        ("Heat 4", "In heat four Tomasz Garcia Lindholm won. Garcia Lindholm led from the tape."),
        ("Heat 5", "Garcia Lindholm fell back, and Garcia Lindholm said the track was wet."),
        ("Council", "Councillor Ines Okoro spoke first. Okoro said the budget was late, and Ines Okoro left."),
        ("Profile", "Portrait Ines Okoro, published on Monday, was short."),
    ]
    people = {name: set(aliases) for name, kind, aliases, _ in extract_actors(texts).actors if kind == "person"}
    # Named "Garcia Lindholm" more often than in full: one person, by that name.
    assert "Garcia Lindholm" in people and "Tomasz Garcia Lindholm" in people["Garcia Lindholm"]
    # "Portrait" run into her name once: she is still one person, by her own name.
    assert "Ines Okoro" in people and "Portrait Ines Okoro" in people["Ines Okoro"]
    assert len(people) == 2


def test_polish_sentences_open_with_words_that_are_no_names_first_words() -> None:
    texts = [
        ("Mecz", "W Gdańsku zaczął padać deszcz."),  # short: told Polish by its letters
        ("Relacja", "Ostatecznie Lechia Gdańsk pokonała rywala 2:1, a trener Marek Wiśniewski był zadowolony. "
         "Dla Lechii to już trzecie zwycięstwo z rzędu, a w Gdańsku kibice świętowali do późna."),
        ("Wynik", "Czy Lechia Gdańsk zagra w finale? Tak, jeśli wygra w sobotę."),
    ]  # fmt: skip
    names = {name for name, _, _, _ in extract_actors(texts).actors}
    assert "Marek Wiśniewski" in names
    assert not {n for n in names if n.split()[0] in {"W", "Ostatecznie", "Dla", "Czy", "Tak"}}, names


def test_a_compound_adjective_opening_a_name_is_no_part_of_it() -> None:
    texts = [("Homes", "The NYC-based Harbour Labs sells HomeKit-enabled Lumen bulbs. End-to-end Encrypted Chat "
              "is its app. Dana Whitfield, its founder, said sales doubled.")]  # fmt: skip
    people = {name for name, kind, _, _ in extract_actors(texts).actors if kind == "person"}
    assert "Dana Whitfield" in people
    assert not {name for name in people if "-" in name}, people


def test_a_city_after_the_heads_a_teams_or_papers_name_and_a_city_before_a_title_does_not() -> None:
    result = extract_actors(
        [
            ("Late rally", "The visitors beat the Cincinnati Reds 4-3 on Sunday, the Kyiv Independent's sports page noted. "
             "Pittsburgh Mayor Ed Gainey said the new stadium would open in May."),
            ("Ferry strike", "Workers struck in Milwaukee on Monday. The Salt Lake City council met."),
        ]
    )  # fmt: skip
    kinds = {name: kind for name, kind, _, _ in result.actors}
    assert kinds["Cincinnati Reds"] == "organisation" and kinds["Kyiv Independent"] == "organisation"
    assert kinds["Ed Gainey"] == "person" and "Pittsburgh Mayor Ed Gainey" not in kinds
    assert kinds["Pittsburgh"] == kinds["Milwaukee"] == kinds["Salt Lake City"] == "place"
    assert "Salt Lake City council" not in kinds
