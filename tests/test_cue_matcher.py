"""The claim cue matcher returns exactly what one spaCy Matcher with every family's patterns returns, in order.

``raw_hits`` breaks ties by that order, so the same list in the same order is what keeps the suggestions
unchanged. Random Docs are built by hand from the lexicon's words with random tags, lemmas, capitals and
sentence starts (no model needed).
"""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp.claim_cues import _patterns
from annotator.nlp.claim_lexicon import families
from annotator.nlp.cue_matcher import CueMatcher

POS = ["DET", "ADJ", "ADV", "AUX", "PART", "PRON", "PROPN", "NOUN", "VERB", "PUNCT", "CCONJ", "ADP", "SCONJ"]
FILLER = ["the", "a", "Kestria", "Varo", ",", ".", "said", "'s", "’s", "own", "of", "part", "for", "alone", "to",
          "one", "it", "—"]


def _lexicon_words() -> list[str]:
    words: set[str] = set(FILLER)
    for fam in families():
        for p in (*fam.lemmas, *fam.phrases):
            words.update(p.replace("-", " - ").split())
        for pattern in fam.patterns:
            for tok in pattern:
                for key, value in tok.items():
                    if key in ("LEMMA", "LOWER"):
                        words.update(value["IN"] if isinstance(value, dict) else [value])
    return sorted(words)


def _random_docs(vocab, n: int, seed: int) -> list[Doc]:
    rng = random.Random(seed)
    words = _lexicon_words()
    docs = []
    for _ in range(n):
        size = rng.randint(1, 40)
        ws = [rng.choice(words) for _ in range(size)]
        lemmas = [w if rng.random() < 0.7 else rng.choice(words) for w in ws]
        ws = [w.title() if rng.random() < 0.15 else w for w in ws]
        docs.append(Doc(vocab, words=ws, pos=[rng.choice(POS) for _ in ws], lemmas=lemmas,
                        sent_starts=[True] + [rng.random() < 0.1 for _ in ws[1:]]))
    return docs


@pytest.mark.parametrize(("lemmas", "tagged"), [(True, True), (True, False), (False, False)])
def test_the_same_matches_in_the_same_order_as_one_matcher(lemmas, tagged):
    vocab = spacy.blank("en").vocab
    matcher = CueMatcher(vocab, _patterns(lemmas, tagged))
    assert matcher.split  # the families' patterns are all of the shapes it splits
    docs = _random_docs(vocab, 800, seed=11 + lemmas + 2 * tagged)
    found = 0
    for doc in docs:
        got = matcher(doc)
        assert got == matcher.reference(doc), [t.text for t in doc]
        found += len(got)
    assert found > 2500  # the random texts do exercise the patterns


def test_ties_between_families_and_between_phrases_and_patterns_keep_the_matchers_order():
    vocab = spacy.blank("en").vocab
    fams = [("a", [[{"LOWER": "breakaway"}], [{"LOWER": "x"}, {"OP": "*"}, {"LOWER": "y"}]]),
            ("b", [[{"LOWER": "z"}, {"LOWER": "y"}], [{"LOWER": "breakaway"}], [{"LOWER": "y"}]]),
            ("c", [[{"LOWER": "x"}, {"LOWER": "q", "OP": "?"}, {"LOWER": "y"}]])]
    matcher = CueMatcher(vocab, fams)
    for words in (["breakaway"], ["x", "z", "y"], ["x", "q", "y", "y"], ["x", "x", "z", "y", "breakaway"]):
        doc = Doc(vocab, words=words)
        assert matcher(doc) == matcher.reference(doc)
    doc = Doc(vocab, words=["breakaway"])
    assert matcher(doc) == [("a", 0, 1), ("b", 0, 1)]


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "x"}, {"LOWER": "y", "OP": "?"}],  # optional last part
    [{"LOWER": "x", "OP": "*"}, {"LOWER": "y"}],  # optional first part
    [{"LOWER": "x"}, {"OP": "*"}, {"LOWER": "y"}, {"OP": "?"}, {"LOWER": "z"}],  # optional parts apart
    [{"LOWER": "x"}, {"LOWER": "y", "OP": "+"}],
])
def test_a_pattern_of_another_shape_sends_everything_through_the_one_matcher(pattern):
    vocab = spacy.blank("en").vocab
    matcher = CueMatcher(vocab, [("a", [[{"LOWER": "x"}], pattern])])
    assert not matcher.split
    doc = Doc(vocab, words=["x", "y", "y", "z", "x"])
    assert matcher(doc) == matcher.reference(doc) != []


def _random_families(rng: random.Random, letters: list[str]) -> list[tuple[str, list[list[dict]]]]:
    """Families of fixed word sequences and of patterns with one run of optional parts in the middle."""
    def part() -> dict:
        roll = rng.random()
        if roll < 0.6:
            return {rng.choice(["LOWER", "LEMMA"]): rng.choice(letters)}
        if roll < 0.85:
            return {"LOWER": {"IN": rng.sample(letters, 2)}}
        return {}

    fams = []
    for f in range(rng.randint(1, 4)):
        pats = []
        for _ in range(rng.randint(1, 4)):
            head = [part() for _ in range(rng.randint(1, 3))]
            if len(head) > 1 and rng.random() < 0.6:
                cut = rng.randint(1, len(head) - 1)
                run = [{**part(), "OP": rng.choice(["?", "*"])} for _ in range(rng.randint(1, 2))]
                head = head[:cut] + run + head[cut:]
            pats.append(head)
        fams.append((f"f{f}", pats))
    return fams


def test_random_pattern_sets_over_few_letters_tie_often_and_keep_the_order():
    """Few letters make many matches end on one token: the order between them is what is tested."""
    rng = random.Random(5)
    vocab = spacy.blank("en").vocab
    letters = ["x", "y", "z", "q"]
    ties = 0
    for _ in range(60):
        matcher = CueMatcher(vocab, _random_families(rng, letters))
        assert matcher.split
        for _ in range(40):
            words = [rng.choice(letters) for _ in range(rng.randint(1, 10))]
            doc = Doc(vocab, words=words, lemmas=[rng.choice(letters) for _ in words])
            want = matcher.reference(doc)
            assert matcher(doc) == want, (matcher.families, words)
            ends = [e for _, _, e in want]
            ties += len(ends) - len(set(ends))
    assert ties > 1000
