"""The history: every reminder and what became of it, natural breaks, pauses and comfort ratings, in SQLite.

One table of events in `history.sqlite3` (WAL journal, `synchronous=NORMAL`). Each record is one small
transaction, so a crash of the app loses at most the event being written; with NORMAL a power cut may also
roll back the last few commits, never corrupt the file. The schema version lives in `PRAGMA user_version`
and grows through the ordered steps in `_MIGRATIONS`; the file is copied aside before an upgrade.

Recording never raises into the caller because of the database: when another process holds the write lock
longer than the busy timeout (or the disk refuses the write) the event waits in memory, and every queued
event is written, oldest first, with the next write that succeeds or on `flush()`.

Every event carries `at` (Unix seconds) and `day`, the local date when it happened, fixed at record time,
so "which day" never depends on the time zone or DST rules of whoever reads the file later.
"""

from __future__ import annotations

import contextlib
import logging
import math
import sqlite3
from collections import deque
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from stretchbreak.core.clock import Clock

log = logging.getLogger(__name__)

FILE_NAME = "history.sqlite3"
KINDS = ("reminder", "stretch", "deferred", "natural_break", "pause", "resume", "snooze", "comfort")
STRETCH_OUTCOMES = ("completed", "skipped", "snoozed", "dismissed")
OUTCOMES = (*STRETCH_OUTCOMES, "deferred")
COMFORT_RANGE = range(0, 11)
MAX_PENDING = 10_000
"""Events kept in memory while the file cannot be written; beyond this the oldest are dropped."""
DAY_SECONDS = 24 * 3600
_MAX_SITTING = DAY_SECONDS
_MAX_STRETCH = 4 * 3600
_MAX_AWAY = 366 * DAY_SECONDS

_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 0 -> 1: the events table.
    ("""CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            stretch_id TEXT,
            outcome TEXT,
            sitting_seconds REAL,
            duration_seconds REAL,
            value REAL,
            detail TEXT
        )""",),
    # 1 -> 2: whether the user started a stretch themselves, and indexes for the statistics window.
    ("ALTER TABLE events ADD COLUMN manual INTEGER NOT NULL DEFAULT 0",
     "CREATE INDEX events_by_day ON events (day, kind)",
     "CREATE INDEX events_by_kind ON events (kind, outcome, day)"),
)
SCHEMA_VERSION = len(_MIGRATIONS)

_COLUMNS = ("at", "day", "kind", "stretch_id", "outcome", "sitting_seconds", "duration_seconds", "value",
            "detail", "manual")
_INSERT = f"INSERT INTO events ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})"
_SELECT = f"SELECT id, {', '.join(_COLUMNS)} FROM events"

# A sitting period ends where the sitting time starts over: a natural break, or a stretch window that closed
# any way but "snoozed" (a snooze lets the same period run on, so counting it would count a period twice).
SITTING_PERIOD_SQL = ("sitting_seconds IS NOT NULL AND (kind = 'natural_break' "
                      "OR (kind = 'stretch' AND outcome <> 'snoozed'))")
COMPLETED_SQL = "kind = 'stretch' AND outcome = 'completed'"


class HistoryUnavailable(Exception):
    """The history file cannot be used; the message names the file and says why."""


@dataclass(frozen=True)
class Event:
    id: int
    at: float
    """Unix seconds (wall clock) when it happened."""
    day: str
    """The local date it happened on, "YYYY-MM-DD"."""
    kind: str
    stretch_id: str | None = None
    outcome: str | None = None
    sitting_seconds: float | None = None
    """Sitting time before a reminder, a stretch or a natural break."""
    duration_seconds: float | None = None
    """How long a stretch, a natural break or a snooze lasted."""
    value: float | None = None
    """A comfort rating 0-10, or the Unix time a pause ends (None: until resumed)."""
    detail: str | None = None
    """Why: the reason for a deferral or a natural break."""
    manual: bool = False
    """A stretch the user started themselves rather than one a reminder brought."""


@dataclass(frozen=True)
class DayTotals:
    """Sums over one day's events, as the statistics need them."""

    day: str
    stretches: int
    snoozes: int
    sitting_periods: int
    sitting_total: float
    longest_sitting: float
    comfort_count: int
    comfort_total: float


Row = tuple[float, str, str, str | None, str | None, float | None, float | None, float | None, str | None, int]


def _seconds(value: float | None, ceiling: float) -> float | None:
    """Durations from the outside world, made sane: negative or not a number is 0, too long is the ceiling."""
    if value is None:
        return None
    number = float(value)
    if math.isnan(number) or number < 0:
        return 0.0
    return min(number, ceiling)


def _text(value: str | None) -> str | None:
    return value if value else None


