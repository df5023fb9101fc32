"""One user action = one transaction and one journal entry; the entry keeps row images, so it can be undone.

The store records every row it writes inside an :class:`Action` (before and after images). When the action
commits, the images go into ``edit_log.ops``; undo restores the before images and redo the after images, in a
new transaction of their own, after checking that the rows still look as the action left them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.domain import Change, ChangeKind

TABLE_KINDS = {
    "spans": ChangeKind.SPANS,
    "quotes": ChangeKind.QUOTES,
    "claims": ChangeKind.CLAIMS,
    "documents": ChangeKind.DOCUMENTS,
}
APPLIED, UNDONE, DISCARDED = "applied", "undone", "discarded"


class UndoConflict(RuntimeError):
    """An undo or redo cannot run because the rows changed since; nothing was written."""


@dataclass
class Op:
    """One row written: its image before (None: it did not exist) and after (None: it is gone)."""

    table: str
    id: int
    doc: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "id": self.id, "doc": self.doc, "before": self.before, "after": self.after}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Op:
        return cls(data["table"], int(data["id"]), data.get("doc"), data.get("before"), data.get("after"))

    def inverse(self) -> Op:
        return Op(self.table, self.id, self.doc, self.after, self.before)


@dataclass
class Action:
    """The writes of one user action, collected while its transaction is open."""

    name: str
    label: str
    doc_id: int | None
    analyst: str
    undoable: bool = True
    detail: Any = None
    merge: bool = False  # continue the document's latest entry of the same name (see Store.action)
    ops: list[Op] = field(default_factory=list)
    kinds: set[ChangeKind] = field(default_factory=set)
    docs: set[int] = field(default_factory=set)

    def record(self, op: Op, keep_images: bool = True) -> None:
        if op.doc is not None:
            self.docs.add(op.doc)
        self.kinds.add(TABLE_KINDS.get(op.table, ChangeKind.DOCUMENTS))
        if op.table == "documents" and op.before is not None and op.after is not None:
            self.kinds.discard(ChangeKind.DOCUMENTS)  # an update of a document row is not a new document
            if "status" in op.after:
                self.kinds.add(ChangeKind.STATUS)
            if "note" in op.after:
                self.kinds.add(ChangeKind.NOTE)
            if "pre_at" in op.after:
                self.kinds.add(ChangeKind.PREANNOTATION)
        if not keep_images:
            op = Op(op.table, op.id, op.doc, None, None)
        self.ops.append(op)

    def change(self) -> Change:
        ids = {t: frozenset(op.id for op in self.ops if op.table == t) for t in ("spans", "quotes", "claims")}
        return Change(frozenset(self.docs), frozenset(self.kinds), ids["spans"], ids["quotes"], ids["claims"])

    def journal_doc(self) -> int | None:
        """The document the entry belongs to for per-document undo: the only one touched, else the one named."""
        if len(self.docs) == 1:
            return next(iter(self.docs))
        return self.doc_id if not self.docs else None


def matches(row: dict[str, Any] | None, image: dict[str, Any] | None) -> bool:
    """True if the row as it is now agrees with ``image`` on every column the image names."""
    if image is None or row is None:
        return image is None and row is None
    return all(row.get(k) == v for k, v in image.items())
