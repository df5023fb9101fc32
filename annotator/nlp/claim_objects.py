"""Sharper objects for suggested claims: the named union or pact for pooling, the named place for territory,
the speaker's own polity for sovereignty, read from capitalised chunks of the text itself."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span

from annotator.domain import Claim, Mention
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_names import country_of, owns_an_organ
from annotator.nlp.claim_parts import home_of, mention
from annotator.nlp.claim_tree import ents, evidence_span, is_seat, label_of, phrase, sentences, subject_of, text_of
from annotator.nlp.claim_types import PEOPLE_NOUNS
from annotator.nlp.once import ents_within, sent_of, tokens

_JOINERS = frozenset({"of", "the"})


def proper_chunks(span: Span) -> list[tuple[int, int]]:
    """Runs of capitalised words ("the Northern Compact", "Strait of Sel"), never a person's name."""
    out, i = [], span.start
    doc = tokens(span.doc)
    while i < span.end:
        t = doc[i]
        opening = t.is_sent_start or t.i > 0 and doc[t.i - 1].is_quote  # "“Membership will ...": no name
        if t.is_title and t.is_alpha and label_of(t) != "PERSON" and not (opening and t.pos_ != "PROPN"):
            j = i + 1
            while j < span.end and (doc[j].is_title and doc[j].is_alpha or doc[j].lower_ in _JOINERS
                                    and j + 1 < span.end and doc[j + 1].is_title):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


@lru_cache(maxsize=8)
def _chunks_of(doc: Doc) -> tuple[tuple[int, int], ...]:
    """``proper_chunks`` of the whole document, found once per document."""
    return tuple(proper_chunks(doc[:]))


def _last_word_in(doc: Doc, chunk: tuple[int, int], words: frozenset[str]) -> bool:
    return doc[chunk[1] - 1].lower_ in words or doc[chunk[1] - 1].lemma_.lower() in words


@lru_cache(maxsize=8)
def _chunks(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The document's proper chunks, made once."""
    return tuple(proper_chunks(doc[:]))


_UNIONS = lex.FIELD["union"] | lex.UNION_NAMES
_NEAR = 4  # tokens between a name and a word of self-rule for the one to be about the other


def _most_named(doc: Doc, chunks: list[tuple[int, int]]) -> tuple[int, int] | None:
    if not chunks:
        return None
    counts = Counter(doc[a:b].text for a, b in chunks)
    best = counts.most_common(1)[0][0]
    return next(c for c in chunks if doc[c[0] : c[1]].text == best)


def _named_union(doc: Doc, span: Span) -> tuple[int, int] | None:
    """The union named in ``span``, else the one named last before it in its paragraph ("The Eastern Compact
    suspended ... Ostrava would leave the bloc"), else the article's most named union."""
    here = [c for c in proper_chunks(span) if _last_word_in(doc, c, _UNIONS)]
    if here:
        return here[0]
    named = [c for c in _chunks(doc) if _last_word_in(doc, c, _UNIONS) and c[1] - c[0] > 1]
    text = text_of(doc)
    lo = text.rfind("\n\n", 0, span.start_char)
    before = [c for c in named if c[1] <= span.start and doc[c[0]].idx >= max(lo, 0)]
    return max(before, default=None) or _most_named(doc, named)


def named_place(doc: Doc, span: Span) -> tuple[int, int] | None:
    places = lex.PLACE_NOUNS | lex.FIELD["territory"]
    return next((c for c in proper_chunks(span) if _last_word_in(doc, c, places)), None)


def _named_like(doc: Doc, target: str) -> tuple[int, int] | None:
    """The article's named place a description stands for: "the strait" -> "the Strait of Sel"."""
    words = [w.lower() for w in target.split()]
    heads = [w for w in words if w in lex.PLACE_NOUNS or w in lex.FIELD["territory"]]
    if not heads:
        return None
    return _most_named(doc, [c for c in _chunks(doc) if c[1] - c[0] > 1 and heads[-1] in {
        t.lower_ for t in doc[c[0] : c[1]]} | {t.lemma_.lower() for t in doc[c[0] : c[1]]}])


def _text(doc: Doc, m: Mention | None) -> str:
    return text_of(doc)[m.start : m.end] if m is not None else ""


_GENERIC_STARTS = frozenset({"the", "these", "this", "those", "that", "our", "its", "their", "his", "her", "every",
                             "we", "us", "a", "an", "all", "any", "some"})


def _generic(doc: Doc, m: Mention | None) -> bool:
    """No object, or a description rather than a name: "the islands", "these waters", "lectures", "Membership"."""
    if m is None:
        return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    root = span.root
    if label_of(root) == "PERSON":
        return True
    named = root.pos_ == "PROPN" or bool(label_of(root)) and root.is_title
    if not named and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title for c in root.lefts):
        return False  # "the Tarn valley", "the Lint estuary": a name with a common place noun
    return not named or span[0].lower_ in _GENERIC_STARTS and not root.is_title


