"""Topics: configured label → keywords, plus key phrases that recur across entries."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .words import ROLE_WORDS, STOPWORDS

_SAMPLE = 2000
_PIECE = re.compile(r"\w+")
_PHRASE_WORD = re.compile(r"[^\W\d_][\w'’\-]*|[.,;:!?()\[\]“”\"—–]")
_GENERIC = frozenset(
    ["people", "country", "countries", "government", "officials", "statement", "talks", "meeting", "comments", "report", "reports", "issue", "issues", "question", "questions", "thing", "things", "part", "lot", "number", "end", "start", "side", "sides", "way", "point"]
)


@dataclass(frozen=True)
class TopicResult:
    """Topics (label, keywords, entry indexes, automatic?) and each entry's topic labels."""

    topics: tuple[tuple[str, tuple[str, ...], tuple[int, ...], bool], ...]
    per_entry: tuple[tuple[str, ...], ...]


def _phrases(text: str, names: frozenset[str]) -> set[str]:
    """Two- and three-word phrases of content words within one clause."""
    found: set[str] = set()
    clause: list[str] = []
    for match in _PHRASE_WORD.finditer(text):
        word = match.group(0)
        if not word[:1].isalpha():
            clause = []
            continue
        lowered = word.lower().replace("’", "'")
        clause.append(lowered)
        for n in (2, 3):
            if len(clause) < n:
                continue
            gram = clause[-n:]
            if gram[0] in STOPWORDS or gram[-1] in STOPWORDS or gram[-1] in _GENERIC or gram[-1] in ROLE_WORDS:
                continue
            if gram[-1].endswith(("ed", "ly")) or gram[0].endswith("ly"):
                continue  # "Ukraine needed", "moved quickly": a clause, not a noun phrase
            if any(len(w) < 3 or w.endswith(("'s", "'")) for w in (gram[0], gram[-1])):
                continue
            if n == 3 and gram[1] in STOPWORDS and gram[1] not in ("of", "and"):
                continue
            phrase = " ".join(gram)
            if phrase in names or any(w in names for w in gram):
                continue
            found.add(phrase)
    return found


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A casefolded phrase as whole words; either apostrophe matches either."""
    escaped = re.escape(phrase.strip()).replace("'", "['’]").replace("’", "['’]")
    return re.compile(r"(?<!\w)" + escaped + r"(?!\w)")


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


def find_topics(
    texts: Sequence[str],
    defined: Sequence[tuple[str, Sequence[str]]],
    automatic: int,
    min_entries: int,
    person_names: Iterable[str] = (),
    other_names: Iterable[str] = (),
) -> TopicResult:
    """Assign configured topics by keyword, then add the most widespread recurring phrases.

    Each text is split into word pieces once; a keyword of one piece is a set look-up, and a
    longer one runs its regex only where all its pieces occur (one regex per keyword per
    entry was most of the cost).
    """
    per_entry: list[list[str]] = [[] for _ in texts]
    topics: list[tuple[str, tuple[str, ...], tuple[int, ...], bool]] = []
    configured_words: set[str] = set()
    matchers: list[tuple[str, tuple[str, ...], frozenset[str], tuple[_Phrase, ...], list[int]]] = []
    for label, keywords in defined:
        configured_words.update(k.lower() for k in keywords)
        folded = [k.strip().casefold() for k in keywords if k.strip()]
        singles = frozenset(k for k in folded if _PIECE.fullmatch(k))
        phrases = tuple(_Phrase.of(k) for k in folded if k not in singles)
        matchers.append((label, tuple(keywords), singles, phrases, []))

    chosen: list[str] = []
    step = max(1, len(texts) // _SAMPLE)
    where: dict[str, set[int]] = defaultdict(set)
    if automatic > 0:
        names = frozenset(part.lower() for name in person_names for part in name.split())
        known_names = {name.casefold() for name in other_names}
        # Phrases are discovered on an even sample of at most SAMPLE entries (a phrase common
        # enough to be a topic shows up in it), then found in every entry.
        for i in range(0, len(texts), step):
            for phrase in _phrases(texts[i], names):
                where[phrase].add(i)
        floor = min_entries if step == 1 else 2
        counts = Counter({p: len(ids) for p, ids in where.items() if len(ids) >= floor})
        for phrase, reach in sorted(counts.items(), key=lambda item: (-item[1], -len(item[0].split()), item[0])):
            if phrase in configured_words or phrase in known_names:
                continue
            # Skip a phrase inside (or containing) one already chosen with the same reach.
            if any((phrase in other or other in phrase) and counts[other] >= reach for other in chosen):
                continue
            chosen.append(phrase)
            if len(chosen) >= automatic:
                break
    search_all: list[tuple[str, _Phrase, list[int]]] = [(p, _Phrase.of(p), []) for p in chosen] if step > 1 else []
    found: dict[str, list[int]] = {phrase: sorted(where[phrase]) for phrase in chosen}

    for i, text in enumerate(texts):
        lowered = text.casefold()
        vocabulary = set(_PIECE.findall(lowered))  # one text at a time: no per-entry sets kept
        for label, _, singles, phrases, hits in matchers:
            if not singles.isdisjoint(vocabulary) or any(p.in_text(lowered, vocabulary) for p in phrases):
                hits.append(i)
                per_entry[i].append(label)
        for _, automatic_phrase, phrase_hits in search_all:
            if automatic_phrase.in_text(lowered, vocabulary):
                phrase_hits.append(i)
    for label, keywords, _, _, hits in matchers:
        if hits:
            topics.append((label, keywords, tuple(hits), False))
    found.update({phrase: phrase_hits for phrase, _, phrase_hits in search_all})
    for phrase in chosen:
        ids = tuple(found[phrase])
        if len(ids) < min_entries:
            continue
        label = phrase[0].upper() + phrase[1:]
        topics.append((label, (phrase,), ids, True))
        for i in ids:
            per_entry[i].append(label)
    topics.sort(key=lambda t: (-len(t[2]), t[0]))
    return TopicResult(tuple(topics), tuple(tuple(labels) for labels in per_entry))
