"""Lines up several analysts' annotations of one document: units (one annotation per analyst at most, grouped
by overlap) for adjudication and agreement, and the equalities that say whether two versions agree."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from annotator.domain import REJECTED, Claim, Mention, Quote, Span

Annotation = Span | Quote | Claim
KINDS = ("span", "quote", "claim")


@dataclass(frozen=True)
class Coding:
    """One analyst's annotations of one document (only ``kind == "quote"`` quotes count as quotes)."""

    spans: Sequence[Span] = ()
    quotes: Sequence[Quote] = ()
    claims: Sequence[Claim] = ()


@dataclass(frozen=True)
class Unit:
    """One place where analysts' annotations of one kind line up; ``versions`` names every analyst of the
    document (None: did not mark it); ``agreed`` when all of them have equal versions."""

    kind: str
    start: int
    end: int
    versions: Mapping[str, Annotation | None]
    agreed: bool


@dataclass(frozen=True)
class Item:
    """An annotation with what matching needs: its extents, its label, whether it covers the whole text."""

    analyst: str
    index: int
    annotation: Annotation
    extents: tuple[tuple[int, int], ...]
    label: str
    whole: bool  # a claim on the document as a whole: it lines up only with such claims
    start: int  # where the extents begin and end (0 for none)
    end: int


def item(analyst: str, index: int, annotation: Annotation, extents: tuple[tuple[int, int], ...], label: str,
         whole: bool = False) -> Item:
    return Item(analyst, index, annotation, extents, label, whole, min((s for s, _ in extents), default=0),
                max((e for _, e in extents), default=0))


def _extents_of_claim(claim: Claim) -> tuple[tuple[int, int], ...]:
    return tuple((m.start, m.end) for m in (claim.evidence or tuple(claim.parts())))


def items(coding: Coding, analyst: str, kind: str) -> list[Item]:
    """The analyst's annotations of ``kind`` as items; rejected ones and non-quotes are left out."""
    if kind == "span":
        found = [item(analyst, i, s, ((s.start, s.end),), s.label) for i, s in enumerate(coding.spans)
                 if s.state != REJECTED]
    elif kind == "quote":
        found = [item(analyst, i, q, ((q.start, q.end),), "QUOTE") for i, q in enumerate(coding.quotes)
                 if q.state != REJECTED and q.kind == "quote"]
    else:
        found = [item(analyst, i, c, () if c.scope == "document" else _extents_of_claim(c), c.claim_type,
                      c.scope == "document") for i, c in enumerate(coding.claims) if c.state != REJECTED]
    return found


def overlap(a: Item, b: Item) -> int:
    """Characters the two items share (at least 1 for equal extents, even empty ones, and for two claims on the
    whole document, so that they line up)."""
    if a.whole or b.whole:
        return int(a.whole and b.whole)
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.extents for s2, e2 in b.extents)
    return max(shared, int(bool(a.extents) and a.extents == b.extents))


def candidates(group: Sequence[Item], score: Callable[[Item, Item], int] = lambda a, b: 0) -> list[tuple[Item, Item]]:
    """Pairs of items of different analysts that overlap, best first: most shared characters, then the higher
    ``score`` (e.g. equal labels), then text order: the order a greedy one-to-one matching takes them in."""
    ordered = sorted(group, key=lambda it: (not it.whole, it.start, it.end, it.analyst, it.index))
    found: list[tuple[int, int, tuple, Item, Item]] = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if not a.whole and not b.whole and b.start >= max(a.end, a.start + 1):
                break
            if a.analyst != b.analyst and (shared := overlap(a, b)) > 0:
                found.append((shared, score(a, b), (a.start, a.end, b.start, b.end, a.analyst, b.analyst), a, b))
    found.sort(key=lambda f: (-f[0], -f[1], f[2]))
    return [(a, b) for *_, a, b in found]


def match(first: Sequence[Item], second: Sequence[Item]) -> int:
    """How many pairs a greedy one-to-one matching by overlap size makes between two analysts' items."""
    taken: set[int] = set()
    count = 0
    for a, b in candidates([*first, *second]):
        if id(a) not in taken and id(b) not in taken:
            taken.update((id(a), id(b)))
            count += 1
    return count


