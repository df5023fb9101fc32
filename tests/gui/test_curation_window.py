"""Curation in the window: the near-duplicate cluster as a column (sortable) and a filter, and the statistics
of `annotator stats` drawn as charts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.gui.panels.documents import COLUMNS


def test_cluster_column_sorts_copies_together_and_the_filter_keeps_them(qtbot, window, seeded):
    store = seeded.store
    store.set_clusters({seeded.plain: 7})  # as `annotator dupes` does
    window.docs_model.reload()  # what the window does when another program changed the file
    col = COLUMNS.index("Dup")
    values = [window.docs_proxy.data(window.docs_proxy.index(r, col)) for r in range(window.docs_proxy.rowCount())]
    assert "#7" in values and "" in values
    window.doc_list.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    assert window.docs_proxy.doc_id(0) == seeded.plain  # clustered first
    bar = window.queue_bar
    bar.status.setCurrentIndex(bar.status.findData("clustered"))
    assert [window.docs_proxy.doc_id(r) for r in range(window.docs_proxy.rowCount())] == [seeded.plain]
    assert bar.status.currentText() == "near-duplicates"


def test_statistics_window_draws_the_charts(qtbot, window, seeded):
    window.show_statistics()
    dialog = window.statistics
    qtbot.addWidget(dialog)
    assert not dialog.pixmap.isNull() and dialog.pixmap.height() > 200 and dialog.charts >= 3
    assert dialog.summary.text().startswith("2 documents") and dialog.summary.textFormat() == Qt.TextFormat.PlainText
    dialog.close()
