"""How fast each export format writes a large database, next to a raw SQLite read of the same rows, and how long
near-duplicate clustering takes.

Usage: python benchmarks/export.py [--docs 20000] [--spans 40] [--words 250] [--formats jsonl,csv,...]

Builds a database of --docs invented articles (random syllable words, 5% of them planted near-copies of
another with two words changed) with --spans spans each, then in the same run: a raw read (sqlite3, the
documents and all their spans, every row fetched, nothing built), each format through `annotator export`
into a file, and `annotator dupes`. Prints documents per second and the ratio to the raw read (target:
≥ 0.5 for jsonl and csv), in wall time and in CPU time (the figure that holds when other work shares the
cores), each the best of --repeat runs for the raw read and for every format alike.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from annotator.cli import cli
from annotator.store import Store

SYLLABLES = ["ka", "lo", "mi", "ren", "tus", "va", "dor", "pel", "qui", "sto", "bra", "nel", "fo", "gri", "an", "ve"]
LABELS = ["PERSON", "ORG", "GPE", "DATE", "NORP", "LOC"]


def build(path: Path, docs: int, spans: int, words: int, seed: int = 1) -> None:
    """The benchmark database, written in bulk (the schema from Store, the rows straight in)."""
    Store(path).close()
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    now = "2026-12-01T09:00:00.000+00:00"
    texts: list[str] = []
    with conn:
        for i in range(1, docs + 1):
            if texts and rng.random() < 0.05:
                ws = rng.choice(texts).split()
                for j in rng.sample(range(len(ws)), 2):
                    ws[j] = "zq" + str(j)
            else:
                ws = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))) for _ in range(words)]
            text = " ".join(ws) + ".\n"
            if len(texts) < 2000:
                texts.append(text)
            conn.execute(
                "INSERT INTO documents (id, hash, text, meta, source, title, status, words, created_at, updated_at,"
                " pre_pipeline, pre_version, pre_rules, pre_at, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'')",
                [i, f"h{i}", text, f'{{"source": "wire/{i:05}.txt"}}', f"wire/{i:05}.txt", ws[0], "new", len(ws),
                 now, now, "bench", "1.0", "quotes@0.1.0", now],
            )
            starts = [0]
            for w in ws[:-1]:
                starts.append(starts[-1] + len(w) + 1)
            picks = sorted(rng.sample(range(len(ws)), min(spans, len(ws))))
            conn.executemany(
                'INSERT INTO spans (doc_id, start, "end", label, origin, state, analyst, created_at, modified_at)'
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [(i, starts[k], starts[k] + len(ws[k]), rng.choice(LABELS), "model:bench@1.0", "suggested", "bench",
                  now, now) for k in picks],
            )
    conn.close()


def raw_read(path: Path) -> tuple[float, float, int]:
    """Every document and span row fetched through sqlite3, in the order the export reads them: (wall seconds,
    CPU seconds, documents)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    started, cpu = time.perf_counter(), time.process_time()
    n = sum(1 for _ in conn.execute("SELECT * FROM documents ORDER BY id"))
    for table in ("spans", "quotes"):
        for _ in conn.execute(f'SELECT * FROM {table} ORDER BY doc_id, start, "end", id'):
            pass
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    conn.close()
    return elapsed, cpu, n


def timed(*args: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``annotator`` command run in this process."""
    started, cpu = time.perf_counter(), time.process_time()
    try:
        cli.main(list(args), prog_name="annotator", standalone_mode=False)
    except SystemExit as exc:
        if exc.code:
            raise
    return time.perf_counter() - started, time.process_time() - cpu


def best(runs: list[tuple[float, ...]]) -> tuple[float, ...]:
    """The fastest of each figure over the runs (timeit's rule: the slower runs measured other work too)."""
    return tuple(min(column) for column in zip(*runs, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--spans", type=int, default=40)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--formats", default="jsonl,csv,doccano,prodigy,conll,spacy")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the raw read and of each format (the best "
                        "of each is printed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        started = time.perf_counter()
        build(db, args.docs, args.spans, args.words)
        print(f"built {args.docs:,} documents × {args.spans} spans ({args.words} words each) in "
              f"{time.perf_counter() - started:.1f} s")
        reads = [raw_read(db) for _ in range(args.repeat)]
        n = reads[0][2]
        raw, raw_cpu = best([r[:2] for r in reads])
        print(f"{'raw SQLite read':<16} {raw:7.2f} s  {n / raw:10,.0f} docs/s  (CPU {raw_cpu:.2f} s; best of "
              f"{args.repeat}, as every line below)")
        for fmt in args.formats.split(","):
            out = Path(tmp) / f"out.{fmt}"
            seconds, cpu = best([timed("export", "--db", str(db), "--format", fmt, "-o", str(out))
                                 for _ in range(args.repeat)])
            rate = args.docs / seconds
            print(f"{fmt:<16} {seconds:7.2f} s  {rate:10,.0f} docs/s  {raw / seconds:5.2f}× raw  "
                  f"(CPU {cpu:.2f} s, {raw_cpu / cpu:4.2f}× raw)  {out.stat().st_size / 2**20:7.1f} MB")
        with contextlib.redirect_stdout(io.StringIO()):  # the clusters it lists
            seconds, _ = timed("dupes", "--db", str(db), "--analyst", "bench")
        print(f"{'dupes':<16} {seconds:7.2f} s  for {args.docs:,} documents (MinHash LSH + exact Jaccard, stored)")


if __name__ == "__main__":
    main()
