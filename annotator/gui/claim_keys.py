"""The article's claim keys: ``c`` codes a claim (from the quote at the cursor, else the selection), then the
type and stance are picked by their keys; with a claim selected, its type, stance and parts are set by key.

Every edit is one ``session.run``: saved at once, undoable with Ctrl+Z.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.codebook import Codebook
from annotator.commands import AcceptClaims, AddEvidence, ClaimFromQuote, ClaimFromText, DeleteClaims, UpdateClaim
from annotator.domain import STANCE_VALUES, Claim, Mention
from annotator.gui import editing as ed
from annotator.gui.choice_popup import ChoicePopup

if TYPE_CHECKING:
    from annotator.gui.textview import ArticleView

CLAIM_KEYS: list[tuple[str, str]] = [
    ("c", "code a claim: from the quote at the cursor (its speaker claims), else from the selection; then press "
          "the type key and the stance key shown"),
    ("Shift+D", "code the article as a whole: its stance on the selection (or the name at the cursor)"),
    ("1 … 7", "with a claim selected: set its type (the keys of the codebook's claim types)"),
    ("- / 0 / + (or =)", "with a claim selected: stance against / neutral / favour; pressed again: strength ±2"),
    ("Shift+O / Shift+C / Shift+T", "with a claim selected: the selection (or the name at the cursor) becomes "
                                    "its object / claimant / addressee; again on the same text clears it"),
    ("Shift+E", "with a claim selected: add the selection to its evidence (again: take it out)"),
    ("Shift+X", "delete the selected claim (a suggestion is kept as rejected)"),
    ("a", "with a claim selected: accept it (a suggestion) as it is"),
    ("F2", "show or hide the codebook: claim types, stances and aspects with definitions and examples"),
]
ROLES = {"O": ("target", "object"), "C": ("claimant", "claimant"), "T": ("addressee", "addressee")}
HIDDEN = "hidden by the claims filter, so not selected"  # (the status bar cuts a long line off)


def stance_text(codebook: Codebook, claim: Claim) -> str:
    name = codebook.stance_name(claim.stance)
    if claim.strength is not None:
        name += f" ({claim.strength:+d})"
    return name


def describe_claim(text: str, codebook: Codebook, claim: Claim) -> str:
    """The status bar line for a claim: type, stance, claimant, object, review state and origin."""
    who = "the outlet" if claim.outlet and claim.claimant is None else ed.mention_text(text, claim.claimant) or "no claimant"
    about = ed.mention_text(text, claim.target) or "no object yet (Shift+O)"
    choice = codebook.claim_type(claim.claim_type)
    key = f"{choice.key} " if choice else ""
    scope = "article stance: " if claim.scope == "document" else "claim: "
    return (f"{scope}{key}{codebook.type_name(claim.claim_type)} · {stance_text(codebook, claim)} · by {who} "
            f"about {about} — {claim.state}, {claim.origin}")


class ClaimKeys:
    """Claim keys of one article view; ``current`` is the id of the selected claim (None: none)."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.current: int | None = None
        self.popup: ChoicePopup | None = None
        self.actions = {"c": self.new_claim, "D": lambda: self.new_claim(scope="document"), "E": self.toggle_evidence,
                        "X": self.delete_current}

    @property
    def codebook(self) -> Codebook:
        return self.view.codebook

    def _say(self, text: str) -> None:
        self.view.message.emit(text)

    def claim(self) -> Claim | None:
        """The selected claim, if it exists and the claims panel's filters show it (keys act on no hidden claim)."""
        return next((c for c in self.view.claims if c.id == self.current and self.view.claim_shown(c)), None)

    def select(self, claim_id: int | None) -> None:
        """Make ``claim_id`` the selected claim (highlighted, target of the keys) and say what it is; a claim
        the filters hide is not selected."""
        self.current = claim_id
        if claim_id is not None and self.claim() is None:
            self.current = None
        self.view.claim_selected.emit(self.current)
        self.view.refresh_cursor_feedback()
        claim = self.claim()
        if claim is not None:
            self._say(describe_claim(self.view.text, self.codebook, claim))

    def drop_hidden(self) -> bool:
        """The filters changed: unselect the selected claim if they hide it now (its highlight goes, and the
        keys act on nothing until a shown claim is selected). True if it was unselected."""
        if self.current is None or self.claim() is not None:
            return False
        self.current = None
        self.view.claim_selected.emit(None)
        self.view.refresh_cursor_feedback()
        self._say(f"the selected claim is {HIDDEN}")
        return True

    def handle(self, typed: str) -> bool:
        """True if ``typed`` was a claim key (handled)."""
        if typed in self.actions:
            self.actions[typed]()
            return True
        if typed in ROLES:
            self.set_role(*ROLES[typed])
            return True
        if self.codebook.stance_by_key(typed) is not None:
            self.set_stance(typed)
            return True
        if self.codebook.claim_type_by_key(typed) is not None:
            self.set_type(typed)
            return True
        return False

    # -- making a claim ----------------------------------------------------------------------
    def new_claim(self, scope: str = "text") -> None:
        view = self.view
        assert view.doc is not None and view.doc.id is not None
        if not self.codebook.claim_types:
            self._say("the codebook has no claim types: add [[claim_type]] tables to it")
            return
        start, end = ed.strip_range(view.text, *view.selection_cp(), ed.QUOTE_MARKS)
        quote = ed.quote_at(view.quotes, view.cursor_cp()) if start == end else None
        if scope == "document":
            where = (start, end) if start < end else self._name_at()
            if where is None:
                self._say("select what the article takes a stance on (or put the cursor in its name), then Shift+D")
                return
            make = lambda t, s, n: ClaimFromText(view.doc.id, *where, t, s, scope="document", strength=n)  # noqa: E731
            what = f"article stance on “{ed.shorten(view.text[where[0]:where[1]], 40)}”"
        elif quote is not None and quote.kind == "quote":
            make = lambda t, s, n: ClaimFromQuote(quote.id, t, s, n)  # type: ignore[arg-type]  # noqa: E731
            what = f"claim by {ed.mention_text(view.text, quote.speaker) or 'the unknown speaker'}"
        elif start < end:
            around = next((q for q in view.quotes if q.start <= start and end <= q.end), None)
            claimant = around.speaker if around is not None else None
            make = lambda t, s, n: ClaimFromText(view.doc.id, start, end, t, s, claimant, strength=n)  # noqa: E731
            what = "claim from the selection"
        else:
            self._say("put the cursor in a quote, or select the words that carry the claim, then press c")
            return
        types = [(c.key, c.name, c.id, c.color, f"{c.definition}\n\nExample: {c.example}")
                 for c in self.codebook.claim_types]
        self._popup(f"{what}: type?", types, lambda type_id: self._pick_stance(type_id, make))

    def _pick_stance(self, type_id: str, make) -> None:
        stances = [(s.key, s.name, s.id, s.color, "") for s in self.codebook.stances]
        stances.append(("Esc", "no stance yet", None, "", ""))
        def strength(stance: str | None) -> int | None:
            choice = self.codebook.stance(stance)
            return None if choice is None else choice.value

        self._popup(f"{self.codebook.type_name(type_id)}: stance?", stances,
                    lambda stance: self._create(make(type_id, stance, strength(stance))),
                    on_cancel=lambda: self._create(make(type_id, None, None)))

    def _create(self, command) -> None:
        results = self.view.session.apply(command)
        if results:
            self.view.setFocus()
            made = next((c for c in self.view.claims if c.id == results[0].id), None)
            if made is not None and not self.view.claim_shown(made):
                self.select(None)
                self._say(f"claim saved ({self.codebook.type_name(made.claim_type)} · "
                          f"{stance_text(self.codebook, made)}), {HIDDEN}")
                return
            self.select(results[0].id)

    def _popup(self, title: str, choices, on_pick, on_cancel=None) -> None:
        if self.popup is not None:
            self.popup.deleteLater()
        view = self.view
        self.popup = ChoicePopup(view, title, choices)
        self.popup.picked.connect(on_pick)
        self.popup.cancelled.connect(on_cancel or (lambda: self._say("claim cancelled")))
        self.popup.show_by(view)

    def _name_at(self) -> tuple[int, int] | None:
        m = ed.speaker_at(self.view.text, self.view.spans, self.view.cursor_cp())
        return (m.start, m.end) if m else None

    # -- changing the selected claim --------------------------------------------------------
    def _selected(self) -> Claim | None:
        claim = self.claim()
        if claim is None:
            self._say("select a claim first: c on a quote makes one; the claims panel or Tab selects one")
        return claim

    def _update(self, claim: Claim, said: str, **fields) -> None:
        if self.view.session.run(UpdateClaim(claim.id, fields)):  # type: ignore[arg-type]
            updated = self.claim()  # None if the filters hide it now (the view unselected it)
            self._say(f"{said} — " + (describe_claim(self.view.text, self.codebook, updated) if updated
                                       else f"now {HIDDEN}"))

    def set_type(self, key: str) -> None:
        claim, choice = self._selected(), self.codebook.claim_type_by_key(key)
        if claim is not None and choice is not None:
            self._update(claim, f"type: {choice.name}", claim_type=choice.id)

    def set_stance(self, key: str) -> None:
        claim, choice = self._selected(), self.codebook.stance_by_key(key)
        if claim is None or choice is None:
            return
        sign = choice.value if choice.value else STANCE_VALUES.get(choice.id, 0)
        strength = 2 * sign if claim.stance == choice.id and claim.strength == sign else sign
        self._update(claim, f"stance: {choice.name}", stance=choice.id, strength=strength)

    def _mention_here(self) -> Mention | None:
        view = self.view
        start, end = ed.strip_range(view.text, *view.selection_cp(), ed.QUOTE_MARKS + ",.;:!?")
        if start < end:
            return Mention(*ed.snap_to_tokens(view.text, start, end))
        return ed.speaker_at(view.text, view.spans, view.cursor_cp())

    def set_role(self, field: str, name: str) -> None:
        claim = self._selected()
        if claim is None:
            return
        mention = self._mention_here()
        if mention is None:
            self._say(f"select the {name} (or put the cursor in its name), then press the key again")
            return
        if getattr(claim, field) == mention:
            self._update(claim, f"{name} cleared", **{field: None})
            return
        extra = {"outlet": False} if field == "claimant" else {}
        self._update(claim, f"{name}: {ed.mention_text(self.view.text, mention)}", **{field: mention}, **extra)

    def toggle_evidence(self) -> None:
        claim = self._selected()
        if claim is None:
            return
        view = self.view
        start, end = ed.strip_range(view.text, *view.selection_cp(), ed.QUOTE_MARKS)
        if start == end:
            self._say("select the words to add to the claim's evidence, then Shift+E")
            return
        if len(claim.evidence) == 1 and claim.evidence[0] == Mention(start, end) and claim.scope == "text":
            self._say("a claim keeps at least one evidence span: add another first, or Shift+X deletes the claim")
            return
        if view.session.run(AddEvidence(claim.id, start, end)):  # type: ignore[arg-type]
            n = len(self.claim().evidence) if self.claim() else 0  # type: ignore[union-attr]
            self._say(f"evidence: {n} span(s)")

    def accept_current(self) -> bool:
        """``a`` with a suggested claim selected accepts it; False if there is no such claim."""
        claim = self.claim()
        if claim is None or claim.state != "suggested":
            return False
        if self.view.session.run(AcceptClaims([claim.id])):  # type: ignore[list-item]
            self._say("accepted the claim")
        return True

    def delete_current(self) -> None:
        claim = self._selected()
        if claim is not None and self.view.session.run(DeleteClaims([claim.id])):  # type: ignore[list-item]
            self.current = None
            self.view.claim_selected.emit(None)
            self._say("claim deleted (Ctrl+Z brings it back)")
