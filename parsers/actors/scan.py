"""Pass 1 of finding actors: every run of capitals in each entry, with its cues (``ScanResult``).

Runs entry by entry (and in the helper process for half of them); joined scans are exactly one
scan's, so where it ran does not change the result."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, count
from sys import intern
from typing import Any

from ..gazetteer import Gazetteer, Known, bundled_gazetteer
from ..languages import ARTICLES, ENGLISH, FUNCTION_WORDS, GERMAN_TITLE_ENDINGS, language_of
from ..words import (
    CAPITALISED_FUNCTION_WORDS,
    EXCLUDED_NAMES,
    ORGANISATION_CUES,
    ORGANISATION_WORDS,
    ROLE_WORDS,
    STOPWORDS,
    TITLE_WORDS,
)
from .tokens import (
    _GERMAN_NAME_PARTICLES,
    _JOINS,
    _OCCUPATIONS,
    _OF,
    _OF_OR_THE,
    _OPENERS,
    _PARTICLES,
    _POSSESSIVE_ENDINGS,
    _TRAILING,
    _context,
    _declared_acronyms,
    _heads_organisation,
    _initial,
    _is_cap,
    _is_title_case,
    _names_an_organisation,
    _said_it,
    _spans,
    _speaks,
    _strip_possessive,
    tokenize,
)

_LOWER_COMPOUND = re.compile(r"^[A-Z][\w.]*(?:-[a-z]+)+$")
"""A capitalised compound whose last part is lowercase: an adjective ("Just-released",
"Well-known", "NYC-based", "HomeKit-enabled"); names capitalise both parts ("Jean-Pierre",
"Al-Assad")."""


def _flag(bit: int, doc: str) -> Any:
    """A yes/no of a mention, kept as one bit of its ``flags``."""
    return property(lambda self: self.flags & bit != 0, doc=doc)


_ELECT = frozenset({"elect", "designate", "general"})
"""What a title may carry after a hyphen ("President-Elect", "Minister-designate", "Attorney-General")."""


def _is_title(word: str) -> bool:
    """A title word, alone or with one of ``_ELECT`` after a hyphen ("President-Elect")."""
    if word in TITLE_WORDS:
        return True
    head, _, tail = word.partition("-")
    return bool(tail) and head in TITLE_WORDS and tail.lower() in _ELECT


class _Mention:
    """One run of capitals in one entry, with what the words around it say of it.

    A 100k-entry briefing has about a million: their eleven yes/no cues are kept as the bits
    of one small int (``flags``), not eleven fields (72 bytes less a mention, ~60 MB at 100k),
    and read as the attributes they were.
    """

    __slots__ = ("affiliation", "entry", "flags", "order", "place_before", "surface", "words")

    surface: str
    words: tuple[str, ...]
    entry: int
    order: int
    """Position among the names of its entry (orders only ever compare within an entry)."""
    flags: int
    place_before: Known | None
    affiliation: tuple[str, str] | None
    """(place or organisation, role phrase) when introduced as "Russian president …"."""

    def __init__(
        self,
        surface: str,
        words: tuple[str, ...],
        entry: int,
        order: int,
        initial: bool,
        role_before: bool = False,
        place_before: Known | None = None,
        speech_after: bool = False,
        possessive: bool = False,
        affiliation: tuple[str, str] | None = None,
        known_only: bool = False,
        after_at: bool = False,
        after_in: bool = False,
        org_cue: bool = False,
        acronym: bool = False,
        declared: bool = False,
        noun_case: bool = False,
        quoted: bool = False,
    ) -> None:
        self.surface, self.words, self.entry, self.order = surface, words, entry, order
        self.place_before, self.affiliation = place_before, affiliation
        # The common cues in the low bits: most mentions' flags are small ints, which are shared.
        self.flags = (
            initial
            | role_before << 1
            | speech_after << 2
            | possessive << 3
            | after_at << 4
            | after_in << 5
            | org_cue << 6
            | noun_case << 7
            | known_only << 8
            | acronym << 9
            | declared << 10
            | quoted << 11
        )

    initial = _flag(1, "Opens a sentence (a one-word name there may be a common word).")
    role_before = _flag(2, "After a role word or a title.")
    speech_after = _flag(4, "Followed by a speech verb (\"said\").")
    possessive = _flag(8, "Written with a possessive ending.")
    after_at = _flag(
        16,
        """Preceded by "at" ("analysts at …") or, for several words, "the" ("the Relief Desk"):
        a place or an organisation, not a person.""",
    )
    after_in = _flag(32, """Preceded by "in" ("producers in Hamilton"): somewhere, not someone.""")
    org_cue = _flag(64, """Introduced as an organisation: "the grid operator Fingrid", "the carmaker Renault".""")
    noun_case = _flag(
        128,
        """In an entry in a language that capitalises its nouns (German): a run of capitals may
        be an adjective and a noun ("Drei Jahre", "Weitere Informationen").""",
    )
    known_only = _flag(256, "From a headline in title case: only names known from elsewhere count.")
    acronym = _flag(512, "All capitals and not in the gazetteer: a name only if the briefing spells it out.")
    declared = _flag(1024, """The spelt-out name before "(ACRONYM)": an organisation, whatever its words.""")
    quoted = _flag(2048, """Alone between quotation marks ("“Ghost Story”"): a work's title, not someone's name.""")

    def packed(self) -> tuple[Any, ...]:
        """The mention as a plain tuple (see ``unpacked``): what travels from the helper."""
        return (self.surface, self.words, self.entry, self.order, self.flags, self.place_before, self.affiliation)

    @classmethod
    def unpacked(cls, fields: tuple[Any, ...]) -> _Mention:
        mention = cls.__new__(cls)
        (mention.surface, mention.words, mention.entry, mention.order, mention.flags, mention.place_before, mention.affiliation) = fields
        return mention

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Mention) and self.packed() == other.packed()

    __hash__ = None  # type: ignore[assignment]  # compared by value, as the dataclass was

    def __repr__(self) -> str:
        return f"_Mention{self.packed()!r}"


_CLEANED_MAX = 200_000
"""Distinct runs of capitals remembered by a scan before it starts over (memory stays bounded)."""

@dataclass
class ScanResult:
    """What one pass over some entries collected, before names are resolved.

    A scan reads each entry on its own, so entries can be scanned in chunks (in another
    process, too) and the chunks joined in order give exactly what one scan would.
    """

    mentions: list[_Mention] = field(default_factory=list)
    known: list[tuple[Known, str, int, int]] = field(default_factory=list)
    """(gazetteer entry, phrase, entry index, order). Orders count from 0 in each entry: a
    small int is shared, not allocated, and nothing compares orders across entries."""
    role_phrases: list[tuple[tuple[str, str], int, int]] = field(default_factory=list)
    lower_vocab: set[str] = field(default_factory=set)
    cap_inside: set[str] = field(default_factory=set)
    declared: dict[str, str] = field(default_factory=dict)
    initial_known: set[tuple[int, int]] = field(default_factory=set)
    """(entry, order) of the one-word names in ``known`` that open a sentence: "Commission",
    "Nice", "Reading" there may be the common word, if the briefing uses it in lowercase."""

    # The helper sends its scan to the loading process: its mentions travel as plain tuples,
    # which pickle in a sixth of the time objects take (and unpickle in a third).
    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["mentions"] = list(map(_Mention.packed, self.mentions))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["mentions"] = list(map(_Mention.unpacked, state["mentions"]))
        self.__dict__.update(state)

    def extend(self, other: ScanResult) -> None:
        """Append the scan of the entries that follow this scan's."""
        self.mentions.extend(other.mentions)
        self.known.extend(other.known)
        self.role_phrases.extend(other.role_phrases)
        self.lower_vocab |= other.lower_vocab
        self.cap_inside |= other.cap_inside
        self.initial_known |= other.initial_known
        for acronym, long_form in other.declared.items():
            self.declared.setdefault(acronym, long_form)


