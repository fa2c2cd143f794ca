"""Two promises about time, measured in-process with the real classes and the real clock (Qt offscreen):

- reminder: the stretch window opens within 150 ms of the reminder being due. A StretchbreakApp (its real
  settings, policy, tracker, scheduler, engine, history and window, in a throwaway HOME) is given an idle
  source that always reads 2 s (a user typing now and then, never away), a 10 s sit limit and no heads-up.
  From each idle sample the tracker's sitting time says when it reaches the limit; the latency is from that
  moment (on the clock's boottime(), which the tracker counts on) to the window's Show event;
- hold: a 60 s hold ends within 50 ms of 60 s. The real StretchWindow on the SystemClock walks a stretch whose
  second step holds for 60 s; measured on the monotonic clock from entering that step (the call that enters
  it, and, for comparison, its step_changed signal) to the step_changed signal of the step after it.

Prints the runs and a verdict per promise, writes benchmarks/results/timing.json. Not a test: exit status 0
whether the budgets pass or not.

    python benchmarks/timing.py                     # 3 reminders, one 60 s hold: about 100 s
    python benchmarks/timing.py --hold-seconds 5    # a shorter hold, for development
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESULTS = Path(__file__).resolve().parent / "results" / "timing.json"
REMINDER_BUDGET_MS = 150.0
HOLD_BUDGET_MS = 50.0
IDLE_SECONDS = 2.0
SIT_LIMIT_SECONDS = 10
CONFIG = f"""\
[reminder]
sit_limit = "{SIT_LIMIT_SECONDS}s"
warn_before = "0s"
natural_break = "5m"

[schedule]
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
hours = ""
"""


class SteadyIdle:
    """An idle source for a user at the desk: the last input was always 2 s ago."""

    name = "steady"

    def idle_seconds(self) -> float:
        return IDLE_SECONDS


def use_home(folder: Path) -> None:
    """Point HOME and the XDG folders (read at each call) into `folder`, with the reminder config in it."""
    for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_STATE_HOME", ".local/state"), ("XDG_CACHE_HOME", ".cache")):
        os.environ[name] = str(folder / sub)
    os.environ["HOME"] = str(folder)
    config = folder / ".config" / "stretchbreak" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(CONFIG, encoding="utf-8")


def run_until(done: Callable[[], bool], timeout: float) -> bool:
    """Runs the Qt event loop until `done()` or the timeout; whether it got done."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: loop.quit() if done() else None)
    check.start(1)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    loop.exec()
    check.stop()
    return done()


# ---- the reminder ---------------------------------------------------------------------------------------

@dataclass
class ReminderRun:
    latency_ms: float
    due_estimates: int
    """How many idle samples said when the sitting time reaches the limit (they all agree within a few µs)."""
    estimate_spread_ms: float
    painted_ms: float | None
    """From due to the window's first paint, for comparison."""


def shown_watcher(clock: Any) -> Any:
    """An event filter that notes (on boottime) the stretch window's first Show and first Paint."""
    from PySide6.QtCore import QEvent, QObject

    class Watcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.shown: float | None = None
            self.painted: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched.objectName() == "stretchWindow":
                if event.type() == QEvent.Type.Show and self.shown is None:
                    self.shown = clock.boottime()
                elif event.type() == QEvent.Type.Paint and self.painted is None:
                    self.painted = clock.boottime()
            return False

    return Watcher()


def measure_reminder(qt_app: Any, home: Path) -> ReminderRun:
    from stretchbreak.app import StretchbreakApp
    from stretchbreak.core.clock import SystemClock
    from stretchbreak.core.state_store import StateStore

    use_home(home)
    clock = SystemClock()
    app = StretchbreakApp(qt_app, clock, idle=SteadyIdle(), blocked_by=lambda: None,
                          state_store=StateStore(home / "state.json"), session_events=False)
    estimates: list[float] = []
    watcher = shown_watcher(clock)

    def note_due() -> None:
        left = app.policy.seconds_to_reminder()
        if watcher.shown is None and left is not None and app.tracker.sitting_seconds() > 0:
            estimates.append(clock.boottime() + left)

    app.engine.changed.connect(note_due)
    qt_app.installEventFilter(watcher)
    try:
        app.show_ui()
        app.start_reminders()
        if not run_until(lambda: watcher.shown is not None, SIT_LIMIT_SECONDS + IDLE_SECONDS + 10):
            raise RuntimeError("the reminder window did not open")
        run_until(lambda: watcher.painted is not None, 2)
    finally:
        qt_app.removeEventFilter(watcher)
        for widget in (app.stretch_window, app.control_window):
            if widget is not None:
                widget.close()
                widget.deleteLater()
        if app.tray is not None:
            app.tray.icon.hide()
        app.shutdown()
        app.deleteLater()
        run_until(lambda: False, 0.05)
    if not estimates:
        raise RuntimeError("no idle sample said when the reminder is due")
    due = estimates[-1]
    painted = None if watcher.painted is None else (watcher.painted - due) * 1000
    return ReminderRun((watcher.shown - due) * 1000, len(estimates), (max(estimates) - min(estimates)) * 1000,
                       painted)


# ---- the hold -------------------------------------------------------------------------------------------

