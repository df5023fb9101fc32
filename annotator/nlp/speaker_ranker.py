"""A learned ranker over a quote's candidate speakers that overrides the rules' choice when it is much surer.

For each quote, ``candidates`` gathers the people, organisations and unnamed sources the resolver could pick
(the mention table around the quote, earlier quotes' speakers, the paragraph's transcript label, the rules' own
choice) plus "no speaker", one per person (mention key), each with general features only (distance and
direction, grammatical role of its nearest mentions, label, salience, the rule that chose it and its
confidence, agreement with the pronoun the rules resolved, being the previous quote's speaker, being addressed
or named inside the quote). The ranker is a conditional logit (softmax over the candidates) trained by
``benchmarks/experiments/speaker_ranker.py --export`` and shipped as ``data/speaker_ranker.json``: inference
is a sum of weights in plain Python, deterministic. ``reranked`` keeps the rules' choice unless the best
candidate's probability exceeds the rules' by the file's margin (a wider one for a rules' speaker of low
confidence); the chosen speaker's probability goes into the
quote's confidence (``Attr.confidence``: averaged with the rules' calibrated confidence, alone for an override).
A missing or damaged file leaves the rules' choice and confidence as they are.
"""

from __future__ import annotations

import json
import math
import warnings
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from annotator.nlp.attribution import Attr
from annotator.nlp.lexicon import NAME, ORG_NAME, ORG_NOUNS, PRONOUN_KIND

try:
    from annotator.nlp.once import head_indices, tokens
except ImportError:  # an older tree of the rules (the experiment's blind runs): no such helpers yet
    from functools import lru_cache

    @lru_cache(maxsize=8)
    def tokens(doc):  # noqa: D103
        return list(doc)

    @lru_cache(maxsize=8)
    def head_indices(doc):  # noqa: D103
        return [t.head.i for t in doc]

try:
    from annotator.nlp.vocatives import addressed, vocatives
except ImportError:  # an older tree of the rules (the experiment's blind runs): no one addressed

    def vocatives(art, i):  # noqa: D103
        return frozenset()

    def addressed(art, m, words):  # noqa: D103
        return False


if TYPE_CHECKING:
    from annotator.nlp.article import Article
    from annotator.nlp.coref import NamedMention

__all__ = ["Candidate", "Ranker", "RankerError", "candidates", "load_ranker", "ranker_from", "read_ranker",
           "reranked", "reset_ranker", "scores", "use_ranker"]  # fmt: skip

RULE = "ranker"  # the rule name of an attribution the ranker chose over the rules'
_SUBJ = ("nsubj", "nsubjpass")
_OBJ = ("dobj", "dative", "iobj")


class RankerError(ValueError):
    """The weights file cannot be read."""


@dataclass
class Candidate:
    """One candidate speaker of a quote: a person's representative mention (token span; None for "no speaker")."""

    key: str
    span: tuple[int, int] | None
    label: str
    feats: dict[str, float] = field(default_factory=dict)
    rule: bool = False  # the rules' own choice


@dataclass(frozen=True)
class Ranker:
    weights: dict[str, float]
    margin: float  # override the rules when p(best) - p(rules' choice) exceeds this
    version: str = ""
    weak_below: float = 0.0  # a rules' speaker with a confidence under this needs ``weak_margin`` instead
    weak_margin: float = 1.0

    def margin_for(self, a: Attr | None) -> float:
        if a is not None and a.speaker is not None and a.confidence < self.weak_below:
            return self.weak_margin
        return self.margin


