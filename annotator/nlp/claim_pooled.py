"""Sovereignty shared with a union or lost to it: pooling, as the codebook's "when both fit" line has it ("sovereignty
given up or handed back ... is pooling"), not the polity's sovereignty nor another's contested
(``pooled_sovereignty``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_guards import _unions_named
from annotator.nlp.claim_objects import _named_union
from annotator.nlp.claim_parts import mention
from annotator.nlp.claim_tree import evidence_span, gives_away, label_of
from annotator.nlp.once import sent_of

_POOLED_FROM = ("sovereignty", "contest", "self_determination")
_PORTIONS = frozenset({"part", "piece", "share", "bit", "some", "much", "most", "all", "any", "none", "slice"})


def _lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def _a_pooled_thing(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and (_lemma(t) in lex.POOLED_THINGS or t.lower_ in lex.POOLED_THINGS)


def _verb_over(t: Token) -> Token | None:
    """The verb whose object (or passive subject) ``t`` is: "lose its independence", "share revenues but not
    sovereignty", "gave up part of its sovereignty", "sovereignty is pooled"."""
    if t.dep_ == "conj" and t.head.pos_ == "VERB":
        return t.head  # "share our ports, but not our sovereignty": the parser may hang the noun on the verb
    if t.dep_ == "conj" and t.head.dep_ in ("dobj", "nsubjpass"):
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "of" and _lemma(t.head.head) in _PORTIONS:
        t = t.head.head
    return t.head if t.dep_ in ("dobj", "nsubjpass") and t.head is not t else None


def _verb_kind(verb: Token) -> str | None:
    """ "pooling" for a verb that shares a thing or gives it up, "losing" for one that loses it, else None."""
    if verb.pos_ != "VERB":
        return None
    if _lemma(verb) in lex.LOSING_VERBS:
        return "losing"
    if _lemma(verb) in lex.POOLING_VERBS or gives_away(verb):
        return "pooling"
    return None


def _denied(verb: Token, thing: Token) -> bool:
    """A negation on the verb or on the thing ("did not lose it", "not losing it", "but not sovereignty")."""
    doc = thing.doc
    return any(c.dep_ == "neg" or c.lower_ == "never" for w in (verb, thing) for c in w.children) or (
        thing.i > 0 and doc[thing.i - 1].lower_ == "not")


def _to_a_state(verb: Token, thing: Token) -> bool:
    """The thing goes to a state or a person ("will not hand it back to X", X a country): returned to a former
    ruler, the polity's sovereignty, not a union's share (the parser hangs "to" on the verb, its particle or the
    thing)."""
    for w in (verb, thing, *(c for c in verb.children if c.dep_ == "prt")):
        for prep in w.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
                if any(g.dep_ == "pobj" and label_of(g) in ("GPE", "PERSON") for g in prep.children):
                    return True
    return False


def pooled(span: Span) -> tuple[str, bool] | None:
    """(the verb's kind, whether it is denied) for a polity's sovereignty or independence that ``span`` says is
    shared, given up or lost ("share revenues but not sovereignty", "did not lose its independence", "using its
    independence, not losing it"), else None."""
    for t in span:
        if _a_pooled_thing(t):
            verb = _verb_over(t)
            if verb is not None and (kind := _verb_kind(verb)) is not None and not _to_a_state(verb, t):
                return kind, _denied(verb, t)
        elif t.lower_ == "it" and t.dep_ == "dobj" and (kind := _verb_kind(t.head)) is not None and any(
                _a_pooled_thing(w) for w in t.doc[sent_of(t).start : t.i]) and not _to_a_state(t.head, t):
            return kind, _denied(t.head, t)  # "is using its independence, not losing it"
    return None


def _about_a_union(doc: Doc, span: Span) -> bool:
    """The article is about a union (two union words or names), or the span has a word of joining or leaving
    (not the verb of sharing itself: "we share our ports" joins nothing)."""
    joining = lex.MEMBERSHIP_WORDS - lex.POOLING_VERBS
    return _unions_named(doc) >= 2 or any(_lemma(t) in joining or t.lower_ in joining for t in span)


def pooled_sovereignty(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Sovereignty, contest and self-determination claims whose evidence has a polity's sovereignty shared or lost
    (``pooled``), where a union is at stake: pooling, with the union as object. A denied loss ("did not lose its
    independence when it joined") is in favour of the union, a denied sharing ("we will not share our sovereignty")
    against it; an asserted one keeps its stance."""
    out = []
    for c in claims:
        if c.claim_type in _POOLED_FROM and c.evidence:
            span = evidence_span(doc, c)
            found = pooled(span) if span is not None and len(span) else None
            if found is not None and _about_a_union(doc, span):
                kind, denied = found
                stance = c.stance if not denied else "favour" if kind == "losing" else "against"
                sign = 1 if stance == "favour" else -1
                union = _named_union(doc, span)
                c = c.with_(claim_type="pooling", stance=stance, strength=sign * abs(c.strength or 1),
                            target=mention(doc, *union) if union is not None else c.target,
                            aspect="outside_authority")
        out.append(c)
    return out


_THRESHOLD_FROM = ("territory", "sovereignty")


def at_the_threshold(span: Span) -> bool:
    """Membership said as a door, a room, a table, a club or a key ("we will not open the door to a country that
    ...", "if we were not in the room", "that door stays open", "giving X a key to our front door"): a threshold
    noun, none of it owned by a polity's predicate of its land."""
    return any(t.pos_ == "NOUN" and (_lemma(t) in lex.THRESHOLD_NOUNS or _lemma(t) in lex.KEY_NOUNS) for t in span)


def threshold_talk(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Territorial and sovereignty claims with no predicate of whose land a place is, in an article about a union,
    whose words put membership as a door, a room or a key (``at_the_threshold``): pooling, the union as object."""
    from annotator.nlp.claim_field import predicate_of

    if _unions_named(doc) < 2:
        return claims
    out = []
    for c in claims:
        if c.claim_type in _THRESHOLD_FROM and c.evidence:
            span = evidence_span(doc, c)
            if span is not None and len(span) and at_the_threshold(span) and predicate_of(span, True) is None:
                union = _named_union(doc, span)
                c = c.with_(claim_type="pooling", target=mention(doc, *union) if union is not None else c.target,
                            aspect="outside_authority")
        out.append(c)
    return out
