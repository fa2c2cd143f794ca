"""Start at login: the XDG autostart file on disk, and the Windows and macOS content from their pure functions."""

import plistlib
import subprocess
import sys
from pathlib import Path

import pytest

from stretchbreak.platform.autostart import (
    autostart_desktop_entry,
    autostart_enabled,
    disable_autostart,
    enable_autostart,
    launch_agent_plist,
    launch_command,
    windows_run_value,
)
from tests.unit.test_desktop_entry import parse_entry, split_exec, unescape_string

SPACED = ["/home/ann/my venv/bin/python", "-m", "stretchbreak"]


def test_linux_enable_writes_a_valid_autostart_entry(isolated_dirs: Path) -> None:
    written = enable_autostart("linux")
    assert written == isolated_dirs / ".config/autostart/stretchbreak.desktop"
    assert isinstance(written, Path)
    entry = parse_entry(written.read_text(encoding="utf-8"))
    assert entry == {
        "Type": "Application",
        "Name": "stretchbreak",
        "Comment": entry["Comment"],
        "Exec": entry["Exec"],
        "Icon": "stretchbreak",
        "Terminal": "false",
        "X-GNOME-Autostart-enabled": "true",
        "Categories": "Utility;",
    }
    assert entry["Comment"]
    assert split_exec(unescape_string(entry["Exec"])) == launch_command()


def test_linux_exec_keeps_a_path_with_a_space_as_one_argument() -> None:
    entry = parse_entry(autostart_desktop_entry(SPACED))
    assert entry["Exec"] == '"/home/ann/my venv/bin/python" -m stretchbreak'
    assert split_exec(unescape_string(entry["Exec"])) == SPACED


@pytest.mark.parametrize("platform_name", ["linux", "freebsd14", "darwin"])
def test_enable_then_disable(platform_name: str) -> None:
    assert not autostart_enabled(platform_name)
    written = enable_autostart(platform_name)
    assert isinstance(written, Path)
    assert written.is_file()
    assert autostart_enabled(platform_name)
    disable_autostart(platform_name)
    assert not written.exists()
    assert not autostart_enabled(platform_name)
    disable_autostart(platform_name)


def test_enable_twice_replaces_the_file() -> None:
    first = enable_autostart("linux")
    assert enable_autostart("linux") == first
    assert isinstance(first, Path)
    assert [path.name for path in first.parent.iterdir()] == ["stretchbreak.desktop"]


def test_xdg_config_home_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "elsewhere"))
    assert enable_autostart("linux") == tmp_path / "elsewhere/autostart/stretchbreak.desktop"


def test_macos_launch_agent_location_and_content(isolated_dirs: Path) -> None:
    written = enable_autostart("darwin")
    assert written == isolated_dirs / "Library/LaunchAgents/org.stretchbreak.app.plist"
    assert isinstance(written, Path)
    assert plistlib.loads(written.read_bytes())["ProgramArguments"] == launch_command()


def test_macos_plist_round_trips() -> None:
    assert plistlib.loads(launch_agent_plist(SPACED)) == {
        "Label": "org.stretchbreak.app",
        "ProgramArguments": SPACED,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }


def test_windows_run_value_quotes_the_command_line() -> None:
    python = r"C:\Program Files\Python311\python.exe"
    assert windows_run_value([python, "-m", "stretchbreak"]) == (
        r"Software\Microsoft\Windows\CurrentVersion\Run",
        "stretchbreak",
        r'"C:\Program Files\Python311\python.exe" -m stretchbreak',
    )


def test_windows_run_value_defaults_to_the_launch_command() -> None:
    assert windows_run_value()[2] == subprocess.list2cmdline(launch_command())


def test_the_registry_is_not_touched_off_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    with pytest.raises(OSError, match="only available on Windows"):
        enable_autostart("win32")
