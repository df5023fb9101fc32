"""Plain dataclasses for documents and their annotations; no I/O, no Qt, no spaCy.

Offsets are Python code points, half-open ``[start, end)``, into ``Document.text``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

STATUSES = ("new", "in_progress", "done", "skipped", "flagged")
UNFINISHED = frozenset({"new", "in_progress"})  # what "next unfinished document" looks for

# Review states of an annotation. A machine proposal starts ``suggested``; what the analyst does with it
# makes it ``accepted``, ``edited`` or ``rejected`` (kept, hidden, so no re-run brings it back); what the
# analyst makes by hand is ``added``. Everything but ``suggested`` is a decision that machines never touch.
SUGGESTED, ACCEPTED, EDITED, ADDED, REJECTED = "suggested", "accepted", "edited", "added", "rejected"
STATES = (SUGGESTED, ACCEPTED, EDITED, ADDED, REJECTED)
DECIDED = frozenset({ACCEPTED, EDITED, ADDED, REJECTED})


# The columns of an annotation row, in the order the store reads them (its export fast path hands rows on).
SPAN_COLUMNS = ("id", "doc_id", "start", "end", "label", "origin", "state", "analyst", "created_at", "modified_at")
QUOTE_COLUMNS = (
    "id", "doc_id", "start", "end", "kind", "speaker_start", "speaker_end", "mention_start", "mention_end",
    "cue_start", "cue_end", "source_start", "source_end", "confidence", "origin", "state", "analyst",
    "created_at", "modified_at",
)  # fmt: skip
CLAIM_COLUMNS = (
    "id", "doc_id", "start", "end", "claim_type", "stance", "strength", "aspect", "evidence", "claimant_start",
    "claimant_end", "outlet", "target_start", "target_end", "addressee_start", "addressee_end", "scope", "quote_id",
    "confidence", "note", "cue", "origin", "state", "analyst", "created_at", "modified_at",
)  # fmt: skip


def initial_state(origin: str) -> str:
    """``added`` for what a person made, ``suggested`` for a model's or rule's proposal."""
    return ADDED if origin == "human" else SUGGESTED


def edited_state(state: str) -> str:
    """The state after an analyst changes an annotation in ``state``: their own stays ``added``."""
    return ADDED if state == ADDED else EDITED


class ChangeKind(enum.Enum):
    """What kind of thing an action touched; views test membership instead of matching strings."""

    SPANS = "spans"
    QUOTES = "quotes"
    CLAIMS = "claims"
    STATUS = "status"
    DOCUMENTS = "documents"
    PREANNOTATION = "preannotation"
    NOTE = "note"


@dataclass(frozen=True)
class Change:
    """What one action (or its undo) touched, so views refresh only that (Anki's OpChanges).

    ``span_ids`` / ``quote_ids`` / ``claim_ids`` name the annotations written, so a view can update just those.
    """

    doc_ids: frozenset[int] = frozenset()
    kinds: frozenset[ChangeKind] = frozenset()
    span_ids: frozenset[int] = frozenset()
    quote_ids: frozenset[int] = frozenset()
    claim_ids: frozenset[int] = frozenset()

    def __or__(self, other: Change) -> Change:
        return Change(
            self.doc_ids | other.doc_ids,
            self.kinds | other.kinds,
            self.span_ids | other.span_ids,
            self.quote_ids | other.quote_ids,
            self.claim_ids | other.claim_ids,
        )

    def __bool__(self) -> bool:
        return bool(self.doc_ids or self.kinds)

    def touches(self, doc_id: int | None, *kinds: ChangeKind) -> bool:
        """True if the change names ``doc_id`` and (when given) any of ``kinds``."""
        return doc_id in self.doc_ids and (not kinds or bool(self.kinds.intersection(kinds)))


def normalise_text(text: str) -> str:
    """The one text normalisation done on import: CRLF and lone CR become LF, a leading BOM goes.

    Nothing else changes (no Unicode normalisation), so combining marks, emoji and
    right-to-left text are kept code point for code point.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text: str) -> str:
    """Stable identity of a document's (normalised) text, used to skip duplicates on import."""
    import hashlib  # here: loading OpenSSL is 4 ms of a launch that hashes nothing

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_of(text: str, limit: int = 90) -> str:
    """First non-empty line of the text, shortened for lists."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return "(empty)"


class OffsetError(ValueError):
    """An annotation's offsets do not fit its document's text."""


def check_offsets(text: str | int, start: int, end: int, what: str = "span") -> None:
    """Raise OffsetError unless ``0 <= start < end <= len(text)`` (``text`` may be given as its length)."""
    length = text if isinstance(text, int) else len(text)
    if not (isinstance(start, int) and isinstance(end, int)):
        raise OffsetError(f"{what} offsets must be integers, got {start!r}, {end!r}")
    if not (0 <= start < end <= length):
        raise OffsetError(f"{what} [{start}, {end}) does not fit a text of {length} characters")


@dataclass(frozen=True)
class Span:
    """A labelled entity span. ``origin`` says who made it: ``human`` or ``model:<name>``."""

    start: int
    end: int
    label: str
    origin: str = "human"
    id: int | None = None
    doc_id: int | None = None
    state: str = ""  # "" means: the initial state for its origin
    analyst: str | None = None
    created_at: str | None = field(default=None, compare=False)
    modified_at: str | None = field(default=None, compare=False)
    text: str = field(default="", compare=False)  # filled in by readers that have the document's text

    def __post_init__(self) -> None:
        if not self.state:
            object.__setattr__(self, "state", initial_state(self.origin))

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def with_(self, **changes: Any) -> Span:
        return replace(self, **changes)


@dataclass(frozen=True)
class Mention:
    """A stretch of text naming someone (a speaker, a pronoun, a cue word)."""

    start: int
    end: int

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Quote:
    """A direct quotation: ``start/end`` cover the quoted words without the quote marks.

    ``speaker`` is the named mention the words are attributed to (resolved from a pronoun
    when the attribution is ``he said``); ``speaker_mention`` is the mention actually used
    in the attribution when it differs (the pronoun); ``cue`` is the reporting verb or
    phrase. ``origin`` names the rule or model that found it, or ``human``; ``state`` is its review state.

    ``kind`` is ``quote`` for reported words, ``term`` for a scare-quoted word or two that no one
    is reported as saying, ``title`` for the title of a work, show or slogan; only quotes have
    speakers. ``source_of`` is the outer source of a nested attribution ("According to a report,
    an aide said ..." -> the report), when there is one. ``confidence`` is the estimated
    probability that the speaker is right (that there is none, for a quote with no speaker).
    """

    start: int
    end: int
    speaker: Mention | None = None
    speaker_mention: Mention | None = None
    cue: Mention | None = None
    confidence: float = 1.0
    kind: str = "quote"  # "quote", or "term" / "title" for quoted words nobody says
    source_of: Mention | None = None  # an outer source (according to a report, an aide said ...)
    origin: str = "human"
    id: int | None = None
    doc_id: int | None = None
    state: str = ""  # "" means: the initial state for its origin
    analyst: str | None = None
    created_at: str | None = field(default=None, compare=False)
    modified_at: str | None = field(default=None, compare=False)
    text: str = field(default="", compare=False)  # filled in by readers that have the document's text

    def __post_init__(self) -> None:
        if not self.state:
            object.__setattr__(self, "state", initial_state(self.origin))

    @property
    def label(self) -> str:
        """``QUOTE`` (or ``TERM`` / ``TITLE``), so quotes answer the same questions as spans."""
        return self.kind.upper()

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def with_(self, **changes: Any) -> Quote:
        return replace(self, **changes)


STANCE_VALUES = {"against": -1, "neutral": 0, "favour": 1}  # the default codebook's stances and their signs
STRENGTHS = (-2, -1, 0, 1, 2)


@dataclass(frozen=True)
class Claim:
    """A stance or sovereignty claim: who claims what about whose sovereignty, with which stance.

    ``evidence`` are the spans that carry it (usually a quote, or a sentence of reported speech);
    ``claimant`` the actor making it (None with ``outlet`` True: the outlet itself); ``target`` the object,
    the polity, territory, people or institution whose sovereignty or status is at stake; ``addressee``
    whom it is made against. ``claim_type``, ``stance`` and ``aspect`` are codebook ids (unknown ones are
    kept), ``strength`` an ordinal -2 … +2. ``scope`` is ``text``, or ``document`` for a stance coded on the
    article as a whole (no evidence needed). ``quote_id`` names the quote it was made from, if any.
    """

    claim_type: str
    evidence: tuple[Mention, ...] = ()
    claimant: Mention | None = None
    target: Mention | None = None
    addressee: Mention | None = None
    stance: str | None = None
    strength: int | None = None
    aspect: str | None = None
    outlet: bool = False
    scope: str = "text"
    confidence: float = 1.0
    note: str = ""
    quote_id: int | None = None
    cue: str = ""  # what a suggestion was found from (a lexicon family); empty for an analyst's claim
    origin: str = "human"
    id: int | None = None
    doc_id: int | None = None
    state: str = ""
    analyst: str | None = None
    created_at: str | None = field(default=None, compare=False)
    modified_at: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.state:
            object.__setattr__(self, "state", initial_state(self.origin))
        object.__setattr__(self, "evidence", tuple(sorted(self.evidence, key=lambda m: (m.start, m.end))))

    def parts(self) -> list[Mention]:
        """Every stretch of text the claim names (evidence, claimant, object, addressee)."""
        return [*self.evidence, *(m for m in (self.claimant, self.target, self.addressee) if m is not None)]

    @property
    def start(self) -> int:
        """Where the claim sits in the text: its first evidence (else its first named part; 0 for none)."""
        ms = self.evidence or tuple(self.parts())
        return min((m.start for m in ms), default=0)

    @property
    def end(self) -> int:
        ms = self.evidence or tuple(self.parts())
        return max((m.end for m in ms), default=0)

    @property
    def label(self) -> str:
        return "CLAIM"

    def with_(self, **changes: Any) -> Claim:
        return replace(self, **changes)


@dataclass
class Document:
    """An article and its metadata. ``meta['source']`` names the file it came from."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    status: str = "new"
    id: int | None = None
    hash: str = ""
    preannotated: str | None = None  # "pipeline@version, rules@version at time", None until pre-annotated
    note: str = ""  # the analyst's note on the document
    split: str | None = None  # train / dev / test, once assigned
    cluster: int | None = None  # near-duplicate cluster id, once computed

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or title_of(self.text))