def _inside(a: Mention | None, b: Mention | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _polities_in(doc: Doc, span: Span, avoid: list[Mention | None]) -> list[tuple[int, int]]:
    """The polities named in ``span`` (GPE, NORP as its country, LOC), in order, none inside ``avoid``."""
    out = []
    for e in ents_within(span):
        if label_of(e.root) not in ("GPE", "NORP", "LOC") or e.root.pos_ == "PRON" or is_seat(e.root):
            continue
        m = mention(doc, e.start, e.end)
        if not any(_inside(m, x) for x in avoid):
            out.append((e.start, e.end))
    return out


def _people_of(span: Span) -> tuple[int, int] | None:
    """The country a demonym in ``span`` names in this text ("Ruvenians" -> "Ruvenia")."""
    for tok in span:
        country = country_of(tok) if tok.is_title else None
        if country is not None:
            return country.i, country.i + 1
    return None


def _owner(tok) -> bool:
    """``tok`` names the owner in "part of X", "belongs to X"."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in ("of", "to") and prep.head.lemma_.lower() in ("part", "belong")


def _home(doc: Doc, claimant: Mention | None) -> Mention | None:
    home = home_of(doc, claimant)
    return mention(doc, *home) if home is not None else None


def sharpen(doc: Doc, c: Claim) -> Claim:
    """``c`` with a better object where the text names one: the named union for pooling, the named place
    for territory, the speaker's own polity for sovereignty and interference (never the outsider, who is the
    addressee), never the claimant or a person."""
    span = evidence_span(doc, c)
    if span is None:
        return c
    target = _text(doc, c.target)
    found = None
    bad = _generic(doc, c.target) or _inside(c.target, c.claimant)
    if c.claim_type == "pooling" and (bad or not any(w[:1].isupper() and w.lower() in _UNIONS
                                                     for w in target.split()[-1:])):
        found = _named_union(doc, span)
    elif c.claim_type == "territory" and (bad or _inside(c.target, _home(doc, c.claimant)) or _a_state_named(doc, target)):
        # a description ("these waters"), the owner ("belongs to X") or a claiming state ("X calls the pass
        # its soil") stands for the territory at stake
        found = named_place(doc, span) or _named_like(doc, target) or _place_before(doc, span) or territory_focus(doc)
        if found is not None and (_owner(doc[found[1] - 1]) or _inside(mention(doc, *found), _home(doc, c.claimant))):
            found = None  # "part of Valdoria", "belongs to Valdoria": the owner is not the territory
    elif c.claim_type in ("sovereignty", "interference") and (bad or _inside(c.target, c.addressee)):
        avoid = [c.claimant, c.addressee]
        found = home_of(doc, c.claimant) or next(iter(_polities_in(doc, span, avoid)), None) or _people_of(
            span) or focus(doc)  # "Ruvenians ... our own house": Ruvenia; else the country the article is about
        if found is not None and _inside(mention(doc, *found), c.addressee):
            found = None
    elif c.claim_type == "contest" and bad:
        found = vote_focus(doc, _home(doc, c.claimant))  # "the so-called republic", "a state": the one at stake
        if found is not None and _inside(mention(doc, *found), c.claimant):
            found = None
    return c.with_(target=mention(doc, *found)) if found is not None else c


def _a_state_named(doc: Doc, target: str) -> bool:
    """``target`` is a state the article gives an organ of state ("X's president"): a side claiming land, not
    the land claimed, when the article names a place apart."""
    return bool(target) and owns_an_organ(doc, _bare(target)) and _most_named(doc, _places(doc)) is not None


def _same(a: str, b: str) -> bool:
    a, b = _bare(a.lower()), _bare(b.lower())
    return bool(a) and bool(b) and (a in b or b in a or a[:5] == b[:5])


def _bare(t: str) -> str:
    return t[4:] if t.startswith("the ") else t


def retyped(doc: Doc, c: Claim) -> Claim:
    """A sovereignty claim about a polity other than the claimant's own affirms another's sovereignty:
    contest (favour), as the codebook defines it."""
    if c.claim_type != "sovereignty" or c.target is None or c.claimant is None:
        return c
    home = home_of(doc, c.claimant)
    if home is None:
        return c
    own = doc[home[0] : home[1]].text
    target = _text(doc, c.target)
    if _same(own, target) or not target[:1].isupper():
        return c
    return c.with_(claim_type="contest")


def one_per_object(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A territorial claim restating a sovereignty or contest claim on the same evidence and object
    with the same stance ("the sovereignty and territorial integrity of X") is one claim, and so is a field
    claim's territory talk beside such a claim; "X is not a state, it is part of Y" stays two."""
    out = []
    for c in claims:
        twin = c.claim_type == "territory" and c.target is not None and any(
            o.claim_type in ("sovereignty", "contest") and o.evidence == c.evidence and o.target is not None
            and o.stance == c.stance
            and (c.cue == "field" or _same(_text(doc, o.target), _text(doc, c.target))) for o in claims)
        if not twin:
            out.append(c)
    return out


