"""Which earlier subject a he/she after a quote continues, on hand-built parses (no statistical model)."""

from __future__ import annotations

from annotator.nlp.quotes import find_quotes
from tests.nlp.parses import parse


def _blunter(appos: list[tuple], verb: tuple) -> list[tuple]:
    # Ines Vale spoke first . Another nurse , [appos ,] who asked not to be named because her ward is short , <verb> .
    # " We quit , " she said .
    n = len(appos)
    v = 20 + n  # the main verb
    rows = [
        ("Ines", 1, "compound", "PROPN", "NNP", "Ines"),
        ("Vale", 2, "nsubj", "PROPN", "NNP", "Vale"),
        ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
        ("first", 2, "advmod", "ADV", "RB", "first"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Another", 6, "det", "DET", "DT", "another"),
        ("nurse", v, "nsubj", "NOUN", "NN", "nurse"),
        (",", 6, "punct", "PUNCT", ",", ","),
        *appos,
        ("who", 9 + n, "nsubj", "PRON", "WP", "who"),
        ("asked", 6, "relcl", "VERB", "VBD", "ask"),
        ("not", 13 + n, "neg", "PART", "RB", "not"),
        ("to", 13 + n, "aux", "PART", "TO", "to"),
        ("be", 13 + n, "auxpass", "AUX", "VB", "be"),
        ("named", 9 + n, "xcomp", "VERB", "VBN", "name"),
        ("because", 17 + n, "mark", "SCONJ", "IN", "because"),
        ("her", 16 + n, "poss", "PRON", "PRP$", "her"),
        ("ward", 17 + n, "nsubj", "NOUN", "NN", "ward"),
        ("is", 13 + n, "advcl", "AUX", "VBZ", "be"),
        ("short", 17 + n, "acomp", "ADJ", "JJ", "short"),
        (",", 6, "punct", "PUNCT", ",", ","),
        (verb[0], v, "ROOT", verb[1], verb[2], verb[3]),
    ]
    rows += [(w, v if h == "v" else h + v, d, p, t, lem) for w, h, d, p, t, lem in verb[4]]
    q = len(rows)
    rows += [
        ('"', q + 6, "punct", "PUNCT", "``", '"'),
        ("We", q + 2, "nsubj", "PRON", "PRP", "we"),
        ("quit", q + 6, "ccomp", "VERB", "VBD", "quit"),
        (",", q + 6, "punct", "PUNCT", ",", ","),
        ('"', q + 6, "punct", "PUNCT", "''", '"'),
        ("she", q + 6, "nsubj", "PRON", "PRP", "she"),
        ("said", q + 6, "ROOT", "VERB", "VBD", "say"),
        (".", q + 6, "punct", "PUNCT", ".", "."),
    ]
    return rows


_WAS_ANGRIER = ("was", "AUX", "VBD", "be", [("angrier", "v", "acomp", "ADJ", "JJR", "angry"), (".", "v", "punct", "PUNCT", ".", ".")])


def test_a_pronoun_continues_an_indefinite_description_past_its_relative_clause():
    # the subjects inside "who asked ... because her ward is short" describe the nurse; "Another nurse" is
    # someone new, not the person named before
    doc = parse(_blunter([], _WAS_ANGRIER), ents=[(0, 2, "PERSON")])
    (q,) = find_quotes(doc)
    assert (q.speaker.text_in(doc.text), q.speaker_mention.text_in(doc.text)) == ("Another nurse", "she")


def test_a_described_subject_named_in_apposition_is_left_to_its_name():
    appos = [("Vera", 9, "compound", "PROPN", "NNP", "Vera"), ("Holm", 6, "appos", "PROPN", "NNP", "Holm"),
             (",", 6, "punct", "PUNCT", ",", ",")]  # fmt: skip
    spoke = ("spoke", "VERB", "VBD", "speak", [("up", "v", "prt", "ADP", "RP", "up"), (".", "v", "punct", "PUNCT", ".", ".")])
    for verb in (_WAS_ANGRIER, spoke):
        doc = parse(_blunter(appos, verb), ents=[(0, 2, "PERSON"), (8, 10, "PERSON")])
        (q,) = find_quotes(doc)
        assert q.speaker.text_in(doc.text) == "Vera Holm", verb[0]
