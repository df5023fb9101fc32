"""Span and quote highlighting: a per-block index of styled segments read by a QSyntaxHighlighter.

Changing one span recomputes and re-highlights only the blocks it touches.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.codebook import Codebook
from annotator.domain import Quote, Span
from annotator.gui import theme

QUOTE_BG = theme.LIGHT.quote_bg  # the light theme's, for tests and readers; the marks use theme.current()


@dataclass(frozen=True, eq=False)
class Style:
    """What covers a stretch of text: an entity label, a quote, a speaker, a cue (any combination).

    Made only by ``_merge``, one object per combination, so identity is equality: a segment's format is found
    by a dict lookup on the object's identity, with no call into Python (a 2 MB article has 50,000 segments)."""

    label: str | None = None
    quote: bool = False
    speaker: bool = False
    cue: bool = False
    outer: str | None = None  # the label of a span this one is nested in or overlaps (a wavy line in its colour)


Segment = tuple[int, int, Style]  # start in the block (UTF-16), length, style
Index = dict[int, tuple[Segment, ...]]  # block number -> segments
Layer = tuple[int, int, str, str | None]  # code point start, end, kind, label


def _layers(item: Span | Quote) -> list[Layer]:
    if isinstance(item, Span):
        return [(item.start, item.end, "label", item.label)]
    layers: list[Layer] = [(item.start, item.end, "quote", None)]
    if item.speaker is not None:
        layers.append((item.speaker.start, item.speaker.end, "speaker", None))
    if item.cue is not None:
        layers.append((item.cue.start, item.cue.end, "cue", None))
    return layers


@cache  # few combinations: labels x (quote, speaker, cue) x an outer label
def _merge(active: tuple[tuple[str, str | None], ...]) -> Style:
    labels = [v for k, v in active if k == "label"]
    label = labels[-1] if labels else None
    outer = next((v for v in labels[:-1] if v != label), labels[0] if len(labels) > 1 else None)
    kinds = {k for k, _ in active}
    return Style(label, "quote" in kinds, "speaker" in kinds, "cue" in kinds, outer)


def _segments(pieces: list[tuple[int, int, str, str | None, object]]) -> tuple[Segment, ...]:
    """Cut overlapping pieces into styled segments with one sweep (O(n log n), not O(n^2)); pieces that do not
    overlap (most blocks: entities side by side, as the spans come in) are their own segments, made in one pass
    that hands over to the sweep at the first piece that starts before the one before it ends."""
    out: list[Segment] = []
    end = 0
    for s, e, kind, value, _item in pieces:
        if s < end:
            return _cut(pieces)
        style = _merge(((kind, value),))
        if out and end == s and out[-1][2] is style:  # touching, in the same style: seldom
            out[-1] = (out[-1][0], out[-1][1] + e - s, style)
        else:
            out.append((s, e - s, style))
        end = e
    return tuple(out)


def _cut(pieces: list[tuple[int, int, str, str | None, object]]) -> tuple[Segment, ...]:
    """``_segments`` of pieces that are out of order or overlap."""
    # outer before inner, then by kind and label: the same segments whatever order the pieces came in
    ordered = sorted(pieces, key=lambda p: (p[0], -p[1], p[2], p[3] or ""))
    if all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:], strict=False)):
        return _segments(ordered)
    pieces = ordered
    points = sorted({p for s, e, *_ in pieces for p in (s, e)})
    by_start: dict[int, list[int]] = {}
    by_end: dict[int, list[int]] = {}
    for i, (s, e, *_rest) in enumerate(pieces):
        by_start.setdefault(s, []).append(i)
        by_end.setdefault(e, []).append(i)
    active: set[int] = set()
    out = []
    for a, b in zip(points, points[1:], strict=False):
        active.difference_update(by_end.get(a, ()))
        active.update(by_start.get(a, ()))
        if not active:
            continue
        style = _merge(tuple((pieces[i][2], pieces[i][3]) for i in sorted(active)))
        if out and out[-1][2] == style and out[-1][0] + out[-1][1] == a:
            out[-1] = (out[-1][0], out[-1][1] + b - a, style)
        else:
            out.append((a, b - a, style))
    return tuple(out)


