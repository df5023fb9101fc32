"""The integrity scenarios driven through the real window with key presses, checked in the store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from annotator.commands import AddSpan
from annotator.domain import Annotations, Quote, Span
from annotator.gui import workers
from annotator.gui.app import MainWindow
from annotator.store import Store

from .conftest import PLAIN_TEXT, UNICODE_TEXT, find
from .helpers import click_cp, format_at, key, select_with_keys

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def fake_proposals(nlp, text):
    if "Hebrew" not in text:
        return Annotations([], [])
    spans = [Span(*find(text, "Hebrew"), "NORP", "model:fake"), Span(*find(text, "Vladimir Putin"), "PERSON", "model:fake")]
    return Annotations(spans, [Quote(*find(text, "we are ready 🙂 for talks"), origin="rule:fake", confidence=0.5)])


def ready_window(qtbot, store, codebook, monkeypatch):
    monkeypatch.setattr(workers, "annotate_text", fake_proposals)
    win = MainWindow(store, codebook, "blank:en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.model_label.text().startswith("model ready"), timeout=60_000)
    win.view.setFocus()
    return win


def preannotate(qtbot, win, modifiers=CTRL):
    key(qtbot, win.view, Qt.Key.Key_R, modifiers)
    qtbot.waitUntil(lambda: win.preannotate_action.isEnabled() and "pre-annot" in win.statusBar().currentMessage()
                    or "marked done" in win.statusBar().currentMessage(), timeout=20_000)


def test_rerunning_preannotation_in_the_window_keeps_every_decision(qtbot, seeded, codebook, monkeypatch):
    win = ready_window(qtbot, seeded.store, codebook, monkeypatch)
    preannotate(qtbot, win)
    store = seeded.store
    hebrew = next(s for s in store.spans(seeded.uni) if UNICODE_TEXT[s.start : s.end] == "Hebrew")
    win.view.select_cp(hebrew.start + 1)
    key(qtbot, win.view, Qt.Key.Key_Delete)  # the analyst deletes the model's NORP "Hebrew"
    assert store.span(hebrew.id).state == "rejected"
    (quote,) = store.quotes(seeded.uni)
    win.view.select_cp(quote.start + 2)
    key(qtbot, win.view, "s")
    click_cp(qtbot, win.view, find(UNICODE_TEXT, "Ana Rusu")[0] + 1)  # and sets the quote's speaker
    assert store.quote(quote.id).speaker is not None
    key(qtbot, win.view, Qt.Key.Key_Return, CTRL)  # done, and on to the next document
    assert store.document(seeded.uni).status == "done" and win.current_id == seeded.plain
    key(qtbot, win.view, Qt.Key.Key_PageUp, CTRL)
    before = (store.spans(seeded.uni, True), store.quotes(seeded.uni, True))

    entries = len(store.log(seeded.uni))
    preannotate(qtbot, win)  # Ctrl+R on a done document: left alone
    assert "marked done" in win.statusBar().currentMessage()
    assert len(store.log(seeded.uni)) == entries and (store.spans(seeded.uni, True), store.quotes(seeded.uni, True)) == before

    preannotate(qtbot, win, CTRL | SHIFT)  # asked explicitly: runs, and still keeps every decision
    texts = [(UNICODE_TEXT[s.start : s.end], s.label) for s in store.spans(seeded.uni)]
    assert ("Hebrew", "NORP") not in texts
    quotes = store.quotes(seeded.uni)
    assert len(quotes) == 1 and quotes[0].speaker == store.quote(quote.id).speaker and quotes[0].id == quote.id
    win.close()


def test_delete_over_a_selection_is_one_action_and_one_undo(qtbot, window, seeded):
    store = seeded.store
    key(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)
    assert window.current_id == seeded.plain and len(store.spans(seeded.plain)) == 4
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    entries = len(store.log())
    select_with_keys(qtbot, window.view, 0, find(PLAIN_TEXT, "Lukashenko")[1])
    key(qtbot, window.view, Qt.Key.Key_Delete)
    assert store.spans(seeded.plain) == []
    assert sum(s.startswith("BEGIN") for s in statements) == 1 and len(store.log()) == entries + 1
    statements.clear()
    key(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert len(store.spans(seeded.plain)) == 4 and window.view.spans == store.spans(seeded.plain)
    assert sum(s.startswith("BEGIN") for s in statements) == 1
    store.db.conn.set_trace_callback(None)


def test_a_label_key_inside_a_span_adds_beside_it(qtbot, window, seeded):
    store = seeded.store
    putin = next(s for s in store.spans(seeded.uni) if UNICODE_TEXT[s.start : s.end] == "Vladimir Putin")
    entries = len(store.log(seeded.uni))
    select_with_keys(qtbot, window.view, *find(UNICODE_TEXT, "Putin"))
    key(qtbot, window.view, "e")
    spans = {(UNICODE_TEXT[s.start : s.end], s.label) for s in store.spans(seeded.uni)}
    assert ("Vladimir Putin", "UNKNOWN_LABEL") in spans and ("Putin", "EVENT") in spans
    assert store.span(putin.id) == putin  # untouched
    assert [e["action"] for e in store.log(seeded.uni)[entries:]] == ["add_span"]
    inner = format_at(window.view, *find(UNICODE_TEXT, "Putin"))  # both are shown: the inner label's colour,
    assert inner is not None and inner.background().color().name() == window.codebook.color("EVENT")
    assert inner.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline  # a wavy line for the outer
    outer = format_at(window.view, *find(UNICODE_TEXT, "Vladimir "))
    assert outer is not None and outer.background().color().name() == window.codebook.color("UNKNOWN_LABEL")


def test_ctrl_z_after_reopening_the_window_undoes_the_last_action(qtbot, seeded, codebook):
    win = MainWindow(seeded.store, codebook, None)
    qtbot.addWidget(win)
    win.show()
    win.view.setFocus()
    select_with_keys(qtbot, win.view, *find(UNICODE_TEXT, "Hebrew"))
    key(qtbot, win.view, "g")
    win.close()
    seeded.store.close()

    store = Store(seeded.path)  # a new session on the same file
    assert any(UNICODE_TEXT[s.start : s.end] == "Hebrew" for s in store.spans(seeded.uni))
    again = MainWindow(store, codebook, None)
    qtbot.addWidget(again)
    again.show()
    assert again.undo_action.isEnabled() and again.undo_action.text() == "&Undo Add GPE"
    qtbot.waitExposed(again)
    again.activateWindow()
    again.view.setFocus()
    qtbot.waitUntil(again.view.hasFocus)
    key(qtbot, again.view, Qt.Key.Key_Z, CTRL)
    assert not any(UNICODE_TEXT[s.start : s.end] == "Hebrew" for s in Store(seeded.path).spans(seeded.uni))
    assert again.statusBar().currentMessage() == "undone: Add GPE"  # what was undone is named
    assert again.redo_action.text() == "&Redo Add GPE"
    key(qtbot, again.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert again.statusBar().currentMessage() == "redone: Add GPE"
    assert any(UNICODE_TEXT[s.start : s.end] == "Hebrew" for s in Store(seeded.path).spans(seeded.uni))
    again.close()
    store.close()
    seeded.store = Store(seeded.path)  # the fixture closes it


def test_the_analyst_name_goes_on_each_edit_and_is_kept_in_settings(qtbot, window, seeded, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    from annotator.gui.app import saved_analyst

    window.set_analyst("  Ana   Rusu ")
    assert window.analyst_label.text() == "analyst: Ana Rusu" and saved_analyst() == "Ana Rusu"
    select_with_keys(qtbot, window.view, *find(UNICODE_TEXT, "Hebrew"))
    key(qtbot, window.view, "g")
    span = next(s for s in seeded.reopen().spans(seeded.uni) if UNICODE_TEXT[s.start : s.end] == "Hebrew")
    assert span.analyst == "Ana Rusu" and seeded.store.log(seeded.uni)[-1]["analyst"] == "Ana Rusu"
    window.set_analyst("   ")
    assert "cannot be empty" in window.statusBar().currentMessage() and seeded.store.analyst == "Ana Rusu"


def test_changes_from_another_program_appear_in_the_open_window(qtbot, window, seeded):
    from annotator.domain import Document

    other = seeded.reopen()  # an import or a second window on the same file
    new_id, _ = other.add_document(Document("A new article from the command line.", {"source": "new.txt"}))
    span = other.insert_span(Span(*find(UNICODE_TEXT, "Hebrew"), "NORP", doc_id=seeded.uni))
    qtbot.waitUntil(lambda: window.docs_model.rowCount() == 3, timeout=5_000)  # the window's watch timer
    assert window.docs_model.row_of(new_id) == 2 and window.current_id == seeded.uni
    assert span in window.view.spans
    other.delete_span(span.id)
    assert window.check_outside_changes() and span not in window.view.spans
    assert not window.check_outside_changes()  # nothing new
    other.close()


def test_a_damaged_database_is_refused_by_the_window_with_the_restore_hint(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.domain import Document
    from annotator.gui.app import run_gui

    path = tmp_path / "d.db"
    store = Store(path)
    for i in range(200):
        store.add_document(Document(f"Article {i} " * 200, {"source": f"{i}.txt"}))
    store.close()
    Store(path).close()
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2 // 4096 * 4096 + 8)
        handle.write(b"\xff" * 3000)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert run_gui(str(path)) == 1
    assert shown and "damaged" in shown[0] and "annotator restore" in shown[0]


def test_the_tooltip_names_every_overlapping_span_with_its_state(qtbot, window, seeded):
    start, end = find(UNICODE_TEXT, "Putin")
    window.session.run(AddSpan(seeded.uni, start, end, "EVENT"))
    tip = window.view.tooltip_at(start + 1)
    lines = tip.splitlines()
    assert lines[0].startswith("UNKNOWN_LABEL (suggested, model:x") and lines[1].startswith("EVENT (added")
