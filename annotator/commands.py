"""Every edit as a small command: ``apply(store)`` writes it and returns what it made or changed.

Commands never open transactions: the caller (the window's session, the CLI, the API) opens one
``store.action`` around all the commands of one user action, and the store journals the rows written, which is
what undo replays (see ``annotator.store.journal``). What the action touched comes back as a typed ``Change``.

Review states: an analyst's edit of a machine proposal makes it ``edited``; deleting a proposal rejects it
(kept, hidden, so no re-run brings it back); deleting the analyst's own annotation removes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from annotator.domain import (
    ACCEPTED,
    ADDED,
    EDITED,
    REJECTED,
    SUGGESTED,
    Accepted,
    Change,
    ChangeKind,
    Claim,
    Mention,
    PipelineInfo,
    ProposalReport,
    Quote,
    Span,
    edited_state,
)
from annotator.review import claim_key, plan, quote_key, span_key

if TYPE_CHECKING:  # the store is passed in; commands never open it
    from annotator.store import Store

__all__ = [
    "AcceptAll", "AcceptClaims", "AcceptQuotes", "AcceptSpans", "AddClaim", "AddQuote", "AddSpan", "ApplyProposals",
    "AddEvidence", "Change", "ChangeKind", "ClaimFromQuote", "ClaimFromText", "Command", "DeleteClaims", "DeleteQuotes", "DeleteSpans", "SetNote",
    "SetStatus", "TakeVersions", "UpdateClaim", "UpdateQuote", "UpdateSpan",
]  # fmt: skip


class Command(Protocol):
    text: str  # what the Edit menu calls it ("Add PERSON")
    name: str  # what the journal calls it ("add_span")

    def apply(self, store: Store) -> Any: ...


@dataclass
class AddSpan:
    """Label ``[start, end)``: exactly the extent of a span relabels (or accepts) it; any other overlap adds a
    new span beside the old ones. Nothing is deleted."""

    doc_id: int
    start: int
    end: int
    label: str
    origin: str = "human"
    name: str = field(default="add_span", init=False)

    @property
    def text(self) -> str:
        return f"Add {self.label}"

    def apply(self, store: Store) -> Span:
        same = store.spans_at(self.doc_id, self.start, self.end)
        live = [s for s in same if s.state != REJECTED]
        for s in live:
            if s.label == self.label:  # the key for a span's own label confirms it
                return store.update_span(s.id, state=ACCEPTED) if s.state == SUGGESTED else s  # type: ignore[arg-type]
        if live:
            return UpdateSpan(live[0].id, label=self.label).apply(store)  # type: ignore[arg-type]
        for s in same:  # a rejected proposal at exactly this extent comes back as the analyst's decision
            state = ACCEPTED if s.label == self.label else EDITED
            return store.update_span(s.id, label=self.label, state=state)  # type: ignore[arg-type]
        return store.insert_span(Span(self.start, self.end, self.label, self.origin, doc_id=self.doc_id))


@dataclass
class UpdateSpan:
    """Relabel or resize a span (any of label, start, end); a proposal changed by hand becomes ``edited``."""

    span_id: int
    label: str | None = None
    start: int | None = None
    end: int | None = None
    name: str = field(default="update_span", init=False)

    @property
    def text(self) -> str:
        return f"Relabel to {self.label}" if self.label else "Resize span"

    def apply(self, store: Store) -> Span:
        old = store.span(self.span_id)
        changes: dict[str, Any] = {k: v for k, v in (("label", self.label), ("start", self.start), ("end", self.end)) if v is not None}
        changes["state"] = edited_state(old.state)
        return store.update_span(self.span_id, **changes)


@dataclass
class AcceptSpans:
    """Confirm machine suggestions as they are."""

    span_ids: Sequence[int]
    name: str = field(default="accept_spans", init=False)
    text: str = field(default="Accept", init=False)

    def apply(self, store: Store) -> list[Span]:
        out = []
        for span_id in self.span_ids:
            s = store.span(span_id)
            out.append(store.update_span(span_id, state=ACCEPTED) if s.state == SUGGESTED else s)
        return out


@dataclass
class AcceptAll:
    """Accept every remaining suggestion of a document: all suggested spans, and quotes and claims at least this
    confident. A suggestion whose row is damaged (an evidence cell another program wrote that is not a list of
    pairs, offsets outside the text) is left as it is and counted, so one bad row never stops the others."""

    doc_id: int
    min_confidence: float = 0.8
    name: str = field(default="accept_all", init=False)
    text: str = field(default="Accept all suggestions", init=False)

    def apply(self, store: Store) -> Accepted:
        counts, damaged = [], 0
        for table, least in (("spans", None), ("quotes", self.min_confidence), ("claims", self.min_confidence)):
            ids = store.suggested_ids(table, self.doc_id, least)  # (the ids only, not the document's every row)
            bad = set(store.damaged(table, self.doc_id, ids))
            counts.append(store.accept(table, [i for i in ids if i not in bad]))  # one UPDATE for the lot
            damaged += len(bad)
        return Accepted(*counts, damaged=damaged)


@dataclass
class AcceptQuotes:
    quote_ids: Sequence[int]
    name: str = field(default="accept_quotes", init=False)
    text: str = field(default="Accept quote", init=False)

    def apply(self, store: Store) -> list[Quote]:
        out = []
        for quote_id in self.quote_ids:
            q = store.quote(quote_id)
            out.append(store.update_quote(quote_id, state=ACCEPTED) if q.state == SUGGESTED else q)
        return out


@dataclass
class DeleteSpans:
    """Delete spans: the analyst's own go; machine proposals are kept as ``rejected`` so no re-run revives them."""

    span_ids: Sequence[int]
    name: str = field(default="delete_spans", init=False)

    @property
    def text(self) -> str:
        return "Delete span" if len(self.span_ids) == 1 else f"Delete {len(self.span_ids)} spans"

    def apply(self, store: Store) -> list[Span]:
        out = []
        for span_id in dict.fromkeys(self.span_ids):
            s = store.span(span_id)
            if s.state == REJECTED:
                raise KeyError(f"no span {span_id}")
            out.append(store.delete_span(span_id) if s.state == ADDED else store.update_span(span_id, state=REJECTED))
        return out


