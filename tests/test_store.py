import sqlite3
import subprocess
import sys
import threading

import pytest

from annotator.domain import Document, Mention, Quote, Span
from annotator.store import Store, StoreError
from annotator.store.steps import STEPS


def test_schema_is_migrated_and_wal_is_on(tmp_path):
    s = Store(tmp_path / "a.db")
    assert s.schema_version() == ["m001_initial", "m002_edit_log", "m003_provenance", "m004_queue", "m005_claims", "m006_counts", "m007_team",
                                "m008_span_ends"]
    assert s.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.close()
    again = Store(tmp_path / "a.db")  # reopening applies nothing twice
    assert again.schema_version() == ["m001_initial", "m002_edit_log", "m003_provenance", "m004_queue", "m005_claims", "m006_counts", "m007_team",
                                "m008_span_ends"]


def test_same_text_is_stored_once(store):
    first, created = store.add_document(Document("Same text.", {"source": "a.txt"}))
    second, created_again = store.add_document(Document("Same text.", {"source": "b.txt"}))
    assert created and not created_again and first == second
    assert store.count_documents() == 1


def test_document_round_trip_keeps_unicode_exactly(store):
    text = "Zoe\u0308 👍🏽 مرحبا\u2028line"
    doc_id, _ = store.add_document(Document(text, {"source": "u.txt", "lang": "mixed"}))
    doc = store.document(doc_id)
    assert doc.text == text and doc.meta["lang"] == "mixed" and doc.status == "new"


def test_spans_and_quotes_survive_reopening(tmp_path):
    path = tmp_path / "b.db"
    s = Store(path)
    doc_id, _ = s.add_document(Document("Ana Rusu said “no”.", {"source": "x"}))
    s.insert_span(Span(0, 8, "PERSON", doc_id=doc_id))
    s.insert_quote(Quote(15, 17, speaker=Mention(0, 8), cue=Mention(9, 13), doc_id=doc_id))
    s.close()
    s = Store(path)
    [span] = s.spans(doc_id)
    [quote] = s.quotes(doc_id)
    assert (span.start, span.end, span.label) == (0, 8, "PERSON")
    assert quote.speaker == Mention(0, 8) and quote.cue == Mention(9, 13) and quote.speaker_mention is None


def test_offsets_outside_the_text_are_refused_and_nothing_is_written(store):
    doc_id, _ = store.add_document(Document("short", {"source": "x"}))
    with pytest.raises(ValueError):
        store.insert_span(Span(3, 99, "PERSON", doc_id=doc_id))
    with pytest.raises(ValueError):
        store.insert_quote(Quote(0, 2, speaker=Mention(4, 9), doc_id=doc_id))
    assert store.spans(doc_id) == [] and store.quotes(doc_id) == []


def test_ids_are_never_reused_after_a_delete(store):
    doc_id, _ = store.add_document(Document("Ana Rusu met Ion Popa.", {"source": "x"}))
    a = store.insert_span(Span(0, 8, "PERSON", doc_id=doc_id))
    store.delete_span(a.id)
    b = store.insert_span(Span(0, 8, "PERSON", doc_id=doc_id))
    assert b.id > a.id


