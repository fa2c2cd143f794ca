"""`stretchbreak --debug-info`: versions, paths, the idle backend and the tray, as a bug report needs them."""

from __future__ import annotations

import platform
import sys
from importlib import metadata

from stretchbreak import __version__, paths


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def print_debug_info() -> int:
    from stretchbreak.instance import NotRunning, ProtocolError, request, socket_address

    address = socket_address(paths.config_path().parent)
    print(f"stretchbreak {__version__}")
    print(f"Python {sys.version.split()[0]} on {platform.platform()}")
    for package in ("PySide6-Essentials", "PySide6-Addons", "APScheduler", "platformdirs", "python-xlib"):
        print(f"{package}: {_version(package)}")
    print(f"config: {paths.config_path()}")
    print(f"data: {paths.data_dir()}")
    print(f"user stretches: {paths.user_stretches_dir()}")
    print(f"log: {paths.log_dir() / 'stretchbreak.log'}")
    print(f"assets: {paths.assets_dir()}")
    print(f"command socket: {address}")
    try:
        status = request(address, "status").get("data", {})
    except (NotRunning, ProtocolError):
        print("running: no")
        from stretchbreak.platform.idle.select import choose_idle_source

        source, reasons = choose_idle_source()
        print(f"idle backend (if started now): {source.name}")
        for reason in reasons:
            print(f"  not used: {reason}")
        print("tray: unknown until the app runs (see the log's 'tray icon shown' or 'no system tray')")
        return 0
    print("running: yes")
    print(f"state: {status.get('state')}")
    print(f"idle backend: {status.get('idle_backend')}")
    print(f"tray: {'yes' if status.get('tray') else 'no (control window)'}")
    return 0
