"""Object and addressee of an interference claim read from its clause: the outsider is the one who acts on
another's affairs (the subject of "has no business", "lectures", "decides"; the "by" or "from" of it), the
object is the polity whose affairs they are ("the future of X", "X's constitution", "a matter for X alone",
"our elections": the speaker's own), never the outsider and never the claimant."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim, Mention
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_lexicon import OUTSIDER_DISMISSALS, VIOLATIONS
from annotator.nlp.claim_names import country_of
from annotator.nlp.claim_objects import focus
from annotator.nlp.claim_parts import _to_gpe, home_of, mention
from annotator.nlp.claim_tree import (
    NEVER_OBJECTS,
    entity_of,
    evidence_span,
    is_first_person,
    is_seat,
    label_of,
    phrase,
    subject_of,
)
from annotator.nlp.once import ents_within, sent_of, text_of

# What an outsider does to another polity's affairs: the subject of one of these is the outsider.
_ACTS = frozenset({"dictate", "lecture", "interfere", "meddle", "impose", "instruct", "tell", "comment", "order",
                   "explain", "teach", "intervene", "monitor", "observe", "pressure", "demand"})
# What an outsider is said to have no claim to ("no business", "no mandate to judge a sovereign state").
_NO_STANDING = frozenset({"business", "say", "right", "role", "place", "mandate", "authority", "standing",
                          "competence", "jurisdiction"})
_NOBODY = frozenset({"nobody", "one", "anyone", "anybody", "no", "none", "everyone", "someone"})
_AFFAIRS = ("of", "on", "about", "for", "in", "into", "over", "between")


def _polities(span: Span, avoid: set[int]) -> list[tuple[int, int]]:
    """GPE, NORP and LOC entities of ``span`` as ranges (a NORP as its country when the text names it)."""
    out = []
    for e in ents_within(span):
        if label_of(e.root) not in ("GPE", "NORP", "LOC") or e.root.pos_ == "PRON" or is_first_person(e.root):
            continue
        if is_seat(e.root):
            continue  # "a council in X", "orders from X": where the outsider sits, not the polity at stake
        if avoid & set(range(e.start, e.end)):
            continue
        out.append(_to_gpe(span.doc, e) if e.label_ == "NORP" else (e.start, e.end))
    return out


def _acts_on(verb: Token) -> bool:
    """``verb`` (or the noun phrase "no business / no right / no say" it governs) is an outsider's act."""
    if _lemma(verb) in _ACTS:
        return True
    if _lemma(verb) in ("stay", "keep") and any(c.lower_ == "out" for c in verb.children):
        return True  # "stay out of it", "keep its nose out"
    if _lemma(verb) == "leave" and any(c.lower_ == "alone" or c.lower_ == "to" and any(
            g.lower_ in ("us", "we") for g in c.children) for c in verb.children):
        return True  # "leave our coastline to us", "leave us alone"
    return any(c.dep_ == "dobj" and _lemma(c) in _NO_STANDING for c in verb.children)


def _lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def _outsider(span: Span, home: tuple[int, int] | None) -> Token | None:
    """The subject of an outsider's act in ``span`` that is not the speaker's side (deciding is no such act:
    "our courts decide"; having "no business" deciding is), else a "by" / "from" object, or the place
    foreigners sit in ("foreign lawyers sitting in Ostry")."""
    for t in span:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        if _acts_on(t) or any(c.dep_ == "xcomp" and _acts_on(c) for c in t.children):
            subj = subject_of(t)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN") and not is_first_person(subj) and (
                    subj.lower_ not in _NOBODY and label_of(subj) != "PERSON"
                    and not (home and home[0] <= subj.i < home[1])):
                return subj
    for t in span:
        if t.dep_ == "pobj" and t.head.lower_ in ("by", "from") and label_of(t) in ("GPE", "ORG", "NORP"):
            return t
        if t.dep_ == "poss" and t.pos_ == "PROPN" and (t.head.lower_ in _OFFERS or _lemma(t.head) in _OFFERS) and (
                label_of(t) != "PERSON" and not (home and home[0] <= t.i < home[1])):
            return t  # "the Harbour Alliance's sanctions", "Brisk's lectures"
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "from", "of") and label_of(t) in ("GPE", "ORG") and (
                _foreign(t.head.head)):
            return t  # "foreign lawyers sitting in Orvania", "foreign judges from Brisk"
    return None


