"""End to end: the desktop misbehaving around the real app. No tray host when it starts (the control window stands
in), the tray host killed and started again while it runs (the icon comes back), a stretch id nobody knows
(exit 2 naming it, running or not), and what a bug report would never forgive: an internet socket, or a command
socket another user could open.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
from pathlib import Path

import pytest

from tests.e2e.app_driver import ALL_DAY, cli, start_app, status, stretch_windows, wait_running, write_config
from tests.e2e.desktop import Desktop
from tests.ui.test_fault_app import network_sockets

pytestmark = pytest.mark.e2e

CONTROL_WINDOW = "^stretchbreak$"

NOBODY = 65534


def connect_as_nobody(address: Path) -> int:
    """Try to connect to `address` as user and group "nobody", from a forked child; its errno (0: connected)."""
    pid = os.fork()
    if pid == 0:  # the child: only system calls here, then out
        code = 0
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.connect(str(address))
        except OSError as error:
            code = error.errno or 255
        os._exit(code)
    _, wait_status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(wait_status)


def test_no_tray_host_at_start_brings_the_control_window_and_everything_works_from_it(desktop: Desktop) -> None:
    # Given a desktop whose tray host is gone before the app starts
    write_config(desktop, ALL_DAY)
    desktop.kill_tray()
    # When the app starts
    app = start_app(desktop)
    # Then its control window appears instead of an icon, and `status` says there is no tray
    windows = desktop.wait_for(lambda: desktop.window_ids(CONTROL_WINDOW), 20, what="the control window")
    assert len(windows) == 1
    assert wait_running(desktop)["tray"] is False
    desktop.screenshot("no-tray-control-window.png")
    # And the app works: a stretch from the command line, then quit
    assert cli(desktop, "now").returncode == 0
    desktop.wait_for(lambda: stretch_windows(desktop), 10, what="the stretch window")
    assert cli(desktop, "skip").returncode == 0
    desktop.wait_for(lambda: not stretch_windows(desktop), 5, what="skip to close the window")
    # And a tray host that turns up later changes nothing that works
    desktop.start_tray()
    assert status(desktop)["state"] == "sitting" and app.poll() is None
    assert cli(desktop, "quit").returncode == 0
    assert app.wait(10) == 0


def test_the_icon_comes_back_when_the_tray_host_is_killed_and_started_again(desktop: Desktop) -> None:
    # Given the app with its icon in the tray
    write_config(desktop, ALL_DAY)
    app = start_app(desktop)
    desktop.wait_for(desktop.tray_icons, 20, what="stretchbreak's icon in the tray")
    wait_running(desktop)
    # When the tray host dies, the app runs on and answers
    desktop.kill_tray()
    assert desktop.tray_icons() == []
    assert app.poll() is None and status(desktop)["state"] == "sitting"
    # And when a tray host starts again, the icon comes back, and its menu opens
    desktop.start_tray()
    icons = desktop.wait_for(desktop.tray_icons, 20, what="the icon back in the new tray")
    assert len(icons) == 1
    desktop.click(icons[0], 3)
    desktop.wait_for(lambda: desktop.window_ids("^stretchbreak menu$"), 5, what="the tray menu")
    desktop.screenshot("tray-restarted-menu.png")
    desktop.key("Escape")
    assert status(desktop)["tray"] is True
    assert cli(desktop, "quit").returncode == 0
    assert app.wait(10) == 0


def test_an_unknown_stretch_is_a_usage_error_naming_it_running_or_not(desktop: Desktop) -> None:
    write_config(desktop, ALL_DAY)
    # Without a running app (it would open the window on its own)
    alone = cli(desktop, "now", "handstand")
    assert alone.returncode == 2 and "handstand" in alone.stderr, alone
    assert not stretch_windows(desktop)
    # And through a running one
    start_app(desktop)
    wait_running(desktop)
    running = cli(desktop, "now", "../cobra-low")
    assert running.returncode == 2 and "../cobra-low" in running.stderr, running
    assert not stretch_windows(desktop) and status(desktop)["state"] == "sitting"
    assert cli(desktop, "quit").returncode == 0


def test_the_app_never_opens_an_internet_socket_and_its_command_socket_is_the_owners_alone(
    desktop: Desktop, tmp_path: Path
) -> None:
    # Given the real app, looked at while it starts, reminds, shows a stretch and answers commands
    write_config(desktop, ALL_DAY)
    app = start_app(desktop)
    wait_running(desktop)
    seen: dict[str, set[str]] = {"started": network_sockets(app.pid)}
    assert cli(desktop, "now").returncode == 0
    desktop.wait_for(lambda: stretch_windows(desktop), 10, what="the stretch window")
    seen["stretching"] = network_sockets(app.pid)
    for verb in (["snooze", "1m"], ["status", "--json"], ["pause", "1h"], ["resume"], ["stats"]):
        assert cli(desktop, *verb).returncode == 0, verb
    seen["after commands"] = network_sockets(app.pid)
    # Then no internet socket was ever open
    assert seen == {"started": set(), "stretching": set(), "after commands": set()}
    # And the command socket is in a folder only its owner can enter, and is no one else's to open
    info = cli(desktop, "--debug-info").stdout
    address = Path(next(line for line in info.splitlines() if line.startswith("command socket: ")).split(": ", 1)[1])
    assert stat.S_IMODE(address.parent.stat().st_mode) == 0o700
    assert address.parent.stat().st_uid == os.getuid()
    assert stat.S_IMODE(address.stat().st_mode) & 0o077 == 0
    if os.geteuid() == 0:
        # Root can be someone else for a moment: "nobody" is refused at the folder's door
        assert connect_as_nobody(address) == errno.EACCES
    assert cli(desktop, "quit").returncode == 0
