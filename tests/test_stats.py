"""annotator stats: counts per label, status, analyst, source and speaker, a PNG plot, and a database left as it was."""

import hashlib

from click.testing import CliRunner

from annotator.cli import cli

from .test_formats import make_db


def test_stats_counts_and_plot_change_nothing(tmp_path):
    db = tmp_path / "a.db"
    make_db(db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = CliRunner().invoke(cli, ["stats", "--db", str(db), "--plot", str(tmp_path / "s.png")])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for line in ("│ ana ", "│ Krunn ", "│ wire/korvel.txt ", "│ PERSON ", "│ done "):
        assert line in out, line
    assert "claims by type and stance" in out and "│ pooling " in out  # the rejected contest claim is not counted
    assert "│ contest " not in out
    assert "splits: train 1, dev 0, test 0, none 0" in out
    png = (tmp_path / "s.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    bad = CliRunner().invoke(cli, ["stats", "--db", str(db), "--plot", str(tmp_path / "s.jpg")])
    assert bad.exit_code == 2 and "PNG" in bad.stderr


def test_the_plot_draws_names_as_their_characters_never_as_mathtext(tmp_path):
    """A speaker or source with dollar signs ("US$ 5 … $", a file "a$b$c.txt"): matplotlib read "$…$" as maths and
    one it cannot parse stopped the plot (stats --plot and the window's statistics)."""
    import io

    from matplotlib.figure import Figure

    from annotator.curation import plot as plot_module

    made: list[Figure] = []
    real = plot_module.Figure
    plot_module.Figure = lambda *a, **k: made.append(real(*a, **k)) or made[-1]  # type: ignore[misc]
    try:
        png = io.BytesIO()
        assert plot_module.plot({"quotes by speaker": [(r"$\frac{$ Ana", 3), ("a$b$c.txt", 2), ("<b>x</b>", 1)]},
                                png) == 1
    finally:
        plot_module.Figure = real
    assert png.getvalue().startswith(b"\x89PNG")
    labels = [t for t in made[0].axes[0].get_yticklabels()]
    assert [t.get_text() for t in labels] == ["<b>x</b>", "a$b$c.txt", r"$\frac{$ Ana"]
    assert not any(t.get_parse_math() for t in labels)