@dataclass
class AddQuote:
    doc_id: int
    start: int
    end: int
    speaker: Mention | None = None
    name: str = field(default="add_quote", init=False)
    text: str = field(default="Add quote", init=False)

    def apply(self, store: Store) -> Quote:
        """A suggestion (or a rejected one) of exactly these words becomes the analyst's, never a second quote."""
        for q in store.quotes_at(self.doc_id, self.start, self.end):
            if q.state in (REJECTED, SUGGESTED):
                changes: dict[str, Any] = {"state": ACCEPTED}
                if self.speaker is not None:
                    changes.update(speaker=self.speaker, speaker_mention=None, state=EDITED)
                return store.update_quote(q.id, **changes)  # type: ignore[arg-type]
        return store.insert_quote(Quote(self.start, self.end, speaker=self.speaker, origin="human", doc_id=self.doc_id))


_UNSET: Any = object()


@dataclass
class UpdateQuote:
    """Resize a quote or set its speaker (a Mention, or None to clear it)."""

    quote_id: int
    start: int | None = None
    end: int | None = None
    speaker: Mention | None | object = _UNSET
    name: str = field(default="update_quote", init=False)

    @property
    def text(self) -> str:
        return "Set speaker" if self.speaker is not _UNSET else "Resize quote"

    def apply(self, store: Store) -> Quote:
        old = store.quote(self.quote_id)
        changes: dict[str, Any] = {k: v for k, v in (("start", self.start), ("end", self.end)) if v is not None}
        if self.speaker is not _UNSET:
            changes.update(speaker=self.speaker, speaker_mention=None)
            _claimants_follow(store, old, self.speaker)  # type: ignore[arg-type]
        changes["state"] = edited_state(old.state)
        return store.update_quote(self.quote_id, **changes)


