"""A real install: build the wheel, install it into a fresh venv, import and export the seeds from elsewhere.

No network: the wheel is built with the test venv's setuptools (--no-build-isolation) and installed with
--no-deps; the fresh venv sees the test venv's dependencies through a .pth line (which, unlike a site dir,
does not run the editable install's finder, so ``annotator`` can only come from the wheel).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from annotator.domain import normalise_text

from .conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow

SKIP = shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__", ".*_cache", "*.db*")


def _run(args: list, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh venv holding only the wheel built from a copy of the source tree."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(ROOT, src, ignore=SKIP)  # build from a copy: no build/ or egg-info left in the worktree
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", base / "dist", src], base)
    wheel = next((base / "dist").glob("annotator-*.whl"))
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    purelib = Path(_run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base).stdout.strip())
    (purelib / "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", py, "install", "--no-deps", "--no-index", "-q", wheel], base)
    return env_dir / "bin"


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ANNOTATOR_DB", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_the_wheel_holds_every_package_and_the_codebook(installed):
    wheel = next(installed.parent.parent.glob("dist/annotator-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "annotator").rglob("*.py")}
    assert source - names == set(), "modules missing from the wheel: add their package to [tool.setuptools] packages"
    assert "annotator/resources/codebook.toml" in names
    data = {p.relative_to(ROOT).as_posix() for p in (ROOT / "annotator" / "nlp" / "data").iterdir() if p.is_file()}
    assert data - names == set(), "nlp data files missing from the wheel: add their pattern to [tool.setuptools.package-data]"
    assert (ROOT / "resources" / "codebook.toml").read_bytes() == zipfile.ZipFile(wheel).read(
        "annotator/resources/codebook.toml"
    ), "the packaged codebook is the top-level resources/codebook.toml"


def test_installed_wheel_imports_and_exports_the_seeds_from_another_folder(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _env()
    where = _run([installed / "python", "-c", "import annotator; print(annotator.__file__)"], elsewhere, env).stdout
    assert Path(where.strip()).is_relative_to(installed.parent), f"annotator came from {where}, not the wheel"
    db = elsewhere / "news.db"
    result = _run([installed / "annotator", "import", SEEDS, "--no-preannotate", "--db", db], elsewhere, env)
    seeds = sorted(SEEDS.glob("*.txt"))
    assert f"imported {len(seeds)} new document(s)" in result.stderr
    out = elsewhere / "out.jsonl"
    _run([installed / "annotator", "export", "--db", db, "-o", out], elsewhere, env)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = {p.name: normalise_text(p.read_bytes().decode("utf-8-sig")) for p in seeds}
    assert {r["meta"]["source"]: r["text"] for r in records} == expected
    assert all(r["status"] == "new" and r["spans"] == [] and r["quotes"] == [] for r in records)