def group(all_items: Sequence[Item], score: Callable[[Item, Item], int]) -> list[list[Item]]:
    """Items joined greedily along ``candidates`` as long as no group gets two items of one analyst."""
    owner = {id(it): [it] for it in all_items}
    for a, b in candidates(all_items, score):
        ga, gb = owner[id(a)], owner[id(b)]
        if ga is gb or {x.analyst for x in ga} & {x.analyst for x in gb}:
            continue
        ga.extend(gb)
        for it in gb:
            owner[id(it)] = ga
    seen: dict[int, list[Item]] = {id(g): g for g in owner.values()}
    return list(seen.values())


def mention_text(m: Mention | None, text: str) -> str:
    return " ".join(text[m.start : m.end].split()).casefold() if m is not None else ""


def same_mention(a: Mention | None, b: Mention | None, text: str, surname: bool) -> bool:
    """Both None; or overlapping; or equal texts (casefolded); with ``surname``, one the other's last word."""
    if a is None or b is None:
        return a is None and b is None
    if a.start < b.end and b.start < a.end:
        return True
    ta, tb = mention_text(a, text), mention_text(b, text)
    if ta and ta == tb:
        return True
    return surname and bool(ta and tb) and (ta == tb.rsplit(" ", 1)[-1] or tb == ta.rsplit(" ", 1)[-1])


def equal(a: Annotation, b: Annotation, text: str) -> bool:
    """Whether two versions agree: same offsets and label / same offsets and speaker / same type, stance,
    strength and object."""
    if isinstance(a, Span) and isinstance(b, Span):
        return (a.start, a.end, a.label) == (b.start, b.end, b.label)
    if isinstance(a, Quote) and isinstance(b, Quote):
        return (a.start, a.end) == (b.start, b.end) and same_mention(a.speaker, b.speaker, text, surname=True)
    if isinstance(a, Claim) and isinstance(b, Claim):
        return ((a.claim_type, a.stance, a.strength) == (b.claim_type, b.stance, b.strength)
                and same_mention(a.target, b.target, text, surname=False))
    return False


def _same_label(a: Item, b: Item) -> int:
    return int(a.label == b.label)


def kind_units(by_analyst: Mapping[str, Coding], text: str, kind: str) -> list[Unit]:
    """The units of one kind, in text order."""
    return align({name: items(coding, name, kind) for name, coding in by_analyst.items()}, text, kind)


def align(by_analyst: Mapping[str, Sequence[Item]], text: str, kind: str) -> list[Unit]:
    """The units of one kind made of the analysts' items, in text order."""
    names = sorted(by_analyst)
    found = [it for name in names for it in by_analyst[name]]
    out = []
    for members in group(found, _same_label):
        versions: dict[str, Annotation | None] = dict.fromkeys(names)
        versions.update((it.analyst, it.annotation) for it in members)
        given = [v for v in versions.values() if v is not None]
        agreed = len(given) == len(names) and all(equal(given[0], v, text) for v in given[1:])
        whole = any(it.whole for it in members)
        start = 0 if whole else min(it.start for it in members)
        end = len(text) if whole else max(it.end for it in members)
        out.append(Unit(kind, start, end, versions, agreed))
    return sorted(out, key=_unit_order)


def _unit_order(u: Unit) -> tuple:
    firsts = sorted((a, getattr(v, "start", 0), getattr(v, "end", 0)) for a, v in u.versions.items() if v)
    return u.start, u.end, KINDS.index(u.kind), firsts


def units(by_analyst: Mapping[str, Coding], text: str) -> list[Unit]:
    """Every unit of the document (spans, quotes, claims) in text order; each annotation is in exactly one."""
    return sorted((u for kind in KINDS for u in kind_units(by_analyst, text, kind)), key=_unit_order)


def mention_key(m: Mention | None, text: str) -> str:
    """A category for a speaker or object: its casefolded text ("(none)" for no mention)."""
    if m is None:
        return "(none)"
    return mention_text(m, text) or f"@{m.start}-{m.end}"


def mention_keys(mentions: Sequence[tuple[str, Mention | None]], text: str, surname: bool) -> dict[str, str]:
    """analyst -> a category for their mention in one unit: a mention takes the category of the first earlier
    one it equals (``same_mention``), so equal versions count as one value, and distinct ones stay apart."""
    heads: list[Mention | None] = []
    out: dict[str, str] = {}
    for analyst, m in mentions:
        for head in heads:
            if same_mention(head, m, text, surname):
                break
        else:
            head = m
            heads.append(m)
        out[analyst] = mention_key(head, text)
    return out
