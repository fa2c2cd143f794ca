"""The command line: parses argv before any Qt import, runs the verbs that need no GUI, starts the app.

Exit codes: 0 ok, 1 error, 2 usage error (argparse names the bad word), 3 not running.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from stretchbreak import __version__

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_NOT_RUNNING = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stretchbreak",
        description="Notices long sitting and guides you through a short lower-back stretch.",
        epilog="Without a verb, starts the tray app.",
    )
    parser.add_argument("--version", action="version", version=f"stretchbreak {__version__}")
    parser.add_argument("--verbose", action="store_true", help="log debug details")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    now = verbs.add_parser("now", help="start a stretch now (the favourite unless one is named)")
    now.add_argument("stretch", nargs="?", help="a stretch id from `stretchbreak list`")
    verbs.add_parser("list", help="list the stretches, the favourite marked with *")
    favourite = verbs.add_parser("favourite", help="make a stretch your favourite")
    favourite.add_argument("stretch", help="a stretch id from `stretchbreak list`")
    return parser


def _list() -> int:
    from stretchbreak.core.settings import load_settings
    from stretchbreak.core.stretches import load_library
    from stretchbreak.paths import assets_dir, config_path, user_stretches_dir

    library = load_library(assets_dir() / "stretches", user_stretches_dir(), assets_dir() / "art")
    favourite = load_settings(config_path()).settings.reminder.favourite
    for stretch in library.ordered():
        mark = "*" if stretch.id == favourite else " "
        print(f"{mark} {stretch.id:<24} {stretch.name}")
    for problem in library.problems:
        print(f"stretchbreak: warning: {problem}", file=sys.stderr)
    return EXIT_OK


def _favourite(stretch_id: str) -> int:
    from stretchbreak.core.settings import load_settings, save_settings
    from stretchbreak.core.stretches import load_library
    from stretchbreak.paths import assets_dir, config_path, user_stretches_dir

    library = load_library(assets_dir() / "stretches", user_stretches_dir(), assets_dir() / "art")
    if stretch_id not in library.stretches:
        print(f"stretchbreak: no stretch called '{stretch_id}'; see `stretchbreak list`", file=sys.stderr)
        return EXIT_USAGE
    loaded = load_settings(config_path())
    try:
        save_settings(loaded.path, loaded.settings.with_favourite(stretch_id), backup_existing=bool(loaded.problems))
    except OSError as error:
        print(f"stretchbreak: could not save {loaded.path}: {error.strerror or error}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Favourite: {library.stretches[stretch_id].name}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.verb == "list":
        return _list()
    if args.verb == "favourite":
        return _favourite(args.stretch)
    from stretchbreak.runner import run_gui

    return run_gui(verbose=args.verbose, stretch_now=args.verb == "now", stretch_id=getattr(args, "stretch", None))


if __name__ == "__main__":
    sys.exit(main())
