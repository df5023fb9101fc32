"""Driving the article view like an analyst: keyboard selections, clicks on characters, reading formats."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from annotator.gui.textview import ArticleView, cp_to_qt


def select_with_keys(qtbot, view: ArticleView, start: int, end: int) -> None:
    """Put the cursor at code point ``start`` and press Shift+Right until the selection reaches ``end``."""
    view.select_cp(start)
    target = cp_to_qt(view.text, end)
    for _ in range(end - start):
        if view.textCursor().position() >= target:
            break
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_cp() == (start, end)


def point_of(view: ArticleView, cp: int) -> QPoint:
    """The middle of the character at code point ``cp``, in viewport coordinates."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(cp_to_qt(view.text, cp))
    left = view.cursorRect(cursor)
    cursor.setPosition(cp_to_qt(view.text, cp + 1))
    right = view.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def click_cp(qtbot, view: ArticleView, cp: int) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, cp))


def key(qtbot, widget, text_or_key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, text_or_key, modifiers)


def formats_in_block(view: ArticleView, cp: int) -> tuple[int, list]:
    """(block position, [(start, length, QTextCharFormat)]) of the highlighted block holding ``cp``."""
    block = view.document().findBlock(cp_to_qt(view.text, cp))
    return block.position(), [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def format_at(view: ArticleView, start: int, end: int):
    """The highlight format covering exactly the code point range ``[start, end)``, else None."""
    block_pos, ranges = formats_in_block(view, start)
    qs, qe = cp_to_qt(view.text, start) - block_pos, cp_to_qt(view.text, end) - block_pos
    for r_start, r_length, fmt in ranges:
        if r_start == qs and r_length == qe - qs:
            return fmt
    return None