def _claimants_follow(store: Store, quote: Quote, speaker: Mention | None) -> None:
    """The analyst says who speaks a quote: the machine's claims still only suggested on that quote (made from
    it, or with it as evidence) whose claimant was its old speaker now have the new one, in the same action.
    A claim an analyst made, accepted or edited keeps its claimant: that was their decision."""
    assert quote.doc_id is not None
    was = {m for m in (quote.speaker, quote.speaker_mention) if m is not None}
    if not was:
        return
    evidence = Mention(quote.start, quote.end)
    for claim in store.suggested_claims_on(quote.doc_id, quote.id, evidence, was):
        if speaker != claim.claimant:
            store.update_claim(claim.id, claimant=speaker)  # type: ignore[arg-type]


@dataclass
class DeleteQuotes:
    quote_ids: Sequence[int]
    name: str = field(default="delete_quotes", init=False)

    @property
    def text(self) -> str:
        return "Delete quote" if len(self.quote_ids) == 1 else f"Delete {len(self.quote_ids)} quotes"

    def apply(self, store: Store) -> list[Quote]:
        out = []
        for quote_id in dict.fromkeys(self.quote_ids):
            q = store.quote(quote_id)
            if q.state == REJECTED:
                raise KeyError(f"no quote {quote_id}")
            out.append(store.delete_quote(quote_id) if q.state == ADDED else store.update_quote(quote_id, state=REJECTED))
        return out


# -- claims -------------------------------------------------------------------------------------


@dataclass
class AddClaim:
    """Code a new claim by hand (an analyst's: state ``added``)."""

    claim: Claim
    name: str = field(default="add_claim", init=False)
    text: str = field(default="Add claim", init=False)

    def apply(self, store: Store) -> Claim:
        return store.insert_claim(self.claim.with_(origin="human", state="", id=None))


POLITY_LABELS = ("GPE", "LOC", "NORP", "ORG")  # what an object is likely to be, in order of preference


def suggested_target(store: Store, doc_id: int, start: int, end: int | None = None) -> Mention | None:
    """The object to offer for a claim made by hand on ``[start, end)``: a polity-like entity inside the
    evidence (GPE before LOC, NORP, ORG), else a place the document names elsewhere written inside it (the
    model may have missed that mention), else the nearest such entity before it."""
    end = start if end is None else end
    rank = {label: n for n, label in enumerate(POLITY_LABELS)}
    inside = store.spans_within(doc_id, start, end, POLITY_LABELS)  # (each an index range: never every span)
    if inside:
        best = min(inside, key=lambda s: (rank[s.label], s.start))
        return Mention(best.start, best.end)
    if end > start:
        places = store.span_texts(doc_id, [label for label in POLITY_LABELS if label != "ORG"], longest=end - start)
        if places:
            text = store.document(doc_id).text
            for name in sorted(places, key=lambda name: (-len(name), name)):  # the longest first (ties by name)
                at = _word_at(text, name, start, end)
                if at is not None:
                    return Mention(at, at + len(name))
    before = store.spans_ending_last_before(doc_id, start, POLITY_LABELS)
    best = max(before, key=lambda s: -rank[s.label]) if before else store.first_span(doc_id, POLITY_LABELS)
    return None if best is None else Mention(best.start, best.end)


def _word_at(text: str, name: str, start: int, end: int) -> int | None:
    """Where ``name`` first occurs as whole words inside ``text[start:end]``, else None."""
    at = text.find(name, start, end)
    while at != -1:
        before = text[at - 1] if at > 0 else " "
        after = text[at + len(name)] if at + len(name) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        at = text.find(name, at + 1, end)
    return None


