"""A polity refusing to need another's leave also claims its own sovereignty (issue 9, session 15: ``claim_leave``).
Every sentence here is invented for the test; none is from a benchmark article. Tests marked ``model`` load the
default pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import claims_of as _claims


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "We do not need anyone's permission to fish in our own bay.",
    "Our pilots don't need Harlow's blessing to fly over our hills.",
    "We are not asking the council for its consent.",
])
def test_model_leave_refused_by_the_speakers_side(nlp, sentence):
    from annotator.nlp.claim_leave import refused_leave

    assert any(refused_leave(t) for t in nlp(sentence))


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "We need the council's permission to fish in the bay.",  # leave sought, not refused
    "We will not take lectures from Harlow.",  # an outsider's lecture: interference, no leave
    "Her right to speak does not depend on the permission of the chair.",  # no polity, no speaker's side
])
def test_model_no_leave_refused(nlp, sentence):
    from annotator.nlp.claim_leave import refused_leave

    assert not any(refused_leave(t) for t in nlp(sentence))


@pytest.mark.model
def test_model_a_territorial_quote_that_refuses_leave_also_claims_sovereignty(nlp):
    text = ('Tovia sends boats to the Pell reefs\n\n'
            'The Tovian navy sent two patrol boats to the Pell reefs on Monday.\n\n'
            '"The Pell reefs are Tovian territory. We are not asking anyone for permission to patrol our own waters," '
            'Defence Minister Ada Venn told reporters in the capital.\n')
    quote = text.index("The Pell reefs are")
    on_it = [c for c in _claims(nlp, text) if c.start <= quote < c.end]
    types = {c.claim_type for c in on_it}
    assert {"territory", "sovereignty"} <= types, on_it
    sov = next(c for c in on_it if c.claim_type == "sovereignty")
    assert sov.stance == "favour" and sov.claimant is not None and "Venn" in text[sov.claimant.start : sov.claimant.end]


def test_a_claim_with_sovereignty_on_its_evidence_gets_no_second():
    import spacy

    from annotator.domain import Claim, Mention
    from annotator.nlp.claim_leave import leave_refused

    doc = spacy.blank("en")("We do not need anyone's permission.")
    ev = (Mention(0, len(doc.text)),)
    made = [Claim(claim_type=t, evidence=ev, claimant=Mention(0, 2), stance="favour") for t in ("territory", "sovereignty")]
    assert leave_refused(doc, made) == made
