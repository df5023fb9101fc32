"""What the article view's keys mean, as plain functions over code point offsets (no Qt).

The view converts Qt positions to code points once, then asks these which span, quote or word is meant.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from operator import attrgetter, sub

from annotator.domain import Mention, Quote, Span

QUOTE_MARKS = '“”"‘’«»„‚‹›'
SPEAKER_LABELS = ("PERSON", "ORG")


def _edge(ch: str, extra: str) -> bool:
    """White space, a character of ``extra``, or an invisible format character (bidi controls such as U+202E …
    U+202C around a right-to-left name, zero-width spaces, a BOM): nothing a span should begin or end with."""
    return ch.isspace() or ch in extra or unicodedata.category(ch) == "Cf"


def strip_range(text: str, start: int, end: int, extra: str = "") -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace, invisible format characters and the characters in ``extra`` at
    both ends."""
    while start < end and _edge(text[start], extra):
        start += 1
    while end > start and _edge(text[end - 1], extra):
        end -= 1
    return start, end


def _inside(start: int, end: int, cp: int) -> bool:
    return start <= cp < end


_TEXT_ORDER, _START, _END, _ID = attrgetter("start", "end"), attrgetter("start"), attrgetter("end"), attrgetter("id")


class Ordered(list):
    """Annotations in text order (by start, then end) with their starts and ids kept beside them, so the item at
    a cursor is found by bisection and a change costs a bisection and a memmove, not a pass over every item."""

    def __init__(self, items: Iterable = ()) -> None:
        super().__init__(sorted(items, key=_TEXT_ORDER))
        # each column read in C (map, zip): a 2 MB article has 50,000 spans, and this is part of opening it
        self.starts = list(map(_START, self))
        self.by_id = dict(zip(map(_ID, self), self, strict=True))
        self.by_id.pop(None, None)  # items not stored yet have no id
        self.longest = max(map(sub, map(_END, self), self.starts), default=0)  # an upper bound once items go

    def patch(self, gone_ids: Iterable, added: Iterable) -> list:
        """In place: take out the items whose ids are in ``gone_ids``, put ``added`` in their places in text
        order; return the items taken out."""
        removed = []
        for item_id in gone_ids:
            item = self.by_id.pop(item_id, None)
            if item is None:
                continue
            n = bisect_left(self.starts, item.start)
            while n < len(self) and self[n] is not item:
                n += 1
            if n < len(self):
                del self[n], self.starts[n]
                removed.append(item)
        for item in added:
            n = bisect_right(self.starts, item.start)
            while n > 0 and self.starts[n - 1] == item.start and self[n - 1].end > item.end:
                n -= 1
            self.insert(n, item)
            self.starts.insert(n, item.start)
            if item.id is not None:
                self.by_id[item.id] = item
            self.longest = max(self.longest, item.end - item.start)
        return removed


def _window(items: Sequence, cp: int) -> Sequence:
    """The items that can cover or end at ``cp``: found by bisection in an Ordered list (the view's, asked on
    every cursor move); any other sequence is scanned whole."""
    if not isinstance(items, Ordered):
        return items
    return items[bisect_left(items.starts, cp - items.longest) : bisect_right(items.starts, cp)]


def _at(items: Iterable, cp: int, innermost: bool = False):
    """The item covering the character after ``cp``, else the one ending just before it: the first in text
    order, or with ``innermost`` the shortest (the first of those in text order when several are as short)."""
    items = _window(items, cp) if isinstance(items, list) else list(items)  # an Ordered list: only its window
    for here in ([i for i in items if _inside(i.start, i.end, cp)], [i for i in items if i.end == cp]):
        if here:
            return min(here, key=_LENGTH) if innermost else here[0]
    return None


_LENGTH = lambda item: item.end - item.start  # noqa: E731


def span_at(spans: Sequence[Span], cp: int) -> Span | None:
    """The span the cursor at ``cp`` is in (or right after): of several there, the shortest (of nested spans the
    inner one, whose colour the view shows). Every span key asks this (label keys, a, [ ] { }, Delete and x, a
    speaker's click) and so does the status bar's hint, so they all name and act on the same span."""
    return _at(spans, cp, innermost=True)


