"""The cue families of claims and their word lists, loaded from ``data/claim_cues.toml``. No spaCy here."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Family:
    """One cue family: its claim type, default polarity and cues (lemma phrases, LOWER phrases, patterns)."""

    name: str
    claim_type: str
    polarity: int = 1
    negation_flips: bool = True
    negated_inside: bool = False
    aspect: str | None = None
    lemmas: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    patterns: tuple[list[dict], ...] = ()
    needs: dict[str, str] = field(default_factory=dict)
    against: frozenset[str] = frozenset()


@cache
def _data() -> dict:
    text = files("annotator.nlp").joinpath("data", "claim_cues.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def families() -> tuple[Family, ...]:
    """Every cue family, in file order."""
    out = []
    for name, f in _data()["family"].items():
        out.append(
            Family(
                name=name,
                claim_type=f["type"],
                polarity=int(f.get("polarity", 1)),
                negation_flips=bool(f.get("negation_flips", True)),
                negated_inside=bool(f.get("negated_inside", False)),
                aspect=f.get("aspect"),
                lemmas=tuple(f.get("lemmas", ())),
                phrases=tuple(f.get("phrases", ())),
                patterns=tuple(f.get("patterns", ())),
                needs=dict(f.get("needs", {})),
                against=frozenset(f.get("against", ())),
            )
        )
    return tuple(out)


def family(name: str) -> Family:
    return next(f for f in families() if f.name == name)


def words(section: str, key: str) -> frozenset[str]:
    """A whitespace-separated word list of one section (``words``, ``stance``)."""
    value = _data()[section][key]
    return frozenset(value.split()) if isinstance(value, str) else frozenset(value)


def phrases(section: str, key: str) -> tuple[str, ...]:
    return tuple(_data()[section][key])


def labels(key: str) -> frozenset[str]:
    return frozenset(_data()["needs"][key])


POLITY_LABELS = labels("polity_labels")
PLACE_LABELS = labels("place_labels")
POLITY_NOUNS = words("words", "polity_nouns")
PLACE_NOUNS = words("words", "place_nouns")
DEMONYM_SUFFIXES = tuple(sorted(words("words", "demonym_suffixes"), key=len, reverse=True))
PRIVATE_OWNERS = words("words", "private_owners")
UNION_NAMES = words("words", "union_names")
SELF_RULE_WORDS = words("words", "self_rule_words")
WILL_NOUNS = words("words", "will_nouns")
STATUS_VOTES = words("words", "status_votes")
SELF_RULE_OBJECTS = words("words", "self_rule_objects")
GOVERNING_VERBS = words("words", "governing_verbs")
ELECTIONS = words("words", "elections")
MEDIA_NAMES = words("words", "media_names")
SAYING_VERBS = words("words", "saying_verbs")
REPORTING_WORK = words("words", "reporting_work")
SEEKING_VERBS = words("words", "seeking_verbs")
SOUGHT_STATUSES = words("words", "sought_statuses")
NAME_ENDS = words("words", "name_ends")
MEMBERSHIP_WORDS = words("words", "membership_words")
JOINING_VERBS = words("words", "joining_verbs")
MEMBERSHIP_NOUNS = words("words", "membership_nouns")
PROCEDURE_NOUNS = words("words", "procedure_nouns")
NON_POLITY_HEADS = words("words", "non_polity_heads")
LABOUR_MODIFIERS = words("words", "labour_modifiers")
LABOUR_CONTEXT = words("words", "labour_context")
COMMERCE_WORDS = words("words", "commerce_words")
SPORT_WORDS = words("words", "sport_words")
LOCAL_VOTE_WORDS = words("words", "local_vote_words")
TEACHING_WORDS = words("words", "teaching_words")
RELIGION_WORDS = words("words", "religion_words")
DICTATION_VERBS = words("words", "dictation_verbs")
LECTURING_VERBS = words("words", "lecturing_verbs")
VIOLATIONS = words("words", "violations")
INCURSION_NOUNS = words("words", "incursion_nouns")
SUBORDINATE_NOUNS = words("words", "subordinate_nouns")
TITLE_OPENERS = words("words", "title_openers")
SEAT_PREPOSITIONS = words("words", "seat_prepositions")
LOCATED_POLITY_HEADS = words("words", "located_polity_heads")
STANCE_VERBS = words("stance", "stance_verbs")
REVERSING = words("stance", "reversing")
AFFIRMING = words("stance", "affirming")
REPORTING_STANCES = words("stance", "reporting_stances")
YIELDING = frozenset(tuple(p.split()) for p in phrases("stance", "yielding"))
NEGOTIATING = words("stance", "negotiating")
DEPENDENCY_NOUNS = words("stance", "dependency_nouns")
CONSULTING_VERBS = words("stance", "consulting_verbs")
FINDING_VERBS = words("stance", "finding_verbs")
FINDING_BODIES = words("stance", "finding_bodies")
CASE_NOUNS = words("words", "case_nouns")
HEDGES = words("stance", "hedges")
HEDGE_PHRASES = phrases("stance", "hedge_phrases")
EMPHATICS = words("stance", "emphatics")
EMPHATIC_PHRASES = phrases("stance", "emphatic_phrases")
DISCREDITING = words("stance", "discrediting")
EXCEPTIONS = words("stance", "exceptions")
HANDING_VERBS = words("stance", "handing_verbs")
CONTROL_NOUNS = words("stance", "control_nouns")
SURRENDER_NOUNS = words("stance", "surrender_nouns")
SUBORDINATING_VERBS = words("stance", "subordinating_verbs")
SUBORDINATING_PREPOSITIONS = words("stance", "subordinating_prepositions")
DECIDING_VERBS = words("stance", "deciding_verbs")
TAKING_VERBS = words("stance", "taking_verbs")
POOLED_THINGS = words("stance", "pooled_things")
POOLING_VERBS = words("stance", "pooling_verbs")
LOSING_VERBS = words("stance", "losing_verbs")
WINNING_VERBS = words("stance", "winning_verbs")
FUNDING_WORDS = words("stance", "funding_words")
FUNDERS = words("stance", "funders")
FUNDED_RECIPIENTS = words("stance", "funded_recipients")
OTHER_OWNERS = words("stance", "other_owners")
NEGOTIABLE = words("stance", "negotiable")
NEGATIVE_JUDGEMENTS = words("stance", "negative_judgements")
LEAVING_PARTICLES = words("stance", "leaving_particles")
LEAVING_PREPOSITIONS = words("stance", "leaving_prepositions")
FIRST_PERSON = words("stance", "first_person")
ASSERTIVE = words("stance", "assertive")
NEUTRAL_PHRASES = phrases("stance", "neutral_phrases")

FIELD_CLASSES = ("territory", "authority", "outsider", "union", "vote")
FIELD = {k: words("field", k) for k in FIELD_CLASSES}
FIELD_PHRASES = tuple((p, k) for p, k in _data()["field"]["phrases"])
FIELD_DENYING = words("field", "denying")
GRANTING_NOUNS = words("field", "granting_nouns")
STATUS_PREDICATES = words("field", "status_predicates")
TREATY_WORDS = words("field", "treaty_words")
FIELD_POLITICAL = words("field", "political")
FOREIGN_OFFICES = words("field", "foreign_offices")
STAYING_VERBS = words("field", "staying_verbs")
THRESHOLD_NOUNS = words("field", "threshold_nouns")
KEY_NOUNS = words("field", "key_nouns")
STATE_ORGANS = words("words", "state_organs")
REGION_NOUNS = words("words", "region_nouns")
SUB_STATE_WORDS = words("words", "sub_state_words")
SUB_STATE_ORGANS = words("words", "sub_state_organs")
STATUS_SOUGHT = words("words", "status_sought")
STATUS_VOTE_WORDS = words("words", "status_vote_words")
FIELD_PEOPLE = words("field", "people")
ELECTORATES = words("field", "electorates")
DECISION_NOUNS = words("field", "decision_nouns")
DECISION_TAKING = words("field", "decision_taking")
AUTHORITY_OBJECTS = words("field", "authority_objects")
STATEHOOD_ACTS = words("field", "statehood_acts")
COMPETENCE_NOUNS = words("field", "competence_nouns")
FINDINGS = words("field", "findings")
STANDING_NOUNS = words("field", "standing_nouns")
GOVERNING_BODIES = words("field", "governing_bodies")
REGARDING_VERBS = words("field", "regarding_verbs")
PART_NOUNS = words("field", "part_nouns")
DEPICTING_VERBS = words("field", "depicting_verbs")
DOCUMENTS = words("field", "documents")
OUTSIDER_DISMISSALS = phrases("field", "outsider_dismissals")
