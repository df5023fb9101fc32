"""Text from a document, its meta, the codebook or a note, shown by Qt as characters, never as markup.

Qt takes any tooltip, QLabel or QMessageBox text that ``Qt.mightBeRichText`` thinks is HTML for rich text:
an ``<img src="file:///dev/zero">`` in a title is then loaded when its row is hovered. Tooltips go through
``tooltip`` (escaped, white space kept); labels and message boxes are made with their format set to plain.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

TOOLTIP_LIMIT = 2000  # characters: a tooltip is a glimpse, and laying out a whole article in one would stall
_TIP = "<p style='white-space:pre-wrap'>{}</p>"


def tooltip(text: str, limit: int = TOOLTIP_LIMIT) -> str:
    """``text`` as a tooltip that shows exactly its characters (line breaks and spaces kept, nothing loaded)."""
    if not text:
        return ""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _TIP.format(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))  # html.escape, quote=False


def label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never reads its text as rich text."""
    widget = QLabel(parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setText(text)
    return widget


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A QMessageBox whose text is plain (call ``exec()`` on it to show it)."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box
