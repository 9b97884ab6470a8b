"""What changed since the reader last looked: which posts are new, which came back edited.

Entry ids hash an entry's text, so an edited post gets a new id. To tell "the same post,
edited" from "a new post", each source keeps a *look*: one ``PostMark`` per post as it was
when the reader last saw the source (its id, link, time and headline). A post of the source
now is then

- *known* when its id (or any merged variant's) is one the look holds;
- *updated* when it takes the place of a post of the look that is gone: the same link, else
  the same time of day, else the same headline (each only when it points at one post);
- *new* otherwise.

A source the reader never looked at has nothing new: everything in it is simply unread.

Pure and Textual-free: the reader keeps looks in its state database, ``brief dump`` reads them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .model import Briefing, Entry, blake2b, normalise_text


@dataclass(frozen=True)
class PostMark:
    """One post of a source as the reader last saw it."""

    lineage: str
    """The id the post had when first seen: it stays the same through every edit."""
    id: str
    """The entry id it had then."""
    link: str | None
    published: str | None
    title: str
    """A hash of the normalised headline (headlines are compared, never shown)."""


def title_key(title: str) -> str:
    """The hash a ``PostMark`` keeps of a headline."""
    return blake2b(normalise_text(title).encode(), digest_size=6).hexdigest()


def marks_by_source(briefing: Briefing, lineage: Mapping[str, str] | None = None) -> dict[str, list[PostMark]]:
    """The look the reader has of every source now: its posts, in reading order.

    ``lineage`` gives the first id of an entry that came back edited (``Changes.lineage``).
    """
    known = lineage or {}
    marks: dict[str, list[PostMark]] = {source.path: [] for source in briefing.sources}
    for entry in briefing.entries:
        mark = PostMark(known.get(entry.id, entry.id), entry.id, entry.link, entry.published, title_key(entry.title))
        for path in {occurrence.path for occurrence in entry.occurrences}:
            marks.setdefault(path, []).append(mark)
    return marks


@dataclass(frozen=True)
class Changes:
    """What is new and what was edited since a look, by entry id."""

    new: frozenset[str] = frozenset()
    updated: Mapping[str, str] = field(default_factory=dict)
    """Entry id → the id of the version it replaced."""
    lineage: Mapping[str, str] = field(default_factory=dict)
    """Entry id → the id its post was first seen under, where that differs."""


def _timed(published: str | None) -> str | None:
    """A time that points at one moment (a day alone is shared by a whole day's posts)."""
    return published if published and "T" in published else None


def _successor(entry: Entry, gone: list[PostMark], claimed: set[int]) -> int | None:
    """The post of ``gone`` that ``entry`` is an edit of: the same link, else the same time,
    else the same headline, each only when one post of ``gone`` has it. Two posts with
    different links, or different times of day, are never one post."""
    link, moment = entry.link, _timed(entry.published)
    candidates = [
        i
        for i, mark in enumerate(gone)
        if i not in claimed
        and not (link and mark.link and mark.link != link)
        and not (moment and _timed(mark.published) and _timed(mark.published) != moment)
    ]
    tests = (
        (link, lambda mark: mark.link),
        (moment, lambda mark: _timed(mark.published)),
        (title_key(entry.title), lambda mark: mark.title),
    )
    for value, attribute in tests:
        if not value:
            continue
        found = [i for i in candidates if attribute(gone[i]) == value]
        if len(found) == 1:
            return found[0]
    return None


def compare(looks: Mapping[str, Sequence[PostMark]], briefing: Briefing, arrived: Iterable[str] = ()) -> Changes:
    """What ``briefing`` holds that the ``looks`` (per source path) did not.

    A source without a look was never seen: nothing in it is new, unless it is in
    ``arrived`` (a file that appeared while the reader ran, or in a folder already seen).
    """
    arrivals = set(arrived)
    by_source: dict[str, list[Entry]] = {}
    for entry in briefing.entries:
        for path in {occurrence.path for occurrence in entry.occurrences}:
            by_source.setdefault(path, []).append(entry)
    known: set[str] = set()  # entries some look already holds as they are
    fresh: set[str] = set()
    updated: dict[str, str] = {}
    lineage: dict[str, str] = {}
    for path, entries in by_source.items():
        look = looks.get(path)
        if look is None:
            if path in arrivals:
                fresh.update(entry.id for entry in entries)
            else:
                known.update(entry.id for entry in entries)
            continue
        ids = {mark.id: mark for mark in look}
        present: set[str] = set()
        unmatched: list[Entry] = []
        for entry in entries:
            variants = entry.member_ids or (entry.id,)
            match = next((ids[v] for v in (entry.id, *variants) if v in ids), None)
            if match is None:
                unmatched.append(entry)
                continue
            known.add(entry.id)
            present.add(match.id)
            if match.lineage != entry.id:
                lineage[entry.id] = match.lineage
        gone = [mark for mark in look if mark.id not in present]
        claimed: set[int] = set()
        for entry in unmatched:
            found = _successor(entry, gone, claimed) if gone else None
            if found is None:
                fresh.add(entry.id)
                continue
            claimed.add(found)
            updated[entry.id] = gone[found].id
            lineage[entry.id] = gone[found].lineage
    updated = {entry_id: old for entry_id, old in updated.items() if entry_id not in known}
    return Changes(frozenset(fresh - known - updated.keys()), updated, lineage)


def encode_look(marks: Sequence[PostMark]) -> str:
    """A look as compact JSON, for the state database."""
    rows = [[m.lineage if m.lineage != m.id else "", m.id, m.link or "", m.published or "", m.title] for m in marks]
    return json.dumps(rows, separators=(",", ":"), ensure_ascii=False)


def decode_look(text: str) -> list[PostMark] | None:
    """A look written by ``encode_look``; None when the text is not one (never an error)."""
    try:
        rows = json.loads(text)
        return [
            PostMark(str(lineage or identity), str(identity), str(link) or None, str(published) or None, str(title))
            for lineage, identity, link, published, title in rows
        ]
    except (ValueError, TypeError):
        return None


# ---- word diffs ----------------------------------------------------------------------------
_TOKEN = re.compile(r"\n{2,}|\S+")


@dataclass(frozen=True)
class DiffPiece:
    """A run of words the two versions share (``same``), or that one of them adds or drops."""

    kind: str
    """``same``, ``added``, ``removed`` or ``folded`` (unchanged words left out)."""
    text: str


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("\r\n", "\n"))


