"""Pre-annotation on several cores: worker processes that each load the pipeline once and return Annotations.

The caller stays the one writer: results come back in input order, a bounded number of chunks in flight, so
memory stays flat however many texts. Workers are started with ``spawn`` (no copy of a parent that holds Qt or
an open database). A pipeline given as a loaded ``Language`` is saved to a temporary folder for the workers;
one given by name is loaded by the workers only, and ``on_info`` hears from them which pipeline it is.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from annotator.domain import Annotations, PipelineInfo

CHUNK = 8  # texts per task: fewer round trips, and still a steady flow of results
AHEAD = 4  # tasks in flight per worker: results are taken in order, so a slow task must not leave the others idle
_NLP: Any = None  # the pipeline of this worker process
_ERROR: Exception | None = None  # why it could not be loaded (raised again by each task, with its own message)


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
    """What a worker loads: the name or path given, or a loaded pipeline saved under ``folder``."""
    if model is None or isinstance(model, str):
        return model
    path = f"{folder}/pipeline"
    model.to_disk(path)
    return path


def annotate_parallel(model: Any, texts: Iterable[str], workers: int, chunk: int = CHUNK,
                      on_info: Callable[[PipelineInfo], None] | None = None) -> Iterator[Annotations]:
    """Annotations for ``texts`` in order, computed by ``workers`` processes (each loads ``model`` once).
    ``on_info`` is given the pipeline's name and version, as a worker loaded it, before the first result."""
    with tempfile.TemporaryDirectory(prefix="annotator-model-") as folder:
        source = model_source(model, folder)
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_load,
                                 initargs=(source,)) as pool:
            it = iter(texts)
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
