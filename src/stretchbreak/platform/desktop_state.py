"""DesktopState: whether the desktop is asking reminders to wait right now, and why.

Three independent checks, first match wins:
- "fullscreen": the active X11 window has `_NET_WM_STATE_FULLSCREEN` (EWMH; python-xlib, one display kept open);
- "notifications inhibited": `org.freedesktop.Notifications` reports `Inhibited` (do not disturb) on the
  session bus; read asynchronously, so each call returns the answer to the previous call's question;
- "presentation mode": Windows `SHQueryUserNotificationState` says busy, fullscreen Direct3D or presenting.
A check that cannot work here (no python-xlib, no DISPLAY, no bus, another OS) is off, and `off_reasons` says
why; `status()` gives one line per check for the debug output. Nothing here blocks the GUI thread on D-Bus.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any

from stretchbreak.platform.idle.base import IdleUnavailable
from stretchbreak.platform.idle.x11 import connection_errors, discard_events, release_display, shared_display

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

FULLSCREEN = "fullscreen"
NOTIFICATIONS_INHIBITED = "notifications inhibited"
PRESENTATION_MODE = "presentation mode"

FULLSCREEN_CHECK = "fullscreen"
NOTIFICATIONS_CHECK = "notifications"
PRESENTATION_CHECK = "presentation"
CHECKS = (FULLSCREEN_CHECK, NOTIFICATIONS_CHECK, PRESENTATION_CHECK)

NOTIFICATIONS_SERVICE = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
PROPERTIES_INTERFACE = "org.freedesktop.DBus.Properties"
PROPERTY_TIMEOUT_MS = 2000

QUNS_BUSY = 2
QUNS_RUNNING_D3D_FULL_SCREEN = 3
QUNS_PRESENTATION_MODE = 4
_PRESENTATION_STATES = frozenset({QUNS_BUSY, QUNS_RUNNING_D3D_FULL_SCREEN, QUNS_PRESENTATION_MODE})


class CheckOff(Exception):
    """A check cannot work here; the message says why."""


# ---- the decisions, free of any OS ------------------------------------------------------------------------

def is_fullscreen(wm_state_atoms: Collection[int], fullscreen_atom: int) -> bool:
    """Whether a window's `_NET_WM_STATE` atoms include `_NET_WM_STATE_FULLSCREEN`."""
    return fullscreen_atom in wm_state_atoms


def active_window_id(net_active_window: Collection[int] | None) -> int | None:
    """The root's `_NET_ACTIVE_WINDOW` value; None when unset or 0 (no window has focus)."""
    if not net_active_window:
        return None
    window_id = next(iter(net_active_window))
    return window_id or None


def is_presentation_state(notification_state: int) -> bool:
    """Whether a QUERY_USER_NOTIFICATION_STATE value means the user should not be interrupted."""
    return notification_state in _PRESENTATION_STATES


def first_block(fullscreen: bool, notifications_inhibited: bool, presentation_mode: bool) -> str | None:
    if fullscreen:
        return FULLSCREEN
    if notifications_inhibited:
        return NOTIFICATIONS_INHIBITED
    if presentation_mode:
        return PRESENTATION_MODE
    return None


# ---- the checks -------------------------------------------------------------------------------------------

class X11FullscreenCheck:
    """Is the active window fullscreen? Two property reads on an already open display."""

    def __init__(self, display_name: str | None) -> None:
        if not display_name:
            raise CheckOff("DISPLAY is not set")
        try:
            self._display: Any = shared_display(display_name)
        except IdleUnavailable as exc:
            raise CheckOff(str(exc)) from exc
        from Xlib import Xatom  # type: ignore[import-untyped]
        from Xlib import error as xerror

        self._lost_connection = (xerror.ConnectionClosedError, OSError)
        self._errors = connection_errors()
        self._atom_type = Xatom.ATOM
        self._window_type = Xatom.WINDOW
        try:
            self._root = self._display.screen().root
            self._active_window = self._display.intern_atom("_NET_ACTIVE_WINDOW")
            self._wm_state = self._display.intern_atom("_NET_WM_STATE")
            self._fullscreen = self._display.intern_atom("_NET_WM_STATE_FULLSCREEN")
        except BaseException:
            self.close()  # the shared display stays open for the idle source, if it holds it too
            raise

    def fullscreen(self) -> bool:
        """Raises CheckOff when the X connection is gone."""
        try:
            discard_events(self._display)
            active = self._root.get_full_property(self._active_window, self._window_type)
            window_id = active_window_id(list(active.value) if active is not None else None)
            if window_id is None:
                return False
            window = self._display.create_resource_object("window", window_id)
            state = window.get_full_property(self._wm_state, self._atom_type)
        except self._lost_connection as exc:
            raise CheckOff(f"the X server went away: {exc!r}") from exc
        except self._errors:
            return False  # the active window closed between the two reads
        return is_fullscreen([int(atom) for atom in state.value] if state is not None else [], self._fullscreen)

    def close(self) -> None:
        display, self._display = self._display, None
        if display is not None:
            release_display(display)


