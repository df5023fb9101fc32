"""``has_long_run`` (which picks the article's wrap mode) says what the plain pattern says, without its cost."""

from __future__ import annotations

import random

import pytest

from annotator.gui.textview import _LONG_RUN, LONG_RUN, has_long_run


def _cases() -> list[str]:
    rng = random.Random(7)
    out = ["", " ", "x" * (LONG_RUN - 1), "x" * LONG_RUN, " " + "y" * LONG_RUN + " ", "a b\n" * 3000]
    for n in (LONG_RUN - 1, LONG_RUN, LONG_RUN + 1, 3 * LONG_RUN):  # runs across every alignment of the stretches
        for offset in (0, 1, 499, 500, 999, 1000, 1001, 1999):
            out.append("w " * offset + "z" * n + " tail")
            out.append("\u05e9 " * offset + "\U0001F600" * n)  # right-to-left words, astral characters
    for _ in range(40):
        words = ["".join(rng.choice("ab\u0301") for _ in range(rng.randint(1, 1500))) for _ in range(rng.randint(1, 30))]
        out.append(rng.choice([" ", "\n", "\t", "\u00a0", "\r\n"]).join(words))
    return out


@pytest.mark.parametrize("text", _cases(), ids=lambda t: f"{len(t)}")
def test_the_same_answer_as_the_pattern_over_the_whole_text(text):
    assert has_long_run(text) == bool(_LONG_RUN.search(text))
