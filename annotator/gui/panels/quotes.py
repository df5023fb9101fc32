"""The quotes of the open document, speaker → quote; click or Enter jumps to one, Delete deletes it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from annotator.domain import Quote
from annotator.gui.editing import mention_text, person_names, shorten
from annotator.gui.panels.base import Index, RowsModel
from annotator.gui.plain import tooltip

COLUMNS = ("Speaker", "Quote")
UNSURE = 0.5


class QuoteListModel(RowsModel):
    """Rows of (speaker, quote text) for one document, in text order."""

    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.rows: list[Quote] = []
        self.persons: dict = {}

    def set_quotes(self, text: str, quotes: list[Quote]) -> None:
        self.beginResetModel()
        self.text = text
        self.rows = sorted(quotes, key=lambda q: (q.start, q.end))
        self.persons = person_names(text, [q.speaker for q in self.rows if q.speaker is not None])
        self.endResetModel()

    def speaker_name(self, quote: Quote) -> str:
        """The person's fullest name in the document ("Lukashenko" is shown as "Alexander Lukashenko")."""
        if quote.speaker is None:
            return ""
        return self.persons.get(quote.speaker) or mention_text(self.text, quote.speaker)

    def quote(self, row: int) -> Quote | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        quote = self.quote(index.row()) if index.isValid() else None
        if quote is None:
            return None
        speaker = self.speaker_name(quote)
        if role == Qt.ItemDataRole.DisplayRole:
            who = speaker or ("—" if quote.kind == "quote" else f"({quote.kind})")  # a term or title: nobody's words
            if quote.state == "suggested" and quote.confidence < UNSURE and index.column() == 0:
                who = "? " + who  # the finder is unsure: look twice
            return who if index.column() == 0 else "“" + shorten(quote.text_in(self.text), 80) + "”"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f"{speaker or 'no speaker'}: “{quote.text_in(self.text)}”\n{quote.origin}, {quote.confidence:.2f}")
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and not speaker:
            return QColor("#9a9a9a")
        if role == Qt.ItemDataRole.UserRole:
            return quote.id
        return None


class QuoteList(QTreeView):
    """Emits ``chosen(Quote)`` on click or Enter and ``delete_requested(Quote)`` on Delete."""

    chosen = Signal(object)
    delete_requested = Signal(object)

    def __init__(self, model: QuoteListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # a fixed first column: ResizeToContents would read every row of a long article's quotes on each change
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.header().resizeSection(0, self.fontMetrics().horizontalAdvance("Alexander Lukashenko") + 16)
        self.header().setStretchLastSection(True)
        self.clicked.connect(self._choose)
        self.activated.connect(self._choose)

    def _choose(self, index: QModelIndex) -> None:
        quote = self.model().quote(index.row())
        if quote is not None:
            self.chosen.emit(quote)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        quote = self.model().quote(self.currentIndex().row())
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and quote is not None:
            self.delete_requested.emit(quote)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and quote is not None:
            self.chosen.emit(quote)
            event.accept()
            return
        super().keyPressEvent(event)
