"""The legend: each codebook label with its key and colour swatch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from annotator.codebook import Codebook
from annotator.gui.panels.base import Index, RowsModel
from annotator.gui.plain import tooltip

COLUMNS = ("Key", "Label")


class LegendModel(RowsModel):
    """Rows of (key, label), the label cell painted in its colour."""

    columns = COLUMNS

    def __init__(self, codebook: Codebook, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows = list(codebook.entities)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entity, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return entity.key if col == 0 else entity.label
        if role == Qt.ItemDataRole.BackgroundRole and col == 1:
            return QColor(entity.color)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QColor("#111111")
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(entity.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(entity.description or entity.label)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class LegendView(QTreeView):
    """A compact, read-only table of the legend."""

    def __init__(self, model: LegendModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
