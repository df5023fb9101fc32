"""Pre-annotation on several cores: worker processes that each load the pipeline once and return Annotations.

The caller stays the one writer: results come back in input order, a bounded number of chunks in flight, so
memory stays flat however many texts. Workers are started with ``spawn`` (no copy of a parent that holds Qt or
an open database). A pipeline given as a loaded ``Language`` is saved to a temporary folder for the workers.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from annotator.domain import Annotations

CHUNK = 8  # texts per task: fewer round trips, and still a steady flow of results
_NLP: Any = None  # the pipeline of this worker process


def _load(model: str | None) -> None:
    global _NLP
    from annotator.nlp.pipeline import load_pipeline

    _NLP = load_pipeline(model)


def _annotate_chunk(texts: list[str]) -> list[Annotations]:
    from annotator.nlp.pipeline import annotate_many

    return list(annotate_many(_NLP, texts))


def model_source(model: Any, folder: str) -> str | None:
    """What a worker loads: the name or path given, or a loaded pipeline saved under ``folder``."""
    if model is None or isinstance(model, str):
        return model
    path = f"{folder}/pipeline"
    model.to_disk(path)
    return path


def annotate_parallel(model: Any, texts: Iterable[str], workers: int, chunk: int = CHUNK) -> Iterator[Annotations]:
    """Annotations for ``texts`` in order, computed by ``workers`` processes (each loads ``model`` once)."""
    with tempfile.TemporaryDirectory(prefix="annotator-model-") as folder:
        source = model_source(model, folder)
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_load,
                                 initargs=(source,)) as pool:
            it = iter(texts)
            pending: deque[Future] = deque()

            def submit() -> bool:
                part = list(islice(it, chunk))
                if part:
                    pending.append(pool.submit(_annotate_chunk, part))
                return bool(part)

            for _ in range(2 * workers):
                if not submit():
                    break
            while pending:
                done = pending.popleft().result()
                submit()
                yield from done
