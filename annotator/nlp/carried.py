"""Speakers carried to quotes with no cue of their own: from the quote or sentence before, the
paragraph before, or another quote of the same words (an echo)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from annotator.nlp.attribution import Attr
from annotator.nlp.cue_speaker import from_regions
from annotator.nlp.evidence import speaks_elsewhere, speaks_of_self

if TYPE_CHECKING:
    from annotator.nlp.article import Article


_WEAK = ("governing-verb", "previous-subject", "inherited", "previous-paragraph", "echo")


def carried(art: Article, i: int) -> Attr | None:
    """No cue of its own: the previous quote's speaker (split sentence), the previous sentence's
    cue or subject, or the speaker of the paragraph before."""
    q = art.marked[i]
    si = art.sent_of(q.open_at)
    prev = art.results[i - 1] if i > 0 else None
    if prev is not None and prev.speaker is not None:
        pq = art.marked[i - 1]
        if pq.para == q.para and art.sent_of(art.q_hi[i - 1] - 1) >= si - 1:
            return prev.carried("split-sentence", same_attribution=prev.rule not in _WEAK)
    if si > 0:
        s = art.sents[si - 1]
        same_para = art.para_of(s[0]) == q.para
        opens_para = not art.text[art.paras[q.para][0] : q.open_at].strip()
        if same_para or opens_para:
            rule = "previous-sentence" if same_para else "previous-paragraph"
            j = bisect_left(art.q_lo, s[0])
            if j < i and art.q_lo[j] < s[1] and art.results[i - 1] is not None and art.results[i - 1].speaker:
                return art.results[i - 1].carried("inherited")  # the sentence before is a quote
            found = from_regions(art, i, [s], rule=rule)
            if found is not None and found.speaker is not None:
                return found
            subj = _sentence_subject(art, s)
            if subj is not None and (speaks_elsewhere(art, subj) or speaks_of_self(art, i)):
                return subj  # a subject of any verb is a weak signal alone
    if prev is not None and prev.speaker is not None:
        pq = art.marked[i - 1]
        if q.para - pq.para <= 1 and not _named_subject_between(art, art.q_hi[i - 1], q.open_at):
            return prev.carried("inherited")
    return None


def echoes(art: Article) -> None:
    """A short quote with no named speaker (often a headline) takes the speaker of another quote
    of the same words: 'constructive' ... said the talks were "constructive"."""
    norm = [" ".join(_words(art.text[q.start : q.end])) for q in art.marked]
    weak = ("governing-verb", "previous-subject", "inherited", "previous-paragraph")
    for i, a in enumerate(art.results):
        if a is not None and a.speaker is not None and a.label and a.rule not in weak:
            continue
        if not norm[i] or len(norm[i].split()) > 6:
            continue
        for j, b in enumerate(art.results):
            if j == i or b is None or b.speaker is None or b.rule in weak:
                continue
            inside = len(norm[i].split()) >= 3 and f" {norm[i]} " in f" {norm[j]} "  # 'like a war zone'
            if norm[j] == norm[i] or norm[j].startswith(norm[i] + " ") or inside:
                art.results[i] = b.carried("echo")
                break


def _named_subject_between(art: Article, lo: int, hi: int) -> bool:
    return any(m.subject and m.personal for m in art.mentions.between(*art.tokens(lo, hi)))


def _sentence_subject(art: Article, s: tuple[int, int]) -> Attr | None:
    for m in art.mentions.between(*art.tokens(s[0], s[1])):
        if m.subject and m.personal:
            return Attr("previous-subject", (m.start, m.end), None, None, m.label)
    return None


def _words(text: str) -> list[str]:
    """Lower-cased words, a leading article dropped ("an earthquake" echoes 'earthquake')."""
    words = re.sub(r"\W+", " ", text).strip().lower().split()
    return words[1:] if len(words) > 1 and words[0] in ("a", "an", "the") else words
