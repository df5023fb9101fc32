"""A body rejecting a party's case for land ("the panel dismissed X's contention that old maps gave it title over
the islet"): a territorial claim against that title, the body's, beside its own finding (``title_rejected``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim, Mention
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_objects import territory_focus
from annotator.nlp.claim_parts import mention, speaker_phrase
from annotator.nlp.claim_tree import is_place, is_polity, owner_of, phrase, pobj, sentences, subject_of, text_of
from annotator.nlp.claim_voice import political

__all__ = ["rejected_case", "title_rejected"]

_LAND_WORDS = lex.FIELD["territory"] | lex.PLACE_NOUNS


def rejected_case(sent: Span) -> tuple[Token, Token, Token] | None:
    """(the rejecting verb, the case noun, its clause's head) where ``sent`` tells a body rejecting another party's
    case about land: a case noun (``case_nouns``) owned by a polity, the object of a reversing verb, with a "that"
    clause holding a word of land or title; else None."""
    for t in sent:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in lex.CASE_NOUNS or t.dep_ != "dobj":
            continue
        verb = t.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.REVERSING or any(c.dep_ == "neg" for c in verb.children):
            continue
        owner = owner_of(t)
        clause = next((c for c in t.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
        if owner is None or not (is_polity(owner) or owner.pos_ == "PROPN") or clause is None:
            continue
        if any(w.lemma_.lower() in _LAND_WORDS or w.lower_ in _LAND_WORDS for w in clause.subtree):
            return verb, t, clause
    return None


def _body(doc: Doc, verb: Token) -> Mention | None:
    """Who rejects: the subject of the rejecting verb or of a verb above it ("the tribunal ruled that ... , rejecting"),
    the first that is a finding body ("the tribunal", "the court"), else the first political actor that is no place."""
    t, actor = verb, None
    for _ in range(4):
        subj = subject_of(t)
        found = speaker_phrase(subj) if subj is not None and subj.pos_ != "PRON" else None
        if found is not None and subj.lemma_.lower() in lex.FINDING_BODIES:
            return mention(doc, *found)
        if found is not None and actor is None and not is_place(subj) and political(doc, mention(doc, *found)):
            actor = mention(doc, *found)  # a government or a polity, unless a body that finds stands above it
        if t.head is t:
            break
        t = t.head
    return actor


def _land(doc: Doc, clause: Token) -> Mention | None:
    """What the rejected case claims: the object of "title to X", else a place noun in its clause, else the place the
    article is about."""
    for w in clause.subtree:
        if w.lemma_.lower() == "title" and (to := pobj(w, ("to", "over"))) is not None:
            return mention(doc, *phrase(to))
    place = next((w for w in clause.subtree if w.pos_ == "NOUN" and w.lemma_.lower() in lex.PLACE_NOUNS), None)
    found = phrase(place) if place is not None else territory_focus(doc)
    return mention(doc, *found) if found else None


def _covers(c: Claim, tok: Token) -> bool:
    return any(e.start <= tok.idx < e.end for e in c.evidence)


def _reasons(doc: Doc, claims: list[Claim], sent: Span, after: list[Span]) -> Claim | None:
    """A territorial claim against in the two sentences ``after`` ``sent``, in its paragraph, of the body's finding
    itself ("the award says", "the panel noted") or of no one: the body's reasons for the rejection, one claim with
    it."""
    if not after:
        return None
    end = after[-1].end_char
    stop = text_of(doc).find("\n\n", sent.end_char, end)
    end = end if stop == -1 else stop
    for c in claims:
        if c.claim_type != "territory" or c.stance != "against" or not sent.end_char <= c.start < end:
            continue
        who = c.claimant.text_in(text_of(doc)).lower().split() if c.claimant is not None else []
        if not who or who[-1] in lex.FINDING_BODIES or who[-1] in lex.FINDINGS:
            return c
    return None


def title_rejected(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """``claims`` with, for each sentence where a body rejects another party's case for land (``rejected_case``), that
    body's territorial claim against it: the sentence's territorial claim becomes it when the rejection is all the
    sentence tells; beside a finding of the body's own in the sentence ("found that the bank lies within X and
    rejected Y's argument ..."), that claim states the finding (favour) and the rejection is a second claim."""
    out = list(claims)
    sents = [s for s in sentences(doc) if s.text.strip()]
    for n, sent in enumerate(sents):
        found = rejected_case(sent)
        if found is None:
            continue
        verb, _, clause = found
        body = _body(doc, verb)
        if body is None:
            continue
        ev = Mention(sent.start_char, sent.start_char + len(sent.text.rstrip()))
        land = _land(doc, clause)
        here = [c for c in out if c.claim_type == "territory" and _covers(c, verb)]
        told = verb.dep_ in ("conj", "advcl") and verb.head is not verb  # beside the body's own finding
        rejection = Claim(claim_type="territory", evidence=(ev,), claimant=body, target=land, stance="against",
                          strength=-1, aspect="borders", confidence=0.55, cue="field", origin="rule:claims",
                          note="a party's case for land rejected")
        if not here:
            reasons = _reasons(doc, out, sent, sents[n + 1 : n + 3])
            if reasons is not None:  # "... rejected X's argument. "The treaty describes a channel ...," the award says."
                i = out.index(reasons)
                out[i] = reasons.with_(evidence=(ev, *reasons.evidence), claimant=body, outlet=False)
            else:
                out.append(rejection)
            continue
        c = here[0]
        i = out.index(c)
        if told:
            out[i] = c.with_(stance="favour", strength=abs(c.strength or 1))
            out.insert(i + 1, rejection.with_(confidence=c.confidence))
        else:
            out[out.index(c)] = c.with_(claimant=body, outlet=False, stance="against", strength=-abs(c.strength or 1),
                                        target=land or c.target)
    return out
