"""Confidence as a probability: how often each attribution rule named the right speaker on the
calibration sets, corrected for text the rules were not tuned on, then drawn to how often the rule was
right on held-out sets as first scored (``data/calibration.json``, written by ``benchmarks/quotes.py --calibrate``)."""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.resources import files

PRIOR_WEIGHT = 4.0  # a rule seen n times moves from its prior by n / (n + 4)
FRESH_WEIGHT = 4.0  # likewise for a rule's first-look outcomes, from its corrected rate


@cache
def _data() -> dict:
    res = files("annotator.nlp").joinpath("data", "calibration.json")
    try:
        return json.loads(res.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def table() -> dict[str, dict[str, float]]:
    """``{rule: {"right": k, "seen": n}}``; empty when the file is missing."""
    rules = _data().get("rules")
    return rules if isinstance(rules, dict) else {}


def scaling() -> tuple[float, float]:
    """``(a, b)`` of the held-out correction logit(p') = a * logit(p) + b; (1, 0) when there is none."""
    s = _data().get("scaling") or {}
    return float(s.get("a", 1.0)), float(s.get("b", 0.0))


def fresh() -> dict[str, dict[str, float]]:
    """``{rule: {"right": k, "seen": n}}`` counted on the first-look outcomes (held-out sets scored for the
    first time, text the rules had never seen); empty when there are none."""
    rules = _data().get("fresh")
    return rules if isinstance(rules, dict) else {}


def final_knots() -> tuple[tuple[float, float], ...]:
    """The knots ``(x, y)`` of the last correction of a quote's confidence; none when the file has none."""
    knots = (_data().get("final") or {}).get("knots") or ()
    return tuple((float(x), float(y)) for x, y in knots)


def finalised(p: float, knots: tuple[tuple[float, float], ...] | None = None) -> float:
    """A quote's confidence, the ranker's part averaged in, through the last monotone correction fitted on
    first-look text: piecewise linear through (0, 0), the ``knots`` (by default the file's) and (1, 1);
    ``p`` as it is when there are no knots."""
    knots = final_knots() if knots is None else knots
    if not knots:
        return p
    p = min(max(p, 0.0), 1.0)
    x0, y0 = 0.0, 0.0
    for x1, y1 in (*knots, (1.0, 1.0)):
        if p <= x1:
            return y0 if x1 <= x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)
        x0, y0 = x1, y1
    return 1.0


def calibrated(rule: str, prior: float) -> float:
    """``probability`` corrected for text the rules were not tuned on: the development sets' rates are
    too sure out of sample, so they go through a logistic correction fitted on the validation sets, and
    then, level by level as in ``probability``, toward the rule's rate on first-look text."""
    return freshened(rule, scaled(probability(rule, prior), *scaling()), fresh())


def freshened(rule: str, p: float, counts: dict[str, dict[str, float]]) -> float:
    """(right + w * p) / (seen + w) over the first-look ``counts`` of each level of ``rule``'s key: a rule
    seen often on fresh text gets its rate there, a rare one keeps ``p``."""
    parts = rule.split("+")
    for k in range(1, len(parts) + 1):
        seen = counts.get("+".join(parts[:k]))
        if seen:
            p = (seen["right"] + FRESH_WEIGHT * p) / (seen["seen"] + FRESH_WEIGHT)
    return p


def scaled(p: float, a: float, b: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return 1 / (1 + math.exp(-(a * math.log(p / (1 - p)) + b)))


def probability(rule: str, prior: float) -> float:
    """The smoothed rate at which ``rule`` was right: (right + w * prior) / (seen + w), level by level
    from the rule alone to its full key ("subject-of-cue", "subject-of-cue+coref", "...+coref+short"),
    each level's rate the prior of the next, so a rare refinement leans on its rule."""
    p = prior
    parts = rule.split("+")
    for k in range(1, len(parts) + 1):
        seen = table().get("+".join(parts[:k]))
        if seen:
            p = (seen["right"] + PRIOR_WEIGHT * p) / (seen["seen"] + PRIOR_WEIGHT)
    return p
