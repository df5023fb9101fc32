"""Second signals for weak attributions: a fallback names a speaker only when something else agrees."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.nlp.once import text_between

if TYPE_CHECKING:
    from annotator.nlp.article import Article
    from annotator.nlp.attribution import Attr


def speaks_elsewhere(art: Article, attr: Attr) -> bool:
    """The second signal a weak attribution needs: its speaker is the subject of a reporting verb
    somewhere in the article, or an earlier quote's speaker."""
    if attr.speaker is None:
        return False
    s, e = attr.speaker
    key = art.mentions.make(s, e, attr.label or "PERSON").key if attr.label in ("PERSON", "NAME?", "") else None
    named = [m for m in art.mentions.items if m.speaker] + art.mentions.history
    if key is None:
        text = text_between(art.doc, s, e).lower()
        return any(text_between(art.doc, m.start, m.end).lower() == text for m in named)
    return any(m.key == key for m in named)


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|our|us)\b")


def speaks_of_self(art: Article, i: int) -> bool:
    """The quote talks in the first person ("I had prepared a speech"): it is someone's own account,
    so the person the sentence before is about is a plausible speaker, not a mere subject."""
    q = art.marked[i]
    return bool(_FIRST_PERSON.search(art.text[q.start : q.end]))
