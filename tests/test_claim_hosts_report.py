"""A transcript host asks and claims nothing: a claim on a host's line is the one it reports, its reporting verb's
subject's (issue 9, session 15: ``claims._hosts_report``). Every sentence here is invented for the test; none is
from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import claims_of

_TRANSCRIPT = (
    "Evening Desk: transcript\n\n"
    "ANCHOR: Minister, welcome. Why did you close the ferry route?\n\n"
    "TELDRA: Because the harbour is ours and we decide who uses it.\n\n"
    "ANCHOR: The Coastal League says Ombrevia has no sovereignty over the harbour at all.\n\n"
    "TELDRA: The League can say what it likes. Our charts have shown that harbour for two hundred years.\n\n"
    "ANCHOR: And the fishing quotas?\n\n"
    "TELDRA: We will set them ourselves.\n\n"
    "ANCHOR: Is that fair on your neighbours?\n\n"
    "TELDRA: It is fair on our fishermen.\n\n"
    "ANCHOR: Minister Teldra, thank you.\n"
)


@pytest.mark.model
def test_model_a_claim_on_a_hosts_line_is_the_reported_speakers(nlp):
    text = _TRANSCRIPT
    on_line = [c for c in claims_of(nlp, text) if "no sovereignty over the harbour" in text[c.start : c.end]]
    assert on_line, claims_of(nlp, text)
    for c in on_line:
        assert c.claimant is not None and text[c.claimant.start : c.claimant.end] != "ANCHOR"
        assert text[c.claimant.start : c.claimant.end].endswith("Coastal League")


_INTERVIEW = (
    "Ilse Ferrowen has led the Harbour Party since 2019. We spoke to her in her office.\n\n"
    "Q. Why now?\n\n"
    "A. Because the people of the coast have waited long enough.\n\n"
    "Q. The interior minister says the coast is \"an inseparable part of the republic\".\n\n"
    "A. The constitution was written before our people had a say in it.\n\n"
    "Q. And the fishing quotas?\n\n"
    "A. We will set them ourselves, as a free country does.\n"
)


@pytest.mark.model
def test_model_a_claim_on_a_question_line_is_never_the_question_marks(nlp):
    text = _INTERVIEW
    on_line = [c for c in claims_of(nlp, text) if "inseparable part" in text[c.start : c.end]]
    assert on_line, claims_of(nlp, text)
    for c in on_line:
        assert c.claimant is not None and text[c.claimant.start : c.claimant.end] == "The interior minister"
