"""The D-Bus backends against a private bus: idle time, "notifications inhibited" and session events.

Each test gets its own `dbus-daemon` and a fake desktop in a second process (this module run as a script), which
owns the well-known names the app listens to and takes orders on a control interface. Nothing waits on a timer:
a blocking call to the fake returns once it has acted, and `qtbot.waitUntil` / `waitSignal` wait for our side.
"""

import os
import select
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import ClassInfo, Property, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretchbreak.platform.desktop_state import NOTIFICATIONS_CHECK, NOTIFICATIONS_INHIBITED, DesktopState
from stretchbreak.platform.idle.base import IdleUnavailable
from stretchbreak.platform.idle.freedesktop import FreedesktopIdleSource
from stretchbreak.platform.idle.gnome import GnomeIdleSource
from stretchbreak.platform.idle.select import FallbackIdleSource
from stretchbreak.platform.session_events import SessionEvents

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 10.0
CALL_TIMEOUT_MS = 2000

CONTROL_SERVICE = "org.stretchbreak.FakeDesktop"
CONTROL_PATH = "/control"
CONTROL_INTERFACE = "org.stretchbreak.FakeDesktop"
EXPORT = QDBusConnection.RegisterOption.ExportAllSlots | QDBusConnection.RegisterOption.ExportAllProperties

SCREENSAVER = "freedesktop-screensaver"
MUTTER = "mutter"
NOTIFICATIONS = "notifications"
LOGIND = "logind"
GNOME_SCREENSAVER = "gnome-screensaver"
ALL_SERVICES = (SCREENSAVER, MUTTER, NOTIFICATIONS, LOGIND, GNOME_SCREENSAVER)

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


# ---- the fake desktop (runs in its own process) ---------------------------------------------------------

class FakeDesktopState:
    def __init__(self) -> None:
        self.idle_ms = 1234
        self.inhibited = False


class FakeScreenSaver(QObject):
    def __init__(self, state: FakeDesktopState) -> None:
        super().__init__()
        self._state = state

    @Slot(result="uint")
    def GetSessionIdleTime(self) -> int:
        return self._state.idle_ms


class FakeIdleMonitor(QObject):
    def __init__(self, state: FakeDesktopState) -> None:
        super().__init__()
        self._state = state

    @Slot(result="qulonglong")
    def GetIdletime(self) -> int:
        return self._state.idle_ms


QObjectType = TypeVar("QObjectType", bound=type[QObject])


def dbus_interface(name: str) -> Callable[[QObjectType], QObjectType]:
    """Qt exports properties only under the D-Bus interface a class declares for itself in its class info."""
    # The PySide6 stubs type ClassInfo's values as dicts and leave out its __call__; it takes strings.
    class_info: Any = ClassInfo
    decorate: Callable[[QObjectType], QObjectType] = class_info(**{"D-Bus Interface": name})
    return decorate


@dbus_interface("org.freedesktop.Notifications")
class FakeNotifications(QObject):
    def __init__(self, state: FakeDesktopState) -> None:
        super().__init__()
        self._state = state

    def _inhibited(self) -> bool:
        return self._state.inhibited

    Inhibited = Property(bool, _inhibited)


@dataclass(frozen=True)
class FakeService:
    name: str
    path: str
    interface: str
    maker: Callable[[FakeDesktopState], QObject] | None  # None: the name only emits signals


