"""The stretch library: the Stretch/Step model, and loading and validating stretch files.

A stretch file is TOML (see README, "Stretch files"). Built-in files ship in assets/stretches; a user's own
files in the data dir's stretches/ folder merge with them, and a user file with a built-in id replaces it.
A broken file is reported (file, field, problem) and skipped; the rest of the library still loads.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stretchbreak.core.durations import DurationError, parse_duration

SIDES = ("left", "right")
_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_ART_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.svg")
MAX_FILE_BYTES = 256 * 1024
MAX_STEPS = 40
MAX_TEXT = 2000


@dataclass(frozen=True)
class Step:
    text: str
    hold_seconds: int | None = None
    reps: int | None = None
    side: str | None = None
    art: str | None = None


@dataclass(frozen=True)
class Stretch:
    id: str
    name: str
    summary: str
    body_area: str
    caution: str
    steps: tuple[Step, ...]
    art: str
    level: int | None = None
    source: Path | None = None

    def art_for(self, step_index: int) -> str:
        """The illustration file name for a step: the step's own, else the stretch's."""
        return self.steps[step_index].art or self.art

    def with_hold(self, seconds: int) -> Stretch:
        """This stretch with every hold set to `seconds` (the user's override in settings)."""
        steps = tuple(
            Step(s.text, seconds if s.hold_seconds is not None else None, s.reps, s.side, s.art)
            for s in self.steps
        )
        return Stretch(self.id, self.name, self.summary, self.body_area, self.caution, steps, self.art,
                       self.level, self.source)

    @property
    def default_hold(self) -> int | None:
        holds = [s.hold_seconds for s in self.steps if s.hold_seconds is not None]
        return max(holds) if holds else None


@dataclass(frozen=True)
class LibraryProblem:
    file: Path
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}" + (f", field '{self.field}'" if self.field else "")
        return f"{where}: {self.message}"


@dataclass
class Library:
    stretches: dict[str, Stretch] = field(default_factory=dict)
    problems: list[LibraryProblem] = field(default_factory=list)
    art_dirs: tuple[Path, ...] = ()

    def get(self, stretch_id: str) -> Stretch | None:
        return self.stretches.get(stretch_id)

    def ordered(self) -> list[Stretch]:
        """Stretches in menu order: by name, progressions kept together by level."""
        return sorted(self.stretches.values(), key=lambda s: (s.name.split(":")[0], s.level or 0, s.name))

    def art_path(self, name: str) -> Path | None:
        """The first art folder holding `name`; user folders come first so a user can replace art."""
        for folder in self.art_dirs:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        return None


class StretchFileError(Exception):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


