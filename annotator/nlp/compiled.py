"""spaCy's attribute ruler and lemmatizer, compiled: the same result, without a Python or Matcher pass per token.

The lemmatizer: see ``CompiledLemmatizer``. The attribute ruler:

A trained English pipeline's ``attribute_ruler`` maps tags to parts of speech and morphology with some 180
patterns; spaCy runs them all through its Matcher on every token, about an eighth of the default pipeline's
time. Whether a token satisfies one token's pattern depends only on the token's values of the attributes the
patterns test (``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE``, ...), so those values, read with ``Doc.to_array``,
are the key of a cache: a key seen before costs one dictionary lookup, a new one is tested against the
patterns filed under its values (each pattern under the value set of one attribute it requires) and those
filed under none (a regular expression only). Patterns of several tokens are tested the same way, token by
token, from the tokens where their first one matched. Patterns with operators (``OP``), comparisons or other
attributes stay in a Matcher of their own. All matches are then applied in spaCy's order (by the pattern's
number, then position), so that a later pattern wins as it does in spaCy, with the ruler's own normalised
values. ``use_compiled_ruler`` leaves a ruler alone when it sets anything but POS, TAG, MORPH, LEMMA and DEP
(extension attributes, lexical attributes). ``tests/nlp/test_compiled.py`` checks it token for token
against spaCy's ruler.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# token attributes a compiled pattern may test: read with Doc.to_array, compared as spaCy's Matcher does
TESTED = ("ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "ENT_TYPE", "IS_SPACE", "IS_PUNCT", "IS_ALPHA",
          "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "LIKE_NUM")
BOOLEAN = {name for name in TESTED if name.startswith(("IS_", "LIKE_"))}
WRITTEN = (POS, TAG, MORPH, LEMMA, DEP)  # the attributes a compiled ruler may set (all per token)
CACHE_LIMIT = 200_000  # keys kept between documents


class Spec:
    """One token of a pattern: tests on columns of the key (membership, exclusion, a regular expression)."""

    __slots__ = ("tests",)

    def __init__(self, tests: list[tuple[int, str, object]]) -> None:
        self.tests = tests

    def matches(self, key: tuple, strings) -> bool:
        for col, kind, data in self.tests:
            value = key[col]
            if kind == "in":
                if value not in data:  # type: ignore[operator]
                    return False
            elif kind == "not_in":
                if value in data:  # type: ignore[operator]
                    return False
            elif data.search(strings[value] if value else "") is None:  # type: ignore[attr-defined]
                return False
        return True


class CompiledRuler:
    """Callable on a Doc with the effect of ``ruler(doc)`` for the ruler it was compiled from."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.rest = Matcher(ruler.vocab, validate=False)
        raw: list[tuple[int, list[dict]]] = []
        for number, group in enumerate(ruler.patterns):
            for pattern in group["patterns"]:
                if pattern and all(_compilable(spec) for spec in pattern):
                    raw.append((number, pattern))
                else:
                    self.rest.add(str(number), [pattern])
        names = sorted({key.upper() for _, pattern in raw for spec in pattern for key in spec}) or ["ORTH"]
        self.columns = [IDS[name] for name in names]
        position = {name: i for i, name in enumerate(names)}
        self.patterns: list[tuple[int, list[Spec]]] = []  # (pattern number, its tokens)
        self.firsts: dict[tuple[int, int], list[int]] = {}  # (column, value) -> patterns whose first token requires it
        self.unfiled: list[int] = []  # patterns whose first token requires no value (a regex only, exclusions)
        for number, pattern in raw:
            specs = [_spec(ruler.vocab, spec, position) for spec in pattern]
            p = len(self.patterns)
            self.patterns.append((number, [s for s, _ in specs]))
            filed = specs[0][1]
            if filed is None:
                self.unfiled.append(p)
            else:
                col, values = filed
                for value in values:
                    self.firsts.setdefault((col, value), []).append(p)
        self.cache: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.where = {attr: i for i, attr in enumerate(WRITTEN)}

    def _starts(self, key: tuple) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(numbers of the one-token patterns this key matches, the longer patterns its first token matches)."""
        candidates = set(self.unfiled)
        for col, value in enumerate(key):
            candidates.update(self.firsts.get((col, value), ()))
        single, longer = [], []
        for p in sorted(candidates):
            number, specs = self.patterns[p]
            if specs[0].matches(key, self.strings):
                if len(specs) == 1:
                    single.append(number)
                else:
                    longer.append(p)
        return tuple(single), tuple(longer)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        table = doc.to_array(self.columns)
        keys = [tuple(row) for row in table.tolist()] if table.ndim == 2 else [(v,) for v in table.tolist()]
        cache = self.cache
        if len(cache) > CACHE_LIMIT:
            cache.clear()
        starts = []
        for key in keys:
            found = cache.get(key)
            if found is None:
                found = cache[key] = self._starts(key)
            starts.append(found)
        extra: dict[int, list[int]] = {}  # target token -> numbers of longer patterns matched over it
        for i, (_single, longer) in enumerate(starts):
            for p in longer:
                number, specs = self.patterns[p]
                end = i + len(specs)
                if end <= n and all(spec.matches(keys[i + j], self.strings) for j, spec in enumerate(specs[1:], 1)):
                    extra.setdefault(range(i, end)[self.indices[number]], []).append(number)
        if len(self.rest):
            for match_id, start, end in self.rest(doc, allow_missing=True):
                number = int(self.strings[match_id])
                extra.setdefault(range(start, end)[self.indices[number]], []).append(number)
        before = doc.to_array(list(WRITTEN)).tolist()
        columns = [list(col) for col in zip(*before, strict=True)]
        changed = [False] * len(WRITTEN)
        attrs, where = self.attrs, self.where
        for i, (single, _longer) in enumerate(starts):
            numbers = sorted(single + tuple(extra[i])) if i in extra else single
            for number in numbers:
                for attr, value in attrs[number].items():
                    col = where[attr]
                    if columns[col][i] != value:
                        columns[col][i] = value
                        changed[col] = True
        wanted = [c for c in range(len(WRITTEN)) if changed[c]]
        if wanted:
            doc.from_array([WRITTEN[c] for c in wanted], numpy.array([columns[c] for c in wanted], dtype="uint64").T)
        return doc


def _compilable(spec: dict) -> bool:
    for key, value in spec.items():
        if key.upper() not in TESTED:
            return False
        if isinstance(value, dict):
            if len(value) != 1:
                return False
            op, items = next(iter(value.items()))
            if op in ("IN", "NOT_IN"):
                if not isinstance(items, list | tuple) or not all(isinstance(v, str | bool | int) for v in items):
                    return False
            elif op != "REGEX" or not isinstance(items, str) or key.upper() in BOOLEAN:
                return False
        elif not isinstance(value, str | bool | int):
            return False
    return True


def _spec(vocab, spec: dict, position: dict[str, int]) -> tuple[Spec, tuple[int, set] | None]:
    """The token's tests, and the (column, values) one of its requirements files it under (None: none)."""
    tests: list[tuple[int, str, object]] = []
    required: list[tuple[int, set]] = []
    for key, value in spec.items():
        name = key.upper()
        col = position[name]
        if isinstance(value, dict):
            op, items = next(iter(value.items()))
            if op == "REGEX":
                tests.append((col, "regex", re.compile(items)))
                continue
            codes = {_code(vocab, name, v) for v in items}
            tests.append((col, "in" if op == "IN" else "not_in", codes))
            if op == "IN":
                required.append((col, codes))
        else:
            codes = {_code(vocab, name, value)}
            tests.append((col, "in", codes))
            required.append((col, codes))
    filed = min(required, key=lambda r: len(r[1])) if required else None
    return Spec(tests), filed


