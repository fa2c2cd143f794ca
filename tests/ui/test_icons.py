"""The tray and app icons: PNGs at every size a desktop asks for, current with the SVGs they come from."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from stretchbreak.ui.icons import TRAY_STATES, app_icon, tray_icon

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_pngs_are_what_the_svgs_render() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "render_icons.py"), "--check"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("state", TRAY_STATES)
def test_each_tray_icon_has_a_sharp_image_from_16_to_128_pixels(qapp: QApplication, state: str) -> None:
    icon = tray_icon(state)  # 128: a 64-pixel panel at twice the scale
    assert {QSize(s, s) for s in (16, 22, 24, 32, 48, 64, 96, 128)} <= set(icon.availableSizes())
    assert not icon.pixmap(22, 22).toImage().isNull()


def test_an_unknown_tray_state_shows_the_ready_icon(qapp: QApplication) -> None:
    assert tray_icon("no-such-state").pixmap(22, 22).toImage() == tray_icon("ready").pixmap(22, 22).toImage()
    assert tray_icon("paused").pixmap(22, 22).toImage() != tray_icon("ready").pixmap(22, 22).toImage()


def test_the_app_icon_goes_up_to_256_pixels(qapp: QApplication) -> None:
    assert QSize(256, 256) in app_icon().availableSizes()
