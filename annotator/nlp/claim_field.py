"""Claims with no cue word: a quote or reported clause scored on the semantic field of sovereignty talk
(``[field]`` in ``claim_cues.toml``): a polity mention, field words, a copular predicate of nationality or
ownership over a place. Two weak signals make a candidate; its field classes vote for the claim type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_names import is_demonym_of_text, is_recurring_name, labels_of_name, named_as_polity, surnames
from annotator.nlp.claim_tree import (
    antecedent,
    clause_verb,
    ents,
    gives_away,
    is_demonym,
    is_first_person,
    is_place,
    label_of,
    names_the_speaker,
    negated,
    pobj,
    refuses_dependency,
    refuses_to_bargain,
    sets_aside,
    subject_of,
)
from annotator.nlp.lexicon import REPORTING_VERBS
from annotator.nlp.once import sent_of, span_text, text_of, tokens, tokens_in, words

_COPULAS = frozenset({"be", "stay", "remain"})
_BECOMING = frozenset({"become"})
_STATE_NOUNS = frozenset({"country", "state", "nation", "republic"})
THRESHOLD = 2
_SPEAKING = REPORTING_VERBS | lex.STANCE_VERBS


@dataclass(frozen=True)
class Field:
    """What a stretch of text says in the field: its signals, classes hit, and the predicate found."""

    score: int
    classes: dict[str, int]
    predicate: Predicate | None  # a copular predicate of nationality, ownership or statehood
    polity: Token | None
    peoples_right: bool = False
    treaty_only: bool = False  # every union word a treaty's ("the Treaty of 1911"), none of joining or a bloc
    vote_on_union: bool = False  # a vote to join or leave a union ("we did not vote to leave"): pooling

    @property
    def claim_type(self) -> str:
        """The type the field votes for: a predicate or territory words with authority talk are territorial,
        a union word is pooling, a vote or a people's right to decide is self-determination."""
        k = self.classes
        if self.predicate is not None:
            return self.predicate.claim_type
        if k.get("union") and not (self.treaty_only and k.get("territory")):
            return "pooling"  # a treaty beside territory words settles a border or a title
        if self.vote_on_union:
            return "pooling"  # "a vote on joining or leaving a union is pooling" (the codebook)
        if k.get("vote") or self.peoples_right:
            return "self_determination"
        if k.get("territory"):
            return "territory"
        if k.get("outsider"):
            return "interference"
        return "other"


def is_polity_mention(tok: Token, quoted: bool) -> bool:
    """A polity named or implied: a GPE/NORP/LOC entity, a demonym, a recurring name, or "we" in a quote
    (worked out once a token)."""
    memo_ = _polity_memo(tok.doc)
    i = tok.i
    found = memo_[i]
    if found is None:
        found = memo_[i] = 2 if is_first_person(tok) else int(_is_polity(tok))
    return quoted if found == 2 else bool(found)


@lru_cache(maxsize=8)
def _polity_memo(doc: Doc) -> list[int | None]:
    return [None] * len(doc)  # of each token: 1 a polity, 0 not, 2 first person (a polity in a quote)


def _is_polity(tok: Token) -> bool:
    if label_of(tok) in ("GPE", "NORP", "LOC"):
        return True
    return is_demonym(tok) or is_demonym_of_text(tok) or (tok.pos_ == "PROPN" and is_recurring_name(tok)) or (
        _owns_an_organ_of_state(tok))


def _owns_an_organ_of_state(tok: Token) -> bool:
    """ "Sabrel's coastguard", "Tiraleo's foreign ministry": a name that owns an organ of state is a polity,
    whatever the tagger made of it."""
    if not (tok.pos_ == "PROPN" and tok.dep_ == "poss" and label_of(tok) != "PERSON"):
        return False
    head = tok.head
    return head.lemma_.lower() in lex.FIELD_POLITICAL or head.lower_ in lex.FIELD_POLITICAL


def _polity_modifier(tok: Token) -> bool:
    return is_demonym(tok) or is_demonym_of_text(tok) or label_of(tok) in ("GPE", "NORP") or (
        tok.pos_ == "PROPN" and is_recurring_name(tok))


def _owner_word(tok: Token, place: bool) -> bool:
    """A predicate that names an owner polity: "Valdorian", "ours", "Carrow's", "Ostrian soil", "a Crown asset"."""
    if tok.lower_ in ("ours", "theirs") or is_demonym(tok) or is_demonym_of_text(tok):
        return True
    if any(c.dep_ == "case" for c in tok.children) and (tok.pos_ == "PROPN" or label_of(tok) in ("GPE", "NORP")):
        return True
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss") and _polity_modifier(c)]
    return tok.pos_ == "NOUN" and bool(mods) and (place or tok.lemma_.lower() in lex.FIELD["territory"])


