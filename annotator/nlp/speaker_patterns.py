"""Speakers without a parse: the name, entity or pronoun next to a cue, by token patterns."""

from __future__ import annotations

from spacy.tokens import Doc

from annotator.nlp.cues import Cue, lemma_of
from annotator.nlp.lexicon import (
    CUE_FORMS,
    FIRST_PERSON,
    LISTENER_VERBS,
    NAME_PARTICLES,
    ORG_NAME,
    ORG_NOUNS,
    PRONOUN_KIND,
    PROXY_NOUNS,
    SKIP_BEFORE_CUE,
    words,
)
from annotator.nlp.names import Found, ent_span, is_cap, is_title, label_of_name, named


def speaker_by_pattern(doc: Doc, cue: Cue, lo: int, hi: int, after_quote: bool = False) -> Found | None:
    """No parse (or no subject): the name, entity or pronoun next to the cue, within tokens [lo, hi).

    ``after_quote`` says the cue follows the closing mark directly (“...,” warned X), where even a
    verb that takes a listener ("told", "warned") is followed by its speaker.
    """
    right = _right_of(doc, cue.end, hi)
    if cue.kind == "according":
        return right
    left = _left_of(doc, cue.start, lo)
    if cue.kind == "noun":
        return left or right
    if lemma_of(doc[cue.start]) in LISTENER_VERBS and not after_quote:
        return left
    return left or right


def _left_of(doc: Doc, i: int, lo: int) -> Found | None:
    j = i - 1
    while j >= lo and (doc[j].lower_ in SKIP_BEFORE_CUE or doc[j].lower_ in CUE_FORMS
                       or doc[j].pos_ == "ADV" and not is_cap(doc[j])):  # fmt: skip
        j -= 1
    if j >= lo and doc[j].text in (",", "—", "–"):
        # an appositive or clause between commas: "Rusu, the foreign minister, said" (the name
        # before it) or "Its director, Sunniva Berg, wrote" (the name in it)
        k = j - 1
        while k >= lo and k > j - 16 and doc[k].text not in (",", "—", "–", ".", ":", ";") and not doc[k].is_quote:
            k -= 1
        if k - 1 >= lo and doc[k].text == doc[j].text:
            inner = name_ending_at(doc, j - 1, k + 1)
            if inner is not None and inner.label and inner.start == k + 1 + _title_prefix(doc, k + 1, j):
                return inner
            return name_ending_at(doc, k - 1, lo)
        return None
    return name_ending_at(doc, j, lo) if j >= lo else None


def _title_prefix(doc: Doc, s: int, e: int) -> int:
    """How many tokens of [s, e) are a leading title ("Councillor", "farmer", "Dr.")."""
    n = 0
    while s + n < e and (is_title(doc[s + n]) or doc[s + n].text == "."):
        n += 1
    return n


def name_ending_at(doc: Doc, j: int, lo: int) -> Found | None:
    """An entity, pronoun, capitalised name or short "the ..." phrase ending at token j."""
    tok = doc[j]
    if tok.lower_ in ("'s", "’s"):
        return None
    ent = ent_span(doc, tok)
    if ent and ent[1] == j + 1 and ent[0] >= lo:
        return named(doc, *ent)
    if (tok.lower_ in PRONOUN_KIND or tok.lower_ in FIRST_PERSON) and tok.lower_ not in ("him", "her"):
        return Found(j, j + 1, True)
    if is_cap(tok):
        s = j
        while s - 1 >= lo and (is_cap(doc[s - 1]) or (doc[s - 1].lower_ in NAME_PARTICLES or doc[s - 1].text == "-"
                                                      or doc[s - 1].lower_ == "of") and s - 2 >= lo and is_cap(doc[s - 2])):  # fmt: skip
            s -= 1
        if s - 1 >= lo and doc[s - 1].lower_ == "the":
            return named(doc, s - 1, j + 1, ORG_NAME)
        if all(is_title(t) for t in doc[s : j + 1]):
            return Found(s, j + 1, False, "")  # "the Minister said": a description
        return named(doc, s, j + 1, label_of_name(doc, s, j + 1))
    if tok.lower_ in PROXY_NOUNS or tok.lower_ in ORG_NOUNS:  # "a Defence Ministry spokesman said"
        s = j
        while s - 1 >= lo and is_cap(doc[s - 1]):
            s -= 1
        if s < j and tok.lower_ in PROXY_NOUNS:
            return named(doc, s, j, ORG_NAME)
        if s < j:  # "Aid agency warns": the capitals modify the organisation noun; the phrase, not a fragment
            return Found(s, j + 1, False, "")
    for k in range(j - 1, max(lo - 1, j - 4), -1):  # "the ministry said"
        if doc[k].lower_ in ("the", "its", "their"):
            words = doc[k + 1 : j + 1]
            if all(t.is_alpha and t.lower_ not in CUE_FORMS and t.lower_ not in FUNCTION_WORDS for t in words):
                return Found(k, j + 1, False, "")
            break
        if not doc[k].is_alpha:
            break
    return None


