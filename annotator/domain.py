"""Plain dataclasses for documents and their annotations; no I/O, no Qt, no spaCy.

Offsets are Python code points, half-open ``[start, end)``, into ``Document.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

STATUSES = ("new", "in_progress", "done", "skipped")


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


def check_offsets(text: str, start: int, end: int, what: str = "span") -> None:
    """Raise OffsetError unless ``0 <= start < end <= len(text)``."""
    if not (isinstance(start, int) and isinstance(end, int)):
        raise OffsetError(f"{what} offsets must be integers, got {start!r}, {end!r}")
    if not (0 <= start < end <= len(text)):
        raise OffsetError(f"{what} [{start}, {end}) does not fit a text of {len(text)} characters")


@dataclass(frozen=True)
class Span:
    """A labelled entity span. ``origin`` says who made it: ``human`` or ``model:<name>``."""

    start: int
    end: int
    label: str
    origin: str = "human"
    id: int | None = None
    doc_id: int | None = None

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
    phrase. ``origin`` names the rule or model that found it, or ``human``.

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
    origin: str = "human"
    id: int | None = None
    doc_id: int | None = None
    kind: str = "quote"
    source_of: Mention | None = None

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def with_(self, **changes: Any) -> Quote:
        return replace(self, **changes)


@dataclass(frozen=True)
class Claim:
    """A stance or sovereignty claim (filled in by a later issue)."""

    start: int
    end: int
    claim_type: str
    stance: str | None = None
    claimant: Mention | None = None
    target: str | None = None
    origin: str = "human"
    id: int | None = None
    doc_id: int | None = None


@dataclass
class Document:
    """An article and its metadata. ``meta['source']`` names the file it came from."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    status: str = "new"
    id: int | None = None
    hash: str = ""

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
