"""A small keyboard-first chooser: each choice shows its key; pressing it (or Enter on a row) picks it, Esc
cancels. Used to pick a claim's type and stance right after ``c``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget

from annotator.gui.placement import place_by_cursor
from annotator.gui.plain import label, tooltip


class ChoicePopup(QFrame):
    """``choices``: (key, text, value, colour or "", help text). Emits ``picked(value)`` or ``cancelled()``."""

    picked = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget, title: str, choices: list[tuple[str, str, Any, str, str]]) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.choices = choices
        self._done = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(label(title))
        self.list = QListWidget()
        for key, text, _value, colour, help_text in choices:
            item = QListWidgetItem(f"{key}   {text}")  # a QListWidgetItem's text is always plain
            if colour:
                item.setForeground(QColor(colour).darker(140))
            if help_text:
                item.setToolTip(tooltip(help_text))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda item: self._pick(self.list.row(item)))
        self.list.installEventFilter(self)
        layout.addWidget(self.list)
        width = max(self.list.sizeHintForColumn(0) + 40, 260)
        self.list.setFixedSize(width, self.list.sizeHintForRow(0) * len(choices) + 8)

    def show_by(self, view: QPlainTextEdit) -> None:
        """Open by ``view``'s cursor: below its line, or above it when the screen ends first."""
        place_by_cursor(self, view, 6)
        self.show()
        self.list.setFocus()

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self.choices) and not self._done:
            self._done = True
            value = self.choices[row][2]
            self.close()
            self.picked.emit(value)

    def handle_key(self, event: QKeyEvent) -> bool:
        text = event.text()
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick(self.list.currentRow())
            return True
        for row, (key, *_rest) in enumerate(self.choices):
            if text and (text == key or (key == "+" and text == "=")):
                self._pick(row)
                return True
        return False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.list and event.type() == event.Type.KeyPress and self.handle_key(event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self._done:
            self._done = True
            self.cancelled.emit()
        super().closeEvent(event)