def _place(tok: Token) -> bool:
    return is_place(tok) or tok.lemma_.lower() in lex.FIELD["territory"] or tok.lower_ in lex.FIELD["territory"] or (
        tok.pos_ == "NOUN" and tok.lower_ in _named_place_heads(tok.doc))


@lru_cache(maxsize=8)
def _named_place_heads(doc) -> frozenset[str]:
    """Last words of the article's place names ("the Corrin Spit" -> "spit"): "the spit" is that place."""
    toks = tokens(doc)
    return frozenset(toks[e.end - 1].lower_ for e in ents(doc) if e.label_ in ("GPE", "LOC", "FAC") and len(e) > 1
                     and toks[e.end - 1].is_title)


@dataclass(frozen=True)
class Predicate:
    """A copular predicate over a place or polity: its subject, its type and whether it is negated."""

    subject: Token
    claim_type: str
    negated: bool


def predicate_of(span: Span, we: bool = False) -> Predicate | None:
    """The first copular predicate of nationality, ownership or statehood in ``span``."""
    found = predicates_of(span, we)
    return found[0] if found else None


def _statehood(verb: Token) -> bool:
    """ "... is / became a country": a state noun as the attribute of ``verb``, said of its subject as such,
    not ranked or described ("became the first country to ...", "we are the only state that ...")."""
    return any(c.dep_ == "attr" and c.lemma_.lower() in _STATE_NOUNS
               and all(d.lower_ in ("a", "an") for d in c.children if d.dep_ == "det")
               and not any(d.dep_ in ("acl", "relcl", "amod") and (d.tag_ in ("JJS", "VB", "VBN") or d.dep_ != "amod")
                           or d.ent_type_ == "ORDINAL" for d in c.children) for c in verb.children)


_DEICTIC = frozenset({"it", "this", "that"})
_LAND = frozenset({"land", "lands", "ground", "soil", "territory", "earth"})


def _a_country(tok: Token) -> bool:
    """A name the article tags GPE here or anywhere else ("Vardosk is Ostravine", "Ostravine" tagged a person)."""
    return label_of(tok) == "GPE" or "GPE" in labels_of_name(tok.doc, tok.text)


def _pointed_land(verb: Token, subj: Token) -> Predicate | None:
    """ "It's Quessanian ground", "This has been Grask land since ...", "It is a valley of Ostrevia": a land noun
    owned by a polity, or a place noun of a country, said of what "it" or "this" points at (the place named in
    the sentence or before, else the pronoun); "This is X": a country's name said of what "this" points at."""
    for c in verb.children:
        if c.dep_ != "attr" or c.pos_ != "NOUN":
            continue
        w = c.lemma_.lower()
        owned = w in _LAND and any(m.dep_ in ("amod", "compound", "poss") and (
            _polity_modifier(m) or m.pos_ == "PROPN" and m.is_title) for m in c.children)
        of = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                   if g.dep_ == "pobj"), None) if w in lex.PLACE_NOUNS else None
        if owned or of is not None and of.pos_ == "PROPN" and _a_country(of):
            return Predicate(antecedent(subj), "territory", negated(verb))
    for c in verb.children:  # "This is X and it always will be": the place pointed at is the country's
        if c.dep_ == "attr" and c.pos_ == "PROPN" and label_of(c) != "PERSON" and (_a_country(c) or _is_polity(
                c)) and subj.lower_ in _POINTING and not any(
                d.dep_ in ("relcl", "acl") for d in c.children) and not any(
                d.dep_ in ("ccomp", "relcl") for d in verb.children):
            return Predicate(antecedent(subj), "territory", negated(verb))
    return None


_POINTING = frozenset({"this", "here"})  # what the speaker stands on (not "it", which clefts: "it is X who ...")


_RESIDENTS = frozenset({"we", "people", "person", "everyone", "everybody", "resident", "inhabitant", "islander",
                        "villager", "family", "they"})
_MEMBERS = frozenset({"people", "citizen", "national", "subject", "passport-holder"})


def _nationality(verb: Token, subj: Token) -> Predicate | None:
    """Residents said to be a polity's people: "We are Dorrowen people", "we're Lusanian", "every person in Sul
    Dara is a citizen of Zavrin", "their people are Dorrowen citizens" (the land they live on is that polity's);
    "they" only as a place's people ("its people")."""
    w = subj.lemma_.lower()
    if w not in _RESIDENTS and subj.lower_ not in _RESIDENTS or w == "they" and not any(
            c.dep_ == "poss" for c in subj.children) or verb.lemma_.lower() != "be":
        return None
    for c in verb.children:
        if c.dep_ == "acomp" and (is_demonym(c) or is_demonym_of_text(c)) and subj.lower_ == "we":
            return Predicate(subj, "territory", negated(verb))
        if c.dep_ != "attr" or c.lemma_.lower() not in _MEMBERS:
            continue
        of = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                   if g.dep_ == "pobj"), None)
        if of is not None and (label_of(of) == "GPE" or _a_country(of)) or any(
                m.dep_ in ("amod", "compound") and _polity_modifier(m) for m in c.children):
            return Predicate(subj, "territory", negated(verb))
    return None


