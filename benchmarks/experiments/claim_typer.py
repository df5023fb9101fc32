"""Experiment: does a learned claim typer (and stance reader), trained on our own gold, type suggested claims on
unseen splits better than the rules?

    PYTHONPATH=. python benchmarks/experiments/claim_typer.py [--cache PATH] [--rebuild] [--C C] [--export [PATH]]

Every article of the nine open splits is parsed once and its suggestions made by ``find_claims`` as shipped (the
rules and the learned detector) with the typer switched off; each suggestion's features are
``annotator.nlp.claim_typer.claim_features`` (no names: the rule type and cue family, lemmas and name-free bigrams of
the evidence, root verbs, negation, field classes, the object's entity label and head word, object = the
claimant's own polity). A suggestion's label is the type (stance) of the gold claim ``benchmarks/claims.py``'s
matching pairs it with.

Leave-one-split-out: for each split, a multinomial logistic regression (scikit-learn, ``C``) is fitted on the
matched pairs of the eight others; its override threshold (the typer's type replaces the rule's only when its
probability reaches it) is chosen on those eight alone, from out-of-fold probabilities of an inner
leave-one-split-out (the threshold in 0.0-0.9 with the most right types there). Printed per split and in total,
on that split's matched pairs: the rules' accuracy, the typer's (argmax), and the combination (override at the
threshold); the same for stance. Then the claim-level benchmark (``benchmarks/claims.py``'s ``score``, matching
again after retyping) of each split with the rules' fields vs with the fold's typer applied by
``claim_typer.retyped`` (as ``find_claims`` would apply a shipped one; none ships).

``--export`` fits on all nine splits (thresholds from a leave-one-split-out over them) and writes
``annotator/nlp/data/claim_typer.json`` (deterministic: the same cache gives the same bytes) with the heads named
by ``--export-heads``: stance alone by default, since the type head did not beat the rules out of split (see
``benchmarks/claims/README.md``). The gold claims of the training splits, read on their own evidence
(``gold_features``), are extra training examples with ``--augment`` (it did not help).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.claims import SEALED, SPLITS, Score, load_articles, match, occurrences, score, table, with_total  # noqa: E402

GRID = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def build() -> list[dict]:
    """Per article: its Article, the suggestions (typer off), their features, matched pairs and timings."""
    from annotator.nlp.claim_typer import claim_features, use_typer
    from annotator.nlp.claims import find_claims
    from annotator.nlp.pipeline import load_pipeline, parse
    from annotator.nlp.quotes import find_quotes

    nlp = load_pipeline()
    use_typer(None)
    out = []
    for art in load_articles():
        if art.split in SEALED:  # never read, trained or tuned on
            continue
        doc = parse(nlp, art.text)
        quotes = find_quotes(doc)
        t0 = time.perf_counter()
        preds = find_claims(doc, quotes)
        t1 = time.perf_counter()
        feats = [claim_features(doc, c, quotes) for c in preds]
        t2 = time.perf_counter()
        pairs = match(art, preds)
        out.append({"art": art, "preds": preds, "feats": feats, "pairs": pairs, "find_s": t1 - t0,
                    "feat_s": t2 - t1, "gold_feats": gold_features(doc, art, preds, pairs, quotes)})
        print(f"  {art.split:9} {art.name}: {len(preds)} suggestions", file=sys.stderr)
    return out


def _first(text: str, s: str | None):
    from annotator.domain import Mention

    at = occurrences(text, s) if s else []
    return Mention(*at[0]) if at else None


def gold_features(doc, art, preds, pairs, quotes) -> list[tuple[int, list[str]]]:
    """(gold index, features) of every gold claim read on its own evidence, claimant and object (the first
    occurrence of each), with the rule fields of the suggestion matched to it, if any (training data only)."""
    from annotator.domain import Claim
    from annotator.nlp.claim_typer import claim_features

    by_gold = {gi: preds[pi] for pi, gi in pairs}
    out = []
    for gi, g in enumerate(art.gold):
        ev = tuple(m for m in (_first(art.text, e) for e in g["evidence"]) if m is not None)
        if not ev:
            continue
        p = by_gold.get(gi)
        c = Claim(claim_type=p.claim_type if p else "none", evidence=ev, claimant=_first(art.text, g["claimant"]),
                  target=_first(art.text, g["object"]), stance=p.stance if p else "none",
                  outlet=g["claimant"] is None, cue=p.cue if p else "none", aspect=p.aspect if p else None)
        out.append((gi, claim_features(doc, c, quotes)))
    return out


def samples(rows: list[dict], field: str) -> list[tuple[str, list[str], str, str]]:
    """(split, features, rule value, gold value) of every matched pair."""
    key = {"type": "claim_type", "stance": "stance"}[field]
    return [(r["art"].split, r["feats"][pi], str(getattr(r["preds"][pi], key)), str(r["art"].gold[gi][field]))
            for r in rows for pi, gi in r["pairs"]]


def fit(data, C: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(f, 1) for _, f, _, _ in data])
    y = [g for _, _, _, g in data]
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, y)
    return vec, clf


def proba(model, data) -> tuple[list[str], np.ndarray]:
    vec, clf = model
    return list(clf.classes_), clf.predict_proba(vec.transform([dict.fromkeys(f, 1) for _, f, _, _ in data]))


def combine(classes, P, data, t: float) -> list[str]:
    best = P.argmax(axis=1)
    return [classes[b] if P[i, b] >= t else d[2] for i, (b, d) in enumerate(zip(best, data, strict=True))]


def acc(pred, data) -> int:
    return sum(p == d[3] for p, d in zip(pred, data, strict=True))


def extra(rows: list[dict], field: str) -> list[tuple[str, list[str], str, str]]:
    """(split, features, "", gold value) of every gold claim read on its own evidence (``--augment``)."""
    return [(r["art"].split, f, "", str(r["art"].gold[gi][field])) for r in rows for gi, f in r["gold_feats"]]


def choose_threshold(data, C: float, aug=()) -> float:
    """The override threshold with the most right answers out of fold (inner leave-one-split-out over ``data``)."""
    splits = sorted({d[0] for d in data})
    right = Counter()
    for inner in splits:
        tr = [d for d in data if d[0] != inner] + [d for d in aug if d[0] != inner and d[0] in splits]
        te = [d for d in data if d[0] == inner]
        classes, P = proba(fit(tr, C), te)
        for t in GRID:
            right[t] += acc(combine(classes, P, te, t), te)
    return max(GRID, key=lambda t: (right[t], -t))


def head_json(model, t: float) -> dict:
    vec, clf = model
    classes = list(clf.classes_)
    coef = clf.coef_ if len(classes) > 2 else np.vstack([-clf.coef_[0] / 2, clf.coef_[0] / 2])
    bias = clf.intercept_ if len(classes) > 2 else np.array([-clf.intercept_[0] / 2, clf.intercept_[0] / 2])
    weights = {f: [round(float(coef[k, i]), 5) for k in range(len(classes))] for f, i in sorted(vec.vocabulary_.items())}
    return {"classes": classes, "bias": [round(float(b), 5) for b in bias], "threshold": t, "weights": weights}


def loso(rows, field: str, C: float, augment: bool = False, report: bool = True) -> dict[str, tuple]:
    """Per split: (pairs, rules right, typer right, combined right, threshold, model)."""
    data = samples(rows, field)
    aug = extra(rows, field) if augment else []
    out = {}
    for test in [s for s in SPLITS if s not in SEALED]:
        tr = [d for d in data if d[0] != test]
        te = [d for d in data if d[0] == test]
        aug_tr = [d for d in aug if d[0] != test]
        t = choose_threshold(tr, C, aug_tr)
        model = fit(tr + aug_tr, C)
        classes, P = proba(model, te)
        out[test] = (len(te), acc([d[2] for d in te], te), acc(combine(classes, P, te, 0.0), te),
                     acc(combine(classes, P, te, t), te), t, model)
        if report:
            print(f"  {field} {test}: threshold {t}", file=sys.stderr)
    return out


def print_loso(field: str, res: dict) -> None:
    print(f"\n{field}, leave-one-split-out on matched pairs (rule fields as matched by benchmarks/claims.py):")
    print(f"{'split':<10} {'pairs':>5} | {'rules':>6} | {'typer':>6} | {'combined':>8} | threshold")
    tot = np.zeros(4)
    for s, (n, r, ty, co, t, _m) in res.items():
        tot += (n, r, ty, co)
        print(f"{s:<10} {n:>5} | {r / n:>6.3f} | {ty / n:>6.3f} | {co / n:>8.3f} | {t}")
    n = tot[0]
    print(f"{'all':<10} {int(n):>5} | {tot[1] / n:>6.3f} | {tot[2] / n:>6.3f} | {tot[3] / n:>8.3f} |")


def claim_level(rows, typers: dict) -> tuple[dict, dict]:
    """The benchmark's scores per split: rules' fields vs the fold's typer applied as find_claims applies it."""
    from annotator.nlp.claim_typer import retyped

    before, after = {}, {}
    for r in rows:
        art = r["art"]
        before.setdefault(art.split, Score()).add(score(art, None, False, r["preds"]))
        preds = retyped(r["preds"], r["feats"], typers[art.split]) if typers.get(art.split) else r["preds"]
        after.setdefault(art.split, Score()).add(score(art, None, False, preds))
    return before, after