def _code(vocab, name: str, value) -> int:
    """The value as Doc.to_array gives it: 0/1 for flags, else the string's hash (0 for the empty string)."""
    if name in BOOLEAN:
        return int(bool(value))
    if not isinstance(value, str):
        return int(value)
    return vocab.strings[value] if value else 0


@Language.factory("annotator_compiled_attribute_ruler")
def _make(nlp: Language, name: str) -> Compiled:
    return Compiled()


class Compiled:
    """The pipeline component: the compiled ruler ``use_compiled_ruler`` gives it (a no-op before that)."""

    def __init__(self) -> None:
        self.ruler: CompiledRuler | None = None

    def __call__(self, doc: Doc) -> Doc:
        return doc if self.ruler is None else self.ruler(doc)


def compile_ruler(ruler: AttributeRuler) -> CompiledRuler | None:
    """The compiled twin of ``ruler``, or None when it sets something a compiled ruler does not."""
    if any(not set(attrs) <= set(WRITTEN) for attrs in ruler.attrs):
        return None
    return CompiledRuler(ruler)


def use_compiled_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap ``nlp``'s attribute ruler for its compiled twin (same name, same place); False if left as it was."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    compiled = compile_ruler(ruler)
    if compiled is None:
        return False
    nlp.replace_pipe(name, "annotator_compiled_attribute_ruler").ruler = compiled
    return True


class CompiledLemmatizer:
    """spaCy's rule (or lookup) lemmatizer with its per-token Python call replaced by a lookup: a lemma is a
    function of the token's text, part of speech and morphology (all its rules read), so each such triple is
    lemmatized once by spaCy's own code and its lemma reused; tokens that already have one keep it (unless
    the lemmatizer overwrites)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        lem = self.lemmatizer
        if not lem._validated:
            lem._validate_tables(Errors.E1004)
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        if len(self.cache) > CACHE_LIMIT:
            self.cache.clear()
        cache, strings, overwrite = self.cache, doc.vocab.strings, lem.overwrite
        lemmas, changed = [], False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = cache.get(key)
                if found is None:
                    found = cache[key] = strings.add(lem.lemmatize(doc[i])[0])
                changed = changed or found != lemma
                lemma = found
            lemmas.append(lemma)
        if changed:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))
        return doc


@Language.factory("annotator_compiled_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> CompiledLemmas:
    return CompiledLemmas()


class CompiledLemmas:
    """The pipeline component: the compiled lemmatizer ``use_compiled_lemmatizer`` gives it (a no-op before)."""

    def __init__(self) -> None:
        self.lemmatizer: CompiledLemmatizer | None = None

    def __call__(self, doc: Doc) -> Doc:
        return doc if self.lemmatizer is None else self.lemmatizer(doc)


def use_compiled_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Swap ``nlp``'s lemmatizer for its compiled twin when it is spaCy's own rule or lookup lemmatizer (or
    its English subclass, which only changes the base-form test); False if left as it was."""
    if name not in nlp.pipe_names:
        return False
    lem = nlp.get_pipe(name)
    if type(lem) not in (Lemmatizer, EnglishLemmatizer) or lem.mode not in ("rule", "lookup"):
        return False
    nlp.replace_pipe(name, "annotator_compiled_lemmatizer").lemmatizer = CompiledLemmatizer(lem)
    return True
