"""The issuer of a statement that carries no release mark: the body named on its first line over a "Statement
on ..." title (issue 9, session 11). Every text here is invented for the test; none is from a benchmark
article."""

from __future__ import annotations

import pytest
import spacy


def _issuer(text: str) -> str | None:
    from annotator.nlp.claim_voice import issuer

    found = issuer(spacy.blank("en")(text))
    return text[found.start : found.end] if found is not None else None


@pytest.mark.parametrize(("text", "body"), [
    ("Ministry of External Relations of the Republic of Oster\n\nStatement on the fishing quota dispute\n\n"
     "Brell, 3 May\n\n1. The Ministry has taken note of the decision.\n", "Ministry of External Relations of the Republic of Oster"),
    ("  Office of the President of Varn\nDeclaration concerning the northern border\n\nThe President "
     "reaffirms that the border is settled.\n", "Office of the President of Varn"),
    ("Harbour fares rise again\n\nStatement on the ferry timetable\n\nThe council said fares would rise.\n", None),
    ("Ministry of Finance\n\nBudget figures for the third quarter\n\nSpending rose by 2 percent.\n", None),
])
def test_a_body_named_over_a_statement_title_issues_it(text, body):
    assert _issuer(text) == body


@pytest.mark.model
def test_model_a_statement_s_own_lines_are_its_issuer_s_claims(nlp):
    from tests.conftest import claims_of

    text = ("Ministry of External Relations of the Republic of Oster\n\nStatement on the Brask Isles\n\n"
            "Brell, 3 May\n\n1. The Ministry has taken note of the law adopted by the parliament of Velm.\n\n"
            "2. The Republic of Oster rejects this law. The Brask Isles are Osteran territory.\n")
    claims = claims_of(nlp, text)
    own = [c for c in claims if "Osteran territory" in text[c.start : c.end]]
    assert own and own[0].claimant is not None and not own[0].outlet, claims
    assert text[own[0].claimant.start : own[0].claimant.end].startswith("Ministry of External Relations"), claims


@pytest.mark.model
def test_model_a_detector_line_in_a_statement_s_own_voice_is_its_issuer_s(nlp):
    from annotator.nlp import claim_detector as cd
    from tests.conftest import claims_of

    text = ("Ministry of External Relations of the Republic of Oster\n\nStatement on the Brask Isles\n\n"
            "Brell, 3 May\n\nThe government in Oster has said nothing since the vote.\n")
    cd.use_detector(cd.Detector({}, 0.0, 0.0, "territory", "test"))  # fires on every sentence
    try:
        found = [c for c in claims_of(nlp, text) if c.cue == "detector" and "said nothing" in text[c.start : c.end]]
    finally:
        cd.reset_detector()
    assert found and not found[0].outlet, found
    assert text[found[0].claimant.start : found[0].claimant.end].startswith("Ministry of External Relations")


@pytest.mark.model
def test_model_a_document_that_is_circulating_did_not_write_itself(nlp):
    """"A first draft ... is circulating. It says ...": the draft is the subject of a verb of sending, but it is
    not its own author (the look-up went round in circles until Python's recursion limit)."""
    from annotator.nlp.pipeline import annotate

    text = ("Talks ran late. Some envoys may sleep at the venue.\n\n11:20\nA first draft of the conclusions is "
            "circulating. It says partners \"accept in principle\" a shared grain store but leaves \"the details to "
            "be settled.\" That phrasing looks like a nod to the smaller states.\n\n12:05\nThe session resumed.")
    assert annotate(nlp, text).quotes is not None
