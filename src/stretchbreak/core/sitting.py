"""SittingTracker: turns idle-time samples, sleep and screen locks into continuous sitting time.

Rules:
- input keeps sitting time growing; idle shorter than `natural_break` does not reset it;
- idle of at least `natural_break` is a natural break: the user is away, and sitting time starts over
  from the moment they return;
- sleep and a locked screen are away time: at least `natural_break` of it is a natural break; a shorter
  one keeps the sitting time (the time away is not counted as sitting);
- the wall clock is never read, so manual changes and DST neither fire nor reset anything.
Sitting time runs up to the last input, so a reminder never comes due while the desk is idle; idle that
ends before a natural break is counted in as soon as the user touches the keyboard again.
Everything is measured on the clock's boottime(); sleep is the growth of boottime() over monotonic().
"""

from __future__ import annotations

from dataclasses import dataclass

from stretchbreak.core.clock import Clock

SLEEP_NOISE_SECONDS = 2.0


@dataclass(frozen=True)
class NaturalBreak:
    """A break the tracker noticed. `seconds` is known once the user is back (0 while still away)."""

    started_at: float
    seconds: float
    reason: str  # "idle", "sleep" or "locked"
    sitting_seconds: float = 0.0
    """The sitting period the break ended."""


class SittingTracker:
    def __init__(self, clock: Clock, natural_break: float) -> None:
        self._clock = clock
        self.natural_break = natural_break
        self._last_boot = clock.boottime()
        self._last_mono = clock.monotonic()
        self._sitting_since: float | None = self._last_boot
        self._last_input = self._last_boot
        self._last_sample = self._last_boot
        self._not_sitting = 0.0  # short sleeps and locks inside the current sitting period
        self._away_since: float | None = None
        self._away_reason = ""
        self._sat_before_away = 0.0
        self._locked_since: float | None = None
        self.last_idle = 0.0
        self.finished_breaks: list[NaturalBreak] = []

    # ---- what the policy reads ----------------------------------------------------------------------

    @property
    def away(self) -> bool:
        return self._sitting_since is None or self._locked_since is not None

    def sitting_seconds(self) -> float:
        if self._sitting_since is None:
            return 0.0
        return max(0.0, self._last_input - self._sitting_since - self._not_sitting)

    def take_finished_breaks(self) -> list[NaturalBreak]:
        breaks, self.finished_breaks = self.finished_breaks, []
        return breaks

    # ---- what the app feeds in ----------------------------------------------------------------------

    def sample(self, idle_seconds: float) -> None:
        """One reading of the OS idle time (seconds since the last keyboard or mouse input)."""
        boot = self._clock.boottime()
        slept = self._take_sleep(boot)
        # Time between samples that neither the sleep gap nor the idle time explains: the app itself did not
        # run (a platform whose monotonic clock counts sleep, a stopped process). Idle shorter than it means
        # the user only just came back.
        unseen = boot - self._last_sample - slept
        self._last_sample = boot
        idle = max(0.0, idle_seconds)
        self.last_idle = idle
        if self._locked_since is not None:
            return
        if self._sitting_since is not None and unseen >= self.natural_break and idle < unseen:
            self._go_away(boot - unseen, "sleep")
        self._last_input = max(self._last_input, boot - idle)
        if slept >= SLEEP_NOISE_SECONDS and self._sitting_since is not None:
            if slept >= self.natural_break:
                self._go_away(boot - slept, "sleep")
            else:
                self._not_sitting += slept
        if self._sitting_since is not None and idle >= self.natural_break:
            self._go_away(boot - idle, "idle")
        elif self._sitting_since is None and idle < self.natural_break:
            self._come_back(boot - idle)

    def set_locked(self, locked: bool) -> None:
        """The screen was locked or unlocked (or the screensaver came on or went off)."""
        boot = self._clock.boottime()
        self._take_sleep(boot)
        if locked and self._locked_since is None:
            self._locked_since = boot
        elif not locked and self._locked_since is not None:
            locked_for = boot - self._locked_since
            lock_started = self._locked_since
            self._locked_since = None
            if self._sitting_since is None:
                self._come_back(boot)
            elif locked_for >= self.natural_break:
                self._go_away(lock_started, "locked")
                self._come_back(boot)
            else:
                self._not_sitting += locked_for

    def restart(self) -> None:
        """Start a fresh sitting interval now (after a stretch, a skip, a resume, entering working hours)."""
        boot = self._clock.boottime()
        self._take_sleep(boot)
        self._sitting_since = boot
        self._last_input = boot
        self._last_sample = boot
        self._not_sitting = 0.0
        self._away_since = None

    def set_natural_break(self, seconds: float) -> None:
        self.natural_break = seconds

    # ---- internals ----------------------------------------------------------------------------------

    def _take_sleep(self, boot: float) -> float:
        mono = self._clock.monotonic()
        slept = max(0.0, (boot - self._last_boot) - (mono - self._last_mono))
        self._last_boot, self._last_mono = boot, mono
        return slept

    def _go_away(self, since: float, reason: str) -> None:
        self._sat_before_away = self.sitting_seconds()
        self._sitting_since = None
        self._not_sitting = 0.0
        self._away_since = since
        self._away_reason = reason

    def _come_back(self, at: float) -> None:
        if self._away_since is not None:
            self.finished_breaks.append(NaturalBreak(self._away_since, max(0.0, at - self._away_since),
                                                     self._away_reason, self._sat_before_away))
        self._away_since = None
        self._sitting_since = at
        self._last_input = max(self._last_input, at)
        self._not_sitting = 0.0
