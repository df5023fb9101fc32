"""Who makes a claim (a quote's speaker, the subject of a reporting verb), about what (the cue's subject,
object or owner, else the nearest polity), and against whom (the outsider after "from", "against")."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from annotator.domain import Mention
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_cues import Hit
from annotator.nlp.claim_tree import (
    antecedent,
    by_lower,
    can_be_object,
    clause_verb,
    entity_of,
    ents,
    is_first_person,
    is_seat,
    label_of,
    memo,
    mislabelled_place,
    object_of,
    owner_of,
    phrase,
    pobj,
    regarded,
    subject_of,
)
from annotator.nlp.lexicon import ORG_NOUNS, REPORTING_VERBS
from annotator.nlp.once import ents_within, sent_of, tokens

CLAIMANT_VERBS = REPORTING_VERBS | lex.STANCE_VERBS
_REPORTERS = REPORTING_VERBS | lex.REPORTING_STANCES
_PRONOUNS = {"he": ("PERSON",), "she": ("PERSON",), "they": ("ORG", "GPE", "NORP", "PERSON"), "it": ("ORG", "GPE")}
_OUTSIDER_VERBS = frozenset({"dictate", "lecture", "interfere", "meddle", "impose", "order", "instruct", "tell"})
_POOLING_ACTS = frozenset({"membership", "accession", "integration"})
_SUBJECT_CUES = frozenset({"belong", "part", "always", "ours", "theirs", "state", "country", "nation", "republic",
                           "exist", "sovereign", "independent", "affair", "matter"})


def mention(doc: Doc, start: int, end: int) -> Mention:
    """The characters of tokens ``[start, end)``, without space tokens at either end."""
    while start < end - 1 and doc[start].is_space:
        start += 1
    while end - 1 > start and doc[end - 1].is_space:
        end -= 1
    return Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


def _reporter_of(tok: Token) -> Token | None:
    """The noun subject of the reporting verb whose reported clause ``tok`` ("it", "they") is the subject of:
    "The ministry said it would never recognise ...", "The Alliance said they would stay out"."""
    if tok.lower_ not in ("it", "they") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    t = tok.head
    for _ in range(3):
        if t.dep_ == "conj" and t.head is not t:
            t = t.head
            continue
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORTING_VERBS:
            subj = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and label_of(subj) not in ("PERSON", "DATE"):
                return subj
        return None
    return None


def _resolve_pronoun(tok: Token) -> tuple[int, int] | None:
    labels = _PRONOUNS.get(tok.lower_)
    if labels is None:
        return None
    reporter = _reporter_of(tok)
    if reporter is not None:  # "The ministry said it would ...": it is the ministry
        return speaker_phrase(reporter)
    if tok.lower_ in ("it", "they") and sent_of(tok).start > 0:  # "The Government notes ... It reminds ...": the
        prev = sent_of(tok.doc[sent_of(tok).start - 1])  # body that spoke in the sentence before, not a name it mentioned
        subj = subject_of(prev.root)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN") and label_of(subj) not in ("PERSON", "DATE", "TIME") and (
                prev.root.lemma_.lower() in CLAIMANT_VERBS or label_of(subj) in ("ORG", "GPE", "NORP")):
            return speaker_phrase(subj)
    best = None
    for ent in ents(tok.doc):
        if ent.end <= tok.i and ent.label_ in labels:
            best = ent
    return (best.start, best.end) if best is not None and tok.i - best.end < 120 else None


def _named_apposition(tok: Token) -> Token | None:
    """The person's name set off beside a description of them ("the prime minister, Ada Rinn,", "its
    spokeswoman, Lena Orlimar,"): a proper-noun apposition of a common noun that is not an organisation's; a first
    and last name the small model tagged an organisation ("the opposition leader, Ada Rinn,") is a person's too."""
    if tok.pos_ != "NOUN" or label_of(tok) in ("ORG", "GPE", "NORP"):
        return None
    for c in tok.rights:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.is_title and (
                label_of(c) in ("PERSON", "") or _full_name(c) and _a_persons(tok)) and (
                c.i > 0 and tok.doc[c.left_edge.i - 1].text == ","):
            return c
    return None


