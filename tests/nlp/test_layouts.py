"""Layout attributions and layout boundaries, on a blank pipeline (tokens only, no model)."""

from __future__ import annotations

import pytest
import spacy

from annotator.nlp.quote_marks import find_marked_quotes
from annotator.nlp.quotes import find_quotes
from annotator.nlp.sentences import byline, paragraphs, sentences, title_case_lines


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def speakers(nlp, text):
    return [(q.text_in(text), q.speaker.text_in(text) if q.speaker else None) for q in find_quotes(nlp(text))]


def test_markup_attribute_values_are_never_quotes():
    text = '<div class="embed" data-id=\'77\'><p>Fresh air is "educational" too.</p></div>'
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == ["educational"]


def test_a_lone_less_than_sign_is_not_markup():
    text = 'If a < b then "yes," she said, and b > a.'
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == ["yes,"]


def test_dash_line_after_the_quote_names_the_speaker_without_title(blank):
    text = 'Tips.\n\n"Drink water. Stay inside." — Mayor Pera Krunn, Dornbach\n\n"Call a neighbour." — Omar Teal of Vell'
    assert speakers(blank, text) == [("Drink water. Stay inside.", "Pera Krunn"), ("Call a neighbour.", "Omar Teal")]


def test_dash_line_on_the_line_under_the_quote_names_the_speaker(blank):
    # a quote that fills its own line, its dash line after a single line break; a dash line all in
    # capitals ("Petra Lindqvale, Hollin Allotments") is a layout, not a Title Case headline
    text = (
        'Advice from growers.\n\nWe asked three gardeners for a tip.\n\n"Water at dawn, never at noon."\n'
        "— Petra Lindqvale, Hollin Allotments\n\n"
        '"Mulch everything you love."\n— Corin Abernash, head gardener, Westmere Hall'
    )
    assert speakers(blank, text) == [
        ("Water at dawn, never at noon.", "Petra Lindqvale"),
        ("Mulch everything you love.", "Corin Abernash"),
    ]


def test_a_dash_line_under_a_quote_inside_a_sentence_is_not_its_attribution(blank):
    text = 'Tips.\n\nShe said it was "fine"\n— Petra Lindqvale, Hollin'
    assert speakers(blank, text)[0][1] != "Petra Lindqvale"


def test_a_dash_inside_the_sentence_is_no_dash_attribution(blank):
    text = 'She said it was "fine" — and then she left.'
    assert speakers(blank, text)[0][1] != "and"


def test_panel_intro_gives_the_person_not_the_outlet(blank):
    text = 'We asked two writers.\n\nPera Krunn, The Dornbach Post: "It was a rout."'
    assert speakers(blank, text) == [("It was a rout.", "Pera Krunn")]


def test_transcript_name_opening_the_paragraph_is_the_speaker(blank):
    text = 'The interview.\n\nKRUNN: "We are ready."\n\nTEAL: "Are you?"'
    assert speakers(blank, text) == [("We are ready.", "KRUNN"), ("Are you?", "TEAL")]


def test_single_line_break_ends_a_sentence():
    text = "He said nothing\nThen she left."
    assert sentences(text, paragraphs(text), lambda c: False) == [(0, 15), (16, 30)]


def test_title_case_lines_are_headlines_not_ledes():
    text = "Mayor Says Bridge Will Reopen Soon\n\nPresident Alexander Vell met Premier Ona Rask on Monday."
    assert title_case_lines(text) == [(0, 34)]


def test_byline_names_the_writer():
    text = "A Column About Hedges\n\nBy Theo Marchetti\n\nI knocked."
    s, e = byline(text, paragraphs(text))
    assert text[s:e] == "Theo Marchetti"


def test_dash_name_after_a_lowercase_role_and_double_hyphen(blank):
    text = 'Voices.\n\n"It floods every spring" -- Council member Tom Reyes'
    assert speakers(blank, text) == [("It floods every spring", "Tom Reyes")]


