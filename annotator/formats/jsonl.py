"""JSON Lines: read ``{"text", "meta"}`` records for import, write one export record per line."""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from annotator.domain import Document
from annotator.formats.incoming import BadRecord, normalised

_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # how a lone surrogate can get into decoded JSON at all


class FormatError(ValueError):
    """A line of an input file cannot be used; the message names the line and the reason."""


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _lone_surrogate(value: Any) -> str | None:
    """The first lone surrogate (``\\ud800``) in a decoded JSON value: not a character, cannot be stored."""
    found = _SURROGATE.search(json.dumps(value, ensure_ascii=False))
    return f"\\u{ord(found.group()):04x}" if found else None


_DECODER = json.JSONDecoder(parse_constant=_no_constant)  # one for every line (json.loads with an argument makes one each)


def _decoded(raw: str | bytes, number: int) -> str:
    """One line as text; raise UnicodeDecodeError for a line that is not UTF-8 (the next lines still come)."""
    if isinstance(raw, str):
        return raw
    if number == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    return raw.decode("utf-8")


def read_json_lines(lines: Iterable[str | bytes], source: str) -> Iterator[tuple[int, dict[str, Any]] | FormatError]:
    """``(line number, object)`` per non-empty line, or a FormatError naming ``source:line`` (the rest still come).

    ``lines`` may be bytes (a file opened in binary): each line is decoded on its own, so one bad byte
    costs one line, named with its number.
    """
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        try:
            line = _decoded(raw, number)
        except UnicodeDecodeError as exc:
            yield FormatError(
                f"{where}: not UTF-8 (bad byte 0x{exc.object[exc.start]:02x} at byte {exc.start + 1} of the line); "
                "convert the file with: iconv -f LATIN1 -t UTF-8"
            )
            continue
        if not line.strip():
            continue
        try:
            record = _DECODER.decode(line)
        except json.JSONDecodeError as exc:
            yield FormatError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:
            yield FormatError(f"{where}: not valid JSON ({exc if isinstance(exc, ValueError) else 'nested too deeply'})")
            continue
        if not isinstance(record, dict):
            yield FormatError(f"{where}: expected an object like {{\"text\": ..., \"meta\": {{...}}}}")
            continue
        bad = None  # a UTF-8 line holds no surrogates; only a \\udXXX escape can decode to one
        if _SURROGATE_ESCAPE.search(line):
            bad = next(((f, b) for f in ("text", "meta") if (b := _lone_surrogate(record.get(f)))), None)
            if bad is None and (b := _lone_surrogate(record)):
                bad = ("record", b)
        if bad:
            yield FormatError(f"{where}: \"{bad[0]}\" holds a lone surrogate {bad[1]}, which is not a character; "
                              "fix that escape in the file")
            continue
        yield number, record


def plain_document(record: dict[str, Any], number: int, source: str) -> Document:
    """A ``{"text", "meta"}`` record as a new document: its meta keeps the file and line (raise BadRecord)."""
    text, _ = normalised(record.get("text"))
    meta = record.get("meta") or {}
    if not isinstance(meta, dict):
        raise BadRecord('"meta" must be an object')
    meta = dict(meta)
    meta.setdefault("line", number)
    if meta.get("source") and meta["source"] != source:
        meta["original_source"] = meta["source"]
    meta["source"] = source
    return Document(text=text, meta=meta)


def read_documents(lines: Iterable[str | bytes], source: str) -> Iterator[Document | FormatError]:
    """One Document per non-empty ``{"text", "meta"}`` line, or a FormatError for a bad line (the rest still come)."""
    for item in read_json_lines(lines, source):
        if isinstance(item, FormatError):
            yield item
            continue
        number, record = item
        try:
            yield plain_document(record, number, source)
        except BadRecord as exc:
            yield FormatError(f"{source}:{number}: {exc}")


def _finite(value: Any, path: str, replaced: list[str]) -> Any:
    """``value`` with every NaN or ±Infinity replaced by None (JSON has no such numbers); their paths noted."""
    if isinstance(value, float) and not math.isfinite(value):
        replaced.append(f"{path} ({value})")
        return None
    if isinstance(value, dict):
        return {k: _finite(v, f"{path}.{k}" if path else str(k), replaced) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v, f"{path}[{i}]", replaced) for i, v in enumerate(value)]
    return value


def dumps_record(record: dict[str, Any], replaced: list[str] | None = None) -> str:
    """One JSON line; a NaN or Infinity (never valid JSON) is written as null and its path added to ``replaced``."""
    try:
        return json.dumps(record, ensure_ascii=False, allow_nan=False)
    except ValueError:
        found: list[str] = []
        line = json.dumps(_finite(record, "", found), ensure_ascii=False, allow_nan=False)
        if replaced is not None:
            replaced.extend(f"document {record.get('id')}: {where}" for where in found)
        return line


def write_records(records: Iterable[dict[str, Any]], out: IO[str], replaced: list[str] | None = None) -> int:
    """Write records as JSON Lines (UTF-8, no ASCII escaping, never NaN/Infinity); return how many."""
    n = 0
    for record in records:
        out.write(dumps_record(record, replaced) + "\n")
        n += 1
    return n