@lru_cache(maxsize=8)
def focus(doc: Doc) -> tuple[int, int] | None:
    """The place the article is about: its most often named GPE or LOC (its first mention)."""
    return _most_often(doc, [e for e in ents(doc) if _usual(e) in ("GPE", "LOC")])


def _most_often(doc: Doc, names: list) -> tuple[int, int] | None:
    if not names:
        return None
    counts = Counter(_bare(e.text) for e in names)
    best = counts.most_common(1)[0][0]
    e = next(e for e in names if _bare(e.text) == best)
    return e.start, e.end


def vote_focus(doc: Doc, besides: Mention | None = None) -> tuple[int, int] | None:
    """The place whose people's status the article's talk of votes and self-rule is about: the GPE or LOC
    named most often next to a word of self-determination (a vote, a referendum, independence), other than
    ``besides`` (the speaker's own country, speaking of another people's vote), else the article's focus."""
    for name in _vote_names(doc):
        if besides is None or not _inside(mention(doc, *name), besides) and not _same(
                _bare(doc[name[0] : name[1]].text), _bare(_text(doc, besides))):
            return name
    return _most_named(doc, list(_named_places(doc))) or focus(doc)


@lru_cache(maxsize=8)
def _vote_names(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The GPE / LOC names of the article's talk of votes and self-rule, most weighted first: a name next to
    the word counts once ("Carrow's referendum", "independence for Carrow"), a name the parse makes the vote's
    holder counts twice more (``_holders``: "the island of Ebra hold a referendum", "an Ebra independence vote"),
    so the people voting outweighs the state that allows or refuses its vote."""
    words = lex.FIELD["vote"] | lex.SELF_RULE_WORDS
    weights: Counter = Counter()
    firsts: dict[str, tuple[int, int]] = {}
    for s in sentences(doc):
        at = [t for t in tokens(doc)[s.start : s.end] if t.lemma_.lower() in words or t.lower_ in words]
        if not at:
            continue
        held = {i for t in at for i in _holders(t)}
        named = [doc[a:b] for a, b in _named_places(doc) if s.start <= a and b <= s.end]
        for e in ents_within(s) + [n for n in named if not any(n.start < e.end and e.start < n.end
                                                                 for e in ents_within(s))]:
            holds = bool(held & set(range(e.start, e.end)))  # a name next to the word, not one far off
            if _usual(e) not in ("GPE", "LOC") and not (holds and _a_name_of_a_place(e)) and e not in named or not any(
                    e.start - _NEAR <= t.i < e.end + _NEAR for t in at) or _left(e.root) or is_seat(e.root):
                continue
            name = _bare(e.text)
            firsts.setdefault(name, (e.start, e.end))
            weights[name] += 1 + (2 if holds else 0)
    return tuple(firsts[n] for n, _ in weights.most_common())


def _a_name_of_a_place(e) -> bool:
    """A proper name the small model tagged as an organisation or product that holds a vote ("the Ebra
    referendum"): a place, unless it is a person's or ends in an organisation, union or outlet noun ("the Ebra
    Council", "the Ebra Herald")."""
    from annotator.nlp.lexicon import ORG_NOUNS

    last = e.doc[e.end - 1]
    return _usual(e) in ("ORG", "PRODUCT", "NORP", "FAC", "") and last.pos_ == "PROPN" and (
        last.lower_ not in ORG_NOUNS and last.lower_ not in _UNIONS and last.lower_ not in lex.MEDIA_NAMES)


_LEAVING = frozenset({"leave", "quit", "exit", "secede", "separate", "break"})


def _left(tok) -> bool:
    """``tok`` is the state a people would leave, not the people voting: the object of "leave" or of "from"
    ("a referendum on leaving Orvania", "independence from Orvania", "secede from Orvania")."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in _LEAVING:
        return True
    return tok.dep_ == "pobj" and head.lower_ in ("from", "within")  # "self-government within Orvania"


_HOLDING = ("in", "for", "of", "by")
_HOLDING_VERBS = frozenset({"hold", "stage", "call", "organise", "organize", "want", "demand", "win", "seek",
                            "declare", "vote"})


def _holders(t) -> set[int]:
    """Tokens the parse makes the holder of the vote or self-rule word ``t``: its possessor or compound name
    (of ``t`` or of the noun it modifies: "Ebra's referendum", "an Ebra independence vote"), the object of
    "in / for / of / by" after it ("a vote in Ebra", "independence for Ebra", "the island of Ebra"), and the
    subject of holding or seeking it ("Ebra holds a referendum")."""
    heads = [t] + ([t.head] if t.dep_ == "compound" and t.head is not t else [])
    out: set[int] = set()
    for h in heads:
        for c in h.children:
            if c.dep_ in ("poss", "compound") and c.i != t.i:
                out.add(c.i)
            if c.dep_ == "prep" and c.lower_ in _HOLDING:
                out.update(g.i for g in c.children if g.dep_ == "pobj")
        if h.dep_ == "dobj" and h.head.lemma_.lower() in _HOLDING_VERBS:
            subj = subject_of(h.head)
            if subj is not None:
                out.add(subj.i)
    for i in list(out):  # "the island of Ebra": the name the place noun is of
        w = t.doc[i]
        if w.lemma_.lower() in lex.PLACE_NOUNS:
            out.update(g.i for c in w.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj")
    return out


@lru_cache(maxsize=8)
def _named_places(doc: Doc) -> tuple[tuple[int, int], ...]:
    """Proper chunks of two words or more ending in a place noun ("X Isles", "X Uplands"), whatever the tagger
    made of them; a union's name never is one."""
    places = lex.PLACE_NOUNS | lex.FIELD["territory"]
    return tuple(c for c in _chunks(doc) if c[1] - c[0] > 1 and _last_word_in(doc, c, places)
                 and not _last_word_in(doc, c, _UNIONS))


def _places(doc: Doc) -> list[tuple[int, int]]:
    """Named places: proper chunks ending in a place noun, LOC and FAC entities (never a union's name)."""
    places = lex.PLACE_NOUNS | lex.FIELD["territory"]
    chunks = [c for c in _chunks(doc) if c[1] - c[0] > 1 and _last_word_in(doc, c, places)]
    chunks += [(e.start, e.end) for e in ents(doc) if e.label_ in ("LOC", "FAC")
               and not _last_word_in(doc, (e.start, e.end), _UNIONS)]
    return chunks


def _place_before(doc: Doc, span: Span) -> tuple[int, int] | None:
    """The place named last before ``span`` within its paragraph and the one before: what "the islands",
    "these waters" point back to."""
    text = text_of(doc)
    lo = text.rfind("\n\n", 0, text.rfind("\n\n", 0, span.start_char))
    before = [c for c in _places(doc) if c[1] <= span.start and doc[c[0]].idx >= max(lo, 0)]
    return max(before, default=None)


@lru_cache(maxsize=8)
def territory_focus(doc: Doc) -> tuple[int, int] | None:
    """The territory the article is about: its most often named place with a place noun ("the Kaldor Isles",
    "the Strait of Sel") or LOC / FAC entity, else its most named GPE or LOC that owns no organ of state (a
    state with a parliament or ministers is the side claiming, not the land claimed), else its focus."""
    return _most_named(doc, _places(doc)) or _most_often(doc, [
        e for e in ents(doc) if _usual(e) in ("GPE", "LOC") and not owns_an_organ(doc, _bare(e.text))]) or focus(doc)


def _usual(ent) -> str:
    return label_of(ent.root)


def focused(doc: Doc, c: Claim) -> Claim:
    """A self-determination claim is about the people or territory whose status is at stake: the place the
    article's votes are about when the evidence or the sentence around it names it, or when the object found
    is no place at all (a person, a court, "the Constitution")."""
    if c.claim_type != "self_determination":
        return c
    f = vote_focus(doc, _home(doc, c.claimant))
    span = evidence_span(doc, c)
    if f is None or span is None:
        return c
    if _a_people_named(doc, c.target):
        return c  # "the Veshans", "the people of the valley": the people whose say it is, the object already
    name = _bare(doc[f[0] : f[1]].text)
    people = _people_of_a_place(span)
    if people is not None and not (owns_an_organ(doc, doc[people[1] - 1].text) and not _same(
            doc[people[1] - 1].text, name)):  # "the people of X" for a state's whole people, not the voters'
        return c.with_(target=mention(doc, *people))  # "said the people of X should be asked"
    around = doc[sent_of(span[0]).start : sent_of(span[-1]).end].text
    target = _text(doc, c.target)
    if name not in target and (name in around or _generic(doc, c.target) or not _place_like(doc, c.target)
                               or _describes_a_place(span, c.target)):
        return c.with_(target=mention(doc, *f))
    return c


def _people_of_a_place(span: Span) -> tuple[int, int] | None:
    """The first "people of X" in ``span`` (a people noun with "of" and a proper name or a place noun after it:
    "the people of X", "the residents of the valley"), determiner to the name's end."""
    for t in span:
        if t.lemma_.lower() not in PEOPLE_NOUNS or t.pos_ != "NOUN":
            continue
        for prep in t.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for g in prep.children:
                if g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.lemma_.lower() in lex.PLACE_NOUNS):
                    start = min([d.i for d in t.lefts if d.dep_ == "det"] + [t.i])
                    end = g.right_edge.i + 1
                    if span.start <= start and end <= span.end:
                        return start, end
    return None


def _a_people_named(doc: Doc, m: Mention | None) -> bool:
    """``m`` names a people: a plural demonym ("the Veshans") or a people noun ("the islanders", "the people
    of X")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand") if m is not None else None
    if span is None or not len(span):
        return False
    root = span.root
    return label_of(root) == "NORP" and root.tag_ in ("NNPS", "NNS") or root.lemma_.lower() in PEOPLE_NOUNS


def _describes_a_place(span: Span, target: Mention | None) -> bool:
    """The evidence speaks of the place whose vote it is by a description ("the islands' council", "the
    region"), outside the object found: that place is the one the article's votes are about."""
    return any(t.pos_ == "NOUN" and (t.lemma_.lower() in lex.PLACE_NOUNS or t.lower_ in lex.PLACE_NOUNS)
               and not (target is not None and target.start <= t.idx < target.end) for t in span)


def _place_like(doc: Doc, m: Mention | None) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand") if m is not None else None
    return span is not None and len(span) > 0 and label_of(span.root) in ("GPE", "LOC", "NORP")


def _bad_object(doc: Doc, c: Claim, m: Mention | None) -> bool:
    """An object that cannot be one: the claimant (its span, or a person claimant's name said again) or a news
    outlet ("the Brell Gazette")."""
    if m is None:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    if _inside(m, c.claimant):
        return True
    last = span[-1].lower_
    if span[-1].is_title and last in lex.MEDIA_NAMES:
        return True
    who = doc.char_span(c.claimant.start, c.claimant.end, alignment_mode="expand") if c.claimant else None
    if who is not None and len(who) and _bare(who.text.lower()) == _bare(span.text.lower()):
        return True  # the claimant named again ("Brisk says the bay belongs to Brisk")
    if who is not None and len(who) and label_of(who[-1]) in ("PERSON", ""):  # a person's surname said again
        return who[-1].is_title and who[-1].text in {t.text for t in span}
    return False


def sound_object(doc: Doc, c: Claim) -> Claim:
    """``c`` with an object that can be one: when the object found is the claimant or a news outlet,
    the speaker's own polity (sovereignty, interference), the named place (territory), else the first polity
    the evidence names that is neither the claimant nor the addressee, else none."""
    if not _bad_object(doc, c, c.target):
        return c
    span = evidence_span(doc, c)
    found = None
    if c.claim_type in ("sovereignty", "interference"):
        found = home_of(doc, c.claimant)
    elif c.claim_type == "territory" and span is not None:
        found = named_place(doc, span) or next((phrase(t) for t in span if t.pos_ == "NOUN" and (
            t.lemma_.lower() in lex.PLACE_NOUNS or t.lower_ in lex.PLACE_NOUNS)), None)  # "the bay"
    if found is None and span is not None:
        found = next((p for p in _polities_in(doc, span, [c.claimant, c.addressee])
                      if not _bad_object(doc, c, mention(doc, *p))), None)
    if found is not None and _bad_object(doc, c, mention(doc, *found)):
        found = None
    return c.with_(target=mention(doc, *found) if found is not None else None)


def filled_object(doc: Doc, c: Claim) -> Claim:
    """A detector claim with no object, or one that cannot be one (the claimant, an outlet): what its type is
    about as the codebook defines it, where the article makes it clear: the union named for pooling, the place
    the article's votes are about for self-determination, the speaker's own polity for sovereignty and
    interference; else the claim as it is."""
    if c.target is not None and not _bad_object(doc, c, c.target):
        return c
    span = evidence_span(doc, c)
    if span is None or not len(span):
        return c
    found = None
    if c.claim_type == "pooling":
        found = _named_union(doc, span)
    elif c.claim_type == "self_determination":
        found = vote_focus(doc, _home(doc, c.claimant))
    elif c.claim_type in ("sovereignty", "interference"):
        found = home_of(doc, c.claimant)
    if found is None or _bad_object(doc, c, mention(doc, *found)):
        return c
    return c.with_(target=mention(doc, *found))
