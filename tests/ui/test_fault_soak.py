"""Soak: an 8-hour working day on a fake clock, driving the real tracker, policy, scheduler adapter, history and
windows through many reminders, snoozes, skips, natural breaks and a lunch pause. Between the end of the first
hour and the end of the last, nothing grows: live QObjects, active timers, top-level windows, the references to
None the Qt bindings hold (when they run out, the interpreter aborts), and resident memory (under 5 MB). Every
event the app asked the history to record is in the file.

The day runs in a child process (`python -m tests.ui.test_fault_soak`), so that its memory is measured alone and a
crash of the interpreter fails this test instead of ending the whole test session. The app is polled every 5 s as
its poll timer would be; the person types, pauses, walks away, and answers each stretch window in turn by
completing it, snoozing it or skipping it. The day takes a few seconds.
"""

from __future__ import annotations

import gc
import json
import os
import random
import subprocess
import sys
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

STEP = 5.0
HOURS = 8
RSS_LIMIT = 5 * 1024 * 1024
NONE_REFS_FLOOR = 5000
"""The day stops (and the test fails) before the interpreter would abort on a None whose references ran out."""
CONFIG = ('[reminder]\nsit_limit = "20m"\nnatural_break = "5m"\nwarn_before = "1m"\nsnooze = "5m"\n'
          'max_snoozes = 2\n[schedule]\nhours = ""\ndays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'
          '[holds]\nreverse-stretch = "5s"\n')
ANSWERS = ["completed", "snoozed", "completed", "skipped", "snoozed", "snoozed", "completed"]
REPO = Path(__file__).parents[2]


class Person:
    """Types with short pauses, now and then stops for a few minutes, and takes a real break now and then.
    It is also the app's idle source: the engine reads its idle time."""

    name = "scripted person"

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.idle = 0.0
        self.away_for = 0.0

    def idle_seconds(self) -> float:
        return self.idle

    def tick(self) -> None:
        if self.away_for > 0:
            self.away_for -= STEP
            self.idle += STEP
            return
        roll = self.rng.random()
        if roll < 1 / 400:  # every half hour or so: coffee, a walk (a natural break)
            self.away_for = self.rng.uniform(6, 15) * 60
        elif roll < 1 / 120:  # a few times an hour: reading, thinking (short idle)
            self.away_for = self.rng.uniform(1, 4) * 60
        self.idle = self.rng.choice([0.0, 0.5, 2.0, 3.0, 4.0])


@dataclass
class Footprint:
    hour: int
    qobjects: int
    active_timers: int
    top_level_widgets: int
    none_refs: int
    rss: int


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def report(kind: str, **fields: Any) -> None:
    print(json.dumps({"kind": kind, **fields}), flush=True)


