"""Whose voice a sentence is in: a headline, a reporting verb and its complement clause, a political
speaker, the outlet's evaluative voice (modals, evaluative words, its own "we")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from annotator.domain import Mention
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_parts import speaker_phrase
from annotator.nlp.claim_tree import by_lower, ents, label_of, memo, sentences, subject_of, text_of
from annotator.nlp.lexicon import REPORTING_VERBS
from annotator.nlp.once import sent_of, span_text, tokens, words
from annotator.nlp.turn_labels import QA_LABEL

_ENDS = frozenset(".!?\"”’'")
_QUOTE_ENDS = frozenset("\"”’'")
_COMPLEMENTS = ("ccomp", "xcomp")


def is_headline(sent: Span) -> bool:
    """A line of its own with no closing punctuation: a headline, a standfirst label, a byline."""
    whole = text_of(sent.doc)
    own = whole[sent.start_char : sent.end_char]  # sent.text, without a Token made per word
    text = own.rstrip()
    if text[-1:] in _QUOTE_ENDS and len(text) > 1 and text[-2] not in ".!?":
        text = text[:-1]  # "... calls ruling “void”": a closing mark ends no sentence by itself
    if not text or text[-1] in _ENDS:
        return False
    after = whole[sent.end_char : sent.end_char + 2]  # (a token's trailing whitespace is at most one space)
    return "\n" in own or "\n" in after or sent.end == len(sent.doc)


def reporting(sent: Span) -> tuple[tuple[int, int], Span] | None:
    """The subject of the first reporting verb in ``sent`` and the clause it reports ("X said [that ...]")."""
    found = reportings(sent)
    return found[0] if found else None


def reportings(sent: Span) -> list[tuple[tuple[int, int], Span]]:
    """Each reporting verb's subject in ``sent`` with the clause it reports ("X ruled ..., and Y says ...")."""
    return list(_reportings(sent.doc, sent.start, sent.end))


@lru_cache(maxsize=256)
def _reportings(doc: Doc, start: int, end: int) -> tuple[tuple[tuple[int, int], Span], ...]:
    """``reportings`` of ``doc[start:end]``, found once per sentence (a claim asks about its sentence often)."""
    sent = doc[start:end]
    out = []
    _, lemmas, tags, _ = words(doc)
    toks = tokens(doc)
    for k in range(start, end):
        if tags[k] != "VERB" or lemmas[k] not in REPORTING_VERBS and lemmas[k] not in lex.FINDING_VERBS:
            continue
        v = toks[k]
        subj = subject_of(v)
        if subj is None or label_of(subj) in ("DATE", "TIME"):
            continue
        if v.lemma_.lower() not in REPORTING_VERBS and not finds(v, subj):
            continue
        comp = next((c for c in v.children if c.dep_ in _COMPLEMENTS), None)
        if comp is None and v.dep_ == "parataxis":  # "..., he said": the sentence's own clause
            comp = v.head
        if comp is None:
            continue
        found = speaker_phrase(subj)
        if found is None:
            continue
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
        if comp is v.head:
            lo, hi = sent.start, v.left_edge.i
        out.append((found, sent.doc[lo:hi]))
    return tuple(out)


def finds(verb, subj) -> bool:
    """ "The panel found that ...", "the commission concluded that ...": a body's finding, reported like a
    claim (a person who "found" something is no reporter)."""
    return verb.lemma_.lower() in lex.FINDING_VERBS and any(
        c.dep_ == "ccomp" for c in verb.children) and (subj.lemma_.lower() in lex.FINDING_BODIES
                                                       or subj.lower_ in lex.FINDING_BODIES)


def political(doc: Doc, claimant: Mention | None) -> bool:
    """The claimant is a political actor: an office, body or polity in its name or in a description of it.
    (Asked once per claimant and document: each suggestion asks it about its claimant.)"""
    if claimant is None:
        return False
    cache = memo(doc)
    key = ("political", claimant)
    if key not in cache:
        cache[key] = _political(doc, claimant)
    return cache[key]


