"""The one seam in front of the second process: jobs asked by name and type, answers as values.

A load asks ``Workers`` to parse files, scan entries for names and find topics, and later
reads each answer with ``Pending.result()``. Behind it the helper process (see ``helper``) may
do the job; if there is none, or it fails, breaks or answers nonsense, the job is done here
when its result is read. So a result is always there and always the same: the briefing is byte
for byte the one a load without the helper makes, and the rest of the code never asks whether a
second process exists (only ``schedule`` does, through ``parallel``, to share the work).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from .actors import ScanResult
    from .digest import Digest
    from .helper import Helper
    from .settings import ParseSettings
    from .source import Parsed
    from .topics import TopicScan

T = TypeVar("T")


class Pending(Generic[T]):
    """A job's answer, read once: the helper's when it gave a good one, else made here."""

    def __init__(
        self, fetch: Callable[[], T | None], fallback: Callable[[], T], ready: Callable[[], bool] | None = None
    ) -> None:
        self._fetch: Callable[[], T | None] | None = fetch
        self._fallback: Callable[[], T] | None = fallback
        self._ready = ready
        self._value: T | None = None

    def ready(self) -> bool:
        """Whether ``result()`` would not wait on the helper: its answer has begun to come
        (a job done here, with no helper, is never ready before it is asked for)."""
        return self._fetch is None or (self._ready is not None and self._ready())

    def result(self) -> T:
        """Wait for the answer (or do the job here); the job's inputs are let go after."""
        if self._fetch is not None:
            fetch, fallback = self._fetch, self._fallback
            self._fetch = self._fallback = None  # the closures hold the job's texts
            assert fallback is not None
            found = fetch()
            self._value = found if found is not None else fallback()
        assert self._value is not None
        return self._value


def _nothing() -> None:
    return None


class Workers:
    """No second process: every job is done here, when its result is read."""

    parallel = False
    """Whether jobs run beside this process (the schedule shares work only then)."""

    def parse(
        self, paths: Sequence[str], settings: ParseSettings, fallback: Callable[[], list[tuple[Parsed, Digest]]]
    ) -> Pending[list[tuple[Parsed, Digest]]]:
        """Each path read, parsed and digested, in order."""
        return Pending(_nothing, fallback)

    def parse_part(
        self, path: str, settings: ParseSettings, part: tuple[int, int, int], fallback: Callable[[], tuple[Parsed, Digest]]
    ) -> Pending[tuple[Parsed, Digest]]:
        """One run of a big feed's items (see ``source.parse_bytes``), parsed and digested."""
        return Pending(_nothing, fallback)

    def scan(
        self, texts: Sequence[tuple[str, str]], first: int, kept_from: int, fallback: Callable[[], list[ScanResult]]
    ) -> Pending[list[ScanResult]]:
        """Names in the entries numbered from ``first`` (``texts`` start at ``kept_from``: those
        before ``first`` are there for the topics job that follows)."""
        return Pending(_nothing, fallback)

    def topics(
        self, defined: Sequence[tuple[str, Sequence[str]]], step: int, fallback: Callable[[], TopicScan]
    ) -> Pending[TopicScan]:
        """Topics of the texts the scan was given: the last job of a load (the process then goes)."""
        return Pending(_nothing, fallback)

    def close(self) -> None:
        """Let the second process go (at once if it is mid-job)."""

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()


class HelperWorkers(Workers):
    """Jobs sent to the helper process; a missing or broken answer is made here instead."""

    parallel = True

    def __init__(self, helper: Helper) -> None:
        self._helper = helper

    def parse(
        self, paths: Sequence[str], settings: ParseSettings, fallback: Callable[[], list[tuple[Parsed, Digest]]]
    ) -> Pending[list[tuple[Parsed, Digest]]]:
        from .digest import is_digested
        from .helper import unpickle_parts

        if not paths:
            return Pending(list, fallback)  # nothing to ask for
        # A few paths and the settings: small enough to ask while earlier answers are due, so
        # a load asks for its files in several runs and keeps each run as it comes.
        ticket = self._helper.ask_more("parse", list(paths), settings)

        def fetch() -> list[tuple[Parsed, Digest]] | None:
            answers = unpickle_parts(self._helper.answer(ticket), tuple)
            if answers is None or len(answers) != len(paths) or not all(map(is_digested, answers)):
                return None
            return list(answers)

        return Pending(fetch, fallback, lambda: self._helper.ready(ticket))

    def parse_part(
        self, path: str, settings: ParseSettings, part: tuple[int, int, int], fallback: Callable[[], tuple[Parsed, Digest]]
    ) -> Pending[tuple[Parsed, Digest]]:
        from .digest import is_digested
        from .helper import unpickle_parts

        ticket = self._helper.ask("parse part", path, settings, part)

        def fetch() -> tuple[Parsed, Digest] | None:
            answers = unpickle_parts(self._helper.answer(ticket), tuple)
            found = answers[0] if answers else None
            return found if is_digested(found) else None

        return Pending(fetch, fallback)

    def scan(
        self, texts: Sequence[tuple[str, str]], first: int, kept_from: int, fallback: Callable[[], list[ScanResult]]
    ) -> Pending[list[ScanResult]]:
        from .actors import ScanResult
        from .helper import unpickle_parts

        ticket = self._helper.ask("scan", texts, first, kept_from)
        return Pending(lambda: unpickle_parts(self._helper.answer(ticket), ScanResult), fallback)

    def topics(
        self, defined: Sequence[tuple[str, Sequence[str]]], step: int, fallback: Callable[[], TopicScan]
    ) -> Pending[TopicScan]:
        from .topics import TopicScan

        # Small: it follows the scan's request in the pipe while that answer is still coming.
        ticket = self._helper.ask_more("topics", defined, step)

        def fetch() -> TopicScan | None:
            found = self._helper.answer(ticket)
            self.close()  # its last job is done: its texts and memory go now, not at the end
            return found if isinstance(found, TopicScan) else None

        return Pending(fetch, fallback)

    def close(self) -> None:
        self._helper.close()


def start_workers(total_bytes: int) -> Workers:
    """The helper process for a big enough input on a machine with a CPU to spare, else none."""
    from .helper import start_helper

    helper = start_helper(total_bytes)
    return HelperWorkers(helper) if helper is not None else Workers()
