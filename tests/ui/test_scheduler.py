"""The APScheduler adapter: one owned timer however often it is rescheduled, and jobs that really run."""

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from stretchbreak.ui.scheduler import CheckScheduler


@pytest.fixture
def checks(qtbot: QtBot) -> Iterator[tuple[CheckScheduler, list[datetime]]]:
    ran: list[datetime] = []
    scheduler = CheckScheduler(lambda: ran.append(datetime.now()), lambda: datetime.now().astimezone())
    scheduler.start()
    yield scheduler, ran
    scheduler.shutdown()


def live_timers(owner: QObject) -> int:
    return sum(1 for t in owner.findChildren(QTimer) if t.isActive())


def test_a_hundred_reschedules_leave_exactly_one_pending_wakeup(
    checks: tuple[CheckScheduler, list[datetime]]
) -> None:
    scheduler, ran = checks
    for i in range(100):
        scheduler.check_in(600 + i)
    assert scheduler.pending_wakeups == 1
    assert live_timers(scheduler) == 1
    assert scheduler.job_ids() == ["check"]
    assert ran == []


def test_a_check_runs_when_due_and_only_once(qtbot: QtBot, checks: tuple[CheckScheduler, list[datetime]]) -> None:
    scheduler, ran = checks
    scheduler.check_in(3600)
    scheduler.check_in(0.05)
    qtbot.waitUntil(lambda: len(ran) == 1, timeout=3000)
    assert scheduler.job_ids() == []
    assert scheduler.pending_wakeups == 0


def test_dropping_the_check_leaves_no_wakeup(qtbot: QtBot, checks: tuple[CheckScheduler, list[datetime]]) -> None:
    scheduler, ran = checks
    scheduler.check_in(60)
    scheduler.check_in(None)
    assert scheduler.job_ids() == []
    # Removing a job wakes the scheduler once, at once, to re-plan; after that nothing is pending.
    qtbot.waitUntil(lambda: scheduler.pending_wakeups == 0, timeout=2000)
    assert ran == []


def test_working_hours_become_cron_jobs(qtbot: QtBot, checks: tuple[CheckScheduler, list[datetime]]) -> None:
    scheduler, _ = checks
    scheduler.follow_working_hours(("mon", "tue"), "09:00-18:00")
    assert scheduler.job_ids() == ["hours-end", "hours-start"]
    jobs = {job.id: job for job in scheduler.scheduler.get_jobs()}
    assert str(jobs["hours-start"].trigger) == "cron[day_of_week='mon,tue', hour='9', minute='0']"
    scheduler.follow_working_hours(("mon",), "")
    assert scheduler.job_ids() == ["day-start"]
    scheduler.follow_working_hours((), "")
    assert scheduler.job_ids() == []
    qtbot.waitUntil(lambda: scheduler.pending_wakeups == 0, timeout=2000)


def test_a_check_that_plans_the_next_check_keeps_the_chain_going(qtbot: QtBot) -> None:
    ran: list[int] = []

    def check() -> None:
        ran.append(1)
        if len(ran) < 3:
            scheduler.check_in(0.02)

    scheduler = CheckScheduler(check, lambda: datetime.now().astimezone())
    scheduler.start()
    scheduler.check_in(0.02)
    qtbot.waitUntil(lambda: len(ran) == 3, timeout=3000)
    assert scheduler.job_ids() == []
    scheduler.shutdown()
