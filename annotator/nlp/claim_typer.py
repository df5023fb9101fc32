"""A learned claim typer: each suggested claim's stance (and type) re-read from name-free features of its evidence,
cue and parts.

``typed(doc, claims, quotes)`` gives every claim (the rules' and the detector's) the stance (type) a multinomial
logistic regression over ``claim_features`` (the rule's type, stance and cue family, lemmas and name-free bigrams of
the evidence, its root verbs, negation, the field classes of ``claim_field``, the object's entity label and head word,
whether the object is the claimant's own polity) puts first, when its probability reaches the file's threshold;
otherwise the rule's stays. Not wired into ``find_claims`` and no weights file ships: out of split the type head
did not beat the rules (nine open splits: type 0.705 -> 0.703) and the stance head, though 0.780 -> 0.794, turned
three of the rules' tested stances (an emphatic denial, an outsider's interference, neutrality outside every bloc)
the wrong way (``benchmarks/claims/README.md``). So only that experiment uses this module today:
``benchmarks/experiments/claim_typer.py --export`` (scikit-learn there only) would write ``data/claim_typer.json``;
inference is a softmax in plain Python, the file read once. No file: the rules' fields stay; a damaged one:
``TyperError`` naming the file and how to rewrite it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from annotator.domain import Claim, Mention, Quote
from annotator.nlp.once import text_of

__all__ = ["Typer", "TyperError", "claim_features", "load_typer", "read_typer", "reset_typer", "retyped", "typed",
           "use_typer"]

DATA = Path(__file__).with_name("data") / "claim_typer.json"
_QMARKS = "\"'\u201c\u201d\u2018\u2019"


class TyperError(ValueError):
    """The weights file cannot be read."""


@dataclass(frozen=True)
class Head:
    """One softmax: its classes, a bias per class, per-feature weights per class and the override threshold."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        z = list(self.bias)
        for f in set(feats):
            w = self.weights.get(f)
            if w is not None:
                z = [a + b for a, b in zip(z, w, strict=True)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return {c: v / s for c, v in zip(self.classes, e, strict=True)}

    def choose(self, feats: list[str], current: str | None) -> str | None:
        """The class put first when its probability reaches the threshold, else ``current``."""
        probs = self.probabilities(feats)
        best = min(probs, key=lambda c: (-probs[c], c))
        return best if probs[best] >= self.threshold else current


@dataclass(frozen=True)
class Typer:
    """The heads a weights file holds: type, stance or both (a missing head leaves the rules' field as it is)."""

    type_head: Head | None = None
    stance_head: Head | None = None
    version: str = ""


def _head(data: dict) -> Head:
    classes = tuple(str(c) for c in data["classes"])
    bias = tuple(float(b) for b in data["bias"])
    weights = {str(k): tuple(float(x) for x in v) for k, v in data["weights"].items()}
    if len(bias) != len(classes) or any(len(w) != len(classes) for w in weights.values()) or len(classes) < 2:
        raise ValueError("a weight vector's length is not the number of classes")
    return Head(classes, bias, weights, float(data["threshold"]))


def read_typer(path: Path | str) -> Typer:
    """The typer in ``path``; ``TyperError`` if it is not a typer's weights file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        typ, stance = data.get("type"), data.get("stance")
        if not typ and not stance:
            raise KeyError("neither a 'type' nor a 'stance' head")
        return Typer(_head(typ) if typ else None, _head(stance) if stance else None, str(data.get("version", "")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise TyperError(f"{path}: not a claim typer's weights file ({e}); rewrite it with "
                         "`python benchmarks/experiments/claim_typer.py --export`") from e


_override: list[Typer | None] = []


@lru_cache(maxsize=1)
def _shipped() -> Typer | None:
    return read_typer(DATA) if DATA.exists() else None


def load_typer() -> Typer | None:
    """The typer in use: one set by ``use_typer`` (a benchmark's fold), else the shipped file (None if absent)."""
    return _override[-1] if _override else _shipped()


def use_typer(typer: Typer | None) -> None:
    """Use ``typer`` (None: the rules' types) instead of the shipped file."""
    _override.clear()
    _override.append(typer)


def reset_typer() -> None:
    _override.clear()


def _span(doc: Doc, m: Mention) -> Span | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _label(doc: Doc, m: Mention | None) -> str:
    """A mention's entity label (or its head's part of speech): never its words."""
    span = _span(doc, m) if m is not None else None
    if span is None:
        return "none"
    if span.ents:
        return span.ents[0].label_
    return span.root.ent_type_ or span.root.pos_


def _head_word(doc: Doc, m: Mention | None) -> str | None:
    """A mention's head lemma when it is a common word ("border", "people", "union"), never a name."""
    span = _span(doc, m) if m is not None else None
    if span is None or span.root.pos_ == "PROPN" or span.root.ent_type_ or capitalised(span.root):
        return None
    return span.root.lemma_.lower()


def capitalised(t) -> bool:
    """Capitalised and not a stop word ("The", "We", "I"): possibly a name the tagger missed ("Kelveshi", "LORME")."""
    return (t.is_title or t.is_upper and len(t.text) > 1) and not t.is_stop


def _tokens(span: Span) -> list[str]:
    """Lower-case lemmas with entities replaced by their label, other proper nouns and capitalised words by PROPN,
    numbers by NUM: no name is a feature."""
    toks: list[str] = []
    for t in span:
        if t.is_space or t.is_punct and t.text not in _QMARKS:
            continue
        if t.ent_type_:
            tok = "ENT_" + t.ent_type_
            if toks and toks[-1] == tok and t.ent_iob_ == "I":
                continue
        elif t.pos_ == "PROPN" or capitalised(t):
            tok = "PROPN"
        elif t.like_num:
            tok = "NUM"
        elif t.text in _QMARKS:
            tok = "QMARK"
        else:
            tok = t.lemma_.lower()
        toks.append(tok)
    return toks


def _own(doc: Doc, claim: Claim) -> bool:
    """The object is the claimant's own polity: a word of the object's name is in the claimant's."""
    if claim.claimant is None or claim.target is None:
        return False
    text = text_of(doc)
    words = lambda m: {w.lower().strip(".,'’s") for w in m.text_in(text).split() if w[:1].isupper()}  # noqa: E731
    return bool(words(claim.target) & words(claim.claimant) - {"the"})


def claim_features(doc: Doc, claim: Claim, quotes: list[Quote]) -> list[str]:
    """The typer's features of one claim (sorted, no names): its rule fields, evidence words and parts."""
    from annotator.nlp.claim_field import field_of

    feats = {"rule=" + claim.claim_type, "cue=" + (claim.cue or "none"),
             f"cuetype={claim.cue or 'none'}|{claim.claim_type}", "stance=" + str(claim.stance),
             "aspect=" + str(claim.aspect), "claimant=" + ("outlet" if claim.outlet else _label(doc, claim.claimant)),
             "object=" + _label(doc, claim.target)}
    head = _head_word(doc, claim.target)
    if head:
        feats.add("objhead=" + head)
    if _own(doc, claim):
        feats.add("object_own")
    spans = [s for s in (_span(doc, m) for m in claim.evidence[:3]) if s is not None]
    quoted = any(q.kind == "quote" and q.start < claim.end and claim.start < q.end for q in quotes)
    feats.add("quoted" if quoted else "unquoted")
    for span in spans:
        toks = _tokens(span)
        feats.update("w=" + t for t in toks)
        feats.update(f"b={a}_{b}" for a, b in zip(toks, toks[1:], strict=False))
        for sent in {t.sent for t in span}:
            if not capitalised(sent.root) and sent.root.pos_ != "PROPN":
                feats.add("root=" + sent.root.lemma_.lower())
        if any(t.dep_ == "neg" for t in span):
            feats.add("neg")
    if spans:
        f = field_of(spans[0], quoted)
        feats.update("field=" + k for k in f.classes)
        if f.predicate is not None:
            feats.add("pred=" + f.predicate.claim_type)
        if f.peoples_right:
            feats.add("peoples_right")
        if f.treaty_only:
            feats.add("treaty_only")
        if f.polity is not None:
            feats.add("polity=" + (f.polity.ent_type_ or f.polity.pos_))
    return sorted(feats)


def typed(doc: Doc, claims: list[Claim], quotes: list[Quote], typer: Typer | None = None) -> list[Claim]:
    """``claims`` with each type (and stance, if the file has a stance head) the typer's when it is confident;
    a retyped claim that now repeats another's evidence, type and object is dropped (the more confident stays)."""
    typer = typer or load_typer()
    if typer is None or not claims:
        return list(claims)
    return retyped(claims, [claim_features(doc, c, quotes) for c in claims], typer)


def retyped(claims: list[Claim], features: list[list[str]], typer: Typer) -> list[Claim]:
    """``typed`` on features already computed (``features[i]`` of ``claims[i]``)."""
    out = []
    for c, feats in zip(claims, features, strict=True):
        typ = typer.type_head.choose(feats, c.claim_type) if typer.type_head is not None else c.claim_type
        stance = typer.stance_head.choose(feats, c.stance) if typer.stance_head is not None else c.stance
        if typ != c.claim_type or stance != c.stance:
            strength = c.strength
            if stance != c.stance:
                strength = 0 if stance == "neutral" else abs(c.strength or 1) * (1 if stance == "favour" else -1)
            c = c.with_(claim_type=typ, stance=stance, strength=strength)
        out.append(c)
    from annotator.nlp.claims import one_per_type

    return one_per_type(out)
