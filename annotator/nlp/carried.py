"""Speakers carried to quotes with no cue of their own: from the quote or sentence before, the
paragraph before, or another quote of the same words (an echo)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from annotator.nlp.attribution import Attr
from annotator.nlp.cue_speaker import from_regions
from annotator.nlp.evidence import speaks_elsewhere, speaks_of_self
from annotator.nlp.lexicon import ORG_LABELS, ORG_NAME
from annotator.nlp.pronouns import resolve_pronoun

DASH_MARKS = ("\u2014", "\u2013", "-")  # an em dash, an en dash, a hyphen (and "--")

if TYPE_CHECKING:
    from annotator.nlp.article import Article


_WEAK = ("governing-verb", "previous-subject", "inherited", "previous-paragraph", "echo")


def carried(art: Article, i: int) -> Attr | None:
    """No cue of its own: the previous quote's speaker (split sentence), the previous sentence's
    cue or subject, or the speaker of the paragraph before."""
    q = art.marked[i]
    if heading(art, i):
        return None  # a heading starts a section: it carries no one over (an echo may name its speaker)
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
            if subj is not None and (speaks_elsewhere(art, subj) or speaks_of_self(art, i) or same_para and opens_sent(art, i, s)):
                return subj  # a subject of any verb is a weak signal alone; in the quote's own paragraph,
                # right before it ("Brannigan was more measured. “He's a brave kid.”"), it has its second
    if prev is not None and prev.speaker is not None:
        pq = art.marked[i - 1]
        opens_para = not art.text[art.paras[q.para][0] : q.open_at].strip()
        if (
            (q.para == pq.para or q.para - pq.para == 1 and opens_para)
            and not _named_subject_between(art, art.q_hi[i - 1], q.open_at)
        ):  # a quote inside the next paragraph's narrative is someone else's unless its sentence says so
            return prev.carried("inherited")
    return None


def opens_sent(art: Article, i: int, s: tuple[int, int]) -> bool:
    """The quote opens the sentence right after ``s`` and no other quote stands between them."""
    q = art.marked[i]
    return not art.text[s[1] : q.open_at].strip() and not art.has_quote(s[0], s[1])


def heading_speaker(art: Article, i: int, a: Attr | None) -> Attr | None:
    """A speaker read from a Title Case headline, where every word is capitalised, must be a name the
    body gives: a body person whose surname it holds ("Moreau Battles Past Qualifier, Says" -> Céline
    Moreau); a run of capitals the body never names ("Union Chief Says", "Former Coach Says") is a
    description, left with no speaker for an echo of the body to fill."""
    if a is None or a.speaker is None or a.rule in ("qa", "turn"):
        return a  # an interview's roles come from its intro or byline ("Interview by X"), Title Case or not
    s, e = a.speaker
    start, end = art.doc[s].idx, art.doc[e - 1].idx + len(art.doc[e - 1])
    if not any(lo <= start and end <= hi for lo, hi in art.title_lines):
        return a
    if a.rule == "dash" and art.text[art.text.rfind("\n", 0, start) + 1 : start].lstrip()[:1] in DASH_MARKS:
        return a  # a dash line of its own under the quote ("— Ana Roe, Head Gardener") is a layout, not a headline
    body = {m.key: m for m in art.mentions.items if m.personal or m.organisational}
    words = [t.lower_ for t in art.doc[s:e]]
    if art.mentions.make(s, e, a.label or "PERSON").key in body or " ".join(words) in body:
        return a
    people = [body[w] for w in words if w in body and body[w].personal]
    if len(people) == 1:
        m = art.mentions.best_name(people[0], len(art.doc))
        return Attr(a.rule, (m.start, m.end), None, a.cue, m.label, a.cap, a.via)
    return Attr(a.rule, None, a.speaker, a.cue)


def heading(art: Article, i: int) -> bool:
    """The quote sits in a heading: a Title Case line, or a short paragraph that does not end like a
    sentence ('Nobody I know is talking about it', 'Opposition: ‘A farce’'; the article's first line, its
    headline, may be longer)."""
    q = art.marked[i]
    if any(a <= q.open_at < b for a, b in art.title_lines):
        return True
    a, b = art.paras[q.para]
    line = art.text[a:b].strip()
    if "\n" in line or len(line.split()) > (24 if q.para == 0 else 14):  # the article's first line: its headline
        return False
    return not line.rstrip("\"'\u201d\u2019\u00bb)").endswith((".", "!", "?", ",", ";", ":", "\u2026"))


def echoes(art: Article) -> None:
    """A short quote with no named speaker (often a headline) takes the speaker of another quote
    of the same words: 'constructive' ... said the talks were "constructive". A heading's quote also
    takes the speaker of a body quote it abridges ('Nobody I know is talking about it' ... “Nobody I
    know is talking about the election.”), and over a heading label that names no person
    ('Opposition: ‘A farce’'). Body quotes attributed in their own sentence are preferred sources."""
    norm = [" ".join(_words(art.text[q.start : q.end])) for q in art.marked]
    weak = ("governing-verb", "previous-subject", "inherited", "previous-paragraph")
    heads = [heading(art, i) for i in range(len(art.marked))]
    for i in sorted(range(len(norm)), key=lambda k: -len(norm[k].split())):  # longer first: 'farce' echoes 'A farce ...'
        a = art.results[i]
        if not norm[i]:
            continue
        label_only = (  # a heading's speaker that is no person: "Opposition: ‘…’", "Valdoria says ... ‘…’"
            heads[i] and a is not None and a.speaker is not None
            and (a.rule == "colon-name" and a.label != "PERSON" or a.label in (*ORG_LABELS, ORG_NAME))
        )  # fmt: skip
        if a is not None and a.speaker is not None and a.label and a.rule not in (*weak, "ranker") and not label_only:
            continue  # (the ranker's pick among candidates is no cue: the same words said elsewhere outweigh it)
        words = norm[i].split()
        if len(words) > (14 if heads[i] else 6):
            continue
        sources = []
        for j, b in enumerate(art.results):
            if j == i or b is None or b.speaker is None or b.rule in weak or b.rule == "ranker" and a is not None and a.rule == "ranker":
                continue
            if heads[j] and not heads[i] and a is not None and a.speaker is not None and a.rule not in weak:
                continue  # a heading abridges the body: it never overrides a body quote's own cue
            inside = len(words) >= 3 and f" {norm[i]} " in f" {norm[j]} "  # 'like a war zone'
            same = norm[j] == norm[i] or norm[j].startswith(norm[i] + " ") or inside
            if not same and heads[i] and not heads[j]:
                shared = _shared_start(words, norm[j].split())
                same = shared >= 4 and shared >= 0.6 * len(words)  # a heading abridges a body quote
            if same and (not label_only or b.label == "PERSON"):
                sources.append((heads[j], b.rule in ("echo", "colon-name"), j, b))
        speakers = {art.mentions.make(*b.speaker, b.label or "PERSON").key for *_, b in sources}
        if len(speakers) == 1:  # two people quoted with these words: whose the echo is, is a guess
            art.results[i] = min(sources, key=lambda x: x[:3])[3].carried("echo")


def _shared_start(a: list[str], b: list[str]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _named_subject_between(art: Article, lo: int, hi: int) -> bool:
    return any(m.subject and m.personal for m in art.mentions.between(*art.tokens(lo, hi)))


def _sentence_subject(art: Article, s: tuple[int, int]) -> Attr | None:
    """The person the sentence before is about: its named subject, or the person its he/she is."""
    lo, hi = art.tokens(s[0], s[1])
    for m in art.mentions.between(lo, hi):
        if m.subject and m.personal:
            return Attr("previous-subject", (m.start, m.end), None, None, m.label)
    if not art.parsed:
        return None
    for t in art.doc[lo:hi]:  # "She laughed, briefly. “Sorry ...”"
        if t.dep_ == "nsubj" and t.lower_ in ("he", "she") and art.outside(t.i, t.i + 1):
            m = resolve_pronoun(art.mentions, t)
            if m is not None:
                return Attr("previous-subject", (m.start, m.end), (t.i, t.i + 1), None, m.label)
            break
    return None


def _words(text: str) -> list[str]:
    """Lower-cased words, a leading article dropped ("an earthquake" echoes 'earthquake')."""
    words = re.sub(r"\W+", " ", text).strip().lower().split()
    return words[1:] if len(words) > 1 and words[0] in ("a", "an", "the") else words
