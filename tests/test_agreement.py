"""Agreement between analysts: each coefficient against a published worked example or a case computed by hand
in the comments, then the units, the report and its table on small invented documents."""

import json

import pytest

from annotator.curation import unitizing
from annotator.curation.agreement import Coding, Unit, disagreement, format_table, report, units
from annotator.curation.alignment import mention_keys, same_mention
from annotator.curation.reliability import alpha_of, cohen_kappa, f1
from annotator.curation.unitizing import Continuum, Section
from annotator.domain import REJECTED, Claim, Mention, Quote, Span

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


# --- units ---------------------------------------------------------------------------------------------------


def test_units_group_overlaps_one_per_analyst_in_text_order():
    a = Coding(spans=(Span(0, 10, "PERSON"), Span(20, 25, "GPE")))
    b = Coding(spans=(Span(0, 5, "ORG"), Span(5, 10, "PERSON"), Span(30, 32, "GPE")))
    c = Coding(spans=(Span(1, 9, "PERSON"),))
    found = units({"b": b, "a": a, "c": c}, "x" * 40)
    # equal overlap (5 and 5): the same label wins; c's [1, 9) joins the biggest overlap with a
    assert [(u.start, u.end, u.versions["a"], u.versions["b"], u.versions["c"]) for u in found] == [
        (0, 5, None, Span(0, 5, "ORG"), None),
        (0, 10, Span(0, 10, "PERSON"), Span(5, 10, "PERSON"), Span(1, 9, "PERSON")),
        (20, 25, Span(20, 25, "GPE"), None, None),
        (30, 32, None, Span(30, 32, "GPE"), None),
    ]
    assert not any(u.agreed for u in found)
    assert units({"a": a, "b": b, "c": c}, "x" * 40) == found  # the order of the analysts does not matter
    # a bigger overlap beats an equal label
    bigger = units({"a": Coding(spans=(Span(0, 10, "PERSON"),)),
                    "b": Coding(spans=(Span(0, 8, "ORG"), Span(8, 10, "PERSON")))}, "x" * 10)
    assert bigger[0].versions == {"a": Span(0, 10, "PERSON"), "b": Span(0, 8, "ORG")}


def test_every_annotation_is_in_exactly_one_unit():
    text = "x" * 60
    codings = {
        "a": Coding(spans=tuple(Span(s, s + 6, "L") for s in range(0, 50, 4))),
        "b": Coding(spans=tuple(Span(s, s + 3, "L") for s in range(1, 55, 5)) + (Span(1, 4, "L"),)),
        "c": Coding(spans=(Span(0, 60, "M"),)),
    }
    found = units(codings, text)
    placed = [(name, v) for u in found for name, v in u.versions.items() if v is not None]
    expected = [(name, s) for name, c in codings.items() for s in c.spans]
    assert sorted(placed, key=repr) == sorted(expected, key=repr)  # the duplicate of b's [1, 4) included
    assert [(u.start, u.end) for u in found] == sorted((u.start, u.end) for u in found)


TEXT = 'Anna Smith said: "We stay." Smith added: "Never." Mr Jones said: "Go." Call it "sovereignty", 😀 she wrote.'


