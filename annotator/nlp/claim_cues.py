"""Cue hits of the claim families in a Doc: a Matcher's matches (``cue_matcher``) and a PhraseMatcher over
``claim_cues.toml``."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from annotator.nlp.claim_lexicon import Family, families
from annotator.nlp.cue_matcher import CueMatcher
from annotator.nlp.once import sent_of

_MATCHERS: dict[tuple[int, bool, bool], tuple[CueMatcher, PhraseMatcher]] = {}
_TAGS = ("POS", "TAG", "ENT_TYPE", "MORPH", "DEP")
_CONTENT = ("NOUN", "VERB", "ADJ", "PROPN")


@dataclass(frozen=True)
class Hit:
    """One cue match: its family, the tokens ``[start, end)`` and the anchor token that carries the cue."""

    family: Family
    start: int
    end: int
    anchor: int

    def tokens(self, doc: Doc) -> list[Token]:
        return list(doc[self.start : self.end])


def _adapted(pattern: list[dict], lemmas: bool, tagged: bool) -> list[dict]:
    """A pattern for what the Doc has: without lemmas LEMMA tests become LOWER tests, without tags
    the tag tests go (a looser match; the checks still decide)."""
    out = []
    for tok in pattern:
        tok = {("LOWER" if k == "LEMMA" and not lemmas else k): v for k, v in tok.items()}
        out.append({k: v for k, v in tok.items() if tagged or k not in _TAGS})
    return out


def _phrase_pattern(phrase: str, attr: str) -> list[dict]:
    return [{attr: w} for w in phrase.replace("-", " - ").split()]


def _patterns(lemmas: bool, tagged: bool) -> list[tuple[str, list[list[dict]]]]:
    """Each family's Matcher patterns, in the order they are added: its lemma phrases, then its patterns."""
    attr = "LEMMA" if lemmas else "LOWER"
    out = []
    for fam in families():
        pats = [_phrase_pattern(p, a) for p in fam.lemmas for a in {attr, "LOWER"}]
        pats += [_adapted(p, lemmas, tagged) for p in fam.patterns]
        out.append((fam.name, pats))
    return out


def _matchers(vocab: Vocab, lemmas: bool, tagged: bool) -> tuple[CueMatcher, PhraseMatcher]:
    key = (id(vocab), lemmas, tagged)
    if key not in _MATCHERS:
        import spacy

        phrase = PhraseMatcher(vocab, attr="LOWER")
        make = spacy.blank("en", vocab=vocab).make_doc
        for fam in families():
            phrase.add(fam.name, [make(p) for p in fam.phrases])
        _MATCHERS[key] = (CueMatcher(vocab, _patterns(lemmas, tagged)), phrase)
    return _MATCHERS[key]


def anchor_of(doc: Doc, fam: Family, start: int, end: int) -> int:
    """The token that carries the cue: one the family's checks name, else the last content word."""
    span = doc[start:end]
    for t in reversed(span):
        if t.lemma_.lower() in fam.needs or t.lower_ in fam.needs:
            return t.i
    content = [t for t in span if t.pos_ in _CONTENT and t.lower_ not in ("so", "self")]
    return (content[-1] if content else span[-1]).i


def raw_hits(doc: Doc) -> list[Hit]:
    """Every match of every family, before the checks; overlapping matches of one family on one anchor
    keep the longest, and a token anchors one family only (the longer match wins)."""
    lemmas = doc.has_annotation("LEMMA") and any(t.lemma_ for t in doc)
    tagged = doc.has_annotation("POS") or doc.has_annotation("TAG")
    if tagged and not doc.has_annotation("POS"):  # tags without the attribute ruler's POS: match as untagged
        tagged = False
    matcher, phrase = _matchers(doc.vocab, lemmas, tagged)
    by_name = {f.name: f for f in families()}
    found: list[tuple[Family, int, int]] = []
    sentenced = doc.has_annotation("SENT_START")  # (read once: it reads every token)
    for name, s, e in matcher(doc) + [(doc.vocab.strings[k], s, e) for k, s, e in phrase(doc)]:
        fam = by_name[name]
        if sentenced and sent_of(doc[s]).start != sent_of(doc[e - 1]).start:  # a gap pattern ran over a sentence end
            continue
        found.append((fam, s, e))
    best: dict[int, Hit] = {}
    for fam, s, e in found:
        a = anchor_of(doc, fam, s, e)
        old = best.get(a)
        if old is None or (e - s) > (old.end - old.start):
            best[a] = Hit(fam, s, e, a)
    hits = sorted(best.values(), key=lambda h: (h.start, -h.end))
    # a match inside a longer one adds nothing ("independence" in "independence referendum")
    return [h for h in hits if not any(k is not h and k.start <= h.start and h.end <= k.end
                                       and (k.end - k.start) > (h.end - h.start) for k in hits)]
