"""Checks of the end-to-end harness itself, with a minimal tray app instead of stretchbreak."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.e2e.desktop import Desktop, Geometry

PROBE = Path(__file__).parent / "fixtures" / "tray_probe.py"
PROBE_ICON_COLOR = QColor("#e8a33d")
PROBE_MENU_TITLE = "tray-probe-menu"

pytestmark = pytest.mark.e2e


def colours_in(image: QImage, area: Geometry) -> set[int]:
    return {image.pixel(x, y) for x in range(area.x, area.x + area.width) for y in range(area.y, area.y + area.height)}


def test_tray_icon_is_embedded_and_its_menu_works(desktop: Desktop) -> None:
    probe = desktop.spawn("probe", [sys.executable, PROBE])
    icons = desktop.wait_for(desktop.tray_icons, 10, what="the probe's icon in the tray")
    assert len(icons) == 1
    icon = desktop.geometry(icons[0])
    panel = desktop.geometry(desktop.wait_for(desktop.tray_window))
    assert panel.y <= icon.y and icon.y + icon.height <= panel.y + panel.height, (icon, panel)

    desktop.click(icons[0], 3)
    menu_ids = desktop.wait_for(lambda: desktop.window_ids(f"^{PROBE_MENU_TITLE}$"), 5, what="the menu")
    menu = desktop.geometry(menu_ids[0])

    def screen_shows_icon_and_menu() -> QImage | None:
        image = QImage(str(desktop.screenshot("harness-tray-menu.png")))
        icon_shown = image.pixelColor(*icon.center) == PROBE_ICON_COLOR
        menu_painted = len(colours_in(image, menu)) > 3  # background, border, text with antialiasing
        return image if icon_shown and menu_painted else None

    desktop.wait_for(screen_shows_icon_and_menu, 5, interval=0.1, what="the icon and menu on screen")

    desktop.key("Up", "Return")  # the last entry: Quit
    assert probe.wait(5) == 0
    assert "menu" in desktop.log("probe")
    desktop.wait_for(lambda: not desktop.tray_icons(), 5, what="the icon to leave the tray")


def test_icon_returns_when_the_tray_restarts(desktop: Desktop) -> None:
    desktop.spawn("probe", [sys.executable, PROBE])
    desktop.wait_for(desktop.tray_icons, 10, what="the probe's icon in the tray")

    desktop.kill_tray()
    assert desktop.tray_window() is None
    assert desktop.tray_icons() == []

    desktop.start_tray()
    icons = desktop.wait_for(desktop.tray_icons, 10, what="the icon back in the new tray")
    assert len(icons) == 1
