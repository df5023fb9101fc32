"""What a common noun phrase speaker stands for: a role ("the foreign minister") -> the person so
titled, "the company"/"their union" -> the organisation, "the statement" -> who issued it; a kin word
used as a name ("Dad said") -> the one the text sets off as "my father"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.nlp.anonymity import unnamed_by_text
from annotator.nlp.cues import lemma_of
from annotator.nlp.issuers import author, issuer
from annotator.nlp.lexicon import (
    DOCUMENT_NOUNS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    ORG_NOUNS,
    REPORTING_VERBS,
    TITLE_HEADS,
    classes,
    table,
    words,
)
from annotator.nlp.names import Found
from annotator.nlp.pronouns import nearest, resolve_pronoun
from annotator.nlp.roles import description_gender, is_role, person_noun, resolve_role
from annotator.nlp.unnamed import earlier_unnamed

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions, NamedMention


_BUSINESS = words("business_nouns")
_ISSUED = classes("document_nouns")["documents"]  # what an organisation issues: "the statement said"
_FIRM_ENDS = words("firm_endings")
_OUTLETS = classes("org_nouns")["media_outlets"]  # a paper, a daily, a site: only an outlet speaks as one


def _described_firm(toks) -> bool:
    """ "the frozen-meals company": "the" and lower-case words of what the firm does before a business noun,
    no name among them, as the subject of its verb: the company the text named, described, not another."""
    if toks[-1].dep_ not in ("nsubj", "nsubjpass"):
        return False  # "a spokesperson for the lottery operator" speaks for it, as written
    return toks[0].lower_ == "the" and all(t.is_lower or t.text == "-" for t in toks[1:-1])


def resolve_phrase(mentions: Mentions, found: Found, at: int, depth: int = 0) -> NamedMention | None:
    """A common noun phrase speaker that stands for a name: "the foreign minister" -> the
    person so titled; "the company"/"their union" -> the organisation; "the statement" -> who
    issued the last one. None when it names no one else."""
    doc = mentions.doc
    toks = [t for t in doc[found.start : found.end]]
    if any(t.lower_ == "of" for t in toks):
        return None  # "the government of Bergland" names itself
    head = toks[-1]
    hw = head.lower_
    ranked = _ranked_relative(mentions, found, at)
    if ranked is not None:  # "the elder sister" where the text says "Ana Roe, who is the elder": Ana Roe
        return ranked
    if hw not in ORG_NOUNS and unnamed_by_text(head):  # "the lock keeper, who declined to be identified": no one
        return earlier_unnamed(mentions, found, at)  # the text names; an unnamed one before ("one of the people")
    dets = {toks[0].lower_} | {c.lower_ for c in head.children if c.dep_ in ("det", "nummod")}
    if found.start > 0:
        dets.add(doc[found.start - 1].lower_)
    if is_role(hw) and hw not in ORG_NOUNS:
        named = resolve_role(mentions, found, at)
        unnamed = _as_resolved(mentions, earlier_unnamed(mentions, found, at), depth)
        if unnamed is not None and _former(toks) and not _former(doc[unnamed.start : unnamed.end]):
            unnamed = None  # "the former minister" is no "one cabinet minister" still in office
        if named is not None and unnamed is not None and unnamed.start > _last_before(mentions, named, at):
            return unnamed  # "the minister" right after "One cabinet minister said", not the minister named before
        return named or unnamed
    indefinite = bool(dets & {"a", "an", "one", "another", "some", "several", "many", "two", "three"})
    if hw in DOCUMENT_NOUNS:
        written = author(mentions, hw, at, only=head.i if indefinite else None)
        if written is not None:  # "the memo reads" ... "signed by Teresa Okwu"; "read a message, which X sent"
            return written
    if indefinite:
        return named_after_lede(mentions, found, at) if hw in ORG_NOUNS else None  # "a spokesman said": not named
    if hw in DOCUMENT_NOUNS:
        issued = issuer(mentions, hw, at)
        if issued is not None:  # "O'Connor said in a statement ..." -> "the statement said"
            return issued
        prev = [m for m in mentions.history if m.start < at and not m.personal and not _a_person(doc[m.end - 1])]
        if hw not in _ISSUED:
            prev = []  # a study or a ruling is no one's statement just because someone spoke before it
        prev = [m for m in prev if mentions.para_of(doc[at].idx) - m.para <= 3]
        if prev:
            return prev[-1]
        return None  # no one issued it: the nearest organisation is a guess, not a signal
    bare = all(t.lower_ in ("the", "its", "their") for t in toks[:-1])
    if not bare and not (hw in _BUSINESS and _described_firm(toks)):
        return None
    orgs = [m for m in mentions.items + mentions.history[-200:] if m.organisational or (m.label == "" and m.speaker)]
    orgs = [m for m in orgs if not (m.start < found.end and found.start < m.end)]  # a phrase never stands for itself
    same = [m for m in orgs if m.key.split()[-1:] == [hw] and m.end - m.start > 1]
    if not same:  # "the ministry" is "Penglai's Ministry of National Defence"
        same = [m for m in orgs if hw in m.key.split()[:-1] and m.end - m.start > 2 and m.start < at]
    if same:
        before = [m for m in same if m.start < at]
        return max(before, key=lambda m: m.start) if before else min(same, key=lambda m: m.start)
    tagged = _tagged_name(mentions, hw, found.start)
    if tagged is not None:  # "Vell Creameries is recalling ..., the company said": the company is Vell Creameries
        return tagged
    if hw in _BUSINESS:  # "the company" is the last name that reads as a company ("... Pvt Ltd")
        para = mentions.para_of(doc[at].idx)
        recent = [m for m in orgs if m.start < at and para - m.para <= 3]
        firms = [m for m in recent if doc[m.end - 1].lower_.rstrip(".") in _FIRM_ENDS]
        if firms:  # the company the last sentences are about (their subject) over one they mention
            return max(firms, key=lambda m: (m.subject or m.speaker, m.start))
        named = [m for m in mentions.items if m.head < 0 and m.start < at and m.end - m.start > 1
                 and doc[m.end - 1].lower_.rstrip(".") in _FIRM_ENDS]  # fmt: skip  (whatever the tagger labelled it)
        if len({m.key for m in named}) == 1:  # the one company the text has named, however far back
            return max(named, key=lambda m: m.start)
    if hw in _OUTLETS:  # "the daily wrote": an outlet described or named before; never an organisation of another
        # kind ("the paper states" after "Vell Medical School": a study's paper, as written)
        outlet = earlier_unnamed(mentions, found, at) or nearest(mentions, at, "org", places=False)
        if outlet is not None and outlet.label and doc[outlet.end - 1].lower_ in ORG_NOUNS - _OUTLETS | _FIRM_ENDS:
            return None
        return outlet
    if hw in ORG_NOUNS:  # "the board": an organisation described so before, else the one the text is about, no town
        return earlier_unnamed(mentions, found, at) or nearest(mentions, at, "org", places=False)
    return earlier_unnamed(mentions, found, at)


_AGE_RANKS = classes("age_ranks")  # "elder" -> elder, older, ...


def _ranked_relative(mentions: Mentions, found: Found, at: int) -> NamedMention | None:
    """ "the elder sister", "the younger man": "the", one age rank and a noun for one person, where a family shares
    a surname, is the family member the text gives that rank (``Mentions.ranked_relative``), of the noun's gender."""
    doc = mentions.doc
    toks = doc[found.start : found.end]
    head = toks[-1]
    if len(toks) != 3 or toks[0].lower_ != "the" or not mentions.shared or head.pos_ != "NOUN" or head.tag_ == "NNS":
        return None
    ranks = [r for r, ws in _AGE_RANKS.items() if toks[1].lower_ in ws]
    if len(ranks) != 1 or not (person_noun(head) or head.lower_ in MALE_NOUNS | FEMALE_NOUNS):
        return None
    return mentions.ranked_relative(ranks[0], description_gender(doc, found), at)


