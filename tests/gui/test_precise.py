"""Correcting precisely: drags snap to words (Alt: characters), edges grow and shrink by a word, a speaker is
picked by a drag or a click, and a person is listed once under their fullest name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.domain import Mention
from annotator.gui import editing as ed

from .conftest import PLAIN_TEXT, UNICODE_TEXT, find
from .helpers import key, point_of

TEXT = "according to the presidential press service, Lukashenko said."


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("residential", "serv", "presidential press service"),  # from inside one word to inside another
        ("presidential", "press", "presidential press"),  # already whole
        (" the", "the", "the"),  # white space at the ends goes
        ("Lukash", "Lukash", "Lukashenko"),
    ],
)
def test_snap_to_tokens(a, b, want):
    start = TEXT.index(a)
    end = TEXT.index(b) + len(b)
    s, e = ed.snap_to_tokens(TEXT, start, end)
    assert TEXT[s:e] == want


def test_snap_keeps_emoji_and_combining_marks_whole():
    text = "Zoe\u0301 Smith met 😀 fans"
    s, e = ed.snap_to_tokens(text, 1, 6)
    assert text[s:e] == "Zoe\u0301 Smith"


@pytest.mark.parametrize(
    ("edge", "grow", "want"),
    [
        ("left", True, "the presidential press"),
        ("right", True, "presidential press service"),
        ("left", False, "press"),
        ("right", False, "presidential"),
    ],
)
def test_grow_and_shrink_by_a_token(edge, grow, want):
    start = TEXT.index("presidential")
    end = TEXT.index("press ") + len("press")
    s, e = ed.grow_or_shrink(TEXT, start, end, edge, grow)
    assert TEXT[s:e] == want


def test_shrinking_never_empties_and_growing_never_crosses_a_line():
    text = "Title\nAna Rusu spoke"
    s = text.index("Ana")
    assert ed.grow_or_shrink(text, s, s + 3, "left", grow=True) == (s, s + 3)
    assert ed.grow_or_shrink(text, s, s + 3, "right", grow=False) == (s, s + 3)


def test_one_name_per_person():
    text = "Alexander Lukashenko spoke. Lukashenko said more. Putin, Vladimir Putin and Lukashenko's aide."
    mentions = [Mention(*find(text, "Lukashenko", 1)), Mention(*find(text, "Alexander Lukashenko")),
                Mention(*find(text, "Putin")), Mention(*find(text, "Vladimir Putin"))]  # fmt: skip
    names = ed.person_names(text, mentions)
    assert set(names.values()) == {"Alexander Lukashenko", "Vladimir Putin"}


def drag(qtbot, view, start_cp, end_cp, modifiers=Qt.KeyboardModifier.NoModifier):
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, point_of(view, start_cp))
    qtbot.mouseMove(viewport, point_of(view, end_cp))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, point_of(view, end_cp))


def test_a_mouse_drag_selects_whole_words_and_alt_keeps_characters(qtbot, window, seeded):
    view = window.view
    key(qtbot, view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    start, end = find(PLAIN_TEXT, "travel to Belarus")
    drag(qtbot, view, start + 2, end - 3)
    assert PLAIN_TEXT.__getitem__(slice(*view.selection_cp())) == "travel to Belarus"
    key(qtbot, view, "l")
    assert any(PLAIN_TEXT[s.start : s.end] == "travel to Belarus" for s in seeded.reopen().spans(seeded.plain))
    drag(qtbot, view, start + 2, end - 3, Qt.KeyboardModifier.AltModifier)
    s, e = view.selection_cp()
    assert PLAIN_TEXT[s:e] == PLAIN_TEXT[start + 2 : end - 3]  # character mode: exactly what was dragged


def test_brackets_grow_and_shrink_the_span_and_undo_takes_it_back(qtbot, window, seeded):
    view = window.view
    rusu = next(s for s in seeded.store.spans(seeded.uni) if UNICODE_TEXT[s.start : s.end] == "Ana Rusu")
    view.select_cp(rusu.start + 1)
    key(qtbot, view, "]")
    assert UNICODE_TEXT[slice(*_extent(seeded, rusu.id))] == "Ana Rusu met"
    key(qtbot, view, "{")
    assert UNICODE_TEXT[slice(*_extent(seeded, rusu.id))] == "Rusu met"
    key(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _extent(seeded, rusu.id) == (rusu.start, rusu.end)


def _extent(seeded, span_id):
    span = seeded.reopen().span(span_id)
    return span.start, span.end


def test_after_s_a_drag_picks_the_dragged_words_as_the_speaker(qtbot, window, seeded):
    view = window.view
    (quote,) = seeded.store.quotes(seeded.uni)
    view.select_cp(quote.start + 1)
    key(qtbot, view, "s")
    start, end = find(UNICODE_TEXT, "second line of Ana Rusu")
    drag(qtbot, view, start + 2, end - 1)  # the press starts a selection; it does not pick a word at once
    (quote,) = seeded.reopen().quotes(seeded.uni)
    assert UNICODE_TEXT[quote.speaker.start : quote.speaker.end] == "second line of Ana Rusu"
    assert view.keys.picking is None


def test_the_quotes_panel_and_the_picker_name_a_person_once(qtbot, window, seeded):
    from annotator.domain import Document, Quote, Span

    text = "Alexander Lukashenko said “we stay”. Later Lukashenko added “we wait”. Ana Rusu said “no”."
    other = seeded.reopen()
    doc_id, _ = other.add_document(Document(text, {"source": "p.txt"}))
    for a, b in (("we stay", "Alexander Lukashenko"), ("we wait", "Lukashenko")):
        other.insert_quote(Quote(*find(text, a), speaker=Mention(*find(text, b, 1 if b == "Lukashenko" else 0)), doc_id=doc_id))
    for name, nth in (("Alexander Lukashenko", 0), ("Lukashenko", 1), ("Ana Rusu", 0)):
        other.insert_span(Span(*find(text, name, nth), "PERSON", doc_id=doc_id))
    other.close()
    window.check_outside_changes()
    window.open_document(doc_id)
    names = [window.quotes_model.data(window.quotes_model.index(r, 0)) for r in range(2)]
    assert names == ["Alexander Lukashenko (2)", ""]  # one person, named once, above both quotes
    tip = window.quotes_model.data(window.quotes_model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "named in the text as Alexander Lukashenko, Lukashenko" in tip
    quote = seeded.store.quotes(doc_id)[1]
    choices = [name for name, _ in ed.speaker_choices(text, seeded.store.spans(doc_id), quote)]
    assert choices == ["Alexander Lukashenko", "Ana Rusu"]
    (_, mention), _ = ed.speaker_choices(text, seeded.store.spans(doc_id), quote)
    assert text[mention.start : mention.end] == "Lukashenko"  # the mention nearest the quote
