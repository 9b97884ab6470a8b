"""The block outline of a Markdown briefing: its headings, top-level paragraphs and rules.

All that splitting a briefing into posts needs of the Markdown grammar. Most briefings are
headings over plain paragraphs, and for those the outline is read line by line, exactly as
CommonMark would give it, at a small part of markdown-it's cost; a document with anything
whose block structure takes the full grammar (code, quotes, lists, HTML, setext headings,
rules, link definitions, indented lines) goes through markdown-it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark").disable(["inline", "text_join"])
"""Block structure only: each token's raw ``content`` is all that is read, so the inline pass
(a third of the parse) is skipped."""


@dataclass(frozen=True)
class Heading:
    level: int
    start: int
    end: int
    content: str
    """The heading's raw inline text (Markdown marks and links still in it)."""


@dataclass(frozen=True)
class Outline:
    headings: list[Heading] = field(default_factory=list)
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    """Each top-level paragraph's first line number and the first line of its text."""
    rules: list[int] = field(default_factory=list)
    """The line after each top-level thematic break."""


# Lines whose block structure the line reader does not follow: fences, quotes, HTML, list
# items, setext underlines and rules, link reference definitions, tabs or 4-space indents.
_NOT_PLAIN = re.compile(
    r"^(?:\t| {4}| {0,3}(?:```|~~~|>|<|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$|"
    r"(?:[-*_][ \t]*){3,}$|\[[^\]]*\]:))",
    re.M,
)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")


def outline(text: str) -> Outline:
    """The outline of ``text``: read line by line where that is exact, else by markdown-it."""
    fast = _plain_outline(text)
    return fast if fast is not None else _parsed_outline(text)


def _plain_outline(text: str) -> Outline | None:
    if _NOT_PLAIN.search(text) or "\x00" in text or "\r" in text or "\f" in text or "\v" in text:
        return None
    found = Outline()
    in_paragraph = False
    for number, line in enumerate(text.split("\n")):
        if not line.strip(" \t"):
            in_paragraph = False
            continue
        heading = _ATX.match(line)
        if heading is not None:
            content = (heading.group(2) or "").strip(" \t")
            closing = _CLOSING.search(content)
            if closing is not None:
                content = content[: closing.start()].rstrip(" \t")
            found.headings.append(Heading(len(heading.group(1)), number, number + 1, content))
            in_paragraph = False
            continue
        if not in_paragraph:
            found.paragraphs.append((number, line.strip(" \t")))
            in_paragraph = True
    return found


def _parsed_outline(text: str) -> Outline:
    tokens = _PARSER.parse(text)
    found = Outline()
    for index, token in enumerate(tokens):
        if not token.map:
            continue
        if token.type == "heading_open":
            found.headings.append(Heading(int(token.tag[1]), token.map[0], token.map[1], tokens[index + 1].content))
        elif token.type == "paragraph_open" and token.level == 0:
            found.paragraphs.append((token.map[0], tokens[index + 1].content.split("\n", 1)[0].strip(" \t")))
        elif token.type == "hr" and token.level == 0:
            found.rules.append(token.map[1])
    return found