def _tagged_name(mentions: Mentions, hw: str, before: int) -> NamedMention | None:
    """The name an earlier reporting tag of the same bare description equates with it: "Vell Creameries is recalling
    pots, the company said" (the tag "the company said" after the clause whose subject is the name says the company
    is Vell Creameries); the latest such before token ``before``, else None."""
    doc = mentions.doc
    if not mentions.parsed:
        return None
    for t in reversed(doc[:before]):
        if t.lower_ != hw or t.dep_ != "nsubj" or t.i == 0 or doc[t.i - 1].lower_ != "the" or not mentions.outside(t.i, t.i + 1):
            continue
        verb = t.head
        if verb.pos_ != "VERB" or lemma_of(verb) not in REPORTING_VERBS:
            continue
        said = [c for c in verb.children if c.dep_ == "ccomp" and c.i < t.i]
        subj = [s for c in said for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        for s in subj:
            named = [m for m in mentions.between(s.left_edge.i, s.i + 1) if m.head < 0 and m.end == s.i + 1]
            if named and mentions.outside(named[0].start, named[0].end) and not _one_person(mentions, named[0]):
                return mentions.best_name(named[0], before)
    return None


def _one_person(mentions: Mentions, m: NamedMention) -> bool:
    """A name taken for a person that reads as one: not ending in a plural ("Vell Creameries" is no one person,
    whatever the tagger labelled it), or with a gender the text gives ("Ana Roe will step down, the company said")."""
    if not m.personal:
        return False
    return mentions.doc[m.end - 1].tag_ != "NNPS" or mentions.gender(m.key) is not None


def _former(toks) -> bool:
    """The phrase says its office is past ("the former minister", "an ex-minister")."""
    return any(t.lower_ in ("former", "ex", "retired", "onetime", "one-time") for t in toks)


def _as_resolved(mentions: Mentions, m: NamedMention | None, depth: int) -> NamedMention | None:
    """An earlier description of one person that is itself definite ("The housing minister has a deputy ...")
    names no one new: it stands for whom it resolves to, when it does (a title, the person just named);
    an indefinite one ("One cabinet minister said") is someone of its own; only an office, a title or a noun that
    says a man or a woman is one person."""
    doc = mentions.doc
    if m is None or depth > 2 or m.head >= 0 or doc[m.start].lower_ not in ("the", "this", "that"):
        return m
    if doc[m.end - 1].lower_ not in TITLE_HEADS | MALE_NOUNS | FEMALE_NOUNS:
        return m  # "the crew", "the family": a group, whoever was just named
    from annotator.nlp.roles import salient_person

    earlier = Found(m.start, m.end, False, "")
    named = resolve_phrase(mentions, earlier, m.start, depth + 1) or salient_person(mentions, earlier, m.start)
    return named if named is not None and named.personal else m


def named_after_lede(mentions: Mentions, found: Found, at: int) -> NamedMention | None:
    """Wire copy's delayed identification: a lede's "an international aid agency said" is the organisation
    the next paragraph names as the subject of its first sentence with a subject ("... the Council for X said
    that ..."); only in the lede, only the next paragraph, only an organisation."""
    doc = mentions.doc
    para = mentions.para_of(doc[at].idx)
    if para > 1:
        return None
    after = [m for m in mentions.items if m.start >= found.end and m.para == para + 1
             and (m.subject or any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[m.start : m.end]))]  # fmt: skip
    first = min(after, key=lambda m: m.start, default=None)
    return first if first is not None and first.organisational and first.end - first.start > 1 else None


