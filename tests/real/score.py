"""Score Brief on real data whose answers are known: article pages (headline, byline, text)
and feed files (each item's title, author, text). Prints precision and recall per field.

    python tests/real/score.py                    # the sets kept here (see README.md)
    python tests/real/score.py --articles DIR     # a whole Readability-style suite
    python tests/real/score.py --feeds DIR --expected FILE   # a whole feed suite (make_expected.py)
    python tests/real/score.py --snippets DIR     # a trafilatura-style suite (evaldata.json)
    python tests/real/score.py --live DIR         # saved live pages that declare their posts (JSON-LD)
    python tests/real/score.py --newsletters DIR  # Markdown newsletter issues (Pelican "Title:" lines)
    python tests/real/score.py --items DIR        # real feeds, every item expected (tests/real/rss)
    python tests/real/score.py --goose DIR        # a goose3-style suite (test_X.html beside test_X.json)
    python tests/real/score.py --mercury DIR      # a clone of postlight/parser (its custom extractors' tests)
    python tests/real/score.py --digests DIR      # mailing list digests (Mailman's "Message: N" blocks)
    python tests/real/score.py -v                 # and every miss

Matching is deliberately plain: titles and bylines after case and space are folded (a title
the expected one only adds the site's name to counts: suites take a page's <title> where it has
nothing better); bodies as multisets of words, so order and markup do not count. Snippet
suites (trafilatura's) list passages a page's text must hold and boilerplate it must not: each
is looked for in the text of all the page's entries, spaces folded, Markdown taken off.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from brief.parsers.model import RawEntry
from brief.parsers.settings import default_settings
from brief.parsers.source import read_source
from brief.parsers.text_clean import first_sentence

HERE = Path(__file__).resolve().parent

_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def html_text(markup: str) -> str:
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def _fold(text: str) -> str:
    # One text in two Unicode forms is the same text (Brief gives composed letters, NFC).
    text = unicodedata.normalize("NFC", html.unescape(text or "")).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("…", "...").replace("–", "-").replace("—", "-")  # typography, not wording
    return re.sub(r"\s+", " ", text).strip().casefold().strip(" .")


def title_matches(got: str, want: str) -> bool:
    g, w = _fold(got), _fold(want)
    if not g or not w:
        return False
    if g == w:
        return True
    rest = w[len(g) :] if w.startswith(g) else ""
    if rest and len(g) >= 0.4 * len(w) and re.match(r"\s*[_|\-–—:·<＜(\[@]", rest):
        return True
    for separator in (" | ", " - ", " – ", " — ", " :: ", " · "):
        parts = w.split(separator)
        if len(parts) > 1 and (g == separator.join(parts[:-1]) or g == separator.join(parts[1:]) or g in parts):
            return True
    return False


def byline_matches(got: str | None, want: str) -> bool:
    """The same people: the letters of one byline's words are all in the other's."""
    g = set(_LETTERS.findall(_fold(got or "")))
    w = set(_LETTERS.findall(_fold(want))) - {"by"}
    return bool(g) and bool(w) and (w <= g or g <= w)


@dataclass
class Tally:
    """Counts for one set: titles, bylines (precision and recall), bodies (mean per case)."""

    cases: int = 0
    with_entries: int = 0
    titles_expected: int = 0
    titles_given: int = 0
    titles_right: int = 0
    bylines_expected: int = 0
    bylines_given: int = 0
    bylines_right: int = 0
    body_recall: list[float] = field(default_factory=list)
    body_precision: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def title_recall(self) -> float:
        return self.ratio(self.titles_right, self.titles_expected)

    @property
    def title_precision(self) -> float:
        return self.ratio(self.titles_right, self.titles_given)

    @property
    def byline_recall(self) -> float:
        return self.ratio(self.bylines_right, self.bylines_expected)

    @property
    def byline_precision(self) -> float:
        return self.ratio(self.bylines_right, self.bylines_given)

    @property
    def mean_body_recall(self) -> float:
        return sum(self.body_recall) / len(self.body_recall) if self.body_recall else 1.0

    @property
    def mean_body_precision(self) -> float:
        return sum(self.body_precision) / len(self.body_precision) if self.body_precision else 1.0

    def report(self, label: str) -> str:
        return "\n".join(
            (
                f"{label}: {self.cases} cases, entries in {self.with_entries} ({self.ratio(self.with_entries, self.cases):.3f})",
                f"  titles   precision {self.title_precision:.3f} ({self.titles_right}/{self.titles_given})"
                f"  recall {self.title_recall:.3f} ({self.titles_right}/{self.titles_expected})",
                f"  bylines  precision {self.byline_precision:.3f} ({self.bylines_right}/{self.bylines_given})"
                f"  recall {self.byline_recall:.3f} ({self.bylines_right}/{self.bylines_expected})",
                f"  bodies   precision {self.mean_body_precision:.3f}  recall {self.mean_body_recall:.3f}"
                " (words, mean per case)"
                if self.body_recall
                else "  bodies   (no expected text: see the passages above)",
            )
        )


def _score_case(
    tally: Tally,
    name: str,
    entries: Iterable[RawEntry],
    title: str,
    byline: str,
    text: str,
    whole_page: bool,
    byline_known: bool = True,
) -> None:
    """``byline_known``: whether an empty ``byline`` means the page names no author (else it
    was not annotated, and a byline given is not counted either way)."""
    found = list(entries)
    tally.cases += 1
    if found:
        tally.with_entries += 1
    # The entry the case is about: a page's longest (its article), a feed's first item.
    main = (max(found, key=lambda e: len(e.body)) if whole_page else found[0]) if found else None
    if title:
        tally.titles_expected += 1
    derived = main is not None and main.title == first_sentence(main.body)
    if main is not None and not (derived and not title):  # a title made from the text claims nothing
        tally.titles_given += 1
        candidates = (found[0], main) if whole_page else (main,)
        if title and any(title_matches(e.title, title) for e in candidates):
            tally.titles_right += 1
        elif title:
            tally.misses.append(f"title  {name}: {main.title[:70]!r} for {title[:70]!r}")
    if byline:
        tally.bylines_expected += 1
    if main is not None and main.author and (byline or byline_known):
        tally.bylines_given += 1
        if byline and byline_matches(main.author, byline):
            tally.bylines_right += 1
        else:
            tally.misses.append(f"byline {name}: {main.author!r} for {byline!r}")
    elif byline:
        tally.misses.append(f"byline {name}: none for {byline!r}")
    want = words(text)
    if want:
        # A page's headings are in its expected text; a feed item's title is not in its body.
        got = words("\n".join(f"{e.title}\n{e.body}" for e in found) if whole_page else (found[0].body if found else ""))
        shared = sum((want & got).values())
        tally.body_recall.append(shared / sum(want.values()))
        tally.body_precision.append(shared / sum(got.values()) if got else 0.0)
        if tally.body_recall[-1] < 0.9:
            tally.misses.append(f"body   {name}: recall {tally.body_recall[-1]:.2f}")


def score_articles(root: Path) -> Tally:
    """Pages laid out as Mozilla Readability's test suite: DIR/CASE/source.html with
    expected-metadata.json (title, byline) and expected.html (the article's text)."""
    tally, settings = Tally(), default_settings()
    for case in sorted(p for p in root.iterdir() if (p / "expected-metadata.json").exists()):
        meta = json.loads((case / "expected-metadata.json").read_text(encoding="utf-8"))
        if not meta.get("readerable", True):
            continue
        parsed = read_source(str(case / "source.html"), settings)
        text = html_text((case / "expected.html").read_text(encoding="utf-8"))
        _score_case(tally, case.name, parsed.entries, meta.get("title") or "", meta.get("byline") or "", text, True)
    return tally


_JS_STRING = r"""\s*(['"`])((?:\\.|(?!\1).)*)\1"""


def _js_expected(segment: str, field: str) -> str:
    """The string a Mercury-style test asserts a field equals (``assert.equal(title, `…`)``),
    JavaScript escapes undone; "" where it asserts none or ``null``."""
    found = re.search(rf"assert\.equal\(\s*{field}\s*,{_JS_STRING}", segment, re.S)
    return re.sub(r"\\(.)", r"\1", found.group(2)).strip() if found else ""


def mercury_cases(root: Path) -> Iterator[tuple[Path, str, str, str]]:
    """(page, title, author, opening) of each fixture of a clone of postlight/parser (once
    Mercury): fixtures/HOST.html and, in src/extractors/custom/HOST/index.test.js, the title,
    author and first 13 words of the article's text it must find there (each fixture's own
    block of the test file)."""
    for test in sorted((root / "src" / "extractors" / "custom").glob("*/index.test.js")):
        source = test.read_text(encoding="utf-8")
        reads = list(re.finditer(r"readFileSync\(\s*['\"]\./(fixtures/[^'\"]+)['\"]", source))
        for number, read in enumerate(reads):
            segment = source[read.end() : reads[number + 1].start() if number + 1 < len(reads) else len(source)]
            page = root / read.group(1)
            if page.is_file():
                title, author, opening = (_js_expected(segment, name) for name in ("title", "author", "first13"))
                yield page, title, author, opening


def score_mercury(root: Path) -> Tally:
    """Postlight's parser's pages: a clone of it (see ``mercury_cases``), or a folder kept as
    tests/real/mercury is (files/ and the expected.json its make_expected.py writes)."""
    tally, settings = Tally(), default_settings()
    if (root / "expected.json").is_file():
        kept = json.loads((root / "expected.json").read_text(encoding="utf-8"))
        cases = [(root / "files" / case["file"], case["title"], case["author"], case["opening"]) for case in kept]
    else:
        cases = list(mercury_cases(root))
    for page, title, author, opening in cases:
        parsed = read_source(str(page), settings)
        _score_case(tally, page.name, parsed.entries, title, author, opening, True, byline_known=False)
    return tally


@dataclass
class Openings:
    """Pages whose known text is where the article starts (goose3's ``cleaned_text`` is often
    cut after a paragraph): the share of its words Brief's entries hold, all of them and the
    article's own (the page's longest), and the titles where the suite names one."""

    recall_all: list[float] = field(default_factory=list)
    recall_main: list[float] = field(default_factory=list)
    titles: int = 0
    titles_right: int = 0
    misses: list[str] = field(default_factory=list)

    def report(self) -> str:
        cases = len(self.recall_all)
        mean_all = sum(self.recall_all) / cases if cases else 1.0
        mean_main = sum(self.recall_main) / cases if cases else 1.0
        return (
            f"goose pages: {cases} cases, known text's words recall {mean_all:.3f} in all entries, "
            f"{mean_main:.3f} in the article's; titles {self.titles_right} of {self.titles}"
        )


def score_goose(root: Path) -> Openings:
    """Pages laid out as goose3's suite: DIR/test_X.html beside DIR/test_X.json, whose
    ``expected`` gives the article's text (its start, or all of it) and at times its title."""
    found, settings = Openings(), default_settings()
    for case in sorted(root.glob("*.json")):
        expected = json.loads(case.read_text(encoding="utf-8")).get("expected", {})
        want = words(expected.get("cleaned_text") or "")
        page = case.with_suffix(".html")
        if not want or not page.exists():
            continue
        entries = read_source(str(page), settings).entries
        main = max(entries, key=lambda e: len(e.body)) if entries else None
        every = words("\n".join(f"{e.title}\n{e.body}" for e in entries))
        own = words(f"{main.title}\n{main.body}") if main is not None else Counter()
        total = sum(want.values())
        found.recall_all.append(sum((want & every).values()) / total)
        found.recall_main.append(sum((want & own).values()) / total)
        if found.recall_main[-1] < 0.9:
            found.misses.append(f"body   {case.stem}: recall {found.recall_main[-1]:.2f} in {main.title[:50] if main else None!r}")
        title = expected.get("title")
        if title:
            found.titles += 1
            if main is not None and any(title_matches(e.title, title) for e in (entries[0], main)):
                found.titles_right += 1
            else:
                found.misses.append(f"title  {case.stem}: {main.title[:70] if main else None!r} for {title[:70]!r}")
    return found


def score_feeds(root: Path, expected_file: Path) -> Tally:
    """Feed files with what a reference parser found in each one's first readable item."""
    tally, settings = Tally(), default_settings()
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    for name, want in sorted(expected.items()):
        parsed = read_source(str(root / name), settings)
        _score_case(tally, name, parsed.entries, want["title"], want.get("author") or "", want["body"], False)
        for entry in parsed.entries:
            for value in (entry.title, entry.body, entry.link or "", entry.author or ""):
                if UNSAFE.search(value):
                    tally.misses.append(f"UNSAFE {name}: {value[:80]!r}")
    return tally


_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")


def plain_words(text: str) -> str:
    """An entry's Markdown as the words a reader sees, spaces folded (for snippet matching)."""
    text = _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", text)).replace("\\", "")
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


@dataclass
class Snippets:
    """Passages found (true positives), boilerplate found (false positives), and the rest."""

    found: int = 0
    missed: int = 0
    boilerplate_in: int = 0
    boilerplate_out: int = 0

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.boilerplate_in) if self.found + self.boilerplate_in else 1.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + self.missed) if self.found + self.missed else 1.0


