"""Attributing a quote from its own sentence: a cue there, a "Name:" or colon intro, a short
sentence right after ("… ?" Rusu asked.), or the subject of the verb a quoted fragment hangs from."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.nlp.attribution import Attr, attribute
from annotator.nlp.cue_speaker import from_regions, speaker_for
from annotator.nlp.cues import lemma_of
from annotator.nlp.evidence import speaks_elsewhere
from annotator.nlp.layouts import (
    answer_after_bare_question,
    dash_attribution,
    headline_colon,
    panel_name,
    post_attribution,
    qa_attribution,
    turn_attribution,
)
from annotator.nlp.lexicon import FIRST_PERSON, LISTENER_VERBS, PRONOUN_KIND, REPORTING_VERBS, SPEECH_NOUNS
from annotator.nlp.once import head_indices, tokens
from annotator.nlp.speaker_patterns import name_ending_at
from annotator.nlp.speakers import governing_cue, governing_verb, speaker_from_head, subject_candidates

if TYPE_CHECKING:
    from annotator.nlp.article import Article


def own_sentence(art: Article, i: int) -> Attr | None:
    """A cue in the quote's own sentence, a "Name:" intro, a colon intro, a short sentence
    right after, or (for a fragment) the subject of the verb governing it."""
    q = art.marked[i]
    if q.post:  # an embedded post: the account named under it
        return post_attribution(art, i)
    if q.continued and q.turn:  # a paragraph going on with a turn: the turn's speaker, as its group's
        return None
    if q.unmarked:  # a transcript turn: its label, or the Q/A roles of the interview
        return qa_attribution(art, i) or turn_attribution(art, i)
    before, after = art.regions(i)
    dash = dash_attribution(art, i) or qa_attribution(art, i) or as_clause(art, i) or headline_colon(art, i)
    dash = dash or answer_after_bare_question(art, i)
    if dash is not None:
        return dash
    if art.parsed:
        lo, hi = art.tokens(q.start, q.end)
        j = governing_cue(art.doc, lo, hi, art.cue_starts)
        own = (art.sents[art.sent_of(q.open_at)][0], art.sents[art.sent_of(art.q_hi[i] - 1)][1])
        if j is None or _conjoined(art.doc, lo, hi, j):  # “reaffirmed ...,” according to a readout from X
            source = next((c for c in art.cues if c.kind == "according" and own[0] <= art.doc[c.start].idx < own[1]), None)
            if source is not None:
                attr = speaker_for(art, source, own[0], own[1], "")
                if attr.speaker is not None:
                    return attr
        if j is not None and own[0] <= art.doc[j].idx < own[1]:
            cue = art.cue_by_start[j]
            s = art.sents[art.sent_of(art.doc[j].idx)]
            attr = speaker_for(art, cue, s[0], s[1], "", governs=True)
            if attr.speaker is not None:
                return attr
    structural = structural_cue(art, i)
    if structural is not None:
        return structural
    attr = from_regions(art, i, [before, after])
    if attr is not None and attr.speaker is not None:
        return attr
    colon = _colon_name(art, before) or colon_subject(art, i, before)
    if colon is not None:
        return colon
    k = before[1] - 1
    while k >= 0 and art.text[k].isspace():
        k -= 1
    if k >= 0 and art.text[k] == ":" and before[0] > k:  # "Rusu told reporters:" ending the last one
        s = art.sents[art.sent_of(k)]
        prev = from_regions(art, i, [(s[0], k + 1)], rule="colon-intro")
        if prev is not None and prev.speaker is not None:
            return prev
    if not art.text[after[0] : after[1]].strip(" \t\n.,;:!?\u2014\u2013-"):  # “…?” Rusu asked.
        si = art.sent_of(min(after[0], len(art.text) - 1))
        if si + 1 < len(art.sents) and after[1] >= art.sents[si][1]:
            s = art.sents[si + 1]
            if art.para_of(s[0]) == q.para and not art.has_quote(s[0], s[1]):
                lo, hi = art.tokens(s[0], s[1])
                if hi - lo <= 10:
                    nxt = from_regions(art, i, [s], rule="next-sentence")
                    if nxt is not None and nxt.speaker is not None:
                        return nxt
                opening = opening_clause(art, i, s)
                if opening is not None:
                    return opening
    gov = _governing(art, i, before, after)
    if gov is not None:
        return gov
    return attr


def opening_clause(art: Article, i: int, s: tuple[int, int]) -> Attr | None:
    """A quote ending in "?" or "!", where the parse ends the sentence, and the sentence [s) right after it
    on the same line opening with its subject and verb, or with the verb and then its subject ("“…?” Rusu
    pressed.", "“…!” Rusu shouted from the back", "“…?” asked a reporter"): that clause attributes the
    quote, whatever its verb, as the same words after a comma would."""
    if not art.parsed:
        return None
    q = art.marked[i]
    inner = art.text[q.start : q.end].rstrip()
    if not inner.endswith(("?", "!")) or "\n" in art.text[art.q_hi[i] : s[0]]:
        return None
    if any(a <= q.open_at < b for a, b in art.title_lines):
        return None  # a headline: "“…!” Gran hits a hole-in-one" tells what she did, not that she said it
    doc = art.doc
    lo, hi = art.tokens(s[0], s[1])
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    verb = next((t for t in doc[lo : min(hi, lo + 6)] if t.pos_ == "VERB"), None)
    if verb is None or verb.tag_ not in ("VBD", "VBZ") or lemma_of(verb) in LISTENER_VERBS:
        return None
    if verb.i == lo:  # inverted: the subject after the verb, as the parse labelled it
        subj = next((c for c in verb.rights if c.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "dep")), None)
    else:
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is not None and subj.left_edge.i != lo:
            return None  # something else opens the sentence: not a bare attribution
    if subj is None or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None  # "“…?” The question hung there.": no one; "“…!” Rusu said she ...": a report of its own
    if lemma_of(verb) not in REPORTING_VERBS and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "“…!” Rusu wins the cup": a deed, not a way of saying
    found = speaker_from_head(doc, subj)
    if found is None or not art.outside(found.start, found.end):
        return None
    attr = attribute(doc, art.mentions, "next-sentence", found, (verb.i, verb.i + 1), verb.i)
    return attr if attr.speaker is not None else None


def _conjoined(doc, lo: int, hi: int, j: int) -> bool:
    """The quote reaches the cue at token ``j`` as a conjoined predicate ("spoke with X and “reaffirmed
    ...”"): it tells what the cue's subject did, in someone else's words, not what the cue reports."""
    heads = head_indices(doc)
    root = next((t for t in tokens(doc)[lo:hi] if not lo <= heads[t.i] < hi and not t.is_punct), None)
    t = root
    while t is not None and heads[t.i] != j and heads[t.i] != t.i:
        t = t.head
    return t is not None and heads[t.i] == j and t.dep_ == "conj" and root.pos_ in ("VERB", "AUX")


def as_clause(art: Article, i: int) -> Attr | None:
    """“…,” as the daily Vecherni Glas put it: an "as" clause right after the closing mark whose verb is
    a reporting cue names who said these words, whatever verb the quote itself hangs from."""
    if not art.parsed or art.marked[i].close_at is None:
        return None
    doc = art.doc
    k = art.tokens(art.q_hi[i], art.q_hi[i] + 1)[0]
    while k < len(doc) and (doc[k].is_punct or doc[k].is_space) and doc[k].text not in (".", "!", "?"):
        k += 1
    if k >= len(doc) or doc[k].lower_ != "as" or doc[k].dep_ != "mark" or doc[k].head.i not in art.cue_starts:
        return None
    cue = art.cue_by_start[doc[k].head.i]
    s = art.sents[art.sent_of(doc[cue.start].idx)]
    attr = speaker_for(art, cue, max(s[0], doc[k].idx), s[1], "as-clause", governs=True)
    return attr if attr.speaker is not None else None


def _colon_name(art: Article, before: tuple[int, int]) -> Attr | None:
    text = art.text[before[0] : before[1]].rstrip()
    if not text.endswith(":"):
        return None
    lo, hi = art.tokens(before[0], before[0] + len(text) - 1)
    if hi <= lo:
        return None
    para_start = art.paras[art.para_of(before[0])][0]
    if not art.text[para_start : before[0]].strip():  # "Name, Outlet:" opening the paragraph: the person
        panel = panel_name(art, lo, hi - 1)
        if panel is not None:
            return Attr("colon-name", panel, None, None, "PERSON")
    found = name_ending_at(art.doc, hi - 1, lo)
    if found is None or found.pronoun or not found.label or not art.outside(found.start, found.end):
        return None
    if not all(t.is_alpha or t.text in ("-", ".", "'", "\u2019") for t in art.doc[found.start : found.end]):
        return None  # "Q&A:" is no speaker
    return Attr("colon-name", (found.start, found.end), None, None, found.label)


def colon_subject(art: Article, i: int, before: tuple[int, int]) -> Attr | None:
    """A clause ending in a colon right before the quote, with no reporting verb: its subject speaks
    when it is a person ("Quist was firm: “…”"), or whoever a speech noun as its subject or object
    belongs to ("Her message to the protesters was blunt: “…”", "Brandt had a simple answer: “…”")."""
    if not art.parsed:
        return None
    text = art.text[before[0] : before[1]].rstrip()
    if not text.endswith(":") or before[1] - before[0] - len(text) > 1:
        return None
    doc = art.doc
    lo, hi = art.tokens(before[0], before[0] + len(text))
    if hi - lo < 2 or doc[hi - 1].text != ":":
        return None
    top = [t for t in doc[lo : hi - 1] if t.head.i == t.i or not lo <= t.head.i < hi - 1]
    verb = next((t for t in top if t.pos_ in ("VERB", "AUX")), None)  # the clause's verb, however the colon hangs
    last = _clause_verb(doc[hi - 2], lo)  # of two clauses ("I was asked ..., and I gave the same answer:"),
    if last is not None and verb is not None and last.i != verb.i and last.dep_ == "conj":
        verb = last  # the one that ends at the colon
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and lo <= c.i < hi), None)
    if subj is None:
        return None
    said = next((c for c in verb.children if c.dep_ == "dobj" and _speech_noun(c)), None)
    head = subj
    if _speech_noun(subj):  # "Her message ... was blunt": whose message
        head = _owner(subj)
    elif said is None and not (subj.ent_type_ == "PERSON" or subj.lower_ in PRONOUN_KIND or subj.lower_ in FIRST_PERSON
                               or art.mentions.between(subj.i, subj.i + 1)):  # fmt: skip
        return None  # "The vote was clear:": no one
    if head is None:
        return None
    found = speaker_from_head(doc, head)
    if found is None or not art.outside(found.start, found.end):
        return None
    return attribute(doc, art.mentions, "colon-subject", found, None, verb.i)


