"""Two simulated analysts review the seeds (or N copies of them), their databases are merged, and `annotator
agreement` reports how far they agree; with the time merge and agreement take.

    python benchmarks/agreement.py [--copies 1] [--model NAME] [--json]

Each analyst starts from the same pre-annotated file (the lead's) and, with their own random generator,
accepts most suggestions, rejects some, relabels a few, adds a span or two, moves a speaker now and then and
changes a claim's stance, then marks the document done. "Bare" is reading the same annotation rows straight
from SQLite, in the same run.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from click.testing import CliRunner  # noqa: E402

from annotator.api import open_project  # noqa: E402
from annotator.cli import cli  # noqa: E402

LABELS = ["PERSON", "ORG", "GPE", "NORP", "LOC", "DATE"]
STANCES = ["against", "neutral", "favour"]


def prepare(folder: Path, copies: int, model: str | None) -> Path:
    """The lead's pre-annotated database of the seeds (``copies`` times, each copy a new text)."""
    texts = folder / "texts"
    texts.mkdir()
    for n in range(copies):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            body = seed.read_text(encoding="utf-8")
            (texts / f"{n:03}_{seed.name}").write_text(body if n == 0 else f"{body}\n(copy {n})\n", encoding="utf-8")
    lead = folder / "lead.db"
    args = ["import", str(texts), "--db", str(lead), "--analyst", "lead"] + (["--model", model] if model else [])
    result = CliRunner().invoke(cli, args)
    if result.exit_code != 0:
        sys.exit(result.output)
    return lead


def review(path: Path, name: str, seed: int) -> None:
    """One analyst's pass over every document, one action per decision as in the window."""
    rng = random.Random(seed)
    with open_project(path, analyst=name) as p:
        for doc in p.documents():
            for span in p.spans(doc.id):
                roll = rng.random()
                if roll < 0.80:
                    p.accept_spans([span.id])
                elif roll < 0.90:
                    p.delete_spans([span.id])
                else:
                    p.relabel_span(span.id, rng.choice([x for x in LABELS if x != span.label]))
            words = [(i, i + len(w)) for i, w in _words(doc.text) if w[:1].isupper() and len(w) > 3]
            for start, end in rng.sample(words, min(2, len(words))):
                if not any(s.start < end and start < s.end for s in p.spans(doc.id)):
                    p.add_span(doc.id, start, end, rng.choice(LABELS))
            for quote in p.quotes(doc.id):
                if rng.random() < 0.1 and words:
                    p.set_speaker(quote.id, *rng.choice(words))
            for claim in p.claims(doc.id):
                roll = rng.random()
                if roll < 0.75:
                    p.accept_claims([claim.id])
                elif roll < 0.85:
                    p.delete_claim(claim.id)
                else:
                    p.update_claim(claim.id, stance=rng.choice([s for s in STANCES if s != claim.stance]))
            p.set_status(doc.id, "done")


def _words(text: str):
    i = 0
    for w in text.split(" "):
        yield i, w.strip(".,;:“”\"'()\n")
        i += len(w) + 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=1, help="how many times the seeds are coded (new texts each)")
    ap.add_argument("--model", help="pipeline to pre-annotate with (default: the default pipeline)")
    ap.add_argument("--json", action="store_true", help="print the JSON report too")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lead = prepare(folder, args.copies, args.model)
        paths = []
        for n, name in enumerate(("ana", "ben")):
            path = folder / f"{name}.db"
            shutil.copy(lead, path)
            review(path, name, seed=n + 1)
            paths.append(path)
        team = folder / "team.db"
        runner = CliRunner()
        t0 = time.perf_counter()
        merged = runner.invoke(cli, ["merge", *map(str, paths), "-o", str(team)])
        merge_s = time.perf_counter() - t0
        print(merged.output.strip())
        t0 = time.perf_counter()
        table = runner.invoke(cli, ["agreement", str(team)])
        agree_s = time.perf_counter() - t0
        print(table.output)
        if args.json:
            print(runner.invoke(cli, ["agreement", str(team), "--format", "json"]).output)
        t0 = time.perf_counter()
        conn = sqlite3.connect(team)
        rows = sum(len(conn.execute(f"SELECT * FROM {t}").fetchall()) for t in ("spans", "quotes", "claims"))
        conn.close()
        bare_s = time.perf_counter() - t0
        docs = 7 * args.copies
        print(f"{docs} documents, 2 analysts, {rows} annotation rows: merge {merge_s * 1000:.0f} ms, agreement "
              f"{agree_s * 1000:.0f} ms; bare read of the rows {bare_s * 1000:.1f} ms "
              f"(agreement {agree_s / bare_s:.0f}x the bare read)")


if __name__ == "__main__":
    main()
