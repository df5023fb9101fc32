"""Genders of the people named in an article, learnt from the text: honorifics, gendered words
near a lone subject, gendered titles. Votes go to ``Mentions.vote``; a first name's gender by the table of
``first_names`` goes to ``Mentions.named``, which the text overrides."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.nlp.first_names import first_name_gender
from annotator.nlp.lexicon import FEMALE_HONORIFICS, FEMALE_NOUNS, FEMALE_WORDS, MALE_HONORIFICS, MALE_NOUNS, MALE_WORDS
from annotator.nlp.names import is_cap, is_title
from annotator.nlp.once import text_of, where_lower

HONORIFICS = MALE_HONORIFICS | FEMALE_HONORIFICS

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions


def learn_genders(mentions: Mentions) -> None:
    """Vote genders for named people: honorifics (Mrs Peeters), gendered words near a lone subject,
    gendered titles (her husband, the chairwoman)."""
    doc = mentions.doc
    people = [m for m in mentions.items if m.personal and m.subject]
    by_sent: dict[int, set[str]] = {}
    first: dict[tuple[int, str], int] = {}
    for m in people:
        by_sent.setdefault(m.sent, set()).add(m.key)
        first.setdefault((m.sent, m.key), m.start)
    keys = {m.key for m in mentions.items if m.personal}
    roots_by_key: dict[str, set[int]] = {}
    for m in people:
        roots_by_key.setdefault(m.key, set()).add(m.end - 1)
    gendered = where_lower(doc, lambda w: w.rstrip(".") in HONORIFICS or w in MALE_WORDS or w in FEMALE_WORDS)
    for t in (doc[i] for i in gendered):  # honorifics, inside quotes too: "Mrs Peeters has been saying..."
        w = t.lower_.rstrip(".")
        if (w in MALE_HONORIFICS or w in FEMALE_HONORIFICS) and t.i + 1 < len(doc):
            nxt = doc[t.i + 1] if doc[t.i + 1].text != "." else (doc[t.i + 2] if t.i + 2 < len(doc) else None)
            k = None
            if nxt is not None and is_cap(nxt):  # "Mrs Peeters", never "her father, X" (a relation, set off)
                j = nxt.i
                while j + 1 < len(doc) and is_cap(doc[j + 1]):
                    j += 1
                k = mentions.person_key(nxt.i, j + 1, "PERSON")  # a shared surname's full name is its own key
            if k in keys:
                mentions.vote(k, "m" if w in MALE_HONORIFICS else "f", 3)
        elif t.lower_ in MALE_WORDS or t.lower_ in FEMALE_WORDS:
            if not mentions.outside(t.i, t.i + 1):
                continue
            sent = mentions.sent_of(t.idx)
            ks = by_sent.get(sent)
            if ks and len(ks) == 1:
                k = next(iter(ks))
                if mentions.parsed and _object_of_own_subject(t, roots_by_key.get(k, ())):
                    continue  # "Hjelm remembers her as stubborn": her is someone else, never Hjelm
                if mentions.parsed and t.dep_ == "poss" and _object_before(t, _verb_of(t)):
                    continue  # "Roe takes him at his word": his is as likely the object's
                if first[(sent, k)] < t.i:
                    mentions.vote(k, "m" if t.lower_ in MALE_WORDS else "f", 1)

    if mentions.parsed:
        _learn_continued(mentions, people, by_sent, first)

    if mentions.parsed:  # "Pera Krunn met her counterpart": a possessive in the clause of its subject
        roots = {m.end - 1: m for m in mentions.items if m.personal}
        for t in (doc[i] for i in where_lower(doc, lambda w: w in ("his", "her"))):
            if t.dep_ != "poss" or t.lower_ not in ("his", "her") or not mentions.outside(t.i, t.i + 1):
                continue
            verb = _verb_of(t)
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < t.i), None)
            if subj is not None and subj.i in roots and not _object_before(t, verb):
                mentions.vote(roots[subj.i].key, "m" if t.lower_ == "his" else "f", 2)

        for m in mentions.items:  # "He is Tomas Brekke", "She was Ana Rusu": the pronoun is the name
            root = doc[m.end - 1]
            if not m.personal or root.dep_ != "attr" or root.head.lemma_ != "be" or not mentions.outside(m.start, m.end):
                continue
            subj = next((c for c in root.head.children if c.dep_ == "nsubj" and c.i < root.i), None)
            if subj is not None and subj.lower_ in ("he", "she"):
                mentions.vote(m.key, "m" if subj.lower_ == "he" else "f", 3)

    _learn_neutral(mentions)
    _learn_first_names(mentions)

    for m in mentions.items:  # "her husband, Dmytro", "the chairwoman, X"
        if m.personal:
            male, female = len(m.titles & MALE_NOUNS), len(m.titles & FEMALE_NOUNS)
            if male != female:
                mentions.vote(m.key, "m" if male > female else "f", 2)


def _learn_continued(mentions: Mentions, people, by_sent: dict[int, set[str]], first: dict[tuple[int, str], int]) -> None:
    """ "Ana Roe climbs the tower. She has done it 1,400 times.": a he or she that is the main subject of the
    next sentence, in the same paragraph, with no one named before it there and no quote in it (whose "he
    said" is what is being resolved), continues the one person who was a subject in the sentence before,
    unless that sentence has a he/him or she/her other than a possessive ("Tom put it to her. She ..."), or a
    subject pronoun of the other gender ("Varnley will take it over if he likes it. She ...": the she is another):
    evidence of that person's gender, as a possessive in the subject's own clause is."""
    doc = mentions.doc
    for m in people:
        if len(by_sent[m.sent]) != 1 or first[(m.sent, m.key)] != m.start:
            continue
        sent = doc[m.start].sent
        if sent.end >= len(doc):
            continue
        nxt = doc[sent.end].sent
        subj = next((t for t in nxt if t.dep_ == "nsubj" and t.head.i == nxt.root.i), None)
        if subj is None or subj.lower_ not in ("he", "she") or not mentions.outside(nxt.start, nxt.end):
            continue
        if mentions.para_of(subj.idx) != m.para or any(p.personal for p in mentions.between(nxt.start, subj.i)):
            continue
        same = MALE_WORDS if subj.lower_ == "he" else FEMALE_WORDS
        if any(t.lower_ in same and t.dep_ != "poss" for t in sent):
            continue  # "Tom Reyes put it to her. She disagreed.": she is the one spoken to
        other = "she" if subj.lower_ == "he" else "he"
        if any(t.lower_ == other and t.dep_ in ("nsubj", "nsubjpass") and mentions.outside(t.i, t.i + 1) for t in sent):
            continue  # "Varnley will take it over if he likes it. She has ...": he is his own, she another
        mentions.vote(m.key, "m" if subj.lower_ == "he" else "f", 2)


def _learn_first_names(mentions: Mentions) -> None:
    """The gender of a person's first name where the table of decisive first names holds it ("Brigida Tolvanen"):
    kept apart from the votes (``Mentions.named``), for ``Mentions.gender`` to fall back on when the text says
    nothing; none for a name tagged as anything but a person, nor for one whose first names disagree."""
    found: dict[str, set[str]] = {}
    for m in mentions.items:
        if m.label == "PERSON":
            g = given_name_gender(mentions.doc, *mentions.untitled(m.start, m.end))
            if g is not None:
                found.setdefault(m.key, set()).add(g)
    for key, genders in found.items():
        if len(genders) == 1:
            mentions.named[key] = next(iter(genders))


def given_name_gender(doc, s: int, e: int) -> str | None:
    """The gender of the first given name of the person's name ``doc[s:e]`` ("Anne-Sofie Tolvanen", "Gen. Brigida Tolvanen"),
    by the table of first names; None for a lone name (a surname as often as not), an initial, or a name it lacks."""
    while s < e and is_title(doc[s]):
        s += 1
    if s >= e:
        return None
    t = doc[s]
    hyphened = s + 2 < e and doc[s + 1].text == "-" and not t.whitespace_ and not doc[s + 1].whitespace_
    if (s + 3 if hyphened else s + 1) >= e:
        return None  # a lone name ("Tolvanen", "Okkenhaug-Tolvanen"): a surname as often as not
    if not t.is_alpha or len(t) < 2 or t.is_upper or not is_cap(t):
        return None  # "B. Tolvanen", "BRIGIDA TOLVANEN" (a headline's capitals, or an acronym)
    if hyphened:
        double = first_name_gender(f"{t.text}-{doc[s + 2].text}")  # "Anne-Sofie": the double name, else its first
        if double is not None:
            return double
    return first_name_gender(t.text)


_THEY_THEM = re.compile(r"\bthey\s*/\s*them\b", re.IGNORECASE)


def _learn_neutral(mentions: Mentions) -> None:
    """People the text says go by "they" ("Imrie, who uses they/them pronouns"): the person named last before
    the words "they/them" in their sentence, outside quotes. Such a person is no he or she, and can be a they."""
    doc = mentions.doc
    for hit in _THEY_THEM.finditer(text_of(doc)):
        t = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
        if t is None or not mentions.outside(t.start, t.end):
            continue
        sent = mentions.sent_of(hit.start())
        named = [m for m in mentions.items if m.personal and m.sent == sent and m.end <= t.start]
        if named:
            mentions.neutral.add(max(named, key=lambda m: m.start).key)


def _verb_of(t):
    """The verb whose clause holds token ``t`` (the root of the parse when there is none above it)."""
    verb = t.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _object_before(poss, verb) -> bool:
    """The verb has an object pronoun of the possessive's own gender before it ("X takes him at his word",
    "X handed her her coat"): the possessive is as likely that object's as the subject's, so no evidence."""
    obj = "him" if poss.lower_ == "his" else "her"
    return any(t.lower_ == obj and t.i < poss.i and t.dep_ in ("dobj", "pobj", "dative", "iobj")
               and next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None) == verb
               for t in verb.subtree)  # fmt: skip


def _object_of_own_subject(t, roots: set[int]) -> bool:
    """An object pronoun ("her", "him") of a verb whose subject is the named person: by the grammar of
    English it cannot be that person (who would be "herself", "himself")."""
    if t.lower_ not in ("her", "him") or t.dep_ not in ("dobj", "pobj", "dative", "iobj"):
        return False
    verb = t.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # the subject itself or a name set off inside it ("Her supervisor, Professor X, remembers her")
    return any(c.dep_ == "nsubj" and any(r in roots for r in range(c.left_edge.i, c.right_edge.i + 1))
               for c in verb.children)  # fmt: skip
