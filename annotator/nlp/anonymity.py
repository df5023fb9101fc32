"""A description the text says goes unnamed ("The boatman, who asked not to be named", "Speaking on condition of
anonymity, a nurse said"): someone of their own, whom no name of the text stands for."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.lexicon import classes

_WORDS = classes("anonymity")
_NOUNS, _NAMING, _REFUSING = _WORDS["nouns"], _WORDS["naming"], _WORDS["refusing"]


def unnamed_by_text(head: Token) -> bool:
    """The noun ``head`` has a clause of its own that withholds the person's name: a relative or participle clause
    hanging from it ("who asked that her name be withheld", "who declined to be identified", "granted
    anonymity"), or a participle clause of its verb ("Speaking on condition of anonymity, a nurse said")."""
    clauses = [c for c in head.children if c.dep_ in ("relcl", "acl")]
    for prep in (c for c in head.children if c.dep_ == "prep"):  # "the foreman of one yard, who ...": a "who" is the
        for obj in (c for c in prep.children if c.dep_ == "pobj"):  # person's, however the parse hung it
            clauses += [c for c in obj.children if c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whose")]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.i != head.i:
        clauses += [c for c in head.head.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    return any(_withholds(c) for c in clauses)


def _withholds(clause: Token) -> bool:
    toks = list(clause.subtree)
    if any(t.lower_ in _NOUNS for t in toks):
        return True
    naming = any(t.lemma_.lower() in _NAMING for t in toks)
    return naming and any(t.dep_ == "neg" or t.lemma_.lower() in _REFUSING for t in toks)