def test_a_database_of_the_first_schema_is_migrated_keeping_everything(tmp_path):
    from sqlite_utils import Database

    from annotator.store.migrations import m001_initial, m002_edit_log

    path = tmp_path / "old.db"
    db = Database(path)
    m001_initial(db)
    m002_edit_log(db)
    db["_sqlite_migrations"].insert_all(
        [{"migration_set": "annotator", "name": n, "applied_at": "2026-01-01"} for n in ("m001_initial", "m002_edit_log")]
    )
    db["documents"].insert({"id": 1, "hash": "h", "text": "Ana Rusu met Ion Popa.", "status": "done", "meta": "{}"})
    db["spans"].insert_all([
        {"id": 5, "doc_id": 1, "start": 0, "end": 8, "label": "PERSON", "origin": "human"},
        {"id": 6, "doc_id": 1, "start": 13, "end": 21, "label": "PERSON", "origin": "model:m"},
    ])
    db.conn.commit()
    db.close()
    s = Store(path)
    assert [(x.id, x.state) for x in s.spans(1)] == [(5, "added"), (6, "suggested")]
    assert s.document(1).status == "done" and s.pending_preannotation() == []  # it had machine spans
    new = s.insert_span(Span(0, 3, "PERSON", doc_id=1))
    assert new.id == 7
    assert s.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failed_action_rolls_back_everything_in_it(store):
    doc_id, _ = store.add_document(Document("Ana Rusu met Ion Popa.", {"source": "x"}))
    with pytest.raises(RuntimeError):
        with store.action("two_spans", doc_id):
            store.insert_span(Span(0, 8, "PERSON", doc_id=doc_id))
            raise RuntimeError("crash in the middle")
    assert store.spans(doc_id) == []
    assert [r["action"] for r in store.log(doc_id)] == []


def test_corrupt_file_gives_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(bad)
    assert bad.read_bytes().startswith(b"this is not sqlite")  # the file is left as it was


