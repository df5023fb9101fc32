"""The article view (plain text, highlights, cursor feedback, tooltips) and THE code point <-> Qt mapping.

Qt counts UTF-16 code units (an emoji is 2) and turns each line break into one block separator; the store
counts code points. ``cp_to_qt`` and ``qt_to_cp`` are the only conversion between the two.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.codebook import Codebook
from annotator.domain import Change, ChangeKind, Claim, Document, Quote, Span
from annotator.gui import editing as ed
from annotator.gui import frame, theme
from annotator.gui.highlight import AnnotationHighlighter, AnnotationIndex
from annotator.gui.keys import ArticleKeys, describe
from annotator.gui.plain import tooltip
from annotator.gui.session import Session

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Qt's default wrap (word boundary, else anywhere) searches each line's whole remaining run for a boundary:
# quadratic in a run without one (a 300,000-character line froze the window ~6 s). Past this, wrap anywhere.
LONG_RUN = 2_000
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN}}}")
_WHITE = re.compile(r"\s")
SPEAKER_BG = theme.LIGHT.speaker_bg  # the light theme's (tests); the view draws with theme.current()
# the selected claim: evidence shaded in its type's colour, claimant drawn like a speaker (dark with white letters
# in the light theme), object in black on amber, addressee with a dashed purple underline
ARTICLE_POINT_SIZE = frame.ARTICLE_POINT_SIZE


class OffsetMap:
    """Prefix table of one text's characters outside the BMP; O(1) for BMP-only text, else O(log n)."""

    __slots__ = ("length", "qt_length", "_astral", "_qt_start")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._qt_start = [cp + i for i, cp in enumerate(self._astral)]  # Qt position of each astral char
        self.qt_length = self.length + len(self._astral)

    def to_qt(self, cp: int) -> int:
        cp = max(0, min(cp, self.length))
        return cp + bisect_left(self._astral, cp) if self._astral else cp

    def to_cp(self, pos: int) -> int:
        """A position inside a surrogate pair maps to the start of that character."""
        pos = max(0, min(pos, self.qt_length))
        if not self._astral:
            return pos
        before = bisect_right(self._qt_start, pos - 2)  # astral characters wholly before pos
        if before < len(self._qt_start) and self._qt_start[before] == pos - 1:
            return self._astral[before]
        return pos - before


@lru_cache(maxsize=16)
def offset_map(text: str) -> OffsetMap:
    """The (cached) table for ``text``."""
    return OffsetMap(text)


def cp_to_qt(text: str, cp: int) -> int:
    """Code point offset into ``text`` -> Qt (UTF-16) position in a document showing ``text``."""
    return offset_map(text).to_qt(cp)


def qt_to_cp(text: str, pos: int) -> int:
    """Qt (UTF-16) position -> code point offset into ``text``."""
    return offset_map(text).to_cp(pos)


def wrap_mode_for(text: str) -> QTextOption.WrapMode:
    """Wrap at word boundaries, or anywhere when ``text`` has LONG_RUN characters with no white space."""
    if has_long_run(text):
        return QTextOption.WrapMode.WrapAnywhere
    return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


def has_long_run(text: str) -> bool:
    """Whether ``text`` has LONG_RUN characters in a row with no white space, without running the pattern over the
    whole text (it restarts at every character of every word: some 60 ms on a 2 MB article). Such a run holds a
    whole aligned stretch of LONG_RUN // 2 characters, so only stretches with no white space are looked around."""
    half = LONG_RUN // 2
    for k in range(0, len(text) - half + 1, half):
        if _WHITE.search(text, k, k + half) is None and _LONG_RUN.search(text, max(0, k - LONG_RUN), k + half + LONG_RUN):
            return True
    return False


def _extra(cursor: QTextCursor, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    sel = QTextEdit.ExtraSelection()
    sel.cursor = cursor
    sel.format = fmt
    return sel


def _speaker_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(theme.current().speaker_bg))
    fmt.setForeground(QColor(theme.current().speaker_fg))
    return fmt


def _linked_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(theme.current().linked_bg))
    return fmt


def _claim_formats(colour: str) -> dict[str, QTextCharFormat]:
    evidence = QTextCharFormat()
    shade = QColor(colour)
    shade.setAlpha(90)
    evidence.setBackground(shade)
    colours = theme.current()
    claimant = _speaker_format()
    target = QTextCharFormat()
    target.setBackground(QColor(colours.object_bg))
    target.setForeground(QColor(colours.object_fg))
    target.setFontWeight(QFont.Weight.Bold)
    addressee = QTextCharFormat()
    addressee.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    addressee.setUnderlineColor(QColor(colours.addressee_line))
    addressee.setFontUnderline(True)
    return {"evidence": evidence, "claimant": claimant, "target": target, "addressee": addressee}


