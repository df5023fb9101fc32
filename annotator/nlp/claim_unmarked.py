"""Claims that no cue word marks: each quote of a speaker and each reported-speech sentence that no cue
claim covers is scored by ``claim_field``; at ``THRESHOLD`` signals it becomes a claim of the voted type."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim, Mention, Quote
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_field import THRESHOLD, Field, denies, field_of, takes_a_stance
from annotator.nlp.claim_objects import named_place
from annotator.nlp.claim_parts import home_of, mention, polity_near
from annotator.nlp.claim_tree import is_first_person, label_of, phrase
from annotator.nlp.claim_voice import is_headline, line_speaker, political, reporting

ORIGIN = "rule:claims"


def _first(span: Span, test) -> Token | None:
    return next((t for t in span if test(t)), None)


def _object(doc: Doc, span: Span, f: Field, typ: str, claimant: Mention | None) -> Mention | None:
    """The claim's object: the predicate's place, the place, the union, else the speaker's or a near polity."""
    tok = None
    if typ == "territory" and f.predicate is None and (named := named_place(doc, span)) is not None:
        return mention(doc, *named)
    if typ == "territory":
        tok = (f.predicate.subject if f.predicate else None) or _first(span, lambda t: (t.lemma_.lower() in lex.PLACE_NOUNS and t.pos_ == "NOUN")
                                    or label_of(t) in ("LOC", "FAC"))
    elif typ in ("sovereignty", "contest") and f.predicate is not None:
        tok = f.predicate.subject
    elif typ == "pooling":
        tok = _first(span, lambda t: t.lemma_.lower() in lex.FIELD["union"] or t.lower_ in lex.FIELD["union"])
    if tok is not None:
        return mention(doc, *phrase(tok))
    home = home_of(doc, claimant) if typ in ("interference", "sovereignty") else None
    if home is None and f.polity is not None and not is_first_person(f.polity):
        home = phrase(f.polity)
    if home is None:
        home = polity_near(doc, span.root, set())
    return mention(doc, *home) if home else None


def _stance(span: Span, typ: str, f: Field) -> str:
    if f.predicate is not None:
        return "against" if f.predicate.negated else "favour"
    if typ == "territory" and any(t.lower_ in ("our", "ours") for t in span):
        return "favour"
    return "against" if denies(span) else "favour"


def _claim(doc: Doc, span: Span, evidence: Mention, claimant: Mention | None, quoted: bool) -> Claim | None:
    f = field_of(span, quoted)
    if f.score < THRESHOLD or f.score == THRESHOLD and f.predicate is None and not takes_a_stance(span):
        return None  # two weak signals need a stance marker to make a claim
    typ = f.claim_type
    stance = _stance(span, typ, f)
    conf = (0.45 if quoted else 0.4) + (0.1 if claimant is None else 0) + 0.05 * min(f.score - THRESHOLD, 2) + (0.1 if political(doc, claimant) else 0)
    return Claim(claim_type=typ, evidence=(evidence,), claimant=claimant,
                 target=_object(doc, span, f, typ, claimant), stance=stance, strength=1 if stance == "favour" else -1,
                 confidence=round(conf, 3), cue="field", origin=ORIGIN,
                 outlet=claimant is None,
                 note=f"field {f.score}{'+' if f.predicate or sum(f.classes.values()) >= 3 else ''}: "
                 + " ".join(f"{k}={n}" for k, n in sorted(f.classes.items())))


def _types_on(claims: list[Claim], ev: Mention) -> set[str] | None:
    """The claim types already made on evidence overlapping ``ev`` (None when there are none)."""
    types = {c.claim_type for c in claims for e in c.evidence if e.start < ev.end and ev.start < e.end}
    return types or None


def _add(out: list[Claim], c: Claim | None, types: set[str] | None) -> None:
    """Keep ``c`` where nothing claims its evidence, or where its type is new there and its field is strong."""
    if c is None:
        return
    if types is None:
        out.append(c)
    elif c.claim_type not in types and c.note.startswith(("field 4", "field 5", "field 3")) and "+" in c.note:
        out.append(c.with_(confidence=round(c.confidence - 0.05, 3)))


def unmarked_claims(doc: Doc, quotes: list[Quote], claims: list[Claim], editorial: bool = False) -> list[Claim]:
    """Field claims for the quotes and reported sentences (in an editorial, any sentence outside quotes)."""
    out: list[Claim] = []
    for q in quotes:
        ev = Mention(q.start, q.end)
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if q.speaker is None or span is None:
            continue
        _add(out, _claim(doc, span, ev, q.speaker, True), _types_on(claims, ev))
    for sent in doc.sents:
        ev = _trimmed(sent)
        if is_headline(sent) or any(q.start < sent.end_char and sent.start_char < q.end for q in quotes):
            continue
        found = reporting(sent)
        speaker = line_speaker(sent)
        if speaker is not None:
            _add(out, _claim(doc, sent, ev, speaker, True), _types_on(claims + out, ev))
        elif found is not None:
            who, clause = found
            _add(out, _claim(doc, clause, ev, mention(doc, *who), False), _types_on(claims + out, ev))
        elif editorial:
            c = _claim(doc, sent, ev, None, True)
            _add(out, c if c is not None and c.note.startswith(("field 3", "field 4", "field 5")) else None,
                 _types_on(claims + out, ev))
    return out


def _trimmed(sent: Span) -> Mention:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return Mention(sent.start_char + lead, sent.start_char + len(text.rstrip()))
