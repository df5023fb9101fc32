"""Long work from the File menu (import, export) runs as the command line in a separate process (QProcess):
the window stays responsive, the work is the same code as `annotator import` / `annotator export`, and a
crash there cannot take the window's unsaved nothing with it. Progress and the result go to the status bar."""

from __future__ import annotations

import re
import sys

from PySide6.QtCore import QObject, Signal

from annotator.terminal import printable

PROGRESS = re.compile(r"^progress: (.*) (\d+)/(\d+)$")  # what the command line prints for us (cli.PROGRESS_LINES_ENV)


class CommandJob(QObject):
    """One ``python -m annotator ARGS`` run; ``done(ok, last_line)`` when it ends, ``fraction(label, done,
    total)`` as its long part goes on (a progress bar), ``progress(line)`` for the other lines."""

    done = Signal(bool, str)
    progress = Signal(str)
    fraction = Signal(str, int, int)

    def __init__(self, args: list[str], parent: QObject | None = None) -> None:
        from PySide6.QtCore import QProcess  # here: PySide6 makes a Qt class when first named (the launch)

        super().__init__(parent)
        self.args = args
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self.process.readyReadStandardError.connect(self._read)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._failed)
        self._lines: list[str] = []

    def start(self) -> None:
        from PySide6.QtCore import QProcessEnvironment

        env = QProcessEnvironment.systemEnvironment()
        env.insert("COLUMNS", "160")
        env.insert("TERM", "dumb")  # plain lines, no live progress bar redraws
        env.insert("ANNOTATOR_PROGRESS_LINES", "1")
        self.process.setProcessEnvironment(env)
        self.process.start(sys.executable, ["-m", "annotator", *self.args])

    def _read(self) -> None:
        data = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace")
        for line in data.replace("\r", "\n").splitlines():
            line = printable(line.strip())
            step = PROGRESS.match(line)
            if step:
                self.fraction.emit(step.group(1), int(step.group(2)), int(step.group(3)))
            elif line:
                self._lines.append(line)
                self.progress.emit(line)

    def _finished(self, code: int, _status) -> None:
        self._read()
        last = self._lines[-1] if self._lines else f"exit code {code}"
        if code != 0:  # name the first problem, not only the summary
            problem = next((ln for ln in self._lines if ln.startswith(("skipped", "error:", "warning:"))), None)
            if problem and problem != last:
                last = f"{problem} · {last}"
        self.done.emit(code == 0, last)

    def _failed(self, _error) -> None:
        if self.process.state() == self.process.ProcessState.NotRunning and not self._lines:
            self.done.emit(False, f"could not start: {self.process.errorString()}")
