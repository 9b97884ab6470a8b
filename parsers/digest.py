"""What deduplication needs of each parsed entry, worked out by the process that parsed it.

Normalising an entry, hashing its id, its anchor and its word shingles depends on nothing but
the entry, and was 0.8 CPU-seconds of a 10k cold load (parsing was 1.2). Done in the process
that parsed the entry, right after, it is shared between this process and the helper, and the
entry's text never has to travel to the helper a second time.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeGuard

from .dedup import shingles_of, unquoted
from .model import RawEntry, anchor_of, blake2b, id_of_normalised, normalise_text
from .settings import ParseSettings
from .source import Parsed


@dataclass(frozen=True)
class Digest:
    """One file's entries, each as deduplication sees it (same order as the entries)."""

    keys: tuple[bytes, ...]
    """A hash of each entry's normalised title and body: equal for exact copies (what
    deduplication looks for first), 12 bytes where the text was a kilobyte and more."""
    ids: tuple[str, ...]
    anchors: tuple[str | None, ...]
    shingles: tuple[array[int], ...]
    normalised: tuple[str, ...] = ()
    """The normalised texts themselves, kept only when asked for (following a live file)."""

    def then(self, other: Digest) -> Digest:
        """This digest followed by the next run of the same file's entries."""
        return Digest(
            self.keys + other.keys,
            self.ids + other.ids,
            self.anchors + other.anchors,
            self.shingles + other.shingles,
            self.normalised + other.normalised,
        )


def copy_key(normalised: str) -> bytes:
    """The exact-copy key of a normalised text (see ``Digest.keys``)."""
    return blake2b(normalised.encode(), digest_size=12).digest()


def digest(
    path: str,
    entries: Sequence[RawEntry],
    shingle_words: int,
    max_words: int,
    seen: dict[bytes, array[int]] | None = None,
    keep_texts: bool = False,
) -> Digest:
    """The digest of a file's entries; ``seen`` remembers shingles by exact-copy key, so an
    exact copy (a live blog's pinned post) is hashed once per process. ``keep_texts``: keep
    the normalised texts as well."""
    memo = seen if seen is not None else {}
    keys: list[bytes] = []
    normalised: list[str] = []
    ids: list[str] = []
    shingles: list[array[int]] = []
    for raw in entries:
        title, body = normalise_text(raw.title), normalise_text(raw.body)
        ids.append(raw.dump_id or id_of_normalised(title, body))
        text = f"{title} {body}" if title and body else title or body
        key = copy_key(text)
        keys.append(key)
        if keep_texts:
            normalised.append(text)
        found = memo.get(key)
        if found is None:
            mine = unquoted(raw.body)
            if mine is not None:  # a reply's own words (see ``unquoted``)
                own = normalise_text(mine)
                text = f"{title} {own}" if title and own else title or own
            found = memo[key] = array("I", shingles_of(text, shingle_words, max_words))
        shingles.append(found)
    anchors = tuple(anchor_of(path, raw.body) for raw in entries)
    return Digest(tuple(keys), tuple(ids), anchors, tuple(shingles), tuple(normalised))


def digest_of(parsed: Parsed, settings: ParseSettings, seen: dict[bytes, array[int]] | None = None) -> Digest:
    """The digest of one parsed source, with the settings' shingle size and word limit."""
    return digest(parsed.path, parsed.entries, settings.shingle_words, settings.max_words, seen)


def digested(parsed: Parsed, settings: ParseSettings, seen: dict[bytes, array[int]] | None = None) -> tuple[Parsed, Digest]:
    """A file's parse and its digest, as the helper sends them."""
    return parsed, digest_of(parsed, settings, seen)


def is_digested(found: object) -> TypeGuard[tuple[Parsed, Digest]]:
    """Whether a helper's answer is a parse with the digest of exactly its entries."""
    return (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], Parsed)
        and isinstance(found[1], Digest)
        and len(found[1].ids) == len(found[0].entries)
    )
