"""Who wrote a document that speaks (``issuers.author``), on hand-built parses (tests/nlp/parses.py; invented
names): the "it" that goes on after the document's words, and "in X's handwriting"; and whose clause a
participle hung on an adverbial noun is ("spoke after the meeting saying")."""

from __future__ import annotations

from annotator.nlp.quotes import find_quotes
from tests.nlp.parses import parse
from tests.nlp.test_rules import attributed


def _letter_then(subject: list[tuple]) -> list[tuple]:
    """ " Yes , " the letter read . <subject> was signed by Ilse Hestrand ."""
    n = len(subject)
    signed = 8 + n + 1
    return [
        ('"', 6, "punct", "PUNCT", "``", '"'),
        ("Yes", 6, "intj", "INTJ", "UH", "yes"),
        (",", 6, "punct", "PUNCT", ",", ","),
        ('"', 6, "punct", "PUNCT", "''", '"'),
        ("the", 5, "det", "DET", "DT", "the"),
        ("letter", 6, "nsubj", "NOUN", "NN", "letter"),
        ("read", 6, "ROOT", "VERB", "VBD", "read"),
        (".", 6, "punct", "PUNCT", ".", "."),
        *[(w, signed if dep == "nsubjpass" else h, dep, pos, tag, lemma) for w, h, dep, pos, tag, lemma in subject],
        ("was", signed, "auxpass", "AUX", "VBD", "be"),
        ("signed", signed, "ROOT", "VERB", "VBN", "sign"),
        ("by", signed, "agent", "ADP", "IN", "by"),
        ("Ilse", signed + 3, "compound", "PROPN", "NNP", "Ilse"),
        ("Hestrand", signed + 1, "pobj", "PROPN", "NNP", "Hestrand"),
        (".", signed, "punct", "PUNCT", ".", "."),
    ]


def test_a_document_going_on_as_it_is_signed_by_its_writer():
    rows = _letter_then([("It", -1, "nsubjpass", "PRON", "PRP", "it")])
    doc = parse(rows, ents=[(12, 14, "PERSON")])
    assert doc.text.endswith('the letter read. It was signed by Ilse Hestrand.')
    from annotator.nlp.article import Article
    from annotator.nlp.issuers import author

    mentions = Article(doc, []).mentions
    found = author(mentions, "letter", 5)
    assert found is not None and doc[found.start : found.end].text == "Ilse Hestrand"
    assert attributed(doc) == [("Yes,", "Ilse Hestrand")]


def test_something_else_signed_after_the_document_is_not_its_writer():
    rows = _letter_then([("The", 9, "det", "DET", "DT", "the"), ("card", -1, "nsubjpass", "NOUN", "NN", "card")])
    doc = parse(rows, ents=[(13, 15, "PERSON")])
    from annotator.nlp.article import Article
    from annotator.nlp.issuers import author

    assert author(Article(doc, []).mentions, "letter", 5) is None


def test_a_note_in_someones_handwriting_was_written_by_them():
    # Ana Calliwen found a note in Ilse Hestrand 's handwriting . " Yes , " said the note .
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Calliwen", 2, "nsubj", "PROPN", "NNP", "Calliwen"),
        ("found", 2, "ROOT", "VERB", "VBD", "find"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("note", 2, "dobj", "NOUN", "NN", "note"),
        ("in", 4, "prep", "ADP", "IN", "in"),
        ("Ilse", 7, "compound", "PROPN", "NNP", "Ilse"),
        ("Hestrand", 9, "poss", "PROPN", "NNP", "Hestrand"),
        ("'s", 7, "case", "PART", "POS", "'s"),
        ("handwriting", 5, "pobj", "NOUN", "NN", "handwriting"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ('"', 15, "punct", "PUNCT", "``", '"'),
        ("Yes", 15, "intj", "INTJ", "UH", "yes"),
        (",", 15, "punct", "PUNCT", ",", ","),
        ('"', 15, "punct", "PUNCT", "''", '"'),
        ("said", 15, "ROOT", "VERB", "VBD", "say"),
        ("the", 17, "det", "DET", "DT", "the"),
        ("note", 15, "nsubj", "NOUN", "NN", "note"),
        (".", 15, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(0, 2, "PERSON"), (6, 8, "PERSON")])
    assert attributed(doc) == [("Yes,", "Ilse Hestrand")]


def test_a_participle_hung_on_the_object_of_a_preposition_belongs_to_the_clause():
    # Ilse Hestrand spoke after the meeting saying " we agree . "
    rows = [
        ("Ilse", 1, "compound", "PROPN", "NNP", "Ilse"),
        ("Hestrand", 2, "nsubj", "PROPN", "NNP", "Hestrand"),
        ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
        ("after", 2, "prep", "ADP", "IN", "after"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("meeting", 3, "pobj", "NOUN", "NN", "meeting"),
        ("saying", 5, "acl", "VERB", "VBG", "say"),
        ('"', 9, "punct", "PUNCT", "``", '"'),
        ("we", 9, "nsubj", "PRON", "PRP", "we"),
        ("agree", 6, "ccomp", "VERB", "VBP", "agree"),
        (".", 9, "punct", "PUNCT", ".", "."),
        ('"', 9, "punct", "PUNCT", "''", '"'),
    ]
    doc = parse(rows, ents=[(0, 2, "PERSON")])
    assert attributed(doc) == [("we agree.", "Ilse Hestrand")]
    (quote,) = find_quotes(doc)
    assert quote.origin.endswith("speaker:subject-of-cue")  # the subject of the clause, not a guess by salience
