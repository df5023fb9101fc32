"""The window's hold on the core: a Project (store + journal), and ``changed`` / ``error`` signals.

Every edit is one ``Project.run``: one transaction and one journal entry. Undo and redo are the core's
per-document history (``store.undo``), kept in the database, so Ctrl+Z works after a restart and a failed
undo stays where it was (Anki keeps its undo in the collection the same way; the Qt side only mirrors it).
"""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QObject, Signal

from annotator.api import Project
from annotator.commands import Command
from annotator.domain import Change, OffsetError
from annotator.store import HistoryEntry, Store, StoreError, UndoConflict

EXPECTED = (ValueError, KeyError, StoreError, OffsetError, UndoConflict)


def describe(exc: BaseException) -> str:
    """One line for the status bar."""
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return text or type(exc).__name__


class Session(QObject):
    """Owns the project; every edit goes through ``run``, every undo through ``undo(doc_id)``."""

    changed = Signal(object)  # annotator.domain.Change
    error = Signal(str)
    history_changed = Signal()  # the undo / redo texts may differ now

    def __init__(self, store: Store | Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = store if isinstance(store, Project) else Project(store)
        self.store = self.project.store
        self.last_doc: int | None = None  # the document of this window's latest action

    def run(self, *commands: Command, text: str | None = None) -> Change | None:
        """Apply the commands as one action; on failure report it, write nothing and return None."""
        return None if self.apply(*commands, text=text) is None else self.project.last_change

    def apply(self, *commands: Command, text: str | None = None) -> list | None:
        """As ``run``, but return the commands' results (None on failure)."""
        if not commands:
            return None
        try:
            results = self.project.run(*commands, label=text)
        except Exception as exc:
            self._report(exc)
            return None
        change = self.project.last_change
        if len(change.doc_ids) == 1:
            self.last_doc = next(iter(change.doc_ids))
        self.history_changed.emit()
        if change:
            self.changed.emit(change)
        return results

    def undo_target(self, doc_id: int | None) -> int | None:
        """The document Ctrl+Z should act on: ``doc_id``, unless this window's latest action was on another
        document and is newer than anything to undo here (mark done and move on, then Ctrl+Z)."""
        other = self.last_doc
        if other is None or other == doc_id:
            return doc_id
        theirs = self.store.next_undo(other)
        mine = self.store.next_undo(doc_id) if doc_id is not None else None
        return other if theirs is not None and (mine is None or theirs.id > mine.id) else doc_id

    def undo(self, doc_id: int | None) -> Change | None:
        return self._replay(doc_id, undo=True)

    def redo(self, doc_id: int | None) -> Change | None:
        return self._replay(doc_id, undo=False)

    def next_undo(self, doc_id: int | None) -> HistoryEntry | None:
        return None if doc_id is None else self.store.next_undo(doc_id)

    def next_redo(self, doc_id: int | None) -> HistoryEntry | None:
        return None if doc_id is None else self.store.next_redo(doc_id)

    def _replay(self, doc_id: int | None, undo: bool) -> Change | None:
        verb = "undo" if undo else "redo"
        if doc_id is None:
            return None
        try:
            change = self.project.undo(doc_id) if undo else self.project.redo(doc_id)
        except Exception as exc:  # the entry stays in the history: the next Ctrl+Z tries the same one
            self._report(exc, prefix="" if isinstance(exc, UndoConflict) else f"cannot {verb}: ")
            return None
        if change is None:
            self.error.emit(f"nothing to {verb} in this document")
            return None
        self.history_changed.emit()
        self.changed.emit(change)
        return change

    def _report(self, exc: Exception, prefix: str = "") -> None:
        if not isinstance(exc, EXPECTED):
            traceback.print_exception(exc, file=sys.stderr)
        self.error.emit(prefix + describe(exc))
