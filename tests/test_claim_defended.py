"""An interference claim's object is the polity defended: the claimant's own polity when the text makes it clear
("Pellmar's foreign minister"), never the outsider named in the clause, nor a person claimant's own name the
tagger took for a place (issue 9; the codebook's interference type). Every sentence is invented for the test;
none is from a benchmark article."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from annotator.domain import Claim, Mention


def _doc(text: str, ents: list[tuple[str, str]]):
    from annotator.nlp.claims import _with_sentences

    doc = _with_sentences(spacy.blank("en")(text))
    spans = []
    for words, label in ents:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    return doc


def _m(text: str, words: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Mention(start, start + len(words))


_SAID = "Pellmar's foreign minister said Brell has no business telling Pellmar how to run its harbours."


def test_the_claimants_own_polity_is_the_object_not_the_outsider():
    from annotator.nlp.claim_interference import defended_home

    doc = _doc(_SAID, [("Pellmar", "GPE"), ("Brell", "GPE")])
    ev = (Mention(0, len(_SAID)),)
    c = Claim(claim_type="interference", evidence=ev, claimant=_m(_SAID, "Pellmar's foreign minister"),
              target=_m(_SAID, "Brell"), stance="favour", strength=1)
    (out,) = defended_home(doc, [c])
    assert _SAID[out.target.start : out.target.end] == "Pellmar"


def test_other_types_and_claimants_with_no_polity_keep_their_object():
    from annotator.nlp.claim_interference import defended_home

    doc = _doc(_SAID, [("Pellmar", "GPE"), ("Brell", "GPE")])
    ev = (Mention(0, len(_SAID)),)
    sovereignty = Claim(claim_type="sovereignty", evidence=ev, claimant=_m(_SAID, "Pellmar's foreign minister"),
                        target=_m(_SAID, "Brell"), stance="favour", strength=1)
    assert defended_home(doc, [sovereignty]) == [sovereignty]
    text = "Ola Tallis said Brell has no business in the harbour."
    person = _doc(text, [("Ola Tallis", "PERSON"), ("Brell", "GPE")])  # no polity of the claimant in the text
    c = Claim(claim_type="interference", evidence=(Mention(0, len(text)),), claimant=_m(text, "Ola Tallis"),
              target=_m(text, "Brell"), stance="favour", strength=1)
    assert defended_home(person, [c]) == [c]


def test_a_person_claimants_surname_is_never_the_home():
    from annotator.nlp.claim_interference import _names_the_claimant

    text = "Sir Hugo Tallis said the report was interference. Tallis spoke in Brell."
    doc = _doc(text, [("Sir Hugo Tallis", "PERSON")])
    assert _names_the_claimant(doc, _m(text, "Sir Hugo Tallis"), _m(text, "Tallis", 1))
    assert not _names_the_claimant(doc, _m(text, "Sir Hugo Tallis"), _m(text, "Brell"))
