"""The speaker a reporting verb names in the parse: its subject (climbing clauses, relative
clauses, inversion), a person in apposition, the organisation a spokesperson speaks for."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from annotator.nlp.cues import lemma_of
from annotator.nlp.lexicon import (
    AGENT_SUFFIXES,
    CORE_REPORTING_VERBS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    LISTENER_VERBS,
    NEVER_SPEAKERS,
    NOT_AGENTS,
    ORG_LABELS,
    ORG_NOUNS,
    PEOPLE_NOUNS,
    PRONOUN_KIND,
    PROXY_NOUNS,
    REPORTING_VERBS,
    SPEAKER_LABELS,
    SPEAKING_NOUNS,
    TITLE_HEADS,
)
from annotator.nlp.names import (
    Found,
    ent_span,
    given_name_as,
    is_cap,
    is_title,
    label_of_name,
    named,
    noun_phrase,
    propn_span,
)
from annotator.nlp.once import head_indices, sent_of, tokens
from annotator.nlp.roles import age_description, is_role, person_noun


def _titled_person_before(doc: Doc, s: int, e: int) -> Found | None:
    """A name of a unit [s, e) that ends a run of capitalised words opening with a personal title, a name and
    "of" ("Detective Sergeant Ana Roe of Vell Roads Policing Unit", however the parse split it): the person."""
    k = s
    while k > 0 and s - k < 10 and (is_cap(doc[k - 1]) or doc[k - 1].lower_ == "of"):
        k -= 1
    if k == s or not is_title(doc[k]):
        return None
    of = next((j for j in range(k + 1, s) if doc[j].lower_ == "of"), None)
    if of is None or is_title(doc[of - 1]) or not all(is_cap(t) for t in doc[k:of]):
        return None
    names = [t.i for t in doc[k:of] if not is_title(t)]
    return named(doc, names[0], of, "PERSON") if names else None


def _person_set_off_after(doc: Doc, head: Token, ent: tuple[int, int, str]) -> Found | None:
    """A person's name in apposition to an organisation-tagged subject, set off by a comma right after it: the
    subject names the person's office, and a body has no personal name in apposition."""
    k = ent[1]
    if k > 0 and doc[k - 1].tag_ == "POS":  # "The Wexlow Group's secretary-general, Perdita Tovald," parsed as the group's
        j = k
        while j < len(doc) and j - k < 4 and (doc[j].is_alpha and doc[j].is_lower or doc[j].text == "-"):
            j += 1
        if j > k and any(is_role(doc[x].lower_) for x in range(k, j) if doc[x].is_alpha):
            k = j  # the office the body's name owns, then the name set off after it
    for child in head.children:
        if child.dep_ != "appos" or child.ent_type_ != "PERSON":
            continue
        cent = ent_span(doc, child)
        if cent is not None and cent[0] > k and k < len(doc) and doc[k].text == "," and cent[0] - k <= 3:
            return named(doc, *cent)
    return None


