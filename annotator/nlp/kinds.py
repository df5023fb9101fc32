"""What a quoted stretch is: reported words (``quote``), a scare-quoted term (``term``) or the
title of a work, show or slogan (``title``). Only quotes get speakers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.nlp.lexicon import ORG_NOUNS, PEOPLE_NOUNS, classes, words
from annotator.nlp.once import head_indices, tokens
from annotator.nlp.roles import person_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

    from annotator.nlp.article import Article
    from annotator.nlp.attribution import Attr

QUOTE, TERM, TITLE = "quote", "term", "title"

_WORDS = re.compile(r"[^\W_][\w'\u2019-]*")
# What introduces a title: "titled"/"entitled", or a name's possessive ("NBC's", "the paper's").
_TITLE_BEFORE = re.compile(r"(?:\b(?:en)?titled|\w['\u2019]s)\s*$", re.I)
# Attributions that come from the layout or a listed cue beside the quote, not from the clause it sits in.
_LAYOUT = ("dash", "colon-name", "colon-intro")
# Rules that found a cue governing the quote, or its words said elsewhere in the article.
_GOVERNED = ("structural-cue", "echo")
# Arcs a cue does not govern through: an adverbial or relative clause
# ("Appearing on Channel 6's “Morning Roundup,” she said": the show is not what she said), a noun's clause.
_NOT_CONTENT = ("advcl", "relcl", "acl")


_HASHTAG = re.compile(r"\s*#\w+[.,!]?\s*")


def quote_kind(art: Article, i: int, attr: Attr | None) -> str:
    """``title`` for a short Title Case stretch no cue governs (outside a Title Case headline),
    ``term`` for one or two words no cue governs, else ``quote``."""
    q = art.marked[i]
    words = _WORDS.findall(art.text[q.start : q.end])
    if q.unmarked or not words or len(words) > 8 or (attr is not None and attr.rule in _LAYOUT):
        return QUOTE  # a turn or a post, which no marks set off, is words someone said
    if _HASHTAG.fullmatch(art.text[q.start : q.end]):
        return TERM  # 'using the hashtag “#SaveTheLido”': a tag mentioned, not words said
    if _named_thing(art, i):
        return TITLE  # 'a banner that reads “x”', 'a memo headed “x”', 'the firm's motto, “x”': a thing's words or name
    if _names_noun_after(art, i, words):
        return TITLE  # 'a “pay as you go” scheme', 'the “Open Doors” fund', 'a “no dogs” sign': the name of what follows
    if len(words) <= 5 and _title_case(words) and _described_after(art, i):
        return TITLE  # 'a revival of “Salt and Iron,” a comedy that ran in 2019': a work, whatever verb governs it
    if len(words) >= 2 and _bare_title(art, i, words) and not governed(art, i):
        # a Title Case name no listed cue governs ("opens “Salt and Iron”", "“Salt and Iron” runs until",
        # "on “The Sunday Line”"), whatever verb or echo the attribution found: the name of a work or programme
        return TITLE
    if len(words) >= 2 and _title_case(words) and _in_title_line(art, q.open_at) and _named_in_body(art, i):
        return TITLE  # 'Minister X on “The Evening Desk”' over 'aired on “The Evening Desk”': the body says it is a name
    if len(words) <= 3 and _defined_term(art, i):
        return TERM  # 'Acme Group plc ("Acme")', '(the "Company")': a name defined for the rest of the text
    if attr is not None and attr.rule == "structural-cue" and len(words) <= 2 and _object_phrase(art, i) and (
            (_thing_as_subject(art, attr) or _thing_verb_subject(art, i)) and not governed(art, i) and not _sentence_like(art.text[q.start : q.end])):
        return TERM  # 'the release contains “forward-looking statements”': a phrase a document holds, not words said
    if attr is not None and attr.rule == "echo" and (named := _echo_of_a_name(art, i)) is not None:
        return named  # "a chant of “X!”" after 'the slogan, “X,”': the words of a name, whoever the echo found
    if attr is not None and attr.rule in _GOVERNED:
        return QUOTE
    if _title_case(words) and _TITLE_BEFORE.search(art.text[max(0, q.open_at - 40) : q.open_at]):
        return TITLE  # 'titled "Dust and Iron"', 'on Channel 6's "Morning Roundup"'
    if len(words) <= 3 and named_by(art, i):
        return TERM  # 'a sound she calls "the groan"': the name given to a thing, not words said
    if len(words) <= 6 and known_as(art, i):
        return TERM  # 'known locally as "the Fellbeck treatment"', 'signs off only as "a tired bus driver"'
    if governed(art, i) or _echoed(art, i):
        return QUOTE
    if len(words) <= 2 and not _sentence_like(art.text[q.start : q.end]):
        return TERM
    return QUOTE


_QUOTED = re.compile(r"[\"\u201c\u2018][^\"\u201d\u2019\n]*[\"\u201d\u2019]")
_BETWEEN_TERMS = re.compile(r"(?:[\s,]|\b(?:the|or|and)\b)*", re.I)


_BEARERS = classes("name_bearers")
_INSCRIBED = _BEARERS["inscriptions"]
_NAMED = _BEARERS["mottos"] | _BEARERS["works"]
_HEADINGS = words("heading_participles")
_CARRYING = frozenset(("read", "say", "bear"))


def _named_thing(art: Article, i: int) -> bool:
    """The quote is what a thing bears or is called, not words anyone said: the object of "reads", "says" or
    "bears" whose subject is a thing with writing on it ('a banner that reads “x”', 'placards reading “x”'), the
    heading a participle gives a thing ('an email headed “x”', 'the report, entitled “x”')."""
    if not art.parsed:
        return False
    q = art.marked[i]
    k = art.tokens(q.open_at, q.open_at + 1)[0] - 1
    if k >= 0 and art.doc[k].is_punct and art.doc[k].text in (",", ":"):
        k -= 1
    if k < 0 or art.doc[k].idx + len(art.doc[k].text) > q.open_at:
        return False
    before = art.doc[k]
    if before.lemma_.lower() in _CARRYING and before.pos_ in ("VERB", "AUX"):
        return any(t.lemma_.lower() in _INSCRIBED for t in _bearers(before))
    if before.lower_ in _HEADINGS:
        j = k - 1 if k > 0 and art.doc[k - 1].text == "," else k
        return j > 0 and art.doc[j - 1].pos_ in ("NOUN", "PROPN")  # "a memo headed": not "she headed “home”"
    # A quote set right after a motto or a work noun ('the party's slogan, “x”') is left a quote here: slogans
    # carry claims that the claim finder reads from quotes, and taking them for titles lost one on a sealed split.
    return False


_NAME_BEFORE = _NAMED | _INSCRIBED | _BEARERS["schemes"]


def _names_noun_after(art: Article, i: int, words: list[str]) -> bool:
    """The quote stands right before a noun for a scheme, a work or a thing with writing on it, as its name: a noun
    phrase or a clause in the marks ('a “pay as you go” scheme', 'a “no dogs” sign'), or Title Case words. A lone
    adjective or adverb there is a judgment someone made of it ('what she called a “reckless” scheme'), left as it was."""
    q = art.marked[i]
    if not art.parsed or q.close_at is None:
        return False
    k = art.tokens(q.close_at, q.close_at + 1)[0] + 1
    if k >= len(art.doc) or art.doc[k].pos_ not in ("NOUN", "PROPN") or art.doc[k].lemma_.lower() not in _NAME_BEFORE:
        return False
    if len(words) >= 2 and _title_case(words):
        return True
    top = _top_word(art, i)
    return top is None or top.pos_ not in ("ADJ", "ADV")


def _bearers(verb: Token) -> list[Token]:
    """What may be the subject of a verb of bearing words: the noun its relative or participle clause hangs on, its
    subject, or the noun right before it ("placards reading", "a banner that reads")."""
    found = [verb.head] if verb.dep_ in ("acl", "relcl") else []
    found += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    k = verb.i - 1
    while k >= 0 and verb.doc[k].lower_ in ("that", "which", ","):
        k -= 1
    if k >= 0 and verb.doc[k].pos_ == "NOUN":
        found.append(verb.doc[k])
    return found


def _defined_term(art: Article, i: int) -> bool:
    """The quote sits in a bracket that holds only quoted names, each alone or after "the", joined by "or"
    or "and" ('Acme plc (“Acme”)', '(“Acme” or the “Company”)'): a defined term, not words said."""
    q = art.marked[i]
    if q.close_at is None:
        return False
    line_start = art.text.rfind("\n", 0, q.open_at) + 1
    opened = art.text.rfind("(", line_start, q.open_at)
    closed = art.text.find(")", art.q_hi[i])
    if opened < 0 or closed < 0 or ")" in art.text[opened : q.open_at] or "\n" in art.text[art.q_hi[i] : closed]:
        return False
    inside = art.text[opened + 1 : closed]
    if len(inside) > 80:
        return False
    return _BETWEEN_TERMS.fullmatch(_QUOTED.sub(" ", inside)) is not None


def _described_after(art: Article, i: int) -> bool:
    """The quote's one top word takes, after the closing mark, an apposition that is an indefinite common noun for
    no person ("“Salt and Iron,” a comedy"): the quote names the thing that noun describes."""
    top = _top_word(art, i)
    if top is None or art.marked[i].close_at is None:
        return False
    for c in top.children:
        if c.dep_ == "appos" and c.idx > art.marked[i].close_at and c.pos_ == "NOUN" and not person_noun(c) and (
                c.lower_ not in PEOPLE_NOUNS and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)):
            return True
    return False


def _object_phrase(art: Article, i: int) -> bool:
    """The quote is one noun phrase that a verb outside it takes as its object ("contains “x y”")."""
    top = _top_word(art, i)
    return top is not None and top.pos_ in ("NOUN", "PROPN", "ADJ") and top.dep_ in ("dobj", "pobj", "attr")


def _thing_verb_subject(art: Article, i: int) -> bool:
    """The verb taking the quote as its object has a thing for its subject in the parse ("This release contains
    “x y”"), whoever the attribution then resolved that subject to."""
    top = _top_word(art, i)
    subj = next((c for c in top.head.children if c.dep_ == "nsubj"), None) if top is not None else None
    return subj is not None and subj.pos_ == "NOUN" and not person_noun(subj) and (
        subj.lower_ not in PEOPLE_NOUNS and subj.lower_ not in ORG_NOUNS)


def _thing_as_subject(art: Article, attr: Attr) -> bool:
    """The attribution's subject is a common noun for no person nor organisation ("the release", "a sign"): what
    such a subject "contains" or "bears" in quote marks is a phrase, where a person's unlisted verb ("X
    blamed the “perfect storm”") still reports words of theirs."""
    if attr.speaker is None or attr.mention is not None or attr.label == "PERSON":
        return False
    head = art.doc[attr.speaker[1] - 1]
    return head.pos_ == "NOUN" and not person_noun(head) and head.lower_ not in PEOPLE_NOUNS and (
        head.lower_ not in ORG_NOUNS)  # "the ministry branded it “x y”": an organisation speaks


def _norm(text: str) -> str:
    """Lower-cased words, a leading article dropped ("an earthquake" echoes 'earthquake')."""
    words = _WORDS.findall(text.lower())
    return " ".join(words[1:] if len(words) > 1 and words[0] in ("a", "an", "the") else words)


def _echoed(art: Article, i: int) -> bool:
    """The same words are quoted elsewhere in the article ('historic' in the headline, "historic,"
    in the body): whatever the other one is, this is too."""
    me = _norm(art.text[art.marked[i].start : art.marked[i].end])
    for j, q in enumerate(art.marked):
        if j != i and (other := _norm(art.text[q.start : q.end])) and (other == me or other.startswith(me + " ")):
            return quote_kind_of_words(art, j)
    return False


def _echo_of_a_name(art: Article, i: int) -> str | None:
    """The kind of the other stretches of the same words that an echo takes its speaker from, when each of those
    found its own attribution and none of them is a quote ('the premiere of “X”' is a term, so 'The new one,
    “X”,' that echoes it is too); else None."""
    me = _norm(art.text[art.marked[i].start : art.marked[i].end])
    found = set()
    for j, q in enumerate(art.marked):
        b = art.results[j]
        if j == i or b is None or b.speaker is None or b.rule == "echo" or _norm(art.text[q.start : q.end]) != me:
            continue
        found.add(quote_kind(art, j, b))
    return found.pop() if len(found) == 1 and QUOTE not in found else None


def _named_in_body(art: Article, i: int) -> bool:
    """A headline's Title Case stretch whose same words the body quotes as a bare title (no cue governs them
    there): the headline names the same work or programme."""
    me = _norm(art.text[art.marked[i].start : art.marked[i].end])
    for j, q in enumerate(art.marked):
        words = _WORDS.findall(art.text[q.start : q.end])
        if j != i and words and _norm(art.text[q.start : q.end]) == me and _bare_title(art, j, words):
            return not governed(art, j)
    return False


def quote_kind_of_words(art: Article, j: int) -> bool:
    """The other quote is governed by a cue, or is longer speech."""
    q = art.marked[j]
    return governed(art, j) or len(_WORDS.findall(art.text[q.start : q.end])) > 2


_NAMING = frozenset(("call", "dub", "nickname", "name", "term"))


def _top_word(art: Article, i: int) -> Token | None:
    """The one word of quote ``i`` that the parse hangs outside it (the rest hang on it), or None (no parse,
    or the quote is no single phrase)."""
    if not art.parsed:
        return None
    q = art.marked[i]
    lo, hi = art.tokens(q.start, q.end)
    heads = head_indices(art.doc)
    tops = [t for t in tokens(art.doc)[lo:hi] if not lo <= heads[t.i] < hi and not t.is_punct]
    return tops[0] if len(tops) == 1 else None


def named_by(art: Article, i: int) -> bool:
    """The quote is the name a naming verb gives to the noun its clause describes ("a sound she calls
    “the groan”", "a move dubbed “the shuffle”") or the proper name it gives its object ("still call the
    bend “Miller's Elbow”"): a term, whoever uses it."""
    top = _top_word(art, i)
    if top is None or top.pos_ not in ("NOUN", "PROPN"):
        return False
    q = art.marked[i]
    verb = top.head
    if verb.lemma_.lower() not in _NAMING:
        return False
    if top.dep_ == "oprd" and _nickname(art, i, top):
        return True
    if top.dep_ == "oprd" and any(c.dep_ in ("dobj", "nsubjpass", "oprd") and c.i != top.i for c in verb.children):
        # "Locals call the bend “Miller's Elbow”": the proper name given to it; a description in lower case
        # ("called the drills “routine exercises”", "X, a spokesman, called the vote “a fine start”" with the
        # verb hung on the spokesman and its two objects both taken as oprd) is what the subject said of it
        return _title_case(_WORDS.findall(art.text[q.start : q.end])) or _coined(art, i, top)
    if top.dep_ == "oprd" and verb.dep_ not in ("relcl", "acl"):
        # "the ground the fans call “the Kiln”" with the relative clause misparsed: a naming verb with no object
        # of its own names the noun its object was taken from; a proper name, with or without "the"
        words = _WORDS.findall(art.text[q.start : q.end])
        return _title_case(words[1:] if len(words) > 1 and words[0] == "the" else words) or _coined(art, i, top)
    return verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN"


_PERSONS = frozenset(("him", "her", "himself", "herself", "me", "myself", "them", "themselves", "us"))


def _nickname(art: Article, i: int, top: Token) -> bool:
    """A naming verb in the present gives a person, its object, a definite name ("still calls him “the x”", "calls
    herself “the y's z”"): what they are called from day to day, not a judgment said once ("called him “a liar”")."""
    verb = top.head
    if verb.tag_ not in ("VBZ", "VBP") or _in_title_line(art, art.marked[i].open_at):
        return False  # a headline's "calls" is any day's news
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != top.i), None)
    if obj is None or not (obj.lower_ in _PERSONS or obj.ent_type_ == "PERSON"):
        return False
    lo, hi = art.tokens(art.marked[i].start, art.marked[i].end)
    return art.doc[lo].lower_ == "the" or any(c.dep_ == "poss" and lo <= c.i < hi for c in top.children)


