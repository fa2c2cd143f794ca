"""Runs the reminder policy in the app: samples idle time, asks the policy, schedules the next check.

Idle is sampled on a coarse timer only while sitting time matters (not while paused, off-hours or
stretching); in between, the one scheduled check wakes the app exactly when something can change. The desktop
(fullscreen, presentation, do-not-disturb) is asked only when a reminder is about to open, since it can only
defer one that is due: a poll far from that costs one idle read and nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stretchbreak.core.reminders import BreakNoticed, ReminderPolicy, Show, State, Warn
from stretchbreak.core.sitting import SittingTracker
from stretchbreak.ui.scheduler import CheckScheduler

log = logging.getLogger(__name__)

POLL_SECONDS = 5.0
NEAR_DUE_SECONDS = 2 * POLL_SECONDS
FRESH_ANSWER_SECONDS = 0.3
"""How long a due reminder waits for the desktop's answer when it came due at the first look."""


class IdleReader(Protocol):
    """What the engine needs of an idle source: seconds since the last input, and a name for status."""

    @property
    def name(self) -> str: ...

    def idle_seconds(self) -> float: ...


class ReminderEngine(QObject):
    warn = Signal(float, bool)
    show_reminder = Signal(str, bool)
    natural_break = Signal(float, str, float)
    """(seconds away, reason, the sitting seconds the break ended)"""
    changed = Signal()

    def __init__(self, policy: ReminderPolicy, tracker: SittingTracker, idle: IdleReader,
                 blocked_by: Callable[[], str | None], scheduler: CheckScheduler,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self.tracker = tracker
        self.idle = idle
        self._blocked_by = blocked_by
        self._desktop_asked = False
        self.scheduler = scheduler
        self._poll = QTimer(self)
        self._poll.setTimerType(Qt.TimerType.CoarseTimer)
        self._poll.timeout.connect(self.check)
        self.set_poll_interval(policy.settings.reminder.natural_break)

    def ask_desktop_with(self, blocked_by: Callable[[], str | None]) -> None:
        """Use `blocked_by` from now on to ask whether the desktop wants reminders to wait."""
        self._blocked_by = blocked_by

    def set_poll_interval(self, natural_break: float) -> None:
        # Often enough to see a natural break begin within a quarter of its length, never more than 5 s.
        seconds = max(1.0, min(POLL_SECONDS, natural_break / 4))
        self._poll.setInterval(int(seconds * 1000))

    @property
    def polling(self) -> bool:
        return self._poll.isActive()

    def start(self) -> None:
        self.scheduler.start()
        self.check()

    def stop(self) -> None:
        self._poll.stop()
        self.scheduler.shutdown()

    def check(self) -> None:
        """Sample idle time (when it matters), let the policy decide, act, and plan the next check."""
        if self._needs_sampling():
            try:
                self.tracker.sample(self.idle.idle_seconds())
            except Exception:  # an adapter failing must not stop reminders; the tracker keeps its last state
                log.exception("reading idle time failed")
        blocked, fresh = self._ask_desktop_if_near_due()
        if not fresh:
            self.scheduler.check_in(FRESH_ANSWER_SECONDS)
            return
        for command in self.policy.update(blocked):
            if isinstance(command, Warn):
                self.warn.emit(command.seconds, command.snooze_allowed)
            elif isinstance(command, Show):
                self.show_reminder.emit(command.stretch_id, command.snooze_allowed)
            elif isinstance(command, BreakNoticed):
                brk = command.natural_break
                log.info("natural break of %.0f s (%s)", brk.seconds, brk.reason)
                self.natural_break.emit(brk.seconds, brk.reason, brk.sitting_seconds)
        self._plan()
        self.changed.emit()

    def after_user_action(self) -> None:
        """Call after snooze/skip/pause/resume/stretch changes: re-plan at once."""
        self.check()

    def _ask_desktop_if_near_due(self) -> tuple[str | None, bool]:
        """(what the desktop says, whether that answer can be acted on). Some checks answer the question asked
        before (D-Bus replies come later), so a reminder that comes due at the first look (the sit limit was
        lowered, a short snooze ended) waits until a second look has a fresh answer."""
        left = self.policy.seconds_to_reminder()
        if left is None or left > NEAR_DUE_SECONDS:
            self._desktop_asked = False
            return None, True
        blocked = self._blocked_by()
        first_look, self._desktop_asked = not self._desktop_asked, True
        return blocked, not (first_look and left <= 0)

    def _needs_sampling(self) -> bool:
        return self.policy.state() not in (State.PAUSED, State.OFF_HOURS, State.STRETCHING)

    def _plan(self) -> None:
        if self._needs_sampling():
            if not self._poll.isActive():
                self._poll.start()
        else:
            self._poll.stop()
        self.scheduler.check_in(self.policy.seconds_until_next_check())
