"""The line-by-line outline of plain Markdown is exactly markdown-it's, or is not used."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from brief.parsers.markdown_outline import _parsed_outline, _plain_outline, outline
from conftest import FIXTURES, SAMPLES

LINES = st.one_of(
    st.just(""),
    st.just("   "),
    st.from_regex(r"\A {0,3}#{1,7}( [A-Za-z0-9 #*_\[\]()]{0,20})?\Z", fullmatch=True),
    st.from_regex(r"\A {0,3}[A-Za-z*_#\[\]().:!0-9 -]{1,30}\Z", fullmatch=True),
    st.sampled_from(["**10:42** Ferries resume", "*Thu 20 Nov 2025, 08:10* · By Ana Lima", "#TBT", "#5 bolt", "\\# not a heading",
                     "- item", "1. item", "---", "***", "===", "> quote", "    code", "```", "<div>", "[a]: /b", "\tx"]),
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, max_size=14))
def test_the_plain_reading_matches_markdown_it_whenever_it_answers(lines: list[str]) -> None:
    text = "\n".join(lines)
    fast = _plain_outline(text)
    if fast is not None:
        assert fast == _parsed_outline(text)


def test_every_markdown_fixture_and_generated_shape_reads_the_same_either_way() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("**/*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*"))] if SAMPLES.exists() else []
    texts.append("# Letter\n\n## One\n\nText of one.\nMore text.\n\n## Two ##\n\n*09:15* Two's text.\n")
    answered = 0
    for text in texts:
        fast = _plain_outline(text)
        if fast is not None:
            answered += 1
            assert fast == _parsed_outline(text)
        assert outline(text) == _parsed_outline(text)
    assert answered >= 2  # the plain reading is used at all


def test_what_the_plain_reading_leaves_to_markdown_it(tmp_path: Path) -> None:
    for text in ("# A\n\n```\n# not a heading\n```\n", "Title\n=====\n", "- # in a list\n", "> # quoted\n", "    # code\n"):
        assert _plain_outline(text) is None
