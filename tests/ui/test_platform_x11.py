"""The X11 backends against a real X server: idle time from Xvfb, and a fullscreen window under openbox.

Each test starts its own Xvfb on a free display (`-displayfd`). The only waiting is bounded polling on the
external X server and window manager.
"""

import os
import select
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication
from Xlib import X, Xatom  # type: ignore[import-untyped]
from Xlib.display import Display  # type: ignore[import-untyped]
from Xlib.protocol import event  # type: ignore[import-untyped]

from stretchbreak.platform.desktop_state import FULLSCREEN, FULLSCREEN_CHECK, DesktopState
from stretchbreak.platform.idle.base import IdleUnavailable
from stretchbreak.platform.idle.select import DEFAULT_FACTORIES, FallbackIdleSource, choose_idle_source
from stretchbreak.platform.idle.x11 import X11IdleSource

START_TIMEOUT = 5.0
WAIT_TIMEOUT = 2.0
NET_WM_STATE_REMOVE, NET_WM_STATE_ADD = 0, 1
SOURCE_INDICATION_APPLICATION = 1
SOURCE_INDICATION_PAGER = 2  # window managers honour a pager's activation request without focus-stealing checks


@dataclass
class XServer:
    display: str
    process: "subprocess.Popen[bytes]"

    def env(self, **extra: str) -> dict[str, str]:
        return {"PATH": os.environ["PATH"], "DISPLAY": self.display, **extra}

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=START_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_xvfb(*extra_args: str) -> XServer:
    read_end, write_end = os.pipe()
    try:
        process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "640x480x24", "-nolisten", "tcp", *extra_args],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_end)
        announced = b""
        deadline = time.monotonic() + START_TIMEOUT
        while not announced.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([read_end], [], [], remaining)[0]:
                process.kill()
                process.wait()
                raise RuntimeError("Xvfb did not announce its display")
            chunk = os.read(read_end, 16)
            if not chunk:
                process.wait()
                raise RuntimeError(f"Xvfb exited with {process.returncode} before announcing its display")
            announced += chunk
    finally:
        os.close(read_end)
    return XServer(f":{announced.decode().strip()}", process)


