"""A claim whose evidence declares that its speaker takes no side is neutral (issue 9, session 11:
``claim_stance.neutral_stance``). Every sentence here is invented for the test; none is from a benchmark
article."""

from __future__ import annotations

import pytest
import spacy

from annotator.domain import Claim, Mention


def _stance(sentence: str, stance: str = "against", typ: str = "territory") -> tuple[str, int]:
    from annotator.nlp.claim_stance import neutral_stance

    doc = spacy.blank("en")(sentence)
    c = Claim(claim_type=typ, evidence=(Mention(0, len(sentence)),), stance=stance, strength=-1)
    out = neutral_stance(doc, [c])[0]
    return out.stance, out.strength


@pytest.mark.parametrize("sentence", [
    'The river board said it "takes no view on where the border runs" and urged talks.',
    "The guild neither supports nor opposes joining the customs pact.",
    "We take no side on the vote, the envoy said.",
    "The forum does not take a position on who owns the skerries.",
])
def test_a_speaker_taking_no_side_is_neutral(sentence):
    assert _stance(sentence) == ("neutral", 0)


@pytest.mark.parametrize("sentence", [
    "We will never accept that the skerries are theirs.",
    "The council has a clear view: the island is ours.",
])
def test_a_position_is_left_as_it_is(sentence):
    assert _stance(sentence, "favour") == ("favour", -1)
