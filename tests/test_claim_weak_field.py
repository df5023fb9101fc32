"""A field claim on a few weak signals needs a stance marker (issue 9: ``claim_unmarked``): a political actor's
report of ferries, jobs or timetables that happens to name an island, a coast or a border claims nothing; one
that refuses, insists or urges does. Every sentence here is invented for the test; none is from a benchmark
article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import claims_of


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Ostrelian transport minister, Pavo Lindqvist, said the ferries to the northern islands of Ostrelia would run "
    "on the winter timetable from Monday.\n",
    "Energy Minister Pera Krunn said the new gas field off the Ostrelian coast would create 300 jobs and pay for two "
    "hospitals.\n",
])
def test_model_a_report_of_services_naming_a_place_is_no_claim(nlp, text):
    assert claims_of(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Ostrelian foreign minister, Pavo Lindqvist, said the northern islands would never be handed to Marrow.\n",
    # "urge" is a stance verb (claim_cues.toml [stance] stance_verbs): a body urging a ruling's implementation
    "The Tessel Sea Council said it had studied the tribunal award and urged the two governments to carry it out.\n",
])
def test_model_a_report_with_a_stance_marker_stays_a_claim(nlp, text):
    assert claims_of(nlp, text)


def test_urge_is_a_stance_verb():
    from annotator.nlp import claim_lexicon as lex

    assert "urge" in lex.STANCE_VERBS
