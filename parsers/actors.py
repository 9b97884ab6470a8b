"""People, organisations and places named in a briefing, with their aliases merged.

Names are runs of capitalised words. A run is cleaned of titles ("President"), sentence-initial
function words ("Meanwhile") and possessives, then resolved: the gazetteer first, then the
user's aliases, then person rules (a multi-word name, or a single word that is a known surname
or is introduced by a role — "Nato chief Rutte" — or followed by a speech verb). A lone surname
joins the full name it belongs to; "the Russian president" joins whoever was introduced as
"Russian president …". Demonyms ("Russian oil") mention their country.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from itertools import compress, count
from operator import attrgetter, not_
from sys import intern
from typing import Any

from .gazetteer import Gazetteer, Known, bundled_gazetteer
from .languages import ARTICLES, ENGLISH, FUNCTION_WORDS, GERMAN_TITLE_ENDINGS, language_of
from .rules import CREDIT_LABEL, NAME_PARTICLES
from .words import (
    CAPITALISED_FUNCTION_WORDS,
    EXCLUDED_NAMES,
    ORGANISATION_CUES,
    ORGANISATION_WORDS,
    PLACE_HEADS,
    PLACE_WORDS,
    ROLE_WORDS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_WORDS,
    WORD,
)

# A word: a letter, then word characters, with ' ’ . - only between them ("U.S", "al-Assad",
# "Putin's"); a number keeps . , : only between digits ("3,200", "10:30"), so "in 1994." ends a
# sentence. Written so that no token needs backtracking.
_TOKEN = re.compile(r"[^\W\d_]\w*(?:[’'.\-]+\w+)*|\d\w*(?:[.,:]+\w+)*|[“”\"‘(\[\]—–:;.!?,)|•]")
_TOKEN_OR_NEWLINE = re.compile(_TOKEN.pattern + r"|\n")
_TOKEN_OR_NEWLINE_ASCII = re.compile(_TOKEN_OR_NEWLINE.pattern, re.ASCII)
"""The same tokens for ASCII text (most text), found a fifth faster by ASCII-only classes."""
_LINK_TARGET = re.compile(r"\]\([^)]*\)|https?://\S+|\S+@\S+\.\w+")
_CREDIT = re.compile(CREDIT_LABEL + r"\s*[^\n]*", re.I)
_CREDIT_HINT = re.compile(r"(?:Photo|Picture|Image|Illustration|Composite|Video|Graphic)", re.I)
_SENTENCE_BREAK = frozenset({".", "!", "?", "“", '"', "‘", "(", "[", ":", ";", "—", "–", "|", "•"})  # "|": table cells
_OPENERS = _SENTENCE_BREAK | {"\n"}
_PARTICLES = NAME_PARTICLES
_OF = frozenset({"of", "for"})
_GERMAN_NAME_PARTICLES = frozenset({"von", "van", "zu", "vom"})
"""Before which a German article belongs to a name ("Ursula von der Leyen")."""
_OF_OR_THE = _OF | {"the"}
_JOINS = _OF | {"and"}
"""Between two parts of one organisation's name when the rest names one ("Food and Drug Administration")."""
_TRAILING = _PARTICLES | _JOINS | {"the"}
"""Words a name never ends with: a run of capitals stops before them."""
_WEATHER_SYSTEMS = frozenset({"Storm", "Hurricane", "Typhoon", "Cyclone", "Tropical", "Tornado", "Blizzard"})
_OCCUPATIONS = ROLE_WORDS - {"foreign", "defence", "defense", "energy", "finance", "interior", "health", "trade", "prime", "vice", "general", "head", "king", "queen", "prince", "princess", "pope"}
_ROLE_FILLERS = frozenset({"the", "of", "and", "influential", "former", "new", "acting", "outgoing", "incoming", "then", "top", "senior", "own"})
_ACRONYM_IN_BRACKETS = re.compile(r"\([A-Z][A-Za-z]{1,8}\)")
_DECLARED_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’\-]*)(?:\s+(?:of|for|and|the|on|de|in|[A-Z][\w'’\-]*))*\s+[A-Z][\w'’\-]*)\s*\(([A-Z][A-Za-z]{1,8})\)"
)
_DECLARED_AT_END = re.compile(_DECLARED_ACRONYM.pattern + r"\Z")  # with endpos: ends at that bracket


