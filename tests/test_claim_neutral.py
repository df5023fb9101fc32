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


@pytest.mark.parametrize(("sentence", "typ"), [
    ('The river board said it "takes no view on where the border runs" and urged talks.', "territory"),
    ("The bloc takes no position on the referendum and will not comment on it.", "self_determination"),
    ("The guild neither supports nor opposes membership of the customs pact.", "pooling"),
    ("We take no side, the envoy said.", "sovereignty"),  # nothing named after the phrase: the type stays
])
def test_a_neutral_claim_takes_the_type_of_what_it_takes_no_side_on(sentence, typ):
    from annotator.nlp.claim_stance import neutral_stance

    doc = spacy.blank("en")(sentence)
    c = Claim(claim_type="sovereignty", evidence=(Mention(0, len(sentence)),), stance="favour", strength=1)
    assert neutral_stance(doc, [c])[0].claim_type == typ


def test_a_neutral_claim_is_not_retyped_onto_a_claim_beside_it():
    from annotator.nlp.claim_stance import neutral_stance

    sentence = "The guild neither supports nor opposes membership of the customs pact, its chair said."
    doc = spacy.blank("en")(sentence)
    pooled = Claim(claim_type="pooling", evidence=(Mention(10, 60),), stance="neutral", strength=0)
    other = Claim(claim_type="self_determination", evidence=(Mention(0, len(sentence)),), stance="favour")
    assert [c.claim_type for c in neutral_stance(doc, [pooled, other])] == ["pooling", "self_determination"]
