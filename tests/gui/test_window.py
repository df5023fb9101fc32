"""The main window: title, panels, navigation, mark done, the model in the background, run_gui."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.domain import Annotations, Quote, Span
from annotator.gui import workers
from annotator.gui.app import MainWindow, run_gui
from annotator.gui.launch import LaunchWindow

from .conftest import PLAIN_TEXT, UNICODE_TEXT, find
from .helpers import key, select_with_keys


def test_title_panels_and_hints(window, seeded):
    assert window.windowTitle() == "Unicode test — annotator — gui.db"
    assert window.docs_model.rowCount() == 2 and window.current_id == seeded.uni
    assert window.doc_list.currentIndex().row() == 0
    assert window.quotes_model.rowCount() == 1 and window.legend.model().rowCount() == 10
    assert window.hint_label.text().startswith("p PERSON · o ORG")
    assert "q quote" in window.hint_label.text() and "Ctrl+Z undo" in window.hint_label.text()
    assert window.model_label.text().startswith("no model")
    assert not window.preannotate_action.isEnabled()


def test_next_previous_with_shortcuts(qtbot, window, seeded):
    view = window.view
    key(qtbot, view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_id == seeded.plain and window.view.text == PLAIN_TEXT
    assert window.doc_list.currentIndex().row() == 1
    key(qtbot, view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # already the last
    assert window.current_id == seeded.plain and "no more documents" in window.statusBar().currentMessage()
    key(qtbot, view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current_id == seeded.uni
    key(qtbot, view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current_id == seeded.plain
    key(qtbot, view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_id == seeded.uni


def test_clicking_a_document_opens_it(qtbot, window, seeded):
    index = window.docs_proxy.index(1, 0)
    rect = window.doc_list.visualRect(index)
    qtbot.mouseClick(window.doc_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_id == seeded.plain
    window.doc_list.setFocus()
    key(qtbot, window.doc_list, Qt.Key.Key_Up)
    assert window.current_id == seeded.uni
    key(qtbot, window.doc_list, Qt.Key.Key_Return)
    assert window.view.hasFocus()


def test_ctrl_enter_marks_done_and_moves_on_and_undo_brings_it_back(qtbot, window, seeded):
    key(qtbot, window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    reopened = seeded.reopen()
    assert reopened.document(seeded.uni).status == "done"
    reopened.close()
    assert window.current_id == seeded.plain
    assert window.docs_model.data(window.docs_model.index(0, 1)) == "✓ done"
    key(qtbot, window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert seeded.store.document(seeded.uni).status == "new"
    assert window.current_id == seeded.uni  # undo in another document shows that document


def test_counts_in_the_document_list_follow_edits(qtbot, window, seeded):
    count = window.docs_model.data(window.docs_model.index(0, 2))
    select_with_keys(qtbot, window.view, *find(UNICODE_TEXT, "Hebrew"))
    key(qtbot, window.view, "m")
    assert window.docs_model.data(window.docs_model.index(0, 2)) == count + 1


def test_quotes_panel_click_selects_quote_and_delete_deletes_it(qtbot, window, seeded):
    quote_list = window.quote_list
    rect = quote_list.visualRect(window.quotes_model.index(0, 1))
    qtbot.mouseClick(quote_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.selection_cp() == find(UNICODE_TEXT, "we are ready 🙂 for talks")
    assert window.view.hasFocus()
    quote_list.setFocus()
    quote_list.setCurrentIndex(window.quotes_model.index(0, 0))
    key(qtbot, quote_list, Qt.Key.Key_Return)
    assert window.view.selection_cp() == find(UNICODE_TEXT, "we are ready 🙂 for talks")
    quote_list.setFocus()
    key(qtbot, quote_list, Qt.Key.Key_Delete)
    assert seeded.reopen().quotes(seeded.uni) == []
    assert window.quotes_model.rowCount() == 0


def test_a_model_that_is_not_installed_leaves_a_working_window(qtbot, seeded, codebook):
    win = MainWindow(seeded.store, codebook, "no_such_model")
    qtbot.addWidget(win)
    win.show()
    assert win.model_label.text().startswith("loading model no_such_model")
    qtbot.waitUntil(lambda: "not loaded" in win.model_label.text(), timeout=20_000)
    assert "no_such_model" in win.model_label.text() and "not installed" in win.model_label.toolTip()
    assert "not installed" in win.statusBar().currentMessage()
    assert not win.preannotate_action.isEnabled()
    win.view.setFocus()
    select_with_keys(qtbot, win.view, *find(UNICODE_TEXT, "Hebrew"))
    key(qtbot, win.view, "g")
    assert any(
        s.label == "GPE" and UNICODE_TEXT[s.start : s.end] == "Hebrew" for s in seeded.reopen().spans(seeded.uni)
    )
    win.close()


def test_preannotate_runs_off_the_gui_thread_and_replaces_machine_annotations(qtbot, seeded, codebook, monkeypatch):
    import threading

    seen_threads = []

    def fake_annotate(nlp, text):
        seen_threads.append(threading.current_thread())
        start, end = find(text, "Hebrew")
        quote = Quote(*find(text, "second line"), origin="model:fake", confidence=0.5)
        return Annotations([Span(start, end, "NORP", "model:fake")], [quote])

    monkeypatch.setattr(workers, "annotate_text", fake_annotate)
    win = MainWindow(seeded.store, codebook, "blank:en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.model_label.text().startswith("model ready"), timeout=60_000)
    assert win.preannotate_action.isEnabled()
    win.view.setFocus()
    key(qtbot, win.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "pre-annotated" in win.statusBar().currentMessage(), timeout=20_000)
    assert seen_threads and seen_threads[0] is not threading.main_thread()
    reopened = seeded.reopen()
    labels = {(UNICODE_TEXT[s.start : s.end], s.label) for s in reopened.spans(seeded.uni)}
    assert ("Hebrew", "NORP") in labels and ("Ana Rusu", "PERSON") in labels  # human spans stay
    assert ("Vladimir Putin", "UNKNOWN_LABEL") not in labels  # the old machine span went
    assert len(reopened.quotes(seeded.uni)) == 1  # the machine quote replaced the old machine quote
    reopened.close()
    assert win.quotes_model.rowCount() == 1
    win.session.undo(seeded.uni)
    labels = {(UNICODE_TEXT[s.start : s.end], s.label) for s in seeded.store.spans(seeded.uni)}
    assert ("Vladimir Putin", "UNKNOWN_LABEL") in labels and ("Hebrew", "NORP") not in labels
    win.close()


def test_preannotate_with_a_real_blank_pipeline_never_crashes(qtbot, seeded, codebook):
    win = MainWindow(seeded.store, codebook, "blank:en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.model_label.text().startswith("model ready"), timeout=60_000)
    win.preannotate()
    assert not win.preannotate_action.isEnabled()  # busy
    qtbot.waitUntil(lambda: "pre-annotat" in win.statusBar().currentMessage(), timeout=60_000)
    qtbot.waitUntil(win.preannotate_action.isEnabled, timeout=5_000)
    assert win.isVisible()
    win.close()


def test_run_gui_reports_a_bad_database_and_returns_1(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert run_gui(str(bad)) == 1
    assert shown and "bad.db" in shown[0]


def test_run_gui_opens_and_closes(qtbot, seeded, monkeypatch):
    titles = []

    def close_soon():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, LaunchWindow) and widget.isVisible():
                if widget.main is None:  # not built yet: look again in a moment
                    QTimer.singleShot(100, close_soon)
                    return
                titles.append((widget.windowTitle(), widget.main.windowTitle()))
                widget.close()

    QTimer.singleShot(300, close_soon)
    assert run_gui(seeded.path, model="no_such_model") == 0
    assert titles == [("Unicode test — annotator — gui.db",) * 2]


def test_a_double_clicked_name_wrapped_in_bidi_controls_is_labelled_without_them(qtbot, tmp_path, codebook):
    """Double-clicking a right-to-left name set in U+202E … U+202C selects the invisible controls too; the span
    made from that selection covers the name only."""
    from annotator.domain import Document
    from annotator.store import Store

    from .helpers import point_of

    text = "The envoy \u202eنادية\u202c met \u2066Ana\u2069 today."
    store = Store(tmp_path / "bidi.db")
    doc_id, _ = store.add_document(Document(text, {"source": "bidi.txt"}))
    win = MainWindow(store, codebook, None)
    qtbot.addWidget(win)
    win.show()
    win.open_document(doc_id, focus=True)
    for name in ("نادية", "Ana"):
        at = text.index(name) + 1
        qtbot.mouseDClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(win.view, at))
        start, end = win.view.selection_cp()
        assert start <= text.index(name) and end >= text.index(name) + len(name)
        qtbot.keyClick(win.view, "p")
    assert sorted(text[s.start:s.end] for s in store.spans(doc_id)) == ["Ana", "نادية"]
    win.close()
    store.close()


def test_a_refusal_is_whole_in_the_status_bars_tooltip_and_goes_when_a_change_is_saved(window):
    from PySide6.QtGui import QTextDocument

    from annotator.commands import AddSpan

    message = "x.db: the database is locked by another program (database is locked); <b>close</b> the other window " * 3
    window.session.error.emit(message)
    bar = window.statusBar()
    assert bar.currentMessage() == "⚠ " + message
    shown = QTextDocument()
    shown.setHtml(bar.toolTip())
    assert shown.toPlainText() == message  # whole, and shown as its characters: the markup is not read
    assert window.session.run(AddSpan(window.current_id, 0, 3, "PERSON"))
    assert not bar.currentMessage().startswith("⚠") and "locked" not in bar.toolTip()
    shown.setHtml(bar.toolTip())
    assert shown.toPlainText() == bar.currentMessage()  # (what shows now: the span's description, or nothing)


def test_opening_another_document_never_describes_the_last_ones_span_in_the_new_text(qtbot, tmp_path, codebook):
    """Setting the new text moves the cursor: its feedback read the old document's spans against the new text
    ("ORG “Envoy m”": the last article's span at 0–7 over the new one's first words)."""
    from annotator.domain import Document
    from annotator.store import Store

    store = Store(tmp_path / "two.db")
    first, _ = store.add_document(Document("Belarus leader speaks.", {"source": "a.txt"}))
    second, _ = store.add_document(Document("Envoy meets counterpart.", {"source": "b.txt"}))
    with store.action("seed", undoable=False):
        store.insert_spans(first, [Span(0, 7, "ORG", "model:x", doc_id=first)])
    win = MainWindow(store, codebook, None)
    qtbot.addWidget(win)
    win.show()
    win.open_document(first, focus=True)
    win.view.select_cp(0)
    said: list[str] = []
    win.view.message.connect(said.append)
    win.open_document(second, focus=True)
    assert not any("Envoy m" in m for m in said), said
    assert said and said[-1] == ""  # the last document's span is no longer named below
    win.close()
    store.close()


def test_hiding_unsure_quote_suggestions_is_remembered(qtbot, window, seeded, codebook, tmp_path_factory):
    from PySide6.QtCore import QSettings

    store = seeded.store
    with store.action("setup", undoable=False):
        unsure = store.insert_quote(Quote(*find(UNICODE_TEXT, "second line"), origin="rule:x", confidence=0.3,
                                          doc_id=seeded.uni))
    window.open_document(seeded.uni, focus=True)
    assert unsure.id in {q.id for q in window.view.quotes}
    # the settings are the test's, in a temporary folder, never the user's
    assert QSettings("annotator", "annotator").fileName().startswith(str(tmp_path_factory.getbasetemp()))
    key(qtbot, window.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.hide_unsure_action.isChecked() and unsure.id not in {q.id for q in window.view.quotes}
    window.close()
    again = MainWindow(store, codebook, None)  # a restart: the choice is the one left
    qtbot.addWidget(again)
    assert again.hide_unsure_action.isChecked()
    assert again.quotes_heading.text() == "Quotes (speaker → quote) · unsure hidden"
    assert "Ctrl+Shift+H shows them" in again.quotes_heading.toolTip()
    assert unsure.id not in {q.id for q in again.view.quotes}
    assert unsure.id not in {q.id for q in again.quotes_model.rows}
    again.hide_unsure_action.trigger()  # shown again, and that is remembered too
    assert unsure.id in {q.id for q in again.view.quotes} and again.quotes_heading.text() == "Quotes (speaker → quote)"
    again.close()
    third = MainWindow(store, codebook, None)
    qtbot.addWidget(third)
    assert not third.hide_unsure_action.isChecked() and unsure.id in {q.id for q in third.view.quotes}
    third.close()


def test_a_long_ordinary_message_is_whole_and_plain_in_the_status_bars_tooltip(qtbot, window):
    """The bar draws a message on one line and its right-hand labels cut a long one off: the tooltip holds it
    whole, as its characters; it goes with the message, and a shorter one replaces it."""
    from PySide6.QtGui import QTextDocument

    bar = window.statusBar()
    window.analyst_label.setText("analyst: a-very-long-analyst-name-that-takes-room")
    message = "“<img src=x> <b>Valdor</b> will never yield” " * 6 + "— the end of the message"
    bar.showMessage(message, 5000)
    assert bar.fontMetrics().horizontalAdvance(message) > bar.width()  # (it cannot all show in the bar)
    shown = QTextDocument()
    shown.setHtml(bar.toolTip())
    assert shown.toPlainText() == message
    bar.showMessage("short", 5000)
    shown.setHtml(bar.toolTip())
    assert shown.toPlainText() == "short"
    bar.clearMessage()
    assert bar.toolTip() == ""
