"""The only place with SQL: one sqlite-utils Database, WAL, one writer, one transaction per action.

Every write happens inside :meth:`Store.action` (a write called outside one gets an action of its own): one
``BEGIN IMMEDIATE … COMMIT`` and one ``edit_log`` entry holding the row images, which undo and redo replay.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import getpass
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from annotator.domain import (
    ACCEPTED,
    CLAIM_COLUMNS,
    QUOTE_COLUMNS,
    SPAN_COLUMNS,
    STATES,
    STATUSES,
    Change,
    Claim,
    Document,
    Mention,
    PipelineInfo,
    Quote,
    Selection,
    Span,
    check_offsets,
    initial_state,
)
from annotator.store import safety
from annotator.store.journal import APPLIED, DISCARDED, UNDONE, Action, Op, UndoConflict, matches
from annotator.store.steps import KNOWN, MIGRATION_SET, STEPS

if TYPE_CHECKING:
    from annotator.store.lib import Database

BUSY_TIMEOUT_S = 5.0
WAL_PAGES = 1_000  # SQLite's default: the write-ahead log is copied into the database at this size
BULK_WAL_PAGES = 16_384  # during an import (bulk_load): about 64 MiB of log between copies


class StoreError(RuntimeError):
    """The database cannot be used (corrupt, locked, newer than this program); the message says why."""


__all__ = ["DocumentSummary", "HistoryEntry", "Store", "StoreError", "UndoConflict", "default_db_path"]


class DocumentSummary(NamedTuple):  # a tuple: 100,000 of them are made when the window opens
    id: int
    title: str
    source: str
    status: str
    words: int
    spans: int
    quotes: int
    cluster: int | None = None  # the near-duplicate cluster (annotator dupes), if any
    disagreement: float | None = None  # how much its analysts disagree (0 … 1; None: fewer than two analysts)


@dataclass(frozen=True)
class HistoryEntry:
    """One undoable action in a document's history."""

    id: int
    doc_id: int | None
    label: str
    analyst: str
    at: str
    state: str  # applied | undone


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="milliseconds")


def default_analyst() -> str:
    """The OS user's name (the analyst when no setting or option names one)."""
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # no user database entry (containers)
        return os.environ.get("USER") or "unknown"


def _mention(start: Any, end: Any) -> Mention | None:
    if start is None or end is None:
        return None
    return Mention(int(start), int(end))


def _parts(m: Mention | None) -> tuple[int | None, int | None]:
    return (m.start, m.end) if m else (None, None)


WORK, GOLD = "", "gold"  # the analysts' layer and the adjudicated one
ANNOTATION_TABLES = frozenset({"spans", "quotes", "claims"})
_SPAN_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in SPAN_COLUMNS) + " FROM spans"
_QUOTE_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in QUOTE_COLUMNS) + " FROM quotes"
# what a Document is made of (not the title, word count or times): the export's reader selects only these
_EXPORT_DOCUMENT_COLUMNS = ("id", "hash", "text", "meta", "source", "status", "note", "split", "cluster",
                            "pre_pipeline", "pre_version", "pre_rules", "pre_at")
_EXPORT_DOCUMENT_SELECT = "SELECT " + ", ".join(_EXPORT_DOCUMENT_COLUMNS) + " FROM documents"
_DOC_ID = itemgetter(1)  # doc_id is the second column of a span, quote and claim row
_NO_GROUP: tuple[None, Iterator[tuple]] = (None, iter(()))
_START, _TEXT_ORDER = itemgetter(2), itemgetter(2, 3, 0)  # start; (start, end, id) of a span or quote row
assert SPAN_COLUMNS[:4] == QUOTE_COLUMNS[:4] == ("id", "doc_id", "start", "end"), "the export reader's positions"


def _in_text_order(rows: list[tuple]) -> list[tuple]:
    """One document's rows, read in (start, id) order, in text order (start, end, id): only rows that share a
    start can be out of it, so the rows are sorted only when two do (looked at in C)."""
    if len(rows) > 1 and len(set(map(_START, rows))) < len(rows):
        rows.sort(key=_TEXT_ORDER)
    return rows
_CLAIM_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in CLAIM_COLUMNS) + " FROM claims"
_CLAIM_PARTS = {"claimant": "claimant", "target": "target", "addressee": "addressee"}
_EVIDENCE_AT = CLAIM_COLUMNS.index("evidence")
# rows named by a list of ids bound as one JSON parameter: one statement for any number of ids (a placeholder per
# id stops at SQLite's limit on bound variables). Beside it, ``+doc_id`` keeps SQLite on the ids: with the
# document's index it would walk all the document's rows (3-11 ms for 16,000 spans, against 0.4 ms)
_AMONG_IDS = "id IN (SELECT value FROM json_each(?))"


def _id_list(ids: Iterable[int]) -> str:
    return json.dumps([int(i) for i in dict.fromkeys(ids)])
# a row whose state reads as ``suggested`` (no state: a machine's origin makes it one, as Claim() fills it in)
_SUGGESTED_SQL = "(state = 'suggested' OR (coalesce(state, '') = '' AND coalesce(origin, '') NOT IN ('', 'human')))"
# an evidence cell that may hold a mention starting at the bound number: one naming its digits, or one holding anything
# but plain integers (a float, a quoted number, damage), which the reader's own parse then decides: never one that can
# match less than the whole read
_EVIDENCE_MAY_HOLD_SQL = "(instr(evidence, ?) > 0 OR evidence GLOB '*[^][0-9, ]*')"


def _span_row(span: Span) -> dict[str, Any]:
    return {
        "doc_id": span.doc_id, "start": span.start, "end": span.end, "label": span.label, "origin": span.origin,
        "state": span.state, "analyst": span.analyst, "created_at": span.created_at, "modified_at": span.modified_at,
    }  # fmt: skip


def _quote_row(quote: Quote) -> dict[str, Any]:
    sp, mn, cue, src = _parts(quote.speaker), _parts(quote.speaker_mention), _parts(quote.cue), _parts(quote.source_of)
    return {
        "doc_id": quote.doc_id, "start": quote.start, "end": quote.end, "kind": quote.kind,
        "speaker_start": sp[0], "speaker_end": sp[1], "mention_start": mn[0], "mention_end": mn[1],
        "cue_start": cue[0], "cue_end": cue[1], "source_start": src[0], "source_end": src[1],
        "confidence": quote.confidence, "origin": quote.origin, "state": quote.state, "analyst": quote.analyst,
        "created_at": quote.created_at, "modified_at": quote.modified_at,
    }  # fmt: skip


def _exported_document(row: tuple) -> Document:
    """A Document from a row of ``_EXPORT_DOCUMENT_COLUMNS`` (a damaged meta cell keeps only the source)."""
    id_, hash_, text, meta, source, status, note, split, cluster, pipeline, version, rules, at = row
    try:
        meta = json.loads(meta or "{}")
    except json.JSONDecodeError:
        meta = {"source": source}
    pre = f"{pipeline or '?'}@{version or '?'}, {rules or '?'} at {at}" if at else None
    return Document(text=text, meta=meta, status=status, id=id_, hash=hash_, preannotated=pre, note=note or "",
                    split=split, cluster=cluster)


_new, _set = object.__new__, object.__setattr__
_FLAT = frozenset({str, int, bool, type(None)})  # meta values orjson writes exactly as json.dumps reads them back


def _meta_json(meta: dict[str, Any]) -> str:
    """A document's meta as its column holds it (JSON). orjson writes the usual meta (text and whole numbers)
    several times faster than json.dumps, the cost that counted most in an import's own work; anything else
    (a float, which may be NaN, a nested value, an integer beyond 64 bits, a lone surrogate) goes through
    json.dumps, which keeps NaN as NaN for the export to report."""
    if _FLAT.issuperset(map(type, meta.values())):
        import orjson  # here, not at the top: it imports uuid and platform, a few ms of every launch

        try:
            return orjson.dumps(meta).decode()
        except (orjson.JSONEncodeError, UnicodeDecodeError):
            pass
    return json.dumps(meta, ensure_ascii=False)


def _tuple_span(row: tuple) -> Span:
    """A span from its row (``SPAN_COLUMNS``), made without the frozen dataclass's ``__init__``, which sets each
    of eleven fields through ``object.__setattr__``: a third of the time, and a document of 50,000 spans is
    read whole when it opens. The same object as ``Span(...)`` makes (its fields, equality, hash, repr)."""
    id_, doc_id, start, end, label, origin, state, analyst, created, modified = row  # SPAN_COLUMNS
    origin = origin or "human"
    fields = {"start": start, "end": end, "label": label, "origin": origin, "id": id_, "doc_id": doc_id,
              "state": state or initial_state(origin), "analyst": analyst, "created_at": created,
              "modified_at": modified, "text": ""}  # fmt: skip
    span = _new(Span)
    _set(span, "__dict__", fields)
    return span


# The columns a span's values repeat in (a document's spans share a few labels, origins, states and analysts):
# a document's reader asks SQLite for each row's combination of them as one number (below).
_SHARED = ("label", "origin", "state", "analyst")
_SHARED_MAX = 64  # distinct values of one column past which the plain reader is used


def _shared_code(combos: list[tuple]) -> tuple[str, list, list[int]] | None:
    """For the distinct (label, origin, state, analyst) combinations of a document's spans: an SQL expression
    numbering each row's combination (a CASE per column, in mixed radix), its parameters, and each
    combination's number; None when a column holds anything but text or NULL (a foreign database: read plainly)."""
    terms, params, radix = [], [], 1
    codes = [0] * len(combos)
    for c, column in enumerate(_SHARED):
        distinct = {combo[c] for combo in combos}
        if len(distinct) > _SHARED_MAX or not all(v is None or isinstance(v, str) for v in distinct):
            return None
        values = sorted(distinct, key=lambda v: (v is not None, v or ""))
        number = {v: i for i, v in enumerate(values)}
        whens = " ".join(f"WHEN ? THEN {number[v] * radix}" for v in values if v is not None)
        terms.append(f'(CASE "{column}" {whens} ELSE 0 END)' if whens else "0")  # NULL, if any, is number 0
        params.extend(v for v in values if v is not None)
        for n, combo in enumerate(combos):
            codes[n] += number[combo[c]] * radix
        radix *= len(values)
    return " + ".join(terms), params, codes


