"""Near-duplicate documents (wire stories run twice with small edits): MinHash LSH over word shingles, each
candidate pair confirmed by the exact Jaccard similarity of the shingle sets, pairs joined into clusters."""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5  # words per shingle
PERMUTATIONS = 128
CANDIDATE_MARGIN = 0.1


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The set of ``size``-word shingles of the lowercased words (a shorter text: its words as one shingle)."""
    words = WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def clusters(texts: Iterable[tuple[int, str]], threshold: float = 0.8, size: int = SHINGLE,
             permutations: int = PERMUTATIONS) -> list[list[int]]:
    """Groups of two or more document ids whose texts are near-duplicates (Jaccard ≥ ``threshold``, confirmed
    exactly); each group sorted, groups ordered by their first id. A document is in one group at most."""
    if not 0 < threshold <= 1:
        raise ValueError(f"the threshold is a similarity in (0, 1], not {threshold}")
    # LSH is tuned a little below the threshold: it then misses fewer true pairs, and exact Jaccard drops the rest
    lsh = MinHashLSH(threshold=max(0.05, threshold - CANDIDATE_MARGIN), num_perm=permutations)
    sets: dict[int, set[str]] = {}
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for doc_id, text in texts:
        grams = shingles(text, size)
        if not grams:
            continue
        m = MinHash(num_perm=permutations)
        m.update_batch([g.encode("utf-8") for g in grams])
        sets[doc_id] = grams
        parent[doc_id] = doc_id
        for other in lsh.query(m):
            if jaccard(grams, sets[other]) >= threshold:
                a, b = root(doc_id), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(doc_id, m)
    groups: dict[int, list[int]] = {}
    for doc_id in parent:
        groups.setdefault(root(doc_id), []).append(doc_id)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
