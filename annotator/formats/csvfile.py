"""CSV for spreadsheets: one row per span, quote or claim, UTF-8 with a BOM, formula cells escaped.

A cell a spreadsheet would run as a formula (it begins with ``=``, ``+``, ``-``, ``@``, a tab or a CR) gets a
leading ``'``, which spreadsheets show as text (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

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


def rows(record: dict[str, Any]) -> Iterable[list[Any]]:
    text, source = record["text"], cell(record["meta"].get("source", ""))
    doc_id = record["id"]
    items = [("span", s, s["label"], None) for s in record["spans"]]
    items += [("quote", q, q["kind"], (q["speaker"] or {}).get("text")) for q in record["quotes"]]
    items += [("claim", c, c["type"], (c["claimant"] or {}).get("text")) for c in record.get("claims", [])]
    if record["quotes"] or record.get("claims"):
        items.sort(key=lambda i: (i[1]["start"], i[1]["end"], i[0]))
    formula = FORMULA_STARTS
    for kind, item, label, speaker in items:
        start, end = item["start"], item["end"]
        row = [text[start:end], label, speaker, text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT],
               item.get("origin"), item.get("state"), item.get("analyst"), item.get("modified_at")]
        for i, v in enumerate(row):  # the text cells: escaped where a spreadsheet would run them
            if v is None:
                row[i] = ""
            elif v and v[0] in formula:
                row[i] = "'" + v
        yield [doc_id, source, kind, start, end, row[1], row[0], *row[2:]]


def write(records: Iterable[dict[str, Any]], out: IO[str], columns: Sequence[str] = COLUMNS,
          rows_of: Callable[[dict[str, Any]], Iterable[list[Any]]] = rows) -> int:
    """Write the BOM, the header and every record's rows (one per annotation by default); return the number
    of documents. Other CSV exports (claims-csv) pass their columns and rows."""
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    n = 0
    for record in records:
        writer.writerows(rows_of(record))
        n += 1
    return n
