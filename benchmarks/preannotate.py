"""Pre-annotation throughput: words per second for NER + quotes, and the quote finder's share.

Usage: python benchmarks/preannotate.py [--model NAME] [--copies N]
Runs the seeds (each made unique N times) through annotate_many and prints figures.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from annotator.importer import read_all
from annotator.nlp.pipeline import annotate_many, load_pipeline, parse
from annotator.nlp.quotes import find_quotes

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=None)
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()
    texts = [d.text for d in read_all([ROOT / "seeds"]) if hasattr(d, "text")]
    texts = [f"{t}\n\n(copy {i})" for i in range(args.copies) for t in texts]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    nlp = load_pipeline(args.model)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_spans = n_quotes = 0
    for ann in annotate_many(nlp, texts):
        n_spans += len(ann.spans)
        n_quotes += len(ann.quotes)
    total_s = time.perf_counter() - t0
    docs = [parse(nlp, t) for t in texts[:50]]
    t0 = time.perf_counter()
    for doc in docs:
        find_quotes(doc)
    quote_s = (time.perf_counter() - t0) / len(docs)
    print(f"pipeline {nlp.meta.get('name')}: loaded in {load_s:.2f} s")
    print(f"{len(texts)} documents, {words:,} words in {total_s:.2f} s: {words / total_s:,.0f} words/s, "
          f"{len(texts) / total_s:.1f} docs/s; {n_spans} entities, {n_quotes} quotes")
    print(f"quote finder alone: {quote_s * 1000:.2f} ms per document "
          f"({quote_s * len(texts) / total_s:.1%} of pre-annotation time)")


if __name__ == "__main__":
    main()
