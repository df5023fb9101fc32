"""The models multiply through numpy's BLAS instead of blis (``annotator.nlp.blas``): same results, one thread."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
import spacy
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info, threadpool_limits

from annotator.nlp.blas import use_numpy_blas
from annotator.nlp.pipeline import DEFAULT_MODEL, load_pipeline

ROOT = Path(__file__).resolve().parents[2]


def _nodes(nlp):
    return [node for _n, c in nlp.components if getattr(c, "model", None) is not None for node in c.model.walk()]


def _blis(nlp) -> int:
    return sum(1 for node in _nodes(nlp) if type(node.ops) is NumpyOps and node.ops.use_blis)


def _view(doc) -> list[tuple]:
    return [(t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def _openblas_threads() -> list[int]:
    return [p["num_threads"] for p in threadpool_info() if p.get("internal_api") == "openblas"]


def test_the_default_pipeline_multiplies_without_blis_and_parses_as_spacy_does():
    import annotator.nlp.components  # noqa: F401  (registers annotator_line_breaks)

    stock = spacy.load(DEFAULT_MODEL)
    stock.add_pipe("annotator_line_breaks", before="parser")
    ours = load_pipeline(None)
    assert _blis(stock) > 100  # spaCy's pipeline as it ships multiplies with blis
    assert _blis(ours) == 0
    texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))]
    texts += ["Emoji 😀, x\u0301, \u05e9\u05dc\u05d5\u05dd.\r\n\r\n“No,” said Ana Rusu (D-Ore.) on Monday.", "", " "]
    for a, b in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
        assert _view(a) == _view(b), a.text[:60]
    assert set(_openblas_threads()) <= {1}  # one thread a process, as blis: workers are the parallelism


def _trained_tagger():
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("tagger")
    for tag in ("DET", "NOUN", "VERB"):
        tagger.add_label(tag)
    nlp.initialize()
    return nlp


def test_a_small_trained_component_keeps_its_weights_and_its_output():
    nlp = _trained_tagger()
    text = "The ministry said the border was closed."
    before = [t.tag_ for t in nlp(text)]
    weights = [p.copy() for node in _nodes(nlp) for name in node.param_names if node.has_param(name)
               for p in [node.get_param(name)]]
    with threadpool_limits(limits=2, user_api="blas"):
        changed = use_numpy_blas(nlp)
        assert changed == len(_nodes(nlp)) > 0
        assert _blis(nlp) == 0
        assert set(_openblas_threads()) <= {1}
    assert use_numpy_blas(nlp) == 0  # a second call finds nothing left to change
    assert [t.tag_ for t in nlp(text)] == before
    after = [node.get_param(name) for node in _nodes(nlp) for name in node.param_names if node.has_param(name)]
    assert len(after) == len(weights) and all((a == b).all() for a, b in zip(after, weights, strict=True))


@pytest.mark.parametrize("name", ["blank:en", "blank:de"])
def test_a_blank_pipeline_has_nothing_to_change(name):
    assert use_numpy_blas(load_pipeline(name)) == 0
