"""What the app itself says to the user, translated: the tray's status line and tooltip, its notifications,
and the reason for the control window. The app decides when; this module decides the words."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP

from stretchbreak.core.reminders import State
from stretchbreak.ui.wording import duration_text, fill, translate

CONTEXT = "StretchbreakApp"

_WAITS_UNTIL: dict[str, str] = {
    "fullscreen": str(QT_TRANSLATE_NOOP("StretchbreakApp", "the fullscreen window closes")),
    "notifications inhibited": str(QT_TRANSLATE_NOOP("StretchbreakApp", "notifications are allowed again")),
    "presentation mode": str(QT_TRANSLATE_NOOP("StretchbreakApp", "the presentation ends")),
}
_WAITS_UNTIL_IT_ENDS: str = str(QT_TRANSLATE_NOOP("StretchbreakApp", "that ends"))


def next_stretch(state: State, *, stretching: tuple[str, int, int] | None = None, paused_until: datetime | None = None,
                 deferred_by: str | None = None, seconds_left: float | None = None) -> str:
    """The first line of the tray menu: what comes next, or why nothing does."""
    if state is State.STRETCHING:
        if stretching is None:
            return translate("StretchbreakApp", "Stretching")
        name, step, total = stretching
        return fill(translate("StretchbreakApp", "Stretching: %1 (step %2 of %3)"), name, step, total)
    if state is State.PAUSED:
        if paused_until is None:
            return translate("StretchbreakApp", "Paused until you resume")
        return fill(translate("StretchbreakApp", "Paused until %1"), f"{paused_until:%H:%M}")
    if state is State.OFF_HOURS:
        return translate("StretchbreakApp", "Outside working hours: no reminders")
    if state is State.AWAY:
        return translate("StretchbreakApp", "You are away: sitting time starts when you are back")
    if state is State.DEFERRED:
        until = _WAITS_UNTIL.get(deferred_by or "", _WAITS_UNTIL_IT_ENDS)
        return fill(translate("StretchbreakApp", "The stretch waits until %1"), translate(CONTEXT, until))
    if seconds_left is None:
        return translate("StretchbreakApp", "No stretch planned")
    minutes = int(seconds_left // 60)
    if state is State.SNOOZED:
        if minutes:
            return fill(translate("StretchbreakApp", "Snoozed: next stretch in %1 min"), minutes)
        return translate("StretchbreakApp", "Snoozed: next stretch in under a minute")
    if minutes:
        return fill(translate("StretchbreakApp", "Next stretch in %1 min"), minutes)
    return translate("StretchbreakApp", "Next stretch in under a minute")


def tooltip(next_line: str, sitting_seconds: float, favourite: str | None, *, counting_wall_time: bool,
            events_waiting: int) -> str:
    lines = [f"stretchbreak — {next_line}",
             fill(translate("StretchbreakApp", "Sitting for %1"), duration_text(sitting_seconds)),
             fill(translate("StretchbreakApp", "Favourite: %1"), favourite or translate("StretchbreakApp", "none"))]
    if counting_wall_time:
        lines.append(translate("StretchbreakApp", "Activity: not readable here, counting wall time"))
    if events_waiting:
        lines.append(fill(translate("StretchbreakApp", "History: %1 events waiting for the database"),
                          events_waiting))
    return "\n".join(lines)


def no_tray_reason() -> str:
    return translate("StretchbreakApp", "Your desktop has no system tray, so stretchbreak shows this small "
                                        "window instead. Closing it quits stretchbreak.")


def no_history() -> str:
    return translate("StretchbreakApp", "stretchbreak runs without history: its database could not be opened "
                                        "(see the log).")


def no_history_to_show() -> str:
    return translate("StretchbreakApp", "There is no history to show: the database could not be opened.")


def idle_failed(why: str) -> tuple[str, str]:
    title = translate("StretchbreakApp", "stretchbreak cannot read your activity any more")
    text = translate("StretchbreakApp", "%1\nIt now counts wall time instead, so breaks away from the desk go "
                                        "unnoticed.")
    return title, fill(text, why)


def file_problems(lines: list[str]) -> tuple[str, str]:
    shown = "\n".join(lines[:6])
    if len(lines) > 6:
        shown += "\n" + translate("StretchbreakApp", "…and more; see the log.")
    footer = translate("StretchbreakApp", "stretchbreak uses the defaults for these and leaves your file as it is.")
    return translate("StretchbreakApp", "stretchbreak found problems in your files"), shown + "\n" + footer


def stretch_file_problem(problem: str) -> str:
    return fill(translate("StretchbreakApp", "Stretch file problem: %1"), problem)


def heads_up(seconds: float, snooze_seconds: float | None) -> tuple[str, str]:
    text = fill(translate("StretchbreakApp", "You have been sitting a while. A short stretch starts in %1."),
                duration_text(seconds))
    if snooze_seconds is not None:
        text += "\n" + fill(translate("StretchbreakApp", "Click here to snooze for %1."), duration_text(snooze_seconds))
    return translate("StretchbreakApp", "Time to stretch soon"), text


def no_more_snoozes(limit: int) -> str:
    return fill(translate("StretchbreakApp", "no more snoozes: %1 in a row already; the next one comes after a "
                                             "stretch or a break"), limit)
