"""Confidence as a probability: how often each attribution rule named the right speaker on the
development sets (``data/calibration.json``, written by ``benchmarks/quotes.py --calibrate``)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

PRIOR_WEIGHT = 4.0  # a rule seen n times moves from its prior by n / (n + 4)


@cache
def table() -> dict[str, dict[str, float]]:
    """``{rule: {"right": k, "seen": n}}``; empty when the file is missing."""
    res = files("annotator.nlp").joinpath("data", "calibration.json")
    try:
        return json.loads(res.read_text(encoding="utf-8"))["rules"]
    except (FileNotFoundError, KeyError, ValueError):
        return {}


def probability(rule: str, prior: float) -> float:
    """The smoothed rate at which ``rule`` was right: (right + w * prior) / (seen + w)."""
    seen = table().get(rule)
    if not seen:
        return prior
    return (seen["right"] + PRIOR_WEIGHT * prior) / (seen["seen"] + PRIOR_WEIGHT)
