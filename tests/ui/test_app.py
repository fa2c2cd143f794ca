"""The composed app: favourites persist, bad files are announced, a tray-less desktop gets the control window."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretchbreak import paths
from stretchbreak.app import StretchbreakApp
from stretchbreak.core.clock import FakeClock
from stretchbreak.core.settings import load_settings


def make_app(qtbot: QtBot, qapp: QApplication) -> StretchbreakApp:
    app = StretchbreakApp(qapp, FakeClock())
    app.show_ui()
    for widget in (app.control_window, app.stretch_window):
        if widget is not None:
            qtbot.addWidget(widget)
    return app


def test_favourite_persists_across_restarts(qtbot: QtBot, qapp: QApplication) -> None:
    first = make_app(qtbot, qapp)
    first.set_favourite("cobra-forearms")
    assert first.favourite_id() == "cobra-forearms"
    second = make_app(qtbot, qapp)
    assert second.favourite_id() == "cobra-forearms"
    assert load_settings(paths.config_path()).settings.reminder.favourite == "cobra-forearms"


def test_stretch_now_starts_the_favourite_with_the_users_hold(qtbot: QtBot, qapp: QApplication) -> None:
    config = paths.config_path()
    config.parent.mkdir(parents=True)
    config.write_text('[reminder]\nfavourite = "floor-sit-wall"\n[holds]\nfloor-sit-wall = "3m"\n')
    app = make_app(qtbot, qapp)
    assert app.start_stretch(None)
    window = app.stretch_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.stretch is not None and window.stretch.id == "floor-sit-wall"
    assert window.stretch.default_hold == 180
    assert "Stretching" in app.status_text()


def test_no_tray_opens_the_control_window_instead_of_exiting(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("stretchbreak.app.QSystemTrayIcon.isSystemTrayAvailable", staticmethod(lambda: False))
    app = make_app(qtbot, qapp)
    assert app.tray is None
    assert app.control_window is not None and app.control_window.isVisible()
    app.control_window.stretch_now.click()
    assert app.stretch_window is not None and app.stretch_window.isVisible()
    qtbot.addWidget(app.stretch_window)


def test_a_broken_config_is_announced_once_and_left_untouched(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("stretchbreak.app.QSystemTrayIcon.isSystemTrayAvailable", staticmethod(lambda: False))
    config = paths.config_path()
    config.parent.mkdir(parents=True)
    broken = b'[reminder]\nsit_limit = "soon"\nfavourite = "handstand"\n'
    config.write_bytes(broken)
    app = make_app(qtbot, qapp)
    assert app.control_window is not None
    notice = app.control_window.notice.text()
    assert "reminder.sit_limit" in notice and '"soon"' in notice and str(config) in notice
    assert "reminder.favourite" in notice and "handstand" in notice
    assert app.favourite_id() == "reverse-stretch"
    assert config.read_bytes() == broken


def test_a_broken_user_stretch_file_is_announced_and_the_rest_loads(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("stretchbreak.app.QSystemTrayIcon.isSystemTrayAvailable", staticmethod(lambda: False))
    folder = paths.user_stretches_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('id = "mine"\n')
    app = make_app(qtbot, qapp)
    assert app.control_window is not None
    assert "mine.toml" in app.control_window.notice.text()
    assert len(app.stretches()) == 9


def test_settings_saved_from_the_dialog_reach_the_file(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    app = make_app(qtbot, qapp)
    app.open_settings()
    dialog = app._settings_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.snooze.setText("7m")
    dialog.sound.setChecked(False)
    dialog.try_save()
    saved = load_settings(paths.config_path()).settings
    assert saved.reminder.snooze == 420 and saved.sound.enabled is False
    assert app.settings == saved
