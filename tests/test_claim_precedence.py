"""The codebook's "when both fit" lines, as the type rules follow them (issue 9, session 12:
``claim_precedence``). Every sentence here is invented for the test; none is from a benchmark article. Tests
marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest

from annotator.domain import Claim, Mention

_UNION = ("TESSEL — The Harrow Basin Union meets on Friday to weigh the Veldmark application, and the union's "
          "ministers expect a long night.\n\n")


def _claim_on(text: str, said: str, claim_type: str = "sovereignty", stance: str = "favour") -> Claim:
    start = text.index(said)
    return Claim(claim_type=claim_type, evidence=(Mention(start, start + len(said)),), stance=stance, strength=1)


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "Inside the union our fish quotas would be decided in Tessel by officials we never chose.",
    "Signing would be the quiet surrender of our river to a committee.",
])
def test_model_control_handed_to_a_union_is_pooling_against_it(nlp, said):
    from annotator.nlp.claim_precedence import ceded_to_union

    text = _UNION + f'"{said}" the farmers\' leader, Orm Dessel, said.\n'
    doc = nlp(text)
    for typed in ("sovereignty", "self_determination"):
        (c,) = ceded_to_union(doc, [_claim_on(text, said, typed)])
        assert (c.claim_type, c.stance) == ("pooling", "against"), c
        assert c.target is not None and text[c.target.start : c.target.end].endswith("Harrow Basin Union")


@pytest.mark.model
@pytest.mark.parametrize(("before", "said"), [
    (_UNION, "Joining is not a surrender of our river but its best guard."),  # a surrender denied
    (_UNION, "Veldmark will decide its own future in its own time."),  # no control handed away
    ("TESSEL — The harvest came in early.\n\n",
     "Our fish quotas would be decided in Tessel by officials we never chose."),  # no union in the article
])
def test_model_what_cedes_nothing_to_a_union_keeps_its_type(nlp, before, said):
    from annotator.nlp.claim_precedence import ceded_to_union

    text = before + f'"{said}" the farmers\' leader, Orm Dessel, said.\n'
    claim = _claim_on(text, said)
    assert ceded_to_union(nlp(text), [claim]) == [claim]


def test_pooling_and_other_types_are_left_alone():
    import spacy

    from annotator.nlp.claim_precedence import ceded_to_union

    text = "The union would hand control of our ports to a board. The union meets today."
    doc = spacy.blank("en")(text)
    kept = [_claim_on(text, "The union would hand control of our ports to a board.", t) for t in
            ("pooling", "territory", "interference", "other", "contest")]
    assert ceded_to_union(doc, kept) == kept


def _word(words, pos, i, ents=None):
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    if ents:
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc[i]


@pytest.mark.parametrize(("words", "pos", "i", "ents"), [
    (["the", "declaration"], ["DET", "NOUN"], 1, None),  # a state's founding act
    (["its", "independence"], ["PRON", "NOUN"], 1, None),
    (["recognise", "Kessaly"], ["VERB", "PROPN"], 1, None),  # an untagged name: a polity
    (["recognise", "Kessaly"], ["VERB", "PROPN"], 1, [(1, 2, "GPE")]),
])
def test_what_is_recognised_as_a_state_is_a_contest(words, pos, i, ents):
    from annotator.nlp.claims import _a_state

    assert _a_state(_word(words, pos, i, ents))


@pytest.mark.parametrize(("words", "pos", "i", "ents"), [
    (["the", "government"], ["DET", "NOUN"], 1, None),
    (["the", "council"], ["DET", "NOUN"], 1, None),
    (["the", "Harbour", "Board"], ["DET", "PROPN", "PROPN"], 2, [(1, 3, "ORG")]),  # a named body: "other"
    (["recognise", "us"], ["VERB", "PRON"], 1, None),
])
def test_what_is_recognised_as_a_body_is_other(words, pos, i, ents):
    from annotator.nlp.claims import _a_state

    assert not _a_state(_word(words, pos, i, ents))


@pytest.mark.model
def test_model_refusing_a_declaration_of_independence_contests_statehood(nlp):
    from tests.conftest import claims_of

    text = ('ORVEL — The Kessaly assembly declared independence on Monday.\n\n'
            'The Ostrel foreign minister, Brann Tolley, said Ostrel does not recognise Kessaly\'s declaration and '
            'will not consider it.\n')
    said = [c for c in claims_of(nlp, text) if "declaration and" in text[c.start : c.end]]
    assert said and said[0].claim_type == "contest" and said[0].stance == "against", said
    assert said[0].target is not None and text[said[0].target.start : said[0].target.end] == "Kessaly"


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "land"), [
    ("Ostrel will never recognise the council, and considers the valley part of Ostrel.", "valley"),
    ("The Ministry regards the upland concerned as an integral part of the Republic of Ostrel.", "upland"),
    ("We do not regard the valley as part of Ostrel.", None),  # not regarded so
    ("We see the plan as part of a wider effort.", None),  # part of no polity
])
def test_model_land_regarded_as_part_of_a_polity(nlp, sentence, land):
    from annotator.nlp.claim_precedence import regarded_part

    found = regarded_part(nlp(sentence)[:])
    assert (found.text if found is not None else None) == land


@pytest.mark.model
def test_model_a_refusal_beside_land_said_to_be_a_polity_s_is_two_claims(nlp):
    from annotator.nlp.claim_precedence import land_beside

    text = "Ostrel will never recognise the council, and considers the valley part of Ostrel."
    doc = nlp(text)
    refusal = _claim_on(text, text, "other", "against")
    got = land_beside(doc, [refusal])
    assert got[0] == refusal and [c.claim_type for c in got] == ["other", "territory"]
    assert got[1].stance == "favour" and text[got[1].target.start : got[1].target.end].endswith("valley")
    assert land_beside(doc, got) == got  # a territorial claim there already: nothing more


_SUMMIT = ("HALVOST — Leaders of the Kerrisund Compact met on Thursday in Tervania, and Tervania's delegation listened "
           "more than it spoke.\n\n")


def _minister_says(said: str) -> str:
    """The summit story with ``said`` quoted from Tervania's foreign minister."""
    return _SUMMIT + f'"{said}" the foreign minister of Tervania, Ilsa Marrode, said.\n'


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "Tervania decides what crosses the Tervanian border, and we have said so politely.",
    "We came to listen. Tervania will decide about Tervania when it is ready.",
])
def test_model_a_polity_deciding_for_itself_is_sovereignty(nlp, said):
    from annotator.nlp.claim_precedence import polity_decides

    text = _minister_says(said)
    claim = _claim_on(text, said, "self_determination", "against")
    (c,) = [polity_decides(nlp(text), claim)]
    assert (c.claim_type, c.stance) == ("sovereignty", "favour"), c


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "The islanders will decide whether they stay, and nobody else.",  # a people deciding
    "Tervania will decide in a referendum whether the islands stay.",  # a status vote
    "For sixty years Tervania deciding our ferry times was the rule. Tonight we decide.",  # not a polity's own say
    "Tervania never decided anything for itself.",  # denied
])
def test_model_a_people_s_say_keeps_self_determination(nlp, said):
    from annotator.nlp.claim_precedence import polity_decides

    text = _minister_says(said)
    claim = _claim_on(text, said, "self_determination")
    assert polity_decides(nlp(text), claim) == claim