def speaker_from_head(doc: Doc, head: Token, literal: bool = False) -> Found | None:
    """The speaker named by a subject: a person named in apposition, its entity, a proper name,
    the organisation a spokesperson speaks for, or the noun phrase itself (``literal``: the subject
    of a verb that governs the quote speaks as written, whatever noun it is)."""
    if (head.lower_ in PRONOUN_KIND or head.lower_ in FIRST_PERSON) and head.pos_ in ("PRON", ""):
        return Found(head.i, head.i + 1, True)
    if head.lower_ == "one" and head.dep_ in ("nsubj", "nsubjpass"):  # "one said": the literal subject
        named_one = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if named_one is not None:  # "One, Terrence Baptiste, replied": the one is named
            return named(doc, *(ent_span(doc, named_one) or (named_one.i, named_one.i + 1, "PERSON")))
        apposed = _apposed_person(doc, head)
        if apposed is not None:  # "One of them, a nurse from X, Jane Roe, said": wherever the parse hung the name
            return apposed
        return Found(head.i, head.i + 1, False, "")
    opener = _participle_opener(doc, head)
    if opener is not None:  # "Replying, Ana Rusu said": the parse made the opening participle the subject
        return opener
    age = age_description(doc, head)
    if age is not None:  # "the 23-year-old said" (tagged a date)
        return Found(*age, False, "")
    if head.is_punct or head.like_num or head.ent_type_ in NEVER_SPEAKERS:
        return None  # "said Monday", "said at 9 p.m.": a date or a time is no speaker
    ent = ent_span(doc, head)
    proxy = head.lower_ in PROXY_NOUNS or head.lemma_.lower() in PROXY_NOUNS
    common = head.pos_ not in ("PROPN", "") or head.is_lower  # "the bloc" tagged PROPN is no name
    # an appositive name: "the foreign minister, Ana Rusu, said" / "its president, Urs Brunner"
    if common or ent is None:
        title = is_title(head)  # "Lusan's Interior Minister, Rafael Montero": the name after, not "Interior"
        for child in head.children:
            if not common and not title and child.ent_type_ in ORG_LABELS:
                continue  # "Carys Pryce-Jenkins, the Greens' co-leader": the name, not her party
            if title and child.i < head.i:
                continue
            if head.is_lower and child.dep_ == "compound" and child.i < head.i:
                continue  # "the Quillbrook skipper": a name before a common noun modifies it (a team, a place)
            if (
                child.dep_ in ("appos", "compound", "flat")
                and child.i > head.i - 6
                and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN" and child.dep_ == "appos")
            ):
                cent = ent_span(doc, child)
                if cent is None or cent[2] != "PERSON" and common:
                    s, e = propn_span(doc, child)
                    titled = _titled_person_before(doc, s, e)
                    if titled is not None:  # "Detective Sergeant Ana Roe of Vell Roads Policing Unit": Roe
                        return titled
                    return named(doc, s, e, "PERSON" if head.lower_ in TITLE_HEADS else label_of_name(doc, s, e))
                return named(doc, *cent)
            if common and child.dep_ == "appos" and child.ent_type_ in ORG_LABELS and child.left_edge.i > 0 and (
                    doc[child.left_edge.i - 1].text == ","):
                cent = ent_span(doc, child)  # "the ferry operator, Norland Sea Lines, said": its name, set off
                if cent is not None and cent[2] in ORG_LABELS and cent[0] == child.left_edge.i:
                    return named(doc, *cent)
    if common:
        set_off = _name_set_off_after(doc, head)
        if set_off is not None:  # "Its chair, Rep. Ana Roe (R-Vell), said": the parse hung the name elsewhere
            return set_off
    if ent is not None and ent[2] in ORG_LABELS:
        person = _person_set_off_after(doc, head, ent)
        if person is not None:  # "The Harbour Master, Mrs. Ada Pollick, said": the office tagged as a body
            return person
    if ent is not None:
        return named(doc, *ent)
    if head.pos_ == "PROPN" and not head.is_lower or (not head.pos_ and is_cap(head)):
        s, e = propn_span(doc, head)
        if is_title(head):  # "Minister quits", "the Health Secretary": a description, not a name
            return Found(*noun_phrase(doc, head), False, "")
        return named(doc, s, e, label_of_name(doc, s, e))
    # a common noun: "a spokesman for the ministry", "the ministry's statement" -> the organisation
    inner = []
    for t in head.subtree:
        if t.i != head.i and t.ent_type_ in SPEAKER_LABELS and t.ent_iob_ == "B":
            if not any(a.dep_ in ("relcl", "acl") for a in t.ancestors if a.i != head.i and head.is_ancestor(a)):
                inner.append(ent_span(doc, t))
    inner = [x for x in inner if x is not None]
    apposed = [x for x in inner if x[2] == "PERSON" and x[0] > 0 and doc[x[0] - 1].text == ","]
    if apposed:  # "An analyst at Morgan Stanley, James Whitfield, wrote"
        return named(doc, *min(apposed, key=lambda x: abs(x[0] - head.i)))
    if proxy and head.lower_ not in DOCUMENT_NOUNS:  # "a spokeswoman for the Vell Residents Group, Ilsa Morn,"
        for t in head.subtree:  # a name set off by commas after the organisation, whatever the tagger made it
            if t.dep_ == "appos" and t.pos_ == "PROPN" and t.head.i != head.i and doc[t.left_edge.i - 1].text == ",":
                s, e = propn_span(doc, t)
                if e - s >= 2 and all(is_cap(x) for x in doc[s:e]) and not is_title(doc[e - 1]):
                    return named(doc, s, e, "PERSON")
    if proxy:
        for prep in head.rights:  # "a statement from the Tavrian foreign ministry" -> the ministry
            if prep.dep_ == "prep" and prep.lower_ in ("from", "for", "of", "by", "at"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if (
                    obj is not None
                    and (obj.pos_ == "NOUN" or obj.is_lower)
                    and obj.lower_ not in PROXY_NOUNS
                    and speaking_noun(obj)
                ):
                    if _one_person(obj) and head.lower_ not in DOCUMENT_NOUNS:
                        return Found(*_proxy_phrase(doc, head), False, "")  # "a spokeswoman for the prime minister"
                    return speaker_from_head(doc, obj)
        if inner:
            inner.sort(key=lambda x: (x[2] != "PERSON", abs(x[0] - head.i)))
            if inner[0][2] == "PERSON" and head.lower_ not in DOCUMENT_NOUNS:
                return Found(head.left_edge.i, head.right_edge.i + 1, False, "")  # "a senior aide to X": not X
            return named(doc, *inner[0])
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if poss is not None:
            s, e = propn_span(doc, poss)
            return named(doc, s, e, label_of_name(doc, s, e))
        poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ORG_NOUNS), None)
        if poss is not None:  # "the company's own investor presentation" -> the company
            return speaker_from_head(doc, poss)
        for prep in head.rights:  # "a statement from the summit presidency" -> the presidency
            if prep.dep_ == "prep" and prep.lower_ in ("from", "for", "of", "by", "at"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lower_ not in PROXY_NOUNS and speaking_noun(obj):
                    return speaker_from_head(doc, obj)
    if not head.is_alpha or not (speaking_noun(head) or literal and head.pos_ == "NOUN"):
        return None
    given = given_name_as(doc, head)
    if given is not None:  # "Another witness, who gave her name only as Ana, said": Ana
        return named(doc, *given, "PERSON")
    renamed = _indefinite_renamed(head)
    if renamed is not None:  # "Another victim, a widower from X, wrote": the apposition says who
        return Found(*noun_phrase(doc, renamed), False, "")
    return Found(*noun_phrase(doc, head), False, "")


def _name_set_off_after(doc: Doc, head: Token) -> Found | None:
    """A person's name set off by a comma right after a description that ends its noun phrase and closed by a
    comma or a bracket ("the chair, Ana Roe, said", "its chair, Rep. Ana Roe (R-Vell), said"), wherever the
    parse hung it: the description renamed."""
    k = head.i + 1
    if head.right_edge.i != head.i or k + 1 >= len(doc) or doc[k].text != ",":
        return None
    e = k + 1
    while e < len(doc) and e - k <= 5 and (is_cap(doc[e]) or doc[e].text == "."):
        e += 1
    if e >= len(doc) or doc[e].text not in (",", "(") or e == k + 1:
        return None
    people = [t for t in doc[k + 1 : e] if t.ent_type_ == "PERSON"]
    if not people:
        return None
    span = ent_span(doc, people[0])
    return named(doc, *span) if span is not None and span[1] <= e else None


def _one_person(noun: Token) -> bool:
    """A common noun for one person, no organisation ("the prime minister", "the star", not "the ministry")."""
    return noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.lower_ not in ORG_NOUNS and (
        noun.lower_ in TITLE_HEADS or person_noun(noun) or noun.lower_ in PEOPLE_NOUNS
    )


def _proxy_phrase(doc: Doc, head: Token) -> tuple[int, int]:
    """A proxy with the person it speaks for: "A spokeswoman for the prime minister" (to its phrase's end)."""
    s, e = noun_phrase(doc, head)
    if not any(t.is_punct for t in doc[head.left_edge.i : head.i]):
        s = min(s, head.left_edge.i)  # "a spokeswoman", "A senior aide"
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.i == e:
            e = max(e, prep.right_edge.i + 1)
    return s, e


def _participle_opener(doc: Doc, head: Token) -> Found | None:
    """A capitalised "-ing" word opening its sentence, set off by a comma, that the parse made the subject with
    the name after it as its conjunct ("Intervening, Ana Rusu asked"): the name."""
    if not head.text[:1].isupper() or not head.lower_.endswith("ing") or head.i + 1 >= len(doc) or doc[head.i + 1].text != ",":
        return None
    if head.i > 0 and not (doc[head.i - 1].is_space or "\n" in doc[head.i - 1].whitespace_ or doc[head.i - 1].text in (".", "!", "?")):
        return None
    conj = next((c for c in head.children if c.dep_ in ("conj", "appos") and c.ent_type_ == "PERSON" and c.i > head.i + 1), None)
    if conj is None:
        return None
    span = ent_span(doc, conj)
    return named(doc, *span) if span is not None else None


def _apposed_person(doc: Doc, head: Token) -> Found | None:
    """A person's name set off by a comma inside the subject's phrase, outside any relative clause
    ("One of them, a 43-year-old nurse, Jane Roe,"): the subject renamed."""
    for t in head.subtree:
        if t.i > head.i and t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and doc[t.i - 1].text == ",":
            if not any(a.dep_ in ("relcl", "acl") for a in t.ancestors if a.i != head.i and head.is_ancestor(a)):
                span = ent_span(doc, t)
                if span is not None:
                    return named(doc, *span)
    return None


def _indefinite_renamed(head: Token) -> Token | None:
    """The apposition that renames an indefinite subject ("Another victim, a widower ...", "A second
    person at the meeting, a senior civil servant,"): a common noun with "a"/"an", after a comma."""
    det = next((c for c in head.lefts if c.dep_ == "det"), None)
    ordinal = any(c.ent_type_ == "ORDINAL" for c in head.lefts)
    if det is None or det.lower_ not in ("a", "an", "another") or det.lower_ != "another" and not ordinal:
        return None
    for c in head.rights:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > 0 and head.doc[c.left_edge.i - 1].text == ",":
            if any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.lefts):
                return c
    return None