FAKE_SERVICES = {
    SCREENSAVER: FakeService("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                             "org.freedesktop.ScreenSaver", FakeScreenSaver),
    MUTTER: FakeService("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
                        "org.gnome.Mutter.IdleMonitor", FakeIdleMonitor),
    NOTIFICATIONS: FakeService("org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                               "org.freedesktop.Notifications", FakeNotifications),
    LOGIND: FakeService("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager", None),
    GNOME_SCREENSAVER: FakeService("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", None),
}


class FakeDesktopControl(QObject):
    """Orders from the test. Each method returns only after acting, so the test never has to guess a delay."""

    def __init__(self, bus: QDBusConnection, state: FakeDesktopState) -> None:
        super().__init__()
        self._bus = bus
        self._state = state

    @Slot(int)
    def SetIdle(self, milliseconds: int) -> None:
        self._state.idle_ms = milliseconds

    @Slot(bool)
    def SetInhibited(self, inhibited: bool) -> None:
        self._state.inhibited = inhibited

    @Slot(str, bool)
    def Emit(self, service_key: str, value: bool) -> None:
        service = FAKE_SERVICES[service_key]
        name = "PrepareForSleep" if service_key == LOGIND else "ActiveChanged"
        signal = QDBusMessage.createSignal(service.path, service.interface, name)
        signal.setArguments([value])
        self._bus.send(signal)

    @Slot(str)
    def Vanish(self, service_key: str) -> None:
        self._bus.unregisterService(FAKE_SERVICES[service_key].name)


def serve(address: str, service_keys: Sequence[str]) -> int:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "fake-desktop")
    state = FakeDesktopState()
    objects: list[QObject] = []
    for key in service_keys:
        service = FAKE_SERVICES[key]
        if service.maker is not None:
            objects.append(service.maker(state))
            bus.registerObject(service.path, service.interface, objects[-1], EXPORT)
        bus.registerService(service.name)
    control = FakeDesktopControl(bus, state)
    bus.registerObject(CONTROL_PATH, CONTROL_INTERFACE, control, EXPORT)
    bus.registerService(CONTROL_SERVICE)
    print("ready", flush=True)
    return app.exec()


# ---- fixtures ------------------------------------------------------------------------------------------

def read_line(process: "subprocess.Popen[bytes]", what: str) -> str:
    assert process.stdout is not None
    line = b""
    deadline = time.monotonic() + START_TIMEOUT
    while not line.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([process.stdout], [], [], remaining)[0]:
            raise RuntimeError(f"{what} did not start")
        chunk = os.read(process.stdout.fileno(), 256)
        if not chunk:
            raise RuntimeError(f"{what} exited with {process.wait()}")
        line += chunk
    return line.decode().strip()


def stop(process: "subprocess.Popen[bytes]") -> None:
    process.terminate()
    try:
        process.wait(timeout=START_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdout is not None:
        process.stdout.close()


@pytest.fixture
def bus_address(tmp_path: Path) -> Iterator[str]:
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=tmp_path / "bus"), encoding="utf-8")
    daemon = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        yield read_line(daemon, "dbus-daemon")
    finally:
        stop(daemon)


def connect(address: str) -> tuple[QDBusConnection, str]:
    name = f"stretchbreak-test-{uuid.uuid4().hex}"
    return QDBusConnection.connectToBus(address, name), name


@pytest.fixture
def bus(qapp: QApplication, bus_address: str) -> Iterator[QDBusConnection]:
    connection, name = connect(bus_address)
    assert connection.isConnected()
    yield connection
    QDBusConnection.disconnectFromBus(name)


@pytest.fixture
def no_bus(qapp: QApplication) -> Iterator[QDBusConnection]:
    connection, name = connect("unix:path=/nonexistent/bus")
    assert not connection.isConnected()
    yield connection
    QDBusConnection.disconnectFromBus(name)


class Desktop:
    """The test's handle on the fake desktop process."""

    def __init__(self, bus: QDBusConnection) -> None:
        self._bus = bus

    def order(self, method: str, *arguments: Any) -> None:
        message = QDBusMessage.createMethodCall(CONTROL_SERVICE, CONTROL_PATH, CONTROL_INTERFACE, method)
        message.setArguments(list(arguments))
        reply = self._bus.call(message, QDBus.CallMode.Block, CALL_TIMEOUT_MS)
        assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()

    def set_idle(self, milliseconds: int) -> None:
        self.order("SetIdle", milliseconds)

    def set_inhibited(self, inhibited: bool) -> None:
        self.order("SetInhibited", inhibited)

    def emit(self, service_key: str, value: bool) -> None:
        self.order("Emit", service_key, value)

    def vanish(self, service_key: str) -> None:
        self.order("Vanish", service_key)


