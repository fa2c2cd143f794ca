"""The stretch window, the settings dialog and the statistics window from the keyboard alone."""

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.history import HistoryStore
from stretchbreak.core.settings import Settings
from stretchbreak.core.stretches import Library
from stretchbreak.ui.settings_dialog import SettingsDialog
from stretchbreak.ui.stats_window import StatsWindow
from stretchbreak.ui.stretch_window import StretchWindow
from tests.ui.conftest import FakeSpeaker, RecordingPlayer
from tests.unit.test_history import CET, WallClock


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key typed by the user: it goes to whatever has the focus, like a real key press."""
    QTest.keyClick(focused(), key, modifier)


@pytest.fixture
def window(qtbot: QtBot, library: Library, clock: FakeClock, player: RecordingPlayer,
           speaker: FakeSpeaker) -> StretchWindow:
    win = StretchWindow(library, clock, player, speech=speaker)
    qtbot.addWidget(win)
    return win


def test_a_whole_stretch_by_keys_alone(
    qtbot: QtBot, window: StretchWindow, library: Library, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("stretchbreak.ui.stretch_window.AFTER_ANSWER_MS", 50)
    stretch = library.stretches["hip-flexor-release"]
    window.start(stretch, take_focus=True)
    qtbot.waitUntil(window.isActiveWindow)
    walk = window.walkthrough
    assert walk is not None
    outcomes: list[str] = []
    window.ended.connect(lambda outcome, *_: outcomes.append(outcome))

    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Return)
    assert walk.index == 2 and walk.hold is not None
    press(Qt.Key.Key_Space)
    assert walk.paused and window.pause_button.text() == "Resume"
    clock.advance(120)
    press(Qt.Key.Key_P)
    assert not walk.paused and window.ring.seconds_left == 30
    press(Qt.Key.Key_Left)
    assert walk.index == 1
    for _ in range(5):
        press(Qt.Key.Key_Right)
    assert walk.is_last and window.next_button.text().startswith("Finish")
    press(Qt.Key.Key_Return)
    assert outcomes == ["completed"]

    comfort = window.comfort
    qtbot.waitUntil(comfort.hasFocus)
    with qtbot.waitSignal(window.comfort_answered) as answered:
        press(Qt.Key.Key_8)
    assert answered.args == ["hip-flexor-release", 8]
    qtbot.waitUntil(lambda: not window.isVisible())


def test_tab_visits_the_buttons_in_order_and_a_focused_button_takes_space_and_return(
    qtbot: QtBot, window: StretchWindow, library: Library
) -> None:
    window.start(library.stretches["hip-flexor-release"], take_focus=True)
    qtbot.waitUntil(window.isActiveWindow)
    window.next()
    window.next()
    assert focused() is window.step_text
    visited = []
    for _ in range(7):
        press(Qt.Key.Key_Tab)
        visited.append(focused())
    assert visited == [window.back_button, window.pause_button, window.next_button, window.done_button,
                       window.snooze_button, window.skip_button, window.step_text]
    walk = window.walkthrough
    assert walk is not None
    window.back_button.setFocus()
    press(Qt.Key.Key_Return)
    assert walk.index == 1, "Return on the focused Back button goes back, not forward"
    window.next()
    window.pause_button.setFocus()
    press(Qt.Key.Key_Space)
    assert walk.paused
    press(Qt.Key.Key_Space)
    assert not walk.paused


def test_a_focused_button_shows_a_focus_ring(qtbot: QtBot, window: StretchWindow, library: Library) -> None:
    window.start(library.stretches["cobra-low"], take_focus=True)
    qtbot.waitUntil(window.isActiveWindow)
    button = window.done_button
    unfocused = button.grab().toImage()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    assert button.grab().toImage() != unfocused


def test_the_window_lists_its_shortcuts(window: StretchWindow) -> None:
    hints = window.hints.text()
    for key in ("Space", "←", "→", "Return", "D", "Z", "Esc", "Tab"):
        assert key in hints
    assert window.hints.isVisibleTo(window) and window.hints.isEnabled()


def test_the_settings_dialog_saves_and_cancels_from_the_keyboard(qtbot: QtBot, library: Library) -> None:
    saved: list[Settings] = []
    dialog = SettingsDialog(Settings(), library.ordered(), saved.append, voice=FakeSpeaker())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isActiveWindow)
    tabs = dialog.findChild(QTabWidget)
    assert tabs is not None
    assert tabs.isAncestorOf(focused())
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    press(Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentWidget() is dialog.guidance
    dialog.sit_limit.setFocus()
    with qtbot.waitSignal(dialog.accepted):
        press(Qt.Key.Key_Return)
    assert len(saved) == 1
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    with qtbot.waitSignal(dialog.rejected):
        press(Qt.Key.Key_Escape)


def test_every_control_of_the_settings_dialog_is_reached_by_tab(qtbot: QtBot, library: Library) -> None:
    dialog = SettingsDialog(Settings(), library.ordered(), lambda s: None, voice=FakeSpeaker())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.guidance.voice_enabled.setChecked(True)
    reached = set()
    tabs = dialog.findChild(QTabWidget)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        tabs.tabBar().setFocus()
        for _ in range(60):
            press(Qt.Key.Key_Tab)
            reached.add(focused())
    controls = [dialog.sit_limit, dialog.max_snoozes, dialog.choice, dialog.hours, dialog.language,
                dialog.favourite, *dialog.holds.values(), dialog.guidance.sound, dialog.guidance.sound_volume,
                dialog.guidance.voice_enabled, dialog.guidance.voice_rate, dialog.guidance.voice,
                dialog.guidance.try_voice, *dialog.days.values()]
    missed = [c.accessibleName() for c in controls if c not in reached]
    assert missed == []


def test_the_statistics_window_refreshes_tabs_to_its_charts_and_closes_by_keys(
    qtbot: QtBot, tmp_path: Path
) -> None:
    clock = WallClock(datetime(2026, 3, 4, 16, 0, tzinfo=CET))
    with HistoryStore(tmp_path / "history.sqlite3", clock) as store:
        window = StatsWindow(store, clock, {"cobra-low": "Cobra 1: low, on the fists"})
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(window.isActiveWindow)
        store.record_stretch("cobra-low", "completed", 60, sitting_seconds=600)
        press(Qt.Key.Key_F5)
        assert window.today_values["stretches"].text() == "1"
        reached = set()
        for _ in range(8):
            press(Qt.Key.Key_Tab)
            reached.add(focused())
        charts = {window.stretches_chart, window.sitting_chart, window.comfort_chart}
        assert charts <= reached
        assert {b for b in reached if isinstance(b, QPushButton)} == {window.refresh_button, window.close_button}
        press(Qt.Key.Key_Escape)
        assert not window.isVisible()
