"""Write annotator/nlp/data/first_names.tsv, the first names whose gender is decisive, from the package nomquamgender.

    python -m venv /tmp/nqg && /tmp/nqg/bin/pip install nomquamgender==0.1.4
    /tmp/nqg/bin/python benchmarks/experiments/build_first_names.py [--out PATH]

nomquamgender (Ian Van Buskirk, MIT licence, https://github.com/ianvanbuskirk/nomquamgender) pools many name-gender
data sets into name_data.json: a lower-cased, ASCII-folded name -> [sources, observations, p(gf), category], p(gf)
being the share of its bearers gendered female. Loaded raw it costs seconds and hundreds of MB and imports pandas,
so it is no dependency of ours: this script, run in a throwaway venv, keeps only the names a reader would take
for one gender without a second thought, and the quote finder reads that table as a weak vote (nlp/first_names.py).

A name is kept when
  - it is letters, with hyphens between ("sofie", "anne-sofie"): no initials, markup or digits;
  - at least ``MIN_SOURCES`` (3) of the data sets know it: one or two sources are often one country's spelling
    or a transcription artefact, and pooling over several mixes countries, so a name that is male in one
    country and female in another shows up as mixed;
  - its majority gender's share is at least ``MIN_SHARE`` (0.9): the package's own default for classifying a
    name (uncertainty 0.5 - |0.5 - p| <= 0.1). A stricter 0.95 drops names that are plainly one gender in news
    text but that a few mis-coded records pull below it ("Bonnie" 0.946, "Myrtle" 0.937, "George" 0.066), and the
    table is only a weak vote that anything the text says overrides; names nearer the middle ("Devon" 0.302,
    "Dakota" 0.632, "Dominique" 0.662) stay out: the rule must rather be silent than wrong;
  - the 95% Wilson lower bound of that share over its observations is at least ``MIN_LOWER`` (0.85): a share of
    1.0 from a handful of people proves little (22 observations are needed at a share of 1.0, 50 at 0.95, 200 at 0.9).

The file: comment lines (#) with the source, its version, the thresholds and the licence notice, then one
``name<TAB>f|m`` line per name, sorted. The full MIT licence is in first_names.LICENSE beside it.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "annotator" / "nlp" / "data" / "first_names.tsv"

MIN_SOURCES = 3
MIN_SHARE = 0.9
MIN_LOWER = 0.85
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")


def wilson_lower(share: float, n: int, z: float = 1.96) -> float:
    """The lower end of the Wilson score interval of a proportion ``share`` observed over ``n`` trials."""
    if n <= 0:
        return 0.0
    centre = share + z * z / (2 * n)
    spread = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def decisive(data: dict[str, list], min_share: float = MIN_SHARE, min_lower: float = MIN_LOWER) -> dict[str, str]:
    """name -> "f" or "m" for the names kept (see the module docstring)."""
    out = {}
    for name, (sources, observations, p_female, *_rest) in data.items():
        if not _NAME.fullmatch(name) or sources < MIN_SOURCES or p_female is None:
            continue
        share = max(p_female, 1 - p_female)
        if share >= min_share and wilson_lower(share, observations) >= min_lower:
            out[name] = "f" if p_female > 0.5 else "m"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-share", type=float, default=MIN_SHARE)
    ap.add_argument("--min-lower", type=float, default=MIN_LOWER)
    args = ap.parse_args(argv)
    try:
        version = metadata.version("nomquamgender")
    except metadata.PackageNotFoundError:
        print("nomquamgender is not installed here: run this with a venv that has it (see the docstring)")
        return 1
    data = json.loads(resources.files("nomquamgender").joinpath("name_data.json").read_text(encoding="utf-8"))
    names = decisive(data, args.min_share, args.min_lower)
    licence = metadata.distribution("nomquamgender").read_text("LICENSE") or ""
    notice = next((line for line in licence.splitlines() if line.startswith("Copyright")), "")
    header = [
        f"# First names of decisive gender, from nomquamgender {version} (MIT licence; {notice}).",
        "# Written by benchmarks/experiments/build_first_names.py: at least "
        f"{MIN_SOURCES} sources, majority share >= {args.min_share}, 95% Wilson lower bound >= {args.min_lower}.",
        f"# {len(names)} names of the package's {len(data)}; the full licence is in first_names.LICENSE.",
        "# name<TAB>f|m (f: gendered female, m: gendered male)",
    ]
    lines = header + [f"{name}\t{g}" for name, g in sorted(names.items())]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (args.out.parent / "first_names.LICENSE").write_text(
        f"The table first_names.tsv is derived from the data of nomquamgender {version}\n"
        "(https://github.com/ianvanbuskirk/nomquamgender), under this licence:\n\n" + licence,
        encoding="utf-8",
    )
    female = sum(g == "f" for g in names.values())
    print(
        f"wrote {args.out}: {len(names)} names ({female} f, {len(names) - female} m), {args.out.stat().st_size} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
