"""Agreement between analysts who coded the same documents: span F1, Cohen's kappa, Krippendorff's alpha and
unitizing alpha for entities, quotes (boundaries, speakers) and claims (type, stance, strength, object)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from itertools import combinations

from annotator.curation import unitizing
from annotator.curation.alignment import KINDS, Coding, Item, Unit, align, items, match, mention_keys, units
from annotator.curation.reliability import Row, alpha_of, f1, kappa_of
from annotator.domain import STRENGTHS, Claim, Quote, Span

__all__ = ["Coding", "Unit", "units", "report", "format_table", "disagreement"]

Docs = Mapping[int, Mapping[str, Coding]]
Found = Mapping[int, Mapping[str, Sequence[Item]]]  # document -> analyst -> their items of one kind
SECTIONS = {"span": "spans", "quote": "quotes", "claim": "claims"}


def disagreement(by_analyst: Mapping[str, Coding], text: str) -> float:
    """The share of the document's units whose versions differ: 0 (full agreement, or one analyst) … 1."""
    if len(by_analyst) < 2:
        return 0.0
    found = units(by_analyst, text)
    return sum(not u.agreed for u in found) / len(found) if found else 0.0


def report(codings: Docs, texts: Mapping[int, str], label: str | None = None) -> dict:
    """Agreement over the documents coded by two analysts or more (``label``: only spans with that label)."""
    docs = {d: {a: _only(c, label) for a, c in by.items()} for d, by in codings.items() if len(by) >= 2}
    found: dict[str, Found] = {kind: {d: {a: items(c, a, kind) for a, c in by.items()} for d, by in docs.items()}
                               for kind in KINDS}
    text_of = {d: texts.get(d) or "" for d in docs}
    lengths = {d: len(text_of[d]) or max((it.end for k in KINDS for its in found[k][d].values() for it in its),
                                         default=0) for d in docs}
    analysts = sorted({a for by in docs.values() for a in by})
    out: dict = {"analysts": analysts, "documents": len(docs), "documents_skipped": len(codings) - len(docs),
                 "label": label}
    for kind in KINDS:
        out[SECTIONS[kind]] = _section(kind, found[kind], text_of, lengths, analysts)
    return out


def _only(coding: Coding, label: str | None) -> Coding:
    if label is None:
        return coding
    return Coding(tuple(s for s in coding.spans if s.label == label), coding.quotes, coding.claims)


def _section(kind: str, found: Found, texts: Mapping[int, str], lengths: Mapping[int, int],
             analysts: list[str]) -> dict:
    by_doc = {d: align(found[d], texts[d], kind) for d in sorted(found)}
    all_units = [u for d in by_doc for u in by_doc[d]]
    counts = _pair_counts(found)
    out: dict = {"count": sum(len(its) for by in found.values() for its in by.values())}
    out.update(_f1s(counts, None))
    rows = [_rows_for(kind, u, texts[d]) for d in by_doc for u in by_doc[d]]
    values = VALUES[kind]
    main = next(iter(values))
    out.update(_coefficients([r[main] for r in rows], analysts, values[main]))
    pooled = _unitizing(found, lengths) if kind != "claim" else {}
    if kind != "claim":
        out["alpha_u"] = unitizing.alpha(pooled.values())
    out.update(_unit_counts(all_units))
    out["compared"] = main
    for name, order in list(values.items())[1:]:
        out[name] = _coefficients([r[name] for r in rows], analysts, order)
    if kind != "quote":
        out["per_label"] = _per_label(kind, counts, pooled, all_units)
    out["pairs"] = [{"analysts": [a, b], **_f1s({(a, b): per}, None)} for (a, b), per in sorted(counts.items())]
    return out


# What each kind compares in a unit, and on which scale (None: nominal).
VALUES: dict[str, dict[str, Sequence[Hashable] | None]] = {
    "span": {"label": None},
    "quote": {"speaker": None},
    "claim": {"type": None, "stance": None, "strength": STRENGTHS, "object": None},
}


def _rows_for(kind: str, unit: Unit, text: str) -> dict[str, Row]:
    """For one unit, per compared value: analyst -> value (missing when they did not mark it)."""
    given = [(a, v) for a, v in unit.versions.items() if v is not None]
    if kind == "span":
        return {"label": {a: v.label for a, v in given if isinstance(v, Span)}}
    if kind == "quote":
        speakers = [(a, v.speaker) for a, v in given if isinstance(v, Quote)]
        return {"speaker": mention_keys(speakers, text, surname=True)}
    claims = [(a, v) for a, v in given if isinstance(v, Claim)]
    return {"type": {a: c.claim_type for a, c in claims}, "stance": {a: c.stance for a, c in claims},
            "strength": {a: c.strength for a, c in claims},
            "object": mention_keys([(a, c.target) for a, c in claims], text, surname=False)}


def _coefficients(rows: Sequence[Row], analysts: list[str], order: Sequence[Hashable] | None) -> dict:
    kappa = kappa_of(rows, *analysts) if len(analysts) == 2 and order is None else None
    return {"kappa": kappa, "alpha": alpha_of(rows, analysts, order),
            "level": "ordinal" if order is not None else "nominal"}


