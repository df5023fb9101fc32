""""Foreign" in the name of a polity's own office ("X's foreign ministry", "the Y-ian foreign minister") is no
outsider word in the claim field; "a foreign ministry" with no owner still is (issue 9; the codebook's
interference type). Hand-built parses; every sentence is invented for the test, none is from a benchmark article."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc


def _doc(words, heads, deps, pos, lemmas=None) -> Doc:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=lemmas or [w.lower() for w in words], sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def _outsider(doc: Doc) -> int:
    from annotator.nlp.claim_field import field_of

    return field_of(doc[:], True).classes.get("outsider", 0)


def test_a_polity_owned_foreign_ministry_is_not_an_outsider():
    doc = _doc(["Velm", "'s", "foreign", "ministry", "rejected", "the", "plan", "."],
               [3, 0, 3, 4, 4, 6, 4, 4], ["poss", "case", "amod", "nsubj", "ROOT", "det", "dobj", "punct"],
               ["PROPN", "PART", "ADJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
               ["Velm", "'s", "foreign", "ministry", "reject", "the", "plan", "."])
    assert _outsider(doc) == 0


def test_its_foreign_minister_is_not_an_outsider():
    doc = _doc(["Its", "foreign", "minister", "spoke", "."], [2, 2, 3, 3, 3],
               ["poss", "amod", "nsubj", "ROOT", "punct"], ["PRON", "ADJ", "NOUN", "VERB", "PUNCT"],
               ["its", "foreign", "minister", "speak", "."])
    assert _outsider(doc) == 0


def test_an_unowned_foreign_ministry_is_still_an_outsider():
    doc = _doc(["A", "foreign", "ministry", "paid", "the", "choir", "."], [2, 2, 3, 3, 5, 3, 3],
               ["det", "amod", "nsubj", "ROOT", "det", "dobj", "punct"],
               ["DET", "ADJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
               ["a", "foreign", "ministry", "pay", "the", "choir", "."])
    assert _outsider(doc) == 1


def test_foreign_troops_stay_outsiders_whoever_owns_them():
    doc = _doc(["Our", "foreign", "troops", "left", "."], [2, 2, 3, 3, 3],
               ["poss", "amod", "nsubj", "ROOT", "punct"], ["PRON", "ADJ", "NOUN", "VERB", "PUNCT"],
               ["our", "foreign", "troop", "leave", "."])
    assert _outsider(doc) == 1


@pytest.mark.model
@pytest.mark.parametrize(("said", "outsider"), [
    ('Her spokesman, speaking from abroad, said she "remains the only lawful head of state of Velm".', False),
    ("No court abroad can overrule the parliament of Velm.", True),
    ("The minister said the decision had been dictated from abroad.", True),
])
def test_model_where_the_speaker_speaks_from_is_no_outsider(nlp, said, outsider):
    from annotator.nlp.claim_field import field_of

    assert ("outsider" in field_of(nlp(said)[:], False).classes) is outsider
