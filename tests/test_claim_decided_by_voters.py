"""A decision made, taken or reached by a people is one the people decide: "decisions about the harbour will be
made by its voters" is a people's say over its course, as "decided by its voters" is (issue 9, session 14r). The
parses are built by hand; the sentences are invented for the test, none is from a benchmark article."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_field import _peoples_say, field_of

_VOCAB = spacy.blank("en").vocab


def _taken_by(noun: str, verb: str, agent: str, agent_lemma: str) -> Doc:
    """ "<noun>s about the harbour will be <verb> by its <agent> ." as a hand-built parse."""
    words = [noun.capitalize() + "s", "about", "the", "harbour", "will", "be", verb, "by", "its", agent, "."]
    heads = [6, 0, 3, 1, 6, 6, 6, 6, 9, 7, 6]
    deps = ["nsubjpass", "prep", "det", "pobj", "aux", "auxpass", "ROOT", "agent", "poss", "pobj", "punct"]
    pos = ["NOUN", "ADP", "DET", "NOUN", "AUX", "AUX", "VERB", "ADP", "PRON", "NOUN", "PUNCT"]
    tags = ["NNS", "IN", "DT", "NN", "MD", "VB", "VBN", "IN", "PRP$", "NNS", "."]
    lemmas = [noun, "about", "the", "harbour", "will", "be", {"made": "make", "taken": "take", "reached": "reach"}[verb],
              "by", "its", agent_lemma, "."]
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


@pytest.mark.parametrize("verb", ["made", "taken", "reached"])
@pytest.mark.parametrize("noun", sorted(lex.DECISION_NOUNS))
def test_a_decision_taken_by_voters_is_their_say(noun, verb):
    doc = _taken_by(noun, verb, "voters", "voter")
    assert _peoples_say(doc[:]) is not None and _peoples_say(doc[:]).text == "voters"
    assert field_of(doc[:], True).peoples_right


def test_every_verb_of_taking_a_decision_is_tested():
    assert lex.DECISION_TAKING == {"make", "take", "reach"}


@pytest.mark.parametrize("agent", sorted(lex.ELECTORATES))
def test_each_body_of_voters_is_a_people(agent):
    doc = _taken_by("decision", "made", agent + "s" if agent == "voter" else agent, agent)
    assert _peoples_say(doc[:]) is not None


def test_a_decision_taken_by_a_committee_is_no_peoples_say():
    doc = _taken_by("decision", "made", "committee", "committee")
    assert _peoples_say(doc[:]) is None


def test_a_thing_made_by_its_voters_that_is_no_decision_is_no_say():
    doc = _taken_by("banner", "made", "voters", "voter")
    assert _peoples_say(doc[:]) is None
