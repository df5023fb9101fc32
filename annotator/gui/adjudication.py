"""Adjudication: the lead sees each analyst's version of every place side by side, disagreements marked, and
takes one (Alt+1 … Alt+9), all (Alt+M) or every agreed one (Alt+G) into the gold layer, or writes a new one
with the usual keys; the article shows the gold layer while adjudicating. Every take is one undoable action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QMainWindow, QTreeView, QVBoxLayout, QWidget

from annotator.codebook import Codebook
from annotator.commands import TakeVersions
from annotator.domain import Claim, Quote, Span
from annotator.gui.editing import mention_text, shorten
from annotator.gui.panels.base import Index, RowsModel
from annotator.gui.plain import label, tooltip
from annotator.store import GOLD, WORK

if TYPE_CHECKING:
    from annotator.curation.agreement import Unit
# annotator.team and the agreement measures are imported when adjudication starts, not with the window

DISAGREE = QColor("#b00020")
KEYS_HELP = ("Alt+N / Alt+P next / previous disagreement · Alt+1…9 take that analyst's version · Alt+M take "
             "every version · Alt+G take all agreed · the usual keys edit gold · Ctrl+J ends")


def describe(item: Span | Quote | Claim | None, text: str, codebook: Codebook) -> str:
    """One analyst's version in a cell: a span's label, a quote's speaker, a claim's type, stance and object."""
    if item is None:
        return "—"
    if isinstance(item, Span):
        return f"{item.label} “{shorten(item.text_in(text), 30)}”"
    if isinstance(item, Quote):
        return f"speaker: {shorten(mention_text(text, item.speaker), 30) or '(none)'}"
    kind = codebook.type_name(item.claim_type)
    obj = shorten(mention_text(text, item.target), 24)
    return f"{kind}, {item.stance or 'no stance'}" + (f" → {obj}" if obj else "")


class UnitsModel(RowsModel):
    """One row per unit: where it is, each analyst's version, and whether gold holds one."""

    def __init__(self, codebook: Codebook, parent: Any = None) -> None:
        super().__init__(parent)
        self.codebook = codebook
        self.text = ""
        self.analysts: list[str] = []
        self.rows: list[Unit] = []
        self.gold: set[tuple] = set()
        self.columns = ("Where",)

    def set_units(self, text: str, analysts: list[str], units: list[Unit], gold: list) -> None:
        self.beginResetModel()
        self.text, self.analysts, self.rows = text, analysts, units
        from annotator.team import version_key

        self.columns = ("Where", *(f"{n + 1} {name}" for n, name in enumerate(analysts)), "Gold")
        self.gold = {version_key(g, text) for g in gold}
        self.endResetModel()

    def settled(self, unit: Unit) -> bool:
        """Gold holds one of the unit's versions."""
        from annotator.team import version_key

        return any(v is not None and version_key(v, self.text) in self.gold for v in unit.versions.values())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        unit = self.row_item(index)
        if unit is None:
            return None
        col, last = index.column(), len(self.columns) - 1
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                where = f"{'' if unit.agreed else '≠ '}{unit.kind} “{shorten(self.text[unit.start:unit.end], 40)}”"
                shown = where
            elif col == last:
                shown = "✓" if self.settled(unit) else ""
            else:
                shown = describe(unit.versions.get(self.analysts[col - 1]), self.text, self.codebook)
            return tooltip(shown) if role == Qt.ItemDataRole.ToolTipRole else shown
        if role == Qt.ItemDataRole.ForegroundRole and col < last and not unit.agreed:
            return DISAGREE
        return None


