"""Attributions given by the layout, not by a verb: a dash line after the quote (`"…" — Name, title`)
and a panel or transcript intro at a paragraph's start (`Name, Outlet: "…"`, `NAME: "…"`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.nlp.attribution import Attr
from annotator.nlp.lexicon import NAME_PARTICLES
from annotator.nlp.names import is_cap, is_title, label_of_name, named

if TYPE_CHECKING:
    from annotator.nlp.article import Article

_DASH_LINE = re.compile(r"[ \t]*(?:\u2014|\u2013|--|-)[ \t]*(?=\S)")


def dash_attribution(art: Article, i: int) -> Attr | None:
    """The quote is followed, to the end of its line, by a dash and a name: that name spoke. A dash
    line whose name cannot be read still ends the search (no speaker carried over from before)."""
    q = art.marked[i]
    close = art.q_hi[i]
    end = art.text.find("\n", close)
    end = q.para_end if end < 0 else min(end, q.para_end)
    m = _DASH_LINE.match(art.text, close, end)
    if m is None or art.has_quote(m.end(), end):
        return None
    lo, hi = art.tokens(m.end(), end)
    comma = next((k for k in range(lo, hi) if art.doc[k].text in (",", "(", ";")), hi)
    if art.text[m.end()].islower():  # "— a neighbour": a description, as written
        words = [t for t in art.doc[lo:comma] if t.is_alpha]
        if not words or len(words) > 4 or words[0].lower_ not in ("a", "an", "the", "one"):
            return None
        return Attr("dash", (lo, comma), None, None, "")
    span = name_in(art, lo, comma)
    if span is None:
        return Attr("dash", None)
    return Attr("dash", span, None, None, label_of_name(art.doc, *span))


def name_in(art: Article, lo: int, hi: int) -> tuple[int, int] | None:
    """The first personal name in tokens [lo, hi): a run of two or more capitalised words once its
    titles are dropped ("Council member Tom Reyes", "Mayor Ana Rusu of Eastbrook"), or a PERSON."""
    doc = art.doc
    k = lo
    while k < hi:
        if not is_cap(doc[k]):
            k += 1
            continue
        e = k
        while e < hi and (is_cap(doc[e]) or doc[e].text in ("-", "'", "\u2019", ".") or doc[e].lower_ in NAME_PARTICLES):
            e += 1
        while e > k and not is_cap(doc[e - 1]):
            e -= 1
        s = k
        while s < e and is_title(doc[s]):
            s += 1
        if e - s >= 2 or (e - s == 1 and doc[s].ent_type_ == "PERSON"):
            f = named(doc, s, e, "PERSON")
            return f.start, f.end
        k = max(e, k + 1)
    return None


def leading_name(art: Article, lo: int, hi: int) -> tuple[int, int] | None:
    """The personal name opening tokens [lo, hi), titles before it dropped ("Mayor Ana Rusu, Eastbrook")."""
    doc = art.doc
    s = lo
    while s < hi and (is_title(doc[s]) or doc[s].text == "."):
        s += 1
    e = s
    while e < hi and (is_cap(doc[e]) or doc[e].text in ("-", "'", "\u2019") or doc[e].lower_ in NAME_PARTICLES):
        e += 1
    while e > s and not is_cap(doc[e - 1]):
        e -= 1
    if e <= s or (e - s == 1 and lo == s and not doc[s].ent_type_ == "PERSON"):
        return None  # one capitalised word alone is no name ("Eastbrook", "Update")
    f = named(doc, s, e, "PERSON")
    return f.start, f.end


def panel_name(art: Article, lo: int, colon: int) -> tuple[int, int] | None:
    """`Name, Outlet:` opening a paragraph: the person before the comma, not the outlet after it."""
    doc = art.doc
    comma = next((k for k in range(lo, colon) if doc[k].text == ","), None)
    if comma is None or comma == lo:
        return None
    span = leading_name(art, lo, comma)
    if span is None or span[1] != comma:
        return None
    return span
