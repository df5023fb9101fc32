"""What spaCy rebuilds over every token on each access, made once per Doc: its tokens, text, entities and
sentences, and the tokens whose word passes a test (each distinct word tested once)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc, Span, Token

TEXT = "annotator.text"  # doc.user_data key: the text the Doc was parsed from, when the caller has it


@lru_cache(maxsize=8)
def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens, made once per document: spaCy makes a new Token on every ``doc[i]`` and for every word
    of ``for t in doc`` or ``for t in span``. Never changed by its callers; not for a Doc being retokenized."""
    return list(doc)


def tokens_in(span: Span) -> list[Token]:
    """``list(span)``, sliced from the Doc's tokens made once."""
    return tokens(span.doc)[span.start : span.end]


@lru_cache(maxsize=8)
def head_indices(doc: Doc) -> list[int]:
    """Each token's ``head.i``, read once per document from the Doc's head column (``token.head`` makes a new
    Token on each access)."""
    return (doc.to_array(HEAD).astype(numpy.int64) + numpy.arange(len(doc))).tolist()


@lru_cache(maxsize=8)
def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per document (spaCy joins every token's text on each access), or not at all
    when the parser's caller left the text it parsed in ``doc.user_data[TEXT]`` (``keep_text``)."""
    return doc.user_data.get(TEXT) or doc.text


def keep_text(doc: Doc, text: str) -> Doc:
    """Leave ``text``, the string ``doc`` was parsed from (spaCy's ``doc.text`` is that same string), on the Doc
    for ``text_of``: about 4 ms a news article, 3% of its parse."""
    doc.user_data[TEXT] = text
    return doc


@lru_cache(maxsize=8)
def ents(doc: Doc) -> tuple:
    """``doc.ents``, made once per document (spaCy builds the tuple anew, over every token, on each access)."""
    return tuple(doc.ents)


@lru_cache(maxsize=8)
def _ent_starts(doc: Doc) -> list[int]:
    return [e.start for e in ents(doc)]


def ents_within(span: Span) -> list:
    """``span.ents`` (the entities wholly inside it, in order) from the Doc's entities made once: spaCy's builds
    every entity of the Doc anew for each span it is asked of."""
    doc, start, end = span.doc, span.start, span.end
    found = ents(doc)
    out = []
    for i in range(bisect_left(_ent_starts(doc), start), len(found)):
        e = found[i]
        if e.end > end:
            break
        out.append(e)
    return out


def span_text(span: Span) -> str:
    """``span.text``, sliced from the Doc's text instead of joined from a Token per word."""
    return text_of(span.doc)[span.start_char : span.end_char]


def text_between(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, sliced from the Doc's text without making the Span or a Token per word."""
    if not 0 <= start < end <= len(doc):
        return doc[start:end].text
    toks = tokens(doc)
    last = toks[end - 1]
    return text_of(doc)[toks[start].idx : last.idx + len(last)]


@lru_cache(maxsize=8)
def sentences(doc: Doc) -> tuple:
    """``doc.sents``, made once per document."""
    return tuple(doc.sents)


@lru_cache(maxsize=8)
def _sentence_starts(doc: Doc) -> list[int]:
    return [s.start for s in sentences(doc)]


def sent_of(tok: Token) -> Span:
    """``tok.sent``, from the Doc's sentences made once (spaCy's asks ``doc.has_annotation`` first, which reads
    every token of the Doc, some 20 µs an article on each access); the same ValueError on a Doc without them."""
    return sentences(tok.doc)[bisect_right(_sentence_starts(tok.doc), tok.i) - 1]


@lru_cache(maxsize=8)
def words(doc: Doc) -> tuple[list[str], list[str], list[str], list[str]]:
    """Each token's ``lower_``, ``lemma_.lower()``, ``pos_`` and ``dep_``, read once per document from its
    columns (each distinct string looked up once): the strings a rule tests token by token, without asking
    spaCy's string store again on every read."""
    if not len(doc):
        return [], [], [], []
    strings = doc.vocab.strings
    lowers, lemmas, pos, dep = doc.to_array([LOWER, LEMMA, POS, DEP]).T.tolist()
    text = {h: strings[h] for h in {*lowers, *pos, *dep}}  # each distinct string looked up once
    lemma = {h: strings[h].lower() for h in set(lemmas)}
    return [text[h] for h in lowers], [lemma[h] for h in lemmas], [text[h] for h in pos], [text[h] for h in dep]


@lru_cache(maxsize=8)
def by_lower(doc: Doc) -> dict[str, tuple[int, ...]]:
    """Each lowercase word of the document with the indices of its tokens, made once per document."""
    index: dict[int, list[int]] = {}
    for i, h in enumerate(_column(doc, LOWER)):  # (the words' hashes, not a Token per word)
        index.setdefault(h, []).append(i)
    strings = doc.vocab.strings
    return {strings[h]: tuple(ix) for h, ix in index.items()}


@lru_cache(maxsize=8)
def _column(doc: Doc, attr: int) -> tuple[int, ...]:
    return tuple(doc.to_array([attr]).reshape(-1).tolist())


def where_lower(doc: Doc, keep: Callable[[str], bool]) -> list[int]:
    """The indices of the tokens whose ``lower_`` passes ``keep``, in order."""
    strings, tested = doc.vocab.strings, {}
    out = []
    for i, h in enumerate(_column(doc, LOWER)):
        ok = tested.get(h)
        if ok is None:
            ok = tested[h] = keep(strings[h])
        if ok:
            out.append(i)
    return out


def where_text(doc: Doc, text: str) -> list[int]:
    """The indices of the tokens whose text is ``text``, in order."""
    return _where(doc, ORTH, text, lambda i: doc[i].text)


def where_lower_is(doc: Doc, word: str) -> list[int]:
    """The indices of the tokens whose ``lower_`` is ``word``, in order."""
    return _where(doc, LOWER, word, lambda i: doc[i].lower_)


def _where(doc: Doc, attr: int, value: str, read: Callable[[int], str]) -> list[int]:
    if value not in doc.vocab.strings:  # no token has it
        return []
    h = doc.vocab.strings[value]
    return [i for i, x in enumerate(_column(doc, attr)) if x == h and read(i) == value]
