"""Claims that no cue word marks: each quote of a speaker, each reported clause, each transcript line (and,
in an editorial, each sentence of its own) is scored by ``claim_field``; at ``THRESHOLD`` signals it becomes
a claim of the voted type, where no claim covers it yet or, on a strong field, where its type is new."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim, Mention, Quote
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_field import (
    THRESHOLD,
    Field,
    denies,
    field_of,
    framed_belongings,
    is_polity_mention,
    predicates_of,
    takes_a_stance,
)
from annotator.nlp.claim_objects import _home, named_place, territory_focus, vote_focus
from annotator.nlp.claim_parts import home_of, mention, polity_near
from annotator.nlp.claim_tree import (
    by_lower,
    is_first_person,
    label_of,
    phrase,
    sentences,
    subject_of,
    text_of,
    unconsulted,
)
from annotator.nlp.claim_types import claimed_place
from annotator.nlp.claim_voice import (
    answer_of,
    is_headline,
    is_interviewer,
    line_speaker,
    political,
    reportings,
    voices,
)
from annotator.nlp.once import sent_of, span_text, tokens, tokens_in

ORIGIN = "rule:claims"
FRAMING = 0.5  # a belonging framed in apposition in the outlet's narrative: just above the bar
VOICED_WORDS = 6  # a fragment quote ("lower the temperature") is no position of its own


def _first(span: Span, test) -> Token | None:
    return next((t for t in span if test(t)), None)


def _place_word(t: Token) -> bool:
    return t.lemma_.lower() in lex.PLACE_NOUNS and t.pos_ == "NOUN" or label_of(t) in ("LOC", "FAC")


def _object(doc: Doc, span: Span, f: Field, typ: str, claimant: Mention | None) -> Mention | None:
    """The claim's object: the predicate's subject, the named place, the union, else the speaker's polity."""
    tok = None
    if typ == "territory" and f.predicate is None and (named := named_place(doc, span)) is not None:
        return mention(doc, *named)
    if f.predicate is not None and typ in ("territory", "sovereignty", "contest", "other") and not is_first_person(
            f.predicate.subject) and f.predicate.subject.pos_ != "PRON":  # "we are a state": the speaker's polity
        tok = f.predicate.subject
    elif typ == "territory":  # "It's Pellish ground": the place noun or name it points at, not the predicate
        verb = f.predicate.subject.head if f.predicate is not None else None
        said = {x.i for c in verb.children if c.dep_ in ("attr", "acomp") for x in c.subtree} if verb else set()
        tok = _first(span, lambda t: _place_word(t) and t.i not in said)
        if tok is None and f.predicate is not None and f.predicate.subject.pos_ == "PRON" and (
                place := territory_focus(doc)) is not None:
            return mention(doc, *place)  # "This is X": what "this" points at is the land the article is about
    elif typ == "pooling":
        tok = _first(span, lambda t: t.lemma_.lower() in lex.FIELD["union"] or t.lower_ in lex.FIELD["union"])
    elif typ == "other":  # the ruling, government or vote whose authority is at stake
        tok = _first(span, lambda t: t.pos_ == "NOUN" and t.lemma_.lower() in lex.AUTHORITY_OBJECTS)
    if tok is not None:
        return mention(doc, *phrase(tok))
    home = home_of(doc, claimant) if typ in ("interference", "sovereignty") else None
    if home is None and f.polity is not None and not is_first_person(f.polity):
        home = phrase(f.polity)
    if home is None:
        home = polity_near(doc, span.root, set())
    return mention(doc, *home) if home else None


def _stance(span: Span, typ: str, f: Field) -> str:
    if f.predicate is not None:
        return "against" if f.predicate.negated else "favour"
    if typ == "territory" and any(t.lower_ in ("our", "ours") for t in span) or typ == "interference":
        return "favour"  # rejecting an outsider's say is the interference claim itself, negated as it usually is
    if typ == "self_determination" and any(
            (t.dep_ == "neg" or t.lower_ in ("never", "nobody", "no")) and unconsulted(t) for t in span):
        return "favour"  # "the valley was never asked": the people's say asserted
    return "against" if denies(span) else "favour"


def _strong(f: Field) -> bool:
    """A predicate (a place said to be a polity's, a polity a state): enough for a second claim on evidence a
    cue claim already holds; field words alone there mostly restate it."""
    return f.score >= 3 and f.predicate is not None


