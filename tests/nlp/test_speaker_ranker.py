"""The learned speaker ranker (annotator/nlp/speaker_ranker.py): it overrides the rules only by its margin, follows
its weights, is deterministic, and a missing or damaged weights file leaves the rules to decide alone."""

from __future__ import annotations

import json
import math

import pytest

from annotator.nlp import speaker_ranker
from annotator.nlp.quotes import find_quotes
from annotator.nlp.speaker_ranker import Candidate, Ranker, RankerError, ranker_from, read_ranker, scores, use_ranker
from tests.nlp.parses import parse
from tests.nlp.test_rules import _said_yes, attributed


@pytest.fixture(autouse=True)
def _reset():
    yield
    speaker_ranker.reset_ranker()


# Tom Pell spoke . Tom Pell left . Ariel Roe waited .
_THREE_PEOPLE = [
    ("Tom", 1, "compound", "PROPN", "NNP", "Tom"),
    ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
    ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
    (".", 2, "punct", "PUNCT", ".", "."),
    ("Tom", 5, "compound", "PROPN", "NNP", "Tom"),
    ("Pell", 6, "nsubj", "PROPN", "NNP", "Pell"),
    ("left", 6, "ROOT", "VERB", "VBD", "leave"),
    (".", 6, "punct", "PUNCT", ".", "."),
    ("Ariel", 9, "compound", "PROPN", "NNP", "Ariel"),
    ("Roe", 10, "nsubj", "PROPN", "NNP", "Roe"),
    ("waited", 10, "ROOT", "VERB", "VBD", "wait"),
    (".", 10, "punct", "PUNCT", ".", "."),
]


def _three_people():
    # Tom Pell spoke . Tom Pell left . Ariel Roe waited . " Yes , " he said .
    rows = _THREE_PEOPLE
    return parse(rows + _said_yes(len(rows), ("he",)), ents=[(0, 2, "PERSON"), (4, 6, "PERSON"), (8, 10, "PERSON")])


def _speaker(doc, ranker: Ranker | None) -> str | None:
    use_ranker(ranker)
    [(quote, speaker)] = attributed(doc)
    assert quote == "Yes,"
    return speaker


def test_the_nearest_subject_wins_over_a_far_salient_name_when_the_weights_say_so():
    doc = _three_people()
    near = Ranker({"before_rank0": 6.0, "salience_log": -6.0, "rule": -2.0}, margin=0.2)
    salient = Ranker({"salience_log": 12.0, "before_rank0": -6.0, "rule": -2.0}, margin=0.2)
    assert _speaker(doc, near) == "Ariel Roe"
    assert _speaker(doc, salient) == "Tom Pell"


def test_the_rules_choice_stands_without_weights_or_under_the_margin():
    doc = _three_people()
    rules = _speaker(doc, None)
    assert _speaker(doc, Ranker({}, margin=0.0)) == rules  # equal probabilities never override
    against = {"before_rank0": -6.0, "salience_log": -6.0, "rule": -6.0}
    assert _speaker(doc, Ranker(against, margin=1.0)) == rules  # no margin is ever beaten
    assert _speaker(doc, Ranker(against, margin=0.0)) != rules


def test_an_override_says_so_and_has_the_rankers_probability_as_confidence():
    doc = _three_people()
    use_ranker(None)
    [q0] = find_quotes(doc)
    assert q0.speaker.text_in(doc.text) == "Ariel Roe"  # the rules: "he" is the nearest subject (Ariel: either gender)
    use_ranker(Ranker({"salience_log": 12.0, "before_rank0": -6.0, "rule": -2.0}, margin=0.2))
    [q] = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Tom Pell"
    assert q.origin.endswith("+speaker:ranker")
    assert 0.5 < q.confidence <= 1.0
    assert q.speaker_mention is None and q.cue is None  # the rules' "he said" named someone else


def test_the_candidates_hold_the_rules_choice_once_and_no_speaker():
    doc = _three_people()
    rec: list = []
    use_ranker(None, record=rec)
    find_quotes(doc)
    [(i, cands)] = rec
    assert i == 0
    assert sum(c.rule for c in cands) == 1
    assert sum(c.span is None for c in cands) == 1
    texts = {doc[c.span[0] : c.span[1]].text for c in cands if c.span}
    assert {"Tom Pell", "Ariel Roe"} <= texts


