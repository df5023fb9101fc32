"""A land word that is no field word ("ground", "earth") counts as territory talk when a polity owns it ("we are
standing on Vardic ground"), not otherwise ("common ground") (issue 9, session 14r). The parses are built by
hand; the sentences are invented for the test, none is from a benchmark article."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp.claim_field import field_of

_VOCAB = spacy.blank("en").vocab


def _standing_on(modifier: str, noun: str, pos: str) -> Doc:
    """ "We are standing on <modifier> <noun> ." as a hand-built parse."""
    return Doc(_VOCAB, words=["We", "are", "standing", "on", modifier, noun, "."], heads=[2, 2, 2, 2, 5, 3, 2],
               deps=["nsubj", "aux", "ROOT", "prep", "amod", "pobj", "punct"],
               pos=["PRON", "AUX", "VERB", "ADP", pos, "NOUN", "PUNCT"],
               lemmas=["we", "be", "stand", "on", modifier.lower(), noun, "."])


@pytest.mark.parametrize("noun", ["ground", "earth"])
def test_a_land_word_a_polity_owns_is_territory_talk(noun):
    doc = _standing_on("Vardic", noun, "ADJ")
    assert field_of(doc[:], True).classes.get("territory") == 1


def test_a_land_word_no_polity_owns_is_not():
    doc = _standing_on("common", "ground", "ADJ")
    assert "territory" not in field_of(doc[:], True).classes


def test_a_field_word_a_polity_owns_counts_once():
    doc = _standing_on("Vardic", "soil", "ADJ")
    assert field_of(doc[:], True).classes.get("territory") == 1
