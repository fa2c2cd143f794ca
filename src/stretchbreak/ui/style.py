"""The stretch window's look: one accent colour and a few soft shapes on top of the system palette, with
colour variants for dark palettes so every text keeps a readable contrast, and a clear focus ring on every
button for keyboard users.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette

ACCENT = "#2f8f83"
BUTTON_ACCENT = "#277a70"
"""The primary button's teal: white text on it keeps 5:1."""
BUTTON_ACCENT_HOVER = "#1f655d"
WARM = "#b8502f"
"""The warm colour on light backgrounds: at least 4.5:1 against white."""
WARM_ON_DARK = "#f0a080"
"""The warm colour on dark backgrounds: at least 4.5:1 against the dark greys of dark themes."""
ERROR = "#b02a1c"
ERROR_ON_DARK = "#ff8a7a"


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark window."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def warm_colour(palette: QPalette) -> str:
    return WARM_ON_DARK if is_dark(palette) else WARM


def error_colour(palette: QPalette) -> str:
    return ERROR_ON_DARK if is_dark(palette) else ERROR


def stretch_window_style(palette: QPalette) -> str:
    warm = warm_colour(palette)
    return f"""
QPushButton {{
    background: palette(button); color: palette(button-text); border: 1px solid palette(mid);
    border-radius: 6px; padding: 0.35em 1em;
}}
QPushButton:hover {{ border-color: {BUTTON_ACCENT}; }}
QPushButton:focus {{ border: 2px solid palette(highlight); }}
QPushButton:disabled {{ color: palette(mid); }}
QPushButton#primary {{
    background: {BUTTON_ACCENT}; color: white; border: 1px solid {BUTTON_ACCENT_HOVER}; font-weight: bold;
}}
QPushButton#primary:hover {{ background: {BUTTON_ACCENT_HOVER}; }}
QPushButton#primary:focus {{ border: 2px solid palette(highlight); }}
QWidget#comfortQuestion QPushButton {{ padding: 0.3em 0.5em; }}
QLabel#caution {{
    border-left: 4px solid {warm}; padding: 6px 10px; border-radius: 4px;
    background: rgba(224, 122, 95, 0.10);
}}
QLabel#stepBadge {{ color: {warm}; font-weight: bold; }}
QLabel#stepText {{ border-left: 3px solid transparent; padding-left: 6px; }}
QLabel#stepText:focus {{ border-left: 3px solid palette(highlight); }}
QLabel#wellDoneMark {{ color: {ACCENT}; }}
"""
