"""The app menu, shared by the tray icon and the fallback window; it is rebuilt each time it opens."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from stretchbreak.ui.actions import AppActions


class AppMenu(QMenu):
    def __init__(self, actions: AppActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        app = self._actions
        status = self.addAction(app.status_text().splitlines()[0])
        status.setEnabled(False)
        self.addSeparator()
        self.addAction("Stretch now", lambda: app.start_stretch(None))

        stretches_menu = self.addMenu("Stretches")
        favourite = app.favourite_id()
        for stretch in app.stretches():
            star = "★ " if stretch.id == favourite else "    "
            action = stretches_menu.addAction(star + stretch.name)
            action.setToolTip(stretch.summary)
            action.triggered.connect(lambda _=False, sid=stretch.id: app.start_stretch(sid))
        stretches_menu.addSeparator()
        favourite_menu = stretches_menu.addMenu("Make favourite")
        group = QActionGroup(favourite_menu)
        for stretch in app.stretches():
            choice = QAction(stretch.name, favourite_menu, checkable=True, checked=stretch.id == favourite)
            choice.triggered.connect(lambda _=False, sid=stretch.id: app.set_favourite(sid))
            group.addAction(choice)
            favourite_menu.addAction(choice)

        snooze = self.addMenu("Snooze")
        snooze.setEnabled(False)
        snooze.setToolTip("Reminders are not scheduled yet in this version.")
        pause = self.addMenu("Pause")
        pause.setEnabled(False)
        pause.setToolTip("Reminders are not scheduled yet in this version.")
        self.addSeparator()
        self.addAction("Settings…", app.open_settings)
        self.addAction("Quit", app.quit)