def score_snippets(root: Path, limit: int | None = None) -> tuple[Tally, Snippets]:
    """Pages laid out as trafilatura's evaluation: DIR/evaldata.json naming each page's file
    (in DIR/files, DIR/cache or DIR/eval) with the passages its text holds ("with"), the boilerplate it
    must not ("without"), and where known its title and author."""
    tally, snippets, settings = Tally(), Snippets(), default_settings()
    data = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    for _url, item in sorted(data.items())[:limit]:
        path = next((root / sub / item["file"] for sub in ("files", "cache", "eval") if (root / sub / item["file"]).is_file()), None)
        if path is None:
            continue
        parsed = read_source(str(path), settings)
        author = item.get("author") or ""
        author = "; ".join(author) if isinstance(author, list) else author
        # Trafilatura's set annotates the author of some pages only: an empty one is unknown.
        _score_case(tally, item["file"], parsed.entries, item.get("title") or "", author, "", True, byline_known=False)
        text = plain_words("\n".join(f"{e.title}\n{e.body}" for e in parsed.entries))
        for passage in item["with"]:
            if re.sub(r"\s+", " ", passage).strip() in text:
                snippets.found += 1
            else:
                snippets.missed += 1
                tally.misses.append(f"with   {item['file']}: {passage[:60]!r}")
        for passage in item["without"]:
            if re.sub(r"\s+", " ", passage).strip() in text:
                snippets.boilerplate_in += 1
                tally.misses.append(f"w/out  {item['file']}: {passage[:60]!r}")
            else:
                snippets.boilerplate_out += 1
    return tally, snippets