def _clause_verb(tok, lo: int):
    """The verb of the clause ``tok`` belongs to (``tok`` itself when it is one), not above token ``lo``."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and t.head.i >= lo:
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else None


def _speech_noun(tok) -> bool:
    return tok.pos_ == "NOUN" and (tok.lower_ in SPEECH_NOUNS or tok.lemma_.lower() in SPEECH_NOUNS)


def _owner(noun):
    """Who a speech noun is of: its possessor ("her message"), or the object of its "from"/"of"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "by"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _governing(art: Article, i: int, before: tuple[int, int], after: tuple[int, int]) -> Attr | None:
    """A quoted fragment inside a sentence: the subject of the verb it hangs from."""
    if not art.parsed:
        return None
    q = art.marked[i]
    words_before = re.search(r"\w", art.text[before[0] : before[1]])
    if not words_before:
        return None
    lo, hi = art.tokens(q.start, q.end)
    if hi <= lo:
        return None
    verb = governing_verb(art.doc, lo, hi)
    if verb is None or not art.outside(verb.i, verb.i + 1):
        return None
    for subj in subject_candidates(art.doc, verb, art.sent_tokens(verb.i)):
        found = speaker_from_head(art.doc, subj)
        if found is not None and art.outside(found.start, found.end):
            attr = attribute(art.doc, art.mentions, "governing-verb", found, None, verb.i)  # no reporting cue: no cue
            if speaks_elsewhere(art, attr) or _in_complement(art.doc, verb, lo, hi):
                return attr
            return Attr("governing-verb", None, attr.mention or attr.speaker)
    return None


