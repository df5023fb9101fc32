"""Find and read the files an import names: .txt articles and .jsonl records, folders recursively."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.domain import Document
from annotator.formats.jsonl import FormatError, read_documents
from annotator.formats.text import read_text_file

SUFFIXES = (".txt", ".jsonl")


@dataclass(frozen=True)
class Source:
    path: Path
    name: str  # what meta.source records: the file's name


def collect(paths: Iterable[str | Path]) -> Iterator[Source | FormatError]:
    """Expand the named paths: files as they are, folders into their .txt/.jsonl files (sorted)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                yield FormatError(f"{raw}: folder has no .txt or .jsonl files")
            for p in found:
                yield Source(p, p.name)
        elif path.exists():
            if path.suffix.lower() not in SUFFIXES:
                yield FormatError(f"{raw}: unsupported file type {path.suffix or '(none)'}; use .txt or .jsonl")
            else:
                yield Source(path, path.name)
        else:
            yield FormatError(f"{raw}: file not found")


def read_source(source: Source) -> Iterator[Document | FormatError]:
    """The documents of one file, or the errors that stop them (one per bad line for JSONL)."""
    if source.path.suffix.lower() == ".jsonl":
        try:
            handle = source.path.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            yield FormatError(f"{source.name}: cannot read ({exc.strerror or exc})")
            return
        with handle:
            got_any = False
            try:
                for item in read_documents(handle, source.name):
                    got_any = got_any or isinstance(item, Document)
                    yield item
            except UnicodeDecodeError as exc:
                yield FormatError(f"{source.name}: not UTF-8 (bad byte at offset {exc.start} of a line)")
                return
            if not got_any:
                yield FormatError(f"{source.name}: no documents in the file")
        return
    try:
        yield read_text_file(source.path, source.name)
    except FormatError as exc:
        yield exc


def read_all(paths: Iterable[str | Path]) -> Iterator[Document | FormatError]:
    for item in collect(paths):
        if isinstance(item, FormatError):
            yield item
        else:
            yield from read_source(item)