class AnnotationIndex:
    """Spans and quotes cut into per-block pieces (Qt positions), merged into styled segments per block.

    ``update`` touches only the blocks of the annotations that were added or removed.
    """

    def __init__(self, document: QTextDocument, to_qt: Callable[[int], int],
                 identity: Callable[[], bool] = lambda: False) -> None:
        self.document, self.to_qt = document, to_qt
        self.identity = identity  # True when code points and Qt positions are the same (no astral characters)
        self._items: set[Span | Quote] | None = set()  # None: not made yet (see ``items``)
        self.pieces: dict[int, list[tuple[int, int, str, str | None, object]]] = {}
        self.segments: Index = {}

    @property
    def items(self) -> set[Span | Quote]:
        """The annotations in the index. Made when first asked (a diff against a full list of annotations: an
        edit that does not say what it changed) from the pieces, not at each rebuild: hashing the 50,000 spans
        of a 2 MB article took a tenth of opening it. An annotation with no piece (over nothing but line
        breaks) is not in it, and adding or removing it changes no block."""
        if self._items is None:
            self._items = {piece[4] for pieces in self.pieces.values() for piece in pieces}
        return self._items

    def _blocks_of(self, item: Span | Quote, add: bool) -> set[int]:
        touched = set()
        for start, end, kind, value in _layers(item):
            qs, qe = self.to_qt(start), self.to_qt(end)
            block = self.document.findBlock(qs)
            while block.isValid() and block.position() < qe:
                n, bpos = block.blockNumber(), block.position()
                a, b = max(qs, bpos) - bpos, min(qe, bpos + block.length() - 1) - bpos
                if a < b:
                    touched.add(n)
                    if add:
                        self.pieces.setdefault(n, []).append((a, b, kind, value, item))
                block = block.next()
        return touched

    def rebuild(self, spans: Sequence[Span], quotes: Sequence[Quote]) -> None:
        """The whole index in one pass: the block starts read once, each layer placed by bisection."""
        self._items, self.pieces = None, {}  # the items are known from the pieces when a diff needs them
        starts: list[int] = []
        block = self.document.begin()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        ends = [b - 1 for b in starts[1:]] + [self.document.characterCount() - 1]  # the separator is not text
        pieces = self.pieces
        to_qt = None if self.identity() else self.to_qt  # text without characters beyond the BMP: same offsets
        last = len(starts)

        def place(qs: int, qe: int, kind: str, value: str | None, item: Span | Quote) -> None:
            n = bisect_right(starts, qs) - 1
            if n >= 0 and qe <= ends[n]:  # the usual case: inside one block
                if qs < qe:
                    pieces.setdefault(n, []).append((qs - starts[n], qe - starts[n], kind, value, item))
                return
            while 0 <= n < last and starts[n] < qe:
                a, b = max(qs, starts[n]) - starts[n], min(qe, ends[n]) - starts[n]
                if a < b:
                    pieces.setdefault(n, []).append((a, b, kind, value, item))
                n += 1

        if to_qt is None:  # the spans (most of a document's annotations) placed inline, their one layer known
            for span in spans:
                qs, qe = span.start, span.end
                n = bisect_right(starts, qs) - 1
                if n >= 0 and qe <= ends[n]:
                    if qs < qe:
                        start = starts[n]
                        pieces.setdefault(n, []).append((qs - start, qe - start, "label", span.label, span))
                else:
                    place(qs, qe, "label", span.label, span)
        else:
            for span in spans:
                place(to_qt(span.start), to_qt(span.end), "label", span.label, span)
        qt = to_qt or int  # (int: the same offset)
        for quote in quotes:
            for start, end, kind, value in _layers(quote):
                place(qt(start), qt(end), kind, value, quote)
        self.segments = {n: _segments(p) for n, p in pieces.items()}

    def update(
        self,
        spans: Sequence[Span],
        quotes: Sequence[Quote],
        delta: tuple[Sequence[Span | Quote], Sequence[Span | Quote]] | None = None,
    ) -> set[int]:
        """Bring the index up to date; return the numbers of the blocks whose segments changed.

        ``delta`` = (removed, added), when the caller knows them, spares comparing every annotation.
        """
        if delta is None:
            new = set(spans) | set(quotes)
            removed, added = self.items - new, new - self.items
        else:  # in place: the cost of the change, not of the document
            gone, came = set(delta[0]), set(delta[1])
            removed, added = gone - came, came - gone
            new = self._items
            if new is not None:  # else the pieces (brought up to date below) say later what is here
                new.difference_update(removed)
                new.update(added)
        touched: set[int] = set()
        for item in removed:
            for n in self._blocks_of(item, add=False):
                touched.add(n)
                self.pieces[n] = [p for p in self.pieces.get(n, []) if p[4] != item]
        for item in added:
            touched |= self._blocks_of(item, add=True)
        self._items = new
        changed = set()
        for n in touched:
            segments = _segments(self.pieces.get(n, []))
            if not segments:
                self.pieces.pop(n, None)
            if segments != self.segments.get(n, ()):
                changed.add(n)
                if segments:
                    self.segments[n] = segments
                else:
                    self.segments.pop(n, None)
        return changed


