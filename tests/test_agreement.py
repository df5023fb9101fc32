"""Agreement between analysts: each coefficient against a published worked example or a case computed by hand
in the comments."""

import pytest

from annotator.curation import unitizing
from annotator.curation.reliability import alpha_of, cohen_kappa, f1
from annotator.curation.unitizing import Continuum, Section

approx = pytest.approx


# --- unitizing alpha ---------------------------------------------------------------------------------------


def book_2004(shift: int = 150) -> dict[str, Continuum]:
    """Krippendorff, Content Analysis, 2nd ed. (2004), p. 254 (as transcribed in DKPro Statistics'
    Krippendorff2004Test): the continuum [150, 450), observer i and j, categories c and k (start, length)."""
    def cut(*units):
        return [(s - shift, s - shift + n) for s, n in units]
    return {
        "c": Continuum(300, {"i": cut((225, 70), (370, 30)), "j": cut((220, 80), (355, 20), (400, 20))}),
        "k": Continuum(300, {"i": cut((180, 60), (300, 50)), "j": cut((180, 60), (300, 50))}),
    }


def test_unitizing_alpha_reproduces_krippendorff_2004_worked_example():
    # By hand, category c (L = 300, m = 2): the unit pairs [225,295)/[220,300) give 5² + 5² = 50,
    # [370,400)/[355,375) give 15² + 25² = 850, and j's [400,420) lies in i's gap [400,450): 20² = 400.
    # D_o = 2 · 1300 / (2 · 1 · 300²) = 0.014444. D_e: N_c = 5 units (70, 30, 80, 20, 20), gaps of both
    # observers 75, 75, 50, 70, 55, 25, 30; Σ over units of (N_c - 1)/3 · (2l³ - 3l² + l) + l² Σ_{gaps ≥ l}
    # (gap - l + 1) = 958860 + 231340 + 1339840 + 2 · 118560 = 2767160; · 2/L = 18447.73; over
    # mL(mL - 1) - Σ l(l - 1) = 359400 - 12780 = 346620: D_e = 0.053222. The book prints 0.0144, 0.0532, 0.7286.
    ex = book_2004()
    c, k = unitizing.disagreement([ex["c"]]), unitizing.disagreement([ex["k"]])
    assert c.observed == approx(1300 / 300**2)
    assert c.expected == approx(18447.7333 / 346620, abs=1e-7)
    assert c.observed == approx(0.0144, abs=5e-5) and c.expected == approx(0.0532, abs=5e-5)
    assert c.alpha == approx(0.7286, abs=5e-5)
    assert k.observed == 0 and k.expected == approx(0.0490, abs=5e-5) and k.alpha == 1.0
    # the book's 0.8591 comes from the rounded figures: 1 - 0.0144 / (0.0532 + 0.0490)
    assert unitizing.alpha([c, k]) == approx(0.8591, abs=1e-3)
    assert unitizing.alpha([c, k]) == approx(1 - c.observed / (c.expected + k.expected))


def test_unitizing_distances_of_the_2004_example():
    # δ² of Krippendorff (2004, p. 252): overlapping units, a unit inside a gap, unrelated sections
    assert unitizing.distance(Section(5, 11, True), Section(4, 6, True)) == 1 + 25
    assert unitizing.distance(Section(5, 11, True), Section(5, 7, True)) == 16
    assert unitizing.distance(Section(5, 11, True), Section(6, 10, True)) == 2
    assert unitizing.distance(Section(370, 400, True), Section(355, 375, True)) == 850
    assert unitizing.distance(Section(400, 450, False), Section(400, 420, True)) == 400
    assert unitizing.distance(Section(2, 5, False), Section(2, 4, True)) == 4
    assert unitizing.distance(Section(5, 11, True), Section(4, 11, False)) == 36
    assert unitizing.distance(Section(5, 11, True), Section(8, 20, False)) == 0  # not inside: no term
    assert unitizing.distance(Section(0, 5, False), Section(0, 5, False)) == 0


KRIPPENDORFF_1995 = {  # Krippendorff (1995), Sociological Methodology 25, p. 57: four pairs on 24 positions
    "A": ([(2, 8), (14, 6)], [(4, 4), (15, 2)]),
    "B": ([(0, 18)], [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)]),
    "C": ([(2, 6), (10, 2), (14, 4), (20, 2)], [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)]),
    "D": ([(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)], [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)]),
}


def stretched(name: str, stretch: float) -> unitizing.Disagreement:
    first, second = KRIPPENDORFF_1995[name]
    def cut(units):
        return [(int(s * stretch), int(s * stretch) + int(n * stretch)) for s, n in units]
    return unitizing.disagreement([Continuum(int(24 * stretch), {"1": cut(first), "2": cut(second)})])


def test_unitizing_reproduces_krippendorff_1995_examples():
    # Observed disagreements as printed (A by hand: [2,10)/[4,8) 2² + 2², [14,20)/[15,17) 1² + 3²: 18 / 24²)
    assert stretched("A", 1).observed == approx(18 / 24**2) == approx(0.03125)
    assert stretched("B", 1).observed == approx(2.26736, abs=1e-5)
    assert stretched("C", 1).observed == approx(0.02777, abs=1e-5)
    assert stretched("D", 1).observed == approx(0.38715, abs=1e-5)
    # The paper's alphas treat the continuum as dense; positions 50,000 times finer come close to them
    for name, published in (("A", 0.553), ("B", -0.926), ("D", 0.066)):
        assert stretched(name, 50_000).alpha == approx(published, abs=0.005)
    # C's D_e in the paper has a slip (DKPro's note); their exact figure on 12 positions is reproduced
    assert stretched("C", 0.5).expected == approx(0.05494, abs=1e-5)
    assert stretched("C", 0.5).alpha == approx(0.494, abs=5e-4)


