"""Load and validate the codebook (``resources/codebook.toml``): entity labels with their keys and colours.

The default codebook ships inside the package as ``annotator.resources`` and is read with importlib.resources,
so an installed wheel finds it from any folder.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from annotator.domain import Span

DEFAULT_RESOURCE = ("annotator.resources", "codebook.toml")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LABEL = re.compile(r"^[A-Z][A-Z0-9_]*$")
RESERVED_KEYS = frozenset("qsxra")  # quote, speaker, delete, resize, accept: keys the window uses
UNKNOWN_COLOR = "#eeeeee"  # labels outside the codebook: distinct from every default colour, colour-blind too


class CodebookError(ValueError):
    """The codebook file is missing or malformed; the message names the file, line and fix."""


@dataclass(frozen=True)
class EntityLabel:
    label: str
    key: str
    color: str
    description: str = ""


@dataclass(frozen=True)
class Codebook:
    entities: tuple[EntityLabel, ...]
    path: str = ""

    @property
    def labels(self) -> list[str]:
        return [e.label for e in self.entities]

    def by_key(self, key: str) -> EntityLabel | None:
        for e in self.entities:
            if e.key == key.lower():
                return e
        return None

    def color(self, label: str) -> str:
        for e in self.entities:
            if e.label == label:
                return e.color
        return UNKNOWN_COLOR

    def __contains__(self, label: object) -> bool:
        return any(e.label == label for e in self.entities)

    def keep_known(self, spans: Iterable[Span]) -> list[Span]:
        """The spans whose label is in the codebook (pre-annotation drops CARDINAL, ORDINAL, … noise)."""
        known = set(self.labels)
        return [s for s in spans if s.label in known]


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 0


def parse_codebook(text: str, path: str = "<codebook>") -> Codebook:
    """Parse codebook TOML text; raise CodebookError naming the line and the fix."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CodebookError(f"{path}: not valid TOML ({exc}); fix the syntax at that line") from None
    raw = data.get("entity")
    if not isinstance(raw, list) or not raw:
        raise CodebookError(f"{path}: no [[entity]] tables; add at least one with label, key and color")
    entities: list[EntityLabel] = []
    seen_labels: dict[str, int] = {}
    seen_keys: dict[str, str] = {}
    for index, item in enumerate(raw, start=1):
        where = f"{path}: entity #{index}"
        if not isinstance(item, dict):
            raise CodebookError(f"{where}: must be a table with label, key and color")
        label, key, color = item.get("label"), item.get("key"), item.get("color")
        if not isinstance(label, str) or not _LABEL.match(label):
            raise CodebookError(f"{where}: label {label!r} must be UPPER_CASE letters, digits or _")
        line = _line_of(text, f'"{label}"')
        where = f"{path}, line {line}: entity {label}"
        if label in seen_labels:
            raise CodebookError(f"{where}: label is listed twice; remove one of them")
        if not isinstance(key, str) or len(key) != 1 or not key.isalnum():
            raise CodebookError(f"{where}: key {key!r} must be one letter or digit")
        key = key.lower()
        if key in RESERVED_KEYS:
            raise CodebookError(f"{where}: key {key!r} is reserved by the window; pick another")
        if key in seen_keys:
            raise CodebookError(f"{where}: key {key!r} is already used by {seen_keys[key]}; pick another")
        if not isinstance(color, str) or not _COLOR.match(color):
            raise CodebookError(f"{where}: color {color!r} must look like #a1b2c3")
        description = item.get("description", "")
        if not isinstance(description, str):
            raise CodebookError(f"{where}: description must be a string")
        seen_labels[label] = index
        seen_keys[key] = label
        entities.append(EntityLabel(label, key, color, description))
    return Codebook(tuple(entities), path)


def default_codebook() -> Traversable:
    """The codebook shipped in the package (the top-level ``resources/codebook.toml`` of the source tree)."""
    package, name = DEFAULT_RESOURCE
    return files(package).joinpath(name)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read the codebook at ``path`` (default: the one shipped in the package)."""
    try:
        path = Path(path) if path else default_codebook()
    except ModuleNotFoundError:
        raise CodebookError("the default codebook is not installed (no annotator.resources); "
                            "reinstall annotator or pass --codebook FILE") from None
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CodebookError(f"{path}: codebook not found; pass an existing file") from None
    except UnicodeDecodeError:
        raise CodebookError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    return parse_codebook(text, str(path))
