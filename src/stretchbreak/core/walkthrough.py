"""The guided walkthrough of one stretch: which step is showing, and its hold countdown.

The countdown is a monotonic deadline, not a count of timer ticks, so a late or missed tick never
stretches a hold: whoever asks gets the true remaining time. The UI calls `tick()` whenever it likes;
a hold that has run out advances to the next step exactly once.
"""

from __future__ import annotations

from enum import Enum

from stretchbreak.core.clock import Clock
from stretchbreak.core.stretches import Step, Stretch


class HoldCountdown:
    def __init__(self, clock: Clock, seconds: float) -> None:
        self._clock = clock
        self.duration = float(seconds)
        self._deadline = clock.monotonic() + self.duration
        self._remaining_when_paused: float | None = None

    @property
    def paused(self) -> bool:
        return self._remaining_when_paused is not None

    def remaining(self) -> float:
        if self._remaining_when_paused is not None:
            return self._remaining_when_paused
        return max(0.0, self._deadline - self._clock.monotonic())

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def pause(self) -> None:
        if self._remaining_when_paused is None:
            self._remaining_when_paused = self.remaining()

    def resume(self) -> None:
        if self._remaining_when_paused is not None:
            self._deadline = self._clock.monotonic() + self._remaining_when_paused
            self._remaining_when_paused = None


class TickResult(Enum):
    NOTHING = "nothing"
    ADVANCED = "advanced"
    FINISHED = "finished"


class Walkthrough:
    """Steps through a stretch. Holds start when their step is entered and auto-advance when they end."""

    def __init__(self, stretch: Stretch, clock: Clock) -> None:
        self.stretch = stretch
        self._clock = clock
        self.index = 0
        self.finished = False
        self.hold: HoldCountdown | None = None
        self._user_paused = False
        self._enter_step()

    @property
    def step(self) -> Step:
        return self.stretch.steps[self.index]

    @property
    def total(self) -> int:
        return len(self.stretch.steps)

    @property
    def is_last(self) -> bool:
        return self.index == self.total - 1

    @property
    def paused(self) -> bool:
        return self._user_paused

    def _enter_step(self) -> None:
        seconds = self.step.hold_seconds
        self.hold = HoldCountdown(self._clock, seconds) if seconds else None
        if self.hold is not None and self._user_paused:
            self.hold.pause()

    def go_to(self, index: int) -> None:
        if self.finished:
            return
        self.index = max(0, min(index, self.total - 1))
        self._enter_step()

    def next(self) -> TickResult:
        """Move on; on the last step this finishes the stretch."""
        if self.finished:
            return TickResult.NOTHING
        if self.is_last:
            self.finished = True
            self.hold = None
            return TickResult.FINISHED
        self.go_to(self.index + 1)
        return TickResult.ADVANCED

    def back(self) -> None:
        self.go_to(self.index - 1)

    def restart_hold(self) -> None:
        self._enter_step()

    def pause(self) -> None:
        self._user_paused = True
        if self.hold is not None:
            self.hold.pause()

    def resume(self) -> None:
        self._user_paused = False
        if self.hold is not None:
            self.hold.resume()

    def toggle_pause(self) -> None:
        if self._user_paused:
            self.resume()
        else:
            self.pause()

    def tick(self) -> TickResult:
        """Advance if the current hold has run out; otherwise nothing."""
        if self.finished or self.hold is None or self.hold.paused or not self.hold.expired:
            return TickResult.NOTHING
        return self.next()
