"""Krippendorff's unitizing alpha (uα) for one category on a continuum of texts, as defined in Krippendorff,
*Content Analysis*, 2nd ed. (2004), section 12.4: each observer cuts the continuum into units and gaps."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, combinations
from typing import NamedTuple

Extent = tuple[int, int]  # half-open [start, end)


@dataclass(frozen=True)
class Continuum:
    """One stretch of the continuum (a document): its length and, per observer, that observer's units of the
    category. Units are clipped to the text; overlapping units of one observer are joined into one."""

    length: int
    units: Mapping[str, Sequence[Extent]]


class Section(NamedTuple):
    start: int
    end: int
    unit: bool  # True: a unit of the category, False: a gap

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Disagreement:
    """Observed and expected disagreement of one category; ``alpha`` is None when nothing can be expected."""

    observed: float = 0.0
    expected: float = 0.0

    @property
    def alpha(self) -> float | None:
        return 1.0 - self.observed / self.expected if self.expected > 0 else None


def clean(units: Sequence[Extent], length: int) -> list[Extent]:
    """The units clipped to ``[0, length)``, empty ones dropped, overlapping ones joined, in order."""
    out: list[Extent] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in units):
        if start >= end:
            continue
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def sections(units: Sequence[Extent], length: int) -> list[Section]:
    """The continuum ``[0, length)`` cut into this observer's units and the gaps between them."""
    out: list[Section] = []
    pos = 0
    for start, end in clean(units, length):
        if start > pos:
            out.append(Section(pos, start, False))
        out.append(Section(start, end, True))
        pos = end
    if pos < length:
        out.append(Section(pos, length, False))
    return out


def distance(g: Section, h: Section) -> int:
    """δ² of two overlapping sections of two observers (Krippendorff 2004, p. 252)."""
    if g.unit and h.unit:
        return (g.start - h.start) ** 2 + (g.end - h.end) ** 2
    if g.unit and h.start <= g.start and g.end <= h.end:
        return g.length**2  # a unit inside the other observer's gap
    if h.unit and g.start <= h.start and h.end <= g.end:
        return h.length**2
    return 0


def pair_distance(a: Sequence[Section], b: Sequence[Section]) -> int:
    """Σ δ² over every overlapping pair of sections of two observers of the same stretch."""
    total, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        if a[i].start < b[j].end and b[j].start < a[i].end:
            total += distance(a[i], b[j])
        if a[i].end <= b[j].end:
            i += 1
        else:
            j += 1
    return total


Cut = Mapping[str, Sequence[Section]]  # one stretch: observer -> their sections


def observed(cuts: Sequence[Cut], observers: Sequence[str], length: int) -> float:
    """D_o: Σ over ordered observer pairs of Σ δ², over m(m-1)L²."""
    m = len(observers)
    if m < 2 or length <= 0:
        return 0.0
    total = sum(pair_distance(cut[a], cut[b]) for cut in cuts for a, b in combinations(observers, 2))
    return 2 * total / (m * (m - 1) * length**2)


def expected(cuts: Sequence[Cut], observers: Sequence[str], length: int) -> float:
    """D_e: every unit of every observer placed anywhere it fits, against every other unit and every gap."""
    m = len(observers)
    every = [s for cut in cuts for o in observers for s in cut[o]]
    units = [s.length for s in every if s.unit]
    if m < 2 or length <= 0 or not units:
        return 0.0
    gaps = sorted(s.length for s in every if not s.unit)
    suffix = [0, *accumulate(reversed(gaps))]  # suffix[k]: the sum of the k longest gaps
    n = len(units)
    total = 0.0
    for u in units:
        among_units = (n - 1) * (2 * u**3 - 3 * u**2 + u) / 3
        k = len(gaps) - bisect_left(gaps, u)  # gaps at least as long as the unit
        in_gaps = u**2 * (suffix[k] - k * (u - 1))
        total += among_units + in_gaps
    pairs = m * length * (m * length - 1) - sum(u * (u - 1) for u in units)
    return (2 / length) * total / pairs if pairs > 0 else 0.0


def disagreement(continua: Sequence[Continuum], observers: Sequence[str] | None = None) -> Disagreement:
    """D_o and D_e of one category over ``continua`` (the documents, end to end, each gap kept inside its
    document); ``observers`` default to every observer named in any continuum."""
    names = sorted(observers if observers is not None else {o for c in continua for o in c.units})
    cuts = [{o: sections(c.units.get(o, ()), c.length) for o in names} for c in continua]
    length = sum(c.length for c in continua)
    return Disagreement(observed(cuts, names, length), expected(cuts, names, length))


def alpha(categories: Iterable[Disagreement]) -> float | None:
    """uα over categories: 1 - Σ D_o / Σ D_e (Krippendorff 2004, p. 253); None when nothing is expected."""
    found = list(categories)
    d_e = sum(d.expected for d in found)
    return 1.0 - sum(d.observed for d in found) / d_e if d_e > 0 else None
