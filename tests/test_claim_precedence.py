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
