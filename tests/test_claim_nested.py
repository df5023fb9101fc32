"""One claim per utterance (issue 9: ``claim_nested``): a claim whose evidence lies inside another's is the same
words said once. Every sentence here is invented for the test; none is from a benchmark article."""

from __future__ import annotations

import pytest

from annotator.domain import Claim, Mention
from annotator.nlp.claim_nested import one_per_utterance
from tests.conftest import claims_of


def _claim(start: int, end: int, conf: float, typ: str = "sovereignty", *more: tuple[int, int]) -> Claim:
    ev = (Mention(start, end), *(Mention(a, b) for a, b in more))
    return Claim(claim_type=typ, evidence=ev, confidence=conf, cue="x", origin="rule:claims")


def test_a_fragment_and_its_sentence_make_one_claim_the_surer_stays():
    sentence, fragment = _claim(0, 80, 0.6, "interference"), _claim(30, 50, 0.74)
    assert one_per_utterance([sentence, fragment]) == [fragment]
    sure_sentence = _claim(0, 80, 0.7, "interference")
    assert one_per_utterance([sure_sentence, _claim(30, 50, 0.55)]) == [sure_sentence]


def test_on_a_tie_the_wider_evidence_goes():
    sentence, fragment = _claim(0, 80, 0.6, "pooling"), _claim(30, 50, 0.6)
    assert one_per_utterance([sentence, fragment]) == [fragment]


def test_claims_on_the_same_evidence_or_apart_stay():
    same = [_claim(0, 40, 0.6, "pooling"), _claim(0, 40, 0.6, "sovereignty")]
    assert one_per_utterance(same) == same
    apart = [_claim(0, 40, 0.6), _claim(41, 90, 0.6)]
    assert one_per_utterance(apart) == apart


def test_a_joined_run_of_quotes_holding_a_quote_is_no_second_utterance():
    run, one = _claim(0, 40, 0.6, "pooling", (50, 90)), _claim(0, 40, 0.7, "sovereignty")
    assert one_per_utterance([run, one]) == [run, one]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    'The Ostrelian foreign minister, Pavo Lindqvist, told reporters that his government would not recognise the '
    'council, which he called "a threat to the sovereignty of Ostrelia".\n',
    'Ilse Varga said Ostrelia might reconsider its membership of the Tessel Union, "whose judges have no say over a '
    'sovereign country".\n',
])
def test_model_a_fragment_quote_inside_a_reported_sentence_is_suggested_once(nlp, text):
    claims = claims_of(nlp, text)
    assert len(claims) == 1
