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
from tests.conftest import claims_of as _claims
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


# --- claims without a cue word, voice, objects, threshold (every sentence invented) ---------------------


def test_demonyms_pair_with_names_of_the_same_text_by_their_stem():
    from annotator.nlp.claim_names import _stem_match, country_of

    assert _stem_match("Orvanian", "Orvania") and _stem_match("Pelteric", "Peltera")
    assert not _stem_match("Pelican", "Pelmar")
    assert not _stem_match("Minister", "Mine")
    doc = spacy.blank("en")("Orvania sent ships. The Orvanian navy waited.")
    assert country_of(doc[5]).text == "Orvania"
    assert country_of(doc[0]) is None


def test_a_copular_demonym_predicate_over_a_place_is_a_territorial_claim_without_any_cue():
    rows = [
        ('"', 3, "punct", "PUNCT", "``", '"'), ("The", 2, "det", "DET", "DT", "the"),
        ("bay", 3, "nsubj", "NOUN", "NN", "bay"), ("is", 9, "ccomp", "AUX", "VBZ", "be"),
        ("Orvanian", 3, "acomp", "ADJ", "JJ", "orvanian"), (",", 9, "punct", "PUNCT", ",", ","),
        ('"', 9, "punct", "PUNCT", "''", '"'), ("the", 8, "det", "DET", "DT", "the"),
        ("envoy", 9, "nsubj", "NOUN", "NN", "envoy"), ("said", 9, "ROOT", "VERB", "VBD", "say"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows)
    (c,) = find_claims(doc, [_quote(doc, "the envoy")])
    assert (c.claim_type, c.stance, c.cue) == ("territory", "favour", "field")
    assert _text(doc, c.target) == "The bay" and _text(doc, c.claimant) == "the envoy"


def test_one_weak_signal_makes_no_field_claim():
    rows = [
        ('"', 3, "punct", "PUNCT", "``", '"'), ("The", 2, "det", "DET", "DT", "the"),
        ("lagoon", 3, "nsubj", "NOUN", "NN", "lagoon"), ("is", 9, "ccomp", "AUX", "VBZ", "be"),
        ("cold", 3, "acomp", "ADJ", "JJ", "cold"), (",", 9, "punct", "PUNCT", ",", ","),
        ('"', 9, "punct", "PUNCT", "''", '"'), ("the", 8, "det", "DET", "DT", "the"),
        ("envoy", 9, "nsubj", "NOUN", "NN", "envoy"), ("said", 9, "ROOT", "VERB", "VBD", "say"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows)
    assert find_claims(doc, [_quote(doc, "the envoy")]) == []


def test_a_transcript_line_names_its_speaker_and_a_headline_is_no_sentence_of_anyone():
    from annotator.nlp.claim_voice import is_headline, line_speaker
    from annotator.nlp.claims import _with_sentences

    doc = _with_sentences(spacy.blank("en")("Pellmar votes on its future\n\nHOST: Is it over?\nMARVIK: The bay stays ours."))
    sents = list(doc.sents)
    assert is_headline(sents[0])
    last = sents[-1]
    m = line_speaker(last)
    assert m is not None and doc.text[m.start : m.end] == "MARVIK"
    assert line_speaker(sents[0]) is None


def test_a_dateline_lead_is_recognised():
    from annotator.nlp.claim_voice import is_dateline

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("BRELL, Ostmark — The Ostmark government on Monday accused its neighbour of meddling.")
    assert is_dateline(next(doc.sents))
    assert not is_dateline(next(nlp("The government said it would not meddle.").sents))


@pytest.mark.model
def test_model_no_title_to_islands_is_a_territorial_denial(nlp):
    text = "The Corvish foreign minister, Ivo Pann, said Harlen had no lawful title to the Brenn Isles."
    claims = _claims(nlp, text)
    assert [(c.claim_type, c.stance) for c in claims] == [("territory", "against")]
    assert "Brenn Isles" in text[claims[0].target.start : claims[0].target.end]


@pytest.mark.model
def test_model_refusing_a_ballot_is_against_self_determination(nlp):
    text = "“We will never accept the result of this ballot,” the Derran interior minister said."
    (c,) = _claims(nlp, text)
    assert (c.claim_type, c.stance) == ("self_determination", "against")


@pytest.mark.model
def test_model_pooling_object_is_the_named_union(nlp):
    text = ("Ostmark joined the Harbour Compact in 2001.\n\n“We must leave the Compact this year,” "
            "the Ostmark premier said.")
    (c,) = [c for c in _claims(nlp, text) if c.claim_type == "pooling"]
    assert c.stance == "against" and "Harbour Compact" in text[c.target.start : c.target.end]


@pytest.mark.model
def test_model_a_generic_place_resolves_to_the_named_one(nlp):
    text = ("Boats crowded the Strait of Morrow on Sunday.\n\n“The strait is Kelvanian, and it stays Kelvanian,” "
            "said Kelvania's fisheries minister, Ola Brek.")
    (c,) = _claims(nlp, text)
    assert c.claim_type == "territory" and "Strait of Morrow" in text[c.target.start : c.target.end]


@pytest.mark.model
def test_model_background_narrative_is_no_claim(nlp):
    text = "Pellmar declared independence from Ostrovia in 1992 and held elections in 1994."
    assert _claims(nlp, text) == []


@pytest.mark.model
def test_model_the_threshold_is_a_parameter(nlp):
    from annotator.nlp.claims import find_claims as fc

    doc = nlp("“Our sovereignty is not for sale,” the Ostmark premier said.")
    assert fc(doc, None, min_confidence=1.01) == []
    assert fc(doc, None, min_confidence=0.0)


def test_a_name_takes_the_label_the_article_gives_it_most_and_a_demonym_of_the_text_is_norp():
    from spacy.tokens import Span as SpacySpan

    from annotator.nlp.claim_tree import label_of

    doc = spacy.blank("en")("Pellmar voted. Pellmar waited. Pellmar is Orvanian now, said Orvania.")
    doc.ents = [SpacySpan(doc, 0, 1, "GPE"), SpacySpan(doc, 3, 4, "GPE"), SpacySpan(doc, 6, 7, "PERSON"),
                SpacySpan(doc, 8, 9, "PERSON")]
    assert label_of(doc[6]) == "GPE"
    assert label_of(doc[8]) == "NORP"


def test_a_person_tagged_name_the_article_puts_after_in_is_a_place():
    from spacy.tokens import Span as SpacySpan

    from annotator.nlp.claim_tree import label_of

    doc = spacy.blank("en")("Life in Lower Brisk is quiet. Lower Brisk votes soon.")
    doc.ents = [SpacySpan(doc, 2, 4, "PERSON"), SpacySpan(doc, 7, 9, "PERSON")]
    assert label_of(doc[7]) == "GPE"


def test_an_outsider_denied_a_say_is_interference():
    doc = spacy.blank("en")("Brisk has no business in our harbour. It is a matter for Pellmar alone.")
    names = [h.family.name for h in raw_hits(doc)]
    assert names.count("interference") == 2


@pytest.mark.model
def test_model_it_as_subject_takes_the_named_place_before(nlp):
    text = ("Few people live in Lower Brisk.\n\n“Lower Brisk is not a country. It is part of Pellmar,” said the "
            "Pellmar envoy Ivo Tarn.")
    types = {c.claim_type for c in _claims(nlp, text)}
    assert {"contest", "territory"} <= types


def test_a_territorial_claim_restating_a_sovereignty_claim_on_one_object_is_dropped():
    from annotator.domain import Claim
    from annotator.nlp.claim_objects import one_per_object

    doc = spacy.blank("en")("They back the sovereignty and territorial integrity of Pellmar.")
    ev, obj = Mention(0, len(doc.text)), Mention(doc.text.index("Pellmar"), doc.text.index("Pellmar") + 7)
    sov = Claim("sovereignty", evidence=(ev,), target=obj, stance="favour")
    ter = Claim("territory", evidence=(ev,), target=obj, stance="favour")
    assert one_per_object(doc, [sov, ter]) == [sov]
    other = Claim("territory", evidence=(ev,), target=Mention(0, 4), stance="favour")
    denied = Claim("contest", evidence=(ev,), target=obj, stance="against")
    assert one_per_object(doc, [denied, ter]) == [denied, ter]
    assert one_per_object(doc, [sov, other]) == [sov, other]


@pytest.mark.model
def test_model_an_other_claim_is_about_the_ruling_whose_authority_is_denied(nlp):
    text = ("Voters in Lower Brisk queued all day. Lower Brisk wants a say. Pellmar says Lower Brisk stays.\n\n"
            "“The verdict is null and void,” said the Pellmar justice minister, Ivo Tarn.")
    (c,) = [c for c in _claims(nlp, text) if c.claim_type == "other"]
    assert text[c.target.start : c.target.end] == "The verdict"


def test_a_press_release_names_its_issuer():
    from annotator.nlp.claim_voice import issuer

    text = "Pellmar joins pact\n\nPRESS RELEASE\nOffice of the Pellmar Premier\nBrell - For immediate release\n\nText."
    doc = spacy.blank("en")(text)
    m = issuer(doc)
    assert m is not None and text[m.start : m.end] == "Office of the Pellmar Premier"
    assert issuer(spacy.blank("en")("An ordinary report.\n\nIt rained.")) is None


def test_a_title_case_transcript_speaker_counts_when_two_lines_open_with_it():
    from annotator.nlp.claim_voice import line_speaker
    from annotator.nlp.claims import _with_sentences

    text = "Q: Will it pass?\nOrsini: It will. The harbour is ours.\nQ: And then?\nOrsini: We wait.\nNote: one line."
    doc = _with_sentences(spacy.blank("en")(text))
    sents = list(doc.sents)
    m = line_speaker(sents[2])  # the second sentence of Orsini's first answer
    assert m is not None and doc.text[m.start : m.end] == "Orsini"
    assert line_speaker(sents[-1]) is None  # a head that opens one line only is no speaker


@pytest.mark.model
def test_model_part_of_across_commas_and_with_remain_is_territorial(nlp):
    for text in ("“The Dunmore pastures are, and will remain, part of Pellmar,” said the minister Ivo Tarn.",
                 "“The Dunmore plateau remains part of Pellmar,” said the minister Ivo Tarn."):
        assert "territory" in {c.claim_type for c in _claims(nlp, text)}, text


@pytest.mark.parametrize(("text", "family"), [
    ("After tonight we are a free nation.", "sovereignty"),
    ("The council will follow the will of the people of Dunmore.", "self_determination"),
    ("The envoys should mind their own affairs.", "interference"),
])
def test_broad_phrase_classes_are_cues(text, family):
    doc = spacy.blank("en")(text)
    assert family in {h.family.name for h in raw_hits(doc)}


def test_an_editorial_label_line_makes_the_piece_the_outlet_s_voice():
    from annotator.nlp.claim_voice import is_editorial

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert is_editorial(nlp("A harbour for all\n\nEditorial\n\nThe harbour tax is unfair. It should go."), [])
    assert not is_editorial(nlp("A harbour for all\n\nThe harbour tax rose. Traders met."), [])


@pytest.mark.model
def test_model_a_shared_copula_after_a_belief_verb_keeps_the_place_subject(nlp):
    text = ("Editorial\n\nWe believe the Dunmore valley is, and should remain, part of Pellmar. Pellmar has its own courts. "
            "Dunmore votes in Pellmar.")
    claims = _claims(nlp, text)
    assert any(c.claim_type == "territory" for c in claims)


@pytest.mark.model
def test_model_recognising_a_council_or_an_award_is_a_recognition_claim(nlp):
    from annotator.nlp.claim_guards import recognised_object

    doc = nlp("Pellmar will not recognise the new council. Brisk recognised the award. Ivo recognised his cousin.")
    verbs = [t for t in doc if t.lemma_ == "recognise"]
    assert [recognised_object(v) for v in verbs] == [True, True, False]


@pytest.mark.model
def test_model_a_cue_in_the_speaker_s_own_name_is_no_claim_and_a_body_s_present_position_counts(nlp):
    from annotator.nlp.claims import find_claims

    doc = nlp("The Coastal Union of Pellmar reiterates that the Dunmore valley is an integral part of Pellmar.")
    found = find_claims(doc, [], 0.0)
    assert "pooling" not in {c.claim_type for c in found}
    terr = [c for c in found if c.claim_type == "territory"]
    assert terr and terr[0].confidence >= 0.48


@pytest.mark.model
@pytest.mark.parametrize(("text", "claimed"), [
    ('"They sit in hotels in Brell and tell us how to live," said Ida Sund, a farmer in Orra.\n', True),
    ('"No court in Brell will tell Orra who may live in Orra," said the minister.\n', True),
    ('"We will not open the door to a country that cannot tell us where its own borders are," said the minister.\n',
     False),  # told a fact, not what to do
    ('"I will tell you how to bake it," said Ida Sund, a baker.\n', False),
])
def test_model_an_outsider_telling_a_people_what_to_do_is_interference(nlp, text, claimed):
    got = [c for c in _claims(nlp, text) if c.claim_type == "interference"]
    assert bool(got) == claimed, got
    assert all(c.stance == "favour" for c in got)


@pytest.mark.model
@pytest.mark.parametrize(("text", "claimed"), [
    ('"The 1990 treaty puts the Orra Isles on our side of the line," said the Pellish foreign minister, Ida Sund.\n',
     True),
    ('"The Tarn Banks lie on our continental shelf," said the Pellish energy minister, Ida Sund.\n', True),
    ('"Orra belongs in Pellmar, and it always will," said the Pellish foreign minister, Ida Sund.\n', True),
    ('"We must keep the public on our side," said the Pellish energy minister, Ida Sund.\n', False),
    ('"That painting belongs in a museum," said the Pellish culture minister, Ida Sund.\n', False),
])
def test_model_a_place_on_our_side_on_our_shelf_or_belonging_in_a_polity_is_territorial(nlp, text, claimed):
    got = [c for c in _claims(nlp, text) if c.claim_type == "territory"]
    assert bool(got) == claimed, got
    assert all(c.stance == "favour" for c in got)


@pytest.mark.model
def test_model_joining_with_no_object_in_an_article_about_a_union_is_a_pooling_claim(nlp):
    text = ("Pellmar votes next month on whether to apply to the Harbour Pact. The Pact's members meet in May. "
            "The conservative Unity Rally has long favoured joining, its leader, Ida Sund, said on Sunday.\n")
    claims = [c for c in _claims(nlp, text) if "favoured joining" in _text_of(text, c)]
    assert [(c.claim_type, c.stance) for c in claims] == [("pooling", "favour")], claims
    plain = "The new teachers are joining in September, the head, Ida Sund, said on Sunday.\n"
    assert _claims(nlp, plain) == []  # no union in the article


def _text_of(text, claim):
    return text[claim.evidence[0].start : claim.evidence[0].end]
