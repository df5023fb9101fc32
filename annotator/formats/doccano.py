"""doccano's sequence-labelling JSONL: ``{"text": ..., "label": [[start, end, "LABEL"], ...]}``.

Read: ``label`` (or ``labels``) as ``[start, end, label]`` triples, or the newer ``entities`` list of
``{"start_offset", "end_offset", "label"}``; spans become accepted, origin ``import:doccano``. Written: one line
per document with its spans (not the rejected ones) and our meta.
"""

from __future__ import annotations

from typing import Any

from annotator.domain import ACCEPTED, Span
from annotator.formats.incoming import BadRecord, Incoming, label_of, normalised, offsets
from annotator.formats.jsonl import plain_document

ORIGIN = "import:doccano"


def _triples(record: dict[str, Any]) -> list | None:
    for key in ("label", "labels"):
        value = record.get(key)
        if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
            return value
    return None


def looks_like(record: dict[str, Any]) -> bool:
    return _triples(record) is not None or isinstance(record.get("entities"), list) or (
        isinstance(record.get("label"), list) and not record["label"])


def from_record(record: dict[str, Any], number: int, source: str) -> Incoming:
    """One doccano line as a document with its spans (raise BadRecord)."""
    text, move = normalised(record.get("text"))
    items: list[dict[str, Any]] = []
    triples = _triples(record)
    if triples is not None:
        for i, t in enumerate(triples):
            if len(t) != 3:
                raise BadRecord(f"label {i + 1} must be [start, end, label], got {t!r}")
            items.append({"start_offset": t[0], "end_offset": t[1], "label": t[2]})
    elif isinstance(record.get("entities"), list):
        items = record["entities"]
    elif record.get("label") not in (None, []):
        raise BadRecord(f'"label" must be a list of [start, end, label], got {record.get("label")!r}')
    spans = []
    for i, item in enumerate(items):
        what = f"label {i + 1}"
        if not isinstance(item, dict):
            raise BadRecord(f"{what} must be an object with start_offset, end_offset and label")
        start, end = offsets(item, "start_offset", "end_offset", text, move, what)
        spans.append(Span(start, end, label_of(item.get("label"), what), ORIGIN, state=ACCEPTED))
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    doc = plain_document({"text": text, "meta": meta}, number, source)
    if record.get("id") is not None:
        doc.meta["doccano_id"] = record["id"]
    return Incoming(doc, spans, fmt="doccano")


def line(record: dict[str, Any]) -> dict[str, Any]:
    """The doccano line of one export record."""
    return {
        "text": record["text"],
        "label": [[s["start"], s["end"], s["label"]] for s in record["spans"]],
        "meta": {"source": record["meta"].get("source", ""), "id": record["id"]},
    }
