"""Spoken guidance in the stretch window: exactly what is said during a whole stretch, and a stretch that
completes with speech unavailable."""

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from stretchbreak.core.clock import FakeClock
from stretchbreak.core.settings import VoiceSettings
from stretchbreak.core.stretches import Library, Step, Stretch
from stretchbreak.ui.narration import Narrator
from stretchbreak.ui.speech import QtSpeaker
from stretchbreak.ui.stretch_window import StretchWindow
from tests.ui.conftest import AUDIO_STACK_NOISE, FakeSpeaker, RecordingPlayer


@pytest.fixture
def window(qtbot: QtBot, library: Library, clock: FakeClock, player: RecordingPlayer,
           speaker: FakeSpeaker) -> StretchWindow:
    win = StretchWindow(library, clock, player, speech=speaker)
    win.ask_comfort = False
    qtbot.addWidget(win)
    return win


def count_down(qtbot: QtBot, window: StretchWindow, clock: FakeClock, speaker: FakeSpeaker, hold: float) -> None:
    """Let a hold of `hold` seconds run out a second at a time, as the ticking window sees it."""
    clock.advance(hold - 2.5)
    for number in ("3", "2", "1"):
        qtbot.waitUntil(lambda n=number: speaker.said[-1] == n)  # type: ignore[misc]
        clock.advance(1)
    with qtbot.waitSignal(window.step_changed):
        clock.advance(0.5)


def test_a_whole_stretch_is_spoken_step_by_step_with_countdowns_sides_and_well_done(
    qtbot: QtBot, window: StretchWindow, library: Library, clock: FakeClock, speaker: FakeSpeaker
) -> None:
    stretch = library.stretches["hip-flexor-release"]
    steps = [step.text for step in stretch.steps]
    window.start(stretch, take_focus=True)
    qtbot.waitExposed(window)
    window.next()
    window.next()
    count_down(qtbot, window, clock, speaker, 30)
    window.next()
    window.next()
    count_down(qtbot, window, clock, speaker, 30)
    with qtbot.waitSignal(window.ended) as ended:
        window.next()
    assert ended.args[0] == "completed"
    assert speaker.said == [
        steps[0], steps[1], steps[2], "3", "2", "1",
        "Switch sides", steps[3], steps[4], steps[5], "3", "2", "1",
        steps[6], "Well done",
    ]


def test_going_back_across_sides_says_switch_sides_and_a_new_step_interrupts_the_last(
    qtbot: QtBot, window: StretchWindow, library: Library, speaker: FakeSpeaker
) -> None:
    stretch = library.stretches["hip-flexor-release"]
    window.start(stretch, take_focus=True)
    window.next()
    window.next()
    stops_before = speaker.stops
    window.next()
    assert speaker.said[-2:] == ["Switch sides", stretch.steps[3].text]
    window.back()
    assert speaker.said[-2:] == ["Switch sides", stretch.steps[2].text]
    assert speaker.stops == stops_before + 2


def test_skipping_stops_the_voice_at_once(qtbot: QtBot, window: StretchWindow, library: Library,
                                          speaker: FakeSpeaker) -> None:
    window.start(library.stretches["cobra-low"], take_focus=True)
    stops = speaker.stops
    with qtbot.waitSignal(window.ended):
        window.skip()
    assert speaker.stops > stops
    assert speaker.said == [library.stretches["cobra-low"].steps[0].text]


@pytest.mark.parametrize(("remaining", "said"), [
    ([2.9, 1.9, 0.9], ["3", "2", "1"]),
    ([2.5, 2.4, 2.0, 1.2], ["3", "2"]),
    ([0.4], ["1"]),  # a late tick passed all three: only the last one is worth saying
    ([5.0, 3.0001], []),
])
def test_the_countdown_says_each_of_the_last_three_seconds_once(remaining: list[float], said: list[str]) -> None:
    speaker = FakeSpeaker()
    narrator = Narrator(speaker)
    narrator.step_started("Hold it.", None, 30)
    for seconds in remaining:
        narrator.hold_remaining(seconds)
    assert speaker.said[1:] == said


def test_a_short_hold_counts_only_the_numbers_it_is_longer_than() -> None:
    speaker = FakeSpeaker()
    narrator = Narrator(speaker)
    narrator.step_started("Hold it.", None, 3)
    narrator.hold_remaining(3.0)
    narrator.hold_remaining(1.9)
    narrator.hold_remaining(0.9)
    assert speaker.said == ["Hold it.", "2", "1"]


def test_a_step_without_a_side_keeps_the_last_side() -> None:
    speaker = FakeSpeaker()
    narrator = Narrator(speaker)
    narrator.begin()
    for text, side in (("a", "left"), ("b", None), ("c", "left"), ("d", "right")):
        narrator.step_started(text, side, None)
    assert speaker.said == ["a", "b", "c", "Switch sides", "d"]


HOLD_STRETCH = Stretch(
    "held", "Held stretch", "A test.", "lower back", "Stop if it hurts.",
    (Step("Get ready.", side="left"), Step("Hold it.", hold_seconds=5, side="right"), Step("Come out slowly.")),
    "reverse-stretch.svg",
)


@pytest.fixture
def unavailable_speaker(qtbot: QtBot) -> Iterator[QtSpeaker]:
    voice = QtSpeaker(VoiceSettings(enabled=True), engines=("no-such-engine",))
    yield voice
    voice.shutdown()


@pytest.mark.qt_log_ignore(*AUDIO_STACK_NOISE)
def test_with_no_speech_engine_the_window_completes_the_stretch_in_silence(
    qtbot: QtBot, library: Library, clock: FakeClock, unavailable_speaker: QtSpeaker
) -> None:
    window = StretchWindow(library, clock, speech=unavailable_speaker)
    window.ask_comfort = False
    qtbot.addWidget(window)
    window.start(HOLD_STRETCH, take_focus=True)
    qtbot.waitUntil(lambda: "No speech engine" in unavailable_speaker.reason)
    assert not unavailable_speaker.available
    window.next()
    with qtbot.waitSignal(window.step_changed):
        clock.advance(5)
    with qtbot.waitSignal(window.ended) as ended:
        window.next()
    assert ended.args[:2] == ["completed", "held"]
