"""Coefficients over reliability data (units × analysts, None where an analyst gave no value): Cohen's kappa,
Krippendorff's alpha (nominal or ordinal, computed by the ``krippendorff`` package) and F1."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence

Row = Mapping[str, Hashable | None]  # one unit: analyst -> value, None or absent when they gave none


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's (1960) kappa of two analysts' values on the same units; None with no units or no chance
    disagreement (both always gave one and the same value)."""
    n = len(pairs)
    if not n:
        return None
    agreed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(left[v] * right[v] for v in left) / n**2
    return (agreed - chance) / (1 - chance) if chance < 1 else None


def kappa_of(rows: Sequence[Row], first: str, second: str) -> float | None:
    """Cohen's kappa of ``first`` and ``second`` over the units where both gave a value."""
    pairs = [(r[first], r[second]) for r in rows if r.get(first) is not None and r.get(second) is not None]
    return cohen_kappa(pairs)


def alpha_of(rows: Sequence[Row], analysts: Sequence[str], order: Sequence[Hashable] | None = None) -> float | None:
    """Krippendorff's alpha over the units with two values or more: nominal, or ordinal on the scale ``order``
    (values not on it count as missing). None when undefined: no such unit, or only one value among them."""
    scale = list(order) if order is not None else None
    pairable = [r for r in rows if _values(r, analysts, scale) >= 2]
    values = {v for r in pairable for a in analysts if (v := r.get(a)) is not None and _on(v, scale)}
    if len(values) < 2:
        return None
    codes = {v: i for i, v in enumerate(scale if scale is not None else sorted(values, key=repr))}
    data = [[codes[v] if (v := r.get(a)) is not None and v in codes else math.nan for r in pairable]
            for a in analysts]
    level = "ordinal" if scale is not None else "nominal"
    import krippendorff  # numpy comes with it: imported when alpha is computed, not when the window starts

    result = float(krippendorff.alpha(reliability_data=data, value_domain=sorted(codes.values()),
                                      level_of_measurement=level))
    return None if math.isnan(result) else result


def _on(value: Hashable, scale: list[Hashable] | None) -> bool:
    return scale is None or value in scale


def _values(row: Row, analysts: Sequence[str], scale: list[Hashable] | None) -> int:
    return sum(1 for a in analysts if (v := row.get(a)) is not None and _on(v, scale))


def f1(matched: int, first: int, second: int) -> float | None:
    """F1 of one analyst against another as reference: 2·matched / (first + second), the same whichever is the
    reference when matches are one to one; None when neither marked anything."""
    return 2 * matched / (first + second) if first + second else None
