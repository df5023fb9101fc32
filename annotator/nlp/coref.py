"""Named mentions outside quotes (entities, proper-noun or capitalised runs) with their labels,
subject role and titles, and the lookups that ``pronouns`` and ``descriptions`` resolve against."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from annotator.nlp.cues import has_parse, has_tags, lemma_of
from annotator.nlp.genders import learn_genders
from annotator.nlp.lexicon import (
    FEMALE_NOUNS,
    FEMALE_WORDS,
    MALE_NOUNS,
    MALE_WORDS,
    NAME,
    NAME_PARTICLES,
    ORG_LABELS,
    ORG_NAME,
    ORG_NOUNS,
    PEOPLE_NOUNS,
    REPORTING_VERBS,
    SETTLEMENT_NOUNS,
    SPEAKER_LABELS,
    TITLE_HEADS,
    VENUE_NOUNS,
    classes,
    table,
)
from annotator.nlp.name_uses import impersonal_keys, name_shaped, person_between, person_use, place_use, surnamed_keys
from annotator.nlp.names import given_name_as, is_cap, is_title, label_of_name, named, propn_span
from annotator.nlp.once import by_lower, ents, head_indices, text_between, text_of, tokens, tokens_in, words
from annotator.nlp.roles import is_party_tag, is_role, party_titles, person_noun
from annotator.nlp.sources import unnamed_sources


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
    head: int = -1  # an unnamed source's head noun (``sources``); -1 for a name

    @property
    def personal(self) -> bool:
        return self.label in ("PERSON", NAME)

    @property
    def organisational(self) -> bool:
        return self.label in ORG_LABELS or self.label == ORG_NAME


def name_key(doc: Doc, s: int, e: int, label: str) -> str:
    if label in ("PERSON", NAME):
        words = [t.lower_ for t in tokens(doc)[s:e] if not t.is_punct]
        return words[-1] if words else text_between(doc, s, e).lower()
    return re.sub(r"^(the|its|their)\s+", "", text_between(doc, s, e).lower())


_PERSONAL = MALE_WORDS | FEMALE_WORDS  # he, his, she, her ...
_AGE_RANKS = classes("age_ranks")  # "elder" -> elder, older, ...
_OFFICE_VERBS = table("office_verbs")  # "chair" -> the titles of one who chairs


class Mentions:
    """Named mentions outside quotes, earlier quotes' speakers, and genders learnt from the text."""

    def __init__(self, doc: Doc, sent_of: Callable[[int], int], para_of: Callable[[int], int],
                 outside: Callable[[int, int], bool], title_lines: Sequence[tuple[int, int]] = (),
                 writer: tuple[int, int] | None = None) -> None:  # fmt: skip
        self.doc = doc
        self.text = text_of(doc)
        self.sent_of, self.para_of, self.outside = sent_of, para_of, outside
        self.parsed = has_parse(doc)
        self.items: list[NamedMention] = []
        self.person_keys: set[str] = set()
        self._people_sents: set[int] = set()
        self.starts: list[int] = []
        self.by_key: dict[str, list[NamedMention]] = {}
        self.history: list[NamedMention] = []  # speakers of earlier quotes, at those quotes
        self.heard: dict[str, list[float]] = {}  # genders of earlier quotes' he/she speakers
        self.votes: dict[str, list[float]] = {}
        self.strong: dict[str, list[float]] = {}  # from honorifics and gendered nouns only
        self.neutral: set[str] = set()  # people the text says go by "they" ("who uses they/them pronouns")
        self.named: dict[str, str] = {}  # the gender of a person's first name (``first_names``), when the text says none
        self.shared: dict[str, str] = {}  # a shared surname, full name or first name -> its person's key
        self.initials: dict[str, set[str]] = {}  # a surname -> the initials of its person's title words
        self.ranked: dict[int, str] = {}  # a shared surname's token, ranked ("the elder Roe") -> its person's key
        self.ranks: dict[str, set[str]] = {}  # a family member's key -> the age ranks the text gives them ("elder")
        self._collect()
        self._drop_unconfirmed(title_lines)
        self._shared_surnames(title_lines)
        self._ranked_in_family()
        self.writer = self._writer(writer)
        self.transcript: dict[int, NamedMention] = {}  # paragraph -> the speaker whose label opens it
        learn_genders(self)
        self.unnamed: list[NamedMention] = unnamed_sources(self) if self.parsed else []  # "One father said"

    # building

    def make(self, s: int, e: int, label: str, subject: bool = False, at: int | None = None) -> NamedMention:
        pos = tokens(self.doc)[s if at is None else at].idx
        key = self.person_key(s, e, label)
        return NamedMention(s, e, label, key, subject, self.sent_of(pos), self.para_of(pos))

    def person_key(self, s: int, e: int, label: str) -> str:
        """The key of a name: its surname, but the whole name where two people of the article share that
        surname (see ``_shared_surnames``); a bare surname is then the first introduced of them."""
        key = name_key(self.doc, s, e, label)
        if not self.shared or label not in ("PERSON", NAME):
            return key
        full = _full_name(self.doc, s, e, self.initials.get(key))
        if full == key and e - 1 in self.ranked:
            return self.ranked[e - 1]
        return self.shared.get(full, self.shared.get(key, key))

    def family(self, s: int, e: int) -> list[str]:
        """The full names (keys) of the people sharing the surname that tokens [s, e) are, bare (no first
        name); [] when it is no shared surname."""
        key = name_key(self.doc, s, e, "PERSON")
        if not self.shared or _full_name(self.doc, s, e, self.initials.get(key)) != key or key not in self.shared:
            return []
        return sorted({v for k, v in self.shared.items() if k == v and k.rsplit(" ", 1)[-1] == key})

    def _ranked_in_family(self) -> None:
        """ "the elder Roe", "the younger Roe" where two or more people of the text are called Roe: the one of them
        whose other mentions carry that rank ("her older sister, Ana Roe"); of two, the one whose sister or brother
        carries the other rank."""
        if not self.shared:
            return

        def rank(titles: frozenset[str]) -> str | None:
            return next((r for r, ws in _AGE_RANKS.items() if titles & ws), None)

        marked = self.ranks
        for m in self.items:
            key = m.key if m.personal else self.shared.get(text_between(self.doc, m.start, m.end).lower(), "")
            if " " not in key:  # (a family's first name the tagger took for a place, "her sister, Ana,": hers)
                continue
            r = rank(m.titles) or self._rank_set_off(m) if key in self.shared and not self.family(m.start, m.end) else None
            if r is not None:
                marked.setdefault(key, set()).add(r)
        changed = False
        for m in self.items:
            family = self.family(m.start, m.end) if m.personal else []
            r = rank(m.titles) if family else None
            if r is None:
                continue
            same = [k for k in family if r in marked.get(k, ())]
            other = [k for k in family if marked.get(k) and r not in marked[k]]
            if len(same) == 1:
                key = same[0]
            elif not same and len(family) == 2 and len(other) == 1:
                key = next(k for k in family if k != other[0])
            else:
                continue
            self.ranked[m.end - 1] = key
            if key != m.key:
                m.key, changed = key, True
        if changed:
            self.by_key = {}
            for m in self.items:
                self.by_key.setdefault(m.key, []).append(m)

    def _rank_set_off(self, m: NamedMention) -> str | None:
        """The age rank a clause or phrase set off after a name gives its person: "Ana Roe, who is four years
        younger," / "who is 70 and the elder by two years", "Ana Roe, the eldest of three" (the clause may hang from
        the noun the name is set off against: "her sister, Ana, who is younger")."""
        if not self.parsed:
            return None
        root = self.doc[m.end - 1]
        hosts = [root] + ([root.head] if root.dep_ == "appos" and root.head.i < root.i else [])
        for host in hosts:
            for c in host.children:
                if c.i < root.i:
                    continue
                if c.dep_ == "appos" and c.pos_ in ("NOUN", "ADJ"):
                    words = [c]
                elif c.dep_ == "relcl" and c.lemma_ == "be":
                    words = [w for w in c.children if w.dep_ in ("acomp", "attr", "conj")]
                else:
                    continue
                found = {r for w in words for r, ws in _AGE_RANKS.items() if w.lower_ in ws}
                if len(found) == 1:
                    return found.pop()
        return None

    def ranked_relative(self, rank: str, gender: str | None, at: int) -> NamedMention | None:
        """ "the elder sister", "the younger brother": the one member of a family sharing a surname whom the text
        gives that rank (of the gender the noun says); of a family with two members of that gender, the one whose
        relative the text gives the other rank; None when no one, or more than one, fits."""
        members: dict[str, list[str]] = {}
        for k, v in self.shared.items():
            if k == v and " " in k and (gender is None or self.gender(k) in (None, gender)):
                members.setdefault(k.rsplit(" ", 1)[-1], []).append(k)
        same = [k for keys in members.values() for k in keys if rank in self.ranks.get(k, ())]
        if not same:
            pairs = [keys for keys in members.values() if len(keys) == 2]
            pairs = [keys for keys in pairs if sum(bool(self.ranks.get(k)) and rank not in self.ranks[k] for k in keys) == 1]
            if len(pairs) == 1:
                same = [k for k in pairs[0] if not self.ranks.get(k)]
        if len(same) != 1:
            return None
        named = [x for x in self.by_key.get(same[0], []) if x.personal]
        if not named:
            return None
        before = [x for x in named if x.start < at]
        return self.best_name(before[-1] if before else named[0], max(at, named[0].end))

    def _shared_surnames(self, lines: Sequence[tuple[int, int]]) -> None:
        """Two people with one surname ("Alma Reyes ... her son, Tomas Reyes"): each full name is its own
        key, so genders and pronouns do not mix them; the bare surname is the one introduced first (the
        one the story is about: the other is then called by the first name), a bare first name the one
        who has it."""
        fulls: dict[str, list[str]] = {}
        for m in self.items:  # "Detective Inspector Ana Roe" ... "DI Roe": the initials of her titles, no first name
            if m.personal:
                self.initials.setdefault(m.key, set()).update(w[0] for w in m.titles if w in TITLE_HEADS)
        for m in self.items:
            full = _full_name(self.doc, m.start, m.end, self.initials.get(m.key))
            if not m.personal or " " not in full or any(a <= self.doc[m.start].idx < b for a, b in lines):
                continue  # a Title Case line's run of capitals is no full name ("Okonkwo Edges Varela")
            names = fulls.setdefault(m.key, [])
            if not any(set(full.split()) <= set(n.split()) or set(n.split()) <= set(full.split()) for n in names):
                names.append(full)  # "Ana Maria Rusu" is the "Ana Rusu" named before
        firsts: dict[str, set[str]] = {}
        for surname, names in fulls.items():
            if len(names) < 2:
                continue
            self.shared[surname] = names[0]
            for full in names:
                self.shared[full] = full
                firsts.setdefault(full.split()[0], set()).add(full)
        for first, names in firsts.items():
            if len(names) == 1 and first not in self.shared:
                self.shared[first] = next(iter(names))
        if self.shared:
            for m in self.items:
                m.key = self.person_key(m.start, m.end, m.label)
            self.by_key = {}
            for m in self.items:
                self.by_key.setdefault(m.key, []).append(m)
            self.person_keys = {m.key for m in self.items if m.label == "PERSON"}

    def _collect(self) -> None:
        doc = self.doc
        toks = tokens(doc)
        taken = set()
        written_lower = {x.text for x in toks if x.is_lower and x.is_alpha}  # "spaniel", "grandmother" as words
        for ent in ents(doc):
            if ent.label_ not in SPEAKER_LABELS or not self.outside(ent.start, ent.end):
                continue
            if len(ent) == 1 and _common_word(toks[ent.start], written_lower):
                continue  # "Terrier digs up ..." where the text says "a border terrier": a common noun
            start = max([t.i + 1 for t in tokens_in(ent) if "\n" in t.text_with_ws] + [ent.start])  # NER ran over a line break
            if start >= ent.end or is_title(toks[ent.end - 1]):
                continue
            label = ent.label_
            of = self._titled_person_of(start, ent.end) if label in ORG_LABELS else None
            if of is not None:  # "Detective Constable Rhys Tallentire of Wexmoor Police": a person, of an organisation
                f = named(doc, start, of, "PERSON")
                self.items.append(self._with_role(f.start, f.end, "PERSON", toks[of - 1]))
                self.items.append(self._with_role(of + 1, ent.end, label, toks[ent.end - 1]))
                taken.update(range(ent.start, ent.end))
                continue
            if label != "PERSON" and self._titled(start, ent.root) and toks[ent.end - 1].lower_ not in _FIRM_ENDS:
                label = "PERSON"  # "its president, Urs Brunner" tagged ORG; not "Yarrick Foods, the paint maker"
            f = named(doc, start, ent.end, label)
            self.items.append(self._with_role(f.start, f.end, label, toks[ent.end - 1]))
            taken.update(range(ent.start, ent.end))
        if self.parsed:
            surnames = {toks[e.end - 1].lower_ for e in ents(doc) if e.label_ == "PERSON"}
            lowers, _, poses, deps = words(doc)  # (each token's strings, read once)
            heads = head_indices(doc)
            for i, t in enumerate(toks):
                pos = poses[i]
                known = pos in ("NOUN", "ADJ", "VERB", "ADV", "X") and lowers[i] in surnames  # "Thorne brushed off",
                # "Tanabe laughs": a surname of the article tagged as another word
                if not known and pos in ("NOUN", "ADJ", "X") and deps[i] == "appos":
                    known = self._apposed_name(t)  # "Her husband, Iain," tagged a common noun
                if pos != "PROPN" and not known or i in taken or (deps[i] in ("compound", "flat") and poses[heads[i]] == "PROPN"):
                    continue
                if not is_cap(t) or not self.outside(t.i, t.i + 1):
                    continue
                if is_title(t) and not (t.i + 1 < len(doc) and is_cap(toks[t.i + 1]) and toks[t.i + 1].i not in taken):
                    continue  # a title alone ("the Prime Minister") is no name; "Mr O'Neill" is
                s, e = propn_span(doc, t)
                if is_party_tag(self.text, toks[s].idx):
                    continue  # "(D-Pa.)" after a name: its party and state, no one's name
                if e - s == 1 and _common_word(t, written_lower):
                    continue  # "A GRANDMOTHER was ..." where the text also writes "grandmother": a common noun
                f = named(doc, s, e, NAME)
                label = "PERSON" if self._titled(f.start, t) else label_of_name(doc, f.start, f.end)
                if t.ent_type_ and not (label in (ORG_NAME, "PERSON") or t.lower_ in surnames or _who_after(doc, f.start, f.end)):
                    continue  # a place, date or work; but "Popescu" tagged LOC is the Popescu named before,
                    # "its chairwoman, Agnes Ferreira" tagged LOC is a person by her title, and a name of two
                    # or more proper nouns set off before "who" ("Ilse Varga-Orme, who runs ...") is someone's
                self.items.append(self._with_role(f.start, f.end, label, t))
        elif not has_tags(doc):
            self._collect_capitalised(taken)
        self.items.sort(key=lambda m: m.start)
        # "the X peninsula", "the X staff": a name inside a noun phrase that "the" opens on a common noun only
        # modifies that noun; unless the text uses the name as a person's elsewhere ("the Roe contract" after "Ana
        # Roe"), it is no mention of anyone a he/she or a description can go back to
        if self.parsed:
            modifiers = [m for m in self.items if self._modifier(m)]
            if modifiers:
                people = {m.key for m in self.items if m.personal and m not in modifiers
                          and person_use(self, m) and not place_use(self, m)}  # fmt: skip
                self.items = [m for m in self.items if m not in modifiers or m.key in people]
        # one name, one kind: a name the NER missed once takes the label it gave it elsewhere
        seen: dict[str, str] = {}
        for ent in ents(doc):
            if ent.label_ in SPEAKER_LABELS:
                seen.setdefault(ent.text.lower(), ent.label_)
        for m in self.items:
            if m.label in (NAME, ORG_NAME) and text_between(doc, m.start, m.end).lower() in seen:
                m.label = seen[text_between(doc, m.start, m.end).lower()]
                m.key = name_key(doc, m.start, m.end, m.label)
        # "The Foreign Office" tagged PERSON: a name with "the" or ending in an organisation noun is none
        for m in self.items:
            if m.label == "PERSON" and m.end - m.start > 1 and (
                doc[m.start].lower_ == "the" or doc[m.end - 1].lower_ in ORG_NOUNS and is_cap(doc[m.end - 1])
            ):
                m.label, m.key = ORG_NAME, name_key(doc, m.start, m.end, ORG_NAME)
        # "walk into X", "the X exhibition", "X Town": a name tagged PERSON that its mentions use as a place, venue,
        # work or team, and none as a person's, names no one (``name_uses``)
        placed = impersonal_keys(self)
        for m in self.items:
            if m.personal and m.key in placed:
                m.label, m.key = ORG_NAME, name_key(doc, m.start, m.end, ORG_NAME)
        # "Vell Line raised its forecast", "Vell Line ordered ships, in what it describes as ...": tagged PERSON,
        # the name is an organisation's (none of its mentions titled, or going on with he/she)
        impersonal = {m.key for m in self.items if m.label == "PERSON" and m.subject and self._impersonal_pronoun_follows(m)}
        impersonal -= {m.key for m in self.items if m.titles & TITLE_HEADS or m.subject and self.personal_pronoun_follows(m)}
        for m in self.items:
            if m.label == "PERSON" and m.key in impersonal:
                m.label, m.key = ORG_NAME, name_key(doc, m.start, m.end, ORG_NAME)
        # "Kestrel" tagged PERSON where "Kestrel Robotics" is an organisation and no person has that name
        orgs = self._org_openers()
        full = {m.key for m in self.items if m.label == "PERSON" and m.end - m.start > 1}
        for m in self.items:
            if m.label == "PERSON" and m.end - m.start == 1 and m.key in orgs and m.key not in full:
                m.label, m.key = ORG_NAME, name_key(doc, m.start, m.end, ORG_NAME)
        # "Veloria" tagged PERSON where "the Velorians" are a people: a place
        demonyms = {e.text.lower().removeprefix("the ") for e in ents(doc) if e.label_ == "NORP"}
        for m in self.items:
            if m.label == "PERSON" and m.end - m.start == 1 and len(m.key) >= 4:
                if any(d.startswith(m.key) and d != m.key for d in demonyms):
                    m.label, m.key = "GPE", name_key(doc, m.start, m.end, "GPE")
        # a name tagged ORG that is the subject of a clause going on with "his"/"her": a person
        for m in self.items:
            if m.label in (*ORG_LABELS, NAME, ORG_NAME) and (
                    m.subject and self.personal_pronoun_follows(m) and not person_between(self, m) or self.aged(m)):
                m.label, m.key = "PERSON", name_key(doc, m.start, m.end, "PERSON")
        # a first and last name tagged an organisation or a group, the subject of its sentence, whose next he/she
        # subject comes before anyone else is named or described ("The favourite, Ana Roe-Hart, denied it. “…,” she said"):
        # centering's continued subject, a person
        for m in self.items:
            if m.label in ("ORG", "NORP", NAME, ORG_NAME) and m.subject and self._continued_as_person(m):
                m.label, m.key = "PERSON", name_key(doc, m.start, m.end, "PERSON")
        # a name tagged ORG that a person's title opens ("Rev X", "Cllr X", "Dr X"), or that a "who" clause
        # follows ("Ann Lee (Lab), who chairs ..."): a person
        for m in self.items:
            if m.label in (*ORG_LABELS, NAME, ORG_NAME) and (self._titled_person(m) or self.who_follows(m)):
                m.label, m.key = "PERSON", name_key(doc, m.start, m.end, "PERSON")
        # "Ana Roe-Hart" tagged a place or an organisation and then called "Roe-Hart" when she speaks: a person
        surnamed = surnamed_keys(self)
        for m in self.items:
            if m.label != "PERSON" and m.head < 0 and m.label != "NORP" and doc[m.end - 1].lower_ in surnamed:
                m.label, m.key = "PERSON", name_key(doc, m.start, m.end, "PERSON")
        # and "Brandt" tagged ORG where "Ana-Lucia Brandt" is a PERSON
        people = self.person_keys = {m.key for m in self.items if m.label == "PERSON"}
        for m in self.items:
            if m.label != "PERSON" and m.end - m.start <= 3 and is_cap(doc[m.end - 1]):
                key = name_key(doc, m.start, m.end, "PERSON")
                if key in people:
                    m.label, m.key = "PERSON", key
        # and "Roe-Hart" tagged ORG where "Ana Roe-Hart", shaped like a first and last name, is a name the tagger
        # missed (NAME?): the surname alone is that name, not an organisation
        untagged = {text_between(doc, m.start + 1, m.end).lower(): m for m in self.items
                    if m.label == NAME and name_shaped(self, m)}  # fmt: skip
        for m in self.items:
            full = untagged.get(text_between(doc, m.start, m.end).lower())
            if m.label in (*ORG_LABELS, ORG_NAME) and full is not None and full.start < m.start and is_cap(doc[m.start]):
                m.label, m.key = NAME, full.key
        self._not_people()
        self._first_names()
        self._short_org_names()
        self.starts = [m.start for m in self.items]
        self.by_key: dict[str, list[NamedMention]] = {}
        for m in self.items:
            self.by_key.setdefault(m.key, []).append(m)

    def _apposed_name(self, t: Token) -> bool:
        """A capitalised word inside a sentence, set off by commas against a noun for one person ("her
        husband, Iain,", "the coach, Maren,"), whatever the tagger made it: that person's name."""
        if t.pos_ not in ("NOUN", "ADJ", "X") or t.dep_ != "appos" or not t.is_alpha or not t.text[:1].isupper():
            return False
        toks = tokens(self.doc)
        if t.i == 0 or toks[t.i - 1].text != "," or t.i + 1 >= len(toks) or toks[t.i + 1].text not in (",", "."):
            return False
        head = t.head
        return head.i < t.i and (person_noun(head) or is_role(head.lower_)) and head.tag_ != "NNS"

    def _titled_person_of(self, s: int, e: int) -> int | None:
        """The "of" inside an entity [s, e) that opens with a personal title and a name before it
        ("Chief Inspector Ana Roe of Vell Police" tagged as one organisation): where the person ends."""
        doc = self.doc
        if not is_title(doc[s]) or doc[s].lower_.rstrip(".") not in TITLE_HEADS:
            return None
        of = next((k for k in range(s + 1, e - 1) if doc[k].lower_ == "of"), None)
        if of is None or not all(is_cap(t) for t in doc[s:of]) or not is_cap(doc[of + 1]):
            return None
        names = [t for t in doc[s:of] if not is_title(t)]
        return of if names and not is_title(doc[of - 1]) else None

    def _not_people(self) -> None:
        """Names that are no person however they were tagged, and every mention of the same name with
        them: one set off as an organisation or a venue ("her restaurant, Ember", "the club, Dunmore
        Rovers"), or written with "the" before it ("the Rovers"), unless a personal title names it."""
        doc = self.doc
        not_person, titled_person = set(), set()
        full = {m.key for m in self.items if m.label == "PERSON" and m.end - m.start >= 2
                and is_cap(doc[m.start]) and not is_title(doc[m.start])}  # fmt: skip # "Dagmar Volkonskaya"
        for m in self.items:
            if m.label not in ("PERSON", NAME):
                continue
            head = self._appositive_head(m)
            personal_title = {w for w in m.titles if w in TITLE_HEADS} - ORG_NOUNS
            if head is not None and head.lower_ in ORG_NOUNS | VENUE_NOUNS and self._hangs_from_person(head):
                titled_person.add(m.key)  # "Her neighbour on the site, X," with X hung on "site": the neighbour's name
            elif head is not None and head.lower_ in ORG_NOUNS | VENUE_NOUNS and not (personal_title and m.label == "PERSON"):
                not_person.add(m.key)  # (a "Detective Sergeant X" tagged a person, set off against "court", is one)
            elif head is not None and person_noun(head) or personal_title:
                titled_person.add(m.key)
            elif self._with_the(m) and m.key not in full:  # "the Volkonskaya serve" is hers
                not_person.add(m.key)
        # "Harrowgate did not respond" after "Harrowgate Holdings": an untagged name opening an organisation's
        orgs = self._org_openers()
        people = {doc[k].lower_ for m in self.items if m.label == "PERSON" for k in range(m.start, m.end)}
        not_person |= {m.key for m in self.items if m.label == NAME and m.end - m.start == 1 and m.key in orgs - people}
        # a plural proper noun the tagger also took for a group somewhere ("Rovers" NNPS, once ORG): a team
        plural = {m.key for m in self.items if m.label in ("PERSON", NAME) and doc[m.end - 1].tag_ == "NNPS"}
        plural -= {m.key for m in self.items if m.label in ("PERSON", NAME) and doc[m.end - 1].tag_ != "NNPS"}
        not_person |= {t.lower_ for t in tokens(doc) if t.lower_ in plural and t.ent_type_ in ("ORG", "NORP")}
        # "the village of Sorrel Cross": a name after "of" and a settlement noun is the place's name
        not_person |= {m.key for m in self.items if m.label in ("PERSON", NAME) and self._place_of(m)}
        # a name with a numeral right after it is a designation ("Ward 6", "Gate 4", "Route 9"), not a person
        not_person |= {m.key for m in self.items if m.label in ("PERSON", NAME) and self._numbered(m)}
        for m in self.items:
            if m.label in ("PERSON", NAME) and m.key in not_person - titled_person:
                m.label, m.key = ORG_NAME, name_key(doc, m.start, m.end, ORG_NAME)
        # "Ann Lee (Northfield East)", "Ann Lee (LD, Mill ward)": the brackets after a person's name hold her
        # party, seat or ward, no one else's name
        ends = {m.end for m in self.items if m.label == "PERSON"}
        for m in self.items:
            if m.label in ("PERSON", NAME) and self._bracketed_after(m, ends):
                m.label, m.key = ORG_NAME, name_key(doc, m.start, m.end, ORG_NAME)
        self.person_keys = {m.key for m in self.items if m.label == "PERSON"}

    def _place_of(self, m: NamedMention) -> bool:
        """The name is the object of "of" after a settlement noun ("the village of X", "the town of X")."""
        if not self.parsed:
            return False
        root = self.doc[m.end - 1]
        prep = root.head
        return (root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i < prep.i
                and prep.head.lower_ in SETTLEMENT_NOUNS)  # fmt: skip

    @staticmethod
    def _hangs_from_person(head: Token) -> bool:
        """The noun is the object of a preposition after a singular noun for one person ("the neighbour on the
        site", "the caretaker at the school"): a name set off after it names that person, whatever the parse."""
        prep = head.head
        if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i >= prep.i:
            return False
        owner = prep.head
        return owner.tag_ == "NN" and (person_noun(owner) or owner.lower_ in PEOPLE_NOUNS)

    def _short_org_names(self) -> None:
        """ "Corrie Vale" tagged PERSON where "Corrie Vale United" is an organisation of the article: the
        organisation's short name (unless a title or a he/she in its clause makes it a person's)."""
        doc = self.doc
        org_names = {text_between(doc, m.start, m.end).lower().removeprefix("the ") for m in self.items if m.organisational}
        for m in self.items:
            if m.label != "PERSON" or m.end - m.start < 2 or m.titles & TITLE_HEADS:
                continue
            short = text_between(doc, m.start, m.end).lower()
            if any(o.startswith(short + " ") for o in org_names) and not (m.subject and self.personal_pronoun_follows(m)):
                m.label, m.key = ORG_NAME, name_key(doc, m.start, m.end, ORG_NAME)
        self.person_keys = {m.key for m in self.items if m.label == "PERSON"}

    def _first_names(self) -> None:
        """A name of one word that is the first name of exactly one person named in full before it
        ("Agnieszka is not convinced" after "Agnieszka Tobrin"), and no one's surname, is that person,
        however it was tagged (a feature calls its people by their first names)."""
        doc = self.doc
        owners: dict[str, dict[str, int]] = {}
        for m in self.items:
            if m.label == "PERSON" and m.end - m.start >= 2 and is_cap(doc[m.start]) and not is_title(doc[m.start]):
                owners.setdefault(doc[m.start].lower_, {}).setdefault(m.key, m.start)
        surnames = {m.key for m in self.items if m.label == "PERSON"}
        firsts_of: dict[str, set[str]] = {}  # two first names to one surname: _shared_surnames keeps them apart
        for first, keys in owners.items():
            for key in keys:
                firsts_of.setdefault(key, set()).add(first)
        for m in self.items:
            first = doc[m.start].lower_
            if m.end - m.start != 1 or first in surnames or not is_cap(doc[m.start]):
                continue
            keys = owners.get(first, {})
            if len(keys) == 1 and next(iter(keys.values())) < m.start and len(firsts_of[next(iter(keys))]) == 1:
                m.label, m.key = "PERSON", next(iter(keys))
        self.person_keys = {m.key for m in self.items if m.label == "PERSON"}

    def _titled_person(self, m: NamedMention) -> bool:
        """The name opens with an honorific or a religious or political title and goes on with proper nouns
        only, two at most ("Rev Ann Lee", "Cllr Lee"): a person, whatever the tagger said."""
        toks = tokens(self.doc)[m.start : m.end]
        rest = [t for t in toks[1:] if not _joining_hyphen(t)]  # "Cllr Ann Lee-Hart": two names, not three
        n = len(self.doc[m.start + 1 : m.end].text.split())
        return (toks[0].lower_.rstrip(".") in _PERSON_TITLES and 1 <= n <= 2
                and all(t.pos_ == "PROPN" and is_cap(t) and t.lower_ not in ORG_NOUNS for t in rest))  # fmt: skip

    def _office_after(self, root: Token) -> Token | None:
        """The verb of office of a "who" clause set off right after a name (or after the brackets that follow
        it), however the parse hung it: "chairs" of "X (R-Vell), who chairs the subcommittee"."""
        doc, k = self.doc, root.i + 1
        if k < len(doc) and doc[k].text == "(":
            k = next((j + 1 for j in range(k + 1, min(k + 9, len(doc))) if doc[j].text == ")"), len(doc))
        if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ != "who":
            return None
        v = doc[k + 2]
        while v.pos_ == "ADV" and v.i + 1 < len(doc):
            v = doc[v.i + 1]  # "who now chairs"
        return v if v.pos_ == "VERB" and v.lemma_.lower() in _OFFICE_VERBS else None

    def who_follows(self, m: NamedMention) -> bool:
        """A relative "who"/"whose" set off by a comma right after the name, or after brackets that follow it
        ("Ann Lee, who ...", "Ann Lee (Lab, Mill ward), who ..."), the name of two or more proper nouns and
        no organisation noun: a person."""
        toks = [t for t in tokens(self.doc)[m.start : m.end] if not _joining_hyphen(t)]  # "Perdita Vint-Tovald": two names
        if len(toks) < 2 or any(t.pos_ != "PROPN" or t.lower_ in ORG_NOUNS or t.tag_ == "NNPS" for t in toks):
            return False
        doc, k = self.doc, m.end
        if k < len(doc) and doc[k].text == "(":
            close = next((j for j in range(k + 1, min(k + 9, len(doc))) if doc[j].text == ")"), None)
            if close is None:
                return False
            k = close + 1
        return k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("who", "whose")

    def aged(self, m: NamedMention) -> bool:
        """An age set off after the name ("Daubenay, 22, storms to ..."): a person."""
        doc = self.doc
        if m.end + 2 >= len(doc) or doc[m.end].text != "," or doc[m.end + 2].text not in (",", ")"):
            return False
        age = doc[m.end + 1].text
        return age.isdigit() and 0 < int(age) < 120 and any(t.pos_ == "PROPN" for t in doc[m.start : m.end])

    def _bracketed_after(self, m: NamedMention, person_ends: set[int]) -> bool:
        """The name stands inside brackets that open right after a person's name and close on the same line,
        with at most a few words beside it ("Ann Lee (LD, Mill ward)")."""
        doc = self.doc
        toks = tokens(doc)
        k = m.start - 1
        while k >= 0 and m.start - k <= 6 and toks[k].text not in ("(", ")") and "\n" not in toks[k].whitespace_:
            k -= 1
        if k < 1 or toks[k].text != "(" or k not in person_ends:
            return False
        j = m.end
        while j < len(toks) and j - m.end <= 6 and toks[j].text not in ("(", ")") and "\n" not in toks[j - 1].whitespace_:
            j += 1
        return j < len(toks) and toks[j].text == ")"

    def _numbered(self, m: NamedMention) -> bool:
        """A numeral follows the name with no punctuation between ("Ward 6 rings back"), not a minute closing
        brackets after it (a line-up's substitute, "Padgett (Fullerton 60)")."""
        doc = self.doc
        if any(t.like_num and any(ch.isdigit() for ch in t.text) for t in doc[m.start + 1 : m.end]):
            return True  # the tagger took the numeral into the name ("Turnout 33.8", "Gate 4")
        if m.end + 1 < len(doc) and doc[m.end + 1].text == ")":
            return False
        return m.end < len(doc) and doc[m.end].text.isdigit() and not doc[m.end - 1].whitespace_.count("\n")

    def _org_openers(self) -> set[str]:
        """The first word of each organisation's name of two words or more, after a "the" ("Kestrel" of
        "Kestrel Robotics", "Tour" of "the Tour of X"): alone, that word names the organisation."""
        doc = self.doc
        out = set()
        for m in self.items:
            s = m.start + (doc[m.start].lower_ == "the")
            if m.organisational and m.end - s > 1:
                out.add(doc[s].lower_)
        return out

    def _appositive_head(self, m: NamedMention) -> Token | None:
        """The noun a name is set off against ("her restaurant, Ember", "Ember, a restaurant")."""
        if not self.parsed:
            return None
        root = self.doc[m.end - 1]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            return root.head
        return next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)

    def _modifier(self, m: NamedMention) -> bool:
        """The name modifies a lower-case common noun after it that a determiner before the name opens ("the X
        peninsula", "the X Lane gardens", "the X staff"); not "the X sisters", "the X family" (the people called X),
        "X's wife" (a possessive), "Labour leader Ann Roe" (no determiner)."""
        toks = tokens(self.doc)
        inner = [t for t in toks[m.start : m.end] if t.dep_ != "det"]
        root = next((t for t in inner if not m.start <= t.head.i < m.end), None)
        if root is None or root.dep_ not in ("compound", "nmod", "amod"):
            return False
        head = root.head
        if head.i < m.end or head.pos_ not in ("NOUN", "PROPN") or not head.is_lower or not head.is_alpha:
            return False
        if head.lower_ in MALE_NOUNS | FEMALE_NOUNS or head.lower_ in ("family", "families"):
            return False  # "the X sisters", "the X family": the people called X
        return any(c.dep_ == "det" and c.i <= m.start for c in head.children)

    def _with_the(self, m: NamedMention) -> bool:
        """ "the Rovers": the name heads a noun phrase that "the" opens (not "the Obama plan", where it
        only modifies the head)."""
        if not self.parsed:
            return False
        head = self.doc[m.end - 1]
        if head.dep_ in ("compound", "poss", "nmod", "amod") or head.tag_ == "NNP" and head.head.pos_ == "NOUN":
            return False
        return any(c.dep_ == "det" and c.lower_ == "the" and c.i in (m.start - 1, m.start) for c in head.children)

    def personal_pronoun_follows(self, m: NamedMention) -> bool:
        """ "Chidi Okonkwo reached his first final": a he/his/she/her after the name in its own clause,
        the name made of proper nouns only (no "Ferries", "Council")."""
        doc = self.doc
        if not self.parsed or any(t.pos_ != "PROPN" or t.lower_ in ORG_NOUNS for t in tokens(doc)[m.start : m.end]):
            return False
        root = tokens(doc)[m.end - 1]
        if root.dep_ != "nsubj":
            return False
        if not self._word_later_in_sentence(root.i, m.sent, _PERSONAL):
            return False  # (no such word to find: the walk below would find none)
        verb = root.head
        personal = _PERSONAL
        reports = lemma_of(verb) in REPORTING_VERBS
        return any(t.i > root.i and t.lower_ in personal and self.sent_of(t.idx) == m.sent
                   and (self._own_clause(t, verb) or reports and _reported_subject(t, verb))
                   for t in verb.subtree)  # fmt: skip

    def _continued_as_person(self, m: NamedMention) -> bool:
        """A name shaped like a first and last name (``name_uses``), the subject of its clause, whose next "he" or "she"
        outside quotes, in its sentence or the next, is a subject (or a "his"/"her" an owner), with no other person's
        name or noun for a person between: what that pronoun continues (an organisation is "it" or "they")."""
        if not self.parsed or not name_shaped(self, m):
            return False
        doc = self.doc
        r = tokens(doc)[m.end - 1]
        while r.dep_ in ("compound", "appos", "flat") and r.head.i != r.i:
            r = r.head
        if r.dep_ not in ("nsubj", "nsubjpass"):
            return False  # the subject of its clause, not a name opening the sentence in another role
        for t in tokens(doc)[m.end : min(len(doc), m.end + 80)]:
            if self.sent_of(t.idx) > m.sent + 1:
                return False
            if not self.outside(t.i, t.i + 1):
                continue
            if t.lower_ in ("he", "she", "his", "her"):
                return t.dep_ in ("nsubj", "nsubjpass", "poss")  # "she said", "... for her father"
            if t.ent_type_ == "PERSON" or t.pos_ == "NOUN" and (person_noun(t) or t.lower_ in PEOPLE_NOUNS):
                return False
            if t.lower_ == "him":
                return False  # someone else, whom a "he" after it may continue
        return False

    def _impersonal_pronoun_follows(self, m: NamedMention) -> bool:
        """An "its" in the name's own clause, or an "it" that is the subject of a reporting verb there ("in what it
        describes as"): the name is an organisation's."""
        doc = self.doc
        if not self.parsed or any(t.pos_ != "PROPN" for t in tokens(doc)[m.start : m.end]):
            return False
        root = tokens(doc)[m.end - 1]
        if root.dep_ != "nsubj":
            return False
        if not self._word_later_in_sentence(root.i, m.sent, ("its", "it")):
            return False  # (no such word to find: the walk below would find none)
        verb = root.head
        for t in verb.subtree:
            if t.i <= root.i or self.sent_of(t.idx) != m.sent:
                continue
            if t.lower_ == "its" and t.dep_ == "poss" and self._own_clause(t, verb):
                return True
            if t.lower_ == "it" and t.dep_ == "nsubj" and lemma_of(t.head) in REPORTING_VERBS and t.head.i != verb.i:
                if self._own_clause(t.head, verb):
                    return True
        return False

    def _word_later_in_sentence(self, after: int, sent: int, words) -> bool:
        """Some token after token ``after``, in sentence ``sent``, is one of ``words`` (lowercase)."""
        where, toks = by_lower(self.doc), tokens(self.doc)
        return any(i > after and self.sent_of(toks[i].idx) == sent for w in words for i in where.get(w, ()))

    @staticmethod
    def _own_clause(t: Token, verb: Token) -> bool:
        """No clause with a subject of its own between ``t`` and ``verb`` ("X scored, and by his own admission
        the coach's talk was poor": his is the coach's)."""
        for a in t.ancestors:
            if a.i == verb.i:
                return True
            if a.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT")
                                                 for c in a.children):  # fmt: skip
                return False  # ("X, who won his first title," is X's own)
        return True

    def _drop_unconfirmed(self, lines: Sequence[tuple[int, int]]) -> None:
        """In a Title Case line every word is capitalised: a name there counts only when the same
        name occurs outside such lines ("Governor Says ..." names no "Says")."""
        if not lines:
            return

        def titled(m: NamedMention) -> bool:
            c = self.doc[m.start].idx
            return any(a <= c < b for a, b in lines)

        confirmed = {m.key for m in self.items if not titled(m)}
        self.items = [m for m in self.items if not titled(m) or m.key in confirmed]
        self.starts = [m.start for m in self.items]
        self.by_key = {}
        for m in self.items:
            self.by_key.setdefault(m.key, []).append(m)

    def _writer(self, span: tuple[int, int] | None) -> NamedMention | None:
        """The byline's writer, whom "I" and "we" outside quotes name."""
        if span is None:
            return None
        inside = [m for m in self.items if span[0] <= self.doc[m.start].idx < span[1]]
        if inside:
            return inside[0]
        toks = [t.i for t in self.doc if span[0] <= t.idx < span[1]]
        return self.make(toks[0], toks[-1] + 1, "PERSON") if toks else None

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
                doc[e].lower_ in NAME_PARTICLES or doc[e].text == "-" or doc[e].lower_ == "of"
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
        if not self.parsed:
            return False
        if root.dep_ == "appos" and (root.head.lower_ in TITLE_HEADS or person_noun(root.head)):
            return True  # "the country's ambassador, Natalia Ferenc"
        verb = root.head
        if root.dep_ in ("oprd", "dobj", "attr") and verb.lemma_ in ("call", "name") and verb.dep_ == "acl":
            noun = verb.head  # "a cheerful woman called Ann Lee", "a fisherman named Ole Berg"
            if noun.i < verb.i and (person_noun(noun) or noun.lower_ in MALE_NOUNS | FEMALE_NOUNS):
                return True
        return any(c.dep_ == "appos" and c.i > root.i and person_noun(c) for c in root.children)

    def _with_role(self, s: int, e: int, label: str, root: Token) -> NamedMention:
        m = self._make_role(s, e, label, root)
        last = tokens(self.doc)[e - 1]
        m.titles |= party_titles(self.text, last.idx + len(last.text))
        return m

    def _make_role(self, s: int, e: int, label: str, root: Token) -> NamedMention:
        m = self.make(s, e, label)
        first = m.sent not in self._people_sents
        if label in ("PERSON", NAME):
            self._people_sents.add(m.sent)
        if self.parsed:
            r = _span_root(self.doc, s, e, root)
            while r.dep_ in ("compound", "appos", "flat", "conj") and r.head.i != r.i and self._same_sent(r.head, m):
                r = r.head
            if r.dep_ == "oprd" and r.head.dep_ == "acl" and r.head.lemma_ in ("call", "name") and r.head.head.i != r.head.i:
                r = r.head.head  # "My instructor, a woman called X, has ...": X is the noun so called, in its role
                while r.dep_ in ("compound", "appos", "flat") and r.head.i != r.i and self._same_sent(r.head, m):
                    r = r.head
            objects = ("pobj", "dobj", "poss", "attr", "dative", "pcomp", "iobj")
            orphan = not self._same_sent(r.head, m)  # the parse hung it on another sentence
            equative = r.dep_ == "attr" and r.head.lemma_ == "be" and _has_subject(r.head)  # "The last to speak was X"
            owner = r.dep_ == "poss" and r.head.dep_ in ("nsubj", "nsubjpass") and r.head.head.dep_ == "ROOT"
            # the owner of the main clause's subject is what it is about: "Kerry's advice was simple"
            m.subject = r.dep_ in ("nsubj", "nsubjpass") or equative or owner or self._topic(m, r) or (
                first and (orphan or r.dep_ not in objects) and self._early(m)
            )
            m.speaker = r.dep_ == "nsubj" and lemma_of(r.head) in REPORTING_VERBS
            m.titles = self._title_words(s, root)
        else:
            m.subject = first
        return m

    def _topic(self, m: NamedMention, r: Token) -> bool:
        """A name fronted in a phrase that opens its sentence ("For Leyla, the hard part ..."): what the
        sentence is about, as salient as a subject."""
        doc = self.doc
        prep = r.head
        if r.dep_ != "pobj" or prep.i >= r.i or m.end >= len(doc) or doc[m.end].text != ",":
            return False
        return prep.i == 0 or self.sent_of(doc[prep.i - 1].idx) != self.sent_of(prep.idx)

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
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "X has been the mayor of Porto Serrano"
            heads += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN" and c.tag_ == "NN"]
        for rc in root.children:  # "X, who has been the club's chairwoman for eleven years,"
            if rc.dep_ == "relcl" and rc.lemma_ == "be" and any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in rc.children):
                heads += [c for c in rc.children if c.dep_ == "attr" and c.pos_ == "NOUN" and c.tag_ == "NN"]
        office = self._office_after(root)
        if office is not None:  # "X, who chairs the panel", "X (R-Vell), who now heads it": its chair, its head
            words.update(_OFFICE_VERBS[office.lemma_.lower()].split())
        for h in heads:
            toks = [h] if h is not root else []
            for c in h.lefts:
                if c.dep_ == "poss" and h is not root:
                    continue  # "Mr Wierzbicki's partner": Mr is the possessor's title, not hers
                toks += [t for t in c.subtree if t.i < start or h is not root]
            if h is not root:
                toks += [t for c in h.rights if c.dep_ == "prep" and c.lower_ in ("of", "for", "at") for t in c.subtree
                         if not any(a.dep_ in ("relcl", "acl") for a in t.ancestors if c.is_ancestor(a))]  # fmt: skip
            words.update(t.lower_ for t in toks if t.is_alpha and t.lower_ not in ("the", "a", "an"))
        j = start - 1
        doc_toks = tokens(self.doc)
        if j >= 0 and doc_toks[j].text == ",":  # "Their lawyer, Tomas O'Neill" (however it was parsed)
            j -= 1
        while j >= 0 and start - j <= 5 and not doc_toks[j].is_punct and doc_toks[j].lower_ not in ("'s", "’s") and (is_cap(doc_toks[j]) or is_title(doc_toks[j])
                                                                          or doc_toks[j].is_lower):  # fmt: skip
            t = doc_toks[j]
            if t.pos_ == "ADP" and not (t.lower_ == "of" and j > 0 and is_title(doc_toks[j - 1])):
                break  # "a doctor at Baroune's hospital": the doctor is no title of Baroune ("Secretary of State X" is)
            if self.parsed and (t.pos_ in ("VERB", "AUX") or t.pos_ == "PROPN" and is_cap(t) and not is_title(t)):
                break  # "Judge Harriet Pellow said Aherne": a verb or another name ends the titles
            if is_title(t) or is_role(t.text):  # "Interior Minister", "his daughter, X"
                words.add(t.lower_.rstrip("."))
            j -= 1
        return frozenset(words)

    def vote(self, key: str, gender: str, weight: float) -> None:
        """Weights of 2 and more are evidence (Mrs, her husband); less is a hint (a he nearby)."""
        for votes in (self.votes, self.strong) if weight >= 2 else (self.votes,):
            v = votes.setdefault(key, [0.0, 0.0])
            v[0 if gender == "m" else 1] += weight

    def gender(self, key: str, strong: bool = False) -> str | None:
        """ "m", "f" or None: the text's votes (``strong``: honorifics, gendered nouns, own-clause possessives only)
        with the he/she of earlier quotes; where they are even, the gender of the person's first name
        (``named``), unless the text hints at the other, however weakly."""
        m, f = (self.strong if strong else self.votes).get(key, (0.0, 0.0))
        hm, hf = self.heard.get(key, (0.0, 0.0))
        m, f = m + hm, f + hf
        if m != f:
            return "m" if m > f else "f"
        named = self.named.get(key)
        if named is None:
            return None
        vm, vf = self.votes.get(key, (0.0, 0.0))
        return named if (vf + hf if named == "m" else vm + hm) == 0 else None

    def hear_gender(self, key: str, gender: str) -> None:
        """An earlier quote's "he said"/"she said" resolved to this person: evidence for the pronouns after it,
        kept beside the table (like ``history``), which stays as built."""
        v = self.heard.setdefault(key, [0.0, 0.0])
        v[0 if gender == "m" else 1] += 2

    def add_speaker(self, s: int, e: int, label: str, quote_tok: int) -> None:
        m = self.make(s, e, label or (NAME if all(is_cap(t) for t in self.doc[s:e]) else ""), True, at=quote_tok)
        m.start, m.end, m.speaker = s, e, True
        if not label:  # an unnamed source as the quote named it keeps its head noun ("a spokeswoman for X")
            m.head = next((u.head for u in self.unnamed if s <= u.head < e), -1)
        self.history.append(m)

    # looking up

    def earlier(self, before: int, from_para: int = -1) -> list[NamedMention]:
        """Mentions (and earlier speakers) starting before token ``before``, from paragraph ``from_para`` on."""
        j = bisect_left(self.starts, before)
        out = []
        while j > 0 and self.items[j - 1].para >= from_para:
            j -= 1
            out.append(self.items[j])
        heard = [m for m in self.history[-200:] if m.start < before and m.para >= from_para]
        out += heard
        out += [m for m in self.unnamed if m.start < before and m.para >= from_para
                and not any(h.start <= m.head < h.end for h in heard)]  # fmt: skip # a quote's speaker as written
        return out

    def untitled(self, s: int, e: int) -> tuple[int, int]:
        """A person's name [s, e) without an abbreviated title before it made of the initials of the titles
        the person is given ("DI Roe" after "Detective Inspector Ana Roe")."""
        initials = self.initials.get(name_key(self.doc, s, e, "PERSON"))
        t = self.doc[s]
        if e - s > 1 and initials and t.is_alpha and t.is_upper and 2 <= len(t) <= 4 and set(t.lower_) <= initials:
            return s + 1, e
        return s, e

    def unnamed_at(self, tok: int) -> NamedMention | None:
        """The unnamed source whose head noun is token ``tok``, as an earlier quote's speaker named it if one did."""
        m = next((m for m in self.unnamed if m.head == tok), None)
        heard = next((h for h in self.history[-200:] if m is not None and h.start <= m.head < h.end), None)
        return heard or m

    def best_name(self, m: NamedMention, before: int) -> NamedMention:
        """The fullest earlier mention of the same person (``Ana Rusu`` over ``Rusu``); of two full
        names with one surname, the first introduced (a bare "Quintero" is the article's Quintero); the name
        an unnamed source gave ("Another man, who gave his name only as Sid," is Sid)."""
        if m.head >= 0 and self.parsed:
            given = given_name_as(self.doc, self.doc[m.head])
            if given is not None:
                named_so = [x for x in self.between(*given) if x.personal]
                return named_so[0] if named_so else self.make(*given, "PERSON", True)
        if not m.personal:
            return m
        same = [x for x in self.by_key.get(m.key, []) if x.start < before and x.personal]
        same += [x for x in self.history[-200:] if x.key == m.key and x.start < before]
        if m.end - m.start > 1:
            same = [x for x in same if text_between(self.doc, x.start, x.end) == text_between(self.doc, m.start, m.end)] or same
        return max(same, key=lambda x: (x.end - x.start, -x.start), default=m)

    def label_of(self, s: int, e: int, label: str) -> str:
        """The label the collected mention of tokens [s, e) has (corrected: "advocate X" tagged ORG is a PERSON)."""
        same = [m.label for m in self.between(s, s + 1) if m.end == e]
        return same[0] if same else label

    def between(self, lo: int, hi: int) -> list[NamedMention]:
        """Mentions starting in tokens [lo, hi)."""
        return self.items[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


def _who_after(doc: Doc, s: int, e: int) -> bool:
    """A run of two or more proper nouns set off by a comma before a relative "who"/"whose" ("Ilse Varga-Orme, who
    runs the shop,"): a person's name, whatever the tagger took it for (a product, a work)."""
    names = [t for t in doc[s:e] if t.text != "-"]
    if len(names) < 2 or any(t.pos_ != "PROPN" or t.lower_ in ORG_NOUNS for t in names):
        return False
    return e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].lower_ in ("who", "whose")