@dataclass(slots=True)
class _Mention:
    surface: str
    words: tuple[str, ...]
    entry: int
    order: int
    """Position among the names of its entry (orders only ever compare within an entry)."""
    initial: bool
    role_before: bool = False
    place_before: Known | None = None
    speech_after: bool = False
    possessive: bool = False
    affiliation: tuple[str, str] | None = None
    """(place or organisation, role phrase) when introduced as "Russian president …"."""
    known_only: bool = False
    """From a headline in title case: only names known from elsewhere count."""
    after_at: bool = False
    """Preceded by "at" ("analysts at …") or, for several words, "the" ("the Relief Desk"):
    a place or an organisation, not a person."""
    after_in: bool = False
    """Preceded by "in" ("producers in Hamilton"): somewhere, not someone."""
    org_cue: bool = False
    """Introduced as an organisation: "the grid operator Fingrid", "the carmaker Renault"."""
    acronym: bool = False
    """All capitals and not in the gazetteer: a name only if the briefing spells it out."""
    declared: bool = False
    """The spelt-out name before "(ACRONYM)": an organisation, whatever its words."""


_CLEANED_MAX = 200_000
"""Distinct runs of capitals remembered by a scan before it starts over (memory stays bounded)."""

_MENTION_FIELDS = attrgetter(*(f.name for f in fields(_Mention)))
"""A mention's fields as a tuple, in the order ``_Mention`` takes them."""


@dataclass
class _Person:
    full: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    entries: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class ActorSettings:
    """The user's additions from config.yaml's ``actors``."""

    aliases: Mapping[str, str] = field(default_factory=dict)
    kinds: Mapping[str, str] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()


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
        state["mentions"] = list(map(_MENTION_FIELDS, self.mentions))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["mentions"] = [_Mention(*fields) for fields in state["mentions"]]
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


@dataclass(frozen=True)
class ActorResult:
    """Actors found, and each entry's actors in order of first mention."""

    actors: tuple[tuple[str, str, tuple[str, ...], tuple[int, ...]], ...]
    """(name, kind, aliases, entry indexes), most-mentioned first."""
    per_entry: tuple[tuple[str, ...], ...]


AUTHOR_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bwith\b|;|/)\s*")
"""What separates the names of a joint byline ("Jane Roe and John Doe", "A, B & C")."""


def without_bylines(found: ActorResult, authors: Sequence[str | None]) -> ActorResult:
    """Each entry's own byline taken off its actors: a reporter signing a post ("it's Jane Roe
    here") is not a newsmaker of it. Named in another entry, the person stays that entry's
    actor; named only in their own posts, they are no actor at all."""
    names_by_entry: dict[int, set[str]] = {}
    for index, author in enumerate(authors):
        if author:
            parts = {part.strip().casefold() for part in AUTHOR_SPLIT.split(author) if part.strip()}
            names_by_entry[index] = parts
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


def tokenize(text: str) -> list[str]:
    """Words, sentence punctuation and line breaks, by one ``findall``.

    This runs over every word of every entry, so it makes no object per word: whether a word
    opens a sentence is asked (``_initial``) only of the few capitalised words that need it.
    """
    # Each clean-up runs only where its cheap substring test says it can match.
    if "](" in text or "://" in text or "@" in text:
        text = _LINK_TARGET.sub("]", text)
    if ":" in text and _CREDIT_HINT.search(text):
        text = _CREDIT.sub("", text)
    words: list[str] = (_TOKEN_OR_NEWLINE_ASCII if text.isascii() else _TOKEN_OR_NEWLINE).findall(text)
    return words


def _initial(tokens: Sequence[str], i: int) -> bool:
    """Whether the word at ``i`` opens a sentence, a line or a quote."""
    return (i == 0 or tokens[i - 1] in _OPENERS) and tokens[i][:1].isalpha()


_PARTICLE_NAME = re.compile(r"(?:al|el|bin|ibn|de|van|von|d)['’\-][A-Z]")
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")