def _foreign(t: Token) -> bool:
    """``t`` or the noun it describes is called foreign or outside ("a panel of foreign lawyers sitting")."""
    for w in (t, t.head):
        if any(c.lower_ in ("foreign", "outside", "overseas", "alien") for c in w.subtree if c.i < t.i + 1):
            return True
    return False


# Nouns only a polity has: "the future of X", "X's constitution", "a matter for X".
_AFFAIR_NOUNS = frozenset({"affair", "affairs", "matter", "future", "status", "constitution", "election", "elections",
                           "border", "borders", "sovereignty", "territory", "people", "government", "politics",
                           "court", "courts", "law", "laws", "parliament", "choice", "decision", "organisation",
                           "organization", "arrangement", "arrangements", "business", "vote", "referendum"})
# What an outsider offers: its possessor is the outsider ("Santa Vela's lectures").
_OFFERS = frozenset({"lecture", "lectures", "interference", "meddling", "help", "advice", "opinion", "opinions", "view",
                     "views", "pressure", "instruction", "instructions", "demand", "demands", "mission", "observer",
                     "observers", "monitor", "monitors", "sermon", "sermons", "sanction", "sanctions", "ultimatum",
                     "threat", "threats", "criticism", "report", "verdict"})


def _whose(t: Token) -> Token | None:
    """The noun ``t`` names the owner of, as a possessor or an "of / on / for / between" object."""
    if t.dep_ == "poss":
        return t.head
    if t.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "mark" and c.lower_ == "for" for c in t.head.children):
        return t.head  # "is for Pelstians to settle": whose matter it is
    if t.dep_ == "conj" and t.head.dep_ in ("pobj", "poss"):
        return _whose(t.head)
    if t.dep_ == "pobj" and t.head.lower_ in _AFFAIRS:
        return t.head.head
    return None


def _affairs_of(span: Span, outsider: set[int], avoid: set[int]) -> tuple[int, int] | None:
    """A polity named as whose affairs they are: "the future of X", "commenting on X's", "a matter for X",
    "between X and Y" (a proper name there, whatever the tagger called it; a person only beside a noun that
    only a polity has), a noun only a polity has first; never the one whose lectures or help they are."""
    found: list[tuple[bool, tuple[int, int]]] = []
    for t in span:
        if t.i in outsider or t.i in avoid or not (t.pos_ == "PROPN" or t.is_title and (
                label_of(t) == "NORP" or country_of(t) is not None)):
            continue
        owned = _whose(t) or (t.head if t.dep_ in ("amod", "compound") and label_of(t) == "NORP" else None)
        if owned is None or owned.lower_ in _OFFERS or _lemma(owned) in _OFFERS:
            continue
        affair = owned.lower_ in _AFFAIR_NOUNS or _lemma(owned) in _AFFAIR_NOUNS or owned.lower_ == "between" or (
            owned.pos_ == "VERB")
        if label_of(t) in NEVER_OBJECTS and not (affair and label_of(t) == "PERSON"):
            continue
        start, end = phrase(t)
        country = country_of(t) if t.is_title else None
        if country is not None:  # "a matter for Orvanians", "the Pelstian courts": Orvania, Pelst
            start, end = country.i, country.i + 1
        elif label_of(t) == "NORP" and entity_of(t) is not None:
            start, end = _to_gpe(span.doc, entity_of(t))
        if not (outsider | avoid) & set(range(start, end)):
            found.append((affair, (start, end)))
    best = next((r for affair, r in found if affair), None)
    return best or (found[0][1] if found else None)


