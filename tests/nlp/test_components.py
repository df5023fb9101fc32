"""The quote finder as spaCy components: registered by entry point, staged, results on the Doc."""

from __future__ import annotations

import subprocess
import sys

import spacy

import annotator.nlp.components as components
from annotator.nlp.quotes import find_quotes

TEXT = 'Ana Rusu arrived late.\n\n"We will not yield," she said. "Never."'


def test_add_pipe_by_name_works_without_importing_annotator():
    # spaCy finds the factory through the entry point; the script never imports annotator itself
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('annotator_quotes')\n"
        f"doc = nlp({TEXT!r})\n"
        "print([(s._.chars, s._.kind) for s in doc.spans['quotes']])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[((25, 43), 'quote'), ((56, 62), 'quote')]"


def test_the_component_leaves_results_on_spans_that_read_back_as_find_quotes():
    nlp = spacy.blank("en")
    nlp.add_pipe("annotator_quotes")
    doc = nlp(TEXT)
    spans = list(doc.spans["quotes"])
    assert [s._.speaker.text for s in spans] == ["Ana Rusu", "Ana Rusu"]
    assert [s._.speaker_mention.text for s in spans] == ["she", "she"]
    assert "annotator.quotes" not in doc.user_data  # the working state is gone
    assert find_quotes(doc) == find_quotes(spacy.blank("en")(TEXT))


def test_each_stage_writes_what_the_next_reads():
    doc = spacy.blank("en")(TEXT)
    components.quote_marks(doc)
    assert [s._.chars for s in doc.spans["quotes"]] == [(25, 43), (56, 62)]
    components.cues(doc)
    assert [s.text for s in doc.spans["quote_cues"]] == ["said"]
    components.candidates(doc)
    art = doc.user_data[components.STATE]["article"]
    assert [doc[m.start : m.end].text for m in art.mentions.items] == ["Ana Rusu"]
    components.attribution(doc)
    assert all(r is not None and r.speaker is not None for r in art.results)
    components.quote_kinds(doc)
    assert [s._.kind for s in doc.spans["quotes"]] == ["quote", "quote"]
    assert "quote_cues" not in doc.spans


def test_the_mention_table_is_built_once_and_not_changed_by_lookups():
    doc = spacy.blank("en")("Ana Rusu and Tom Brandt met.\n\n“Yes,” she said.\n\n“No,” she said.")
    components.quote_marks(doc)
    components.cues(doc)
    components.candidates(doc)
    art = doc.user_data[components.STATE]["article"]
    before = ([(m.start, m.end, m.label, m.key) for m in art.mentions.items], dict(art.mentions.votes))
    components.attribution(doc)
    after = ([(m.start, m.end, m.label, m.key) for m in art.mentions.items], dict(art.mentions.votes))
    assert before == after


def test_find_quotes_leaves_the_callers_doc_as_it_was():
    doc = spacy.blank("en")(TEXT)
    assert find_quotes(doc) and not doc.spans and "annotator.quotes" not in doc.user_data
