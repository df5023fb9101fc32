"""Attributions given by the layout, not by a verb: a dash line after the quote (`"…" — Name, title`),
a panel or transcript intro at a paragraph's start (`Name, Outlet: "…"`, `NAME: "…"`), the bare
`Q:` / `A:` of an interview (the interviewer and the interviewee its intro names), and the account
named under an embedded social post (`<p>…</p>&mdash; Name (@handle)`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.nlp.attribution import Attr, attribute
from annotator.nlp.lexicon import FIRST_PERSON, INTERVIEW_FORMS, NAME, NAME_PARTICLES, OWNER_VERBS, words
from annotator.nlp.names import Found, is_cap, is_title, label_of_name, named, strip_title
from annotator.nlp.quote_marks import POST_AUTHOR
from annotator.nlp.roles import is_role
from annotator.nlp.speakers import speaker_from_head
from annotator.nlp.turn_labels import QA_LABEL

if TYPE_CHECKING:
    from annotator.nlp.article import Article

_DASH_LINE = re.compile(r"[ \t]*(?:\u2014|\u2013|--|-)[ \t]*(?=\S)")


def dash_attribution(art: Article, i: int) -> Attr | None:
    """The quote is followed, to the end of its line, by a dash and a name: that name spoke. A dash
    line whose name cannot be read still ends the search (no speaker carried over from before). A quote
    that is a line of its own may have its dash line on the next line, after a single line break."""
    q = art.marked[i]
    close = art.q_hi[i]
    end = art.text.find("\n", close)
    end = q.para_end if end < 0 else min(end, q.para_end)
    m = _DASH_LINE.match(art.text, close, end)
    if m is None:
        close, end = _next_line(art, i, close, end)
        m = _DASH_LINE.match(art.text, close, end) if close < end else None
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


def _next_line(art: Article, i: int, close: int, end: int) -> tuple[int, int]:
    """The line after a quote that fills its own line (from its opening mark to a single line break),
    as (start, end); an empty range otherwise."""
    text = art.text
    line_start = text.rfind("\n", 0, art.q_lo[i]) + 1
    if text[line_start : art.q_lo[i]].strip() or text[close:end].strip() or end >= len(text) or text[end] != "\n":
        return end, end
    start = end + 1
    stop = text.find("\n", start)
    return start, len(text) if stop < 0 else stop


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


def turn_attribution(art: Article, i: int) -> Attr | None:
    """A transcript turn without quote marks (``KETTERING: Minister, ...``): its label speaks, the name in
    brackets when the label is a role (``CALLER (MARGARET):``, ``CALLER (MARGARET, EASTFIELD):``), titles
    before a name dropped (``INTERIOR MINISTER OSKAR THALE:``), a role or place after a comma too
    (``ODA VELL, PILOT:``), a surname alone the full name written before it. Nothing else in the turn can name
    its speaker."""
    q = art.marked[i]
    if not q.turn:
        return None
    label = art.text[q.para_start : q.open_at].rstrip().rstrip(":").rstrip()
    lo, hi = art.tokens(q.para_start, q.para_start + len(label))
    doc = art.doc
    opened = next((k for k in range(lo, hi) if doc[k].text == "("), None)
    hi = next((k for k in range(lo, hi if opened is None else opened) if doc[k].text == ","), hi)  # "ODA VELL, PILOT": the name
    if opened is not None and opened < hi:
        closed = next((k for k in range(opened + 1, hi) if doc[k].text.startswith(")")), hi)
        closed = next((k for k in range(opened + 1, closed) if doc[k].text == ","), closed)  # "(MARGARET, EASTFIELD)"
        outer = (lo, opened)
        lo, hi = (opened + 1, closed) if closed > opened + 1 else (lo, opened)
        if outer[1] > outer[0] and (lo, hi) != outer and _bracket_is_role(art, outer, (lo, hi)):
            lo, hi = outer
    if hi - lo > 1:
        lo, hi = strip_title(doc, lo, hi)
    if hi <= lo:
        return Attr("turn", None)
    if opened is None and _asking_label(art, label):  # "WEEKEND: ...?": the publication asks, in its interviewer
        if "interview" not in art.memo:
            art.memo["interview"] = interview_roles(art)
        asker = art.memo["interview"][0]
        if asker is not None:
            return Attr("turn", asker, None, None, "PERSON")
    if hi - lo == 1:  # a surname alone ("BRELL:", "Brell:"): the person the text named in full before
        full = _full_name_before(art, lo)
        if full is not None:
            return Attr("turn", full, None, None, "PERSON")
    return Attr("turn", (lo, hi), None, None, "PERSON")


def _full_name_before(art: Article, k: int) -> tuple[int, int] | None:
    """The fullest name that token ``k``'s word ends before it, outside quotes and Title Case lines (where every word
    is capitalised): a run of capitalised words, titles dropped ("the presenter Ossa Brell" for "BRELL"); the first of
    the longest."""
    doc = art.doc
    word = doc[k].lower_
    best = None
    for j in range(k):
        if doc[j].lower_ != word or not is_cap(doc[j]) or not art.outside(j, j + 1) or _in_title_line(art, j):
            continue
        s = j
        while s > 0 and is_cap(doc[s - 1]) and not is_title(doc[s - 1]) and "\n" not in doc[s - 1].whitespace_:
            s -= 1
        if s < j and (best is None or j + 1 - s > best[1] - best[0]):
            best = (s, j + 1)
    return best


def _in_title_line(art: Article, j: int) -> bool:
    at = art.tok_starts[j]
    return any(a <= at < b for a, b in art.title_lines)


def _bracket_is_role(art: Article, outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """Of a label and its brackets (``GAYNOR (CALLER):`` or ``CALLER (GAYNOR):``), the brackets hold the role
    when the same bracketed words follow two or more different labels (each caller is a CALLER), or when the
    label, not the brackets, is the name of someone the article mentions outside its turn labels."""
    doc = art.doc
    word = doc[inner[0] : inner[1]].text.lower()
    key = "bracket_roles"
    if key not in art.memo:
        seen: dict[str, set[str]] = {}
        for q in art.marked:
            if not q.turn:
                continue
            m = re.match(r"\s*([^(:]+?)\s*\(([^)]+)\)", art.text[q.para_start : q.open_at])
            if m:
                seen.setdefault(m.group(2).split(",")[0].strip().lower(), set()).add(m.group(1).lower())
        labels = {q.para_start for q in art.marked if q.turn}
        people = {w for m in art.mentions.items if m.personal and art.doc[m.start].idx not in labels
                  for w in art.doc[m.start : m.end].text.lower().split()}  # fmt: skip
        art.memo[key] = ({w for w, outers in seen.items() if len(outers) >= 2}, people)
    roles, people = art.memo[key]
    if word in roles:
        return True
    named = [w.lower() for w in doc[outer[0] : outer[1]].text.split()]
    return all(w in people for w in named) and not any(w in people for w in word.split())


def _asking_label(art: Article, label: str) -> bool:
    """A turn label that names no one (no person of the article has it as a name, and it is no role word)
    and whose every turn is a question: a publication's label for its interviewer ("WEEKEND:", "MAGAZINE:")."""
    key = "asking_label:" + label
    if key not in art.memo:
        words = label.lower().split()
        labels = {q.para_start for q in art.marked if q.turn}
        people = {w for m in art.mentions.items if m.personal and art.doc[m.start].idx not in labels
                  for w in art.doc[m.start : m.end].text.lower().split()}  # fmt: skip
        turns = [k for k, q in enumerate(art.marked) if q.turn
                 and art.text[q.para_start : q.open_at].rstrip().rstrip(":").rstrip() == label]  # fmt: skip
        questions = all(art.text[art.marked[k].start : art.q_hi[k]].rstrip().endswith("?") for k in turns)
        art.memo[key] = bool(
            words and len(turns) >= 2 and questions and not any(w in people or is_role(w) for w in words)
        )
    return art.memo[key]


