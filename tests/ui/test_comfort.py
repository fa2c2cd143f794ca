"""The comfort question: one click or one key answers, Esc skips, and it asks only once."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from stretchbreak.ui.comfort import QUESTION, ComfortQuestion


@pytest.fixture
def question(qtbot: QtBot) -> ComfortQuestion:
    widget = ComfortQuestion()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_it_asks_with_eleven_numbered_buttons_and_names_the_ends(question: ComfortQuestion) -> None:
    assert question.question.text() == QUESTION
    assert [b.text() for b in question.buttons] == [str(n) for n in range(11)]
    assert question.worst_label.text() == "0 = worst"
    assert question.best_label.text() == "10 = best"
    assert question.buttons[0].accessibleName() == "0 out of 10 (worst)"
    assert question.buttons[10].accessibleName() == "10 out of 10 (best)"


def test_every_control_has_an_accessible_name(question: ComfortQuestion) -> None:
    widgets = [question, *question.findChildren(QWidget)]
    assert len(widgets) > 14
    assert all(w.accessibleName() for w in widgets), [w for w in widgets if not w.accessibleName()]


def test_one_click_answers(qtbot: QtBot, question: ComfortQuestion) -> None:
    with qtbot.waitSignal(question.answered) as answered:
        QTest.mouseClick(question.buttons[7], Qt.MouseButton.LeftButton)
    assert answered.args == [7]
    assert not question.is_open
    assert "7" in question.status.text()


@pytest.mark.parametrize(("key", "value"), [
    (Qt.Key.Key_0, 0), (Qt.Key.Key_4, 4), (Qt.Key.Key_9, 9), (Qt.Key.Key_T, 10),
])
def test_one_key_answers(qtbot: QtBot, question: ComfortQuestion, key: Qt.Key, value: int) -> None:
    with qtbot.waitSignal(question.answered) as answered:
        QTest.keyClick(question, key)
    assert answered.args == [value]


def test_keypad_digits_answer_too(qtbot: QtBot, question: ComfortQuestion) -> None:
    with qtbot.waitSignal(question.answered) as answered:
        QTest.keyClick(question, Qt.Key.Key_6, Qt.KeyboardModifier.KeypadModifier)
    assert answered.args == [6]


def test_a_digit_with_ctrl_is_not_an_answer(qtbot: QtBot, question: ComfortQuestion) -> None:
    with qtbot.assertNotEmitted(question.answered):
        QTest.keyClick(question, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert question.is_open


def test_escape_skips(qtbot: QtBot, question: ComfortQuestion) -> None:
    with qtbot.waitSignal(question.skipped), qtbot.assertNotEmitted(question.answered):
        QTest.keyClick(question, Qt.Key.Key_Escape)
    assert not question.is_open


def test_the_skip_button_skips(qtbot: QtBot, question: ComfortQuestion) -> None:
    with qtbot.waitSignal(question.skipped):
        QTest.mouseClick(question.skip_button, Qt.MouseButton.LeftButton)


def test_it_answers_once_until_asked_again(qtbot: QtBot, question: ComfortQuestion) -> None:
    with qtbot.waitSignal(question.answered):
        QTest.keyClick(question, Qt.Key.Key_3)
    with qtbot.assertNotEmitted(question.answered), qtbot.assertNotEmitted(question.skipped):
        QTest.keyClick(question, Qt.Key.Key_8)
        QTest.keyClick(question, Qt.Key.Key_Escape)
        question.buttons[8].click()
    assert not question.buttons[8].isEnabled()
    question.ask()
    assert question.is_open and question.status.text() == ""
    with qtbot.waitSignal(question.answered) as answered:
        QTest.keyClick(question, Qt.Key.Key_8)
    assert answered.args == [8]


def test_the_arrow_keys_move_along_the_scale(qtbot: QtBot, question: ComfortQuestion) -> None:
    question.buttons[5].setFocus()
    QTest.keyClick(question.buttons[5], Qt.Key.Key_Right)
    assert question.buttons[6].hasFocus()
    QTest.keyClick(question.buttons[6], Qt.Key.Key_Left)
    QTest.keyClick(question.buttons[5], Qt.Key.Key_Left)
    assert question.buttons[4].hasFocus()
    with qtbot.waitSignal(question.answered) as answered:
        QTest.keyClick(question.buttons[4], Qt.Key.Key_Space)
    assert answered.args == [4]


def test_its_keys_win_over_the_windows_own_shortcuts(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    question = ComfortQuestion(window)
    QVBoxLayout(window).addWidget(question)
    fired: list[str] = []
    for key in ("Escape", "5", "Right"):
        QShortcut(QKeySequence(key), window).activated.connect(lambda k=key: fired.append(k))
    window.show()
    qtbot.waitExposed(window)
    question.buttons[2].setFocus()
    qtbot.waitUntil(question.buttons[2].hasFocus)
    QTest.keyClick(question.buttons[2], Qt.Key.Key_Right)
    assert question.buttons[3].hasFocus()
    with qtbot.waitSignal(question.answered) as answered:
        QTest.keyClick(question.buttons[3], Qt.Key.Key_5)
    assert answered.args == [5]
    assert fired == []
    question.ask()
    with qtbot.waitSignal(question.skipped):
        QTest.keyClick(question.buttons[3], Qt.Key.Key_Escape)
    assert fired == []
    QTest.keyClick(question.buttons[3], Qt.Key.Key_Escape)  # asked and answered: the window's Esc works again
    assert fired == ["Escape"]
