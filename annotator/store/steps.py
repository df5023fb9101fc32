"""The names of the schema steps (``annotator.store.migrations``, sqlite-utils migrations), in order, known
without importing sqlite-utils: opening a database that is up to date reads its ``_sqlite_migrations`` table and
compares it with these, so the window's launch does not pay for importing sqlite-utils (about a third of it).
A new step is added here too; ``annotator.store.migrations`` refuses to load when the two differ."""

from __future__ import annotations

STEPS = ("m001_initial", "m002_edit_log", "m003_provenance", "m004_queue", "m005_claims", "m006_counts", "m007_team",
         "m008_span_ends")
KNOWN = frozenset(STEPS)
MIGRATION_SET = "annotator"
