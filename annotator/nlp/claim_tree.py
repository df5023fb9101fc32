"""Small readings of the parse for claims: a token's phrase, its clause, subject and object, what it names."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from annotator.nlp.claim_lexicon import (
    CONSULTING_VERBS,
    DEMONYM_SUFFIXES,
    DEPENDENCY_NOUNS,
    ELECTIONS,
    FIELD,
    FIRST_PERSON,
    LOCATED_POLITY_HEADS,
    NEGOTIATING,
    PLACE_LABELS,
    PLACE_NOUNS,
    POLITY_LABELS,
    POLITY_NOUNS,
    SEAT_PREPOSITIONS,
    STATUS_VOTES,
    UNION_NAMES,
    YIELDING,
)
from annotator.nlp.once import by_lower, ents, sent_of, sentences, text_of, tokens, tokens_in, words  # noqa: F401  (read from here by the claim modules)

if TYPE_CHECKING:
    from annotator.domain import Claim

UNION_WORDS = UNION_NAMES | FIELD["union"]

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


def evidence_span(doc: Doc, c: Claim) -> Span | None:
    """The tokens of a claim's first evidence span (expanded to whole tokens), or None when it maps to none."""
    return doc.char_span(c.evidence[0].start, c.evidence[0].end, alignment_mode="expand")
_LEFT_MODS = ("det", "compound", "amod", "poss", "nummod", "nmod", "case")
_UP = ("attr", "acomp", "dobj", "pobj", "prep", "amod", "compound", "det", "poss", "appos", "nmod", "npadvmod",
       "advmod", "oprd", "pcomp", "agent", "dative", "neg", "nsubj", "nsubjpass", "prt", "quantmod")
NEVER_OBJECTS = ("DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")


@lru_cache(maxsize=8)
def _entity_index(doc: Doc) -> list:
    index: list = [None] * len(doc)
    for ent in ents(doc):
        for i in range(ent.start, ent.end):
            index[i] = ent
    return index


@lru_cache(maxsize=8)
def memo(doc: Doc) -> dict:
    """A scratch dict kept with the document for the answers asked about it more than once (the speaker's
    country, whether a speaker is political), so they are worked out once; it lives as long as the other
    per-document caches here."""
    return {}


def entity_of(tok: Token):
    """The entity span containing ``tok``, if any (never a pronoun the tagger took for a place)."""
    if not tok.ent_type_ or tok.pos_ == "PRON" or tok.lower_ in FIRST_PERSON:
        return None
    return _entity_index(tok.doc)[tok.i]


@lru_cache(maxsize=8)
def _label_memo(doc: Doc) -> list[str | None]:
    return [None] * len(doc)


def label_of(tok: Token) -> str:
    """The entity label of ``tok``; a one-word name takes the label the article gives it most often, and a
    demonym of a name in the text is NORP, whatever the small model made of this mention (worked out once a
    token)."""
    memo_ = _label_memo(tok.doc)
    i = tok.i
    label = memo_[i]
    if label is None:
        label = memo_[i] = _label_of(tok)
    return label


def _label_of(tok: Token) -> str:
    ent = entity_of(tok)
    if ent is None:
        return ""
    if ent.label_ in ("PERSON", "ORG"):
        from annotator.nlp.claim_names import is_demonym_of_text, usual_label

        if len(ent) == 1 and is_demonym_of_text(tok):
            return "NORP"
        return usual_label(ent) or ent.label_
    return ent.label_


