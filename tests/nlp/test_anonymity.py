"""A description the text says goes unnamed is someone of their own, on hand-built parses (tests/nlp/parses.py)."""

from __future__ import annotations

from annotator.nlp.anonymity import unnamed_by_text
from annotator.nlp.quotes import find_quotes
from tests.nlp.parses import parse

_SPOKE = [  # Carrisk Ansley spoke .
    ("Carrisk", 1, "compound", "PROPN", "NNP", "Carrisk"),
    ("Ansley", 2, "nsubj", "PROPN", "NNP", "Ansley"),
    ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

_BOATMAN = [  # The boatman , who asked not to be named , said the mast had broken .
    ("The", 1, "det", "DET", "DT", "the"),
    ("boatman", 10, "nsubj", "NOUN", "NN", "boatman"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("who", 4, "nsubj", "PRON", "WP", "who"),
    ("asked", 1, "relcl", "VERB", "VBD", "ask"),
    ("not", 8, "neg", "PART", "RB", "not"),
    ("to", 8, "aux", "PART", "TO", "to"),
    ("be", 8, "auxpass", "AUX", "VB", "be"),
    ("named", 4, "xcomp", "VERB", "VBN", "name"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("said", 10, "ROOT", "VERB", "VBD", "say"),
    ("the", 12, "det", "DET", "DT", "the"),
    ("mast", 14, "nsubj", "NOUN", "NN", "mast"),
    ("had", 14, "aux", "AUX", "VBD", "have"),
    ("broken", 10, "ccomp", "VERB", "VBN", "break"),
    (".", 10, "punct", "PUNCT", ".", "."),
]

_WE_TRIED = [  # " We tried , " he said .
    ('"', 2, "punct", "PUNCT", "``", '"'),
    ("We", 2, "nsubj", "PRON", "PRP", "we"),
    ("tried", 6, "ccomp", "VERB", "VBD", "try"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ('"', 6, "punct", "PUNCT", "''", '"'),
    ("he", 6, "nsubj", "PRON", "PRP", "he"),
    ("said", 6, "ROOT", "VERB", "VBD", "say"),
    (".", 6, "punct", "PUNCT", ".", "."),
]


def _joined(*blocks: list[tuple]) -> list[tuple]:
    out: list[tuple] = []
    for rows in blocks:
        k = len(out)
        out += [(w, h + k, d, p, t, lem) for w, h, d, p, t, lem in rows]
    return out


def test_a_relative_clause_that_withholds_the_name_makes_the_description_unnamed():
    doc = parse(_BOATMAN)
    assert unnamed_by_text(doc[1])


def test_a_participle_clause_of_anonymity_before_the_verb_makes_its_subject_unnamed():
    # Speaking on condition of anonymity , a nurse said so .
    doc = parse([
        ("Speaking", 8, "advcl", "VERB", "VBG", "speak"),
        ("on", 0, "prep", "ADP", "IN", "on"),
        ("condition", 1, "pobj", "NOUN", "NN", "condition"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("anonymity", 3, "pobj", "NOUN", "NN", "anonymity"),
        (",", 8, "punct", "PUNCT", ",", ","),
        ("a", 7, "det", "DET", "DT", "a"),
        ("nurse", 8, "nsubj", "NOUN", "NN", "nurse"),
        ("said", 8, "ROOT", "VERB", "VBD", "say"),
        ("so", 8, "advmod", "ADV", "RB", "so"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ])  # fmt: skip
    assert unnamed_by_text(doc[7])


def test_a_name_given_is_no_name_withheld():
    # The boatman , who gave his name as Tobe , said so .
    doc = parse([
        ("The", 1, "det", "DET", "DT", "the"),
        ("boatman", 10, "nsubj", "NOUN", "NN", "boatman"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("who", 4, "nsubj", "PRON", "WP", "who"),
        ("gave", 1, "relcl", "VERB", "VBD", "give"),
        ("his", 6, "poss", "PRON", "PRP$", "his"),
        ("name", 4, "dobj", "NOUN", "NN", "name"),
        ("as", 4, "prep", "ADP", "IN", "as"),
        ("Tobe", 7, "pobj", "PROPN", "NNP", "Tobe"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("said", 10, "ROOT", "VERB", "VBD", "say"),
        ("so", 10, "advmod", "ADV", "RB", "so"),
        (".", 10, "punct", "PUNCT", ".", "."),
    ])  # fmt: skip
    assert not unnamed_by_text(doc[1])


def test_a_he_after_a_description_that_withholds_its_name_is_that_description_not_the_man_named_before():
    doc = parse(_joined(_SPOKE, _BOATMAN, _WE_TRIED), ents=[(0, 2, "PERSON")])
    speakers = [q.speaker.text_in(doc.text) if q.speaker else None for q in find_quotes(doc)]
    assert speakers == ["The boatman"]
