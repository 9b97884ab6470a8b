"""Synthetic briefing corpora for the benchmark: realistic shapes, recurring actors, duplicates.

`python bench/generate.py OUT_DIR --entries 10000` writes a mix of plain-text live blogs,
Markdown newsletters, HTML pages and an RSS feed. About 10% of entries are exact repeats and
10% near-duplicates (a fifth of the words reworded, sometimes one more sentence), like the
pinned posts and re-published stories of real live blogs. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import html
import random
from datetime import datetime, timedelta
from pathlib import Path

FIRST = ["Anna", "Marek", "Sofia", "Tomas", "Lena", "Pavel", "Irina", "Jonas", "Elena", "Mikael", "Clara", "Rui", "Ines", "Omar", "Yara", "Kenji", "Aiko", "Lars", "Ewa", "Piotr"]
LAST = ["Novak", "Lindqvist", "Duarte", "Haddad", "Kowalski", "Sato", "Berg", "Ortega", "Petrov", "Okafor", "Marsh", "Aasland", "Ferreira", "Dimitrov", "Varga", "Holm", "Keller", "Moreau", "Rossi", "Nakamura"]
ROLES = ["president", "prime minister", "foreign minister", "energy minister", "spokesperson", "chief negotiator", "defence minister"]
COUNTRIES = ["Ukraine", "Poland", "Germany", "France", "Finland", "Norway", "Estonia", "Japan", "Brazil", "Kenya", "Canada", "Italy", "Spain", "Turkey", "India"]
DEMONYMS = {"Ukraine": "Ukrainian", "Poland": "Polish", "Germany": "German", "France": "French", "Finland": "Finnish", "Norway": "Norwegian",
            "Estonia": "Estonian", "Japan": "Japanese", "Brazil": "Brazilian", "Kenya": "Kenyan", "Canada": "Canadian", "Italy": "Italian",
            "Spain": "Spanish", "Turkey": "Turkish", "India": "Indian"}  # fmt: skip
ORGS = ["the European Union", "Nato", "the United Nations", "the World Bank", "the IMF", "the Red Cross", "Opec"]
TOPICS = ["gas storage", "grid links", "security guarantees", "grain exports", "interest rates", "wildfire season",
          "port strike", "rail freight", "drone attacks", "peace talks", "trade tariffs", "vaccine supply"]  # fmt: skip
VERBS = ["said", "warned", "told reporters", "insisted", "announced", "confirmed"]
FILLER = ("the talks would resume next week", "the plan needed more money", "the region could not wait any longer",
          "officials were studying the proposal", "further measures were being prepared", "the figures were better than expected",
          "the decision would be reviewed in the spring", "the deal covered about a fifth of demand")  # fmt: skip
SYNONYMS = {"said": "stated", "warned": "cautioned", "talks": "negotiations", "plan": "proposal", "week": "fortnight",
            "officials": "diplomats", "region": "area", "measures": "steps", "expected": "forecast", "deal": "agreement",
            "about": "roughly", "more": "additional", "could": "might", "would": "will", "next": "following"}  # fmt: skip


def person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", last


def make_entry(rng: random.Random, serial: int) -> tuple[str, str]:
    country = rng.choice(COUNTRIES)
    full, last = person(rng)
    topic = rng.choice(TOPICS)
    org = rng.choice(ORGS)
    title = f"{country} {rng.choice(['weighs', 'backs', 'rejects', 'delays', 'speeds up'])} {topic} plan as {last} {rng.choice(['meets', 'calls', 'visits'])} {rng.choice(COUNTRIES)}"
    sentences = [
        f"{DEMONYMS[country]} {rng.choice(ROLES)} {full} {rng.choice(VERBS)} that {rng.choice(FILLER)}, in remarks on {topic} (ref {serial}).",
        f"{last} added that {org} had offered {rng.randint(2, 90)} million euros and that {rng.choice(FILLER)}.",
        f"Talks on {topic} between {country} and {rng.choice(COUNTRIES)} have stalled for {rng.randint(2, 30)} weeks, according to {org}.",
    ]
    for _ in range(rng.randint(1, 4)):
        sentences.append(f"{rng.choice(['Analysts', 'Diplomats', 'Officials'])} said {rng.choice(FILLER)} and that {rng.choice(FILLER)}.")
    paragraphs = [" ".join(sentences[:2]), " ".join(sentences[2:])]
    return title, "\n\n".join(paragraphs)


# The long-entry corpus: wire copy and live-blog posts of 200–300 words in 3–5 paragraphs, with
# a small stock of names and phrases recurring across thousands of entries (what real desks
# write, and what makes shingles common to a large share of entries).
LONG_PEOPLE = ["Anna Novak", "Marek Lindqvist", "Sofia Duarte", "Tomas Haddad", "Lena Kowalski", "Pavel Sato",
               "Irina Berg", "Jonas Ortega", "Elena Petrov", "Mikael Okafor", "Clara Marsh", "Rui Aasland",
               "Ines Ferreira", "Omar Dimitrov", "Yara Varga", "Kenji Holm"]  # fmt: skip
LONG_PLACES = ["Kyiv", "Warsaw", "Berlin", "Paris", "Helsinki", "Oslo", "Tallinn", "Tokyo", "Brasília", "Nairobi",
               "Ottawa", "Rome", "Madrid", "Ankara", "Delhi", "Brussels"]  # fmt: skip
LONG_ORGS = ["the European Commission", "Nato", "the United Nations", "the World Bank", "the IMF", "the Red Cross",
             "Opec", "the International Energy Agency"]  # fmt: skip
LONG_SUBJECTS = ["gas storage", "grid links", "security guarantees", "grain exports", "interest rates", "wildfire season",
                 "the port strike", "rail freight", "drone attacks", "peace talks", "trade tariffs", "vaccine supply",
                 "fishing quotas", "steel output", "the budget deficit"]  # fmt: skip
STOCK = ["officials said", "according to people familiar with the talks", "a spokesperson declined to comment",
         "it was not immediately clear", "speaking on condition of anonymity", "analysts said",
         "the move comes as", "in a statement on", "people briefed on the discussions said"]  # fmt: skip
ROLES_LONG = ["foreign minister", "energy minister", "prime minister", "chief negotiator", "central bank governor",
              "trade commissioner", "defence minister", "spokesperson"]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_long_entry(rng: random.Random, serial: int) -> tuple[str, str]:
    who, other = rng.sample(LONG_PEOPLE, 2)
    place, elsewhere = rng.sample(LONG_PLACES, 2)
    org, subject = rng.choice(LONG_ORGS), rng.choice(LONG_SUBJECTS)
    surname, day = who.split()[-1], rng.choice(DAYS)
    title = f"{who.split()[-1]} {rng.choice(['warns on', 'backs', 'rejects', 'signals shift on', 'calls for talks on'])} {subject} in {place}"

    def sentence() -> str:
        pick = rng.randrange(8)
        number = rng.randint(2, 95)
        if pick == 0:
            return f"{surname} told reporters in {place} that the {subject} plan {rng.choice(['was on track', 'needed more money', 'could slip by a year', 'had wide support'])}, {rng.choice(STOCK)}."
        if pick == 1:
            return f"{org[0].upper() + org[1:]} put the cost at {number} billion euros, {rng.choice(STOCK)}."
        if pick == 2:
            return f"The {rng.choice(ROLES_LONG)}, {other}, {rng.choice(['said', 'warned', 'insisted'])} on {day} that talks with {elsewhere} would {rng.choice(['resume', 'continue', 'be delayed'])} within {number} days."
        if pick == 3:
            return f"{rng.choice(STOCK).capitalize()}, the proposal on {subject} would cover about {number} percent of demand by the winter."
        if pick == 4:
            return f"In {elsewhere}, {rng.choice(['protesters', 'unions', 'farmers', 'business groups'])} said the measures on {subject} went {rng.choice(['too far', 'not far enough'])}."
        if pick == 5:
            return f"{other.split()[-1]} added that {org} had been asked to review the figures, {rng.choice(STOCK)}."
        if pick == 6:
            return f"It was the {rng.choice(['second', 'third', 'fourth'])} meeting on {subject} this month, and {rng.choice(STOCK)}."
        return f"Markets in {place} {rng.choice(['rose', 'fell', 'were flat'])} {number / 10:.1f} percent after the remarks, {rng.choice(STOCK)}."

    lead = f"{who}, the {rng.choice(ROLES_LONG)}, {rng.choice(['said', 'warned', 'announced'])} in {place} on {day} that {subject} {rng.choice(['would top the agenda', 'could not wait', 'needed a new approach'])} (ref {serial})."
    paragraphs = [" ".join([lead, sentence(), sentence()])]
    for _ in range(rng.randint(2, 4)):
        paragraphs.append(" ".join(sentence() for _ in range(rng.randint(2, 4))))
    body = "\n\n".join(paragraphs)
    while len(body.split()) < 200:
        body += " " + sentence()
    return title, body


def reword(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for index, word in enumerate(words):
        if word in SYNONYMS and rng.random() < 0.8:
            words[index] = SYNONYMS[word]
    return " ".join(words)


def corpus(total: int, seed: int = 7, long: bool = False) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    make = make_long_entry if long else make_entry
    entries: list[tuple[str, str]] = []
    while len(entries) < total:
        roll = rng.random()
        if entries and roll < 0.10:
            entries.append(rng.choice(entries))  # exact repeat (pinned post, key event)
        elif entries and roll < 0.20:
            title, body = rng.choice(entries)
            extra = " Further details are expected later today." if rng.random() < 0.5 else ""
            entries.append((title, reword(rng, body) + extra))
        else:
            entries.append(make(rng, len(entries)))
    return entries


def write_text(path: Path, chunk: list[tuple[str, str]], start: datetime) -> None:
    lines = [f"Live briefing\n{start:%A, %d %B %Y}\n"]
    for offset, (title, body) in enumerate(chunk):
        moment = start + timedelta(hours=23) - timedelta(minutes=offset * 7 % 1380)
        lines.append(f"{moment:%H.%M} BST\n{title}\n{body.replace(chr(10) * 2, chr(10))}\nShare\n")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_markdown(path: Path, chunk: list[tuple[str, str]], start: datetime) -> None:
    parts = [f"# Morning newsletter — {start:%d %B %Y}\n"]
    for title, body in chunk:
        parts.append(f"## {title}\n\n{body}\n")
    path.write_text("\n".join(parts), encoding="utf-8")


def write_html(path: Path, chunk: list[tuple[str, str]], start: datetime) -> None:
    posts = []
    for offset, (title, body) in enumerate(chunk):
        moment = start + timedelta(minutes=offset)
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
        posts.append(f'<article class="post"><time datetime="{moment.isoformat()}+00:00">{moment:%H:%M}</time><h2>{html.escape(title)}</h2>{paras}</article>')
    path.write_text(f"<html><head><title>Live</title></head><body><nav><a href='/'>Home</a></nav><main>{''.join(posts)}</main><footer>Footer</footer></body></html>", encoding="utf-8")


def write_rss(path: Path, chunk: list[tuple[str, str]], start: datetime) -> None:
    items = []
    for offset, (title, body) in enumerate(chunk):
        moment = start + timedelta(minutes=offset)
        description = html.escape("".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n")))
        items.append(
            f"<item><title>{html.escape(title)}</title><link>https://example.org/{offset}</link>"
            f"<pubDate>{moment:%a, %d %b %Y %H:%M:%S} +0000</pubDate><description>{description}</description></item>"
        )
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed</title>{"".join(items)}</channel></rss>', encoding="utf-8")


WRITERS = (("txt", write_text), ("md", write_markdown), ("html", write_html), ("xml", write_rss))


def generate(out: Path, total: int, per_file: int = 250, seed: int = 7, long: bool = False) -> list[Path]:
    """Write ``total`` entries into files of ``per_file`` entries, cycling through the formats
    (``long``: the long-entry corpus, in Markdown files of 100 entries)."""
    out.mkdir(parents=True, exist_ok=True)
    entries = corpus(total, seed, long)
    if long:
        per_file = 100
    written: list[Path] = []
    day = datetime(2025, 1, 1)
    for number, start in enumerate(range(0, total, per_file)):
        extension, writer = ("md", write_markdown) if long else WRITERS[number % len(WRITERS)]
        path = out / f"briefing-{number:05d}.{extension}"
        writer(path, entries[start : start + per_file], day + timedelta(days=number))
        written.append(path)
    return written


def write_feed(path: Path, total: int, seed: int = 11, long: bool = False) -> Path:
    """One RSS feed of ``total`` items (for the newsboat comparison; ``long``: long-corpus entries)."""
    write_rss(path, corpus(total, seed, long), datetime(2025, 1, 1))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--feed", action="store_true", help="write one RSS feed instead of a mixed corpus")
    parser.add_argument("--long", action="store_true", help="200-300-word entries from a small stock of names and phrases")
    args = parser.parse_args()
    if args.feed:
        print(write_feed(args.out, args.entries, long=args.long))
    else:
        print(len(generate(args.out, args.entries, long=args.long)), "files")


if __name__ == "__main__":
    main()
