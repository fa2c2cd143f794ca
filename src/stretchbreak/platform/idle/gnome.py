"""Idle time from GNOME Shell's `org.gnome.Mutter.IdleMonitor.GetIdletime` on the session bus.

The one source that sees all input on GNOME Wayland, where XWayland's screensaver extension does not.
"""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection

from stretchbreak.platform.idle.dbus_poll import DBusIdlePoller

SERVICE = "org.gnome.Mutter.IdleMonitor"
PATH = "/org/gnome/Mutter/IdleMonitor/Core"
INTERFACE = "org.gnome.Mutter.IdleMonitor"
METHOD = "GetIdletime"


class GnomeIdleSource(DBusIdlePoller):
    def __init__(self, bus: QDBusConnection | None = None) -> None:
        super().__init__("gnome-mutter", bus if bus is not None else QDBusConnection.sessionBus(),
                         SERVICE, PATH, INTERFACE, METHOD)
