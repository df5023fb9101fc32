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


def test_after_a_rebuild_edits_with_and_without_a_delta_give_the_index_of_the_new_annotations(qtbot):
    """The rebuild leaves the set of annotations to be made from its pieces when a full diff first needs it:
    removals and additions after it, said or found by comparison, must land as on a fresh rebuild."""
    rng = random.Random(11)
    document = QTextDocument()
    document.setPlainText(TEXT)
    omap = offset_map(TEXT)
    for _ in range(20):
        spans = [Span(a, min(len(TEXT), a + rng.randint(1, 30)), rng.choice(["PERSON", "GPE"]), id=k)
                 for k, a in enumerate(rng.randrange(len(TEXT) - 1) for _ in range(20))]
        index = AnnotationIndex(document, omap.to_qt)
        index.rebuild(spans, [])
        kept, gone = spans[:12], spans[12:16]
        came = [s.with_(label="ORG", id=100 + s.id) for s in spans[16:]]
        now = [*kept, *spans[16:], *came]
        if rng.random() < 0.5:  # the edit says what changed, then a full comparison follows
            index.update(now, [], (gone, came))
            index.update(now[:-1], [])
            now = now[:-1]
        else:
            index.update(now, [])
        fresh = AnnotationIndex(document, omap.to_qt)
        fresh.rebuild(now, [])
        assert index.segments == fresh.segments
        assert index.items == set(now)