@pytest.mark.model
@pytest.mark.parametrize(("said", "stance"), [
    ("Our vote for independence was the voice of the people of the Tarn valley.", "favour"),
    ("Tervania is one country from the hills to the sea. No valley gets to vote its way out.", "against"),
    ("Who runs the Tarn valley is a question for the people who live there.", "favour"),
    ("The valley wants independence, and it wants it soon.", "favour"),  # a status sought
    ("We are not asking for independence. We are asking for a bus to the capital.", "against"),  # disowned
])
def test_model_a_people_s_vote_or_say_is_self_determination(nlp, said, stance):
    from annotator.nlp.claim_precedence import peoples_vote

    text = _minister_says(said)
    c = peoples_vote(nlp(text), _claim_on(text, said, "sovereignty"))
    assert (c.claim_type, c.stance) == ("self_determination", stance), c


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "Nobody in Halvost will ever have a vote in this chamber.",  # a chamber's vote, not a people's
    "Tervania governs itself and answers to nobody.",  # no vote, no people's say
    "We fought for our independence in 1921 and we will keep it.",  # a state's history, not a bid
])
def test_model_a_polity_s_own_rule_keeps_sovereignty(nlp, said):
    from annotator.nlp.claim_precedence import peoples_vote

    text = _minister_says(said)
    claim = _claim_on(text, said, "sovereignty")
    assert peoples_vote(nlp(text), claim) == claim



@pytest.mark.model
@pytest.mark.parametrize(("said", "typed"), [
    ("Village choirs in the Tarn valley had received grants from the Halvost culture ministry.", "pooling"),
    ("When a foreign ministry pays for the newspapers, do not be surprised by the headlines.", "other"),
    ("No embassy and no grant can buy the future of our people.", "other"),
])
def test_model_outside_money_buying_a_say_is_interference(nlp, said, typed):
    from annotator.nlp.claim_precedence import bought_say

    text = _minister_says(said)
    (c,) = bought_say(nlp(text), [_claim_on(text, said, typed)])
    assert (c.claim_type, c.stance) == ("interference", "favour"), c


@pytest.mark.model
@pytest.mark.parametrize("said", [
    "The union's regional fund pays for our new roads, and we are glad of it.",  # a union's money: pooling talk
    "The ministry paid the farmers on time this year.",  # one's own ministry, no outsider
])
def test_model_money_with_no_outsider_keeps_its_type(nlp, said):
    from annotator.nlp.claim_precedence import bought_say

    text = _minister_says(said)
    claim = _claim_on(text, said, "pooling")
    assert bought_say(nlp(text), [claim]) == [claim]


@pytest.mark.model
@pytest.mark.parametrize(("said", "funded"), [
    ("Orvel's government has accused Tarnmark of funding pro-independence groups in Velm.", True),
    ("Tarnmark is funding the opposition press in Orvel.", True),
    ("He accused the bloc's largest member, Tarnmark, of shopping for a parliament by funding seminars for Orvel MPs.",
     True),
    ("Tarnmark is funding the new bridge over the river.", False),  # no one's say bought
    ("We are funding our own candidates this time.", False),  # the speaker's own side
])
def test_model_a_polity_paying_anothers_groups_is_interference(nlp, said, funded):
    from annotator.nlp.claim_precedence import bought_say, funded_by_a_polity

    doc = nlp(said)
    assert funded_by_a_polity(doc[:]) is funded
    (c,) = bought_say(doc, [_claim_on(said, said, "sovereignty")])
    assert (c.claim_type == "interference") is funded
