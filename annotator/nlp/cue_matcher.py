"""The claim families' cue matches within a sentence, in exactly the order one spaCy ``Matcher`` holding them
all returns them.

One Matcher with every family's ~200 patterns tries each pattern at each token (30 ms for a 500-word article
on a slow core). Here the fixed word sequences (the families' ``lemmas``, 170 of the patterns) are found
through an index of their first words, and the ~25 patterns with gaps and alternatives go to a spaCy Matcher
that runs only over the sentences holding every word such a pattern needs (a third of the text). A Matcher
run over a stretch of the Doc finds the matches inside it in the order the run over the whole Doc emits them
(no pattern ends in an optional part, so none is cut short at the stretch's end); only matches within one
sentence are kept, as ``raw_hits`` keeps only those. The two lists are merged in the one Matcher's order
(``raw_hits`` breaks ties by that order):

* a match is emitted at its last token; at one token, in the order of the Matcher's states, which is the order
  in which the states were made: a state is made fresh at the token where its pattern starts (in pattern
  order), or as a child, after every fresh one, at a token an optional (``?``/``*``) part consumes;
* so a fixed sequence from ``s`` to ``e`` sorts as ``(e, s, fresh, pattern)``; a pattern match as
  ``(e, s, fresh, pattern)`` if no optional part consumed a token, else as ``(e, c, child)`` with ``c`` the
  last token an optional part consumed (the optional parts are one run, so ``c`` is the token before the
  parts after it);
* identical (family, start, end) matches are kept once, the first, as the Matcher does.

Patterns this reasoning does not cover (an optional first or last part, optional parts apart, ``+``,
``{n,m}``) make the whole set go through the one Matcher, as before. ``tests/test_cue_matcher.py`` checks both
ways give the same list.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from spacy.attrs import LEMMA, LOWER, SENT_START
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

Pattern = list[dict]
Match = tuple[str, int, int]  # family name, start token, end token
_COLUMNS = {"LEMMA": 0, "LOWER": 1}
_OPTIONAL = ("?", "*")


def _fixed(pattern: Pattern) -> tuple[tuple[int, str], ...] | None:
    """``((column, word), ...)`` for a pattern of plain words, one LEMMA or LOWER test a token, else None."""
    out = []
    for tok in pattern:
        if len(tok) != 1:
            return None
        (attr, value), = tok.items()
        if attr not in _COLUMNS or not isinstance(value, str):
            return None
        out.append((_COLUMNS[attr], value))
    return tuple(out) or None


def _ops(pattern: Pattern) -> list[str | None]:
    return [next((v for k, v in tok.items() if k.upper() == "OP"), None) for tok in pattern]


def _shape(pattern: Pattern) -> tuple[int, int] | None:
    """``(parts that consume exactly one token, parts after the optional ones)`` for a pattern whose optional
    parts (``?``, ``*``) form one run in the middle and whose other operators are ``!`` and ``1``; else None."""
    ops = _ops(pattern)
    if not ops or not all(op in (None, "?", "*", "!", "1") for op in ops):
        return None
    optional = [i for i, op in enumerate(ops) if op in _OPTIONAL]
    if not optional:
        return len(ops), 0
    first, last = optional[0], optional[-1]
    if first == 0 or last == len(ops) - 1 or last - first + 1 != len(optional):
        return None
    return len(ops) - len(optional), len(ops) - 1 - last


def _needs(pattern: Pattern, strings) -> list[tuple[int, frozenset[int]]]:
    """What a sentence must hold for ``pattern`` to match in it: for each part that consumes a token and
    tests LEMMA or LOWER, ``(column, hashes)``, one of which some token there has."""
    out = []
    for tok, op in zip(pattern, _ops(pattern), strict=True):
        if op in ("?", "*", "!"):
            continue
        for attr, value in tok.items():
            if attr not in _COLUMNS:
                continue
            if isinstance(value, str):
                out.append((_COLUMNS[attr], frozenset([strings.add(value)])))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                out.append((_COLUMNS[attr], frozenset(strings.add(v) for v in value["IN"])))
    return out


class CueMatcher:
    """``matcher(doc) -> [(family, start, end)]``: the matches of ``Matcher`` with ``families`` (name ->
    patterns, added in that order) that lie within one sentence (all, in a Doc without sentences), as (family
    name, start, end) in the Matcher's order."""

    def __init__(self, vocab: Vocab, families: Sequence[tuple[str, list[Pattern]]]) -> None:
        self.vocab = vocab
        self.families = [(name, list(pats)) for name, pats in families]
        self._reference: Matcher | None = None
        every = [p for _, pats in self.families for p in pats]
        self.split = all(_fixed(p) is not None or _shape(p) is not None for p in every)
        if not self.split:
            return
        strings = vocab.strings
        # first word (column, hash) -> [(pattern index, family, ((column, hash), ...))]
        self.first: dict[tuple[int, int], list[tuple[int, str, tuple[tuple[int, int], ...]]]] = {}
        self.rest = Matcher(vocab)
        self.key_of: dict[int, tuple[int, str, int, int]] = {}  # Matcher key -> (index, family, shape)
        self.needs: list[list[tuple[int, frozenset[int]]]] = []  # of each pattern the Matcher holds
        index = 0
        for name, pats in self.families:
            for p in pats:
                fixed = _fixed(p)
                if fixed is not None:
                    words = tuple((col, strings.add(w)) for col, w in fixed)
                    self.first.setdefault(words[0], []).append((index, name, words))
                else:
                    key = strings.add(f"annotator-cue {name} {index}")
                    self.key_of[key] = (index, name, *_shape(p))  # type: ignore[misc]
                    self.rest.add(key, [p])
                    self.needs.append(_needs(p, strings))
                index += 1

    def reference_matcher(self) -> Matcher:
        """The one Matcher holding every family's patterns (what this class stands in for)."""
        matcher = Matcher(self.vocab)
        for name, pats in self.families:
            matcher.add(name, pats)
        return matcher

    def reference(self, doc: Doc) -> list[Match]:
        """The one Matcher's matches within a sentence (what ``__call__`` returns, found the slow way)."""
        if self._reference is None:
            self._reference = self.reference_matcher()
        sentence = _sentences(doc)
        return [(self.vocab.strings[k], s, e) for k, s, e in self._reference(doc)
                if sentence is None or sentence[s] == sentence[e - 1]]

    def __call__(self, doc: Doc) -> list[Match]:
        if not self.split:
            return self.reference(doc)
        if not len(doc):
            return []
        rows = doc.to_array([LEMMA, LOWER]).tolist()  # what the Matcher compares: token.lemma, token.lower
        sentence = _sentences(doc)
        found = _unique(heapq.merge(self._fixed_matches(rows), self._pattern_matches(doc, rows, sentence),
                                    key=lambda m: m[0]))
        return found if sentence is None else [m for m in found if sentence[m[1]] == sentence[m[2] - 1]]

    def _fixed_matches(self, rows: list[list[int]]) -> list[tuple[tuple, Match]]:
        n = len(rows)
        found = []
        first = self.first
        for s, row in enumerate(rows):
            for col in (0, 1):
                for index, name, words in first.get((col, row[col]), ()):
                    e = s + len(words)
                    if e <= n and all(rows[s + k][c] == h for k, (c, h) in enumerate(words)):
                        found.append(((e - 1, s, 0, index), (name, s, e)))
        found.sort(key=lambda m: m[0])
        return found

    def _regions(self, rows: list[list[int]], sentence: list[int] | None) -> list[tuple[int, int]]:
        """The runs of sentences where some pattern of the Matcher finds every word it needs."""
        if sentence is None:
            return [(0, len(rows))]
        out: list[tuple[int, int]] = []
        start = 0
        for end in range(1, len(rows) + 1):
            if end < len(rows) and sentence[end] == sentence[start]:
                continue
            words = ({r[0] for r in rows[start:end]}, {r[1] for r in rows[start:end]})
            if any(all(not words[col].isdisjoint(hashes) for col, hashes in need) for need in self.needs):
                if out and out[-1][1] == start:
                    out[-1] = (out[-1][0], end)
                else:
                    out.append((start, end))
            start = end
        return out

    def _pattern_matches(self, doc: Doc, rows: list[list[int]], sentence: list[int] | None
                         ) -> list[tuple[tuple, Match]]:
        out = []
        if not self.key_of:
            return out
        for lo, hi in self._regions(rows, sentence):
            for key, s, e in self.rest(doc[lo:hi]):  # (offsets in the span)
                s, e = s + lo, e + lo
                index, name, single, after = self.key_of[key]
                # the optional run took tokens: the state that matched was made at the last, e - 1 - after
                order = (e - 1, e - 1 - after, 1, 0) if e - s > single else (e - 1, s, 0, index)
                out.append((order, (name, s, e)))
        return out


def _sentences(doc: Doc) -> list[int] | None:
    """Each token's sentence number, as ``Token.sent`` finds sentences; None for a Doc without them (or
    whose sentences come from a hook)."""
    if not doc.has_annotation("SENT_START") or "sents" in doc.user_hooks or "sent" in doc.user_span_hooks:
        return None
    out, n = [], 0
    for i, (start,) in enumerate(doc.to_array([SENT_START]).reshape(-1, 1).tolist()):
        n += start == 1 and i > 0
        out.append(n)
    return out


def _unique(ordered) -> list[Match]:
    seen: set[Match] = set()
    out = []
    for _, m in ordered:
        if m not in seen:
            seen.add(m)
            out.append(m)
    return out
