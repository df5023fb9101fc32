"""Quote, term or title: what a quoted stretch is (blank pipeline and hand-built parses)."""

from __future__ import annotations

import pytest
import spacy

from annotator.nlp.quotes import find_quotes
from tests.nlp.parses import parse


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def kinds(doc):
    return [(q.text_in(doc.text), q.kind) for q in find_quotes(doc)]


def test_titled_work_is_a_title_without_speaker(blank):
    doc = blank('The show, titled "Dust and Iron," follows a sheriff.')
    (q,) = find_quotes(doc)
    assert (q.text_in(doc.text), q.kind, q.speaker) == ("Dust and Iron,", "title", None)


def test_possessive_before_a_title_case_stretch_is_a_title(blank):
    doc = blank('Appearing on Channel 6\'s "Morning Roundup," Ferrante said she was sorry.')
    assert kinds(doc) == [("Morning Roundup,", "title")]


def test_short_title_case_speech_is_not_a_title(blank):
    doc = blank('"That\'s all I\'ll say," Quist said.')
    assert kinds(doc) == [("That's all I'll say,", "quote")]


def test_one_word_no_cue_governs_is_a_term():
    # The so-called " silo tours " began .
    doc = parse(
        [
            ("The", 5, "det", "DET", "DT", "the"),
            ("so-called", 5, "amod", "ADJ", "JJ", "so-called"),
            ('"', 5, "punct", "PUNCT", "``", '"'),
            ("silo", 4, "compound", "NOUN", "NN", "silo"),
            ('"', 5, "punct", "PUNCT", "''", '"'),
            ("tours", 6, "nsubj", "NOUN", "NNS", "tour"),
            ("began", 6, "ROOT", "VERB", "VBD", "begin"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
        spaces=[True, True, False, False, True, True, False, False],
    )
    assert kinds(doc) == [("silo", "term")]


def test_a_fragment_a_cue_governs_is_a_quote():
    # Ferro called it " overdue " .
    doc = parse(
        [
            ("Ferro", 1, "nsubj", "PROPN", "NNP", "Ferro"),
            ("called", 1, "ROOT", "VERB", "VBD", "call"),
            ("it", 1, "dobj", "PRON", "PRP", "it"),
            ('"', 4, "punct", "PUNCT", "``", '"'),
            ("overdue", 1, "oprd", "ADJ", "JJ", "overdue"),
            ('"', 4, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.text_in(doc.text), q.kind, q.speaker.text_in(doc.text)) == ("overdue", "quote", "Ferro")


def test_headline_fragment_echoing_a_governed_body_quote_is_a_quote(blank):
    text = "Mayor hails 'historic' deal\n\nThe mayor, Ilse Varga, said the deal was \"historic.\""
    assert [k for _, k in kinds(blank(text))] == ["quote", "quote"]


def test_a_spoken_word_with_its_punctuation_is_a_quote(blank):
    text = 'Asked about his plans, Okonkwo laughed.\n\n"Sleep," he said.'
    assert kinds(blank(text)) == [("Sleep,", "quote")]


def test_title_case_headline_fragment_takes_the_body_speaker_by_echo():
    import spacy as _spacy

    nlp = _spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Ilse Varga"}])
    text = "'A Dark Day': Lawmakers React to Plant Closure\n\nIlse Varga said it was \"a dark day for the valley.\""
    doc = nlp(text)
    assert [(q.kind, q.speaker.text_in(text) if q.speaker else None) for q in find_quotes(doc)] == [
        ("quote", "Ilse Varga"),
        ("quote", "Ilse Varga"),
    ]


def test_the_daily_is_the_newspaper_named_before():
    import spacy as _spacy

    nlp = _spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": "ORG", "pattern": "The Ostrava Ledger"}, {"label": "PERSON", "pattern": "Ivo Lenk"}]
    )
    text = 'The Ostrava Ledger turned on Ivo Lenk.\n\n"Time to go," the daily wrote.'
    (q,) = find_quotes(nlp(text))
    assert (q.speaker.text_in(text), q.speaker_mention.text_in(text)) == ("The Ostrava Ledger", "the daily")
