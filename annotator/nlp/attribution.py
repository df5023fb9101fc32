"""An attribution of a quote (named speaker, mention used and cue, as token spans) with how sure it
is, and a found speaker turned into one by resolving pronouns and descriptions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from annotator.nlp.calibration import calibrated
from annotator.nlp.descriptions import kin_named, kin_of, owner_of, resolve_phrase
from annotator.nlp.lexicon import NAME, ORG_NAME, ORG_NOUNS
from annotator.nlp.names import Found, clip_to_line
from annotator.nlp.pronouns import resolve_pronoun
from annotator.nlp.roles import demonym_description, party_description, salient_person

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions

# How sure each way of attributing is; a quote with no speaker gets NO_SPEAKER.
CONFIDENCE = {
    "subject-of-cue": 0.9,
    "inverted": 0.85,
    "according-to": 0.85,
    "statement": 0.75,
    "pattern": 0.75,
    "colon-name": 0.8,
    "dash": 0.85,
    "qa": 0.8,
    "turn": 0.85,
    "post": 0.85,
    "as-clause": 0.85,
    "headline-colon": 0.75,
    "colon-intro": 0.8,
    "colon-subject": 0.75,
    "next-sentence": 0.7,
    "same-quote": 0.75,
    "split-sentence": 0.7,
    "structural-cue": 0.7,
    "governing-verb": 0.6,
    "previous-sentence": 0.6,
    "previous-paragraph": 0.55,
    "previous-subject": 0.5,
    "inherited": 0.55,
    "echo": 0.5,
}
NO_SPEAKER = 0.5
UNCLOSED_FACTOR = 0.8
RESOLVED_FACTOR = 0.9  # the speaker was a pronoun or a description resolved to a name


@dataclass
class Attr:
    """One attribution, as token spans: the named speaker, the mention used (pronoun or
    description) when it differs, and the cue."""

    rule: str
    speaker: tuple[int, int] | None = None
    mention: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    label: str = ""
    cap: float = 1.0  # a carried attribution is no surer than the one it was carried from
    via: str = "coref"  # how the mention was resolved: "coref" (pronoun, title), "salience" (the person just named)
    prob: float | None = None  # the speaker ranker's probability of this speaker (``speaker_ranker``)

    @property
    def key(self) -> str:
        """The rule as calibrated: its name, "+coref" or "+salience" when a mention was resolved."""
        return self.rule + (f"+{self.via}" if self.mention and self.speaker else "")

    @property
    def confidence(self) -> float:
        """The probability that the speaker is right, from how often this rule was right on the
        calibration sets; the hand-set value is the prior for a rule seen rarely or never. Where the speaker
        ranker scored the speaker, its probability is averaged in; a speaker it chose over the rules' has its
        probability alone (both checked left out by benchmarks/experiments/speaker_ranker.py)."""
        if self.prob is not None and self.rule == "ranker":
            return min(self.prob, self.cap)
        c = CONFIDENCE.get(self.rule, NO_SPEAKER)
        prior = c * RESOLVED_FACTOR if self.mention else c
        p = calibrated(self.key if self.speaker else "none", prior if self.speaker else NO_SPEAKER)
        if self.prob is not None and self.speaker is not None:
            p = (p + self.prob) / 2
        return min(p, self.cap)

    def carried(self, rule: str, same_attribution: bool = False) -> Attr:
        """This speaker for another quote; the parts of one attribution ("A," he said. "B.") keep its
        mention and cue as written, other quotes (inherited, echoed) get the name only."""
        cap = self.confidence
        if same_attribution:
            return Attr(rule, self.speaker, self.mention, self.cue, self.label, cap, self.via)
        return Attr(rule, self.speaker, None, None, self.label, cap)


def attribute(doc: Doc, mentions: Mentions, rule: str, found: Found, cue: tuple[int, int] | None, at_tok: int) -> Attr:
    """Turn a found speaker into an attribution, resolving pronouns and descriptions."""
    found = clip_to_line(doc, found, at_tok)
    span = (found.start, found.end)
    if found.pronoun:
        m = resolve_pronoun(mentions, doc[found.start])
        if m is None:
            return Attr(rule, None, span, cue)
        return Attr(rule, (m.start, m.end), span, cue, m.label)
    described = party_description(doc, found) if found.label in ("", "NORP") else None
    described = described or demonym_description(doc, found)
    if described is not None:  # "the New Jersey Democrat said", "the Scot added"
        found, span = described, (described.start, described.end)
    if not found.label:
        m = resolve_phrase(mentions, found, min(found.start, at_tok))
        owner = owner_of(mentions, found)
        if m is not None and owner is not None and m.key == owner.key:  # "her sister" is not she herself
            at = min(found.start, at_tok)
            m = salient_person(mentions, found, at, described=True, exclude=frozenset({owner.key})) or kin_of(mentions, found, owner, at)
            if m is not None:
                return Attr(rule, (m.start, m.end), span, cue, m.label, via="salience")
        if m is not None:  # "the daily" names an organisation, whatever label its name had
            label = ORG_NAME if m.label == NAME and doc[found.end - 1].lower_ in ORG_NOUNS else m.label
            return Attr(rule, (m.start, m.end), span, cue, label)
        m = salient_person(mentions, found, min(found.start, at_tok))
        if m is not None:  # "the former shipping magnate told supporters": the person just named
            return Attr(rule, (m.start, m.end), span, cue, m.label, via="salience")
    label = mentions.label_of(*span, found.label) if found.label else ""
    kin = kin_named(mentions, found, at_tok) if label in ("PERSON", NAME) else None
    if kin is not None:  # "Dad said" where the text says "my father, X": X
        return Attr(rule, (kin.start, kin.end), span, cue, kin.label)
    if label in ("PERSON", NAME):
        span = mentions.untitled(*span)  # "DI Roe" after "Detective Inspector Ana Roe": Roe
    return Attr(rule, span, None, cue, label)
