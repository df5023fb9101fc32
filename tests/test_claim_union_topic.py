"""Joining or leaving "the union" said with no polity in the sentence is a pooling claim in an article about a
union (two union words or names in it), and not elsewhere (issue 9). Every sentence is invented for the test;
none is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import claims_of

_LEAVE = "His party would campaign to leave the union at the next election, he said."


@pytest.mark.model
def test_model_leaving_the_union_in_an_article_about_a_union_is_pooling(nlp):
    text = ("Pellmar's parliament debated the Tarn Customs Union treaty on Monday. The union sets one tariff for "
            "its seven members, and the pact would bind Pellmar for twenty years.\n\n"
            "Olav Brenn of the Pellmar First party said the treaty was \"a fig leaf\". " + _LEAVE)
    found = [c for c in claims_of(nlp, text) if text.index(_LEAVE) < c.end and c.start <= text.index(_LEAVE)]
    assert [(c.claim_type, c.stance) for c in found] == [("pooling", "against")]


@pytest.mark.model
def test_model_a_union_word_alone_in_an_article_about_something_else_is_no_claim(nlp):
    text = ("The dockers' strike in Brell entered its third week on Monday.\n\n"
            "Olav Brenn, a crane driver, said he would leave the union at the end of the year, he said.")
    assert [c for c in claims_of(nlp, text) if c.claim_type == "pooling"] == []
