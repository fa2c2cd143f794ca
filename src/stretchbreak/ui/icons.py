"""Loads the app icon and the tray's state icons from the shipped SVGs."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from stretchbreak.paths import assets_dir

TRAY_STATES = ("ready", "stretching", "paused", "snoozed", "warning", "deferred")


@cache
def app_icon() -> QIcon:
    return QIcon(str(assets_dir() / "icons" / "stretchbreak.svg"))


@cache
def tray_icon(state: str) -> QIcon:
    name = state if state in TRAY_STATES else "ready"
    return QIcon(str(assets_dir() / "icons" / f"tray-{name}.svg"))