def _our_polity(t: Token) -> bool:
    """ "our country", "our waters", "our courts": a first-person possessive of a polity, place or field noun."""
    h = t.head
    w = {h.lemma_.lower(), h.lower_}
    return t.dep_ == "poss" and bool(w & (lex.POLITY_NOUNS | lex.PLACE_NOUNS | lex.FIELD["authority"]
                                         | lex.FIELD["territory"]))


def _names_a_polity(span: Span) -> bool:
    """A polity named in ``span``, or one the speaker calls "our country", "our coast"."""
    return any(is_polity_mention(t, False) or is_first_person(t) and _our_polity(t) for t in tokens_in(span))


def _claims(doc: Doc, span: Span, ev: Mention, claimant: Mention | None, quoted: bool,
            types: set[str] | None, editorial: bool = False, reported: bool = False) -> list[Claim]:
    """The field claims of ``span``: none, its claim, and one more per further predicate over another place."""
    pol = political(doc, claimant)
    f = field_of(span, quoted and pol)  # "we" is a polity in a political actor's mouth
    if quoted and pol and _names_a_polity(span) and sum(t.is_alpha for t in tokens_in(span)) >= VOICED_WORDS:
        f = replace(f, score=f.score + 1)  # a political actor speaking of a polity in a full sentence: a signal
    if reported and f.polity is None and _a_polity_itself(doc, claimant, span):
        f = replace(f, score=f.score + 1)  # "X says the line should run ...": the polity that says it is the one spoken of
    weak = THRESHOLD if editorial else THRESHOLD + 1  # (an editorial's own sentences have their own bar below)
    if f.score < THRESHOLD or f.score <= weak and f.predicate is None and not takes_a_stance(span) and not (
            reported and pol and _of_status(span)):
        return []  # weak signals need a stance marker (or a political actor's report of status) to make a claim
    if not f.classes and f.predicate is None and not f.peoples_right:
        around = field_of(_context(doc, span), quoted and pol)  # an answer takes its topic from the question
        if not around.classes:
            return []  # nothing in or around it is about sovereignty
        f = replace(f, classes=around.classes, peoples_right=around.peoples_right)
    if types is not None and "interference" not in types and _shuts_out(span):
        # "X is part of Y and no foreign body has any say over it": a second claim, rejecting the outsider
        conf = (0.45 if quoted else 0.4) + (0.1 if pol else 0) + (0.05 if claimant is not None else 0)
        return [Claim(claim_type="interference", evidence=(ev,), claimant=claimant, stance="favour", strength=1,
                      aspect="outside_authority", confidence=round(conf, 3), cue="field", origin=ORIGIN,
                      outlet=claimant is None, note="field: an outsider shut out beside another claim")]
    if editorial and f.score < 3 and not _obliges(span) or types is not None and (f.claim_type in types or not _strong(f)):
        return []
    typ = f.claim_type
    if (typ in ("other", "interference") or typ == "pooling" and f.treaty_only) and claimed_place(span) is not None:
        typ = "territory"  # "Orvania's claim to the bank has no legal basis", "its title to X rests on a treaty"
    stance = _stance(span, typ, f)
    conf = ((0.45 if quoted else 0.4) + (0.1 if claimant is None else 0) + 0.05 * min(f.score - THRESHOLD, 2)
            + (0.1 if pol else 0) - (0.05 if types is not None else 0))
    c = Claim(claim_type=typ, evidence=(ev,), claimant=claimant, target=_object(doc, span, f, typ, claimant),
              stance=stance, strength=1 if stance == "favour" else -1, confidence=round(conf, 3), cue="field",
              origin=ORIGIN, outlet=claimant is None,
              note=f"field {f.score}: " + " ".join(f"{k}={n}" for k, n in sorted(f.classes.items())))
    out, seen = [c], {c.target}
    for p in predicates_of(span) if types is None and typ in ("territory", "sovereignty", "contest") else ():
        # "The strait is X. The islands are X.": one claim a place (a ruling's or a decision's predicate is one)
        m = mention(doc, *phrase(p.subject))
        if p.claim_type == typ and m not in seen and not p.negated and p.subject.pos_ != "PRON":
            seen.add(m)
            out.append(c.with_(target=m))
    return out


