"""Reporting cues in a Doc (said/told/according to/in a statement), found with a spaCy Matcher."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IS_ALPHA, LEMMA, LOWER, POS, TAG
from spacy.matcher import Matcher
from spacy.symbols import AUX, VERB
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
_VERB_POS = frozenset((VERB, AUX))


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


_DETERMINERS = ("a", "an", "the", "his", "her", "their", "its", "our", "this", "that")
_SAID_FORMS = ("said", "says", "told", "added", "tweeted", "wrote")
_NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS", "JJ")


def find_cues(doc: Doc) -> list[Cue]:
    """Every reporting cue in the doc: verbs (by lemma and tag when tagged, by form when not),
    "according to" and "in a statement"-like phrases: the matches of the spaCy ``Matcher`` of ``_matcher``
    (found by ``cue_matches``), the longest at each token."""
    seen: dict[int, Cue] = {}
    for kind, start, end in cue_matches(doc):
        if kind == "verb":
            end = start + 1
        if kind == "noun":
            start = next((i for i in range(end - 1, max(start, end - 5) - 1, -1) if doc[i].lower_ == "in"), start)
        if start in seen and seen[start].end - seen[start].start >= end - start:
            continue
        seen[start] = Cue(start, end, kind)
    return sorted(seen.values(), key=lambda c: c.start)


def matcher_matches(doc: Doc) -> list[tuple[str, int, int]]:
    """The cue Matcher's matches, (kind, start, end), in its order."""
    matcher = _matcher(doc.vocab, has_tags(doc))
    return [(doc.vocab.strings[key], start, end) for key, start, end in matcher(doc)]


@lru_cache(maxsize=4)
def _hashes(vocab, tagged: bool) -> dict[str, frozenset[int]]:
    add = vocab.strings.add
    out = {
        "det": frozenset(add(w) for w in _DETERMINERS),
        "nouns": frozenset(add(w) for w in NOUN_CUES),
        "phrasal": frozenset(add(w) for w in PHRASAL_CUES),
        "put": frozenset((add("put"), add("puts"))),
    }
    if tagged:
        out["lemmas"] = frozenset(add(w) for w in REPORTING_VERBS)
        out["said"] = frozenset(add(w) for w in _SAID_FORMS)
        out["noun_tags"] = frozenset(add(w) for w in _NOUN_TAGS)
    else:
        out["forms"] = frozenset(add(w) for w in UNTAGGED_CUE_FORMS)
    return out


def cue_matches(doc: Doc) -> list[tuple[str, int, int]]:
    """The same matches as ``matcher_matches`` (each (kind, start, end) once; ``find_cues`` keeps the longest
    at each token, which does not depend on their order), read from the Doc's columns in one pass instead of
    the Matcher's states at every token (a twentieth of its time); ``tests/nlp/test_cues.py`` checks both
    ways give the same set."""
    n = len(doc)
    if not n:
        return []
    tagged = has_tags(doc)
    h = _hashes(doc.vocab, tagged)
    add = doc.vocab.strings.add
    lower_in, according, to, back, it = add("in"), add("according"), add("to"), add("back"), add("it")
    rows = doc.to_array([LOWER, LEMMA, POS, TAG, IS_ALPHA]).tolist()
    lower = [r[0] for r in rows]
    det, nouns, phrasal, put = h["det"], h["nouns"], h["phrasal"], h["put"]
    out: set[tuple[str, int, int]] = set()
    for i, (low, lemma, pos, tag, _alpha) in enumerate(rows):
        nxt = lower[i + 1] if i + 1 < n else None
        if low == according and nxt == to:
            out.add(("according", i, i + 2))
        if low == lower_in:
            # in, a determiner?, a word (alphabetic, not a cue noun)?, a cue noun
            for e in range(i + 2, min(i + 4, n) + 1):
                if lower[e - 1] not in nouns:
                    continue
                middle = rows[i + 1 : e - 1]
                if not middle or (len(middle) == 1 and (middle[0][0] in det or _plain_word(middle[0], nouns))) or (
                        len(middle) == 2 and middle[0][0] in det and _plain_word(middle[1], nouns)):
                    out.add(("noun", i, e))
        if tagged:
            if lemma in h["lemmas"] and pos in _VERB_POS or low in h["said"] and tag not in h["noun_tags"]:
                out.add(("verb", i, i + 1))
        elif low in h["forms"]:
            out.add(("verb", i, i + 1))
        if low in phrasal and nxt == back or low in put and nxt == it:
            out.add(("verb", i, i + 2))
    return sorted(out, key=lambda m: (m[2], m[1], m[0]))


def _plain_word(row: list[int], nouns: frozenset[int]) -> bool:
    return bool(row[4]) and row[0] not in nouns


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else CUE_FORMS.get(tok.lower_, tok.lower_)
