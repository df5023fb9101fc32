"""First names of decisive gender (data/first_names.tsv, derived from nomquamgender by
benchmarks/experiments/build_first_names.py): a weak gender for a named person that the text overrides."""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files

# letters NFKD does not take apart, as nomquamgender's ASCII folding (unidecode) writes them
_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ı": "i"})


@cache
def first_names() -> dict[str, str]:
    """The table, read once: a lower-cased ASCII first name -> "f" or "m"."""
    text = files("annotator.nlp").joinpath("data", "first_names.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            out[name] = gender
    return out


def fold(word: str) -> str:
    """A name as the table spells it: lower case, accents and other marks dropped ("Chloë" -> "chloe")."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def first_name_gender(word: str) -> str | None:
    """ "f" or "m" for a first name the table holds, None for one it does not (a unisex or an unknown name)."""
    return first_names().get(fold(word))
