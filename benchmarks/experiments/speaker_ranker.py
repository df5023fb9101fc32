"""Train and evaluate the learned speaker ranker (annotator/nlp/speaker_ranker.py) on the open quote sets.

    python benchmarks/experiments/speaker_ranker.py [--cache DIR] [--l2 X] [--export] [--sets NAME ...] [--no-blind]

Each open set (benchmarks/quotes dev, independent/set1-4, realstyle/dev, heldout, heldout2, heldout4, heldout5,
heldout6; never the SEALED realstyle/heldout3, heldout8 and heldout9) is parsed once (``--cache DIR`` keeps the parses as
DocBin files), the quote finder is run with the rules alone while ``speaker_ranker`` records each quote's
candidates and features, and each gold quote matched as benchmarks/quotes.py matches it gets its target: the
candidates whose text is the gold speaker by ``same_speaker`` ("no speaker" for a gold quote without one;
quotes whose gold speaker is no candidate are left out of training, and count as they are in the evaluation).

Today's rules were tuned on every open set, so their errors there are few and unlike those on a sealed set.
The blind runs (``BLIND``) add the rules as they were at earlier commits (extracted with ``git archive`` into
the cache, today's ``speaker_ranker`` copied in and called at the same place, run in a worker process) on the
realstyle sets written after each commit: text those rules had never seen.

The model is a conditional logit (softmax over one quote's candidates) with an L2 penalty, fitted here with
numpy. Leave-one-set-out: each set is scored by a model fitted on the other sets (a set's blind runs are left
out with it); the decision rule (override when p(best) - p(rules' choice) exceeds the margin, or a wider margin
where the rules' confidence is low) is chosen on the total of the left-out scores of today's rules and the blind
runs, and the tables print, per set and in total, speaker accuracy of the rules alone and of rules + ranker,
then the same in-sample, then the log loss and reliability of the confidence with and without the ranker. The
figures assume that an override does not change later quotes' candidates (a carried speaker); scoring the open
sets with benchmarks/quotes.py and the exported weights is the check in the pipeline itself.

``--export`` fits on everything and writes annotator/nlp/data/speaker_ranker.json (weights, margins, the
left-out figures). Re-export after changing the rules or the features. The confidence of a kept speaker is the
mean of the rules' calibrated confidence and the ranker's probability, so ``benchmarks/quotes.py --calibrate``
still counts the rules' own rates; rerun it when the rules change, then re-export.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if "--worker" in sys.argv:  # a blind run: an older tree of the rules comes first
    sys.path.insert(0, sys.argv[sys.argv.index("--worker") + 1])
for p in (ROOT / "benchmarks", ROOT):
    if str(p) not in sys.path:
        sys.path.append(str(p))

from quotes import SEALED, default_sets, load_gold, pairs, same_speaker  # noqa: E402

from annotator.nlp import speaker_ranker  # noqa: E402
from annotator.nlp.quotes import find_quotes  # noqa: E402

# Blind runs: the rules as they were at a commit, on open sets written after it (text those rules had never
# seen, as a sealed set is for the rules of today). Their errors are the kind the ranker must learn to fix;
# the rules of today are tuned on every open set, so their own errors there are few.
BLIND = {
    "236f686": ("heldout2", "heldout4", "heldout5", "heldout6"),  # heldout2 added (first look 0.774)
    "487e7b1": ("heldout4", "heldout5", "heldout6"),  # heldout4 added
    "371db45": ("heldout5", "heldout6"),  # heldout5's first look (0.780)
    "af7512b": ("heldout6",),  # heldout6's first look (0.884)
    "278ba7b": ("heldout12",),  # heldout12's first look (97a4a09: the rules as at 278ba7b, 0.804)
}

# Today's modules copied into each blind run's tree: the ranker, and the chains its features read.
SHARED = ("speaker_ranker.py",)

EXPORT = ROOT / "annotator" / "nlp" / "data" / "speaker_ranker.json"
MARGINS = [round(0.05 * k, 2) for k in range(0, 19)]
WEAK_BELOW = (0.0, 0.8, 0.85, 0.9)  # rule confidences under which a wider margin may be asked
WEAK_MARGINS = (0.3, 0.5, 0.7, 1.0)


@dataclass
class Row:
    """One matched gold quote: its candidates' features, which are right, the rules' index and final text."""

    feats: list[dict[str, float]]
    texts: list[str | None]
    right: list[bool]
    rule: int
    rules_text: str | None
    gold: str | None
    rules_conf: float
    cache: dict | None = None  # one model's probabilities
    where: tuple[str, int] | None = None  # (article file name, gold quote index): to look an error up

    @property
    def decided(self) -> bool:
        """The rules decided there is no speaker (``speaker_ranker.decided``): never overridden."""
        from annotator.nlp.quotes import DECIDED

        null = self.feats[self.rule]
        if self.rules_text is not None or "null&rule:none" in null:
            return False
        return "null&headline" in null or any(f"null&rule:{r}" in null for r in DECIDED)


def set_name(folder: Path) -> str:
    """As benchmarks/quotes.py names the sets: dev, set1..set4, realstyle-dev, heldout..heldout6."""
    if folder == ROOT / "benchmarks" / "quotes":
        return "dev"
    return "realstyle-dev" if folder.parent.name == "realstyle" and folder.name == "dev" else folder.name


def docs_of(folder: Path, cache: Path | None, nlp_holder: list):
    from spacy.tokens import DocBin

    files = pairs(folder)
    path = cache / f"{set_name(folder)}.spacy" if cache else None
    if path is not None and path.exists():
        from annotator.nlp import pipeline

        if not nlp_holder:
            nlp_holder.append(pipeline.load_pipeline(None))
        docs = list(DocBin().from_disk(path).get_docs(nlp_holder[0].vocab))
        if len(docs) == len(files):
            return files, docs
    from annotator.nlp import pipeline

    if not nlp_holder:
        nlp_holder.append(pipeline.load_pipeline(None))
    docs = [nlp_holder[0](f.read_text(encoding="utf-8")) for f in files]
    if path is not None:
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        path.parent.mkdir(parents=True, exist_ok=True)
        db.to_disk(path)
    return files, docs


def match(golds, preds) -> dict[int, int]:
    """benchmarks/quotes.py's one-to-one greedy matching: gold index -> prediction index."""
    found = []
    for gi, g in enumerate(golds):
        for pi, (s, e) in enumerate(preds):
            ov = min(g.end, e) - max(g.start, s)
            if ov > 0 and ov / (g.end - g.start) >= 0.5:
                found.append((ov, gi, pi))
    found.sort(reverse=True)
    g_of: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in found:
        if gi not in g_of and pi not in used:
            g_of[gi] = pi
            used.add(pi)
    return g_of


