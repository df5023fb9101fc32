"""The small public Python API: what the window does, for scripts and notebooks, with the same transactions.

    import annotator
    with annotator.open_project("news.db", analyst="ana") as project:
        doc = project.documents()[0]
        span = project.add_span(doc.id, 0, 5, "PERSON")
        project.relabel_span(span.id, "ORG")
        project.undo(doc.id)

Every edit method is one user action: one transaction and one journal entry, undoable with ``undo(doc_id)``
(also after reopening the file). Edits return the annotation they made or changed, read back from the store.
Pre-annotation writes each document as one action (one journal entry, all there or not at all) and commits a
few documents at a time (``WRITE_DOCS``, at most ``WRITE_SECONDS`` apart), so an interrupted run keeps what it
wrote, never half a document, and a re-run does the rest.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from annotator.commands import (
    AcceptClaims,
    AcceptSpans,
    AddClaim,
    AddQuote,
    AddSpan,
    ApplyProposals,
    ClaimFromQuote,
    Command,
    DeleteClaims,
    DeleteQuotes,
    DeleteSpans,
    SetNote,
    SetStatus,
    TakeVersions,
    UpdateClaim,
    UpdateQuote,
    UpdateSpan,
)
from annotator.domain import (
    UNFINISHED,
    Annotations,
    Change,
    ChangeKind,
    Claim,
    Document,
    Mention,
    PipelineInfo,
    ProposalReport,
    Quote,
    Span,
)
from annotator.store import HistoryEntry, Store, StoreError, UndoConflict
from annotator.store.team import MergeReport

__all__ = ["Project", "open_project", "StoreError", "UndoConflict"]

WRITE_DOCS = 16  # pre-annotation commits this many documents together (one disk flush) ...
WRITE_SECONDS = 1.0  # ... or what it finished in this time, whichever comes first

Where = tuple[int, int] | Mention  # a stretch of text: (start, end) code points, or a Mention

# API names of claim fields -> Claim attributes
_CLAIM_FIELDS = {"type": "claim_type", "claim_type": "claim_type", "object": "target", "target": "target",
                 "claimant": "claimant", "addressee": "addressee", "evidence": "evidence", "stance": "stance",
                 "strength": "strength", "aspect": "aspect", "outlet": "outlet", "note": "note",
                 "confidence": "confidence", "scope": "scope"}


def _where(value: Where | None) -> Mention | None:
    if value is None or isinstance(value, Mention):
        return value
    start, end = value
    return Mention(int(start), int(end))


def _claim_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in _CLAIM_FIELDS:
            raise TypeError(f"a claim has no field {key!r} (fields: {', '.join(sorted(set(_CLAIM_FIELDS)))})")
        name = _CLAIM_FIELDS[key]
        if name in ("claimant", "target", "addressee"):
            value = _where(value)
        elif name == "evidence":
            value = tuple(_where(v) for v in value)  # type: ignore[misc]
        out[name] = value
    return out


def open_project(path: str | Path, analyst: str | None = None) -> Project:
    """Open (or create) the database at ``path``; ``analyst`` defaults to the OS user's name."""
    return Project(Store(path, analyst=analyst))