def test_dash_description_is_kept_as_written(blank):
    text = 'Voices.\n\n"Fix the drains" — a neighbour'
    assert speakers(blank, text) == [("Fix the drains", "a neighbour")]


def test_unreadable_dash_line_carries_no_earlier_speaker(blank):
    text = 'Voices.\n\n"Fix the drains" — Pera Krunn\n\n"And the roads" — 2024'
    assert speakers(blank, text)[1] == ("And the roads", None)


def test_a_bare_subject_before_needs_a_second_signal(blank):
    # the person the sentence before is about: no speaker for a quote that is not their own account
    assert speakers(blank, "Pera Krunn walked in.\n\n“The weather is fine today.”")[0][1] is None
    # ... but a first-person quote is someone's own account
    assert speakers(blank, "Pera Krunn walked in.\n\n“I had prepared a speech.”")[0][1] == "Pera Krunn"


def test_an_unclosed_quote_ends_at_its_line_break():
    text = 'Headline\n\n"We will stay until the end\nBy Ana Rusu\n\nMore text.'
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == ["We will stay until the end"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("''We won't go,'' he said.", "We won't go,"),
        ("''He said 'no,' and left,'' she said.", "He said 'no,' and left,"),
        ("''I told him 'never.''' Then she left.", "I told him 'never.'"),
        ("'’Tis the season,' he said.", "’Tis the season,"),
    ],
)
def test_archive_two_apostrophe_marks_leave_both_apostrophes_out(text, quote):
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == [quote]


def test_i_in_a_transcript_paragraph_is_its_labelled_speaker_not_the_writer(blank):
    text = 'Transcript\n\nBy Maya Grant\n\nKOHLI: I told them, "The door is open," and I meant it.'
    assert speakers(blank, text) == [("The door is open,", "KOHLI")]


def test_i_outside_any_transcript_label_is_the_writer(blank):
    text = 'A Column\n\nBy Maya Grant\n\n"The door is open," I told them.'
    assert speakers(blank, text) == [("The door is open,", "Maya Grant")]


def test_bare_q_and_a_are_the_interviewer_and_the_interviewee_of_the_intro(blank):
    text = (
        "Q&A: Keeping Bees in a City\n\nMirela Costa keeps forty hives on the roofs of Varrowgate. "
        'She talked with Jonas Pekkari about the dry summer.\n\nQ: "Did the bees suffer?"\n\n'
        'A: "Less than the lawns did."'
    )
    assert speakers(blank, text) == [("Did the bees suffer?", "Jonas Pekkari"), ("Less than the lawns did.", "Mirela Costa")]


def test_an_interview_intro_naming_no_interviewer_gives_the_questions_no_speaker(blank):
    text = 'Interview\n\nMirela Costa keeps bees in Varrowgate.\n\nQ: "Did the bees suffer?"\n\nA: "Less than the lawns."'
    assert speakers(blank, text) == [("Did the bees suffer?", None), ("Less than the lawns.", "Mirela Costa")]


def test_interview_verbs_are_data():
    from annotator.nlp.lexicon import INTERVIEW_FORMS

    assert INTERVIEW_FORMS["spoke"] == "speak" and INTERVIEW_FORMS["interviewed"] == "interview"


def test_a_heading_quote_takes_the_speaker_of_the_body_quote_it_abridges_not_the_one_before(blank):
    text = (
        'Storm Night\n\n"We lost the roof," said Ines Vale.\n\n\'Nobody here slept at all\'\n\n'
        'The storm came at ten. "Nobody here slept at night," said Omar Teal.'
    )
    assert speakers(blank, text)[1] == ("Nobody here slept at all", "Omar Teal")


def test_a_quote_inside_the_next_paragraphs_narrative_inherits_no_speaker(blank):
    text = (
        'Vigil\n\n"We will rebuild," said Ines Vale.\n\n'
        'Neighbours gathered at the hall, some holding signs reading "We will not move from here" all night.'
    )
    assert speakers(blank, text)[1] == ("We will not move from here", None)