def phrase(tok: Token) -> tuple[int, int]:
    """The token range naming what ``tok`` heads: its entity, else the word with its left modifiers."""
    ent = entity_of(tok)
    if ent is not None:
        start, end = ent.start, ent.end
        for c in tok.doc[ent.end - 1].lefts:  # "the Serakan Islands": the determiner goes with it
            if c.dep_ == "det" and c.i == start - 1:
                start = c.i
        return start, end
    start = tok.i
    for c in reversed(list(tok.lefts)):
        if c.dep_ in _LEFT_MODS and c.i == start - 1 or (c.dep_ in _LEFT_MODS and c.right_edge.i == start - 1):
            start = c.left_edge.i
        else:
            break
    end = tok.i + 1
    for c in tok.rights:  # "the people of Carrow", "the islands of the north"
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == end and tok.lower_ in POLITY_NOUNS | PLACE_NOUNS:
            end = c.right_edge.i + 1
    while start < end - 1 and tok.doc[start].is_punct:
        start += 1
    return start, end


def is_first_person(tok: Token) -> bool:
    return tok.lower_ in FIRST_PERSON


def is_demonym(tok: Token) -> bool:
    """A capitalised adjective naming a people ("Valdorian"), whatever the tagger made of it."""
    return tok.is_title and tok.pos_ in ("ADJ", "PROPN") and tok.lower_.endswith(DEMONYM_SUFFIXES) and len(tok) > 4


def is_polity(tok: Token) -> bool:
    """An entity of a polity label, an untagged proper noun, a demonym, a polity noun, or "we/us/our"."""
    if is_first_person(tok) or is_demonym(tok):
        return True
    lab = label_of(tok)
    if lab:
        return lab in POLITY_LABELS
    return tok.lemma_.lower() in POLITY_NOUNS or tok.lower_ in POLITY_NOUNS or tok.pos_ == "PROPN"


def is_seat(tok: Token) -> bool:
    """``tok`` names where an actor sits or an act happens ("officials in X", "a committee in X", "said in X",
    "orders from X"): a location (mostly a capital), not the polity a claim is about; "interference in X",
    "a vote in X", "the people in X" do name it (``located_polity_heads``), and so does a union's name."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SEAT_PREPOSITIONS:
        return False
    head = prep.head
    if head is prep or tok.lower_ in UNION_WORDS or prep.lower_ == "from" and head.pos_ != "NOUN":
        return False  # "its seat in the Union" names the union; "governed from X" the one governing
    return head.lemma_.lower() not in LOCATED_POLITY_HEADS and head.lower_ not in LOCATED_POLITY_HEADS


def is_place(tok: Token) -> bool:
    if tok.lemma_.lower() in PLACE_NOUNS or tok.lower_ in PLACE_NOUNS:  # "the Mirrow Islands", whatever its tag
        return True
    lab = label_of(tok)
    return lab in PLACE_LABELS if lab else tok.pos_ == "PROPN"


_MISTAKEN_FOR_PLACES = ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT")


def mislabelled_place(part: Token | None, whole: Token | None) -> bool:
    """ "Ostmarra is part of Velland" with "Ostmarra" tagged PERSON, ORG or PRODUCT: no person or thing is part of a country,
    so a one-word proper name said to be part of a place the article tags GPE is a place the small model
    mislabelled."""
    if part is None or whole is None or part.pos_ != "PROPN" or label_of(whole) != "GPE":
        return False
    ent = entity_of(part)
    return ent is not None and len(ent) == 1 and label_of(part) in _MISTAKEN_FOR_PLACES


def can_be_object(tok: Token) -> bool:
    """A polity, place, people or institution: never a date, person or number."""
    lab = label_of(tok)
    if lab in NEVER_OBJECTS:
        return False
    if lab:
        return True
    return tok.pos_ in ("NOUN", "PROPN") or is_first_person(tok)


_ALTERNATIVE = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADP", "NUM", "ADJ"})
_SETTING_APART = frozenset({",", ";", "—", "–"})


def sets_aside(tok: Token) -> bool:
    """ "We decide, not Brell", "a state, not a province", "a matter for Valdor, not for the union": a "not" after
    a comma and before a noun phrase shuts out an alternative (the parser often hangs it on the clause's verb);
    it denies nothing in the clause. A "not" that denies follows an auxiliary or comes before its verb."""
    doc = tok.doc
    if tok.lower_ != "not" or tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    return doc[tok.i - 1].text in _SETTING_APART and doc[tok.i + 1].pos_ in _ALTERNATIVE


def clause_verb(tok: Token) -> Token:
    """The verb (or copula) of the clause ``tok`` sits in."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") or t.dep_ == "ROOT" or t.head is t:
            return t
        if t.dep_ not in _UP and t.dep_ != "conj":
            return t.head
        t = t.head
    return t


