"""JSON Lines: read ``{"text", "meta"}`` records for import, write one export record per line."""

from __future__ import annotations

import codecs
import errno
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import orjson

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


# -- writing ----------------------------------------------------------------------------------------
# orjson writes a record in one call, several times faster than json.dumps; what it refuses (a lone surrogate,
# an integer beyond 64 bits, a key that is not text) is written part by part below: every part orjson can write
# is still written by orjson, so a record's bytes are the same whichever path wrote it.


def _key(key: Any) -> bytes:
    """An object key as json.dumps writes it: text as it is; a number, true, false or null as its JSON text."""
    if isinstance(key, str):
        return _composed(key)
    if key is True or key is False or key is None:
        name = {True: "true", False: "false", None: "null"}[key]
    elif isinstance(key, float):
        name = float.__repr__(key) if math.isfinite(key) else {"nan": "NaN", "inf": "Infinity"}.get(
            str(key), "-Infinity")
    elif isinstance(key, int):
        name = int.__repr__(key)
    else:
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
    return orjson.dumps(name)


def _composed(value: Any) -> bytes:
    """``value`` as JSON bytes when orjson refuses the whole: each part it can write is written by it."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        pass
    if isinstance(value, dict):
        return b"{" + b",".join(_key(k) + b":" + _composed(v) for k, v in value.items()) + b"}"
    if isinstance(value, (list, tuple)):
        return b"[" + b",".join(_composed(v) for v in value) + b"]"
    if isinstance(value, str):  # a lone surrogate is no character, so no UTF-8: written as its \udXXX escape
        parts = _SURROGATE.split(value)
        escapes = [f"\\u{ord(c):04x}".encode() for c in _SURROGATE.findall(value)] + [b""]
        return b'"' + b"".join(orjson.dumps(p)[1:-1] + e for p, e in zip(parts, escapes, strict=True)) + b'"'
    if isinstance(value, int) and not isinstance(value, bool):  # beyond 64 bits: its digits, as json.dumps
        return int.__repr__(value).encode()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def dumps_record(record: dict[str, Any]) -> bytes:
    """One record as one JSON line's UTF-8 bytes (without the line end): compact separators, no ASCII escaping,
    a NaN or ±Infinity written as null (records.finite names them first), a lone surrogate as its escape."""
    try:
        return orjson.dumps(record)
    except orjson.JSONEncodeError:
        return _composed(record)


_BATCH = 1 << 20  # bytes gathered before one write: a few records, not the whole export


def _byte_writer(out: IO[str]) -> Callable[[bytes], None]:
    """Write UTF-8 bytes to ``out``: to its binary buffer when it has one (no decoding and encoding again), a
    short write followed by the rest (so a reader that went away raises BrokenPipeError on it instead of the
    rest being dropped without a word); else as text."""
    buffer = getattr(out, "buffer", None)
    if buffer is None or codecs.lookup(getattr(out, "encoding", None) or "ascii").name != "utf-8":

        def write_text(data: bytes) -> None:
            out.write(data.decode("utf-8"))

        return write_text
    out.flush()  # anything written to the text layer before goes first

    def write(data: bytes) -> None:
        view = memoryview(data)
        while view:
            n = buffer.write(view)
            if not n:
                raise OSError(errno.EIO, "the output took none of the bytes written to it")
            view = view[n:]

    return write


def write_records(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write records as JSON Lines (UTF-8, ``\\n`` line ends, never NaN/Infinity); return how many."""
    write = _byte_writer(out)
    n = size = 0
    batch: list[bytes] = []
    for record in records:
        line = dumps_record(record)
        batch.append(line)
        size += len(line)
        n += 1
        if size >= _BATCH:
            batch.append(b"")
            write(b"\n".join(batch))
            batch.clear()
            size = 0
    if batch:
        batch.append(b"")
        write(b"\n".join(batch))
    return n
