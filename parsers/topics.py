"""Topics: configured label → keywords, plus key phrases that recur across entries."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .languages import ENGLISH, FUNCTION_WORDS, language_of
from .words import ROLE_WORDS, STOPWORDS, WORD, word_pieces

_SAMPLE = 2000
_PIECE = re.compile(r"\w+")
_GENERIC = frozenset(
    ["people", "country", "countries", "government", "officials", "statement", "talks", "meeting", "comments", "report", "reports", "issue", "issues", "question", "questions", "thing", "things", "part", "lot", "number", "end", "start", "side", "sides", "way", "point"]
)
_NOT_LAST = STOPWORDS | _GENERIC | ROLE_WORDS


@dataclass(frozen=True)
class TopicResult:
    """Topics (label, keywords, entry indexes, automatic?) and each entry's topic labels."""

    topics: tuple[tuple[str, tuple[str, ...], tuple[int, ...], bool], ...]
    per_entry: tuple[tuple[str, ...], ...]


_ADDRESS = re.compile(r"\S*(?:://|www\.)\S*")
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]“”\"—–\n]")  # a line break ends a headline or a list item
_OPENS, _CLOSES, _JOINS = 1, 2, 4
_word_roles: dict[str, int] = {}


def _roles(word: str) -> int:
    """Which places of a phrase a (lowercased) word may take: first, last, middle of three."""
    roles = _word_roles.get(word)
    if roles is None:
        if len(_word_roles) > 200_000:
            _word_roles.clear()
        short = len(word) < 3 or word.endswith(("'s", "'"))
        roles = _word_roles[word] = (
            (_OPENS if not short and word not in STOPWORDS and not word.endswith("ly") else 0)
            | (_CLOSES if not short and word not in _NOT_LAST and not word.endswith(("ed", "ly")) else 0)
            | (_JOINS if word not in STOPWORDS or word in ("of", "and") else 0)
        )
    return roles


def _phrases(text: str) -> set[str]:
    """Two- and three-word phrases of content words within one clause (those naming a person
    are left out later, by ``find_topics``, once the people are known).

    A phrase opens and closes on a content word ("Ukraine needed", "moved quickly" are
    clauses, not noun phrases); the middle of three is a content word, "of" or "and".
    """
    found: set[str] = set()
    if "://" in text or "www." in text:
        text = _ADDRESS.sub(".", text)  # "org web http", "com sharer": the words of an address
    language = language_of(WORD.findall(text[:2000]))
    # "aber auch", "vor allem", "nicht mehr": another language's function words are no
    # subject either (looked up only for a text in that language: "war" is German's "was").
    foreign = FUNCTION_WORDS.get(language, frozenset()) if language != ENGLISH else frozenset()
    for clause in _CLAUSE_BREAK.split(text):
        words = [word.lower().replace("’", "'") for word in WORD.findall(clause)]
        if len(words) < 2:
            continue
        roles = [0 if word in foreign else _roles(word) for word in words]
        for i in range(len(words) - 1):
            if roles[i] & _OPENS:
                if roles[i + 1] & _CLOSES:
                    found.add(f"{words[i]} {words[i + 1]}")
                if i + 2 < len(words) and roles[i + 2] & _CLOSES and roles[i + 1] & _JOINS:
                    found.add(f"{words[i]} {words[i + 1]} {words[i + 2]}")
    return found


def _label(phrase: str, texts: Sequence[str]) -> str:
    """A found phrase as the texts write it most often ("Storm Bran", not "Storm bran"),
    with a capital first letter."""
    pattern = _phrase_pattern(phrase, re.IGNORECASE)
    written = Counter(
        form for text in texts for found in pattern.finditer(text) if not (form := found.group(0).replace("’", "'")).isupper()
    )
    surface = max(sorted(written), key=lambda form: written[form]) if written else phrase
    return surface[0].upper() + surface[1:]


_APOSTROPHE = re.compile("['’]")


