"""Choosing the idle backend for this OS and desktop, and switching to wall time if it fails later.

Usage in the app: `source, skipped = choose_idle_source()`, then `FallbackIdleSource(source)` so a backend
that dies mid-run (X server gone, compositor restarted) degrades to wall time instead of stopping the app.
`skipped` and the wrapper's `name` say what happened, for the log and `status`.

Backend modules are imported only when tried, so Windows and macOS never load X11 or D-Bus code.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Mapping
from types import MappingProxyType

from stretchbreak.platform.idle.base import Closeable, IdleSource, IdleUnavailable
from stretchbreak.platform.idle.wall_time import WallTimeIdleSource

IdleFactory = Callable[[Mapping[str, str]], IdleSource]
"""Builds one backend from the environment; raises IdleUnavailable when it cannot work here."""

X11 = "x11-screensaver"
GNOME = "gnome-mutter"
FREEDESKTOP = "freedesktop-screensaver"
WINDOWS = "windows"
MACOS = "macos"
WALL_TIME = "wall-time"

WAYLAND_SKIPS_X11 = f"{X11}: not used on Wayland, where XWayland only sees input sent to X windows"


def _x11(env: Mapping[str, str]) -> IdleSource:
    from stretchbreak.platform.idle.x11 import X11IdleSource

    display = env.get("DISPLAY", "")
    if not display:
        raise IdleUnavailable("DISPLAY is not set")
    return X11IdleSource(display)


def _gnome(env: Mapping[str, str]) -> IdleSource:
    from stretchbreak.platform.idle.gnome import GnomeIdleSource

    return GnomeIdleSource()


def _freedesktop(env: Mapping[str, str]) -> IdleSource:
    from stretchbreak.platform.idle.freedesktop import FreedesktopIdleSource

    return FreedesktopIdleSource()


def _windows(env: Mapping[str, str]) -> IdleSource:
    from stretchbreak.platform.idle.windows import WindowsIdleSource

    return WindowsIdleSource()


def _macos(env: Mapping[str, str]) -> IdleSource:
    from stretchbreak.platform.idle.macos import MacIdleSource

    return MacIdleSource()


def _wall_time(env: Mapping[str, str]) -> IdleSource:
    return WallTimeIdleSource()


DEFAULT_FACTORIES: Mapping[str, IdleFactory] = MappingProxyType({
    X11: _x11,
    GNOME: _gnome,
    FREEDESKTOP: _freedesktop,
    WINDOWS: _windows,
    MACOS: _macos,
    WALL_TIME: _wall_time,
})


def is_wayland(env: Mapping[str, str]) -> bool:
    return bool(env.get("WAYLAND_DISPLAY")) or env.get("XDG_SESSION_TYPE", "").lower() == "wayland"


def is_gnome(env: Mapping[str, str]) -> bool:
    return "GNOME" in env.get("XDG_CURRENT_DESKTOP", "").upper()


def candidate_order(env: Mapping[str, str], platform: str = sys.platform) -> list[str]:
    """Backend names to try, best first; always ends with wall time."""
    if platform == "win32":
        return [WINDOWS, WALL_TIME]
    if platform == "darwin":
        return [MACOS, WALL_TIME]
    order: list[str] = []
    if is_wayland(env):
        if is_gnome(env):
            order.append(GNOME)
        order.append(FREEDESKTOP)
    elif env.get("DISPLAY"):
        order.append(X11)
    if is_gnome(env) and GNOME not in order:
        order.append(GNOME)
    if FREEDESKTOP not in order:
        order.append(FREEDESKTOP)
    order.append(WALL_TIME)
    return order


def choose_idle_source(env: Mapping[str, str] | None = None,
                       candidates: Mapping[str, IdleFactory] = DEFAULT_FACTORIES,
                       platform: str = sys.platform) -> tuple[IdleSource, list[str]]:
    """The first backend that builds and answers one reading, and why each one before it was passed over.

    Each reason reads "<backend>: <why>". Wall time is the answer when nothing else works.
    """
    environment: Mapping[str, str] = os.environ if env is None else env
    passed_over: list[str] = []
    if platform not in ("win32", "darwin") and is_wayland(environment) and environment.get("DISPLAY"):
        passed_over.append(WAYLAND_SKIPS_X11)
    for name in candidate_order(environment, platform):
        factory = candidates.get(name)
        if factory is None:
            passed_over.append(f"{name}: not offered")
            continue
        try:
            source = factory(environment)
        except IdleUnavailable as exc:
            passed_over.append(f"{name}: {exc}")
            continue
        try:
            source.idle_seconds()
        except IdleUnavailable as exc:
            passed_over.append(f"{name}: {exc}")
            if isinstance(source, Closeable):
                source.close()
            continue
        return source, passed_over
    return WallTimeIdleSource(), passed_over


class FallbackIdleSource:
    """Wraps the chosen backend; the first time it raises IdleUnavailable, wall time takes over for good.

    `failure` then says why, and `name` reads e.g. "wall-time (x11-screensaver failed: ...)".
    """

    def __init__(self, primary: IdleSource, fallback: IdleSource | None = None,
                 on_fallback: Callable[[str], None] | None = None) -> None:
        self._primary = primary
        self._fallback: IdleSource = fallback if fallback is not None else WallTimeIdleSource()
        self._on_fallback = on_fallback
        self.failure: str | None = None

    @property
    def name(self) -> str:
        if self.failure is None:
            return self._primary.name
        return f"{self._fallback.name} ({self.failure})"

    @property
    def fell_back(self) -> bool:
        return self.failure is not None

    def idle_seconds(self) -> float:
        if self.failure is None:
            try:
                return self._primary.idle_seconds()
            except Exception as exc:  # any failure of an OS adapter: IdleUnavailable, OSError, a library's own
                self.failure = f"{self._primary.name} failed: {exc}"
                if isinstance(self._primary, Closeable):
                    with contextlib.suppress(Exception):
                        self._primary.close()
                if self._on_fallback is not None:
                    self._on_fallback(self.failure)
        return self._fallback.idle_seconds()

    def close(self) -> None:
        for source in (self._primary, self._fallback):
            if isinstance(source, Closeable):
                source.close()
