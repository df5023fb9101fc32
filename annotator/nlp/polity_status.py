"""Which polities a document treats as a region or people within or under another state rather than as a state,
read once per document from the parse: "the X regional assembly", "X's regional government", "the province of X",
"X, a region of Y", "X's autonomy", "a referendum on X's independence". The codebook's tie-break between a state's
sovereignty and a region's self-determination turns on it."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_names import country_of
from annotator.nlp.claim_tree import entity_of, label_of, negated, pobj
from annotator.nlp.once import tokens

__all__ = ["non_state", "non_state_names"]

_LABELS = ("GPE", "LOC", "NORP", "ORG", "")


_GENERIC = (lex.REGION_NOUNS | lex.SUB_STATE_WORDS | lex.SUB_STATE_ORGANS | lex.PLACE_NOUNS | lex.POLITY_NOUNS
            | lex.STATE_ORGANS | lex.NAME_ENDS | frozenset({"upper", "lower", "north", "south", "east", "west", "northern",
                                                              "southern", "eastern", "western", "new", "great",
                                                              "first", "chief"}))


def _name(t: Token) -> str:
    """The word a name is known by: the last word of its entity that is no common word ("Upper Ysk" -> "ysk",
    "the X Regional Party" -> "x"), or the country a demonym of the text is formed from ("Ulmenrans" -> "ulmenra")."""
    country = country_of(t) if t.is_title else None
    if country is not None:
        return country.lower_
    ent = entity_of(t)
    words = [w for w in (ent if ent is not None else [t]) if w.is_title and w.lower_ not in _GENERIC]
    return words[-1].lower_ if words else ""


def _a_name(t: Token) -> bool:
    if country_of(t) is not None:
        return True
    return t.is_title and (t.pos_ == "PROPN" or entity_of(t) is not None) and label_of(t) in _LABELS and (
        t.lower_ not in _GENERIC)


def _region_word(t: Token) -> bool:
    return t.lemma_.lower() in lex.REGION_NOUNS or t.lower_ in lex.REGION_NOUNS


def _sub_state(t: Token) -> bool:
    """ "regional", "provincial", "devolved", "autonomous": a word that puts an organ below a state."""
    return t.lower_ in lex.SUB_STATE_WORDS


def _a_sub_state_head(t: Token) -> bool:
    """ "first minister", "chief minister": the head of a government below a state."""
    return t.lemma_.lower() == "minister" and any(c.lower_ in ("first", "chief") and c.i == t.i - 1 for c in t.children)


def _marked_by(t: Token) -> bool:
    """Whether the name ``t`` is marked here as a region or people under another state."""
    head = t.head
    if t.dep_ in ("compound", "poss", "nmod", "amod") and head is not t:
        mods = [c for c in head.children if c is not t]
        if _region_word(head) and t.dep_ == "compound":
            return True  # "the Quellith region", "Sandrek province"
        if head.lemma_.lower() in lex.SUB_STATE_ORGANS and (any(_sub_state(c) for c in mods) or _sub_state(head)
                                                             or _a_sub_state_head(head)):
            return True  # "the Zorvany regional assembly", "X's regional government", "the X Regional Party"
        if head.lemma_.lower() in lex.STATUS_SOUGHT:
            return True  # "X's autonomy", "the X secession bid", "X home rule"
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head is not t.head:
        owner = t.head.head
        if _region_word(owner) and any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children):
            return True  # "the province of X" names X; "a province of Y", "any region of Y" name the state Y
        if owner.lemma_.lower() in lex.STATUS_SOUGHT:
            return True  # "the secession of X"
        if owner.lemma_.lower() in lex.SUB_STATE_ORGANS and any(_sub_state(c) for c in owner.children):
            return True  # "the regional government of X"
    if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in lex.STATUS_SOUGHT:
        return True  # "autonomy for X", "home rule for X"
    for c in t.children:
        if c.dep_ == "appos" and _region_word(c) and c.lemma_.lower() != "state":
            return True  # "X, a region of Y", "X, an island province in the north of Y"
        if c.dep_ in ("compound", "amod") and c.lower_ == "autonomous":
            return True  # "autonomous X"
    part = next((c for c in t.children if c.dep_ == "appos" and c.lemma_.lower() == "part"), None)
    if part is not None and _whole_state(part) is not None:
        return True  # "X, part of Y since 1921"
    if t.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in ("be", "remain", "stay"):
        attr = next((c for c in head.children if c.dep_ == "attr"), None)
        denied = negated(head)
        if attr is not None and not denied and (_region_word(attr) or attr.lemma_.lower() == "part" and _whole_state(
                attr) is not None or _another_state(attr, t)):
            return True  # "X is a province of Y", "X remains part of Y", "X is Y and always has been"
    return _would_be_independent(t)


def _whole_state(part: Token) -> Token | None:
    """The state a part noun is part of ("part of Y"), else None ("part of the Union", "part of Europe")."""
    whole = pobj(part, ("of",))
    return whole if whole is not None and label_of(whole) == "GPE" and whole.lower_ not in lex.UNION_NAMES else None


def _another_state(attr: Token, t: Token) -> bool:
    """ "X is Y": a state named as what the polity is, another name than its own."""
    return attr.pos_ == "PROPN" and label_of(attr) == "GPE" and _name(attr) not in ("", _name(t))


def _would_be_independent(t: Token) -> bool:
    """ "An independent X would apply at once to join ...": independence as a condition to come, so not had."""
    if not any(c.dep_ == "amod" and c.lower_ == "independent" for c in t.children):
        return False
    verb = t.head
    return any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "'d") for c in verb.children)


@lru_cache(maxsize=8)
def non_state_names(doc: Doc) -> frozenset[str]:
    """The names (lower case) the document marks as a region or people within or under another state."""
    return frozenset(_name(t) for t in tokens(doc) if _a_name(t) and _marked_by(t)) - {""}


def non_state(t: Token | None) -> bool:
    """``t`` names (or is a demonym of) a polity its document marks as a region or people under another state."""
    if t is None or not t.is_title:
        return False  # looked up by its word, whatever the tagger made of this mention ("Brastova" as a person)
    return _name(t) in non_state_names(t.doc)
