"""Confidence is a calibrated probability: smoothed rates per rule, carried parts capped."""

from __future__ import annotations

from annotator.nlp import calibration
from annotator.nlp.attribution import Attr


def test_a_rule_never_seen_keeps_its_prior(monkeypatch):
    monkeypatch.setattr(calibration, "table", lambda: {})
    assert calibration.probability("dash", 0.85) == 0.85


def test_a_rule_seen_often_moves_to_its_observed_rate(monkeypatch):
    monkeypatch.setattr(calibration, "table", lambda: {"pattern": {"right": 30, "seen": 60}})
    p = calibration.probability("pattern", 0.9)
    assert 0.5 < p < 0.56  # (30 + 4 * 0.9) / 64


def test_the_shipped_table_covers_the_core_rule():
    seen = calibration.table()["subject-of-cue"]
    assert seen["seen"] >= 50 and 0 <= seen["right"] <= seen["seen"]


def test_a_carried_part_is_no_surer_than_its_source(monkeypatch):
    monkeypatch.setattr(calibration, "table", lambda: {"pattern": {"right": 1, "seen": 4}})
    source = Attr("pattern", (0, 1), None, (2, 3), "PERSON")
    assert source.carried("split-sentence", same_attribution=True).confidence <= source.confidence


def test_a_rare_refinement_of_a_rule_leans_on_the_rule(monkeypatch):
    monkeypatch.setattr(calibration, "table", lambda: {"pattern": {"right": 30, "seen": 60},
                                                       "pattern+coref": {"right": 1, "seen": 1}})  # fmt: skip
    rule = calibration.probability("pattern", 0.9)
    assert rule < calibration.probability("pattern+coref", 0.9) < 0.7  # one right case moves it a little


def test_the_held_out_correction_keeps_the_order_and_is_none_without_one(monkeypatch):
    monkeypatch.setattr(calibration, "_data", lambda: {"rules": {}})
    assert calibration.scaling() == (1.0, 0.0) and calibration.calibrated("dash", 0.85) == 0.85
    ps = [calibration.scaled(p, 0.5, 1.0) for p in (0.3, 0.6, 0.9, 0.99)]
    assert ps == sorted(ps) and ps[-1] < 0.99


def test_the_correction_fit_weighs_first_look_outcomes(monkeypatch):
    import importlib.util
    import sys
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("quotes_bench", Path(__file__).parents[2] / "benchmarks" / "quotes.py")
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "quotes_bench", bench)  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    tuned = [(0.99, True, 1.0)] * 40 + [(0.6, True, 1.0)] * 10
    fresh = [(0.99, True), (0.99, False), (0.6, False)] * 5  # sure rules wrong far more often on fresh text
    a1, b1 = bench.fit_scaling(tuned + [(c, r, 1.0) for c, r in fresh])
    a2, b2 = bench.fit_scaling(tuned + [(c, r, 50 / 15) for c, r in fresh])
    assert calibration.scaled(0.99, a2, b2) < calibration.scaled(0.99, a1, b1)
    assert a1 >= 0.5 and a2 >= 0.5  # the correction never more than halves the spread


def test_the_scorer_drops_honorifics_and_titles_before_a_name(monkeypatch):
    import importlib.util
    import sys
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("quotes_bench", Path(__file__).parents[2] / "benchmarks" / "quotes.py")
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "quotes_bench", bench)
    spec.loader.exec_module(bench)
    assert bench.same_speaker("Orla Quennell", "Ms Quennell")
    assert bench.same_speaker("Dr. Tam Osei", "Tam Osei") and bench.same_speaker("Tam Osei", "Prof Osei")
    assert bench.same_speaker("the minister", "the minister")  # a bare title is compared as it is
    assert not bench.same_speaker("Orla Quennell", "Ms Harrow")
    assert not bench.same_speaker("Orla Quennell", "Mr")


def test_a_rule_seen_often_on_fresh_text_gets_its_rate_there():
    counts = {"pattern": {"right": 8, "seen": 10}, "pattern+coref": {"right": 30, "seen": 50}}
    assert calibration.freshened("pattern", 0.95, counts) == (8 + 4 * 0.95) / 14
    resolved = calibration.freshened("pattern+coref", 0.95, counts)
    assert 0.6 < resolved < 0.65  # the refinement's 50 fresh outcomes outweigh the rule's
    assert calibration.freshened("dash", 0.9, counts) == 0.9  # a rule never seen fresh keeps its rate


def test_the_shipped_confidence_is_drawn_to_the_first_look_rates():
    fresh = calibration.fresh()
    assert fresh["subject-of-cue"]["seen"] >= 100  # the first-look outcomes of two held-out sets
    p = calibration.calibrated("subject-of-cue+coref", 0.81)
    rate = fresh["subject-of-cue+coref"]["right"] / fresh["subject-of-cue+coref"]["seen"]
    assert abs(p - rate) < 0.05


def _bench(monkeypatch):
    import importlib.util
    import sys
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("quotes_bench", Path(__file__).parents[2] / "benchmarks" / "quotes.py")
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "quotes_bench", bench)
    spec.loader.exec_module(bench)
    return bench


def test_the_final_correction_is_the_identity_without_knots(monkeypatch):
    monkeypatch.setattr(calibration, "_data", lambda: {"rules": {}})
    assert calibration.final_knots() == ()
    assert [calibration.finalised(p) for p in (0.0, 0.31, 0.87, 1.0)] == [0.0, 0.31, 0.87, 1.0]


def test_the_final_correction_is_monotone_and_a_probability():
    knots = ((0.3, 0.25), (0.62, 0.65), (0.78, 0.79), (0.86, 0.72), (0.92, 0.93), (0.97, 0.95))
    knots = tuple((x, max(y for _, y in knots[: k + 1])) for k, (x, _) in enumerate(knots))
    ps = [calibration.finalised(i / 200, knots) for i in range(-10, 211)]
    assert ps == sorted(ps) and all(0.0 <= p <= 1.0 for p in ps)


def test_a_fitted_correction_moves_an_overconfident_mid_band_down(monkeypatch):
    bench = _bench(monkeypatch)
    fresh = [(0.86, True)] * 70 + [(0.86, False)] * 30 + [(0.92, True)] * 93 + [(0.92, False)] * 7
    knots = bench.fit_final(fresh)
    assert calibration.finalised(0.86, knots) < 0.76  # right 0.70 of the time: drawn there
    assert abs(calibration.finalised(0.92, knots) - 0.92) < 0.02  # the top band was honest and stays
    assert [y for _, y in knots] == sorted(y for _, y in knots)
    monkeypatch.setattr(calibration, "_data", lambda: {"final": {"knots": [list(k) for k in knots]}})
    assert calibration.finalised(0.86) == calibration.finalised(0.86, knots)


def test_the_final_fit_pools_bins_out_of_order(monkeypatch):
    bench = _bench(monkeypatch)
    knots = bench.fit_final([(0.75, True)] * 50 + [(0.85, True)] * 30 + [(0.85, False)] * 20)
    assert knots[0][1] == knots[1][1]  # the 0.70-0.80 bin was right more often than the 0.80-0.90 one
