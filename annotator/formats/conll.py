"""CoNLL-2003-style BIO: ``token -X- _ TAG`` per line, ``-DOCSTART- -X- -X- O`` before each document, a blank
line between paragraphs. Tokens come from spaCy's tokenisation, handed in by the caller; whitespace tokens are
left out; overlapping spans keep the longest (as ``doc.ents`` does)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO, Any

from annotator.formats.spans import non_overlapping

Tokenize = Callable[[str], list[tuple[int, int, bool]]]
DOCSTART = "-DOCSTART- -X- -X- O"


def tagged(record: dict[str, Any], tokenize: Tokenize) -> list[list[tuple[str, str]]]:
    """The document as paragraphs of (token, BIO tag)."""
    text = record["text"]
    ents = non_overlapping(record["spans"])
    paragraphs: list[list[tuple[str, str]]] = [[]]
    e, inside = 0, None
    for start, end, _ws in tokenize(text):
        token = text[start:end]
        if token.isspace():
            if "\n" in token and paragraphs[-1]:
                paragraphs.append([])
            continue
        while e < len(ents) and ents[e]["end"] <= start:
            e += 1
        tag = "O"
        if e < len(ents) and ents[e]["start"] < end:
            tag = ("I-" if inside is ents[e] else "B-") + ents[e]["label"]
            inside = ents[e]
        else:
            inside = None
        paragraphs[-1].append((token, tag))
    return [p for p in paragraphs if p]


def write(records: Iterable[dict[str, Any]], out: IO[str], tokenize: Tokenize) -> int:
    n = 0
    for record in records:
        out.write(DOCSTART + "\n\n")
        for paragraph in tagged(record, tokenize):
            out.write("".join(f"{token} -X- _ {tag}\n" for token, tag in paragraph) + "\n")
        n += 1
    return n
