"""Role descriptions as speakers ("the senator", "his daughter", "the Montana Republican", "a federal
judge") and the named person they stand for: by title, by party and state, or forward from a headline."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from annotator.nlp.anonymity import unnamed_by_text
from annotator.nlp.cues import lemma_of
from annotator.nlp.lexicon import (
    AGENT_SUFFIXES,
    DOCUMENT_NOUNS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    NOT_AGENTS,
    ORG_NOUNS,
    PARTY_WORDS,
    PEOPLE_NOUNS,
    REPORTING_VERBS,
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


def is_party_tag(text: str, char: int) -> bool:
    """A party tag ("D-Pa.", "R-Mont.") starts at ``char``, inside the brackets that follow a name."""
    open_at = char - 1
    while open_at >= 0 and text[open_at] in " \t":
        open_at -= 1
    return open_at >= 0 and text[open_at] == "(" and _PARTY_TAG.match(text, open_at) is not None


def is_role(word: str) -> bool:
    """A noun that describes a person by role, kin or party: senator, daughter, Republican."""
    w = canon(word)
    return w in TITLE_HEADS or w in PEOPLE_NOUNS or w in PARTY_WORDS


def hyphenated(tok: Token) -> str:
    """The word a head ends with the words hyphenated to it, as written ("centre-back" for "back"); else its own."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and doc[i - 2].is_alpha:
        return f"{doc[i - 2].lower_}-{tok.lower_}"
    return tok.lower_


def person_noun(tok: Token) -> bool:
    """A common noun for one person: a role or title (ambassador, researcher, chief negotiator, centre-back)."""
    w = tok.lower_
    if tok.pos_ != "NOUN" or w in ORG_NOUNS or tok.tag_ == "NNS":
        return False
    return is_role(w) or is_role(hyphenated(tok)) or (len(w) > 4 and w not in NOT_AGENTS and w.endswith(AGENT_SUFFIXES))


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


def demonym_description(doc: Doc, found: Found) -> Found | None:
    """ "the Scot", "the Brazilian": one capitalised word after "the" taken for a person or a people is
    a description of one person (names take no article); the whole description, else None. The span may
    hold its "the" already (kept before a group's name), and a people noun in -man or -woman ("the Dutchman")
    is one person whatever the tagger labelled it."""
    start = found.start + 1 if found.end - found.start == 2 and doc[found.start].lower_ == "the" else found.start
    if found.end - start != 1 or start == 0:
        return None
    tok = doc[start]
    if found.label not in ("PERSON", "NORP") and not (tok.text[:1].isupper() and tok.lower_.endswith(("man", "woman"))):
        return None
    s = start - 1
    while s > 0 and (doc[s].pos_ == "ADJ" and doc[s].is_lower or _age_ends_at(doc, s)):
        s -= 5 if _age_ends_at(doc, s) else 1  # "the young Brevane", "the veteran Scot", "the 40-year-old Dane"
    if doc[s].lower_ != "the" or tok.tag_ in ("NNPS", "NNS") or tok.text.endswith("s"):
        return None
    return Found(s, found.end, False, "")


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


def modifiers(doc: Doc, found: Found) -> set[str]:
    """The lower-case words before a description's head: "the former prime minister" -> {former, prime}."""
    toks = [t for t in doc[found.start : found.end - 1] if t.is_alpha and t.is_lower]
    return {canon(t.text) for t in toks} - _DETS


