"""Direct quotes in a spaCy Doc with their speakers: ``find_quotes(doc) -> list[Quote]``.

The stages (each a registered component in ``components``): quote marks (``quote_marks``, with
markup and archive marks), cues (``cues``), candidate speakers (``article``/``coref``: the mention
table, built once), attribution (here: each quote's own sentence in ``own_sentence`` with its layout
in ``layouts`` and an unlisted governing verb as a structural cue, else a speaker carried from before
in ``carried``, weak ones only with a second signal from ``evidence``; quotes of one multi-paragraph
group share a speaker; echoes last), then kinds (``kinds``: quote, term, title) and calibrated
confidence (``calibration``).
"""

from __future__ import annotations

from spacy.attrs import ENT_IOB, ENT_TYPE, LEMMA, POS, SENT_START, TAG
from spacy.tokens import Doc

from annotator.domain import Mention, Quote
from annotator.nlp.article import Article
from annotator.nlp.attribution import NO_SPEAKER, UNCLOSED_FACTOR, Attr
from annotator.nlp.calibration import calibrated, finalised
from annotator.nlp.carried import carried, echoes, heading_speaker
from annotator.nlp.kinds import QUOTE, named_by, quote_kind
from annotator.nlp.lexicon import NAME, PRONOUN_KIND, REPLY_VERBS
from annotator.nlp.names import is_cap, propn_span
from annotator.nlp.once import tokens
from annotator.nlp.own_sentence import own_sentence
from annotator.nlp.pronouns import resolve_pronoun
from annotator.nlp.speaker_ranker import reranked
from annotator.nlp.vocatives import addressed, vocatives

__all__ = ["find_quotes"]


def find_quotes(doc: Doc) -> list[Quote]:
    """Every quoted stretch in ``doc`` (sorted by start) with its kind, and for quotes the speaker,
    the mention used and the cue where found.

    Works on a fully parsed Doc, a Doc joined from chunks, or a blank one (then speakers come
    from entities and names next to reporting verbs). Never raises on odd or unbalanced marks.
    A Doc that went through the ``annotator_quotes`` component is read from ``doc.spans``.
    """
    from annotator.nlp import components

    if doc.user_data.get(components.DONE):
        return components.quotes_of(doc)
    work = with_sound_tree(doc)
    kept = {k: work.spans[k] for k in (components.QUOTES_KEY, components.CUES_KEY) if k in work.spans}
    for stage in components.STAGES[:-1]:
        work = stage(work)
    art = work.user_data.pop(components.STATE, {}).get("article")
    found = results(art) if art is not None else []
    for k in (components.QUOTES_KEY, components.CUES_KEY):  # leave the caller's Doc as it was
        if k in kept:
            work.spans[k] = kept[k]
        else:
            work.spans.pop(k, None)
    return found


def results(art: Article) -> list[Quote]:
    """The attributed quotes of an article, in order, as domain objects."""
    return [_quote(art, i) for i in range(len(art.marked))]


_KEPT = [TAG, POS, LEMMA, ENT_IOB, ENT_TYPE, SENT_START]


def with_sound_tree(doc: Doc) -> Doc:
    """``doc`` itself when parsed; else a copy whose (trivial) tree is well formed.

    spaCy 3.8's tokenizer leaves the tree edges of some tokens undefined in an unparsed Doc
    (e.g. after "(R-Mont.)"), and reading ``token.children`` there can crash the interpreter.
    The copy is rebuilt from the words (same text, same character offsets) and keeps tags,
    lemmas, entities and sentence starts.
    """
    if doc.has_annotation("DEP"):
        return doc
    safe = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    safe.from_array(_KEPT, doc.to_array(_KEPT))
    return safe


# Rules whose "no speaker" is a decision, not a gap to fill from elsewhere: a dash line or a post's account
# that names no one readable, a clause whose own subject is not known to speak.
DECIDED = ("dash", "qa", "post", "governing-verb")


def attribute_all(art: Article) -> None:
    """Attribute every quote in order (later quotes lean on earlier speakers), then echoes."""
    groups: dict[int, list[int]] = {}
    for i, q in enumerate(art.marked):
        groups.setdefault(q.group, []).append(i)
    for members in groups.values():
        own = {i: own_sentence(art, i) for i in members}
        best = max((a for a in own.values() if a and a.speaker), key=lambda a: a.confidence, default=None)
        fallback = None if best else carried(art, members[0])
        for n, i in enumerate(members):
            a = own[i]
            if a is None or a.speaker is None and a.rule not in DECIDED:
                if best is not None:
                    a = best.carried("same-quote", same_attribution=True)
                elif fallback is not None:
                    a = fallback if n == 0 else fallback.carried(fallback.rule)
            a = _not_addressed(art, i, a)
            a = _not_the_asker(art, i, a)
            a = _addressee_answers(art, i, a)
            a = _named_next(art, a)
            a = heading_speaker(art, i, a)
            a = reranked(art, i, a)
            art.results[i] = a
            if a is not None and a.speaker is not None and not named_by(art, i):  # a name given is no one's speech
                tok = min(art.tokens(art.marked[i].open_at, art.marked[i].open_at + 1)[0], len(art.doc) - 1)
                art.mentions.add_speaker(*a.speaker, a.label, tok)
                _learn_gender(art, a)
    echoes(art)


