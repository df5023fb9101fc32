"""sqlite-utils, imported without looking for numpy and pandas (it would map their number types, which annotator
never stores): importing numpy cost the window's launch about 0.15 s. Both import normally afterwards."""

from __future__ import annotations

import sys


def _load():
    blocked = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # `import numpy` raises ImportError meanwhile
    try:
        from sqlite_utils import Database
        from sqlite_utils.migrations import Migrations
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return Database, Migrations


Database, Migrations = _load()
