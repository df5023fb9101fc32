"""The desktop window (the only package that imports Qt); start it with ``run_gui``."""

from __future__ import annotations

from typing import Any

# The core before Qt: once PySide6 is imported it reads the source of every module imported after it (looking for
# `from __feature__ import`), about a quarter of a millisecond each, and the window needs some eighty of ours
# and the standard library's.
import annotator.api  # noqa: E402, F401  (the store, the commands, the domain)
import annotator.codebook  # noqa: E402, F401

__all__ = ["run_gui"]


def __getattr__(name: str) -> Any:
    if name == "run_gui":
        from annotator.gui.app import run_gui

        return run_gui
    raise AttributeError(name)