def m(phrase: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return Mention(start, start + len(phrase))


def quote(words: str, speaker: Mention | None, kind: str = "quote") -> Quote:
    span = m(words)
    return Quote(span.start, span.end, speaker=speaker, kind=kind)


def test_speaker_equality():
    assert same_mention(m("Anna Smith"), m("Smith", 1), TEXT, surname=True)  # surname
    assert same_mention(m("Smith", 1), m("Anna Smith"), TEXT, surname=True)
    assert not same_mention(m("Anna Smith"), m("Smith", 1), TEXT, surname=False)
    assert same_mention(m("Anna Smith"), m("Smith"), TEXT, surname=False)  # overlap
    assert same_mention(None, None, TEXT, surname=True)
    assert not same_mention(None, m("Mr Jones"), TEXT, surname=True)
    assert not same_mention(m("Mr Jones"), m("Anna Smith"), TEXT, surname=True)
    text = "ŁUKAŠENKA ... łukašenka"  # casefolded equal text at another place
    assert same_mention(Mention(0, 9), Mention(14, 23), text, surname=False)
    keys = mention_keys([("a", m("Anna Smith")), ("b", m("Smith", 1)), ("c", m("Mr Jones")), ("d", None)], TEXT, True)
    assert keys == {"a": "anna smith", "b": "anna smith", "c": "mr jones", "d": "(none)"}


def quote_codings() -> dict[str, Coding]:
    a = Coding(quotes=(quote("We stay.", m("Anna Smith")), quote("Never.", m("Smith", 1)),
                       quote("Go.", m("Mr Jones")), quote("sovereignty", None, kind="term")))
    b = Coding(quotes=(quote("We stay.", m("Smith", 1)), quote("Never.", m("Anna Smith")), quote("Go.", None)))
    return {"a": a, "b": b}


def test_quote_units_and_speaker_agreement():
    found = units(quote_codings(), TEXT)
    assert [u.kind for u in found] == ["quote"] * 3  # the scare-quoted term is not a quote
    assert [u.agreed for u in found] == [True, True, False]
    result = report({7: quote_codings()}, {7: TEXT})["quotes"]
    assert result["f1_exact"] == 1.0 and result["f1_overlap"] == 1.0
    assert (result["units_matched"], result["units_single"], result["units_agreed"]) == (3, 0, 2)
    # speakers per unit: (anna smith, anna smith), (smith, smith), (mr jones, none)
    # kappa: p_o = 2/3, p_e = (1 + 1)/9: (2/3 - 2/9) / (7/9) = 4/7
    # alpha: n = 6, Σ n_c n_k over c ≠ k = 36 - (4 + 4 + 1 + 1) = 26, disagreeing pairs 2: 1 - 5 · 2/26
    assert result["kappa"] == approx(4 / 7)
    assert result["alpha"] == approx(1 - 10 / 26)
    assert result["compared"] == "speaker"


def test_claims_compare_type_stance_strength_and_object():
    text = "Belarus is a sovereign state, said one. belarus is not, said another."
    first, second = Mention(0, 28), Mention(40, 54)
    a = Coding(claims=(Claim("sovereignty", evidence=(first,), target=Mention(0, 7), stance="favour", strength=2),
                       Claim("recognition", scope="document", stance="favour", strength=1)))
    b = Coding(claims=(Claim("sovereignty", evidence=(Mention(0, 20), second), target=Mention(40, 47),
                             stance="against", strength=-1),
                       Claim("recognition", scope="document", stance="favour", strength=1)))
    found = units({"a": a, "b": b}, text)
    assert [(u.start, u.end, u.agreed) for u in found] == [(0, 54, False), (0, len(text), True)]
    result = report({1: {"a": a, "b": b}}, {1: text})["claims"]
    assert (result["kappa"], result["alpha"]) == (1.0, 1.0)  # types (sov, sov), (rec, rec): p_e = 1/2, p_o = 1
    # stance: (favour, against), (favour, favour): p_o = 1/2, p_e = 2·1/4 = 1/2 -> kappa 0
    assert result["stance"]["kappa"] == approx(0.0)
    # strength, ordinal: values 2, -1 | 1, 1; n_-1 = 1, n_1 = 2, n_2 = 1. δ²(-1, 2) = (4 - 2/2)² = 9,
    # δ²(-1, 1) = δ²(1, 2) = (3 - 3/2)² = 2.25. D_o = 2·9/4 = 4.5; D_e = 2(2·2.25 + 2·2.25 + 9)/(4·3) = 3
    assert result["strength"]["alpha"] == approx(1 - 4.5 / 3) and result["strength"]["level"] == "ordinal"
    assert result["object"]["alpha"] == 1.0  # "Belarus" and "belarus": casefolded equal
    assert result["f1_exact"] == 0.5 and result["f1_overlap"] == 1.0  # same type: doc-level exact, other overlaps
    assert set(result["per_label"]) == {"recognition", "sovereignty"}


def test_document_claims_line_up_only_with_document_claims():
    text = "x" * 30
    a = Coding(claims=(Claim("t", scope="document"),))
    b = Coding(claims=(Claim("t", evidence=(Mention(0, 30),)),))
    assert [sorted(n for n, v in u.versions.items() if v) for u in units({"a": a, "b": b}, text)] == [["a"], ["b"]]


def test_disagreement_orders_a_queue():
    same = Coding(spans=(Span(0, 4, "PERSON"),))
    assert disagreement({"a": same}, "x" * 9) == 0.0
    assert disagreement({"a": same, "b": same}, "x" * 9) == 0.0
    assert disagreement({}, "") == 0.0 and disagreement({"a": Coding(), "b": Coding()}, "") == 0.0
    assert disagreement({"a": same, "b": Coding(spans=(Span(5, 9, "GPE"),))}, "x" * 9) == 1.0
    a, b = entity_codings()
    assert disagreement({"a": a, "b": b}, "x" * 50) == approx(4 / 5)  # 5 units, 1 agreed


def test_robust_to_odd_input():
    text = "😀 e\u0301 text"
    odd = Coding(spans=(Span(0, 1, "X"), Span(3, 2, "X"), Span(5, 500, "X"), Span(0, 1, "X", state=REJECTED)),
                 claims=(Claim("t"),))
    result = report({1: {"a": odd, "b": Coding(spans=(Span(0, 1, "X"),))}}, {1: text})
    assert result["spans"]["units"] == 3 and result["spans"]["f1_exact"] == approx(2 / 4)
    assert result["claims"]["units_single"] == 1
    json.dumps(result)
    found = units({"a": odd, "b": odd}, text)
    # the rejected span is left out; equal spans line up even when empty; claims without a place do not
    assert all(isinstance(u, Unit) for u in found) and len(found) == 5 and sum(u.agreed for u in found) == 3


# --- the report ----------------------------------------------------------------------------------------------


def entity_codings() -> tuple[Coding, Coding]:
    a = Coding(spans=(Span(0, 5, "PER"), Span(10, 15, "ORG"), Span(20, 25, "GPE"), Span(40, 45, "PER")))
    b = Coding(spans=(Span(0, 5, "PER"), Span(10, 14, "ORG"), Span(30, 35, "GPE"), Span(40, 45, "ORG")))
    return a, b


def test_report_entities_by_hand():
    a, b = entity_codings()
    result = report({1: {"a": a, "b": b}, 2: {"a": a}}, {1: "x" * 50, 2: "x" * 50})
    assert (result["analysts"], result["documents"], result["documents_skipped"]) == (["a", "b"], 1, 1)
    spans = result["spans"]
    # exact: only PER [0,5): 2·1/(4+4); overlapping with the same label: also ORG [10,15)/[10,14): 2·2/8
    assert (spans["f1_exact"], spans["f1_overlap"]) == (0.25, 0.5)
    assert (spans["units"], spans["units_matched"], spans["units_single"], spans["units_agreed"]) == (5, 3, 2, 1)
    # labels of the matched units: (PER, PER), (ORG, ORG), (PER, ORG). kappa: p_o = 2/3, p_e = (2 + 2)/9:
    # (2/3 - 4/9)/(5/9) = 0.4; alpha: n = 6, n_PER = n_ORG = 3, o(PER, ORG) = o(ORG, PER) = 1: 1 - 5·2/18
    assert spans["kappa"] == approx(0.4) and spans["alpha"] == approx(1 - 10 / 18)
    per = spans["per_label"]
    assert (per["PER"]["f1_exact"], per["PER"]["f1_overlap"]) == (approx(2 / 3), approx(2 / 3))
    assert (per["ORG"]["f1_exact"], per["ORG"]["f1_overlap"]) == (0.0, approx(2 / 3))
    assert (per["GPE"]["f1_overlap"], per["GPE"]["units_single"]) == (0.0, 2)
    assert (per["PER"]["count"], per["PER"]["units_matched"]) == (3, 2)
    assert spans["pairs"] == [{"analysts": ["a", "b"], "f1_exact": 0.25, "f1_overlap": 0.5}]
    assert result["quotes"]["f1_exact"] is None and result["claims"]["alpha"] is None


def test_report_label_filter():
    a, b = entity_codings()
    result = report({1: {"a": a, "b": b}}, {1: "x" * 50}, label="PER")
    spans = result["spans"]
    # PER only: a has [0,5) and [40,45), b has [0,5): units 2, one matched, one single
    assert (spans["f1_exact"], spans["units_matched"], spans["units_single"]) == (approx(2 / 3), 1, 1)
    assert list(spans["per_label"]) == ["PER"] and result["label"] == "PER"


def test_report_three_analysts_pools_pairs():
    a = Coding(spans=(Span(0, 5, "PER"), Span(20, 25, "PER")))
    b = Coding(spans=(Span(0, 5, "PER"), Span(20, 25, "PER")))
    c = Coding(spans=(Span(0, 5, "PER"), Span(10, 15, "ORG"), Span(20, 25, "ORG")))
    spans = report({1: {"a": a, "b": b, "c": c}}, {1: "x" * 30})["spans"]
    # pairs: (a,b) 2 of 2+2, (a,c) 1 of 2+3, (b,c) 1 of 2+3: F1 = 2·4/14
    assert spans["f1_exact"] == approx(8 / 14) and len(spans["pairs"]) == 3
    assert spans["kappa"] is None  # three analysts
    # units (PER, PER, PER), (PER, PER, ORG): o(P,P) = 3 + 1, o(P,O) = o(O,P) = 1; n = 6, n_P = 5, n_O = 1:
    # 1 - 5·2/(2·5·1) = 0
    assert spans["alpha"] == approx(0.0)
    assert (spans["units_matched"], spans["units_single"]) == (2, 1)


def test_report_unitizing_alpha_is_krippendorffs_for_two_analysts():
    ex = book_2004()
    coding = {n: Coding(spans=tuple(Span(s, e, lab) for lab in ("c", "k") for s, e in ex[lab].units[n]))
              for n in ("i", "j")}
    spans = report({1: coding}, {1: "x" * 300})["spans"]
    assert spans["per_label"]["c"]["alpha_u"] == approx(0.7286, abs=5e-5)
    assert spans["per_label"]["k"]["alpha_u"] == 1.0
    assert spans["alpha_u"] == approx(0.8591, abs=1e-3)
    one = report({1: {"a": Coding(spans=(Span(0, 4, "X"),)), "b": Coding()}}, {1: "x" * 10})
    assert one["spans"]["alpha_u"] == approx(-0.84)  # the hand case above
    assert one["quotes"]["alpha_u"] is None


def test_report_documents_with_different_analysts():
    a, b = entity_codings()
    result = report({1: {"a": a, "b": b}, 2: {"b": b, "c": b}}, {1: "x" * 50, 2: "x" * 50})
    assert result["analysts"] == ["a", "b", "c"] and result["documents"] == 2
    # (a, b) on document 1: 1 exact of 4 + 4; (b, c) on document 2: 4 of 4 + 4 -> 2·5/16
    assert result["spans"]["f1_exact"] == approx(10 / 16)
    assert [p["analysts"] for p in result["spans"]["pairs"]] == [["a", "b"], ["b", "c"]]


def test_unitizing_pools_pairs_by_the_text_they_share():
    # (a, b) share document 1 (10 characters): a marks [0, 4), b nothing: D_o = 0.16, D_e = 32/368 (above).
    # (b, c) share document 2 (20 characters), both mark [2, 5): D_o = 0; D_e: two units of 3 (N_c = 2),
    # gaps 2, 15, 2, 15: per unit 1/3 · (54 - 27 + 3) + 9 · 2 · (15 - 2) = 244; 2 · 244 · 2/20 = 48.8, over
    # 40·39 - 2·6 = 1548. Pooled, each pair weighted by its length: 1 - 10·0.16 / (10·32/368 + 20·48.8/1548)
    docs = {1: {"a": Coding(spans=(Span(0, 4, "X"),)), "b": Coding()},
            2: {"b": Coding(spans=(Span(2, 5, "X"),)), "c": Coding(spans=(Span(2, 5, "X"),))}}
    result = report(docs, {1: "x" * 10, 2: "x" * 20})
    assert result["spans"]["alpha_u"] == approx(1 - 1.6 / (10 * 32 / 368 + 20 * 48.8 / 1548))
    assert result["spans"]["per_label"]["X"]["alpha_u"] == result["spans"]["alpha_u"]


def test_empty_inputs_give_empty_values():
    result = report({}, {})
    assert (result["documents"], result["analysts"], result["documents_skipped"]) == (0, [], 0)
    for kind in ("spans", "quotes", "claims"):
        part = result[kind]
        assert part["f1_exact"] is None and part["alpha"] is None and part["kappa"] is None
        assert part["units_single"] == 0 and part["units_matched"] == 0
    assert report({1: {"a": Coding(), "b": Coding()}}, {})["documents"] == 1
    assert units({}, "") == []
    assert "0 document(s)" in format_table(result)


def test_format_table_aligns_columns():
    a, b = entity_codings()
    result = report({1: {"a": a, "b": b}, 2: {"a": a}}, {1: "x" * 50, 2: "x" * 50})
    table = format_table(result)
    lines = table.splitlines()
    assert lines[0].startswith("2 analyst(s) (a, b) on 1 document(s); 1 coded by one analyst only")
    header, rows = lines[1], lines[2:]
    entities = next(r for r in rows if r.startswith("entities"))
    u_alpha = f"{result['spans']['alpha_u']:.3f}"
    assert entities.split()[2:] == ["8", "0.250", "0.500", "0.400", f"{1 - 10 / 18:.3f}", u_alpha, "3", "2", "1"]
    # right-aligned numbers: each column ends where its header ends
    for title in ("F1 exact", "kappa", "single"):
        end = header.index(title) + len(title)
        for row in rows:
            assert row[end - 1] != " ", (title, row)
    assert any(r.strip().startswith("PER") for r in rows) and any("claims strength (ordinal)" in r for r in rows)
