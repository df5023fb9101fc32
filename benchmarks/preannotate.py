"""Pre-annotation throughput: words per second for NER + quotes, and the quote finder's share.

Usage: python benchmarks/preannotate.py [--model NAME] [--copies N] [--workers 2]
Runs the seeds (each made unique N times) through annotate_many and prints figures; with --workers, also the
same texts through bare `nlp.pipe` (spaCy's pipeline as it ships, loaded with spacy.load: parse only, one
process), our one-process path, and our worker processes,
each into a database as `annotator preannotate` does (targets, issue 14: one worker ≥ 0.9x bare nlp.pipe;
two workers ≥ 1.8x one).
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
    ap.add_argument("--workers", type=int, default=0, help="also time worker processes (0: skip)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each configuration; the best of each is printed")
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
    if args.workers:
        workers_table(nlp, args.model, texts, words, args.workers, args.repeat)


def workers_table(nlp, model, texts: list[str], words: int, workers: int, repeat: int = 1) -> None:
    """Bare nlp.pipe, then our pre-annotation into a database with one process and with ``workers``; each the
    best of ``repeat`` runs, taken in turn (so that a busy spell weighs on all of them alike)."""
    import resource
    import tempfile

    import spacy

    from annotator.api import Project
    from annotator.domain import Document
    from annotator.nlp.blas import use_numpy_blas
    from annotator.nlp.pipeline import DEFAULT_MODEL
    from annotator.store import Store

    stock = spacy.load(model or DEFAULT_MODEL)  # spaCy's pipeline as it ships: nothing of ours in it
    stock_np = spacy.load(model or DEFAULT_MODEL)  # the same, multiplying through numpy's BLAS as ours does
    use_numpy_blas(stock_np)
    rates: dict = {}
    cpus: dict = {}
    allcpu: dict = {}  # this process and its workers (reaped when the pool shuts down)

    def everything() -> float:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    bare_s = bare_cpu = np_s = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in stock.pipe(texts, batch_size=16):
            pass
        bare_s, bare_cpu = min(bare_s, time.perf_counter() - t0), min(bare_cpu, time.process_time() - c0)
        t0 = time.perf_counter()
        for _ in stock_np.pipe(texts, batch_size=16):
            pass
        np_s = min(np_s, time.perf_counter() - t0)
        # (workers, what is given): the loaded pipeline (beside bare nlp.pipe, which is given it too), then its
        # name, loaded inside the timing, as `annotator preannotate` runs it: by this process alone, or by each worker
        for key in ((1, "loaded"), (1, "name"), (workers, "name")):
            n, given = key
            with tempfile.TemporaryDirectory() as tmp:
                store = Store(f"{tmp}/p.db", backup=False)
                with store.action("setup", undoable=False):
                    ids = [store.add_document(Document(t))[0] for t in texts]
                t0, c0, a0 = time.perf_counter(), time.process_time(), everything()
                Project(store).preannotate(ids, nlp if given == "loaded" else model, workers=n)
                rates[key] = max(rates.get(key, 0.0), words / (time.perf_counter() - t0))
                cpus[key] = min(cpus.get(key, float("inf")), time.process_time() - c0)  # this process only
                allcpu[key] = min(allcpu.get(key, float("inf")), everything() - a0)
                store.close()
    bare = words / bare_s
    one, alone, many = rates[(1, "loaded")], rates[(1, "name")], rates[(workers, "name")]
    print(f"bare nlp.pipe, one process: {bare:,.0f} words/s (spacy.load's pipeline, loaded before)")
    print(f"ours, one process:          {one:,.0f} words/s = {one / bare:.2f}x bare (target ≥ 0.9); "
          f"CPU {cpus[(1, 'loaded')]:.1f} s against {bare_cpu:.1f} s: {bare_cpu / cpus[(1, 'loaded')]:.2f}x")
    print(f"bare nlp.pipe through numpy's BLAS as ours (blas.py): {words / np_s:,.0f} words/s; ours = "
          f"{one / (words / np_s):.2f}x that: what the rules and the writer cost")
    print(f"ours, one process, loading the pipeline as `annotator preannotate` does: {alone:,.0f} words/s")
    print(f"ours, {workers} workers (forked from this one where safe): {many:,.0f} words/s = {many / alone:.2f}x one "
          f"(target ≥ 1.8 on 2 cores); the writing process's own CPU meanwhile: {cpus[(workers, 'name')]:.1f} s "
          f"for {words / many:.1f} s")
    spent, alone_cpu = allcpu[(workers, "name")], allcpu[(1, "name")]
    print(f"CPU of the writer and its {workers} workers together: {spent:.1f} s against {alone_cpu:.1f} s in one "
          f"process: at most {workers * alone_cpu / spent:.2f}x one on {workers} idle cores")


if __name__ == "__main__":
    main()
