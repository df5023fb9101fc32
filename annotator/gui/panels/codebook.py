"""The codebook beside the text (F2): claim types with their keys, definitions and examples; stances;
aspects; entity labels. Plain text, read-only."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.codebook import Codebook


def codebook_text(book: Codebook) -> str:
    """The codebook as a reference sheet."""
    lines = ["CLAIM TYPES (press the key with a claim selected)", ""]
    for c in book.claim_types:
        lines += [f"{c.key}  {c.name}  [{c.id}]", f"   {c.definition}", f"   e.g. {c.example}", ""]
    lines += ["STANCES (toward the object's sovereignty or status; the same key again: strength ±2)", ""]
    lines += [f"{s.key}  {s.name}  [{s.id}]" for s in book.stances]
    if book.aspects:
        lines += ["", "ASPECTS", ""]
        for a in book.aspects:
            lines += [f"{a.name}  [{a.id}]", f"   {a.definition}"]
    lines += ["", "ENTITY LABELS (press the key with text selected)", ""]
    for e in book.entities:
        lines.append(f"{e.key}  {e.label}" + (f": {e.description}" if e.description else ""))
    lines += ["", f"from {book.path or 'the shipped codebook'}"]
    return "\n".join(lines)


class CodebookView(QPlainTextEdit):
    def __init__(self, book: Codebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setPlainText(codebook_text(book))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
