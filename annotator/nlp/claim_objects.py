"""Sharper objects for suggested claims: the named union or pact for pooling, the named place for territory,
the speaker's own polity for sovereignty, read from capitalised chunks of the text itself."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span

from annotator.domain import Claim, Mention
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_parts import home_of, mention
from annotator.nlp.claim_tree import ents, label_of, text_of

_JOINERS = frozenset({"of", "the"})


def proper_chunks(span: Span) -> list[tuple[int, int]]:
    """Runs of capitalised words ("the Northern Compact", "Strait of Sel"), never a person's name."""
    out, i = [], span.start
    doc = span.doc
    while i < span.end:
        t = doc[i]
        if t.is_title and t.is_alpha and label_of(t) != "PERSON" and not (t.is_sent_start and t.pos_ != "PROPN"):
            j = i + 1
            while j < span.end and (doc[j].is_title and doc[j].is_alpha or doc[j].lower_ in _JOINERS
                                    and j + 1 < span.end and doc[j + 1].is_title):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


@lru_cache(maxsize=8)
def _chunks_of(doc: Doc) -> tuple[tuple[int, int], ...]:
    """``proper_chunks`` of the whole document, found once per document."""
    return tuple(proper_chunks(doc[:]))


def _last_word_in(doc: Doc, chunk: tuple[int, int], words: frozenset[str]) -> bool:
    return doc[chunk[1] - 1].lower_ in words or doc[chunk[1] - 1].lemma_.lower() in words


def _named_union(doc: Doc, span: Span) -> tuple[int, int] | None:
    unions = lex.FIELD["union"]
    here = [c for c in proper_chunks(span) if _last_word_in(doc, c, unions)]
    if here:
        return here[0]
    everywhere = [c for c in _chunks_of(doc) if _last_word_in(doc, c, unions) and c[1] - c[0] > 1]
    if not everywhere:
        return None
    counts = Counter(doc[a:b].text for a, b in everywhere)
    best = counts.most_common(1)[0][0]
    return next(c for c in everywhere if doc[c[0] : c[1]].text == best)


def named_place(doc: Doc, span: Span) -> tuple[int, int] | None:
    places = lex.PLACE_NOUNS | lex.FIELD["territory"]
    return next((c for c in proper_chunks(span) if _last_word_in(doc, c, places)), None)


def _named_like(doc: Doc, target: str) -> tuple[int, int] | None:
    """The article's named place a description stands for: "the strait" -> "the Strait of Sel"."""
    words = [w.lower() for w in target.split()]
    heads = [w for w in words if w in lex.PLACE_NOUNS or w in lex.FIELD["territory"]]
    if not heads:
        return None
    chunks = [c for c in _chunks_of(doc) if c[1] - c[0] > 1
              and heads[-1] in {t.lower_ for t in doc[c[0] : c[1]]} | {t.lemma_.lower() for t in doc[c[0] : c[1]]}]
    if not chunks:
        return None
    counts = Counter(doc[a:b].text for a, b in chunks)
    best = counts.most_common(1)[0][0]
    return next(c for c in chunks if doc[c[0] : c[1]].text == best)


def _spans(doc: Doc, c: Claim) -> Span | None:
    return doc.char_span(c.evidence[0].start, c.evidence[0].end, alignment_mode="expand")


def _text(doc: Doc, m: Mention | None) -> str:
    return text_of(doc)[m.start : m.end] if m is not None else ""


def sharpen(doc: Doc, c: Claim) -> Claim:
    """``c`` with a better object where the text names one."""
    span = _spans(doc, c)
    if span is None:
        return c
    target = _text(doc, c.target)
    found = None
    if c.claim_type == "pooling" and not any(w[:1].isupper() and w.lower() in lex.FIELD["union"]
                                             for w in target.split()):
        found = _named_union(doc, span)
    elif c.claim_type == "territory" and (not target or target[:1].islower() or target.split()[0] in (
            "The", "These", "This", "Our", "Its", "Their")):
        found = _named_like(doc, target) or (named_place(doc, span) if not target or target[:1].islower() else None)
    elif c.claim_type in ("sovereignty", "interference") and (not target or target.lower().split()[0] in (
            "our", "we", "us", "this", "every", "its", "their")):
        found = home_of(doc, c.claimant)
    return c.with_(target=mention(doc, *found)) if found is not None else c


def _same(a: str, b: str) -> bool:
    a, b = _bare(a.lower()), _bare(b.lower())
    return bool(a) and bool(b) and (a in b or b in a or a[:5] == b[:5])


def _bare(t: str) -> str:
    return t[4:] if t.startswith("the ") else t


def retyped(doc: Doc, c: Claim) -> Claim:
    """A sovereignty claim about a polity other than the claimant's own affirms another's sovereignty:
    contest (favour), as the codebook defines it."""
    if c.claim_type != "sovereignty" or c.target is None or c.claimant is None:
        return c
    home = home_of(doc, c.claimant)
    if home is None:
        return c
    own = doc[home[0] : home[1]].text
    target = _text(doc, c.target)
    if _same(own, target) or not target[:1].isupper():
        return c
    return c.with_(claim_type="contest")


def one_per_object(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A territorial claim restating a sovereignty or contest claim on the same evidence and object
    with the same stance ("the sovereignty and territorial integrity of X") is one claim; "X is not a state,
    it is part of Y" stays two."""
    out = []
    for c in claims:
        twin = c.claim_type == "territory" and c.target is not None and any(
            o.claim_type in ("sovereignty", "contest") and o.evidence == c.evidence and o.target is not None
            and o.stance == c.stance
            and _same(_text(doc, o.target), _text(doc, c.target)) for o in claims)
        if not twin:
            out.append(c)
    return out


def focus(doc: Doc) -> tuple[int, int] | None:
    """The place the article is about: its most often named GPE or LOC (its first mention)."""
    names = [e for e in ents(doc) if _usual(e) in ("GPE", "LOC")]
    if not names:
        return None
    counts = Counter(_bare(e.text) for e in names)
    best = counts.most_common(1)[0][0]
    e = next(e for e in names if _bare(e.text) == best)
    return e.start, e.end


def _usual(ent) -> str:
    return label_of(ent.root)


def focused(doc: Doc, c: Claim) -> Claim:
    """A self-determination claim is about the people or territory whose status is at stake: the article's
    focal place when the evidence or the sentence around it names it."""
    if c.claim_type != "self_determination":
        return c
    f = focus(doc)
    span = _spans(doc, c)
    if f is None or span is None:
        return c
    name = _bare(doc[f[0] : f[1]].text)
    around = doc[span.sent.start : span[-1].sent.end].text
    if name in around and name not in _text(doc, c.target):
        return c.with_(target=mention(doc, *f))
    return c