def collect(folder: Path, cache: Path | None, nlp_holder: list) -> tuple[list[Row], float]:
    assert folder.name not in SEALED
    rows: list[Row] = []
    files, docs = docs_of(folder, cache, nlp_holder)
    seconds = 0.0
    for f, doc in zip(files, docs, strict=True):
        text, golds = load_gold(f)
        rec: list = []
        speaker_ranker.use_ranker(None, record=rec)
        t0 = time.perf_counter()
        quotes = find_quotes(doc)
        seconds += time.perf_counter() - t0
        speaker_ranker.reset_ranker()
        by_i = dict(rec)
        kept = [(k, q) for k, q in enumerate(quotes) if q.kind == "quote"]
        g_of = match(golds, [(q.start, q.end) for _, q in kept])
        for gi, pi in g_of.items():
            k, q = kept[pi]
            cands = by_i.get(k)
            rules_text = q.speaker.text_in(text) if q.speaker else None
            if not cands:
                continue
            g = golds[gi].speaker
            texts = [doc[c.span[0] : c.span[1]].text if c.span else None for c in cands]
            right = [same_speaker(g, t) if g else t is None for t in texts]
            rule = next(j for j, c in enumerate(cands) if c.rule)
            rows.append(Row([c.feats for c in cands], texts, right, rule, rules_text, g, q.confidence, where=(f.name, gi)))
    return rows, seconds


