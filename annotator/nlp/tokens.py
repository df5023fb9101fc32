"""spaCy for the export formats: tokenise a text, and write DocBin files from plain examples."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from annotator.nlp.pipeline import load_pipeline


def tokenizer(lang: str = "en") -> Callable[[str], list[tuple[int, int, bool]]]:
    """spaCy's tokenizer for ``lang`` (blank pipeline): text -> [(start, end, followed by a space)]."""
    nlp = load_pipeline(f"blank:{lang}")

    def tokenize(text: str) -> list[tuple[int, int, bool]]:
        return [(t.idx, t.idx + len(t.text), bool(t.whitespace_)) for t in nlp.tokenizer(text)]

    return tokenize


def _aligned(doc: Doc, items: Iterable[tuple[int, int, str]], counts: dict[str, int]) -> list[Span]:
    """Char spans as token spans (expanded to whole tokens, whitespace tokens trimmed); changed ones counted."""
    out = []
    for start, end, label in items:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            counts["dropped"] = counts.get("dropped", 0) + 1
            continue
        first, last = span.start, span.end
        while first < last and doc[first].is_space:
            first += 1
        while last > first and doc[last - 1].is_space:
            last -= 1
        if first == last:
            counts["dropped"] = counts.get("dropped", 0) + 1
            continue
        if (doc[first].idx, doc[last - 1].idx + len(doc[last - 1])) != (start, end):
            counts["expanded"] = counts.get("expanded", 0) + 1
        out.append(Span(doc, first, last, label=label))
    return out


def write_docbin(examples: Iterable[dict[str, Any]], path: str | Path, lang: str = "en") -> tuple[int, dict[str, int]]:
    """Write ``examples`` (see ``annotator.formats.docbin``) as one ``.spacy`` file; (documents, alignment counts)."""
    nlp = load_pipeline(f"blank:{lang}")
    bin_ = DocBin(store_user_data=True)
    counts: dict[str, int] = {}
    n = 0
    for ex in examples:
        doc = nlp.make_doc(ex["text"])
        doc.ents = filter_spans(_aligned(doc, ex["ents"], counts))
        doc.spans["sc"] = _aligned(doc, ex["spans"], counts)
        doc.spans["quotes"] = _aligned(doc, ex["quotes"], counts)
        doc.cats = dict(ex["cats"])
        doc.user_data.update(ex["user_data"])
        bin_.add(doc)
        n += 1
    bin_.to_disk(path)
    return n, counts
