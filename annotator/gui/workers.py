"""Model loading and pre-annotation on a worker thread; results come back as signals to the GUI thread.

Workers never touch the Store (its sqlite connection belongs to the GUI thread): pre-annotation returns
Annotations, and the window merges them with the ``ApplyProposals`` command.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.domain import Annotations, PipelineInfo

DEFAULT_MODEL = ""  # load_pipeline("") loads the pipeline's default model


def load_model(name: str) -> tuple[Any, str, PipelineInfo]:
    """(pipeline, display name, provenance); spaCy is imported here, on the worker thread, nowhere else in gui."""
    from annotator.nlp import pipeline
    from annotator.nlp.provenance import pipeline_info

    nlp = pipeline.load_pipeline(name or None)
    return nlp, name or pipeline.DEFAULT_MODEL, pipeline_info(nlp)


def annotate_text(nlp: Any, text: str) -> Annotations:
    from annotator.nlp import pipeline

    return pipeline.annotate(nlp, text)


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the pool are queued to it."""

    finished = Signal(object, object)  # callback, result
    failed = Signal(object, str)  # callback, message


class _Task(QRunnable):
    def __init__(self, relay: _Relay, fn: Callable[[], Any], done: Callable, fail: Callable) -> None:
        super().__init__()
        self.relay, self.fn, self.done, self.fail = relay, fn, done, fail
        self.setAutoDelete(False)  # Python keeps it alive until its result is delivered

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # report every failure; the window keeps working
            if not isinstance(exc, (ImportError, OSError, RuntimeError, ValueError)):
                traceback.print_exc()
            self.relay.failed.emit(self, str(exc) or type(exc).__name__)
        else:
            self.relay.finished.emit(self, result)


class ModelWorker(QObject):
    """One background thread holding one spaCy pipeline: ``load`` it, then ``annotate`` texts with it."""

    loading = Signal(str)  # model name
    ready = Signal(str)  # model name
    load_failed = Signal(str)  # message
    annotated = Signal(int, object)  # doc id, Annotations
    annotate_failed = Signal(int, str)  # doc id, message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one pipeline, used by one thread at a time
        self.relay = _Relay(self)
        self.relay.finished.connect(self._finished)
        self.relay.failed.connect(self._failed)
        self.nlp: Any = None
        self.name = ""
        self.info: PipelineInfo | None = None
        self.busy = False
        self._tasks: set[_Task] = set()

    @property
    def is_ready(self) -> bool:
        return self.nlp is not None

    def _start(self, fn: Callable[[], Any], done: Callable, fail: Callable) -> None:
        task = _Task(self.relay, fn, done, fail)
        self._tasks.add(task)
        self.busy = True
        self.pool.start(task)

    def _finished(self, task: _Task, result: Any) -> None:
        self._tasks.discard(task)
        self.busy = bool(self._tasks)
        task.done(result)

    def _failed(self, task: _Task, message: str) -> None:
        self._tasks.discard(task)
        self.busy = bool(self._tasks)
        task.fail(message)

    def load(self, name: str) -> None:
        self.nlp, self.name = None, name
        self.loading.emit(name or "default model")
        self._start(lambda: load_model(name), self._loaded, self.load_failed.emit)

    def _loaded(self, result: tuple[Any, str, PipelineInfo]) -> None:
        self.nlp, self.name, self.info = result
        self.ready.emit(self.name)

    def annotate(self, doc_id: int, text: str) -> bool:
        """Start pre-annotating ``text``; False if no model is ready or a job is running."""
        if self.nlp is None or self.busy:
            return False
        nlp = self.nlp
        self._start(
            lambda: annotate_text(nlp, text),
            lambda result: self.annotated.emit(doc_id, result),
            lambda message: self.annotate_failed.emit(doc_id, message),
        )
        return True

    def shutdown(self) -> None:
        """Drop queued jobs and wait for the running one (call before the window goes away)."""
        self.pool.clear()
        self.pool.waitForDone()
