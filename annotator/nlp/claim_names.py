"""Polity names derived from the text itself: demonym ↔ country by a shared stem ("Valdorian" ↔ "Valdoria")
and capitalised proper-noun chunks that recur in the article, for when the model mis-tags invented names."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Token

from annotator.nlp.claim_lexicon import DEMONYM_SUFFIXES

_MIN_STEM = 4


def _stem_match(demonym: str, name: str) -> bool:
    """Whether ``demonym`` is formed from ``name``: they share all of ``name`` but its last two letters."""
    d, n = demonym.lower(), name.lower()
    if d == n or len(n) < _MIN_STEM or not d.endswith(DEMONYM_SUFFIXES):
        return False
    common = 0
    for x, y in zip(d, n, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(_MIN_STEM, len(n) - 2) and len(d) > common


def _title_words(doc: Doc) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for t in doc:
        if t.is_title and t.is_alpha and len(t) >= _MIN_STEM:
            out.setdefault(t.text, []).append(t.i)
    return out


@lru_cache(maxsize=64)
def _countries(doc: Doc) -> dict[str, int]:
    """Each demonym of the text mapped to the first token of the name it is formed from."""
    words = _title_words(doc)
    out: dict[str, int] = {}
    for d in words:
        for n, idx in words.items():
            if n != d and _stem_match(d, n) and not any(_stem_match(n, m) for m in words if m != n):
                out[d] = idx[0]
                break
    return out


def country_of(tok: Token) -> Token | None:
    """The country token a demonym names in this text ("Ostrian" -> "Ostria"), or None."""
    i = _countries(tok.doc).get(tok.text)
    return tok.doc[i] if i is not None else None


def is_demonym_of_text(tok: Token) -> bool:
    """A capitalised word formed from a name that occurs in the same text."""
    return tok.text in _countries(tok.doc)


@lru_cache(maxsize=64)
def _recurring(doc: Doc) -> frozenset[str]:
    seen: dict[str, int] = {}
    for t in doc:
        if t.is_title and t.is_alpha and len(t) >= _MIN_STEM and not t.is_sent_start and t.pos_ in ("PROPN", "NOUN", "ADJ", "X"):
            seen[t.text] = seen.get(t.text, 0) + 1
    return frozenset(w for w, n in seen.items() if n >= 2)


def is_recurring_name(tok: Token) -> bool:
    """A capitalised word used at least twice in the article away from a sentence start."""
    return tok.text in _recurring(tok.doc)


@lru_cache(maxsize=64)
def _labels(doc: Doc) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for ent in doc.ents:
        for t in ent:
            if t.is_title:
                out.setdefault(t.text, Counter())[ent.label_] += 1
    return out


def usual_label(tok: Token) -> str | None:
    """The label the article gives the word ``tok`` most often (a place tagged GPE twice and PERSON once is
    GPE), with place labels winning ties; None when the word is never tagged."""
    counts = _labels(tok.doc).get(tok.text)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], k in ("GPE", "LOC", "NORP")))
