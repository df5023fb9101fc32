"""Direct quotes in a spaCy Doc with their speakers: ``find_quotes(doc) -> list[Quote]``.

Walks the article in order: marks from ``quote_marks``, cues from ``cues``, speakers from
``speakers`` (parse) or ``speaker_patterns`` (none), pronouns and descriptions from ``coref``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from annotator.domain import Mention, Quote
from annotator.nlp.coref import Mentions
from annotator.nlp.cues import Cue, find_cues, has_parse
from annotator.nlp.lexicon import PRONOUN_KIND
from annotator.nlp.names import Found, clip_to_line, is_cap
from annotator.nlp.quote_marks import MarkedQuote, find_marked_quotes, paragraphs
from annotator.nlp.roles import party_description
from annotator.nlp.speaker_patterns import name_ending_at, speaker_by_pattern
from annotator.nlp.speakers import governing_cue, governing_verb, speaker_from_head, subject_candidates

__all__ = ["find_quotes"]

# How sure each way of attributing is; a quote with no speaker gets NO_SPEAKER.
CONFIDENCE = {
    "subject-of-cue": 0.9,
    "inverted": 0.85,
    "according-to": 0.85,
    "statement": 0.75,
    "pattern": 0.75,
    "colon-name": 0.8,
    "colon-intro": 0.8,
    "next-sentence": 0.7,
    "same-quote": 0.75,
    "split-sentence": 0.7,
    "governing-verb": 0.6,
    "previous-sentence": 0.6,
    "previous-paragraph": 0.55,
    "previous-subject": 0.5,
    "inherited": 0.55,
    "echo": 0.5,
}
NO_SPEAKER = 0.5
UNCLOSED_FACTOR = 0.8
RESOLVED_FACTOR = 0.9  # the speaker was a pronoun or a description resolved to a name

_SENT_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb\u201c)\]]*(?=\s)")
_ABBREV = frozenset(
    """mr mrs ms dr st gen sen rep gov lt col capt prof jr sr no vs u.s u.k u.n e.g i.e inc corp co ltd
    jan feb mar apr aug sep sept oct nov dec mt ft approx est dept univ rev sgt maj adm cmdr fig al""".split()
)
_OPENERS = "\"'\u201c\u2018\u201e\u201a\u00ab\u00bb\u2039\u300c\u300e([{"


@dataclass
class _Attr:
    """One attribution, as token spans: the named speaker, the mention used (pronoun or
    description) when it differs, and the cue."""

    rule: str
    speaker: tuple[int, int] | None = None
    mention: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    label: str = ""

    @property
    def confidence(self) -> float:
        c = CONFIDENCE.get(self.rule, NO_SPEAKER)
        return c * RESOLVED_FACTOR if self.mention else c

    def carried(self, rule: str) -> _Attr:
        return _Attr(rule, self.speaker, None, None, self.label)


def find_quotes(doc: Doc) -> list[Quote]:
    """Every direct quote in ``doc`` (sorted by start) with its speaker, pronoun and cue where found.

    Works on a fully parsed Doc, a Doc joined from chunks, or a blank one (then speakers come
    from entities and names next to reporting verbs). Never raises on odd or unbalanced marks.
    """
    marked = find_marked_quotes(doc.text)
    if not marked or len(doc) == 0:
        return []
    return _Finder(doc, marked).run()


class _Finder:
    def __init__(self, doc: Doc, marked: list[MarkedQuote]) -> None:
        self.doc = doc
        self.text = doc.text
        self.parsed = has_parse(doc)
        self.tok_starts = [t.idx for t in doc]
        cues = find_cues(doc)
        self.marked = [self._trim_unclosed(q, cues) if q.close_at is None else q for q in marked]
        # quote interiors with their marks, to ask "is this outside every quote?"
        self.q_lo = [q.open_at for q in self.marked]
        self.q_hi = [q.close_at + 1 if q.close_at is not None else q.end for q in self.marked]
        self.paras = paragraphs(self.text)
        self.para_starts = [a for a, _ in self.paras]
        self.sents = self._sentences()
        self.sent_starts = [s for s, _ in self.sents]
        self.cues = [c for c in cues if self._outside(c.start, c.end)]
        self.cue_chars = [doc[c.start].idx for c in self.cues]
        self.cue_by_start = {c.start: c for c in self.cues if c.kind == "verb"}
        self.cue_starts = set(self.cue_by_start)
        self.mentions = Mentions(doc, self._sent_of, self._para_of, self._outside)
        self.results: list[_Attr | None] = [None] * len(self.marked)

    # --- text geometry ----------------------------------------------------------------------

    def _in_quote(self, char: int) -> bool:
        i = bisect_right(self.q_lo, char) - 1
        return i >= 0 and char < self.q_hi[i]

    def _outside(self, s: int, e: int) -> bool:
        """Tokens [s, e) touch no quote (marks included)."""
        a, b = self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1])
        i = bisect_right(self.q_lo, b - 1) - 1
        return not (i >= 0 and self.q_hi[i] > a)

    def _tokens(self, lo: int, hi: int) -> tuple[int, int]:
        """Token index range of the tokens starting within chars [lo, hi)."""
        return bisect_left(self.tok_starts, lo), bisect_left(self.tok_starts, hi)

    def _sent_tokens(self, tok: int) -> tuple[int, int]:
        """Token range of the (quote-aware) sentence holding token ``tok``."""
        s = self.sents[self._sent_of(self.doc[tok].idx)]
        return self._tokens(s[0], s[1])

    def _sent_of(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def _para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def _sentences(self) -> list[tuple[int, int]]:
        """Quote-aware sentences: never split inside a quote; a paragraph always ends one."""
        out: list[tuple[int, int]] = []
        text = self.text
        for a, b in self.paras:
            pos = a
            for m in _SENT_END.finditer(text, a, b):
                end = m.end()
                if self._in_quote(end):
                    continue  # a full stop inside a quote
                k = end
                while k < b and text[k].isspace():
                    k += 1
                if k >= b:
                    continue
                nxt = text[k + 1] if text[k] in _OPENERS and k + 1 < b else text[k]
                if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
                    continue
                if m.group(0) == ".":
                    w = re.search(r"([\w.]+)$", text[max(a, m.start() - 12) : m.start()])
                    word = w.group(1).lower() if w else ""
                    if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                        continue
                out.append((pos, k))
                pos = k
            out.append((pos, b))
        return out

    def _trim_unclosed(self, q: MarkedQuote, cues: list[Cue]) -> MarkedQuote:
        """An unclosed quote that runs into its own attribution (“It's too tall, said Kenny, who
        ...) ends at the comma before it."""
        lo, hi = self._tokens(q.start, q.end)
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

    # --- the walk ---------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        """Attribute every quote in order (later quotes lean on earlier speakers), then echoes."""
        groups: dict[int, list[int]] = {}
        for i, q in enumerate(self.marked):
            groups.setdefault(q.group, []).append(i)
        for members in groups.values():
            own = {i: self._direct(i) for i in members}
            best = max((a for a in own.values() if a and a.speaker), key=lambda a: a.confidence, default=None)
            fallback = None if best else self._indirect(members[0])
            for n, i in enumerate(members):
                a = own[i]
                if a is None or a.speaker is None:
                    if best is not None:
                        a = best.carried("same-quote")
                    elif fallback is not None:
                        a = fallback if n == 0 else fallback.carried(fallback.rule)
                self.results[i] = a
                if a is not None and a.speaker is not None:
                    tok = min(self._tokens(self.marked[i].open_at, self.marked[i].open_at + 1)[0], len(self.doc) - 1)
                    self.mentions.add_speaker(*a.speaker, a.label, tok)
        self._echoes()
        return [self._quote(i) for i in range(len(self.marked))]

    def _echoes(self) -> None:
        """A short quote with no named speaker (often a headline) takes the speaker of another quote
        of the same words: 'constructive' ... said the talks were "constructive"."""
        norm = [re.sub(r"\W+", " ", self.text[q.start : q.end]).strip().lower() for q in self.marked]
        weak = ("governing-verb", "previous-subject", "inherited", "previous-paragraph")
        for i, a in enumerate(self.results):
            if a is not None and a.speaker is not None and a.label and a.rule not in weak:
                continue
            if not norm[i] or len(norm[i].split()) > 6:
                continue
            for j, b in enumerate(self.results):
                if j == i or b is None or b.speaker is None or not b.label or b.rule in weak:
                    continue
                inside = len(norm[i].split()) >= 3 and f" {norm[i]} " in f" {norm[j]} "  # 'like a war zone'
                if norm[j] == norm[i] or norm[j].startswith(norm[i] + " ") or inside:
                    self.results[i] = b.carried("echo")
                    break

    def _quote(self, i: int) -> Quote:
        q = self.marked[i]
        a = self.results[i]
        named = a is not None and a.speaker is not None
        conf = a.confidence if named else NO_SPEAKER
        if q.close_at is None:
            conf *= UNCLOSED_FACTOR
        origin = "rule:quotes"
        if named:
            origin += f"+speaker:{a.rule}" + ("+coref" if a.mention else "")
        return Quote(
            start=q.start,
            end=q.end,
            speaker=self._m(a.speaker) if a else None,
            speaker_mention=self._m(a.mention) if a else None,
            cue=self._m(a.cue) if a else None,
            confidence=round(conf, 3),
            origin=origin,
        )

    def _m(self, span: tuple[int, int] | None) -> Mention | None:
        if span is None:
            return None
        s, e = span
        last = self.doc[e - 1]
        return Mention(self.doc[s].idx, last.idx + len(last.text))

    # --- one quote --------------------------------------------------------------------------

    def _regions(self, i: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """The quote's own sentence before its opening mark and after its closing mark, stopping
        at the neighbouring quotes of the same paragraph."""
        q = self.marked[i]
        close = self.q_hi[i]
        s_open = self.sents[self._sent_of(q.open_at)]
        s_close = self.sents[self._sent_of(close - 1)]
        lo, hi = s_open[0], s_close[1]
        if i > 0 and self.marked[i - 1].para == q.para:
            lo = max(lo, self.q_hi[i - 1])
        if i + 1 < len(self.marked) and self.marked[i + 1].para == q.para:
            hi = min(hi, self.marked[i + 1].open_at)
        return (min(lo, q.open_at), q.open_at), (close, max(close, hi))

    def _direct(self, i: int) -> _Attr | None:
        """A cue in the quote's own sentence, a "Name:" intro, a colon intro, a short sentence
        right after, or (for a fragment) the subject of the verb governing it."""
        q = self.marked[i]
        before, after = self._regions(i)
        if self.parsed:
            lo, hi = self._tokens(q.start, q.end)
            j = governing_cue(self.doc, lo, hi, self.cue_starts)
            own = (self.sents[self._sent_of(q.open_at)][0], self.sents[self._sent_of(self.q_hi[i] - 1)][1])
            if j is not None and own[0] <= self.doc[j].idx < own[1]:
                cue = self.cue_by_start[j]
                s = self.sents[self._sent_of(self.doc[j].idx)]
                attr = self._speaker_for(cue, s[0], s[1], "")
                if attr.speaker is not None:
                    return attr
        attr = self._from_regions(i, [before, after])
        if attr is not None and attr.speaker is not None:
            return attr
        colon = self._colon_name(before)
        if colon is not None:
            return colon
        k = before[1] - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        if k >= 0 and self.text[k] == ":" and before[0] > k:  # "Rusu told reporters:" ending the last one
            s = self.sents[self._sent_of(k)]
            prev = self._from_regions(i, [(s[0], k + 1)], rule="colon-intro")
            if prev is not None and prev.speaker is not None:
                return prev
        if not self.text[after[0] : after[1]].strip(" \t\n.,;:!?\u2014\u2013-"):  # “…?” Rusu asked.
            si = self._sent_of(min(after[0], len(self.text) - 1))
            if si + 1 < len(self.sents) and after[1] >= self.sents[si][1]:
                s = self.sents[si + 1]
                if self._para_of(s[0]) == q.para and not self._has_quote(s[0], s[1]):
                    lo, hi = self._tokens(s[0], s[1])
                    if hi - lo <= 10:
                        nxt = self._from_regions(i, [s], rule="next-sentence")
                        if nxt is not None and nxt.speaker is not None:
                            return nxt
        gov = self._governing(i, before, after)
        if gov is not None:
            return gov
        return attr

    def _indirect(self, i: int) -> _Attr | None:
        """No cue of its own: the previous quote's speaker (split sentence), the previous sentence's
        cue or subject, or the speaker of the paragraph before."""
        q = self.marked[i]
        si = self._sent_of(q.open_at)
        prev = self.results[i - 1] if i > 0 else None
        if prev is not None and prev.speaker is not None:
            pq = self.marked[i - 1]
            if pq.para == q.para and self._sent_of(self.q_hi[i - 1] - 1) >= si - 1:
                return prev.carried("split-sentence")
        if si > 0:
            s = self.sents[si - 1]
            same_para = self._para_of(s[0]) == q.para
            opens_para = not self.text[self.paras[q.para][0] : q.open_at].strip()
            if same_para or opens_para:
                rule = "previous-sentence" if same_para else "previous-paragraph"
                j = bisect_left(self.q_lo, s[0])
                if j < i and self.q_lo[j] < s[1] and self.results[i - 1] is not None and self.results[i - 1].speaker:
                    return self.results[i - 1].carried("inherited")  # the sentence before is a quote
                found = self._from_regions(i, [s], rule=rule)
                if found is not None and found.speaker is not None:
                    return found
                subj = self._sentence_subject(s)
                if subj is not None:
                    return subj
        if prev is not None and prev.speaker is not None:
            pq = self.marked[i - 1]
            if q.para - pq.para <= 1 and not self._named_subject_between(self.q_hi[i - 1], q.open_at):
                return prev.carried("inherited")
        return None

    def _has_quote(self, lo: int, hi: int) -> bool:
        j = bisect_left(self.q_lo, lo)
        return j < len(self.q_lo) and self.q_lo[j] < hi

    def _named_subject_between(self, lo: int, hi: int) -> bool:
        return any(m.subject and m.personal for m in self.mentions.between(*self._tokens(lo, hi)))

    def _sentence_subject(self, s: tuple[int, int]) -> _Attr | None:
        for m in self.mentions.between(*self._tokens(s[0], s[1])):
            if m.subject and m.personal:
                return _Attr("previous-subject", (m.start, m.end), None, None, m.label)
        return None

    def _colon_name(self, before: tuple[int, int]) -> _Attr | None:
        text = self.text[before[0] : before[1]].rstrip()
        if not text.endswith(":"):
            return None
        lo, hi = self._tokens(before[0], before[0] + len(text) - 1)
        if hi <= lo:
            return None
        found = name_ending_at(self.doc, hi - 1, lo)
        if found is None or found.pronoun or not found.label or not self._outside(found.start, found.end):
            return None
        if not all(t.is_alpha or t.text in ("-", ".", "'", "\u2019") for t in self.doc[found.start : found.end]):
            return None  # "Q&A:" is no speaker
        return _Attr("colon-name", (found.start, found.end), None, None, found.label)

    def _governing(self, i: int, before: tuple[int, int], after: tuple[int, int]) -> _Attr | None:
        """A quoted fragment inside a sentence: the subject of the verb it hangs from."""
        if not self.parsed:
            return None
        q = self.marked[i]
        words_before = re.search(r"\w", self.text[before[0] : before[1]])
        if not words_before:
            return None
        lo, hi = self._tokens(q.start, q.end)
        if hi <= lo:
            return None
        verb = governing_verb(self.doc, lo, hi)
        if verb is None or not self._outside(verb.i, verb.i + 1):
            return None
        for subj in subject_candidates(self.doc, verb, self._sent_tokens(verb.i)):
            found = speaker_from_head(self.doc, subj)
            if found is not None and self._outside(found.start, found.end):
                return self._attr("governing-verb", found, None, verb.i)  # no reporting cue: no cue
        return None

    def _from_regions(self, i: int, regions: list[tuple[int, int]], rule: str = "") -> _Attr | None:
        """The best cue in the character regions (the one governing the quote, else the nearest;
        verbs before phrases) and the speaker it names."""
        q = self.marked[i]
        cands = []
        for lo, hi in regions:
            j = bisect_left(self.cue_chars, lo)
            while j < len(self.cues) and self.cue_chars[j] < hi:
                c, pos = self.cues[j], self.cue_chars[j]
                dist = min(abs(pos - q.open_at), abs(pos - self.q_hi[i]))
                rank = 0 if self._governs(c, q) else (1 if c.kind == "verb" else 2)
                cands.append((rank, dist, c, lo, hi))
                j += 1
        first: _Attr | None = None
        for _, _, cue, lo, hi in sorted(cands, key=lambda x: (x[0], x[1])):
            attr = self._speaker_for(cue, lo, hi, rule)
            if attr.speaker is not None or attr.mention is not None:
                return attr
            first = first or attr
        return first

    def _governs(self, cue: Cue, q: MarkedQuote) -> bool:
        if not self.parsed:
            return False
        lo, hi = self._tokens(q.start, q.end)
        for t in self.doc[lo:hi]:
            if lo <= t.head.i < hi:
                continue
            h, n = t.head, 0
            while n < 6:
                if h.i == cue.start:
                    return True
                if h.head.i == h.i:
                    break
                h, n = h.head, n + 1
        return False

    def _speaker_for(self, cue: Cue, lo: int, hi: int, rule: str) -> _Attr:
        doc = self.doc
        cue_span = (cue.start, cue.end)
        found: Found | None = None
        kind = ""
        if self.parsed:
            heads = []
            if cue.kind == "verb":
                heads = subject_candidates(doc, doc[cue.start], self._sent_tokens(cue.start))
            elif cue.kind == "according":
                heads = [c for c in doc[cue.start + 1].children if c.dep_ == "pobj"]
            else:
                head = doc[cue.start].head
                sent = self._sent_tokens(head.i)
                heads = subject_candidates(doc, head, sent) if head.pos_ in ("VERB", "AUX") else []
            for h in heads:
                f = speaker_from_head(doc, h)
                if f is not None and self._outside(f.start, f.end):
                    found = f
                    kind = "inverted" if cue.kind == "verb" and h.i > cue.start else "subject-of-cue"
                    break
            if cue.kind != "verb":
                kind = "according-to" if cue.kind == "according" else "statement"
        if found is None:
            tlo, thi = self._tokens(lo, hi)
            gap = self.text[lo : doc[cue.start].idx]
            after_quote = lo > 0 and self._in_quote(lo - 1) and not gap.strip(" \t\n,.;:!?\u2014\u2013-")
            found = speaker_by_pattern(doc, cue, tlo, thi, after_quote)
            if found is not None and not self._outside(found.start, found.end):
                found = None
            kind = {"according": "according-to", "noun": "statement"}.get(cue.kind, "pattern")
        if found is None:
            return _Attr(rule or kind, None, None, cue_span)
        return self._attr(rule or kind, found, cue_span, cue.start)

    def _attr(self, rule: str, found: Found, cue: tuple[int, int] | None, at_tok: int) -> _Attr:
        """Turn a found speaker into an attribution, resolving pronouns and descriptions."""
        found = clip_to_line(self.doc, found, at_tok)
        span = (found.start, found.end)
        if found.pronoun:
            m = self.mentions.resolve_pronoun(self.doc[found.start])
            if m is None:
                return _Attr(rule, None, span, cue)
            return _Attr(rule, (m.start, m.end), span, cue, m.label)
        described = party_description(self.doc, found) if found.label in ("", "NORP") else None
        if described is not None:  # "the New Jersey Democrat said"
            found, span = described, (described.start, described.end)
        if not found.label:
            m = self.mentions.resolve_phrase(found, min(found.start, at_tok))
            if m is not None:
                return _Attr(rule, (m.start, m.end), span, cue, m.label)
        return _Attr(rule, span, None, cue, found.label)
