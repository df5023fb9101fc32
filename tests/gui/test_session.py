"""Session: one action per run, undo and redo from the core's journal; failures leave no trace."""

from __future__ import annotations

from annotator.commands import AddSpan, DeleteSpans, UpdateSpan
from annotator.domain import ChangeKind
from annotator.gui.session import Session

from .conftest import UNICODE_TEXT, find


def test_run_applies_once_and_undo_redo_replay(qtbot, seeded):
    session = Session(seeded.store)
    changes = []
    session.changed.connect(changes.append)
    start, end = find(UNICODE_TEXT, "Emoji")
    before = len(seeded.store.spans(seeded.uni))
    change = session.run(AddSpan(seeded.uni, start, end, "MISC"))
    assert change is not None and change.doc_ids == {seeded.uni} and ChangeKind.SPANS in change.kinds
    assert len(seeded.store.spans(seeded.uni)) == before + 1  # applied exactly once
    assert session.next_undo(seeded.uni).label == "Add MISC"
    session.undo(seeded.uni)
    assert len(seeded.store.spans(seeded.uni)) == before
    session.redo(seeded.uni)
    assert [s.label for s in seeded.store.spans(seeded.uni)].count("MISC") == 1
    assert len(changes) == 3


def test_a_failing_command_reports_and_writes_nothing(qtbot, seeded):
    session = Session(seeded.store)
    errors, changes = [], []
    session.error.connect(errors.append)
    session.changed.connect(changes.append)
    entries = len(seeded.store.log())
    assert session.run(DeleteSpans([987654])) is None
    assert session.run(AddSpan(seeded.uni, 5, 5000, "PERSON")) is None  # OffsetError
    assert session.run(UpdateSpan(424242, label="ORG")) is None
    assert len(seeded.store.log()) == entries and not changes
    assert "no span 987654" in errors[0] and "does not fit" in errors[1] and len(errors) == 3


def test_several_commands_are_one_action_and_roll_back_together(qtbot, seeded):
    session = Session(seeded.store)
    spans = seeded.store.spans(seeded.uni)
    entries = len(seeded.store.log())
    assert session.run(DeleteSpans([spans[0].id, spans[1].id]))
    assert len(seeded.store.spans(seeded.uni)) == len(spans) - 2
    assert len(seeded.store.log()) == entries + 1  # one journal entry
    session.undo(seeded.uni)
    assert seeded.store.spans(seeded.uni) == spans
    assert session.run(DeleteSpans([spans[0].id, 999999])) is None  # second fails: nothing written
    assert seeded.store.spans(seeded.uni) == spans


def test_an_undo_that_fails_stays_in_the_history_and_says_so(qtbot, seeded):
    session = Session(seeded.store)
    errors = []
    session.error.connect(errors.append)
    span = seeded.store.spans(seeded.uni)[0]
    session.run(UpdateSpan(span.id, label="ORG"))
    other = seeded.reopen()  # another program removes it behind the window's back
    other.db.execute("DELETE FROM spans WHERE id = ?", [span.id])
    assert session.undo(seeded.uni) is None
    assert errors and "cannot undo 'Relabel to ORG'" in errors[0]
    assert session.next_undo(seeded.uni).label == "Relabel to ORG"  # still there: Ctrl+Z tries it again
    assert session.undo(seeded.uni) is None and len(errors) == 2