class AnnotationHighlighter(QSyntaxHighlighter):
    """Formats each block from the index: label colours, shaded quotes, underlined speakers and cues."""

    def __init__(self, document: QTextDocument, codebook: Codebook) -> None:
        super().__init__(document)
        self.codebook = codebook
        self.index: Index = {}  # the segments of an AnnotationIndex
        self._formats: dict[Style, QTextCharFormat] = {}

    def format_for(self, style: Style) -> QTextCharFormat:
        fmt = self._formats.get(style)
        if fmt is None:
            colours = theme.current()
            fmt = QTextCharFormat()
            if style.quote:
                fmt.setBackground(QColor(colours.quote_bg))
                fmt.setForeground(QColor(colours.quote_fg))
                fmt.setFontItalic(True)
            if style.label is not None:
                fmt.setBackground(QColor(self.codebook.color(style.label)))
                fmt.setForeground(QColor(colours.span_fg))
            if style.speaker:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(colours.speaker_line))
                fmt.setFontWeight(QFont.Weight.Bold)
            elif style.cue:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(colours.cue_line))
            elif style.outer is not None:  # two spans overlap here: both stay visible
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor(self.codebook.color(style.outer)).darker(160))
            self._formats[style] = fmt
        return fmt

    def restyle(self) -> None:
        """The theme changed: formats are made again in its colours."""
        self._formats.clear()
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        formats, set_format = self._formats, self.setFormat
        for start, length, style in self.index.get(self.currentBlock().blockNumber(), ()):
            set_format(start, length, formats.get(style) or self.format_for(style))

    def attach(self, document: QTextDocument, index: Index) -> None:
        """Highlight every block of ``document`` from ``index`` now (the view detaches the highlighter while it
        sets a new text, so that Qt does not run it over every block of that text with no index first)."""
        self.index = index
        if self.document() is not document:
            self.setDocument(document)
        self.rehighlight()

    def refresh(self, index: Index, blocks: set[int] | None = None) -> None:
        """Use ``index``; re-highlight the given blocks, or all of them when ``blocks`` is None."""
        self.index = index
        document = self.document()
        if document is None:
            return
        if blocks is None or len(blocks) > document.blockCount() // 2:
            self.rehighlight()
            return
        for n in sorted(blocks):
            block = document.findBlockByNumber(n)
            if block.isValid():
                self.rehighlightBlock(block)