def _phrase_pattern(phrase: str, flags: int = 0) -> re.Pattern[str]:
    """A casefolded phrase as whole words; either apostrophe matches either."""
    escaped = _APOSTROPHE.sub("['’]", re.escape(phrase.strip()))  # one pass: a second would rewrite the first's
    # The check that no letter comes before is written after the phrase's first word, not
    # before it: a pattern that opens with a literal word is searched for as that word (some
    # fifteen times faster than trying a look-behind at every character of the text).
    first = _LEADING_WORD.match(escaped)
    if first is None:
        return re.compile(r"(?<!\w)" + escaped + r"(?!\w)", flags)
    word = first.group()
    return re.compile(word + r"(?<!\w" + word + ")" + escaped[len(word) :] + r"(?!\w)", flags)


_LEADING_WORD = re.compile(r"\w+")
"""A phrase's first word, as escaped (``re.escape`` leaves letters and digits as they are)."""


@dataclass(frozen=True)
class _Phrase:
    """A keyword of several words: looked for only in texts that hold all its word pieces."""

    pieces: frozenset[str]
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, phrase: str) -> _Phrase:
        folded = phrase.strip().casefold()
        return cls(frozenset(_PIECE.findall(folded)), _phrase_pattern(folded))

    def in_text(self, text: str, vocabulary: set[str]) -> bool:
        return self.pieces <= vocabulary and self.pattern.search(text) is not None


@dataclass
class TopicScan:
    """What one run of entries holds: which configured topics each matches, and the phrases of
    its sampled entries. Runs can be scanned apart (in the helper process, too) and joined."""

    label_hits: list[list[int]]
    """For each configured topic, in order: the indexes of the entries it matches."""
    where: dict[str, list[int]]
    """Phrase → the sampled entries it occurs in (person names not yet left out)."""


_FORMULA_SHARE = 0.5
_FORMULA_MIN_ENTRIES = 50
"""A recurring phrase in more than this share of a briefing of at least this many entries is
a stock phrase of its writers ("according to people familiar", "on condition of anonymity"):
it tells no entry from another, so it is no topic."""


def _in_most(texts: Sequence[str], phrases: Sequence[str], step: int) -> set[str]:
    """Those of ``phrases`` in more than ``_FORMULA_SHARE`` of all ``texts``: the sample
    (every ``step``-th) said so; every text is read to be sure (a sample can fall in step
    with how a briefing repeats itself), once for all of them."""
    if step == 1 or not phrases:
        return set(phrases)
    tests = [(phrase, _PIECE.findall(phrase)[0], _phrase_pattern(phrase)) for phrase in phrases]
    held = dict.fromkeys(phrases, 0)
    for text in texts:
        lowered = text.casefold()
        for phrase, needle, pattern in tests:
            if needle in lowered and pattern.search(lowered):
                held[phrase] += 1
    return {phrase for phrase, count in held.items() if count > _FORMULA_SHARE * len(texts)}


