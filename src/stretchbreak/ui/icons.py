"""Loads the app icon and the tray's state icons.

They load from PNGs rendered from the shipped SVGs (scripts/render_icons.py), one per size a desktop asks
for, so the icons on screen all day need no SVG renderer. Should the PNGs be missing, the SVG is used.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from stretchbreak.paths import assets_dir

TRAY_STATES = ("ready", "stretching", "paused", "snoozed", "warning", "deferred")
APP_ICON = "stretchbreak"


def png_name(icon: str, size: int | str) -> str:
    return f"{icon}-{size}.png"


def _icon(name: str) -> QIcon:
    folder = assets_dir() / "icons"
    icon = QIcon()
    for png in (folder / "png").glob(png_name(name, "*")):
        size = png.stem.rpartition("-")[2]
        if size.isdigit():
            icon.addFile(str(png), QSize(int(size), int(size)))
    return icon if not icon.isNull() else QIcon(str(folder / f"{name}.svg"))


@cache
def app_icon() -> QIcon:
    return _icon(APP_ICON)


@cache
def tray_icon(state: str) -> QIcon:
    return _icon(f"tray-{state if state in TRAY_STATES else 'ready'}")
