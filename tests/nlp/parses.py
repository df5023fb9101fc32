"""Hand-built parses for rule tests: no statistical model, so a model upgrade changes no result here."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower, is_punct, ...), no model


def parse(rows: list[tuple], ents: list[tuple[int, int, str]] = (), spaces: list[bool] | None = None) -> Doc:
    """A Doc from rows of (word, head index, dep, pos, tag, lemma); ``ents`` as (start, end, label) tokens.

    Words are joined by single spaces unless ``spaces`` says otherwise; a quote mark hugs its word
    (no space after an opening mark, none before a closing one).
    """
    words = [r[0] for r in rows]
    if spaces is None:
        spaces = []
        opened = False
        for i, w in enumerate(words):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w == '"':
                opened = not opened
                spaces.append(not opened and nxt not in (".", ","))
            else:
                spaces.append(i + 1 < len(words) and nxt not in (".", ",", ":") and not (nxt == '"' and opened))
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        ents=_iob(len(rows), ents),
    )
    return doc


def _iob(n: int, ents) -> list[str]:
    out = ["O"] * n
    for s, e, label in ents:
        out[s] = "B-" + label
        for i in range(s + 1, e):
            out[i] = "I-" + label
    return out