def _full_name(name: Token) -> bool:
    """A first and last name: two or more title-case proper nouns ("Ada Rinn"), none an organisation's noun."""
    words = name.doc[name.left_edge.i : name.i + 1]
    return len(words) >= 2 and all(w.pos_ == "PROPN" and w.is_title and w.lower_ not in ORG_NOUNS for w in words)


def _a_persons(tok: Token) -> bool:
    """A description of a person, not of an organisation ("leader", "minister"; not "party", "bloc")."""
    return tok.lemma_.lower() not in ORG_NOUNS and tok.lower_ not in ORG_NOUNS and label_of(tok) == ""


_DASHES = frozenset({"-", "—", "–", "--"})


def _after_dateline(tok: Token) -> Token | None:
    """A dateline's place taken for the subject ("HAVEN, 4 June (PNA) - President Edda Sarn told ..."): the
    name set beside it after the dateline's dash speaks."""
    if not tok.is_upper or tok.i != sent_of(tok).start:
        return None
    dash = next((t.i for t in sent_of(tok)[:12] if t.text in _DASHES), None)
    if dash is None:
        return None
    beside = next((c for c in tok.children if c.dep_ in ("appos", "conj") and c.i > dash and c.pos_ == "PROPN"), None)
    if beside is not None:
        return beside
    return next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > dash), None)


def _titled_earlier(tok: Token) -> Token | None:
    """ "The President said ..." after "President Edda Sarn told ...": a bare title with "the" is the person
    last named with that title before it (as a title before the name, or set beside it)."""
    if tok.pos_ not in ("NOUN", "PROPN") or label_of(tok) or not any(c.lower_ == "the" for c in tok.lefts):
        return None
    found = None
    for i in by_lower(tok.doc).get(tok.lower_, ()):
        if i >= tok.i:
            break
        t = tok.doc[i]
        head = t.head if t.dep_ in ("compound", "appos") else next(
            (c for c in t.children if c.dep_ == "appos"), None) if t.pos_ == "NOUN" else None
        if head is not None and head is not t and label_of(head) == "PERSON":
            found = head
    return found


def speaker_phrase(tok: Token) -> tuple[int, int] | None:
    """The full phrase of a subject; a third-person pronoun resolved to the nearest fitting entity before."""
    if tok.pos_ == "PRON" or tok.lower_ in _PRONOUNS:
        return _resolve_pronoun(tok) or ((tok.i, tok.i + 1) if not is_first_person(tok) else None)
    named = _named_apposition(tok) or _after_dateline(tok) or _titled_earlier(tok)
    if named is not None:  # "The prime minister, Ada Rinn, said": the person, by name
        return phrase(named)
    start, end = phrase(tok)
    for c in tok.rights:  # "the president of Valdoria"
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == end:
            end = c.right_edge.i + 1
    while start < end - 1 and tok.doc[start].text in ("Q.", "A.", "Q:", "A:"):
        start += 1  # an interview's question mark parsed into the name ("Q. Brisk says ...")
    return start, end


