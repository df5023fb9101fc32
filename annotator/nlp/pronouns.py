"""What a pronoun (he/she/they/it) refers to: the best-scored compatible named mention before it."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.tokens import Token

from annotator.nlp.lexicon import FEMALE_NOUNS, FIRST_PERSON, MALE_NOUNS, NAME, ORG_NAME, PRONOUN_KIND
from annotator.nlp.roles import person_noun

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions, NamedMention


def resolve_pronoun(mentions: Mentions, pron: Token) -> NamedMention | None:
    """The named mention a he/she/they/it refers to: the best-scored compatible earlier mention
    (subjects and earlier speakers preferred, nearer preferred, known gender agreeing)."""
    if pron.lower_ in FIRST_PERSON:  # "I said": the speaker whose label opens the paragraph, else the writer
        return mentions.transcript.get(mentions.para_of(pron.idx), mentions.writer)
    kind = PRONOUN_KIND.get(pron.lower_)
    if kind is None:
        return None
    best = nearest(mentions, pron.i, kind)  # a lookup: the mention table is not changed by it
    return mentions.best_name(best, pron.i) if best else None


def _compatible(mentions: Mentions, m: NamedMention, kind: str) -> bool:
    if mentions.writer is not None and m.key == mentions.writer.key:
        return False  # the writer says "I": "he", "she", "they" are someone else
    if kind in ("m", "f"):
        if m.label == "" and m.speaker:  # an unnamed speaker: "a company commander ... told", then "he said"
            head = mentions.doc[m.end - 1]
            other = FEMALE_NOUNS if kind == "m" else MALE_NOUNS
            return person_noun(head) and head.lower_ not in other
        return m.personal and mentions.gender(m.key, strong=True) in (None, kind)
    if m.label == NAME:  # a proper name the NER missed: an organisation unless known as a person
        return not m.titles and mentions.gender(m.key) is None and m.key not in mentions.person_keys
    if m.label == ORG_NAME and not mentions.parsed and kind == "pl":
        return True
    plural = mentions.doc[m.end - 1].tag_ in ("NNS", "NNPS")  # "Residents of X" are no "it"
    return m.organisational or (m.label == "" and m.speaker and (kind == "pl" or not plural))


def nearest(mentions: Mentions, before: int, kind: str, window: int = 3) -> NamedMention | None:
    """The best-scored mention of ``kind`` (m, f, pl, org, ...) before token ``before``, within ``window``
    paragraphs; else the nearest compatible one anywhere before."""
    pos = mentions.doc[before].idx
    sent, para = mentions.sent_of(pos), mentions.para_of(pos)
    best, best_score = None, float("-inf")
    for m in mentions.earlier(before, para - window):
        if not _compatible(mentions, m, kind):
            continue
        score = -(sent - m.sent) - 0.5 * (para - m.para) + 2 * m.subject + 0.5 * m.speaker
        if kind in ("m", "f") and mentions.gender(m.key) is not None:  # a hint only: names and nearby pronouns mislead
            score += 0.5 if mentions.gender(m.key) == kind else -0.5
        if score > best_score or score == best_score and best is not None and m.start > best.start:
            best, best_score = m, score
    if best is None:  # nothing near: the nearest compatible name anywhere before
        j = bisect_left(mentions.starts, before) - 1
        while j >= 0 and best is None:
            if _compatible(mentions, mentions.items[j], kind):
                best = mentions.items[j]
            j -= 1
    return best
