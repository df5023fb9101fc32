"""The codebook's "when both fit" lines for types a claim's words leave open: control of a polity handed to a
union, alliance or integration project is pooling (against that project), not the polity's sovereignty nor a
people's self-determination (``ceded_to_union``); a polity by its own name deciding for itself is sovereignty, a
people's or region's say over its status self-determination (``polity_decides``, ``peoples_votes``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_ceding import ceded
from annotator.nlp.claim_guards import _unions_named
from annotator.nlp.claim_objects import _named_union
from annotator.nlp.claim_parts import mention
from annotator.nlp.claim_tree import evidence_span, label_of, phrase
from annotator.nlp.once import sent_of

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


_BESIDE_LAND = ("contest", "other", "self_determination", "sovereignty")


def land_beside(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A second, territorial claim on the evidence of a contest, other, self-determination or sovereignty
    claim whose words also say, in a clause of their own, that the land is a polity's ("does not recognise
    the award. The islands are ours"; "is not a state, and remains part of X"): two claims in one span, as
    the codebook's territory type defines the second."""
    from annotator.nlp.claim_field import predicates_of

    out = list(claims)
    for c in claims:
        if c.claim_type not in _BESIDE_LAND or not c.evidence:
            continue
        if any(o.claim_type == "territory" and set(o.evidence) & set(c.evidence) for o in out):
            continue
        span = evidence_span(doc, c)
        if span is None or not len(span):
            continue
        land = next((p.subject for p in predicates_of(span, c.claimant is not None)
                     if p.claim_type == "territory" and not p.negated), None) or regarded_part(
            doc[sent_of(span[0]).start : sent_of(span[-1]).end])  # a fragment quote's sentence says it too
        if land is None:
            continue
        out.append(c.with_(claim_type="territory", stance="favour", strength=abs(c.strength or 1),
                           target=mention(doc, *phrase(land)), aspect=None,
                           note=(c.note + "; " if c.note else "") + "land said to be a polity's beside another claim"))
    return out


