"""Find: Ctrl+F searches the open article (F3 / Shift+F3 next and previous), Ctrl+Shift+F every document
(the list shows only those that contain the words). Esc closes the bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget


class FindBar(QWidget):
    """``search_all(text)`` asks the window to filter the list by document text ("" clears it)."""

    search_all = Signal(str)
    message = Signal(str)

    def __init__(self, view: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.field = QLineEdit()
        self.field.setPlaceholderText("find in this article (Enter / F3 next, Shift+F3 previous, Esc closes)")
        self.field.setClearButtonEnabled(True)
        self.everywhere = QCheckBox("all documents")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.everywhere)
        self.field.returnPressed.connect(lambda: self.find(backward=False))
        self.everywhere.toggled.connect(lambda _on: self._scope_changed())
        self.field.installEventFilter(self)
        self.hide()

    def open(self, everywhere: bool = False) -> None:
        self.everywhere.setChecked(everywhere)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        if self.everywhere.isChecked():
            self.search_all.emit("")
        self.hide()
        self.view.setFocus()

    def _scope_changed(self) -> None:
        self.search_all.emit(self.field.text() if self.everywhere.isChecked() else "")

    def find(self, backward: bool = False) -> bool:
        """Select the next (or previous) occurrence in the article, wrapping round; False if there is none."""
        words = self.field.text()
        if not words:
            return False
        if self.everywhere.isChecked():
            self.search_all.emit(words)  # the window filters the list and, if need be, opens the first match
            if self.view.textCursor().selectedText().casefold() == words.casefold():
                return True
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.view.find(words, flags):
            return True
        cursor = self.view.textCursor()  # wrap round to the other end and try once more
        cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
        self.view.setTextCursor(cursor)
        if self.view.find(words, flags):
            self.message.emit("search wrapped round")
            return True
        if not self.everywhere.isChecked():
            self.message.emit(f"“{words}” is not in this article")
        return False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() == Qt.Key.Key_F3:
                self.find(backward=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
                return True
        return super().eventFilter(watched, event)
