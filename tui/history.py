"""What the reader saw of each source, and the versions of edited entries, in the state database.

Two tables beside the marks in ``state.db``:

- ``looks``: per source path, the posts it held when the reader last quit (``PostMark``s as
  JSON), so the next start can tell new and edited posts (``parsers.versions.compare``);
- ``versions``: texts of an entry's versions, keyed by its lineage (the id its post was first
  seen under): the one the reader read, and each one seen after an edit. The last
  ``KEEP_VERSIONS`` per entry are kept; every write is committed at once, so a crash loses none.

Like ``MarkStore``, trouble with the database never stops the reader: it says so and works in
memory.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..parsers.versions import PostMark, decode_look, encode_look

KEEP_VERSIONS = 5
SCHEMA = """
CREATE TABLE IF NOT EXISTS looks (path TEXT PRIMARY KEY, marks TEXT NOT NULL, updated REAL NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
    lineage TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
    seen REAL NOT NULL, read REAL, PRIMARY KEY (lineage, id)
);
"""


@dataclass(frozen=True)
class Version:
    """One text an entry had."""

    id: str
    title: str
    body: str
    seen: float
    """When Brief first saw this text (seconds since the epoch)."""
    read: float | None
    """When the reader last opened it, if ever."""


class History:
    """Looks and versions; a path of None (or any database trouble) keeps them in memory."""

    def __init__(self, path: Path | None, read_only: bool = False) -> None:
        self.path = path
        self.warning: str | None = None
        self._db: sqlite3.Connection | None = None
        self._looks: dict[str, str] = {}
        self._versions: dict[str, dict[str, Version]] = {}
        self.read_ids: set[str] = set()
        """Ids of versions the reader has opened (an "updated" mark clears when read)."""
        if path is not None:
            try:
                self._db = self._connect(path, read_only)
                for _lineage, identity in self._db.execute("SELECT lineage, id FROM versions WHERE read IS NOT NULL"):
                    self.read_ids.add(str(identity))
            except (sqlite3.Error, OSError) as error:
                self._db = None
                if not read_only:
                    self.warning = f"state database {path}: {error}; what is new and edited is kept in memory only"

    @staticmethod
    def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
        if read_only:
            if not path.exists():
                raise sqlite3.OperationalError("no state database yet")
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2.0, check_same_thread=False)
            db.execute("SELECT 1 FROM looks LIMIT 1")
            return db
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout=5000")
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript(SCHEMA)
        return db

    def _write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        if self._db is None or not rows:
            return
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(sql, rows)
        except sqlite3.Error as error:
            self.warning = f"could not save to {self.path} ({error}); kept in memory this session"

    # ---- looks ------------------------------------------------------------------------------
    def looks(self, paths: Iterable[str]) -> dict[str, list[PostMark]]:
        """The last look at each of ``paths`` that has one (a path, relative or not, stands
        for its file: looks are kept under absolute paths)."""
        given = {_absolute(p): p for p in paths}
        wanted = [p for p in given if p not in self._looks]
        if self._db is not None and wanted:
            try:
                for start in range(0, len(wanted), 500):
                    chunk = wanted[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    for path, text in self._db.execute(f"SELECT path, marks FROM looks WHERE path IN ({marks})", chunk):
                        self._looks[str(path)] = str(text)
            except sqlite3.Error as error:
                self.warning = f"could not read {self.path} ({error})"
        found: dict[str, list[PostMark]] = {}
        for path, name in given.items():
            text = self._looks.get(path)
            look = decode_look(text) if text is not None else None
            if look is not None:
                found[name] = look
        return found

    def has_look_near(self, path: str) -> bool:
        """Does a source in the same folder have a look (the folder has been read before)?"""
        folder = os.path.dirname(_absolute(path)) + os.sep
        if self._db is None:
            return any(p.startswith(folder) for p in self._looks)
        try:
            pattern = folder.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            row = self._db.execute("SELECT 1 FROM looks WHERE path LIKE ? ESCAPE '\\' LIMIT 1", (pattern,)).fetchone()
        except sqlite3.Error:
            return False
        return row is not None

    def save_looks(self, looks: Mapping[str, Sequence[PostMark]]) -> None:
        """Remember these looks (only those that changed are written)."""
        now = time.time()
        rows: list[tuple[object, ...]] = []
        for name, marks in looks.items():
            path = _absolute(name)
            text = encode_look(marks)
            if self._looks.get(path) != text:
                self._looks[path] = text
                rows.append((path, text, now))
        self._write("INSERT OR REPLACE INTO looks VALUES (?, ?, ?)", rows)

    # ---- versions ---------------------------------------------------------------------------
    def versions(self, lineage: str) -> list[Version]:
        """Every kept version of an entry, oldest first."""
        kept = dict(self._versions.get(lineage, {}))
        if self._db is not None:
            try:
                for identity, title, body, seen, read in self._db.execute(
                    "SELECT id, title, body, seen, read FROM versions WHERE lineage=?", (lineage,)
                ):
                    kept.setdefault(str(identity), Version(str(identity), str(title), str(body), float(seen), read))
            except sqlite3.Error as error:
                self.warning = f"could not read {self.path} ({error})"
        return sorted(kept.values(), key=lambda v: (v.seen, v.id))

    def counts(self, lineages: Iterable[str]) -> dict[str, int]:
        """How many versions are kept for each lineage that has any."""
        wanted = list(dict.fromkeys(lineages))
        found: dict[str, int] = {k: len(v) for k, v in self._versions.items() if k in set(wanted)}
        if self._db is not None:
            try:
                for start in range(0, len(wanted), 500):
                    chunk = wanted[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    for lineage, count in self._db.execute(
                        f"SELECT lineage, COUNT(*) FROM versions WHERE lineage IN ({marks}) GROUP BY lineage", chunk
                    ):
                        found[str(lineage)] = max(found.get(str(lineage), 0), int(count))
            except sqlite3.Error:
                pass
        return found

    def kept_ids(self, lineages: Iterable[str]) -> dict[str, set[str]]:
        """The version ids kept for each lineage."""
        return {lineage: {v.id for v in self.versions(lineage)} for lineage in lineages}

    def keep(self, lineage: str, identity: str, title: str, body: str, read: bool = False, seen: float | None = None) -> None:
        """Keep one version (once; a read one has its read time set), and only the last
        ``KEEP_VERSIONS`` of its entry."""
        now = time.time()
        mine = self._versions.setdefault(lineage, {})
        kept = {v.id: v for v in self.versions(lineage)}  # memory and database together
        stored = kept.get(identity)
        if stored is not None and not read:
            mine[identity] = stored
            return
        first_seen = stored.seen if stored is not None else (seen if seen is not None else now)
        version = Version(identity, title, body, first_seen, now if read else None)
        mine[identity] = kept[identity] = version
        if read:
            self.read_ids.add(identity)
        self._write(
            "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(lineage, id) DO UPDATE SET read=excluded.read",
            [(lineage, identity, title, body, first_seen, version.read)],
        )
        ordered = sorted(kept.values(), key=lambda v: (v.seen, v.id))
        if len(ordered) > KEEP_VERSIONS:
            old = [v.id for v in ordered[: len(ordered) - KEEP_VERSIONS]]
            for gone in old:
                mine.pop(gone, None)
            self._write("DELETE FROM versions WHERE lineage=? AND id=?", [(lineage, gone) for gone in old])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _absolute(path: str) -> str:
    return os.path.abspath(os.path.expanduser(path))
