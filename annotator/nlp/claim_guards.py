"""The checks a cue hit must pass (``needs`` in ``claim_cues.toml``), so words that are often about
something else (an independent inquiry, a trade union, sovereign bonds, the club the ground belongs to)
count only where their clause is about a polity, a place or a people."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_cues import Hit
from annotator.nlp.claim_tree import (
    UNION_WORDS,
    antecedent,
    by_lower,
    clause_verb,
    is_demonym,
    is_first_person,
    is_place,
    is_polity,
    label_of,
    memo,
    mislabelled_place,
    object_of,
    owner_of,
    pobj,
    regarded,
    sentence_words,
    status_outcome,
    subject_of,
)
from annotator.nlp.once import sent_of


def _head_noun(tok: Token) -> Token | None:
    return tok.head if tok.dep_ in ("amod", "compound", "nmod", "advmod") and tok.head is not tok else None


def _non_polity(tok: Token | None) -> bool:
    if tok is None:
        return False
    w = tok.lemma_.lower()
    return label_of(tok) == "PERSON" or w in lex.NON_POLITY_HEADS or tok.lower_ in lex.NON_POLITY_HEADS or (
        w in lex.PRIVATE_OWNERS or tok.lower_ in lex.PRIVATE_OWNERS)


def polity_quality(a: Token) -> bool:
    """"sovereign" / "independent" qualify a polity: "a sovereign state", "Belarus is independent"."""
    head = _head_noun(a)
    if head is not None:  # "an independent Carrow would ..." describes a hypothetical, not a claim
        return not _non_polity(head) and is_polity(head) and head.pos_ != "PROPN"
    if a.dep_ in ("acomp", "attr", "conj", "oprd", "ROOT", "xcomp", "ccomp"):
        subj = subject_of(clause_verb(a)) if a.dep_ != "ROOT" else subject_of(a)
        if a.dep_ == "conj" and a.head.pos_ in ("ADJ", "NOUN"):  # "a sovereign state and independent"
            return True
        return subj is not None and is_polity(subj) and not _non_polity(subj)
    return False


def polity_object(a: Token) -> bool:
    obj = object_of(a) if a.pos_ in ("VERB", "AUX") else None
    if obj is not None and obj.lower_ in REFLEXIVES:  # "starts governing itself"
        obj = subject_of(a)
    return obj is not None and is_polity(obj) and not _non_polity(obj)


def recognised_object(a: Token) -> bool:
    """"recognise X": X is a polity, a state's founding act ("the declaration"), or a body or finding whose
    authority is at stake (a council, an award)."""
    if polity_object(a):
        return True
    obj = object_of(a) if a.pos_ in ("VERB", "AUX") else None
    return obj is not None and (obj.lemma_.lower() in lex.AUTHORITY_OBJECTS or obj.lower_ in lex.AUTHORITY_OBJECTS
                                or obj.lemma_.lower() in lex.STATEHOOD_ACTS and obj.pos_ == "NOUN")


REFLEXIVES = frozenset({"itself", "themselves", "ourselves", "himself", "herself"})


def polity_owner(a: Token) -> bool:
    owner = owner_of(a)
    return owner is None or not _non_polity(owner)


def polity_head(a: Token) -> bool:
    head = _head_noun(a)
    if head is not None:
        return is_polity(head) or label_of(head) in lex.POLITY_LABELS
    subj = subject_of(clause_verb(a))
    return subj is not None and is_polity(subj)


def discredited_polity(a: Token) -> bool:
    """ "the so-called republic", "the self-proclaimed council": the thing discredited is a polity, government or
    body, not "the so-called monitoring mission"; and when it is what a recognition verb is about ("does not
    recognise the so-called X"), the recognition is the claim and this adds nothing."""
    head = _head_noun(a)
    while head is not None and head.dep_ in ("amod", "compound") and head.head is not head:  # "so - called"
        head = head.head
    if head is None or not (is_polity(head) or head.lemma_.lower() in lex.AUTHORITY_OBJECTS):
        return False
    return not (head.dep_ in ("dobj", "pobj") and head.head.lemma_.lower() in ("recognise", "recognize", "recognition"))


def polity_subject(a: Token) -> bool:
    subj = subject_of(clause_verb(a))
    return subj is not None and is_polity(subj)


def place_owner(a: Token) -> bool:
    """"X belongs to / in / with Y" is territorial when Y is no person, family or club and X or Y is a place or
    polity ("Kessavar belongs in Varnesse"; "belongs in a museum" is no polity's)."""
    owner = pobj(a, ("to", "in", "with"))
    subj = subject_of(a)
    if owner is None or _non_polity(owner) or is_first_person(owner) and subj is None:
        return False
    if not not_sport(a):
        return False
    return is_polity(owner) and (subj is None or not _non_polity(subj))


def place_subject(a: Token) -> bool:
    """"X is part of Y" / "X is ours": X is a place (or Y a polity) and neither is a person's."""
    verb = clause_verb(a)
    subj = regarded(a) or subject_of(verb)
    subj = antecedent(subj) if subj is not None else None
    whole = pobj(a, ("of",))
    if subj is None:
        return False
    taken = mislabelled_place(subj, whole)
    if _non_polity(subj) and not taken or not not_sport(a):
        return False
    subj_place = is_place(subj) and subj.pos_ != "PRON" or taken
    # a place is part of no person: a proper name there is a polity the small model took for one
    if whole is not None and _non_polity(whole) and not (subj_place and whole.pos_ == "PROPN"):
        return False
    if a.lower_ in ("ours", "theirs"):
        return subj_place
    return subj_place and (whole is None or is_polity(whole) or is_place(whole))


def placed_side(a: Token) -> bool:
    """ "puts Sul Dara on our side", "the Banks lie on our continental shelf": what the verb puts, or what lies
    there, is a place (not "keep the public on our side")."""
    verb = a.head.head if a.head.dep_ == "prep" else clause_verb(a)
    if verb.pos_ != "VERB":
        return False
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb.lemma_.lower() in (
        "put", "place", "leave", "keep") else subject_of(verb)
    thing = antecedent(thing) if thing is not None else None
    return thing is not None and thing.pos_ != "PRON" and is_place(thing) and not _non_polity(thing) and (
        label_of(thing) != "ORG")


def place_claim(a: Token) -> bool:
    """"X has always been Valdorian / ours": a place subject and a polity complement."""
    verb = a.head if a.dep_ == "advmod" else clause_verb(a)
    subj = subject_of(verb)
    comp = next((c for c in verb.children if c.dep_ in ("attr", "acomp")), None)
    return (subj is not None and is_place(subj) and comp is not None
            and (label_of(comp) in lex.POLITY_LABELS or comp.lower_ in ("ours", "theirs")))


def place_head(a: Token) -> bool:
    head = _head_noun(a)
    target = head if head is not None else (object_of(a) if a.pos_ == "VERB" else None)
    return target is not None and (is_place(target) or is_polity(target)) and not_sport(a)


def place_context(a: Token) -> bool:
    """ "our waters", "their own land": the place word is the thing owned, not a modifier ("their coast guard")."""
    doc = a.doc
    n = a.i + 1 + (a.i + 1 < len(doc) and doc[a.i + 1].lower_ == "own")
    return not_sport(a) and not (n < len(doc) and doc[n].dep_ == "compound")


def not_sport(a: Token) -> bool:
    return len(sentence_words(a.doc, a) & lex.SPORT_WORDS) < 2


def not_labour(a: Token) -> bool:
    union = next((t for t in sent_of(a) if t.lemma_.lower() == "union" and t.i >= a.i), a)
    mods = {c.lower_ for c in union.lefts}
    return not (mods & lex.LABOUR_MODIFIERS) and not (sentence_words(a.doc, a) & lex.LABOUR_CONTEXT)


def not_commerce(a: Token) -> bool:
    near = {c.lower_ for c in a.subtree} | {c.lemma_.lower() for c in a.subtree}
    return not (near & lex.COMMERCE_WORDS)


def polity_context(a: Token) -> bool:
    """"integration", "membership", "bloc": a polity entity (or "the country") in the sentence, nothing
    commercial near."""
    if not not_commerce(a) or not not_labour(a):
        return False
    return any(label_of(t) in ("GPE", "NORP", "ORG") for t in sent_of(a)) or any(is_first_person(t) for t in sent_of(a)) or any(
        t.lemma_.lower() in ("country", "nation", "state") and t.pos_ == "NOUN" for t in sent_of(a))


def _unions_named(doc) -> int:
    """How many union words and names the article has ("the Halvern Monetary Union", "the pact", "the Alliance")."""
    key = "unions_named"
    cache = memo(doc)
    if key not in cache:
        index = by_lower(doc)
        cache[key] = sum(len(index.get(w, ())) for w in UNION_WORDS)
    return cache[key]


def union_topic(a: Token) -> bool:
    """ "membership", "accession", or "joining" / "leaving" with no object: about a union when the sentence has a
    polity in it (``polity_context``) or the article is about a union (two union words or names in it); a gerund
    with an object joins or leaves that ("leaving the room") unless the object is a union."""
    if a.pos_ == "VERB" or a.lower_ in ("joining", "rejoining"):
        if a.dep_ not in ("nsubj", "csubj", "dobj", "pobj", "pcomp", "xcomp"):
            return False  # a participle beside a clause ("..., leaving the rulers isolated"), not the act named
        obj = next((c for c in a.children if c.dep_ in ("dobj", "prep", "ccomp", "oprd", "dative", "attr")), None)
        if obj is not None and not (obj.dep_ == "dobj" and obj.lower_ in UNION_WORDS):
            return False
        if not not_commerce(a) or not not_labour(a) or not not_sport(a):
            return False
        return _unions_named(a.doc) >= 2
    return polity_context(a) or not_commerce(a) and not_labour(a) and _unions_named(a.doc) >= 2


def dictation(a: Token) -> bool:
    words = sentence_words(a.doc, a)
    negated = any(t.dep_ == "neg" or t.lower_ in ("no", "nobody") for t in sent_of(a))
    return bool(words & lex.DICTATION_VERBS) and negated


def told_people(a: Token) -> bool:
    """ "tell us how to live", "tell the Gildari people how to vote", "tell Varnholt who may live there": the one
    told is the speaker's side or a people or polity, told what to do (a "to" or a modal after the question word),
    and the teller is no one of theirs ("we will tell them how" tells nothing of the kind)."""
    told = next((c for c in a.children if c.dep_ in ("dative", "dobj") and c.i < a.i + 5), None)
    teller = subject_of(a)
    if told is None or teller is not None and is_first_person(teller):
        return False
    wh = next((t for t in a.doc[told.i + 1 : min(len(a.doc), told.i + 3)] if t.tag_ in ("WRB", "WP")), None)
    nxt = a.doc[wh.i + 1] if wh is not None and wh.i + 1 < len(a.doc) else None
    if nxt is None or not (nxt.lower_ == "to" or nxt.tag_ == "MD" or nxt.i + 1 < len(a.doc) and (
            a.doc[nxt.i + 1].tag_ == "MD")):
        return False  # told what to do ("how to live", "who may live here"), not told a fact ("where X is")
    return is_first_person(told) or told.lemma_.lower() in ("people", "nation", "country", "voter", "citizen") or (
        label_of(told) in ("GPE", "NORP"))


def not_religion(a: Token) -> bool:
    return not (sentence_words(a.doc, a) & lex.RELIGION_WORDS)


def not_teaching(a: Token) -> bool:
    return not (sentence_words(a.doc, a) & lex.TEACHING_WORDS) and not_religion(a)


def not_local(a: Token) -> bool:
    return not (sentence_words(a.doc, a) & lex.LOCAL_VOTE_WORDS)


def people_subject(a: Token) -> bool:
    subj = subject_of(a)
    return subj is not None and (is_polity(subj) or label_of(subj) == "NORP")


def status_vote(a: Token) -> bool:
    """ "respect / ignore the outcome": what the verb takes is the outcome of a vote on a people's status."""
    return a.pos_ == "VERB" and status_outcome(object_of(a))


def told_with_its_year(a: Token) -> bool:
    """The cue's clause tells a past act with its year ("X declared independence in 1993", "Y recognised X in
    2004"): the narrator's history of the dispute, not a position taken now; a verb in the present or with an
    auxiliary ("has recognised", "will recognise") or one dated by a day of the news ("on Wednesday") is no history."""
    verb = clause_verb(a)
    if verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "since") and any(
        g.dep_ == "pobj" and g.like_num and len(g.text) == 4 and g.text[:2] in ("18", "19", "20") for g in c.children)
        for c in verb.children)


