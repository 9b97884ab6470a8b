"""Pass 2: the mentions of a whole briefing resolved into actors, aliases merged."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer, bundled_gazetteer
from ..words import (
    ORGANISATION_ENDINGS,
    ORGANISATION_WORDS,
    PLACE_HEADS,
    PLACE_WORDS,
    STOPWORDS,
    THING_ENDINGS,
    names_a_control,
)
from .scan import (
    ScanResult,
    _Mention,
)
from .tokens import (
    _PARTICLES,
    _WEATHER_SYSTEMS,
)


@dataclass
class _Person:
    full: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    entries: set[int] = field(default_factory=set)


def _join_double_surnames(
    first_last: dict[tuple[str, str], str], people: dict[str, _Person], surname_of: dict[str, set[str]]
) -> None:
    """A two-word name that is the last two words of one longer name is one person: a double
    surname written alone ("Jepsen Jensen" of "Michael Jepsen Jensen", "Guzmán Loera"), or a
    name with a word run into its front ("Präsidenten Andry Rajoelina", "Biografie von André
    Heller"). The two are one actor, named as the briefing names them more often (on a tie, by
    the shorter name: the run-in word is the likelier mistake)."""
    longer: dict[tuple[str, str], set[str]] = defaultdict(set)
    for canonical in set(first_last.values()):
        words = canonical.split()
        if len(words) >= 3:
            longer[(words[-2], words[-1])].add(canonical)
    if not longer:
        return
    for key, short in list(first_last.items()):
        owners = longer.get(key)
        if owners is None or len(owners) != 1 or len(short.split()) != 2 or short not in people:
            continue
        (long,) = owners
        if long not in people:
            continue
        long_words = long.split()
        long_key = (long_words[0], long_words[-1])
        said_long, said_short = (people[name].full.total() for name in (long, short))
        winner, loser = (long, short) if said_long > said_short else (short, long)
        first_last[key] = first_last[long_key] = winner
        people[winner].full.update(people.pop(loser).full)
        surname_of[key[1]].discard(loser)


@dataclass(frozen=True)
class ActorSettings:
    """The user's additions from config.yaml's ``actors``."""

    aliases: Mapping[str, str] = field(default_factory=dict)
    kinds: Mapping[str, str] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ActorResult:
    """Actors found, and each entry's actors in order of first mention."""

    actors: tuple[tuple[str, str, tuple[str, ...], tuple[int, ...]], ...]
    """(name, kind, aliases, entry indexes), most-mentioned first."""
    per_entry: tuple[tuple[str, ...], ...]


AUTHOR_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bwith\b|;|/)\s*")
"""What separates the names of a joint byline ("Jane Roe and John Doe", "A, B & C")."""


def byline_names(author: str) -> set[str]:
    """The names of a byline, casefolded: "Jane Roe and John Doe" → {"jane roe", "john doe"}."""
    return {part.strip().casefold() for part in AUTHOR_SPLIT.split(author) if part.strip()}


def without_bylines(found: ActorResult, authors: Sequence[str | None]) -> ActorResult:
    """Each entry's own byline taken off its actors: a reporter signing a post ("it's Jane Roe
    here") is not a newsmaker of it. Named in another entry, the person stays that entry's
    actor; named only in their own posts, they are no actor at all."""
    names_by_entry: dict[int, set[str]] = {}
    for index, author in enumerate(authors):
        if author:
            names_by_entry[index] = byline_names(author)
    if not names_by_entry:
        return found
    signed: dict[str, set[str]] = {}  # canonical name -> its name and aliases, casefolded
    for name, _, aliases, _ in found.actors:
        signed[name] = {name.casefold(), *(a.casefold() for a in aliases)}
    dropped: dict[str, set[int]] = defaultdict(set)
    per_entry = list(found.per_entry)
    for index, parts in names_by_entry.items():
        if index >= len(per_entry) or not per_entry[index]:
            continue
        mine = [name for name in per_entry[index] if signed.get(name, {name.casefold()}) & parts]
        if mine:
            per_entry[index] = tuple(name for name in per_entry[index] if name not in mine)
            for name in mine:
                dropped[name].add(index)
    if not dropped:
        return found
    actors = []
    for name, kind, aliases, ids in found.actors:
        gone = dropped.get(name)
        kept = tuple(i for i in ids if i not in gone) if gone else ids
        if kept:
            actors.append((name, kind, aliases, kept))
    return ActorResult(tuple(actors), tuple(per_entry))


