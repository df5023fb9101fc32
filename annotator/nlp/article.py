"""One article being attributed: its Doc, quotes, cues and named mentions, and where each sits
(tokens, quote-aware sentences, paragraphs, quote interiors)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from annotator.nlp.coref import Mentions, NamedMention
from annotator.nlp.cues import Cue, find_cues, has_parse
from annotator.nlp.lexicon import PRONOUN_KIND
from annotator.nlp.names import is_cap
from annotator.nlp.once import text_of
from annotator.nlp.once import tokens as doc_tokens
from annotator.nlp.quote_marks import MarkedQuote
from annotator.nlp.sentences import byline, dateline, paragraphs, sentences, title_case_lines

if TYPE_CHECKING:
    from annotator.nlp.attribution import Attr


_SPEAKER_LABEL = re.compile(r"((?:[A-Z][A-Za-z.'\u2019-]*[ \t]){0,3}[A-Z][A-Za-z.'\u2019-]*):[ \t]")


class Article:
    """A Doc with its marked quotes (unclosed ones trimmed at their own attribution), the cues
    outside quotes, and ``results``: the attribution of each quote so far, in order."""

    def __init__(self, doc: Doc, marked: list[MarkedQuote], cues: list[Cue] | None = None) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.parsed = has_parse(doc)
        self.tok_starts = [t.idx for t in doc_tokens(doc)]
        cues = find_cues(doc) if cues is None else cues
        self.marked = [self._trim_unclosed(q, cues) if q.close_at is None else q for q in marked]
        # quote interiors with their marks, to ask "is this outside every quote?"
        self.q_lo = [q.open_at for q in self.marked]
        self.q_hi = [q.close_at + 1 if q.close_at is not None else q.end for q in self.marked]
        self.paras = paragraphs(self.text)
        self.para_starts = [a for a, _ in self.paras]
        self.dateline = dateline(self.text, self.paras) or (0, 0)
        self.sents = sentences(self.text, self.paras, self.in_quote)
        self.sent_starts = [s for s, _ in self.sents]
        self.cues = [c for c in cues if self.outside(c.start, c.end)]
        self.cue_chars = [self.tok_starts[c.start] for c in self.cues]
        self.cue_by_start = {c.start: c for c in self.cues if c.kind == "verb"}
        self.cue_starts = set(self.cue_by_start)
        self.title_lines = title_case_lines(self.text)
        self.mentions = Mentions(
            doc, self.sent_of, self.para_of, self.outside, self.title_lines, byline(self.text, self.paras)
        )
        self.mentions.transcript = self._transcript_names()
        self.results: list[Attr | None] = [None] * len(self.marked)
        self.memo: dict[str, object] = {}  # facts of the whole article a rule works out once

    def _transcript_names(self) -> dict[int, NamedMention]:
        """Paragraphs opened by a speaker's label ("KRUNN:", "Pera Krunn:"): their "I" is that speaker."""
        out: dict[int, NamedMention] = {}
        for pi, (a, b) in enumerate(self.paras):
            m = _SPEAKER_LABEL.match(self.text, a, b)
            if m is None or m.group(1).strip().lower() in ("q", "a", "note", "update", "editor's note"):
                continue
            lo, hi = self.tokens(a, a + len(m.group(1).rstrip()))
            if hi > lo:
                out[pi] = self.mentions.make(lo, hi, "PERSON", True)
        return out

    def in_quote(self, char: int) -> bool:
        i = bisect_right(self.q_lo, char) - 1
        return i >= 0 and char < self.q_hi[i]

    def outside(self, s: int, e: int) -> bool:
        """Tokens [s, e) touch no quote (marks included) and no dateline ("PORT ALDREN (AFP) –")."""
        last = doc_tokens(self.doc)[e - 1]
        a, b = self.tok_starts[s], last.idx + len(last)
        if a < self.dateline[1] and b > self.dateline[0]:
            return False
        i = bisect_right(self.q_lo, b - 1) - 1
        return not (i >= 0 and self.q_hi[i] > a)

    def has_quote(self, lo: int, hi: int) -> bool:
        """A quote opens within chars [lo, hi)."""
        j = bisect_left(self.q_lo, lo)
        return j < len(self.q_lo) and self.q_lo[j] < hi

    def tokens(self, lo: int, hi: int) -> tuple[int, int]:
        """Token index range of the tokens starting within chars [lo, hi)."""
        return bisect_left(self.tok_starts, lo), bisect_left(self.tok_starts, hi)

    def sent_tokens(self, tok: int) -> tuple[int, int]:
        """Token range of the (quote-aware) sentence holding token ``tok``."""
        s = self.sents[self.sent_of(self.tok_starts[tok])]
        return self.tokens(s[0], s[1])

    def sent_of(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def regions(self, i: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """The quote's own sentence before its opening mark and after its closing mark, stopping
        at the neighbouring quotes of the same paragraph."""
        q = self.marked[i]
        close = self.q_hi[i]
        s_open = self.sents[self.sent_of(q.open_at)]
        s_close = self.sents[self.sent_of(close - 1)]
        lo, hi = s_open[0], s_close[1]
        if i > 0 and self.marked[i - 1].para == q.para:
            lo = max(lo, self.q_hi[i - 1])
        if i + 1 < len(self.marked) and self.marked[i + 1].para == q.para:
            hi = min(hi, self.marked[i + 1].open_at)
        return (min(lo, q.open_at), q.open_at), (close, max(close, hi))

    def _trim_unclosed(self, q: MarkedQuote, cues: list[Cue]) -> MarkedQuote:
        """An unclosed quote that runs into its own attribution (“It's too tall, said Kenny, who
        ...) ends at the comma before it."""
        lo, hi = self.tokens(q.start, q.end)
        j = bisect_left(cues, lo, key=lambda c: c.start)
        doc = self.doc
        while j < len(cues) and cues[j].start < hi:
            c = cues[j]
            j += 1
            if c.kind != "verb":
                continue
            k = c.start - 1
            while (
                k > lo and c.start - k <= 4 and doc[k].text != "," and (is_cap(doc[k]) or doc[k].lower_ in PRONOUN_KIND)
            ):
                k -= 1
            if k > lo and doc[k].text == ",":
                end = doc[k].idx + 1
                return replace(q, end=end, continues=False)
        return q
