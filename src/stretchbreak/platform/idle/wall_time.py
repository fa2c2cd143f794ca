"""The fallback when no backend can see input: idle is always zero.

With it, a natural break cannot be detected, so sitting time is simply wall time since the app started or the
last stretch; reminders still come, just without the "you already got up" credit.
"""

from __future__ import annotations


class WallTimeIdleSource:
    name = "wall-time"

    def idle_seconds(self) -> float:
        return 0.0
