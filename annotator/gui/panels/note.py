"""The note of the open document: every key saved at once, one action (journal entry) per burst of typing."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_AFTER_MS = 700  # a pause this long ends a burst: the next key starts a new action


class NoteEdit(QPlainTextEdit):
    """Plain text; emits ``save(doc_id, text, more)`` on every change, so a kill -9 loses no typing; ``more``
    is True while the burst goes on (the store folds it into the burst's entry), False for its first key."""

    save = Signal(int, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("a note on this document (saved as you type)")
        self.setTabChangesFocus(True)
        self.doc_id: int | None = None
        self._saved = ""
        self.timer = QTimer(self)  # running: a burst of typing is going on
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_AFTER_MS)
        self.textChanged.connect(self.flush)

    def show_note(self, doc_id: int | None, note: str) -> None:
        """Show another document's note (the pending one is saved first); its typing starts a new action."""
        self.flush()
        self.timer.stop()
        self.doc_id, self._saved = doc_id, note
        self.blockSignals(True)
        self.setPlainText(note)
        self.blockSignals(False)
        self.setEnabled(doc_id is not None)

    def flush(self) -> None:
        text = self.toPlainText()
        if self.doc_id is not None and text != self._saved:
            more = self.timer.isActive()
            self._saved = text
            self.timer.start()
            self.save.emit(self.doc_id, text, more)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.flush()
        self.timer.stop()  # typing after coming back is a new action
        super().focusOutEvent(event)
