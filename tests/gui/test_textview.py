"""The article view, driven with real keys and clicks; every check reads the store back from the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.codebook import UNKNOWN_COLOR
from annotator.domain import Mention
from annotator.gui.highlight import QUOTE_BG
from annotator.gui.plain import tooltip
from annotator.gui.textview import SPEAKER_BG, cp_to_qt

from .conftest import PLAIN_TEXT, UNICODE_TEXT, find
from .helpers import click_cp, format_at, formats_in_block, key, point_of, select_with_keys


def labels_in(store, doc_id, text):
    return {(text[s.start : s.end], s.label) for s in store.spans(doc_id)}


# -- showing ---------------------------------------------------------------------------------
def test_highlights_sit_on_the_right_utf16_positions(window, codebook):
    view = window.view
    assert view.doc.text == UNICODE_TEXT and view.document().characterCount() == cp_to_qt(UNICODE_TEXT, 10**9) + 1
    start, end = find(UNICODE_TEXT, "Ana Rusu")  # after an emoji: Qt position is one more than the code point
    block_pos, ranges = formats_in_block(view, start)
    assert block_pos == 0 and (start + 1, 8) in [(s, n) for s, n, _ in ranges]
    assert format_at(view, start, end).background().color().name() == codebook.color("PERSON")
    assert format_at(view, *find(UNICODE_TEXT, "Minsk")).background().color().name() == codebook.color("GPE")
    unknown = format_at(view, *find(UNICODE_TEXT, "Vladimir Putin"))
    assert unknown.background().color().name() == UNKNOWN_COLOR
    arabic = format_at(view, *find(UNICODE_TEXT, "محمد بن سلمان"))
    assert arabic.background().color().name() == codebook.color("PERSON")


def test_quote_speaker_and_cue_styles(window):
    view = window.view
    quote = format_at(view, *find(UNICODE_TEXT, "we are ready 🙂 for talks"))
    assert quote.background().color().name() == QUOTE_BG and quote.fontItalic()
    speaker = format_at(view, *find(UNICODE_TEXT, "Zoe\u0301 Smith"))
    assert speaker.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert speaker.fontWeight() > 500
    cue = format_at(view, *find(UNICODE_TEXT, "said"))
    assert cue.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine


def test_text_is_shown_as_plain_text(qtbot, seeded, codebook):
    from annotator.domain import Document
    from annotator.gui.app import MainWindow

    text = 'Markup <img src="http://example.invalid/x.png"> and <b>not bold</b> &amp; stays text.'
    doc_id, _ = seeded.store.add_document(Document(text, {"source": "html.txt"}))
    win = MainWindow(seeded.store, codebook, None)
    qtbot.addWidget(win)
    win.open_document(doc_id)
    assert win.view.document().firstBlock().text() == text
    assert "<img" not in win.view.document().toHtml().split("<body", 1)[1].replace("&lt;img", "")


def test_tooltips_name_label_and_quote(qtbot, window):
    view = window.view
    pos = point_of(view, find(UNICODE_TEXT, "ready")[0] + 1)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    assert QToolTip.text() == tooltip("quote by Zoe\u0301 Smith (suggested, rule:said, 0.90)")  # plain text
    analyst = window.store.analyst
    assert view.tooltip_at(find(UNICODE_TEXT, "Minsk")[0] + 1).startswith(f"GPE (added, {analyst})")
    assert view.tooltip_at(find(UNICODE_TEXT, "Vladimir")[0]).startswith(f"UNKNOWN_LABEL (suggested, model:x, {analyst})")
    tip = view.tooltip_at(find(UNICODE_TEXT, "ready")[0])
    assert tip == "quote by Zoe\u0301 Smith (suggested, rule:said, 0.90)"
    assert view.tooltip_at(find(UNICODE_TEXT, "Hebrew")[0]) == ""


# -- adding, relabelling, deleting, undo --------------------------------------------------------
def test_select_with_keyboard_and_press_p_adds_a_person(qtbot, window, seeded):
    view = window.view
    start, end = find(UNICODE_TEXT, "meeting")
    select_with_keys(qtbot, view, start - 1, end)  # " meeting": the leading space is stripped
    key(qtbot, view, "p")
    reopened = seeded.reopen()
    (added,) = [s for s in reopened.spans(seeded.uni) if UNICODE_TEXT[s.start : s.end] == "meeting"]
    assert (added.start, added.end, added.label, added.origin) == (start, end, "PERSON", "human")
    reopened.close()
    assert format_at(view, start, end).background().color().name() == window.codebook.color("PERSON")
    assert view.selection_cp() == (end, end)  # the cursor waits after the new span, ready to relabel it
    key(qtbot, view, "o")
    assert seeded.store.span(added.id).label == "ORG"


def test_span_after_emoji_and_including_one_keeps_code_point_offsets(qtbot, window, seeded):
    view = window.view
    start, end = find(UNICODE_TEXT, "👍🏽 today")
    select_with_keys(qtbot, view, start, end)
    key(qtbot, view, "d")
    reopened = seeded.reopen()
    assert (UNICODE_TEXT[start:end], "DATE") in labels_in(reopened, seeded.uni, UNICODE_TEXT)
    reopened.close()
    assert format_at(view, start, end).background().color().name() == window.codebook.color("DATE")


def test_relabel_delete_undo_redo(qtbot, window, seeded):
    view = window.view
    start, end = find(UNICODE_TEXT, "Minsk")
    view.select_cp(start + 2)  # cursor inside the span, nothing selected
    key(qtbot, view, "o")
    assert ("Minsk", "ORG") in labels_in(seeded.reopen(), seeded.uni, UNICODE_TEXT)

    key(qtbot, view, Qt.Key.Key_Delete)
    assert all(t != "Minsk" for t, _ in labels_in(seeded.reopen(), seeded.uni, UNICODE_TEXT))
    assert format_at(view, start, end) is None

    key(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ("Minsk", "ORG") in labels_in(seeded.reopen(), seeded.uni, UNICODE_TEXT)
    assert format_at(view, start, end).background().color().name() == window.codebook.color("ORG")

    key(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert all(t != "Minsk" for t, _ in labels_in(seeded.reopen(), seeded.uni, UNICODE_TEXT))
    key(qtbot, view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # nothing left to redo: harmless
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert ("Minsk", "GPE") in labels_in(seeded.reopen(), seeded.uni, UNICODE_TEXT)


def test_backspace_deletes_quote_when_not_in_a_span(qtbot, window, seeded):
    view = window.view
    view.select_cp(find(UNICODE_TEXT, "ready")[0])
    key(qtbot, view, Qt.Key.Key_Backspace)
    assert seeded.reopen().quotes(seeded.uni) == []
    assert window.quotes_model.rowCount() == 0


def test_a_key_that_is_no_label_only_explains(qtbot, window, seeded):
    before = seeded.store.spans(seeded.uni)
    select_with_keys(qtbot, window.view, *find(UNICODE_TEXT, "Hebrew"))
    key(qtbot, window.view, "z")
    assert seeded.store.spans(seeded.uni) == before
    assert "not a label key" in window.statusBar().currentMessage()


def test_failing_command_shows_a_message_and_changes_nothing(qtbot, window, seeded):
    view = window.view
    span = next(s for s in seeded.store.spans(seeded.uni) if s.label == "GPE")
    seeded.store.delete_span(span.id)  # gone behind the window's back; the view still shows it
    entries = len(seeded.store.log())
    view.select_cp(span.start + 1)
    key(qtbot, view, Qt.Key.Key_Delete)
    assert f"no span {span.id}" in window.statusBar().currentMessage()
    assert len(seeded.store.log()) == entries
    key(qtbot, view, "o")  # relabel the vanished span: same, no crash
    assert len(seeded.store.log()) == entries
    assert window.isVisible()


# -- resizing --------------------------------------------------------------------------------
def test_r_resizes_the_one_span_the_selection_overlaps(qtbot, window, seeded):
    view = window.view
    start, _ = find(UNICODE_TEXT, "Minsk")
    _, end = find(UNICODE_TEXT, "Minsk 👍🏽")
    select_with_keys(qtbot, view, start, end)
    key(qtbot, view, "r")
    spans = seeded.reopen().spans(seeded.uni)
    assert any((s.start, s.end, s.label) == (start, end, "GPE") for s in spans)
    assert len(spans) == 5


def test_shift_r_resizes_a_quote(qtbot, window, seeded):
    view = window.view
    start, end = find(UNICODE_TEXT, "“we are ready 🙂")
    select_with_keys(qtbot, view, start, end)
    key(qtbot, view, "R", Qt.KeyboardModifier.ShiftModifier)
    (quote,) = seeded.reopen().quotes(seeded.uni)
    assert UNICODE_TEXT[quote.start : quote.end] == "we are ready 🙂"  # the quote mark was stripped
    assert quote.speaker == Mention(*find(UNICODE_TEXT, "Zoe\u0301 Smith"))


# -- quotes and speakers ---------------------------------------------------------------------
def open_plain(window, seeded):
    window.open_document(seeded.plain, focus=True)
    assert window.view.text == PLAIN_TEXT


def test_q_adds_a_quote_without_the_marks_and_s_click_sets_a_word_speaker(qtbot, window, seeded):
    open_plain(window, seeded)
    view = window.view
    start, end = find(PLAIN_TEXT, "«it is time» ")
    select_with_keys(qtbot, view, start, end)
    key(qtbot, view, "q")
    quotes = seeded.reopen().quotes(seeded.plain)
    added = [q for q in quotes if PLAIN_TEXT[q.start : q.end] == "it is time"]
    assert len(added) == 1 and added[0].speaker is None and added[0].origin == "human"
    assert view.quotes and window.quotes_model.rowCount() == 2

    key(qtbot, view, "s")  # the cursor was left at the quote's start
    assert view.keys.picking == added[0].id
    click_cp(qtbot, view, find(PLAIN_TEXT, "Rusu", 0)[0] + 2)  # the word "Rusu" (not a span)
    assert view.keys.picking is None
    (quote,) = [q for q in seeded.reopen().quotes(seeded.plain) if q.id == added[0].id]
    assert PLAIN_TEXT[quote.speaker.start : quote.speaker.end] == "Rusu"


def test_s_click_snaps_to_the_entity_span_under_it(qtbot, window, seeded):
    open_plain(window, seeded)
    view = window.view
    view.select_cp(find(PLAIN_TEXT, "sovereign")[0])
    key(qtbot, view, "s")
    click_cp(qtbot, view, find(PLAIN_TEXT, "Kremlin")[0] + 3)
    (quote,) = seeded.reopen().quotes(seeded.plain)
    assert quote.speaker == Mention(*find(PLAIN_TEXT, "Kremlin"))
    key(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert seeded.reopen().quotes(seeded.plain)[0].speaker is None


def test_s_then_selection_and_enter_sets_the_speaker(qtbot, window, seeded):
    open_plain(window, seeded)
    view = window.view
    view.select_cp(find(PLAIN_TEXT, "sovereign")[0])
    key(qtbot, view, "s")
    select_with_keys(qtbot, view, *find(PLAIN_TEXT, " Lukashenko"))
    key(qtbot, view, Qt.Key.Key_Return)
    (quote,) = seeded.reopen().quotes(seeded.plain)
    assert quote.speaker == Mention(*find(PLAIN_TEXT, "Lukashenko"))


def test_escape_cancels_picking(qtbot, window, seeded):
    view = window.view
    view.select_cp(find(UNICODE_TEXT, "ready")[0])
    key(qtbot, view, "s")
    assert view.keys.picking is not None
    assert view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    key(qtbot, view, Qt.Key.Key_Escape)
    assert view.keys.picking is None
    assert view.viewport().cursor().shape() == Qt.CursorShape.IBeamCursor  # the text cursor is back
    click_cp(qtbot, view, find(UNICODE_TEXT, "Minsk")[0])
    assert seeded.reopen().quotes(seeded.uni)[0].speaker == Mention(*find(UNICODE_TEXT, "Zoe\u0301 Smith"))


def test_shift_s_picks_the_speaker_from_a_list_by_keyboard(qtbot, window, seeded):
    view = window.view
    view.select_cp(find(UNICODE_TEXT, "ready")[0])
    key(qtbot, view, "S", Qt.KeyboardModifier.ShiftModifier)
    picker = view.keys.picker
    assert picker is not None and picker.isVisible()
    assert picker.visible_names() == ["Ana Rusu", "Zoe\u0301 Smith", "محمد بن سلمان"]  # PERSON/ORG only
    qtbot.keyClicks(picker.filter, "ana")
    assert picker.visible_names() == ["Ana Rusu"]
    key(qtbot, picker.filter, Qt.Key.Key_Return)
    assert not picker.isVisible()
    (quote,) = seeded.reopen().quotes(seeded.uni)
    assert quote.speaker == Mention(*find(UNICODE_TEXT, "Ana Rusu"))
    assert quote.origin == "rule:said" and quote.state == "edited"  # the rule found it, the analyst changed it


def test_shift_s_arrow_keys_and_escape(qtbot, window, seeded):
    view = window.view
    view.select_cp(find(UNICODE_TEXT, "ready")[0])
    key(qtbot, view, "S", Qt.KeyboardModifier.ShiftModifier)
    picker = view.keys.picker
    key(qtbot, picker.filter, Qt.Key.Key_Down)
    key(qtbot, picker.filter, Qt.Key.Key_Down)
    assert picker.list.currentItem().text() == "محمد بن سلمان"
    key(qtbot, picker.filter, Qt.Key.Key_Escape)
    assert not picker.isVisible()
    assert seeded.reopen().quotes(seeded.uni)[0].speaker == Mention(*find(UNICODE_TEXT, "Zoe\u0301 Smith"))


def test_cursor_in_quote_highlights_its_speaker_and_says_who(qtbot, window):
    view = window.view
    view.select_cp(find(UNICODE_TEXT, "ready")[0])
    speaker_start, speaker_end = find(UNICODE_TEXT, "Zoe\u0301 Smith")
    strong = [s for s in view.extraSelections() if s.format.background().color().name() == SPEAKER_BG]
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in strong] == [
        (cp_to_qt(UNICODE_TEXT, speaker_start), cp_to_qt(UNICODE_TEXT, speaker_end))
    ]
    message = window.statusBar().currentMessage()
    assert "“we are ready 🙂 for talks” — Zoe\u0301 Smith" in message


def test_cursor_on_speaker_highlights_their_quotes(qtbot, window):
    view = window.view
    view.select_cp(find(UNICODE_TEXT, "Smith")[0])
    quote_start, quote_end = find(UNICODE_TEXT, "we are ready 🙂 for talks")
    covered = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in view.extraSelections()
        if s.format.background().color().name() != SPEAKER_BG
    ]
    assert covered == [(cp_to_qt(UNICODE_TEXT, quote_start), cp_to_qt(UNICODE_TEXT, quote_end))]
    assert "speaker of 1 quote" in window.statusBar().currentMessage()


def test_a_locked_database_refuses_the_edit_with_a_message_then_works_again(qtbot, window, seeded):
    import sqlite3

    view = window.view
    seeded.store.db.conn.execute("PRAGMA busy_timeout=100")  # do not wait the usual 5 s for the lock
    other = sqlite3.connect(seeded.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    start, end = find(UNICODE_TEXT, "meeting")
    last_before = window.session.next_undo(seeded.uni)
    try:
        select_with_keys(qtbot, view, start, end)
        key(qtbot, view, "p")
        assert "locked by another program" in window.statusBar().currentMessage()
        assert window.session.next_undo(seeded.uni) == last_before
        assert not [s for s in seeded.store.spans(seeded.uni) if s.start == start]
    finally:
        other.execute("ROLLBACK")
        other.close()
    select_with_keys(qtbot, view, start, end)  # the analyst tries again once the lock is gone
    key(qtbot, view, "p")
    reopened = seeded.reopen()
    assert [(s.start, s.end, s.label) for s in reopened.spans(seeded.uni) if s.start == start] == [(start, end, "PERSON")]
    reopened.close()


def test_a_delete_by_key_says_what_it_deleted(qtbot, window, seeded):
    """x, Delete and Backspace say what went (the bar still showed the last action's message: "redone: Add ...")."""
    view = window.view
    window.statusBar().showMessage("redone: Add PERSON", 5000)
    view.select_cp(find(UNICODE_TEXT, "Minsk")[0] + 2)
    key(qtbot, view, "x")
    assert window.statusBar().currentMessage() == "deleted GPE “Minsk” (Ctrl+Z undoes)"
    view.select_cp(find(UNICODE_TEXT, "ready")[0])
    key(qtbot, view, Qt.Key.Key_Backspace)
    assert window.statusBar().currentMessage().startswith("deleted quote by Zoe\u0301 Smith “we are ready")
    select_with_keys(qtbot, view, find(UNICODE_TEXT, "Ana Rusu")[0], find(UNICODE_TEXT, "Zoe\u0301 Smith")[1])
    key(qtbot, view, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage() == "deleted 3 spans (Ctrl+Z undoes)"  # Ana Rusu, Putin, Zoé Smith


# -- nested spans at the cursor: every span key acts on the innermost, the one the status bar names --

NESTED_KEYS = [("]", "grow"), ("[", "grow"), ("o", "relabel"), ("a", "accept"), ("x", "delete")]


def _nested(window, seeded):
    """"Putin" (a suggestion) inside "Vladimir Putin" (another), both ending at the same place."""
    from annotator.domain import Span

    other = seeded.reopen()
    inner = other.insert_span(Span(*find(UNICODE_TEXT, "Putin"), "PERSON", "model:m", doc_id=seeded.uni))
    other.close()
    assert window.check_outside_changes()
    outer = next(s for s in seeded.store.spans(seeded.uni) if UNICODE_TEXT[s.start:s.end] == "Vladimir Putin")
    return inner, outer


@pytest.mark.parametrize(("typed", "does"), NESTED_KEYS)
@pytest.mark.parametrize("where", ["both end at the cursor", "inside both"])
def test_span_keys_act_on_the_innermost_of_nested_spans(qtbot, window, seeded, typed, does, where):
    inner, outer = _nested(window, seeded)
    cp = inner.end if where == "both end at the cursor" else inner.start + 2
    window.view.select_cp(cp)
    assert window.statusBar().currentMessage().startswith("PERSON “Putin”")  # the hint names the inner one
    key(qtbot, window.view, typed)
    store = seeded.reopen()
    assert store.span(outer.id) == outer  # the outer span is untouched, whatever the key
    now = {s.id: s for s in store.spans(seeded.uni, include_rejected=True)}[inner.id]
    if does == "grow":
        grown = (now.start, now.end)
        assert grown == ((inner.start, find(UNICODE_TEXT, "Putin in")[1]) if typed == "]" else
                         find(UNICODE_TEXT, "Vladimir Putin")) and now.state == "edited"
    elif does == "relabel":
        assert (now.label, now.state) == ("ORG", "edited")
    elif does == "accept":
        assert now.state == "accepted"
    else:
        assert now.state == "rejected"


def test_of_spans_of_one_extent_the_first_is_taken_and_a_span_starting_at_the_cursor_beats_one_ending():
    from annotator.domain import Span
    from annotator.gui import editing as ed

    a, b, c = Span(0, 5, "GPE", id=1), Span(0, 5, "LOC", id=2), Span(5, 9, "ORG", id=3)
    spans = ed.Ordered([a, b, c, Span(0, 9, "ORG", id=4)])  # (the view's: in the store's order, by id at one extent)
    assert ed.span_at(spans, 3).id == 1  # same extent: the first, as before
    assert ed.span_at(spans, 5).id == 3  # the character after the cursor is the one's it starts
    assert ed.span_at(spans, 9).id == 3  # ending at the cursor: the shorter of the two
    assert ed.span_at(spans, 10) is None
