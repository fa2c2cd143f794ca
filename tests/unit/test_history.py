"""The history store on a real SQLite file: every kind of event, migrations, locks, a second writer, damage."""

import math
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from stretchbreak.core import history
from stretchbreak.core.history import SCHEMA_VERSION, Event, HistoryStore, HistoryUnavailable

CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))


class WallClock:
    """A clock whose wall time a test sets directly, offset and all (fixed offsets keep DST explicit)."""

    def __init__(self, when: datetime) -> None:
        self.when = when

    def now(self) -> datetime:
        return self.when

    def monotonic(self) -> float:
        return 0.0

    def boottime(self) -> float:
        return 0.0

    def advance(self, seconds: float) -> None:
        self.when += timedelta(seconds=seconds)


# The schema as each released version created it, frozen here so a migration is tested against the real
# old files and not against whatever the code builds today.
OLD_SCHEMAS: dict[int, list[str]] = {
    0: [],
    1: ["""CREATE TABLE events (id INTEGER PRIMARY KEY, at REAL NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL,
           stretch_id TEXT, outcome TEXT, sitting_seconds REAL, duration_seconds REAL, value REAL, detail TEXT)""",
        "INSERT INTO events (at, day, kind, stretch_id, outcome, sitting_seconds, duration_seconds) "
        "VALUES (1772438400.0, '2026-03-02', 'stretch', 'cobra-low', 'completed', 3000.0, 95.5)",
        "INSERT INTO events (at, day, kind, value) VALUES (1772438460.0, '2026-03-02', 'comfort', 7.0)",
        "PRAGMA user_version = 1"],
}


