"""Claims that no cue word marks: each quote of a speaker and each reported-speech sentence that no cue
claim covers is scored by ``claim_field``; at ``THRESHOLD`` signals it becomes a claim of the voted type."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.domain import Claim, Mention, Quote
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_field import THRESHOLD, Field, denies, field_of
from annotator.nlp.claim_parts import home_of, mention, polity_near
from annotator.nlp.claim_tree import is_first_person, label_of, phrase
from annotator.nlp.claim_voice import is_headline, political, reporting

ORIGIN = "rule:claims"


def _first(span: Span, test) -> Token | None:
    return next((t for t in span if test(t)), None)


def _object(doc: Doc, span: Span, f: Field, typ: str, claimant: Mention | None) -> Mention | None:
    """The claim's object: the predicate's place, the place, the union, else the speaker's or a near polity."""
    tok = None
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
    if f.score < THRESHOLD:
        return None
    typ = f.claim_type
    stance = _stance(span, typ, f)
    conf = (0.45 if quoted else 0.4) + 0.05 * min(f.score - THRESHOLD, 2) + (0.1 if political(doc, claimant) else 0)
    return Claim(claim_type=typ, evidence=(evidence,), claimant=claimant,
                 target=_object(doc, span, f, typ, claimant), stance=stance, strength=1 if stance == "favour" else -1,
                 confidence=round(conf, 3), cue="field", origin=ORIGIN,
                 note=f"field {f.score}: " + " ".join(f"{k}={n}" for k, n in sorted(f.classes.items())))


def _covered(claims: list[Claim], ev: Mention) -> bool:
    return any(e.start < ev.end and ev.start < e.end for c in claims for e in c.evidence)


def unmarked_claims(doc: Doc, quotes: list[Quote], claims: list[Claim]) -> list[Claim]:
    """Field claims for the quotes and reported sentences ``claims`` do not cover."""
    out: list[Claim] = []
    for q in quotes:
        ev = Mention(q.start, q.end)
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if q.speaker is None or span is None or _covered(claims, ev):
            continue
        c = _claim(doc, span, ev, q.speaker, True)
        if c is not None:
            out.append(c)
    for sent in doc.sents:
        ev = _trimmed(sent)
        if is_headline(sent) or _covered(claims + out, ev) or any(
                q.start < sent.end_char and sent.start_char < q.end for q in quotes):
            continue
        found = reporting(sent)
        if found is None:
            continue
        who, clause = found
        c = _claim(doc, clause, ev, mention(doc, *who), False)
        if c is not None:
            out.append(c)
    return out


def _trimmed(sent: Span) -> Mention:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return Mention(sent.start_char + lead, sent.start_char + len(text.rstrip()))
