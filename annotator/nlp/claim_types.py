"""Type distinctions the codebook draws that a cue word alone does not: a people deciding its own future is
self-determination, not a polity's sovereignty ("the islanders have every right to choose their own future");
a claim, title or right to a place is territorial ("Orvania's claim to the bank has no legal basis")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_parts import mention
from annotator.nlp.claim_tree import evidence_span, is_demonym, is_place, label_of, phrase, sets_aside, subject_of
from annotator.nlp.once import sent_of
from annotator.nlp.polity_status import non_state

# Nouns for a people as such (not a state or its government).
PEOPLE_NOUNS = frozenset({"people", "peoples", "islander", "islanders", "inhabitant", "inhabitants", "resident",
                          "residents", "citizen", "citizens", "voter", "voters", "population", "community",
                          "communities", "highlander", "highlanders", "minority", "minorities"})
_RULERS = frozenset({"government", "leader", "ruler", "president", "parliament", "representative", "mayor",
                     "council", "minister"})
_DECIDING = frozenset({"decide", "choose", "determine", "settle", "vote"})


def _lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def _a_people(t: Token | None) -> bool:
    """``t`` names a people: a people noun ("the islanders", "the people of X") or a plural demonym used as a
    noun ("the Veshans")."""
    if t is None:
        return False
    if _lemma(t) in PEOPLE_NOUNS or t.lower_ in PEOPLE_NOUNS:
        return True
    return label_of(t) == "NORP" and t.tag_ in ("NNPS", "NNS")


_ARGUED = ("sovereignty", "territory", "other")  # types a people's own say is mistaken for
_STATED = frozenset({"free", "independent", "sovereign", "liberated"})  # a people that already has its state


def _is_a_people(sent: Span) -> bool:
    """ "We are a people with our own language", "the islanders are a distinct people": a people as the
    predicate of a copula, not denied (a people's standing is what self-determination claims; "a sovereign
    nation" or "a free people" is a state's, "Dorrowen people" says whose people they are)."""
    for t in sent:
        if _lemma(t) not in ("people", "peoples") or t.dep_ != "attr" or t.head.lemma_.lower() != "be":
            continue
        verb = t.head
        if any(c.dep_ == "neg" for c in verb.children) or any(c.lower_ == "no" for c in t.children):
            continue
        if any(c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or label_of(c) == "NORP" or c.is_title
                                                          or c.lower_ in _STATED) for c in t.children):
            continue  # "we are Dorrowen people" is whose people they are (territory); "a free people", a state's
        subj = subject_of(verb)
        if subj is not None and (subj.lower_ in ("we", "they") or _a_people(subj) or is_place(subj)):
            return True
    return False


def peoples_choice(doc: Doc, c: Claim) -> Claim:
    """A sovereignty, territorial or other claim whose sentence has a people deciding or choosing its own course
    (a people as the subject of deciding, or as the holder of a right to decide), or calls a polity's people "a
    people", is self-determination, as the codebook defines it; a polity, a government or "we" of a state
    deciding keep their type."""
    if c.claim_type not in _ARGUED or not c.evidence:
        return c
    span = evidence_span(doc, c)
    if span is None or not len(span):
        return c
    sent = doc[sent_of(span[0]).start : sent_of(span[-1]).end]
    for t in sent:
        if _lemma(t) not in _DECIDING or t.pos_ != "VERB" or any(
                c.dep_ == "dobj" and _lemma(c) in _RULERS for c in t.children):
            continue  # choosing a government or leaders is a polity governing itself: sovereignty
        holder = _decider_of(t)
        if holder is None and t.dep_ in ("acl", "xcomp", "relcl") and _lemma(t.head) in ("right", "freedom"):
            holder = subject_of(t.head.head) if t.head.head is not t.head else None  # "X have the right to decide"
        if _a_people(holder) or holder is not None and holder.lower_ == "they" and _a_people(_before(holder)):
            return c.with_(claim_type="self_determination", aspect=None)
    if _is_a_people(sent) or any(_put_to_a_people(t) or _a_peoples_will(t) for t in sent):
        return c.with_(claim_type="self_determination", aspect=None)
    return c