def read_ranker(path) -> Ranker:
    """The ranker in a JSON file ``{"weights": {feature: w}, "margin": m}``; RankerError names what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        margin = float(data["margin"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RankerError(f"speaker ranker weights {path} cannot be read ({exc!r}); re-export them with "
                          "benchmarks/experiments/speaker_ranker.py --export") from None  # fmt: skip
    if not all(math.isfinite(w) for w in weights.values()) or not math.isfinite(margin):
        raise RankerError(f"speaker ranker weights {path} hold a value that is not a finite number")
    try:
        weak = float(data.get("weak_below", 0.0)), float(data.get("weak_margin", 1.0))
    except (TypeError, ValueError) as exc:
        raise RankerError(f"speaker ranker weights {path}: weak_below or weak_margin is not a number ({exc})") from None
    return Ranker(weights, margin, str(data.get("version", "")), *weak)


def ranker_from(path) -> Ranker | None:
    """The ranker in ``path``; None when there is no such file, and None with a warning that says how to
    mend it when it is damaged (the rules then decide alone, as they did before the ranker)."""
    if not path.is_file():
        return None
    try:
        return read_ranker(path)
    except RankerError as exc:
        warnings.warn(f"{exc}; speakers are left to the rules alone", RuntimeWarning, stacklevel=2)
        return None


@cache
def _shipped() -> Ranker | None:
    return ranker_from(files("annotator.nlp").joinpath("data", "speaker_ranker.json"))


_override: list[Ranker | None] = []
_recorder: list[list] = []


def load_ranker() -> Ranker | None:
    """The ranker in use: one set by ``use_ranker`` (an experiment's fold, a test), else the shipped file."""
    return _override[-1] if _override else _shipped()


def use_ranker(ranker: Ranker | None, record: list | None = None) -> None:
    """Use ``ranker`` (None: the rules alone) instead of the shipped file; with ``record``, append each quote's
    ``(i, candidates)`` to it (the experiment's training rows)."""
    _override.clear()
    _override.append(ranker)
    _recorder.clear()
    if record is not None:
        _recorder.append(record)


def reset_ranker() -> None:
    _override.clear()
    _recorder.clear()


def scores(ranker: Ranker, cands: list[Candidate]) -> list[float]:
    """Softmax probabilities of the candidates."""
    w = ranker.weights
    z = [sum(w.get(f, 0.0) * v for f, v in c.feats.items()) for c in cands]
    top = max(z)
    e = [math.exp(x - top) for x in z]
    s = sum(e)
    return [x / s for x in e]


# The speaker named, as written, by the subject of the quote's own reporting verb ("X said", "said X") or by the
# object of its "according to X" (a name or an organisation's noun, not a common noun the parse may have cut): the
# grammar's answer, which the ranker (distance, role, salience) scores but never replaces.
LITERAL = ("subject-of-cue", "inverted", "according-to")


def reranked(art: Article, i: int, a: Attr | None) -> Attr | None:
    """``a``, or the ranker's candidate where its probability beats the rules' choice by the margin; the chosen
    attribution's ranker probability is kept in ``prob``."""
    ranker = load_ranker()
    if ranker is None and not _recorder or not art.parsed:  # trained on parsed text only
        return a
    cands = candidates(art, i, a)
    if _recorder:
        _recorder[0].append((i, cands))
    if ranker is None or len(cands) < 2 or decided(a, cands):
        return a
    literal = a is not None and a.speaker is not None and a.mention is None and a.rule in LITERAL and (
        bool(a.label) or art.doc[a.speaker[1] - 1].lower_ in ORG_NOUNS or _indefinite(art.doc, *a.speaker))
    p = scores(ranker, cands)
    ri = next(k for k, c in enumerate(cands) if c.rule)
    best = max(range(len(cands)), key=lambda k: (p[k], -k))
    if best == ri or p[best] - p[ri] <= ranker.margin_for(a) or literal:
        return replace(a, prob=p[ri]) if a is not None and a.speaker is not None else a
    c = cands[best]
    if c.span is None:
        return Attr(RULE, None, None, None)
    return Attr(RULE, c.span, None, None, c.label, prob=p[best])


_INDEFINITE = ("a", "an", "one", "another")


def _indefinite(doc, s: int, e: int) -> bool:
    """The speaker as written is introduced as someone new ("one cabinet minister said", "a neighbour said"):
    an indefinite determiner of its own head, in the span or right before it; by the grammar no one named."""
    head = _root(doc, s, e)
    return any(doc[k].lower_ in _INDEFINITE and doc[k].head.i == head.i for k in (s - 1, s) if 0 <= k < e)


def decided(a: Attr | None, cands: list[Candidate]) -> bool:
    """The rules decided there is no speaker: a dash line naming no one readable, a clause whose subject is not
    known to speak (``quotes.DECIDED``), a Title Case headline's description the body never names
    (``carried.heading_speaker``). Not a gap for the ranker to fill."""
    from annotator.nlp.quotes import DECIDED

    if a is None or a.speaker is not None:
        return False
    return a.rule in DECIDED or any("null&headline" in c.feats for c in cands if c.span is None)


# candidates and their features


def _kind(m: NamedMention) -> str:
    if getattr(m, "head", -1) >= 0 or not m.label:
        return "U"
    if m.personal:
        return "P"
    if m.organisational:
        return "O"
    return ""


def _root(doc, s: int, e: int):
    """The token of [s, e) whose head lies outside it."""
    heads, toks = head_indices(doc), tokens(doc)  # (no Token made per word, nor for its head)
    for i in range(s, e):
        if not (s <= heads[i] < e) or heads[i] == i:
            return toks[i]
    return toks[e - 1]


def _role(art: Article, m: NamedMention) -> tuple[str, bool]:
    """The grammatical role of a mention ("subj", "obj", "poss", "pobj", "appos", "other") and whether its
    governing word is a reporting cue."""
    if not art.parsed:
        return "other", False
    r = _root(art.doc, m.start, m.end)
    dep = r.dep_
    cue = r.head.i in art.cue_starts
    if dep in _SUBJ:
        return "subj", cue
    if dep in _OBJ:
        return "obj", cue
    if dep == "poss":
        return "poss", r.head.head.i in art.cue_starts
    if dep == "pobj":
        gov = r.head.head
        return ("agent" if r.head.dep_ == "agent" or r.head.lower_ == "by" else "pobj"), gov.i in art.cue_starts or (
            r.head.i > 0 and r.head.lower_ == "to" and art.doc[r.head.i - 1].lower_ == "according"
        )
    if dep == "appos":
        return "appos", False
    return "other", False


def candidates(art: Article, i: int, a: Attr | None) -> list[Candidate]:
    """The candidate speakers of quote ``i`` (the rules' choice ``a`` among them), each with its features."""
    doc, mentions = art.doc, art.mentions
    q = art.marked[i]
    close = art.q_hi[i]
    qo, qc = art.tokens(q.open_at, close)
    qc = max(qc, qo + 1)
    paras = art.paras
    s_open, s_close = art.sent_of(q.open_at), art.sent_of(max(q.open_at, close - 1))
    p_lo, p_hi = max(0, q.para - 2), min(len(paras) - 1, q.para + 1)
    lo, hi = art.tokens(paras[p_lo][0], paras[p_hi][1])
    opens_para = not art.text[paras[q.para][0] : q.open_at].strip()
    conf = a.confidence if a is not None and a.speaker is not None else 0.0
    weak = a is None or a.speaker is None or conf < 0.75
    groups: dict[str, list[NamedMention]] = {}
    for m in mentions.between(lo, hi):
        k = _kind(m)
        if k and getattr(m, "head", -1) < 0:
            groups.setdefault(k + ":" + m.key, []).append(m)
    for m in getattr(mentions, "unnamed", ()):
        if lo <= m.start < hi:
            groups.setdefault("U:" + m.key, []).append(m)
    history: dict[str, int] = {}
    for h in mentions.history:
        k = _kind(h)
        if k:
            history[k + ":" + h.key] = history.get(k + ":" + h.key, 0) + 1
            if h.para >= q.para - 2:
                groups.setdefault(k + ":" + h.key, [])
    tr = getattr(mentions, "transcript", {}).get(q.para)
    if tr is not None:
        groups.setdefault("P:" + tr.key, [])
    rule_key = None
    if a is not None and a.speaker is not None:
        rule_key = _key_of(art, a)
        groups.setdefault(rule_key, [])
    prev_key = None
    for j in range(i - 1, -1, -1):
        pa = art.results[j]
        if pa is not None and pa.speaker is not None:
            prev_key = (_key_of(art, pa), art.marked[j].para)
            break
    pron = None
    if a is not None and a.mention is not None and a.mention[1] - a.mention[0] == 1:
        pron = PRONOUN_KIND.get(doc[a.mention[0]].lower_)
    words = vocatives(art, i)
    q_words = {t.lower_ for t in tokens(doc)[qo:qc]}
    starts_of = _starts_by_key(art)
    # each group's nearest mention before the quote and after it (token distances): a candidate's rank is how
    # many other groups are nearer
    near_before = {k: min((qo - x.end for x in ms if x.end <= qo), default=None) for k, ms in groups.items()}
    near_after = {k: min((x.start - qc for x in ms if x.start >= qc), default=None) for k, ms in groups.items()}
    out: list[Candidate] = []
    for key, ms in groups.items():
        f: dict[str, float] = {"k:" + key[0]: 1.0}
        labels = {m.label for m in ms}
        if NAME in labels or ORG_NAME in labels:
            f["uncertain_label"] = 1.0
        pos: dict[str, float] = {}
        before = [m for m in ms if m.end <= qo]
        after = [m for m in ms if m.start >= qc]
        if before:
            m = max(before, key=lambda m: m.end)
            d = qo - m.end
            pos["before"] = 1.0
            pos["before_log"] = math.log1p(d) / 3
            sd = s_open - m.sent
            pos["before_s" + str(min(sd, 3))] = 1.0
            pos["before_p" + str(min(q.para - m.para, 2))] = 1.0
            role, cue = _role(art, m)
            pos["before_" + role + ("_cue" if cue else "")] = 1.0
            if sd <= 1:
                pos[f"bs{min(sd, 1)}_{role}"] = 1.0
            if m.subject:
                pos["before_subject"] = 1.0
            if m.speaker:
                pos["before_speaker"] = 1.0
            rank = sum(1 for k2, d2 in near_before.items() if k2 != key and d2 is not None and d2 < d)
            pos["before_rank" + str(min(rank, 3))] = 1.0
        if after:
            m = min(after, key=lambda m: m.start)
            d = m.start - qc
            pos["after"] = 1.0
            pos["after_log"] = math.log1p(d) / 3
            sd = m.sent - s_close
            pos["after_s" + str(min(sd, 3))] = 1.0
            pos["after_p" + str(min(m.para - q.para, 2))] = 1.0
            role, cue = _role(art, m)
            pos["after_" + role + ("_cue" if cue else "")] = 1.0
            if sd <= 0:
                pos["as0_" + role] = 1.0
            rank = sum(1 for k2, d2 in near_after.items() if k2 != key and d2 is not None and d2 < d)
            pos["after_rank" + str(min(rank, 3))] = 1.0
        if not ms:
            pos["no_mention_near"] = 1.0
        n_before = bisect_left(starts_of.get(key, ()), qo)
        pos["salience_log"] = math.log1p(n_before) / 2
        n_q = history.get(key, 0)
        if n_q:
            pos["quoted_before"] = 1.0
            pos["quoted_log"] = math.log1p(n_q) / 2
        if prev_key is not None and prev_key[0] == key:
            pos["prev_speaker"] = 1.0
            pos["prev_speaker_p" + str(min(q.para - prev_key[1], 2))] = 1.0
        if tr is not None and key == "P:" + tr.key:
            pos["transcript"] = 1.0
        if pron in ("m", "f") and key[0] == "P":
            g = mentions.gender(key[2:])
            pos["gender_" + ("unknown" if g is None else "agree" if g == pron else "clash")] = 1.0
        elif pron in ("m", "f") and key[0] != "P":
            pos["gender_not_person"] = 1.0
        if ms and words and any(addressed(art, m, words) for m in ms[:1]):
            pos["addressed"] = 1.0
        if key[0] in "PO" and key[2:] in q_words:
            pos["named_in_quote"] = 1.0
        if opens_para:
            pos[
                "opens_para&"
                + ("before_p1" if pos.get("before_p1") else "before_p0" if pos.get("before_p0") else "none")
            ] = 1.0
        f.update(pos)
        if weak:
            f.update({"w:" + k: v for k, v in pos.items()})
        is_rule = key == rule_key
        if is_rule:
            f["rule"] = 1.0
            f["rule:" + a.rule] = 1.0
            f["rule_conf"] = conf
            if a.mention is not None:
                f["rule_via:" + getattr(a, "via", "coref")] = 1.0
                f["rule_pron" if pron else "rule_described"] = 1.0
        span = a.speaker if is_rule else _representative(ms, qo)
        if span is None:
            h = next((h for h in reversed(mentions.history) if (_kind(h) or "U") + ":" + h.key == key), None)
            span = (h.start, h.end) if h is not None else (tr.start, tr.end) if tr is not None else None
        if span is None:
            continue
        label = a.label if is_rule else (ms[0].label if ms else "PERSON" if key[0] == "P" else "")
        out.append(Candidate(key, span, label, f, is_rule))
    nf = {"null": 1.0}
    if a is None or a.speaker is None:
        nf["null&rule"] = 1.0
        nf["null&rule:" + (a.rule if a is not None else "none")] = 1.0
    if opens_para:
        nf["null&opens_para"] = 1.0
    if any(lo <= q.open_at < hi for lo, hi in art.title_lines):
        nf["null&headline"] = 1.0
    if not out:
        nf["null&alone"] = 1.0
    out.append(Candidate("", None, "", nf, a is None or a.speaker is None))
    return out


def _starts_by_key(art: Article) -> dict[str, list[int]]:
    """The start tokens of each person's named mentions, in order (worked out once per article)."""
    if not hasattr(art, "memo"):  # an older tree of the rules (the experiment's blind runs)
        art.memo = {}
    got = art.memo.get("speaker_ranker.starts")
    if got is None:
        got = {}
        for m in art.mentions.items:
            k = _kind(m)
            if k:
                got.setdefault(k + ":" + m.key, []).append(m.start)
        art.memo["speaker_ranker.starts"] = got
    return got


def _key_of(art: Article, a: Attr) -> str:
    """The candidate key of an attribution's speaker."""
    if not hasattr(art, "memo"):
        art.memo = {}
    cache = art.memo.setdefault("speaker_ranker.keys", {})
    at = (a.speaker, a.label)
    if at not in cache:
        m = art.mentions.make(*a.speaker, a.label or "")
        cache[at] = (_kind(m) or "U") + ":" + m.key
    return cache[at]


def _representative(ms: list[NamedMention], qo: int) -> tuple[int, int] | None:
    """The fullest of a person's mentions, the nearest of equals."""
    if not ms:
        return None
    m = max(ms, key=lambda m: (m.end - m.start, -abs(m.start - qo)))
    return m.start, m.end