@dataclass
class ClaimFromQuote:
    """One key on a quote: a claim with the quote as evidence and its speaker as claimant. The object is a
    suggestion's for that quote, else a polity-like entity in or near it. A suggested claim on the quote is
    not doubled: it becomes the analyst's decision (accepted as it was, or edited to the type and stance)."""

    quote_id: int
    claim_type: str
    stance: str | None = None
    strength: int | None = None
    name: str = field(default="add_claim", init=False)
    text: str = field(default="Claim from quote", init=False)

    def apply(self, store: Store) -> Claim:
        quote = store.quote(self.quote_id)
        doc_id = quote.doc_id
        assert doc_id is not None
        evidence = (Mention(quote.start, quote.end),)
        offered = store.claims_with_evidence(doc_id, evidence[0])  # its evidence has this quote
        suggestion = next((c for c in offered if c.state == SUGGESTED and c.claim_type == self.claim_type), None)
        suggestion = suggestion or next((c for c in offered if c.state == SUGGESTED), None)
        if suggestion is not None:  # the analyst codes what the machine suggested: that suggestion is decided
            same = (suggestion.claim_type, suggestion.stance) == (self.claim_type, self.stance)
            return store.update_claim(
                suggestion.id, claim_type=self.claim_type, stance=self.stance,  # type: ignore[arg-type]
                strength=suggestion.strength if same else self.strength,
                claimant=suggestion.claimant or quote.speaker, quote_id=quote.id, state=ACCEPTED if same else EDITED)
        with_target = [c for c in offered if c.target is not None]
        target = with_target[0].target if with_target else suggested_target(store, doc_id, quote.start, quote.end)
        claim = Claim(self.claim_type, evidence, claimant=quote.speaker, target=target, stance=self.stance,
                      strength=self.strength, quote_id=quote.id, doc_id=doc_id)
        return store.insert_claim(claim)


@dataclass
class ClaimFromText:
    """A claim on any stretch of text (reported speech, an editorial sentence): ``[start, end)`` as evidence,
    the claimant given or none (``outlet`` for the article's own voice), the object offered as for a quote.
    ``scope="document"`` codes the article as a whole: the stretch is then the object, there is no evidence."""

    doc_id: int
    start: int
    end: int
    claim_type: str
    stance: str | None = None
    claimant: Mention | None = None
    outlet: bool = False
    scope: str = "text"
    strength: int | None = None
    name: str = field(default="add_claim", init=False)
    text: str = field(default="Add claim", init=False)

    def apply(self, store: Store) -> Claim:
        where = Mention(self.start, self.end)
        if self.scope == "document":
            claim = Claim(self.claim_type, (), target=where, stance=self.stance, strength=self.strength,
                          scope="document", doc_id=self.doc_id)
        else:
            target = suggested_target(store, self.doc_id, self.start, self.end)
            claim = Claim(self.claim_type, (where,), claimant=self.claimant, target=target, stance=self.stance,
                          strength=self.strength, outlet=self.outlet and self.claimant is None, doc_id=self.doc_id)
        return store.insert_claim(claim)


@dataclass
class UpdateClaim:
    """Change a claim's fields (claim_type, stance, strength, aspect, claimant, target, addressee, evidence,
    outlet, note, confidence); a suggestion changed by hand becomes ``edited``."""

    claim_id: int
    fields: dict[str, Any]
    name: str = field(default="update_claim", init=False)

    @property
    def text(self) -> str:
        names = {"claim_type": "type", "target": "object"}
        return "Set claim " + ", ".join(names.get(k, k) for k in self.fields)

    def apply(self, store: Store) -> Claim:
        old = store.claim(self.claim_id)
        if old.state == REJECTED:
            raise KeyError(f"no claim {self.claim_id}")
        return store.update_claim(self.claim_id, **self.fields, state=edited_state(old.state))


