"""Speaker labels that open the turns of a transcript or an interview (``KETTERING:``, ``Ana Roe:``, ``Q:``)
and the test that tells their layout from a lead-in; characters only, no spaCy.

The quote finder reads it over paragraphs; the paragraph splitter over lines (a single line break before a
turn's label is a paragraph break).
"""

from __future__ import annotations

import re

# A transcript's speaker label opening a paragraph: "KETTERING:", "RAFE DELACROIX:", "CALLER (MARGARET):",
# "CALLER (MARGARET, EASTFIELD):", "ODA VELL, PILOT:", "Q:"; capitals only, so that a title-case lead-in
# ("Update: ...", "Washington: ...") is never one.
_CAPS_WORDS = r"[A-Z][A-Z.'\u2019-]*(?:[ \t][A-Z][A-Z.'\u2019-]*){0,3}"
TURN_LABEL = re.compile(rf"({_CAPS_WORDS}(?:,[ \t]{_CAPS_WORDS})?(?:[ \t]\([A-Z][A-Za-z .,'\u2019-]*\))?):[ \t]+")
_TITLE_WORD = r"[A-Z][a-z\u00e0-\u00ff'\u2019]+(?:-[A-Z][a-z\u00e0-\u00ff'\u2019]+)?"
# A full name in Title Case as a conversation's turn label: "Ana Roe-Vell:", "Marta van Dijk:" (two to four words).
NAME_LABEL = re.compile(rf"({_TITLE_WORD}(?:[ \t](?:(?:van|von|de|der|den|da|di|du|al|bin|ibn|la|le)[ \t])?"
                        rf"{_TITLE_WORD}){{1,3}}):[ \t]+")  # fmt: skip
# One capitalised word as a label ("Roe-Vell:"): a turn only as the surname of someone the text names in full.
WORD_LABEL = re.compile(rf"({_TITLE_WORD}):[ \t]+")
NOT_SPEAKERS = frozenset(("NOTE", "UPDATE", "CORRECTION", "EDITOR'S NOTE", "EDITOR\u2019S NOTE", "WATCH", "READ MORE", "RELATED"))

# An interview's bare turn label: "Q:", "A.", "Question:", "**Q:**", "**A**:", "Q -" (the quote finder's turns and the
# claims' question lines both read it).
QA_LABEL = re.compile(r"[ \t]*(?:\*\*)?(Q|A|Question|Answer)(?:\*\*)?(?:[ \t]*[:.]|[ \t]+[-\u2013\u2014])(?:\*\*)?[ \t]+")


def labelled_spans(text: str, spans: list[tuple[int, int]], asked_too: bool = True) -> dict[int, int]:
    """The spans (paragraphs, or lines) that open with a turn's label (``KETTERING: Minister, you ...``): span
    index -> where the turn's words begin. A layout, not a lead-in, only when at least three spans open with a
    capitals label and at least two labels differ; or, for names written in Title Case (``Ana Roe: I grew up ...``,
    a conversation), when at least two such labels each open at least two spans (a lead-in such as "Live updates:"
    or "Washington:" never recurs as a turn), a label of one word counting only as the surname of a person named in
    full before its first turn (see ``_conversation``); or, with ``asked_too``, for an interview's ``Q.`` / ``A.``
    (any form of ``QA_LABEL``), when each opens at least two spans (an initial such as "A. Ruiz, president of ..."
    opens one). The paragraph splitter leaves ``Q.`` / ``A.`` out: the claims read those lines themselves."""
    found: dict[int, tuple[str, int]] = {}
    named: dict[int, tuple[str, int]] = {}
    asked: dict[int, tuple[str, int]] = {}
    for pi, (a, b) in enumerate(spans):
        q = QA_LABEL.match(text, a, b)
        if q is not None and q.end() < b:
            asked[pi] = (q.group(1)[0], q.end())
        m = TURN_LABEL.match(text, a, b)
        if m is None:
            n = NAME_LABEL.match(text, a, b) or WORD_LABEL.match(text, a, b)
            if n is not None:
                named[pi] = (n.group(1), n.end())
            continue
        if m.group(1) in NOT_SPEAKERS or sum(c.isalpha() for c in m.group(1)) < 1:
            continue
        found[pi] = (m.group(1), m.end())
    if asked_too and sum(r == "Q" for r, _ in asked.values()) >= 2 and sum(r == "A" for r, _ in asked.values()) >= 2:
        found = asked
    elif len(found) < 3 or len({label for label, _ in found.values()}) < 2:
        found = _conversation(text, spans, named)
        if not found:
            return {}
    return {pi: at for pi, (_, at) in found.items() if at < spans[pi][1]}


def _conversation(
    text: str, spans: list[tuple[int, int]], named: dict[int, tuple[str, int]]
) -> dict[int, tuple[str, int]]:
    """The Title Case labels that recur as turns: two or more of them, each opening two or more spans; a one-word
    label only when it is the surname of a full name written before its first turn, no two turns in a row are its
    own, and it talks with another surname or with a full name that is a person's (never written after "the", as a
    publication is)."""
    counts: dict[str, int] = {}
    for label, _ in named.values():
        counts[label] = counts.get(label, 0) + 1
    order = [named[pi][0] for pi in sorted(named)]
    recurring, surnames = set(), set()
    for label, n in counts.items():
        if n < 2:
            continue
        if " " in label or "\t" in label:
            recurring.add(label)
        elif all(x != y or x != label for x, y in zip(order, order[1:], strict=False)) and _surname_in(
            text[: spans[min(pi for pi, (x, _) in named.items() if x == label)][0]], label
        ):
            surnames.add(label)
    people = [label for label in recurring if re.search(rf"\b[Tt]he[ \t]+{re.escape(label)}\b", text) is None]
    if len(surnames) >= 2 or people:
        recurring |= surnames  # a surname talks with a person, not with "the Evening Ledger"
    if len(recurring) < 2:
        return {}
    return {pi: (label, at) for pi, (label, at) in named.items() if label in recurring}


def _surname_in(intro: str, word: str) -> bool:
    """``word`` ends a run of two or more capitalised words in ``intro`` ("Ossa Brell" for "Brell")."""
    return re.search(rf"\b{_TITLE_WORD}[ \t]+(?:{_TITLE_WORD}[ \t]+)*{re.escape(word)}\b", intro) is not None


def label_lines(text: str) -> set[int]:
    """Where the lines that open a turn begin, when the turn-label layout holds over the text's lines."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip())
        if line.strip():
            lines.append((pos + lead, pos + len(line)))
        pos += len(line) + 1
    return {lines[i][0] for i in labelled_spans(text, lines, asked_too=False)}
