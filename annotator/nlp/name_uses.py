"""What each name of a document is used as across all its mentions: a place, venue, work or team ("in X", "visit
X", "X Town", "the X exhibition") or a person (a title, an age, a reporting verb, a he/she after it, a full name)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from annotator.nlp.cues import lemma_of
from annotator.nlp.lexicon import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    ORG_NOUNS,
    PEOPLE_NOUNS,
    PRONOUN_KIND,
    SETTLEMENT_NOUNS,
    TITLE_HEADS,
    VENUE_NOUNS,
    classes,
    words,
)
from annotator.nlp.names import is_cap, is_title
from annotator.nlp.once import ents, tokens
from annotator.nlp.roles import person_noun

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions, NamedMention

PLACE_PREPOSITIONS = words("place_prepositions")
_MOTION = classes("motion_verbs")
GOING_VERBS, ARRIVING_VERBS = _MOTION["going"], _MOTION["arriving"]
_KIN = MALE_NOUNS | FEMALE_NOUNS  # "X's wife", "X's son": a person's
_PLACE_WORDS = SETTLEMENT_NOUNS | VENUE_NOUNS  # "X Town", "X Gallery": the name of a place

_PLACE_LABELS = ("LOC", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT")  # labels the mention table does not collect
MODIFIER = 0.5  # "the X staff", "X trading": a name modifying a common noun; a family name does so too ("the X farm")


def _root(doc, m: NamedMention) -> Token:
    """The token of the mention whose head lies outside it."""
    toks = tokens(doc)
    for t in toks[m.start : m.end]:
        if not m.start <= t.head.i < m.end or t.head.i == t.i:
            return t
    return toks[m.end - 1]


def place_use(mentions: Mentions, m: NamedMention) -> float:
    """How much one mention uses its name as a place, venue, work or team: 1 for the object of a preposition of
    place or of going ("in X", "moved to X", "a nurse from X"), of a verb of arriving ("visit X"), of "of" after a
    title or a settlement noun ("Mayor of X"), or a name ending in a place word ("X Town"); ``MODIFIER`` for a
    name that modifies a common noun for no person ("the X exhibition"); else 0."""
    doc = mentions.doc
    last = tokens(doc)[m.end - 1]
    if m.end - m.start > 1 and is_cap(last) and last.lower_ in _PLACE_WORDS:
        return 1.0
    r = _root(doc, m)
    if r.dep_ == "pobj":
        prep = r.head
        word, owner = prep.lower_, prep.head
        if word in PLACE_PREPOSITIONS:
            return 1.0
        if word in ("to", "from") and owner.pos_ in ("VERB", "AUX") and lemma_of(owner) in GOING_VERBS:
            return 1.0
        if word == "from" and owner.i < prep.i and (person_noun(owner) or owner.lower_ in PEOPLE_NOUNS):
            return 1.0  # "a nurse from X", "residents from X"
        if word == "of" and owner.i < prep.i and (is_title(owner) or owner.lower_ in SETTLEMENT_NOUNS):
            return 1.0  # "the Mayor of X", "the town of X"
        return 0.0
    if r.dep_ == "dobj" and r.head.pos_ == "VERB" and lemma_of(r.head) in ARRIVING_VERBS:
        return 1.0
    head = r.head
    if r.dep_ in ("compound", "nmod") and head.i > r.i and head.pos_ == "NOUN" and head.is_lower:
        if not (person_noun(head) or head.lower_ in PEOPLE_NOUNS or head.lower_ in _KIN):
            return MODIFIER  # not "the X sisters", "X supporters", "X manager"
    return 0.0


def person_use(mentions: Mentions, m: NamedMention) -> bool:
    """One mention uses its name as a person's: a personal title, the subject of a reporting verb, an age or a
    "who" set off after it, a he/she after it in its clause, a kin noun it owns ("X's wife"), or a full name
    (two capitalised proper nouns, no place or organisation word)."""
    doc = mentions.doc
    toks = tokens(doc)[m.start : m.end]
    if m.speaker or _titled(mentions, m) or mentions.aged(m) or mentions.who_follows(m):
        return True
    if m.subject and mentions.personal_pronoun_follows(m) and not person_between(mentions, m):
        return True
    r = _root(doc, m)
    if r.dep_ == "poss" and r.head.lower_ in _KIN:
        return True
    names = [t for t in toks if t.text != "-"]
    return len(names) >= 2 and _name_words(names)


def _titled(mentions: Mentions, m: NamedMention) -> bool:
    """A personal title before the name ("Dr X", "manager X") or among its title words ("the mayor, X"), or a
    noun for one person set off by a comma beside it ("X, a teacher,", "the club's coach, X")."""
    doc = mentions.doc
    if m.start > 0 and is_title(doc[m.start - 1]) or {w for w in m.titles if w in TITLE_HEADS} - ORG_NOUNS:
        return True
    r = _root(doc, m)
    beside = [r.head] if r.dep_ == "appos" else []
    beside += [c for c in r.children if c.dep_ == "appos"]
    return any(person_noun(n) and doc[min(n.i, r.i) : max(n.i, r.i)].text.count(",") for n in beside)


def person_between(mentions: Mentions, m: NamedMention) -> bool:
    """A noun for a person, or another person's name, after the name in its sentence and before its next he/she/
    his/her ("X is the work of an artist in command of her material"): whom that pronoun may stand for."""
    doc = mentions.doc
    for t in tokens(doc)[m.end : min(len(doc), m.end + 40)]:
        if t.lower_ in PRONOUN_KIND or t.lower_ in ("his", "her", "hers", "himself", "herself"):
            return False
        if t.is_sent_start or t.ent_type_ == "PERSON" or t.pos_ == "NOUN" and (person_noun(t) or t.lower_ in PEOPLE_NOUNS):
            return not t.is_sent_start
    return False


def impersonal_keys(mentions: Mentions) -> set[str]:
    """The keys of the names of people (PERSON or NAME?) that some mention uses as a place, venue, work or team and
    none as a person's: the tagger's guess, not the text's use."""
    place: dict[str, float] = {}
    person: set[str] = set()
    for m in mentions.items:
        if m.head >= 0 or not m.personal:
            continue
        if m.key in person:
            continue
        if person_use(mentions, m):
            person.add(m.key)
            continue
        place[m.key] = place.get(m.key, 0.0) + place_use(mentions, m)
    for e in ents(mentions.doc):  # "Mayor of X" with X tagged a location: the same name used as a place
        key = e.text.lower().removeprefix("the ")
        if e.label_ in _PLACE_LABELS and key in place and mentions.outside(e.start, e.end):
            place[key] += 1.0
    return {k for k, v in place.items() if v >= 1 and k not in person}


