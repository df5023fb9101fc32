"""The learned claim-sentence detector (``annotator.nlp.claim_detector``): name-free features, plain-Python
inference from the shipped weights, and the claims it adds beside the rules. Every sentence here is invented for
the test; none is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import json
import math

import pytest

from annotator.nlp import claim_detector as cd
from tests.conftest import claims_of

NAMES = ("elena", "marsk", "velmoria", "velmorian", "dorrin", "kasp")
CLAIM = "Foreign Minister Elena Marsk said on Tuesday that the Dorrin Islands are an integral part of Velmoria."
WEATHER = ("Heavy rain is expected across the north on Saturday, and the cup final between the two city clubs "
           "has been moved to Sunday afternoon.")


@pytest.fixture
def everything():
    """A detector that fires on every sentence (threshold 0), used instead of the shipped one."""
    det = cd.Detector({}, 0.0, 0.0, "territory", "test")
    cd.use_detector(det)
    yield det
    cd.reset_detector()


def test_shipped_file_loads_with_expected_keys():
    data = json.loads(cd.DATA.read_text(encoding="utf-8"))
    for key in ("weights", "bias", "threshold", "version", "trained_on", "fallback_type"):
        assert key in data, key
    sealed = {"heldout9", "heldout10", "heldout11", "heldout12", "heldout13"}  # never trained on
    assert not sealed & set(data["trained_on"]) and not sealed & set(data["type_head_trained_on"])
    assert set(data["trained_on"]) == {"dev", "dev2", "heldout", "seed", "heldout2", "heldout3", "heldout4", "heldout5",
                                       "heldout6"}
    assert set(data["type_head_trained_on"]) == set(data["trained_on"]) | {"heldout7", "heldout8"}
    assert 0.5 <= data["threshold"] < 1 and data["weights"]
    assert all(isinstance(v, float | int) for v in data["weights"].values())
    det = cd.read_detector(cd.DATA)
    assert det.threshold == data["threshold"] and len(det.weights) == len(data["weights"])
    # no feature names a person, country or place: entities were generalised before training
    assert not any(n in f.lower().split() for f in data["weights"] for n in NAMES)


def test_inference_is_the_hand_computed_sigmoid(tmp_path):
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps({"version": "t", "trained_on": [], "bias": -1.0, "threshold": 0.6,
                                "fallback_type": "other",
                                "weights": {"say": 1.5, "f:reporting": 0.5, "say PROPN": -0.25, "absent": 9.0}}))
    det = cd.read_detector(path)
    toks, feats = ["PROPN", "say", "PROPN"], {"f:reporting": True}
    assert cd.doc_tokens(toks, feats) == {"PROPN", "say", "f:reporting", "PROPN say", "say PROPN",
                                         "PROPN f:reporting"}
    z = -1.0 + 1.5 + 0.5 - 0.25
    assert cd.probability(det, toks, feats) == pytest.approx(1 / (1 + math.exp(-z)))
    assert cd.probability(det, [], {}) == pytest.approx(1 / (1 + math.exp(1.0)))
    assert det.fallback_type == "other" and det.threshold == 0.6


@pytest.mark.model
def test_features_are_name_free(nlp):
    doc = nlp("Elena Marsk said Velmoria will never give up the Dorrin Islands to Kasp.")
    toks, feats = cd.unit_features(next(iter(doc.sents)), [])
    words = " ".join(toks + list(feats)).lower().split()
    assert not any(n in w for w in words for n in NAMES), words
    assert any(t.startswith("ENT_") or t == "PROPN" for t in toks)
    assert "say" in toks and feats.get("f:reporting") and feats.get("f:neg")


@pytest.mark.model
def test_a_sentence_the_rules_cover_gets_no_second_claim(nlp, everything):
    claims = claims_of(nlp, CLAIM)
    rules = [c for c in claims if c.cue != "detector"]
    assert rules, "the rules should make this claim"
    assert not [c for c in claims if c.cue == "detector"]


@pytest.mark.model
def test_a_detector_claim_has_its_parts(nlp, everything):
    text = "The government in Velmoria has said nothing since the vote.\n\n" + WEATHER
    found = [c for c in claims_of(nlp, text) if c.cue == "detector"]
    assert found and all(c.origin == cd.ORIGIN and c.state == "suggested" for c in found)
    assert all(0.48 <= cd.CONF_LO <= c.confidence <= cd.CONF_HI < 0.6 for c in found)
    assert all(c.stance in ("favour", "against") and c.claim_type for c in found)
    assert all(c.outlet == (c.claimant is None) for c in found)


@pytest.mark.model
def test_weather_and_sport_get_no_claim(nlp):
    cd.reset_detector()
    assert claims_of(nlp, WEATHER) == []
    doc = nlp(WEATHER)
    toks, feats = cd.unit_features(next(iter(doc.sents)), [])
    assert cd.probability(cd.load_detector(), toks, feats) < cd.load_detector().threshold


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "   \n\n ", "🙂🙂 “🇺🇳” said 🙂.", "Line one says “Velmoria is ours.”\r\n\r\nKasp\r\n",
                                  "“", "\r\n"])
def test_hostile_input_does_not_raise(nlp, everything, text):
    for c in claims_of(nlp, text):
        for m in c.parts():
            assert 0 <= m.start <= m.end <= len(text)


# Hand-built parses (no model): the name-free tokens and the structural features of ``unit_features``.


def _sent(doc):
    return next(iter(doc.sents))


def test_a_capitalised_word_read_as_a_common_word_is_no_feature():
    from tests.nlp.parses import parse

    doc = parse([("Kelvarian", 1, "amod", "ADJ", "JJ", "kelvarian"), ("farmers", 2, "nsubj", "NOUN", "NNS", "farmer"),
                 ("praised", 2, "ROOT", "VERB", "VBD", "praise"), ("the", 5, "det", "DET", "DT", "the"),
                 ("Ostrowind", 5, "compound", "NOUN", "NN", "ostrowind"), ("plan", 2, "dobj", "NOUN", "NN", "plan"),
                 (".", 2, "punct", "PUNCT", ".", ".")])
    toks, feats = cd.unit_features(_sent(doc), [])
    assert toks == ["PROPN", "farmer", "praise", "the", "PROPN", "plan", "."]
    assert "f:root=praise" in feats


def test_a_field_word_opening_a_sentence_stays_a_word():
    from tests.nlp.parses import parse

    doc = parse([("Independence", 1, "nsubj", "NOUN", "NN", "independence"), ("is", 1, "ROOT", "AUX", "VBZ", "be"),
                 ("near", 1, "acomp", "ADJ", "JJ", "near"), (".", 1, "punct", "PUNCT", ".", ".")])
    toks, _ = cd.unit_features(_sent(doc), [])
    assert toks[0] == "independence"


def test_a_quote_after_its_reporting_verb_and_a_first_person_inside_it():
    from annotator.domain import Quote
    from tests.nlp.parses import parse

    rows = [("She", 1, "nsubj", "PRON", "PRP", "she"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("the", 3, "det", "DET", "DT", "the"), ("vote", 4, "nsubj", "NOUN", "NN", "vote"),
            ("was", 1, "ccomp", "AUX", "VBD", "be"), ('"', 7, "punct", "PUNCT", "``", '"'),
            ("our", 7, "poss", "PRON", "PRP$", "our"), ("choice", 4, "attr", "NOUN", "NN", "choice"),
            ('"', 7, "punct", "PUNCT", "''", '"'), (".", 1, "punct", "PUNCT", ".", ".")]
    doc = parse(rows)
    start = doc.text.index("our")
    quote = Quote(start, start + len("our choice"))
    _, feats = cd.unit_features(_sent(doc), [quote])
    assert feats.get("f:quote_after_verb") and feats.get("f:first_quoted") and feats.get("f:in_quote")
    _, plain = cd.unit_features(_sent(doc), [])
    assert not plain.get("f:quote_after_verb") and not plain.get("f:first_quoted")
    _, term = cd.unit_features(_sent(doc), [Quote(start, start + len("our choice"), kind="term")])
    assert not term.get("f:quote_after_verb")  # a scare-quoted term is nobody's words


def _with_head(tmp_path, head):
    path = tmp_path / "typed.json"
    path.write_text(json.dumps({"version": "t", "trained_on": [], "bias": 0.0, "threshold": 0.5,
                                "fallback_type": "territory", "weights": {}, "type_head": head}))
    return cd.read_detector(path)


def test_the_type_head_takes_the_highest_sum(tmp_path):
    det = _with_head(tmp_path, {"classes": ["pooling", "territory"], "bias": {"pooling": 0.1, "territory": 0.0},
                                "weights": {"territory": {"f:field=territory": 2.0}, "pooling": {"union": 1.0}}})
    assert cd.learned_type(det, ["the", "union"], {}) == "pooling"
    assert cd.learned_type(det, ["the", "border"], {"f:field=territory": True}) == "territory"
    assert cd.learned_type(det, [], {}) == "pooling"  # the bias alone


def test_a_file_without_a_type_head_gives_no_learned_type(tmp_path):
    assert cd.learned_type(cd.Detector({}, 0.0, 0.5), ["union"], {}) is None
    det = _with_head(tmp_path, {})
    assert cd.learned_type(det, ["union"], {}) is None
    lopsided = _with_head(tmp_path, {"bias": {"other": 0.0, "contest": 0.0}, "weights": {}})  # a tie: the first by name
    assert cd.learned_type(lopsided, ["union"], {}) == "contest"


def test_the_shipped_file_has_a_type_head_over_the_codebook_types():
    from annotator.codebook import load_codebook

    det = cd.read_detector(cd.DATA)
    ids = {t.id for t in load_codebook().claim_types}
    assert det.type_bias and set(det.type_bias) <= ids
    assert not any(n in f.lower().split() for ws in det.type_weights.values() for f in ws for n in NAMES)


@pytest.mark.model
def test_a_detector_claim_takes_the_type_heads_type(nlp):
    det = cd.Detector({}, 0.0, 0.0, "territory", "test", {"pooling": 1.0, "territory": 0.0}, {})
    cd.use_detector(det)
    try:
        text = "The government in Velmoria has said nothing since the vote.\n\n" + WEATHER
        found = [c for c in claims_of(nlp, text) if c.cue == "detector"]
    finally:
        cd.reset_detector()
    assert found and all(c.claim_type == "pooling" for c in found)


@pytest.mark.parametrize("content", [
    "{not json", json.dumps({"weights": {}}), json.dumps([1, 2]),
    json.dumps({"weights": {"a": "x"}, "bias": 0, "threshold": 0.5}),
    json.dumps({"weights": {}, "bias": 0, "threshold": 0.5, "type_head": {"bias": {"pooling": "high"}}}),
    json.dumps({"weights": {}, "bias": 0, "threshold": 0.5, "type_head": {"bias": {}, "weights": {"pooling": [1]}}}),
    json.dumps({"weights": {}, "bias": 0, "threshold": 0.5, "type_head": ["pooling"]}),
])
def test_a_damaged_weights_file_is_one_clear_error(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(cd.DetectorError, match="bad.json"):
        cd.read_detector(path)
    with pytest.raises(cd.DetectorError, match="missing.json"):
        cd.read_detector(tmp_path / "missing.json")


FRAGMENT = ("Tamberlin's Foreign Minister, Pera Krunn, said the people of Quorvane had \u201cearned their place among "
            "nations.\u201d")


@pytest.mark.model
def test_a_fragment_quote_takes_its_field_from_the_sentence_around_it(nlp, everything):
    # the quoted words alone have no field word and no polity; the reporter's sentence names the people
    found = [c for c in claims_of(nlp, FRAGMENT) if c.cue == "detector"]
    assert len(found) == 1, found
    (c,) = found
    assert c.evidence[0].text_in(FRAGMENT).startswith("Tamberlin's Foreign Minister")
    assert c.claimant is not None and "Krunn" in c.claimant.text_in(FRAGMENT)


FRAMED = ("Asked whether the isles might one day seek a vote on their status, the harbour master, Pim Dorell, "
          "said: \u201cThat is for the people who live here, not for me.\u201d")


@pytest.mark.model
def test_a_whole_quote_takes_its_field_from_the_reporters_frame(nlp, everything):
    # the quoted words hold no field word; the question the reporter puts before them (a vote on status) does
    found = [c for c in claims_of(nlp, FRAMED) if c.cue == "detector"]
    assert len(found) == 1, found
    assert found[0].evidence[0].text_in(FRAMED).startswith("That is for the people")
    plain = "Asked about the weather, the harbour master said: \u201cThat is for the forecasters, not for me.\u201d"
    assert not [c for c in claims_of(nlp, plain) if c.cue == "detector"]



UNFIELDED = "\u201cThat is for the families on the quay to settle, and nobody else,\u201d said Pirkko Lembrand, {who}."


@pytest.mark.model
@pytest.mark.parametrize(("p", "who", "claimed"), [
    (0.95, "the mayor", True), (0.85, "the mayor", False), (0.95, "who keeps the boat shed", False)])
def test_only_a_sure_detector_passes_a_political_actors_sentence_with_no_field_word(nlp, p, who, claimed):
    # no word of the field and no polity: the gate drops the detector's guess unless it is sure, and a
    # bystander's words even then
    text = UNFIELDED.format(who=who)
    det = cd.Detector({}, math.log(p / (1 - p)), 0.75, "territory", "test")
    assert det.threshold <= p
    cd.use_detector(det)
    try:
        found = [c for c in claims_of(nlp, text) if c.cue == "detector"]
    finally:
        cd.reset_detector()
    assert bool(found) is claimed, found
    if claimed:
        assert found[0].evidence[0].text_in(text).startswith("That is for the families")
        assert "Lembrand" in found[0].claimant.text_in(text)
