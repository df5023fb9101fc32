"""Guard against PySide6 6.12.0 on CPython 3.11, which drops a reference to None on every void call."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor, QTextDocument


def test_void_calls_keep_none_alive(qtbot):
    document = QTextDocument()
    document.setPlainText("x" * 100)
    cursor = QTextCursor(document)
    before = sys.getrefcount(None)
    for i in range(20_000):
        cursor.setPosition(i % 100)
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references over 20,000 void calls"
