"""The command line at scale: import, stats and export of many documents, each beside its bare twin.

Usage: python benchmarks/scale.py [--docs 10000,100000] [--spans 20] [--words 60]

For each size, in separate processes (so peak memory is each one's own):
- import:  `annotator import FILE.jsonl --no-preannotate` vs a raw `executemany` of the same rows into a table
  with the same unique hash index (WAL, synchronous=FULL, one transaction);
- stats:   `annotator stats` vs the aggregate SQL queries alone (counts by label, status, source, analyst);
- export:  `annotator export --format jsonl` vs a plain JSONL writer over the same rows and fields (one SELECT
  per table, json.dumps per document, no checks, no fsync).
Prints seconds, the ratio (bare / ours: 1.0 is as fast as bare), and peak RSS of our process in MiB; then the
same in CPU time (the figure that holds when other work shares the cores).
Targets (issue 14): import ≥ 0.5×, stats time ≤ 2× aggregate SQL, export ≥ 0.8×, memory flat from 10k to 100k.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_jsonl(path: Path, docs: int, words: int) -> None:
    import random

    rng = random.Random(7)
    syll = ["ka", "lo", "mi", "ren", "tus", "va", "dor", "pel", "qui", "sto"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(docs):
            text = " ".join("".join(rng.choice(syll) for _ in range(2)) for _ in range(words)) + f" n{i}.\n"
            out.write(json.dumps({"text": text, "meta": {"source": f"wire/{i:06}.txt"}}) + "\n")


def run_ours(args: list[str]) -> tuple[tuple[float, float], float]:
    """(wall, CPU) seconds and peak RSS (MiB) of one `annotator` command run in this process (imports excluded)."""
    from click.testing import CliRunner

    from annotator.cli import cli

    start, cpu = time.perf_counter(), time.process_time()
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    took = time.perf_counter() - start, time.process_time() - cpu
    if result.exit_code != 0:
        raise SystemExit(f"annotator {' '.join(args)} failed: {result.stderr}")
    return took, _rss_mib()


def _timed(fn):
    """``fn`` returning (wall, CPU) seconds instead of wall seconds alone."""
    def run(*args):
        start, cpu = time.perf_counter(), time.process_time()
        fn(*args)
        return time.perf_counter() - start, time.process_time() - cpu
    run.__doc__ = fn.__doc__
    return run


@_timed
def bare_import(src: Path, db: Path) -> None:
    from annotator.domain import content_hash, normalise_text, title_of

    rows = []
    with src.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            text = normalise_text(r["text"])
            rows.append((content_hash(text), text, json.dumps(r["meta"]), r["meta"]["source"], title_of(text), "new",
                         len(text.split())))
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL UNIQUE, text TEXT,"
                 " meta TEXT, source TEXT, title TEXT, status TEXT, words INTEGER)")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT OR IGNORE INTO documents (hash, text, meta, source, title, status, words)"
                     " VALUES (?,?,?,?,?,?,?)", rows)
    conn.execute("COMMIT")
    conn.close()


@_timed
def bare_stats(db: Path) -> None:
    conn = sqlite3.connect(db)
    for sql in ("SELECT count(*), sum(words) FROM documents", "SELECT status, count(*) FROM documents GROUP BY 1",
                "SELECT label, count(*) FROM spans GROUP BY 1", "SELECT source, count(*) FROM documents GROUP BY 1",
                "SELECT analyst, count(*) FROM spans GROUP BY 1", "SELECT state, count(*) FROM spans GROUP BY 1"):
        conn.execute(sql).fetchall()
    conn.close()


@_timed
def bare_export(db: Path, out: Path) -> None:
    """A plain JSONL writer over the same rows: the document's columns and every span with the same fields."""
    conn = sqlite3.connect(db)
    spans = conn.execute('SELECT doc_id, id, start, "end", label, origin, state, analyst, created_at, modified_at '
                         "FROM spans ORDER BY doc_id, start")
    row = next(spans, None)
    with out.open("w", encoding="utf-8") as f:
        for doc_id, text, meta, status, note, split, cluster in conn.execute(
                "SELECT id, text, meta, status, note, split, cluster FROM documents ORDER BY id"):
            mine = []
            while row is not None and row[0] == doc_id:
                mine.append({"id": row[1], "start": row[2], "end": row[3], "label": row[4], "text": text[row[2]:row[3]],
                             "origin": row[5], "state": row[6], "analyst": row[7], "created_at": row[8],
                             "modified_at": row[9]})
                row = next(spans, None)
            f.write(json.dumps({"id": doc_id, "text": text, "meta": json.loads(meta), "status": status, "note": note,
                                "split": split, "cluster": cluster, "spans": mine}, ensure_ascii=False) + "\n")
    conn.close()


def _result(ours: tuple[float, float], bare: tuple[float, float], rss: float) -> dict:
    return {"ours": ours[0], "bare": bare[0], "rss": rss, "ratio": bare[0] / ours[0], "ours_cpu": ours[1],
            "bare_cpu": bare[1], "cpu_ratio": bare[1] / ours[1]}


def one(what: str, docs: int, spans: int, words: int, folder: Path) -> dict:
    """One measurement (run in a child process): ours and bare for ``what``."""
    if what == "import":
        src = folder / "in.jsonl"
        if not src.exists():
            make_jsonl(src, docs, words)
        ours, rss = run_ours(["import", str(src), "--db", str(folder / "ours.db"), "--no-preannotate"])
        bare = bare_import(src, folder / "bare.db")  # after ours: it holds every row, ours' peak is taken before
        return _result(ours, bare, rss)
    db = folder / "built.db"
    if what == "build":  # a process of its own, so its memory is not counted in the next ones
        sys.path.insert(0, str(HERE))
        from export import build  # the export benchmark's database: invented words, spans per document

        build(db, docs, spans, words)
        return {}
    if what == "stats":
        ours, rss = run_ours(["stats", "--db", str(db)])
        bare = bare_stats(db)
        return _result(ours, bare, rss)
    ours, rss = run_ours(["export", "--db", str(db), "-o", str(folder / "ours.jsonl")])
    bare = bare_export(db, folder / "bare.jsonl")
    return _result(ours, bare, rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", default="10000,100000")
    parser.add_argument("--spans", type=int, default=20)
    parser.add_argument("--words", type=int, default=60)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, int(args.docs), args.spans, args.words, Path(args.folder))))
        return
    print(f"{'work':<8} {'docs':>7} {'ours s':>8} {'bare s':>8} {'bare/ours':>9} {'peak MiB':>9}   CPU: ours, bare, "
          "bare/ours")
    for n in (int(x) for x in args.docs.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            for what in ("import", "build", "stats", "export"):
                out = subprocess.run([sys.executable, __file__, "--one", what, "--docs", str(n), "--spans",
                                      str(args.spans), "--words", str(args.words), "--folder", tmp],
                                     capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
                if out.returncode != 0:
                    print(out.stderr[-2000:])
                    raise SystemExit(1)
                r = json.loads(out.stdout.strip().splitlines()[-1])
                if not r:
                    continue
                print(f"{what:<8} {n:>7} {r['ours']:>8.2f} {r['bare']:>8.2f} {r['ratio']:>9.2f} {r['rss']:>9.0f}   "
                      f"{r['ours_cpu']:.2f} {r['bare_cpu']:.2f} {r['cpu_ratio']:.2f}")


if __name__ == "__main__":
    main()
