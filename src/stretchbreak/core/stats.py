"""Statistics over the history: per-day totals for a window of days, today and this week at a glance, the
most and least done stretches and the current streak, plus the plain-text summary `stretchbreak stats` prints.

The database does the counting (one GROUP BY day over the window), so ten years of history cost no more
than the days shown. A sitting period is the sitting time recorded when it ended: with a natural break, or
with a stretch window that closed any way but "snoozed" (see history.SITTING_PERIOD_SQL). A period counts
on the day it ended.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from stretchbreak.core.durations import describe_duration
from stretchbreak.core.history import DayTotals, HistoryStore

DEFAULT_DAYS = 30
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Totals:
    """What happened from `first` to `last` (inclusive): one day, a week, or any stretch of days."""

    first: date
    last: date
    stretches: int = 0
    snoozes: int = 0
    sitting_periods: int = 0
    sitting_total: float = 0.0
    longest_sitting: float = 0.0
    comfort_count: int = 0
    comfort_total: float = 0.0

    @property
    def longest(self) -> float | None:
        """The longest sitting period in seconds, or None when no period ended in these days."""
        return self.longest_sitting if self.sitting_periods else None

    @property
    def average_sitting(self) -> float | None:
        return self.sitting_total / self.sitting_periods if self.sitting_periods else None

    @property
    def comfort(self) -> float | None:
        """The average comfort rating (0-10), or None when there was none."""
        return self.comfort_total / self.comfort_count if self.comfort_count else None

    @property
    def empty(self) -> bool:
        return not (self.stretches or self.snoozes or self.sitting_periods or self.comfort_count)


def merge(first: date, last: date, parts: Iterable[Totals]) -> Totals:
    """The totals of several spans as one span from `first` to `last`."""
    items = list(parts)
    return Totals(
        first, last,
        stretches=sum(t.stretches for t in items),
        snoozes=sum(t.snoozes for t in items),
        sitting_periods=sum(t.sitting_periods for t in items),
        sitting_total=sum(t.sitting_total for t in items),
        longest_sitting=max((t.longest_sitting for t in items), default=0.0),
        comfort_count=sum(t.comfort_count for t in items),
        comfort_total=sum(t.comfort_total for t in items),
    )


def _from_row(row: DayTotals) -> Totals:
    day = date.fromisoformat(row.day)
    return Totals(day, day, row.stretches, row.snoozes, row.sitting_periods, row.sitting_total,
                  row.longest_sitting, row.comfort_count, row.comfort_total)


@dataclass(frozen=True)
class Summary:
    today: Totals
    week: Totals
    """This ISO week (Monday first) up to today."""
    days: tuple[Totals, ...]
    """Every day of the window, oldest first, today last; days without events are all zero."""
    stretch_counts: tuple[tuple[str, int], ...]
    """Completed stretches in the window by stretch id, most done first (then by id)."""
    streak: int
    """Consecutive days with a completed stretch, ending today (or yesterday, when none is done today yet)."""

    @property
    def window(self) -> int:
        return len(self.days)

    @property
    def has_data(self) -> bool:
        return not all(day.empty for day in self.days) or not self.week.empty

    @property
    def most_done(self) -> tuple[tuple[str, ...], int]:
        """The stretches done most often in the window (ties included) and how often; none if none was done."""
        if not self.stretch_counts or self.stretch_counts[0][1] == 0:
            return (), 0
        top = self.stretch_counts[0][1]
        return tuple(i for i, n in self.stretch_counts if n == top), top

    @property
    def least_done(self) -> tuple[tuple[str, ...], int]:
        """The stretches done least often (ties included) and how often; none when all were done equally."""
        if not self.stretch_counts:
            return (), 0
        bottom = self.stretch_counts[-1][1]
        if bottom == self.stretch_counts[0][1]:
            return (), 0
        return tuple(sorted(i for i, n in self.stretch_counts if n == bottom)), bottom


def current_streak(days_newest_first: Iterable[date], today: date) -> int:
    """How many consecutive days up to today, or up to yesterday when today has none yet, appear in
    `days_newest_first` (distinct dates, newest first, none after today)."""
    days = iter(days_newest_first)
    newest = next(days, None)
    if newest is None or newest < today - ONE_DAY:
        return 0
    streak, expected = 1, newest - ONE_DAY
    for day in days:
        if day != expected:
            break
        streak += 1
        expected -= ONE_DAY
    return streak


def summarize(store: HistoryStore, today: date, days: int = DEFAULT_DAYS, known_ids: Iterable[str] = ()) -> Summary:
    """The summary for the `days` days ending `today`. Stretches in `known_ids` that were never done in the
    window are counted with 0, so the least done can be one never done."""
    if days < 1:
        raise ValueError(f"the window must be at least one day, not {days}")
    window_first = today - timedelta(days=days - 1)
    week_first = today - timedelta(days=today.weekday())
    rows = {row.day: _from_row(row) for row in store.day_totals(min(window_first, week_first), today)}

    def span(first: date) -> Iterator[Totals]:
        day = first
        while day <= today:
            yield rows.get(day.isoformat()) or Totals(day, day)
            day += ONE_DAY

    counts = dict.fromkeys(known_ids, 0)
    counts.update(store.completed_by_stretch(window_first, today))
    with contextlib.closing(store.completed_days(today)) as completed:
        streak = current_streak(completed, today)
    return Summary(
        today=rows.get(today.isoformat()) or Totals(today, today),
        week=merge(week_first, today, span(week_first)),
        days=tuple(span(window_first)),
        stretch_counts=tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
        streak=streak,
    )


# ---- text ---------------------------------------------------------------------------------------------

def describe_sitting(seconds: float | None) -> str:
    """A sitting time to the minute ("1 h 5 min"), under a minute in seconds, "—" for none."""
    if seconds is None:
        return "—"
    if seconds < 60:
        return describe_duration(seconds)
    return describe_duration(round(seconds / 60) * 60)


def describe_comfort(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".removesuffix(".0") + " / 10"


def describe_streak(days: int) -> str:
    return "no streak yet" if days == 0 else f"{days} day{'s' if days != 1 else ''} in a row"


def describe_stretches(ids: Iterable[str], count: int, names: Mapping[str, str]) -> str:
    listed = [names.get(i, i) for i in ids]
    if not listed:
        return "—"
    times = f"{count} time{'s' if count != 1 else ''}"
    return ", ".join(listed) + f" ({times}{' each' if len(listed) > 1 else ''})"


def glance_rows(totals: Totals) -> list[tuple[str, str, str]]:
    """The at-a-glance lines for a day or a week as (key, label, value); the window shows the same."""
    return [
        ("stretches", "Stretches done", str(totals.stretches)),
        ("longest", "Longest unbroken sitting", describe_sitting(totals.longest)),
        ("average", "Average sitting period", describe_sitting(totals.average_sitting)),
        ("snoozes", "Snoozes", str(totals.snoozes)),
        ("comfort", "Back comfort", describe_comfort(totals.comfort)),
    ]


def format_summary(summary: Summary, names: Mapping[str, str] | None = None) -> str:
    """The summary as plain text for the terminal: today and this week, streak, most and least done, and
    one line per day of the window."""
    names = names or {}
    today, week = summary.today, summary.week
    lines = [f"{'':<26}{'Today':<16}This week (from {week.first:%a %d %b})"]
    for (_, label, today_value), (_, _, week_value) in zip(glance_rows(today), glance_rows(week), strict=True):
        lines.append(f"{label:<26}{today_value:<16}{week_value}")
    most, most_count = summary.most_done
    least, least_count = summary.least_done
    window = f"last {summary.window} day{'s' if summary.window != 1 else ''}"
    lines += [
        "",
        f"Current streak: {describe_streak(summary.streak)}",
        f"Most done ({window}): {describe_stretches(most, most_count, names)}",
        f"Least done ({window}): {describe_stretches(least, least_count, names)}",
        "",
        f"{'Day':<16}{'Stretches':>10}  {'Longest sitting':<17}{'Average sitting':<17}{'Snoozes':>7}  Comfort",
    ]
    for day in summary.days:
        lines.append(f"{day.first:%a %Y-%m-%d}  {day.stretches:>10}  {describe_sitting(day.longest):<17}"
                     f"{describe_sitting(day.average_sitting):<17}{day.snoozes:>7}  {describe_comfort(day.comfort)}")
    return "\n".join(lines) + "\n"