def run_day() -> None:
    """The child's side: live the day and report what was measured, line by line, as JSON."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from stretchbreak import paths
    from stretchbreak.app import StretchbreakApp
    from stretchbreak.core.clock import FakeClock
    from stretchbreak.core.history import HistoryStore
    from stretchbreak.core.reminders import State
    from stretchbreak.core.state_store import StateStore
    from stretchbreak.ui.sound import SilentPlayer

    qapp = QApplication(["soak"])
    config = paths.config_path()
    config.parent.mkdir(parents=True)
    config.write_text(CONFIG)
    # A Monday years from now, so no wall-clock timer of the scheduler comes due while the day runs: only the
    # simulated poll below drives the app.
    start = datetime(2031, 3, 3, 9, 0).astimezone()
    clock = FakeClock(start)
    person = Person(random.Random(20310303))
    app = StretchbreakApp(qapp, clock, idle=person, blocked_by=lambda: None,
                          state_store=StateStore(paths.data_dir() / "state.json"), session_events=False,
                          sound=SilentPlayer())
    app.show_ui()
    app.start_reminders()  # opens the history; the first poll is a check with nothing to record yet
    store = app.history
    assert isinstance(store, HistoryStore)
    asked = {"events": 0}
    for method in [name for name in dir(HistoryStore) if name.startswith("record_")]:
        real = getattr(store, method)

        def counting(*args: Any, _real: Any = real, **kwargs: Any) -> Any:
            asked["events"] += 1
            return _real(*args, **kwargs)

        setattr(store, method, counting)
    outcomes = {"completed": 0, "snoozed": 0, "skipped": 0, "reminders": 0, "breaks": 0}
    app.engine.show_reminder.connect(lambda *_: outcomes.__setitem__("reminders", outcomes["reminders"] + 1))
    app.engine.natural_break.connect(lambda *_: outcomes.__setitem__("breaks", outcomes["breaks"] + 1))

    def footprint(hour: int) -> Footprint:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        widgets = QApplication.topLevelWidgets()
        objects: list[QObject] = [app, *app.findChildren(QObject)]
        for widget in widgets:
            objects += [widget, *widget.findChildren(QObject)]
        timers = [o for o in objects if isinstance(o, QTimer) and o.isActive()]
        return Footprint(hour, len(objects), len(timers), len(widgets), sys.getrefcount(None), rss_bytes())

    lunch, lunched = start + timedelta(hours=3, minutes=30), False
    measured: set[int] = set()
    while clock.now() < start + timedelta(hours=HOURS):
        clock.advance(STEP)
        person.tick()
        app.engine.check()
        if not lunched and clock.now() >= lunch:
            app.pause(clock.now() + timedelta(minutes=30))
            lunched = True
        window = app.stretch_window
        if window is not None and window.isVisible() and app.policy.state() is State.STRETCHING:
            answer = ANSWERS[sum(outcomes[a] for a in ("completed", "snoozed", "skipped")) % len(ANSWERS)]
            if answer == "snoozed" and not app.policy.snooze_allowed:
                answer = "completed"
            clock.advance(40)  # the stretch takes a while
            if answer == "completed":
                window.done()
                window.comfort.answer(person.rng.randint(0, 10))
                window.close()
            elif answer == "snoozed":
                window.snooze()
            else:
                window.skip()
            outcomes[answer] += 1
            QCoreApplication.processEvents()  # the app re-plans on the next turn of the event loop
        hours = (clock.now() - start) / timedelta(hours=1)
        if sys.getrefcount(None) < NONE_REFS_FLOOR:
            report("stopped", hours=round(hours, 2), none_refs=sys.getrefcount(None), outcomes=outcomes)
            os._exit(0)  # before the interpreter aborts; skipping clean-up is the point
        # Measured at the first quiet moment after the end of hour 1 and within the last quarter of hour 8
        hour = 1 if hours >= 1 and 1 not in measured else HOURS if hours >= HOURS - 0.25 else 0
        quiet = app.policy.state() is State.SITTING and not (window is not None and window.isVisible())
        if hour and hour not in measured and quiet:
            measured.add(hour)
            report("footprint", **asdict(footprint(hour)))
    report("day", outcomes=outcomes, asked=asked["events"], stored=len(store.events()), pending=store.pending,
           dropped=store.dropped)
    app.shutdown()
    os._exit(0)


def test_an_eight_hour_day_grows_nothing_and_loses_no_event(tmp_path: Path) -> None:
    # Given a fresh HOME for the child, when it lives the day
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share"),
           "XDG_STATE_HOME": str(home / ".local/state"), "XDG_CACHE_HOME": str(home / ".cache"),
           "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.run([sys.executable, "-m", "tests.ui.test_fault_soak"], cwd=REPO, env=env,
                           capture_output=True, text=True, timeout=120, check=False)
    lines = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
    assert child.returncode == 0, f"the day crashed (exit {child.returncode}) after {lines}:\n{child.stderr[-3000:]}"
    stopped = [line for line in lines if line["kind"] == "stopped"]
    assert not stopped, (
        f"after {stopped[0]['hours'] if stopped else 0} simulated hours the Qt bindings had given back so many "
        f"references to None that the interpreter was about to abort (none_dealloc): {stopped}")
    footprints = {line["hour"]: line for line in lines if line["kind"] == "footprint"}
    [day] = [line for line in lines if line["kind"] == "day"]
    # Then it was a real day: many reminders, each kind of answer, natural breaks
    outcomes = day["outcomes"]
    assert outcomes["reminders"] >= 12 and outcomes["breaks"] >= 4, outcomes
    assert min(outcomes["completed"], outcomes["snoozed"], outcomes["skipped"]) >= 2, outcomes
    assert set(footprints) == {1, HOURS}, f"no quiet moment to measure in: {lines}"
    first, last = footprints[1], footprints[HOURS]
    # And nothing grew between the first hour and the last
    for key in ("qobjects", "active_timers", "top_level_widgets"):
        assert last[key] <= first[key], (key, first, last)
    assert first["none_refs"] - last["none_refs"] < 500, (first, last)
    assert last["rss"] - first["rss"] < RSS_LIMIT, (first, last)
    # And no event was lost: every one the app asked for is in the file
    assert day["pending"] == day["dropped"] == 0, day
    assert day["stored"] == day["asked"] > 3 * outcomes["reminders"], day


def test_the_qt_bindings_keep_their_references_to_none(qtbot: QtBot) -> None:
    # Given a label and a timer, when the calls the app makes all day (they return nothing) are made 200 times
    label = QLabel()
    qtbot.addWidget(label)
    timer = QTimer()
    before = sys.getrefcount(None)
    for n in range(200):
        label.setText(str(n))
        timer.start(1000)
        timer.stop()
    # Then None has as many references as before: on an interpreter where None is not immortal (before 3.12),
    # bindings that drop one per call make it abort within hours of polling ("none_dealloc")
    assert before - sys.getrefcount(None) < 20, f"{before - sys.getrefcount(None)} references to None lost"


if __name__ == "__main__":
    run_day()
