"""Suggestions are not decisions: how a new set of machine proposals meets what is already in a document.

Pure functions over domain objects. A proposal that overlaps anything an analyst decided (accepted, edited,
added or rejected) of the same kind is skipped; an earlier suggestion proposed again is kept as it is; one
the new run no longer makes is withdrawn; the rest are added.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from annotator.domain import DECIDED, SUGGESTED, Claim, Quote, Span

T = TypeVar("T", Span, Quote, Claim)


@dataclass
class Plan(Generic[T]):
    keep: list[T] = field(default_factory=list)
    withdraw: list[T] = field(default_factory=list)
    add: list[T] = field(default_factory=list)
    skipped: list[T] = field(default_factory=list)


def span_key(s: Span) -> Hashable:
    return (s.start, s.end, s.label)


def quote_key(q: Quote) -> Hashable:
    return (q.start, q.end, q.kind, q.speaker, q.speaker_mention, q.cue)


def claim_key(c: Claim) -> Hashable:
    return (c.claim_type, c.evidence, c.claimant, c.outlet, c.target, c.addressee, c.stance, c.strength, c.scope)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def plan(existing: Sequence[T], proposals: Sequence[T], key: Callable[[T], Hashable]) -> Plan[T]:
    """Decide, for one document and one kind of annotation, what a new run keeps, withdraws, adds, skips.

    ``existing`` must include rejected annotations: they are decisions too.
    """
    decided = sorted((e for e in existing if e.state in DECIDED), key=lambda e: e.start)
    suggested = {key(e): e for e in existing if e.state == SUGGESTED}
    starts = [d.start for d in decided]
    max_len = max((d.end - d.start for d in decided), default=0)
    out: Plan[T] = Plan()
    seen: set[Hashable] = set()

    for p in proposals:
        k = key(p)
        if k in seen:
            continue
        seen.add(k)
        lo = bisect_left(starts, p.start - max_len)
        hi = bisect_right(starts, p.end)
        if any(_overlaps(p.start, p.end, d.start, d.end) for d in decided[lo:hi]):
            out.skipped.append(p)
        elif k in suggested:
            out.keep.append(suggested[k])
        else:
            out.add.append(p)
    kept = {id(e) for e in out.keep}
    out.withdraw = [e for e in suggested.values() if id(e) not in kept]
    return out
