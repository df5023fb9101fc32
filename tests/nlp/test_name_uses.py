"""What a name is used as across its mentions (``name_uses``), on hand-built parses (tests/nlp/parses.py): a
name the tagger made a person but the text uses as a place is no one a he/she stands for; a first and last
name the tagger made a place, called by its surname when it speaks, is a person."""

from __future__ import annotations

from annotator.nlp.article import Article
from annotator.nlp.name_uses import PLACE_PREPOSITIONS
from tests.nlp.parses import parse
from tests.nlp.test_rules import _said_yes, attributed


def _left_then_place(place_dep: str, prep: str | None = None) -> list[tuple]:
    """Ana Roe left (prep) Kalvaro . Kalvaro is quiet ."""
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 2, "nsubj", "PROPN", "NNP", "Roe"),
        ("left", 2, "ROOT", "VERB", "VBD", "leave"),
    ]
    if prep is None:
        rows.append(("Kalvaro", 2, place_dep, "PROPN", "NNP", "Kalvaro"))
    else:
        rows += [(prep, 2, "prep", "ADP", "IN", prep), ("Kalvaro", 3, place_dep, "PROPN", "NNP", "Kalvaro")]
    n = len(rows)
    return rows + [
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Kalvaro", n + 2, "nsubj", "PROPN", "NNP", "Kalvaro"),
        ("is", n + 2, "ROOT", "AUX", "VBZ", "be"),
        ("quiet", n + 2, "acomp", "ADJ", "JJ", "quiet"),
        (".", n + 2, "punct", "PUNCT", ".", "."),
    ]


def test_a_name_tagged_a_person_that_is_left_like_a_place_is_no_one_a_she_stands_for():
    rows = _left_then_place("dobj")
    doc = parse(rows + _said_yes(len(rows), ("she",)), ents=[(0, 2, "PERSON"), (3, 4, "PERSON"), (5, 6, "PERSON")])
    assert attributed(doc) == [("Yes,", "Ana Roe")]


def test_a_name_after_a_preposition_of_place_is_used_as_a_place():
    assert {"in", "at", "near", "outside"} <= PLACE_PREPOSITIONS
    rows = _left_then_place("pobj", "for")  # "left for Kalvaro": no preposition of place, the tagger stands
    doc = parse(rows + _said_yes(len(rows), ("she",)), ents=[(0, 2, "PERSON"), (4, 5, "PERSON"), (6, 7, "PERSON")])
    assert attributed(doc) == [("Yes,", "Kalvaro")]
    rows = _left_then_place("pobj", "outside")
    doc = parse(rows + _said_yes(len(rows), ("she",)), ents=[(0, 2, "PERSON"), (4, 5, "PERSON"), (6, 7, "PERSON")])
    assert attributed(doc) == [("Yes,", "Ana Roe")]


