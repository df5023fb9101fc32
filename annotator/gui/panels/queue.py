"""The review queue above the document list: a filter field, a status choice, and the progress line.

``DocumentFilter`` is a QSortFilterProxyModel over the document list model: sortable by any column, filtered
by status and by free text in the title or source. The window maps rows through it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from annotator.domain import STATUSES, UNFINISHED
from annotator.gui.panels.documents import STATUS_TEXT, DocumentListModel

ALL, OPEN = "all", "unfinished"
CHOICES = (ALL, OPEN, *STATUSES)


class DocumentFilter(QSortFilterProxyModel):
    """Rows of the document list that match the status choice and every word of the filter text."""

    def __init__(self, source: DocumentListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.status = ALL
        self.words: list[str] = []
        self.ids: set[int] | None = None  # documents whose text matched a search of all documents
        self.having: set[int] | None = None  # documents with the chosen label / analyst
        self.setSortRole(Qt.ItemDataRole.UserRole + 1)  # the model's sort key: numbers sort as numbers

    def set_status(self, status: str) -> None:
        self._change_filter(lambda: setattr(self, "status", status))

    def set_text(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "words", text.casefold().split()))

    def set_ids(self, ids: set[int] | None) -> None:
        self._change_filter(lambda: setattr(self, "ids", ids))

    def set_having(self, ids: set[int] | None) -> None:
        self._change_filter(lambda: setattr(self, "having", ids))

    def _change_filter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model: DocumentListModel = self.sourceModel()  # type: ignore[assignment]
        if not 0 <= row < len(model.rows):
            return False
        summary = model.rows[row]
        if self.ids is not None and summary.id not in self.ids:
            return False
        if self.having is not None and summary.id not in self.having:
            return False
        if self.status == OPEN and summary.status not in UNFINISHED:
            return False
        if self.status not in (ALL, OPEN) and summary.status != self.status:
            return False
        if self.words:
            haystack = f"{summary.title} {summary.source}".casefold()
            return all(w in haystack for w in self.words)
        return True

    def doc_id(self, row: int) -> int | None:
        if not 0 <= row < self.rowCount():
            return None
        return self.sourceModel().doc_id(self.mapToSource(self.index(row, 0)).row())  # type: ignore[attr-defined]

    def row_of(self, doc_id: int | None) -> int:
        if doc_id is None:
            return -1
        source_row = self.sourceModel().row_of(doc_id)  # type: ignore[attr-defined]
        if source_row < 0:
            return -1
        return self.mapFromSource(self.sourceModel().index(source_row, 0)).row()


class QueueBar(QWidget):
    """Filter text, status, label and analyst choices; ``changed`` fires when the text or status does,
    ``having_changed(label, analyst)`` when a label or analyst is chosen ("" for any)."""

    changed = Signal()
    having_changed = Signal(str, str)

    def __init__(self, proxy: DocumentFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.text = QLineEdit()
        self.text.setPlaceholderText("filter by title or source (Ctrl+L)")
        self.text.setClearButtonEnabled(True)
        self.status = QComboBox()
        for choice in CHOICES:
            self.status.addItem(STATUS_TEXT.get(choice, choice), choice)
        self.label = QComboBox()
        self.analyst = QComboBox()
        self.set_choices([], [])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(self.status)
        bottom.addWidget(self.label, 1)
        bottom.addWidget(self.analyst, 1)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.text.textChanged.connect(self._text)
        self.status.currentIndexChanged.connect(self._status)
        self.label.currentIndexChanged.connect(self._having)
        self.analyst.currentIndexChanged.connect(self._having)

    def set_choices(self, labels: list[str], analysts: list[str]) -> None:
        """The labels and analysts to offer (the current choice is kept when it is still there)."""
        for combo, anything, values in ((self.label, "any label", labels), (self.analyst, "any analyst", analysts)):
            current = combo.currentData() or ""
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(anything, "")
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _having(self, _index: int) -> None:
        self.having_changed.emit(str(self.label.currentData() or ""), str(self.analyst.currentData() or ""))
        self.changed.emit()

    def _text(self, text: str) -> None:
        self.proxy.set_text(text)
        self.changed.emit()

    def _status(self, _index: int) -> None:
        self.proxy.set_status(str(self.status.currentData()))
        self.changed.emit()


def progress_text(counts: dict[str, int]) -> str:
    """``3 / 7 done · 2 in progress · 2 new`` (only the statuses present)."""
    total = sum(counts.values())
    parts = [f"{counts.get('done', 0)} / {total} done"]
    parts += [f"{counts[s]} {STATUS_TEXT.get(s, s).replace('✓ ', '')}" for s in STATUSES if s != "done" and counts.get(s)]
    return " · ".join(parts)
