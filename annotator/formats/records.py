"""The export record of one document: the shape every format starts from.

Every span and quote carries its provenance: ``origin`` (``human``, ``model:<pipeline>@<version>``,
``rule:<name>@<version>``), review ``state``, ``analyst`` and ``created_at`` / ``modified_at``. Proposals an
analyst rejected are kept apart in ``rejected`` (negative examples; never mixed into ``spans``).
"""

from __future__ import annotations

from typing import Any

from annotator.domain import Document, Mention, Quote, Span


def _mention(text: str, m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"start": m.start, "end": m.end, "text": text[m.start : m.end]}


def _provenance(item: Span | Quote) -> dict[str, Any]:
    return {
        "origin": item.origin,
        "state": item.state,
        "analyst": item.analyst,
        "created_at": item.created_at,
        "modified_at": item.modified_at,
    }


def span_record(text: str, s: Span) -> dict[str, Any]:
    return {"id": s.id, "start": s.start, "end": s.end, "label": s.label, "text": text[s.start : s.end], **_provenance(s)}


def quote_record(text: str, q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "start": q.start,
        "end": q.end,
        "text": text[q.start : q.end],
        "kind": q.kind,
        "speaker": _mention(text, q.speaker),
        "speaker_mention": _mention(text, q.speaker_mention),
        "cue": _mention(text, q.cue),
        "source_of": _mention(text, q.source_of),
        "confidence": round(q.confidence, 3),
        **_provenance(q),
    }


def _order(items: list) -> list:
    return sorted(items, key=lambda i: (i.start, i.end, i.id or 0))


def document_record(
    doc: Document,
    spans: list[Span],
    quotes: list[Quote],
    rejected_spans: list[Span] | None = None,
    rejected_quotes: list[Quote] | None = None,
) -> dict[str, Any]:
    """``{"id", "text", "meta", "status", "note", "preannotated", "spans", "quotes", "claims", "rejected"}``.

    Offsets are exact code points into ``text``.
    """
    text = doc.text
    meta = dict(doc.meta)
    meta.setdefault("source", "")
    return {
        "id": doc.id,
        "text": text,
        "meta": meta,
        "status": doc.status,
        "note": doc.note,
        "preannotated": doc.preannotated,
        "spans": [span_record(text, s) for s in _order(spans)],
        "quotes": [quote_record(text, q) for q in _order(quotes)],
        "claims": [],
        "rejected": {
            "spans": [span_record(text, s) for s in _order(rejected_spans or [])],
            "quotes": [quote_record(text, q) for q in _order(rejected_quotes or [])],
        },
    }
