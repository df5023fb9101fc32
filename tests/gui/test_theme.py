"""Light and dark: switching the theme redraws every mark in its colours, the choice is kept, and a bad
choice is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from annotator.gui import theme

from .conftest import UNICODE_TEXT, find


def test_dark_theme_redraws_quotes_and_speakers_and_is_kept(window, seeded):
    view = window.view
    start, end = find(UNICODE_TEXT, "we are ready")
    window.set_theme("dark")
    try:
        assert theme.current() is theme.DARK
        assert QSettings("annotator", "annotator").value("theme") == "dark"
        colours = {f.background().color().name() for _, _, f in _formats(view)}
        assert theme.DARK.quote_bg in colours and theme.LIGHT.quote_bg not in colours
        view.select_cp(start + 1)  # in the quote: its speaker stands out, drawn for a dark page
        marks = {s.format.background().color().name() for s in view.extraSelections()}
        assert theme.DARK.speaker_bg in marks
        assert QApplication.instance().palette().color(QApplication.instance().palette().ColorRole.Base).lightness() < 64
    finally:
        window.set_theme("light")
    assert {f.background().color().name() for _, _, f in _formats(view)} >= {theme.LIGHT.quote_bg}
    with pytest.raises(ValueError, match="theme is one of"):
        theme.apply(QApplication.instance(), "sepia")


def _formats(view):
    out = []
    block = view.document().begin()
    while block.isValid():
        out += [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]
        block = block.next()
    return out
