"""Can a window open here? On Linux Qt needs an X11 or Wayland display; checked before Qt is started.

No Qt is imported: without a display, creating the QApplication aborts the process (exit 134) with a
message about xcb-cursor0 that misleads more than it helps.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

NO_DISPLAY = (
    "no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot open here; "
    "the headless commands work (annotator import/export/stats …, see annotator --help), "
    "or start the window without a screen with QT_QPA_PLATFORM=offscreen"
)


def _usable(platform: str, environ: Mapping[str, str]) -> bool:
    """Whether Qt's platform plugin ``platform`` can start with this environment."""
    if platform == "xcb":
        return bool(environ.get("DISPLAY"))
    if platform.startswith("wayland"):
        return bool(environ.get("WAYLAND_DISPLAY"))
    return True  # offscreen, minimal, vnc, eglfs, linuxfb …: no display server needed


def missing_display(environ: Mapping[str, str] | None = None, system: str | None = None) -> str | None:
    """One line saying why no window can open, or None when one can (or the system is not X11/Wayland)."""
    environ = os.environ if environ is None else environ
    system = sys.platform if system is None else system
    if system.startswith(("win", "darwin", "cygwin")):
        return None
    requested = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    # "wayland;xcb" is a list of fallbacks; "xcb:option=value" carries options after the colon
    candidates = [p.split(":")[0].strip() for p in requested.split(";") if p.strip()] or ["wayland", "xcb"]
    return None if any(_usable(p, environ) for p in candidates) else NO_DISPLAY
