"""Several analysts in one file: merging their databases or exports without losing or doubling anything, each
analyst's status and note per document, and the per-document disagreement the queue sorts by."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.domain import DECIDED, STATUSES, Claim, Document, Quote, Span

if TYPE_CHECKING:
    from annotator.store import Store

REVIEW_ACTIONS_SKIPPED = ("import", "preannotate", "merge", "bench")  # journal entries that are not a person's review


@dataclass
class MergeReport:
    """What merging one or more sources into a team database did."""

    sources: int = 0
    documents_added: int = 0
    documents_matched: int = 0
    spans: int = 0
    quotes: int = 0
    claims: int = 0
    already: int = 0  # annotations the target held already (merging twice adds nothing)
    reviews: int = 0  # analysts' statuses and notes recorded or changed
    conflicts: list[tuple[int, str]] = field(default_factory=list)  # (doc id, what differs)
    warnings: list[str] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)

    def summary(self) -> str:
        text = (f"merged {self.sources} source(s): {self.documents_added} new document(s), {self.documents_matched} "
                f"matched by content; added {self.spans} spans, {self.quotes} quotes and {self.claims} claims "
                f"({self.already} already there); {self.reviews} analyst status/note record(s)")
        if self.conflicts:
            text += f"; {len(self.conflicts)} document(s) where analysts' statuses or notes differ (kept per analyst)"
        return text


def _identity(item: Span | Quote | Claim) -> Any:
    """What makes two annotations the same one, wherever they were stored (ids and links are local to a file)."""
    if isinstance(item, Claim):
        return item.with_(id=None, doc_id=None, quote_id=None)
    return item.with_(id=None, doc_id=None)


@contextmanager
def layer(store: Store, name: str) -> Iterator[None]:
    """Read and write ``name`` (``''`` the analysts' work, ``'gold'``) inside the block."""
    old, store.layer = store.layer, name
    try:
        yield
    finally:
        store.layer = old


def merge_annotations(store: Store, doc_id: int, spans: Iterable[Span], quotes: Iterable[Quote],
                      claims: Iterable[Claim], report: MergeReport, analyst: str | None = None) -> None:
    """Add the annotations the document does not hold yet (in the store's current layer), as they were written
    (origin, state, analyst, times); ``analyst`` records them as that analyst's. Inside an open action."""

    act = store._action
    recorded = act.analyst if act is not None else store.analyst  # who an annotation without a name is stamped as

    def fresh(items: Iterable[Any], have: Iterable[Any]) -> list[Any]:
        seen = {_identity(x) for x in have}
        out = []
        for item in items:
            if analyst is not None or item.analyst is None:
                item = item.with_(analyst=analyst or recorded)
            key = _identity(item)
            if key in seen:
                report.already += 1
                continue
            seen.add(key)
            out.append(item)
        return out

    new_spans = fresh(spans, store.spans(doc_id, include_rejected=True))
    new_quotes = fresh(quotes, store.quotes(doc_id, include_rejected=True))
    new_claims = fresh(claims, store.claims(doc_id, include_rejected=True))
    free = [s.with_(id=None) for s in new_spans], [q.with_(id=None) for q in new_quotes]
    n_spans, n_quotes = store.import_annotations(doc_id, *free)
    report.spans += n_spans
    report.quotes += n_quotes
    report.claims += store.import_claims(doc_id, [c.with_(id=None) for c in new_claims])
    if new_spans or new_quotes or new_claims:
        report.touched.add(doc_id)


def reviewer(spans: Sequence[Span], quotes: Sequence[Quote], claims: Sequence[Claim]) -> str | None:
    """Whose review a document's status and note are, read from its decided annotations (the most frequent name)."""
    names = Counter(x.analyst for x in (*spans, *quotes, *claims) if x.state in DECIDED and x.analyst)
    return names.most_common(1)[0][0] if names else None


def journal_reviewer(store: Store, doc_id: int) -> str | None:
    """The analyst with the most review actions on a document in the journal (imports and runs not counted)."""
    marks = ", ".join("?" * len(REVIEW_ACTIONS_SKIPPED))
    row = store.conn.execute(
        f"SELECT analyst, count(*) FROM edit_log WHERE doc_id = ? AND analyst IS NOT NULL AND action NOT IN ({marks})"
        " GROUP BY analyst ORDER BY 2 DESC, analyst LIMIT 1", [doc_id, *REVIEW_ACTIONS_SKIPPED]).fetchone()
    return str(row[0]) if row else None


def reviews(store: Store, doc_id: int) -> dict[str, tuple[str, str]]:
    """analyst -> (status, note) of a document, as each analyst left it."""
    rows = store.conn.execute("SELECT analyst, status, note FROM reviews WHERE doc_id = ? ORDER BY analyst", [doc_id])
    return {str(a): (str(s), str(n)) for a, s, n in rows}


def set_review(store: Store, doc_id: int, analyst: str, status: str, note: str) -> bool:
    """Record an analyst's status and note for a document (inside an open action); True if it changed."""
    if status not in STATUSES:
        status = "new"
    old = reviews(store, doc_id).get(analyst)
    if old == (status, note):
        return False
    from annotator.store import _now

    with store._writing("review"):
        store.conn.execute(
            "INSERT INTO reviews (doc_id, analyst, status, note, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(doc_id, analyst) DO UPDATE SET status = excluded.status, note = excluded.note,"
            " updated_at = excluded.updated_at", [doc_id, analyst, status, note, _now()])
    return True


def review_conflict(store: Store, doc_id: int) -> str | None:
    """What the analysts' statuses or notes disagree on for a document, or None."""
    held = reviews(store, doc_id)
    statuses = {s for s, _ in held.values()}
    notes = {n for _, n in held.values() if n}
    parts = []
    if len(statuses) > 1:
        parts.append("status " + ", ".join(f"{a}: {s}" for a, (s, _) in held.items()))
    if len(notes) > 1:
        parts.append("notes differ (" + ", ".join(a for a, (_, n) in held.items() if n) + ")")
    return "; ".join(parts) or None


def add_or_match(store: Store, doc: Document, report: MergeReport) -> int:
    """The target's id for ``doc``: the document with the same text, else a new one (meta, status, note kept)."""
    existing = store.find_by_hash(doc.hash)
    if existing is not None:
        report.documents_matched += 1
        return existing
    doc_id, _ = store.add_document(Document(doc.text, doc.meta, doc.status, note=doc.note, split=doc.split))
    if doc.note:
        store.set_note(doc_id, doc.note)
    report.documents_added += 1
    report.touched.add(doc_id)
    return doc_id


def merge_store(target: Store, source: Store, report: MergeReport, analyst: str | None = None) -> None:
    """Merge every document of ``source`` (opened read-only) into ``target``, inside target's open action:
    both layers, rejected decisions included; each analyst's status and note into ``reviews``."""
    from annotator.store import GOLD, WORK

    report.sources += 1
    for doc_id in source.document_ids():
        doc = source.document(doc_id)
        into = add_or_match(target, doc, report)
        for name in (WORK, GOLD):
            with layer(source, name), layer(target, name):
                spans = source.spans(doc_id, include_rejected=True)
                quotes = source.quotes(doc_id, include_rejected=True)
                claims = source.claims(doc_id, include_rejected=True)
                if name == WORK:
                    who = analyst or reviewer(spans, quotes, claims) or journal_reviewer(source, doc_id)
                merge_annotations(target, into, spans, quotes, claims, report, analyst if name == WORK else None)
        for name, (status, note) in reviews(source, doc_id).items():
            report.reviews += set_review(target, into, name, status, note)
        if who is not None and (doc.status != "new" or doc.note or who not in reviews(target, into)):
            report.reviews += set_review(target, into, who, doc.status, doc.note)
        conflict = review_conflict(target, into)
        if conflict:
            report.conflicts.append((into, conflict))


def set_disagreements(store: Store, values: dict[int, float | None]) -> None:
    """Store how much each named document's analysts disagree (None: fewer than two analysts)."""
    with store._writing("agreement"):
        store.conn.executemany("UPDATE documents SET disagreement = ? WHERE id = ?",
                                  [(v, k) for k, v in values.items()])


def analysts_of(store: Store, doc_id: int) -> list[str]:
    """The analysts with annotations of their own (decided, in the analysts' layer) on a document."""
    rows = store.conn.execute(
        "SELECT analyst FROM spans WHERE doc_id = ?1 AND layer = '' AND state != 'suggested' AND analyst IS NOT NULL"
        " UNION SELECT analyst FROM quotes WHERE doc_id = ?1 AND layer = '' AND state != 'suggested'"
        " AND analyst IS NOT NULL UNION SELECT analyst FROM claims WHERE doc_id = ?1 AND layer = ''"
        " AND state != 'suggested' AND analyst IS NOT NULL UNION SELECT analyst FROM reviews WHERE doc_id = ?1",
        [doc_id])
    return sorted(str(r[0]) for r in rows)


def team_documents(store: Store) -> list[int]:
    """Documents at least two analysts worked on (annotations or a status of their own)."""
    rows = store.conn.execute(
        "SELECT doc_id FROM (SELECT doc_id, analyst FROM spans WHERE layer = '' AND state != 'suggested'"
        " UNION SELECT doc_id, analyst FROM quotes WHERE layer = '' AND state != 'suggested'"
        " UNION SELECT doc_id, analyst FROM claims WHERE layer = '' AND state != 'suggested'"
        " UNION SELECT doc_id, analyst FROM reviews) WHERE analyst IS NOT NULL GROUP BY doc_id"
        " HAVING count(DISTINCT analyst) >= 2 ORDER BY doc_id")
    return [int(r[0]) for r in rows]


def has_team(store: Store) -> bool:
    """Whether any document was coded by two or more analysts (the queue then shows how far they agree)."""
    return store.conn.execute("SELECT 1 FROM documents WHERE disagreement IS NOT NULL LIMIT 1").fetchone() is not None


def decided_analysts(store: Store) -> list[str]:
    """The analysts with decisions of their own (not suggestions) in the analysts' layer of a database."""
    rows = store.conn.execute(
        "SELECT analyst FROM spans WHERE layer = '' AND state != 'suggested' AND analyst IS NOT NULL UNION"
        " SELECT analyst FROM quotes WHERE layer = '' AND state != 'suggested' AND analyst IS NOT NULL UNION"
        " SELECT analyst FROM claims WHERE layer = '' AND state != 'suggested' AND analyst IS NOT NULL")
    return sorted(str(r[0]) for r in rows)
