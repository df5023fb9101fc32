"""Pair quotation marks in plain text: one linear scan per paragraph, apostrophes told apart; and the
stretches a layout quotes without marks (transcript and interview turns, social posts left as markup).

No spaCy here: this works on characters only and returns the outermost quoted stretches.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from annotator.nlp.lexicon import words
from annotator.nlp.sentences import paragraphs
from annotator.nlp.turn_labels import labelled_spans

# Families: a closer only closes an opener of its own family.
DOUBLE, SINGLE, CJK_CORNER, CJK_WHITE = "double", "single", "cjk1", "cjk2"

_FAMILY = {
    '"': DOUBLE, "\u201c": DOUBLE, "\u201d": DOUBLE, "\u201e": DOUBLE, "\u201f": DOUBLE,
    "\u00ab": DOUBLE, "\u00bb": DOUBLE, "\uff02": DOUBLE, "\u301d": DOUBLE, "\u301e": DOUBLE,
    "'": SINGLE, "\u2018": SINGLE, "\u2019": SINGLE, "\u201a": SINGLE, "\u201b": SINGLE,
    "\u2039": SINGLE, "\u203a": SINGLE,
    "\u300c": CJK_CORNER, "\u300d": CJK_CORNER, "\u300e": CJK_WHITE, "\u300f": CJK_WHITE,
}  # fmt: skip
_MARKS_RE = re.compile("[" + re.escape("".join(_FAMILY)) + "]")
_CURLY_OPENERS = "\u201c\u201e\u00ab"

# Words that start with an elided letter: 'em, 'n', 'til, 'cause ... (apostrophes, not quotes).
_ELISIONS = words("elisions")


@dataclass(frozen=True)
class MarkedQuote:
    """An outer quoted stretch: ``[start, end)`` are the characters between the marks.

    ``open_at``/``close_at`` are the positions of the marks (``close_at`` is None when the
    quote runs to the end of its paragraph unclosed). ``para`` is the paragraph's index,
    ``continues`` says an unclosed piece goes on in the next paragraph's first quote, ``continued``
    that this piece goes on with the quote or turn of the paragraph before, and ``group`` is shared by
    the pieces of one multi-paragraph quote.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    para: int
    para_start: int
    para_end: int
    continues: bool = False
    continued: bool = False
    group: int = 0
    unmarked: bool = False  # a transcript turn or a post with no marks: ``open_at`` is its first character
    post: bool = False  # an embedded social post left as markup: ``[start, end)`` is its text inside the tags

    @property
    def turn(self) -> bool:
        """A transcript or interview turn with no marks (or a paragraph going on with one): its label speaks."""
        return self.unmarked and not self.post


def _word(ch: str) -> bool:
    """Letters, digits and combining marks: what makes a mark sit *inside* a word."""
    return unicodedata.category(ch)[0] in "LNM"


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


class _Mark:
    __slots__ = ("pos", "ch", "family", "can_open", "can_close", "weak")

    def __init__(self, pos: int, ch: str, family: str, can_open: bool, can_close: bool, weak: bool) -> None:
        self.pos, self.ch, self.family = pos, ch, family
        self.can_open, self.can_close, self.weak = can_open, can_close, weak


def _classify(text: str, pos: int, a: int, b: int) -> _Mark | None:
    """Flanking of one mark inside paragraph ``[a, b)``; None for an apostrophe."""
    ch = text[pos]
    family = _FAMILY[ch]
    prev = text[pos - 1] if pos > a else " "
    nxt = text[pos + 1] if pos + 1 < b else " "
    space_before, space_after = prev.isspace(), nxt.isspace()
    can_open = not space_after and not _word(prev)
    can_close = not space_before and not _word(nxt)
    weak = False
    if family == SINGLE:
        if _word(prev) and _word(nxt):
            return None  # don't, O'Neill, Greenland's
        if can_open and _word(nxt):
            m = re.match(r"[^\W_]+", text[pos + 1 : min(b, pos + 12)])
            word = m.group(0) if m else ""
            after = text[pos + 1 + len(word)] if pos + 1 + len(word) < b else " "
            if word.lower() in _ELISIONS and not _word(after):
                return None  # 'em, rock 'n' roll, 'til
            if word[:1].isdigit() and (
                re.fullmatch(r"\d\ds", word) or (re.fullmatch(r"\d\d", word) and ch != "\u2018")
            ):
                return None  # '90s, ’05
        if can_close and not can_open and prev in "sSzZxX" and space_after:
            rest = text[pos + 1 : min(b, pos + 3)].lstrip()
            weak = bool(rest) and _word(rest[0])  # the Smiths' house: maybe an apostrophe
        if ch == "\u2019" and prev in "nN" and pos >= a + 2 and text[pos - 2] in "'\u2019\u2018":
            return None  # the second mark of ’n’
    return _Mark(pos, ch, family, can_open, can_close, weak)