def _is_cap(word: str) -> bool:
    first = word[:1]
    if first.isupper():
        return True
    # "al-Assad", "d'Estaing": a lowercase particle joined to a capitalised name.
    return first in "abdeiv" and len(word) > 2 and _PARTICLE_NAME.match(word) is not None


def _strip_possessive(word: str) -> tuple[str, bool]:
    if len(word) > 3 and word.endswith(_POSSESSIVE_ENDINGS):
        return (word[:-2] if word[-2] in "'’" else word[:-1]), True
    return word, False


def _context(tokens: list[str], i: int, ends: Mapping[int, Known]) -> tuple[Known | None, list[str]]:
    """What introduces the name at ``i``: a place or organisation, then role words, as in
    "Russian president …", "Nato chief …", "Ukraine's president …" (fillers like "influential"
    may stand between); anything else before the name means no introduction."""
    roles: list[str] = []
    k = i - 1
    while k >= 0:
        word = tokens[k]
        if not word[:1].isalpha() or _is_cap(word):
            break
        lowered = word.lower()
        if lowered in ROLE_WORDS:
            roles.append(lowered)
        elif lowered not in _ROLE_FILLERS:
            return None, []
        k -= 1
    roles.reverse()
    return (ends.get(k) if k >= 0 else None), roles


def _declared_acronyms(body: str) -> list[tuple[str, str]]:
    """("International Atomic Energy Agency", "IAEA") for each "… (IAEA)" in the text.

    The long form is looked for only just before a bracketed acronym: trying the long-form
    pattern at every capital letter of every entry was a tenth of all actor work.
    """
    found: list[tuple[str, str]] = []
    for bracket in _ACRONYM_IN_BRACKETS.finditer(body):
        declared = _DECLARED_AT_END.search(body, max(0, bracket.start() - 200), bracket.end())
        if declared is not None:
            long_form = _spelt_out(declared.group(1).split(), declared.group(2))
            if long_form:
                found.append((long_form, declared.group(2)))
    return found


def _spelt_out(words: list[str], acronym: str) -> str | None:
    """The words before "(ACRONYM)" that spell it out: "On Monday the World Health
    Organization (WHO)" declares "World Health Organization", "the UN Office for the
    Coordination of Humanitarian Affairs (OCHA)" the office's name from "Office".

    The shortest tail whose capitalised words' initials are the acronym; else the shortest
    whose letters hold the acronym's in order ("Economic Community of West African States",
    ECOWAS); else the words without a leading "The", weekday or sentence opener.
    """
    letters = acronym.upper()
    starts = [k for k in range(len(words) - 1, -1, -1) if words[k][:1].isupper()]
    for k in starts:
        if "".join(w[0] for w in words[k:] if w[:1].isupper()).upper() == letters:
            return " ".join(words[k:])
    for k in starts:
        if words[k][0].upper() == letters[0] and _holds_in_order(" ".join(words[k:]).upper(), letters):
            return " ".join(words[k:])
    while words and (words[0].lower() == "the" or words[0] in CAPITALISED_FUNCTION_WORDS or words[0] in EXCLUDED_NAMES):
        words = words[1:]
    return " ".join(words) if len(words) > 1 else None


def _holds_in_order(text: str, letters: str) -> bool:
    position = 0
    for letter in letters:
        position = text.find(letter, position) + 1
        if not position:
            return False
    return True


def _names_an_organisation(tokens: Sequence[str], start: int) -> bool:
    """Whether the capitalised run from ``start`` ends in an organisation word, so that
    "Port of Rotterdam Authority" is one name though "Port" alone is no organisation word."""
    end = start
    while end < len(tokens) and end - start < 5 and _is_cap(tokens[end]) and tokens[end][:1].isalpha():
        end += 1
    return end > start and _strip_possessive(tokens[end - 1])[0] in ORGANISATION_WORDS


def _heads_organisation(tokens: Sequence[str], after: int) -> bool:
    """Whether the name ending just before ``after`` runs on into an organisation's name
    ("London Metal Exchange", "Kenya Airways"), and is no possessive ("London's")."""
    return (
        after < len(tokens)
        and not tokens[after - 1].endswith(_POSSESSIVE_ENDINGS)
        and tokens[after][:1].isupper()
        and _names_an_organisation(tokens, after)
    )


