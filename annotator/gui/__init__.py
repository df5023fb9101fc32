"""The desktop window (the only package that imports Qt); start it with ``run_gui``."""

from __future__ import annotations

from typing import Any

__all__ = ["run_gui"]


def __getattr__(name: str) -> Any:
    if name == "run_gui":
        from annotator.gui.app import run_gui

        return run_gui
    raise AttributeError(name)
