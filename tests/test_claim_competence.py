"""A body's competence is an "other" claim (issue 9, session 14: ``claim_types.bodys_competence``): recognising a
court's or tribunal's jurisdiction is about that body, not the land it would rule on. Every sentence here is
invented for the test; none is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.domain import Claim, Mention


def _doc(words, heads, deps, pos):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=[w.lower() for w in words])


def test_a_tribunals_jurisdiction_names_the_tribunal():
    from annotator.nlp.claim_types import a_bodys_competence

    # "Ostrel rejects the tribunal 's jurisdiction over the reef"
    doc = _doc(["Ostrel", "rejects", "the", "tribunal", "'s", "jurisdiction", "over", "the", "reef"],
               [1, 1, 3, 5, 3, 1, 5, 8, 6],
               ["nsubj", "ROOT", "det", "poss", "case", "dobj", "prep", "det", "pobj"],
               ["PROPN", "VERB", "DET", "NOUN", "PART", "NOUN", "ADP", "DET", "NOUN"])
    assert a_bodys_competence(doc[:]).text == "tribunal"


def test_the_authority_of_a_commission_names_the_commission():
    from annotator.nlp.claim_types import a_bodys_competence

    # "Ostrel never accepted the authority of the commission"
    doc = _doc(["Ostrel", "never", "accepted", "the", "authority", "of", "the", "commission"],
               [2, 2, 2, 4, 2, 4, 7, 5], ["nsubj", "neg", "ROOT", "det", "dobj", "prep", "det", "pobj"],
               ["PROPN", "ADV", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN"])
    assert a_bodys_competence(doc[:]).text == "commission"


def test_a_states_jurisdiction_is_no_bodys():
    from annotator.nlp.claim_types import a_bodys_competence

    # "Ostrel 's jurisdiction over the reef" (a state's, a territorial claim)
    doc = _doc(["Ostrel", "'s", "jurisdiction", "over", "the", "reef"], [2, 0, 2, 2, 5, 3],
               ["poss", "case", "ROOT", "prep", "det", "pobj"], ["PROPN", "PART", "NOUN", "ADP", "DET", "NOUN"])
    assert a_bodys_competence(doc[:]) is None


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "body"), [
    ("Ostrel does not recognise the tribunal's jurisdiction over the reef.", "the tribunal"),
    ("Ostrel has never accepted the authority of the boundary commission.", "the boundary commission"),
    ("Ostrel rejects any Vandish jurisdiction over the reef.", None),  # a state's: territory stays
])
def test_model_a_bodys_competence_is_other(nlp, sentence, body):
    from annotator.nlp.claim_types import bodys_competence

    doc = nlp(sentence)
    c = Claim(claim_type="territory", evidence=(Mention(0, len(sentence)),), stance="against", strength=-1)
    d = bodys_competence(doc, c)
    if body is None:
        assert d == c
    else:
        assert (d.claim_type, d.stance, sentence[d.target.start : d.target.end]) == ("other", "against", body)
    pooled = c.with_(claim_type="pooling")
    assert bodys_competence(doc, pooled) == pooled  # a union's court stays pooling


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "typ"), [
    ("From tomorrow the harbour and the ferry timetable are ours to run.", "sovereignty"),
    ("The crossing should be policed by Orvel and run from Orvel.", "sovereignty"),
    ("We do not control our ports or a single cent of the tax raised here.", "sovereignty"),
    ("The valley will never again be governed from outside.", "sovereignty"),
    ("Every metre of water around the rocks is ours to patrol.", "territory"),  # whose water it is
    ("The harbour is ours and always will be.", "territory"),
])
def test_model_governing_not_owning_is_sovereignty(nlp, sentence, typ):
    from annotator.nlp.claim_types import governed_not_owned

    doc = nlp(sentence)
    c = Claim(claim_type="territory", evidence=(Mention(0, len(sentence)),), stance="favour", strength=1)
    assert governed_not_owned(doc, c).claim_type == typ


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "body"), [
    ("A deputy said Velm's new parliament has no real mandate because turnout had fallen.", "Velm's new parliament"),
    ("She said the council was an illegal junta with no right to speak for a single citizen.", "the council"),
    ("He said the assembly had no authority to speak for the territory.", "the assembly"),
    ("The farmers have no right to fish in the bay.", None),  # no governing body's standing
    ("The tribunal has no authority over the reef.", None),  # a court's competence: other, not contest
])
def test_model_a_governing_bodys_standing_denied_is_contest(nlp, sentence, body):
    from annotator.nlp.claim_types import standing_denied

    doc = nlp(sentence)
    c = Claim(claim_type="other", evidence=(Mention(0, len(sentence)),), stance="favour", strength=1)
    d = standing_denied(doc, c)
    if body is None:
        assert d == c
    else:
        assert (d.claim_type, d.stance, sentence[d.target.start : d.target.end]) == ("contest", "against", body)
