"""Starts Qt and the app: the tray app, or a standalone stretch window for `stretchbreak now`."""

from __future__ import annotations

import logging
import signal
import sys

from stretchbreak import __version__, paths
from stretchbreak.logsetup import configure_logging

log = logging.getLogger(__name__)


def run_gui(*, verbose: bool = False, stretch_now: bool = False, stretch_id: str | None = None) -> int:
    log_file = configure_logging(paths.log_dir(), verbose)
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
    # Let Ctrl+C and SIGTERM end the event loop cleanly; a coarse timer gives Python a chance to see them.
    signal.signal(signal.SIGINT, lambda *_: qt_app.quit())
    signal.signal(signal.SIGTERM, lambda *_: qt_app.quit())
    wake_for_signals = QTimer()
    wake_for_signals.start(1000)
    wake_for_signals.timeout.connect(lambda: None)

    app = StretchbreakApp(qt_app)
    log.info("stretchbreak %s starting (log: %s)", __version__, log_file)
    if stretch_now:
        if not app.start_stretch(stretch_id):
            print(f"stretchbreak: no stretch called '{stretch_id}'; see `stretchbreak list`", file=sys.stderr)
            return 2
    else:
        app.show_ui()
    return qt_app.exec()
