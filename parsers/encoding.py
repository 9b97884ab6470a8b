"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, the charset a page declares, and a
cp1252/Latin-1 fall-back."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class NotText(ValueError):
    """The bytes are not text in any encoding Brief reads (a binary file)."""


_KNOWN_BINARIES = (
    (b"%PDF", "a PDF; save or export it as text or HTML to read it here"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (.docx, .odt); save it as text or HTML to read it here"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc); save it as text or HTML to read it here"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first (gunzip)"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
)
"""What a binary file is, by its first bytes: the message says what to do instead."""


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return b"\x00" in head or controls / len(head) > 0.1


# <meta charset="windows-1251">, <meta http-equiv="Content-Type" content="text/html; charset=koi8-r">,
# <?xml version="1.0" encoding="Shift_JIS"?>
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]{0,100}?encoding\s*=\s*["']([\w.:-]+)""", re.I)


ONE_BYTE_WESTERN = frozenset({"iso8859-1", "ascii", "cp1252"})
"""Python's names for Latin-1, ASCII and cp1252: what a UTF-8 file is most often mislabelled as."""


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page or XML file declares near its start, by Python's name for it
    ("iso8859-1" for "ISO-8859-1" or "latin1"); None when it declares none Python knows."""
    found = _DECLARED.search(data[:16384])
    if found is None:
        return None
    try:
        return codecs.lookup((found.group(1) or found.group(2)).decode("ascii")).name
    except LookupError:
        return None


def _declared_charset(data: bytes) -> str | None:
    """The declared encoding to decode with, when it is not one the usual fall-back reads
    best: UTF-8 that failed to decode, or Latin-1/ASCII (browsers read both as cp1252)."""
    known = declared_encoding(data)
    return None if known in ("utf-8", "utf-8-sig", *ONE_BYTE_WESTERN) else known


def decode(data: bytes) -> str:
    """Decode a file's bytes, trying BOMs, UTF-8, BOM-less UTF-16, the charset the file
    declares (an HTML meta tag, an XML declaration), then cp1252/Latin-1.

    Raises:
        NotText: when the bytes look binary (NUL bytes, many control codes).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    head = data[:4096]
    if len(head) >= 4 and head.count(0) * 3 > len(head):
        # UTF-16 without a BOM: every other byte is NUL for Latin text.
        even_nuls = head[0::2].count(0)
        odd_nuls = head[1::2].count(0)
        encoding = "utf-16-be" if even_nuls > odd_nuls else "utf-16-le"
        text = data.decode(encoding, errors="replace")
        if "\x00" not in text[:2048]:
            return text
    kind = next((what for magic, what in _KNOWN_BINARIES if data.startswith(magic)), None)
    if kind is not None:
        raise NotText(f"binary file (not text): {kind}")
    if _looks_binary(data):
        raise NotText("binary file (not text)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared is not None:
        return data.decode(declared, errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
