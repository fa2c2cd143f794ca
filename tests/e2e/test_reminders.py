"""End to end: real input from xdotool, read by the real XScreenSaver backend, brings the reminder."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from tests.e2e.app_driver import cli, start_app, status, stretch_windows, wait_running, write_config
from tests.e2e.desktop import Desktop

pytestmark = pytest.mark.e2e
T = TypeVar("T")

FAST = ('[reminder]\nsit_limit = "20s"\nnatural_break = "8s"\nwarn_before = "0s"\nmax_snoozes = 3\n'
        '[schedule]\nhours = ""\ndays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n')

FULLSCREEN_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("a fullscreen video")
label.setWindowTitle("fullscreen-video")
label.showFullScreen()
app.exec()
"""


class Activity:
    """Someone at the keyboard: a small real pointer move every 2 s while `until` is waited for."""

    def __init__(self, desktop: Desktop) -> None:
        self.desktop = desktop
        self.moves = 0

    def nudge(self) -> None:
        self.moves += 1
        subprocess.run(["xdotool", "mousemove", str(300 + self.moves % 2 * 40), "400"], env=self.desktop.env,
                       check=True, capture_output=True)

    def until(self, predicate: Callable[[], T | None], timeout: float, what: str) -> tuple[T, float]:
        began = time.monotonic()
        next_nudge = began
        while True:
            now = time.monotonic()
            if now >= next_nudge:
                self.nudge()
                next_nudge = now + 2.0
            result = predicate()
            if result:
                return result, now - began
            if now - began > timeout:
                raise TimeoutError(f"timed out after {timeout:g}s waiting for {what}")
            time.sleep(0.2)


def test_activity_brings_the_reminder_a_break_resets_and_snooze_brings_it_back(desktop: Desktop) -> None:
    write_config(desktop, FAST)
    start_app(desktop)
    wait_running(desktop)
    activity = Activity(desktop)

    # Steady activity: the window appears a few seconds after 20 s of sitting.
    _, waited = activity.until(lambda: stretch_windows(desktop), 40, "the reminder window")
    assert 15 <= waited <= 28, waited
    data = status(desktop)
    assert data["state"] == "stretching" and data["current_stretch"] == "reverse-stretch"
    desktop.screenshot("reminder-window.png")

    # Snooze 15 s from the command line: the window closes, and comes back after about 15 s of activity.
    assert cli(desktop, "snooze", "15s").returncode == 0
    desktop.wait_for(lambda: not stretch_windows(desktop), 5, what="snooze to close the window")
    assert status(desktop)["state"] == "snoozed"
    _, waited = activity.until(lambda: stretch_windows(desktop), 40, "the snoozed reminder to return")
    assert 10 <= waited <= 26, waited
    assert cli(desktop, "skip").returncode == 0
    desktop.wait_for(lambda: not stretch_windows(desktop), 5, what="skip to close the window")

    # Some activity, then 10 s without input: a natural break, sitting time back to zero.
    activity.until(lambda: status(desktop)["sitting_seconds"] >= 4 or None, 20, "some sitting time")
    deadline = time.monotonic() + 20
    while status(desktop)["state"] != "away":
        assert time.monotonic() < deadline, "no natural break after 20 s without input"
        time.sleep(0.5)
    assert status(desktop)["sitting_seconds"] == 0
    assert not stretch_windows(desktop)
    assert cli(desktop, "quit").returncode == 0


def test_a_fullscreen_window_defers_the_reminder_until_it_ends(desktop: Desktop) -> None:
    write_config(desktop, FAST)
    start_app(desktop)
    wait_running(desktop)
    video = desktop.spawn("video", [sys.executable, "-c", FULLSCREEN_WINDOW])
    desktop.wait_for(lambda: desktop.window_ids("^fullscreen-video$"), 10, what="the fullscreen window")
    activity = Activity(desktop)

    def deferred() -> dict[str, Any] | None:
        data = status(desktop)
        return data if data["state"] == "deferred" else None

    data, _ = activity.until(deferred, 45, "the reminder to be deferred")
    assert data["deferred_by"] == "fullscreen"
    assert not stretch_windows(desktop)
    desktop.screenshot("deferred-behind-fullscreen.png")

    desktop.end("video")
    assert video.poll() is not None
    activity.until(lambda: stretch_windows(desktop), 20, "the reminder after fullscreen ended")
    assert cli(desktop, "quit").returncode == 0
