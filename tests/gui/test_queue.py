"""The review queue through the window: first edit, done / skip / flag and the next unfinished, notes, filter,
last document, accept keys, Tab walking, keys from the list, the generated key list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.domain import Claim, Document, Mention, Span
from annotator.gui.app import MainWindow
from annotator.gui.panels import note

from .conftest import PLAIN_TEXT, UNICODE_TEXT, find
from .helpers import key, select_with_keys

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def add_docs(seeded, n):
    """Documents another program (an import) adds while the window is open."""
    other = seeded.reopen()
    ids = [other.add_document(Document(f"Extra article {i} about Valdor.", {"source": f"x{i}.txt"}))[0] for i in range(n)]
    other.close()
    return ids


def test_the_first_edit_makes_a_document_in_progress_in_the_same_action(qtbot, window, seeded):
    assert seeded.store.document(seeded.uni).status == "new"
    entries = len(seeded.store.log())
    select_with_keys(qtbot, window.view, *find(UNICODE_TEXT, "Hebrew"))
    key(qtbot, window.view, "g")
    assert seeded.reopen().document(seeded.uni).status == "in_progress" and len(seeded.store.log()) == entries + 1
    assert window.docs_model.data(window.docs_model.index(0, 1)) == "in progress"
    key(qtbot, window.view, Qt.Key.Key_Z, CTRL)  # one undo takes back both
    assert seeded.store.document(seeded.uni).status == "new"


def test_done_and_skip_go_to_the_next_unfinished_document(qtbot, window, seeded):
    a, b = add_docs(seeded, 2)
    window.check_outside_changes()
    other = seeded.reopen()
    other.set_status(seeded.plain, "done")  # the next row is already done
    window.check_outside_changes()
    key(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    assert seeded.store.document(seeded.uni).status == "done" and window.current_id == a
    assert "marked done" in window.statusBar().currentMessage()
    key(qtbot, window.view, Qt.Key.Key_Return, CTRL | SHIFT)
    assert seeded.store.document(a).status == "skipped" and window.current_id == b
    assert window.progress_label.text() == "2 / 4 done · 1 new · 1 skipped"
    key(qtbot, window.view, Qt.Key.Key_Return, CTRL)  # the last unfinished one: nothing is left
    assert "every document is finished" in window.statusBar().currentMessage()
    assert window.progress_label.text().startswith("3 / 4 done")


def test_done_on_a_document_already_done_goes_on_to_the_next_without_a_new_action(qtbot, window, seeded):
    a, _ = add_docs(seeded, 2)
    key(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    assert window.current_id == seeded.plain
    window.open_document(seeded.uni, focus=True)  # back to the one just done
    entries = len(seeded.store.log())
    key(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    assert window.current_id == seeded.plain and len(seeded.store.log()) == entries  # nothing written twice
    assert seeded.store.document(seeded.uni).status == "done"


def test_flag_toggles(qtbot, window, seeded):
    key(qtbot, window.view, Qt.Key.Key_B, CTRL)
    assert seeded.store.document(seeded.uni).status == "flagged" and window.current_id == seeded.uni
    assert window.docs_model.data(window.docs_model.index(0, 1)) == "⚑ flagged"
    key(qtbot, window.view, Qt.Key.Key_B, CTRL)
    assert seeded.store.document(seeded.uni).status == "in_progress"


def test_the_note_is_saved_as_you_type_as_one_action(qtbot, window, seeded):
    entries = len(seeded.store.log())
    window.note.setFocus()
    qtbot.keyClicks(window.note, "check <b>the</b> quote")
    window.note.insertPlainText(" 🙂")  # as an input method types it (QTest cannot click astral keys)
    qtbot.waitUntil(lambda: seeded.reopen().document(seeded.uni).note == "check <b>the</b> quote 🙂", timeout=3000)
    assert len(seeded.store.log()) == entries + 1  # typing, then a pause: one action
    assert seeded.store.document(seeded.uni).status == "in_progress"
    key(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)
    assert window.note.toPlainText() == ""
    key(qtbot, window.view, Qt.Key.Key_PageUp, CTRL)
    assert window.note.toPlainText() == "check <b>the</b> quote 🙂"


def test_each_key_of_a_note_is_on_disk_at_once_and_a_burst_stays_one_action(qtbot, window, seeded):
    """kill -9 while typing a note used to lose everything typed since the last pause (700 ms)."""
    entries = len(seeded.store.log())
    window.note.setFocus()
    qtbot.keyClicks(window.note, "<b>x</b>")
    assert seeded.reopen().document(seeded.uni).note == "<b>x</b>"  # no pause: already saved
    qtbot.keyClicks(window.note, " more")
    assert seeded.reopen().document(seeded.uni).note == "<b>x</b> more"
    assert len(seeded.store.log()) == entries + 1  # one burst of typing: one journal entry
    qtbot.wait(note.SAVE_AFTER_MS + 200)  # a pause ends the burst
    qtbot.keyClicks(window.note, "!")
    assert seeded.reopen().document(seeded.uni).note == "<b>x</b> more!"
    assert len(seeded.store.log()) == entries + 2
    window.view.setFocus()
    key(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert seeded.reopen().document(seeded.uni).note == "<b>x</b> more"
    key(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    again = seeded.reopen().document(seeded.uni)
    assert again.note == "" and again.status == "new"


def test_a_note_typed_just_before_switching_documents_is_kept(qtbot, window, seeded):
    window.note.setFocus()
    qtbot.keyClicks(window.note, "quick")
    window.step(1)  # before the pause
    assert seeded.reopen().document(seeded.uni).note == "quick"


def test_the_list_filters_by_text_and_status_and_sorts(qtbot, window, seeded, model_tester):
    model_tester(window.docs_proxy)
    add_docs(seeded, 3)
    window.check_outside_changes()
    assert window.docs_proxy.rowCount() == 5
    key(qtbot, window.view, Qt.Key.Key_L, CTRL)
    assert window.queue_bar.text.hasFocus()
    qtbot.keyClicks(window.queue_bar.text, "extra valdor")
    assert window.docs_proxy.rowCount() == 3
    window.queue_bar.text.clear()
    seeded.reopen().set_status(seeded.plain, "done")
    window.check_outside_changes()
    window.queue_bar.status.setCurrentIndex(window.queue_bar.status.findData("done"))
    assert [window.docs_proxy.doc_id(r) for r in range(window.docs_proxy.rowCount())] == [seeded.plain]
    window.queue_bar.status.setCurrentIndex(window.queue_bar.status.findData("all"))
    window.doc_list.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by span count
    counts = [window.docs_proxy.data(window.docs_proxy.index(r, 2)) for r in range(window.docs_proxy.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] == 5


def test_the_window_reopens_the_document_left_last_time(qtbot, window, seeded, codebook):
    key(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)
    assert window.current_id == seeded.plain
    again = MainWindow(seeded.store, codebook, None)
    qtbot.addWidget(again)
    assert again.current_id == seeded.plain
    assert again.windowTitle().startswith("The Kremlin said Putin")
    again.close()


def test_label_keys_typed_in_the_document_list_act_on_the_article(qtbot, window, seeded):
    select_with_keys(qtbot, window.view, *find(UNICODE_TEXT, "Hebrew"))
    window.doc_list.setFocus()
    key(qtbot, window.doc_list, "g")
    assert any(UNICODE_TEXT[s.start : s.end] == "Hebrew" and s.label == "GPE" for s in seeded.reopen().spans(seeded.uni))
    assert window.current_id == seeded.uni  # the list did not jump to another document


def test_accept_one_and_accept_all(qtbot, window, seeded):
    store = seeded.store
    putin = next(s for s in store.spans(seeded.uni) if s.label == "UNKNOWN_LABEL")
    window.view.select_cp(putin.start + 1)
    key(qtbot, window.view, "a")
    assert store.span(putin.id).state == "accepted" and "accepted" in window.statusBar().currentMessage()
    key(qtbot, window.view, "a")
    assert "already decided: accepted" in window.statusBar().currentMessage()
    seeded.reopen().insert_span(Span(*find(UNICODE_TEXT, "Hebrew"), "NORP", "model:m", doc_id=seeded.uni))
    assert window.check_outside_changes()
    key(qtbot, window.view, Qt.Key.Key_A, CTRL | SHIFT)
    states = {s.state for s in store.spans(seeded.uni)}
    assert "suggested" not in states
    [quote] = store.quotes(seeded.uni)
    assert quote.state == "accepted"  # confidence 0.9 ≥ 0.8
    assert "accepted 1 suggested spans, 1 quotes and 0 claims" in window.statusBar().currentMessage()


def _annotation_rows(store):
    return {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("spans", "quotes", "claims")}


def test_accept_all_leaves_a_damaged_claim_and_accepts_the_rest(qtbot, window, seeded):
    """A claim whose evidence cell another program wrote as invalid JSON stays a suggestion, untouched; the other
    suggestions are accepted in one action, the status bar says both numbers in one line, Ctrl+Z takes it back."""
    other = seeded.reopen()
    with other.action("seed", undoable=False):
        sound = other.insert_claim(Claim("sovereignty", (Mention(*find(UNICODE_TEXT, "Minsk")),), origin="rule:c",
                                         state="suggested", doc_id=seeded.uni))
        bad = other.insert_claim(Claim("contest", (Mention(*find(UNICODE_TEXT, "today")),), origin="rule:c",
                                       state="suggested", doc_id=seeded.uni))
    other.conn.execute("UPDATE claims SET evidence = '[[9, 12' WHERE id = ?", [bad.id])  # (cut off: not JSON)
    other.conn.commit()
    other.close()
    assert window.check_outside_changes()
    before, entries = _annotation_rows(seeded.store), len(seeded.store.log())
    key(qtbot, window.view, Qt.Key.Key_A, CTRL | SHIFT)
    message = window.statusBar().currentMessage()
    assert message == ("accepted 1 suggested spans, 1 quotes and 1 claims; skipped 1 damaged suggestion, "
                       "left as it was")
    store = seeded.reopen()
    assert store.claim(sound.id).state == "accepted" and store.claim(bad.id).state == "suggested"
    assert store.conn.execute("SELECT evidence FROM claims WHERE id = ?", [bad.id]).fetchone() == ("[[9, 12",)
    assert [q.state for q in store.quotes(seeded.uni)] == ["accepted"]
    assert len(store.log()) == entries + 1  # one action, one journal entry
    key(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert _annotation_rows(seeded.reopen()) == before  # exactly as it was
    assert "undone" in window.statusBar().currentMessage()
    assert store.document(seeded.uni).status == "new"  # the first edit's "in progress" went with it


def test_tab_walks_the_annotations_in_text_order_and_says_what_each_is(qtbot, window, seeded):
    view = window.view
    view.select_cp(0)
    starts = []
    for _ in range(len(view.spans) + len(view.quotes)):
        key(qtbot, view, Qt.Key.Key_Tab)
        starts.append(view.selection_cp()[0])
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert view.hasFocus()  # Tab did not move the focus away
    key(qtbot, view, Qt.Key.Key_Tab)  # wraps round
    assert view.selection_cp()[0] == starts[0]
    assert "PERSON “Ana Rusu” — added" in window.statusBar().currentMessage()
    key(qtbot, view, Qt.Key.Key_Backtab, SHIFT)
    assert view.selection_cp()[0] == starts[-1]


def test_the_key_list_is_generated_from_the_bindings(window, codebook):
    rows = dict(window.key_table())
    for entity in codebook.entities:
        assert entity.key in rows
    shortcuts = {k.toString() for a in window.actions() for k in a.shortcuts()}
    listed = " / ".join(rows)
    assert all(s in listed for s in shortcuts)
    assert "Tab / Shift+Tab" in rows and "a" in rows


def test_an_outside_status_change_updates_the_progress(qtbot, window, seeded):
    assert window.progress_label.text() == "0 / 2 done · 2 new"
    other = seeded.reopen()
    other.set_status(seeded.plain, "done")
    window.check_outside_changes()
    assert window.progress_label.text() == "1 / 2 done · 1 new"


def test_the_window_asks_before_creating_a_database_and_shows_how_to_import(qtbot, tmp_path, monkeypatch, codebook):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui import app
    from annotator.store import Store

    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Cancel)
    typo = tmp_path / "typo" / "news.db"
    assert app.run_gui(str(typo)) == 1
    assert asked and "There is no database at" in asked[0] and not typo.parent.exists()
    store = Store(tmp_path / "empty.db")
    win = app.MainWindow(store, codebook, None)
    qtbot.addWidget(win)
    assert win.current_id is None and "annotator import" in win.view.placeholderText()
    win.close()
    store.close()


def test_a_small_window_keeps_the_article_readable_and_sizes_are_remembered(qtbot, window, seeded, codebook):
    window.resize(640, 420)
    qtbot.wait(50)
    assert window.view.width() >= 360
    window.resize(780, 560)  # the offscreen screen is 800 x 600
    window.splitter.setSizes([150, 420, 190])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(seeded.store, codebook, None)
    qtbot.addWidget(again)
    again.show()
    assert again.splitter.sizes() == sizes and again.size() == window.size()
    again.close()


def test_ctrl_f_finds_in_the_article_and_ctrl_shift_f_in_every_document(qtbot, window, seeded):
    view = window.view
    key(qtbot, view, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "Ana Rusu")
    key(qtbot, window.find_bar.field, Qt.Key.Key_Return)
    first = view.selection_cp()
    assert UNICODE_TEXT[slice(*first)] == "Ana Rusu"
    key(qtbot, window.find_bar.field, Qt.Key.Key_F3)
    second = view.selection_cp()
    assert UNICODE_TEXT[slice(*second)] == "Ana Rusu" and second[0] > first[0]
    key(qtbot, window.find_bar.field, Qt.Key.Key_F3)  # wraps round
    assert view.selection_cp() == first and "wrapped" in window.statusBar().currentMessage()
    window.find_bar.field.setText("nowhere at all")
    key(qtbot, window.find_bar.field, Qt.Key.Key_Return)
    assert "is not in this article" in window.statusBar().currentMessage()
    key(qtbot, window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and view.hasFocus()

    key(qtbot, view, Qt.Key.Key_F, CTRL | SHIFT)
    qtbot.keyClicks(window.find_bar.field, "kremlin")  # any case
    key(qtbot, window.find_bar.field, Qt.Key.Key_Return)
    assert [window.docs_proxy.doc_id(r) for r in range(window.docs_proxy.rowCount())] == [seeded.plain]
    assert "is in 1 document(s)" in window.statusBar().currentMessage()
    assert window.current_id == seeded.plain and PLAIN_TEXT[slice(*view.selection_cp())] == "Kremlin"
    key(qtbot, window.find_bar.field, Qt.Key.Key_Escape)
    assert window.docs_proxy.rowCount() == 2


def test_search_text_treats_wildcards_as_characters(seeded):
    from annotator.domain import Document

    doc_id, _ = seeded.store.add_document(Document("100% sure, said a_b", {"source": "w.txt"}))
    assert seeded.store.search_text("100%") == [doc_id]
    assert seeded.store.search_text("a_b") == [doc_id]
    assert seeded.store.search_text("%") == [doc_id]
    assert seeded.store.search_text("_") == [doc_id]


def test_open_database_and_recent(qtbot, window, seeded, tmp_path, codebook):
    from annotator.store import Store

    other_path = tmp_path / "other.db"
    other = Store(other_path)
    other.add_document(Document("Another database's only article.", {"source": "o.txt"}))
    other.close()
    from annotator.gui.app import MainWindow

    asked = []
    real = MainWindow.activateWindow
    MainWindow.activateWindow = lambda self: asked.append(self) or real(self)
    try:
        opened = window.open_database(str(other_path))
    finally:
        MainWindow.activateWindow = real
    assert opened is not None and not window.isVisible()
    assert asked == [opened]  # its shortcuts act only in the active window
    qtbot.addWidget(opened)
    assert opened.current_id is not None and opened.view.text == "Another database's only article."
    recent = [a.text() for a in opened.recent_menu.actions()]
    assert recent[0] == str(other_path.resolve()) and str(Path(seeded.path).resolve()) in recent
    assert opened.open_database(str(tmp_path / "gone.db")) is None
    assert "no database there" in opened.statusBar().currentMessage()
    opened.close()


def test_unsure_quote_suggestions_are_marked_and_can_be_hidden(qtbot, window, seeded):
    from annotator.domain import Quote

    other = seeded.reopen()
    unsure = other.insert_quote(Quote(*find(UNICODE_TEXT, "second line"), origin="rule:q", confidence=0.3, doc_id=seeded.uni))
    other.close()
    window.check_outside_changes()
    rows = [window.quotes_model.data(window.quotes_model.index(r, 0)) for r in range(window.quotes_model.rowCount())]
    assert rows == ["Zoe\u0301 Smith", "? —"]
    key(qtbot, window.view, Qt.Key.Key_H, CTRL | SHIFT)
    assert window.quotes_model.rowCount() == 1 and all(q.id != unsure.id for q in window.view.quotes)
    assert seeded.store.quote(unsure.id).state == "suggested"  # hidden, not deleted
    key(qtbot, window.view, Qt.Key.Key_H, CTRL | SHIFT)
    assert window.quotes_model.rowCount() == 2


def test_the_list_filters_by_label_and_analyst(qtbot, window, seeded):
    bar = window.queue_bar
    other = seeded.reopen()
    other.analyst = "bob"
    other.insert_span(Span(*find(PLAIN_TEXT, "Monday"), "DATE", doc_id=seeded.plain))
    other.close()
    window.check_outside_changes()  # bob's name is offered now
    bar.label.setCurrentIndex(bar.label.findData("GPE"))
    assert window.docs_proxy.rowCount() == 2  # both have a GPE
    bar.label.setCurrentIndex(bar.label.findData("DATE"))
    assert [window.docs_proxy.doc_id(r) for r in range(window.docs_proxy.rowCount())] == [seeded.plain]
    bar.label.setCurrentIndex(0)
    bar.analyst.setCurrentIndex(bar.analyst.findData("bob"))
    assert [window.docs_proxy.doc_id(r) for r in range(window.docs_proxy.rowCount())] == [seeded.plain]
    bar.analyst.setCurrentIndex(0)
    assert window.docs_proxy.rowCount() == 2


def test_file_import_and_export_run_as_commands_and_the_window_follows(qtbot, window, seeded, tmp_path):
    import json

    article = tmp_path / "new.txt"
    article.write_text("A new article about the Valdor strait.", encoding="utf-8")
    job = window.run_command(["import", str(article), "--no-preannotate"], "import")
    assert job is not None and window.run_command(["export", "-o", str(tmp_path / "x.jsonl")], "export") is None
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert window.docs_model.rowCount() == 3 and "import done: imported 1 new document(s)" in window.statusBar().currentMessage()
    out = tmp_path / "all.jsonl"
    job = window.run_command(["export", "--format", "jsonl", "-o", str(out)], "export")
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    lines = out.read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 in a text is no line end
    assert len([json.loads(line) for line in lines if line]) == 3
    job = window.run_command(["import", str(tmp_path / "missing.txt"), "--no-preannotate"], "import")
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    assert "import failed" in window.statusBar().currentMessage() and "missing.txt" in window.statusBar().currentMessage()


def test_file_import_shows_its_preannotation_in_a_progress_bar(qtbot, window, tmp_path, ruler_model_dir):
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(f"Lukashenko met Putin in Minsk, story {n}.", encoding="utf-8")
    job = window.run_command(["import", *(str(tmp_path / f"a{n}.txt") for n in range(3)), "--model",
                              str(ruler_model_dir)], "import")
    steps = []
    job.fraction.connect(lambda label, done, total: steps.append((label, done, total, window.job_bar.isVisible())))
    with qtbot.waitSignal(job.done, timeout=120_000):
        pass
    assert steps and steps[-1][:3] == ("pre-annotating", 3, 3) and all(visible for *_, visible in steps)
    assert not window.job_bar.isVisible() and window.job_bar.value() == 3
    assert not any(line.startswith("progress:") for line in job._lines)  # not shown as a status message


def test_marking_a_hidden_unsure_quote_makes_it_yours_not_a_second_quote(qtbot, window, seeded):
    """With the unsure suggestions hidden, q over one of them still finds it: the suggestion becomes the
    analyst's quote (accepted, one action) instead of a second quote of the same words beside it."""
    from annotator.domain import Quote

    other = seeded.reopen()
    unsure = other.insert_quote(Quote(*find(UNICODE_TEXT, "second line"), origin="rule:q", confidence=0.3, doc_id=seeded.uni))
    other.close()
    window.check_outside_changes()
    key(qtbot, window.view, Qt.Key.Key_H, CTRL | SHIFT)
    assert all(q.id != unsure.id for q in window.view.quotes)
    window.view.select_cp(*find(UNICODE_TEXT, "second line"))
    qtbot.keyClick(window.view, "q")
    there = [q for q in seeded.store.quotes(seeded.uni) if (q.start, q.end) == find(UNICODE_TEXT, "second line")]
    assert [(q.id, q.state) for q in there] == [(unsure.id, "accepted")]
    assert any(q.id == unsure.id for q in window.view.quotes)  # an accepted quote is never hidden
    other = seeded.reopen()
    other.insert_quote(Quote(*find(UNICODE_TEXT, "Hebrew"), origin="rule:q", confidence=0.2, doc_id=seeded.uni))
    other.close()
    window.check_outside_changes()
    before = len(seeded.store.quotes(seeded.uni))
    window.view.select_cp(*find(UNICODE_TEXT, "Hebrew: שלום"))  # overlaps the hidden one, not the same words
    qtbot.keyClick(window.view, "q")
    assert len(seeded.store.quotes(seeded.uni)) == before
    assert "hidden unsure quote suggestion" in window.statusBar().currentMessage()