def _text(data: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise StretchFileError(where + key, "is missing; it must be a text")
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise StretchFileError(where + key, f"must be a non-empty text, not {value!r}")
    if len(value) > MAX_TEXT:
        raise StretchFileError(where + key, f"is longer than {MAX_TEXT} characters")
    return " ".join(value.split())


def _art(data: Mapping[str, Any], key: str, where: str, *, required: bool) -> str | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not _ART_PATTERN.fullmatch(value) or ".." in value:
        raise StretchFileError(
            where + key, f"must be the file name of an SVG next to the art (like 'cobra.svg'), not {value!r}"
        )
    return value


def _positive_int(data: Mapping[str, Any], key: str, where: str, upper: int) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= upper:
        raise StretchFileError(where + key, f"must be a whole number from 1 to {upper}, not {value!r}")
    return value


def _step(raw: Any, index: int) -> Step:
    where = f"steps[{index}]."
    if not isinstance(raw, dict):
        raise StretchFileError(f"steps[{index}]", "must be a table with at least 'text'")
    unknown = set(raw) - {"text", "hold", "reps", "side", "art"}
    if unknown:
        raise StretchFileError(where + sorted(unknown)[0], "is not a step field (text, hold, reps, side, art)")
    hold_seconds = None
    if "hold" in raw:
        if not isinstance(raw["hold"], str):
            raise StretchFileError(where + "hold", f'must be a text such as "30s" or "2m", not {raw["hold"]!r}')
        try:
            hold_seconds = parse_duration(raw["hold"])
        except DurationError as error:
            raise StretchFileError(where + "hold", str(error)) from None
        if not 1 <= hold_seconds <= 3600:
            raise StretchFileError(where + "hold", "must be between 1 second and 1 hour")
    side = raw.get("side")
    if side is not None and side not in SIDES:
        raise StretchFileError(where + "side", f"must be 'left' or 'right', not {side!r}")
    return Step(
        text=_text(raw, "text", where),
        hold_seconds=hold_seconds,
        reps=_positive_int(raw, "reps", where, 100),
        side=side,
        art=_art(raw, "art", where, required=False),
    )


def parse_stretch(data: Mapping[str, Any], source: Path | None = None) -> Stretch:
    """Build a Stretch from parsed TOML, or raise StretchFileError naming the bad field."""
    known = {"id", "name", "summary", "body_area", "caution", "art", "level", "steps"}
    unknown = set(data) - known
    if unknown:
        raise StretchFileError(sorted(unknown)[0], f"is not a stretch field ({', '.join(sorted(known))})")
    stretch_id = data.get("id")
    if not isinstance(stretch_id, str) or not _ID_PATTERN.fullmatch(stretch_id):
        raise StretchFileError("id", f"must be lower-case letters, digits and '-', not {stretch_id!r}")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise StretchFileError("steps", "must hold at least one [[steps]] table")
    if len(raw_steps) > MAX_STEPS:
        raise StretchFileError("steps", f"has more than {MAX_STEPS} steps")
    return Stretch(
        id=stretch_id,
        name=_text(data, "name", ""),
        summary=_text(data, "summary", ""),
        body_area=_text(data, "body_area", ""),
        caution=_text(data, "caution", ""),
        steps=tuple(_step(raw, i) for i, raw in enumerate(raw_steps)),
        art=_art(data, "art", "", required=True) or "",
        level=_positive_int(data, "level", "", 10),
        source=source,
    )


def load_stretch_file(path: Path) -> Stretch:
    """Read and validate one file; any problem comes out as StretchFileError."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise StretchFileError("", f"is {size} bytes; a stretch file may be at most {MAX_FILE_BYTES}")
        raw = path.read_bytes()
    except OSError as error:
        raise StretchFileError("", f"cannot be read: {error.strerror or error}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise StretchFileError("", "is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise StretchFileError("", f"is not valid TOML: {error}") from None
    stretch = parse_stretch(data, path)
    if stretch.id != path.stem:
        raise StretchFileError("id", f"is '{stretch.id}' but the file is named {path.name}; they must match")
    return stretch


def _stretch_files(folder: Path) -> Iterable[Path]:
    try:
        return sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError:
        return []


def load_library(builtin_dir: Path, user_dir: Path | None = None, art_dir: Path | None = None) -> Library:
    """Load the built-in stretches, then the user's (same id replaces); collect problems, never raise."""
    library = Library()
    art_dirs = [] if user_dir is None else [user_dir]
    library.art_dirs = (*art_dirs, art_dir or builtin_dir.parent / "art")
    for folder in (builtin_dir, user_dir):
        if folder is None:
            continue
        seen_here: dict[str, Path] = {}
        for path in _stretch_files(folder):
            try:
                stretch = load_stretch_file(path)
            except StretchFileError as error:
                library.problems.append(LibraryProblem(path, error.field, error.message))
                continue
            if stretch.id in seen_here:
                library.problems.append(
                    LibraryProblem(path, "id", f"'{stretch.id}' is already used by {seen_here[stretch.id].name}")
                )
                continue
            seen_here[stretch.id] = path
            library.stretches[stretch.id] = stretch
    for stretch in list(library.stretches.values()):
        missing = sorted({stretch.art_for(i) for i in range(len(stretch.steps))} - {None})
        for name in missing:
            if library.art_path(name) is None:
                library.problems.append(LibraryProblem(stretch.source or Path(stretch.id), "art",
                                                       f"illustration '{name}' was not found"))
    return library
