"""The composed app: favourites persist, bad files are announced, a tray-less desktop gets the control window."""

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretchbreak import paths
from stretchbreak.app import HISTORY_WRITE_WAIT_MS, StretchbreakApp
from stretchbreak.core.atomic import atomic_write_text
from stretchbreak.core.clock import FakeClock
from stretchbreak.core.settings import load_settings
from stretchbreak.core.state_store import BackgroundStateStore
from tests.ui.apps import AppRegistry, ScriptedIdle, open_stretch

_apps = AppRegistry()


@pytest.fixture(autouse=True)
def shut_down_apps(qtbot: QtBot) -> Iterator[None]:
    yield
    _apps.shut_down_all()


def make_app(qtbot: QtBot, qapp: QApplication, clock: FakeClock | None = None,
             idle: ScriptedIdle | None = None) -> StretchbreakApp:
    return _apps.make(qtbot, qapp, clock, idle=idle)


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
    dialog = app.settings_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.snooze.setText("7m")
    dialog.sound.setChecked(False)
    dialog.try_save()
    saved = load_settings(paths.config_path()).settings
    assert saved.reminder.snooze == 420 and saved.sound.enabled is False
    assert app.settings == saved


def test_the_reminder_opens_the_window_without_focus_and_snooze_closes_it(
    qtbot: QtBot, qapp: QApplication
) -> None:
    config = paths.config_path()
    config.parent.mkdir(parents=True)
    config.write_text('[reminder]\nsit_limit = "20s"\nnatural_break = "8s"\nwarn_before = "0s"\n'
                      '[schedule]\nhours = ""\ndays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n')
    clock, idle = FakeClock(), ScriptedIdle()
    app = make_app(qtbot, qapp, clock, idle)
    app.start_reminders()
    idle.idle = 3
    for _ in range(5):
        clock.advance(5)
        app.engine.check()
    window = app.stretch_window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert app.status()["state"] == "stretching"
    assert app.status()["current_stretch"] == "reverse-stretch"
    app.snooze(15)
    qtbot.waitUntil(lambda: not window.isVisible())
    status = app.status()
    assert status["state"] == "snoozed" and status["snoozes_left"] == 2
    assert 10 <= status["next_reminder_seconds"] <= 15


def test_pause_and_resume_change_the_status(qtbot: QtBot, qapp: QApplication) -> None:
    app = make_app(qtbot, qapp)
    app.start_reminders()
    app.pause(app.now() + timedelta(minutes=30))
    assert app.status()["state"] == "paused"
    assert not app.engine.polling
    app.resume()
    assert app.status()["state"] == "sitting"
    assert app.engine.polling


def test_fifty_snoozes_leave_no_timers_behind(qtbot: QtBot, qapp: QApplication) -> None:
    config = paths.config_path()
    config.parent.mkdir(parents=True)
    config.write_text('[reminder]\nmax_snoozes = 0\n')
    app = make_app(qtbot, qapp)
    app.start_reminders()
    before = sum(1 for t in app.findChildren(QTimer) if t.isActive())
    for _ in range(50):
        app.snooze(60)
    qtbot.waitUntil(lambda: app.scheduler.pending_wakeups == 1)
    after = sum(1 for t in app.findChildren(QTimer) if t.isActive())
    assert after == before
    assert app.scheduler.job_ids() == ["check", "hours-end", "hours-start"]


def test_a_completed_and_a_snoozed_stretch_reach_the_history(qtbot: QtBot, qapp: QApplication) -> None:
    clock = FakeClock()
    app = make_app(qtbot, qapp, clock)
    app.start_reminders()
    assert app.history is not None
    assert app.history.write_wait_ms == HISTORY_WRITE_WAIT_MS  # a locked file never holds the window up long
    window = open_stretch(qtbot, app, "cobra-low")
    clock.advance(80)
    window.done()
    window.comfort.answer(7)
    app.start_stretch("chest-opener")
    app.snooze(300)
    qtbot.waitUntil(lambda: app.policy.state().value == "snoozed")
    events = [(e.kind, e.stretch_id, e.outcome) for e in app.history.events()]
    assert events == [("stretch", "cobra-low", "completed"), ("comfort", "cobra-low", None),
                      ("stretch", "chest-opener", "snoozed"), ("snooze", None, None)]
    completed, comfort = app.history.events()[:2]
    assert completed.duration_seconds == 80 and completed.manual
    assert comfort.value == 7


def test_quitting_waits_for_the_pause_to_reach_the_disk(qtbot: QtBot, qapp: QApplication,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # Given the app saving its state in the background, on a disk that holds every write until someone waits
    # for it (so only a quit that waits for the save can find the pause on disk)
    disk_free = threading.Event()

    def held_write(path: Path, text: str) -> None:
        disk_free.wait(timeout=10)
        atomic_write_text(path, text)

    real_flush = BackgroundStateStore.flush

    def flush_frees_the_disk(self: BackgroundStateStore, timeout: float = 5.0) -> bool:
        disk_free.set()
        return real_flush(self, timeout)

    monkeypatch.setattr("stretchbreak.core.state_store.atomic_write_text", held_write)
    monkeypatch.setattr(BackgroundStateStore, "flush", flush_frees_the_disk)
    app = _apps.make(qtbot, qapp, state_saved_in_place=False)
    # When reminders are paused and the app quits at once
    app.pause(None)
    assert not (paths.data_dir() / "state.json").exists()
    app.shutdown()
    # Then the pause is on disk, and the next start is paused too
    assert json.loads((paths.data_dir() / "state.json").read_text())["paused_indefinitely"] is True
    assert make_app(qtbot, qapp).policy.paused