@dataclass
class Live:
    """A live page's posts against the ones it declares (its JSON-LD ``liveBlogUpdate``)."""

    posts: int = 0
    """Distinct posts declared: updates with the same text are one post shown twice."""
    given: int = 0
    """Entries read, less the blog's own opening entry under its headline."""
    found: int = 0
    timed_right: int = 0
    seen_right: int = 0
    misses: list[str] = field(default_factory=list)

    def report(self, label: str = "live pages") -> str:
        precision = self.found / self.given if self.given else 1.0
        recall = self.found / self.posts if self.posts else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            f"{label}: post titles precision {precision:.3f} ({self.found}/{self.given})  recall {recall:.3f}"
            f" ({self.found}/{self.posts})  F1 {f1:.3f}; time right {self.timed_right} of {self.found};"
            f" seen right {self.seen_right} of {self.found}"
        )


def _declared_updates(markup: str) -> tuple[str, list[dict[str, str]]]:
    """The headline and updates a page declares in its JSON-LD, read with the standard library."""
    for script in re.findall(r"(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script>", markup):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for node in data if isinstance(data, list) else [data]:
            if isinstance(node, dict) and node.get("liveBlogUpdate"):
                return str(node.get("headline") or ""), [u for u in node["liveBlogUpdate"] if isinstance(u, dict)]
    return "", []