@dataclass
class HoldRun:
    hold_seconds: float
    from_entering_ms: float
    """The hold's length minus its nominal length, from the call that entered the step."""
    from_signal_ms: float
    """The same from that step's step_changed signal (emitted after its illustration was loaded)."""
    steps: list[int] = field(default_factory=list)


def measure_hold(seconds: int) -> HoldRun:
    from stretchbreak.app import load_stretch_library
    from stretchbreak.core.clock import SystemClock
    from stretchbreak.core.stretches import Step, Stretch
    from stretchbreak.ui.sound import SilentPlayer
    from stretchbreak.ui.stretch_window import StretchWindow

    library = load_stretch_library()
    base = library.ordered()[0]
    steps = (Step("Stand up."), Step(f"Hold for {seconds} seconds.", hold_seconds=seconds), Step("Relax."))
    stretch = Stretch(base.id, base.name, base.summary, base.body_area, base.caution, steps, base.art)
    window = StretchWindow(library, SystemClock(), SilentPlayer())
    changes: list[tuple[int, float]] = []
    window.step_changed.connect(lambda index: changes.append((index, time.monotonic())))
    window.start(stretch, take_focus=False)
    run_until(lambda: False, 0.2)
    entering = time.monotonic()
    window.next()
    if not run_until(lambda: any(index == 2 for index, _ in changes), seconds + 5):
        raise RuntimeError("the hold did not end")
    at = dict(changes)
    window.skip()
    window.deleteLater()
    return HoldRun(seconds, (at[2] - entering - seconds) * 1000, (at[2] - at[1] - seconds) * 1000,
                   [index for index, _ in changes])


# ---- main -----------------------------------------------------------------------------------------------

def quiet_offscreen(kind: Any, context: Any, message: str) -> None:
    """Qt's messages on stderr, less the offscreen platform saying what it cannot do (raise a window...)."""
    if not message.startswith("This plugin does not support"):
        print(message, file=sys.stderr)


def verdict(passed: bool) -> str:
    return "pass" if passed else "FAIL"


def report(reminders: Sequence[ReminderRun], holds: Sequence[HoldRun]) -> dict[str, Any]:
    latencies = [r.latency_ms for r in reminders]
    hold_errors = [max(abs(h.from_entering_ms), abs(h.from_signal_ms)) for h in holds]
    reminder_ok = max(latencies) <= REMINDER_BUDGET_MS
    hold_ok = max(hold_errors) <= HOLD_BUDGET_MS
    print(f"{'reminder run':>12}  {'due -> shown (ms)':>18}  {'due -> painted (ms)':>20}")
    for number, run in enumerate(reminders, start=1):
        painted = "—" if run.painted_ms is None else f"{run.painted_ms:.1f}"
        print(f"{number:>12}  {run.latency_ms:>18.1f}  {painted:>20}")
    print(f"slowest {max(latencies):.1f} ms, median {statistics.median(latencies):.1f} ms; "
          f"budget {REMINDER_BUDGET_MS:g} ms: {verdict(reminder_ok)}\n")
    print(f"{'hold run':>12}  {'nominal (s)':>11}  {'over, from entering (ms)':>25}  {'over, from signal (ms)':>23}")
    for number, hold in enumerate(holds, start=1):
        print(f"{number:>12}  {hold.hold_seconds:>11g}  {hold.from_entering_ms:>25.1f}  {hold.from_signal_ms:>23.1f}")
    print(f"furthest from nominal {max(hold_errors):.1f} ms; budget {HOLD_BUDGET_MS:g} ms: {verdict(hold_ok)}")
    return {
        "reminder": {"runs": [asdict(r) for r in reminders], "slowest_ms": max(latencies),
                     "median_ms": statistics.median(latencies), "budget_ms": REMINDER_BUDGET_MS,
                     "pass": reminder_ok, "sit_limit_seconds": SIT_LIMIT_SECONDS, "idle_seconds": IDLE_SECONDS},
        "hold": {"runs": [asdict(h) for h in holds], "furthest_ms": max(hold_errors), "budget_ms": HOLD_BUDGET_MS,
                 "pass": hold_ok},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reminders", type=int, default=3, help="reminder runs (default 3)")
    parser.add_argument("--holds", type=int, default=1, help="hold runs (default 1)")
    parser.add_argument("--hold-seconds", type=int, default=60, help="the hold's length (default 60)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    logging.basicConfig(level=logging.ERROR)  # the app's own notes (no tray offscreen, ...) are not results
    qInstallMessageHandler(quiet_offscreen)
    qt_app = QApplication(sys.argv[:1])
    qt_app.setQuitOnLastWindowClosed(False)
    with tempfile.TemporaryDirectory(prefix="timing-") as folder:
        reminders = [measure_reminder(qt_app, Path(folder) / f"home-{n}") for n in range(args.reminders)]
        holds = [measure_hold(args.hold_seconds) for _ in range(args.holds)]
    document = {
        "benchmark": "reminder window latency and hold accuracy, in-process",
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),  # noqa: UP017 - reads plainly
        **report(reminders, holds),
        "python": platform.python_version(), "pyside6": pyside_version,
        "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"written {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
