"""Pooling that takes control away is against the union (issue 9, session 11: ``claim_ceding``). Every sentence
here is invented for the test; none is from a benchmark article. Tests marked ``model`` load the default
pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import claims_of as _claims


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "The deal would hand control of our ports to a board abroad.",
    "Membership would put our judges under a court we do not elect.",
    "Signing means our bread prices get set in a distant capital.",
    "The bloc has taken our harbours and sent us forms.",
    "Inside the pact our farmers would be working to somebody else's rules.",
    "We did not win our freedom in 1962 to give it away by the clause.",  # a purpose of giving away, denied
    "We did not win back the right to set our own rates in order to hand the rate book to a board in Tessel.",
    "The decision to send Pellish ships to sea would be taken in Tessel, not in our parliament.",  # ours shut out
    "Decisions about our currency would be made in Tessel by a board.",  # a decision on ours, made elsewhere
])
def test_model_words_of_control_taken_away(nlp, sentence):
    from annotator.nlp.claim_ceding import ceded

    assert ceded(nlp(sentence)[:])


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "The deal would not hand control of our ports to anyone.",
    "The treaty gives our farmers access to a larger market.",
    "We will hand the report to the committee tomorrow.",
    "Outside the union we read rules after somebody else has written them.",
    "Our prices are set by our own council.",
    "The decision to build the bridge was taken in Tessel last spring.",  # nothing of ours, nobody shut out
    "The decision to send our ships to sea will be taken in our parliament, not in Tessel.",  # taken at home
    "We won our freedom in 1962 to give our children a country.",  # nothing given away: the winning stands
])
def test_model_words_that_take_nothing_away(nlp, sentence):
    from annotator.nlp.claim_ceding import ceded

    assert not ceded(nlp(sentence)[:])


@pytest.mark.model
def test_model_a_pooling_claim_that_hands_control_away_is_against(nlp):
    text = ('BRELM — Parliament will vote next month on joining the Ostrel Trade Union.\n\n'
            '"Joining the Ostrel Trade Union would hand control of our tariffs to a commission abroad," '
            "said the opposition leader, Mara Tenk.\n")
    pooled = [c for c in _claims(nlp, text) if c.claim_type == "pooling" and "tariffs" in text[c.start : c.end]]
    assert pooled and all(c.stance == "against" for c in pooled), pooled


def test_only_pooling_claims_in_favour_turn():
    import spacy

    from annotator.domain import Claim, Mention
    from annotator.nlp.claim_ceding import ceding_stance

    doc = spacy.blank("en")("They have taken our harbours.")
    ev = (Mention(0, len(doc.text)),)
    kept = [Claim(claim_type="territory", evidence=ev, stance="favour"),
            Claim(claim_type="pooling", evidence=ev, stance="neutral")]
    assert ceding_stance(doc, kept) == kept  # no parse, no other type, no neutral claim turns
