"""The composition root: builds the clock, settings, stretch library, sound, tray and windows, and wires them.

Nothing else constructs these objects; tests build the pieces themselves with fakes.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from stretchbreak import paths
from stretchbreak.core.clock import Clock, SystemClock
from stretchbreak.core.settings import DEFAULT_FAVOURITE, Settings, SettingsProblem, load_settings, save_settings
from stretchbreak.core.stretches import Library, Stretch, load_library
from stretchbreak.ui.control_window import ControlWindow
from stretchbreak.ui.icons import app_icon
from stretchbreak.ui.sound import SoundCuePlayer
from stretchbreak.ui.stretch_window import StretchWindow
from stretchbreak.ui.tray import Tray

if TYPE_CHECKING:
    from stretchbreak.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)


def load_stretch_library() -> Library:
    library = load_library(paths.assets_dir() / "stretches", paths.user_stretches_dir(),
                           paths.assets_dir() / "art")
    for problem in library.problems:
        log.warning("stretch file skipped or incomplete: %s", problem)
    return library


class StretchbreakApp(QObject):
    """The running app: owns settings and library, and answers the tray menu and the control window."""

    def __init__(self, qt_app: QApplication, clock: Clock | None = None, config_file: Path | None = None) -> None:
        super().__init__()
        self._qt_app = qt_app
        self._clock = clock or SystemClock()
        self._config_file = config_file or paths.config_path()
        loaded = load_settings(self._config_file)
        self.settings = loaded.settings
        self._settings_problems = list(loaded.problems)
        self.library = load_stretch_library()
        self._check_favourite()
        for problem in self._settings_problems:
            log.warning("settings: %s", problem)
        self._sound = SoundCuePlayer(paths.assets_dir() / "sounds", self.settings.sound.enabled)
        self._window: StretchWindow | None = None
        self._settings_dialog: SettingsDialog | None = None
        self.tray: Tray | None = None
        self.control_window: ControlWindow | None = None

    def _check_favourite(self) -> None:
        favourite = self.settings.reminder.favourite
        if favourite in self.library.stretches or not self.library.stretches:
            return
        fallback = DEFAULT_FAVOURITE if DEFAULT_FAVOURITE in self.library.stretches else \
            self.library.ordered()[0].id
        allowed = "the id of a stretch in the library: " + ", ".join(sorted(self.library.stretches))
        self._settings_problems.append(
            SettingsProblem(self._config_file, "reminder.favourite", f'"{favourite}"', allowed))
        self.settings = self.settings.with_favourite(fallback)

    # ---- start-up -----------------------------------------------------------------------------------

    def show_ui(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = Tray(self)
            self.tray.show()
            log.info("tray icon shown")
        else:
            reason = ("Your desktop has no system tray, so stretchbreak shows this small window instead. "
                      "Closing it quits stretchbreak.")
            log.warning("no system tray is available; showing the control window instead")
            self.control_window = ControlWindow(self, reason)
            self.control_window.show()
        self._announce_problems()

    def _announce_problems(self) -> None:
        lines = [str(p) for p in self._settings_problems]
        lines += [f"Stretch file problem: {p}" for p in self.library.problems]
        if not lines:
            return
        message = "\n".join(lines[:6]) + ("\n…and more; see the log." if len(lines) > 6 else "")
        message += "\nstretchbreak uses the defaults for these and leaves your file as it is."
        self._notify("stretchbreak found problems in your files", message, warning=True)

    def _notify(self, title: str, message: str, warning: bool = False) -> None:
        if self.tray is not None:
            self.tray.notify(title, message, warning)
        elif self.control_window is not None:
            self.control_window.notify(title, message, warning)

    def refresh_views(self) -> None:
        if self.tray is not None:
            self.tray.refresh()
        if self.control_window is not None:
            self.control_window.refresh()

    # ---- AppActions ---------------------------------------------------------------------------------

    def stretches(self) -> list[Stretch]:
        return self.library.ordered()

    def favourite_id(self) -> str:
        return self.settings.reminder.favourite

    def status_text(self) -> str:
        favourite = self.library.get(self.favourite_id())
        favourite_name = favourite.name if favourite else "none"
        walk = self._window.walkthrough if self._window and self._window.isVisible() else None
        if walk is not None and not walk.finished:
            state = f"Stretching: {walk.stretch.name} (step {walk.index + 1} of {walk.total})"
        else:
            state = "Ready: choose Stretch now whenever you like"
        return f"stretchbreak — {state}\nFavourite: {favourite_name}"

    def tray_state(self) -> str:
        stretching = self._window is not None and self._window.isVisible()
        return "stretching" if stretching else "ready"

    def start_stretch(self, stretch_id: str | None = None, take_focus: bool = True) -> bool:
        stretch = self.library.get(stretch_id or self.favourite_id())
        if stretch is None:
            log.warning("no stretch called %r", stretch_id)
            self._notify("stretchbreak", f"There is no stretch called '{stretch_id}'.", warning=True)
            return False
        hold = self.settings.holds.get(stretch.id)
        if hold is not None:
            stretch = stretch.with_hold(hold)
        window = self._stretch_window()
        window.start(stretch, take_focus=take_focus)
        log.info("stretch started: %s", stretch.id)
        self.refresh_views()
        return True

    def set_favourite(self, stretch_id: str) -> None:
        if stretch_id not in self.library.stretches:
            return
        self.save_settings(self.settings.with_favourite(stretch_id))
        log.info("favourite set to %s", stretch_id)

    def save_settings(self, settings: Settings) -> None:
        """Save atomically (raises OSError, the old file kept); a file that had problems is backed up first."""
        save_settings(self._config_file, settings, backup_existing=bool(self._settings_problems))
        self._settings_problems = []
        self.settings = settings
        self._sound.enabled = settings.sound.enabled
        self.refresh_views()

    def open_settings(self) -> None:
        from stretchbreak.ui.settings_dialog import SettingsDialog

        if self._settings_dialog is not None:
            dialog = self._settings_dialog
        else:
            dialog = SettingsDialog(self.settings, self.stretches(), self._save_from_dialog)
            dialog.setWindowIcon(app_icon())
            dialog.finished.connect(self._settings_closed)
            self._settings_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _save_from_dialog(self, settings: Settings) -> None:
        try:
            self.save_settings(settings)
        except OSError as error:
            log.error("could not save settings to %s: %s", self._config_file, error)
            raise

    def _settings_closed(self) -> None:
        if self._settings_dialog is not None:
            self._settings_dialog.deleteLater()
            self._settings_dialog = None

    def quit(self) -> None:
        log.info("quitting")
        QTimer.singleShot(0, self._qt_app.quit)

    # ---- the stretch window -------------------------------------------------------------------------

    def _stretch_window(self) -> StretchWindow:
        if self._window is None:
            self._window = StretchWindow(self.library, self._clock, self._sound)
            self._window.setWindowIcon(app_icon())
            self._window.ended.connect(self._stretch_ended)
            self._window.step_changed.connect(lambda _: self.refresh_views())
            self._window.set_snooze_allowed(True)
        return self._window

    @property
    def stretch_window(self) -> StretchWindow | None:
        return self._window

    def _stretch_ended(self, outcome: str, stretch_id: str, seconds: float) -> None:
        log.info("stretch %s ended: %s after %.0f s", stretch_id, outcome, seconds)
        QTimer.singleShot(0, self.refresh_views)
