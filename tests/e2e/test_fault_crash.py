"""End to end: `kill -9` of the real app, in the middle of a stretch and in the middle of a burst of commands, then
a new start. The history passes `PRAGMA integrity_check`, every event recorded before the kill is still there
(events lost: 0), the snooze or pause is restored, and the socket the dead app left behind blocks nothing.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.app_driver import (
    ALL_DAY,
    ENTRY_POINT,
    cli,
    start_app,
    status,
    stretch_windows,
    wait_running,
    write_config,
)
from tests.e2e.desktop import Desktop

pytestmark = pytest.mark.e2e

KILL_ROUNDS = 4

Row = tuple[Any, ...]


def history_file(desktop: Desktop) -> Path:
    return desktop.home / ".local/share/stretchbreak/history.sqlite3"


def rows(desktop: Desktop) -> list[Row]:
    """Every event in the history, read by another connection (the app may be running: WAL lets us)."""
    connection = sqlite3.connect(f"file:{history_file(desktop)}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT * FROM events ORDER BY id").fetchall()
    finally:
        connection.close()


def integrity(desktop: Desktop) -> str:
    connection = sqlite3.connect(history_file(desktop))
    try:
        result: str = connection.execute("PRAGMA integrity_check").fetchone()[0]
        return result
    finally:
        connection.close()


def socket_path(desktop: Desktop) -> Path:
    info = cli(desktop, "--debug-info").stdout
    return Path(next(line for line in info.splitlines() if line.startswith("command socket: ")).split(": ", 1)[1])


def kill_9(desktop: Desktop, app: subprocess.Popen[bytes], name: str) -> None:
    os.killpg(app.pid, signal.SIGKILL)
    assert app.wait(5) == -signal.SIGKILL
    desktop.end(name)


@pytest.mark.parametrize("held", ["snooze", "pause"])
def test_kill_9_in_the_middle_of_a_stretch_loses_nothing_and_the_next_start_restores_the_state(
    desktop: Desktop, held: str
) -> None:
    # Given the app with some history: a stretch skipped, reminders paused and resumed
    write_config(desktop, ALL_DAY)
    app = start_app(desktop)
    wait_running(desktop)
    assert cli(desktop, "now", "cobra-low").returncode == 0
    desktop.wait_for(lambda: stretch_windows(desktop), 10, what="the first stretch window")
    assert cli(desktop, "skip").returncode == 0
    desktop.wait_for(lambda: not stretch_windows(desktop), 5, what="skip to close the window")
    assert cli(desktop, "pause", "1h").returncode == 0
    assert cli(desktop, "resume").returncode == 0
    # And a snooze of 20 minutes, or a pause of 2 hours, in force
    assert cli(desktop, *(["snooze", "20m"] if held == "snooze" else ["pause", "2h"])).returncode == 0
    before_state = status(desktop)
    # And a stretch open, one step in
    assert cli(desktop, "now", "reverse-stretch").returncode == 0
    windows = desktop.wait_for(lambda: stretch_windows(desktop), 10, what="the stretch window")

    def moved_on() -> bool:
        # A key can arrive before the fresh window takes input; press again until a later step shows.
        if not re.search(r"reverse-stretch: step [2-9] of", desktop.log("app")):
            desktop.key("Right", window=windows[0])
        return bool(re.search(r"reverse-stretch: step [2-9] of", desktop.log("app")))

    desktop.wait_for(moved_on, 10, interval=0.5, what="a later step")
    assert status(desktop)["state"] == "stretching"
    recorded = rows(desktop)
    kinds = [row[3] for row in recorded]
    assert kinds[:1] == ["stretch"] and kinds.count("pause") >= 1 and "resume" in kinds
    stale = socket_path(desktop)

    # When the app is killed with SIGKILL, the window open
    kill_9(desktop, app, "app")
    assert stale.exists()  # what a killed app leaves behind
    assert cli(desktop, "status").returncode == 3
    # Then the history is whole and holds every event recorded before the kill
    assert integrity(desktop) == "ok"
    assert rows(desktop)[: len(recorded)] == recorded

    # And the next start is not blocked by the old socket, and restores the snooze or the pause
    start_app(desktop, "app-again")
    after = wait_running(desktop)
    if held == "snooze":
        assert after["state"] == "snoozed", after
        assert after["snoozes_left"] == before_state["snoozes_left"] == 2
        # Sitting time before the reminder: 50 min plus the 20 min postponement, less the seconds since
        assert 0 <= before_state["next_reminder_seconds"] - after["next_reminder_seconds"] <= 60, (before_state, after)
    else:
        assert after["state"] == "paused", after
        assert after["paused_until"] == before_state["paused_until"]
    assert not stretch_windows(desktop)
    assert integrity(desktop) == "ok"
    assert rows(desktop)[: len(recorded)] == recorded
    assert cli(desktop, "quit").returncode == 0


def test_kill_9_during_a_burst_of_commands_loses_no_acknowledged_event(desktop: Desktop) -> None:
    write_config(desktop, ALL_DAY)
    rng = random.Random(20260302)
    acknowledged = 0
    for round_ in range(KILL_ROUNDS):
        # Given the app (restarted over the socket the last one left) taking pause and resume commands
        name = f"app-{round_}"
        app = start_app(desktop, name)
        paused = wait_running(desktop)["state"] == "paused"
        for _ in range(rng.randint(3, 8)):
            assert cli(desktop, "resume" if paused else "pause", *([] if paused else ["1h"])).returncode == 0
            paused = not paused
            acknowledged += 1
        # When it is killed while one more is on its way
        in_flight = subprocess.Popen([str(ENTRY_POINT), "resume" if paused else "pause", *([] if paused else ["1h"])],
                                     env=desktop.env, cwd=desktop.home, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, 0.15))  # a real process racing a real kill; no fake clock can do this
        kill_9(desktop, app, name)
        if in_flight.wait(10) == 0:
            acknowledged += 1
        # Then the file is whole, and every event that was acknowledged is in it (the one in flight may be too)
        assert integrity(desktop) == "ok"
        stored = [row[3] for row in rows(desktop)]
        assert acknowledged <= len(stored) <= acknowledged + 1, (round_, acknowledged, stored)
        assert set(stored) <= {"pause", "resume"}, stored
        acknowledged = len(stored)
    assert acknowledged >= 3 * KILL_ROUNDS
    start_app(desktop, "app-last")
    wait_running(desktop)
    assert cli(desktop, "quit").returncode == 0
