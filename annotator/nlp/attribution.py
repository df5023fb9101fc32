"""Who said it: reporting cues, the speaker a cue names (from the parse, or from token patterns
when there is none), titles kept out of names, and the named mentions pronouns refer to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

# --- lexicon --------------------------------------------------------------------------------

# Reporting verbs by lemma. Those in _NOUNISH are also common nouns ("a call", "the note"): with
# no tagger only their unambiguous past forms count as cues.
REPORTING_VERBS = frozenset(
    """say tell add ask warn insist write tweet argue note stress declare reply call describe explain
    state claim announce admit acknowledge respond continue recall comment observe remark suggest
    conclude complain vow pledge promise urge predict caution concede contend assert maintain emphasise
    emphasize underline underscore point joke quip shout scream yell whisper mutter exclaim testify confirm
    deny report post agree repeat reiterate demand plead boast lament charge allege counter retort dub label
    term brand hail praise condemn thunder recount answer assure reassure muse wonder text email proclaim
    estimate threaten accuse criticise criticize dismiss blast slam scoff tout speak inform opine posit
    intone rule""".split()
)
_NOUNISH = frozenset(
    """call note report post claim comment charge promise pledge vow demand answer point term brand label
    text email tweet counter joke estimate praise blast slam dub quip rule""".split()
)
# Verbs whose direct object is the listener or the thing described, never the speaker (so "told
# Rusu" and "called the strike" are no inversion).
_LISTENER_VERBS = frozenset(
    """tell ask inform assure reassure urge warn remind accuse call describe dub label term brand dismiss
    praise condemn blast slam hail criticise criticize""".split()
)
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "admit": ("admits", "admitted", "admitting"),
    "quip": ("quips", "quipped", "quipping"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "slam": ("slams", "slammed", "slamming"),
    "label": ("labels", "labelled", "labeled", "labelling", "labeling"),
    "dub": ("dubs", "dubbed", "dubbing"),
}
NOUN_CUES = frozenset(
    """statement interview tweet post briefing letter speech address communique communiqué email message
    remarks comments video op-ed column declaration release conference testimony podcast broadcast""".split()
)
# Subjects that speak for someone else: prefer the organisation or person they name.
PROXY_NOUNS = frozenset(
    """statement spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen representative
    official officials source sources aide aides report post tweet letter release communique communiqué
    message office account""".split()
)
# Documents that "said"/"added": they speak for whoever last issued a statement.
DOCUMENT_NOUNS = frozenset(
    "statement release letter report communique communiqué post tweet message email declaration notice".split()
)
# Nouns that name an organisation anaphorically: "the company said" -> the company named before.
ORG_NOUNS = frozenset(
    """company firm group operator utility government ministry union council party authority agency
    organisation organization association newspaper paper site website club bank department board
    committee commission army military airline carrier manufacturer developer retailer broadcaster
    charity campaign regulator insurer lender exchange institute university hospital school court
    police force federation alliance coalition movement network station channel magazine office
    administration cabinet parliament assembly embassy consulate fund foundation trust society league
    team corporation consortium""".split()
)
# Words that end a title before a name: Foreign *Minister* Ana Rusu, Commission *President* X.
TITLE_HEADS = frozenset(
    """minister president premier chancellor secretary senator sen rep representative congressman
    congresswoman governor gov mayor mr mrs ms miss mx dr prof professor judge justice chief chairman
    chairwoman chair spokesman spokeswoman spokesperson ambassador envoy commissioner director head
    leader king queen prince princess pope bishop archbishop rev reverend father sister brother colonel
    col general gen lt lieutenant captain capt major maj sergeant sgt admiral commander cmdr officer
    deputy vice ceo cfo coo founder chairperson speaker lawmaker mp mep councillor councilor sheikh
    emir sultan sir dame lord lady madam detective inspector constable superintendent coach manager
    attorney counsel adviser advisor analyst economist author correspondent editor editor-in-chief
    researcher scientist activist candidate lawyer principal executive farmer skipper pensioner student
    singer innkeeper meteorologist nurse doctor teacher worker resident owner neighbour neighbor""".split()
)
_NAME_PARTICLES = frozenset("von van der den de da di del della la le du bin ibn al el ben dos das ter ten y".split())
MALE_HONORIFICS = frozenset("mr sir lord king prince father brother monsieur herr senor señor".split())
FEMALE_HONORIFICS = frozenset("mrs ms miss madam madame dame lady queen princess sister mme frau senora señora".split())
MALE_WORDS = frozenset({"he", "his", "him", "himself"})
FEMALE_WORDS = frozenset({"she", "her", "hers", "herself"})
MALE_NOUNS = frozenset(
    """husband son father brother man boy grandfather uncle nephew boyfriend widower king prince chairman
    spokesman congressman businessman policeman fireman mr sir lord""".split()
)
FEMALE_NOUNS = frozenset(
    """wife daughter mother sister woman girl grandmother aunt niece girlfriend widow queen princess
    chairwoman spokeswoman congresswoman businesswoman policewoman actress mrs ms miss lady dame""".split()
)
PRONOUN_KIND = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "pl", "it": "org"}
_SKIP_BEFORE_CUE = frozenset(
    """also later then again previously recently earlier once has had have was is were would will
    reportedly quickly simply only further repeatedly publicly privately 've 's 'd ’ve ’s ’d
    subsequently yesterday today tonight separately finally angrily calmly bluntly flatly firmly""".split()
)
_STOP_CAPS = frozenset(
    """the a an this that these those it its he she they we i you but and or so yet if when while
    as in on at by for with from of to after before during since until though although however
    meanwhile earlier later asked speaking monday tuesday wednesday thursday friday saturday sunday
    january february march june july august september october november december last next""".split()
)
ORG_LABELS = ("ORG", "NORP", "GPE", "FAC")
SPEAKER_LABELS = ("PERSON",) + ORG_LABELS
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


# --- cues -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A reporting cue: tokens ``[start, end)``; ``kind`` is ``verb``, ``according`` or ``noun``."""

    start: int
    end: int
    kind: str


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def has_tags(doc: Doc) -> bool:
    return doc.has_annotation("TAG") or doc.has_annotation("POS")


