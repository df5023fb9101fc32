"""annotator: a desktop annotation tool for news analysts (entities, quotes, speakers, claims).

``annotator.open_project(path, analyst=None)`` opens a database for scripts (see ``annotator.api``).
"""

from __future__ import annotations

from typing import Any

from annotator._version import __version__

__all__ = ["open_project", "__version__"]


def __getattr__(name: str) -> Any:  # the API is imported on first use, so `annotator --help` stays fast
    if name in ("open_project", "Project"):
        from annotator import api

        return getattr(api, name)
    raise AttributeError(f"module 'annotator' has no attribute {name!r}")