def _ruled(patterns):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    return nlp


def test_a_heading_quote_said_by_a_country_is_the_person_the_body_quotes_in_the_same_words():
    nlp = _ruled([{"label": "GPE", "pattern": "Varrowgate"}, {"label": "PERSON", "pattern": "Ana Rusu"}])
    text = "Varrowgate says talks 'dead in the water'\n\nForeign Minister Ana Rusu said the talks were \"dead in the water.\""
    assert [s for _, s in speakers(nlp, text)] == ["Ana Rusu", "Ana Rusu"]


def test_a_heading_echo_of_words_two_people_said_names_neither():
    nlp = _ruled([{"label": "PERSON", "pattern": "Ana Rusu"}, {"label": "PERSON", "pattern": "Omar Teal"}])
    text = "'A Historic Day' in Vell\n\nAna Rusu said it was \"a historic day.\" Omar Teal said it was \"a historic day\" too."
    assert speakers(nlp, text)[0] == ("A Historic Day", None)


def test_transcript_turns_without_quote_marks_are_quotes_of_their_label(blank):
    text = (
        "Evening Desk\n\nHOST: Good evening. Is the ferry running?\n\nDEPUTY MINISTER ANA LUZ: Not tonight. "
        'The swell is "too high," she said.\n\nHOST: And tomorrow?\n\nLUZ: We will see.'
    )
    got = speakers(blank, text)
    assert got[0] == ("Good evening. Is the ferry running?", "HOST")
    assert got[1] == ('Not tonight. The swell is "too high," she said.', "ANA LUZ")  # the inner quote is nested
    assert [s for _, s in got[2:]] == ["HOST", "ANA LUZ"]  # the surname alone: the full name her first label gave


def test_a_role_label_with_a_name_in_brackets_gives_the_name(blank):
    text = "Phone-in\n\nHOST: Line one.\n\nLISTENER (TOMASZ): The buses are late.\n\nHOST: Thank you."
    assert speakers(blank, text)[1] == ("The buses are late.", "TOMASZ")


def test_a_turn_label_with_a_place_or_role_after_a_comma_gives_the_name(blank):
    text = (
        "Night Line\n\nHOST: Who is next?\n\nCALLER (EDWINA, LOWER MARSH): The ferry is late again.\n\n"
        "HOST: And our pilot.\n\nODA VELL, PILOT: The fog came in at six.\n\nHOST: Thank you both."
    )
    assert speakers(blank, text) == [
        ("Who is next?", "HOST"),
        ("The ferry is late again.", "EDWINA"),
        ("And our pilot.", "HOST"),
        ("The fog came in at six.", "ODA VELL"),
        ("Thank you both.", "HOST"),
    ]


def test_one_or_two_capitals_lead_ins_are_no_transcript():
    text = "Roads\n\nUPDATE: The bridge reopened at noon.\n\nLONDON: Traffic was light.\n\nShe said \"fine\"."
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == ["fine"]
    one_label = "Notes\n\nHOST: One.\n\nHOST: Two.\n\nHOST: Three."
    assert find_marked_quotes(one_label) == []  # a single repeated label is a list, not a conversation


def test_a_bare_quote_right_after_its_subjects_sentence_in_one_paragraph_is_that_persons(blank):
    # the same paragraph is the second signal that a paragraph break withholds
    assert speakers(blank, "Tomas Reyna was calmer. “The weather is fine today.”")[0][1] == "Tomas Reyna"
    assert speakers(blank, "Tomas Reyna was calmer.\n\n“The weather is fine today.”")[0][1] is None


