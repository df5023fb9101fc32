"""Per-Doc caches (annotator.nlp.once): the text a Doc was parsed from, kept on it, stands for ``doc.text``."""

from __future__ import annotations

import spacy

from annotator.nlp.once import keep_text, text_of


def test_the_text_kept_on_a_doc_is_what_text_of_gives_and_a_doc_without_it_gives_its_own():
    nlp = spacy.blank("en")
    text = "Mira Osk said:  “We stay.”\r\nShe left. 😀"
    kept = keep_text(nlp(text), text)
    assert text_of(kept) is text  # the string itself: spaCy's join over the tokens is not made
    plain = nlp(text)
    assert text_of(plain) == plain.text == text


def test_annotations_are_the_same_whether_the_parsed_text_is_kept_or_joined_again():
    from annotator.nlp.pipeline import annotate_doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = 'Mira Osk, the mayor of Tarn, said: "We decide our own future." She said it twice.'
    joined, kept = annotate_doc(nlp(text), "model:blank"), annotate_doc(keep_text(nlp(text), text), "model:blank")
    assert joined == kept


def test_ents_within_and_span_text_are_spacys_span_ents_and_text_for_every_span():
    from spacy.tokens import Span as SpacySpan

    from annotator.nlp.once import ents_within, span_text

    nlp = spacy.blank("en")
    doc = nlp("Ana Rusu of Tarvia met the Brell  delegation in Nova Ostra on Monday .\nThey left.")
    doc.ents = [SpacySpan(doc, 0, 2, "PERSON"), SpacySpan(doc, 3, 4, "GPE"), SpacySpan(doc, 6, 7, "NORP"),
                SpacySpan(doc, 10, 12, "GPE"), SpacySpan(doc, 13, 14, "DATE")]
    checked = 0
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert [(e.start, e.end, e.label_) for e in ents_within(span)] == [
                (e.start, e.end, e.label_) for e in span.ents]
            assert span_text(span) == span.text
            checked += 1
    assert checked == len(doc) * (len(doc) + 1) // 2
    assert [e.text for e in ents_within(doc[2:12])] == ["Tarvia", "Brell", "Nova Ostra"]  # cut names left out


def test_tokens_are_the_docs_own_made_once_per_doc_and_tokens_in_is_each_spans_slice_of_them():
    from annotator.nlp.once import tokens, tokens_in

    nlp = spacy.blank("en")
    doc = nlp("Ana Rusu said:  “We stay.”\nShe left. 😀")
    made = tokens(doc)
    assert [(t.i, t.text, t.idx) for t in made] == [(t.i, t.text, t.idx) for t in doc]
    assert all(t.doc is doc for t in made)
    assert tokens(doc) is made  # the same list on a second call, not a new one
    other = nlp("Ana Rusu said:  “We stay.”\nShe left. 😀")
    assert tokens(other) is not made and all(t.doc is other for t in tokens(other))
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            span = doc[start:end]
            assert [(t.i, t.text) for t in tokens_in(span)] == [(t.i, t.text) for t in span]
            assert all(a is b for a, b in zip(tokens_in(span), made[start:end], strict=True))


def test_head_indices_are_each_tokens_head_in_a_hand_built_parse_and_in_an_unparsed_doc():
    from spacy.tokens import Doc

    from annotator.nlp.once import head_indices

    nlp = spacy.blank("en")
    words = ["Mira", "Osk", "said", "the", "pact", "holds", "."]
    heads = [1, 2, 2, 4, 5, 2, 2]  # a root, heads before and after their token
    deps = ["compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert head_indices(doc) == [t.head.i for t in doc] == heads
    assert head_indices(doc) is head_indices(doc)
    plain = nlp("no parse here .")
    assert head_indices(plain) == [t.head.i for t in plain] == [0, 1, 2, 3]


def test_text_between_is_the_text_of_every_slice_of_the_doc():
    from annotator.nlp.once import text_between

    nlp = spacy.blank("en")
    doc = nlp("Ana Rusu said:  “We stay.”\r\nShe left. 😀 ")
    n = len(doc)
    for start in range(-2, n + 2):
        for end in range(-2, n + 2):
            assert text_between(doc, start, end) == doc[start:end].text, (start, end)
    assert text_between(doc, 0, 2) == "Ana Rusu"


def _hand_parsed():
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    words = ["Mira", "Osk", "said", "it", ".", "She", "LEFT", "😀", "e\u0301", ".", "Tarn", "won"]
    return Doc(nlp.vocab, words=words, spaces=[True] * len(words),
               pos=["PROPN", "PROPN", "VERB", "PRON", "PUNCT", "PRON", "VERB", "SYM", "X", "PUNCT", "PROPN", "VERB"],
               lemmas=["Mira", "Osk", "say", "it", ".", "she", "Leave", "😀", "e\u0301", ".", "Tarn", "win"],
               heads=[1, 2, 2, 2, 2, 6, 6, 6, 6, 6, 11, 11],
               deps=["compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dep", "dep", "punct", "nsubj",
                     "ROOT"],
               sent_starts=[True, False, False, False, False, True, False, False, False, False, True, False])


def test_words_are_each_tokens_lower_lowered_lemma_pos_and_dep():
    from spacy.tokens import Doc

    from annotator.nlp.once import words

    doc = _hand_parsed()
    lowers, lemmas, pos, deps = words(doc)
    assert lowers == [t.lower_ for t in doc] and lowers[6] == "left"
    assert lemmas == [t.lemma_.lower() for t in doc] and lemmas[6] == "leave"  # lowered, as the rules compare them
    assert pos == [t.pos_ for t in doc] and deps == [t.dep_ for t in doc]
    plain = spacy.blank("en")("No tags at all")
    assert words(plain) == ([t.lower_ for t in plain], [""] * 4, [""] * 4, [""] * 4)
    assert words(Doc(plain.vocab, words=[])) == ([], [], [], [])


def test_sent_of_is_spacys_token_sent_and_raises_as_it_does_without_sentences():
    import pytest

    from annotator.nlp.once import sent_of

    doc = _hand_parsed()
    for t in doc:
        assert (sent_of(t).start, sent_of(t).end) == (t.sent.start, t.sent.end)
    assert [sent_of(doc[i]).start for i in (0, 4, 5, 9, 10, 11)] == [0, 0, 5, 5, 10, 10]
    bare = spacy.blank("en")("No sentences here")
    with pytest.raises(ValueError):
        bare[1].sent  # noqa: B018
    with pytest.raises(ValueError):
        sent_of(bare[1])
