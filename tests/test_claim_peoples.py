"""A people's own say (issue 9, session 11): a claim that calls its polity's people "a people", or has a people
deciding, is self-determination whatever type its cue gave it, and a people found as its object stays its
object. Every sentence here is invented for the test; none is from a benchmark article. Tests marked ``model``
load the default pipeline."""

from __future__ import annotations

import pytest

from annotator.domain import Claim, Mention


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "people"), [
    ("We are a people with our own songs and our own laws.", True),
    ("The islanders are a people apart, with a tongue of their own.", True),
    ("We are Tarrow people, and we always were.", False),  # whose people they are: belonging, not a say
    ("From tonight we are a free people.", False),  # a people that has its state: sovereignty
    ("We are not a people, we are a town.", False),
])
def test_model_a_people_as_the_predicate(nlp, sentence, people):
    from annotator.nlp.claim_types import _is_a_people

    assert _is_a_people(nlp(sentence)[:]) is people


@pytest.mark.model
@pytest.mark.parametrize("typ", ["territory", "sovereignty", "other"])
def test_model_a_people_deciding_retypes_a_territorial_or_other_claim(nlp, typ):
    from annotator.nlp.claim_types import peoples_choice

    doc = nlp("The islanders must decide for themselves which flag flies over the harbour.")
    c = Claim(claim_type=typ, evidence=(Mention(0, len(doc.text)),), stance="favour")
    assert peoples_choice(doc, c).claim_type == "self_determination"
    pooled = Claim(claim_type="pooling", evidence=(Mention(0, len(doc.text)),), stance="favour")
    assert peoples_choice(doc, pooled).claim_type == "pooling"  # a vote on a union stays pooling


@pytest.mark.model
@pytest.mark.parametrize(("text", "people"), [
    ("The Veshans of Ostmark will vote in a referendum on independence from Ostmark in May. The Veshans have "
     "every right to choose their future, and Ostmark cannot stop the referendum, she said.", "The Veshans"),
    ("Ostmark has ruled out a referendum on independence for its eastern region. The people of the east have "
     "every right to choose their future inside or outside Ostmark, she said.", "The people of the east"),
])
def test_model_a_people_as_the_object_of_a_self_determination_claim_is_kept(nlp, text, people):
    from annotator.nlp.claim_objects import focused

    doc = nlp(text)
    start = text.rindex(people)
    who = Mention(start, start + len(people))
    c = Claim(claim_type="self_determination", evidence=(Mention(start, len(text)),), target=who, stance="favour")
    assert focused(doc, c).target == who  # not the state the vote is about leaving