class AdjudicationPanel(QWidget):
    """The units of the open document; ``chosen(start, end)`` when one is selected."""

    chosen = Signal(int, int)

    def __init__(self, codebook: Codebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = UnitsModel(codebook, self)
        self.list = QTreeView()
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setModel(self.model)
        self.summary = label()
        self.summary.setWordWrap(True)
        help_line = label(KEYS_HELP)
        help_line.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(help_line)
        self.list.selectionModel().currentRowChanged.connect(self._current)

    def show_units(self, text: str, analysts: list[str], units: list[Unit], gold: list) -> None:
        row = self.current_row()
        self.model.set_units(text, analysts, units, gold)
        for col in range(self.model.columnCount()):
            self.list.resizeColumnToContents(col)
        differ = sum(not u.agreed for u in units)
        settled = sum(self.model.settled(u) for u in units)
        if len(analysts) < 2:
            self.summary.setText(f"one analyst ({', '.join(analysts) or 'none'}) coded this document: nothing to "
                                 "compare; gold can still be written with the usual keys")
        else:
            self.summary.setText(f"{len(units)} places, {differ} where the {len(analysts)} analysts differ; "
                                 f"{settled} settled in gold")
        if units:
            self.select(min(max(row, 0), len(units) - 1), emit=False)

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def current(self) -> Unit | None:
        return self.model.row_item(self.list.currentIndex())

    def select(self, row: int, emit: bool = True) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        if not emit:
            self.list.selectionModel().blockSignals(True)
        self.list.setCurrentIndex(self.model.index(row, 0))
        self.list.selectionModel().blockSignals(False)

    def step(self, delta: int) -> bool:
        """Select the next (or previous) unit that differs or is not yet in gold; False when there is none."""
        rows = self.model.rows
        n = len(rows)
        here = self.current_row()
        for k in range(1, n + 1):
            row = (here + delta * k) % n if here >= 0 else (k - 1 if delta > 0 else n - k)
            unit = rows[row]
            if not unit.agreed or not self.model.settled(unit):
                self.select(row)
                return True
        return False

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        unit = self.model.row_item(current)
        if unit is not None:
            self.chosen.emit(unit.start, unit.end)


class Adjudicator(QObject):
    """The window's adjudication mode (Ctrl+J): the gold layer in the article, the units in a dock, the keys."""

    def __init__(self, window: QMainWindow, codebook: Codebook) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self.panel = AdjudicationPanel(codebook)
        self.dock = QDockWidget("Adjudication (Ctrl+J)", window)
        self.dock.setObjectName("adjudication")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.panel.chosen.connect(lambda start, end: window.view.select_cp(start, end))

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def toggle(self) -> None:
        w = self.window
        self.active = not self.active
        w.store.layer = GOLD if self.active else WORK
        self.dock.setVisible(self.active)
        if w.current_id is not None:
            w.open_document(w.current_id)  # the article now shows the layer chosen
        self.say("adjudicating: the article shows the gold layer; " + KEYS_HELP if self.active
                 else "adjudication ended: the article shows the analysts' annotations")

    def refresh(self) -> None:
        """Re-read the units of the open document (after it opens, and after each change to it)."""
        w = self.window
        if not self.active or w.current_id is None:
            return
        from annotator import team
        from annotator.curation import agreement

        by_analyst = team.codings(w.store, w.current_id)
        text = w.view.text
        units = agreement.units(by_analyst, text)
        gold = [*w.view.spans, *w.view.quotes, *w.view.claims]
        self.panel.show_units(text, sorted(by_analyst), units, gold)

    def step(self, delta: int) -> None:
        if self.active and not self.panel.step(delta):
            self.say("every place agrees and is settled in gold")

    def take(self, analyst_number: int) -> None:
        """Alt+k: analyst k's version of the current unit into gold."""
        unit = self._unit()
        if unit is None:
            return
        analysts = self.panel.model.analysts
        if not 0 < analyst_number <= len(analysts):
            self.say(f"there is no analyst {analyst_number} here ({len(analysts)} coded this document)")
            return
        name = analysts[analyst_number - 1]
        version = unit.versions.get(name)
        if version is None:
            self.say(f"{name} marked nothing here: nothing to take (Alt+N goes on)")
            return
        others = [v for v in unit.versions.values() if v is not None and v is not version]
        self._run([version], f"took {name}'s version into gold", instead=others)

    def take_all(self) -> None:
        """Alt+M: every analyst's (distinct) version of the current unit."""
        unit = self._unit()
        if unit is not None:
            self._run([v for v in unit.versions.values() if v is not None], "took every version into gold")

    def take_agreed(self) -> None:
        """Alt+G: the versions of every unit all analysts agree on, in one action."""
        if not self.active:
            return
        agreed = [next(v for v in u.versions.values() if v is not None) for u in self.panel.model.rows
                  if u.agreed and not self.panel.model.settled(u) and any(v is not None for v in u.versions.values())]
        if not agreed:
            self.say("no agreed place is left to take")
            return
        self._run(agreed, f"took {len(agreed)} agreed version(s) into gold")

    def _unit(self) -> Unit | None:
        if not self.active:
            return None
        unit = self.panel.current()
        if unit is None:
            self.say("no place chosen: Alt+N goes to the next disagreement")
        return unit

    def _run(self, versions: list, said: str, instead: list | None = None) -> None:
        w = self.window
        if w.current_id is None:
            return
        made = w.session.apply(TakeVersions(w.current_id, versions, instead or []))
        if made is not None:
            changed = w.session.project.last_change  # gold's copies of the other versions may have gone
            self.say(said if made[0] or changed.span_ids or changed.quote_ids or changed.claim_ids
                     else "gold holds that version already")
