"""A learned claim-sentence detector beside the claim rules: ``detected_claims(doc, quotes, claims)``.

The detector is a logistic regression over name-free features of a sentence (``unit_features``: unigrams and
bigrams of lower-case lemmas with entities replaced by their label, other proper nouns and any capitalised word
that is not a stop word by PROPN (a field word opening a sentence or a quote stays itself), numbers by NUM, plus a
few parse features and the rules' field classes). It is trained by ``benchmarks/experiments/claim_detector.py
--export`` (the only place scikit-learn is used) and shipped as weights in ``data/claim_detector.json``; inference
here is ``sigmoid(bias + sum of the weights of the active features)``, in plain Python. The file's type head (a
multinomial regression over the same features, fitted on the sentences that hold a claim) gives the type of the
claims the detector adds (``learned_type``).

A sentence the detector scores at or above the file's threshold, and that no rule suggestion's evidence
overlaps, becomes one suggested claim (``cue="detector"``, ``origin="rule:claim_detector"``): evidence the quote
inside it, else the sentence; claimant the quote's speaker, else the subject of its reporting verb, else the
outlet; type from the type head (else the rules' field machinery, ``claim_field.field_of``), object and stance
from that machinery given the type; confidence at the
bottom of the kept rule claims' range. A sentence with no word of the sovereignty field and no polity named by a
political actor (or the outlet) is left out; a political actor's or the outlet's sentence the detector is sure
of (``SURE``) needs no polity named.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from dataclasses import field as _field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from annotator.domain import Claim, Mention, Quote
from annotator.nlp import claim_lexicon as lex
from annotator.nlp.claim_field import field_of
from annotator.nlp.once import ents_within, sent_of, tokens, words

__all__ = ["Detector", "DetectorError", "detected_claims", "doc_tokens", "learned_type", "load_detector", "probability", "unit_features"]

DATA = Path(__file__).with_name("data") / "claim_detector.json"
ORIGIN = "rule:claim_detector"
CUE = "detector"
# detector claims sit at the bottom of the range of the rule claims ``find_claims`` keeps (from its MIN_CONFIDENCE,
# 0.48, to 0.54; rule claims run to 0.9, quoted and attributed ones from 0.6), so a caller's stricter
# ``min_confidence`` drops them first and ``ApplyProposals`` (0.8) never applies one
CONF_LO, CONF_HI = 0.48, 0.54
# a political actor's (or the outlet's) sentence the detector is this sure of needs no field word nor polity named:
# the gate guards its weaker guesses ("That is for the families on the quay, nobody else," said the mayor);
# a bystander's words still need a field word
SURE = 0.9

REPORTING = frozenset({
    "say", "tell", "add", "insist", "argue", "claim", "declare", "state", "warn", "urge", "demand", "reject",
    "deny", "maintain", "assert", "vow", "accuse", "call", "announce", "write", "describe", "believe", "stress",
    "reiterate", "condemn", "dismiss", "affirm", "promise", "pledge", "note", "explain", "suggest", "respond",
    "reply", "acknowledge", "admit", "protest", "complain", "threaten", "recognise", "recognize", "support",
    "oppose", "agree", "ask", "according",
})
MODALS = frozenset({"should", "must", "will", "would", "can", "could", "may", "might", "shall", "ought"})
FIRST = frozenset({"we", "our", "us", "ours", "i", "my", "me"})
_QMARKS = "\"'\u201c\u201d\u2018\u2019"
# the field's words and the cue families' one-word lemmas: what a capitalised first word may be and stay a word
_FIELD_WORDS = frozenset().union(*lex.FIELD.values(), (w for fam in lex.families() for w in fam.lemmas if " " not in w))


def unit_features(sent: Span, quotes: list[Quote]) -> tuple[list[str], dict]:
    """Generalised tokens and parse features of one sentence (no names: entities become their label)."""
    toks: list[str] = []
    lemmas: set[str] = set()
    lowers: set[str] = set()
    neg = tagged_modal = False
    s0, s1 = sent.start_char, sent.end_char
    spoken = [q for q in quotes if q.start < s1 and s0 < q.end and q.kind == "quote"]
    in_quote = bool(spoken)
    first_quoted = False
    said_at: int | None = None  # where the sentence's first reporting verb is
    opening = True  # the sentence's first word, or the first after a quote mark: capitalised as any word is
    all_lowers, all_lemmas, poses, deps = words(sent.doc)  # (each token's strings, read once for the Doc)
    every = tokens(sent.doc)
    for i in range(sent.start, sent.end):  # one pass, over the Tokens made once for the Doc
        t = every[i]
        lemma = all_lemmas[i]
        lower = all_lowers[i]
        lemmas.add(lemma)
        lowers.add(lower)
        neg = neg or deps[i] == "neg"
        tagged_modal = tagged_modal or t.tag_ == "MD"
        if t.is_space:
            continue
        if t.ent_type_:
            tok = "ENT_" + t.ent_type_
            if toks and toks[-1] == tok and t.ent_iob_ == "I":
                continue
        elif poses[i] == "PROPN":
            tok = "PROPN"
        elif t.like_num:
            tok = "NUM"
        elif t.is_punct and t.text in _QMARKS:
            tok = "QMARK"
        elif t.text[:1].isupper() and not t.is_stop and not (opening and (lower in _FIELD_WORDS or lemma in _FIELD_WORDS)):
            tok = "PROPN"  # a capitalised word the tagger read as a common word is most often a name: no name is a feature
        else:
            tok = lemma
        if lower in FIRST and any(q.start <= t.idx < q.end for q in spoken):
            first_quoted = True
        if said_at is None and lemma in REPORTING and poses[i] == "VERB":
            said_at = t.idx
        opening = tok == "QMARK"
        toks.append(tok)
    ents = Counter(e.label_ for e in ents_within(sent))
    feats = {
        "f:reporting": bool(lemmas & REPORTING),
        "f:in_quote": in_quote,
        "f:gpe": ents["GPE"] > 0,
        "f:norp": ents["NORP"] > 0,
        "f:loc": ents["LOC"] > 0,
        "f:geo2": ents["GPE"] + ents["NORP"] + ents["LOC"] >= 2,
        "f:neg": neg,
        "f:modal": bool(lemmas & MODALS) and tagged_modal,
        "f:first": bool(lowers & FIRST),
        "f:root=" + _root_word(sent.root): True,
        "f:len" + str(min(len(sent) // 10, 5)): True,
        "f:person": ents["PERSON"] > 0,
        "f:org": ents["ORG"] > 0,
        "f:first_quoted": first_quoted,
        # a quote after the reporting verb that brings it in ("X said the vote was "null and void"")
        "f:quote_after_verb": said_at is not None and any(said_at < q.start for q in spoken),
    }
    f = field_of(sent, in_quote)  # the rules' lexicon classes: words of the field, in general classes
    for k in f.classes:
        feats["f:field=" + k] = True
    if f.predicate is not None:
        feats["f:predicate=" + f.predicate.claim_type] = True
    feats["f:peoples_right"] = f.peoples_right
    feats["f:polity"] = f.polity is not None
    return toks, {k: v for k, v in feats.items() if v}


def _root_word(root) -> str:
    """The sentence root's lemma, or PROPN for a name (as the tokens have it)."""
    if root.ent_type_ or root.pos_ == "PROPN" or root.text[:1].isupper() and not root.is_stop and (
            root.i != sent_of(root).start and root.lower_ not in _FIELD_WORDS):
        return "PROPN"
    return root.lemma_.lower()


