"""CSV for spreadsheets: one row per span, quote or claim, UTF-8 with a BOM, formula cells escaped.

A cell a spreadsheet would run as a formula (it begins with ``=``, ``+``, ``-``, ``@``, a tab or a CR) gets a
leading ``'``, which spreadsheets show as text (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import IO, Any

from annotator.domain import SPAN_COLUMNS
from annotator.formats.records import provenance

BOM = "\ufeff"
CONTEXT = 60  # characters of context on each side
COLUMNS = ("doc_id", "source", "kind", "start", "end", "label", "text", "speaker", "context_before",
           "context_after", "origin", "state", "analyst", "modified_at")  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A value as a safe cell: text a spreadsheet would execute is prefixed with ``'``; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# -- the rows, written as text -------------------------------------------------------------------
# csv.writer looks at every character of every cell in turn (about 200 per row here); the span rows, most of an
# export, are instead written as lines here, each text cell escaped and quoted by str methods that scan in C, as
# csv.writer would quote it (QUOTE_MINIMAL, \r\n line ends: a comma, a double quote or a line break inside).
_FORMULA = frozenset(FORMULA_STARTS)


def _quoted(text: str) -> str:
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _text(text: str) -> str:
    """Text as its cell in a line: ``'`` before a formula start (``cell``), quoted when it must be."""
    if text[:1] in _FORMULA:
        text = "'" + text
    if "," in text or '"' in text or "\n" in text or "\r" in text:  # _quoted, without a second call
        return '"' + text.replace('"', '""') + '"'
    return text


def _value(value: Any) -> str:
    """Any value as its cell in a line (``cell``, then as csv.writer writes it: ``str`` of a number)."""
    value = cell(value)
    return _quoted(value if isinstance(value, str) else str(value))


class _Cells(dict):
    """Each value seen -> its cell in a line, worked out once: labels repeat all through an export (a handful
    of values, so this stays small)."""

    def __missing__(self, value: Any) -> str:
        self[value] = written = _value(value)
        return written


class _Tails(dict):
    """(origin, state, analyst, modified_at) -> the end of a span's line, those four cells and the line break,
    worked out once. They repeat all through an export (the spans of one run share them) but need not, so the
    memo is emptied when it grows large. ``stored``: as a store row holds them (an empty origin or state is
    written as a record has it, ``records.provenance``)."""

    def __init__(self, stored: bool) -> None:
        super().__init__()
        self.stored = stored

    def __missing__(self, key: tuple) -> str:
        if len(self) >= 65536:
            self.clear()
        origin, state, analyst, at = key
        if self.stored:
            origin, state = provenance(origin, state)
        who = ",".join(map(_value, (origin, state, analyst)))
        self[key] = written = f"{who},{'' if at is None else _text(at)}\r\n"
        return written


class Memo:
    """The cells that repeat through an export, each worked out once; pass one Memo for a whole export."""

    def __init__(self) -> None:
        self.labels = _Cells()
        self.tails, self.stored_tails = _Tails(stored=False), _Tails(stored=True)


def _line(doc_id: int, source: str, kind: str, item: dict[str, Any], label: Any, speaker: Any, text: str) -> str:
    """The line of a quote or a claim (a few per document), cell by cell."""
    start, end = item["start"], item["end"]
    cells = (_text(text[start:end]), _value(speaker), _text(text[max(0, start - CONTEXT) : start]),
             _text(text[end : end + CONTEXT]), _value(item.get("origin")), _value(item.get("state")),
             _value(item.get("analyst")), _value(item.get("modified_at")))  # fmt: skip
    return f"{doc_id},{source},{kind},{start},{end},{_value(label)},{','.join(cells)}\r\n"


# a span as the line builder reads it, from its record or from its store row (annotator.domain.SPAN_COLUMNS)
_PLACE = ("start", "end", "label")
_TAIL = ("origin", "state", "analyst", "modified_at")
_RECORD_PLACE, _RECORD_TAIL = itemgetter(*_PLACE), itemgetter(*_TAIL)
_ROW_PLACE = itemgetter(*(SPAN_COLUMNS.index(c) for c in _PLACE))
_ROW_TAIL = itemgetter(*(SPAN_COLUMNS.index(c) for c in _TAIL))