def _a_polity_itself(doc: Doc, claimant: Mention | None, clause: Span) -> bool:
    """The claimant is a polity named in the sentence of the clause it reports (a GPE entity, not a person, an office
    or a pronoun resolved to a name further back)."""
    if claimant is None or not len(clause):
        return False
    span = doc.char_span(claimant.start, claimant.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and label_of(span.root) == "GPE" and span.root.pos_ == "PROPN" and (
        sent_of(clause[0]).start <= span.start)


_OBLIGING = frozenset({"should", "must", "ought"})


def _obliges(span: Span) -> bool:
    """The outlet says what a polity or its people must or should do ("this country should accept the result",
    "the island must be allowed to choose"): a modal of obligation on the sentence's main verb, said of a
    subject that is not the paper itself."""
    root = span.root
    subj = subject_of(root)
    return subj is not None and not is_first_person(subj) and any(
        c.dep_ == "aux" and c.lower_ in _OBLIGING for c in root.children)


def _of_status(clause: Span) -> bool:
    """The reported clause's main predicate (its verb, or the adjective or noun it is) says who owns, rules,
    binds or recognises what (``status_predicates``: "the pass was awarded to it", "the award is binding"),
    and its subject is not the speaker's side ("she would write ...")."""
    root = clause.root
    subj = subject_of(root)
    if subj is None or subj.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
        return False
    preds = [root] + [c for c in root.children if c.dep_ in ("acomp", "attr", "xcomp", "conj")]
    return any(p.lemma_.lower() in lex.STATUS_PREDICATES or p.lower_ in lex.STATUS_PREDICATES for p in preds)


_JUDGED = frozenset({"vote", "referendum", "plebiscite", "ballot", "poll", "bill", "law", "plan", "motion", "move",
                     "consultation", "proposal", "that", "this", "it"})


def _voids_a_vote(doc: Doc, clause: Span) -> int:
    """-1 when the reported clause judges a vote, a bill for one or what was just said of one unlawful ("the bill
    was unconstitutional", "X says that is illegal"), +1 when it denies that ("is not illegal"), else 0: in an
    article about a vote on a people's status (its words at least twice), that vote is what is judged."""
    root = clause.root
    subj = subject_of(root)
    if root.lemma_ != "be" or subj is None or subj.lower_ not in _JUDGED and subj.lemma_.lower() not in _JUDGED:
        return 0
    if not any(c.dep_ in ("acomp", "attr") and c.lower_ in lex.DISCREDITING for c in root.children):
        return 0
    index = by_lower(doc)
    if sum(len(index.get(w, ())) for w in lex.STATUS_VOTES) < 2:
        return 0
    return 1 if any(c.dep_ == "neg" for c in root.children) else -1


def _vote_judged(doc: Doc, ev: Mention, claimant: Mention, sign: int) -> Claim:
    voting = vote_focus(doc, _home(doc, claimant))
    stance = "favour" if sign > 0 else "against"
    return Claim(claim_type="self_determination", evidence=(ev,), claimant=claimant, stance=stance, strength=sign,
                 target=mention(doc, *voting) if voting else None, aspect=None, confidence=0.55, cue="field",
                 origin=ORIGIN, note="field: a status vote judged unlawful in a reported clause")


_OUTSIDERS = frozenset({"foreign", "foreigner", "foreigners", "outside", "outsider", "outsiders", "abroad", "overseas"})


def _shuts_out(span: Span) -> bool:
    """An outsider shut out as the subject of a clause: "no foreign body has any competence over it", "nobody
    abroad will decide", "no outside power can change that"."""
    for t in span:
        if t.lower_ not in _OUTSIDERS:
            continue
        np = t.head if t.dep_ in ("amod", "compound", "advmod", "prep") else t
        if np.lower_ in ("nobody", "no-one") or any(c.lower_ == "no" and c.dep_ == "det" for c in np.children):
            if np.dep_ in ("nsubj", "nsubjpass") or np.lower_ in ("nobody",):
                return True
    return False


_MODAL_TAGS = ("MD",)


def asserts_now(sent: Span) -> bool:
    """A position taken as the text speaks: the main verb in the present or with a modal ("is", "regards",
    "will not", "must"), not an event told in the past ("signed", "has taken note", "was elected")."""
    root = sent.root
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in _MODAL_TAGS for c in auxes):
        return True
    if root.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" or c.lemma_ == "have" for c in auxes):
        return False
    return root.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes)


