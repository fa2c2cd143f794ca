"""Start at login: an XDG autostart entry, a Windows Run registry value, or a macOS LaunchAgent.

Each platform has a pure function for what would be written, so all three are testable anywhere;
only the Windows registry access itself needs Windows.
"""

from __future__ import annotations

import plistlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from stretchbreak.core.atomic import atomic_write_text
from stretchbreak.paths import APP_NAME
from stretchbreak.platform.desktop_entry import desktop_file, exec_value, launch_command, xdg_dir

__all__ = [
    "LAUNCH_AGENT_LABEL",
    "RUN_KEY",
    "autostart_desktop_entry",
    "autostart_enabled",
    "disable_autostart",
    "enable_autostart",
    "launch_agent_path",
    "launch_agent_plist",
    "launch_command",
    "windows_run_value",
    "xdg_autostart_path",
]

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
"""Under HKEY_CURRENT_USER."""
LAUNCH_AGENT_LABEL = "org.stretchbreak.app"


def xdg_autostart_path() -> Path:
    return xdg_dir("XDG_CONFIG_HOME", ".config") / "autostart" / f"{APP_NAME}.desktop"


def launch_agent_path() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


def autostart_desktop_entry(command: Sequence[str] | None = None) -> str:
    return desktop_file({
        "Type": "Application",
        "Name": APP_NAME,
        "Comment": "Reminds you to stand up and stretch your lower back",
        "Exec": exec_value(command if command is not None else launch_command()),
        "Icon": APP_NAME,
        "Terminal": "false",
        "X-GNOME-Autostart-enabled": "true",
        "Categories": "Utility;",
    })


def windows_run_value(command: Sequence[str] | None = None) -> tuple[str, str, str]:
    """(key path under HKEY_CURRENT_USER, value name, command line) for the Run key."""
    return RUN_KEY, APP_NAME, subprocess.list2cmdline(command if command is not None else launch_command())


def launch_agent_plist(command: Sequence[str] | None = None) -> bytes:
    return plistlib.dumps({
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": list(command if command is not None else launch_command()),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    })


def _is_windows(platform_name: str) -> bool:
    return platform_name == "win32"


def _is_macos(platform_name: str) -> bool:
    return platform_name == "darwin"


def enable_autostart(platform_name: str = sys.platform) -> Path | str:
    """Register the app to start at login; return the file written, or the registry value on Windows."""
    if _is_windows(platform_name):
        key_path, value_name, data = windows_run_value()
        _set_run_value(key_path, value_name, data)
        return rf"HKEY_CURRENT_USER\{key_path}\{value_name}"
    if _is_macos(platform_name):
        path = launch_agent_path()
        atomic_write_text(path, launch_agent_plist().decode("utf-8"))
        return path
    path = xdg_autostart_path()
    atomic_write_text(path, autostart_desktop_entry())
    return path


def disable_autostart(platform_name: str = sys.platform) -> None:
    """Stop starting at login; already disabled is fine."""
    if _is_windows(platform_name):
        _delete_run_value(RUN_KEY, APP_NAME)
        return
    path = launch_agent_path() if _is_macos(platform_name) else xdg_autostart_path()
    path.unlink(missing_ok=True)


class AutostartSwitch:
    """"Start at login" as one on/off switch, for the settings dialog."""

    def enabled(self) -> bool:
        return autostart_enabled()

    def set_enabled(self, on: bool) -> None:
        if on:
            enable_autostart()
        else:
            disable_autostart()


def autostart_enabled(platform_name: str = sys.platform) -> bool:
    if _is_windows(platform_name):
        return _run_value_exists(RUN_KEY, APP_NAME)
    path = launch_agent_path() if _is_macos(platform_name) else xdg_autostart_path()
    return path.is_file()


# The registry helpers check sys.platform itself (not platform_name) so that type checkers on other
# platforms skip the winreg calls, and so a caller on Linux gets an OSError rather than an ImportError.
def _set_run_value(key_path: str, value_name: str, data: str) -> None:
    if sys.platform != "win32":
        raise OSError("the Windows registry is only available on Windows")
    import winreg

    with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key_path, 0, winreg.KEY_SET_VALUE) as key:
        winreg.SetValueEx(key, value_name, 0, winreg.REG_SZ, data)


def _delete_run_value(key_path: str, value_name: str) -> None:
    if sys.platform != "win32":
        raise OSError("the Windows registry is only available on Windows")
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_path, 0, winreg.KEY_SET_VALUE) as key:
            winreg.DeleteValue(key, value_name)
    except FileNotFoundError:
        pass


def _run_value_exists(key_path: str, value_name: str) -> bool:
    if sys.platform != "win32":
        raise OSError("the Windows registry is only available on Windows")
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_path, 0, winreg.KEY_QUERY_VALUE) as key:
            winreg.QueryValueEx(key, value_name)
    except FileNotFoundError:
        return False
    return True
