"""Pre-annotation commits a few documents at a time: each document is still one action (one journal entry, all
there or not at all), and however the run is stopped no document is left half-written and a re-run does the rest.
"""

from __future__ import annotations

import pytest

import annotator
import annotator.api as api
from annotator.domain import Document
from annotator.store import Store, StoreError

TEXT = ("Story {i}. Vladimir Putin met Alexander Lukashenko in Minsk.\n\n"
        "“Belarus is sovereign,” Lukashenko said about Russia and Ukraine.")


def rows(store: Store, doc_id: int) -> list[tuple]:
    """What pre-annotation wrote for a document, without ids and times."""
    out = []
    for table, cols in (("spans", 'start, "end", label, origin, state'),
                        ("quotes", 'start, "end", kind, speaker_start, speaker_end, cue_start, confidence, origin'),
                        ("claims", 'start, "end", claim_type, stance, evidence, claimant_start, confidence, quote_id')):
        out += [(table, *r) for r in store.db.execute(f"SELECT {cols} FROM {table} WHERE doc_id = ? ORDER BY id",
                                                      [doc_id])]
    return out


def shape(store: Store, doc_id: int) -> list[tuple]:
    """``rows`` with quote ids made relative to the document's first quote (ids differ between databases)."""
    first = store.db.execute("SELECT min(id) FROM quotes WHERE doc_id = ?", [doc_id]).fetchone()[0] or 0
    return [r[:-1] + (r[-1] - first if r[0] == "claims" and r[-1] is not None else r[-1],) for r in rows(store, doc_id)]


def new_project(path, n: int) -> tuple[annotator.Project, list[int]]:
    project = annotator.open_project(path, analyst="ana")
    with project.store.action("setup", undoable=False):
        ids = [project.store.add_document(Document(TEXT.format(i=i), {"source": f"{i}.txt"}))[0] for i in range(n)]
    return project, ids


def assert_as_one_process(one: annotator.Project, ids: list[int], two: annotator.Project, ids2: list[int]) -> None:
    """``two``'s documents got the rows and the provenance (but its time) that ``one``'s got; both are closed."""
    assert [two.document(d).preannotated.rsplit(" at ", 1)[0] for d in ids2] == [
        one.document(d).preannotated.rsplit(" at ", 1)[0] for d in ids]
    assert [shape(two.store, d) for d in ids2] == [shape(one.store, d) for d in ids]
    one.close()
    two.close()


@pytest.fixture
def reference(tmp_path, ruler_nlp):
    """What pre-annotating 40 documents one transaction each (the old way) writes, document by document."""
    project, ids = new_project(tmp_path / "ref.db", 40)
    from annotator.nlp.pipeline import annotate_many
    from annotator.nlp.provenance import pipeline_info

    info = pipeline_info(ruler_nlp)
    for doc_id, ann in zip(ids, annotate_many(ruler_nlp, [TEXT.format(i=i) for i in range(40)]), strict=True):
        ann = type(ann)([s for s in ann.spans if s.label in {"PERSON", "GPE", "ORG"}], ann.quotes, ann.claims)
        project.apply_proposals(doc_id, ann, info)
    got = {i: shape(project.store, doc_id) for i, doc_id in enumerate(ids)}
    project.close()
    assert all(got.values())
    return got


def test_a_few_documents_are_one_commit_each_one_action_and_the_same_rows(tmp_path, ruler_nlp, reference,
                                                                         monkeypatch):
    monkeypatch.setattr(api, "WRITE_SECONDS", 3600.0)
    project, ids = new_project(tmp_path / "p.db", 40)
    statements: list[str] = []
    project.store.db.conn.set_trace_callback(statements.append)
    done = []
    report = project.preannotate(ids, ruler_nlp, progress=lambda doc_id, _text: done.append(doc_id))
    project.store.db.conn.set_trace_callback(None)
    assert report.documents == 40 and done == ids
    assert sum(s.startswith("BEGIN") for s in statements) == statements.count("COMMIT") == 3  # 16 + 16 + 8
    assert {i: shape(project.store, doc_id) for i, doc_id in enumerate(ids)} == reference
    entries = [e for e in project.store.log() if e["action"] == "preannotate"]
    assert sorted(e["doc_id"] for e in entries) == ids  # one journal entry per document
    assert project.undo(ids[5]) is not None and rows(project.store, ids[5]) == []  # each undone on its own
    assert rows(project.store, ids[6]) and project.store.pending_preannotation() == [ids[5]]
    project.close()


