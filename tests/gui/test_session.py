"""Session: commands applied once, undone and redone through the QUndoStack; failures leave no trace."""

from __future__ import annotations

import gc

from annotator.commands import AddSpan, DeleteSpan, UpdateSpan
from annotator.gui.session import Session

from .conftest import UNICODE_TEXT, find


def test_run_applies_once_and_undo_redo_replay(qtbot, seeded):
    session = Session(seeded.store)
    changes = []
    session.changed.connect(changes.append)
    start, end = find(UNICODE_TEXT, "Emoji")
    before = len(seeded.store.spans(seeded.uni))
    change = session.run(AddSpan(seeded.uni, start, end, "MISC"))
    assert change is not None and change.doc_ids == {seeded.uni} and "spans" in change.kinds
    assert len(seeded.store.spans(seeded.uni)) == before + 1  # applied exactly once
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Add MISC"
    gc.collect()  # the wrapped command must survive Python's collector
    session.undo()
    assert len(seeded.store.spans(seeded.uni)) == before
    session.redo()
    assert [s.label for s in seeded.store.spans(seeded.uni)].count("MISC") == 1
    assert len(changes) == 3


def test_a_failing_command_reports_and_pushes_nothing(qtbot, seeded):
    session = Session(seeded.store)
    errors, changes = [], []
    session.error.connect(errors.append)
    session.changed.connect(changes.append)
    assert session.run(DeleteSpan(987654)) is None
    assert session.run(AddSpan(seeded.uni, 5, 5000, "PERSON")) is None  # OffsetError
    assert session.run(UpdateSpan(424242, label="ORG")) is None
    assert session.undo_stack.count() == 0 and not changes
    assert "no span 987654" in errors[0] and "does not fit" in errors[1] and len(errors) == 3


def test_several_commands_are_one_step_and_roll_back_together(qtbot, seeded):
    session = Session(seeded.store)
    spans = seeded.store.spans(seeded.uni)
    assert session.run(DeleteSpan(spans[0].id), DeleteSpan(spans[1].id), text="Delete 2 spans")
    assert len(seeded.store.spans(seeded.uni)) == len(spans) - 2
    session.undo()
    assert seeded.store.spans(seeded.uni) == spans
    assert session.run(DeleteSpan(spans[0].id), DeleteSpan(999999)) is None  # second fails: first reverted
    assert seeded.store.spans(seeded.uni) == spans


def test_undo_that_fails_is_dropped_from_the_stack(qtbot, seeded):
    session = Session(seeded.store)
    errors = []
    session.error.connect(errors.append)
    span = seeded.store.spans(seeded.uni)[0]
    session.run(UpdateSpan(span.id, label="ORG"))
    seeded.store.delete_span(span.id)  # someone else removed it behind the window's back
    session.undo()
    assert errors and "cannot undo" in errors[0]
    assert session.undo_stack.count() == 0 and not session.undo_stack.canRedo()
