"""Fixtures for widget tests: a fake clock, a recording sound player and the built-in library."""

import pytest

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.stretches import Library, load_library
from stretchbreak.paths import assets_dir


class RecordingPlayer:
    def __init__(self) -> None:
        self.cues: list[str] = []

    def play(self, cue: str) -> None:
        self.cues.append(cue)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def player() -> RecordingPlayer:
    return RecordingPlayer()


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(assets_dir() / "stretches", None, assets_dir() / "art")
