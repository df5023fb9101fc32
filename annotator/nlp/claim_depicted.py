"""Territorial claims a polity states through what it draws up or enacts: ``depicted_claims(doc, claims)``.

A map, law or resolution that shows, lists or describes a place as part of a polity or as its territory ("its
maps show the valley as part of its northern province", "the assembly passed a law that lists the islands as a
Vardic district") is that polity's claim to the place, whoever reports it: the claimant is the document's owner or
the body that enacted it, the object the place (codebook: territory, "whose land it is")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotator.domain import Claim, Mention
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_field import _owner_word
from annotator.nlp.claim_parts import mention, speaker_phrase
from annotator.nlp.claim_tree import phrase, sentences, subject_of
from annotator.nlp.claim_voice import is_headline, political
from annotator.nlp.once import span_text

ORIGIN = "rule:claims"
CONFIDENCE = 0.55  # a document's claim told by the outlet or a speaker: above the bar, below a quoted claim


def _as_part(verb: Token) -> Token | None:
    """The noun of the "as" phrase of ``verb`` that makes its object a polity's ("as part of X", "as a Vardic
    district", "as Orlanian territory"), else None."""
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ != "as":
            continue
        for g in p.children:
            if g.dep_ != "pobj" or g.pos_ != "NOUN":
                continue
            of = any(c.dep_ == "prep" and c.lower_ == "of" for c in g.children)
            if g.lemma_.lower() in lex.PART_NOUNS and of or _owner_word(g, True):
                return g
    return None


def _owner(verb: Token) -> Token | None:
    """Who states what ``verb`` depicts: its subject when that is no document ("Brevania lists the islands as ...");
    else the document's owner ("its maps", "Brevania's law") or the subject of the verb that made it ("passed a law
    that lists ...", "published a map showing ...")."""
    subj = subject_of(verb)
    doc_noun = None
    if verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in lex.DOCUMENTS:
        doc_noun = verb.head  # "a map showing ...", "a law that lists ..."
    elif subj is not None and subj.lemma_.lower() in lex.DOCUMENTS:
        doc_noun = subj  # "its maps show ..."
    elif subj is not None and subj.tag_ not in ("WDT", "WP"):
        return subj
    if doc_noun is None:
        return None
    owner = next((c for c in doc_noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ == "PRON":
        return _named_subject(verb)  # "X never accepted the line, and its maps show ...": X
    if owner is not None:
        return owner
    maker = doc_noun.head
    return subject_of(maker) if doc_noun.dep_ == "dobj" and maker.pos_ == "VERB" else None


def _named_subject(verb: Token) -> Token | None:
    """The subject of the first verb up ``verb``'s chain of conjuncts that is named, not a pronoun."""
    v = verb
    for _ in range(4):
        if v.dep_ != "conj":
            return None
        v = v.head
        subj = subject_of(v)
        if subj is not None and subj.pos_ != "PRON":
            return subj
    return None


def depicted_claims(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """One territorial claim per sentence in which a polity's document (or the polity) depicts a place as the
    polity's, where no territorial claim covers the sentence yet."""
    out: list[Claim] = []
    for sent in sentences(doc):
        if is_headline(sent):
            continue
        text = span_text(sent)
        lead = len(text) - len(text.lstrip())
        ev = Mention(sent.start_char + lead, sent.start_char + len(text.rstrip()))
        if any(c.claim_type == "territory" and any(e.start < ev.end and ev.start < e.end for e in c.evidence)
               for c in claims + out):
            continue
        for t in sent:
            if t.pos_ != "VERB" or t.lemma_.lower() not in lex.DEPICTING_VERBS or any(c.dep_ == "neg" for c in t.children):
                continue
            place = next((c for c in t.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if place is None or _as_part(t) is None:
                continue
            owner = _owner(t)
            found = speaker_phrase(owner) if owner is not None else None
            claimant = mention(doc, *found) if found is not None else None
            if claimant is None or not political(doc, claimant):
                continue
            out.append(Claim(claim_type="territory", evidence=(ev,), claimant=claimant,
                             target=mention(doc, *phrase(place)), stance="favour", strength=1,
                             confidence=CONFIDENCE, cue="field", origin=ORIGIN,
                             note="field: a polity's document depicts a place as its own"))
            break
    return out
