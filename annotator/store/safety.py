"""Before and around opening a database: look first (never create or convert what is not ours), check the
pages, and keep rotated, verified backups beside the file (``news.db.backups/``)."""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from pathlib import Path

from annotator.store.steps import MIGRATION_SET

SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_BACKUPS = int(os.environ.get("ANNOTATOR_BACKUP_KEEP", "5"))


class UnsafeDatabase(RuntimeError):
    """The file must not be opened (missing, foreign, damaged…); the message says why and what to do."""


def backup_dir(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def backups(path: Path) -> list[Path]:
    """Existing backups of ``path``, newest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.db"), key=lambda p: p.name, reverse=True)


def restore_hint(path: Path) -> str:
    found = backups(path)
    if found:
        return f"restore the latest backup with `annotator restore --db {path}` (it would use {found[0]})"
    return "no backup of it exists; pass another file with --db"


def look(path: Path, create: bool) -> bool:
    """Check ``path`` before SQLite touches it; return True if it exists. Raises UnsafeDatabase."""
    if not path.exists():
        if not create:
            raise UnsafeDatabase(f"{path}: no database there (nothing was created); import files with `annotator import FILES --db {path}`")
        folder = path.parent
        while not folder.exists():
            folder = folder.parent
        if not os.access(folder, os.W_OK):
            raise UnsafeDatabase(f"{path}: cannot create the database: the folder {folder} is not writable")
        return False
    if path.is_dir():
        raise UnsafeDatabase(f"{path}: is a folder, not a database file")
    size = path.stat().st_size
    if size == 0:
        if not create:
            raise UnsafeDatabase(f"{path}: the file is empty, not an annotator database (nothing was changed)")
        return True
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise UnsafeDatabase(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    if header != SQLITE_HEADER:
        raise UnsafeDatabase(f"{path}: not a SQLite database (nothing was changed); pass another file with --db")
    foreign = _foreign_tables(path)
    if foreign:
        shown = ", ".join(sorted(foreign)[:5]) + (" …" if len(foreign) > 5 else "")
        raise UnsafeDatabase(
            f"{path}: another program's SQLite database (tables: {shown}), not an annotator one; "
            "nothing was changed; pass another file with --db"
        )
    return True


def _foreign_tables(path: Path) -> set[str]:
    """Tables of a database that has none of ours (read-only look; empty if it cannot be read this way)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return set()
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        names = {n for n in names if not n.startswith("sqlite_")}
        # Every annotator file records its schema steps (the first one made the tables): a file with tables of
        # its own but no such record is another program's, even when one is called ``documents``.
        ours = "_sqlite_migrations" in names and conn.execute(
            "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1", [MIGRATION_SET]
        ).fetchone() is not None
    except sqlite3.Error:
        return set()  # damaged or locked: the real open says so
    finally:
        conn.close()
    return names if names and not ours else set()


def unclean(path: Path) -> bool:
    """A write-ahead log left behind: the last writer did not close (or one is open now)."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def check_pages(conn: sqlite3.Connection, full: bool) -> str | None:
    """None if the pages are sound, else SQLite's first complaint."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = [" ".join(str(r[0]).split()) for r in rows]
    return None if result == ["ok"] else "; ".join(result)


class BackgroundCheck:
    """``quick_check`` of a file on a connection of its own in a thread, so a window paints while it runs; a
    writer waits for it (``result``) before its first write, so nothing is ever written to a damaged file."""

    def __init__(self, path: Path, backup: bool = False) -> None:
        import threading

        self.path = path
        self.backup = backup  # then, once the pages are sound, the rotated backup is taken here too
        self.problem: str | None = None
        self.backup_path: Path | None = None
        self.backup_error: str | None = None
        self._checked = threading.Event()
        self._thread = threading.Thread(target=self._run, name="annotator-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        except sqlite3.Error as exc:
            self.problem = str(exc)
            self._checked.set()
            return
        try:
            self.problem = check_pages(conn, full=False)
            self._checked.set()  # writers may go on: the backup below reads a snapshot beside them
            if self.problem is None and self.backup:
                try:
                    self.backup_path = make_backup(conn, self.path)
                except (sqlite3.Error, OSError) as exc:  # a failed backup never blocks the analyst's work
                    self.backup_error = f"{self.path}: no backup taken ({exc})"
        finally:
            self._checked.set()
            conn.close()

    @property
    def done(self) -> bool:
        return self._checked.is_set()

    def result(self) -> str | None:
        """Wait for the check (not the backup); None if the pages are sound, else SQLite's complaint."""
        self._checked.wait()
        return self.problem

    def finish(self) -> None:
        """Wait for the backup too (closing the store)."""
        self._thread.join()


def fingerprint(conn: sqlite3.Connection) -> str:
    """Changes whenever an action is journalled or a document added (file times change on mere checkpoints)."""
    try:
        log, docs = conn.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM edit_log), (SELECT coalesce(max(id), 0) FROM documents)"
        ).fetchone()
    except sqlite3.Error:
        return "x"
    return f"j{log}d{docs}"


def make_backup(conn: sqlite3.Connection, path: Path, force: bool = False, keep: int | None = None) -> Path | None:
    """An online backup of the open database (SQLite's backup API), verified, the last ``keep`` kept.

    Without ``force``, only when the data changed since the newest backup. Returns the new backup's path.
    """
    keep = KEEP_BACKUPS if keep is None else keep
    if keep <= 0 and not force:
        return None
    existing = backups(path)
    mark = fingerprint(conn)
    if existing and not force and existing[0].stem.endswith(f"-{mark}"):
        return None
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.stem}-{stamp}-{mark}.db"
    partial = target.with_suffix(".partial")
    out = sqlite3.connect(partial)
    try:
        conn.backup(out)
        problem = check_pages(out, full=False)
    finally:
        out.close()
    if problem is not None:
        partial.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(f"the backup did not verify ({problem})")
    os.replace(partial, target)
    for old in backups(path)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    return target


def restore(path: Path, source: Path | None = None) -> tuple[Path, Path | None]:
    """Put a verified backup in place of ``path``; the file it replaces is kept as ``<name>.damaged-<time>``.

    Returns (the backup used, where the old file went or None).
    """
    found = backups(path)
    source = source or (found[0] if found else None)
    if source is None:
        raise UnsafeDatabase(f"{path}: no backup to restore (looked in {backup_dir(path)})")
    if not source.is_file():
        raise UnsafeDatabase(f"{source}: no such backup")
    check = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        problem = check_pages(check, full=True)
    finally:
        check.close()
    if problem is not None:
        raise UnsafeDatabase(f"{source}: the backup itself is damaged ({problem}); name another with --from")
    kept = None
    if path.exists():
        stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = path.with_name(f"{path.name}.damaged-{stamp}")
        os.replace(path, kept)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, kept.with_name(kept.name + suffix))
    import shutil  # here: it imports bz2 and lzma, 9 ms of every launch, for a restore

    tmp = path.with_name(path.name + ".restoring")
    shutil.copyfile(source, tmp)
    os.replace(tmp, path)
    return source, kept
