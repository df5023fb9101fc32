"""``annotator gui``: the window is mapped with what its first paint needs, and the rest is built in it after.

The launch window checks the database (the store's page check, a damaged file is refused before anything is
shown) and the codebook, then shows the document list's titles and the article's text as plain text, with the
menu bar, sizes, fonts and splitter proportions of the full window. One turn of the event loop after that first
paint it imports the full window (``annotator.gui.app``: the highlights, panels, menus, keys and their Qt types,
most of the launch's cost) and builds it in the same top-level window, in place of the preview. The preview is
read-only and lasts about a tenth of a second; the window's title, geometry and closing are the full window's.

Nothing here names the ``Qt`` namespace or imports the full window's modules before the first paint: naming
``Qt`` alone makes PySide6 create about a hundred enum types.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QMenuBar,
    QPlainTextEdit,
    QSplitter,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from annotator.codebook import Codebook, CodebookError, load_codebook
from annotator.gui import frame
from annotator.gui import theme as themes
from annotator.store import Store, StoreError

ANALYST_KEY = "analyst"
THEME_KEY = "theme"
FALLBACK_MS = 3000  # after showing: build the full window even if the preview is never painted (a hidden desktop)


def saved_analyst() -> str:
    """The analyst name kept in the settings ("" if none was set)."""
    value = QSettings("annotator", "annotator").value(ANALYST_KEY, "")
    return str(value or "")


def _message(parent: QWidget | None, text: str, question: bool = False) -> bool:
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.plain import message_box

    icon = QMessageBox.Icon.Question if question else QMessageBox.Icon.Critical
    box = message_box(parent, icon, "annotator", text)
    if not question:
        box.exec()
        return False
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def confirm_new_database(db_path: str) -> bool:
    """Ask before the window creates a database file that does not exist yet (a typo in --db, say)."""
    return _message(None, f"There is no database at {db_path}.\n\nCreate a new, empty one there?", question=True)


class _TextPreview(QPlainTextEdit):
    """The article's text, plain, as the full window will show it; says when it was first painted. Keys pressed
    on it before the full window exists are kept (``pending``) for the full window's article, in order."""

    painted = Signal()

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        font = QFont(self.font())
        font.setPointSizeF(frame.ARTICLE_POINT_SIZE)
        self.setFont(font)
        self.document().setDocumentMargin(frame.ARTICLE_MARGIN)
        self.setPlainText(text)
        self._told = False
        self.pending: list[tuple[int, object, str]] = []  # (key, modifiers, text) of each press, in order

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.pending.append((event.key(), event.modifiers(), event.text()))
        event.accept()  # not acted on here: the full window's article acts on it once built

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._told:
            self._told = True
            self.painted.emit()


