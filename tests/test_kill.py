"""kill -9 at random moments: every action is all there or not at all, and a re-run finishes interrupted work.

Marked ``slow`` (``make test`` runs them; ``pytest -m "not slow"`` skips them).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from annotator.domain import Document
from annotator.store import Store

pytestmark = pytest.mark.slow
KILLS = int(os.environ.get("ANNOTATOR_KILLS", "12"))
BATCH = 6

WRITER = r"""
import sys
import annotator
from annotator.commands import AddSpan, DeleteSpans

project = annotator.open_project(sys.argv[1], analyst="killer")
doc_id = int(sys.argv[2])
text_len = len(project.document(doc_id).text)
start = int(sys.argv[3])
print("ready", flush=True)
for i in range(start, start + 100000):
    if i % 3 == 2:  # delete the batch before, as one action
        ids = [s.id for s in project.store.spans(doc_id) if s.label == f"B{i - 1}"]
        if ids:
            project.delete_spans(ids)
    else:
        project.run(*[AddSpan(doc_id, k, k + 3, f"B{i}") for k in range(0, BATCH * 4, 4)], label=f"batch {i}")
""".replace("BATCH", str(BATCH))


def integrity(path: Path) -> str:
    store = Store(path)
    try:
        return store.db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        store.close()


def kill_after(cmd: list[str], delay: float, wait_for_ready: bool = True, **kwargs) -> None:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, **kwargs)
    try:
        if wait_for_ready:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()


def test_multi_span_actions_killed_at_random_are_all_or_nothing(tmp_path):
    path = tmp_path / "kill.db"
    store = Store(path)
    doc_id, _ = store.add_document(Document("x" * 200, {"source": "k.txt"}))
    store.close()
    rng = random.Random(1234)
    for round_ in range(KILLS):
        kill_after([sys.executable, "-c", WRITER, str(path), str(doc_id), str(round_ * 100000)], rng.uniform(0.05, 0.6))
        assert integrity(path) == "ok"
        store = Store(path)
        counts = Counter(s.label for s in store.spans(doc_id))
        store.close()
        assert set(counts.values()) <= {BATCH}, counts  # no action is half there
    store = Store(path)
    entries = [e for e in store.log(doc_id) if e["action"] in ("add_span", "delete_spans")]
    assert len(entries) > 10 * KILLS, "the writer was killed before it did much"
    for entry in entries:  # every journal entry names exactly the rows of one whole action
        assert entry["ops"].count('"table": "spans"') == BATCH
    last = store.next_undo(doc_id)
    assert last is not None and store.undo(doc_id) is not None  # the history is usable after all that
    store.close()


def test_an_import_killed_while_preannotating_is_finished_by_the_next_import(tmp_path, ruler_model_dir):
    folder = tmp_path / "feed"
    folder.mkdir()
    for i in range(150):
        (folder / f"{i:03}.txt").write_text(
            f"Story {i}. Vladimir Putin met Alexander Lukashenko in Minsk.\n\n"
            f"“Belarus is sovereign,” Lukashenko said about Russia and Ukraine. " * 3,
            encoding="utf-8",
        )
    db = tmp_path / "import.db"
    cli = [sys.executable, "-m", "annotator", "import", str(folder), "--db", str(db), "--model", str(ruler_model_dir)]
    rng = random.Random(99)
    env = {**os.environ, "COLUMNS": "120"}
    for _ in range(4):
        kill_after(cli, rng.uniform(1.0, 4.0), wait_for_ready=False, env=env)
        if db.exists():
            assert integrity(db) == "ok"
    done = subprocess.run(cli, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    store = Store(db)
    assert store.count_documents() == 150 and store.pending_preannotation() == []
    for doc_id in store.document_ids():
        spans = [(s.start, s.end, s.label) for s in store.spans(doc_id)]
        assert len(spans) == len(set(spans)) and len(spans) >= 4  # each proposal once, none missing
    again = subprocess.run(cli, capture_output=True, text=True, env=env, timeout=300)
    assert "0 new document(s), 150 already present, 0 failed" in again.stderr.replace("\n", " ")
    store.close()


PREANNOTATOR = r"""
import sys
import annotator
from annotator.nlp.pipeline import load_pipeline

project = annotator.open_project(sys.argv[1], analyst="killer")
nlp = load_pipeline(sys.argv[2])
project.preannotate(model=nlp, progress=lambda doc_id, _text: print(doc_id, flush=True))
"""


def kill_after_written(cmd: list[str], documents: int, delay: float) -> None:
    """Run ``cmd``, and kill it ``delay`` seconds after it reports ``documents`` committed (or when it ends)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        for _ in range(documents):
            if not proc.stdout.readline():
                break
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()


def test_preannotation_killed_at_random_leaves_each_document_whole_or_untouched(tmp_path, ruler_model_dir):
    """Documents are committed a few at a time: a kill loses at most the last few, never half of one."""
    from tests.test_preannotate_writes import new_project, shape

    n = 300
    ref, ids = new_project(tmp_path / "ref.db", n)
    ref.preannotate(model=str(ruler_model_dir))
    want = {d: shape(ref.store, d) for d in ids}
    ref.close()
    path = tmp_path / "kill.db"
    new_project(path, n)[0].close()
    rng = random.Random(7)
    cmd = [sys.executable, "-c", PREANNOTATOR, str(path), str(ruler_model_dir)]
    interrupted = 0
    for _ in range(6):  # each run goes on from where the one before was killed
        kill_after_written(cmd, rng.randint(1, 40), rng.uniform(0.0, 0.4))
        assert integrity(path) == "ok"
        store = Store(path)
        done = set(ids) - set(store.pending_preannotation())
        assert 0 < len(done) <= n
        for d in ids:
            assert shape(store, d) == (want[d] if d in done else []), d
        assert sorted(e["doc_id"] for e in store.log() if e["action"] == "preannotate") == sorted(done)
        store.close()
        if len(done) == n:  # a quick machine finished before the kill came: nothing left to interrupt
            break
        interrupted += 1
    assert interrupted >= 1  # at least one run was killed half-way
    subprocess.run(cmd, check=True, timeout=300, stdout=subprocess.DEVNULL)
    store = Store(path)
    assert store.pending_preannotation() == [] and {d: shape(store, d) for d in ids} == want
    store.close()
