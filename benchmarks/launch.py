"""Launch to a mapped window: our window on a small database, beside a bare PySide6 QMainWindow, each in a
fresh process, from the process start to the window shown and painted once (median of --runs).

Usage: python benchmarks/launch.py [--runs 7] [--platform offscreen]
Target (issue 14): ours ≤ 1.5x the bare window.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QPlainTextEdit("An article.")); w.resize(1360, 860); w.show()
QTimer.singleShot(0, lambda: (print("mapped", flush=True), app.quit()))
app.exec()
"""

OURS = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from annotator.codebook import load_codebook
from annotator.gui.app import MainWindow
from annotator.store import Store
w = MainWindow(Store(sys.argv[1]), load_codebook(), None); w.show()
QTimer.singleShot(0, lambda: (print("mapped", flush=True), app.quit()))
app.exec()
"""


def once(code: str, *args: str, env: dict) -> float:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)
    took = time.perf_counter() - start
    if "mapped" not in out.stdout:
        raise SystemExit(out.stderr[-2000:])
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--platform", default="offscreen")
    args = ap.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform}
    # `pip install .` byte-compiles the package (the wheel installer does); an editable checkout with
    # PYTHONDONTWRITEBYTECODE set (as here) would compile every module again at each launch instead
    import annotator

    compileall.compile_dir(os.path.dirname(annotator.__file__), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "launch.db")
        setup = ("import sys; from annotator.store import Store; from annotator.domain import Document;"
                 "s = Store(sys.argv[1]); [s.add_document(Document(f'Article {i}. Ana Rusu said so.')) for i in range(50)]")
        subprocess.run([sys.executable, "-c", setup, db], check=True)
        bare = statistics.median(once(BARE, env=env) for _ in range(args.runs))
        ours = statistics.median(once(OURS, db, env=env) for _ in range(args.runs))
    print(f"launch to a mapped window: ours {ours * 1000:.0f} ms, bare PySide6 {bare * 1000:.0f} ms, "
          f"{ours / bare:.2f}x (target ≤ 1.5x)")


if __name__ == "__main__":
    main()
