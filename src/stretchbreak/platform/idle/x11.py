"""Idle time from the X server's MIT-SCREEN-SAVER extension, through python-xlib.

The display is opened once; each reading is one small round trip to the X server. Under XWayland the server
only sees input sent to X clients, which is why the selector prefers the D-Bus backends on Wayland.
The idle source and the fullscreen check share one connection (`shared_display`): each python-xlib display
costs about 400 kB.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from typing import Any

from stretchbreak.platform.idle.base import IdleUnavailable

SCREENSAVER_EXTENSION = "MIT-SCREEN-SAVER"


def open_display(display_name: str | None) -> Any:
    """An Xlib Display for `display_name` (None: $DISPLAY); IdleUnavailable says why it cannot be opened."""
    try:
        from Xlib import display as xdisplay  # type: ignore[import-untyped]
        from Xlib import error as xerror
    except ImportError as exc:
        raise IdleUnavailable(f"python-xlib is not installed ({exc})") from exc
    failure = ""
    # python-xlib does not close the socket of a failed connection attempt; it is collected together with the
    # exception at the end of the except clause, so its ResourceWarning is silenced here and nowhere else.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return xdisplay.Display(display_name)
        except (xerror.DisplayError, xerror.XauthError, xerror.XNoAuthError, xerror.ConnectionClosedError,
                OSError) as exc:
            failure = str(exc)
    raise IdleUnavailable(f"cannot open X display {display_name or '$DISPLAY'}: {failure}")


_shared: dict[str, tuple[Any, int]] = {}
"""{display name: (the open display, how many users hold it)}"""


def shared_display(display_name: str | None) -> Any:
    """The one open display for `display_name`, opened on first use; hand it back with release_display."""
    key = display_name or os.environ.get("DISPLAY", "")
    display, users = _shared.get(key, (None, 0))
    if display is None:
        display = open_display(display_name)
    _shared[key] = (display, users + 1)
    return display


def release_display(display: Any) -> None:
    """One user is done with `display`; the last one closes it."""
    for key, (held, users) in list(_shared.items()):
        if held is display:
            if users > 1:
                _shared[key] = (held, users - 1)
                return
            del _shared[key]
    with contextlib.suppress(*connection_errors()):  # already gone is fine
        display.close()


def connection_errors() -> tuple[type[Exception], ...]:
    """What python-xlib raises when the server or the connection goes away (or a request is refused)."""
    from Xlib import error as xerror

    return (xerror.XError, xerror.ConnectionClosedError, OSError)


def discard_events(display: Any) -> None:
    """Drop queued events. Nothing here asks for any, but the server sends some to every client anyway
    (MappingNotify on each keymap change), and python-xlib would keep them queued for the life of the display."""
    for _ in range(display.pending_events()):
        display.next_event()


class X11IdleSource:
    name = "x11-screensaver"

    def __init__(self, display_name: str | None = None) -> None:
        self._display: Any = shared_display(display_name)
        self._errors = connection_errors()
        try:
            if not self._display.has_extension(SCREENSAVER_EXTENSION):
                raise IdleUnavailable(f"the X server has no {SCREENSAVER_EXTENSION} extension")
            self._root = self._display.screen().root
        except BaseException:
            self.close()
            raise

    def idle_seconds(self) -> float:
        try:
            info = self._root.screensaver_query_info()
            discard_events(self._display)
        except self._errors as exc:
            raise IdleUnavailable(f"the X server stopped answering: {exc!r}") from exc
        return int(info.idle) / 1000.0

    def close(self) -> None:
        """Let go of the display; closing twice is harmless (the shared display is released once)."""
        display, self._display = self._display, None
        if display is not None:
            release_display(display)
