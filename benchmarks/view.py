"""How fast the article view opens a long article and shows one change (the lag analysts feel).

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/view.py [--words 15000] [--spans 2400] [--para 60]
Builds a store with one article of N words in paragraphs of --para words, 2,400 entity spans and a
quote every 400 words, opens it in the real MainWindow, relabels one span through the undo stack,
and prints the best of several runs. Reference figures from DEVELOPERS.md: a bare QPlainTextEdit
takes ~13 ms to open and ~3 ms per change; Label Studio 4.1 s and 0.8 s.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.codebook import load_codebook  # noqa: E402
from annotator.commands import UpdateSpan  # noqa: E402
from annotator.domain import Document, Mention, Quote, Span  # noqa: E402
from annotator.gui.app import MainWindow  # noqa: E402
from annotator.store import Store  # noqa: E402

WORDS = ["Putin", "Belarus", "said", "the", "and", "Minsk", "😀", "war", "Lukashenko", "cafe\u0301", "قال"]
LABEL_STUDIO = (4.1, 0.8)


def build(store: Store, words: int, spans: int, para: int) -> int:
    rng = random.Random(7)
    ws = [rng.choice(WORDS) for _ in range(words)]
    text = "\n\n".join(" ".join(ws[i : i + para]) for i in range(0, len(ws), para))
    doc_id, _ = store.add_document(Document(text, {"source": "long.txt"}))
    tokens = list(re.finditer(r"\S+", text))
    rows = [Span(tokens[k].start(), tokens[k].end(), rng.choice(["PERSON", "GPE", "ORG"]), "model:bench")
            for k in sorted(rng.sample(range(len(tokens)), spans))]
    quotes = [Quote(tokens[k].start(), tokens[k + 10].end(), speaker=Mention(tokens[k + 12].start(), tokens[k + 12].end()),
                    origin="rule:bench") for k in range(0, len(tokens) - 20, 400)]
    with store.action("bench", undoable=False):
        store.insert_spans(doc_id, rows)
        store.insert_quotes(doc_id, quotes)
    return doc_id


def best(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        QApplication.processEvents()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=15_000)
    ap.add_argument("--spans", type=int, default=2_400)
    ap.add_argument("--para", type=int, default=60, help="words per paragraph (Qt lays out a whole block again)")
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(os.path.join(tmp, "bench.db"))
        doc_id = build(store, args.words, args.spans, args.para)
        win = MainWindow(store, load_codebook(), None)
        win.resize(1400, 900)
        win.show()
        app.processEvents()
        opening = best(5, lambda: win.open_document(doc_id))
        span_id = win.view.spans[len(win.view.spans) // 2].id
        labels = iter(["PERSON", "ORG", "GPE"] * 100)
        change = best(9, lambda: win.session.run(UpdateSpan(span_id, label=next(labels))))
        block = win.view.document().findBlock(win.view.map.to_qt(win.view.spans[len(win.view.spans) // 2].start))
        rehighlight = best(9, lambda: win.view.highlighter.rehighlightBlock(block))
        win.close()
        store.close()
    print(f"article: {args.words:,} words in paragraphs of {args.para}, {args.spans:,} spans")
    print(f"open article:           {opening * 1000:7.1f} ms   (Label Studio {LABEL_STUDIO[0]:.1f} s: {LABEL_STUDIO[0] / opening:,.0f}x faster)")
    print(f"one relabel, saved+shown: {change * 1000:5.1f} ms   (Label Studio {LABEL_STUDIO[1]:.1f} s: {LABEL_STUDIO[1] / change:,.0f}x faster)")
    print(f"re-highlight one block:  {rehighlight * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
