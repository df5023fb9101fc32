"""Claim suggestions from sovereignty cue families: ``find_claims(doc, quotes) -> list[Claim]``.

Each cue hit (``claim_cues``, checked by ``claim_guards``) becomes a claim whose evidence is the quote
holding it, else its sentence; the claimant is the quote's speaker, else the subject of the reporting
verb, else the outlet (for assertive sentences only); object and addressee come from ``claim_parts``,
stance and strength from ``claim_stance``. One claim per (evidence, type); a speaker's
consecutive quotes in one paragraph making the same claim become one claim with several evidence spans.
Sentences no rule claim covers that the learned detector (``claim_detector``) scores above its threshold
add one low-confidence claim each (``cue="detector"``).
``annotator_claims`` (after ``annotator_quotes``) leaves them on ``doc.spans["claims"]`` (``span._.claim``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.domain import Claim, Mention, Quote
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_ceding import ceding_stance
from annotator.nlp.claim_cues import Hit, raw_hits
from annotator.nlp.claim_depicted import depicted_claims
from annotator.nlp.claim_detector import detected_claims
from annotator.nlp.claim_guards import passes, told_with_its_year
from annotator.nlp.claim_interference import aimed, defended_home, dismissed, in_outsiders_act, unpooled
from annotator.nlp.claim_objects import (
    _home,
    filled_object,
    focused,
    one_per_object,
    retyped,
    sharpen,
    sound_object,
    vote_focus,
)
from annotator.nlp.claim_parts import CLAIMANT_VERBS, mention, reported_claimant, speaker_phrase, target_and_addressee
from annotator.nlp.claim_pooled import pooled_sovereignty, threshold_talk
from annotator.nlp.claim_precedence import bought_say, ceded_to_union, land_beside, peoples_votes, polity_decides
from annotator.nlp.claim_region import regions_status, status_votes
from annotator.nlp.claim_rejected_ruling import ruling_beside
from annotator.nlp.claim_rejected_title import title_rejected
from annotator.nlp.claim_stance import neutral_stance, polarity, strength
from annotator.nlp.claim_tree import (
    clause_verb,
    evidence_span,
    is_first_person,
    is_place,
    is_polity,
    label_of,
    names_the_speaker,
    object_of,
    owner_of,
    phrase,
    pobj,
    status_outcome,
    subject_of,
    text_of,
)
from annotator.nlp.claim_types import (
    bodys_competence,
    decided_at_home,
    governed_not_owned,
    outsider_shut_out,
    own_say_on_a_union,
    peoples_choice,
    say_stance,
    sovereignty_of_land,
    standing_denied,
    union_vote,
)
from annotator.nlp.claim_unmarked import asserts_now, unmarked_claims
from annotator.nlp.claim_voice import (
    answer_of,
    author,
    background_start,
    is_dateline,
    is_editorial,
    is_headline,
    is_interviewer,
    issuer,
    line_speaker,
    political,
    reporting,
    voices,
)
from annotator.nlp.lexicon import REPORTING_VERBS
from annotator.nlp.once import sent_of

__all__ = ["find_claims"]

CLAIMS_KEY = "claims"
ORIGIN = "rule:claims"
if not Span.has_extension("claim"):
    Span.set_extension("claim", default=None)


def _sentence(doc: Doc, tok) -> Mention:
    return _trim(sent_of(tok))


def _trim(sent: Span) -> Mention:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return Mention(sent.start_char + lead, sent.start_char + len(text.rstrip()))


def _assertive(doc: Doc, hit: Hit) -> bool:
    """An unattributed sentence is the outlet's own claim only when it asserts (must, should, sham ...)."""
    sent = sent_of(doc[hit.anchor])
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    return bool(words & lex.ASSERTIVE)


def _full_sentence(sent: Span) -> bool:
    """``sent`` ends as a sentence does (not a title line cut by the parser: "X signs protocol to")."""
    return sent.text.rstrip()[-1:] in (".", "!", "?", "\"", "”")


