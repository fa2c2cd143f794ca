"""The guided stretch window, driven by a fake clock, buttons and shortcuts."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.stretches import Library, Step, Stretch
from stretchbreak.ui.stretch_window import StretchWindow
from tests.ui.conftest import RecordingPlayer

HOLD_STRETCH = Stretch(
    "held", "Held stretch", "A test.", "lower back", "Stop if it hurts.",
    (Step("Get ready."), Step("Hold it.", hold_seconds=30), Step("Come out slowly.")),
    "reverse-stretch.svg",
)


@pytest.fixture
def window(qtbot: QtBot, library: Library, clock: FakeClock, player: RecordingPlayer) -> StretchWindow:
    win = StretchWindow(library, clock, player)
    qtbot.addWidget(win)
    return win


def start_at_hold(qtbot: QtBot, window: StretchWindow) -> None:
    window.start(HOLD_STRETCH, take_focus=True)
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.step_changed):
        window.next()
    assert window.walkthrough is not None and window.walkthrough.index == 1


def test_opens_on_the_first_step_with_text_counter_and_illustration(
    qtbot: QtBot, window: StretchWindow, library: Library
) -> None:
    stretch = library.stretches["reverse-stretch"]
    window.start(stretch, take_focus=False)
    qtbot.waitExposed(window)
    assert window.step_text.text() == stretch.steps[0].text
    assert window.step_counter.text() == f"Step 1 of {len(stretch.steps)}"
    assert window.illustration.path == library.art_path(stretch.art_for(0))
    assert window.isVisible()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def test_a_30s_hold_advances_exactly_once_at_30s(
    qtbot: QtBot, window: StretchWindow, clock: FakeClock, player: RecordingPlayer
) -> None:
    start_at_hold(qtbot, window)
    assert window.ring.isVisible() and window.ring.seconds_left == 30
    clock.advance(29.5)
    qtbot.waitUntil(lambda: window.ring.seconds_left == 1)
    assert window.walkthrough is not None and window.walkthrough.index == 1
    with qtbot.waitSignal(window.step_changed) as changed:
        clock.advance(0.5)
    assert changed.args == [2]
    assert player.cues.count("hold-end") == 1
    with qtbot.assertNotEmitted(window.step_changed, wait=600):
        clock.advance(60)
    assert window.walkthrough.index == 2


def test_pause_freezes_the_hold_and_resume_continues_where_it_was(
    qtbot: QtBot, window: StretchWindow, clock: FakeClock
) -> None:
    start_at_hold(qtbot, window)
    clock.advance(10)
    qtbot.waitUntil(lambda: window.ring.seconds_left == 20)
    window.pause_button.click()
    assert window.pause_button.text() == "Resume"
    with qtbot.assertNotEmitted(window.step_changed, wait=500):
        clock.advance(300)
    assert window.ring.seconds_left == 20
    window.pause_button.click()
    assert window.pause_button.text() == "Pause"
    clock.advance(19)
    qtbot.waitUntil(lambda: window.ring.seconds_left == 1)
    with qtbot.waitSignal(window.step_changed):
        clock.advance(1)


def test_next_back_and_done_buttons(qtbot: QtBot, window: StretchWindow, clock: FakeClock) -> None:
    window.start(HOLD_STRETCH, take_focus=True)
    assert not window.back_button.isEnabled()
    window.next_button.click()
    window.next_button.click()
    assert window.step_counter.text() == "Step 3 of 3"
    window.back_button.click()
    assert window.step_counter.text() == "Step 2 of 3"
    clock.advance(42)
    with qtbot.waitSignal(window.ended) as ended:
        window.done_button.click()
    assert ended.args == ["completed", "held", 42.0]
    assert "Well done" in window.well_done.text()


def test_finishing_the_last_step_says_well_done_and_closes(
    qtbot: QtBot, window: StretchWindow, player: RecordingPlayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("stretchbreak.ui.stretch_window.WELL_DONE_MS", 50)
    window.ask_comfort = False
    window.start(HOLD_STRETCH, take_focus=True)
    qtbot.waitExposed(window)
    window.next()
    window.next()
    assert window.next_button.text().startswith("Finish")
    with qtbot.waitSignal(window.ended) as ended:
        window.next_button.click()
    assert ended.args[0] == "completed"
    assert player.cues[-1] == "finished"
    qtbot.waitUntil(lambda: not window.isVisible())


@pytest.mark.parametrize(("button", "outcome"), [("skip_button", "skipped"), ("snooze_button", "snoozed")])
def test_skip_and_snooze_close_with_their_outcome(
    qtbot: QtBot, window: StretchWindow, button: str, outcome: str
) -> None:
    window.start(HOLD_STRETCH, take_focus=True)
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.ended) as ended:
        getattr(window, button).click()
    assert ended.args[:2] == [outcome, "held"]
    assert not window.isVisible()


def test_closing_the_window_counts_as_skipped_once(qtbot: QtBot, window: StretchWindow) -> None:
    window.start(HOLD_STRETCH, take_focus=True)
    qtbot.waitExposed(window)
    outcomes: list[str] = []
    window.ended.connect(lambda outcome, *_: outcomes.append(outcome))
    window.close()
    window.close()
    assert outcomes == ["skipped"]


def test_keyboard_shortcuts_do_what_the_buttons_do(qtbot: QtBot, window: StretchWindow, clock: FakeClock) -> None:
    window.start(HOLD_STRETCH, take_focus=True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert window.step_counter.text() == "Step 2 of 3"
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert window.walkthrough is not None and window.walkthrough.paused
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert not window.walkthrough.paused
    QTest.keyClick(window, Qt.Key.Key_Left)
    assert window.step_counter.text() == "Step 1 of 3"
    QTest.keyClick(window, Qt.Key.Key_Return)
    assert window.step_counter.text() == "Step 2 of 3"
    with qtbot.waitSignal(window.ended) as ended:
        QTest.keyClick(window, Qt.Key.Key_D)
    assert ended.args[0] == "completed"


@pytest.mark.parametrize(("key", "outcome"), [(Qt.Key.Key_Escape, "skipped"), (Qt.Key.Key_Z, "snoozed")])
def test_escape_skips_and_z_snoozes(qtbot: QtBot, window: StretchWindow, key: Qt.Key, outcome: str) -> None:
    window.start(HOLD_STRETCH, take_focus=True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.ended) as ended:
        QTest.keyClick(window, key)
    assert ended.args[0] == outcome


def test_snooze_can_be_withheld(qtbot: QtBot, window: StretchWindow) -> None:
    window.start(HOLD_STRETCH, take_focus=True)
    window.set_snooze_allowed(False)
    with qtbot.assertNotEmitted(window.ended):
        window.snooze()
    assert window.isVisible()


def test_every_control_button_has_a_shortcut_in_its_tooltip(window: StretchWindow) -> None:
    controls = [window.back_button, window.pause_button, window.next_button, window.done_button,
                window.snooze_button, window.skip_button]
    assert set(controls) <= set(window.findChildren(QPushButton))
    for button in controls:
        assert "(" in button.toolTip() and button.accessibleName(), button.text()


def test_the_hold_start_cue_plays_when_a_hold_begins(
    qtbot: QtBot, window: StretchWindow, player: RecordingPlayer
) -> None:
    start_at_hold(qtbot, window)
    assert player.cues == ["hold-start"]


def test_starting_another_stretch_ends_the_first_as_skipped(
    qtbot: QtBot, window: StretchWindow, library: Library
) -> None:
    window.start(HOLD_STRETCH, take_focus=True)
    with qtbot.waitSignal(window.ended) as ended:
        window.start(library.stretches["cobra-low"], take_focus=True)
    assert ended.args[:2] == ["skipped", "held"]
    assert window.title.text() == library.stretches["cobra-low"].name


def test_after_a_completed_stretch_the_comfort_answer_is_reported_and_the_window_closes(
    qtbot: QtBot, window: StretchWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("stretchbreak.ui.stretch_window.AFTER_ANSWER_MS", 50)
    window.start(HOLD_STRETCH, take_focus=True)
    qtbot.waitExposed(window)
    window.done()
    assert window.comfort.isVisible() and window.comfort.is_open
    with qtbot.waitSignal(window.comfort_answered) as answered:
        window.comfort.buttons[7].click()
    assert answered.args == ["held", 7]
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_comfort_question_can_be_skipped(
    qtbot: QtBot, window: StretchWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("stretchbreak.ui.stretch_window.AFTER_ANSWER_MS", 50)
    window.start(HOLD_STRETCH, take_focus=True)
    qtbot.waitExposed(window)
    window.done()
    with qtbot.assertNotEmitted(window.comfort_answered):
        window.comfort.skip_button.click()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_markup_in_a_stretch_file_is_shown_as_text(qtbot: QtBot, window: StretchWindow) -> None:
    tagged = Stretch("tagged", "Name <b>bold</b>", "s", "b", "Careful <img src='x.png'>",
                     (Step("Step <a href='https://example.org'>link</a>", reps=2),), "reverse-stretch.svg")
    window.start(tagged, take_focus=False)
    for label in (window.title, window.step_text, window.caution, window.badge):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert window.step_text.text() == "Step <a href='https://example.org'>link</a>"
