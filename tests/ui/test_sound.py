"""The sound cues: loaded ahead, played at the chosen volume, and silent without an audio device or when the
audio system fails. The effects are fakes: what QSoundEffect does with a real device is Qt's business."""

import wave
from pathlib import Path

import pytest

from stretchbreak.paths import assets_dir
from stretchbreak.ui.sound import CUES, SoundCuePlayer, effect_volume


class FakeEffect:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.volume: float | None = None
        self.plays = 0

    def setVolume(self, volume: float) -> None:
        self.volume = volume

    def play(self) -> None:
        self.plays += 1


class Effects:
    def __init__(self) -> None:
        self.made: dict[str, FakeEffect] = {}

    def __call__(self, path: Path) -> FakeEffect:
        effect = FakeEffect(path)
        self.made[path.stem] = effect
        return effect


def player(effects: Effects, *, volume: int = 60, enabled: bool = True, has_output: bool = True) -> SoundCuePlayer:
    return SoundCuePlayer(assets_dir() / "sounds", enabled, volume, new_effect=effects,
                          has_output=lambda: has_output)


def test_prepare_loads_every_cue_at_the_chosen_volume_and_play_plays_one() -> None:
    effects = Effects()
    cues = player(effects, volume=50)
    cues.prepare()
    assert sorted(effects.made) == sorted(CUES)
    assert all(e.volume == pytest.approx(0.25) for e in effects.made.values())
    cues.play("hold-end")
    assert [name for name, e in effects.made.items() if e.plays] == ["hold-end"]


def test_changing_the_volume_reaches_the_loaded_cues() -> None:
    effects = Effects()
    cues = player(effects)
    cues.play("hold-start")
    cues.volume = 100
    assert all(e.volume == 1.0 for e in effects.made.values())
    cues.volume = 0
    assert all(e.volume == 0.0 for e in effects.made.values())


def test_switched_off_nothing_is_loaded_or_played() -> None:
    effects = Effects()
    cues = player(effects, enabled=False)
    cues.prepare()
    cues.play("finished")
    assert effects.made == {}


def test_without_an_audio_output_it_stays_silent_and_loads_nothing() -> None:
    effects = Effects()
    cues = player(effects, has_output=False)
    cues.play("hold-start")
    assert effects.made == {}
    assert cues.silent_reason == "no audio output"


def test_a_failing_audio_system_means_silence_from_then_on(caplog: pytest.LogCaptureFixture) -> None:
    def broken(path: Path) -> FakeEffect:
        raise RuntimeError("no audio backend")

    cues = SoundCuePlayer(assets_dir() / "sounds", new_effect=broken, has_output=lambda: True)
    cues.play("hold-start")
    cues.play("finished")
    assert cues.silent_reason == "no audio output"
    assert [r.message for r in caplog.records].count(
        "sound cues are off: the audio system could not load the cues") == 1


@pytest.mark.parametrize(("percent", "linear"), [(0, 0.0), (50, 0.25), (100, 1.0), (150, 1.0), (-5, 0.0)])
def test_the_volume_slider_is_spread_for_the_ear(percent: int, linear: float) -> None:
    assert effect_volume(percent) == pytest.approx(linear)


@pytest.mark.parametrize("cue", CUES)
def test_the_shipped_cues_are_short_mono_wav_files(cue: str) -> None:
    with wave.open(str(assets_dir() / "sounds" / f"{cue}.wav")) as sound:
        seconds = sound.getnframes() / sound.getframerate()
        assert sound.getnchannels() == 1 and sound.getsampwidth() == 2
    assert 0.1 < seconds < 1.5