def _other_office(mods: set[str], role: str, titles: frozenset[str]) -> bool:
    """The description and the person's title each qualify the role by a word the other lacks:
    "the former prime minister" is not "Interior Minister Lina Sorel"."""
    held = {canon(t) for t in titles}
    return bool(mods - held) and bool(held - mods - {role} - _DETS - PARTY_WORDS)


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
        cands = [m for m in cands if m.start > at and m.para - para <= 3]
    if cands:

        def score(m: NamedMention) -> tuple[int, int, int, int]:
            last = max((x.start for x in mentions.by_key.get(m.key, []) if x.start < at), default=m.start)
            near = _matches(words, _context(doc, m)) if words else 0
            return (_matches(words, m.titles), near, 1 if m.start < at else 0, -abs(last - at))

        best = max(cands, key=score)
        fits = _matches(words, best.titles) or _matches(words, _context(doc, best))
        if words and not fits and len({m.key for m in cands}) > 1:
            return None
        if _other_office(modifiers(doc, found), role, best.titles):  # "the former prime minister" ...
            other = salient_person(mentions, found, at, paras=1)  # ... is the one just speaking, not the interior minister
            if other is not None:
                return other
        return mentions.best_name(best, at) if best.start < at else best
    if canon(role) in PARTY_WORDS and not indefinite:
        recent = [m for m in mentions.earlier(at, para - 2) if m.personal and (m.subject or m.speaker)]
        if recent:
            return mentions.best_name(max(recent, key=lambda m: m.start), at)
    return None


def age_description(doc: Doc, head: Token) -> tuple[int, int] | None:
    """ "the 23-year-old": a person described by age (the parse makes "old" its head); its span."""
    if head.lower_ != "old" or head.i < 2 or doc[head.i - 1].text != "-" or doc[head.i - 2].lower_ not in ("year", "years"):
        return None
    return head.left_edge.i, head.i + 1


def _head(doc: Doc, found: Found) -> Token:
    """The syntactic head of a description: "father" in "the father of three"."""
    span = doc[found.start : found.end]
    if not doc.has_annotation("DEP"):
        return span[-1]
    return next((t for t in span if not found.start <= t.head.i < found.end or t.head.i == t.i), span[-1])


def describes_person(doc: Doc, found: Found, so_called: dict[str, int] | None = None) -> bool:
    """A definite description of one person: "the former shipping magnate", "the 23-year-old",
    "the striker", "the Ostend boss" (a role, a kin or people noun, a noun that says a man or a woman, an
    agent noun, an age), or a noun the text gave a person before (``so_called``: ``persons_so_called``)."""
    so_called = so_called or {}
    head = _head(doc, found)
    if found.pronoun or found.label or doc[found.start].lower_ not in ("the", "this", "that"):
        return False
    if age_description(doc, head) is not None or _aged_speaker(doc, found, head):
        return True
    if head.i == found.end - 1 and head.text[:1].isupper() and demonym_description(doc, Found(head.i, head.i + 1, False, head.ent_type_)) == found:
        return True  # "the Scot", "the young Brevane"
    w = head.lower_
    if head.tag_ in ("NNS", "NNPS") or w in ORG_NOUNS:
        return False
    if any(c.dep_ in ("relcl", "acl") and not _set_off(c) or c.dep_ == "prep" and c.lower_ != "of" for c in head.rights):
        return False  # "the visitor from Orvell": someone the phrase itself introduces ("the father of three" is not)
    if so_called.get(w, head.i) < head.i:  # "He was the hotel's pastry chef ... the chef said"
        return True
    return is_role(w) or person_noun(head) or w in MALE_NOUNS or w in FEMALE_NOUNS  # "the grandmother of five"


def _set_off(clause: Token) -> bool:
    """A relative clause set off by a comma ("The singer, who moved away last year, ..."): it tells more of
    someone known, where one without ("the man who called") picks a new person out."""
    i = clause.left_edge.i
    return i > 0 and clause.doc[i - 1].text == ","


