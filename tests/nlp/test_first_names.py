"""The table of decisive first names (nlp/first_names.py) and its weak vote for a person's gender, on hand-built
parses with invented names: the table decides only where the text says nothing."""

from __future__ import annotations

from importlib.resources import files

from annotator.nlp import genders
from annotator.nlp.first_names import first_name_gender, first_names, fold
from annotator.nlp.quotes import find_quotes
from tests.nlp.parses import parse


def _mentions(doc):
    from annotator.nlp.article import Article

    return Article(doc, []).mentions


def test_the_table_ships_in_the_package_with_its_source_and_licence():
    data = files("annotator.nlp").joinpath("data")
    head = data.joinpath("first_names.tsv").read_text(encoding="utf-8").splitlines()[:4]
    assert any("nomquamgender" in line and "MIT" in line for line in head)
    assert "Permission is hereby granted" in data.joinpath("first_names.LICENSE").read_text(encoding="utf-8")
    table = first_names()
    assert len(table) > 10_000 and set(table.values()) == {"f", "m"}
    assert all(name == fold(name) and " " not in name for name in table)
    assert first_names() is table  # read once


def test_a_first_name_is_looked_up_without_its_accents():
    assert first_name_gender("Chloë") == first_name_gender("chloe") == "f"
    assert first_name_gender("Lauritz") == "m"
    assert first_name_gender("Sascha") is None  # given to men and women alike: no vote
    assert first_name_gender("Xqzwv") is None


def _met(first: str, second: str, said: bool = True):
    # <first> Tolvanen met <second> Okkenhaug . " Fine , " he said .
    rows = [
        (first, 1, "compound", "PROPN", "NNP", first),
        ("Tolvanen", 2, "nsubj", "PROPN", "NNP", "Tolvanen"),
        ("met", 2, "ROOT", "VERB", "VBD", "meet"),
        (second, 4, "compound", "PROPN", "NNP", second),
        ("Okkenhaug", 2, "dobj", "PROPN", "NNP", "Okkenhaug"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ('"', 11, "punct", "PUNCT", "``", '"'),
        ("Fine", 11, "ccomp", "ADJ", "JJ", "fine"),
        (",", 7, "punct", "PUNCT", ",", ","),
        ('"', 7, "punct", "PUNCT", "''", '"'),
        ("he", 11, "nsubj", "PRON", "PRP", "he"),
        ("said", 11, "ROOT", "VERB", "VBD", "say"),
        (".", 11, "punct", "PUNCT", ".", "."),
    ]
    return parse(rows if said else rows[:6], ents=[(0, 2, "PERSON"), (3, 5, "PERSON")])


def test_a_he_said_passes_over_a_woman_whose_first_name_alone_gives_her_gender(monkeypatch):
    mentions = _mentions(_met("Brigida", "Lauritz", said=False))
    assert mentions.gender("tolvanen") == mentions.gender("tolvanen", strong=True) == "f"
    assert mentions.gender("okkenhaug") == mentions.gender("okkenhaug", strong=True) == "m"
    doc = _met("Brigida", "Lauritz")
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Lauritz Okkenhaug"
    monkeypatch.setattr(genders, "first_name_gender", lambda word: None)  # without the table: the subject
    (q,) = find_quotes(_met("Brigida", "Lauritz"))
    assert q.speaker.text_in(doc.text) == "Brigida Tolvanen"


def test_a_unisex_first_name_gives_no_vote():
    mentions = _mentions(_met("Sascha", "Lauritz", said=False))
    assert "tolvanen" not in mentions.named
    assert mentions.gender("tolvanen") is None


def test_an_honorific_overrides_the_first_name():
    # Mr Brigida Tolvanen smiled .
    doc = parse(
        [
            ("Mr", 2, "compound", "PROPN", "NNP", "Mr"),
            ("Brigida", 2, "compound", "PROPN", "NNP", "Brigida"),
            ("Tolvanen", 3, "nsubj", "PROPN", "NNP", "Tolvanen"),
            ("smiled", 3, "ROOT", "VERB", "VBD", "smile"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ],
        ents=[(1, 3, "PERSON")],
    )
    mentions = _mentions(doc)
    assert mentions.named.get("tolvanen") == "f"
    assert mentions.gender("tolvanen") == mentions.gender("tolvanen", strong=True) == "m"


def test_an_earlier_pronoun_overrides_the_first_name():
    # Lauritz Okkenhaug climbs the tower . She winds the clock .
    doc = parse(
        [
            ("Lauritz", 1, "compound", "PROPN", "NNP", "Lauritz"),
            ("Okkenhaug", 2, "nsubj", "PROPN", "NNP", "Okkenhaug"),
            ("climbs", 2, "ROOT", "VERB", "VBZ", "climb"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("tower", 2, "dobj", "NOUN", "NN", "tower"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ("She", 7, "nsubj", "PRON", "PRP", "she"),
            ("winds", 7, "ROOT", "VERB", "VBZ", "wind"),
            ("the", 9, "det", "DET", "DT", "the"),
            ("clock", 7, "dobj", "NOUN", "NN", "clock"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON")],
    )
    mentions = _mentions(doc)
    assert mentions.gender("okkenhaug") == mentions.gender("okkenhaug", strong=True) == "f"


def test_a_weak_hint_of_the_other_gender_silences_the_first_name():
    mentions = _mentions(_met("Brigida", "Lauritz", said=False))
    mentions.vote("tolvanen", "m", 1)  # a "he" near her, outside quotes: a hint, no evidence
    assert mentions.gender("tolvanen") == "m"
    assert mentions.gender("tolvanen", strong=True) is None  # neither the table's f nor the hint's m


def test_no_gender_from_a_first_name_in_an_organisations_name_or_a_lone_name():
    # Brigida Holdings hired Lauritz .
    doc = parse(
        [
            ("Brigida", 1, "compound", "PROPN", "NNP", "Brigida"),
            ("Holdings", 2, "nsubj", "PROPN", "NNPS", "Holdings"),
            ("hired", 2, "ROOT", "VERB", "VBD", "hire"),
            ("Lauritz", 2, "dobj", "PROPN", "NNP", "Lauritz"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "ORG"), (3, 4, "PERSON")],
    )
    assert _mentions(doc).named == {}  # a lone "Lauritz" may as well be a surname