def doc_string(toks: list[str], feats: dict) -> str:
    """The text the vectoriser reads: the tokens, then the feature names (whitespace-separated)."""
    return " ".join(toks) + " " + " ".join(feats)


def doc_tokens(toks: list[str], feats: dict) -> set[str]:
    """The active features: unigrams and bigrams of ``doc_string`` split on whitespace (as scikit-learn's
    ``CountVectorizer(tokenizer=str.split, ngram_range=(1, 2), binary=True)`` makes them)."""
    words = doc_string(toks, feats).split()
    return set(words) | {a + " " + b for a, b in zip(words, words[1:], strict=False)}


@dataclass(frozen=True)
class Detector:
    weights: dict[str, float]
    bias: float
    threshold: float
    fallback_type: str = "territory"
    version: str = ""
    # a learned type for the sentences it finds: per type, a bias and feature weights (argmax of the sums)
    type_bias: dict[str, float] = _field(default_factory=dict)
    type_weights: dict[str, dict[str, float]] = _field(default_factory=dict)


def learned_type(det: Detector, toks: list[str], feats: dict) -> str | None:
    """The type head's most probable type for a sentence (None when the file has no type head)."""
    if not det.type_bias:
        return None
    active = doc_tokens(toks, feats)
    score = {c: b + sum(det.type_weights.get(c, {}).get(f, 0.0) for f in active) for c, b in det.type_bias.items()}
    return max(sorted(score), key=score.__getitem__)


def probability(det: Detector, toks: list[str], feats: dict) -> float:
    z = det.bias + sum(det.weights.get(f, 0.0) for f in doc_tokens(toks, feats))
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class DetectorError(ValueError):
    """The weights file cannot be read."""


