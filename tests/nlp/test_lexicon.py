"""The word lists ship as package data, each entry under one general class."""

from __future__ import annotations

import tomllib
from importlib.resources import files

from annotator.nlp import lexicon


def test_lexicon_loads_from_the_package_and_every_class_has_words():
    data = tomllib.loads(files("annotator.nlp").joinpath("data", "lexicon.toml").read_text(encoding="utf-8"))
    assert data["reporting_verbs"] and all(v.split() for section in data.values() for v in section.values())


def test_a_word_sits_in_one_class_of_its_list():
    for section in ("reporting_verbs", "title_heads", "org_nouns", "proxy_nouns"):
        seen: dict[str, str] = {}
        for name, words in lexicon.classes(section).items():
            for w in words:
                assert w not in seen, f"{section}: {w!r} in {seen[w]} and {name}"
                seen[w] = name


def test_the_lists_are_the_union_of_their_classes():
    assert lexicon.REPORTING_VERBS == frozenset().union(*lexicon.classes("reporting_verbs").values())
    assert "say" in lexicon.classes("reporting_verbs")["speech"]
    assert lexicon.CUE_FORMS["said"] == "say" and lexicon.CUE_FORMS["wrote"] == "write"