def _neutral(a) -> bool:
    """The cue sits in a clause that takes no position ("took no position on sovereignty")."""
    verb = clause_verb(a)
    clause = " ".join(t.lower_ for t in verb.subtree)
    return any(p in clause for p in lex.NEUTRAL_PHRASES)


def _reported(a) -> bool:
    """The cue sits in the clause a reporting verb reports ("X said that ..."), not in narrative."""
    found = reporting(sent_of(a))
    return found is not None and found[1].start <= a.i < found[1].end


def _confidence(quoted: bool, claimant: bool, outlet: bool, target: bool, q: Quote | None, said: bool,
                editorial: bool = False, dateline: bool = False, voiced: bool = False, discredits: bool = False) -> float:
    """Quoted and attributed highest; a reported clause next; then a political actor's present-tense position
    (``voiced``: "the Ministry reiterates that ..."); narrative, and the outlet outside editorials, low, unless the
    outlet itself discredits a body in its own words (``discredits``: "the self-styled council has no mandate")."""
    base = 0.75 if quoted and claimant else 0.55 if quoted else (0.6 if said else 0.5 if voiced else 0.45) if claimant else (
        (0.6 if editorial else 0.5 if discredits else 0.4) if outlet else 0.35)
    if q is not None and claimant:
        base *= 0.8 + 0.2 * q.confidence
    return round(base - (0 if target else 0.15) - (0.15 if dateline else 0), 3)


