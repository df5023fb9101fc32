"""Sovereignty shared with a union or lost to it is pooling (issue 9, session 14: ``claim_pooled``). Every sentence
here is invented for the test; none is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc


def _doc(words, heads, deps, pos, lemmas=None):
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas or [w.lower() for w in words])


def test_a_denied_loss_of_independence_is_found():
    from annotator.nlp.claim_pooled import pooled

    # "Veldmark did not lose its independence"
    doc = _doc(["Veldmark", "did", "not", "lose", "its", "independence"], [3, 3, 3, 3, 5, 3],
               ["nsubj", "aux", "neg", "ROOT", "poss", "dobj"], ["PROPN", "AUX", "PART", "VERB", "PRON", "NOUN"],
               ["Veldmark", "do", "not", "lose", "its", "independence"])
    assert pooled(doc[:]) == ("losing", True)


def test_sovereignty_shared_beside_something_else_is_found():
    from annotator.nlp.claim_pooled import pooled

    # "we share harbours but not sovereignty"
    doc = _doc(["we", "share", "harbours", "but", "not", "sovereignty"], [1, 1, 1, 2, 5, 2],
               ["nsubj", "ROOT", "dobj", "cc", "neg", "conj"], ["PRON", "VERB", "NOUN", "CCONJ", "PART", "NOUN"],
               ["we", "share", "harbour", "but", "not", "sovereignty"])
    assert pooled(doc[:]) == ("pooling", True)


def test_part_of_sovereignty_given_up_is_found():
    from annotator.nlp.claim_pooled import pooled

    # "Veldmark gave up part of its sovereignty"
    doc = _doc(["Veldmark", "gave", "up", "part", "of", "its", "sovereignty"], [1, 1, 1, 1, 3, 6, 4],
               ["nsubj", "ROOT", "prt", "dobj", "prep", "poss", "pobj"],
               ["PROPN", "VERB", "ADP", "NOUN", "ADP", "PRON", "NOUN"],
               ["Veldmark", "give", "up", "part", "of", "its", "sovereignty"])
    assert pooled(doc[:]) == ("pooling", False)


def test_sovereignty_defended_or_only_named_is_not_pooled():
    from annotator.nlp.claim_pooled import pooled

    # "Veldmark defends its sovereignty"
    doc = _doc(["Veldmark", "defends", "its", "sovereignty"], [1, 1, 3, 1], ["nsubj", "ROOT", "poss", "dobj"],
               ["PROPN", "VERB", "PRON", "NOUN"], ["Veldmark", "defend", "its", "sovereignty"])
    assert pooled(doc[:]) is None


from tests.test_claim_precedence import _UNION, _claim_on  # noqa: E402  (the same union article and built claim)


@pytest.mark.model
@pytest.mark.parametrize(("said", "stance"), [
    ("Veldmark did not lose its independence when it joined the union, and it will not lose it now.", "favour"),
    ("We will share our ports and our fish, but not our sovereignty.", "against"),
    ("Veldmark will pool part of its sovereignty with its neighbours, and gladly.", "favour"),
])
def test_model_sovereignty_shared_or_lost_in_a_union_is_pooling(nlp, said, stance):
    from annotator.nlp.claim_pooled import pooled_sovereignty

    text = _UNION + f'"{said}" the foreign minister, Orm Dessel, said.\n'
    doc = nlp(text)
    for typed in ("sovereignty", "contest"):
        (c,) = pooled_sovereignty(doc, [_claim_on(text, said, typed)])
        assert (c.claim_type, c.stance) == ("pooling", stance), c
        assert c.target is not None and text[c.target.start : c.target.end].endswith("Harrow Basin Union")


@pytest.mark.model
@pytest.mark.parametrize(("before", "said"), [
    (_UNION, "We won our independence in 1921 and will not hand it back to Ostrelia."),  # to a former ruler
    (_UNION, "Veldmark will defend its sovereignty in every room it enters."),  # nothing shared
    ("TESSEL — The harvest came in early.\n\n", "We will share our ports, but not our sovereignty."),  # no union
])
def test_model_sovereignty_kept_from_a_union_keeps_its_type(nlp, before, said):
    from annotator.nlp.claim_pooled import pooled_sovereignty

    text = before + f'"{said}" the foreign minister, Orm Dessel, said.\n'
    claim = _claim_on(text, said)
    assert pooled_sovereignty(nlp(text), [claim]) == [claim]


@pytest.mark.model
@pytest.mark.parametrize(("before", "said", "typ"), [
    (_UNION, "We will not open the door to a country that cannot tell us where its own borders are.", "pooling"),
    (_UNION, "Who would speak for our fishermen if we were not in the room?", "pooling"),
    (_UNION, "The river valley is ours, and our door is open to every visitor.", "territory"),  # whose land it is
    ("TESSEL — The harvest came in early.\n\n", "We will not open the door to a country that cannot tell us where "
     "its own borders are.", "territory"),  # no union in the article
])
def test_model_membership_as_a_door_or_a_room_is_pooling(nlp, before, said, typ):
    from annotator.nlp.claim_pooled import threshold_talk

    text = before + f'"{said}" the foreign minister, Orm Dessel, said.\n'
    (c,) = threshold_talk(nlp(text), [_claim_on(text, said, "territory")])
    assert c.claim_type == typ
