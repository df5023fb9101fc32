"""A small keyboard popup listing the document's PERSON/ORG names: type to filter, Enter to pick."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.domain import Mention


class SpeakerPicker(QFrame):
    """Emits ``picked(Mention)`` and closes on Enter or a click; Escape closes without picking."""

    picked = Signal(object)

    def __init__(self, parent: QWidget, choices: list[tuple[str, Mention]]) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("type to filter, Enter to pick")
        self.list = QListWidget(self)
        for name, mention in choices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, (mention.start, mention.end))
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.resize(280, min(320, 60 + 24 * max(1, len(choices))))
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.filter.installEventFilter(self)
        self._apply_filter("")

    def visible_names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count()) if not self.list.item(i).isHidden()]

    def _apply_filter(self, needle: str) -> None:
        needle = needle.casefold().strip()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(needle not in item.text().casefold())
            if first is None and not item.isHidden():
                first = item
        self.list.setCurrentItem(first)

    def _step(self, delta: int) -> None:
        rows = [i for i in range(self.list.count()) if not self.list.item(i).isHidden()]
        if not rows:
            return
        current = self.list.currentRow()
        pos = rows.index(current) if current in rows else -1
        self.list.setCurrentRow(rows[max(0, min(len(rows) - 1, pos + delta))])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down:
                self._step(1)
                return True
            if event.key() == Qt.Key.Key_Up:
                self._step(-1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        start, end = item.data(Qt.ItemDataRole.UserRole)
        self.close()
        self.picked.emit(Mention(start, end))