# What may follow an inverted speaker: "..., said Rusu." / "said Rusu on Monday" / "said Rusu, who".
_AFTER_SPEAKER = words("after_inverted_speaker")
FUNCTION_WORDS = words("function_words")


def _right_of(doc: Doc, i: int, hi: int) -> Found | None:
    j = i
    while j < hi and doc[j].lower_ in ("also", "later", "then", "again", "earlier", "by"):
        j += 1
    if j >= hi:
        return None
    tok = doc[j]
    if tok.lower_ in PRONOUN_KIND and tok.lower_ not in ("him", "her", "it"):
        return Found(j, j + 1, True) if _ends_speaker(doc, j + 1, hi) else None
    # "said its president, Urs Brunner" / "said Isles Opinion's research director, Niamh Doherty"
    k = j
    while (
        k < hi
        and k < j + 8
        and (doc[k].is_alpha or doc[k].lower_ in ("'s", "’s", "-"))
        and doc[k].lower_ not in CUE_FORMS
    ):
        k += 1
    if k + 1 < hi and k > j and doc[k].text == ",":
        name = _name_starting_at(doc, k + 1, hi)
        if name is not None and name.label:
            return name
    start = j + 1 if tok.lower_ in ("the", "a", "an", "its", "their") else j
    while (
        start < hi and start < j + 3 and doc[start].is_lower and doc[start].is_alpha and not ent_span(doc, doc[start])
    ):
        start += 1  # "said farmer Elena Dragan"
    name = _name_starting_at(doc, start, hi)
    if name is not None:
        if tok.lower_ == "the" and name.label != "PERSON" and start == j + 1:
            name = Found(j, name.end, False, ORG_NAME)
        return name
    if tok.lower_ == "the":  # "said the ministry."
        e = j + 1
        while (
            e < hi
            and e < j + 4
            and doc[e].is_alpha
            and doc[e].lower_ not in CUE_FORMS
            and doc[e].lower_ not in FUNCTION_WORDS
        ):
            e += 1
        if e > j + 1 and _ends_speaker(doc, e, hi):
            return Found(j, e, False, "")
    return None


def _ends_speaker(doc: Doc, e: int, hi: int) -> bool:
    return e >= hi or doc[e].is_punct or doc[e].lower_ in _AFTER_SPEAKER


def _name_starting_at(doc: Doc, start: int, hi: int) -> Found | None:
    """An entity or capitalised name starting at ``start`` and ending where a speaker may end."""
    if start >= hi:
        return None
    ent = ent_span(doc, doc[start])
    if ent and ent[0] == start and _ends_speaker(doc, min(ent[1], hi), hi):
        return named(doc, ent[0], min(ent[1], hi), ent[2])
    e = start
    while e < hi and (is_cap(doc[e]) or e > start and (doc[e].lower_ in NAME_PARTICLES or doc[e].text in ("-", "."))
                      and e + 1 < hi and is_cap(doc[e + 1])):  # fmt: skip
        e += 1
    if e == start or not _ends_speaker(doc, e, hi):
        return None
    for k in range(start, e):  # "said Foreign Minister Ana Rusu": the entity after the title
        ent = ent_span(doc, doc[k])
        if ent and ent[2] == "PERSON":
            return named(doc, ent[0], min(ent[1], hi), "PERSON")
    if all(is_title(t) or t.text == "." for t in doc[start:e]):
        return None
    return named(doc, start, e, label_of_name(doc, start, e))