def _decider_of(verb: Token) -> Token | None:
    """Who decides: the agent of a passive ("the question was settled by its people"), the subject of the
    adjective an infinitive completes ("the islanders are old enough to decide", "free to choose"), else the
    verb's subject."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    holder = subject_of(verb)
    if holder is None and verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        holder = subject_of(verb.head.head)
    return holder


def _put_to_a_people(t: Token) -> bool:
    """ "any change must be put to the people who live there": a question put to a people, its say."""
    return t.pos_ == "VERB" and _lemma(t) == "put" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and _a_people(g) for g in c.children)
        for c in t.children)


def _a_peoples_will(t: Token) -> bool:
    """ "the clearly expressed will of the islanders", "the wishes of its inhabitants": a people's will, its say
    over its course (a state's "will" or "consent" is not one)."""
    if t.pos_ != "NOUN" or _lemma(t) not in lex.WILL_NOUNS and t.lower_ not in lex.WILL_NOUNS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _a_people(g) for g in c.children)
               for c in t.children) or any(c.dep_ == "poss" and _a_people(c) for c in t.children)


def _before(t: Token) -> Token | None:
    """The people noun a "they" points back to in its own sentence or the one before."""
    doc = t.doc
    lo = sent_of(doc[sent_of(t).start - 1]).start if sent_of(t).start > 0 else sent_of(t).start
    return next((w for w in reversed(doc[lo : t.i]) if _a_people(w)), None)


_TITLES = frozenset({"claim", "claims", "title", "titles", "right", "rights", "sovereignty", "jurisdiction",
                     "ownership", "possession"})


def claimed_place(span: Span) -> Token | None:
    """The place a claim, title or right in ``span`` is to or over ("claim to the bank", "rights over the
    strait", "sovereignty over the islands"): what a territorial claim is about."""
    for t in span:
        if _lemma(t) not in _TITLES and t.lower_ not in _TITLES or t.pos_ != "NOUN":
            continue
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "over"):
                place = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if place is not None and (is_place(place) or _lemma(place) in lex.PLACE_NOUNS
                                          or place.lower_ in lex.PLACE_NOUNS):
                    return place
    return None


_STATUS = frozenset({"independence", "independent", "referendum", "secession", "secede", "status", "future",
                     "self-determination", "sovereignty", "autonomy", "statehood", "separation"})


def _demonym(t: Token) -> bool:
    """A demonym, singular or plural ("Ruvenian", "Ruvenians")."""
    plural = t.is_title and t.lower_.endswith("s") and len(t) > 5 and t.lower_[:-1].endswith(lex.DEMONYM_SUFFIXES)
    return is_demonym(t) or plural


def decider(span: Span) -> Token | None:
    """The people a matter is left to ("... is for Pelstians to settle", "is for Brellish voters alone to
    decide"): the subject of a deciding verb introduced by "for", or the object of "for" before one."""
    for t in span:
        if _lemma(t) not in _DECIDING or t.pos_ != "VERB":
            continue
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in t.children):
            who = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if who is not None:
                return who
        ancestors = set(a.i for a in t.ancestors)
        for prep in span:
            if prep.dep_ != "prep" or prep.lower_ != "for" or prep.i > t.i:
                continue
            who = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if who is not None and (who.i in ancestors or prep.head.i in ancestors):
                return who  # "is for Brellish voters alone to decide", however the parse hangs it
    return None


_ALONE = frozenset({"alone", "only", "solely", "exclusively"})


def left_alone_to(span: Span) -> Token | None:
    """The one a matter is left to alone ("the decision on membership is for X alone to take", "it is for X only
    to decide"): the object of "for" with "alone" or "only" on it and an infinitive after it, however the parse
    hangs the infinitive."""
    for prep in span:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        who = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if who is None:
            continue
        alone = [c for c in who.children if c.lower_ in _ALONE]
        verbs = [v for w in (who, *alone) for v in w.children if v.dep_ in ("xcomp", "acl", "relcl") and v.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)]
        if alone and verbs:
            return who
    return None


