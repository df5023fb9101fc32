"""What the article view's keys mean, as plain functions over code point offsets (no Qt).

The view converts Qt positions to code points once, then asks these which span, quote or word is meant.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from annotator.domain import Mention, Quote, Span

QUOTE_MARKS = '“”"‘’«»„‚‹›'
SPEAKER_LABELS = ("PERSON", "ORG")


def strip_range(text: str, start: int, end: int, extra: str = "") -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace (and the characters in ``extra``) at both ends."""
    while start < end and (text[start].isspace() or text[start] in extra):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in extra):
        end -= 1
    return start, end


def _inside(start: int, end: int, cp: int) -> bool:
    return start <= cp < end


def _at(items: Iterable, cp: int):
    """The item covering the character after ``cp``, else the one ending just before it."""
    items = list(items)
    for item in items:
        if _inside(item.start, item.end, cp):
            return item
    for item in items:
        if item.end == cp:
            return item
    return None


def span_at(spans: Sequence[Span], cp: int) -> Span | None:
    """The span the cursor at ``cp`` is in (or right after)."""
    return _at(spans, cp)


def quote_at(quotes: Sequence[Quote], cp: int) -> Quote | None:
    """The quote the cursor at ``cp`` is in (or right after)."""
    return _at(quotes, cp)


def overlapping(items: Iterable, start: int, end: int) -> list:
    """Spans or quotes sharing at least one character with ``[start, end)``."""
    return [i for i in items if i.start < end and start < i.end]


def quotes_by_speaker(quotes: Sequence[Quote], cp: int) -> list[Quote]:
    """Quotes whose speaker mention the cursor at ``cp`` is on."""
    return [q for q in quotes if q.speaker is not None and q.speaker.start <= cp <= q.speaker.end]


def _wordish(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in "LMN" or ch in "_-'’"


def word_at(text: str, cp: int) -> tuple[int, int] | None:
    """The word (letters, marks, digits, inner hyphens/apostrophes) at or just before ``cp``."""
    if 0 <= cp < len(text) and _wordish(text[cp]):
        pos = cp
    elif 0 < cp <= len(text) and _wordish(text[cp - 1]):
        pos = cp - 1
    else:
        return None
    start, end = pos, pos + 1
    while start > 0 and _wordish(text[start - 1]):
        start -= 1
    while end < len(text) and _wordish(text[end]):
        end += 1
    start, end = strip_range(text, start, end, "-'’_")
    return (start, end) if start < end else None


def speaker_at(text: str, spans: Sequence[Span], cp: int) -> Mention | None:
    """A click at ``cp`` means the entity span under it, else the word under it."""
    span = span_at(spans, cp)
    if span is not None:
        return Mention(span.start, span.end)
    word = word_at(text, cp)
    return Mention(*word) if word else None


def speaker_choices(text: str, spans: Sequence[Span], quote: Quote) -> list[tuple[str, Mention]]:
    """Distinct PERSON/ORG names in the text, each with its mention nearest to ``quote``."""
    best: dict[str, tuple[int, Mention]] = {}
    for s in spans:
        if s.label not in SPEAKER_LABELS:
            continue
        name = " ".join(text[s.start : s.end].split())
        distance = max(quote.start - s.end, s.start - quote.end, 0)
        if name not in best or distance < best[name][0]:
            best[name] = (distance, Mention(s.start, s.end))
    return sorted(((name, m) for name, (_, m) in best.items()), key=lambda item: item[0].casefold())


def mention_text(text: str, mention: Mention | None) -> str:
    return " ".join(text[mention.start : mention.end].split()) if mention else ""


def shorten(words: str, limit: int = 60) -> str:
    words = " ".join(words.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"
