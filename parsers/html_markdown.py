"""HTML fragments to Markdown text, keeping only safe content (no scripts, no unsafe links)."""

from __future__ import annotations

import html
import html.entities
import re
from collections.abc import Iterable
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .text_clean import scrub, tidy_line

DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "svg",
     "form", "button", "input", "select", "textarea", "canvas", "video", "audio", "source", "link",
     "meta", "head", "title", "base", "frame", "frameset"}
)  # fmt: skip
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "figure", "figcaption",
     "table", "tr", "dl", "dt", "dd", "address", "details", "summary", "center", "body", "html"}
)  # fmt: skip
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "ftp://", "gopher://")
_BLOCKISH = frozenset(
    {"p", "div", "article", "section", "ul", "ol", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
     "main", "header", "footer", "aside", "figure", "dl", "hr"}
)  # fmt: skip
_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLANKS = re.compile(r"\n{3,}")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
# The shape most feed descriptions have: paragraphs and line breaks around plain text.
_ANY_TAG = re.compile(r"(<[^<>]*>)")
_ATTRIBUTES = r"""(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*\s*"""
_PARAGRAPH_TAG = re.compile(rf"<(?:p{_ATTRIBUTES}|/p\s*)>", re.I)
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_ENTITY = re.compile(r"&(?:([A-Za-z][A-Za-z0-9]{0,31})|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_UNUSUAL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def safe_url(url: str | None) -> str | None:
    """The URL when its scheme is one a reader may follow; ``None`` for javascript:, data: etc."""
    if not url:
        return None
    url = scrub(url).strip()
    compact = re.sub(r"[\s\x00-\x20]", "", url).lower()
    if compact.startswith(_SAFE_SCHEMES) or (compact and ":" not in compact.split("/", 1)[0]):
        return url.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
    return None


def absolute_url(href: str | None, base: str | None) -> str | None:
    """``href`` made absolute against ``base`` when it is relative ("/posts/1" on a feed's or a
    page's address), then made safe (see ``safe_url``)."""
    if href and base and "://" not in href and not href.startswith(("mailto:", "#")):
        href = urljoin(base, href)
    return safe_url(href)


_MD_CHARS = "\\`*_[]<>"
"""The characters ``_MD_SPECIAL`` escapes: most text holds none, and eight substring tests are
a tenth of the regex's walk over every character."""


def _escape(text: str) -> str:
    if not any(char in text for char in _MD_CHARS):
        return text
    return _MD_SPECIAL.sub(r"\\\1", text)


class _Writer:
    """Walks a node tree, writing Markdown blocks."""

    def __init__(self, cards: bool = False) -> None:
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.cards = cards
        """Whether a link around blocks (a card) is read; else it is left out, as the teasers
        of other stories around an article are."""

    def flush(self, prefix: str = "") -> None:
        text = tidy_line("".join(self.line))
        self.line = []
        if text:
            self.blocks.append(prefix + text)

    def markdown(self) -> str:
        """The blocks written so far (the open line too), one blank line between each."""
        self.flush()
        text = "\n\n".join(self.blocks)
        return (_BLANKS.sub("\n\n", text) if "\n\n\n" in text else text).strip()

    def inline(self, node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            self.visit(child)

    def visit(self, node: LexborNode) -> None:
        tag = node.tag
        if tag == "-text":
            self.line.append(_escape((node.text_content or "").replace("\n", " ")))
            return
        if tag is None or tag in DROP_TAGS or tag.startswith("-"):
            return
        if tag in _HEADING:
            # A heading left open by broken HTML can swallow the paragraphs after it: its
            # text runs up to the first block inside it; the rest are blocks of their own.
            self.flush()
            children = list(node.iter(include_text=True))
            split = next((n for n, child in enumerate(children) if child.tag in _BLOCKISH), len(children))
            for child in children[:split]:
                self.visit(child)
            self.flush("#" * _HEADING[tag] + " ")
            for child in children[split:]:
                self.visit(child)
        elif tag == "br":
            self.line.append("\n")
        elif tag in ("ul", "ol"):
            self.flush()
            for number, item in enumerate((c for c in node.iter() if c.tag == "li"), start=1):
                self.inline(item)
                self.flush(f"{number}. " if tag == "ol" else "- ")
        elif tag == "li":
            self.flush()
            self.inline(node)
            self.flush("- ")
        elif tag == "blockquote":
            self.flush()
            inner = _Writer(self.cards)
            inner.inline(node)
            inner.flush()
            for block in inner.blocks:
                self.blocks.append("\n".join("> " + line for line in block.splitlines()))
        elif tag == "pre":
            self.flush()
            code = (node.text(deep=True) or "").strip("\n")
            if code.strip():
                self.blocks.append("```\n" + code.replace("```", "``\u200b`") + "\n```")
        elif tag in ("strong", "b"):
            self._wrap(node, "**")
        elif tag in ("em", "i"):
            self._wrap(node, "*")
        elif tag == "code":
            text = (node.text(deep=True) or "").replace("`", "'")
            if text.strip():
                self.line.append(f"`{text}`")
        elif tag == "a":
            self._link(node)
        elif tag == "img":
            if _captioned(node):
                return  # the caption says what the photo shows; its alt text would say it twice
            alt = tidy_line(node.attributes.get("alt") or "")
            if alt and not _FILE_NAME_ALT.fullmatch(alt):
                self.line.append(_escape(alt))
        elif tag in ("td", "th"):
            self.inline(node)
            self.line.append(" ")
        elif tag in BLOCK_TAGS:
            self.flush()
            self.inline(node)
            self.flush()
        elif tag == "hr":
            self.flush()
            self.blocks.append("---")
        else:
            self.inline(node)

    def _wrap(self, node: LexborNode, mark: str) -> None:
        inner = _Writer(self.cards)
        inner.inline(node)
        text = tidy_line("".join(inner.line))
        if text:
            self.line.append(f"{mark}{text}{mark}")

    def _link(self, node: LexborNode) -> None:
        inner = _Writer(self.cards)
        inner.inline(node)
        text = tidy_line("".join(inner.line))
        if inner.blocks and self.cards:
            # A link around blocks (a card: its photo, its headline in a list or a <div>)
            # is one link, its blocks' words its text.
            inner.flush()
            text = tidy_line(" ".join(_LEADING_MARK.sub("", block) for block in inner.blocks))
        url = safe_url(node.attributes.get("href"))
        if text and url and url.startswith(("http://", "https://", "mailto:")):
            self.line.append(f"[{text}]({url})")
        elif text:
            self.line.append(text)


_LEADING_MARK = re.compile(r"^(?:#{1,6} |[-*] |\d+\. |> )+", re.M)
"""A block's Markdown mark (a heading's, a list item's, a quote's), not its words."""


_FILE_NAME_ALT = re.compile(r"[\w.-]*(?:[-_]|\d)[\w.-]*(?: \(\d+\))?|.*\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)", re.I)
"""An image's alt text that is its file's name, as publishing tools fill it in ("angies-list",
"screen_500 (1)", "IMG_2041.jpg"): no words for the reader, so not written."""


def _captioned(image: LexborNode) -> bool:
    """Whether an image sits in a ``figure`` that has a ``figcaption``."""
    node = image.parent
    for _ in range(3):
        if node is None:
            return False
        if node.tag == "figure":
            return node.css_first("figcaption") is not None
        node = node.parent
    return False


def nodes_to_markdown(nodes: Iterable[LexborNode], *, cards: bool = False) -> str:
    """Markdown for a sequence of sibling nodes; ``cards``: read links around blocks, as a
    live post shares a story ("Read the preview:" over a card of it)."""
    writer = _Writer(cards)
    for node in nodes:
        writer.visit(node)
    return writer.markdown()


def _simple_paragraphs(fragment: str) -> str | None:
    """What ``html_to_markdown`` gives for a fragment of plain-text paragraphs (``<p>``,
    ``<br>`` and character references only), without building a document tree; None for
    anything else. Most feed items look like this, and the tree cost a third of a feed's parse.
    """
    if _UNUSUAL.search(fragment):
        return None
    writer = _Writer()
    for number, piece in enumerate(_ANY_TAG.split(fragment)):
        if number % 2:  # a tag
            if _BREAK_TAG.fullmatch(piece):
                writer.line.append("\n")
                continue
            if not _PARAGRAPH_TAG.fullmatch(piece):
                return None
            writer.flush()
        elif piece:
            if "<" in piece:
                return None
            if "&" in piece:
                if piece.count("&") != sum(
                    1 for m in _ENTITY.finditer(piece) if m.group(1) is None or f"{m.group(1)};" in html.entities.html5
                ):
                    return None
                piece = html.unescape(piece)
            writer.line.append(_escape(piece.replace("\n", " ")))
    return scrub(writer.markdown())


def html_to_markdown(fragment: str) -> str:
    """Markdown for an HTML fragment (a feed description, a post body)."""
    if "<" not in fragment and "&" not in fragment:
        text = scrub(fragment).strip()
        # Plain text: its line breaks kept, the indentation of its source (a CDATA block
        # indented with the XML around it) not — four spaces would make Markdown code.
        return "\n".join(line.strip() for line in text.split("\n")) if "\n " in text else text
    simple = _simple_paragraphs(fragment)
    if simple is not None:
        return simple
    tree = LexborHTMLParser(fragment)
    root = tree.body or tree.root
    if root is None:
        return ""
    return scrub(nodes_to_markdown(root.iter(include_text=True)))


def html_to_text(fragment: str) -> str:
    """Plain text for an HTML fragment (a feed title)."""
    if "<" not in fragment and "&" not in fragment:
        return tidy_line(scrub(fragment))
    tree = LexborHTMLParser(f"<body>{fragment}</body>")
    root = tree.body
    if root is None:
        return ""
    if "<" in fragment:
        tree.strip_tags([tag for tag in DROP_TAGS if tag not in ("head", "title")])  # a script's code is no title
    return tidy_line(scrub(root.text(deep=True, separator="")))
