"""Descriptions that name no one the text names are speakers of their own, on hand-built parses (tests/nlp/parses.py)."""

from __future__ import annotations

from annotator.nlp.quotes import find_quotes
from tests.nlp.parses import parse

_SPOKE = [  # Carrisk Ansley spoke .
    ("Carrisk", 1, "compound", "PROPN", "NNP", "Carrisk"),
    ("Ansley", 2, "nsubj", "PROPN", "NNP", "Ansley"),
    ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def _speakers(doc) -> list[str | None]:
    return [q.speaker.text_in(doc.text) if q.speaker else None for q in find_quotes(doc)]


def _then(rows: list[tuple]) -> list[tuple]:
    """``rows`` (heads counted from their own first token) after the sentence about Carrisk Ansley."""
    k = len(_SPOKE)
    return _SPOKE + [(w, h + k, d, p, t, lem) for w, h, d, p, t, lem in rows]


def test_a_he_after_an_organisations_officer_who_said_something_of_a_thing_is_that_officer():
    # ... The ministry 's officer said the mast had broken . " We tried , " he said .
    doc = parse(
        _then(
            [
                ("The", 1, "det", "DET", "DT", "the"),
                ("ministry", 3, "poss", "NOUN", "NN", "ministry"),
                ("'s", 1, "case", "PART", "POS", "'s"),
                ("officer", 4, "nsubj", "NOUN", "NN", "officer"),
                ("said", 4, "ROOT", "VERB", "VBD", "say"),
                ("the", 6, "det", "DET", "DT", "the"),
                ("mast", 8, "nsubj", "NOUN", "NN", "mast"),
                ("had", 8, "aux", "AUX", "VBD", "have"),
                ("broken", 4, "ccomp", "VERB", "VBN", "break"),
                (".", 4, "punct", "PUNCT", ".", "."),
                ('"', 12, "punct", "PUNCT", "``", '"'),
                ("We", 12, "nsubj", "PRON", "PRP", "we"),
                ("tried", 16, "ccomp", "VERB", "VBD", "try"),
                (",", 16, "punct", "PUNCT", ",", ","),
                ('"', 16, "punct", "PUNCT", "''", '"'),
                ("he", 16, "nsubj", "PRON", "PRP", "he"),
                ("said", 16, "ROOT", "VERB", "VBD", "say"),
                (".", 16, "punct", "PUNCT", ".", "."),
            ]
        ),
        ents=[(0, 2, "PERSON")],
    )
    (speaker,) = _speakers(doc)
    assert speaker is not None and speaker.startswith("The ministry") and speaker.endswith("officer")


def test_an_organisations_officer_speaking_is_not_the_person_named_just_before():
    # ... " It is unsafe , " the ministry 's inspector said .
    doc = parse(
        _then(
            [
                ('"', 2, "punct", "PUNCT", "``", '"'),
                ("It", 2, "nsubj", "PRON", "PRP", "it"),
                ("is", 10, "ccomp", "AUX", "VBZ", "be"),
                ("unsafe", 2, "acomp", "ADJ", "JJ", "unsafe"),
                (",", 10, "punct", "PUNCT", ",", ","),
                ('"', 10, "punct", "PUNCT", "''", '"'),
                ("the", 7, "det", "DET", "DT", "the"),
                ("ministry", 9, "poss", "NOUN", "NN", "ministry"),
                ("'s", 7, "case", "PART", "POS", "'s"),
                ("inspector", 10, "nsubj", "NOUN", "NN", "inspector"),
                ("said", 10, "ROOT", "VERB", "VBD", "say"),
                (".", 10, "punct", "PUNCT", ".", "."),
            ]
        ),
        ents=[(0, 2, "PERSON")],
    )
    assert _speakers(doc) != ["Carrisk Ansley"]


def test_a_she_after_a_source_named_in_apposition_is_the_name():
    # Another commuter , Tilsa Dunvey , said the trains had improved . " It is better , " she said .
    doc = parse(
        [
            ("Another", 1, "det", "DET", "DT", "another"),
            ("commuter", 6, "nsubj", "NOUN", "NN", "commuter"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("Tilsa", 4, "compound", "PROPN", "NNP", "Tilsa"),
            ("Dunvey", 1, "appos", "PROPN", "NNP", "Dunvey"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("said", 6, "ROOT", "VERB", "VBD", "say"),
            ("the", 8, "det", "DET", "DT", "the"),
            ("trains", 10, "nsubj", "NOUN", "NNS", "train"),
            ("had", 10, "aux", "AUX", "VBD", "have"),
            ("improved", 6, "ccomp", "VERB", "VBN", "improve"),
            (".", 6, "punct", "PUNCT", ".", "."),
            ('"', 14, "punct", "PUNCT", "``", '"'),
            ("It", 14, "nsubj", "PRON", "PRP", "it"),
            ("is", 19, "ccomp", "AUX", "VBZ", "be"),
            ("better", 14, "acomp", "ADJ", "JJR", "better"),
            (",", 19, "punct", "PUNCT", ",", ","),
            ('"', 19, "punct", "PUNCT", "''", '"'),
            ("she", 19, "nsubj", "PRON", "PRP", "she"),
            ("said", 19, "ROOT", "VERB", "VBD", "say"),
            (".", 19, "punct", "PUNCT", ".", "."),
        ],
        ents=[(3, 5, "PERSON")],
    )
    assert _speakers(doc) == ["Tilsa Dunvey"]
