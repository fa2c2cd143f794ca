"""Behaviour of sitting detection and reminders, step by step on a fake clock with a scripted idle source.

Each test reads Given / When / Then.
"""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.reminders import (
    BreakNoticed,
    Command,
    ReminderPolicy,
    Show,
    SnoozeRefused,
    State,
    Warn,
    until_tomorrow,
)
from stretchbreak.core.settings import ReminderSettings, ScheduleSettings, Settings
from stretchbreak.core.sitting import SittingTracker
from stretchbreak.core.state_store import MemoryStateStore

MINUTE = 60.0
MONDAY_10AM = datetime(2026, 3, 2, 10, 0).astimezone()
IDS = ["a", "b", "c"]


class Desk:
    """A person at a desk: the fake clock, the tracker and the policy, sampled every 5 s like the app."""

    def __init__(self, settings: Settings | None = None, store: MemoryStateStore | None = None,
                 start: datetime = MONDAY_10AM) -> None:
        self.settings = settings or Settings(
            reminder=ReminderSettings(sit_limit=50 * 60, natural_break=5 * 60, warn_before=60, favourite="a"),
            schedule=ScheduleSettings(days=("mon", "tue", "wed", "thu", "fri"), hours=""),
        )
        self.clock = FakeClock(start)
        self.store = store or MemoryStateStore()
        self.tracker = SittingTracker(self.clock, self.settings.reminder.natural_break)
        self.policy = ReminderPolicy(self.clock, self.tracker, self.settings, IDS, self.store)
        self.commands: list[Command] = []
        self.idle = 0.0
        self.blocked_by: str | None = None

    def _tick(self, step: float) -> None:
        self.clock.advance(step)
        self.tracker.sample(self.idle)
        self.commands += self.policy.update(self.blocked_by)

    def work(self, seconds: float, step: float = 5.0, typing: bool = False) -> None:
        """Keep using the computer: input at least every few seconds (just now, when typing)."""
        elapsed = 0.0
        while elapsed < seconds - 1e-9:
            chunk = min(step, seconds - elapsed)
            self.idle = 0.0 if typing else 3.0
            self._tick(chunk)
            elapsed += chunk

    def leave(self, seconds: float, step: float = 5.0) -> None:
        """No input at all: idle grows."""
        elapsed = 0.0
        while elapsed < seconds - 1e-9:
            chunk = min(step, seconds - elapsed)
            self.idle += chunk
            self._tick(chunk)
            elapsed += chunk

    def shows(self) -> list[Show]:
        return [c for c in self.commands if isinstance(c, Show)]

    def warns(self) -> list[Warn]:
        return [c for c in self.commands if isinstance(c, Warn)]


def test_fires_once_at_the_limit() -> None:
    # Given someone working steadily
    desk = Desk()
    # When they pass 49 minutes, then 50
    desk.work(49 * MINUTE)
    assert desk.shows() == []
    desk.work(MINUTE + 5)
    # Then exactly one reminder opens, with the favourite, and no more while it is open
    assert desk.shows() == [Show("a", True)]
    desk.work(30 * MINUTE)
    assert len(desk.shows()) == 1
    assert desk.policy.state() is State.STRETCHING


def test_a_heads_up_comes_warn_before_the_reminder() -> None:
    desk = Desk()
    desk.work(48 * MINUTE + 55)
    assert desk.warns() == []
    desk.work(10)
    [warn] = desk.warns()
    assert 0 < warn.seconds <= 60
    assert desk.policy.state() is State.WARNING


def test_short_idle_does_not_reset_sitting_time() -> None:
    # Given 30 minutes of work
    desk = Desk()
    desk.work(30 * MINUTE)
    # When they stop for 4 minutes (less than the 5 minute natural break) and come back
    desk.leave(4 * MINUTE)
    desk.work(5)
    # Then sitting time kept growing through the pause
    assert desk.tracker.sitting_seconds() == pytest.approx(34 * MINUTE + 5, abs=5)
    desk.work(16 * MINUTE)
    assert len(desk.shows()) == 1


