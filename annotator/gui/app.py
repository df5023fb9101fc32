"""The QApplication and the main window: document list, article view, legend, quotes, actions and shortcuts."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.codebook import Codebook
from annotator.commands import AcceptAll, ApplyProposals, DeleteQuotes, SetNote, SetStatus
from annotator.domain import Annotations, Change, ChangeKind, PipelineInfo, Quote
from annotator.gui import frame
from annotator.gui import theme as themes
from annotator.gui.adjudication import Adjudicator
from annotator.gui.claim_keys import CLAIM_KEYS
from annotator.gui.findbar import FindBar
from annotator.gui.jobs import CommandJob
from annotator.gui.keys import ARTICLE_KEYS
from annotator.gui.launch import ANALYST_KEY, THEME_KEY, confirm_new_database, run_gui, saved_analyst  # noqa: F401
from annotator.gui.panels.claims import ClaimsPanel
from annotator.gui.panels.codebook import CodebookView
from annotator.gui.panels.documents import DocumentList, DocumentListModel
from annotator.gui.panels.legend import LegendModel, LegendView
from annotator.gui.panels.note import NoteEdit
from annotator.gui.panels.queue import AGREE_COLUMN, DocumentFilter, QueueBar, progress_text
from annotator.gui.panels.quotes import QuoteList, QuoteListModel
from annotator.gui.plain import label, message_box, tooltip
from annotator.gui.session import Session
from annotator.gui.textview import ArticleView
from annotator.gui.workers import ModelWorker
from annotator.store import Store, StoreError
from annotator.store import team as team_store


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a burst of objects is made (and back as it was after): each of
    the collections it would start meanwhile walks every object made so far, for nothing to free."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


UI_POINT_SIZE = frame.UI_POINT_SIZE
ERROR_MARK = "⚠ "  # what opens a status-bar message that reports a failure
WATCH_MS = 1000
ACCEPT_ALL_CONFIDENCE = 0.8
UNSURE = 0.5  # quote suggestions below this confidence are marked "?" and can be hidden
RECENT_KEY, RECENT_MAX = "recent_databases", 8
HIDE_UNSURE_KEY = "quotes/hide_unsure"  # Ctrl+Shift+H, as the analyst left it
QUOTES_TITLE = "Quotes (speaker → quote)"
QUOTES_HIDING = f"{QUOTES_TITLE} · unsure hidden"
EMPTY_HINT = (
    "This database has no documents yet.\n\n"
    "Import articles from the command line (they appear here as they are imported):\n\n"
    "    annotator import FOLDER_OR_FILES --db {db}\n\n"
    ".txt files, folders of them, and .jsonl files with one {{\"text\": …, \"meta\": {{…}}}} per line."
)
MARKS = (
    "Quotes: shaded, in italics · speaker: bold, underlined · cue (said, told): dotted underline · "
    "where two spans overlap: a wavy line in the outer span's colour · grey: a label outside the codebook · "
    "selected claim: evidence shaded in its type's colour, claimant dark, object amber and bold, addressee dashed"
)
ARTICLE_MIN_WIDTH = 360  # pixels: below this a column of article text is unreadable
SIDE_MIN_WIDTH = 200
ERROR_STYLE = "color: #b00020;"


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 0)
    layout.setSpacing(2)
    heading = label(title)
    font = QFont(heading.font())
    font.setBold(True)
    heading.setFont(font)
    layout.addWidget(heading)
    layout.addWidget(widget)
    return box


def hints(codebook: Codebook, shown: int = 3) -> str:
    """The key reminder in the status bar."""
    labels = [f"{e.key} {e.label}" for e in codebook.entities[:shown]]
    more = " …" if len(codebook.entities) > shown else ""
    return " · ".join(labels) + more + " · q quote · s speaker · c claim · r resize · Del delete · Ctrl+Z undo · F1 keys"


class MainWindow(QMainWindow):
    """Documents on the left, the article in the centre, legend and quotes on the right.

    ``model_name``: a spaCy pipeline to load in the background ("" for the default); None loads nothing.
    """

    def __init__(self, store: Store, codebook: Codebook, model_name: str | None = None) -> None:
        super().__init__()
        self.store, self.codebook = store, codebook
        self.setWindowTitle(frame.window_title(store.path))
        self.settings = QSettings("annotator", "annotator")
        self.owns_store = False  # a window opened from File > Open closes its own store
        self.job: CommandJob | None = None  # a running import or export
        font = QFont(self.font())
        font.setPointSize(UI_POINT_SIZE)
        self.setFont(font)
        self.session = Session(store, self)
        self.current_id: int | None = None

        self.docs_model = DocumentListModel(store, self, wait_for_paint=True)
        self.docs_proxy = DocumentFilter(self.docs_model, self)
        self.doc_list = DocumentList(self.docs_proxy)
        self.queue_bar = QueueBar(self.docs_proxy)
        self.note = NoteEdit()
        self.view = ArticleView(self.session, codebook)
        self.find_bar = FindBar(self.view)
        self.legend = LegendView(LegendModel(codebook, self))
        self.quotes_model = QuoteListModel(self)
        self.quote_list = QuoteList(self.quotes_model)
        self.claims_panel = ClaimsPanel(codebook)
        self.codebook_view = CodebookView(codebook)
        self._layout()
        self.adjudicator = Adjudicator(self, codebook)
        self._status_bar()
        self._actions()
        self.doc_list.setColumnHidden(AGREE_COLUMN, not team_store.has_team(store))

        self.worker = ModelWorker(self)
        self.worker.loading.connect(lambda name: self._model_state(f"loading model {name} …"))
        self.worker.ready.connect(self._model_ready)
        self.worker.load_failed.connect(self._model_failed)
        self.worker.annotated.connect(self._annotated)
        self.worker.annotate_failed.connect(self._annotate_failed)

        self.session.changed.connect(self._on_change)
        self.session.history_changed.connect(self._update_history)
        self.session.error.connect(self.show_error)
        self.view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.doc_list.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.doc_list.activated.connect(lambda _index: self.view.setFocus())  # Enter or double-click: annotate
        self.quote_list.chosen.connect(self.go_to_quote)
        self.quote_list.delete_requested.connect(self._delete_quote)
        self.claims_panel.chosen.connect(self.go_to_claim)
        self.claims_panel.key.connect(self._claims_key)
        self.view.claim_shown = self.claims_panel.proxy.accepts  # the article selects only the claims listed
        self.claims_panel.filtered.connect(self.view.keys.claims.drop_hidden)
        self.view.claim_selected.connect(self.claims_panel.show_current)
        self.note.save.connect(lambda doc_id, text, more: self.session.run(SetNote(doc_id, text, more)))
        self.queue_bar.changed.connect(self._filtered)
        self.queue_bar.having_changed.connect(self._having)
        self.queue_bar.set_choices(self.codebook.labels, self.store.analysts())
        self.find_bar.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.find_bar.search_all.connect(self._search_all)
        self.doc_list.installEventFilter(self)
        self.doc_list.painted.connect(lambda: QTimer.singleShot(0, self.docs_model, self.docs_model.begin_parts))
        self.docs_proxy.rowsInserted.connect(self._rows_came)  # the parts of a big list after the first

        self.view.setPlaceholderText(EMPTY_HINT.format(db=store.path))
        start = self._last_document()
        if start is not None:
            self.open_document(start)
        else:
            self._update_title()
        self._damage_shown = False
        self._data_version = store.data_version()
        self.watch = QTimer(self)  # another window or an import may write to the same file
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self.check_outside_changes)
        self.watch.start()
        if model_name is None:
            self._model_state("no model (pre-annotation off)")
        else:
            self._model_state(f"loading model {model_name or 'default'} …")
            QTimer.singleShot(100, self, lambda: self.worker.load(model_name))  # after the window is painted
        self._update_actions()

    # -- building --------------------------------------------------------------------------
    def _layout(self) -> None:
        right = QSplitter(Qt.Orientation.Vertical)
        labels_box = _titled("Labels", self.legend)
        self.marks_label = label(MARKS)
        self.marks_label.setWordWrap(True)
        labels_box.layout().addWidget(self.marks_label)
        right.addWidget(labels_box)
        quotes_box = _titled(QUOTES_TITLE, self.quote_list)
        self.quotes_heading = quotes_box.layout().itemAt(0).widget()  # says when unsure suggestions are hidden
        self.quotes_heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens
        right.addWidget(quotes_box)
        right.addWidget(_titled("Claims (c codes one; F2 the codebook)", self.claims_panel))
        right.addWidget(_titled("Note", self.note))
        rows = self.legend.model().rowCount()
        legend_height = self.legend.header().sizeHint().height() + rows * max(18, self.legend.sizeHintForRow(0)) + 110
        rest = 640 - legend_height
        right.setSizes([legend_height, rest // 2, rest - rest // 2, 120])
        self.codebook_dock = QDockWidget("Codebook", self)
        self.codebook_dock.setObjectName("codebook")
        self.codebook_dock.setWidget(self.codebook_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.codebook_dock)
        self.codebook_dock.hide()
        main = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(_titled("Documents", self.doc_list), 1)
        column.addWidget(self.queue_bar)
        main.addWidget(left)
        middle = QWidget()
        stack = QVBoxLayout(middle)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        stack.addWidget(self.view, 1)
        stack.addWidget(self.find_bar)
        main.addWidget(middle)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setSizes(list(frame.MAIN_SIZES))
        for i in (0, 2):
            main.setCollapsible(i, True)
        main.setCollapsible(1, False)
        middle.setMinimumWidth(ARTICLE_MIN_WIDTH)
        self.splitter, self.side_splitter = main, right
        self.setCentralWidget(main)
        self.resize(*frame.WINDOW_SIZE)
        self._restore_window()
        self.view.setFocus()

    def _restore_window(self) -> None:
        """Geometry and splitter sizes as the analyst left them (QSettings)."""
        geometry = self.settings.value(frame.GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, splitter in ((frame.MAIN_SPLITTER_KEY, self.splitter), ("window/side", self.side_splitter)):
            state = self.settings.value(key)
            if state is not None:
                splitter.restoreState(state)

    def _save_window(self) -> None:
        self.settings.setValue(frame.GEOMETRY_KEY, self.window().saveGeometry())  # the launch window's, if inside it
        self.settings.setValue(frame.MAIN_SPLITTER_KEY, self.splitter.saveState())
        self.settings.setValue("window/side", self.side_splitter.saveState())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """In a small window the side panels give way so the article stays readable."""
        super().resizeEvent(event)
        if not hasattr(self, "splitter"):
            return
        width = self.splitter.width()
        sizes = self.splitter.sizes()
        if width < ARTICLE_MIN_WIDTH + 2 * SIDE_MIN_WIDTH and sizes[1] < ARTICLE_MIN_WIDTH + 40:
            keep_left = SIDE_MIN_WIDTH if width >= ARTICLE_MIN_WIDTH + SIDE_MIN_WIDTH else 0
            self.splitter.setSizes([keep_left, width - keep_left, 0])

    def _status_bar(self) -> None:
        self.hint_label = label(hints(self.codebook))
        self.model_label = label()
        self.analyst_label = label()
        self.progress_label = label()
        self.statusBar().addWidget(self.hint_label, 1)
        # a message takes the hint's place while it shows; the hint comes back after it
        self._error_shown = False
        self.statusBar().messageChanged.connect(self._message_changed)
        self.job_bar = QProgressBar()  # File > Import / Export: the command's long part, while it runs
        self.job_bar.setMaximumWidth(260)
        self.job_bar.hide()
        self.statusBar().addPermanentWidget(self.job_bar)
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.analyst_label)
        self.statusBar().addPermanentWidget(self.model_label)
        self._show_analyst()

    # -- databases ---------------------------------------------------------------------------
    def _recent(self) -> list[str]:
        value = self.settings.value(RECENT_KEY) or []
        return [str(v) for v in (value if isinstance(value, list) else [value])]

    def _remember_database(self) -> None:
        path = str(Path(self.store.path).expanduser().resolve()) if self.store.path != ":memory:" else None
        if path:
            recent = [path] + [p for p in self._recent() if p != path]
            self.settings.setValue(RECENT_KEY, recent[:RECENT_MAX])

    def _fill_recent(self) -> None:
        self._remember_database()
        self.recent_menu.clear()
        for path in self._recent():
            action = self.recent_menu.addAction(path.replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, p=path: self.open_database(p))
        self.recent_menu.setEnabled(bool(self._recent()))

    def run_command(self, args: list[str], what: str) -> CommandJob | None:
        """Run ``annotator ARGS`` on this database in a separate process; the status bar follows it."""
        if self.job is not None:
            self.show_error("another import or export is still running")
            return None
        job = CommandJob([*args, "--db", self.store.path], self)
        job.progress.connect(lambda line: self.statusBar().showMessage(f"{what}: {line}", 10000))
        job.fraction.connect(self._job_progress)
        job.done.connect(lambda ok, line: self._job_done(ok, line, what))
        self.job = job
        self.statusBar().showMessage(f"{what} …", 10000)
        job.start()
        return job

    def _job_progress(self, label: str, done: int, total: int) -> None:
        bar = self.job_bar
        bar.setRange(0, max(total, 1))
        bar.setValue(done)
        bar.setFormat(f"{label} %v / %m")
        bar.show()

    def _job_done(self, ok: bool, line: str, what: str) -> None:
        self.job = None
        self.job_bar.hide()
        self.check_outside_changes()
        if ok:
            self.statusBar().showMessage(f"{what} done: {line}", 15000)
        else:
            self.show_error(f"{what} failed: {line}")

    def choose_import(self) -> None:
        """File > Import files…: .txt and .jsonl files, pre-annotated by the command line's pipeline."""
        from PySide6.QtWidgets import QFileDialog  # here, not at the top: PySide6 makes a Qt class when first named

        paths, _ = QFileDialog.getOpenFileNames(self, "Import files", "", "articles (*.txt *.jsonl);;all files (*)")
        if paths:
            self.run_command(["import", *paths, "--analyst", self.store.analyst], "import")

    def choose_export(self) -> None:
        """File > Export…: the whole database as our JSONL (the command line has every format and filter)."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, "Export", "export.jsonl", "JSON Lines (*.jsonl)")
        if path:
            self.run_command(["export", "--format", "jsonl", "-o", path], "export")

    def choose_database(self) -> None:
        """File > Open database…: another database in a new window (this one closes)."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Open database", str(Path(self.store.path).parent),
                                              "annotator databases (*.db);;all files (*)")
        if path:
            self.open_database(path)

    def open_database(self, path: str) -> MainWindow | None:
        """Open ``path`` (it must exist) in a new window, which then owns its store; None with a message if not."""
        if not Path(path).exists():
            self.show_error(f"{path}: no database there any more")
            return None
        try:
            store = Store(path, analyst=self.store.analyst, check_in_background=True)
        except StoreError as exc:
            message_box(self, QMessageBox.Icon.Critical, "annotator", str(exc)).exec()
            return None
        window = open_window(store, self.codebook, self.worker.name if self.worker.is_ready else None)
        if window is None:
            store.close()
            return None
        window.owns_store = True
        window.show()
        window.activateWindow()  # its shortcuts act only in the active window (see launch.open_launch_window)
        self.close()
        return window

    def _show_analyst(self) -> None:
        self.analyst_label.setText(f"analyst: {self.store.analyst}")

    def set_analyst(self, name: str | None = None) -> None:
        """Edit > Analyst name…: who the journal and every new annotation name from now on (kept in settings)."""
        if name is None:
            from PySide6.QtWidgets import QInputDialog

            name, ok = QInputDialog.getText(self, "Analyst name", "Your name, recorded on each edit:", text=self.store.analyst)
            if not ok:
                return
        name = " ".join(name.split())
        if not name:
            self.show_error("the analyst name cannot be empty")
            return
        self.store.analyst = name
        QSettings("annotator", "annotator").setValue(ANALYST_KEY, name)
        self._show_analyst()

    def _action(self, menu, text: str, keys: list[str], slot) -> QAction:
        action = QAction(self)  # (the text as an argument makes PySide6 weigh the QIcon overload: 151 enum members)
        action.setText(text)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _actions(self) -> None:
        bar = self.menuBar()
        file_menu, edit, docs, help_menu = (bar.addMenu(t) for t in frame.MENUS)
        self._action(file_menu, "&Open database…", ["Ctrl+O"], self.choose_database)
        self.recent_menu = file_menu.addMenu("&Recent databases")
        self._fill_recent()
        file_menu.addSeparator()
        self._action(file_menu, "&Import files…", ["Ctrl+I"], self.choose_import)
        self._action(file_menu, "&Export…", ["Ctrl+E"], self.choose_export)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, "&Quit", ["Ctrl+Q"], self.close)
        self.undo_action = self._action(edit, "&Undo", ["Ctrl+Z"], self.undo)
        self.redo_action = self._action(edit, "&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        edit.addSeparator()
        self._action(edit, "&Analyst name…", [], lambda: self.set_analyst())
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.next_action = self._action(docs, "&Next document", ["Ctrl+PgDown", "Alt+Down"], lambda: self.step(1))
        self.prev_action = self._action(docs, "&Previous document", ["Ctrl+PgUp", "Alt+Up"], lambda: self.step(-1))
        self.done_action = self._action(
            docs, "Mark &done and go to the next unfinished", ["Ctrl+Return", "Ctrl+Enter"], self.mark_done
        )
        self.skip_action = self._action(
            docs, "&Skip and go to the next unfinished", ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"], self.skip
        )
        self.flag_action = self._action(docs, "&Flag (or unflag) for a second look", ["Ctrl+B"], self.flag)
        self.hide_unsure_action = self._action(
            docs, f"&Hide unsure quote suggestions (confidence < {UNSURE:.1f})", ["Ctrl+Shift+H"], self.toggle_unsure
        )
        self.hide_unsure_action.setCheckable(True)
        if self.settings.value(HIDE_UNSURE_KEY, False, type=bool):  # before the first document opens
            self.hide_unsure_action.setChecked(True)
            self.view.min_confidence = UNSURE
            self._show_unsure_heading()  # (a status line would give way to the cursor's at once)
        self.accept_all_action = self._action(
            docs, "&Accept all remaining suggestions (quotes with confidence ≥ 0.8)", ["Ctrl+Shift+A"], self.accept_all
        )
        docs.addSeparator()
        self._action(docs, "Filter the &list", ["Ctrl+L"], self._focus_filter)
        self._action(edit, "&Find in the article", ["Ctrl+F"], lambda: self.find_bar.open(everywhere=False))
        self._action(edit, "Find in &all documents", ["Ctrl+Shift+F"], lambda: self.find_bar.open(everywhere=True))
        self._action(edit, "Find &next", ["F3"], lambda: self.find_bar.find(backward=False))
        self._action(edit, "Find &previous", ["Shift+F3"], lambda: self.find_bar.find(backward=True))
        self._action(docs, "Edit the &note", ["Ctrl+Shift+N"], self.note.setFocus)
        self._action(docs, "S&tatistics (the charts of annotator stats)", ["Ctrl+Shift+T"], self.show_statistics)
        self._action(docs, "Go to the &claims list (Enter: back to the article)", ["Ctrl+Shift+C"],
                     self.focus_claims)
        docs.addSeparator()
        adj = docs.addMenu("Ad&judication (several analysts)")
        self.adjudicate_action = self._action(adj, "&Adjudicate: analysts' versions side by side, gold in the article",
                                              ["Ctrl+J"], self.toggle_adjudication)
        self.adjudicate_action.setCheckable(True)
        a = self.adjudicator
        self._action(adj, "&Next disagreement", ["Alt+N"], lambda: a.step(1))
        self._action(adj, "&Previous disagreement", ["Alt+P"], lambda: a.step(-1))
        for k in range(1, 10):
            self._action(adj, f"Take analyst {k}'s version", [f"Alt+{k}"], lambda _c=False, k=k: a.take(k))
        self._action(adj, "Take &every version (merge)", ["Alt+M"], a.take_all)
        self._action(adj, "Take all a&greed versions", ["Alt+G"], a.take_agreed)
        docs.addSeparator()
        self.preannotate_action = self._action(
            docs, "&Pre-annotate (your decisions are kept)", ["Ctrl+R"], self.preannotate
        )
        self.preannotate_done_action = self._action(
            docs, "Pre-annotate, &even if done", ["Ctrl+Shift+R"], lambda: self.preannotate(include_done=True)
        )
        self._action(help_menu, "&Keys", ["F1"], self.show_keys)
        self._action(help_menu, "&Codebook beside the text", ["F2"], self.toggle_codebook)
        theme_menu = edit.addMenu("&Theme")
        for mode in themes.MODES:
            self._action(theme_menu, mode.capitalize(), [], lambda _checked=False, m=mode: self.set_theme(m))
        hints = QApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # the desktop switched between light and dark
            hints.colorSchemeChanged.connect(lambda _scheme: self._follow_system())

    # -- documents -------------------------------------------------------------------------
    def open_document(self, doc_id: int, focus: bool = False) -> None:
        with gc_paused():  # opening builds an object per annotation (50,000 in a 2 MB article): ~30% went to GC
            self._open_document(doc_id, focus)

    def _open_document(self, doc_id: int, focus: bool) -> None:
        try:
            doc = self.store.document(doc_id)
            spans, quotes = self.store.spans(doc_id, times=False), self.store.quotes(doc_id)  # (the window shows no times)
            claims = self.store.claims(doc_id)
        except (KeyError, StoreError, *self.store.database_errors) as exc:
            self.show_error(f"cannot open document {doc_id}: {exc}")
            return
        self.current_id = doc_id
        self.view.set_document(doc, spans, quotes, claims)
        self.quotes_model.set_quotes(doc.text, self.view.quotes)
        self._show_claims(report_unknown=True)
        self.note.show_note(doc_id, doc.note)
        self.settings.setValue(self._last_key(), doc_id)
        self._select_row(doc_id)
        self._update_title(doc.title)
        if focus:
            self.view.setFocus()
        self._update_actions()
        self._update_history()
        self.adjudicator.refresh()

    def _select_row(self, doc_id: int) -> None:
        row = self.docs_proxy.row_of(doc_id)
        if row >= 0 and row != self.doc_list.currentIndex().row():
            self.doc_list.setCurrentIndex(self.docs_proxy.index(row, 0))

    def _update_title(self, title: str | None = None) -> None:
        self.setWindowTitle(frame.window_title(self.store.path, title))
        self.progress_label.setText(progress_text(self.store.status_counts()))

    def _last_key(self) -> str:
        return frame.last_document_key(self.store.path)

    def _last_document(self) -> int | None:
        """The document the analyst had open last time on this database, else the first one."""
        value = self.settings.value(self._last_key())
        try:
            doc_id = int(value) if value is not None else None
        except (TypeError, ValueError):
            doc_id = None
        if doc_id is not None and self.docs_model.row_of(doc_id) >= 0:
            return doc_id
        if doc_id is not None:  # beyond the part of a big list read so far: its row comes in a moment
            try:
                self.store.status(doc_id)
                return doc_id
            except KeyError:
                pass
        return self.docs_proxy.doc_id(0)

    def _rows_came(self, *_args) -> None:
        if self.current_id is not None and not self.doc_list.currentIndex().isValid():
            self._select_row(self.current_id)

    def _row_chosen(self, current, _previous) -> None:
        doc_id = self.docs_proxy.doc_id(current.row())
        if doc_id is not None and doc_id != self.current_id:
            self.open_document(doc_id)

    def _filtered(self) -> None:
        shown = self.docs_proxy.rowCount()
        self.statusBar().showMessage(f"{shown} of {self.docs_model.rowCount()} documents shown", 4000)
        if self.current_id is not None and self.docs_proxy.row_of(self.current_id) >= 0:
            self._select_row(self.current_id)

    def _having(self, label: str, analyst: str) -> None:
        """Show only documents with a span of ``label`` and/or work by ``analyst`` ("" for any)."""
        self.docs_proxy.set_having(self.store.document_ids_with(label or None, analyst or None) if label or analyst else None)

    def _search_all(self, words: str) -> None:
        """Show only the documents whose text contains ``words`` ("" shows all again)."""
        ids = None if not words.strip() else set(self.store.search_text(words))
        self.docs_proxy.set_ids(ids)
        if ids is None:
            return
        if ids and self.current_id not in ids:
            first = self.docs_proxy.doc_id(0)
            if first is not None:
                self.open_document(first)
                self.view.find(words)
        self.statusBar().showMessage(f"“{words}” is in {len(ids)} document(s)", 6000)

    def _focus_filter(self) -> None:
        self.queue_bar.text.setFocus()
        self.queue_bar.text.selectAll()

    def step(self, delta: int) -> bool:
        """Open the next (+1) or previous (-1) document in the list as shown; False at either end."""
        row = self.docs_proxy.row_of(self.current_id)
        target = self.docs_proxy.doc_id(row + delta)
        if target is None:
            self.statusBar().showMessage("no more documents" if delta > 0 else "this is the first document", 5000)
            return False
        self.open_document(target, focus=True)
        return True

    def next_unfinished(self) -> bool:
        """Open the next document that is new or in progress (wrapping round); False if none is left."""
        target = self.session.project.next_unfinished(self.current_id)
        if target is None:
            self.statusBar().showMessage("every document is finished: nothing new or in progress is left", 8000)
            return False
        self.open_document(target, focus=True)
        return True

    def _finish(self, status: str, said: str) -> None:
        if self.current_id is None:
            return
        self.note.flush()
        try:
            already = self.store.status(self.current_id) == status
        except KeyError:
            already = False
        if already or self.session.run(SetStatus(self.current_id, status)):  # already done: on to the next
            moved = self.next_unfinished()
            self.statusBar().showMessage(said + ("" if moved else "; every document is finished"), 6000)

    def mark_done(self) -> None:
        self._finish("done", "marked done")

    def skip(self) -> None:
        self._finish("skipped", "skipped")

    def flag(self) -> None:
        if self.current_id is None:
            return
        flagged = self.store.status(self.current_id) == "flagged"
        status = "in_progress" if flagged else "flagged"
        if self.session.run(SetStatus(self.current_id, status)):
            self.statusBar().showMessage("unflagged" if flagged else "flagged for a second look (Ctrl+B again unflags)", 6000)

    def toggle_unsure(self) -> None:
        """Show or hide the quote suggestions the finder is unsure of (they stay in the database); the choice is
        kept in the settings, so the next start shows the quotes as this one left them."""
        self.view.min_confidence = UNSURE if self.hide_unsure_action.isChecked() else 0.0
        self.settings.setValue(HIDE_UNSURE_KEY, self.hide_unsure_action.isChecked())  # kept for the next start
        self._show_unsure_heading()
        if self.current_id is not None:
            self.view.set_annotations(self.store.spans(self.current_id, times=False), self.store.quotes(self.current_id))
            self.quotes_model.set_quotes(self.view.text, self.view.quotes)
        hidden = "hidden" if self.view.min_confidence else "shown"
        self.statusBar().showMessage(f"quote suggestions with confidence below {UNSURE:.1f} are {hidden}", 5000)

    def _show_unsure_heading(self) -> None:
        hiding = bool(self.view.min_confidence)
        self.quotes_heading.setText(QUOTES_HIDING if hiding else QUOTES_TITLE)
        self.quotes_heading.setToolTip(tooltip(f"quote suggestions with confidence below {UNSURE:.1f} are hidden: "
                                               "Ctrl+Shift+H shows them") if hiding else "")

    def accept_all(self) -> None:
        if self.current_id is None:
            return
        results = self.session.apply(AcceptAll(self.current_id, ACCEPT_ALL_CONFIDENCE))
        if results is not None:
            done = results[0]
            said = f"accepted {done.spans} suggested spans, {done.quotes} quotes and {done.claims} claims"
            if done.damaged:  # rows another program wrote badly: left as suggestions, the rest accepted
                said += (f"; skipped {done.damaged} damaged suggestion{'s' if done.damaged > 1 else ''}, left as "
                         f"{'they were' if done.damaged > 1 else 'it was'}")
            self.statusBar().showMessage(said, 6000 if not done.damaged else 12000)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """Annotation keys typed while the document list has focus act on the article."""
        if watched is self.doc_list and event.type() == QEvent.Type.KeyPress and self.current_id is not None:
            text = event.text()
            plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
            if plain and len(text) == 1 and text.isprintable() and not text.isspace():
                self.view.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    # -- changes ---------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        self._clear_error()  # something was saved: an earlier refusal no longer stands
        self.docs_model.refresh(change)
        if change.kinds & {ChangeKind.STATUS, ChangeKind.DOCUMENTS}:
            self.progress_label.setText(progress_text(self.store.status_counts()))
        if change.touches(self.current_id, ChangeKind.QUOTES):
            self.quotes_model.set_quotes(self.view.text, self.view.quotes)  # the view reloaded them first
        if change.touches(self.current_id, ChangeKind.CLAIMS):
            self._show_claims()
        if change.touches(self.current_id):
            self.adjudicator.refresh()

    def _show_claims(self, report_unknown: bool = False) -> None:
        self.claims_panel.set_claims(self.view.text, self.view.claims, self.view.keys.claims.current)
        unknown = self.claims_panel.known_unknowns() if report_unknown else {}
        if unknown:
            listed = ", ".join(f"{k} ({n})" for k, n in sorted(unknown.items()))
            self.statusBar().showMessage(f"claims here use values the codebook does not define, kept as they are: "
                                         f"{listed}", 12000)

    def check_outside_changes(self) -> bool:
        """If another program committed to the file since the last look, show its changes; True if it did."""
        damage = self.store.deferred_problem()  # the page check that ran while the window opened
        if damage is not None and not self._damage_shown:
            self._damage_shown = True
            self.statusBar().showMessage(f"⚠ {damage}", 0)
            message_box(self, QMessageBox.Icon.Critical, "annotator", damage).show()
        try:
            version = self.store.data_version()
        except self.store.database_errors as exc:
            self.show_error(self.store.explain(exc))
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        current = self.current_id
        self.docs_model.reload()
        if current is not None and self.docs_model.row_of(current) >= 0:
            self._select_row(current)
            spans, quotes = self.store.spans(current, times=False), self.store.quotes(current)
            self.view.set_annotations(spans, quotes)
            self.view.set_claims(self.store.claims(current))
            self.quotes_model.set_quotes(self.view.text, self.view.quotes)
            self._show_claims()
            if not self.note.hasFocus():
                self.note.show_note(current, self.store.document(current).note)
        elif self.docs_proxy.rowCount():
            self.open_document(self.docs_proxy.doc_id(0))  # type: ignore[arg-type]
        self.progress_label.setText(progress_text(self.store.status_counts()))
        self.queue_bar.set_choices(self.codebook.labels, self.store.analysts())
        self._update_history()
        return True

    # -- undo history (the core's, per document, kept in the database) ---------------------
    def undo(self) -> None:
        target = self.session.undo_target(self.current_id)
        entry = self.session.next_undo(target)  # named in the status bar: it may be a pre-annotation run
        if self.session.undo(target) is not None:
            if target != self.current_id and target is not None:
                self.open_document(target, focus=True)  # the analyst sees what was undone
            self.statusBar().showMessage(f"undone: {entry.label}" if entry else "undone", 5000)

    def redo(self) -> None:
        entry = self.session.next_redo(self.current_id)
        if self.session.redo(self.current_id) is not None:
            self.statusBar().showMessage(f"redone: {entry.label}" if entry else "redone", 5000)

    def _update_history(self) -> None:
        try:
            target = self.session.undo_target(self.current_id)
            undo, redo = self.session.next_undo(target), self.session.next_redo(self.current_id)
        except StoreError as exc:
            self.show_error(str(exc))
            return
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        self.undo_action.setText(f"&Undo {undo.label}" if undo else "&Undo")
        self.redo_action.setText(f"&Redo {redo.label}" if redo else "&Redo")

    def _message_changed(self, text: str) -> None:
        """Every message is whole in the bar's tooltip, as plain text: the bar draws it on one line and its
        right-hand labels cut a long one off (a claim's description, a found phrase, a hostile title). When it
        goes, so does its tooltip, except a refusal's, which stays until a change is saved."""
        self.hint_label.setVisible(not text)
        if text:
            self._error_shown = text.startswith(ERROR_MARK)
            self.statusBar().setToolTip(tooltip(text.removeprefix(ERROR_MARK)))
        elif not self._error_shown:
            self.statusBar().setToolTip("")

    def show_error(self, message: str) -> None:
        """One line in the status bar, whole in its tooltip (the bar's right-hand widgets may cut a long one off);
        cleared by the next change that is saved, so a refusal does not stay up after the retry succeeded."""
        bar = self.statusBar()
        bar.showMessage(ERROR_MARK + message, 12000)
        bar.setToolTip(tooltip(message))

    def _clear_error(self) -> None:
        bar = self.statusBar()
        self._error_shown = False
        if bar.currentMessage().startswith(ERROR_MARK):
            bar.clearMessage()
        bar.setToolTip(tooltip(bar.currentMessage()))

    # -- quotes panel ----------------------------------------------------------------------
    def go_to_quote(self, quote: Quote) -> None:
        self.view.select_cp(quote.start, quote.end)
        self.view.setFocus()

    def _delete_quote(self, quote: Quote) -> None:
        self.session.run(DeleteQuotes([quote.id]))  # type: ignore[list-item]

    # -- claims panel ----------------------------------------------------------------------
    def go_to_claim(self, claim_id: int) -> None:
        """A row of the claims panel: select that claim and show its evidence (the list keeps the focus)."""
        claim = next((c for c in self.view.claims if c.id == claim_id), None)
        if claim is None:
            return
        if claim.evidence or claim.target:
            first = claim.evidence[0] if claim.evidence else claim.target
            self.view.select_cp(first.start)  # type: ignore[union-attr]
            self.view.reveal_cp(first.start, first.end)  # type: ignore[union-attr]  # the whole of it, not its line
        self.view.keys.claims.select(claim_id)

    def _claims_key(self, key: str) -> None:
        """A key typed in the claims list acts on the selected claim, as in the article."""
        claims = self.view.keys.claims
        if key == "focus":
            self.view.setFocus()
        elif key == "a":
            if not claims.accept_current():
                self.statusBar().showMessage("select a suggested claim to accept it", 5000)
        elif not claims.handle(key):
            self.statusBar().showMessage(f"“{key}” is not a claim key here: see F1", 5000)

    def show_statistics(self) -> None:
        from annotator.gui.panels.statistics import StatisticsDialog

        try:
            counts = self.store.counts()
        except self.store.database_errors as exc:
            self.show_error(self.store.explain(exc))
            return
        self.statistics = StatisticsDialog(counts, self)
        self.statistics.show()

    def set_theme(self, mode: str) -> None:
        """Edit > Theme: light, dark, or the system's; kept in the settings, applied at once."""
        app = QApplication.instance()
        chosen = themes.apply(app, mode)  # type: ignore[arg-type]
        QSettings("annotator", "annotator").setValue(THEME_KEY, mode)
        self.view.highlighter.restyle()
        self.view.refresh_cursor_feedback()
        self.statusBar().showMessage(f"theme: {mode} ({chosen.name})", 4000)

    def _follow_system(self) -> None:
        if str(QSettings("annotator", "annotator").value(THEME_KEY) or "system") == "system":
            self.set_theme("system")

    def focus_claims(self) -> None:
        """Ctrl+Shift+C: the claims list takes the keys (arrows choose a claim; its keys act on it)."""
        panel = self.claims_panel
        panel.list.setFocus()
        if not panel.list.currentIndex().isValid() and panel.proxy.rowCount():
            panel.list.setCurrentIndex(panel.proxy.index(0, 0))
        if not panel.proxy.rowCount():
            self.statusBar().showMessage("no claims in this document: c in a quote codes one", 5000)

    def toggle_adjudication(self) -> None:
        """Ctrl+J: adjudicate the open document (gold layer in the article, analysts' versions below), or stop."""
        self.adjudicator.toggle()
        self.adjudicate_action.setChecked(self.adjudicator.active)
        self._update_actions()

    def toggle_codebook(self) -> None:
        showing = not self.codebook_dock.isVisible()
        self.codebook_dock.setVisible(showing)
        if showing:  # beside the text, narrow: once it is laid out
            QTimer.singleShot(0, lambda: self.resizeDocks([self.codebook_dock], [min(300, self.width() // 5)],
                                                          Qt.Orientation.Horizontal))

    # -- model -----------------------------------------------------------------------------
    def _model_state(self, text: str, error: bool = False, detail: str = "") -> None:
        self.model_label.setText(text)
        self.model_label.setStyleSheet(ERROR_STYLE if error else "")
        self.model_label.setToolTip(tooltip(detail or text))
        self._update_actions()

    def _model_failed(self, message: str) -> None:
        """Short in the corner (the whole message as its tooltip), in full in the status line for a while."""
        self._model_state(f"model not loaded: {self.worker.name or 'default'}", error=True, detail=message)
        self.statusBar().showMessage(f"⚠ {message}; the rest of the window works, pre-annotation is off", 20000)

    def _model_ready(self, name: str) -> None:
        self._model_state(f"model ready: {name}")

    def _update_actions(self) -> None:
        ready = hasattr(self, "worker") and self.worker.is_ready and not self.worker.busy
        ready = ready and not self.adjudicator.active  # suggestions go to the analysts' layer, never to gold
        self.preannotate_action.setEnabled(ready and self.current_id is not None)
        self.preannotate_done_action.setEnabled(ready and self.current_id is not None)

    def preannotate(self, include_done: bool = False) -> None:
        if self.current_id is None or not self.worker.is_ready:
            return
        self._include_done = include_done
        text = self.view.text
        if self.worker.annotate(self.current_id, text):
            self._model_state(f"pre-annotating with {self.worker.name} …")

    def _annotated(self, doc_id: int, result: Annotations) -> None:
        """Merge the proposals (one action): the analyst's decisions are never touched."""
        self._model_state(f"model ready: {self.worker.name}")
        spans = self.codebook.keep_known(result.spans)
        info = self.worker.info or PipelineInfo(self.worker.name or "unknown", "0", "quotes")
        command = ApplyProposals(doc_id, spans, list(result.quotes), info, getattr(self, "_include_done", False),
                                 list(result.claims))
        results = self.session.apply(command)
        if results is None:
            return
        report = results[0]
        if report.skipped_done:
            self.statusBar().showMessage("this document is marked done: Ctrl+Shift+R pre-annotates it anyway", 8000)
        else:
            self.statusBar().showMessage(
                f"pre-annotated: {report.added_spans} entities, {report.added_quotes} quotes and "
                f"{report.added_claims} claims added, "
                f"{report.kept} kept, {report.withdrawn} withdrawn, {report.skipped} left to your decisions "
                "(Ctrl+Z undoes)",
                10000,
            )

    def _annotate_failed(self, doc_id: int, message: str) -> None:
        self._model_state(f"model ready: {self.worker.name}")
        self.show_error(f"pre-annotation failed: {message}")

    # -- misc ------------------------------------------------------------------------------
    def key_table(self) -> list[tuple[str, str]]:
        """Every key of the window: the article's (codebook labels included), then each menu action's shortcuts."""
        rows = [(e.key, f"{e.label}: with a selection add a span; in a span relabel it (its own label accepts it)")
                for e in self.codebook.entities]
        rows += ARTICLE_KEYS
        rows += CLAIM_KEYS
        rows += [(c.key, f"claim type: {c.name}") for c in self.codebook.claim_types]
        rows += [(s.key, f"stance: {s.name}") for s in self.codebook.stances]
        for action in self.actions():
            keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys:
                rows.append((keys, action.text().replace("&", "")))
        return rows

    def show_keys(self) -> None:
        """F1: the key list, generated from the actual bindings, in aligned columns."""
        rows = self.key_table()
        width = max(len(k) for k, _ in rows)
        text = "\n".join(f"{k.ljust(width)}   {what}" for k, what in rows)
        from PySide6.QtGui import QFontDatabase

        box = message_box(self, QMessageBox.Icon.Information, "Keys", text)
        box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        box.exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.note.flush()  # a note typed just before closing is kept
        self._save_window()
        self.view.keys.cancel_pick(quiet=True)
        self.worker.shutdown()
        if self.owns_store:
            self.store.close()
        super().closeEvent(event)
        if not self.isWindow():  # inside the launch window (annotator gui): it closes with this one
            QTimer.singleShot(0, self.window(), self.window().close)


def open_window(store: Store, codebook: Codebook, model: str | None) -> MainWindow | None:
    """The main window, built while the store's page check runs beside it; None (the reason shown) if the file
    turns out damaged: a window never opens on a damaged database."""
    try:
        window: MainWindow | None = MainWindow(store, codebook, model)
        failure = None
    except store.database_errors as exc:  # a damaged page met while the list was read
        window, failure = None, store.explain(exc)
    problem = store.deferred_problem(wait=True) or (None if window is not None else failure)
    if problem is None:
        return window
    if window is not None:
        window.worker.shutdown()
        window.deleteLater()
    message_box(None, QMessageBox.Icon.Critical, "annotator", problem).exec()
    return None