def persons_so_called(doc: Doc, outside) -> dict[str, int]:
    """Common nouns the text itself gives a person, outside quotes, with where it first does: the complement of
    "be" whose subject is a he/she or a name ("He was the hotel's pastry chef"), a noun in apposition with a
    name ("X, the club's chef," / "the chef, X,"), and a definite subject whose verb's object is "his"/"her" own
    ("the Vell United winger picked his spot"). A later "the chef said" is then a description of one person."""
    out: dict[str, int] = {}
    if not doc.has_annotation("DEP"):
        return out
    for t in doc:
        if t.pos_ != "NOUN" or t.tag_ != "NN" or t.lower_ in ORG_NOUNS or t.lower_ in DOCUMENT_NOUNS:
            continue
        if not outside(t.i, t.i + 1):
            continue
        head = t.head
        so = False
        if t.dep_ == "attr" and head.lemma_ == "be":
            so = any(c.dep_ == "nsubj" and (c.lower_ in ("he", "she") or c.pos_ == "PROPN") for c in head.children)
        elif t.dep_ == "appos":
            so = head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "")
        elif any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "") for c in t.children):
            so = True
        elif t.dep_ == "nsubj" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            objects = [c for c in head.children if c.dep_ == "dobj"]
            so = any(p.dep_ == "poss" and p.lower_ in ("his", "her") for o in objects for p in o.children)
        if so:
            out.setdefault(t.lower_, t.i)
    return out


def description_gender(doc: Doc, found: Found) -> str | None:
    """ "the Frenchman", "the grandmother": the gender a description's head gives, if any."""
    w = _head(doc, found).lower_
    if w in FEMALE_NOUNS or w.endswith("woman"):
        return "f"
    if w in MALE_NOUNS or w.endswith("man") and not w.endswith("woman"):
        return "m"
    return None


def salient_person(mentions: Mentions, found: Found, at: int, paras: int = 2, described: bool = False,
                   exclude: frozenset[str] = frozenset()) -> NamedMention | None:  # fmt: skip
    """The person a definite description that matches no title stands for: the one the text is
    about just before it (the latest named subject or speaker within ``paras`` paragraphs, else the
    latest person named there) whose known gender and office do not contradict it ("Diarra said ...
    the former prime minister added", "Pell scored twice ... the 23-year-old said"); never one of ``exclude``."""
    doc = mentions.doc
    if not described and not describes_person(doc, found, _so_called(mentions)):
        return None
    if unnamed_by_text(_head(doc, found)):
        return None  # "The boatman, who asked not to be named": someone of their own
    aged = _same_age(mentions, found, at, paras)
    if aged is not None:  # "the 24-year-old" is whom an earlier "Name, 24," or "The 24-year-old striker" was
        return aged
    if _of_organisation(mentions, _head(doc, found)):
        return None  # "The Northern Gazette's critic" is someone of that paper, not whoever the text named last
    role = canon(_head(doc, found).text)
    office = role in TITLE_HEADS and role not in PEOPLE_NOUNS  # "the general", not "the father of three"
    gender = description_gender(doc, found)
    mods = modifiers(doc, found)
    para = mentions.para_of(doc[at].idx)

    def fits(m: NamedMention) -> bool:
        if m.key in exclude:
            return False
        if gender is not None and mentions.gender(m.key, strong=True) not in (None, gender):
            return False
        offices = {canon(t) for t in m.titles} & TITLE_HEADS
        if office and offices and not has_role(role, m.titles):
            return False  # "the former general" is not the senator
        return not (office and has_role(role, m.titles) and _other_office(mods, role, m.titles))

    recent = [m for m in mentions.earlier(at, para - paras) if m.personal and m.start < found.start and fits(m)]
    by_age = _by_relative_age(mentions, mods, recent, at)
    if by_age is not None:  # "the younger woman": of the two just named, the one the text gave the lower age
        return by_age
    pool = [m for m in recent if m.subject or m.speaker] or recent
    if pool and _for_ones_part(doc, found):  # "The former miner, for his part, ...": not the one just spoken of
        last = max(pool, key=lambda m: m.start).key
        pool = [m for m in pool if m.key != last]
        if not pool:
            return _main_subject(mentions, found.start, fits, other_than=last)
    if not pool:
        return None
    if mentions.parsed:  # the subject of a sentence's main clause before one of a clause under it
        pool = [m for m in pool if m.speaker or not embedded_subject(doc, m)] or pool  # ("X won, while Y ...")
    return mentions.best_name(max(pool, key=lambda m: m.start), at)


