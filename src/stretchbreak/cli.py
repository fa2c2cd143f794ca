"""The command line: parses argv before any Qt import, talks to the running instance, starts the app.

Verbs that only talk to a running instance import nothing from Qt, so `stretchbreak status` is fast enough
for a status bar polling every few seconds. Exit codes: 0 ok, 1 error, 2 usage error, 3 not running.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from stretchbreak import __version__

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_NOT_RUNNING = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stretchbreak",
        description="Notices long sitting and guides you through a short lower-back stretch.",
        epilog="Without a verb, starts the tray app. Durations: 45s, 10m, 1h, 1h30m, or minutes. "
        "Exit codes: 0 ok, 1 error, 2 usage error, 3 not running.",
    )
    parser.add_argument("--version", action="version", version=f"stretchbreak {__version__}")
    parser.add_argument("--verbose", action="store_true", help="log debug details")
    parser.add_argument("--debug-info", action="store_true", help="print what a bug report needs, then exit")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    now = verbs.add_parser("now", help="start a stretch now (the favourite unless one is named)")
    now.add_argument("stretch", nargs="?", help="a stretch id from `stretchbreak list`")
    snooze = verbs.add_parser("snooze", help="postpone the next reminder (default: the snooze setting)")
    snooze.add_argument("duration", nargs="?")
    verbs.add_parser("skip", help="drop the current or next reminder; a full interval starts")
    pause = verbs.add_parser("pause", help="no reminders for DURATION, until tomorrow, or until resumed")
    pause.add_argument("duration", nargs="?", metavar="DURATION|tomorrow")
    verbs.add_parser("resume", help="reminders again, starting a fresh interval")
    status = verbs.add_parser("status", help="state, sitting time, time to the next reminder")
    status.add_argument("--json", action="store_true", help="one JSON object (fields in the README)")
    verbs.add_parser("list", help="list the stretches, the favourite marked with *")
    favourite = verbs.add_parser("favourite", help="make a stretch your favourite")
    favourite.add_argument("stretch", help="a stretch id from `stretchbreak list`")
    verbs.add_parser("quit", help="stop the running stretchbreak")
    autostart = verbs.add_parser("autostart", help="start stretchbreak when you log in, or not")
    autostart.add_argument("switch", choices=["on", "off", "status"])
    verbs.add_parser("install-desktop", help="add stretchbreak to your application menu, with its icons")
    return parser


def _validate(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Check durations here, so a bad word is a usage error (exit 2) naming the word, running or not."""
    from stretchbreak.core.durations import DurationError, parse_duration

    duration = getattr(args, "duration", None)
    if duration is None or (args.verb == "pause" and duration == "tomorrow"):
        return
    try:
        seconds = parse_duration(duration)
    except DurationError as error:
        parser.error(f"{args.verb}: {error}")
    if seconds <= 0:
        parser.error(f"{args.verb}: {duration!r} is not longer than 0s")


def _address() -> str:
    from stretchbreak.instance import socket_address
    from stretchbreak.paths import config_path

    return socket_address(config_path().parent)


def _send(verb: str, payload: dict[str, Any], *, json_out: bool = False) -> int:
    from stretchbreak.instance import NotRunning, ProtocolError, request

    try:
        reply = request(_address(), verb, payload)
    except NotRunning:
        if json_out:
            print(json.dumps({"running": False}))
        else:
            print("stretchbreak is not running.", file=sys.stderr)
        return EXIT_NOT_RUNNING
    except ProtocolError as error:
        print(f"stretchbreak: {error}", file=sys.stderr)
        return EXIT_ERROR
    if not reply.get("ok"):
        print(f"stretchbreak: {reply.get('error', 'the running stretchbreak refused')}", file=sys.stderr)
        code = reply.get("exit", EXIT_ERROR)
        return code if isinstance(code, int) else EXIT_ERROR
    if json_out:
        print(json.dumps(reply.get("data", {}), sort_keys=True))
    elif reply.get("message"):
        print(reply["message"])
    return EXIT_OK


