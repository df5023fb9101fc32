import pytest

from annotator.codebook import CodebookError, load_codebook, parse_codebook


def test_bundled_codebook_loads_with_unique_keys():
    cb = load_codebook()
    assert "PERSON" in cb.labels and "ORG" in cb.labels
    keys = [e.key for e in cb.entities]
    assert len(keys) == len(set(keys))
    assert cb.by_key("P").label == "PERSON"
    assert cb.color("NOT_A_LABEL") == "#c8c8c8"


GOOD = '[[entity]]\nlabel = "PERSON"\nkey = "p"\ncolor = "#aabbcc"\n'


@pytest.mark.parametrize(
    "text,fragment",
    [
        ("[[entity]\n", "not valid TOML"),
        ("title = 'x'\n", "no [[entity]] tables"),
        (GOOD + GOOD, "listed twice"),
        (GOOD + '[[entity]]\nlabel = "ORG"\nkey = "p"\ncolor = "#aabbcc"\n', "already used by PERSON"),
        ('[[entity]]\nlabel = "ORG"\nkey = "q"\ncolor = "#aabbcc"\n', "reserved"),
        ('[[entity]]\nlabel = "ORG"\nkey = "o"\ncolor = "blue"\n', "#a1b2c3"),
        ('[[entity]]\nlabel = "org"\nkey = "o"\ncolor = "#aabbcc"\n', "UPPER_CASE"),
        ('[[entity]]\nlabel = "ORG"\nkey = "oo"\ncolor = "#aabbcc"\n', "one letter"),
    ],
)
def test_bad_codebooks_name_the_problem(text, fragment):
    with pytest.raises(CodebookError) as info:
        parse_codebook(text, "cb.toml")
    assert fragment in str(info.value)
    assert "cb.toml" in str(info.value)


def test_error_names_the_line_of_the_bad_entity():
    text = GOOD + '\n[[entity]]\nlabel = "ORG"\nkey = "o"\ncolor = "red"\n'
    with pytest.raises(CodebookError, match="line 7"):
        parse_codebook(text, "cb.toml")


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(CodebookError, match="not found"):
        load_codebook(tmp_path / "nope.toml")
    bad = tmp_path / "latin.toml"
    bad.write_bytes(b"# caf\xe9\n")
    with pytest.raises(CodebookError, match="UTF-8"):
        load_codebook(bad)
