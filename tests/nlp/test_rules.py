"""Attribution rules on hand-built parses (tests/nlp/parses.py): each rule, no statistical model."""

from __future__ import annotations

from annotator.nlp.quotes import find_quotes
from tests.nlp.parses import parse


def attributed(doc):
    text = doc.text
    return [(q.text_in(text), q.speaker.text_in(text) if q.speaker else None) for q in find_quotes(doc)]


def test_issuer_of_a_statement_saying_is_the_speaker():
    # Orrin Chemical issued a statement saying "there is no risk" .
    doc = parse(
        [
            ("Orrin", 1, "compound", "PROPN", "NNP", "Orrin"),
            ("Chemical", 2, "nsubj", "PROPN", "NNP", "Chemical"),
            ("issued", 2, "ROOT", "VERB", "VBD", "issue"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("statement", 2, "dobj", "NOUN", "NN", "statement"),
            ("saying", 4, "acl", "VERB", "VBG", "say"),
            ('"', 8, "punct", "PUNCT", "``", '"'),
            ("there", 8, "expl", "PRON", "EX", "there"),
            ("is", 5, "ccomp", "VERB", "VBZ", "be"),
            ("no", 10, "det", "DET", "DT", "no"),
            ("risk", 8, "attr", "NOUN", "NN", "risk"),
            ('"', 8, "punct", "PUNCT", "''", '"'),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
        ents=[(1, 2, "ORG")],
    )
    # the entity was clipped to "Chemical": the compound proper noun before it belongs to the name
    assert attributed(doc) == [("there is no risk", "Orrin Chemical")]


def test_line_break_starts_a_sentence_before_the_parser():
    import spacy

    import annotator.nlp.components  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("annotator_line_breaks")
    doc = nlp("Okonkwo Edges Varela\n\nChidi Okonkwo reached a final.")
    assert [s.text.strip() for s in doc.sents] == ["Okonkwo Edges Varela", "Chidi Okonkwo reached a final."]


def _murmured(verb: str, lemma: str):
    # Keith Lund stood . " Sorry , " he <verb> when the judge asked .
    return parse(
        [
            ("Keith", 1, "compound", "PROPN", "NNP", "Keith"),
            ("Lund", 2, "nsubj", "PROPN", "NNP", "Lund"),
            ("stood", 2, "ROOT", "VERB", "VBD", "stand"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 5, "punct", "PUNCT", "``", '"'),
            ("Sorry", 9, "ccomp", "INTJ", "UH", "sorry"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ('"', 5, "punct", "PUNCT", "''", '"'),
            ("he", 9, "nsubj", "PRON", "PRP", "he"),
            (verb, 9, "ROOT", "VERB", "VBD", lemma),
            ("when", 13, "advmod", "SCONJ", "WRB", "when"),
            ("the", 12, "det", "DET", "DT", "the"),
            ("judge", 13, "nsubj", "NOUN", "NN", "judge"),
            ("asked", 9, "advcl", "VERB", "VBD", "ask"),
            (".", 9, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON")],
    )


def test_a_verb_outside_the_lexicon_governing_the_quote_is_a_cue():
    doc = _murmured("murmured", "murmur")
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Keith Lund" and q.speaker_mention.text_in(doc.text) == "he"
    assert q.cue.text_in(doc.text) == "murmured" and "structural-cue" in q.origin


def test_the_structural_cue_is_less_sure_than_a_reporting_verb():
    (structural,) = find_quotes(_murmured("murmured", "murmur"))
    (reported,) = find_quotes(_murmured("said", "say"))
    assert structural.confidence < reported.confidence


def test_a_cue_in_a_subordinate_clause_does_not_govern_the_quote():
    doc = _murmured("murmured", "murmur")
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) != "judge"


def test_a_date_after_the_verb_is_never_the_speaker():
    # " No more , " said Monday a tired Otto Brandt .
    doc = parse(
        [
            ('"', 2, "punct", "PUNCT", "``", '"'),
            ("No", 2, "det", "DET", "DT", "no"),
            ("more", 5, "ccomp", "ADJ", "JJR", "more"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ('"', 2, "punct", "PUNCT", "''", '"'),
            ("said", 5, "ROOT", "VERB", "VBD", "say"),
            ("Monday", 5, "npadvmod", "PROPN", "NNP", "Monday"),
            ("a", 10, "det", "DET", "DT", "a"),
            ("tired", 10, "amod", "ADJ", "JJ", "tired"),
            ("Otto", 10, "compound", "PROPN", "NNP", "Otto"),
            ("Brandt", 5, "nsubj", "PROPN", "NNP", "Brandt"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ],
        ents=[(6, 7, "DATE"), (9, 11, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Otto Brandt"


def test_nested_source_gives_the_inner_speaker_and_keeps_the_outer_one():
    # According to a report , an aide told reporters that " it was lost . "   (the parse hangs "aide" on "report")
    doc = parse(
        [
            ("According", 7, "prep", "VERB", "VBG", "accord"),
            ("to", 0, "prep", "ADP", "IN", "to"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("report", 1, "pobj", "NOUN", "NN", "report"),
            (",", 3, "punct", "PUNCT", ",", ","),
            ("an", 6, "det", "DET", "DT", "an"),
            ("aide", 3, "appos", "NOUN", "NN", "aide"),
            ("told", 7, "ROOT", "VERB", "VBD", "tell"),
            ("reporters", 7, "dobj", "NOUN", "NNS", "reporter"),
            ("that", 13, "mark", "SCONJ", "IN", "that"),
            ('"', 13, "punct", "PUNCT", "``", '"'),
            ("it", 13, "nsubjpass", "PRON", "PRP", "it"),
            ("was", 13, "auxpass", "AUX", "VBD", "be"),
            ("lost", 7, "ccomp", "VERB", "VBN", "lose"),
            (".", 7, "punct", "PUNCT", ".", "."),
            ('"', 7, "punct", "PUNCT", "''", '"'),
        ],
    )
    (q,) = find_quotes(doc)
    text = doc.text
    assert q.speaker.text_in(text).endswith("aide") and q.cue.text_in(text) == "told"
    assert q.source_of.text_in(text) == "a report"


def test_a_common_noun_after_a_verb_right_after_the_quote_is_its_inverted_subject():
    # " Soon ! " shouted a firefighter .
    doc = parse(
        [
            ('"', 4, "punct", "PUNCT", "``", '"'),
            ("Soon", 4, "advmod", "ADV", "RB", "soon"),
            ("!", 4, "punct", "PUNCT", ".", "!"),
            ('"', 4, "punct", "PUNCT", "''", '"'),
            ("shouted", 4, "ROOT", "VERB", "VBD", "shout"),
            ("a", 6, "det", "DET", "DT", "a"),
            ("firefighter", 4, "dobj", "NOUN", "NN", "firefighter"),
            (".", 4, "punct", "PUNCT", ".", "."),
        ],
        spaces=[False, False, False, True, True, True, False, False],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text).endswith("firefighter") and q.cue.text_in(doc.text) == "shouted"


def test_a_possessive_in_the_subjects_clause_is_gender_evidence():
    # Pera Krunn met her counterpart , Tomas Brandt . " Fine , " he said .
    doc = parse(
        [
            ("Ilse", 1, "compound", "PROPN", "NNP", "Ilse"),
            ("Krunn", 2, "nsubj", "PROPN", "NNP", "Krunn"),
            ("met", 2, "ROOT", "VERB", "VBD", "meet"),
            ("her", 4, "poss", "PRON", "PRP$", "her"),
            ("counterpart", 2, "dobj", "NOUN", "NN", "counterpart"),
            (",", 4, "punct", "PUNCT", ",", ","),
            ("Tomas", 7, "compound", "PROPN", "NNP", "Tomas"),
            ("Brandt", 4, "appos", "PROPN", "NNP", "Brandt"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 14, "punct", "PUNCT", "``", '"'),
            ("Fine", 14, "ccomp", "ADJ", "JJ", "fine"),
            (",", 10, "punct", "PUNCT", ",", ","),
            ('"', 10, "punct", "PUNCT", "''", '"'),
            ("he", 14, "nsubj", "PRON", "PRP", "he"),
            ("said", 14, "ROOT", "VERB", "VBD", "say"),
            (".", 14, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (6, 8, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.speaker.text_in(doc.text), q.speaker_mention.text_in(doc.text)) == ("Tomas Brandt", "he")


def test_the_literal_subject_of_said_speaks_whatever_noun_it_is():
    # Our guest said it was " a disaster . "
    doc = parse(
        [
            ("Our", 1, "poss", "PRON", "PRP$", "our"),
            ("guest", 2, "nsubj", "NOUN", "NN", "guest"),
            ("said", 2, "ROOT", "VERB", "VBD", "say"),
            ("it", 4, "nsubj", "PRON", "PRP", "it"),
            ("was", 2, "ccomp", "AUX", "VBD", "be"),
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("a", 7, "det", "DET", "DT", "a"),
            ("disaster", 4, "attr", "NOUN", "NN", "disaster"),
            (".", 4, "punct", "PUNCT", ".", "."),
            ('"', 4, "punct", "PUNCT", "''", '"'),
        ],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Our guest"


def test_of_two_subjects_the_parse_gives_one_verb_the_nearer_speaks():
    # Brandt , whose rival Krunn said he was " finished , " smiled .   (misparsed: both subjects of "said")
    doc = parse(
        [
            ("Brandt", 5, "nsubj", "PROPN", "NNP", "Brandt"),
            (",", 0, "punct", "PUNCT", ",", ","),
            ("whose", 4, "poss", "DET", "WP$", "whose"),
            ("rival", 4, "amod", "ADJ", "JJ", "rival"),
            ("Krunn", 5, "nsubj", "PROPN", "NNP", "Krunn"),
            ("said", 5, "ROOT", "VERB", "VBD", "say"),
            ("he", 9, "nsubjpass", "PRON", "PRP", "he"),
            ("was", 9, "auxpass", "AUX", "VBD", "be"),
            ('"', 9, "punct", "PUNCT", "``", '"'),
            ("finished", 12, "ccomp", "VERB", "VBN", "finish"),
            (",", 12, "punct", "PUNCT", ",", ","),
            ('"', 12, "punct", "PUNCT", "''", '"'),
            ("smiled", 5, "ccomp", "VERB", "VBD", "smile"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON"), (4, 5, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Krunn"


def test_nested_source_with_the_inner_subject_misparsed_inside_the_outer_one():
    # According to a report , an engineer with the city office warned that " it leaks . "
    # (misparsed: "engineer" hung on "report" as an apposition, "office" the token before the verb)
    doc = parse(
        [
            ("According", 11, "prep", "VERB", "VBG", "accord"),
            ("to", 0, "prep", "ADP", "IN", "to"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("report", 1, "pobj", "NOUN", "NN", "report"),
            (",", 3, "punct", "PUNCT", ",", ","),
            ("a", 6, "det", "DET", "DT", "a"),
            ("engineer", 3, "appos", "NOUN", "NN", "engineer"),
            ("with", 6, "prep", "ADP", "IN", "with"),
            ("the", 10, "det", "DET", "DT", "the"),
            ("city", 10, "compound", "NOUN", "NN", "city"),
            ("office", 7, "pobj", "NOUN", "NN", "office"),
            ("warned", 11, "ROOT", "VERB", "VBD", "warn"),
            ("that", 15, "mark", "SCONJ", "IN", "that"),
            ('"', 15, "punct", "PUNCT", "``", '"'),
            ("it", 15, "nsubj", "PRON", "PRP", "it"),
            ("leaks", 11, "ccomp", "VERB", "VBZ", "leak"),
            (".", 11, "punct", "PUNCT", ".", "."),
            ('"', 11, "punct", "PUNCT", "''", '"'),
        ],
    )
    (q,) = find_quotes(doc)
    assert "engineer" in q.speaker.text_in(doc.text) and q.source_of.text_in(doc.text) == "a report"


def test_a_description_matching_no_title_is_the_person_just_named():
    # Ruud Haan coaches Ostend . " We won , " the club boss said .
    doc = parse(
        [
            ("Ruud", 1, "compound", "PROPN", "NNP", "Ruud"),
            ("Haan", 2, "nsubj", "PROPN", "NNP", "Haan"),
            ("coaches", 2, "ROOT", "VERB", "VBZ", "coach"),
            ("Ostend", 2, "dobj", "PROPN", "NNP", "Ostend"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 13, "punct", "PUNCT", "``", '"'),
            ("We", 7, "nsubj", "PRON", "PRP", "we"),
            ("won", 13, "ccomp", "VERB", "VBD", "win"),
            (",", 13, "punct", "PUNCT", ",", ","),
            ('"', 13, "punct", "PUNCT", "''", '"'),
            ("the", 12, "det", "DET", "DT", "the"),
            ("club", 12, "compound", "NOUN", "NN", "club"),
            ("boss", 13, "nsubj", "NOUN", "NN", "boss"),
            ("said", 13, "ROOT", "VERB", "VBD", "say"),
            (".", 13, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (3, 4, "ORG")],
    )
    (q,) = find_quotes(doc)
    text = doc.text
    assert (q.speaker.text_in(text), q.speaker_mention.text_in(text)) == ("Ruud Haan", "the club boss")
    assert "+salience" in q.origin


def test_a_person_described_by_age_is_no_date():
    # Dara Pell scored . " I was lucky , " the 23-year-old said .
    rows = [
        ("Dara", 1, "compound", "PROPN", "NNP", "Dara"),
        ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
        ("scored", 2, "ROOT", "VERB", "VBD", "score"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ('"', 16, "punct", "PUNCT", "``", '"'),
        ("I", 6, "nsubj", "PRON", "PRP", "I"),
        ("was", 16, "ccomp", "AUX", "VBD", "be"),
        ("lucky", 6, "acomp", "ADJ", "JJ", "lucky"),
        (",", 16, "punct", "PUNCT", ",", ","),
        ('"', 16, "punct", "PUNCT", "''", '"'),
        ("the", 15, "det", "DET", "DT", "the"),
        ("23", 13, "nummod", "NUM", "CD", "23"),
        ("-", 13, "punct", "PUNCT", "HYPH", "-"),
        ("year", 15, "npadvmod", "NOUN", "NN", "year"),
        ("-", 15, "punct", "PUNCT", "HYPH", "-"),
        ("old", 16, "nsubj", "ADJ", "JJ", "old"),
        ("said", 16, "ROOT", "VERB", "VBD", "say"),
        (".", 16, "punct", "PUNCT", ".", "."),
    ]
    spaces = [True, True, False, True, False, False, True, False, False, True, True, False, False, False, False, True, False, False]
    doc = parse(rows, ents=[(0, 2, "PERSON"), (11, 16, "DATE")], spaces=spaces)
    (q,) = find_quotes(doc)
    text = doc.text
    assert (q.speaker.text_in(text), q.speaker_mention.text_in(text)) == ("Dara Pell", "the 23-year-old")


def test_a_qualified_office_is_not_another_office_of_the_same_name():
    # Interior Minister Lina Sorel spoke . Omar Fayed spoke . " No , " the former prime minister added .
    doc = parse(
        [
            ("Interior", 1, "compound", "PROPN", "NNP", "Interior"),
            ("Minister", 3, "compound", "PROPN", "NNP", "Minister"),
            ("Lina", 3, "compound", "PROPN", "NNP", "Lina"),
            ("Sorel", 4, "nsubj", "PROPN", "NNP", "Sorel"),
            ("spoke", 4, "ROOT", "VERB", "VBD", "speak"),
            (".", 4, "punct", "PUNCT", ".", "."),
            ("Omar", 7, "compound", "PROPN", "NNP", "Omar"),
            ("Fayed", 8, "nsubj", "PROPN", "NNP", "Fayed"),
            ("spoke", 8, "ROOT", "VERB", "VBD", "speak"),
            (".", 8, "punct", "PUNCT", ".", "."),
            ('"', 18, "punct", "PUNCT", "``", '"'),
            ("No", 18, "intj", "INTJ", "UH", "no"),
            (",", 18, "punct", "PUNCT", ",", ","),
            ('"', 18, "punct", "PUNCT", "''", '"'),
            ("the", 17, "det", "DET", "DT", "the"),
            ("former", 17, "amod", "ADJ", "JJ", "former"),
            ("prime", 17, "amod", "ADJ", "JJ", "prime"),
            ("minister", 18, "nsubj", "NOUN", "NN", "minister"),
            ("added", 18, "ROOT", "VERB", "VBD", "add"),
            (".", 18, "punct", "PUNCT", ".", "."),
        ],
        ents=[(2, 4, "PERSON"), (6, 8, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Omar Fayed"


def test_people_descriptions_are_data():
    from annotator.nlp.lexicon import classes

    assert {"boss", "magnate", "veteran"} <= classes("people_nouns")["descriptions"]


def test_a_pronoun_after_a_described_subject_is_the_person_it_describes():
    # Ana Rusu , a retired judge , spoke first . Vera Holm followed . The judge smiled . " Fine , " she said .
    doc = parse(
        [
            ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
            ("Rusu", 7, "nsubj", "PROPN", "NNP", "Rusu"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("a", 5, "det", "DET", "DT", "a"),
            ("retired", 5, "amod", "ADJ", "JJ", "retired"),
            ("judge", 1, "appos", "NOUN", "NN", "judge"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("spoke", 7, "ROOT", "VERB", "VBD", "speak"),
            ("first", 7, "advmod", "ADV", "RB", "first"),
            (".", 7, "punct", "PUNCT", ".", "."),
            ("Vera", 11, "compound", "PROPN", "NNP", "Vera"),
            ("Holm", 12, "nsubj", "PROPN", "NNP", "Holm"),
            ("followed", 12, "ROOT", "VERB", "VBD", "follow"),
            (".", 12, "punct", "PUNCT", ".", "."),
            ("The", 15, "det", "DET", "DT", "the"),
            ("judge", 16, "nsubj", "NOUN", "NN", "judge"),
            ("smiled", 16, "ROOT", "VERB", "VBD", "smile"),
            (".", 16, "punct", "PUNCT", ".", "."),
            ('"', 23, "punct", "PUNCT", "``", '"'),
            ("Fine", 23, "ccomp", "ADJ", "JJ", "fine"),
            (",", 23, "punct", "PUNCT", ",", ","),
            ('"', 23, "punct", "PUNCT", "''", '"'),
            ("she", 23, "nsubj", "PRON", "PRP", "she"),
            ("said", 23, "ROOT", "VERB", "VBD", "say"),
            (".", 23, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (10, 12, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.speaker.text_in(doc.text), q.speaker_mention.text_in(doc.text)) == ("Ana Rusu", "she")


def test_a_name_fronted_at_the_start_of_its_sentence_is_as_salient_as_a_subject():
    # Ines Vale spoke first . For Mara Quist , the wait was long . " It hurt , " she says .
    doc = parse(
        [
            ("Ines", 1, "compound", "PROPN", "NNP", "Ines"),
            ("Vale", 2, "nsubj", "PROPN", "NNP", "Vale"),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
            ("first", 2, "advmod", "ADV", "RB", "first"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ("For", 11, "prep", "ADP", "IN", "for"),
            ("Mara", 7, "compound", "PROPN", "NNP", "Mara"),
            ("Quist", 5, "pobj", "PROPN", "NNP", "Quist"),
            (",", 11, "punct", "PUNCT", ",", ","),
            ("the", 10, "det", "DET", "DT", "the"),
            ("wait", 11, "nsubj", "NOUN", "NN", "wait"),
            ("was", 11, "ROOT", "AUX", "VBD", "be"),
            ("long", 11, "acomp", "ADJ", "JJ", "long"),
            (".", 11, "punct", "PUNCT", ".", "."),
            ('"', 20, "punct", "PUNCT", "``", '"'),
            ("It", 16, "nsubj", "PRON", "PRP", "it"),
            ("hurt", 20, "ccomp", "VERB", "VBD", "hurt"),
            (",", 20, "punct", "PUNCT", ",", ","),
            ('"', 20, "punct", "PUNCT", "''", '"'),
            ("she", 20, "nsubj", "PRON", "PRP", "she"),
            ("says", 20, "ROOT", "VERB", "VBZ", "say"),
            (".", 20, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (6, 8, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Mara Quist"


def test_a_document_that_speaks_is_its_author_named_after_it():
    # " Act now , " the memo says . The memo is signed by Ada Berg .
    doc = parse(
        [
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("Act", 7, "ccomp", "VERB", "VB", "act"),
            ("now", 1, "advmod", "ADV", "RB", "now"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ('"', 7, "punct", "PUNCT", "''", '"'),
            ("the", 6, "det", "DET", "DT", "the"),
            ("memo", 7, "nsubj", "NOUN", "NN", "memo"),
            ("says", 7, "ROOT", "VERB", "VBZ", "say"),
            (".", 7, "punct", "PUNCT", ".", "."),
            ("The", 10, "det", "DET", "DT", "the"),
            ("memo", 12, "nsubjpass", "NOUN", "NN", "memo"),
            ("is", 12, "auxpass", "AUX", "VBZ", "be"),
            ("signed", 12, "ROOT", "VERB", "VBN", "sign"),
            ("by", 12, "agent", "ADP", "IN", "by"),
            ("Ada", 15, "compound", "PROPN", "NNP", "Ada"),
            ("Berg", 13, "pobj", "PROPN", "NNP", "Berg"),
            (".", 12, "punct", "PUNCT", ".", "."),
        ],
        ents=[(14, 16, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.speaker.text_in(doc.text), q.speaker_mention.text_in(doc.text)) == ("Ada Berg", "the memo")


def test_memos_and_writing_verbs_are_data():
    from annotator.nlp.lexicon import AUTHOR_VERBS, DOCUMENT_NOUNS

    assert {"memo", "opinion", "ruling"} <= DOCUMENT_NOUNS and {"sign", "write", "send"} <= AUTHOR_VERBS


def test_whose_answer_a_colon_introduces_speaks():
    # Vera Holm spoke . Her answer was short : " No . "
    doc = parse(
        [
            ("Vera", 1, "compound", "PROPN", "NNP", "Vera"),
            ("Holm", 2, "nsubj", "PROPN", "NNP", "Holm"),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ("Her", 5, "poss", "PRON", "PRP$", "her"),
            ("answer", 6, "nsubj", "NOUN", "NN", "answer"),
            ("was", 6, "ROOT", "AUX", "VBD", "be"),
            ("short", 6, "acomp", "ADJ", "JJ", "short"),
            (":", 10, "punct", "PUNCT", ":", ":"),
            ('"', 10, "punct", "PUNCT", "``", '"'),
            ("No", 6, "parataxis", "INTJ", "UH", "no"),
            (".", 10, "punct", "PUNCT", ".", "."),
            ('"', 10, "punct", "PUNCT", "''", '"'),
        ],
        ents=[(0, 2, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.text_in(doc.text), q.speaker.text_in(doc.text)) == ("No.", "Vera Holm") and "colon-subject" in q.origin


def test_a_person_a_colon_clause_is_about_speaks_and_a_thing_does_not():
    def doc_of(first: str, pos: str, ents):
        # <first> was firm : " The vote stands . "
        return parse(
            [
                (first, 1, "nsubj", pos, "NNP" if pos == "PROPN" else "NN", first.lower()),
                ("was", 1, "ROOT", "AUX", "VBD", "be"),
                ("firm", 1, "acomp", "ADJ", "JJ", "firm"),
                (":", 7, "punct", "PUNCT", ":", ":"),
                ('"', 7, "punct", "PUNCT", "``", '"'),
                ("The", 6, "det", "DET", "DT", "the"),
                ("vote", 7, "nsubj", "NOUN", "NN", "vote"),
                ("stands", 1, "parataxis", "VERB", "VBZ", "stand"),
                (".", 7, "punct", "PUNCT", ".", "."),
                ('"', 7, "punct", "PUNCT", "''", '"'),
            ],
            ents=ents,
        )

    (q,) = find_quotes(doc_of("Holm", "PROPN", [(0, 1, "PERSON")]))
    assert q.speaker is not None and "colon-subject" in q.origin
    (q,) = find_quotes(doc_of("Tone", "NOUN", []))
    assert q.speaker is None


def test_speech_nouns_are_data():
    from annotator.nlp.lexicon import SPEECH_NOUNS

    assert {"answer", "message", "reply"} <= SPEECH_NOUNS


def test_a_description_with_its_own_qualifier_is_someone_new():
    # Ruud Haan spoke . " We lost , " the visitor from Varrowgate said .
    doc = parse(
        [
            ("Ruud", 1, "compound", "PROPN", "NNP", "Ruud"),
            ("Haan", 2, "nsubj", "PROPN", "NNP", "Haan"),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 13, "punct", "PUNCT", "``", '"'),
            ("We", 6, "nsubj", "PRON", "PRP", "we"),
            ("lost", 13, "ccomp", "VERB", "VBD", "lose"),
            (",", 13, "punct", "PUNCT", ",", ","),
            ('"', 13, "punct", "PUNCT", "''", '"'),
            ("the", 10, "det", "DET", "DT", "the"),
            ("visitor", 13, "nsubj", "NOUN", "NN", "visitor"),
            ("from", 10, "prep", "ADP", "IN", "from"),
            ("Varrowgate", 11, "pobj", "PROPN", "NNP", "Varrowgate"),
            ("said", 13, "ROOT", "VERB", "VBD", "say"),
            (".", 13, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (12, 13, "GPE")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text).endswith("visitor")


def test_the_subject_of_any_reporting_verb_governing_the_quote_speaks_as_written():
    # The crowd yelled " Out ! "
    doc = parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("crowd", 2, "nsubj", "NOUN", "NN", "crowd"),
            ("yelled", 2, "ROOT", "VERB", "VBD", "yell"),
            ('"', 4, "punct", "PUNCT", "``", '"'),
            ("Out", 2, "ccomp", "ADV", "RB", "out"),
            ("!", 4, "punct", "PUNCT", ".", "!"),
            ('"', 4, "punct", "PUNCT", "''", '"'),
        ],
        spaces=[True, True, True, False, False, False, False],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "The crowd"


def test_a_reporting_verb_inside_what_is_reported_does_not_give_its_subject():
    # Delaney said costs would add " a billion " .   ("add" is reported, not reporting)
    doc = parse(
        [
            ("Delaney", 1, "nsubj", "PROPN", "NNP", "Delaney"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("costs", 4, "nsubj", "NOUN", "NNS", "cost"),
            ("would", 4, "aux", "AUX", "MD", "would"),
            ("add", 1, "ccomp", "VERB", "VB", "add"),
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("a", 7, "det", "DET", "DT", "a"),
            ("billion", 4, "dobj", "NUM", "CD", "billion"),
            ('"', 7, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Delaney"


def test_an_unlisted_verb_sharing_its_conjuncts_subject_is_a_structural_cue():
    # Lund looked down and murmured : " Sorry . "
    doc = parse(
        [
            ("Lund", 1, "nsubj", "PROPN", "NNP", "Lund"),
            ("looked", 1, "ROOT", "VERB", "VBD", "look"),
            ("down", 1, "advmod", "ADV", "RB", "down"),
            ("and", 1, "cc", "CCONJ", "CC", "and"),
            ("murmured", 1, "conj", "VERB", "VBD", "murmur"),
            (":", 4, "punct", "PUNCT", ":", ":"),
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("Sorry", 4, "ccomp", "INTJ", "UH", "sorry"),
            (".", 7, "punct", "PUNCT", ".", "."),
            ('"', 7, "punct", "PUNCT", "''", '"'),
        ],
        ents=[(0, 1, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Lund" and q.cue.text_in(doc.text) == "murmured"
    assert "structural-cue" in q.origin


def test_a_demonym_after_the_is_a_description_of_the_person_just_named():
    # Neil Dawson spoke . " We lost , " the Scot said .
    doc = parse(
        [
            ("Neil", 1, "compound", "PROPN", "NNP", "Neil"),
            ("Dawson", 2, "nsubj", "PROPN", "NNP", "Dawson"),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 11, "punct", "PUNCT", "``", '"'),
            ("We", 6, "nsubj", "PRON", "PRP", "we"),
            ("lost", 11, "ccomp", "VERB", "VBD", "lose"),
            (",", 11, "punct", "PUNCT", ",", ","),
            ('"', 11, "punct", "PUNCT", "''", '"'),
            ("the", 10, "det", "DET", "DT", "the"),
            ("Scot", 11, "nsubj", "PROPN", "NNP", "Scot"),
            ("said", 11, "ROOT", "VERB", "VBD", "say"),
            (".", 11, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (10, 11, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.speaker.text_in(doc.text), q.speaker_mention.text_in(doc.text)) == ("Neil Dawson", "the Scot")


def _demonym_after_a_name(word: str, label: str, first: str = "Sascha"):
    # <first> Ferrowby spoke .  " We lost , " the <word> said .
    return parse(
        [
            (first, 1, "compound", "PROPN", "NNP", first),
            ("Ferrowby", 2, "nsubj", "PROPN", "NNP", "Ferrowby"),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 11, "punct", "PUNCT", "``", '"'),
            ("We", 6, "nsubj", "PRON", "PRP", "we"),
            ("lost", 11, "ccomp", "VERB", "VBD", "lose"),
            (",", 11, "punct", "PUNCT", ",", ","),
            ('"', 11, "punct", "PUNCT", "''", '"'),
            ("the", 10, "det", "DET", "DT", "the"),
            (word, 11, "nsubj", "PROPN", "NNP", word),
            ("said", 11, "ROOT", "VERB", "VBD", "say"),
            (".", 11, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (10, 11, label)],
    )


def test_a_demonym_tagged_as_a_people_or_a_man_noun_tagged_as_a_group_is_the_person_just_named():
    # "the Brevane" tagged NORP (the name span keeps its "the") and "the Dutchman" tagged ORG are one person,
    # and the description is never resolved to itself (Sascha: a first name of either gender)
    for word, label in (("Brevane", "NORP"), ("Dutchman", "ORG"), ("Frenchwoman", "GPE")):
        doc = _demonym_after_a_name(word, label)
        (q,) = find_quotes(doc)
        assert (q.speaker.text_in(doc.text), q.speaker_mention.text_in(doc.text)) == ("Sascha Ferrowby", f"the {word}")
    doc = _demonym_after_a_name("Dutchman", "ORG", first="Ruth")  # a man is not the woman a first name says
    (q,) = find_quotes(doc)
    assert q.speaker is None or q.speaker.text_in(doc.text) != "Ruth Ferrowby"


def test_an_organisation_after_the_is_not_taken_for_a_demonym():
    # " We lost , " the Herald said .  (one word after "the", tagged ORG, not a people noun): the Herald speaks
    doc = _demonym_after_a_name("Herald", "ORG")
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "the Herald" and q.speaker_mention is None


def test_he_or_she_as_the_subject_before_a_quote_with_no_cue_is_a_weak_speaker():
    # Ines Vale said no .  /  She laughed . " Sorry . "
    rows = [
        ("Ines", 1, "compound", "PROPN", "NNP", "Ines"),
        ("Vale", 2, "nsubj", "PROPN", "NNP", "Vale"),
        ("said", 2, "ROOT", "VERB", "VBD", "say"),
        ("no", 2, "dobj", "INTJ", "UH", "no"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("\n\n", 4, "dep", "SPACE", "_SP", "\n\n"),
        ("She", 7, "nsubj", "PRON", "PRP", "she"),
        ("laughed", 7, "ROOT", "VERB", "VBD", "laugh"),
        (".", 7, "punct", "PUNCT", ".", "."),
        ('"', 10, "punct", "PUNCT", "``", '"'),
        ("Sorry", 10, "ROOT", "INTJ", "UH", "sorry"),
        (".", 10, "punct", "PUNCT", ".", "."),
        ('"', 10, "punct", "PUNCT", "''", '"'),
    ]
    spaces = [True, True, True, False, False, False, True, False, True, False, False, False, False]
    doc = parse(rows, ents=[(0, 2, "PERSON")], spaces=spaces)
    (q,) = find_quotes(doc)
    assert (q.speaker.text_in(doc.text), q.speaker_mention.text_in(doc.text)) == ("Ines Vale", "She")


def test_chanting_is_reporting():
    from annotator.nlp.lexicon import CUE_FORMS

    # Protesters chanted " Out ! "
    doc = parse(
        [
            ("Protesters", 1, "nsubj", "NOUN", "NNS", "protester"),
            ("chanted", 1, "ROOT", "VERB", "VBD", "chant"),
            ('"', 3, "punct", "PUNCT", "``", '"'),
            ("Out", 1, "ccomp", "ADV", "RB", "out"),
            ("!", 3, "punct", "PUNCT", ".", "!"),
            ('"', 3, "punct", "PUNCT", "''", '"'),
        ],
        spaces=[True, True, False, False, False, False],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Protesters" and "structural" not in q.origin
    assert CUE_FORMS["chanting"] == "chant"


def test_a_noun_before_a_preposition_is_no_title_of_the_name_after_it():
    # A doctor at Varrowgate 's hospital said he was tired . " We are full , " the doctor said .   (Varrowgate tagged PERSON)
    rows = [
        ("A", 1, "det", "DET", "DT", "a"),
        ("doctor", 6, "nsubj", "NOUN", "NN", "doctor"),
        ("at", 1, "prep", "ADP", "IN", "at"),
        ("Varrowgate", 5, "poss", "PROPN", "NNP", "Varrowgate"),
        ("'s", 3, "case", "PART", "POS", "'s"),
        ("hospital", 2, "pobj", "NOUN", "NN", "hospital"),
        ("said", 6, "ROOT", "VERB", "VBD", "say"),
        ("he", 8, "nsubj", "PRON", "PRP", "he"),
        ("was", 6, "ccomp", "AUX", "VBD", "be"),
        ("tired", 8, "acomp", "ADJ", "JJ", "tired"),
        (".", 6, "punct", "PUNCT", ".", "."),
        ('"', 19, "punct", "PUNCT", "``", '"'),
        ("We", 13, "nsubj", "PRON", "PRP", "we"),
        ("are", 19, "ccomp", "AUX", "VBP", "be"),
        ("full", 13, "acomp", "ADJ", "JJ", "full"),
        (",", 19, "punct", "PUNCT", ",", ","),
        ('"', 19, "punct", "PUNCT", "''", '"'),
        ("the", 18, "det", "DET", "DT", "the"),
        ("doctor", 19, "nsubj", "NOUN", "NN", "doctor"),
        ("said", 19, "ROOT", "VERB", "VBD", "say"),
        (".", 19, "punct", "PUNCT", ".", "."),
    ]
    spaces = [True, True, True, False, True, True, True, True, True, False, True, False, True, True, False, False,
              True, True, True, False, False]  # fmt: skip
    doc = parse(rows, ents=[(3, 4, "PERSON")], spaces=spaces)
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text).endswith("doctor")


def test_a_name_with_the_is_no_person_whatever_the_tagger_says():
    # The Foreign Office confirmed talks . " We met twice , " it said .   (tagged PERSON)
    doc = parse(
        [
            ("The", 2, "det", "DET", "DT", "the"),
            ("Foreign", 2, "compound", "PROPN", "NNP", "Foreign"),
            ("Office", 3, "nsubj", "PROPN", "NNP", "Office"),
            ("confirmed", 3, "ROOT", "VERB", "VBD", "confirm"),
            ("talks", 3, "dobj", "NOUN", "NNS", "talk"),
            (".", 3, "punct", "PUNCT", ".", "."),
            ('"', 13, "punct", "PUNCT", "``", '"'),
            ("We", 8, "nsubj", "PRON", "PRP", "we"),
            ("met", 13, "ccomp", "VERB", "VBD", "meet"),
            ("twice", 8, "advmod", "ADV", "RB", "twice"),
            (",", 13, "punct", "PUNCT", ",", ","),
            ('"', 13, "punct", "PUNCT", "''", '"'),
            ("it", 13, "nsubj", "PRON", "PRP", "it"),
            ("said", 13, "ROOT", "VERB", "VBD", "say"),
            (".", 13, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 3, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "The Foreign Office"


def test_the_organisation_noun_names_the_organisation_whose_name_holds_it():
    # Varrowgate 's Ministry of Water Affairs issued figures . The Harbour Board disagreed . " We are ready , " the ministry said .
    rows = [
        ("Varrowgate", 2, "poss", "PROPN", "NNP", "Varrowgate"),
        ("'s", 0, "case", "PART", "POS", "'s"),
        ("Ministry", 6, "nsubj", "PROPN", "NNP", "Ministry"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("Water", 5, "compound", "PROPN", "NNP", "Water"),
        ("Affairs", 3, "pobj", "PROPN", "NNP", "Affairs"),
        ("issued", 6, "ROOT", "VERB", "VBD", "issue"),
        ("figures", 6, "dobj", "NOUN", "NNS", "figure"),
        (".", 6, "punct", "PUNCT", ".", "."),
        ("The", 11, "det", "DET", "DT", "the"),
        ("Harbour", 11, "compound", "PROPN", "NNP", "Harbour"),
        ("Board", 12, "nsubj", "PROPN", "NNP", "Board"),
        ("disagreed", 12, "ROOT", "VERB", "VBD", "disagree"),
        (".", 12, "punct", "PUNCT", ".", "."),
        ('"', 22, "punct", "PUNCT", "``", '"'),
        ("We", 16, "nsubj", "PRON", "PRP", "we"),
        ("are", 22, "ccomp", "AUX", "VBP", "be"),
        ("ready", 16, "acomp", "ADJ", "JJ", "ready"),
        (",", 22, "punct", "PUNCT", ",", ","),
        ('"', 22, "punct", "PUNCT", "''", '"'),
        ("the", 21, "det", "DET", "DT", "the"),
        ("ministry", 22, "nsubj", "NOUN", "NN", "ministry"),
        ("said", 22, "ROOT", "VERB", "VBD", "say"),
        (".", 22, "punct", "PUNCT", ".", "."),
    ]
    spaces = [False, True, True, True, True, True, True, False, True, True, True, True, False, True, False, True,
              True, False, False, True, True, True, False, False]  # fmt: skip
    doc = parse(rows, ents=[(0, 6, "ORG"), (9, 12, "ORG")], spaces=spaces)
    (q,) = find_quotes(doc)
    assert "Ministry of Water Affairs" in q.speaker.text_in(doc.text)


def test_a_verb_with_its_own_complement_on_the_right_does_not_report_the_clause_on_its_left():
    # The draft , circulated by the presidency , would oblige states to " cut coal by half " , a goal critics say is weak .
    # (misparsed: the whole first clause a complement of "say"); the draft speaks for who circulated it
    doc = parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("draft", 9, "nsubj", "NOUN", "NN", "draft"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("circulated", 1, "acl", "VERB", "VBN", "circulate"),
            ("by", 3, "agent", "ADP", "IN", "by"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("presidency", 4, "pobj", "NOUN", "NN", "presidency"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("would", 9, "aux", "AUX", "MD", "would"),
            ("oblige", 22, "ccomp", "VERB", "VB", "oblige"),
            ("states", 9, "dobj", "NOUN", "NNS", "state"),
            ("to", 13, "aux", "PART", "TO", "to"),
            ('"', 13, "punct", "PUNCT", "``", '"'),
            ("cut", 9, "advcl", "VERB", "VB", "cut"),
            ("coal", 13, "dobj", "NOUN", "NN", "coal"),
            ("by", 13, "prep", "ADP", "IN", "by"),
            ("half", 15, "pobj", "NOUN", "NN", "half"),
            ('"', 13, "punct", "PUNCT", "''", '"'),
            (",", 22, "punct", "PUNCT", ",", ","),
            ("a", 20, "det", "DET", "DT", "a"),
            ("goal", 21, "nmod", "NOUN", "NN", "goal"),
            ("critics", 22, "nsubj", "NOUN", "NNS", "critic"),
            ("say", 22, "ROOT", "VERB", "VBP", "say"),
            ("is", 22, "ccomp", "AUX", "VBZ", "be"),
            ("weak", 23, "acomp", "ADJ", "JJ", "weak"),
            (".", 22, "punct", "PUNCT", ".", "."),
        ],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "the presidency"


def test_an_as_clause_right_after_the_quote_names_who_said_it():
    # Drozd denied plans to " take the islands , " as the daily Glas put it .
    doc = parse(
        [
            ("Drozd", 1, "nsubj", "PROPN", "NNP", "Drozd"),
            ("denied", 1, "ROOT", "VERB", "VBD", "deny"),
            ("plans", 1, "dobj", "NOUN", "NNS", "plan"),
            ("to", 5, "aux", "PART", "TO", "to"),
            ('"', 5, "punct", "PUNCT", "``", '"'),
            ("take", 2, "acl", "VERB", "VB", "take"),
            ("the", 7, "det", "DET", "DT", "the"),
            ("islands", 5, "dobj", "NOUN", "NNS", "island"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ('"', 5, "punct", "PUNCT", "''", '"'),
            ("as", 14, "mark", "SCONJ", "IN", "as"),
            ("the", 13, "det", "DET", "DT", "the"),
            ("daily", 13, "compound", "NOUN", "NN", "daily"),
            ("Glas", 14, "nsubj", "PROPN", "NNP", "Glas"),
            ("put", 1, "advcl", "VERB", "VBD", "put"),
            ("it", 14, "dobj", "PRON", "PRP", "it"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON"), (13, 14, "ORG")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text).endswith("Glas") and "as-clause" in q.origin


def test_a_quoted_predicate_is_the_words_of_the_according_to_source_not_of_its_subject():
    # Ana Rusu spoke with Tomas Brandt and " pledged support , " according to a readout from the ministry .
    doc = parse(
        [
            ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
            ("Rusu", 2, "nsubj", "PROPN", "NNP", "Rusu"),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
            ("with", 2, "prep", "ADP", "IN", "with"),
            ("Tomas", 5, "compound", "PROPN", "NNP", "Tomas"),
            ("Brandt", 3, "pobj", "PROPN", "NNP", "Brandt"),
            ("and", 2, "cc", "CCONJ", "CC", "and"),
            ('"', 8, "punct", "PUNCT", "``", '"'),
            ("pledged", 2, "conj", "VERB", "VBD", "pledge"),
            ("support", 8, "dobj", "NOUN", "NN", "support"),
            (",", 8, "punct", "PUNCT", ",", ","),
            ('"', 8, "punct", "PUNCT", "''", '"'),
            ("according", 8, "prep", "VERB", "VBG", "accord"),
            ("to", 12, "prep", "ADP", "IN", "to"),
            ("a", 15, "det", "DET", "DT", "a"),
            ("readout", 13, "pobj", "NOUN", "NN", "readout"),
            ("from", 15, "prep", "ADP", "IN", "from"),
            ("the", 18, "det", "DET", "DT", "the"),
            ("ministry", 16, "pobj", "NOUN", "NN", "ministry"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (4, 6, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "the ministry"


def test_a_reporting_participle_after_a_stated_clause_belongs_to_the_clause_that_states_it():
    # The survey found that costs had risen , describing the rise as " steep and lasting . "
    doc = parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("survey", 2, "nsubj", "NOUN", "NN", "survey"),
            ("found", 2, "ROOT", "VERB", "VBD", "find"),
            ("that", 6, "mark", "SCONJ", "IN", "that"),
            ("costs", 6, "nsubj", "NOUN", "NNS", "cost"),
            ("had", 6, "aux", "AUX", "VBD", "have"),
            ("risen", 2, "ccomp", "VERB", "VBN", "rise"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("describing", 6, "advcl", "VERB", "VBG", "describe"),
            ("the", 10, "det", "DET", "DT", "the"),
            ("rise", 8, "dobj", "NOUN", "NN", "rise"),
            ("as", 8, "prep", "ADP", "IN", "as"),
            ('"', 13, "punct", "PUNCT", "``", '"'),
            ("steep", 11, "pcomp", "ADJ", "JJ", "steep"),
            ("and", 13, "cc", "CCONJ", "CC", "and"),
            ("lasting", 13, "conj", "ADJ", "JJ", "lasting"),
            (".", 13, "punct", "PUNCT", ".", "."),
            ('"', 13, "punct", "PUNCT", "''", '"'),
        ],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "The survey"


def test_the_name_an_equative_sentence_introduces_is_as_salient_as_a_subject():
    # Tom Becker spoke first . The last speaker of the night was Ava Lind . " I like my school , " she said .
    doc = parse(
        [
            ("Tom", 1, "compound", "PROPN", "NNP", "Tom"),
            ("Becker", 2, "nsubj", "PROPN", "NNP", "Becker"),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
            ("first", 2, "advmod", "ADV", "RB", "first"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ("The", 7, "det", "DET", "DT", "the"),
            ("last", 7, "amod", "ADJ", "JJ", "last"),
            ("speaker", 11, "nsubj", "NOUN", "NN", "speaker"),
            ("of", 7, "prep", "ADP", "IN", "of"),
            ("the", 10, "det", "DET", "DT", "the"),
            ("night", 8, "pobj", "NOUN", "NN", "night"),
            ("was", 11, "ROOT", "AUX", "VBD", "be"),
            ("Ava", 13, "compound", "PROPN", "NNP", "Ava"),
            ("Lind", 11, "attr", "PROPN", "NNP", "Lind"),
            (".", 11, "punct", "PUNCT", ".", "."),
            ('"', 23, "punct", "PUNCT", "``", '"'),
            ("I", 17, "nsubj", "PRON", "PRP", "I"),
            ("like", 23, "ccomp", "VERB", "VBP", "like"),
            ("my", 19, "poss", "PRON", "PRP$", "my"),
            ("school", 17, "dobj", "NOUN", "NN", "school"),
            (",", 23, "punct", "PUNCT", ",", ","),
            ('"', 23, "punct", "PUNCT", "''", '"'),
            ("she", 23, "nsubj", "PRON", "PRP", "she"),
            ("said", 23, "ROOT", "VERB", "VBD", "say"),
            (".", 23, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (12, 14, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Ava Lind"


def test_a_proper_name_subject_is_not_replaced_by_the_party_in_apposition():
    # Ines Vale , the Greens ' leader , called it " our best night . "   (no entity on the name)
    doc = parse(
        [
            ("Ines", 1, "compound", "PROPN", "NNP", "Ines"),
            ("Vale", 8, "nsubj", "PROPN", "NNP", "Vale"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("the", 4, "det", "DET", "DT", "the"),
            ("Greens", 1, "appos", "PROPN", "NNPS", "Greens"),
            ("'", 4, "case", "PART", "POS", "'"),
            ("leader", 1, "appos", "NOUN", "NN", "leader"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("called", 8, "ROOT", "VERB", "VBD", "call"),
            ("it", 8, "dobj", "PRON", "PRP", "it"),
            ('"', 13, "punct", "PUNCT", "``", '"'),
            ("our", 13, "poss", "PRON", "PRP$", "our"),
            ("best", 13, "amod", "ADJ", "JJS", "good"),
            ("night", 8, "oprd", "NOUN", "NN", "night"),
            (".", 13, "punct", "PUNCT", ".", "."),
            ('"', 13, "punct", "PUNCT", "''", '"'),
        ],
        ents=[(4, 5, "NORP")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Ines Vale"


def test_a_heading_quote_with_a_colon_and_a_description_is_the_person_so_described():
    # ‘Nobody told us’: Harbour mayor on the lease  /  Ana Rusu has been the mayor of Vell .
    rows = [
        ("\u2018", 2, "punct", "PUNCT", "``", "'"),
        ("Nobody", 2, "nsubj", "PRON", "NN", "nobody"),
        ("told", 2, "ROOT", "VERB", "VBD", "tell"),
        ("us", 2, "dobj", "PRON", "PRP", "we"),
        ("\u2019", 2, "punct", "PUNCT", "''", "'"),
        (":", 2, "punct", "PUNCT", ":", ":"),
        ("Harbour", 7, "compound", "NOUN", "NN", "harbour"),
        ("mayor", 2, "appos", "NOUN", "NN", "mayor"),
        ("on", 7, "prep", "ADP", "IN", "on"),
        ("the", 10, "det", "DET", "DT", "the"),
        ("lease", 8, "pobj", "NOUN", "NN", "lease"),
        ("\n\n", 10, "dep", "SPACE", "_SP", "\n\n"),
        ("Ana", 13, "compound", "PROPN", "NNP", "Ana"),
        ("Rusu", 15, "nsubj", "PROPN", "NNP", "Rusu"),
        ("has", 15, "aux", "AUX", "VBZ", "have"),
        ("been", 15, "ROOT", "AUX", "VBN", "be"),
        ("the", 17, "det", "DET", "DT", "the"),
        ("mayor", 15, "attr", "NOUN", "NN", "mayor"),
        ("of", 17, "prep", "ADP", "IN", "of"),
        ("Vell", 18, "pobj", "PROPN", "NNP", "Vell"),
        (".", 15, "punct", "PUNCT", ".", "."),
    ]
    spaces = [False, True, True, False, False, True, True, True, True, True, False, False, True, True, True, True,
              True, True, True, False, False]  # fmt: skip
    doc = parse(rows, ents=[(12, 14, "PERSON"), (19, 20, "GPE")], spaces=spaces)
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Ana Rusu" and "headline-colon" in q.origin


def test_an_inverted_document_read_after_the_quote_is_the_person_who_sent_it():
    # " Go now , " read a note , which the clerk , Ada Berg , sent .   (the inverted subject parsed as an object)
    doc = parse(
        [
            ('"', 5, "punct", "PUNCT", "``", '"'),
            ("Go", 5, "ccomp", "VERB", "VB", "go"),
            ("now", 1, "advmod", "ADV", "RB", "now"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ('"', 5, "punct", "PUNCT", "''", '"'),
            ("read", 5, "ROOT", "VERB", "VBD", "read"),
            ("a", 7, "det", "DET", "DT", "a"),
            ("note", 5, "dobj", "NOUN", "NN", "note"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ("which", 16, "dobj", "PRON", "WDT", "which"),
            ("the", 11, "det", "DET", "DT", "the"),
            ("clerk", 16, "nsubj", "NOUN", "NN", "clerk"),
            (",", 11, "punct", "PUNCT", ",", ","),
            ("Ada", 14, "compound", "PROPN", "NNP", "Ada"),
            ("Berg", 11, "appos", "PROPN", "NNP", "Berg"),
            (",", 11, "punct", "PUNCT", ",", ","),
            ("sent", 7, "relcl", "VERB", "VBD", "send"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ],
        ents=[(13, 15, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Ada Berg" and q.speaker_mention.text_in(doc.text).endswith("note")


def test_a_kin_description_with_of_is_the_person_just_named_whatever_their_job():
    # Dock worker Erik Lunde , 34 , spoke . " We are broke , " the father of three said .
    doc = parse(
        [
            ("Dock", 1, "compound", "NOUN", "NN", "dock"),
            ("worker", 3, "compound", "NOUN", "NN", "worker"),
            ("Erik", 3, "compound", "PROPN", "NNP", "Erik"),
            ("Lunde", 7, "nsubj", "PROPN", "NNP", "Lunde"),
            (",", 3, "punct", "PUNCT", ",", ","),
            ("34", 3, "appos", "NUM", "CD", "34"),
            (",", 3, "punct", "PUNCT", ",", ","),
            ("spoke", 7, "ROOT", "VERB", "VBD", "speak"),
            (".", 7, "punct", "PUNCT", ".", "."),
            ('"', 19, "punct", "PUNCT", "``", '"'),
            ("We", 11, "nsubj", "PRON", "PRP", "we"),
            ("are", 19, "ccomp", "AUX", "VBP", "be"),
            ("broke", 11, "acomp", "ADJ", "JJ", "broke"),
            (",", 19, "punct", "PUNCT", ",", ","),
            ('"', 19, "punct", "PUNCT", "''", '"'),
            ("the", 16, "det", "DET", "DT", "the"),
            ("father", 19, "nsubj", "NOUN", "NN", "father"),
            ("of", 16, "prep", "ADP", "IN", "of"),
            ("three", 17, "pobj", "NUM", "CD", "three"),
            ("said", 19, "ROOT", "VERB", "VBD", "say"),
            (".", 19, "punct", "PUNCT", ".", "."),
        ],
        ents=[(2, 4, "PERSON"), (5, 6, "DATE"), (18, 19, "CARDINAL")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Erik Lunde"


def test_a_spokespersons_name_after_the_organisation_is_the_speaker_whatever_its_tag():
    # A spokeswoman for the Vell Group , Ilsa Morn , called it " a disaster . "   (the name tagged ORG, hung on "Group")
    doc = parse(
        [
            ("A", 1, "det", "DET", "DT", "a"),
            ("spokeswoman", 10, "nsubj", "NOUN", "NN", "spokeswoman"),
            ("for", 1, "prep", "ADP", "IN", "for"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("Vell", 5, "compound", "PROPN", "NNP", "Vell"),
            ("Group", 2, "pobj", "PROPN", "NNP", "Group"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ("Ilsa", 8, "compound", "PROPN", "NNP", "Ilsa"),
            ("Morn", 5, "appos", "PROPN", "NNP", "Morn"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ("called", 10, "ROOT", "VERB", "VBD", "call"),
            ("it", 10, "dobj", "PRON", "PRP", "it"),
            ('"', 14, "punct", "PUNCT", "``", '"'),
            ("a", 14, "det", "DET", "DT", "a"),
            ("disaster", 10, "oprd", "NOUN", "NN", "disaster"),
            (".", 14, "punct", "PUNCT", ".", "."),
            ('"', 14, "punct", "PUNCT", "''", '"'),
        ],
        ents=[(3, 6, "ORG"), (7, 9, "ORG")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Ilsa Morn"


def _she_said_after(rows: list[tuple], ents: list[tuple[int, int, str]]):
    # <rows> " Fine , " she said .
    n = len(rows)
    tail = [
        ('"', n + 1, "punct", "PUNCT", "``", '"'),
        ("Fine", n + 5, "ccomp", "ADJ", "JJ", "fine"),
        (",", n + 1, "punct", "PUNCT", ",", ","),
        ('"', n + 1, "punct", "PUNCT", "''", '"'),
        ("she", n + 5, "nsubj", "PRON", "PRP", "she"),
        ("said", n + 5, "ROOT", "VERB", "VBD", "say"),
        (".", n + 5, "punct", "PUNCT", ".", "."),
    ]
    return attributed(parse(rows + tail, ents=ents))


def test_a_name_set_off_as_a_venue_is_no_antecedent_for_she():
    # Lind runs the restaurant , Ember . Ember won a star . "Fine," she said.
    rows = [
        ("Lind", 1, "nsubj", "PROPN", "NNP", "Lind"),
        ("runs", 1, "ROOT", "VERB", "VBZ", "run"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("restaurant", 1, "dobj", "NOUN", "NN", "restaurant"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("Ember", 3, "appos", "PROPN", "NNP", "Ember"),
        (".", 1, "punct", "PUNCT", ".", "."),
        ("Ember", 8, "nsubj", "PROPN", "NNP", "Ember"),
        ("won", 8, "ROOT", "VERB", "VBD", "win"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    assert _she_said_after(rows, [(0, 1, "PERSON"), (5, 6, "PERSON"), (7, 8, "PERSON")]) == [("Fine,", "Lind")]


def test_a_name_written_with_the_is_no_person():
    # Ana Pell scored . The Rovers lost . "Fine," she said.
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
        ("scored", 2, "ROOT", "VERB", "VBD", "score"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("The", 5, "det", "DET", "DT", "the"),
        ("Rovers", 6, "nsubj", "PROPN", "NNPS", "Rovers"),
        ("lost", 6, "ROOT", "VERB", "VBD", "lose"),
        (".", 6, "punct", "PUNCT", ".", "."),
    ]
    assert _she_said_after(rows, [(0, 2, "PERSON"), (5, 6, "PERSON")]) == [("Fine,", "Ana Pell")]


def test_an_untagged_name_opening_an_organisations_name_is_that_organisation():
    # Ana Pell rents from Harrowgate Holdings . Harrowgate declined . "Fine," she said.
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
        ("rents", 2, "ROOT", "VERB", "VBZ", "rent"),
        ("from", 2, "prep", "ADP", "IN", "from"),
        ("Harrowgate", 5, "compound", "PROPN", "NNP", "Harrowgate"),
        ("Holdings", 3, "pobj", "PROPN", "NNP", "Holdings"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Harrowgate", 8, "nsubj", "PROPN", "NNP", "Harrowgate"),
        ("declined", 8, "ROOT", "VERB", "VBD", "decline"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    assert _she_said_after(rows, [(0, 2, "PERSON"), (4, 6, "ORG")]) == [("Fine,", "Ana Pell")]


def test_an_indefinite_document_speaks_for_its_sender_as_written():
    # An email from a clerk warned: "The roof is unsafe."
    doc = parse(
        [
            ("An", 1, "det", "DET", "DT", "an"),
            ("email", 5, "nsubj", "NOUN", "NN", "email"),
            ("from", 1, "prep", "ADP", "IN", "from"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("clerk", 2, "pobj", "NOUN", "NN", "clerk"),
            ("warned", 5, "ROOT", "VERB", "VBD", "warn"),
            (":", 5, "punct", "PUNCT", ":", ":"),
            ('"', 10, "punct", "PUNCT", "``", '"'),
            ("The", 9, "det", "DET", "DT", "the"),
            ("roof", 10, "nsubj", "NOUN", "NN", "roof"),
            ("is", 5, "ccomp", "AUX", "VBZ", "be"),
            ("unsafe", 10, "acomp", "ADJ", "JJ", "unsafe"),
            (".", 10, "punct", "PUNCT", ".", "."),
            ('"', 10, "punct", "PUNCT", "''", '"'),
        ]
    )
    assert attributed(doc) == [("The roof is unsafe.", "a clerk")]


def test_it_after_in_a_statement_is_whoever_issued_the_statement():
    # The Armory hosted the count . Ana Pell conceded in a statement . "We lost," it said .
    doc = parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("Armory", 2, "nsubj", "PROPN", "NNP", "Armory"),
            ("hosted", 2, "ROOT", "VERB", "VBD", "host"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("count", 2, "dobj", "NOUN", "NN", "count"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ("Ana", 7, "compound", "PROPN", "NNP", "Ana"),
            ("Pell", 8, "nsubj", "PROPN", "NNP", "Pell"),
            ("conceded", 8, "ROOT", "VERB", "VBD", "concede"),
            ("in", 8, "prep", "ADP", "IN", "in"),
            ("a", 11, "det", "DET", "DT", "a"),
            ("statement", 9, "pobj", "NOUN", "NN", "statement"),
            (".", 8, "punct", "PUNCT", ".", "."),
            ('"', 15, "punct", "PUNCT", "``", '"'),
            ("We", 15, "nsubj", "PRON", "PRP", "we"),
            ("lost", 19, "ccomp", "VERB", "VBD", "lose"),
            (",", 15, "punct", "PUNCT", ",", ","),
            ('"', 15, "punct", "PUNCT", "''", '"'),
            ("it", 19, "nsubj", "PRON", "PRP", "it"),
            ("said", 19, "ROOT", "VERB", "VBD", "say"),
            (".", 19, "punct", "PUNCT", ".", "."),
        ],
        ents=[(1, 2, "ORG"), (6, 8, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Ana Pell" and q.speaker_mention.text_in(doc.text) == "it"


def test_a_reporting_verb_ending_in_the_colon_before_the_quote_gives_its_literal_subject():
    # "Tired," said one. A second paramedic put it bluntly: "Go home."  (no parse edge joins "put" and
    # the quote; "paramedic" is in no list of speaking nouns, and "it" is what was put, not who spoke)
    rows = [
        ('"', 1, "punct", "PUNCT", "``", '"'),
        ("Tired", 4, "ccomp", "ADJ", "JJ", "tired"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ('"', 1, "punct", "PUNCT", "''", '"'),
        ("said", 4, "ROOT", "VERB", "VBD", "say"),
        ("one", 4, "nsubj", "NUM", "CD", "one"),
        (".", 4, "punct", "PUNCT", ".", "."),
        ("A", 9, "det", "DET", "DT", "a"),
        ("second", 9, "amod", "ADJ", "JJ", "second"),
        ("paramedic", 10, "nsubj", "NOUN", "NN", "paramedic"),
        ("put", 10, "ROOT", "VERB", "VBD", "put"),
        ("it", 10, "dobj", "PRON", "PRP", "it"),
        ("bluntly", 10, "advmod", "ADV", "RB", "bluntly"),
        (":", 10, "punct", "PUNCT", ":", ":"),
        ('"', 15, "punct", "PUNCT", "``", '"'),
        ("Go", 15, "ROOT", "VERB", "VB", "go"),
        ("home", 15, "advmod", "ADV", "RB", "home"),
        (".", 15, "punct", "PUNCT", ".", "."),
        ('"', 15, "punct", "PUNCT", "''", '"'),
    ]
    quote, speaker = attributed(parse(rows))[1]
    assert quote == "Go home." and speaker.endswith("second paramedic")


def _mentions(doc):
    from annotator.nlp.article import Article

    return Article(doc, []).mentions


def test_an_object_pronoun_of_a_persons_own_verb_is_no_evidence_of_that_persons_gender():
    # Professor Jon Hjelm remembers her .
    doc = parse(
        [
            ("Professor", 2, "compound", "PROPN", "NNP", "Professor"),
            ("Jon", 2, "compound", "PROPN", "NNP", "Jon"),
            ("Hjelm", 3, "nsubj", "PROPN", "NNP", "Hjelm"),
            ("remembers", 3, "ROOT", "VERB", "VBZ", "remember"),
            ("her", 3, "dobj", "PRON", "PRP", "she"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ],
        ents=[(1, 3, "PERSON")],
    )
    mentions = _mentions(doc)
    assert "hjelm" not in mentions.votes  # no vote from the text: the gender is his first name's
    assert mentions.gender("hjelm") == mentions.named["hjelm"] == "m"


def test_a_known_surname_the_tagger_took_for_another_word_is_still_a_mention():
    # Ana Tanabe arrived . Tanabe laughs .   (the second "Tanabe" tagged ADJ, no entity)
    doc = parse(
        [
            ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
            ("Tanabe", 2, "nsubj", "PROPN", "NNP", "Tanabe"),
            ("arrived", 2, "ROOT", "VERB", "VBD", "arrive"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ("Tanabe", 5, "nsubj", "ADJ", "JJ", "tanabe"),
            ("laughs", 5, "ROOT", "VERB", "VBZ", "laugh"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON")],
    )
    people = [(m.start, m.label) for m in _mentions(doc).items if m.key == "tanabe"]
    assert people == [(0, "PERSON"), (4, "PERSON")]


def test_a_party_tag_after_a_name_is_no_mention_of_anyone():
    # Rep. Ana Pell (D-Mo.) spoke .   "D-Mo." is her party and state
    doc = parse(
        [
            ("Rep.", 2, "compound", "PROPN", "NNP", "Rep."),
            ("Ana", 2, "compound", "PROPN", "NNP", "Ana"),
            ("Pell", 8, "nsubj", "PROPN", "NNP", "Pell"),
            ("(", 2, "punct", "PUNCT", "-LRB-", "("),
            ("D", 6, "compound", "PROPN", "NNP", "D"),
            ("-", 6, "punct", "PUNCT", "HYPH", "-"),
            ("Mo.", 2, "appos", "PROPN", "NNP", "Mo."),
            (")", 2, "punct", "PUNCT", "-RRB-", ")"),
            ("spoke", 8, "ROOT", "VERB", "VBD", "speak"),
            (".", 8, "punct", "PUNCT", ".", "."),
        ],
        ents=[(1, 3, "PERSON")],
        spaces=[True, True, True, False, False, False, False, True, False, False],
    )
    assert doc.text == "Rep. Ana Pell (D-Mo.) spoke."
    m = _mentions(doc)
    assert [doc[x.start : x.end].text for x in m.items] == ["Ana Pell"]
    assert {"democrat", "missouri"} <= m.items[0].titles


def test_titles_read_back_from_a_name_stop_at_a_verb():
    # Judge Ana Pell said Reyes lied .
    doc = parse(
        [
            ("Judge", 2, "compound", "PROPN", "NNP", "Judge"),
            ("Ana", 2, "compound", "PROPN", "NNP", "Ana"),
            ("Pell", 3, "nsubj", "PROPN", "NNP", "Pell"),
            ("said", 3, "ROOT", "VERB", "VBD", "say"),
            ("Reyes", 5, "nsubj", "PROPN", "NNP", "Reyes"),
            ("lied", 3, "ccomp", "VERB", "VBD", "lie"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ],
        ents=[(1, 3, "PERSON"), (4, 5, "PERSON")],
    )
    titles = {doc[m.start : m.end].text: m.titles for m in _mentions(doc).items}
    assert "judge" in titles["Ana Pell"] and "judge" not in titles["Reyes"]


def test_a_document_written_by_a_titled_person_speaks_for_the_person_not_the_place_in_the_title():
    # The opinion was written by U.S. Judge Ana Pell . "No," the opinion says .
    doc = parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("opinion", 3, "nsubjpass", "NOUN", "NN", "opinion"),
            ("was", 3, "auxpass", "AUX", "VBD", "be"),
            ("written", 3, "ROOT", "VERB", "VBN", "write"),
            ("by", 3, "agent", "ADP", "IN", "by"),
            ("U.S.", 8, "compound", "PROPN", "NNP", "U.S."),
            ("Judge", 8, "compound", "PROPN", "NNP", "Judge"),
            ("Ana", 8, "compound", "PROPN", "NNP", "Ana"),
            ("Pell", 4, "pobj", "PROPN", "NNP", "Pell"),
            (".", 3, "punct", "PUNCT", ".", "."),
            ('"', 11, "punct", "PUNCT", "``", '"'),
            ("No", 16, "ccomp", "INTJ", "UH", "no"),
            (",", 11, "punct", "PUNCT", ",", ","),
            ('"', 11, "punct", "PUNCT", "''", '"'),
            ("the", 15, "det", "DET", "DT", "the"),
            ("opinion", 16, "nsubj", "NOUN", "NN", "opinion"),
            ("says", 16, "ROOT", "VERB", "VBZ", "say"),
            (".", 16, "punct", "PUNCT", ".", "."),
        ],
        ents=[(5, 6, "GPE"), (7, 9, "PERSON")],
    )
    assert attributed(doc) == [("No,", "Ana Pell")]


def _headline(subject: list[tuple], body: list[tuple], ents):
    # <subject> Says Deal 'Is Done' \n\n <body>   (the subject's last word is the subject of "Says")
    n = len(subject)
    says = n
    rows = [
        *subject,
        ("Says", says, "ROOT", "VERB", "VBZ", "say"),
        ("Deal", n + 4, "nsubj", "NOUN", "NN", "deal"),
        ("'", n + 4, "punct", "PUNCT", "``", "'"),
        ("Is", n + 4, "aux", "AUX", "VBZ", "be"),
        ("Done", says, "ccomp", "VERB", "VBN", "do"),
        ("'", n + 4, "punct", "PUNCT", "''", "'"),
        ("\n\n", n + 4, "dep", "SPACE", "_SP", "\n\n"),
    ]
    rows += [(w, h + len(rows), d, p, t, lem) for w, h, d, p, t, lem in body]
    spaces = [True] * (n + 2) + [False, True, False, False, False]
    spaces += [i < len(body) - 2 for i in range(len(body))]
    return attributed(parse(rows, ents=[(s + n + 7, e + n + 7, lab) for s, e, lab in ents], spaces=spaces))


_BODY = [
    ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
    ("Rusu", 2, "nsubj", "PROPN", "NNP", "Rusu"),
    ("won", 2, "ROOT", "VERB", "VBD", "win"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_a_title_case_headline_speaker_is_the_body_person_whose_surname_it_holds():
    # Rusu Wins Vote Says Deal 'Is Done'  /  Ana Rusu won.
    subject = [
        ("Rusu", 1, "compound", "PROPN", "NNP", "Rusu"),
        ("Wins", 2, "compound", "PROPN", "NNP", "Wins"),
        ("Vote", 3, "nsubj", "PROPN", "NNP", "Vote"),
    ]
    assert _headline(subject, _BODY, [(0, 2, "PERSON")]) == [("Is Done", "Ana Rusu")]


def test_a_title_case_headline_description_the_body_never_names_gives_no_speaker():
    # Union Boss Says Deal 'Is Done'  /  Ana Rusu won.
    subject = [
        ("Union", 1, "compound", "PROPN", "NNP", "Union"),
        ("Boss", 2, "nsubj", "PROPN", "NNP", "Boss"),
    ]
    assert _headline(subject, _BODY, [(0, 2, "PERSON")]) == [("Is Done", None)]


def test_a_cue_inside_the_complement_of_another_reporting_verb_names_no_speaker_for_the_quote():
    # Asked whether the council would call a vote , Pell was blunt : "No."
    rows = [
        ("Asked", 10, "advcl", "VERB", "VBN", "ask"),
        ("whether", 5, "mark", "SCONJ", "IN", "whether"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("council", 5, "nsubj", "NOUN", "NN", "council"),
        ("would", 5, "aux", "AUX", "MD", "would"),
        ("call", 0, "ccomp", "VERB", "VB", "call"),
        ("a", 7, "det", "DET", "DT", "a"),
        ("vote", 5, "dobj", "NOUN", "NN", "vote"),
        (",", 10, "punct", "PUNCT", ",", ","),
        ("Pell", 10, "nsubj", "PROPN", "NNP", "Pell"),
        ("was", 10, "ROOT", "AUX", "VBD", "be"),
        ("blunt", 10, "acomp", "ADJ", "JJ", "blunt"),
        (":", 10, "punct", "PUNCT", ":", ":"),
        ('"', 14, "punct", "PUNCT", "``", '"'),
        ("No", 14, "ROOT", "INTJ", "UH", "no"),
        (".", 14, "punct", "PUNCT", ".", "."),
        ('"', 14, "punct", "PUNCT", "''", '"'),
    ]
    assert attributed(parse(rows, ents=[(9, 10, "PERSON")])) == [("No.", "Pell")]


def test_one_named_in_apposition_is_that_person():
    # One, Ana Pell, replied: "Where?"
    rows = [
        ("One", 5, "nsubj", "NUM", "CD", "one"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("Ana", 3, "compound", "PROPN", "NNP", "Ana"),
        ("Pell", 0, "appos", "PROPN", "NNP", "Pell"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("replied", 5, "ROOT", "VERB", "VBD", "reply"),
        (":", 5, "punct", "PUNCT", ":", ":"),
        ('"', 8, "punct", "PUNCT", "``", '"'),
        ("Where", 5, "ccomp", "ADV", "WRB", "where"),
        ("?", 8, "punct", "PUNCT", ".", "?"),
        ('"', 8, "punct", "PUNCT", "''", '"'),
    ]
    spaces = [False, True, True, False, True, False, True, False, False, False, False]
    doc = parse(rows, ents=[(2, 4, "PERSON")], spaces=spaces)
    assert attributed(doc) == [("Where?", "Ana Pell")]


def test_of_two_clauses_before_a_colon_the_one_ending_at_it_gives_the_speaker():
    # The crowd had stood up again , and Reyes gave one answer : "No."
    rows = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("crowd", 3, "nsubj", "NOUN", "NN", "crowd"),
        ("had", 3, "aux", "AUX", "VBD", "have"),
        ("stood", 3, "ROOT", "VERB", "VBN", "stand"),
        ("again", 3, "advmod", "ADV", "RB", "again"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("and", 3, "cc", "CCONJ", "CC", "and"),
        ("Reyes", 8, "nsubj", "PROPN", "NNP", "Reyes"),
        ("gave", 3, "conj", "VERB", "VBD", "give"),
        ("one", 10, "nummod", "NUM", "CD", "one"),
        ("answer", 8, "dobj", "NOUN", "NN", "answer"),
        (":", 8, "punct", "PUNCT", ":", ":"),
        ('"', 13, "punct", "PUNCT", "``", '"'),
        ("No", 13, "ROOT", "INTJ", "UH", "no"),
        (".", 13, "punct", "PUNCT", ".", "."),
        ('"', 13, "punct", "PUNCT", "''", '"'),
    ]
    assert attributed(parse(rows, ents=[(7, 8, "PERSON")])) == [("No.", "Reyes")]


def test_an_aide_to_a_named_person_is_someone_else_kept_as_written():
    # An aide to Ana Pell told staff that it was "closed."
    rows = [
        ("An", 1, "det", "DET", "DT", "an"),
        ("aide", 5, "nsubj", "NOUN", "NN", "aide"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("Ana", 4, "compound", "PROPN", "NNP", "Ana"),
        ("Pell", 2, "pobj", "PROPN", "NNP", "Pell"),
        ("told", 5, "ROOT", "VERB", "VBD", "tell"),
        ("staff", 5, "dobj", "NOUN", "NN", "staff"),
        ("that", 9, "mark", "SCONJ", "IN", "that"),
        ("it", 9, "nsubj", "PRON", "PRP", "it"),
        ("was", 5, "ccomp", "AUX", "VBD", "be"),
        ('"', 11, "punct", "PUNCT", "``", '"'),
        ("closed", 9, "acomp", "ADJ", "JJ", "closed"),
        (".", 11, "punct", "PUNCT", ".", "."),
        ('"', 11, "punct", "PUNCT", "''", '"'),
    ]
    assert attributed(parse(rows, ents=[(3, 5, "PERSON")])) == [("closed.", "An aide to Ana Pell")]


def test_an_unlisted_verb_in_what_a_document_found_gives_the_document_not_the_clause_subject():
    # A report by the office found that repairs were running "far behind" .
    rows = [
        ("A", 1, "det", "DET", "DT", "a"),
        ("report", 5, "nsubj", "NOUN", "NN", "report"),
        ("by", 1, "prep", "ADP", "IN", "by"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("office", 2, "pobj", "NOUN", "NN", "office"),
        ("found", 5, "ROOT", "VERB", "VBD", "find"),
        ("that", 9, "mark", "SCONJ", "IN", "that"),
        ("repairs", 9, "nsubj", "NOUN", "NNS", "repair"),
        ("were", 9, "aux", "AUX", "VBD", "be"),
        ("running", 5, "ccomp", "VERB", "VBG", "run"),
        ('"', 12, "punct", "PUNCT", "``", '"'),
        ("far", 12, "advmod", "ADV", "RB", "far"),
        ("behind", 9, "advmod", "ADV", "RB", "behind"),
        ('"', 12, "punct", "PUNCT", "''", '"'),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    assert attributed(parse(rows)) == [("far behind", "the office")]


def test_a_she_right_after_a_sentence_that_addressed_her_is_not_its_subject():
    # Ana Pell spoke . Tom Reyes put it to her . She disagreed . "No."
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
        ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Tom", 5, "compound", "PROPN", "NNP", "Tom"),
        ("Reyes", 6, "nsubj", "PROPN", "NNP", "Reyes"),
        ("put", 6, "ROOT", "VERB", "VBD", "put"),
        ("it", 6, "dobj", "PRON", "PRP", "it"),
        ("to", 6, "prep", "ADP", "IN", "to"),
        ("her", 8, "pobj", "PRON", "PRP", "she"),
        (".", 6, "punct", "PUNCT", ".", "."),
        ("She", 12, "nsubj", "PRON", "PRP", "she"),
        ("disagreed", 12, "ROOT", "VERB", "VBD", "disagree"),
        (".", 12, "punct", "PUNCT", ".", "."),
        ('"', 15, "punct", "PUNCT", "``", '"'),
        ("No", 15, "ROOT", "INTJ", "UH", "no"),
        (".", 15, "punct", "PUNCT", ".", "."),
        ('"', 15, "punct", "PUNCT", "''", '"'),
    ]
    assert attributed(parse(rows, ents=[(0, 2, "PERSON"), (4, 6, "PERSON")])) == [("No.", "Ana Pell")]


def test_a_name_before_a_common_noun_modifies_it_and_the_description_is_the_person_just_named():
    # Tamsin Reyes was calm . " We lost , " said the Kelby goalkeeper .
    doc = parse(
        [
            ("Tamsin", 1, "compound", "PROPN", "NNP", "Tamsin"),
            ("Reyes", 2, "nsubj", "PROPN", "NNP", "Reyes"),
            ("was", 2, "ROOT", "AUX", "VBD", "be"),
            ("calm", 2, "acomp", "ADJ", "JJ", "calm"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("We", 7, "nsubj", "PRON", "PRP", "we"),
            ("lost", 10, "ccomp", "VERB", "VBD", "lose"),
            (",", 10, "punct", "PUNCT", ",", ","),
            ('"', 10, "punct", "PUNCT", "''", '"'),
            ("said", 10, "ROOT", "VERB", "VBD", "say"),
            ("the", 13, "det", "DET", "DT", "the"),
            ("Kelby", 13, "compound", "PROPN", "NNP", "Kelby"),
            ("goalkeeper", 10, "nsubj", "NOUN", "NN", "goalkeeper"),
            (".", 10, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (12, 13, "PERSON")],
    )
    from annotator.nlp.speakers import speaker_from_head

    found = speaker_from_head(doc, doc[13], literal=True)
    assert doc[found.start : found.end].text == "the Kelby goalkeeper"  # not "Kelby", a fragment
    [q] = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Tamsin Reyes"
    assert q.speaker_mention.text_in(doc.text) == "the Kelby goalkeeper"


def test_capitals_before_an_organisation_noun_are_part_of_the_phrase_not_a_name():
    import spacy

    doc = spacy.blank("en")("Relief agency warns of “a long winter” in the hills")
    [q] = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Relief agency"  # not "Relief"


def test_one_of_several_renamed_by_a_name_set_off_by_commas_is_that_person():
    # One of them , a driver , Ana Lobo , said .  (the parse hangs the name on "driver")
    doc = parse(
        [
            ("One", 10, "nsubj", "NUM", "CD", "one"),
            ("of", 0, "prep", "ADP", "IN", "of"),
            ("them", 1, "pobj", "PRON", "PRP", "they"),
            (",", 0, "punct", "PUNCT", ",", ","),
            ("a", 5, "det", "DET", "DT", "a"),
            ("driver", 0, "appos", "NOUN", "NN", "driver"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ("Ana", 8, "compound", "PROPN", "NNP", "Ana"),
            ("Lobo", 5, "appos", "PROPN", "NNP", "Lobo"),
            (",", 0, "punct", "PUNCT", ",", ","),
            ("said", 10, "ROOT", "VERB", "VBD", "say"),
            (".", 10, "punct", "PUNCT", ".", "."),
        ],
        ents=[(7, 9, "PERSON")],
    )
    from annotator.nlp.speakers import speaker_from_head

    found = speaker_from_head(doc, doc[0], literal=True)
    assert doc[found.start : found.end].text == "Ana Lobo"


def test_an_indefinite_subject_renamed_by_an_apposition_is_given_by_the_apposition():
    from annotator.nlp.speakers import speaker_from_head

    def subject(det: str) -> str:
        # Another guest , a retired pilot , wrote .  /  The guest , a retired pilot , wrote .
        doc = parse(
            [
                (det, 1, "det", "DET", "DT", det.lower()),
                ("guest", 7, "nsubj", "NOUN", "NN", "guest"),
                (",", 1, "punct", "PUNCT", ",", ","),
                ("a", 5, "det", "DET", "DT", "a"),
                ("retired", 5, "amod", "ADJ", "JJ", "retired"),
                ("pilot", 1, "appos", "NOUN", "NN", "pilot"),
                (",", 1, "punct", "PUNCT", ",", ","),
                ("wrote", 7, "ROOT", "VERB", "VBD", "write"),
                (".", 7, "punct", "PUNCT", ".", "."),
            ]
        )
        found = speaker_from_head(doc, doc[1], literal=True)
        return doc[found.start : found.end].text

    assert subject("Another") == "retired pilot"  # who the other one is
    assert subject("The") == "The guest"  # a definite subject is kept as written


def _said_yes(start: int, subject: tuple) -> list[tuple]:
    """ " Yes , " he said .  (or "said the ..."), rows from token ``start``."""
    said = start + 4
    said_at = said + 1 if subject[0] in ("he", "she", "it") else said
    rows = [('"', said_at, "punct", "PUNCT", "``", '"'), ("Yes", said_at, "intj", "INTJ", "UH", "yes"),
            (",", said_at, "punct", "PUNCT", ",", ","), ('"', said_at, "punct", "PUNCT", "''", '"')]  # fmt: skip
    if subject[0] in ("he", "she", "it"):
        return rows[:4] + [(subject[0], said + 1, "nsubj", "PRON", "PRP", subject[0]),
                           ("said", said + 1, "ROOT", "VERB", "VBD", "say"),
                           (".", said + 1, "punct", "PUNCT", ".", ".")]  # fmt: skip
    return rows + [("said", said, "ROOT", "VERB", "VBD", "say"), *subject, (".", said, "punct", "PUNCT", ".", ".")]


def test_a_name_with_a_numeral_after_it_is_a_designation_not_a_person():
    # Tom Pell waits . Ward 6 rings back . " Yes , " he said .
    rows = [
        ("Tom", 1, "compound", "PROPN", "NNP", "Tom"),
        ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
        ("waits", 2, "ROOT", "VERB", "VBZ", "wait"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Ward", 6, "nsubj", "PROPN", "NNP", "Ward"),
        ("6", 4, "nummod", "NUM", "CD", "6"),
        ("rings", 6, "ROOT", "VERB", "VBZ", "ring"),
        ("back", 6, "advmod", "ADV", "RB", "back"),
        (".", 6, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows + _said_yes(len(rows), ("he",)), ents=[(0, 2, "PERSON")])
    assert attributed(doc) == [("Yes,", "Tom Pell")]


def test_a_name_the_tagger_took_a_numeral_into_is_a_designation_not_a_person():
    # Tom Pell waits . Gate 4 rings back . " Yes , " he said .  (the NER tagged "Gate 4" a person)
    rows = [
        ("Tom", 1, "compound", "PROPN", "NNP", "Tom"),
        ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
        ("waits", 2, "ROOT", "VERB", "VBZ", "wait"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Gate", 6, "nsubj", "PROPN", "NNP", "Gate"),
        ("4", 4, "nummod", "NUM", "CD", "4"),
        ("rings", 6, "ROOT", "VERB", "VBZ", "ring"),
        ("back", 6, "advmod", "ADV", "RB", "back"),
        (".", 6, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows + _said_yes(len(rows), ("he",)), ents=[(0, 2, "PERSON"), (4, 6, "PERSON")])
    assert attributed(doc) == [("Yes,", "Tom Pell")]


def test_a_title_before_a_hyphenated_surname_makes_a_person_of_a_name_tagged_an_organisation():
    from annotator.nlp.article import Article
    from annotator.nlp.quote_marks import find_marked_quotes

    # Cllr Ann Lee - Hart spoke .  (tagged ORG; the tokenizer splits the hyphen off)
    rows = [
        ("Cllr", 4, "compound", "PROPN", "NNP", "Cllr"),
        ("Ann", 4, "compound", "PROPN", "NNP", "Ann"),
        ("Lee", 4, "compound", "PROPN", "NNP", "Lee"),
        ("-", 4, "punct", "PUNCT", "HYPH", "-"),
        ("Hart", 5, "nsubj", "PROPN", "NNP", "Hart"),
        ("spoke", 5, "ROOT", "VERB", "VBD", "speak"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(0, 5, "ORG")], spaces=[True, True, False, False, True, False, False])
    assert doc.text == "Cllr Ann Lee-Hart spoke."
    (m,) = Article(doc, find_marked_quotes(doc.text)).mentions.items
    assert m.label == "PERSON"


def test_a_name_a_who_clause_follows_is_a_person_whatever_it_was_tagged():
    # Tom Pell left . Ann Lee ( Lab ) , who chairs it , stayed . " Yes , " she said .  (Ann Lee tagged ORG)
    rows = [
        ("Tom", 1, "compound", "PROPN", "NNP", "Tom"),
        ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
        ("left", 2, "ROOT", "VERB", "VBD", "leave"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Ann", 5, "compound", "PROPN", "NNP", "Ann"),
        ("Lee", 14, "nsubj", "PROPN", "NNP", "Lee"),
        ("(", 5, "punct", "PUNCT", "-LRB-", "("),
        ("Lab", 5, "appos", "PROPN", "NNP", "Lab"),
        (")", 5, "punct", "PUNCT", "-RRB-", ")"),
        (",", 5, "punct", "PUNCT", ",", ","),
        ("who", 11, "nsubj", "PRON", "WP", "who"),
        ("chairs", 5, "relcl", "VERB", "VBZ", "chair"),
        ("it", 11, "dobj", "PRON", "PRP", "it"),
        (",", 5, "punct", "PUNCT", ",", ","),
        ("stayed", 14, "ROOT", "VERB", "VBD", "stay"),
        (".", 14, "punct", "PUNCT", ".", "."),
    ]
    spaces = [True, True, False, True, True, True, False, False, False, True, True, True, False, True, False, True]
    doc = parse(rows + _said_yes(len(rows), ("she",)), ents=[(0, 2, "PERSON"), (4, 6, "ORG")],
                spaces=spaces + [False, False, False, True, True, False, False])  # fmt: skip
    assert doc.text.startswith("Tom Pell left. Ann Lee (Lab), who chairs it, stayed.")
    assert attributed(doc) == [("Yes,", "Ann Lee")]


def test_the_first_word_of_an_organisation_after_the_names_it_alone():
    # Tom Pell rode the Tour of Morlande . Tour ended . " Yes , " said the veteran .
    rows = [
        ("Tom", 1, "compound", "PROPN", "NNP", "Tom"),
        ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
        ("rode", 2, "ROOT", "VERB", "VBD", "ride"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("Tour", 2, "dobj", "PROPN", "NNP", "Tour"),
        ("of", 4, "prep", "ADP", "IN", "of"),
        ("Morlande", 5, "pobj", "PROPN", "NNP", "Morlande"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Tour", 9, "nsubj", "PROPN", "NNP", "Tour"),
        ("ended", 9, "ROOT", "VERB", "VBD", "end"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ]
    n = len(rows)
    subject = (("the", n + 6, "det", "DET", "DT", "the"), ("veteran", n + 4, "nsubj", "NOUN", "NN", "veteran"))
    doc = parse(rows + _said_yes(n, subject), ents=[(0, 2, "PERSON"), (3, 7, "ORG")])
    assert attributed(doc) == [("Yes,", "Tom Pell")]  # not "Tour", the race


def test_a_his_in_a_clause_with_its_own_subject_makes_no_person_of_the_first_subject():
    # Tom Pell coaches Kelby Town . Kelby scored , and by his account the talk was poor . " Yes , " he said .
    rows = [
        ("Tom", 1, "compound", "PROPN", "NNP", "Tom"),
        ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
        ("coaches", 2, "ROOT", "VERB", "VBZ", "coach"),
        ("Kelby", 4, "compound", "PROPN", "NNP", "Kelby"),
        ("Town", 2, "dobj", "PROPN", "NNP", "Town"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Kelby", 7, "nsubj", "PROPN", "NNP", "Kelby"),
        ("scored", 7, "ROOT", "VERB", "VBD", "score"),
        (",", 7, "punct", "PUNCT", ",", ","),
        ("and", 7, "cc", "CCONJ", "CC", "and"),
        ("by", 15, "prep", "ADP", "IN", "by"),
        ("his", 12, "poss", "PRON", "PRP$", "his"),
        ("account", 10, "pobj", "NOUN", "NN", "account"),
        ("the", 14, "det", "DET", "DT", "the"),
        ("talk", 15, "nsubj", "NOUN", "NN", "talk"),
        ("was", 7, "conj", "AUX", "VBD", "be"),
        ("poor", 15, "acomp", "ADJ", "JJ", "poor"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows + _said_yes(len(rows), ("he",)), ents=[(0, 2, "PERSON"), (3, 5, "ORG")])
    assert attributed(doc) == [("Yes,", "Tom Pell")]  # Kelby is the team; "his" is the talk's giver


def test_an_age_set_off_after_a_name_makes_it_a_person():
    # Vell , 22 , easily won . " Yes , " he said .   (the NER took Vell for an organisation)
    rows = [
        ("Vell", 5, "nsubj", "PROPN", "NNP", "Vell"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("22", 0, "appos", "NUM", "CD", "22"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("easily", 5, "advmod", "ADV", "RB", "easily"),
        ("won", 5, "ROOT", "VERB", "VBD", "win"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows + _said_yes(len(rows), ("he",)), ents=[(0, 1, "ORG")])
    assert attributed(doc) == [("Yes,", "Vell")]


def test_a_demonym_description_is_the_subject_of_the_main_clause_before_it():
    # Tom Pell won , while Ana Roe kept her lead . " Yes , " said the young Brevane .
    rows = [
        ("Tom", 1, "compound", "PROPN", "NNP", "Tom"),
        ("Pell", 2, "nsubj", "PROPN", "NNP", "Pell"),
        ("won", 2, "ROOT", "VERB", "VBD", "win"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("while", 7, "mark", "SCONJ", "IN", "while"),
        ("Ana", 6, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 7, "nsubj", "PROPN", "NNP", "Roe"),
        ("kept", 2, "advcl", "VERB", "VBD", "keep"),
        ("her", 9, "poss", "PRON", "PRP$", "her"),
        ("lead", 7, "dobj", "NOUN", "NN", "lead"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    n = len(rows)
    subject = (("the", n + 7, "det", "DET", "DT", "the"), ("young", n + 7, "amod", "ADJ", "JJ", "young"),
               ("Brevane", n + 4, "nsubj", "PROPN", "NNP", "Brevane"))  # fmt: skip
    doc = parse(rows + _said_yes(n, subject), ents=[(0, 2, "PERSON"), (5, 7, "PERSON"), (n + 7, n + 8, "PERSON")])
    [q] = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Tom Pell"  # not Ana Roe, the subject of the clause under "won"
    assert q.speaker_mention.text_in(doc.text) == "the young Brevane"


def test_a_role_given_in_a_relative_clause_is_the_persons_title():
    # Ana Roe , who is the club 's chairwoman , arrived . Tom Pell left . " Yes , " said the chairwoman .
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 10, "nsubj", "PROPN", "NNP", "Roe"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("who", 4, "nsubj", "PRON", "WP", "who"),
        ("is", 1, "relcl", "AUX", "VBZ", "be"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("club", 8, "poss", "NOUN", "NN", "club"),
        ("'s", 6, "case", "PART", "POS", "'s"),
        ("chairwoman", 4, "attr", "NOUN", "NN", "chairwoman"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("arrived", 10, "ROOT", "VERB", "VBD", "arrive"),
        (".", 10, "punct", "PUNCT", ".", "."),
        ("Tom", 13, "compound", "PROPN", "NNP", "Tom"),
        ("Pell", 14, "nsubj", "PROPN", "NNP", "Pell"),
        ("left", 14, "ROOT", "VERB", "VBD", "leave"),
        (".", 14, "punct", "PUNCT", ".", "."),
    ]
    n = len(rows)
    subject = (("the", n + 6, "det", "DET", "DT", "the"), ("chairwoman", n + 4, "nsubj", "NOUN", "NN", "chairwoman"))
    doc = parse(rows + _said_yes(n, subject), ents=[(0, 2, "PERSON"), (12, 14, "PERSON")])
    assert attributed(doc) == [("Yes,", "Ana Roe")]


def test_a_document_given_with_a_possessive_pronoun_speaks_for_whom_the_pronoun_names():
    # Ana Roe stayed home . Her letter was read out . " Yes , " the letter said .
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 2, "nsubj", "PROPN", "NNP", "Roe"),
        ("stayed", 2, "ROOT", "VERB", "VBD", "stay"),
        ("home", 2, "advmod", "ADV", "RB", "home"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Her", 6, "poss", "PRON", "PRP$", "her"),
        ("letter", 8, "nsubjpass", "NOUN", "NN", "letter"),
        ("was", 8, "auxpass", "AUX", "VBD", "be"),
        ("read", 8, "ROOT", "VERB", "VBN", "read"),
        ("out", 8, "prt", "ADP", "RP", "out"),
        (".", 8, "punct", "PUNCT", ".", "."),
        ('"', 17, "punct", "PUNCT", "``", '"'),
        ("Yes", 17, "intj", "INTJ", "UH", "yes"),
        (",", 17, "punct", "PUNCT", ",", ","),
        ('"', 17, "punct", "PUNCT", "''", '"'),
        ("the", 16, "det", "DET", "DT", "the"),
        ("letter", 17, "nsubj", "NOUN", "NN", "letter"),
        ("said", 17, "ROOT", "VERB", "VBD", "say"),
        (".", 17, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(0, 2, "PERSON")])
    assert attributed(doc) == [("Yes,", "Ana Roe")]


def test_a_statement_issued_by_a_described_subject_speaks_for_whom_the_description_names():
    # Ana Roe quit the Vell Book Festival . The festival responded in a statement about the Kell Prize .
    # " Yes , " it said .
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 2, "nsubj", "PROPN", "NNP", "Roe"),
        ("quit", 2, "ROOT", "VERB", "VBD", "quit"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("Vell", 6, "compound", "PROPN", "NNP", "Vell"),
        ("Book", 6, "compound", "PROPN", "NNP", "Book"),
        ("Festival", 2, "dobj", "PROPN", "NNP", "Festival"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("The", 9, "det", "DET", "DT", "the"),
        ("festival", 10, "nsubj", "NOUN", "NN", "festival"),
        ("responded", 10, "ROOT", "VERB", "VBD", "respond"),
        ("in", 10, "prep", "ADP", "IN", "in"),
        ("a", 13, "det", "DET", "DT", "a"),
        ("statement", 11, "pobj", "NOUN", "NN", "statement"),
        ("about", 13, "prep", "ADP", "IN", "about"),
        ("the", 17, "det", "DET", "DT", "the"),
        ("Kell", 17, "compound", "PROPN", "NNP", "Kell"),
        ("Prize", 14, "pobj", "PROPN", "NNP", "Prize"),
        (".", 10, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows + _said_yes(len(rows), ("it",)), ents=[(0, 2, "PERSON"), (3, 7, "ORG"), (16, 18, "ORG")])
    assert attributed(doc) == [("Yes,", "the Vell Book Festival")]  # not the prize the statement was about


def test_a_pronoun_prefers_the_subject_of_the_main_clause_to_one_of_a_clause_under_it():
    # Ana Roe was furious , claiming Tom Pell had been pushed . " Yes , " she said .
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 2, "nsubj", "PROPN", "NNP", "Roe"),
        ("was", 2, "ROOT", "AUX", "VBD", "be"),
        ("furious", 2, "acomp", "ADJ", "JJ", "furious"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("claiming", 2, "advcl", "VERB", "VBG", "claim"),
        ("Tom", 7, "compound", "PROPN", "NNP", "Tom"),
        ("Pell", 10, "nsubjpass", "PROPN", "NNP", "Pell"),
        ("had", 10, "aux", "AUX", "VBD", "have"),
        ("been", 10, "auxpass", "AUX", "VBN", "be"),
        ("pushed", 5, "ccomp", "VERB", "VBN", "push"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows + _said_yes(len(rows), ("she",)), ents=[(0, 2, "PERSON"), (6, 8, "PERSON")])
    assert attributed(doc) == [("Yes,", "Ana Roe")]


def test_a_first_name_alone_is_the_one_person_named_in_full_with_it_however_tagged():
    # Ana Roe arrived . Tom Pell left . Ana smiled . " Yes , " she said .   ("Ana" tagged a place)
    rows = [
        ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 2, "nsubj", "PROPN", "NNP", "Roe"),
        ("arrived", 2, "ROOT", "VERB", "VBD", "arrive"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Tom", 5, "compound", "PROPN", "NNP", "Tom"),
        ("Pell", 6, "nsubj", "PROPN", "NNP", "Pell"),
        ("left", 6, "ROOT", "VERB", "VBD", "leave"),
        (".", 6, "punct", "PUNCT", ".", "."),
        ("Ana", 9, "nsubj", "PROPN", "NNP", "Ana"),
        ("smiled", 9, "ROOT", "VERB", "VBD", "smile"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows + _said_yes(len(rows), ("she",)), ents=[(0, 2, "PERSON"), (4, 6, "PERSON"), (8, 9, "GPE")])
    assert attributed(doc) == [("Yes,", "Ana Roe")]


def test_a_double_barrelled_surname_the_tagger_clipped_at_its_hyphen_is_kept_whole():
    # "Yes," Mr Roe-Vell said.   (the NER tagged only "Vell")
    rows = [
        ('"', 8, "punct", "PUNCT", "``", '"'),
        ("Yes", 8, "intj", "INTJ", "UH", "yes"),
        (",", 8, "punct", "PUNCT", ",", ","),
        ('"', 8, "punct", "PUNCT", "''", '"'),
        ("Mr", 7, "compound", "PROPN", "NNP", "Mr"),
        ("Roe", 7, "compound", "PROPN", "NNP", "Roe"),
        ("-", 7, "punct", "PUNCT", "HYPH", "-"),
        ("Vell", 8, "nsubj", "PROPN", "NNP", "Vell"),
        ("said", 8, "ROOT", "VERB", "VBD", "say"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    spaces = [False, False, False, True, True, False, False, True, False, False]
    doc = parse(rows, ents=[(7, 8, "PERSON")], spaces=spaces)
    assert attributed(doc) == [("Yes,", "Roe-Vell")]


def test_a_double_barrelled_surname_the_tagger_clipped_before_its_hyphen_is_kept_whole():
    # "Yes," Ana Roe-Vell said.   (the NER tagged only "Ana Roe")
    rows = [
        ('"', 8, "punct", "PUNCT", "``", '"'),
        ("Yes", 8, "intj", "INTJ", "UH", "yes"),
        (",", 8, "punct", "PUNCT", ",", ","),
        ('"', 8, "punct", "PUNCT", "''", '"'),
        ("Ana", 7, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 7, "compound", "PROPN", "NNP", "Roe"),
        ("-", 7, "punct", "PUNCT", "HYPH", "-"),
        ("Vell", 8, "nsubj", "PROPN", "NNP", "Vell"),
        ("said", 8, "ROOT", "VERB", "VBD", "say"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    spaces = [False, False, False, True, True, False, False, True, False, False]
    doc = parse(rows, ents=[(4, 6, "PERSON")], spaces=spaces)
    assert attributed(doc) == [("Yes,", "Ana Roe-Vell")]


def test_a_second_that_clause_joined_to_a_complement_is_reported_by_the_verb_above_it():
    # A nurse said Tom Pell had spoken to Ana Roe and that the talk had "gone well" .
    rows = [
        ("A", 1, "det", "DET", "DT", "a"),
        ("nurse", 2, "nsubj", "NOUN", "NN", "nurse"),
        ("said", 2, "ROOT", "VERB", "VBD", "say"),
        ("Tom", 4, "compound", "PROPN", "NNP", "Tom"),
        ("Pell", 6, "nsubj", "PROPN", "NNP", "Pell"),
        ("had", 6, "aux", "AUX", "VBD", "have"),
        ("spoken", 2, "ccomp", "VERB", "VBN", "speak"),
        ("to", 6, "prep", "ADP", "IN", "to"),
        ("Ana", 9, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 7, "pobj", "PROPN", "NNP", "Roe"),
        ("and", 6, "cc", "CCONJ", "CC", "and"),
        ("that", 16, "mark", "SCONJ", "IN", "that"),
        ("the", 13, "det", "DET", "DT", "the"),
        ("talk", 16, "nsubj", "NOUN", "NN", "talk"),
        ("had", 16, "aux", "AUX", "VBD", "have"),
        ('"', 16, "punct", "PUNCT", "``", '"'),
        ("gone", 6, "conj", "VERB", "VBN", "go"),
        ("well", 16, "advmod", "ADV", "RB", "well"),
        ('"', 16, "punct", "PUNCT", "''", '"'),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(3, 5, "PERSON"), (8, 10, "PERSON")])
    [(quote, speaker)] = attributed(doc)
    assert quote == "gone well" and speaker in ("A nurse", "nurse")  # not Tom Pell, who spoke to her


def test_a_name_with_its_organisation_set_off_before_a_subjectless_verb_is_its_subject():
    # In a letter , the agent for the owner , Ana Roe of Vell Land and Sea , said rates were "too high" .
    rows = [
        ("In", 18, "prep", "ADP", "IN", "in"),
        ("a", 2, "det", "DET", "DT", "a"),
        ("letter", 0, "pobj", "NOUN", "NN", "letter"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("the", 5, "det", "DET", "DT", "the"),
        ("agent", 2, "appos", "NOUN", "NN", "agent"),
        ("for", 5, "prep", "ADP", "IN", "for"),
        ("the", 8, "det", "DET", "DT", "the"),
        ("owner", 6, "pobj", "NOUN", "NN", "owner"),
        (",", 5, "punct", "PUNCT", ",", ","),
        ("Ana", 11, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 5, "appos", "PROPN", "NNP", "Roe"),
        ("of", 11, "prep", "ADP", "IN", "of"),
        ("Vell", 14, "compound", "PROPN", "NNP", "Vell"),
        ("Land", 12, "pobj", "PROPN", "NNP", "Land"),
        ("and", 14, "cc", "CCONJ", "CC", "and"),
        ("Sea", 14, "conj", "PROPN", "NNP", "Sea"),
        (",", 18, "punct", "PUNCT", ",", ","),
        ("said", 18, "ROOT", "VERB", "VBD", "say"),
        ("rates", 20, "nsubj", "NOUN", "NNS", "rate"),
        ("were", 18, "ccomp", "AUX", "VBD", "be"),
        ('"', 23, "punct", "PUNCT", "``", '"'),
        ("too", 23, "advmod", "ADV", "RB", "too"),
        ("high", 20, "acomp", "ADJ", "JJ", "high"),
        ('"', 23, "punct", "PUNCT", "''", '"'),
        (".", 18, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(10, 12, "PERSON")])
    from annotator.nlp.speakers import subject_candidates

    assert [t.text for t in subject_candidates(doc, doc[18])] == ["Roe"]  # the parse gave "said" no subject
    assert attributed(doc) == [("too high", "Ana Roe")]


def test_the_interviewee_is_the_intros_subject_not_a_name_it_mentions():
    # Kai Lund opened Tove in May .  /  A : " Yes . "   (only the restaurant's name is tagged PERSON)
    rows = [
        ("Kai", 1, "compound", "PROPN", "NNP", "Kai"),
        ("Lund", 2, "nsubj", "PROPN", "NNP", "Lund"),
        ("opened", 2, "ROOT", "VERB", "VBD", "open"),
        ("Tove", 2, "dobj", "PROPN", "NNP", "Tove"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("May", 4, "pobj", "PROPN", "NNP", "May"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("\n\n", 6, "dep", "SPACE", "_SP", "\n\n"),
        ("A", 11, "npadvmod", "NOUN", "NN", "a"),
        (":", 11, "punct", "PUNCT", ":", ":"),
        ('"', 11, "punct", "PUNCT", "``", '"'),
        ("Yes", 11, "ROOT", "INTJ", "UH", "yes"),
        (".", 11, "punct", "PUNCT", ".", "."),
        ('"', 11, "punct", "PUNCT", "''", '"'),
    ]
    spaces = [True, True, True, True, True, False, False, False, False, True, False, False, False, False]
    doc = parse(rows, ents=[(3, 4, "PERSON"), (5, 6, "DATE")], spaces=spaces)
    assert attributed(doc) == [("Yes.", "Kai Lund")]


def test_an_organisation_named_in_apposition_to_the_subject_speaks():
    # The bus operator , Tarn Valley Coaches , said it had " no plans " .   ("Coaches" tagged a common noun)
    rows = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("bus", 2, "compound", "NOUN", "NN", "bus"),
        ("operator", 8, "nsubj", "NOUN", "NN", "operator"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("Tarn", 5, "compound", "PROPN", "NNP", "Tarn"),
        ("Valley", 6, "compound", "PROPN", "NNP", "Valley"),
        ("Coaches", 2, "appos", "NOUN", "NNS", "coach"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("said", 8, "ROOT", "VERB", "VBD", "say"),
        ("it", 10, "nsubj", "PRON", "PRP", "it"),
        ("had", 8, "ccomp", "VERB", "VBD", "have"),
        ('"', 13, "punct", "PUNCT", "``", '"'),
        ("no", 13, "det", "DET", "DT", "no"),
        ("plans", 10, "dobj", "NOUN", "NNS", "plan"),
        ('"', 13, "punct", "PUNCT", "''", '"'),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(4, 7, "ORG")])
    assert attributed(doc) == [("no plans", "Tarn Valley Coaches")]


def test_an_opening_participle_parsed_as_the_subject_gives_way_to_the_name_after_it():
    # Replying , Ana Rusu said it was " unfair " .   (the parse: "Replying" the subject, the name its conjunct)
    rows = [
        ("Replying", 4, "nsubj", "PROPN", "NNP", "Replying"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("Ana", 3, "compound", "PROPN", "NNP", "Ana"),
        ("Rusu", 0, "conj", "PROPN", "NNP", "Rusu"),
        ("said", 4, "ROOT", "VERB", "VBD", "say"),
        ("it", 6, "nsubj", "PRON", "PRP", "it"),
        ("was", 4, "ccomp", "AUX", "VBD", "be"),
        ('"', 8, "punct", "PUNCT", "``", '"'),
        ("unfair", 6, "acomp", "ADJ", "JJ", "unfair"),
        ('"', 8, "punct", "PUNCT", "''", '"'),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(2, 4, "PERSON")])
    assert attributed(doc) == [("unfair", "Ana Rusu")]


def test_a_statement_given_by_a_she_who_said_in_it_speaks_for_whom_she_is():
    # Ana Roe was hurt .  In a statement , she said no .  " Sorry , " the statement said .
    doc = parse(
        [
            ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
            ("Roe", 3, "nsubjpass", "PROPN", "NNP", "Roe"),
            ("was", 3, "auxpass", "AUX", "VBD", "be"),
            ("hurt", 3, "ROOT", "VERB", "VBN", "hurt"),
            (".", 3, "punct", "PUNCT", ".", "."),
            ("In", 10, "prep", "ADP", "IN", "in"),
            ("a", 7, "det", "DET", "DT", "a"),
            ("statement", 5, "pobj", "NOUN", "NN", "statement"),
            (",", 10, "punct", "PUNCT", ",", ","),
            ("she", 10, "nsubj", "PRON", "PRP", "she"),
            ("said", 10, "ROOT", "VERB", "VBD", "say"),
            ("no", 10, "dobj", "INTJ", "UH", "no"),
            (".", 10, "punct", "PUNCT", ".", "."),
            ('"', 19, "punct", "PUNCT", "``", '"'),
            ("Sorry", 19, "ccomp", "INTJ", "UH", "sorry"),
            (",", 19, "punct", "PUNCT", ",", ","),
            ('"', 19, "punct", "PUNCT", "''", '"'),
            ("the", 18, "det", "DET", "DT", "the"),
            ("statement", 19, "nsubj", "NOUN", "NN", "statement"),
            ("said", 19, "ROOT", "VERB", "VBD", "say"),
            (".", 19, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.speaker.text_in(doc.text), q.speaker_mention.text_in(doc.text)) == ("Ana Roe", "the statement")


def test_the_company_is_the_company_named_not_an_earlier_bare_the_company():
    # Brask Instruments fell .  The company expects losses .  " Sorry , " the company said .
    doc = parse(
        [
            ("Brask", 1, "compound", "PROPN", "NNP", "Brask"),
            ("Instruments", 2, "nsubj", "PROPN", "NNPS", "Instruments"),
            ("fell", 2, "ROOT", "VERB", "VBD", "fall"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ("The", 5, "det", "DET", "DT", "the"),
            ("company", 6, "nsubj", "NOUN", "NN", "company"),
            ("expects", 6, "ROOT", "VERB", "VBZ", "expect"),
            ("losses", 6, "dobj", "NOUN", "NNS", "loss"),
            (".", 6, "punct", "PUNCT", ".", "."),
            ('"', 15, "punct", "PUNCT", "``", '"'),
            ("Sorry", 15, "ccomp", "INTJ", "UH", "sorry"),
            (",", 15, "punct", "PUNCT", ",", ","),
            ('"', 15, "punct", "PUNCT", "''", '"'),
            ("the", 14, "det", "DET", "DT", "the"),
            ("company", 15, "nsubj", "NOUN", "NN", "company"),
            ("said", 15, "ROOT", "VERB", "VBD", "say"),
            (".", 15, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "ORG")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker.text_in(doc.text) == "Brask Instruments"


def test_a_description_by_a_noun_that_says_a_woman_is_the_woman_just_named():
    # Edna Fairlie won .  " Tea , " the gran of six said .   (gran: a kin noun that says a woman, like grandmother)
    for noun in ("gran", "granny", "grandmother"):
        doc = parse(
            [
                ("Edna", 1, "compound", "PROPN", "NNP", "Edna"),
                ("Fairlie", 2, "nsubj", "PROPN", "NNP", "Fairlie"),
                ("won", 2, "ROOT", "VERB", "VBD", "win"),
                (".", 2, "punct", "PUNCT", ".", "."),
                ('"', 12, "punct", "PUNCT", "``", '"'),
                ("Tea", 12, "ccomp", "NOUN", "NN", "tea"),
                (",", 12, "punct", "PUNCT", ",", ","),
                ('"', 12, "punct", "PUNCT", "''", '"'),
                ("the", 9, "det", "DET", "DT", "the"),
                (noun, 12, "nsubj", "NOUN", "NN", noun),
                ("of", 9, "prep", "ADP", "IN", "of"),
                ("six", 10, "pobj", "NUM", "CD", "six"),
                ("said", 12, "ROOT", "VERB", "VBD", "say"),
                (".", 12, "punct", "PUNCT", ".", "."),
            ],
            ents=[(0, 2, "PERSON")],
        )
        (q,) = find_quotes(doc)
        assert (q.speaker.text_in(doc.text), q.speaker_mention.text_in(doc.text)) == ("Edna Fairlie", f"the {noun}")


def test_it_after_a_document_signed_by_someone_set_off_by_name_is_that_document_so_its_signer():
    # The letter , signed by the head , Ana Roe , says no .  " Sorry , " it reads .
    doc = parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("letter", 11, "nsubj", "NOUN", "NN", "letter"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("signed", 1, "acl", "VERB", "VBN", "sign"),
            ("by", 3, "agent", "ADP", "IN", "by"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("head", 4, "pobj", "NOUN", "NN", "head"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("Ana", 9, "compound", "PROPN", "NNP", "Ana"),
            ("Roe", 1, "appos", "PROPN", "NNP", "Roe"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("says", 11, "ROOT", "VERB", "VBZ", "say"),
            ("no", 11, "dobj", "INTJ", "UH", "no"),
            (".", 11, "punct", "PUNCT", ".", "."),
            ('"', 19, "punct", "PUNCT", "``", '"'),
            ("Sorry", 19, "ccomp", "INTJ", "UH", "sorry"),
            (",", 19, "punct", "PUNCT", ",", ","),
            ('"', 19, "punct", "PUNCT", "''", '"'),
            ("it", 19, "nsubj", "PRON", "PRP", "it"),
            ("reads", 19, "ROOT", "VERB", "VBZ", "read"),
            (".", 19, "punct", "PUNCT", ".", "."),
        ],
        ents=[(8, 10, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker is not None and q.speaker.text_in(doc.text) == "Ana Roe", q.origin
    assert "ranker" not in q.origin and q.speaker_mention.text_in(doc.text) == "it"


def test_a_titled_name_before_of_and_a_unit_s_name_is_the_person_however_the_parse_split_it():
    # Outside court , Detective Sergeant Owen Pryle of Tarrow Roads Policing Unit said " Sorry . "
    # (the parse made "court" the subject and the unit's name its apposition, the person a modifier of it)
    doc = parse(
        [
            ("Outside", 1, "amod", "ADJ", "JJ", "outside"),
            ("court", 12, "nsubj", "NOUN", "NN", "court"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("Detective", 6, "compound", "PROPN", "NNP", "Detective"),
            ("Sergeant", 6, "compound", "PROPN", "NNP", "Sergeant"),
            ("Owen", 6, "compound", "PROPN", "NNP", "Owen"),
            ("Pryle", 11, "nmod", "PROPN", "NNP", "Pryle"),
            ("of", 6, "prep", "ADP", "IN", "of"),
            ("Tarrow", 9, "compound", "PROPN", "NNP", "Tarrow"),
            ("Roads", 7, "pobj", "PROPN", "NNP", "Roads"),
            ("Policing", 11, "compound", "PROPN", "NNP", "Policing"),
            ("Unit", 1, "appos", "PROPN", "NNP", "Unit"),
            ("said", 12, "ROOT", "VERB", "VBD", "say"),
            ('"', 14, "punct", "PUNCT", "``", '"'),
            ("Sorry", 12, "ccomp", "INTJ", "UH", "sorry"),
            (".", 14, "punct", "PUNCT", ".", "."),
            ('"', 14, "punct", "PUNCT", "''", '"'),
        ],
    )
    (q,) = find_quotes(doc)
    assert q.speaker is not None and q.speaker.text_in(doc.text) == "Owen Pryle", q.origin


def test_a_substitute_s_minute_in_a_line_up_does_not_make_a_player_a_designation():
    # Kwame Fullerton scored .  " Great , " he said .  Padgett ( Fullerton 60 ) .   ("Ward 6" is a designation;
    # a minute closing brackets after a name is a line-up's substitute)
    doc = parse(
        [
            ("Kwame", 1, "compound", "PROPN", "NNP", "Kwame"),
            ("Fullerton", 2, "nsubj", "PROPN", "NNP", "Fullerton"),
            ("scored", 2, "ROOT", "VERB", "VBD", "score"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 9, "punct", "PUNCT", "``", '"'),
            ("Great", 9, "ccomp", "ADJ", "JJ", "great"),
            (",", 9, "punct", "PUNCT", ",", ","),
            ('"', 9, "punct", "PUNCT", "''", '"'),
            ("he", 9, "nsubj", "PRON", "PRP", "he"),
            ("said", 9, "ROOT", "VERB", "VBD", "say"),
            (".", 9, "punct", "PUNCT", ".", "."),
            ("Padgett", 11, "ROOT", "PROPN", "NNP", "Padgett"),
            ("(", 13, "punct", "PUNCT", "-LRB-", "("),
            ("Fullerton", 11, "appos", "PROPN", "NNP", "Fullerton"),
            ("60", 13, "nummod", "NUM", "CD", "60"),
            (")", 13, "punct", "PUNCT", "-RRB-", ")"),
            (".", 11, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (11, 12, "PERSON"), (13, 14, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker is not None and q.speaker.text_in(doc.text) == "Kwame Fullerton", q.origin
    assert "ranker" not in q.origin and q.speaker_mention.text_in(doc.text) == "he"


def test_he_after_someone_who_gave_his_name_only_as_a_name_is_that_name():
    # Hal Brent spoke .  Her neighbour , who gave his name only as Sid , said no .  " Sorry , " he said .
    doc = parse(
        [
            ("Hal", 1, "compound", "PROPN", "NNP", "Hal"),
            ("Brent", 2, "nsubj", "PROPN", "NNP", "Brent"),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ("Her", 5, "poss", "PRON", "PRP$", "her"),
            ("neighbour", 15, "nsubj", "NOUN", "NN", "neighbour"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ("who", 8, "nsubj", "PRON", "WP", "who"),
            ("gave", 5, "relcl", "VERB", "VBD", "give"),
            ("his", 10, "poss", "PRON", "PRP$", "his"),
            ("name", 8, "dobj", "NOUN", "NN", "name"),
            ("only", 12, "advmod", "ADV", "RB", "only"),
            ("as", 8, "prep", "ADP", "IN", "as"),
            ("Sid", 12, "pobj", "PROPN", "NNP", "Sid"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ("said", 15, "ROOT", "VERB", "VBD", "say"),
            ("no", 15, "dobj", "INTJ", "UH", "no"),
            (".", 15, "punct", "PUNCT", ".", "."),
            ('"', 23, "punct", "PUNCT", "``", '"'),
            ("Sorry", 23, "ccomp", "INTJ", "UH", "sorry"),
            (",", 23, "punct", "PUNCT", ",", ","),
            ('"', 23, "punct", "PUNCT", "''", '"'),
            ("he", 23, "nsubj", "PRON", "PRP", "he"),
            ("said", 23, "ROOT", "VERB", "VBD", "say"),
            (".", 23, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (13, 14, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert q.speaker is not None and q.speaker.text_in(doc.text) == "Sid", q.origin


def test_the_she_who_replies_to_a_question_is_not_the_one_who_asked_it():
    # Ada Quell spoke .  " Why ? " asked Tom Reddin .  " Yes , " she replied .
    doc = parse(
        [
            ("Ada", 1, "compound", "PROPN", "NNP", "Ada"),
            ("Quell", 2, "nsubj", "PROPN", "NNP", "Quell"),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 8, "punct", "PUNCT", "``", '"'),
            ("Why", 8, "advmod", "ADV", "WRB", "why"),
            ("?", 8, "punct", "PUNCT", ".", "?"),
            ('"', 8, "punct", "PUNCT", "''", '"'),
            ("asked", 8, "ROOT", "VERB", "VBD", "ask"),
            ("Tom", 10, "compound", "PROPN", "NNP", "Tom"),
            ("Reddin", 8, "nsubj", "PROPN", "NNP", "Reddin"),
            (".", 8, "punct", "PUNCT", ".", "."),
            ('"', 17, "punct", "PUNCT", "``", '"'),
            ("Yes", 17, "intj", "INTJ", "UH", "yes"),
            (",", 17, "punct", "PUNCT", ",", ","),
            ('"', 17, "punct", "PUNCT", "''", '"'),
            ("she", 17, "nsubj", "PRON", "PRP", "she"),
            ("replied", 17, "ROOT", "VERB", "VBD", "reply"),
            (".", 17, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (9, 11, "PERSON")],
    )
    asked, answer = find_quotes(doc)
    assert asked.speaker.text_in(doc.text) == "Tom Reddin"
    assert answer.speaker is not None and answer.speaker.text_in(doc.text) == "Ada Quell", answer.origin


def test_a_he_or_she_continuing_the_lone_subject_of_the_sentence_before_is_evidence_of_its_gender():
    # Ana Roe climbs the tower . She winds the clock .
    doc = parse(
        [
            ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
            ("Roe", 2, "nsubj", "PROPN", "NNP", "Roe"),
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
    assert _mentions(doc).gender("roe") == "f"
    assert _mentions(doc).gender("roe", strong=True) == "f"  # as strong as a possessive in her own clause


def test_a_kin_noun_set_off_before_a_shared_surname_is_no_honorific_of_the_first_person():
    # Mira Holt trained under her father , Jon Holt . " Fine , " she said .
    # ("father" is an honorific only right before a name, "Father Ilic"; set off by a comma it is a
    # relation, and its surname, shared, is not Mira's evidence of being a man)
    doc = parse(
        [
            ("Mira", 1, "compound", "PROPN", "NNP", "Mira"),
            ("Holt", 2, "nsubj", "PROPN", "NNP", "Holt"),
            ("trained", 2, "ROOT", "VERB", "VBD", "train"),
            ("under", 2, "prep", "ADP", "IN", "under"),
            ("her", 5, "poss", "PRON", "PRP$", "her"),
            ("father", 3, "pobj", "NOUN", "NN", "father"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ("Jon", 8, "compound", "PROPN", "NNP", "Jon"),
            ("Holt", 5, "appos", "PROPN", "NNP", "Holt"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 15, "punct", "PUNCT", "``", '"'),
            ("Fine", 15, "ccomp", "ADJ", "JJ", "fine"),
            (",", 11, "punct", "PUNCT", ",", ","),
            ('"', 11, "punct", "PUNCT", "''", '"'),
            ("she", 15, "nsubj", "PRON", "PRP", "she"),
            ("said", 15, "ROOT", "VERB", "VBD", "say"),
            (".", 15, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (7, 9, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.speaker.text_in(doc.text), q.speaker_mention.text_in(doc.text)) == ("Mira Holt", "she")


def test_a_name_after_of_and_a_settlement_noun_is_a_place_however_tagged():
    # Ana Roe farms above the town of Tellow . (Tellow tagged PERSON)
    doc = parse(
        [
            ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
            ("Roe", 2, "nsubj", "PROPN", "NNP", "Roe"),
            ("farms", 2, "ROOT", "VERB", "VBZ", "farm"),
            ("above", 2, "prep", "ADP", "IN", "above"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("town", 3, "pobj", "NOUN", "NN", "town"),
            ("of", 5, "prep", "ADP", "IN", "of"),
            ("Tellow", 6, "pobj", "PROPN", "NNP", "Tellow"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (7, 8, "PERSON")],
    )
    mentions = _mentions(doc)
    assert "roe" in mentions.person_keys and "tellow" not in mentions.person_keys
    assert not any(m.personal for m in mentions.items if m.start == 7)


def test_settlement_nouns_are_data():
    from annotator.nlp.lexicon import SETTLEMENT_NOUNS

    assert {"village", "town", "parish"} <= SETTLEMENT_NOUNS and "widow" not in SETTLEMENT_NOUNS


def test_an_unnamed_speaker_whom_the_next_sentence_names_by_gave_his_name_as_is_that_person():
    # " Cold , " said a man on the pier . He gave his name as Ivo Trask .
    rows = [
        ('"', 4, "punct", "PUNCT", "``", '"'),
        ("Cold", 4, "ccomp", "ADJ", "JJ", "cold"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ('"', 1, "punct", "PUNCT", "''", '"'),
        ("said", 4, "ROOT", "VERB", "VBD", "say"),
        ("a", 6, "det", "DET", "DT", "a"),
        ("man", 4, "nsubj", "NOUN", "NN", "man"),
        ("on", 6, "prep", "ADP", "IN", "on"),
        ("the", 9, "det", "DET", "DT", "the"),
        ("pier", 7, "pobj", "NOUN", "NN", "pier"),
        (".", 4, "punct", "PUNCT", ".", "."),
        ("He", 12, "nsubj", "PRON", "PRP", "he"),
        ("gave", 12, "ROOT", "VERB", "VBD", "give"),
        ("his", 14, "poss", "PRON", "PRP$", "his"),
        ("name", 12, "dobj", "NOUN", "NN", "name"),
        ("as", 12, "prep", "ADP", "IN", "as"),
        ("Ivo", 17, "compound", "PROPN", "NNP", "Ivo"),
        ("Trask", 15, "pobj", "PROPN", "NNP", "Trask"),
        (".", 12, "punct", "PUNCT", ".", "."),
    ]
    assert attributed(parse(rows, ents=[(16, 18, "PERSON")])) == [("Cold,", "Ivo Trask")]


def test_a_titled_person_set_off_against_an_organisation_noun_the_parse_made_a_subject_is_still_a_person():
    # Outside court , Detective Sergeant Ana Roe of the county team said so .
    doc = parse(
        [
            ("Outside", 1, "amod", "ADJ", "JJ", "outside"),
            ("court", 11, "nsubj", "NOUN", "NN", "court"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("Detective", 6, "compound", "PROPN", "NNP", "Detective"),
            ("Sergeant", 6, "compound", "PROPN", "NNP", "Sergeant"),
            ("Ana", 6, "compound", "PROPN", "NNP", "Ana"),
            ("Roe", 1, "appos", "PROPN", "NNP", "Roe"),
            ("of", 6, "prep", "ADP", "IN", "of"),
            ("the", 10, "det", "DET", "DT", "the"),
            ("county", 10, "compound", "NOUN", "NN", "county"),
            ("team", 7, "pobj", "NOUN", "NN", "team"),
            ("said", 11, "ROOT", "VERB", "VBD", "say"),
            ("so", 11, "advmod", "ADV", "RB", "so"),
            (".", 11, "punct", "PUNCT", ".", "."),
        ],
        ents=[(4, 7, "PERSON")],
    )
    assert "roe" in _mentions(doc).person_keys


def test_a_described_company_as_subject_is_the_company_named():
    # Orvane Foods cut jobs . The pizza company said " Sales fell . "
    rows = [
        ("Orvane", 1, "compound", "PROPN", "NNP", "Orvane"),
        ("Foods", 2, "nsubj", "PROPN", "NNPS", "Foods"),
        ("cut", 2, "ROOT", "VERB", "VBD", "cut"),
        ("jobs", 2, "dobj", "NOUN", "NNS", "job"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("The", 7, "det", "DET", "DT", "the"),
        ("pizza", 7, "compound", "NOUN", "NN", "pizza"),
        ("company", 8, "nsubj", "NOUN", "NN", "company"),
        ("said", 8, "ROOT", "VERB", "VBD", "say"),
        ('"', 11, "punct", "PUNCT", "``", '"'),
        ("Sales", 11, "nsubj", "NOUN", "NNS", "sale"),
        ("fell", 8, "ccomp", "VERB", "VBD", "fall"),
        (".", 11, "punct", "PUNCT", ".", "."),
        ('"', 11, "punct", "PUNCT", "''", '"'),
    ]
    assert attributed(parse(rows, ents=[(0, 2, "ORG")])) == [("Sales fell.", "Orvane Foods")]


def test_a_verb_after_a_question_is_no_report_of_a_reporting_verb_inside_the_quote():
    # Vera Holm spoke first . " Can you tell us the cost ? " asked Ana Rusu .  (the parser hangs "asked" under "tell")
    doc = parse(
        [
            ("Vera", 1, "compound", "PROPN", "NNP", "Vera"),
            ("Holm", 2, "nsubj", "PROPN", "NNP", "Holm"),
            ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("Can", 7, "aux", "AUX", "MD", "can"),
            ("you", 7, "nsubj", "PRON", "PRP", "you"),
            ("tell", 7, "ROOT", "VERB", "VB", "tell"),
            ("us", 7, "dative", "PRON", "PRP", "we"),
            ("the", 10, "det", "DET", "DT", "the"),
            ("cost", 7, "dobj", "NOUN", "NN", "cost"),
            ("?", 7, "punct", "PUNCT", ".", "?"),
            ('"', 7, "punct", "PUNCT", "''", '"'),
            ("asked", 7, "ccomp", "VERB", "VBD", "ask"),
            ("Ana", 15, "compound", "PROPN", "NNP", "Ana"),
            ("Rusu", 13, "nsubj", "PROPN", "NNP", "Rusu"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON"), (14, 16, "PERSON")],
    )
    assert attributed(doc) == [("Can you tell us the cost ?", "Ana Rusu")]


def test_a_cue_in_a_relative_clause_on_a_description_in_apposition_to_a_name_gives_the_name():
    # Ana Roe , a nurse who said she was " tired of waiting , " left .
    doc = parse(
        [
            ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
            ("Roe", 17, "nsubj", "PROPN", "NNP", "Roe"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("a", 4, "det", "DET", "DT", "a"),
            ("nurse", 1, "appos", "NOUN", "NN", "nurse"),
            ("who", 6, "nsubj", "PRON", "WP", "who"),
            ("said", 4, "relcl", "VERB", "VBD", "say"),
            ("she", 8, "nsubj", "PRON", "PRP", "she"),
            ("was", 6, "ccomp", "AUX", "VBD", "be"),
            ('"', 8, "punct", "PUNCT", "``", '"'),
            ("tired", 8, "acomp", "ADJ", "JJ", "tired"),
            ("of", 10, "prep", "ADP", "IN", "of"),
            ("waiting", 11, "pcomp", "VERB", "VBG", "wait"),
            (",", 8, "punct", "PUNCT", ",", ","),
            ('"', 8, "punct", "PUNCT", "''", '"'),
            ("and", 17, "cc", "CCONJ", "CC", "and"),
            ("then", 17, "advmod", "ADV", "RB", "then"),
            ("left", 17, "ROOT", "VERB", "VBD", "leave"),
            (".", 17, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON")],
    )
    assert attributed(doc) == [("tired of waiting,", "Ana Roe")]


def test_a_cue_in_a_second_relative_clause_joined_by_and_gives_the_name_the_description_renames():
    # Ben Ode , a baker who trained abroad and who likes to say " bread is patience , " retired .
    doc = parse(
        [
            ("Ben", 1, "compound", "PROPN", "NNP", "Ben"),
            ("Ode", 19, "nsubj", "PROPN", "NNP", "Ode"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("a", 4, "det", "DET", "DT", "a"),
            ("baker", 1, "appos", "NOUN", "NN", "baker"),
            ("who", 6, "nsubj", "PRON", "WP", "who"),
            ("trained", 4, "relcl", "VERB", "VBD", "train"),
            ("abroad", 6, "advmod", "ADV", "RB", "abroad"),
            ("and", 6, "cc", "CCONJ", "CC", "and"),
            ("who", 10, "nsubj", "PRON", "WP", "who"),
            ("likes", 6, "conj", "VERB", "VBZ", "like"),
            ("to", 12, "aux", "PART", "TO", "to"),
            ("say", 10, "xcomp", "VERB", "VB", "say"),
            ('"', 15, "punct", "PUNCT", "``", '"'),
            ("bread", 15, "nsubj", "NOUN", "NN", "bread"),
            ("is", 12, "ccomp", "AUX", "VBZ", "be"),
            ("patience", 15, "attr", "NOUN", "NN", "patience"),
            (",", 15, "punct", "PUNCT", ",", ","),
            ('"', 15, "punct", "PUNCT", "''", '"'),
            ("retired", 19, "ROOT", "VERB", "VBD", "retire"),
            (".", 19, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON")],
    )
    assert attributed(doc) == [("bread is patience,", "Ben Ode")]


def test_a_cue_in_a_relative_clause_on_a_plain_noun_still_gives_that_noun():
    # The mayor thanked the workers who said " we are proud . "
    doc = parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
            ("thanked", 2, "ROOT", "VERB", "VBD", "thank"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("workers", 2, "dobj", "NOUN", "NNS", "worker"),
            ("who", 6, "nsubj", "PRON", "WP", "who"),
            ("said", 4, "relcl", "VERB", "VBD", "say"),
            ('"', 9, "punct", "PUNCT", "``", '"'),
            ("we", 9, "nsubj", "PRON", "PRP", "we"),
            ("are", 6, "ccomp", "AUX", "VBP", "be"),
            ("proud", 9, "acomp", "ADJ", "JJ", "proud"),
            (".", 9, "punct", "PUNCT", ".", "."),
            ('"', 9, "punct", "PUNCT", "''", '"'),
        ],
    )
    assert attributed(doc) == [("we are proud.", "the workers")]


def _after_a_named_sentence(rows: list[tuple], ents=()) -> object:
    """ "Lane spoke ." and then ``rows`` (heads and entities counted from the first of them): a person is named
    just before, so a rule that gives nothing leaves the quote to that earlier name."""
    lead = [("Lane", 1, "nsubj", "PROPN", "NNP", "Lane"), ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    n = len(lead)
    return parse(lead + [(w, h + n, d, p, t, le) for w, h, d, p, t, le in rows],
                 ents=[(0, 1, "PERSON")] + [(a + n, b + n, label) for a, b, label in ents])


def _question_then(rows_after: list[tuple], ents=()) -> object:
    """ "Lane spoke . " Was that wise ? " and a sentence of its own (the parse ends the question at its mark)."""
    rows = [
        ('"', 1, "punct", "PUNCT", "``", '"'),
        ("Was", 1, "ROOT", "AUX", "VBD", "be"),
        ("that", 1, "nsubj", "PRON", "DT", "that"),
        ("wise", 1, "acomp", "ADJ", "JJ", "wise"),
        ("?", 1, "punct", "PUNCT", ".", "?"),
        ('"', 1, "punct", "PUNCT", "''", '"'),
    ]
    n = len(rows)
    return _after_a_named_sentence(rows + [(w, h + n, d, p, t, le) for w, h, d, p, t, le in rows_after],
                                   ents=[(a + n, b + n, label) for a, b, label in ents])


def test_a_question_then_a_sentence_opening_with_a_subject_and_an_unlisted_verb_is_attributed_to_that_subject():
    # Lane spoke . " Was that wise ? " Deacon pressed .
    doc = _question_then(
        [
            ("Deacon", 1, "nsubj", "PROPN", "NNP", "Deacon"),
            ("pressed", 1, "ROOT", "VERB", "VBD", "press"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert attributed(doc) == [("Was that wise ?", "Deacon")]  # not Lane, named before


def test_an_exclamation_then_a_long_sentence_opening_with_its_subject_and_verb_is_attributed_to_that_subject():
    # Lane spoke . " Stop ! " Ana Roe shouted from the back of the hall , waving both arms at the stage .
    doc = _after_a_named_sentence(
        [
            ('"', 1, "punct", "PUNCT", "``", '"'),
            ("Stop", 1, "ROOT", "VERB", "VB", "stop"),
            ("!", 1, "punct", "PUNCT", ".", "!"),
            ('"', 1, "punct", "PUNCT", "''", '"'),
            ("Ana", 5, "compound", "PROPN", "NNP", "Ana"),
            ("Roe", 6, "nsubj", "PROPN", "NNP", "Roe"),
            ("shouted", 6, "ROOT", "VERB", "VBD", "shout"),
            ("from", 6, "prep", "ADP", "IN", "from"),
            ("the", 9, "det", "DET", "DT", "the"),
            ("back", 7, "pobj", "NOUN", "NN", "back"),
            ("of", 9, "prep", "ADP", "IN", "of"),
            ("the", 12, "det", "DET", "DT", "the"),
            ("hall", 10, "pobj", "NOUN", "NN", "hall"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("waving", 6, "advcl", "VERB", "VBG", "wave"),
            ("both", 16, "det", "DET", "DT", "both"),
            ("arms", 14, "dobj", "NOUN", "NNS", "arm"),
            ("at", 14, "prep", "ADP", "IN", "at"),
            ("the", 19, "det", "DET", "DT", "the"),
            ("stage", 17, "pobj", "NOUN", "NN", "stage"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
        ents=[(4, 6, "PERSON")],
    )
    assert attributed(doc) == [("Stop !", "Ana Roe")]


def test_a_question_then_a_sentence_whose_verb_does_something_to_an_object_is_no_attribution():
    # Lane spoke . " Was that wise ? " Deacon won the cup .   (a deed, not a way of saying)
    doc = _question_then(
        [
            ("Deacon", 1, "nsubj", "PROPN", "NNP", "Deacon"),
            ("won", 1, "ROOT", "VERB", "VBD", "win"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("cup", 1, "dobj", "NOUN", "NN", "cup"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert not any("next-sentence" in q.origin for q in find_quotes(doc))


def test_a_listener_verb_right_after_a_question_with_no_subject_of_its_own_is_inverted_its_object_asks():
    # Lane spoke . " Why now ? " asked a reporter from the Post .
    doc = _after_a_named_sentence(
        [
            ('"', 2, "punct", "PUNCT", "``", '"'),
            ("Why", 2, "advmod", "SCONJ", "WRB", "why"),
            ("now", 5, "ccomp", "ADV", "RB", "now"),
            ("?", 2, "punct", "PUNCT", ".", "?"),
            ('"', 2, "punct", "PUNCT", "''", '"'),
            ("asked", 5, "ROOT", "VERB", "VBD", "ask"),
            ("a", 7, "det", "DET", "DT", "a"),
            ("reporter", 5, "dobj", "NOUN", "NN", "reporter"),
            ("from", 5, "prep", "ADP", "IN", "from"),
            ("the", 10, "det", "DET", "DT", "the"),
            ("Post", 8, "pobj", "PROPN", "NNP", "Post"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ],
        ents=[(9, 11, "ORG")],
    )
    assert attributed(doc) == [("Why now ?", "reporter")]


def test_the_he_of_any_verb_answering_in_the_paragraph_after_a_question_is_not_the_one_who_asked_it():
    # Tom Vale spoke . \n\n " Is it safe ? " a reporter asked . \n\n " Always , " he said .
    rows = [
        ("Tom", 1, "compound", "PROPN", "NNP", "Tom"),
        ("Vale", 2, "nsubj", "PROPN", "NNP", "Vale"),
        ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("\n\n", 2, "dep", "SPACE", "_SP", "\n\n"),
        ('"', 6, "punct", "PUNCT", "``", '"'),
        ("Is", 13, "ccomp", "AUX", "VBZ", "be"),
        ("it", 6, "nsubj", "PRON", "PRP", "it"),
        ("safe", 6, "acomp", "ADJ", "JJ", "safe"),
        ("?", 6, "punct", "PUNCT", ".", "?"),
        ('"', 6, "punct", "PUNCT", "''", '"'),
        ("a", 12, "det", "DET", "DT", "a"),
        ("reporter", 13, "nsubj", "NOUN", "NN", "reporter"),
        ("asked", 13, "ROOT", "VERB", "VBD", "ask"),
        (".", 13, "punct", "PUNCT", ".", "."),
        ("\n\n", 13, "dep", "SPACE", "_SP", "\n\n"),
        ('"', 21, "punct", "PUNCT", "``", '"'),
        ("Always", 21, "advmod", "ADV", "RB", "always"),
        (",", 21, "punct", "PUNCT", ",", ","),
        ('"', 21, "punct", "PUNCT", "''", '"'),
        ("he", 21, "nsubj", "PRON", "PRP", "he"),
        ("said", 21, "ROOT", "VERB", "VBD", "say"),
        (".", 21, "punct", "PUNCT", ".", "."),
    ]
    spaces = [True, True, False, False, False, False, True, True, False, False, True, True, True, False, False,
              False, False, False, False, True, True, False, False]
    doc = parse(rows, ents=[(0, 2, "PERSON")], spaces=spaces)
    asked, answer = find_quotes(doc)
    assert asked.speaker.text_in(doc.text) == "reporter"
    assert answer.speaker is not None and answer.speaker.text_in(doc.text) == "Tom Vale", answer.origin


def test_a_name_set_off_right_after_a_described_subject_is_that_subject_wherever_the_parse_hung_it():
    # Its chair , Ana Roe , said he had " no plans . "   (the parse made "chair" the subject of "had")
    doc = parse(
        [
            ("Its", 1, "poss", "PRON", "PRP$", "its"),
            ("chair", 8, "nsubj", "NOUN", "NN", "chair"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("Ana", 4, "compound", "PROPN", "NNP", "Ana"),
            ("Roe", 6, "nsubj", "PROPN", "NNP", "Roe"),
            (",", 4, "punct", "PUNCT", ",", ","),
            ("said", 8, "parataxis", "VERB", "VBD", "say"),
            ("he", 8, "nsubj", "PRON", "PRP", "he"),
            ("had", 8, "ROOT", "VERB", "VBD", "have"),
            ('"', 8, "punct", "PUNCT", "``", '"'),
            ("no", 11, "det", "DET", "DT", "no"),
            ("plans", 8, "dobj", "NOUN", "NNS", "plan"),
            (".", 8, "punct", "PUNCT", ".", "."),
            ('"', 8, "punct", "PUNCT", "''", '"'),
        ],
        ents=[(3, 5, "PERSON")],
    )
    from annotator.nlp.speakers import speaker_from_head

    found = speaker_from_head(doc, doc[1], literal=True)  # the subject of the verb the quote hangs from
    assert found is not None and doc[found.start : found.end].text == "Ana Roe"


def test_a_description_with_no_name_set_off_after_it_speaks_as_written():
    # The chair , visibly tired , said " we wait . "
    doc = parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("chair", 6, "nsubj", "NOUN", "NN", "chair"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("visibly", 4, "advmod", "ADV", "RB", "visibly"),
            ("tired", 1, "amod", "ADJ", "JJ", "tired"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("said", 6, "ROOT", "VERB", "VBD", "say"),
            ('"', 9, "punct", "PUNCT", "``", '"'),
            ("we", 9, "nsubj", "PRON", "PRP", "we"),
            ("wait", 6, "ccomp", "VERB", "VBP", "wait"),
            (".", 9, "punct", "PUNCT", ".", "."),
            ('"', 9, "punct", "PUNCT", "''", '"'),
        ],
    )
    from annotator.nlp.speakers import speaker_from_head

    found = speaker_from_head(doc, doc[1], literal=True)
    assert found is not None and doc[found.start : found.end].text == "The chair"


def test_a_clause_with_its_own_subject_hung_on_a_document_noun_is_no_description_of_it():
    # Dalby said in a memo that staff were told "in person" .  (the parser hung "told" on "memo" as acl)
    doc = parse(
        [
            ("Dalby", 1, "nsubj", "PROPN", "NNP", "Dalby"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("memo", 2, "pobj", "NOUN", "NN", "memo"),
            ("that", 8, "mark", "SCONJ", "IN", "that"),
            ("staff", 8, "nsubjpass", "NOUN", "NN", "staff"),
            ("were", 8, "auxpass", "AUX", "VBD", "be"),
            ("told", 4, "acl", "VERB", "VBN", "tell"),
            ('"', 8, "punct", "PUNCT", "``", '"'),
            ("in", 8, "prep", "ADP", "IN", "in"),
            ("person", 10, "pobj", "NOUN", "NN", "person"),
            ('"', 8, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "ORG")],
    )
    # "told" has a subject of its own ("staff"): a misparsed complement, not a participle describing the memo,
    # so the quote goes to the subject of "said", never to "memo"
    assert attributed(doc) == [("in person", "Dalby")]


def test_a_possessive_after_an_object_pronoun_of_its_gender_is_no_evidence_of_the_subjects_gender():
    # Ana Roe takes him at his word . " Fine , " she said .  ("his" may be his, not hers: no vote that she is a man)
    doc = parse(
        [
            ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
            ("Roe", 2, "nsubj", "PROPN", "NNP", "Roe"),
            ("takes", 2, "ROOT", "VERB", "VBZ", "take"),
            ("him", 2, "dobj", "PRON", "PRP", "he"),
            ("at", 2, "prep", "ADP", "IN", "at"),
            ("his", 6, "poss", "PRON", "PRP$", "his"),
            ("word", 4, "pobj", "NOUN", "NN", "word"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ('"', 13, "punct", "PUNCT", "``", '"'),
            ("Fine", 13, "ccomp", "ADJ", "JJ", "fine"),
            (",", 9, "punct", "PUNCT", ",", ","),
            ('"', 9, "punct", "PUNCT", "''", '"'),
            ("she", 13, "nsubj", "PRON", "PRP", "she"),
            ("said", 13, "ROOT", "VERB", "VBD", "say"),
            (".", 13, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "PERSON")],
    )
    from annotator.nlp.article import Article
    from annotator.nlp.quote_marks import find_marked_quotes

    mentions = Article(doc, find_marked_quotes(doc.text)).mentions
    assert "roe" not in mentions.votes  # no vote from the text: the gender is her first name's
    assert mentions.gender("roe") == mentions.named["roe"] == "f"


def test_a_capitalised_word_the_text_also_writes_in_lower_case_is_no_name_where_a_sentence_opens():
    from annotator.nlp.article import Article
    from annotator.nlp.quote_marks import find_marked_quotes

    # Collie finds a lost ring . Ana Roe thanked the collie .  (the first "Collie" tagged a person)
    rows = [
        ("Collie", 1, "nsubj", "PROPN", "NNP", "Collie"),
        ("finds", 1, "ROOT", "VERB", "VBZ", "find"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("lost", 4, "amod", "ADJ", "JJ", "lost"),
        ("ring", 1, "dobj", "NOUN", "NN", "ring"),
        (".", 1, "punct", "PUNCT", ".", "."),
        ("Ana", 7, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 8, "nsubj", "PROPN", "NNP", "Roe"),
        ("thanked", 8, "ROOT", "VERB", "VBD", "thank"),
        ("the", 10, "det", "DET", "DT", "the"),
        ("collie", 8, "dobj", "NOUN", "NN", "collie"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(0, 1, "PERSON"), (6, 8, "PERSON")])
    assert [doc[m.start : m.end].text for m in Article(doc, find_marked_quotes(doc.text)).mentions.items] == ["Ana Roe"]


def _office_said(second: tuple, second_label: str) -> tuple:
    # The Weir Warden , Ms. Ada Pollick , said the sluice held .   (the parse tags the office a body)
    rows = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("Weir", 2, "compound", "PROPN", "NNP", "weir"),
        ("Warden", 8, "nsubj", "PROPN", "NNP", "warden"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("Ms.", 6, "compound", "PROPN", "NNP", "ms."),
        second,
        ("Pollick", 2, "appos", "PROPN", "NNP", "pollick"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("said", 8, "ROOT", "VERB", "VBD", "say"),
        ("the", 10, "det", "DET", "DT", "the"),
        ("sluice", 11, "nsubj", "NOUN", "NN", "sluice"),
        ("held", 8, "ccomp", "VERB", "VBD", "hold"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    return parse(rows, ents=[(0, 3, "ORG"), (5, 7, second_label)])


def test_a_person_set_off_after_an_office_tagged_as_a_body_is_the_speaker():
    from annotator.nlp.speakers import speaker_from_head

    doc = _office_said(("Ada", 6, "compound", "PROPN", "NNP", "ada"), "PERSON")
    found = speaker_from_head(doc, doc[2], literal=True)
    assert doc[found.start : found.end].text == "Ada Pollick"  # the person, not "The Weir Warden"
    doc = _office_said(("Ada", 6, "compound", "PROPN", "NNP", "ada"), "ORG")
    found = speaker_from_head(doc, doc[2], literal=True)
    assert doc[found.start : found.end].text == "The Weir Warden"  # a body beside a body stays the subject


def _paragraphs(*paras):
    """Rows for parse() and their spaces from paragraphs of (word, head offset in the paragraph or None for its
    root, dep, pos, tag, lemma), a "\n\n" token between them; a paragraph given as a string is its words, each
    hung on the first."""
    rows, spaces = [], []
    for n, para in enumerate(paras):
        if n:
            rows.append(("\n\n", len(rows) - 1, "dep", "SPACE", "_SP", "\n\n"))
            spaces[-1:] = [False, False]
        if isinstance(para, str):
            para = [(w, None if k == 0 else 0, "ROOT" if k == 0 else "dep", "X", "XX", w) for k, w in enumerate(para.split())]
        base = len(rows)
        for k, (word, head, dep, pos, tag, lemma) in enumerate(para):
            rows.append((word, base + (k if head is None else head), dep, pos, tag, lemma))
            spaces.append(k + 1 < len(para) and para[k + 1][0] not in (".", ",", ":", "?"))
    return rows, spaces


_QA = ("Q : Why ice ?", "A : It moves .", "Q : How fast ?", "A : Faster now .")


def _interview(intro, ents):
    rows, spaces = _paragraphs("Ice", [("By", None, "ROOT", "ADP", "IN", "by"), ("Ines", 2, "compound", "PROPN",
                               "NNP", "Ines"), ("Carrow", 0, "pobj", "PROPN", "NNP", "Carrow")], intro, *_QA)
    return parse(rows, ents=[(3, 5, "PERSON"), *ents], spaces=spaces)


def test_who_an_interview_intro_says_spoke_to_us_answers():
    # Odile Brand trained Ana Roe . Roe spoke to us .  (the first person named is not the one interviewed)
    intro = [
        ("Odile", 1, "compound", "PROPN", "NNP", "Odile"),
        ("Brand", 2, "nsubj", "PROPN", "NNP", "Brand"),
        ("trained", None, "ROOT", "VERB", "VBD", "train"),
        ("Ana", 4, "compound", "PROPN", "NNP", "Ana"),
        ("Roe", 2, "dobj", "PROPN", "NNP", "Roe"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Roe", 7, "nsubj", "PROPN", "NNP", "Roe"),
        ("spoke", None, "ROOT", "VERB", "VBD", "speak"),
        ("to", 7, "prep", "ADP", "IN", "to"),
        ("us", 8, "pobj", "PRON", "PRP", "we"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    doc = _interview(intro, [(6, 8, "PERSON"), (9, 11, "PERSON"), (12, 13, "PERSON")])
    assert doc.text.startswith("Ice\n\nBy Ines Carrow\n\nOdile Brand trained Ana Roe. Roe spoke to us.\n\nQ: Why ice?")
    assert [s for _, s in attributed(doc)] == ["Ines Carrow", "Roe", "Ines Carrow", "Roe"]


def test_an_interviewee_the_tagger_missed_is_the_first_name_of_the_intro():
    # Ulfric Quenell counts ice . The researcher spoke to us .  ("Quenell" tagged a date)
    intro = [
        ("Ulfric", 1, "compound", "PROPN", "NNP", "Ulfric"),
        ("Quenell", 2, "nsubj", "PROPN", "NNP", "Quenell"),
        ("counts", None, "ROOT", "VERB", "VBZ", "count"),
        ("ice", 2, "dobj", "NOUN", "NN", "ice"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("The", 6, "det", "DET", "DT", "the"),
        ("researcher", 7, "nsubj", "NOUN", "NN", "researcher"),
        ("spoke", None, "ROOT", "VERB", "VBD", "speak"),
        ("to", 7, "prep", "ADP", "IN", "to"),
        ("us", 8, "pobj", "PRON", "PRP", "we"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    doc = _interview(intro, [(7, 8, "DATE")])
    assert [s for _, s in attributed(doc)] == ["Ines Carrow", "Ulfric Quenell", "Ines Carrow", "Ulfric Quenell"]


def test_a_businesss_post_is_the_person_the_article_says_runs_it():
    # Ana Roe , who runs the Bramwick Bakery , replied .  /  <blockquote><p>We are open.</p>— Bramwick Bakery (@wbakes) ...
    rows, spaces = _paragraphs(
        [
            ("Ana", 1, "compound", "PROPN", "NNP", "Ana"),
            ("Roe", 9, "nsubj", "PROPN", "NNP", "Roe"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("who", 4, "nsubj", "PRON", "WP", "who"),
            ("runs", 1, "relcl", "VERB", "VBZ", "run"),
            ("the", 7, "det", "DET", "DT", "the"),
            ("Bramwick", 7, "compound", "PROPN", "NNP", "Bramwick"),
            ("Bakery", 4, "dobj", "PROPN", "NNP", "Bakery"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("replied", None, "ROOT", "VERB", "VBD", "reply"),
            (".", 9, "punct", "PUNCT", ".", "."),
        ],
        [
            ("<blockquote><p>", 2, "punct", "X", "XX", "<blockquote><p>"),
            ("We", 2, "nsubj", "PRON", "PRP", "we"),
            ("are", None, "ROOT", "AUX", "VBP", "be"),
            ("open", 2, "acomp", "ADJ", "JJ", "open"),
            (".", 2, "punct", "PUNCT", ".", "."),
            ("</p>", 2, "punct", "X", "XX", "</p>"),
            ("\u2014", 2, "punct", "PUNCT", ":", "\u2014"),
            ("Bramwick", 8, "compound", "PROPN", "NNP", "Bramwick"),
            ("Bakery", 2, "npadvmod", "PROPN", "NNP", "Bakery"),
            ("(@wbakes)", 8, "appos", "X", "XX", "(@wbakes)"),
            ("May", 11, "compound", "PROPN", "NNP", "May"),
            ("8</blockquote>", 2, "npadvmod", "X", "XX", "8</blockquote>"),
        ],
    )
    spaces[12] = spaces[16] = spaces[17] = False  # "<blockquote><p>We", "open.</p>—"
    doc = parse(rows, ents=[(0, 2, "PERSON"), (6, 8, "ORG")], spaces=spaces)
    assert doc.text.endswith("<blockquote><p>We are open.</p>\u2014 Bramwick Bakery (@wbakes) May 8</blockquote>")
    assert attributed(doc) == [("We are open.", "Ana Roe")]
