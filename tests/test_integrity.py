"""Nothing an analyst did is undone, half-done or lost: the five scenarios of the integrity issue, via the API.

1. re-running pre-annotation never brings back a deleted proposal, duplicates a corrected quote or touches
   a document marked done; 2. one action is one transaction and one journal entry, and so is its undo;
3. a partial overlap adds a span beside the old one; 4. interrupted pre-annotation is finished by the next
   import; 5. undo survives a restart, and every annotation says who made it and when.
"""

from __future__ import annotations

import json

import pytest

import annotator
from annotator.domain import Annotations, Document, Mention, PipelineInfo, Quote, Span

TEXT = (
    "Belarusian President Alexander Lukashenko met Vladimir Putin in Minsk.\n\n"
    "“No one, except us, governs Belarus,” Lukashenko said. “We are a sovereign state.”"
)
INFO = PipelineInfo("test_pipeline", "1.0", "quotes@test")


def find(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def proposals() -> Annotations:
    """What the 'model' proposes for TEXT every time it runs."""
    spans = [
        Span(*find("Alexander Lukashenko"), "PERSON", "model:test_pipeline"),
        Span(*find("Vladimir Putin"), "PERSON", "model:test_pipeline"),
        Span(*find("Minsk"), "GPE", "model:test_pipeline"),
        Span(*find("us"), "GPE", "model:test_pipeline"),  # the model's mistake
        Span(*find("Belarus", 1), "GPE", "model:test_pipeline"),
    ]
    quotes = [
        Quote(*find("No one, except us, governs Belarus,"), speaker=Mention(*find("Vladimir Putin")),
              cue=Mention(*find("said")), origin="rule:quotes", confidence=0.6),
        Quote(*find("We are a sovereign state."), origin="rule:quotes", confidence=0.4),
    ]  # fmt: skip
    return Annotations(spans, quotes)


@pytest.fixture
def project(tmp_path):
    p = annotator.open_project(tmp_path / "p.db", analyst="ana")
    yield p
    p.close()


@pytest.fixture
def doc_id(project):
    doc_id, _ = project.store.add_document(Document(TEXT, {"source": "t.txt"}))
    project.apply_proposals(doc_id, proposals(), INFO)
    return doc_id


def visible(project, doc_id):
    return sorted((s.text, s.label) for s in project.spans(doc_id))


# -- 1 ---------------------------------------------------------------------------------------
def test_rerunning_preannotation_keeps_every_decision(project, doc_id):
    us = next(s for s in project.spans(doc_id) if s.text == "us")
    project.delete_spans([us.id])
    quote = project.quotes(doc_id)[0]
    project.set_speaker(quote.id, *find("Lukashenko", 1))
    before_spans, before_quotes = visible(project, doc_id), project.quotes(doc_id)

    report = project.apply_proposals(doc_id, proposals(), INFO)
    assert ("us", "GPE") not in visible(project, doc_id)  # a rejected proposal stays rejected
    assert visible(project, doc_id) == before_spans
    assert [(q.start, q.end, q.speaker) for q in project.quotes(doc_id)] == [
        (q.start, q.end, q.speaker) for q in before_quotes
    ]  # the corrected quote is there once, with the analyst's speaker
    assert report.skipped == 2 and report.added_spans == 0 and report.added_quotes == 0
    assert report.kept == 5  # 4 suggested spans and the untouched second quote


def test_a_document_marked_done_is_left_alone_unless_asked(project, doc_id):
    us = next(s for s in project.spans(doc_id) if s.text == "us")
    project.delete_spans([us.id])
    project.set_status(doc_id, "done")
    other_doc, _ = project.store.add_document(Document(TEXT.replace("Minsk", "Brest"), {"source": "u.txt"}))
    entries = len(project.store.log(doc_id))
    report = project.apply_proposals(doc_id, Annotations([Span(0, 5, "NORP", "model:x")], []), INFO)
    assert report.skipped_done == 1 and report.documents == 0
    assert len(project.store.log(doc_id)) == entries and ("Belar", "NORP") not in visible(project, doc_id)
    report = project.apply_proposals(doc_id, Annotations([Span(0, 5, "NORP", "model:x")], []), INFO, include_done=True)
    assert report.added_spans == 1 and report.withdrawn == 6  # the 4 spans and 2 quotes it did not propose again
    assert project.document(doc_id).status == "done"
    assert project.store.pending_preannotation() == [other_doc]


def test_preannotating_with_the_api_and_a_pipeline(project, ruler_nlp):
    doc_id, _ = project.store.add_document(Document(TEXT, {"source": "t.txt"}))
    report = project.preannotate(model=ruler_nlp)
    assert report.documents == 1 and report.added_spans >= 3
    putin = next(s for s in project.spans(doc_id) if s.text == "Vladimir Putin")
    assert putin.origin.startswith("model:") and "@" in putin.origin and putin.state == "suggested"
    project.delete_spans([putin.id])
    again = project.preannotate(doc_ids=[doc_id], model=ruler_nlp)
    assert again.skipped >= 1 and "Vladimir Putin" not in [s.text for s in project.spans(doc_id)]
    assert project.document(doc_id).preannotated.startswith("en_pipeline@0.0.0, quotes@")


# -- 2 ---------------------------------------------------------------------------------------
def count_transactions(project):
    statements = []
    project.store.db.conn.set_trace_callback(statements.append)
    return statements


def test_deleting_four_spans_is_one_transaction_and_one_entry_and_so_is_its_undo(project, doc_id):
    four = [s.id for s in project.spans(doc_id)][:4]
    entries = len(project.store.log())
    statements = count_transactions(project)
    project.delete_spans(four)
    assert sum(s.startswith("BEGIN") for s in statements) == 1 and statements.count("COMMIT") == 1
    assert len(project.store.log()) == entries + 1
    statements.clear()
    project.undo(doc_id)
    assert sum(s.startswith("BEGIN") for s in statements) == 1 and statements.count("COMMIT") == 1
    assert len(project.spans(doc_id)) == 5


def test_a_failed_undo_stays_and_the_next_undo_tries_it_again(project, doc_id):
    from annotator.store import Store, UndoConflict

    span = project.spans(doc_id)[0]
    project.relabel_span(span.id, "ORG")
    outside = Store(project.store.path)
    row = outside.db.execute("SELECT * FROM spans WHERE id = ?", [span.id]).fetchone()
    outside.db.execute("DELETE FROM spans WHERE id = ?", [span.id])  # another program, no journal
    for _ in range(2):
        with pytest.raises(UndoConflict, match="cannot undo 'Relabel to ORG'"):
            project.undo(doc_id)
    outside.db.execute(f"INSERT INTO spans VALUES ({', '.join('?' * len(row))})", list(row))  # it puts it back
    assert project.undo(doc_id) is not None and project.store.span(span.id).label == span.label


# -- 3 ---------------------------------------------------------------------------------------
def test_a_label_inside_a_span_adds_beside_it_and_the_journal_says_so(project, doc_id):
    start, end = find("Putin")
    entries = len(project.store.log(doc_id))
    event = project.add_span(doc_id, start, end, "EVENT")
    assert ("Vladimir Putin", "PERSON") in visible(project, doc_id) and ("Putin", "EVENT") in visible(project, doc_id)
    log = project.store.log(doc_id)[entries:]
    assert [e["action"] for e in log] == ["add_span"]
    ops = json.loads(log[0]["ops"])
    assert [op["id"] for op in ops if op["table"] == "spans"] == [event.id]
    assert [op["after"] for op in ops if op["table"] == "documents"] == [{"status": "in_progress"}]  # first edit


def test_the_exact_extent_relabels(project, doc_id):
    start, end = find("Minsk")
    span = project.add_span(doc_id, start, end, "LOC")
    assert [s for s in project.spans(doc_id) if s.start == start] == [span]
    assert span.label == "LOC" and span.state == "edited" and span.origin == "model:test_pipeline@1.0"


# -- 5 ---------------------------------------------------------------------------------------
EDITS = {
    "add span": lambda p, d: p.add_span(d, *find("Belarusian"), "NORP"),
    "relabel": lambda p, d: p.relabel_span(p.spans(d)[0].id, "ORG"),
    "resize": lambda p, d: p.resize_span(p.spans(d)[0].id, *find("Lukashenko")),
    "accept": lambda p, d: p.accept_spans([p.spans(d)[0].id]),
    "delete spans": lambda p, d: p.delete_spans([s.id for s in p.spans(d)][:3]),
    "add quote": lambda p, d: p.add_quote(d, *find("governs Belarus")),
    "set speaker": lambda p, d: p.set_speaker(p.quotes(d)[1].id, *find("Lukashenko", 1)),
    "resize quote": lambda p, d: p.resize_quote(p.quotes(d)[1].id, *find("sovereign state")),
    "delete quotes": lambda p, d: p.delete_quotes([q.id for q in p.quotes(d)]),
    "status": lambda p, d: p.set_status(d, "done"),
    "note": lambda p, d: p.set_note(d, "check the <b>second</b> quote 🙂"),
    "preannotate": lambda p, d: p.apply_proposals(d, Annotations([Span(0, 10, "NORP", "model:x")], []), INFO),
}


def snapshot(project, doc_id):
    spans = [(s.id, s.start, s.end, s.label, s.state) for s in project.spans(doc_id, include_rejected=True)]
    quotes = [(q.id, q.start, q.end, q.speaker, q.state) for q in project.quotes(doc_id, include_rejected=True)]
    doc = project.document(doc_id)
    return spans, quotes, doc.status, doc.note


@pytest.mark.parametrize("edit", list(EDITS))
def test_undo_and_redo_survive_a_restart(tmp_path, edit):
    path = tmp_path / "restart.db"
    with annotator.open_project(path, analyst="ana") as p:
        doc_id, _ = p.store.add_document(Document(TEXT, {"source": "t.txt"}))
        p.apply_proposals(doc_id, proposals(), INFO)
        before = snapshot(p, doc_id)
        EDITS[edit](p, doc_id)
        after = snapshot(p, doc_id)
        assert after != before
    with annotator.open_project(path, analyst="bob") as p:  # a new process: the history is in the file
        assert p.undo(doc_id) is not None
        assert snapshot(p, doc_id) == before
    with annotator.open_project(path) as p:
        assert p.redo(doc_id) is not None
        assert snapshot(p, doc_id) == after


def test_provenance_of_every_annotation(project, doc_id):
    mine = project.add_span(doc_id, *find("Belarusian"), "NORP")
    assert mine.origin == "human" and mine.state == "added" and mine.analyst == "ana"
    assert mine.created_at and mine.modified_at and mine.text == "Belarusian"
    machine = next(s for s in project.spans(doc_id) if s.text == "Minsk")
    assert machine.origin == "model:test_pipeline@1.0" and machine.state == "suggested"
    quote = project.quotes(doc_id)[0]
    assert quote.origin == "rule:quotes@test" and quote.analyst == "ana"
    project.analyst = "bob"
    edited = project.relabel_span(machine.id, "LOC")
    assert edited.analyst == "bob" and edited.state == "edited" and edited.created_at == machine.created_at
    assert edited.modified_at >= machine.modified_at
    assert project.store.log(doc_id)[-1]["analyst"] == "bob"


def test_api_objects_expose_the_documented_fields(project, doc_id):
    doc = project.documents()[0]
    assert (doc.id, doc.status, doc.meta["source"]) == (doc_id, "new", "t.txt") and doc.text == TEXT
    for item in (*project.spans(doc_id), *project.quotes(doc_id)):
        assert isinstance(item.id, int) and item.text == TEXT[item.start : item.end]
        assert item.label and item.origin
    assert {q.label for q in project.quotes(doc_id)} == {"QUOTE"}
