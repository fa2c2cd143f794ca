"""The stretch window's look: one accent colour and a few soft shapes on top of the system palette,
so it reads in light and dark themes alike."""

from __future__ import annotations

ACCENT = "#2f8f83"
ACCENT_HOVER = "#277a70"
WARM = "#e07a5f"

STRETCH_WINDOW_STYLE = f"""
QPushButton#primary {{
    background: {ACCENT}; color: white; border: 1px solid {ACCENT_HOVER}; border-radius: 6px;
    padding: 6px 18px; font-weight: bold;
}}
QPushButton#primary:hover {{ background: {ACCENT_HOVER}; }}
QPushButton#primary:focus {{ border: 2px solid palette(highlight); }}
QLabel#caution {{
    border-left: 4px solid {WARM}; padding: 6px 10px; border-radius: 4px;
    background: rgba(224, 122, 95, 0.10);
}}
QLabel#stepBadge {{ color: {WARM}; font-weight: bold; }}
QLabel#wellDoneMark {{ color: {ACCENT}; }}
QLabel#stepCounter {{ color: palette(placeholder-text); }}
"""
