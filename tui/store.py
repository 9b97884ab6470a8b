"""Read and starred marks in SQLite (WAL) under the XDG state dir, keyed by entry id.

Marks belong to the deduplicated entry: marking writes every member id, and an entry counts
as read when any of its member ids is. A corrupt database is moved aside (never deleted) and a
fresh one started; a read-only or locked one falls back to memory, and Brief says so.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS marks (
    id TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    updated REAL NOT NULL
)
"""
PREFS_SCHEMA = """
CREATE TABLE IF NOT EXISTS prefs (key TEXT PRIMARY KEY, value TEXT NOT NULL)
"""
"""Choices made in the reader itself (a theme picked in the palette): state, not config."""


class MarkStore:
    """Persistent marks; every change is committed at once (so SIGHUP loses nothing)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.warning: str | None = None
        self.read: set[str] = set()
        self.starred: set[str] = set()
        self._db: sqlite3.Connection | None = None
        self._unsaved: list[tuple[str, str, int, float]] = []
        self.prefs: dict[str, str] = {}
        if path is not None:
            self._open(path)

    def _connect(self, path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=5.0, isolation_level=None)
        db.execute("PRAGMA busy_timeout=5000")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(SCHEMA)
        db.execute(PREFS_SCHEMA)
        db.execute("PRAGMA quick_check").fetchone()
        return db

    def _absorb(self, rows: Iterable[tuple[str, int, int]]) -> None:
        for mark_id, read, starred in rows:
            if read:
                self.read.add(mark_id)
            if starred:
                self.starred.add(mark_id)

    def _load(self, path: Path) -> None:
        self._db = self._connect(path)
        self._absorb(self._db.execute("SELECT id, read, starred FROM marks"))
        self.prefs.update(self._db.execute("SELECT key, value FROM prefs"))

    def _open(self, path: Path) -> None:
        try:
            self._load(path)
        except sqlite3.DatabaseError as error:
            self._db = None
            text = str(error)
            if any(word in text for word in ("malformed", "not a database", "corrupt")):
                backup = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
                try:
                    shutil.move(str(path), backup)
                    for suffix in ("-wal", "-shm"):
                        side = path.with_name(path.name + suffix)
                        if side.exists():
                            shutil.move(str(side), backup.with_name(backup.name + suffix))
                    self._load(path)
                    self.warning = f"state database {path} was corrupt; kept it as {backup} and started afresh"
                except (OSError, sqlite3.DatabaseError) as again:
                    self._db = None
                    self.warning = f"state database {path} is unusable ({again}); marks kept in memory only"
            else:
                self.warning = f"state database {path}: {error}; new marks kept in memory only this session"
                self._read_only_load(path)
        except OSError as error:
            self.warning = f"state database {path}: {error.strerror or error}; marks kept in memory only"

    @classmethod
    def read_only(cls, path: Path) -> MarkStore:
        """The marks saved at ``path``, read without ever writing it (for `brief dump`)."""
        store = cls(None)
        store.path = path
        if path.exists():
            store._read_only_load(path)
        return store

    def _read_only_load(self, path: Path) -> None:
        """Show the marks already saved even when the database cannot be written (read-only, locked)."""
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2.0)
            try:
                rows = db.execute("SELECT id, read, starred FROM marks").fetchall()
            finally:
                db.close()
        except sqlite3.DatabaseError:
            return
        self._absorb(rows)

    def is_read(self, ids: Iterable[str]) -> bool:
        return any(i in self.read for i in ids)

    def is_starred(self, ids: Iterable[str]) -> bool:
        return any(i in self.starred for i in ids)

    def set_read(self, ids: Iterable[str], value: bool) -> None:
        self._set(list(ids), "read", value, self.read)

    def set_starred(self, ids: Iterable[str], value: bool) -> None:
        self._set(list(ids), "starred", value, self.starred)

    def _set(self, ids: list[str], column: str, value: bool, cache: set[str]) -> None:
        if value:
            cache.update(ids)
        else:
            cache.difference_update(ids)
        now = time.time()
        self._unsaved.extend((column, i, int(value), now) for i in ids)
        self.flush()

    def flush(self) -> bool:
        """Write every mark not yet on disk; a locked database is retried at the next change."""
        if self._db is None or not self._unsaved:
            return not self._unsaved
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                for column in ("read", "starred"):
                    rows = [(i, v, t) for c, i, v, t in self._unsaved if c == column]
                    if rows:
                        self._db.executemany(
                            f"INSERT INTO marks (id, {column}, updated) VALUES (?, ?, ?) "
                            f"ON CONFLICT(id) DO UPDATE SET {column}=excluded.{column}, updated=excluded.updated",
                            rows,
                        )
            self._unsaved.clear()
            return True
        except sqlite3.DatabaseError as error:
            self.warning = (
                f"could not save {len(self._unsaved)} mark(s) to {self.path} ({error}); "
                "kept, and retried with your next change"
            )
            return False

    def set_pref(self, key: str, value: str) -> None:
        """Remember a choice made in the reader (kept in memory when the database is not writable)."""
        self.prefs[key] = value
        if self._db is None:
            return
        try:
            self._db.execute(
                "INSERT INTO prefs (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, value),
            )
        except sqlite3.DatabaseError as error:
            self.warning = f"could not save your choice of {key} to {self.path} ({error})"

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None
