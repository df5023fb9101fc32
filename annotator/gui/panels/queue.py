"""The review queue above the document list: a filter field, a status choice, and the progress line.

``DocumentFilter`` is the model the list shows: the document list model's rows filtered by status, label,
analyst and free text in the title or source, sortable by any column. The window maps rows through it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from annotator.domain import STATUSES, UNFINISHED
from annotator.gui.panels.documents import COLUMNS, STATUS_TEXT, DocumentListModel, sort_key

ALL, OPEN, CLUSTERED, DISAGREED = "all", "unfinished", "clustered", "disagreed"
CHOICES = (ALL, OPEN, *STATUSES, CLUSTERED, DISAGREED)
AGREE_COLUMN = 5


class DocumentFilter(QAbstractTableModel):
    """Rows of the document list that match the status choice and every word of the filter text, in the order
    of the column clicked. The filtering and sorting are plain Python over the summaries (100,000 in tens of
    milliseconds), not a proxy asking the model row by row, and the view only reads the rows it shows."""

    def __init__(self, source: DocumentListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source
        self.status = ALL
        self.words: list[str] = []
        self.ids: set[int] | None = None  # documents whose text matched a search of all documents
        self.having: set[int] | None = None  # documents with the chosen label / analyst
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder
        self.shown: Sequence[int] = range(0)  # the source rows shown, in order
        self.position: dict[int, int] | None = None  # source row -> row here (None: the same row)
        source.modelReset.connect(lambda: self._refilter(reset=True))
        source.dataChanged.connect(self._source_changed)
        source.rowsInserted.connect(self._source_inserted)
        self._compute()

    def sourceModel(self) -> DocumentListModel:  # noqa: N802 - the name a proxy has
        return self.source

    # -- filtering and sorting -------------------------------------------------------------
    def accepts(self, summary: Any, haystack: str = "") -> bool:
        if self.ids is not None and summary.id not in self.ids:
            return False
        if self.having is not None and summary.id not in self.having:
            return False
        if self.status == OPEN and summary.status not in UNFINISHED:
            return False
        if self.status == CLUSTERED:
            if summary.cluster is None:
                return False
        elif self.status == DISAGREED:
            if not summary.disagreement:
                return False
        elif self.status not in (ALL, OPEN) and summary.status != self.status:
            return False
        if self.words:
            haystack = haystack or f"{summary.title} {summary.source}".casefold()
            return all(w in haystack for w in self.words)
        return True

    def _plain(self) -> bool:
        return self.status == ALL and not self.words and self.ids is None and self.having is None

    def _compute(self) -> None:
        rows, hay = self.source.rows, self.source.haystacks
        plain = self._plain()
        if plain and self.sort_column < 0:  # everything in import order: nothing to map
            self.shown, self.position = range(len(rows)), None
            return
        if plain:
            shown = list(range(len(rows)))
        else:  # each condition narrows in one quick pass over what the one before left
            candidates: Sequence[int] = range(len(rows))
            for word in self.words:
                candidates = [n for n in candidates if word in hay[n]]
            for ids in (self.ids, self.having):
                if ids is not None:
                    candidates = [n for n in candidates if rows[n].id in ids]
            if self.status == OPEN:
                candidates = [n for n in candidates if rows[n].status in UNFINISHED]
            elif self.status == CLUSTERED:
                candidates = [n for n in candidates if rows[n].cluster is not None]
            elif self.status == DISAGREED:
                candidates = [n for n in candidates if rows[n].disagreement]
            elif self.status != ALL:
                status = self.status
                candidates = [n for n in candidates if rows[n].status == status]
            shown = list(candidates)
        if self.sort_column >= 0:
            key = sort_key(self.sort_column)
            shown.sort(key=lambda n: key(rows[n]), reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
            self.position = {src: n for n, src in enumerate(shown)}
        else:
            self.position = {}  # rows in source order: found by bisection, no map to build
        self.shown = shown

    def _row(self, src: int) -> int:
        if self.position is None:
            return src if 0 <= src < len(self.shown) else -1
        if self.sort_column < 0:  # in source order
            n = bisect_left(self.shown, src)
            return n if n < len(self.shown) and self.shown[n] == src else -1
        return self.position.get(src, -1)

    def _refilter(self, reset: bool = True) -> None:
        self.beginResetModel()
        self._compute()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a column header: the same rows in that column's order, the selection kept."""
        self.layoutAboutToBeChanged.emit()
        before = [(i, self.shown[i.row()]) for i in self.persistentIndexList() if 0 <= i.row() < len(self.shown)]
        self.sort_column, self.sort_order = column, order
        self._compute()
        for index, src in before:
            row = self._row(src)
            self.changePersistentIndex(index, self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.layoutChanged.emit()

    def _source_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        """A part of a big list arrived: its matching rows go at the end (or in place, when sorted)."""
        if self.sort_column >= 0:
            self._refilter()
            return
        if self.position is None:
            self.beginInsertRows(QModelIndex(), len(self.shown), last)
            self.shown = range(last + 1)
            self.endInsertRows()
            return
        rows, hay = self.source.rows, self.source.haystacks
        new = [n for n in range(first, last + 1) if self.accepts(rows[n], hay[n])]
        if new:
            start = len(self.shown)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            self.shown = [*self.shown, *new]  # type: ignore[list-item]  # still in source order
            self.endInsertRows()

    def _source_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Any = ()) -> None:
        for src in range(top.row(), bottom.row() + 1):
            row = self._row(src)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_status(self, status: str) -> None:
        self.status = status
        if status == DISAGREED and self.sort_column < 0:  # the documents that disagree most come first
            self.sort_column, self.sort_order = AGREE_COLUMN, Qt.SortOrder.AscendingOrder
        self._refilter()

    def set_text(self, text: str) -> None:
        self.words = text.casefold().split()
        self._refilter()

    def set_ids(self, ids: set[int] | None) -> None:
        self.ids = ids
        self._refilter()

    def set_having(self, ids: set[int] | None) -> None:
        self.having = ids
        self._refilter()

    # -- the model -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.shown):
            return None
        return self.source.value(self.shown[index.row()], index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        return self.source.headerData(section, orientation, role)

    def doc_id(self, row: int) -> int | None:
        if not 0 <= row < len(self.shown):
            return None
        return self.source.doc_id(self.shown[row])

    def row_of(self, doc_id: int | None) -> int:
        if doc_id is None:
            return -1
        return self._row(self.source.row_of(doc_id))


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
            names = {CLUSTERED: "near-duplicates", DISAGREED: "analysts disagree"}
            self.status.addItem(names.get(choice, STATUS_TEXT.get(choice, choice)), choice)
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
