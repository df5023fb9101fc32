"""Several analysts on the same articles: merge their files, see what each coded, measure their agreement, and
build the versions an export can take (one analyst's, the majority's, the adjudicated gold layer)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from annotator.curation import agreement
from annotator.curation.agreement import Coding
from annotator.domain import REJECTED, SUGGESTED, Claim, Quote, Span
from annotator.store import GOLD, WORK, Store, StoreError, team
from annotator.store.team import MergeReport

LAYERS_HELP = "gold, analyst:NAME or majority"


def coding_of(spans: Sequence[Span], quotes: Sequence[Quote], claims: Sequence[Claim], analyst: str,
              done: bool) -> Coding:
    """What ``analyst`` coded on a document: their own decisions (accepted, edited, added), and, where they marked
    the document done, the suggestions they left standing (those they rejected or changed at the same place
    are not theirs)."""

    def pick(items: Sequence) -> list:
        mine = [x for x in items if x.analyst == analyst and x.state not in (SUGGESTED,)]
        kept = [x for x in mine if x.state != REJECTED]
        if not done:
            return kept
        decided = {(x.start, x.end) for x in mine}
        standing = [x for x in items if x.state == SUGGESTED and (x.start, x.end) not in decided]
        return sorted([*kept, *standing], key=lambda x: (x.start, x.end, x.id or 0))

    return Coding(spans=pick(spans), quotes=pick(quotes), claims=pick(claims))


def codings(store: Store, doc_id: int) -> dict[str, Coding]:
    """analyst -> what they coded on the document (the analysts' layer)."""
    with team.layer(store, WORK):
        spans = store.spans(doc_id, include_rejected=True)
        quotes = store.quotes(doc_id, include_rejected=True)
        claims = store.claims(doc_id, include_rejected=True)
    held = team.reviews(store, doc_id)
    return {name: coding_of(spans, quotes, claims, name, held.get(name, ("new", ""))[0] == "done")
            for name in team.analysts_of(store, doc_id)}


def refresh_disagreement(store: Store, doc_ids: Iterable[int]) -> dict[int, float | None]:
    """Recompute and store how much each document's analysts disagree (None: fewer than two); inside an action."""
    values: dict[int, float | None] = {}
    for doc_id in doc_ids:
        by_analyst = codings(store, doc_id)
        values[doc_id] = (agreement.disagreement(by_analyst, store.document(doc_id).text)
                          if len(by_analyst) >= 2 else None)
    team.set_disagreements(store, values)
    return values


def parse_source(raw: str) -> tuple[Path, str | None]:
    """``PATH`` or ``NAME=PATH`` (whose work the file is)."""
    name, eq, path = raw.partition("=")
    if eq and name and not Path(raw).exists():
        return Path(path), name
    return Path(raw), None


def merge(target: Store, sources: Sequence[tuple[Path, str | None]]) -> MergeReport:
    """Merge analysts' databases into ``target`` in one action: documents matched by text, every annotation
    kept once with its analyst, each analyst's status and note kept apart; disagreement recomputed."""
    report = MergeReport()
    opened: list[Store] = []
    try:
        for path, _ in sources:
            if Path(path).resolve() == Path(target.path).resolve():
                raise StoreError(f"{path}: is the target database itself; name it once, as -o")
            opened.append(Store(path, write=False, create=False))
        unnamed = [(path, set(team.decided_analysts(s))) for s, (path, name) in zip(opened, sources, strict=True)
                   if name is None]
        for i, (path, names) in enumerate(unnamed):
            for other, theirs in unnamed[i + 1:]:
                if names & theirs:
                    report.warnings.append(
                        f"{path} and {other} both record work as {', '.join(sorted(names & theirs))}: their "
                        f"annotations count as one analyst's; say whose each file is (NAME={path})")
        with target.action("merge", undoable=False, detail={"sources": [str(p) for p, _ in sources]}):
            for source, (_, name) in zip(opened, sources, strict=True):
                team.merge_store(target, source, report, name)
            refresh_disagreement(target, sorted(report.touched | {d for d, _ in report.conflicts}))
    finally:
        for s in opened:
            s.close()
    return report


def units_of(store: Store, doc_id: int) -> list[agreement.Unit]:
    """The places on a document where the analysts' versions line up, in text order."""
    return agreement.units(codings(store, doc_id), store.document(doc_id).text)


def version_key(item: Span | Quote | Claim, text: str) -> tuple:
    """What two analysts' versions must share to count as the same vote."""

    def said(m) -> str | None:
        return text[m.start:m.end].casefold() if m is not None else None

    if isinstance(item, Span):
        return ("span", item.start, item.end, item.label)
    if isinstance(item, Quote):
        return ("quote", item.start, item.end, said(item.speaker))
    return ("claim", item.claim_type, item.stance, said(item.target), item.scope)


def majority(by_analyst: dict[str, Coding], text: str) -> Coding:
    """The versions more than half of the document's analysts agree on, unit by unit."""
    need = len(by_analyst) // 2 + 1
    out: dict[str, list] = {"span": [], "quote": [], "claim": []}
    for unit in agreement.units(by_analyst, text):
        votes: Counter = Counter()
        first: dict = {}
        for version in unit.versions.values():
            if version is None:
                continue
            key = version_key(version, text)
            votes[key] += 1
            first.setdefault(key, version)
        if votes:
            key, n = votes.most_common(1)[0]
            if n >= need:
                out[unit.kind].append(first[key])
    return Coding(spans=out["span"], quotes=out["quote"], claims=out["claim"])


def layer_version(store: Store, doc_id: int, layer: str) -> Coding | None:
    """The annotations an export takes from ``layer`` (``gold``, ``analyst:NAME``, ``majority``); None when the
    document has nothing in it."""
    if layer == GOLD:
        with team.layer(store, GOLD):
            coding = Coding(store.spans(doc_id), store.quotes(doc_id), store.claims(doc_id))
        return coding if (coding.spans or coding.quotes or coding.claims) else None
    by_analyst = codings(store, doc_id)
    if layer == "majority":
        return majority(by_analyst, store.document(doc_id).text) if len(by_analyst) >= 2 else None
    name = layer.partition(":")[2]
    return by_analyst.get(name)


def check_layer(value: str) -> str:
    """The layer named, or ValueError with the choices."""
    if value in (GOLD, "majority") or (value.startswith("analyst:") and value.partition(":")[2].strip()):
        return value
    raise ValueError(f"--layer is one of {LAYERS_HELP}, not {value!r}")
