"""One claim per utterance: a claim whose evidence lies inside another claim's evidence (a quoted fragment and
the reporter's sentence around it, a quote and the transcript answer holding it) says the same words twice."""

from __future__ import annotations

from annotator.domain import Claim, Mention


def _within(inner: tuple[Mention, ...], outer: tuple[Mention, ...]) -> bool:
    """Every span of ``inner`` lies inside a wider span of ``outer`` (a span both hold is the same words, and a
    joined run of quotes holding one of them is no second utterance of it)."""
    return all(any(o.start <= m.start and m.end <= o.end and o != m for o in outer) for m in inner)


def one_per_utterance(claims: list[Claim]) -> list[Claim]:
    """Of two claims one of whose evidence lies inside the other's, the less confident goes (on a tie the one on
    the wider evidence: the quote inside it is what was said): the words are one claim, however many cues they
    hold. Claims on the same evidence are left alone (two types of claim in one quote are common)."""
    dropped: set[int] = set()
    for i, c in enumerate(claims):
        for j, o in enumerate(claims):
            if i == j or i in dropped or j in dropped or not _within(o.evidence, c.evidence):
                continue
            dropped.add(i if c.confidence <= o.confidence else j)  # c holds o: c goes unless o is less sure
    return [c for i, c in enumerate(claims) if i not in dropped]