class _Record:
    """Every name found, by entry: (order, canonical), with kinds and aliases. The only record
    kept of them, as the briefing's biggest structure (a million at 100 000 entries)."""

    def __init__(self, settings: ActorSettings) -> None:
        self.settings = settings
        self.aliases = dict(settings.aliases)
        self.ignore = {name.casefold() for name in settings.ignore}
        self.by_entry: dict[int, list[tuple[int, str]]] = defaultdict(list)
        self.kinds: dict[str, str] = {}
        self.alias_sets: dict[str, set[str]] = defaultdict(set)

    def add(self, canonical: str, kind: str, surface: str, entry: int, order: int) -> None:
        # A million calls at 100 000 entries: each look-up only where there is something to find.
        if self.aliases:
            canonical = self.aliases.get(canonical, canonical)
        if self.ignore and (canonical.casefold() in self.ignore or surface.casefold() in self.ignore):
            return
        if canonical not in self.kinds:
            self.kinds[canonical] = self.settings.kinds.get(canonical, kind)
        if surface != canonical:
            self.alias_sets[canonical].add(surface)
        self.by_entry[entry].append((order, canonical))

    def result(self, entries: int) -> ActorResult:
        """Each entry's actors in order of first mention; actors most-named first."""
        by_entry, kinds, alias_sets = self.by_entry, self.kinds, self.alias_sets
        per_entry: list[list[str]] = [[] for _ in range(entries)]
        actor_entries: dict[str, set[int]] = defaultdict(set)
        mentions_count: Counter[str] = Counter()
        for entry, found in by_entry.items():
            names = per_entry[entry]
            for _order, canonical in sorted(found, key=lambda hit: hit[0]):
                if canonical not in names:
                    names.append(canonical)
                    actor_entries[canonical].add(entry)
                mentions_count[canonical] += 1
        actors = tuple(
            (name, kinds[name], tuple(sorted(alias_sets[name])), tuple(sorted(actor_entries[name])))
            for name in sorted(actor_entries, key=lambda n: (-len(actor_entries[n]), -mentions_count[n], n))
        )
        return ActorResult(actors, tuple(tuple(names) for names in per_entry))



_THING_NAMES = 4
_THING_ALONE = 2
"""A first word heading this many different people's names, and written alone this many
times as often as there are such names, is a thing's name (see ``_learn_name_evidence``)."""


_PLACE_HEADED = "place-headed"
"""What a name's words say when a known place heads it ("Cincinnati Reds", "Europe Live"): no
one's name; an organisation's where a mention says so (see ``_Resolver._kind_of``)."""


