"""The statistics of ``annotator stats`` as bar charts in one PNG (matplotlib, no window, no pyplot)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

TOP = 15  # bars per chart at most


def charts(counts: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
    """The charts of the statistics (``Store.counts()``): the same in ``annotator stats --plot`` and the window."""
    return {
        "documents by status": sorted(counts["status"].items()),
        "spans by label": counts["labels"],
        "annotations by analyst": [(a, s + q) for a, s, q in counts["analysts"]],
        "documents by source": counts["sources"],
        "quotes by speaker": counts["speakers"],
        "claims by type and stance": [(f"{t} {st}".strip(), n) for t, st, n in counts["claims"]],
    }


def plot(charts: dict[str, list[tuple[str, int]]], path: str | Path | IO[bytes]) -> int:
    """One horizontal bar chart per non-empty entry of ``charts`` (title -> [(name, count)]); return how many."""
    shown = {title: rows[:TOP] for title, rows in charts.items() if rows}
    if not shown:
        shown = {"no data": [("(nothing to count)", 0)]}
    fig = Figure(figsize=(8, 2.2 + 0.28 * sum(len(r) + 2 for r in shown.values())))
    FigureCanvasAgg(fig)
    axes = fig.subplots(len(shown), 1, squeeze=False)[:, 0]
    for ax, (title, rows) in zip(axes, shown.items(), strict=True):
        names = [name if len(name) <= 40 else name[:39] + "…" for name, _ in rows][::-1]
        ax.barh(range(len(rows)), [n for _, n in rows][::-1], color="#4878a8")
        # names come from documents (speakers, sources): plain text, never matplotlib's mathtext ("$…$" drew as
        # maths, and a "$" it cannot parse stopped the whole plot)
        ax.set_yticks(range(len(rows)), names, fontsize=8, parse_math=False)
        ax.set_title(title, fontsize=10, loc="left")
    fig.tight_layout()
    fig.savefig(path, format="png", dpi=100)
    return len(shown)
