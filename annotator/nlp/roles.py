"""Role descriptions as speakers ("the senator", "his daughter", "the Montana Republican", "a federal
judge") and the named person they stand for: by title, by party and state, or forward from a headline."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from annotator.nlp.lexicon import (
    AGENT_SUFFIXES,
    NOT_AGENTS,
    ORG_NOUNS,
    PARTY_WORDS,
    PEOPLE_NOUNS,
    TITLE_HEADS,
    table,
    words,
)
from annotator.nlp.names import Found, noun_phrase

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions, NamedMention

# Short forms of titles, as wire copy writes them before a name.
ALIASES = table("title_aliases")
# AP-style state abbreviations, as in "Sen. Jane Doe (R-Mont.)".
STATES = table("state_abbreviations")
_PARTY_TAG = re.compile(r"\s*\(([RDI])\s*[-–]\s*([A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*)?)\)")
_PARTY = {"r": "republican", "d": "democrat", "i": "independent"}
_DETS = words("determiners")
_INDEFINITE = words("indefinites")
# Generic roles and the titles they cover: "the Belarusian leader" is its president or prime minister.
GENERIC_ROLES = {role: frozenset(titles.split()) for role, titles in table("generic_roles").items()}


def canon(word: str) -> str:
    w = word.lower().rstrip(".")
    return ALIASES.get(w, w)


def party_titles(text: str, end_char: int) -> frozenset[str]:
    """Words a "(R-Mont.)" right after a name gives it: {"republican", "montana"}."""
    m = _PARTY_TAG.match(text, end_char)
    if not m:
        return frozenset()
    state = STATES.get(m.group(2).lower().rstrip("."), m.group(2).lower().rstrip("."))
    return frozenset({_PARTY[m.group(1).lower()], *state.split()})


def is_role(word: str) -> bool:
    """A noun that describes a person by role, kin or party: senator, daughter, Republican."""
    w = canon(word)
    return w in TITLE_HEADS or w in PEOPLE_NOUNS or w in PARTY_WORDS


def person_noun(tok: Token) -> bool:
    """A common noun for one person: a role or title (ambassador, researcher, chief negotiator)."""
    w = tok.lower_
    if tok.pos_ != "NOUN" or w in ORG_NOUNS or tok.tag_ == "NNS":
        return False
    return is_role(w) or (len(w) > 4 and w not in NOT_AGENTS and w.endswith(AGENT_SUFFIXES))


def party_description(doc: Doc, found: Found) -> Found | None:
    """A single party or nationality noun tagged as a group ("the New Jersey Democrat", "Republican
    says") that describes one person: the whole description, else None."""
    head = doc[found.end - 1]
    if found.end - found.start > 3 or canon(head.text) not in PARTY_WORDS or not head.text[:1].isupper():
        return None
    if head.tag_ in ("NNPS", "NNS") or head.text.endswith("s"):
        return None
    s, e = noun_phrase(doc, head)
    return Found(min(s, found.start), max(e, found.end), False, "")


def has_role(role: str, titles: frozenset[str]) -> bool:
    """A person with these title words holds ``role`` (a generic "leader" covers a president)."""
    held = {canon(t) for t in titles}
    return role in held or bool(held & GENERIC_ROLES.get(role, frozenset()))


def _matches(words: set[str], titles: frozenset[str]) -> int:
    """How many description words a person's titles share (Halvenia ~ Halvenian)."""
    n = 0
    for w in words:
        if any(w == t or min(len(w), len(t)) >= 5 and (w.startswith(t) or t.startswith(w)) for t in titles):
            n += 1
    return n


def _context(doc: Doc, m: NamedMention, window: int = 25) -> frozenset[str]:
    """Capitalised words just before a person's mention in the same paragraph ("In neighbouring
    Belovia, … President Anatoly Rudenko"), so "the Belovian leader" can find him."""
    words = []
    for t in reversed(doc[max(0, m.start - window) : m.start]):
        if "\n" in t.text:
            break
        if t.is_alpha and t.text[:1].isupper():
            words.append(canon(t.text))
    return frozenset(words)


def role_words(doc: Doc, found: Found) -> tuple[str, set[str], bool]:
    """The canonical role of a description, its other content words, and whether it is indefinite."""
    toks = [t for t in doc[found.start : found.end] if t.is_alpha]
    head = canon(toks[-1].text) if toks else ""
    words = {canon(t.text) for t in toks[:-1] if t.text[:1].isupper()} - _DETS  # Montana, Halvenia
    first = doc[found.start].lower_
    indefinite = first in _INDEFINITE or (found.start > 0 and doc[found.start - 1].lower_ in _INDEFINITE)
    return head, words, indefinite


def resolve_role(mentions: Mentions, found: Found, at: int) -> NamedMention | None:
    """The named person a role description stands for: the person given that role (earlier, or
    later from a headline or lede), else for a party description the person last speaking."""
    doc = mentions.doc
    role, words, indefinite = role_words(doc, found)
    if not is_role(role):
        return None
    para = mentions.para_of(doc[at].idx)
    lede = para <= 1
    if indefinite and not lede:
        return None  # "a spokesman said": someone not named
    cands = [m for m in mentions.items if m.personal and has_role(role, m.titles)]
    if indefinite:
        cands = [m for m in cands if m.start > at and m.para - para <= 2]
    if cands:

        def score(m: NamedMention) -> tuple[int, int, int, int]:
            last = max((x.start for x in mentions.by_key.get(m.key, []) if x.start < at), default=m.start)
            near = _matches(words, _context(doc, m)) if words else 0
            return (_matches(words, m.titles), near, 1 if m.start < at else 0, -abs(last - at))

        best = max(cands, key=score)
        fits = _matches(words, best.titles) or _matches(words, _context(doc, best))
        if words and not fits and len({m.key for m in cands}) > 1:
            return None
        return mentions.best_name(best, at) if best.start < at else best
    if canon(role) in PARTY_WORDS and not indefinite:
        recent = [m for m in mentions.earlier(at, para - 2) if m.personal and (m.subject or m.speaker)]
        if recent:
            return mentions.best_name(max(recent, key=lambda m: m.start), at)
    return None
