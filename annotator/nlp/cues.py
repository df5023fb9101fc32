"""Reporting cues in a Doc (said/told/according to/in a statement), found with a spaCy Matcher."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from annotator.nlp.lexicon import CUE_FORMS, NOUN_CUES, PHRASAL_CUES, REPORTING_VERBS, UNTAGGED_CUE_FORMS


@dataclass(frozen=True)
class Cue:
    """A reporting cue: tokens ``[start, end)``; ``kind`` is ``verb``, ``according`` or ``noun``."""

    start: int
    end: int
    kind: str


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def has_tags(doc: Doc) -> bool:
    return doc.has_annotation("TAG") or doc.has_annotation("POS")


_MATCHERS: dict[tuple[int, bool], Matcher] = {}


def _matcher(vocab, tagged: bool) -> Matcher:
    """The cue patterns for a tagged or an untagged Doc, built once per vocabulary."""
    key = (id(vocab), tagged)
    if key in _MATCHERS:
        return _MATCHERS[key]
    matcher = Matcher(vocab)
    matcher.add("according", [[{"LOWER": "according"}, {"LOWER": "to"}]])
    det = {"LOWER": {"IN": ["a", "an", "the", "his", "her", "their", "its", "our", "this", "that"]}, "OP": "?"}
    nouns = sorted(NOUN_CUES)
    matcher.add("noun", [[{"LOWER": "in"}, det, {"IS_ALPHA": True, "LOWER": {"NOT_IN": nouns}, "OP": "?"},
                          {"LOWER": {"IN": nouns}}]])  # fmt: skip
    if tagged:
        matcher.add("verb", [[{"LEMMA": {"IN": sorted(REPORTING_VERBS)}, "POS": {"IN": ["VERB", "AUX"]}}]])
        matcher.add("verb", [[{"LOWER": {"IN": ["said", "says", "told", "added", "tweeted", "wrote"]},
                               "TAG": {"NOT_IN": ["NN", "NNS", "NNP", "NNPS", "JJ"]}}]])  # fmt: skip
    else:
        matcher.add("verb", [[{"LOWER": {"IN": sorted(UNTAGGED_CUE_FORMS)}}]])
    # phrasal reporting verbs: "shot back", "hit back", "fired back", "as the daily put it"
    matcher.add("verb", [[{"LOWER": {"IN": sorted(PHRASAL_CUES)}}, {"LOWER": "back"}],
                         [{"LOWER": {"IN": ["put", "puts"]}}, {"LOWER": "it"}]])  # fmt: skip
    _MATCHERS[key] = matcher
    return matcher


def find_cues(doc: Doc) -> list[Cue]:
    """Every reporting cue in the doc: verbs (by lemma and tag when tagged, by form when not),
    "according to" and "in a statement"-like phrases. Found with a spaCy ``Matcher``."""
    matcher = _matcher(doc.vocab, has_tags(doc))
    seen: dict[int, Cue] = {}
    for match_id, start, end in matcher(doc):
        kind = doc.vocab.strings[match_id]
        if kind == "verb":
            end = start + 1
        if kind == "noun":
            start = next((i for i in range(end - 1, max(start, end - 5) - 1, -1) if doc[i].lower_ == "in"), start)
        if start in seen and seen[start].end - seen[start].start >= end - start:
            continue
        seen[start] = Cue(start, end, kind)
    return sorted(seen.values(), key=lambda c: c.start)


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else CUE_FORMS.get(tok.lower_, tok.lower_)
