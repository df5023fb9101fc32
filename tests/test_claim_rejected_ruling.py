"""A territorial claim that also rejects a body's finding on the land carries a second, "other" claim (issue 9,
session 15: ``claim_rejected_ruling``). Every sentence here is invented for the test; none is from a benchmark
article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import claims_of as _claims


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word"), [
    ("Tovia rejects the findings of the boundary commission.", "findings"),
    ("We will not be bound by the ruling.", "ruling"),
    ("Tovia does not recognise the award.", "award"),
    ("The award is void.", "award"),
])
def test_model_a_finding_rejected(nlp, sentence, word):
    from annotator.nlp.claim_rejected_ruling import rejected_finding

    found = rejected_finding(nlp(sentence)[:])
    assert found is not None and found.text == word


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "Tovia accepts the findings of the boundary commission.",
    "We will be bound by the ruling.",
    "Tovia rejects the new tariffs.",  # no finding, no body that makes one
])
def test_model_no_finding_rejected(nlp, sentence):
    from annotator.nlp.claim_rejected_ruling import rejected_finding

    assert rejected_finding(nlp(sentence)[:]) is None


@pytest.mark.model
def test_model_a_territorial_claim_that_rejects_a_finding_gets_an_other_claim(nlp):
    text = ('Tovia rejects boundary report\n\n'
            'A boundary commission reported on Monday on the Pell valley.\n\n'
            '"The Pell valley is Tovian land, and Tovia rejects the findings of the boundary commission," '
            'Foreign Minister Ada Venn said.\n')
    quote = text.index("The Pell valley is")
    on_it = [c for c in _claims(nlp, text) if c.start <= quote < c.end]
    assert {"territory", "other"} <= {c.claim_type for c in on_it}, on_it
    other = next(c for c in on_it if c.claim_type == "other")
    assert other.stance == "against" and "commission" in text[other.target.start : other.target.end]


def test_an_other_claim_on_the_evidence_already_gets_no_second():
    import spacy

    from annotator.domain import Claim, Mention
    from annotator.nlp.claim_rejected_ruling import ruling_beside

    doc = spacy.blank("en")("We reject the award.")
    ev = (Mention(0, len(doc.text)),)
    made = [Claim(claim_type=t, evidence=ev, claimant=Mention(0, 2), stance="favour") for t in ("territory", "other")]
    assert ruling_beside(doc, made) == made