def _named_next(art: Article, a: Attr | None) -> Attr | None:
    """ "“…,” said a man watching from a bench. He gave his name as X, 78.": an unnamed speaker (a common
    noun) whom the next sentence, in the same paragraph, names by its he/she "gave his name as" is that
    person (as "a man who gave his name as X" is)."""
    if a is None or a.speaker is None or a.label or not art.parsed:
        return a
    head = art.doc[a.speaker[1] - 1]
    if head.pos_ != "NOUN":
        return a
    k = art.sent_of(head.idx) + 1
    if k >= len(art.sents) or art.para_of(art.sents[k][0]) != art.para_of(head.idx):
        return a
    lo, hi = art.tokens(*art.sents[k])
    for t in art.doc[lo:hi]:
        if t.lemma_.lower() != "give" or not art.outside(t.i, t.i + 1):
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in t.children):
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() == "name" for c in t.children):
            continue
        named = next((x for x in t.subtree if x.dep_ == "pobj" and x.head.lower_ == "as" and is_cap(x)), None)
        if named is not None:
            return Attr(a.rule, propn_span(art.doc, named), a.mention or a.speaker, a.cue, "PERSON", a.cap, a.via)
    return a


def _not_the_asker(art: Article, i: int, a: Attr | None) -> Attr | None:
    """ "“Was that a mistake?” Reddin pressed. / “With hindsight, yes,” she replied.": the he or she of a verb
    of answering right after a question, or of any verb when the answer opens the next paragraph, is not the
    one who asked it, so it is resolved again without them."""
    if i == 0 or a is None or a.speaker is None or a.mention is None or a.cue is None or not art.parsed:
        return a
    if a.mention[1] - a.mention[0] != 1 or PRONOUN_KIND.get(art.doc[a.mention[0]].lower_) not in ("m", "f"):
        return a
    prev, q = art.marked[i - 1], art.marked[i]
    turn = q.para == prev.para + 1 and art.text[q.para_start : q.open_at].strip() == ""
    if art.doc[a.cue[0]].lemma_.lower() not in REPLY_VERBS and not turn:
        return a  # a verb of answering, or any verb of a quote opening the paragraph after the question
    asked = art.results[i - 1]
    if prev.group == q.group or asked is None or asked.speaker is None:
        return a
    if not art.text[prev.start : prev.end].rstrip().endswith("?"):
        return a
    m = art.mentions.make(*a.speaker, a.label or "PERSON")
    if art.mentions.make(*asked.speaker, asked.label or "PERSON").key != m.key:
        return a
    other = resolve_pronoun(art.mentions, art.doc[a.mention[0]], exclude=frozenset({m.key}))
    if other is None:
        return a
    return Attr(a.rule, (other.start, other.end), a.mention, a.cue, other.label, a.cap, a.via)


def _not_addressed(art: Article, i: int, a: Attr | None) -> Attr | None:
    """A pronoun resolved to someone the quote addresses ("Thank you, Rhys," he said, resolved to Rhys) is
    resolved again without that person: whom a quote addresses is not its speaker."""
    if a is None or a.speaker is None or a.mention is None or not art.parsed or a.mention[1] - a.mention[0] != 1:
        return a
    pron = art.doc[a.mention[0]]
    if pron.lower_ not in PRONOUN_KIND or PRONOUN_KIND[pron.lower_] not in ("m", "f"):
        return a
    words = vocatives(art, i)
    m = art.mentions.make(*a.speaker, a.label or "PERSON")
    if not words or not addressed(art, m, words):
        return a
    other = resolve_pronoun(art.mentions, pron, exclude=frozenset({m.key}))
    if other is None or addressed(art, other, words):
        return Attr(a.rule, None, a.mention, a.cue)
    return Attr(a.rule, (other.start, other.end), a.mention, a.cue, other.label, a.cap, a.via)


