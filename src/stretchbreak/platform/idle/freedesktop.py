"""Idle time from `org.freedesktop.ScreenSaver.GetSessionIdleTime` on the session bus (KDE Plasma and others).

GNOME answers this name too but refuses the method, so the construction probe rules it out there.
"""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection

from stretchbreak.platform.idle.dbus_poll import DBusIdlePoller

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
METHOD = "GetSessionIdleTime"


class FreedesktopIdleSource(DBusIdlePoller):
    def __init__(self, bus: QDBusConnection | None = None) -> None:
        super().__init__("freedesktop-screensaver", bus if bus is not None else QDBusConnection.sessionBus(),
                         SERVICE, PATH, INTERFACE, METHOD)
