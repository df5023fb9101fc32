"""Which named company a bare "the company" stands for, on hand-built parses (tests/nlp/parses.py)."""

from __future__ import annotations

from annotator.nlp.quotes import find_quotes
from tests.nlp.parses import parse


def _speakers(doc) -> list[str | None]:
    return [q.speaker.text_in(doc.text) if q.speaker else None for q in find_quotes(doc)]


def _tagged(first: str, first_tag: str, last: str, last_tag: str):
    # <first> <last> is recalling cheese , the company said . " We are sorry , " the company said .
    return parse(
        [
            (first, 1, "compound", "PROPN", first_tag, first),
            (last, 3, "nsubj", "PROPN", last_tag, last),
            ("is", 3, "aux", "AUX", "VBZ", "be"),
            ("recalling", 8, "ccomp", "VERB", "VBG", "recall"),
            ("cheese", 3, "dobj", "NOUN", "NN", "cheese"),
            (",", 8, "punct", "PUNCT", ",", ","),
            ("the", 7, "det", "DET", "DT", "the"),
            ("company", 8, "nsubj", "NOUN", "NN", "company"),
            ("said", 8, "ROOT", "VERB", "VBD", "say"),
            (".", 8, "punct", "PUNCT", ".", "."),
            ('"', 14, "punct", "PUNCT", "``", '"'),
            ("We", 12, "nsubj", "PRON", "PRP", "we"),
            ("are", 17, "ccomp", "AUX", "VBP", "be"),
            ("sorry", 12, "acomp", "ADJ", "JJ", "sorry"),
            (",", 17, "punct", "PUNCT", ",", ","),
            ('"', 17, "punct", "PUNCT", "''", '"'),
            ("the", 17, "det", "DET", "DT", "the"),
            ("company", 18, "nsubj", "NOUN", "NN", "company"),
            ("said", 18, "ROOT", "VERB", "VBD", "say"),
            (".", 18, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON")],  # the tagger took the firm for a person, as it often does
    )


def test_a_tag_after_a_clause_about_a_name_says_the_company_is_that_name():
    doc = _tagged("Plumbrook", "NNP", "Creameries", "NNPS")
    assert _speakers(doc) == ["Plumbrook Creameries"]


def test_a_tag_after_a_clause_about_one_person_does_not_make_the_person_the_company():
    doc = _tagged("Tilsa", "NNP", "Dunvey", "NNP")  # "Tilsa Dunvey is recalling ..., the company said"
    assert _speakers(doc) != ["Tilsa Dunvey"]


def _one_firm(names: list[tuple[str, str]]):
    # <A B> shut a bakery [and <C D> opened one] . " It hurt , " the company said .
    rows = [
        (names[0][0], 1, "compound", "PROPN", "NNP", names[0][0]),
        (names[0][1], 2, "nsubj", "PROPN", "NNPS", names[0][1]),
        ("shut", 2, "ROOT", "VERB", "VBD", "shut"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("bakery", 2, "dobj", "NOUN", "NN", "bakery"),
    ]
    ents = [(0, 2, "PERSON")]
    if len(names) > 1:
        rows += [
            ("and", 2, "cc", "CCONJ", "CC", "and"),
            (names[1][0], 7, "compound", "PROPN", "NNP", names[1][0]),
            (names[1][1], 8, "nsubj", "PROPN", "NNPS", names[1][1]),
            ("opened", 2, "conj", "VERB", "VBD", "open"),
            ("one", 8, "dobj", "NUM", "CD", "one"),
        ]
        ents.append((6, 8, "PERSON"))
    k = len(rows)
    rows += [
        (".", 2, "punct", "PUNCT", ".", "."),
        ('"', k + 3, "punct", "PUNCT", "``", '"'),
        ("It", k + 3, "nsubj", "PRON", "PRP", "it"),
        ("hurt", k + 8, "ccomp", "VERB", "VBD", "hurt"),
        (",", k + 8, "punct", "PUNCT", ",", ","),
        ('"', k + 8, "punct", "PUNCT", "''", '"'),
        ("the", k + 7, "det", "DET", "DT", "the"),
        ("company", k + 8, "nsubj", "NOUN", "NN", "company"),
        ("said", k + 8, "ROOT", "VERB", "VBD", "say"),
        (".", k + 8, "punct", "PUNCT", ".", "."),
    ]
    return parse(rows, ents=ents)


def test_the_company_is_the_one_name_ending_in_a_company_word_whatever_its_label():
    assert _speakers(_one_firm([("Yarrowmist", "Foods")])) == ["Yarrowmist Foods"]


def test_of_two_names_ending_in_a_company_word_the_company_is_not_the_later_by_default():
    got = _speakers(_one_firm([("Yarrowmist", "Foods"), ("Pelloway", "Foods")]))
    assert got != ["Pelloway Foods"] and got != ["Yarrowmist Foods"]
