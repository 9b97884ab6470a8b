"""Fast paths give exactly what the general code gives, on many random inputs.

Each fast path exists for speed on the common case (ASCII text, paragraph-only HTML); a
difference would silently change entries, ids or clusters, so each is compared against the
general way of doing the same thing.
"""

from __future__ import annotations

import random
import re

from selectolax.lexbor import LexborHTMLParser

from brief.parsers import actors, dedup, topics
from brief.parsers.html_markdown import _simple_paragraphs, html_to_markdown, nodes_to_markdown
from brief.parsers.text_clean import scrub
from brief.parsers.words import STOPWORDS, word_pieces


def _through_the_tree(fragment: str) -> str:
    tree = LexborHTMLParser(fragment)
    root = tree.body or tree.root
    return scrub(nodes_to_markdown(root.iter(include_text=True))) if root is not None else ""


HTML_PIECES = [
    "<p>", "</p>", '<P class="lead">', "<p id='a b'>", "<br>", "<br/>", "<BR />", " ", "\n", "\t", "word",
    "Talks resumed.", "&amp;", "&lt;", "&gt;", "&nbsp;", "&#39;", "&#x2019;", "&#0;", "&#x80;", "&#xD800;",
    "&#1234567;", "&eacute;", "&notin;", "&amp", "&bogus;", "*star*", "_under_", "[x]", "`c`", "\\", "a > b",
    "<", ">", "&", "\u200b", "\xa0", "&#13;", "\r", "<b>", "</b>", "<p/>", "<!-- note -->", "é",
]  # fmt: skip


def test_paragraph_html_fast_path_matches_the_tree() -> None:
    rng = random.Random(7)
    compared = 0
    for _ in range(20_000):
        fragment = "".join(rng.choice(HTML_PIECES) for _ in range(rng.randint(1, 10)))
        fast = _simple_paragraphs(fragment)
        if fast is None:
            continue
        compared += 1
        assert fast == _through_the_tree(fragment), fragment
    assert compared > 3_000  # the fast path really was taken


def test_paragraph_html_fast_path_declines_other_markup() -> None:
    for fragment in ["<p>a <b>bold</b></p>", "<p>x</p><script>y</script>", "<p>&bogus;</p>", "<p>a\rb</p>"]:
        assert _simple_paragraphs(fragment) is None
        assert html_to_markdown(fragment) == _through_the_tree(fragment)
    assert html_to_markdown("<p>One &amp; two.</p>\n<p>Three<br>four</p>") == "One & two.\n\nThree\nfour"


TEXT_ALPHABET = [*"aZ9_ .'’-\n\t\x0b\x1c,;:()“”—–•|!?é\xa0", "the ", "of ", "and "]


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(TEXT_ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def test_word_pieces_are_the_word_regex() -> None:
    for text in _random_texts(1, 20_000):
        assert word_pieces(text) == re.findall(r"\w+", text), text


def test_shingles_of_ascii_text_are_those_of_the_word_regex() -> None:
    import zlib

    def by_regex(text: str, k: int) -> frozenset[int]:
        words = re.findall(r"\w+", text)[:400]
        if len(words) < k:
            return frozenset({zlib.crc32(" ".join(words).encode())}) if words else frozenset()
        grams = [words[i : i + k] for i in range(len(words) - k + 1)]
        return frozenset(zlib.crc32(" ".join(g).encode()) for g in grams if not all(w in STOPWORDS for w in g))

    for text in _random_texts(2, 5_000):
        normalised = text.casefold()
        for k in (1, 2, 3):
            assert dedup.shingles_of(normalised, k, 400) == by_regex(normalised, k), (normalised, k)
    # Runs of stopwords and content words, where the default (k = 2) has its own code.
    rng = random.Random(3)
    vocabulary = [*sorted(STOPWORDS)[:40], "harbour", "ferry", "strike", "talks", "port", "2026"]
    for _ in range(2_000):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 40)))
        for k in (2, 3):
            assert dedup.shingles_of(text, k, 400) == by_regex(text, k), (text, k)


def test_actor_tokens_are_those_of_the_plain_pattern() -> None:
    plain = re.compile(r"[^\W\d_](?:[\w'’.\-]*\w)?|\d(?:[\w.,:]*\w)?|[“”\"‘(\[\]—–:;.!?,)|•]|\n")
    ascii_only = [text.encode("ascii", "ignore").decode() for text in _random_texts(4, 20_000)]
    for text in _random_texts(3, 20_000) + ascii_only:
        assert actors.tokenize(text) == plain.findall(text), text


def test_phrases_open_and_close_on_content_words() -> None:
    found = topics._phrases("The gas storage plan stalled quickly; grid links of Estonia were discussed.")
    assert {"gas storage", "storage plan", "gas storage plan", "grid links", "links of estonia"} <= found
    assert not any(p.startswith(("the ", "stalled")) or p.endswith(("quickly", "discussed")) for p in found)
    assert "plan stalled" not in found  # ends in -ed: a clause, not a noun phrase
    assert not any("estonia were" in p for p in found)  # "were" is a stopword
    assert not any("stalled quickly grid" in p for p in found)  # never across the semicolon


def test_longer_than_is_the_text_length_compared() -> None:
    from brief.parsers.html_page import _longer_than, _text_length

    rng = random.Random(5)
    pieces = ["word", " ", "  ", "\n", "\t", "é", "<b>x</b>", "\u00a0", "longerword "]
    for _ in range(3_000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        node = LexborHTMLParser(f"<div>{html}</div>").css_first("div")
        assert node is not None
        for size in (0, 5, 20, 40):
            assert _longer_than(node, size) == (_text_length(node) > size), (html, size)


def test_markdown_escape_is_the_escaping_regex() -> None:
    from brief.parsers.html_markdown import _MD_SPECIAL, _escape

    rng = random.Random(11)
    pieces = ["a", "word ", "\\", "`", "*", "_", "[", "]", "<", ">", "é", "\n", " "]
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _escape(text) == _MD_SPECIAL.sub(r"\\\1", text)


def test_credit_hint_by_substrings_is_the_case_blind_regex() -> None:
    # re.I matches "İ", "ı" and "ſ" to ASCII letters that str.lower does not give: the fast
    # test must still say yes for them.
    from brief.parsers.actors.tokens import _CREDIT_HINT, _may_credit

    rng = random.Random(12)
    pieces = ["Photo", "PICTURE", "imAge", "Illustration", "composite", "VIDEO", "graphic", "phot", "Vide",
              "İmage", "Pıcture", "Compoſite", "ı", "İ", "ſ", "K", ": ", "x", " ", "é"]  # fmt: skip
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert _may_credit(text) == (_CREDIT_HINT.search(text) is not None), text
