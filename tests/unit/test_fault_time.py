"""Time going wrong: suspend, the wall clock jumping alone, DST changes in Europe/Berlin, and a pause "until
tomorrow" across one. No double reminder, no stale reminder on wake, no lost or negative durations.

The person at the desk is driven like the app drives the core: every few seconds an idle reading goes to
the tracker and the policy is asked what to do. Wall times are read in the system zone (TZ), as the app's
SystemClock does. Each test reads Given / When / Then.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.reminders import BreakNoticed, Command, ReminderPolicy, Show, State, until_tomorrow
from stretchbreak.core.settings import ReminderSettings, ScheduleSettings, Settings
from stretchbreak.core.sitting import SittingTracker
from stretchbreak.core.state_store import MemoryStateStore

MINUTE = 60.0
HOUR = 3600.0
BERLIN = ZoneInfo("Europe/Berlin")
EVERY_DAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The system zone is Europe/Berlin for this test (as `datetime.astimezone()` and the app see it)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class LocalClock(FakeClock):
    """A fake clock that keeps its wall time in UTC and reads it in the system zone, like SystemClock."""

    def __init__(self, local_start: datetime) -> None:
        super().__init__(local_start.astimezone(UTC))

    def now(self) -> datetime:
        return super().now().astimezone()


def berlin_time(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def on_day_of(moment: datetime, hour: int, minute: int) -> datetime:
    return berlin_time(moment.year, moment.month, moment.day, hour, minute)


class Desk:
    """A person at a desk, sampled every 5 s; what the policy said is kept with the local time it said it."""

    def __init__(self, start: datetime, settings: Settings | None = None, store: MemoryStateStore | None = None,
                 clock: FakeClock | None = None) -> None:
        self.settings = settings or Settings(
            reminder=ReminderSettings(sit_limit=50 * 60, natural_break=5 * 60, warn_before=60, favourite="a"),
            schedule=ScheduleSettings(days=EVERY_DAY, hours=""))
        self.clock = clock or LocalClock(start)
        self.store = store or MemoryStateStore()
        self.tracker = SittingTracker(self.clock, self.settings.reminder.natural_break)
        self.policy = ReminderPolicy(self.clock, self.tracker, self.settings, ["a", "b"], self.store)
        self.said: list[tuple[datetime, float, Command]] = []
        self.idle = 0.0

    def tick(self, step: float = 5.0) -> None:
        self.clock.advance(step)
        self.sample()

    def sample(self) -> None:
        self.tracker.sample(self.idle)
        for command in self.policy.update():
            self.said.append((self.clock.now(), self.clock.monotonic(), command))
        wait = self.policy.seconds_until_next_check()
        assert wait is None or wait >= 0

    def work(self, seconds: float, *, stretch: bool = True) -> None:
        """Use the computer; when the window opens, do the stretch (30 s) unless told otherwise."""
        end = self.clock.monotonic() + seconds
        while self.clock.monotonic() < end - 1e-9:
            self.idle = 3.0
            self.tick(min(5.0, end - self.clock.monotonic()))
            if stretch and self.policy.state() is State.STRETCHING:
                self.clock.advance(30)
                self.policy.stretch_ended("completed")

    def leave(self, seconds: float) -> None:
        end = self.clock.monotonic() + seconds
        while self.clock.monotonic() < end - 1e-9:
            step = min(5.0, end - self.clock.monotonic())
            self.idle += step
            self.tick(step)

    def until_local(self, moment: datetime, *, working: bool) -> None:
        seconds = (moment - self.clock.now()).total_seconds()
        assert seconds >= 0
        (self.work if working else self.leave)(seconds)

    def shows(self) -> list[tuple[datetime, float, Show]]:
        return [(when, mono, c) for when, mono, c in self.said if isinstance(c, Show)]

    def breaks(self) -> list[BreakNoticed]:
        return [c for _, _, c in self.said if isinstance(c, BreakNoticed)]


def assert_spaced(desk: Desk) -> None:
    """Reminders come at most once per sitting limit of awake time (plus the 30 s stretch between them)."""
    monos = [mono for _, mono, _ in desk.shows()]
    assert all(b - a >= desk.settings.reminder.sit_limit for a, b in pairwise(monos)), monos


def assert_durations_sane(desk: Desk) -> None:
    for brk in desk.breaks():
        assert brk.natural_break.seconds >= 0 and brk.natural_break.sitting_seconds >= 0


# ---- suspend -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("idle_on_wake", ["a key press woke it", "the idle counter ran on"])
def test_a_suspend_that_moves_wall_and_monotonic_time_brings_no_stale_reminder(idle_on_wake: str) -> None:
    # Given 49 minutes of work, so the heads-up has come
    desk = Desk(datetime(2026, 3, 2, 10, 0).astimezone())
    desk.work(49 * MINUTE + 10)
    assert desk.policy.state() is State.WARNING
    # When the machine sleeps two hours on a platform whose monotonic clock counts sleep (the boot clock has
    # nothing to add), and the first reading after waking comes
    desk.clock.advance(2 * HOUR)
    desk.idle = 0.0 if idle_on_wake == "a key press woke it" else 2 * HOUR
    desk.sample()
    desk.work(MINUTE)
    # Then no stale reminder pops up on wake: the sleep was time away, and a fresh interval starts
    assert desk.shows() == []
    assert desk.tracker.sitting_seconds() < 2 * MINUTE
    desk.work(50 * MINUTE)
    assert len(desk.shows()) == 1
    assert_durations_sane(desk)


def test_a_suspend_while_snoozed_clears_the_snooze_and_brings_no_stale_reminder() -> None:
    desk = Desk(datetime(2026, 3, 2, 10, 0).astimezone())
    desk.work(50 * MINUTE + 5, stretch=False)
    desk.policy.stretch_ended("snoozed", 5 * MINUTE)
    desk.work(4 * MINUTE)
    # When the laptop is closed for 3 hours with the snooze about to end
    desk.clock.suspend(3 * HOUR)
    desk.work(10)
    # Then nothing fires on wake, the snooze is forgotten with its count, and a full interval starts
    assert len(desk.shows()) == 1
    assert desk.policy.state() is State.SITTING and desk.policy.snoozes_left == 3
    desk.work(48 * MINUTE)
    assert len(desk.shows()) == 1
    [brk] = desk.breaks()
    assert brk.natural_break.reason == "sleep" and brk.natural_break.seconds == pytest.approx(3 * HOUR, abs=10)


def test_a_suspend_past_the_end_of_a_pause_ends_it_without_a_reminder() -> None:
    desk = Desk(datetime(2026, 3, 2, 10, 0).astimezone())
    desk.work(45 * MINUTE)
    desk.policy.pause(desk.clock.now() + timedelta(hours=1))
    desk.work(10 * MINUTE)
    # When the machine sleeps through the end of the pause
    desk.clock.suspend(3 * HOUR)
    desk.work(10)
    # Then the pause is over, nothing fired, and the next reminder is a full interval away
    assert not desk.policy.paused and desk.shows() == []
    assert desk.policy.seconds_to_reminder() == pytest.approx(50 * MINUTE, abs=15)


# ---- the wall clock alone ----------------------------------------------------------------------------------


@pytest.mark.parametrize("jump", [HOUR, -HOUR])
def test_a_wall_clock_jump_over_a_day_of_reminders_adds_or_drops_none(jump: float) -> None:
    # Given a morning of work with reminders, when the wall clock jumps an hour in the middle of it
    desk = Desk(datetime(2026, 3, 2, 9, 0).astimezone())
    desk.work(2 * HOUR)
    desk.clock.jump_wall(jump)
    desk.work(2 * HOUR)
    # Then the reminders follow the time really sat: 4 hours of sitting, one every 50 min and 30 s
    assert len(desk.shows()) == 4
    assert_spaced(desk)
    assert desk.breaks() == []


def test_a_wall_clock_jump_forward_ends_a_timed_pause_and_back_prolongs_it() -> None:
    # Pauses end at a wall time ("until 10:30"): the README promises that, and this pins it.
    forward = Desk(datetime(2026, 3, 2, 10, 0).astimezone())
    forward.policy.pause(forward.clock.now() + timedelta(minutes=30))
    forward.work(10 * MINUTE)
    forward.clock.jump_wall(HOUR)
    forward.work(5)
    assert not forward.policy.paused and forward.shows() == []
    assert forward.policy.seconds_to_reminder() == pytest.approx(50 * MINUTE, abs=10)

    back = Desk(datetime(2026, 3, 2, 10, 0).astimezone())
    back.policy.pause(back.clock.now() + timedelta(minutes=30))
    back.work(10 * MINUTE)
    back.clock.jump_wall(-HOUR)
    back.work(70 * MINUTE)
    assert back.policy.paused
    wait = back.policy.seconds_until_next_check()
    assert wait is not None and 0 < wait <= 10 * MINUTE + 5
    back.work(11 * MINUTE)
    assert not back.policy.paused and back.shows() == []


# ---- DST ---------------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("berlin")
@pytest.mark.parametrize(
    ("saturday_afternoon", "sunday_morning", "real_hours"),
    [(berlin_time(2026, 3, 28, 15, 0), berlin_time(2026, 3, 29, 8, 0), 16),    # 02:00 -> 03:00: a short night
     (berlin_time(2026, 10, 24, 15, 0), berlin_time(2026, 10, 25, 8, 0), 18)],  # 03:00 -> 02:00: a long one
)
def test_a_pause_until_tomorrow_across_a_dst_change_ends_at_tomorrows_start_of_hours(
    saturday_afternoon: datetime, sunday_morning: datetime, real_hours: int
) -> None:
    # Given working hours from 08:00 every day, and "pause until tomorrow" on Saturday at 15:00
    settings = Settings(reminder=ReminderSettings(favourite="a"),
                        schedule=ScheduleSettings(days=EVERY_DAY, hours="08:00-20:00"))
    desk = Desk(saturday_afternoon, settings)
    until = until_tomorrow(desk.clock.now(), "08:00")
    assert until == sunday_morning
    desk.policy.pause(until)
    real_seconds = sunday_morning.timestamp() - saturday_afternoon.timestamp()
    assert real_seconds == real_hours * HOUR
    assert desk.policy.seconds_until_next_check() == pytest.approx(real_seconds, abs=1)
    # When the person works until 18:00, is away over night and back at 07:30 (local time, after the change)
    desk.until_local(on_day_of(saturday_afternoon, 18, 0), working=True)
    desk.until_local(on_day_of(sunday_morning, 7, 30), working=False)
    desk.until_local(sunday_morning - timedelta(seconds=5), working=True)
    # Then the pause lasts exactly until 08:00 local time, with nothing before it
    assert desk.policy.paused and desk.shows() == []
    desk.work(10)
    assert not desk.policy.paused
    # And the first reminder comes one sitting limit after 08:00, once
    desk.until_local(sunday_morning + timedelta(minutes=49), working=True)
    assert desk.shows() == []
    desk.until_local(sunday_morning + timedelta(minutes=51, seconds=30), working=True)
    [(when, _, show)] = desk.shows()
    assert when.astimezone(BERLIN).strftime("%H:%M") == "08:50" and show.stretch_id == "a"
    assert_durations_sane(desk)


@pytest.mark.usefixtures("berlin")
def test_working_through_the_repeated_hour_brings_reminders_by_time_sat_not_by_the_clock_face() -> None:
    # Given someone working from 01:00 to 04:00 local time in the night the clocks go back (4 real hours)
    desk = Desk(berlin_time(2026, 10, 25, 1, 0))
    desk.until_local(berlin_time(2026, 10, 25, 4, 0), working=True)
    # Then the reminders count real sitting time: 4 of them, never two close together in the repeated hour
    assert desk.clock.monotonic() - 1000.0 == pytest.approx(4 * HOUR, abs=10)
    assert len(desk.shows()) == 4
    assert_spaced(desk)


@pytest.mark.usefixtures("berlin")
def test_a_one_hour_pause_in_the_repeated_hour_lasts_one_real_hour() -> None:
    desk = Desk(berlin_time(2026, 10, 25, 2, 30))  # 02:30 summer time, before the clocks go back
    assert desk.clock.now().utcoffset() == timedelta(hours=2)
    desk.policy.pause(desk.clock.now() + timedelta(hours=1))
    desk.work(HOUR - 10)
    assert desk.policy.paused
    desk.work(15)
    assert not desk.policy.paused
    assert desk.clock.now().strftime("%H:%M %z") == "02:30 +0100"  # the same clock face, an hour later


@pytest.mark.usefixtures("berlin")
def test_off_hours_before_a_short_night_wait_the_real_time_to_tomorrows_hours() -> None:
    # Given working hours 08:00-20:00 and Saturday 20:30 before the clocks go forward
    settings = Settings(reminder=ReminderSettings(favourite="a"),
                        schedule=ScheduleSettings(days=EVERY_DAY, hours="08:00-20:00"))
    desk = Desk(berlin_time(2026, 3, 28, 20, 30), settings)
    # Then the next check is 10 h 30 min of real time away (11 h 30 min on the clock face minus the lost hour)
    assert desk.policy.state() is State.OFF_HOURS
    assert desk.policy.seconds_until_next_check() == pytest.approx(10.5 * HOUR, abs=60)


# ---- midnight ----------------------------------------------------------------------------------------------


def test_a_stretch_across_midnight_ends_the_sitting_period_once() -> None:
    # Given a reminder at 23:59 with all-day hours
    desk = Desk(datetime(2026, 3, 2, 23, 9, 0).astimezone())
    desk.work(50 * MINUTE + 5, stretch=False)
    [(when, _, _)] = desk.shows()
    assert when.strftime("%H:%M") == "23:59"
    # When the stretch runs past midnight and is completed
    desk.clock.advance(2 * MINUTE)
    desk.policy.stretch_ended("completed")
    desk.work(MINUTE)
    # Then a fresh interval runs from the end of the stretch, on the new day
    assert desk.clock.now().day == 3
    assert desk.policy.seconds_to_reminder() == pytest.approx(49 * MINUTE, abs=10)
    assert len(desk.shows()) == 1


# ---- the fake clock itself -----------------------------------------------------------------------------


def test_the_fake_clock_keeps_wall_and_monotonic_time_in_step_across_a_dst_change() -> None:
    # Given a fake clock started on a zone-aware wall time the evening before the clocks go forward
    clock = FakeClock(berlin_time(2026, 3, 28, 20, 0))
    wall, mono = clock.now().timestamp(), clock.monotonic()
    # When 12 hours pass
    clock.advance(12 * HOUR)
    # Then 12 hours passed on both clocks (08:00 summer time is only 11 hours after 20:00 winter time)
    assert clock.monotonic() - mono == 12 * HOUR
    assert clock.now().timestamp() - wall == 12 * HOUR
    assert clock.now().astimezone(BERLIN).strftime("%H:%M") == "09:00"
