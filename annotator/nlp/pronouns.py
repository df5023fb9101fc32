"""What a pronoun (he/she/they/it) refers to: the best-scored compatible named mention before it, or the description
of one person, naming no one, that just spoke ("The harbour patrol chief said ... he asked")."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.tokens import Token

from annotator.nlp.cues import lemma_of
from annotator.nlp.lexicon import (
    FEMALE_NOUNS,
    FIRST_PERSON,
    MALE_NOUNS,
    NAME,
    ORG_NAME,
    ORG_NOUNS,
    PRONOUN_KIND,
    REPORTING_VERBS,
)
from annotator.nlp.once import tokens
from annotator.nlp.roles import embedded_subject, is_role, main_verb, person_noun, reporting_verb, salient_person

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions, NamedMention


_POSSESSIVE_KIND = {"its": "org", "their": "pl", "his": "m"}  # "Its annual report", "his wife": whom an "it", a "he"
# there would refer to ("her" is in PRONOUN_KIND already)


def resolve_pronoun(mentions: Mentions, pron: Token, depth: int = 0, exclude: frozenset[str] = frozenset()) -> NamedMention | None:
    """The named mention a he/she/they/it refers to: the person an unnamed subject just before it
    stands for ("the former general shrugs. ... she says"), the referent of the same pronoun as that
    subject ("She worries ... she says"), else the best-scored compatible earlier mention (subjects
    and earlier speakers preferred, nearer preferred, known gender agreeing). ``exclude``: keys of people it
    cannot be (whom the quote addresses)."""
    if pron.lower_ in FIRST_PERSON:  # "I said": the speaker whose label opens the paragraph, else the writer
        return mentions.transcript.get(mentions.para_of(pron.idx), mentions.writer)
    kind = PRONOUN_KIND.get(pron.lower_) or _POSSESSIVE_KIND.get(pron.lower_)
    if kind is None:
        return None
    if kind == "org" and mentions.parsed:
        issued = _document_before(mentions, pron)
        if issued is not None:  # "Bram conceded in a short statement. “…,” it said.": the statement's issuer
            return issued
    if kind == "org" and mentions.parsed and depth < 4:
        described = _body_subject_before(mentions, pron, depth)
        if described is not None:  # "The institute said it would publish. “…,” it said.": the institute
            return described
    if kind in ("m", "f") and mentions.parsed and depth < 4:
        prior = _subject_before(mentions, pron, kind, depth)
        if prior is not None and prior.key not in exclude:
            return prior
    best = nearest(mentions, pron.i, kind, exclude=exclude)  # a lookup: the mention table is not changed by it
    return mentions.best_name(best, pron.i) if best else None


def _document_before(mentions: Mentions, pron: Token) -> NamedMention | None:
    """An "it" right after a sentence that says someone spoke "in a statement" (or letter, post ...), or whose
    subject is a document the text says who wrote by name ("The letter, signed by X, says"): that document, so
    whoever issued or wrote it; only from the sentence just before or its own."""
    from annotator.nlp.issuers import issuer
    from annotator.nlp.lexicon import DOCUMENT_NOUNS

    doc = mentions.doc
    sent = mentions.sent_of(pron.idx)
    for t in reversed(doc[max(0, pron.i - 150) : pron.i]):  # the sentence before, however long
        if mentions.sent_of(t.idx) < sent - 1:
            return None
        if t.pos_ == "NOUN" and t.lower_ in DOCUMENT_NOUNS and t.head.lower_ in ("in", "through", "via"):
            return issuer(mentions, t.lower_, pron.i, paras=1)
        if t.pos_ == "NOUN" and t.lower_ in DOCUMENT_NOUNS and t.dep_ in ("nsubj", "nsubjpass") and mentions.outside(t.i, t.i + 1):
            from annotator.nlp.issuers import author

            written = author(mentions, t.lower_, pron.i, only=t.i)  # "The letter, signed by X, says ... " / "it reads"
            if written is not None and written.label:
                return written
        if t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("nsubj", "nsubjpass") and mentions.outside(t.i, t.i + 1):
            if t.head.i != t.i and t.head.i > t.i and not any(d.i < pron.i and d.lower_ in DOCUMENT_NOUNS for d in t.subtree):
                if mentions.sent_of(t.idx) == sent:
                    return None  # a subject in its own sentence comes between
    return None


def _body_subject_before(mentions: Mentions, pron: Token, depth: int) -> NamedMention | None:
    """The last subject outside quotes before an "it", in its sentence or the one before, when it is a
    description of one organisation or document ("the institute", "the ministry", "the report"): the
    organisation it stands for, else that phrase as written; the referent of an "it" there; None when it
    is a name, a person or anything else (the scored lookup decides)."""
    from annotator.nlp.descriptions import resolve_phrase
    from annotator.nlp.lexicon import DOCUMENT_NOUNS
    from annotator.nlp.names import Found, noun_phrase

    doc = mentions.doc
    sent = mentions.sent_of(pron.idx)
    for t in reversed(tokens(doc)[max(0, pron.i - 80) : pron.i]):
        if mentions.sent_of(t.idx) < sent - 1:
            return None
        if t.dep_ not in ("nsubj", "nsubjpass") or t.head.pos_ not in ("VERB", "AUX") or not mentions.outside(t.i, t.i + 1):
            continue
        if t.lower_ == "it":
            return resolve_pronoun(mentions, t, depth + 1)
        if t.head.dep_ == "ccomp" and t.lower_ not in PRONOUN_KIND:
            continue  # "the ministry said costs rose": what was said, the sentence's subject comes next
        if t.lower_ in PRONOUN_KIND or t.pos_ != "NOUN" or t.tag_ != "NN":
            return None  # someone, something many, or a name: the scored lookup weighs it
        if t.lower_ not in ORG_NOUNS and t.lower_ not in DOCUMENT_NOUNS:
            return None
        if any(mentions.between(t.left_edge.i, t.right_edge.i + 1)) and not any(
                d.dep_ == "poss" and d.head.i == t.i for d in t.children):  # fmt: skip
            return None  # a name in the phrase ("the X council"): the scored lookup weighs it
        s, e = noun_phrase(doc, t)
        m = resolve_phrase(mentions, Found(s, e, False, ""), t.i)
        if m is not None and not m.personal and m.label != "GPE":
            return m  # "the institute" -> the institute named before; a ministry or an agency is no country
        return mentions.make(s, e, "", True, at=t.i)
    return None


def _subject_before(mentions: Mentions, pron: Token, kind: str, depth: int) -> NamedMention | None:
    """The last subject outside quotes before a he/she, in its sentence or the one before: when it
    is the same pronoun, what that one refers to; when it is a description of one person, whom that
    stands for; None when it is a name (the scored lookup decides) or nothing fits."""
    from annotator.nlp.descriptions import kin_of, owner_of, resolve_phrase
    from annotator.nlp.names import Found, given_name_as, noun_phrase
    from annotator.nlp.roles import age_description, describes_person, description_gender, salient_person

    doc = mentions.doc
    sent, para = mentions.sent_of(pron.idx), mentions.para_of(pron.idx)
    for t in reversed(tokens(doc)[max(0, pron.i - 80) : pron.i]):
        if mentions.sent_of(t.idx) < sent - 1 or para - mentions.para_of(t.idx) > 1:
            if mentions.para_of(t.idx) == para or para - mentions.para_of(t.idx) > 1:
                return None
            return _paragraph_subject_before(mentions, t, kind, depth)
        if t.dep_ not in ("nsubj", "nsubjpass") or t.head.pos_ not in ("VERB", "AUX") or not mentions.outside(t.i, t.i + 1):
            continue
        if t.lower_ in PRONOUN_KIND:
            if PRONOUN_KIND[t.lower_] == kind:
                return resolve_pronoun(mentions, t, depth + 1)
            continue  # "he" before a "she": someone else
        if t.lower_ == "who" and t.head.dep_ == "relcl" and given_name_as(doc, t.head.head) is not None:
            continue  # "who gave his name only as Sid": the noun it hangs from, met next, is named so
        given = given_name_as(doc, t) if t.pos_ == "NOUN" else None
        if given is not None:  # "Her neighbour, who gave his name only as Sid, said he ...": Sid
            named = [m for m in mentions.between(*given) if m.personal or m.label in ("", NAME)]
            return mentions.best_name(named[0], pron.i) if named else mentions.make(*given, "PERSON", True)
        source = mentions.unnamed_at(t.i)
        if source is not None:  # "One father, collecting his daughter, said he ...": the father
            if not _compatible(mentions, source, kind) or _addresses_one_of_kind(mentions, source, kind):
                return None  # "A reporter asked her ...": she is the one asked
            return source
        if t.pos_ == "PROPN" or any(m.personal for m in mentions.between(t.left_edge.i, t.right_edge.i + 1)):
            return None  # a name, or one in apposition: the scored lookup weighs it
        attr = next((c for c in t.head.children if c.dep_ == "attr" and c.i > t.i), None)
        if attr is not None and t.head.lemma_ == "be" and mentions.between(attr.left_edge.i, attr.i + 1):
            return None  # "The last speaker was Ava Lind": the name, weighed by the scored lookup
        span = age_description(doc, t) or noun_phrase(doc, t)
        found = Found(*span, False, "")
        person = describes_person(doc, found)
        m = resolve_phrase(mentions, found, t.i) if person else None
        owner = owner_of(mentions, found) if m is None and main_verb(t.head) else None
        if owner is not None:  # "her sister climbs in. “…,” she calls": the one of her family the noun says
            m = kin_of(mentions, found, owner, t.i)
            person = person or m is not None
        said = reporting_verb(t)
        if said is not None and main_verb(said) and not (m is not None and m.personal):
            continue  # "The commander said the glass had come from a lamp": a thing said of, no he; who said it is next
        if m is None and description_gender(doc, found) in (None, kind) and _speaks_unnamed(mentions, t, found, person):
            return mentions.make(*span, "", True, at=t.i)  # "The harbour patrol chief said ...": "he" is the chief
        if not person or description_gender(doc, found) not in (None, kind):
            return None
        m = m or salient_person(mentions, found, t.i)
        if m is None or not m.personal or mentions.gender(m.key) not in (None, kind):
            return None  # the gender the text gives, however weakly: "the chancellor" whom "she" follows is no "he"
        return mentions.best_name(m, pron.i)
    return None


def _speaks_unnamed(mentions: Mentions, t: Token, found, person: bool) -> bool:
    """The subject ``t`` of a reporting verb is a description of one person that names no one the text names (no title
    matches it, no person just named stands for it: "The harbour patrol chief, at a press call, said",
    "The ministry's chief officer said"): someone of its own, whom a he/she after it refers to; not someone told by
    a relation to a person ("his mother", "Roe's colleague"), whom the text may name apart."""
    if t.head.pos_ != "VERB" or lemma_of(t.head) not in REPORTING_VERBS or reporting_verb(t) is not None or not (person or person_noun(t)):
        return False
    if any(c.dep_ == "poss" and (c.pos_ == "PRON" or any(m.personal for m in mentions.between(c.left_edge.i, c.i + 1)))
           for c in t.children):  # fmt: skip
        return False
    return not person or salient_person(mentions, found, t.i) is None


def _paragraph_subject_before(mentions: Mentions, last: Token, kind: str, depth: int) -> NamedMention | None:
    """A he/she near the start of its paragraph whose last sentence before names no subject ("There is Mo,
    with her dog." then "“…,” he says."): the narrative subject of the paragraph before, when it is the same
    pronoun and no other person is made a subject after it there; from ``last`` back to that paragraph's start."""
    from annotator.nlp.names import Found, noun_phrase
    from annotator.nlp.roles import describes_person, description_gender

    doc = mentions.doc
    para = mentions.para_of(last.idx)
    for t in reversed(tokens(doc)[max(0, last.i - 250) : last.i + 1]):
        if mentions.para_of(t.idx) != para:
            return None
        if t.dep_ not in ("nsubj", "nsubjpass") or not mentions.outside(t.i, t.i + 1):
            continue
        if t.lower_ in PRONOUN_KIND:
            if PRONOUN_KIND[t.lower_] == kind:
                return resolve_pronoun(mentions, t, depth + 1)
            if PRONOUN_KIND[t.lower_] in ("m", "f"):
                return None  # someone else is the subject
            continue
        if t.pos_ == "PROPN" or any(m.personal for m in mentions.between(t.left_edge.i, t.right_edge.i + 1)):
            return None  # a name: the scored lookup weighs it
        if t.pos_ == "NOUN":
            found = Found(*noun_phrase(doc, t), False, "")
            if describes_person(doc, found) and description_gender(doc, found) in (None, kind):
                return None  # "The widower came every day": a person the text has not named
    return None


def _compatible(mentions: Mentions, m: NamedMention, kind: str) -> bool:
    if mentions.writer is not None and m.key == mentions.writer.key:
        return False  # the writer says "I": "he", "she", "they" are someone else
    if m.head >= 0:  # an unnamed source: "One father said", "A spokeswoman for X told", "The water board said"
        from annotator.nlp.sources import kinds_of

        return kind in kinds_of(mentions.doc[m.head]) and (kind not in ("m", "f") or mentions.gender(m.key, strong=True)
                                                             in (None, kind))  # fmt: skip
    if kind in ("m", "f"):
        if m.label == "" and m.speaker:  # an unnamed speaker: "a company commander ... told", then "he said"
            head = mentions.doc[m.end - 1]
            other = FEMALE_NOUNS if kind == "m" else MALE_NOUNS
            return person_noun(head) and head.lower_ not in other
        return m.personal and mentions.gender(m.key, strong=True) in (None, kind) and m.key not in mentions.neutral
    if kind == "pl" and m.personal and m.key in mentions.neutral:
        return True  # "Imrie, who uses they/them pronouns ... they say": a singular they
    if m.label == NAME:  # a proper name the NER missed: an organisation unless known as a person
        return not m.titles and mentions.gender(m.key) is None and m.key not in mentions.person_keys
    if m.label == ORG_NAME and not mentions.parsed and kind == "pl":
        return True
    last = mentions.doc[m.end - 1]
    plural = last.tag_ in ("NNS", "NNPS")  # "Residents of X" are no "it"
    one = last.lower_ not in ORG_NOUNS and (person_noun(last) or is_role(last.lower_))  # nor is "the broker"
    if m.label == "" and m.speaker and kind == "org" and last.pos_ in ("PRON", "DET", "NUM"):
        return False  # "One reader asked ... another answered": the noun left out is the one before, no "it"'s
    return m.organisational or (m.label == "" and m.speaker and (kind == "pl" or not plural and not one))


def _addresses_one_of_kind(mentions: Mentions, m: NamedMention, kind: str) -> bool:
    """The subject ``m``'s own verb has an object pronoun of ``kind`` ("put it to her", "told him"): someone
    else of that kind, whom a he/she opening the next sentence continues."""
    if not mentions.parsed or mentions.gender(m.key, strong=True) not in (None, kind):
        return False
    doc = mentions.doc
    root = doc[m.head] if m.head >= 0 else doc[m.end - 1]
    while root.dep_ in ("appos", "compound", "flat") and root.head.i != root.i:
        root = root.head
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    objects = ("her",) if kind == "f" else ("him",)
    verb = root.head
    return any(t.lower_ in objects and t.dep_ in ("dobj", "pobj", "dative", "iobj") and t.i > root.i
               and next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None) == verb
               for t in verb.subtree)  # fmt: skip


