"""The parse cache: parsed sources and whole annotated briefings in SQLite (XDG cache dir).

Files are keyed by path, size, modification time and content hash plus the settings that
affect parsing; a briefing by the keys of all its files. A warm start therefore reads no source
text and runs no deduplication. Anything wrong with the cache (corrupt, unreadable, from
another version) makes Brief discard it and rebuild: the cache is never a reason to fail.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import time
from collections.abc import Sequence
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from .model import Briefing, Entry, RawEntry, blake2b
from .settings import ParseSettings

SCHEMA_VERSION = "118"  # bumped when parsing or annotation rules change what is stored
_CHUNK = 2000
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest TEXT, settings TEXT,
    format TEXT, error TEXT, entries BLOB
);
CREATE TABLE IF NOT EXISTS briefings (key TEXT PRIMARY KEY, used REAL, data BLOB);
"""


@dataclass(frozen=True)
class FileKey:
    """What identifies one version of a source file."""

    path: str
    size: int
    mtime_ns: int
    digest: str


def digest_file(path: str) -> str:
    """A content hash of a file (blake2b, streamed)."""
    hasher = blake2b(digest_size=16)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


class ParseCache:
    """A SQLite cache; every method degrades to "no cache" on any database trouble."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.note: str | None = None
        self._db: sqlite3.Connection | None = None
        self._known: tuple[str, dict[str, tuple[int, int, str]]] | None = None
        if path is not None:
            self._db = self._open(path)

    def _open(self, path: Path) -> sqlite3.Connection | None:
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=2.0, isolation_level=None, check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(_SCHEMA)
                row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if row is None or row[0] != SCHEMA_VERSION:
                    db.executescript("DELETE FROM files; DELETE FROM briefings;")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                return db
            except (sqlite3.DatabaseError, OSError) as error:
                if attempt == 0:
                    self.note = f"parse cache {path} was unusable ({error}); rebuilt it"
                    for suffix in ("", "-wal", "-shm"):
                        with suppress(OSError):
                            os.remove(f"{path}{suffix}")
                else:
                    self.note = f"parse cache {path} unusable ({error}); running without it"
        return None

    def _fail(self, error: Exception) -> None:
        self.note = f"parse cache disabled for this run ({error})"
        if self._db is not None:
            with suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    # ---- files ----------------------------------------------------------------------------
    def _known_files(self, settings: ParseSettings) -> dict[str, tuple[int, int, str]]:
        """Every cached file's (size, mtime, digest), read in one query per run."""
        fingerprint = settings.fingerprint()
        if self._known is not None and self._known[0] == fingerprint:
            return self._known[1]
        rows: dict[str, tuple[int, int, str]] = {}
        if self._db is not None:
            try:
                for path, size, mtime_ns, digest in self._db.execute(
                    "SELECT path, size, mtime_ns, digest FROM files WHERE settings=?", (fingerprint,)
                ):
                    rows[str(path)] = (int(size), int(mtime_ns), str(digest))
            except sqlite3.Error as error:
                self._fail(error)
        self._known = (fingerprint, rows)
        return rows

    def file_key(self, path: str, settings: ParseSettings) -> FileKey | None:
        """The key of ``path`` as it is now; reuses the stored hash when size and mtime match."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        known = self._known_files(settings)
        row = known.get(path)
        if row is not None and row[0] == info.st_size and row[1] == info.st_mtime_ns:
            return FileKey(path, info.st_size, info.st_mtime_ns, row[2])
        try:
            return FileKey(path, info.st_size, info.st_mtime_ns, digest_file(path))
        except OSError:
            return None

    def get_file(self, key: FileKey, settings: ParseSettings) -> tuple[str | None, str | None, tuple[RawEntry, ...]] | None:
        """(format, error, entries) parsed earlier from this exact content, if cached."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT format, error, entries FROM files WHERE path=? AND digest=? AND settings=?",
                (key.path, key.digest, settings.fingerprint()),
            ).fetchone()
            if row is None:
                return None
            entries = pickle.loads(row[2])
            if row[1] is None and row[0] is not None:
                self._db.execute(
                    "UPDATE files SET size=?, mtime_ns=? WHERE path=?", (key.size, key.mtime_ns, key.path)
                )
            return row[0], row[1], tuple(entries)
        except (sqlite3.Error, pickle.PickleError, EOFError, AttributeError, TypeError, ValueError) as error:
            self._fail(error)
            return None

    def last_file(self, path: str, settings: ParseSettings) -> tuple[str | None, str | None, tuple[RawEntry, ...]] | None:
        """(format, error, entries) of the last reading of ``path`` cached, whatever its content
        was: what a file deleted or cut short mid-write held before."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT format, error, entries FROM files WHERE path=? AND settings=?", (path, settings.fingerprint())
            ).fetchone()
            return None if row is None else (row[0], row[1], tuple(pickle.loads(row[2])))
        except (sqlite3.Error, pickle.PickleError, EOFError, AttributeError, TypeError, ValueError) as error:
            self._fail(error)
            return None

    def put_file(
        self, key: FileKey, settings: ParseSettings, fmt: str | None, error: str | None, entries: Sequence[RawEntry]
    ) -> None:
        if self._db is None:
            return
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key.path, key.size, key.mtime_ns, key.digest, settings.fingerprint(), fmt, error,
                 pickle.dumps(tuple(entries), protocol=pickle.HIGHEST_PROTOCOL)),
            )  # fmt: skip
        except sqlite3.Error as failure:
            self._fail(failure)

    # ---- whole briefings ------------------------------------------------------------------
    @staticmethod
    def briefing_key(keys: Sequence[FileKey | tuple[str, str]], settings: ParseSettings) -> str:
        hasher = blake2b(digest_size=16)
        hasher.update(settings.fingerprint().encode())
        for key in keys:
            hasher.update(repr(key if isinstance(key, tuple) else (key.path, key.digest)).encode())
        return hasher.hexdigest()

    def get_briefing(self, key: str, pause: float = 0.0) -> Briefing | None:
        """The cached briefing, unpacked in chunks; ``pause`` seconds between chunks let another
        thread (the reader's UI) run while a large briefing is being unpacked."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT data FROM briefings WHERE key=?", (key,)).fetchone()
            if row is None:
                return None
            sources, actors, topics, chunks = pickle.loads(row[0])
            entries: list[Entry] = []
            for chunk in chunks:
                entries.extend(pickle.loads(chunk))
                if pause:
                    time.sleep(pause)
            return Briefing(sources=sources, entries=tuple(entries), actors=actors, topics=topics)
        except (sqlite3.Error, pickle.PickleError, EOFError, AttributeError, TypeError, ValueError) as error:
            self._fail(error)
            return None

    def put_briefing(self, key: str, briefing: Briefing, keep: int = 8) -> None:
        if self._db is None:
            return
        try:
            entries = briefing.entries
            chunks = [
                pickle.dumps(entries[start : start + _CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
                for start in range(0, len(entries), _CHUNK)
            ]
            data = pickle.dumps(
                (briefing.sources, briefing.actors, briefing.topics, chunks), protocol=pickle.HIGHEST_PROTOCOL
            )
            self._db.execute("INSERT OR REPLACE INTO briefings VALUES (?, ?, ?)", (key, time.time(), data))
            self._db.execute(
                "DELETE FROM briefings WHERE key NOT IN (SELECT key FROM briefings ORDER BY used DESC LIMIT ?)", (keep,)
            )
        except sqlite3.Error as error:
            self._fail(error)

    def close(self) -> None:
        if self._db is not None:
            with closing(self._db):
                pass
            self._db = None