def _same_words(got: Counter[str], want: Counter[str]) -> bool:
    """One text, give or take a few words (an image's alt text, a label): word F1 ≥ 0.8."""
    common = sum((got & want).values())
    return bool(common) and 2 * common / (sum(got.values()) + sum(want.values())) >= 0.8


def score_live(root: Path, copies: bool = False) -> Live:
    """Saved live pages (DIR/*.html) scored against the posts each declares for search engines:
    their headlines, times (the clock time the page states) and texts (two updates of one text
    are one entry seen twice). Brief reads the page's HTML, not that declaration. ``copies``:
    score instead each page's select-all text copy beside it (PAGE.txt, see make_dump.py)."""
    from brief.parsers.load import load

    live = Live()
    for page in sorted(root.glob("*.html")):
        path = page.with_suffix(".txt") if copies else page
        if not path.is_file():
            continue
        headline, updates = _declared_updates(page.read_text(encoding="utf-8", errors="replace"))
        if not updates and page.with_suffix(".json").is_file():  # declared in microdata only: make_expected.py
            reference = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
            headline, updates = reference["headline"], reference["liveBlogUpdate"]
        groups: dict[str, list[dict[str, str]]] = {}
        for update in updates:
            text = " ".join(sorted(words(html_text(update.get("articleBody") or "")).elements()))
            groups.setdefault(text or f"(no text) {update.get('headline')}", []).append(update)
        entries = [e for e in load([str(path)]).entries if not title_matches(e.title, headline)]
        live.posts += len(groups)
        live.given += len(entries)
        for group in groups.values():
            entry = next((e for e in entries for u in group if title_matches(e.title, u.get("headline") or "")), None)
            if entry is None and not group[0].get("headline"):
                # A post with no headline of its own: the entry whose text is its text.
                want = words(html_text(group[0].get("articleBody") or ""))
                entry = next((e for e in entries if _same_words(words(e.body), want)), None)
            if entry is None:
                label = group[0].get("headline") or group[0].get("articleBody") or ""
                live.misses.append(f"post   {path.name}: {label[:60]!r}")
                continue
            live.found += 1
            clock = {str(u.get("datePublished") or "")[11:16] for u in group}
            live.timed_right += (entry.published or "")[11:16] in clock
            live.seen_right += entry.seen == len(group)
            if entry.seen != len(group):
                live.misses.append(f"seen   {path.name}: {entry.title[:60]!r} seen {entry.seen}, declared {len(group)}")
    return live


