"""The history database against other processes: a writer killed with SIGKILL mid-burst, again and again, and a
write lock held by another process. Every event a writer reported as recorded is in the file afterwards, the file
passes `PRAGMA integrity_check`, and events recorded while another process held the lock are written, in order,
once it lets go.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.history import HistoryStore

KILLS = 12

# Records snoozes of 0, 1, 2, ... seconds as fast as it can and prints each number once it is recorded.
WRITER = """
import sys
from pathlib import Path
from stretchbreak.core.clock import SystemClock
from stretchbreak.core.history import HistoryStore

store = HistoryStore(Path(sys.argv[1]), SystemClock())
n = int(sys.argv[2])
print("open", flush=True)
while True:
    store.record_snooze(n)
    assert store.pending == 0
    print(n, flush=True)
    n += 1
"""

# Holds the write lock (BEGIN IMMEDIATE) until a line arrives on stdin, then commits and exits.
LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("INSERT INTO events (at, day, kind) VALUES (0, '2026-03-02', 'resume')")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
print("released", flush=True)
"""


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        result: str = connection.execute("PRAGMA integrity_check").fetchone()[0]
        return result
    finally:
        connection.close()


def stored_snoozes(path: Path) -> list[int]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT duration_seconds FROM events WHERE kind = 'snooze' ORDER BY id")
        return [int(value) for (value,) in rows]
    finally:
        connection.close()


def test_a_writer_killed_mid_burst_again_and_again_loses_no_recorded_event(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    rng = random.Random(20260302)
    acknowledged: list[int] = []
    for _ in range(KILLS):
        # Given a process recording events as fast as it can
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(len(acknowledged))],
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "open"
        # When it is killed after a random number of them, in the middle of whatever it was doing
        for _ in range(rng.randint(1, 150)):
            acknowledged.append(int(writer.stdout.readline()))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        acknowledged += [int(line) for line in writer.stdout.read().split()]  # printed before it died
        writer.stdout.close()
        # Then the file is whole, and holds every event it reported, plus at most the one in flight
        assert integrity(path) == "ok"
        stored = stored_snoozes(path)
        assert stored[: len(acknowledged)] == acknowledged
        assert len(stored) - len(acknowledged) in (0, 1)
        acknowledged = stored  # the next writer goes on from what is there
    assert len(acknowledged) >= KILLS
    with HistoryStore(path, FakeClock()) as store:
        assert [int(e.duration_seconds or 0) for e in store.events()] == acknowledged


def test_events_wait_while_another_process_holds_the_lock_and_land_in_order_when_it_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    clock = FakeClock(datetime(2026, 3, 2, 10, 0).astimezone())
    with HistoryStore(path, clock, busy_timeout_ms=50) as store:
        store.record_reminder("cobra-low", 3000)
        # Given another process holding the write lock
        locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(path)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        assert locker.stdout is not None and locker.stdin is not None
        assert locker.stdout.readline().strip() == "locked"
        # When the app records a stretch, a comfort rating and a snooze meanwhile
        store.record_stretch("cobra-low", "completed", 95, 3000)
        store.record_comfort(8, "cobra-low")
        store.record_snooze(600)
        # Then they wait in memory, none dropped
        assert store.pending == 3 and store.dropped == 0
        assert store.last_error is not None and "locked" in store.last_error
        # And once the other process lets go, the next write lands all of them, in order, after its own event
        locker.stdin.write("go\n")
        locker.stdin.flush()
        assert locker.stdout.readline().strip() == "released"
        assert locker.wait(10) == 0
        locker.stdin.close()
        locker.stdout.close()
        store.record_resume()
        assert store.pending == 0 and store.last_error is None
        kinds = [(e.kind, e.outcome) for e in store.events()]
    assert kinds == [("reminder", None), ("resume", None), ("stretch", "completed"), ("comfort", None),
                     ("snooze", None), ("resume", None)]
    assert integrity(path) == "ok"


def test_opening_may_wait_long_for_the_lock_while_each_later_write_waits_only_briefly(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 2, 10, 0).astimezone())
    with HistoryStore(tmp_path / "history.sqlite3", clock, busy_timeout_ms=2000, write_wait_ms=100) as store:
        assert store.write_wait_ms == 100
    with HistoryStore(tmp_path / "history.sqlite3", clock, busy_timeout_ms=2000) as store:
        assert store.write_wait_ms == 2000


def test_quitting_with_events_queued_waits_for_the_lock_as_long_as_opening_does(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 2, 10, 0).astimezone())
    store = HistoryStore(tmp_path / "history.sqlite3", clock, busy_timeout_ms=3000, write_wait_ms=50)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(tmp_path / "history.sqlite3")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert locker.stdout is not None and locker.stdin is not None
    assert locker.stdout.readline().strip() == "locked"
    store.record_snooze(600)
    assert store.pending == 1
    waits: list[int] = []
    real_flush, to_locker = store.flush, locker.stdin

    def watched_flush() -> bool:
        waits.append(store.write_wait_ms)
        to_locker.write("go\n")  # the other process lets go just as the last flush starts waiting
        to_locker.flush()
        return real_flush()

    store.flush = watched_flush  # type: ignore[method-assign]
    store.close()
    assert locker.wait(10) == 0
    locker.stdin.close()
    locker.stdout.close()
    assert waits == [3000]
    assert stored_snoozes(tmp_path / "history.sqlite3") == [600]
