"""End to end: one instance, and the command line driving it, from a fresh HOME."""

from __future__ import annotations

import os
import signal
import stat
from pathlib import Path

import pytest

from tests.e2e.app_driver import ALL_DAY, cli, start_app, status, stretch_windows, wait_running, write_config
from tests.e2e.desktop import Desktop

pytestmark = pytest.mark.e2e

STATUS_KEYS = {
    "running",
    "state",
    "sitting_seconds",
    "next_reminder_seconds",
    "snoozes_left",
    "favourite",
    "current_stretch",
    "paused_until",
    "deferred_by",
    "idle_backend",
    "tray",
    "version",
}


def test_verbs_change_what_status_reports(desktop: Desktop) -> None:
    write_config(desktop, ALL_DAY)
    not_running = cli(desktop, "status", "--json")
    assert not_running.returncode == 3 and not_running.stdout.strip() == '{"running": false}'
    assert cli(desktop, "snooze").returncode == 3

    app = start_app(desktop)
    first = wait_running(desktop)
    assert set(first) >= STATUS_KEYS
    assert first["state"] == "sitting" and first["idle_backend"] == "x11-screensaver"

    second = cli(desktop, "--verbose")
    assert second.returncode == 0 and "already running" in second.stdout
    assert app.poll() is None

    assert cli(desktop, "favourite", "cobra-forearms").returncode == 0
    assert status(desktop)["favourite"] == "cobra-forearms"
    bad = cli(desktop, "favourite", "handstand")
    assert bad.returncode == 2 and "handstand" in bad.stderr

    assert cli(desktop, "now").returncode == 0
    desktop.wait_for(lambda: stretch_windows(desktop), 10, what="the stretch window")
    assert status(desktop)["current_stretch"] == "cobra-forearms"

    snoozed = cli(desktop, "snooze", "1m")
    assert snoozed.returncode == 0, snoozed.stderr
    desktop.wait_for(lambda: not stretch_windows(desktop), 5, what="snooze to close the window")
    after_snooze = status(desktop)
    assert after_snooze["state"] == "snoozed" and after_snooze["snoozes_left"] == 2
    assert 40 <= after_snooze["next_reminder_seconds"] <= 60

    assert cli(desktop, "pause", "30m").returncode == 0
    paused = status(desktop)
    assert paused["state"] == "paused" and paused["next_reminder_seconds"] is None
    assert paused["paused_until"] is not None

    assert cli(desktop, "resume").returncode == 0
    resumed = status(desktop)
    assert resumed["state"] == "sitting" and resumed["next_reminder_seconds"] > 45 * 60

    usage = cli(desktop, "pause", "soon")
    assert usage.returncode == 2 and "'soon'" in usage.stderr

    assert cli(desktop, "quit").returncode == 0
    assert app.wait(10) == 0
    assert cli(desktop, "status").returncode == 3


def test_a_killed_instance_leaves_nothing_that_blocks_the_next_start(desktop: Desktop) -> None:
    write_config(desktop, ALL_DAY)
    app = start_app(desktop)
    wait_running(desktop)
    assert cli(desktop, "pause", "2h").returncode == 0
    os.killpg(app.pid, signal.SIGKILL)
    app.wait(5)
    desktop.end("app")
    assert cli(desktop, "status").returncode == 3

    restarted = start_app(desktop, "app-again")
    data = wait_running(desktop)
    assert restarted.poll() is None
    assert data["state"] == "paused"  # the pause survived the crash
    assert cli(desktop, "quit").returncode == 0


def test_two_launches_at_once_end_with_one_instance(desktop: Desktop) -> None:
    write_config(desktop, ALL_DAY)
    first, second = start_app(desktop, "one"), start_app(desktop, "two")
    wait_running(desktop)
    ended = desktop.wait_for(
        lambda: [p for p in (first, second) if p.poll() is not None] or None,
        20,
        what="one of the two launches to step aside",
    )
    assert len(ended) == 1 and ended[0].returncode == 0
    assert len(desktop.tray_icons()) == 1
    assert cli(desktop, "quit").returncode == 0


def test_the_socket_is_for_its_owner_only(desktop: Desktop) -> None:
    write_config(desktop, ALL_DAY)
    start_app(desktop)
    wait_running(desktop)
    info = cli(desktop, "--debug-info")
    assert info.returncode == 0
    assert "idle backend: x11-screensaver" in info.stdout and "tray: yes" in info.stdout
    socket_line = next(line for line in info.stdout.splitlines() if line.startswith("command socket: "))
    socket_path = Path(socket_line.split(": ", 1)[1])
    assert stat.S_ISSOCK(socket_path.stat().st_mode)
    assert stat.S_IMODE(socket_path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(socket_path.stat().st_mode) & 0o077 == 0
    assert cli(desktop, "quit").returncode == 0


def test_install_desktop_and_autostart(desktop: Desktop) -> None:
    installed = cli(desktop, "install-desktop")
    assert installed.returncode == 0, installed.stderr
    entry = desktop.home / ".local/share/applications/stretchbreak.desktop"
    assert "Exec=" in entry.read_text()
    assert (desktop.home / ".local/share/icons/hicolor/scalable/apps/stretchbreak.svg").is_file()
    assert cli(desktop, "autostart", "on").returncode == 0
    autostart = desktop.home / ".config/autostart/stretchbreak.desktop"
    assert autostart.is_file()
    assert "on" in cli(desktop, "autostart", "status").stdout
    assert cli(desktop, "autostart", "off").returncode == 0
    assert not autostart.exists()