def start_desktop(request: pytest.FixtureRequest, bus_address: str, bus: QDBusConnection,
                  services: Sequence[str]) -> Desktop:
    process = subprocess.Popen([sys.executable, "-m", "tests.ui.test_platform_dbus", bus_address, ",".join(services)],
                               cwd=REPO, stdout=subprocess.PIPE)
    request.addfinalizer(lambda: stop(process))
    assert read_line(process, "the fake desktop") == "ready"
    return Desktop(bus)


@pytest.fixture
def desktop(request: pytest.FixtureRequest, bus_address: str, bus: QDBusConnection) -> Desktop:
    services: Sequence[str] = getattr(request, "param", ALL_SERVICES)
    return start_desktop(request, bus_address, bus, services)


# ---- idle time -----------------------------------------------------------------------------------------

def test_freedesktop_idle_is_probed_at_start_then_read_without_blocking(qtbot: QtBot, desktop: Desktop,
                                                                          bus: QDBusConnection) -> None:
    source = FreedesktopIdleSource(bus)
    try:
        assert source.name == "freedesktop-screensaver"
        assert source.idle_seconds() == pytest.approx(1.234)  # the probe's answer; a call is now in flight
        assert source.call_in_flight
        desktop.set_idle(5000)
        # The service has changed, but the answer cannot have arrived without the event loop running:
        # a reading never waits for D-Bus.
        assert source.idle_seconds() == pytest.approx(1.234)
        qtbot.waitUntil(lambda: source.idle_seconds() >= 5.0)
    finally:
        source.close()


def test_gnome_idle_reads_the_64_bit_milliseconds(qtbot: QtBot, desktop: Desktop, bus: QDBusConnection) -> None:
    desktop.set_idle(2_000_000_000)
    source = GnomeIdleSource(bus)
    try:
        assert source.name == "gnome-mutter"
        assert source.idle_seconds() == pytest.approx(2_000_000.0)
    finally:
        source.close()


@pytest.mark.parametrize("desktop", [(NOTIFICATIONS,)], indirect=True)
def test_a_missing_idle_service_is_refused_at_start(desktop: Desktop, bus: QDBusConnection) -> None:
    with pytest.raises(IdleUnavailable, match=r"org\.freedesktop\.ScreenSaver .*NameHasNoOwner"):
        FreedesktopIdleSource(bus)
    with pytest.raises(IdleUnavailable, match=r"org\.gnome\.Mutter\.IdleMonitor .*NameHasNoOwner"):
        GnomeIdleSource(bus)


def test_an_idle_service_that_vanishes_mid_run_hands_over_to_wall_time(qtbot: QtBot, desktop: Desktop,
                                                                        bus: QDBusConnection) -> None:
    desktop.set_idle(7000)
    source = FallbackIdleSource(FreedesktopIdleSource(bus))
    assert source.idle_seconds() == pytest.approx(7.0)
    desktop.vanish(SCREENSAVER)
    qtbot.waitUntil(lambda: source.idle_seconds() == 0.0 and source.fell_back)
    assert source.name.startswith("wall-time (freedesktop-screensaver failed: org.freedesktop.ScreenSaver ")
    assert "stopped answering: org.freedesktop.DBus.Error.NameHasNoOwner" in source.name


def test_without_a_bus_the_idle_services_are_refused(no_bus: QDBusConnection) -> None:
    for make in (FreedesktopIdleSource, GnomeIdleSource):
        with pytest.raises(IdleUnavailable, match=r"no D-Bus bus for .*Failed to connect to socket"):
            make(no_bus)


# ---- notifications inhibited ---------------------------------------------------------------------------

def test_inhibited_notifications_ask_reminders_to_wait(qtbot: QtBot, desktop: Desktop,
                                                       bus: QDBusConnection) -> None:
    state = DesktopState({}, session_bus=bus, platform="linux")
    try:
        assert state.status()[NOTIFICATIONS_CHECK] == "on"
        desktop.set_inhibited(True)
        assert state.blocked_by() is None  # the first call only asks
        qtbot.waitUntil(lambda: state.blocked_by() == NOTIFICATIONS_INHIBITED)
        desktop.set_inhibited(False)
        qtbot.waitUntil(lambda: state.blocked_by() is None)
        assert state.status()[NOTIFICATIONS_CHECK] == "on"
    finally:
        state.close()


