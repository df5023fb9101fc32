"""Tagging claims by keyboard in the real window: c on a quote, type and stance keys, parts by Shift+letters,
Tab, the claims panel and its filters, undo, the codebook beside the text, and unknown values kept."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.domain import Claim, Document, Mention

from .conftest import PLAIN_TEXT, find
from .helpers import key, select_with_keys

QUOTE = "We must always proceed from the fact that we are a sovereign state,"


def plain_window(qtbot, window, seeded):
    window.open_document(seeded.plain, focus=True)
    qtbot.waitUntil(lambda: window.view.hasFocus())
    return window.view


def popup(window):
    p = window.view.keys.claims.popup
    assert p is not None and p.isVisible()
    return p


def test_c_on_a_quote_then_type_and_stance_keys_make_one_claim(qtbot, window, seeded):
    view = plain_window(qtbot, window, seeded)
    store = seeded.store
    # the seeded quote has no speaker: give it Lukashenko first, as an analyst would
    quote = store.quotes(seeded.plain)[0]
    store.update_quote(quote.id, speaker=Mention(*find(PLAIN_TEXT, "Lukashenko")))
    window.check_outside_changes()
    view.select_cp(find(PLAIN_TEXT, "proceed")[0])
    entries = len(store.log(seeded.plain))
    key(qtbot, view, "c")
    types = popup(window)
    assert "1   Asserting own sovereignty or independence" in [types.list.item(i).text() for i in range(types.list.count())]
    key(qtbot, types.list, "1")
    stances = popup(window)
    assert stances is not types
    key(qtbot, stances.list, "+")
    (claim,) = store.claims(seeded.plain)
    assert (claim.claim_type, claim.stance, claim.state) == ("sovereignty", "favour", "added")
    assert claim.claimant == Mention(*find(PLAIN_TEXT, "Lukashenko")) and claim.quote_id == quote.id
    assert claim.target == Mention(*find(PLAIN_TEXT, "Belarus"))  # the polity named nearest before the quote
    assert len(store.log(seeded.plain)) == entries + 1  # one key sequence, one action
    assert view.keys.claims.current == claim.id and view.hasFocus()
    assert "Asserting own sovereignty" in window.statusBar().currentMessage()
    assert window.claims_panel.model.rowCount() == 1
    # the selected claim is drawn: evidence, claimant, object each in their own format
    backgrounds = {s.format.background().color().name() for s in view.extraSelections()}
    assert {"#264653", "#ffbf3c"} <= backgrounds
    # + again: strength +2; - : against; 3: territory; Ctrl+Z undoes the last
    key(qtbot, view, "+")
    assert store.claim(claim.id).strength == 2
    key(qtbot, view, "-")
    assert (store.claim(claim.id).stance, store.claim(claim.id).strength) == ("against", -1)
    key(qtbot, view, "3")
    assert store.claim(claim.id).claim_type == "territory"
    key(qtbot, view, "z", Qt.KeyboardModifier.ControlModifier)
    assert store.claim(claim.id).claim_type == "sovereignty"


def test_parts_by_keys_and_evidence_added(qtbot, window, seeded):
    view = plain_window(qtbot, window, seeded)
    store = seeded.store
    view.select_cp(find(PLAIN_TEXT, "proceed")[0])
    key(qtbot, view, "c")
    key(qtbot, popup(window).list, "2")
    key(qtbot, popup(window).list, Qt.Key.Key_Escape)  # no stance yet
    (claim,) = store.claims(seeded.plain)
    assert (claim.claim_type, claim.stance, claim.claimant) == ("contest", None, None)
    # the Kremlin as claimant (cursor in the name), Belarus as object (a selection), Putin as addressee
    view.select_cp(find(PLAIN_TEXT, "Kremlin")[0] + 2)
    key(qtbot, view, "C")
    assert store.claim(claim.id).claimant == Mention(*find(PLAIN_TEXT, "Kremlin"))
    belarus = Mention(*find(PLAIN_TEXT, "Belarus"))
    assert store.claim(claim.id).target == belarus  # offered: the polity named nearest before
    select_with_keys(qtbot, view, belarus.start, belarus.end)
    key(qtbot, view, "O")  # the same text again: cleared
    assert store.claim(claim.id).target is None
    key(qtbot, view, "O")
    assert store.claim(claim.id).target == belarus
    view.select_cp(find(PLAIN_TEXT, "Putin")[0])
    key(qtbot, view, "T")
    assert store.claim(claim.id).addressee == Mention(*find(PLAIN_TEXT, "Putin"))
    key(qtbot, view, "T")  # again on the same name: cleared
    assert store.claim(claim.id).addressee is None
    select_with_keys(qtbot, view, *find(PLAIN_TEXT, "Putin will travel to Belarus"))
    key(qtbot, view, "E")
    assert len(store.claim(claim.id).evidence) == 2
    assert store.claim(claim.id).state == "added"
    key(qtbot, view, "X")
    assert store.claims(seeded.plain) == [] and view.keys.claims.current is None


def test_claim_keys_without_a_claim_say_so_and_write_nothing(qtbot, window, seeded):
    view = plain_window(qtbot, window, seeded)
    before = seeded.store.log()
    for k in ("1", "-", "O", "E", "X"):
        key(qtbot, view, k)
        assert "select a claim first" in window.statusBar().currentMessage()
    view.select_cp(0)
    key(qtbot, view, "c")
    assert "put the cursor in a quote" in window.statusBar().currentMessage()
    assert seeded.store.log() == before


def test_suggestions_in_the_panel_accept_tab_and_filters(qtbot, window, seeded):
    store = seeded.store
    q = store.quotes(seeded.plain)[0]
    with store.action("setup", undoable=False):
        s1 = store.insert_claim(Claim("sovereignty", (Mention(q.start, q.end),), target=Mention(*find(PLAIN_TEXT, "Belarus")),
                                      stance="favour", origin="rule:claims@1", confidence=0.7, doc_id=seeded.plain))
        s2 = store.insert_claim(Claim("pooling", (Mention(*find(PLAIN_TEXT, "Putin will travel to Belarus")),),
                                      stance="against", origin="rule:claims@1", doc_id=seeded.plain))
    view = plain_window(qtbot, window, seeded)
    panel = window.claims_panel
    assert panel.proxy.rowCount() == 2
    panel.types.setCurrentIndex(panel.types.findData("pooling"))
    assert panel.proxy.rowCount() == 1
    panel.types.setCurrentIndex(0)
    panel.stances.setCurrentIndex(panel.stances.findData("favour"))
    assert panel.proxy.rowCount() == 1
    panel.stances.setCurrentIndex(0)
    # Tab walks spans, quotes and claims in text order; on a claim it selects it
    view.select_cp(0)
    seen = []
    for _ in range(12):
        key(qtbot, view, Qt.Key.Key_Tab)
        seen.append(view.keys.claims.current)
    assert s1.id in seen and s2.id in seen
    # a row of the panel selects the claim; "a" there accepts it, Delete rejects the other
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.proxy.index(0, 0))
    assert view.keys.claims.current == s2.id  # Putin … comes first in the text
    key(qtbot, panel.list, Qt.Key.Key_Delete)
    assert store.claim(s2.id).state == "rejected"
    panel.list.setCurrentIndex(panel.proxy.index(0, 0))
    assert view.keys.claims.current == s1.id
    key(qtbot, panel.list, "a")
    assert store.claim(s1.id).state == "accepted"
    key(qtbot, panel.list, "4")  # a type key in the list sets the type
    assert (store.claim(s1.id).claim_type, store.claim(s1.id).state) == ("interference", "edited")


def test_unknown_codebook_values_are_shown_not_dropped(qtbot, window, seeded):
    store = seeded.store
    with store.action("setup", undoable=False):
        store.insert_claim(Claim("secession_talk", (Mention(0, 11),), stance="wary", doc_id=seeded.plain))
    plain_window(qtbot, window, seeded)
    assert "type secession_talk (1)" in window.statusBar().currentMessage()
    model = window.claims_panel.model
    assert model.data(model.index(0, 0)) == "secession_talk (unknown type)"
    assert model.data(model.index(0, 1)) == "wary (unknown stance)"


def test_document_stance_and_codebook_beside_the_text(qtbot, window, seeded):
    view = plain_window(qtbot, window, seeded)
    view.select_cp(find(PLAIN_TEXT, "Belarus")[0] + 1)
    key(qtbot, view, "D")
    key(qtbot, popup(window).list, "7")
    key(qtbot, popup(window).list, "0")
    (claim,) = seeded.store.claims(seeded.plain)
    assert (claim.scope, claim.target, claim.stance, claim.evidence) == (
        "document", Mention(*find(PLAIN_TEXT, "Belarus")), "neutral", ())
    assert window.claims_panel.model.data(window.claims_panel.model.index(0, 3)) == "Belarus (whole article)"
    assert not window.codebook_dock.isVisible()
    key(qtbot, view, Qt.Key.Key_F2)
    assert window.codebook_dock.isVisible()
    text = window.codebook_view.toPlainText()
    assert "Territorial claim (X belongs to Y)" in text and "e.g." in text
    keys = dict(window.key_table())
    assert keys["c"].startswith("code a claim") and keys["1"].startswith("claim type")


def _drawn(view, claim) -> bool:
    """Whether the article draws ``claim`` as the selected claim: its evidence shaded in its type's colour."""
    shade = view.codebook.claim_type(claim.claim_type).color
    ranges = {(view.map.to_qt(m.start), view.map.to_qt(m.end)) for m in claim.evidence}
    return any((s.cursor.selectionStart(), s.cursor.selectionEnd()) in ranges
               and s.format.background().color().name() == shade for s in view.extraSelections())