_OWNERS = frozenset({"our", "its", "their"})
_SELF = frozenset({"country", "nation", "state", "republic", "people", "economy", "kingdom", "island", "region"})


def _runs_its_own(own: Token, we: bool) -> Predicate | None:
    """A polity running a thing of state for itself: "we set our own taxes", "Ulmora has chosen its own friends",
    "keep control of its own border posts" (``own`` beside a possessive on a noun of ``self_rule_objects``, in a
    clause whose subject is that polity, a state noun, or "we" in a political actor's mouth)."""
    noun = own.head
    if own.dep_ != "amod" or noun.lemma_.lower() not in lex.SELF_RULE_OBJECTS or not any(
            c.dep_ == "poss" and c.lower_ in _OWNERS for c in noun.children):
        return None
    t, subj = noun, None
    for _ in range(6):  # up to the clause that has a subject ("the privilege of printing its own money")
        if t.head is t:
            break
        t = t.head
        subj = subject_of(t) if t.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            break
    if subj is None or subj.tag_ == "WDT" and t.dep_ == "relcl":
        subj = t.head if t.dep_ == "relcl" else subj  # "a country that sets its own taxes"
    if subj is None or not (subj.lower_ == "we" and we or label_of(subj) in ("GPE", "NORP")
                            or subj.lemma_.lower() in _SELF and subj.pos_ == "NOUN"):
        return None
    return Predicate(subj, "sovereignty", negated(t))


_MADE = frozenset({"make", "take", "decide", "judge", "write", "pass", "set", "govern", "run", "rule"})
_DECIDED = frozenset({"decision", "law", "rule", "tax", "policy"})  # (a people's future decided is its say)


def _made_at_home(verb: Token) -> Predicate | None:
    """Decisions or laws said to be made where a polity is: "the decisions in Dunhal are taken in Dunhal", "our laws
    will be made in Corvaine and judged in Corvaine", "the rules are set in Brell" (a passive verb of deciding or
    governing, its subject a decision, law or policy, its place a polity or place): self-rule, or a local people's
    say where the place is a valley or islands named by a common noun."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subj = subject_of(verb)
    if subj is None or subj.lemma_.lower() not in _DECIDED:
        return None
    where = pobj(verb, ("in", "on", "from", "by"))
    if where is None or not (label_of(where) in ("GPE", "NORP") or where.lemma_.lower() in lex.PLACE_NOUNS
                             or is_first_person(where)):
        return None
    local = where.lemma_.lower() in lex.PLACE_NOUNS and label_of(where) not in ("GPE", "NORP")
    # "decisions about this valley should be made in this valley": its people's say; in a state's name, self-rule
    return Predicate(subj, "self_determination" if local else "sovereignty", negated(verb))


_BINDING_VERBS = frozenset({"bind", "be", "remain"})
_BINDING = frozenset({"binding", "final", "enforceable"})


def _binds(verb: Token) -> Predicate | None:
    """A ruling's force said: "the award is binding on both parties", "its judgments bind every member state",
    "the ruling remains final" (the subject a ruling, award, judgment or verdict): a claim on its authority
    ("other"), denied when negated."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() == "bind":
        if any(c.dep_ == "auxpass" for c in verb.children):
            return None  # "we are bound by ...": said of the bound, read elsewhere
    comp = next((c for c in verb.children if c.dep_ in ("acomp", "attr") and c.lower_ in _BINDING), None)
    if verb.lemma_.lower() != "bind" and comp is None:
        return None
    subj = subject_of(verb)
    if subj is None or subj.lemma_.lower() not in _RULINGS:
        return None
    return Predicate(subj, "other", negated(verb) or comp is not None and negated(comp))  # "is not binding"


_RULINGS = frozenset({"ruling", "award", "judgment", "judgement", "verdict", "decision", "finding", "opinion"})

_SELF_DECIDING = frozenset({"decide", "choose", "determine"})
_HOLDING = frozenset({"keep", "retain", "have", "hold"})
_FINAL = frozenset({"final", "last"})
_SAY_NOUNS = frozenset({"decision", "say", "word"})
_ALONE = frozenset({"alone", "itself", "only"})
_CHOSEN = frozenset({"who", "what", "which", "how", "where"})  # (not "whether", "when": a decision pending)


def _a_polity_by_name(tok: Token) -> bool:
    """A polity by its own name or as a state ("X", "the country"), not a person's surname or a people."""
    if label_of(tok) in ("GPE", "NORP"):
        return True
    if tok.pos_ == "PROPN":
        return (_a_country(tok) or is_recurring_name(tok) or named_as_polity(tok)) and tok.text not in surnames(tok.doc)
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _STATE_NOUNS