@pytest.mark.parametrize("desktop", [(SCREENSAVER,)], indirect=True)
def test_no_notification_server_means_not_inhibited(qtbot: QtBot, desktop: Desktop, bus: QDBusConnection) -> None:
    state = DesktopState({}, session_bus=bus, platform="linux")
    try:
        state.blocked_by()
        qtbot.waitUntil(lambda: state.status()[NOTIFICATIONS_CHECK].startswith("on, last read failed:"))
        assert "NameHasNoOwner" in state.status()[NOTIFICATIONS_CHECK]
        assert state.blocked_by() is None
    finally:
        state.close()


def test_without_a_bus_the_notifications_check_is_off(no_bus: QDBusConnection) -> None:
    state = DesktopState({}, session_bus=no_bus, platform="linux")
    assert state.off_reasons[NOTIFICATIONS_CHECK].startswith("no D-Bus session bus: Failed to connect to socket")
    assert state.status()[NOTIFICATIONS_CHECK].startswith("off: no D-Bus session bus")
    assert state.blocked_by() is None


# ---- session events ------------------------------------------------------------------------------------

def test_sleep_and_wake_come_from_logind(qtbot: QtBot, desktop: Desktop, bus: QDBusConnection) -> None:
    events = SessionEvents(session_bus=bus, system_bus=bus)
    assert events.listening == ["org.freedesktop.login1.Manager.PrepareForSleep",
                                "org.freedesktop.ScreenSaver.ActiveChanged", "org.gnome.ScreenSaver.ActiveChanged"]
    with qtbot.waitSignal(events.sleeping_changed) as going_to_sleep:
        desktop.emit(LOGIND, True)
    assert going_to_sleep.args == [True]
    assert events.sleeping
    with qtbot.waitSignal(events.sleeping_changed) as waking_up:
        desktop.emit(LOGIND, False)
    assert waking_up.args == [False]
    events.close()


def test_a_lock_announced_under_both_names_is_one_change(qtbot: QtBot, desktop: Desktop,
                                                         bus: QDBusConnection) -> None:
    events = SessionEvents(session_bus=bus, system_bus=bus)
    changes: list[bool] = []
    events.locked_changed.connect(changes.append)
    with qtbot.waitSignal(events.locked_changed):
        desktop.emit(GNOME_SCREENSAVER, True)
    desktop.emit(SCREENSAVER, True)
    # D-Bus keeps one sender's messages in order: once this signal is in, the one before it was handled too.
    with qtbot.waitSignal(events.sleeping_changed):
        desktop.emit(LOGIND, True)
    assert changes == [True]
    with qtbot.waitSignal(events.locked_changed) as unlocked:
        desktop.emit(SCREENSAVER, False)
    assert unlocked.args == [False]
    assert changes == [True, False]
    events.close()


def test_after_close_no_more_signals(qtbot: QtBot, desktop: Desktop, bus: QDBusConnection) -> None:
    closed = SessionEvents(session_bus=bus, system_bus=bus)
    closed.close()
    assert closed.listening == []
    still_open = SessionEvents(session_bus=bus, system_bus=bus)
    with qtbot.assertNotEmitted(closed.sleeping_changed), qtbot.waitSignal(still_open.sleeping_changed):
        desktop.emit(LOGIND, True)
    still_open.close()
    closed.close()  # twice is fine


def test_without_buses_there_are_no_signals_and_no_errors(no_bus: QDBusConnection) -> None:
    events = SessionEvents(session_bus=no_bus, system_bus=no_bus)
    assert events.listening == []
    assert sorted(events.off_reasons) == ["org.freedesktop.ScreenSaver.ActiveChanged",
                                          "org.freedesktop.login1.Manager.PrepareForSleep",
                                          "org.gnome.ScreenSaver.ActiveChanged"]
    assert events.off_reasons["org.freedesktop.login1.Manager.PrepareForSleep"].startswith("no D-Bus system bus")
    events.close()


def test_other_platforms_do_not_touch_d_bus(qapp: QApplication) -> None:
    events = SessionEvents(platform="win32")
    assert events.listening == []
    assert set(events.off_reasons.values()) == {"D-Bus desktops only"}


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1], [key for key in sys.argv[2].split(",") if key]))
