"""Desktop entries: Exec quoting round-trips, the launch command, and installing the menu entry and icons."""

import configparser
import os
import re
import shlex
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchbreak.platform.desktop_entry import (
    desktop_file,
    exec_value,
    install_desktop,
    launch_command,
    uninstall_desktop,
)

STRING_UNESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
RESERVED_OUTSIDE_QUOTES = "\t\n'\\><~|&;$*?#()`"
ESCAPED_IN_QUOTES = '"`$\\'


def unescape_string(value: str) -> str:
    """Undo the spec's string escapes, as a launcher does right after reading the file."""
    out: list[str] = []
    chars = iter(value)
    for char in chars:
        out.append(STRING_UNESCAPES[next(chars)] if char == "\\" else char)
    return "".join(out)


def read_quoted(chars: Iterator[str], value: str) -> list[str]:
    """The rest of a double-quoted argument, its closing quote consumed; strict about what must be escaped."""
    quoted: list[str] = []
    for char in chars:
        if char == '"':
            return quoted
        if char == "\\":
            char = next(chars)
            assert char in ESCAPED_IN_QUOTES, f"needless escape of {char!r} in {value!r}"
        else:
            assert char not in ESCAPED_IN_QUOTES, f"unescaped {char!r} in quotes in {value!r}"
        quoted.append(char)
    raise ValueError(f"unterminated quote in {value!r}")


def expand_field_codes(argument: str) -> str:
    """Our commands carry no field codes, so the only one allowed is %% for a literal %."""
    assert re.fullmatch(r"([^%]|%%)*", argument), f"stray field code in {argument!r}"
    return argument.replace("%%", "%")


def split_exec(value: str) -> list[str]:
    """Split an (already string-unescaped) Exec value per the spec: double quotes, backslash escapes inside."""
    arguments: list[str] = []
    current: list[str] | None = None
    chars = iter(value)
    for char in chars:
        if char == " ":
            if current is not None:
                arguments.append("".join(current))
            current = None
        else:
            current = current if current is not None else []
            if char == '"':
                current.extend(read_quoted(chars, value))
            else:
                assert char not in RESERVED_OUTSIDE_QUOTES, f"unquoted {char!r} in {value!r}"
                current.append(char)
    if current is not None:
        arguments.append("".join(current))
    return [expand_field_codes(argument) for argument in arguments]


