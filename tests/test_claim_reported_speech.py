"""Reported speech that argues a polity's status without the lexicon's cue words (issue 9, recall): the parse says
what the reported clause claims. Every sentence here is invented for the test; none is from a benchmark article.
Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from tests.conftest import claims_of as _claims


def _parse(rows, ents=None) -> Doc:
    """A hand-built parse from (word, head, dep, pos, tag, lemma) rows; heads are absolute token indices."""
    words, heads, deps, pos, tags, lemmas = (list(x) for x in zip(*rows, strict=True))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
               ents=ents)


def _decides(verb: str, tag: str, lemma: str, mark: str = "who", alone: bool = True) -> Doc:
    """ "Tarnia [alone] <verb> <mark> crosses its border ." with Tarnia a GPE."""
    rows = [("Tarnia", 2, "nsubj", "PROPN", "NNP", "Tarnia"), ("alone" if alone else "now", 0 if alone else 2,
            "advmod", "ADV", "RB", "alone" if alone else "now"), (verb, 2, "ROOT", "VERB", tag, lemma),
            (mark, 4, "nsubj" if mark == "who" else "mark", "PRON" if mark == "who" else "SCONJ",
             "WP" if mark == "who" else "IN", mark), ("crosses", 2, "ccomp", "VERB", "VBZ", "cross"),
            ("its", 6, "poss", "PRON", "PRP$", "its"), ("border", 4, "dobj", "NOUN", "NN", "border"),
            (".", 2, "punct", "PUNCT", ".", ".")]
    return _parse(rows, ["B-GPE"] + ["O"] * 7)


def test_a_polity_deciding_for_itself_is_a_predicate_of_sovereignty():
    from annotator.nlp.claim_field import predicates_of

    found = predicates_of(_decides("decides", "VBZ", "decide")[:])
    assert [(p.subject.text, p.claim_type, p.negated) for p in found] == [("Tarnia", "sovereignty", False)]
    assert predicates_of(_decides("decides", "VBZ", "decide", alone=False)[:])  # who crosses: its choice
    assert predicates_of(_decides("decided", "VBD", "decide")[:]) == []  # a decision told, no position now
    # "Tarnia now decides whether ...": a decision pending, no claim to decide alone
    assert predicates_of(_decides("decides", "VBZ", "decide", mark="whether", alone=False)[:]) == []


def test_a_final_say_kept_by_a_polity_is_a_predicate_of_sovereignty_but_not_a_person_s():
    from annotator.nlp.claim_field import predicates_of

    def keeps(name: str, label: str) -> Doc:
        rows = [(name, 2, "nsubj", "PROPN", "NNP", name), ("will", 2, "aux", "AUX", "MD", "will"),
                ("keep", 2, "ROOT", "VERB", "VB", "keep"), ("the", 5, "det", "DET", "DT", "the"),
                ("final", 5, "amod", "ADJ", "JJ", "final"), ("say", 2, "dobj", "NOUN", "NN", "say"),
                (".", 2, "punct", "PUNCT", ".", ".")]
        return _parse(rows, [f"B-{label}"] + ["O"] * 6)

    assert [p.claim_type for p in predicates_of(keeps("Tarnia", "GPE")[:])] == ["sovereignty"]
    assert predicates_of(keeps("Orla", "PERSON")[:]) == []  # a person's final say is no polity's


@pytest.mark.model
def test_model_a_minister_reported_saying_her_country_alone_decides_makes_a_sovereignty_claim(nlp):
    text = ("Tarnia has begun building a fence along its southern border with Vessel, the interior ministry said "
            "on Monday.\n\n"
            "The interior minister, Ilse Dunsholt, visited the works near the border town of Lomm. "
            "Tarnia alone decides who may settle here, she added.\n")
    found = [c for c in _claims(nlp, text) if "alone decides" in text[c.start : c.end]]
    assert [(c.claim_type, c.stance) for c in found] == [("sovereignty", "favour")], _claims(nlp, text)
    assert text[found[0].claimant.start : found[0].claimant.end] == "Ilse Dunsholt"


def _nobodys(noun: str, lemma: str, owner: str = "nobody", of: bool = False) -> Doc:
    """ "Pellmar is <owner>'s <noun> ." (or "Pellmar is a <noun> of Oresk .") with Pellmar a GPE."""
    if of:
        rows = [("Pellmar", 1, "nsubj", "PROPN", "NNP", "Pellmar"), ("is", 1, "ROOT", "AUX", "VBZ", "be"),
                ("a", 3, "det", "DET", "DT", "a"), (noun, 1, "attr", "NOUN", "NN", lemma),
                ("of", 3, "prep", "ADP", "IN", "of"), ("Oresk", 4, "pobj", "PROPN", "NNP", "Oresk"),
                (".", 1, "punct", "PUNCT", ".", ".")]
        return _parse(rows, ["B-GPE", "O", "O", "O", "O", "B-GPE", "O"])
    rows = [("Pellmar", 1, "nsubj", "PROPN", "NNP", "Pellmar"), ("is", 1, "ROOT", "AUX", "VBZ", "be"),
            (owner, 4, "poss", "PRON", "NN", owner), ("'s", 2, "case", "PART", "POS", "'s"),
            (noun, 1, "attr", "NOUN", "NN", lemma), (".", 1, "punct", "PUNCT", ".", ".")]
    return _parse(rows, ["B-GPE"] + ["O"] * 5)


def test_a_polity_that_is_nobody_s_province_or_colony_says_it_governs_itself():
    from annotator.nlp.claim_field import predicates_of
    from annotator.nlp.claim_region import says_it_governs

    for noun in ("province", "colony", "vassal"):
        found = predicates_of(_nobodys(noun, noun)[:])
        assert [(p.subject.text, p.claim_type, p.negated) for p in found] == [("Pellmar", "sovereignty", False)]
        assert says_it_governs(_nobodys(noun, noun)[:])
    assert predicates_of(_nobodys("province", "province", owner="Oresk")[:]) == []  # whose province: not denied
    # "Pellmar is a province of Oresk" says whose it is, no claim to govern itself
    assert not [p for p in predicates_of(_nobodys("province", "province", of=True)[:]) if p.claim_type == "sovereignty"]
    assert not says_it_governs(_nobodys("province", "province", of=True)[:])


@pytest.mark.model
def test_model_a_polity_denied_to_be_a_province_claims_its_sovereignty(nlp):
    text = "\"Pellmar is nobody's province,\" the prime minister, Anka Rusel, said in Pellmar and in Oresk.\n"
    claims = _claims(nlp, text)
    assert claims and claims[0].claim_type == "sovereignty" and claims[0].stance == "favour", claims
    text = ("\"We will trade with anyone as equals. We will not sit at any table as a colony,\" the foreign minister "
            "of Pellmar, Anka Rusel, said.\n")
    claims = _claims(nlp, text)
    assert claims and claims[0].claim_type == "sovereignty" and claims[0].stance == "favour", claims


@pytest.mark.model
def test_model_a_state_noun_set_aside_after_a_copula_contests_statehood(nlp):
    text = "\"Pellmar is a province with its own anthem, not a country,\" the foreign minister of Oresk, Anka Rusel, said in Pellmar.\n"
    claims = _claims(nlp, text)
    assert claims and claims[0].claim_type == "contest" and claims[0].stance == "against", claims
    own = "\"Pellmar is a country with a flag, not a province,\" the foreign minister of Pellmar, Anka Rusel, said in Oresk.\n"
    claims = _claims(nlp, own)
    assert claims and all(c.claim_type != "contest" for c in claims), claims