@dataclass
class Items:
    """Every item of real feeds against another parser's reading of them."""

    files: int = 0
    items: int = 0
    found: int = 0
    titles: int = 0
    links: int = 0
    authors_expected: int = 0
    authors: int = 0
    body_recall: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def report(self) -> str:
        ratio = lambda part, whole: part / whole if whole else 1.0  # noqa: E731
        recall = sum(self.body_recall) / len(self.body_recall) if self.body_recall else 1.0
        return (
            f"feed items: {self.files} files, {self.items} items; found {ratio(self.found, self.items):.3f},"
            f" titles {ratio(self.titles, self.items):.3f}, links {ratio(self.links, self.items):.3f},"
            f" authors {ratio(self.authors, self.authors_expected):.3f} ({self.authors}/{self.authors_expected}),"
            f" text recall {recall:.3f} (words, mean per item)"
        )


def _reference_text(text: str) -> str:
    """A reference's text as a reader sees it: tags taken off, entities decoded."""
    return " ".join(html_text(html.unescape(text)).split())


def _title_agrees(got: str, want: str) -> bool:
    """A title matches the reference's; a character the reference could not decode (U+FFFD,
    its mojibake) matches any one to three characters."""
    want = " ".join(re.sub(r"<[^>]+>", "", html.unescape(want)).split())  # "ft<sup>2</sup>": "ft2"
    if "\ufffd" not in want:
        return title_matches(got, want)
    pattern = "".join(".{1,3}" if ch == "\ufffd" else re.escape(ch) for ch in _fold(want))
    return re.fullmatch(pattern, _fold(got)) is not None


