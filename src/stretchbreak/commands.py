"""The verbs a running instance answers over IPC, turned into calls on the app. Qt-free.

Each reply is {"ok": bool, "message": text for the terminal, "data": optional JSON}, or with ok false an
"error" and the "exit" code the command line should end with.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Protocol

from stretchbreak.core.durations import DurationError, describe_duration, parse_duration
from stretchbreak.core.reminders import SnoozeRefused

MAX_PAUSE_SECONDS = 7 * 24 * 3600
MAX_SNOOZE_SECONDS = 24 * 3600


class Controllable(Protocol):
    def status(self) -> dict[str, Any]: ...
    def start_stretch(self, stretch_id: str | None = None, take_focus: bool = True) -> bool: ...
    def snooze(self, seconds: float | None) -> float: ...
    def skip(self) -> None: ...
    def pause(self, until: datetime | None) -> None: ...
    def pause_until_tomorrow(self) -> datetime: ...
    def resume(self) -> None: ...
    def set_favourite(self, stretch_id: str) -> None: ...
    def stretch_list(self) -> list[dict[str, Any]]: ...
    def now(self) -> datetime: ...
    def quit(self) -> None: ...


def ok(message: str, data: Any = None) -> dict[str, Any]:
    reply: dict[str, Any] = {"ok": True, "message": message}
    if data is not None:
        reply["data"] = data
    return reply


def fail(message: str, exit_code: int = 2) -> dict[str, Any]:
    return {"ok": False, "error": message, "exit": exit_code}


def _duration_arg(args: dict[str, Any], what: str) -> int | dict[str, Any] | None:
    raw = args.get("duration")
    if raw is None:
        return None
    try:
        seconds = parse_duration(raw)
    except DurationError as error:
        return fail(f"{what}: {error}")
    if seconds <= 0:
        return fail(f"{what}: the duration must be longer than 0s")
    return seconds


class CommandHandler:
    def __init__(self, app: Controllable) -> None:
        self._app = app

    def __call__(self, verb: str, args: dict[str, Any]) -> dict[str, Any]:
        method = getattr(self, f"verb_{verb}", None)
        if method is None:
            return fail(f"unknown verb '{verb}'")
        result: dict[str, Any] = method(args)
        return result

    def verb_ping(self, args: dict[str, Any]) -> dict[str, Any]:
        return ok("stretchbreak is running")

    def verb_status(self, args: dict[str, Any]) -> dict[str, Any]:
        status = self._app.status()
        return ok(describe_status(status), status)

    def verb_now(self, args: dict[str, Any]) -> dict[str, Any]:
        stretch_id = args.get("stretch")
        if stretch_id is not None and not isinstance(stretch_id, str):
            return fail("now: the stretch must be a stretch id")
        # Asked from a terminal: the window opens without taking the keyboard from it.
        if not self._app.start_stretch(stretch_id, False):
            return fail(f"now: no stretch called '{stretch_id}'; see `stretchbreak list`")
        return ok("Stretch started")

    def verb_snooze(self, args: dict[str, Any]) -> dict[str, Any]:
        seconds = _duration_arg(args, "snooze")
        if isinstance(seconds, dict):
            return seconds
        if seconds is not None and seconds > MAX_SNOOZE_SECONDS:
            return fail(f"snooze: {args.get('duration')!r} is longer than a day; use `stretchbreak pause`")
        try:
            left = self._app.snooze(seconds)
        except SnoozeRefused as refused:
            return fail(f"snooze: {refused}", exit_code=1)
        return ok(f"Snoozed: next stretch in {describe_duration(left)}")

    def verb_skip(self, args: dict[str, Any]) -> dict[str, Any]:
        self._app.skip()
        return ok("Skipped: a full interval starts now")

    def verb_pause(self, args: dict[str, Any]) -> dict[str, Any]:
        raw = args.get("duration")
        if raw == "tomorrow":
            until = self._app.pause_until_tomorrow()
            return ok(f"Paused until {until:%a %H:%M}")
        seconds = _duration_arg(args, "pause")
        if isinstance(seconds, dict):
            return seconds
        if seconds is None:
            self._app.pause(None)
            return ok("Paused until you resume")
        if seconds > MAX_PAUSE_SECONDS:
            return fail("pause: at most 7 days; use `stretchbreak pause` with no duration to pause until resumed")
        until = self._app.now() + timedelta(seconds=seconds)
        self._app.pause(until)
        return ok(f"Paused until {until:%H:%M}")

    def verb_resume(self, args: dict[str, Any]) -> dict[str, Any]:
        self._app.resume()
        return ok("Resumed: a fresh interval starts now")

    def verb_list(self, args: dict[str, Any]) -> dict[str, Any]:
        stretches = self._app.stretch_list()
        lines = [f"{'*' if s['favourite'] else ' '} {s['id']:<24} {s['name']}" for s in stretches]
        return ok("\n".join(lines), stretches)

    def verb_favourite(self, args: dict[str, Any]) -> dict[str, Any]:
        stretch_id = args.get("stretch")
        known = {s["id"]: s["name"] for s in self._app.stretch_list()}
        if not isinstance(stretch_id, str) or stretch_id not in known:
            return fail(f"favourite: no stretch called '{stretch_id}'; see `stretchbreak list`")
        try:
            self._app.set_favourite(stretch_id)
        except OSError as error:
            return fail(f"favourite: could not save the settings: {error}", exit_code=1)
        return ok(f"Favourite: {known[stretch_id]}")

    def verb_quit(self, args: dict[str, Any]) -> dict[str, Any]:
        self._app.quit()
        return ok("stretchbreak is quitting")


def describe_status(status: dict[str, Any]) -> str:
    """The one-line-per-fact text that `stretchbreak status` prints."""
    state = status["state"]
    lines = [f"State: {state}" + (f" ({status['deferred_by']})" if status.get("deferred_by") else "")]
    lines.append(f"Sitting for: {describe_duration(status['sitting_seconds'])}")
    if status.get("paused_until"):
        lines.append(f"Paused until: {status['paused_until']}")
    nxt = status.get("next_reminder_seconds")
    lines.append("Next stretch: " + (f"in {describe_duration(nxt)}" if nxt is not None else "none planned"))
    left = status.get("snoozes_left")
    lines.append("Snoozes left: " + ("no limit" if left is None else str(left)))
    lines.append(f"Favourite: {status['favourite']}")
    if status.get("current_stretch"):
        lines.append(f"Stretching: {status['current_stretch']}")
    lines.append(f"Idle backend: {status['idle_backend']}")
    lines.append(f"Tray: {'yes' if status['tray'] else 'no (control window)'}")
    return "\n".join(lines)
