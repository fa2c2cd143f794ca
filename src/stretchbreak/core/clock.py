"""The seam for time: wall-clock `now()`, an awake-time `monotonic()` and a `boottime()` that counts sleep.

On Linux CLOCK_MONOTONIC stops while the machine is suspended and CLOCK_BOOTTIME does not, so the
difference between them is exactly the time spent asleep, and neither moves when the wall clock jumps.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Local wall-clock time, timezone-aware."""
        ...

    def monotonic(self) -> float:
        """Seconds on a counter that never jumps backwards; only differences mean anything."""
        ...

    def boottime(self) -> float:
        """Like monotonic(), but it keeps counting while the machine sleeps (where the OS can tell)."""
        ...


_BOOTTIME: int | None = getattr(time, "CLOCK_BOOTTIME", None)


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()

    def boottime(self) -> float:
        return time.clock_gettime(_BOOTTIME) if _BOOTTIME is not None else time.monotonic()


class FakeClock:
    """A clock that moves only when told to. Wall and monotonic time can be moved together or apart."""

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._wall = start or datetime(2026, 3, 2, 9, 0).astimezone()
        self._mono = monotonic_start
        self._slept = 0.0

    def now(self) -> datetime:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def boottime(self) -> float:
        return self._mono + self._slept

    def advance(self, seconds: float) -> None:
        """Time passes normally: both clocks move."""
        self._mono += seconds
        self._wall = self._wall_plus(seconds)

    def _wall_plus(self, seconds: float) -> datetime:
        # Elapsed time, not clock-face arithmetic: across a DST change in a ZoneInfo zone they differ by an hour.
        return (self._wall.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(self._wall.tzinfo)

    def suspend(self, seconds: float) -> None:
        """The machine sleeps: wall and boot time move on, awake (monotonic) time stands still."""
        self._slept += seconds
        self._wall = self._wall_plus(seconds)

    def jump_wall(self, seconds: float) -> None:
        """Only the wall clock moves (a manual change, a DST shift)."""
        self._wall = self._wall_plus(seconds)
