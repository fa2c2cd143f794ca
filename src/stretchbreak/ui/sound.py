"""Short sound cues (assets/sounds/<cue>.wav) at the volume the user chose.

QtMultimedia is imported on first use only. QSoundEffect is Qt's low-latency player for short sounds; the
cues are loaded when a stretch opens (`prepare`), so the first one plays on time. No audio device, or any
failure of the audio system, means silence and one line in the log, never an error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

CUES = ("hold-start", "hold-end", "finished")


class CuePlayer(Protocol):
    def prepare(self) -> None:
        """Get ready to play without delay; called when a stretch window opens."""
        ...

    def play(self, cue: str) -> None: ...


class SilentPlayer:
    def prepare(self) -> None:
        pass

    def play(self, cue: str) -> None:
        pass


def effect_volume(percent: int) -> float:
    """QSoundEffect's linear volume for a 0-100 slider position. Loudness is heard logarithmically, so a
    linear slider would crowd all the audible change into its lowest quarter; squaring spreads it out."""
    fraction = max(0, min(100, percent)) / 100
    return fraction * fraction


def _new_effect(path: Path) -> Any:
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QSoundEffect

    effect = QSoundEffect()
    effect.setSource(QUrl.fromLocalFile(str(path)))
    return effect


def _has_audio_output() -> bool:
    from PySide6.QtMultimedia import QMediaDevices

    return not QMediaDevices.defaultAudioOutput().isNull()


class SoundCuePlayer:
    """Plays the cues through QSoundEffect; `enabled` and `volume` (0-100) may change at any time."""

    def __init__(self, sounds_dir: Path, enabled: bool = True, volume: int = 60, *,
                 new_effect: Callable[[Path], Any] = _new_effect,
                 has_output: Callable[[], bool] = _has_audio_output) -> None:
        self._dir = sounds_dir
        self.enabled = enabled
        self._volume = volume
        self._new_effect = new_effect
        self._has_output = has_output
        self._effects: dict[str, Any] = {}
        self._broken = False

    @property
    def volume(self) -> int:
        return self._volume

    @volume.setter
    def volume(self, percent: int) -> None:
        self._volume = percent
        for effect in self._effects.values():
            effect.setVolume(effect_volume(percent))

    @property
    def silent_reason(self) -> str | None:
        """Why no cue can play (no audio device, a failing audio system), once known; None otherwise."""
        return "no audio output" if self._broken else None

    def prepare(self) -> None:
        if self.enabled and not self._effects:
            self._guarded("load the cues", self._load_all)

    def play(self, cue: str) -> None:
        if not self.enabled or cue not in CUES:
            return
        if not self._effects:
            self.prepare()
        effect = self._effects.get(cue)
        if effect is not None:
            self._guarded(f"play {cue}", effect.play)

    def _load_all(self) -> None:
        if not self._has_output():
            log.info("sound cues are silent: there is no audio output")
            self._broken = True
            return
        for cue in CUES:
            effect = self._new_effect(self._dir / f"{cue}.wav")
            effect.setVolume(effect_volume(self._volume))
            self._effects[cue] = effect

    def _guarded(self, what: str, action: Callable[[], object]) -> None:
        if self._broken:
            return
        try:
            action()
        except Exception:  # a missing audio stack must never break a stretch
            self._broken = True
            self._effects.clear()
            log.warning("sound cues are off: the audio system could not %s", what, exc_info=True)