def lines(record: dict[str, Any], memo: Memo | None = None, span_rows: list[tuple] | None = None) -> list[str]:
    """The record's CSV lines (``COLUMNS``), one per span, quote and claim in text order, every text cell escaped
    (``cell``) and quoted as csv.writer quotes it. The spans are the record's, or ``span_rows`` (store rows, from
    ``records.lean_record_from_rows``) when given. ``memo`` holds the cells that repeat; pass one for a whole
    export."""
    text, doc_id = record["text"], record["id"]
    source = _value(record["meta"].get("source", ""))
    memo = memo or Memo()
    labels, c = memo.labels, CONTEXT
    if span_rows is None:
        places, tails = list(map(_RECORD_PLACE, record["spans"])), map(_RECORD_TAIL, record["spans"])
        tails = map(memo.tails.__getitem__, tails)
    else:
        places, tails = list(map(_ROW_PLACE, span_rows)), map(memo.stored_tails.__getitem__, map(_ROW_TAIL, span_rows))
    head = f"{doc_id},{source},span,"
    f, q, n, r = _FORMULA, '"', "\n", "\r"
    out = [  # each text cell as _text makes it, the common case (nothing to escape or quote) tested inline
        f"{head}{start},{end},{labels[label]},"
        f"{t if (t := text[start:end])[:1] not in f and ',' not in t and q not in t and n not in t and r not in t else _text(t)},,"
        f"{b if (b := text[start - c if start > c else 0 : start])[:1] not in f and ',' not in b and q not in b and n not in b and r not in b else _text(b)},"
        f"{a if (a := text[end : end + c])[:1] not in f and ',' not in a and q not in a and n not in a and r not in a else _text(a)},"
        f"{tail}"
        for (start, end, label), tail in zip(places, tails, strict=True)
    ]  # fmt: skip
    quotes, claims = record["quotes"], record.get("claims")
    if quotes or claims:  # in text order; where start and end are equal: claim, quote, span (as before)
        keyed = [((p[0], p[1], "span"), line) for p, line in zip(places, out, strict=True)]
        keyed += [((q["start"], q["end"], "quote"), _line(doc_id, source, "quote", q, q["kind"],
                                                          (q["speaker"] or {}).get("text"), text)) for q in quotes]
        keyed += [((x["start"], x["end"], "claim"), _line(doc_id, source, "claim", x, x["type"],
                                                          (x["claimant"] or {}).get("text"), text))
                  for x in claims or []]
        keyed.sort(key=itemgetter(0))  # stable
        out = [line for _, line in keyed]
    return out


class _Gather:
    """What csv.writer writes to: its lines gathered in a list, handed to the file in large pieces."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.write = self.parts.append


def write(records: Iterable[dict[str, Any]], out: IO[str], columns: Sequence[str] = COLUMNS,
          rows_of: Callable[[dict[str, Any]], Iterable[Sequence[Any]]] | None = None) -> int:
    """Write the BOM, the header and every record's rows (one per annotation by default, ``lines``); return the
    number of documents. Other CSV exports (claims-csv) pass their columns and rows, written by csv.writer."""
    out.write(BOM)
    gather = _Gather()
    writer = csv.writer(gather, lineterminator="\r\n")
    writer.writerow(columns)
    parts = gather.parts
    memo = Memo()
    n = 0
    for record in records:
        if isinstance(record, tuple):  # (record, its spans' store rows): records.lean_record_from_rows
            parts += lines(record[0], memo, record[1])
        elif rows_of is None:
            parts += lines(record, memo)
        else:
            writer.writerows(rows_of(record))
        n += 1
        if len(parts) >= 4096:
            out.write("".join(parts))
            parts.clear()
    out.write("".join(parts))
    return n
