"""Character n-gram signatures of every entry, so a search keystroke reads only the entries
that can match instead of scanning every body (51 MB of text at 100 000 entries). Textual-free.

Each entry gets a bit for each letter or digit it holds, for each pair of them (exactly: one bit
a pair of ``[a-z0-9]``), for each of the runs of three letters or digits common in the briefing
(exactly: "the", "min", "por"…, chosen from a sample), and, hashed into a shared block of bits,
for every other pair and run of three characters. Runs with whitespace get none: a needle never
holds whitespace (the query is split on it), so they could only blur the others. A needle can
only be in an entry that has all of the needle's bits, so the signatures pick candidates with no
false negatives; where the bits are exact (one or two letters or digits, or a common run of
three) the candidates are the answer, else each candidate is checked.

The bits are stored transposed (a row of entry bits per n-gram) and packed, so a needle's test
is a few vectorised ANDs over rows of N/8 bytes. numpy does the packing and the ANDs (a few
milliseconds at 100 000 entries; building takes ~1 s off the UI thread, numpy releasing the GIL
for its large array work); it is imported only when a briefing is big enough to need it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

MIN_CHARS = 2_000_000
"""Texts shorter than this in all are scanned directly: a scan is then a couple of milliseconds."""

_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_OTHER = len(_ALNUM)
"""The slot (and row) of any character that is neither a letter or digit nor whitespace."""
_SPACE = _OTHER + 1
"""The slot of whitespace and of the NUL between entries; its row is scratch, never tested."""
_WHITESPACE = [0, *(code for code in range(0x3001) if chr(code).isspace())]
_EXACT = _SPACE + 1
"""First of the 36 × 36 rows of pairs of letters and digits."""
_HASHED = _EXACT + len(_ALNUM) ** 2
"""First of the rows for hashed n-grams: other pairs and runs of three (~15% set in a
700-character entry)."""
_COMMON = _HASHED + 2048
"""First of the rows of common runs of three letters or digits."""
_COMMON_COUNT = 1024
ROWS = _COMMON + _COMMON_COUNT
_TRIGRAMS = len(_ALNUM) ** 3
_SAMPLE = 2048
"""Entries sampled (spread over the briefing) to choose the common runs of three."""
_COMMON_SHARE = 0.02
"""A run of three in fewer of the sampled entries than this is rare enough to be checked."""
_CHUNK = 1024
"""Entries packed at a time (a multiple of 8, so each chunk fills whole bytes of a row)."""
_MAX_TESTS = 12
"""Rows tested for one needle: beyond a dozen the candidates no longer shrink."""
_M1, _M2, _M3 = 0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D


def _codes(text: str) -> np.ndarray[Any, Any]:
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@cache
def _slot_table() -> np.ndarray[Any, Any]:
    """Every code point → its slot (4.4 MB, made once, so a slot is one lookup; never written)."""
    import numpy as np

    table = np.full(0x110000, _OTHER, dtype=np.int32)
    for slot, char in enumerate(_ALNUM):
        table[ord(char)] = slot
    table[_WHITESPACE] = _SPACE
    return table


def _hashed(mixed: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    import numpy as np

    return ((mixed * np.uint32(_M3)) >> np.uint32(21)).astype(np.int32) + _HASHED


def _rows(codes: np.ndarray[Any, Any], table: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], ...]:
    """The rows of each position: its slot, its pair with the next, its run of three (arrays
    per start position, of lengths n, n-1, n-2; what holds whitespace goes to its scratch row),
    and the number of that run among runs of three letters or digits (-1 for any other)."""
    import numpy as np

    slots = table[codes]
    first, second = slots[:-1], slots[1:]
    mixed = (codes[:-1] * np.uint32(_M1)) ^ codes[1:]
    spaced = (first == _SPACE) | (second == _SPACE)
    pair = np.where(
        (first < _OTHER) & (second < _OTHER),
        first * len(_ALNUM) + second + _EXACT,
        np.where(spaced, _SPACE, _hashed(mixed)),
    )
    triple = np.where(spaced[:-1] | spaced[1:], _SPACE, _hashed((mixed[:-1] * np.uint32(_M2)) ^ codes[2:]))
    alnum = slots < _OTHER
    trigram = np.where(
        alnum[:-2] & alnum[1:-1] & alnum[2:], (slots[:-2] * len(_ALNUM) + slots[1:-1]) * len(_ALNUM) + slots[2:], -1
    )
    return slots, pair, triple, trigram


class SearchIndex:
    """Which entries may hold a needle, from their n-gram signatures (see the module doc)."""

    def __init__(self, texts: Sequence[str], letters_only: bool = False) -> None:
        """``letters_only``: one character's rows only (for titles, which are searched alone
        for a one-character query; 38 rows instead of 4,406)."""
        import numpy as np

        self.size = len(texts)
        self.letters_only = letters_only
        rows = _EXACT if letters_only else ROWS
        self._bits = np.zeros((rows, (self.size + 7) // 8), dtype=np.uint8)
        self._table = table = _slot_table()
        self._common = np.full(_TRIGRAMS, -1, dtype=np.int32)
        """Run of three letters or digits → its row, for the common ones."""
        if not letters_only:
            self._choose_common(texts)
        for start in range(0, self.size, _CHUNK):
            part = texts[start : start + _CHUNK]
            count = len(part)
            # One NUL after each entry: the n-grams across it hold whitespace, so have no row.
            codes = _codes("\0".join(part) + "\0")
            owner = np.repeat(np.arange(count, dtype=np.int32), [len(text) + 1 for text in part])
            # The chunk's bits row-major (row, entry), set through one flat index per n-gram.
            grid = np.zeros(rows * count, dtype=bool)
            single, pair, triple, trigram = _rows(codes, table)
            grid[single * count + owner] = True
            if not letters_only:
                grid[pair * count + owner[:-1]] = True
                grid[triple * count + owner[:-2]] = True
                common = np.where(trigram >= 0, self._common[trigram], -1)
                grid[np.where(common >= 0, common, _SPACE) * count + owner[:-2]] = True
            packed = np.packbits(grid.reshape(rows, count), axis=1, bitorder="little")
            self._bits[:, start // 8 : start // 8 + packed.shape[1]] = packed

    def _choose_common(self, texts: Sequence[str]) -> None:
        """Give the runs of three letters or digits found in most sampled entries rows of their
        own: a needle made of one is then answered exactly (it is in most entries, so checking
        each candidate would cost the most)."""
        import numpy as np

        step = max(1, len(texts) // _SAMPLE)
        sample = texts[::step][:_SAMPLE]
        codes = _codes("\0".join(sample) + "\0")
        owner = np.repeat(np.arange(len(sample), dtype=np.int64), [len(text) + 1 for text in sample])
        trigram = _rows(codes, self._table)[3]
        found = trigram >= 0
        pairs = np.unique(owner[:-2][found] * _TRIGRAMS + trigram[found])
        counts = np.bincount(pairs % _TRIGRAMS, minlength=_TRIGRAMS)
        ranked = np.argsort(counts, kind="stable")[::-1][:_COMMON_COUNT]
        ranked = ranked[counts[ranked] >= max(1, _COMMON_SHARE * len(sample))]
        self._common[ranked] = np.arange(_COMMON, _COMMON + len(ranked), dtype=np.int32)

    def candidates(self, needle: str) -> tuple[bytes, bool]:
        """One byte an entry (1: may hold ``needle``), and whether that is exactly the answer.

        ``needle`` is casefolded and holds no whitespace, as the texts were casefolded.
        """
        import numpy as np

        codes = _codes(needle)
        single, pair, triple, trigram = (array.tolist() for array in _rows(codes, self._table))
        common = [self._common[number] for number in trigram if number >= 0 and self._common[number] >= 0]
        if self.letters_only or len(codes) == 1:
            rows, exact = single, len(codes) == 1
        else:
            rows, exact = common + pair + triple, len(codes) == 2 or (len(codes) == 3 and len(common) == 1)
        # One or two letters or digits, or a common run of three, have rows of their own: the
        # rows are then the answer.
        exact = exact and all(slot < _OTHER for slot in single)
        rows = [row for row in dict.fromkeys(rows) if row != _SPACE][:_MAX_TESTS]
        if not rows:
            return b"\1" * self.size, False
        packed = self._bits[rows[0]].copy()
        for row in rows[1:]:
            packed &= self._bits[row]
        return np.unpackbits(packed, count=self.size, bitorder="little").tobytes(), exact


def build_search_index(texts: Sequence[str], min_chars: int = MIN_CHARS) -> SearchIndex | None:
    """Signatures for ``texts``, or None when they are small enough to scan on every keystroke."""
    if sum(map(len, texts)) < min_chars:
        return None
    return SearchIndex(texts)