def speaking_noun(tok: Token) -> bool:
    """A word that can head a speaker: a name, a pronoun, or a noun for people, roles,
    organisations and documents (not "the country", "talks", "facilities")."""
    if tok.pos_ in ("PROPN", "") or tok.ent_type_ in SPEAKER_LABELS or tok.lower_ in PRONOUN_KIND:
        return True
    if tok.lower_ in FIRST_PERSON or tok.lower_ == "one" and tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    if age_description(tok.doc, tok) is not None:
        return True  # "the 23-year-old"
    word, lemma = tok.lower_, tok.lemma_.lower()
    if word in SPEAKING_NOUNS or lemma in SPEAKING_NOUNS:
        return True
    if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and lemma_of(tok.head) in CORE_REPORTING_VERBS:
        return True  # the literal subject of a reporting verb speaks, whatever noun it is ("our guest said")
    if any(c.dep_ in ("appos", "compound", "flat") and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
           and c.i > tok.i for c in tok.children):  # fmt: skip
        return True  # "her running mate, Walt Hendricks"
    return lemma not in NOT_AGENTS and len(lemma) > 4 and lemma.endswith(AGENT_SUFFIXES)


def subject_candidates(
    doc: Doc, verb: Token, sent: tuple[int, int] | None = None, literal: bool = False
) -> list[Token]:
    """Who a reporting verb's subject is: its nsubj, else climbing to the clause it hangs from
    ("went on to say", "..., saying", "a promise to finish"), a relative clause's antecedent,
    or the name after the verb (inversion). ``sent`` bounds the sentence (token indices);
    ``literal``: the verb governs the quote, so its own subject speaks whatever noun it is."""
    out: list[Token] = []
    lo, hi = sent if sent is not None else (sent_of(verb).start, sent_of(verb).end)
    if literal and any(a.pos_ == "VERB" and lemma_of(a) in REPORTING_VERBS for a in verb.ancestors):
        literal = False  # "said tariffs would add ...": the verb reported, not the one reporting
    v = verb
    quoted = _quoted_as(verb)
    if quoted is not None:
        return [quoted]
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX"):
            subj_all = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and not c.is_punct and lo <= c.i < hi]
            subj = [c for c in subj_all if not _expletive(c)]  # "saying it was critical to ...": climb on
            subj.sort(key=lambda c: abs(c.i - v.i))  # two subjects (a misparsed relative clause): the nearer
            found = len(out)
            for s in subj:
                clause = _relative_clause(v) if s.lower_ in ("who", "that", "which") else None
                if clause is not None:
                    antecedent = _personal_antecedent(clause.head) if s.lower_ == "who" else clause.head
                    out.append(_named_antecedent(antecedent))
                elif (s.dep_ == "nsubj" or lemma_of(v) in ("quote", "cite")) and (
                    speaking_noun(s) or literal and v.i == verb.i and s.pos_ == "NOUN"
                ):
                    out.append(s)
            if len(out) > found:
                break
            if not subj_all and v.dep_ == "ROOT":
                misplaced = _apposed_before(doc, v, lo) or _name_right_before(doc, v, lo)
                if misplaced is not None:  # "According to a report, an aide said": the aide, hung on "report"
                    out.append(misplaced)
                    break
            if not subj and v.dep_ == "conj":
                left = _left_conjunct_subject(doc, v, lo)
                if left is not None:  # "..., and a spokesperson for the trust said": a misattached subject
                    out.append(left)
                    break
            if v.dep_ == "acl" and v.tag_ == "VBG" and not subj_all and _adverbial_noun(v.head):
                v = v.head.head.head  # "issued a statement after the vote saying ...": the participle is the clause's
                continue
            if v.dep_ in ("acl", "relcl") and v.tag_ in ("VBG", "VBN") and v.head.pos_ in ("PROPN", "NOUN") and not subj_all:
                issuer = _issuer_of(v.head, lo, hi)
                out.append(issuer if issuer is not None else v.head)  # "its founder, Declan O'Neill, blaming ..."
                break
            if v.dep_ == "ccomp" and not subj_all:
                break  # a complement clause with no subject of its own
            if v.tag_ == "VBG" and _after_comma(doc, v.i):
                absolute = _with_subject(doc, v.i - 2)
                if absolute is not None:  # "with its founder, Declan O'Neill, blaming ..."
                    out.append(absolute)
                    break
                root = _reporting_verb_before(doc, v, lo) or _subject_verb_above(v, lo, hi)
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
    inverted = _opens_after_quote(doc, verb) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if lemma_of(verb) not in LISTENER_VERBS or inverted:  # `"…?" asked a reporter`: the one after asks
        for c in verb.rights:  # inversion the parser labelled otherwise: "said Foreign Minister Ana Rusu"
            if (
                c.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "dep", "nsubj")
                and (
                    c.ent_type_ in SPEAKER_LABELS
                    or c.pos_ == "PROPN"
                    or c.lower_ in PRONOUN_KIND
                    or c.pos_ == "NOUN" and _opens_after_quote(doc, verb) and speaking_noun(c)
                )
                and c.ent_type_ not in NEVER_SPEAKERS
                and c not in out
            ):
                out.append(c)
    return out


