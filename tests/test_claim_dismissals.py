"""An outsider's opinion granted and its say denied is an interference claim (issue 9, session 11:
``claim_interference.dismissed``). Every sentence here is invented for the test; none is from a benchmark
article."""

from __future__ import annotations

import pytest
import spacy

from annotator.domain import Claim, Mention


@pytest.mark.parametrize(("said", "dismissed"), [
    ("The consul is entitled to his opinions. He is not entitled to a vote here.", True),
    ("What the visiting senator thinks of our courts is none of his business.", True),
    ("Our harbour is not a subject for our neighbours.", True),
    ("Orsk needs no certificate from anyone to know who won.", True),
    ("The republic does not require the advice of other capitals on its own coast.", True),
    ("The council should keep its views to itself.", True),
    ("Pellmar does not accept instructions from Brell on how it runs its harbours.", True),  # instruction refused
    ("We take no lessons from the Tarn assembly on counting votes.", True),
    ("It is not the business of visiting envoys to tell our judges what to read.", True),  # business denied
    ("We accept instructions from the harbour master when the fog comes in.", False),
    ("Trade is the business of merchants, not of ministers.", False),
    ("Everyone is entitled to a fair hearing.", False),
    ("We need advice on the harbour works from engineers.", False),
    ("The minister shared her views on the budget.", False),
])
def test_an_outsider_s_say_dismissed(said, dismissed):
    from annotator.nlp.claim_interference import dismisses_outsider

    assert dismisses_outsider(said) is dismissed


def test_a_claim_dismissing_an_outsider_becomes_interference_unless_one_is_there():
    from annotator.nlp.claim_interference import dismissed

    said = "The consul is entitled to his opinions. He is not entitled to decide who governs us."
    doc = spacy.blank("en")(said)
    ev = (Mention(0, len(said)),)
    c = Claim(claim_type="sovereignty", evidence=ev, stance="against", strength=-1)
    out = dismissed(doc, [c])
    assert [(x.claim_type, x.stance, x.strength) for x in out] == [("interference", "favour", 1)]
    there = Claim(claim_type="interference", evidence=ev, stance="favour", strength=1)
    assert dismissed(doc, [c, there]) == [c, there]  # one interference claim over these words is enough


def _need(obj_words, verb):
    """ "Ostrel does not need <obj> to <verb> ..." as a hand-built parse."""
    import spacy
    from spacy.tokens import Doc

    words = ["Ostrel", "does", "not", "need", "a", *obj_words, "to", verb, "us"]
    n = len(obj_words)
    obj = 4 + n  # the last word of the object
    heads = [3, 3, 3, 3, obj, *([obj] * (n - 1)), 3, obj + 2, 3, obj + 2]
    heads[obj] = 3
    deps = ["nsubj", "aux", "neg", "ROOT", "det", *(["amod"] * (n - 1)), "dobj", "aux", "advcl", "dobj"]
    pos = ["PROPN", "AUX", "PART", "VERB", "DET", *(["ADJ"] * (n - 1)), "NOUN", "PART", "VERB", "PRON"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=[w.lower() for w in words[:3]] + ["need"] + [w.lower() for w in words[4:]])


def test_needing_no_outsider_to_explain_refuses_a_lecture():
    from annotator.nlp.claim_interference import needs_no_teacher

    assert needs_no_teacher(_need(["foreign", "embassy"], "explain")[:])
    assert needs_no_teacher(_need(["third", "capital"], "tell")[:])


def test_needing_no_thing_to_explain_is_no_lecture():
    from annotator.nlp.claim_interference import needs_no_teacher

    assert not needs_no_teacher(_need(["new", "map"], "tell")[:])  # a map is not an outsider
    assert not needs_no_teacher(_need(["foreign", "embassy"], "visit")[:])  # no instruction


@pytest.mark.model
def test_model_needing_no_embassy_to_explain_is_interference(nlp):
    from annotator.nlp.claim_interference import dismissed

    text = "Ostrel does not need a foreign embassy to explain how to count the votes on its own islands."
    c = Claim(claim_type="territory", evidence=(Mention(0, len(text)),), stance="against", strength=-1)
    (d,) = dismissed(nlp(text), [c])
    assert (d.claim_type, d.stance) == ("interference", "favour")


@pytest.mark.model
@pytest.mark.parametrize(("said", "unaided"), [
    ("Whatever Orvel decides, it must decide it without Tarnmark's thumb on the scale.", True),
    ("We will choose without his help, as we always have.", True),
    ("Orvel will decide without a referendum.", False),  # no one's part shut out
    ("Orvel will not decide without our consent.", False),  # the speaker's own say
])
def test_model_deciding_with_an_outsiders_part_shut_out(nlp, said, unaided):
    from annotator.nlp.claim_interference import decides_unaided, dismissed

    doc = nlp(said)
    assert decides_unaided(doc[:]) is unaided
    c = Claim(claim_type="sovereignty", evidence=(Mention(0, len(said)),), target=Mention(0, 5), stance="favour",
              strength=1)
    (d,) = dismissed(doc, [c])
    assert (d.claim_type == "interference") is unaided
    assert d.target == c.target  # the polity deciding stays the object
