"""The user's corrections to actors: rename (and merge by renaming), split an alias off, hide."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from brief.parsers import load
from brief.parsers.actor_edits import ActorEdits, curate, final_name, takes_back, with_hidden, with_rename, with_split
from brief.parsers.model import Actor, Briefing, Entry, Occurrence
from brief.parsers.settings import default_settings


def _entry(number: int, body: str, actors: tuple[str, ...]) -> Entry:
    return Entry(f"e{number}", f"Post {number}", body, None, None, None, (Occurrence("f.txt", number),), actors=actors)


def _briefing() -> Briefing:
    entries = (
        _entry(0, "Mayor Ana Ruiz opened the bridge. Ruiz said it was late.", ("Ana Ruiz", "Port Vell")),
        _entry(1, "Ruiz, the harbour pilot, guided the ferry in.", ("Ana Ruiz",)),
        _entry(2, "The mayor's office in Port Vell said nothing.", ("Port Vell",)),
        _entry(3, "A. Ruiz and the Harbour Board met at noon.", ("A. Ruiz", "Harbour Board")),
    )
    actors = (
        Actor("Ana Ruiz", "person", ("Ruiz",), ("e0", "e1")),
        Actor("Port Vell", "place", (), ("e0", "e2")),
        Actor("A. Ruiz", "person", (), ("e3",)),
        Actor("Harbour Board", "organisation", (), ("e3",)),
    )
    return Briefing((), entries, actors)


def _actor(briefing: Briefing, name: str) -> Actor:
    return next(a for a in briefing.actors if a.name == name)


def test_merge_by_renaming_into_another_actor_keeps_its_name_and_every_alias() -> None:
    curated = curate(_briefing(), ActorEdits(rename=(("A. Ruiz", "Ana Ruiz"),)))
    ruiz = _actor(curated, "Ana Ruiz")
    assert ruiz.entry_ids == ("e0", "e1", "e3")
    assert set(ruiz.aliases) == {"Ruiz", "A. Ruiz"}
    assert "A. Ruiz" not in {a.name for a in curated.actors}
    assert curated.by_id["e3"].actors == ("Ana Ruiz", "Harbour Board")
    assert curated.actors[0].name == "Ana Ruiz"  # most entries first, as found


def test_merge_keeping_the_other_name() -> None:
    curated = curate(_briefing(), ActorEdits(rename=(("Ana Ruiz", "A. Ruiz"),)))
    kept = _actor(curated, "A. Ruiz")
    assert kept.entry_ids == ("e0", "e1", "e3") and set(kept.aliases) == {"Ana Ruiz", "Ruiz"}
    assert kept.kind == "person"
    assert curated.by_id["e0"].actors == ("A. Ruiz", "Port Vell")


def test_rename_to_a_new_name_keeps_the_old_one_as_an_alias() -> None:
    curated = curate(_briefing(), ActorEdits(rename=(("Port Vell", "Portvell"),)))
    place = _actor(curated, "Portvell")
    assert place.kind == "place" and place.aliases == ("Port Vell",) and place.entry_ids == ("e0", "e2")
    assert curated.by_id["e2"].actors == ("Portvell",)


def test_rename_chains_end_where_they_end_and_loops_stop() -> None:
    assert final_name({"a": "b", "b": "c"}, "a") == "c"
    assert final_name({"a": "b", "b": "a"}, "a") == final_name({"a": "b", "b": "a"}, "b") == "a"
    assert final_name({"A. Ruiz": "ana ruiz"}, "a. ruiz") == "ana ruiz"


def test_rename_to_another_actors_name_in_another_case_joins_it_as_spelt() -> None:
    curated = curate(_briefing(), ActorEdits(rename=(("A. Ruiz", "ana ruiz"),)))
    assert "Ana Ruiz" in {a.name for a in curated.actors} and "ana ruiz" not in {a.name for a in curated.actors}


def test_split_takes_an_alias_off_with_the_entries_that_write_it_alone() -> None:
    curated = curate(_briefing(), ActorEdits(split=(("Ana Ruiz", "Ruiz"),)))
    ana, lone = _actor(curated, "Ana Ruiz"), _actor(curated, "Ruiz")
    # e0 writes "Ana Ruiz" and a lone "Ruiz": both; e1 only "Ruiz": the new actor's alone.
    assert ana.entry_ids == ("e0",) and ana.aliases == ()
    assert lone.entry_ids == ("e0", "e1") and lone.kind == "person"
    assert curated.by_id["e1"].actors == ("Ruiz",)
    assert curated.by_id["e0"].actors == ("Ana Ruiz", "Ruiz", "Port Vell")


def test_split_of_an_alias_inside_the_full_name_only_moves_nothing() -> None:
    briefing = Briefing(
        (),
        (_entry(0, "Ana Ruiz spoke.", ("Ana Ruiz",)),),
        (Actor("Ana Ruiz", "person", ("Ruiz",), ("e0",)),),
    )
    assert curate(briefing, ActorEdits(split=(("Ana Ruiz", "Ruiz"),))).actors == briefing.actors


def test_hide_drops_the_actor_everywhere() -> None:
    curated = curate(_briefing(), ActorEdits(hidden=("harbour board",)))
    assert "Harbour Board" not in {a.name for a in curated.actors}
    assert curated.by_id["e3"].actors == ("A. Ruiz",)


def test_no_edits_is_the_same_briefing() -> None:
    briefing = _briefing()
    assert curate(briefing, ActorEdits()) is briefing
    assert curate(briefing, ActorEdits(rename=(("Nobody", "Someone"),), split=(("Nobody", "Ruiz"),))) is briefing


EDITS = st.builds(
    ActorEdits,
    rename=st.lists(st.tuples(st.sampled_from(["Ana Ruiz", "A. Ruiz", "Port Vell", "X"]),
                              st.sampled_from(["Ana Ruiz", "A. Ruiz", "Harbour Board", "Y"])), max_size=3).map(tuple),
    split=st.lists(st.tuples(st.sampled_from(["Ana Ruiz", "A. Ruiz", "Y"]),
                             st.sampled_from(["Ruiz", "A. Ruiz", "Port Vell"])), max_size=2).map(tuple),
    hidden=st.lists(st.sampled_from(["Port Vell", "Y", "Ruiz"]), max_size=2).map(tuple),
)  # fmt: skip


@given(EDITS)
def test_applying_the_same_edits_again_changes_nothing(edits: ActorEdits) -> None:
    """What lets the reader apply every edit again after adding one."""
    once = curate(_briefing(), edits)
    twice = curate(once, edits)
    assert twice.actors == once.actors
    assert [e.actors for e in twice.entries] == [e.actors for e in once.entries]
    listed = {a.name for a in once.actors}
    for entry in once.entries:
        assert set(entry.actors) <= listed  # no entry names an actor the sidebar lacks
    for actor in once.actors:
        assert all(actor.name in once.by_id[i].actors for i in actor.entry_ids)


def test_load_applies_the_edits_and_caches_what_was_found(tmp_path: Path) -> None:
    source = tmp_path / "desk.txt"
    source.write_text(
        "Harbour desk\n\n10:00\nHarbour works\nMayor Ana Ruiz opened the new quay in Port Vell on Monday.\n\n"
        "11:00\nFerry delays\nThe ferry operator Tidewater Lines said crossings would resume. Ruiz said "
        "the delays were regrettable.\n",
        encoding="utf-8",
    )
    plain = load([str(source)])
    assert "Ana Ruiz" in {a.name for a in plain.actors}
    from dataclasses import replace

    settings = replace(default_settings(), actor_edits=ActorEdits(rename=(("Ana Ruiz", "Mayor Ruiz"),)))
    assert settings.fingerprint() == default_settings().fingerprint()  # the cache is keyed without them
    edited = load([str(source)], settings)
    names = {a.name for a in edited.actors}
    assert "Mayor Ruiz" in names and "Ana Ruiz" not in names


def test_edits_made_by_the_keys() -> None:
    edits = with_rename(ActorEdits(), "A. Ruiz", "Ana Ruiz")
    assert edits.rename == (("A. Ruiz", "Ana Ruiz"),)
    # Renaming back undoes, rather than adding a loop.
    assert with_rename(with_rename(ActorEdits(), "Port Vell", "Portvell"), "Portvell", "Port Vell").rename == ()
    # Taking a merged-in name off again takes the merge back; any other alias is split.
    assert with_split(edits, "A. Ruiz", "Ana Ruiz") == ActorEdits()
    assert takes_back(edits, ActorEdits())
    assert with_split(edits, "Ruiz", "Ana Ruiz").split == (("Ana Ruiz", "Ruiz"),)
    assert not takes_back(edits, with_split(edits, "Ruiz", "Ana Ruiz"))
    assert with_hidden(with_hidden(ActorEdits(), "Live"), "live").hidden == ("Live",)


def test_the_merge_picker_ranks_whole_words_first_and_letters_in_order_last() -> None:
    from brief.tui.name_picker import rank

    names = ["Harbour Board", "Omar Haddad", "Hadley Port", "Port Vell", "Ana Ruiz"]
    assert rank("", names) == [0, 1, 2, 3, 4]
    assert rank("had", names) == [1, 2, 0]  # at a word's start first; h-a-d in "Harbour Board" last
    assert rank("port", names) == [2, 3]
    assert rank("hb", names) == [0]
    assert rank("ÁNA", names) == [4]  # case and accents aside
    assert rank("zzz", names) == []


def test_split_is_of_one_actor_and_a_lone_name_is_not_the_one_inside_another_name() -> None:
    entries = (
        _entry(0, "Pavel Ortega met Piotr Ortega. Ortega said little.", ("Pavel Ortega", "Piotr Ortega")),
        _entry(1, "Pavel Ortega spoke; Piotr Ortega listened.", ("Pavel Ortega", "Piotr Ortega")),
        _entry(2, "Ortega arrived late.", ("Piotr Ortega",)),
    )
    actors = (
        Actor("Pavel Ortega", "person", ("Ortega",), ("e0", "e1")),
        Actor("Piotr Ortega", "person", ("Ortega",), ("e0", "e1", "e2")),
    )
    curated = curate(Briefing((), entries, actors), ActorEdits(split=(("Pavel Ortega", "Ortega"),)))
    lone = _actor(curated, "Ortega")
    assert lone.entry_ids == ("e0",)  # e1 names both in full: no lone "Ortega" there
    assert _actor(curated, "Piotr Ortega").aliases == ("Ortega",)  # the other Ortega keeps his
    assert _actor(curated, "Pavel Ortega").entry_ids == ("e0", "e1")


def test_split_names_the_actor_as_shown_even_when_renamed_into_it() -> None:
    edits = ActorEdits(rename=(("Ana Ruiz", "Mayor Ruiz"),), split=(("Mayor Ruiz", "Ruiz"),))
    curated = curate(_briefing(), edits)
    assert _actor(curated, "Mayor Ruiz").aliases == ("Ana Ruiz",)
    assert _actor(curated, "Ruiz").entry_ids == ("e0", "e1")


def test_the_corrections_are_read_from_config_and_bad_ones_reported(tmp_path: Path) -> None:
    from brief.tui.settings import load_settings

    config = tmp_path / "config.yaml"
    config.write_text(
        "actors:\n  rename:\n    Zoe: Zoë Kranz\n  split:\n    Pavel Ortega: [Ortega, P. O.]\n    Ana Ruiz: Ruiz\n"
        "    Bad One: 3\n  hidden: [Live]\n",
        encoding="utf-8",
    )
    settings = load_settings(str(config))
    edits = settings.parse.actor_edits
    assert edits.rename == (("Zoe", "Zoë Kranz"),) and edits.hidden == ("Live",)
    assert edits.split == (("Pavel Ortega", "Ortega"), ("Pavel Ortega", "P. O."), ("Ana Ruiz", "Ruiz"))
    assert any("actors.split.Bad One" in p and ":7:" in p for p in settings.problems), settings.problems