def _relative_clause(v: Token) -> Token | None:
    """The relative clause a verb opens or continues ("who was sold ... and who liked to say"), or None."""
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return v if v.dep_ in ("relcl", "acl") else None


def _personal_antecedent(noun: Token) -> Token:
    """What a "who" stands for when the parse hung its clause on a noun for no person: "who" takes a person, so
    "X, the deputy leader of the party, who told ..." is the leader (so X), not the party; the noun an "of"
    phrase or a conjunct hangs from, up to the first that is a person or a name, else the noun as parsed."""
    n = noun
    for _ in range(4):
        if n.ent_type_ == "PERSON" or person_noun(n):
            return n
        if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.head.i < n.i:
            n = n.head.head  # "the leader of the party": the leader
        elif n.dep_ == "conj" and n.head.i < n.i:
            n = n.head
        else:
            break
    return n if n.ent_type_ == "PERSON" or person_noun(n) else noun


def _named_antecedent(noun: Token) -> Token:
    """The antecedent of a relative clause, or the name it describes when it is a description in apposition
    to a name ("NAME, a teacher who said ..."): the clause tells of the person named, not of the role."""
    name = noun.head
    if (
        noun.dep_ == "appos"
        and noun.pos_ == "NOUN"
        and name.i < noun.i
        and name.pos_ == "PROPN"
        and name.ent_type_ not in NEVER_SPEAKERS
    ):
        return name
    return noun


