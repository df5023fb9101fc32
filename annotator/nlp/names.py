"""Name spans: what a speaker span is (Found), capitalised words, titles kept out of names,
entity and proper-noun runs, and the noun phrase of a description."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from annotator.nlp.lexicon import (
    NAME,
    NAME_PARTICLES,
    ORG_LABELS,
    ORG_NAME,
    ORG_NOUNS,
    SPEAKER_LABELS,
    STOP_CAPS,
    TITLE_HEADS,
)
from annotator.nlp.once import tokens


@dataclass(frozen=True)
class Found:
    """A speaker found for a cue: tokens ``[start, end)``. ``label`` is an entity label, NAME? or
    ORG? for a proper name without one, or "" for a common noun phrase; ``pronoun`` for he/she/..."""

    start: int
    end: int
    pronoun: bool = False
    label: str = ""


def is_cap(tok: Token) -> bool:
    t = tok.text
    return (
        bool(t) and t[0].isupper() and sum(c.isalpha() for c in t) > 1 - t.endswith(".") and tok.lower_ not in STOP_CAPS
    )


def is_title(tok: Token) -> bool:
    return tok.lower_.rstrip(".") in TITLE_HEADS


def strip_title(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading title (Foreign Minister, President, Mr) from a name span, if a name follows."""
    cut = start
    for i in range(start, end - 1):
        if doc[i].lower_.rstrip(".") in TITLE_HEADS or doc[i].lower_ in ("'s", "’s"):
            cut = i + 1
    if cut > start:
        while cut < end - 1 and (doc[cut].is_punct or doc[cut].lower_ in ("of", "the", "for")):
            cut += 1
        for i in range(end - 1, cut - 1, -1):  # "Secretary of State Ana Rusu": the name after "of State"
            if doc[i].lower_ in ("of", "for"):
                cut = i + 2 if i + 2 < end else cut
                break
        if not any(is_cap(t) for t in doc[cut:end]):
            return start, end
    while cut < end - 1 and doc[cut].lower_ in NAME_PARTICLES and doc[cut].text.islower():
        cut += 1
    return cut, end


def ent_span(doc: Doc, tok: Token) -> tuple[int, int, str] | None:
    if tok.ent_type_ in SPEAKER_LABELS:
        s = tok.i
        while s > 0 and doc[s].ent_iob_ == "I":
            s -= 1
        e = tok.i + 1
        while e < len(doc) and doc[e].ent_iob_ == "I":
            e += 1
        while s > 0 and (_clipped(doc[s - 1], s, e) or _hyphened(doc, s)):
            s -= 1 if _clipped(doc[s - 1], s, e) else 2  # the NER clipped a compound name: "Orrin [Chemical]",
            # or a double-barrelled one: "Mr Prys-[Leggatt]"
        while _hyphened_after(doc, e):
            e += 2  # or at its other end: "[Gerda Lonsdale]-Ibe"
        return s, e, tok.ent_type_
    return None


def _hyphened(doc: Doc, s: int) -> bool:
    """A capitalised proper noun joined by a hyphen, with no space, to the name starting at ``s``."""
    if s < 2 or doc[s - 1].text != "-" or doc[s - 1].whitespace_ or doc[s - 2].whitespace_:
        return False
    t = doc[s - 2]
    return t.pos_ == "PROPN" and is_cap(t) and not is_title(t) and not t.ent_type_


def _hyphened_after(doc: Doc, e: int) -> bool:
    """A capitalised proper noun joined by a hyphen, with no space, to the name ending at ``e``."""
    if e + 1 >= len(doc) or doc[e].text != "-" or doc[e - 1].whitespace_ or doc[e].whitespace_:
        return False
    t = doc[e + 1]
    return t.pos_ == "PROPN" and is_cap(t) and not is_title(t) and not t.ent_type_


def _clipped(t: Token, s: int, e: int) -> bool:
    """A capitalised proper noun with no entity, compounded into the entity [s, e) it precedes."""
    return (
        not t.ent_type_ and t.pos_ == "PROPN" and t.dep_ == "compound" and s <= t.head.i < e and is_cap(t)
        and not is_title(t)
    )  # fmt: skip