class Model:
    def __init__(self, names: list[str], w: np.ndarray) -> None:
        self.names, self.w = names, w
        self.index = {n: k for k, n in enumerate(names)}

    def probs(self, row: Row) -> np.ndarray:
        z = np.array([sum(self.w[self.index[f]] * v for f, v in fs.items() if f in self.index) for fs in row.feats])
        z -= z.max()
        e = np.exp(z)
        return e / e.sum()

    def weights(self) -> dict[str, float]:
        return {n: round(float(x), 5) for n, x in zip(self.names, self.w, strict=True) if abs(x) > 1e-6}


def fit(rows: list[Row], l2: float, iters: int = 400) -> Model:
    """Conditional logit, -log sum of the right candidates' probabilities + l2/2 |w|^2, by L-BFGS-free
    full-batch gradient descent with Adam steps (deterministic)."""
    train = [r for r in rows if any(r.right)]
    names = sorted({f for r in train for fs in r.feats for f in fs})
    index = {n: k for k, n in enumerate(names)}
    xs, grp, pos = [], [], []
    for qi, r in enumerate(train):
        for fs, ok in zip(r.feats, r.right, strict=True):
            v = np.zeros(len(names))
            for f, x in fs.items():
                v[index[f]] = x
            xs.append(v)
            grp.append(qi)
            pos.append(ok)
    X = np.array(xs)
    g = np.array(grp)
    y = np.array(pos, dtype=float)
    n = len(train)
    w = np.zeros(len(names))
    m1, m2 = np.zeros_like(w), np.zeros_like(w)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, iters + 1):
        z = X @ w
        zmax = np.full(n, -np.inf)
        np.maximum.at(zmax, g, z)
        e = np.exp(z - zmax[g])
        tot = np.bincount(g, weights=e, minlength=n)
        good = np.bincount(g, weights=e * y, minlength=n)
        p = e / tot[g]
        q = e * y / good[g]
        grad = X.T @ (p - q) / n + l2 * w
        m1 = b1 * m1 + (1 - b1) * grad
        m2 = b2 * m2 + (1 - b2) * grad * grad
        w -= lr * (m1 / (1 - b1**t)) / (np.sqrt(m2 / (1 - b2**t)) + 1e-8)
    return Model(names, w)


@dataclass(frozen=True)
class Margins:
    """The decision rule: override when p(best) - p(rules' choice) > margin, or > weak_margin where the rules'
    speaker has a confidence under weak_below."""

    margin: float
    weak_below: float = 0.0
    weak_margin: float = 1.0

    def of(self, row: Row) -> float:
        conf = row.feats[row.rule].get("rule_conf")
        if row.rules_text is not None and conf is not None and conf < self.weak_below:
            return self.weak_margin
        return self.margin

    def __str__(self) -> str:
        return f"margin {self.margin:.2f}, {self.weak_margin:.2f} under rule confidence {self.weak_below:.2f}"


def decide(model: Model, row: Row, margins: Margins) -> tuple[str | None, float, bool]:
    """(speaker text, its confidence, overridden) as the pipeline's ``reranked`` and ``Attr.confidence`` decide:
    an override has the ranker's probability, a kept speaker the mean of it and the rules' confidence."""
    p = row.cache.get(id(model)) if row.cache is not None else None
    if p is None:
        p = model.probs(row)
        row.cache = {**(row.cache or {}), id(model): p}
    best = int(np.argmax(p))
    if best != row.rule and p[best] - p[row.rule] > margins.of(row) and not row.decided:
        return row.texts[best], float(p[best]), True
    if row.rules_text is None:
        return None, row.rules_conf, False
    return row.rules_text, (row.rules_conf + float(p[row.rule])) / 2, False


