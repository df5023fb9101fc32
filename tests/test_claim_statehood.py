"""Recognition with nothing named that could be a government, a body or a ruling is a state's recognition in an
article about a polity's statehood (contest), and "other" elsewhere (issue 9, the codebook's "When both fit" line
for contest). Every sentence is invented for the test; none is from a benchmark article. Tests marked ``model``
load the default pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from tests.conftest import claims_of


def _doc(words: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, lemmas=[w.lower() for w in words])


_STATEHOOD = (["Dunmore", "declared", "independence", ".", "No", "recognition", "."],
              ["PROPN", "VERB", "NOUN", "PUNCT", "DET", "NOUN", "PUNCT"])
_COUP = (["The", "junta", "seized", "power", ".", "No", "recognition", "."],
         ["DET", "NOUN", "VERB", "NOUN", "PUNCT", "DET", "NOUN", "PUNCT"])


def test_recognition_of_nothing_named_is_a_states_where_the_article_speaks_of_statehood():
    from annotator.nlp.claims import _unnamed_in_statehood

    assert _unnamed_in_statehood(_doc(*_STATEHOOD), None)
    assert not _unnamed_in_statehood(_doc(*_COUP), None)


def test_a_government_body_or_name_recognised_stays_other_in_an_article_about_statehood():
    from annotator.nlp.claims import _unnamed_in_statehood

    words, pos = _STATEHOOD
    for noun, tag in (("administration", "NOUN"), ("council", "NOUN"), ("result", "NOUN"), ("Tessa", "PROPN")):
        doc = _doc([*words[:-2], "the", noun, "."], [*pos[:-2], "DET", tag, "PUNCT"])
        assert not _unnamed_in_statehood(doc, doc[-2]), noun
    doc = _doc([*words[:-2], "a", "mirage", "."], [*pos[:-2], "DET", "NOUN", "PUNCT"])
    assert _unnamed_in_statehood(doc, doc[-2])  # "the recognition of a mirage": nothing that governs or rules


_ARTICLE = ("The assembly of Dunmore declared independence from Pellmar on Sunday. Pellmar called the declaration "
            "void.\n\nThe Brisk foreign minister, Ola Denn, said Brisk would offer \"no recognition for now\" and "
            "would watch the talks.")


@pytest.mark.model
def test_model_no_recognition_in_a_secession_story_is_contest(nlp):
    found = [c for c in claims_of(nlp, _ARTICLE) if c.cue == "recognition"]
    assert [c.claim_type for c in found] == ["contest"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # no recognition for now, after a coup: a government, not a state
    "Soldiers seized power in Dunmore on Sunday and dissolved its parliament.\n\nThe Brisk foreign minister, "
    "Ola Denn, said Brisk would offer \"no recognition for now\" and would watch the talks.",
    # a new administration not recognised, even beside a declaration of independence
    "The assembly of Dunmore declared independence from Pellmar on Sunday.\n\nThe Brisk foreign ministry "
    "said it would not recognise the new administration in Dunmore until it held free elections.",
])
def test_model_recognition_withheld_from_a_government_is_other(nlp, text):
    found = [c for c in claims_of(nlp, text) if c.cue == "recognition"]
    assert [c.claim_type for c in found] == ["other"]
