"""Every edit as a small command: ``apply(store) -> Change`` and ``revert(store) -> Change``.

The GUI wraps these in QUndoCommands; the CLI and tests use them directly. Each apply or
revert is one transaction (``store.action``), journalled in the store's edit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from annotator.domain import Mention, Quote, Span

if TYPE_CHECKING:  # the store is passed in; commands never open it
    from annotator.store import Store


@dataclass(frozen=True)
class Change:
    """What an action touched, so views refresh only that (Anki's OpChanges)."""

    doc_ids: frozenset[int] = frozenset()
    kinds: frozenset[str] = frozenset()  # "spans", "quotes", "status", "documents"

    def __or__(self, other: Change) -> Change:
        return Change(self.doc_ids | other.doc_ids, self.kinds | other.kinds)


class Command(Protocol):
    text: str

    def apply(self, store: Store) -> Change: ...

    def revert(self, store: Store) -> Change: ...


def _change(doc_id: int, *kinds: str) -> Change:
    return Change(frozenset({doc_id}), frozenset(kinds))


@dataclass
class AddSpan:
    """Add an entity span; spans it overlaps are removed (and come back on undo)."""

    doc_id: int
    start: int
    end: int
    label: str
    origin: str = "human"
    added: Span | None = field(default=None, init=False)
    removed: list[Span] = field(default_factory=list, init=False)

    @property
    def text(self) -> str:
        return f"Add {self.label}"

    def apply(self, store: Store) -> Change:
        with store.action(self.doc_id, "add_span", [self.start, self.end, self.label]):
            self.removed = [s for s in store.spans(self.doc_id) if s.overlaps(self.start, self.end)]
            for s in self.removed:
                store.delete_span(s.id)  # type: ignore[arg-type]
            span = Span(self.start, self.end, self.label, self.origin, self.added.id if self.added else None, self.doc_id)
            self.added = store.insert_span(span)
        return _change(self.doc_id, "spans")

    def revert(self, store: Store) -> Change:
        with store.action(self.doc_id, "undo_add_span", [self.start, self.end, self.label]):
            if self.added is not None:
                store.delete_span(self.added.id)  # type: ignore[arg-type]
            for s in self.removed:
                store.insert_span(s)
        return _change(self.doc_id, "spans")


@dataclass
class DeleteSpan:
    span_id: int
    deleted: Span | None = field(default=None, init=False)
    text: str = "Delete span"

    def apply(self, store: Store) -> Change:
        span = store.span(self.span_id)
        with store.action(span.doc_id, "delete_span", [span.start, span.end, span.label]):
            self.deleted = store.delete_span(self.span_id)
        return _change(span.doc_id, "spans")  # type: ignore[arg-type]

    def revert(self, store: Store) -> Change:
        assert self.deleted is not None
        with store.action(self.deleted.doc_id, "undo_delete_span", [self.deleted.start, self.deleted.end]):
            store.insert_span(self.deleted)
        return _change(self.deleted.doc_id, "spans")  # type: ignore[arg-type]


@dataclass
class UpdateSpan:
    """Relabel or resize a span (any of label, start, end)."""

    span_id: int
    label: str | None = None
    start: int | None = None
    end: int | None = None
    before: Span | None = field(default=None, init=False)

    @property
    def text(self) -> str:
        return f"Relabel to {self.label}" if self.label else "Resize span"

    def apply(self, store: Store) -> Change:
        self.before = store.span(self.span_id)
        changes = {k: v for k, v in (("label", self.label), ("start", self.start), ("end", self.end)) if v is not None}
        changes["origin"] = "human"
        with store.action(self.before.doc_id, "update_span", changes):
            store.update_span(self.span_id, **changes)
        return _change(self.before.doc_id, "spans")  # type: ignore[arg-type]

    def revert(self, store: Store) -> Change:
        assert self.before is not None
        b = self.before
        with store.action(b.doc_id, "undo_update_span", [b.start, b.end, b.label]):
            store.update_span(self.span_id, label=b.label, start=b.start, end=b.end, origin=b.origin)
        return _change(b.doc_id, "spans")  # type: ignore[arg-type]


@dataclass
class AddQuote:
    doc_id: int
    start: int
    end: int
    speaker: Mention | None = None
    added: Quote | None = field(default=None, init=False)
    text: str = "Add quote"

    def apply(self, store: Store) -> Change:
        with store.action(self.doc_id, "add_quote", [self.start, self.end]):
            q = Quote(self.start, self.end, speaker=self.speaker, origin="human", doc_id=self.doc_id,
                      id=self.added.id if self.added else None)
            self.added = store.insert_quote(q)
        return _change(self.doc_id, "quotes")

    def revert(self, store: Store) -> Change:
        assert self.added is not None
        with store.action(self.doc_id, "undo_add_quote", [self.start, self.end]):
            store.delete_quote(self.added.id)  # type: ignore[arg-type]
        return _change(self.doc_id, "quotes")


@dataclass
class DeleteQuote:
    quote_id: int
    deleted: Quote | None = field(default=None, init=False)
    text: str = "Delete quote"

    def apply(self, store: Store) -> Change:
        q = store.quote(self.quote_id)
        with store.action(q.doc_id, "delete_quote", [q.start, q.end]):
            self.deleted = store.delete_quote(self.quote_id)
        return _change(q.doc_id, "quotes")  # type: ignore[arg-type]

    def revert(self, store: Store) -> Change:
        assert self.deleted is not None
        with store.action(self.deleted.doc_id, "undo_delete_quote", [self.deleted.start, self.deleted.end]):
            store.insert_quote(self.deleted)
        return _change(self.deleted.doc_id, "quotes")  # type: ignore[arg-type]


_UNSET = object()


@dataclass
class UpdateQuote:
    """Resize a quote or set its speaker (a Mention, or None to clear it)."""

    quote_id: int
    start: int | None = None
    end: int | None = None
    speaker: Mention | None | object = _UNSET
    before: Quote | None = field(default=None, init=False)

    @property
    def text(self) -> str:
        return "Set speaker" if self.speaker is not _UNSET else "Resize quote"

    def apply(self, store: Store) -> Change:
        self.before = store.quote(self.quote_id)
        changes: dict = {k: v for k, v in (("start", self.start), ("end", self.end)) if v is not None}
        if self.speaker is not _UNSET:
            changes.update(speaker=self.speaker, speaker_mention=None)
        changes["origin"] = "human"  # an analyst's edit survives re-running pre-annotation
        with store.action(self.before.doc_id, "update_quote", {k: str(v) for k, v in changes.items()}):
            store.update_quote(self.quote_id, **changes)
        return _change(self.before.doc_id, "quotes")  # type: ignore[arg-type]

    def revert(self, store: Store) -> Change:
        b = self.before
        assert b is not None
        with store.action(b.doc_id, "undo_update_quote", [b.start, b.end]):
            store.update_quote(self.quote_id, start=b.start, end=b.end, speaker=b.speaker,
                               speaker_mention=b.speaker_mention, origin=b.origin)
        return _change(b.doc_id, "quotes")  # type: ignore[arg-type]


@dataclass
class SetStatus:
    doc_id: int
    status: str
    previous: str | None = field(default=None, init=False)

    @property
    def text(self) -> str:
        return f"Mark {self.status}"

    def apply(self, store: Store) -> Change:
        self.previous = store.set_status(self.doc_id, self.status)
        return _change(self.doc_id, "status")

    def revert(self, store: Store) -> Change:
        assert self.previous is not None
        store.set_status(self.doc_id, self.previous)
        return _change(self.doc_id, "status")


@dataclass
class ReplaceMachineAnnotations:
    """Swap a document's machine spans and quotes for new ones (the analyst's stay); undo restores the old."""

    doc_id: int
    spans: list[Span]
    quotes: list[Quote]
    text: str = "Pre-annotate"
    old_spans: list[Span] = field(default_factory=list, init=False)
    old_quotes: list[Quote] = field(default_factory=list, init=False)

    def apply(self, store: Store) -> Change:
        self.old_spans = [s for s in store.spans(self.doc_id) if s.origin != "human"]
        self.old_quotes = [q for q in store.quotes(self.doc_id) if q.origin != "human"]
        store.replace_machine_annotations(self.doc_id, self.spans, self.quotes)
        return _change(self.doc_id, "spans", "quotes")

    def revert(self, store: Store) -> Change:
        store.replace_machine_annotations(self.doc_id, self.old_spans, self.old_quotes)
        return _change(self.doc_id, "spans", "quotes")