def accuracy(rows: list[Row], model: Model | None, margin: Margins) -> tuple[int, int, int, int]:
    """(right with the rules, right with rules + ranker, quotes with a gold speaker, overrides)."""
    base = ours = total = overrides = 0
    for r in rows:
        if not r.gold:
            continue
        total += 1
        if r.cache is None or "rules" not in r.cache:
            r.cache = {**(r.cache or {}), "rules": same_speaker(r.gold, r.rules_text)}
        base += r.cache["rules"]
        if model is None:
            continue
        _, _, over = decide(model, r, margin)
        overrides += over
        ours += r.right[int(np.argmax(r.cache[id(model)]))] if over else r.cache["rules"]
    return base, ours, total, overrides


def log_loss(pairs_: list[tuple[float, bool]]) -> float:
    return -sum(math.log(min(max(c if ok else 1 - c, 1e-4), 1)) for c, ok in pairs_) / max(len(pairs_), 1)


def blind_rows(cache: Path, commit: str, sets: tuple[str, ...]) -> dict[str, list[Row]]:
    """The rows of ``sets`` as the rules of ``commit`` attributed them: that tree (``git archive``) with today's
    ``speaker_ranker`` recording its candidates, run in a worker process; kept in ``cache`` per ranker source."""
    import hashlib
    import pickle
    import shutil
    import subprocess

    nlp_dir = ROOT / "annotator" / "nlp"
    srcs = [nlp_dir / name for name in SHARED if (nlp_dir / name).exists()]
    digest = hashlib.sha1(b"".join(p.read_bytes() for p in srcs)).hexdigest()[:10]
    out = cache / f"blind_{commit}_{digest}.pkl"
    if not out.exists():
        tree = cache / f"old_{commit}"
        if not (tree / "annotator").exists():
            tree.mkdir(parents=True, exist_ok=True)
            archive = subprocess.run(["git", "archive", commit, "annotator"], cwd=ROOT, capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
            qp = tree / "annotator" / "nlp" / "quotes.py"
            lines = qp.read_text(encoding="utf-8").split("\n")
            if not any(line.strip() == "a = reranked(art, i, a)" for line in lines):  # a tree with no ranker yet
                k = next(j for j, line in enumerate(lines) if line.strip() == "art.results[i] = a")
                pad = lines[k][: len(lines[k]) - len(lines[k].lstrip())]
                lines[k:k] = [pad + "from annotator.nlp.speaker_ranker import reranked", pad + "a = reranked(art, i, a)"]
                qp.write_text("\n".join(lines), encoding="utf-8")
        for name in SHARED:  # today's ranker and what it reads, over the old tree's
            if (nlp_dir / name).exists():
                shutil.copy(nlp_dir / name, tree / "annotator" / "nlp" / name)
        subprocess.run([sys.executable, __file__, "--worker", str(tree), "--out", str(out), "--cache",
                        str(cache / f"parsed_{commit}"), "--sets", *sets], check=True, cwd=ROOT)  # fmt: skip
    with out.open("rb") as fh:
        data = pickle.load(fh)
    for rows in data.values():
        for r in rows:
            r.right = [same_speaker(r.gold, t) if r.gold else t is None for t in r.texts]
    return data


def loso_table(label: str, data: dict[str, list[Row]], model_of, margin: Margins) -> dict:
    print(f"{label}: speaker accuracy, rules alone vs rules + ranker ({margin})")
    print(f"{'set':<18} {'quotes':>6} {'rules':>7} {'+ranker':>8} {'overrides':>9}")
    tb = to = tt = tv = 0
    per = {}
    for name, rows in data.items():
        b, o, t, v = accuracy(rows, model_of(name), margin)
        if not t:
            continue
        tb, to, tt, tv = tb + b, to + o, tt + t, tv + v
        print(f"{name:<18} {t:>6} {b / t:>7.3f} {o / t:>8.3f} {v:>9}")
        per[name] = {"quotes": t, "rules": round(b / t, 3), "ranker": round(o / t, 3), "overrides": v}
    print(f"{'total':<18} {tt:>6} {tb / tt:>7.3f} {to / tt:>8.3f} {tv:>9}\n")
    per["total"] = {"quotes": tt, "rules": round(tb / tt, 3), "ranker": round(to / tt, 3), "overrides": tv}
    return per


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=None, help="folder for the parsed sets and the blind runs")
    ap.add_argument("--l2", type=float, default=0.001, help="L2 penalty")
    ap.add_argument("--export", action="store_true", help=f"fit on every open set and write {EXPORT.relative_to(ROOT)}")
    ap.add_argument("--sets", nargs="*", help="only these set names (dev, set1, ..., heldout6)")
    ap.add_argument("--no-blind", action="store_true", help="train on today's rules only (no older trees)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    folders = [f for f in default_sets() if f.name not in SEALED]
    if args.sets:
        folders = [f for f in folders if set_name(f) in args.sets]
    nlp_holder: list = []
    data: dict[str, list[Row]] = {}
    seconds = 0.0
    for folder in folders:
        rows, secs = collect(folder, args.cache, nlp_holder)
        data[set_name(folder)] = rows
        seconds += secs
    if args.worker:
        import pickle

        with args.out.open("wb") as fh:
            pickle.dump(data, fh)
        return 0
    n_art = sum(len(pairs(f)) for f in folders)
    print(
        f"find_quotes with candidate features recorded: {1000 * seconds / n_art:.1f} ms per article ({n_art} articles)"
    )
    blind: dict[str, list[Row]] = {}
    if not args.no_blind:
        import tempfile

        cache = args.cache or Path(tempfile.mkdtemp(prefix="speaker_ranker_"))
        for commit, sets in BLIND.items():
            sets = tuple(x for x in sets if x in data)
            if sets:
                for name, rows in blind_rows(cache, commit, sets).items():
                    blind[f"{name}@{commit}"] = rows
    for label, d in (("today's rules", data), ("blind runs", blind)):
        n = sum(len(r) for r in d.values())
        if n:
            print(
                f"{label}: {n} matched quotes, {sum(any(r.right) for rs in d.values() for r in rs)} with a right "
                f"candidate, {sum(len(r.feats) for rs in d.values() for r in rs) / n:.1f} candidates each"
            )

    def of_set(name: str) -> str:
        return name.split("@")[0]

    everything = {**data, **blind}
    left_out: dict[str, Model] = {}
    for name in data:
        left_out[name] = fit([r for other, rs in everything.items() if of_set(other) != name for r in rs], args.l2)

    def right(ms: Margins, d: dict[str, list[Row]]) -> int:
        return sum(accuracy(rows, left_out[of_set(name)], ms)[1] for name, rows in d.items())

    grid = [Margins(m, below, weak) for m in MARGINS for below in WEAK_BELOW
            for weak in (WEAK_MARGINS if below else (1.0,))]  # fmt: skip
    by_margins = {ms: right(ms, everything) for ms in grid}
    margins = max(grid, key=lambda ms: (by_margins[ms], ms.margin, ms.weak_margin, -ms.weak_below))
    print("left-out right quotes (today's rules + blind runs), one margin: "
          + ", ".join(f"{m:.2f}: {by_margins[Margins(m)]}" for m in MARGINS[::2]))  # fmt: skip
    for label, d in (("today's rules", data), ("blind runs", blind)):
        print(f"  {label}: " + ", ".join(f"{m:.2f}: {right(Margins(m), d)}" for m in MARGINS[::2]))
    print(f"chosen on the left-out total: {margins} ({by_margins[margins]} right)")
    # nested: each set scored with the decision rule chosen on the other sets' left-out scores
    nested = {"today": [0, 0], "blind": [0, 0]}
    for name in data:
        mine = {k: v for k, v in everything.items() if of_set(k) == name}
        rest = {k: v for k, v in everything.items() if of_set(k) != name}
        ms = max(grid, key=lambda m: (right(m, rest), m.margin, m.weak_margin, -m.weak_below))
        for k, rows in mine.items():
            b, o, _, _ = accuracy(rows, left_out[name], ms)
            got = nested["blind" if "@" in k else "today"]
            got[0], got[1] = got[0] + b, got[1] + o
    print("nested (the decision rule chosen without the scored set): right quotes, rules -> rules + ranker: "
          + "; ".join(f"{k} {b} -> {o}" for k, (b, o) in nested.items()) + "\n")  # fmt: skip
    full = fit([r for rs in everything.values() for r in rs], args.l2)
    table = {
        "leave-one-set-out": loso_table(
            "leave-one-set-out, today's rules", data, lambda n: left_out[of_set(n)], margins
        ),
        "leave-one-set-out blind": loso_table(
            "leave-one-set-out, blind runs (older rules on sets written after them)",
            blind,
            lambda n: left_out[of_set(n)],
            margins,
        ),
        "in-sample": loso_table("in-sample, today's rules", data, lambda n: full, margins),
        "in-sample blind": loso_table("in-sample, blind runs", blind, lambda n: full, margins),
    }
    # confidence: the left-out probability of the chosen candidate against the rules' calibrated confidence
    for label, d in (("today's rules", data), ("blind runs", blind)):
        rule_conf, rank_conf = [], []
        for name, rows in d.items():
            for r in rows:
                text, p, over = decide(left_out[of_set(name)], r, margins)
                ok = same_speaker(r.gold, text) if r.gold else text is None
                rank_conf.append((p, ok))
                rule_conf.append((r.rules_conf, same_speaker(r.gold, r.rules_text) if r.gold else r.rules_text is None))
        if not rank_conf:
            continue
        print(
            f"{label}: log-loss of the confidence with the left-out ranker {log_loss(rank_conf):.3f}; "
            f"of the rules' own confidence {log_loss(rule_conf):.3f}"
        )
        bins = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)
        for lab, got in (("with ranker", rank_conf), ("rules alone", rule_conf)):
            cells = []
            for lo, hi in zip(bins, bins[1:], strict=False):
                inb = [(c, ok) for c, ok in got if lo <= c < hi]
                if inb:
                    cells.append(f"[{lo:.2f},{min(hi, 1):.2f}) {len(inb)} / {sum(c for c, _ in inb) / len(inb):.2f} / "
                                 f"{sum(ok for _, ok in inb) / len(inb):.2f}")  # fmt: skip
            print(f"  {lab}: " + "; ".join(cells))
    if args.export:
        EXPORT.write_text(json.dumps({
            "about": "Speaker ranker (annotator/nlp/speaker_ranker.py): conditional-logit weights over candidate "
                     "features, fitted on the open quote sets (today's rules and the blind runs of older rules) by "
                     "benchmarks/experiments/speaker_ranker.py --export; the rules' choice is replaced when "
                     "p(best) - p(rules' choice) > margin, or > weak_margin for a rules' speaker of confidence under "
                     "weak_below (chosen on leave-one-set-out).",
            "version": time.strftime("%Y-%m-%d"),
            "l2": args.l2,
            "margin": margins.margin,
            "weak_below": margins.weak_below,
            "weak_margin": margins.weak_margin,
            "sets": list(data),
            "blind": {k: list(v) for k, v in BLIND.items()},
            "figures": table,
            "nested": {k: {"rules": b, "ranker": o} for k, (b, o) in nested.items()},
            "weights": full.weights(),
        }, indent=1, sort_keys=False) + "\n", encoding="utf-8")  # fmt: skip
        print(f"wrote {EXPORT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
