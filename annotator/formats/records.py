"""The export record of one document: the shape every format starts from.

Every span, quote and claim carries its provenance: ``origin`` (``human``, ``model:<pipeline>@<version>``,
``rule:<name>@<version>``), review ``state``, ``analyst`` and ``created_at`` / ``modified_at``. Proposals an
analyst rejected are kept apart in ``rejected`` (negative examples; never mixed into ``spans``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from annotator.domain import (
    QUOTE_COLUMNS,
    REJECTED,
    SPAN_COLUMNS,
    SPLITS,
    STATES,
    STATUSES,
    STRENGTHS,
    Claim,
    Document,
    Mention,
    Quote,
    Span,
    initial_state,
    normalise_text,
)
from annotator.formats.incoming import BadRecord, Incoming, label_of, offsets


def _mention(text: str, m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"start": m.start, "end": m.end, "text": text[m.start : m.end]}


def _provenance(item: Span | Quote | Claim) -> dict[str, Any]:
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


def claim_record(text: str, c: Claim) -> dict[str, Any]:
    """``{"id", "claimant", "outlet", "evidence", "object", "addressee", "type", "stance", "strength", "aspect",
    …}``: a span is ``{"start", "end", "text"}`` with exact code-point offsets; ``start``/``end`` are the extent
    of the evidence (where the claim sits, for sorting)."""
    return {
        "id": c.id,
        "start": c.start,
        "end": c.end,
        "claimant": _mention(text, c.claimant),
        "outlet": c.outlet,
        "evidence": [_mention(text, m) for m in c.evidence],
        "object": _mention(text, c.target),
        "addressee": _mention(text, c.addressee),
        "type": c.claim_type,
        "stance": c.stance,
        "strength": c.strength,
        "aspect": c.aspect,
        "scope": c.scope,
        "quote_id": c.quote_id,
        "confidence": round(c.confidence, 3),
        "note": c.note,
        "cue": c.cue,
        **_provenance(c),
    }


def _order(items: list) -> list:
    return sorted(items, key=lambda i: (i.start, i.end, i.id or 0))


def document_record(
    doc: Document,
    spans: list[Span],
    quotes: list[Quote],
    rejected_spans: list[Span] | None = None,
    rejected_quotes: list[Quote] | None = None,
    claims: list[Claim] | None = None,
) -> dict[str, Any]:
    """``{"id", "text", "meta", "status", "note", "preannotated", "split", "cluster", "spans", "quotes", "claims",
    "rejected"}``; ``claims`` may hold rejected ones, which go under ``rejected`` like the rest.

    Offsets are exact code points into ``text``; a NaN or ±Infinity becomes None (see ``finite``).
    """
    text = doc.text
    return finite(_envelope(
        doc,
        [span_record(text, s) for s in _order(spans)],
        [quote_record(text, q) for q in _order(quotes)],
        [span_record(text, s) for s in _order(rejected_spans or [])],
        [quote_record(text, q) for q in _order(rejected_quotes or [])],
        claims_part(text, claims or []),
    ))


def claims_part(text: str, claims: list[Claim]) -> tuple[list, list]:
    """(kept, rejected) claim records, in text order."""
    ordered = _order(claims)
    return ([claim_record(text, c) for c in ordered if c.state != REJECTED],
            [claim_record(text, c) for c in ordered if c.state == REJECTED])


def _envelope(doc: Document, spans: list, quotes: list, rejected_spans: list, rejected_quotes: list,
              claims: tuple[list, list] = ([], [])) -> dict[str, Any]:
    """The document's part of a record around its annotations' records: the one place that lists its keys."""
    meta = dict(doc.meta)
    meta.setdefault("source", "")
    return {
        "id": doc.id,
        "text": doc.text,
        "meta": meta,
        "status": doc.status,
        "note": doc.note,
        "preannotated": doc.preannotated,
        "split": doc.split,
        "cluster": doc.cluster,
        "spans": spans,
        "quotes": quotes,
        "claims": claims[0],
        "rejected": {"spans": rejected_spans, "quotes": rejected_quotes, "claims": claims[1]},
    }


# -- the same record straight from store rows (the export's fast path) ---------------------------

_Q = {c: i for i, c in enumerate(QUOTE_COLUMNS)}
# the span builder unpacks a row by position: a new or moved column must be added there too
assert SPAN_COLUMNS == ("id", "doc_id", "start", "end", "label", "origin", "state", "analyst", "created_at",
                        "modified_at"), "records._spans_from_rows unpacks SPAN_COLUMNS in this order"
_SPAN_STATE, _QUOTE_STATE = SPAN_COLUMNS.index("state"), _Q["state"]


def _spans_from_rows(text: str, rows: list[tuple]) -> list[dict[str, Any]]:
    """One span record per row: one comprehension, no call per span (200,000 spans are common)."""
    return [
        {"id": id_, "start": start, "end": end, "label": label, "text": text[start:end],
         "origin": origin or "human", "state": state or initial_state(origin or "human"), "analyst": analyst,
         "created_at": created, "modified_at": modified}
        for id_, _, start, end, label, origin, state, analyst, created, modified in rows
    ]  # fmt: skip


def _mention_from_row(text: str, r: tuple, prefix: str) -> dict[str, Any] | None:
    start, end = r[_Q[prefix + "_start"]], r[_Q[prefix + "_end"]]
    if start is None or end is None:
        return None
    return {"start": start, "end": end, "text": text[start:end]}


def _quote_from_row(text: str, r: tuple) -> dict[str, Any]:
    start, end, origin = r[_Q["start"]], r[_Q["end"]], r[_Q["origin"]] or "human"
    confidence = r[_Q["confidence"]]
    return {
        "id": r[_Q["id"]], "start": start, "end": end, "text": text[start:end], "kind": r[_Q["kind"]] or "quote",
        "speaker": _mention_from_row(text, r, "speaker"), "speaker_mention": _mention_from_row(text, r, "mention"),
        "cue": _mention_from_row(text, r, "cue"), "source_of": _mention_from_row(text, r, "source"),
        "confidence": round(confidence if confidence is not None else 1.0, 3),
        "origin": origin, "state": r[_Q["state"]] or initial_state(origin), "analyst": r[_Q["analyst"]],
        "created_at": r[_Q["created_at"]], "modified_at": r[_Q["modified_at"]],
    }  # fmt: skip


def _live_and_rejected(rows: list[tuple], state_at: int) -> tuple[list[tuple], list[tuple]]:
    if not rows or REJECTED not in map(itemgetter(state_at), rows):  # the common case, looked at in C
        return rows, []
    return [r for r in rows if r[state_at] != REJECTED], [r for r in rows if r[state_at] == REJECTED]


def provenance(origin: str | None, state: str | None) -> tuple[str, str]:
    """A stored row's origin and review state as a record has them: an empty origin is ``human``, an empty state
    the initial one for its origin."""
    origin = origin or "human"
    return origin, state or initial_state(origin)


def _selected(span_rows: list[tuple], quote_rows: list[tuple], keep: Callable[[str | None, str | None], bool] | None,
              claims: list[Claim] | None) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple], list[Claim]]:
    """The rows ``keep(label, analyst)`` keeps, split into live and rejected ones: (spans, rejected spans, quotes,
    rejected quotes, claims)."""
    if keep is not None:
        label_at, span_analyst, quote_analyst = SPAN_COLUMNS.index("label"), SPAN_COLUMNS.index("analyst"), _Q["analyst"]
        span_rows = [r for r in span_rows if keep(r[label_at], r[span_analyst])]
        quote_rows = [r for r in quote_rows if keep(None, r[quote_analyst])]
        claims = [c for c in claims or [] if keep(None, c.analyst)]
    spans, rejected_spans = _live_and_rejected(span_rows, _SPAN_STATE)
    quotes, rejected_quotes = _live_and_rejected(quote_rows, _QUOTE_STATE)
    return spans, rejected_spans, quotes, rejected_quotes, claims or []


def record_from_rows(doc: Document, span_rows: list[tuple], quote_rows: list[tuple],
                     keep: Callable[[str | None, str | None], bool] | None = None,
                     claims: list[Claim] | None = None, replaced: list[str] | None = None) -> dict[str, Any]:
    """``document_record`` built from the store's rows (already in text order); ``keep(label, analyst)`` filters
    the annotations (label None for quotes and claims). The same record as ``document_record``, a good deal
    faster. A NaN or ±Infinity (in meta, or a confidence) becomes None, its path added to ``replaced``."""
    text = doc.text
    spans, rejected_spans, quotes, rejected_quotes, claims = _selected(span_rows, quote_rows, keep, claims)
    return finite(_envelope(
        doc,
        _spans_from_rows(text, spans),
        [_quote_from_row(text, r) for r in quotes],
        _spans_from_rows(text, rejected_spans) if rejected_spans else [],
        [_quote_from_row(text, r) for r in rejected_quotes],
        claims_part(text, claims) if claims else ([], []),
    ), replaced)


def lean_record_from_rows(doc: Document, span_rows: list[tuple], quote_rows: list[tuple],
                          keep: Callable[[str | None, str | None], bool] | None = None,
                          claims: list[Claim] | None = None) -> tuple[dict[str, Any], list[tuple]]:
    """For a writer that reads spans by column and leaves rejected annotations out (csv): the record of
    ``record_from_rows`` without span records (``"spans"`` and the rejected part empty), and the kept spans'
    store rows beside it (``SPAN_COLUMNS``, text order; origin and state as stored: see ``provenance``).
    No dictionary per span is made, the cost that counts when a document has many."""
    text = doc.text
    spans, _, quotes, _, claims = _selected(span_rows, quote_rows, keep, claims)
    kept_claims = claims_part(text, claims)[0] if claims else []
    record = _envelope(doc, [], [_quote_from_row(text, r) for r in quotes], [], [], (kept_claims, []))
    return record, spans


# -- numbers JSON cannot hold --------------------------------------------------------------------


def _nonfinite(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_nonfinite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_nonfinite(v) for v in value)
    return False


def _replaced(value: Any, path: str, found: list[str]) -> Any:
    """``value`` with every NaN or ±Infinity replaced by None, their paths noted."""
    if isinstance(value, float) and not math.isfinite(value):
        found.append(f"{path} ({value})")
        return None
    if isinstance(value, dict):
        return {k: _replaced(v, f"{path}.{k}" if path else str(k), found) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_replaced(v, f"{path}[{i}]", found) for i, v in enumerate(value)]
    return value


_NOT_FLOAT = frozenset({str, int, bool, type(None)})


def finite(record: dict[str, Any], replaced: list[str] | None = None) -> dict[str, Any]:
    """The record with no NaN or ±Infinity (JSON has no such numbers; a writer would make them null): each
    becomes None and its path (``document 3: meta.score (nan)``) is added to ``replaced``. Only meta and the
    confidences can hold one, so only they are looked at; the record is copied only when one is there."""
    rejected = record["rejected"]
    scored = (record["quotes"], record["claims"], rejected["quotes"], rejected["claims"])
    if _NOT_FLOAT.issuperset(map(type, record["meta"].values())) and not any(scored):
        return record  # the common case: text and numbers in meta, no quotes or claims
    if not _nonfinite(record["meta"]) and not any(_nonfinite(x["confidence"]) for part in scored for x in part):
        return record
    found: list[str] = []
    record = _replaced(record, "", found)
    if replaced is not None:
        replaced.extend(f"document {record.get('id')}: {where}" for where in found)
    return record


# -- reading an export back (import) ----------------------------------------------------------


def is_export_record(record: dict[str, Any]) -> bool:
    """An annotator JSONL export line: it has our document fields, not only ``text`` and ``meta``."""
    return isinstance(record.get("spans"), list) and "status" in record and "rejected" in record


def _int_or_none(value: Any, what: str) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise BadRecord(f"{what} must be an integer or null, got {value!r}")


def _provenance_in(item: dict[str, Any], what: str) -> dict[str, Any]:
    state = item.get("state")
    if state not in STATES:
        raise BadRecord(f"{what} state must be one of {', '.join(STATES)}, got {state!r}")
    origin = item.get("origin")
    if not isinstance(origin, str) or not origin:
        raise BadRecord(f"{what} needs an origin, got {origin!r}")
    out = {"origin": origin, "state": state}
    for key in ("analyst", "created_at", "modified_at"):
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            raise BadRecord(f"{what} {key} must be text or null, got {value!r}")
        out[key] = value
    out["id"] = _int_or_none(item.get("id"), f"{what} id")
    return out


def _checked_text(item: dict[str, Any], text: str, start: int, end: int, what: str) -> None:
    given = item.get("text")
    if given is not None and given != text[start:end]:
        raise BadRecord(f"{what} [{start}, {end}) says {given!r} but the text there is {text[start:end]!r}")


def _span_in(item: Any, text: str, what: str) -> Span:
    if not isinstance(item, dict):
        raise BadRecord(f"{what} must be an object")
    start, end = offsets(item, "start", "end", text, lambda i: i, what)
    _checked_text(item, text, start, end, what)
    return Span(start, end, label_of(item.get("label"), what), **_provenance_in(item, what))


def _mention_in(item: dict[str, Any], key: str, text: str, what: str) -> Mention | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise BadRecord(f"{what} {key} must be an object or null")
    start, end = offsets(value, "start", "end", text, lambda i: i, f"{what} {key}")
    _checked_text(value, text, start, end, f"{what} {key}")
    return Mention(start, end)


def _quote_in(item: Any, text: str, what: str) -> Quote:
    if not isinstance(item, dict):
        raise BadRecord(f"{what} must be an object")
    start, end = offsets(item, "start", "end", text, lambda i: i, what)
    _checked_text(item, text, start, end, what)
    confidence = item.get("confidence", 1.0)
    if confidence is None:
        confidence = 1.0
    if not isinstance(confidence, (int, float)) or isinstance(confidence, bool):
        raise BadRecord(f"{what} confidence must be a number, got {confidence!r}")
    kind = item.get("kind") or "quote"
    return Quote(
        start, end,
        speaker=_mention_in(item, "speaker", text, what),
        speaker_mention=_mention_in(item, "speaker_mention", text, what),
        cue=_mention_in(item, "cue", text, what),
        confidence=float(confidence), kind=str(kind),
        source_of=_mention_in(item, "source_of", text, what),
        **_provenance_in(item, what),
    )  # fmt: skip


def _choice_in(item: dict[str, Any], key: str, what: str, required: bool = False) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise BadRecord(f"{what} {key} must be a codebook id (text){'' if required else ' or null'}, got {value!r}")
    return value


def _claim_in(item: Any, text: str, what: str) -> Claim:
    if not isinstance(item, dict):
        raise BadRecord(f"{what} must be an object")
    evidence = item.get("evidence") or []
    if not isinstance(evidence, list) or not all(isinstance(e, dict) for e in evidence):
        raise BadRecord(f"{what} evidence must be a list of spans")
    spans = tuple(_mention_in({"e": e}, "e", text, f"{what} evidence") for e in evidence)
    strength = item.get("strength")
    if strength is not None and (isinstance(strength, bool) or strength not in STRENGTHS):
        raise BadRecord(f"{what} strength must be an integer from -2 to 2 or null, got {strength!r}")
    scope = item.get("scope") or "text"
    if scope not in ("text", "document"):
        raise BadRecord(f"{what} scope must be text or document, got {scope!r}")
    if scope == "text" and not spans:
        raise BadRecord(f"{what} has no evidence (a claim on the whole article says \"scope\": \"document\")")
    confidence = item.get("confidence", 1.0)
    if confidence is None:
        confidence = 1.0
    if not isinstance(confidence, (int, float)) or isinstance(confidence, bool):
        raise BadRecord(f"{what} confidence must be a number, got {confidence!r}")
    note, cue = item.get("note") or "", item.get("cue") or ""
    if not isinstance(note, str) or not isinstance(cue, str):
        raise BadRecord(f"{what} note and cue must be text")
    return Claim(
        claim_type=_choice_in(item, "type", what, required=True),  # type: ignore[arg-type]
        evidence=spans,  # type: ignore[arg-type]
        claimant=_mention_in(item, "claimant", text, what),
        target=_mention_in(item, "object", text, what),
        addressee=_mention_in(item, "addressee", text, what),
        stance=_choice_in(item, "stance", what),
        strength=strength,
        aspect=_choice_in(item, "aspect", what),
        outlet=bool(item.get("outlet", False)),
        scope=scope,
        confidence=float(confidence),
        note=note,
        cue=cue,
        quote_id=_int_or_none(item.get("quote_id"), f"{what} quote_id"),
        **_provenance_in(item, what),
    )


def _list(record: dict[str, Any], key: str, where: str) -> list:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadRecord(f'"{where}" must be a list')
    return value


def from_record(record: dict[str, Any]) -> Incoming:
    """An annotator export line back as a document with every annotation as it was (raise BadRecord)."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRecord('no "text" string')
    if normalise_text(text) != text:
        raise BadRecord('"text" has CR line ends or a BOM, which an annotator export never has; offsets would shift')
    meta = record.get("meta") or {}
    if not isinstance(meta, dict):
        raise BadRecord('"meta" must be an object')
    status = record.get("status") or "new"
    if status not in STATUSES:
        raise BadRecord(f'"status" must be one of {", ".join(STATUSES)}, got {status!r}')
    note = record.get("note") or ""
    split = record.get("split")
    if split is not None and split not in SPLITS:
        raise BadRecord(f'"split" must be one of {", ".join(SPLITS)} or null, got {split!r}')
    pre = record.get("preannotated")
    if pre is not None and not isinstance(pre, str):
        raise BadRecord('"preannotated" must be text or null')
    rejected = record.get("rejected") or {}
    if not isinstance(rejected, dict):
        raise BadRecord('"rejected" must be an object')
    spans = [_span_in(s, text, f"span {i + 1}") for i, s in enumerate(_list(record, "spans", "spans"))]
    spans += [_span_in(s, text, f"rejected span {i + 1}") for i, s in enumerate(_list(rejected, "spans", "rejected.spans"))]
    quotes = [_quote_in(q, text, f"quote {i + 1}") for i, q in enumerate(_list(record, "quotes", "quotes"))]
    quotes += [_quote_in(q, text, f"rejected quote {i + 1}") for i, q in enumerate(_list(rejected, "quotes", "rejected.quotes"))]
    claims = [_claim_in(c, text, f"claim {i + 1}") for i, c in enumerate(_list(record, "claims", "claims"))]
    claims += [_claim_in(c, text, f"rejected claim {i + 1}") for i, c in enumerate(_list(rejected, "claims", "rejected.claims"))]
    doc = Document(
        text=text, meta=dict(meta), status=status, id=_int_or_none(record.get("id"), '"id"'), preannotated=pre,
        note=str(note), split=split, cluster=_int_or_none(record.get("cluster"), '"cluster"'),
    )  # fmt: skip
    return Incoming(doc, spans, quotes, fmt="annotator", as_exported=True, claims=claims)
