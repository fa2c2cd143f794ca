"""SessionEvents: the screen locking and the machine going to sleep, as Qt signals from D-Bus.

- `sleeping_changed(bool)`: logind's `PrepareForSleep` on the system bus (True before suspend, False after);
- `locked_changed(bool)`: `ActiveChanged` from `org.freedesktop.ScreenSaver` and `org.gnome.ScreenSaver` on the
  session bus (the screen shield or locker came up or went away).
GNOME can announce a lock under both names, so each signal fires only when the state really changes.
A missing bus or service means no signals, never an error: `listening` and `off_reasons` say what is wired.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NamedTuple, cast

from PySide6.QtCore import SLOT, QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection


class DBusSignal(NamedTuple):
    bus: str  # "system" or "session"
    service: str
    path: str
    interface: str
    name: str
    slot: str


SLEEP = DBusSignal("system", "org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                   "PrepareForSleep", "_on_prepare_for_sleep(bool)")
FREEDESKTOP_LOCK = DBusSignal("session", "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                              "org.freedesktop.ScreenSaver", "ActiveChanged", "_on_screensaver_active(bool)")
GNOME_LOCK = DBusSignal("session", "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
                        "ActiveChanged", "_on_screensaver_active(bool)")
SIGNALS = (SLEEP, FREEDESKTOP_LOCK, GNOME_LOCK)


def _slot(signature: str) -> bytes:
    # The PySide6 stubs ask for bytes, but the binding accepts only the str that QtCore.SLOT() returns.
    return cast(bytes, SLOT(signature))


class SessionEvents(QObject):
    locked_changed = Signal(bool)
    sleeping_changed = Signal(bool)

    def __init__(self, session_bus: QDBusConnection | None = None, system_bus: QDBusConnection | None = None,
                 parent: QObject | None = None, platform: str = sys.platform) -> None:
        super().__init__(parent)
        self.locked = False
        self.sleeping = False
        self.listening: list[str] = []
        self.off_reasons: dict[str, str] = {}
        self._connected: list[tuple[QDBusConnection, DBusSignal]] = []
        if platform in ("win32", "darwin"):
            for signal in SIGNALS:
                self.off_reasons[_label(signal)] = "D-Bus desktops only"
            return
        from PySide6.QtDBus import QDBusConnection

        buses = {
            "system": system_bus if system_bus is not None else QDBusConnection.systemBus(),
            "session": session_bus if session_bus is not None else QDBusConnection.sessionBus(),
        }
        for signal in SIGNALS:
            self._listen(buses[signal.bus], signal)

    def close(self) -> None:
        """Stop listening; safe to call twice."""
        for bus, signal in self._connected:
            bus.disconnect(signal.service, signal.path, signal.interface, signal.name, self, _slot(signal.slot))
        self._connected.clear()
        self.listening.clear()

    def _listen(self, bus: QDBusConnection, signal: DBusSignal) -> None:
        label = _label(signal)
        if not bus.isConnected():
            self.off_reasons[label] = f"no D-Bus {signal.bus} bus: {bus.lastError().message()}"
            return
        if not bus.connect(signal.service, signal.path, signal.interface, signal.name, self, _slot(signal.slot)):
            self.off_reasons[label] = f"could not subscribe: {bus.lastError().message()}"
            return
        self._connected.append((bus, signal))
        self.listening.append(label)

    @Slot(bool)
    def _on_prepare_for_sleep(self, sleeping: bool) -> None:
        if sleeping != self.sleeping:
            self.sleeping = sleeping
            self.sleeping_changed.emit(sleeping)

    @Slot(bool)
    def _on_screensaver_active(self, active: bool) -> None:
        if active != self.locked:
            self.locked = active
            self.locked_changed.emit(active)


def _label(signal: DBusSignal) -> str:
    return f"{signal.interface}.{signal.name}"
