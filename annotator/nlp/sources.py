"""Unnamed sources as entities of the text: the subject of a reporting verb that names no one ("One father,
collecting his daughter, said", "A spokeswoman for the Vell Trust told", "one of the people said",
"The regional water board said in a statement"), or an indefinite person a sentence's main clause
introduces ("Another analyst, who asked not to be named, was blunter"), is someone a "he", "she" or "it"
after it, or a "the man" / "the person" / "the board" repeating its noun, can refer to, weighed like any
named mention.

Only indefinite descriptions (which introduce someone new), and definite ones that name no one the
text names (an organisation described, not named), enter: "the judge said" is the judge named before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from annotator.nlp.anonymity import unnamed_by_text
from annotator.nlp.cues import lemma_of
from annotator.nlp.lexicon import FEMALE_NOUNS, MALE_NOUNS, ORG_NOUNS, PROXY_NOUNS, REPORTING_VERBS, words
from annotator.nlp.once import tokens
from annotator.nlp.roles import is_role, person_noun

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions, NamedMention

_INDEFINITE = frozenset(("a", "an", "another", "one", "some"))
_DEFINITE = frozenset(("the", "this", "that"))
_PHRASE_PREPS = frozenset(("for", "of", "to", "at", "from", "with", "in", "on"))
_PEOPLE = words("people_nouns")
# The plural a singular description stands for among "one of the people" ("the person" is one of them).
_ONE_OF = {"people": "person", "men": "man", "women": "woman", "children": "child"}


def unnamed_sources(mentions: Mentions) -> list[NamedMention]:
    """The unnamed subjects of reporting verbs outside quotes, in text order, as mentions with label ""
    (``speaker`` and ``subject`` set, ``head`` their head noun's index)."""
    doc = mentions.doc
    toks = tokens(doc)
    out: list[NamedMention] = []
    for t in toks:
        if t.dep_ != "nsubj" or t.head.pos_ not in ("VERB", "AUX"):
            continue
        if (t.head.pos_ != "VERB" or lemma_of(t.head) not in REPORTING_VERBS) and not _introduces_person(mentions, t):
            continue
        common = t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.is_lower  # "the regional health ministry" tagged PROPN
        if not (common or t.lower_ == "one" and _one_of(t) is not None) or not t.is_alpha:
            continue
        if not mentions.outside(t.i, t.i + 1) or t.tag_ in ("NNS", "NNPS") and t.lower_ not in ORG_NOUNS:
            continue
        span = source_span(t)
        if span is None or not mentions.outside(*span):
            continue
        s, e = span
        first = toks[s].lower_
        if any(m.personal and not _behind_preposition(mentions, m, t) for m in mentions.between(s, e)):
            continue  # "Ana Roe's spokesman" is hers; "A spokeswoman for the Guild of Tarnhollow" names no one
        if _named_beside(mentions, t):
            continue  # "Another witness, Ana Roe, said": named, set off beside it
        if first in _DEFINITE and kinds_of(t) and kinds_of(t) <= {"m", "f"} and unnamed_by_text(t):
            pass  # "The foreman of one yard, who declined to be identified, said": someone unnamed
        elif first in _DEFINITE:
            if e - s < 3 or t.lower_ not in ORG_NOUNS:
                continue  # "the judge": someone named before; "the regional water board": an organisation described
            if any(m.organisational for m in mentions.between(s, e)) or _named_org_with(mentions, t):
                continue  # "the Vell water board" names it; "the board" is the Vell Water Board named before
        elif first not in _INDEFINITE and not (toks[s].pos_ == "NOUN" and s == t.i):
            continue
        if kinds_of(t) == frozenset():
            continue
        m = mentions.make(s, e, "", True)
        m.speaker, m.head = True, t.i
        out.append(m)
    return out


def _behind_preposition(mentions: Mentions, m: NamedMention, t: Token) -> bool:
    """The name hangs from the source's head noun ``t`` through a preposition ("a spokeswoman for X", "a nurse at X"):
    whom or where the source is of, not the source's own name (however the tagger labelled X)."""
    r = tokens(mentions.doc)[m.end - 1]
    while r.head.i != r.i and r.i != t.i:
        if r.dep_ == "prep" and r.head.i == t.i:
            return True
        r = r.head
    return False


def _named_beside(mentions: Mentions, t: Token) -> bool:
    """A person's name set off in apposition to the source's head noun, directly or through another apposition
    ("Another commuter, Ana Roe,", "One of them, a nurse from Tolbridge, Ana Roe,"): the source is named."""
    for m in mentions.between(t.i + 1, t.right_edge.i + 1):
        if not m.personal:
            continue
        r = next((x for x in tokens(t.doc)[m.start : m.end] if not m.start <= x.head.i < m.end or x.head.i == x.i), None)
        while r is not None and r.dep_ == "appos" and r.head.i != t.i:
            r = r.head
        if r is not None and r.dep_ == "appos" and r.head.i == t.i:
            return True
        doc = t.doc
        if m.start > 0 and doc[m.start - 1].text == "," and m.end + 1 == t.head.i and doc[m.end].text == ",":
            return True  # the name set off just before the verb: "One of them, a nurse from Tolbridge, Ana Roe, said"
    return False


def _introduces_person(mentions: Mentions, t: Token) -> bool:
    """An indefinite description of one person as the subject of a sentence's main clause ("Another analyst,
    who asked not to be named, was blunter"): someone new the text goes on about, whatever the verb; not
    one a name is set off against ("A local vet, Ana Roe, ...": she is named), nor in the lede, whose
    indefinite person wire copy names later."""
    first, doc = t.left_edge, t.doc
    anonymous = first.lower_ in _DEFINITE and unnamed_by_text(t)  # "The boatman, who asked not to be named, sits"
    if not anonymous and (first.lower_ not in _INDEFINITE or first.i == t.i) or t.tag_ != "NN" or t.lower_ in ORG_NOUNS:
        return False
    if t.head.dep_ != "ROOT" or mentions.para_of(first.idx) <= 1 or not kinds_of(t) or not kinds_of(t) <= {"m", "f"}:
        return False
    nxt = t.i + 1
    return not any(c.dep_ == "appos" for c in t.children) and not (
        nxt + 1 < len(doc) and doc[nxt].text == "," and doc[nxt + 1].pos_ == "PROPN")


def source_span(t: Token) -> tuple[int, int] | None:
    """The description a source's head noun heads, up to a comma or a clause: "Another witness" of
    "Another witness, a man who ...", "A spokeswoman for the Vell Trust", "one of the people"."""
    s = t.left_edge.i
    if any(x.is_punct and x.text != "-" for x in tokens(t.doc)[s : t.i]):
        return None
    e = t.i + 1
    for c in t.rights:
        if c.dep_ != "prep" or c.lower_ not in _PHRASE_PREPS or c.i != e:
            break
        sub = list(c.subtree)
        if any(x.is_punct and x.text not in ("-", "'s", "’s") or x.dep_ in ("relcl", "acl") for x in sub):
            break
        e = sub[-1].i + 1
    return s, e


def _one_of(t: Token) -> Token | None:
    """The group of "one of the people": the object of its "of"."""
    prep = next((c for c in t.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return obj if obj is not None and obj.pos_ in ("NOUN", "PRON") else None


def _named_org_with(mentions: Mentions, head: Token) -> bool:
    """An organisation named anywhere in the text whose name has this noun ("the board": the Vell Board)."""
    w = head.lower_
    return any(m.organisational and w in m.key.split() for m in mentions.items)


def head_noun(t: Token) -> Token:
    """The noun a source is known by: the group's noun for "one of the people"."""
    if t.lower_ == "one":
        group = _one_of(t)
        if group is not None:
            return group
    return t


def kinds_of(t: Token) -> frozenset[str]:
    """The pronouns a source's head noun can be referred to by: "m"/"f" for a person (both when the noun
    says no gender), "org" (it) for an organisation, "pl" (they) for a group or an organisation."""
    h = head_noun(t)
    w = h.lower_
    if t.lower_ == "one":  # one of the people, one of them: a person
        return frozenset(("m", "f")) if w in ("them", "they") or w in _PEOPLE or w in _ONE_OF else frozenset()
    if w in ORG_NOUNS:
        return frozenset(("org", "pl"))
    if h.tag_ in ("NNS", "NNPS"):
        return frozenset(("pl",))
    if w in FEMALE_NOUNS or w.endswith("woman"):
        return frozenset(("f",))
    if w in MALE_NOUNS or w.endswith("man") and not w.endswith("woman"):
        return frozenset(("m",))
    if person_noun(h) or is_role(w) or w in PROXY_NOUNS or w in _PEOPLE:
        return frozenset(("m", "f"))
    return frozenset()


def same_noun(mentions: Mentions, m: NamedMention, head: Token) -> bool:
    """A definite description's head noun repeats a source's: its head, the group it is one of
    ("the person" of "one of the people"), or the noun it is set off against ("the man" of "Another
    witness, a man who ...")."""
    doc = mentions.doc
    if m.head < 0:
        return False
    t = doc[m.head]
    lemma = head.lemma_.lower()
    nouns = {t.lemma_.lower()}
    group = _one_of(t) if t.lower_ == "one" else None
    if group is not None:
        nouns.add(_ONE_OF.get(group.lower_, group.lemma_.lower()))
    nouns |= {c.lemma_.lower() for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
    return lemma in nouns


def source_by_noun(mentions: Mentions, head: Token, at: int, paras: int = 4) -> NamedMention | None:
    """The latest unnamed source before token ``at`` (within ``paras`` paragraphs) that the definite
    description headed by ``head`` repeats the noun of ("the man" after "Another witness, a man who ...",
    "the person" after "one of the people said", "the minister" after "One cabinet minister said")."""
    para = mentions.para_of(mentions.doc[at].idx)
    pool = [m for m in mentions.unnamed + [h for h in mentions.history[-200:] if h.head >= 0]
            if m.start < at and para - m.para <= paras and same_noun(mentions, m, head)]  # fmt: skip
    return max(pool, key=lambda m: m.start, default=None)
