"""Unnamed sources mentioned again: "the investor said" is the "one pension fund investor" who spoke
before, "the judges" the "division bench" (same noun, or one of a few synonyms)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from annotator.nlp.lexicon import ORG_NOUNS, classes
from annotator.nlp.names import Found, noun_phrase
from annotator.nlp.once import tokens
from annotator.nlp.sources import source_by_noun

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions, NamedMention

# Nouns that name the same unnamed source in news copy.
_SAME_SOURCE = list(classes("same_source").values())


def _kin(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _SAME_SOURCE)


def _bare_definite(toks, s: int, head: int) -> bool:
    """The noun phrase is "the"/"its"/"their" and its noun alone ("The company", "its board")."""
    return head - s == 1 and toks[s].lower_ in ("the", "its", "their", "this", "that")


def _contrasted(toks, s1: int, h1: int, s2: int, h2: int) -> bool:
    """Two descriptions of one noun whose adjectives differ, each having one the other lacks ("the younger
    woman", "the older woman"): two people, told apart by those words."""

    def adjectives(s: int, h: int) -> set[str]:
        return {t.lower_ for t in toks[s:h] if t.pos_ == "ADJ" and t.is_lower}

    a, b = adjectives(s1, h1), adjectives(s2, h2)
    return bool(a - b) and bool(b - a)


def earlier_unnamed(mentions: Mentions, found: Found, at: int, paras: int = 4) -> NamedMention | None:
    """The nearest earlier unnamed subject of the same kind as the definite description ``found``
    ("the investor" -> "One pension fund investor, speaking privately, said"), within ``paras``; the name set
    off beside it when it has one ("The porters' union, the Tarnhollow Port Workers, said": "the union" is that name)."""
    earlier = _earlier_unnamed(mentions, found, at, paras)
    if earlier is None or not mentions.parsed:
        return earlier
    head = tokens(mentions.doc)[earlier.head if earlier.head >= 0 else earlier.end - 1]
    return _apposed_name(mentions, head) or earlier


def _apposed_name(mentions: Mentions, head: Token) -> NamedMention | None:
    """The name set off after the noun ``head`` in apposition, of its kind (an organisation's for an organisation's
    noun, else a person's): "Its union, the Tarnhollow Port Workers," -> that name."""
    for c in head.children:
        if c.dep_ != "appos" or c.i <= head.i:
            continue
        org = head.lower_ in ORG_NOUNS
        named = [m for m in mentions.between(c.left_edge.i, c.right_edge.i + 1) if (m.organisational if org else m.personal)]
        if named:
            return named[0]
    return None


def _earlier_unnamed(mentions: Mentions, found: Found, at: int, paras: int) -> NamedMention | None:
    doc = mentions.doc
    toks = tokens(doc)
    if not mentions.parsed or found.start >= found.end or toks[found.start].lower_ not in ("the", "this", "that"):
        return None
    head = toks[found.end - 1]
    source = source_by_noun(mentions, head, at, paras)  # "the man" of "Another witness, a man who ..., said"
    lemma = head.lemma_.lower()
    para = mentions.para_of(toks[at].idx)
    for t in reversed(toks[: found.start]):
        if source is not None and t.i < source.start:
            return source
        if para - mentions.para_of(t.idx) > paras:
            break
        if t.pos_ != "NOUN" or t.dep_ not in ("nsubj", "nsubjpass") or not mentions.outside(t.i, t.i + 1):
            continue
        if head.tag_ == "NN" and t.tag_ == "NNS":
            continue  # "the investor" is one of them, not "several large investors"
        if _kin(t.lemma_.lower(), lemma):
            s, e = noun_phrase(doc, t)
            if _contrasted(toks, found.start, found.end - 1, s, t.i):
                continue  # "the younger woman" is not "the older woman": each is set apart from the other
            if lemma in ORG_NOUNS and _bare_definite(toks, s, t.i):
                continue  # "The company now expects ..." names no company: "the company" is whichever the text named
            left = t.left_edge.i
            if t.i - left <= 4 and not any(x.is_punct and x.text != "-" for x in toks[left : t.i]):
                s = min(s, left)  # "One pension fund investor"
            return mentions.make(s, e, "", True)
    return source
