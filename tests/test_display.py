"""No display: the window command says so in one line and exits 2, instead of Qt aborting (exit 134)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from annotator.gui.display import missing_display


@pytest.mark.parametrize("argv", [["gui"], []], ids=["gui", "no command"])
@pytest.mark.parametrize("platform", [None, "xcb"], ids=["QT_QPA_PLATFORM unset", "xcb"])
def test_no_display_is_one_line_and_exit_2(tmp_path, argv, platform):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if platform:
        env["QT_QPA_PLATFORM"] = platform
    db = tmp_path / "w.db"
    result = subprocess.run([sys.executable, "-m", "annotator", *argv, *(["--db", str(db)] if argv else [])],
                            env={**env, "ANNOTATOR_DB": str(db)}, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "no display found" in lines[0] and "annotator import/export/stats" in lines[0]
    assert "QT_QPA_PLATFORM=offscreen" in lines[0] and "xcb" not in lines[0].replace("QT_QPA_PLATFORM", "")
    assert not db.exists()


@pytest.mark.parametrize(
    ("environ", "system", "missing"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "vnc"}, "freebsd14", False),
        ({}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_which_environments_have_a_display(environ, system, missing):
    assert (missing_display(environ, system) is not None) is missing
