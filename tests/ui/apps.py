"""Builds the composed app for widget tests: a fake clock, a scripted idle source, no desktop checks, no
session bus, state in the test's data folder, offscreen (so the control window stands in for the tray).
Each test module keeps its apps in an AppRegistry and shuts them down after each test."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretchbreak import paths
from stretchbreak.app import StretchbreakApp
from stretchbreak.core.clock import FakeClock
from stretchbreak.core.history import HistoryStore
from stretchbreak.core.state_store import StateStore
from stretchbreak.ui.sound import CuePlayer, SilentPlayer
from stretchbreak.ui.stretch_window import StretchWindow


class ScriptedIdle:
    """An idle source the test sets: seconds since the last input."""

    name = "fake"

    def __init__(self, idle: float = 0.0) -> None:
        self.idle = idle

    def idle_seconds(self) -> float:
        return self.idle


def open_stretch(qtbot: QtBot, app: StretchbreakApp, stretch_id: str) -> StretchWindow:
    """Start a stretch as the menu does and hand back its window, looked after by qtbot."""
    assert app.start_stretch(stretch_id)
    window = app.stretch_window
    assert window is not None
    qtbot.addWidget(window)
    return window


class AppRegistry:
    def __init__(self) -> None:
        self.apps: list[StretchbreakApp] = []

    def make(self, qtbot: QtBot, qapp: QApplication, clock: FakeClock | None = None, *, idle: Any = "scripted",
             history: HistoryStore | bool = True, sound: CuePlayer | None = None,
             state_saved_in_place: bool = True) -> StretchbreakApp:
        """idle: an idle source, "scripted" for a ScriptedIdle reading 0, None for the one the app picks.
        state_saved_in_place: state.json written as the policy saves it (False: the app's own background store)."""
        store = StateStore(paths.data_dir() / "state.json") if state_saved_in_place else None
        app = StretchbreakApp(qapp, clock or FakeClock(), idle=ScriptedIdle() if idle == "scripted" else idle,
                              blocked_by=lambda: None, state_store=store, history=history, session_events=False,
                              sound=sound or SilentPlayer())
        self.apps.append(app)
        app.show_ui()
        if app.control_window is not None:
            qtbot.addWidget(app.control_window)
        return app

    def shut_down_all(self) -> None:
        while self.apps:
            app = self.apps.pop()
            app.shutdown()
            for widget in (app.stretch_window, app.control_window, app.settings_dialog):
                if widget is not None:
                    widget.hide()
            app.deleteLater()
