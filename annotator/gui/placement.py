"""Where a popup opens by the article's cursor: below its line, else above it when the screen ends first, and
never past a screen edge (a type list opened on the last lines showed three of its seven choices)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

MARGIN = 4  # pixels kept from each screen edge


def fit(size_w: int, size_h: int, below: QPoint, line_top: int, screen: QRect, gap: int) -> QPoint:
    """The top left of a ``size_w`` x ``size_h`` popup: at ``below`` if it fits on ``screen``, else ending
    ``gap`` above ``line_top``; moved as far as it must to stay ``MARGIN`` inside the screen."""
    inner = screen.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)  # (room for a frame the platform may add)
    x, y = below.x(), below.y()
    if y + size_h > inner.bottom() + 1:
        y = line_top - gap - size_h
    x = max(inner.left(), min(x, inner.right() + 1 - size_w))
    y = max(inner.top(), min(y, inner.bottom() + 1 - size_h))
    return QPoint(x, y)


def place_by_cursor(popup: QWidget, view: QPlainTextEdit, gap: int) -> None:
    """Move ``popup`` (not yet shown) next to ``view``'s cursor, as ``fit`` says."""
    rect = view.cursorRect()
    below = view.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, gap))
    line_top = view.viewport().mapToGlobal(rect.topLeft()).y()
    screen = QGuiApplication.screenAt(below) or view.screen()
    popup.ensurePolished()  # (its style adds the frame)
    popup.adjustSize()
    size = popup.sizeHint().expandedTo(popup.size())
    popup.move(fit(size.width(), size.height(), below, line_top, screen.availableGeometry(), gap))
