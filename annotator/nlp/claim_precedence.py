"""The codebook's "when both fit" lines for types a claim's words leave open: control of a polity handed to a
union, alliance or integration project is pooling (against that project), not the polity's sovereignty nor a
people's self-determination (``ceded_to_union``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_ceding import ceded
from annotator.nlp.claim_guards import _unions_named
from annotator.nlp.claim_objects import _named_union
from annotator.nlp.claim_parts import mention

_CEDED_FROM = ("sovereignty", "self_determination")


def _negated(t: Token) -> bool:
    """A negation on ``t`` or on the verb whose complement it is ("is not a surrender of our sovereignty")."""
    heads = [t] + ([t.head] if t.dep_ in ("attr", "dobj", "acomp") and t.head is not t else [])
    return any(c.dep_ == "neg" or c.lower_ == "never" for h in heads for c in h.children)


def _surrender(span: Span) -> bool:
    """A noun of giving a polity's rule away ("the quiet surrender of our fishing grounds", "a surrender note"),
    not denied."""
    return any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in lex.SURRENDER_NOUNS and not _negated(t)
               for t in span)


def ceded_to_union(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Sovereignty and self-determination claims whose evidence hands the polity's control away (``ceded``) or
    calls the step a surrender, in an article about a union: pooling against that union, as the codebook's
    precedence has it."""
    if _unions_named(doc) < 2:
        return claims
    out = []
    for c in claims:
        if c.claim_type in _CEDED_FROM:
            spans = [s for e in c.evidence if (s := doc.char_span(e.start, e.end, alignment_mode="expand")) is not None
                     and len(s)]
            if any(ceded(s) or _surrender(s) for s in spans):
                union = _named_union(doc, spans[0])
                c = c.with_(claim_type="pooling", stance="against", strength=-abs(c.strength or 1),
                            target=mention(doc, *union) if union is not None else c.target, aspect="outside_authority")
        out.append(c)
    return out