def _names_a_state(t: Token) -> bool:
    """ "the Federation of X", "the X-ian Federation", "the X Federation": a union word in a state's name (X a
    place or people: a demonym, a GPE, an untagged proper name that is no person's)."""
    named = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    named += [c for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i]
    return any(is_demonym(g) or label_of(g) in ("GPE", "NORP") or g.pos_ == "PROPN" and not label_of(g)
               for g in named)


def federation_not_a_state(a: Token) -> bool:
    """ "federation" is a union of states unless, in this article, it is a state's own name ("the Dessaran
    Federation", "the Federation of X" anywhere in it, so that "the Federation" is that state), and no game's."""
    key = "federation_a_state"
    cache = memo(a.doc)
    if key not in cache:
        cache[key] = any(_names_a_state(a.doc[i]) for i in by_lower(a.doc).get("federation", ()))
    return not cache[key] and not_sport(a)


CHECKS: dict[str, Callable[[Token], bool]] = {
    name: fn for name, fn in globals().items() if callable(fn) and fn.__module__ == __name__ and not name.startswith("_")
}


def _union_acting(a: Token) -> bool:
    """A union named as the subject of something it did ("the Harbour Alliance issued a report"), in a
    sentence with no word of joining, leaving or shaping it: news about the union, not a claim about it."""
    t = a
    while t.dep_ in ("compound", "amod") and t.head is not t:
        t = t.head
    verb = t.head
    if t.dep_ not in ("nsubj", "nsubjpass") or verb.tag_ != "VBD" or verb.lemma_.lower() in ("be", "remain", "stay"):
        return False
    if verb.dep_ not in ("ROOT", "conj") or any(c.dep_ == "mark" for c in verb.children):
        return False  # "if the Union revisited its rules": a condition, not news
    return not (sentence_words(a.doc, a) & lex.MEMBERSHIP_WORDS)