def test_answers_after_bare_questions_are_the_interviewees_of_the_intro(blank):
    text = (
        "Five Minutes With a Baker\n\nMira Oduya runs a bakery in Tolt. We met her at dawn.\n\n"
        "What do you bake first?\n\n“Rye. Always rye.”\n\nAnd last?\n\n“Whatever is left of the rye.”"
    )
    assert [s for _, s in speakers(blank, text)] == ["Mira Oduya", "Mira Oduya"]
    one_pair = "Bakers\n\nMira Oduya runs a bakery in Tolt.\n\nWhy rye?\n\n“Rye keeps.”"
    assert speakers(blank, one_pair)[0][1] is None  # one question and a quote is no interview layout


def test_a_label_that_names_no_one_and_only_asks_is_the_interviewer_of_the_byline():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": "PERSON", "pattern": p} for p in ("Ines Carrow", "Odile Brand", "BRAND")]
    )
    text = (
        "Ten Questions\n\nInterview by Ines Carrow\n\nOdile Brand keeps bees on a city roof.\n\n"
        "GAZETTE: Why bees?\n\nBRAND: They were there first.\n\nGAZETTE: Do they sting you?\n\nBRAND: Rarely."
    )
    assert [s for _, s in speakers(nlp, text)] == ["Ines Carrow", "Odile Brand", "Ines Carrow", "Odile Brand"]


def test_full_names_in_title_case_that_each_open_two_turns_are_a_conversation(blank):
    text = (
        "Two of a kind\n\nWe sat Ana Roe-Vell and Tomas Pell at one table.\n\nAna Roe-Vell: We met at a market.\n\n"
        "Tomas Pell: She bought all my plums.\n\nAna Roe-Vell: Not all of them.\n\nTomas Pell: Most of them."
    )
    assert speakers(blank, text) == [
        ("We met at a market.", "Ana Roe-Vell"),
        ("She bought all my plums.", "Tomas Pell"),
        ("Not all of them.", "Ana Roe-Vell"),
        ("Most of them.", "Tomas Pell"),
    ]


def test_title_case_lead_ins_that_do_not_recur_are_no_conversation():
    text = "Roads\n\nLive Updates: The bridge reopened.\n\nNorth Vell: Traffic was light.\n\nWest Vell: Quiet.\n\nIt was \"fine\"."
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == ["fine"]


def test_a_bracket_that_follows_several_labels_is_their_role_and_the_label_is_the_name(blank):
    text = (
        "Phone-in\n\nHOST: Line one.\n\nMIRELA (LISTENER): The buses are late.\n\nHOST: Line two.\n\n"
        "OSWIN (LISTENER): The trams too."
    )
    assert [s for _, s in speakers(blank, text)] == ["HOST", "MIRELA", "HOST", "OSWIN"]


def test_q_dot_and_bold_labels_are_interview_turns(blank):
    text = (
        "Bees\n\nMirela Costa keeps forty hives. She talked with Jonas Pekkari.\n\nQ. Did the bees suffer?\n\n"
        "A. Less than the lawns did.\n\n**Q:** And the honey?\n\n**A:** Darker this year."
    )
    assert speakers(blank, text) == [
        ("Did the bees suffer?", "Jonas Pekkari"),
        ("Less than the lawns did.", "Mirela Costa"),
        ("And the honey?", "Jonas Pekkari"),
        ("Darker this year.", "Mirela Costa"),
    ]


def test_an_initial_opening_one_paragraph_is_no_interview_turn():
    text = "Talks\n\nA. Ruiz, president of the union, spoke first.\n\nQ. Why now?\n\nNobody answered."
    assert find_marked_quotes(text) == []


def test_a_paragraph_going_on_with_an_answer_in_the_first_person_is_the_same_answer(blank):
    text = (
        "Bees\n\nMirela Costa keeps bees. She talked with Jonas Pekkari.\n\nQ: Did the bees suffer?\n\n"
        "A: Less than the lawns did.\n\nI watered the hives twice a day, as my father did.\n\n(LAUGHTER)\n\n"
        "Q: And now?\n\nA: Now they rest.\n\nThe Varrowgate Honey Fair opens on 4 May."
    )
    assert speakers(blank, text) == [
        ("Did the bees suffer?", "Jonas Pekkari"),
        ("Less than the lawns did.", "Mirela Costa"),
        ("I watered the hives twice a day, as my father did.", "Mirela Costa"),
        ("And now?", "Jonas Pekkari"),
        ("Now they rest.", "Mirela Costa"),
    ]  # a stage direction and a closing line about an event are no one's words
    pieces = find_marked_quotes(text)
    assert pieces[2].continued and pieces[2].group == pieces[1].group


