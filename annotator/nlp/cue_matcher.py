"""The claim families' cue matches within a sentence, in exactly the order one spaCy ``Matcher`` holding them
all returns them.

One Matcher with every family's ~200 patterns tries each pattern at each token (30 ms for a 500-word article
on a slow core). Here the fixed word sequences (the families' ``lemmas``, 170 of the patterns) are found
through an index of their first words, and each sentence goes through a spaCy Matcher holding only those of
the ~40 patterns with gaps and alternatives whose every needed word it holds (a Matcher is kept for each such
set). A Matcher run over a stretch of the Doc finds the matches inside it in the order the run over the whole
Doc emits them (no pattern ends in an optional part, so none is cut short at the stretch's end), and one
holding some of the patterns emits their matches in the order one holding all of them does where the others
cannot match; only matches within one sentence are kept, as ``raw_hits`` keeps only those. The two lists are
merged in the one Matcher's order (``raw_hits`` breaks ties by that order):

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
from itertools import accumulate

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
        # the other patterns: (pattern, Matcher key, pattern index, family, parts of one token, parts after the
        # optional run, what a sentence must hold for it to match there)
        self.rest: list[tuple[Pattern, int, int, str, int, int, list[tuple[int, frozenset[int]]]]] = []
        self._matchers: dict[tuple[int, ...], Matcher] = {}  # a Matcher for each set of them a sentence needs
        index = 0
        for name, pats in self.families:
            for p in pats:
                fixed = _fixed(p)
                if fixed is not None:
                    words = tuple((col, strings.add(w)) for col, w in fixed)
                    self.first.setdefault(words[0], []).append((index, name, words))
                else:
                    key = strings.add(f"annotator-cue {name} {index}")
                    self.rest.append((p, key, index, name, *_shape(p), _needs(p, strings)))  # type: ignore[arg-type]
                index += 1
        # the words some pattern needs, as (lemma hashes, lower hashes)
        needed: tuple[set[int], set[int]] = (set(), set())
        for *_, need in self.rest:
            for col, hashes in need:
                needed[col].update(hashes)
        self.needed = needed
        self.key_of = {key: (index, name, single, after) for _, key, index, name, single, after, _ in self.rest}

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

    def _sentence_index(self, rows: list[list[int]], sentence: list[int] | None
                        ) -> tuple[list[tuple[int, int]], dict[tuple[int, int], set[int]]]:
        """The sentences' ``(start, end)`` (the whole Doc as one without sentences) and, for each word a
        pattern needs, ``(column, hash)``, the sentences that hold it."""
        n = len(rows)
        if sentence is None:
            sentence = [0] * n
            starts = [0]
        else:
            starts = [0] + [i for i in range(1, n) if sentence[i] != sentence[i - 1]]
        bounds = list(zip(starts, starts[1:] + [n], strict=True))
        where: dict[tuple[int, int], set[int]] = {}
        lemmas, lowers = self.needed
        for i, (lemma, lower) in enumerate(rows):
            if lemma in lemmas:
                where.setdefault((0, lemma), set()).add(sentence[i])
            if lower in lowers:
                where.setdefault((1, lower), set()).add(sentence[i])
        return bounds, where

    def _matcher(self, which: tuple[int, ...]) -> Matcher:
        """A Matcher holding the patterns ``which`` (positions in ``rest``), in their order. On a sentence where
        the others cannot match it returns what the one Matcher returns there, in its order: states are made
        and kept in pattern order, and a pattern that cannot match makes none that lasts."""
        matcher = self._matchers.get(which)
        if matcher is None:
            if len(self._matchers) > 4096:  # (a bound; texts need few sets)
                self._matchers.clear()
            matcher = self._matchers[which] = Matcher(self.vocab)
            for k in which:
                pattern, key = self.rest[k][:2]
                matcher.add(key, [pattern])
        return matcher

    def _pattern_matches(self, doc: Doc, rows: list[list[int]], sentence: list[int] | None
                         ) -> list[tuple[tuple, Match]]:
        if not self.rest:
            return []
        bounds, where = self._sentence_index(rows, sentence)
        held: list[list[int]] = [[] for _ in bounds]  # of each sentence, the patterns whose words it holds
        for k, (*_, need) in enumerate(self.rest):
            ok: set[int] | None = None
            for col, hashes in need:
                some = set().union(*(where.get((col, h), ()) for h in hashes))
                ok = some if ok is None else ok & some
                if not ok:
                    break
            for n in range(len(bounds)) if ok is None else ok:
                held[n].append(k)
        regions: list[tuple[int, int, tuple[int, ...]]] = []  # runs of sentences that need the same patterns
        for (lo, hi), which in zip(bounds, held, strict=True):
            if not which:
                continue
            if regions and regions[-1][1] == lo and regions[-1][2] == tuple(which):
                regions[-1] = (regions[-1][0], hi, regions[-1][2])
            else:
                regions.append((lo, hi, tuple(which)))
        out = []
        for lo, hi, which in regions:
            for key, s, e in self._matcher(which)(doc[lo:hi]):  # (offsets in the span)
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
    starts = doc.to_array(SENT_START).tolist()
    return list(accumulate((start == 1 for start in starts[1:]), initial=0)) if starts else []


def _unique(ordered) -> list[Match]:
    seen: set[Match] = set()
    out = []
    for _, m in ordered:
        if m not in seen:
            seen.add(m)
            out.append(m)
    return out
