"""Which name names a description: one set off beside it in apposition ("The porters' union, the Tarnhollow Port
Workers, said so" makes a later "the union" that name), never one behind a preposition ("A spokeswoman for the
Guild of Tarnhollow" is no one named Tarnhollow, however the tagger labelled it); on hand-built parses."""

from __future__ import annotations

from tests.nlp.parses import parse
from tests.nlp.test_rules import attributed


def _joined(*blocks: list[tuple]) -> list[tuple]:
    out: list[tuple] = []
    for rows in blocks:
        k = len(out)
        out += [(w, h + k, d, p, t, lem) for w, h, d, p, t, lem in rows]
    return out


def _quote(subject: list[tuple]) -> list[tuple]:
    """ " We refuse , " <subject> said ."""
    n = len(subject)
    rows = [
        ('"', 2, "punct", "PUNCT", "``", '"'),
        ("We", 2, "nsubj", "PRON", "PRP", "we"),
        ("refuse", 5 + n, "ccomp", "VERB", "VBP", "refuse"),
        (",", 5 + n, "punct", "PUNCT", ",", ","),
        ('"', 5 + n, "punct", "PUNCT", "''", '"'),
    ]
    rows += [(w, h + 5, d, p, t, lem) for w, h, d, p, t, lem in subject]
    return rows + [("said", 5 + n, "ROOT", "VERB", "VBD", "say"), (".", 5 + n, "punct", "PUNCT", ".", ".")]


_UNION = [  # The local union , the Tarnhollow Port Workers , said so .
    ("The", 2, "det", "DET", "DT", "the"),
    ("local", 2, "amod", "ADJ", "JJ", "local"),
    ("union", 9, "nsubj", "NOUN", "NN", "union"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("the", 7, "det", "DET", "DT", "the"),
    ("Tarnhollow", 7, "compound", "PROPN", "NNP", "Tarnhollow"),
    ("Port", 7, "compound", "PROPN", "NNP", "Port"),
    ("Workers", 2, "appos", "PROPN", "NNPS", "Workers"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("said", 9, "ROOT", "VERB", "VBD", "say"),
    ("so", 9, "advmod", "ADV", "RB", "so"),
    (".", 9, "punct", "PUNCT", ".", "."),
]


def test_a_bare_description_is_the_name_set_off_beside_its_earlier_mention():
    the_union = [("the", 1, "det", "DET", "DT", "the"), ("union", 2, "nsubj", "NOUN", "NN", "union")]
    doc = parse(_joined(_UNION, _quote(the_union)), ents=[(5, 8, "ORG")])
    assert doc.text.startswith("The local union, the Tarnhollow Port Workers, said so.")
    ((_, speaker),) = attributed(doc)
    assert speaker is not None and speaker.endswith("Tarnhollow Port Workers")


def test_a_name_behind_a_preposition_does_not_name_the_description_a_she_after_it_refers_to():
    spoke = [  # Carrisk Ansley spoke .
        ("Carrisk", 1, "compound", "PROPN", "NNP", "Carrisk"),
        ("Ansley", 2, "nsubj", "PROPN", "NNP", "Ansley"),
        ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    spokeswoman = [  # A spokeswoman for the Guild of Tarnhollow confirmed it .
        ("A", 1, "det", "DET", "DT", "a"),
        ("spokeswoman", 7, "nsubj", "NOUN", "NN", "spokeswoman"),
        ("for", 1, "prep", "ADP", "IN", "for"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("Guild", 2, "pobj", "PROPN", "NNP", "Guild"),
        ("of", 4, "prep", "ADP", "IN", "of"),
        ("Tarnhollow", 5, "pobj", "PROPN", "NNP", "Tarnhollow"),
        ("confirmed", 7, "ROOT", "VERB", "VBD", "confirm"),
        ("it", 7, "dobj", "PRON", "PRP", "it"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    she = [("she", 0, "nsubj", "PRON", "PRP", "she")]
    doc = parse(_joined(spoke, spokeswoman, _quote(she)), ents=[(0, 2, "PERSON"), (10, 11, "PERSON")])
    ((_, speaker),) = attributed(doc)
    assert speaker is not None and speaker.startswith("A spokeswoman")