def _a_person(head) -> bool:
    """An unnamed earlier speaker described as one person ("the visitor"), who issues no statement."""
    return head.lower_ not in ORG_NOUNS and (is_role(head.lower_) or person_noun(head))


def _last_before(mentions: Mentions, m: NamedMention, at: int) -> int:
    """Where the person of mention ``m`` was last named or heard before token ``at``."""
    same = [x.start for x in mentions.by_key.get(m.key, []) + mentions.history[-200:] if x.key == m.key and x.start < at]
    return max(same, default=m.start)


_KIN_NAMES = table("kin_names")  # "dad" -> "father"


def kin_named(mentions: Mentions, found: Found, at: int) -> NamedMention | None:
    """A kin word used as a name ("Dad told him", "Mum said"): the one person the text sets off, outside quotes,
    as "my father, X" or "X, my father"; None when it sets off no one, or two."""
    doc = mentions.doc
    if found.end - found.start != 1 or not mentions.parsed:
        return None
    noun = _KIN_NAMES.get(doc[found.start].lower_)
    if noun is None:
        return None
    named: dict[str, NamedMention] = {}
    for m in mentions.items:
        root = doc[m.end - 1]
        if not m.personal or root.dep_ != "appos" and not any(c.dep_ == "appos" for c in root.children):
            continue
        kin = root.head if root.dep_ == "appos" else next(c for c in root.children if c.dep_ == "appos")
        if kin.lower_ == noun and any(c.dep_ == "poss" and c.lower_ == "my" for c in kin.children):
            if mentions.outside(kin.i, kin.i + 1):
                named.setdefault(m.key, m)
    if len(named) != 1:
        return None
    (m,) = named.values()
    return mentions.best_name(m, max(at, m.end))


def owner_of(mentions: Mentions, found: Found):
    """Whom the possessive pronoun opening a description of a person refers to ("her" of "her sister", "his
    lawyer"): someone other than the person described."""
    doc = mentions.doc
    first = doc[found.start]
    if first.lower_ not in ("his", "her") or found.end - found.start < 2 or first.dep_ != "poss":
        return None
    head = doc[found.end - 1]
    if not (person_noun(head) or head.lower_ in MALE_NOUNS | FEMALE_NOUNS):
        return None  # "her post", "his statement": no person
    return resolve_pronoun(mentions, first)


def kin_of(mentions: Mentions, found: Found, owner, at: int):
    """ "her sister", "his father": the person last named before ``at`` who shares the owner's surname, not the
    owner, of the gender the noun says (a family shares a name); None when the noun says none or no one fits."""
    doc = mentions.doc
    gender = description_gender(doc, found)
    if gender is None:
        return None
    surname = doc[owner.end - 1].lower_
    family = [m for m in mentions.items if m.personal and m.start < at and m.key != owner.key
              and doc[m.end - 1].lower_ == surname and mentions.gender(m.key) in (None, gender)]  # fmt: skip
    if len({m.key for m in family}) != 1:
        return None  # two of the family fit: no telling which
    return mentions.best_name(family[-1], at)
