"""The versioned schema: sqlite-utils migrations, applied in order on open."""

from __future__ import annotations

from annotator.store.lib import Database, Migrations
from annotator.store.steps import MIGRATION_SET, STEPS

migrations = Migrations(MIGRATION_SET)


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


_DOCUMENTS = """
CREATE TABLE documents_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    source TEXT,
    title TEXT,
    status TEXT NOT NULL DEFAULT 'new',
    words INTEGER,
    created_at TEXT,
    updated_at TEXT,
    pre_pipeline TEXT,
    pre_version TEXT,
    pre_rules TEXT,
    pre_at TEXT
)"""

_SPANS = """
CREATE TABLE spans_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'human',
    state TEXT NOT NULL DEFAULT 'added',
    analyst TEXT,
    created_at TEXT,
    modified_at TEXT
)"""

_QUOTES = """
CREATE TABLE quotes_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'quote',
    speaker_start INTEGER,
    speaker_end INTEGER,
    mention_start INTEGER,
    mention_end INTEGER,
    cue_start INTEGER,
    cue_end INTEGER,
    source_start INTEGER,
    source_end INTEGER,
    confidence REAL,
    origin TEXT NOT NULL DEFAULT 'human',
    state TEXT NOT NULL DEFAULT 'added',
    analyst TEXT,
    created_at TEXT,
    modified_at TEXT
)"""

_MACHINE_STATE = "CASE WHEN coalesce(origin, 'human') = 'human' THEN 'added' ELSE 'suggested' END"


@migrations()
def m003_provenance(db: Database) -> None:
    """Review state, analyst and times on every annotation; pre-annotation tracked per document; ids never reused
    (AUTOINCREMENT); the edit log becomes the undo history (row images of each action, its state)."""
    db.execute(_DOCUMENTS)
    db.execute(
        "INSERT INTO documents_v3 (id, hash, text, meta, source, title, status, words, created_at, updated_at,"
        " pre_pipeline, pre_at)"
        " SELECT d.id, d.hash, d.text, coalesce(d.meta, '{}'), d.source, d.title, coalesce(d.status, 'new'), d.words,"
        " d.created_at, d.updated_at,"
        " 'unknown (before tracking)',"
        " CASE WHEN EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = d.id AND coalesce(s.origin, 'human') != 'human')"
        "  OR EXISTS (SELECT 1 FROM quotes q WHERE q.doc_id = d.id AND coalesce(q.origin, 'human') != 'human')"
        " THEN coalesce(d.updated_at, d.created_at, '1970-01-01T00:00:00+00:00') END FROM documents d"
    )
    db.execute(_SPANS)
    db.execute(
        'INSERT INTO spans_v3 (id, doc_id, start, "end", label, origin, state, created_at, modified_at)'
        f' SELECT id, doc_id, start, "end", label, coalesce(origin, \'human\'), {_MACHINE_STATE}, created_at, created_at'
        " FROM spans"
    )
    db.execute(_QUOTES)
    db.execute(
        'INSERT INTO quotes_v3 (id, doc_id, start, "end", speaker_start, speaker_end, mention_start, mention_end,'
        " cue_start, cue_end, confidence, origin, state, created_at, modified_at)"
        ' SELECT id, doc_id, start, "end", speaker_start, speaker_end, mention_start, mention_end, cue_start, cue_end,'
        f" confidence, coalesce(origin, 'human'), {_MACHINE_STATE}, created_at, created_at FROM quotes"
    )
    for table in ("spans", "quotes", "documents"):
        db.execute(f"DROP TABLE {table}")
    for table in ("documents", "spans", "quotes"):
        db.execute(f"ALTER TABLE {table}_v3 RENAME TO {table}")
    db.execute("CREATE INDEX idx_spans_doc ON spans (doc_id, start)")
    db.execute("CREATE INDEX idx_quotes_doc ON quotes (doc_id, start)")
    db.execute("CREATE INDEX idx_documents_pending ON documents (pre_at)")
    log = db["edit_log"]
    log.add_column("label", str)
    log.add_column("analyst", str)
    log.add_column("ops", str)  # JSON row images [{table, id, doc, before, after}] for undo and redo
    log.add_column("state", str)  # applied | undone | discarded for undoable actions, else NULL
    db.execute("CREATE INDEX idx_edit_log_undo ON edit_log (doc_id, state)")


@migrations()
def m004_queue(db: Database) -> None:
    """A note per document, its training split and near-duplicate cluster (review sessions, curation)."""
    documents = db["documents"]
    documents.add_column("note", str, not_null_default="")
    documents.add_column("split", str)
    documents.add_column("cluster", int)
    db.execute("CREATE INDEX idx_documents_status ON documents (status)")


