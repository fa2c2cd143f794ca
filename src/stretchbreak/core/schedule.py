"""Working hours and days: is a wall-clock moment inside them, and when do they next begin or end."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from stretchbreak.core.settings import DAYS, ScheduleSettings


def _window(hours: str) -> tuple[time, time] | None:
    if not hours:
        return None
    start_text, end_text = hours.split("-")
    start = time.fromisoformat(start_text)
    end = time.max if end_text == "24:00" else time.fromisoformat(end_text)
    return start, end


def in_working_time(schedule: ScheduleSettings, moment: datetime) -> bool:
    """True when reminders may come at `moment` (local time). A window like 22:00-06:00 spans midnight."""
    window = _window(schedule.hours)
    day = DAYS[moment.weekday()]
    if window is None:
        return day in schedule.days
    start, end = window
    now = moment.time()
    if start < end:
        return day in schedule.days and start <= now < end
    # Past midnight the window belongs to the day it started on.
    if now >= start:
        return day in schedule.days
    yesterday = DAYS[(moment.weekday() - 1) % 7]
    return now < end and yesterday in schedule.days


def next_change(schedule: ScheduleSettings, moment: datetime, horizon_days: int = 8) -> datetime | None:
    """The next minute after `moment` when in_working_time changes; None if it never does within the horizon.

    Each probe is re-localised with astimezone(), so a DST change in between moves the local hours correctly.
    """
    current = in_working_time(schedule, moment)
    probe = moment.replace(second=0, microsecond=0)
    for _ in range(horizon_days * 24 * 60):
        probe += timedelta(minutes=1)
        if in_working_time(schedule, probe.astimezone()) != current:
            return probe
    return None