def test_a_name_used_as_a_place_once_and_titled_once_is_still_a_person():
    # Ana Roe waited near Dr Pell . Pell is tired . " Yes , " she said .
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 2, "nsubj", "PROPN", "NNP", "Roe"),
        ("waited", 2, "ROOT", "VERB", "VBD", "wait"),
        ("near", 2, "prep", "ADP", "IN", "near"),
        ("Dr", 5, "compound", "PROPN", "NNP", "Dr"),
        ("Pell", 3, "pobj", "PROPN", "NNP", "Pell"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Pell", 8, "nsubj", "PROPN", "NNP", "Pell"),
        ("is", 8, "ROOT", "AUX", "VBZ", "be"),
        ("tired", 8, "acomp", "ADJ", "JJ", "tired"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows + _said_yes(len(rows), ("she",)), ents=[(0, 2, "PERSON"), (5, 6, "PERSON"), (7, 8, "PERSON")])
    assert attributed(doc) == [("Yes,", "Pell")]


def test_a_first_and_last_name_tagged_a_place_and_then_speaking_by_its_surname_is_a_person():
    # Ana Roehart paints . Roehart said it works . Tom Pell left . " Yes , " she said .
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Roehart", 2, "nsubj", "PROPN", "NNP", "Roehart"),
        ("paints", 2, "ROOT", "VERB", "VBZ", "paint"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Roehart", 5, "nsubj", "PROPN", "NNP", "Roehart"),
        ("said", 5, "ROOT", "VERB", "VBD", "say"),
        ("it", 7, "nsubj", "PRON", "PRP", "it"),
        ("works", 5, "ccomp", "VERB", "VBZ", "work"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows + _said_yes(len(rows), ("she",)), ents=[(0, 2, "GPE"), (4, 5, "ORG")])
    assert attributed(doc) == [("Yes,", "Ana Roehart")]


def _surname_tagged_org() -> tuple[list[tuple], list[bool]]:
    """Ilvo Marrant-Quell scored . Carrisk Ansley spoke . Marrant-Quell equalised . " We won , " the 23-year-old said ."""
    rows = [
        ("Ilvo", 3, "compound", "PROPN", "NNP", "Ilvo"),
        ("Marrant", 3, "compound", "PROPN", "NNP", "Marrant"),
        ("-", 3, "punct", "PUNCT", "HYPH", "-"),
        ("Quell", 4, "nsubj", "PROPN", "NNP", "Quell"),
        ("scored", 4, "ROOT", "VERB", "VBD", "score"),
        (".", 4, "punct", "PUNCT", ".", "."),
        ("Carrisk", 7, "compound", "PROPN", "NNP", "Carrisk"),
        ("Ansley", 8, "nsubj", "PROPN", "NNP", "Ansley"),
        ("spoke", 8, "ROOT", "VERB", "VBD", "speak"),
        (".", 8, "punct", "PUNCT", ".", "."),
        ("Marrant", 12, "compound", "PROPN", "NNP", "Marrant"),
        ("-", 12, "punct", "PUNCT", "HYPH", "-"),
        ("Quell", 13, "nsubj", "PROPN", "NNP", "Quell"),
        ("equalised", 13, "ROOT", "VERB", "VBD", "equalise"),
        (".", 13, "punct", "PUNCT", ".", "."),
        ('"', 17, "punct", "PUNCT", "``", '"'),
        ("We", 17, "nsubj", "PRON", "PRP", "we"),
        ("won", 26, "ccomp", "VERB", "VBD", "win"),
        (",", 26, "punct", "PUNCT", ",", ","),
        ('"', 26, "punct", "PUNCT", "''", '"'),
        ("the", 25, "det", "DET", "DT", "the"),
        ("23", 23, "nummod", "NUM", "CD", "23"),
        ("-", 23, "punct", "PUNCT", "HYPH", "-"),
        ("year", 25, "npadvmod", "NOUN", "NN", "year"),
        ("-", 25, "punct", "PUNCT", "HYPH", "-"),
        ("old", 26, "nsubj", "ADJ", "JJ", "old"),
        ("said", 26, "ROOT", "VERB", "VBD", "say"),
        (".", 26, "punct", "PUNCT", ".", "."),
    ]
    spaces = [True, False, False, True, False, True, True, True, False, True, False, False, True, False, True,
              False, True, False, False, True, True, False, False, False, False, True, False, False]  # fmt: skip
    return rows, spaces


def test_a_surname_tagged_an_organisation_is_the_untagged_first_and_last_name_before_it():
    rows, spaces = _surname_tagged_org()
    doc = parse(rows, ents=[(6, 8, "PERSON"), (10, 13, "ORG")], spaces=spaces)
    assert doc.text.startswith("Ilvo Marrant-Quell scored. Carrisk Ansley spoke. Marrant-Quell equalised.")
    assert doc.text.endswith("Marrant-Quell equalised. \"We won,\" the 23-year-old said.")
    assert attributed(doc) == [("We won,", "Marrant-Quell")]


def _moved_to_the(head: str, head_pos: str = "NOUN") -> list[tuple]:
    """Ana Vorrane moved to the Darrowick <head> . (Darrowick tagged a person: a modifier of ``head``)"""
    return [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Vorrane", 2, "nsubj", "PROPN", "NNP", "Vorrane"),
        ("moved", 2, "ROOT", "VERB", "VBD", "move"),
        ("to", 2, "prep", "ADP", "IN", "to"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("Darrowick", 6, "compound", "PROPN", "NNP", "Darrowick"),
        (head, 3, "pobj", head_pos, "NNS" if head.endswith("s") else "NN", head),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]


def test_a_name_modifying_a_common_noun_that_the_opens_is_no_one_a_she_stands_for():
    for head, pos in (("peninsula", "NOUN"), ("gardens", "PROPN")):  # (the small model tags some such plurals NNPS)
        rows = _moved_to_the(head, pos)
        doc = parse(rows + _said_yes(len(rows), ("she",)), ents=[(0, 2, "PERSON"), (5, 6, "PERSON")])
        assert attributed(doc) == [("Yes,", "Ana Vorrane")], head
        mentions = Article(doc, []).mentions
        assert [doc[m.start : m.end].text for m in mentions.items] == ["Ana Vorrane"]


def test_a_modifying_name_stays_a_mention_of_the_family_or_of_a_person_named_elsewhere():
    rows = _moved_to_the("family")  # "the Darrowick family": the people called Darrowick
    doc = parse(rows, ents=[(0, 2, "PERSON"), (5, 6, "PERSON")])
    assert [doc[m.start : m.end].text for m in Article(doc, []).mentions.items][-1] == "Darrowick"
    # Ana Vorrane moved to the Vorrane farm . : her own name, as a person's
    rows = _moved_to_the("farm")
    rows[5] = ("Vorrane", 6, "compound", "PROPN", "NNP", "Vorrane")
    doc = parse(rows, ents=[(0, 2, "PERSON"), (5, 6, "PERSON")])
    assert [doc[m.start : m.end].text for m in Article(doc, []).mentions.items][-1] == "Vorrane"
