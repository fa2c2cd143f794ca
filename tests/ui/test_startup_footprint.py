"""What the running app has loaded once it has started and before anyone opens a window: only what the tray
needs. The heavy parts (the windows, the SVG renderer, networking, sound, speech, OpenSSL) wait for first use.

A fresh interpreter with a fresh HOME builds the composed app as the entry point does, lets it settle, and
reports its modules and the shared libraries mapped into it.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

STARTUP = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from stretchbreak.app import StretchbreakApp

qt_app = QApplication([])
app = StretchbreakApp(qt_app)
app.show_ui()
app.start_reminders()
QTimer.singleShot(300, qt_app.quit)
qt_app.exec()
libraries = sorted({line.split()[-1].rsplit("/", 1)[-1] for line in open("/proc/self/maps") if ".so" in line})
print(json.dumps({"modules": sorted(sys.modules), "libraries": libraries}))
app.shutdown()
"""


def started_app(home: Path) -> dict[str, list[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", DBUS_SESSION_BUS_ADDRESS=f"unix:path={home}/no-bus")
    result = subprocess.run([sys.executable, "-c", STARTUP], env=env, capture_output=True, text=True, timeout=120,
                            check=True)
    loaded: dict[str, list[str]] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def test_the_started_app_loads_no_heavy_part_before_it_is_used(tmp_path: Path) -> None:
    loaded = started_app(tmp_path)
    modules, libraries = set(loaded["modules"]), loaded["libraries"]
    # It really started: the reminder engine runs and the history is open
    assert {"stretchbreak.ui.reminder_engine", "sqlite3"} <= modules
    not_yet = {"stretchbreak.ui.stretch_window", "stretchbreak.ui.settings_dialog", "stretchbreak.ui.stats_window",
               "PySide6.QtSvg", "PySide6.QtNetwork", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech",
               "hashlib", "html"}
    assert modules & not_yet == set()
    heavy_libraries = ("libQt6Svg", "libqsvg", "libQt6Network", "libQt6Multimedia", "libQt6TextToSpeech")
    assert [lib for lib in libraries if lib.startswith(heavy_libraries)] == []
