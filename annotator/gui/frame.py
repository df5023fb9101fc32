"""What the launch window's first paint and the full window share, so that the one looks like the other: sizes,
fonts, the menu titles, and where the settings keep the document last opened. No Qt here: both sides read it."""

from __future__ import annotations

from pathlib import Path

UI_POINT_SIZE = 10
ARTICLE_POINT_SIZE = 11.5
ARTICLE_MARGIN = 14  # pixels around the article's text
WINDOW_SIZE = (1360, 860)
MAIN_SIZES = (340, 680, 340)  # the document list, the article, the side panels
MENUS = ("&File", "&Edit", "&Document", "&Help")
FIRST_PART = 500  # documents read before the list is first painted (the rest come in parts)
GEOMETRY_KEY, MAIN_SPLITTER_KEY = "window/geometry", "window/main"
PANES_KEY = "window/panes"  # the widths the full window's list, article and side panels last took, laid out


def last_document_key(db_path: str) -> str:
    """The settings key of the document last opened on the database at ``db_path``."""
    return "last_document/" + str(Path(db_path).expanduser().resolve()).replace("/", "|")


def window_title(db_path: str, title: str | None = None) -> str:
    db = Path(db_path).name
    return f"{title} — annotator — {db}" if title else f"annotator — {db}"
