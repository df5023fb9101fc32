"""Where the claim suggester loses recall and type on text it was not fitted on: every gold claim of the open
splits sorted into a loss stage and a class, with the detector of each split's own fold (fitted on the others).

    PYTHONPATH=. python benchmarks/experiments/claim_misses.py --folds DIR [--list STAGE]

``DIR/<split>.json`` are the leave-one-split-out detectors ``claim_detector.py --export-folds DIR`` writes.
Stages, for each gold claim (``benchmarks/claims.py``'s matching on the suggestions as shipped, the fold's
detector in place of the shipped one):

* ``matched`` (type right) and ``wrong type`` (matched, the gold type and the one given counted as a pair);
* ``taken``: a suggestion covers its evidence but was matched to another gold claim there (two claims, one span);
* ``below confidence``: only a rule claim under ``find_claims``'s ``MIN_CONFIDENCE`` covers it;
* ``gated``: the fold's detector scores its sentence at or above its threshold, but no claim came of it (the
  detector's gate: no field word and no polity named by a political actor or the outlet);
* ``no candidate``: no rule claim at any confidence and the detector under its threshold.

It prints the leave-one-split-out scores per split (``benchmarks/claims.py``'s table), the gold claims by stage
and class, the wrong types (gold -> given, rule or detector), the matched suggestions' type accuracy by cue, and
the types of the "taken" pairs.

Classes read the gold claim and its first sentence, never an article's words: the outlet's voice (gold claimant
null), a direct quote (its evidence inside a quote), a fragment quote (a quote mark inside the evidence, the
evidence larger than the quote), reported speech (a reporting verb in the sentence), a Q&A line, a first-person
line, else an unattributed actor's position; with whether the sentence has a field word and a polity.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.claims import SEALED, Article, Score, load_articles, match, occurrences, score, table  # noqa: E402

FIRST = frozenset({"i", "we", "our", "us", "my", "me", "ours"})


def gold_class(art: Article, g: dict, doc, quotes, sent) -> str:
    from annotator.nlp.claim_voice import line_speaker, reportings

    ev = g["evidence"][0]
    at = art.text.find(ev)
    if g["claimant"] is None and g.get("outlet"):
        return "outlet voice"
    inside = any(q.start <= at and at + len(ev) <= q.end for q in quotes if q.kind == "quote")
    marks = any(m in ev for m in "\u201c\u201d\"")
    if inside:
        kind = "direct quote"
    elif marks:
        kind = "fragment quote"
    elif sent is not None and line_speaker(sent) is not None:
        kind = "Q&A line"
    elif sent is not None and reportings(sent):
        kind = "reported speech"
    else:
        kind = "unattributed position"
    words = {w.strip(".,;:!?\u201c\u201d\"'").lower() for w in ev.split()}
    if words & FIRST and kind != "reported speech":
        kind += ", first person"
    return kind


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", required=True)
    ap.add_argument("--list", default="", help="print the evidence of the gold claims at these stages (comma-separated)")
    args = ap.parse_args(argv)
    from annotator.nlp.claim_detector import probability, read_detector, reset_detector, unit_features, use_detector
    from annotator.nlp.claim_field import field_of
    from annotator.nlp.claims import find_claims
    from annotator.nlp.once import sentences
    from annotator.nlp.pipeline import load_pipeline, parse
    from annotator.nlp.quotes import find_quotes

    arts = [a for a in load_articles() if a.split not in SEALED]
    folds = {s: read_detector(Path(args.folds) / f"{s}.json") for s in {a.split for a in arts}}
    nlp = load_pipeline()
    stages: Counter = Counter()
    classes: dict[str, Counter] = {}
    wrong: Counter = Counter()
    taken: Counter = Counter()  # (gold type, the covering suggestion's type)
    by_cue: dict[str, Counter] = {}  # a matched suggestion's cue: type right or wrong
    per_split: dict[str, Score] = {}
    listed = []
    for art in arts:
        doc = parse(nlp, art.text)
        quotes = find_quotes(doc)
        det = folds[art.split]
        use_detector(det)
        preds = find_claims(doc, quotes)
        use_detector(None)
        low = find_claims(doc, quotes, min_confidence=0.0)
        per_split.setdefault(art.split, Score()).add(score(art, nlp, False, preds))
        pairs = dict((gi, pi) for pi, gi in match(art, preds))
        sents = list(sentences(doc))
        for gi, g in enumerate(art.gold):
            occ = [o for e in g["evidence"] for o in occurrences(art.text, e)]
            if not occ:
                continue
            a0, a1 = occ[0]
            sent = next((s for s in sents if s.start_char < a1 and a0 < s.end_char), None)

            def covers(c, occ=occ):
                return any(e.start < b and a < e.end for e in c.evidence for a, b in occ)

            if gi in pairs:
                p = preds[pairs[gi]]
                stage = "matched" if p.claim_type == g["type"] else "wrong type"
                by_cue.setdefault(p.cue, Counter())[stage] += 1
                if stage == "wrong type":
                    wrong[(g["type"], p.claim_type, "detector" if p.cue == "detector" else "rule")] += 1
            elif any(covers(c) for c in preds):
                stage = "taken"
                other = next(c for c in preds if covers(c))
                taken[(g["type"], other.claim_type)] += 1
            elif any(covers(c) for c in low):
                stage = "below confidence"
            else:
                probs = []
                for s in sents:
                    if any(s.start_char < b and a < s.end_char for a, b in occ):
                        toks, feats = unit_features(s, quotes)
                        probs.append((probability(det, toks, feats), s))
                hi = max(probs, key=lambda x: x[0]) if probs else (0.0, None)
                stage = "gated" if hi[0] >= det.threshold else "no candidate"
            kind = gold_class(art, g, doc, quotes, sent)
            if sent is not None:
                f = field_of(sent, False)
                kind += " | field" if (f.classes or f.predicate or f.peoples_right) else " | no field word"
            stages[stage] += 1
            classes.setdefault(stage, Counter())[kind] += 1
            if stage in args.list.split(","):
                listed.append(f"  {stage} [{art.split}] {g['type']}/{g['stance']} {kind}: {g['evidence'][0][:110]!r}")
        print(f"  {art.name}", file=sys.stderr)
    reset_detector()
    rows = [per_split[s].row(s) for s in per_split]
    total = Score()
    for s in per_split.values():
        total.add(s)
    rows.append(total.row(f"all ({len(arts)})"))
    print("leave-one-split-out (each split with the detector fitted on the others):")
    print(table(rows))
    print("\ngold claims by stage:")
    for k, v in stages.most_common():
        print(f"  {v:>4}  {k}")
        for c, n in classes[k].most_common():
            print(f"        {n:>4}  {c}")
    print("\nwrong type (gold -> given, source):")
    for (gt, pt, src), n in wrong.most_common():
        print(f"  {n:>4}  {gt} -> {pt} ({src})")
    print("\ntype of matched suggestions by cue (right / matched):")
    for cue, n in sorted(by_cue.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {n['matched']:>4} / {sum(n.values()):<4} {cue}")
    print("\ntaken (gold type, type of the suggestion covering it):")
    for (gt, pt), n in taken.most_common():
        print(f"  {n:>4}  {gt} beside {pt}")
    if listed:
        print(f"\n{args.list}:")
        print("\n".join(listed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
