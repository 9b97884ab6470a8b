"""Tokens and cues: the words of a text, and what the words around a name say of it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..gazetteer import Known
from ..rules import CREDIT_LABEL, NAME_PARTICLES
from ..words import (
    CAPITALISED_FUNCTION_WORDS,
    EXCLUDED_NAMES,
    ORGANISATION_WORDS,
    ROLE_WORDS,
    SPEECH_VERBS,
    WORD,
)

# A word: a letter, then word characters, with ' ’ . - only between them ("U.S", "al-Assad",
# "Putin's"); a number keeps . , : only between digits ("3,200", "10:30"), so "in 1994." ends a
# sentence. Written so that no token needs backtracking.
_TOKEN = re.compile(r"[^\W\d_]\w*(?:[’'.\-]+\w+)*|\d\w*(?:[.,:]+\w+)*|[“”\"‘(\[\]—–:;.!?,)|•/]")
_TOKEN_OR_NEWLINE = re.compile(_TOKEN.pattern + r"|\n")
_TOKEN_OR_NEWLINE_ASCII = re.compile(_TOKEN_OR_NEWLINE.pattern, re.ASCII)
"""The same tokens for ASCII text (most text), found a fifth faster by ASCII-only classes."""
_LINK_TARGET = re.compile(r"\]\([^)]*\)|https?://\S+|\S+@\S+\.\w+")
_CREDIT = re.compile(CREDIT_LABEL + r"\s*[^\n]*", re.I)
_CREDIT_HINT = re.compile(r"(?:Photo|Picture|Image|Illustration|Composite|Video|Graphic)", re.I)
_CREDIT_WORDS = ("photo", "picture", "image", "illustration", "composite", "video", "graphic")
_ODD_CASES = ("\u0130", "\u0131", "\u017f")
"""Letters (İ, ı, ſ) that ``re.I`` matches to an ASCII letter of ``_CREDIT_WORDS`` and
``str.lower`` does not."""


def _may_credit(text: str) -> bool:
    """``_CREDIT_HINT.search(text)``, by substring tests of the lowered text: the regex, with
    no literal to look for, tried every character (75 µs for a 250-word post)."""
    lowered = text.lower()
    if any(word in lowered for word in _CREDIT_WORDS):
        return True
    return not text.isascii() and any(odd in text for odd in _ODD_CASES) and _CREDIT_HINT.search(text) is not None


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


def tokenize(text: str) -> list[str]:
    """Words, sentence punctuation and line breaks, by one ``findall``.

    This runs over every word of every entry, so it makes no object per word: whether a word
    opens a sentence is asked (``_initial``) only of the few capitalised words that need it.
    """
    # Each clean-up runs only where its cheap substring test says it can match.
    if "](" in text or "://" in text or "@" in text:
        text = _LINK_TARGET.sub("]", text)
    if ":" in text and _may_credit(text):
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
