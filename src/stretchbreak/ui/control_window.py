"""The small control window shown instead of a tray icon on desktops that have no system tray."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stretchbreak.ui.actions import AppActions
from stretchbreak.ui.icons import app_icon


class ControlWindow(QWidget):
    def __init__(self, actions: AppActions, reason: str) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self._actions = actions
        self.setWindowTitle("stretchbreak")
        self.setWindowIcon(app_icon())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        why = QLabel(reason, self)
        why.setWordWrap(True)
        why.setEnabled(False)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.stretch_now = QPushButton("Stretch now", self)
        self.stretch_now.setDefault(True)
        self.stretch_now.clicked.connect(lambda: actions.start_stretch(None))
        self.choice = QComboBox(self)
        self.choice.setAccessibleName("Stretch to start")
        start_chosen = QPushButton("Start", self)
        start_chosen.clicked.connect(lambda: actions.start_stretch(self.choice.currentData()))
        favourite = QPushButton("Make favourite", self)
        favourite.clicked.connect(lambda: actions.set_favourite(self.choice.currentData()))
        settings = QPushButton("Settings…", self)
        settings.clicked.connect(actions.open_settings)
        stats = QPushButton("Statistics…", self)
        stats.clicked.connect(actions.open_stats)
        quit_button = QPushButton("Quit", self)
        quit_button.clicked.connect(actions.quit)

        pick = QHBoxLayout()
        pick.addWidget(self.choice, 1)
        pick.addWidget(start_chosen)
        pick.addWidget(favourite)
        bottom = QHBoxLayout()
        bottom.addWidget(settings)
        bottom.addWidget(stats)
        bottom.addStretch(1)
        bottom.addWidget(quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
        layout.addWidget(self.stretch_now)
        layout.addLayout(pick)
        layout.addLayout(bottom)
        layout.addWidget(why)
        self.resize(420, 220)
        self.refresh()

    def refresh(self) -> None:
        self.status.setText(self._actions.status_text())
        current = self.choice.currentData() or self._actions.favourite_id()
        self.choice.clear()
        for stretch in self._actions.stretches():
            self.choice.addItem(stretch.name, stretch.id)
        index = self.choice.findData(current)
        self.choice.setCurrentIndex(max(0, index))

    def notify(self, title: str, message: str, warning: bool = False) -> None:
        self.notice.setText(f"<b>{title}</b><br>{message}")
        self.notice.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the only window of a tray-less app means quitting it; say so through the normal path.
        self._actions.quit()
        super().closeEvent(event)
