"""Train / dev / test splits that keep each near-duplicate cluster inside one split, optionally stratified."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from annotator.domain import SPLITS


@dataclass(frozen=True)
class Item:
    doc_id: int
    cluster: int | None = None
    stratum: str = ""  # the source or label to stratify by ("" when not stratifying)


def ratios_of(train: float, dev: float, test: float) -> dict[str, float]:
    """The three ratios, checked: none negative, summing to 1."""
    ratios = {"train": train, "dev": dev, "test": test}
    if any(r < 0 for r in ratios.values()) or abs(sum(ratios.values()) - 1) > 1e-6:
        raise ValueError(f"--train, --dev and --test must be ≥ 0 and sum to 1, not {train} + {dev} + {test}")
    return ratios


def assign(items: list[Item], ratios: dict[str, float], seed: int) -> dict[int, str]:
    """doc_id -> split. Clusters move as one; within each stratum the groups are shuffled (``seed``) and each goes
    to the split furthest below its share, so sizes follow the ratios as closely as whole clusters allow."""
    groups: dict[tuple[str, object], list[Item]] = defaultdict(list)
    for item in items:
        key = ("c", item.cluster) if item.cluster is not None else ("d", item.doc_id)
        groups[key].append(item)
    strata: dict[str, list[list[Item]]] = defaultdict(list)
    for members in groups.values():
        strata[min(m.stratum for m in members)].append(sorted(members, key=lambda m: m.doc_id))
    rng = random.Random(seed)
    out: dict[int, str] = {}
    for stratum in sorted(strata):
        bunch = sorted(strata[stratum], key=lambda g: g[0].doc_id)
        rng.shuffle(bunch)
        bunch.sort(key=len, reverse=True)  # big clusters first, so the small ones can even the sizes out
        total = sum(len(g) for g in bunch)
        sizes = dict.fromkeys(SPLITS, 0)
        for group in bunch:
            name = max(SPLITS, key=lambda s: (ratios[s] * total - sizes[s], ratios[s]))
            sizes[name] += len(group)
            out.update((m.doc_id, name) for m in group)
    return out