_COPULAS = frozenset({"be", "remain", "stay"})


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``; a conjoined or controlled verb borrows its head's."""
    t = verb
    for _ in range(3):
        subj = next((c for c in t.children if c.dep_ in SUBJECTS and c.dep_ != "expl"), None)
        if subj is None:  # "the award is binding": the parser may hang the subject on the auxiliary
            subj = next((g for c in t.children if c.dep_ in ("aux", "auxpass") and c.i < t.i for g in c.children
                         if g.dep_ in SUBJECTS and g.dep_ != "expl"), None)
        if subj is not None:
            return subj
        if t.dep_ == "conj" and t.lemma_.lower() in _COPULAS:  # "X is, and will remain, Y" mis-attached to "said"
            inner = next((c for c in t.head.children if c.dep_ == "ccomp" and c.i < t.i
                          and c.lemma_.lower() in _COPULAS), None)
            subj = next((c for c in inner.children if c.dep_ in SUBJECTS), None) if inner is not None else None
            if subj is not None:
                return subj
        if t.dep_ in ("conj", "xcomp", "advcl", "relcl") and t.head is not t:
            if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN"):
                return t.head
            t = t.head
        else:
            return None
    return None


def object_of(verb: Token) -> Token | None:
    """The direct object of ``verb`` (or the object of its first preposition)."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    if obj is not None:
        return obj
    for c in verb.children:
        if c.dep_ == "prep":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def regarded(a: Token) -> Token | None:
    """ "regards X as part of Y", "considers X as Y's": X, the object of the verb "as" hangs on."""
    prep = a.head
    if prep.lower_ != "as" or prep.dep_ != "prep" or prep.head is prep:
        return None
    x = prep.head
    if x.dep_ == "acl" and x.head.pos_ in ("NOUN", "PROPN"):  # "the territory concerned as part of"
        return x.head
    return next((c for c in x.children if c.dep_ == "dobj"), None) if x.pos_ == "VERB" else None


def names_the_speaker(a: Token, verbs: frozenset[str]) -> bool:
    """``a`` is (in) the subject of a verb of ``verbs`` (reporting, stance): "the Union reaffirms ...", "The
    Federation reiterates that ..." name who speaks, not what is claimed."""
    t = a
    for _ in range(4):
        if t.dep_ not in ("compound", "amod", "pobj", "prep", "appos", "det"):
            break
        head = t.head  # (one Token made per step, not two)
        if head is t:
            break
        t = head
    if t.dep_ not in ("nsubj", "nsubjpass") or a.pos_ not in ("NOUN", "PROPN"):
        return False
    head = t.head
    return head.lemma_.lower() in verbs and head.pos_ == "VERB"


def negated(tok: Token) -> bool:
    """A "not" or "n't" on ``tok`` itself."""
    return any(c.dep_ == "neg" for c in tok.children)