def parse_entry(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read_string(text)
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def read_entry(path: Path) -> dict[str, str]:
    return parse_entry(path.read_text(encoding="utf-8"))


def exec_round_trip(command: list[str], tmp_path: Path) -> list[str]:
    path = tmp_path / "round-trip.desktop"
    path.write_text(desktop_file({"Exec": exec_value(command)}), encoding="utf-8")
    return split_exec(unescape_string(read_entry(path)["Exec"]))


@pytest.mark.parametrize("command", [
    ["/usr/bin/stretchbreak"],
    ["/home/ann/my venv/bin/python", "-m", "stretchbreak"],
    ['C:/odd "quoted" dir/python', "-m", "stretchbreak"],
    ["/opt/$HOME/`x`/back\\slash/python"],
    ["/opt/100%/stretch%u", "--arg=a;b", "#hash", "(paren)", "a|b&c", "~tilde", "<in>", "it's", "wild*?"],
    ["/tmp/tab\there/new\nline/python", ""],
])
def test_exec_value_round_trips_through_the_file(command: list[str], tmp_path: Path) -> None:
    assert exec_round_trip(command, tmp_path) == command


def test_plain_arguments_stay_unquoted_and_match_shell_splitting() -> None:
    assert exec_value(["/usr/bin/python3", "-m", "stretchbreak"]) == "/usr/bin/python3 -m stretchbreak"
    spaced = ["/home/ann/my venv/bin/python", "-m", "stretchbreak"]
    assert exec_value(spaced) == '"/home/ann/my venv/bin/python" -m stretchbreak'
    assert shlex.split(exec_value(spaced)) == spaced


def test_a_literal_backslash_is_four_backslashes_in_the_file() -> None:
    assert desktop_file({"Exec": exec_value(["a\\b"])}) == '[Desktop Entry]\nExec="a\\\\\\\\b"\n'


def test_desktop_file_escapes_control_characters_and_backslashes() -> None:
    values = {"Name": "two\nlines", "Comment": "back\\slash", "GenericName": "tab\there\r"}
    text = desktop_file(values)
    assert not re.search(r"[\x00-\x1f]", text.replace("\n", "")), "the spec allows no control characters"
    assert {key: unescape_string(value) for key, value in parse_entry(text).items()} == values


def make_executable(path: Path) -> None:
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def test_launch_command_prefers_the_script_beside_the_interpreter(tmp_path: Path) -> None:
    python = tmp_path / "bin" / "python"
    python.parent.mkdir()
    make_executable(tmp_path / "bin" / "stretchbreak")
    assert launch_command(str(python)) == [str(tmp_path / "bin" / "stretchbreak")]


def test_launch_command_falls_back_to_running_the_module(tmp_path: Path) -> None:
    python = tmp_path / "bin" / "python"
    python.parent.mkdir()
    (tmp_path / "bin" / "stretchbreak").write_text("not executable", encoding="utf-8")
    assert launch_command(str(python)) == [str(python), "-m", "stretchbreak"]


def shipped_like_icons(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text(f"<svg><!-- {name} --></svg>\n", encoding="utf-8")
    return folder


def test_install_writes_the_menu_entry_and_maps_icon_names(tmp_path: Path, isolated_dirs: Path) -> None:
    icons = shipped_like_icons(tmp_path / "icons", ["stretchbreak.svg", "tray-paused.svg", "tray-ready.svg",
                                                    "unrelated.svg"])
    share = isolated_dirs / ".local/share"
    written = install_desktop(icons_dir=icons)
    hicolor = share / "icons/hicolor/scalable"
    assert written == [share / "applications/stretchbreak.desktop", hicolor / "apps/stretchbreak.svg",
                       hicolor / "status/stretchbreak-paused.svg", hicolor / "status/stretchbreak-ready.svg"]
    assert (hicolor / "status/stretchbreak-paused.svg").read_text(encoding="utf-8") == (
        (icons / "tray-paused.svg").read_text(encoding="utf-8"))
    entry = read_entry(written[0])
    assert entry["Type"] == "Application"
    assert entry["Name"] == "stretchbreak"
    assert entry["GenericName"] == "Stretch break reminder"
    assert entry["Icon"] == "stretchbreak"
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Utility;Accessibility;"
    assert entry["Keywords"] == "stretch;break;back;posture;sitting;"
    assert entry["StartupNotify"] == "false"
    assert entry["Comment"]
    assert split_exec(unescape_string(entry["Exec"])) == launch_command()


def test_install_without_icons_writes_only_the_entry(tmp_path: Path) -> None:
    written = install_desktop(tmp_path / "share", icons_dir=shipped_like_icons(tmp_path / "icons", []))
    assert written == [tmp_path / "share/applications/stretchbreak.desktop"]


def test_install_uses_the_shipped_icons_by_default(tmp_path: Path) -> None:
    written = install_desktop(tmp_path / "share")
    assert tmp_path / "share/icons/hicolor/scalable/apps/stretchbreak.svg" in written
    assert all(path.read_text(encoding="utf-8") for path in written)


def test_a_relative_xdg_data_home_is_ignored(isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    written = install_desktop(icons_dir=shipped_like_icons(tmp_path / "icons", []))
    assert written == [isolated_dirs / ".local/share/applications/stretchbreak.desktop"]


def test_uninstall_removes_everything_installed_and_tolerates_a_second_run(tmp_path: Path) -> None:
    icons = shipped_like_icons(tmp_path / "icons", ["stretchbreak.svg", "tray-snoozed.svg"])
    share = tmp_path / "share"
    written = install_desktop(share, icons_dir=icons)
    other_app = share / "icons/hicolor/scalable/apps/other.svg"
    other_app.write_text("<svg/>", encoding="utf-8")
    assert sorted(uninstall_desktop(share)) == sorted(written)
    assert not any(path.exists() for path in written)
    assert other_app.exists()
    assert uninstall_desktop(share) == []
    assert not [name for _, _, names in os.walk(share) for name in names if name.startswith(".")]
