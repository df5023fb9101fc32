"""A second claim where a polity refuses to need another's leave: "we don't need anyone's permission to patrol our own
waters" beside a territorial claim also asserts that the speaker's polity decides for itself (``leave_refused``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotator.domain import Claim
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_interference import dismisses_outsider
from annotator.nlp.claim_objects import _home
from annotator.nlp.claim_tree import evidence_span, is_first_person, is_polity, refuses_dependency, subject_of, text_of

__all__ = ["leave_refused", "refused_leave"]

_BESIDE = ("territory", "interference", "pooling")  # the claims such words come with; a people's vote is its own say


def refused_leave(neg: Token) -> bool:
    """``neg`` negates a verb of needing or asking another's leave (``leave_nouns``) whose subject is the speaker's
    side or a polity ("we do not need anyone's permission", "our ships don't need X's blessing", "X is not asking
    for consent")."""
    if not refuses_dependency(neg):
        return False
    verb = neg.head
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    objs += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if not any(o.lemma_.lower() in lex.LEAVE_NOUNS or o.lower_ in lex.LEAVE_NOUNS for o in objs):
        return False
    subj = subject_of(verb)
    if subj is None:
        return False
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    return is_first_person(subj) or owner is not None and is_first_person(owner) or (
        subj.pos_ == "PROPN" and is_polity(subj))


def leave_refused(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """``claims`` and, after each territorial, interference or pooling claim whose evidence refuses another's leave
    (``refused_leave``) and carries no sovereignty or self-determination claim, a sovereignty claim (favour) of its
    claimant over its own polity, on the same evidence; not where the words dismiss an outsider (``dismissed`` reads
    those as interference, whatever claim they hold)."""
    out: list[Claim] = []
    for c in claims:
        out.append(c)
        if c.claim_type not in _BESIDE or c.claimant is None:
            continue
        if any(o.evidence == c.evidence and o.claim_type in ("sovereignty", "self_determination") for o in claims):
            continue
        span = evidence_span(doc, c)
        if span is None or not any(refused_leave(t) for t in span) or dismisses_outsider(
                " ".join(text_of(doc)[e.start : e.end] for e in c.evidence)):
            continue  # (words that dismiss an outsider make every claim on them interference: no second one)
        out.append(Claim(claim_type="sovereignty", evidence=c.evidence, claimant=c.claimant, outlet=c.outlet,
                         target=_home(doc, c.claimant), stance="favour", strength=1, aspect="outside_authority",
                         confidence=c.confidence, cue="field", origin=c.origin,
                         note="field: another's leave refused beside another claim"))
    return out
