"""A second, "other" claim where a territorial claim's words also reject a body's finding on the land ("rejects the
findings of the commission", "will not be bound by the ruling"): ``ruling_beside``."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_parts import mention
from annotator.nlp.claim_tree import evidence_span, negated, phrase, pobj

__all__ = ["rejected_finding", "ruling_beside"]

_REFUSED_UNDER_NEGATION = frozenset({"recognise", "recognize", "accept", "respect", "honour", "honor"})


def rejected_finding(span: Span) -> Token | None:
    """The noun of a finding or of the body that made it (``findings``) that ``span`` rejects: the object of a
    reversing verb ("rejects the award"), of a negated verb of accepting ("does not recognise the ruling"), what a
    negated "bound by" names ("will not be bound by the ruling"), or the subject of a discrediting word ("the award
    is void"); else None."""
    for t in span:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in lex.FINDINGS and t.lower_ not in lex.FINDINGS:
            continue
        h = t.head
        if t.dep_ == "dobj" and (h.lemma_.lower() in lex.REVERSING or h.lemma_.lower() in _REFUSED_UNDER_NEGATION
                                 and negated(h)):
            return t
        if t.dep_ == "pobj" and h.lower_ == "by" and h.head.lower_ == "bound" and (
                negated(h.head) or negated(h.head.head)):
            return t
        if t.dep_ == "nsubj" and any(c.dep_ in ("acomp", "attr") and c.lower_ in lex.DISCREDITING for c in h.children):
            return t
    return None


def _maker(t: Token) -> Token:
    """The body a finding is of ("the findings of the commission": the commission), else the finding itself."""
    of = pobj(t, ("of",))
    return of if of is not None and (of.lemma_.lower() in lex.FINDINGS or of.pos_ == "PROPN") else t


def ruling_beside(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """``claims`` and, after each territorial claim whose evidence rejects a finding (``rejected_finding``) and holds
    no "other" or contest claim, an "other" claim against that finding's body, of the same claimant and evidence."""
    out: list[Claim] = []
    for c in claims:
        out.append(c)
        if c.claim_type != "territory" or any(
                o.claim_type in ("other", "contest") and set(o.evidence) & set(c.evidence) for o in claims):
            continue
        span = evidence_span(doc, c)
        found = rejected_finding(span) if span is not None and len(span) else None
        if found is None:
            continue
        out.append(c.with_(claim_type="other", stance="against", strength=-abs(c.strength or 1),
                           target=mention(doc, *phrase(_maker(found))), addressee=None, aspect=None,
                           note=(c.note + "; " if c.note else "") + "a finding on the land rejected beside it"))
    return out