def _context(doc: Doc, span: Span) -> Span:
    """The paragraph around ``span`` and, when the paragraph before it asks a question, that question."""
    text = text_of(doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    end = len(text) if end < 0 else end
    before = text[:start].rstrip()
    if before.endswith("?"):
        start = text.rfind("\n", 0, len(before)) + 1
    return doc.char_span(start, end, alignment_mode="expand") or span


def _types_on(claims: list[Claim], ev: Mention, claimant: Mention | None = None) -> set[str] | None:
    """The claim types already made on evidence overlapping ``ev`` (by ``claimant`` if given), or None."""
    types = {c.claim_type for c in claims for e in c.evidence if e.start < ev.end and ev.start < e.end
             and (claimant is None or c.claimant == claimant)}
    return types or None


FRAGMENT = 0.6  # a quote with fewer than this share of its sentence's words is a fragment of it


def _fragment(quote: Span, sent: Span) -> bool:
    """A quote that is a fragment of the journalist's sentence around it (the quote inside the sentence)."""
    inside = sum(t.is_alpha for t in tokens_in(quote))
    whole = sum(t.is_alpha for t in tokens_in(sent))
    framed = any(t.is_alpha for t in tokens(sent.doc)[sent.start : quote.start])  # the journalist's words come first
    return framed and sent.start <= quote.start and quote.end <= sent.end + 1 and inside < FRAGMENT * whole


def _trimmed(sent: Span) -> Mention:
    text = span_text(sent)
    lead = len(text) - len(text.lstrip())
    return Mention(sent.start_char + lead, sent.start_char + len(text.rstrip()))


def unmarked_claims(doc: Doc, quotes: list[Quote], claims: list[Claim], editorial: bool = False,
                    voice: Mention | None = None, background: int | None = None) -> list[Claim]:
    """Field claims for the quotes, reported clauses and transcript lines (in an editorial, its own sentences;
    in a press release or an op-ed, the issuer's or author's ``voice`` in its own sentences before its
    ``background`` section)."""
    out: list[Claim] = []
    framed: set[int] = set()
    for q in quotes:
        ev = Mention(q.start, q.end)
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if q.speaker is None or span is None or not len(span):
            continue
        sent = sent_of(span[0])
        if is_headline(sent):
            continue  # a headline's quote is the body's, said again
        if _fragment(span, sent) and political(doc, q.speaker):
            # "the minister said the pact “may, in time, be a first step”": the sentence says it
            if sent.start in framed:
                continue
            framed.add(sent.start)
            span = sent.doc[sent.start : max(sent.end, span.end)]
            ev = _trimmed(span)
        out += _claims(doc, span, ev, q.speaker, True, _types_on(claims + out, ev))
    answered: set[int] = set()
    for sent in sentences(doc):
        ev = _trimmed(sent)
        if is_headline(sent) or any(q.start < sent.end_char and sent.start_char < q.end for q in quotes):
            continue
        speaker = line_speaker(sent)
        if speaker is not None and is_interviewer(doc, speaker):
            speaker = None  # the host's question is no claim of the host's; what it reports still counts
        found = reportings(sent)
        if speaker is not None:
            answer = answer_of(sent, speaker) or sent
            if answer.start not in answered:  # the whole answer is one unit, scored once
                answered.add(answer.start)
                ev = _trimmed(answer)
                out += _claims(doc, answer, ev, speaker, True, _types_on(claims + out, ev))
        elif found:
            for n, (who, clause) in enumerate(found):  # a later reporting verb is another claimant's claim
                m = mention(doc, *who)
                made = _claims(doc, clause, ev, m, False, _types_on(claims + out, ev, m if n else None),
                               reported=True)
                if not made and (sign := _voids_a_vote(doc, clause)) and political(doc, m) and not _types_on(
                        claims + out, ev):
                    made = [_vote_judged(doc, ev, m, sign)]
                out += made
        elif voice is not None and sent.start_char < (background or len(text_of(doc))) and voices(voice, sent):
            if asserts_now(sent) or any(is_first_person(t) and t.lower_ != "i" for t in sent):
                # "The Ministry regrets ...", "We did not vote to leave", not "The Ministry today signed ..."
                out += _claims(doc, sent, ev, voice, True, _types_on(claims + out, ev))
        elif editorial:
            out += _claims(doc, sent, ev, None, True, _types_on(claims + out, ev), editorial=True)
        elif "territory" not in (_types_on(claims + out, ev) or ()) and (framed := framed_belongings(sent)):
            # "talks on the Halm Plateau, historically Dravonian land": the outlet's framing of a place
            out.append(Claim(claim_type="territory", evidence=(ev,), claimant=None, outlet=True,
                             target=mention(doc, *phrase(framed[0].subject)), stance="favour", strength=1,
                             aspect="borders", confidence=FRAMING, cue="field", origin=ORIGIN,
                             note="field: a place's belonging framed in apposition"))
    return out
