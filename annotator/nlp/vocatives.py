"""Whom a quote addresses: a name or a title set off by commas inside it ("Thank you, Rhys.", "I was sober,
doctor, and ...", "Go to bed, Farid,"). The person addressed is not the one speaking."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.nlp.lexicon import TITLE_HEADS
from annotator.nlp.roles import canon

if TYPE_CHECKING:
    from annotator.nlp.article import Article
    from annotator.nlp.coref import NamedMention

# A vocative: after a comma, one or two capitalised words or a title, then a comma or the sentence's end.
_VOCATIVE = re.compile(r",[ \t]+((?:[A-Z][\w'\u2019-]+)(?:[ \t][A-Z][\w'\u2019-]+)?|[a-z]+)(?=[ \t]*(?:[,.!?]|$))")
_SHORT = {"dr": "doctor", "prof": "professor"}


def vocatives(art: Article, i: int) -> frozenset[str]:
    """The lower-cased words of the names and titles quote ``i`` addresses."""
    q = art.marked[i]
    out: set[str] = set()
    for m in _VOCATIVE.finditer(art.text, q.start, q.end):
        words = m.group(1).split()
        if words[0].islower() and canon(words[0]) not in TITLE_HEADS:
            continue  # ", please.", ", though," : no one addressed
        if words[0] in ("I", "I'm", "I\u2019m"):
            continue
        out.update(w.lower() for w in words)
    return frozenset(out)


def addressed(art: Article, m: NamedMention, words: frozenset[str]) -> bool:
    """The person of mention ``m`` is one the quote addresses: by a word of the name or a title given."""
    if not words or not m.personal:
        return False
    own = {t.lower_ for t in art.doc[m.start : m.end]}
    for x in art.mentions.by_key.get(m.key, []):
        own |= {t.lower_ for t in art.doc[x.start : x.end]} | set(x.titles)
    own |= {_SHORT.get(w.rstrip("."), canon(w)) for w in own}
    return bool(own & words)
