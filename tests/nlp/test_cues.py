"""The cue finder's one pass over the Doc's columns (cues.cue_matches) finds what the declared spaCy Matcher
finds (cues.matcher_matches), on hand-built parses and untagged text: no model, so no model upgrade moves it."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp.cues import cue_matches, find_cues, matcher_matches

_VOCAB = spacy.blank("en").vocab


def tagged(words: str, tags: str, pos: str, lemmas: str) -> Doc:
    return Doc(_VOCAB, words=words.split(), tags=tags.split(), pos=pos.split(), lemmas=lemmas.split())


CASES = [  # (words, tags, pos, lemmas)
    ("Ona said , according to aides , in a statement that she shot back",
     "NNP VBD , VBG IN NNS , IN DT NN IN PRP VBD RB", "PROPN VERB PUNCT VERB ADP NOUN PUNCT ADP DET NOUN SCONJ PRON VERB ADV",
     "Ona say , accord to aide , in a statement that she shoot back"),
    ("In a joint statement in statement in the very long statement , as she put it , he has warned",
     "IN DT JJ NN IN NN IN DT RB JJ NN , IN PRP VBD PRP , PRP VBZ VBN",
     "ADP DET ADJ NOUN ADP NOUN ADP DET ADV ADJ NOUN PUNCT SCONJ PRON VERB PRON PUNCT PRON AUX VERB",
     "in a joint statement in statement in the very long statement , as she put it , he have warn"),
    ("The said report told of wrote notes ; it says in 2024 interview in an 2024 interview",
     "DT JJ NN VBD IN VBD NNS : PRP VBZ IN CD NN IN DT CD NN",
     "DET ADJ NOUN VERB ADP VERB NOUN PUNCT PRON VERB ADP NUM NOUN ADP DET NUM NOUN",
     "the said report tell of write note ; it say in 2024 interview in an 2024 interview"),
    ("according", "VBG", "VERB", "accord"),
    ("in", "IN", "ADP", "in"),
]


@pytest.mark.parametrize("words,tags,pos,lemmas", CASES)
def test_the_one_pass_finds_the_matchers_matches_on_tagged_text(words, tags, pos, lemmas):
    doc = tagged(words, tags, pos, lemmas)
    assert set(cue_matches(doc)) == set(matcher_matches(doc))
    assert bool(cue_matches(doc)) == (len(doc) > 1)  # the long cases hold cues; a lone "according" or "in" none


@pytest.mark.parametrize("text", [c[0] for c in CASES] + ["", "They replied in writing , in a letter .", "she "
                                                          "murmured and said in an interview that ..."])
def test_the_one_pass_finds_the_matchers_matches_on_untagged_text(text):
    doc = spacy.blank("en")(text)
    assert set(cue_matches(doc)) == set(matcher_matches(doc))


def test_find_cues_keeps_the_longest_cue_at_each_token_and_a_noun_cue_starts_at_its_in():
    doc = tagged(*CASES[1])
    cues = {(c.start, c.end, c.kind) for c in find_cues(doc)}
    assert (0, 4, "noun") in cues  # "In a joint statement"
    assert (4, 6, "noun") in cues  # "in statement"
    assert not any(c[0] == 6 for c in cues)  # "in the very long statement": two words after "the" are too many
    assert (14, 15, "verb") in cues  # "put it": the verb
    assert (19, 20, "verb") in cues  # "warned" (its lemma, a verb); "has" is none
    said = tagged(*CASES[2])
    assert {(c.start, c.kind) for c in find_cues(said)} >= {(3, "verb"), (5, "verb"), (9, "verb")}
    assert not any(c.start == 1 for c in find_cues(said))  # "The said report": an adjective, no cue