class LaunchWindow(QWidget):
    """The top-level window of ``annotator gui``: a preview first, then the full window (``main``) inside it.

    ``first_painted`` is emitted when the preview's text has been painted, ``completed`` when the full window
    is built and shown in its place (``failed`` is set if building it met a damaged page: the message is shown
    and the window closes)."""

    first_painted = Signal()
    completed = Signal()

    def __init__(self, store: Store, codebook: Codebook, model: str | None, theme_mode: str = "system") -> None:
        super().__init__()
        self.store, self.codebook, self.model, self.theme_mode = store, codebook, model, theme_mode
        self.main = None  # the full window (annotator.gui.app.MainWindow), once built
        self.failed = False
        self.settings = QSettings("annotator", "annotator")
        font = QFont(self.font())
        font.setPointSize(frame.UI_POINT_SIZE)
        self.setFont(font)
        rows = store.summaries(limit=frame.FIRST_PART)
        start = self._start_document(rows)
        doc = None
        if start is not None:
            try:
                doc = store.document(start)
            except (KeyError, StoreError):  # the full window says why; the preview shows no text
                doc = None
        self.setWindowTitle(frame.window_title(store.path, doc.title if doc is not None else None))
        self.preview = QWidget()
        column = QVBoxLayout(self.preview)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        bar = QMenuBar()
        for title in frame.MENUS:
            bar.addMenu(title).setEnabled(False)
        column.addWidget(bar)
        self.titles = QListWidget()
        self.titles.addItems([row.title for row in rows])  # list items are plain text
        ids = [row.id for row in rows]
        if start in ids:
            self.titles.setCurrentRow(ids.index(start))
        self.text = _TextPreview(doc.text if doc is not None else "")
        self.text.painted.connect(self._painted)
        splitter = QSplitter()
        splitter.addWidget(self.titles)
        splitter.addWidget(self.text)
        splitter.addWidget(QWidget())  # where the legend, quotes, claims and note will be
        splitter.setSizes(self._panes())
        column.addWidget(splitter, 1)
        column.addWidget(QStatusBar())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.preview)
        self.resize(*frame.WINDOW_SIZE)
        geometry = self.settings.value(frame.GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.text.setFocus()
        self._fallback_set = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._fallback_set:
            self._fallback_set = True
            QTimer.singleShot(FALLBACK_MS, self, self._build)

    def _start_document(self, rows) -> int | None:
        """The document the full window will open: the one last opened on this database, else the first."""
        value = self.settings.value(frame.last_document_key(self.store.path))
        try:
            doc_id = int(value) if value is not None else None
        except (TypeError, ValueError):
            doc_id = None
        if doc_id is not None:
            try:
                self.store.status(doc_id)
                return doc_id
            except KeyError:
                pass
        return rows[0].id if rows else None

    def _panes(self) -> list[int]:
        """The widths the full window's panes took last time, so that the text wraps as it will there."""
        value = self.settings.value(frame.PANES_KEY)
        try:
            panes = [int(v) for v in value] if isinstance(value, list) else []
        except (TypeError, ValueError):
            panes = []
        return panes if len(panes) == len(frame.MAIN_SIZES) and all(p >= 0 for p in panes) else list(frame.MAIN_SIZES)

    def _painted(self) -> None:
        self.first_painted.emit()
        QTimer.singleShot(0, self, self._build)  # after this paint has reached the screen

    def _build(self) -> None:
        if self.main is not None or self.failed or not self.isVisible():
            return
        from PySide6.QtCore import Qt

        from annotator.gui.app import MainWindow

        if self.theme_mode == "system":
            themes.apply(QApplication.instance(), "system")  # the marks' colours for the desktop's scheme
        try:
            main = MainWindow(self.store, self.codebook, self.model)
        except self.store.database_errors as exc:  # a damaged page met while the full list was read
            self.failed = True
            _message(self, self.store.explain(exc))
            self.close()
            return
        main.setWindowFlags(Qt.WindowType.Widget)  # inside this window, which keeps its place on the screen
        self.layout().replaceWidget(self.preview, main)
        self.preview.hide()
        self.preview.deleteLater()
        self.setWindowTitle(main.windowTitle())
        main.windowTitleChanged.connect(self.setWindowTitle)
        self.main = main
        main.show()
        main.view.setFocus()
        pending, self.text.pending = self.text.pending, []
        if pending:
            _replay(main.view, pending)
        QTimer.singleShot(0, self, self._completed)

    def _completed(self) -> None:
        if self.main is None:
            return
        self.settings.setValue(frame.PANES_KEY, self.main.splitter.sizes())  # laid out by now
        self.completed.emit()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.main is not None and self.main.isVisible():
            self.main.close()  # its own closing: the note flushed, the window's state saved, the model stopped
        super().closeEvent(event)

    def shutdown(self) -> None:
        if self.main is not None:
            self.main.worker.shutdown()


def _replay(widget: QWidget, keys: list[tuple[int, object, str]]) -> None:
    """Press and release ``keys`` on ``widget`` as typed, shortcuts included (QTest delivers a key as the
    window system does: the shortcut map first, then the widget), so that nothing typed during the preview's
    tenth of a second is lost."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    alone = {int(k) for k in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Meta, Qt.Key.Key_Alt,
                              Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_unknown)}
    for key, modifiers, text in keys:
        if not key or int(key) in alone:
            continue  # a modifier pressed alone (QTest presses it with the key), or a key Qt does not name
        code = Qt.Key(key)
        QTest.sendKeyEvent(QTest.KeyAction.Press, widget, code, text, modifiers)
        QTest.sendKeyEvent(QTest.KeyAction.Release, widget, code, text, modifiers)


def open_launch_window(db_path: str, model: str | None = None, codebook_path: str | None = None,
                       analyst: str | None = None, theme: str | None = None) -> LaunchWindow | None:
    """The launch window on ``db_path``, shown; None (the reason shown in a message) if the codebook or the
    database is refused: a window never opens on a damaged database. A QApplication must exist."""
    app = QApplication.instance()
    chosen = theme or str(QSettings("annotator", "annotator").value(THEME_KEY) or "system")
    mode = chosen if chosen in themes.MODES else "system"
    if mode != "system":
        themes.apply(app, mode)  # a forced palette before the first paint ("system" is the desktop's own)
    try:
        codebook = load_codebook(codebook_path)
        if db_path != ":memory:" and not Path(db_path).expanduser().exists() and not confirm_new_database(db_path):
            return None
        store = Store(db_path, analyst=analyst or saved_analyst() or None, check_in_background=True)
    except (CodebookError, StoreError) as exc:
        _message(None, str(exc))
        return None
    try:
        window: LaunchWindow | None = LaunchWindow(store, codebook, model, mode)
        failure = None
    except store.database_errors as exc:  # a damaged page met while the first rows were read
        window, failure = None, store.explain(exc)
    problem = store.deferred_problem(wait=True) or (None if window is not None else failure)
    if problem is not None:
        if window is not None:
            window.deleteLater()
        store.close()
        _message(None, problem)
        return None
    assert window is not None
    window.show()
    window.activateWindow()  # keyboard shortcuts act in the active window; without a window manager none is made so
    return window


def run_gui(db_path: str, model: str | None = None, codebook_path: str | None = None, analyst: str | None = None,
            theme: str | None = None) -> int:
    """Open the window on ``db_path``; ``model`` None loads the default pipeline in the background.

    The analyst recorded on each edit: ``analyst``, else the name saved in the settings, else the OS user.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    window = open_launch_window(db_path, "" if model is None else model, codebook_path, analyst, theme)
    if window is None:
        return 1
    try:
        code = int(app.exec())
    finally:
        window.shutdown()
        window.store.close()
    return 1 if window.failed else code
