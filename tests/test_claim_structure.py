"""Claims found through the parse rather than cue words (issue 9, fifth round): predicates of statehood said by
"we", and the other structural signals of claim_field and claim_unmarked. Every sentence here is invented for
the test; none is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc


def _parse(words, heads, deps, pos, tags=None, lemmas=None, ents=None) -> Doc:
    """A hand-built parse, as spaCy's own tests build one (heads are absolute token indices)."""
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)


def test_we_became_a_country_is_a_predicate_of_statehood_only_in_a_political_actor_s_quote():
    from annotator.nlp.claim_field import predicates_of

    doc = _parse(["We", "became", "a", "country", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "attr", "punct"],
                 ["PRON", "VERB", "DET", "NOUN", "PUNCT"], ["PRP", "VBD", "DT", "NN", "."],
                 ["we", "become", "a", "country", "."])
    found = predicates_of(doc[:], we=True)
    assert [(p.subject.text, p.claim_type, p.negated) for p in found] == [("We", "sovereignty", False)]
    assert predicates_of(doc[:], we=False) == []  # "we" of a resident or a club is no polity


def test_we_are_a_state_counts_but_a_ranked_or_described_state_does_not():
    from annotator.nlp.claim_field import predicates_of

    plain = _parse(["We", "are", "a", "state", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "attr", "punct"],
                   ["PRON", "AUX", "DET", "NOUN", "PUNCT"], ["PRP", "VBP", "DT", "NN", "."],
                   ["we", "be", "a", "state", "."])
    assert [p.claim_type for p in predicates_of(plain[:], we=True)] == ["sovereignty"]
    ranked = _parse(["Holm", "became", "the", "first", "country", "to", "pay", "."], [1, 1, 4, 4, 1, 6, 4, 1],
                    ["nsubj", "ROOT", "det", "amod", "attr", "aux", "relcl", "punct"],
                    ["PROPN", "VERB", "DET", "ADJ", "NOUN", "PART", "VERB", "PUNCT"],
                    ["NNP", "VBD", "DT", "JJ", "NN", "TO", "VB", "."],
                    ["Holm", "become", "the", "first", "country", "to", "pay", "."],
                    ["B-GPE", "O", "O", "O", "O", "O", "O", "O"])
    assert predicates_of(ranked[:], we=True) == []  # "the first country to pay" ranks Holm, claims nothing
    denied = _parse(["We", "are", "not", "a", "state", "."], [1, 1, 1, 4, 1, 1],
                    ["nsubj", "ROOT", "neg", "det", "attr", "punct"], ["PRON", "AUX", "PART", "DET", "NOUN", "PUNCT"],
                    ["PRP", "VBP", "RB", "DT", "NN", "."], ["we", "be", "not", "a", "state", "."])
    assert predicates_of(denied[:], we=True) == []


@pytest.fixture(scope="module")
def nlp():
    from annotator.nlp.pipeline import load_pipeline

    return load_pipeline()


def _claims(nlp, text):
    from annotator.nlp.pipeline import annotate

    return annotate(nlp, text).claims


@pytest.mark.model
def test_model_a_leader_saying_we_became_a_country_asserts_sovereignty(nlp):
    text = ('Thousands gathered in Lerrin on Friday. "Tonight we stopped being a province and became a country," '
            "President Arlo Venn told them.\n\n"
            '"We are a patient people," said Tom Reel, who sells bread in the square.\n')
    claims = _claims(nlp, text)
    got = [c for c in claims if "became a country" in text[c.start : c.end]]
    assert got and got[0].claim_type == "sovereignty" and got[0].stance == "favour", claims
    assert not [c for c in claims if "patient" in text[c.start : c.end]], claims
