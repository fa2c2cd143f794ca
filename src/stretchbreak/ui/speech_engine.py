"""The speech engine's own process: Qt's text-to-speech, driven by JSON lines on stdin, answering each
configuration with one JSON status line on stdout. QtSpeaker runs it as `python -m stretchbreak.ui.speech_engine`.

Why a process of its own: a speech daemon that stops answering (speech-dispatcher does, without a working
audio output) blocks the call into it, and PySide keeps Python's interpreter lock during that call, so in the
app's process it would freeze every window. Here it stalls only this process, which QtSpeaker then gives up
on. Every failure inside becomes a status, never a traceback.

    in:  {"configure": {"engines": ["speechd"] or null, "locale": "en_US", "rate": 0, "volume": 80,
                        "voice": ""}}
         {"say": "Kneel on your left knee."}      {"stop": true}
    out: {"available": true, "code": "", "detail": "", "voices": ["English (Great Britain)", ...]}

The process ends when its input closes.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

TEST_ENGINE = "mock"
"""Qt ships this engine for its own tests: it reports speaking but makes no sound. Used only when asked for."""
NO_ENGINE, ENGINE_ERROR, NO_VOICE, FAILED = "no-engine", "engine-error", "no-voice", "failed"


def status(available: bool, code: str = "", detail: str = "", voices: list[str] | None = None) -> dict[str, Any]:
    return {"available": available, "code": code, "detail": detail, "voices": voices or []}


class SpeechHost:
    """Owns the QTextToSpeech; each method reports instead of raising."""

    def __init__(self) -> None:
        self._tts: Any = None
        self._failure: dict[str, Any] | None = None
        self._available = False

    def configure(self, options: dict[str, Any]) -> dict[str, Any]:
        try:
            if self._tts is None and self._failure is None:
                self._failure = self._start(options.get("engines"))
            if self._failure is not None:
                return self._failure
            return self._configure(QLocale(str(options.get("locale", "en_US"))), int(options.get("rate", 0)),
                                   int(options.get("volume", 80)), str(options.get("voice", "")))
        except Exception as error:
            self._tts, self._available = None, False
            self._failure = status(False, FAILED, f"{type(error).__name__}: {error}")
            return self._failure

    def _start(self, engines: list[str] | None) -> dict[str, Any] | None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        installed = QTextToSpeech.availableEngines()
        wanted = engines or [e for e in installed if e != TEST_ENGINE]
        candidates = [e for e in wanted if e in installed]
        if not candidates:
            return status(False, NO_ENGINE)
        problems = []
        for name in candidates:
            tts = QTextToSpeech(name)
            if tts.state() != QTextToSpeech.State.Error:
                self._tts = tts
                return None
            problems.append(f"{name}: {tts.errorString() or tts.errorReason().name}")
        return status(False, ENGINE_ERROR, "; ".join(problems))

    def _configure(self, wanted: QLocale, rate: int, volume: int, voice: str) -> dict[str, Any]:
        tts = self._tts
        locales = [loc for loc in tts.availableLocales() if loc.language() == wanted.language()]
        if not locales:
            self._available = False
            return status(False, NO_VOICE, wanted.nativeLanguageName())
        exact = [loc for loc in locales if loc.territory() == wanted.territory()]
        tts.setLocale((exact or locales)[0])
        voices = tts.availableVoices()
        chosen = next((v for v in voices if v.name() == voice), None)
        if chosen is not None:
            tts.setVoice(chosen)
        tts.setRate(max(-1.0, min(1.0, rate / 10)))
        tts.setVolume(max(0.0, min(1.0, volume / 100)))
        self._available = True
        return status(True, voices=[v.name() for v in voices])

    def say(self, text: str) -> None:
        try:
            if self._available:
                self._tts.enqueue(text)
        except Exception as error:
            print(f"speech failed: {error}", file=sys.stderr, flush=True)

    def stop(self) -> None:
        try:
            if self._tts is not None:
                from PySide6.QtTextToSpeech import QTextToSpeech

                self._tts.stop(QTextToSpeech.BoundaryHint.Immediate)
        except Exception as error:
            print(f"stopping speech failed: {error}", file=sys.stderr, flush=True)


class _Input(QObject):
    """Lines from stdin, read on a thread of their own and handed to the Qt event loop."""

    line = Signal(str)
    closed = Signal()


def handle(host: SpeechHost, line: str) -> None:
    try:
        command = json.loads(line)
    except ValueError:
        print(f"not a command: {line[:80]!r}", file=sys.stderr, flush=True)
        return
    if not isinstance(command, dict):
        return
    if isinstance(command.get("configure"), dict):
        print(json.dumps(host.configure(command["configure"]), ensure_ascii=False), flush=True)
    if isinstance(command.get("say"), str):
        host.say(command["say"])
    if command.get("stop"):
        host.stop()


def main() -> int:
    for stream in (sys.stdin, sys.stdout):
        stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    app = QCoreApplication(sys.argv[:1])
    host = SpeechHost()
    commands = _Input()
    commands.line.connect(lambda text: handle(host, text))
    commands.closed.connect(app.quit)

    def read() -> None:
        for text in sys.stdin:
            commands.line.emit(text)
        commands.closed.emit()

    threading.Thread(target=read, name="commands", daemon=True).start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
