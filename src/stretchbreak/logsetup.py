"""Logging: a rotating file in the platform's log folder (INFO, or DEBUG when verbose) plus warnings on stderr."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_folder: Path, verbose: bool = False) -> Path | None:
    """Set up the root logger; return the log file's path, or None when the folder cannot be written."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    quiet_libraries()
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("stretchbreak: %(levelname)s: %(message)s"))
    root.addHandler(console)
    log_file = log_folder / "stretchbreak.log"
    try:
        log_folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=512 * 1024, backupCount=3,
                                                       encoding="utf-8")
    except OSError as error:
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", log_file, error)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return log_file


def quiet_libraries() -> None:
    """APScheduler logs every job it adds at INFO, and tzlocal its search at DEBUG: noise in our log."""
    for name in ("apscheduler", "tzlocal"):
        logging.getLogger(name).setLevel(logging.WARNING)
