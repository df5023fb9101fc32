"""A state's own name is no union (issue 9: ``claim_guards.federation_not_a_state``): in an article where
"Federation" names a state ("the X-ian Federation", "the Federation of X"), "the Federation" is that state, not a
union it pools sovereignty in. Every sentence here is invented for the test; none is from a benchmark article."""

from __future__ import annotations

import pytest

from annotator.nlp.claim_guards import federation_not_a_state
from tests.conftest import claims_of
from tests.nlp.parses import parse


def _the_federation(modifier: tuple | None, of: str | None = None):
    rows = [("the", 2 if modifier else 1, "det", "DET", "DT", "the")]
    if modifier:
        rows.append(modifier)
    f = len(rows)
    rows.append(("Federation", f, "ROOT", "PROPN", "NNP", "Federation"))
    if of:
        rows += [("of", f, "prep", "ADP", "IN", "of"), (of, f + 1, "pobj", "PROPN", "NNP", of)]
    return parse(rows), f


def test_a_demonym_or_a_name_of_makes_the_federation_a_state():
    doc, f = _the_federation(("Ostrelian", 2, "amod", "ADJ", "JJ", "Ostrelian"))
    assert not federation_not_a_state(doc[f])
    doc, f = _the_federation(None, of="Ostrelia")
    assert not federation_not_a_state(doc[f])


def test_a_federation_of_no_named_state_is_a_union():
    doc, f = _the_federation(("proposed", 2, "amod", "VERB", "VBN", "propose"))
    assert federation_not_a_state(doc[f])
    doc, f = _the_federation(None)
    assert federation_not_a_state(doc[f])


@pytest.mark.model
def test_model_a_states_name_is_no_pooling_claim(nlp):
    text = ("The Ministry of Foreign Affairs of the Ostrelian Federation informs that the new Ambassador of the "
            "Federation to the Kingdom of Marrow presented his credentials on Monday.\n")
    assert not [c for c in claims_of(nlp, text) if c.claim_type == "pooling"]