def quote_at(quotes: Sequence[Quote], cp: int) -> Quote | None:
    """The quote the cursor at ``cp`` is in (or right after)."""
    return _at(quotes, cp)


def overlapping(items: Iterable, start: int, end: int) -> list:
    """Spans or quotes sharing at least one character with ``[start, end)``."""
    if isinstance(items, Ordered):
        items = items[bisect_left(items.starts, start - items.longest) : bisect_right(items.starts, end)]
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
    """One entry per person or organisation (PERSON/ORG spans, "Lukashenko" under "Alexander Lukashenko"),
    each with its mention nearest to ``quote``."""
    best: dict[str, tuple[int, Mention]] = {}
    candidates = [s for s in spans if s.label in SPEAKER_LABELS]
    persons = person_names(text, [Mention(s.start, s.end) for s in candidates])
    for s in candidates:
        name = persons[Mention(s.start, s.end)]
        distance = max(quote.start - s.end, s.start - quote.end, 0)
        if name not in best or distance < best[name][0]:
            best[name] = (distance, Mention(s.start, s.end))
    return sorted(((name, m) for name, (_, m) in best.items()), key=lambda item: item[0].casefold())


def mention_text(text: str, mention: Mention | None) -> str:
    return " ".join(text[mention.start : mention.end].split()) if mention else ""


def shorten(words: str, limit: int = 60) -> str:
    words = " ".join(words.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def snap_to_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words at both ends (a drag from inside "presidential" to inside
    "service" gives "presidential press service"); white space at the ends is dropped."""
    start, end = strip_range(text, start, end)
    if start >= end:
        return start, end
    while start > 0 and _wordish(text[start - 1]) and _wordish(text[start]):
        start -= 1
    while end < len(text) and _wordish(text[end - 1]) and _wordish(text[end]):
        end += 1
    return start, end


def _tokens_near(text: str, start: int, end: int, reach: int = 200) -> list[tuple[int, int]]:
    """Tokens (runs of word characters, or single other non-space characters) around ``[start, end)``."""
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    out, pos = [], lo
    while pos < hi:
        ch = text[pos]
        if ch.isspace():
            pos += 1
        elif _wordish(ch):
            stop = pos
            while stop < len(text) and _wordish(text[stop]):
                stop += 1
            out.append((pos, stop))
            pos = stop
        else:
            out.append((pos, pos + 1))
            pos += 1
    return out


def grow_or_shrink(text: str, start: int, end: int, edge: str, grow: bool) -> tuple[int, int]:
    """``[start, end)`` with its ``edge`` ("left" or "right") moved out (grow) or in (shrink) by one token.

    Never shrinks to nothing and never crosses a line break when growing.
    """
    tokens = _tokens_near(text, start, end)
    inside = [t for t in tokens if start <= t[0] and t[1] <= end]
    if edge == "left":
        if grow:
            before = [t for t in tokens if t[1] <= start and "\n" not in text[t[0] : start]]
            return (before[-1][0], end) if before else (start, end)
        return (inside[1][0], end) if len(inside) > 1 else (start, end)
    if grow:
        after = [t for t in tokens if t[0] >= end and "\n" not in text[end : t[1]]]
        return (start, after[0][1]) if after else (start, end)
    return (start, inside[-2][1]) if len(inside) > 1 else (start, end)


def person_names(text: str, mentions: Sequence[Mention]) -> dict[Mention, str]:
    """One name per person: a mention whose words all occur, in order, in a longer mention's name
    ("Lukashenko" in "Alexander Lukashenko") is listed under that longer name."""
    names = {m: mention_text(text, m) for m in mentions}
    full = sorted(set(names.values()), key=lambda n: (-len(n.split()), n))
    out = {}
    for m, name in names.items():
        words = name.casefold().split()
        out[m] = next(
            (f for f in full if len(f.split()) > len(words) and _ordered_subset(words, f.casefold().split())), name
        )
    return out


def _ordered_subset(words: list[str], longer: list[str]) -> bool:
    it = iter(longer)
    return bool(words) and all(any(w == x for x in it) for w in words)