@dataclass
class AddEvidence:
    """Add ``[start, end)`` to a claim's evidence (or, when it is there already, take it out)."""

    claim_id: int
    start: int
    end: int
    name: str = field(default="update_claim", init=False)
    text: str = field(default="Add evidence", init=False)

    def apply(self, store: Store) -> Claim:
        old = store.claim(self.claim_id)
        m = Mention(self.start, self.end)
        evidence = tuple(e for e in old.evidence if e != m) if m in old.evidence else (*old.evidence, m)
        return UpdateClaim(self.claim_id, {"evidence": evidence}).apply(store)


@dataclass
class AcceptClaims:
    claim_ids: Sequence[int]
    name: str = field(default="accept_claims", init=False)
    text: str = field(default="Accept claim", init=False)

    def apply(self, store: Store) -> list[Claim]:
        out = []
        for claim_id in self.claim_ids:
            c = store.claim(claim_id)
            if c.state == SUGGESTED and store.damaged("claims", c.doc_id, [claim_id]):
                raise ValueError(f"claim {claim_id} is damaged (another program wrote its evidence): give it "
                                 "evidence or delete it")
            out.append(store.update_claim(claim_id, state=ACCEPTED) if c.state == SUGGESTED else c)
        return out


@dataclass
class DeleteClaims:
    """The analyst's own claims go; suggestions are kept as ``rejected`` so no re-run brings them back."""

    claim_ids: Sequence[int]
    name: str = field(default="delete_claims", init=False)

    @property
    def text(self) -> str:
        return "Delete claim" if len(self.claim_ids) == 1 else f"Delete {len(self.claim_ids)} claims"

    def apply(self, store: Store) -> list[Claim]:
        out = []
        for claim_id in dict.fromkeys(self.claim_ids):
            c = store.claim(claim_id)
            if c.state == REJECTED:
                raise KeyError(f"no claim {claim_id}")
            out.append(store.delete_claim(claim_id) if c.state == ADDED else store.update_claim(claim_id, state=REJECTED))
        return out


@dataclass
class SetStatus:
    doc_id: int
    status: str
    name: str = field(default="status", init=False)

    @property
    def text(self) -> str:
        return f"Mark {self.status}"

    def apply(self, store: Store) -> str:
        """Returns the previous status."""
        return store.set_status(self.doc_id, self.status)


@dataclass
class TakeVersions:
    """Adjudication: copy analysts' versions (spans, quotes, claims of the analysts' layer) into the gold layer
    as the lead's decision; a version gold already holds at the same place is not copied twice. Gold's copies
    of the versions in ``instead`` (the other analysts' versions of the same place) are removed in the same
    action, so taking one analyst's version after another's replaces it."""

    doc_id: int
    versions: Sequence[Span | Quote | Claim]
    instead: Sequence[Span | Quote | Claim] = ()
    name: str = field(default="adjudicate", init=False)

    @property
    def text(self) -> str:
        return "Take " + ("a version" if len(self.versions) == 1 else f"{len(self.versions)} versions") + " into gold"

    def apply(self, store: Store) -> list[Span | Quote | Claim]:
        old, store.layer = store.layer, GOLD
        try:
            gold = [(x, _same(x)) for x in (*store.spans(self.doc_id), *store.quotes(self.doc_id),
                                             *store.claims(self.doc_id))]
            dropped = {_same(v) for v in self.instead} - {_same(v) for v in self.versions}
            delete = {Span: store.delete_span, Quote: store.delete_quote, Claim: store.delete_claim}
            for x, same in gold:
                if same in dropped:
                    delete[type(x)](x.id)  # type: ignore[operator]
            held = {same for _, same in gold if same not in dropped}
            made: list[Span | Quote | Claim] = []
            for v in self.versions:
                if _same(v) in held:
                    continue
                held.add(_same(v))
                fresh = {"id": None, "doc_id": self.doc_id, "state": ADDED, "analyst": None, "created_at": None,
                         "modified_at": None}
                if isinstance(v, Span):
                    made.append(store.insert_span(v.with_(**fresh)))
                elif isinstance(v, Quote):
                    made.append(store.insert_quote(v.with_(**fresh)))
                else:
                    made.append(store.insert_claim(v.with_(quote_id=None, **fresh)))
            return made
        finally:
            store.layer = old


