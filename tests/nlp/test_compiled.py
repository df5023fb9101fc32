"""The compiled attribute ruler and lemmatizer give what spaCy's own give, token for token, or stay out of the way."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from annotator.nlp.compiled import compile_ruler, use_compiled_lemmatizer, use_compiled_ruler
from annotator.nlp.pipeline import DEFAULT_MODEL, load_pipeline

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [
    "",
    " ",
    "\n\n\n",
    "Ain't nothin' gonna stop y'all, she said. It is not what it's gonna be.\r\n\r\nI gave it to you.",
    "There is a cat. There are two. That that is is that that is not is not. Whom did they ask?",
    "Emoji 😀 and combining x\u0301 marks; right-to-left \u05e9\u05dc\u05d5\u05dd and \u0645\u0631\u062d\u0628\u0627.",
    "ALL CAPS HEADLINE SAYS NO    double  spaces\tand\ttabs — dashes – and … ellipses",
    "Numbers 1,200, 3.5%, '90s, 24/7 and e-mail addresses a.b@c.de or https://x.example/y?z=1",
]


def _view(doc: Doc) -> list[tuple]:
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    import annotator.nlp.components  # noqa: F401  (registers annotator_line_breaks)

    stock = spacy.load(DEFAULT_MODEL)  # spaCy's own ruler, before the same line-break rule load_pipeline adds
    stock.add_pipe("annotator_line_breaks", before="parser")
    return stock, load_pipeline(None)


def test_load_pipeline_swaps_the_ruler_in_place(pipelines):
    stock, ours = pipelines
    assert ours.pipe_names == stock.pipe_names
    assert type(stock.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert ours.get_pipe("attribute_ruler").ruler is not None
    assert type(stock.get_pipe("lemmatizer")).__name__ == "EnglishLemmatizer"
    assert ours.get_pipe("lemmatizer").lemmatizer is not None


def test_the_compiled_ruler_gives_spacys_result_on_every_article_and_on_hostile_text(pipelines):
    stock, ours = pipelines
    texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))]
    texts += [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(ROOT / "benchmarks/quotes/*.txt")))]
    texts += HOSTILE
    for a, b in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
        assert _view(a) == _view(b), a.text[:60]


def test_later_patterns_win_and_every_kind_of_pattern_is_honoured():
    nlp = spacy.blank("en")
    vocab = nlp.vocab
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "cat"}]], {"POS": "NOUN", "LEMMA": "cat"})
    ruler.add([[{"LOWER": {"IN": ["cat", "cats"]}}]], {"POS": "PROPN"})  # later: wins over the first
    ruler.add([[{"LOWER": {"REGEX": "^dog+$"}}]], {"LEMMA": "dog", "MORPH": "Number=Sing"})
    ruler.add([[{"LOWER": "big"}, {"LOWER": "dog"}]], {"POS": "ADJ"}, index=0)
    ruler.add([[{"LOWER": "big"}, {"LOWER": "dog"}]], {"TAG": "NNX"}, index=-1)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"LEMMA": "large"}, index=-1)  # an operator
    ruler.add([[{"IS_PUNCT": True, "LOWER": {"NOT_IN": ["!"]}}]], {"POS": "PUNCT"})
    ruler.add([[{"LENGTH": 3}]], {"MORPH": "Foo=Bar"})  # an attribute it does not compile: left to a Matcher
    compiled = compile_ruler(ruler)
    assert compiled is not None
    text = "The cat and the cats saw a very very big dog , a doggg and a big cat !"
    for words in (text.split(), ["x"], []):
        expect = ruler(Doc(vocab, words=words))
        got = compiled(Doc(vocab, words=words))
        assert _view(got) == _view(expect)
    doc = compiled(Doc(vocab, words=text.split()))
    assert [doc[1].pos_, doc[1].lemma_] == ["PROPN", "cat"]
    assert [doc[9].pos_, doc[9].lemma_, doc[10].tag_, doc[10].lemma_] == ["ADJ", "large", "NNX", "dog"]
    assert str(doc[13].morph) == "Number=Sing" and str(doc[1].morph) == "Foo=Bar" and doc[11].pos_ == "PUNCT" and doc[-1].pos_ != "PUNCT"


def test_a_ruler_that_sets_what_it_cannot_write_is_left_alone():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "cat"}]], {"NORM": "feline"})  # a lexical attribute: spaCy sets it on the lexeme too
    assert compile_ruler(ruler) is None
    assert use_compiled_ruler(nlp) is False
    assert nlp.get_pipe("attribute_ruler") is ruler
    assert use_compiled_ruler(spacy.blank("en")) is False  # no ruler at all


def test_a_bad_index_fails_as_spacy_fails():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b"}]], {"POS": "NOUN"}, index=5)
    compiled = compile_ruler(ruler)
    with pytest.raises((ValueError, IndexError)):
        ruler(Doc(nlp.vocab, words=["a", "b"]))
    with pytest.raises((ValueError, IndexError)):
        compiled(Doc(nlp.vocab, words=["a", "b"]))


def test_a_lemmatizer_of_another_kind_is_left_alone():
    from spacy.pipeline import Lemmatizer

    class Mine(Lemmatizer):
        def lemmatize(self, token):  # reads more than the text, tag and morphology
            return [token.text + str(token.i)]

    nlp = spacy.blank("en")
    Language = type(nlp)
    name = "test_compiled_own_lemmatizer"
    if name not in Language.factories:
        Language.factory(name, func=lambda nlp, name: Mine(nlp.vocab, None, name, mode="lookup"))
    nlp.add_pipe(name, name="lemmatizer")
    assert use_compiled_lemmatizer(nlp) is False
    assert use_compiled_lemmatizer(spacy.blank("en")) is False
