"""A turn that ends with a question and speaks for no side claims nothing; a speaker's own rhetorical question
does (issue 9, session 11: ``claims._only_asks``). Every sentence here is invented for the test; none is from a
benchmark article."""

from __future__ import annotations

import pytest
import spacy

from annotator.domain import Claim, Mention


@pytest.mark.parametrize(("said", "asks"), [
    ("And the customs bloc?", True),
    ("Q. Would you accept a referendum on the islands?", True),
    ("Welcome back. This week, the border. What does the new treaty actually change?", True),
    ('"Why would we trade our own courts for theirs?" the minister asked.', False),
    ("Who would speak for our farmers if we were not in the room?", False),
    ("The islands are ours, and they always will be.", False),
])
def test_a_question_that_speaks_for_no_side(said, asks):
    from annotator.nlp.claims import _only_asks

    doc = spacy.blank("en")(said)
    end = said.index("?") + 1 if '"' in said else len(said)
    c = Claim(claim_type="pooling", evidence=(Mention(0, end),), stance="favour")
    assert _only_asks(doc, c) is asks
