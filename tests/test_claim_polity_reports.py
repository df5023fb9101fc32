"""A reported clause whose reporter is a polity by its name ("X says the line should run along the coast") speaks
of that polity: the reporter is the clause's polity signal, so one field word beside it makes a claim; a person,
a body of another label, or a pronoun standing for a name further back does not count (issue 9, session 14r).
The parses are built by hand; the sentences are invented for the test, none is from a benchmark article."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp.claims import find_claims

_VOCAB = spacy.blank("en").vocab
_CLAUSE = ["the", "line", "should", "run", "along", "the", "coast", "."]
_CLAUSE_POS = ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
_CLAUSE_TAGS = ["DT", "NN", "MD", "VB", "IN", "DT", "NN", "."]


def _says(label: str) -> Doc:
    """ "Kestovia says the line should run along the coast ." with Kestovia tagged ``label``."""
    return Doc(_VOCAB, words=["Kestovia", "says", *_CLAUSE], heads=[1, 1, 3, 5, 5, 1, 5, 8, 6, 1],
               deps=["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "prep", "det", "pobj", "punct"],
               pos=["PROPN", "VERB", *_CLAUSE_POS], tags=["NNP", "VBZ", *_CLAUSE_TAGS],
               lemmas=["Kestovia", "say", *_CLAUSE],
               ents=[label] + ["O"] * 9)


def test_a_polity_reporting_a_clause_of_one_field_word_makes_a_claim():
    doc = _says("B-GPE")
    (c,) = find_claims(doc, [])
    assert c.claim_type == "territory" and c.claimant.text_in(doc.text) == "Kestovia"


@pytest.mark.parametrize("label", ["B-PERSON", "B-ORG"])
def test_a_reporter_that_is_no_polity_by_name_adds_no_signal(label):
    assert find_claims(_says(label), []) == []


def test_a_pronoun_standing_for_a_polity_further_back_adds_no_signal():
    words = ["Kestovia", "protested", ".", "It", "says", *_CLAUSE]
    doc = Doc(_VOCAB, words=words, heads=[1, 1, 1, 4, 4, 6, 8, 8, 4, 8, 11, 9, 4],
              deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "prep", "det", "pobj",
                    "punct"],
              pos=["PROPN", "VERB", "PUNCT", "PRON", "VERB", *_CLAUSE_POS],
              tags=["NNP", "VBD", ".", "PRP", "VBZ", *_CLAUSE_TAGS],
              lemmas=["Kestovia", "protest", ".", "it", "say", *_CLAUSE], ents=["B-GPE"] + ["O"] * 12)
    assert not [c for c in find_claims(doc, []) if c.evidence[0].start >= doc[3].idx]