def _opens_after_quote(doc: Doc, verb: Token) -> bool:
    """The verb comes right after a closing quote mark (`"…," said a spokesman`): what follows it is
    its inverted subject, a common noun included."""
    j = verb.i - 1
    if j >= 0 and doc[j].is_punct and not doc[j].is_quote:
        j -= 1
    return j >= 0 and doc[j].is_quote


def _adverbial_noun(noun: Token) -> bool:
    """A common noun for no speaker that is the object of a preposition hung on a verb ("after the hearing", "at
    the meeting"): a participle the parse hangs on it is the verb's."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or speaking_noun(noun):
        return False
    prep = noun.head
    return prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX") and prep.head.i < prep.i


def _issuer_of(noun: Token, lo: int, hi: int) -> Token | None:
    """"X issued a statement saying ...": a common noun that is the object of a verb with a subject
    speaks for that subject (the one who issued, posted, sent or released it)."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "obj"):
        return None
    verb = noun.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and lo <= c.i < hi), None)
    return subj if subj is not None and speaking_noun(subj) else None


def _quoted_as(verb: Token) -> Token | None:
    """The object of "quoted X as saying" / "cited X as saying": X is the speaker."""
    prep = verb.head
    if verb.tag_ != "VBG" or prep.lower_ != "as" or verb.dep_ not in ("pcomp", "pobj"):
        return None
    quote = prep.head
    if lemma_of(quote) not in ("quote", "cite"):
        return None
    return next((c for c in quote.children if c.dep_ == "dobj"), None)