class HistoryStore:
    def __init__(self, path: Path, clock: Clock, *, busy_timeout_ms: int = 2000,
                 write_wait_ms: int | None = None) -> None:
        """`busy_timeout_ms`: how long opening (and upgrading) waits for another process's write lock;
        `write_wait_ms`: how long each later write waits before its event is queued (default: the same)."""
        self.path = path
        self._open_wait_ms = int(busy_timeout_ms)
        self._clock = clock
        self._pending: deque[Row] = deque()
        self.dropped = 0
        """Events lost because the queue was full while the file could not be written."""
        self.last_error: str | None = None
        """Why the last write failed, until a write succeeds again."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, timeout=busy_timeout_ms / 1000, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise HistoryUnavailable(f"the history file {path} cannot be opened: {error}") from error
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self._upgrade()
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            if write_wait_ms is not None:
                self._conn.execute(f"PRAGMA busy_timeout = {int(write_wait_ms)}")
        except sqlite3.Error as error:
            self._conn.close()
            raise HistoryUnavailable(f"the history file {path} cannot be used: {error}") from error

    # ---- opening ------------------------------------------------------------------------------------

    def _upgrade(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"it was written by a newer stretchbreak (schema {version}; "
                                        f"this version reads up to {SCHEMA_VERSION})")
        if version == 0 and self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise sqlite3.DatabaseError("it is an SQLite file but not a stretchbreak history")
        if 0 < version < SCHEMA_VERSION:
            backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
            with contextlib.closing(sqlite3.connect(backup)) as copy:
                self._conn.backup(copy)
            log.info("history: upgrading %s from schema %d to %d; the old file is kept as %s",
                     self.path, version, SCHEMA_VERSION, backup)
        for step in range(version, SCHEMA_VERSION):
            with self._transaction():
                if self.schema_version != step:
                    continue  # another stretchbreak opening the same file took this step first
                for statement in _MIGRATIONS[step]:
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {step + 1}")

    @property
    def write_wait_ms(self) -> int:
        wait: int = self._conn.execute("PRAGMA busy_timeout").fetchone()[0]
        return wait

    @property
    def schema_version(self) -> int:
        version: int = self._conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Write what is queued (if the file lets us; waiting for a lock as long as opening does) and close."""
        if self._pending:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute(f"PRAGMA busy_timeout = {self._open_wait_ms}")
        self.flush()
        if self._pending:
            log.warning("history: %d events could not be written to %s and are lost: %s",
                        len(self._pending), self.path, self.last_error)
        self._conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- recording ----------------------------------------------------------------------------------

    def record_reminder(self, stretch_id: str, sitting_seconds: float) -> None:
        """A reminder came: the stretch it offered, after this much sitting."""
        self._record("reminder", stretch_id=stretch_id, sitting_seconds=_seconds(sitting_seconds, _MAX_SITTING))

    def record_stretch(self, stretch_id: str, outcome: str, duration_seconds: float,
                       sitting_seconds: float | None = None, manual: bool = False) -> None:
        """A stretch window closed: `outcome` is completed, skipped, snoozed or dismissed; `duration_seconds`
        how long it was open; `sitting_seconds` the sitting time when it opened, if known."""
        if outcome not in STRETCH_OUTCOMES:
            raise ValueError(f"outcome {outcome!r} is not one of {', '.join(STRETCH_OUTCOMES)}")
        self._record("stretch", stretch_id=stretch_id, outcome=outcome,
                     duration_seconds=_seconds(duration_seconds, _MAX_STRETCH),
                     sitting_seconds=_seconds(sitting_seconds, _MAX_SITTING), manual=manual)

    def record_deferred(self, reason: str, sitting_seconds: float | None = None) -> None:
        """A due reminder waits because of `reason` (e.g. "fullscreen")."""
        self._record("deferred", outcome="deferred", detail=_text(reason),
                     sitting_seconds=_seconds(sitting_seconds, _MAX_SITTING))

    def record_natural_break(self, seconds: float, reason: str, sitting_seconds: float | None = None) -> None:
        """The user came back from a break of `seconds` ("idle", "sleep" or "locked") that ended a sitting
        period of `sitting_seconds`."""
        self._record("natural_break", duration_seconds=_seconds(seconds, _MAX_AWAY), detail=_text(reason),
                     sitting_seconds=_seconds(sitting_seconds, _MAX_SITTING))

    def record_pause(self, until: datetime | None) -> None:
        """Reminders paused until `until`, or until resumed when None."""
        self._record("pause", value=None if until is None else until.timestamp())

    def record_resume(self) -> None:
        self._record("resume")

    def record_snooze(self, seconds: float) -> None:
        """A reminder was postponed by `seconds` (from the window, the tray or the command line)."""
        self._record("snooze", duration_seconds=_seconds(seconds, DAY_SECONDS))

    def record_comfort(self, value: int, stretch_id: str | None = None) -> None:
        """The answer to "How does your back feel?", 0 (worst) to 10 (best), after `stretch_id` if known."""
        if isinstance(value, bool) or not isinstance(value, int) or value not in COMFORT_RANGE:
            raise ValueError(f"a comfort rating is a whole number from 0 to 10, not {value!r}")
        self._record("comfort", value=float(value), stretch_id=stretch_id)

    def _record(self, kind: str, *, stretch_id: str | None = None, outcome: str | None = None,
                sitting_seconds: float | None = None, duration_seconds: float | None = None,
                value: float | None = None, detail: str | None = None, manual: bool = False) -> None:
        now = self._clock.now()
        if len(self._pending) >= MAX_PENDING:
            self._pending.popleft()
            self.dropped += 1
        self._pending.append((now.timestamp(), now.date().isoformat(), kind, _text(stretch_id), outcome,
                              sitting_seconds, duration_seconds, value, detail, int(manual)))
        self.flush()

    @property
    def pending(self) -> int:
        """Events waiting in memory because the file could not be written yet."""
        return len(self._pending)

    def flush(self) -> bool:
        """Write every queued event, oldest first, in one transaction. True when nothing is left waiting."""
        if not self._pending:
            return True
        try:
            with self._transaction():
                self._conn.executemany(_INSERT, self._pending)
        except sqlite3.Error as error:
            if self.last_error is None:
                log.warning("history: cannot write to %s (%s); %d events wait in memory",
                            self.path, error, len(self._pending))
            self.last_error = str(error)
            return False
        self._pending.clear()
        self.last_error = None
        return True

    # ---- reading ------------------------------------------------------------------------------------

    def iter_events(self, since: datetime | None = None) -> Generator[Event, None, None]:
        """Every written event (at or after `since`), in the order they were recorded."""
        self.flush()
        if since is None:
            cursor = self._conn.execute(f"{_SELECT} ORDER BY id")
        else:
            cursor = self._conn.execute(f"{_SELECT} WHERE at >= ? ORDER BY id", (since.timestamp(),))
        try:
            for row in cursor:
                yield _event(row)
        finally:
            cursor.close()

    def events(self, since: datetime | None = None) -> list[Event]:
        return list(self.iter_events(since))

    def day_totals(self, first: date, last: date) -> list[DayTotals]:
        """One row per day from `first` to `last` (inclusive) that has any event, oldest first."""
        rows = self._conn.execute(
            f"""SELECT day,
                       SUM({COMPLETED_SQL}),
                       SUM(kind = 'snooze'),
                       COUNT(CASE WHEN {SITTING_PERIOD_SQL} THEN 1 END),
                       TOTAL(CASE WHEN {SITTING_PERIOD_SQL} THEN sitting_seconds END),
                       IFNULL(MAX(CASE WHEN {SITTING_PERIOD_SQL} THEN sitting_seconds END), 0),
                       COUNT(CASE WHEN kind = 'comfort' THEN value END),
                       TOTAL(CASE WHEN kind = 'comfort' THEN value END)
                FROM events WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day""",
            (first.isoformat(), last.isoformat()))
        return [DayTotals(day, int(done), int(snoozes), int(periods), float(total), float(longest),
                          int(ratings), float(rating_total))
                for day, done, snoozes, periods, total, longest, ratings, rating_total in rows]

    def completed_by_stretch(self, first: date, last: date) -> dict[str, int]:
        """How many times each stretch was completed from `first` to `last` (inclusive)."""
        rows = self._conn.execute(
            f"SELECT stretch_id, COUNT(*) FROM events WHERE {COMPLETED_SQL} AND day BETWEEN ? AND ? "
            "AND stretch_id IS NOT NULL GROUP BY stretch_id", (first.isoformat(), last.isoformat()))
        return {stretch_id: int(count) for stretch_id, count in rows}

    def completed_days(self, until: date) -> Generator[date, None, None]:
        """The days with at least one completed stretch, newest first, from `until` back. Read lazily, so
        a caller that stops early (close the generator) reads no further."""
        cursor = self._conn.execute(
            f"SELECT DISTINCT day FROM events WHERE {COMPLETED_SQL} AND day <= ? ORDER BY day DESC",
            (until.isoformat(),))
        try:
            for (day,) in cursor:
                yield date.fromisoformat(day)
        finally:
            cursor.close()


def _event(row: tuple[Any, ...]) -> Event:
    event_id, at, day, kind, stretch_id, outcome, sitting, duration, value, detail, manual = row
    return Event(event_id, at, day, kind, stretch_id, outcome, sitting, duration, value, detail, bool(manual))