def reported_claimant(a: Token) -> tuple[int, int] | None:
    """The subject of the reporting or stance verb governing the cue's clause, or "according to X"; a stance
    verb's subject inside a reported clause gives way to the reporter ("The Ministry reaffirms that the
    Republic does not recognise ...": the Ministry)."""
    t, first = a, None
    for _ in range(10):
        finding = t.lemma_.lower() in lex.FINDING_VERBS and t.pos_ == "VERB"
        if t.lemma_.lower() in CLAIMANT_VERBS and t.pos_ in ("VERB", "AUX") or finding or (
                t.lemma_.lower() in REPORTING_VERBS and t.dep_ in ("ROOT", "ccomp", "advcl", "conj")):
            subj = subject_of(t)
            if finding and t.lemma_.lower() not in CLAIMANT_VERBS and (
                    subj is None or subj.lemma_.lower() not in lex.FINDING_BODIES):
                subj = None  # "she found that ..." reports nothing; "the panel found that ..." does
            if subj is not None and label_of(subj) not in ("DATE", "TIME"):
                found = speaker_phrase(subj)
                if found is not None:
                    if first is not None and t.lemma_.lower() not in _REPORTERS | lex.FINDING_VERBS:
                        break
                    first = found
                    if t.lemma_.lower() in REPORTING_VERBS and t.dep_ not in ("ccomp", "xcomp"):
                        return found
        if t.head is t:
            break
        t = t.head
    if first is not None:
        return first
    sent = sent_of(a)
    for t in sent:  # "..., he said" as a parataxis of the cue's clause; "according to X"
        if t.lemma_.lower() in REPORTING_VERBS and t.dep_ in ("parataxis", "ROOT") and t.i != a.i:
            subj = subject_of(t)
            if subj is not None:
                found = speaker_phrase(subj)
                if found is not None:
                    return found
        if t.lower_ == "according" and t.i + 1 < sent.end and t.nbor().lower_ == "to":
            obj = next((c for c in t.nbor().children if c.dep_ == "pobj"), None)
            if obj is not None:
                return speaker_phrase(obj)
    return None


def _to_gpe(doc: Doc, ent) -> tuple[int, int]:
    """A NORP ("Belarusian") as the GPE of the document it names ("Belarus"), when there is one."""
    if ent.label_ != "NORP":
        return ent.start, ent.end
    stem = ent.text.lower()[:5]
    for other in ents(doc):
        if other.label_ == "GPE" and len(stem) >= 4 and other.text.lower().startswith(stem[:4]) and (
                stem.startswith(other.text.lower()[:5])):
            return other.start, other.end
    return ent.start, ent.end


@lru_cache(maxsize=64)
def home_of(doc: Doc, claimant: Mention | None) -> tuple[int, int] | None:
    """The speaker's own country when the document makes it clear: a GPE or NORP in the claimant's
    phrase or title ("Belarusian President X"), or next to another mention of the same name. (Asked once per
    claimant and document.)"""
    if claimant is None:
        return None
    cache = memo(doc)
    key = ("home", claimant)
    if key not in cache:
        cache[key] = _home_of(doc, claimant)
    return cache[key]


