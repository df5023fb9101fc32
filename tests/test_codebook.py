import pytest

from annotator.codebook import CodebookError, load_codebook, parse_codebook


def test_bundled_codebook_loads_with_unique_keys():
    cb = load_codebook()
    assert "PERSON" in cb.labels and "ORG" in cb.labels
    keys = [e.key for e in cb.entities]
    assert len(keys) == len(set(keys))
    assert cb.by_key("P").label == "PERSON"
    assert cb.color("NOT_A_LABEL") == "#eeeeee"


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


# Machado, Oliveira & Fernandes (2009) simulation matrices, severity 1.0, on linear RGB.
_SIM = {
    "normal": None,
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _lab(color: str, matrix) -> tuple[float, float, float]:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    rgb = [linear(int(color[i : i + 2], 16)) for i in (1, 3, 5)]
    if matrix is not None:
        rgb = [max(0.0, min(1.0, sum(matrix[i][j] * rgb[j] for j in range(3)))) for i in range(3)]
    r, g, b = rgb
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (
        0.0193 * r + 0.1192 * g + 0.9505 * b
    ) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_every_pair_of_default_label_colours_is_distinguishable_also_for_colour_blind_readers():
    import itertools
    import math

    from annotator.codebook import UNKNOWN_COLOR, load_codebook

    colours = [e.color for e in load_codebook().entities] + [UNKNOWN_COLOR]
    for vision, matrix in _SIM.items():
        closest = min(
            (math.dist(_lab(a, matrix), _lab(b, matrix)), a, b) for a, b in itertools.combinations(colours, 2)
        )
        assert closest[0] >= 10, (vision, closest)  # CIE76 ΔE; the old palette fell to 3.8 (protanopia)


def test_the_default_codebook_is_the_packaged_file_or_read_through_importlib_resources(monkeypatch):
    import importlib.util

    import annotator.codebook as cb

    on_disk = cb.default_codebook()
    assert on_disk.name == "codebook.toml" and on_disk.is_file()
    real = importlib.util.find_spec

    def no_origin(name, *args):  # as a zipped install's package may look: no file path to read beside it
        spec = real(name, *args)
        if name == cb.DEFAULT_RESOURCE[0]:
            spec = importlib.util.spec_from_loader(name, spec.loader, origin=None, is_package=True)
            spec.submodule_search_locations = real(name).submodule_search_locations
        return spec

    monkeypatch.setattr(importlib.util, "find_spec", no_origin)
    through = cb.default_codebook()
    assert through.read_text(encoding="utf-8") == on_disk.read_text(encoding="utf-8")
    assert cb.load_codebook().labels == cb.parse_codebook(on_disk.read_text(encoding="utf-8"), "x").labels