def test_a_slow_pipeline_still_commits_at_least_every_write_seconds(tmp_path, ruler_nlp, monkeypatch):
    monkeypatch.setattr(api, "WRITE_SECONDS", 0.0)
    project, ids = new_project(tmp_path / "p.db", 5)
    statements: list[str] = []
    project.store.db.conn.set_trace_callback(statements.append)
    project.preannotate(ids, ruler_nlp)
    assert statements.count("COMMIT") == 5
    project.close()


def _stop_writing_at(monkeypatch, store: Store, nth: int, exc: type[BaseException]) -> None:
    """The ``nth`` document's quotes (written after its spans) raise ``exc`` half-way through its action."""
    real, seen = store.insert_quotes, []

    def insert_quotes(doc_id, quotes):
        seen.append(doc_id)
        if len(seen) == nth:
            raise exc("stopped here")
        return real(doc_id, quotes)

    monkeypatch.setattr(store, "insert_quotes", insert_quotes)


@pytest.mark.parametrize("exc", [KeyboardInterrupt, StoreError])
def test_stopped_in_the_middle_of_a_document_keeps_those_before_it_whole_and_a_rerun_does_the_rest(
        tmp_path, ruler_nlp, reference, monkeypatch, exc):
    monkeypatch.setattr(api, "WRITE_SECONDS", 3600.0)
    project, ids = new_project(tmp_path / "p.db", 40)
    _stop_writing_at(monkeypatch, project.store, 21, exc)  # the 5th document of the second batch of 16
    done = []
    with pytest.raises(exc):
        project.preannotate(ids, ruler_nlp, progress=lambda doc_id, _text: done.append(doc_id))
    assert done == ids[:20]
    for i, doc_id in enumerate(ids):
        assert shape(project.store, doc_id) == (reference[i] if i < 20 else [])  # whole, or nothing at all
    assert project.store.pending_preannotation() == ids[20:]
    monkeypatch.undo()
    project.preannotate(model=ruler_nlp)
    assert {i: shape(project.store, doc_id) for i, doc_id in enumerate(ids)} == reference
    assert len([e for e in project.store.log() if e["action"] == "preannotate"]) == 40
    project.close()


def test_stopped_while_parsing_writes_what_was_finished(tmp_path, ruler_nlp, reference, monkeypatch):
    """Ctrl+C while the pipeline works on the 8th document: the 7 finished ones are written, whole."""
    import annotator.nlp.pipeline as pipeline

    monkeypatch.setattr(api, "WRITE_SECONDS", 3600.0)
    real = pipeline.annotate_many

    def seven_then_interrupted(nlp, texts):
        results = real(nlp, texts)
        for _ in range(7):
            yield next(results)
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "annotate_many", seven_then_interrupted)
    project, ids = new_project(tmp_path / "p.db", 40)
    with pytest.raises(KeyboardInterrupt):
        project.preannotate(ids, ruler_nlp)
    assert [shape(project.store, d) for d in ids[:7]] == [reference[i] for i in range(7)]
    assert project.store.pending_preannotation() == ids[7:]
    project.close()


def test_an_action_left_half_undone_drops_the_whole_batch(tmp_path):
    """If an interruption leaves an action of a batch neither written nor undone, nothing of the batch is kept."""
    store = Store(tmp_path / "s.db")
    doc_id, _ = store.add_document(Document("Alpha beta gamma."))
    with pytest.raises(KeyboardInterrupt), store.batch() as batch:
        store.set_note(doc_id, "first")  # an action of its own, finished
        batch.open = True  # as if stopped between an action's savepoint and its end
        raise KeyboardInterrupt
    assert not batch.done and store.document(doc_id).note == ""
    with store.batch() as batch:
        store.set_note(doc_id, "second")
    assert batch.done and store.document(doc_id).note == "second"
    store.close()


