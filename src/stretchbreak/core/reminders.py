"""The reminder policy: when a reminder is due, and what snooze, skip, pause, working hours and deferral do.

It is Qt-free and driven from outside: the app feeds idle samples to the SittingTracker, then calls
`update()` with whether something (a fullscreen window, inhibited notifications) asks reminders to wait.
`update()` returns what the UI should do now. `seconds_until_next_check()` says when calling again can
next change anything, so the app can sleep in between instead of ticking.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from stretchbreak.core.clock import Clock
from stretchbreak.core.schedule import in_working_time, next_change
from stretchbreak.core.settings import Settings
from stretchbreak.core.sitting import NaturalBreak, SittingTracker
from stretchbreak.core.state_store import StateStore

log = logging.getLogger(__name__)

TYPING_QUIET_SECONDS = 1.5
"""The reminder waits for this long a pause in typing, so it never lands mid-sentence..."""
TYPING_WAIT_LIMIT = 60.0
"""...but waits at most this long for it."""
TYPING_RECHECK_SECONDS = 0.25
"""While waiting for that pause, idle time is read this often, so a short pause is not missed."""
DEFERRED_RECHECK_SECONDS = 2.0


class State(StrEnum):
    SITTING = "sitting"
    AWAY = "away"
    WARNING = "warning"
    STRETCHING = "stretching"
    SNOOZED = "snoozed"
    PAUSED = "paused"
    OFF_HOURS = "off-hours"
    DEFERRED = "deferred"


@dataclass(frozen=True)
class Warn:
    """Show the heads-up notification: the stretch window opens in about `seconds`."""

    seconds: float
    snooze_allowed: bool


@dataclass(frozen=True)
class Show:
    """Open the stretch window for `stretch_id`, without taking focus."""

    stretch_id: str
    snooze_allowed: bool


@dataclass(frozen=True)
class BreakNoticed:
    """A natural break ended (for the history)."""

    natural_break: NaturalBreak


Command = Warn | Show | BreakNoticed


class SnoozeRefused(Exception):
    pass


class ReminderPolicy:
    def __init__(self, clock: Clock, tracker: SittingTracker, settings: Settings, stretch_ids: Sequence[str],
                 store: StateStore, rng: random.Random | None = None) -> None:
        self._clock = clock
        self.tracker = tracker
        self.settings = settings
        self._stretch_ids = list(stretch_ids)
        self._store = store
        self._rng = rng or random.Random()
        saved, self.load_problem = store.load()
        self._saved = saved
        self._due_sitting = float(settings.reminder.sit_limit)
        self._warned = False
        self._heads_up_shown = False
        self._stretching: str | None = None
        self._due_since: float | None = None  # monotonic time the reminder became due and waited
        self._deferred_by: str | None = None
        self._in_hours = in_working_time(settings.schedule, clock.now())
        self._restore_snooze()

    # ---- state ---------------------------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self._saved.paused_indefinitely or self._saved.paused_until is not None

    @property
    def paused_until(self) -> datetime | None:
        until = self._saved.paused_until
        return None if until is None else datetime.fromtimestamp(until).astimezone()

    @property
    def stretching(self) -> str | None:
        return self._stretching

    @property
    def snoozes_in_row(self) -> int:
        return self._saved.snoozes_in_row

    @property
    def snoozes_left(self) -> int | None:
        limit = self.settings.reminder.max_snoozes
        return None if limit == 0 else max(0, limit - self._saved.snoozes_in_row)

    @property
    def snooze_allowed(self) -> bool:
        left = self.snoozes_left
        return left is None or left > 0

    @property
    def deferred_by(self) -> str | None:
        return self._deferred_by

    def state(self) -> State:
        if self._stretching is not None:
            return State.STRETCHING
        if self.paused:
            return State.PAUSED
        if not self._in_hours:
            return State.OFF_HOURS
        if self.tracker.away:
            return State.AWAY
        if self._deferred_by is not None:
            return State.DEFERRED
        if self._heads_up_shown or self._due_since is not None:
            return State.WARNING
        if self._saved.snooze_due is not None:
            return State.SNOOZED
        return State.SITTING

    def seconds_to_reminder(self) -> float | None:
        """Sitting time left before the window opens; None when none is planned (paused, away, off-hours)."""
        if self._stretching is not None or self.paused or not self._in_hours or self.tracker.away:
            return None
        return max(0.0, self._due_sitting - self.tracker.sitting_seconds())

    def seconds_until_next_check(self) -> float | None:
        """How long the app may wait before calling update() again, or None when only an outside event
        (resume, a stretch ending, a new idle sample) can change anything."""
        if self._stretching is not None:
            return None
        if self.paused:
            if self._saved.paused_indefinitely or self._saved.paused_until is None:
                return None
            return max(0.0, self._saved.paused_until - self._clock.now().timestamp())
        if not self._in_hours:
            change = next_change(self.settings.schedule, self._clock.now())
            return None if change is None else max(0.0, (change - self._clock.now()).total_seconds())
        if self._deferred_by is not None:
            return DEFERRED_RECHECK_SECONDS
        if self._due_since is not None:
            return TYPING_RECHECK_SECONDS
        left = self.seconds_to_reminder()
        if left is None:
            return None
        warn_before = self.settings.reminder.warn_before
        if not self._warned and warn_before and left > warn_before:
            return left - warn_before
        return left

    # ---- the clock moves -----------------------------------------------------------------------------

    def update(self, blocked_by: str | None = None) -> list[Command]:
        """Re-evaluate now. `blocked_by` names what asks reminders to wait (e.g. "fullscreen"), if anything."""
        commands: list[Command] = [BreakNoticed(b) for b in self.tracker.take_finished_breaks()]
        if commands:
            self._after_natural_break()
        self._end_pause_if_due()
        self._follow_working_hours()
        if self._stretching is not None or self.paused or not self._in_hours:
            self._deferred_by = None
            return commands
        if self.tracker.away:
            self._deferred_by = None
            self._due_since = None
            return commands
        sitting = self.tracker.sitting_seconds()
        warn_before = self.settings.reminder.warn_before
        if not self._warned and warn_before and sitting >= self._due_sitting - warn_before:
            self._warned = True
            if sitting < self._due_sitting:
                self._heads_up_shown = True
                commands.append(Warn(self._due_sitting - sitting, self.snooze_allowed))
        if sitting < self._due_sitting:
            return commands
        if blocked_by is not None:
            self._deferred_by = blocked_by
            return commands
        self._deferred_by = None
        now = self._clock.monotonic()
        if self._due_since is None:
            self._due_since = now
        typing = self.tracker.last_idle < TYPING_QUIET_SECONDS
        if typing and now - self._due_since < TYPING_WAIT_LIMIT:
            return commands
        stretch_id = self.choose_stretch()
        self.stretch_started(stretch_id)
        commands.append(Show(stretch_id, self.snooze_allowed))
        return commands

    # ---- what the user does --------------------------------------------------------------------------

    def stretch_started(self, stretch_id: str) -> None:
        """A stretch window is open (from a reminder or because the user asked); no reminders meanwhile."""
        self._stretching = stretch_id
        self._heads_up_shown = False
        self._due_since = None
        self._deferred_by = None

    def stretch_ended(self, outcome: str, snooze_seconds: float | None = None) -> None:
        """outcome: "completed", "skipped" or "snoozed"."""
        self._stretching = None
        if outcome == "snoozed" and self.snooze_allowed:
            self.snooze(snooze_seconds, stretch_was_open=True)
            return
        if outcome == "completed":
            self._saved.snoozes_in_row = 0
        self._fresh_interval()

    def snooze(self, seconds: float | None = None, *, stretch_was_open: bool = False) -> float:
        """Bring the stretch back in `seconds` (default: the setting) when one was open; otherwise postpone
        the next reminder by that much. Returns the sitting seconds until it comes."""
        if not self.snooze_allowed:
            raise SnoozeRefused(f"no more snoozes: {self.settings.reminder.max_snoozes} in a row already; "
                                "the next one comes after a stretch or a break")
        length = float(seconds if seconds is not None else self.settings.reminder.snooze)
        self._stretching = None
        sitting = self.tracker.sitting_seconds()
        self._due_sitting = sitting + length if stretch_was_open else max(self._due_sitting, sitting) + length
        # The heads-up comes again, unless the snooze is too short to leave room for it.
        self._warned = self._due_sitting - self.settings.reminder.warn_before <= sitting
        self._heads_up_shown = False
        self._due_since = None
        self._saved.snoozes_in_row += 1
        self._saved.snooze_due = self._clock.now().timestamp() + (self._due_sitting - sitting)
        self._save()
        return self._due_sitting - sitting

    def skip(self) -> None:
        """Drop the current or next reminder; a full interval starts now."""
        self._stretching = None
        self._fresh_interval()

    def pause(self, until: datetime | None) -> None:
        """No reminders until `until` (wall time), or until resumed when None."""
        self._saved.paused_until = None if until is None else until.timestamp()
        self._saved.paused_indefinitely = until is None
        self._deferred_by = None
        self._due_since = None
        self._save()

    def resume(self) -> None:
        was_paused = self.paused
        self._saved.paused_until = None
        self._saved.paused_indefinitely = False
        self._save()
        if was_paused:
            self._fresh_interval()

    def apply_settings(self, settings: Settings) -> None:
        old = self.settings
        self.settings = settings
        self.tracker.set_natural_break(settings.reminder.natural_break)
        if settings.reminder.sit_limit != old.reminder.sit_limit and self._saved.snooze_due is None:
            self._due_sitting = float(settings.reminder.sit_limit)
            self._warned = False
        self._in_hours = in_working_time(settings.schedule, self._clock.now())

    def choose_stretch(self) -> str:
        choice = self.settings.reminder.choice
        favourite = self.settings.reminder.favourite
        ids = self._stretch_ids
        if choice == "random" and ids:
            return self._rng.choice(ids)
        if choice == "rotate" and ids:
            remaining = [i for i in ids if i not in self._saved.rotation_done]
            if not remaining:
                self._saved.rotation_done = []
                remaining = ids
            chosen = remaining[0]
            self._saved.rotation_done.append(chosen)
            self._save()
            return chosen
        return favourite

    def set_stretch_ids(self, ids: Sequence[str]) -> None:
        self._stretch_ids = list(ids)

    # ---- internals -----------------------------------------------------------------------------------

    def _fresh_interval(self) -> None:
        self.tracker.restart()
        self._due_sitting = float(self.settings.reminder.sit_limit)
        self._warned = False
        self._heads_up_shown = False
        self._due_since = None
        self._deferred_by = None
        if self._saved.snooze_due is not None:
            self._saved.snooze_due = None
            self._save()

    def _after_natural_break(self) -> None:
        self._saved.snoozes_in_row = 0
        self._due_sitting = float(self.settings.reminder.sit_limit)
        self._warned = False
        self._heads_up_shown = False
        self._due_since = None
        self._saved.snooze_due = None
        self._save()

    def _end_pause_if_due(self) -> None:
        until = self._saved.paused_until
        if until is not None and self._clock.now().timestamp() >= until:
            self.resume()

    def _follow_working_hours(self) -> None:
        in_hours = in_working_time(self.settings.schedule, self._clock.now())
        if in_hours and not self._in_hours:
            self._in_hours = True
            self._fresh_interval()
        self._in_hours = in_hours

    def _restore_snooze(self) -> None:
        due = self._saved.snooze_due
        if due is None:
            return
        left = due - self._clock.now().timestamp()
        if 0 < left <= 24 * 3600:
            self._due_sitting = left
        else:
            self._saved.snooze_due = None

    def _save(self) -> None:
        try:
            self._store.save(self._saved)
        except OSError as error:
            self.load_problem = f"the pause and snooze state could not be saved to {self._store.path}: {error}"
            log.warning("%s", self.load_problem)


def until_tomorrow(now: datetime, schedule_start: str = "") -> datetime:
    """The start of tomorrow's working hours (or tomorrow 00:00), as a wall time in the local zone."""
    tomorrow = (now + timedelta(days=1)).date()
    hour, minute = (int(x) for x in schedule_start.split(":")) if schedule_start else (0, 0)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, hour, minute).astimezone()