def _order(item: Span | Quote) -> tuple[int, int]:
    return (item.start, item.end)


def _patch(items: ed.Ordered, fresh: list, ids: frozenset[int], doc_id: int) -> tuple[ed.Ordered, list, list]:
    """``items`` with those named in ``ids`` replaced, in place, by their ``fresh`` versions (or gone), still in
    text order: (items, removed, added). Costs what the change touches, not a pass over the document."""
    if not ids:
        return items, [], []
    added = [f for f in fresh if f.doc_id == doc_id and f.state != "rejected"]
    removed = items.patch(ids, added)
    return items, removed, added


class ArticleView(QPlainTextEdit):
    """Read-only article text with a keyboard cursor; its annotation keys live in ``self.keys``."""

    message = Signal(str)  # hints and refusals for the status bar
    claim_selected = Signal(object)  # the id of the claim the keys act on now, or None

    def __init__(self, session: Session, codebook: Codebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.codebook = session, codebook
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(ARTICLE_POINT_SIZE)
        self.setFont(font)
        self.document().setDocumentMargin(frame.ARTICLE_MARGIN)
        self.highlighter = AnnotationHighlighter(self.document(), codebook)
        self.index = AnnotationIndex(self.document(), lambda cp: self.map.to_qt(cp), lambda: not self.map._astral)
        self.doc: Document | None = None
        self.text = ""
        self.map = OffsetMap("")
        self.spans: ed.Ordered = ed.Ordered()
        self.quotes: ed.Ordered = ed.Ordered()
        self.claims: list[Claim] = []
        self.claim_shown: Callable[[Claim], bool] = lambda _claim: True  # the claims panel's filters (window)
        self.min_confidence = 0.0  # hide quote suggestions below this (0: show all)
        self.keys = ArticleKeys(self)
        self._hint = ""
        self.cursorPositionChanged.connect(self.refresh_cursor_feedback)
        session.changed.connect(self._on_change)

    # -- showing ---------------------------------------------------------------------------
    def set_document(self, doc: Document | None, spans: list[Span], quotes: list[Quote],
                     claims: list[Claim] | None = None) -> None:
        """Show ``doc`` (None: nothing) with its annotations; highlights are built once for the whole text."""
        self.keys.cancel_pick(quiet=True)
        self.keys.claims.current = None
        self.claims = list(claims or [])
        self.doc, self.text = doc, doc.text if doc else ""
        self.map = offset_map(self.text)
        # setting the text moves the cursor, and its feedback must not read the last document's annotations
        self.spans, self.quotes = ed.Ordered(), ed.Ordered()
        if self._hint:  # what the cursor was on in the last document is not here
            self._hint = ""
            self.message.emit("")
        self.highlighter.index = {}
        self.highlighter.setDocument(None)  # the new text is highlighted once, with its index, not first without
        mode = wrap_mode_for(self.text)
        if mode != self.wordWrapMode():
            self.document().clear()  # else the old text is laid out again in the new mode first
            self.setWordWrapMode(mode)
        self.setPlainText(self.text)
        self._install(spans, quotes, full=True)

    def set_annotations(self, spans: list[Span], quotes: list[Quote], delta: tuple[list, list] | None = None) -> int:
        """Replace the annotations shown; re-highlight only the blocks that changed (returns how many).

        ``delta`` = (removed, added) when known, so only those are compared and re-indexed.
        """
        return self._install(spans, quotes, full=False, delta=delta)

    def visible_quotes(self, quotes: list[Quote]) -> list[Quote]:
        """All quotes, or, with ``min_confidence`` set, those not left as unsure machine suggestions."""
        if not self.min_confidence:
            return quotes
        return [q for q in quotes if q.state != "suggested" or q.confidence >= self.min_confidence]

    def _install(self, spans: list[Span], quotes: list[Quote], full: bool, delta: tuple[list, list] | None = None) -> int:
        quotes = self.visible_quotes(quotes)
        if delta is not None and self.min_confidence:
            shown = {id(q) for q in quotes}
            delta = (delta[0], [a for a in delta[1] if not isinstance(a, Quote) or id(a) in shown])
        if not isinstance(spans, ed.Ordered):  # a _patch keeps text order; anything else is put in order here
            spans = ed.Ordered(spans)
        if not isinstance(quotes, ed.Ordered):
            quotes = ed.Ordered(quotes)
        self.spans, self.quotes = spans, quotes
        if self.keys.picking is not None and all(q.id != self.keys.picking for q in self.quotes):
            self.keys.cancel_pick(quiet=True)
        if full:
            self.index.rebuild(self.spans, self.quotes)
            self.highlighter.attach(self.document(), self.index.segments)
            redone = self.document().blockCount()
        else:
            blocks = self.index.update(self.spans, self.quotes, delta)
            self.highlighter.refresh(self.index.segments, blocks)
            redone = len(blocks)
        self.refresh_cursor_feedback()
        return redone

    def set_claims(self, claims: list[Claim]) -> None:
        """The document's claims (few: read whole); the selected one stays selected while it exists and the
        claims panel's filters show it."""
        self.claims = sorted(claims, key=lambda c: (c.start, c.end, c.id or 0))
        if self.keys.claims.current is not None and self.keys.claims.claim() is None:
            self.keys.claims.current = None
            self.claim_selected.emit(None)
        self.refresh_cursor_feedback()

    def _on_change(self, change: Change) -> None:
        if self.doc is not None and change.touches(self.doc.id, ChangeKind.CLAIMS):
            self.set_claims(self.session.store.claims(self.doc.id))
        if self.doc is None or not change.touches(self.doc.id, ChangeKind.SPANS, ChangeKind.QUOTES):
            return
        store, doc_id = self.session.store, self.doc.id
        if not change.span_ids and not change.quote_ids:  # the change does not say which: read them all
            spans = store.spans(doc_id, times=False) if ChangeKind.SPANS in change.kinds else self.spans
            quotes = store.quotes(doc_id) if ChangeKind.QUOTES in change.kinds else self.quotes
            self.set_annotations(spans, quotes)
            return
        spans, gone_s, new_s = _patch(self.spans, store.spans_by_id(change.span_ids), change.span_ids, doc_id)
        quotes, gone_q, new_q = _patch(self.quotes, store.quotes_by_id(change.quote_ids), change.quote_ids, doc_id)
        self.set_annotations(spans, quotes, (gone_s + gone_q, new_s + new_q))

    # -- offsets at the cursor -------------------------------------------------------------
    def cursor_cp(self) -> int:
        return self.map.to_cp(self.textCursor().position())

    def selection_cp(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return self.map.to_cp(cursor.selectionStart()), self.map.to_cp(cursor.selectionEnd())

    def select_cp(self, start: int, end: int | None = None) -> None:
        """Put the cursor at ``start`` (selecting up to ``end`` if given) and scroll to it."""
        cursor = self.textCursor()
        cursor.setPosition(self.map.to_qt(start))
        if end is not None:
            cursor.setPosition(self.map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def reveal_cp(self, start: int, end: int) -> None:
        """Scroll (the cursor staying where it is) so ``[start, end)`` shows whole, its start when it is taller
        than the view: ensureCursorVisible shows only the cursor's line, and the rest of a long evidence
        wrapped off the bottom."""
        bar, area = self.verticalScrollBar(), self.viewport().rect()
        last = self.cursorRect(self._qt_cursor(end, end))
        if last.bottom() > area.bottom():  # (QPlainTextEdit scrolls by lines: one step at a time until it shows)
            for _ in range(bar.maximum() - bar.value()):
                if self.cursorRect(self._qt_cursor(end, end)).bottom() <= area.bottom():
                    break
                bar.setValue(bar.value() + 1)
        for _ in range(bar.value()):
            if self.cursorRect(self._qt_cursor(start, start)).top() >= area.top():
                break
            bar.setValue(bar.value() - 1)

    def _qt_cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.map.to_qt(start))
        cursor.setPosition(self.map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # -- input -----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab walk the annotations instead of moving the focus."""
        if event.type() == QEvent.Type.KeyPress and self.doc is not None:
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not event.modifiers() & (  # type: ignore[attr-defined]
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            ):
                self.keyPressEvent(event)  # type: ignore[arg-type]
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.doc is None or self.keys.handle(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """A drag selects whole words (Alt held: exact characters); while picking a speaker, the release picks:
        the dragged words, or the name or word under a plain click."""
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.doc is None:
            return
        start, end = self.selection_cp()
        exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if start != end and not exact:
            snapped = ed.snap_to_tokens(self.text, start, end)
            if snapped != (start, end) and snapped[0] < snapped[1]:
                self.select_cp(*snapped)
        if self.keys.picking is not None:
            if start == end:
                self.keys.click(self.map.to_cp(self.cursorForPosition(event.position().toPoint()).position()))
            else:
                self.keys.speaker_from_selection()

    # -- cursor feedback -------------------------------------------------------------------
    def refresh_cursor_feedback(self) -> None:
        """Cursor in a quote: its speaker stands out; cursor on a speaker: their quotes do. Says so below."""
        if self.doc is None:
            self.setExtraSelections([])
            return
        cp = self.cursor_cp()
        selections: list[QTextEdit.ExtraSelection] = []
        hint = ""
        picking = self.keys.picking
        quote = next((q for q in self.quotes if q.id == picking), None) or ed.quote_at(self.quotes, cp)
        if quote is not None:
            speaker = ed.mention_text(self.text, quote.speaker)
            if quote.speaker is not None:
                selections.append(_extra(self._qt_cursor(quote.speaker.start, quote.speaker.end), _speaker_format()))
            hint = f"“{ed.shorten(quote.text_in(self.text))}” — {speaker or 'no speaker yet (s or Shift+S)'}"
        spoken = ed.quotes_by_speaker(self.quotes, cp)
        for q in spoken:
            for start, end in self._gaps(q.start, q.end):
                selections.append(_extra(self._qt_cursor(start, end), _linked_format()))
            if q.speaker is not None and quote is None:
                selections.append(_extra(self._qt_cursor(q.speaker.start, q.speaker.end), _speaker_format()))
        if spoken and quote is None:
            hint = f"{ed.mention_text(self.text, spoken[0].speaker)}: speaker of {len(spoken)} quote(s)"
        span = ed.span_at(self.spans, cp)
        if span is not None and not spoken:
            hint = describe(self.text, span)
        claim = self.keys.claims.claim()
        if claim is not None:
            selections.extend(self._claim_selections(claim))
        self.setExtraSelections(selections)
        if hint and hint != self._hint:
            self.message.emit(hint)
        self._hint = hint

    def _claim_selections(self, claim: Claim) -> list[QTextEdit.ExtraSelection]:
        """The selected claim drawn over everything: evidence, then claimant, object and addressee."""
        choice = self.codebook.claim_type(claim.claim_type)
        formats = _claim_formats(choice.color if choice else "#bbbbbb")
        out = [_extra(self._qt_cursor(m.start, m.end), formats["evidence"]) for m in claim.evidence]
        for part in ("claimant", "target", "addressee"):
            m = getattr(claim, part)
            if m is not None:
                out.append(_extra(self._qt_cursor(m.start, m.end), formats[part]))
        return out

    def _gaps(self, start: int, end: int) -> list[tuple[int, int]]:
        """Parts of ``[start, end)`` not covered by entity spans (so label colours stay visible)."""
        out, pos = [], start
        for s in ed.overlapping(self.spans, start, end):
            if s.start > pos:
                out.append((pos, s.start))
            pos = max(pos, s.end)
        if pos < end:
            out.append((pos, end))
        return out

    # -- tooltips --------------------------------------------------------------------------
    def tooltip_at(self, cp: int) -> str:
        """What the hover tooltip says at code point ``cp``: every span there (overlapping ones too) with its
        origin, review state and analyst, and who the quote is by."""
        lines = []
        here = [s for s in self.spans if s.start <= cp < s.end] or ([ed.span_at(self.spans, cp)] if ed.span_at(self.spans, cp) else [])
        for span in here:
            entity = next((e for e in self.codebook.entities if e.label == span.label), None)
            made = f"{span.state}" + ("" if span.origin == "human" else f", {span.origin}") + (f", {span.analyst}" if span.analyst else "")
            lines.append(f"{span.label} ({made})" + (f" — {entity.description}" if entity and entity.description else ""))
        quote = ed.quote_at(self.quotes, cp)
        if quote is not None:
            who = ed.mention_text(self.text, quote.speaker) or "unknown speaker"
            lines.append(f"quote by {who} ({quote.state}, {quote.origin}, {quote.confidence:.2f})")
        return "\n".join(lines)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and self.doc is not None:
            cp = self.map.to_cp(self.cursorForPosition(event.pos()).position())
            tip = self.tooltip_at(cp)
            if tip:
                QToolTip.showText(event.globalPos(), tooltip(tip), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)
