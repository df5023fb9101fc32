"""JSON Lines: read ``{"text", "meta"}`` records for import, write one export record per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from annotator.domain import Document, normalise_text


class FormatError(ValueError):
    """A line of an input file cannot be used; the message names the line and the reason."""


def read_documents(lines: Iterable[str], source: str) -> Iterator[Document | FormatError]:
    """One Document per non-empty line, or a FormatError for a bad line (the rest still come)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield FormatError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield FormatError(f"{where}: expected an object like {{\"text\": ..., \"meta\": {{...}}}}")
            continue
        text = record.get("text")
        if not isinstance(text, str):
            yield FormatError(f"{where}: no \"text\" string")
            continue
        text = normalise_text(text)
        if not text.strip():
            yield FormatError(f"{where}: \"text\" is empty")
            continue
        if "\x00" in text:
            yield FormatError(f"{where}: \"text\" contains NUL characters (binary data?)")
            continue
        meta = record.get("meta") or {}
        if not isinstance(meta, dict):
            yield FormatError(f"{where}: \"meta\" must be an object")
            continue
        meta = dict(meta)
        meta.setdefault("line", number)
        if meta.get("source") and meta["source"] != source:
            meta["original_source"] = meta["source"]
        meta["source"] = source
        yield Document(text=text, meta=meta)


def write_records(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write records as JSON Lines (UTF-8, no ASCII escaping); return how many."""
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
