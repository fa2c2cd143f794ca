"""The command line: parses argv before any Qt import, talks to the running instance, starts the app.

Verbs that only talk to a running instance import nothing from Qt, so `stretchbreak status` is fast enough
for a status bar polling every few seconds. Exit codes: 0 ok, 1 error, 2 usage error, 3 not running.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, Literal

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
    favourite.add_argument("stretch", nargs="?", help="a stretch id from `stretchbreak list`")
    verbs.add_parser("quit", help="stop the running stretchbreak")
    autostart = verbs.add_parser("autostart", help="start stretchbreak when you log in, or not")
    autostart.add_argument("switch", nargs="?", choices=["on", "off", "status"])
    verbs.add_parser("install-desktop", help="add stretchbreak to your application menu, with its icons")
    stats = verbs.add_parser("stats", help="what you did today, this week and over the last days")
    stats.add_argument("--days", type=_positive_days, default=30, metavar="N", help="days to show (default 30)")
    export = verbs.add_parser("export", help="export the whole history")
    export.add_argument("--format", choices=["csv", "json"], required=True)
    export.add_argument("--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    return parser


def _positive_days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 3660:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days from 1 to 3660")
    return int(text)


def _validate(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Check durations here, so a bad word is a usage error (exit 2) naming the word, running or not."""
    from stretchbreak.core.durations import DurationError, parse_duration

    # Optional to argparse, so that a stray option ("favourite -x") is named instead of a missing argument.
    if args.verb == "favourite" and args.stretch is None:
        parser.error("favourite: name a stretch from `stretchbreak list`")
    if args.verb == "autostart" and args.switch is None:
        parser.error("autostart: say on, off or status")
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


def _history_path() -> Any:
    from stretchbreak.core.history import FILE_NAME
    from stretchbreak.paths import data_dir

    return data_dir() / FILE_NAME


def _open_history() -> Any:
    """The history database read straight from its file (WAL lets the running app keep writing meanwhile);
    None when there is no history yet."""
    from stretchbreak.core.clock import SystemClock
    from stretchbreak.core.history import HistoryStore

    path = _history_path()
    return HistoryStore(path, SystemClock()) if path.exists() else None


def _stats(days: int) -> int:
    from stretchbreak.core.clock import SystemClock
    from stretchbreak.core.history import HistoryUnavailable
    from stretchbreak.core.stats import format_summary, summarize

    try:
        store = _open_history()
    except HistoryUnavailable as error:
        print(f"stretchbreak: stats: {error}", file=sys.stderr)
        return EXIT_ERROR
    if store is None:
        print(f"No history yet ({_history_path()}).")
        return EXIT_OK
    names = {s.id: s.name for s in _local_library().ordered()}
    with store:
        print(format_summary(summarize(store, SystemClock().now().date(), days, names), names))
    return EXIT_OK


def _export(fmt: Literal["csv", "json"], output: str | None) -> int:
    import io
    from pathlib import Path

    from stretchbreak.core.atomic import atomic_write_text
    from stretchbreak.core.export import export_history, write_csv, write_json
    from stretchbreak.core.history import HistoryUnavailable

    try:
        store = _open_history()
    except HistoryUnavailable as error:
        print(f"stretchbreak: export: {error}", file=sys.stderr)
        return EXIT_ERROR
    buffer = io.StringIO()
    if store is None:
        count = (write_csv if fmt == "csv" else write_json)([], buffer)
    else:
        with store:
            count = export_history(store, fmt, buffer)
    if output is None:
        sys.stdout.write(buffer.getvalue())
        return EXIT_OK
    try:
        atomic_write_text(Path(output), buffer.getvalue())
    except OSError as error:
        print(f"stretchbreak: export: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_ERROR
    print(f"exported {count} events to {output}", file=sys.stderr)
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
    if verb == "stats":
        return _stats(args.days)
    if verb == "export":
        return _export(args.format, args.output)
    if verb == "status":
        return _send("status", {}, json_out=args.json) if args.json else _send("status", {})
    if verb in ("snooze", "pause"):
        return _send(verb, {"duration": args.duration} if args.duration else {})
    return _send(verb, {})  # skip, resume, quit


if __name__ == "__main__":
    sys.exit(main())
