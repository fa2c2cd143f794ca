"""The app menu, shared by the tray icon and the fallback window; it is rebuilt each time it opens, so it
always speaks the current language."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from stretchbreak.ui.actions import AppActions
from stretchbreak.ui.wording import as_rich_text, fill, stretch_name, stretch_summary, translate

SNOOZE_CHOICES = (5 * 60, 10 * 60, 30 * 60)
PAUSE_CHOICES = (30 * 60, 3600, 2 * 3600)


def _minutes_text(seconds: int) -> str:
    minutes = seconds // 60
    if minutes % 60 == 0:
        hours = minutes // 60
        return translate("AppMenu", "%n hour(s)", None, hours)
    return translate("AppMenu", "%n minute(s)", None, minutes)


class AppMenu(QMenu):
    def __init__(self, actions: AppActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AppMenu", "stretchbreak menu"))
        self._actions = actions
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        app = self._actions
        status = self.addAction(app.next_stretch_text())
        status.setEnabled(False)
        self.addSeparator()
        self.addAction(translate("AppMenu", "Stretch &now"), lambda: app.start_stretch(None))
        self._add_stretches(self.addMenu(translate("AppMenu", "Stre&tches")))

        snooze = self.addMenu(translate("AppMenu", "Sn&ooze"))
        snooze.setEnabled(app.snooze_allowed() and not app.is_paused())
        for seconds in SNOOZE_CHOICES:
            snooze.addAction(_minutes_text(seconds), partial(app.snooze, seconds))
        self.addAction(translate("AppMenu", "S&kip next stretch"), app.skip).setEnabled(not app.is_paused())
        if app.is_paused():
            self.addAction(translate("AppMenu", "&Resume reminders"), app.resume)
        pause = self.addMenu(translate("AppMenu", "&Pause"))
        for seconds in PAUSE_CHOICES:
            pause.addAction(fill(translate("AppMenu", "For %1"), _minutes_text(seconds)),
                            partial(self._pause_for, seconds))
        pause.addAction(translate("AppMenu", "Until tomorrow"), app.pause_until_tomorrow)
        pause.addAction(translate("AppMenu", "Until I resume"), lambda: app.pause(None))
        self.addSeparator()
        self.addAction(translate("AppMenu", "Stat&istics…"), app.open_stats)
        self.addAction(translate("AppMenu", "S&ettings…"), app.open_settings)
        self.addAction(translate("AppMenu", "&Quit"), app.quit)

    def _pause_for(self, seconds: int) -> None:
        self._actions.pause(self._actions.now() + timedelta(seconds=seconds))

    def _add_stretches(self, menu: QMenu) -> None:
        app = self._actions
        favourite = app.favourite_id()
        for stretch in app.stretches():
            star = "★ " if stretch.id == favourite else "    "
            action = menu.addAction(star + stretch_name(stretch))
            action.setToolTip(as_rich_text(stretch_summary(stretch)))
            action.triggered.connect(lambda _=False, sid=stretch.id: app.start_stretch(sid))
        menu.addSeparator()
        favourite_menu = menu.addMenu(translate("AppMenu", "Make &favourite"))
        group = QActionGroup(favourite_menu)
        for stretch in app.stretches():
            choice = QAction(stretch_name(stretch), favourite_menu, checkable=True, checked=stretch.id == favourite)
            choice.triggered.connect(lambda _=False, sid=stretch.id: app.set_favourite(sid))
            group.addAction(choice)
            favourite_menu.addAction(choice)