def _deciders(span: Span, avoid: set[int]) -> tuple[int, int] | None:
    """The country of the people a matter is left to ("is for Brellians to decide": Brell)."""
    from annotator.nlp.claim_types import decider

    who = decider(span)
    if who is None or who.i in avoid:
        return None
    for t in (who, *who.lefts):
        country = country_of(t) if t.is_title else None
        if country is not None:
            return country.i, country.i + 1
    return None


def in_outsiders_act(a: Token) -> bool:
    """The cue ``a`` sits in what an outsider does or has no standing to do ("they had no mandate to judge a
    sovereign state", "lecturing a free nation", "a violation of X's sovereignty"): its claim rejects the
    outsider, an interference claim."""
    t = a
    for _ in range(8):
        if t.head is t or t.dep_ in ("ccomp", "parataxis"):
            return False  # what a reporting verb reports is not what it does ("..., Brenner told parliament")
        t = t.head
        denied = any(c.dep_ == "dobj" and _lemma(c) in _NO_STANDING and any(g.lower_ == "no" for g in c.children)
                     for c in t.children)
        if t.pos_ in ("VERB", "AUX") and (_lemma(t) in _ACTS or denied):
            subj = subject_of(t)
            return subj is None or not is_first_person(subj)
        if t.pos_ == "NOUN" and _lemma(t) in _NO_STANDING and any(c.lower_ == "no" for c in t.children):
            return True
        if t.pos_ == "NOUN" and _lemma(t) in VIOLATIONS:  # "a gross violation of X's sovereignty"
            return not an_incursion(t)
    return False


_POINTING = frozenset({"this", "that", "it"})
_LOOK_BACK = 3  # sentences before the one of the violation that "this" may point at