def _so_called(mentions: Mentions) -> dict[str, int]:
    """``persons_so_called`` of the mentions' text, worked out once."""
    memo = getattr(mentions, "_persons_so_called", None)
    if memo is None:
        memo = mentions._persons_so_called = persons_so_called(mentions.doc, mentions.outside)
    return memo


def _of_organisation(mentions: Mentions, head: Token) -> bool:
    """The description's head has an organisation for its possessor ("the ministry's officer", "The Vell Gazette's
    critic"): a name that is no person's, or a noun for an organisation."""
    for c in head.children:
        if c.dep_ != "poss" or c.pos_ == "PRON":
            continue
        names = mentions.between(c.left_edge.i, c.i + 1)
        if any(m.personal for m in names):
            return False
        return bool(names) or c.lower_ in ORG_NOUNS
    return False


_YOUNGER, _OLDER = frozenset(("younger", "youngest")), frozenset(("older", "elder", "oldest", "eldest"))


def _by_relative_age(mentions: Mentions, mods: set[str], recent: list[NamedMention], at: int) -> NamedMention | None:
    """A description that compares ages ("the younger woman", "the elder brother") among the people just named:
    the youngest or the oldest of them by the ages the text set off after their names ("X, 24,"), when at least
    two of them have one and no two share the extreme."""
    younger, older = bool(mods & _YOUNGER), bool(mods & _OLDER)
    if younger == older:
        return None
    doc = mentions.doc
    ages: dict[str, int] = {}
    last: dict[str, NamedMention] = {}
    for m in recent:
        last[m.key] = m
    for key in last:
        for m in mentions.by_key.get(key, []):
            k = m.end + 1
            if m.start < at and k < len(doc) and doc[m.end].text == "," and doc[k].text.isdigit() and 0 < int(doc[k].text) < 120:
                if k + 1 < len(doc) and (doc[k + 1].text in (",", ")", ".") or doc[k + 1].lower_ == "and"):
                    ages.setdefault(key, int(doc[k].text))
    if len(ages) < 2:
        return None
    ranked = sorted(ages.items(), key=lambda kv: kv[1], reverse=older)
    if ranked[0][1] == ranked[1][1]:
        return None
    return mentions.best_name(last[ranked[0][0]], at)


def _for_ones_part(doc: Doc, found: Found) -> bool:
    """The description is set off by "for his part" / "for her part" / "for their part": a turn to
    someone other than the person the text was just about."""
    k = found.end + (found.end < len(doc) and doc[found.end].text == ",")
    return k + 2 < len(doc) and doc[k].lower_ == "for" and doc[k + 1].lower_ in ("his", "her", "their") and doc[k + 2].lower_ == "part"


def _main_subject(mentions: Mentions, before: int, fits, other_than: str) -> NamedMention | None:
    """The person the article is about so far: the one named most often before ``before`` (as a subject or a
    speaker at least twice), not ``other_than``."""
    counts: dict[str, list[NamedMention]] = {}
    for m in mentions.items:
        if m.start < before and m.personal and m.key != other_than and fits(m):
            counts.setdefault(m.key, []).append(m)
    ranked = sorted(counts.values(), key=lambda ms: (len(ms), ms[-1].start), reverse=True)
    if not ranked or sum(m.subject or m.speaker for m in ranked[0]) < 2:
        return None
    if len(ranked) > 1 and len(ranked[1]) == len(ranked[0]):
        return None  # no one person the text is about
    return mentions.best_name(ranked[0][-1], before)


def embedded_subject(doc: Doc, m: NamedMention) -> bool:
    """The mention is (in) the subject of a clause under another, not of its sentence's main clause (whose
    verb is the root, or joined to it by "and")."""
    t = doc[m.end - 1]
    while t.dep_ in ("appos", "compound", "flat") and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    v = t.head
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return v.dep_ != "ROOT"


def reporting_verb(t: Token) -> Token | None:
    """The reporting verb whose reported clause holds the subject ``t`` ("said" of "the minister said [costs
    rose]"), when that verb has a subject of its own ("X, granted anonymity, said" parsed with "X granted" under
    "said" has none: X is who said it); else None."""
    v = t.head
    while v.head.i != v.i:
        said = v.head
        if v.dep_ == "ccomp" and said.pos_ == "VERB" and lemma_of(said) in REPORTING_VERBS:
            return said if any(c.dep_ in ("nsubj", "nsubjpass") for c in said.children) else None
        v = said
    return None