def test_unitizing_small_cases_by_hand():
    # One observer marks [0, 4) of 10, the other nothing: δ² = 4² (unit inside a gap); D_o = 2·16/(2·100) = 0.16.
    # D_e: one unit (l = 4, N_c = 1), gaps 6 and 10: l² · ((6-4+1) + (10-4+1)) = 160; · 2/10 = 32;
    # over 20·19 - 4·3 = 368: D_e = 0.0869565; alpha = 1 - 0.16 / 0.0869565 = -0.84
    d = unitizing.disagreement([Continuum(10, {"a": [(0, 4)], "b": []})])
    assert d.observed == approx(0.16) and d.expected == approx(32 / 368) and d.alpha == approx(-0.84)
    same = unitizing.disagreement([Continuum(10, {"a": [(2, 5)], "b": [(2, 5)]})])
    assert same.alpha == 1.0
    assert unitizing.disagreement([Continuum(10, {"a": [], "b": []})]).alpha is None
    assert unitizing.disagreement([]).alpha is None and unitizing.alpha([]) is None
    # overlapping units of one observer are joined, units are clipped to the text, empty ones dropped
    assert unitizing.clean([(3, 6), (0, 4), (8, 20), (5, 5)], 10) == [(0, 6), (8, 10)]
    assert unitizing.disagreement([Continuum(10, {"a": [(0, 4), (1, 3)], "b": [(0, 4), (-5, 0)]})]).alpha == 1.0


def test_unitizing_keeps_gaps_inside_documents():
    # Two documents end to end: the observed disagreement is one continuum's (Σ δ² over L² of both), and a gap
    # at the end of one document does not run into the next one
    one = Continuum(10, {"a": [(0, 4)], "b": []})
    two = Continuum(10, {"a": [(6, 10)], "b": [(6, 10)]})
    d = unitizing.disagreement([one, two])
    assert d.observed == approx(2 * 16 / (2 * 20**2))
    # three units of 4 (N_c = 3) and gaps 6, 10, 6, 6: each unit gives (3-1)/3 · (128 - 48 + 4) = 56 plus
    # 4² · ((6-3) · 3 + (10-3)) = 256, so Σ = 3 · 312 = 936; · 2/20 = 93.6; over 40·39 - 3·12 = 1524
    assert d.expected == approx(93.6 / 1524)


# --- kappa, alpha, F1 ----------------------------------------------------------------------------------------


def test_cohen_kappa_of_the_scikit_learn_example():
    # scikit-learn's cohen_kappa_score example: p_o = 4/5; marginals neg 2/3, pos 2/1, neu 1/1:
    # p_e = (6 + 2 + 1) / 25 = 0.36; kappa = (0.8 - 0.36) / 0.64 = 0.6875
    first = ["negative", "positive", "negative", "neutral", "positive"]
    second = ["negative", "positive", "negative", "neutral", "negative"]
    assert cohen_kappa(list(zip(first, second, strict=True))) == approx(0.6875)
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a"), ("a", "a")]) is None  # no chance disagreement: undefined
    assert cohen_kappa([("a", "b"), ("b", "a")]) == approx(-1.0)


def test_kappa_and_alpha_of_krippendorff_1995_digitized_pair():
    # Krippendorff (1995) compares pair A position by position: 10 × (0,0), 8 × (1,0), 6 × (1,1).
    # kappa: p_o = 16/24, p_e = (14·6 + 10·18)/576 = 264/576 -> 0.385; alpha: n = 48, n_0 = 28, n_1 = 20,
    # 1 - 47 · 16 / (2 · 28 · 20) = 0.329 (both as printed there)
    pairs = [(0, 0)] * 10 + [(1, 0)] * 8 + [(1, 1)] * 6
    assert cohen_kappa(pairs) == approx(0.385, abs=5e-4)
    rows = [{"a": x, "b": y} for x, y in pairs]
    assert alpha_of(rows, ["a", "b"]) == approx(1 - 47 * 16 / (2 * 28 * 20)) == approx(0.329, abs=5e-4)


def test_alpha_reproduces_krippendorffs_four_observer_example():
    # Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): 4 observers, 12 units, missing values;
    # nominal 0.743, ordinal 0.815 (interval 0.849)
    data = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    rows = [{name: values[u] for name, values in data.items()} for u in range(12)]
    assert alpha_of(rows, list(data)) == approx(0.743, abs=5e-4)
    assert alpha_of(rows, list(data), order=[1, 2, 3, 4, 5]) == approx(0.815, abs=5e-4)
    # values as text give the same nominal alpha; units with one value are not pairable and change nothing
    as_text = [{k: (str(v) if v is not None else None) for k, v in r.items()} for r in rows]
    assert alpha_of(as_text + [{"A": "9"}], list(data)) == approx(0.743, abs=5e-4)


def test_alpha_undefined_without_variation_or_pairs():
    assert alpha_of([], ["a", "b"]) is None
    assert alpha_of([{"a": "X", "b": "X"}, {"a": "X", "b": "X"}], ["a", "b"]) is None
    assert alpha_of([{"a": "X"}, {"b": "Y"}], ["a", "b"]) is None
    assert alpha_of([{"a": 1, "b": 7}], ["a", "b"], order=[1, 2]) is None  # 7 is off the scale
    assert f1(0, 0, 0) is None and f1(1, 2, 2) == 0.5
