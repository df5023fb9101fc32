"""Adjudication by keyboard: Ctrl+J shows the analysts' versions side by side and the gold layer in the
article; Alt+N walks the disagreements, Alt+1 / Alt+M / Alt+G take versions into gold, Ctrl+Z undoes; the queue
shows how far each document's analysts agree and filters to the ones that disagree, most first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.api import open_project
from annotator.domain import Document, Span
from annotator.gui.panels.documents import COLUMNS
from annotator.store import GOLD, Store
from annotator.team import merge

ALT = Qt.KeyboardModifier.AltModifier
TEXT = "Ana Rusu said Belarus will not join the union. The Kremlin said nothing. Minsk was quiet."
CALM = "Nothing to see in Tavnia today."


def find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def team_db(tmp_path):
    """ana and ben coded the same two articles: they agree on Ana Rusu and Minsk, not on the Kremlin."""
    paths = []
    for name, kremlin in (("ana", "ORG"), ("ben", "GPE")):
        path = tmp_path / f"{name}.db"
        with open_project(path, analyst=name) as p:
            doc, _ = p.store.add_document(Document(TEXT, {"source": "a.txt"}))
            calm, _ = p.store.add_document(Document(CALM, {"source": "b.txt"}))
            p.add_span(doc, *find(TEXT, "Ana Rusu"), "PERSON")
            p.add_span(doc, *find(TEXT, "Minsk"), "GPE")
            p.add_span(doc, *find(TEXT, "Kremlin"), kremlin)
            p.add_span(calm, *find(CALM, "Tavnia"), "GPE")
        paths.append((path, None))
    target = tmp_path / "team.db"
    store = Store(target, analyst="lead")
    merge(store, paths)
    return store


@pytest.fixture
def team_window(qtbot, team_db, codebook):
    from annotator.gui.app import MainWindow

    win = MainWindow(team_db, codebook, None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_document(team_db.find_by_hash(Document(TEXT).hash))
    win.view.setFocus()
    yield win
    win.close()
    team_db.close()


def gold(store: Store, doc_id: int) -> list[tuple[str, str]]:
    old, store.layer = store.layer, GOLD
    try:
        return sorted((TEXT[s.start:s.end], s.label) for s in store.spans(doc_id))
    finally:
        store.layer = old


def test_adjudicating_by_keys_writes_gold_and_undoes(qtbot, team_window, model_tester):
    win, store = team_window, team_window.store
    doc_id = win.current_id
    assert not win.doc_list.isColumnHidden(COLUMNS.index("Agree"))
    qtbot.keyClick(win.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    adj = win.adjudicator
    assert adj.active and adj.dock.isVisible() and store.layer == GOLD
    model_tester(adj.panel.model)
    assert win.view.spans == []  # the article shows the gold layer: empty so far
    model = adj.panel.model
    assert model.analysts == ["ana", "ben"] and model.columnCount() == 4  # where, ana, ben, gold
    assert [u.agreed for u in model.rows] == [True, False, True]  # Ana Rusu, Kremlin, Minsk: in text order
    qtbot.keyClick(win.view, Qt.Key.Key_N, ALT)  # the first place that differs or is unsettled
    unit = adj.panel.current()
    assert unit is not None
    qtbot.keyClick(win.view, Qt.Key.Key_G, ALT)  # every agreed place into gold, one action
    assert gold(store, doc_id) == [("Ana Rusu", "PERSON"), ("Minsk", "GPE")]
    kremlin = next(n for n, u in enumerate(model.rows) if not u.agreed)
    adj.panel.select(kremlin)
    assert win.view.selection_cp() == find(TEXT, "Kremlin")  # the article shows where the place is
    qtbot.keyClick(win.view, Qt.Key.Key_2, ALT)  # ben's version
    assert gold(store, doc_id) == [("Ana Rusu", "PERSON"), ("Kremlin", "GPE"), ("Minsk", "GPE")]
    assert model.data(model.index(kremlin, 3)) == "✓" and len(win.view.spans) == 3
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold(store, doc_id) == [("Ana Rusu", "PERSON"), ("Minsk", "GPE")]
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold(store, doc_id) == []
    adj.panel.select(kremlin)
    qtbot.keyClick(win.view, Qt.Key.Key_M, ALT)  # merge: both versions
    assert gold(store, doc_id) == [("Kremlin", "GPE"), ("Kremlin", "ORG")]
    qtbot.keyClick(win.view, Qt.Key.Key_3, ALT)  # there is no third analyst: said, nothing done
    assert "no analyst 3" in win.statusBar().currentMessage()
    qtbot.keyClick(win.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert not adj.active and store.layer == "" and not adj.dock.isVisible()
    assert len(win.view.spans) == 6  # both analysts' spans again
    assert [s for s in store.spans(doc_id) if s.label == "ORG" and s.analyst == "lead"] == []  # gold stays apart


def test_a_new_span_while_adjudicating_goes_to_gold(qtbot, team_window):
    win, store = team_window, team_window.store
    doc_id = win.current_id
    win.toggle_adjudication()
    start, end = find(TEXT, "Belarus")
    win.view.select_cp(start, end)
    qtbot.keyClick(win.view, "g")  # the GPE key of the default codebook
    assert gold(store, doc_id) == [("Belarus", "GPE")]
    win.toggle_adjudication()
    assert ("Belarus", "GPE") not in [(TEXT[s.start:s.end], s.label) for s in store.spans(doc_id)]


def test_queue_filters_to_disagreements_most_first(qtbot, team_window):
    win = team_window
    bar = win.queue_bar
    bar.status.setCurrentIndex(bar.status.findData("disagreed"))
    assert bar.status.currentText() == "analysts disagree"
    shown = [win.docs_proxy.doc_id(r) for r in range(win.docs_proxy.rowCount())]
    assert shown == [win.current_id]  # the calm article: both coded Tavnia alike
    col = COLUMNS.index("Agree")
    cell = win.docs_proxy.data(win.docs_proxy.index(0, col))
    assert cell.endswith("%") and cell != "100%"
    bar.status.setCurrentIndex(bar.status.findData("all"))
    values = {win.docs_proxy.data(win.docs_proxy.index(r, col)) for r in range(win.docs_proxy.rowCount())}
    assert "100%" in values


def test_single_analyst_database_hides_the_agree_column(qtbot, window):
    assert window.doc_list.isColumnHidden(COLUMNS.index("Agree"))
    window.toggle_adjudication()
    assert "nothing to compare" in window.adjudicator.panel.summary.text() or not window.adjudicator.panel.model.rows
    window.toggle_adjudication()


def test_spans_made_by_hand_are_kept_as_is(team_db):
    doc = team_db.find_by_hash(Document(TEXT).hash)
    assert {s.analyst for s in team_db.spans(doc)} == {"ana", "ben"}
    assert all(isinstance(s, Span) for s in team_db.spans(doc))


def test_taking_another_analysts_version_replaces_the_one_taken_before(qtbot, team_window):
    """Alt+1 then Alt+2 on one place: the lead changed their mind, so gold holds ben's version only (Alt+M is
    the key for both); one action, and Ctrl+Z brings ana's back."""
    win, store = team_window, team_window.store
    doc_id = win.current_id
    win.toggle_adjudication()
    model = win.adjudicator.panel.model
    kremlin = next(n for n, u in enumerate(model.rows) if not u.agreed)
    win.adjudicator.panel.select(kremlin)
    qtbot.keyClick(win.view, Qt.Key.Key_1, ALT)
    assert gold(store, doc_id) == [("Kremlin", "ORG")]
    took_ana = store.next_undo(doc_id)
    qtbot.keyClick(win.view, Qt.Key.Key_2, ALT)
    assert gold(store, doc_id) == [("Kremlin", "GPE")]
    assert store.next_undo(doc_id).id == took_ana.id + 1  # one action
    qtbot.keyClick(win.view, Qt.Key.Key_M, ALT)  # both, on purpose
    assert gold(store, doc_id) == [("Kremlin", "GPE"), ("Kremlin", "ORG")]
    qtbot.keyClick(win.view, Qt.Key.Key_1, ALT)  # back to ana's alone
    assert gold(store, doc_id) == [("Kremlin", "ORG")]
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold(store, doc_id) == [("Kremlin", "GPE"), ("Kremlin", "ORG")]
