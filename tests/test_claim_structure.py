"""Claims found through the parse rather than cue words (issue 9, fifth round): predicates of statehood said by
"we", and the other structural signals of claim_field and claim_unmarked. Every sentence here is invented for
the test; none is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from tests.conftest import claims_of as _claims


def _parse(words, heads, deps, pos, tags=None, lemmas=None, ents=None) -> Doc:
    """A hand-built parse, as spaCy's own tests build one (heads are absolute token indices)."""
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)


def test_we_became_a_country_is_a_predicate_of_statehood_only_in_a_political_actor_s_quote():
    from annotator.nlp.claim_field import predicates_of

    doc = _parse(["We", "became", "a", "country", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "attr", "punct"],
                 ["PRON", "VERB", "DET", "NOUN", "PUNCT"], ["PRP", "VBD", "DT", "NN", "."],
                 ["we", "become", "a", "country", "."])
    found = predicates_of(doc[:], we=True)
    assert [(p.subject.text, p.claim_type, p.negated) for p in found] == [("We", "sovereignty", False)]
    assert predicates_of(doc[:], we=False) == []  # "we" of a resident or a club is no polity


def test_we_are_a_state_counts_but_a_ranked_or_described_state_does_not():
    from annotator.nlp.claim_field import predicates_of

    plain = _parse(["We", "are", "a", "state", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "attr", "punct"],
                   ["PRON", "AUX", "DET", "NOUN", "PUNCT"], ["PRP", "VBP", "DT", "NN", "."],
                   ["we", "be", "a", "state", "."])
    assert [p.claim_type for p in predicates_of(plain[:], we=True)] == ["sovereignty"]
    ranked = _parse(["Holm", "became", "the", "first", "country", "to", "pay", "."], [1, 1, 4, 4, 1, 6, 4, 1],
                    ["nsubj", "ROOT", "det", "amod", "attr", "aux", "relcl", "punct"],
                    ["PROPN", "VERB", "DET", "ADJ", "NOUN", "PART", "VERB", "PUNCT"],
                    ["NNP", "VBD", "DT", "JJ", "NN", "TO", "VB", "."],
                    ["Holm", "become", "the", "first", "country", "to", "pay", "."],
                    ["B-GPE", "O", "O", "O", "O", "O", "O", "O"])
    assert predicates_of(ranked[:], we=True) == []  # "the first country to pay" ranks Holm, claims nothing
    denied = _parse(["We", "are", "not", "a", "state", "."], [1, 1, 1, 4, 1, 1],
                    ["nsubj", "ROOT", "neg", "det", "attr", "punct"], ["PRON", "AUX", "PART", "DET", "NOUN", "PUNCT"],
                    ["PRP", "VBP", "RB", "DT", "NN", "."], ["we", "be", "not", "a", "state", "."])
    assert predicates_of(denied[:], we=True) == []




@pytest.mark.model
def test_model_a_leader_saying_we_became_a_country_asserts_sovereignty(nlp):
    text = ('Thousands gathered in Lerrin on Friday. "Tonight we stopped being a province and became a country," '
            "President Arlo Venn told them.\n\n"
            '"We are a patient people," said Tom Reel, who sells bread in the square.\n')
    claims = _claims(nlp, text)
    got = [c for c in claims if "became a country" in text[c.start : c.end]]
    assert got and got[0].claim_type == "sovereignty" and got[0].stance == "favour", claims
    assert not [c for c in claims if "patient" in text[c.start : c.end]], claims