def named(doc: Doc, s: int, e: int, label: str) -> Found:
    """A name span tidied: titles off a person, "the" kept before an organisation, no trailing 's."""
    toks = tokens(doc)
    if label in ("PERSON", NAME, ""):
        while (
            e < len(doc) and e - s < 6 and all(t.lower_.rstrip(".") in TITLE_HEADS for t in toks[s:e]) and is_cap(toks[e])
        ):
            e += 1  # "Mr O'Neill" when the tagger split the name from its honorific
        s, e = strip_title(doc, s, e)
        while e - s > 1 and (
            toks[s].pos_ in ("VERB", "AUX", "ADV", "ADP")
            or toks[s].tag_ in ("VBG", "VBN")
            or toks[s].dep_ in ("advcl", "acl", "xcomp", "pcomp", "csubj")
            or toks[s].is_sent_start
            and toks[s].lower_.endswith("ing")
        ):
            s += 1  # "Sentencing Halloran on Friday, ...": a sentence-initial verb the NER took in
    elif s > 0 and toks[s - 1].lower_ == "the" and toks[s].lower_ != "the":
        s -= 1
    while e > s + 1 and (toks[e - 1].lower_ in ("'s", "’s", "'", "’") or toks[e - 1].is_punct and toks[e - 1].text != "."):
        e -= 1
    return Found(s, e, False, label)


def propn_span(doc: Doc, head: Token) -> tuple[int, int]:
    """The proper-name run ending at ``head``: compounds, hyphens and name particles to its left."""
    s = head.i
    while s > 0:
        t = doc[s - 1]
        joined = doc[s].text == "-" and not t.whitespace_ and not doc[s].whitespace_  # "Vint" of "Vint-Tovald"
        if t.head.i == head.i or t.head.i == s or t.text == "-" or joined:
            if (
                t.pos_ == "PROPN"
                or (t.text == "-" and s - 2 >= 0 and doc[s - 2].pos_ == "PROPN")
                or (t.lower_ in NAME_PARTICLES and s - 2 >= 0 and doc[s - 2].pos_ == "PROPN")
            ):
                s -= 1
                continue
        break
    return s, head.i + 1


def label_of_name(doc: Doc, s: int, e: int) -> str:
    last = doc[e - 1].lower_
    return ORG_NAME if last in ORG_NOUNS or any(t.ent_type_ in ORG_LABELS for t in doc[s:e]) else NAME


def given_name_as(doc: Doc, head: Token) -> tuple[int, int] | None:
    """The name a relative clause of ``head`` says the person gave ("a man who gave his name only as Jez",
    "Her neighbour, who gave her name as Ana Roe"): its span, else None."""
    for rel in head.children:
        if rel.dep_ != "relcl" or rel.lemma_.lower() != "give":
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() == "name" for c in rel.children):
            continue
        for t in rel.subtree:
            if t.dep_ == "pobj" and t.head.lower_ == "as" and (t.pos_ == "PROPN" or is_cap(t)):
                return propn_span(doc, t)
    return None


def noun_phrase(doc: Doc, head: Token) -> tuple[int, int]:
    """``the Foreign Ministry``, ``the government of Bergland``: det "the", modifiers, an "of" phrase."""
    s = head.i
    for child in sorted(head.lefts, key=lambda c: -c.i):
        if child.i == s - 1 and child.tag_ == "HYPH" and not doc[child.i - 1].whitespace_ and not child.whitespace_:
            s = child.i  # "the centre-back": the hyphen joins the word before to the head
        elif child.right_edge.i == s - 1 and (
            child.dep_ in ("compound", "amod", "nmod", "poss") or child.lower_ in ("the", "its", "their")
        ):
            s = child.left_edge.i
    e = head.i + 1
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_):
            e = pobj.i + 1
            tail = doc[e : pobj.right_edge.i + 1]  # "of the Council of Maritime States"
            if len(tail) <= 5 and all(t.pos_ in ("PROPN", "ADP", "DET") and not t.is_punct for t in tail):
                e = pobj.right_edge.i + 1
    return s, e


def clip_to_line(doc: Doc, found: Found, near: int) -> Found:
    """A speaker span never crosses a line break: keep the piece on the side of token ``near``."""
    cuts = [t.i + 1 for t in doc[found.start : found.end - 1] if "\n" in t.text_with_ws or t.is_space]
    if not cuts:
        return found
    if near < found.start:
        end = cuts[0]
        while end > found.start + 1 and doc[end - 1].is_space:
            end -= 1
        return Found(found.start, end, found.pronoun, found.label)
    start = cuts[-1]
    while start < found.end - 1 and doc[start].is_space:
        start += 1
    return Found(start, found.end, found.pronoun, found.label)
