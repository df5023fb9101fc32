"""The codebook's tie-break between sovereignty and self-determination, read through the document's standing of
each polity (``polity_status``): a region or people within or under another state asserting its own status is
self-determination; saying it already governs itself or is a state stays sovereignty."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_field import not_subordinate
from annotator.nlp.claim_tree import evidence_span, is_first_person, is_polity, subject_of
from annotator.nlp.once import tokens_in
from annotator.nlp.polity_status import non_state

_STATEHOOD = frozenset({"state", "country", "republic", "kingdom"})
_STATED = frozenset({"free", "independent", "sovereign"})  # "a free people": one that already has its state
_WANTING = frozenset({"want", "wish", "seek", "hope", "aspire", "dream", "ask", "demand"})


_HOLDERS = ("nsubj", "nsubjpass", "poss")


def _about_a_region(doc: Doc, c: Claim, span: Span) -> bool:
    """The claim's object is a polity the document marks as under another state, or its evidence names one as
    who does or has something ("X had its own parliament", "without X's consent"), not as where it happens ("said
    in the X region")."""
    target = doc.char_span(c.target.start, c.target.end, alignment_mode="expand") if c.target is not None else None
    if target is not None and any(non_state(t) for t in target):
        return True
    return any(non_state(t) and (t.dep_ in _HOLDERS or t.head.dep_ in _HOLDERS and t.dep_ in ("compound", "amod"))
               for t in tokens_in(span))


def _governs(t: Token) -> bool:
    """A verb of governing ("we run the schools", "never again be ruled from X") or of a polity deciding for
    itself ("X decides what ..."): the polity governing itself, which the codebook calls sovereignty."""
    from annotator.nlp.claim_precedence import _a_polity_deciding

    if t.pos_ == "VERB" and t.lemma_.lower() in lex.GOVERNING_VERBS:
        subj = subject_of(t)
        return any(c.dep_ == "auxpass" for c in t.children) or subj is not None and (
            is_first_person(subj) or is_polity(subj))
    return _a_polity_deciding(t)


def _a_state(t: Token) -> bool:
    """A state noun, or a free or independent people, said of the polity ("we are a state", "would be its own
    country", "from tonight we are a free people"), not wished for ("if X wants to be a country")."""
    if t.dep_ not in ("attr", "oprd") or t.head.lemma_.lower() not in ("be", "become", "remain", "stay"):
        return False
    if t.lemma_.lower() not in _STATEHOOD and not (t.lemma_.lower() in ("people", "nation") and any(
            c.dep_ == "amod" and c.lower_ in _STATED for c in t.children)):
        return False
    verb = t.head
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _WANTING)


def says_it_governs(span: Span) -> bool:
    """``span`` says a polity governs itself or is a state (the codebook's sovereignty, recognised or
    self-declared), or is no one's province or colony, not that a people or region seeks a say over its status."""
    return any(_governs(t) or _a_state(t) or t.lemma_.lower() in lex.SUBORDINATE_NOUNS and not_subordinate(
        t, True) is not None for t in tokens_in(span))


def regions_status(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A sovereignty claim by or about a polity the document marks as a region or people within or under another
    state is self-determination, its say over its own status, as the codebook's "when both fit" line has it;
    one that says the polity already governs itself or is a state stays sovereignty."""
    out = []
    for c in claims:
        if c.claim_type == "sovereignty" and c.evidence:
            span = evidence_span(doc, c)
            if span is not None and len(span) and _about_a_region(doc, c, span) and not says_it_governs(span):
                c = c.with_(claim_type="self_determination", aspect=None)
        out.append(c)
    return out


_VOTED_FROM = ("territory", "other")


def _a_status_vote(span: Span) -> bool:
    """A referendum, plebiscite or secession spoken of in ``span`` ("a referendum on the valley's secession", "home
    rule"), not a local vote nor one beside a union ("a referendum on leaving the union" is pooling's): a people's
    or region's say over its status."""
    from annotator.nlp.claim_guards import not_local
    from annotator.nlp.claim_types import vote_on_union

    toks = tokens_in(span)
    said = any(t.lemma_.lower() in lex.STATUS_VOTE_WORDS or t.lower_ in lex.STATUS_VOTE_WORDS or (
        t.lower_ == "home" and i + 1 < len(toks) and toks[i + 1].lower_ == "rule") for i, t in enumerate(toks))
    unions = lex.FIELD["union"] | lex.UNION_NAMES
    beside_a_union = any(t.lemma_.lower() in unions or t.lower_ in unions for t in toks)
    return said and not_local(toks[0]) and not beside_a_union and not vote_on_union(span)


def status_votes(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A territorial or other claim about a referendum, plebiscite, secession or home rule is self-determination, as
    the codebook's "when both fit" line has it, "even when it also says the land is one and indivisible or belongs
    to a state" (and recognising a status vote's result is self-determination too)."""
    out = []
    for c in claims:
        if c.claim_type in _VOTED_FROM and c.evidence:
            span = evidence_span(doc, c)
            if span is not None and len(span) and _a_status_vote(span):
                c = c.with_(claim_type="self_determination", aspect=None)
        out.append(c)
    return out