def _joining_hyphen(t: Token) -> bool:
    """A hyphen that joins two words with no space ("Lee-Hart" split by the tokenizer)."""
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _common_word(t: Token, written_lower: set[str]) -> bool:
    """A capitalised word that the text also writes in lower case, capitalised here only because it opens a
    sentence or a line or is set in capitals ("Terrier digs up ...", "A GRANDMOTHER was ..."): a common word,
    no name."""
    if t.lower_ not in written_lower or t.text == t.lower_:
        return False
    if t.is_upper and len(t.text) > 2:
        return True
    if t.i == 0:
        return True
    prev = t.doc[t.i - 1]
    return t.is_sent_start or prev.is_space or "\n" in prev.whitespace_ or prev.text in (".", "!", "?", ":", "\u2019", "'", '"', "\u201d")


def _full_name(doc: Doc, s: int, e: int, initials: set[str] | None = None) -> str:
    """A person's name in lower case without titles or punctuation: "Dr. Ana Rusu" -> "ana rusu"; also without
    an abbreviated title made of the ``initials`` of the titles the person is given ("DI" of "Detective Inspector")."""

    def abbreviated(t: Token) -> bool:
        return bool(initials) and t.is_alpha and t.is_upper and 2 <= len(t) <= 4 and set(t.lower_) <= initials

    return " ".join(t.lower_ for t in tokens(doc)[s:e] if not t.is_punct and t.lower_.rstrip(".") not in TITLE_HEADS
                    and not abbreviated(t))  # fmt: skip


_FIRM_ENDS = frozenset().union(*classes("firm_endings").values())  # "Foods", "Holdings": a company's name, no one's
_PERSON_TITLES = frozenset().union(*(v for k, v in classes("title_heads").items()
                                     if k in ("honorifics", "religious", "political_offices")))  # fmt: skip


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _reported_subject(t: Token, verb: Token) -> bool:
    """``t`` is the subject of what ``verb`` reports: "Ellie Quarendon said she had no idea"."""
    return t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ccomp" and t.head.head.i == verb.i


def _span_root(doc: Doc, s: int, e: int, root: Token) -> Token:
    """The token whose role a name [s, e) plays in its clause: ``root`` (its last word), unless that hangs on a
    word inside the name ("The Council of Haverel States": "States" is the object of "of"); then the one word of
    the name whose head lies outside it ("Council", the subject)."""
    if root.head.i == root.i or not s <= root.head.i < e:
        return root
    outer = [t for t in tokens(doc)[s:e] if t.head.i == t.i or not s <= t.head.i < e]
    return outer[0] if len(outer) == 1 else root
