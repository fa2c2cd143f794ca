"""Spoken guidance: the Speaker the stretch window talks to, a silent one, and QtSpeaker on Qt's text-to-speech.

QtSpeaker runs the engine in a process of its own (ui/speech_engine.py), started on first use only, so
nothing of it loads while guidance is off, and a speech daemon that stops answering can never freeze a
window: the process is given up on instead. Anything that goes wrong (no engine installed, only Qt's
silent test engine, no voice for the language, an engine that fails or does not answer) makes it quiet,
with a reason the settings dialog shows; it never raises.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QProcess, QProcessEnvironment, QTimer, Signal

from stretchbreak.core.settings import VoiceSettings
from stretchbreak.ui.speech_engine import FAILED, NO_ENGINE, NO_VOICE
from stretchbreak.ui.wording import fill, translate

log = logging.getLogger(__name__)

CHECKING, NO_ANSWER = "checking", "no-answer"
ANSWER_TIMEOUT_MS = 15000
"""How long the engine may take to answer (a first start loads Qt and may spawn the speech daemon)."""
STOP_WAIT_MS = 1000
ENGINE_COMMAND = [sys.executable, "-m", "stretchbreak.ui.speech_engine"]


class Speaker(Protocol):
    """What the stretch window needs: say a text after whatever is being said, stop everything."""

    @property
    def available(self) -> bool: ...

    @property
    def reason(self) -> str:
        """Why nothing can be said, in the user's language; "" while speech works."""
        ...

    def say(self, text: str) -> None: ...

    def stop(self) -> None: ...