def test_with_spawned_workers_and_a_pipeline_name_only_the_workers_load_it(tmp_path, ruler_model_dir, monkeypatch):
    """Spawned workers (the window's way): the writing process loads nothing (the workers tell it the pipeline's
    name and version)."""
    import annotator.nlp.parallel as parallel
    import annotator.nlp.pipeline as pipeline

    monkeypatch.setattr(parallel, "start_method", lambda: "spawn")

    one, ids = new_project(tmp_path / "one.db", 20)
    one.preannotate(ids, str(ruler_model_dir))

    def refused(*_args, **_kwargs):
        raise AssertionError("the writing process loaded the pipeline")

    monkeypatch.setattr(pipeline, "load_pipeline", refused)  # (spawned workers import their own)
    two, ids2 = new_project(tmp_path / "two.db", 20)
    report = two.preannotate(ids2, str(ruler_model_dir), workers=2)
    assert report.documents == 20
    assert_as_one_process(one, ids, two, ids2)


@pytest.mark.parametrize("start", ["spawn", "fork"])
def test_a_pipeline_the_workers_cannot_have_is_named_in_the_error_and_nothing_is_written(tmp_path, monkeypatch,
                                                                                        start):
    """Spawned workers fail to load it (the error comes back with each task); forking fails here, before any
    worker exists."""
    import annotator.nlp.parallel as parallel
    from annotator.nlp.pipeline import ModelError

    monkeypatch.setattr(parallel, "start_method", lambda: start)
    project, ids = new_project(tmp_path / "p.db", 3)
    with pytest.raises(ModelError, match="no_such_pipeline"):
        project.preannotate(ids, "no_such_pipeline", workers=2)
    assert project.store.pending_preannotation() == ids
    project.close()


def test_forked_workers_share_the_pipeline_loaded_once_by_the_writer(tmp_path, ruler_model_dir, monkeypatch):
    """Forked workers (a plain process): the writer loads the pipeline once, the workers load nothing, the rows are
    those of one process, and the provenance names the pipeline."""
    import annotator.nlp.parallel as parallel
    import annotator.nlp.pipeline as pipeline

    one, ids = new_project(tmp_path / "one.db", 20)
    one.preannotate(ids, str(ruler_model_dir))
    loads = []
    real = pipeline.load_pipeline

    def counted(*args, **kwargs):
        loads.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "load_pipeline", counted)  # a forked worker would count in its own copy
    monkeypatch.setattr(parallel, "start_method", lambda: "fork")
    two, ids2 = new_project(tmp_path / "two.db", 20)
    report = two.preannotate(ids2, str(ruler_model_dir), workers=2)
    assert report.documents == 20 and len(loads) == 1
    assert parallel._NLP is None  # not kept alive after the run
    assert_as_one_process(one, ids, two, ids2)