def _left_conjunct_subject(doc: Doc, verb: Token, lo: int) -> Token | None:
    """A speaking noun phrase right before a subjectless verb and opening its conjunct (after
    "and" or a comma), which the parse hung elsewhere: the verb's real subject."""
    j = verb.i - 1
    while j >= lo and doc[j].pos_ == "ADV":
        j -= 1
    if j < lo or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    t = doc[j]
    while t.head.i != t.i and t.head.i < verb.i and t.dep_ in ("pobj", "compound", "flat", "prep", "appos"):
        t = t.head
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.i == verb.head.i:
        return None
    start = t.left_edge.i
    if start <= lo or doc[start - 1].lower_ not in ("and", "but", ",", ";"):
        return None
    return t if speaking_noun(t) and t.pos_ != "PRON" else None


def _apposed_before(doc: Doc, verb: Token, lo: int) -> Token | None:
    """The noun phrase right before a subjectless main verb, after a comma, that the parse hung on
    an earlier noun as an apposition: the verb's subject."""
    j = verb.i - 1
    while j >= lo and doc[j].pos_ == "ADV":
        j -= 1
    if j > lo and doc[j].text == "," and doc[j - 1].pos_ in ("NOUN", "PROPN"):
        j -= 1  # "the agent for the landowner, Ana Roe of Vell Land and Property, said"
    if j < lo or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    t = doc[j]
    while t.dep_ in ("pobj", "prep", "compound", "conj") and lo <= t.head.i < t.i:
        t = t.head  # "an engineer with the state water board": up from "board" to "engineer"
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "appos" or t.head.i >= t.i:
        return None
    start = t.left_edge.i
    if start <= lo or doc[start - 1].text != ",":
        return None
    return t if speaking_noun(t) else None


def _name_right_before(doc: Doc, verb: Token, lo: int) -> Token | None:
    """A person's name right before a subjectless main verb, a comma at most between, that the parse
    hung elsewhere ("In a statement read to the court, the chair, Ana Roe, said"): the verb's subject."""
    j = verb.i - 1
    if j > lo and doc[j].text == ",":
        j -= 1
    if j < lo or doc[j].ent_type_ != "PERSON" or doc[j].head.i == verb.i and doc[j].dep_ != "npadvmod":
        return None
    if j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
        return None  # not the end of the name
    return doc[j]


