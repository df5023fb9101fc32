"""The legend: each codebook label with its key and colour swatch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from annotator.codebook import Codebook

COLUMNS = ("Key", "Label")
_Index = QModelIndex | QPersistentModelIndex


class LegendModel(QAbstractTableModel):
    """Rows of (key, label), the label cell painted in its colour."""

    def __init__(self, codebook: Codebook, parent: Any = None) -> None:
        super().__init__(parent)
        self.entities = list(codebook.entities)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.entities)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entities):
            return None
        entity, col = self.entities[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return entity.key if col == 0 else entity.label
        if role == Qt.ItemDataRole.BackgroundRole and col == 1:
            return QColor(entity.color)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QColor("#111111")
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(entity.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entity.description or entity.label
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