def _decides_for_itself(verb: Token) -> Predicate | None:
    """A polity deciding for itself, as the codebook has sovereignty: "X alone decides who crosses its border",
    "the country will choose what it imports", "X will keep the final decision on who may settle here" (a verb of
    deciding, not in the past, with "alone", its "own" choice or a question of who or what as its object, or a
    final say kept or had; its subject the polity by name or as a state). Not negated: "X cannot decide alone" argues the other way."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or verb.tag_ in ("VBD", "VBN", "VBG") or negated(verb):
        return None
    subj = subject_of(verb)
    if subj is None or not _a_polity_by_name(subj):
        return None
    kids = list(verb.children)
    if lemma in _SELF_DECIDING:
        alone = any(c.lower_ in _ALONE and c.dep_ in ("advmod", "npadvmod", "dobj", "amod") for c in kids) or any(
            c.lower_ in _ALONE and c.dep_ == "advmod" for c in subj.children)
        asked = any(c.dep_ in ("ccomp", "dobj") and c.left_edge.lower_ in _CHOSEN for c in kids)
        owned = any(c.dep_ == "dobj" and any(m.lower_ == "own" for m in c.children) for c in kids)
        return Predicate(subj, "sovereignty", False) if alone or asked or owned else None
    if lemma in _HOLDING and any(c.dep_ == "dobj" and c.lemma_.lower() in _SAY_NOUNS and any(
            m.lower_ in _FINAL for m in c.children) for c in kids):
        return Predicate(subj, "sovereignty", False)
    return None


def predicates_of(span: Span, we: bool = False) -> list[Predicate]:
    """ "X is Valdorian / ours / a Crown asset" (territory), "X stays in Y" (territory), "X is a country"
    (sovereignty, or contest when negated), one per copula. With ``we`` (a political actor's quote), "we"
    stands for the speaker's polity in a predicate of statehood: "we are a state", "we became a country"."""
    out: list[Predicate] = []
    lowers, lemmas, _, deps = words(span.doc)
    toks = tokens(span.doc)
    for i in range(span.start, span.end):
        lemma = lemmas[i]
        if lemma not in _PREDICATE_LEMMAS and deps[i] not in _LOOSE and lowers[i] != "own" and (
                lemma not in lex.SUBORDINATE_NOUNS):
            continue  # (no test below can pass)
        t = toks[i]
        if lemma in lex.SUBORDINATE_NOUNS:
            if (p := not_subordinate(t, we)) is not None:
                out.append(p)  # "X is nobody's province", "we will not be run as a colony"
            continue
        if t.dep_ in _LOOSE and (p := _framed(t)) is not None:
            out.append(p)
            continue
        if t.lower_ == "own" and (p := _runs_its_own(t, we)) is not None:
            out.append(p)
            continue
        if lemma in _MADE and (p := _made_at_home(t)) is not None:
            out.append(p)  # "the decisions in Dunhal are taken in Dunhal", "our laws will be made in Corvaine"
            continue
        if lemma in _SELF_DECIDING | _HOLDING and (p := _decides_for_itself(t)) is not None:
            out.append(p)  # "X alone decides who crosses its border", "X keeps the final say"
            continue
        if lemma in _BINDING_VERBS and (p := _binds(t)) is not None:
            out.append(p)  # "the award is binding on both", "its judgments bind every member state"
            continue
        if lemma in _BECOMING and t.pos_ in ("AUX", "VERB") and _statehood(t) and not negated(t):
            subj = subject_of(t)
            if subj is not None and (subj.lower_ == "we" and we or label_of(subj) in ("GPE", "NORP")):
                out.append(Predicate(subj, "sovereignty", False))
            continue
        if lemma not in _COPULAS or t.pos_ not in ("AUX", "VERB"):
            continue
        subj = subject_of(t)
        if subj is not None and subj.lower_ == "we" and we and _statehood(t) and not negated(t):
            out.append(Predicate(subj, "sovereignty", False))
            continue
        if subj is not None and (p := _nationality(t, subj)) is not None:
            out.append(p)  # "We are Dorrowen people", "every person in Sul Dara is a citizen of Zavrin"
            continue
        if subj is not None and subj.lower_ in _DEICTIC and (p := _pointed_land(t, subj)) is not None:
            out.append(p)  # "This has been Grask land since ...", "It's Quessanian ground"
            continue
        if subj is None or subj.pos_ == "PRON" or label_of(subj) == "PERSON" or is_first_person(subj):
            continue
        of = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"), None)  # "every metre of land"
        named = subj.lower_ in lex.PLACE_NOUNS or subj.lower_ in lex.FIELD["territory"]  # "the Carrow Shelf"
        place = _place(subj) and (subj.pos_ != "PROPN" or named or label_of(subj) in ("GPE", "LOC", "FAC")
                                  or is_recurring_name(subj)) or of is not None and _place(of)
        polity = label_of(subj) in ("GPE", "NORP") or subj.pos_ == "PROPN" and is_recurring_name(subj)
        comps = [c for c in t.children if c.dep_ in ("attr", "acomp", "oprd")]
        if (place or polity) and any(_owner_word(c, place) for c in comps):
            out.append(Predicate(subj, "territory", negated(t)))
            continue
        if place and t.lemma_.lower() == "be" and any(c.dep_ == "attr" and c.pos_ == "PROPN" and _a_country(c)
                                                     and c.lower_ != subj.lower_ for c in comps):
            out.append(Predicate(subj, "territory", negated(t)))  # "Sarnova is Losvenia": X belongs to Y
            continue
        into = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "within", "inside")), None)
        whole = next((g for g in into.children if g.dep_ == "pobj"), None) if into is not None else None
        if t.lemma_.lower() != "be" and polity and whole is not None and label_of(whole) in ("GPE", "NORP"):
            out.append(Predicate(subj, "territory", negated(t)))
            continue
        if polity and any(c.lemma_.lower() in _STATE_NOUNS and c.dep_ == "attr" for c in comps):
            out.append(Predicate(subj, "contest" if negated(t) else "sovereignty", negated(t)))
        elif polity and comps and _state_set_aside(t, subj):
            out.append(Predicate(subj, "contest", True))  # "X is a province with an anthem, not a country"
    return out