class _Bare(dict[str, tuple[str, bool]]):
    """A word without its possessive ending, and whether it had one: looked up, not worked out
    again, for the words that recur in every entry."""

    def __missing__(self, word: str) -> tuple[str, bool]:
        if len(self) > _CLEANED_MAX:
            self.clear()
        found = self[word] = _strip_possessive(word)
        return found


class _Capital(dict[str, bool]):
    """Whether a word begins a name (``_is_cap``), remembered per word."""

    def __missing__(self, word: str) -> bool:
        if len(self) > _CLEANED_MAX:
            self.clear()
        found = self[word] = _is_cap(word)
        return found


class _Scanner:
    """Pass 1: collects mentions entry by entry; nothing it does depends on other entries."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.result = ScanResult()
        self.mentions = self.result.mentions
        self.known = self.result.known
        self.role_phrases = self.result.role_phrases
        self.lower_vocab = self.result.lower_vocab
        self.cap_inside = self.result.cap_inside
        self.declared = self.result.declared
        self.initial_known = self.result.initial_known
        self.order = 0
        self.language = ENGLISH
        """The language of the entry being scanned (see ``languages``): other languages' articles
        and function words never begin a name, and a German noun is no name."""
        self.cleaned: dict[tuple[tuple[str, ...], bool, str], tuple[str, tuple[str, ...], bool, bool, bool] | None] = {}
        """``_clean``'s answers, by its arguments and the language."""
        self.bare = _Bare()
        self.capital = _Capital()
        self.one_word: dict[str, tuple[Known, str, int] | None] = {}
        """What the gazetteer says of each word that starts no longer name (a name repeats)."""
        self.plain_openers = frozenset(
            word for word in CAPITALISED_FUNCTION_WORDS if self._gazetteer_at([word], 0) is None
        )
        """Function words no gazetteer name starts with: skipped at a sentence start unlooked-up."""

    def finish(self) -> ScanResult:
        return self.result

    # ---- pass 1: collect -------------------------------------------------------------------
    def scan(self, entry: int, title: str, body: str) -> None:
        self.order = 0
        spelt_out = _declared_acronyms(body)
        for long_form, acronym in spelt_out:
            self.declared.setdefault(acronym, long_form)
        title_known_only = _is_title_case(title) or title.isupper()
        headings = ""
        if "#" in body and (body.startswith("#") or "\n#" in body):
            # A section's heading inside the text ("## Tracking Issues & PRs") is capitalised as
            # headings are: it names only what is known, as a title-case headline does.
            lines = body.split("\n")
            headings = "\n".join(line for line in lines if line.startswith("#"))
            body = "\n".join(line for line in lines if not line.startswith("#"))
        title_tokens, body_tokens = tokenize(title), tokenize(body)
        self.language = language_of(body_tokens or title_tokens)
        passes = [(title_tokens, title_known_only, False), (body_tokens, False, True)]
        if headings:
            passes.append((tokenize(headings), True, False))
        for tokens, known_only, in_body in passes:
            lowercase = list(map(str.islower, tokens))
            self.lower_vocab.update(compress(tokens, lowercase))
            # The tokens that may begin a name: a capital first, or a particle before one ("al-Assad").
            starts = list(compress(count(), map(self.capital.__getitem__, tokens)))
            bare = self.bare
            # Not at a sentence's start (a start's first letter is a letter: ``_initial`` is its
            # position alone).
            self.cap_inside.update(
                [bare[tokens[k]][0] for k in starts if k and tokens[k - 1] not in _OPENERS and tokens[k][:1].isupper()]
            )
            spans = _spans(tokens, [long_form for long_form, _ in spelt_out]) if spelt_out and in_body else {}
            self._runs(entry, tokens, starts, known_only, spans)

    def _gazetteer_at(self, tokens: list[str], i: int) -> tuple[Known, str, int] | None:
        word = tokens[i]
        if word not in self.gazetteer.heads:  # the common case: a one-word look-up, remembered
            try:
                return self.one_word[word]
            except KeyError:
                bare, _ = self.bare[word]
                found = self.gazetteer.lookup(bare) if self.capital[word] else None
                one = self.one_word[word] = (found, bare, 1) if found is not None else None
                return one
        if not self.capital[word]:
            return None
        # Only as many words as begin some name are worth looking up ("United States of …").
        longest = min(self.gazetteer.longest, len(tokens) - i)
        prefixes = self.gazetteer.prefixes
        top = 1
        while top < longest and " ".join(tokens[i : i + top]).casefold() in prefixes:
            top += 1
        for n in range(top, 0, -1):
            words = tokens[i : i + n]
            if not words or not all(w[:1].isalnum() or w == "-" for w in words):
                continue
            last, _ = _strip_possessive(words[-1])
            phrase = " ".join([*words[:-1], last])
            hit = self.gazetteer.lookup(phrase) or self.gazetteer.lookup(" ".join(words))
            if hit is not None and (n == 1 or _is_cap(words[-1])):
                return hit, phrase, n
        return None

    def _runs(
        self, entry: int, tokens: list[str], starts: list[int], known_only: bool, spans: Mapping[int, list[str]]
    ) -> None:
        """Visit only the capitalised tokens (``starts``); the words before each give its context.

        ``spans``: where a spelt-out acronym's name starts, and its words: one mention, read whole.
        """
        ends: dict[int, Known] = {}  # index of the last token of a place/organisation → what it names
        consumed = 0
        for i in starts:
            if i < consumed:
                continue
            word = tokens[i]
            spelt = spans.get(i)
            if spelt is not None:
                surface = intern(" ".join(spelt))
                self.mentions.append(_Mention(surface, tuple(spelt), entry, self.order, False, declared=True))
                self.order += 1
                consumed = i + len(spelt)
                continue
            if word in self.plain_openers and _initial(tokens, i):
                continue  # "The", "Meanwhile": a function word that merely opens the sentence
            hit = self._gazetteer_at(tokens, i)
            if hit is None and word in CAPITALISED_FUNCTION_WORDS and _initial(tokens, i):
                continue
            if hit is None and self.language != ENGLISH and self._foreign_word(tokens, i):
                continue
            if hit is not None:
                known, phrase, n = hit
                if n == 1 and phrase.isalpha() and phrase[1:].islower() and _initial(tokens, i):
                    self.initial_known.add((entry, self.order))
                self.known.append((known, intern(phrase), entry, self.order))
                self.order += 1
                # "US Commerce Department", "London Metal Exchange": the place is named, and
                # it begins an organisation's name, read on below.
                if known.kind != "place" or known_only or not (_heads_organisation(tokens, i + n) or self._heads_team(tokens, i, n, known)):
                    ends[i + n - 1] = known
                    consumed = i + n
                    continue
            bare, possessive = self.bare[word]
            demonym = self.gazetteer.demonyms.get(bare)
            if demonym is not None and not possessive:
                self.known.append((demonym, intern(bare), entry, self.order))
                self.order += 1
                ends[i] = demonym
                self._role_alias(tokens, i, demonym, entry)
                consumed = i + 1
                continue
            j, words, possessive = self._collect(tokens, i)
            consumed = j
            if not known_only:
                affiliation, roles = _context(tokens, i, ends)
                self._mention(entry, tokens, i, j, words, possessive, affiliation, roles)
            else:
                for single in words:
                    if single[:1].isupper():
                        self.mentions.append(_Mention(single, (single,), entry, self.order, True, known_only=True))
                        self.order += 1

    def _heads_team(self, tokens: list[str], i: int, n: int, place: Known) -> bool:
        """Whether the city at ``tokens[i : i + n]`` begins the name of a team or a paper, as
        "the" before it says ("the Cincinnati Reds", "the Kyiv Independent"): a name runs on
        after it, not a title ("the Mayor …") or another place."""
        after = i + n
        if place.name not in self.gazetteer.cities or not i or tokens[i - 1] not in ("the", "The") or after >= len(tokens) or tokens[after - 1].endswith(_POSSESSIVE_ENDINGS):
            return False
        word = tokens[after]
        return (
            self.capital[word]
            and word[:1].isalpha()
            and not _is_title(word)
            and word.lower() not in ROLE_WORDS
            and self._gazetteer_at(tokens, after) is None
            and word not in CAPITALISED_FUNCTION_WORDS
        )

    def _foreign_word(self, tokens: list[str], i: int) -> bool:
        """In a non-English entry, whether the capitalised word at ``i`` is no name's start:
        an article or other function word ("Die", "Selon", "Según"), or in German a noun
        after its article ("die Angaben", "der Sitzung")."""
        if tokens[i].lower() in FUNCTION_WORDS[self.language]:
            return True
        return self.language == "de" and i > 0 and tokens[i - 1].lower() in ARTICLES["de"]

    def _role_alias(self, tokens: list[str], i: int, place: Known, entry: int) -> None:
        """Record "the Russian president" (no name after) as a role phrase mention."""
        roles: list[str] = []
        k = i + 1
        while k < len(tokens) and tokens[k].lower() in ROLE_WORDS and not _is_cap(tokens[k]):
            roles.append(tokens[k].lower())
            k += 1
        if roles and i > 0 and tokens[i - 1].lower() == "the" and (k >= len(tokens) or not _is_cap(tokens[k])):
            self.role_phrases.append(((place.name, " ".join(roles)), entry, self.order))
            self.order += 1

    def _collect(self, tokens: list[str], i: int) -> tuple[int, list[str], bool]:
        """The capitalised run from ``i`` (with the particles and "of"s names hold)."""
        words: list[str] = []
        j = i
        possessive = False
        while j < len(tokens):
            word = tokens[j]
            if self.capital[word] and word[:1].isalpha():
                if words and (word in self.gazetteer.demonyms or word == words[0]):
                    break  # "… Dan Goodin Dan is the editor": a name's first word again starts a new one
                if not words and _LOWER_COMPOUND.match(word):
                    break  # "Just-released", "Long-awaited": a sentence's first word, no name's
                ahead = self._gazetteer_at(tokens, j) if words else None
                if (
                    ahead is not None
                    and (ahead[2] > 1 or ahead[0].kind == "organisation")
                    and not (words[-1] in ORGANISATION_WORDS or words[-1] in _OF)
                ):
                    break
                bare, possessive = self.bare[word]
                if (
                    words
                    and len(bare) == 1
                    and j + 2 < len(tokens)
                    and tokens[j + 1] == "."
                    and self.capital[tokens[j + 2]]
                    and tokens[j + 2][:1].isalpha()
                    and tokens[j + 2] not in CAPITALISED_FUNCTION_WORDS
                    and tokens[j + 2].lower() not in STOPWORDS
                ):
                    words.append(bare + ".")  # "Bradley M. Kuhn": an initial's stop ends no sentence
                    j += 2
                    continue
                words.append(bare)
                j += 1
                if possessive:
                    break
                continue
            lowered = word.lower()
            if self.language == "de" and lowered in ARTICLES["de"] and words and words[-1] not in _GERMAN_NAME_PARTICLES:
                break  # "Beginn der Sitzung" is no name; "Ursula von der Leyen" is
            # "Office for the Environment": "of"/"for" may be followed by "the" before the capital.
            after = j + 2 if lowered in _OF and j + 2 < len(tokens) and tokens[j + 1] == "the" else j + 1
            if words and after < len(tokens) and self.capital[tokens[after]] and (
                lowered in _PARTICLES or (lowered in _OF and words[-1] in ORGANISATION_WORDS)
                or (lowered == "the" and words[-1] in _OF)
                or (lowered in _JOINS and _names_an_organisation(tokens, after))
            ):
                words.append(word)
                j += 1
                continue
            break
        while words and (words[-1].lower() in _TRAILING):
            words.pop()
            j -= 1
        return max(j, i + 1), words, possessive

    def _clean(self, words: list[str], initial: bool) -> tuple[str, tuple[str, ...], bool, bool, bool] | None:
        """A run of capitalised words as a name: (surface, words, still sentence-initial,
        had a title, an unexplained acronym), or None for no name. It depends on the words,
        whether they open a sentence and the entry's language only, so ``_mention``
        remembers it: names recur in every post of a live blog."""
        # Sentence-initial function words ("Meanwhile", "Still") and titles come off the front.
        foreign = FUNCTION_WORDS.get(self.language, frozenset())
        while words and (
            words[0] in CAPITALISED_FUNCTION_WORDS
            or (initial and words[0].lower() in STOPWORDS)
            or words[0].lower() in foreign
        ):
            words = words[1:]
            initial = False
        titled = False
        # "Bundeskanzler Friedrich Merz", "Außenministerin …": a German title, written as one word.
        while len(words) > 1 and self.language == "de" and words[0].lower().endswith(GERMAN_TITLE_ENDINGS):
            titled = True
            words = words[1:]
        # "Health Minister Wes Streeting" loses its title; "Environment Agency" is the name itself.
        while len(words) > 1 and _is_title(words[0]) and words[-1] not in ORGANISATION_WORDS:
            titled = True
            words = words[1:]
        # "Forecaster Pål Engen said": an occupation written before a full name, like a title.
        while len(words) > 2 and words[0].lower() in _OCCUPATIONS and not self.gazetteer.lookup(" ".join(words)):
            titled = True
            words = words[1:]
        while words and words[0] in _OF_OR_THE:  # "Head of State Institute" lost its "Head"
            words = words[1:]
        if len(words) == 1 and words[0] in TITLE_WORDS:
            return None
        words = [w for w in words if w not in EXCLUDED_NAMES]
        if not words:
            return None
        acronym = (
            words[0].isupper()
            and all(w.isupper() and len(w) > 1 for w in words)
            and not self.gazetteer.lookup(" ".join(words))
        )
        # Names repeat thousands of times: one shared string each.
        return intern(" ".join(words)), tuple(map(intern, words)), initial, titled, acronym

    def _mention(
        self,
        entry: int,
        tokens: list[str],
        i: int,
        j: int,
        words: list[str],
        possessive: bool,
        affiliation: Known | None,
        roles: list[str],
    ) -> None:
        initial = _initial(tokens, i)
        key = (tuple(words), initial, self.language)
        try:
            cleaned = self.cleaned[key]
        except KeyError:
            if len(self.cleaned) > _CLEANED_MAX:
                self.cleaned.clear()
            cleaned = self.cleaned[key] = self._clean(words, initial)
        if cleaned is None:
            return
        surface, name, initial, titled, acronym = cleaned
        prev = tokens[i - 1].lower() if i > 0 else ""
        prev2 = tokens[i - 2].lower() if i > 1 else ""
        after = [token.lower() for token in tokens[j : j + 4]]
        mention = _Mention(
            surface=surface,
            words=name,
            entry=entry,
            order=self.order,
            initial=initial and len(name) == 1,
            role_before=titled or prev in ROLE_WORDS or prev2 in ROLE_WORDS,
            place_before=affiliation if affiliation is not None and not roles and prev.endswith(("'s", "’s")) else None,
            speech_after=_speaks(after),
            after_at=prev == "at" or (prev == "the" and len(name) > 1 and not titled),
            after_in=prev == "in",
            org_cue=prev in ORGANISATION_CUES or prev.endswith("maker") or _said_it(after),
            possessive=possessive,
            affiliation=(affiliation.name, " ".join(roles)) if affiliation is not None and roles else None,
            acronym=acronym,
            noun_case=self.language == "de",
            quoted=prev in _OPENING_QUOTES and j < len(tokens) and tokens[j] in _CLOSING_QUOTES,
        )
        self.order += 1
        self.mentions.append(mention)


_OPENING_QUOTES = frozenset({'"', "“", "„", "«", "»", "‘", "'"})
_CLOSING_QUOTES = frozenset({'"', "”", "“", "»", "«", "’", "'"})


def scan_entries(texts: Sequence[tuple[str, str]], first: int = 0, gazetteer: Gazetteer | None = None) -> ScanResult:
    """Pass 1 over (title, body) pairs numbered from ``first``: runs anywhere, even in a worker."""
    scanner = _Scanner(gazetteer or bundled_gazetteer())
    for offset, (title, body) in enumerate(texts):
        scanner.scan(first + offset, title, body)
    return scanner.finish()
