"""Find and read the files an import names: .txt articles and .jsonl records, folders recursively.

A JSONL file's format is detected from its first record (an annotator export, Prodigy, doccano, or plain
``{"text", "meta"}``) unless forced; annotations that come with a document are kept with their origin.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.domain import Document
from annotator.formats import doccano, prodigy, records
from annotator.formats.incoming import BadRecord, Incoming
from annotator.formats.jsonl import FormatError, plain_document, read_json_lines
from annotator.formats.text import read_text_file

SUFFIXES = (".txt", ".jsonl")
MAX_LINE_ERRORS = 20  # per file: a binary file named .jsonl must not print a line per newline byte


@dataclass(frozen=True)
class Source:
    path: Path
    name: str  # what meta.source records: the path relative to the folder named, or the file's name


FORMATS = ("auto", "plain", "annotator", "prodigy", "doccano")


def detect(record: dict) -> str:
    """The format a JSONL record is written in: annotator, prodigy, doccano or plain."""
    if records.is_export_record(record):
        return "annotator"
    if prodigy.looks_like(record):
        return "prodigy"
    if doccano.looks_like(record):
        return "doccano"
    return "plain"


def _incoming(fmt: str, record: dict, number: int, source: str) -> Incoming:
    if fmt == "annotator":
        return records.from_record(record)
    if fmt == "prodigy":
        return prodigy.from_record(record, number, source)
    if fmt == "doccano":
        return doccano.from_record(record, number, source)
    return Incoming(plain_document(record, number, source))


def _name_error(raw: str | Path, name: str) -> FormatError | None:
    """A file whose name is not UTF-8 cannot be recorded in meta.source as it is: it is refused, by name."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return FormatError(f"{raw}: the file name is not UTF-8, so meta.source cannot record it; rename the file "
                           "(for example: convmv -f latin1 -t utf-8 --notest FILE)")
    return None


def collect(paths: Iterable[str | Path]) -> Iterator[Source | FormatError]:
    """Expand the named paths: files as they are, folders into their .txt/.jsonl files (sorted)."""
    for raw in paths:
        path = Path(raw)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as exc:  # a name too long, a loop of links …
            yield FormatError(f"{raw}: cannot read ({exc.strerror or exc})")
            continue
        if is_dir:
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                yield FormatError(f"{raw}: folder has no .txt or .jsonl files")
            for p in found:
                name = p.relative_to(path).as_posix()
                yield _name_error(p, name) or Source(p, name)
        elif exists:
            if path.suffix.lower() not in SUFFIXES:
                yield FormatError(f"{raw}: unsupported file type {path.suffix or '(none)'}; use .txt or .jsonl")
            else:
                yield _name_error(raw, path.name) or Source(path, path.name)
        else:
            yield FormatError(f"{raw}: file not found")


def _lines(handle: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a binary file, ended by LF, CRLF or a lone CR, as text mode reads them (newline="")."""
    for raw in handle:
        body = raw[:-2] if raw.endswith(b"\r\n") else raw.rstrip(b"\n")
        yield from body.split(b"\r") if b"\r" in body else (body,)


def _read_jsonl(source: Source, fmt: str = "auto") -> Iterator[Incoming | FormatError]:
    """The records of one JSONL file, line by line as it is read; at most MAX_LINE_ERRORS bad lines are named.

    With ``fmt="auto"`` the first good record decides the format of the whole file.
    """
    try:
        handle = source.path.open("rb")
    except OSError as exc:
        yield FormatError(f"{source.name}: cannot read ({exc.strerror or exc})")
        return
    got_any, bad = False, 0
    with handle:
        try:
            for item in read_json_lines(_lines(handle), source.name):
                if not isinstance(item, FormatError):
                    number, record = item
                    if fmt == "auto":
                        fmt = detect(record)
                    try:
                        yield _incoming(fmt, record, number, source.name)
                        got_any = True
                        continue
                    except BadRecord as exc:
                        item = FormatError(f"{source.name}:{number}: {exc} ({fmt} format)")
                bad += 1
                if bad <= MAX_LINE_ERRORS:
                    yield item
        except OSError as exc:
            yield FormatError(f"{source.name}: reading stopped ({exc.strerror or exc}); the lines before were read")
    if bad > MAX_LINE_ERRORS:
        yield FormatError(f"{source.name}: {bad - MAX_LINE_ERRORS} more bad lines not listed")
    if not got_any and not bad:
        yield FormatError(f"{source.name}: no documents in the file")


def read_source(source: Source, fmt: str = "auto") -> Iterator[Incoming | FormatError]:
    """The documents of one file, or the errors that stop them (one per bad line for JSONL)."""
    if source.path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(source, fmt)
        return
    try:
        yield Incoming(read_text_file(source.path, source.name))
    except FormatError as exc:
        yield exc


def read_incoming(paths: Iterable[str | Path], fmt: str = "auto") -> Iterator[Incoming | FormatError]:
    """Every document of the named paths with the annotations that came with it, one at a time as the files are
    read (a generator: memory stays flat). ``fmt`` forces the format of every JSONL file."""
    for item in collect(paths):
        if isinstance(item, FormatError):
            yield item
        else:
            yield from read_source(item, fmt)


def read_all(paths: Iterable[str | Path]) -> Iterator[Document | FormatError]:
    """The documents alone (annotations dropped), as read_incoming reads them."""
    for item in read_incoming(paths):
        yield item if isinstance(item, FormatError) else item.doc