_CLAIMS = """
CREATE TABLE claims_v5 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL DEFAULT 0,
    "end" INTEGER NOT NULL DEFAULT 0,
    claim_type TEXT NOT NULL,
    stance TEXT,
    strength INTEGER,
    aspect TEXT,
    evidence TEXT NOT NULL DEFAULT '[]',
    claimant_start INTEGER,
    claimant_end INTEGER,
    outlet INTEGER NOT NULL DEFAULT 0,
    target_start INTEGER,
    target_end INTEGER,
    addressee_start INTEGER,
    addressee_end INTEGER,
    scope TEXT NOT NULL DEFAULT 'text',
    quote_id INTEGER,
    confidence REAL,
    note TEXT NOT NULL DEFAULT '',
    cue TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT 'human',
    state TEXT NOT NULL DEFAULT 'added',
    analyst TEXT,
    created_at TEXT,
    modified_at TEXT
)"""


@migrations()
def m005_claims(db: Database) -> None:
    """Claims as first-class annotations: evidence spans (JSON [[start, end], …]; start/end their extent),
    claimant (or the outlet), object, addressee, type, stance, strength, aspect, provenance and review state.
    The placeholder table of m001 is rebuilt; a row it held keeps its extent as evidence, its target as note."""
    db.execute(_CLAIMS)
    db.execute(
        'INSERT INTO claims_v5 (id, doc_id, start, "end", claim_type, stance, evidence, claimant_start, claimant_end,'
        " note, origin, state, created_at, modified_at)"
        " SELECT id, doc_id, start, \"end\", claim_type, stance, json_array(json_array(start, \"end\")),"
        " claimant_start, claimant_end, coalesce(target, ''), coalesce(origin, 'human'),"
        f" {_MACHINE_STATE}, created_at, created_at FROM claims"
    )
    db.execute("DROP TABLE claims")
    db.execute("ALTER TABLE claims_v5 RENAME TO claims")
    db.execute("CREATE INDEX idx_claims_doc ON claims (doc_id, start)")


def _count_triggers(table: str, column: str) -> list[str]:
    """Triggers keeping doc_counts.<column> equal to the not-rejected rows of ``table`` per document, whatever
    writes them (an action, an undo, an import): the document list reads a number instead of counting."""
    bump = ("INSERT INTO doc_counts (doc_id, {col}) VALUES ({doc}, {n}) "
            "ON CONFLICT(doc_id) DO UPDATE SET {col} = {col} + {n}")
    plus = bump.format(col=column, doc="NEW.doc_id", n=1)
    minus = bump.format(col=column, doc="OLD.doc_id", n=-1)
    return [
        f"CREATE TRIGGER {table}_count_insert AFTER INSERT ON {table} WHEN NEW.state != 'rejected' BEGIN {plus}; END",
        f"CREATE TRIGGER {table}_count_delete AFTER DELETE ON {table} WHEN OLD.state != 'rejected' BEGIN {minus}; END",
        f"CREATE TRIGGER {table}_count_update_old AFTER UPDATE OF state, doc_id ON {table} "
        f"WHEN OLD.state != 'rejected' BEGIN {minus}; END",
        f"CREATE TRIGGER {table}_count_update_new AFTER UPDATE OF state, doc_id ON {table} "
        f"WHEN NEW.state != 'rejected' BEGIN {plus}; END",
    ]


@migrations()
def m006_counts(db: Database) -> None:
    """Span and quote counts per document kept by triggers (the list of 100,000 documents reads them)."""
    db.execute("CREATE TABLE doc_counts (doc_id INTEGER PRIMARY KEY, spans INTEGER NOT NULL DEFAULT 0,"
               " quotes INTEGER NOT NULL DEFAULT 0)")
    db.execute("INSERT INTO doc_counts (doc_id, spans, quotes) SELECT d.id,"
               " (SELECT count(*) FROM spans s WHERE s.doc_id = d.id AND s.state != 'rejected'),"
               " (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id AND q.state != 'rejected') FROM documents d")
    for sql in _count_triggers("spans", "spans") + _count_triggers("quotes", "quotes"):
        db.execute(sql)


@migrations()
def m007_team(db: Database) -> None:
    """Several analysts: a layer per annotation ('' the analysts' work, 'gold' the adjudicated version), each
    analyst's own status and note per document (kept apart when databases are merged), and how much the
    analysts of a document disagree (0 … 1, NULL while fewer than two coded it)."""
    for table in ("spans", "quotes", "claims"):  # a column an earlier step already rebuilt in is not added twice
        if "layer" not in db[table].columns_dict:
            db[table].add_column("layer", str, not_null_default="")
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_{table}_layer ON {table} (doc_id, layer)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS reviews (doc_id INTEGER NOT NULL REFERENCES documents(id), analyst TEXT NOT NULL,"
        " status TEXT NOT NULL DEFAULT 'new', note TEXT NOT NULL DEFAULT '', updated_at TEXT,"
        " PRIMARY KEY (doc_id, analyst))"
    )
    if "disagreement" not in db["documents"].columns_dict:
        db["documents"].add_column("disagreement", float)



@migrations()
def m008_span_ends(db: Database) -> None:
    """An index of spans by where they end: the object offered for a claim is the place named last before its
    evidence, found by walking back from the evidence's start instead of reading the document's every span."""
    db.execute('CREATE INDEX IF NOT EXISTS idx_spans_end ON spans (doc_id, layer, "end")')

if tuple(m.name for m in migrations._migrations) != STEPS:
    raise RuntimeError("annotator.store.steps.STEPS must name every schema step of this module, in order")
