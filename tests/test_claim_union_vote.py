"""A vote on joining or leaving a union is pooling, not a people's status vote (issue 9, session 14:
``claim_types.vote_on_union``). Every sentence here is invented for the test; none is from a benchmark article.
Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.domain import Claim, Mention


def _doc(words, heads, deps, pos, lemmas):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_vote_to_leave_a_bloc_is_on_a_union():
    from annotator.nlp.claim_types import vote_on_union

    # "we voted to leave the bloc"
    doc = _doc(["we", "voted", "to", "leave", "the", "bloc"], [1, 1, 3, 1, 5, 3],
               ["nsubj", "ROOT", "aux", "xcomp", "det", "dobj"], ["PRON", "VERB", "PART", "VERB", "DET", "NOUN"],
               ["we", "vote", "to", "leave", "the", "bloc"])
    assert vote_on_union(doc[:])


def test_a_referendum_on_membership_is_on_a_union():
    from annotator.nlp.claim_types import vote_on_union

    # "a referendum on membership"
    doc = _doc(["a", "referendum", "on", "membership"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"],
               ["DET", "NOUN", "ADP", "NOUN"], ["a", "referendum", "on", "membership"])
    assert vote_on_union(doc[:])


def test_a_vote_to_leave_a_kingdom_is_a_peoples():
    from annotator.nlp.claim_types import vote_on_union

    # "the islanders voted to leave the kingdom"
    doc = _doc(["the", "islanders", "voted", "to", "leave", "the", "kingdom"], [1, 2, 2, 4, 2, 6, 4],
               ["det", "nsubj", "ROOT", "aux", "xcomp", "det", "dobj"],
               ["DET", "NOUN", "VERB", "PART", "VERB", "DET", "NOUN"],
               ["the", "islander", "vote", "to", "leave", "the", "kingdom"])
    assert not vote_on_union(doc[:])


_UNION = ("TESSEL — The Harrow Basin Union meets on Friday to weigh the Veldmark application, and the union's "
          "ministers expect a long night.\n\n")


@pytest.mark.model
@pytest.mark.parametrize(("before", "said", "typ"), [
    (_UNION, "Nobody here ever voted to leave, and nobody will.", "pooling"),
    (_UNION, "A vote to admit Veldmark would be an unfriendly act.", "pooling"),
    (_UNION, "The government will not rule out a referendum on future treaties.", "pooling"),
    ("ORSK — The harvest came in early.\n\n", "The islanders will vote to leave the kingdom in May.",
     "self_determination"),
])
def test_model_a_vote_on_a_union_retypes_a_self_determination_claim(nlp, before, said, typ):
    from annotator.nlp.claim_types import union_vote

    text = before + said
    doc = nlp(text)
    start = text.index(said)
    c = Claim(claim_type="self_determination", evidence=(Mention(start, start + len(said)),), stance="favour")
    assert union_vote(doc, c).claim_type == typ


@pytest.mark.model
def test_model_the_field_votes_pooling_for_a_vote_to_leave(nlp):
    from annotator.nlp.claim_field import field_of

    text = _UNION + "We did not vote to leave."
    doc = nlp(text)
    said = doc.char_span(text.index("We did"), len(text))
    assert field_of(said, True).claim_type == "pooling"


@pytest.mark.model
def test_model_a_title_resting_on_a_treaty_is_territorial(nlp):
    from annotator.nlp.claims import find_claims

    text = ("ORSK — The foreign ministry answered on Monday.\n\n"
            "\"Our title to the Velm archipelago rests on the Treaty of Harl of 1850, which has never been revoked,\" "
            "Foreign Minister Anna Toller said.\n")
    said = text.index("Our title")
    types = {c.claim_type for c in find_claims(nlp(text)) if c.start <= said < c.end or said <= c.start < said + 90}
    assert "territory" in types and "pooling" not in types


@pytest.mark.model
@pytest.mark.parametrize(("said", "left_out"), [
    ("I have never said we should stay outside for ever.", True),
    ("Staying outside the bloc would cost the farmers dearly.", True),
    ("Today Veldmark sits at the table instead of waiting outside the door.", True),
    ("No court outside this country may overrule our parliament.", False),  # an outsider
])
def test_model_staying_outside_is_about_joining(nlp, said, left_out):
    from annotator.nlp.claim_field import field_of

    doc = nlp(said)
    classes = field_of(doc[:], True).classes
    assert ("union" in classes) is left_out
    assert ("outsider" in classes) is not left_out


@pytest.mark.model
@pytest.mark.parametrize(("said", "typ"), [
    ("The constitution does not recognise a right of any province to leave.", "self_determination"),
    ("The islanders have every right to secede if they so choose.", "self_determination"),
])
def test_model_a_right_to_leave_or_secede_is_self_determination(nlp, said, typ):
    from annotator.nlp.claim_field import field_of

    doc = nlp(said)
    f = field_of(doc[:], True)
    assert f.peoples_right and f.claim_type == typ


@pytest.mark.model
def test_model_a_right_to_leave_a_union_stays_pooling(nlp):
    from annotator.nlp.claim_field import field_of

    doc = nlp(_UNION + "Every member keeps the right to leave the union.")
    said = doc.char_span(len(_UNION), len(doc.text))
    assert field_of(said, True).claim_type == "pooling"