def _role(m: _Mark, stack: list[_Mark]) -> str:
    """'open', 'close' or '' (ignore) for a mark given the openers waiting on the stack."""
    ch, fam = m.ch, m.family
    waiting = [o for o in stack if o.family == fam]
    top = waiting[-1] if waiting else None
    if fam in (CJK_CORNER, CJK_WHITE):
        return "open" if ch in "\u300c\u300e" else ("close" if top else "")
    if ch == "\u201e" or ch == "\u201a":
        return "open"
    if ch in "\u00ab\u2039":  # «: closes a German »…« quote, else opens
        return "close" if top is not None and top.ch in "\u00bb\u203a" else "open"
    if ch in "\u00bb\u203a":
        return "close" if top is not None and top.ch in "\u00ab\u2039" else "open"
    if ch in "\u201c\u2018\u201f\u201b\u301d":  # left marks: open, or close a „…“ / ‚…‘ quote
        if top is not None and m.can_close and (top.ch in "\u201e\u201a" or not m.can_open):
            return "close"
        return "open" if m.can_open or not m.can_close else ""
    if ch in "\u201d\u2019\u301e":  # right marks: close, or open a Swedish ”…” quote
        if m.can_close:
            return "close" if top is not None else ""
        if m.can_open and top is None:
            return "open"
        return "close" if top is not None and fam == DOUBLE else ""
    # straight marks " ' and the fullwidth "
    if m.can_open and not m.can_close:
        return "open"
    if m.can_close and not m.can_open:
        return "close" if top is not None else ""
    if fam == SINGLE:
        return "close" if top is not None and m.can_close else ""
    return "close" if top is not None else "open"


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """Outermost quotations in ``text``, in order, one piece per paragraph.

    Inner quotes are dropped; an unclosed double quote ends at its paragraph's end (and goes on in
    the next paragraph when that one opens with a mark); an unclosed single mark is taken for an
    apostrophe unless the next paragraph opens with a single mark too. Never raises; linear time.
    """
    paras = paragraphs(text)
    turns = transcript_turns(text, paras)
    tags = markup_tags(text)
    posts = embedded_posts(text)  # marks in a tag are attribute values; in a post, nested quotes
    marks = [m.start() for m in _MARKS_RE.finditer(text) if not _inside(tags, m.start()) and not _inside(posts, m.start())]
    out: list[MarkedQuote] = []
    mi = 0
    pj = 0
    prev_unclosed: MarkedQuote | None = None
    in_turn = False  # the paragraph before is a turn or goes on with one
    group = 0
    for pi, (a, b) in enumerate(paras):
        while mi < len(marks) and marks[mi] < a:
            mi += 1
        events: list[_Mark] = []
        while mi < len(marks) and marks[mi] < b:
            m = _classify(text, marks[mi], a, b)
            if m is not None:
                events.append(m)
            mi += 1
        pieces, unclosed = _pair(text, events, a, b)
        goes_on = in_turn and pi not in turns and _continues_turn(text, a, b, pieces, unclosed)
        in_turn = pi in turns or goes_on
        if in_turn:  # the whole turn is the quote; marks inside it are nested quotes
            if not goes_on:
                group += 1  # a paragraph going on with the turn before is a piece of the same quote
            s = turns.get(pi, a)
            e = _strip_end(text, s, b)
            out.append(MarkedQuote(s, e, s, e, pi, a, b, continued=goes_on, group=group, unmarked=True))
            prev_unclosed = None
            continue
        while pj < len(posts) and posts[pj][0] < a:
            pj += 1
        here = []
        while pj < len(posts) and posts[pj][0] < b:
            here.append(posts[pj])
            pj += 1
        next_opens = pi + 1 < len(paras) and _opens_with_mark(text, paras[pi + 1][0])
        if unclosed is not None:
            keep = unclosed.family != SINGLE or (next_opens and _FAMILY[text[paras[pi + 1][0]]] == SINGLE)
            line_end = text.find("\n", unclosed.pos, b)  # a line break ends an unclosed quote
            end = _strip_end(text, unclosed.pos + 1, b if line_end < 0 else line_end)
            if keep and end > unclosed.pos + 1:
                pieces = [p for p in pieces if p[0] < unclosed.pos] + [(unclosed.pos + 1, end, unclosed.pos, None)]
        for i, (s, e, o, c) in enumerate(pieces):
            while here and here[0][0] < o:
                group += 1
                out.append(_post(here.pop(0), pi, a, b, group))
            s, e = _two_apostrophes(text, s, e, o, c)
            continued = i == 0 and prev_unclosed is not None and o == a
            if not continued:
                group += 1
            last_open = c is None and i == len(pieces) - 1 and "\n" not in text[s:b].rstrip()
            q = MarkedQuote(
                s, e, o, c, pi, a, b, continues=bool(last_open and next_opens), continued=continued, group=group
            )
            out.append(q)
        for span in here:
            group += 1
            out.append(_post(span, pi, a, b, group))
        prev_unclosed = out[-1] if out and out[-1].para == pi and out[-1].continues else None
    return out


