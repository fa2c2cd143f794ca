"""Short sound cues. QtMultimedia is imported on first use only, and any failure means silence."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

CUES = ("hold-start", "hold-end", "finished")


class CuePlayer(Protocol):
    def play(self, cue: str) -> None: ...


class SilentPlayer:
    def play(self, cue: str) -> None:
        pass


class SoundCuePlayer:
    """Plays assets/sounds/<cue>.wav through QSoundEffect; `enabled` is read at every cue."""

    def __init__(self, sounds_dir: Path, enabled: bool = True) -> None:
        self._dir = sounds_dir
        self.enabled = enabled
        self._effects: dict[str, Any] = {}
        self._broken = False

    def play(self, cue: str) -> None:
        if not self.enabled or self._broken:
            return
        try:
            effect = self._effects.get(cue) or self._load(cue)
            effect.play()
        except Exception:  # a missing audio stack must never break a stretch
            self._broken = True
            log.warning("sound cues are off: the audio system could not play %s", cue, exc_info=True)

    def _load(self, cue: str) -> Any:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QSoundEffect

        effect = QSoundEffect()
        effect.setSource(QUrl.fromLocalFile(str(self._dir / f"{cue}.wav")))
        effect.setVolume(0.6)
        self._effects[cue] = effect
        return effect
