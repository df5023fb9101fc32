"""The learned claim typer (``annotator.nlp.claim_typer``): name-free features, plain-Python softmax from the
weights file, the override threshold, a missing or damaged file, and determinism. Every sentence here is invented
for the test; none is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import json
import math

import pytest

from annotator.domain import Claim, Mention
from annotator.nlp import claim_typer as ct

NAMES = ("brisk", "ottar", "quellmark", "quellish", "harrow", "sennet")
UNION = "Prime Minister Ottar Brisk said on Monday that Quellmark will apply to join the Harrow Union next spring."
BORDER = "Quellish officials said the fence near Sennet Ford marks the true border and that every field east of it is theirs."


def tiny(tmp_path, threshold=0.5, stance=None):
    data = {"version": "t", "trained_on": [],
            "type": {"classes": ["pooling", "territory"], "bias": [0.0, 0.5], "threshold": threshold,
                     "weights": {"w=join": [2.0, -1.0], "w=union": [1.0, 0.0], "w=border": [-1.0, 2.0]}}}
    if stance:
        data["stance"] = stance
    path = tmp_path / "typer.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def claim(typ="territory", stance="favour", conf=0.7, ev=(0, 10), target=None):
    return Claim(claim_type=typ, evidence=(Mention(*ev),), stance=stance, strength=1, confidence=conf,
                 target=target, cue="test", origin="rule:claims")


def test_softmax_is_the_hand_computed_one(tmp_path):
    typer = ct.read_typer(tiny(tmp_path))
    probs = typer.type_head.probabilities(["w=join", "w=union", "w=unknown", "w=join"])
    z = [0.0 + 2.0 + 1.0, 0.5 - 1.0]
    e = [math.exp(v) for v in z]
    assert probs["pooling"] == pytest.approx(e[0] / sum(e))
    assert probs["territory"] == pytest.approx(e[1] / sum(e))
    assert typer.type_head.choose([], "sovereignty") == "territory"  # bias alone: 0.62 >= 0.5
    assert typer.stance_head is None


def test_threshold_keeps_the_rule_type_when_the_typer_is_unsure(tmp_path):
    typer = ct.read_typer(tiny(tmp_path, threshold=0.9))
    assert typer.type_head.choose(["w=join", "w=union"], "contest") == "pooling"  # p 0.97
    assert typer.type_head.choose([], "contest") == "contest"  # p 0.62 < 0.9: the rule's type stays
    out = ct.retyped([claim("contest"), claim("contest", ev=(20, 30))], [["w=join", "w=union"], []], typer)
    assert [c.claim_type for c in out] == ["pooling", "contest"]


def test_retyping_into_a_twin_keeps_the_more_confident(tmp_path):
    typer = ct.read_typer(tiny(tmp_path, threshold=0.5))
    a, b = claim("pooling", conf=0.6), claim("territory", conf=0.8)
    out = ct.retyped([a, b], [["w=border"], ["w=border"]], typer)
    assert len(out) == 1 and out[0].claim_type == "territory" and out[0].confidence == 0.8
    # a different object is a different claim
    c = claim("pooling", conf=0.6, target=Mention(2, 4))
    assert len(ct.retyped([c, b], [["w=border"], ["w=border"]], typer)) == 2


def test_stance_head_sets_stance_and_strength_sign(tmp_path):
    stance = {"classes": ["against", "favour", "neutral"], "bias": [0.0, 0.0, 0.0], "threshold": 0.5,
              "weights": {"neg": [3.0, 0.0, 0.0]}}
    typer = ct.read_typer(tiny(tmp_path, stance=stance))
    [c] = ct.retyped([claim("territory", "favour")], [["neg", "w=border"]], typer)
    assert c.stance == "against" and c.strength == -1


@pytest.mark.parametrize("content", ["", "{", "[]", '{"type": {"classes": ["a", "b"], "bias": [0], "threshold": 0.5, '
                                     '"weights": {}}}', '{"type": {"classes": ["a", "b"], "bias": [0, 1], '
                                     '"threshold": 0.5, "weights": {"x": [1]}}}', '{"version": "1"}'])
def test_damaged_file_is_a_clear_error(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ct.TyperError, match="claim_typer.py --export"):
        ct.read_typer(path)


def test_missing_file_leaves_the_rules_types(tmp_path, monkeypatch):
    monkeypatch.setattr(ct, "DATA", tmp_path / "absent.json")
    ct._shipped.cache_clear()
    try:
        ct.reset_typer()
        assert ct.load_typer() is None
        claims = [claim("contest")]
        assert ct.typed(None, claims, []) == claims  # no typer: nothing read, nothing changed
    finally:
        ct._shipped.cache_clear()


def test_shipped_file_is_name_free_and_loads():
    if not ct.DATA.exists():
        pytest.skip("no typer shipped")
    data = json.loads(ct.DATA.read_text(encoding="utf-8"))
    typer = ct.read_typer(ct.DATA)
    if typer.type_head is not None:
        assert set(typer.type_head.classes) <= {"sovereignty", "contest", "territory", "interference",
                                                "self_determination", "pooling", "other"}
    if typer.stance_head is not None:
        assert set(typer.stance_head.classes) == {"favour", "neutral", "against"}
    heads = [h for h in (typer.type_head, typer.stance_head) if h is not None]
    assert heads and all(0.0 <= h.threshold < 1.0 for h in heads)
    words = [w for k in ("type", "stance") if k in data for f in data[k]["weights"]
             for w in f.lower().replace("=", " ").replace("_", " ").split()]
    assert words and not any(n in w for w in words for n in NAMES)


@pytest.mark.model
def test_features_are_name_free_and_carry_the_field(nlp):
    from annotator.nlp.claims import find_claims
    from annotator.nlp.quotes import find_quotes

    doc = nlp(UNION)
    quotes = find_quotes(doc)
    ct.use_typer(None)
    try:
        claims = find_claims(doc, quotes)
    finally:
        ct.reset_typer()
    assert claims
    feats = ct.claim_features(doc, claims[0], quotes)
    assert feats == sorted(feats) and "rule=" + claims[0].claim_type in feats
    assert "w=join" in feats and "field=union" in feats
    assert not any(n in f.lower() for f in feats for n in NAMES), feats


@pytest.mark.model
def test_a_capitalised_name_the_tagger_misses_is_no_feature(nlp):
    doc = nlp("The Quellish envoy said Sennetmark will never accept the line drawn by the Harrowvale commission.")
    c = Claim(claim_type="territory", evidence=(Mention(0, len(doc.text)),), stance="against", cue="test")
    feats = ct.claim_features(doc, c, [])
    assert not any(n in f.lower() for f in feats for n in ("quellish", "sennetmark", "harrowvale")), feats
    assert "w=accept" in feats and "neg" in feats


def test_typed_is_deterministic_and_leaves_its_input(tmp_path):
    typer = ct.read_typer(tiny(tmp_path, threshold=0.5))
    claims = [claim("contest"), claim("sovereignty", ev=(20, 30))]
    feats = [["w=join", "w=union"], ["w=border"]]
    first = ct.retyped(claims, feats, typer)
    assert first == ct.retyped(claims, feats, typer) == ct.retyped(list(claims), [list(f) for f in feats], typer)
    assert [c.claim_type for c in first] == ["pooling", "territory"]
    assert [c.claim_type for c in claims] == ["contest", "sovereignty"]


@pytest.mark.model
def test_typed_with_a_fold_typer_changes_only_type_and_stance(nlp, tmp_path):
    from annotator.nlp.claims import find_claims
    from annotator.nlp.quotes import find_quotes

    doc = nlp(UNION + "\n\n" + BORDER)
    quotes = find_quotes(doc)
    claims = find_claims(doc, quotes)
    assert claims
    out = ct.typed(doc, claims, quotes, ct.read_typer(tiny(tmp_path, threshold=0.0)))
    assert out == ct.typed(doc, claims, quotes, ct.read_typer(tiny(tmp_path, threshold=0.0)))
    assert all(c.claim_type in ("pooling", "territory") for c in out)
    kept = {(c.evidence, c.claimant, c.target) for c in claims}
    assert all((c.evidence, c.claimant, c.target) in kept for c in out)


@pytest.mark.model
def test_shipped_suggestions_are_deterministic(nlp):
    from tests.conftest import claims_of

    ct.reset_typer()
    text = UNION + "\n\n" + BORDER
    first = [(c.claim_type, c.stance, c.strength, c.start, c.end) for c in claims_of(nlp, text)]
    assert first and first == [(c.claim_type, c.stance, c.strength, c.start, c.end) for c in claims_of(nlp, text)]
    assert all(c.stance in ("favour", "neutral", "against") for c in claims_of(nlp, text))