def _spans(tokens: list[str], names: list[str]) -> dict[int, list[str]]:
    """Where each of ``names`` occurs in ``tokens``: its first token's index → its tokens."""
    found: dict[int, list[str]] = {}
    for name in names:
        words = tokenize(name)
        for k in range(len(tokens) - len(words) + 1):
            if tokens[k] == words[0] and tokens[k : k + len(words)] == words:
                found.setdefault(k, words)
    return found


_BEFORE_VERB = frozenset(
    {"has", "had", "have", "is", "was", "also", "then", "later", "again", "earlier", "previously", "once",
     "recently", "reportedly", "now", "today", "yesterday", "last", "separately", "personally", "publicly"}
)  # fmt: skip


def _speaks(after: Iterable[str]) -> bool:
    """Whether the words after a name are a speech verb, at once or after an auxiliary or an
    adverb ("said", "also said", "has repeatedly warned"): "Ice minimum confirmed" is no
    "Ice" who confirmed."""
    for word in after:
        if word in SPEECH_VERBS:
            return True
        if word not in _BEFORE_VERB and not word.endswith("ly"):
            return False
    return False


_MEMBER_WORDS = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "staff", "employees", "workers", "customers",
     "shareholders", "shares", "officials", "engineers", "crews", "executives", "board"}
)  # fmt: skip
"""Words after a name that make it a body of people: "a Northern Grid spokeswoman"."""


def _said_it(after: Sequence[str]) -> bool:
    """What is said of a thing, not a person: "Harbour Board, which …", "Northern Grid
    engineers", "a Relief Desk spokeswoman"."""
    return after[:2] == [",", "which"] or (bool(after) and after[0] in _MEMBER_WORDS)