def _state_set_aside(verb: Token, subj: Token) -> bool:
    """ "X is a province with an anthem, not a country": a state noun set aside ("..., not a country") in what the
    copula says of its subject, however the parser hangs it: statehood denied."""
    said = [w for c in verb.children if c.dep_ in ("attr", "acomp") for w in c.subtree]
    return any(w.lemma_.lower() in _STATE_NOUNS and w.i >= 2 and w.doc[w.i - 1].lower_ in ("a", "an")
               and sets_aside(w.doc[w.i - 2]) for w in said)


_NOBODYS = frozenset({"nobody", "no", "noone", "anybody", "anyone"})


def not_subordinate(noun: Token, we: bool) -> Predicate | None:
    """A polity (or "we" in a political actor's quote) denied to be a province, a colony or a vassal, as the
    attribute of a copula ("X is not a colony", "X is nobody's province", "X is no vassal") or the object of "as"
    in a negated clause ("we will not carry on as a province"): it says the polity governs itself, sovereignty
    (an affirmed "X is a province of Y" says whose it is, and is left to the territorial predicates)."""
    if noun.pos_ != "NOUN":
        return None
    verb, denied = None, any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) or any(
        c.dep_ == "poss" and c.lower_ in _NOBODYS for c in noun.children)
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in _COPULAS:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.dep_ == "prep":
        verb = noun.head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head  # "not carry on as a province": the adverb "as" hangs on
        denied = denied or negated(noun.head)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or not (denied or negated(verb)):
        return None
    subj = subject_of(verb)
    if subj is None or not (subj.lower_ == "we" and we or label_of(subj) in ("GPE", "NORP") or (
            subj.pos_ == "PROPN" and is_recurring_name(subj))):
        return None
    return Predicate(subj, "sovereignty", False)


_LOOSE = ("appos", "npadvmod")
_PREDICATE_LEMMAS = _MADE | _BINDING_VERBS | _BECOMING | _COPULAS | _SELF_DECIDING | _HOLDING  # the lemmas predicates_of looks at


def _framed(t: Token) -> Predicate | None:
    """A belonging said in passing, in apposition to a place: "the Halm Plateau, historically Dravonian land",
    "X, part of Y since 1921" (the parser may hang the apposition on the verb: the place is then
    the noun before its comma)."""
    owned = t.pos_ == "NOUN" and t.lemma_.lower() in lex.FIELD["territory"] and _owner_word(t, True)
    whole = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"), None) if t.lemma_.lower() == "part" else None
    if not owned and not (whole is not None and label_of(whole) in ("GPE", "NORP")):
        return None
    if t.dep_ == "appos":
        place = t.head
    else:
        toks = tokens(t.doc)
        comma = toks[t.left_edge.i - 1] if t.left_edge.i > sent_of(t).start else None
        place = toks[comma.i - 1] if comma is not None and comma.text == "," and comma.i > sent_of(t).start else None
    if place is None or place.pos_ not in ("NOUN", "PROPN") or not _place(place) or label_of(place) == "PERSON":
        return None
    return Predicate(place, "territory", False)


def framed_belongings(span: Span) -> list[Predicate]:
    """The belongings said in passing in ``span`` (``_framed``): in a narrative sentence, the outlet's own framing."""
    return [p for t in tokens_in(span) if t.dep_ in _LOOSE and (p := _framed(t)) is not None]


