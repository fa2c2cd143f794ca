"""Starts Qt and the app: the single tray instance, or a standalone stretch window for `stretchbreak now`."""

from __future__ import annotations

import logging
import signal
import sys
import time

from stretchbreak import __version__, paths
from stretchbreak.instance import InstanceLock, NotRunning, ProtocolError, request, socket_address
from stretchbreak.logsetup import configure_logging

log = logging.getLogger(__name__)

STARTUP_WAIT_SECONDS = 10.0


def _wait_for_running_instance(address: str) -> bool:
    """Another process holds the lock; it may still be starting. Ask until it answers or the wait runs out."""
    deadline = time.monotonic() + STARTUP_WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            request(address, "ping", timeout=2.0)
            return True
        except (NotRunning, ProtocolError):
            time.sleep(0.1)
    return False


def run_gui(*, verbose: bool = False, stretch_now: bool = False, stretch_id: str | None = None) -> int:
    log_file = configure_logging(paths.log_dir(), verbose)
    address = socket_address(paths.config_path().parent)
    lock = InstanceLock(address)
    if not stretch_now and not lock.acquire():
        if _wait_for_running_instance(address):
            print("stretchbreak is already running.")
            return 0
        print("stretchbreak: another stretchbreak holds the lock but does not answer; see the log.", file=sys.stderr)
        return 1

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from stretchbreak.app import StretchbreakApp
    from stretchbreak.ui.icons import app_icon

    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName("stretchbreak")
    qt_app.setApplicationVersion(__version__)
    qt_app.setDesktopFileName("stretchbreak")
    qt_app.setWindowIcon(app_icon())
    qt_app.setQuitOnLastWindowClosed(stretch_now)
    # Let Ctrl+C and SIGTERM end the event loop cleanly; Python only sees signals between Qt events, and
    # a wake-up every 2 s is the cheapest way to give it that chance.
    signal.signal(signal.SIGINT, lambda *_: qt_app.quit())
    signal.signal(signal.SIGTERM, lambda *_: qt_app.quit())
    wake_for_signals = QTimer()
    wake_for_signals.start(2000)
    wake_for_signals.timeout.connect(lambda: None)

    log.info("stretchbreak %s starting (log: %s)", __version__, log_file)
    if stretch_now:
        from stretchbreak.core.state_store import MemoryStateStore
        from stretchbreak.platform.idle.wall_time import WallTimeIdleSource

        app = StretchbreakApp(qt_app, idle=WallTimeIdleSource(), blocked_by=lambda: None,
                              state_store=MemoryStateStore())
        if not app.start_stretch(stretch_id):
            print(f"stretchbreak: no stretch called '{stretch_id}'; see `stretchbreak list`", file=sys.stderr)
            return 2
        return qt_app.exec()

    from stretchbreak.commands import CommandHandler
    from stretchbreak.ui.ipc import CommandServer

    app = StretchbreakApp(qt_app)
    server = CommandServer(CommandHandler(app), app)
    if not server.listen(address):
        print(f"stretchbreak: cannot open the command socket {address}; see the log.", file=sys.stderr)
        return 1
    app.show_ui()
    app.start_reminders()
    try:
        return qt_app.exec()
    finally:
        app.shutdown()
        server.close()
        lock.release()