def test_an_embedded_post_is_a_quote_of_the_account_named_under_it(blank):
    text = (
        "Runners\n\nThe council posted first.\n\n"
        '<blockquote class="social-post" data-author="VellBC"><p>The race is off. Refunds follow.</p>&mdash; '
        'Vell Borough Council (@VellBC) <a href="https://x.example/1">May 8</a></blockquote>\n\n'
        "Ana Roe replied.\n\n"
        '<blockquote class="twitter-tweet"><p lang="en">Three weeks of \u201ctraining\u201d wasted?</p>\u2014 Cllr Ana Roe '
        "(@anaroe)</blockquote>\n\n"
        '<blockquote class="embed-post">Repaved? -- Yestin Pell (@devp) May 8</blockquote>\n\n'
        '<div class="embed" data-author="x"><p>No account is named under this one.</p></div>'
    )
    found = find_quotes(blank(text))
    assert [(q.text_in(text), q.speaker.text_in(text) if q.speaker else None, q.kind) for q in found] == [
        ("The race is off. Refunds follow.", "Vell Borough Council", "quote"),
        ("Three weeks of \u201ctraining\u201d wasted?", "Ana Roe", "quote"),  # the inner marks are a nested quote
        ("Repaved?", "Yestin Pell", "quote"),
    ]
    assert text[found[0].start - 3 : found[0].start] == "<p>" and text[found[0].end :].startswith("</p>")
    linked = '<blockquote><p>Read <a href="https://x.example/t">this</a>, \u201cfine\u201d.</p>&mdash; Omar Teal (@ot)</blockquote>'
    assert [(q.start, q.end, q.post) for q in find_marked_quotes(linked)] == [(15, 67, True)]  # a mark after a tag in it is nested


def test_a_post_whose_account_shows_no_name_is_its_handles(blank):
    text = 'Row\n\n"We are fine," said Ana Roe.\n\n<blockquote><p>Nothing to see.</p>\u2014 (@anon_77) May 8</blockquote>'
    assert speakers(blank, text) == [("We are fine,", "Ana Roe"), ("Nothing to see.", "@anon_77")]
    glued = text.replace(") May 8", ")")  # the handle runs on into the markup in one token: no name to give
    assert speakers(blank, glued)[1] == ("Nothing to see.", None)


@pytest.mark.parametrize("q, a", [("Q:", "A:"), ("Q.", "A."), ("**Q:**", "**A:**"), ("Q \u2014", "A \u2014"), ("Question:", "Answer:")])
def test_quotes_and_claims_read_one_interview_mark(q, a):
    from annotator.nlp.claim_voice import _qa_lines

    text = f"Talking tides\n\nBrid Quennow runs the ferry.\n\n{q} Busy?\n\n{a} Always.\n\n{q} Why?\n\n{a} Tides."
    turns = [text[m.start : m.end] for m in find_marked_quotes(text) if m.unmarked]
    assert turns == ["Busy?", "Always.", "Why?", "Tides."]  # the turns, without their marks
    assert [k for _, k in _qa_lines(spacy.blank("en")(text))] == ["Q", "A", "Q", "A"]
    lone = "Talking tides\n\nA. Quennow runs the ferry.\n\nA. Quennow sails it."  # initials, no interview
    assert not [m for m in find_marked_quotes(lone) if m.unmarked] and not _qa_lines(spacy.blank("en")(lone))


