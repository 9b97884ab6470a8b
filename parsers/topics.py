"""Topics: configured label → keywords, plus key phrases that recur across entries."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .words import ROLE_WORDS, STOPWORDS

_SAMPLE = 2000
_WORDS = re.compile(r"\w+(?:['’\-]\w+)*")
_PHRASE_WORD = re.compile(r"[^\W\d_][\w'’\-]*|[.,;:!?()\[\]“”\"—–]")
_GENERIC = frozenset(
    ["people", "country", "countries", "government", "officials", "statement", "talks", "meeting", "comments", "report", "reports", "issue", "issues", "question", "questions", "thing", "things", "part", "lot", "number", "end", "start", "side", "sides", "way", "point"]
)


@dataclass(frozen=True)
class TopicResult:
    """Topics (label, keywords, entry indexes, automatic?) and each entry's topic labels."""

    topics: tuple[tuple[str, tuple[str, ...], tuple[int, ...], bool], ...]
    per_entry: tuple[tuple[str, ...], ...]


def _keyword_pattern(keywords: Iterable[str]) -> re.Pattern[str] | None:
    words = [re.escape(k.strip()) for k in keywords if k.strip()]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?!\w)", re.I)


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


def find_topics(
    texts: Sequence[str],
    defined: Sequence[tuple[str, Sequence[str]]],
    automatic: int,
    min_entries: int,
    person_names: Iterable[str] = (),
    other_names: Iterable[str] = (),
) -> TopicResult:
    """Assign configured topics by keyword, then add the most widespread recurring phrases."""
    per_entry: list[list[str]] = [[] for _ in texts]
    topics: list[tuple[str, tuple[str, ...], tuple[int, ...], bool]] = []
    configured_words: set[str] = set()
    lowered = [text.casefold() for text in texts]
    matchers: list[tuple[str, tuple[str, ...], frozenset[str], re.Pattern[str] | None, list[int]]] = []
    for label, keywords in defined:
        configured_words.update(k.lower() for k in keywords)
        singles = frozenset(k.casefold().strip() for k in keywords if k.strip() and _WORDS.fullmatch(k.casefold().strip()))
        phrases = [k for k in keywords if k.strip() and k.casefold().strip() not in singles]
        matchers.append((label, tuple(keywords), singles, _keyword_pattern(phrases), []))
    for i, text in enumerate(lowered):
        vocabulary = set(_WORDS.findall(text))  # one text at a time: no per-entry sets kept
        for label, _, singles, pattern, hits in matchers:
            if not singles.isdisjoint(vocabulary) or (pattern is not None and pattern.search(text)):
                hits.append(i)
                per_entry[i].append(label)
    for label, keywords, _, _, hits in matchers:
        if hits:
            topics.append((label, keywords, tuple(hits), False))

    if automatic > 0:
        names = frozenset(part.lower() for name in person_names for part in name.split())
        known_names = {name.casefold() for name in other_names}
        # Phrases are discovered on an even sample of at most SAMPLE entries (a phrase common
        # enough to be a topic shows up in it), then found in every entry by one regex.
        step = max(1, len(texts) // _SAMPLE)
        sample = range(0, len(texts), step)
        where: dict[str, set[int]] = defaultdict(set)
        for i in sample:
            for phrase in _phrases(texts[i], names):
                where[phrase].add(i)
        floor = min_entries if step == 1 else 2
        counts = Counter({p: len(ids) for p, ids in where.items() if len(ids) >= floor})
        chosen: list[str] = []
        for phrase, count in sorted(counts.items(), key=lambda item: (-item[1], -len(item[0].split()), item[0])):
            if phrase in configured_words or phrase in known_names:
                continue
            # Skip a phrase inside (or containing) one already chosen with the same reach.
            if any((phrase in other or other in phrase) and counts[other] >= count for other in chosen):
                continue
            chosen.append(phrase)
            if len(chosen) >= automatic:
                break
        found: dict[str, list[int]] = {phrase: [] for phrase in chosen}
        if chosen and step > 1:
            pattern = _keyword_pattern(chosen)
            assert pattern is not None
            for i, text in enumerate(lowered):
                for hit in set(pattern.findall(text)):
                    phrase = hit.replace("’", "'")
                    if phrase in found:
                        found[phrase].append(i)
        else:
            found = {phrase: sorted(where[phrase]) for phrase in chosen}
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