def nearest(mentions: Mentions, before: int, kind: str, window: int = 3, places: bool = True,
            exclude: frozenset[str] = frozenset()) -> NamedMention | None:  # fmt: skip
    """The best-scored mention of ``kind`` (m, f, pl, org, ...) before token ``before``, within ``window``
    paragraphs; else the nearest compatible one anywhere before. Not ``places``: no place ("the board" is
    no town)."""
    pos = mentions.doc[before].idx
    sent, para = mentions.sent_of(pos), mentions.para_of(pos)
    best, best_score = None, float("-inf")
    own_para = kind in ("m", "f") and mentions.parsed and _first_of_paragraph(mentions, before, kind) and any(
        x.para == para and x.head < 0 and x.personal and _compatible(mentions, x, kind) and x.key not in exclude
        for x in mentions.earlier(before, para))
    for m in mentions.earlier(before, para - window):
        if not _compatible(mentions, m, kind) or not places and m.label == "GPE" or m.key in exclude:
            continue
        if m.head >= 0 and kind in ("m", "f") and sent - m.sent <= 1 and _addresses_one_of_kind(mentions, m, kind):
            continue  # "A reporter asked her about it. “…,” she said.": she is the one asked
        score = -(sent - m.sent) - 0.5 * (para - m.para) + 2 * m.subject + 0.5 * m.speaker
        if m.subject and (not m.speaker or m.head >= 0) and kind in ("m", "f") and mentions.parsed and embedded_subject(mentions.doc, m):
            score -= 1  # the subject of a clause under another ("X was furious, claiming Y had been pushed")
        if m.subject and sent - m.sent == 1 and kind in ("m", "f") and _addresses_one_of_kind(mentions, m, kind):
            score -= 2  # "Halloran put it to her. She disagreed.": she is the one he put it to
        if own_para and m.para < para:
            score -= 1  # a person named in the pronoun's own paragraph before it: a new paragraph about them
        if kind == "org" and mentions.parsed and _modifier(mentions, m):
            score -= 1  # "the X staff", "the X plant": a name qualifying a common noun, not the one spoken of
        if kind in ("m", "f") and mentions.gender(m.key) is not None:  # a hint only: names and nearby pronouns mislead
            score += 0.5 if mentions.gender(m.key) == kind else -0.5
        if score > best_score or score == best_score and best is not None and m.start > best.start:
            best, best_score = m, score
    if best is None:  # nothing near: the nearest compatible name anywhere before
        j = bisect_left(mentions.starts, before) - 1
        while j >= 0 and best is None:
            m = mentions.items[j]
            if _compatible(mentions, m, kind) and (places or m.label != "GPE") and m.key not in exclude:
                best = m
            j -= 1
    return best


def _modifier(mentions: Mentions, m: NamedMention) -> bool:
    """The name [m.start, m.end) is a compound modifier of a common noun after it ("the Yarrick staff")."""
    doc = mentions.doc
    last = doc[m.end - 1]
    return last.dep_ == "compound" and last.head.i >= m.end and last.head.pos_ == "NOUN"


def _first_of_paragraph(mentions: Mentions, before: int, kind: str) -> bool:
    """No he/she of ``kind`` outside quotes comes before token ``before`` in its paragraph: the paragraph's first."""
    doc = mentions.doc
    para = mentions.para_of(doc[before].idx)
    for t in reversed(tokens(doc)[max(0, before - 200) : before]):
        if mentions.para_of(t.idx) != para:
            return True
        if PRONOUN_KIND.get(t.lower_) == kind and mentions.outside(t.i, t.i + 1):
            return False
    return True