def _craft(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and (t.lower_ in lex.INCURSION_NOUNS or _lemma(t) in lex.INCURSION_NOUNS)


def an_incursion(violation: Token) -> bool:
    """The violation is committed by an outsider's aircraft, ships or troops ("the jets' overflight was a violation
    of our sovereignty", "a violation by foreign warships", "Two drones crossed the line. This is a violation of our
    sovereignty"): an incursion, which the codebook calls sovereignty asserted, not interference. What the violation
    is said of is the subject of its copula; "this", "that" or "it" (or no subject) points at the sentences before."""
    if any(c.dep_ in ("prep", "agent") and c.lower_ == "by" and any(_craft(g) for g in c.subtree) for c in
           violation.children):
        return True
    noun = violation
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    subj = subject_of(noun.head) if noun.dep_ == "attr" else None
    if subj is not None and subj.lower_ not in _POINTING:
        return any(_craft(w) for w in subj.subtree)
    sent = sent_of(violation)
    doc = violation.doc
    lo = sent.start
    for _ in range(_LOOK_BACK):
        if lo == 0:
            break
        lo = sent_of(doc[lo - 1]).start
    return any(_craft(w) for w in doc[lo : violation.i])


def aimed(doc: Doc, c: Claim) -> Claim:
    """``c`` with the object and addressee its clause gives, when it is an interference claim."""
    if c.claim_type != "interference":
        return c
    span = evidence_span(doc, c)
    if span is None or not len(span):
        return c
    home = home_of(doc, c.claimant)
    avoid: set[int] = set()
    if c.claimant is not None:
        cs = doc.char_span(c.claimant.start, c.claimant.end, alignment_mode="expand")
        avoid = set(range(cs.start, cs.end)) if cs is not None else set()
    out = _outsider(span, home)
    outsider = set(range(*phrase(out))) if out is not None else set()
    if c.addressee is not None:
        a = doc.char_span(c.addressee.start, c.addressee.end, alignment_mode="expand")
        outsider |= set(range(a.start, a.end)) if a is not None else set()
    ours = any(is_first_person(t) and t.lower_ not in ("i", "me", "my") for t in span)
    target = home if ours and home is not None else _deciders(span, outsider | avoid) or _affairs_of(
        span, outsider, avoid) or home
    if target is None or _names_claimant(doc, target, c.claimant):
        others = [p for p in _polities(span, outsider | avoid) if not _names_claimant(doc, p, c.claimant)]
        target = others[0] if others else None
    addressee = c.addressee
    if addressee is None and out is not None and entity_of(out) is not None:
        addressee = mention(doc, *phrase(out))
    if target is None:
        if c.target is not None and _overlaps(doc, c.target, outsider):
            f = focus(doc)  # the outsider was taken for the object: the country the article is about
            ok = f is not None and not (outsider | avoid) & set(range(*f))
            return c.with_(target=mention(doc, *f) if ok else None, addressee=addressee)
        return c.with_(addressee=addressee)
    return c.with_(target=mention(doc, *target), addressee=addressee)


def _names_claimant(doc: Doc, rng: tuple[int, int], claimant: Mention | None) -> bool:
    """The range holds the claimant's own name (a tagger's "the Republic of X Ivo Tarn")."""
    if claimant is None:
        return False
    last = text_of(doc)[claimant.start : claimant.end].split()[-1:] if claimant.end > claimant.start else []
    return bool(last) and any(t.text == last[0] for t in doc[rng[0] : rng[1]])


def unpooled(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A union or alliance told to stay out of a polity's affairs ("the Community should leave our coastline to
    us", "the Alliance has no business judging our elections") is the outsider of an interference claim, not
    the object of a pooling one: such a pooling claim becomes that interference claim, or goes when the
    evidence holds one already."""
    out = []
    for c in claims:
        if c.claim_type == "pooling" and c.target is not None:
            span = evidence_span(doc, c)
            who = _outsider(span, home_of(doc, c.claimant)) if span is not None and len(span) else None
            if who is not None and _overlaps(doc, c.target, set(range(*phrase(who)))):
                if any(o.claim_type == "interference" and any(e.start < f.end and f.start < e.end
                                                               for e in o.evidence for f in c.evidence)
                       for o in claims):
                    continue
                c = aimed(doc, c.with_(claim_type="interference", stance="favour", addressee=c.target,
                                       strength=abs(c.strength or 1), aspect="outside_authority"))
        out.append(c)
    return out


def _overlaps(doc: Doc, m: Mention, toks: set[int]) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and bool(toks & set(range(span.start, span.end)))


__all__ = ["aimed", "in_outsiders_act", "unpooled"]


_DISMISSALS = tuple(re.compile(p) for p in OUTSIDER_DISMISSALS)


def dismisses_outsider(said: str) -> bool:
    """``said`` grants an outsider its opinion and denies it a say ("the envoy is entitled to his opinions", "none
    of his business", "keep its views to itself"), or needs no outsider's advice or leave ("needs no certificate
    from anyone", "not a subject for our neighbours")."""
    low = " ".join(said.lower().split())
    return any(p.search(low) for p in _DISMISSALS)


def _an_actor(t: Token) -> bool:
    """A polity, body or person that could instruct another ("a foreign embassy", "a third capital", "Brussels"),
    not a thing ("a map", "a survey")."""
    return label_of(t) in ("GPE", "NORP", "ORG", "PERSON") or t.lemma_.lower() in lex.POLITY_NOUNS or (
        t.lemma_.lower() in lex.FIELD_POLITICAL or t.lemma_.lower() in lex.FUNDERS or t.lower_ in lex.OTHER_OWNERS)


def needs_no_teacher(span: Span) -> bool:
    """ "X does not need a foreign embassy to explain how to count its votes", "we need no capital to tell us
    where our coast ends": another's instruction refused, a lecture rejected (the needed one an actor, not "a map")."""
    for t in span:
        if t.pos_ != "VERB" or t.lemma_.lower() != "need":
            continue
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        if obj is None or not _an_actor(obj):
            continue
        denied = any(c.dep_ == "neg" or c.lower_ == "never" for c in t.children) or any(
            c.dep_ == "det" and c.lower_ == "no" for c in obj.children)
        teaching = [c for w in (t, obj) for c in w.children
                    if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.lemma_.lower() in lex.LECTURING_VERBS]
        if denied and teaching:
            return True
    return False


_THIRD_OWNERS = frozenset({"his", "her", "their"})
_UNAIDED_FROM = ("sovereignty", "self_determination", "other", "territory")


def decides_unaided(span: Span) -> bool:
    """ "X must decide it without Y's thumb on the scale", "we will choose without his help": a polity deciding
    with an outsider's part shut out, rejecting interference (not "without a referendum", which is no one's, nor
    "without our consent", its own)."""
    for t in span:
        if t.pos_ != "VERB" or t.lemma_.lower() not in lex.DECIDING_VERBS | {"choose"} or any(
                c.dep_ == "neg" for c in t.children):
            continue
        subj = subject_of(t)
        for prep in t.children:
            if prep.dep_ != "prep" or prep.lower_ != "without":
                continue
            for g in prep.children:
                owner = next((c for c in g.children if c.dep_ == "poss"), None) if g.dep_ == "pobj" else None
                if owner is None or is_first_person(owner) or subj is not None and owner.lower_ == subj.lower_:
                    continue
                if owner.lower_ in _THIRD_OWNERS or owner.pos_ == "PROPN" or label_of(owner) in ("GPE", "NORP", "ORG"):
                    return True
    return False


def _span_of(doc: Doc, c: Claim) -> Span | None:
    span = evidence_span(doc, c)
    return span if span is not None and len(span) else None


def _lectured(doc: Doc, c: Claim) -> bool:
    return (span := _span_of(doc, c)) is not None and needs_no_teacher(span)


def _unaided(doc: Doc, c: Claim) -> bool:
    return c.claim_type in _UNAIDED_FROM and (span := _span_of(doc, c)) is not None and decides_unaided(span)


def dismissed(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Claims of another type whose evidence dismisses an outsider's say become interference claims in favour
    (object and addressee from their clause), unless an interference claim already covers those words."""
    text = text_of(doc)
    out = []
    for c in claims:
        if c.claim_type != "interference" and c.evidence and (dismisses_outsider(
                " ".join(text[e.start : e.end] for e in c.evidence)) or _lectured(doc, c)) and not any(
                o.claim_type == "interference" and o.start < c.end and c.start < o.end for o in claims):
            c = aimed(doc, c.with_(claim_type="interference", stance="favour", strength=abs(c.strength or 1),
                                   aspect="outside_authority"))
        elif c.claim_type != "interference" and c.evidence and _unaided(doc, c) and not any(
                o.claim_type == "interference" and o.start < c.end and c.start < o.end for o in claims):
            # the polity deciding is the one defended: its object stays
            c = c.with_(claim_type="interference", stance="favour", strength=abs(c.strength or 1),
                        aspect="outside_authority")
        out.append(c)
    return out


def defended_home(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Interference claims of a claimant whose own polity the text makes clear ("X's foreign minister",
    "the Ministry of Foreign Affairs of X"): that polity is the one defended, the codebook's object (the
    outsider named in the clause is the addressee, never the object)."""
    out = []
    for c in claims:
        if c.claim_type == "interference" and (home := home_of(doc, c.claimant)) is not None:
            m = mention(doc, *home)
            if m != c.target and not (c.addressee is not None and c.addressee.start <= m.start < c.addressee.end) and (
                    not _names_the_claimant(doc, c.claimant, m)):
                c = c.with_(target=m)
        out.append(c)
    return out


def _names_the_claimant(doc: Doc, claimant: Mention, home: Mention) -> bool:
    """The "home" found is a person claimant's own name (a surname the tagger took for a place, or a name run on
    into one), not a polity it is of: the claimant's last word in it, and no "of" or "'s" in the claimant."""
    text = text_of(doc)
    who = text[claimant.start : claimant.end]
    words = who.split()
    span = doc.char_span(claimant.start, claimant.end, alignment_mode="expand")
    if not words or " of " in who or "'s" in who or "’s" in who or span is None or not len(span):
        return False
    person = label_of(span.root) == "PERSON" or label_of(span[-1]) == "PERSON" or len(words) > 1 and all(
        w[:1].isupper() for w in words)  # a first and last name, or a surname alone: a person named, not a polity
    return person and words[-1].strip(".,") in text[home.start : home.end].split()