def main_verb(v: Token) -> bool:
    """The verb is its sentence's main one: the root, or joined to it by "and"."""
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return v.dep_ == "ROOT"


def _age_ends_at(doc: Doc, k: int) -> bool:
    """Token ``k`` ends an age compound: the "old" of "40-year-old"."""
    return k >= 4 and _age(doc, k - 4, k + 1) is not None


def _aged_speaker(doc: Doc, found: Found, head: Token) -> bool:
    """ "the 29-year-old forward said": a singular noun given an age, as the subject of a reporting verb, is a
    person whatever the noun (only people speak; a thing given an age, "the 300-year-old bridge", says nothing)."""
    if head.tag_ != "NN" or head.lower_ in ORG_NOUNS or _age(doc, found.start, found.end) is None:
        return False
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in REPORTING_VERBS


def _age(doc: Doc, s: int, e: int) -> str | None:
    """The age a description gives ("the 24-year-old", "The 24-year-old striker"): its number."""
    for k in range(s, max(s, e - 4)):
        if doc[k].like_num and doc[k + 1].text == "-" and doc[k + 2].lower_ in ("year", "years") and doc[k + 4].lower_ == "old":
            return doc[k].text
    return None


def _age_lead(doc: Doc, k: int) -> int:
    """How many tokens set off the age at token ``k`` from the name before it: 1 for "X, 24,", 2 for "X, aged
    24,", 3 for "X, who is 24 and ..."; 0 when it is no age given to a name."""
    if k >= 1 and doc[k - 1].text == ",":
        return 1
    if k >= 2 and doc[k - 1].lower_ == "aged" and doc[k - 2].text == ",":
        return 2
    if k >= 3 and doc[k - 1].lower_ in ("is", "was") and doc[k - 2].lower_ == "who" and doc[k - 3].text == ",":
        return 3
    return 0


def _same_age(mentions: Mentions, found: Found, at: int, paras: int, depth: int = 0) -> NamedMention | None:
    """The person an age description stands for by that age: the nearest earlier name given it ("Velin, 24,",
    "Velin, who is 24,", anywhere before) or an earlier subject description with it, as that one resolves
    (within ``paras`` paragraphs more than the usual, the age being evidence of its own)."""
    doc = mentions.doc
    age = _age(doc, found.start, found.end)
    if age is None or depth > 1:
        return None
    para = mentions.para_of(doc[at].idx)
    for k in range(found.start - 1, 0, -1):
        if doc[k].text != age or not mentions.outside(k, k + 1):
            continue
        if para - mentions.para_of(doc[k].idx) > paras + 2 and not _age_lead(doc, k):
            continue  # a description with the age far back may be another's; a name given it is evidence anywhere
        lead = _age_lead(doc, k)
        if lead and k + 1 < len(doc) and (doc[k + 1].text in (",", ")", ".") or doc[k + 1].lower_ == "and"):
            named = [m for m in mentions.between(max(0, k - 10), k) if m.personal and m.end == k - lead]
            if named:
                return mentions.best_name(named[-1], at)
        if k + 4 < len(doc) and _age(doc, k, k + 5) == age:
            head = doc[k + 4]
            while head.dep_ in ("amod", "compound") and head.head.i > head.i:
                head = head.head
            if head.dep_ in ("nsubj", "nsubjpass"):
                earlier = Found(doc[k].left_edge.i if doc[k - 1].lower_ != "the" else k - 1, head.i + 1, False, "")
                if earlier.start < found.start and (person_noun(head) or is_role(head.lower_) or head.lower_ == "old"):
                    m = _same_age(mentions, earlier, earlier.start, paras, depth + 1)
                    return m or salient_person(mentions, earlier, earlier.start, paras, described=True)
    return None