def read_detector(path: Path | str) -> Detector:
    """The detector in a weights file; ``DetectorError`` naming the file when it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        head = data.get("type_head") or {}
        return Detector({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                        float(data["threshold"]), str(data.get("fallback_type") or "territory"),
                        str(data.get("version", "")),
                        {str(c): float(b) for c, b in (head.get("bias") or {}).items()},
                        {str(c): {str(f): float(w) for f, w in ws.items()}
                         for c, ws in (head.get("weights") or {}).items()})
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DetectorError(f"claim detector weights {path}: not a weights file ({type(exc).__name__}: {exc}); "
                            "write it again with benchmarks/experiments/claim_detector.py --export") from None


_override: list[Detector | None] = []


@lru_cache(maxsize=1)
def _shipped() -> Detector | None:
    return read_detector(DATA) if DATA.exists() else None


def load_detector() -> Detector | None:
    """The detector in use: one set by ``use_detector`` (a benchmark's fold), else the shipped file (None if absent)."""
    return _override[-1] if _override else _shipped()


def use_detector(det: Detector | None) -> None:
    """Use ``det`` (None: no detector) instead of the shipped file; ``use_detector`` again replaces it."""
    _override.clear()
    _override.append(det)


def reset_detector() -> None:
    _override.clear()


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _claim(doc: Doc, sent: Span, p: float, det: Detector, spoken: list[Quote],
           learned: str | None = None) -> Claim | None:
    from annotator.nlp.claim_field import field_of
    from annotator.nlp.claim_parts import mention
    from annotator.nlp.claim_unmarked import _fragment, _object, _stance, _trimmed
    from annotator.nlp.claim_voice import political, reportings

    s0, s1 = sent.start_char, sent.end_char
    q = next((q for q in spoken if _overlaps(q.start, q.end, s0, s1)), None)
    outlet = False
    if q is not None:
        lo, hi = max(q.start, s0), min(q.end, s1)
        span = doc.char_span(lo, hi, alignment_mode="expand")
        if span is None or not len(span):
            span = sent
        ev = Mention(span.start_char, span.end_char) if span is not sent else _trimmed(sent)
        claimant = q.speaker
    else:
        span, ev = sent, _trimmed(sent)
        found = reportings(sent)
        claimant = mention(doc, *found[0][0]) if found else None
    if claimant is None:
        outlet = True
    if ev.end <= ev.start:
        return None
    f = field_of(span, q is not None)
    field = bool(f.classes) or f.predicate is not None or f.peoples_right
    if not field and f.polity is None and span is not sent and _fragment(span, sent) and political(doc, claimant):
        # a fragment quote framed by the reporter ("said the people of X had "earned their place among
        # nations""): what the fragment is said of is in the sentence around it, which is the evidence then
        whole = field_of(sent, True)
        if whole.classes or whole.predicate is not None or whole.peoples_right or whole.polity is not None:
            f, span, ev = whole, sent, _trimmed(sent)
            field = bool(f.classes) or f.predicate is not None or f.peoples_right
    if not field and span is not sent:
        # the reporter's frame around a whole quote says what it is about ("Asked whether the isles might seek a
        # vote, she said: "That is for the islanders, not for the capital.""): the field of the sentence
        whole = field_of(sent, True)
        if whole.classes or whole.predicate is not None or whole.peoples_right:
            f, field = whole, True
    if not field and claimant is not None and not political(doc, claimant):
        return None  # no word of the field, from someone who is no political actor
    if not field and f.polity is None and p < SURE:
        return None  # no word of the field and no polity named, and the detector not sure
    # the type head's type when the file has one (type 0.714 -> 0.731 out of split over the nine open splits,
    # where the field's vote was right on about half of these sentences), else the field's, else the fallback
    typ = learned or (f.claim_type if field else det.fallback_type)
    target = _object(doc, span, f, typ, claimant)
    stance = _stance(span, typ, f)
    frac = (p - det.threshold) / (1.0 - det.threshold) if det.threshold < 1 else 0.0
    conf = round(CONF_LO + (CONF_HI - CONF_LO) * min(max(frac, 0.0), 1.0), 3)
    return Claim(claim_type=typ, evidence=(ev,), claimant=claimant, target=target, stance=stance,
                 strength=1 if stance == "favour" else -1, outlet=outlet, confidence=conf, cue=CUE, origin=ORIGIN)


def detected_claims(doc: Doc, quotes: list[Quote], claims: list[Claim], det: Detector | None = None) -> list[Claim]:
    """One claim per sentence the detector finds (probability >= threshold) that no claim in ``claims`` covers."""
    from annotator.nlp.claim_voice import is_headline
    from annotator.nlp.once import sentences, span_text

    det = det or load_detector()
    if det is None or not len(doc):
        return []
    spoken = [q for q in quotes if q.kind == "quote"]
    spans = [(e.start, e.end) for c in claims for e in c.evidence]
    out = []
    for sent in sentences(doc):
        if not span_text(sent).strip() or is_headline(sent):
            continue
        s0, s1 = sent.start_char, sent.end_char
        if any(_overlaps(a, b, s0, s1) for a, b in spans):
            continue
        toks, feats = unit_features(sent, quotes)
        p = probability(det, toks, feats)
        if p < det.threshold:
            continue
        c = _claim(doc, sent, p, det, spoken, learned_type(det, toks, feats))
        if c is not None:
            out.append(c)
            spans.extend((e.start, e.end) for e in c.evidence)
    return out
