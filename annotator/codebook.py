"""Load and validate the codebook (``resources/codebook.toml``): entity labels, claim types, stances and aspects.

The default codebook ships inside the package as ``annotator.resources``, found through that package (the file
on disk, or importlib.resources for a zipped install), so an installed wheel finds it from any folder.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.domain import Span

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

DEFAULT_RESOURCE = ("annotator.resources", "codebook.toml")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LABEL = re.compile(r"^[A-Z][A-Z0-9_]*$")
RESERVED_KEYS = frozenset("qsxrac")  # quote, speaker, delete, resize, accept, claim: keys the window uses
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
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
class Choice:
    """A claim type, stance or aspect: an id stored on claims, a name shown, a key, a colour, a definition."""

    id: str
    name: str
    key: str = ""
    color: str = UNKNOWN_COLOR
    definition: str = ""
    example: str = ""
    value: int = 0  # a stance's sign: -1 against, 0 neutral, 1 favour


@dataclass(frozen=True)
class Codebook:
    entities: tuple[EntityLabel, ...]
    path: str = ""
    claim_types: tuple[Choice, ...] = ()
    stances: tuple[Choice, ...] = ()
    aspects: tuple[Choice, ...] = ()

    def claim_type(self, type_id: str | None) -> Choice | None:
        return next((c for c in self.claim_types if c.id == type_id), None)

    def stance(self, stance_id: str | None) -> Choice | None:
        return next((c for c in self.stances if c.id == stance_id), None)

    def aspect(self, aspect_id: str | None) -> Choice | None:
        return next((c for c in self.aspects if c.id == aspect_id), None)

    def claim_type_by_key(self, key: str) -> Choice | None:
        return next((c for c in self.claim_types if c.key == key), None)

    def stance_by_key(self, key: str) -> Choice | None:
        if key == "=":  # + without Shift on most keyboards
            key = "+"
        return next((c for c in self.stances if c.key == key), None)

    def type_name(self, type_id: str | None) -> str:
        """The name shown for a claim type; an id the codebook no longer has is shown, marked unknown."""
        if not type_id:
            return "(no type)"
        choice = self.claim_type(type_id)
        return choice.name if choice else f"{type_id} (unknown type)"

    def stance_name(self, stance_id: str | None) -> str:
        if not stance_id:
            return "(no stance)"
        choice = self.stance(stance_id)
        return choice.name if choice else f"{stance_id} (unknown stance)"

    def unknown_values(self, claims: Iterable[Any]) -> dict[str, int]:
        """Claim types, stances and aspects used by ``claims`` that this codebook does not define, with counts
        (``"type foo": 3``): shown and reported, never dropped."""
        out: dict[str, int] = {}
        for c in claims:
            for what, value, known in (("type", c.claim_type, self.claim_type), ("stance", c.stance, self.stance),
                                       ("aspect", c.aspect, self.aspect)):
                if value and known(value) is None:
                    out[f"{what} {value}"] = out.get(f"{what} {value}", 0) + 1
        return out

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
    if "claim_type" not in data and "stance" not in data and path != _DEFAULT_NAME:
        claims = _default_claims()  # an older codebook without claims gets the shipped claim scheme
        return Codebook(tuple(entities), path, *claims)
    taken = {**{k: f"entity {v}" for k, v in seen_keys.items()}, **{k: "the window" for k in RESERVED_KEYS}}
    types = _choices(data, "claim_type", text, path, taken, need=("id", "name", "key", "color", "definition", "example"))
    stances = _choices(data, "stance", text, path, taken, need=("id", "name", "key", "color", "value"))
    aspects = _choices(data, "aspect", text, path, taken, need=("id", "name", "definition"))
    if not types:
        raise CodebookError(f"{path}: no [[claim_type]] tables; add at least one with id, name, key, color, "
                            "definition and example")
    if not stances:
        raise CodebookError(f"{path}: no [[stance]] tables; add against, neutral and favour with id, name, key, "
                            "color and value")
    return Codebook(tuple(entities), path, types, stances, aspects)


_DEFAULT_NAME = "<default codebook>"


def _default_claims() -> tuple[tuple[Choice, ...], tuple[Choice, ...], tuple[Choice, ...]]:
    book = parse_codebook(default_codebook().read_text(encoding="utf-8"), _DEFAULT_NAME)
    return book.claim_types, book.stances, book.aspects


def _choices(data: dict[str, Any], table: str, text: str, path: str, taken: dict[str, str],
             need: tuple[str, ...]) -> tuple[Choice, ...]:
    """The ``[[table]]`` entries as Choices, each checked: id form, duplicates, keys free, colours, values."""
    raw = data.get(table, [])
    if not isinstance(raw, list):
        raise CodebookError(f"{path}: {table} must be written as [[{table}]] tables")
    out: list[Choice] = []
    ids: set[str] = set()
    for index, item in enumerate(raw, start=1):
        where = f"{path}: {table} #{index}"
        if not isinstance(item, dict):
            raise CodebookError(f"{where}: must be a table with {', '.join(need)}")
        cid = item.get("id")
        if not isinstance(cid, str) or not _ID.match(cid):
            raise CodebookError(f"{where}: id {cid!r} must be lower_case letters, digits or _")
        line = _line_of(text, f'"{cid}"')
        where = f"{path}, line {line}: {table} {cid}"
        if cid in ids:
            raise CodebookError(f"{where}: id is listed twice; remove one of them")
        for name in need:
            if name not in item:
                raise CodebookError(f"{where}: missing {name}; add {name} = …")
        for name in ("name", "definition", "example"):
            if name in item and not isinstance(item[name], str):
                raise CodebookError(f"{where}: {name} must be a string")
        key = item.get("key", "")
        if "key" in need:
            if not isinstance(key, str) or len(key) != 1 or key.isspace():
                raise CodebookError(f"{where}: key {key!r} must be one character")
            if key in taken:
                raise CodebookError(f"{where}: key {key!r} is already used by {taken[key]}; pick another")
            taken[key] = f"{table} {cid}"
        color = item.get("color", UNKNOWN_COLOR)
        if "color" in need and (not isinstance(color, str) or not _COLOR.match(color)):
            raise CodebookError(f"{where}: color {color!r} must look like #a1b2c3")
        value = item.get("value", 0)
        if "value" in need and (isinstance(value, bool) or value not in (-1, 0, 1)):
            raise CodebookError(f"{where}: value {value!r} must be -1 (against), 0 (neutral) or 1 (favour)")
        ids.add(cid)
        out.append(Choice(cid, item["name"], key, color, item.get("definition", ""), item.get("example", ""), value))
    return tuple(out)


def default_codebook() -> Path | Traversable:
    """The codebook shipped in the package (the top-level ``resources/codebook.toml`` of the source tree): the
    file itself when the package is on disk (importlib.resources, with zipfile, bz2 and lzma, is a tenth of what
    the window's launch imports of our own), else through importlib.resources (a zipped install)."""
    from importlib.util import find_spec

    package, name = DEFAULT_RESOURCE
    spec = find_spec(package)
    if spec is None:
        raise ModuleNotFoundError(package)
    if spec.origin:
        on_disk = Path(spec.origin).with_name(name)
        if on_disk.is_file():
            return on_disk
    from importlib.resources import files

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