def _to_wal(conn: sqlite3.Connection) -> str:
    """``PRAGMA journal_mode=WAL``, waiting as every other statement does for a lock another connection holds.
    The switch needs the file to itself and SQLite fails it at once, not calling the busy handler, while another
    connection writes in the rollback journal (two imports creating one new database at the same moment: one of
    them stopped with "database is locked"); so it is tried again until ``BUSY_TIMEOUT_S`` has gone by."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode=WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


def _tuple_quote(row: tuple) -> Quote:
    r = dict(zip(QUOTE_COLUMNS, row, strict=True))
    return Quote(
        start=r["start"],
        end=r["end"],
        speaker=_mention(r["speaker_start"], r["speaker_end"]),
        speaker_mention=_mention(r["mention_start"], r["mention_end"]),
        cue=_mention(r["cue_start"], r["cue_end"]),
        confidence=r["confidence"] if r["confidence"] is not None else 1.0,
        kind=r["kind"] or "quote",
        source_of=_mention(r["source_start"], r["source_end"]),
        origin=r["origin"] or "human",
        id=r["id"],
        doc_id=r["doc_id"],
        state=r["state"] or "",
        analyst=r["analyst"],
        created_at=r["created_at"],
        modified_at=r["modified_at"],
    )


def _claim_row(claim: Claim) -> dict[str, Any]:
    row: dict[str, Any] = {
        "doc_id": claim.doc_id, "start": claim.start, "end": claim.end, "claim_type": claim.claim_type,
        "stance": claim.stance, "strength": claim.strength, "aspect": claim.aspect,
        "evidence": json.dumps([[m.start, m.end] for m in claim.evidence]), "outlet": int(claim.outlet),
        "scope": claim.scope, "quote_id": claim.quote_id, "confidence": claim.confidence, "note": claim.note,
        "cue": claim.cue, "origin": claim.origin, "state": claim.state, "analyst": claim.analyst,
        "created_at": claim.created_at, "modified_at": claim.modified_at,
    }  # fmt: skip
    for name, prefix in _CLAIM_PARTS.items():
        row[f"{prefix}_start"], row[f"{prefix}_end"] = _parts(getattr(claim, name))
    return row


def _evidence(value: str | None) -> tuple[Mention, ...]:
    """A claim's evidence cell as mentions; a damaged cell shows as no evidence, it never stops the document
    opening (``_readable_evidence`` tells the two apart)."""
    return _readable_evidence(value) or ()


def _readable_evidence(value: str | None) -> tuple[Mention, ...] | None:
    """The mentions of an evidence cell, or None when it is not a JSON list of [start, end] pairs (damaged)."""
    try:
        pairs = json.loads(value or "[]")
        return tuple(Mention(int(a), int(b)) for a, b in pairs)
    except (ValueError, TypeError):
        return None


def _tuple_claim(row: tuple) -> Claim:
    r = dict(zip(CLAIM_COLUMNS, row, strict=True))
    return Claim(
        claim_type=r["claim_type"],
        evidence=_evidence(r["evidence"]),
        claimant=_mention(r["claimant_start"], r["claimant_end"]),
        target=_mention(r["target_start"], r["target_end"]),
        addressee=_mention(r["addressee_start"], r["addressee_end"]),
        stance=r["stance"],
        strength=r["strength"],
        aspect=r["aspect"],
        outlet=bool(r["outlet"]),
        scope=r["scope"] or "text",
        confidence=r["confidence"] if r["confidence"] is not None else 1.0,
        note=r["note"] or "",
        quote_id=r["quote_id"],
        cue=r["cue"] or "",
        origin=r["origin"] or "human",
        id=r["id"],
        doc_id=r["doc_id"],
        state=r["state"] or "",
        analyst=r["analyst"],
        created_at=r["created_at"],
        modified_at=r["modified_at"],
    )


def _quote_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Quote attributes (speaker=Mention, …) -> quote columns."""
    out = {}
    for key, value in fields.items():
        if key in ("speaker", "speaker_mention", "cue", "source_of"):
            prefix = {"speaker": "speaker", "speaker_mention": "mention", "cue": "cue", "source_of": "source"}[key]
            out[f"{prefix}_start"], out[f"{prefix}_end"] = _parts(value)
        else:
            out[key] = value
    return out


def _preannotated_columns(stamp: str | None) -> dict[str, str | None]:
    """The pre-annotation columns back from an exported ``"pipeline@version, rules at time"`` (None: never)."""
    if not stamp:
        return {}
    if " at " not in stamp:  # `annotator annotate` writes no time: pre-annotated as of this import
        stamp = f"{stamp} at {_now()}"
    head, _, at = stamp.rpartition(" at ")
    tool, _, rules = head.partition(", ")
    pipeline, _, version = tool.rpartition("@")
    unknown = lambda v: None if v in ("", "?") else v  # noqa: E731 - "?" is how a missing part is written
    return {"pre_pipeline": unknown(pipeline), "pre_version": unknown(version), "pre_rules": unknown(rules),
            "pre_at": at or None}


