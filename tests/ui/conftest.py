"""Fixtures for widget tests: English as the app installs it, a fake clock, a recording sound player, a
recording speaker and the built-in library."""

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.settings import VoiceSettings
from stretchbreak.core.stretches import Library, load_library
from stretchbreak.i18n import install_translator
from stretchbreak.paths import assets_dir


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> str:
    """The translators the app installs for English: they hold its plural forms ("1 day", "2 days")."""
    return install_translator(qapp, "en")


class RecordingPlayer:
    def __init__(self) -> None:
        self.cues: list[str] = []
        self.prepared = 0

    def prepare(self) -> None:
        self.prepared += 1

    def play(self, cue: str) -> None:
        self.cues.append(cue)


AUDIO_STACK_NOISE = (
    r"^Couldn't (load|resolve) .+ (library|symbols)$",
    r"^PulseAudioService: ",
    r"^Using Qt multimedia with FFmpeg",
)
"""What QtMultimedia (which QtTextToSpeech loads) says on a machine without PipeWire, VA-API or a sound server."""


class FakeSpeaker:
    """Records what it is asked to say; `stops` counts the interruptions."""

    def __init__(self, available: bool = True, voices: tuple[str, ...] = ("Anne", "Bob")) -> None:
        self.said: list[str] = []
        self.stops = 0
        self.previews: list[tuple[str, VoiceSettings]] = []
        self.applied: list[VoiceSettings] = []
        self.settings = VoiceSettings()
        self._available = available
        self._voices = list(voices)

    @property
    def available(self) -> bool:
        return self._available

    @property
    def reason(self) -> str:
        return "" if self._available else "No speech engine is installed."

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        self.stops += 1

    def voices(self) -> list[str]:
        return list(self._voices) if self._available else []

    def apply(self, settings: VoiceSettings) -> None:
        self.applied.append(settings)
        self.settings = settings

    def preview(self, text: str, settings: VoiceSettings) -> None:
        self.previews.append((text, settings))

    def when_ready(self, callback: Callable[[], None]) -> None:
        callback()


@pytest.fixture
def speaker() -> FakeSpeaker:
    return FakeSpeaker()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def player() -> RecordingPlayer:
    return RecordingPlayer()


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(assets_dir() / "stretches", None, assets_dir() / "art")