def find_cues(doc: Doc) -> list[Cue]:
    """Every reporting cue in the doc: verbs (by lemma and tag when tagged, by form when not),
    "according to" and "in a statement"-like phrases. Found with a spaCy ``Matcher``."""
    matcher = Matcher(doc.vocab)
    matcher.add("according", [[{"LOWER": "according"}, {"LOWER": "to"}]])
    det = {"LOWER": {"IN": ["a", "an", "the", "his", "her", "their", "its", "our", "this", "that"]}, "OP": "?"}
    nouns = sorted(NOUN_CUES)
    matcher.add("noun", [[{"LOWER": "in"}, det, {"IS_ALPHA": True, "LOWER": {"NOT_IN": nouns}, "OP": "?"},
                          {"LOWER": {"IN": nouns}}]])  # fmt: skip
    if has_tags(doc):
        matcher.add("verb", [[{"LEMMA": {"IN": sorted(REPORTING_VERBS)}, "POS": {"IN": ["VERB", "AUX"]}}]])
        matcher.add("verb", [[{"LOWER": {"IN": ["said", "says", "told", "added", "tweeted", "wrote"]},
                               "TAG": {"NOT_IN": ["NN", "NNS", "NNP", "NNPS", "JJ"]}}]])  # fmt: skip
    else:
        matcher.add("verb", [[{"LOWER": {"IN": sorted(UNTAGGED_CUE_FORMS)}}]])
    seen: dict[int, Cue] = {}
    for match_id, start, end in matcher(doc):
        kind = doc.vocab.strings[match_id]
        if kind == "noun":
            start = next((i for i in range(end - 1, max(start, end - 5) - 1, -1) if doc[i].lower_ == "in"), start)
        if start in seen and seen[start].end - seen[start].start >= end - start:
            continue
        seen[start] = Cue(start, end, kind)
    return sorted(seen.values(), key=lambda c: c.start)


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else CUE_FORMS.get(tok.lower_, tok.lower_)


# --- speakers of a cue ----------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A speaker found for a cue: tokens ``[start, end)``. ``label`` is an entity label, NAME? or
    ORG? for a proper name without one, or "" for a common noun phrase; ``pronoun`` for he/she/..."""

    start: int
    end: int
    pronoun: bool = False
    label: str = ""


def is_cap(tok: Token) -> bool:
    t = tok.text
    return (
        bool(t)
        and t[0].isupper()
        and sum(c.isalpha() for c in t) > 1 - t.endswith(".")
        and tok.lower_ not in _STOP_CAPS
    )


def is_title(tok: Token) -> bool:
    return tok.lower_.rstrip(".") in TITLE_HEADS


def strip_title(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading title (Foreign Minister, President, Mr) from a name span, if a name follows."""
    cut = start
    for i in range(start, end - 1):
        if doc[i].lower_.rstrip(".") in TITLE_HEADS or doc[i].lower_ in ("'s", "’s"):
            cut = i + 1
    if cut > start:
        while cut < end - 1 and (doc[cut].is_punct or doc[cut].lower_ in ("of", "the", "for")):
            cut += 1
        for i in range(end - 1, cut - 1, -1):  # "Secretary of State Ana Rusu": the name after "of State"
            if doc[i].lower_ in ("of", "for"):
                cut = i + 2 if i + 2 < end else cut
                break
        if not any(is_cap(t) for t in doc[cut:end]):
            return start, end
    while cut < end - 1 and doc[cut].lower_ in _NAME_PARTICLES and doc[cut].text.islower():
        cut += 1
    return cut, end


def _ent_span(doc: Doc, tok: Token) -> tuple[int, int, str] | None:
    if tok.ent_type_ in SPEAKER_LABELS:
        s = tok.i
        while s > 0 and doc[s].ent_iob_ == "I":
            s -= 1
        e = tok.i + 1
        while e < len(doc) and doc[e].ent_iob_ == "I":
            e += 1
        return s, e, tok.ent_type_
    return None