def _after_comma(doc: Doc, i: int) -> bool:
    """Token i follows a comma, or a closing quote mark after one ("optimistic,” adding")."""
    j = i - 1
    if j > 0 and doc[j].is_quote:
        j -= 1
    return j >= 0 and doc[j].text == ","


def _expletive(subj: Token) -> bool:
    """A dummy "it" ("it was critical to ...", "it is clear that ..."): no one who speaks."""
    if subj.lower_ != "it" or subj.head.lemma_ not in ("be", "seem", "appear", "remain", "become"):
        return False
    preds = [c for c in subj.head.children if c.dep_ in ("acomp", "attr")]
    return any(c.dep_ in ("xcomp", "ccomp", "csubj") for p in [subj.head, *preds] for c in p.children if c.i > subj.i)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _reporting_verb_before(doc: Doc, v: Token, lo: int) -> Token | None:
    """The nearest reporting verb before ", adding ..." in its sentence: the clause a participle
    continues, however the parse attached it."""
    for t in reversed(doc[lo : v.i]):
        if t.pos_ == "VERB" and lemma_of(t) in REPORTING_VERBS:
            return t
    return None


def _subject_verb_above(tok: Token, lo: int, hi: int) -> Token:
    """The nearest clause verb above ``tok`` in the sentence [lo, hi) with a subject (not one
    inside a noun's clause: "accusations that his office leaked", nor one inside what a higher
    verb with a subject states: "The study found that the glacier had been stable, describing ..."
    is the study's), else the top."""
    n = 0
    found = None
    while lo <= tok.head.i < hi and tok.head.i != tok.i and n < 50:
        tok, n = tok.head, n + 1
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("acl", "relcl") and _has_subject(tok):
            if found is None or found.dep_ == "ccomp" and found.head.i == tok.i:
                found = tok
            if tok.dep_ != "ccomp":
                return found
    return found if found is not None else tok


def _with_subject(doc: Doc, j: int) -> Token | None:
    """The noun ending at token j when it is the object of "with" (an absolute clause)."""
    if j < 0:
        return None
    t = doc[j]
    while t.dep_ in ("appos", "compound", "flat", "advmod", "npadvmod") and t.head.i != t.i and t.head.i < t.i:
        t = t.head  # up from the apposed name ("its founder, Declan O'Neill,") to the noun
    clausal = t.head.head.pos_ in ("VERB", "AUX")  # not "meetings with Putin and Russian leaders, saying"
    if t.dep_ == "pobj" and t.head.lower_ == "with" and clausal and t.pos_ in ("NOUN", "PROPN"):
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
    return next((h.i for h in quote_ancestors(doc, lo, hi, 8) if h.i in cue_starts and not lo <= h.i < hi), None)


def quote_ancestors(doc: Doc, lo: int, hi: int, depth: int) -> Iterator[Token]:
    """The ancestors (up to ``depth`` steps up) of each token in [lo, hi) whose head lies outside it, in
    order; a verb is passed over when the path reaches it from a clause on its left while it has its own
    complement on its right ("X would commit ... “…”, a figure developing countries say is ...")."""
    heads = head_indices(doc)
    for t in tokens(doc)[lo:hi]:
        if lo <= heads[t.i] < hi:
            continue
        below, h, n = t, t.head, 0
        while n < depth:
            if not _own_complement_right(h, below) and not _coordinated_complement(h, below):
                yield h
            if heads[h.i] == h.i:
                break
            below, h, n = h, h.head, n + 1


def _coordinated_complement(verb: Token, below: Token) -> bool:
    """``below`` is a second "that" clause joined to the complement ``verb`` ("said X had spoken to her and
    that the call had “…”"): it is reported by the verb above ``verb``, not part of what ``verb`` says."""
    return (
        below.dep_ == "conj" and verb.dep_ == "ccomp" and verb.head.pos_ == "VERB"
        and any(c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in below.children)
    )  # fmt: skip


def _own_complement_right(verb: Token, below: Token) -> bool:
    """``below`` is a clause left of ``verb`` while ``verb`` has a clausal complement on its right."""
    if below.i > verb.i or below.dep_ not in ("ccomp", "parataxis") or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
