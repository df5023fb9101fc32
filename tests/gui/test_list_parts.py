"""A big list is read in parts after the first paint: the rows arrive, the filter applies to each part, the
document the analyst left is reopened even when it is past the first part, and the item models stay sound."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from annotator.domain import Document
from annotator.gui.panels import documents
from annotator.store import Store


def test_rows_arrive_in_parts_filtered_and_the_last_document_reopens(qtbot, tmp_path, codebook, monkeypatch,
                                                                      model_tester):
    from annotator.gui.app import MainWindow

    monkeypatch.setattr(documents, "FIRST_PART", 4)
    monkeypatch.setattr(documents, "PART", 5)
    store = Store(tmp_path / "parts.db")
    with store.action("setup", undoable=False):
        ids = [store.add_document(Document(f"{'Harbour' if i % 3 == 0 else 'Valley'} story {i}."))[0]
               for i in range(23)]
    win = MainWindow(store, codebook, None)
    qtbot.addWidget(win)
    model_tester(win.docs_proxy)
    assert win.docs_model.rowCount() == 4 and not win.docs_model.loaded
    win.queue_bar.text.setText("harbour")  # while the rest is still coming
    qtbot.waitUntil(lambda: win.docs_model.loaded, timeout=5000)
    assert win.docs_model.rowCount() == 23
    shown = [win.docs_proxy.doc_id(r) for r in range(win.docs_proxy.rowCount())]
    assert shown == [i for n, i in enumerate(ids) if n % 3 == 0]
    win.open_document(ids[20])
    win.close()
    store.close()
    # the next window starts on document 21, which is in the third part
    store = Store(tmp_path / "parts.db")
    again = MainWindow(store, codebook, None)
    qtbot.addWidget(again)
    assert again.current_id == ids[20]
    qtbot.waitUntil(lambda: again.docs_model.loaded, timeout=5000)
    assert again.docs_proxy.doc_id(again.doc_list.currentIndex().row()) == ids[20]
    again.close()
    store.close()
    QSettings("annotator", "annotator").clear()


def test_the_lists_first_paint_starts_the_rest(qtbot, tmp_path, codebook, monkeypatch):
    """Shown, the window reads the rest of a big list once the list has painted, not after the latest-start
    timer (here an hour)."""
    from annotator.gui.app import MainWindow

    monkeypatch.setattr(documents, "FIRST_PART", 4)
    monkeypatch.setattr(documents, "PART", 5)
    monkeypatch.setattr(documents, "LATEST_START_MS", 3_600_000)
    store = Store(tmp_path / "painted.db")
    with store.action("setup", undoable=False):
        for i in range(12):
            store.add_document(Document(f"Story {i}."))
    win = MainWindow(store, codebook, None)
    qtbot.addWidget(win)
    assert not win.docs_model.loaded
    qtbot.wait(200)
    assert not win.docs_model.loaded  # hidden: no paint, nothing read yet
    win.show()
    qtbot.waitUntil(lambda: win.docs_model.loaded, timeout=5000)
    assert win.docs_model.rowCount() == 12
    win.close()
    store.close()
    QSettings("annotator", "annotator").clear()
