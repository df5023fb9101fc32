"""The window's hold on the core: the Store, a QUndoStack of wrapped core commands, and a `changed` signal.

A command is applied before it is pushed, so one that fails leaves the store and the stack as they were.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.commands import Change, Command
from annotator.domain import OffsetError
from annotator.store import Store, StoreError

EXPECTED = (ValueError, KeyError, StoreError, OffsetError)


def describe(exc: BaseException) -> str:
    """One line for the status bar."""
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return text or type(exc).__name__


class _Wrapped(QUndoCommand):
    """A QUndoCommand over core commands; its first redo is skipped because Session.run applied them."""

    def __init__(self, session: Session, commands: Sequence[Command], text: str) -> None:
        super().__init__(text)
        self.session = session
        self.commands = list(commands)
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.session._replay(self, lambda store: _apply_all(self.commands, store), "redo")

    def undo(self) -> None:
        self.session._replay(self, lambda store: _revert_all(self.commands, store), "undo")


def _apply_all(commands: Sequence[Command], store: Store) -> Change:
    """Apply in order; if one fails, revert the ones already applied and re-raise."""
    change, done = Change(), []
    try:
        for command in commands:
            change |= command.apply(store)
            done.append(command)
    except BaseException:
        for command in reversed(done):
            try:
                command.revert(store)
            except Exception:  # the original error is the one to report
                traceback.print_exc()
        raise
    return change


def _revert_all(commands: Sequence[Command], store: Store) -> Change:
    change = Change()
    for command in reversed(commands):
        change |= command.revert(store)
    return change


class Session(QObject):
    """Owns the store and the undo stack; every edit goes through ``run``."""

    changed = Signal(object)  # annotator.commands.Change
    error = Signal(str)
    history_moved = Signal(object)  # the Change an undo or redo made

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(1000)

    def run(self, *commands: Command, text: str | None = None) -> Change | None:
        """Apply the commands as one undoable step; on failure report it, push nothing and return None."""
        if not commands:
            return None
        try:
            change = _apply_all(commands, self.store)
        except Exception as exc:
            self._report(exc)
            return None
        label = text or "; ".join(str(getattr(c, "text", type(c).__name__)) for c in commands)
        self.undo_stack.push(_Wrapped(self, commands, label))
        self.changed.emit(change)
        return change

    def undo(self) -> None:
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    def _replay(self, wrapper: _Wrapped, step: Callable[[Store], Change], verb: str) -> None:
        try:
            change = step(self.store)
        except Exception as exc:
            wrapper.setObsolete(True)  # the stack drops it instead of pretending it happened
            self._report(exc, prefix=f"cannot {verb} {wrapper.text()!r}: ")
            return
        self.changed.emit(change)
        self.history_moved.emit(change)

    def _report(self, exc: Exception, prefix: str = "") -> None:
        if not isinstance(exc, EXPECTED):
            traceback.print_exception(exc, file=sys.stderr)
        self.error.emit(prefix + describe(exc))