def test_a_natural_break_resets_and_nothing_fires_while_away() -> None:
    # Given 45 minutes of work
    desk = Desk()
    desk.work(45 * MINUTE)
    # When they walk away for 20 minutes, well past when the reminder would have come
    desk.leave(20 * MINUTE)
    # Then nothing fired while they were away and the state says so
    assert desk.shows() == [] and desk.warns() == []
    assert desk.policy.state() is State.AWAY
    assert desk.policy.seconds_to_reminder() is None
    # And when they return, sitting time starts over from the return
    desk.work(10)
    assert desk.tracker.sitting_seconds() < 15
    breaks = [c for c in desk.commands if isinstance(c, BreakNoticed)]
    assert len(breaks) == 1 and breaks[0].natural_break.seconds == pytest.approx(20 * MINUTE + 7, abs=5)
    desk.work(45 * MINUTE)
    assert desk.shows() == []


def test_a_two_hour_sleep_gives_no_reminder_on_wake_and_a_fresh_interval() -> None:
    # Given 49 minutes of work
    desk = Desk()
    desk.work(49 * MINUTE)
    # When the laptop sleeps for 2 hours and they wake it with a key press
    desk.clock.suspend(2 * 3600)
    desk.work(5)
    # Then no stale reminder, and a fresh interval
    assert desk.shows() == []
    assert desk.tracker.sitting_seconds() < MINUTE
    desk.work(48 * MINUTE)
    assert desk.shows() == []
    desk.work(2 * MINUTE)
    assert len(desk.shows()) == 1


def test_a_short_sleep_keeps_the_sitting_time() -> None:
    desk = Desk()
    desk.work(30 * MINUTE)
    desk.clock.suspend(2 * MINUTE)
    desk.work(5)
    assert desk.tracker.sitting_seconds() == pytest.approx(30 * MINUTE + 5, abs=3)


def test_a_one_minute_lock_keeps_time() -> None:
    desk = Desk()
    desk.work(30 * MINUTE)
    desk.tracker.set_locked(True)
    desk.leave(1 * MINUTE)
    desk.tracker.set_locked(False)
    desk.idle = 0
    desk.work(5)
    assert desk.tracker.sitting_seconds() == pytest.approx(30 * MINUTE + 5, abs=3)
    assert not [c for c in desk.commands if isinstance(c, BreakNoticed)]


def test_a_long_lock_is_a_natural_break() -> None:
    desk = Desk()
    desk.work(45 * MINUTE)
    desk.tracker.set_locked(True)
    desk.leave(10 * MINUTE)
    assert desk.shows() == []
    desk.tracker.set_locked(False)
    desk.idle = 0
    desk.work(5)
    assert desk.tracker.sitting_seconds() < MINUTE
    assert desk.shows() == []


@pytest.mark.parametrize("jump", [3600, -3600])
def test_a_wall_clock_jump_changes_nothing(jump: float) -> None:
    # Given 40 minutes of work
    desk = Desk()
    desk.work(40 * MINUTE)
    # When the wall clock jumps an hour
    desk.clock.jump_wall(jump)
    desk.work(5)
    # Then it neither fires nor resets
    assert desk.shows() == []
    assert desk.tracker.sitting_seconds() == pytest.approx(40 * MINUTE + 5, abs=3)
    desk.work(10 * MINUTE)
    assert len(desk.shows()) == 1


def test_snooze_returns_after_its_length_and_rearms_the_heads_up() -> None:
    # Given the reminder is open
    desk = Desk()
    desk.work(50 * MINUTE + 5)
    assert len(desk.shows()) == 1 and len(desk.warns()) == 1
    # When the user snoozes it for 10 minutes
    desk.policy.stretch_ended("snoozed")
    assert desk.policy.state() is State.SNOOZED
    # Then it comes back after 10 more minutes of sitting, heads-up first
    desk.work(9 * MINUTE - 10)
    assert len(desk.shows()) == 1 and len(desk.warns()) == 1
    desk.work(MINUTE)
    assert len(desk.warns()) == 2
    desk.work(MINUTE)
    assert len(desk.shows()) == 2