def _is_title_case(text: str) -> bool:
    words = [w for w in WORD.findall(text) if len(w) > 3]
    return len(words) >= 4 and sum(1 for w in words if w[:1].isupper()) >= 0.7 * len(words)


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
        title_tokens, body_tokens = tokenize(title), tokenize(body)
        self.language = language_of(body_tokens or title_tokens)
        for tokens, known_only, in_body in ((title_tokens, title_known_only, False), (body_tokens, False, True)):
            lowercase = list(map(str.islower, tokens))
            self.lower_vocab.update(compress(tokens, lowercase))
            starts = [
                k
                for k in compress(count(), map(not_, lowercase))
                if tokens[k][:1].isupper() or (tokens[k][:1] in "abdeiv" and _PARTICLE_NAME.match(tokens[k]) is not None)
            ]
            self.cap_inside.update(
                [_strip_possessive(tokens[k])[0] for k in starts if tokens[k][:1].isupper() and not _initial(tokens, k)]
            )
            spans = _spans(tokens, [long_form for long_form, _ in spelt_out]) if spelt_out and in_body else {}
            self._runs(entry, tokens, starts, known_only, spans)

    def _gazetteer_at(self, tokens: list[str], i: int) -> tuple[Known, str, int] | None:
        word = tokens[i]
        if word not in self.gazetteer.heads:  # the common case: a one-word look-up, remembered
            try:
                return self.one_word[word]
            except KeyError:
                bare, _ = _strip_possessive(word)
                found = self.gazetteer.lookup(bare) if _is_cap(word) else None
                one = self.one_word[word] = (found, bare, 1) if found is not None else None
                return one
        if not _is_cap(word):
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
                if known.kind != "place" or known_only or not _heads_organisation(tokens, i + n):
                    ends[i + n - 1] = known
                    consumed = i + n
                    continue
            bare, possessive = _strip_possessive(word)
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
        words: list[str] = []
        j = i
        possessive = False
        while j < len(tokens):
            word = tokens[j]
            if _is_cap(word) and word[:1].isalpha():
                if words and word in self.gazetteer.demonyms:
                    break
                ahead = self._gazetteer_at(tokens, j) if words else None
                if (
                    ahead is not None
                    and (ahead[2] > 1 or ahead[0].kind == "organisation")
                    and not (words[-1] in ORGANISATION_WORDS or words[-1] in _OF)
                ):
                    break
                bare, possessive = _strip_possessive(word)
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
            if words and after < len(tokens) and _is_cap(tokens[after]) and (
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
        while len(words) > 1 and words[0] in TITLE_WORDS and words[-1] not in ORGANISATION_WORDS:
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
        )
        self.order += 1
        self.mentions.append(mention)


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

    def resolve(self, entries: int) -> ActorResult:
        aliases = dict(self.settings.aliases)
        ignore = {name.casefold() for name in self.settings.ignore}
        # Every name found, by entry: (order, canonical). The only record kept of them, as the
        # briefing's biggest structure (a million at 100 000 entries).
        by_entry: dict[int, list[tuple[int, str]]] = defaultdict(list)
        kinds: dict[str, str] = {}
        alias_sets: dict[str, set[str]] = defaultdict(set)

        def record(canonical: str, kind: str, surface: str, entry: int, order: int) -> None:
            canonical = aliases.get(canonical, canonical)
            if canonical.casefold() in ignore or surface.casefold() in ignore:
                return
            kinds.setdefault(canonical, self.settings.kinds.get(canonical, kind))
            if surface != canonical:
                alias_sets[canonical].add(surface)
            by_entry[entry].append((order, canonical))


        # Declared acronyms name organisations.
        for mention in self.mentions:
            if mention.surface in self.declared:
                long_form = self.declared[mention.surface]
                expanded = self.gazetteer.lookup(long_form)
                record(
                    expanded.name if expanded else long_form,
                    expanded.kind if expanded else "organisation",
                    mention.surface,
                    mention.entry,
                    mention.order,
                )
                mention.surface = ""
            elif mention.acronym:
                mention.surface = ""  # capitals never spelt out: a shouted word, not a name

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

        # Multi-word people first: they define the surnames.
        people: dict[str, _Person] = {}
        surname_of: dict[str, set[str]] = defaultdict(set)
        first_last: dict[tuple[str, str], str] = {}
        for mention in self.mentions:
            if not mention.surface or mention.surface in aliases or mention.declared:
                continue
            kind = self._kind_of(mention)
            if kind == "person":
                key = (mention.words[0], mention.words[-1])
                canonical = first_last.setdefault(key, mention.surface)
                person = people.setdefault(canonical, _Person())
                person.full[mention.surface] += 1
                surname_of[mention.words[-1]].add(canonical)
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
        last_seen: dict[tuple[int, str], int] = {}
        self._prefixes = defaultdict(set)
        for surname in surname_of:
            if len(surname) >= 6:
                self._prefixes[surname[:6]].add(surname)

        for mention in self.mentions:  # in entry order, and in order within each entry
            surface = mention.surface
            if not surface:
                continue
            if surface in aliases:
                target = aliases[surface]
                target_known = self.gazetteer.lookup(target)
                kind = target_known.kind if target_known else self.settings.kinds.get(target, "person")
                record(target, kind, surface, mention.entry, mention.order)
                continue
            known = self.gazetteer.lookup(surface)
            named_here = len(mention.words) == 1 and (mention.entry, surface) in last_seen
            if known is not None and not named_here:
                record(known.name, known.kind, surface, mention.entry, mention.order)
                continue
            if surface in self.settings.kinds:
                record(surface, self.settings.kinds[surface], surface, mention.entry, mention.order)
                continue
            if mention.declared:
                record(surface, "organisation", surface, mention.entry, mention.order)
                continue
            if len(mention.words) > 1:
                kind = self._kind_of(mention)
                if kind == "person":
                    canonical = first_last[(mention.words[0], mention.words[-1])]
                    record(canonical, "person", surface, mention.entry, mention.order)
                    last_seen[(mention.entry, mention.words[-1])] = mention.order
                    if mention.affiliation:
                        self._affiliations[mention.affiliation].append(canonical)
                elif kind is not None:
                    record(surface, kind, surface, mention.entry, mention.order)
                continue
            owner = self._surname_owner(surface, surname_of, people, mention, by_entry)
            if owner is not None:
                record(owner, "person", surface, mention.entry, mention.order)
                if mention.affiliation:
                    self._affiliations[mention.affiliation].append(owner)
                continue
            if mention.known_only or (mention.initial and surface not in self.cap_inside):
                continue
            if surface.lower() in self.lower_vocab or surface.lower() in STOPWORDS:
                continue
            if mention.org_cue:
                record(surface, "organisation", surface, mention.entry, mention.order)
                continue
            if mention.after_in and not (mention.role_before or mention.affiliation):
                continue  # "producers in Hamilton welcomed …": a place we do not know, not a person
            if mention.role_before or mention.speech_after or mention.place_before is not None or mention.affiliation:
                record(surface, "person", surface, mention.entry, mention.order)
                if mention.affiliation:
                    self._affiliations[mention.affiliation].append(surface)

        self.mentions.clear()  # read for the last time: the scan is consumed to keep the peak down
        for place, phrase, entry, order in self.known:
            if (entry, order) in self.initial_known and phrase.lower() in self.lower_vocab:
                continue  # "Commission chair …" where the briefing also says "the electoral commission"
            if (entry, phrase) in last_seen and phrase in surname_of:
                # "Jordan told pupils…" after "Michael Jordan" in the same entry: the person.
                lone = _Mention(phrase, (phrase,), entry, order, False)
                owner = self._surname_owner(phrase, surname_of, people, lone, by_entry)
                if owner is not None:
                    record(owner, "person", phrase, entry, order)
                    continue
            record(place.name, place.kind, phrase, entry, order)

        self.known.clear()
        for key, entry, order in self.role_phrases:
            owners = Counter(self._affiliations.get(key, []))
            if owners:
                owner = owners.most_common(1)[0][0]
                place_phrase = key[0]
                record(owner, "person", f"the {self._demonym(place_phrase)} {key[1]}", entry, order)

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

    def _demonym(self, place: str) -> str:
        for demonym, known in self.gazetteer.demonyms.items():
            if known.name == place:
                return demonym
        return place

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
        if any(w in ORGANISATION_WORDS for w in words):
            return "organisation"
        if words[-1] in PLACE_WORDS or words[0] in PLACE_HEADS:
            return "place"  # "Barents Sea", "Lake Ladoga"
        # "Europe Live", "Kyiv Post": a place heading a name is a title, not a person;
        # "Michael Jordan": a place-like surname at the end is still a person.
        if any(self.gazetteer.names.get(w) is not None for w in words[:-1]):
            return None
        if any(w.isupper() and len(w) > 1 for w in words) or len(words) > 4:
            return None
        if any(w.lower() in STOPWORDS for w in words if w.lower() not in _PARTICLES):
            return None
        return "person"  # unless what introduces it says otherwise (see ``_kind_of``)

    def _kind_of(self, mention: _Mention) -> str | None:
        """Kind of a multi-word name, with what introduced it (here or anywhere else)."""
        kind = self._kind_of_multiword(mention.words)
        if mention.org_cue and kind in ("person", "place"):
            return "organisation"  # "the operator Isle Link": said outright, whatever its words
        if kind != "person":
            return kind
        # "analysts at Dunmore Capital": people work *at* organisations (or places, if another
        # mention says "in Dunmore Capital").
        return self._cued.get(mention.surface, "organisation" if mention.after_at else "person")

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


def scan_entries(texts: Sequence[tuple[str, str]], first: int = 0, gazetteer: Gazetteer | None = None) -> ScanResult:
    """Pass 1 over (title, body) pairs numbered from ``first``: runs anywhere, even in a worker."""
    scanner = _Scanner(gazetteer or bundled_gazetteer())
    for offset, (title, body) in enumerate(texts):
        scanner.scan(first + offset, title, body)
    return scanner.finish()


def resolve_actors(
    scan: ScanResult, entries: int, settings: ActorSettings | None = None, gazetteer: Gazetteer | None = None
) -> ActorResult:
    """Pass 2 over the joined scans of all ``entries``: aliases merged across the briefing.

    The scan is consumed (its lists emptied as they are read) so the biggest structure of a
    load does not stay alive beside the one built from it.
    """
    return _Resolver(gazetteer or bundled_gazetteer(), settings or ActorSettings(), scan).resolve(entries)
