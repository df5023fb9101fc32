"""A title to land is territory talk ("never held a valid title to the reef"), as the codebook's territory type is
whose land a place is; a title won as a prize is not (issue 9, session 15). The sentences are invented for the
test; none is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "Arvenia has never held a valid title to a single rock of the reef.",
    "The ruling settled the question of title, and Ostbury will respect it.",
])
def test_model_a_title_to_land_is_territory_talk(nlp, said):
    from annotator.nlp.claim_field import field_of

    f = field_of(nlp(said)[:], True)
    assert f.classes.get("territory") and f.claim_type == "territory", f


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "Arvenia won the title after a tense final in the capital.",
    "Ostbury will defend its title against the league champions on Sunday.",
])
def test_model_a_title_won_is_no_territory_talk(nlp, said):
    from annotator.nlp.claim_field import field_of

    assert "territory" not in field_of(nlp(said)[:], True).classes