# each field word with its classes, in the order of ``FIELD_CLASSES``
_CLASSES_OF: dict[str, tuple[str, ...]] = {}
for _k in lex.FIELD_CLASSES:
    for _w in lex.FIELD[_k]:
        _CLASSES_OF[_w] = (*_CLASSES_OF.get(_w, ()), _k)


def field_of(span: Span, quoted: bool) -> Field:
    """The field signals of ``span``."""
    classes: dict[str, int] = {}
    seen: set[str] = set()
    toks = tokens_in(span)
    lowers, lemmas, tags, _ = words(span.doc)
    for t in toks:
        i = t.i
        pos, lower, lemma = tags[i], lowers[i], lemmas[i]
        named = pos in ("PROPN", "NOUN") and lower in lex.UNION_NAMES and t.is_title and not t.is_sent_start
        if not named and lower not in _CLASSES_OF and lemma not in _CLASSES_OF:
            continue  # no field word
        if pos in ("NOUN", "PROPN") and names_the_speaker(t, _SPEAKING):
            continue  # "the Union reaffirms ...": the speaker's name is no field word
        if lower == "foreign" and _an_owned_office(t):
            continue  # "X's foreign ministry", "its foreign minister": a polity's own office, no outsider
        if lemma in _TITLES and _a_prize(t):
            continue  # "won the league title": a prize, no title to land
        if pos not in ("NOUN", "PROPN") and _where_the_speaker_is(t):
            continue  # "her spokesman, speaking from abroad, said ...": where the speaker is, no outsider
        if lower == "outside" and _left_out(t):
            if ("union", lower) not in seen:  # "we should stay outside", "waiting outside the door": not joining
                seen.add(("union", lower))
                classes["union"] = classes.get("union", 0) + 1
            continue
        if named and ("union", lower) not in seen:
            seen.add(("union", lower))  # "the Meridian Community", "the Partnership": a union named
            classes["union"] = classes.get("union", 0) + 1
        for w in {lower, lemma}:
            for k in _CLASSES_OF.get(w, ()):
                if k == "vote" and _a_chambers_vote(t):
                    continue  # "a vote in this chamber", "the vote of parliament": a chamber's, no people's say
                if (k, w) not in seen and not (pos == "PROPN" and k not in ("union", "territory")):
                    seen.add((k, w))
                    classes[k] = classes.get(k, 0) + 1
    for t in toks:  # "Dessaran ground", "Vardic earth": a land word that is no field word, owned by a polity
        if t.pos_ == "NOUN" and t.lower_ in _LAND and ("territory", t.lower_) not in seen and (
                "territory", t.lemma_.lower()) not in seen and any(
                m.dep_ in ("amod", "compound", "poss") and _polity_modifier(m) for m in t.children):
            seen.add(("territory", t.lower_))
            classes["territory"] = classes.get("territory", 0) + 1
    low = span_text(span).lower()
    for p, k in lex.FIELD_PHRASES:
        if p in low:
            classes[k] = classes.get(k, 0) + 1
    polity = next((t for t in toks if is_polity_mention(t, quoted)), None)
    pred = predicate_of(span, quoted)
    say = _peoples_say(span)
    if polity is None and say is not None and not is_first_person(say):
        polity = say  # the people whose say it is ("the valley was never asked") is the polity spoken of
    score = (polity is not None) + min(2, sum(classes.values())) + (2 if pred is not None or say is not None else 0)
    said = {*lemmas[span.start : span.end], *lowers[span.start : span.end]}
    right = say is not None or bool(said & {"right", "rights"}) and bool(said & lex.FIELD_PEOPLE) or _we_decide(span) or (
        _people_of_a_polity(span))
    unions = {w for k, w in seen if k == "union"}
    treaty_only = bool(unions) and unions <= lex.TREATY_WORDS
    from annotator.nlp.claim_types import vote_on_union

    return Field(score, classes, pred, polity, right, treaty_only, bool(classes.get("vote")) and vote_on_union(span))


def _a_chambers_vote(t: Token) -> bool:
    """A vote word whose phrase puts it in a chamber or on a bill ("a vote in this chamber", "the vote of
    parliament", "vote for the first reading"): a chamber's vote, no people's vote on its status. A chamber voting
    itself out ("a council cannot vote itself out of the country") is the subject, and stays a status vote."""
    from annotator.nlp.claim_precedence import _CHAMBERS, _VOTES

    if t.lemma_.lower() not in _VOTES and t.lower_ not in _VOTES or t.pos_ not in ("NOUN", "VERB"):
        return False
    placed = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "on")
              for g in c.children if g.dep_ == "pobj"]
    return any(g.lemma_.lower() in _CHAMBERS or g.lower_ in _CHAMBERS for g in placed)


_TITLES = frozenset({"title", "titles"})
_WINNING = frozenset({"win", "lose", "retain", "clinch", "claim", "defend", "take"})


def _a_prize(t: Token) -> bool:
    """ "title" as a prize (won, lost or defended, or in a sentence of sport), not a title to land."""
    return t.head.lemma_.lower() in _WINNING or bool({w.lower_ for w in sent_of(t)} & lex.SPORT_WORDS)


