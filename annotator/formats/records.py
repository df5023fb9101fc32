"""The export record of one document: the shape every format starts from."""

from __future__ import annotations

from typing import Any

from annotator.domain import Document, Mention, Quote, Span


def _mention(text: str, m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"start": m.start, "end": m.end, "text": text[m.start : m.end]}


def span_record(text: str, s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "label": s.label, "text": text[s.start : s.end], "origin": s.origin}


def quote_record(text: str, q: Quote) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "start": q.start,
        "end": q.end,
        "text": text[q.start : q.end],
        "speaker": _mention(text, q.speaker),
    }
    if q.speaker_mention is not None:
        rec["speaker_mention"] = _mention(text, q.speaker_mention)
    if q.cue is not None:
        rec["cue"] = _mention(text, q.cue)
    rec["confidence"] = round(q.confidence, 3)
    rec["origin"] = q.origin
    return rec


def document_record(doc: Document, spans: list[Span], quotes: list[Quote]) -> dict[str, Any]:
    """``{"id", "text", "meta", "status", "spans", "quotes", "claims"}`` with exact code-point offsets."""
    text = doc.text
    meta = dict(doc.meta)
    meta.setdefault("source", "")
    return {
        "id": doc.id,
        "text": text,
        "meta": meta,
        "status": doc.status,
        "spans": [span_record(text, s) for s in sorted(spans, key=lambda s: (s.start, s.end))],
        "quotes": [quote_record(text, q) for q in sorted(quotes, key=lambda q: (q.start, q.end))],
        "claims": [],
    }
