"""The small control window shown instead of a tray icon on desktops that have no system tray. Its texts
are translated; the status and the notices come from the app."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stretchbreak.ui.actions import AppActions
from stretchbreak.ui.icons import app_icon
from stretchbreak.ui.wording import as_rich_text, stretch_name, translate


class ControlWindow(QWidget):
    def __init__(self, actions: AppActions, reason: str) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self._actions = actions
        self.setWindowTitle("stretchbreak")
        self.setAccessibleName("stretchbreak")
        self.setWindowIcon(app_icon())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(translate("ControlWindow", "Status"))
        why = QLabel(reason, self)
        why.setWordWrap(True)
        why.setTextFormat(Qt.TextFormat.PlainText)
        why.setEnabled(False)
        why.setAccessibleName(reason)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setAccessibleName(translate("ControlWindow", "Notice"))
        self.notice.hide()
        self.stretch_now = self._button(translate("ControlWindow", "Stretch now"),
                                        translate("ControlWindow", "Start your favourite stretch now"),
                                        lambda: actions.start_stretch(None))
        self.stretch_now.setDefault(True)
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(translate("ControlWindow", "Stretch to start"))
        self.choice.setAccessibleDescription(translate("ControlWindow", "The stretch Start and Make favourite use"))
        start_chosen = self._button(translate("ControlWindow", "Start"),
                                    translate("ControlWindow", "Start the chosen stretch"),
                                    lambda: actions.start_stretch(self.choice.currentData()))
        favourite = self._button(translate("ControlWindow", "Make favourite"),
                                 translate("ControlWindow", "Make the chosen stretch your favourite"),
                                 lambda: actions.set_favourite(self.choice.currentData()))
        settings = self._button(translate("ControlWindow", "Settings…"),
                                translate("ControlWindow", "Open the settings"), actions.open_settings)
        stats = self._button(translate("ControlWindow", "Statistics…"),
                             translate("ControlWindow", "Open the statistics"), actions.open_stats)
        quit_button = self._button(translate("ControlWindow", "Quit"), translate("ControlWindow", "Quit stretchbreak"),
                                   actions.quit)

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

    def _button(self, text: str, description: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(description)
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        self.status.setText(self._actions.status_text())
        current = self.choice.currentData() or self._actions.favourite_id()
        self.choice.clear()
        for stretch in self._actions.stretches():
            self.choice.addItem(stretch_name(stretch), stretch.id)
        index = self.choice.findData(current)
        self.choice.setCurrentIndex(max(0, index))

    def notify(self, title: str, message: str, warning: bool = False) -> None:
        # The message may quote a settings value or a file's text: it is shown as text, not as markup.
        self.notice.setText(f"<b>{as_rich_text(title)}</b>{as_rich_text(message)}")
        self.notice.setAccessibleDescription(f"{title}. {message}")
        self.notice.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the only window of a tray-less app means quitting it; say so through the normal path.
        self._actions.quit()
        super().closeEvent(event)
