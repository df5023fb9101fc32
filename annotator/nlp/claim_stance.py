"""Stance and strength of a cue hit from general rules: negation in the cue's clause (a negated subject
with an exception restores it), reversing verbs ("reject", "leave"), discrediting modifiers ("a sham
referendum"), hedges (strength 1) and emphatics (strength 2)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotator.domain import Claim
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_cues import Hit
from annotator.nlp.claim_tree import SUBJECTS, clause_verb, gives_away, refuses_to_bargain, sets_aside
from annotator.nlp.once import text_of


def _negated_subject(verb: Token) -> bool:
    """"no one / nobody / no country governs X", unless an exception follows ("except us")."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subj is None:
        return False
    neg = subj.lower_ in ("nobody", "none", "noone") or any(
        c.lower_ in ("no", "neither") and c.dep_ in ("det", "neg") for c in subj.children)
    if not neg:
        return False
    exception = any(t.lower_ in lex.EXCEPTIONS and t.dep_ in ("prep", "cc", "mark") for t in subj.subtree)
    near = any(t.lower_ in lex.EXCEPTIONS for t in verb.doc[subj.i + 1 : verb.i])
    return not (exception or near)


def _open_to_bargaining(verb: Token) -> bool:
    """ "is not for sale", "is not up for negotiation", "not on the table": the negated predicate of ``verb``
    is one of being open to bargaining, so the negation affirms."""
    for c in verb.children:
        if c.dep_ in ("prep", "acomp", "attr", "advmod", "prt") and any(
                w.lower_ in lex.NEGOTIABLE or w.lemma_.lower() in lex.NEGOTIABLE for w in c.subtree):
            return True
    return False


def _declared_void(a: Token) -> int:
    """1 when the cue is the object of a verb that declares it void ("called the recognition legally void",
    "declared the referendum illegal"): a discrediting complement beside it, else 0."""
    if a.dep_ != "dobj" or a.head is a:
        return 0  # (a cue that is the subject of "was unlawful" is judged by _judged_harmful)
    verb = a.head
    for c in verb.children:
        if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and c.i > a.i:
            words = {c.lower_, c.lemma_.lower()} | {g.lower_ for g in c.children if g.dep_ in ("amod", "advmod")}
            if words & lex.DISCREDITING:
                return 1
    return 0


def _denied_force(a: Token) -> int:
    """1 when the cue is the subject of a verb whose object is denied with "no" ("the referendum would have
    no legal effect", "the council has no standing"), or sits in what someone has "no power / right /
    mandate" to do ("no power to organise a vote on secession"), else 0."""
    t = a
    for _ in range(5):  # "the council had no power to organise a vote on secession"
        if t.head is t or t.dep_ in ("ccomp", "parataxis"):
            break
        t = t.head
        if t.pos_ == "NOUN" and t.lemma_.lower() in _STANDING and any(
                c.lower_ == "no" and c.dep_ == "det" for c in t.children):
            return 1
    if a.dep_ not in ("nsubj", "nsubjpass") or a.head is a:
        return 0
    verb = a.head
    if any(c.dep_ == "neg" for c in verb.children):
        return 0
    return int(any(c.dep_ == "dobj" and any(g.lower_ == "no" and g.dep_ == "det" for g in c.children)
                   for c in verb.children))


_STANDING = frozenset({"power", "right", "authority", "mandate", "competence", "standing", "basis", "jurisdiction"})


def _judged_harmful(a: Token) -> int:
    """1 when the cue sits in the subject of a copula whose predicate judges it a harm ("Joining the union
    would be a mistake"), else 0."""
    t = a
    for _ in range(6):
        if t.dep_ in ("nsubj", "csubj", "nsubjpass"):
            verb = t.head
            if any(c.dep_ == "neg" for c in verb.children):
                return 0  # "is not a surrender of our sovereignty": the judgement is denied
            harms = lex.NEGATIVE_JUDGEMENTS | lex.DISCREDITING  # "would be a mistake", "was unlawful"
            return int(verb.lemma_.lower() in ("be", "prove", "seem", "remain") and any(
                c.dep_ in ("attr", "acomp") and (c.lemma_.lower() in harms or c.lower_ in harms)
                for c in verb.children))
        if t.head is t:
            return 0
        t = t.head
    return 0


def _chain(a: Token, hops: int = 4) -> list[Token]:
    """The heads above ``a``, up to a coordination: "stops asking X and starts governing itself" keeps
    "governing" out of the reach of "stops"."""
    out, t = [], a
    for _ in range(hops):
        if t.head is t or t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):
            break
        t = t.head
        out.append(t)
    return out


def _not_granted(verb: Token) -> bool:
    """A copula whose attribute is a noun of another's grace ("is not a gift", "was never a favour")."""
    return verb.lemma_.lower() == "be" and any(
        c.dep_ == "attr" and c.lemma_.lower() in lex.GRANTING_NOUNS for c in verb.children)