def _two_suggestions(store, seeded):
    q = store.quotes(seeded.plain)[0]
    with store.action("setup", undoable=False):
        s1 = store.insert_claim(Claim("sovereignty", (Mention(q.start, q.end),), stance="favour",
                                      origin="rule:claims@1", doc_id=seeded.plain))
        s2 = store.insert_claim(Claim("pooling", (Mention(*find(PLAIN_TEXT, "Putin will travel to Belarus")),),
                                      stance="against", origin="rule:claims@1", doc_id=seeded.plain))
    return s1, s2


def test_a_filter_that_hides_the_selected_claim_unselects_it(qtbot, window, seeded):
    store = seeded.store
    s1, s2 = _two_suggestions(store, seeded)
    view = plain_window(qtbot, window, seeded)
    panel = window.claims_panel
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.proxy.index(1, 0))  # s1: the quote comes after "Putin will travel"
    assert view.keys.claims.current == s1.id and _drawn(view, s1)
    entries = len(store.log())
    panel.types.setCurrentIndex(panel.types.findData("pooling"))  # s1 is hidden, s2 left
    assert view.keys.claims.current is None  # not s1, and not s2 either: the selection does not jump
    assert not _drawn(view, s1) and not panel.list.selectionModel().hasSelection()
    assert window.statusBar().currentMessage() == "the selected claim is hidden by the claims filter, so not selected"
    for k in ("3", "-", "a", "X"):  # in the list and in the article, nothing acts on the hidden claim
        key(qtbot, panel.list, k)
        key(qtbot, view, k)
    assert store.claim(s1.id) == s1 and store.claim(s2.id) == s2 and len(store.log()) == entries
    # Tab walks only the claims the panel shows
    view.select_cp(0)
    seen = set()
    for _ in range(12):
        key(qtbot, view, Qt.Key.Key_Tab)
        seen.add(view.keys.claims.current)
    assert s2.id in seen and s1.id not in seen
    # a stance filter hides s2 too
    panel.list.setCurrentIndex(panel.proxy.index(0, 0))
    assert view.keys.claims.current == s2.id and _drawn(view, s2)
    panel.stances.setCurrentIndex(panel.stances.findData("favour"))
    assert view.keys.claims.current is None and not _drawn(view, s2)
    # all shown again: nothing comes back selected by itself, and a row selects as before
    panel.types.setCurrentIndex(0)
    panel.stances.setCurrentIndex(0)
    assert view.keys.claims.current is None
    panel.list.setCurrentIndex(panel.proxy.index(1, 0))
    assert view.keys.claims.current == s1.id


