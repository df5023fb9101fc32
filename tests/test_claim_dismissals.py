"""An outsider's opinion granted and its say denied is an interference claim (issue 9, session 11:
``claim_interference.dismissed``). Every sentence here is invented for the test; none is from a benchmark
article."""

from __future__ import annotations

import pytest
import spacy

from annotator.domain import Claim, Mention


@pytest.mark.parametrize(("said", "dismissed"), [
    ("The consul is entitled to his opinions. He is not entitled to a vote here.", True),
    ("What the visiting senator thinks of our courts is none of his business.", True),
    ("Our harbour is not a subject for our neighbours.", True),
    ("Orsk needs no certificate from anyone to know who won.", True),
    ("The republic does not require the advice of other capitals on its own coast.", True),
    ("The council should keep its views to itself.", True),
    ("Pellmar does not accept instructions from Brell on how it runs its harbours.", True),  # instruction refused
    ("We take no lessons from the Tarn assembly on counting votes.", True),
    ("It is not the business of visiting envoys to tell our judges what to read.", True),  # business denied
    ("We accept instructions from the harbour master when the fog comes in.", False),
    ("Trade is the business of merchants, not of ministers.", False),
    ("Everyone is entitled to a fair hearing.", False),
    ("We need advice on the harbour works from engineers.", False),
    ("The minister shared her views on the budget.", False),
])
def test_an_outsider_s_say_dismissed(said, dismissed):
    from annotator.nlp.claim_interference import dismisses_outsider

    assert dismisses_outsider(said) is dismissed


def test_a_claim_dismissing_an_outsider_becomes_interference_unless_one_is_there():
    from annotator.nlp.claim_interference import dismissed

    said = "The consul is entitled to his opinions. He is not entitled to decide who governs us."
    doc = spacy.blank("en")(said)
    ev = (Mention(0, len(said)),)
    c = Claim(claim_type="sovereignty", evidence=ev, stance="against", strength=-1)
    out = dismissed(doc, [c])
    assert [(x.claim_type, x.stance, x.strength) for x in out] == [("interference", "favour", 1)]
    there = Claim(claim_type="interference", evidence=ev, stance="favour", strength=1)
    assert dismissed(doc, [c, there]) == [c, there]  # one interference claim over these words is enough
