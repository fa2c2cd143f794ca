"""QtSpeaker on Qt's text-to-speech: the engine runs in its own process, found and configured there, silent
with a reason when it cannot speak or does not answer, never raising, and nothing loaded until it is used.

These tests use Qt's own test engine ("mock", shipped with PySide6), never a real one, so they pass alike
on machines with and without speech-dispatcher.
"""

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from stretchbreak.core.settings import VoiceSettings
from stretchbreak.ui import speech_engine
from stretchbreak.ui.speech import QtSpeaker, SilentSpeaker
from stretchbreak.ui.speech_engine import TEST_ENGINE, SpeechHost
from tests.ui.conftest import AUDIO_STACK_NOISE

SILENT_PROCESS = [sys.executable, "-c", "import time; time.sleep(60)"]


@pytest.fixture
def speakers() -> Iterator[list[QtSpeaker]]:
    made: list[QtSpeaker] = []
    yield made
    for voice in made:
        voice.shutdown()


@pytest.fixture
def locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(before)


def speaker(made: list[QtSpeaker], **kwargs: Any) -> QtSpeaker:
    voice = QtSpeaker(VoiceSettings(enabled=True), **kwargs)
    made.append(voice)
    return voice


def wait_until_known(qtbot: QtBot, voice: QtSpeaker) -> None:
    with qtbot.waitCallback(timeout=20000) as known:
        voice.when_ready(known)


def test_the_test_engine_is_found_configured_and_lists_its_voices(
    qtbot: QtBot, speakers: list[QtSpeaker], locale: None
) -> None:
    voice = speaker(speakers, engines=(TEST_ENGINE,))
    assert voice.reason.startswith("Looking for a speech engine")
    wait_until_known(qtbot, voice)
    assert voice.available and voice.reason == ""
    assert voice.voices()
    voice.say("Kneel on your left knee.")
    voice.stop()
    chosen = voice.voices()[-1]
    with qtbot.waitSignal(voice.changed, timeout=20000):
        voice.apply(VoiceSettings(enabled=True, rate=-5, volume=40, voice=chosen))
    assert voice.available and voice.settings.voice == chosen


def test_no_voice_for_the_language_means_silence_with_a_reason(qtbot: QtBot, speakers: list[QtSpeaker]) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        voice = speaker(speakers, engines=(TEST_ENGINE,))
        wait_until_known(qtbot, voice)
    finally:
        QLocale.setDefault(before)
    assert not voice.available
    assert "no voice for" in voice.reason and "中文" in voice.reason
    assert voice.voices() == []


def test_a_missing_engine_means_silence_with_a_reason_that_says_what_to_install(
    qtbot: QtBot, speakers: list[QtSpeaker]
) -> None:
    voice = speaker(speakers, engines=("no-such-engine",))
    voice.say("Hello")
    wait_until_known(qtbot, voice)
    assert not voice.available
    assert "No speech engine is installed" in voice.reason and "espeak-ng" in voice.reason
    voice.say("nothing is started again for this")
    assert voice._process is None


def test_an_engine_that_does_not_answer_is_given_up_on(qtbot: QtBot, speakers: list[QtSpeaker]) -> None:
    voice = speaker(speakers, command=SILENT_PROCESS, answer_timeout_ms=300)
    voice.say("Hello")
    wait_until_known(qtbot, voice)
    assert not voice.available and "does not answer" in voice.reason
    assert voice._process is None


def test_an_engine_that_dies_is_reported(qtbot: QtBot, speakers: list[QtSpeaker]) -> None:
    voice = speaker(speakers, command=[sys.executable, "-c", "raise SystemExit(3)"])
    wait_until_known(qtbot, voice)
    assert not voice.available and "exit code 3" in voice.reason


def test_an_engine_that_cannot_start_is_reported(qtbot: QtBot, speakers: list[QtSpeaker]) -> None:
    voice = speaker(speakers, command=["/nonexistent/python"])
    wait_until_known(qtbot, voice)
    assert not voice.available and "could not be started" in voice.reason


def test_with_guidance_off_saying_starts_nothing(speakers: list[QtSpeaker]) -> None:
    voice = QtSpeaker(VoiceSettings(enabled=False), engines=(TEST_ENGINE,))
    speakers.append(voice)
    voice.say("Kneel on your left knee.")
    voice.stop()
    assert voice._process is None


def test_the_silent_speaker_answers_at_once() -> None:
    silent = SilentSpeaker()
    called: list[bool] = []
    silent.when_ready(lambda: called.append(True))
    assert called == [True]
    assert not silent.available and silent.reason


# ---- the engine's side, in this process -----------------------------------------------------------------

@pytest.mark.qt_log_ignore(*AUDIO_STACK_NOISE)
def test_the_host_reports_an_exception_instead_of_raising(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object) -> None:
        raise RuntimeError("the speech daemon went away")

    monkeypatch.setattr(SpeechHost, "_configure", explode)
    host = SpeechHost()
    status = host.configure({"engines": [TEST_ENGINE], "locale": "en_US"})
    assert status["available"] is False and "the speech daemon went away" in status["detail"]
    host.say("no exception")
    host.stop()


@pytest.mark.qt_log_ignore(*AUDIO_STACK_NOISE)
def test_the_host_leaves_qt_s_test_engine_alone_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: [TEST_ENGINE]))
    assert SpeechHost().configure({"engines": None, "locale": "en_US"})["code"] == speech_engine.NO_ENGINE


def test_the_engine_process_answers_a_configuration_with_a_status_line() -> None:
    commands = '{"configure": {"engines": ["mock"], "locale": "en_US", "rate": 2, "volume": 50, "voice": ""}}\n' \
               'not json\n{"say": "Hello"}\n{"stop": true}\n'
    result = subprocess.run([sys.executable, "-m", "stretchbreak.ui.speech_engine"], input=commands,
                            capture_output=True, text=True, timeout=60, check=True)
    [line] = result.stdout.splitlines()
    assert '"available": true' in line and '"voices": [' in line


def test_importing_the_windows_loads_neither_text_to_speech_nor_multimedia() -> None:
    # A fresh interpreter: what the tray app loads at start-up, before anyone asks for a voice or a sound.
    code = ("import sys, stretchbreak.ui.stretch_window, stretchbreak.ui.settings_dialog, stretchbreak.ui.speech, "
            "stretchbreak.ui.sound; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6.QtTextToSpeech', "
            "'PySide6.QtMultimedia'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
