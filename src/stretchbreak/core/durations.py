"""The one parser and formatter for durations such as "45s", "10m", "1h30m" (a bare number means minutes)."""

from __future__ import annotations

import re

_UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}
_PATTERN = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
ALLOWED_FORMS = 'a duration such as "45s", "10m", "1h", "1h30m", or a whole number of minutes'


class DurationError(ValueError):
    """Raised with a message that names the bad text and says what is allowed."""


def parse_duration(text: str | int) -> int:
    """Return the number of whole seconds that `text` stands for."""
    if isinstance(text, bool):
        raise DurationError(f"{text!r} is not {ALLOWED_FORMS}")
    if isinstance(text, int):
        if text < 0:
            raise DurationError(f"{text!r} is negative; expected {ALLOWED_FORMS}")
        return text * 60
    if not isinstance(text, str):
        raise DurationError(f"{text!r} is not {ALLOWED_FORMS}")
    cleaned = text.strip().lower().replace(" ", "")
    if cleaned.isdigit():
        return int(cleaned) * 60
    match = _PATTERN.fullmatch(cleaned)
    if not cleaned or match is None or not any(match.groups()):
        raise DurationError(f"{text!r} is not {ALLOWED_FORMS}")
    hours, minutes, seconds = (int(part) if part else 0 for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: int | float) -> str:
    """Write `seconds` in the shortest form `parse_duration` reads back: 3000 -> "50m", 5400 -> "1h30m"."""
    total = max(0, round(seconds))
    if total == 0:
        return "0s"
    parts = []
    for unit, size in _UNIT_SECONDS.items():
        count, total = divmod(total, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts)


def describe_duration(seconds: int | float) -> str:
    """A human phrase for menus and messages: "50 min", "1 h 30 min", "45 s"."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs or not parts:
        parts.append(f"{secs} s")
    return " ".join(parts)