def flips(doc: Doc, hit: Hit) -> int:
    """How many reversals bear on the hit: negations, reversing verbs, discrediting modifiers."""
    a = doc[hit.anchor]
    inside = set(range(hit.start, hit.end))
    verb = clause_verb(a)
    scope = [a, *(t for t in _chain(a) if t.i <= verb.i or t is verb)] if verb is not a else [a]
    if verb not in scope:
        scope.append(verb)
    n = 0
    seen: set[int] = set()
    for t in scope:
        for c in t.children:
            if c.i in seen or (hit.family.negated_inside and c.i in inside) or sets_aside(c) or refuses_to_bargain(c):
                continue
            if c.dep_ == "neg" and _not_granted(t):
                continue  # "autonomy is not a gift from X": a right, not a grace
            if c.dep_ == "neg" or c.lower_ in ("no",) and c.dep_ == "det" and t is a:
                seen.add(c.i)
                n += 0 if c.dep_ == "neg" and _open_to_bargaining(t) else 1
    if _negated_subject(verb):
        n += 1
    reversing = [t for t in [*doc[hit.start : hit.end], *_chain(a, 3)] if t.lemma_.lower() in lex.REVERSING
                 or gives_away(t)]
    if hit.family.negated_inside:
        reversing = [t for t in reversing if t.i not in inside]
    n += len({t.i for t in reversing if t.i != a.i})
    n += _judged_harmful(a) + _denied_force(a) + _declared_void(a)
    n += int(a.dep_ == "pobj" and a.head.lower_ in lex.LEAVING_PREPOSITIONS)  # "outside every bloc"
    n += sum(1 for t in _chain(a, 3) if t.lower_ in lex.LEAVING_PARTICLES and t.head is not t
             and t.head.pos_ == "VERB" and t.head.lemma_.lower() not in lex.REVERSING)  # "stay out of the union"
    if a.lemma_.lower() not in hit.family.against and hit.family.claim_type != "contest":
        n += sum(1 for c in a.children if c.dep_ in ("amod", "advmod") and c.lower_ in lex.DISCREDITING)
    return n


def polarity(doc: Doc, hit: Hit) -> int:
    """+1 favour or -1 against."""
    fam = hit.family
    base = -1 if doc[hit.anchor].lemma_.lower() in fam.against else fam.polarity
    if fam.negation_flips and flips(doc, hit) % 2:
        return -base
    return base


def strength(doc: Doc, hit: Hit, sign: int, lo: int, hi: int) -> int:
    """±2 for an emphatic claim, ±1 for a plain or hedged one, over the evidence tokens ``[lo, hi)``."""
    toks = doc[lo:hi]
    lower = " ".join(t.lower_ for t in toks)
    hedged = any(t.lower_ in lex.HEDGES and t.pos_ in ("AUX", "ADV", "VERB", "DET") for t in toks) or any(
        p in lower for p in lex.HEDGE_PHRASES)
    emphatic = any(t.lower_ in lex.EMPHATICS or t.lemma_.lower() in lex.EMPHATICS for t in toks) or any(
        p in lower for p in lex.EMPHATIC_PHRASES)
    return sign * (1 if hedged or not emphatic else 2)


def neutral_stance(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A claim whose evidence declares that its speaker takes no side ("takes no view on where the line runs",
    "neither supports nor opposes membership", "I'd take no side on the outcome") is neutral, whatever the
    field's or the detector's reading of the words around it (a cue claim already is, by ``NEUTRAL_PHRASES`` in
    its clause), and of the type of what it takes no side on, when the words after the phrase say it."""
    text = text_of(doc)
    out = []
    for c in claims:
        if c.evidence:
            said = " ".join(" ".join(text[e.start : e.end].lower().split()) for e in c.evidence)
            found = next((p for p in lex.NEUTRAL_PHRASES if p in said), None)
            if found is not None:
                typ = _neutral_on(said, found) or c.claim_type
                if any(o is not c and o.claim_type == typ and o.start < c.end and c.start < o.end for o in claims):
                    typ = c.claim_type  # a claim of that type over these words already says it
                c = c.with_(stance="neutral", strength=0, claim_type=typ)
        out.append(c)
    return out


_LINES = frozenset({"line", "lines", "boundary", "boundaries", "title", "titles"})


def _neutral_on(said: str, phrase: str) -> str | None:
    """What a speaker takes no side on, from the words after the phrase in its clause: a vote
    (self-determination), membership of a union (pooling) or a line, title or place (territory); None when
    they name none of these or more than one."""
    after = said[said.index(phrase) + len(phrase):]
    words = [w.strip(".,;:!?\"'“”’") for w in after.split()[:12]]
    words = words[: next((i for i, w in enumerate(words) if w in ("and", "but")), len(words))]
    kinds = {k for w in words for k, vocab in (
        ("self_determination", lex.FIELD["vote"] | {"ballot", "secession", "independence"}),
        ("pooling", lex.FIELD["union"] | lex.MEMBERSHIP_WORDS),
        ("territory", lex.FIELD["territory"] | _LINES)) if w in vocab}
    return kinds.pop() if len(kinds) == 1 else None
