"""The system tray icon: state icon, tooltip, and the app menu; None where no tray exists."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from stretchbreak.ui.actions import AppActions
from stretchbreak.ui.icons import tray_icon
from stretchbreak.ui.menu import AppMenu


class Tray(QObject):
    def __init__(self, actions: AppActions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self._shown: tuple[str, str] | None = None
        self.menu = AppMenu(actions)
        self.icon = QSystemTrayIcon(self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.refresh()

    def show(self) -> None:
        self.icon.show()

    def refresh(self) -> None:
        state, tooltip = self._actions.tray_state(), self._actions.status_text()
        if self._shown is not None and self._shown[0] == state and self._shown[1] == tooltip:
            return
        if self._shown is None or self._shown[0] != state:
            self.icon.setIcon(tray_icon(state))
        self.icon.setToolTip(tooltip)
        self._shown = (state, tooltip)

    def notify(self, title: str, message: str, warning: bool = False) -> None:
        kind = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
        self.icon.showMessage(title, message, kind, 15000)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.menu.popup(self.icon.geometry().center())