def _local_library() -> Any:
    from stretchbreak.core.stretches import load_library
    from stretchbreak.paths import assets_dir, user_stretches_dir

    return load_library(assets_dir() / "stretches", user_stretches_dir(), assets_dir() / "art")


def _list() -> int:
    from stretchbreak.core.settings import load_settings
    from stretchbreak.paths import config_path

    library = _local_library()
    favourite = load_settings(config_path()).settings.reminder.favourite
    for stretch in library.ordered():
        print(f"{'*' if stretch.id == favourite else ' '} {stretch.id:<24} {stretch.name}")
    for problem in library.problems:
        print(f"stretchbreak: warning: {problem}", file=sys.stderr)
    return EXIT_OK


def _favourite(stretch_id: str) -> int:
    """Through the running instance when there is one (it owns the settings), else straight to the file."""
    from stretchbreak.instance import NotRunning, ProtocolError, request

    try:
        request(_address(), "ping")
    except (NotRunning, ProtocolError):
        pass
    else:
        return _send("favourite", {"stretch": stretch_id})
    from stretchbreak.core.settings import load_settings, save_settings
    from stretchbreak.paths import config_path

    library = _local_library()
    if stretch_id not in library.stretches:
        print(f"stretchbreak: favourite: no stretch called '{stretch_id}'; see `stretchbreak list`", file=sys.stderr)
        return EXIT_USAGE
    loaded = load_settings(config_path())
    try:
        save_settings(loaded.path, loaded.settings.with_favourite(stretch_id), backup_existing=bool(loaded.problems))
    except OSError as error:
        print(f"stretchbreak: could not save {loaded.path}: {error.strerror or error}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Favourite: {library.stretches[stretch_id].name}")
    return EXIT_OK


def _now(stretch_id: str | None, verbose: bool) -> int:
    from stretchbreak.instance import NotRunning, ProtocolError, request

    try:
        request(_address(), "ping")
    except (NotRunning, ProtocolError):
        from stretchbreak.runner import run_gui

        return run_gui(verbose=verbose, stretch_now=True, stretch_id=stretch_id)
    return _send("now", {"stretch": stretch_id} if stretch_id else {})


def _autostart(switch: str) -> int:
    from stretchbreak.platform.autostart import autostart_enabled, disable_autostart, enable_autostart

    try:
        if switch == "on":
            print(f"Start at login: on ({enable_autostart()})")
        elif switch == "off":
            disable_autostart()
            print("Start at login: off")
        else:
            print(f"Start at login: {'on' if autostart_enabled() else 'off'}")
    except OSError as error:
        print(f"stretchbreak: autostart: {error}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _install_desktop() -> int:
    from stretchbreak.platform.desktop_entry import install_desktop

    try:
        for path in install_desktop():
            print(f"installed {path}")
    except OSError as error:
        print(f"stretchbreak: install-desktop: {error}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _validate(parser, args)
    if args.debug_info:
        from stretchbreak.debug_info import print_debug_info

        return print_debug_info()
    verb = args.verb
    if verb is None:
        from stretchbreak.runner import run_gui

        return run_gui(verbose=args.verbose)
    if verb == "now":
        return _now(args.stretch, args.verbose)
    if verb == "list":
        return _list()
    if verb == "favourite":
        return _favourite(args.stretch)
    if verb == "autostart":
        return _autostart(args.switch)
    if verb == "install-desktop":
        return _install_desktop()
    if verb == "status":
        return _send("status", {}, json_out=args.json) if args.json else _send("status", {})
    if verb in ("snooze", "pause"):
        return _send(verb, {"duration": args.duration} if args.duration else {})
    return _send(verb, {})  # skip, resume, quit


if __name__ == "__main__":
    sys.exit(main())
