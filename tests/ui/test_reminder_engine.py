"""The reminder engine asks the desktop whether to wait only when a reminder is about to open.

Asking means an X round trip (and D-Bus where present) on every poll, so far from a reminder it must not happen;
near and at the reminder it must, or a fullscreen video would be interrupted. Given / When / Then, fake clock.
"""

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.reminders import ReminderPolicy, State
from stretchbreak.core.settings import ReminderSettings, ScheduleSettings, Settings
from stretchbreak.core.sitting import SittingTracker
from stretchbreak.core.state_store import MemoryStateStore
from stretchbreak.ui.reminder_engine import NEAR_DUE_SECONDS, POLL_SECONDS, ReminderEngine
from stretchbreak.ui.scheduler import CheckScheduler

SIT_LIMIT = 120
ALL_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Typist:
    name = "fake"

    def idle_seconds(self) -> float:
        return 3.0  # input a few seconds ago: sitting, not typing this instant


class Desktop:
    def __init__(self) -> None:
        self.asked = 0
        self.answer: str | None = None

    def blocked_by(self) -> str | None:
        self.asked += 1
        return self.answer


class LateDesktop(Desktop):
    """Like the do-not-disturb check over D-Bus: each call returns the reply to the call before it."""

    def __init__(self) -> None:
        super().__init__()
        self._reply: str | None = None

    def blocked_by(self) -> str | None:
        self.asked += 1
        reply, self._reply = self._reply, self.answer
        return reply


@pytest.fixture
def rig(request: pytest.FixtureRequest,
        qtbot: QtBot) -> Iterator[tuple[FakeClock, ReminderEngine, Desktop, list[str]]]:
    clock = FakeClock()
    settings = Settings(reminder=ReminderSettings(sit_limit=SIT_LIMIT, natural_break=60, warn_before=0,
                                                  favourite="a"),
                        schedule=ScheduleSettings(days=ALL_WEEK, hours=""))
    tracker = SittingTracker(clock, settings.reminder.natural_break)
    policy = ReminderPolicy(clock, tracker, settings, ["a"], MemoryStateStore())
    desktop = LateDesktop() if getattr(request, "param", "") == "late" else Desktop()
    owner = QObject()
    engine = ReminderEngine(policy, tracker, Typist(), desktop.blocked_by, CheckScheduler(lambda: None, clock.now),
                            owner)
    shown: list[str] = []
    engine.show_reminder.connect(lambda stretch_id, _snooze: shown.append(stretch_id))
    yield clock, engine, desktop, shown
    engine.stop()


def poll_for(clock: FakeClock, engine: ReminderEngine, seconds: float) -> None:
    for _ in range(int(seconds / POLL_SECONDS)):
        clock.advance(POLL_SECONDS)
        engine.check()


def test_far_from_the_reminder_the_desktop_is_not_asked(rig: tuple[FakeClock, ReminderEngine, Desktop,
                                                                    list[str]]) -> None:
    clock, engine, desktop, shown = rig
    # Given a person who has just sat down, When the engine polls until well before the reminder
    poll_for(clock, engine, SIT_LIMIT - NEAR_DUE_SECONDS - POLL_SECONDS)
    # Then it never asked the desktop, and nothing opened
    assert desktop.asked == 0
    assert shown == []


def test_a_fullscreen_window_defers_the_due_reminder_until_it_closes(
        rig: tuple[FakeClock, ReminderEngine, Desktop, list[str]]) -> None:
    clock, engine, desktop, shown = rig
    # Given a fullscreen video
    desktop.answer = "fullscreen"
    # When the person sits past the limit
    poll_for(clock, engine, SIT_LIMIT + 30)
    # Then the desktop was asked near the end, the reminder waits, and says why
    assert desktop.asked > 0
    assert shown == []
    assert engine.policy.state() is State.DEFERRED
    # When the video ends
    desktop.answer = None
    poll_for(clock, engine, POLL_SECONDS)
    # Then the reminder opens
    assert shown == ["a"]


@pytest.mark.parametrize("rig", ["late"], indirect=True)
def test_a_reminder_due_at_the_first_look_waits_for_a_fresh_answer_from_the_desktop(
        rig: tuple[FakeClock, ReminderEngine, Desktop, list[str]]) -> None:
    clock, engine, desktop, shown = rig
    # Given someone sitting for a minute, far from the reminder, with do-not-disturb on
    poll_for(clock, engine, 60)
    desktop.answer = "notifications inhibited"
    assert desktop.asked == 0
    # When they lower the sit limit below the time they have sat
    settings = engine.policy.settings
    engine.policy.apply_settings(replace(settings, reminder=replace(settings.reminder, sit_limit=30)))
    engine.after_user_action()
    # Then the reminder does not open on the desktop's stale answer
    assert shown == []
    # And at the look that follows, it waits for do-not-disturb to end
    engine.check()
    assert shown == []
    assert engine.policy.state() is State.DEFERRED and engine.policy.deferred_by == "notifications inhibited"
