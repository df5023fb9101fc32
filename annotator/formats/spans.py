"""Span helpers the token formats share: which spans can be entities (no overlaps)."""

from __future__ import annotations

from typing import Any


def non_overlapping(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The spans that can sit in one BIO sequence or ``doc.ents``: longest first, then earliest (spaCy's
    ``filter_spans`` rule), in text order."""
    kept: list[dict[str, Any]] = []
    for span in sorted(spans, key=lambda s: (-(s["end"] - s["start"]), s["start"])):
        if all(span["end"] <= k["start"] or k["end"] <= span["start"] for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s["start"])
