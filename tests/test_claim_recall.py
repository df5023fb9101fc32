"""Claims without cue words (issue 9): a political actor's answer or quote as one unit, the host who only asks,
fragment quotes read in their sentence, the topic of an answer taken from its question, and the objects and
types the parse and the article give. Every sentence here is invented for the test; none is from a benchmark
article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest
import spacy

from annotator.domain import Mention
from annotator.nlp.claims import _with_sentences
from tests.conftest import claims_of as _claims
from tests.nlp.parses import parse


def _blank(text: str, ents: list[tuple[str, str]] = ()):
    """A blank-pipeline Doc with sentences and the entities named (first occurrence of each text)."""
    doc = _with_sentences(spacy.blank("en")(text))
    spans = []
    for words, label in ents:
        start = doc.text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return doc


def _m(doc, words: str) -> Mention:
    s = doc.text.index(words)
    return Mention(s, s + len(words))


def test_a_capitalised_transcript_head_is_political_through_the_name_in_the_introduction():
    from annotator.nlp.claim_voice import political

    doc = _blank("Orla Venske is the trade minister of Pellmar.\n\nVENSKE: We sell cheese.", [("Orla Venske", "PERSON")])
    assert political(doc, _m(doc, "VENSKE"))
    other = _blank("Orla Venske bakes bread in Brell.\n\nVENSKE: We sell cheese.", [("Orla Venske", "PERSON")])
    assert not political(other, _m(other, "VENSKE"))


def test_a_head_whose_lines_are_questions_is_the_interviewer():
    from annotator.nlp.claim_voice import is_interviewer

    text = "HOST: Why now?\nTARN: Because it is time.\nHOST: And the border?\nTARN: It stays. It always has."
    doc = _blank(text)
    assert is_interviewer(doc, _m(doc, "HOST"))
    assert not is_interviewer(doc, _m(doc, "TARN"))


def test_an_answer_is_its_whole_line_after_the_label():
    from annotator.nlp.claim_voice import answer_of

    text = "HOST: And the border?\nTARN: It stays. It always has.\nHOST: Thanks."
    doc = _blank(text)
    second = list(doc.sents)[3]  # "It always has."
    answer = answer_of(second, _m(doc, "TARN"))
    assert answer.text.strip() == "It stays. It always has."


def test_a_closing_quote_mark_does_not_end_a_headline():
    from annotator.nlp.claim_voice import is_headline

    doc = _blank("Pellmar envoy calls vote ‘a stunt’\n\nThe envoy spoke on Monday.")
    sents = list(doc.sents)
    assert is_headline(sents[0])
    assert not is_headline(sents[-1])


def test_a_quote_inside_the_journalist_s_clause_is_a_fragment_but_one_opening_the_sentence_is_not():
    from annotator.nlp.claim_unmarked import _fragment

    doc = _blank("The envoy said the pact was “a first step” towards a union of the two coasts.")
    sent = next(doc.sents)
    a = doc.text.index("“") + 1
    quote = doc.char_span(a, doc.text.index("”"), alignment_mode="expand")
    assert _fragment(quote, sent)
    doc2 = _blank("“We will not sell the harbour,” the envoy said on Monday in Brell after the talks.")
    sent2 = next(doc2.sents)
    quote2 = doc2.char_span(1, doc2.text.index(","), alignment_mode="expand")
    assert not _fragment(quote2, sent2)


# --- with the real default pipeline -------------------------------------------------------------------




def _t(text, m):
    return text[m.start : m.end] if m is not None else None


@pytest.mark.model
def test_model_a_minister_s_answer_without_cue_words_is_one_claim_about_the_question_s_topic(nlp):
    text = ("Transcript: Pellmar's foreign minister Ines Korsa on the harbour treaty\n\n"
            "Ines Korsa is Pellmar's foreign minister.\n\n"
            "HOST: Brisk wants the harbour treaty rewritten. Will Pellmar agree?\n\n"
            "KORSA: No. Pellmar signed it in good faith and Pellmar will keep it. Nobody in Brisk gets a second "
            "signature.\n\n"
            "HOST: Thank you.")
    claims = _claims(nlp, text)
    assert claims, "the answer makes a claim"
    answer = "No. Pellmar signed it in good faith and Pellmar will keep it. Nobody in Brisk gets a second signature."
    c = next(c for c in claims if answer in text[c.evidence[0].start : c.evidence[0].end])
    assert _t(text, c.claimant) == "Ines Korsa"  # the surname label speaks as the full name written before it
    assert all(_t(text, x.claimant) != "HOST" for x in claims)


@pytest.mark.model
def test_model_the_same_words_from_a_bystander_are_no_claim(nlp):
    text = ("Ines Korsa keeps a bakery in Brell.\n\n"
            "“Pellmar signed it in good faith and Pellmar will keep it, I think,” Korsa said.")
    assert _claims(nlp, text) == []


@pytest.mark.model
def test_model_a_political_fragment_quote_makes_its_sentence_the_evidence(nlp):
    text = ("Pellmar's prime minister, Ivo Tarn, said on Monday that the harbour treaty with Brisk was "
            "“a door we will never close” and that the pact would stand.")
    claims = _claims(nlp, text)
    assert claims
    ev = claims[0].evidence[0]
    assert text[ev.start : ev.end].startswith("Pellmar's prime minister")


@pytest.mark.model
def test_model_respecting_another_s_sovereignty_is_contest_favour_but_our_own_stays_sovereignty(nlp):
    (c,) = _claims(nlp, "“Brisk fully respects the sovereignty of Pellmar,” the Brisk envoy Ola Denn said.")
    assert (c.claim_type, c.stance) == ("contest", "favour")
    own = _claims(nlp, "“Brisk must respect our sovereignty,” the Pellmar envoy Ola Denn said.")
    assert [x.claim_type for x in own] == ["sovereignty"]


@pytest.mark.model
def test_model_not_recognising_a_state_is_contest_and_a_council_is_other(nlp):
    state = _claims(nlp, "The Pellmar foreign ministry said it would never recognise the Republic of Dunmore.")
    assert [(c.claim_type, c.stance) for c in state] == [("contest", "against")]
    body = _claims(nlp, "The Pellmar foreign ministry said it would never recognise the new council in Dunmore.")
    assert [(c.claim_type, c.stance) for c in body] == [("other", "against")]


def test_regards_x_as_part_of_y_takes_the_regarded_object_as_the_part():
    from annotator.nlp.claim_tree import regarded
    from tests.nlp.parses import parse

    rows = [
        ("Pellmar", 1, "nsubj", "PROPN", "NNP", "Pellmar"), ("regards", 1, "ROOT", "VERB", "VBZ", "regard"),
        ("the", 3, "det", "DET", "DT", "the"), ("valley", 1, "dobj", "NOUN", "NN", "valley"),
        ("as", 1, "prep", "ADP", "IN", "as"), ("part", 4, "pobj", "NOUN", "NN", "part"),
        ("of", 5, "prep", "ADP", "IN", "of"), ("Pellmar", 6, "pobj", "PROPN", "NNP", "Pellmar"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows, ents=[(0, 1, "GPE"), (7, 8, "GPE")])
    assert regarded(doc[5]).text == "valley"
    assert regarded(doc[3]) is None


@pytest.mark.model
def test_model_the_reporter_of_a_stance_is_the_claimant_and_a_cue_in_its_name_is_no_claim(nlp):
    text = "The Pellmar Union reaffirms that Brisk does not and will not recognise the so-called Republic of Dunmore."
    claims = _claims(nlp, text)
    assert "pooling" not in {c.claim_type for c in claims}
    c = next(c for c in claims if c.claim_type == "contest")
    assert _t(text, c.claimant) == "The Pellmar Union"


@pytest.mark.model
def test_model_a_territorial_claim_on_a_description_takes_the_place_named_before_it(nlp):
    text = ("Patrol boats from Brisk circled the Orrel Banks on Sunday.\n\n"
            "“These waters are ours and will stay ours,” said the Pellmar fisheries minister, Ola Denn.")
    (c,) = [c for c in _claims(nlp, text) if c.claim_type == "territory"]
    assert _t(text, c.target) == "the Orrel Banks" or _t(text, c.target) == "Orrel Banks"


@pytest.mark.model
def test_model_a_pooling_claim_s_object_is_the_named_community_not_the_word_membership(nlp):
    text = ("Pellmar applied to the Coastal Community in May.\n\n"
            "“Membership will make us stronger,” the Pellmar premier, Ola Denn, said.")
    (c,) = [c for c in _claims(nlp, text) if c.claim_type == "pooling"]
    assert "Coastal Community" in _t(text, c.target)


@pytest.mark.model
def test_model_self_determination_is_about_the_people_who_vote_not_the_speaker_s_country(nlp):
    text = ("Voters in Dunmore decide on independence from Pellmar on Sunday. The referendum in Dunmore was called "
            "in May.\n\n"
            "Brisk's foreign minister, Ola Denn, said Brisk supported the right of the people of Dunmore to "
            "decide their own future in a referendum.")
    (c,) = [c for c in _claims(nlp, text) if c.claim_type == "self_determination"]
    assert "Dunmore" in _t(text, c.target)


def test_a_description_or_a_person_is_a_generic_object_and_a_name_is_not():
    from spacy.tokens import Span as SpacySpan

    from annotator.nlp.claim_objects import _generic

    doc = spacy.blank("en")("These waters and the Orrel Banks and Ola Denn.")
    for t in doc:
        t.pos_ = "PROPN" if t.is_title and t.i > 0 else "NOUN" if t.lower_ == "waters" else "DET"
    doc.ents = [SpacySpan(doc, 4, 6, "LOC"), SpacySpan(doc, 7, 9, "PERSON")]
    for t in doc:  # a flat parse: each word its own head
        t.head = t
    assert _generic(doc, _m(doc, "These waters"))
    assert not _generic(doc, _m(doc, "Orrel Banks"))
    assert _generic(doc, _m(doc, "Ola Denn"))
    assert _generic(doc, None)


def test_a_signed_first_person_piece_has_an_author_and_a_signed_report_has_none():
    from annotator.nlp.claim_voice import author

    oped = _blank("Why Dunmore should stay\n\nBy Ola Denn\n\nI have lived in Dunmore all my life. I know what it "
                  "costs to leave. The valley should stay.")
    m = author(oped)
    assert m is not None and oped.text[m.start : m.end] == "Ola Denn"
    report = _blank("Dunmore votes\n\nBy Ola Denn\n\nVoters in Dunmore queued. The count starts at nine.")
    assert author(report) is None


def test_a_release_s_notes_to_editors_are_background():
    from annotator.nlp.claim_voice import background_start

    text = "Statement\n\nThe Ministry rejects the report.\n\nNotes to editors\n\n1. The Pact was founded in 1961."
    doc = _blank(text)
    assert background_start(doc) == text.index("\n\nNotes") + 1
    assert background_start(_blank("The Ministry rejects the report.")) == len("The Ministry rejects the report.")


def test_a_position_taken_now_and_an_event_told_in_the_past():
    from annotator.nlp.claim_unmarked import asserts_now
    from tests.nlp.parses import parse

    now = parse([("The", 1, "det", "DET", "DT", "the"), ("Ministry", 2, "nsubj", "PROPN", "NNP", "Ministry"),
                 ("regrets", 2, "ROOT", "VERB", "VBZ", "regret"), ("it", 2, "dobj", "PRON", "PRP", "it"),
                 (".", 2, "punct", "PUNCT", ".", ".")])
    past = parse([("The", 1, "det", "DET", "DT", "the"), ("Ministry", 2, "nsubj", "PROPN", "NNP", "Ministry"),
                  ("signed", 2, "ROOT", "VERB", "VBD", "sign"), ("it", 2, "dobj", "PRON", "PRP", "it"),
                  (".", 2, "punct", "PUNCT", ".", ".")])
    perfect = parse([("It", 2, "nsubj", "PRON", "PRP", "it"), ("has", 2, "aux", "AUX", "VBZ", "have"),
                     ("noted", 2, "ROOT", "VERB", "VBN", "note"), ("it", 2, "dobj", "PRON", "PRP", "it"),
                     (".", 2, "punct", "PUNCT", ".", ".")])
    modal = parse([("It", 2, "nsubj", "PRON", "PRP", "it"), ("will", 2, "aux", "AUX", "MD", "will"),
                   ("stay", 2, "ROOT", "VERB", "VB", "stay"), (".", 2, "punct", "PUNCT", ".", ".")])
    assert asserts_now(next(now.sents)) and asserts_now(next(modal.sents))
    assert not asserts_now(next(past.sents)) and not asserts_now(next(perfect.sents))


def test_a_place_is_another_polity_copula_is_territorial_and_a_named_union_is_a_union_word():
    from annotator.nlp.claim_field import field_of, predicate_of
    from tests.nlp.parses import parse

    rows = [("Dunmore", 1, "nsubj", "PROPN", "NNP", "Dunmore"), ("is", 1, "ROOT", "AUX", "VBZ", "be"),
            ("Pellmar", 1, "attr", "PROPN", "NNP", "Pellmar"), (".", 1, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, ents=[(0, 1, "GPE"), (2, 3, "GPE")])
    p = predicate_of(doc[:])
    assert p is not None and (p.claim_type, p.subject.text, p.negated) == ("territory", "Dunmore", False)
    rows = [("We", 1, "nsubj", "PRON", "PRP", "we"), ("joined", 1, "ROOT", "VERB", "VBD", "join"),
            ("the", 4, "det", "DET", "DT", "the"), ("Coastal", 4, "compound", "PROPN", "NNP", "Coastal"),
            ("Community", 1, "dobj", "PROPN", "NNP", "Community"), (".", 1, "punct", "PUNCT", ".", ".")]
    assert field_of(parse(rows)[:], True).classes.get("union") == 1
    rows[4] = ("community", 1, "dobj", "NOUN", "NN", "community")
    assert not field_of(parse(rows)[:], True).classes.get("union")


def test_a_matter_exclusively_for_a_people_is_interference_talk():
    doc = spacy.blank("en")("The census is a matter exclusively for the people of Dunmore.")
    from annotator.nlp.claim_cues import raw_hits

    assert "interference" in {h.family.name for h in raw_hits(doc)}


@pytest.mark.model
def test_model_so_called_needs_a_polity_or_body_and_adds_nothing_to_a_recognition(nlp):
    assert _claims(nlp, "The Pellmar foreign ministry said the so-called monitoring mission had left Dunmore.") == []
    text = "The Pellmar foreign ministry said it would not recognise the so-called Dunmore Council."
    assert len(_claims(nlp, text)) == 1
    (c,) = _claims(nlp, "The Pellmar foreign ministry said the so-called Republic of Dunmore held talks.")
    assert (c.claim_type, c.stance) == ("contest", "against")


def test_a_name_owning_an_organ_of_state_is_a_polity():
    from annotator.nlp.claim_field import is_polity_mention
    from tests.nlp.parses import parse

    rows = [("Dunmore", 2, "poss", "PROPN", "NNP", "Dunmore"), ("'s", 0, "case", "PART", "POS", "'s"),
            ("coastguard", 3, "nsubj", "NOUN", "NN", "coastguard"), ("waited", 3, "ROOT", "VERB", "VBD", "wait"),
            (".", 3, "punct", "PUNCT", ".", ".")]
    assert is_polity_mention(parse(rows)[0], False)
    rows[2] = ("cat", 3, "nsubj", "NOUN", "NN", "cat")
    assert not is_polity_mention(parse(rows)[0], False)


def test_their_coast_guard_is_no_territory_of_theirs():
    from annotator.nlp.claim_guards import place_context
    from tests.nlp.parses import parse

    guard = parse([("by", 0, "ROOT", "ADP", "IN", "by"), ("their", 3, "poss", "PRON", "PRP$", "their"),
                   ("coast", 3, "compound", "NOUN", "NN", "coast"), ("guard", 0, "pobj", "NOUN", "NN", "guard")])
    assert not place_context(guard[1])
    coast = parse([("off", 0, "ROOT", "ADP", "IN", "off"), ("their", 3, "poss", "PRON", "PRP$", "their"),
                   ("own", 3, "amod", "ADJ", "JJ", "own"), ("coast", 0, "pobj", "NOUN", "NN", "coast")])
    assert place_context(coast[1])


def test_a_councillor_is_a_political_speaker():
    from annotator.nlp.claim_voice import political

    doc = _blank("Cllr Ana Brisk spoke.\n\nAna Brisk said it.", [("Ana Brisk", "PERSON")])
    assert political(doc, _m(doc, "Ana Brisk"))


@pytest.mark.model
def test_model_it_after_a_body_s_sentence_is_that_body(nlp):
    text = ("The Pellmar Government notes the remarks of officials of the Kingdom of Brisk. It reminds all foreign "
            "governments that the census in Dunmore is a matter for Pellmar alone.")
    (c,) = [c for c in _claims(nlp, text) if c.claim_type == "interference"]
    assert _t(text, c.claimant) == "The Pellmar Government"


def test_a_statement_title_or_a_press_office_line_names_the_issuer():
    from annotator.nlp.claim_voice import issuer

    doc = _blank("Statement by the Ministry of Roads of Pellmar on the Dunmore bridge\n\nThe bridge will open.")
    m = issuer(doc)
    assert m is not None and doc.text[m.start : m.end] == "Ministry of Roads of Pellmar"
    doc = _blank("Dunmore bridge\n\nMinistry of Roads - Press Office\nBrell, 3 May\n\n1. The bridge will open.")
    m = issuer(doc)
    assert m is not None and doc.text[m.start : m.end] == "Ministry of Roads"


def test_a_release_mark_inside_a_title_names_no_issuer():
    from annotator.nlp.claim_voice import issuer

    doc = _blank("Editorial: A bridge cannot be opened by press release\n\nThe Brell council says it will open.")
    assert issuer(doc) is None  # words of the title, no header: the outlet's own voice stays the outlet's
    doc = _blank("Ministry of Roads of Pellmar | Press release\n\nThe bridge will open.")
    m = issuer(doc)
    assert m is not None and doc.text[m.start : m.end] == "Ministry of Roads of Pellmar"


def test_other_business_in_a_release_is_background():
    from annotator.nlp.claim_voice import background_start

    text = "The Ministry rejects the report.\n\nOther announcements\n\nThe bridge opens on Monday."
    assert background_start(_blank(text)) == text.index("\n\nOther") + 1


def test_two_denying_clauses_do_not_cancel_out():
    from annotator.nlp.claim_field import denies
    from tests.nlp.parses import parse

    rows = [("It", 1, "nsubj", "PRON", "PRP", "it"), ("has", 1, "ROOT", "VERB", "VBZ", "have"),
            ("no", 3, "det", "DET", "DT", "no"), ("basis", 1, "dobj", "NOUN", "NN", "basis"),
            ("and", 1, "cc", "CCONJ", "CC", "and"), ("it", 6, "nsubj", "PRON", "PRP", "it"),
            ("has", 1, "conj", "VERB", "VBZ", "have"), ("no", 8, "det", "DET", "DT", "no"),
            ("effect", 6, "dobj", "NOUN", "NN", "effect"), (".", 1, "punct", "PUNCT", ".", ".")]
    assert denies(parse(rows)[:])
    rows = [("It", 1, "nsubj", "PRON", "PRP", "it"), ("is", 1, "ROOT", "AUX", "VBZ", "be"),
            ("not", 1, "neg", "PART", "RB", "not"), ("invalid", 1, "acomp", "ADJ", "JJ", "invalid"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    assert not denies(parse(rows)[:])


@pytest.mark.model
def test_model_a_body_s_finding_is_its_claim_and_a_person_s_is_not(nlp):
    text = "The boundary commission found that the Orrel Banks belong to Pellmar."
    (c,) = _claims(nlp, text)
    assert c.claim_type == "territory" and _t(text, c.claimant) == "The boundary commission"
    assert _claims(nlp, "Ola Denn found that the old maps were in the attic.") == []


@pytest.mark.model
def test_model_stance_under_negation_of_others_contrast_harm_and_yielding(nlp):
    def stance(text, typ):
        return next(c.stance for c in _claims(nlp, text) if c.claim_type == typ)

    # complaining of a violation defends the sovereignty violated
    assert stance("“Brisk is violating our sovereignty,” said the Pellmar defence minister, Ola Denn.",
                  "sovereignty") == "favour"
    # refusing to yield keeps it
    assert stance("“Pellmar will never submit its sovereignty to a foreign court,” said the Pellmar "
                  "premier, Ola Denn.", "sovereignty") == "favour"
    assert stance("Ola Denn, the Pellmar premier, said Pellmar would reconsider its membership of the Coastal "
                  "Union.", "pooling") == "against"


def test_a_negated_subject_shuts_others_out_and_a_contrast_sets_up_the_claim():
    from annotator.nlp.claim_field import denies
    from tests.nlp.parses import parse

    nobody = parse([("Nobody", 1, "nsubj", "PRON", "NN", "nobody"), ("decides", 1, "ROOT", "VERB", "VBZ", "decide"),
                    ("for", 1, "prep", "ADP", "IN", "for"), ("Dunmore", 2, "pobj", "PROPN", "NNP", "Dunmore"),
                    (".", 1, "punct", "PUNCT", ".", ".")])
    assert not denies(nobody[:])
    contrast = parse([("It", 1, "nsubj", "PRON", "PRP", "it"), ("is", 1, "ROOT", "AUX", "VBZ", "be"),
                      ("not", 1, "neg", "PART", "RB", "not"), ("a", 4, "det", "DET", "DT", "a"),
                      ("favour", 1, "attr", "NOUN", "NN", "favour"), ("but", 4, "cc", "CCONJ", "CC", "but"),
                      ("a", 7, "det", "DET", "DT", "a"), ("right", 4, "conj", "NOUN", "NN", "right"),
                      (".", 1, "punct", "PUNCT", ".", ".")])
    assert not denies(contrast[:])
    plain = parse([("It", 1, "nsubj", "PRON", "PRP", "it"), ("is", 1, "ROOT", "AUX", "VBZ", "be"),
                   ("not", 1, "neg", "PART", "RB", "not"), ("a", 4, "det", "DET", "DT", "a"),
                   ("right", 1, "attr", "NOUN", "NN", "right"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert denies(plain[:])


def test_a_reversing_verb_does_not_reach_across_a_coordination():
    from annotator.nlp.claim_cues import Hit
    from annotator.nlp.claim_lexicon import family
    from annotator.nlp.claim_stance import polarity
    from tests.nlp.parses import parse

    # "Dunmore stops asking Brell and starts governing itself ."
    rows = [("Dunmore", 1, "nsubj", "PROPN", "NNP", "Dunmore"), ("stops", 1, "ROOT", "VERB", "VBZ", "stop"),
            ("asking", 1, "xcomp", "VERB", "VBG", "ask"), ("Brell", 2, "dobj", "PROPN", "NNP", "Brell"),
            ("and", 1, "cc", "CCONJ", "CC", "and"), ("starts", 1, "conj", "VERB", "VBZ", "start"),
            ("governing", 5, "xcomp", "VERB", "VBG", "govern"), ("itself", 6, "dobj", "PRON", "PRP", "itself"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, ents=[(0, 1, "GPE"), (3, 4, "GPE")])
    hit = Hit(family("sovereignty"), 6, 7, 6)
    assert polarity(doc, hit) == 1
    # "Dunmore stops governing itself ." : the stop reaches it
    rows = [("Dunmore", 1, "nsubj", "PROPN", "NNP", "Dunmore"), ("stops", 1, "ROOT", "VERB", "VBZ", "stop"),
            ("governing", 1, "xcomp", "VERB", "VBG", "govern"), ("itself", 2, "dobj", "PRON", "PRP", "itself"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    doc = parse(rows, ents=[(0, 1, "GPE")])
    assert polarity(doc, Hit(family("sovereignty"), 2, 3, 2)) == -1


def test_a_question_or_a_condition_in_a_speaker_s_words_takes_a_stance():
    from annotator.nlp.claim_field import takes_a_stance
    from tests.nlp.parses import parse

    question = parse([("Who", 1, "nsubj", "PRON", "WP", "who"), ("rules", 1, "ROOT", "VERB", "VBZ", "rule"),
                      ("Dunmore", 1, "dobj", "PROPN", "NNP", "Dunmore"), ("?", 1, "punct", "PUNCT", ".", "?")])
    assert takes_a_stance(question[:])
    condition = parse([("If", 2, "mark", "SCONJ", "IN", "if"), ("Brell", 2, "nsubj", "PROPN", "NNP", "Brell"),
                       ("leaves", 5, "advcl", "VERB", "VBZ", "leave"), (",", 5, "punct", "PUNCT", ",", ","),
                       ("Dunmore", 5, "nsubj", "PROPN", "NNP", "Dunmore"), ("leaves", 5, "ROOT", "VERB", "VBZ", "leave"),
                       (".", 5, "punct", "PUNCT", ".", ".")])
    assert takes_a_stance(condition[:])
    told = parse([("Brell", 1, "nsubj", "PROPN", "NNP", "Brell"), ("left", 1, "ROOT", "VERB", "VBD", "leave"),
                  ("Dunmore", 1, "dobj", "PROPN", "NNP", "Dunmore"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert not takes_a_stance(told[:])


def test_a_name_in_a_frame_only_a_polity_fills_is_a_place_whatever_the_tagger_said():
    from spacy.tokens import Span as SpacySpan

    from annotator.nlp.claim_tree import label_of

    doc = spacy.blank("en")("Few countries recognised Orla Brisk in 2004. Orla Brisk is not a state.")
    doc.ents = [SpacySpan(doc, 3, 5, "PERSON"), SpacySpan(doc, 8, 10, "PERSON")]
    assert label_of(doc[9]) == "GPE"
    other = spacy.blank("en")("Few people met Orla Brisk in 2004. Orla Brisk is not a state.")
    other.ents = [SpacySpan(other, 3, 5, "PERSON"), SpacySpan(other, 8, 10, "PERSON")]
    assert label_of(other[9]) == "PERSON"


def test_do_not_make_a_state_is_a_contest_cue_and_we_decide_is_a_people_deciding():
    from annotator.nlp.claim_cues import raw_hits
    from annotator.nlp.claim_field import field_of
    from tests.nlp.parses import parse

    doc = spacy.blank("en")("Two flags and a choir do not make a state.")
    assert "contest" in {h.family.name for h in raw_hits(doc)}
    rows = [("Tonight", 2, "npadvmod", "NOUN", "NN", "tonight"), ("we", 2, "nsubj", "PRON", "PRP", "we"),
            ("decide", 2, "ROOT", "VERB", "VBP", "decide"), (".", 2, "punct", "PUNCT", ".", ".")]
    assert field_of(parse(rows)[:], True).claim_type == "self_determination"
    rows[1] = ("Brell", 2, "nsubj", "PROPN", "NNP", "Brell")
    assert not field_of(parse(rows)[:], True).peoples_right


def test_french_style_demonyms_pair_with_their_country():
    from annotator.nlp.claim_names import _stem_match

    assert _stem_match("Dunmorais", "Dunmore") and _stem_match("Brellois", "Brell")


def test_a_q_and_a_interview_gives_its_answers_to_the_person_introduced_and_its_questions_to_no_one():
    from annotator.nlp.claim_voice import answer_of, interviewee, is_interviewer, line_speaker

    text = ("Tamsin Oake has chaired the Brell council since 2019. She spoke to Jan Pell.\n\n"
            "Q. Ms Oake, is the harbour yours?\nA. It is ours. It always was.\n"
            "Nobody in Ostry will tell us otherwise.\n"
            "Q: And the vote?\nA: The people of Brell will decide.")
    doc = _blank(text, [("Tamsin Oake", "PERSON"), ("Jan Pell", "PERSON")])
    who = interviewee(doc)
    assert who is not None and text[who.start : who.end] == "Tamsin Oake"  # named again in a question
    sents = list(doc.sents)
    second = next(s for s in sents if s.text.startswith("It always"))
    assert line_speaker(second) == who
    assert answer_of(second, who).text == "It is ours. It always was."
    carried = next(s for s in sents if s.text.startswith("Nobody"))
    assert line_speaker(carried) == who  # a paragraph continuing the answer is still hers
    question = next(s for s in sents if "harbour" in s.text)
    q = line_speaker(question)
    assert q is not None and is_interviewer(doc, q)
    assert not is_interviewer(doc, who)
    last = next(s for s in sents if "decide" in s.text)
    assert answer_of(last, line_speaker(last)).text == "The people of Brell will decide."


def test_one_q_and_a_pair_is_no_interview():
    from annotator.nlp.claim_voice import interviewee, line_speaker

    text = "Tamsin Oake spoke.\n\nQ. Why?\nA. Because the harbour is ours."
    doc = _blank(text, [("Tamsin Oake", "PERSON")])
    assert interviewee(doc) is None
    assert line_speaker(list(doc.sents)[-1]) is None


@pytest.mark.model
def test_model_a_q_and_a_answer_is_the_interviewee_s_claim_and_a_question_is_no_one_s(nlp):
    text = ("Harbour minister: 'the bay is not for sale'\n\n"
            "Ines Korsa has been Pellmar's harbour minister since 2020. She spoke to the Brell Gazette.\n\n"
            "Q. Brisk says the bay belongs to Brisk. Is that so?\n"
            "A. The bay is Pellmar's and it will stay Pellmar's. Nobody in Brisk decides that.\n\n"
            "Q. Would Pellmar ever join the Brisk customs union?\n"
            "A. Never. Pellmar's sovereignty is not up for negotiation.")
    claims = _claims(nlp, text)
    answers = [c for c in claims if text.index("A. The bay") <= c.evidence[0].start]
    assert answers, "the answers make claims"
    assert all(_t(text, c.claimant) == "Ines Korsa" for c in answers)
    question = text.index("Q. Brisk")
    assert not any(question <= c.evidence[0].start < question + 50 and _t(text, c.claimant) in ("Q", None)
                   for c in claims)


def test_an_op_ed_signed_in_its_standfirst_or_at_its_foot_has_that_author():
    from annotator.nlp.claim_voice import author, voices

    top = ("Why Brell should stay out\n\nOla Denn was Brell's trade minister until 2020.\n\n"
           "Every year someone says we are too small. I disagree. The harbour is ours to run.")
    doc = _blank(top)
    m = author(doc)
    assert m is not None and top[m.start : m.end] == "Ola Denn"
    last = list(doc.sents)[-1]
    assert voices(m, last)
    foot = ("Why Brell should stay out\n\nEvery year someone says we are too small. I disagree. The harbour is "
            "ours to run.\n\nOla Denn was Brell's trade minister until 2020.")
    doc = _blank(foot)
    m = author(doc)
    assert m is not None and foot[m.start : m.end] == "Ola Denn"
    assert voices(m, next(s for s in doc.sents if s.text.startswith("The harbour")))
    report = _blank("Brell votes\n\nOla Denn was Brell's trade minister until 2020.\n\nShe died on Monday. "
                    "Voters queued in the rain.")
    assert author(report) is None  # an obituary's introduction, nobody saying "I" or "we": no author


def test_a_description_with_the_person_s_name_set_off_beside_it_speaks_by_that_name():
    from spacy.tokens import Doc

    from annotator.nlp.claim_parts import speaker_phrase

    vocab = spacy.blank("en").vocab
    words = ["The", "prime", "minister", ",", "Ada", "Rinn", ",", "said", "."]
    doc = Doc(vocab, words=words, heads=[2, 2, 7, 2, 5, 2, 2, 7, 7],
              deps=["det", "amod", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "punct"],
              pos=["DET", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT"])
    assert speaker_phrase(doc[2]) == (4, 6)
    words = ["The", "minister", ",", "a", "lawyer", ",", "said", "."]
    doc = Doc(vocab, words=words, heads=[1, 6, 1, 4, 1, 1, 6, 6],
              deps=["det", "nsubj", "punct", "det", "appos", "punct", "ROOT", "punct"],
              pos=["DET", "NOUN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"])
    assert speaker_phrase(doc[1]) == (0, 2)  # a description set off beside it is no name


def _parsed(words, heads, deps, pos, ents=()):
    """A hand-built parse (spaCy's own test style) with entities given as (start, end, label)."""
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [SpacySpan(doc, s, e, label) for s, e, label in ents]
    return doc


def test_an_outsider_who_has_no_business_in_another_s_future_is_the_addressee_and_that_polity_the_object():
    from annotator.domain import Claim
    from annotator.nlp.claim_interference import aimed

    words = ["Brisk", "has", "no", "business", "deciding", "the", "future", "of", "Pellmar", "."]
    doc = _parsed(words, [1, 1, 3, 1, 3, 6, 4, 6, 7, 1],
                  ["nsubj", "ROOT", "det", "dobj", "acl", "det", "dobj", "prep", "pobj", "punct"],
                  ["PROPN", "VERB", "DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                  [(0, 1, "GPE"), (8, 9, "GPE")])
    c = Claim("interference", evidence=(Mention(0, len(doc.text)),), target=_m(doc, "Brisk"))
    got = aimed(doc, c)
    assert doc.text[got.target.start : got.target.end] == "Pellmar"
    assert doc.text[got.addressee.start : got.addressee.end] == "Brisk"


def test_the_one_whose_lectures_are_refused_is_never_the_object():
    from annotator.domain import Claim
    from annotator.nlp.claim_interference import aimed

    words = ["We", "want", "no", "lectures", "from", "Brisk", "on", "Pellmar", "'s", "courts", "."]
    doc = _parsed(words, [1, 1, 3, 1, 3, 4, 1, 9, 7, 6, 1],
                  ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "poss", "case", "pobj", "punct"],
                  ["PRON", "VERB", "DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PART", "NOUN", "PUNCT"],
                  [(5, 6, "GPE"), (7, 8, "GPE")])
    c = Claim("interference", evidence=(Mention(0, len(doc.text)),), target=_m(doc, "Brisk"))
    got = aimed(doc, c)
    assert doc.text[got.target.start : got.target.end] == "Pellmar"  # Pellmar's courts, not Brisk's lectures
    assert doc.text[got.addressee.start : got.addressee.end] == "Brisk"


@pytest.mark.model
def test_model_a_union_told_to_keep_out_is_the_addressee_of_an_interference_claim_not_a_pooling_object(nlp):
    text = ('Pelst\'s foreign ministry said the Harbour Alliance "has no business lecturing the people of Pelst '
            'about their elections".\n\n'
            '"The Harbour Alliance should look after its own ports and leave our coast to us," the Haven mayor, '
            'Ivo Maret, said.')
    claims = _claims(nlp, text)
    assert not any(c.claim_type == "pooling" for c in claims)
    told = [c for c in claims if c.claim_type == "interference"]
    assert len(told) == 2
    assert all("Harbour Alliance" in _t(text, c.addressee) for c in told)
    assert all(c.target is None or "Alliance" not in _t(text, c.target) for c in told)


@pytest.mark.model
def test_model_a_people_choosing_its_own_future_is_self_determination_and_choosing_a_government_sovereignty(nlp):
    text = ('The chairman of the Lerran Islanders\' Council, Jon Ferris, said the islanders "have every right to '
            'choose their own future".')
    claims = _claims(nlp, text)
    assert [c.claim_type for c in claims] == ["self_determination"]
    text = '"Orvanians choose their own government, and nobody else does," the prime minister, Ada Rinn, said.'
    assert [c.claim_type for c in _claims(nlp, text)] == ["sovereignty"]


def test_an_object_is_never_the_claimant_s_name_again_nor_a_news_outlet():
    from annotator.domain import Claim
    from annotator.nlp.claim_objects import sound_object

    text = "Ola Denn told the Brell Gazette that Denn would defend Pellmar and its bay."
    doc = _blank(text, [("Ola Denn", "PERSON"), ("Brell Gazette", "ORG"), ("Pellmar", "GPE")])
    ev = (Mention(0, len(text)),)
    again = Claim("contest", evidence=ev, claimant=_m(doc, "Ola Denn"), target=Mention(text.index("Denn would"),
                                                                                         text.index(" would")))
    got = sound_object(doc, again)
    assert got.target is not None and text[got.target.start : got.target.end] == "Pellmar"
    paper = Claim("contest", evidence=ev, claimant=_m(doc, "Ola Denn"), target=_m(doc, "Brell Gazette"))
    assert text[sound_object(doc, paper).target.start : sound_object(doc, paper).target.end] == "Pellmar"
    fine = Claim("contest", evidence=ev, claimant=_m(doc, "Ola Denn"), target=_m(doc, "Pellmar"))
    assert sound_object(doc, fine) is fine


@pytest.mark.model
def test_model_not_being_for_sale_or_negotiation_affirms_and_staying_out_of_a_union_opposes_it(nlp):
    text = '"The bay is not for sale," the harbour minister of Pellmar, Ines Korsa, said.'
    assert [(c.claim_type, c.stance) for c in _claims(nlp, text)] == [("territory", "favour")]
    text = '"Pellmar\'s sovereignty is not up for negotiation," the harbour minister, Ines Korsa, said.'
    assert [c.stance for c in _claims(nlp, text)] == ["favour"]
    text = '"Pelst should stay out of the Harbour Alliance," the Pelstian envoy, Ivo Maret, said.'
    assert [(c.claim_type, c.stance) for c in _claims(nlp, text)] == [("pooling", "against")]
    text = '"Pelst should join the Harbour Alliance," the Pelstian envoy, Ivo Maret, said.'
    assert [(c.claim_type, c.stance) for c in _claims(nlp, text)] == [("pooling", "favour")]


def test_a_headline_labelled_editorial_or_an_outlet_s_view_marks_an_editorial():
    from annotator.nlp.claim_voice import _editorial_mark

    assert _editorial_mark("Editorial: Pelst deserves better\n\nThe Haven Review\n\nPelst is a small country.")
    assert _editorial_mark("The Review's view: stay out\n\nPelst is a small country.")
    assert _editorial_mark("Opinion | Why Pelst must choose\n\nText.")
    assert not _editorial_mark("Pelst votes on Sunday\n\nBy Ola Denn\n\nVoters in Pelst queued.")


@pytest.mark.model
def test_model_an_editorial_judging_membership_a_mistake_opposes_it_and_union_news_is_no_claim(nlp):
    text = ("Editorial: the Harbour Alliance is not for Pelst\n\n"
            "Last week the Harbour Alliance sent yet another delegation to Pelst.\n\n"
            "Joining the Harbour Alliance next year would be a mistake.\n\n"
            "Joining the Harbour Alliance is not a surrender of anything, its supporters say; they are wrong.")
    claims = _claims(nlp, text)
    news = text.index("Last week")
    assert not any(news <= c.evidence[0].start < news + 60 for c in claims)
    judged = next(c for c in claims if "mistake" in text[c.evidence[0].start : c.evidence[0].end])
    assert (judged.claim_type, judged.stance, judged.outlet) == ("pooling", "against", True)


def test_foreign_judges_in_a_place_are_the_outsider_and_a_demonym_s_courts_name_the_object():
    from annotator.domain import Claim
    from annotator.nlp.claim_interference import aimed

    words = ["Brisk", "courts", ",", "not", "foreign", "judges", "in", "Ostry", ",", "decide", ".",
             "Brisk", "is", "small", "."]
    doc = _parsed(words, [1, 9, 1, 5, 5, 1, 5, 6, 1, 9, 9, 12, 12, 12, 12],
                  ["amod", "nsubj", "punct", "neg", "amod", "appos", "prep", "pobj", "punct", "ROOT", "punct",
                   "nsubj", "ROOT", "acomp", "punct"],
                  ["ADJ", "NOUN", "PUNCT", "PART", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "PUNCT",
                   "PROPN", "AUX", "ADJ", "PUNCT"],
                  [(0, 1, "NORP"), (7, 8, "GPE"), (11, 12, "GPE")])
    assert doc.text.startswith("Brisk courts")
    c = Claim("interference", evidence=(Mention(0, doc.text.index(" Brisk is")),))
    got = aimed(doc, c)
    assert doc.text[got.addressee.start : got.addressee.end] == "Ostry"
    assert got.target is not None and doc.text[got.target.start : got.target.end] == "Brisk"


def test_a_claim_or_title_to_a_place_names_what_a_territorial_claim_is_about():
    from annotator.nlp.claim_types import claimed_place

    words = ["Orvania", "'s", "claim", "to", "the", "bank", "has", "no", "basis", "."]
    doc = _parsed(words, [2, 0, 6, 2, 5, 3, 6, 8, 6, 6],
                  ["poss", "case", "nsubj", "prep", "det", "pobj", "ROOT", "det", "dobj", "punct"],
                  ["PROPN", "PART", "NOUN", "ADP", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"])
    assert claimed_place(doc[:]) == doc[5]
    words = ["Orvania", "'s", "claim", "to", "the", "prize", "has", "no", "basis", "."]
    doc = _parsed(words, [2, 0, 6, 2, 5, 3, 6, 8, 6, 6],
                  ["poss", "case", "nsubj", "prep", "det", "pobj", "ROOT", "det", "dobj", "punct"],
                  ["PROPN", "PART", "NOUN", "ADP", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"])
    assert claimed_place(doc[:]) is None  # a claim to a prize is about no place


@pytest.mark.model
def test_model_a_dateline_is_no_speaker_and_the_bare_title_is_the_person_named_with_it(nlp):
    text = ("BRELL, 9 May (GNA) - President Hanna Vosk on Monday told parliament that Pellmar would defend its "
            "sovereignty against any outside pressure.\n\n"
            "The President said the Harbour Alliance's sanctions were illegal and would fail.")
    claims = _claims(nlp, text)
    assert claims and all(_t(text, c.claimant) == "Hanna Vosk" for c in claims)
    second = next(c for c in claims if c.evidence[0].start >= text.index("The President"))
    assert second.claim_type == "interference" and "Harbour Alliance" in _t(text, second.addressee)


@pytest.mark.model
def test_model_staying_neutral_outside_every_bloc_opposes_pooling_and_neutral_on_a_question_is_neutral(nlp):
    text = '"Pellmar will stay neutral, outside every bloc and every alliance," the president, Hanna Vosk, said.'
    assert [(c.claim_type, c.stance) for c in _claims(nlp, text)] == [("pooling", "against")]
    text = ('"Pellmar is neutral on the question of membership of the Harbour Alliance," the president, Hanna '
            'Vosk, said.')
    assert [c.stance for c in _claims(nlp, text)] == ["neutral"]


def test_a_plural_demonym_names_its_country():
    from annotator.nlp.claim_names import country_of

    doc = _blank("Pelst is small. Only Pelstians decide. A Pelstian court sits in Pelst.")
    plural = next(t for t in doc if t.text == "Pelstians")
    assert country_of(plural) is not None and country_of(plural).text == "Pelst"
    assert country_of(next(t for t in doc if t.text == "Pelstian")).text == "Pelst"


@pytest.mark.model
def test_model_a_matter_for_a_polity_s_own_people_to_decide_rejects_outsiders_unless_it_is_their_status(nlp):
    text = ('"Whether Brell stays in the Harbour Compact is for Brellians to decide, and nobody in Ostry will be '
            'asked," the Brellian foreign minister, Ola Denn, said.')
    claims = _claims(nlp, text)
    assert [c.claim_type for c in claims] == ["interference"]
    assert _t(text, claims[0].target) == "Brell"
    text = ('"Independence is for the people of Ebbe to decide, in a referendum," the Ebbe chief minister, '
            'Hanne Lorvik, said.')
    assert [c.claim_type for c in _claims(nlp, text)] == ["self_determination"]


def test_a_cue_word_inside_a_party_s_or_body_s_name_is_no_cue():
    from annotator.nlp.claim_guards import _in_a_name

    doc = _blank("Members of the Brell Sovereignty Front marched. The Office for Independence Studies wrote.")
    assert _in_a_name(next(t for t in doc if t.text == "Sovereignty"))
    assert _in_a_name(next(t for t in doc if t.text == "Independence"))
    plain = _blank("They spoke of Sovereignty and Independence today.")
    assert not _in_a_name(next(t for t in plain if t.text == "Sovereignty"))


@pytest.mark.model
def test_model_a_cue_whose_force_is_denied_with_no_is_against(nlp):
    text = "Orvania's prime minister, Ada Rinn, said the referendum on the Lerran Islands would have no legal effect."
    assert [(c.claim_type, c.stance) for c in _claims(nlp, text)] == [("self_determination", "against")]
    text = "Orvania's prime minister, Ada Rinn, said the referendum on the Lerran Islands would have legal effect."
    assert [c.stance for c in _claims(nlp, text)] == ["favour"]


@pytest.mark.model
def test_model_a_sovereignty_word_in_what_an_outsider_has_no_mandate_to_do_is_interference(nlp):
    text = ('The Orvanian election office said the Harbour Alliance observers had "no mandate to judge a '
            'sovereign state".')
    assert [c.claim_type for c in _claims(nlp, text)] == ["interference"]
    text = '"Orvania chooses its own friends, as every sovereign state has the right to do," Ada Rinn said.'
    assert "interference" not in [c.claim_type for c in _claims(nlp, text)]


@pytest.mark.model
def test_model_a_court_ruling_a_vote_unlawful_or_a_council_without_power_to_hold_one_is_against(nlp):
    text = ("HAVEN, July 1 - Orvania's Supreme Court ruled on Thursday that the planned referendum on the "
            "Lerran Islands was unlawful.")
    claims = _claims(nlp, text)
    assert [(c.claim_type, c.stance) for c in claims] == [("self_determination", "against")]
    assert "Supreme Court" in _t(text, claims[0].claimant)  # the dateline's place is no speaker
    text = "The court said the islands' council had no power to organise a vote on secession."
    assert [c.stance for c in _claims(nlp, text)] == ["against"]


def test_a_release_s_issuer_may_stand_on_its_own_line_above_the_mark():
    from annotator.nlp.claim_voice import issuer

    text = ("Government of the Republic of Pelst\nOffice of the Spokesperson\n\nPRESS RELEASE No. 12\n\nHaven, 3 April"
            "\n\nThe Government rejects the report.")
    m = issuer(_blank(text))
    assert m is not None and text[m.start : m.end] == "Government of the Republic of Pelst"
    plain = "Pelst rejects report\n\nPRESS RELEASE\n\nThe Government rejects the report."
    assert issuer(_blank(plain)) is None


@pytest.mark.model
def test_model_the_government_in_a_release_is_its_issuer_by_full_name(nlp):
    text = ("Government of the Republic of Pelst\n\nPRESS RELEASE No. 12\n\nHaven, 3 April\n\n"
            "The Government reiterates that the Lerran Bank is an inseparable part of the territory of Pelst.")
    claims = _claims(nlp, text)
    assert claims and all(_t(text, c.claimant) == "Government of the Republic of Pelst" for c in claims)


@pytest.mark.model
def test_model_an_outsider_shut_out_beside_a_territorial_claim_is_a_second_claim(nlp):
    text = ('"The Lerran Bank is an inseparable part of Pelst, and no foreign body has any say over it," the '
            'Pelstian foreign minister, Mira Holt, said.')
    types = sorted(c.claim_type for c in _claims(nlp, text))
    assert types == ["interference", "territory"]
    text = '"The Lerran Bank is an inseparable part of Pelst," the Pelstian foreign minister, Mira Holt, said.'
    assert [c.claim_type for c in _claims(nlp, text)] == ["territory"]


@pytest.mark.model
def test_model_recognising_a_state_as_independent_is_one_contest_claim_and_calling_it_void_is_against(nlp):
    text = "The Kingdom of Kelm on Monday recognised the Republic of Ostrava as an independent state."
    claims = _claims(nlp, text)
    assert [(c.claim_type, c.stance) for c in claims] == [("contest", "favour")]
    assert "Ostrava" in _t(text, claims[0].target)
    text = ("Orvania's foreign ministry said it would defend the country's borders and called the recognition of "
            'Ostrava "legally void".')
    assert [c.stance for c in _claims(nlp, text) if c.cue == "recognition"] == ["against"]


@pytest.mark.model
def test_model_supporting_another_s_territorial_integrity_is_about_that_polity(nlp):
    text = "The Harbour Alliance said it continued to support Orvania's territorial integrity."
    claims = _claims(nlp, text)
    assert [(c.claim_type, _t(text, c.target)) for c in claims] == [("contest", "Orvania")]


def test_it_in_the_clause_a_body_reports_is_that_body():
    from annotator.nlp.claim_parts import speaker_phrase

    words = ["The", "ministry", "said", "it", "would", "never", "yield", "."]
    doc = _parsed(words, [1, 2, 2, 6, 6, 6, 2, 2],
                  ["det", "nsubj", "ROOT", "nsubj", "aux", "neg", "ccomp", "punct"],
                  ["DET", "NOUN", "VERB", "PRON", "AUX", "ADV", "VERB", "PUNCT"])
    doc[2].lemma_ = "say"
    assert speaker_phrase(doc[3]) == (0, 2)


@pytest.mark.model
def test_model_objects_in_a_news_in_brief_item_are_its_own_bloc_and_its_named_valley(nlp):
    text = ("The world in brief\n\n"
            "The Harbour Alliance met in Haven. Orvania hopes to join it.\n\n"
            "The Eastern Compact suspended Ostrava's observer status. Ostrava's leader, Tomas Vey, said "
            "Ostrava would leave the bloc.\n\n"
            "Kelm's king, Aldo III, said his country would \"never surrender an inch\" of the Tarn valley, which "
            "Pelst also claims.")
    claims = _claims(nlp, text)
    leave = next(c for c in claims if "leave the bloc" in text[c.evidence[0].start : c.evidence[0].end])
    assert (leave.claim_type, leave.stance, _t(text, leave.target)) == ("pooling", "against", "Eastern Compact")
    valley = next(c for c in claims if "Tarn" in text[c.evidence[0].start : c.evidence[0].end])
    assert _t(text, valley.target) == "the Tarn valley"
    text = 'Prime Minister Ada Rinn said membership would "anchor the country in the harbour of the free".'
    assert [c.claim_type for c in _claims(nlp, text)] == ["pooling"]


def test_a_polity_claimant_named_again_is_no_object_and_a_territorial_claim_falls_back_to_the_place_noun():
    from annotator.domain import Claim
    from annotator.nlp.claim_objects import sound_object

    text = "Brisk says the bay belongs to Brisk."
    doc = _blank(text, [("Brisk", "GPE")])
    second = Mention(text.rindex("Brisk"), text.rindex("Brisk") + 5)
    doc.ents = list(doc.ents) + [doc.char_span(second.start, second.end, label="GPE")]
    for t in doc:
        if t.text == "bay":
            t.pos_ = "NOUN"
            t.lemma_ = "bay"
    c = Claim("territory", evidence=(Mention(0, len(text)),), claimant=Mention(0, 5), target=second)
    got = sound_object(doc, c)
    assert got.target is not None and text[got.target.start : got.target.end] == "bay"


def test_an_interview_s_question_mark_is_no_part_of_a_name():
    from annotator.nlp.claim_parts import speaker_phrase

    words = ["Q.", "Brisk", "says", "so", "."]
    doc = _parsed(words, [1, 2, 2, 2, 2], ["compound", "nsubj", "ROOT", "advmod", "punct"],
                  ["PROPN", "PROPN", "VERB", "ADV", "PUNCT"])
    assert speaker_phrase(doc[1]) == (1, 2)


@pytest.mark.model
def test_model_a_self_determination_claim_describing_the_region_is_about_the_region_voting(nlp):
    text = ("The Lerran Islands want a referendum on independence from Orvania. Islanders in the Lerran Islands "
            "plan a vote in May.\n\n"
            "Orvania's court said the islands' council had no power to organise a vote on secession.")
    claims = _claims(nlp, text)
    court = next(c for c in claims if "court" in (_t(text, c.claimant) or ""))
    assert court.claim_type == "self_determination" and "Lerran Islands" in _t(text, court.target)


def test_a_not_after_a_comma_and_before_a_noun_phrase_shuts_out_an_alternative_and_denies_nothing():
    from spacy.tokens import Doc

    from annotator.nlp.claim_tree import sets_aside

    vocab = spacy.blank("en").vocab  # (a bare Vocab() has no lower-case forms)

    words = ["The", "port", "is", "ours", ",", "not", "Tarsa", "'s", "."]
    pos = ["DET", "NOUN", "AUX", "PRON", "PUNCT", "PART", "PROPN", "PART", "PUNCT"]
    heads = [1, 2, 2, 2, 2, 2, 2, 6, 2]  # the parser's habit: "not" hung on the verb
    deps = ["det", "nsubj", "ROOT", "attr", "punct", "neg", "dep", "case", "punct"]
    doc = Doc(vocab, words=words, pos=pos, heads=heads, deps=deps)
    assert sets_aside(doc[5])
    denying = Doc(vocab, words=["The", "port", "is", "not", "ours", "."],
                  pos=["DET", "NOUN", "AUX", "PART", "PRON", "PUNCT"], heads=[1, 2, 2, 2, 2, 2],
                  deps=["det", "nsubj", "ROOT", "neg", "attr", "punct"])
    assert not sets_aside(denying[3])
    verb_after = Doc(vocab, words=["We", "talk", ",", "not", "fight", "."],
                     pos=["PRON", "VERB", "PUNCT", "PART", "VERB", "PUNCT"], heads=[1, 1, 1, 4, 1, 1],
                     deps=["nsubj", "ROOT", "punct", "neg", "conj", "punct"])
    assert not sets_aside(verb_after[3])  # a second verb denied: not an alternative set aside


@pytest.mark.model
def test_model_a_people_deciding_for_itself_not_an_outsider_is_in_favour(nlp):
    text = 'Ana Rusu, the mayor of Valdor, said: "We decide, not Brell."\n'
    claims = [c for c in _claims(nlp, text) if c.claim_type == "self_determination"]
    assert claims and all(c.stance == "favour" for c in claims), claims


def test_a_name_owning_an_organ_of_state_is_a_place_unless_it_is_a_person_s_surname():
    from annotator.nlp.claim_tree import label_of

    doc = _blank("Lerra marched. Lerra's chief minister spoke to Mira Fross. Fross's government fell.",
                 [("Lerra", "PERSON"), ("Mira Fross", "PERSON")])
    doc.ents = [*doc.ents, doc.char_span(doc.text.index("Fross's"), doc.text.index("Fross's") + 5, label="PERSON")]
    assert label_of(doc[0]) == "GPE"  # "Lerra's chief minister": only a polity has one
    fross = next(t for t in doc if t.text == "Fross" and t.i > 8)
    assert label_of(fross) == "PERSON"  # "Mira Fross" is named in full: a surname, whatever she owns
    isle = _blank("Voters on the island of Tolm went home. Tolm waited.", [("Tolm", "PERSON")])
    assert label_of(next(t for t in isle if t.text == "Tolm")) == "GPE"  # "the island of Tolm"


@pytest.mark.model
def test_model_the_people_holding_a_vote_outweigh_the_state_that_allows_it_or_that_they_would_leave(nlp):
    from annotator.nlp.claim_objects import vote_focus

    text = ("Orvania's parliament approved a bill that lets the island of Lerra hold a referendum on "
            "independence. Orvania's government said Orvania would respect the vote.\n\n"
            "A referendum on leaving Orvania was lost in 2001, and Orvania's premier said Orvania's borders "
            "would not be put to a vote again.")
    doc = nlp(text)
    f = vote_focus(doc)
    assert f is not None and doc[f[0] : f[1]].text == "Lerra"


@pytest.mark.model
def test_model_a_territorial_claim_s_fallback_object_is_the_land_not_the_state_with_ministers(nlp):
    from annotator.nlp.claim_objects import territory_focus

    text = ("Tamor's foreign ministry protested on Monday. Tamor's president said Tamor would not give up "
            "Upper Vell. Tamor's army patrols Tamor's side of the line.\n\n"
            "Farmers in Upper Vell say the fences cut their fields. Upper Vell has no army.")
    doc = nlp(text)
    f = territory_focus(doc)
    assert f is not None and doc[f[0] : f[1]].text == "Upper Vell", doc[f[0] : f[1]].text


def test_refusing_to_bargain_over_a_thing_or_to_give_it_up_asserts_it():
    from spacy.tokens import Doc

    from annotator.nlp.claim_field import denies

    vocab = spacy.blank("en").vocab

    def parse(words, heads, deps, pos, lemmas):
        return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)

    # "Tarsa will not discuss the reef ." : refusing to put the reef on the table
    discuss = parse(["Tarsa", "will", "not", "discuss", "the", "reef", "."], [3, 3, 3, 3, 5, 3, 3],
                    ["nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct"],
                    ["PROPN", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"],
                    ["Tarsa", "will", "not", "discuss", "the", "reef", "."])
    assert not denies(discuss[:])
    # "We are not going to reopen the line ." : the same, with the negation on "going"
    reopen = parse(["We", "are", "not", "going", "to", "reopen", "the", "line", "."], [3, 3, 3, 3, 5, 3, 7, 5, 3],
                   ["nsubj", "aux", "neg", "ROOT", "aux", "xcomp", "det", "dobj", "punct"],
                   ["PRON", "AUX", "PART", "VERB", "PART", "VERB", "DET", "NOUN", "PUNCT"],
                   ["we", "be", "not", "go", "to", "reopen", "the", "line", "."])
    assert not denies(reopen[:])
    # "Tarsa will not give up the reef ." : two reversals, an assertion; "Tarsa will give up the reef ." denies
    words = ["Tarsa", "will", "not", "give", "up", "the", "reef", "."]
    heads, pos = [3, 3, 3, 3, 3, 6, 3, 3], ["PROPN", "AUX", "PART", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    deps = ["nsubj", "aux", "neg", "ROOT", "prt", "det", "dobj", "punct"]
    kept = parse(words, heads, deps, pos, [w.lower() for w in words])
    assert not denies(kept[:])
    given = parse([w for w in words if w != "not"], [2, 2, 2, 2, 5, 2, 2],
                  [d for d in deps if d != "neg"], [p for p, w in zip(pos, words, strict=True) if w != "not"],
                  [w.lower() for w in words if w != "not"])
    assert denies(given[:])
    # "... without asking any member to give up a law": nothing is given up
    words = ["It", "works", "without", "asking", "anyone", "to", "give", "up", "a", "law", "."]
    without = parse(words, [1, 1, 1, 2, 3, 6, 3, 6, 9, 6, 1],
                    ["nsubj", "ROOT", "prep", "pcomp", "dobj", "aux", "xcomp", "prt", "det", "dobj", "punct"],
                    ["PRON", "VERB", "ADP", "VERB", "PRON", "PART", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
                    [w.lower() for w in words])
    assert not denies(without[:])


@pytest.mark.model
def test_model_recognising_or_refusing_another_s_independence_is_contest_and_a_reporter_s_breakaway_is_no_claim(nlp):
    text = ('Velmark\'s foreign minister, Oda Brenn, said Velmark "does not and will not recognise the so-called '
            'independence of Ostra".\n\n'
            "The Republic of Holm on Tuesday recognised the breakaway Lisk Republic as an independent state.\n\n"
            "Holm's foreign ministry said it regarded the Republic of Lisk as a fully sovereign state.")
    claims = _claims(nlp, text)
    refused = [c for c in claims if "Ostra" in text[c.start : c.end]]
    assert refused and all(c.claim_type == "contest" and c.stance == "against" for c in refused), refused
    granted = [c for c in claims if "breakaway" in text[c.start : c.end]]
    assert granted and all(c.claim_type == "contest" and c.stance == "favour" for c in granted), granted
    assert any("Lisk Republic" in (_t(text, c.target) or "") for c in granted)
    regarded = [c for c in claims if "regarded" in text[c.start : c.end]]
    assert regarded and regarded[0].claim_type == "contest" and "Republic of Lisk" in _t(text, regarded[0].target)


@pytest.mark.model
def test_model_a_sovereignty_word_in_an_outsider_s_violation_rejects_it(nlp):
    text = "Velmark's president, Oda Brenn, called the patrols \"a violation of Velmark's sovereignty\".\n"
    claims = _claims(nlp, text)
    assert claims and claims[0].claim_type == "interference" and claims[0].stance == "favour", claims


@pytest.mark.model
def test_model_a_violation_by_aircraft_or_drones_is_sovereignty_a_law_s_is_interference(nlp):
    pointed = ("Two Dorvish jets crossed into Pellmar's airspace on Monday and circled the port for an hour.\n\n"
               "\"This is a flagrant violation of Pellmar's sovereignty,\" the defence minister, Anka Rusel, said.\n")
    claims = _claims(nlp, pointed)
    assert claims and all(c.claim_type == "sovereignty" for c in claims), claims
    said_of = ("Anka Rusel, Pellmar's defence minister, called the flight of Dorvish drones over the port \"a violation "
               "of Pellmar's sovereignty\".\n")
    claims = _claims(nlp, said_of)
    assert claims and all(c.claim_type == "sovereignty" for c in claims), claims
    law = "Pellmar's foreign minister, Anka Rusel, said the new Dorvish law was \"a flagrant violation of Pellmar's sovereignty\".\n"
    claims = _claims(nlp, law)
    assert claims and claims[0].claim_type == "interference", claims


def test_a_statement_s_title_line_is_not_its_issuer():
    from annotator.nlp.claim_voice import issuer

    text = ("Ministry of Foreign Affairs of the Republic of Velmark\n\nPress statement No. 7/2031\nBrell, 2 May 2031\n\n"
            "On the detention of fishing crews near the Holm reef\n\nThe Ministry rejects the detention.")
    doc = _blank(text)
    got = issuer(doc)
    assert got is not None and text[got.start : got.end] == "Ministry of Foreign Affairs of the Republic of Velmark"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Harbour League said on Tuesday that it still regards the Tarn Valley as part of Velland.\n",
    "Brisk's foreign ministry said it continued to regard the Tarn Valley as Pellish territory.\n",
    "The ministry said it considers the Tarn Valley to be part of Velland.\n",
])
def test_model_regarding_a_place_as_part_or_territory_of_a_polity_is_a_territorial_claim(nlp, text):
    claims = _claims(nlp, text)
    assert [c.claim_type for c in claims] == ["territory"], claims
    assert claims[0].stance == "favour" and "Tarn Valley" in _t(text, claims[0].target)


def test_a_one_word_name_said_to_be_part_of_a_country_is_a_place_whatever_its_label():
    from annotator.nlp.claim_tree import mislabelled_place

    doc = _blank("Ostmarra is part of Velland. Anna is part of Velland Rovers.",
                 [("Ostmarra", "PERSON"), ("Velland", "GPE"), ("Anna", "PERSON"), ("Velland Rovers", "ORG")])
    ostmarra, velland, anna, rovers = doc[0], doc[4], doc[6], doc[10]
    for t in (ostmarra, velland, anna, rovers):
        t.pos_ = "PROPN"
    assert mislabelled_place(ostmarra, velland)
    assert not mislabelled_place(anna, rovers)  # a club is no country
    assert not mislabelled_place(ostmarra, None)


@pytest.mark.model
def test_model_a_place_s_belonging_framed_in_apposition_is_the_outlet_s_territorial_claim(nlp):
    text = ("BRELL, 4 May (PNA) - The two presidents discussed the Orrin Ridge, historically Pellish land seized by "
            "Varn in 1950.\n\nThe talks lasted three hours.\n")
    claims = _claims(nlp, text)
    assert len(claims) == 1 and claims[0].claim_type == "territory" and claims[0].outlet, claims
    assert claims[0].stance == "favour" and "Orrin Ridge" in _t(text, claims[0].target)
    plain = "The mayor of Tarn, a town of 4,000 people, said the road would open in May.\n"
    assert _claims(nlp, plain) == []  # an apposition that names no owner frames nothing


@pytest.mark.model
@pytest.mark.parametrize(("text", "stance"), [
    ("The islands will hold a referendum on independence in May. Brisk's government said it would respect the "
     "outcome.\n", "favour"),
    ("The regional assembly has called a plebiscite on secession. Ministers in Varn say they will ignore its "
     "result.\n", "against"),
    ("The islands will hold a referendum on independence in May. The interior ministry said it would not "
     "recognise the result.\n", "against"),
])
def test_model_honouring_or_setting_aside_a_status_vote_s_outcome_is_a_self_determination_claim(nlp, text, stance):
    claims = [c for c in _claims(nlp, text) if "outcome" in _t(text, c.evidence[0]) or "result" in _t(text, c.evidence[0])]
    assert [(c.claim_type, c.stance) for c in claims] == [("self_determination", stance)], claims


@pytest.mark.model
def test_model_not_recognising_an_election_s_result_stays_a_claim_on_a_government(nlp):
    text = "Voters in Pellmar elect a president on Sunday. The opposition said it would not recognise the result.\n"
    claims = _claims(nlp, text)
    assert [(c.claim_type, c.stance) for c in claims] == [("other", "against")], claims


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Pellmar's parliament approved a bill allowing the island of Orra to hold a referendum on independence. The "
    "opposition leader, Ida Sund, said the bill was unconstitutional.\n",
    "Q. Your party wants a referendum on independence for Orra. The interior minister says that is illegal. Is he "
    "wrong?\n",
])
def test_model_a_status_vote_judged_unlawful_in_a_reported_clause_is_against_self_determination(nlp, text):
    claims = [c for c in _claims(nlp, text) if c.note and "judged unlawful" in c.note]
    assert [(c.claim_type, c.stance) for c in claims] == [("self_determination", "against")], claims
    assert "Orra" in _t(text, claims[0].target)


@pytest.mark.model
def test_model_something_else_judged_unlawful_in_an_article_on_a_status_vote_claims_nothing(nlp):
    text = ("Pellmar held a referendum on independence for Orra. The interior minister said the arrests were "
            "illegal.\n")
    assert not [c for c in _claims(nlp, text) if "arrests" in _t(text, c.evidence[0])]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"Forty years of Brell choosing our ferry times. Tonight we decide," said Ann Kell, a campaigner.\n',
    '"The future of the Orra valley must be decided by Orrans," said Ida Sund, a teacher.\n',
    '"The valley was never asked when the dam was built," said Ida Sund, a farmer.\n',
])
def test_model_a_people_deciding_or_left_unasked_is_a_self_determination_claim(nlp, text):
    claims = _claims(nlp, text)
    assert [(c.claim_type, c.stance) for c in claims] == [("self_determination", "favour")], claims


def test_a_people_s_say_is_a_present_or_future_choice_or_a_people_left_unasked():
    from annotator.nlp.claim_field import _peoples_say

    doc = parse([
        ("Tonight", 2, "npadvmod", "NOUN", "NN", "tonight"), ("we", 2, "nsubj", "PRON", "PRP", "we"),
        ("decide", 2, "ROOT", "VERB", "VBP", "decide"), (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert _peoples_say(doc[:]) is not None
    past = parse([
        ("We", 1, "nsubj", "PRON", "PRP", "we"), ("decided", 1, "ROOT", "VERB", "VBD", "decide"),
        ("to", 3, "aux", "PART", "TO", "to"), ("open", 1, "xcomp", "VERB", "VB", "open"),
        ("early", 3, "advmod", "ADV", "RB", "early"), (".", 1, "punct", "PUNCT", ".", "."),
    ])
    assert _peoples_say(past[:]) is None  # a choice told in the past is an event, not a say claimed


@pytest.mark.model
@pytest.mark.parametrize(("text", "place"), [
    ("\"My grandfather ploughed that meadow. It's Pellish ground, and it always will be,\" said Ida Sund, a farmer.\n",
     "meadow"),
    ("\"This has been Orran land since my grandmother's time,\" said Ida Sund, a farmer in Tarnby.\n", None),
])
def test_model_land_owned_by_a_polity_said_of_it_or_this_is_a_territorial_claim_on_the_place(nlp, text, place):
    claims = _claims(nlp, text)
    assert [(c.claim_type, c.stance) for c in claims] == [("territory", "favour")], claims
    assert _t(text, claims[0].target) not in ("It", "This")  # the place pointed at, never the pronoun
    assert place is None or place in _t(text, claims[0].target)


def test_a_country_named_as_a_place_s_predicate_counts_even_where_the_tagger_took_it_for_a_person():
    from annotator.nlp.claim_field import _a_country

    doc = _with_sentences(spacy.blank("en")("Pellmar held elections. Orra is Pellmar. Brisk is Ida."))
    doc.ents = [doc.char_span(0, 7, label="GPE"), doc.char_span(32, 39, label="PERSON"),
                doc.char_span(50, 53, label="PERSON")]
    assert _a_country(doc[6])  # tagged a person here, a country in the first sentence
    assert not _a_country(doc[10])


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "\"We are Pellish people. We were Pellish people before Brisk drew its maps,\" said Ida Sund, a fisherman on "
    "the Orra Isles.\n",
    "\"We're Pellish, and we always will be,\" said Ida Sund, 70.\n",
])
def test_model_residents_said_to_be_a_polity_s_people_make_a_territorial_claim(nlp, text):
    claims = _claims(nlp, text)
    assert [(c.claim_type, c.stance) for c in claims] == [("territory", "favour")], claims


@pytest.mark.model
def test_model_people_of_no_polity_make_no_claim(nlp):
    assert _claims(nlp, "\"We are people who like football,\" said Ida Sund.\n") == []


@pytest.mark.model
def test_model_a_dateline_lead_reporting_a_referendum_is_one_self_determination_claim(nlp):
    text = ("BRELL - Authorities in the Orra Isles, a self-governing territory of Pellmar, announced that a "
            "referendum on full independence will be held on June 12.\n")
    claims = _claims(nlp, text)
    assert [c.claim_type for c in claims] == ["self_determination"], claims  # the vote's question is no second claim


@pytest.mark.model
def test_model_a_polity_running_its_own_things_of_state_is_a_sovereignty_claim(nlp):
    text = ("\"We set our own taxes, command our own army and sign our own treaties,\" said Pellmar's prime minister, "
            "Ida Sund.\n")
    claims = _claims(nlp, text)
    assert [(c.claim_type, c.stance) for c in claims] == [("sovereignty", "favour")], claims
    assert _claims(nlp, "\"We bake our own bread,\" said Ida Sund, a baker.\n") == []


def test_own_things_of_state_need_a_possessive_and_a_polity_or_we_as_the_clause_s_subject():
    from annotator.nlp.claim_field import _runs_its_own

    doc = parse([
        ("We", 1, "nsubj", "PRON", "PRP", "we"), ("set", 1, "ROOT", "VERB", "VBP", "set"),
        ("our", 4, "poss", "PRON", "PRP$", "our"), ("own", 4, "amod", "ADJ", "JJ", "own"),
        ("taxes", 1, "dobj", "NOUN", "NNS", "tax"), (".", 1, "punct", "PUNCT", ".", "."),
    ])
    assert _runs_its_own(doc[3], True) is not None
    assert _runs_its_own(doc[3], False) is None  # "we" stands for a polity only in a political actor's mouth


@pytest.mark.model
def test_model_the_outlet_discrediting_a_body_in_its_own_words_is_its_contest_claim(nlp):
    text = ("BRELL, May 3 (PNA) - Traffic returned to normal on Monday. The self-styled council has no mandate from "
            "a single Pellish voter and speaks for no one but its sponsors.\n")
    claims = [c for c in _claims(nlp, text) if c.claim_type == "contest"]
    assert len(claims) == 1 and claims[0].outlet and claims[0].stance == "against", claims


@pytest.mark.model
@pytest.mark.parametrize(("text", "stance"), [
    ('"The tribunal\'s award is final and binding on both countries," said the Pellish foreign minister, Ida Sund.\n',
     "favour"),
    ('"The ruling is not binding on us," said the Pellish foreign minister, Ida Sund.\n', "against"),
    ('Its judgments, the court said, "bind every member state equally, large or small".\n', "favour"),
])
def test_model_a_ruling_s_binding_force_said_is_a_claim_on_its_authority(nlp, text, stance):
    claims = _claims(nlp, text)
    assert [(c.claim_type, c.stance) for c in claims] == [("other", stance)], claims


@pytest.mark.model
@pytest.mark.parametrize(("text", "typ"), [
    ('"The decisions in Pellmar are taken in Pellmar, not in Brisk," said the Pellish prime minister, Ida Sund.\n',
     "sovereignty"),
    ('"The decisions about these islands should be made on these islands," said Ida Sund, a fisherman.\n',
     "self_determination"),  # a place named by a common noun: its people's say
])
def test_model_decisions_said_to_be_made_where_a_polity_or_its_people_are_claim_self_rule(nlp, text, typ):
    claims = _claims(nlp, text)
    assert [(c.claim_type, c.stance) for c in claims] == [(typ, "favour")], claims
    assert _claims(nlp, '"The cakes are made in Brell," said Ida Sund, a baker.\n') == []


@pytest.mark.model
def test_model_an_editorial_saying_what_a_polity_should_do_about_a_vote_is_its_claim(nlp):
    text = ("Let the islanders choose\n\nEditorial\n\nThe islands have waited long enough for a say in their own "
            "future. If the vote is held and is fair, the government should accept the result, whichever way it "
            "goes.\n\nThe ferry timetable should also be published before the summer.\n")
    claims = _claims(nlp, text)
    made = [c for c in claims if "should accept the result" in text[c.start : c.end]]
    assert [(c.claim_type, c.stance, c.outlet) for c in made] == [("self_determination", "favour", True)], claims
    assert not [c for c in claims if "ferry" in text[c.start : c.end]]


@pytest.mark.model
@pytest.mark.parametrize(("text", "people"), [
    ("The people of the Tarn valley should be asked, and properly.", "people"),
    ("Nobody in Halvost has visited the Tarnlands. The Tarnlanders must be consulted first.", "Tarnlanders"),
])
def test_model_a_hearing_owed_to_a_people_is_its_say(nlp, text, people):
    from annotator.nlp.claim_field import _peoples_say

    doc = nlp(text)
    said = _peoples_say(doc[:])
    assert said is not None and said.text == people


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The ministers should be asked about the budget.",  # no people
    "The Tarnlanders must be consulted first.",  # no place of that name in the text
])
def test_model_a_hearing_owed_to_no_people_is_no_say(nlp, text):
    from annotator.nlp.claim_field import _peoples_say

    assert _peoples_say(nlp(text)[:]) is None


@pytest.mark.model
def test_model_a_people_s_say_over_no_status_with_an_outsider_set_aside_rejects_interference(nlp):
    for text in ("\"Pellmari voters will choose Pellmari leaders without help from the Dorvish embassy,\" the prime "
                 "minister of Pellmar, Anka Rusel, said.\n",
                 "\"How the Halbrin council votes is for the voters who chose it to judge, not for a foreign "
                 "consulate,\" the mayor of Halbrin, Anka Rusel, said.\n"):
        claims = _claims(nlp, text)
        assert claims and all(c.claim_type == "interference" and c.stance == "favour" for c in claims), claims
    status = ("\"The islanders of Halbrin will decide their independence in a referendum, not a foreign consulate,\" "
              "the island leader, Anka Rusel, said.\n")
    claims = _claims(nlp, status)
    assert claims and claims[0].claim_type == "self_determination", claims  # their status: self-determination


@pytest.mark.model
def test_model_a_region_s_own_say_on_a_union_is_self_determination_a_state_s_is_pooling(nlp):
    for text in ("The leader of the Halbrin regional assembly, Anka Rusel, said the province should have its own vote "
                 "on joining the Dorvish Customs Union.\n",
                 "The Halbrin regional council has said that the Halbrin islanders must decide for themselves "
                 "if the customs union's rules apply there.\n"):
        claims = _claims(nlp, text)
        assert claims and all(c.claim_type == "self_determination" for c in claims), claims
    state = ("Pellmar's prime minister, Anka Rusel, said Pellmar would have its own vote on joining the Dorvish "
             "Customs Union.\n")
    claims = _claims(nlp, state)
    assert claims and all(c.claim_type == "pooling" for c in claims), claims
