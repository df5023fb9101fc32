"""GUI fixtures: an offscreen Qt, a store on disk with two documents (one full of emoji, marks and RTL)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass  # noqa: E402

import pytest  # noqa: E402

from annotator.codebook import load_codebook  # noqa: E402
from annotator.domain import Document, Mention, Quote, Span  # noqa: E402
from annotator.store import Store  # noqa: E402

UNICODE_TEXT = (
    "Emoji 😀 first: Ana Rusu met Vladimir Putin in Minsk 👍🏽 today.\n"
    "\n"
    "Zoe\u0301 Smith said “we are ready 🙂 for talks” after the meeting.\n"
    "Arabic: قال محمد بن سلمان إن الوضع مستقر.\n"
    "Hebrew: שלום עולם\u2028second line of Ana Rusu."
)
PLAIN_TEXT = (
    "The Kremlin said Putin will travel to Belarus on Monday.\n\n"
    "“We must always proceed from the fact that we are a sovereign state,” Lukashenko said.\n\n"
    "Ana Rusu said «it is time» and left."
)


def find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Code point offsets of the nth occurrence of ``needle``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


@dataclass
class Seeded:
    path: str
    store: Store
    uni: int  # id of the unicode document
    plain: int

    def reopen(self) -> Store:
        """A fresh connection to the file, to prove an edit was saved."""
        return Store(self.path)


@pytest.fixture
def codebook():
    return load_codebook()


@pytest.fixture
def seeded(tmp_path):
    path = str(tmp_path / "gui.db")
    store = Store(path)
    uni, _ = store.add_document(Document(UNICODE_TEXT, {"source": "uni.txt", "title": "Unicode test"}))
    plain, _ = store.add_document(Document(PLAIN_TEXT, {"source": "plain.txt"}))
    for needle, label in [
        ("Ana Rusu", "PERSON"),
        ("Minsk", "GPE"),
        ("Zoe\u0301 Smith", "PERSON"),
        ("محمد بن سلمان", "PERSON"),
    ]:
        store.insert_span(Span(*find(UNICODE_TEXT, needle), label, doc_id=uni))
    store.insert_span(Span(*find(UNICODE_TEXT, "Vladimir Putin"), "UNKNOWN_LABEL", "model:x", doc_id=uni))
    q_start, q_end = find(UNICODE_TEXT, "we are ready 🙂 for talks")
    store.insert_quote(
        Quote(
            q_start,
            q_end,
            speaker=Mention(*find(UNICODE_TEXT, "Zoe\u0301 Smith")),
            cue=Mention(*find(UNICODE_TEXT, "said")),
            origin="rule:said",
            confidence=0.9,
            doc_id=uni,
        )
    )
    for needle, label in [("Kremlin", "ORG"), ("Putin", "PERSON"), ("Belarus", "GPE"), ("Lukashenko", "PERSON")]:
        store.insert_span(Span(*find(PLAIN_TEXT, needle), label, doc_id=plain))
    store.insert_quote(
        Quote(*find(PLAIN_TEXT, "We must always proceed from the fact that we are a sovereign state,"), doc_id=plain)
    )
    yield Seeded(path, store, uni, plain)
    store.close()


@pytest.fixture
def window(qtbot, seeded, codebook):
    """The main window on the seeded store, no model, showing the unicode document with the view focused."""
    from annotator.gui.app import MainWindow

    win = MainWindow(seeded.store, codebook, None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.view.setFocus()
    qtbot.waitUntil(lambda: win.view.hasFocus())
    yield win
    win.close()


@pytest.fixture
def model_tester(qtbot):
    """``check(model)`` attaches a QAbstractItemModelTester for the rest of the test; any FAIL fails the test."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtTest import QAbstractItemModelTester

    failures: list[str] = []
    testers = []

    def handler(mode, context, message):
        if "FAIL!" in message:
            failures.append(message)

    previous = qInstallMessageHandler(handler)

    def check(model):
        testers.append(QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning))
        assert not failures, failures

    check.failures = failures
    yield check
    qInstallMessageHandler(previous)
    testers.clear()
    assert not failures, failures


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path_factory):
    """The window's QSettings (last document, analyst, …) go to a temporary folder, never the user's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    QSettings("annotator", "annotator").clear()
    yield
