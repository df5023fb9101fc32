"""A polity's claim to land stated through what it draws up or enacts (issue 9, session 14r): a map, law or
resolution that shows, lists or describes a place as part of the polity or as its territory is a territorial
claim of the document's owner or of the body that enacted it. Every sentence here is invented for the test; none
is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp import claim_lexicon as lex
from tests.conftest import claims_of

_VOCAB = spacy.blank("en").vocab


def _owned_document(document: str, verb: str, negated: bool = False) -> Doc:
    """ "Brevania's <document> <verb>s the Tessel Banks as part of Brevania." as a hand-built parse."""
    words = ["Brevania", "'s", document, *(["does", "not"] if negated else []), verb + ("" if negated else "s"), "the",
             "Banks", "as", "part", "of", "Brevania", "."]
    v = 5 if negated else 3
    heads = [2, 0, v, *([v, v] if negated else []), v, v + 2, v, v, v + 3, v + 4, v + 5, v]
    deps = ["poss", "case", "nsubj", *(["aux", "neg"] if negated else []), "ROOT", "det", "dobj", "prep", "pobj",
            "prep", "pobj", "punct"]
    pos = ["PROPN", "PART", "NOUN", *(["AUX", "PART"] if negated else []), "VERB", "DET", "PROPN", "ADP", "NOUN",
           "ADP", "PROPN", "PUNCT"]
    lemmas = ["Brevania", "'s", document, *(["do", "not"] if negated else []), verb, "the", "Banks", "as", "part",
              "of", "Brevania", "."]
    ents = ["B-GPE", "O", "O", *(["O", "O"] if negated else []), "O", "O", "B-LOC", "O", "O", "O", "B-GPE", "O"]
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)


@pytest.mark.parametrize("verb", sorted(lex.DEPICTING_VERBS))
def test_each_verb_of_depicting_makes_the_owners_claim(verb):
    from annotator.nlp.claim_depicted import depicted_claims

    doc = _owned_document("map", verb)
    (c,) = depicted_claims(doc, [])
    assert c.claim_type == "territory" and c.stance == "favour"
    assert c.claimant.text_in(doc.text) == "Brevania" and c.target.text_in(doc.text) == "the Banks"


@pytest.mark.parametrize("document", sorted(lex.DOCUMENTS))
def test_each_document_is_its_owners_word(document):
    from annotator.nlp.claim_depicted import depicted_claims

    doc = _owned_document(document, "show")
    (c,) = depicted_claims(doc, [])
    assert c.claimant.text_in(doc.text) == "Brevania"


def test_a_negated_depiction_claims_nothing():
    from annotator.nlp.claim_depicted import depicted_claims

    assert depicted_claims(_owned_document("map", "show", negated=True), []) == []


def test_a_territorial_claim_already_on_the_sentence_is_not_doubled():
    from annotator.domain import Claim, Mention
    from annotator.nlp.claim_depicted import depicted_claims

    doc = _owned_document("map", "show")
    made = Claim(claim_type="territory", evidence=(Mention(0, len(doc.text)),), stance="favour")
    assert depicted_claims(doc, [made]) == []


@pytest.mark.model
def test_model_a_polity_whose_maps_show_a_place_as_its_part(nlp):
    text = ("Brevania has never accepted the line drawn by a commission in 1920, and its maps show the Tessel valley "
            "as part of its western province.")
    found = [c for c in claims_of(nlp, text) if c.claim_type == "territory"]
    assert found and any(c.claimant is not None and c.claimant.text_in(text) == "Brevania" for c in found)
    assert any(c.target is not None and "Tessel" in c.target.text_in(text) for c in found)


@pytest.mark.model
def test_model_a_law_that_lists_islands_as_a_district_is_the_enacting_bodys_claim(nlp):
    text = "Vardany's parliament passed a law on Monday that lists the Korrel Islands as a Vardani district."
    found = [c for c in claims_of(nlp, text) if c.claim_type == "territory"]
    assert found and found[0].claimant.text_in(text) == "Vardany's parliament"
    assert "Korrel Islands" in found[0].target.text_in(text)


@pytest.mark.model
def test_model_a_map_of_a_walking_route_claims_no_land(nlp):
    text = "The club's new map shows the Tessel valley as part of a walking route for families."
    assert not [c for c in claims_of(nlp, text) if c.cue == "field" and "document" in (c.note or "")]
