"""The floor for benchmarks/footprint.py: the least a tray app on stretchbreak's stack can be.

A PySide6 tray icon with a small menu, an APScheduler `QtScheduler` (as shipped; its jobs run on the GUI
thread, as stretchbreak runs them) with one interval job, and an idle-time poll every 5 s (X11
MIT-SCREEN-SAVER through python-xlib, as stretchbreak reads it, when there is a display). Nothing else: no
settings, no history, no IPC, no windows. SIGUSR1 "snoozes": the interval job is rescheduled, which is what a
snooze costs the scheduler. SIGTERM and SIGINT quit. Signals reach the event loop through a wake-up fd watched
by a QSocketNotifier, so an idle floor is woken by nothing but its two timers.

    python benchmarks/floor_app.py
"""

from __future__ import annotations

import os
import signal
import socket
import sys
from collections.abc import Callable
from typing import Any

from apscheduler.executors.debug import DebugExecutor
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

IDLE_POLL_MS = 5000
JOB_SECONDS = 60


def tray_pixmap_icon() -> QIcon:
    """A plain filled square: no image format plugin is loaded for it."""
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#2f8f6f"))
    return QIcon(pixmap)


def idle_reader() -> Callable[[], float]:
    """Seconds since the last input, from the X server; always 0 where there is no X display."""
    try:
        from Xlib import display as xdisplay  # type: ignore[import-untyped]

        root = xdisplay.Display().screen().root
    except Exception:
        return lambda: 0.0

    def read() -> float:
        return int(root.screensaver_query_info().idle) / 1000.0

    return read


class SignalBridge:
    """Delivers SIGTERM, SIGINT and SIGUSR1 to the event loop without a polling timer."""

    def __init__(self, on_quit: Callable[[], None], on_usr1: Callable[[], None]) -> None:
        self._reader, writer = socket.socketpair()
        self._reader.setblocking(False)
        writer.setblocking(False)
        self._writer = writer
        signal.set_wakeup_fd(writer.fileno())
        self._handlers = {signal.SIGTERM: on_quit, signal.SIGINT: on_quit, signal.SIGUSR1: on_usr1}
        for number in self._handlers:
            signal.signal(number, lambda *_: None)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        for number in data:
            handler = self._handlers.get(signal.Signals(number))
            if handler is not None:
                handler()


class Floor:
    """The tray icon, the scheduler with its one job, and the idle poll."""

    def __init__(self, app: QApplication) -> None:
        self.last_idle = 0.0
        self._read_idle = idle_reader()
        self.menu = QMenu()
        self.menu.addAction("Stretch now", lambda: None)
        self.menu.addAction("Snooze", self.snooze)
        self.menu.addSeparator()
        self.menu.addAction("Quit", app.quit)
        self.tray = QSystemTrayIcon(tray_pixmap_icon())
        self.tray.setContextMenu(self.menu)
        self.tray.setToolTip("floor")
        self.scheduler = QtScheduler(executors={"default": DebugExecutor()})
        self.job: Any = self.scheduler.add_job(self.check, "interval", seconds=JOB_SECONDS, id="check")
        self.poll = QTimer()
        self.poll.setTimerType(Qt.TimerType.CoarseTimer)
        self.poll.timeout.connect(self.sample)
        self.poll.start(IDLE_POLL_MS)

    def start(self) -> None:
        self.scheduler.start()
        self.tray.show()

    def sample(self) -> None:
        self.last_idle = self._read_idle()

    def check(self) -> None:
        self.sample()

    def snooze(self) -> None:
        self.job.reschedule("interval", seconds=JOB_SECONDS)


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    floor = Floor(app)
    bridge = SignalBridge(app.quit, floor.snooze)
    floor.start()
    code = app.exec()
    floor.scheduler.shutdown(wait=False)
    del bridge
    return code


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    sys.exit(main())
