"""Synthesise stretchbreak's sound cues into assets/sounds/ (standard library only).

This script owns the three WAV files in assets/sounds/; run it again to rebuild them:

    python scripts/make_sounds.py [output-folder]

hold-start.wav  a soft rising two-note chime (~0.35 s), played when a hold begins
hold-end.wav    a gentle bell-like tone with a long decay (~0.6 s), played when a hold ends
finished.wav    a short ascending major arpeggio (~0.9 s), played when the stretch is done

Every cue is a sum of sine partials with a 5 ms attack and an exponential decay, normalised to a peak of
about 0.35 of full scale, with a short fade at the end so it starts and stops without a click.
Output: 16-bit mono PCM at 44100 Hz.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path
from typing import NamedTuple

RATE = 44100
PEAK = 0.35
ATTACK = 0.005
FADE_OUT = 0.03

# A timbre: (frequency ratio, relative amplitude, decay-rate multiplier) for each partial.
Timbre = tuple[tuple[float, float, float], ...]
BELL: Timbre = ((1.0, 1.0, 1.0), (2.0, 0.32, 1.6), (3.0, 0.10, 2.4), (4.16, 0.05, 3.2))
CHIME: Timbre = ((1.0, 1.0, 1.0), (2.0, 0.22, 1.8), (3.0, 0.06, 2.8))


class Note(NamedTuple):
    freq: float  # Hz
    start: float  # seconds from the start of the cue
    decay: float  # time constant of the fundamental's exponential decay, seconds
    timbre: Timbre
    level: float = 1.0


def render(notes: list[Note], length: float) -> list[float]:
    """Mix the notes into `length` seconds of samples, normalised to PEAK, with fades at both ends."""
    count = int(RATE * length)
    out = [0.0] * count
    for freq, start, decay, partials, level in notes:
        first = int(start * RATE)
        for i in range(first, count):
            t = (i - first) / RATE
            attack = min(1.0, t / ATTACK)
            value = 0.0
            for ratio, amp, speed in partials:
                if freq * ratio >= RATE / 2:
                    continue
                value += amp * math.exp(-t * speed / decay) * math.sin(2 * math.pi * freq * ratio * t)
            out[i] += level * attack * value
    loudest = max(abs(v) for v in out) or 1.0
    fade = int(FADE_OUT * RATE)
    for i in range(count):
        gain = PEAK / loudest
        if i >= count - fade:
            gain *= 0.5 * (1 + math.cos(math.pi * (i - (count - fade)) / fade))
        out[i] *= gain
    out[0] = 0.0
    return out


def write_wav(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", max(-32767, min(32767, round(s * 32767)))) for s in samples)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(frames)


def cues() -> dict[str, list[float]]:
    """The three cues, by file name."""
    c5, e5, g5, a5, c6 = 523.25, 659.25, 783.99, 880.00, 1046.50
    return {
        # two notes a fourth apart, rising: "here we go"
        "hold-start.wav": render([Note(e5, 0.0, 0.10, CHIME, 0.8), Note(a5, 0.12, 0.09, CHIME)], 0.35),
        # a single soft bell, left to ring out
        "hold-end.wav": render([Note(g5, 0.0, 0.16, BELL)], 0.6),
        # C-E-G up to the octave, the last note ringing longest
        "finished.wav": render(
            [
                Note(c5, 0.0, 0.12, BELL, 0.8),
                Note(e5, 0.15, 0.12, BELL, 0.85),
                Note(g5, 0.30, 0.13, BELL, 0.9),
                Note(c6, 0.45, 0.16, BELL),
            ],
            0.9,
        ),
    }


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "assets" / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    for name, samples in cues().items():
        write_wav(folder / name, samples)
        print(f"{folder / name}: {len(samples) / RATE:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