def test_snooze_limit_then_no_snooze_until_a_stretch_is_done() -> None:
    desk = Desk()
    desk.work(50 * MINUTE + 5)
    for _ in range(3):
        assert desk.shows()[-1].snooze_allowed
        desk.policy.stretch_ended("snoozed")
        desk.work(10 * MINUTE + 5)
    assert desk.shows()[-1] == Show("a", False)
    assert desk.policy.snoozes_left == 0
    with pytest.raises(SnoozeRefused):
        desk.policy.snooze()
    desk.policy.stretch_ended("completed")
    assert desk.policy.snoozes_left == 3


def test_a_natural_break_resets_the_snooze_count() -> None:
    desk = Desk()
    desk.work(50 * MINUTE + 5)
    desk.policy.stretch_ended("snoozed")
    assert desk.policy.snoozes_left == 2
    desk.leave(6 * MINUTE)
    desk.work(5)
    assert desk.policy.snoozes_left == 3


def test_skip_is_a_full_interval() -> None:
    desk = Desk()
    desk.work(50 * MINUTE + 5)
    desk.policy.stretch_ended("skipped")
    desk.work(49 * MINUTE)
    assert len(desk.shows()) == 1
    desk.work(MINUTE + 5)
    assert len(desk.shows()) == 2


def test_skip_from_the_command_line_before_the_reminder_starts_a_full_interval() -> None:
    desk = Desk()
    desk.work(40 * MINUTE)
    desk.policy.skip()
    desk.work(49 * MINUTE)
    assert desk.shows() == []


def test_a_timed_pause_ends_on_its_own_and_survives_a_restart() -> None:
    # Given a 1 hour pause
    desk = Desk()
    desk.policy.pause(desk.clock.now() + timedelta(hours=1))
    desk.work(30 * MINUTE)
    assert desk.policy.state() is State.PAUSED
    assert desk.policy.seconds_until_next_check() == pytest.approx(30 * MINUTE)
    # When the app restarts half-way
    restarted = Desk(desk.settings, desk.store, start=desk.clock.now())
    # Then it is still paused, with nothing firing
    assert restarted.policy.state() is State.PAUSED
    restarted.work(29 * MINUTE)
    assert restarted.shows() == [] and restarted.policy.paused
    # And the pause ends on its own, starting a fresh interval
    restarted.work(MINUTE + 5)
    assert not restarted.policy.paused
    assert restarted.policy.state() is State.SITTING
    restarted.work(49 * MINUTE)
    assert restarted.shows() == []
    restarted.work(MINUTE + 5)
    assert len(restarted.shows()) == 1


def test_an_open_pause_lasts_until_resumed() -> None:
    desk = Desk()
    desk.policy.pause(None)
    desk.work(5 * 3600)
    assert desk.shows() == [] and desk.policy.seconds_until_next_check() is None
    desk.policy.resume()
    desk.work(50 * MINUTE + 5)
    assert len(desk.shows()) == 1


def test_a_snooze_survives_a_restart() -> None:
    desk = Desk()
    desk.work(50 * MINUTE + 5)
    desk.policy.stretch_ended("snoozed")
    desk.work(4 * MINUTE)
    restarted = Desk(desk.settings, desk.store, start=desk.clock.now())
    assert restarted.policy.state() is State.SNOOZED
    assert restarted.policy.seconds_to_reminder() == pytest.approx(6 * MINUTE, abs=5)
    restarted.work(6 * MINUTE + 5)
    assert len(restarted.shows()) == 1


def test_off_hours_never_fire_and_entering_hours_starts_fresh() -> None:
    # Given working hours 09:00-17:00 and it is 16:30
    settings = Settings(reminder=ReminderSettings(favourite="a"),
                        schedule=ScheduleSettings(days=("mon",), hours="09:00-17:00"))
    desk = Desk(settings, start=MONDAY_10AM.replace(hour=16, minute=30))
    # When they keep working into the evening
    desk.work(3 * 3600)
    # Then nothing fires after 17:00, and the state says off-hours
    assert desk.shows() == []
    assert desk.policy.state() is State.OFF_HOURS