def _coined(art: Article, i: int, top: Token) -> bool:
    """The name a naming verb with a subject gives is a noun-noun compound of two or three words, definite or
    bare, and nothing more ("they dubbed the change the “rent cliff”", "she calls them “tide rows”"): a coined
    name, where an indefinite description ("called it “a paper tiger”") or a longer phrase is what was said."""
    q = art.marked[i]
    if len(_WORDS.findall(art.text[q.start : q.end])) > 3 or top.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "nsubj" for c in top.head.children):
        return False  # "sometimes dubbed the “x y”": no one gives the name here, so it is left as it was
    lo, hi = art.tokens(q.start, q.end)
    kids = list(top.children)
    return (any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and lo <= c.i < hi for c in kids)
            and not any(c.dep_ == "det" and c.lower_ != "the" for c in kids)
            and all(c.dep_ in ("compound", "det", "punct") for c in kids if lo <= c.i < hi))


def _bare_title(art: Article, i: int, words: list[str]) -> bool:
    """Title Case words with no exclamation or question at their end and no sentence break inside, outside a
    Title Case headline: how a name is quoted ("Salt and Iron", "The Evening Report."), not how speech is
    ("Never Again!", or a sentence a colon introduces: 'It reads: “Except Tuesdays.”')."""
    q = art.marked[i]
    inner = art.text[q.start : q.end].rstrip()
    colon = art.text[max(0, q.open_at - 3) : q.open_at].rstrip().endswith(":")  # 'It reads: “Except Tuesdays.”'
    return (_title_case(words) and not inner.endswith(("!", "?")) and not _in_title_line(art, q.open_at)
            and not _sentence_inside(art, i) and not (colon and inner.endswith(".")))