def qa_attribution(art: Article, i: int) -> Attr | None:
    """A quote right after a paragraph's bare `Q:` or `A:`: the interviewer asks, the interviewee
    answers, as the intro names them; no speaker when the intro names no one for that part."""
    q = art.marked[i]
    m = QA_LABEL.match(art.text, q.para_start, q.open_at + 1)
    if m is None or m.end() != q.open_at:
        return None
    if "interview" not in art.memo:
        art.memo["interview"] = interview_roles(art)
    asker, answerer = art.memo["interview"]
    who = asker if m.group(1)[0] == "Q" else answerer
    return Attr("qa", who, None, None, "PERSON" if who else "")


def post_attribution(art: Article, i: int) -> Attr | None:
    """An embedded social post: the account named under it (``&mdash; Name (@handle)``, or its handle when it
    shows no name) posted it, its titles dropped ("Cllr Ana Roe"), or the person the article says runs the
    business of that name; no speaker when no name can be read there."""
    q = art.marked[i]
    if not q.post:
        return None
    m = POST_AUTHOR.search(art.text, q.end, q.para_end)
    start, end = (m.span(1) if m.group(1) else m.span(2)) if m is not None else (0, 0)
    lo, hi = art.tokens(start, end)
    while hi > lo and art.tok_starts[hi - 1] + len(art.doc[hi - 1]) > end:
        hi -= 1  # a token running on into the markup ("@anon)</blockquote>") is no part of a name
    if hi > lo + 1:
        lo, hi = strip_title(art.doc, lo, hi)
    if hi <= lo:
        return Attr("post", None)
    owner = _owner(art, lo, hi)
    if owner is not None:
        return Attr("post", (owner.start, owner.end), (lo, hi), None, owner.label)
    return Attr("post", (lo, hi), None, None, art.mentions.label_of(lo, hi, label_of_name(art.doc, lo, hi)))


