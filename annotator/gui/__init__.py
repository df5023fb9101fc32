"""The desktop window (the only package that imports Qt); start it with ``run_gui``."""

from __future__ import annotations

from typing import Any

# What the launch window's first paint needs of the core, before Qt: once PySide6 is imported it reads the source
# of every module imported after it (looking for `from __feature__ import`), about a quarter of a millisecond each.
# The rest of the core (the commands, the API) comes with the full window, after the first paint (launch.py).
import annotator.codebook  # noqa: E402, F401
import annotator.store  # noqa: E402, F401  (the domain)

__all__ = ["run_gui"]


def __getattr__(name: str) -> Any:
    if name == "run_gui":
        from annotator.gui.launch import run_gui

        return run_gui
    raise AttributeError(name)
