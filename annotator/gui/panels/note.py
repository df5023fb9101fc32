"""The note of the open document: saved as you type, one action per pause (debounced)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_AFTER_MS = 700


class NoteEdit(QPlainTextEdit):
    """Plain text; emits ``save(doc_id, text)`` once typing pauses, and on leaving the field or the document."""

    save = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("a note on this document (saved as you type)")
        self.setTabChangesFocus(True)
        self.doc_id: int | None = None
        self._saved = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_AFTER_MS)
        self.timer.timeout.connect(self.flush)
        self.textChanged.connect(self._typed)

    def show_note(self, doc_id: int | None, note: str) -> None:
        """Show another document's note (the pending one is saved first)."""
        self.flush()
        self.doc_id, self._saved = doc_id, note
        self.blockSignals(True)
        self.setPlainText(note)
        self.blockSignals(False)
        self.setEnabled(doc_id is not None)

    def _typed(self) -> None:
        self.timer.start()

    def flush(self) -> None:
        self.timer.stop()
        text = self.toPlainText()
        if self.doc_id is not None and text != self._saved:
            self._saved = text
            self.save.emit(self.doc_id, text)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.flush()
        super().focusOutEvent(event)
