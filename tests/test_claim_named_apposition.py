"""A first and last name set off beside a description of a person is the claimant, even when the small model
tagged the name an organisation (issue 9, session 15: ``claim_parts._named_apposition``); a name beside an
organisation's noun stays the organisation's description. Every sentence here is invented for the test; none is
from a benchmark article."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp.claim_parts import speaker_phrase


def _described(noun: str, first: str, last: str, label: str) -> Doc:
    """ "The opposition <noun> , <first> <last> , said the vote was void ." with the name tagged ``label``."""
    words = ["The", "opposition", noun, ",", first, last, ",", "said", "the", "vote", "was", "void", "."]
    heads = [2, 2, 7, 2, 5, 2, 2, 7, 9, 10, 7, 10, 7]
    deps = ["det", "compound", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "det", "nsubj", "ccomp",
            "acomp", "punct"]
    pos = ["DET", "NOUN", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    ents = ["O", "O", "O", "O", f"B-{label}", f"I-{label}", "O", "O", "O", "O", "O", "O", "O"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_a_full_name_beside_a_persons_description_is_the_claimant(label):
    doc = _described("leader", "Ada", "Rinn", label)
    assert speaker_phrase(doc[2]) == (4, 6)


def test_a_name_beside_an_organisations_noun_stays_its_description():
    doc = _described("party", "Civic", "Dawn", "ORG")
    assert speaker_phrase(doc[2]) == (0, 3)
