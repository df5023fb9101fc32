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


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "say"), [
    ("The islanders will decide for themselves, and no minister can stop them.", True),
    ("The hill people have the right to be asked. That right was not a gift from the capital.", True),
    ("It should be us who decide, not a committee in the capital.", True),
    ("A nation's right to choose does not depend on anyone's permission.", True),
    ("The future of the valley will be decided by the people who live in it, not in the capital.", True),  # passive
    ("The future of the valley will be decided by a commission in the capital.", False),  # no people's say
    ("The islanders have no right to decide this alone.", False),
    ("The people will not decide anything; the court will.", False),
    ("No region can vote itself out of the country.", False),
])
def test_model_a_people_s_say_asserted(nlp, sentence, say):
    from annotator.nlp.claim_types import asserted_say

    assert asserted_say(nlp(sentence)[:]) is say


@pytest.mark.model
def test_model_a_self_determination_claim_asserting_the_people_s_say_is_in_favour(nlp):
    from annotator.nlp.claim_types import say_stance

    doc = nlp("The valley people have the right to decide. That right does not expire because a minister dislikes it.")
    ev = (Mention(0, len(doc.text)),)
    against = Claim(claim_type="self_determination", evidence=ev, stance="against", strength=-1)
    assert [(c.stance, c.strength) for c in say_stance(doc, [against])] == [("favour", 1)]
    other = Claim(claim_type="territory", evidence=ev, stance="against", strength=-1)
    assert say_stance(doc, [other]) == [other]  # only self-determination claims turn


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "land"), [
    ("The panel ruled that the Skerry Isles fall under the sovereignty of Brenn.", True),
    ("The forum takes no position on the sovereignty of the reefs.", True),
    ("Nobody disputes our sovereignty over the northern islands.", True),
    ("This is sovereign Ostrel territory, the minister said.", True),
    ("We will defend the sovereignty of our republic.", False),  # a polity's own: sovereignty
    ("Brenn is a sovereign state and will remain one.", False),
])
def test_model_sovereignty_said_of_land_is_territorial(nlp, sentence, land):
    from annotator.nlp.claim_types import sovereignty_of_land, sovereignty_over_land

    doc = nlp(sentence)
    assert sovereignty_over_land(doc[:]) is land
    c = Claim(claim_type="sovereignty", evidence=(Mention(0, len(sentence)),), stance="favour")
    assert sovereignty_of_land(doc, c).claim_type == ("territory" if land else "sovereignty")


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "people"), [
    ("The islanders are old enough to decide what flag they fly.", True),  # the subject of "old enough to"
    ("The inhabitants should be free to choose their own future.", True),
    ("The status of the valley was settled by its people in 1990.", True),  # a people as the agent
    ("Any change to the valley's status must first be put to the people who live there.", True),
    ("The result reflected the clearly expressed will of the islanders.", True),
    ("The status of the valley was settled by a treaty in 1990.", False),  # no people deciding
    ("The ministers are old enough to decide what flag the navy flies.", False),
    ("The result reflected the will of the government.", False),  # a government's will is no people's say
])
def test_model_a_peoples_say_by_agent_control_question_or_will(nlp, sentence, people):
    from annotator.nlp.claim_types import peoples_choice

    doc = nlp(sentence)
    c = Claim(claim_type="territory", evidence=(Mention(0, len(doc.text)),), stance="favour")
    assert (peoples_choice(doc, c).claim_type == "self_determination") is people


def test_a_matter_left_to_one_polity_alone():
    import spacy
    from spacy.tokens import Doc

    from annotator.nlp.claim_types import left_alone_to

    # "the decision is for Orvel alone to take"
    words = ["the", "decision", "is", "for", "Orvel", "alone", "to", "take"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 2, 3, 4, 7, 5],
              deps=["det", "nsubj", "ROOT", "prep", "pobj", "advmod", "aux", "xcomp"],
              pos=["DET", "NOUN", "AUX", "ADP", "PROPN", "ADJ", "PART", "VERB"])
    assert left_alone_to(doc[:]).text == "Orvel"
    # "the decision is for Orvel" (no "alone", no infinitive): not shut to others
    doc = Doc(spacy.blank("en").vocab, words=words[:5], heads=[1, 2, 2, 2, 3],
              deps=["det", "nsubj", "ROOT", "prep", "pobj"], pos=["DET", "NOUN", "AUX", "ADP", "PROPN"])
    assert left_alone_to(doc[:]) is None


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "typ"), [
    ("The decision on membership is for Orvel alone to take.", "interference"),
    ("Whether the islands hold a referendum is for Orvel alone to decide.", "pooling"),  # a status: left as it is
    ("The decision on membership is for Orvel to take.", "pooling"),  # no one shut out
])
def test_model_a_decision_left_to_a_polity_alone_rejects_interference(nlp, sentence, typ):
    from annotator.nlp.claim_types import decided_at_home

    doc = nlp(sentence)
    c = Claim(claim_type="pooling", evidence=(Mention(0, len(sentence)),), stance="favour", strength=1)
    assert decided_at_home(doc, c).claim_type == typ