class VoiceControl(Speaker, Protocol):
    """What the settings dialog needs on top: the voices, trying settings out, and learning when it knows."""

    @property
    def settings(self) -> VoiceSettings: ...

    def voices(self) -> list[str]: ...

    def apply(self, settings: VoiceSettings) -> None: ...

    def preview(self, text: str, settings: VoiceSettings) -> None:
        """Say `text` with `settings`, whether or not guidance is switched on."""
        ...

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Find out whether speech works here, then call `callback` (at once if that is known already)."""
        ...


class SilentSpeaker:
    """Says nothing; the stretch window's default."""

    def __init__(self) -> None:
        self.settings = VoiceSettings()

    @property
    def available(self) -> bool:
        return False

    @property
    def reason(self) -> str:
        return translate("Speech", "Spoken guidance is not available here.")

    def say(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass

    def voices(self) -> list[str]:
        return []

    def apply(self, settings: VoiceSettings) -> None:
        self.settings = settings

    def preview(self, text: str, settings: VoiceSettings) -> None:
        pass

    def when_ready(self, callback: Callable[[], None]) -> None:
        callback()


class QtSpeaker(QObject):
    """Qt's text-to-speech in its own process, started by the first `say` with guidance on (or when the
    settings dialog asks), and ended when the application quits."""

    changed = Signal()
    """Availability or the voice list is now known, or changed."""

    def __init__(self, settings: VoiceSettings | None = None, *, engines: tuple[str, ...] | None = None,
                 command: list[str] | None = None, answer_timeout_ms: int = ANSWER_TIMEOUT_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings or VoiceSettings()
        self._engines = engines
        self._command = command or ENGINE_COMMAND
        self._process: QProcess | None = None
        self._output = b""
        self._state: tuple[bool, str, str] = (False, CHECKING, "")
        self._voices: list[str] = []
        self._waiting: list[Callable[[], None]] = []
        self._known = False
        self._gave_up = False
        """Speech turned out not to work; nothing is started again until the settings change."""
        self._answer_timer = QTimer(self)
        self._answer_timer.setSingleShot(True)
        self._answer_timer.setInterval(answer_timeout_ms)
        self._answer_timer.timeout.connect(self._on_no_answer)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ---- Speaker ------------------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return self._state[0]

    @property
    def reason(self) -> str:
        available, code, detail = self._state
        if available:
            return ""
        if code == CHECKING:
            return translate("Speech", "Looking for a speech engine…")
        if code == NO_ENGINE:
            return translate("Speech", "No speech engine is installed, so spoken guidance stays silent. "
                                       "On Debian or Ubuntu, install speech-dispatcher and espeak-ng.")
        if code == NO_VOICE:
            return fill(translate("Speech", "The speech engine has no voice for %1, so spoken guidance stays "
                                            "silent."), detail)
        if code == NO_ANSWER:
            return translate("Speech", "The speech engine does not answer, so spoken guidance stays silent.")
        return fill(translate("Speech", "The speech engine does not work (%1), so spoken guidance stays silent."),
                    detail)

    def say(self, text: str) -> None:
        if self._settings.enabled and text and not self._gave_up:
            self._ensure_started()
            self._send({"say": text})

    def stop(self) -> None:
        if self._process is not None:
            self._send({"stop": True})

    # ---- VoiceControl -------------------------------------------------------------------------------

    @property
    def settings(self) -> VoiceSettings:
        return self._settings

    def voices(self) -> list[str]:
        return list(self._voices)

    def apply(self, settings: VoiceSettings) -> None:
        self._settings = settings
        self._gave_up = False
        if self._process is not None:
            self._configure(settings)
            if not settings.enabled:
                self.stop()

    def preview(self, text: str, settings: VoiceSettings) -> None:
        self._gave_up = False
        self._ensure_started()
        self.stop()
        self._configure(settings)
        self._send({"say": text})

    def when_ready(self, callback: Callable[[], None]) -> None:
        if self._known:
            callback()
            return
        self._waiting.append(callback)
        self._ensure_started()

    def shutdown(self, *, force: bool = False) -> None:
        """End the engine's process: politely (its input closes), else, or with `force`, by killing it."""
        process, self._process = self._process, None
        self._answer_timer.stop()
        if process is None:
            return
        process.finished.disconnect(self._on_finished)
        process.closeWriteChannel()
        if force or not process.waitForFinished(STOP_WAIT_MS):
            process.kill()
            process.waitForFinished(STOP_WAIT_MS)
        process.deleteLater()

    # ---- the engine's process -----------------------------------------------------------------------

    def _ensure_started(self) -> None:
        if self._process is not None:
            return
        process = QProcess(self)
        process.setProgram(self._command[0])
        process.setArguments(self._command[1:])
        # The engine imports this package: let it find the very copy that is running, installed or not.
        environment = QProcessEnvironment.systemEnvironment()
        here = str(Path(__file__).resolve().parents[2])
        environment.insert("PYTHONPATH", os.pathsep.join(filter(None, [here, environment.value("PYTHONPATH")])))
        process.setProcessEnvironment(environment)
        process.readyReadStandardOutput.connect(self._read_status)
        process.readyReadStandardError.connect(self._log_engine_messages)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_process_error)
        self._process, self._output = process, b""
        process.start()
        self._configure(self._settings)

    def _configure(self, settings: VoiceSettings) -> None:
        # The voice's language follows the user-interface language, which i18n.install_translator makes
        # the default locale.
        self._send({"configure": {"engines": list(self._engines) if self._engines else None,
                                  "locale": QLocale().name(), "rate": settings.rate, "volume": settings.volume,
                                  "voice": settings.voice}})
        self._answer_timer.start()

    def _send(self, message: dict[str, Any]) -> None:
        if self._process is not None:
            self._process.write((json.dumps(message, ensure_ascii=False) + "\n").encode())

    def _read_status(self) -> None:
        if self._process is None:
            return
        self._output += bytes(self._process.readAllStandardOutput().data())
        *lines, self._output = self._output.split(b"\n")
        for line in lines:
            try:
                status = json.loads(line)
                self._set_state(bool(status["available"]), str(status["code"]), str(status["detail"]),
                                [str(v) for v in status["voices"]])
            except (ValueError, KeyError, TypeError):
                log.warning("the speech engine said something unexpected: %r", line[:200])

    def _log_engine_messages(self) -> None:
        if self._process is not None:
            text = bytes(self._process.readAllStandardError().data()).decode(errors="replace").strip()
            if text:
                log.debug("speech engine: %s", text)

    def _on_no_answer(self) -> None:
        log.warning("the speech engine did not answer within %d ms; giving up on it",
                    self._answer_timer.interval())
        self.shutdown(force=True)
        self._set_state(False, NO_ANSWER, "")

    def _on_finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        if self._process is not None:
            self._process.deleteLater()
        self._process = None
        self._answer_timer.stop()
        self._set_state(False, FAILED, fill(translate("Speech", "it stopped with exit code %1"), exit_code))

    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            if self._process is not None:
                self._process.deleteLater()
            self._process = None
            self._answer_timer.stop()
            self._set_state(False, FAILED, fill(translate("Speech", "it could not be started: %1"),
                                                " ".join(self._command)))

    def _set_state(self, available: bool, code: str, detail: str, voices: list[str] | None = None) -> None:
        self._answer_timer.stop()
        if not available:
            # Nothing to say with it: the idle process would only cost memory.
            log.info("spoken guidance unavailable: %s %s", code, detail)
            self._gave_up = True
            self.shutdown()
        self._state = (available, code, detail)
        self._voices = list(voices or [])
        self._known = True
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
        self.changed.emit()
