"""The seam for time: wall-clock `now()` and a `monotonic()` counter, real or fake."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Local wall-clock time, timezone-aware."""
        ...

    def monotonic(self) -> float:
        """Seconds on a counter that never jumps backwards; only differences mean anything."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to. Wall and monotonic time can be moved together or apart."""

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._wall = start or datetime(2026, 3, 2, 9, 0).astimezone()
        self._mono = monotonic_start

    def now(self) -> datetime:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        """Time passes normally: both clocks move."""
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Only the wall clock moves (a manual change, a DST shift)."""
        self._wall += timedelta(seconds=seconds)