def named(doc: Doc, s: int, e: int, label: str) -> Found:
    """A name span tidied: titles off a person, "the" kept before an organisation, no trailing 's."""
    if label in ("PERSON", NAME, ""):
        while (
            e < len(doc) and e - s < 6 and all(t.lower_.rstrip(".") in TITLE_HEADS for t in doc[s:e]) and is_cap(doc[e])
        ):
            e += 1  # "Mr O'Neill" when the tagger split the name from its honorific
        s, e = strip_title(doc, s, e)
    elif s > 0 and doc[s - 1].lower_ == "the" and doc[s].lower_ != "the":
        s -= 1
    while e > s + 1 and (doc[e - 1].lower_ in ("'s", "’s", "'", "’") or doc[e - 1].is_punct and doc[e - 1].text != "."):
        e -= 1
    return Found(s, e, False, label)


def _propn_span(doc: Doc, head: Token) -> tuple[int, int]:
    """The proper-name run ending at ``head``: compounds, hyphens and name particles to its left."""
    s = head.i
    while s > 0:
        t = doc[s - 1]
        if t.head.i == head.i or t.head.i == s or t.text == "-":
            if (
                t.pos_ == "PROPN"
                or (t.text == "-" and s - 2 >= 0 and doc[s - 2].pos_ == "PROPN")
                or (t.lower_ in _NAME_PARTICLES and s - 2 >= 0 and doc[s - 2].pos_ == "PROPN")
            ):
                s -= 1
                continue
        break
    return s, head.i + 1


def label_of_name(doc: Doc, s: int, e: int) -> str:
    last = doc[e - 1].lower_
    return ORG_NAME if last in ORG_NOUNS or any(t.ent_type_ in ORG_LABELS for t in doc[s:e]) else NAME


def speaker_from_head(doc: Doc, head: Token) -> Found | None:
    """The speaker named by a subject: a person named in apposition, its entity, a proper name,
    the organisation a spokesperson speaks for, or the noun phrase itself."""
    if head.lower_ in PRONOUN_KIND and head.pos_ in ("PRON", ""):
        return Found(head.i, head.i + 1, True)
    if head.is_punct or head.like_num:
        return None
    ent = _ent_span(doc, head)
    proxy = head.lower_ in PROXY_NOUNS or head.lemma_.lower() in PROXY_NOUNS
    common = head.pos_ not in ("PROPN", "")
    # an appositive name: "the foreign minister, Ana Rusu, said" / "its president, Urs Brunner"
    if common or ent is None:
        for child in head.children:
            if (
                child.dep_ in ("appos", "compound", "flat")
                and child.i > head.i - 6
                and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN" and child.dep_ == "appos")
            ):
                cent = _ent_span(doc, child)
                if cent is None or cent[2] != "PERSON" and common:
                    s, e = _propn_span(doc, child)
                    return named(doc, s, e, "PERSON" if head.lower_ in TITLE_HEADS else label_of_name(doc, s, e))
                return named(doc, *cent)
    if ent is not None:
        return named(doc, *ent)
    if head.pos_ == "PROPN" or (not head.pos_ and is_cap(head)):
        s, e = _propn_span(doc, head)
        if is_title(head):  # "Minister quits", "the Health Secretary": a description, not a name
            return Found(*noun_phrase(doc, head), False, "")
        return named(doc, s, e, label_of_name(doc, s, e))
    # a common noun: "a spokesman for the ministry", "the ministry's statement" -> the organisation
    inner = []
    for t in head.subtree:
        if t.i != head.i and t.ent_type_ in SPEAKER_LABELS and t.ent_iob_ == "B":
            if not any(a.dep_ in ("relcl", "acl") for a in t.ancestors if a.i != head.i and head.is_ancestor(a)):
                inner.append(_ent_span(doc, t))
    inner = [x for x in inner if x is not None]
    apposed = [x for x in inner if x[2] == "PERSON" and x[0] > 0 and doc[x[0] - 1].text == ","]
    if apposed:  # "An analyst at Morgan Stanley, James Whitfield, wrote"
        return named(doc, *min(apposed, key=lambda x: abs(x[0] - head.i)))
    if proxy:
        if inner:
            inner.sort(key=lambda x: (x[2] != "PERSON", abs(x[0] - head.i)))
            return named(doc, *inner[0])
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if poss is not None:
            s, e = _propn_span(doc, poss)
            return named(doc, s, e, label_of_name(doc, s, e))
    if not head.is_alpha:
        return None
    return Found(*noun_phrase(doc, head), False, "")


def noun_phrase(doc: Doc, head: Token) -> tuple[int, int]:
    """``the Foreign Ministry``, ``the government of Bergland``: det "the", modifiers, an "of" phrase."""
    s = head.i
    for child in sorted(head.lefts, key=lambda c: -c.i):
        if child.right_edge.i == s - 1 and (
            child.dep_ in ("compound", "amod", "nmod", "poss") or child.lower_ in ("the", "its", "their")
        ):
            s = child.left_edge.i
    e = head.i + 1
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_):
            e = pobj.i + 1
    return s, e


