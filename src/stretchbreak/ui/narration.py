"""What the voice says during a stretch, and when: each step's text as the step starts ("Switch sides"
first when the side changes), the last seconds of a hold counted down ("3", "2", "1"), and "Well done".

The stretch window reports what happens; the narrator decides the words and hands them to a Speaker.
"""

from __future__ import annotations

from stretchbreak.ui.speech import Speaker
from stretchbreak.ui.wording import translate

COUNTDOWN = (3, 2, 1)


class Narrator:
    def __init__(self, speaker: Speaker) -> None:
        self._speaker = speaker
        self._side: str | None = None
        self._counted: set[int] = set(COUNTDOWN)

    def begin(self) -> None:
        """A new stretch: no side yet."""
        self._speaker.stop()
        self._side = None

    def step_started(self, text: str, side: str | None, hold_seconds: float | None) -> None:
        # What was still being said belongs to the step the user just left.
        self._speaker.stop()
        if side is not None:
            if self._side is not None and side != self._side:
                self._speaker.say(translate("Narration", "Switch sides"))
            self._side = side
        self._speaker.say(text)
        # A hold of 3 s starts at "3": only numbers the hold is longer than are counted.
        self._counted = {n for n in COUNTDOWN if hold_seconds is None or n >= hold_seconds}

    def hold_remaining(self, seconds: float) -> None:
        """The hold has `seconds` left; count each of the last seconds once as it is reached. When several
        were passed at once (a late tick), only the lowest is said."""
        reached = [n for n in COUNTDOWN if seconds <= n and n not in self._counted]
        if reached:
            self._counted.update(reached)
            self._speaker.say(str(min(reached)))

    def finished(self) -> None:
        self._speaker.stop()
        self._speaker.say(translate("Narration", "Well done"))

    def quiet(self) -> None:
        self._speaker.stop()
