"""Hostile text is shown as characters: no tooltip, label or dialog of the window ever loads a resource.

Qt shows a tooltip (and an auto-format QLabel or QMessageBox) as rich text when ``Qt.mightBeRichText`` says
so; an ``<img src="file:///etc/passwd">`` in it is then read from disk, ``file:///dev/zero`` grows the process
until it dies. The spy below is a QTextDocument that records every resource it is asked for, fed each text
the way QToolTip's label is: ``setHtml`` when the text might be rich, then laid out.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from annotator.codebook import parse_codebook
from annotator.domain import Document, Mention, Quote, Span
from annotator.gui.app import MainWindow, run_gui
from annotator.gui.plain import TOOLTIP_LIMIT, tooltip

from .conftest import find

pytestmark = pytest.mark.usefixtures("qapp")  # laying out a QTextDocument needs the application's fonts

IMG = '<img src="file:///etc/passwd">'
TITLE = IMG + ' <img src="file:///dev/zero" width=99999999 height=99999999>'
SOURCE = '<img src="file:///tmp/fifo">&amp;.txt'
QUOTE = '<b>bold</b> <img src="q.png"> &lt; not markup'
TEXT = f"{TITLE}\n\n<i>Ana Rusu</i> said “{QUOTE}” to <a href='x'>reporters</a>.\n"
DESCRIPTION = '<img src="file:///etc/shadow"> people, <b>named</b>'
CODEBOOK = f'[[entity]]\nlabel = "PERSON"\nkey = "p"\ncolor = "#f4a261"\ndescription = \'{DESCRIPTION}\'\n'


class SpyDocument(QTextDocument):
    """Records every resource (image, stylesheet) the text asks for; never returns one."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def loadResource(self, kind: int, url):  # noqa: N802 - Qt override
        self.requested.append(url.toString())
        return None


def shown_as(text: str) -> tuple[list[str], str]:
    """(resources requested, the characters shown) for ``text`` shown as QToolTip / an auto-format label shows it."""
    doc = SpyDocument()
    if QtGui.mightBeRichText(text):
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    doc.setTextWidth(400)
    doc.size()  # lay it out: images are fetched here
    return doc.requested, doc.toRawText().replace("\u2029", "\n")


def assert_plain(shown: str, original: str) -> None:
    requested, visible = shown_as(shown)
    assert requested == [], f"{original!r} made Qt load {requested}"
    assert visible == original


def test_the_spy_catches_what_qt_would_load():
    requested, _ = shown_as(IMG)
    assert requested == ["file:///etc/passwd"]


@pytest.mark.parametrize("text", [IMG, TITLE, QUOTE, DESCRIPTION, "a  b\n\tc\u2028d\u00a0e ", "x < y & z > w", "plain"])
def test_tooltip_shows_exactly_the_characters(text):
    assert_plain(tooltip(text), text)


def test_a_huge_tooltip_is_cut():
    requested, visible = shown_as(tooltip("x" * 300_000))
    assert requested == [] and len(visible) == TOOLTIP_LIMIT and visible.endswith("…")


@pytest.fixture
def hostile(qtbot, tmp_path):
    from annotator.store import Store

    store = Store(tmp_path / "<img src=x>hostile.db")
    doc_id, _ = store.add_document(Document(TEXT, {"source": SOURCE}))
    speaker = Mention(*find(TEXT, "Ana Rusu"))
    store.insert_span(Span(*find(TEXT, "Ana Rusu"), "PERSON", "model:<img src=m>", doc_id=doc_id))
    store.insert_quote(Quote(*find(TEXT, QUOTE), speaker=speaker, origin="rule:<b>r</b>", doc_id=doc_id))
    codebook = parse_codebook(CODEBOOK, "<img src=cb>.toml")
    win = MainWindow(store, codebook, None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    store.close()


def test_every_tooltip_of_the_window_is_plain(hostile):
    win = hostile
    tip = Qt.ItemDataRole.ToolTipRole
    row_tip = f"{TITLE}\n{SOURCE}\n{len(TEXT.split())} words · 1 spans · 1 quotes"
    assert_plain(win.docs_model.data(win.docs_model.index(0, 0), tip), row_tip)
    quote_tip = f"Ana Rusu: “{QUOTE}”\nrule:<b>r</b>, 1.00"
    for column in (0, 1):
        assert_plain(win.quotes_model.data(win.quotes_model.index(0, column), tip), quote_tip)
    assert_plain(win.legend.model().data(win.legend.model().index(0, 1), tip), DESCRIPTION)
    span_tip = f"PERSON (suggested, model:<img src=m>, {win.store.analyst}) — {DESCRIPTION}"
    assert win.view.tooltip_at(find(TEXT, "Ana Rusu")[0]) == span_tip
    assert_plain(tooltip(span_tip), span_tip)
    quote_at = win.view.tooltip_at(find(TEXT, "bold")[0])
    assert quote_at == "quote by Ana Rusu (suggested, rule:<b>r</b>, 1.00)"
    assert_plain(tooltip(quote_at), quote_at)
    win._model_failed('cannot load <img src="file:///etc/passwd">')
    assert_plain(win.model_label.toolTip(), 'cannot load <img src="file:///etc/passwd">')


def _hover(widget, point) -> str:
    """Send the tooltip event a resting mouse sends; return what QToolTip shows."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    QToolTip.hideText()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, point, widget.mapToGlobal(point)))
    return QToolTip.text()


def test_hovering_each_panel_and_the_article_loads_nothing(hostile):
    """The real hover path: what QToolTip is given by each view, fed to the spy."""
    from .helpers import point_of

    win = hostile
    row = win.doc_list.visualRect(win.docs_model.index(0, 0)).center()
    shown = _hover(win.doc_list.viewport(), row)
    assert shown_as(shown) == ([], f"{TITLE}\n{SOURCE}\n{len(TEXT.split())} words · 1 spans · 1 quotes")
    shown = _hover(win.quote_list.viewport(), win.quote_list.visualRect(win.quotes_model.index(0, 1)).center())
    assert shown_as(shown) == ([], f"Ana Rusu: “{QUOTE}”\nrule:<b>r</b>, 1.00")
    shown = _hover(win.legend.viewport(), win.legend.visualRect(win.legend.model().index(0, 1)).center())
    assert shown_as(shown) == ([], DESCRIPTION)
    shown = _hover(win.view.viewport(), point_of(win.view, find(TEXT, "bold")[0]))
    assert shown_as(shown) == ([], "quote by Ana Rusu (suggested, rule:<b>r</b>, 1.00)")
    shown = _hover(win.view.viewport(), point_of(win.view, find(TEXT, "Rusu")[0]))
    assert shown_as(shown) == ([], f"PERSON (suggested, model:<img src=m>, {hostile.store.analyst}) — {DESCRIPTION}")


def test_labels_and_dialogs_are_plain_text(hostile, monkeypatch, tmp_path):
    win = hostile
    labels = win.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert win.windowTitle() == f"{TITLE} — annotator — <img src=x>hostile.db"  # a window title is never rich text
    win.show_error(f"cannot open {IMG}")  # the status bar draws its message as plain text
    assert win.statusBar().currentMessage() == f"⚠ cannot open {IMG}"
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append((box.textFormat(), box.text())) or 0)
    win.show_keys()
    bad = tmp_path / "<img src=x>.toml"
    bad.write_text("not toml [", encoding="utf-8")
    assert run_gui(str(tmp_path / "ok.db"), codebook_path=str(bad)) == 1
    assert [fmt for fmt, _ in boxes] == [Qt.TextFormat.PlainText] * 2
    assert str(bad) in boxes[1][1]