def subject_candidates(doc: Doc, verb: Token, sent: tuple[int, int] | None = None) -> list[Token]:
    """Who a reporting verb's subject is: its nsubj, else climbing to the clause it hangs from
    ("went on to say", "..., saying", "a promise to finish"), a relative clause's antecedent,
    or the name after the verb (inversion). ``sent`` bounds the sentence (token indices)."""
    out: list[Token] = []
    lo, hi = sent if sent is not None else (verb.sent.start, verb.sent.end)
    v = verb
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX"):
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and not c.is_punct]
            for s in subj:
                if s.lower_ in ("who", "that", "which") and v.dep_ in ("relcl", "acl"):
                    out.append(v.head)
                elif s.dep_ == "nsubj" or lemma_of(v) in ("quote", "cite"):
                    out.append(s)
            if subj:
                break
            if v.dep_ in ("acl", "relcl") and v.tag_ in ("VBG", "VBN") and v.head.pos_ in ("PROPN", "NOUN"):
                out.append(v.head)  # "its founder, Declan O'Neill, blaming ..."
                break
            if v.dep_ == "ccomp":
                break  # a complement clause with no subject of its own
            if v.tag_ == "VBG" and v.i > 0 and doc[v.i - 1].text == ",":
                absolute = _with_subject(doc, v.i - 2)
                if absolute is not None:  # "with its founder, Declan O'Neill, blaming ..."
                    out.append(absolute)
                    break
                root = _clause_root(v, lo, hi)
                if root.i != v.i:
                    v = root  # ", saying ..." after a comma belongs to the main clause
                    continue
        if v.head.i == v.i or not lo <= v.head.i < hi:
            # the top of the sentence (the parse may have hung it off the line before): a noun
            # left of it with no place in the sentence is its subject ("The Secretary, X, resigned")
            if v.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
                orphan = next((t for t in doc[lo : v.i] if t.pos_ in ("NOUN", "PROPN")
                               and not lo <= t.head.i < hi and t.dep_ != "compound"), None)  # fmt: skip
                if orphan is not None:
                    out.append(orphan)
            break
        v = v.head
    if lemma_of(verb) not in _LISTENER_VERBS:
        for c in verb.rights:  # inversion the parser labelled otherwise: "said Foreign Minister Ana Rusu"
            if (
                c.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "dep", "nsubj")
                and (c.ent_type_ in SPEAKER_LABELS or c.pos_ == "PROPN" or c.lower_ in PRONOUN_KIND)
                and c not in out
            ):
                out.append(c)
    return out


def _clause_root(tok: Token, lo: int, hi: int) -> Token:
    """The topmost ancestor of ``tok`` inside the sentence [lo, hi)."""
    n = 0
    while lo <= tok.head.i < hi and tok.head.i != tok.i and n < 50:
        tok, n = tok.head, n + 1
    return tok


def _with_subject(doc: Doc, j: int) -> Token | None:
    """The noun ending at token j when it is the object of "with" (an absolute clause)."""
    if j < 0:
        return None
    t = doc[j]
    while t.dep_ in ("appos", "compound", "flat", "advmod", "npadvmod") and t.head.i != t.i and t.head.i < t.i:
        t = t.head  # up from the apposed name ("its founder, Declan O'Neill,") to the noun
    if t.dep_ == "pobj" and t.head.lower_ == "with" and t.pos_ in ("NOUN", "PROPN"):
        return t
    return None


def governing_verb(doc: Doc, lo: int, hi: int) -> Token | None:
    """The verb outside tokens [lo, hi) that a quoted fragment hangs from, raised through the
    clauses it is reported in ("ruled that the utility had acted “...”" -> ruled)."""
    verb = None
    for t in doc[lo:hi]:
        if lo <= t.head.i < hi or t.is_punct:
            continue
        h, n = t.head, 0
        while n < 6 and verb is None:
            if h.pos_ in ("VERB", "AUX") and not lo <= h.i < hi:
                verb = h
            elif h.head.i == h.i:
                break
            h, n = h.head, n + 1
        break
    while (
        verb is not None
        and verb.dep_ in ("ccomp", "conj")
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.head.i != verb.i
    ):
        verb = verb.head
    return verb


def governing_cue(doc: Doc, lo: int, hi: int, cue_starts: set[int]) -> int | None:
    """A reporting cue among the ancestors of the quote's tokens [lo, hi) (the verb it reports)."""
    for t in doc[lo:hi]:
        if lo <= t.head.i < hi:
            continue
        h, n = t.head, 0
        while n < 8:
            if h.i in cue_starts and not lo <= h.i < hi:
                return h.i
            if h.head.i == h.i:
                break
            h, n = h.head, n + 1
    return None


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
    if lemma_of(doc[cue.start]) in _LISTENER_VERBS and not after_quote:
        return left
    return left or right


