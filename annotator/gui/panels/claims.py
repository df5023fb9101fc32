"""The claims of the open document: type, stance, claimant, object, state; filtered by type and stance.

Selecting a row selects the claim (highlighted in the article, the target of the claim keys); keys typed in
the list go to the article, so 1 … 7, - 0 +, Shift+O and the rest work from here too. A claim the filters hide
is not selected: the window unselects it when a filter (or an edit) hides it, and the keys act on nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QTreeView, QVBoxLayout, QWidget

from annotator.codebook import Codebook
from annotator.domain import Claim
from annotator.gui.claim_keys import describe_claim, stance_text
from annotator.gui.editing import mention_text, shorten
from annotator.gui.panels.base import Index, RowsModel
from annotator.gui.plain import tooltip

COLUMNS = ("Type", "Stance", "Claimant", "Object", "State")
ALL = "__all__"


class ClaimListModel(RowsModel):
    """One row per claim of the document, in text order; unknown types and stances are shown, marked."""

    columns = COLUMNS

    def __init__(self, codebook: Codebook, parent: Any = None) -> None:
        super().__init__(parent)
        self.codebook = codebook
        self.text = ""
        self.rows: list[Claim] = []

    def set_claims(self, text: str, claims: list[Claim]) -> None:
        self.beginResetModel()
        self.text = text
        self.rows = sorted(claims, key=lambda c: (c.start, c.end, c.id or 0))
        self.endResetModel()

    def claim(self, row: int) -> Claim | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, claim_id: int | None) -> int:
        return next((n for n, c in enumerate(self.rows) if c.id == claim_id), -1)

    def _cell(self, claim: Claim, column: int) -> str:
        if column == 0:
            choice = self.codebook.claim_type(claim.claim_type)
            return f"{choice.key} {choice.name}" if choice else self.codebook.type_name(claim.claim_type)
        if column == 1:
            return stance_text(self.codebook, claim)
        if column == 2:
            if claim.outlet and claim.claimant is None:
                return "(the outlet)"
            return shorten(mention_text(self.text, claim.claimant), 40) or "—"
        if column == 3:
            name = shorten(mention_text(self.text, claim.target), 40) or "—"
            return name + (" (whole article)" if claim.scope == "document" else "")
        return claim.state + ("" if claim.origin == "human" else f" ({claim.confidence:.2f})")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        claim = self.claim(index.row()) if index.isValid() else None
        if claim is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(claim, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            evidence = "\n".join(f"“{shorten(m.text_in(self.text), 300)}”" for m in claim.evidence)
            note = f"\nnote: {claim.note}" if claim.note else ""
            return tooltip(f"{describe_claim(self.text, self.codebook, claim)}\n{evidence}{note}")
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 0 and self.codebook.claim_type(claim.claim_type) is None:
                return QColor("#b00020")  # a type the codebook no longer has: shown, never dropped
            if column == 1 and claim.stance and self.codebook.stance(claim.stance) is None:
                return QColor("#b00020")
            if column == 1 and self.codebook.stance(claim.stance) is not None:
                return QColor(self.codebook.stance(claim.stance).color).darker(130)  # type: ignore[union-attr]
            if claim.state == "suggested":
                return QColor("#6a6a6a")
        if role == Qt.ItemDataRole.UserRole:
            return claim.id
        return None


class ClaimFilter(QSortFilterProxyModel):
    """Keeps the claims of one type and / or one stance (ALL: any)."""

    def __init__(self, model: ClaimListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.claim_type, self.stance = ALL, ALL

    def set_filter(self, claim_type: str, stance: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.claim_type, self.stance = claim_type, stance
            self.endFilterChange()
        else:
            self.claim_type, self.stance = claim_type, stance
            self.invalidateFilter()

    def accepts(self, claim: Claim) -> bool:
        """Whether the filters show ``claim`` (the article selects only the claims they show)."""
        if self.claim_type != ALL and claim.claim_type != self.claim_type:
            return False
        return self.stance == ALL or (claim.stance or "") == self.stance

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802 - Qt override
        claim = self.sourceModel().claim(row)  # type: ignore[attr-defined]
        return claim is not None and self.accepts(claim)


class ClaimsPanel(QWidget):
    """Filters above a list; emits ``chosen(claim_id)`` when a row is selected, ``key(QKeyEvent)`` for
    keys typed in the list (the window sends them to the article) and ``filtered()`` when a filter changed."""

    chosen = Signal(object)
    key = Signal(object)
    filtered = Signal()

    def __init__(self, codebook: Codebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimListModel(codebook, self)
        self.proxy = ClaimFilter(self.model, self)
        self.types, self.stances = QComboBox(), QComboBox()
        self.types.addItem("all types", ALL)
        for c in codebook.claim_types:
            self.types.addItem(f"{c.key} {c.name}", c.id)
        self.stances.addItem("all stances", ALL)
        for s in codebook.stances:
            self.stances.addItem(s.name, s.id)
        self.stances.addItem("no stance", "")
        for box in (self.types, self.stances):
            box.currentIndexChanged.connect(self._filter)
        self.list = QTreeView()
        self.list.setModel(self.proxy)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setStretchLastSection(True)
        self.list.selectionModel().currentRowChanged.connect(self._current)
        self.list.installEventFilter(self)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.types, 2)
        filters.addWidget(self.stances, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.list)
        self._quiet = False

    def set_claims(self, text: str, claims: list[Claim], current: int | None) -> None:
        self._quiet = True
        self.model.set_claims(text, claims)
        self._quiet = False
        self.show_current(current)

    def known_unknowns(self) -> dict[str, int]:
        return self.model.codebook.unknown_values(self.model.rows)

    def show_current(self, claim_id: int | None) -> None:
        """Select ``claim_id``'s row without emitting ``chosen`` (the view selected it)."""
        self._quiet = True
        row = self.model.row_of(claim_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        else:  # no current row either: a click on any row then selects its claim
            self.list.selectionModel().clear()
        self._quiet = False

    def _filter(self) -> None:
        """Filter the rows. When the selected row goes, Qt makes a neighbour current: that is not a choice of
        the analyst's, so it selects nothing (the window unselects the hidden claim on ``filtered``)."""
        self._quiet = True
        try:
            self.proxy.set_filter(self.types.currentData(), self.stances.currentData())
        finally:
            self._quiet = False
        self.filtered.emit()

    def _current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not index.isValid():
            return
        claim = self.model.claim(self.proxy.mapToSource(index).row())
        if claim is not None:
            self.chosen.emit(claim.id)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.list and event.type() == event.Type.KeyPress:
            e: QKeyEvent = event
            if e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.key.emit("X")  # Delete in the list deletes the selected claim
                return True
            text = e.text()
            if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.key.emit("focus")
                return True
            plain = not e.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
            if plain and len(text) == 1 and text.isprintable() and not text.isspace():
                self.key.emit(text)
                return True
        return super().eventFilter(watched, event)