def _owner(art: Article, lo: int, hi: int):
    """The person a relative clause outside quotes says runs, owns or founded the business named by tokens
    [lo, hi) ("Ana Roe, who runs the Tolt Bakehouse on Stavely Row" for an account "Tolt Bakehouse";
    "the Copper Pan" names "Copper Pan Café"): that business's posts are theirs."""
    if not art.parsed:
        return None
    doc = art.doc
    name = {t.lower_ for t in doc[lo:hi] if is_cap(t)}
    for m in art.mentions.items:
        if not m.personal:
            continue
        for verb in doc[m.end - 1].children:
            if verb.dep_ != "relcl" or verb.lemma_.lower() not in OWNER_VERBS or not art.outside(verb.i, verb.i + 1):
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            named = {t.lower_ for t in doc[obj.left_edge.i : obj.i + 1] if is_cap(t)} if obj is not None else set()
            if named and named <= name:
                return art.mentions.best_name(m, len(doc))
    return None


def answer_after_bare_question(art: Article, i: int) -> Attr | None:
    """An interview whose questions are bare paragraphs ending in "?" and whose answers are paragraphs
    that are one quote each: each such answer is the interviewee's, as the intro names them. Only when
    the article has two or more such pairs."""
    if "bare_qa" not in art.memo:
        art.memo["bare_qa"] = _bare_answers(art)
    answers, first = art.memo["bare_qa"]
    if i not in answers:
        return None
    key = "interview_before_" + str(first)
    if key not in art.memo:
        art.memo[key] = interview_roles(art, first)
    who = art.memo[key][1]
    return Attr("qa", who, None, None, "PERSON" if who else "")


def _bare_answers(art: Article) -> tuple[set[int], int]:
    """Quotes that fill their paragraph right after a paragraph with no quote marks ending in "?"."""
    quoted = {q.para for q in art.marked}
    found: set[int] = set()
    first = len(art.text)
    for k, q in enumerate(art.marked):
        a, b = art.paras[q.para]
        if q.para == 0 or q.unmarked or art.text[a : q.open_at].strip() or art.text[art.q_hi[k] : b].strip():
            continue
        pa, pb = art.paras[q.para - 1]
        if q.para - 1 in quoted or not art.text[pa:pb].rstrip().endswith("?"):
            continue
        found.add(k)
        first = min(first, pa)
    return (found, first) if len(found) >= 2 else (set(), first)