def score_feed_items(root: Path) -> Items:
    """Real feeds (DIR/files) and every item another parser read from them (DIR/expected.json,
    made by make_expected.py): each item found by its title or link, its link (an address the
    reference left relative counts when Brief's ends with it), author and the words of its text."""
    tally, settings = Items(), default_settings()
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    for name, items in sorted(expected.items()):
        entries = read_source(str(root / "files" / name), settings).entries
        tally.files += 1
        readable = [item for item in items if item["title"] or item["text"] or item["link"]]
        for item in readable:
            tally.items += 1
            link = item["link"].strip()
            by_title = next((e for e in entries if item["title"] and _title_agrees(e.title, item["title"])), None)
            by_link = next((e for e in entries if link and e.link and (e.link == link or e.link.endswith(link))), None)
            both = next(
                (e for e in entries if e is by_link or (by_link is not None and e.link == by_link.link and _title_agrees(e.title, item["title"]))),
                None,
            ) if by_title is not None and by_link is not None else None
            entry = both or by_title or by_link
            if entry is None:
                tally.misses.append(f"item   {name}: {item['title'][:60]!r}")
                continue
            tally.found += 1
            tally.titles += by_title is not None
            tally.links += not link or by_link is entry
            if item["author"].strip():
                tally.authors_expected += 1
                tally.authors += byline_matches(entry.author, _reference_text(item["author"]))
            # A word the reference could not decode ("S\ufffdnia") is no word to look for.
            text = re.sub(r"\w*\ufffd[\w\ufffd]*", " ", _reference_text(item["text"]))
            want = words(text) if item["text"].strip() not in ("", "EMPTY") else Counter()
            if want:
                have = words(entry.body)
                tally.body_recall.append(sum((want & have).values()) / sum(want.values()))
    return tally


@dataclass
class Letters:
    """Markdown newsletters: the links each issue holds, found in its entries, and whether the
    issue is read as its sections (no entry holds most of it) under its own title."""

    issues: int = 0
    links: int = 0
    links_found: int = 0
    split: int = 0
    titled: int = 0
    misses: list[str] = field(default_factory=list)

    def report(self) -> str:
        recall = self.links_found / self.links if self.links else 1.0
        return (
            f"newsletters: {self.issues} issues, links recall {recall:.3f} ({self.links_found}/{self.links});"
            f" read as sections {self.split} of {self.issues}; titled {self.titled} of {self.issues}"
        )


_URL = re.compile(r"\]\((https?://[^\s)]+)\)|^\[[^\]]+\]:\s*(https?://\S+)", re.M)


