"""Shared fixtures: temporary stores and a small blank spaCy pipeline with an entity ruler."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

RULER_PATTERNS = [
    {"label": "PERSON", "pattern": "Alexander Lukashenko"},
    {"label": "PERSON", "pattern": "Lukashenko"},
    {"label": "PERSON", "pattern": "Vladimir Putin"},
    {"label": "PERSON", "pattern": "Putin"},
    {"label": "PERSON", "pattern": "Ana Rusu"},
    {"label": "PERSON", "pattern": "Rusu"},
    {"label": "GPE", "pattern": "Belarus"},
    {"label": "GPE", "pattern": "Russia"},
    {"label": "GPE", "pattern": "Ukraine"},
    {"label": "GPE", "pattern": "Minsk"},
    {"label": "ORG", "pattern": "Kremlin"},
]


@pytest.fixture
def store(tmp_path):
    from annotator.store import Store

    s = Store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def ruler_nlp():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(RULER_PATTERNS)
    return nlp


@pytest.fixture(scope="session")
def ruler_model_dir(tmp_path_factory, ruler_nlp):
    """The blank+ruler pipeline saved to disk, so the CLI can load it with --model PATH."""
    path = tmp_path_factory.mktemp("model") / "ruler_pipeline"
    ruler_nlp.to_disk(path)
    return path


def assert_offsets(record: dict) -> None:
    """The export contract: text[start:end] == its text for every span, quote, speaker and cue."""
    text = record["text"]
    assert isinstance(record["meta"].get("source"), str) and record["meta"]["source"]
    for span in record["spans"]:
        assert text[span["start"] : span["end"]] == span["text"], span
    for quote in record["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"], quote
        for key in ("speaker", "speaker_mention", "cue"):
            part = quote.get(key)
            if part is not None:
                assert text[part["start"] : part["end"]] == part["text"], (key, part)


@pytest.fixture(scope="session")
def nlp():
    """The real default pipeline, loaded once for the tests marked ``model``."""
    from annotator.nlp.pipeline import load_pipeline

    return load_pipeline()


def claims_of(nlp, text: str):
    """The claim suggestions pre-annotation makes for ``text``."""
    from annotator.nlp.pipeline import annotate

    return annotate(nlp, text).claims
