"""The claim families' cue matches, in exactly the order one spaCy ``Matcher`` holding them all returns them.

One Matcher with every family's ~200 patterns tries each pattern at each token (30 ms for a 500-word article
on a slow core). The fixed word sequences (the families' ``lemmas``, three quarters of the patterns) are found
here through an index of their first words; only the ~35 patterns with gaps and alternatives go to a spaCy
Matcher. The two are merged in the order the one Matcher emits (``raw_hits`` breaks ties by that order):

* a match is emitted at its last token; at one token, in the order of the Matcher's states, which is the order
  in which the states were made: a state is made fresh at the token where its pattern starts (in pattern
  order), or as a child, after every fresh one, at a token an optional (``?``/``*``) part consumes;
* so a fixed sequence from ``s`` to ``e`` sorts as ``(e, s, fresh, pattern)``; a pattern match as
  ``(e, s, fresh, pattern)`` if no optional part consumed a token, else as ``(e, c, child)`` with ``c`` the
  last token an optional part consumed (the optional parts are one run, so ``c`` is the token before the
  parts after it);
* identical (family, start, end) matches are kept once, the first, as the Matcher does.

Patterns this reasoning does not cover (an optional first or last part, optional parts apart, ``+``,
``{n,m}``) make the whole set go through the one Matcher, as before. ``tests/test_cue_matcher.py`` checks both ways give the same list.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from spacy.attrs import LEMMA, LOWER
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


class CueMatcher:
    """``matcher(doc) -> [(family, start, end)]``: what ``Matcher`` with ``families`` (name -> patterns, added
    in that order) returns for ``doc``, as (family name, start, end) in the same order."""

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
                index += 1

    def reference_matcher(self) -> Matcher:
        """The one Matcher holding every family's patterns (what this class stands in for)."""
        matcher = Matcher(self.vocab)
        for name, pats in self.families:
            matcher.add(name, pats)
        return matcher

    def reference(self, doc: Doc) -> list[Match]:
        """The one Matcher's matches (what ``__call__`` returns, found the slow way)."""
        if self._reference is None:
            self._reference = self.reference_matcher()
        return [(self.vocab.strings[k], s, e) for k, s, e in self._reference(doc)]

    def __call__(self, doc: Doc) -> list[Match]:
        if not self.split:
            return self.reference(doc)
        return _unique(heapq.merge(self._fixed_matches(doc), self._pattern_matches(doc), key=lambda m: m[0]))

    def _fixed_matches(self, doc: Doc) -> list[tuple[tuple, Match]]:
        if not self.first or not len(doc):
            return []
        rows = doc.to_array([LEMMA, LOWER]).tolist()  # what the Matcher compares: token.lemma, token.lower
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

    def _pattern_matches(self, doc: Doc) -> list[tuple[tuple, Match]]:
        out = []
        if not self.key_of:
            return out
        for key, s, e in self.rest(doc):
            index, name, single, after = self.key_of[key]
            # the optional run took tokens: the state that matched was made at the last of them, e - 1 - after
            order = (e - 1, e - 1 - after, 1, 0) if e - s > single else (e - 1, s, 0, index)
            out.append((order, (name, s, e)))
        return out


def _unique(ordered) -> list[Match]:
    seen: set[Match] = set()
    out = []
    for _, m in ordered:
        if m not in seen:
            seen.add(m)
            out.append(m)
    return out
