"""Accept all remaining suggestions of one document (Ctrl+Shift+A): the time of the whole user action.

    python benchmarks/accept_all.py [--suggestions 2000] [--decided 20000] [--runs 5]

Builds one article with --suggestions suggestions (70% spans, 15% quotes, 15% claims) beside --decided
annotations already accepted (the same shares: a crowded document's indexes), copies the database
for each run, and times ``Project.run(AcceptAll(...))``: one BEGIN IMMEDIATE … COMMIT with its journal entry,
as the window runs it. "Bare" is, in the same run and on a copy of the same file, one sqlite3 UPDATE per table
setting the state of those rows, committed (no journal, no undo images, no checks). Best of --runs each.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.api import Project  # noqa: E402
from annotator.commands import AcceptAll  # noqa: E402
from annotator.domain import Claim, Document, Mention, Quote, Span  # noqa: E402
from annotator.store import Store  # noqa: E402

WORDS = ["Valdor", "said", "the", "council", "of", "Kestria", "would", "not", "cede", "strait", "and"]


def build(path: str, n: int, decided: int) -> int:
    """One document with ``n`` suggestions of the three kinds and ``decided`` accepted ones; returns its id."""
    words = [WORDS[i % len(WORDS)] for i in range(max(4 * (n + decided), 1000))]
    text = " ".join(words) + "."
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    store = Store(path, backup=False)
    doc_id, _ = store.add_document(Document(text, {"source": "bench.txt"}))
    with store.action("bench", undoable=False):
        for count, state, first in ((decided, "accepted", n), (n, "suggested", 0)):
            n_quotes = n_claims = count * 15 // 100
            n_spans = count - n_quotes - n_claims
            store.insert_spans(doc_id, [Span(*tokens[first + i], "GPE", "model:bench", state=state)
                                        for i in range(n_spans)])
            store.insert_quotes(doc_id, [Quote(tokens[2 * (first + i)][0], tokens[2 * (first + i) + 1][1],
                                               origin="rule:bench", state=state, confidence=0.9)
                                         for i in range(n_quotes)])
            store.insert_claims(doc_id, [Claim("sovereignty", (Mention(*tokens[3 * (first + i)]),),
                                               origin="rule:bench", state=state, confidence=0.9)
                                         for i in range(n_claims)])
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return doc_id


def ours(path: str, doc_id: int) -> tuple[float, tuple]:
    project = Project(Store(path, backup=False))
    try:
        t0 = time.perf_counter()
        [counts] = project.run(AcceptAll(doc_id, 0.8))
        return time.perf_counter() - t0, tuple(counts)
    finally:
        project.store.close()


def bare(path: str, doc_id: int) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    try:
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for table in ("spans", "quotes", "claims"):
            conn.execute(f"UPDATE {table} SET state = 'accepted' WHERE doc_id = ? AND state = 'suggested'", [doc_id])
        conn.execute("COMMIT")
        return time.perf_counter() - t0
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suggestions", type=int, default=2000)
    ap.add_argument("--decided", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        master = os.path.join(tmp, "master.db")
        doc_id = build(master, args.suggestions, args.decided)
        ours_s, bare_s, counts = [], [], ()
        for run in range(args.runs):
            copy = os.path.join(tmp, f"run{run}.db")
            shutil.copy(master, copy)
            seconds, counts = ours(copy, doc_id)
            ours_s.append(seconds)
            shutil.copy(master, copy + ".bare")
            bare_s.append(bare(copy + ".bare", doc_id))
    best, base = min(ours_s), min(bare_s)
    print(f"{args.suggestions:,} suggestions beside {args.decided:,} decided annotations (spans, quotes, claims "
          f"accepted: {', '.join(map(str, counts[:3]))})")
    print(f"accept all, one action with its journal entry: {best * 1000:7.1f} ms   "
          f"bare sqlite3 UPDATE {base * 1000:6.1f} ms   ratio {best / base:5.1f}x   (best of {args.runs})")


if __name__ == "__main__":
    main()
