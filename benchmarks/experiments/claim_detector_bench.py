"""Claim-level scores (``benchmarks/claims.py``'s matching) of the suggester with and without the learned detector.

    PYTHONPATH=. python benchmarks/experiments/claim_detector_bench.py --folds DIR

Three configurations per open-split article, from one parse: ``rules`` (no detector), ``shipped`` (the detector
in ``annotator/nlp/data/claim_detector.json``, trained on the first eight open splits, so in-sample there) and ``loso``
(the detector in ``DIR/<split>.json``, trained on the other open splits, as
``claim_detector.py --export-folds DIR`` writes them: every article scored by a detector that never saw it).
All nine open splits are scored (heldout6 was opened in round seven).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.claims import SPLITS, Article, Score, score, table, with_total  # noqa: E402
from benchmarks.experiments.claim_detector import load_open_articles  # noqa: E402

OPEN = list(SPLITS)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", required=True, help="directory of <split>.json detectors (leave-one-split-out)")
    args = ap.parse_args(argv)
    from annotator.nlp.claim_detector import load_detector, read_detector, reset_detector, use_detector
    from annotator.nlp.claims import find_claims
    from annotator.nlp.pipeline import load_pipeline, parse
    from annotator.nlp.quotes import find_quotes

    arts = [Article(n, s, t, g) for n, s, t, g in load_open_articles()]
    assert all(a.split in OPEN for a in arts)
    folds = {s: read_detector(Path(args.folds) / f"{s}.json") for s in {a.split for a in arts}}  # never a sealed one
    reset_detector()
    shipped = load_detector()
    nlp = load_pipeline()
    totals = {k: {} for k in ("rules", "shipped", "loso")}
    added = {k: 0 for k in totals}
    for art in arts:
        doc = parse(nlp, art.text)
        quotes = find_quotes(doc)
        for k, det in (("rules", None), ("shipped", shipped), ("loso", folds[art.split])):
            use_detector(det)
            preds = find_claims(doc, quotes)
            added[k] += sum(c.cue == "detector" for c in preds)
            totals[k].setdefault(art.split, Score()).add(score(art, nlp, False, preds))
        print(f"  {art.name}", file=sys.stderr)
    reset_detector()
    out = {}
    for k, per in totals.items():
        rows = with_total(per, OPEN, f"all ({len(arts)})")
        print(f"\n== {k} (detector claims: {added[k]})")
        print(table(rows))
        out[k] = rows
    print(json.dumps({k: v[-1] for k, v in out.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