def _in_complement(doc, verb, lo: int, hi: int) -> bool:
    """The quote sits in the verb's clausal complement ("found that the map was “…”"): a verb that
    takes a proposition reports what its subject holds, a second signal for a weak attribution."""
    for c in verb.children:
        if c.dep_ == "ccomp" and any(t.i in range(lo, hi) for t in c.subtree):
            return True
    return False


_CLAUSE_ARCS = ("ccomp", "parataxis", "dep", "xcomp", "dobj", "advcl", "conj")


def structural_cue(art: Article, i: int) -> Attr | None:
    """A verb outside every list that governs the quote's clause right next to it, with a subject
    (`"…," he murmured`, `the letter reads: "…"`): a cue, at lower confidence than a reporting verb."""
    if not art.parsed:
        return None
    q = art.marked[i]
    if any(a <= q.open_at < b for a, b in art.title_lines):
        return None  # a Title Case headline's parse is no evidence of an unlisted cue
    lo, hi = art.tokens(q.start, q.end)
    if hi <= lo:
        return None
    doc = art.doc
    heads = head_indices(doc)
    root = next((t for t in tokens(doc)[lo:hi] if not lo <= heads[t.i] < hi and not t.is_punct), None)
    if root is None or root.dep_ not in _CLAUSE_ARCS and root.head.dep_ not in _CLAUSE_ARCS:
        return None
    verb = root.head
    if verb.pos_ != "VERB" or verb.i in art.cue_starts or not art.outside(verb.i, verb.i + 1):
        return None
    s_lo, s_hi = art.sent_tokens(verb.i)
    q_lo, q_hi = art.tokens(q.open_at, art.q_hi[i])
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and s_lo <= c.i < s_hi), None)
    if subj is None and verb.i == q_hi and verb.i > q_lo:  # “…,” read a text message: inverted, parsed as an object
        subj = next((c for c in verb.rights if c.dep_ == "dobj" and c.i - verb.i <= 4 and c.pos_ == "NOUN"), None)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i < verb.i:
        # "Lund looked down and murmured: “…”": the conjuncts share their subject
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj" and s_lo <= c.i < s_hi), None)
    if subj is None or not art.outside(subj.i, subj.i + 1):
        return None
    near = min(abs(verb.i - q_hi), abs(q_lo - verb.i - 1), abs(subj.i - q_hi))
    if near > 3:  # the verb and its subject sit right at the quote
        return None
    top = verb
    while top.dep_ == "ccomp" and top.head.pos_ == "VERB" and top.head.i < top.i and art.outside(top.head.i, top.head.i + 1):
        up = next((c for c in top.head.children if c.dep_ == "nsubj" and s_lo <= c.i < s_hi), None)
        above = top.head
        if up is None and above.dep_ == "conj" and above.head.pos_ == "VERB" and above.head.i < above.i:
            # "The union welcomed it but said the change had to be “…”": the conjuncts share their subject
            up = next((c for c in above.head.children if c.dep_ == "nsubj" and s_lo <= c.i < s_hi), None)
        if up is None or not art.outside(up.i, up.i + 1):
            break
        top, subj = top.head, up  # "A report ... had found that repairs were running “…”": the report's
    verb = top
    found = speaker_from_head(doc, subj, literal=True)
    if found is None or not art.outside(found.start, found.end):
        return None
    return attribute(doc, art.mentions, "structural-cue", found, (verb.i, verb.i + 1), verb.i)
