"""A host's or journalist's line that reports a position before it asks (``claims._reported_before_asking``): the
question claims nothing, the sentence before it is the reported party's claim. Every sentence and name here is
invented for the test; none is from a benchmark article."""

from __future__ import annotations

import pytest

from tests.conftest import claims_of

HEAD = ("Transcript: the Fenmoor Radio morning briefing with Aldo Brenck\n\n"
        "Deputy foreign minister Aldo Brenck of Korland took questions from our listeners.\n\n"
        "HOST: Good morning, minister.\n\nBRENCK: Good morning.\n\n")
REPORTED = ("HOST: The Torvask Islanders' Council says the islanders have a right to decide their own future in a "
            "referendum. Will your government allow a vote?\n\nBRENCK: That is a question for parliament, not for me.")
QUOTED = ("HOST: And the map? Last week your prime minister, Pellin Sarvo, said, and I'm quoting, \u201cThe Torvask "
          "Islands are an integral part of Korland and will always remain so.\u201d Do you agree with her?\n\n"
          "BRENCK: Of course.")
ASKED = "HOST: Will there be a referendum on self-determination for the islands?\n\nBRENCK: Not this year."


def _said(text, m):
    return text[m.start : m.end] if m is not None else None


@pytest.mark.model
def test_a_position_reported_in_a_hosts_question_is_its_subjects_claim(nlp):
    text = HEAD + REPORTED
    (c,) = [c for c in claims_of(nlp, text) if "Council says" in _said(text, c.evidence[0])]
    assert _said(text, c.claimant) == "The Torvask Islanders' Council"
    assert _said(text, c.evidence[0]).startswith("The Torvask") and "?" not in _said(text, c.evidence[0])
    assert c.claim_type == "self_determination" and c.stance == "favour" and not c.outlet


@pytest.mark.model
def test_a_quote_the_host_reads_out_is_the_quoted_ministers_claim(nlp):
    # "X said, and I'm quoting, ...": the host's "I" quotes; the claim is the prime minister's
    text = HEAD + QUOTED
    (c,) = [c for c in claims_of(nlp, text) if "integral part" in _said(text, c.evidence[0])]
    assert _said(text, c.claimant) == "Pellin Sarvo"
    assert c.claim_type == "territory" and not c.outlet


@pytest.mark.model
def test_a_hosts_own_question_is_still_no_claim(nlp):
    text = HEAD + ASKED
    assert not [c for c in claims_of(nlp, text) if "HOST" in text[c.start : c.end] or "Will there" in text[c.start : c.end]]
