"""Batch pre-annotation without a database: JSONL shards (or folders of text) in, annotated JSONL shards out.

One output shard per input shard, in our export format, with the machine's proposals as suggestions and their
provenance, and no times, so the same input gives the same bytes whether it ran in one process, on several
workers or on a Dask cluster. ``annotator import OUTDIR`` brings the results into a database.

On Dask each shard is one task; a worker process loads the pipeline once and keeps it for later shards.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.domain import SUGGESTED, Annotations, Document, PipelineInfo
from annotator.review import claim_key, plan, quote_key, span_key

_PIPELINES: dict[str | None, Any] = {}  # per process: a Dask worker keeps its pipeline between shards


@dataclass(frozen=True)
class ShardResult:
    source: str
    output: str
    documents: int
    failed: int
    words: int
    problems: tuple[str, ...] = ()  # "SHARD: document N: why", for texts the rules failed on (not written)


def output_name(path: Path) -> str:
    """The output shard for an input: ``a.jsonl`` -> ``a.jsonl``, a folder ``wire/`` -> ``wire.jsonl``."""
    return f"{path.stem if path.is_file() else path.name}.jsonl"


def proposals_record(doc: Document, ann: Annotations, info: PipelineInfo, labels: set[str] | None) -> dict[str, Any]:
    """The export record of a new document with ``ann`` as suggestions, as a pre-annotation run into an empty
    database would leave it (origins stamped, duplicates dropped, claims tied to their quotes), without ids'
    meaning outside the record and without times."""
    from annotator.formats.records import document_record

    stamp = info.stamp
    spans = [s.with_(origin=stamp(s.origin), state=SUGGESTED) for s in ann.spans if labels is None or s.label in labels]
    spans = plan([], spans, span_key).add
    quotes = plan([], [q.with_(origin=stamp(q.origin), state=SUGGESTED) for q in ann.quotes], quote_key).add
    quotes = [q.with_(id=n) for n, q in enumerate(sorted(quotes, key=lambda q: (q.start, q.end)), start=1)]
    by_extent = {(q.start, q.end): q.id for q in quotes}
    claims = plan([], [c.with_(origin=stamp(c.origin), state=SUGGESTED) for c in ann.claims], claim_key).add
    claims = [c.with_(quote_id=by_extent.get((c.evidence[0].start, c.evidence[0].end)) if c.evidence else None)
              for c in claims]
    doc.preannotated = f"{info.pipeline}@{info.version}, {info.rules}"  # no time: the import stamps it
    record = document_record(doc, spans, quotes, claims=claims)
    return record


def _pipeline(model: str | None) -> Any:
    if model not in _PIPELINES:
        from annotator.nlp.pipeline import load_pipeline

        _PIPELINES[model] = load_pipeline(model)
    return _PIPELINES[model]


def annotate_shard(source: str, outdir: str, model: str | None, labels: list[str] | None = None,
                   workers: int = 1) -> ShardResult:
    """Annotate one input shard into ``outdir`` (written to a .partial file, renamed when complete)."""
    from annotator.formats.jsonl import write_records
    from annotator.importer import read_incoming
    from annotator.nlp.pipeline import annotate_many
    from annotator.nlp.provenance import pipeline_info

    nlp = _pipeline(model)
    info = pipeline_info(nlp)
    keep = set(labels) if labels is not None else None
    path = Path(source)
    target = Path(outdir) / output_name(path)
    tmp = target.with_name(target.name + ".partial")
    failed = words = 0
    docs: list[Document] = []
    problems: list[str] = []

    def texts() -> Iterator[str]:
        nonlocal failed, words
        for item in read_incoming([path]):
            if not hasattr(item, "doc"):
                failed += 1
                continue
            docs.append(item.doc)
            words += len(item.doc.text.split())
            yield item.doc.text

    if workers > 1:
        from annotator.nlp.parallel import annotate_parallel

        results: Iterable[Annotations] = annotate_parallel(nlp, texts(), workers)  # (forked with it, or spawned by name)
    else:
        results = annotate_many(nlp, texts())

    def records() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for n, ann in enumerate(results):
            if ann.problem:  # the rules failed on this text: counted as failed, not written half-annotated
                failed += 1
                problems.append(f"{path}: document {n + 1}: {ann.problem}")
            else:
                yield proposals_record(docs[n], ann, info, keep)
            docs[n] = None  # type: ignore[call-overload]  # memory stays flat: each text is let go once written

    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as out:
            n = write_records(records(), out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return ShardResult(str(path), str(target), n, failed, words, tuple(problems))


def annotate_local(sources: list[str], outdir: str, model: str | None, labels: list[str] | None, workers: int,
                   done: Callable[[ShardResult], None]) -> list[ShardResult]:
    """Every shard in this process (``workers`` > 1: parsed by that many processes), in order."""
    out = []
    for source in sources:
        result = annotate_shard(source, outdir, model, labels, workers)
        done(result)
        out.append(result)
    return out


def annotate_dask(sources: list[str], outdir: str, model: str | None, labels: list[str] | None, address: str,
                  workers: int) -> list[ShardResult]:
    """Every shard as a task on the Dask scheduler at ``address`` (``local``: a LocalCluster of ``workers``
    processes), with Dask's progress bar; each worker loads the pipeline once. The workers must see the input
    and output paths (a shared file system) and have annotator and the pipeline installed."""
    from dask.distributed import Client, LocalCluster, progress

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) if address == "local" else None
    try:
        with Client(cluster if cluster is not None else address) as client:
            futures = client.map(annotate_shard, sources, outdir=outdir, model=model, labels=labels, pure=False)
            progress(futures)
            return client.gather(futures)
    finally:
        if cluster is not None:
            cluster.close()
