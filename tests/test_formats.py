"""Every export format read back by its consumer, the importers of Prodigy, doccano and our own JSONL, and their
bad input. The articles are invented for these tests."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.domain import ACCEPTED, REJECTED, Claim, Mention, Quote, Span
from annotator.store import Store

ARTICLE = ("Mayor Pera Krunn opened the Korvel bridge on Monday 🌉.\n\n"
           "“It joins two towns,” Krunn said. =HYPERLINK(\"http://x\") was painted on it.\n")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def make_db(path, text=ARTICLE, source="wire/korvel.txt"):
    """One invented article with a suggestion, an accepted span, a rejected one, a quote and a note."""
    from annotator.domain import Document

    store = Store(path, analyst="ana")
    with store.action("setup", undoable=False):
        doc_id, _ = store.add_document(Document(text=text, meta={"source": source, "desk": "city"}))
        at = text.index
        store.insert_span(Span(at("Pera Krunn"), at("Pera Krunn") + 10, "PERSON", "model:m@1", doc_id=doc_id,
                               state=ACCEPTED))
        store.insert_span(Span(at("Korvel"), at("Korvel") + 6, "GPE", "model:m@1", doc_id=doc_id))
        store.insert_span(Span(at("Monday"), at("Monday") + 6, "DATE", "model:m@1", doc_id=doc_id, state=REJECTED))
        store.insert_span(Span(at("Korvel bridge"), at("Korvel bridge") + 13, "FAC", doc_id=doc_id))
        store.insert_span(Span(at("=HYPER"), at("=HYPER") + 30, "MISC", doc_id=doc_id))
        q0 = at("It joins")
        store.insert_quote(Quote(q0, q0 + 18, speaker=Mention(at("Krunn said"), at("Krunn said") + 5),
                                 cue=Mention(at("said"), at("said") + 4), origin="rule:quotes@0.1.0", doc_id=doc_id,
                                 confidence=0.875))
        krunn, korvel = Mention(at("Krunn said"), at("Krunn said") + 5), Mention(at("Korvel"), at("Korvel") + 6)
        store.insert_claim(Claim("pooling", (Mention(q0, q0 + 18),), claimant=krunn, target=korvel, stance="favour",
                                 strength=2, aspect="borders", origin="rule:claims@0.1.0", confidence=0.5,
                                 doc_id=doc_id, state=ACCEPTED))
        store.insert_claim(Claim("contest", (Mention(0, 16),), outlet=True, target=korvel, stance="against",
                                 origin="rule:claims@0.1.0", doc_id=doc_id, state=REJECTED))
        store.set_note(doc_id, "check the bridge's name")
        store.set_status(doc_id, "done")
    store.set_splits({doc_id: "train"})
    store.close()
    return doc_id


def test_jsonl_round_trip_is_byte_identical(tmp_path):
    make_db(tmp_path / "a.db")
    assert run("export", "--db", tmp_path / "a.db", "-o", tmp_path / "one.jsonl").exit_code == 0
    result = run("import", tmp_path / "one.jsonl", "--db", tmp_path / "b.db", "--model", "missing-model")
    assert result.exit_code == 0, result.stderr  # annotated documents are not pre-annotated: no model needed
    assert "5 spans, 1 quotes and 2 claims as they were labeled" in result.stderr
    assert run("export", "--db", tmp_path / "b.db", "-o", tmp_path / "two.jsonl").exit_code == 0
    one, two = (tmp_path / "one.jsonl").read_bytes(), (tmp_path / "two.jsonl").read_bytes()
    assert one == two
    record = json.loads(one)
    assert record["meta"] == {"source": "wire/korvel.txt", "desk": "city"}
    assert (record["status"], record["note"], record["split"]) == ("done", "check the bridge's name", "train")
    assert [s["state"] for s in record["rejected"]["spans"]] == ["rejected"]
    assert {s["analyst"] for s in record["spans"]} == {"ana"}
    # into a database that already has other documents, ids move but everything else is kept
    other = tmp_path / "c.db"
    make_db(other, text="An earlier version.\n" + ARTICLE, source="other.txt")
    assert run("import", tmp_path / "one.jsonl", "--db", other).exit_code == 0
    out = run("export", "--db", other, "--source", "wire/korvel.txt", "-o", "-")
    moved = json.loads(out.stdout)
    assert moved["id"] != record["id"] or moved["spans"][0]["id"] != record["spans"][0]["id"]
    strip = lambda r: json.dumps({**r, "id": 0, "spans": [{**s, "id": 0} for s in r["spans"]],  # noqa: E731
                                  "quotes": [{**q, "id": 0} for q in r["quotes"]],
                                  "claims": [{**c, "id": 0} for c in r["claims"]],
                                  "rejected": {k: [{**x, "id": 0} for x in v] for k, v in r["rejected"].items()}})
    assert strip(moved) == strip(record)


def test_filters_and_the_summary(tmp_path):
    db = tmp_path / "a.db"
    make_db(db)
    everything = run("export", "--db", db, "-o", "-")
    assert "selected: everything (no filter)" in everything.stderr and "PERSON 1" in everything.stderr
    bad = CliRunner().invoke(cli, ["export", "--db", str(db), "--status", "finished"])
    assert bad.exit_code == 2 and "finished" in bad.stderr and "in_progress" in bad.stderr
    assert run("export", "--db", db, "--status", "new", "-o", "-").stdout == ""
    assert "exported 1 document" in run("export", "--db", db, "--status", "done", "-o", "-").stderr
    labeled = json.loads(run("export", "--db", db, "--label", "GPE", "-o", "-").stdout)
    assert [s["label"] for s in labeled["spans"]] == ["GPE"]
    assert run("export", "--db", db, "--label", "NOPE", "-o", "-").stdout == ""
    assert run("export", "--db", db, "--analyst", "bob", "-o", "-").stdout == ""
    assert run("export", "--db", db, "--split", "dev", "-o", "-").stdout == ""
    assert run("export", "--db", db, "--split", "train", "--source", "wire/*", "-o", "-").stdout
    assert run("export", "--db", db, "--since", "2999-01-01", "-o", "-").stdout == ""
    assert run("export", "--db", db, "--until", "2000-01-01", "-o", "-").stdout == ""
    assert run("export", "--db", db, "--until", "2999-01-01", "-o", "-").stdout
    assert run("export", "--db", db, "--where", "desk=city", "-o", "-").stdout
    assert run("export", "--db", db, "--where", "desk=sport", "-o", "-").stdout == ""
    assert run("export", "--db", db, "--where", 'de"sk=city', "-o", "-").stdout == ""
    assert CliRunner().invoke(cli, ["export", "--db", str(db), "--where", "desk"]).exit_code == 2


def test_csv_has_a_bom_escapes_formulas_and_reads_back(tmp_path):
    db = tmp_path / "a.db"
    make_db(db)
    assert run("export", "--db", db, "--format", "csv", "-o", tmp_path / "out.csv").exit_code == 0
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 6  # 4 kept spans + 1 quote + 1 claim; the rejected span and claim are not rows
    claim = next(r for r in rows if r["kind"] == "claim")
    assert (claim["label"], claim["speaker"], claim["text"]) == ("pooling", "Krunn", "It joins two towns")
    formula = next(r for r in rows if r["label"] == "MISC")
    assert formula["text"] == "'=HYPERLINK(\"http://x\") was pai"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), row
    quote = next(r for r in rows if r["kind"] == "quote")
    assert (quote["text"], quote["speaker"]) == ("It joins two towns", "Krunn")
    assert ARTICLE[int(quote["start"]) : int(quote["end"])] == quote["text"]


@pytest.mark.parametrize("value, expected", [("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
                                             ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), (7, 7), (None, "")])
def test_csv_cell_escaping(value, expected):
    from annotator.formats.csvfile import cell

    assert cell(value) == expected


def test_csv_rows_escape_every_text_cell_as_cell_does_in_text_order():
    """Spans at every offset of a text thick with formula starts (so text, context before and context after each
    begin with one or not), odd labels, origins, analysts and times, quotes and claims on the same offsets as
    spans: each row is what ``cell`` makes of each column, in (start, end, kind) order."""
    import random

    from annotator.formats import csvfile
    from annotator.formats.csvfile import CONTEXT, cell

    rng = random.Random(5)
    text = "".join(rng.choice("ab =+-@\t\r\né🌉") for _ in range(400))
    spans = [{"id": i, "start": i, "end": i + rng.randint(1, 9), "label": rng.choice(["PER", "=X", "-1", "@a"]),
              "origin": rng.choice(["human", "+model", "model:m@1"]), "state": rng.choice(["added", "suggested"]),
              "analyst": rng.choice([None, "ana", "=cmd", ""]), "modified_at": rng.choice([None, "2026-12-01", "-1"])}
             for i in range(0, 390, 2)]  # fmt: skip
    for s in spans:
        s["text"] = text[s["start"] : s["end"]]
    mention = lambda a, b: {"start": a, "end": b, "text": text[a:b]}  # noqa: E731
    quotes = [{"start": 10, "end": 14, "kind": "quote", "speaker": mention(0, 3), "origin": "human", "state": "added",
               "analyst": "-x", "modified_at": None}, {"start": 20, "end": 30, "kind": "=k", "speaker": None,
               "origin": "human", "state": "added", "analyst": None, "modified_at": "x"}]  # fmt: skip
    claims = [{"start": 10, "end": 14, "type": "+t", "claimant": mention(4, 6), "origin": "rule:r@1",
               "state": "accepted", "analyst": "ana", "modified_at": "@"}]  # fmt: skip
    record = {"id": 3, "text": text, "meta": {"source": "=wire"}, "spans": spans, "quotes": quotes, "claims": claims}

    def expected(kind, item, label, speaker):
        a, b = item["start"], item["end"]
        return [3, "'=wire", kind, a, b, cell(label), cell(text[a:b]), cell(speaker),
                cell(text[max(0, a - CONTEXT) : a]), cell(text[b : b + CONTEXT]), cell(item["origin"]),
                cell(item["state"]), cell(item["analyst"]), cell(item["modified_at"])]  # fmt: skip

    items = [("span", s, s["label"], None) for s in spans]
    items += [("quote", q, q["kind"], (q["speaker"] or {}).get("text")) for q in quotes]
    items += [("claim", c, c["type"], c["claimant"]["text"]) for c in claims]
    items.sort(key=lambda i: (i[1]["start"], i[1]["end"], i[0]))
    rows = [expected(*i) for i in items]
    by_csv = io.StringIO()
    csv.writer(by_csv, lineterminator="\r\n").writerows(rows)
    got = csvfile.lines(record)
    assert "".join(got) == by_csv.getvalue()  # the cells of cell(), quoted as csv.writer quotes them
    back = list(csv.reader(io.StringIO("".join(got), newline="")))
    assert back == [[str(v) for v in r] for r in rows]
    assert any(r[6].startswith("'") for r in back) and any(r[8].startswith("'") for r in back)
    assert any(r[9].startswith("'") for r in back) and any(not r[6].startswith("'") for r in back)
    assert any('"' in line for line in got) and any("\r\n" in r[8] for r in back)  # quoted cells among them
    out = io.StringIO()
    assert csvfile.write([record, {**record, "id": 4}], out) == 2
    csv.writer(by_csv, lineterminator="\r\n").writerows([[4, *r[1:]] for r in rows])  # the second document
    assert out.getvalue() == "\ufeff" + ",".join(csvfile.COLUMNS) + "\r\n" + by_csv.getvalue()


@pytest.mark.parametrize("value", ["plain", "a,b", 'say "hi"', "two\nlines", "cr\rcr", "\r\n", '"', ",", "", "é🌉‎",
                                   "=1,2", "-\"x\"", "\tx", 7, -3, 2.5, None, True, "\x00", "\u2028", " padded "])
def test_a_csv_cell_is_written_as_csv_writer_writes_it(value):
    from annotator.formats import csvfile

    record = {"id": 1, "text": f"{value} and more", "meta": {"source": value}, "quotes": [], "claims": [],
              "spans": [{"start": 0, "end": max(1, len(str(value))), "label": value, "origin": value, "state": value,
                         "analyst": value, "modified_at": value if isinstance(value, str) else None}]}  # fmt: skip
    by_csv = io.StringIO()
    s = record["spans"][0]
    text = record["text"]
    csv.writer(by_csv, lineterminator="\r\n").writerow(
        [1, csvfile.cell(value), "span", s["start"], s["end"], csvfile.cell(value), csvfile.cell(text[: s["end"]]), "",
         "", csvfile.cell(text[s["end"] :]), csvfile.cell(value), csvfile.cell(value), csvfile.cell(value),
         csvfile.cell(s["modified_at"])])  # fmt: skip
    assert csvfile.lines(record) == [by_csv.getvalue()]


def test_conll_reads_back_with_spacy_emoji_and_crlf(tmp_path):
    from spacy.training.converters import conll_ner_to_docs

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes("Pera Krunn 🌉 met Oskar Lind.\r\n\r\nThen Lind left 👋.\r\n".encode())
    db = tmp_path / "a.db"
    assert run("import", tmp_path / "in", "--db", db, "--no-preannotate").exit_code == 0
    store = Store(db)
    text = store.document(1).text
    with store.action("label"):
        for name, label in (("Pera Krunn", "PERSON"), ("Oskar Lind", "PERSON"), ("Lind left", "EVENT")):
            store.insert_span(Span(text.index(name), text.index(name) + len(name), label, doc_id=1))
    store.close()
    out = run("export", "--db", db, "--format", "conll", "-o", "-").stdout
    assert "\r" not in out and out.startswith("-DOCSTART- -X- -X- O\n\n")
    docs = list(conll_ner_to_docs(out, n_sents=10))
    words = [t.text for d in docs for t in d]
    assert "🌉" in words and "👋" in words
    ents = [(e.text, e.label_) for d in docs for e in d.ents]
    # "Lind left" overlaps nothing; "Oskar Lind" and "Lind left" do not overlap either: both kept
    assert ents == [("Pera Krunn", "PERSON"), ("Oskar Lind", "PERSON"), ("Lind left", "EVENT")]


def test_docbin_loads_in_spacy(tmp_path):
    import spacy
    from spacy.tokens import DocBin

    db = tmp_path / "a.db"
    make_db(db)
    assert run("export", "--db", db, "--format", "spacy", "-o", tmp_path / "out.spacy").exit_code == 0
    docs = list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(spacy.blank("en").vocab))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text == ARTICLE
    # "Korvel" (GPE) lies inside "Korvel bridge" (FAC): the longer one is the entity, both are in spans["sc"]
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("Pera Krunn", "PERSON"), ("Korvel bridge", "FAC")]
    assert {(s.text, s.label_) for s in doc.spans["sc"]} >= {("Korvel", "GPE"), ("Korvel bridge", "FAC")}
    assert "Monday" not in {s.text for s in doc.spans["sc"]}  # rejected
    assert [s.text for s in doc.spans["quotes"]] == ["It joins two towns"]
    assert doc.user_data["quote_speakers"][0][4] == "Krunn"
    assert run("export", "--db", db, "--format", "spacy", "-o", "-").exit_code == 2


@pytest.mark.slow
def test_spacy_train_accepts_the_docbin(tmp_path):
    import subprocess
    import sys

    from spacy.cli.init_config import init_config

    db = tmp_path / "a.db"
    make_db(db)
    assert run("export", "--db", db, "--format", "spacy", "-o", tmp_path / "train.spacy").exit_code == 0
    config = init_config(lang="en", pipeline=["ner"], optimize="efficiency", gpu=False)
    config["training"]["max_steps"] = 2
    config["training"]["eval_frequency"] = 1
    config.to_disk(tmp_path / "config.cfg")
    done = subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(tmp_path / "config.cfg"), "--output", str(tmp_path / "model"),
         "--paths.train", str(tmp_path / "train.spacy"), "--paths.dev", str(tmp_path / "train.spacy")],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "model" / "model-last" / "meta.json").exists()


PRODIGY = [  # the shapes of Prodigy's docs (ner_manual output): tokens, spans with token indices, answer
    {"text": "Anna Berg visited Tolmin.", "tokens": [
        {"text": "Anna", "start": 0, "end": 4, "id": 0, "ws": True}, {"text": "Berg", "start": 5, "end": 9, "id": 1, "ws": True},
        {"text": "visited", "start": 10, "end": 17, "id": 2, "ws": True}, {"text": "Tolmin", "start": 18, "end": 24, "id": 3, "ws": False},
        {"text": ".", "start": 24, "end": 25, "id": 4, "ws": False}],
     "spans": [{"start": 0, "end": 9, "token_start": 0, "token_end": 1, "label": "PERSON"},
               {"start": 18, "end": 24, "token_start": 3, "token_end": 3, "label": "GPE"}],
     "answer": "accept", "_input_hash": 1, "_task_hash": 2, "meta": {"source": "feed"}},
    {"text": "The Orm ferry sank.", "spans": [{"start": 4, "end": 13, "label": "FAC"}], "answer": "reject"},
    {"text": "Nothing to see in Vell.", "spans": [{"start": 18, "end": 22, "label": "GPE"}], "answer": "ignore"},
    {"text": "Kari Voss spoke.", "tokens": [{"text": "Kari", "start": 0, "end": 4}, {"text": "Voss", "start": 5, "end": 9}],
     "spans": [{"token_start": 0, "token_end": 1, "label": "PERSON"}], "answer": "accept"},
]


def write_lines(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def spans_of(db):
    store = Store(db, create=False, write=False)
    try:
        return {d.text: [(s.start, s.end, s.label, s.origin, s.state, s.analyst) for s in store.spans(d.id, True)]
                for d in store.documents()}
    finally:
        store.close()


def test_prodigy_import_answers_and_round_trip(tmp_path):
    write_lines(tmp_path / "p.jsonl", PRODIGY)
    db = tmp_path / "a.db"
    result = run("import", tmp_path / "p.jsonl", "--db", db, "--analyst", "kim", "--model", "missing-model")
    assert result.exit_code == 0, result.stderr
    assert "imported 3 new document(s)" in result.stderr and "1 ignored" in result.stderr
    got = spans_of(db)
    assert got["Anna Berg visited Tolmin."] == [(0, 9, "PERSON", "import:prodigy", "accepted", "kim"),
                                                (18, 24, "GPE", "import:prodigy", "accepted", "kim")]
    assert got["The Orm ferry sank."] == [(4, 13, "FAC", "import:prodigy", "rejected", "kim")]
    assert got["Kari Voss spoke."] == [(0, 9, "PERSON", "import:prodigy", "accepted", "kim")]
    assert "Nothing to see in Vell." not in got
    out = run("export", "--db", db, "--format", "prodigy", "-o", tmp_path / "back.jsonl")
    assert out.exit_code == 0
    back = [json.loads(line) for line in (tmp_path / "back.jsonl").read_text(encoding="utf-8").splitlines()]
    first = back[0]
    toks = first["tokens"]
    for span in first["spans"]:
        assert toks[span["token_start"]]["start"] == span["start"] and toks[span["token_end"]]["end"] == span["end"]
    assert back[1]["spans"] == []  # the rejected span is not an accepted example
    assert run("import", tmp_path / "back.jsonl", "--db", tmp_path / "b.db", "--format", "prodigy").exit_code == 0
    again = spans_of(tmp_path / "b.db")
    assert [s[:3] for s in again["Anna Berg visited Tolmin."]] == [(0, 9, "PERSON"), (18, 24, "GPE")]


def test_doccano_import_and_round_trip(tmp_path):
    write_lines(tmp_path / "d.jsonl", [
        {"id": 7, "text": "Lena Holm runs Brask Mining.\r\nShe said so.", "label": [[0, 9, "PERSON"], [15, 27, "ORG"], [30, 33, "PRON"]]},
        {"text": "Pia Lund left.", "entities": [{"id": 1, "start_offset": 0, "end_offset": 8, "label": "PERSON"}]},
    ])
    db = tmp_path / "a.db"
    assert run("import", tmp_path / "d.jsonl", "--db", db, "--analyst", "kim").exit_code == 0
    got = spans_of(db)
    assert got["Lena Holm runs Brask Mining.\nShe said so."] == [
        (0, 9, "PERSON", "import:doccano", "accepted", "kim"), (15, 27, "ORG", "import:doccano", "accepted", "kim"),
        (29, 32, "PRON", "import:doccano", "accepted", "kim")]  # after the CRLF: moved one back with the text
    assert got["Pia Lund left."] == [(0, 8, "PERSON", "import:doccano", "accepted", "kim")]
    assert run("export", "--db", db, "--format", "doccano", "-o", tmp_path / "back.jsonl").exit_code == 0
    lines = [json.loads(x) for x in (tmp_path / "back.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines[0]["label"] == [[0, 9, "PERSON"], [15, 27, "ORG"], [29, 32, "PRON"]]
    assert lines[0]["text"][29:32] == "She"
    assert run("import", tmp_path / "back.jsonl", "--db", tmp_path / "b.db").exit_code == 0
    assert [s[:3] for s in spans_of(tmp_path / "b.db")["Pia Lund left."]] == [(0, 8, "PERSON")]


@pytest.mark.parametrize("fmt, records, reason", [
    ("prodigy", [{"text": "A b.", "spans": [], "answer": "maybe"}], "answer"),
    ("prodigy", [{"text": "A b.", "tokens": [], "spans": [{"token_start": 0, "token_end": 3, "label": "X"}], "answer": "accept"}], "token_start"),
    ("prodigy", [{"text": "A b.", "spans": [{"start": 0, "end": 99, "label": "X"}], "answer": "accept"}], "does not fit"),
    ("doccano", [{"text": "A b.", "label": [[0, 1]]}], "[start, end, label]"),
    ("doccano", [{"text": "A b.", "label": [[0, 1, ""]]}], "needs a label"),
    ("annotator", [{"text": "A b.", "status": "new", "spans": [{"start": 0, "end": 1, "label": "X", "text": "Q", "origin": "human", "state": "added"}], "rejected": {}}], "says 'Q'"),
    ("annotator", [{"text": "A b.", "status": "finished", "spans": [], "rejected": {}}], "status"),
    ("annotator", [{"text": "A b.", "status": "new", "spans": [{"start": 0, "end": 1, "label": "X", "origin": "human", "state": "maybe"}], "rejected": {}}], "state"),
])
def test_bad_input_per_importer_is_named_with_file_and_line(tmp_path, fmt, records, reason):
    good = {"text": "A good line.", "meta": {}}
    write_lines(tmp_path / "bad.jsonl", [good if fmt == "plain" else records[0], *records, good])
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "bad.jsonl"), "--db", str(tmp_path / "a.db"),
                                      "--format", fmt, "--no-preannotate"])
    assert result.exit_code == 1
    assert "bad.jsonl:2:" in result.stderr and reason in result.stderr and f"({fmt} format)" in result.stderr


def test_format_is_detected_per_file(tmp_path):
    from annotator.importer import detect

    assert detect(PRODIGY[1]) == "prodigy"
    assert detect({"text": "x", "label": [[0, 1, "A"]]}) == "doccano"
    assert detect({"text": "x", "meta": {}}) == "plain"
    assert detect({"text": "x", "status": "new", "spans": [], "rejected": {}}) == "annotator"


def test_the_fast_record_path_writes_what_document_record_writes(tmp_path):
    from annotator.domain import Selection
    from annotator.formats.records import document_record, record_from_rows

    make_db(tmp_path / "a.db")
    store = Store(tmp_path / "a.db", create=False, write=False)
    try:
        rows = list(store.annotated_rows())
        docs = list(store.annotated_documents())
    finally:
        store.close()
    for chosen in (Selection(), Selection(labels=("GPE",)), Selection(analysts=("nobody",))):
        keep = chosen.keeps_values if chosen else None
        for (doc, span_rows, quote_rows), (_, spans, quotes) in zip(rows, docs, strict=True):
            spans = [s for s in spans if chosen.keeps(s)]
            quotes = [q for q in quotes if chosen.keeps(q)]
            slow = document_record(doc, [s for s in spans if s.state != REJECTED], [q for q in quotes if q.state != REJECTED],
                                   [s for s in spans if s.state == REJECTED], [q for q in quotes if q.state == REJECTED])
            fast = record_from_rows(doc, span_rows, quote_rows, keep)
            assert json.dumps(fast) == json.dumps(slow)
            assert fast["spans"] or chosen.analysts


def test_the_csv_lines_from_store_rows_are_those_from_records(tmp_path):
    """The csv export reads spans as store rows (no record per span): the same lines as from the records, for
    every selection, with an empty origin or state in a row (as another program may leave them), no analyst, and
    labels, analysts and times that begin with a formula start."""
    import sqlite3

    from annotator.domain import Selection
    from annotator.formats import csvfile
    from annotator.formats.records import lean_record_from_rows, record_from_rows

    make_db(tmp_path / "a.db")
    conn = sqlite3.connect(tmp_path / "a.db")
    with conn:
        conn.execute("UPDATE spans SET origin = '' WHERE label = 'FAC'")
        conn.execute("UPDATE spans SET state = '', analyst = NULL WHERE label = 'GPE'")
        conn.execute("UPDATE spans SET label = '=SUM(A1)', analyst = '-ana', modified_at = '+1,2' WHERE label = 'MISC'")
    conn.close()
    store = Store(tmp_path / "a.db", create=False, write=False)
    try:
        rows = list(store.annotated_rows())
        claims = store.claims_by_document()
    finally:
        store.close()
    for chosen in (Selection(), Selection(labels=("GPE",)), Selection(analysts=("ana",)), Selection(analysts=("x",))):
        keep = chosen.keeps_values if chosen else None
        for doc, span_rows, quote_rows in rows:
            mine = claims.get(doc.id, [])
            record = record_from_rows(doc, span_rows, quote_rows, keep, mine)
            lean, kept = lean_record_from_rows(doc, span_rows, quote_rows, keep, mine)
            assert csvfile.lines(lean, None, kept) == csvfile.lines(record)
            assert len(kept) == len(record["spans"]) and lean["quotes"] == record["quotes"]
            if chosen == Selection():
                text = "".join(csvfile.lines(record))
                assert ",FAC," in text and ",human,added," in text and "'=SUM(A1)" in text and '"\'+1,2"' in text


def test_docbin_per_split_into_a_folder(tmp_path):
    import spacy
    from spacy.tokens import DocBin

    db = tmp_path / "a.db"
    make_db(db)  # its one document is in train
    result = run("export", "--db", db, "--format", "spacy", "-o", str(tmp_path / "corpus") + "/")
    assert result.exit_code == 0, result.stderr
    assert "train 1, dev 0, test 0" in result.stderr
    vocab = spacy.blank("en").vocab
    counts = {name: len(list(DocBin().from_disk(tmp_path / "corpus" / f"{name}.spacy").get_docs(vocab)))
              for name in ("train", "dev", "test")}
    assert counts == {"train": 1, "dev": 0, "test": 0}


def test_annotations_for_a_document_already_present_join_it_once(tmp_path):
    db = tmp_path / "a.db"
    text = "Ana Rusu met Ion Popa in Valdor on Monday."
    assert run("import", str(_plain(tmp_path, text)), "--db", db, "--no-preannotate").exit_code == 0
    feed = tmp_path / "prodigy.jsonl"
    feed.write_text(json.dumps({"text": text, "answer": "accept", "spans": [
        {"start": 0, "end": 8, "label": "PERSON"}, {"start": 25, "end": 31, "label": "GPE"}]}) + "\n", encoding="utf-8")
    first = run("import", feed, "--db", db, "--analyst", "ana")
    assert first.exit_code == 0 and "2 spans, 0 quotes and 0 claims joined the documents as ana's" in first.stderr
    again = run("import", feed, "--db", db, "--analyst", "ana")
    assert again.exit_code == 0 and "were there already" in again.stderr
    store = Store(db, write=False)
    (doc_id,) = store.document_ids()
    assert [(s.label, s.analyst, s.origin) for s in store.spans(doc_id)] == [
        ("PERSON", "ana", "import:prodigy"), ("GPE", "ana", "import:prodigy")]
    store.close()


def _plain(tmp_path, text):
    path = tmp_path / "plain.jsonl"
    path.write_text(json.dumps({"text": text, "meta": {"source": "x.txt"}}) + "\n", encoding="utf-8")
    return path