_STAGE_DIRECTION = re.compile(r"[(\[][^()\[\]\n]*[)\]][ \t]*\Z")


def transcript_turns(text: str, paras: list[tuple[int, int]]) -> dict[int, int]:
    """Paragraphs of a transcript whose turn is not in quote marks (``KETTERING: Minister, you ...``, the layout of
    ``turn_labels.labelled_spans``): paragraph index -> where the turn's words begin. A turn that opens with a mark
    is quoted by its marks; one that is only a stage direction ("(CROSSTALK)") is no one's words."""
    return {
        pi: at
        for pi, at in labelled_spans(text, paras).items()
        if text[at] not in _FAMILY and not _STAGE_DIRECTION.match(text, at, paras[pi][1])
    }


_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")


def _continues_turn(
    text: str, a: int, b: int, pieces: list[tuple[int, int, int, int | None]], unclosed: _Mark | None
) -> bool:
    """A paragraph right after a turn goes on with it (an answer over two paragraphs) when it has no label,
    opens with no quote mark or bracket (a stage direction: "(LAUGHTER)"), and speaks in the first person
    singular outside any quote marks, as the one whose turn it is does; a closing line about a book or an
    event ("Her novel is published by ...") does not."""
    if text[a] in _FAMILY or text[a] in "([" or unclosed is not None:
        return False
    said, pos = [], a
    for _, _, o, c in pieces:
        said.append(text[pos:o])
        pos = c + 1 if c is not None else b
    said.append(text[pos:b])
    return bool(_FIRST_PERSON_SINGULAR.search(" ".join(said)))


# An embedded post's attribution: a dash (or its HTML entity), the account's name and its @handle.
_DASH = r"(?:&mdash;|&#8212;|&#x2014;|&ndash;|&#8211;|&#x2013;|\u2014|\u2013|--|-)"
POST_AUTHOR = re.compile(rf"(?<![^\s>]){_DASH}[ \t]*(?:([^\s<>()@][^<>()\n]*?)[ \t]*)?\((@\w+)\)")
_EMBED = re.compile(r"<(blockquote|div|figure)\b[^<>]*>(.*?)</\1\s*>", re.S | re.I)
_P_OPEN = re.compile(r"<p\b[^<>]*>", re.I)