def _voiced(doc: Doc, a, claimant: Mention) -> bool:
    """A political actor (an office, body or polity) as the subject of a present-tense verb or a stance verb:
    a position taken now, not a past event told ("declared independence in 1993")."""
    if not political(doc, claimant):
        return False
    span = doc.char_span(claimant.start, claimant.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.pos_ == "PRON" or span.root.tag_ == "WDT":
        return False
    verb = span.root.head
    return verb.tag_ in ("VBZ", "VBP") or verb.lemma_.lower() in lex.STANCE_VERBS


def _affirmed_for_another(a) -> bool:
    """The cue is the object of a verb (or noun) of respect or support and belongs to a polity other than the
    speaker's: nobody "respects" or "supports" their own sovereignty ("respects the sovereignty of Y",
    "reaffirms its support for the independence of Y"); "respect our sovereignty" stays the speaker's own."""
    owner = owner_of(a)
    if owner is None and a.dep_ == "conj":  # "the sovereignty and territorial integrity of Y"
        owner = owner_of(a.head)
    if owner is None or is_first_person(owner) or not is_polity(owner):
        return False
    t = a
    for _ in range(3):
        if t.head is t:
            return False
        t = t.head
        if t.lemma_.lower() in lex.AFFIRMING:
            return True
    return False


_RECOGNISING = frozenset({"recognise", "recognize", "recognition"})
_STATE_WORDS = frozenset({"state", "republic", "country", "nation", "kingdom", "principality"})


def _as_verb(a, lemmas: frozenset[str]):
    """The verb with a lemma in ``lemmas`` whose "as" phrase holds ``a`` (within four heads above it), else None."""
    t = a
    for _ in range(4):
        if t.head is t:
            return None
        t = t.head
        if t.lower_ == "as" and t.head.lemma_.lower() in lemmas and t.head.pos_ == "VERB":
            return t.head
    return None


def _recognised_as(a):
    """The verb of recognition a cue is the "as" complement of ("recognised X as an independent state")."""
    return _as_verb(a, _RECOGNISING)


_REGARDING = frozenset({"regard", "consider", "treat", "view", "see"})


def _regarded_as(a):
    """The object of "regard / consider X as" a sovereignty cue is in the "as" phrase of ("regarded the
    Republic of Y as a sovereign state"), when X is not the speaker's own ("we"); else None."""
    if a.dep_ != "amod" or a.head.lemma_.lower() not in _STATE_WORDS:
        return None  # "as a sovereign state", not "as a vote on independence"
    verb = _as_verb(a, _REGARDING)
    if verb is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and not is_first_person(obj) and obj.pos_ != "PRON" else None


def _recognition_of(a):
    """The verb of recognition whose object a sovereignty noun is ("does not recognise the independence of Y",
    "recognised Y's sovereignty"): recognising or refusing another's statehood, a contest claim."""
    if a.pos_ != "NOUN" or a.dep_ != "dobj" or a.head.pos_ != "VERB" or a.head.lemma_.lower() not in _RECOGNISING:
        return None
    return a.head


def _recognition_sign(verb) -> int:
    """+1 for a recognition granted, -1 refused: a negation of the verb, or of a verb it is conjoined with
    ("does not and will not recognise"), or a refusing verb above it; the reporter's or speaker's own
    "so-called" beside the object denies nothing more."""
    heads = [verb] + ([verb.head] if verb.dep_ in ("conj", "xcomp") and verb.head is not verb else [])
    heads += [c for c in verb.children if c.dep_ == "conj"]
    refused = any(c.dep_ == "neg" for h in heads for c in h.children) or any(
        h.lemma_.lower() in lex.REVERSING for h in heads if h is not verb)
    return -1 if refused else 1


def _describes_the_recognised(a) -> bool:
    """A contest word modifying what a verb of recognition grants ("recognised the breakaway republic as a
    state"): the reporter's description of it, not a claim; the recognition is the claim."""
    head = a if a.dep_ == "dobj" else a.head  # the parser may make the modifier the object itself
    if a.dep_ not in ("amod", "compound", "dobj") or head is a.head is a or head.dep_ != "dobj":
        return False
    verb = head.head
    return verb.lemma_.lower() in _RECOGNISING and verb.pos_ == "VERB" and _recognition_sign(verb) > 0


def _vote_question(a) -> bool:
    """``a`` is what a vote is on ("a referendum on full independence", "a vote about sovereignty")."""
    prep = a.head
    return a.dep_ == "pobj" and prep.lower_ in ("on", "about", "over") and prep.head is not prep and (
        prep.head.lemma_.lower() in lex.FIELD["vote"] and prep.head.pos_ == "NOUN")


def _recognised(a):
    """What a recognition cue is about: the object of "recognise", the owner of "recognition"."""
    return object_of(a) if a.pos_ == "VERB" else owner_of(a)


def _a_state(tok) -> bool:
    """``tok`` names a state (a GPE, "the Republic of X", "a state"), not a government, body or ruling."""
    if tok is None or tok.lemma_.lower() in lex.AUTHORITY_OBJECTS or tok.lower_ in lex.AUTHORITY_OBJECTS:
        return False
    if (tok.lemma_.lower() in lex.STATEHOOD_ACTS or tok.lower_ in lex.STATEHOOD_ACTS) and tok.pos_ == "NOUN":
        return True  # "does not recognise the declaration": a state's founding act, its statehood
    if tok.pos_ == "PROPN" and not label_of(tok) and not is_first_person(tok):
        return True  # an untagged name recognised ("will not recognise" Vardosk): a polity, as ``is_polity`` has it
    span = tok.doc[slice(*phrase(tok))]
    return label_of(tok) == "GPE" or any(t.lower_ in _STATE_WORDS or t.lemma_.lower() in _STATE_WORDS for t in span)


def _unsaid(a) -> bool:
    """The cue sits in what someone is reported not to have said ("She did not say the island belonged to X"):
    the complement of a negated verb of saying claims nothing for its subject."""
    t = a
    for _ in range(6):
        if t.head is t:
            return False
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in lex.SAYING_VERBS:
            return any(c.dep_ == "neg" for c in t.head.children)
        t = t.head
    return False


def _unnamed_in_statehood(doc: Doc, tok) -> bool:
    """Recognition with nothing named that could be a government, a body or a ruling ("no recognition for now",
    "the recognition of a fiction"), in an article that speaks of a polity's statehood (its independence, its
    declaration, a so-called republic): the recognition at stake is the state's."""
    if tok is not None and (tok.lemma_.lower() in lex.AUTHORITY_OBJECTS or tok.lower_ in lex.AUTHORITY_OBJECTS
                            or tok.pos_ == "PROPN" or label_of(tok) in ("PERSON", "ORG")):
        return False
    return (tok is None or tok.pos_ == "NOUN") and _speaks_of_statehood(doc)


def _speaks_of_statehood(doc: Doc) -> bool:
    return any(t.lemma_.lower() in lex.STATEHOOD_ACTS or t.lower_ in lex.STATEHOOD_ACTS for t in doc)


def _claim(doc: Doc, hit: Hit, quotes: list[Quote], editorial: bool = False,
           issued_by: Mention | None = None) -> Claim | None:
    a = doc[hit.anchor]
    q = next((q for q in quotes if q.start <= a.idx < q.end), None)
    outlet, speaker = False, None
    if q is not None:
        evidence, claimant = Mention(q.start, q.end), q.speaker
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        lo, hi = span.start, span.end
    else:
        if is_headline(sent_of(a)) or _unsaid(a) or told_with_its_year(a) and not _reported(a):
            return None  # a headline, what was not said, the narrator's dated history
        evidence = _sentence(doc, a)
        found = reported_claimant(a)
        speaker = line_speaker(sent_of(a))
        if speaker is not None and is_interviewer(doc, speaker):
            if found is None:
                return None  # a host's question claims nothing; a claim it reports is its subject's
            speaker = None
        claimant = speaker or (mention(doc, *found) if found else None)
        lo, hi = sent_of(a).start, sent_of(a).end
        answer = answer_of(sent_of(a), speaker) if speaker is not None else None
        if answer is not None:  # a transcript answer is said as one, like a quote
            evidence, lo, hi = _trim(answer), answer.start, answer.end
        if claimant is None and issued_by is not None and (_assertive(doc, hit) or sent_of(a).root.lemma_ == "be"
                                                           or asserts_now(sent_of(a)) and _full_sentence(sent_of(a))):
            claimant = issued_by  # a press release's own assertions (its present-tense positions) are its issuer's
        if claimant is None:
            if not (editorial or _assertive(doc, hit) or hit.family.claim_type == "contest" and a.pos_ in ("ADJ", "VERB")):
                return None
            outlet = True
    if claimant is not None and claimant.start <= a.idx < claimant.end or names_the_speaker(a, CLAIMANT_VERBS):
        return None  # the cue names the speaker ("the Continental Union says ..."), not what is claimed
    if hit.family.claim_type == "contest" and _describes_the_recognised(a):
        return None
    if hit.family.claim_type == "sovereignty" and _vote_question(a):
        return None  # "a referendum on independence": the vote is the claim (self-determination), not a second one
    said = _reported(a) or q is None and speaker is not None or (issued_by is not None and claimant is issued_by)
    target, addressee = target_and_addressee(doc, hit, claimant)
    claim_type = hit.family.claim_type
    recognition = None
    over = pobj(a, ("over",)) if claim_type == "sovereignty" and a.pos_ == "NOUN" else None
    if over is not None and (is_place(over) or is_polity(over)):  # sovereignty over a place: a territorial claim
        claim_type, target = "territory", mention(doc, *phrase(over))
    elif claim_type in ("sovereignty", "territory") and _affirmed_for_another(a):
        claim_type = "contest"  # "X respects the sovereignty of Y": affirming another's, as the codebook has it
    elif claim_type == "sovereignty" and (recogniser := _recognised_as(a)) is not None:
        claim_type = "contest"  # "recognised X as an independent state": the recognition's own claim
        obj = object_of(recogniser)
        named = next((c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) if obj else None
        obj = named or obj  # "recognised the breakaway, the Republic of Y, as ...": the name
        target = mention(doc, *phrase(obj)) if obj is not None else target
    elif claim_type == "sovereignty" and (recogniser := _recognition_of(a)) is not None:
        claim_type = "contest"  # "does not recognise the so-called independence of Y": Y's statehood refused
        owner = owner_of(a)
        target = mention(doc, *phrase(owner)) if owner is not None and is_polity(owner) else target
        recognition = _recognition_sign(recogniser)
    elif claim_type == "sovereignty" and (regarded_obj := _regarded_as(a)) is not None:
        claim_type = "contest"  # "regarded the Republic of Y as a fully sovereign state"
        target = mention(doc, *phrase(regarded_obj))
    elif claim_type == "sovereignty" and in_outsiders_act(a):
        claim_type = "interference"  # "no mandate to judge a sovereign state": the outsider is rejected
    elif a.lemma_.lower() in _RECOGNISING and claim_type in ("contest", "other") and status_outcome(_recognised(a)):
        claim_type, target = "self_determination", None  # (not) recognising a status vote's outcome: the people's say
    elif a.lemma_.lower() in _RECOGNISING and claim_type in ("contest", "other"):
        # (not) recognising a state is about its statehood; a government's, a council's or a ruling's is "other"
        recognised = _recognised(a)
        claim_type = "contest" if _a_state(recognised) or _unnamed_in_statehood(doc, recognised) else "other"
        if recognised is not None and recognised.lemma_.lower() in lex.STATEHOOD_ACTS and recognised.pos_ == "NOUN":
            owner = owner_of(recognised)  # "the region's independence", "the declaration": the polity, not the act
            target = mention(doc, *phrase(owner)) if owner is not None and is_polity(owner) else None
            if a.pos_ == "VERB":
                recognition = _recognition_sign(a)
    if target is None and claim_type == "self_determination" and (
            voting := vote_focus(doc, _home(doc, claimant))):
        target = mention(doc, *voting)  # the people whose vote the article is about, as ``focused`` makes it
    sign = recognition if recognition is not None else polarity(doc, hit)
    stance = "favour" if sign > 0 else "against"
    if _neutral(a):
        stance, sign = "neutral", 0
    return Claim(
        claim_type=claim_type,
        evidence=(evidence,),
        claimant=claimant,
        target=target,
        addressee=addressee,
        stance=stance,
        strength=strength(doc, hit, sign, lo, hi),
        aspect=hit.family.aspect,
        outlet=outlet,
        confidence=_confidence(q is not None, claimant is not None, outlet, target is not None, q, said,
                               editorial, q is None and not said and is_dateline(sent_of(a)),
                               q is None and claimant is not None and _voiced(doc, a, claimant),
                               claim_type == "contest" and hit.family.claim_type == "contest"),
        cue=hit.family.name,
        origin=ORIGIN,
    )


def _key(text: str, m: Mention | None) -> str:
    if m is None:
        return ""
    t = m.text_in(text).lower().strip()
    return t[4:] if t.startswith("the ") else t


def _same_thing(x: str, y: str) -> bool:
    return not x or not y or x == y or x in y or y in x


def _merge(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """One claim per (evidence, type, object); then a speaker's run of same claims in a paragraph joins."""
    text = text_of(doc)
    out: list[Claim] = []
    for c in claims:
        # one claim per evidence and type: a second cue of the same type in one quote or sentence nearly always
        # restates the first claim (several objects there were false positives on the dev set)
        twin = next((o for o in out if o.evidence == c.evidence and o.claim_type == c.claim_type), None)
        if twin is None:
            out.append(c)
        elif twin.target is None and c.target is not None:
            out[out.index(twin)] = c.with_(strength=_stronger(twin, c), confidence=max(twin.confidence, c.confidence))
        else:
            out[out.index(twin)] = twin.with_(strength=_stronger(twin, c))
    joined: list[Claim] = []
    for c in out:
        prev = next((o for o in reversed(joined) if o.claim_type == c.claim_type), None)
        if (prev is not None and prev.claimant is not None and c.claimant is not None and prev.stance == c.stance
                and _key(text, prev.claimant) == _key(text, c.claimant)
                and _same_thing(_key(text, prev.target), _key(text, c.target))
                and "\n\n" not in text[prev.end : c.start] and prev.evidence != c.evidence
                and c.start - prev.end < 400):
            joined[joined.index(prev)] = prev.with_(
                evidence=prev.evidence + tuple(e for e in c.evidence if e not in prev.evidence),
                target=prev.target or c.target, strength=_stronger(prev, c))
        else:
            joined.append(c)
    return joined


def _stronger(x: Claim, y: Claim) -> int | None:
    vals = [v for v in (x.strength, y.strength) if v is not None]
    return max(vals, key=abs) if vals else None


def _with_sentences(work: Doc) -> Doc:
    """Sentence starts after . ! ? and line breaks, for an unparsed Doc (the working copy, never the caller's)."""
    for t in work:
        prev = work[t.i - 1] if t.i else None
        t.is_sent_start = t.i == 0 or prev.text in (".", "!", "?") or "\n" in prev.text_with_ws
    return work


MIN_CONFIDENCE = 0.48  # the best dev recall at precision >= 0.7 (benchmarks/claims.py); weaker ones stay out


def find_claims(doc: Doc, quotes: list[Quote] | None = None, min_confidence: float = MIN_CONFIDENCE) -> list[Claim]:
    """Suggested claims in ``doc`` of at least ``min_confidence``, in text order; ``quotes`` are the
    document's quotes (found if None)."""
    if quotes is None:
        from annotator.nlp.quotes import find_quotes

        quotes = find_quotes(doc)
    from annotator.nlp.quotes import with_sound_tree

    doc = with_sound_tree(doc)  # an unparsed Doc's tree can crash spaCy; the copy has the same offsets
    if not doc.has_annotation("SENT_START"):
        doc = _with_sentences(doc)
    spoken = [q for q in quotes if q.kind == "quote"]
    claims = []
    editorial = is_editorial(doc, spoken)
    issued_by = issuer(doc) or author(doc)  # a release's issuer, an op-ed's author: the voice of its own lines
    after = background_start(doc)
    for hit in raw_hits(doc):
        if not passes(hit, doc):
            continue
        c = _claim(doc, hit, spoken, editorial, issued_by if doc[hit.anchor].idx < after else None)
        if c is not None:
            claims.append(c)
    claims = _merge(doc, claims)
    claims += unmarked_claims(doc, spoken, [c for c in claims if c.confidence >= min_confidence], editorial,
                              issued_by, after)
    claims += depicted_claims(doc, [c for c in claims if c.confidence >= min_confidence])
    claims = one_per_object(doc, unpooled(doc, peoples_votes(doc, [
        standing_denied(doc, union_vote(doc, polity_decides(doc, sound_object(doc, focused(doc, retyped(doc, peoples_choice(doc, aimed(doc, decided_at_home(doc, sharpen(doc, bodys_competence(doc, governed_not_owned(doc, sovereignty_of_land(doc, c)))))))))))))
        for c in claims if c.confidence >= min_confidence])))
    if issued_by is not None:
        claims = [_as_issuer(doc, c, issued_by) for c in claims]
    claims = one_per_type(claims)
    # the learned detector's sentences no rule claim covers, at the threshold like every suggestion
    claims += [focused(doc, sharpen(doc, filled_object(doc, _in_voice(doc, c, issued_by, after)))) for c in detected_claims(doc, quotes, claims)
               if c.confidence >= min_confidence]
    claims = ceding_stance(doc, dismissed(doc, bought_say(doc, threshold_talk(doc, pooled_sovereignty(doc, ceded_to_union(doc, status_votes(doc, regions_status(doc, claims))))))))
    claims = neutral_stance(doc, say_stance(doc, [outsider_shut_out(doc, own_say_on_a_union(doc, c)) for c in claims]))
    claims = title_rejected(doc, ruling_beside(doc, defended_home(doc, land_beside(doc, claims))))
    claims = [r for r in (_reported_before_asking(doc, c) if _only_asks(doc, c) else c for c in claims)
              if r is not None and not _about_its_reporting(doc, r)]
    claims = [h for h in (_hosts_report(doc, c) for c in claims) if h is not None]
    return sorted(claims, key=lambda c: (c.start, c.end))


_ASKER_SELF = frozenset({"i", "we", "our", "us", "my", "me", "ours"})


def _only_asks(doc: Doc, c: Claim) -> bool:
    """The evidence ends with a question and no one in it speaks for a side ("And the union?", "Q. Would you
    accept a vote?", "Welcome back ... what does recognition change?"): an interviewer's or host's turn asks, it
    claims nothing; a speaker's own rhetorical question ("Why would we swap our union for theirs?") stays."""
    text = text_of(doc)
    last = max(c.evidence, key=lambda e: e.end)
    said = text[last.start : last.end].rstrip(" \"'”’)")
    if not said.endswith("?"):
        return False
    words = {w.strip(".,;:!?\"'“”‘’").lower() for e in c.evidence for w in text[e.start : e.end].split()}
    return not words & _ASKER_SELF


def _reported_before_asking(doc: Doc, c: Claim) -> Claim | None:
    """A host's or journalist's line that reports a position before it asks ("QUESTION: The farmers' union says
    the quota deal sells out the coast. Will you renegotiate it?"): the question claims nothing, but the
    sentence before it reports its subject's claim, which is that claim's evidence (the first such sentence
    after the line's label, its reporting verb's subject named, not the asker's "I" or "we"); with none, the
    line gives no claim."""
    span = evidence_span(doc, c)
    if span is None or not len(span):
        return None
    text = text_of(doc)
    for sent in {sent_of(t).start: sent_of(t) for t in span}.values():
        if "?" in text[sent.start_char : sent.end_char]:
            continue  # the question, or a sentence that asks inside it ("Who else should decide?" she asks)
        line = text.rfind("\n", 0, sent.start_char) + 1
        label = _LINE_LABEL.match(text, line)
        body = doc.char_span(max(sent.start_char, label.end() if label else line), sent.end_char,
                             alignment_mode="contract")
        who = _reporter(body) if body is not None and len(body) else None
        if who is not None:
            return c.with_(evidence=(_trim(body),), claimant=mention(doc, *who), outlet=False)
    return None


_LINE_LABEL = re.compile(r"[ \t]*[^\n:.?!]{1,40}:[ \t]+")  # a transcript line's "HOST: ", "QUESTION (Radio X): "


def _named(subj) -> tuple[int, int] | None:
    """A reporting verb's subject as a speaker's phrase, unless it is a pronoun or the speaker's own "I"/"we"."""
    if subj is None or subj.pos_ == "PRON" or subj.lower_ in _ASKER_SELF:
        return None
    return speaker_phrase(subj)


def _reporter(body: Span) -> tuple[int, int] | None:
    """Who ``body`` reports: the named subject of a reporting verb with the clause it reports ("the union says
    the deal ..."), or of one a first person quotes ("the minister said, and I'm quoting, "...""; the verb of
    quoting joined to the minister's)."""
    for v in body:
        if v.pos_ != "VERB" or v.lemma_.lower() not in REPORTING_VERBS:
            continue
        subj = next((c for c in reversed(list(v.children)) if c.dep_ in ("nsubj", "nsubjpass")
                     and c.i >= body.start), None)
        reports = any(c.dep_ == "ccomp" for c in v.children) or any(
            c.dep_ == "conj" and c.pos_ == "VERB" and (s := subject_of(c)) is not None
            and s.lower_ in _ASKER_SELF and any(g.dep_ == "ccomp" for g in c.children) for c in v.children)
        if reports and (found := _named(subj)) is not None:
            return found
    return None


def _hosts_report(doc: Doc, c: Claim) -> Claim | None:
    """A transcript host's or a Q./A. question's line ("HOST: The opposition says you would be trading our courts
    for theirs."): the label that opens a line of questions asks and claims nothing, so a claim given to it, or to
    whoever the quote finder gave that line (a question turn is its interviewer's quote, or no one's), is the one
    its line reports, its reporting verb's subject's; with no one reported, the line gives no claim."""
    if c.outlet or not (c.claimant is not None and _asks(doc, c.claimant) or _asked_on(doc, c)):
        return c
    span = evidence_span(doc, c)
    found = next((r for r in (reported_claimant(t) for t in span) if r is not None), None) if span else None
    return c.with_(claimant=mention(doc, *found)) if found is not None else None


def _asked_on(doc: Doc, c: Claim) -> bool:
    """The claim's evidence opens on a line a transcript's or an interview's asker speaks ("Q. The minister says ...")."""
    span = evidence_span(doc, c)
    speaker = line_speaker(sent_of(span[0])) if span is not None and len(span) else None
    return speaker is not None and is_interviewer(doc, speaker)


def _asks(doc: Doc, m: Mention) -> bool:
    """``m`` is the label opening a line ("HOST", "Q.") of a transcript head or mark whose lines are questions."""
    text = text_of(doc)
    if text[text.rfind("\n", 0, m.start) + 1 : m.start].strip():
        return False
    name = text[m.start : m.end].rstrip(".:")
    return bool(name) and is_interviewer(doc, Mention(m.start, m.start + len(name)))


def _about_its_reporting(doc: Doc, c: Claim) -> bool:
    """An outlet's line about its own reporting ("Welcome to our live coverage of the vote", "Our reporter in X
    heard from both sides"): "our" before a noun of reporting work, in the outlet's voice; it tells what the outlet
    covers and claims nothing. A claimant's words to "our correspondent" are the claimant's, and stay."""
    if c.claimant is not None and not c.outlet:
        return False
    span = evidence_span(doc, c)
    return span is not None and any(
        t.lower_ == "our" and (t.head.lower_ in lex.REPORTING_WORK or t.head.lemma_.lower() in lex.REPORTING_WORK)
        for t in span)


def _in_voice(doc: Doc, c: Claim, issued_by: Mention | None, after: int) -> Claim:
    """A detector claim left to the outlet, on a line of a release's issuer or an op-ed's author in their own
    voice (before the release's background section): the issuer's or author's claim, as the rules' are."""
    if issued_by is None or not c.outlet or c.start >= after:
        return c
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not len(span) or not voices(issued_by, sent_of(span[0])):
        return c
    return c.with_(claimant=issued_by, outlet=False)


def _as_issuer(doc: Doc, c: Claim, issued_by: Mention) -> Claim:
    """ "The Government reiterates ..." in a release the Government of X issued: the issuer, by its full name."""
    if c.claimant is None or c.claimant == issued_by:
        return c
    text = text_of(doc)
    words = text[c.claimant.start : c.claimant.end].split()
    body = {w.lower() for w in text[issued_by.start : issued_by.end].split()}
    if len(words) == 2 and words[0].lower() == "the" and words[1].lower() in body:
        return c.with_(claimant=issued_by)
    return c


def one_per_type(claims: list[Claim]) -> list[Claim]:
    """One claim per evidence, type and object once retyping is done (a sovereignty cue read as
    self-determination beside a self-determination cue in the same words): the more confident stays."""
    best: dict[tuple, Claim] = {}
    for c in claims:
        key = (c.evidence, c.claim_type, c.target)
        if key not in best or c.confidence > best[key].confidence:
            best[key] = c
    return [c for c in claims if best[(c.evidence, c.claim_type, c.target)] is c]


@Language.component("annotator_claims")
def claims_component(doc: Doc) -> Doc:
    """Claim suggestions onto ``doc.spans["claims"]``, one span per claim (its first evidence) with
    ``span._.claim``; add after ``annotator_quotes`` (whose quotes it reads) or alone."""
    from annotator.nlp.quotes import find_quotes

    spans = []
    for c in find_claims(doc, find_quotes(doc)):
        span = evidence_span(doc, c)
        if span is not None and len(span):
            span._.claim = c
            spans.append(span)
    doc.spans[CLAIMS_KEY] = spans
    return doc