def score_newsletters(root: Path) -> Letters:
    """Markdown newsletter issues (DIR/*.md, *.markdown) with Pelican's "Title:" line: every
    web link the issue shows (not those in comments to its editors) must be in an entry, no
    entry may hold more than half of its text, and one entry carries the issue's title."""
    from brief.parsers.load import load

    letters = Letters()
    for path in sorted([*root.glob("*.md"), *root.glob("*.markdown")]):
        text = re.sub(r"(?s)<!--.*?-->", "", path.read_text(encoding="utf-8"))
        title = re.match(r"Title:\s*(.+)", text)
        urls = {a or b for a, b in _URL.findall(text)}
        entries = load([str(path)]).entries
        shown = "\n".join(f"{e.title}\n{e.body}\n{e.link or ''}" for e in entries)
        letters.issues += 1
        letters.links += len(urls)
        found = {url for url in urls if url in shown}
        letters.links_found += len(found)
        letters.misses += [f"link   {path.name}: {url[:70]}" for url in sorted(urls - found)[:5]]
        total = sum(len(e.body) for e in entries) or 1
        if len(entries) > 1 and max(len(e.body) for e in entries) <= 0.5 * total:
            letters.split += 1
        else:
            letters.misses.append(f"whole  {path.name}: {len(entries)} entries")
        if title and any(title_matches(e.title, title.group(1)) for e in entries):
            letters.titled += 1
        else:
            letters.misses.append(f"title  {path.name}: {[e.title[:40] for e in entries[:2]]}")
    return letters


@dataclass
class Digests:
    files: int = 0
    messages: int = 0
    entries: int = 0
    matched: int = 0
    authors: int = 0
    dates: int = 0
    body_recall: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def report(self) -> str:
        precision = self.matched / self.entries if self.entries else 1.0
        recall = self.matched / self.messages if self.messages else 1.0
        body = sum(self.body_recall) / len(self.body_recall) if self.body_recall else 0.0
        return (
            f"mailing list digests: {self.files} files, {self.messages} messages; messages as entries P {precision:.3f}"
            f" R {recall:.3f} ({self.matched} of {self.messages}, {self.entries} entries); sender right {self.authors},"
            f" date right {self.dates}; text words recall {body:.3f}"
        )


_DIGEST_BLOCK = re.compile(r"^Message: \d+\n(.*?)(?=^-{20,}[ \t]*$|\Z)", re.M | re.S)


def _digest_expected(text: str) -> list[tuple[str, str, str | None, str]]:
    """(subject, sender, date, text) of each message of a Mailman digest ("Message: N" blocks),
    read here with the standard library: its subject without "Re:", the list's own tag (the
    masthead's "Send NAME mailing list submissions") and other lists' tags after it."""
    from email import message_from_string, policy
    from email.header import decode_header, make_header
    from email.utils import parseaddr, parsedate_to_datetime

    found = []
    named = re.search(r"Send (\S+) mailing list submissions", text)
    own = re.escape(named.group(1)) if named else r"[^\]]*"
    tags = rf"^(?:re|fwd?)\s*:\s*|^\[{own}\]\s*(?:\[[\w.]+-[\w.-]+\]\s*)*"
    for block in _DIGEST_BLOCK.findall(text.replace("\r\n", "\n")):
        message = message_from_string(block, policy=policy.compat32)
        subject = " ".join(str(message.get("Subject", "")).split())
        while (bare := re.sub(tags, "", subject, flags=re.I)) != subject:
            subject = bare
        name, address = parseaddr(str(make_header(decode_header(str(message.get("From", ""))))))
        try:
            when = parsedate_to_datetime(str(message.get("Date"))).isoformat()
        except (TypeError, ValueError):
            when = None
        body = message.get_payload()
        body = re.sub(r"(?s)-{5,} ?next part ?-{5,}.*?(?:URL: <[^>]*>|\Z)", "", body if isinstance(body, str) else "")
        found.append((subject, " ".join(name.split()) or address, when, body))
    return found


def score_digests(root: Path) -> Digests:
    """Mailman's plain-text digests (any file under DIR holding "Message: N" blocks): each
    message one entry, titled by its subject, signed by its sender, dated by its Date."""
    tally = Digests()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = _digest_expected(text)
        if not expected:
            continue
        entries = read_source(str(path), default_settings()).entries
        tally.files += 1
        tally.messages += len(expected)
        tally.entries += len(entries)
        unused = list(entries)
        for subject, sender, when, body in expected:
            match = next((e for e in unused if title_matches(e.title, subject) and byline_matches(e.author, sender)), None)
            if match is None:
                tally.misses.append(f"message {path.name}: {subject[:50]!r} by {sender!r}; got {[e.title[:30] for e in unused[:3]]}")
                continue
            unused.remove(match)
            tally.matched += 1
            tally.authors += 1
            tally.dates += match.published == when
            want = words(body)
            got = words(match.body)
            tally.body_recall.append(sum((want & got).values()) / max(1, sum(want.values())))
        tally.misses += [f"extra   {path.name}: {e.title[:60]!r}" for e in unused]
    return tally


