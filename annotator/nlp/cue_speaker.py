"""The speaker a reporting cue names for a quote: the best cue in the regions around it (the one
governing the quote, else the nearest) and its subject in the parse, else a name by pattern."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from annotator.nlp.attribution import Attr, attribute
from annotator.nlp.cues import Cue, lemma_of
from annotator.nlp.lexicon import REPORTING_VERBS
from annotator.nlp.names import Found
from annotator.nlp.quote_marks import MarkedQuote
from annotator.nlp.speaker_patterns import speaker_by_pattern
from annotator.nlp.speakers import quote_ancestors, speaker_from_head, subject_candidates

if TYPE_CHECKING:
    from annotator.nlp.article import Article


def from_regions(art: Article, i: int, regions: list[tuple[int, int]], rule: str = "") -> Attr | None:
    """The best cue in the character regions (the one governing the quote, else the nearest;
    verbs before phrases) and the speaker it names."""
    q = art.marked[i]
    cands = []
    for lo, hi in regions:
        j = bisect_left(art.cue_chars, lo)
        while j < len(art.cues) and art.cue_chars[j] < hi:
            c, pos = art.cues[j], art.cue_chars[j]
            dist = min(abs(pos - q.open_at), abs(pos - art.q_hi[i]))
            rank = 0 if _governs(art, c, q) or _introduces(art, c, q) else (1 if c.kind == "verb" else 2)
            if rank and c.kind == "verb" and art.parsed and _reported(art, art.doc[c.start]):
                j += 1  # "Asked whether the union would call strikes": what was asked, no one who speaks here
                continue
            cands.append((rank, dist, c, lo, hi))
            j += 1
    first: Attr | None = None
    for rank, _, cue, lo, hi in sorted(cands, key=lambda x: (x[0], x[1])):
        attr = speaker_for(art, cue, lo, hi, rule, governs=rank == 0)
        if attr.speaker is not None or attr.mention is not None:
            return attr
        first = first or attr
    return first


def _governs(art: Article, cue: Cue, q: MarkedQuote) -> bool:
    """``cue`` is an ancestor (within six steps) of the quote's tokens."""
    if not art.parsed:
        return False
    lo, hi = art.tokens(q.start, q.end)
    return any(h.i == cue.start for h in quote_ancestors(art.doc, lo, hi, 6))


def _introduces(art: Article, cue: Cue, q: MarkedQuote) -> bool:
    """A reporting verb whose clause ends in the colon that opens the quote ("A second paramedic put it
    more bluntly: “…”"): it governs the quote as surely as a parse edge would."""
    if cue.kind != "verb":
        return False
    end = art.doc[cue.end - 1].idx + len(art.doc[cue.end - 1])
    between = art.text[end : q.open_at].rstrip()
    if end > q.open_at or not between.endswith(":") or any(ch in between for ch in ".!?\n"):
        return False
    if art.has_quote(end, q.open_at):
        return False
    lo, hi = art.tokens(end, q.open_at)  # no other clause with its own subject before the colon
    doc = art.doc  # ("Asked whether the union would call strikes, Kowalczyk was blunt:" is Kowalczyk's)
    return not any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                   for t in doc[lo:hi])  # fmt: skip


def _reported(art: Article, verb) -> bool:
    """The verb is the complement of a reporting verb outside quotes ("Asked whether the union would call
    ..."): part of what was said or asked (verbs joined by "and" are each their own report). A reporting verb
    inside the quoted words ("“Can you tell us ...?” asked X", parsed as if "asked" were what "tell" says)
    reports nothing of the text around it."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return (t.dep_ in ("ccomp", "xcomp") and t.head.pos_ == "VERB" and lemma_of(t.head) in REPORTING_VERBS
            and art.outside(t.head.i, t.head.i + 1))  # fmt: skip


def _reports(verb) -> bool:
    """No reporting verb above this one: it reports, it is not what is reported."""
    return not any(a.pos_ == "VERB" and lemma_of(a) in REPORTING_VERBS for a in verb.ancestors)


def speaker_for(art: Article, cue: Cue, lo: int, hi: int, rule: str, governs: bool = False) -> Attr:
    """The speaker ``cue`` names, looked for in chars [lo, hi); an Attr with no speaker if none.
    A cue that ``governs`` the quote gives its own subject as written, whatever noun it is."""
    doc = art.doc
    cue_span = (cue.start, cue.end)
    found: Found | None = None
    kind = ""
    if art.parsed:
        heads = []
        if cue.kind == "verb":
            heads = subject_candidates(doc, doc[cue.start], art.sent_tokens(cue.start), literal=governs)
        elif cue.kind == "according":
            heads = [c for c in doc[cue.start + 1].children if c.dep_ == "pobj"]
        else:
            head = doc[cue.start].head
            sent = art.sent_tokens(head.i)
            heads = subject_candidates(doc, head, sent) if head.pos_ in ("VERB", "AUX") else []
        for h in heads:
            f = speaker_from_head(doc, h, literal=governs and cue.kind == "verb" and h.head.i == cue.start and _reports(h.head))
            if f is not None and art.outside(f.start, f.end):
                found = f
                kind = "inverted" if cue.kind == "verb" and h.i > cue.start else "subject-of-cue"
                break
        if cue.kind != "verb":
            kind = "according-to" if cue.kind == "according" else "statement"
    if found is None:
        tlo, thi = art.tokens(lo, hi)
        gap = art.text[lo : doc[cue.start].idx]
        after_quote = lo > 0 and art.in_quote(lo - 1) and not gap.strip(" \t\n,.;:!?\u2014\u2013-")
        found = speaker_by_pattern(doc, cue, tlo, thi, after_quote)
        if found is not None and not art.outside(found.start, found.end):
            found = None
        kind = {"according": "according-to", "noun": "statement"}.get(cue.kind, "pattern")
    if found is None:
        return Attr(rule or kind, None, None, cue_span)
    return attribute(doc, art.mentions, rule or kind, found, cue_span, cue.start)
