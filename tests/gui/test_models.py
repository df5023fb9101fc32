"""The item models pass QAbstractItemModelTester, before and while they change."""

from __future__ import annotations

from dataclasses import astuple

from PySide6.QtCore import Qt

from annotator.domain import Change, ChangeKind, Document
from annotator.gui.panels.documents import DocumentListModel
from annotator.gui.panels.legend import LegendModel
from annotator.gui.panels.quotes import QuoteListModel

from .conftest import UNICODE_TEXT


def test_document_model(model_tester, seeded):
    model = DocumentListModel(seeded.store)
    model_tester(model)
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert model.data(model.index(0, 0)) == "Unicode test"
    assert model.data(model.index(0, 2)) == 5 and model.data(model.index(0, 3)) == 1

    seen = []
    model.dataChanged.connect(lambda a, b, roles: seen.append((a.row(), b.row())))
    seeded.store.set_status(seeded.plain, "done")
    model.refresh(Change(frozenset({seeded.plain}), frozenset({ChangeKind.STATUS})))
    assert seen == [(1, 1)] and model.data(model.index(1, 1)) == "✓ done"
    model.refresh(Change(frozenset({seeded.plain}), frozenset({ChangeKind.CLAIMS})))  # a kind the list does not show
    assert seen == [(1, 1)]

    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    new_id, _ = seeded.store.add_document(Document("A third text.", {"source": "c.txt"}))
    model.refresh(Change(frozenset({new_id}), frozenset({ChangeKind.DOCUMENTS})))
    assert resets and model.rowCount() == 3 and model.doc_id(2) == new_id
    assert model.data(model.index(2, 0), Qt.ItemDataRole.UserRole) == new_id


def test_legend_model(model_tester, codebook):
    model = LegendModel(codebook)
    model_tester(model)
    assert model.rowCount() == len(codebook.entities)
    assert model.data(model.index(0, 0)) == "p" and model.data(model.index(0, 1)) == "PERSON"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole).name() == codebook.color("PERSON")


def test_quote_model(model_tester, seeded):
    model = QuoteListModel()
    model_tester(model)
    model.set_quotes(UNICODE_TEXT, seeded.store.quotes(seeded.uni))
    assert model.data(model.index(0, 0)) == "Zoe\u0301 Smith"
    assert model.data(model.index(0, 1)) == "“we are ready 🙂 for talks”"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == seeded.store.quotes(seeded.uni)[0].id
    model.set_quotes("", [])
    assert model.rowCount() == 0


def test_terms_and_titles_are_marked_as_such_in_the_quotes_panel(qtbot, model_tester):
    from annotator.domain import Quote

    text = "The so-called “red line” was drawn, and the show “Night Desk” aired."
    model = QuoteListModel()
    model_tester(model)
    term = Quote(text.index("red line"), text.index("red line") + 8, kind="term", origin="rule:q")
    title = Quote(text.index("Night Desk"), text.index("Night Desk") + 10, kind="title", origin="rule:q")
    model.set_quotes(text, [title, term])
    assert [model.data(model.index(r, 0)) for r in range(2)] == ["(term)", "(title)"]


def test_quotes_are_grouped_by_person_named_once(model_tester):
    from annotator.domain import Mention, Quote

    text = "Ana Rusu said “one”. Ion Popa said “two”. Rusu added “three”. Someone said “four”."

    def at(s, n=0):
        i = -1
        for _ in range(n + 1):
            i = text.index(s, i + 1)
        return Mention(i, i + len(s))

    quotes = [Quote(*astuple(at(w)), speaker=sp) for w, sp in
              (("one", at("Ana Rusu")), ("two", at("Ion Popa")), ("three", at("Rusu", 1)), ("four", None))]
    model = QuoteListModel()
    model_tester(model)
    model.set_quotes(text, quotes)
    rows = [(model.data(model.index(r, 0)), model.data(model.index(r, 1))) for r in range(4)]
    assert rows == [("Ana Rusu (2)", "“one”"), ("", "“three”"), ("Ion Popa", "“two”"), ("—", "“four”")]
