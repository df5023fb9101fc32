"""The document list: a table model over ``store.summaries()`` that refreshes only the rows a Change names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.domain import Change, ChangeKind
from annotator.gui import frame
from annotator.gui.panels.base import Index, RowsModel
from annotator.gui.plain import tooltip
from annotator.store import DocumentSummary, Store

COLUMNS = ("Title", "Status", "Spans", "Quotes", "Dup", "Agree")
STATUS_TEXT = {"new": "new", "in_progress": "in progress", "done": "✓ done", "skipped": "skipped", "flagged": "⚑ flagged"}
STATUS_COLOR = {"done": "#2a7d46", "skipped": "#8a8a8a", "in_progress": "#b26a00", "flagged": "#b00020"}
STATUS_ORDER = {"new": 0, "in_progress": 1, "flagged": 2, "skipped": 3, "done": 4}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_KINDS = frozenset({ChangeKind.STATUS, ChangeKind.SPANS, ChangeKind.QUOTES})


def sort_key(column: int):
    """How a column sorts: titles without case, statuses in queue order, counts as numbers."""
    return (lambda r: r.title.casefold(), lambda r: STATUS_ORDER.get(r.status, 9), lambda r: r.spans,
            lambda r: r.quotes, lambda r: (r.cluster is None, r.cluster or 0),
            lambda r: (r.disagreement is None, -(r.disagreement or 0.0)))[column]  # most disagreement first


def agree_text(disagreement: float | None) -> str:
    """The Agree column: how far a document's analysts agree, in percent ("" for one analyst)."""
    return "" if disagreement is None else f"{round(100 * (1 - disagreement))}%"


FIRST_PART, PART = frame.FIRST_PART, 5_000  # rows read before the first paint, and per turn of the event loop after it
AFTER_PAINT_MS = 30  # the rest starts once the window has painted
LATEST_START_MS = 1_000  # … or this long after opening, if the list was never painted


