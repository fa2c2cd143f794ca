"""Freedesktop integration: the launch command, the desktop entry format, and the menu entry plus icons.

`desktop_file` and `exec_value` are the one place that writes desktop entries and quotes their Exec line;
the login autostart entry is built with them too.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from stretchbreak.core.atomic import atomic_write_text
from stretchbreak.paths import APP_NAME, assets_dir

# Characters that force an Exec argument into double quotes (Desktop Entry spec, "The Exec key").
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = frozenset('"`$\\')
_STRING_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_TRAY_ICON_PREFIX = "tray-"


def launch_command(python: str | None = None) -> list[str]:
    """The installed `stretchbreak` script beside the interpreter, else `python -m stretchbreak`."""
    interpreter = python if python is not None else sys.executable
    script = shutil.which(APP_NAME, path=str(Path(interpreter).parent)) if interpreter else None
    if script:
        return [script]
    return [interpreter, "-m", APP_NAME]


def xdg_dir(variable: str, fallback: str) -> Path:
    """An XDG base directory; the spec says a relative value is invalid and must be ignored."""
    value = os.environ.get(variable, "")
    if os.path.isabs(value):
        return Path(value)
    return Path.home() / fallback


def data_home() -> Path:
    return xdg_dir("XDG_DATA_HOME", ".local/share")


def quote_exec_argument(argument: str) -> str:
    """Quote one argument for an Exec line; `%` is doubled so it is never read as a field code."""
    argument = argument.replace("%", "%%")
    if argument and not _RESERVED.intersection(argument):
        return argument
    escaped = "".join(f"\\{char}" if char in _ESCAPED_IN_QUOTES else char for char in argument)
    return f'"{escaped}"'


def exec_value(command: Sequence[str]) -> str:
    return " ".join(quote_exec_argument(argument) for argument in command)


def escape_string_value(value: str) -> str:
    """Apply the spec's string escapes, which launchers undo before they unquote an Exec line."""
    return "".join(_STRING_ESCAPES.get(char, char) for char in value)


def desktop_file(entries: Mapping[str, str]) -> str:
    """A `[Desktop Entry]` group with `entries` in order; values are given unescaped."""
    lines = ["[Desktop Entry]", *(f"{key}={escape_string_value(value)}" for key, value in entries.items())]
    return "\n".join(lines) + "\n"


def menu_desktop_entry(command: Sequence[str] | None = None) -> str:
    return desktop_file({
        "Type": "Application",
        "Name": APP_NAME,
        "GenericName": "Stretch break reminder",
        "Comment": "Notices long sitting and guides you through a short lower-back stretch",
        "Exec": exec_value(command if command is not None else launch_command()),
        "Icon": APP_NAME,
        "Terminal": "false",
        "Categories": "Utility;Accessibility;",
        "Keywords": "stretch;break;back;posture;sitting;",
        "StartupNotify": "false",
    })


def menu_entry_path(share_dir: Path) -> Path:
    return share_dir / "applications" / f"{APP_NAME}.desktop"


def app_icon_path(share_dir: Path) -> Path:
    return share_dir / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_NAME}.svg"


def status_icons_dir(share_dir: Path) -> Path:
    return share_dir / "icons" / "hicolor" / "scalable" / "status"


def _shipped_icons_dir() -> Path | None:
    try:
        icons = assets_dir() / "icons"
    except FileNotFoundError:
        return None
    return icons if icons.is_dir() else None


def icon_targets(icons_dir: Path, share_dir: Path) -> list[tuple[Path, Path]]:
    """(shipped icon, installed icon) for each icon that exists: the app icon and the tray state icons."""
    targets: list[tuple[Path, Path]] = []
    app_icon = icons_dir / f"{APP_NAME}.svg"
    if app_icon.is_file():
        targets.append((app_icon, app_icon_path(share_dir)))
    for tray_icon in sorted(icons_dir.glob(f"{_TRAY_ICON_PREFIX}*.svg")):
        state = tray_icon.stem.removeprefix(_TRAY_ICON_PREFIX)
        targets.append((tray_icon, status_icons_dir(share_dir) / f"{APP_NAME}-{state}.svg"))
    return targets


def install_desktop(share_dir: Path | None = None, *, icons_dir: Path | None = None) -> list[Path]:
    """Install the menu entry and the icons into `share_dir` (default: the XDG data home); return what was written.

    `icons_dir` defaults to the shipped icons; icons that are not there are skipped.
    """
    share = share_dir if share_dir is not None else data_home()
    entry_path = menu_entry_path(share)
    atomic_write_text(entry_path, menu_desktop_entry())
    written = [entry_path]
    source_icons = icons_dir if icons_dir is not None else _shipped_icons_dir()
    if source_icons is not None:
        for source, target in icon_targets(source_icons, share):
            atomic_write_text(target, source.read_text(encoding="utf-8"))
            written.append(target)
    return written


def uninstall_desktop(share_dir: Path | None = None) -> list[Path]:
    """Remove the menu entry and every installed stretchbreak icon; return what was removed."""
    share = share_dir if share_dir is not None else data_home()
    candidates = [menu_entry_path(share), app_icon_path(share),
                  *sorted(status_icons_dir(share).glob(f"{APP_NAME}-*.svg"))]
    removed: list[Path] = []
    for path in candidates:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed
