"""The data a briefing is made of: frozen, Textual-free, safe to share between threads.

The parse cache pickles these classes: change a field, bump ``cache.SCHEMA_VERSION``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

try:  # blake2b without hashlib, whose OpenSSL bindings cost a few ms of every start
    from _blake2 import blake2b as blake2b
except ImportError:  # a Python built without its own hashes
    from hashlib import blake2b as blake2b

from .words import word_pieces

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


def normalise_text(text: str) -> str:
    """Fold case, quotes, dashes and whitespace so trivially different copies compare equal."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
        text = text.replace("–", "-").replace("—", "-")
    return " ".join(text.split()).casefold()  # str.split() splits on exactly what \s matches


def entry_id(title: str, body: str) -> str:
    """A stable id from normalised content: same text, same id, on any machine and run."""
    return id_of_normalised(normalise_text(title), normalise_text(body))


_ANCHOR_MIN_CHARS = 60


def anchor_of(path: str, body: str) -> str | None:
    """A mark key for a text in a file that survives new reading rules: the file's name and the
    words of the text's longest paragraph (titles, bylines, rules and footers around it may
    change). None for a text with no paragraph long enough to tell it apart."""
    words = " ".join(word_pieces(max(body.split("\n\n"), key=len).casefold()))
    if len(words) < _ANCHOR_MIN_CHARS:
        return None
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return "p:" + blake2b(f"{name}\n{words}".encode(), digest_size=8).hexdigest()


def id_of_normalised(title: str, body: str) -> str:
    """``entry_id`` of a title and body already normalised (deduplication needs them too)."""
    return blake2b(f"{title}\n{body}".encode(), digest_size=8).hexdigest()


@dataclass(frozen=True)
class RawEntry:
    """One post as a reader found it in a file, before deduplication."""

    title: str
    """Headline, or a shortened first sentence when the post had none."""
    body: str
    """Full text as Markdown."""
    author: str | None = None
    """Byline, when the source names one."""
    published: str | None = None
    """ISO 8601 date or date-time with offset, when known."""
    link: str | None = None
    """The post's own URL, when the source gives one."""
    seen_at: tuple[tuple[str, int], ...] = ()
    """Occurrences recorded by an earlier dump (a re-loaded `brief dump --json`)."""
    dump_id: str | None = None
    """The id an earlier dump gave this entry, kept so a dump → load round trip keeps ids."""


@dataclass(frozen=True)
class Occurrence:
    """Where an entry was seen: a source path and the entry's position within it."""

    path: str
    position: int


@dataclass(frozen=True)
class Entry:
    """A deduplicated entry: one story, with every place it occurred."""

    id: str
    """Stable id (the smallest member id, so file order does not change it)."""
    title: str
    body: str
    author: str | None
    published: str | None
    link: str | None
    occurrences: tuple[Occurrence, ...]
    """Every (source, position) this story was seen at, in reading order."""
    member_ids: tuple[str, ...] = ()
    """Ids of every text variant merged into this entry (marks on any of them apply)."""
    actors: tuple[str, ...] = ()
    """Canonical names of the actors it mentions."""
    topics: tuple[str, ...] = ()
    """Names of the topics it belongs to."""
    anchors: tuple[str, ...] = ()
    """Keys that outlive a change in how Brief reads a source (see ``anchor_of``): marks are
    written under them too, so a better title or a trimmed footer keeps an entry's marks."""

    @property
    def seen(self) -> int:
        """How many times the story occurred across all sources."""
        return len(self.occurrences)

    @property
    def mark_ids(self) -> tuple[str, ...]:
        """The ids read and starred marks are kept under: every merged variant's, and its anchors."""
        ids = self.member_ids or (self.id,)
        return ids + self.anchors if self.anchors else ids


@dataclass(frozen=True)
class Actor:
    """A person, organisation or place, with every name it went by."""

    name: str
    kind: str
    """One of ``person``, ``organisation``, ``place``."""
    aliases: tuple[str, ...]
    entry_ids: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    """A theme: configured keywords or a key phrase recurring across entries."""

    name: str
    keywords: tuple[str, ...]
    entry_ids: tuple[str, ...]
    automatic: bool = False
    """True when found in the text rather than configured."""


@dataclass(frozen=True)
class SourceError:
    """Why a source could not be read; a value, so one bad file never stops the others."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Source:
    """One loaded (or failed) source: its path, detected format and entry count."""

    path: str
    format: str | None
    entries: int
    error: str | None = None


@dataclass(frozen=True)
class Briefing:
    """Everything the reader shows: deduplicated entries, actors and topics."""

    sources: tuple[Source, ...]
    entries: tuple[Entry, ...]
    actors: tuple[Actor, ...] = ()
    topics: tuple[Topic, ...] = ()
    by_id: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.by_id:
            self.by_id.update({entry.id: entry for entry in self.entries})

    @property
    def errors(self) -> tuple[SourceError, ...]:
        """Why each source that failed to load failed."""
        return tuple(SourceError(source.path, source.error) for source in self.sources if source.error)