class DocumentListModel(RowsModel):
    """One row per document: title, status, span and quote counts."""

    columns = COLUMNS
    all_loaded = Signal()

    def __init__(self, store: Store, parent: Any = None, wait_for_paint: bool = False) -> None:
        super().__init__(parent)
        self.store = store
        self.waiting_for_paint = wait_for_paint  # the window calls begin_parts() once the list has painted
        self.rows: list[DocumentSummary] = []
        self.haystacks: list[str] = []  # per row, what the text filter searches: title and source, casefolded
        self._rows_by_id: dict[int, int] = {}  # id -> row: O(1) at 100,000 documents
        self._generation = 0  # a reload makes the parts still to come of an earlier one stale
        self._start()

    def _start(self) -> None:
        """The first part of the list now, the rest in parts from the event loop, so the window paints at once
        and never stalls however many documents (``loaded`` is True once all are in)."""
        self._generation += 1
        self.rows = self.store.summaries(limit=FIRST_PART)
        self.haystacks = [f"{r.title} {r.source}".casefold() for r in self.rows]
        self._rows_by_id = {r.id: n for n, r in enumerate(self.rows)}
        self.loaded = len(self.rows) < FIRST_PART
        if self.loaded:
            return
        if self.waiting_for_paint:  # and at the latest after a while, painted or not (a window opened hidden)
            QTimer.singleShot(LATEST_START_MS, self, self.begin_parts)  # dropped if the model goes first
        else:
            QTimer.singleShot(AFTER_PAINT_MS, self, lambda g=self._generation: self._more(g))

    def begin_parts(self) -> None:
        """Read the rest of the list in parts from now on (the window calls it after the first paint)."""
        if not self.waiting_for_paint:
            return
        self.waiting_for_paint = False
        if not self.loaded:
            QTimer.singleShot(AFTER_PAINT_MS, self, lambda g=self._generation: self._more(g))

    def _more(self, generation: int) -> None:
        if generation != self._generation or not self.rows:
            return
        part = self.store.summaries(after=self.rows[-1].id, limit=PART)
        if part:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(part) - 1)
            self.rows.extend(part)
            self.haystacks.extend(f"{r.title} {r.source}".casefold() for r in part)
            self._rows_by_id.update((r.id, first + n) for n, r in enumerate(part))
            self.endInsertRows()
        if len(part) < PART:
            self.loaded = True
            self.all_loaded.emit()
        else:
            QTimer.singleShot(0, self, lambda: self._more(generation))

    def load_all(self) -> None:
        """Read the rest of the list now (tests, and a caller that needs every row)."""
        while not self.loaded:
            self._more(self._generation)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.value(index.row(), index.column(), role)

    def value(self, row_number: int, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What ``data`` gives for a row and column (the filter model reads it without making an index)."""
        if not 0 <= row_number < len(self.rows):
            return None
        row = self.rows[row_number]
        if role == Qt.ItemDataRole.DisplayRole:
            dup = "" if row.cluster is None else f"#{row.cluster}"
            return (row.title, STATUS_TEXT.get(row.status, row.status), row.spans, row.quotes, dup,
                    agree_text(row.disagreement))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            dup = "" if row.cluster is None else f"\nnear-duplicate cluster #{row.cluster} (sort by Dup to see its copies)"
            agree = ("" if row.disagreement is None else
                     f"\nanalysts agree on {agree_text(row.disagreement)} of it (Ctrl+J adjudicates)")
            return tooltip(f"{row.title}\n{row.source}\n{row.words} words · {row.spans} spans · {row.quotes} quotes"
                           f"{dup}{agree}")
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and row.status in STATUS_COLOR:
            return QColor(STATUS_COLOR[row.status])
        if role == Qt.ItemDataRole.ForegroundRole and col == 5 and row.disagreement:
            return QColor("#b00020")
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == SORT_ROLE:
            return sort_key(col)(row)
        return None

    def row_of(self, doc_id: int) -> int:
        return self._rows_by_id.get(doc_id, -1)

    def doc_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def reload(self) -> None:
        self.beginResetModel()
        self._start()
        self.endResetModel()

    def refresh(self, change: Change) -> None:
        """Update the rows of the documents ``change`` names; reset only when documents came or went."""
        if ChangeKind.DOCUMENTS in change.kinds or not all(d in self._rows_by_id for d in change.doc_ids):
            self.reload()
            return
        if not change.kinds & ROW_KINDS:
            return
        fresh = {s.id: s for s in self.store.summaries(change.doc_ids)}  # only the rows named
        for doc_id in change.doc_ids:
            row = self.row_of(doc_id)
            if row < 0:
                continue
            if doc_id not in fresh:  # deleted elsewhere
                self.reload()
                return
            self.rows[row] = fresh[doc_id]
            self.haystacks[row] = f"{fresh[doc_id].title} {fresh[doc_id].source}".casefold()
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))


class DocumentList(QTableView):
    """The list of documents on the left: a table with fixed row heights and column widths, so 100,000 rows
    cost what the rows on screen cost (a tree view lays out every row, asking the model of each).

    ``painted`` is emitted at its first paint (through ``viewportEvent``: asking for ``viewport()`` at launch,
    to filter its events, makes PySide6 load every widget class it has not loaded yet, about 20 ms)."""

    painted = Signal()

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self.setModel(model)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # import order until clicked
        self.setSortingEnabled(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()  # fixed widths: ResizeToContents reads every row of a big list, often
        widths = {1: metrics.horizontalAdvance("in progress") + 12, 2: metrics.horizontalAdvance("Spans") + 18,
                  3: metrics.horizontalAdvance("Quotes") + 18, 4: metrics.horizontalAdvance("#0000") + 12,
                  5: metrics.horizontalAdvance("Agree") + 14}  # fmt: skip
        for col, width in widths.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.painted.emit()
        return super().viewportEvent(event)

    def header(self) -> QHeaderView:
        """The column header (the name a tree view gives it)."""
        return self.horizontalHeader()
