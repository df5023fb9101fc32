"""Pooling that takes control away: a pooling claim whose words say the union hands a polity's control to
others, puts it under another's command, leaves its affairs set elsewhere or binds it to somebody else's rules
is against that union (``ceded``, ``ceding_stance``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_tree import FIRST_PERSON


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" and c.dep_ == "advmod" for c in verb.children)


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _first_person_owned(t: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in t.children)


def _hands_control(verb: Token) -> bool:
    """ "would hand control of X to a commission", "gives the decision to a council": a noun of control as
    the object and a recipient after "to" that is not the speaker's own side."""
    if _lemma(verb) not in lex.HANDING_VERBS:
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not any(_lemma(o) in lex.CONTROL_NOUNS or o.lower_ in lex.CONTROL_NOUNS for o in objs):
        return False
    to = [g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
          for g in c.children if g.dep_ == "pobj"]
    return bool(to) and not any(g.lower_ in FIRST_PERSON or _first_person_owned(g) for g in to)


def _subordinates(verb: Token) -> bool:
    """ "put our troops under a joint command", "would put a foreign court above our parliament"."""
    return _lemma(verb) in lex.SUBORDINATING_VERBS and any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ in lex.SUBORDINATING_PREPOSITIONS for c in verb.children)


def _decided_elsewhere(verb: Token) -> bool:
    """ "our prices get set in the bloc's capital", "our rates were decided by a committee", "the decision to
    send our soldiers would be taken in X, not in our parliament": something of ours (or a decision on it) as the
    passive subject of a verb of deciding, with where or by whom (not where it is said not to be)."""
    if _lemma(verb) not in lex.DECIDING_VERBS or verb.tag_ != "VBN":
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "at")]
    ours_shut_out = any(_set_aside(c) and any(g.dep_ == "pobj" and _ours(g) for g in c.children) for c in preps)
    if subj is None or not (_first_person_owned(subj) or _a_decision(subj) and (
            ours_shut_out or any(_first_person_owned(t) for t in subj.subtree if t is not subj))):
        return False
    where = [g for c in preps if not _set_aside(c) for g in c.children if g.dep_ == "pobj"]
    return bool(where) and not any(_ours(g) for g in where)


def _ours(t: Token) -> bool:
    return _first_person_owned(t) or t.lower_ in FIRST_PERSON


def _a_decision(subj: Token) -> bool:
    """ "the decision to send troops", "decisions about our currency": a noun of control."""
    return _lemma(subj) in lex.CONTROL_NOUNS or subj.lower_ in lex.CONTROL_NOUNS


def _set_aside(prep: Token) -> bool:
    """ "..., not in our parliament", "..., not by our voters": a place or agent shut out, not where it is done."""
    return prep.i > 0 and prep.doc[prep.i - 1].lower_ == "not"  # the parser hangs that "not" anywhere near


def _takes_ours(verb: Token) -> bool:
    """ "the union has taken our harbours": a verb of taking with something of ours as its object and
    someone else as its subject."""
    if _lemma(verb) not in lex.TAKING_VERBS:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in FIRST_PERSON:
        return False
    return any(c.dep_ == "dobj" and _first_person_owned(c) for c in verb.children)


def _won_to_give_away(verb: Token) -> bool:
    """ "we did not win our independence to give it back", "did not win the right to make our laws in order to
    hand the tariff book to a commission": a verb of handing as the denied purpose of a verb of winning."""
    if _lemma(verb) not in lex.HANDING_VERBS:
        return False
    if not (verb.dep_ in ("advcl", "xcomp") or verb.dep_ == "acl" and verb.head.lower_ == "order"):
        return False  # "to give it back", "in order to hand"
    won = verb.head
    for _ in range(6):  # up through "in order" and "the right to make our laws" to the verb of winning
        if _lemma(won) in lex.WINNING_VERBS:
            return _negated(won)
        if won.head is won:
            return False
        won = won.head
    return False


def _somebody_else(t: Token) -> bool:
    """ "somebody else's rules", "told by someone else": another's rule over us, as owner or agent (not a
    subject of its own: "after somebody else has written them" argues for a seat at that table)."""
    doc = t.doc
    if t.lower_ not in lex.OTHER_OWNERS or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "else":
        return False
    owner = t.i + 2 < len(doc) and doc[t.i + 2].lower_ in ("'s", "’s")
    return owner or t.i > 0 and doc[t.i - 1].lower_ == "by"


def ceded(span: Span) -> bool:
    """``span`` says that pooling takes its polity's control away (a verb of it, not negated itself)."""
    for t in span:
        if _somebody_else(t):
            return True
        if t.pos_ in ("VERB", "AUX") and not _negated(t) and (
                _hands_control(t) or _subordinates(t) or _decided_elsewhere(t) or _takes_ours(t)
                or _won_to_give_away(t)):
            return True
    return False


def ceding_stance(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Pooling claims in favour whose evidence says the union takes control away, made against."""
    out = []
    for c in claims:
        if c.claim_type == "pooling" and c.stance == "favour":
            spans = [doc.char_span(e.start, e.end, alignment_mode="expand") for e in c.evidence]
            if any(s is not None and ceded(s) for s in spans):
                c = c.with_(stance="against", strength=-abs(c.strength or 1),
                            note=(c.note + "; " if c.note else "") + "pooling that takes control away")
        out.append(c)
    return out
