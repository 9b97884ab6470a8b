"""Following live sources: files read again as they change, and what is new or edited.

``Live`` is Textual-free: the app calls it from its workers and shows what it returns.

- At start, ``begin`` compares the briefing with the reader's last look at each source (kept
  in ``History``) and keeps the text of every entry that came back edited.
- When watched files change, ``reread`` reads those alone and splices them into the briefing
  (``parsers.live.splice``: well under 2 s at 100 000 entries); a briefing of up to
  ``FULL_RELOAD_MAX`` entries is then loaded whole again off screen (``full_reload``), so
  duplicates and names fold exactly as on a fresh start.
- A file deleted, emptied or unreadable mid-write is said once, and its entries stay until it
  is back.
- At quit, ``save`` writes the looks: the next start's "new" is measured from there.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..parsers import Briefing, Parsed, expand_sources, load, read_source
from ..parsers.model import Entry
from ..parsers.settings import ParseSettings
from ..parsers.versions import Changes, PostMark, compare, marks_by_source
from .history import History

if TYPE_CHECKING:
    from ..parsers.cache import ParseCache

FULL_RELOAD_MAX = 20_000
"""Up to this many entries a change is followed by a whole load (a few seconds here)."""


@dataclass
class Reread:
    """What reading changed files again gave."""

    briefing: Briefing | None
    """The briefing with them spliced in; None when nothing could be read anew."""
    notes: list[str] = field(default_factory=list)
    """What to tell the reader once (a file deleted, cut short, or back)."""


class Live:
    """The reader's view of its sources over time: baseline looks, arrivals, edits, stale files."""

    def __init__(self, sources: Sequence[str], settings: ParseSettings, history: History) -> None:
        self.sources = list(sources)
        self.settings = settings
        self.history = history
        self.baseline: dict[str, list[PostMark]] = {}
        self.arrived: set[str] = set()
        self.changes = Changes()
        self.stale: dict[str, str] = {}
        """Path → why its entries are the last good reading (deleted, emptied, unreadable)."""
        self.started = False

    # ---- start and quit -------------------------------------------------------------------
    def begin(self, briefing: Briefing) -> Changes:
        """The first look of this run: what is new and edited since the last run's."""
        paths = [source.path for source in briefing.sources if source.error is None]
        looks = self.history.looks(paths)
        folders = [s for s in self.sources if os.path.isdir(s)]
        current = marks_by_source(briefing)
        for path in paths:
            if path in looks:
                self.baseline[path] = looks[path]
            elif any(_under(path, folder) for folder in folders) and self.history.has_look_near(path):
                self.arrived.add(path)  # a file new in a folder the reader has read before
            else:
                self.baseline[path] = current.get(path, [])  # never seen: this is its first look
        self.started = True
        return self.refresh(briefing, None)

    def refresh(self, briefing: Briefing, before: Briefing | None) -> Changes:
        """Compare ``briefing`` with the baseline again; keep the texts of new edits (with the
        text they replaced, when ``before`` still holds it)."""
        earlier = self.changes
        self.changes = compare(self.baseline, briefing, self.arrived)
        for entry_id, old_id in self.changes.updated.items():
            if earlier.updated.get(entry_id) == old_id:
                continue
            entry = briefing.by_id.get(entry_id)
            if entry is None:
                continue
            lineage = self.lineage(entry)
            old = before.by_id.get(old_id) if before is not None else None
            if old is not None:
                self.history.keep(lineage, old.id, old.title, old.body)
            self.history.keep(lineage, entry.id, entry.title, entry.body)
        return self.changes

    def save(self, briefing: Briefing) -> None:
        """Remember what every source holds now, for the next run's "new" and "updated"."""
        if not self.started:
            return
        looks = marks_by_source(briefing, self.changes.lineage)
        self.history.save_looks({path: marks for path, marks in looks.items() if path not in self.stale})

    # ---- marks ----------------------------------------------------------------------------
    def lineage(self, entry: Entry) -> str:
        return self.changes.lineage.get(entry.id, entry.id)

    def is_new(self, entry: Entry) -> bool:
        return entry.id in self.changes.new

    def is_updated(self, entry: Entry) -> bool:
        """Edited since the last look, and this version not yet read."""
        return entry.id in self.changes.updated and entry.id not in self.history.read_ids

    def read(self, entry: Entry) -> None:
        """The reader opened ``entry``: keep this version as the one last read."""
        self.history.keep(self.lineage(entry), entry.id, entry.title, entry.body, read=True)

    # ---- changes while running ------------------------------------------------------------
    def watched(self) -> tuple[list[str], list[str]]:
        """(files, folders) to watch: the sources named, and what their globs match."""
        files: list[str] = []
        folders: list[str] = []
        for source in self.sources:
            if source == "-":
                continue
            if os.path.isdir(source):
                folders.append(source)
            else:
                files.extend(path for path, _ in expand_sources([source]) if path != "-")
        return files, folders

    def reread(self, briefing: Briefing, changed: Iterable[str]) -> Reread:
        """``briefing`` with the changed files (absolute paths) read again."""
        expanded = [path for path, error in expand_sources(self.sources) if error is None]
        known = {source.path for source in briefing.sources}
        by_absolute = {os.path.abspath(path): path for path in [*expanded, *known]}
        wanted = {by_absolute[path] for path in changed if path in by_absolute}
        wanted |= set(expanded) - known  # a file that appeared in a watched folder
        from ..parsers.live import splice  # deduplication's code: imported when a file changes

        result = Reread(None)
        current = briefing
        for path in sorted(wanted):
            parsed = read_source(path, self.settings)
            problem = _why_stale(path, parsed)
            if problem is not None:
                if path in known and self.stale.get(path) != problem:
                    result.notes.append(f"{path}: {problem}; its entries stay until it is back")
                self.stale[path] = problem
                continue
            if path in self.stale:
                del self.stale[path]
                result.notes.append(f"{path} is back")
            if path not in self.baseline:
                self.arrived.add(path)  # appeared while the reader runs: all of it is new
            current = splice(current, parsed, self.settings)
            result.briefing = current
        return result

    def full_reload(self, cache: ParseCache | None) -> Briefing:
        """The whole briefing loaded again (parses of unchanged files come from the cache);
        stale files give their last good reading."""
        stale = dict(self.stale)

        def read(path: str, settings: ParseSettings) -> Parsed:
            if path in stale and cache is not None:
                found = cache.last_file(path, settings)
                if found is not None and found[2]:
                    return Parsed(path, found[0], found[2], f"{stale[path]}; showing its last good reading")
            return read_source(path, settings)

        covered = {path for path, _ in expand_sources(self.sources)}
        return load([*self.sources, *(p for p in stale if p not in covered)], self.settings, cache=cache, read=read)


def _under(path: str, folder: str) -> bool:
    return os.path.abspath(path).startswith(os.path.abspath(folder).rstrip(os.sep) + os.sep)


def _why_stale(path: str, parsed: Parsed) -> str | None:
    """Why a file read again gives nothing to show in place of what it held, if it does not."""
    if parsed.entries:
        return None
    if not os.path.exists(path):
        return "deleted"
    return parsed.error or "no entries"