def decided_at_home(doc: Doc, c: Claim) -> Claim:
    """A matter said to be for a polity's own people to decide ("How Brell counts its votes is for Brellish
    voters to decide") rejects anyone else's say: interference, unless the matter is the people's status
    (independence, a referendum: self-determination)."""
    if c.claim_type not in ("self_determination", "pooling", "other", "sovereignty") or not c.evidence:
        return c
    span = evidence_span(doc, c)
    if span is None or not len(span):
        return c
    who = decider(span)
    if who is None or not (_a_people(who) or label_of(who) == "NORP" or _demonym(who) or any(
            label_of(m) == "NORP" or _demonym(m) for m in who.lefts)):
        who = left_alone_to(span)  # "is for X alone to take": a polity by its name, shutting everyone else out
        if who is None or not (who.pos_ == "PROPN" and label_of(who) != "PERSON" or _a_people(who)):
            return c
    if any(_lemma(t) in _STATUS or t.lower_ in _STATUS for t in span):
        return c
    return c.with_(claim_type="interference", stance="favour", strength=abs(c.strength or 1),
                   aspect="outside_authority")


_SAYING = _DECIDING | {"choose", "ask", "consult"}


def _holder_is_a_people(t: Token | None) -> bool:
    if t is not None and t.tag_ == "WP" and t.head.dep_ == "relcl":  # "it should be us who decide"
        t = t.head.head
    return t is not None and (t.lower_ in ("we", "us", "ourselves") or _a_people(t) or t.lower_ == "nation")


