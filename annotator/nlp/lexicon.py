"""Word lists for attribution, loaded from ``data/lexicon.toml`` (each entry under the general class
it stands for): reporting verbs and their forms, cue nouns, titles, organisation nouns, gender words
and entity labels. No spaCy here."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files


@cache
def _data() -> dict[str, dict[str, str]]:
    return tomllib.loads(files("annotator.nlp").joinpath("data", "lexicon.toml").read_text(encoding="utf-8"))


def classes(section: str) -> dict[str, frozenset[str]]:
    """The classes of one list and their words."""
    return {name: frozenset(words.split()) for name, words in _data()[section].items()}


def words(section: str) -> frozenset[str]:
    """All the words of one list (the union of its classes)."""
    return frozenset().union(*classes(section).values())


def table(section: str) -> dict[str, str]:
    """A list of pairs (short form = full form)."""
    return dict(_data()[section])


REPORTING_VERBS = words("reporting_verbs")
CORE_REPORTING_VERBS = words("core_reporting_verbs")
_NOUNISH = words("nounish_verbs")
LISTENER_VERBS = words("listener_verbs")
INTERVIEW_VERBS = words("interview_verbs")
_IRREGULAR = {lemma: tuple(forms.split()) for lemma, forms in table("irregular_verb_forms").items()}
PHRASAL_CUES = words("phrasal_cues")
NOUN_CUES = words("noun_cues")
PROXY_NOUNS = words("proxy_nouns")
DOCUMENT_NOUNS = words("document_nouns")
AUTHOR_VERBS = words("author_verbs")
SPEECH_NOUNS = words("speech_nouns")
ORG_NOUNS = words("org_nouns")
VENUE_NOUNS = words("venue_nouns")
SETTLEMENT_NOUNS = words("settlement_nouns")
TITLE_HEADS = words("title_heads")
NAME_PARTICLES = words("name_particles")
MALE_HONORIFICS = words("male_honorifics")
FEMALE_HONORIFICS = words("female_honorifics")
MALE_WORDS = words("male_words")
FEMALE_WORDS = words("female_words")
MALE_NOUNS = words("male_nouns")
FEMALE_NOUNS = words("female_nouns")
PRONOUN_KIND = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "pl", "it": "org"}
FIRST_PERSON = words("first_person")
SKIP_BEFORE_CUE = words("skip_before_cue")
STOP_CAPS = words("stop_caps")
ORG_LABELS = ("ORG", "NORP", "GPE", "FAC")
SPEAKER_LABELS = ("PERSON",) + ORG_LABELS
# Entity labels that never speak: "said Monday", "said at noon", "(D-Mo.)" read as a number or place.
NEVER_SPEAKERS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
# Pseudo-labels for proper names the NER missed: a person-like name, an organisation-like one.
NAME, ORG_NAME = "NAME?", "ORG?"


def _verb_forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return (lemma,) + _IRREGULAR[lemma]
    consonant_y = lemma.endswith("y") and lemma[-2:-1] not in "aeiou"
    past = lemma + "d" if lemma.endswith("e") else (lemma[:-1] + "ied" if consonant_y else lemma + "ed")
    ing = lemma[:-1] + "ing" if lemma.endswith("e") and not lemma.endswith("ee") else lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    else:
        third = lemma[:-1] + "ies" if consonant_y else lemma + "s"
    return (lemma, third, past, ing)


CUE_FORMS: dict[str, str] = {}
UNTAGGED_CUE_FORMS: dict[str, str] = {}
for _lemma in sorted(REPORTING_VERBS):
    for _i, _form in enumerate(_verb_forms(_lemma)):
        CUE_FORMS.setdefault(_form, _lemma)
        if _lemma not in _NOUNISH or _i >= 2:
            UNTAGGED_CUE_FORMS.setdefault(_form, _lemma)
INTERVIEW_FORMS = {form: lemma for lemma in sorted(INTERVIEW_VERBS) for form in _verb_forms(lemma)}
PEOPLE_NOUNS = _PEOPLE_NOUNS = words("people_nouns")
PARTY_WORDS = words("party_words")
REPLY_VERBS = words("reply_verbs")
OWNER_VERBS = words("owner_verbs")
SPEAKING_NOUNS = _PEOPLE_NOUNS | TITLE_HEADS | ORG_NOUNS | PROXY_NOUNS | DOCUMENT_NOUNS | NOUN_CUES
AGENT_SUFFIXES = tuple(sorted(words("agent_suffixes"), key=len, reverse=True))
NOT_AGENTS = words("not_agents")