def embedded_posts(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text of social posts embedded as markup: a blockquote (or div) that ends
    with a dash, the account's name and its @handle (``<p>…</p>&mdash; Ana Roe (@anaroe) <a …>May 9</a>``,
    ``— Ana Roe (@anaroe)``, ``-- Ana Roe (@anaroe)``). The text is what its first ``<p>`` holds up to
    the last ``</p>`` before the dash, or with no ``<p>`` what stands between the opening tag and the dash."""
    if "<" not in text:
        return []
    out = []
    for m in _EMBED.finditer(text):
        lo, hi = m.span(2)
        accounts = list(POST_AUTHOR.finditer(text, lo, hi))
        if not accounts:
            continue
        s, e = lo, accounts[-1].start()  # the last account line closes the post
        p = _P_OPEN.search(text, lo, e)
        if p is not None:
            s = p.end()
            close = text.rfind("</p", s, e)
            e = close if close >= 0 else e
        while s < e and text[s].isspace():
            s += 1
        e = _strip_end(text, s, e)
        if e > s:
            out.append((s, e))
    return out


def _post(span: tuple[int, int], pi: int, a: int, b: int, group: int) -> MarkedQuote:
    s, e = span
    return MarkedQuote(s, e, s, e, pi, a, b, group=group, unmarked=True, post=True)


# Markup left in the text: "<blockquote class=\"x\" data-id='1'>", "</p>", "<br/>" (one line, no nested "<").
_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s\"'<>]+))?)*\s*/?>")


def markup_tags(text: str) -> list[tuple[int, int]]:
    """Character ranges of markup tags left in the text; their attribute values are never quotes."""
    return [m.span() for m in _TAG_RE.finditer(text)] if "<" in text else []


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(ranges, (pos, len(ranges) + pos + 1 << 1)) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


_APOSTROPHES = "'\u2019\u2018"


def _two_apostrophes(text: str, s: int, e: int, o: int, c: int | None) -> tuple[int, int]:
    """The archive convention ''...'': two apostrophes make one mark, so the quote starts after the
    second and ends before the first of the closing pair."""
    if text[o] in _APOSTROPHES and s < e and text[s] == text[o]:
        s += 1
        if c is not None and e > s and text[e - 1] == text[c]:
            e -= 1
    return s, e


def _opens_with_mark(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos] in _FAMILY and text[pos] not in "\u201d\u300d\u300f"


def _pair(
    text: str, events: list[_Mark], a: int, b: int
) -> tuple[list[tuple[int, int, int, int | None]], _Mark | None]:
    """Pair one paragraph's marks; returns outer closed pieces and the outermost unclosed opener."""
    # Is there a strong (non-weak) single closer after index i? (a weak one then stays an apostrophe)
    strong_after = [False] * (len(events) + 1)
    for i in range(len(events) - 1, -1, -1):
        e = events[i]
        strong_after[i] = strong_after[i + 1] or (e.family == SINGLE and e.can_close and not e.weak)
    stack: list[_Mark] = []
    pairs: list[tuple[int, int]] = []  # (open pos, close pos) of every closed pair, inner ones too
    reopened: list[tuple[int, int, int, int | None]] = []
    for i, m in enumerate(events):
        role = _role(m, stack)
        if role == "open" and stack and stack[0].ch == m.ch and m.ch in _CURLY_OPENERS and not m.can_close:
            # a second “ while one is open: the first was never closed (a typo); it ends here
            o = stack[0]
            end = _strip_end(text, o.pos + 1, m.pos)
            if end > o.pos + 1:
                reopened.append((o.pos + 1, end, o.pos, None))
            stack.clear()
        if role == "open":
            stack.append(m)
        elif role == "close":
            if m.weak and strong_after[i + 1]:
                continue
            j = len(stack) - 1
            while j >= 0 and stack[j].family != m.family:
                j -= 1
            if j < 0:
                continue
            pairs.append((stack[j].pos, m.pos))
            del stack[j:]
    # Unclosed openers: a double one runs to the paragraph end; single ones are apostrophes.
    unclosed = next((o for o in stack if o.family != SINGLE), None)
    if unclosed is None and stack:
        unclosed = stack[0]
    pieces: list[tuple[int, int, int, int | None]] = []
    last_close = -1
    for o, c in sorted(pairs + [(p[2], p[1]) for p in reopened]):
        if o < last_close:
            continue  # inside an outer pair
        last_close = c
        if any(p[2] == o for p in reopened):
            pieces.append(next(p for p in reopened if p[2] == o))
        elif c - o > 1 and text[o + 1 : c].strip():
            pieces.append((o + 1, c, o, c))
    return pieces, unclosed