def test_scores_are_a_deterministic_softmax():
    cands = [
        Candidate("P:a", (0, 1), "PERSON", {"x": 1.0, "rule": 1.0}, True),
        Candidate("P:b", (2, 3), "PERSON", {"y": 2.0}),
        Candidate("", None, "", {"null": 1.0}),
    ]
    r = Ranker({"x": 0.5, "y": 1.0, "rule": 0.25, "null": -3.0}, margin=0.3)
    p = scores(r, cands)
    assert p == scores(r, cands)
    assert math.isclose(sum(p), 1.0)
    assert p[1] > p[0] > p[2]
    assert math.isclose(p[1] / p[0], math.exp(2.0 - 0.75))


def test_a_damaged_weights_file_is_a_clear_error_and_leaves_the_rules_alone(tmp_path):
    bad = tmp_path / "speaker_ranker.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(RankerError, match="--export"):
        read_ranker(bad)
    with pytest.warns(RuntimeWarning, match="rules alone"):
        assert ranker_from(bad) is None
    bad.write_text(json.dumps({"weights": {"rule": "NaN"}, "margin": 0.5}), encoding="utf-8")
    with pytest.raises(RankerError, match="finite"):
        read_ranker(bad)
    bad.write_text(json.dumps({"weights": {"rule": 1.0}}), encoding="utf-8")
    with pytest.raises(RankerError, match="margin"):
        read_ranker(bad)
    assert ranker_from(tmp_path / "missing.json") is None


def test_the_shipped_weights_load_and_are_sound():
    speaker_ranker._shipped.cache_clear()
    r = speaker_ranker._shipped()
    assert r is not None, (
        "annotator/nlp/data/speaker_ranker.json is missing: run benchmarks/experiments/speaker_ranker.py --export"
    )
    assert 0.0 <= r.margin < 1.0
    assert r.weights and all(math.isfinite(w) for w in r.weights.values())
    assert "rule" in r.weights


def test_a_blank_pipeline_doc_is_ranked_without_a_parse():
    import spacy

    nlp = spacy.blank("en")
    doc = nlp('Ana Roe waited. "We open on Monday," Roe said.')
    quotes = find_quotes(doc)
    assert [q.text_in(doc.text) for q in quotes] == ["We open on Monday,"]


@pytest.mark.model
def test_the_shipped_ranker_keeps_a_plain_attribution(nlp):
    text = ('Mara Lindqvist, the harbour director, spoke first. Then Piet Oduya arrived.\n\n'
            '"We open the new quay on Monday," Oduya said. "It took four years."')  # fmt: skip
    quotes = find_quotes(nlp(text))
    assert [q.speaker.text_in(text).split()[-1] for q in quotes] == ["Oduya", "Oduya"]
    assert all(0.5 < q.confidence <= 1.0 for q in quotes)
    assert [q.confidence for q in quotes] == [q.confidence for q in find_quotes(nlp(text))]


def _said_by(words: tuple[str, str]):
    # Tom Pell spoke . Tom Pell left . Ariel Roe waited . " Yes , " said the <noun> .
    rows = _THREE_PEOPLE
    subject = ((words[0], 18, "det", "DET", "DT", words[0]), (words[1], 16, "nsubj", "NOUN", "NN", words[1]))
    return parse(rows + _said_yes(len(rows), subject), ents=[(0, 2, "PERSON"), (4, 6, "PERSON"), (8, 10, "PERSON")])


def test_an_organisation_the_reporting_verb_names_as_its_subject_is_never_overridden():
    against = {"before_rank0": 6.0, "salience_log": 6.0, "rule": -6.0}  # any name before beats the rules' choice
    assert _speaker(_said_by(("the", "ministry")), Ranker(against, margin=0.0)) == "the ministry"
    # a common noun the parse may have cut ("the centre-back" as "back") is still the ranker's to replace
    assert _speaker(_said_by(("the", "back")), Ranker(against, margin=0.0)) != "the back"
