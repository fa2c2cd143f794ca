"""End to end: the installed app on a real X desktop with a tray, driven by real input."""

from __future__ import annotations

import pytest

from tests.e2e.app_driver import (
    activate,
    cli,
    colour_count,
    start_app,
    status,
    stretch_windows,
    wait_running,
    write_config,
)
from tests.e2e.desktop import Desktop

pytestmark = pytest.mark.e2e


def test_tray_icon_menu_and_stretch_now_open_the_favourites_first_step(desktop: Desktop) -> None:
    write_config(desktop, '[reminder]\nfavourite = "cobra-low"\n')
    start_app(desktop)
    icons = desktop.wait_for(desktop.tray_icons, 20, what="stretchbreak's icon in the tray")
    assert len(icons) == 1
    assert wait_running(desktop)["tray"] is True

    desktop.click(icons[0], 3)
    menus = desktop.wait_for(lambda: desktop.window_ids("^stretchbreak menu$"), 5, what="the tray menu")
    desktop.wait_for(lambda: desktop.geometry(menus[0]).height > 100, 5, what="the menu to be laid out")
    desktop.screenshot("tray-menu.png")
    desktop.key("n")  # the menu's mnemonic for "Stretch &now"

    windows = desktop.wait_for(lambda: stretch_windows(desktop), 10, what="the stretch window")
    assert desktop.window_name(windows[0]) == "Cobra 1: low, on the fists — stretchbreak"
    data = status(desktop)
    assert data["state"] == "stretching" and data["current_stretch"] == "cobra-low"
    geometry = desktop.geometry(windows[0])
    assert geometry.width >= 700 and geometry.height >= 500
    # The illustration's pale green card is painted inside the window.
    desktop.wait_for(lambda: colour_count(desktop, windows[0], "#eef4f1", "stretch-window-first-step.png") > 200,
                     5, interval=0.2, what="the illustration on screen")

    activate(desktop, windows[0])
    desktop.key("Escape")
    desktop.wait_for(lambda: not stretch_windows(desktop), 5, what="Esc to close the window")
    assert status(desktop)["state"] != "stretching"
    assert cli(desktop, "quit").returncode == 0


def test_a_hold_counts_down_advances_by_itself_and_the_stretch_finishes_with_well_done(desktop: Desktop) -> None:
    write_config(desktop, '[holds]\nreverse-stretch = "4s"\n')
    start_app(desktop)
    wait_running(desktop)
    assert cli(desktop, "now").returncode == 0
    windows = desktop.wait_for(lambda: stretch_windows(desktop), 10, what="the stretch window")
    activate(desktop, windows[0])
    desktop.key("Right", "Right", "Right")  # reverse-stretch holds on its 4th step
    desktop.wait_for(lambda: "step 4 of 5" in desktop.log("app"), 5, what="step 4")
    desktop.screenshot("stretch-window-hold.png")
    desktop.wait_for(lambda: "step 5 of 5" in desktop.log("app"), 8, what="the hold to end and move on")
    desktop.key("Return")
    desktop.wait_for(lambda: "ended: completed" in desktop.log("app"), 5, what="the stretch to complete")
    desktop.screenshot("stretch-window-well-done.png")
    desktop.key("Escape")  # no answer to "How does your back feel?"
    desktop.wait_for(lambda: not stretch_windows(desktop), 10, what="the well-done page to close")
    assert cli(desktop, "quit").returncode == 0