UNSAFE = re.compile(
    r"<\s*(?:script|iframe|object|embed|applet|style|meta|link|frame|form|svg)\b|\bon[a-z]+\s*=|javascript:|vbscript:"
    r"|data:text/html",
    re.I,
)
"""Markup or addresses that would run in a browser: never in what Brief shows or opens."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=None)
    parser.add_argument("--feeds", type=Path, default=None)
    parser.add_argument("--expected", type=Path, default=None, help="the feeds' expected.json")
    parser.add_argument("--snippets", type=Path, default=None, help="a trafilatura-style tests folder")
    parser.add_argument("--live", type=Path, default=None, help="a folder of saved live pages")
    parser.add_argument("--newsletters", type=Path, default=None, help="a folder of Markdown newsletter issues")
    parser.add_argument("--items", type=Path, default=None, help="real feeds with every item expected (rss/)")
    parser.add_argument("--goose", type=Path, default=None, help="a goose3-style folder (test_X.html, test_X.json)")
    parser.add_argument("--mercury", type=Path, default=None, help="a clone of postlight/parser (fixtures/, src/extractors/), or mercury/")
    parser.add_argument("--digests", type=Path, default=None, help="a folder of Mailman plain-text digests")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    default = all(
        value is None
        for value in (
            args.articles, args.feeds, args.snippets, args.live, args.newsletters, args.items, args.goose, args.mercury,
            args.digests,
        )
    )
    runs: list[tuple[str, Tally]] = []
    if args.articles or default:
        runs.append(("article pages", score_articles(args.articles or HERE / "articles")))
    if args.mercury or default:
        runs.append(("Postlight's pages", score_mercury(args.mercury or HERE / "mercury")))
    if args.feeds or default:
        feeds = args.feeds or HERE / "feeds" / "files"
        runs.append(("feed files", score_feeds(feeds, args.expected or HERE / "feeds" / "expected.json")))
    if args.snippets or default:
        tally, snippets = score_snippets(args.snippets or HERE / "pages")
        runs.append(("snippet pages", tally))
        print(
            f"snippet pages: passages found precision {snippets.precision:.3f}  recall {snippets.recall:.3f}"
            f" ({snippets.found} of {snippets.found + snippets.missed}; boilerplate in {snippets.boilerplate_in}"
            f" of {snippets.boilerplate_in + snippets.boilerplate_out})"
        )
    if args.items or default:
        items = score_feed_items(args.items or HERE / "rss")
        print(items.report())
        if args.verbose:
            print("\n".join(f"    {miss}" for miss in items.misses))
    if args.newsletters or default:
        letters = score_newsletters(args.newsletters or HERE / "newsletters")
        print(letters.report())
        if args.verbose:
            print("\n".join(f"    {miss}" for miss in letters.misses))
    if args.goose or default:
        openings = score_goose(args.goose or HERE / "goose")
        print(openings.report())
        if args.verbose:
            print("\n".join(f"    {miss}" for miss in openings.misses))
    if args.digests:
        digests = score_digests(args.digests)
        print(digests.report())
        if args.verbose:
            print("\n".join(f"    {miss}" for miss in digests.misses))
    if args.live or default:
        for copies in (False, True):
            live = score_live(args.live or HERE / "live", copies)
            print(live.report("live pages' text copies" if copies else "live pages"))
            if args.verbose:
                print("\n".join(f"    {miss}" for miss in live.misses))
    for label, tally in runs:
        print(tally.report(label))
        if args.verbose:
            print("\n".join(f"    {miss}" for miss in tally.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