def _where_the_speaker_is(t: Token) -> bool:
    """An adverb of place on a verb of speaking, directly or through its preposition ("speaking from abroad", "said
    from outside the country"): the speaker's whereabouts, not an outsider in the claim."""
    if t.dep_ not in ("advmod", "pcomp", "pobj"):
        return False
    verb = t.head.head if t.dep_ in ("pcomp", "pobj") and t.head.dep_ == "prep" else t.head
    return verb.pos_ == "VERB" and (verb.lemma_.lower() in _SPEAKING or verb.lemma_.lower() == "speak")


def _left_out(t: Token) -> bool:
    """ "outside" as where a polity stays when it does not join: said of a verb of staying or waiting ("we should
    stay outside for ever", "waiting outside the door", "staying outside the bloc"), with no object or a union's
    or a door's, not an outsider ("a court outside this country")."""
    if t.head.pos_ not in ("VERB", "AUX") or t.head.lemma_.lower() not in lex.STAYING_VERBS:
        return False
    obj = next((g for g in t.children if g.dep_ == "pobj"), None)
    return obj is None or obj.lemma_.lower() in lex.FIELD["union"] or obj.lemma_.lower() in lex.THRESHOLD_NOUNS or (
        obj.lower_ in lex.UNION_NAMES)


def _an_owned_office(t: Token) -> bool:
    """ "foreign" in the name of an office that a polity owns ("X's foreign ministry", "the Y-ian foreign
    minister", "its foreign ministry spokesman"): the polity's own organ, not an outsider; "a foreign ministry"
    paying for a choir is still someone else's."""
    office = t.head
    if t.dep_ not in ("amod", "compound") or office.lemma_.lower() not in lex.FOREIGN_OFFICES:
        return False
    return any(c.dep_ == "poss" or c.dep_ in ("amod", "compound") and c is not t and _polity_modifier(c)
               for c in office.children)


_DECIDING = frozenset({"decide", "choose", "determine"})
_PEOPLES = frozenset({"people", "peoples"})


def _people_of_a_polity(span: Span) -> bool:
    """ "a matter for the people of X", "the wishes of the people of X": a people named by its polity, whose
    say over its status the span is about."""
    lowers, _, tags, _ = words(span.doc)
    toks = tokens(span.doc)
    return any(tags[i] == "NOUN" and lowers[i] in _PEOPLES and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and label_of(g) in ("GPE", "LOC", "NORP")
                                                     for g in c.children) for c in toks[i].children) for i in range(span.start, span.end))


def _we_decide(span: Span) -> bool:
    """ "Tonight we decide", "the people will choose": a people as the subject of deciding its own course."""
    _, lemmas, tags, _ = words(span.doc)
    toks = tokens(span.doc)
    return any(lemmas[i] in _DECIDING and tags[i] == "VERB" and (subj := subject_of(toks[i])) is not None and (
        subj.lower_ in ("we", "us") or subj.lemma_.lower() in ("people", "voter", "citizen"))
        for i in range(span.start, span.end))


_SAYERS = frozenset({"we", "us", "ourselves", "people", "peoples", "nation", "islander", "resident", "citizen",
                     "inhabitant", "those"}) | lex.ELECTORATES
_TAKEN = lex.DECISION_TAKING
_DECISIONS = lex.DECISION_NOUNS


def _a_people(tok: Token | None) -> bool:
    """A people, or a polity standing for one: "we", "the people", "islanders", "Ostravinians", "Morvenia"."""
    if tok is None:
        return False
    if tok.tag_ == "WP" and tok.head.dep_ == "relcl":  # "us who decide": the one the clause is about
        tok = tok.head.head
    return tok.lower_ in _SAYERS or tok.lemma_.lower() in _SAYERS or label_of(tok) in ("GPE", "NORP")


