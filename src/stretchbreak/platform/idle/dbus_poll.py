"""Idle time from a D-Bus method that answers in milliseconds, read without ever blocking the GUI thread.

Construction makes one blocking probe with a short timeout, so a missing or broken service is found at
start-up. After that every `idle_seconds()` returns the latest answer at once and sends the next call
asynchronously (one at a time); the reply arrives through the Qt event loop.

The latest answer can be up to one poll old; `IdleExtrapolator` says how it is carried forward.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

from stretchbreak.platform.idle.base import IdleUnavailable
from stretchbreak.platform.idle.extrapolate import IdleExtrapolator

PROBE_TIMEOUT_MS = 500
CALL_TIMEOUT_MS = 2000
FAILURES_BEFORE_GIVING_UP = 3
"""Consecutive failed replies; one slow reply from a busy compositor is not a dead service."""


def idle_from_reply(reply: QDBusMessage) -> float:
    """Seconds from a reply carrying one unsigned millisecond count; ValueError names what is wrong."""
    if reply.type() == QDBusMessage.MessageType.ErrorMessage:
        raise ValueError(f"{reply.errorName()}: {reply.errorMessage()}")
    arguments = reply.arguments()
    if len(arguments) != 1 or not isinstance(arguments[0], int) or isinstance(arguments[0], bool):
        raise ValueError(f"unexpected reply {arguments!r}")
    milliseconds: int = arguments[0]
    if milliseconds < 0:
        raise ValueError(f"negative idle time {milliseconds}")
    return milliseconds / 1000.0


class DBusIdlePoller:
    """One D-Bus idle method, polled as described in the module docstring. Needs a QCoreApplication."""

    def __init__(self, name: str, bus: QDBusConnection, service: str, path: str, interface: str, method: str,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self._bus = bus
        self._monotonic = monotonic
        self._what = f"{service} {interface}.{method}"
        if QCoreApplication.instance() is None:
            raise IdleUnavailable(f"{self._what} needs a running Qt application for its replies")
        if not bus.isConnected():
            raise IdleUnavailable(f"no D-Bus bus for {self._what}: {bus.lastError().message()}")
        self._message = QDBusMessage.createMethodCall(service, path, interface, method)
        self._message.setAutoStartService(False)
        self._extrapolator = IdleExtrapolator()
        self._watcher: QDBusPendingCallWatcher | None = None
        self._failures = 0
        self._closed = False
        self.last_error: str | None = None
        try:
            idle = idle_from_reply(bus.call(self._message, QDBus.CallMode.Block, PROBE_TIMEOUT_MS))
        except ValueError as exc:
            raise IdleUnavailable(f"{self._what} failed: {exc}") from exc
        self._extrapolator.record(idle, self._monotonic())

    def idle_seconds(self) -> float:
        if self._closed:
            raise IdleUnavailable(f"{self._what} was closed")
        if self._failures >= FAILURES_BEFORE_GIVING_UP:
            raise IdleUnavailable(f"{self._what} stopped answering: {self.last_error}")
        self._send()
        return self._extrapolator.estimate(self._monotonic())

    def close(self) -> None:
        """Drop any call in flight; the source answers no more after this."""
        self._closed = True
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None

    @property
    def call_in_flight(self) -> bool:
        return self._watcher is not None

    def _send(self) -> None:
        if self._watcher is not None:
            return
        self._watcher = QDBusPendingCallWatcher(self._bus.asyncCall(self._message, CALL_TIMEOUT_MS), None)
        self._watcher.finished.connect(self._on_reply)

    def _on_reply(self, watcher: QDBusPendingCallWatcher) -> None:
        if watcher is not self._watcher:
            return
        self._watcher = None
        watcher.deleteLater()
        try:
            idle = idle_from_reply(watcher.reply())
        except ValueError as exc:
            self._failures += 1
            self.last_error = str(exc)
            return
        self._failures = 0
        self.last_error = None
        self._extrapolator.record(idle, self._monotonic())
