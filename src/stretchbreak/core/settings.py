"""Typed settings and config.toml: defaults, load with validation, ordered migrations, atomic save.

Loading never fails: a key with a bad value falls back to its default and yields a SettingsProblem that
names the file, the key, the value and what is allowed. The user's file is only written by `save_settings`.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from stretchbreak.core.atomic import atomic_write_text
from stretchbreak.core.durations import ALLOWED_FORMS, DurationError, format_duration, parse_duration

SCHEMA_VERSION = 1
CHOICES = ("favourite", "rotate", "random")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_FAVOURITE = "reverse-stretch"
LANGUAGES = ("auto", "en", "zh_CN")
"""The user-interface languages: "auto" follows the system locale."""
MAX_VOICE_NAME = 200
_HOURS = re.compile(r"([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)")
_STRETCH_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
MAX_CONFIG_BYTES = 1024 * 1024


@dataclass(frozen=True)
class GeneralSettings:
    language: str = "auto"


@dataclass(frozen=True)
class ReminderSettings:
    sit_limit: int = 50 * 60
    natural_break: int = 5 * 60
    warn_before: int = 60
    snooze: int = 10 * 60
    max_snoozes: int = 3
    choice: str = "favourite"
    favourite: str = DEFAULT_FAVOURITE


@dataclass(frozen=True)
class ScheduleSettings:
    days: tuple[str, ...] = DAYS[:5]
    hours: str = "09:00-18:00"


@dataclass(frozen=True)
class SoundSettings:
    enabled: bool = True
    volume: int = 60
    """0-100."""


@dataclass(frozen=True)
class VoiceSettings:
    """Spoken guidance: each step read aloud, the last seconds of a hold counted."""

    enabled: bool = False
    rate: int = 0
    """-10 (slowest) to 10 (fastest); 0 is the voice's normal pace."""
    volume: int = 80
    """0-100."""
    voice: str = ""
    """A voice name as the speech engine lists it; "" for the engine's default voice for the language."""


@dataclass(frozen=True)
class HistorySettings:
    ask_comfort: bool = True
    """After a completed stretch, ask "How does your back feel? 0-10"."""


@dataclass(frozen=True)
class Settings:
    general: GeneralSettings = field(default_factory=GeneralSettings)
    reminder: ReminderSettings = field(default_factory=ReminderSettings)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    sound: SoundSettings = field(default_factory=SoundSettings)
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    history: HistorySettings = field(default_factory=HistorySettings)
    holds: Mapping[str, int] = field(default_factory=dict)
    """Per-stretch hold length overrides in seconds, by stretch id."""

    def with_favourite(self, stretch_id: str) -> Settings:
        return replace(self, reminder=replace(self.reminder, favourite=stretch_id))


@dataclass(frozen=True)
class SettingsProblem:
    file: Path
    key: str
    value: str
    allowed: str

    def __str__(self) -> str:
        if self.key:
            return f"{self.file}: {self.key} = {self.value} is not allowed; expected {self.allowed}."
        return f"{self.file}: {self.value}; {self.allowed}."


@dataclass
class LoadedSettings:
    settings: Settings
    problems: list[SettingsProblem]
    path: Path
    existed: bool


class InvalidValue(Exception):
    def __init__(self, allowed: str) -> None:
        super().__init__(allowed)
        self.allowed = allowed


def _duration(minimum: int, maximum: int) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        try:
            seconds = parse_duration(value)
        except DurationError:
            raise InvalidValue(ALLOWED_FORMS) from None
        if not minimum <= seconds <= maximum:
            raise InvalidValue(f"a duration from {format_duration(minimum)} to {format_duration(maximum)}")
        return seconds

    return convert


def _int_range(minimum: int, maximum: int) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            raise InvalidValue(f"a whole number from {minimum} to {maximum}")
        return value

    return convert


def _one_of(options: tuple[str, ...]) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        if value not in options:
            raise InvalidValue("one of " + ", ".join(f'"{o}"' for o in options))
        return str(value)

    return convert


