"""Document > Statistics: the counts of ``annotator stats`` as the same bar charts, in a window (matplotlib
draws a PNG, loaded only when asked for)."""

from __future__ import annotations

import io
from typing import Any

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from annotator.gui.plain import label


def summary_line(counts: dict[str, Any]) -> str:
    n_docs, n_words = counts["documents"]
    quotes, with_speaker = counts["quotes"]
    n_clusters, in_clusters = counts["clusters"]
    claims = sum(n for _, _, n in counts["claims"])
    return (f"{n_docs} documents, {n_words:,} words · {quotes} quotes ({with_speaker} with a speaker) · {claims} "
            f"claims · {n_clusters} near-duplicate clusters ({in_clusters} documents)")


class StatisticsDialog(QDialog):
    def __init__(self, counts: dict[str, Any], parent: QWidget | None = None) -> None:
        from annotator.curation.plot import charts, plot

        super().__init__(parent)
        self.setWindowTitle("Statistics")
        png = io.BytesIO()
        self.charts = plot(charts(counts), png)
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(png.getvalue(), "PNG")
        picture = QLabel()
        picture.setPixmap(self.pixmap)
        scroll = QScrollArea()
        scroll.setWidget(picture)
        scroll.setWidgetResizable(False)
        self.summary = label(summary_line(counts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(min(self.pixmap.width() + 40, 900), min(self.pixmap.height() + 90, 800))