@dataclass(frozen=True)
class Annotations:
    """Everything pre-annotation proposes for one text."""

    spans: list[Span]
    quotes: list[Quote]
    claims: list[Claim] = field(default_factory=list)
    problem: str = ""  # the rules failed on this text (why, in one line): nothing here may be applied


@dataclass(frozen=True)
class PipelineInfo:
    """Which pipeline and rules made a set of proposals; stamped on their origins and on the document."""

    pipeline: str
    version: str
    rules: str  # e.g. "quotes@0.1.0"

    def stamp(self, origin: str) -> str:
        """``model:x`` -> ``model:x@<version>``, ``rule:y`` -> ``rule:y@<rules version>``; others unchanged."""
        if "@" in origin:
            return origin
        if origin.startswith("model:"):
            return f"{origin}@{self.version}"
        if origin.startswith("rule:"):
            return f"{origin}@{self.rules.rpartition('@')[2] or self.rules}"
        return origin


class Accepted(NamedTuple):
    """What accepting every remaining suggestion of a document did: how many of each kind it accepted, and how
    many suggestions it left as they were because their rows are damaged (written so by another program)."""

    spans: int = 0
    quotes: int = 0
    claims: int = 0
    damaged: int = 0


@dataclass
class ProposalReport:
    """What one pre-annotation run did: what it added, kept, withdrew and left alone."""

    documents: int = 0
    added_spans: int = 0
    added_quotes: int = 0
    added_claims: int = 0
    kept: int = 0  # suggestions the new run proposed again, left as they were
    withdrawn: int = 0  # earlier suggestions the new run no longer makes
    skipped: int = 0  # proposals that collide with an analyst's decision
    skipped_done: int = 0  # documents marked done, left alone
    failed: list[str] = field(default_factory=list)  # "document N: why", for texts the rules failed on (not written)

    def __iadd__(self, other: ProposalReport) -> ProposalReport:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def summary(self) -> str:
        parts = [
            f"{self.documents} document(s): added {self.added_spans} entities, {self.added_quotes} quotes and "
            f"{self.added_claims} claims",
            f"kept {self.kept} earlier suggestions, withdrew {self.withdrawn}",
            f"skipped {self.skipped} that collide with an analyst's decision",
        ]
        if self.skipped_done:
            parts.append(f"left {self.skipped_done} done document(s) alone (--include-done redoes them)")
        if self.failed:
            parts.append(f"{len(self.failed)} document(s) not pre-annotated, the rules failed on them (kept as they "
                         "were, still pending)")
        return "; ".join(parts)


