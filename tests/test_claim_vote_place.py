"""The place whose people's say a self-determination claim is about (issue 9, session 13c): a named place with a
place noun ("the X Isles") counts beside the tagger's places, the state "within" which self-rule is sought is the
state, not the people, and a learned detector's claim is pointed at that place like a rule's. Every sentence here
is invented for the test; none is from a benchmark article. Tests marked ``model`` load the default pipeline."""

from __future__ import annotations

import pytest

from annotator.domain import Claim, Mention

_ARTICLE = (
    "On the Quillan Isles the fishing season ended early.\n\n"
    "The Quillan Isles Home Rule League wants a referendum on self-government within Marrowen, not on "
    "independence.\n\n"
    "In Marrowen the answer so far has been no. Marrowen's interior ministry said the Quillan Isles already have "
    "a council of their own.\n\n"
    "Marrowen's prime minister said the matter was closed. Marrowen will not change its mind."
)


@pytest.mark.model
def test_model_the_state_within_which_self_rule_is_sought_is_not_the_vote_place(nlp):
    from annotator.nlp.claim_objects import vote_focus

    doc = nlp(_ARTICLE)
    f = vote_focus(doc)
    assert f is not None and "Quillan" in doc[f[0] : f[1]].text


@pytest.mark.model
def test_model_left_marks_within_and_from(nlp):
    from annotator.nlp.claim_objects import _left

    doc = nlp("They want self-government within Marrowen.")
    assert _left(next(t for t in doc if t.text == "Marrowen"))
    doc = nlp("They want self-government for Marrowen.")
    assert not _left(next(t for t in doc if t.text == "Marrowen"))


@pytest.mark.model
def test_model_named_places_need_a_place_noun_and_two_words(nlp):
    from annotator.nlp.claim_objects import _named_places

    doc = nlp("Ships from the Quillan Isles and the Tessary Union met off Marrowen.")
    names = {doc[a:b].text for a, b in _named_places(doc)}
    assert any("Quillan Isles" in n for n in names)
    assert not any("Union" in n for n in names) and "Marrowen" not in names


@pytest.mark.model
def test_model_a_detector_claim_of_a_say_is_pointed_at_the_place_voting(nlp):
    from annotator.nlp.claim_objects import focused

    text = ("Dovrel's parliament approved a bill that lets the island of Kesk hold a referendum on independence. "
            "Kesk's council welcomed the referendum on independence.")
    doc = nlp(text)
    first = text.index(". ") + 1
    c = Claim(claim_type="self_determination", evidence=(Mention(0, first),), stance="favour",
              target=Mention(0, len("Dovrel")), cue="detector")
    got = focused(doc, c)
    assert got.target is not None and got.target.text_in(text) == "Kesk"


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "people"), [
    ("The envoy said the people of Kesk should be asked.", "the people of Kesk"),
    ("She wants the residents of the lower valley to have the last word.", "the residents of the lower valley"),
    ("The envoy said the island should be asked.", None),
])
def test_model_the_people_of_a_place_in_the_evidence(nlp, sentence, people):
    from annotator.nlp.claim_objects import _people_of_a_place

    doc = nlp(sentence)
    got = _people_of_a_place(doc[:])
    assert (doc[got[0] : got[1]].text if got else None) == people


@pytest.mark.model
def test_model_a_say_claim_takes_the_people_named_not_the_state_nor_a_states_whole_people(nlp):
    from annotator.nlp.claim_objects import focused

    text = ("Dovrel's parliament refused the island of Kesk a referendum on independence. "
            "The envoy said the people of Kesk should be asked. "
            "The minister said the people of Dovrel had never been asked about the referendum.")
    doc = nlp(text)
    second = text.index("The envoy")
    c = Claim(claim_type="self_determination", evidence=(Mention(second, text.index("The minister") - 1),),
              stance="favour", target=Mention(0, len("Dovrel")))
    assert focused(doc, c).target.text_in(text) == "the people of Kesk"
    third = text.index("The minister")
    c = Claim(claim_type="self_determination", evidence=(Mention(third, len(text)),), stance="against",
              target=None)
    got = focused(doc, c).target
    assert got is None or "Dovrel" not in got.text_in(text)


@pytest.mark.model
def test_model_a_contest_claim_about_a_description_takes_the_place_at_stake(nlp):
    from annotator.nlp.claim_objects import sharpen

    text = ("The island of Kesk held a referendum on independence. Kesk's council declared independence. "
            "Dovrel said it would never recognise the so-called republic.")
    doc = nlp(text)
    ev = text.index("Dovrel said")
    obj = text.index("the so-called")
    c = Claim(claim_type="contest", evidence=(Mention(ev, len(text)),), stance="against",
              claimant=Mention(ev, ev + len("Dovrel")), target=Mention(obj, len(text) - 1))
    assert sharpen(doc, c).target.text_in(text) == "Kesk"
    named = c.with_(target=Mention(text.index("Kesk"), text.index("Kesk") + 4))
    assert sharpen(doc, named).target == named.target  # a name stays


@pytest.mark.model
def test_model_a_detector_claim_on_a_description_of_land_takes_the_named_place(nlp):
    from annotator.nlp.claim_objects import sharpen

    text = ("Herders have grazed the Tamsel Valley for centuries. Dovrel and Kesk both claim it. "
            "The valley belongs to those who work it, a herder said.")
    doc = nlp(text)
    ev = text.index("The valley")
    c = Claim(claim_type="territory", evidence=(Mention(ev, len(text)),), stance="favour",
              target=Mention(ev, ev + len("The valley")), cue="detector")
    got = sharpen(doc, c).target
    assert got is not None and "Tamsel" in got.text_in(text)