def test_a_database_before_the_span_end_index_upgrades_and_finds_the_place_before_by_it(tmp_path):
    """A database of schema m001-m007 (no idx_spans_end) opens with the index added and its spans kept; the
    object offered for a claim then walks back from the evidence by that index, not over every span."""
    from annotator.commands import suggested_target

    path = tmp_path / "m007.db"
    s = Store(path)
    doc_id, _ = s.add_document(Document("Valdor said Tavn will not yield, says Korlan.", {"source": "x"}))
    with s.action("seed", undoable=False):
        s.insert_spans(doc_id, [Span(0, 6, "GPE", doc_id=doc_id), Span(12, 16, "GPE", doc_id=doc_id)])
    s.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX idx_spans_end")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_span_ends'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="older annotator"):  # read only, it is refused, as any older schema
        Store(path, write=False)
    s = Store(path)
    assert s.schema_version()[-1] == "m008_span_ends"
    assert [(x.start, x.label) for x in s.spans(doc_id)] == [(0, "GPE"), (12, "GPE")]
    plan = s.conn.execute("EXPLAIN QUERY PLAN SELECT \"end\" FROM spans WHERE doc_id = ? AND layer = '' AND"
                          " \"end\" <= ? ORDER BY \"end\" DESC LIMIT 1", [doc_id, 30]).fetchall()
    assert "idx_spans_end" in str(plan)
    assert suggested_target(s, doc_id, 38, 44) == Mention(12, 16)
    s.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('annotator', 'm999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer annotator"):
        Store(path)


def test_locked_database_gives_a_clear_error(tmp_path, monkeypatch):
    import annotator.store as store_module

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.2)
    path = tmp_path / "locked.db"
    s = Store(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        s.db.conn.execute("PRAGMA busy_timeout=200")
        with pytest.raises(StoreError, match="locked by another program"):
            s.add_document(Document("text", {"source": "x"}))
    finally:
        other.execute("ROLLBACK")
        other.close()
    doc_id, created = s.add_document(Document("text", {"source": "x"}))  # works once the lock is gone
    assert created


def test_writes_from_two_stores_on_one_file_are_all_kept(tmp_path):
    path = tmp_path / "two.db"
    a, b = Store(path), Store(path)
    doc_id, _ = a.add_document(Document("Ana Rusu met Ion Popa.", {"source": "x"}))

    def add(s, start, end):
        s = s or Store(path)  # a connection belongs to the thread that opened it
        for _ in range(20):
            s.insert_span(Span(start, end, "PERSON", doc_id=doc_id))

    t = threading.Thread(target=add, args=(None, 13, 21))
    t.start()
    add(b, 0, 8)
    t.join()
    assert len(a.spans(doc_id)) == 40


def test_summaries_of_named_documents_only(store):
    a, _ = store.add_document(Document("Ana Rusu spoke.", {"source": "a"}))
    b, _ = store.add_document(Document("Ion Popa spoke.", {"source": "b"}))
    store.insert_span(Span(0, 8, "PERSON", doc_id=b))
    assert [(s.id, s.spans) for s in store.summaries([b])] == [(b, 1)]
    assert [s.id for s in store.summaries()] == [a, b]
    assert store.summaries([]) == []


def test_document_counts_follow_every_write_undo_and_redo(tmp_path):
    """The counts the document list shows (kept by triggers) equal a real count after adds, rejections,
    relabels, deletes, their undo and redo, and a pre-annotation merge."""
    import random

    import annotator
    from annotator.commands import DeleteSpans, UpdateSpan

    rng = random.Random(5)
    text = "Ana Rusu met Ion Popa in Chisinau and Tiraspol on Monday. " * 5
    with annotator.open_project(tmp_path / "c.db") as p:
        doc_id, _ = p.store.add_document(Document(text))

        def real():
            row = p.store.db.execute(
                "SELECT (SELECT count(*) FROM spans WHERE doc_id = ? AND state != 'rejected'),"
                " (SELECT count(*) FROM quotes WHERE doc_id = ? AND state != 'rejected')", [doc_id, doc_id]).fetchone()
            return tuple(row)

        def shown():
            s = p.store.summaries([doc_id])[0]
            return (s.spans, s.quotes)

        for _ in range(60):
            spans = p.spans(doc_id)
            move = rng.random()
            if move < 0.35 or not spans:
                a = rng.randrange(len(text) - 10)
                with p.store.action("x", doc_id):
                    p.store.insert_spans(doc_id, [Span(a, a + rng.randint(1, 9), "GPE",
                                                       rng.choice(["human", "model:m@1"]))])
            elif move < 0.5:
                p.add_quote(doc_id, 0, 8)
            elif move < 0.65:
                p.run(DeleteSpans([rng.choice(spans).id]))
            elif move < 0.75:
                p.run(UpdateSpan(rng.choice(spans).id, label="PERSON"))
            elif move < 0.9:
                p.undo(doc_id)
            else:
                p.redo(doc_id)
            assert shown() == real()


@pytest.mark.parametrize("pick", [None, "some", "many"])
def test_annotated_rows_give_each_document_its_own_annotations(store, pick):
    """The export's reader groups three cursors by document: a document with no spans, one with only quotes, spans
    and quotes that share a start (text order puts the shorter first), a selection that skips documents (a few:
    read by id; many: everything read, the rest left out)."""
    ids = []
    for i in range(620):
        doc_id, _ = store.add_document(Document(f"Document {i} says hello there.", {"source": f"{i}.txt"}))
        ids.append(doc_id)
        if i % 3 != 0:
            store.insert_spans(doc_id, [Span(0, 8, "ORG"), Span(9, 9 + len(str(i)), "CARDINAL")][: 1 + i % 2])
        if i % 7 == 1:  # sharing a start, the longer one first: text order is not the order they were made in
            store.insert_spans(doc_id, [Span(18, 28, "MISC"), Span(18, 22, "MISC"), Span(18, 25, "MISC")])
        if i % 5 == 0:
            store.insert_quote(Quote(9, 12, doc_id=doc_id))
            store.insert_quote(Quote(0, 12, doc_id=doc_id))
            store.insert_quote(Quote(0, 8, doc_id=doc_id))
    wanted = {"some": ids[1:40:3], "many": ids[::2]}.get(pick)  # type: ignore[arg-type]
    got = list(store.annotated_rows(wanted))
    assert [doc.id for doc, _, _ in got] == (sorted(wanted) if wanted else ids)
    for doc, spans, quotes in got:
        assert [r[0] for r in spans] == [s.id for s in store.spans(doc.id, include_rejected=True)]
        assert [r[0] for r in quotes] == [q.id for q in store.quotes(doc.id, include_rejected=True)]
        assert all(r[1] == doc.id for r in spans + quotes)
        assert doc == store.document(doc.id)


def test_an_up_to_date_database_opens_and_edits_without_importing_sqlite_utils(tmp_path):
    """Opening reads the schema steps with plain SQL (annotator.store.steps); sqlite-utils is imported only for a
    schema step or a query as dictionaries, so the window's launch does not pay for it."""
    db = tmp_path / "a.db"
    first = Store(db)  # created: the schema steps run through sqlite-utils
    first.add_document(Document("Ana Rusu spoke."))
    first.close()
    code = (
        "import sys; from annotator.store import Store; from annotator.domain import Span\n"
        "s = Store(sys.argv[1]); s.summaries(); d = s.document(s.document_ids()[0])\n"
        "with s.action('label', d.id): s.insert_span(Span(0, 8, 'PERSON', doc_id=d.id))\n"
        "assert [x.label for x in s.spans(d.id)] == ['PERSON'], s.spans(d.id)\n"
        "print('sqlite_utils' in sys.modules, s.schema_version()[-1])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", STEPS[-1]]


def test_the_schema_steps_listed_for_opening_are_those_sqlite_utils_applies():
    from annotator.store.migrations import migrations

    assert tuple(m.name for m in migrations._migrations) == STEPS


@pytest.mark.parametrize("origin, state", [("human", ""), ("model:x", ""), ("", "accepted"), ("rule:q", "rejected")])
def test_a_span_read_from_its_row_is_the_span_its_constructor_makes(origin, state):
    from dataclasses import fields, replace

    from annotator.store import _tuple_span

    row = (7, 3, 10, 14, "GPE", origin, state, "ana", "t0", "t1")
    made = Span(10, 14, "GPE", origin or "human", 7, 3, state, "ana", "t0", "t1")
    read = _tuple_span(row)
    assert (read, repr(read), hash(read), read.state, read.text) == (made, repr(made), hash(made), made.state, "")
    assert replace(read, label="ORG") == replace(made, label="ORG")
    assert vars(read) == {f.name: getattr(made, f.name) for f in fields(Span)}  # a new field is not forgotten
    with pytest.raises(AttributeError):  # still frozen
        read.label = "ORG"  # type: ignore[misc]


@pytest.mark.parametrize("meta", [{"source": "a.txt", "line": 3, "ok": True, "none": None}, {"x": "é\u202e😀"},
                                  {"n": 2**70}, {"s": "\ud800"}, {"f": 0.1}, {"nested": {"a": [1, "b"]}}, {1: "a"}])
def test_meta_is_stored_as_the_json_json_dumps_would_read_back(meta):
    import json

    from annotator.store import _meta_json

    assert json.loads(_meta_json(meta)) == json.loads(json.dumps(meta, ensure_ascii=False))


def test_a_nan_in_meta_is_stored_as_nan_so_that_the_export_can_report_it():
    from annotator.store import _meta_json

    assert "NaN" in _meta_json({"score": float("nan")})


def test_a_bulk_load_copies_the_log_into_the_database_less_often_and_then_as_before(tmp_path):
    from annotator.store import BULK_WAL_PAGES, WAL_PAGES

    store = Store(tmp_path / "bulk.db")
    pages = lambda: store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]  # noqa: E731
    with store.bulk_load():
        assert pages() == BULK_WAL_PAGES > WAL_PAGES
        store.add_document(Document("One article."))
    assert pages() == WAL_PAGES
    with pytest.raises(RuntimeError), store.bulk_load():
        raise RuntimeError("stopped")
    assert pages() == WAL_PAGES
    store.close()
    assert Store(tmp_path / "bulk.db").count_documents() == 1
