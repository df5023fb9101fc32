"""A polity's standing in its document (``polity_status``: a region or people within or under another state, or
not) and the codebook's tie-break it settles (``claim_region``): a region asserting its own parliament or
nationhood is self-determination; one saying it already governs itself or is a state stays sovereignty (issue 9,
session 15). Every sentence is invented for the test; none is from a benchmark article. Tests marked ``model``
load the default pipeline."""

from __future__ import annotations

import pytest

from annotator.domain import Claim, Mention

_REGION = "ORRIN — The Tellis regional assembly met on Monday for the first time since the summer.\n\n"
_STATE = "ORRIN — The government of Tellis met on Monday for the first time since the summer.\n\n"


def _claim_on(text: str, said: str, claim_type: str = "sovereignty") -> Claim:
    start = text.index(said)
    return Claim(claim_type=claim_type, evidence=(Mention(start, start + len(said)),), stance="favour", strength=1)


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), [
    ("The Tellis regional assembly voted on Monday to ask for more powers.", "tellis"),
    ("Harnvik's regional government said the budget was late.", "harnvik"),
    ("Ferries to the province of Ostbury were cancelled on Tuesday.", "ostbury"),
    ("Lerrow, part of Arvenia since 1950, has two official languages.", "lerrow"),
    ("An independent Tellis would apply at once to join the trade bloc, the finance secretary said.", "tellis"),
    ("Voters in the autonomous region of Harnvik will be asked in May about a new statute.", "harnvik"),
])
def test_model_a_region_is_marked_by_its_document(nlp, text, name):
    from annotator.nlp.polity_status import non_state_names

    assert name in non_state_names(nlp(text))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ostbury is a province of Arvenia, the minister said.",  # the whole is a state, not a region
    "Arvenia is a sovereign state and will stay one.",
    "Ferries to a province of Arvenia were cancelled on Tuesday.",
    "The government of Arvenia met on Monday.",
])
def test_model_a_state_is_not_marked(nlp, text):
    from annotator.nlp.polity_status import non_state_names

    assert "arvenia" not in non_state_names(nlp(text))


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "Tellis had its own parliament for six centuries before anyone drew the border.",
    "Tellis is a nation with its own language and its own history.",
    "If Tellis wants to be a country, it will have to ask its people first.",
])
def test_model_a_regions_own_status_is_self_determination(nlp, said):
    from annotator.nlp.claim_region import regions_status

    text = _REGION + f'"{said}" the councillor, Ida Varne, said.\n'
    (c,) = regions_status(nlp(text), [_claim_on(text, said)])
    assert c.claim_type == "self_determination", c


@pytest.mark.model
@pytest.mark.parametrize(("before", "said"), [
    (_STATE, "Tellis had its own parliament for six centuries before anyone drew the border."),  # a state's
    (_REGION, "We have governed ourselves for two hundred years and we will go on doing so."),  # governs itself
    (_REGION, "From tonight Tellis is a free nation."),  # already free: a state's claim
    (_REGION, "Tellis is a state, whatever the capital says."),
])
def test_model_a_state_or_self_rule_stays_sovereignty(nlp, before, said):
    from annotator.nlp.claim_region import regions_status

    text = before + f'"{said}" the councillor, Ida Varne, said.\n'
    claim = _claim_on(text, said)
    assert regions_status(nlp(text), [claim]) == [claim]


@pytest.mark.model
def test_model_a_region_named_as_a_place_only_keeps_the_type(nlp):
    from annotator.nlp.claim_region import regions_status

    said = "Speaking on a visit to the province of Tellis, the minister said Arvenia's sovereignty was not negotiable."
    text = _REGION + said + "\n"
    claim = _claim_on(text, said)
    assert regions_status(nlp(text), [claim]) == [claim]


@pytest.mark.model
@pytest.mark.parametrize(("said", "claim_type"), [
    ("The court struck down the law that would have allowed a referendum on the valley's secession, ruling that "
     "the country's territory is one and indivisible.", "territory"),
    ("I neither support nor oppose home rule for the islands today.", "other"),
])
def test_model_a_claim_about_a_status_vote_is_self_determination(nlp, said, claim_type):
    from annotator.nlp.claim_region import status_votes

    text = _STATE + said + "\n"
    (c,) = status_votes(nlp(text), [_claim_on(text, said, claim_type)])
    assert c.claim_type == "self_determination", c


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "The islands are part of Arvenia and always will be.",  # no vote
    "The town will hold a referendum on the new parking scheme and the bus lanes.",  # a local vote
    "A referendum on leaving the union would be a disaster for the islands.",  # a union vote: pooling's line
])
def test_model_no_status_vote_keeps_the_type(nlp, said):
    from annotator.nlp.claim_region import status_votes

    text = _STATE + said + "\n"
    claim = _claim_on(text, said, "territory")
    assert status_votes(nlp(text), [claim]) == [claim]
