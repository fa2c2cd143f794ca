"""How long the Statistics window takes to open over ten years of history (about 150,000 events).

Fills a temporary history file with synthetic days (work days busier than weekends, snoozes, natural
breaks, comfort ratings, now and then a pause), then times, five times, building the StatsWindow on that
file until it is shown and painted once (`grab()`), with and without opening the file. Prints a table,
writes benchmarks/results/history_open.json, and exits 1 when any run (the first, cold one included) is over
the 300 ms budget.

    python benchmarks/history_open.py [--years 10] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BUDGET_MS = 300.0
RESULTS = Path(__file__).resolve().parent / "results" / "history_open.json"
STRETCH_IDS = ("reverse-stretch", "reverse-stretch-chair", "cobra-low", "cobra-forearms", "cobra-high",
               "hip-flexor-release", "chest-opener", "floor-sit-wall", "floor-sit-wall-easy")
_INSERT = ("INSERT INTO events (at, day, kind, stretch_id, outcome, sitting_seconds, duration_seconds, value, "
           "detail, manual) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
Row = tuple[float, str, str, str | None, str | None, float | None, float | None, float | None, str | None, int]


def synthetic_day(day: date, rng: random.Random) -> Iterator[Row]:
    """One plausible day at the desk: sitting periods ended by reminders (snoozed, skipped or done) or by
    natural breaks, comfort answers after most stretches, and the odd deferral or pause."""
    weekend = day.weekday() >= 5
    if weekend and rng.random() < 0.5:
        return
    clock = datetime(day.year, day.month, day.day, 8 if not weekend else 10, rng.randrange(60)).astimezone()
    end = clock.replace(hour=18 if not weekend else 14, minute=rng.randrange(60))
    iso = day.isoformat()
    favourite = rng.choice(STRETCH_IDS[:4])

    def at(seconds: float) -> float:
        nonlocal clock
        clock += timedelta(seconds=seconds)
        return clock.timestamp()

    if rng.random() < 0.03:
        yield (at(60), iso, "pause", None, None, None, None, at(0) + 3600, None, 0)
        yield (at(3600), iso, "resume", None, None, None, None, None, None, 0)
    while clock < end:
        sitting = rng.uniform(9, 32) * 60
        if rng.random() < 0.35:
            away, reason = rng.uniform(5, 40) * 60, rng.choice(("idle", "locked"))
            yield (at(sitting), iso, "natural_break", None, None, sitting, away, None, reason, 0)
            at(away)
            continue
        stretch = favourite if rng.random() < 0.6 else rng.choice(STRETCH_IDS)
        if rng.random() < 0.05:
            yield (at(sitting), iso, "deferred", None, "deferred", sitting, None, None, "fullscreen", 0)
        yield (at(sitting), iso, "reminder", stretch, None, sitting, None, None, None, 0)
        while rng.random() < 0.25:
            snooze = 600.0
            yield (at(2), iso, "stretch", stretch, "snoozed", sitting, 2.0, None, None, 0)
            yield (at(0), iso, "snooze", None, None, None, snooze, None, None, 0)
            sitting += snooze
            yield (at(snooze), iso, "reminder", stretch, None, sitting, None, None, None, 0)
        outcome = "completed" if rng.random() < 0.8 else rng.choice(("skipped", "dismissed"))
        duration = rng.uniform(60, 180) if outcome == "completed" else rng.uniform(2, 20)
        yield (at(duration), iso, "stretch", stretch, outcome, sitting, duration, None, None, 0)
        if outcome == "completed" and rng.random() < 0.7:
            comfort = min(10, max(0, round(rng.gauss(6.5, 1.8))))
            yield (at(5), iso, "comfort", None, None, None, None, float(comfort), None, 0)


def fill_history(path: Path, first: date, last: date, seed: int = 7) -> int:
    """Create a history file at `path` with synthetic days from `first` to `last`; returns the event count."""
    from stretchbreak.core.clock import FakeClock
    from stretchbreak.core.history import HistoryStore

    HistoryStore(path, FakeClock()).close()  # the current schema, built by the store's own migrations
    rng = random.Random(seed)
    rows: list[Row] = []
    day = first
    while day <= last:
        rows.extend(synthetic_day(day, rng))
        day += timedelta(days=1)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    connection.executemany(_INSERT, rows)
    connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return len(rows)


def stretch_names() -> dict[str, str]:
    from stretchbreak.core.stretches import load_library
    from stretchbreak.paths import assets_dir

    library = load_library(assets_dir() / "stretches", None, assets_dir() / "art")
    return {s.id: s.name for s in library.ordered()}


def time_open(path: Path, today: date, names: dict[str, str]) -> tuple[float, float]:
    """Milliseconds to open the file and show the painted window, and of that the window alone."""
    from PySide6.QtWidgets import QApplication

    from stretchbreak.core.clock import FakeClock
    from stretchbreak.core.history import HistoryStore
    from stretchbreak.ui.stats_window import StatsWindow

    clock = FakeClock(datetime(today.year, today.month, today.day, 18, 0).astimezone())
    start = time.perf_counter()
    store = HistoryStore(path, clock)
    opened = time.perf_counter()
    window = StatsWindow(store, clock, names)
    window.show()
    window.grab()
    QApplication.processEvents()
    done = time.perf_counter()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    store.close()
    return (done - start) * 1000, (done - opened) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    names = stretch_names()
    today = date.today()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        fill_start = time.perf_counter()
        count = fill_history(path, today - timedelta(days=365 * args.years - 1), today)
        fill_seconds = time.perf_counter() - fill_start
        size = path.stat().st_size
        runs = [time_open(path, today, names) for _ in range(args.runs)]
    total = [t for t, _ in runs]
    window_only = [w for _, w in runs]
    median = statistics.median(total)
    passed = max(total) < BUDGET_MS
    print(f"history: {count} events over {args.years} years, {size / 1e6:.1f} MB, filled in {fill_seconds:.1f} s")
    print(f"{'run':>4}  {'open + window (ms)':>19}  {'window only (ms)':>17}")
    for number, (whole, window) in enumerate(runs, start=1):
        print(f"{number:>4}  {whole:>19.1f}  {window:>17.1f}")
    print(f"{'median':>6}{median:>19.1f}  {statistics.median(window_only):>17.1f}")
    print(f"slowest {max(total):.1f} ms, budget {BUDGET_MS:.0f} ms: {'PASS' if passed else 'FAIL'}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "benchmark": "statistics window open over synthetic history",
        "events": count,
        "years": args.years,
        "database_bytes": size,
        "runs_ms": [round(t, 2) for t in total],
        "window_only_ms": [round(w, 2) for w in window_only],
        "median_ms": round(median, 2),
        "first_run_ms": round(total[0], 2),
        "slowest_ms": round(max(total), 2),
        "budget_ms": BUDGET_MS,
        "pass": passed,
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "sqlite": sqlite3.sqlite_version,
        "machine": f"{platform.system()} {platform.machine()}",
        "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
    }, indent=2) + "\n", encoding="utf-8")
    print(f"written {RESULTS}")
    del app
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