def name_shaped(mentions: Mentions, m: NamedMention) -> bool:
    """Two or three capitalised proper nouns with no organisation, place or title word: shaped like a
    person's first and last name ("Ana Roe-Hart"), whatever the tagger made it."""
    names = [t for t in tokens(mentions.doc)[m.start : m.end] if t.text != "-"]
    return 2 <= len(names) <= 3 and _name_words(names)


def _name_words(names: list[Token]) -> bool:
    """Every word a capitalised proper noun (NNP), none an organisation's, a place's or a title word."""
    return all(t.pos_ == "PROPN" and is_cap(t) and t.tag_ == "NNP" and t.lower_ not in ORG_NOUNS | _PLACE_WORDS
               and not is_title(t) for t in names)


def surnamed_keys(mentions: Mentions) -> set[str]:
    """The last words of names tagged as no person but shaped like a first and last name ("Ana Roe-Hart" tagged a
    place) whose last word alone is later the subject of a reporting verb ("Roe-Hart said"), and no mention of
    either used as a place: a person called by the surname, as people are (an organisation is called by the
    first word of its name, "Kestrel" of "Kestrel Robotics")."""
    doc = mentions.doc
    toks = tokens(doc)
    full: dict[str, list[NamedMention]] = {}
    for m in mentions.items:
        if m.head < 0 and not m.personal and m.label != "NORP" and name_shaped(mentions, m):
            full.setdefault(doc[m.start + 1 : m.end].text.lower(), []).append(m)
    out = set()
    for surname, ms in full.items():
        bare = [b for b in mentions.items if b.start > ms[0].start and b.head < 0
                and doc[b.start : b.end].text.lower() == surname]  # fmt: skip
        if not any(b.speaker for b in bare):
            continue
        if any(place_use(mentions, x) for x in ms + bare):
            continue
        out.add(toks[ms[0].end - 1].lower_)
    return out