def sample_step(count: int) -> int:
    """Every how many entries a phrase is looked for (at most ``_SAMPLE`` entries are read)."""
    return max(1, -(-count // _SAMPLE))  # rounded up: a step rounded down read up to twice as many


def _matchers(defined: Sequence[tuple[str, Sequence[str]]]) -> list[tuple[frozenset[str], tuple[_Phrase, ...]]]:
    found = []
    for _label, keywords in defined:
        folded = [k.strip().casefold() for k in keywords if k.strip()]
        singles = frozenset(k for k in folded if _PIECE.fullmatch(k))
        found.append((singles, tuple(_Phrase.of(k) for k in folded if k not in singles)))
    return found


def scan_topics(texts: Sequence[str], first: int, defined: Sequence[tuple[str, Sequence[str]]], step: int) -> TopicScan:
    """Configured topics of entries numbered from ``first``, and the phrases of every
    ``step``-th entry (none when ``step`` is 0).

    Each text is split into word pieces once; a keyword of one piece is a set look-up, and a
    longer one runs its regex only where all its pieces occur (one regex per keyword per
    entry was most of the cost).
    """
    matchers = _matchers(defined)
    label_hits: list[list[int]] = [[] for _ in matchers]
    where: defaultdict[str, list[int]] = defaultdict(list)
    for offset, text in enumerate(texts):
        index = first + offset
        lowered = text.casefold()
        vocabulary = set(word_pieces(lowered))  # one text at a time: no per-entry sets kept
        for (singles, phrases), hits in zip(matchers, label_hits, strict=True):
            if not singles.isdisjoint(vocabulary) or any(p.in_text(lowered, vocabulary) for p in phrases):
                hits.append(index)
        if step and index % step == 0:
            for phrase in _phrases(text):
                where[phrase].append(index)
    return TopicScan(label_hits, dict(where))


def find_topics(
    texts: Sequence[str],
    defined: Sequence[tuple[str, Sequence[str]]],
    automatic: int,
    min_entries: int,
    person_names: Iterable[str] = (),
    other_names: Iterable[str] = (),
    parts: Sequence[TopicScan] | None = None,
) -> TopicResult:
    """Assign configured topics by keyword, then add the most widespread recurring phrases.

    ``parts`` are the ``scan_topics`` of consecutive runs of ``texts`` when they were scanned
    apart; without them the texts are scanned here.
    """
    step = sample_step(len(texts))
    if parts is None:
        parts = [scan_topics(texts, 0, defined, step if automatic > 0 else 0)]
    per_entry: list[list[str]] = [[] for _ in texts]
    topics: list[tuple[str, tuple[str, ...], tuple[int, ...], bool]] = []
    configured_words = {k.lower() for _, keywords in defined for k in keywords}
    for position, (label, keywords) in enumerate(defined):
        hits = [i for part in parts for i in part.label_hits[position]]
        for i in hits:
            per_entry[i].append(label)
        if hits:
            topics.append((label, tuple(keywords), tuple(hits), False))

    chosen: list[str] = []
    where: dict[str, set[int]] = {}
    if automatic > 0:
        names = frozenset(part.lower() for name in person_names for part in name.split())
        known_names = {name.casefold() for name in other_names}
        # Phrases were discovered on an even sample of at most SAMPLE entries (a phrase common
        # enough to be a topic shows up in it); those naming a person are left out here.
        for part in parts:
            for phrase, ids in part.where.items():
                if phrase in names or any(word in names for word in phrase.split(" ")):
                    continue
                where.setdefault(phrase, set()).update(ids)
        floor = min_entries if step == 1 else 2
        counts = Counter({p: len(ids) for p, ids in where.items() if len(ids) >= floor})
        sampled = len(range(0, len(texts), step))
        ranked = sorted(counts.items(), key=lambda item: (-item[1], -len(item[0].split()), item[0]))
        ranked = [(phrase, reach) for phrase, reach in ranked if phrase not in configured_words and phrase not in known_names]
        widespread = [phrase for phrase, reach in ranked if reach > _FORMULA_SHARE * sampled]
        formulas = _in_most(texts, widespread, step) if sampled >= _FORMULA_MIN_ENTRIES else set()
        for phrase, reach in ranked:
            if phrase in formulas:
                continue  # in most entries: the desk's formula ("people familiar with"), no topic to filter by
            # Skip a phrase inside (or containing) one already chosen with the same reach.
            if any((phrase in other or other in phrase) and counts[other] >= reach for other in chosen):
                continue
            chosen.append(phrase)
            if len(chosen) >= automatic:
                break
    found: dict[str, list[int]] = {phrase: sorted(where[phrase]) for phrase in chosen}
    if chosen and step > 1:
        # Every entry, not just the sample: a cheap substring test, then the phrase's regex. The
        # test is the phrase itself (its regex matches it literally) unless an apostrophe in it
        # may be written either way: then its first word.
        tests = [
            (phrase, phrase.strip() if not {"'", "’"} & set(phrase) else _PIECE.findall(phrase)[0], _phrase_pattern(phrase))
            for phrase in chosen
        ]
        found = {phrase: [] for phrase in chosen}
        for i, text in enumerate(texts):
            lowered = text.casefold()
            for phrase, needle, pattern in tests:
                if needle in lowered and pattern.search(lowered):
                    found[phrase].append(i)
    for phrase in chosen:
        entry_ids = tuple(found[phrase])
        if len(entry_ids) < min_entries:
            continue
        label = _label(phrase, [texts[i] for i in entry_ids[:5]])
        topics.append((label, (phrase,), entry_ids, True))
        for i in entry_ids:
            per_entry[i].append(label)
    topics.sort(key=lambda t: (-len(t[2]), t[0]))
    return TopicResult(tuple(topics), tuple(tuple(labels) for labels in per_entry))