def test_an_edit_that_the_filter_hides_unselects_the_claim(qtbot, window, seeded):
    store = seeded.store
    _s1, s2 = _two_suggestions(store, seeded)
    view = plain_window(qtbot, window, seeded)
    panel = window.claims_panel
    panel.types.setCurrentIndex(panel.types.findData("pooling"))
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.proxy.index(0, 0))
    assert view.keys.claims.current == s2.id
    key(qtbot, panel.list, "1")  # now a sovereignty claim: the pooling filter hides it
    assert store.claim(s2.id).claim_type == "sovereignty"
    assert view.keys.claims.current is None and not _drawn(view, store.claim(s2.id))
    assert window.statusBar().currentMessage().endswith("now hidden by the claims filter, so not selected")
    key(qtbot, panel.list, "+")  # acts on nothing
    assert store.claim(s2.id).stance == "against"
    # a claim made while the filter hides its type is saved, and left unselected with a word why
    view.setFocus()
    view.select_cp(find(PLAIN_TEXT, "time")[0])
    select_with_keys(qtbot, view, *find(PLAIN_TEXT, "it is time"))
    key(qtbot, view, "c")
    key(qtbot, popup(window).list, "3")
    key(qtbot, popup(window).list, "0")
    made = [c for c in store.claims(seeded.plain) if c.claim_type == "territory"]
    assert len(made) == 1 and view.keys.claims.current is None
    assert window.statusBar().currentMessage() == (
        "claim saved (Territorial claim (X belongs to Y) · Neutral (+0)), hidden by the claims filter, so not selected")


