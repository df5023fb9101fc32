"""Speakers who are the wrong named person: a name the tagger mislabelled, a second name in the attribution
sentence, a gender learnt from the wrong sentence. Hand-built parses (tests/nlp/parses.py), no model."""

from __future__ import annotations

from annotator.nlp.quotes import find_quotes
from tests.nlp.parses import parse


def attributed(doc):
    text = doc.text
    return [(q.text_in(text), q.speaker.text_in(text) if q.speaker else None) for q in find_quotes(doc)]


def _she_said_yes(start: int, pron: str = "she") -> list[tuple]:
    """ " Yes , " she said .  rows from token ``start``."""
    said = start + 5
    return [('"', said, "punct", "PUNCT", "``", '"'), ("Yes", said, "intj", "INTJ", "UH", "yes"),
            (",", said, "punct", "PUNCT", ",", ","), ('"', said, "punct", "PUNCT", "''", '"'),
            (pron, said, "nsubj", "PRON", "PRP", pron), ("said", said, "ROOT", "VERB", "VBD", "say"),
            (".", said, "punct", "PUNCT", ".", ".")]  # fmt: skip


def test_a_who_clause_after_a_hyphenated_name_tagged_an_organisation_makes_a_person():
    # Ignatius Varnley thanked Perdita Vint - Tovald , who chairs it . " Yes , " she said .  (Perdita Vint-Tovald tagged ORG)
    rows = [
        ("Ignatius", 1, "compound", "PROPN", "NNP", "Ignatius"),
        ("Varnley", 2, "nsubj", "PROPN", "NNP", "Varnley"),
        ("thanked", 2, "ROOT", "VERB", "VBD", "thank"),
        ("Perdita", 6, "compound", "PROPN", "NNP", "Perdita"),
        ("Vint", 6, "compound", "PROPN", "NNP", "Vint"),
        ("-", 6, "punct", "PUNCT", "HYPH", "-"),
        ("Tovald", 2, "dobj", "PROPN", "NNP", "Tovald"),
        (",", 6, "punct", "PUNCT", ",", ","),
        ("who", 9, "nsubj", "PRON", "WP", "who"),
        ("chairs", 6, "relcl", "VERB", "VBZ", "chair"),
        ("it", 9, "dobj", "PRON", "PRP", "it"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    spaces = [True, True, True, True, False, False, False, True, True, True, False, True]
    doc = parse(rows + _she_said_yes(len(rows)), ents=[(0, 2, "PERSON"), (3, 7, "ORG")],
                spaces=spaces + [False, False, False, True, True, False, False])  # fmt: skip
    assert doc.text.startswith("Ignatius Varnley thanked Perdita Vint-Tovald, who chairs it.")
    assert attributed(doc) == [("Yes,", "Perdita Vint-Tovald")]


def test_the_word_before_a_joining_hyphen_belongs_to_the_name_run():
    from annotator.nlp.names import propn_span

    # Perdita Vint - Tovald KC , defending him , said no .  (the parse hangs "Vint" on "Tovald", not on "KC")
    rows = [
        ("Perdita", 4, "compound", "PROPN", "NNP", "Perdita"),
        ("Vint", 3, "compound", "PROPN", "NNP", "Vint"),
        ("-", 3, "punct", "PUNCT", "HYPH", "-"),
        ("Tovald", 4, "compound", "PROPN", "NNP", "Tovald"),
        ("KC", 10, "nsubj", "PROPN", "NNP", "KC"),
        (",", 4, "punct", "PUNCT", ",", ","),
        ("defending", 4, "acl", "VERB", "VBG", "defend"),
        ("him", 6, "dobj", "PRON", "PRP", "he"),
        (",", 4, "punct", "PUNCT", ",", ","),
        ("no", 10, "dobj", "INTJ", "UH", "no"),
        ("said", 10, "ROOT", "VERB", "VBD", "say"),
        (".", 10, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, spaces=[True, False, False, True, False, True, True, False, True, True, False, False])
    assert doc.text.startswith("Perdita Vint-Tovald KC, defending him,")
    assert propn_span(doc, doc[4]) == (0, 5)


def test_who_after_an_of_phrase_in_apposition_to_a_name_is_the_person_not_the_body():
    from annotator.nlp.speakers import subject_candidates

    # We met Ignatius Varnley , the leader of the party , who told us .
    rows = [
        ("We", 1, "nsubj", "PRON", "PRP", "we"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        ("Ignatius", 3, "compound", "PROPN", "NNP", "Ignatius"),
        ("Varnley", 1, "dobj", "PROPN", "NNP", "Varnley"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("the", 6, "det", "DET", "DT", "the"),
        ("leader", 3, "appos", "NOUN", "NN", "leader"),
        ("of", 6, "prep", "ADP", "IN", "of"),
        ("the", 9, "det", "DET", "DT", "the"),
        ("party", 7, "pobj", "NOUN", "NN", "party"),
        (",", 9, "punct", "PUNCT", ",", ","),
        ("who", 12, "nsubj", "PRON", "WP", "who"),
        ("told", 9, "relcl", "VERB", "VBD", "tell"),
        ("us", 12, "dobj", "PRON", "PRP", "we"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(2, 4, "PERSON")])
    assert [t.text for t in subject_candidates(doc, doc[12])] == ["Varnley"]


def test_a_she_after_a_sentence_whose_own_he_is_its_subjects_is_no_evidence_the_subject_is_a_woman():
    from annotator.nlp.article import Article
    from annotator.nlp.quote_marks import find_marked_quotes

    # Ignatius Varnley will keep it if he likes it . She has changed her will .
    rows = [
        ("Ignatius", 1, "compound", "PROPN", "NNP", "Ignatius"),
        ("Varnley", 3, "nsubj", "PROPN", "NNP", "Varnley"),
        ("will", 3, "aux", "AUX", "MD", "will"),
        ("keep", 3, "ROOT", "VERB", "VB", "keep"),
        ("it", 3, "dobj", "PRON", "PRP", "it"),
        ("if", 7, "mark", "SCONJ", "IN", "if"),
        ("he", 7, "nsubj", "PRON", "PRP", "he"),
        ("likes", 3, "advcl", "VERB", "VBZ", "like"),
        ("it", 7, "dobj", "PRON", "PRP", "it"),
        (".", 3, "punct", "PUNCT", ".", "."),
        ("She", 12, "nsubj", "PRON", "PRP", "she"),
        ("has", 12, "aux", "AUX", "VBZ", "have"),
        ("changed", 12, "ROOT", "VERB", "VBN", "change"),
        ("her", 14, "poss", "PRON", "PRP$", "her"),
        ("will", 12, "dobj", "NOUN", "NN", "will"),
        (".", 12, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(0, 2, "PERSON")])
    mentions = Article(doc, find_marked_quotes(doc.text)).mentions
    assert mentions.gender("varnley", strong=True) != "f"


def test_a_name_set_off_after_a_bodys_office_is_the_speaker_however_the_parse_hung_the_office():
    from annotator.nlp.speakers import speaker_from_head

    # The Wexlow Group 's secretary - general , Perdita Tovald , said no .  (the office parsed as the group's modifier)
    rows = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("Wexlow", 2, "compound", "PROPN", "NNP", "Wexlow"),
        ("Group", 11, "nsubj", "PROPN", "NNP", "Group"),
        ("'s", 2, "case", "PART", "POS", "'s"),
        ("secretary", 6, "npadvmod", "NOUN", "NN", "secretary"),
        ("-", 6, "punct", "PUNCT", "HYPH", "-"),
        ("general", 2, "amod", "ADJ", "JJ", "general"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("Perdita", 9, "compound", "PROPN", "NNP", "Perdita"),
        ("Tovald", 2, "appos", "PROPN", "NNP", "Tovald"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("said", 11, "ROOT", "VERB", "VBD", "say"),
        ("no", 11, "dobj", "INTJ", "UH", "no"),
        (".", 11, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(0, 4, "ORG"), (8, 10, "PERSON")],
                spaces=[True, True, False, True, False, False, False, True, True, False, True, True, False, False])  # fmt: skip
    assert doc.text.startswith("The Wexlow Group's secretary-general, Perdita Tovald, said")
    found = speaker_from_head(doc, doc[2])
    assert doc[found.start : found.end].text == "Perdita Tovald"