def test_turns_on_single_lines_of_a_text_with_blank_lines_are_each_a_turn_of_the_full_name(blank):
    text = (
        "Bridge tolls: transcript\n\nAn edited transcript. The host Orlaith Brisemar spoke to Pruett Tovaine and "
        "Liesl Ambrel.\nBRISEMAR: Why raise the toll?\nTOVAINE: The repairs cost more than we thought.\n"
        "AMBREL: You knew that in spring —\nTOVAINE: (CROSSTALK)\nBRISEMAR: One at a time.\nAMBREL: We will pay twice.\n"
        "The council meets on Monday.\n\nIt said the toll was \"under review\"."
    )
    assert speakers(blank, text)[:5] == [
        ("Why raise the toll?", "Orlaith Brisemar"),
        ("The repairs cost more than we thought.", "Pruett Tovaine"),
        ("You knew that in spring —", "Liesl Ambrel"),
        ("One at a time.", "Orlaith Brisemar"),
        ("We will pay twice.", "Liesl Ambrel"),
    ]  # a stage direction alone is no one's words; the closing line is no one's turn
    paras = paragraphs(text)
    assert [text[a:b] for a, b in paras][-2:] == ["The council meets on Monday.", 'It said the toll was "under review".']
    assert len(paras) == 10


def test_a_stage_direction_turn_between_blank_lines_is_no_quote():
    text = "Tolls\n\nHOST: Why?\n\nGUEST: Repairs.\n\nHOST: (CROSSTALK)\n\nGUEST: [inaudible]\n\nHOST: Thanks."
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == ["Why?", "Repairs.", "Thanks."]


def test_a_turn_wrapped_by_hand_goes_on_on_its_next_line():
    text = (
        "Tolls\n\nHOST: Why raise the toll when the\nrepairs are done?\nGUEST: Because the loan\nis not.\n"
        "HOST: And next year?\n\nThe bridge was built in\n1931 and widened\nin 1970."
    )
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == [
        "Why raise the toll when the\nrepairs are done?",
        "Because the loan\nis not.",
        "And next year?",
    ]
    assert [text[a:b] for a, b in paragraphs(text)][-1] == "The bridge was built in\n1931 and widened\nin 1970."


def test_capitals_lead_ins_on_lines_of_prose_cut_no_paragraph():
    text = "Roads\n\nThe bridge reopened at noon.\nLONDON: traffic was light.\nUPDATE: quiet.\n\nShe said \"fine\"."
    assert len(paragraphs(text)) == 3
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == ["fine"]


def test_a_surname_label_that_answers_a_full_name_is_a_conversation_of_the_person_the_intro_names(blank):
    text = (
        "Orlaith Brisemar: the archivist who kept every ticket\n\nThe archivist talks to Marwenna Pellwick about "
        "the bus company's records.\n\nMarwenna Pellwick: Why keep them?\n\nBrisemar: Because nobody else would.\n\n"
        "Marwenna Pellwick: All of them?\n\nBrisemar: Most of them."
    )
    assert speakers(blank, text) == [
        ("Why keep them?", "Marwenna Pellwick"),
        ("Because nobody else would.", "Orlaith Brisemar"),
        ("All of them?", "Marwenna Pellwick"),
        ("Most of them.", "Orlaith Brisemar"),
    ]


def test_a_one_word_lead_in_or_a_surname_beside_a_publication_is_no_conversation():
    lead_in = (
        "Storm\n\nMarwenna Pellwick runs the depot.\n\nUpdate: Roads closed.\n\nMarwenna Pellwick: We are ready.\n\n"
        "Update: Roads open.\n\nMarwenna Pellwick: Told you."
    )
    assert find_marked_quotes(lead_in) == []  # "Update" is no surname the text names
    publication = (
        "Depot\n\nHobart Vaskell spoke to the Ulvane Gazette.\n\nUlvane Gazette: Why now?\n\nVaskell: The roof.\n\n"
        "Ulvane Gazette: And then?\n\nVaskell: Rest."
    )
    assert find_marked_quotes(publication) == []
