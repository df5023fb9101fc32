"""The highlight index built in one pass equals the one built annotation by annotation, on text with emoji,
combining marks, right-to-left script, a line separator and overlapping spans and quotes."""

from __future__ import annotations

import random

from PySide6.QtGui import QTextDocument

from annotator.domain import Mention, Quote, Span
from annotator.gui.highlight import AnnotationIndex
from annotator.gui.textview import offset_map

TEXT = ("Emoji 😀 first: Ana Rusu met Vladimir Putin 👍🏽 today.\n\nZoe\u0301 Smith said “we are ready 🙂 for talks”.\n"
        "Arabic: قال محمد بن سلمان إن الوضع مستقر.\u2028second line of Ana Rusu.\n\nThe end")


def test_one_pass_rebuild_equals_incremental_update(qtbot):
    rng = random.Random(3)
    document = QTextDocument()
    document.setPlainText(TEXT)
    omap = offset_map(TEXT)
    for _ in range(30):
        spans = []
        for _ in range(rng.randint(1, 25)):
            a = rng.randrange(len(TEXT) - 1)
            spans.append(Span(a, min(len(TEXT), a + rng.randint(1, 40)), rng.choice(["PERSON", "GPE"]), id=len(spans)))
        quotes = []
        for _ in range(rng.randint(0, 4)):
            a = rng.randrange(len(TEXT) - 20)
            quotes.append(Quote(a, a + rng.randint(5, 60) if a + 60 < len(TEXT) else len(TEXT),
                                speaker=Mention(a, a + 3), cue=Mention(a + 4, a + 6), id=len(quotes)))
        one = AnnotationIndex(document, omap.to_qt)
        one.rebuild(spans, quotes)
        stepwise = AnnotationIndex(document, omap.to_qt)
        stepwise.update([], [], ([], [*spans, *quotes]))
        assert one.segments == stepwise.segments
