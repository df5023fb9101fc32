"""Who issued a document that speaks ("the statement said"): the subject of the last
"said in a statement" before it, when that subject is a named mention or a he/she resolved to one; and who wrote one, as the
text says before or after ("signed by Teresa Okwu", "a letter from the couple's daughter")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from annotator.nlp.lexicon import AUTHOR_VERBS, DOCUMENT_NOUNS

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions, NamedMention


_resolving: set[int] = set()


def issuer(mentions: Mentions, noun: str, at: int, paras: int = 3) -> NamedMention | None:
    """The named subject of the nearest earlier "<verb> in a <noun>" (within ``paras`` paragraphs)."""
    doc = mentions.doc
    if not mentions.parsed or at <= 0:
        return None
    para = mentions.para_of(doc[at].idx)
    for t in reversed(doc[:at]):
        if para - mentions.para_of(t.idx) > paras:
            return None
        if t.lower_ != noun or t.head.lower_ not in ("in", "through", "via") or not mentions.outside(t.i, t.i + 1):
            continue
        verb = t.head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ != "ROOT" and verb.head.pos_ == "VERB":
            verb = verb.head  # "In a statement read to the court, X said": the verb the phrase's clause hangs from
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            from annotator.nlp.speakers import subject_candidates

            subj = next(iter(subject_candidates(doc, verb)), None)  # a subject the parse lost
        if subj is None:
            continue
        if subj.pos_ == "PRON" and subj.lower_ in ("he", "she") and subj.i not in _resolving:
            from annotator.nlp.pronouns import resolve_pronoun

            _resolving.add(subj.i)  # a pronoun whose own lookup reaches this document again is not resolved twice
            try:
                m = resolve_pronoun(mentions, subj)  # "In a victim statement read to the court, she said": whom she is
            finally:
                _resolving.discard(subj.i)
            return m if m is not None and m.personal else None
        named = [m for m in mentions.between(subj.left_edge.i, subj.right_edge.i + 1) if m.personal or m.organisational]
        if named:  # "The hospital's chief executive, Dr. Lorraine Achebe, ... in a letter": the person
            m = next((m for m in named if m.personal), named[0])
            return mentions.best_name(m, at)
        if subj.pos_ == "NOUN" and subj.lower_ not in DOCUMENT_NOUNS:  # "The festival responded in a statement"
            from annotator.nlp.descriptions import resolve_phrase
            from annotator.nlp.names import Found, noun_phrase

            m = resolve_phrase(mentions, Found(*noun_phrase(doc, subj), False, ""), subj.i)
            if m is not None and m.label:
                return m
            return None  # a subject that names no one: not the organisation or person before it
    return None


def author(mentions: Mentions, noun: str, at: int, paras: int = 2, only: int | None = None) -> NamedMention | None:
    """Who wrote or sent the document ``noun`` that speaks at token ``at``, as the text says within
    ``paras`` paragraphs either side: "The memo ... is signed by X", "The opinion was written by X",
    "the message, which X sent", "X wrote the letter", "a letter from X", "X's memo"; the nearest.
    ``only``: the one mention to read (an indefinite "a message" is no other message)."""
    from annotator.nlp.descriptions import resolve_phrase
    from annotator.nlp.names import Found, noun_phrase

    doc = mentions.doc
    if not mentions.parsed:
        return None
    para = mentions.para_of(doc[at].idx)
    found: list[tuple[int, Token]] = []
    for t in doc:
        if abs(mentions.para_of(t.idx) - para) > paras or t.pos_ != "NOUN":
            continue
        if noun not in (t.lower_, t.lemma_.lower()) or not mentions.outside(t.i, t.i + 1):
            continue
        if only is not None and t.i != only:
            continue
        who = _writer_of(t)
        it = _it_after(mentions, t) if who is None and only is None else None
        if it is not None:  # "“…,” the letter read. It was signed by X": the document, going on as "it"
            who = _writer_of(it)
        if who is not None:
            found.append((abs(t.i - at), who))
    for _, who in sorted(found, key=lambda x: x[0]):
        if who.pos_ == "PRON":  # "Her letter": whom the possessive refers to
            from annotator.nlp.pronouns import resolve_pronoun

            m = resolve_pronoun(mentions, who)
            if m is not None and (m.personal or who.lower_ == "its" and (m.organisational or m.label == "")):
                return m  # "Its annual report states": the organisation an "it" there is
            continue
        named = [m for m in mentions.between(who.left_edge.i, who.right_edge.i + 1) if m.personal or m.organisational]
        if named:  # "written by U.S. District Judge X": the person, not the place in the title
            m = next((m for m in named if m.personal), named[0])
            return mentions.best_name(m, max(at, m.end))
        if who.pos_ == "NOUN":  # "a letter from the couple's daughter" ... "The daughter, Abena Osei"
            s, e = noun_phrase(doc, who)
            if e < len(doc) and doc[e].text == ",":  # "signed by the head teacher, Mrs Ana Roe,": the name set off
                apposed = [m for m in mentions.items if m.personal and e + 1 <= m.start <= e + 2]
                if apposed:
                    return mentions.best_name(apposed[0], max(at, apposed[0].end))
            m = resolve_phrase(mentions, Found(s, e, False, ""), who.i)
            if m is not None and m.personal:
                return m
            det = next((c for c in who.children if c.dep_ in ("det", "poss") and c.i <= s), None)
            s = det.i if det is not None else s
            if (who.tag_ != "NNS" or who.dep_ == "nsubj") and doc[s].lower_ in ("the", "its", "their", "a", "an"):
                return mentions.make(s, e, "", True)  # "circulated by the summit presidency", "an email from a
                # ministry engineer": who wrote it, as written
    return None


def _it_after(mentions: Mentions, doc_noun: Token) -> Token | None:
    """The "it" that opens the next sentence outside quotes after the document noun, with no other noun outside
    quotes between them: the document itself ("“…,” the note read. “…” It was signed by X")."""
    doc = mentions.doc
    for t in doc[doc_noun.i + 1 : min(len(doc), doc_noun.i + 200)]:
        if not mentions.outside(t.i, t.i + 1) or t.is_punct or t.is_space:
            continue
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            return t if t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass") and t.sent.start > doc_noun.sent.start else None
    return None


_HANDWRITING = ("hand", "handwriting")  # "a note in X's handwriting", "a letter in her own hand": X wrote it


def _writer_of(doc_noun: Token) -> Token | None:
    """The token for who wrote a document noun, in its own clause: the agent of a passive writing verb
    it is the subject of ("was written by", "is dated ... and signed by"), the subject of a writing verb
    it is the object of or that qualifies it ("X wrote the note", "which X sent"), "from"/"by" after it,
    "in X's handwriting" after it, its possessor."""
    verbs = []
    if doc_noun.dep_ in ("nsubj", "nsubjpass"):
        v = doc_noun.head
        verbs = [v] + [c for c in v.children if c.dep_ in ("conj", "advcl") and c.pos_ == "VERB"]
    verbs += [c for c in doc_noun.children if c.dep_ in ("acl", "relcl")]
    for v in verbs:
        if v.lemma_.lower() not in AUTHOR_VERBS:
            continue
        for c in v.children:
            if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
            if c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who") and c.i != doc_noun.i:
                return c  # "the draft is circulating": the document is not its own author
    if doc_noun.dep_ == "dobj" and doc_noun.head.lemma_.lower() in AUTHOR_VERBS:
        subj = next((c for c in doc_noun.head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    for c in doc_noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if c.dep_ == "prep" and c.lower_ == "in":
            hand = next((g for g in c.children if g.dep_ == "pobj" and g.lower_ in _HANDWRITING), None)
            owner = next((g for g in hand.children if g.dep_ == "poss"), None) if hand is not None else None
            if owner is not None and (owner.pos_ in ("PROPN", "NOUN") or owner.lower_ in ("his", "her", "their")):
                return owner
        if c.dep_ == "poss" and (c.pos_ in ("PROPN", "NOUN") or c.lower_ in ("his", "her", "their", "its")):
            return c  # "X's memo", "Her letter was read to the meeting", "Its annual report"
    return None