def _political(doc: Doc, claimant: Mention) -> bool:
    span = doc.char_span(claimant.start, claimant.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    toks = tokens(doc)
    if any(label_of(t) in ("GPE", "NORP", "ORG") for t in toks[span.start : span.end]):
        return True
    last = toks[span.end - 1].lower_  # a transcript's "ROSTAN:" is the "Ilvie Rostan" of the introduction
    for i in by_lower(doc).get(last, ()):
        t = toks[i]
        lo, hi = max(sent_of(t).start, t.i - 6), min(sent_of(t).end, t.i + 8)
        if any(w.lemma_.lower() in lex.FIELD_POLITICAL or w.lower_ in lex.FIELD_POLITICAL for w in toks[lo:hi]):
            return True
    return False


def evaluative(sent: Span) -> bool:
    """The outlet's own voice: a modal of obligation, an evaluative word, or a first-person plural."""
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    return bool(words & lex.ASSERTIVE) or any(t.lower_ in ("we", "our", "us") and t.pos_ == "PRON" for t in sent)




def _repeated_head(text: str, name: str) -> bool:
    """A title-case line head ("Aldana: ...") is a transcript speaker when two or more lines open with it."""
    return len(re.findall(r"(?:^|\n)[ \t]*" + re.escape(name) + r":", text)) >= 2


def line_speaker(sent: Span) -> Mention | None:
    """In a transcript, the speaker a line opens with ("DASHKOVA: ...", "Aldana: ..." on two or more lines;
    "Q:" is no one); in a Q./A. interview, the interviewee named in its introduction for an answer line and
    the lines that continue it, the question mark itself for a question line."""
    doc = sent.doc
    start = text_of(doc).rfind("\n", 0, sent.start_char) + 1
    line = text_of(doc)[start : sent.end_char]
    head, colon, _ = line.partition(":")
    name = head.strip()
    if not colon or not name or len(name) > 40 or not name.replace(" ", "").replace("-", "").isalpha():
        return _qa_speaker(doc, start)
    if len(name) < 3 or not (name.isupper() or name.istitle() and _repeated_head(text_of(doc), name)):
        return _qa_speaker(doc, start)
    lead = head.index(name[0])
    return Mention(start + lead, start + lead + len(name))


@lru_cache(maxsize=8)
def _qa_lines(doc: Doc) -> tuple[tuple[int, str], ...]:
    """The start and kind ("Q" or "A") of each line opening with a question or answer mark, when the text has
    at least two of each (a Q./A. interview); else none."""
    text = text_of(doc)
    found, at = [], 0
    for line in text.split("\n"):
        m = QA_LABEL.match(line)
        if m is not None:
            found.append((at, m.group(1)[0]))
        at += len(line) + 1
    kinds = [k for _, k in found]
    return tuple(found) if kinds.count("Q") >= 2 and kinds.count("A") >= 2 else ()


@lru_cache(maxsize=8)
def interviewee(doc: Doc) -> Mention | None:
    """The person a Q./A. interview is with: of the people named before its first question, the one the
    text names most often (the questions say "Mr Vash"), the earliest on a tie; their fullest mention."""
    lines = _qa_lines(doc)
    if not lines:
        return None
    first = lines[0][0]
    text = text_of(doc)
    people = [e for e in ents(doc) if e.label_ == "PERSON" and e.end_char <= first and len(e) >= 2]
    people += [n for n in _subject_names(doc, first) if not any(p.start <= n.start < p.end for p in people)]
    if not people:
        return None
    def named(e) -> int:
        return len(re.findall(r"\b" + re.escape(e[-1].text) + r"\b", text))
    best = max(people, key=lambda e: (named(e), -e.start))
    full = max((e for e in people if e[-1].text == best[-1].text), key=lambda e: (len(e), -e.start))
    return Mention(full.start_char, full.end_char)


def _subject_names(doc: Doc, before: int) -> list[Span]:
    """Names of two or more capitalised proper nouns that are the subject of a sentence before ``before``
    ("Ines Korsa has been ..."), whatever label the tagger gave them (invented names are often missed)."""
    out = []
    for t in doc:
        if t.idx >= before:
            break
        if t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass") and label_of(t) in ("", "PERSON"):
            lo = t.i
            while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ == "compound" and doc[lo - 1].is_title:
                lo -= 1
            if t.i > lo and t.is_title:
                out.append(doc[lo : t.i + 1])
    return out


def _qa_speaker(doc: Doc, line_start: int) -> Mention | None:
    """Who speaks the line starting at ``line_start`` in a Q./A. interview: the nearest mark at or before it
    (an answer's later paragraphs are still the answer)."""
    lines = _qa_lines(doc)
    mark = next(((at, k) for at, k in reversed(lines) if at <= line_start), None)
    if mark is None:
        return None
    at, kind = mark
    if kind == "Q":
        return _mark(doc, at)
    return interviewee(doc)


def _mark(doc: Doc, at: int) -> Mention:
    """The mark ("Q", "Question") opening the line at ``at``."""
    m = QA_LABEL.match(text_of(doc), at)
    return Mention(m.start(1), m.end(1))


def answer_of(sent: Span, speaker: Mention) -> Span | None:
    """The whole transcript line ``sent`` belongs to, after its speaker's label or answer mark: one answer,
    one unit."""
    doc = sent.doc
    text = text_of(doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.start_char)
    end = len(text) if end < 0 else end
    mark = QA_LABEL.match(text, start)
    if start <= speaker.start < end:
        start = text.find(":", speaker.end) + 1
    elif mark is not None and mark.end() <= end:
        start = mark.end()
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def is_interviewer(doc: Doc, speaker: Mention) -> bool:
    """A transcript head whose lines are mostly questions (HOST, PRESENTER), or a Q./A. question mark: it
    asks, it claims nothing."""
    name = text_of(doc)[speaker.start : speaker.end]
    if any(at <= speaker.start < at + 10 and k == "Q" for at, k in _qa_lines(doc)):
        return True
    lines = re.findall(r"(?:^|\n)[ \t]*" + re.escape(name) + r":([^\n]*)", text_of(doc))
    return bool(lines) and 2 * sum("?" in ln for ln in lines) >= len(lines)


def _outside(sent: Span, quotes) -> bool:
    return not any(q.start < sent.end_char and sent.start_char < q.end for q in quotes)


def is_editorial(doc: Doc, quotes) -> bool:
    """The article speaks in its own voice: two or more sentences outside quotes in the first-person plural
    or with a modal of obligation (an editorial, a leader, a comment piece)."""
    if _editorial_mark(text_of(doc)):
        return True
    n = 0
    lowers, _, _, deps = words(doc)
    for sent in sentences(doc):
        if not any(lowers[k] in ("we", "our") and deps[k] in ("nsubj", "nsubjpass", "poss")
                   for k in range(sent.start, sent.end)):
            continue  # (the cheap test first)
        if _outside(sent, quotes) and reporting(sent) is None and line_speaker(sent) is None:
            n += 1
            if n >= 2:
                return True
    return False


_EDITORIAL_MARKS = frozenset({"editorial", "opinion", "comment", "leader", "leading article", "our view", "view"})


def _editorial_mark(text: str) -> bool:
    """A line of its own near the top that labels the piece ("Editorial", "Opinion", "Our view"), or a headline
    that opens with such a label ("Editorial: ...", "The Courier's view: ...")."""
    lines = [ln.strip().rstrip(":").lower() for ln in text[:800].splitlines() if ln.strip()]
    return any(ln in _EDITORIAL_MARKS or _LABELLED.match(ln) is not None for ln in lines[:4])


# A headline labelled as the outlet's opinion: "Editorial: ...", "Opinion | ...", "The Courier's view: ...".
_LABELLED = re.compile(r"(?:(?:editorial|opinion|comment|leader|our view)\s*[:|–—]|(?:the )?[\w'’ ]{0,30}['’]s view\s*[:|–—])")


_DASHES = frozenset({"—", "–", "-", "--"})


def is_dateline(sent: Span) -> bool:
    """A wire lead opening with its dateline ("CITY, Country — ..."): narrative, not a claim of its own."""
    head = list(sent[:7])
    dash = next((i for i, t in enumerate(head) if t.text in _DASHES), None)
    return dash is not None and dash > 0 and all(
        t.is_punct or t.is_title or t.is_upper or t.is_space for t in head[:dash])


_RELEASE_MARKS = ("press release", "for immediate release", "press statement", "official statement", "press office")


_STATEMENT_TITLE = re.compile(r"^\s*(?:Statement|Declaration|Communiqué) (?:by|of) (?:the )?(.+?) (?:on|regarding|concerning|about) ")


def _names_a_body(name: str) -> bool:
    """A header line that is a body's name: two or more words, capitalised, no sentence end, no figures, and
    an organisation word in it ("Government of the Republic of Pelst", "Ministry of Foreign Affairs")."""
    from annotator.nlp.lexicon import ORG_NOUNS

    words = name.split()
    return len(words) >= 2 and name[:1].isupper() and not name.endswith((".", "!", "?")) and not any(
        ch.isdigit() for ch in name) and any(w.lower() in ORG_NOUNS or w.lower() in lex.FIELD_POLITICAL
                                              for w in words)


_HEADER_SEPARATORS = ("-", "–", "—", "|", ",", ":")


def _a_header_mark(head: str, at: int) -> bool:
    """The release mark at ``at`` opens its line or follows a separator ("Ministry of X - Press Office"), as a
    header does; not inside a title's or a sentence's running words ("... redrawn by press release")."""
    before = head[head.rfind("\n", 0, at) + 1 : at].rstrip()
    return not before or before.endswith(_HEADER_SEPARATORS)


def issuer(doc: Doc) -> Mention | None:
    """The body issuing a press release or statement: the line after its header mark (never its title, "On the
    incident in ..."), or beside it, or the body's name on a line above it; or the body a "Statement by the X
    on ..." title names."""
    head = text_of(doc)[:600]
    low = head.lower()
    at = min((low.find(m) for m in _RELEASE_MARKS if m in low), default=-1)
    if at >= 0 and not _a_header_mark(head, at):
        at = -1  # "Editorial: A border cannot be redrawn by press release": words of a title, no header
    if at >= 0:
        line_start = head.rfind("\n", 0, at) + 1
        lines = head[at:].split("\n")
        for line in lines[1:4]:
            name = line.strip()
            if name and name[0].isupper() and not any(m in name.lower() for m in _RELEASE_MARKS) and (
                    len(name.split()) >= 2 and not name.endswith((".", "!", "?")) and not any(ch.isdigit() for ch in name)
                    and name.split()[0].lower().rstrip(":") not in lex.TITLE_OPENERS):  # "On the incident ...": a title
                start = text_of(doc).index(name, at)
                return Mention(start, start + len(name))
        before = head[line_start:at].rstrip(" -–—|,")  # "Ministry of the Interior - Press Office"
        if len(before.split()) >= 2 and before[:1].isupper():
            return Mention(line_start, line_start + len(before))
        above = head[:line_start].split("\n")  # the body's name on a line of its own above the mark
        at_line = 0
        for line in above:
            name = line.strip()
            if _names_a_body(name):
                start = head.index(name, at_line)
                return Mention(start, start + len(name))
            at_line += len(line) + 1
    titled = _STATEMENT_TITLE.match(head)
    if titled:
        return Mention(titled.start(1), titled.end(1))
    return _body_over_title(head)


_TITLE_WORDS = ("statement", "declaration", "communiqué", "communique")


def _body_over_title(head: str) -> Mention | None:
    """ "Ministry of Foreign Affairs of X" on the first line and "Statement on ..." on the next: a statement
    under the name of the body that issues it, with no release mark."""
    lines, at = [], 0
    for line in head.split("\n"):
        if line.strip():
            lines.append((at, line))
        at += len(line) + 1
    if len(lines) < 2:
        return None
    (start, first), (_, second) = lines[0], lines[1]
    name = first.strip()
    if not _names_a_body(name) or second.strip().split()[0].lower() not in _TITLE_WORDS:
        return None
    start += len(first) - len(first.lstrip())
    return Mention(start, start + len(name))


_BYLINE = re.compile(r"(?:^|\n)[ \t]*By ([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})[ \t]*(?:\n|$)")


_BIO = re.compile(r"[ \t]*((?:Dr |Prof |Sir |Dame )?[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}) (?:is|was|has been|had been|"
                  r"served|serves|teaches|taught|leads|led|heads|headed|chairs|chaired|writes|directs|represents)\b")
_BIO_CHARS = 400


def author(doc: Doc) -> Mention | None:
    """The signed author of a piece in the first person (an op-ed): a "By NAME" line near the top and two or
    more sentences outside quotes with "I" as their subject; or a short paragraph at the top or the foot
    that introduces a person ("Ola Denn was Brell's trade minister ...") over a piece that says "I", "we" or
    "our" outside quotes at least once. A reporter's byline over a report is no author of claims: reports do
    not say "I"."""
    text = text_of(doc)
    found = _BYLINE.search(text[:800])
    parsed = doc.has_annotation("DEP")
    if found is not None:
        mine = sum(1 for sent in sentences(doc) if not _in_marks(sent) and any(
            t.text == "I" and (t.dep_ in ("nsubj", "nsubjpass") or not parsed) for t in sent))
        return Mention(found.start(1), found.end(1)) if mine >= 2 else None
    bio = _bio(text)
    if bio is None:
        return None
    lo, hi = _paragraph(text, bio.start)
    voiced = any(not _in_marks(sent) and not lo <= sent.start_char < hi and any(
        t.lower_ in ("i", "we", "our", "my", "us") and (t.pos_ == "PRON" or not parsed) for t in sent) for sent in sentences(doc))
    return bio if voiced else None


def _paragraph(text: str, at: int) -> tuple[int, int]:
    lo = text.rfind("\n\n", 0, at)
    hi = text.find("\n\n", at)
    return (0 if lo < 0 else lo + 2), (len(text) if hi < 0 else hi)


def _bio(text: str) -> Mention | None:
    """The name a short introducing paragraph opens with, among the first four paragraphs or the last one."""
    paras, at = [], 0
    for chunk in text.split("\n\n"):
        paras.append((at, chunk))
        at += len(chunk) + 2
    paras = [(a, p) for a, p in paras if p.strip()]
    for a, p in paras[1:4] + paras[-1:]:
        m = _BIO.match(p)
        if m is not None and len(p) <= _BIO_CHARS and p.rstrip().endswith((".", ")")):
            return Mention(a + m.start(1), a + m.end(1))
    return None


def voices(voice: Mention, sent: Span) -> bool:
    """Whether ``sent`` is in the issuer's or author's own voice: after the line that names them, or, for an
    author introduced at the foot of the piece, before that paragraph."""
    if voice.end <= sent.start_char:
        return True
    text = text_of(sent.doc)
    return voice.start > len(text) // 2 and sent.end_char <= _paragraph(text, voice.start)[0]


def _in_marks(sent: Span) -> bool:
    text = span_text(sent)
    return any(m in text for m in "\"“”")


_BACKGROUND = re.compile(r"\n[ \t]*(?:notes? to editors|about (?:the|us)\b[^\n]*|background|other [a-z]+)[ \t]*:?[ \t]*\n",
                         re.I)


def background_start(doc: Doc) -> int:
    """Where a release's background or other-business section begins ("Notes to editors", "About the
    Ministry", "Other announcements"): what follows is reference or routine, not the issuer's statement.
    The text's length when there is none."""
    found = _BACKGROUND.search(text_of(doc))
    return found.start() if found else len(text_of(doc))