class _Resolver:
    """Pass 2: decides what each mention names, across the whole briefing."""

    def __init__(self, gazetteer: Gazetteer, settings: ActorSettings, scan: ScanResult) -> None:
        self.gazetteer = gazetteer
        self.settings = settings
        self.mentions = scan.mentions
        self.known = scan.known
        self.role_phrases = scan.role_phrases
        self.lower_vocab = scan.lower_vocab
        self.cap_inside = scan.cap_inside
        self.declared = scan.declared
        self.initial_known = scan.initial_known
        self._affiliations: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
        self._prefixes: defaultdict[str, set[str]] = defaultdict(set)
        self._named_in: dict[tuple[int, str], str] = {}
        self._cued: dict[str, str] = {}
        self._word_kinds: dict[tuple[str, ...], str | None] = {}
        self._mention_counts: dict[str, int] = {}
        self._lower_stems: set[str] | None = None
        self._organisation_heads: set[str] = set()
        """First words of the briefing's multi-word organisation names (see ``_gather_people``)."""
        self._thing_heads: frozenset[str] = frozenset()
        """First words that head many names and stand alone more often still (see ``_learn_name_evidence``)."""
        self._surnames: frozenset[str] = frozenset()
        """Words written alone inside a sentence somewhere, as a surname's later mentions are."""
        self._cued_people: frozenset[str] = frozenset()
        """Names some mention gives a title, a role, a speech verb or an affiliation."""
        self._plain: dict[str, bool] = {}

    def resolve(self, entries: int) -> ActorResult:
        """The passes, in order: each reads what the ones before it learnt."""
        record = _Record(self.settings)
        self._expand_declared_acronyms(record)
        self._learn_cued_kinds()
        self._learn_name_evidence()
        people, surname_of, first_last = self._gather_people()
        last_seen: dict[tuple[int, str], int] = {}
        self._attribute_mentions(record, people, surname_of, first_last, last_seen)
        self._attribute_known_names(record, people, surname_of, last_seen)
        self._attribute_role_phrases(record)
        return record.result(entries)

    def _expand_declared_acronyms(self, record: _Record) -> None:
        """Declared acronyms name organisations; capitals never spelt out name nothing."""
        for mention in self.mentions:
            if mention.surface in self.declared:
                long_form = self.declared[mention.surface]
                expanded = self.gazetteer.lookup(long_form)
                record.add(
                    expanded.name if expanded else long_form,
                    expanded.kind if expanded else "organisation",
                    mention.surface,
                    mention.entry,
                    mention.order,
                )
                mention.surface = ""
            elif mention.acronym:
                mention.surface = ""  # capitals never spelt out: a shouted word, not a name

    def _learn_cued_kinds(self) -> None:
        """What any mention of a name says of its kind holds for all of them."""
        # What any mention of a name says of its kind holds for all of them: "Northern Grid says
        # it …" once makes every "Northern Grid" an organisation, "a school in San Telmo" every
        # "San Telmo" a place — unless one is a person by a title ("Mayor …").
        # The strongest cue wins: "at X" or "the X" may be a place too, "in X" is rarely an
        # organisation, "the operator X" or "an X spokeswoman" never a place.
        cued: dict[str, tuple[int, str]] = {}
        titled: set[str] = set()
        for m in self.mentions:
            if len(m.words) < 2:
                continue
            if m.role_before:
                titled.add(m.surface)
            if m.org_cue:
                cue = (3, "organisation")
            elif m.after_in and not m.possessive:
                cue = (2, "place")
            elif m.after_at:
                cue = (1, "organisation")
            else:
                continue
            if cue > cued.get(m.surface, (0, "")):
                cued[m.surface] = cue
        self._cued = {surface: kind for surface, (_, kind) in cued.items() if surface not in titled}

    def _learn_name_evidence(self) -> None:
        """What the briefing as a whole says of its would-be people, read in one pass:
        the surnames written alone in a sentence, the names some mention cues as someone's,
        and the first words that are a thing's name, not a given name. Such a word heads many
        different "people" ("Rust Berlin", "Rust Meetup", "Rust Jobs", … in a language's
        newsletter) and stands alone more often than all of them together ("Rust"); a given
        name heads a few names at most and is seldom written alone (people are called by
        their surnames)."""
        names: defaultdict[str, set[str]] = defaultdict(set)
        inside: set[str] = set()  # words that stand later in some such name ("Indy Rust")
        alone: Counter[str] = Counter()
        surnames: set[str] = set()  # written alone inside a sentence, as a surname is
        cued: set[str] = set()  # said, titled or placed somewhere, as a person is
        for mention in self.mentions:
            if mention.role_before or mention.speech_after or mention.affiliation or mention.place_before is not None:
                cued.add(mention.surface)
            if len(mention.words) == 1:
                alone[mention.words[0]] += 1
                if not mention.initial and not mention.known_only:
                    surnames.add(mention.words[0])
            elif mention.surface and self._kind_of_multiword(mention.words) == "person":
                names[mention.words[0]].add(mention.surface)
                inside.update(mention.words[1:])
        # Written later in a name too: a family name written first ("Kim Jong Un", "Kim Yo
        # Jong", and "Kim" alone) heads its names only.
        self._surnames, self._cued_people = frozenset(surnames), frozenset(cued)
        self._thing_heads = frozenset(
            head
            for head, surfaces in names.items()
            if len(surfaces) >= _THING_NAMES and alone[head] >= _THING_ALONE * len(surfaces) and head in inside
        )

    def _gather_people(self) -> tuple[dict[str, _Person], dict[str, set[str]], dict[tuple[str, str], str]]:
        """Multi-word people first: they define the surnames (and who owns a shared one in each entry)."""
        aliases = self.settings.aliases
        # Multi-word people first: they define the surnames.
        people: dict[str, _Person] = {}
        surname_of: dict[str, set[str]] = defaultdict(set)
        first_last: dict[tuple[str, str], str] = {}
        heads = self._organisation_heads
        for mention in self.mentions:
            if len(mention.words) > 1 and self._kind_of_multiword(mention.words) == "organisation":
                # "Roscosmos said …" beside "Roscosmos Space Agency": the first word of an
                # organisation's name, alone, is its short name, not someone's.
                heads.add(mention.words[0])
            if not mention.surface or mention.surface in aliases or mention.declared:
                continue
            kind = self._kind_of(mention)
            if kind == "person":
                key = (mention.words[0], mention.words[-1])
                canonical = first_last.setdefault(key, mention.surface)
                person = people.setdefault(canonical, _Person())
                person.full[mention.surface] += 1
                surname_of[mention.words[-1]].add(canonical)
        _join_double_surnames(first_last, people, surname_of)
        # Where a surname is shared ("Mike Johnson", "Boris Johnson"), who each entry names in
        # full: a headline's lone "Johnson" is the Johnson its own text names, even further down.
        shared = {surname for surname, owners in surname_of.items() if len(owners) > 1}
        self._named_in = {}
        if shared:
            for mention in self.mentions:
                if len(mention.words) > 1 and mention.words[-1] in shared:
                    full = first_last.get((mention.words[0], mention.words[-1]))
                    if full is not None:
                        self._named_in.setdefault((mention.entry, mention.words[-1]), full)
        self._prefixes = defaultdict(set)
        for surname in surname_of:
            if len(surname) >= 6:
                self._prefixes[surname[:6]].add(surname)

        return people, surname_of, first_last

    def _attribute_mentions(self, record: _Record, people: dict[str, _Person], surname_of: dict[str, set[str]], first_last: dict[tuple[str, str], str], last_seen: dict[tuple[int, str], int]) -> None:
        """Each mention, in entry order, to the actor it names (aliases, gazetteer, people, cues)."""
        aliases = record.aliases
        organisation_heads = self._organisation_heads
        for mention in self.mentions:  # in entry order, and in order within each entry
            surface = mention.surface
            if not surface:
                continue
            if surface in aliases:
                target = aliases[surface]
                target_known = self.gazetteer.lookup(target)
                target_kind = target_known.kind if target_known else self.settings.kinds.get(target, "person")
                record.add(target, target_kind, surface, mention.entry, mention.order)
                continue
            known = self.gazetteer.lookup(surface)
            named_here = len(mention.words) == 1 and (mention.entry, surface) in last_seen
            if known is not None and not named_here:
                record.add(known.name, known.kind, surface, mention.entry, mention.order)
                continue
            if surface in self.settings.kinds:
                record.add(surface, self.settings.kinds[surface], surface, mention.entry, mention.order)
                continue
            if mention.declared:
                record.add(surface, "organisation", surface, mention.entry, mention.order)
                continue
            if len(mention.words) > 1:
                kind = self._kind_of(mention)
                if kind == "person":
                    canonical = first_last[(mention.words[0], mention.words[-1])]
                    record.add(canonical, "person", surface, mention.entry, mention.order)
                    last_seen[(mention.entry, mention.words[-1])] = mention.order
                    if mention.affiliation:
                        self._affiliations[mention.affiliation].append(canonical)
                elif kind is not None:
                    record.add(surface, kind, surface, mention.entry, mention.order)
                continue
            owner = self._surname_owner(surface, surname_of, people, mention, record.by_entry)
            if owner is not None:
                record.add(owner, "person", surface, mention.entry, mention.order)
                if mention.affiliation:
                    self._affiliations[mention.affiliation].append(owner)
                continue
            if mention.known_only or (mention.initial and surface not in self.cap_inside):
                continue
            if surface.lower() in self.lower_vocab or surface.lower() in STOPWORDS:
                continue
            if mention.org_cue:
                record.add(surface, "organisation", surface, mention.entry, mention.order)
                continue
            if mention.after_in and not (mention.role_before or mention.affiliation):
                continue  # "producers in Hamilton welcomed …": a place we do not know, not a person
            if mention.role_before or mention.speech_after or mention.place_before is not None or mention.affiliation:
                if (
                    mention.speech_after
                    and surface in organisation_heads
                    and surface not in ORGANISATION_WORDS
                    and not (mention.role_before or mention.affiliation or mention.place_before)
                ):
                    record.add(surface, "organisation", surface, mention.entry, mention.order)
                    continue
                record.add(surface, "person", surface, mention.entry, mention.order)
                if mention.affiliation:
                    self._affiliations[mention.affiliation].append(surface)

    def _attribute_known_names(self, record: _Record, people: dict[str, _Person], surname_of: dict[str, set[str]], last_seen: dict[tuple[int, str], int]) -> None:
        """Names the gazetteer knows, found inside other words or runs ("Commission chair")."""
        self.mentions.clear()  # read for the last time: the scan is consumed to keep the peak down
        for place, phrase, entry, order in self.known:
            if (entry, order) in self.initial_known and phrase.lower() in self.lower_vocab:
                continue  # "Commission chair …" where the briefing also says "the electoral commission"
            if (entry, phrase) in last_seen and phrase in surname_of:
                # "Jordan told pupils…" after "Michael Jordan" in the same entry: the person.
                lone = _Mention(phrase, (phrase,), entry, order, False)
                owner = self._surname_owner(phrase, surname_of, people, lone, record.by_entry)
                if owner is not None:
                    record.add(owner, "person", phrase, entry, order)
                    continue
            record.add(place.name, place.kind, phrase, entry, order)

    def _attribute_role_phrases(self, record: _Record) -> None:
        """"the Russian president" to whoever was introduced as one."""
        self.known.clear()
        for key, entry, order in self.role_phrases:
            owners = Counter(self._affiliations.get(key, []))
            if owners:
                owner = owners.most_common(1)[0][0]
                place_phrase = key[0]
                record.add(owner, "person", f"the {self._demonym(place_phrase)} {key[1]}", entry, order)

    def _demonym(self, place: str) -> str:
        for demonym, known in self.gazetteer.demonyms.items():
            if known.name == place:
                return demonym
        return place

    def _adjective(self, word: str) -> bool:
        """Whether a capitalised German word is written in lowercase elsewhere in the
        briefing, in any of its endings ("Weitere" beside "weiteren", "Drei" beside "drei"):
        an adjective or a numeral, which a name's parts never are."""
        if self._lower_stems is None:
            self._lower_stems = {_german_stem(w) for w in self.lower_vocab}
        return _german_stem(word.lower()) in self._lower_stems

    def _kind_of_multiword(self, words: tuple[str, ...]) -> str | None:
        """What a name's words alone say it is (remembered: a name recurs)."""
        try:
            return self._word_kinds[words]
        except KeyError:
            kind = self._word_kinds[words] = self._kind_of_words(words)
            return kind

    def _kind_of_words(self, words: tuple[str, ...]) -> str | None:
        if len(words) < 2 or words[0] in _WEATHER_SYSTEMS:
            return None  # "Storm Halvard", "Hurricane Mara": named weather, no one's name
        if all(len(w.rstrip(".")) == 1 for w in words):
            return None  # "S P": initials alone name no one
        if any(w[:2] in ("I'", "I’") for w in words):
            return None  # "Actually I've": a sentence's first words and a pronoun
        if words[-1] in THING_ENDINGS or names_a_control(words):
            return None  # "View Author Page", "Edit Text": a control's label
        if any(w in ORGANISATION_WORDS for w in words) or words[-1] in ORGANISATION_ENDINGS:
            return "organisation"
        if words[-1] in PLACE_WORDS or words[0] in PLACE_HEADS:
            return "place"  # "Barents Sea", "Lake Ladoga"
        # "Europe Live", "Kyiv Post": a place heading a name is a title, not a person;
        # "Michael Jordan": a place-like surname at the end is still a person.
        if any(self.gazetteer.names.get(w) is not None for w in words[:-1]):
            return _PLACE_HEADED
        if any(w.isupper() and len(w.rstrip(".")) > 1 for w in words) or len(words) > 4:
            return None
        if any(w.lower() in STOPWORDS for w in words if w.lower() not in _PARTICLES):
            return None
        return "person"  # unless what introduces it says otherwise (see ``_kind_of``)

    def _kind_of(self, mention: _Mention) -> str | None:
        """Kind of a multi-word name, with what introduced it (here or anywhere else)."""
        kind = self._kind_of_multiword(mention.words)
        if kind == _PLACE_HEADED:
            # "the Cincinnati Reds", "the Kyiv Independent" (here or in another mention): a
            # team's or a paper's name; with no "the", the place in it is what it names.
            cued = "organisation" if mention.org_cue or mention.after_at else self._cued.get(mention.surface)
            return "organisation" if cued == "organisation" else None
        if kind == "person" and self._plain_words(mention):
            return None  # "Final Comment Period", "Star Wars": common words, and nothing says someone
        if kind == "person" and mention.quoted and not mention.role_before:
            return None  # "“Ghost Story”": a film's, a book's, a show's title
        if kind == "person" and self._thing_heads.intersection(mention.words) and not mention.role_before:
            return None  # "Rust Berlin", "Indy Rust": names of a thing the briefing is about
        plain_phrase = mention.noun_case and not (mention.role_before or mention.affiliation)
        if kind == "person" and plain_phrase and self._adjective(mention.words[0]):
            return None  # "Drei Jahre", "Weitere Informationen": a German noun phrase
        if mention.org_cue and kind in ("person", "place"):
            return "organisation"  # "the operator Isle Link": said outright, whatever its words
        if kind != "person":
            return kind
        # "analysts at Dunmore Capital": people work *at* organisations (or places, if another
        # mention says "in Dunmore Capital").
        return self._cued.get(mention.surface, "organisation" if mention.after_at else "person")

    def _plain_words(self, mention: _Mention) -> bool:
        """Whether a would-be person's name is only words the briefing also writes in lower
        case, with nothing to say it is someone: no mention of it with a title, a role, a
        speech verb or an affiliation, and its last word never written alone in a sentence
        (remembered: a name recurs)."""
        try:
            return self._plain[mention.surface]
        except KeyError:
            plain = self._plain[mention.surface] = (
                all(word.lower() in self.lower_vocab for word in mention.words)
                and mention.words[-1] not in self._surnames
                and mention.surface not in self._cued_people
            )
            return plain

    def _surname_owner(
        self,
        surface: str,
        surname_of: Mapping[str, set[str]],
        people: Mapping[str, _Person],
        mention: _Mention,
        by_entry: Mapping[int, list[tuple[int, str]]],
    ) -> str | None:
        owners = surname_of.get(surface)
        if not owners:
            # Spelling variants of a surname: same first six letters, length within two.
            if len(surface) >= 6:
                near = {
                    owner
                    for candidate in self._prefixes.get(surface[:6], ())
                    if abs(len(candidate) - len(surface)) <= 2
                    for owner in surname_of.get(candidate, ())
                }
                owners = near or None
            if not owners:
                return None
        if len(owners) == 1:
            return next(iter(owners))
        # Two people share the surname: the one named most recently in this entry, else the one
        # this entry names in full further on, else the commonest.
        in_entry = [name for order, name in by_entry.get(mention.entry, ()) if name in owners and order < mention.order]
        if in_entry:
            return in_entry[-1]
        named = self._named_in.get((mention.entry, surface))
        if named is not None and named in owners:
            return named
        counts = self._mention_counts
        for owner in owners:
            if owner not in counts:
                counts[owner] = sum(people[owner].full.values())
        return max(sorted(owners), key=counts.__getitem__)


_GERMAN_ENDINGS = ("em", "en", "er", "es", "e")


def _german_stem(word: str) -> str:
    """A German word without its inflection ("weiteren", "weitere" → "weiter")."""
    for ending in _GERMAN_ENDINGS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def resolve_actors(
    scan: ScanResult, entries: int, settings: ActorSettings | None = None, gazetteer: Gazetteer | None = None
) -> ActorResult:
    """Pass 2 over the joined scans of all ``entries``: aliases merged across the briefing.

    The scan is consumed (its lists emptied as they are read) so the biggest structure of a
    load does not stay alive beside the one built from it.
    """
    return _Resolver(gazetteer or bundled_gazetteer(), settings or ActorSettings(), scan).resolve(entries)