def _left_of(doc: Doc, i: int, lo: int) -> Found | None:
    j = i - 1
    while j >= lo and (doc[j].lower_ in _SKIP_BEFORE_CUE or doc[j].lower_ in CUE_FORMS
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
    ent = _ent_span(doc, tok)
    if ent and ent[1] == j + 1 and ent[0] >= lo:
        return named(doc, *ent)
    if tok.lower_ in PRONOUN_KIND and tok.lower_ not in ("him", "her"):
        return Found(j, j + 1, True)
    if is_cap(tok):
        s = j
        while s - 1 >= lo and (is_cap(doc[s - 1]) or (doc[s - 1].lower_ in _NAME_PARTICLES or doc[s - 1].text == "-"
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
        if s < j:
            return named(doc, s, j, ORG_NAME)
    for k in range(j - 1, max(lo - 1, j - 4), -1):  # "the ministry said"
        if doc[k].lower_ in ("the", "its", "their"):
            words = doc[k + 1 : j + 1]
            if all(t.is_alpha and t.lower_ not in CUE_FORMS and t.lower_ not in _FUNCTION_WORDS for t in words):
                return Found(k, j + 1, False, "")
            break
        if not doc[k].is_alpha:
            break
    return None


# What may follow an inverted speaker: "..., said Rusu." / "said Rusu on Monday" / "said Rusu, who".
_AFTER_SPEAKER = frozenset(
    """in on at of from for after during before who whose as to late earlier last this adding when while
    yesterday today tonight""".split()
)
_FUNCTION_WORDS = frozenset(
    """is was were be been are am has had have would will could should can may might must did does do
    and or but that which who not no""".split()
)


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
        start < hi and start < j + 3 and doc[start].is_lower and doc[start].is_alpha and not _ent_span(doc, doc[start])
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
            and doc[e].lower_ not in _FUNCTION_WORDS
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
    ent = _ent_span(doc, doc[start])
    if ent and ent[0] == start and _ends_speaker(doc, min(ent[1], hi), hi):
        return named(doc, ent[0], min(ent[1], hi), ent[2])
    e = start
    while e < hi and (is_cap(doc[e]) or e > start and (doc[e].lower_ in _NAME_PARTICLES or doc[e].text in ("-", "."))
                      and e + 1 < hi and is_cap(doc[e + 1])):  # fmt: skip
        e += 1
    if e == start or not _ends_speaker(doc, e, hi):
        return None
    for k in range(start, e):  # "said Foreign Minister Ana Rusu": the entity after the title
        ent = _ent_span(doc, doc[k])
        if ent and ent[2] == "PERSON":
            return named(doc, ent[0], min(ent[1], hi), "PERSON")
    if all(is_title(t) or t.text == "." for t in doc[start:e]):
        return None
    return named(doc, start, e, label_of_name(doc, start, e))


# --- mentions and what they refer to ----------------------------------------------------------


@dataclass
class NamedMention:
    """A name in the text (token span) with what is known of it."""

    start: int
    end: int
    label: str  # PERSON, ORG, ..., NAME? or ORG? (a proper name the NER missed)
    key: str  # surname for people, lower-cased name without "the" for organisations
    subject: bool  # the subject of its clause (or a quote's speaker)
    sent: int
    para: int
    titles: frozenset[str] = field(default_factory=frozenset)
    speaker: bool = False  # an earlier quote's speaker, or the subject of a reporting verb

    @property
    def personal(self) -> bool:
        return self.label in ("PERSON", NAME)

    @property
    def organisational(self) -> bool:
        return self.label in ORG_LABELS or self.label == ORG_NAME


def name_key(doc: Doc, s: int, e: int, label: str) -> str:
    if label in ("PERSON", NAME):
        words = [t.lower_ for t in doc[s:e] if not t.is_punct]
        return words[-1] if words else doc[s:e].text.lower()
    return re.sub(r"^(the|its|their)\s+", "", doc[s:e].text.lower())


class Mentions:
    """Named mentions outside quotes, genders learnt from the text, and resolution of pronouns,
    titles ("the foreign minister") and anaphoric nouns ("the company", "the statement")."""

    def __init__(self, doc: Doc, sent_of: Callable[[int], int], para_of: Callable[[int], int],
                 outside: Callable[[int, int], bool]) -> None:  # fmt: skip
        self.doc = doc
        self.sent_of, self.para_of, self.outside = sent_of, para_of, outside
        self.parsed = has_parse(doc)
        self.items: list[NamedMention] = []
        self.person_keys: set[str] = set()
        self._people_sents: set[int] = set()
        self.starts: list[int] = []
        self.by_key: dict[str, list[NamedMention]] = {}
        self.history: list[NamedMention] = []  # speakers of earlier quotes, at those quotes
        self.votes: dict[str, list[float]] = {}
        self._collect()
        self._learn_genders()

    # building

    def make(self, s: int, e: int, label: str, subject: bool = False, at: int | None = None) -> NamedMention:
        pos = self.doc[s if at is None else at].idx
        return NamedMention(s, e, label, name_key(self.doc, s, e, label), subject, self.sent_of(pos), self.para_of(pos))

    def _collect(self) -> None:
        doc = self.doc
        taken = set()
        for ent in doc.ents:
            if ent.label_ not in SPEAKER_LABELS or not self.outside(ent.start, ent.end):
                continue
            start = max([t.i + 1 for t in ent if "\n" in t.text_with_ws] + [ent.start])  # NER ran over a line break
            if start >= ent.end or is_title(doc[ent.end - 1]):
                continue
            label = ent.label_
            if label != "PERSON" and self._titled(start, ent.root):
                label = "PERSON"  # "its president, Urs Brunner" tagged ORG
            f = named(doc, start, ent.end, label)
            self.items.append(self._with_role(f.start, f.end, label, doc[ent.end - 1]))
            taken.update(range(ent.start, ent.end))
        if self.parsed:
            for t in doc:
                if t.pos_ != "PROPN" or t.i in taken or (t.dep_ in ("compound", "flat") and t.head.pos_ == "PROPN"):
                    continue
                if t.ent_type_ or not is_cap(t) or not self.outside(t.i, t.i + 1):
                    continue
                if is_title(t) and not (t.i + 1 < len(doc) and is_cap(doc[t.i + 1]) and doc[t.i + 1].i not in taken):
                    continue  # a title alone ("the Prime Minister") is no name; "Mr O'Neill" is
                s, e = _propn_span(doc, t)
                f = named(doc, s, e, NAME)
                label = "PERSON" if self._titled(f.start, t) else label_of_name(doc, f.start, f.end)
                self.items.append(self._with_role(f.start, f.end, label, t))
        elif not has_tags(doc):
            self._collect_capitalised(taken)
        self.items.sort(key=lambda m: m.start)
        # one name, one kind: a name the NER missed once takes the label it gave it elsewhere
        seen: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ in SPEAKER_LABELS:
                seen.setdefault(ent.text.lower(), ent.label_)
        for m in self.items:
            if m.label in (NAME, ORG_NAME) and doc[m.start : m.end].text.lower() in seen:
                m.label = seen[doc[m.start : m.end].text.lower()]
                m.key = name_key(doc, m.start, m.end, m.label)
        # and "Brandt" tagged ORG where "Ana-Lucia Brandt" is a PERSON
        people = self.person_keys = {m.key for m in self.items if m.label == "PERSON"}
        for m in self.items:
            if m.label != "PERSON" and m.end - m.start <= 3 and is_cap(doc[m.end - 1]):
                key = name_key(doc, m.start, m.end, "PERSON")
                if key in people:
                    m.label, m.key = "PERSON", key
        self.starts = [m.start for m in self.items]
        self.by_key: dict[str, list[NamedMention]] = {}
        for m in self.items:
            self.by_key.setdefault(m.key, []).append(m)

    def _collect_capitalised(self, taken: set[int]) -> None:
        """No tagger: runs of capitalised words (not a lone sentence-initial one) are names."""
        doc = self.doc
        i, n = 0, len(doc)
        while i < n:
            t = doc[i]
            if not is_cap(t) or i in taken or not self.outside(i, i + 1):
                i += 1
                continue
            e = i + 1
            while e < n and e not in taken and (is_cap(doc[e]) or (
                doc[e].lower_ in _NAME_PARTICLES or doc[e].text == "-" or doc[e].lower_ == "of"
            ) and e + 1 < n and is_cap(doc[e + 1])):  # fmt: skip
                e += 1
            s = i
            i = e
            sentence_start = s == 0 or self.sent_of(doc[s].idx) != self.sent_of(doc[s - 1].idx)
            if (e - s == 1 and sentence_start) or all(is_title(x) for x in doc[s:e]):
                continue
            f = named(doc, s, e, NAME)
            label = ORG_NAME if doc[e - 1].lower_ in ORG_NOUNS or (s > 0 and doc[s - 1].lower_ == "the") else NAME
            m = self._with_role(f.start, f.end, label, doc[e - 1])
            m.titles = frozenset(x.lower_.rstrip(".") for x in doc[s : f.start] if is_title(x))
            self.items.append(m)

    def _titled(self, start: int, root: Token) -> bool:
        if start > 0 and self.doc[start - 1].lower_.rstrip(".") in TITLE_HEADS:
            return True
        return self.parsed and root.dep_ == "appos" and root.head.lower_ in TITLE_HEADS

    def _with_role(self, s: int, e: int, label: str, root: Token) -> NamedMention:
        m = self.make(s, e, label)
        first = m.sent not in self._people_sents
        if label in ("PERSON", NAME):
            self._people_sents.add(m.sent)
        if self.parsed:
            r = root
            while r.dep_ in ("compound", "appos", "flat", "conj") and r.head.i != r.i and self._same_sent(r.head, m):
                r = r.head
            objects = ("pobj", "dobj", "poss", "attr", "dative", "pcomp", "iobj")
            orphan = not self._same_sent(r.head, m)  # the parse hung it on another sentence
            m.subject = r.dep_ in ("nsubj", "nsubjpass") or (
                first and (orphan or r.dep_ not in objects) and self._early(m)
            )
            m.speaker = r.dep_ == "nsubj" and lemma_of(r.head) in REPORTING_VERBS
            m.titles = self._title_words(s, root)
        else:
            m.subject = first
        return m

    def _same_sent(self, tok: Token, m: NamedMention) -> bool:
        return self.sent_of(tok.idx) == m.sent

    def _early(self, m: NamedMention) -> bool:
        """Near the start of its sentence (the parse may have run two sentences together)."""
        start = self.doc[m.start].idx
        words = 0
        for t in self.doc[max(0, m.start - 8) : m.start]:
            if self.sent_of(t.idx) == m.sent and t.is_alpha:
                words += 1
        return words <= 4 and self.sent_of(start) == m.sent

    def _title_words(self, start: int, root: Token) -> frozenset[str]:
        """Words of the titles given to a name: "Valdoria's Foreign Minister", "the transport minister, X"."""
        words: set[str] = set()
        heads = [root]
        if root.dep_ == "appos":
            heads.append(root.head)
        heads += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        for h in heads:
            toks = [h] if h is not root else []
            for c in h.lefts:
                toks += [t for t in c.subtree if t.i < start or h is not root]
            if h is not root:
                toks += [t for c in h.rights if c.dep_ == "prep" and c.lower_ in ("of", "for", "at") for t in c.subtree
                         if not any(a.dep_ in ("relcl", "acl") for a in t.ancestors if c.is_ancestor(a))]  # fmt: skip
            words.update(t.lower_ for t in toks if t.is_alpha and t.lower_ not in ("the", "a", "an"))
        j = start - 1
        if j >= 0 and self.doc[j].text == ",":  # "Their lawyer, Tomas O'Neill" (however it was parsed)
            j -= 1
        while j >= 0 and start - j <= 5 and not self.doc[j].is_punct and (is_cap(self.doc[j]) or is_title(self.doc[j])
                                                                          or self.doc[j].is_lower):  # fmt: skip
            if is_title(self.doc[j]):  # "Interior Minister" right before the name
                words.add(self.doc[j].lower_.rstrip("."))
            j -= 1
        return frozenset(words)

    def _learn_genders(self) -> None:
        doc = self.doc
        people = [m for m in self.items if m.personal and m.subject]
        by_sent: dict[int, set[str]] = {}
        first: dict[tuple[int, str], int] = {}
        for m in people:
            by_sent.setdefault(m.sent, set()).add(m.key)
            first.setdefault((m.sent, m.key), m.start)
        keys = {m.key for m in self.items if m.personal}
        for t in doc:  # honorifics, inside quotes too: "Mrs Peeters has been saying..."
            w = t.lower_.rstrip(".")
            if (w in MALE_HONORIFICS or w in FEMALE_HONORIFICS) and t.i + 1 < len(doc):
                nxt = doc[t.i + 1] if doc[t.i + 1].text != "." else (doc[t.i + 2] if t.i + 2 < len(doc) else None)
                k = None
                if nxt is not None:
                    j = nxt.i
                    while j + 1 < len(doc) and is_cap(doc[j + 1]):
                        j += 1
                    k = doc[j].lower_
                if k in keys:
                    self.vote(k, "m" if w in MALE_HONORIFICS else "f", 3)
            elif t.lower_ in MALE_WORDS or t.lower_ in FEMALE_WORDS:
                if not self.outside(t.i, t.i + 1):
                    continue
                sent = self.sent_of(t.idx)
                ks = by_sent.get(sent)
                if ks and len(ks) == 1:
                    k = next(iter(ks))
                    if first[(sent, k)] < t.i:
                        self.vote(k, "m" if t.lower_ in MALE_WORDS else "f", 1)

        for m in self.items:  # "her husband, Dmytro", "the chairwoman, X"
            if m.personal:
                male, female = len(m.titles & MALE_NOUNS), len(m.titles & FEMALE_NOUNS)
                if male != female:
                    self.vote(m.key, "m" if male > female else "f", 2)

    def vote(self, key: str, gender: str, weight: float) -> None:
        v = self.votes.setdefault(key, [0.0, 0.0])
        v[0 if gender == "m" else 1] += weight

    def gender(self, key: str) -> str | None:
        m, f = self.votes.get(key, (0.0, 0.0))
        return "m" if m > f else ("f" if f > m else None)

    def add_speaker(self, s: int, e: int, label: str, quote_tok: int) -> None:
        m = self.make(s, e, label or (NAME if all(is_cap(t) for t in self.doc[s:e]) else ""), True, at=quote_tok)
        m.start, m.end, m.speaker = s, e, True
        self.history.append(m)

    # resolving

    def resolve_pronoun(self, pron: Token) -> NamedMention | None:
        """The named mention a he/she/they/it refers to: the best-scored compatible earlier mention
        (subjects and earlier speakers preferred, nearer preferred, known gender agreeing)."""
        kind = PRONOUN_KIND.get(pron.lower_)
        if kind is None:
            return None
        best = self._nearest(pron.i, kind)
        if best is not None and kind in ("m", "f") and best.personal:
            self.vote(best.key, kind, 0.5)
        return self.best_name(best, pron.i) if best else None

    def _compatible(self, m: NamedMention, kind: str) -> bool:
        if kind in ("m", "f"):
            return m.personal and self.gender(m.key) in (None, kind)
        if m.label == NAME:  # a proper name the NER missed: an organisation unless known as a person
            return not m.titles and self.gender(m.key) is None and m.key not in self.person_keys
        if m.label == ORG_NAME and not self.parsed and kind == "pl":
            return True
        return m.organisational or (m.label == "" and m.speaker)

    def _nearest(self, before: int, kind: str, window: int = 3) -> NamedMention | None:
        pos = self.doc[before].idx
        sent, para = self.sent_of(pos), self.para_of(pos)
        best, best_score = None, float("-inf")
        for m in self._earlier(before, para - window):
            if not self._compatible(m, kind):
                continue
            score = -(sent - m.sent) - 0.5 * (para - m.para) + 2 * m.subject + 0.5 * m.speaker
            if kind in ("m", "f") and self.gender(m.key) == kind:
                score += 0.5
            if score > best_score or score == best_score and best is not None and m.start > best.start:
                best, best_score = m, score
        if best is None:  # nothing near: the nearest compatible name anywhere before
            j = bisect_left(self.starts, before) - 1
            while j >= 0 and best is None:
                if self._compatible(self.items[j], kind):
                    best = self.items[j]
                j -= 1
        return best

    def _earlier(self, before: int, from_para: int = -1) -> list[NamedMention]:
        """Mentions (and earlier speakers) starting before token ``before``, from paragraph ``from_para`` on."""
        j = bisect_left(self.starts, before)
        out = []
        while j > 0 and self.items[j - 1].para >= from_para:
            j -= 1
            out.append(self.items[j])
        out += [m for m in self.history[-200:] if m.start < before and m.para >= from_para]
        return out

    def best_name(self, m: NamedMention, before: int) -> NamedMention:
        """The fullest earlier mention of the same person (``Ana Rusu`` over ``Rusu``)."""
        if not m.personal:
            return m
        same = [x for x in self.by_key.get(m.key, []) if x.start < before and x.personal]
        same += [x for x in self.history[-200:] if x.key == m.key and x.start < before]
        return max(same, key=lambda x: (x.end - x.start, x.start), default=m)

    def between(self, lo: int, hi: int) -> list[NamedMention]:
        """Mentions starting in tokens [lo, hi)."""
        return self.items[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def resolve_phrase(self, found: Found, at: int) -> NamedMention | None:
        """A common noun phrase speaker that stands for a name: "the foreign minister" -> the
        person so titled; "the company"/"their union" -> the organisation; "the statement" -> who
        issued the last one. None when it names no one else."""
        doc = self.doc
        toks = [t for t in doc[found.start : found.end]]
        if any(t.lower_ == "of" for t in toks):
            return None  # "the government of Bergland" names itself
        head = toks[-1]
        hw = head.lower_
        words = {t.lower_ for t in toks if t.is_alpha} - {"the", "a", "an", "its", "their", "his", "her", hw}
        dets = {toks[0].lower_} | {c.lower_ for c in head.children if c.dep_ in ("det", "nummod")}
        if found.start > 0:
            dets.add(doc[found.start - 1].lower_)
        if dets & {"a", "an", "one", "another", "some", "several", "many", "two", "three"}:
            return None  # "a spokesman said": someone not named before
        if hw in TITLE_HEADS:
            return self._titled_person(hw, words, at)
        if hw in DOCUMENT_NOUNS:
            prev = [m for m in self.history if m.start < at and not m.personal]
            prev = [m for m in prev if self.para_of(doc[at].idx) - m.para <= 3]
            if prev:
                return prev[-1]
            return self._nearest(at, "org")
        bare = all(t.lower_ in ("the", "its", "their") for t in toks[:-1])
        if not bare:
            return None
        orgs = [m for m in self.items + self.history[-200:] if m.organisational or (m.label == "" and m.speaker)]
        same = [m for m in orgs if m.key.split()[-1:] == [hw] and m.end - m.start > 1]
        if same:
            before = [m for m in same if m.start < at]
            return max(before, key=lambda m: m.start) if before else min(same, key=lambda m: m.start)
        if hw in ORG_NOUNS:
            return self._nearest(at, "org")
        return None

    def _titled_person(self, head: str, words: set[str], at: int) -> NamedMention | None:
        cands = [m for m in self.items if m.personal and head in m.titles]
        if not cands:
            return None

        def score(m: NamedMention) -> tuple[int, int, int]:
            return (len(words & m.titles), 1 if m.start < at else 0, -abs(m.start - at))

        best = max(cands, key=score)
        if words and not words & best.titles and len({m.key for m in cands}) > 1:
            return None
        return self.best_name(best, at) if best.start < at else replace(best)