def _addressee_answers(art: Article, i: int, a: Attr | None) -> Attr | None:
    """ "“Go to bed, Ilja,” she says. / He promises he will. “…,” he says.": a he or she right after a quote
    that addressed someone by name, who is not of the previous speaker's gender, is the one addressed (the
    turn passes to him), when no one is named between."""
    if a is None or a.speaker is None or a.mention is None or not art.parsed or a.mention[1] - a.mention[0] != 1:
        return a
    pron = art.doc[a.mention[0]]
    kind = PRONOUN_KIND.get(pron.lower_)
    if kind not in ("m", "f"):
        return a
    first = i
    while first > 0 and art.marked[first - 1].group == art.marked[i].group:
        first -= 1  # the parts of one attribution ("A," he said. "B.") look back from the first
    j = first - 1
    if j < 0:
        return a
    prev, before = art.results[j], art.marked[j]
    if prev is None or prev.speaker is None or art.marked[i].para - before.para > 1 or prev.label != "PERSON":
        return a
    mentions = art.mentions
    speaker = mentions.make(*prev.speaker, "PERSON")
    if mentions.gender(speaker.key) in (None, kind):
        return a  # "she" after "she": the same speaker, or nothing to go on
    lo = art.tokens(art.q_hi[j], art.q_hi[j] + 1)[0]
    if any(m.personal and lo <= m.start < pron.i for m in mentions.items):
        return a  # someone named between
    words = frozenset().union(*(vocatives(art, k) for k in range(j + 1) if art.marked[k].para == before.para))
    if not words:
        return a
    them = [m for m in mentions.items if m.start < lo and m.key != speaker.key and addressed(art, m, words)]
    them = [m for m in them if mentions.gender(m.key, strong=True) in (None, kind)]
    if len({m.key for m in them}) != 1:
        return a
    m = mentions.best_name(them[-1], pron.i)
    return Attr(a.rule, (m.start, m.end), a.mention, a.cue, m.label, a.cap, a.via)


def _learn_gender(art: Article, a: Attr) -> None:
    """A "he said" or "she said" resolved to a named person is evidence of that person's gender for the
    pronouns after it (a "she" two paragraphs on is not the man who was "he")."""
    if a.mention is None or a.mention[1] - a.mention[0] != 1 or a.label not in ("PERSON", NAME):
        return
    kind = PRONOUN_KIND.get(art.doc[a.mention[0]].lower_)
    if kind in ("m", "f"):
        art.mentions.hear_gender(art.mentions.make(*a.speaker, a.label).key, kind)


def _quote(art: Article, i: int) -> Quote:
    q = art.marked[i]
    a = art.results[i]
    kind = quote_kind(art, i, a)
    if kind != QUOTE:  # a term or a title: no one said it
        return Quote(start=q.start, end=q.end, confidence=NO_SPEAKER, origin=f"rule:quotes+kind:{kind}", kind=kind)
    named = a is not None and a.speaker is not None
    conf = a.confidence if a is not None else calibrated("none", NO_SPEAKER)
    if q.close_at is None:
        conf *= UNCLOSED_FACTOR
    conf = finalised(conf)  # the last correction, fitted on first-look text; after every choice it could sway
    origin = "rule:quotes"
    if named:
        origin += f"+speaker:{a.key}"
    return Quote(
        start=q.start,
        end=q.end,
        speaker=_mention(art, a.speaker) if a else None,
        speaker_mention=_mention(art, a.mention) if a else None,
        cue=_mention(art, a.cue) if a else None,
        confidence=round(conf, 3),
        origin=origin,
        source_of=_mention(art, outer_source(art, a)) if named else None,
    )


def outer_source(art: Article, a: Attr) -> tuple[int, int] | None:
    """The outer source of a nested attribution: "According to a report, an aide said ..." -> "a
    report", when the quote's own cue is another verb of that sentence."""
    if a.cue is None or not art.parsed:
        return None
    cue = a.cue[0]
    s_lo, s_hi = art.sent_tokens(cue)
    for c in art.cues:
        if c.kind == "according" and s_lo <= c.start < cue and c.start != cue:
            obj = next((t for t in art.doc[c.start + 1].children if t.dep_ == "pobj"), None)
            if obj is None:
                return None
            end = obj.i + 1
            for t in obj.subtree:  # the phrase up to its comma: "a report by the Coastal Ledger"
                if t.i > obj.i and (t.is_punct or t.i >= cue):
                    break
                end = max(end, t.i + 1)
            return obj.left_edge.i, end
    return None


def _mention(art: Article, span: tuple[int, int] | None) -> Mention | None:
    if span is None:
        return None
    s, e = span
    last = tokens(art.doc)[e - 1]
    return Mention(art.tok_starts[s], last.idx + len(last.text))
