"""A body that rejects a party's case for land makes a territorial claim against it, beside its own finding (issue 9,
session 17: ``claim_rejected_title``). Every sentence here is invented for the test; none is from a benchmark article.
Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import claims_of as _claims


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "noun"), [
    ("The tribunal rejected Drelmark's argument that a century of patrols gave it title over the reef.", "argument"),
    ("The court dismissed Ostvany's claim that an old charter gave it the Lannis Reef.", "claim"),
    ("The panel rejected Drelmark's contention that the island had always been its territory.", "contention"),
    ("The judges rejected Ostvany's case that its maps had shown the valley as its land since 1850.", "case"),
    ("The tribunal rejected Drelmark's assertion that the strait lay in its waters.", "assertion"),
    ("The court rejected Ostvany's submission that the old treaty gave it the reef.", "submission"),
])
def test_model_a_case_for_land_rejected(nlp, sentence, noun):
    from annotator.nlp.claim_rejected_title import rejected_case

    found = rejected_case(nlp(sentence)[:])
    assert found is not None and found[1].text == noun


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "The tribunal accepted Drelmark's argument that a century of patrols gave it title over the reef.",
    "The court rejected Ostvany's argument that the fees were too high.",  # no land in the case
    "The tribunal did not reject Drelmark's claim that it owned the reef.",  # not rejected
])
def test_model_no_case_for_land_rejected(nlp, sentence):
    from annotator.nlp.claim_rejected_title import rejected_case

    assert rejected_case(nlp(sentence)[:]) is None


@pytest.mark.model
def test_model_a_ruling_that_rejects_a_case_is_two_claims_for_and_against(nlp):
    text = ('Reef ruling\n\n'
            'The Velmor Tribunal found last week that the Lannis Reef lies within Drelmark\'s territory, rejecting '
            'Ostvany\'s claim that a royal grant of 1790 conferred title to the reef.\n')
    at = text.index("rejecting")
    on_it = [c for c in _claims(nlp, text) if c.start <= at < c.end and c.claim_type == "territory"]
    assert sorted(c.stance for c in on_it) == ["against", "favour"], on_it
    against = next(c for c in on_it if c.stance == "against")
    assert "Tribunal" in text[against.claimant.start : against.claimant.end]


@pytest.mark.model
def test_model_a_rejection_and_the_award_s_reasons_after_it_are_one_claim(nlp):
    text = ('Reef award\n\n'
            'The Velmor Tribunal gave the Lannis Reef to Drelmark on Monday.\n\n'
            'The panel rejected Ostvany\'s claim that a royal grant of 1790 conferred title to the reef. '
            '"A charter to fish is not a title to govern, and Ostvany never governed the reef," the award says.\n')
    at = text.index("The panel rejected")
    on_it = [c for c in _claims(nlp, text) if c.start <= at < c.end and c.claim_type == "territory"]
    assert len(on_it) == 1 and on_it[0].stance == "against", on_it
    assert "panel" in text[on_it[0].claimant.start : on_it[0].claimant.end]
