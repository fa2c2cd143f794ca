"""Starts Qt and the app: the single tray instance, or a standalone stretch window for `stretchbreak now`."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
import time
from typing import TYPE_CHECKING

from stretchbreak import __version__, paths
from stretchbreak.instance import InstanceLock, NotRunning, ProtocolError, request, socket_address
from stretchbreak.logsetup import configure_logging

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)

STARTUP_WAIT_SECONDS = 10.0

_signal_sockets: list[socket.socket] = []
"""Both ends of the signal wake-up socket, open for the life of the process."""


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


def _wake_for_signals(qt_app: QCoreApplication) -> None:
    """Let Ctrl+C and SIGTERM end the event loop cleanly. Python runs its signal handlers only when it runs
    some code, which an idle Qt loop never does; so the signal's number is also written to a socket that a
    QSocketNotifier watches, and the loop wakes for a signal and for nothing else. Where that cannot be set
    up, a timer gives Python a chance every 2 s instead (30 wake-ups a minute)."""
    from PySide6.QtCore import QSocketNotifier, QTimer

    try:
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        signal.set_wakeup_fd(writer.fileno())
    except (OSError, ValueError) as error:
        log.info("no wake-up socket for signals (%s); checking for them every 2 s", error)
        timer = QTimer(qt_app)
        timer.timeout.connect(lambda: None)
        timer.start(2000)
        return
    _signal_sockets.extend((reader, writer))
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, qt_app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier.activated.connect(drain)


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

    from stretchbreak.ui.pyside_sources import read_sources_once

    if not read_sources_once():  # tests/ui/test_pyside_sources.py fails first, should PySide6 drop the check
        log.info("this PySide6 has no module-source check to replace; module sources stay in memory")
    from PySide6.QtWidgets import QApplication

    from stretchbreak.app import StretchbreakApp
    from stretchbreak.ui.icons import app_icon

    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName("stretchbreak")
    qt_app.setApplicationVersion(__version__)
    qt_app.setDesktopFileName("stretchbreak")
    qt_app.setWindowIcon(app_icon())
    qt_app.setQuitOnLastWindowClosed(stretch_now)
    signal.signal(signal.SIGINT, lambda *_: qt_app.quit())
    signal.signal(signal.SIGTERM, lambda *_: qt_app.quit())
    _wake_for_signals(qt_app)

    log.info("stretchbreak %s starting (log: %s)", __version__, log_file)
    if stretch_now:
        from stretchbreak.core.state_store import MemoryStateStore
        from stretchbreak.platform.idle.wall_time import WallTimeIdleSource

        app = StretchbreakApp(qt_app, idle=WallTimeIdleSource(), blocked_by=lambda: None,
                              state_store=MemoryStateStore(), session_events=False)
        app.connect_history()  # a stretch done here counts as much as one the tray app opened
        if not app.start_stretch(stretch_id):
            print(f"stretchbreak: no stretch called '{stretch_id}'; see `stretchbreak list`", file=sys.stderr)
            return 2
        try:
            return qt_app.exec()
        finally:
            app.shutdown()

    from stretchbreak.commands import CommandHandler
    from stretchbreak.ui.ipc import make_server

    app = StretchbreakApp(qt_app)
    server = make_server(CommandHandler(app), app)
    if not server.listen(address):
        print(f"stretchbreak: cannot open the command socket {address}; see the log.", file=sys.stderr)
        return 1
    app.show_ui()
    qt_app.processEvents()  # sends the tray icon's requests now: it comes up while the rest connects
    app.start_reminders()
    try:
        return qt_app.exec()
    finally:
        app.shutdown()
        server.close()
        lock.release()
