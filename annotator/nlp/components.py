"""The quote finder's stages as registered spaCy components, each writing its results to the Doc.

``annotator_line_breaks`` goes before the parser (a line break always starts a sentence, so no
parse arc joins a headline to its lede); the quote stages go after NER.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("annotator_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser sees the text."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc
