"""A second process for big cold loads: it parses files and scans entries beside this one.

Only work that gives the same answer wherever it runs is handed over (parsing a file,
scanning a run of entries for names), so a load gives the same briefing with or without
it, and whatever goes wrong in the helper, the work is simply done here instead.

The helper is a plain ``python -m brief.parsers.helper`` child talking pickles over its
stdin and stdout, not a multiprocessing pool: the reader loads from a thread (forking a
threaded process can deadlock), ``spawn`` would re-run the user's ``__main__`` and print
its tracebacks over the reader's screen, while this child starts in ~0.1 s, imports only
the parsers, and writes nothing to the terminal (its stderr goes to /dev/null).
"""

from __future__ import annotations

import os
import pickle
import queue
import select
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .settings import ParseSettings

T = TypeVar("T")

HELPER_MIN_BYTES = 3 * 1024 * 1024
"""Below this much uncached input a load takes well under a second, less than a helper saves."""


def spare_cpus() -> int:
    """CPUs this process may use beyond the one it runs on."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 1
    return max(0, usable - 1)


class Helper:
    """The child process, asked one job at a time; replies come back in the order asked."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
            # -P: the current directory is not put on the path, so a "brief" folder where the
            # user happens to be cannot stand in for the package.
            [sys.executable, "-P", "-m", "brief.parsers.helper"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._asked = 0
        self._answered = 0
        # Requests are written by a thread of their own: a request bigger than the pipe's
        # buffer (thousands of paths) written while the helper writes a big answer would leave
        # both processes waiting on each other; this one goes on reading answers meanwhile.
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        threading.Thread(target=self._write_requests, args=(self._process.stdin,), daemon=True, name="brief-helper-requests").start()
        _LIVE.add(self)

    def ask(self, job: str, *args: Any) -> int | None:
        """Start ``job(*args)`` in the helper; a ticket for ``answer``, or None if it is gone.
        Earlier answers must have been collected (a job that needs what the earlier ones left
        in the helper's session waits its turn there anyway)."""
        if self._process is None or self._answered != self._asked:
            return None
        return self._send(job, args)

    def ask_more(self, job: str, *args: Any) -> int | None:
        """``ask`` while earlier answers are still coming (a load's runs of files, asked at once)."""
        if self._process is None:
            return None
        return self._send(job, args)

    def _send(self, job: str, args: tuple[Any, ...]) -> int | None:
        try:
            request = pickle.dumps((job, args), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            self.close()
            return None
        self._outbox.put(request)
        self._asked += 1
        return self._asked

    def _write_requests(self, stdin: IO[bytes] | None) -> None:
        """The request thread: each request written whole, in the order asked, until the
        helper is closed or gone (its answers then fail, and the work is done here)."""
        while stdin is not None:
            request = self._outbox.get()
            if request is None:
                return
            try:
                stdin.write(request)
                stdin.flush()
            except (OSError, ValueError):  # closed, or the helper died
                return

    def ready(self, ticket: int | None) -> bool:
        """Whether ``answer(ticket)`` would start reading at once: its turn has come and the
        helper has begun to write it (or there is no answer to wait for). May say no while
        an answer is already buffered here: it is then read a little later, never lost."""
        if ticket is None or self._process is None:
            return True
        if ticket != self._answered + 1 or self._process.stdout is None:
            return False
        try:
            return bool(select.select([self._process.stdout], [], [], 0)[0])
        except (OSError, ValueError):
            return True  # answer() finds the helper gone and says so

    def answer(self, ticket: int | None) -> Any:
        """The result of the job ``ticket`` names (waiting for it), or None if it failed."""
        if ticket is None or self._process is None or ticket != self._answered + 1:
            return None  # answers are read in the order asked
        stdout = self._process.stdout
        assert stdout is not None
        try:
            ok, value = pickle.load(stdout)
        except Exception:  # the helper died or wrote garbage: the caller does the work itself
            self.close()
            return None
        self._answered += 1
        return value if ok else None

    def kill(self) -> None:
        """Stop the process at once (from another thread too: its pipes are left alone)."""
        if self._process is not None:
            self._process.kill()
        _LIVE.discard(self)

    def close(self) -> None:
        """Let the helper go (it exits when its stdin closes); kill it if it is mid-job."""
        process, self._process = self._process, None
        _LIVE.discard(self)
        if process is None:
            return
        self._outbox.put(None)  # the request thread stops
        mid_job = self._answered != self._asked
        if mid_job:
            # First, so that a request still being written fails at once rather than holding
            # the pipe (closing it would wait for that write).
            process.kill()
        for stream in (process.stdin, process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        try:
            process.wait(timeout=0 if mid_job else 0.2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


_LIVE: set[Helper] = set()


def stop_all_helpers() -> None:
    """Kill every helper still running (the reader is quitting in the middle of a load)."""
    for helper in list(_LIVE):
        helper.kill()


def start_helper(total_bytes: int) -> Helper | None:
    """A helper when the input is big enough and a CPU is free, else None."""
    if total_bytes < HELPER_MIN_BYTES or spare_cpus() < 1:
        return None
    try:
        return Helper()
    except OSError:  # no processes allowed here: everything loads in this process
        return None


# ---- the jobs (run in the helper) ------------------------------------------------------------
# Big results travel as a list of pickles, one per file or run of entries, each made as soon
# as its part is done: the helper then never holds all its results as objects (nor a pickle
# memo of millions of them), and the caller unpickles one part at a time.
_SCAN_PART = 2000


class Session:
    """What the jobs of one load share in the helper: the texts the scan job was given, which
    the topics job after it reads (so they cross the pipe once). One per connection."""

    def __init__(self) -> None:
        self.kept_from = 0
        self.texts: Sequence[tuple[str, str]] = ()


def parse_paths(session: Session, paths: Sequence[str], settings: ParseSettings) -> list[bytes]:
    """Each path read and parsed, as one pickled (``Parsed``, ``Digest``) per path."""
    from .digest import digested
    from .source import read_source

    seen: dict[bytes, Any] = {}
    return [pickle.dumps(digested(read_source(path, settings), settings, seen), protocol=pickle.HIGHEST_PROTOCOL) for path in paths]


def parse_part(session: Session, path: str, settings: ParseSettings, part: tuple[int, int, int]) -> list[bytes]:
    """One run of a big feed's items (see ``source.parse_bytes``), as one pickled (``Parsed``, ``Digest``)."""
    from .digest import digested
    from .source import parse_bytes, read_bytes

    return [pickle.dumps(digested(parse_bytes(path, read_bytes(path), settings, part), settings), protocol=pickle.HIGHEST_PROTOCOL)]


def scan_texts(session: Session, texts: Sequence[tuple[str, str]], first: int, kept_from: int | None = None) -> list[bytes]:
    """Pass 1 of actor extraction over entries numbered from ``first``, as pickled parts.

    ``texts`` are the entries from ``kept_from`` (``first`` when not given), kept in the
    session for the topics job: those before ``first`` are there for their topics only.
    """
    from .actors import scan_entries

    kept_from = first if kept_from is None else kept_from
    session.kept_from, session.texts = kept_from, texts
    names = texts[first - kept_from :]
    return [
        pickle.dumps(scan_entries(names[start : start + _SCAN_PART], first + start), protocol=pickle.HIGHEST_PROTOCOL)
        for start in range(0, len(names), _SCAN_PART)
    ]


def unpickle_parts(parts: object, kind: type[T]) -> list[T] | None:
    """The objects a job sent as pickled parts, or None if any part is not a ``kind``."""
    if not isinstance(parts, list):
        return None
    found: list[T] = []
    for part in parts:
        try:
            value = pickle.loads(part)
        except Exception:  # a damaged part: the caller redoes the job itself
            return None
        if not isinstance(value, kind):
            return None
        found.append(value)
    return found


def topics_of_kept(session: Session, defined: Sequence[tuple[str, Sequence[str]]], step: int) -> Any:
    """Topics of the entries the last scan read (see ``topics.scan_topics``)."""
    from .topics import scan_topics

    texts = [f"{title}\n{body}" for title, body in session.texts]
    session.texts = ()
    return scan_topics(texts, session.kept_from, defined, step)


JOBS: dict[str, Callable[..., Any]] = {
    "parse": parse_paths,
    "parse part": parse_part,
    "scan": scan_texts,
    "topics": topics_of_kept,
}


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    """Answer jobs until the requests end; a failing job answers (False, message)."""
    from .gazetteer import bundled_gazetteer
    from .memory import release_freed_memory

    session = Session()
    while True:
        try:
            job, args = pickle.load(requests)
        except EOFError:
            return
        try:
            reply: tuple[bool, Any] = (True, JOBS[job](session, *args))
        except Exception as error:  # reported to the parent, which then does the job itself
            reply = (False, repr(error))
        pickle.dump(reply, replies, protocol=pickle.HIGHEST_PROTOCOL)
        replies.flush()
        del reply, args
        release_freed_memory()
        # Read once the first job (parsing) is done, while the parent deduplicates: before it,
        # its 70 ms would delay the parsing the parent is waiting for.
        bundled_gazetteer()


if __name__ == "__main__":
    from .memory import no_collection_in_this_process

    no_collection_in_this_process()
    # Replies get their own copy of stdout; anything else that prints goes to /dev/null.
    _replies = os.fdopen(os.dup(1), "wb")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    serve(sys.stdin.buffer, _replies)