SPLITS = ("train", "dev", "test")


@dataclass(frozen=True)
class Selection:
    """Which documents (and annotations) an export or a statistic covers; empty fields select everything.

    ``statuses``, ``sources``, ``splits`` and the ``since``/``until`` dates (ISO, compared with the time the
    document last changed) choose documents. ``analysts`` and ``labels`` choose annotations: a document is kept
    when it has at least one that matches, and only the matching ones go out (``labels`` filters spans only).
    """

    statuses: tuple[str, ...] = ()
    analysts: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # shell patterns on meta.source: "wire/*.txt"
    splits: tuple[str, ...] = ()  # "train", "dev", "test", or "none" for documents without a split
    since: str | None = None
    until: str | None = None
    meta: tuple[tuple[str, str], ...] = ()  # (key, value): documents whose meta[key] is that value (as text)

    def __bool__(self) -> bool:
        return any((self.statuses, self.analysts, self.labels, self.sources, self.splits, self.since, self.until,
                    self.meta))

    def describe(self) -> str:
        parts = [f"{name} {', '.join(values)}" for name, values in (
            ("status", self.statuses), ("analyst", self.analysts), ("label", self.labels),
            ("source", self.sources), ("split", self.splits)) if values]
        if self.since:
            parts.append(f"changed since {self.since}")
        if self.until:
            parts.append(f"changed until {self.until}")
        parts.extend(f"meta.{k} = {v}" for k, v in self.meta)
        return "; ".join(parts) if parts else "everything (no filter)"

    def keeps(self, item: Span | Quote | Claim) -> bool:
        """Whether an annotation of a selected document goes out."""
        return self.keeps_values(item.label if isinstance(item, Span) else None, item.analyst)

    def keeps_values(self, label: str | None, analyst: str | None) -> bool:
        """``keeps`` for an annotation's label (None for a quote) and analyst."""
        if self.analysts and analyst not in self.analysts:
            return False
        return not (self.labels and label is not None and label not in self.labels)
