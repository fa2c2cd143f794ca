"""The app menu, shared by the tray icon and the fallback window; it is rebuilt each time it opens."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from stretchbreak.ui.actions import AppActions

SNOOZE_CHOICES = ((5 * 60, "5 minutes"), (10 * 60, "10 minutes"), (30 * 60, "30 minutes"))
PAUSE_CHOICES = ((30 * 60, "30 minutes"), (3600, "1 hour"), (2 * 3600, "2 hours"))


class AppMenu(QMenu):
    def __init__(self, actions: AppActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("stretchbreak menu")
        self._actions = actions
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        app = self._actions
        status = self.addAction(app.next_stretch_text())
        status.setEnabled(False)
        self.addSeparator()
        self.addAction("Stretch &now", lambda: app.start_stretch(None))
        self._add_stretches(self.addMenu("Stre&tches"))

        snooze = self.addMenu("Sn&ooze")
        snooze.setEnabled(app.snooze_allowed() and not app.is_paused())
        for seconds, label in SNOOZE_CHOICES:
            snooze.addAction(label, partial(app.snooze, seconds))
        self.addAction("S&kip next stretch", app.skip).setEnabled(not app.is_paused())
        if app.is_paused():
            self.addAction("&Resume reminders", app.resume)
        pause = self.addMenu("&Pause")
        for seconds, label in PAUSE_CHOICES:
            pause.addAction(f"For {label}", partial(self._pause_for, seconds))
        pause.addAction("Until tomorrow", app.pause_until_tomorrow)
        pause.addAction("Until I resume", lambda: app.pause(None))
        self.addSeparator()
        self.addAction("Stat&istics…", app.open_stats)
        self.addAction("S&ettings…", app.open_settings)
        self.addAction("&Quit", app.quit)

    def _pause_for(self, seconds: int) -> None:
        self._actions.pause(self._actions.now() + timedelta(seconds=seconds))

    def _add_stretches(self, menu: QMenu) -> None:
        app = self._actions
        favourite = app.favourite_id()
        for stretch in app.stretches():
            star = "★ " if stretch.id == favourite else "    "
            action = menu.addAction(star + stretch.name)
            action.setToolTip(stretch.summary)
            action.triggered.connect(lambda _=False, sid=stretch.id: app.start_stretch(sid))
        menu.addSeparator()
        favourite_menu = menu.addMenu("Make &favourite")
        group = QActionGroup(favourite_menu)
        for stretch in app.stretches():
            choice = QAction(stretch.name, favourite_menu, checkable=True, checked=stretch.id == favourite)
            choice.triggered.connect(lambda _=False, sid=stretch.id: app.set_favourite(sid))
            group.addAction(choice)
            favourite_menu.addAction(choice)
