"""The query language of `/` in the reader and `brief dump --filter`: parsed here, once, purely.

    ferry strike                 both words (case and accents aside)
    "river bridge"               the phrase
    -rumour  -actor:Putin        without the word / the actor
    actor:Putin                  an actor by any of its names ("the Russian president" too)
    topic:energy  author:roe     a topic, an author (a part of the name is enough)
    source:*.md                  where it was seen (a glob on the file's name or path)
    since:2026-11-30  until:…    a day, or a time ago: since:2h, since:3d, since:90m
    is:unread  is:starred  is:new
    seen:>1  seen:3              how many times it was seen
    a OR b,  (a OR b) -c         OR between terms, parentheses to group; AND is the default

A malformed query raises ``QueryError`` saying what is wrong and where.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

FIELDS = ("actor", "topic", "source", "author", "since", "until", "is", "seen")
IS_VALUES = ("unread", "starred", "new")


class QueryError(ValueError):
    """What is wrong with a query, and at which character (0-based)."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position + 1})")
        self.message = message
        self.position = position


# ---- the tree ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """A word every matching entry holds (folded: case and accents aside)."""

    text: str


@dataclass(frozen=True)
class Phrase:
    text: str


@dataclass(frozen=True)
class Field:
    """``name:value`` (see ``FIELDS``); ``value`` as written, checked when parsed."""

    name: str
    value: str


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Word | Phrase | Field | Not | And | Or


@dataclass(frozen=True)
class Query:
    """A parsed query; ``root`` is None for an empty one (everything matches)."""

    text: str
    root: Node | None

    @property
    def plain_words(self) -> tuple[str, ...] | None:
        """The words when the query is only words (the reader's fast search path), else None."""
        root = self.root
        nodes = root.nodes if isinstance(root, And) else (root,) if root is not None else ()
        if all(isinstance(node, Word) for node in nodes):
            return tuple(node.text for node in nodes if isinstance(node, Word))
        return None


def highlights(query: Query) -> str:
    """The words and phrases an entry shown for ``query`` holds (not those it excludes), for the
    reader to mark: space-separated."""
    found: list[str] = []

    def walk(node: Node | None) -> None:
        if isinstance(node, Word | Phrase):
            found.append(node.text)
        elif isinstance(node, And | Or):
            for part in node.nodes:
                walk(part)

    walk(query.root)
    return " ".join(found)


def _accent_table() -> dict[int, str | None]:
    """Latin letters with accents to their base letters, combining accents to nothing."""
    table: dict[int, str | None] = {code: None for code in range(0x300, 0x370)}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base and base != char:
            table[code] = base.casefold()
    return table


_ACCENTS = _accent_table()
_ACCENTED = re.compile("[" + "".join(chr(code) for code in sorted(_ACCENTS)) + "]")


def fold(text: str) -> str:
    """Case and accents aside: "Zelenský" and "zelensky" fold alike (Latin accents; other
    scripts are kept as they are, casefolded)."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    # Most non-ASCII text has only a few accents (or none: curly quotes, dashes): the regex finds
    # them in C, and only they are looked up.
    return _ACCENTED.sub(lambda found: _ACCENTS[ord(found.group())] or "", folded)


# ---- reading a query ---------------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<open>\()|(?P<close>\))
      | (?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<quoted>[^"]*)(?P<end>"?)|(?P<word>[^\s()"]+))?
    )""",
    re.X,
)


@dataclass(frozen=True)
class _Token:
    kind: str  # "(", ")", "or", "term"
    position: int
    negated: bool = False
    field: str | None = None
    value: str = ""
    quoted: bool = False


