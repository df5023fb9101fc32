"""Launch to a mapped window: our window on a small database, beside a bare PySide6 QMainWindow, each in a
fresh process, from the process start to the article's text painted once (median of --runs), in wall time and
in the child's CPU time; for ours also to the full window built and shown (highlights, panels, menus, keys).

Usage: python benchmarks/launch.py [--runs 7] [--platform offscreen] [--instructions]
Target (issue 14): ours ≤ 1.5x the bare window.

``annotator gui`` maps its window with the document list's titles and the article's text (annotator/gui/launch.py)
and builds the full window in it one turn of the event loop after that first paint; both figures are printed.
Each script goes the way ``annotator gui`` goes (ours: ``open_launch_window``, as ``run_gui`` calls it) and
stops at the first paint of its text widget (the bare window's QPlainTextEdit, our preview's), and ours once
more when the full window is shown.

``--instructions`` also counts the instructions each launch executes, under valgrind's callgrind (one run of
each, some 20 s): unlike time, the count does not move when other work shares the cores, so it compares two
versions of the code on a busy machine (it counts Qt's and Python's work alike, not waiting on the disk).
Each script ends the process with ``os._exit`` at the point measured, so exiting is not counted.
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
import os, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
class Text(QPlainTextEdit):
    told = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.told:
            self.told = True
            print("mapped", time.process_time(), flush=True)
            os._exit(0)
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(Text("An article.")); w.resize(1360, 860); w.show()
app.exec()
"""

# as `annotator gui` goes (run_gui): the QApplication, then the launch window (codebook, store, preview)
OURS = """
import os, sys, time
from annotator.gui.launch import open_launch_window
from PySide6.QtWidgets import QApplication
app = QApplication([])
w = open_launch_window(sys.argv[1], None)
def painted():
    print("mapped", time.process_time(), flush=True)
    if sys.argv[2] == "paint":
        os._exit(0)
def complete():
    print("complete", time.process_time(), flush=True)
    os._exit(0)
w.first_painted.connect(painted)
w.completed.connect(complete)
app.exec()
"""


def once(code: str, *args: str, env: dict) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds) of one fresh process from its start to each line it prints ("mapped", and for
    ours "complete"), with its CPU time so far; what it does to exit afterwards is not counted. The CPU time is
    the figure that holds when other work shares the cores."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
    assert child.stdout is not None
    marks = []
    for line in child.stdout:
        marks.append((time.perf_counter() - start, float(line.split()[1])))
    _, err = child.communicate()
    if not marks:
        raise SystemExit(err[-2000:])
    return marks


def instructions(code: str, *args: str, env: dict) -> int | None:
    """Instructions one launch executes to the point its script stops (callgrind's total); None without valgrind."""
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
        bare_runs, paint_runs, full_runs = [], [], []
        for _ in range(args.runs):  # interleaved, so that a busy spell weighs on both alike
            bare_runs.append(once(BARE, env=env)[0])
            marks = once(OURS, db, "complete", env=env)
            paint_runs.append(marks[0])
            full_runs.append(marks[-1])
        (bare, bare_cpu), (ours, ours_cpu), (full, full_cpu) = median(bare_runs), median(paint_runs), median(full_runs)
        counts = None
        if args.instructions:
            counts = (instructions(BARE, env=env), instructions(OURS, db, "paint", env=env),
                      instructions(OURS, db, "complete", env=env))
    print(f"launch to a mapped window (the article's text painted): ours {ours * 1000:.0f} ms, bare PySide6 "
          f"{bare * 1000:.0f} ms, {ours / bare:.2f}x (target ≤ 1.5x); CPU ours {ours_cpu * 1000:.0f} ms, "
          f"bare {bare_cpu * 1000:.0f} ms, {ours_cpu / bare_cpu:.2f}x")
    print(f"to the full window built in it (highlights, panels, menus, keys): {full * 1000:.0f} ms, "
          f"{full / bare:.2f}x; CPU {full_cpu * 1000:.0f} ms, {full_cpu / bare_cpu:.2f}x")
    if counts is not None:
        bare_ir, ours_ir, full_ir = counts
        if bare_ir is None or ours_ir is None or full_ir is None:
            print("instructions: valgrind is not installed")
        else:
            print(f"instructions to a mapped window: ours {ours_ir / 1e6:.0f} M, bare PySide6 {bare_ir / 1e6:.0f} M, "
                  f"{ours_ir / bare_ir:.2f}x; to the full window {full_ir / 1e6:.0f} M, {full_ir / bare_ir:.2f}x")


if __name__ == "__main__":
    main()
