"""Quote, term or title: what a quoted stretch is (blank pipeline and hand-built parses)."""

from __future__ import annotations

import pytest
import spacy

from annotator.nlp.pipeline import DEFAULT_MODEL, load_pipeline
from annotator.nlp.quotes import find_quotes
from tests.nlp.parses import parse


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def kinds(doc):
    return [(q.text_in(doc.text), q.kind) for q in find_quotes(doc)]


def test_titled_work_is_a_title_without_speaker(blank):
    doc = blank('The show, titled "Dust and Iron," follows a sheriff.')
    (q,) = find_quotes(doc)
    assert (q.text_in(doc.text), q.kind, q.speaker) == ("Dust and Iron,", "title", None)


def test_possessive_before_a_title_case_stretch_is_a_title(blank):
    doc = blank('Appearing on Channel 6\'s "Morning Roundup," Ferrante said she was sorry.')
    assert kinds(doc) == [("Morning Roundup,", "title")]


def test_short_title_case_speech_is_not_a_title(blank):
    doc = blank('"That\'s all I\'ll say," Quist said.')
    assert kinds(doc) == [("That's all I'll say,", "quote")]


def test_one_word_no_cue_governs_is_a_term():
    # The so-called " silo tours " began .
    doc = parse(
        [
            ("The", 5, "det", "DET", "DT", "the"),
            ("so-called", 5, "amod", "ADJ", "JJ", "so-called"),
            ('"', 5, "punct", "PUNCT", "``", '"'),
            ("silo", 4, "compound", "NOUN", "NN", "silo"),
            ('"', 5, "punct", "PUNCT", "''", '"'),
            ("tours", 6, "nsubj", "NOUN", "NNS", "tour"),
            ("began", 6, "ROOT", "VERB", "VBD", "begin"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
        spaces=[True, True, False, False, True, True, False, False],
    )
    assert kinds(doc) == [("silo", "term")]


def test_a_fragment_a_cue_governs_is_a_quote():
    # Ferro called it " overdue " .
    doc = parse(
        [
            ("Ferro", 1, "nsubj", "PROPN", "NNP", "Ferro"),
            ("called", 1, "ROOT", "VERB", "VBD", "call"),
            ("it", 1, "dobj", "PRON", "PRP", "it"),
            ('"', 4, "punct", "PUNCT", "``", '"'),
            ("overdue", 1, "oprd", "ADJ", "JJ", "overdue"),
            ('"', 4, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.text_in(doc.text), q.kind, q.speaker.text_in(doc.text)) == ("overdue", "quote", "Ferro")


def test_headline_fragment_echoing_a_governed_body_quote_is_a_quote(blank):
    text = "Mayor hails 'historic' deal\n\nThe mayor, Pera Krunn, said the deal was \"historic.\""
    assert [k for _, k in kinds(blank(text))] == ["quote", "quote"]


def test_a_spoken_word_with_its_punctuation_is_a_quote(blank):
    text = 'Asked about his plans, Okonkwo laughed.\n\n"Sleep," he said.'
    assert kinds(blank(text)) == [("Sleep,", "quote")]


def test_title_case_headline_fragment_takes_the_body_speaker_by_echo():
    import spacy as _spacy

    nlp = _spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Pera Krunn"}])
    text = "'A Dark Day': Lawmakers React to Plant Closure\n\nPera Krunn said it was \"a dark day for the valley.\""
    doc = nlp(text)
    assert [(q.kind, q.speaker.text_in(text) if q.speaker else None) for q in find_quotes(doc)] == [
        ("quote", "Pera Krunn"),
        ("quote", "Pera Krunn"),
    ]


def test_the_daily_is_the_newspaper_named_before():
    import spacy as _spacy

    nlp = _spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": "ORG", "pattern": "The Ostrava Ledger"}, {"label": "PERSON", "pattern": "Ivo Lenk"}]
    )
    text = 'The Ostrava Ledger turned on Ivo Lenk.\n\n"Time to go," the daily wrote.'
    (q,) = find_quotes(nlp(text))
    assert (q.speaker.text_in(text), q.speaker_mention.text_in(text)) == ("The Ostrava Ledger", "the daily")


def _calls(quoted: list[tuple], head_dep: str = "relcl"):
    # Rusu found a wave she calls " <quoted> " .   (the verb describes the noun "wave")
    n = 6  # index of the first quoted word
    rows = [
        ("Rusu", 1, "nsubj", "PROPN", "NNP", "Rusu"),
        ("found", 1, "ROOT", "VERB", "VBD", "find"),
        ("a", 3, "det", "DET", "DT", "a"),
        ("wave", 1, "dobj", "NOUN", "NN", "wave"),
        ("she", 5, "nsubj", "PRON", "PRP", "she"),
        ("calls", 3, head_dep, "VERB", "VBZ", "call"),
        ('"', n, "punct", "PUNCT", "``", '"'),
    ]
    rows += [(w, h + n, d, p, t, lem) for w, h, d, p, t, lem in quoted]
    rows += [('"', n, "punct", "PUNCT", "''", '"'), (".", 1, "punct", "PUNCT", ".", ".")]
    return kinds(parse(rows, ents=[(0, 1, "PERSON")]))


def test_the_name_a_naming_verb_gives_the_noun_it_describes_is_a_term():
    # the quoted noun phrase "the groan" heads at its noun (index n + 1), which hangs on "calls" (index 5)
    quoted = [("the", 1, "det", "DET", "DT", "the"), ("groan", -1, "oprd", "NOUN", "NN", "groan")]
    assert _calls(quoted) == [("the groan", "term")]


def test_a_naming_verb_of_the_sentence_itself_does_not_make_its_quote_a_term():
    quoted = [("the", 1, "det", "DET", "DT", "the"), ("groan", -1, "oprd", "NOUN", "NN", "groan")]
    assert _calls(quoted, head_dep="ccomp") == [("the groan", "quote")]


def test_the_proper_name_a_naming_verb_gives_its_object_is_a_term():
    from tests.nlp.parses import parse

    # Locals call the bend " Miller 's Elbow . "
    doc = parse(
        [
            ("Locals", 1, "nsubj", "NOUN", "NNS", "local"),
            ("call", 1, "ROOT", "VERB", "VBP", "call"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("bend", 1, "dobj", "NOUN", "NN", "bend"),
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("Miller", 7, "poss", "PROPN", "NNP", "Miller"),
            ("'s", 5, "case", "PART", "POS", "'s"),
            ("Elbow", 1, "oprd", "PROPN", "NNP", "Elbow"),
            (".", 1, "punct", "PUNCT", ".", "."),
            ('"', 1, "punct", "PUNCT", "''", '"'),
        ],
        spaces=[True, True, True, True, False, False, True, False, False, False],
    )
    [q] = find_quotes(doc)
    assert q.kind == "term" and q.speaker is None


def _opens(words_of_title: list[str], verb: str = "opens", verb_lemma: str = "open"):
    # The gallery opens " <Title Case words> " today .   (a structural verb with a subject, no listed cue)
    rows = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("gallery", 2, "nsubj", "NOUN", "NN", "gallery"),
        (verb, 2, "ROOT", "VERB", "VBZ", verb_lemma),
        ('"', 3, "punct", "PUNCT", "``", '"'),
    ]
    first = len(rows)
    last = first + len(words_of_title) - 1
    for k, w in enumerate(words_of_title):
        i = first + k
        rows.append((w, 2 if i == last else last, "dobj" if i == last else "compound", "PROPN", "NNP", w))
    rows += [('"', last, "punct", "PUNCT", "''", '"'), ("today", 2, "npadvmod", "NOUN", "NN", "today"),
             (".", 2, "punct", "PUNCT", ".", ".")]
    spaces = [True] * len(rows)
    spaces[first - 1] = False  # the opening mark touches the first word
    spaces[last] = False  # the last word touches the closing mark
    spaces[-2] = False
    return parse(rows, spaces=spaces)


def test_a_title_case_name_a_plain_verb_governs_is_a_title_without_speaker():
    doc = _opens(["Harbour", "Lights"])
    (q,) = find_quotes(doc)
    assert (q.text_in(doc.text), q.kind, q.speaker) == ("Harbour Lights", "title", None)


def test_lower_case_words_a_plain_verb_governs_are_no_title():
    # the same sentence with words that are not a name: not a title; and as a gallery is no person, the
    # two words it "opens" under an unlisted verb are a term, not its speech
    doc = _opens(["harbour", "lights"])
    assert [q.kind for q in find_quotes(doc)] == ["term"]


def test_a_title_case_stretch_a_listed_cue_governs_is_speech(blank):
    doc = blank('"Never Again," Marek Solvay said.')
    assert kinds(doc) == [("Never Again,", "quote")]


def test_a_title_case_exclamation_is_speech_not_a_title():
    # The gallery opens " Harbour Lights ! " — ends in "!" inside the marks: a cry, not a name
    doc = _opens(["Harbour", "Lights!"])
    assert [q.kind for q in find_quotes(doc)] == ["quote"]


def _known_as(verb: str, lemma: str, prep: str, quoted: list[str]):
    # Ilka Brann , known locally as " the night baker " , opened the shop .
    rows = [
        ("Ilka", 1, "compound", "PROPN", "NNP", "Ilka"),
        ("Brann", 9 + len(quoted), "nsubj", "PROPN", "NNP", "Brann"),
        (",", 1, "punct", "PUNCT", ",", ","),
        (verb, 1, "acl", "VERB", "VBN", lemma),
        ("locally", 3, "advmod", "ADV", "RB", "locally"),
        (prep, 3, "prep", "ADP", "IN", prep),
        ('"', 5 + len(quoted), "punct", "PUNCT", "``", '"'),
    ]
    first = len(rows)
    head = first + len(quoted) - 1
    for k, w in enumerate(quoted):
        i = first + k
        rows.append((w, 5 if i == head else head, "pobj" if i == head else ("det" if k == 0 else "compound"),
                     "NOUN", "NN", w))
    rows += [('"', head, "punct", "PUNCT", "''", '"'), (",", 1, "punct", "PUNCT", ",", ","),
             ("opened", len(rows) + 2, "ROOT", "VERB", "VBD", "open")]
    root = len(rows) - 1
    rows = [(w, root if d == "nsubj" else h, d, p, t, lem) for w, h, d, p, t, lem in rows]
    rows[root] = ("opened", root, "ROOT", "VERB", "VBD", "open")
    rows += [("the", root + 2, "det", "DET", "DT", "the"), ("shop", root, "dobj", "NOUN", "NN", "shop"),
             (".", root, "punct", "PUNCT", ".", ".")]
    spaces = [True] * len(rows)
    spaces[first - 1] = False
    spaces[head] = False
    spaces[1] = False  # "Brann,"
    spaces[head + 1] = False  # '",'
    spaces[-2] = False
    return parse(rows, spaces=spaces, ents=[(0, 2, "PERSON")])


def test_the_name_someone_is_known_as_is_a_term():
    doc = _known_as("known", "know", "as", ["the", "night", "baker"])
    assert [(q.text_in(doc.text), q.kind) for q in find_quotes(doc)] == [("the night baker", "term")]


def test_what_someone_is_said_as_is_not_a_name():
    # "speaking as" is no naming: the quote stays what it was
    doc = _known_as("speaking", "speak", "as", ["the", "night", "baker"])
    assert [q.kind for q in find_quotes(doc)] == ["quote"]


def test_a_hashtag_in_quote_marks_is_a_term_even_where_a_cue_is_near(blank):
    doc = blank('Supporters posted photos under "#SaveTheLido," the campaign said. "We will not stop," Ana Roe said.')
    assert kinds(doc) == [("#SaveTheLido,", "term"), ("We will not stop,", "quote")]


def test_a_proper_name_a_naming_verb_gives_with_its_object_taken_by_a_misparsed_relative_clause_is_a_term():
    # They play at the old ground the fans call " the Pit " .  ("call" parsed as a complement, not a relcl)
    doc = parse(
        [
            ("They", 1, "nsubj", "PRON", "PRP", "they"),
            ("play", 1, "ROOT", "VERB", "VBP", "play"),
            ("at", 1, "prep", "ADP", "IN", "at"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("old", 5, "amod", "ADJ", "JJ", "old"),
            ("ground", 2, "pobj", "NOUN", "NN", "ground"),
            ("the", 7, "det", "DET", "DT", "the"),
            ("fans", 8, "nsubj", "NOUN", "NNS", "fan"),
            ("call", 1, "ccomp", "VERB", "VBP", "call"),
            ('"', 11, "punct", "PUNCT", "``", '"'),
            ("the", 11, "det", "DET", "DT", "the"),
            ("Pit", 8, "oprd", "PROPN", "NNP", "Pit"),
            ('"', 11, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert kinds(doc) == [("the Pit", "term")]


def test_quoted_names_alone_in_a_bracket_are_defined_terms(blank):
    doc = blank('Orbin Water Ltd ("Orbin" or the "Company") said on Monday it would open a plant.')
    assert kinds(doc) == [("Orbin", "term"), ("Company", "term")]


def _object_of(subject: list[tuple], verb: tuple, quoted: list[tuple], ents=()) -> object:
    """ SUBJECT VERB " QUOTED " . with the quoted noun phrase the verb's object."""
    n = len(subject)
    rows = [(w, n if h == "v" else h, d, p, t, le) for w, h, d, p, t, le in subject]
    rows.append((verb[0], n, "ROOT", "VERB", verb[1], verb[2]))
    top = n + 1 + len(quoted)  # the last quoted word heads the phrase
    rows.append(('"', top, "punct", "PUNCT", "``", '"'))
    for k, (w, p, t) in enumerate(quoted):
        j = n + 2 + k
        rows.append((w, n if j == top else top, "dobj" if j == top else "amod", p, t, w.lower()))
    rows.append(('"', top, "punct", "PUNCT", "''", '"'))
    rows.append((".", n, "punct", "PUNCT", ".", "."))
    return parse(rows, ents=list(ents))


def test_two_words_a_document_holds_under_an_unlisted_verb_are_a_term():
    # The release contains " forward-looking statements " .
    doc = _object_of([("The", 1, "det", "DET", "DT", "the"), ("release", "v", "nsubj", "NOUN", "NN", "release")],
                     ("contains", "VBZ", "contain"),
                     [("forward-looking", "ADJ", "JJ"), ("statements", "NOUN", "NNS")])
    assert kinds(doc) == [("forward-looking statements", "term")]


def test_two_words_a_person_puts_in_quote_marks_under_an_unlisted_verb_stay_a_quote():
    # Ana Roe blamed " rising costs " .
    doc = _object_of([("Ana", 1, "compound", "PROPN", "NNP", "Ana"), ("Roe", "v", "nsubj", "PROPN", "NNP", "Roe")],
                     ("blamed", "VBD", "blame"),
                     [("rising", "VERB", "VBG"), ("costs", "NOUN", "NNS")], ents=[(0, 2, "PERSON")])
    assert kinds(doc) == [("rising costs", "quote")]


def test_a_headline_name_the_body_quotes_as_a_bare_title_is_a_title(blank):
    text = (
        'Transcript: Harbour Minister Pera Krunn on "The Evening Desk"\n\n'
        'This is a transcript of an interview with Pera Krunn that aired on "The Evening Desk" on Channel 9.'
    )
    assert kinds(blank(text)) == [("The Evening Desk", "title"), ("The Evening Desk", "title")]


def test_a_that_clause_the_parse_hangs_on_a_cue_as_a_noun_clause_is_still_governed():
    # Vale reports that clerks were " rather glum " .   ("were" misparsed as a clause of "reports" taken as a noun)
    doc = parse(
        [
            ("Vale", 1, "nsubj", "PROPN", "NNP", "Vale"),
            ("reports", 1, "ROOT", "VERB", "VBZ", "report"),
            ("that", 4, "mark", "SCONJ", "IN", "that"),
            ("clerks", 4, "nsubj", "NOUN", "NNS", "clerk"),
            ("were", 1, "acl", "AUX", "VBD", "be"),
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("rather", 7, "advmod", "ADV", "RB", "rather"),
            ("glum", 4, "acomp", "ADJ", "JJ", "glum"),
            ('"', 7, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert kinds(doc) == [("rather glum", "quote")]


def test_a_relative_clause_whose_that_is_its_subject_is_not_governed():
    # Vale told clerks that were " rather glum " to go .
    doc = parse(
        [
            ("Vale", 1, "nsubj", "PROPN", "NNP", "Vale"),
            ("told", 1, "ROOT", "VERB", "VBD", "tell"),
            ("clerks", 1, "dobj", "NOUN", "NNS", "clerk"),
            ("that", 4, "nsubj", "PRON", "WDT", "that"),
            ("were", 2, "relcl", "AUX", "VBD", "be"),
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("rather", 7, "advmod", "ADV", "RB", "rather"),
            ("glum", 4, "acomp", "ADJ", "JJ", "glum"),
            ('"', 7, "punct", "PUNCT", "''", '"'),
            ("to", 10, "aux", "PART", "TO", "to"),
            ("go", 1, "xcomp", "VERB", "VB", "go"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert kinds(doc) == [("rather glum", "term")]


def _listener_clause(verb: str, lemma: str) -> list[tuple]:
    # Vale <verb> the jury he had " froze " .   ("froze" hung on "jury" as a relative clause)
    return [
        ("Vale", 1, "nsubj", "PROPN", "NNP", "Vale"),
        (verb, 1, "ROOT", "VERB", "VBD", lemma),
        ("the", 3, "det", "DET", "DT", "the"),
        ("jury", 1, "dobj", "NOUN", "NN", "jury"),
        ("he", 7, "nsubj", "PRON", "PRP", "he"),
        ("had", 7, "aux", "AUX", "VBD", "have"),
        ('"', 7, "punct", "PUNCT", "``", '"'),
        ("froze", 3, "relcl", "VERB", "VBN", "freeze"),
        ('"', 7, "punct", "PUNCT", "''", '"'),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_a_clause_with_its_own_subject_hung_on_the_listener_of_told_is_what_was_told():
    assert kinds(parse(_listener_clause("told", "tell"), ents=[(0, 1, "PERSON")])) == [("froze", "quote")]


def test_a_relative_clause_on_the_object_of_a_verb_of_judging_is_not_governed():
    # "Vale praised the jury he had 'froze'": praising someone does not report what the clause says
    assert kinds(parse(_listener_clause("praised", "praise"), ents=[(0, 1, "PERSON")])) == [("froze", "term")]


def test_an_adverbial_clause_of_the_saying_itself_is_not_governed():
    # Reaching the " red zone " , Vale said it was fine .
    doc = parse(
        [
            ("Reaching", 8, "advcl", "VERB", "VBG", "reach"),
            ("the", 4, "det", "DET", "DT", "the"),
            ('"', 4, "punct", "PUNCT", "``", '"'),
            ("red", 4, "amod", "ADJ", "JJ", "red"),
            ("zone", 0, "dobj", "NOUN", "NN", "zone"),
            ('"', 4, "punct", "PUNCT", "''", '"'),
            (",", 8, "punct", "PUNCT", ",", ","),
            ("Vale", 8, "nsubj", "PROPN", "NNP", "Vale"),
            ("said", 8, "ROOT", "VERB", "VBD", "say"),
            ("it", 10, "nsubj", "PRON", "PRP", "it"),
            ("was", 8, "ccomp", "AUX", "VBD", "be"),
            ("fine", 10, "acomp", "ADJ", "JJ", "fine"),
            (".", 8, "punct", "PUNCT", ".", "."),
        ],
        ents=[(7, 8, "PERSON")],
    )
    assert kinds(doc) == [("red zone", "term")]


def test_a_title_case_name_with_a_number_is_a_title(blank):
    assert kinds(blank('Its "Clean Rivers 2040" programme starts in May.')) == [("Clean Rivers 2040", "title")]
    assert kinds(blank('"We Need 40 More Nurses," Quist said.'))[0][1] == "quote"  # a cue governs speech


def test_a_description_a_misparsed_call_gives_its_other_object_is_a_quote():
    # His aide , Teal , called the vote " a fine start " .   ("called" hung on "aide", both objects as oprd)
    rows = [
        ("His", 1, "poss", "PRON", "PRP$", "his"),
        ("aide", 1, "ROOT", "NOUN", "NN", "aide"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("Teal", 1, "appos", "PROPN", "NNP", "Teal"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("called", 1, "acl", "VERB", "VBD", "call"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("vote", 5, "oprd", "NOUN", "NN", "vote"),
        ('"', 11, "punct", "PUNCT", "``", '"'),
        ("a", 11, "det", "DET", "DT", "a"),
        ("fine", 11, "amod", "ADJ", "JJ", "fine"),
        ("start", 5, "oprd", "NOUN", "NN", "start"),
        ('"', 11, "punct", "PUNCT", "''", '"'),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert kinds(parse(rows, ents=[(3, 4, "PERSON")])) == [("a fine start", "quote")]


def test_a_capitalised_sentence_a_colon_introduces_is_no_title(blank):
    text = 'The owner added a line to the sign. It reads: “Except Tuesdays.”'
    assert kinds(blank(text)) == [("Except Tuesdays.", "quote")]
    assert kinds(blank("It was titled “The Evening Report.”")) == [("The Evening Report.", "title")]


def test_a_phrase_a_document_contains_is_a_term_whoever_the_document_is_resolved_to():
    # Tidewater Trust plants seagrass . This release contains " forward-looking statements " .
    rows = [
        ("Tidewater", 1, "compound", "PROPN", "NNP", "Tidewater"),
        ("Trust", 2, "nsubj", "PROPN", "NNP", "Trust"),
        ("plants", 2, "ROOT", "VERB", "VBZ", "plant"),
        ("seagrass", 2, "dobj", "NOUN", "NN", "seagrass"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("This", 6, "det", "DET", "DT", "this"),
        ("release", 7, "nsubj", "NOUN", "NN", "release"),
        ("contains", 7, "ROOT", "VERB", "VBZ", "contain"),
        ('"', 10, "punct", "PUNCT", "``", '"'),
        ("forward-looking", 10, "amod", "ADJ", "JJ", "forward-looking"),
        ("statements", 7, "dobj", "NOUN", "NNS", "statement"),
        ('"', 10, "punct", "PUNCT", "''", '"'),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    assert kinds(parse(rows, ents=[(0, 2, "ORG")])) == [("forward-looking statements", "term")]


def test_the_parsed_subject_of_the_verb_taking_the_quote_tells_a_thing_from_a_speaker():
    from annotator.nlp.article import Article
    from annotator.nlp.kinds import _thing_verb_subject
    from annotator.nlp.quote_marks import find_marked_quotes

    def thing(subject: str, pos: str, tag: str) -> bool:
        rows = [
            (subject, 1, "nsubj", pos, tag, subject.lower()),
            ("contains", 1, "ROOT", "VERB", "VBZ", "contain"),
            ('"', 4, "punct", "PUNCT", "``", '"'),
            ("forward-looking", 4, "amod", "ADJ", "JJ", "forward-looking"),
            ("statements", 1, "dobj", "NOUN", "NNS", "statement"),
            ('"', 4, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
        doc = parse(rows)
        return _thing_verb_subject(Article(doc, find_marked_quotes(doc.text)), 0)

    assert thing("release", "NOUN", "NN")  # what a document holds, even once coref names its issuer
    assert not thing("Vale", "PROPN", "NNP")


def test_a_compound_name_a_naming_verb_of_the_sentence_gives_is_a_term():
    # Rusu found a wave she calls " the tide rows " .  with "calls" taken as the clause of "found": she gives
    # the wave a coined name (a noun-noun compound), unlike the bare "the groan" above, which stays a quote
    quoted = [("the", 3, "det", "DET", "DT", "the"), ("tide", 3, "compound", "NOUN", "NN", "tide"),
              ("rows", -1, "oprd", "NOUN", "NNS", "row")]
    assert _calls(quoted, head_dep="ccomp") == [("the tide rows", "term")]


def _call_the_bend(quoted: list[tuple]):
    # Locals call the bend " <quoted> " .
    n = 5  # index of the first quoted word
    rows = [
        ("Locals", 1, "nsubj", "NOUN", "NNS", "local"),
        ("call", 1, "ROOT", "VERB", "VBP", "call"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("bend", 1, "dobj", "NOUN", "NN", "bend"),
        ('"', n + len(quoted) - 1, "punct", "PUNCT", "``", '"'),
    ]
    rows += [(w, h + n, d, p, t, lem) for w, h, d, p, t, lem in quoted]
    rows += [('"', 1, "punct", "PUNCT", "''", '"'), (".", 1, "punct", "PUNCT", ".", ".")]
    spaces = [True] * len(rows)
    spaces[4] = False  # the opening mark touches the first word
    spaces[n + len(quoted) - 1] = False  # the last word touches the closing mark
    spaces[-2] = False
    return [q.kind for q in find_quotes(parse(rows, spaces=spaces))]


def test_a_lower_case_compound_name_given_to_an_object_is_a_term():
    # Locals call the bend " the dog leg " .
    quoted = [("the", 2, "det", "DET", "DT", "the"), ("dog", 2, "compound", "NOUN", "NN", "dog"),
              ("leg", -4, "oprd", "NOUN", "NN", "leg")]
    assert _call_the_bend(quoted) == ["term"]


def test_an_indefinite_description_given_to_an_object_is_not_a_term():
    # Locals call the bend " a death trap " .  "a ..." describes the bend: what the locals say of it
    quoted = [("a", 2, "det", "DET", "DT", "a"), ("death", 2, "compound", "NOUN", "NN", "death"),
              ("trap", -4, "oprd", "NOUN", "NN", "trap")]
    assert _call_the_bend(quoted) != ["term"]


def _staged(noun: str, lemma: str):
    # She said they staged " Salt Road , " a <noun> .   (a listed cue above the quote)
    rows = [
        ("She", 1, "nsubj", "PRON", "PRP", "she"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("they", 3, "nsubj", "PRON", "PRP", "they"),
        ("staged", 1, "ccomp", "VERB", "VBD", "stage"),
        ('"', 6, "punct", "PUNCT", "``", '"'),
        ("Salt", 6, "compound", "PROPN", "NNP", "Salt"),
        ("Road", 3, "dobj", "PROPN", "NNP", "Road"),
        (",", 6, "punct", "PUNCT", ",", ","),
        ('"', 6, "punct", "PUNCT", "''", '"'),
        ("a", 10, "det", "DET", "DT", "a"),
        (noun, 6, "appos", "NOUN", "NN", lemma),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    spaces = [True] * len(rows)
    spaces[4] = spaces[6] = spaces[7] = spaces[-2] = False
    return [q.kind for q in find_quotes(parse(rows, spaces=spaces))]


def test_a_title_case_stretch_an_indefinite_noun_describes_after_its_marks_is_a_title():
    assert _staged("comedy", "comedy") == ["title"]


def test_the_words_a_banner_reads_are_no_quote():
    # Walkers passed a banner that reads " Keep the gate shut " .
    doc = parse(
        [
            ("Walkers", 1, "nsubj", "NOUN", "NNS", "walker"),
            ("passed", 1, "ROOT", "VERB", "VBD", "pass"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("banner", 1, "dobj", "NOUN", "NN", "banner"),
            ("that", 5, "nsubj", "PRON", "WDT", "that"),
            ("reads", 3, "relcl", "VERB", "VBZ", "read"),
            ('"', 7, "punct", "PUNCT", "``", '"'),
            ("Keep", 5, "xcomp", "VERB", "VB", "keep"),
            ("the", 9, "det", "DET", "DT", "the"),
            ("gate", 10, "nsubj", "NOUN", "NN", "gate"),
            ("shut", 7, "ccomp", "VERB", "VBN", "shut"),
            ('"', 7, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert kinds(doc) == [("Keep the gate shut", "title")]


def test_the_heading_a_participle_gives_a_thing_is_no_quote():
    # Dunstreve sent staff an email headed " We are moving " .
    doc = parse(
        [
            ("Dunstreve", 1, "nsubj", "PROPN", "NNP", "Dunstreve"),
            ("sent", 1, "ROOT", "VERB", "VBD", "send"),
            ("staff", 1, "dative", "NOUN", "NN", "staff"),
            ("an", 4, "det", "DET", "DT", "an"),
            ("email", 1, "dobj", "NOUN", "NN", "email"),
            ("headed", 4, "acl", "VERB", "VBN", "head"),
            ('"', 9, "punct", "PUNCT", "``", '"'),
            ("We", 9, "nsubj", "PRON", "PRP", "we"),
            ("are", 9, "aux", "AUX", "VBP", "be"),
            ("moving", 5, "ccomp", "VERB", "VBG", "move"),
            ('"', 9, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "ORG")],
    )
    assert kinds(doc) == [("We are moving", "title")]


def test_a_phrase_the_verb_after_a_work_noun_takes_is_still_a_quote():
    # Ilkwater accused them of closing the books " on the shoulders of the poor " .
    doc = parse(
        [
            ("Ilkwater", 1, "nsubj", "PROPN", "NNP", "Ilkwater"),
            ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
            ("them", 1, "dobj", "PRON", "PRP", "they"),
            ("of", 1, "prep", "ADP", "IN", "of"),
            ("closing", 3, "pcomp", "VERB", "VBG", "close"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("books", 4, "dobj", "NOUN", "NNS", "book"),
            ('"', 8, "punct", "PUNCT", "``", '"'),
            ("on", 4, "prep", "ADP", "IN", "on"),
            ("the", 10, "det", "DET", "DT", "the"),
            ("shoulders", 8, "pobj", "NOUN", "NNS", "shoulder"),
            ("of", 10, "prep", "ADP", "IN", "of"),
            ("the", 13, "det", "DET", "DT", "the"),
            ("poor", 11, "pobj", "ADJ", "JJ", "poor"),
            ('"', 8, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    assert kinds(doc) == [("on the shoulders of the poor", "quote")]


def test_a_phrase_named_before_a_scheme_noun_is_no_quote():
    # Carrowby council runs a " pay as you go " scheme .
    doc = parse(
        [
            ("Carrowby", 1, "compound", "PROPN", "NNP", "Carrowby"),
            ("council", 2, "nsubj", "NOUN", "NN", "council"),
            ("runs", 2, "ROOT", "VERB", "VBZ", "run"),
            ("a", 10, "det", "DET", "DT", "a"),
            ('"', 5, "punct", "PUNCT", "``", '"'),
            ("pay", 10, "compound", "NOUN", "NN", "pay"),
            ("as", 8, "mark", "SCONJ", "IN", "as"),
            ("you", 8, "nsubj", "PRON", "PRP", "you"),
            ("go", 5, "advcl", "VERB", "VBP", "go"),
            ('"', 5, "punct", "PUNCT", "''", '"'),
            ("scheme", 2, "dobj", "NOUN", "NN", "scheme"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 2, "ORG")],
    )
    assert kinds(doc) == [("pay as you go", "title")]


def test_a_judgment_before_a_scheme_noun_is_still_a_quote():
    # Morvane said it was a " reckless and cynical " scheme .
    doc = parse(
        [
            ("Morvane", 1, "nsubj", "PROPN", "NNP", "Morvane"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("it", 3, "nsubj", "PRON", "PRP", "it"),
            ("was", 1, "ccomp", "AUX", "VBD", "be"),
            ("a", 10, "det", "DET", "DT", "a"),
            ('"', 6, "punct", "PUNCT", "``", '"'),
            ("reckless", 10, "amod", "ADJ", "JJ", "reckless"),
            ("and", 6, "cc", "CCONJ", "CC", "and"),
            ("cynical", 6, "conj", "ADJ", "JJ", "cynical"),
            ('"', 6, "punct", "PUNCT", "''", '"'),
            ("scheme", 3, "attr", "NOUN", "NN", "scheme"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.text_in(doc.text), q.kind, q.speaker.text_in(doc.text)) == ("reckless and cynical", "quote", "Morvane")


@pytest.fixture(scope="module")
def model():
    return load_pipeline(DEFAULT_MODEL)


def test_an_echo_of_a_name_is_no_quote(model):
    # the first "Ashlume" is a term in the clause of a cue; the second takes its speaker only by echo
    text = ("The conductor Orsolya Dunstreve, who led the premiere of \u201cAshlume\u201d, admits she had doubts.\n\n"
            "The new one, \u201cAshlume\u201d, opened in May at the Ilkwater hall.")
    assert [k for _, k in kinds(model(text))] == ["term", "term"]


def test_a_definite_name_a_present_naming_verb_gives_a_person_is_a_term():
    # Locals still call him " the captain " .
    doc = parse(
        [
            ("Locals", 2, "nsubj", "NOUN", "NNS", "local"),
            ("still", 2, "advmod", "ADV", "RB", "still"),
            ("call", 2, "ROOT", "VERB", "VBP", "call"),
            ("him", 2, "dobj", "PRON", "PRP", "he"),
            ('"', 6, "punct", "PUNCT", "``", '"'),
            ("the", 6, "det", "DET", "DT", "the"),
            ("captain", 2, "oprd", "NOUN", "NN", "captain"),
            ('"', 6, "punct", "PUNCT", "''", '"'),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    assert kinds(doc) == [("the captain", "term")]


def test_an_indefinite_description_a_past_naming_verb_gives_a_person_is_a_quote():
    # Ilkwater called him " a liar " .
    doc = parse(
        [
            ("Ilkwater", 1, "nsubj", "PROPN", "NNP", "Ilkwater"),
            ("called", 1, "ROOT", "VERB", "VBD", "call"),
            ("him", 1, "dobj", "PRON", "PRP", "he"),
            ('"', 5, "punct", "PUNCT", "``", '"'),
            ("a", 5, "det", "DET", "DT", "a"),
            ("liar", 1, "oprd", "NOUN", "NN", "liar"),
            ('"', 5, "punct", "PUNCT", "''", '"'),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    (q,) = find_quotes(doc)
    assert (q.text_in(doc.text), q.kind, q.speaker.text_in(doc.text)) == ("a liar", "quote", "Ilkwater")