def _tokens(text: str) -> list[_Token]:
    found: list[_Token] = []
    at = 0
    while at < len(text):
        if text[at].isspace():
            at += 1
            continue
        match = _TOKEN.match(text, at)
        assert match is not None  # every alternative may match empty; the checks below say why
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        if match.group("open"):
            found.append(_Token("(", start))
        elif match.group("close"):
            found.append(_Token(")", start))
        elif match.group("quoted") is not None:
            if not match.group("end"):
                raise QueryError("a quote is not closed", start)
            found.append(_Token("term", start, bool(match.group("neg")), match.group("field"), match.group("quoted"), True))
        elif match.group("word") is not None:
            word = match.group("word")
            if word == "OR" and not match.group("neg") and not match.group("field"):
                found.append(_Token("or", start))
            else:
                found.append(_Token("term", start, bool(match.group("neg")), match.group("field"), word))
        elif match.group("field"):
            raise QueryError(f"{match.group('field')}: needs a value", start)
        elif match.group("neg"):
            raise QueryError("- needs a word or a term after it", start)
        else:
            raise QueryError(f"unexpected {text[start]!r}", start)
        at = max(match.end(), at + 1)
    return found


SEEN = re.compile(r"^(>=|<=|>|<|=)?(\d{1,6})$")
"""A ``seen:`` value: a comparison (``=`` when none) and a count."""
_AGO = re.compile(r"^(\d{1,5})(m|min|h|d|w)$")


def _check_field(token: _Token) -> Field:
    name, value = (token.field or "").lower(), token.value
    if name not in FIELDS:
        import difflib

        close = difflib.get_close_matches(name, FIELDS, n=1)
        hint = f" (did you mean {close[0]}:?)" if close else f" (known: {', '.join(f + ':' for f in FIELDS)})"
        raise QueryError(f"unknown field {name}:{hint}", token.position)
    if not value.strip():
        raise QueryError(f"{name}: needs a value", token.position)
    if name == "is" and value.lower() not in IS_VALUES:
        raise QueryError(f"is:{value} is not one of {', '.join('is:' + v for v in IS_VALUES)}", token.position)
    if name == "seen" and not SEEN.match(value):
        raise QueryError(f"seen:{value} is not a count (seen:>1, seen:3, seen:<=2)", token.position)
    if name in ("since", "until"):
        try:
            when(value, datetime.now(UTC))
        except ValueError:
            raise QueryError(f"{name}:{value} is not a day (2026-11-30) or a time ago (2h, 3d, 90m)", token.position) from None
    return Field(name, value.lower() if name in ("is", "seen") else value)


def when(value: str, now: datetime) -> datetime:
    """The moment ``since:``/``until:`` name: a day (its start, in UTC), a day and time, or a time
    ago ("2h", "3d", "90m", "1w"). Raises ValueError otherwise."""
    ago = _AGO.match(value.lower())
    if ago:
        amount, unit = int(ago.group(1)), ago.group(2)
        step = {"m": timedelta(minutes=1), "min": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}[unit]
        return now - amount * step
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.at = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.or_expr()
        left = self.peek()
        if left is not None:
            raise QueryError("a ) without its (" if left.kind == ")" else "unexpected text", left.position)
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.at += 1
            after = self.peek()
            if after is None or after.kind in (")", "or"):
                raise QueryError("OR needs a term on both sides", token.position)
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Node:
        parts: list[Node] = []
        while (token := self.peek()) is not None and token.kind in ("(", "term"):
            parts.append(self.unary())
        if not parts:
            token = self.peek()
            position = token.position if token is not None else len(self.text)
            raise QueryError("OR needs a term on both sides" if token and token.kind == "or" else "a term is missing", position)
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Node:
        token = self.peek()
        assert token is not None
        self.at += 1
        if token.kind == "(":
            if self.peek() is None:
                raise QueryError("a ( is not closed", token.position)
            if (inner := self.peek()) is not None and inner.kind == ")":
                raise QueryError("( ) holds nothing", token.position)
            node = self.or_expr()
            close = self.peek()
            if close is None or close.kind != ")":
                raise QueryError("a ( is not closed", token.position)
            self.at += 1
            return node
        if token.field is not None:
            found: Node = _check_field(token)
        elif token.quoted:
            if not token.value.strip():
                raise QueryError('"" holds no phrase', token.position)
            found = Phrase(fold(token.value))
        else:
            found = Word(fold(token.value))
        return Not(found) if token.negated else found


def parse(text: str) -> Query:
    """The query ``text`` names; raises ``QueryError`` for a malformed one."""
    return Query(text, _Parser(text).parse())
