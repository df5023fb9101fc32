"""Who issued a document that speaks ("the statement said"): the subject of the last
"said in a statement" before it, when that subject is a named mention."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.nlp.coref import Mentions, NamedMention


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
        if subj is None:
            continue
        for m in mentions.between(subj.left_edge.i, subj.i + 1):
            if m.personal or m.organisational:
                return mentions.best_name(m, at)
    return None
