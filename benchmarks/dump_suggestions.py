"""Dump every suggestion pre-annotation makes for the seeds and the benchmark articles, to compare runs.

    python benchmarks/dump_suggestions.py OUT.json [--model NAME] [--no-db]

For each text (``seeds/*``, every ``.txt`` under ``benchmarks/claims/`` and ``benchmarks/quotes/``): the Annotations of
``annotate`` (one text) and of ``annotate_many`` (batched), with every field; then what the database holds
after ``Project.preannotate`` with one process and with two workers (every row of spans, quotes, claims,
documents and the journal, times left out). Two dumps of the same code are byte-identical; a change that
must not change the suggestions is checked with ``cmp before.json after.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.api import Project  # noqa: E402
from annotator.domain import Document  # noqa: E402
from annotator.importer import read_all  # noqa: E402
from annotator.nlp.pipeline import annotate, annotate_many, load_pipeline  # noqa: E402
from annotator.store import Store  # noqa: E402

TIME_KEYS = re.compile(r"(^|_)at$")  # created_at, modified_at, pre_at, updated_at, at


def corpus() -> list[tuple[str, str]]:
    texts = [(f"seeds/{Path(d.meta.get('source', '')).name}", d.text) for d in read_all([ROOT / "seeds"])
             if hasattr(d, "text")]
    for folder in ("claims", "quotes"):
        base = ROOT / "benchmarks" / folder
        for path in sorted(base.rglob("*.txt")):
            if _sealed(folder, path.relative_to(base)):
                continue  # a sealed set's texts are run only by the benchmark that scores them
            texts.append((f"{folder}/{path.relative_to(base).as_posix()}", path.read_bytes().decode("utf-8")))
    return texts


def _sealed(folder: str, rel: Path) -> bool:
    from benchmarks.claims import sealed_file
    from benchmarks.quotes import SEALED

    if folder == "claims":
        return sealed_file(rel)
    return len(rel.parts) > 2 and rel.parts[0] == "realstyle" and rel.parts[1] in SEALED


def untimed(value):
    if isinstance(value, dict):
        return {k: untimed(v) for k, v in value.items() if not TIME_KEYS.search(k)}
    if isinstance(value, list):
        return [untimed(v) for v in value]
    return value


def rows(store: Store) -> dict:
    out = {}
    for table in ("documents", "spans", "quotes", "claims", "edit_log"):
        got = []
        for row in store.db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall():
            names = [c[0] for c in store.db.execute(f"SELECT * FROM {table} LIMIT 0").description]
            rec = untimed(dict(zip(names, row, strict=True)))
            for key in ("ops", "detail"):
                if isinstance(rec.get(key), str) and rec[key][:1] in "[{":
                    rec[key] = untimed(json.loads(rec[key]))
            got.append(rec)
        out[table] = got
    return out


def through_db(model, texts: list[tuple[str, str]], workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"{tmp}/p.db", backup=False, analyst="dump")
        with store.action("setup", undoable=False):
            ids = [store.add_document(Document(t, {"source": name}))[0] for name, t in texts]
        Project(store).preannotate(ids, model, workers=workers)
        got = rows(store)
        store.close()
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--model", default=None)
    ap.add_argument("--no-db", action="store_true", help="only the Annotations, not the database runs")
    args = ap.parse_args()
    nlp = load_pipeline(args.model)
    texts = corpus()
    dump: dict = {"one": {}, "many": {}}
    for name, text in texts:
        dump["one"][name] = dataclasses.asdict(annotate(nlp, text))
    for (name, _), ann in zip(texts, annotate_many(nlp, [t for _, t in texts]), strict=True):
        dump["many"][name] = dataclasses.asdict(ann)
    if not args.no_db:
        dump["db1"] = through_db(nlp, texts, 1)
        dump["db2"] = through_db(args.model, texts, 2)
    Path(args.out).write_text(json.dumps(dump, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = {k: sum(len(a["spans"]) + len(a["quotes"]) + len(a["claims"]) for a in dump[k].values())
              for k in ("one", "many")}
    print(f"{len(texts)} texts; suggestions: {counts}; written to {args.out}")


if __name__ == "__main__":
    main()