def _in_a_name(a: Token) -> bool:
    """A capitalised cue word inside the name of a party, movement or body ("Tamsova's Sovereignty Front",
    "the Office for Independence Studies"): a run of capitalised words through it ends in a name word, or the
    body's word comes just before its "for" or "of"."""
    if not a.is_title or a.is_sent_start:
        return False
    doc = a.doc
    j = a.i
    while j + 1 < len(doc) and (doc[j + 1].is_title or doc[j + 1].lower_ in ("for", "of", "and") and j + 2 < len(doc)
                                and doc[j + 2].is_title):
        j += 1
    if j > a.i and doc[j].lower_ in lex.NAME_ENDS:
        return True
    k = a.i - 1  # "the Office for Independence Studies": the body's word before "for" / "of"
    return k >= 1 and doc[k].lower_ in ("for", "of") and doc[k - 1].is_title and doc[k - 1].lower_ in lex.NAME_ENDS


_ABOUT = frozenset({"on", "for", "about", "over", "of"})
_URGING = frozenset({"should", "ought"})


def names_a_procedure(a: Token) -> bool:
    """The cue only names what a procedure is about ("the accession talks would take three years", "set a date for
    a referendum", "asks to begin talks on joining"): a modifier of a procedure noun, or the object of its "on" /
    "for"; unless the sentence says the procedure should happen ("the Union should open accession talks")."""
    t = a.head if a.dep_ == "dobj" and a.head.dep_ == "pcomp" else a  # "talks on joining the Union"
    head = t.head
    if t.dep_ in ("pobj", "pcomp") and head.lower_ in _ABOUT and head.head is not head:
        head = head.head
    elif not (t.dep_ in ("compound", "amod", "nmod") or t.i + 1 == head.i and t.pos_ == "NOUN"):
        return False  # (a noun just before the procedure noun is its modifier, whatever the parser hung it on)
    if head is a or head.pos_ != "NOUN" or (head.lemma_.lower() not in lex.PROCEDURE_NOUNS
                                            and head.lower_ not in lex.PROCEDURE_NOUNS):
        return False
    return not any(t.lower_ in _URGING for t in sent_of(a))


def passes(hit: Hit, doc) -> bool:
    """Whether a hit passes its family's check for its anchor word (no check: it passes)."""
    a = doc[hit.anchor]
    if hit.family.claim_type == "pooling" and _union_acting(a) or names_a_procedure(a):
        return False
    if hit.family.claim_type != "pooling" and _in_a_name(a):
        return False
    need = hit.family.needs.get(a.lemma_.lower()) or hit.family.needs.get(a.lower_)
    if need is None:
        return not_sport(a)
    check = CHECKS.get(need)
    if check is None:
        raise KeyError(f"claim_cues.toml names an unknown check {need!r} for {a.lemma_!r}")
    return check(a)