def test_the_type_list_and_the_speaker_list_stay_on_the_screen_on_the_last_lines(qtbot, window, seeded):
    view = plain_window(qtbot, window, seeded)
    screen = window.screen().availableGeometry()
    view.select_cp(find(PLAIN_TEXT, "proceed")[0])
    line = view.viewport().mapToGlobal(view.cursorRect().topLeft())
    window.move(window.x() + screen.right() - 40 - line.x(), window.y() + screen.bottom() - 30 - line.y())
    qtbot.waitUntil(lambda: screen.bottom() - 40 < view.viewport().mapToGlobal(view.cursorRect().topLeft()).y())
    line_top = view.viewport().mapToGlobal(view.cursorRect().topLeft()).y()
    key(qtbot, view, "c")
    types = popup(window)
    assert screen.contains(types.frameGeometry()), (screen, types.frameGeometry())
    assert types.frameGeometry().bottom() < line_top  # above the cursor's line: the line stays in sight
    key(qtbot, types.list, Qt.Key.Key_Escape)
    quote = seeded.store.quotes(seeded.plain)[0]
    view.select_cp(quote.start + 3)
    key(qtbot, view, "S")
    picker = view.keys.picker
    assert picker is not None and picker.isVisible() and screen.contains(picker.frameGeometry())


def _visible_in_view(view, start: int, end: int) -> bool:
    """Whether the article shows the whole of ``[start, end)`` (its first and last character) on screen."""
    from PySide6.QtGui import QTextCursor

    area = view.viewport().rect()
    for at in (start, end):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.map.to_qt(at))
        if not area.contains(view.cursorRect(cursor)):
            return False
    return True


def test_ctrl_shift_c_with_no_claim_selected_shows_the_first_claim_and_its_evidence(qtbot, window, seeded):
    """The first listed claim far down a long article (and the list scrolled away from its row): Ctrl+Shift+C
    selects it, scrolls the article until its whole evidence shows and the list until its row shows."""
    store = seeded.store
    filler = "".join(f"Paragraph {n} says nothing of note here.\n" for n in range(300))
    evidence = "Valdor will never yield its northern shore to anyone at all, said the minister of Valdor today."
    text = filler + evidence + "\n" + "".join(f"Then {n} more.\n" for n in range(120))
    doc_id, _ = store.add_document(Document(text, {"source": "long.txt"}))
    at = text.index(evidence)
    with store.action("seed", undoable=False):
        for n in range(60):  # many claims after the first: the list scrolls
            where = text.index(f"Then {n} more.")
            store.insert_claim(Claim("contest", (Mention(where, where + 4),), doc_id=doc_id))
        first = store.insert_claim(Claim("sovereignty", (Mention(at, at + len(evidence)),), doc_id=doc_id))
    window.open_document(doc_id, focus=True)
    qtbot.waitUntil(lambda: window.view.hasFocus())
    view, panel = window.view, window.claims_panel
    qtbot.waitUntil(lambda: panel.list.verticalScrollBar().maximum() > 0)  # (laid out)
    panel.list.verticalScrollBar().setValue(panel.list.verticalScrollBar().maximum())
    view.verticalScrollBar().setValue(0)
    assert view.keys.claims.current is None and not _visible_in_view(view, at, at + len(evidence))
    assert panel.list.verticalScrollBar().value() > 0  # (the list does scroll: its first row is off screen)
    key(qtbot, view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.keys.claims.current == first.id and panel.list.hasFocus()
    qtbot.waitUntil(lambda: _visible_in_view(view, at, at + len(evidence)), timeout=2000)
    row = panel.list.visualRect(panel.list.currentIndex())
    assert panel.list.viewport().rect().contains(row)
