"""The versioned schema: sqlite-utils migrations, applied in order on open."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("annotator")


@migrations()
def m001_initial(db: Database) -> None:
    db["documents"].create(
        {
            "id": int,
            "hash": str,
            "text": str,
            "meta": str,
            "source": str,
            "title": str,
            "status": str,
            "words": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"hash", "text", "status"},
        defaults={"status": "new", "meta": "{}"},
    )
    db["documents"].create_index(["hash"], unique=True)
    db["spans"].create(
        {
            "id": int,
            "doc_id": int,
            "start": int,
            "end": int,
            "label": str,
            "origin": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
        not_null={"doc_id", "start", "end", "label"},
    )
    db["spans"].create_index(["doc_id", "start"])
    db["quotes"].create(
        {
            "id": int,
            "doc_id": int,
            "start": int,
            "end": int,
            "speaker_start": int,
            "speaker_end": int,
            "mention_start": int,
            "mention_end": int,
            "cue_start": int,
            "cue_end": int,
            "confidence": float,
            "origin": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
        not_null={"doc_id", "start", "end"},
    )
    db["quotes"].create_index(["doc_id", "start"])
    db["claims"].create(
        {
            "id": int,
            "doc_id": int,
            "start": int,
            "end": int,
            "claim_type": str,
            "stance": str,
            "claimant_start": int,
            "claimant_end": int,
            "target": str,
            "origin": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
        not_null={"doc_id", "start", "end", "claim_type"},
    )
    db["claims"].create_index(["doc_id", "start"])


@migrations()
def m002_edit_log(db: Database) -> None:
    """A journal of every analyst action, so nothing done is ever lost from view."""
    db["edit_log"].create(
        {"id": int, "doc_id": int, "action": str, "detail": str, "at": str},
        pk="id",
    )
    db["edit_log"].create_index(["doc_id"])


KNOWN = frozenset(m.name for m in migrations._migrations)