def default_db_path() -> Path:
    """``$ANNOTATOR_DB``, else ``annotator.db`` in the user's data directory."""
    env = os.environ.get("ANNOTATOR_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("annotator", appauthor=False)) / "annotator.db"


@dataclass
class Batch:
    """A transaction holding several actions (:meth:`Store.batch`): ``open`` while one is being written,
    ``done`` once committed (or handed to an enclosing transaction)."""

    open: bool = False
    done: bool = False


class Store:
    """Documents and annotations in one SQLite file.

    Writes run inside :meth:`action` (one transaction, one journal entry); a write called outside one gets
    an action of its own. ``analyst`` is recorded on every annotation and journal entry written.
    """

    #: what a caller catches to report any database failure with :meth:`explain` (no sqlite3 import needed)
    database_errors: tuple[type[BaseException], ...] = (sqlite3.Error,)

    def __init__(
        self,
        path: str | Path = ":memory:",
        analyst: str | None = None,
        *,
        create: bool = True,
        write: bool = True,
        backup: bool = True,
        check_in_background: bool = False,
    ) -> None:
        """Open ``path``. ``create=False`` refuses a missing or empty file; ``write=False`` opens read-only and
        changes nothing at all (no WAL switch, no upgrade, no backup). A writer checks the pages first
        (a full integrity check after an unclean shutdown) and takes a rotated backup when the file changed.
        ``check_in_background`` (the window) runs the quick check in a thread while the caller goes on; the
        first write waits for it and is refused if the file is damaged (``deferred_problem`` tells earlier).
        """
        self.path = str(path)
        self.analyst = analyst or default_analyst()
        self.writable = write
        self.backup_path: Path | None = None
        self.backup_error: str | None = None
        self._action: Action | None = None
        self._batch: Batch | None = None
        self._check: safety.BackgroundCheck | None = None
        self._lengths: dict[int, int] = {}  # document id -> length of its text (texts never change)
        self.layer = WORK  # which layer reads show and writes go to ('' the analysts' work, 'gold' adjudicated)
        memory = self.path == ":memory:"
        file = Path(self.path).expanduser()
        try:
            existed = False if memory else safety.look(file, create=create and write)
            full_check = existed and safety.unclean(file)  # looked at before our own connection adds a -wal
            if memory:
                conn = sqlite3.connect(":memory:", isolation_level=None)
            elif write:
                self._check_writable(file, existed)
                file.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(str(file), timeout=BUSY_TIMEOUT_S, isolation_level=None)
            else:
                uri = f"{file.resolve().as_uri()}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.conn = conn
            self._configure()
            later = check_in_background and write and existed and not full_check and not self._pending_steps()
            if later:
                self._check = safety.BackgroundCheck(file, backup=backup and safety.KEEP_BACKUPS > 0)
            elif existed:
                problem = safety.check_pages(conn, full=full_check)
                if problem is not None:
                    conn.close()
                    raise StoreError(
                        f"{file}: the database is damaged ({problem}); nothing was written to it; "
                        + safety.restore_hint(file)
                    )
            self._migrate()
            if write and backup and existed and safety.KEEP_BACKUPS > 0 and self._check is None:
                self._backup(file)
        except safety.UnsafeDatabase as exc:
            raise StoreError(str(exc)) from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(self._explain(exc)) from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc.strerror or exc})") from None

    # -- opening ---------------------------------------------------------------------------
    def _check_writable(self, file: Path, existed: bool) -> None:
        folder = file.parent if file.parent.exists() else None
        if existed and not os.access(file, os.W_OK):
            raise StoreError(f"{file}: the file is read-only (its permissions); open it read-only with `annotator stats` or `annotator export`, or make it writable")
        if existed and folder is not None and not os.access(folder, os.W_OK):
            raise StoreError(
                f"{file}: the folder {folder} is read-only, and SQLite must create {file.name}-wal and "
                f"{file.name}-shm beside the database to write; copy it to a writable folder"
            )

    def _backup(self, file: Path) -> None:
        try:
            self.backup_path = safety.make_backup(self.conn, file)
        except (sqlite3.Error, OSError) as exc:  # a failed backup never blocks the analyst's work
            self.backup_error = f"{file}: no backup taken ({exc})"

    def backup(self) -> Path:
        """Take a verified backup now (``annotator backup``); return its path."""
        if self.path == ":memory:":
            raise StoreError("an in-memory database has no backups")
        try:
            made = safety.make_backup(self.conn, Path(self.path).expanduser(), force=True)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"{self.path}: backup failed ({exc})") from None
        assert made is not None
        return made

    def explain(self, exc: BaseException) -> str:
        """One line for a database failure met while reading or writing."""
        if isinstance(exc, sqlite3.Error):
            return self._explain(exc)
        return f"{self.path}: {exc}"

    def _explain(self, exc: sqlite3.Error) -> str:
        msg = str(exc)
        file = Path(self.path).expanduser()
        if "not a database" in msg or "malformed" in msg:
            return f"{self.path}: not an annotator database or damaged ({msg}); " + safety.restore_hint(file)
        if "locked" in msg or "busy" in msg:
            return (
                f"{self.path}: the database is locked by another program ({msg}); "
                "close the other annotator window or command and try again"
            )
        if "readonly" in msg or "read-only" in msg:
            if not self.writable:
                return f"{self.path}: this command only reads the database and changes nothing ({msg})"
            if file.parent.exists() and not os.access(file.parent, os.W_OK):
                return f"{self.path}: the folder {file.parent} is read-only ({msg}); copy the database to a writable folder"
            return f"{self.path}: the database is read-only ({msg}); check the file's permissions"
        if "unable to open" in msg:
            return f"{self.path}: cannot open the database ({msg}); check that the folder exists and is readable"
        return f"{self.path}: database error: {msg}"

    def _configure(self) -> None:
        conn = self.conn
        conn.execute("PRAGMA foreign_keys=ON")
        if self.path != ":memory:" and self.writable:
            mode = _to_wal(conn)
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(f"could not switch to WAL (got {mode})")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA recursive_triggers=ON")  # as sqlite-utils' Database sets it
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails early on a corrupt file

    @functools.cached_property
    def db(self) -> Database:
        """The connection as a sqlite-utils Database (schema steps, queries as dictionaries), made when first
        asked for: opening a database that is up to date and reading it need only the connection itself, and
        importing sqlite-utils would cost the window's launch about a third of its time."""
        from annotator.store.lib import Database

        return Database(self.conn)

    def _applied_steps(self) -> set[str]:
        """The schema steps this file has had (sqlite-utils' record of them), read with one query."""
        if self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
                             ).fetchone() is None:
            return set()
        rows = self.conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])
        return {r[0] for r in rows}

    def _pending_steps(self) -> bool:
        return bool(KNOWN - self._applied_steps())

    def _migrate(self) -> None:
        if not self.writable:
            self._check_schema_read_only()
            return
        applied = self._applied_steps()
        unknown = applied - KNOWN
        if unknown:
            raise StoreError(
                f"{self.path}: the database was written by a newer annotator "
                f"(schema steps {', '.join(sorted(unknown))}); upgrade annotator to open it"
            )
        if KNOWN - applied:
            from annotator.store.migrations import migrations

            # Tables are rebuilt (SQLite's 12-step ALTER): foreign keys off around the transaction, checked in it.
            self.conn.execute("PRAGMA foreign_keys=OFF")
            try:
                with self._immediate():
                    migrations.apply(self.db)
                    broken = self.conn.execute("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise StoreError(f"{self.path}: upgrading the schema would break {len(broken)} references")
            finally:
                self.conn.execute("PRAGMA foreign_keys=ON")

    def _check_schema_read_only(self) -> None:
        applied = self._applied_steps()
        if not applied:
            raise StoreError(f"{self.path}: not an annotator database (no schema); nothing was changed")
        if applied - KNOWN:
            raise StoreError(
                f"{self.path}: the database was written by a newer annotator "
                f"(schema steps {', '.join(sorted(applied - KNOWN))}); upgrade annotator to open it"
            )
        if KNOWN - applied:
            raise StoreError(
                f"{self.path}: the database was written by an older annotator; open it once in the window or "
                "with a writing command (annotator import / preannotate) to upgrade it, then try again"
            )

    def deferred_problem(self, wait: bool = False) -> str | None:
        """The damage a background check found (waiting for it with ``wait``), as the one-line refusal."""
        check = self._check
        if check is None or not (wait or check.done):
            return None
        problem = check.result()
        if problem is None:
            return None
        file = Path(self.path).expanduser()
        return (f"{file}: the database is damaged ({problem}); nothing was written to it; "
                + safety.restore_hint(file))

    def data_version(self) -> int:
        """Changes when another connection commits (PRAGMA data_version): the window polls it to refresh."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        if self._check is not None:
            self._check.finish()  # a backup still being written is finished, never left half
            self.backup_path, self.backup_error = self._check.backup_path, self._check.backup_error
        self.conn.close()

    def schema_version(self) -> list[str]:
        return [name for name in STEPS if name in self._applied_steps()]

    # -- transactions ----------------------------------------------------------------------
    @contextlib.contextmanager
    def _immediate(self) -> Iterator[None]:
        conn = self.conn
        if conn.in_transaction:
            yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(self._explain(exc)) from None
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            self._commit()

    def _commit(self) -> None:
        """COMMIT the open transaction; a commit that fails (a full disk, an I/O error) is rolled back and said
        in one line, so nothing is left half-written."""
        conn = self.conn
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(self._explain(exc)) from None

    @contextlib.contextmanager
    def action(
        self,
        name: str,
        doc_id: int | None = None,
        *,
        label: str = "",
        detail: Any = None,
        analyst: str | None = None,
        undoable: bool = True,
        merge: bool = False,
    ) -> Iterator[Action]:
        """One user action: one ``BEGIN IMMEDIATE … COMMIT`` and one journal entry, however many rows it writes.

        Inside an action already open, joins it (so a command can call another). Inside :meth:`batch`, it is a
        savepoint of the batch's transaction, with its own journal entry. On any error nothing is written.
        ``undoable=False`` keeps no row images (imports, undo and redo themselves). ``merge=True`` continues the
        document's latest entry when it is an applied action of the same name (typing a note: every key is
        committed at once, one burst of typing stays one entry to undo), as ``QUndoCommand.mergeWith`` does.
        """
        if self._action is not None:
            yield self._action
            return
        problem = self.deferred_problem(wait=True)
        if problem is not None:
            raise StoreError(problem)
        act = Action(name, label or name, doc_id, analyst or self.analyst, undoable, detail, merge=merge)
        self._action = act
        try:
            with self._savepoint() if self._batch is not None else self._immediate():
                yield act
                self._finish(act)
        except sqlite3.Error as exc:
            raise StoreError(self._explain(exc)) from None
        finally:
            self._action = None

    @contextlib.contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Around a long run of writes (an import): the write-ahead log is copied into the database file every
        ``BULK_WAL_PAGES`` pages instead of SQLite's 1,000, so that most commits sync the log alone and not the
        database file as well (a third of a large import's time went to those copies). Each commit is as durable
        as before (synchronous=FULL syncs the log); the log is copied once more at the end."""
        conn = self.conn
        if not self.writable or self.path == ":memory:":
            yield
            return
        conn.execute(f"PRAGMA wal_autocheckpoint={BULK_WAL_PAGES}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA wal_autocheckpoint={WAL_PAGES}")
            with contextlib.suppress(sqlite3.Error):  # a reader still on old pages: SQLite copies the rest later
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @contextlib.contextmanager
    def batch(self) -> Iterator[Batch]:
        """Several actions in one transaction, so that they reach the disk with one flush (pre-annotation
        writes its documents so, a few at a time).

        Each action inside keeps its own journal entry (undone on its own) and is all there or not at all: an
        action that fails is rolled back alone, and the actions finished before it are committed before the
        error goes on, as they would have been one by one. Only an interruption that leaves an action
        half-undone rolls the whole batch back. Inside an action or a batch, joins it. ``Batch.done`` tells
        whether what was written inside is committed.
        """
        conn = self.conn
        if self._batch is not None or self._action is not None or conn.in_transaction:
            yield Batch(done=True)
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(self._explain(exc)) from None
        batch = self._batch = Batch()
        try:
            yield batch
        finally:
            self._batch = None
            if conn.in_transaction:  # (SQLite may have rolled it back itself after a disk error)
                if batch.open:  # an action was stopped half-way and not undone: keep nothing of the batch
                    conn.execute("ROLLBACK")
                else:
                    self._commit()
                    batch.done = True

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        """One action inside a batch: a savepoint released when the action is written, rolled back on error."""
        conn = self.conn
        batch = self._batch
        assert batch is not None
        if not conn.in_transaction:  # SQLite rolled the batch back itself (a disk error): a transaction of its own
            with self._immediate():
                yield
            return
        batch.open = True  # before the savepoint exists: an interruption from here on drops the whole batch
        conn.execute("SAVEPOINT action")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK TO action")
                conn.execute("RELEASE action")
            batch.open = False
            raise
        conn.execute("RELEASE action")
        batch.open = False

    @contextlib.contextmanager
    def _writing(self, name: str) -> Iterator[Action]:
        """The open action, or a one-write action of its own."""
        if self._action is not None:
            yield self._action
        else:
            with self.action(name) as act:
                yield act

    def _finish(self, act: Action) -> None:
        now = _now()
        if act.docs:
            ids = sorted(act.docs)
            self.conn.execute(
                f"UPDATE documents SET updated_at = ? WHERE id IN ({', '.join('?' * len(ids))})", [now, *ids]
            )
        if not act.ops:
            return  # an action that wrote nothing leaves no entry
        undoable = act.undoable
        doc = act.journal_doc()
        if undoable and act.merge and self._merge_into_latest(act, doc, now):
            return
        if undoable:  # a new action ends the redo history of the documents it touches
            for d in sorted(act.docs) or [doc]:
                self.conn.execute(
                    "UPDATE edit_log SET state = ? WHERE state = ? AND doc_id IS ?", [DISCARDED, UNDONE, d]
                )
        self.conn.execute(  # one statement (a table insert through sqlite-utils looks the schema up first)
            "INSERT INTO edit_log (doc_id, action, label, detail, at, analyst, ops, state)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [doc, act.name, act.label, json.dumps(act.detail, default=str, ensure_ascii=False), now, act.analyst,
             json.dumps([op.to_json() for op in act.ops], ensure_ascii=False) if undoable else None,
             APPLIED if undoable else None],
        )

    def _merge_into_latest(self, act: Action, doc: int | None, now: str) -> bool:
        """Fold ``act`` into the document's latest journal entry if that is an applied ``act.name``: each row
        keeps its earliest before image and takes the newest after image. False if there is none to continue."""
        if doc is None:
            return False
        row = self.conn.execute(
            "SELECT id, action, state, ops FROM edit_log WHERE doc_id = ? ORDER BY id DESC LIMIT 1", [doc]
        ).fetchone()
        if row is None or row[1] != act.name or row[2] != APPLIED or not row[3]:
            return False
        ops = [Op.from_json(o) for o in json.loads(row[3])]
        for op in act.ops:
            earlier = next((o for o in ops if (o.table, o.id) == (op.table, op.id)), None)
            if earlier is None:
                ops.append(op)
            elif earlier.after is None or op.after is None or earlier.before is None or op.before is None:
                return False  # a row made or removed inside the burst: keep the entries apart
            else:
                earlier.after = {**earlier.after, **op.after}
                earlier.before = {**op.before, **earlier.before}
        self.conn.execute(
            "UPDATE edit_log SET ops = ?, at = ? WHERE id = ?",
            [json.dumps([o.to_json() for o in ops], ensure_ascii=False), now, row[0]],
        )
        return True

    @staticmethod
    def _record(act: Action, op: Op) -> None:
        act.record(op, keep_images=act.undoable)  # imports and replays keep what a Change needs, not the images

    # -- rows (every write goes through these three) ---------------------------------------
    def _row(self, table: str, row_id: int) -> dict[str, Any] | None:
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def _insert(self, table: str, row: dict[str, Any], doc: int | None, name: str) -> int:
        if table in ANNOTATION_TABLES and "layer" not in row:
            row = {**row, "layer": self.layer}
        with self._writing(name) as act:
            cols = [k for k in row if not (k == "id" and row[k] is None)]
            sql = f"INSERT INTO {table} ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
            new_id = int(self.conn.execute(sql, [row[c] for c in cols]).lastrowid)
            self._record(act, Op(table, new_id, doc, None, {**row, "id": new_id}))
        return new_id

    def _update(self, table: str, row_id: int, fields: dict[str, Any], doc: int | None, name: str) -> None:
        with self._writing(name) as act:
            old = self._row(table, row_id)
            if old is None:
                raise KeyError(f"no {table[:-1]} {row_id}")
            fields = {k: v for k, v in fields.items() if old.get(k) != v}
            if not fields:
                return
            sets = ", ".join(f"[{c}] = ?" for c in fields)
            self.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*fields.values(), row_id])
            self._record(act, Op(table, row_id, doc, {k: old[k] for k in fields}, dict(fields)))

    def _delete(self, table: str, row_id: int, doc: int | None, name: str) -> None:
        with self._writing(name) as act:
            old = self._row(table, row_id)
            if old is None:
                raise KeyError(f"no {table[:-1]} {row_id}")
            self.conn.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
            self._record(act, Op(table, row_id, doc, old, None))

    def _apply_image(self, op: Op) -> None:
        """Make the row look like ``op.after``, if it still looks like ``op.before`` (undo/redo)."""
        current = self._row(op.table, op.id)
        if not matches(current, op.before):
            what = op.table[:-1] if op.table != "documents" else "document"
            raise UndoConflict(f"the {what} {op.id} was changed since (by another window or command)")
        act = self._action
        assert act is not None
        if op.after is None:
            self.conn.execute(f"DELETE FROM {op.table} WHERE id = ?", [op.id])
        elif op.before is None:
            cols = list(op.after)
            sql = f"INSERT INTO {op.table} ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
            self.conn.execute(sql, [op.after[c] for c in cols])
        else:
            sets = ", ".join(f"[{c}] = ?" for c in op.after)
            self.conn.execute(f"UPDATE {op.table} SET {sets} WHERE id = ?", [*op.after.values(), op.id])
        self._record(act, op)

    # -- undo history ----------------------------------------------------------------------
    def _entry(self, doc_id: int | None, state: str, newest: bool) -> dict[str, Any] | None:
        order = "DESC" if newest else "ASC"
        where = "state = ?" + ("" if doc_id is None else " AND doc_id = ?")
        params = [state] if doc_id is None else [state, doc_id]
        return self._dict_row(f"SELECT * FROM edit_log WHERE {where} ORDER BY id {order} LIMIT 1", params)

    def _dict_row(self, sql: str, params: list) -> dict[str, Any] | None:
        """The first row of a query as a dict, in one statement (``db.query`` adds a savepoint around it)."""
        cursor = self.conn.execute(sql, params)
        row = cursor.fetchone()
        return None if row is None else dict(zip([d[0] for d in cursor.description], row, strict=True))

    def next_undo(self, doc_id: int | None = None) -> HistoryEntry | None:
        """The action Ctrl+Z would undo in ``doc_id`` (None: in any document), kept across restarts."""
        return self._history_entry(self._entry(doc_id, APPLIED, newest=True))

    def next_redo(self, doc_id: int | None = None) -> HistoryEntry | None:
        return self._history_entry(self._entry(doc_id, UNDONE, newest=False))

    @staticmethod
    def _history_entry(row: dict[str, Any] | None) -> HistoryEntry | None:
        if row is None:
            return None
        return HistoryEntry(row["id"], row["doc_id"], row["label"] or row["action"], row["analyst"] or "", row["at"], row["state"])

    def history(self, doc_id: int) -> list[HistoryEntry]:
        """The undoable actions of a document, oldest first (applied ones, then any that were undone)."""
        rows = self.db.query(
            "SELECT * FROM edit_log WHERE doc_id = ? AND state IN (?, ?) ORDER BY id", [doc_id, APPLIED, UNDONE]
        )
        return [e for e in (self._history_entry(r) for r in rows) if e is not None]

    def undo(self, doc_id: int | None = None, analyst: str | None = None) -> tuple[HistoryEntry, Change] | None:
        """Undo the newest applied action of ``doc_id`` in one transaction; None if there is none.

        Raises UndoConflict (and writes nothing) if its rows changed since; the entry stays undoable.
        """
        return self._replay(doc_id, analyst, undo=True)

    def redo(self, doc_id: int | None = None, analyst: str | None = None) -> tuple[HistoryEntry, Change] | None:
        return self._replay(doc_id, analyst, undo=False)

    def _replay(self, doc_id: int | None, analyst: str | None, undo: bool) -> tuple[HistoryEntry, Change] | None:
        verb = "undo" if undo else "redo"
        with self.action(verb, doc_id, analyst=analyst, undoable=False) as act:
            row = self._entry(doc_id, APPLIED if undo else UNDONE, newest=undo)
            if row is None:
                return None
            entry = self._history_entry(row)
            assert entry is not None
            act.label = f"{verb} {entry.label}"
            act.detail = {"entry": entry.id, "label": entry.label}
            ops = [Op.from_json(o) for o in json.loads(row["ops"] or "[]")]
            try:
                for op in reversed(ops) if undo else ops:
                    self._apply_image(op.inverse() if undo else op)
            except UndoConflict as exc:
                raise UndoConflict(f"cannot {verb} {entry.label!r}: {exc}") from None
            self.conn.execute("UPDATE edit_log SET state = ? WHERE id = ?", [UNDONE if undo else APPLIED, entry.id])
            change = act.change()
        return entry, change

    # -- documents -------------------------------------------------------------------------
    def add_document(self, doc: Document, *, as_exported: bool = False) -> tuple[int, bool]:
        """Insert ``doc`` unless a document with the same text exists; return (id, created).

        The look-up runs inside the write transaction, so two imports at once never collide on the hash.
        ``as_exported`` (re-importing an annotator export) also keeps its id when that id is free, its note,
        split, cluster and the pre-annotation stamp, so exporting it again gives the same bytes.
        """
        if self._action is None:
            with self.action("import", detail={"source": str(doc.meta.get("source", ""))}, undoable=False):
                return self.add_document(doc)
        existing = self.find_by_hash(doc.hash)
        if existing is not None:
            return existing, False
        row = {
            "hash": doc.hash,
            "text": doc.text,
            "meta": _meta_json(doc.meta),
            "source": str(doc.meta.get("source", "")),
            "title": doc.title,
            "status": doc.status if doc.status in STATUSES else "new",
            "words": len(doc.text.split()),
            "created_at": _now(),
            "updated_at": _now(),
        }
        if as_exported:
            if doc.id is not None and not self._exists("documents", doc.id):
                row = {"id": doc.id, **row}
            row.update(note=doc.note or "", split=doc.split, cluster=doc.cluster)
            row.update(_preannotated_columns(doc.preannotated))
        return self._insert("documents", row, None, "import"), True

    def add_documents(self, docs: list[Document]) -> list[tuple[int, bool]]:
        """Insert new plain documents in bulk (one look-up and one ``executemany`` for the lot, inside the open
        action); return (id, created) per document in order. A text already present (or twice in ``docs``)
        is not inserted again."""
        if not docs:
            return []
        with self._writing("import") as act:
            conn = self.conn
            hashes = list(dict.fromkeys(d.hash for d in docs))
            known: dict[str, int] = {}
            for i in range(0, len(hashes), 500):
                part = hashes[i : i + 500]
                known.update(conn.execute(f"SELECT hash, id FROM documents WHERE hash IN ({', '.join('?' * len(part))})",
                                          part).fetchall())
            now = _now()
            fresh: dict[str, Document] = {}
            for d in docs:
                if d.hash not in known and d.hash not in fresh:
                    fresh[d.hash] = d
            conn.executemany(
                "INSERT INTO documents (hash, text, meta, source, title, status, words, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(d.hash, d.text, _meta_json(d.meta), str(d.meta.get("source", "")), d.title,
                  d.status if d.status in STATUSES else "new", len(d.text.split()), now, now) for d in fresh.values()],
            )
            made: dict[str, int] = {}
            new = list(fresh)
            for i in range(0, len(new), 500):
                part = new[i : i + 500]
                made.update(conn.execute(f"SELECT hash, id FROM documents WHERE hash IN ({', '.join('?' * len(part))})",
                                         part).fetchall())
            if new:  # one op says "documents came" (an import keeps no row images): not one per document
                self._record(act, Op("documents", made[new[0]], None, None, {"id": made[new[0]]}))
        out: list[tuple[int, bool]] = []
        seen: set[str] = set()
        for d in docs:
            created = d.hash in made and d.hash not in seen
            seen.add(d.hash)
            out.append((made.get(d.hash) or known[d.hash], created))
        return out

    def _exists(self, table: str, row_id: int) -> bool:
        return self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [int(row_id)]).fetchone() is not None

    def import_annotations(self, doc_id: int, spans: Iterable[Span], quotes: Iterable[Quote]) -> tuple[int, int]:
        """Insert annotations as another tool or an export wrote them: their origin, state, analyst and times are
        kept (only missing ones are stamped from the action), and their ids when those are free. (spans, quotes)."""
        text = self._length(doc_id)
        n_spans = n_quotes = 0
        for span in spans:
            check_offsets(text, span.start, span.end, "span")
            row = self._stamp_missing(_span_row(span.with_(doc_id=doc_id)))
            if span.id is not None and not self._exists("spans", span.id):
                row = {"id": span.id, **row}
            self._insert("spans", row, doc_id, "import")
            n_spans += 1
        for quote in quotes:
            quote = quote if quote.doc_id == doc_id else quote.with_(doc_id=doc_id)
            self._check_quote(quote)
            row = self._stamp_missing(_quote_row(quote))
            if quote.id is not None and not self._exists("quotes", quote.id):
                row = {"id": quote.id, **row}
            self._insert("quotes", row, doc_id, "import")
            n_quotes += 1
        return n_spans, n_quotes

    def _stamp_missing(self, row: dict[str, Any]) -> dict[str, Any]:
        if row.get("state") not in STATES:
            raise ValueError(f"review state must be one of {', '.join(STATES)}, not {row.get('state')!r}")
        now = _now()
        act = self._action
        row["analyst"] = row["analyst"] if row.get("analyst") is not None else (act.analyst if act else self.analyst)
        row["created_at"] = row.get("created_at") or now
        row["modified_at"] = row.get("modified_at") or row["created_at"]
        return row

    # -- selections (export, stats) and curation -------------------------------------------
    def select(self, selection: Selection) -> list[int]:
        """The ids of the documents a Selection keeps, in id order."""
        where: list[str] = []
        params: list[Any] = []

        def among(column: str, values: Iterable[str]) -> str:
            values = list(values)
            params.extend(values)
            return f"{column} IN ({', '.join('?' * len(values))})"

        if selection.statuses:
            where.append(among("d.status", selection.statuses))
        if selection.sources:
            where.append("(" + " OR ".join("coalesce(d.source, '') GLOB ?" for _ in selection.sources) + ")")
            params.extend(selection.sources)
        if selection.splits:
            named = [s for s in selection.splits if s != "none"]
            parts = [among("d.split", named)] if named else []
            if "none" in selection.splits:
                parts.append("d.split IS NULL")
            where.append("(" + " OR ".join(parts) + ")")
        if selection.since:
            where.append("coalesce(d.updated_at, d.created_at) >= ?")
            params.append(selection.since)
        if selection.until:  # inclusive: 2026-12-01 keeps the whole day
            where.append("substr(coalesce(d.updated_at, d.created_at), 1, ?) <= ?")
            params.extend([len(selection.until), selection.until])
        for key, value in selection.meta:  # the key is a parameter too: quoted as a JSON path member
            where.append("CAST(json_extract(d.meta, ?) AS TEXT) = ?")
            params.extend(['$."' + key.replace('"', '""') + '"', value])
        if selection.analysts:
            spans_by = among("s.analyst", selection.analysts)
            quotes_by = among("q.analyst", selection.analysts)
            claims_by = among("c.analyst", selection.analysts)
            where.append(f"(EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = d.id AND {spans_by})"
                         f" OR EXISTS (SELECT 1 FROM quotes q WHERE q.doc_id = d.id AND {quotes_by})"
                         f" OR EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = d.id AND {claims_by}))")
        if selection.labels:
            where.append(f"EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = d.id AND s.state != 'rejected' AND "
                         f"{among('s.label', selection.labels)})")
        sql = "SELECT d.id FROM documents d" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.id"
        return [int(r[0]) for r in self.conn.execute(sql, params)]

    def annotated_documents(self, doc_ids: Iterable[int] | None = None) -> Iterator[tuple[Document, list[Span], list[Quote]]]:
        """Each document (all, or those in ``doc_ids``) with all its spans and quotes, rejected ones included,
        in id order: three cursors read side by side, so a whole database streams in one pass."""
        for doc, spans, quotes in self.annotated_rows(doc_ids):
            yield doc, [_tuple_span(r) for r in spans], [_tuple_quote(r) for r in quotes]

    def annotated_rows(self, doc_ids: Iterable[int] | None = None) -> Iterator[tuple[Document, list[tuple], list[tuple]]]:
        """As annotated_documents, with each span and quote as its row (``SPAN_COLUMNS`` / ``QUOTE_COLUMNS`` of
        annotator.domain, in text order): the export's fast path, no dataclass per annotation."""
        wanted = None if doc_ids is None else set(doc_ids)
        if wanted is not None and not wanted:
            return
        small = wanted is not None and len(wanted) <= 500
        where = f" WHERE {{col}} IN ({', '.join('?' * len(wanted))})" if small else ""  # type: ignore[arg-type]
        params = sorted(wanted) if small else []  # type: ignore[arg-type]
        conn = self.conn
        docs = conn.execute(f"{_EXPORT_DOCUMENT_SELECT}{where.format(col='id')} ORDER BY id", params)
        layer = (" AND" if small else " WHERE") + " layer = ?"
        # (doc_id, start, id) is the order of the (doc_id, start) index itself (the rowid is its last key), so
        # SQLite sorts nothing (a sort by "end" too cost a quarter of the read); spans that share a start are put
        # in text order (start, end, id) below, per document
        order = " ORDER BY doc_id, start, id"
        # each table's rows grouped by document in C (groupby), not looked at one by one in Python
        span_groups = groupby(conn.execute(f"{_SPAN_SELECT}{where.format(col='doc_id')}{layer}{order}",
                                           [*params, self.layer]), _DOC_ID)
        quote_groups = groupby(conn.execute(f"{_QUOTE_SELECT}{where.format(col='doc_id')}{layer}{order}",
                                            [*params, self.layer]), _DOC_ID)
        span_id, spans = next(span_groups, _NO_GROUP)
        quote_id, quotes = next(quote_groups, _NO_GROUP)
        for row in docs:
            doc_id = row[0]
            while span_id is not None and span_id < doc_id:  # rows of a document not selected (or gone)
                span_id, spans = next(span_groups, _NO_GROUP)
            while quote_id is not None and quote_id < doc_id:
                quote_id, quotes = next(quote_groups, _NO_GROUP)
            doc_spans: list[tuple] = []
            doc_quotes: list[tuple] = []
            if span_id == doc_id:
                doc_spans = _in_text_order(list(spans))
                span_id, spans = next(span_groups, _NO_GROUP)
            if quote_id == doc_id:
                doc_quotes = _in_text_order(list(quotes))
                quote_id, quotes = next(quote_groups, _NO_GROUP)
            if wanted is None or doc_id in wanted:
                yield _exported_document(row), doc_spans, doc_quotes

    def texts(self) -> Iterator[tuple[int, str]]:
        """(id, text) of every document in id order, streamed (near-duplicate search)."""
        yield from ((int(i), t) for i, t in self.conn.execute("SELECT id, text FROM documents ORDER BY id"))

    def curation_rows(self) -> list[dict[str, Any]]:
        """Per document: id, source, split, cluster and its most frequent span label (split stratification)."""
        sql = """
            SELECT d.id, coalesce(d.source, '') AS source, d.split, d.cluster,
                   (SELECT s.label FROM spans s WHERE s.doc_id = d.id AND s.state != 'rejected'
                    GROUP BY s.label ORDER BY count(*) DESC, s.label LIMIT 1) AS label
            FROM documents d ORDER BY d.id
        """
        return list(self.db.query(sql))

    def set_clusters(self, clusters: dict[int, int | None]) -> int:
        """Set documents.cluster (None clears it) for the documents named; return how many changed."""
        return self._set_column("cluster", clusters, "dupes")

    def set_splits(self, splits: dict[int, str | None]) -> int:
        """Set documents.split (train / dev / test, None clears it); return how many changed."""
        from annotator.domain import SPLITS

        bad = {v for v in splits.values() if v is not None and v not in SPLITS}
        if bad:
            raise ValueError(f"a split is one of {', '.join(SPLITS)}, not {', '.join(map(repr, sorted(bad)))}")
        return self._set_column("split", splits, "split")

    def _set_column(self, column: str, values: dict[int, Any], name: str) -> int:
        current = dict(self.conn.execute(f"SELECT id, {column} FROM documents").fetchall())
        changed = 0
        with self._writing(name):
            for doc_id, value in values.items():
                if doc_id in current and current[doc_id] != value:
                    self._update("documents", doc_id, {column: value}, doc_id, name)
                    changed += 1
        return changed

    def find_by_hash(self, hash_: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE hash = ?", [hash_]).fetchone()
        return int(row[0]) if row else None

    def document(self, doc_id: int) -> Document:
        row = self._dict_row("SELECT * FROM documents WHERE id = ?", [doc_id])
        if row is None:
            raise KeyError(f"no document {doc_id}")
        return self._document(row)

    @staticmethod
    def _document(row: dict[str, Any]) -> Document:
        return _exported_document(tuple(row.get(c) for c in _EXPORT_DOCUMENT_COLUMNS))

    def documents(self) -> Iterator[Document]:
        for row in self.db.query("SELECT * FROM documents ORDER BY id"):
            yield self._document(row)

    def document_ids(self) -> list[int]:
        return [int(r[0]) for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def summaries(self, doc_ids: Iterable[int] | None = None, after: int | None = None,
                  limit: int | None = None) -> list[DocumentSummary]:
        """One row per document (or only those in ``doc_ids``; or the first ``limit`` with an id above
        ``after``: the window reads a big list in parts), with its span and quote counts, in id order."""
        where, params = "", []
        if doc_ids is not None:
            params = [int(i) for i in doc_ids]
            where = f"WHERE d.id IN ({', '.join('?' * len(params))})" if params else "WHERE 0"
        elif after is not None:
            where, params = "WHERE d.id > ?", [int(after)]
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        sql = f"""
            SELECT d.id, d.title, d.source, d.status, d.words,
                   coalesce(c.spans, 0) AS spans, coalesce(c.quotes, 0) AS quotes, d.cluster, d.disagreement
            FROM documents d LEFT JOIN doc_counts c ON c.doc_id = d.id {where} ORDER BY d.id{tail}
        """
        return [  # plain tuples from the cursor: 100,000 rows in a tenth of the time dicts take
            DocumentSummary(i, title or "", source or "", status, words or 0, spans, quotes, cluster, disagree)
            for i, title, source, status, words, spans, quotes, cluster, disagree in self.conn.execute(sql, params)
        ]

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def status(self, doc_id: int) -> str:
        """A document's status, without reading its text."""
        row = self.conn.execute("SELECT status FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(f"no document {doc_id}")
        return str(row[0])

    def set_status(self, doc_id: int, status: str) -> str:
        """Set a document's status; return the previous one."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        old = self.status(doc_id)
        self._update("documents", doc_id, {"status": status}, doc_id, "status")
        return old

    def next_with_status(self, statuses: Iterable[str], after: int | None = None) -> int | None:
        """The first document after ``after`` (by id, wrapping round) whose status is one of ``statuses``."""
        wanted = list(statuses)
        marks = ", ".join("?" * len(wanted))
        start = after if after is not None else 0
        row = self.conn.execute(
            f"SELECT id FROM documents WHERE status IN ({marks}) AND id > ? ORDER BY id LIMIT 1", [*wanted, start]
        ).fetchone()
        if row is None and after is not None:
            row = self.conn.execute(
                f"SELECT id FROM documents WHERE status IN ({marks}) AND id < ? ORDER BY id LIMIT 1", [*wanted, after]
            ).fetchone()
        return int(row[0]) if row else None

    def document_ids_with(self, label: str | None = None, analyst: str | None = None) -> set[int]:
        """Documents with a (not rejected) span of ``label`` and/or an annotation by ``analyst``."""
        found: set[int] | None = None
        if label:
            rows = self.conn.execute("SELECT DISTINCT doc_id FROM spans WHERE label = ? AND state != 'rejected'", [label])
            found = {int(r[0]) for r in rows}
        if analyst:
            rows = self.conn.execute(
                "SELECT doc_id FROM spans WHERE analyst = ? UNION SELECT doc_id FROM quotes WHERE analyst = ?"
                " UNION SELECT doc_id FROM claims WHERE analyst = ?",
                [analyst, analyst, analyst],
            )
            mine = {int(r[0]) for r in rows}
            found = mine if found is None else found & mine
        return found if found is not None else set(self.document_ids())

    def analysts(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT analyst FROM spans WHERE analyst IS NOT NULL UNION SELECT analyst FROM quotes WHERE analyst IS NOT NULL"
            " UNION SELECT analyst FROM claims WHERE analyst IS NOT NULL"
        )
        return sorted(str(r[0]) for r in rows)

    def search_text(self, words: str, limit: int = 100_000) -> list[int]:
        """Ids of documents whose text contains ``words`` (case-insensitive for ASCII letters, as LIKE is)."""
        pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE text LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?", [pattern, limit]
        )
        return [int(r[0]) for r in rows]

    def status_counts(self) -> dict[str, int]:
        return dict(self.conn.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())

    def set_note(self, doc_id: int, note: str) -> str:
        """Set a document's note; return the previous one."""
        if not isinstance(note, str):
            raise ValueError("a note is text")
        old = self.document(doc_id).note
        self._update("documents", doc_id, {"note": note}, doc_id, "note")
        return old

    def set_preannotated(self, doc_id: int, info: PipelineInfo) -> None:
        """Record that ``doc_id`` was pre-annotated by ``info`` now."""
        fields = {"pre_pipeline": info.pipeline, "pre_version": info.version, "pre_rules": info.rules, "pre_at": _now()}
        self._update("documents", doc_id, fields, doc_id, "preannotate")

    def pending_preannotation(self, doc_ids: Iterable[int] | None = None) -> list[int]:
        """Documents never pre-annotated (or whose pre-annotation was interrupted), in id order."""
        if doc_ids is None:
            return [int(r[0]) for r in self.conn.execute("SELECT id FROM documents WHERE pre_at IS NULL ORDER BY id")]
        wanted = set(doc_ids)
        return [i for i in self.pending_preannotation() if i in wanted]

    def _length(self, doc_id: int) -> int:
        """The length of a document's text in code points (SQLite counts them; a text never changes, and ids are
        never reused, so each is counted once: counting a 2 MB text reads all its pages, about 2 ms)."""
        known = self._lengths.get(doc_id)
        if known is not None:
            return known
        row = self.conn.execute("SELECT length(text) FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(f"no document {doc_id}")
        self._lengths[doc_id] = int(row[0])
        return int(row[0])

    def _text(self, doc_id: int) -> str:
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(f"no document {doc_id}")
        return row[0]

    # -- spans -----------------------------------------------------------------------------
    # One reader for spans, quotes and claims: a table's SELECT and its row -> object function.
    def _of_document(self, select: str, make: Callable[[tuple], Any], doc_id: int, include_rejected: bool) -> list:
        hide = "" if include_rejected else " AND state != 'rejected'"
        cursor = self.conn.execute(f'{select} WHERE doc_id = ? AND layer = ?{hide} ORDER BY start, "end", id',
                                 [doc_id, self.layer])
        return [make(row) for row in cursor]

    def _by_ids(self, select: str, make: Callable[[tuple], Any], ids: Iterable[int]) -> list:
        wanted = [int(i) for i in ids]
        if not wanted:
            return []
        return [make(row) for row in self.conn.execute(f"{select} WHERE id IN ({', '.join('?' * len(wanted))})", wanted)]

    def _one(self, select: str, make: Callable[[tuple], Any], row_id: int, what: str) -> Any:
        row = self.conn.execute(f"{select} WHERE id = ?", [row_id]).fetchone()
        if row is None:
            raise KeyError(f"no {what} {row_id}")
        return make(row)

    def spans(self, doc_id: int, include_rejected: bool = False, times: bool = True) -> list[Span]:
        """The document's spans in text order (start, end, id); rejected proposals only when asked; with ``times``
        off, without their created and modified times (None: for the window, which shows none and changes spans
        only through commands that read what they change).

        A 2 MB article's 50,000 spans are read whole when it opens, so this reader is lean: the label, origin,
        state and analyst, which a document's spans share a few combinations of, come as one number per row
        (see ``_shared_code``) instead of four strings, each span's fields are filled from its combination's in
        one C call instead of the dataclass's ``__init__``, and the rows come in index order (start, rowid), put
        in (start, end, id) order by a stable sort that costs little on rows mostly in order. Two fifths of the
        time of reading every column into ``Span(...)``; the same objects (fields, equality, hash)."""
        hide = "" if include_rejected else " AND state != 'rejected'"
        where = f"FROM spans WHERE doc_id = ? AND layer = ?{hide}"
        combos = self.conn.execute(f'SELECT DISTINCT {", ".join(_SHARED)} {where}', [doc_id, self.layer]).fetchall()
        coded = _shared_code(combos)
        if coded is None:
            return self._of_document(_SPAN_SELECT, _tuple_span, doc_id, include_rejected)
        expression, params, codes = coded
        times_sql = ', created_at, modified_at' if times else ""
        rows = self.conn.execute(f'SELECT start, "end", id, {expression}{times_sql} {where} ORDER BY start, id',
                                 [*params, doc_id, self.layer]).fetchall()
        rows.sort(key=itemgetter(0, 1))
        shared = {}
        for code, (label, origin, state, analyst) in zip(codes, combos, strict=True):
            origin = origin or "human"  # (as Span() fills them in for a database written by hand)
            shared[code] = {"label": label, "origin": origin, "state": state or initial_state(origin),
                            "analyst": analyst, "doc_id": doc_id}
        out: list[Span] = []
        append = out.append
        if times:
            for start, end, id_, code, created, modified in rows:
                span = _new(Span)
                span.__dict__.update(shared[code], start=start, end=end, id=id_, created_at=created, modified_at=modified)
                append(span)
        else:  # created_at and modified_at: the class defaults (None)
            for start, end, id_, code in rows:
                span = _new(Span)
                span.__dict__.update(shared[code], start=start, end=end, id=id_)
                append(span)
        return out

    def spans_at(self, doc_id: int, start: int, end: int) -> list[Span]:
        """The document's spans of exactly ``[start, end)``, rejected ones included, in id order: what adding a
        span there must look at (one index lookup, not the document's every span: a batch of thousands of adds
        in one action read them all once per add)."""
        rows = self.conn.execute(f'{_SPAN_SELECT} WHERE doc_id = ? AND layer = ? AND start = ? AND "end" = ? ORDER BY id',
                                 [doc_id, self.layer, start, end])
        return [_tuple_span(row) for row in rows]

    # The object offered for a claim (``commands.suggested_target``) asks four narrow questions of the spans of a
    # few labels, each one index range (idx_spans_doc by start, idx_spans_end by end), never the document whole.
    def _labelled(self, labels: Sequence[str]) -> tuple[str, list[Any]]:
        marks = ", ".join("?" * len(labels))
        return f"doc_id = ? AND layer = ? AND state != 'rejected' AND label IN ({marks})", list(labels)

    def spans_within(self, doc_id: int, start: int, end: int, labels: Sequence[str]) -> list[Span]:
        """The document's spans (not rejected) of these labels inside ``[start, end)``, in text order."""
        where, params = self._labelled(labels)
        rows = self.conn.execute(f'{_SPAN_SELECT} WHERE {where} AND start >= ? AND start <= ? AND "end" <= ?'
                                 ' ORDER BY start, "end", id', [doc_id, self.layer, *params, start, end, end])
        return [_tuple_span(row) for row in rows]

    def spans_ending_last_before(self, doc_id: int, at: int, labels: Sequence[str]) -> list[Span]:
        """The document's spans (not rejected) of these labels that end at or before ``at`` and, of those, end
        last, in text order (several may share that end)."""
        where, params = self._labelled(labels)
        row = self.conn.execute(f'SELECT "end" FROM spans WHERE {where} AND "end" <= ? ORDER BY "end" DESC LIMIT 1',
                                [doc_id, self.layer, *params, at]).fetchone()
        if row is None:
            return []
        rows = self.conn.execute(f'{_SPAN_SELECT} WHERE {where} AND "end" = ?', [doc_id, self.layer, *params, row[0]])
        return [_tuple_span(r) for r in sorted(rows, key=_TEXT_ORDER)]  # (an ORDER BY start: SQLite walks every start)

    def first_span(self, doc_id: int, labels: Sequence[str]) -> Span | None:
        """The document's first span (not rejected) of these labels in text order, if any."""
        where, params = self._labelled(labels)
        row = self.conn.execute(f'{_SPAN_SELECT} WHERE {where} ORDER BY start, "end", id LIMIT 1',
                                [doc_id, self.layer, *params]).fetchone()
        return None if row is None else _tuple_span(row)

    def span_texts(self, doc_id: int, labels: Sequence[str], longest: int | None = None) -> set[str]:
        """The distinct texts of the document's spans (not rejected) of these labels (of at most ``longest``
        code points): only their offsets are read, the text once."""
        where, params = self._labelled(labels)
        short = ' AND "end" - start <= ?' if longest is not None else ""
        rows = self.conn.execute(f'SELECT DISTINCT start, "end" FROM spans WHERE {where}{short}',
                                 [doc_id, self.layer, *params, *([] if longest is None else [longest])]).fetchall()
        if not rows:
            return set()
        text = self._text(doc_id)
        return {text[a:b] for a, b in rows}

    def suggested_ids(self, table: str, doc_id: int, min_confidence: float | None = None) -> list[int]:
        """The ids of the document's spans, quotes or claims that read as ``suggested`` (of at least this
        confidence; none recorded reads as 1.0, as the readers fill it in), in text order: what accepting every
        suggestion changes, without reading the document's every row."""
        if table not in ANNOTATION_TABLES:
            raise ValueError(f"not an annotation table: {table!r}")
        sure = " AND coalesce(confidence, 1.0) >= ?" if min_confidence is not None else ""
        rows = self.conn.execute(f'SELECT id FROM {table} WHERE doc_id = ? AND layer = ? AND {_SUGGESTED_SQL}{sure}'
                                 ' ORDER BY start, "end", id',
                                 [doc_id, self.layer, *([] if min_confidence is None else [min_confidence])])
        return [r[0] for r in rows]

    def damaged(self, table: str, doc_id: int, ids: Iterable[int]) -> list[int]:
        """Of these spans, quotes or claims of a document, the ids of those the store would refuse to save as they
        stand, accepted (written so by another program: an evidence cell that is not a list of [start, end] pairs,
        offsets that do not fit the text): what accepting every suggestion leaves alone. Only the rows named are
        read; spans are checked in SQLite (they are the many), quotes and claims as a save checks them."""
        if table not in ANNOTATION_TABLES:
            raise ValueError(f"not an annotation table: {table!r}")
        wanted, length = _id_list(ids), self._length(doc_id)
        if table == "spans":  # check_offsets in SQL: integers, 0 <= start < end <= the text's length
            rows = self.conn.execute(
                f'SELECT id FROM spans WHERE {_AMONG_IDS} AND +doc_id = ? AND NOT (typeof(start) = \'integer\' AND '
                f'typeof("end") = \'integer\' AND 0 <= start AND start < "end" AND "end" <= ?)', [wanted, doc_id, length])
            return [r[0] for r in rows]
        select, make, check = ((_QUOTE_SELECT, _tuple_quote, self._check_quote) if table == "quotes"
                               else (_CLAIM_SELECT, _tuple_claim, self._check_claim))
        out = []
        for row in self.conn.execute(f"{select} WHERE {_AMONG_IDS} AND +doc_id = ?", [wanted, doc_id]):
            try:
                if table == "claims" and _readable_evidence(row[_EVIDENCE_AT]) is None:
                    raise ValueError("damaged evidence")
                check(make(row), ACCEPTED)
            except (ValueError, TypeError):
                out.append(row[0])
        return out

    def accept(self, table: str, ids: Iterable[int]) -> int:
        """Mark these spans, quotes or claims ``accepted`` as they are, with the analyst and time, in one UPDATE
        inside the open action (or one of its own); each row's before image is journalled for undo. What accepting
        every suggestion writes (their rows are not read whole or checked: see ``damaged``). Returns how many."""
        if table not in ANNOTATION_TABLES:
            raise ValueError(f"not an annotation table: {table!r}")
        wanted = _id_list(ids)
        if wanted == "[]":
            return 0
        with self._writing("accept") as act:
            rows = self.conn.execute(f"SELECT id, doc_id, state, analyst, modified_at FROM {table} WHERE {_AMONG_IDS}",
                                     [wanted]).fetchall()
            missing = set(json.loads(wanted)) - {r[0] for r in rows}
            if missing:
                raise KeyError(f"no {table[:-1]} {min(missing)}")
            after = {"state": ACCEPTED, "analyst": act.analyst, "modified_at": _now()}
            self.conn.execute(f"UPDATE {table} SET state = ?, analyst = ?, modified_at = ? WHERE {_AMONG_IDS}",
                              [*after.values(), wanted])
            for row_id, doc_id, *was in rows:  # the images _update would keep: the columns that changed
                before = dict(zip(after, was, strict=True))
                changed = [k for k in after if before[k] != after[k]]
                if changed:
                    self._record(act, Op(table, row_id, doc_id, {k: before[k] for k in changed},
                                         {k: after[k] for k in changed}))
        return len(rows)

    def all_spans(self, include_rejected: bool = False) -> Iterator[Span]:
        hide = "" if include_rejected else " AND state != 'rejected'"
        for row in self.conn.execute(f'{_SPAN_SELECT} WHERE layer = ?{hide} ORDER BY doc_id, start, "end", id', [self.layer]):
            yield _tuple_span(row)

    def spans_by_id(self, span_ids: Iterable[int]) -> list[Span]:
        """The spans with these ids that still exist (rejected ones included)."""
        return self._by_ids(_SPAN_SELECT, _tuple_span, span_ids)

    def span(self, span_id: int) -> Span:
        return self._one(_SPAN_SELECT, _tuple_span, span_id, "span")

    def _stamp(self, row: dict[str, Any]) -> dict[str, Any]:
        now = _now()
        act = self._action
        row["analyst"] = row.get("analyst") or (act.analyst if act else self.analyst)
        row["created_at"] = row.get("created_at") or now
        row["modified_at"] = now
        if row.get("state") not in STATES:
            raise ValueError(f"review state must be one of {', '.join(STATES)}, not {row.get('state')!r}")
        return row

    def insert_span(self, span: Span) -> Span:
        if span.doc_id is None:
            raise ValueError("a span needs a doc_id")
        check_offsets(self._length(span.doc_id), span.start, span.end, "span")
        row = self._stamp(_span_row(span))
        if span.id is not None:
            row = {"id": span.id, **row}
        new_id = self._insert("spans", row, span.doc_id, "add_span")
        return self.span(new_id)

    def insert_spans(self, doc_id: int, spans: Iterable[Span]) -> list[int]:
        """Insert many spans of one document (the text's length read once); return their ids."""
        text = self._length(doc_id)
        ids = []
        for span in spans:
            check_offsets(text, span.start, span.end, "span")
            span = span if span.doc_id == doc_id else span.with_(doc_id=doc_id)  # (a copy costs: many rows)
            ids.append(self._insert("spans", self._stamp(_span_row(span)), doc_id, "add_span"))
        return ids

    def update_span(self, span_id: int, **fields: Any) -> Span:
        """Change a span's label, start, end, origin or state; the analyst and time are recorded."""
        old = self.span(span_id)
        new = old.with_(**fields)
        check_offsets(self._length(old.doc_id), new.start, new.end, "span")  # type: ignore[arg-type]
        if new.state not in STATES:
            raise ValueError(f"review state must be one of {', '.join(STATES)}, not {new.state!r}")
        columns = {k: v for k, v in fields.items() if k in SPAN_COLUMNS and k not in ("id", "doc_id")}
        columns.update(analyst=self._action.analyst if self._action else self.analyst, modified_at=_now())
        self._update("spans", span_id, columns, old.doc_id, "update_span")
        return self.span(span_id)

    def delete_span(self, span_id: int) -> Span:
        """Remove the row (for an analyst's own span); a machine proposal is rejected instead (commands)."""
        span = self.span(span_id)
        self._delete("spans", span_id, span.doc_id, "delete_span")
        return span

    # -- quotes ----------------------------------------------------------------------------
    def quotes(self, doc_id: int, include_rejected: bool = False) -> list[Quote]:
        return self._of_document(_QUOTE_SELECT, _tuple_quote, doc_id, include_rejected)

    def quotes_at(self, doc_id: int, start: int, end: int) -> list[Quote]:
        """The document's quotes of exactly ``[start, end)``, rejected ones included, in id order: what adding a
        quote there must look at (one index lookup, as ``spans_at``; reading a document's 5,000 quotes whole
        took most of an add)."""
        rows = self.conn.execute(f'{_QUOTE_SELECT} WHERE doc_id = ? AND layer = ? AND start = ? AND "end" = ? ORDER BY id',
                                 [doc_id, self.layer, start, end])
        return [_tuple_quote(row) for row in rows]

    def all_quotes(self, include_rejected: bool = False) -> Iterator[Quote]:
        hide = "" if include_rejected else " AND state != 'rejected'"
        for row in self.conn.execute(f'{_QUOTE_SELECT} WHERE layer = ?{hide} ORDER BY doc_id, start, "end", id', [self.layer]):
            yield _tuple_quote(row)

    def quotes_by_id(self, quote_ids: Iterable[int]) -> list[Quote]:
        return self._by_ids(_QUOTE_SELECT, _tuple_quote, quote_ids)

    def quote(self, quote_id: int) -> Quote:
        return self._one(_QUOTE_SELECT, _tuple_quote, quote_id, "quote")

    def _check_quote(self, quote: Quote, state: str | None = None) -> None:
        """Refuse a quote that does not fit its text, saved with ``state`` (default: its own)."""
        text = self._length(quote.doc_id)  # type: ignore[arg-type]
        check_offsets(text, quote.start, quote.end, "quote")
        for name in ("speaker", "speaker_mention", "cue", "source_of"):
            m = getattr(quote, name)
            if m is not None:
                check_offsets(text, m.start, m.end, name)
        if (state or quote.state) not in STATES:
            raise ValueError(f"review state must be one of {', '.join(STATES)}, not {state or quote.state!r}")

    def insert_quote(self, quote: Quote) -> Quote:
        if quote.doc_id is None:
            raise ValueError("a quote needs a doc_id")
        self._check_quote(quote)
        row = self._stamp(_quote_row(quote))
        if quote.id is not None:
            row = {"id": quote.id, **row}
        new_id = self._insert("quotes", row, quote.doc_id, "add_quote")
        return self.quote(new_id)

    def insert_quotes(self, doc_id: int, quotes: Iterable[Quote]) -> list[int]:
        ids = []
        for quote in quotes:
            quote = quote.with_(doc_id=doc_id)
            self._check_quote(quote)
            ids.append(self._insert("quotes", self._stamp(_quote_row(quote)), doc_id, "add_quote"))
        return ids

    def update_quote(self, quote_id: int, **fields: Any) -> Quote:
        old = self.quote(quote_id)
        new = old.with_(**fields)
        self._check_quote(new)
        columns = _quote_fields({k: v for k, v in fields.items() if k not in ("id", "doc_id", "text")})
        columns.update(analyst=self._action.analyst if self._action else self.analyst, modified_at=_now())
        self._update("quotes", quote_id, columns, old.doc_id, "update_quote")
        return self.quote(quote_id)

    def delete_quote(self, quote_id: int) -> Quote:
        quote = self.quote(quote_id)
        self._delete("quotes", quote_id, quote.doc_id, "delete_quote")
        return quote

    # -- claims ----------------------------------------------------------------------------
    def claims(self, doc_id: int, include_rejected: bool = False) -> list[Claim]:
        """The document's claims in text order (by first evidence); rejected suggestions only when asked."""
        return self._of_document(_CLAIM_SELECT, _tuple_claim, doc_id, include_rejected)

    def suggested_claims_on(self, doc_id: int, quote_id: int | None, evidence: Mention,
                            claimants: Iterable[Mention]) -> list[Claim]:
        """The document's claims still ``suggested`` whose claimant is one of ``claimants`` and that were made from
        quote ``quote_id`` or have ``evidence`` among their evidence, in text order: what a change of that quote's
        speaker may move. The rows are found through the document's index and filtered in SQLite (claimant, and an
        evidence cell that names the start's digits or holds anything but plain integers: never one that can
        match less); of those, only the id, quote and evidence are read to pick the few to make into claims, with
        the reader's own parse (making every claim of a document of 5,000 took most of a speaker change)."""
        wanted = sorted({(m.start, m.end) for m in claimants})
        if not wanted:
            return []
        who = " OR ".join(["(claimant_start = ? AND claimant_end = ?)"] * len(wanted))
        rows = self.conn.execute(
            f"SELECT id, quote_id, evidence FROM claims WHERE doc_id = ? AND layer = ? AND {_SUGGESTED_SQL}"
            f" AND ({who}) AND (quote_id = ? OR {_EVIDENCE_MAY_HOLD_SQL})"
            ' ORDER BY start, "end", id',
            [doc_id, self.layer, *(n for pair in wanted for n in pair), quote_id, str(evidence.start)])
        ids = [row_id for row_id, made_from, cell in rows if made_from == quote_id or evidence in _evidence(cell)]
        found = {c.id: c for c in self._by_ids(_CLAIM_SELECT, _tuple_claim, ids)}
        return [found[i] for i in ids]

    def claims_with_evidence(self, doc_id: int, evidence: Mention) -> list[Claim]:
        """The document's claims (not rejected) that have ``evidence`` among their evidence, in text order: what a
        claim made from a quote looks at (``claims(doc_id)`` narrowed to them). Found as ``suggested_claims_on``
        finds its own: filtered in SQLite, only id and evidence read, the few made into claims."""
        rows = self.conn.execute(
            f"SELECT id, evidence FROM claims WHERE doc_id = ? AND layer = ? AND state != 'rejected'"
            f' AND {_EVIDENCE_MAY_HOLD_SQL} ORDER BY start, "end", id', [doc_id, self.layer, str(evidence.start)])
        ids = [row_id for row_id, cell in rows if evidence in _evidence(cell)]
        found = {c.id: c for c in self._by_ids(_CLAIM_SELECT, _tuple_claim, ids)}
        return [found[i] for i in ids]

    def claims_by_document(self, doc_ids: Iterable[int] | None = None) -> dict[int, list[Claim]]:
        """Every claim (rejected included) of the documents named (None: all), by document, in text order."""
        out: dict[int, list[Claim]] = {}
        wanted = None if doc_ids is None else {int(i) for i in doc_ids}
        small = wanted is not None and len(wanted) <= 500  # a few documents: read only theirs
        where = f" WHERE doc_id IN ({', '.join('?' * len(wanted))}) AND" if small else " WHERE"  # type: ignore[arg-type]
        for row in self.conn.execute(f'{_CLAIM_SELECT}{where} layer = ? ORDER BY doc_id, start, "end", id',
                                   [*(sorted(wanted) if small else []), self.layer]):  # type: ignore[arg-type]
            claim = _tuple_claim(row)
            if wanted is None or claim.doc_id in wanted:
                out.setdefault(claim.doc_id, []).append(claim)  # type: ignore[arg-type]
        return out

    def claim(self, claim_id: int) -> Claim:
        return self._one(_CLAIM_SELECT, _tuple_claim, claim_id, "claim")

    def _check_claim(self, claim: Claim, state: str | None = None) -> None:
        """Refuse a claim that does not fit its text or the codebook's shapes, saved with ``state`` (default: its own)."""
        text = self._length(claim.doc_id)  # type: ignore[arg-type]
        if not isinstance(claim.claim_type, str) or not claim.claim_type:
            raise ValueError("a claim needs a type")
        if claim.scope not in ("text", "document"):
            raise ValueError(f"a claim's scope is text or document, not {claim.scope!r}")
        if claim.scope == "text" and not claim.evidence:
            raise ValueError("a claim needs at least one evidence span (or scope='document' for the whole article)")
        for m in claim.evidence:
            check_offsets(text, m.start, m.end, "evidence")
        for name in _CLAIM_PARTS:
            m = getattr(claim, name)
            if m is not None:
                check_offsets(text, m.start, m.end, "object" if name == "target" else name)
        if claim.strength is not None and (isinstance(claim.strength, bool) or claim.strength not in (-2, -1, 0, 1, 2)):
            raise ValueError(f"a claim's strength is an integer from -2 to 2, not {claim.strength!r}")
        if (state or claim.state) not in STATES:
            raise ValueError(f"review state must be one of {', '.join(STATES)}, not {state or claim.state!r}")

    def insert_claim(self, claim: Claim) -> Claim:
        if claim.doc_id is None:
            raise ValueError("a claim needs a doc_id")
        self._check_claim(claim)
        row = self._stamp(_claim_row(claim))
        if claim.id is not None:
            row = {"id": claim.id, **row}
        return self.claim(self._insert("claims", row, claim.doc_id, "add_claim"))

    def insert_claims(self, doc_id: int, claims: Iterable[Claim]) -> list[int]:
        ids = []
        for claim in claims:
            claim = claim if claim.doc_id == doc_id else claim.with_(doc_id=doc_id)
            self._check_claim(claim)
            ids.append(self._insert("claims", self._stamp(_claim_row(claim)), doc_id, "add_claim"))
        return ids

    def update_claim(self, claim_id: int, **fields: Any) -> Claim:
        """Change any of a claim's fields (claimant=Mention, evidence=(Mention, …), stance=…); analyst and time
        are recorded."""
        old = self.claim(claim_id)
        new = old.with_(**{k: v for k, v in fields.items() if k not in ("id", "doc_id")})
        self._check_claim(new)
        before, after = _claim_row(old), _claim_row(new)
        columns = {k: v for k, v in after.items() if before[k] != v and k not in ("doc_id", "analyst", "created_at",
                                                                                  "modified_at")}
        if not columns:
            return old
        columns.update(analyst=self._action.analyst if self._action else self.analyst, modified_at=_now())
        self._update("claims", claim_id, columns, old.doc_id, "update_claim")
        return self.claim(claim_id)

    def delete_claim(self, claim_id: int) -> Claim:
        claim = self.claim(claim_id)
        self._delete("claims", claim_id, claim.doc_id, "delete_claim")
        return claim

    def import_claims(self, doc_id: int, claims: Iterable[Claim]) -> int:
        """Insert claims as an export wrote them (origin, state, analyst, times and free ids kept)."""
        n = 0
        quote_ids = {(q.start, q.end): q.id for q in self.quotes(doc_id, include_rejected=True)}
        for claim in claims:  # the quote a claim was made from is found again by its extent (ids may change)
            first = claim.evidence[0] if claim.evidence else None
            linked = first is not None and claim.quote_id is not None
            claim = claim.with_(doc_id=doc_id, quote_id=quote_ids.get((first.start, first.end)) if linked else None)
            self._check_claim(claim)
            row = self._stamp_missing(_claim_row(claim))
            if claim.id is not None and not self._exists("claims", claim.id):
                row = {"id": claim.id, **row}
            self._insert("claims", row, doc_id, "import")
            n += 1
        return n

    # -- journal ---------------------------------------------------------------------------
    def log(self, doc_id: int | None = None) -> list[dict[str, Any]]:
        if doc_id is None:
            return list(self.db.query("SELECT * FROM edit_log ORDER BY id"))
        return list(self.db.query("SELECT * FROM edit_log WHERE doc_id = ? ORDER BY id", [doc_id]))

    def counts(self) -> dict[str, Any]:
        """Totals for ``stats``, in a few queries: documents by status, source and split, spans by label and state,
        annotations by analyst, quotes by speaker, claims by type and stance, near-duplicate clusters."""
        q = self.conn.execute
        return {
            "documents": q("SELECT count(*), coalesce(sum(words), 0) FROM documents").fetchone(),
            "status": dict(q("SELECT status, count(*) FROM documents GROUP BY status").fetchall()),
            "pending": q("SELECT count(*) FROM documents WHERE pre_at IS NULL").fetchone()[0],
            "labels": q("SELECT label, count(*) FROM spans WHERE state != 'rejected' GROUP BY label ORDER BY 2 DESC").fetchall(),
            "states": dict(q("SELECT state, count(*) FROM spans GROUP BY state").fetchall()),
            "quotes": q(
                "SELECT count(*), count(speaker_start) FROM quotes WHERE state != 'rejected' AND kind = 'quote'"
            ).fetchone(),
            "quote_states": dict(q("SELECT state, count(*) FROM quotes GROUP BY state").fetchall()),
            "analysts": q(
                "SELECT coalesce(analyst, '(none)'), sum(spans), sum(quotes) FROM ("
                " SELECT analyst, 1 AS spans, 0 AS quotes FROM spans WHERE state != 'rejected'"
                " UNION ALL SELECT analyst, 0, 1 FROM quotes WHERE state != 'rejected')"
                " GROUP BY 1 ORDER BY 2 + 3 DESC, 1"
            ).fetchall(),
            "sources": q("SELECT coalesce(source, ''), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1").fetchall(),
            "speakers": q(  # substr counts characters, as our offsets do
                "SELECT substr(d.text, q.speaker_start + 1, q.speaker_end - q.speaker_start), count(*)"
                " FROM quotes q JOIN documents d ON d.id = q.doc_id"
                " WHERE q.state != 'rejected' AND q.kind = 'quote' AND q.speaker_start IS NOT NULL"
                " GROUP BY 1 ORDER BY 2 DESC, 1"
            ).fetchall(),
            "claims": q("SELECT claim_type, coalesce(stance, ''), count(*) FROM claims WHERE state != 'rejected'"
                        " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2").fetchall(),
            "claim_states": dict(q("SELECT state, count(*) FROM claims GROUP BY state").fetchall()),
            "splits": dict(q("SELECT coalesce(split, 'none'), count(*) FROM documents GROUP BY 1").fetchall()),
            "clusters": q("SELECT count(DISTINCT cluster), count(cluster) FROM documents").fetchone(),
        }
