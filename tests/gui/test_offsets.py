"""cp_to_qt / qt_to_cp: the one border between code points and Qt's UTF-16 positions."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.gui.textview import OffsetMap, cp_to_qt, qt_to_cp

SAMPLES = {
    "ascii": "plain text\nsecond line",
    "emoji": "a😀b 👍🏽 c 🇧🇾 end",
    "combining": "Zoe\u0301 and n\u0303 and e\u0301\u0302 stacked",
    "rtl": "قال محمد بن سلمان إن الوضع مستقر — שלום עולם",
    "line_separator": "one\u2028two\u2029three\nfour",
    "mixed": "😀\nZoe\u0301 said “قال 👍🏽” \u2028 🙂",
    "astral_only": "😀😀😀",
    "empty": "",
}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("name", SAMPLES)
def test_round_trip_every_code_point(name):
    text = SAMPLES[name]
    for cp in range(len(text) + 1):
        pos = cp_to_qt(text, cp)
        assert pos == utf16_len(text[:cp])
        assert qt_to_cp(text, pos) == cp


@pytest.mark.parametrize("name", SAMPLES)
def test_agrees_with_a_real_qt_document(qtbot, name):
    """Selecting [cp_to_qt(a), cp_to_qt(b)) in a QTextDocument gives text[a:b] (line breaks aside)."""
    text = SAMPLES[name]
    document = QTextDocument()
    document.setPlainText(text)
    assert document.characterCount() == utf16_len(text) + 1
    for a in range(len(text) + 1):
        for b in range(a, min(len(text), a + 4) + 1):
            cursor = QTextCursor(document)
            cursor.setPosition(cp_to_qt(text, a))
            cursor.setPosition(cp_to_qt(text, b), QTextCursor.MoveMode.KeepAnchor)
            got = cursor.selectedText().replace("\u2029", "\n")
            assert got == text[a:b].replace("\u2029", "\n"), (a, b)


def test_position_inside_a_surrogate_pair_snaps_to_the_character_start():
    text = "a😀b"
    assert [qt_to_cp(text, p) for p in range(5)] == [0, 1, 1, 2, 3]


def test_out_of_range_is_clamped():
    text = "x😀y"
    assert cp_to_qt(text, -5) == 0 and cp_to_qt(text, 99) == 4
    assert qt_to_cp(text, -1) == 0 and qt_to_cp(text, 99) == 3


def test_bmp_only_text_has_no_table():
    table = OffsetMap("Zoe\u0301 قال \u2028 שלום")
    assert table.qt_length == table.length and table.to_qt(7) == 7


def test_many_emoji_lookups_are_logarithmic():
    text = "😀x" * 50_000
    table = OffsetMap(text)
    assert table.to_qt(len(text)) == 150_000
    assert table.to_cp(149_999) == 99_999
    assert all(table.to_cp(table.to_qt(cp)) == cp for cp in range(0, len(text), 997))
