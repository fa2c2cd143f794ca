"""Idle time on Windows: `GetLastInputInfo` against `GetTickCount64`, through ctypes.

Importable anywhere; only the constructor loads user32/kernel32, and only on Windows.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from stretchbreak.platform.idle.base import IdleUnavailable

_TICK_MASK = 0xFFFFFFFF


class LastInputInfo(ctypes.Structure):
    _fields_ = (("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32))


def idle_milliseconds(tick_count64: int, last_input_tick32: int) -> int:
    """Milliseconds between the last input and now.

    GetLastInputInfo reports a 32-bit tick count that wraps every 49.7 days, so the difference is taken
    modulo 2**32 against the low 32 bits of the 64-bit count.
    """
    return ((tick_count64 & _TICK_MASK) - last_input_tick32) & _TICK_MASK


class WindowsIdleSource:
    name = "windows"
    _get_last_input_info: Callable[[Any], int]
    _get_tick_count64: Callable[[], int]

    def __init__(self) -> None:
        if sys.platform != "win32":
            raise IdleUnavailable("GetLastInputInfo exists only on Windows")
        # Own WinDLL instances, so setting argtypes/restype cannot clash with other users of ctypes.windll.
        user32 = ctypes.WinDLL("user32")
        kernel32 = ctypes.WinDLL("kernel32")
        user32.GetLastInputInfo.argtypes = (ctypes.POINTER(LastInputInfo),)
        user32.GetLastInputInfo.restype = ctypes.c_int
        kernel32.GetTickCount64.argtypes = ()
        kernel32.GetTickCount64.restype = ctypes.c_uint64
        self._get_last_input_info = user32.GetLastInputInfo
        self._get_tick_count64 = kernel32.GetTickCount64

    def idle_seconds(self) -> float:
        info = LastInputInfo(cbSize=ctypes.sizeof(LastInputInfo), dwTime=0)
        if not self._get_last_input_info(ctypes.byref(info)):
            raise IdleUnavailable("GetLastInputInfo failed")
        return idle_milliseconds(self._get_tick_count64(), info.dwTime) / 1000.0