def _denied(t: Token) -> bool:
    """A negation on ``t``, not one that sets an alternative aside ("us who decide, not a committee")."""
    return any((c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det", "neg"))
               and not sets_aside(c) for c in t.children)


def asserted_say(span: Span) -> bool:
    """A people's say over its course asserted in ``span``, in a clause of its own that no negation touches:
    the people deciding or choosing ("the islanders will decide for themselves", "it should be us who decide",
    "our future will be decided by the people of X"), or holding a right to ("the people have the right to be asked", "a nation's right to choose"). A denial
    elsewhere in the span then denies someone else's say ("... and no minister can take it away")."""
    for t in span:
        if t.pos_ != "VERB" or _lemma(t) not in _SAYING or _denied(t):
            continue
        if _lemma(t) in _DECIDING and not any(c.dep_ == "auxpass" for c in t.children) and _holder_is_a_people(
                subject_of(t)) and t.dep_ not in ("xcomp", "acl"):
            return True
        if _lemma(t) in _DECIDING and any(c.dep_ == "auxpass" for c in t.children) and any(
                _holder_is_a_people(g) for c in t.children if c.dep_ == "agent" for g in c.children
                if g.dep_ == "pobj"):
            return True  # "our future will be decided by the people of X"
        right = t.head if t.dep_ in ("acl", "xcomp", "relcl") else None
        if right is None or _lemma(right) not in ("right", "freedom") or _denied(right):
            continue
        owner = next((c for c in right.children if c.dep_ == "poss"), None)
        if owner is None and right.dep_ == "dobj" and not _denied(right.head):
            owner = subject_of(right.head)  # "the people have the right to decide"
        if _holder_is_a_people(owner):
            return True
    return False


def say_stance(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Self-determination claims read as against whose evidence asserts a people's say: in favour."""
    out = []
    for c in claims:
        if c.claim_type == "self_determination" and c.stance == "against" and c.evidence:
            span = evidence_span(doc, c)
            if span is not None and len(span) and asserted_say(span):
                c = c.with_(stance="favour", strength=abs(c.strength or 1))
        out.append(c)
    return out


_SOVEREIGN = frozenset({"sovereignty", "sovereign", "suzerainty"})


def _a_place_noun(t: Token | None) -> bool:
    return t is not None and (_lemma(t) in lex.PLACE_NOUNS or t.lower_ in lex.PLACE_NOUNS
                              or _lemma(t) in lex.FIELD["territory"] or t.lower_ in lex.FIELD["territory"]
                              or label_of(t) == "LOC")


def sovereignty_over_land(span: Span) -> bool:
    """Sovereignty said of land rather than of a polity: "the sovereignty of the reefs", "sovereignty over the
    islands", "sovereign Ostrel territory", "the isles fall under the sovereignty of X": whose land it is."""
    for t in span:
        if _lemma(t) not in _SOVEREIGN and t.lower_ not in _SOVEREIGN:
            continue
        if t.dep_ == "amod" and _a_place_noun(t.head):
            return True  # "sovereign Zavrin territory"
        if t.pos_ != "NOUN":
            continue
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "over"):
                if any(g.dep_ == "pobj" and _a_place_noun(g) for g in prep.children):
                    return True
        if t.dep_ == "pobj" and t.head.lower_ == "under" and t.head.head is not t.head:
            holder = subject_of(t.head.head)  # "the isles fall under the sovereignty of X"
            if _a_place_noun(holder) or holder is not None and is_place(holder):
                return True
    return False


def sovereignty_of_land(doc: Doc, c: Claim) -> Claim:
    """A sovereignty claim whose evidence says whose land a place is is territorial, as the codebook has it."""
    if c.claim_type != "sovereignty" or not c.evidence:
        return c
    span = evidence_span(doc, c)
    if span is None or not len(span) or not sovereignty_over_land(span):
        return c
    return c.with_(claim_type="territory")


_COMPETENCE_FROM = ("territory", "sovereignty", "contest", "interference", "self_determination")


def a_bodys_competence(span: Span) -> Token | None:
    """The court, tribunal, commission or panel whose authority, jurisdiction or competence ``span`` speaks of
    ("does not recognise the tribunal's jurisdiction over the reef", "never accepted the authority of the boundary
    commission"), else None: a claim on that body's competence, not on the land it would rule on."""
    for t in span:
        if t.pos_ != "NOUN" or _lemma(t) not in lex.COMPETENCE_NOUNS:
            continue
        owners = [c for c in t.children if c.dep_ == "poss"] + [
            g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        body = next((o for o in owners if _lemma(o) in lex.FINDING_BODIES or o.lower_ in lex.FINDING_BODIES), None)
        if body is not None:
            return body
    return None


def bodys_competence(doc: Doc, c: Claim) -> Claim:
    """A claim whose evidence speaks of a body's competence (``a_bodys_competence``) is "other", with the body as
    its object, as the codebook has it (recognising a court's competence is other, whatever land it rules on); a
    claim about a union's court stays pooling."""
    if c.claim_type not in _COMPETENCE_FROM or not c.evidence:
        return c
    span = evidence_span(doc, c)
    body = a_bodys_competence(span) if span is not None and len(span) else None
    if body is None:
        return c
    return c.with_(claim_type="other", target=mention(doc, *phrase(body)), aspect=None)


_VOTE_LEMMAS = frozenset({"vote", "referendum", "plebiscite", "ballot", "poll"})


def _a_union_word(t: Token) -> bool:
    return _lemma(t) in lex.FIELD["union"] or t.lower_ in lex.FIELD["union"] or t.lower_ in lex.UNION_NAMES or (
        _lemma(t) in lex.MEMBERSHIP_NOUNS)


def vote_on_union(span: Span) -> bool:
    """A vote on joining or leaving a union: "we did not vote to leave", "a vote to admit X", "a referendum on
    membership", "a referendum on future treaties" (a verb of joining with a union, or no object in an article
    about a union; a membership or union noun as what the vote is on). "Voted to leave the kingdom" is a
    people's, not a union's."""
    from annotator.nlp.claim_guards import _unions_named

    for t in span:
        if _lemma(t) not in _VOTE_LEMMAS or t.pos_ not in ("NOUN", "VERB"):
            continue
        for c in t.children:
            if c.dep_ in ("xcomp", "acl", "advcl") and c.pos_ == "VERB" and _lemma(c) in lex.JOINING_VERBS:
                obj = next((o for o in c.children if o.dep_ == "dobj"), None)
                if obj is None and _unions_named(span.doc) >= 2 or obj is not None and (
                        _a_union_word(obj) or _lemma(c) == "admit"):
                    return True
            if c.dep_ == "prep" and c.lower_ in ("on", "about", "over") and any(
                    g.dep_ == "pobj" and _a_union_word(g) for g in c.children):
                return True
    return False


def union_vote(doc: Doc, c: Claim) -> Claim:
    """A self-determination claim whose evidence is about a vote on joining or leaving a union (``vote_on_union``)
    is pooling, as the codebook's "when both fit" line has it."""
    if c.claim_type != "self_determination" or not c.evidence:
        return c
    span = evidence_span(doc, c)
    if span is None or not len(span) or not vote_on_union(span):
        return c
    return c.with_(claim_type="pooling", aspect="outside_authority")


_OWNING = frozenset({"ours", "theirs"})


def governs_itself(span: Span) -> Token | None:
    """A polity running its own affairs, said with a verb of governing (``governing_verbs``): a thing "ours to run",
    governed from a polity or denied governance from outside ("should be policed by X and run from X", "will never
    again be governed from outside"), or a polity or "we" running things of state ("we do not control our ports",
    "X runs its schools"). Returns the governing word's polity, or the verb when the polity is the speaker's."""
    for t in span:
        if t.pos_ != "VERB" or _lemma(t) not in lex.GOVERNING_VERBS:
            continue
        if t.dep_ in ("xcomp", "acl") and (t.head.lower_ in _OWNING or any(
                c.dep_ in ("acomp", "attr") and c.lower_ in _OWNING for c in t.head.children)):
            return t  # "the harbour is ours to run" (the parser may hang "to run" on the copula)
        if any(c.dep_ == "auxpass" for c in t.children):
            for p in t.children:
                if p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by"):
                    for g in p.children:
                        if g.dep_ == "pobj" and label_of(g) == "GPE":
                            return g  # "run from X", "policed by X"
                        if g.lower_ == "outside" or g.dep_ == "pcomp" and g.lower_ == "outside":
                            return t  # "governed from outside"
                if p.lower_ == "outside" and p.head is t and p.dep_ in ("advmod", "prep", "pcomp"):
                    return t
            continue
        subj = subject_of(t)
        if subj is not None and (subj.lower_ == "we" or label_of(subj) == "GPE") and any(
                c.dep_ == "dobj" and (_lemma(c) in lex.SELF_RULE_OBJECTS or c.lower_ in lex.SELF_RULE_OBJECTS)
                for c in t.children):
            return subj if label_of(subj) == "GPE" else t  # "we do not control our ports"
    return None


def governed_not_owned(doc: Doc, c: Claim) -> Claim:
    """A territorial claim whose evidence speaks of governing, not owning (``governs_itself``: "the harbour is ours
    to run", "policed by X and run from X", "we do not control our ports") is sovereignty, a polity governing
    itself, as the codebook has it (territory is whose land it is); a polity named as the governor is the object."""
    if c.claim_type != "territory" or not c.evidence:
        return c
    span = evidence_span(doc, c)
    who = governs_itself(span) if span is not None and len(span) else None
    if who is None:
        return c
    target = mention(doc, *phrase(who)) if who.pos_ == "PROPN" else c.target
    return c.with_(claim_type="sovereignty", target=target, aspect="domestic_authority")


_STANDING_FROM = ("other", "territory", "self_determination", "sovereignty")


def _standing_holder(t: Token) -> Token | None:
    """Who a standing noun is had by: the subject of "have" ("the parliament has no mandate"), or the noun it is
    "with" ("an illegal junta with no right to ..."), through a copula to its subject ("the council was a junta
    with no right")."""
    if t.dep_ == "dobj" and _lemma(t.head) == "have":
        return subject_of(t.head)
    if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head is not t.head:
        noun = t.head.head
        return subject_of(noun.head) if noun.dep_ == "attr" else noun
    return None


def denied_standing(span: Span) -> Token | None:
    """A government, parliament, assembly or council denied its mandate, authority, right or legitimacy ("the new
    parliament has no real mandate", "the council was an illegal junta with no right to speak for anyone", "the
    assembly had no authority to speak for the territory"): the body whose legitimacy is questioned, else None."""
    for t in span:
        if t.pos_ != "NOUN" or _lemma(t) not in lex.STANDING_NOUNS:
            continue
        denied = any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) or t.dep_ == "dobj" and any(
            c.dep_ == "neg" for c in t.head.children)
        holder = _standing_holder(t) if denied else None
        if holder is not None and (_lemma(holder) in lex.GOVERNING_BODIES or holder.lower_ in lex.GOVERNING_BODIES):
            return holder
    return None


def standing_denied(doc: Doc, c: Claim) -> Claim:
    """A claim whose evidence denies a government's, parliament's or council's mandate or right (``denied_standing``)
    contests its legitimacy, as the codebook's contest type has it (a court's competence is other, see
    ``bodys_competence``): contest, against, with that body as its object."""
    if c.claim_type not in _STANDING_FROM or not c.evidence:
        return c
    span = evidence_span(doc, c)
    body = denied_standing(span) if span is not None and len(span) else None
    if body is None:
        return c
    return c.with_(claim_type="contest", stance="against", strength=-abs(c.strength or 1),
                   target=mention(doc, *phrase(body)), aspect="recognition")


_HELP = frozenset({"help", "interference", "advice", "permission", "instruction", "instructions", "lecture",
                   "lectures", "guidance", "meddling"})
_MISSIONS = frozenset({"embassy", "embassies", "consulate", "consulates", "consul", "envoy", "envoys"})
_DECIDED = _DECIDING | {"decision", "matter", "make", "choice", "say"}


def _foreign(t: Token) -> bool:
    return t.lower_ in lex.FIELD["outsider"] or _lemma(t) in lex.FIELD["outsider"] or t.lower_ in _MISSIONS


def shuts_an_outsider_out(span: Span) -> bool:
    """``span`` sets an outsider's say aside: "..., not for a foreign consulate", "without help from X's embassy",
    "without outside interference" (a foreign word or a foreign mission in the phrase set aside, up to the next
    comma or stop)."""
    doc = span.doc
    for t in span:
        if sets_aside(t) or t.lower_ == "without" and any(
                g.dep_ == "pobj" and (_lemma(g) in _HELP or g.lower_ in _HELP) for g in t.children):
            end = next((w.i for w in doc[t.i + 1 : span.end] if w.is_punct), span.end)
            if any(_foreign(w) for w in doc[t.i + 1 : end]):
                return True
    return False


def outsider_shut_out(doc: Doc, c: Claim) -> Claim:
    """A self-determination claim whose evidence leaves a matter to a people or a polity and sets an outsider's
    say aside (``shuts_an_outsider_out``: "not for a foreign consulate", "without help from X's embassy"), where the
    matter is no status of theirs (no independence, referendum, secession, autonomy or future in it: how they
    elect a council or choose leaders), rejects outside interference in their affairs, as the codebook has it
    (self-determination is a people's say over its status)."""
    if c.claim_type != "self_determination" or not c.evidence:
        return c
    span = evidence_span(doc, c)
    if span is None or not len(span):
        return c
    if any(_lemma(t) in _STATUS or t.lower_ in _STATUS for t in span):
        return c
    if not any(_lemma(t) in _DECIDED or t.lower_ in _DECIDED for t in span) or not shuts_an_outsider_out(span):
        return c
    return c.with_(claim_type="interference", stance="favour", strength=abs(c.strength or 1),
                   aspect="outside_authority")


_SAY_NOUNS = frozenset({"vote", "say", "referendum", "consultation", "ballot", "plebiscite", "poll"})
_REFLEXIVE = frozenset({"themselves", "itself", "ourselves"})


def _below_a_state(t: Token | None) -> bool:
    """A people ("the islanders"), a region noun ("the province") or a name the document marks as a region or
    people under another state (``polity_status.non_state``), itself or as the name on its noun ("the X council")."""
    if t is None:
        return False
    return _a_people(t) or _lemma(t) in lex.REGION_NOUNS or non_state(t) or any(
        c.dep_ in ("compound", "poss", "amod") and non_state(c) for c in t.children)


def own_say_below_a_state(span: Span) -> bool:
    """A people or region under a state asks its own say ("the province should have its own vote on joining the
    union", "the island council wants its own say", "the islanders must decide for themselves if the union's
    rules apply there"): the holder of an own or separate vote or say, or of deciding for themselves."""
    for t in span:
        if t.pos_ == "NOUN" and (_lemma(t) in _SAY_NOUNS) and any(
                c.dep_ == "amod" and c.lower_ in ("own", "separate") for c in t.children):
            holder = subject_of(t.head) if t.dep_ in ("dobj", "attr") and t.head is not t else None
            if _below_a_state(holder):
                return True
        if t.pos_ == "VERB" and _lemma(t) in _DECIDING and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ in _REFLEXIVE for g in c.children)
                for c in t.children) and _below_a_state(subject_of(t)):
            return True
    return False


def own_say_on_a_union(doc: Doc, c: Claim) -> Claim:
    """A pooling claim whose evidence has a people or region under a state ask its own say on the union
    (``own_say_below_a_state``) is self-determination: the codebook's tie-break gives a people's or region's say
    over its own status (leaving or staying) to self-determination; pooling keeps a state's own choice to join or
    leave."""
    if c.claim_type != "pooling" or not c.evidence:
        return c
    span = evidence_span(doc, c)
    if span is None or not len(span) or not own_say_below_a_state(span):
        return c
    return c.with_(claim_type="self_determination", aspect=None)
