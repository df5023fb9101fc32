"""Plain ``.txt`` articles: one document per file, UTF-8 (with or without BOM)."""

from __future__ import annotations

from pathlib import Path

from annotator.domain import Document, normalise_text
from annotator.formats.jsonl import FormatError

MAX_BYTES = 50 * 1024 * 1024


def read_text_file(path: Path, source: str) -> Document:
    """Read one article; raise FormatError naming the file and the reason if it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FormatError(f"{source}: {size / 2**20:.1f} MB is larger than the {MAX_BYTES / 2**20:.0f} MB limit")
        data = path.read_bytes()
    except FileNotFoundError:
        raise FormatError(f"{source}: file not found") from None
    except IsADirectoryError:
        raise FormatError(f"{source}: is a folder") from None
    except PermissionError:
        raise FormatError(f"{source}: permission denied") from None
    except OSError as exc:
        raise FormatError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError(f"{source}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise UnicodeDecodeError("utf-16", data, 0, 1, "no byte order mark")
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise FormatError(
                f"{source}: not UTF-8 (bad byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "convert it with: iconv -f LATIN1 -t UTF-8"
            ) from None
    text = normalise_text(text)
    if not text.strip():
        raise FormatError(f"{source}: empty file")
    if "\x00" in text:
        raise FormatError(f"{source}: contains NUL characters (binary data?)")
    return Document(text=text, meta={"source": source})