def _stretch_id(value: Any) -> str:
    if not isinstance(value, str) or not _STRETCH_ID.fullmatch(value):
        raise InvalidValue("a stretch id such as \"reverse-stretch\" (see `stretchbreak list`)")
    return value


def _days(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(d, str) and d.lower() in DAYS for d in value):
        raise InvalidValue("a list of days from " + ", ".join(f'"{d}"' for d in DAYS))
    chosen = {d.lower() for d in value}
    return tuple(d for d in DAYS if d in chosen)


def parse_hours(value: Any) -> str:
    if value == "":
        return ""
    if not isinstance(value, str) or not (match := _HOURS.fullmatch(value.strip())):
        raise InvalidValue('"HH:MM-HH:MM" such as "09:00-18:00", or "" for all day')
    start = int(match[1]) * 60 + int(match[2])
    end = int(match[3]) * 60 + int(match[4])
    if end > 24 * 60 or start == end:
        raise InvalidValue("a start and an end that differ, the end at most 24:00")
    return value.strip()


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidValue("true or false")
    return value


def _voice_name(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_VOICE_NAME or not value.isprintable():
        raise InvalidValue(f'a voice name of at most {MAX_VOICE_NAME} characters, or "" for the default voice')
    return value.strip()


_SECTIONS: dict[str, tuple[type[Any], dict[str, Callable[[Any], Any]]]] = {
    "general": (GeneralSettings, {"language": _one_of(LANGUAGES)}),
    "reminder": (ReminderSettings, {
        "sit_limit": _duration(10, 8 * 3600),
        "natural_break": _duration(5, 2 * 3600),
        "warn_before": _duration(0, 30 * 60),
        "snooze": _duration(10, 4 * 3600),
        "max_snoozes": _int_range(0, 100),
        "choice": _one_of(CHOICES),
        "favourite": _stretch_id,
    }),
    "schedule": (ScheduleSettings, {"days": _days, "hours": parse_hours}),
    "sound": (SoundSettings, {"enabled": _bool, "volume": _int_range(0, 100)}),
    "voice": (VoiceSettings, {"enabled": _bool, "rate": _int_range(-10, 10), "volume": _int_range(0, 100),
                              "voice": _voice_name}),
    "history": (HistorySettings, {"ask_comfort": _bool}),
}
_hold_length = _duration(1, 3600)


def _show(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older file's data up to SCHEMA_VERSION; each step is one entry in _MIGRATIONS."""
    version = data.get("version", SCHEMA_VERSION)
    for step_from, migrate in _MIGRATIONS:
        if isinstance(version, int) and version == step_from:
            data = migrate(data)
            version = step_from + 1
    return data


# (from_version, function) in order. Version 1 is the first format; nothing to migrate yet.
_MIGRATIONS: list[tuple[int, Callable[[dict[str, Any]], dict[str, Any]]]] = []


def parse_settings(data: Mapping[str, Any], path: Path) -> tuple[Settings, list[SettingsProblem]]:
    """Turn parsed TOML into Settings; bad or unknown keys become problems and keep their defaults."""
    problems: list[SettingsProblem] = []
    data = _migrate(dict(data))
    version = data.get("version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        problems.append(SettingsProblem(path, "version", _show(version), f"{SCHEMA_VERSION} (this version's format)"))
    sections: dict[str, Any] = {}
    for name, raw in data.items():
        if name == "version":
            continue
        if name == "holds":
            continue
        if name not in _SECTIONS:
            allowed = "one of the sections " + ", ".join(f"[{s}]" for s in (*_SECTIONS, "holds"))
            problems.append(SettingsProblem(path, name, _show(raw), allowed))
            continue
        if not isinstance(raw, dict):
            problems.append(SettingsProblem(path, name, _show(raw), f"a [{name}] table"))
            continue
        cls, converters = _SECTIONS[name]
        values: dict[str, Any] = {}
        for key, value in raw.items():
            convert = converters.get(key)
            if convert is None:
                known = ", ".join(converters)
                problems.append(SettingsProblem(path, f"{name}.{key}", _show(value), f"one of the keys {known}"))
                continue
            try:
                values[key] = convert(value)
            except InvalidValue as invalid:
                problems.append(SettingsProblem(path, f"{name}.{key}", _show(value), invalid.allowed))
        sections[name] = cls(**values)
    holds: dict[str, int] = {}
    raw_holds = data.get("holds", {})
    if not isinstance(raw_holds, dict):
        problems.append(SettingsProblem(path, "holds", _show(raw_holds), 'a [holds] table like cobra-low = "45s"'))
        raw_holds = {}
    for stretch_id, value in raw_holds.items():
        try:
            _stretch_id(stretch_id)
            holds[stretch_id] = _hold_length(value)
        except InvalidValue as invalid:
            problems.append(SettingsProblem(path, f"holds.{stretch_id}", _show(value), invalid.allowed))
    settings = Settings(**sections, holds=holds)
    reminder = settings.reminder
    if reminder.warn_before >= reminder.sit_limit:
        problems.append(SettingsProblem(path, "reminder.warn_before", format_duration(reminder.warn_before),
                                        "a heads-up shorter than reminder.sit_limit"))
        fallback = ReminderSettings.warn_before if ReminderSettings.warn_before < reminder.sit_limit else 0
        settings = replace(settings, reminder=replace(reminder, warn_before=fallback))
    return settings, problems


def load_settings(path: Path) -> LoadedSettings:
    """Read config.toml at `path`; a missing file means defaults, an unreadable one defaults plus a problem."""
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            problem = SettingsProblem(path, "", "the file is larger than 1 MB", "using the defaults")
            return LoadedSettings(Settings(), [problem], path, True)
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedSettings(Settings(), [], path, False)
    except OSError as error:
        problem = SettingsProblem(path, "", f"the file cannot be read ({error.strerror})", "using the defaults")
        return LoadedSettings(Settings(), [problem], path, True)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        problem = SettingsProblem(path, "", "the file is not UTF-8 text", "using the defaults")
        return LoadedSettings(Settings(), [problem], path, True)
    except tomllib.TOMLDecodeError as error:
        problem = SettingsProblem(path, "", f"the file is not valid TOML ({error})", "using the defaults")
        return LoadedSettings(Settings(), [problem], path, True)
    settings, problems = parse_settings(data, path)
    return LoadedSettings(settings, problems, path, True)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # JSON's escapes (\", \\, \n, \u0001) are TOML's too. Other characters stay as they are: escaped, one
        # outside the BMP (a voice named "Zoë 🎙") would become a surrogate pair, which TOML rejects.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} to TOML")


_DURATION_KEYS = {"sit_limit", "natural_break", "warn_before", "snooze"}


def settings_to_toml(settings: Settings) -> str:
    lines = ["# stretchbreak settings. Durations: \"45s\", \"10m\", \"1h30m\"; see the README for every key.",
             f"version = {SCHEMA_VERSION}", ""]
    for name in _SECTIONS:
        section = getattr(settings, name)
        lines.append(f"[{name}]")
        for item in fields(section):
            value = getattr(section, item.name)
            text = _toml_value(format_duration(value) if item.name in _DURATION_KEYS else value)
            lines.append(f"{item.name} = {text}")
        lines.append("")
    if settings.holds:
        lines.append("[holds]")
        lines.extend(f"{sid} = {_toml_value(format_duration(secs))}" for sid, secs in sorted(settings.holds.items()))
        lines.append("")
    return "\n".join(lines)


def save_settings(path: Path, settings: Settings, *, backup_existing: bool = False) -> None:
    """Write atomically. With `backup_existing`, first copy the current file to config.toml.bak.

    Raises OSError when the folder is read-only or the disk is full; the old file is then untouched.
    """
    if backup_existing and path.exists():
        shutil.copy2(path, path.with_name(path.name + ".bak"))
    atomic_write_text(path, settings_to_toml(settings))
