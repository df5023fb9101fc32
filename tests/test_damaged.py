"""Damaged, foreign, missing and shared database files: look first, refuse in one line, never write into them."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.domain import Document, Span
from annotator.store import Store, StoreError, safety

from .conftest import SEEDS


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def filled(path, n=300):
    store = Store(path)
    for i in range(n):
        doc_id, _ = store.add_document(Document(f"Story {i}: Ana Rusu met Ion Popa in Valdor. " * 20, {"source": f"{i}.txt"}))
        store.insert_span(Span(0, 5, "MISC", doc_id=doc_id))
    store.close()
    return path


def damage(path):
    """Overwrite a page in the middle of the file with garbage, as a failing disk would."""
    size = path.stat().st_size
    page = 4096
    middle = (size // page // 2) * page
    with path.open("r+b") as handle:
        handle.seek(middle + 16)
        handle.write(os.urandom(2000))


def test_a_damaged_page_is_found_on_open_and_nothing_writes_into_the_file(tmp_path):
    path = filled(tmp_path / "news.db")
    Store(path).close()  # a write open after changes takes a backup
    assert safety.backups(path)
    damage(path)
    before = digest(path)
    for args in (["stats"], ["export", "-o", "-"], ["import", str(SEEDS), "--no-preannotate"], ["preannotate"]):
        result = run(*args, "--db", str(path))
        assert result.exit_code == 2, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "damaged" in lines[0] and "Traceback" not in result.stderr, lines
        assert f"annotator restore --db {path}" in lines[0] and str(safety.backups(path)[0]) in lines[0]
    assert digest(path) == before
    with pytest.raises(StoreError, match="damaged"):
        Store(path)


def test_restore_puts_the_backup_back_and_keeps_the_damaged_file(tmp_path):
    path = filled(tmp_path / "news.db")
    made = run("backup", "--db", str(path))
    assert made.exit_code == 0 and "backup written and verified" in made.stderr
    damage(path)
    result = run("restore", "--db", str(path))
    assert result.exit_code == 0, result.stderr
    assert "is kept as" in result.stderr
    assert list(tmp_path.glob("news.db.damaged-*"))
    store = Store(path)
    assert store.count_documents() == 300
    store.close()


def test_restore_with_no_backup_says_so(tmp_path):
    result = run("restore", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2 and "no backup to restore" in result.stderr


def test_backups_rotate_and_are_taken_only_when_the_file_changed(tmp_path, monkeypatch):
    path = filled(tmp_path / "b.db", n=3)
    monkeypatch.setattr(safety, "KEEP_BACKUPS", 3)
    for _ in range(5):
        store = Store(path)
        store.insert_span(Span(0, 3, "MISC", doc_id=1))
        store.close()
    found = safety.backups(path)
    assert len(found) == 3
    for backup in found:
        conn = sqlite3.connect(backup)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    Store(path).close()  # changed since the last backup (the insert after it): one more
    newest = safety.backups(path)[0]
    assert newest != found[0]
    Store(path).close()  # unchanged since: no new one
    Store(path).close()
    assert safety.backups(path)[0] == newest


def test_read_only_commands_never_create_anything(tmp_path):
    missing = tmp_path / "typo" / "x.db"
    for args in (["stats"], ["export", "-o", "-"]):
        result = run(*args, "--db", str(missing))
        assert result.exit_code == 2 and "no database there (nothing was created)" in result.stderr
    assert not (tmp_path / "typo").exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    result = run("stats", "--db", str(empty))
    assert result.exit_code == 2 and "the file is empty" in result.stderr
    assert empty.stat().st_size == 0 and not (tmp_path / "empty.db-wal").exists()


def test_stats_and_export_leave_the_file_exactly_as_it_was(tmp_path):
    path = filled(tmp_path / "r.db", n=5)
    before, backups = digest(path), safety.backups(path)
    assert run("stats", "--db", str(path)).exit_code == 0
    assert run("export", "--db", str(path), "-o", str(tmp_path / "out.jsonl")).exit_code == 0
    assert digest(path) == before and safety.backups(path) == backups
    assert not (tmp_path / "r.db-wal").exists() or (tmp_path / "r.db-wal").stat().st_size == 0


def test_another_programs_sqlite_file_is_refused_before_anything_changes(tmp_path):
    path = tmp_path / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.execute("INSERT INTO people VALUES ('Ana')")
    conn.commit()
    conn.close()
    before = digest(path)
    for args in (["import", str(SEEDS), "--no-preannotate"], ["stats"], ["export", "-o", "-"]):
        result = run(*args, "--db", str(path))
        assert result.exit_code == 2 and "another program's SQLite database (tables: people)" in result.stderr
    with pytest.raises(StoreError, match="another program's"):
        Store(path)
    assert digest(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL
    conn.close()


@pytest.mark.parametrize("tables", [["documents"], ["documents", "spans", "quotes"]])
def test_another_programs_file_with_a_table_named_like_ours_is_refused(tmp_path, tables):
    """A CMS export or another tool's file with a ``documents`` table is not ours: no migration is tried
    into it (that failed with 'table "documents" already exists' after switching the file to WAL)."""
    path = tmp_path / "cms.db"
    conn = sqlite3.connect(path)
    for name in tables:
        conn.execute(f"CREATE TABLE {name} (x TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    for args in (["import", str(SEEDS), "--no-preannotate"], ["stats"]):
        result = run(*args, "--db", str(path))
        assert result.exit_code == 2 and "another program's SQLite database" in result.stderr, result.stderr
    with pytest.raises(StoreError, match="another program's"):
        Store(path)
    assert digest(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_read_only_folder_is_named_as_the_cause(tmp_path, monkeypatch):
    path = filled(tmp_path / "ro.db", n=1)
    real_access = os.access

    def access(p, mode, *args, **kwargs):  # the folder is read-only, the file itself writable (root ignores chmod)
        if os.fspath(p) == os.fspath(tmp_path) and mode & os.W_OK:
            return False
        return real_access(p, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(StoreError, match=r"the folder .* is read-only, and SQLite must create ro.db-wal"):
        Store(path)
    with pytest.raises(StoreError, match="cannot create the database: the folder .* is not writable"):
        Store(tmp_path / "new.db")


def test_two_imports_at_once_both_finish(tmp_path):
    db = tmp_path / "both.db"
    folder = tmp_path / "feed"
    folder.mkdir()
    for i in range(120):
        (folder / f"{i}.txt").write_text(f"Article {i} about Valdor and its neighbours.", encoding="utf-8")
    cmd = [sys.executable, "-m", "annotator", "import", str(folder), "--db", str(db), "--no-preannotate"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert not any("UNIQUE" in err or "Traceback" in err for _, err in outs)
    store = Store(db)
    assert store.count_documents() == 120
    store.close()


def test_two_stores_on_one_file_see_each_others_commits_and_ids_are_never_reused(tmp_path):
    path = filled(tmp_path / "two.db", n=1)
    a, b = Store(path), Store(path)
    version = a.data_version()
    span = b.insert_span(Span(6, 9, "MISC", doc_id=1))
    assert a.data_version() != version  # the window polls this and refreshes
    b.delete_span(span.id)
    again = a.insert_span(Span(6, 9, "MISC", doc_id=1))
    assert again.id > span.id
    a.close()
    b.close()


def test_a_check_in_the_background_refuses_the_first_write_to_a_damaged_file(tmp_path):
    path = filled(tmp_path / "news.db")
    Store(path).close()
    damage(path)
    before = digest(path)
    store = Store(path, check_in_background=True, backup=False)  # the window's way: opens at once
    try:
        problem = store.deferred_problem(wait=True)
        assert problem is not None and "damaged" in problem and f"annotator restore --db {path}" in problem
        with pytest.raises(StoreError, match="damaged"):
            with store.action("edit"):
                store.set_note(1, "lost?")
    finally:
        store.close()
    assert digest(path) == before  # nothing was written into it


def test_a_check_in_the_background_lets_a_sound_file_be_written_and_backed_up(tmp_path, monkeypatch):
    path = filled(tmp_path / "news.db", n=20)
    Store(path).close()
    first = safety.backups(path)
    store = Store(path, check_in_background=True)
    with store.action("edit"):
        store.set_note(1, "kept")
    store.close()
    assert store.deferred_problem() is None and Store(path, write=False).document(1).note == "kept"
    reopened = Store(path, check_in_background=True)  # changed since the newest backup: a new one, in the thread
    reopened.close()
    newer = safety.backups(path)
    assert len(newer) == len(first) + 1 and reopened.backup_path == newer[0]
    check = sqlite3.connect(newer[0])
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()


def test_opening_a_new_database_waits_while_another_connection_holds_its_write_lock(tmp_path):
    """Switching to WAL needs the file to itself, and SQLite fails it at once while another connection writes in
    the rollback journal (two imports creating one database together: one stopped with "database is locked")."""
    import sqlite3
    import threading

    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # a writer in the rollback journal, as a new file starts
    threading.Timer(0.4, lambda: other.execute("COMMIT")).start()
    store = Store(path)  # waits for the lock instead of failing
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    other.close()
