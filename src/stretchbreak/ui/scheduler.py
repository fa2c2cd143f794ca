"""The only place that touches APScheduler: a QtScheduler with one owned timer, and the jobs we run on it.

APScheduler 3's QtScheduler keeps the return value of QTimer.singleShot, which is None on PySide6, so a
pending wake-up can never be cancelled and every reschedule leaves one more timer chain behind.
OwnedTimerQtScheduler fixes that with one reusable QTimer. Jobs run in the GUI thread (DebugExecutor runs
them where the scheduler wakes), coalesced, with a misfire grace so a job missed during sleep still runs once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from apscheduler.executors.debug import DebugExecutor
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, Qt, QTimer

log = logging.getLogger(__name__)

MAX_TIMER_MS = 2_147_483_647
MISFIRE_GRACE_SECONDS = 3600
CHECK_JOB = "check"


class OwnedTimerQtScheduler(QtScheduler):  # type: ignore[misc]
    def __init__(self, timer_parent: QObject | None = None, **options: Any) -> None:
        self._owned_timer = QTimer(timer_parent)
        self._owned_timer.setSingleShot(True)
        self._owned_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._owned_timer.timeout.connect(self._process_jobs)
        super().__init__(**options)

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._owned_timer.stop()
        if wait_seconds is not None:
            self._owned_timer.start(min(max(0, int(wait_seconds * 1000)), MAX_TIMER_MS))

    def _stop_timer(self) -> None:
        self._owned_timer.stop()

    @property
    def pending_wakeups(self) -> int:
        """How many timers are waiting to wake the scheduler: 0 or 1, never more."""
        return 1 if self._owned_timer.isActive() else 0


class CheckScheduler(QObject):
    """Runs `on_check` at the moments the reminder policy names, and at working-hours edges."""

    def __init__(self, on_check: Callable[[], None], now: Callable[[], datetime],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_check = on_check
        self._now = now
        self.scheduler = OwnedTimerQtScheduler(
            timer_parent=self,
            executors={"default": DebugExecutor()},
            job_defaults={"coalesce": True, "misfire_grace_time": MISFIRE_GRACE_SECONDS, "max_instances": 1},
        )

    def start(self) -> None:
        self.scheduler.start()

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def check_in(self, seconds: float | None) -> None:
        """Replace the one pending check: run it `seconds` from now, or drop it when None."""
        if seconds is None:
            if self.scheduler.get_job(CHECK_JOB) is not None:
                self.scheduler.remove_job(CHECK_JOB)
            return
        when = self._now() + timedelta(seconds=min(max(0.0, seconds), MAX_TIMER_MS / 1000))
        self.scheduler.add_job(self._fire, "date", run_date=when, id=CHECK_JOB, replace_existing=True)

    def _fire(self) -> None:
        # The check usually plans the next check. Run from inside this job, that new job would be removed
        # again by APScheduler as it retires the finished date job, so the check runs just after it instead.
        QTimer.singleShot(0, self._on_check)

    def follow_working_hours(self, days: tuple[str, ...], hours: str) -> None:
        """Cron jobs at the start and end of working hours, so nothing needs polling outside them."""
        for job_id in ("hours-start", "hours-end", "day-start"):
            if self.scheduler.get_job(job_id) is not None:
                self.scheduler.remove_job(job_id)
        if not days:
            return
        day_list = ",".join(days)
        if hours:
            for job_id, moment in zip(("hours-start", "hours-end"), hours.split("-"), strict=True):
                hour, minute = (int(x) for x in moment.split(":"))
                if hour == 24:
                    hour, minute = 0, 0
                self.scheduler.add_job(self._fire, "cron", day_of_week=day_list, hour=hour, minute=minute,
                                       id=job_id)
        else:
            self.scheduler.add_job(self._fire, "cron", hour=0, minute=0, id="day-start")

    @property
    def pending_wakeups(self) -> int:
        return self.scheduler.pending_wakeups

    def job_ids(self) -> list[str]:
        return sorted(job.id for job in self.scheduler.get_jobs())