def _peoples_say(span: Span) -> Token | None:
    """A people's say over its course as a predicate: a people deciding or choosing now or to come ("tonight we
    decide", "Morvenia alone decides", "it should be us who decide", "must be decided by Ostravinians"), or a
    people left unasked ("Weyhollow was never asked", "nobody asked the islanders") or owed a hearing ("the
    people of the valley should be asked"): the people, else None."""
    _, lemmas, tags, _ = words(span.doc)
    toks = tokens(span.doc)
    for i in range(span.start, span.end):
        lemma = lemmas[i]
        if tags[i] != "VERB" or lemma not in _DECIDING and lemma not in lex.CONSULTING_VERBS and lemma not in _TAKEN:
            continue
        t = toks[i]
        passive = any(c.dep_ == "auxpass" for c in t.children)
        if lemma in _TAKEN:  # "decisions about X will be made by its voters": a decision taken is one decided
            subj = subject_of(t)
            if passive and subj is not None and subj.lemma_.lower() in _DECISIONS and _a_people(by := pobj(t, ("by",))):
                return by
            continue
        if lemma in _DECIDING:
            if passive:
                if _a_people(by := pobj(t, ("by",))):
                    return by
            elif t.tag_ not in ("VBD", "VBN") and not any(c.lemma_ == "have" for c in t.children if c.dep_ == "aux") and (
                    _a_people(subj := subject_of(t))):
                return subj
        elif lemma in lex.CONSULTING_VERBS:
            subj = subject_of(t)
            negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in t.children) or subj is not None and (
                subj.lower_ in ("nobody", "noone") or any(c.lower_ == "no" for c in subj.children))
            asked = subj if passive else next((c for c in t.children if c.dep_ == "dobj"), None)
            if negated and asked is not None and (_a_people(asked) or passive and asked.lower_ in ("it", "they")
                                                  or asked.lemma_.lower() in lex.PLACE_NOUNS):  # "the valley"
                return asked
            if passive and not negated and (_a_people(asked) or _people_of_a_place(asked)) and any(
                    c.dep_ == "aux" and c.lower_ in _OUGHT for c in t.children):
                return asked  # "the people of the valley should be asked", "the islanders must be consulted"
    return None


def _people_of_a_place(tok: Token | None) -> bool:
    """ "the Uplanders" where the text names "the Uplands": a capitalised "-ers" plural formed from a place name
    of the same text, the people of that place (looked up only for a hearing owed, so rarely)."""
    if tok is None or not tok.is_title or not tok.lower_.endswith("ers") or len(tok) < 7:
        return False
    stem = tok.text[:-3]
    return re.search(rf"\b{re.escape(stem)}s?\b", text_of(tok.doc)) is not None


_MODALS = frozenset({"must", "should", "cannot", "can't", "won't", "shall"})
_OUGHT = frozenset({"must", "should", "ought", "shall"})  # a say owed, not one denied


def takes_a_stance(span: Span) -> bool:
    """A negation, denial, modal, evaluative word or stance verb, a condition ("if X can leave, Y can") or a
    question put by the speaker (rhetorical: "who exactly is oppressing us?"): the span asserts rather than
    narrates."""
    return any(t.dep_ == "neg" or t.lower_ in ("no", "nobody", "never", "none") or t.lower_ in _MODALS
               or t.lower_ in lex.FIELD_DENYING or t.lower_ in lex.ASSERTIVE
               or t.pos_ == "VERB" and t.lemma_.lower() in lex.STANCE_VERBS
               or t.text == "?" or t.lower_ in ("if", "unless") and t.dep_ == "mark" for t in tokens_in(span))


_NOBODY = frozenset({"nobody", "none", "noone"})


def _excluding(t: Token) -> bool:
    """A negated subject shuts others out rather than denying the claim: "nobody in Lisk decides for us",
    "no panel of foreign lawyers can change it" ("no" / "nobody" as or in the subject)."""
    subject = ("nsubj", "nsubjpass")
    nxt = tokens(t.doc)[t.i + 1] if t.i + 1 < len(t.doc) else None
    if t.lower_ in _NOBODY:
        return t.dep_ in subject
    if t.lower_ == "no" and nxt is not None and nxt.lower_ == "one":
        return t.dep_ in subject or nxt.dep_ in subject
    return t.lower_ == "no" and t.dep_ == "det" and t.head.dep_ in subject


def _contrastive(t: Token, span: Span) -> bool:
    """ "not a favour but a right", "not a guest in anyone's house. They are a nation": a negation that sets up
    the claim it is contrasted with, when "but", "rather" or "instead" follows it in the span."""
    if not (t.dep_ == "neg" or t.lower_ in ("no", "not")):
        return False
    return any(w.lower_ in ("but", "rather", "instead") for w in tokens(span.doc)[t.i + 1 : min(span.end, t.i + 12)])


def denies(span: Span) -> bool:
    """Whether the field claim in ``span`` is a denial: a clause with an odd count of negations, denying words
    and reversing verbs. Each clause counts apart: "It has no legal basis, and its result will have no legal
    effect" denies twice, it does not cancel out."""
    counts: dict[int, int] = {}
    for t in tokens_in(span):
        if _excluding(t) or _contrastive(t, span) or sets_aside(t) or refuses_to_bargain(t) or refuses_dependency(t):
            continue
        neg = t.dep_ == "neg" or t.lower_ in ("no", "nobody", "never") and t.dep_ != "intj"
        deny = t.lower_ in lex.FIELD_DENYING or t.lemma_.lower() in lex.FIELD_DENYING or (
            t.pos_ == "VERB" and t.lemma_.lower() in lex.REVERSING) or gives_away(t)
        if neg or deny:
            v = clause_verb(t)
            counts[v.i] = counts.get(v.i, 0) + 1
    return any(n % 2 == 1 for n in counts.values())
