"""Statistics over a real history file: days across midnight and DST, today and this week, streaks, ranking."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from stretchbreak.core.history import HistoryStore
from stretchbreak.core.stats import (
    Summary,
    Totals,
    current_streak,
    describe_sitting,
    format_summary,
    merge,
    summarize,
)
from tests.unit.test_history import CEST, CET, WallClock

WEDNESDAY = date(2026, 3, 4)


@pytest.fixture
def clock() -> WallClock:
    return WallClock(datetime(2026, 3, 4, 10, 0, tzinfo=CET))


@pytest.fixture
def store(tmp_path: Path, clock: WallClock) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3", clock) as opened:
        yield opened


def completed_at(store: HistoryStore, clock: WallClock, when: datetime, stretch_id: str = "cobra-low",
                 sitting: float | None = None) -> None:
    clock.when = when
    store.record_stretch(stretch_id, "completed", 90, sitting_seconds=sitting)


def test_an_empty_history_gives_an_empty_window(store: HistoryStore) -> None:
    summary = summarize(store, WEDNESDAY)
    assert summary.window == 30
    assert summary.days[0].first == WEDNESDAY - timedelta(days=29)
    assert summary.days[-1].first == WEDNESDAY
    assert all(day.empty for day in summary.days)
    assert not summary.has_data
    assert summary.streak == 0
    assert summary.today == Totals(WEDNESDAY, WEDNESDAY)
    assert (summary.today.longest, summary.today.average_sitting, summary.today.comfort) == (None, None, None)
    assert summary.most_done == ((), 0)
    assert summary.least_done == ((), 0)


def test_events_either_side_of_midnight_count_on_their_own_days(store: HistoryStore, clock: WallClock) -> None:
    completed_at(store, clock, datetime(2026, 3, 3, 23, 50, tzinfo=CET))
    completed_at(store, clock, datetime(2026, 3, 4, 0, 10, tzinfo=CET))
    completed_at(store, clock, datetime(2026, 3, 4, 0, 20, tzinfo=CET))
    summary = summarize(store, WEDNESDAY, days=2)
    assert [(d.first, d.stretches) for d in summary.days] == [(date(2026, 3, 3), 1), (WEDNESDAY, 2)]
    assert summary.today.stretches == 2


def test_days_follow_the_local_date_through_both_dst_changes(store: HistoryStore, clock: WallClock) -> None:
    # Spring forward on 29 March: 02:00 CET becomes 03:00 CEST.
    completed_at(store, clock, datetime(2026, 3, 29, 1, 30, tzinfo=CET))
    completed_at(store, clock, datetime(2026, 3, 29, 3, 30, tzinfo=CEST))
    completed_at(store, clock, datetime(2026, 3, 29, 23, 30, tzinfo=CEST))  # 21:30 UTC
    completed_at(store, clock, datetime(2026, 3, 30, 0, 30, tzinfo=CEST))  # still the 29th in UTC
    # Fall back on 25 October: the hour from 02:00 to 03:00 happens twice.
    completed_at(store, clock, datetime(2026, 10, 25, 2, 30, tzinfo=CEST))
    completed_at(store, clock, datetime(2026, 10, 25, 2, 30, tzinfo=CET))
    completed_at(store, clock, datetime(2026, 10, 25, 23, 59, tzinfo=CET))

    spring = summarize(store, date(2026, 3, 30), days=3)
    assert [d.stretches for d in spring.days] == [0, 3, 1]
    autumn = summarize(store, date(2026, 10, 26), days=3)
    assert [d.stretches for d in autumn.days] == [0, 3, 0]
    assert autumn.streak == 1


def test_this_week_starts_on_monday_and_ignores_last_week(store: HistoryStore, clock: WallClock) -> None:
    completed_at(store, clock, datetime(2026, 3, 1, 12, 0, tzinfo=CET), sitting=5400)  # Sunday, last week
    completed_at(store, clock, datetime(2026, 3, 2, 12, 0, tzinfo=CET), sitting=3000)  # Monday
    completed_at(store, clock, datetime(2026, 3, 4, 9, 0, tzinfo=CET), sitting=1800)  # Wednesday
    clock.when = datetime(2026, 3, 4, 9, 5, tzinfo=CET)
    store.record_snooze(600)
    store.record_comfort(4)
    store.record_comfort(7)
    store.record_natural_break(600, "idle", sitting_seconds=2400)

    for days in (1, 7, 30):
        week = summarize(store, WEDNESDAY, days=days).week
        assert (week.first, week.last) == (date(2026, 3, 2), WEDNESDAY)
        assert (week.stretches, week.snoozes, week.sitting_periods) == (2, 1, 3)
        assert week.longest == 3000
        assert week.average_sitting == pytest.approx((3000 + 1800 + 2400) / 3)
        assert week.comfort == pytest.approx(5.5)
    today = summarize(store, WEDNESDAY).today
    assert (today.stretches, today.snoozes, today.longest, today.average_sitting) == (1, 1, 2400, 2100)


def test_a_snoozed_reminder_does_not_count_its_sitting_period_twice(store: HistoryStore) -> None:
    store.record_reminder("cobra-low", 3000)
    store.record_stretch("cobra-low", "snoozed", 2, sitting_seconds=3000)
    store.record_reminder("cobra-low", 3600)
    store.record_stretch("cobra-low", "completed", 90, sitting_seconds=3600)
    today = summarize(store, WEDNESDAY).today
    assert (today.sitting_periods, today.average_sitting, today.longest) == (1, 3600, 3600)


@pytest.mark.parametrize(("offsets", "streak"), [
    ([], 0),
    ([0], 1),
    ([1], 1),
    ([2], 0),
    ([0, 1, 2], 3),
    ([1, 2, 3, 4], 4),
    ([0, 1, 3, 4, 5], 2),
    ([0, 2, 3], 1),
])
def test_the_streak_counts_back_from_today_or_yesterday(offsets: list[int], streak: int) -> None:
    days = [WEDNESDAY - timedelta(days=n) for n in offsets]
    assert current_streak(days, WEDNESDAY) == streak


def test_the_streak_counts_only_days_with_a_completed_stretch(store: HistoryStore, clock: WallClock) -> None:
    for back in (1, 2, 3, 5):
        completed_at(store, clock, datetime(2026, 3, 4, 12, 0, tzinfo=CET) - timedelta(days=back))
    clock.when = datetime(2026, 3, 4, 8, 0, tzinfo=CET)
    store.record_stretch("cobra-low", "skipped", 3)
    clock.when = datetime(2026, 3, 5, 8, 0, tzinfo=CET)
    store.record_stretch("cobra-low", "completed", 3)  # tomorrow (a clock set wrong) is not counted
    assert summarize(store, WEDNESDAY).streak == 3
    completed_at(store, clock, datetime(2026, 3, 4, 12, 0, tzinfo=CET))
    assert summarize(store, WEDNESDAY).streak == 4
    assert summarize(store, WEDNESDAY + timedelta(days=3)).streak == 0


def test_most_and_least_done_count_completed_stretches_in_the_window(store: HistoryStore, clock: WallClock) -> None:
    noon = datetime(2026, 3, 4, 12, 0, tzinfo=CET)
    for stretch_id, times in (("cobra-low", 3), ("chest-opener", 1), ("reverse-stretch", 3)):
        for _ in range(times):
            completed_at(store, clock, noon, stretch_id)
    completed_at(store, clock, noon - timedelta(days=40), "chest-opener")  # outside the window
    clock.when = noon
    store.record_stretch("hip-flexor-release", "skipped", 4)

    summary = summarize(store, WEDNESDAY, known_ids=["cobra-low", "hip-flexor-release", "chest-opener"])
    assert summary.stretch_counts == (("cobra-low", 3), ("reverse-stretch", 3), ("chest-opener", 1),
                                      ("hip-flexor-release", 0))
    assert summary.most_done == (("cobra-low", "reverse-stretch"), 3)
    assert summary.least_done == (("hip-flexor-release",), 0)
    without_known = summarize(store, WEDNESDAY)
    assert without_known.least_done == (("chest-opener",), 1)


def test_all_stretches_done_equally_have_no_least_done(store: HistoryStore, clock: WallClock) -> None:
    completed_at(store, clock, datetime(2026, 3, 4, 9, 0, tzinfo=CET), "cobra-low")
    completed_at(store, clock, datetime(2026, 3, 4, 9, 0, tzinfo=CET), "chest-opener")
    summary = summarize(store, WEDNESDAY)
    assert summary.most_done == (("chest-opener", "cobra-low"), 1)
    assert summary.least_done == ((), 0)


def test_the_window_must_have_a_day(store: HistoryStore) -> None:
    with pytest.raises(ValueError, match="at least one day"):
        summarize(store, WEDNESDAY, days=0)


def test_merge_keeps_the_longest_and_sums_the_rest() -> None:
    a = Totals(date(2026, 3, 2), date(2026, 3, 2), 2, 1, 2, 3000.0, 2000.0, 1, 5.0)
    b = Totals(date(2026, 3, 3), date(2026, 3, 3), 1, 0, 1, 4000.0, 4000.0, 1, 9.0)
    both = merge(a.first, b.last, [a, b])
    assert both == Totals(date(2026, 3, 2), date(2026, 3, 3), 3, 1, 3, 7000.0, 4000.0, 2, 14.0)
    assert both.comfort == 7.0


@pytest.mark.parametrize(("seconds", "text"), [(None, "—"), (42, "42 s"), (3929, "1 h 5 min"), (2489, "41 min")])
def test_sitting_times_read_to_the_minute(seconds: float | None, text: str) -> None:
    assert describe_sitting(seconds) == text


def test_the_text_summary_shows_today_week_streak_ranking_and_each_day(store: HistoryStore, clock: WallClock) -> None:
    completed_at(store, clock, datetime(2026, 3, 3, 15, 0, tzinfo=CET), "chest-opener", sitting=2700)
    completed_at(store, clock, datetime(2026, 3, 4, 9, 0, tzinfo=CET), "cobra-low", sitting=3960)
    completed_at(store, clock, datetime(2026, 3, 4, 11, 0, tzinfo=CET), "cobra-low", sitting=2400)
    store.record_comfort(8)
    store.record_snooze(300)

    summary: Summary = summarize(store, WEDNESDAY, days=3)
    text = format_summary(summary, {"cobra-low": "Cobra (low)", "chest-opener": "Chest opener"})
    lines = text.splitlines()
    assert lines[0].split() == ["Today", "This", "week", "(from", "Mon", "02", "Mar)"]
    assert lines[1].split() == ["Stretches", "done", "2", "3"]
    assert lines[2].split() == ["Longest", "unbroken", "sitting", "1", "h", "6", "min", "1", "h", "6", "min"]
    assert lines[3].split() == ["Average", "sitting", "period", "53", "min", "50", "min"]
    assert lines[4].split() == ["Snoozes", "1", "1"]
    assert lines[5].split() == ["Back", "comfort", "8", "/", "10", "8", "/", "10"]
    assert "Current streak: 2 days in a row" in lines
    assert "Most done (last 3 days): Cobra (low) (2 times)" in lines
    assert "Least done (last 3 days): Chest opener (1 time)" in lines
    day_lines = lines[-3:]
    assert day_lines[0].split() == ["Mon", "2026-03-02", "0", "—", "—", "0", "—"]
    assert day_lines[1].split()[:4] == ["Tue", "2026-03-03", "1", "45"]
    assert day_lines[2].split() == ["Wed", "2026-03-04", "2", "1", "h", "6", "min", "53", "min", "1", "8", "/", "10"]
    assert text.endswith("\n")
