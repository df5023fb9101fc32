"""Score the claim suggestions (``annotate(load_pipeline(), text).claims``) against gold claims.

    python benchmarks/claims.py [--model NAME] [--split SPLIT ...] [--verbose]

Without --split every split is scored except the sealed ones (those in ``SEALED``, scored only when named, so
that the development loop cannot peek at them by accident: heldout10 to heldout13 and heldout15, whose files are skipped unopened
by name, ``SEALED_PREFIXES``). heldout2 and heldout3 were opened for development in the fourth round, heldout4 in
the fifth, heldout5 at the start of the sixth, heldout6 at the start of the seventh, heldout7 in session 11,
heldout8 in session 13, heldout9 in session 16, each after its scores were recorded.

Gold: ``benchmarks/claims/*.gold.json`` (text in the ``.txt`` beside it, split in its "split" key) and
``benchmarks/claims/seeds/*.gold.json`` (text at the path in its "text" key, from the repository root; split
"seed"). Each gold claim: {"claimant", "outlet", "evidence": [str, ...], "object", "addressee", "type",
"stance", "strength", "aspect"}; its evidence strings are found in the text (every occurrence counts).
A suggestion matches a gold claim when one of its evidence spans overlaps one of the gold's evidence
occurrences: greedy one to one, same type first. P = matched suggestions / suggestions, R = matched gold /
gold; on matched pairs, claimant (null+outlet vs outlet is right; names right when equal after normalising,
when the last words agree or one contains the other), object (the same, a leading "the" ignored), type and
stance accuracy.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.nlp.pipeline import annotate, load_pipeline  # noqa: E402

GOLD_DIR = ROOT / "benchmarks" / "claims"
SPLITS = ("dev", "dev2", "heldout", "seed", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15")
SEALED: tuple[str, ...] = ("heldout10", "heldout11", "heldout12", "heldout13", "heldout15")  # heldout2/3 opened in round four, heldout4 in five, heldout5 in six, heldout6 in seven, heldout7 in session 11, heldout8 (``z*``) in session 13, heldout9 (``m*``) in session 16, heldout14 (``t*``) in session 17; heldout11 written blind in session 13, heldout12 (``q*``) in session 14, heldout13 (``r*``) in session 15, heldout14 (``t*``) in session 16, heldout15 (``g*``) in session 17
# Gold files of sealed splits, known by their file name (heldout10 ``n*``, heldout11 ``p*``, heldout12 ``q*``, heldout13 ``r*``, heldout15 ``g*``): they are not even
# opened unless a sealed split is named, since the split is only known from inside.
SEALED_PREFIXES: tuple[str, ...] = ("g", "n", "p", "q", "r")


def sealed_file(path: Path) -> bool:
    """Whether ``path`` is a gold file or text of a sealed split (by its name, without opening it)."""
    return path.name.startswith(SEALED_PREFIXES)


def norm(s: str | None) -> str:
    s = re.sub(r"[^\w\s]", " ", (s or "").lower())
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


def names_agree(gold: str | None, pred: str | None) -> bool:
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return g == p
    return g == p or g.split()[-1] == p.split()[-1] or g in p or p in g


def occurrences(text: str, s: str) -> list[tuple[int, int]]:
    out, i = [], text.find(s)
    while s and i != -1:
        out.append((i, i + len(s)))
        i = text.find(s, i + 1)
    return out


@dataclass
class Article:
    name: str
    split: str
    text: str
    gold: list[dict]


@dataclass
class Score:
    gold: int = 0
    suggested: int = 0
    matched: int = 0
    claimant: int = 0
    object: int = 0
    type: int = 0
    stance: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("gold", "suggested", "matched", "claimant", "object", "type", "stance", "seconds"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def row(self, name: str) -> list[str]:
        p = self.matched / self.suggested if self.suggested else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = [getattr(self, k) / self.matched if self.matched else 0.0 for k in ("claimant", "object", "type", "stance")]
        return [name, str(self.gold), str(self.suggested), f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}", *(f"{a:.3f}" for a in acc)]


def load_articles(sealed: bool = False) -> list[Article]:
    """Every gold article; the files of sealed splits (``sealed_file``) are skipped unopened unless ``sealed``."""
    arts = []
    for path in sorted(GOLD_DIR.glob("*.gold.json")):
        if sealed_file(path) and not sealed:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        txt = path.with_name(path.name[: -len(".gold.json")] + ".txt")
        arts.append(Article(path.name, data.get("split", "dev"), txt.read_text(encoding="utf-8"), data["claims"]))
    for path in sorted((GOLD_DIR / "seeds").glob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        arts.append(Article("seeds/" + path.name, "seed", (ROOT / data["text"]).read_text(encoding="utf-8"),
                            data["claims"]))
    return arts


def match(art: Article, preds: list, gold_occ: list[list[tuple[int, int]]] | None = None) -> list[tuple[int, int]]:
    """(suggestion index, gold index) pairs: evidence overlapping a gold occurrence, greedy one to one, same type
    first."""
    if gold_occ is None:
        gold_occ = [[o for e in g["evidence"] for o in occurrences(art.text, e)] for g in art.gold]

    def overlaps(p, gi) -> bool:
        return any(e.start < ge and gs < e.end for e in p.evidence for gs, ge in gold_occ[gi])

    pairs = [(pi, gi) for pi, p in enumerate(preds) for gi in range(len(art.gold)) if overlaps(p, gi)]
    pairs.sort(key=lambda x: (preds[x[0]].claim_type != art.gold[x[1]]["type"], x[0], x[1]))
    used_p, used_g, matches = set(), set(), []
    for pi, gi in pairs:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            matches.append((pi, gi))
    return matches


def score(art: Article, nlp, verbose: bool, preds: list | None = None) -> Score:
    """``art`` scored against the suggestions of ``nlp`` (or against ``preds``, suggestions made elsewhere)."""
    t0 = time.perf_counter()
    if preds is None:
        preds = annotate(nlp, art.text).claims
    sc = Score(gold=len(art.gold), suggested=len(preds), seconds=time.perf_counter() - t0)
    text = art.text
    gold_occ = []
    for g in art.gold:
        occ = [o for e in g["evidence"] for o in occurrences(text, e)]
        if not occ:
            sc.notes.append(f"  ! gold evidence not in text: {g['evidence'][0][:60]!r}")
        gold_occ.append(occ)

    matches = match(art, preds, gold_occ)
    used_p, used_g = {pi for pi, _ in matches}, {gi for _, gi in matches}
    sc.matched = len(matches)
    show = lambda m: m.text_in(text) if m is not None else None  # noqa: E731
    for pi, gi in sorted(matches, key=lambda x: x[1]):
        p, g = preds[pi], art.gold[gi]
        if g["claimant"] is None and g.get("outlet"):
            ok_c = p.outlet or p.claimant is None
        else:
            ok_c = not p.outlet and names_agree(g["claimant"], show(p.claimant))
        ok_o = names_agree(g["object"], show(p.target))
        ok_t, ok_s = p.claim_type == g["type"], p.stance == g["stance"]
        sc.claimant += ok_c
        sc.object += ok_o
        sc.type += ok_t
        sc.stance += ok_s
        if verbose and not (ok_c and ok_o and ok_t and ok_s):
            sc.notes.append(f"  ~ {g['evidence'][0][:70]!r}\n      gold {g['type']}/{g['stance']} "
                            f"claimant={g['claimant']!r} object={g['object']!r}\n      got  {p.claim_type}/"
                            f"{p.stance} claimant={show(p.claimant)!r}{' (outlet)' if p.outlet else ''} "
                            f"object={show(p.target)!r} cue={p.cue}")
    if verbose:
        for gi, g in enumerate(art.gold):
            if gi not in used_g:
                sc.notes.append(f"  - missed {g['type']}/{g['stance']}: {g['evidence'][0][:90]!r}")
        for pi, p in enumerate(preds):
            if pi not in used_p:
                sc.notes.append(f"  + false {p.claim_type}/{p.stance} ({p.cue}): {show(p.evidence[0])[:90]!r}")
    return sc


def with_total(per: dict[str, Score], order: tuple[str, ...] | list[str], label: str,
               name: Callable[[str], str] = str) -> list[list[str]]:
    """The rows of ``per`` (split -> Score) in ``order``, each named ``name(split)``, then one row of their sum
    named ``label``."""
    everything = Score()
    for sc in per.values():
        everything.add(sc)
    return [per[s].row(name(s)) for s in order if s in per] + [everything.row(label)]


def table(rows: list[list[str]]) -> str:
    head = ["split", "n gold", "n suggested", "P", "R", "F1", "claimant", "object", "type", "stance"]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    fmt = lambda r: " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True))  # noqa: E731
    return "\n".join([fmt(head), "-+-".join("-" * w for w in widths), *map(fmt, rows)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None, help="spaCy pipeline to load (default: the project default)")
    ap.add_argument("--split", choices=SPLITS, action="append",
                    help=f"only these splits (repeatable); sealed, scored only when named: {', '.join(SEALED) or 'none'}")
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses, false positives and wrong fields")
    args = ap.parse_args(argv)
    wanted = args.split or [s for s in SPLITS if s not in SEALED]
    arts = [a for a in load_articles(sealed=any(s in SEALED for s in wanted)) if a.split in wanted]
    if not arts:
        print(f"no gold files under {GOLD_DIR} for {args.split or 'any split'}", file=sys.stderr)
        return 1
    nlp = load_pipeline(args.model)
    totals: dict[str, Score] = {}
    for art in arts:
        sc = score(art, nlp, args.verbose)
        if args.verbose:
            print(f"{art.split:8} {art.name}: gold {sc.gold}, suggested {sc.suggested}, matched {sc.matched}")
            for n in sc.notes:
                print(n)
        totals.setdefault(art.split, Score()).add(sc)
    rows = with_total(totals, SPLITS, f"all ({len(arts)})", lambda s: f"{s} ({sum(a.split == s for a in arts)})")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
