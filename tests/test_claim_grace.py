"""A negated copula whose attribute is a noun of another's grace ("autonomy is not a gift from X") denies that
the thing is granted, not the thing: no reversal of the claim's stance (issue 9). Every sentence is invented for
the test; none is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from tests.conftest import claims_of


def _copula(attr: str) -> Doc:
    words = ["Autonomy", "is", "not", "a", attr, "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 4, 1, 1],
               deps=["nsubj", "ROOT", "neg", "det", "attr", "punct"], pos=["NOUN", "AUX", "PART", "DET", "NOUN", "PUNCT"],
               lemmas=["autonomy", "be", "not", "a", attr, "."])


def test_a_negated_gift_is_no_reversal_but_a_negated_right_is():
    from annotator.nlp.claim_stance import _not_granted

    assert _not_granted(_copula("gift")[1])
    assert _not_granted(_copula("privilege")[1])
    assert not _not_granted(_copula("right")[1])


@pytest.mark.model
def test_model_autonomy_not_a_gift_from_the_capital_is_in_favour(nlp):
    text = "\"Autonomy is not a gift from Brell,\" the Tarn regional president, Ola Denn, told the assembly."
    found = [c for c in claims_of(nlp, text) if c.claim_type == "self_determination"]
    assert [c.stance for c in found] == ["favour"]
