"""The quotes of the open document, speaker → quote, grouped by person: each person is named once, under their
fullest name, above all their quotes (in text order); click or Enter jumps to one, Delete deletes it."""

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
        self.first: dict[int, int] = {}  # id of the first quote of each person's group -> its size
        self.mentions: dict[str, list[str]] = {}  # person -> how the text names them

    def set_quotes(self, text: str, quotes: list[Quote]) -> None:
        self.beginResetModel()
        self.text = text
        ordered = sorted(quotes, key=lambda q: (q.start, q.end))
        self.persons = person_names(text, [q.speaker for q in ordered if q.speaker is not None])
        groups: dict[str, list[Quote]] = {}
        for q in ordered:  # people in the order they first speak; unattributed words last
            groups.setdefault(self.speaker_name(q) or f"\x00{q.kind}", []).append(q)
        self.rows = [q for name in sorted(groups, key=lambda n: n.startswith("\x00")) for q in groups[name]]
        self.first = {}
        self.mentions = {}
        for name, members in groups.items():
            self.first[id(members[0])] = len(members)
            mentions = sorted({" ".join(mention_text(text, q.speaker).split()) for q in members if q.speaker})
            self.mentions[name] = mentions
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
        size = self.first.get(id(quote))
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 1:
                return "“" + shorten(quote.text_in(self.text), 80) + "”"
            who = speaker or ("—" if quote.kind == "quote" else f"({quote.kind})")  # a term or title: nobody's words
            if size is None:
                who = ""  # the person is named once, on the first of their quotes
            elif size > 1:
                who += f" ({size})"
            if quote.state == "suggested" and quote.confidence < UNSURE:
                who = ("? " + who).rstrip()  # the finder is unsure: look twice
            return who
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{speaker or 'no speaker'}: “{quote.text_in(self.text)}”\n{quote.origin}, {quote.confidence:.2f}"
            named = self.mentions.get(speaker, [])
            if speaker and size and size > 1:
                tip += f"\n{speaker}: {size} quotes; named in the text as {', '.join(named)}"
            return tooltip(tip)
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
