"""What an importer hands the store: a document, the annotations that come with it, and how to keep them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator.domain import Claim, Document, OffsetError, Quote, Span, check_offsets, normalise_text


@dataclass
class Incoming:
    """One document read from a file that may carry annotations (annotator, Prodigy or doccano JSONL).

    ``as_exported``: an annotator export, kept as it is (ids where free, note, split, cluster, stamps).
    ``ignored``: a Prodigy example answered ``ignore``: counted, not imported.
    """

    doc: Document
    spans: list[Span] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    fmt: str = "plain"
    as_exported: bool = False
    ignored: bool = False
    claims: list[Claim] = field(default_factory=list)

    @property
    def annotated(self) -> bool:
        """Annotations came with the document: import does not pre-annotate it."""
        return self.fmt != "plain"


class BadRecord(ValueError):
    """A record that cannot be imported; the message says why (the reader adds file:line)."""


def normalised(text: object) -> tuple[str, Callable[[int], int]]:
    """The text as import stores it (CRLF and lone CR to LF, no leading BOM) and a function moving an offset
    of the original text to the same place in it, so annotations made on a CRLF text still fit."""
    if not isinstance(text, str):
        raise BadRecord('no "text" string')
    if "\r" not in text and not text.startswith("\ufeff"):  # the common case: nothing moves
        if not text.strip():
            raise BadRecord('"text" is empty')
        if "\x00" in text:
            raise BadRecord('"text" contains NUL characters (binary data?)')
        return text, _same
    removed = [0] if text.startswith("\ufeff") else []
    removed += [m.start() for m in re.finditer("\r\n", text)]  # the CR of each CRLF goes
    new = normalise_text(text)
    if not new.strip():
        raise BadRecord('"text" is empty')
    if "\x00" in new:
        raise BadRecord('"text" contains NUL characters (binary data?)')

    def move(offset: int) -> int:
        return offset - bisect.bisect_left(removed, offset)

    return new, move


def _same(offset: int) -> int:
    return offset


def offsets(item: dict, start_key: str, end_key: str, text: str, move: Callable[[int], int], what: str) -> tuple[int, int]:
    """Checked ``(start, end)`` of ``item`` in the normalised ``text``."""
    start, end = item.get(start_key), item.get(end_key)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise BadRecord(f"{what} needs integer {start_key!r} and {end_key!r}, got {start!r}, {end!r}")
    start, end = move(start), move(end)
    try:
        check_offsets(text, start, end, what)
    except OffsetError as exc:
        raise BadRecord(str(exc)) from None
    return start, end


def label_of(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadRecord(f"{what} needs a label (text), got {value!r}")
    return value
