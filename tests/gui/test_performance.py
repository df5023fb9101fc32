"""A long article (15k words, 2,400 spans) opens whole, and one edit re-highlights only its own block.

Timings live in benchmarks/view.py; the one bound here is generous: it catches a freeze, not a slowdown.
"""

from __future__ import annotations

import random
import re
import time

import pytest

from annotator.commands import UpdateSpan
from annotator.domain import Document, Mention, Quote, Span
from annotator.gui.app import MainWindow

WORDS = ["Putin", "Belarus", "said", "the", "and", "Minsk", "😀", "war", "Lukashenko", "cafe\u0301", "قال"]


@pytest.fixture
def long_doc(seeded):
    rng = random.Random(7)
    words = [rng.choice(WORDS) for _ in range(15_000)]
    text = "\n\n".join(" ".join(words[i : i + 60]) for i in range(0, len(words), 60))
    doc_id, _ = seeded.store.add_document(Document(text, {"source": "long.txt"}))
    tokens = list(re.finditer(r"\S+", text))
    for k in sorted(rng.sample(range(len(tokens)), 2_400)):
        seeded.store.insert_span(
            Span(tokens[k].start(), tokens[k].end(), rng.choice(["PERSON", "GPE", "ORG"]), doc_id=doc_id)
        )
    for k in range(0, len(tokens) - 20, 400):
        seeded.store.insert_quote(
            Quote(
                tokens[k].start(),
                tokens[k + 10].end(),
                speaker=Mention(tokens[k + 12].start(), tokens[k + 12].end()),
                doc_id=doc_id,
            )
        )
    return doc_id


def test_open_and_single_change(qtbot, seeded, codebook, long_doc):
    win = MainWindow(seeded.store, codebook, None)
    qtbot.addWidget(win)
    win.show()
    win.open_document(long_doc)
    assert len(win.view.spans) == 2_400

    span = win.view.spans[1_200]
    redone = []
    labels = iter(["PERSON", "ORG", "GPE", "PERSON", "ORG", "GPE"])

    def relabel():
        label = next(labels)
        if label == win.view.spans[1_200].label:
            label = next(labels)
        win.session.run(UpdateSpan(span.id, label=label))

    original = win.view.set_annotations
    win.view.set_annotations = lambda s, q, delta=None: redone.append(original(s, q, delta)) or redone[-1]
    for _ in range(3):
        relabel()
    assert redone == [1, 1, 1]  # only the block holding the span was re-highlighted each time
    assert seeded.reopen().span(span.id).label == win.view.spans[1_200].label
    win.close()


def test_overlapping_pieces_cut_into_segments_in_order():
    from annotator.gui.highlight import _segments

    pieces = [(0, 10, "quote", None, 1), (2, 5, "label", "PERSON", 2), (4, 8, "label", "GPE", 3), (6, 7, "speaker", None, 4)]
    got = [(a, n, st.label, st.quote, st.speaker, st.outer) for a, n, st in _segments(pieces)]
    assert got == [
        (0, 2, None, True, False, None),
        (2, 2, "PERSON", True, False, None),
        (4, 1, "GPE", True, False, "PERSON"),  # where the two spans overlap, both are marked
        (5, 1, "GPE", True, False, None),
        (6, 1, "GPE", True, True, None),
        (7, 1, "GPE", True, False, None),
        (8, 2, None, True, False, None),
    ]


def test_a_300000_character_line_without_spaces_opens_without_freezing(qtbot, seeded, codebook):
    """Qt's default wrap is quadratic in a run with no word boundary: 6-11 s for this line, now ~0.3 s."""
    from PySide6.QtGui import QTextOption
    from PySide6.QtWidgets import QApplication

    line = "abcdefghij" * 30_000  # letters only: no break opportunity in 300,000 characters
    text = "Headline " + "😀 " * 1_000 + f"\n\n{line}\n\nThe end, said Ana Rusu."
    doc_id, _ = seeded.store.add_document(Document(text, {"source": "line.txt"}))
    win = MainWindow(seeded.store, codebook, None)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    QApplication.processEvents()
    started = time.perf_counter()
    win.open_document(doc_id)
    QApplication.processEvents()
    assert time.perf_counter() - started < 3.0
    assert win.view.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    start = text.index("Ana Rusu")  # after 1,000 emoji and the line: code points still map to Qt exactly
    win.view.select_cp(start, start + 8)
    assert win.view.selection_cp() == (start, start + 8)
    assert win.view.textCursor().selectedText() == "Ana Rusu"
    win.open_document(seeded.plain)  # an ordinary article wraps at word boundaries again
    assert win.view.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    win.close()


def test_the_garbage_collector_is_paused_while_a_document_opens_and_then_as_it_was():
    import gc

    from annotator.gui.app import gc_paused

    seen = []
    with gc_paused():
        seen.append(gc.isenabled())
    assert seen == [False] and gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("open failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # one that was off stays off
    finally:
        gc.enable()
