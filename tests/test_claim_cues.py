"""Claim suggestions: cue families, negation and hedging, parts of a claim, false-positive guards, offsets.

Most tests use hand-built parses (tests/nlp/parses.py) or a blank pipeline; those marked ``model`` load
the default pipeline. Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
import spacy

from annotator.codebook import load_codebook
from annotator.domain import Mention, Quote
from annotator.nlp.claim_cues import raw_hits
from annotator.nlp.claim_lexicon import families
from annotator.nlp.claims import find_claims
from tests.nlp.parses import parse


def _text(doc, m):
    return doc.text[m.start : m.end] if m is not None else None


def _quote(doc, speaker: str) -> Quote:
    """The quote between the first pair of '"' marks, said by the first occurrence of ``speaker``."""
    a = doc.text.index('"')
    b = doc.text.index('"', a + 1)
    s = doc.text.index(speaker)
    return Quote(a + 1, b, speaker=Mention(s, s + len(speaker)), origin="rule:quotes")


def test_every_family_maps_to_a_codebook_claim_type():
    types = {t.id for t in load_codebook().claim_types}
    assert {f.claim_type for f in families()} <= types
    assert {f.name for f in families()} >= {"sovereignty", "contest", "territory", "interference",
                                            "self_determination", "pooling"}


@pytest.mark.parametrize(("text", "family"), [
    ("They spoke of our sovereignty today.", "sovereignty"),
    ("The so-called republic held talks.", "contest"),
    ("They stressed territorial integrity again.", "territory"),
    ("It is an internal affair of ours.", "interference"),
    ("They spoke of self-determination at length.", "self_determination"),
    ("They praised the customs union again.", "pooling"),
    ("They sought recognition abroad.", "recognition"),
])
def test_each_family_is_found_in_a_blank_doc(text, family):
    doc = spacy.blank("en")(text)
    assert family in {h.family.name for h in raw_hits(doc)}


def _seed():
    rows = [
        ('"', 13, "punct", "PUNCT", "``", '"'), ("No", 2, "det", "DET", "DT", "no"),
        ("one", 7, "nsubj", "NOUN", "NN", "one"), (",", 2, "punct", "PUNCT", ",", ","),
        ("except", 2, "prep", "SCONJ", "IN", "except"), ("us", 4, "pobj", "PRON", "PRP", "we"),
        (",", 7, "punct", "PUNCT", ",", ","), ("governs", 13, "ccomp", "VERB", "VBZ", "govern"),
        ("Belarus", 7, "dobj", "PROPN", "NNP", "Belarus"), (",", 13, "punct", "PUNCT", ",", ","),
        ('"', 13, "punct", "PUNCT", "''", '"'), ("the", 12, "det", "DET", "DT", "the"),
        ("president", 13, "nsubj", "NOUN", "NN", "president"), ("said", 13, "ROOT", "VERB", "VBD", "say"),
        (".", 13, "punct", "PUNCT", ".", "."),
    ]
    return parse(rows, ents=[(8, 9, "GPE")])


def test_seed_sentence_is_a_favour_sovereignty_claim_of_the_speaker():
    doc = _seed()
    q = _quote(doc, "the president")
    (c,) = find_claims(doc, [q])
    assert c.claim_type == "sovereignty" and c.stance == "favour"
    assert c.evidence == (Mention(q.start, q.end),)
    assert _text(doc, c.evidence[0]) == "No one, except us, governs Belarus,"
    assert _text(doc, c.claimant) == "the president" and not c.outlet
    assert _text(doc, c.target) == "Belarus"
    assert c.origin == "rule:claims" and c.state == "suggested" and c.cue == "sovereignty"
    assert 0 < c.confidence <= 1


def test_negated_subject_without_exception_flips_the_seed():
    doc = _seed()
    rows = [(t.text, t.head.i, t.dep_, t.pos_, t.tag_, t.lemma_) for t in doc if t.i not in (3, 4, 5, 6)]
    remap = {old: new for new, old in enumerate(i for i in range(len(doc)) if i not in (3, 4, 5, 6))}
    rows = [(w, remap[h], d, p, t, le) for (w, h, d, p, t, le) in rows]
    bare = parse(rows, ents=[(4, 5, "GPE")])
    (c,) = find_claims(bare, [_quote(bare, "the president")])
    assert c.stance == "against"


def test_contest_is_against_with_the_subject_as_object_and_the_reporting_subject_as_claimant():
    rows = [
        ("Transnistria", 1, "nsubj", "PROPN", "NNP", "Transnistria"), ("is", 8, "ccomp", "AUX", "VBZ", "be"),
        ("not", 1, "neg", "PART", "RB", "not"), ("a", 4, "det", "DET", "DT", "a"),
        ("state", 1, "attr", "NOUN", "NN", "state"), (",", 8, "punct", "PUNCT", ",", ","),
        ("the", 7, "det", "DET", "DT", "the"), ("minister", 8, "nsubj", "NOUN", "NN", "minister"),
        ("said", 8, "ROOT", "VERB", "VBD", "say"), (".", 8, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(0, 1, "GPE")])
    (c,) = find_claims(doc, [])
    assert (c.claim_type, c.stance) == ("contest", "against")
    assert _text(doc, c.target) == "Transnistria" and _text(doc, c.claimant) == "the minister"
    assert _text(doc, c.evidence[0]) == doc.text.strip()


def _never_part():
    rows = [
        ("The", 1, "det", "DET", "DT", "the"), ("premier", 2, "nsubj", "NOUN", "NN", "premier"),
        ("insisted", 2, "ROOT", "VERB", "VBD", "insist"), ("the", 4, "det", "DET", "DT", "the"),
        ("strait", 7, "nsubj", "NOUN", "NN", "strait"), ("will", 7, "aux", "AUX", "MD", "will"),
        ("never", 7, "neg", "ADV", "RB", "never"), ("be", 2, "ccomp", "AUX", "VB", "be"),
        ("part", 7, "attr", "NOUN", "NN", "part"), ("of", 8, "prep", "ADP", "IN", "of"),
        ("Valdoria", 9, "pobj", "PROPN", "NNP", "Valdoria"), (".", 2, "punct", "PUNCT", ".", "."),
    ]
    return parse(rows, ents=[(10, 11, "GPE")])


def test_never_part_of_is_an_emphatic_territorial_denial():
    doc = _never_part()
    (c,) = find_claims(doc, [])
    assert (c.claim_type, c.stance, c.strength) == ("territory", "against", -2)
    assert _text(doc, c.target) == "the strait" and _text(doc, c.claimant) == "The premier"


def test_rejecting_interference_is_favour_with_the_outsider_as_addressee():
    rows = [
        ("Rusu", 1, "nsubj", "PROPN", "NNP", "Rusu"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("Brussels", 5, "nsubj", "PROPN", "NNP", "Brussels"), ("must", 5, "aux", "AUX", "MD", "must"),
        ("not", 5, "neg", "PART", "RB", "not"), ("dictate", 1, "ccomp", "VERB", "VB", "dictate"),
        ("to", 5, "prep", "ADP", "IN", "to"), ("Minsk", 6, "pobj", "PROPN", "NNP", "Minsk"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(0, 1, "PERSON"), (2, 3, "GPE"), (7, 8, "GPE")])
    (c,) = find_claims(doc, [])
    assert (c.claim_type, c.stance) == ("interference", "favour")
    assert _text(doc, c.addressee) == "Brussels" and _text(doc, c.target) == "Minsk"
    assert _text(doc, c.claimant) == "Rusu"


def test_independent_inquiry_and_sovereign_bonds_are_not_claims():
    rows = [
        ("An", 2, "det", "DET", "DT", "an"), ("independent", 2, "amod", "ADJ", "JJ", "independent"),
        ("inquiry", 3, "nsubj", "NOUN", "NN", "inquiry"), ("said", 3, "ROOT", "VERB", "VBD", "say"),
        ("sovereign", 5, "amod", "ADJ", "JJ", "sovereign"), ("bonds", 6, "nsubj", "NOUN", "NNS", "bond"),
        ("fell", 3, "ccomp", "VERB", "VBD", "fall"), (".", 3, "punct", "PUNCT", ".", "."),
    ]
    assert find_claims(parse(rows), []) == []


def test_a_farm_belonging_to_a_family_is_not_territorial():
    rows = [
        ("She", 1, "nsubj", "PRON", "PRP", "she"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("the", 3, "det", "DET", "DT", "the"), ("farm", 4, "nsubj", "NOUN", "NN", "farm"),
        ("belongs", 1, "ccomp", "VERB", "VBZ", "belong"), ("to", 4, "prep", "ADP", "IN", "to"),
        ("her", 7, "poss", "PRON", "PRP$", "her"), ("family", 5, "pobj", "NOUN", "NN", "family"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert find_claims(parse(rows), []) == []


def test_unattributed_factual_sentence_is_not_an_outlet_claim():
    rows = [
        ("The", 1, "det", "DET", "DT", "the"), ("referendum", 3, "nsubjpass", "NOUN", "NN", "referendum"),
        ("was", 3, "auxpass", "AUX", "VBD", "be"), ("held", 3, "ROOT", "VERB", "VBN", "hold"),
        ("in", 3, "prep", "ADP", "IN", "in"), ("Ardesh", 4, "pobj", "PROPN", "NNP", "Ardesh"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    assert find_claims(parse(rows, ents=[(5, 6, "GPE")]), []) == []


def test_a_blank_pipeline_gives_claims_without_crashing(ruler_nlp):
    from annotator.nlp.pipeline import annotate

    text = 'Putin said: "Our sovereignty is not for sale." Belarus stayed calm.'
    ann = annotate(ruler_nlp, text)
    assert all(text[e.start : e.end] for c in ann.claims for e in c.evidence)


# --- with the real default pipeline -------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    from annotator.nlp.pipeline import load_pipeline

    return load_pipeline()


def _claims(nlp, text):
    from annotator.nlp.pipeline import annotate

    return annotate(nlp, text).claims


@pytest.mark.model
def test_model_seed_and_exact_offsets(nlp):
    text = "Ana Rusu spoke on Monday.\n\n“No one, except us, governs Belarus,” the president said."
    (c,) = _claims(nlp, text)
    assert (c.claim_type, c.stance) == ("sovereignty", "favour")
    assert text[c.evidence[0].start : c.evidence[0].end] == "No one, except us, governs Belarus,"
    assert text[c.target.start : c.target.end] == "Belarus"


@pytest.mark.model
def test_model_hedge_lowers_and_emphasis_raises_strength(nlp):
    (hedged,) = _claims(nlp, "The envoy said the islands might belong to Valdoria.")
    (firm,) = _claims(nlp, "The envoy said the islands will always be part of Valdoria.")
    assert hedged.claim_type == firm.claim_type == "territory"
    assert hedged.strength == 1 and firm.strength == 2


@pytest.mark.model
def test_model_sentence_evidence_is_the_trimmed_sentence(nlp):
    text = "  The minister insisted that Kestria is a sovereign state.  "
    (c,) = _claims(nlp, text)
    ev = c.evidence[0]
    assert text[ev.start : ev.end] == text.strip()
    assert c.claimant is not None and text[c.claimant.start : c.claimant.end] == "The minister"


@pytest.mark.model
def test_model_false_positive_guards(nlp):
    text = ("The trade union said members would join the union's strike. The bakers formed an alliance of shops. "
            "An independent candidate won. The club said the ground belongs to the club.")
    assert _claims(nlp, text) == []


@pytest.mark.model
def test_model_leaving_a_bloc_is_against_pooling(nlp):
    (c,) = _claims(nlp, "“We must leave the bloc,” the Ostrian premier said.")
    assert (c.claim_type, c.stance) == ("pooling", "against")
