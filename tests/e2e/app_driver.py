"""Drives the real stretchbreak on a test desktop: starts it from its entry point, runs its command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from tests.e2e.desktop import Desktop

ALL_DAY = '[schedule]\nhours = ""\ndays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'
"""A config line that keeps reminders on whatever the hour the tests run at."""

ENTRY_POINT = Path(sys.executable).parent / "stretchbreak"


def start_app(desktop: Desktop, name: str = "app", *args: str) -> subprocess.Popen[bytes]:
    return desktop.spawn(name, [ENTRY_POINT, "--verbose", *args])


def cli(desktop: Desktop, *args: str, timeout: float = 20.0) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ENTRY_POINT), *args],
        env=desktop.env,
        cwd=desktop.home,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def status(desktop: Desktop) -> dict[str, Any]:
    result = cli(desktop, "status", "--json")
    data = json.loads(result.stdout)
    assert isinstance(data, dict), result
    return data


def write_config(desktop: Desktop, text: str) -> Path:
    path = desktop.home / ".config" / "stretchbreak" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def wait_running(desktop: Desktop, timeout: float = 20.0) -> dict[str, Any]:
    def answered() -> dict[str, Any] | None:
        data = status(desktop)
        return data if data.get("running") else None

    return desktop.wait_for(answered, timeout, interval=0.2, what="stretchbreak to answer status")


def colour_count(desktop: Desktop, window: int, colour: str, shot: str) -> int:
    """How many points of a 7-pixel grid over the window show `colour` ("#rrggbb") in a fresh screenshot."""
    geometry = desktop.geometry(window)
    image = QImage(str(desktop.screenshot(shot)))
    return sum(1 for x in range(geometry.x, geometry.x + geometry.width, 7)
               for y in range(geometry.y, geometry.y + geometry.height, 7)
               if image.pixelColor(x, y).name() == colour)


def activate(desktop: Desktop, window: int, app: str = "app") -> None:
    """Give the stretch window the keyboard, and wait until the app itself has seen that: Qt takes a moment
    to treat a window as active, and keys before then do not reach its shortcuts."""
    log = desktop.log(app)
    seen = log.count("stretch window active")
    focused = subprocess.run(["xdotool", "getactivewindow"], env=desktop.env, capture_output=True, text=True,
                             check=False).stdout.strip()
    if focused == str(window) and log.rfind("stretch window active") > log.rfind("stretch window inactive"):
        return
    subprocess.run(["xdotool", "windowactivate", "--sync", str(window)], env=desktop.env, check=True,
                   capture_output=True, timeout=10)
    desktop.wait_for(lambda: desktop.log(app).count("stretch window active") > seen, 5,
                     what="the stretch window to become active")


def stretch_windows(desktop: Desktop) -> list[int]:
    return desktop.window_ids(r"— stretchbreak$")
