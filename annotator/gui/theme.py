"""Light and dark: the colours of the marks over the text (quotes, speakers, cues, the selected claim) and the
window palette. ``system`` follows the desktop's colour scheme (and its changes, where Qt reports them).

Label colours come from the codebook and keep black letters in both themes; what changes is everything drawn
on the page itself, so every mark stays visible on a dark page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette

MODES = ("system", "light", "dark")


@dataclass(frozen=True)
class Theme:
    name: str
    quote_bg: str
    quote_fg: str
    span_fg: str  # letters on a label colour
    speaker_line: str
    cue_line: str
    linked_bg: str  # the quotes of the speaker at the cursor
    speaker_bg: str  # the speaker of the quote at the cursor (and a selected claim's claimant)
    speaker_fg: str
    object_bg: str
    object_fg: str
    addressee_line: str


LIGHT = Theme("light", quote_bg="#e3ebf6", quote_fg="#1d3557", span_fg="#111111", speaker_line="#0b2545",
              cue_line="#6c757d", linked_bg="#b8cce8", speaker_bg="#264653", speaker_fg="#ffffff",
              object_bg="#ffbf3c", object_fg="#000000", addressee_line="#7b2cbf")
DARK = Theme("dark", quote_bg="#26354d", quote_fg="#dbe6f7", span_fg="#111111", speaker_line="#f1f5fb",
             cue_line="#aab4bf", linked_bg="#3b5b86", speaker_bg="#e9f1fa", speaker_fg="#0b2545",
             object_bg="#ffbf3c", object_fg="#000000", addressee_line="#d0a8ff")

_current = LIGHT


def current() -> Theme:
    return _current


def system_is_dark(app: QGuiApplication) -> bool:
    from PySide6.QtCore import Qt  # here: naming Qt makes its hundred enum types, which the launch's first paint avoids

    hints = app.styleHints()
    scheme = getattr(hints, "colorScheme", None)  # Qt 6.5+
    if scheme is not None and scheme() != Qt.ColorScheme.Unknown:
        return scheme() == Qt.ColorScheme.Dark
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#17181a"), (QPalette.ColorRole.AlternateBase, "#24262a"),
                         (QPalette.ColorRole.Text, "#e8eaed"), (QPalette.ColorRole.Button, "#2b2d31"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed"), (QPalette.ColorRole.Highlight, "#3d6bb3"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.ToolTipBase, "#2b2d31"),
                         (QPalette.ColorRole.ToolTipText, "#e8eaed"), (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
                         (QPalette.ColorRole.Link, "#8ab4f8")):
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6f7378"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#6f7378"))
    return p


def apply(app: QGuiApplication, mode: str = "system") -> Theme:
    """Choose the theme for ``mode`` (system, light, dark); a forced dark or light sets the window palette too."""
    global _current
    if mode not in MODES:
        raise ValueError(f"theme is one of {', '.join(MODES)}, not {mode!r}")
    dark = system_is_dark(app) if mode == "system" else mode == "dark"
    if mode != "system":
        app.setStyle("Fusion")  # the platform style may ignore a palette
        app.setPalette(dark_palette() if dark else app.style().standardPalette())
    _current = DARK if dark else LIGHT
    return _current
