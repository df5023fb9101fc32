"""``annotator gui``'s launch window: the list and the text painted first, the full window built in it after."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from annotator.domain import Document
from annotator.gui import frame, launch
from annotator.gui.app import MainWindow
from annotator.store import Store

from .conftest import PLAIN_TEXT, UNICODE_TEXT, find
from .helpers import select_with_keys


def opened(qtbot, path: str, **kwargs) -> launch.LaunchWindow:
    win = launch.open_launch_window(path, None, **kwargs)
    assert win is not None
    qtbot.addWidget(win)
    return win


def test_the_text_is_painted_before_the_full_window_is_built_then_the_window_is_built_in_place(qtbot, seeded):
    seen = {}
    win = launch.open_launch_window(seeded.path, None)
    assert win is not None
    qtbot.addWidget(win)

    def painted():
        seen["main"] = win.main
        seen["text"] = win.text.toPlainText()
        seen["title"] = win.windowTitle()
        seen["titles"] = [win.titles.item(i).text() for i in range(win.titles.count())]

    win.first_painted.connect(painted)
    with qtbot.waitSignal(win.completed, timeout=10_000):
        pass
    assert seen["main"] is None  # nothing of the full window before the first paint
    # the first document, drawn as the full window draws it (Qt shows U+2028 as a line break in both)
    assert seen["text"] == win.main.view.toPlainText() and UNICODE_TEXT.startswith(seen["text"][:40])
    assert seen["title"] == "Unicode test — annotator — gui.db" == win.windowTitle()
    assert seen["titles"][0] == "Unicode test" and len(seen["titles"]) == 2
    assert isinstance(win.main, MainWindow) and not win.main.isWindow() and win.main.window() is win
    assert win.main.current_id == seeded.uni and win.main.view.text == UNICODE_TEXT
    assert win.isVisible() and win.main.isVisible()
    win.main.open_document(seeded.plain)
    assert win.windowTitle().startswith("The Kremlin said Putin")  # the title follows the full window's


def test_keys_reach_the_article_of_the_built_window_and_are_saved(qtbot, seeded):
    win = opened(qtbot, seeded.path)
    with qtbot.waitSignal(win.completed, timeout=10_000):
        pass
    view = win.main.view
    win.activateWindow()
    qtbot.waitUntil(view.hasFocus)
    select_with_keys(qtbot, view, *find(UNICODE_TEXT, "Vladimir"))
    qtbot.keyClick(view, "p")
    again = seeded.reopen()
    labels = {(s.start, s.end, s.label) for s in again.spans(seeded.uni)}
    again.close()
    assert (*find(UNICODE_TEXT, "Vladimir"), "PERSON") in labels


def test_the_document_last_opened_is_the_one_previewed(qtbot, seeded):
    QSettings("annotator", "annotator").setValue(frame.last_document_key(seeded.path), seeded.plain)
    seen = []
    win = opened(qtbot, seeded.path)
    win.first_painted.connect(lambda: seen.append(win.text.toPlainText()))
    with qtbot.waitSignal(win.completed, timeout=10_000):
        pass
    assert seen == [PLAIN_TEXT] == [win.main.view.toPlainText()] and win.main.current_id == seeded.plain


def test_a_last_document_that_is_gone_previews_the_first(qtbot, seeded):
    QSettings("annotator", "annotator").setValue(frame.last_document_key(seeded.path), "999")
    win = opened(qtbot, seeded.path)
    assert win.text.toPlainText() == UNICODE_TEXT.replace("\u2028", "\n")


def test_closing_the_launch_window_closes_the_full_window_and_saves_its_state(qtbot, seeded):
    win = opened(qtbot, seeded.path)
    with qtbot.waitSignal(win.completed, timeout=10_000):
        pass
    main = win.main
    main.note.setPlainText("typed just before closing")
    win.close()
    assert not main.isVisible()
    settings = QSettings("annotator", "annotator")
    assert settings.value(frame.GEOMETRY_KEY) == win.saveGeometry()  # the top-level window's, not the child's
    assert len(settings.value(frame.PANES_KEY)) == 3
    again = seeded.reopen()
    assert again.document(seeded.uni).note == "typed just before closing"
    again.close()


def test_quitting_the_full_window_closes_the_launch_window(qtbot, seeded):
    win = opened(qtbot, seeded.path)
    with qtbot.waitSignal(win.completed, timeout=10_000):
        pass
    win.main.quit_action.trigger()  # Ctrl+Q
    qtbot.waitUntil(lambda: not win.isVisible())


def test_closed_before_it_is_built_the_full_window_never_is(qtbot, seeded):
    win = opened(qtbot, seeded.path)
    win.close()
    qtbot.wait(launch.FALLBACK_MS // 10)
    win._build()  # a timer still pending when it closed
    assert win.main is None


def test_a_preview_never_painted_is_built_after_a_while(qtbot, seeded, monkeypatch):
    monkeypatch.setattr(launch, "FALLBACK_MS", 50)
    monkeypatch.setattr(launch._TextPreview, "paintEvent", lambda self, event: None)  # a window nobody sees
    win = opened(qtbot, seeded.path)
    with qtbot.waitSignal(win.completed, timeout=5_000):
        pass
    assert win.main is not None and win.main.current_id == seeded.uni


def test_titles_and_text_are_shown_as_characters_in_the_preview(qtbot, tmp_path):
    path = str(tmp_path / "<img src=x>hostile.db")
    store = Store(path)
    hostile = "<img src=\"file:///etc/passwd\"> <b>bold</b> &amp;"
    store.add_document(Document(hostile + "\r\nbody ‏עברית 😀", {"title": hostile}))
    store.close()
    win = opened(qtbot, path)
    assert win.titles.item(0).text() == hostile  # a list item is never rich text
    assert win.text.toPlainText() == hostile + "\nbody ‏עברית 😀"
    assert win.windowTitle() == f"{hostile} — annotator — <img src=x>hostile.db"


def test_an_empty_database_opens_with_the_import_hint(qtbot, tmp_path):
    path = str(tmp_path / "empty.db")
    Store(path).close()
    win = opened(qtbot, path)
    assert win.titles.count() == 0 and win.text.toPlainText() == ""
    with qtbot.waitSignal(win.completed, timeout=10_000):
        pass
    assert win.main.current_id is None and "annotator import" in win.main.view.placeholderText()


def test_a_forced_dark_theme_is_set_before_the_first_paint(qtbot, seeded):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before_style, before_palette = app.style().name(), app.palette()
    try:
        win = opened(qtbot, seeded.path, theme="dark")
        assert app.palette().color(QPalette.ColorRole.Base).lightness() < 64
        win.close()
    finally:
        app.setStyle(before_style)
        app.setPalette(before_palette)
        from annotator.gui import theme

        theme.apply(app, "light")


@pytest.mark.parametrize("problem", ["codebook", "damaged"])
def test_a_refused_codebook_or_database_opens_no_window(qtbot, tmp_path, monkeypatch, problem):
    from PySide6.QtWidgets import QApplication

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    path = tmp_path / "d.db"
    kwargs = {}
    if problem == "codebook":
        Store(path).close()
        bad = tmp_path / "bad.toml"
        bad.write_text("not toml [", encoding="utf-8")
        kwargs["codebook_path"] = str(bad)
    else:
        store = Store(path)
        for i in range(200):
            store.add_document(Document(f"Article {i} " * 200, {"source": f"{i}.txt"}))
        store.close()
        with path.open("r+b") as handle:
            handle.seek(path.stat().st_size // 2 // 4096 * 4096 + 8)
            handle.write(b"\xff" * 3000)
    assert launch.open_launch_window(str(path), None, **kwargs) is None
    assert shown and not [w for w in QApplication.topLevelWidgets() if isinstance(w, launch.LaunchWindow)
                          and w.isVisible()]


def test_the_first_paint_needs_neither_the_full_window_nor_the_qt_namespace(tmp_path):
    """What keeps the launch cheap: before the preview is painted, no module of the full window is imported
    and PySide6 has not made the ``Qt`` namespace's enum types (about a hundred)."""
    path = tmp_path / "l.db"
    store = Store(path)
    store.add_document(Document("Ana Rusu said so.", {"title": "One"}))
    store.close()
    probe = (
        "import sys, os\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from annotator.gui.launch import open_launch_window\n"
        "app = QApplication([])\n"
        "w = open_launch_window(sys.argv[1], None)\n"
        "def painted():\n"
        "    import PySide6.QtCore as core\n"
        "    heavy = sorted(m for m in sys.modules if m.startswith(('annotator.gui.app', 'annotator.gui.textview',"
        " 'annotator.gui.panels', 'annotator.commands', 'annotator.nlp')))\n"
        "    print('heavy', heavy, 'Qt' in vars(core), flush=True)\n"
        "    os._exit(0)\n"
        "w.first_painted.connect(painted)\n"
        "app.exec()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.stdout.strip() == "heavy [] False", done.stdout + done.stderr[-2000:]


def test_the_preview_follows_the_panes_of_the_last_full_window(qtbot, seeded):
    QSettings("annotator", "annotator").setValue(frame.PANES_KEY, [200, 700, 400])
    win = opened(qtbot, seeded.path)
    assert win._panes() == [200, 700, 400]
    QSettings("annotator", "annotator").setValue(frame.PANES_KEY, ["x", "y"])
    assert win._panes() == list(frame.MAIN_SIZES)  # a damaged value falls back to the defaults


def test_run_gui_returns_1_when_the_full_window_meets_a_damaged_page(qtbot, seeded, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)

    def damaged(*_args, **_kwargs):
        raise seeded.store.database_errors[0]("database disk image is malformed")

    monkeypatch.setattr(MainWindow, "__init__", damaged)
    assert launch.run_gui(seeded.path, model="no_such_model") == 1  # the message shown, the window closed
    assert len(shown) == 1


def test_spans_of_the_preview_document_are_not_touched(qtbot, seeded):
    before = {(s.start, s.end, s.label) for s in seeded.store.spans(seeded.uni)}
    win = opened(qtbot, seeded.path)
    with qtbot.waitSignal(win.completed, timeout=10_000):
        pass
    win.close()
    again = seeded.reopen()
    assert {(s.start, s.end, s.label) for s in again.spans(seeded.uni)} == before
    again.close()


def test_the_launch_window_asks_to_be_the_active_window(qtbot, seeded, monkeypatch):
    """Keyboard shortcuts (Ctrl+Enter, Ctrl+Z) act only in the active window; under a bare X server with no window
    manager nothing makes a new window active, so the launch window asks for it itself."""
    asked = []
    monkeypatch.setattr(launch.LaunchWindow, "activateWindow", lambda self: asked.append(self))
    win = opened(qtbot, seeded.path)
    assert asked == [win] and win.isVisible()


def test_keys_pressed_on_the_preview_are_acted_on_by_the_full_window(qtbot, seeded, monkeypatch):
    """Keys typed between the first paint and the full window (a tenth of a second, or an xdotool run that types
    as soon as the window is mapped) are not lost: a shortcut (Ctrl+Enter, mark done) and plain keys."""
    from PySide6.QtCore import Qt

    helped = []
    monkeypatch.setattr(MainWindow, "show_keys", lambda self: helped.append(self))  # (the real one is modal)
    win = launch.open_launch_window(seeded.path, None)
    assert win is not None
    qtbot.addWidget(win)
    typed = {}

    def painted():
        assert win.main is None
        typed["before"] = win.text.toPlainText()
        qtbot.keyClick(win.text, Qt.Key.Key_Right)
        qtbot.keyClick(win.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(win.text, Qt.Key.Key_F1)  # a function key (the keys help) is no modifier
        typed["pending"] = list(win.text.pending)
        typed["cursor"] = win.text.textCursor().position()  # the preview acts on none of them itself

    win.first_painted.connect(painted)
    with qtbot.waitSignal(win.completed, timeout=10_000):
        pass
    keys = [k for k, _m, _t in typed["pending"] if k != Qt.Key.Key_Control]  # (QTest presses Ctrl on its own too)
    assert keys == [Qt.Key.Key_Right, Qt.Key.Key_Return, Qt.Key.Key_F1]
    assert typed["cursor"] == 0 and typed["before"] and UNICODE_TEXT.startswith(typed["before"][:40])
    qtbot.waitUntil(lambda: win.main.store.status(seeded.uni) == "done", timeout=5_000)
    assert win.main.current_id == seeded.plain  # and went on to the next unfinished document
    qtbot.waitUntil(lambda: helped == [win.main], timeout=5_000)  # F1 reached the full window's key list
