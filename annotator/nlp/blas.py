"""The pipeline's matrix products through numpy's BLAS (OpenBLAS) instead of blis: the same model, the same
arithmetic, in about a quarter less time.

thinc's CPU backend (``NumpyOps``) multiplies matrices with blis unless it is made with ``use_blis=False``, when
it hands them to numpy, whose wheels ship OpenBLAS with kernels chosen for the machine at run time. On this
project's machine (2 cores, AVX-512) OpenBLAS takes a third to a half of blis's time for the shapes of a small
English pipeline's tok2vec, tagger and NER layers (``benchmarks/preannotate.py`` prints the effect on a run). The
parser's own transition loop keeps its compiled blis calls.

OpenBLAS would use every core for each product; blis uses one. Threads per product would compete with the
worker processes of ``--workers``, so the BLAS is held to one thread (threadpoolctl) while a pipeline loaded
here runs: one process per core is how pre-annotation scales.
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import NumpyOps

_OPS = NumpyOps(use_blis=False)


def use_numpy_blas(nlp: Language) -> int:
    """Give each model node of ``nlp``'s components that multiplies with blis on the CPU thinc's numpy-backed
    ``NumpyOps`` instead; returns how many nodes were changed (0: nothing to change, e.g. a GPU or blank
    pipeline). The weights are not touched."""
    changed = 0
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = _OPS
                changed += 1
    if changed:
        one_blas_thread()
    return changed


def one_blas_thread() -> None:
    """Hold the process's BLAS (numpy's OpenBLAS) to one thread, as blis is; where the BLAS cannot be told
    (an unusual build), the pipeline runs as it is rather than not at all."""
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    except Exception:  # noqa: BLE001 - only a thread count: never a reason to refuse the pipeline
        pass
