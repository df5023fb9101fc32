"""Pre-annotation on several cores: worker processes that each hold the pipeline once and return Annotations.

The caller stays the one writer: results come back in input order, a bounded number of chunks in flight, so
memory stays flat however many texts. Where it is safe (a platform with ``fork``, no Qt application and no
other Python thread in this process) the pipeline is loaded here once and the workers are forked with it: they
start at once, with no interpreter, imports or pipeline load of their own (about a second each, on two cores a
fifteenth of a 300-article run). Otherwise, as in the window, workers are started with ``spawn`` (no copy of a
parent that holds Qt): a pipeline given as a loaded ``Language`` is then saved to a temporary folder for them,
one given by name is loaded by the workers only, and ``on_info`` hears from them which pipeline it is.
"""

from __future__ import annotations

import multiprocessing
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from annotator.domain import Annotations, PipelineInfo

CHUNK = 8  # texts per task: fewer round trips, and still a steady flow of results
AHEAD = 4  # tasks in flight per worker: results are taken in order, so a slow task must not leave the others idle
_NLP: Any = None  # the pipeline of this worker process (set before forking, or by _load in a spawned worker)
_ERROR: Exception | None = None  # why it could not be loaded (raised again by each task, with its own message)


def start_method() -> str:
    """``fork`` where a forked worker is safe (nothing but the main thread, no Qt application), else ``spawn``."""
    running = sum(t.is_alive() for t in threading.enumerate())  # (a thread that has just stopped may be listed)
    if "fork" not in multiprocessing.get_all_start_methods() or running > 1:
        return "spawn"
    qt = sys.modules.get("PySide6.QtCore")
    if qt is not None and qt.QCoreApplication.instance() is not None:
        return "spawn"
    return "fork"


def _load(model: str | None) -> None:
    global _NLP, _ERROR
    from annotator.nlp.pipeline import load_pipeline

    try:
        _NLP = load_pipeline(model)
    except Exception as exc:  # a failed initializer breaks the pool with no message: tell it with each task
        _ERROR = exc


def _info() -> PipelineInfo:
    from annotator.nlp.provenance import pipeline_info

    if _ERROR is not None:
        raise _ERROR
    return pipeline_info(_NLP)


def _annotate_chunk(texts: list[str]) -> list[Annotations]:
    from annotator.nlp.pipeline import annotate_many

    if _ERROR is not None:
        raise _ERROR
    return list(annotate_many(_NLP, texts))


def model_source(model: Any, folder: str) -> str | None:
    """What a spawned worker loads: the name or path given, the name a pipeline was loaded by (``load_pipeline``
    swaps in compiled twins that ``to_disk`` does not keep), or another loaded pipeline saved under ``folder``."""
    from annotator.nlp.pipeline import LOADED_FROM

    if model is None or isinstance(model, str):
        return model
    if model in LOADED_FROM:
        return LOADED_FROM[model]
    path = f"{folder}/pipeline"
    model.to_disk(path)
    return path


def annotate_parallel(model: Any, texts: Iterable[str], workers: int, chunk: int = CHUNK,
                      on_info: Callable[[PipelineInfo], None] | None = None,
                      start: str | None = None) -> Iterator[Annotations]:
    """Annotations for ``texts`` in order, computed by ``workers`` processes. ``model`` is a name, a path or a
    loaded ``Language``; ``start`` is the start method (None: ``start_method()``). ``on_info`` is given the
    pipeline's name and version before the first result."""
    global _NLP, _ERROR
    start = start or start_method()
    with tempfile.TemporaryDirectory(prefix="annotator-model-") as folder:
        if start == "fork":
            from annotator.nlp.pipeline import load_pipeline
            from annotator.nlp.provenance import pipeline_info

            nlp = model if hasattr(model, "pipe") else load_pipeline(model)  # a bad name fails here, by name
            if on_info is not None:
                on_info(pipeline_info(nlp))
                on_info = None
            _NLP, _ERROR = nlp, None  # what the forked workers find
            options: dict[str, Any] = {}
        else:
            options = {"initializer": _load, "initargs": (model_source(model, folder),)}
        context = multiprocessing.get_context(start)
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context, **options) as pool:
                yield from _in_order(pool, iter(texts), workers, chunk, on_info)
        finally:
            if start == "fork":
                _NLP = None  # this process does not keep the pipeline alive for the workers' sake


def _in_order(pool: ProcessPoolExecutor, it: Iterator[str], workers: int, chunk: int,
              on_info: Callable[[PipelineInfo], None] | None) -> Iterator[Annotations]:
    pending: deque[Future] = deque()
    info = pool.submit(_info) if on_info is not None else None

    def submit() -> bool:
        part = list(islice(it, chunk))
        if part:
            pending.append(pool.submit(_annotate_chunk, part))
        return bool(part)

    for _ in range(AHEAD * workers):
        if not submit():
            break
    while pending:
        done = pending.popleft().result()
        if info is not None:
            on_info(info.result())  # type: ignore[misc]
            info = None
        submit()
        yield from done