def _joined(tokens: Sequence[str]) -> str:
    out: list[str] = []
    for token in tokens:
        if token.startswith("\n"):
            out.append("\n\n")
        else:
            if out and not out[-1].endswith("\n"):
                out.append(" ")
            out.append(token)
    return "".join(out)


def word_diff(old: str, new: str, context: int = 8) -> list[DiffPiece]:
    """The words of ``new`` against ``old``: added and removed runs, with at most ``context``
    unchanged words kept either side of a change (the rest folded into one piece, whose text
    says how many words it stands for). Paragraph breaks count as words, so a paragraph added
    at the end shows as one added run."""
    import difflib  # only when a diff is shown

    before, after = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    opcodes = matcher.get_opcodes()
    pieces: list[DiffPiece] = []
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            run = before[i1:i2]
            first, last = number == 0, number == len(opcodes) - 1
            keep_head = 0 if first else context
            keep_tail = 0 if last else context
            if first and last:
                keep_head = len(run)  # no change at all: nothing to fold around
            if len(run) > keep_head + keep_tail + 1:
                if keep_head:
                    pieces.append(DiffPiece("same", _joined(run[:keep_head])))
                hidden = len(run) - keep_head - keep_tail
                pieces.append(DiffPiece("folded", f"{hidden} unchanged word{'s' if hidden != 1 else ''}"))
                if keep_tail:
                    pieces.append(DiffPiece("same", _joined(run[-keep_tail:])))
            else:
                pieces.append(DiffPiece("same", _joined(run)))
            continue
        if tag in ("delete", "replace"):
            pieces.append(DiffPiece("removed", _joined(before[i1:i2])))
        if tag in ("insert", "replace"):
            pieces.append(DiffPiece("added", _joined(after[j1:j2])))
    return pieces


def version_text(title: str, body: str) -> str:
    """What two versions of an entry are compared on: the headline, then the text."""
    return f"{title}\n\n{body}"