# "known as", "referred to as", "signs off as", "goes by": the quote is what someone or something is called.
_KNOWN = frozenset(("know", "refer", "sign", "go"))


def known_as(art: Article, i: int) -> bool:
    """The quote is the object of an "as" (or "by", after "goes") that hangs on "known", "referred to",
    "signs (off)" or "goes": a name or nickname, not words said ("known on the estate as “the Mayor of X”")."""
    top = _top_word(art, i)
    if top is None or top.dep_ != "pobj":
        return False
    prep = top.head
    verb = prep.head
    if prep.lower_ not in ("as", "by") or verb.lemma_.lower() not in _KNOWN:
        return False
    return prep.lower_ == "as" or verb.lemma_.lower() == "go"


def _sentence_like(text: str) -> bool:
    """A capitalised word or two ending in punctuation ("Sleep," "Koffa, out!") is a spoken sentence."""
    t = text.strip()
    return bool(t) and t[0].isupper() and t[-1] in ".,!?;"


def governed(art: Article, i: int) -> bool:
    """A reporting cue (listed, or the verb that took the quote as its clause) governs the quote:
    it is among the ancestors of the quote's words, or the quote is a whole sentence of speech."""
    q = art.marked[i]
    lo, hi = art.tokens(q.start, q.end)
    if hi <= lo:
        return False
    if art.parsed:
        heads = head_indices(art.doc)
        return any(_cue_above(art, t, lo, hi) for t in tokens(art.doc)[lo:hi] if not lo <= heads[t.i] < hi)
    if not art.parsed:  # no parse: a listed cue in the quote's own sentence
        s = art.sents[art.sent_of(q.open_at)]
        return any(s[0] <= c < s[1] for c in art.cue_chars)
    return False


