"""`annotator annotate`: shards in, annotated shards out, no database; the same bytes in one process, with
--workers 2 and on a local Dask cluster; importing the output equals importing the texts directly."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli

from .conftest import SEEDS

pytestmark = pytest.mark.slow  # worker processes and a Dask cluster start (a few seconds)


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def shards(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    folder = tmp_path / "in"
    folder.mkdir()
    for i, part in enumerate([seeds[:4], seeds[4:]]):
        with (folder / f"part-{i}.jsonl").open("w", encoding="utf-8") as f:
            for p in part:
                f.write(json.dumps({"text": p.read_text(encoding="utf-8"), "meta": {"source": p.name}}) + "\n")
    (folder / "part-2.jsonl").write_text('{"text": "Ana said \\"no\\"."}\nnot json\n', encoding="utf-8")
    return sorted(folder.glob("*.jsonl"))


def comparable(db):
    """An export with what legitimately differs between databases (ids, times, the stamp's time) taken out."""
    out = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", "-"], catch_exceptions=False).stdout
    records = []
    for line in out.splitlines():
        r = json.loads(line)
        r["id"] = None
        r["preannotated"] = r["preannotated"].split(" at ")[0]
        for kind in ("spans", "quotes", "claims"):
            for a in r[kind]:
                a.update(id=None, created_at=None, modified_at=None)
                if kind == "claims":
                    a["quote_id"] = a["quote_id"] is not None
        records.append(r)
    return sorted(records, key=lambda r: r["text"])


def test_same_bytes_in_one_process_two_workers_and_dask_and_import_equals_direct(tmp_path, shards, ruler_model_dir):
    outs = {}
    for name, extra in [("one", []), ("workers", ["--workers", "2"]), ("dask", ["--dask", "local", "--workers", "2"])]:
        out = tmp_path / name
        result = run("annotate", *shards, "-o", out, "--model", ruler_model_dir, *extra)
        assert result.exit_code == 0, result.stderr
        outs[name] = {p.name: p.read_bytes() for p in sorted(out.glob("*.jsonl"))}
    assert list(outs["one"]) == ["part-0.jsonl", "part-1.jsonl", "part-2.jsonl"]
    assert outs["one"] == outs["workers"] == outs["dask"]
    assert not list((tmp_path / "one").glob("*.partial"))
    first = json.loads(outs["one"]["part-0.jsonl"].splitlines()[0])
    assert first["spans"] and all(s["state"] == "suggested" and s["created_at"] is None for s in first["spans"])
    assert first["meta"]["source"] == "part-0.jsonl" and first["meta"]["original_source"].endswith(".txt")
    # into a database: the same as importing the shards and pre-annotating there
    via = tmp_path / "via.db"
    result = run("import", tmp_path / "one", "--db", via, "--model", "no-such-model", "--analyst", "ana")
    assert result.exit_code == 0, result.stderr  # annotated already: no model needed, nothing pending
    direct = tmp_path / "direct.db"
    result = run("import", *shards, "--db", direct, "--model", ruler_model_dir, "--analyst", "ana")
    assert result.exit_code == 1  # the bad line of part-2 is reported (and skipped) both ways
    assert comparable(via) == comparable(direct)
    stats = run("stats", "--db", via).stdout
    assert "; 0 not yet pre-annotated" in stats
    again = run("import", tmp_path / "one", "--db", via)
    assert "0 new document(s), 8 already present" in again.stderr  # duplicates skipped


def test_bad_inputs_are_one_line(tmp_path, shards, ruler_model_dir):
    result = run("annotate", shards[0], shards[0], "-o", tmp_path / "o", "--model", ruler_model_dir)
    assert result.exit_code == 2 and "same output shard" in result.stderr
    result = run("annotate", shards[0], "-o", tmp_path / "o", "--model", "no-such-model")
    assert result.exit_code == 2 and "no-such-model" in result.stderr and not (tmp_path / "o" / "part-0.jsonl").exists()
    blocked = tmp_path / "file"
    blocked.write_text("x")
    result = run("annotate", shards[0], "-o", blocked / "sub", "--model", ruler_model_dir)
    assert result.exit_code != 0