class Project:
    """One database, one analyst. Use as a context manager, or call ``close()``."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.last_change: Change = Change()

    @property
    def analyst(self) -> str:
        return self.store.analyst

    @analyst.setter
    def analyst(self, name: str) -> None:
        self.store.analyst = name

    # -- reading ---------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return list(self.store.documents())

    def document(self, doc_id: int) -> Document:
        return self.store.document(doc_id)

    def spans(self, doc_id: int, include_rejected: bool = False) -> list[Span]:
        text = self.store.document(doc_id).text
        return [s.with_(text=text[s.start : s.end]) for s in self.store.spans(doc_id, include_rejected)]

    def quotes(self, doc_id: int, include_rejected: bool = False) -> list[Quote]:
        text = self.store.document(doc_id).text
        return [q.with_(text=text[q.start : q.end]) for q in self.store.quotes(doc_id, include_rejected)]

    def history(self, doc_id: int) -> list[HistoryEntry]:
        return self.store.history(doc_id)

    # -- one action ------------------------------------------------------------------------
    def run(self, *commands: Command, label: str | None = None) -> list[Any]:
        """Apply the commands as one action (one transaction, one journal entry); their results in order.

        On any error nothing is written and the error propagates. ``self.last_change`` says what changed.
        """
        if not commands:
            return []
        text = label or "; ".join(c.text for c in commands)
        name = commands[0].name if len(commands) == 1 else "+".join(dict.fromkeys(c.name for c in commands))
        merge = all(getattr(c, "merge", False) for c in commands)  # a note typed on: one entry per burst
        with self.store.action(name, label=text, merge=merge) as act:
            results = [c.apply(self.store) for c in commands]
            if not any(isinstance(c, ApplyProposals | SetStatus) for c in commands):
                self._start_work(act.change())
        self.last_change = act.change()
        return results

    def _start_work(self, change: Change) -> None:
        """An analyst's first edit of a new document makes it in progress (in the same action)."""
        if not change.kinds & {ChangeKind.SPANS, ChangeKind.QUOTES, ChangeKind.CLAIMS, ChangeKind.NOTE}:
            return
        for doc_id in sorted(change.doc_ids):
            if self.store.status(doc_id) == "new":
                self.store.set_status(doc_id, "in_progress")

    def next_unfinished(self, after: int | None = None) -> int | None:
        """The next document (in id order, wrapping around) that is new or in progress, other than ``after``."""
        return self.store.next_with_status(UNFINISHED, after)

    def _one(self, command: Command) -> Any:
        return self.run(command)[0]

    def _with_text(self, item: Any) -> Any:
        if isinstance(item, list):
            return [self._with_text(i) for i in item]
        if isinstance(item, Span | Quote) and item.doc_id is not None:
            text = self.store.document(item.doc_id).text
            return item.with_(text=text[item.start : item.end])
        return item

    # -- spans -----------------------------------------------------------------------------
    def add_span(self, doc_id: int, start: int, end: int, label: str) -> Span:
        """Label ``[start, end)``; on exactly an existing span's extent this relabels (or accepts) it."""
        return self._with_text(self._one(AddSpan(doc_id, start, end, label)))

    def relabel_span(self, span_id: int, label: str) -> Span:
        return self._with_text(self._one(UpdateSpan(span_id, label=label)))

    def resize_span(self, span_id: int, start: int, end: int) -> Span:
        return self._with_text(self._one(UpdateSpan(span_id, start=start, end=end)))

    def accept_spans(self, span_ids: Iterable[int]) -> list[Span]:
        return self._with_text(self._one(AcceptSpans(list(span_ids))))

    def delete_spans(self, span_ids: Iterable[int]) -> list[Span]:
        """Delete several spans as one action (machine proposals are kept as rejected)."""
        return self._with_text(self._one(DeleteSpans(list(span_ids))))

    # -- quotes ----------------------------------------------------------------------------
    def add_quote(self, doc_id: int, start: int, end: int, speaker: tuple[int, int] | None = None) -> Quote:
        mention = Mention(*speaker) if speaker else None
        return self._with_text(self._one(AddQuote(doc_id, start, end, mention)))

    def set_speaker(self, quote_id: int, start: int | None, end: int | None) -> Quote:
        """Attribute the quote to ``[start, end)`` of its document; ``None, None`` clears the speaker."""
        mention = Mention(start, end) if start is not None and end is not None else None
        return self._with_text(self._one(UpdateQuote(quote_id, speaker=mention)))

    def resize_quote(self, quote_id: int, start: int, end: int) -> Quote:
        return self._with_text(self._one(UpdateQuote(quote_id, start=start, end=end)))

    def delete_quotes(self, quote_ids: Iterable[int]) -> list[Quote]:
        return self._with_text(self._one(DeleteQuotes(list(quote_ids))))

    # -- claims ----------------------------------------------------------------------------
    def claims(self, doc_id: int, include_rejected: bool = False) -> list[Claim]:
        """The document's claims in text order (rejected suggestions only when asked)."""
        return self.store.claims(doc_id, include_rejected)

    def add_claim(self, doc_id: int, type: str, evidence: Sequence[Where] = (), **fields: Any) -> Claim:  # noqa: A002
        """Code a claim: ``type`` (a codebook claim type id), ``evidence`` (spans as (start, end)), and any of
        ``claimant``, ``object``, ``addressee`` (spans), ``stance``, ``strength`` (-2…2), ``aspect``,
        ``outlet`` (True: the outlet itself claims), ``note``, ``scope`` ("document" for an article-level stance)."""
        made = _claim_fields({"type": type, "evidence": evidence, **fields})
        return self._one(AddClaim(Claim(doc_id=doc_id, **made)))

    def claim_from_quote(self, quote_id: int, type: str, stance: str | None = None) -> Claim:  # noqa: A002
        """A claim with the quote as evidence and its speaker as claimant (what the window's ``c`` does)."""
        return self._one(ClaimFromQuote(quote_id, type, stance))

    def update_claim(self, claim_id: int, **fields: Any) -> Claim:
        """Change a claim's fields (same names as add_claim; ``object=None`` clears the object)."""
        return self._one(UpdateClaim(claim_id, _claim_fields(fields)))

    def accept_claims(self, claim_ids: Iterable[int]) -> list[Claim]:
        return self._one(AcceptClaims(list(claim_ids)))

    def delete_claim(self, claim_id: int) -> Claim:
        """Delete a claim: the analyst's own goes, a suggestion is kept as rejected (no re-run revives it)."""
        return self._one(DeleteClaims([claim_id]))[0]

    def delete_claims(self, claim_ids: Iterable[int]) -> list[Claim]:
        return self._one(DeleteClaims(list(claim_ids)))

    # -- documents -------------------------------------------------------------------------
    def set_status(self, doc_id: int, status: str) -> Document:
        self._one(SetStatus(doc_id, status))
        return self.store.document(doc_id)

    def set_note(self, doc_id: int, note: str) -> Document:
        self._one(SetNote(doc_id, note))
        return self.store.document(doc_id)

    # -- history ---------------------------------------------------------------------------
    def undo(self, doc_id: int | None = None) -> Change | None:
        """Undo the last action on ``doc_id`` (None: on any document); None if there is nothing to undo.

        Raises UndoConflict, writing nothing, if the rows changed since; the action stays undoable.
        """
        done = self.store.undo(doc_id)
        if done is None:
            return None
        self.last_change = done[1]
        return done[1]

    def redo(self, doc_id: int | None = None) -> Change | None:
        done = self.store.redo(doc_id)
        if done is None:
            return None
        self.last_change = done[1]
        return done[1]

    # -- pre-annotation --------------------------------------------------------------------
    def apply_proposals(
        self, doc_id: int, proposals: Annotations, info: PipelineInfo, include_done: bool = False
    ) -> ProposalReport:
        """Merge one document's machine proposals (one action) without touching an analyst's decision."""
        return self._one(ApplyProposals(doc_id, proposals.spans, proposals.quotes, info, include_done,
                                        proposals.claims))

    def preannotate(
        self,
        doc_ids: Sequence[int] | None = None,
        model: Any = None,
        include_done: bool = False,
        labels: Iterable[str] | str | None = "codebook",
        progress: Callable[[int, str], None] | None = None,
        workers: int = 1,
    ) -> ProposalReport:
        """Run NER and the quote finder over ``doc_ids`` (None: every document never pre-annotated).

        ``model`` is an installed pipeline name, a path, or a loaded spaCy ``Language`` (None: the default).
        ``labels`` keeps only those entity labels ("codebook": the codebook's; None: every label the model
        gives). Each document is one action; a few are committed together (see the module's docstring).
        ``progress(doc_id, text)`` is called for each document once it is committed. ``workers`` > 1 parses
        in that many processes (each loads the pipeline once); this process stays the one writer.
        """
        from annotator.codebook import load_codebook
        from annotator.nlp.pipeline import annotate_many, load_pipeline
        from annotator.nlp.provenance import pipeline_info

        by_workers = workers > 1 and (model is None or isinstance(model, str))  # the workers load it, not this process
        nlp = None if by_workers else model if hasattr(model, "pipe") else load_pipeline(model)
        info = pipeline_info(nlp) if nlp is not None else None
        keep = None if labels is None else set(load_codebook().labels if labels == "codebook" else labels)
        ids = list(doc_ids) if doc_ids is not None else self.store.pending_preannotation()
        report = ProposalReport()
        in_flight: deque[tuple[int, str]] = deque()  # texts are read as the pipeline asks: memory stays flat

        def texts() -> Iterator[str]:
            for doc_id in ids:
                doc = self.store.document(doc_id)
                if doc.status == "done" and not include_done:
                    report.skipped_done += 1
                    continue
                in_flight.append((doc_id, doc.text))
                yield doc.text

        def told(found: PipelineInfo) -> None:
            nonlocal info
            info = found

        if workers > 1:
            from annotator.nlp.parallel import annotate_parallel

            results = annotate_parallel(model if by_workers else nlp, texts(), workers, on_info=told if by_workers else None)
        else:
            results = annotate_many(nlp, texts())
        ready: list[tuple[int, str, Annotations]] = []  # finished, not yet written
        since = time.monotonic()

        def write() -> None:
            nonlocal report
            batch = ready[:]
            ready.clear()
            written = []
            committed = None
            try:
                with self.store.batch() as committed:  # one commit for a few documents, each its own action
                    for doc_id, text, ann in batch:
                        report += self.apply_proposals(doc_id, ann, info, include_done)  # type: ignore[arg-type]
                        written.append((doc_id, text))
            finally:
                if progress is not None and committed is not None and committed.done:  # also before a failure
                    for doc_id, text in written:
                        progress(doc_id, text)

        try:
            for ann in results:
                doc_id, text = in_flight.popleft()
                if ann.problem:  # nothing applied: the document keeps what it had and stays pending
                    report.failed.append(f"document {doc_id}: {ann.problem}")
                    continue
                if keep is not None:
                    ann = Annotations([s for s in ann.spans if s.label in keep], list(ann.quotes), list(ann.claims))
                if not ready:
                    since = time.monotonic()
                ready.append((doc_id, text, ann))
                if len(ready) >= WRITE_DOCS or time.monotonic() - since >= WRITE_SECONDS:
                    write()
        finally:  # what was computed is written, also when the run is stopped (Ctrl+C) or fails
            if ready:
                write()
        return report

    # -- several analysts ------------------------------------------------------------------
    def merge(self, *sources: str | Path) -> MergeReport:
        """Merge analysts' databases into this one (``annotator merge``): one action; ``"NAME=PATH"`` says whose."""
        from annotator.team import merge, parse_source

        return merge(self.store, [parse_source(str(s)) for s in sources])

    def agreement(self, label: str | None = None) -> dict:
        """``annotator agreement --format json`` as a dict: F1, kappa, alpha, unitizing alpha per kind."""
        from annotator.curation.agreement import report
        from annotator.store.team import team_documents
        from annotator.team import codings

        doc_ids = team_documents(self.store)
        return report({d: codings(self.store, d) for d in doc_ids},
                      {d: self.store.document(d).text for d in doc_ids}, label=label)

    def take_into_gold(self, doc_id: int, versions: Sequence[Span | Quote | Claim]) -> list:
        """Adjudicate: copy analysts' versions into the gold layer as this analyst's decision (one action)."""
        return self._one(TakeVersions(doc_id, versions))

    # -- closing ---------------------------------------------------------------------------
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
