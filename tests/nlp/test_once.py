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