def _whole_of(part: Token) -> Token | None:
    """The polity a part noun is part of ("part of the Republic of X"), else None ("part of a wider effort")."""
    whole = next((g for c in part.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"), None)
    return whole if whole is not None and (label_of(whole) in ("GPE", "NORP") or whole.pos_ == "PROPN"
                                           and label_of(whole) != "PERSON") else None


def regarded_part(span: Span) -> Token | None:
    """The land a verb of regarding, not negated, holds to be part of a polity ("regards the territory concerned
    as an inseparable part of X", "continued to regard it as part of X", "considers the valley part of X"): the
    verb's object (the noun before the verb when the object is a pronoun)."""
    for t in span:
        if t.pos_ != "VERB" or t.lemma_.lower() not in lex.REGARDING_VERBS or _negated(t):
            continue
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        if obj.lemma_.lower() in lex.PART_NOUNS and _whole_of(obj) is not None:
            land = next((c for c in obj.children if c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN")),
                        None)  # "considers the valley part of X"
            if land is not None:
                return land
            continue
        if not any(w.lower_ == "as" and w.dep_ == "prep" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in lex.PART_NOUNS and _whole_of(g) is not None
                for g in w.children) for w in t.subtree):
            continue
        if obj.pos_ == "PRON":
            obj = next((w for w in reversed(span.doc[span.start : t.i]) if w.pos_ == "PROPN"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    return None


_DECIDING = frozenset({"decide", "choose", "determine"})


def _a_polity_deciding(t: Token) -> bool:
    """``t`` is a deciding verb, in the present or future, whose subject is a polity by its name, not denied:
    "Velmark decides what crosses its border", "Velmark will decide about Velmark"."""
    from annotator.nlp.claim_tree import subject_of
    from annotator.nlp.claim_types import PEOPLE_NOUNS

    if t.pos_ != "VERB" or t.lemma_.lower() not in _DECIDING or t.tag_ not in ("VB", "VBP", "VBZ") or t.dep_ in ("xcomp", "acl"):
        return False
    if any(c.dep_ in ("auxpass", "neg") or c.lemma_.lower() == "have" and c.dep_ == "aux" for c in t.children):
        return False
    subj = subject_of(t)
    return subj is not None and subj.pos_ == "PROPN" and label_of(subj) == "GPE" and (
        subj.lower_ not in PEOPLE_NOUNS and not any(c.dep_ == "neg" or c.lower_ == "no" for c in subj.children))


def polity_decides(doc: Doc, c: Claim) -> Claim:
    """A self-determination claim whose evidence has a polity by its own name deciding for itself, with no
    word of a people's status vote (referendum, independence, secession): sovereignty in favour (the deciding is
    asserted, no negation touches it), as the codebook's "when both fit" line has it (a state deciding for itself;
    a people's say over its status stays)."""
    if c.claim_type != "self_determination" or not c.evidence:
        return c
    span = evidence_span(doc, c)
    if span is None or not len(span) or not any(_a_polity_deciding(t) for t in span):
        return c
    status = lex.FIELD["vote"] | lex.STATUS_VOTES | (lex.SELF_RULE_WORDS - _DECIDING)
    if any(t.lemma_.lower() in status or t.lower_ in status for t in span):
        return c
    return c.with_(claim_type="sovereignty", stance="favour", strength=abs(c.strength or 1), aspect=None)


_VOTES = frozenset({"vote", "referendum", "plebiscite", "ballot"})
_CHAMBERS = frozenset({"parliament", "chamber", "assembly", "council", "congress", "senate", "house", "committee",
                       "cabinet", "reading", "bill", "motion", "amendment"})


def _a_peoples_vote(t: Token) -> bool:
    """``t`` is a vote on a status, not a chamber's: "our vote of independence", "no island gets to vote its
    way out"; not "a vote in this chamber", "a vote of parliament", "vote for the first reading"."""
    if t.lemma_.lower() not in _VOTES and t.lower_ not in _VOTES or t.pos_ not in ("NOUN", "VERB"):
        return False
    near = [g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"] + list(t.children)
    return not any(g.lemma_.lower() in _CHAMBERS or g.lower_ in _CHAMBERS for g in near)


def _left_to_the_people(t: Token) -> bool:
    """ "a question for the people who live there", "a matter for the islanders": a people as the one a
    matter is for."""
    from annotator.nlp.claim_types import PEOPLE_NOUNS

    return t.dep_ == "pobj" and t.head.lower_ == "for" and (t.lemma_.lower() in PEOPLE_NOUNS or t.lower_ in PEOPLE_NOUNS)


def peoples_vote(doc: Doc, c: Claim) -> Claim:
    """A sovereignty rule claim whose evidence speaks of a people's status vote or leaves the question to a
    people ("our vote of independence was the voice of the people of X", "who governs X is a question for the
    people who live there") or seeks a status ("not asking for independence"): a people's or region's say over
    its status, self-determination, as the
    codebook's "when both fit" line has it."""
    if c.claim_type != "sovereignty" or not c.evidence:
        return c
    span = evidence_span(doc, c)
    said = next((t for t in span or () if _a_peoples_vote(t) or _left_to_the_people(t) or _status_sought(t)), None)
    if said is None:
        return c
    sign = -1 if _shut_out(said) else 1
    return c.with_(claim_type="self_determination", stance="against" if sign < 0 else "favour",
                   strength=sign * abs(c.strength or 1), aspect=None)


def _status_sought(t: Token) -> bool:
    """``t`` is a status sought now: "asking for independence", "talking about secession", "wants independence"
    (the object of a verb of seeking, or of its "for" / "about")."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in lex.SOUGHT_STATUSES:
        return False
    verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("for", "about") else t.head if t.dep_ == "dobj" else None
    return verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in lex.SEEKING_VERBS


def _shut_out(t: Token) -> bool:
    """The people's vote or say in ``t`` is denied in its clause: "no island gets to vote its way out", "there
    will be no referendum", "the people were never asked" (a negation on the clause's verb or a "no" /
    "nobody" as or in its subject)."""
    from annotator.nlp.claim_tree import subject_of

    verb = t
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    return _negated(t) or any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children) or any(
        c.lower_ == "no" for c in t.children) or subj is not None and (
        subj.lower_ in ("nobody", "none") or any(c.lower_ == "no" for c in subj.children))


def peoples_votes(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """``peoples_vote`` on each claim; one so retyped on the evidence of a self-determination claim already
    there is that claim again, and goes."""
    said = {c.evidence for c in claims if c.claim_type == "self_determination"}
    out = []
    for c in claims:
        d = peoples_vote(doc, c)
        if d is c or d.evidence not in said:
            out.append(d)
    return out


_BOUGHT_FROM = ("pooling", "other")


def _bought(span: Span) -> bool:
    """Money from outside in ``span``: a word of funding or buying beside an outsider word or a funder under a
    name (an embassy, a foundation, a ministry), with no word of a union (whose funds are pooling talk)."""
    lowers = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    if not lowers & lex.FUNDING_WORDS or lowers & lex.FIELD["union"]:
        return False
    return bool(lowers & lex.FIELD["outsider"]) or any(_a_named_funder(t) for t in span)


def _a_named_funder(t: Token) -> bool:
    """ "the Hallenmark culture ministry", "Ostria's embassy", "no embassy": a funder noun under a name, or
    every one of them shut out ("no embassy"); not "the ministry", one's own."""
    if t.lower_ not in lex.FUNDERS and t.lemma_.lower() not in lex.FUNDERS:
        return False
    return any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) or any(
        w.is_title and w.pos_ in ("PROPN", "ADJ") and not w.is_sent_start for w in t.subtree if w.i < t.i)


def _funder_of(verb: Token) -> Token | None:
    """Who pays: the verb's subject, or, for a gerund ("accused X of funding ...", "of shopping for a parliament by
    funding ..."), the one the accusing verb names (its object, or that object's apposition)."""
    from annotator.nlp.claim_tree import subject_of

    subj = subject_of(verb)
    if subj is not None:
        return subj
    t = verb
    for _ in range(4):  # up through "of" / "by" and their gerunds to the accusing verb
        if t.dep_ != "pcomp" or t.head.head is t.head:
            return None
        t = t.head.head
        if t.pos_ == "VERB" and t.dep_ != "pcomp":
            return next((c for c in t.children if c.dep_ == "dobj"), None)
        if t.pos_ in ("NOUN", "PROPN"):  # "accused the bloc's largest member, X, of funding": "of" on the object
            return next((c for c in t.children if c.dep_ == "appos"), t)
    return None


def funded_by_a_polity(span: Span) -> bool:
    """A polity paying a polity's groups, parties, press or members ("accused X of funding pro-independence groups
    in Y", "X is funding the opposition press", "by funding trade seminars for Y's MPs"): outside money buying a
    say, which the codebook calls interference, even beside a union."""
    from annotator.nlp.claim_tree import is_first_person

    for t in span:
        if t.pos_ != "VERB" or t.lemma_.lower() not in lex.FUNDING_WORDS and t.lower_ not in lex.FUNDING_WORDS:
            continue
        funder = _funder_of(t)
        if funder is None or is_first_person(funder) or not (label_of(funder) in ("GPE", "NORP")
                                                            or funder.pos_ == "PROPN" and label_of(funder) != "PERSON"):
            continue
        paid = [c for c in t.children if c.dep_ == "dobj"]
        paid += [g for o in paid for c in o.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
        paid += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
        if any(p.lemma_.lower() in lex.FUNDED_RECIPIENTS or p.lower_ in lex.FUNDED_RECIPIENTS for p in paid):
            return True
    return False


_FUNDED_FROM = ("pooling", "other", "sovereignty", "self_determination")


def bought_say(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Pooling and other claims whose evidence has outside money buying a say ("cultural associations had
    received grants from the X culture ministry"; "when a foreign ministry pays for the choirs"), and pooling,
    other, sovereignty and self-determination claims with a polity paying another's groups, parties or press
    (``funded_by_a_polity``): interference rejected, in favour of the polity's own say."""
    out = []
    for c in claims:
        if c.claim_type in _FUNDED_FROM and c.evidence:
            span = evidence_span(doc, c)
            if span is not None and len(span) and (
                    c.claim_type in _BOUGHT_FROM and _bought(span) or funded_by_a_polity(span)):
                c = c.with_(claim_type="interference", stance="favour", strength=abs(c.strength or 1),
                            aspect="outside_authority")
        out.append(c)
    return out
