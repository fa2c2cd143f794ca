"""What a screen reader finds in the three windows: every widget has a name, every control a description.

The names are read the way assistive technology reads them, through QAccessible, so a button or a label may
be named by its text; anything Qt cannot name from its text must have been given a name.
"""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.history import HistoryStore
from stretchbreak.core.settings import Settings
from stretchbreak.core.stretches import Library
from stretchbreak.ui.settings_dialog import SettingsDialog
from stretchbreak.ui.stats_window import StatsWindow
from stretchbreak.ui.stretch_window import StretchWindow
from tests.ui.conftest import FakeSpeaker
from tests.unit.test_history import CET, WallClock


def accessible_text(widget: QWidget, kind: QAccessible.Text) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, f"{type(widget).__name__} {widget.objectName()} has no accessible interface"
    return interface.text(kind).strip()


def every_widget(window: QWidget) -> list[QWidget]:
    """The window and everything in it, except the inner parts of combo and spin boxes: a screen reader
    meets those as one control, which is named."""
    compound = window.findChildren(QComboBox) + window.findChildren(QAbstractSpinBox)
    return [window, *(w for w in window.findChildren(QWidget) if not any(inside(w, c) for c in compound))]


def inside(widget: QWidget, outer: QWidget) -> bool:
    """Whether `widget` belongs to `outer`, popups included (isAncestorOf stops at a popup's window)."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent is outer:
            return True
        parent = parent.parentWidget()
    return False


def unnamed(window: QWidget) -> list[str]:
    return [f"{type(w).__name__} '{w.objectName()}'" for w in every_widget(window)
            if not accessible_text(w, QAccessible.Text.Name)]


def undescribed_controls(window: QWidget) -> list[str]:
    """Visible controls (what Tab can reach, and every button) without a description."""
    controls = [w for w in every_widget(window)
                if w is not window and w.isVisibleTo(window) and not isinstance(w, QLabel)
                and (isinstance(w, QAbstractButton) or w.focusPolicy() & Qt.FocusPolicy.TabFocus)]
    assert controls
    return [f"{type(w).__name__} {accessible_text(w, QAccessible.Text.Name)!r}" for w in controls
            if not described(w)]


def described(widget: QWidget) -> bool:
    if isinstance(widget, QTabBar):
        # A tab bar describes each of its tabs (the screen reader's items), not itself.
        interface = QAccessible.queryAccessibleInterface(widget)
        tabs = [interface.child(i) for i in range(interface.childCount())]
        return all(tab.text(QAccessible.Text.Description).strip() for tab in tabs
                   if tab.role() == QAccessible.Role.PageTab)
    return bool(accessible_text(widget, QAccessible.Text.Description))


@pytest.fixture
def stretch_window(qtbot: QtBot, library: Library) -> StretchWindow:
    window = StretchWindow(library, FakeClock(), speech=FakeSpeaker())
    qtbot.addWidget(window)
    window.start(library.stretches["hip-flexor-release"], take_focus=True)
    qtbot.waitExposed(window)
    window.next()
    window.next()
    return window


@pytest.fixture
def settings_dialog(qtbot: QtBot, library: Library) -> SettingsDialog:
    dialog = SettingsDialog(Settings(), library.ordered(), lambda s: None, voice=FakeSpeaker())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def stats_window(qtbot: QtBot, tmp_path: Path) -> Iterator[StatsWindow]:
    clock = WallClock(datetime(2026, 3, 4, 16, 0, tzinfo=CET))
    with HistoryStore(tmp_path / "history.sqlite3", clock) as store:
        store.record_stretch("cobra-low", "completed", 60, sitting_seconds=1800)
        window = StatsWindow(store, clock, {"cobra-low": "Cobra 1: low, on the fists"})
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        yield window


def test_every_widget_of_the_stretch_window_has_a_name(stretch_window: StretchWindow) -> None:
    assert len(every_widget(stretch_window)) > 30
    assert unnamed(stretch_window) == []


def test_the_well_done_page_too(qtbot: QtBot, stretch_window: StretchWindow) -> None:
    stretch_window.done()
    assert unnamed(stretch_window) == []
    assert "Well done" in accessible_text(stretch_window.well_done, QAccessible.Text.Description)


def test_every_widget_of_the_settings_dialog_has_a_name(settings_dialog: SettingsDialog) -> None:
    assert len(every_widget(settings_dialog)) > 60
    assert unnamed(settings_dialog) == []


def test_every_widget_of_the_statistics_window_has_a_name(stats_window: StatsWindow) -> None:
    assert unnamed(stats_window) == []


@pytest.mark.parametrize("window", ["stretch_window", "settings_dialog", "stats_window"])
def test_every_control_has_a_description(request: pytest.FixtureRequest, window: str) -> None:
    assert undescribed_controls(request.getfixturevalue(window)) == []


def test_the_step_is_read_with_its_place_in_the_stretch(stretch_window: StretchWindow, library: Library) -> None:
    step = library.stretches["hip-flexor-release"].steps[2]
    assert accessible_text(stretch_window.step_text, QAccessible.Text.Name) == f"Step 3 of 7: {step.text}"
    assert accessible_text(stretch_window.ring, QAccessible.Text.Description) == "30 seconds left"
    stretch_window.toggle_pause()
    assert accessible_text(stretch_window.pause_button, QAccessible.Text.Name) == "Resume"
    assert accessible_text(stretch_window.ring, QAccessible.Text.Description) == "30 seconds left, paused"


def test_a_missing_name_would_be_found(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    QWidget(window).setObjectName("anonymous")
    window.setAccessibleName("named")
    assert unnamed(window) == ["QWidget 'anonymous'"]