def test_workers_are_forked_only_from_a_process_with_one_thread_and_no_qt_application():
    """A fresh interpreter forks; another Python thread or a Qt application makes it spawn."""
    import subprocess
    import sys

    script = ("import threading, time\n"
              "from annotator.nlp.parallel import start_method\n"
              "print(start_method())\n"
              "t = threading.Thread(target=time.sleep, args=(1,)); t.start()\n"
              "print(start_method()); t.join()\n"
              "from PySide6.QtCore import QCoreApplication\n"
              "print(start_method())\n"
              "app = QCoreApplication([])\n"
              "print(start_method())\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}).stdout.split()
    assert out == ["fork", "spawn", "fork", "spawn"]


def test_spawned_workers_load_a_pipeline_by_the_name_it_was_loaded_by(tmp_path, ruler_model_dir):
    """load_pipeline swaps in compiled twins that to_disk does not keep: spawned workers get the name instead; a
    pipeline built here (not loaded by name) is saved for them."""
    import spacy

    from annotator.nlp.parallel import model_source
    from annotator.nlp.pipeline import load_pipeline

    assert model_source(load_pipeline(str(ruler_model_dir)), str(tmp_path)) == str(ruler_model_dir)
    assert list(tmp_path.iterdir()) == []
    assert model_source(spacy.blank("en"), str(tmp_path)) == f"{tmp_path}/pipeline"


@pytest.mark.model
def test_spawned_workers_given_the_loaded_default_pipeline_annotate_as_one_process(tmp_path, monkeypatch):
    """The window's way with the default pipeline (compiled attribute ruler and lemmatizer): it used to be saved
    to disk, and a spawned worker could not load it."""
    import annotator.nlp.parallel as parallel
    from annotator.nlp.pipeline import load_pipeline

    nlp = load_pipeline(None)
    one, ids = new_project(tmp_path / "one.db", 4)
    one.preannotate(ids, nlp)
    monkeypatch.setattr(parallel, "start_method", lambda: "spawn")
    two, ids2 = new_project(tmp_path / "two.db", 4)
    assert two.preannotate(ids2, nlp, workers=2).documents == 4
    assert_as_one_process(one, ids, two, ids2)


@pytest.mark.parametrize("auto_refresh", [True, False])
def test_the_pre_annotation_progress_bar_starts_no_thread_so_workers_can_be_forked(auto_refresh, monkeypatch):
    """A thread running makes start_method() spawn the workers: the bar pre-annotation shows (auto_refresh=False)
    starts none in a terminal, where rich's default starts its refresh thread."""
    import io
    import threading

    from rich.console import Console

    import annotator.cli as cli_module

    monkeypatch.setattr(cli_module, "err", Console(file=io.StringIO(), force_terminal=True))  # as in a shell
    before = set(threading.enumerate())
    with cli_module._progress(auto_refresh=auto_refresh) as progress:
        progress.add_task("pre-annotating", total=3, rate="")
        started = [t for t in set(threading.enumerate()) - before if t.is_alive()]
    assert bool(started) is auto_refresh, started


def _rules_fail_on(monkeypatch, marker: str) -> None:
    """The quote finder raises on any text holding ``marker`` (as a rule that recursed forever would)."""
    import annotator.nlp.quotes as quotes

    real = quotes.find_quotes

    def find_quotes(doc, *args, **kwargs):
        if marker in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(quotes, "find_quotes", find_quotes)


def test_a_text_the_rules_fail_on_is_reported_and_left_as_it_was_and_the_others_are_written(tmp_path, ruler_nlp,
                                                                                           monkeypatch):
    project, ids = new_project(tmp_path / "p.db", 6)
    with project.store.action("setup", undoable=False):
        bad, _ = project.store.add_document(Document("Ana Rusu said “TRIPWIRE” in Minsk.", {"source": "bad.txt"}))
    _rules_fail_on(monkeypatch, "TRIPWIRE")
    report = project.preannotate([*ids[:3], bad, *ids[3:]], ruler_nlp)
    assert report.documents == 6 and len(report.failed) == 1
    assert report.failed[0].startswith(f"document {bad}: the quote and claim rules failed (RecursionError")
    assert "not pre-annotated" in report.summary()
    assert rows(project.store, bad) == [] and bad in project.store.pending_preannotation()  # nothing half-written
    assert all(rows(project.store, d) for d in ids) and not set(ids) & set(project.store.pending_preannotation())
    project.close()


def test_the_command_line_names_the_document_the_rules_failed_on_and_goes_on(tmp_path, monkeypatch, ruler_model_dir):
    from click.testing import CliRunner

    from annotator.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Ana Rusu said “TRIPWIRE” in Minsk.", encoding="utf-8")
    (folder / "b.txt").write_text("Ana Rusu visited Minsk on Monday.", encoding="utf-8")
    _rules_fail_on(monkeypatch, "TRIPWIRE")
    db = tmp_path / "c.db"
    result = CliRunner().invoke(cli, ["import", str(folder), "--db", str(db), "--model", str(ruler_model_dir)])
    assert result.exit_code == 0, result.output
    assert "the quote and claim rules failed (RecursionError" in result.output
    store = Store(db)
    assert len(store.document_ids()) == 2 and len(store.pending_preannotation()) == 1
    store.close()


def test_a_shard_leaves_out_the_text_the_rules_failed_on_and_says_so(tmp_path, monkeypatch, ruler_model_dir):
    import json

    from annotator.batch import annotate_shard

    shard = tmp_path / "s.jsonl"
    shard.write_text("\n".join(json.dumps({"text": t}) for t in (
        "Ana Rusu visited Minsk.", "Ana Rusu said “TRIPWIRE”.", "Minsk is calm.")) + "\n", encoding="utf-8")
    _rules_fail_on(monkeypatch, "TRIPWIRE")
    out = tmp_path / "out"
    out.mkdir()
    result = annotate_shard(str(shard), str(out), str(ruler_model_dir))
    assert (result.documents, result.failed) == (2, 1)
    assert result.problems == (f"{shard}: document 2: the quote and claim rules failed (RecursionError: maximum "
                               "recursion depth exceeded)",)
    lines = (out / "s.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["text"] for line in lines] == ["Ana Rusu visited Minsk.", "Minsk is calm."]