def test_entering_working_hours_starts_a_fresh_interval() -> None:
    settings = Settings(reminder=ReminderSettings(favourite="a"),
                        schedule=ScheduleSettings(days=("mon",), hours="09:00-17:00"))
    desk = Desk(settings, start=MONDAY_10AM.replace(hour=8, minute=30))
    assert desk.policy.state() is State.OFF_HOURS
    assert desk.policy.seconds_until_next_check() == pytest.approx(30 * MINUTE)
    desk.work(30 * MINUTE + 5)
    assert desk.policy.state() is State.SITTING
    assert desk.tracker.sitting_seconds() < MINUTE
    desk.work(49 * MINUTE)
    assert desk.shows() == []
    desk.work(MINUTE + 5)
    assert len(desk.shows()) == 1


def test_deferral_holds_the_reminder_and_releases_it_when_fullscreen_ends() -> None:
    desk = Desk()
    desk.blocked_by = "fullscreen"
    desk.work(70 * MINUTE)
    assert desk.shows() == []
    assert desk.policy.state() is State.DEFERRED
    assert desk.policy.deferred_by == "fullscreen"
    desk.blocked_by = None
    desk.work(5)
    assert len(desk.shows()) == 1


def test_the_typing_pause_is_awaited_but_bounded() -> None:
    # Given someone typing non-stop when the reminder comes due
    desk = Desk()
    desk.work(50 * MINUTE + 5, typing=True)
    # Then it waits for a pause in typing...
    assert desk.shows() == []
    desk.work(30, typing=True)
    assert desk.shows() == []
    # ...but not for more than a minute
    desk.work(35, typing=True)
    assert len(desk.shows()) == 1


def test_the_reminder_comes_at_the_first_pause_in_typing() -> None:
    desk = Desk()
    desk.work(50 * MINUTE + 5, typing=True)
    assert desk.shows() == []
    desk.work(5)  # idle 3 s: a pause in typing
    assert len(desk.shows()) == 1


def test_rotate_shows_each_stretch_once_before_repeats() -> None:
    desk = Desk()
    desk.policy.apply_settings(replace(desk.settings, reminder=replace(desk.settings.reminder, choice="rotate")))
    chosen = []
    for _ in range(6):
        desk.work(50 * MINUTE + 5)
        chosen.append(desk.shows()[-1].stretch_id)
        desk.policy.stretch_ended("completed")
    assert sorted(chosen[:3]) == IDS and sorted(chosen[3:]) == IDS


def test_random_choice_picks_from_the_library() -> None:
    desk = Desk()
    desk.policy.apply_settings(replace(desk.settings, reminder=replace(desk.settings.reminder, choice="random")))
    seen = set()
    for _ in range(20):
        seen.add(desk.policy.choose_stretch())
    assert seen <= set(IDS) and len(seen) > 1


def test_seconds_until_next_check_points_at_the_heads_up_then_the_reminder() -> None:
    desk = Desk()
    desk.work(10 * MINUTE)
    assert desk.policy.seconds_until_next_check() == pytest.approx(39 * MINUTE, abs=5)
    desk.work(39 * MINUTE + 5)
    assert desk.policy.seconds_until_next_check() == pytest.approx(58)


def test_pause_until_tomorrow_starts_at_tomorrows_working_hours() -> None:
    now = datetime(2026, 3, 2, 15, 0).astimezone()
    assert until_tomorrow(now, "09:00") == datetime(2026, 3, 3, 9, 0).astimezone()
    assert until_tomorrow(now) == datetime(2026, 3, 3, 0, 0).astimezone()


def test_a_snooze_shorter_than_the_heads_up_brings_no_heads_up() -> None:
    desk = Desk()
    desk.work(50 * MINUTE + 5)
    desk.policy.stretch_ended("snoozed", 30)
    assert desk.policy.state() is State.SNOOZED
    desk.work(35)
    assert len(desk.warns()) == 1
    assert len(desk.shows()) == 2