def _home_of(doc: Doc, claimant: Mention) -> tuple[int, int] | None:
    span = doc.char_span(claimant.start, claimant.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    last = span[-1].lower_
    toks = tokens(doc)
    heads = [span.root] + [toks[i] for i in by_lower(doc).get(last, ()) if i not in range(span.start, span.end)]
    for h in heads:
        lo = max(sent_of(h).start, h.left_edge.i, h.i - 5)
        cand = toks[lo : h.i + 1] + [t for c in h.children if c.dep_ == "appos" for t in c.subtree]
        for t in cand:
            ent = entity_of(t)
            if ent is not None and ent.label_ in ("GPE", "NORP"):
                return _to_gpe(doc, ent)
    return None


def polity_near(doc: Doc, a: Token, avoid: set[int]) -> tuple[int, int] | None:
    """The nearest GPE / NORP / ORG / LOC entity to ``a`` in its sentence, else in the sentence before."""
    sents = [sent_of(a)]
    if sent_of(a).start > 0:
        sents.append(sent_of(doc[sent_of(a).start - 1]))
    for sent in sents:
        ents = [e for e in ents_within(sent) if e.label_ in lex.POLITY_LABELS and not avoid & set(range(e.start, e.end))
                and e.root.pos_ != "PRON" and not is_first_person(e.root) and not is_seat(e.root)]
        if ents:
            e = min(ents, key=lambda e: min(abs(e.start - a.i), abs(e.end - 1 - a.i)))
            return _to_gpe(doc, e) if e.label_ == "NORP" else (e.start, e.end)
    return None


def _named(tok: Token | None, home: tuple[int, int] | None) -> tuple[int, int] | None:
    if tok is None:
        return None
    tok = antecedent(tok)
    if is_first_person(tok):
        return home
    if not can_be_object(tok):
        return None
    if label_of(tok) == "NORP":
        ent = entity_of(tok)
        return _to_gpe(tok.doc, ent)
    return phrase(tok)


def target_and_addressee(doc: Doc, hit: Hit, claimant: Mention | None) -> tuple[Mention | None, Mention | None]:
    """The claim's object and its addressee (the outsider), as mentions."""
    a = doc[hit.anchor]
    home = home_of(doc, claimant)
    lemma = a.lemma_.lower()
    verb = clause_verb(a)
    typ = hit.family.claim_type
    addressee = None
    cands: list[Token | None] = []
    # the outsider
    out = pobj(a, ("from", "against", "by")) or pobj(verb, ("from", "against", "by"))
    if typ == "interference":
        if lemma in _OUTSIDER_VERBS or verb.lemma_.lower() in _OUTSIDER_VERBS:
            v = a if a.pos_ == "VERB" else verb
            subj = subject_of(v)
            if subj is not None and not is_first_person(subj) and subj.lower_ not in ("one", "nobody", "anyone"):
                out = out or subj
            cands += [pobj(v, ("to", "in", "on")), next((c for c in v.children if c.dep_ in ("dobj", "dative")), None)]
        poss = next((c for c in a.children if c.dep_ == "poss"), None)
        if poss is not None and not is_first_person(poss) and lemma not in ("affair", "matter"):
            out = out or poss
        cands += [pobj(a, ("in", "into", "with")), owner_of(a)]
    if out is not None and label_of(out) not in ("DATE", "TIME", "") and not is_first_person(out):
        addressee = phrase(out)
    elif out is not None and out.pos_ == "PROPN":
        addressee = phrase(out)
    # the object
    if a.pos_ == "VERB" and lemma not in ("belong",) and typ != "interference":
        cands.append(object_of(a))
    if lemma in _SUBJECT_CUES or a.dep_ in ("attr", "acomp") or typ == "territory":
        cands.append(regarded(a) or subject_of(verb))
    if a.dep_ in ("amod", "compound") and a.head is not a:
        cands.append(a.head)
    cands.append(owner_of(a))
    if a.pos_ != "VERB":
        cands.append(subject_of(verb) if a.dep_ in ("attr", "acomp", "conj") else None)
    owner = owner_of(a) if a.pos_ == "NOUN" and typ in ("territory", "sovereignty", "contest") and (
        a.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj") and a.lemma_.lower() != "part") else None
    if owner is not None and owner.dep_ in ("poss", "pobj") and not is_first_person(owner):
        # "support Orvania's territorial integrity": Orvania, not the clause's subject (but "X is part of Y":
        # a predicate's owner is the owning polity, not the territory)
        cands.insert(0, owner)
    if typ == "pooling" and a.pos_ == "NOUN":  # "membership of the union": the union; else the bloc itself
        joined = pobj(a, ("of", "in", "into", "with", "to"))
        cands.insert(0, a if a.lemma_.lower() not in _POOLING_ACTS or joined is None else joined)
    if typ == "pooling" and a.pos_ == "VERB":
        cands.insert(0, object_of(a))
    part = regarded(a) or subject_of(verb) if typ == "territory" and lemma == "part" else None
    if mislabelled_place(part, pobj(a, ("of",))):  # "Ostmarra is part of Velland", Ostmarra tagged a person
        return mention(doc, *phrase(part)), (mention(doc, *addressee) if addressee else None)
    avoid: set[int] = set()
    if claimant is not None:
        cs = doc.char_span(claimant.start, claimant.end, alignment_mode="expand")
        avoid = set(range(cs.start, cs.end)) if cs is not None else set()
    if addressee is not None:
        avoid |= set(range(*addressee))
    target = None
    for c in cands:
        found = _named(c, home)
        if found is not None and not avoid & set(range(*found)):
            target = found
            break
    if target is None:
        target = polity_near(doc, a, avoid | set(range(hit.start, hit.end)))
    return (mention(doc, *target) if target else None), (mention(doc, *addressee) if addressee else None)
