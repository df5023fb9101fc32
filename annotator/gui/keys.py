"""What the article view's keys and speaker clicks do: turn the cursor and selection into core commands.

Every edit goes through ``session.run``, so it is saved at once and can be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from annotator.commands import (
    AcceptQuotes,
    AcceptSpans,
    AddQuote,
    AddSpan,
    DeleteQuotes,
    DeleteSpans,
    UpdateQuote,
    UpdateSpan,
)
from annotator.domain import Claim, Mention, Quote, Span
from annotator.gui import editing as ed
from annotator.gui.claim_keys import ClaimKeys
from annotator.gui.placement import place_by_cursor
from annotator.gui.speaker_picker import SpeakerPicker

if TYPE_CHECKING:
    from annotator.gui.textview import ArticleView


ARTICLE_KEYS: list[tuple[str, str]] = [
    ("q", "add a quote from the selection (quote marks at the ends are dropped)"),
    ("s", "in a quote: pick its speaker with the next click, or a selection and Enter"),
    ("Shift+S", "in a quote: pick its speaker from the people and organisations of the document"),
    ("r / Shift+R", "resize the span / the quote the selection overlaps to the selection"),
    ("a", "accept the suggestion at the cursor as it is"),
    ("[ / ]", "grow the span at the cursor by a word on the left / right"),
    ("{ / }", "shrink the span at the cursor by a word on the left / right"),
    ("Del / Backspace / x", "delete the spans in the selection, else the span (or quote) at the cursor"),
    ("Tab / Shift+Tab", "select the next / previous annotation (span, quote or claim) and say what it is"),
    ("Esc", "cancel picking a speaker, else clear the selection, else unselect the claim"),
]


def describe(text: str, item: Span | Quote) -> str:
    """What the status bar says about an annotation: what it is, its origin, review state and analyst."""
    who = f", {item.analyst}" if item.analyst else ""
    if isinstance(item, Span):
        return f"{item.label} “{ed.shorten(item.text_in(text), 50)}” — {item.state}, {item.origin}{who}"
    speaker = ed.mention_text(text, item.speaker) or "no speaker"
    return f"quote by {speaker} “{ed.shorten(item.text_in(text), 50)}” — {item.state}, {item.origin}{who}"


class ArticleKeys:
    """Codebook keys add or relabel spans; q quote; s/S speaker; r/R resize; Del, Backspace, x delete; Esc."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.claims = ClaimKeys(view)
        self.walked: object | None = None  # the annotation Tab went to last (several can share one extent)
        self.picking: int | None = None  # id of the quote whose speaker the next click sets
        self.picker: SpeakerPicker | None = None
        self.actions: dict[str, Callable[[], None]] = {
            "q": self.add_quote,
            "s": self.start_pick,
            "S": self.open_picker,
            "r": self.resize_span,
            "R": self.resize_quote,
            "x": self.delete_at_cursor,
            "a": self.accept_at_cursor,
            "[": lambda: self.move_edge("left", grow=True),
            "]": lambda: self.move_edge("right", grow=True),
            "{": lambda: self.move_edge("left", grow=False),
            "}": lambda: self.move_edge("right", grow=False),
        }

    def _say(self, text: str) -> None:
        self.view.message.emit(text)

    def handle(self, event: QKeyEvent) -> bool:
        """True if the key was an annotation key (handled); False leaves it to the text view."""
        key = event.key()
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if mods != Qt.KeyboardModifier.NoModifier:
            return False  # Ctrl/Alt combinations belong to the window's shortcuts and to copy/select-all
        if key == Qt.Key.Key_Escape:
            if not self.cancel_pick():
                cursor = self.view.textCursor()
                if cursor.hasSelection():
                    cursor.clearSelection()
                    self.view.setTextCursor(cursor)
                elif self.claims.current is not None:
                    self.claims.select(None)
                    self._say("no claim selected")
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.picking is not None:
                self.speaker_from_selection()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_at_cursor()
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.walk(-1 if key == Qt.Key.Key_Backtab or event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return True
        typed = event.text()
        if typed in self.actions:
            self.actions[typed]()
            return True
        if typed and self.claims.handle(typed):
            return True
        if len(typed) == 1 and typed.isalnum():
            entity = self.view.codebook.by_key(typed)
            if entity is None:
                self._say(f"“{typed}” is not a label key; see the legend")
            else:
                self.label_key(entity.label)
            return True
        return False

    # -- spans -----------------------------------------------------------------------------
    def label_key(self, label: str) -> None:
        """With a selection: add a span; without one, inside a span: relabel it."""
        view = self.view
        assert view.doc is not None and view.doc.id is not None
        start, end = view.selection_cp()
        if start != end:
            start, end = ed.strip_range(view.text, start, end)
            if start == end:
                self._say("the selection is only white space")
            elif view.session.run(AddSpan(view.doc.id, start, end, label)):
                view.select_cp(end)
            return
        span = ed.span_at(view.spans, view.cursor_cp())
        if span is None:
            self._say(f"select some text, then press the key for {label}")
        elif span.label == label:
            if span.state == "suggested":
                if view.session.run(AcceptSpans([span.id])):  # type: ignore[list-item]
                    self._say(f"accepted {label}")
            else:
                self._say(f"already {label}")
        else:
            view.session.run(UpdateSpan(span.id, label=label))  # type: ignore[arg-type]

    def accept_at_cursor(self) -> None:
        """``a``: accept the selected claim if it is a suggestion, else the suggestion at the cursor (the span
        there, else the quote)."""
        if self.claims.accept_current():
            return
        view = self.view
        cp = view.cursor_cp()
        span = ed.span_at(view.spans, cp)
        quote = None if span is not None else ed.quote_at(view.quotes, cp)
        target = span or quote
        if target is None:
            self._say("put the cursor in a suggestion to accept it (Ctrl+Shift+A accepts all that remain)")
        elif target.state != "suggested":
            self._say(f"already decided: {target.state}")
        elif view.session.run(AcceptSpans([span.id]) if span else AcceptQuotes([quote.id])):  # type: ignore[union-attr,list-item]
            self._say(f"accepted {span.label if span else 'quote'}")

    def move_edge(self, edge: str, grow: bool) -> None:
        """``[`` / ``]`` grow the span at the cursor by a token on the left / right; ``{`` / ``}`` shrink it."""
        view = self.view
        span = ed.span_at(view.spans, view.cursor_cp())
        if span is None:
            self._say("put the cursor in a span to grow or shrink it")
            return
        start, end = ed.grow_or_shrink(view.text, span.start, span.end, edge, grow)
        if (start, end) == (span.start, span.end):
            self._say(f"the span cannot {'grow' if grow else 'shrink'} further on the {edge}")
        elif view.session.run(UpdateSpan(span.id, start=start, end=end)):  # type: ignore[arg-type]
            view.select_cp(start)
            self._say(f"{span.label} is now “{ed.shorten(view.text[start:end], 50)}”")

    def walk(self, step: int) -> None:
        """Tab / Shift+Tab: select the next / previous annotation (span, quote or claim) in text order and say
        what it is; a claim becomes the selected claim."""
        view = self.view
        kinds = {Span: 0, Quote: 1, Claim: 2}
        shown = [c for c in view.claims if c.scope == "text" and view.claim_shown(c)]  # as the claims panel
        items = sorted([*view.spans, *view.quotes, *shown], key=lambda i: (i.start, i.end, kinds[type(i)], i.id or 0))
        if not items:
            self._say("no annotations in this document")
            return
        start, end = view.selection_cp()
        here = (start, end)
        last = next((n for n, i in enumerate(items) if i is self.walked or i == self.walked), None)
        if last is not None and (items[last].start, items[last].end) == here:
            target = items[(last + step) % len(items)]
        elif step > 0:
            target = next((i for i in items if (i.start, i.end) > here), items[0])
        else:
            target = next((i for i in reversed(items) if (i.start, i.end) < here), items[-1])
        self.walked = target
        view.select_cp(target.start, target.end)
        if isinstance(target, Claim):
            self.claims.select(target.id)
        else:
            self._say(describe(view.text, target))

    def delete_at_cursor(self) -> None:
        """Delete the span at the cursor (or the spans in the selection), else the quote there."""
        view = self.view
        start, end = view.selection_cp()
        if start != end:
            spans = ed.overlapping(view.spans, start, end)
            quotes = [] if spans else ed.overlapping(view.quotes, start, end)
        else:
            cp = view.cursor_cp()
            span = ed.span_at(view.spans, cp)
            quote = None if span else ed.quote_at(view.quotes, cp)
            spans, quotes = ([span] if span else []), ([quote] if quote else [])
        gone = spans or quotes
        if not gone:
            self._say("nothing to delete at the cursor")
            return
        command = DeleteSpans([s.id for s in spans]) if spans else DeleteQuotes([q.id for q in quotes])  # type: ignore[misc]
        if view.session.run(command) is not None:  # (the bar said the last action's message: say this one's)
            what = (f"{len(gone)} {'spans' if spans else 'quotes'}" if len(gone) > 1
                    else describe(view.text, gone[0]).split(" — ")[0])
            self._say(f"deleted {what} (Ctrl+Z undoes)")

    def resize_span(self) -> None:
        self._resize(self.view.spans, "span", "", lambda s, a, b: UpdateSpan(s.id, start=a, end=b))

    def resize_quote(self) -> None:
        self._resize(self.view.quotes, "quote", ed.QUOTE_MARKS, lambda q, a, b: UpdateQuote(q.id, start=a, end=b))

    def _resize(self, items: list, what: str, marks: str, make: Callable) -> None:
        view = self.view
        start, end = ed.strip_range(view.text, *view.selection_cp(), marks)
        hits = ed.overlapping(items, start, end) if start < end else []
        if len(hits) != 1:
            self._say(f"select text overlapping exactly one {what} to resize it to the selection")
        elif (hits[0].start, hits[0].end) == (start, end):
            self._say(f"the {what} already has that size")
        elif view.session.run(make(hits[0], start, end)):
            view.select_cp(end)

    # -- quotes and speakers ---------------------------------------------------------------
    def add_quote(self) -> None:
        view = self.view
        assert view.doc is not None and view.doc.id is not None
        start, end = ed.strip_range(view.text, *view.selection_cp(), ed.QUOTE_MARKS)
        if start == end:
            self._say("select the quoted words, then press q")
        elif ed.overlapping(view.quotes, start, end):
            self._say("that overlaps a quote: select it and press Shift+R to resize, or delete it")
        elif any((q.start, q.end) != (start, end) for q in self._hidden_quotes(start, end)):
            self._say("that overlaps a hidden unsure quote suggestion: Ctrl+Shift+H shows it")
        elif view.session.run(AddQuote(view.doc.id, start, end)):
            view.select_cp(start)
            self._say("quote added: press s and click its speaker, or Shift+S to pick from a list")

    def _hidden_quotes(self, start: int, end: int) -> list[Quote]:
        """The quotes over ``[start, end)`` that Ctrl+Shift+H hides (unsure suggestions)."""
        view = self.view
        if not view.min_confidence or view.doc is None or view.doc.id is None:
            return []
        shown = {q.id for q in view.quotes}
        return [q for q in ed.overlapping(view.session.store.quotes(view.doc.id), start, end) if q.id not in shown]

    def _quote_here(self) -> Quote | None:
        quote = ed.quote_at(self.view.quotes, self.view.cursor_cp())
        if quote is None:
            self._say("put the cursor in a quote first")
        return quote

    def start_pick(self) -> None:
        """``s``: the next click (or selection + Enter) sets the speaker of the quote at the cursor."""
        quote = self._quote_here()
        if quote is None:
            return
        self.picking = quote.id
        self.view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.view.refresh_cursor_feedback()
        self._say("pick the speaker: click a name, or select it and press Enter; Esc cancels")

    def cancel_pick(self, quiet: bool = False) -> bool:
        """Leave speaker picking (and close the list); True if there was something to cancel."""
        was = self.picking is not None or (self.picker is not None and self.picker.isVisible())
        if self.picking is not None:  # (only then: a document's open would ask for the viewport, see DocumentList)
            self.view.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.picking = None
        if self.picker is not None:
            self.picker.close()
        if was and not quiet:
            self._say("speaker picking cancelled")
        return was

    def open_picker(self) -> None:
        """``Shift+S``: choose the speaker of the quote at the cursor from the document's PERSON/ORG names."""
        view = self.view
        quote = self._quote_here()
        if quote is None:
            return
        choices = ed.speaker_choices(view.text, view.spans, quote)
        if not choices:
            self._say("no PERSON or ORG spans in this document: press s and click the speaker instead")
            return
        if self.picker is not None:
            self.picker.deleteLater()
        self.picker = SpeakerPicker(view, choices)
        self.picker.picked.connect(lambda mention, qid=quote.id: self.set_speaker(qid, mention))
        place_by_cursor(self.picker, view, 4)
        self.picker.show()
        self.picker.filter.setFocus()

    def click(self, cp: int) -> None:
        """A click at code point ``cp`` while picking: the entity span there, else the word, is the speaker."""
        mention = ed.speaker_at(self.view.text, self.view.spans, cp)
        if mention is None:
            self._say("no word there: click a name, or Esc to cancel")
        else:
            self.set_speaker(self.picking, mention)  # type: ignore[arg-type]

    def set_speaker(self, quote_id: int, mention: Mention) -> None:
        self.cancel_pick(quiet=True)
        if self.view.session.run(UpdateQuote(quote_id, speaker=mention)):
            self._say(f"speaker: {ed.mention_text(self.view.text, mention)}")

    def speaker_from_selection(self) -> None:
        start, end = ed.strip_range(self.view.text, *self.view.selection_cp(), ed.QUOTE_MARKS + ",.;:!?")
        start, end = ed.snap_to_tokens(self.view.text, start, end) if start < end else (start, end)
        if start == end:
            self._say("select the speaker's name first, or click it")
        else:
            self.set_speaker(self.picking, Mention(start, end))  # type: ignore[arg-type]
