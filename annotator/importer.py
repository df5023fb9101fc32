"""Find and read the files an import names: .txt articles and .jsonl records, folders recursively."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.domain import Document
from annotator.formats.jsonl import FormatError, read_documents
from annotator.formats.text import read_text_file

SUFFIXES = (".txt", ".jsonl")
MAX_LINE_ERRORS = 20  # per file: a binary file named .jsonl must not print a line per newline byte


@dataclass(frozen=True)
class Source:
    path: Path
    name: str  # what meta.source records: the file's name


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
                yield _name_error(p, p.name) or Source(p, p.name)
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


def _read_jsonl(source: Source) -> Iterator[Document | FormatError]:
    """The records of one JSONL file, line by line as it is read; at most MAX_LINE_ERRORS bad lines are named."""
    try:
        handle = source.path.open("rb")
    except OSError as exc:
        yield FormatError(f"{source.name}: cannot read ({exc.strerror or exc})")
        return
    got_any, bad = False, 0
    with handle:
        try:
            for item in read_documents(_lines(handle), source.name):
                if isinstance(item, Document):
                    got_any = True
                    yield item
                else:
                    bad += 1
                    if bad <= MAX_LINE_ERRORS:
                        yield item
        except OSError as exc:
            yield FormatError(f"{source.name}: reading stopped ({exc.strerror or exc}); the lines before were read")
    if bad > MAX_LINE_ERRORS:
        yield FormatError(f"{source.name}: {bad - MAX_LINE_ERRORS} more bad lines not listed")
    if not got_any and not bad:
        yield FormatError(f"{source.name}: no documents in the file")


def read_source(source: Source) -> Iterator[Document | FormatError]:
    """The documents of one file, or the errors that stop them (one per bad line for JSONL)."""
    if source.path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(source)
        return
    try:
        yield read_text_file(source.path, source.name)
    except FormatError as exc:
        yield exc


def read_all(paths: Iterable[str | Path]) -> Iterator[Document | FormatError]:
    """Every document of the named paths, one at a time as the files are read (a generator: memory stays flat)."""
    for item in collect(paths):
        if isinstance(item, FormatError):
            yield item
        else:
            yield from read_source(item)
