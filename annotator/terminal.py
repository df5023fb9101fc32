"""Names and messages as a terminal shows them: never read as markup, unprintable characters escaped.

A file name can hold anything but "/" and NUL: rich markup (``[/]``), terminal control codes, bidi overrides
that reverse what follows (U+202E), or bytes that are not UTF-8 (which Python keeps as lone surrogates).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rich is imported when first used: the window's launch does not need it
    from rich.text import Text

# Bidi embeddings, overrides, isolates and marks: they reorder what is printed after them.
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape: show the byte
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control, bidi, line-separator and surrogate characters written as ``\\xNN`` / ``\\uNNNN``."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        _escape(ch) if ch in BIDI or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch for ch in text
    )


def shown(text: object) -> Text:
    """A rich Text of ``str(text)`` made printable: printed as it is, no markup or emoji codes interpreted."""
    from rich.text import Text

    return Text(printable(str(text)))