GOLD = "gold"  # the store's adjudicated layer (annotator.store.GOLD)


def _same(item: Span | Quote | Claim) -> Any:
    """An annotation without what is local to one row (id, document, provenance): two equal ones are one."""
    local = {"id": None, "doc_id": None, "state": ADDED, "analyst": None, "origin": "human"}
    return item.with_(**local, quote_id=None) if isinstance(item, Claim) else item.with_(**local)


@dataclass
class SetNote:
    doc_id: int
    note: str
    merge: bool = False  # typing on: continue the note's latest journal entry instead of a new one
    name: str = field(default="note", init=False)
    text: str = field(default="Edit note", init=False)

    def apply(self, store: Store) -> str:
        """Returns the previous note."""
        return store.set_note(self.doc_id, self.note)


@dataclass
class ApplyProposals:
    """Merge a pre-annotation run into a document without touching any analyst decision.

    Earlier suggestions the run makes again are kept, those it no longer makes are withdrawn, new ones added,
    and proposals overlapping a decision of the same kind skipped. A document marked done is left alone
    unless ``include_done``. The document records which pipeline and rules ran, and when.
    """

    doc_id: int
    spans: Sequence[Span]
    quotes: Sequence[Quote]
    info: PipelineInfo
    include_done: bool = False
    claims: Sequence[Claim] = ()
    name: str = field(default="preannotate", init=False)
    text: str = field(default="Pre-annotate", init=False)

    def apply(self, store: Store) -> ProposalReport:
        if store.status(self.doc_id) == "done" and not self.include_done:
            return ProposalReport(skipped_done=1)
        stamp = self.info.stamp
        spans = [s.with_(origin=stamp(s.origin), doc_id=self.doc_id, id=None, state=SUGGESTED) for s in self.spans]
        quotes = [q.with_(origin=stamp(q.origin), doc_id=self.doc_id, id=None, state=SUGGESTED) for q in self.quotes]
        claims = [c.with_(origin=stamp(c.origin), doc_id=self.doc_id, id=None, state=SUGGESTED, quote_id=None)
                  for c in self.claims]
        sp = plan(store.spans(self.doc_id, include_rejected=True), spans, span_key)
        qp = plan(store.quotes(self.doc_id, include_rejected=True), quotes, quote_key)
        cp = plan(store.claims(self.doc_id, include_rejected=True), claims, claim_key)
        for s in sp.withdraw:
            store.delete_span(s.id)  # type: ignore[arg-type]
        for q in qp.withdraw:
            store.delete_quote(q.id)  # type: ignore[arg-type]
        for c in cp.withdraw:
            store.delete_claim(c.id)  # type: ignore[arg-type]
        store.insert_spans(self.doc_id, sp.add)
        store.insert_quotes(self.doc_id, qp.add)
        if cp.add:  # a claim made from a quote names it, so the window can follow one from the other
            quote_ids = {(q.start, q.end): q.id for q in store.quotes(self.doc_id)}
            store.insert_claims(self.doc_id, [
                c.with_(quote_id=quote_ids.get((c.evidence[0].start, c.evidence[0].end)) if c.evidence else None)
                for c in cp.add])  # fmt: skip
        store.set_preannotated(self.doc_id, self.info)
        return ProposalReport(
            documents=1,
            added_spans=len(sp.add),
            added_quotes=len(qp.add),
            added_claims=len(cp.add),
            kept=len(sp.keep) + len(qp.keep) + len(cp.keep),
            withdrawn=len(sp.withdraw) + len(qp.withdraw) + len(cp.withdraw),
            skipped=len(sp.skipped) + len(qp.skipped) + len(cp.skipped),
        )
