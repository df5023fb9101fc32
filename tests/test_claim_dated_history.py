"""The narrator's dated history is no claim (issue 9: ``claim_guards.told_with_its_year``): "X declared
independence in 1993" tells the background of a dispute; a position taken now, or a recognition told as the
day's news, stays. Every sentence here is invented for the test; none is from a benchmark article."""

from __future__ import annotations

import pytest

from annotator.nlp.claim_guards import told_with_its_year
from tests.conftest import claims_of
from tests.nlp.parses import parse


def _declared(year_word: str, prep: str = "in", tag: str = "VBD", aux: str | None = None):
    rows = [("Ostrelia", 1, "nsubj", "PROPN", "NNP", "Ostrelia")]
    if aux:
        rows = [("Ostrelia", 2, "nsubj", "PROPN", "NNP", "Ostrelia"), (aux, 2, "aux", "AUX", "VBZ", aux)]
    v = len(rows)
    rows += [("declared", v, "ROOT", "VERB", tag, "declare"),
             ("independence", v, "dobj", "NOUN", "NN", "independence"),
             (prep, v, "prep", "ADP", "IN", prep),
             (year_word, v + 2, "pobj", "NUM" if year_word[0].isdigit() else "PROPN", "CD", year_word),
             (".", v, "punct", "PUNCT", ".", ".")]
    return parse(rows), v + 1


def test_a_past_act_told_with_its_year_is_history():
    doc, cue = _declared("1993")
    assert told_with_its_year(doc[cue])
    doc, cue = _declared("2004", prep="since")
    assert told_with_its_year(doc[cue])


def test_a_day_of_the_news_or_a_perfect_is_no_history():
    doc, cue = _declared("Wednesday", prep="on")
    assert not told_with_its_year(doc[cue])
    doc, cue = _declared("1993", tag="VBN", aux="has")
    assert not told_with_its_year(doc[cue])
    doc, cue = _declared("300")  # a number that is no year
    assert not told_with_its_year(doc[cue])


@pytest.mark.model
def test_model_the_backgrounds_dated_declaration_is_no_claim(nlp):
    text = ("Marrow, a strip of hills along the Ostrel river, declared independence from Ostrelia in 1998.\n")
    assert claims_of(nlp, text) == []