class NotificationsInhibitedCheck:
    """The notification server's `Inhibited` property, re-read asynchronously on every call."""

    def __init__(self, bus: QDBusConnection) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtDBus import QDBusMessage

        if QCoreApplication.instance() is None:
            raise CheckOff("needs a running Qt application for D-Bus replies")
        if not bus.isConnected():
            raise CheckOff(f"no D-Bus session bus: {bus.lastError().message()}")
        self._bus = bus
        self._message = QDBusMessage.createMethodCall(NOTIFICATIONS_SERVICE, NOTIFICATIONS_PATH,
                                                      PROPERTIES_INTERFACE, "Get")
        self._message.setArguments([NOTIFICATIONS_SERVICE, "Inhibited"])
        # Polling must not start a notification daemon that is not running.
        self._message.setAutoStartService(False)
        self._watcher: QDBusPendingCallWatcher | None = None
        self.inhibited = False
        self.last_error: str | None = None

    def refresh(self) -> bool:
        """The latest known answer (False until the first reply); asks again unless a call is in flight."""
        if self._watcher is None:
            from PySide6.QtDBus import QDBusPendingCallWatcher

            self._watcher = QDBusPendingCallWatcher(self._bus.asyncCall(self._message, PROPERTY_TIMEOUT_MS), None)
            self._watcher.finished.connect(self._on_reply)
        return self.inhibited

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None

    def _on_reply(self, watcher: QDBusPendingCallWatcher) -> None:
        if watcher is not self._watcher:
            return
        self._watcher = None
        watcher.deleteLater()
        try:
            self.inhibited = inhibited_from_reply(watcher.reply())
        except ValueError as exc:
            # Many notification servers lack the property; that simply means "not inhibited".
            self.inhibited = False
            self.last_error = str(exc)
        else:
            self.last_error = None


def inhibited_from_reply(reply: QDBusMessage) -> bool:
    """The bool in a Properties.Get reply (a variant); ValueError names an error reply or anything else."""
    from PySide6.QtDBus import QDBusMessage, QDBusVariant

    if reply.type() == QDBusMessage.MessageType.ErrorMessage:
        raise ValueError(f"{reply.errorName()}: {reply.errorMessage()}")
    arguments = reply.arguments()
    value: object = arguments[0] if len(arguments) == 1 else arguments
    if isinstance(value, QDBusVariant):
        value = value.variant()
    if not isinstance(value, bool):
        raise ValueError(f"unexpected Inhibited value {value!r}")
    return value


class PresentationModeCheck:
    """Windows' own "do not disturb" reading, which also covers fullscreen games and presentations."""

    _query: Callable[[Any], int]

    def __init__(self) -> None:
        if sys.platform != "win32":
            raise CheckOff("SHQueryUserNotificationState exists only on Windows")
        import ctypes

        shell32 = ctypes.WinDLL("shell32")
        query = shell32.SHQueryUserNotificationState
        query.argtypes = (ctypes.POINTER(ctypes.c_int),)
        query.restype = ctypes.c_long
        self._query = query

    def presenting(self) -> bool:
        import ctypes

        state = ctypes.c_int(0)
        if self._query(ctypes.byref(state)) != 0:
            return False  # a failed query is no reason to hold reminders back
        return is_presentation_state(state.value)


# ---- the whole ------------------------------------------------------------------------------------------

class DesktopState:
    """Asks every available check; `blocked_by()` names the first that says "wait", else None."""

    def __init__(self, env: Mapping[str, str] | None = None, session_bus: QDBusConnection | None = None,
                 platform: str = sys.platform) -> None:
        environment: Mapping[str, str] = os.environ if env is None else env
        self.off_reasons: dict[str, str] = {}
        self._fullscreen: X11FullscreenCheck | None = None
        self._notifications: NotificationsInhibitedCheck | None = None
        self._presentation: PresentationModeCheck | None = None

        if platform in ("win32", "darwin"):
            self.off_reasons[FULLSCREEN_CHECK] = "X11 only"
            self.off_reasons[NOTIFICATIONS_CHECK] = "freedesktop desktops only"
        else:
            try:
                self._fullscreen = X11FullscreenCheck(environment.get("DISPLAY", ""))
            except CheckOff as exc:
                self.off_reasons[FULLSCREEN_CHECK] = str(exc)
            try:
                self._notifications = NotificationsInhibitedCheck(_session_bus(session_bus))
            except CheckOff as exc:
                self.off_reasons[NOTIFICATIONS_CHECK] = str(exc)
        if platform == "win32":
            try:
                self._presentation = PresentationModeCheck()
            except CheckOff as exc:
                self.off_reasons[PRESENTATION_CHECK] = str(exc)
        else:
            self.off_reasons[PRESENTATION_CHECK] = "Windows only"

    def blocked_by(self) -> str | None:
        return first_block(self._is_fullscreen(), self._notifications_inhibited(), self._presenting())

    def status(self) -> dict[str, str]:
        """One line per check: "on", "off: <why>", or "on, last read failed: <why>"."""
        lines = {name: f"off: {reason}" for name, reason in self.off_reasons.items()}
        if self._fullscreen is not None:
            lines[FULLSCREEN_CHECK] = "on"
        if self._notifications is not None:
            error = self._notifications.last_error
            lines[NOTIFICATIONS_CHECK] = "on" if error is None else f"on, last read failed: {error}"
        if self._presentation is not None:
            lines[PRESENTATION_CHECK] = "on"
        return {name: lines[name] for name in CHECKS}

    def close(self) -> None:
        if self._fullscreen is not None:
            self._fullscreen.close()
        if self._notifications is not None:
            self._notifications.close()

    def _is_fullscreen(self) -> bool:
        if self._fullscreen is None:
            return False
        try:
            return self._fullscreen.fullscreen()
        except CheckOff as exc:
            self._fullscreen.close()
            self._fullscreen = None
            self.off_reasons[FULLSCREEN_CHECK] = str(exc)
            return False

    def _notifications_inhibited(self) -> bool:
        return self._notifications is not None and self._notifications.refresh()

    def _presenting(self) -> bool:
        return self._presentation is not None and self._presentation.presenting()


def _session_bus(bus: QDBusConnection | None) -> QDBusConnection:
    if bus is not None:
        return bus
    from PySide6.QtDBus import QDBusConnection

    return QDBusConnection.sessionBus()