def wait_for(condition: Callable[[], bool], timeout: float = WAIT_TIMEOUT) -> None:
    """Poll an external process's state until `condition` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {condition}")
        time.sleep(0.01)


@pytest.fixture
def xvfb() -> Iterator[XServer]:
    server = start_xvfb()
    yield server
    server.stop()


class XClient:
    """A second X connection playing an application window, driven through EWMH like a real client."""

    def __init__(self, display_name: str) -> None:
        self.display: Any = Display(display_name)
        self.root: Any = self.display.screen().root

    def atom(self, name: str) -> int:
        return int(self.display.intern_atom(name))

    def window_manager_running(self) -> bool:
        return self.root.get_full_property(self.atom("_NET_SUPPORTING_WM_CHECK"), Xatom.WINDOW) is not None

    def active_window(self) -> int:
        active = self.root.get_full_property(self.atom("_NET_ACTIVE_WINDOW"), Xatom.WINDOW)
        return int(active.value[0]) if active is not None and len(active.value) else 0

    def managed_windows(self) -> list[int]:
        clients = self.root.get_full_property(self.atom("_NET_CLIENT_LIST"), Xatom.WINDOW)
        return [int(window) for window in clients.value] if clients is not None else []

    def mapped_window(self) -> Any:
        window = self.root.create_window(10, 10, 100, 80, 0, self.display.screen().root_depth)
        window.map()
        self.display.sync()
        return window

    def managed_window(self) -> Any:
        """A mapped window, once the window manager has taken it on (it ignores requests about others)."""
        window = self.mapped_window()
        wait_for(lambda: window.id in self.managed_windows())
        return window

    def send_to_window_manager(self, window: Any, message: str, data: list[int]) -> None:
        client_message = event.ClientMessage(window=window, client_type=self.atom(message), data=(32, data))
        self.root.send_event(client_message, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
        self.display.sync()

    def activate(self, window: Any) -> None:
        self.send_to_window_manager(window, "_NET_ACTIVE_WINDOW", [SOURCE_INDICATION_PAGER, X.CurrentTime, 0, 0, 0])

    def set_fullscreen(self, window: Any, fullscreen: bool) -> None:
        action = NET_WM_STATE_ADD if fullscreen else NET_WM_STATE_REMOVE
        self.send_to_window_manager(window, "_NET_WM_STATE", [action, self.atom("_NET_WM_STATE_FULLSCREEN"), 0,
                                                              SOURCE_INDICATION_APPLICATION, 0])

    def wait_until_managing(self) -> None:
        """Openbox announces itself a moment before it handles map requests, and drops one sent in that moment;
        so a probe window is mapped (again, if it was dropped) until the window manager takes it on."""
        probe = self.root.create_window(0, 0, 10, 10, 0, self.display.screen().root_depth)
        deadline = time.monotonic() + START_TIMEOUT
        next_map = 0.0
        while probe.id not in self.managed_windows():
            now = time.monotonic()
            if now > deadline:
                raise RuntimeError("the window manager never took on a window")
            if now >= next_map:
                probe.map()
                self.display.sync()
                next_map = now + 0.2
            time.sleep(0.01)
        probe.destroy()
        self.display.sync()
        wait_for(lambda: probe.id not in self.managed_windows())

    def close(self) -> None:
        self.display.close()


@pytest.fixture
def client(xvfb: XServer) -> Iterator[XClient]:
    x_client = XClient(xvfb.display)
    yield x_client
    if xvfb.process.poll() is None:
        x_client.close()


@pytest.fixture
def openbox(xvfb: XServer, client: XClient, tmp_path: Path) -> Iterator[None]:
    home = tmp_path / "openbox-home"
    home.mkdir()
    window_manager = subprocess.Popen(["openbox", "--sm-disable"], env=xvfb.env(HOME=str(home)),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(client.window_manager_running, timeout=START_TIMEOUT)
        client.wait_until_managing()
        yield
    finally:
        window_manager.terminate()
        window_manager.wait(timeout=START_TIMEOUT)


@pytest.fixture
def no_session_bus(qapp: QApplication) -> Iterator[QDBusConnection]:
    name = "stretchbreak-test-x11-no-bus"
    yield QDBusConnection.connectToBus("unix:path=/nonexistent/bus", name)
    QDBusConnection.disconnectFromBus(name)


# ---- idle time ------------------------------------------------------------------------------------------

def test_idle_drops_on_input_and_grows_again(xvfb: XServer) -> None:
    source = X11IdleSource(xvfb.display)
    try:
        wait_for(lambda: source.idle_seconds() >= 0.3)
        subprocess.run(["xdotool", "mousemove", "5", "5"], env=xvfb.env(), check=True, timeout=START_TIMEOUT)
        just_after_input = source.idle_seconds()
        assert just_after_input < 0.25
        wait_for(lambda: source.idle_seconds() >= just_after_input + 0.3)
    finally:
        source.close()


def test_one_idle_reading_is_a_cheap_round_trip(xvfb: XServer) -> None:
    source = X11IdleSource(xvfb.display)
    try:
        readings = 200
        started = time.perf_counter()
        for _ in range(readings):
            source.idle_seconds()
        per_reading = (time.perf_counter() - started) / readings
    finally:
        source.close()
    # Measured around 60 microseconds; reopening the display per reading would cost milliseconds.
    assert per_reading < 0.002


def test_events_the_server_sends_anyway_do_not_pile_up(xvfb: XServer) -> None:
    source = X11IdleSource(xvfb.display)
    try:
        source.idle_seconds()
        # xdotool maps each keysym missing from the keymap onto a spare keycode: every client gets MappingNotify.
        subprocess.run(["xdotool", "key", "EuroSign", "Greek_alpha", "dead_ogonek"], env=xvfb.env(), check=True,
                       timeout=START_TIMEOUT)
        source.idle_seconds()
        source.idle_seconds()
        assert source._display.display.event_queue == []  # python-xlib's own queue; nothing else shows it
    finally:
        source.close()


def test_a_server_without_the_screensaver_extension_is_refused() -> None:
    server = start_xvfb("-extension", "MIT-SCREEN-SAVER")
    try:
        with pytest.raises(IdleUnavailable, match="no MIT-SCREEN-SAVER extension"):
            X11IdleSource(server.display)
    finally:
        server.stop()


def test_selection_picks_x11_on_an_x_session(xvfb: XServer) -> None:
    source, passed_over = choose_idle_source({"DISPLAY": xvfb.display, "XDG_CURRENT_DESKTOP": "XFCE"},
                                             DEFAULT_FACTORIES, "linux")
    try:
        assert source.name == "x11-screensaver"
        assert passed_over == []
        assert source.idle_seconds() >= 0.0
    finally:
        assert isinstance(source, X11IdleSource)
        source.close()


def test_losing_the_x_server_mid_run_falls_back_to_wall_time(xvfb: XServer) -> None:
    source = FallbackIdleSource(X11IdleSource(xvfb.display))
    wait_for(lambda: source.idle_seconds() > 0.0)
    xvfb.stop()
    assert source.idle_seconds() == 0.0
    assert source.fell_back
    assert source.name.startswith("wall-time (x11-screensaver failed: the X server stopped answering")
    assert source.idle_seconds() == 0.0


# ---- fullscreen -----------------------------------------------------------------------------------------

@pytest.mark.usefixtures("openbox")
def test_an_active_fullscreen_window_asks_reminders_to_wait(xvfb: XServer, client: XClient,
                                                           no_session_bus: QDBusConnection) -> None:
    state = DesktopState({"DISPLAY": xvfb.display}, session_bus=no_session_bus)
    try:
        assert state.status()[FULLSCREEN_CHECK] == "on"
        window = client.managed_window()
        client.activate(window)
        wait_for(lambda: client.active_window() == window.id)
        assert state.blocked_by() is None

        client.set_fullscreen(window, True)
        wait_for(lambda: state.blocked_by() == FULLSCREEN)

        other = client.managed_window()
        client.activate(other)
        wait_for(lambda: client.active_window() == other.id)
        assert state.blocked_by() is None  # the fullscreen window is no longer the active one

        client.activate(window)
        wait_for(lambda: state.blocked_by() == FULLSCREEN)
        client.set_fullscreen(window, False)
        wait_for(lambda: state.blocked_by() is None)
    finally:
        state.close()


def test_no_window_manager_means_no_active_window_and_no_block(xvfb: XServer, client: XClient,
                                                             no_session_bus: QDBusConnection) -> None:
    state = DesktopState({"DISPLAY": xvfb.display}, session_bus=no_session_bus)
    try:
        client.mapped_window()
        assert state.blocked_by() is None
        assert state.status()[FULLSCREEN_CHECK] == "on"
    finally:
        state.close()


def test_the_fullscreen_check_turns_itself_off_when_the_x_server_goes_away(
        xvfb: XServer, no_session_bus: QDBusConnection) -> None:
    state = DesktopState({"DISPLAY": xvfb.display}, session_bus=no_session_bus)
    assert state.blocked_by() is None
    xvfb.stop()
    assert state.blocked_by() is None
    assert state.status()[FULLSCREEN_CHECK].startswith("off: the X server went away")
    state.close()


def test_without_a_display_the_fullscreen_check_is_off(no_session_bus: QDBusConnection) -> None:
    state = DesktopState({}, session_bus=no_session_bus, platform="linux")
    assert state.off_reasons[FULLSCREEN_CHECK] == "DISPLAY is not set"
    assert state.blocked_by() is None


def test_idle_time_and_the_fullscreen_check_share_one_x_connection(xvfb: XServer,
                                                                   no_session_bus: QDBusConnection) -> None:
    source = X11IdleSource(xvfb.display)
    state = DesktopState({"DISPLAY": xvfb.display}, session_bus=no_session_bus)
    display = source._display
    assert state._fullscreen is not None and state._fullscreen._display is display
    # When one lets go (twice, as a fallback and its owner both may), the other keeps working on it
    source.close()
    source.close()
    assert state.blocked_by() is None
    assert state.status()[FULLSCREEN_CHECK] == "on"
    # And the last one closes it
    state.close()
    with pytest.raises(Exception, match="closed"):
        display.screen().root.screensaver_query_info()