def interview_roles(art: Article, first: int | None = None) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Who asks and who answers in an interview: the intro before the first `Q:`/`A:` paragraph
    names them ("She spoke to Tam Ostrick", "interviewed by ...", "X interviewed Y"); the
    interviewer is else the byline's writer, the interviewee else the first person the intro names."""
    doc = art.doc
    if first is None:
        first = next((a for a, b in art.paras if QA_LABEL.match(art.text, a, b)), len(art.text))
    lo, hi = art.tokens(0, first)
    asker: tuple[int, int] | None = None
    answerer: tuple[int, int] | None = None
    for k in range(lo, hi):
        lemma = INTERVIEW_FORMS.get(doc[k].lower_)
        if lemma is None or not art.outside(k, k + 1):
            continue
        s_lo, s_hi = art.sent_tokens(k)
        nxt = doc[k + 1].lower_ if k + 1 < s_hi else ""
        if lemma == "interview":  # "interviewed by X" / "X interviewed Y"
            if nxt == "by":
                asker = asker or name_in(art, k + 2, s_hi)
            else:
                asker = asker or _name_before(art, s_lo, k)
                answerer = answerer or name_in(art, k + 1, s_hi)
        elif nxt in ("to", "with"):  # "She spoke to Tam Ostrick of the Herald", "The researcher spoke to us"
            subject, we = _talker(art, k)
            if we:  # "We spoke to Ana Roe": the one spoken to answers, the writer asks
                answerer = answerer or name_in(art, k + 2, s_hi)
            else:
                asker = asker or name_in(art, k + 2, s_hi)
                answerer = answerer or subject
    if asker is None and art.mentions.writer is not None:
        asker = (art.mentions.writer.start, art.mentions.writer.end)
    if answerer is not None and asker is not None and _same(art, answerer, asker):
        answerer = None
    if answerer is None:
        asker_key = art.mentions.make(*asker, "PERSON").key if asker else None
        people = [m for m in art.mentions.between(lo, hi) if m.personal and m.key != asker_key]
        body = [m for m in people if m.para > 0]  # the headline's words are capitalised anyway
        people = sorted(body or people, key=lambda m: (not m.subject, m.label != "PERSON", m.start))
        best = people[0] if people else None
        if best is not None:
            best = art.mentions.best_name(best, hi)
            answerer = (best.start, best.end)
        else:  # a name the tagger missed: the intro's first two or more capitalised words after headline and byline
            writer = art.mentions.writer
            body = next((a for pi, (a, b) in enumerate(art.paras)
                         if pi > 0 and not (writer is not None and a <= doc[writer.start].idx < b)), first)  # fmt: skip
            answerer = name_in(art, art.tokens(body, body + 1)[0], hi)
            if answerer is not None and asker is not None and _same(art, answerer, asker):
                answerer = None
    return asker, answerer


def _talker(art: Article, k: int) -> tuple[tuple[int, int] | None, bool]:
    """Who does the talking of the intro's verb ``k`` ("The researcher, 51, spoke to us": the researcher,
    a description resolved to the person just named), and whether that is the writer ("We spoke to ...")."""
    if not art.parsed:
        return None, False
    doc = art.doc
    subj = next((c for c in doc[k].children if c.dep_ == "nsubj"), None)
    found = speaker_from_head(doc, subj) if subj is not None else None
    if found is None:
        return None, False
    if found.pronoun and doc[found.start].lower_ in FIRST_PERSON:
        return None, True
    a = attribute(doc, art.mentions, "qa", found, None, k)
    return (a.speaker if a.label in ("PERSON", NAME) else None), False


def _same(art: Article, a: tuple[int, int], b: tuple[int, int]) -> bool:
    return art.mentions.make(*a, "PERSON").key == art.mentions.make(*b, "PERSON").key


def _name_before(art: Article, lo: int, k: int) -> tuple[int, int] | None:
    people = [m for m in art.mentions.between(lo, k) if m.personal]
    return (people[-1].start, people[-1].end) if people else None


_CLAUSE_WORDS = words("title_case_minor") - {"of", "the", "a", "an"}
_AFTER_WHO = frozenset(("on", "about", "over", "says", "said", "tells", "told", "speaks", "talks"))
_HEADLINE_COLON = re.compile(r"[ \t]*:[ \t]*(?=\S)")


def headline_colon(art: Article, i: int) -> Attr | None:
    """‘We were never asked’: Island mayor on the deal ...: a quote opening a heading and followed by a
    colon and who said it, a name or a description (resolved like any description: to the mayor the
    article names)."""
    q = art.marked[i]
    if q.close_at is None or art.text[q.para_start : q.open_at].strip():
        return None
    m = _HEADLINE_COLON.match(art.text, art.q_hi[i], q.para_end)
    end = art.text.find("\n", art.q_hi[i])
    end = q.para_end if end < 0 else min(end, q.para_end)
    if m is None or art.has_quote(m.end(), end):
        return None
    doc = art.doc
    lo, hi = art.tokens(m.end(), end)
    k = lo  # who, up to "on ...", "says ..." or the end: 'Island mayor on the deal', 'Rusu says ...'
    while k < hi and k - lo < 6 and not doc[k].is_punct and doc[k].lower_ not in _AFTER_WHO:
        k += 1
    if k == lo or k < hi and doc[k].lower_ not in _AFTER_WHO and doc[k].text not in (",", "\u2013", "\u2014", "-"):
        return None
    if any(t.lower_ in _CLAUSE_WORDS for t in doc[lo:k]):
        return None  # "'A Dark Day': Lawmakers React to Plant Closure" is a headline, not who said it
    name = name_in(art, lo, k)
    if name is not None and not is_title(doc[name[1] - 1]):
        return Attr("headline-colon", name, None, None, "PERSON")
    return attribute(doc, art.mentions, "headline-colon", Found(lo, k, False, ""), None, lo)
