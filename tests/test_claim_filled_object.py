"""A detector claim with no object, or the claimant as its object, takes what its type is about (issue 9,
session 12: ``claim_objects.filled_object``). Every sentence here is invented for the test; none is from a
benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest

from annotator.domain import Claim, Mention

_TEXT = ("DORVEL — Ministers of the Tessel Basin Union meet on Friday. The Tessel Basin Union wants Veldmark in.\n\n"
         '"Our grain would be priced by strangers," said Orm Dessel, a farmer from Veldmark.\n')


def _on(text: str, said: str, claim_type: str, claimant: str | None = None, target: str | None = None) -> Claim:
    def at(s):
        i = text.index(s)
        return Mention(i, i + len(s))

    return Claim(claim_type=claim_type, evidence=(at(said),), stance="against", claimant=at(claimant) if claimant
                 else None, target=at(target) if target else None)


@pytest.mark.model
@pytest.mark.parametrize("target", [None, "Orm Dessel"])
def test_model_a_pooling_claim_without_a_sound_object_takes_the_union(nlp, target):
    from annotator.nlp.claim_objects import filled_object

    c = _on(_TEXT, "Our grain would be priced by strangers", "pooling", "Orm Dessel", target)
    got = filled_object(nlp(_TEXT), c)
    assert got.target is not None and _TEXT[got.target.start : got.target.end].endswith("Tessel Basin Union")


@pytest.mark.model
def test_model_an_object_that_can_be_one_stays(nlp):
    from annotator.nlp.claim_objects import filled_object

    c = _on(_TEXT, "Our grain would be priced by strangers", "pooling", "Orm Dessel", "Veldmark")
    assert filled_object(nlp(_TEXT), c) == c


@pytest.mark.model
def test_model_a_type_with_nothing_to_go_on_keeps_no_object(nlp):
    from annotator.nlp.claim_objects import filled_object

    c = _on(_TEXT, "Our grain would be priced by strangers", "territory", "Orm Dessel")
    assert filled_object(nlp(_TEXT), c) == c
