"""A vote in a chamber or on a bill is no people's vote on its status: the field does not count it for
self-determination ("nobody from X will have a vote in this chamber"); a people's vote, or a body voting itself
out of a country, still counts (issue 9, session 15). The sentences are invented for the test; none is from a
benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "Nobody from Ostbury will ever have a vote in this chamber.",
    "The vote of parliament on Tuesday settled nothing for Arvenia.",
])
def test_model_a_chambers_vote_is_no_status_vote(nlp, said):
    from annotator.nlp.claim_field import field_of

    assert "vote" not in field_of(nlp(said)[:], True).classes


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "The people of Ostbury will have a vote on their future next spring.",
    "A council cannot vote itself out of Arvenia.",
])
def test_model_a_peoples_vote_still_counts(nlp, said):
    from annotator.nlp.claim_field import field_of

    assert field_of(nlp(said)[:], True).classes.get("vote")