def _unit_counts(found: Sequence[Unit]) -> dict[str, int]:
    given = [sum(v is not None for v in u.versions.values()) for u in found]
    return {"units": len(found), "units_matched": sum(n >= 2 for n in given),
            "units_single": sum(n == 1 for n in given), "units_agreed": sum(u.agreed for u in found)}


# Pair counts: (analyst, analyst) -> label -> [exact matches, overlap matches, first's count, second's count]
Counts = dict[tuple[str, str], dict[str, list[int]]]


def _pair_counts(found: Found) -> Counts:
    counts: Counts = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for by in found.values():
        for a, b in combinations(sorted(by), 2):
            first, second = _by_label(by[a]), _by_label(by[b])
            for lab in sorted(set(first) | set(second)):
                xs, ys = first.get(lab, []), second.get(lab, [])
                exact = Counter(_key(x) for x in xs) & Counter(_key(y) for y in ys)
                row = counts[(a, b)][lab]
                row[0] += sum(exact.values())
                row[1] += match(xs, ys)
                row[2] += len(xs)
                row[3] += len(ys)
    return counts


def _by_label(found: Sequence[Item]) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = defaultdict(list)
    for it in found:
        out[it.label].append(it)
    return out


def _key(it: Item) -> tuple:
    return it.extents, it.whole


def _f1s(counts: Counts, label: str | None) -> dict[str, float | None]:
    rows = [r for per in counts.values() for lab, r in per.items() if label is None or lab == label]
    exact, over, first, second = (sum(r[i] for r in rows) for i in range(4))
    return {"f1_exact": f1(exact, first, second), "f1_overlap": f1(over, first, second)}


Pooled = dict[tuple[str, str, str], unitizing.Disagreement]  # (analyst, analyst, label) -> weighted D_o, D_e


def _unitizing(found: Found, lengths: Mapping[int, int]) -> Pooled:
    """Each pair's disagreement per label over the documents both coded, weighted by the length of text they
    share: pooling pairs keeps Krippendorff's two-observer uα (exact for two analysts) for any number."""
    shared: dict[tuple[str, str], list[int]] = defaultdict(list)
    for d, by in found.items():
        for pair in combinations(sorted(by), 2):
            shared[pair].append(d)
    out: Pooled = {}
    for (a, b), ds in sorted(shared.items()):
        per = {d: {n: _by_label(found[d][n]) for n in (a, b)} for d in ds}
        weight = sum(lengths[d] for d in ds)
        for lab in sorted({lab for p in per.values() for by in p.values() for lab in by}):
            continua = [unitizing.Continuum(lengths[d], {n: [e for it in per[d][n].get(lab, []) for e in it.extents]
                                                         for n in (a, b)}) for d in ds]
            pair = unitizing.disagreement(continua, (a, b))
            out[(a, b, lab)] = unitizing.Disagreement(pair.observed * weight, pair.expected * weight)
    return out


def _per_label(kind: str, counts: Counts, pooled: Pooled, found: Sequence[Unit]) -> dict:
    of_label: dict[str, list[Unit]] = defaultdict(list)
    marked: Counter[str] = Counter()
    for u in found:
        labels = [_label_of(v) for v in u.versions.values() if v is not None]
        marked.update(labels)
        for lab in set(labels):
            of_label[lab].append(u)
    out = {}
    for lab in sorted({lab for per in counts.values() for lab in per}):
        mine = of_label[lab]
        entry: dict = {"count": marked[lab]}
        entry.update(_f1s(counts, lab))
        if kind == "span":
            entry["alpha_u"] = unitizing.alpha(d for (_, _, x), d in pooled.items() if x == lab)
        entry.update(_unit_counts(mine))
        out[lab] = entry
    return out


def _label_of(v: Span | Quote | Claim) -> str:
    return v.claim_type if isinstance(v, Claim) else v.label

COLUMNS = ("", "n", "F1 exact", "F1 overlap", "kappa", "alpha", "uα", "matched", "single", "agreed")
TITLES = {"spans": "entities (label)", "quotes": "quotes (speaker)", "claims": "claims (type)"}


def format_table(result: dict) -> str:
    """The report as a plain-text table with aligned columns (``-``: undefined or not measured)."""
    names = result.get("analysts", [])
    head = f"{len(names)} analyst(s) ({', '.join(names) or 'none'}) on {result.get('documents', 0)} document(s)"
    if result.get("documents_skipped"):
        head += f"; {result['documents_skipped']} coded by one analyst only, left out"
    if result.get("label"):
        head += f"; entities labelled {result['label']} only"
    rows = [list(COLUMNS)]
    for section, title in TITLES.items():
        part = result.get(section) or {}
        rows.append(_row(title, part))
        for lab, entry in (part.get("per_label") or {}).items():
            rows.append(_row(f"  {lab}", entry))
        for name in ("stance", "strength", "object"):
            if name in part:
                level = " (ordinal)" if part[name].get("level") == "ordinal" else ""
                rows.append(_row(f"claims {name}{level}", part[name]))
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
             for r in rows]
    return "\n".join([head, *(line.rstrip() for line in lines)])


def _row(title: str, entry: dict) -> list[str]:
    keys = ("count", "f1_exact", "f1_overlap", "kappa", "alpha", "alpha_u", "units_matched", "units_single",
            "units_agreed")
    return [title, *(_cell(entry.get(k)) for k in keys)]


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
