"""Prodigy's span JSONL (``ner_manual`` / ``spans_manual``): ``text``, ``tokens``, ``spans``, ``answer``.

Written: one example per document, ``answer: "accept"``, tokens from spaCy's tokenisation (handed in by the
caller, so this module needs no spaCy). Read: spans with char offsets, or with ``token_start``/``token_end``
(inclusive) into ``tokens``; ``accept`` → accepted spans, ``reject`` → rejected suggestions, ``ignore`` →
skipped and counted, no answer → suggestions. Origin ``import:prodigy``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.domain import ACCEPTED, REJECTED, SUGGESTED, Span
from annotator.formats.incoming import BadRecord, Incoming, label_of, normalised, offsets
from annotator.formats.jsonl import plain_document

ORIGIN = "import:prodigy"
ANSWERS = {"accept": ACCEPTED, "reject": REJECTED}
Tokenize = Callable[[str], list[tuple[int, int, bool]]]  # (start, end, followed by a space) per token


def looks_like(record: dict[str, Any]) -> bool:
    spans = record.get("spans")
    return ("answer" in record or "tokens" in record or "_input_hash" in record
            or (isinstance(spans, list) and any(isinstance(s, dict) and "token_start" in s for s in spans)))


def _span_offsets(item: dict[str, Any], tokens: list, text: str, move, what: str) -> tuple[int, int]:
    if "start" in item or "end" in item:
        return offsets(item, "start", "end", text, move, what)
    first, last = item.get("token_start"), item.get("token_end")
    if not all(isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(tokens) for i in (first, last)):
        raise BadRecord(f"{what} has no start/end and its token_start/token_end ({first!r}, {last!r}) are not "
                        f"indices into the {len(tokens)} tokens")
    a, b = tokens[first], tokens[last]
    if not isinstance(a, dict) or not isinstance(b, dict):
        raise BadRecord(f"{what}: tokens must be objects with start and end")
    return offsets({"start": a.get("start"), "end": b.get("end")}, "start", "end", text, move, what)


def from_record(record: dict[str, Any], number: int, source: str) -> Incoming:
    """One Prodigy example as a document with its spans (raise BadRecord)."""
    text, move = normalised(record.get("text"))
    answer = record.get("answer")
    if answer is not None and answer not in ("accept", "reject", "ignore"):
        raise BadRecord(f'"answer" must be accept, reject or ignore, got {answer!r}')
    tokens = record.get("tokens") or []
    spans_in = record.get("spans") or []
    if not isinstance(tokens, list) or not isinstance(spans_in, list):
        raise BadRecord('"tokens" and "spans" must be lists')
    state = ANSWERS.get(answer, SUGGESTED)
    spans = []
    for i, item in enumerate(spans_in):
        what = f"span {i + 1}"
        if not isinstance(item, dict):
            raise BadRecord(f"{what} must be an object")
        start, end = _span_offsets(item, tokens, text, move, what)
        spans.append(Span(start, end, label_of(item.get("label"), what), ORIGIN, state=state))
    doc = plain_document({"text": text, "meta": record.get("meta")}, number, source)
    if answer:
        doc.meta["answer"] = answer
    return Incoming(doc, spans, fmt="prodigy", ignored=answer == "ignore")


def example(record: dict[str, Any], tokenize: Tokenize) -> dict[str, Any]:
    """The Prodigy example of one export record (its spans, not the rejected ones)."""
    text = record["text"]
    toks = tokenize(text)
    starts = {s: i for i, (s, _e, _w) in enumerate(toks)}
    ends = {e: i for i, (_s, e, _w) in enumerate(toks)}

    def token_at(offset: int, table: dict[int, int], after: bool) -> int:
        if offset in table:
            return table[offset]
        inside = [i for i, (s, e, _w) in enumerate(toks) if s < offset < e or (after and s < offset <= e)]
        return inside[0] if inside else (len(toks) - 1 if after else 0)

    spans = [
        {"start": s["start"], "end": s["end"], "label": s["label"],
         "token_start": token_at(s["start"], starts, False), "token_end": token_at(s["end"], ends, True)}
        for s in record["spans"]
    ]  # fmt: skip
    meta = {"source": record["meta"].get("source", ""), "id": record["id"]}
    return {
        "text": text,
        "meta": meta,
        "tokens": [{"text": text[s:e], "start": s, "end": e, "id": i, "ws": ws} for i, (s, e, ws) in enumerate(toks)],
        "spans": spans,
        "answer": "accept",
    }
