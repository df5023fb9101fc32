"""Paragraphs and quote-aware sentences of an article, as character ranges ``(start, end)``.

No spaCy here: a full stop inside a quote or after an abbreviation ends no sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from annotator.nlp.lexicon import words
from annotator.nlp.turn_labels import label_lines

_PARA_RE = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")
_LINE_RE = re.compile(r"\n\s*")
_SENT_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb\u201c)\]]*(?=\s)")
_ABBREV = words("abbreviations")
_OPENERS = "\"'\u201c\u2018\u201e\u201a\u00ab\u00bb\u2039\u300c\u300e([{"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph (blank-line separated; line separated if there are no blank lines). In a
    transcript a single line break before a turn's label is a paragraph break too (``turn_labels.label_lines``)."""
    blank = _PARA_RE.search(text) is not None
    out = [(a, b) for a, b in _split(text, 0, len(text), _PARA_RE if blank else _LINE_RE) if text[a:b].strip()]
    if not blank or not any("\n" in text[a:b] for a, b in out):
        return out
    turns = label_lines(text)
    if not any(a < t < b for t in turns for a, b in out):
        return out
    split: list[tuple[int, int]] = []
    for a, b in out:
        lines = _split(text, a, b, _LINE_RE)
        if not any(a < t < b for t in turns) or len(lines) < 2:
            split.append((a, b))
        elif _hard_wrapped(text, lines, turns):  # only a label begins a turn: a wrapped turn goes on on its next line
            cuts = [a] + [s for s, _ in lines if s in turns and s > a] + [b]
            split += [(s, _strip(text, s, e)) for s, e in zip(cuts, cuts[1:], strict=False)]
        else:  # turns one a line: every line is a paragraph
            split += lines
    return split


def _split(text: str, a: int, b: int, sep: re.Pattern[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = a
    for m in sep.finditer(text, a, b):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < b:
        out.append((pos, b))
    return out


def _strip(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


_LINE_END = re.compile(r"[.!?\u2026:;)\]\"'\u201d\u2019\u00bb\u2014\u2013-][ \t]*\Z")


def _hard_wrapped(text: str, lines: list[tuple[int, int]], turns: set[int]) -> bool:
    """A block of lines is wrapped by hand when a line ends inside a sentence (no closing punctuation) and the
    next line is not a new turn: its lines are not paragraphs."""
    return any(
        not _LINE_END.search(text, a, b) and nxt not in turns for (a, b), (nxt, _) in zip(lines, lines[1:], strict=False)
    )


def sentences(text: str, paras: list[tuple[int, int]], in_quote: Callable[[int], bool]) -> list[tuple[int, int]]:
    """Quote-aware sentences: never split inside a quote (``in_quote(char)``); a paragraph always ends one."""
    out: list[tuple[int, int]] = []
    for a, b in _lines(text, paras):
        pos = a
        for m in _SENT_END.finditer(text, a, b):
            end = m.end()
            if in_quote(end):
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


def _lines(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each paragraph cut at its single line breaks: a line break always ends a sentence."""
    out = []
    for a, b in paras:
        pos = a
        for m in _LINE_RE.finditer(text, a, b):
            if m.start() > pos:
                out.append((pos, m.start()))
            pos = m.end()
        if pos < b:
            out.append((pos, b))
    return out


_DATELINE = re.compile(
    r"([^\n,()\u2013\u2014-]{2,40})((?:,[^\n()\u2013\u2014]{1,30}?)?\s*(?:\([^()\n]{1,30}\))?)\s*(?:--|[-\u2013\u2014])\s"
)


def dateline(text: str, paras: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The dateline opening an early paragraph ("PORT ALDREN (AFP) –", "LONDON, March 4 (Reuters) -"):
    a place in capitals and its agency, who are never the speaker."""
    for a, b in paras[:4]:
        m = _DATELINE.match(text, a, b)
        if m is None or b - m.end() < 60:
            continue
        city = m.group(1).strip()
        if city == city.upper() and sum(c.isalpha() for c in city) >= 3:
            return a, m.end()
    return None


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines set in Title Case (headlines, section heads): there every word is capitalised, so a
    capital is no sign of a name. A line counts when it has 3+ words of 4+ letters, all capitalised,
    and does not end like a sentence (a lede full of names ends with a full stop)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        long_words = [w for w in _WORD.findall(line) if len(w) >= 4]
        ends = line.rstrip().rstrip("\"'\u201d\u2019)")
        if len(long_words) >= 3 and all(w[0].isupper() for w in long_words) and not ends.endswith((".", ":", ";")):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_BYLINE = re.compile(r"[ \t]*By[ \t]+([A-Z][^\W\d_]*\.?(?:[ \t]+[A-Z][\w.'\u2019-]*){1,3})[ \t]*$", re.M)


def byline(text: str, paras: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The writer's name in a "By Name" line among the first paragraphs: who "I" is in an attribution."""
    for a, b in paras[:4]:
        m = _BYLINE.match(text, a, b)
        if m is not None and m.end() == b:
            return m.span(1)
    return None