def print_table(name: str, per: dict) -> None:
    rows = with_total(per, SPLITS, f"all ({sum(sc.gold for sc in per.values())} gold)")
    print(f"\n== {name}")
    print(table(rows))


def to_typer(type_model, t_type: float, stance_model=None, t_stance: float = 1.0):
    from annotator.nlp.claim_typer import Typer, _head

    return Typer(_head(head_json(type_model, t_type)) if type_model is not None else None,
                 _head(head_json(stance_model, t_stance)) if stance_model is not None else None)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", default="/tmp/claim_typer_rows.pkl")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--augment", action="store_true", help="train also on the gold claims read on their evidence")
    ap.add_argument("--export-heads", default="stance",
                    help="heads written by --export, comma-separated: type, stance (default: stance, the one that "
                         "beat the rules out of split)")
    ap.add_argument("--export", nargs="?", const=str(ROOT / "annotator" / "nlp" / "data" / "claim_typer.json"))
    args = ap.parse_args(argv)
    cache = Path(args.cache)
    if cache.exists() and not args.rebuild:
        rows = pickle.loads(cache.read_bytes())
    else:
        rows = build()
        cache.write_bytes(pickle.dumps(rows))
    if args.export:
        out = {"version": "1", "trained_on": [s for s in SPLITS if s not in SEALED],
               "model": f"multinomial logistic regression (scikit-learn, C={args.C:g}) on claim_features; "
                        "threshold: the override probability with the most right answers out of fold "
                        "(leave-one-split-out over the training splits)"}
        for field in [h for h in args.export_heads.split(",") if h]:
            data, aug = samples(rows, field), extra(rows, field) if args.augment else []
            out[field] = head_json(fit(data + aug, args.C), choose_threshold(data, args.C, aug))
            out[field]["n_pairs"] = len(data)
        path = Path(args.export)
        path.write_text(json.dumps(out, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
        return 0
    n_art = len(rows)
    print(f"{n_art} articles, {sum(len(r['preds']) for r in rows)} suggestions, "
          f"{sum(len(r['pairs']) for r in rows)} matched pairs; find_claims "
          f"{1000 * sum(r['find_s'] for r in rows) / n_art:.1f} ms/article, typer features "
          f"{1000 * sum(r['feat_s'] for r in rows) / n_art:.1f} ms/article")
    res_t = loso(rows, "type", args.C, args.augment)
    print_loso("type", res_t)
    res_s = loso(rows, "stance", args.C, args.augment)
    print_loso("stance", res_s)
    configs = {"type and stance heads": (True, True), "type head only": (True, False),
               "stance head only": (False, True)}
    for name, (ty, st) in configs.items():
        typers = {s: to_typer(res_t[s][5] if ty else None, res_t[s][4], res_s[s][5] if st else None, res_s[s][4])
                  for s in SPLITS}
        before, after = claim_level(rows, typers)
        if name == "type and stance heads":
            print_table("rules' fields (shipped suggester, typer off)", before)
        print_table(f"leave-one-split-out typer applied (claim_typer.retyped), {name}", after)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
