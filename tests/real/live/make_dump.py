"""A saved live page as a reader's select-all copy of it: the page's visible text, a line for each
block as a browser's ``innerText`` gives it (scripts, styles and hidden blocks left out, a
blank line after each paragraph and heading). The copy is what a user pastes into a ``.txt``
file; its posts are then scored against the page's own declaration, as the page is.

    python tests/real/live/make_dump.py tests/real/live/PAGE.html   # writes PAGE.txt beside it
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

_UNSEEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "select", "button"}
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "table", "ul", "ol"}
_BLOCKS = _PARAGRAPHS | {
    "div", "section", "article", "header", "footer", "main", "aside", "nav", "li", "figcaption",
    "address", "form", "tr", "dl", "dt", "dd", "hr", "pre",
}  # fmt: skip
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    return "hidden" in attrs or attrs.get("aria-hidden") == "true" or bool(_HIDDEN.search(attrs.get("style") or ""))


def _walk(node: LexborNode, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag == "-text":
            out.append(re.sub(r"\s+", " ", child.text_content or ""))
        elif tag == "br":
            out.append("\n")
        elif tag not in _UNSEEN and not tag.startswith("-") and not _hidden(child):
            block = tag in _BLOCKS
            if block:
                out.append("\n")
            _walk(child, out)
            if block:
                out.append("\n\n" if tag in _PARAGRAPHS else "\n")


def select_all(markup: str) -> str:
    """The text a browser copies from the whole page, line by line."""
    body = LexborHTMLParser(markup).body
    out: list[str] = []
    if body is not None:
        _walk(body, out)
    lines = [line.strip() for line in "".join(out).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


if __name__ == "__main__":
    for name in sys.argv[1:]:
        page = Path(name)
        page.with_suffix(".txt").write_text(select_all(page.read_text(encoding="utf-8", errors="replace")), encoding="utf-8")
