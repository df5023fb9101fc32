"""A cue that only names what a procedure is about is no claim (issue 9: ``claim_guards.names_a_procedure``,
``procedure_nouns`` in claim_cues.toml): "the accession talks would take three years" tells when, not a position.
Every sentence here is invented for the test; none is from a benchmark article."""

from __future__ import annotations

import pytest

from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_guards import names_a_procedure
from tests.conftest import claims_of
from tests.nlp.parses import parse


def _talks(modal: str | None = None):
    """ "the accession talks (should) begin in May" """
    rows = [("the", 2, "det", "DET", "DT", "the"), ("accession", 2, "compound", "NOUN", "NN", "accession"),
            ("talks", 4 if modal else 3, "nsubj", "NOUN", "NNS", "talk")]
    if modal:
        rows.append((modal, 4, "aux", "AUX", "MD", modal))
    v = len(rows)
    rows += [("begin", v, "ROOT", "VERB", "VB" if modal else "VBP", "begin"), ("in", v, "prep", "ADP", "IN", "in"),
             ("May", v + 1, "pobj", "PROPN", "NNP", "May"), (".", v, "punct", "PUNCT", ".", ".")]
    return parse(rows)


def test_procedure_nouns_are_listed():
    assert {"talks", "negotiations", "date", "timetable"} <= lex.PROCEDURE_NOUNS


def test_a_modifier_of_a_procedure_noun_names_the_procedure():
    doc = _talks()
    assert names_a_procedure(doc[1])


def test_a_procedure_that_should_happen_is_a_position():
    doc = _talks("should")
    assert not names_a_procedure(doc[1])


def test_the_object_of_for_on_a_date_names_the_procedure():
    # "a date for a referendum"
    doc = parse([("a", 1, "det", "DET", "DT", "a"), ("date", 1, "ROOT", "NOUN", "NN", "date"),
                 ("for", 1, "prep", "ADP", "IN", "for"), ("a", 4, "det", "DET", "DT", "a"),
                 ("referendum", 2, "pobj", "NOUN", "NN", "referendum")])
    assert names_a_procedure(doc[4])
    # "a vote for a referendum": no procedure noun
    doc = parse([("a", 1, "det", "DET", "DT", "a"), ("call", 1, "ROOT", "NOUN", "NN", "call"),
                 ("for", 1, "prep", "ADP", "IN", "for"), ("a", 4, "det", "DET", "DT", "a"),
                 ("referendum", 2, "pobj", "NOUN", "NN", "referendum")])
    assert not names_a_procedure(doc[4])


@pytest.mark.model
def test_model_a_timetable_of_accession_is_no_claim(nlp):
    text = "Diplomats in Tessel say the membership negotiations with Ostrelia would last at least two years.\n"
    assert claims_of(nlp, text) == []
