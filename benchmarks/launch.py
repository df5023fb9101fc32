"""Launch to a mapped window: our window on a small database, beside a bare PySide6 QMainWindow, each in a
fresh process, from the process start to the window shown and painted once (median of --runs), in wall
time and in the child's CPU time.

Usage: python benchmarks/launch.py [--runs 7] [--platform offscreen] [--instructions]
Target (issue 14): ours ≤ 1.5x the bare window.

``--instructions`` also counts the instructions each launch executes, under valgrind's callgrind (one run of
each, some 20 s): unlike time, the count does not move when other work shares the cores, so it compares two
versions of the code on a busy machine (it counts Qt's and Python's work alike, not waiting on the disk).
Both scripts end the process with ``os._exit`` once the window has painted, so exiting is not counted.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import os, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QPlainTextEdit("An article.")); w.resize(1360, 860); w.show()
QTimer.singleShot(0, lambda: (print("mapped", time.process_time(), flush=True), os._exit(0)))
app.exec()
"""

# in the order `annotator gui` takes: the codebook, the window's modules, then the QApplication (run_gui)
OURS = """
import os, sys, time
from annotator.codebook import load_codebook
from annotator.gui.app import MainWindow
from annotator.store import Store
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
w = MainWindow(Store(sys.argv[1]), load_codebook(), None); w.show()
QTimer.singleShot(0, lambda: (print("mapped", time.process_time(), flush=True), os._exit(0)))
app.exec()
"""


def once(code: str, *args: str, env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process from its start to the window mapped and painted (the
    line it prints then, with its CPU time so far; what it does to exit afterwards is not counted). The CPU time
    is the figure that holds when other work shares the cores."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
    assert child.stdout is not None
    line = child.stdout.readline()
    took = time.perf_counter() - start
    _, err = child.communicate()
    if not line.startswith("mapped"):
        raise SystemExit(err[-2000:])
    return took, float(line.split()[1])


def instructions(code: str, *args: str, env: dict) -> int | None:
    """Instructions one launch executes to the painted window (callgrind's total); None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                           "-c", code, *args], capture_output=True, text=True, env=env)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if "mapped" not in done.stdout or found is None:
        raise SystemExit(done.stderr[-2000:])
    return int(found.group(1))


def median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--platform", default="offscreen")
    ap.add_argument("--instructions", action="store_true", help="also count instructions under valgrind")
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
        bare_runs, our_runs = [], []
        for _ in range(args.runs):  # interleaved, so that a busy spell weighs on both alike
            bare_runs.append(once(BARE, env=env))
            our_runs.append(once(OURS, db, env=env))
        (bare, bare_cpu), (ours, ours_cpu) = median(bare_runs), median(our_runs)
        counts = (instructions(BARE, env=env), instructions(OURS, db, env=env)) if args.instructions else None
    print(f"launch to a mapped window: ours {ours * 1000:.0f} ms, bare PySide6 {bare * 1000:.0f} ms, "
          f"{ours / bare:.2f}x (target ≤ 1.5x); CPU ours {ours_cpu * 1000:.0f} ms, bare {bare_cpu * 1000:.0f} ms, "
          f"{ours_cpu / bare_cpu:.2f}x")
    if counts is not None:
        bare_ir, ours_ir = counts
        if bare_ir is None or ours_ir is None:
            print("instructions: valgrind is not installed")
        else:
            print(f"instructions to a mapped window: ours {ours_ir / 1e6:.0f} M, bare PySide6 {bare_ir / 1e6:.0f} M, "
                  f"{ours_ir / bare_ir:.2f}x")

if __name__ == "__main__":
    main()
