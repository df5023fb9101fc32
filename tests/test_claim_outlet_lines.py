"""An outlet's lines about its own reporting ("Welcome to our live coverage of the vote", "Our reporter heard
from both camps") and what someone is reported not to have said ("She did not say the islet belonged to X")
claim nothing; a claimant's words to "our correspondent" stay a claim (issue 9). Every
sentence is invented for the test; none is from a benchmark article. Tests marked ``model`` load the default
pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import claims_of

_LIVE = ("Tarn independence referendum - live\n\n"
         "20:05 - Welcome to our live coverage of the Tarn independence referendum.\n\n"
         "20:40 - Our reporter in Drell heard from supporters and opponents of the independence referendum at a "
         "polling station.\n\n"
         "21:10 - Pellmar's foreign minister, Ola Denn, told our correspondent that Pellmar would \"never accept\" "
         "the independence referendum in Tarn.")


@pytest.mark.model
def test_model_the_outlets_lines_about_its_coverage_claim_nothing(nlp):
    text = _LIVE
    said = [text[c.evidence[0].start : c.evidence[0].end] for c in claims_of(nlp, text)]
    assert not any("live coverage" in s or "Our reporter" in s for s in said), said


@pytest.mark.model
def test_model_a_ministers_words_to_our_correspondent_stay_a_claim(nlp):
    text = _LIVE
    claims = claims_of(nlp, text)
    found = [c for c in claims if c.claimant is not None and "Denn" in text[c.claimant.start : c.claimant.end]]
    assert found, [text[c.evidence[0].start : c.evidence[0].end] for c in claims]


@pytest.mark.model
def test_model_what_someone_did_not_say_is_no_claim(nlp):
    text = ("The Tarn tribunal gave the Holm islet to Brell on Friday. Judge Ola Denn dissented.\n\n"
            "She did not say the islet belonged to Pellmar.")
    said = [text[c.evidence[0].start : c.evidence[0].end] for c in claims_of(nlp, text)]
    assert not any("did not say" in s for s in said), said
    kept = "The Pellmar foreign minister said the islet belonged to Pellmar."
    assert any(c.claim_type == "territory" for c in claims_of(nlp, kept))
