"""Idle time on macOS: CoreGraphics `CGEventSourceSecondsSinceLastEventType`, through ctypes.

Importable anywhere; only the constructor loads CoreGraphics, and only on macOS. Needs no accessibility
permission: it reads the combined session state, not the events themselves.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from stretchbreak.platform.idle.base import IdleUnavailable

CORE_GRAPHICS = "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics"
COMBINED_SESSION_STATE = 0  # kCGEventSourceStateCombinedSessionState
ANY_INPUT_EVENT = 0xFFFFFFFF  # kCGAnyInputEventType


class MacIdleSource:
    name = "macos"
    _seconds_since_last_event: Callable[[int, int], float]

    def __init__(self) -> None:
        if sys.platform != "darwin":
            raise IdleUnavailable("CGEventSourceSecondsSinceLastEventType exists only on macOS")
        try:
            core_graphics = ctypes.CDLL(CORE_GRAPHICS)
        except OSError as exc:
            raise IdleUnavailable(f"cannot load CoreGraphics: {exc}") from exc
        function = core_graphics.CGEventSourceSecondsSinceLastEventType
        function.argtypes = (ctypes.c_int32, ctypes.c_uint32)
        function.restype = ctypes.c_double
        self._seconds_since_last_event = function

    def idle_seconds(self) -> float:
        seconds = float(self._seconds_since_last_event(COMBINED_SESSION_STATE, ANY_INPUT_EVENT))
        if seconds < 0:
            raise IdleUnavailable(f"CoreGraphics reported a negative idle time ({seconds})")
        return seconds
