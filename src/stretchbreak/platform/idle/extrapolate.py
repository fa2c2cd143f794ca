"""IdleExtrapolator: an idle estimate for "now" from the latest timed reading of a slower, asynchronous source.

If the last two readings show the idle time grew by all the time between them (no input in between, so the
user is probably still away), the estimate adds the time since the last reading. Otherwise it is the last
reading as is, which is small anyway because input was recent, and at most one poll old.
"""

from __future__ import annotations

GROWTH_TOLERANCE_SECONDS = 0.5
"""Slack between the service's clock and ours when deciding whether idle grew by all the elapsed time."""


class IdleExtrapolator:
    """Turns timed idle readings into an estimate for any later moment (see the module docstring)."""

    def __init__(self) -> None:
        self._idle: float | None = None
        self._measured_at = 0.0
        self._growing = False

    @property
    def growing(self) -> bool:
        return self._growing

    def record(self, idle_seconds: float, measured_at: float) -> None:
        if self._idle is not None:
            elapsed = measured_at - self._measured_at
            grew = idle_seconds - self._idle
            self._growing = elapsed - grew <= GROWTH_TOLERANCE_SECONDS
        self._idle = idle_seconds
        self._measured_at = measured_at

    def estimate(self, now: float) -> float:
        if self._idle is None:
            return 0.0
        if self._growing:
            return self._idle + max(0.0, now - self._measured_at)
        return self._idle