def test_a_place_where_an_actor_sits_is_a_seat_but_a_vote_or_interference_in_it_names_the_polity():
    from annotator.nlp.claim_tree import is_seat

    # "Officials in Brell reject the vote": Brell is where the officials sit
    sat = _parse(["Officials", "in", "Brell", "reject", "the", "vote", "."], [3, 0, 1, 3, 5, 3, 3],
                 ["nsubj", "prep", "pobj", "ROOT", "det", "dobj", "punct"],
                 ["NOUN", "ADP", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
                 lemmas=["official", "in", "Brell", "reject", "the", "vote", "."],
                 ents=["O", "O", "B-GPE", "O", "O", "O", "O"])
    assert is_seat(sat[2])
    # "interference in Brell": the polity interfered with
    meddled = _parse(["They", "condemn", "interference", "in", "Brell", "."], [1, 1, 1, 2, 3, 1],
                     ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                     ["PRON", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
                     lemmas=["they", "condemn", "interference", "in", "Brell", "."],
                     ents=["O", "O", "O", "O", "B-GPE", "O"])
    assert not is_seat(meddled[4])
    # "governed from Brell" (a verb, "from"): the polity governing, not a seat; "orders from Brell" is one
    governed = _parse(["It", "is", "governed", "from", "Brell", "."], [2, 2, 2, 2, 3, 2],
                      ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
                      ["PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
                      lemmas=["it", "be", "govern", "from", "Brell", "."], ents=["O", "O", "O", "O", "B-GPE", "O"])
    assert not is_seat(governed[4])
    ordered = _parse(["orders", "from", "Brell"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["NOUN", "ADP", "PROPN"],
                     lemmas=["order", "from", "Brell"], ents=["O", "O", "B-GPE"])
    assert is_seat(ordered[2])


@pytest.mark.model
def test_model_a_self_determination_claim_is_about_the_region_voting_not_the_capital_its_critics_sit_in(nlp):
    text = ("The island of Varro will hold a referendum on independence from Ostmark in May.\n\n"
            "Ministers in Lenz, the Ostmark capital, call the referendum illegal.\n\n"
            '"The people of Varro will decide, not a committee in Lenz," said Varro\'s first minister, Ada Holt.\n')
    claims = _claims(nlp, text)
    decided = [c for c in claims if "will decide" in text[c.start : c.end]]
    assert decided and decided[0].claim_type == "self_determination", claims
    assert "Varro" in text[decided[0].target.start : decided[0].target.end], decided


@pytest.mark.model
def test_model_a_territorial_claim_s_object_is_the_land_not_the_state_claiming_it(nlp):
    text = ("The Dunmore Pass has been disputed by Varro and Ostmark since 1950.\n\n"
            "Varro's president, Ada Holt, called the pass \"Varroan soil from the river to the summit\".\n\n"
            "Ostmark's defence minister said Ostmark would never give up the Dunmore Pass.\n")
    claims = _claims(nlp, text)
    soil = [c for c in claims if "soil" in text[c.start : c.end]]
    assert soil and soil[0].claim_type == "territory", claims
    assert "Pass" in text[soil[0].target.start : soil[0].target.end] or "pass" in text[
        soil[0].target.start : soil[0].target.end], soil


@pytest.mark.model
def test_model_a_release_s_present_tense_position_is_its_issuer_s_claim_and_its_title_line_is_none(nlp):
    text = ("Statement by the Ministry of Foreign Affairs of the Republic of Varro on the Dunmore Bank\n\n"
            "Lenz, 3 June\n\n"
            "The Ministry of Foreign Affairs of the Republic of Varro notes with concern the arrival of an Ostmark "
            "dredger at the Dunmore Bank.\n\n"
            "The Dunmore Bank forms an inseparable part of the continental shelf of the Republic of Varro, as "
            "confirmed by the 1961 Treaty of Lenz.\n")
    claims = _claims(nlp, text)
    shelf = [c for c in claims if "inseparable" in text[c.start : c.end] and c.claim_type == "territory"]
    assert shelf and text[shelf[0].claimant.start : shelf[0].claimant.end].startswith("Ministry of Foreign"), claims
    titled = ("Varro signs fisheries protocol with the Lenz Union\n\nPRESS RELEASE\n"
              "Ministry of Foreign Affairs of the Republic of Varro\nLenz, 3 June - For immediate release\n\n"
              "The Dunmore Bank forms an inseparable part of the continental shelf of the Republic of Varro.\n")
    assert not [c for c in _claims(nlp, titled) if "fisheries protocol" in titled[c.start : c.end]]


@pytest.mark.model
def test_model_a_treaty_beside_territory_words_settles_a_border_and_a_pact_still_pools(nlp):
    text = ("Foreign Minister Ada Holt told the assembly that the border along the Dunmore river "
            "was fixed under the Treaty of Lenz and will not be redrawn.\n")
    claims = _claims(nlp, text)
    assert claims and all(c.claim_type != "pooling" for c in claims), claims
    from annotator.nlp.claim_field import field_of

    doc = nlp("Membership of the pact would end our veto, the minister said.")
    assert field_of(doc[:], False).claim_type == "pooling"


def test_the_people_of_a_polity_make_a_field_claim_self_determination():
    from annotator.nlp.claim_field import _people_of_a_polity

    # "It is a matter for the people of Varro": the people named by their polity
    doc = _parse(["It", "is", "a", "matter", "for", "the", "people", "of", "Varro", "."],
                 [1, 1, 3, 1, 3, 6, 4, 6, 7, 1],
                 ["nsubj", "ROOT", "det", "attr", "prep", "det", "pobj", "prep", "pobj", "punct"],
                 ["PRON", "AUX", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                 ents=["O", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "O"])
    assert _people_of_a_polity(doc[:])
    # "the people of the village" is no polity's people
    village = _parse(["the", "people", "of", "the", "village"], [1, 1, 1, 4, 2], ["det", "ROOT", "prep", "det", "pobj"],
                     ["DET", "NOUN", "ADP", "DET", "NOUN"])
    assert not _people_of_a_polity(village[:])


def test_a_reported_clause_of_status_needs_a_status_predicate_and_a_subject_not_the_speaker_s_side():
    from annotator.nlp.claim_unmarked import _of_status

    # "the ridge was awarded to Varro": a predicate of status
    awarded = _parse(["the", "ridge", "was", "awarded", "to", "Varro"], [1, 3, 3, 3, 3, 4],
                     ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj"],
                     ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN"],
                     lemmas=["the", "ridge", "be", "award", "to", "Varro"], ents=["O", "O", "O", "O", "O", "B-GPE"])
    assert _of_status(awarded[:])
    # "the ruling is binding": an adjective of status as the predicate
    binding = _parse(["the", "ruling", "is", "binding"], [1, 2, 2, 2], ["det", "nsubj", "ROOT", "acomp"],
                     ["DET", "NOUN", "AUX", "ADJ"], lemmas=["the", "ruling", "be", "binding"])
    assert _of_status(binding[:])
    # "she would hand in the report": the speaker's own doing, no claim of status
    own = _parse(["she", "would", "hand", "in", "the", "report"], [2, 2, 2, 2, 5, 2],
                 ["nsubj", "aux", "ROOT", "prt", "det", "dobj"], ["PRON", "AUX", "VERB", "ADP", "DET", "NOUN"],
                 lemmas=["she", "would", "hand", "in", "the", "report"])
    assert not _of_status(own[:])
    # "the ferry will be late": no predicate of status
    late = _parse(["the", "ferry", "will", "be", "late"], [1, 3, 3, 3, 3], ["det", "nsubj", "aux", "ROOT", "acomp"],
                  ["DET", "NOUN", "AUX", "AUX", "ADJ"], lemmas=["the", "ferry", "will", "be", "late"])
    assert not _of_status(late[:])


@pytest.mark.model
def test_model_taking_orders_from_an_outsider_is_an_interference_claim(nlp):
    text = ("The session ended in uproar when opposition MP Tomas Reel accused the cabinet of Varro of \"taking "
            "its instructions from Lenz like a provincial office\".\n\n"
            "Deputy Ada Holt of the Varro Party said the government \"takes its orders from Lenz and nobody else\".\n")
    claims = _claims(nlp, text)
    assert [c for c in claims if c.claim_type == "interference" and "uproar" in text[c.start : c.end]], claims


def test_refusing_to_depend_on_someone_s_leave_denies_nothing_of_the_claim():
    from annotator.nlp.claim_tree import refuses_dependency

    # "We do not need anyone's permission": the negation refuses the dependency
    doc = _parse(["We", "do", "not", "need", "anyone", "'s", "permission", "."], [3, 3, 3, 3, 6, 4, 3, 3],
                 ["nsubj", "aux", "neg", "ROOT", "poss", "case", "dobj", "punct"],
                 ["PRON", "AUX", "PART", "VERB", "PRON", "PART", "NOUN", "PUNCT"],
                 lemmas=["we", "do", "not", "need", "anyone", "'s", "permission", "."])
    assert refuses_dependency(doc[2])
    # "We do not recognise the tribunal": a denial
    denied = _parse(["We", "do", "not", "recognise", "the", "tribunal", "."], [3, 3, 3, 3, 5, 3, 3],
                    ["nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct"],
                    ["PRON", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"],
                    lemmas=["we", "do", "not", "recognise", "the", "tribunal", "."])
    assert not refuses_dependency(denied[2])


def test_a_people_never_asked_is_a_complaint_not_a_denial():
    from annotator.nlp.claim_tree import unconsulted

    # "Varro was never asked": the negation of consulting
    asked = _parse(["Varro", "was", "never", "asked", "."], [3, 3, 3, 3, 3],
                   ["nsubjpass", "auxpass", "neg", "ROOT", "punct"], ["PROPN", "AUX", "ADV", "VERB", "PUNCT"],
                   lemmas=["Varro", "be", "never", "ask", "."], ents=["B-GPE", "O", "O", "O", "O"])
    assert unconsulted(asked[2])
    # "Varro will never leave": a denial of leaving, not of consulting
    left = _parse(["Varro", "will", "never", "leave", "."], [3, 3, 3, 3, 3], ["nsubj", "aux", "neg", "ROOT", "punct"],
                  ["PROPN", "AUX", "ADV", "VERB", "PUNCT"], lemmas=["Varro", "will", "never", "leave", "."],
                  ents=["B-GPE", "O", "O", "O", "O"])
    assert not unconsulted(left[2])


def test_a_subject_the_parser_hung_on_the_auxiliary_is_the_verb_s_subject():
    from annotator.nlp.claim_tree import subject_of
    from tests.nlp.parses import parse

    doc = parse([
        ("the", 1, "det", "DET", "DT", "the"), ("award", 2, "nsubj", "NOUN", "NN", "award"),
        ("is", 3, "aux", "AUX", "VBZ", "be"), ("binding", 3, "ROOT", "VERB", "VBG", "bind"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ])
    assert subject_of(doc[3]).text == "award"


def _this_is(name: str, label: str, subject: str = "This") -> Doc:
    return _parse([subject, "is", name, "."], [1, 1, 1, 1], ["nsubj", "ROOT", "attr", "punct"],
                  ["PRON", "AUX", "PROPN", "PUNCT"], ["DT", "VBZ", "NNP", "."], [subject.lower(), "be", name, "."],
                  ents=["O", "O", f"B-{label}", "O"])


def test_this_is_a_country_said_of_where_one_stands_is_a_territorial_predicate():
    from annotator.nlp.claim_field import predicates_of

    found = predicates_of(_this_is("Tarnia", "GPE")[:])
    assert [(p.claim_type, p.negated) for p in found] == [("territory", False)]
    assert predicates_of(_this_is("Orla", "PERSON")[:]) == []  # "This is Orla": a person introduced
    assert predicates_of(_this_is("Tarnia", "GPE", "It")[:]) == []  # "It is Tarnia ...": often a cleft


@pytest.mark.model
def test_model_this_is_x_in_a_residents_quote_is_territory_about_the_land_the_article_is_about(nlp):
    text = ("The Lutra Valley has been claimed by both Tarnia and Vessel since the border commission of 1931. "
            "Tarnia keeps a police post above the Lutra Valley.\n\n"
            "\"This is Tarnia and it always will be,\" says Edda Morl, who keeps goats at the top of the Lutra Valley.")
    found = [c for c in _claims(nlp, text) if c.claim_type == "territory" and "This is" in text[c.start : c.end]]
    assert [(text[c.target.start : c.target.end], c.stance) for c in found] == [("Lutra Valley", "favour")], [
        (c.claim_type, text[c.start : c.end]) for c in _claims(nlp, text)]
