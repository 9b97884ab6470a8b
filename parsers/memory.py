"""Hand freed memory back to the system between the phases of a big load."""

from __future__ import annotations

import contextlib
import sys


def release_freed_memory() -> None:
    """Return the C heap's free pages to the OS (glibc ``malloc_trim``).

    Python frees the large strings of one phase (the normalised texts of deduplication)
    into the C heap, where the small objects of the next phase, kept in Python's own
    arenas, cannot reuse them: without this the process keeps both at its peak. Elsewhere
    than glibc this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # musl and others have no malloc_trim
        ctypes.CDLL(None).malloc_trim(0)