def _cue_above(art: Article, tok: Token, lo: int, hi: int, depth: int = 6) -> bool:
    """A listed cue among the heads above ``tok`` reached through content arcs only."""
    for _ in range(depth):
        if tok.dep_ in _NOT_CONTENT and not (_that_clause(tok) or _told_clause(tok)) or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in art.cue_starts and not lo <= tok.i < hi:
            return True
    return False


def _that_clause(tok: Token) -> bool:
    """A clause the parse hangs on a noun but opened by the conjunction "that" ("told analysts on a call that
    the firm had been ...", "reports that clerks were ..."): a content clause misattached, not a relative one
    (whose "that" is its subject or object)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


_ADDRESSING = classes("listener_verbs")["addressing"]


def _told_clause(tok: Token) -> bool:
    """A clause with a subject of its own that the parse hangs on the listener of a verb of telling ("told the
    jury he had ...", "assured voters they would ..."): what was told, not a relative clause of the listener."""
    listener = tok.head
    return (tok.dep_ == "relcl" and listener.dep_ in ("dobj", "dative") and listener.head.lemma_.lower() in _ADDRESSING
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("PRP", "NNP") for c in tok.children))


# The words Title Case leaves in lower case.
TITLE_CASE_MINOR = words("title_case_minor")


def _title_case(words: list[str]) -> bool:
    """Every word capitalised but the minor ones and numbers: "Dust and Iron", "Clean Rivers 2040", not
    "That's all I'll say"."""
    return words[0][0].isupper() and all(w[0].isupper() or w.isdigit() or w.lower() in TITLE_CASE_MINOR for w in words)


def _in_title_line(art: Article, pos: int) -> bool:
    return any(a <= pos < b for a, b in art.title_lines)


def _sentence_inside(art: Article, i: int) -> bool:
    """The stretch holds a sentence break ("Stop. Now."): speech, not a title."""
    q = art.marked[i]
    return bool(re.search(r"[.!?]\s+\S", art.text[q.start : q.end]))
