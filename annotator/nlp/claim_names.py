"""Polity names derived from the text itself: demonym ↔ country by a shared stem ("Valdorian" ↔ "Valdoria")
and capitalised proper-noun chunks that recur in the article, for when the model mis-tags invented names."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.attrs import IS_ALPHA, IS_TITLE, LENGTH
from spacy.tokens import Doc, Span, Token

from annotator.nlp.claim_lexicon import DEMONYM_SUFFIXES
from annotator.nlp.claim_tree import ents, text_of
from annotator.nlp.once import span_text, tokens

_MIN_STEM = 4


def _stem_match(demonym: str, name: str) -> bool:
    """Whether ``demonym`` is formed from ``name``: they share all of ``name`` but its last two letters."""
    d, n = demonym.lower(), name.lower()
    if d.endswith("s") and d[:-1].endswith(DEMONYM_SUFFIXES) and d[:-1] != n:
        d = d[:-1]  # "Ruvenians" as "Ruvenian"
    if d == n or len(n) < _MIN_STEM or not d.endswith(DEMONYM_SUFFIXES):
        return False
    common = 0
    for x, y in zip(d, n, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(_MIN_STEM, len(n) - 2) and len(d) > common


@lru_cache(maxsize=8)
def _long_titles(doc: Doc) -> tuple[int, ...]:
    """The tokens that are title-case, alphabetic and of at least ``_MIN_STEM`` characters (read as arrays)."""
    rows = doc.to_array([IS_TITLE, IS_ALPHA, LENGTH]).tolist()
    return tuple(i for i, (title, alpha, length) in enumerate(rows) if title and alpha and length >= _MIN_STEM)


def _title_words(doc: Doc) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i in _long_titles(doc):
        out.setdefault(tokens(doc)[i].text, []).append(i)
    return out


@lru_cache(maxsize=64)
def _countries(doc: Doc) -> dict[str, int]:
    """Each demonym of the text mapped to the first token of the name it is formed from."""
    words = _title_words(doc)
    out: dict[str, int] = {}
    for d in words:
        if not d.lower().rstrip("s").endswith(DEMONYM_SUFFIXES) and not d.lower().endswith(DEMONYM_SUFFIXES):
            # _stem_match(d, n) is false for every n
            continue
        for n, idx in words.items():
            if n != d and _stem_match(d, n) and not any(_stem_match(n, m) for m in words if m != n):
                out[d] = idx[0]
                break
    return out


def country_of(tok: Token) -> Token | None:
    """The country token a demonym names in this text ("Ulmenran" -> "Ulmenra"), or None."""
    i = _countries(tok.doc).get(tok.text)
    return tok.doc[i] if i is not None else None


def named_as_polity(tok: Token) -> bool:
    """The article treats the name ``tok`` as a polity's: it forms a demonym from it ("Ulmenran" beside "Ulmenra"), or
    puts it where only a place or polity goes ("in X", "the status of X", "X's parliament"), and it is never the
    surname of a person named in full."""
    doc = tok.doc
    if tok.text in surnames(doc):
        return False
    return any(tokens(doc)[i].text == tok.text for i in _countries(doc).values()) or _locative(doc, tok.text)


def is_demonym_of_text(tok: Token) -> bool:
    """A capitalised word formed from a name that occurs in the same text."""
    return tok.text in _countries(tok.doc)


@lru_cache(maxsize=64)
def _recurring(doc: Doc) -> frozenset[str]:
    seen: dict[str, int] = {}
    toks = tokens(doc)
    for t in (toks[i] for i in _long_titles(doc)):
        if not t.is_sent_start and t.pos_ in ("PROPN", "NOUN", "ADJ", "X"):
            seen[t.text] = seen.get(t.text, 0) + 1
    return frozenset(w for w, n in seen.items() if n >= 2)


def is_recurring_name(tok: Token) -> bool:
    """A capitalised word used at least twice in the article away from a sentence start."""
    return tok.text in _recurring(tok.doc)


@lru_cache(maxsize=64)
def _labels(doc: Doc) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for ent in ents(doc):
        out.setdefault(_bare(span_text(ent)), Counter())[ent.label_] += 1
    return out


def labels_of_name(doc: Doc, text: str) -> Counter:
    """How often the article tags the name ``text`` with each label (a leading "the" ignored)."""
    return _labels(doc).get(_bare(text), Counter())


def _bare(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def usual_label(ent: Span) -> str | None:
    """The label the article gives the name ``ent`` most often (a place tagged GPE twice and PERSON once is
    GPE), with place labels winning ties; None when the name is never tagged."""
    return _usual_label(ent.doc, span_text(ent), ent.label_)


@lru_cache(maxsize=256)
def _usual_label(doc: Doc, text: str, label: str) -> str | None:
    """``usual_label`` of an entity by its text and label, worked out once per document."""
    name = _bare(text)
    counts = _labels(doc).get(name)
    if not counts:
        return None
    if label in ("PERSON", "ORG") and _locative(doc, name) and not _institution(name):
        return "GPE"
    return max(counts, key=lambda k: (counts[k], k in ("GPE", "LOC", "NORP")))


_LOCATIVES = ("in", "into", "inside", "across", "throughout", "within")
# What only a polity has or undergoes: "the status of Upper Zhelna", "recognised Upper Zhelna".
_POLITY_FRAMES = ("status of", "people of", "government of", "independence of", "sovereignty of", "territory of",
                  "borders of", "recognised", "recognized", "recognise", "recognize", "recognises", "recognizes")


@lru_cache(maxsize=256)
def _framed(text: str, name: str) -> bool:
    return any(f" {p} {name}" in text or f" {p} the {name}" in text for p in _LOCATIVES + _POLITY_FRAMES)


def _locative(doc: Doc, name: str) -> bool:
    """The article puts ``name`` after a preposition of place ("in Upper Zhelna"), in a frame only a polity
    fills ("the status of Upper Zhelna", "recognised Upper Zhelna"), after a place noun ("the island of Ebra")
    or as the owner of an organ of state ("Ebra's parliament", "Ebra's chief minister") when it is never the
    surname of a person named in full: a place, not a person."""
    text = text_of(doc)
    return _framed(text, name) or _of_a_place_noun(text, name) or (
        _owns_an_organ(text, name) and name not in surnames(doc))


def _of_a_place_noun(text: str, name: str) -> bool:
    return name in _after_place_nouns(text)


def owns_an_organ(doc: Doc, name: str) -> bool:
    """The article gives ``name`` an organ of state ("Ebra's parliament", "Ebra's chief minister")."""
    return _owns_an_organ(text_of(doc), name)


def _owns_an_organ(text: str, name: str) -> bool:
    return name in _organ_owners(text)


_NAME = r"[A-Z][\w-]*(?: (?:of |the )*[A-Z][\w-]*)*"
_OWNED = re.compile(rf"({_NAME})['’]s((?: [A-Za-z-]+){{1,3}})")


def _tails(run: str) -> set[str]:
    """A capitalised run and each of its endings that starts with a capital ("Kingdom of Ebra" -> "Ebra")."""
    words = run.split()
    return {" ".join(words[i:]) for i in range(len(words)) if words[i][:1].isupper()}


@lru_cache(maxsize=8)
def _organ_owners(text: str) -> frozenset[str]:
    """The names the text gives an organ of state, found in one pass over it."""
    from annotator.nlp.claim_lexicon import STATE_ORGANS

    out: set[str] = set()
    for m in _OWNED.finditer(text):
        if any(w.lower().strip(".,;:") in STATE_ORGANS for w in m.group(2).split()):
            out |= _tails(m.group(1))
    return frozenset(out)


@lru_cache(maxsize=8)
def _after_place_nouns(text: str) -> frozenset[str]:
    """The names the text puts after a place noun and "of" ("the island of Ebra"), found in one pass."""
    from annotator.nlp.claim_lexicon import PLACE_NOUNS

    nouns = "|".join(sorted(map(re.escape, PLACE_NOUNS), key=len, reverse=True))
    out: set[str] = set()
    for m in re.finditer(rf" (?:{nouns}) of (?:the )?({_NAME})", text):
        out |= _tails(m.group(1))
    return frozenset(out)


@lru_cache(maxsize=64)
def surnames(doc: Doc) -> frozenset[str]:
    """The words that end a person's name of two or more words in the article ("Beata Fross" -> "Fross")."""
    return frozenset(e[-1].text for e in ents(doc) if e.label_ == "PERSON" and len(e) > 1)


def _institution(name: str) -> bool:
    """A name ending in an organisation noun ("the Continental Union", "Parliament") stays an organisation."""
    from annotator.nlp.lexicon import ORG_NOUNS

    last = name.split()[-1].lower() if name.split() else ""
    return last in ORG_NOUNS or last in ("compact", "pact", "house", "assembly")