def pobj(tok: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of a preposition of ``tok`` among ``preps`` ("interference from X")."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def owner_of(tok: Token) -> Token | None:
    """Whose the noun ``tok`` is: its possessor, its "of" object, or a polity entity modifying it."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    of = pobj(tok, ("of",))
    if of is not None:
        return of
    return next((c for c in tok.lefts if c.dep_ in ("amod", "compound") and label_of(c) in POLITY_LABELS), None)


def sentence_words(doc: Doc, tok: Token) -> set[str]:
    """The lowercase words and lemmas of ``tok``'s sentence."""
    sent = sent_of(tok)
    lowers, lemmas, _, _ = words(doc)
    return {*lowers[sent.start : sent.end], *lemmas[sent.start : sent.end]}


def antecedent(tok: Token) -> Token:
    """"It" / "they" as the subject of the sentence before when that is a named place or polity, else ``tok``."""
    if tok.lower_ not in ("it", "they") or sent_of(tok).start == 0:
        return tok
    prev = sent_of(tok.doc[sent_of(tok).start - 1])
    subj = subject_of(prev.root)
    if subj is not None and subj.pos_ == "PROPN" and (is_place(subj) or is_polity(subj)) and label_of(subj) != "PERSON":
        return subj
    return tok


def gives_away(tok: Token) -> bool:
    """``tok`` is a verb that gives a thing away with its particle ("give up", "hand over", "sign away"), said
    of someone who does it: not "without asking anyone to give up ...", nor "only the people can give away
    ..." (who alone may do it, not that it is done)."""
    if tok.pos_ != "VERB" or not any((tok.lemma_.lower(), c.lower_) in YIELDING for c in tok.children
                                     if c.dep_ == "prt"):
        return False
    if any(t.lower_ == "without" for t in list(tok.ancestors)[:4]):
        return False
    subj = subject_of(tok)
    return not (subj is not None and any(c.lower_ in ("only", "alone") for c in subj.children))


def refuses_dependency(neg: Token) -> bool:
    """``neg`` negates a verb whose object is a noun of someone's leave ("we do not need anyone's permission",
    "we are not asking for consent"): it refuses to depend on another, asserting the claim, not denying it."""
    if neg.dep_ != "neg" or neg.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = neg.head
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    objs += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in DEPENDENCY_NOUNS or o.lower_ in DEPENDENCY_NOUNS for o in objs)


def unconsulted(neg: Token) -> bool:
    """``neg`` ("not", "never", "nobody") negates a verb of consulting ("Weyhollow was not asked", "nobody
    asked the valley"): a complaint that a people was left out, asserting its say, not denying it."""
    verb = neg.head if neg.dep_ in ("neg", "nsubj", "advmod", "det") else None
    if verb is not None and neg.dep_ == "det":
        verb = verb.head  # "no one asked": "no" on the subject
    return verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in CONSULTING_VERBS


def refuses_to_bargain(neg: Token) -> bool:
    """``neg`` negates a verb of reopening or bargaining ("we will not discuss / reopen X"): it refuses to
    put X on the table, so it denies nothing about X."""
    if neg.dep_ != "neg" or neg.head.pos_ != "VERB":
        return False
    verb = neg.head
    if verb.lemma_.lower() in ("go", "want", "intend", "plan", "agree"):  # "we are not going to reopen it"
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
    return verb.lemma_.lower() in NEGOTIATING


_OUTCOMES = frozenset({"outcome", "result", "verdict"})


def status_outcome(tok: Token | None) -> bool:
    """``tok`` is the outcome or result of a vote on a people's status: its "of" phrase names one ("the result of
    the referendum"), or, with none, its sentence or the one before speaks of one and of no election ("... a
    referendum on independence. The government said it would respect the outcome"); an "of" phrase naming
    neither ("the result of Sunday's vote") leaves it to the sentences."""
    if tok is None or tok.lemma_.lower() not in _OUTCOMES or tok.pos_ != "NOUN":
        return False
    of = pobj(tok, ("of", "in", "on"))
    if of is not None:
        words = {t.lemma_.lower() for t in of.subtree} | {t.lower_ for t in of.subtree}
        if words & ELECTIONS or words & STATUS_VOTES:
            return not words & ELECTIONS
    sents = [sent_of(tok)] + ([sent_of(tok.doc[sent_of(tok).start - 1])] if sent_of(tok).start > 0 else [])
    words = {t.lemma_.lower() for s in sents for t in s} | {t.lower_ for s in sents for t in s}
    return bool(words & STATUS_VOTES) and not words & ELECTIONS