@pytest.fixture
def clock() -> WallClock:
    return WallClock(datetime(2026, 3, 2, 9, 0, tzinfo=CET))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(path: Path, clock: WallClock) -> Iterator[HistoryStore]:
    with HistoryStore(path, clock) as opened:
        yield opened


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_a_new_file_has_the_current_schema_in_wal_mode(store: HistoryStore, path: Path) -> None:
    assert path.is_file()
    assert store.schema_version == SCHEMA_VERSION >= 2
    connection = raw(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()
    assert store.events() == []


def test_every_kind_of_event_is_recorded_and_read_back(store: HistoryStore, clock: WallClock) -> None:
    store.record_reminder("cobra-low", 3000)
    store.record_deferred("fullscreen", sitting_seconds=3010)
    clock.advance(60)
    store.record_stretch("cobra-low", "completed", 95.5, sitting_seconds=3020)
    store.record_comfort(7, stretch_id="cobra-low")
    store.record_stretch("chest-opener", "skipped", 4, manual=True)
    store.record_stretch("cobra-low", "snoozed", 2, sitting_seconds=3100)
    store.record_stretch("cobra-low", "dismissed", 1)
    store.record_snooze(600)
    store.record_natural_break(420, "idle", sitting_seconds=1800)
    store.record_pause(datetime(2026, 3, 2, 12, 0, tzinfo=CET))
    store.record_resume()
    store.record_pause(None)

    events = store.events()
    assert [e.kind for e in events] == ["reminder", "deferred", "stretch", "comfort", "stretch", "stretch", "stretch",
                                        "snooze", "natural_break", "pause", "resume", "pause"]
    assert {e.kind for e in events} == set(history.KINDS)
    assert [e.id for e in events] == sorted(e.id for e in events)
    start = datetime(2026, 3, 2, 9, 0, tzinfo=CET).timestamp()
    reminder, deferred, completed, comfort, skipped, snoozed, dismissed, snooze, brk, pause, resume, endless = events
    assert reminder == Event(reminder.id, start, "2026-03-02", "reminder", stretch_id="cobra-low",
                             sitting_seconds=3000.0)
    assert (deferred.outcome, deferred.detail, deferred.sitting_seconds) == ("deferred", "fullscreen", 3010.0)
    assert completed == Event(completed.id, start + 60, "2026-03-02", "stretch", stretch_id="cobra-low",
                              outcome="completed", sitting_seconds=3020.0, duration_seconds=95.5)
    assert (comfort.value, comfort.stretch_id) == (7.0, "cobra-low")
    assert (skipped.stretch_id, skipped.outcome, skipped.manual, skipped.sitting_seconds) == \
        ("chest-opener", "skipped", True, None)
    assert (snoozed.outcome, dismissed.outcome) == ("snoozed", "dismissed")
    assert snooze.duration_seconds == 600.0
    assert (brk.duration_seconds, brk.detail, brk.sitting_seconds) == (420.0, "idle", 1800.0)
    assert pause.value == datetime(2026, 3, 2, 12, 0, tzinfo=CET).timestamp()
    assert (resume.value, endless.value) == (None, None)


def test_each_record_is_committed_at_once_so_another_reader_sees_it(store: HistoryStore, path: Path) -> None:
    store.record_snooze(300)
    reader = raw(path)
    assert reader.execute("SELECT kind FROM events").fetchall() == [("snooze",)]
    reader.close()


def test_the_day_is_the_local_date_when_recorded(store: HistoryStore, clock: WallClock) -> None:
    clock.when = datetime(2026, 3, 29, 0, 30, tzinfo=CEST)  # still 28 March in UTC
    store.record_resume()
    clock.when = datetime(2026, 3, 28, 23, 59, tzinfo=timezone(timedelta(hours=-8)))  # 29 March in UTC
    store.record_resume()
    assert [e.day for e in store.events()] == ["2026-03-29", "2026-03-28"]


def test_events_since_a_time(store: HistoryStore, clock: WallClock) -> None:
    store.record_snooze(60)
    clock.advance(3600)
    store.record_snooze(120)
    since = store.events(since=clock.now() - timedelta(minutes=1))
    assert [e.duration_seconds for e in since] == [120.0]


@pytest.mark.parametrize(("given", "stored"), [(-5.0, 0.0), (math.nan, 0.0), (math.inf, 4 * 3600.0),
                                               (10 * 3600.0, 4 * 3600.0), (42.25, 42.25)])
def test_impossible_durations_are_clamped(store: HistoryStore, given: float, stored: float) -> None:
    store.record_stretch("cobra-low", "completed", given, sitting_seconds=-1)
    event = store.events()[0]
    assert event.duration_seconds == stored
    assert event.sitting_seconds == 0.0


@pytest.mark.parametrize("outcome", ["finished", "deferred", ""])
def test_an_unknown_stretch_outcome_is_refused(store: HistoryStore, outcome: str) -> None:
    with pytest.raises(ValueError, match="outcome"):
        store.record_stretch("cobra-low", outcome, 10)
    assert store.events() == []


@pytest.mark.parametrize("value", [-1, 11, True, 5.5])
def test_a_comfort_rating_is_a_whole_number_from_0_to_10(store: HistoryStore, value: int) -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        store.record_comfort(value)
    store.record_comfort(0)
    store.record_comfort(10)
    assert [e.value for e in store.events()] == [0.0, 10.0]


def test_events_survive_closing_and_reopening(path: Path, clock: WallClock) -> None:
    with HistoryStore(path, clock) as first:
        first.record_reminder("cobra-low", 3000)
    with HistoryStore(path, clock) as second:
        assert [e.kind for e in second.events()] == ["reminder"]
        assert second.schema_version == SCHEMA_VERSION


# ---- migrations -----------------------------------------------------------------------------------------


def test_every_older_schema_has_a_frozen_fixture() -> None:
    assert set(OLD_SCHEMAS) == set(range(SCHEMA_VERSION))


@pytest.mark.parametrize("version", sorted(OLD_SCHEMAS))
def test_an_older_file_is_migrated_to_the_current_schema(path: Path, clock: WallClock, version: int) -> None:
    path.parent.mkdir(parents=True)
    connection = raw(path)
    for statement in OLD_SCHEMAS[version]:
        connection.execute(statement)
    before = connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'events'").fetchone()[0] and \
        connection.execute("SELECT count(*) FROM events").fetchone()[0]
    connection.close()

    with HistoryStore(path, clock) as store:
        assert store.schema_version == SCHEMA_VERSION
        old = store.events()
        assert len(old) == before
        store.record_stretch("cobra-low", "completed", 60, manual=True)
        assert store.events()[-1].manual is True
        assert all(not e.manual for e in old)
    check = raw(path)
    indexes = {row[0] for row in check.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"events_by_day", "events_by_kind"} <= indexes
    check.close()


def test_a_version_1_file_keeps_its_events_and_a_backup(path: Path, clock: WallClock) -> None:
    path.parent.mkdir(parents=True)
    connection = raw(path)
    for statement in OLD_SCHEMAS[1]:
        connection.execute(statement)
    connection.close()

    with HistoryStore(path, clock) as store:
        stretch, comfort = store.events()
    assert stretch == Event(stretch.id, 1772438400.0, "2026-03-02", "stretch", stretch_id="cobra-low",
                            outcome="completed", sitting_seconds=3000.0, duration_seconds=95.5)
    assert (comfort.kind, comfort.value) == ("comfort", 7.0)
    backup = raw(path.with_name("history.sqlite3.v1.bak"))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    backup.close()


def test_a_file_from_a_newer_version_is_left_alone(path: Path, clock: WallClock) -> None:
    path.parent.mkdir(parents=True)
    connection = raw(path)
    connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, future TEXT)")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(HistoryUnavailable, match="newer stretchbreak") as raised:
        HistoryStore(path, clock)
    assert str(path) in str(raised.value)
    check = raw(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    check.close()


# ---- damaged and unusable files ----------------------------------------------------------------------


def test_a_corrupt_file_is_reported_with_its_name(path: Path, clock: WallClock) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database, just some text that happens to be here\n" * 64)
    with pytest.raises(HistoryUnavailable) as raised:
        HistoryStore(path, clock)
    assert str(path) in str(raised.value)
    assert "not a database" in str(raised.value)


def test_some_other_programs_sqlite_file_is_not_taken_over(path: Path, clock: WallClock) -> None:
    path.parent.mkdir(parents=True)
    connection = raw(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.close()
    with pytest.raises(HistoryUnavailable, match="not a stretchbreak history"):
        HistoryStore(path, clock)


def test_a_folder_in_place_of_the_file_is_reported(path: Path, clock: WallClock) -> None:
    path.mkdir(parents=True)
    with pytest.raises(HistoryUnavailable, match="cannot be"):
        HistoryStore(path, clock)


# ---- other writers and locks ---------------------------------------------------------------------------


def test_two_connections_writing_in_turn_lose_nothing(path: Path, clock: WallClock) -> None:
    with HistoryStore(path, clock) as first, HistoryStore(path, clock) as second:
        for n in range(50):
            first.record_snooze(n)
            second.record_comfort(n % 11)
        assert len(first.events()) == len(second.events()) == 100
        kinds = [e.kind for e in first.events()]
    assert kinds == ["snooze", "comfort"] * 50


def test_a_writer_in_another_thread_at_the_same_time_loses_nothing(path: Path, clock: WallClock) -> None:
    HistoryStore(path, clock).close()
    started = threading.Barrier(2)

    def other_writer() -> None:
        with HistoryStore(path, clock, busy_timeout_ms=10_000) as other:
            started.wait()
            for n in range(300):
                other.record_snooze(n)
            assert other.pending == 0

    thread = threading.Thread(target=other_writer)
    thread.start()
    with HistoryStore(path, clock, busy_timeout_ms=10_000) as mine:
        started.wait()
        for n in range(300):
            mine.record_comfort(n % 11)
        thread.join()
        assert mine.pending == 0
        events = mine.events()
    assert sorted(e.duration_seconds or 0.0 for e in events if e.kind == "snooze") == [float(n) for n in range(300)]
    assert [e.value for e in events if e.kind == "comfort"] == [float(n % 11) for n in range(300)]


def test_a_write_while_another_connection_holds_the_lock_waits_and_lands_in_order(
    store: HistoryStore, path: Path, clock: WallClock
) -> None:
    store.record_reminder("cobra-low", 3000)
    locker = raw(path)
    locker.execute("BEGIN IMMEDIATE")
    blocked = HistoryStore(path, clock, busy_timeout_ms=20)
    blocked.record_stretch("cobra-low", "completed", 90)
    blocked.record_comfort(8)
    assert blocked.pending == 2
    assert blocked.last_error is not None and "locked" in blocked.last_error
    assert not blocked.flush()
    locker.execute("INSERT INTO events (at, day, kind) VALUES (0, '2026-03-02', 'resume')")
    locker.execute("COMMIT")
    locker.close()

    blocked.record_snooze(600)
    assert blocked.pending == 0
    assert blocked.last_error is None
    assert [e.kind for e in store.events()] == ["reminder", "resume", "stretch", "comfort", "snooze"]
    blocked.close()


def test_flush_writes_what_waited_once_the_lock_is_gone(store: HistoryStore, path: Path, clock: WallClock) -> None:
    locker = raw(path)
    locker.execute("BEGIN IMMEDIATE")
    blocked = HistoryStore(path, clock, busy_timeout_ms=20)
    blocked.record_resume()
    assert blocked.pending == 1
    locker.execute("ROLLBACK")
    locker.close()
    assert blocked.flush()
    assert blocked.pending == 0
    assert [e.kind for e in store.events()] == ["resume"]
    blocked.close()


def test_closing_writes_what_waited(path: Path, clock: WallClock) -> None:
    HistoryStore(path, clock).close()
    locker = raw(path)
    locker.execute("BEGIN IMMEDIATE")
    blocked = HistoryStore(path, clock, busy_timeout_ms=20)
    blocked.record_resume()
    locker.execute("COMMIT")
    locker.close()
    blocked.close()
    check = raw(path)
    assert check.execute("SELECT kind FROM events").fetchall() == [("resume",)]
    check.close()


def test_the_waiting_queue_is_bounded_and_counts_what_it_drops(
    path: Path, clock: WallClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "MAX_PENDING", 3)
    HistoryStore(path, clock).close()
    locker = raw(path)
    locker.execute("BEGIN IMMEDIATE")
    blocked = HistoryStore(path, clock, busy_timeout_ms=5)
    for n in range(5):
        blocked.record_snooze(n)
    assert (blocked.pending, blocked.dropped) == (3, 2)
    locker.execute("COMMIT")
    locker.close()
    assert blocked.flush()
    assert [e.duration_seconds for e in blocked.events()] == [2.0, 3.0, 4.0]
    blocked.close()


# ---- the sums the statistics read ----------------------------------------------------------------------


def test_day_totals_count_completed_stretches_snoozes_sitting_periods_and_comfort(
    store: HistoryStore, clock: WallClock
) -> None:
    store.record_reminder("cobra-low", 9999)  # a reminder alone ends no sitting period
    store.record_stretch("cobra-low", "snoozed", 3, sitting_seconds=3000)  # the period runs on
    store.record_snooze(600)
    store.record_stretch("cobra-low", "completed", 80, sitting_seconds=3600)
    store.record_stretch("chest-opener", "skipped", 5, sitting_seconds=1200)
    store.record_natural_break(400, "idle", sitting_seconds=1800)
    store.record_natural_break(400, "sleep")  # nothing known about the sitting before it
    store.record_comfort(6)
    store.record_comfort(9)
    clock.advance(24 * 3600)
    store.record_stretch("cobra-low", "completed", 80)

    first, second = store.day_totals(date(2026, 3, 1), date(2026, 3, 3))
    assert first == history.DayTotals("2026-03-02", stretches=1, snoozes=1, sitting_periods=3,
                                      sitting_total=6600.0, longest_sitting=3600.0, comfort_count=2,
                                      comfort_total=15.0)
    assert (second.day, second.stretches, second.sitting_periods, second.longest_sitting) == ("2026-03-03", 1, 0, 0)
    assert store.day_totals(date(2026, 3, 3), date(2026, 3, 3)) == [second]
    assert store.completed_by_stretch(date(2026, 3, 2), date(2026, 3, 3)) == {"cobra-low": 2}
    assert store.completed_by_stretch(date(2026, 3, 3), date(2026, 3, 3)) == {"cobra-low": 1}
    assert list(store.completed_days(date(2026, 3, 3))) == [date(2026, 3, 3), date(2026, 3, 2)]
    assert list(store.completed_days(date(2026, 3, 2))) == [date(2026, 3, 2)]
